#!/usr/bin/env bash
# Benchmark ahaki-check against a floor (read + pugixml parse only, same threads) and a peer
# (the curriculum rules as an XSLT 1.0 stylesheet, all files in one xsltproc process), on the
# same generated corpus, alternating the tools in each repetition. Prints a markdown report.
#
#   tools/bench/run.sh [-c CHECKER|none] [-r REPS] [-n FILES] [-s SEED] [-w WORKDIR] [-o REPORT.md]
#
#   -c  the ahaki-check binary (env AHAKI_CHECK; default build/ahaki-check); "none" skips it
#   -r  repetitions per measurement, medians reported (env REPS; default 5)
#   -n  corpus size for (a) and (e) (default 2000); the small corpus for (d) is 500
#   -s  generator seed (default 20240401)
#   -w  work directory for the build, corpora and outputs (env WORK; default /tmp/ahaki-bench)
#   -o  also write the report to this file
# Env: SINGLE_RUNS (default 50) runs for the one-file start-to-exit time;
#      AHAKI_CHECK_CMD overrides CHECK_CMD below.
# As root it installs what is missing (xsltproc, time, hyperfine, cmake, g++, libpugixml-dev).
set -euo pipefail
export LC_ALL=C

# The checker's command line: {bin} {jobs} {out} {in} are replaced ({in} is a directory or a file).
# Edit here when the CLI changes. Exit status 0 or 1 (findings) counts as success.
CHECK_CMD=${AHAKI_CHECK_CMD:-'{bin} check --jobs {jobs} --format json={out} {in}'}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CHECKER=${AHAKI_CHECK:-$ROOT/build/ahaki-check}
REPS=${REPS:-5}
FILES=2000
SMALL=500
SCALE=100
SEED=20240401
WORK=${WORK:-/tmp/ahaki-bench}
REPORT=
SINGLE_RUNS=${SINGLE_RUNS:-50}

while getopts "c:r:n:s:w:o:h" opt; do
    case $opt in
        c) CHECKER=$OPTARG ;;
        r) REPS=$OPTARG ;;
        n) FILES=$OPTARG ;;
        s) SEED=$OPTARG ;;
        w) WORK=$OPTARG ;;
        o) REPORT=$OPTARG ;;
        *) sed -n '2,16p' "$0"; exit 2 ;;
    esac
done

die() { echo "run.sh: $*" >&2; exit 2; }
note() { echo "run.sh: $*" >&2; }

# ------------------------------------------------------------------ set-up

APT_UPDATED=
apt_install() {
    [ "$(id -u)" = 0 ] || return 1
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1; then
        [ -n "$APT_UPDATED" ] || { apt-get update -q >/dev/null 2>&1 || true; APT_UPDATED=1; }
        apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1
    fi
}
need_cmd() {  # command package [optional]
    command -v "$1" >/dev/null 2>&1 && return 0
    note "installing $2"
    apt_install "$2" || true
    command -v "$1" >/dev/null 2>&1 && return 0
    [ "${3:-}" = optional ] && return 1
    die "$1 is missing (package $2); run as root or install it"
}
need_cmd xsltproc xsltproc
need_cmd /usr/bin/time time
need_cmd cmake cmake
need_cmd g++ g++
[ -f /usr/include/pugixml.hpp ] || apt_install libpugixml-dev || die "libpugixml-dev is missing"
HAVE_HYPERFINE=
need_cmd hyperfine hyperfine optional && HAVE_HYPERFINE=1

JOBS=$(nproc)
if [ "$CHECKER" != none ]; then
    [ -x "$CHECKER" ] || die "checker not found: $CHECKER (build it, pass -c PATH, or -c none to skip it)"
    CHECKER=$(cd "$(dirname "$CHECKER")" && pwd)/$(basename "$CHECKER")
fi

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
LOG=$WORK/run.log
: >"$LOG"
note "building gen and floor in $WORK/build"
cmake -S "$HERE" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release >>"$LOG" 2>&1 || die "cmake failed, see $LOG"
cmake --build "$WORK/build" -j "$JOBS" >>"$LOG" 2>&1 || die "build failed, see $LOG"
GEN=$WORK/build/ahaki-bench-gen
FLOOR=$WORK/build/ahaki-bench-floor

