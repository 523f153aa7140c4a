#!/bin/bash
# Renders ahaki-check's HTML report in a real browser (headless Chromium) and
# checks what a reader would see: the PDF is A4 with a sensible page count, its
# text holds the verdict, the rule id, the clause and the school's name, the
# Japanese text is drawn with real glyphs, and a hostile school name shows as
# text instead of running as markup.
#
# Usage: tools/html-render-test.sh AHAKI_CHECK_BINARY [REPO_ROOT] [KEEP_DIR]
#   KEEP_DIR (optional): keep the HTML, PDF and PNG files there for a look.
# Exit: 0 pass, 1 fail, 77 skipped (Chromium missing and cannot be installed;
#       with CI or AHAKI_REQUIRE_BROWSER set, a missing browser is a failure).
#
# Everything comes from Debian packages, installed with apt-get when missing and
# running as root: chromium (the browser), poppler-utils (pdfinfo, pdftotext,
# pdfinfo) and fonts-noto-cjk (Japanese glyphs; without a CJK font Chromium
# draws empty boxes).
set -u
bin=${1:?usage: html-render-test.sh AHAKI_CHECK_BINARY [REPO_ROOT] [KEEP_DIR]}
root=${2:-$(cd "$(dirname "$0")/.." && pwd)}
keep=${3:-}
must_run=${AHAKI_REQUIRE_BROWSER:-${CI:-}}

say() { printf 'html-render-test: %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; failed=1; }
failed=0

find_chromium() { command -v chromium || command -v chromium-browser || command -v google-chrome || true; }

apt_install() {
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
    say "installing Debian packages: $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 && return 0
    DEBIAN_FRONTEND=noninteractive apt-get update >/dev/null 2>&1 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1
}

chromium=$(find_chromium)
if [ -z "$chromium" ]; then
    apt_install chromium
    chromium=$(find_chromium)
fi
if [ -z "$chromium" ]; then
    if [ -n "$must_run" ]; then
        say "FAIL: Chromium is not installed and could not be installed (apt-get install chromium, as root)"
        exit 1
    fi
    say "SKIPPED: Chromium is not installed and could not be installed here (needs root: apt-get install chromium poppler-utils fonts-noto-cjk)"
    exit 77
fi
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
    apt_install poppler-utils || { [ -n "$must_run" ] && { say "FAIL: poppler-utils missing"; exit 1; }; say "SKIPPED: poppler-utils (pdftotext, pdfinfo) missing"; exit 77; }
fi
# A CJK font: fonts-noto-cjk (Debian). fc-list answers for the language.
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=ja 2>/dev/null | head -n 1)" ]; then
    apt_install fonts-noto-cjk || say "warning: no Japanese font installed; the glyph check will fail"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${keep:-$work}
mkdir -p "$out"

# No network: Chromium's background services are off and the page has nothing to fetch.
browse() {
    "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --disable-extensions \
        --user-data-dir="$(mktemp -d "$work/profile.XXXXXX")" "$@" 2>>"$work/chromium.log"
}

# The hostile school: markup, an ampersand and quotes in its name.
hostile="$work/hostile.xml"
sed 's|name="青葉鍼灸専門学校"|name="青葉 \&lt;script\&gt;document.title=\&quot;pwned\&quot;\&lt;/script\&gt; \&amp; \&quot;学校\&quot; \&apos;x\&apos;"|' \
    "$root/curricula/non-compliant/CUR-001-practical-training-below-minimum.xml" >"$hostile"
grep -q '&lt;script&gt;' "$hostile" || fail "could not make the hostile example"