note "generating corpora (seed $SEED)"
gen_set() {  # name count scale
    rm -rf "$WORK/corpus-$1"
    "$GEN" --out "$WORK/corpus-$1" --count "$2" --seed "$SEED" --scale "$3" \
        --index "$WORK/index-$1.xml" --manifest "$WORK/manifest-$1.tsv"
}
gen_set main "$FILES" 1
gen_set small "$SMALL" 1
gen_set big 1 "$SCALE"
# The typical file: the one of median size in the main corpus.
# shellcheck disable=SC2012  # our own file names
TYPICAL=$(ls -S "$WORK/corpus-main" | sed -n "$(( (FILES + 1) / 2 ))p")
rm -rf "$WORK/corpus-typical" && mkdir -p "$WORK/corpus-typical"
cp "$WORK/corpus-main/$TYPICAL" "$WORK/corpus-typical/"
printf '<files><file href="%s"/></files>\n' "$WORK/corpus-typical/$TYPICAL" >"$WORK/index-typical.xml"
mkdir -p "$WORK/out"

set_input() {  # set -> path given to checker and floor (a file for the one-file sets)
    case $1 in
        typical) echo "$WORK/corpus-typical/$TYPICAL" ;;
        big) echo "$WORK/corpus-big/school-00001.xml" ;;
        *) echo "$WORK/corpus-$1" ;;
    esac
}

# ------------------------------------------------------------------ running the tools

# tool_argv TOOL SET JOBS: the command line, in ARGV.
tool_argv() {
    local in
    in=$(set_input "$2")
    case $1 in
        checker)
            local cmd=$CHECK_CMD
            cmd=${cmd//\{bin\}/$CHECKER}
            cmd=${cmd//\{jobs\}/$3}
            cmd=${cmd//\{out\}/$WORK/out/checker-$2.json}
            cmd=${cmd//\{in\}/$in}
            read -r -a ARGV <<<"$cmd" ;;
        floor) ARGV=("$FLOOR" --jobs "$3" "$in") ;;
        peer) ARGV=(xsltproc -o "$WORK/out/peer-$2.xml" "$HERE/peer.xsl" "$WORK/index-$2.xml") ;;
    esac
}

ok_status() {  # tool status
    if [ "$1" = checker ]; then [ "$2" -le 1 ]; else [ "$2" -eq 0 ]; fi
}

# read_cpu: CHILD_CPU = user+sys CPU microseconds of all finished children of this shell.
# `times` must run in this very shell (not in $(…) or a pipe: a fork has no children yet).
read_cpu() {
    times >"$WORK/out/times.txt"
    CHILD_CPU=$(awk 'NR == 2 {
        n = split($0, f, " "); t = 0
        for (i = 1; i <= n; i++) { split(f[i], p, "m"); sub(/s$/, "", p[2]); t += p[1] * 60 + p[2] }
        printf "%d\n", t * 1e6 }' "$WORK/out/times.txt")
}

# elapsed TOOL SET JOBS: prints "wall_us cpu_us" of one run (process start to exit; CPU = user + sys).
elapsed() {
    tool_argv "$@"
    local t0 t1 c0 c1 rc=0
    read_cpu
    c0=$CHILD_CPU
    t0=$EPOCHREALTIME
    "${ARGV[@]}" >/dev/null 2>>"$LOG" || rc=$?
    t1=$EPOCHREALTIME
    read_cpu
    c1=$CHILD_CPU
    ok_status "$1" "$rc" || { echo "run.sh: $1 on $2 failed (exit $rc): ${ARGV[*]}; see $LOG" >&2; return 1; }
    echo "$(( ${t1/./} - ${t0/./} )) $(( c1 - c0 ))"
}

median() {
    printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END {
        if (NR % 2) print a[(NR + 1) / 2]; else printf "%d\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

declare -A MED  # "tool set jobs" -> median wall microseconds
declare -A CPU  # "tool set jobs" -> median CPU (user + sys) microseconds

# measure REPS CONFIG...: each CONFIG is "tool set jobs"; one warm-up run each, then REPS rounds
# running every config once per round, the order rotated each round.
measure() {
    local reps=$1
    shift
    local configs=("$@") n=$# r k c us
    declare -A samples=() cpus=()
    for c in "${configs[@]}"; do
        # shellcheck disable=SC2086
        elapsed $c >/dev/null || exit 1
    done
    for ((r = 0; r < reps; r++)); do
        for ((k = 0; k < n; k++)); do
            c=${configs[(r + k) % n]}
            # shellcheck disable=SC2086
            us=$(elapsed $c) || exit 1
            samples[$c]+="${us% *} "
            cpus[$c]+="${us#* } "
        done
    done
    for c in "${configs[@]}"; do
        # shellcheck disable=SC2086
        MED[$c]=$(median ${samples[$c]})
        # shellcheck disable=SC2086
        CPU[$c]=$(median ${cpus[$c]})
    done
}

TOOLS=(floor peer)
[ "$CHECKER" = none ] || TOOLS=(checker floor peer)
has_checker() { [ "$CHECKER" != none ]; }

# formatting helpers (awk for floating point)
secs() { [ -n "${1:-}" ] && awk -v u="$1" 'BEGIN { printf "%.3f s", u / 1e6 }' || echo "n/a"; }
msec() { [ -n "${1:-}" ] && awk -v u="$1" 'BEGIN { printf "%.1f ms", u / 1e3 }' || echo "n/a"; }
ratio() { [ -n "${1:-}" ] && [ -n "${2:-}" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", a / b }' || echo "n/a"; }
rate() { [ -n "${2:-}" ] && awk -v n="$1" -v u="$2" 'BEGIN { printf "%.0f", n / (u / 1e6) }' || echo "n/a"; }
med() { echo "${MED[$1 $2 $3]:-}"; }
cpu_of() { echo "${CPU[$1 $2 $3]:-}"; }

# ------------------------------------------------------------------ scenarios

note "(a) $FILES files, all rules, $REPS reps"
configs=()
for t in "${TOOLS[@]}"; do configs+=("$t main $JOBS"); done
measure "$REPS" "${configs[@]}"

note "(b) one typical file, start to exit"
declare -A ONE
if [ -n "$HAVE_HYPERFINE" ]; then
    ONE_METHOD="hyperfine -N, $SINGLE_RUNS runs, 3 warm-up"
    hf=()
    for t in "${TOOLS[@]}"; do
        elapsed "$t" typical "$JOBS" >/dev/null || exit 1  # hyperfine -i would hide a failure
        tool_argv "$t" typical "$JOBS"
        hf+=(-n "$t" "${ARGV[*]}")
    done
    hyperfine -N -i --warmup 3 --runs "$SINGLE_RUNS" --export-csv "$WORK/out/one-file.csv" \
        "${hf[@]}" >>"$LOG" 2>&1 || die "hyperfine failed, see $LOG"
    while IFS=, read -r name _mean _sd median _rest; do
        [ "$name" = command ] && continue
        ONE[$name]=$(awk -v s="$median" 'BEGIN { printf "%d", s * 1e6 }')
    done <"$WORK/out/one-file.csv"
else
    ONE_METHOD="shell loop, $SINGLE_RUNS runs alternating, median"
    configs=()
    for t in "${TOOLS[@]}"; do configs+=("$t typical $JOBS"); done
    measure "$SINGLE_RUNS" "${configs[@]}"
    for t in "${TOOLS[@]}"; do ONE[$t]=$(med "$t" typical "$JOBS"); done
fi

note "(c) one ${SCALE}x file vs the typical file"
configs=()
for t in "${TOOLS[@]}"; do configs+=("$t typical $JOBS" "$t big $JOBS"); done
measure "$REPS" "${configs[@]}"

note "(d) peak RSS, $SMALL vs $FILES files"
declare -A RSS
rss_kb() {  # tool set -> KiB
    tool_argv "$1" "$2" "$JOBS"
    local rc=0
    /usr/bin/time -v -o "$WORK/out/time.txt" "${ARGV[@]}" >/dev/null 2>>"$LOG" || rc=$?
    ok_status "$1" "$rc" || die "$1 on $2 failed under /usr/bin/time (exit $rc)"
    awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$WORK/out/time.txt"
}
for t in "${TOOLS[@]}"; do
    for s in small main; do RSS[$t $s]=$(rss_kb "$t" "$s") || exit 2; done
done

note "(e) --jobs 1 vs --jobs $JOBS"
configs=()
for t in "${TOOLS[@]}"; do
    [ "$t" = peer ] && continue
    configs+=("$t main 1")
    [ "$JOBS" -gt 1 ] && configs+=("$t main $JOBS")
done
measure "$REPS" "${configs[@]}"

note "(f) the machine's own scaling: two single-threaded runs one after the other vs at the same time"
# The same CPU-bound work as (e) with --jobs 1, on the small corpus: what N cores give N processes here.
SCALE_TOOL=checker
has_checker || SCALE_TOOL=floor
scaling_once() {  # -> "sequential_us concurrent_us"
    tool_argv "$SCALE_TOOL" small 1
    local t0 t1 t2 p1 p2
    t0=$EPOCHREALTIME
    for ((k = 0; k < JOBS; k++)); do "${ARGV[@]}" >/dev/null 2>>"$LOG" || true; done
    t1=$EPOCHREALTIME
    local pids=()
    for ((k = 0; k < JOBS; k++)); do "${ARGV[@]}" >/dev/null 2>>"$LOG" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p" || true; done
    t2=$EPOCHREALTIME
    echo "$(( ${t1/./} - ${t0/./} )) $(( ${t2/./} - ${t1/./} ))"
}
seqs=() cons=()
for ((r = 0; r < REPS; r++)); do
    x=$(scaling_once)
    seqs+=("${x% *}") cons+=("${x#* }")
done
SCALE_SEQ=$(median "${seqs[@]}")
SCALE_CON=$(median "${cons[@]}")
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------------------ sanity: the peer against the manifest

peer_flagged=$(grep -c '<file [^>]*\(errors="[1-9]\|warnings="[1-9]\)' "$WORK/out/peer-main.xml" || true)
# Files with a defect that makes a curriculum rule report an error or a warning (CUR-015's
# defect, an unmarked content, is a review, which neither tool counts as flagged).
manifest_flagged=$(awk -F'\t' '!/^#/ && $2 ~ /CUR-0(0[0-9]|1[0-46-9]|20)/' "$WORK/manifest-main.tsv" | wc -l)

# ------------------------------------------------------------------ report

size_of() { du -sk "$1" | awk '{ printf "%.1f MB", $1 / 1024 }'; }
kb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
name_of() {
    case $1 in
        checker) echo "ahaki-check" ;;
        floor) echo "floor (read + parse)" ;;
        peer) echo "XSLT peer (xsltproc)" ;;
    esac
}
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
typ_size=$(stat -c %s "$WORK/corpus-typical/$TYPICAL")
big_size=$(stat -c %s "$WORK/corpus-big/school-00001.xml")

report() {
    echo "## Benchmark"
    echo
    echo "$(date -u +%Y-%m-%d), $cpu, $JOBS cores. Corpus: $FILES generated files ($(size_of "$WORK/corpus-main")),"
    echo "seed $SEED, about a quarter non-compliant. Medians of $REPS repetitions, tools alternated in each;"
    echo "wall time from process start to exit. The floor reads and parses the same files with pugixml on"
    echo "the same number of threads and does nothing else; the peer is the 20 curriculum rules"
    echo "(CUR-001…CUR-020) as an XSLT 1.0 stylesheet run by one xsltproc process."
    if has_checker; then
        echo "Checker command: \`$CHECK_CMD\`."
    else
        echo "The checker was not run (-c none)."
    fi
    echo
    echo "### (a) $FILES files, all rules, JSON report"
    echo
    echo "| | wall time | files/s | CPU (user+sys) |"
    echo "|---|---:|---:|---:|"
    for t in "${TOOLS[@]}"; do
        echo "| $(name_of "$t") | $(secs "$(med "$t" main "$JOBS")") | $(rate "$FILES" "$(med "$t" main "$JOBS")") |" \
            "$(secs "$(cpu_of "$t" main "$JOBS")") |"
    done
    echo
    if has_checker; then
        echo "checker / floor: **$(ratio "$(med checker main "$JOBS")" "$(med floor main "$JOBS")")**;" \
            "peer / checker: **$(ratio "$(med peer main "$JOBS")" "$(med checker main "$JOBS")")**" \
            "(peer / floor: $(ratio "$(med peer main "$JOBS")" "$(med floor main "$JOBS")")). In CPU time:" \
            "checker / floor $(ratio "$(cpu_of checker main "$JOBS")" "$(cpu_of floor main "$JOBS")")," \
            "peer / checker $(ratio "$(cpu_of peer main "$JOBS")" "$(cpu_of checker main "$JOBS")")."
    else
        echo "peer / floor: **$(ratio "$(med peer main "$JOBS")" "$(med floor main "$JOBS")")**."
    fi
    echo
    echo "### (b) one typical file ($typ_size bytes), process start to exit"
    echo
    echo "| | median |"
    echo "|---|---:|"
    for t in "${TOOLS[@]}"; do echo "| $(name_of "$t") | $(msec "${ONE[$t]:-}") |"; done
    echo
    echo "Measured with $ONE_METHOD."
    echo
    echo "### (c) one ${SCALE}× larger file ($big_size bytes) vs the typical one"
    echo
    echo "| | typical file | ${SCALE}× file | time ratio |"
    echo "|---|---:|---:|---:|"
    for t in "${TOOLS[@]}"; do
        echo "| $(name_of "$t") | $(msec "$(med "$t" typical "$JOBS")") | $(msec "$(med "$t" big "$JOBS")") |" \
            "$(ratio "$(med "$t" big "$JOBS")" "$(med "$t" typical "$JOBS")") |"
    done
    echo
    echo "Size ratio: $(ratio "$big_size" "$typ_size")."
    echo
    echo "### (d) peak RSS"
    echo
    echo "| | $SMALL files | $FILES files |"
    echo "|---|---:|---:|"
    for t in "${TOOLS[@]}"; do
        echo "| $(name_of "$t") | $(kb "${RSS[$t small]}") | $(kb "${RSS[$t main]}") |"
    done
    echo
    echo "Maximum resident set size from \`/usr/bin/time -v\`, one run each."
    echo
    echo "### (e) threads: --jobs 1 vs --jobs $JOBS ($FILES files)"
    echo
    echo "| | --jobs 1 | files/s | CPU | --jobs $JOBS | files/s | CPU | speed-up |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for t in "${TOOLS[@]}"; do
        [ "$t" = peer ] && continue
        echo "| $(name_of "$t") | $(secs "$(med "$t" main 1)") | $(rate "$FILES" "$(med "$t" main 1)") |" \
            "$(secs "$(cpu_of "$t" main 1)") |" \
            "$(secs "$(med "$t" main "$JOBS")") | $(rate "$FILES" "$(med "$t" main "$JOBS")") |" \
            "$(secs "$(cpu_of "$t" main "$JOBS")") |" \
            "$(ratio "$(med "$t" main 1)" "$(med "$t" main "$JOBS")") |"
    done
    echo
    echo "The peer is single-threaded (xsltproc)."
    echo
    echo "### (f) the machine's own scaling"
    echo
    echo "$JOBS × \`$(name_of "$SCALE_TOOL") --jobs 1\` on the $SMALL-file corpus: one after the other" \
        "$(secs "$SCALE_SEQ"), all at once $(secs "$SCALE_CON"): **$(ratio "$SCALE_SEQ" "$SCALE_CON")** for $JOBS" \
        "independent processes (ideal: $JOBS.0×). This bounds what (e) can show. Load average at the end: $LOADAVG."
    echo
    echo "Sanity: the peer flagged $peer_flagged files; the generator's manifest has $manifest_flagged files" \
        "with a defect that its rules report as an error or a warning."
}

if [ -n "$REPORT" ]; then
    report | tee "$REPORT"
else
    report
fi