# name | input | expected verdict class | words the PDF must show
cases=(
    "non-compliant|$root/curricula/non-compliant/CUR-001-practical-training-below-minimum.xml|v-non-compliant|不適合;CUR-001;認定規則 第2条第3号;青葉鍼灸専門学校;実習;不足"
    "compliant|$root/curricula/compliant/hari-kyu.xml|v-partially-checked|一部未確認;教育課程表;確認していない項目;青葉鍼灸専門学校;合計;<teachers>"
    "hostile|$hostile|v-non-compliant|<script>document.title=\"pwned\"</script>;& \"学校\";'x'"
    "english|$root/curricula/non-compliant/CUR-001-practical-training-below-minimum.xml|v-non-compliant|non-compliant;CUR-001;Requirements;practical training"
)

start=$(date +%s)
# Japanese glyphs: a page of kanji must not look like a page of characters no
# font has (private-use code points, drawn as empty boxes). Same pixels = boxes.
glyph_page() { printf '<!DOCTYPE html><meta charset="utf-8"><body style="margin:0;font:48px sans-serif">%s</body>' "$1" >"$work/$2.html"; }
glyph_page '適合不適合永' kanji
glyph_page '&#xE000;&#xE001;&#xE002;&#xE003;&#xE004;&#xE005;' boxes
browse --screenshot="$work/kanji.png" --window-size=400,80 "file://$work/kanji.html"
browse --screenshot="$work/boxes.png" --window-size=400,80 "file://$work/boxes.html"
if [ ! -s "$work/kanji.png" ]; then
    fail "Chromium took no screenshot (see $work/chromium.log)"
elif cmp -s "$work/kanji.png" "$work/boxes.png"; then
    fail "Japanese text renders as empty boxes: no CJK font (apt-get install fonts-noto-cjk)"
fi

for c in "${cases[@]}"; do
    IFS='|' read -r name input verdict words <<<"$c"
    lang=ja
    [ "$name" = english ] && lang=en
    html="$out/$name.html"
    "$bin" check --lang "$lang" --fail-on never --format "html=$html" "$input" >/dev/null 2>"$work/$name.err"
    rc=$?
    [ "$rc" = 0 ] || { fail "$name: ahaki-check exited $rc: $(cat "$work/$name.err")"; continue; }

    # Self-contained: no script, no stylesheet or image link, nothing fetched.
    # (The SVG namespace URI is a name, never fetched.)
    if grep -Eiq '<script|<link|<img|<iframe|@import|url\(|src=' "$html"; then fail "$name: the HTML refers to something outside itself or has a script"; fi
    if grep -Eo 'https?://[^" ]*' "$html" | grep -v '^http://www.w3.org/2000/svg$' | grep -q .; then fail "$name: the HTML has a URL"; fi

    pdf="$out/$name.pdf"
    browse --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html"
    [ -s "$pdf" ] || { fail "$name: Chromium wrote no PDF (see $work/chromium.log)"; continue; }
    info=$(pdfinfo "$pdf")
    pages=$(printf '%s\n' "$info" | awk '/^Pages:/ {print $2}')
    size=$(printf '%s\n' "$info" | sed -n 's/^Page size: *//p')
    case "$size" in *A4*) ;; *) fail "$name: page size is '$size', not A4" ;; esac
    if [ -z "$pages" ] || [ "$pages" -lt 1 ] || [ "$pages" -gt 8 ]; then fail "$name: $pages pages (expected 1-8)"; fi
    text=$(pdftotext -enc UTF-8 "$pdf" - 2>/dev/null | tr '\n' ' ' | tr -s ' ')
    page1=$(pdftotext -enc UTF-8 -f 1 -l 1 "$pdf" - 2>/dev/null)
    IFS=';' read -r -a want <<<"$words"
    for w in "${want[@]}"; do
        case "$text" in *"$w"*) ;; *) fail "$name: the PDF does not show '$w'" ;; esac
    done
    # The verdict is on the first page, above everything else.
    first_word=${want[0]}
    [ "$name" = hostile ] && first_word=不適合
    case "$page1" in *"$first_word"*) ;; *) fail "$name: the first page does not show '$first_word'" ;; esac
    # What the browser built from the markup: the verdict box, and for the hostile
    # name no script element and the title untouched.
    dom=$(browse --dump-dom "file://$html")
    case "$dom" in *"class=\"verdict $verdict\""*) ;; *) fail "$name: no verdict box '$verdict' in the rendered DOM" ;; esac
    if [ "$name" = hostile ]; then
        case "$dom" in *"<script"*) fail "hostile: the school name became a <script> element" ;; esac
        case "$dom" in *"pwned</title>"*) fail "hostile: the school name's script ran" ;; esac
        case "$dom" in *'&lt;script&gt;document.title'*) ;; *) fail "hostile: the name is not shown as text" ;; esac
    fi
    [ "$name" = non-compliant ] && browse --screenshot="$out/$name.png" --window-size=1000,1400 --hide-scrollbars "file://$html"
    say "$name: $pages page(s), $size"
done
[ -z "$keep" ] || [ -s "$out/non-compliant.png" ] || fail "no screenshot"

# One report per school for print (--format html=DIR/): every complete example prints on at most 4 A4
# pages, and every page shows the school's name (running header) and its page number "N / M ページ".
perschool="$out/per-school"
"$bin" check --fail-on never --format "html=$perschool/" "$root/curricula/complete" >/dev/null 2>"$work/per-school.err" ||
    fail "per-school: ahaki-check failed: $(cat "$work/per-school.err")"
[ -s "$perschool/index.html" ] || fail "per-school: no index.html"
for f in "$root"/curricula/complete/*.xml; do
    base=$(basename "$f" .xml)
    html=$(ls "$perschool"/[0-9][0-9][0-9]-"$base".html 2>/dev/null | head -n 1)
    [ -n "$html" ] || { fail "per-school: no report for $base"; continue; }
    grep -q "href=\"$(basename "$html")\"" "$perschool/index.html" || fail "per-school: the index does not link $(basename "$html")"
    school=$(sed -n 's/.*<school [^>]*name="\([^"]*\)".*/\1/p' "$f" | head -n 1)
    pdf="$out/per-school-$base.pdf"
    browse --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html"
    [ -s "$pdf" ] || { fail "per-school $base: no PDF"; continue; }
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    case "$(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')" in *A4*) ;; *) fail "per-school $base: not A4" ;; esac
    if [ -z "$pages" ] || [ "$pages" -gt 4 ]; then fail "per-school $base: $pages pages (at most 4)"; fi
    for ((p = 1; p <= ${pages:-0}; p++)); do
        text=$(pdftotext -enc UTF-8 -f "$p" -l "$p" "$pdf" - 2>/dev/null)
        case "$text" in *"$school"*) ;; *) fail "per-school $base: page $p does not show the school name '$school'" ;; esac
        case "$text" in *"$p / $pages"*) ;; *) fail "per-school $base: page $p does not show '$p / $pages'" ;; esac
        case "$text" in *ahaki-2018*) ;; *) fail "per-school $base: page $p does not show the standard edition" ;; esac
    done
    text=$(pdftotext -enc UTF-8 "$pdf" - 2>/dev/null | tr -d '\n')
    for w in 教育課程表 要件ごとの判定 審査者 所見 昼間課程; do
        case "$text" in *"$w"*) ;; *) fail "per-school $base: the PDF does not show '$w'" ;; esac
    done
    [ -z "$keep" ] || pdftoppm -png -r 60 "$pdf" "$out/per-school-$base" 2>/dev/null
    say "per-school $base: $pages page(s), every page with '$school' and its number"
done
# The 修正案 of a non-compliant curriculum is in its report.
"$bin" check --fail-on never --format "html=$out/plan.html" "$root/curricula/non-compliant/CUR-001-practical-training-below-minimum.xml" >/dev/null 2>&1
grep -q '修正案' "$out/plan.html" && grep -q 'はり実技Ⅰ' "$out/plan.html" || fail "plan: the report has no 修正案"

say "done in $(( $(date +%s) - start ))s"
[ "$failed" = 0 ] && say "PASS" && exit 0
exit 1
