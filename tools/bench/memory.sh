#!/usr/bin/env bash
# Peak memory of batch runs, per output format: each format alone and all of them at
# once, on two generated corpora (default 500 and 3,000 files), for one or more
# binaries. Prints a markdown table of peak RSS (/usr/bin/time -v) and the memory per
# file, (large − small) / (large files − small files).
#
#   tools/bench/memory.sh [-n SMALL,LARGE] [-j JOBS] [-w WORKDIR] [-o REPORT.md] [-x 'EXTRA ARGS'] LABEL=BINARY...
#
#   -n  the two corpus sizes (default 500,3000)
#   -j  --jobs for every run (default 2)
#   -w  work directory: the generator's build, the corpora, the outputs (default /tmp/ahaki-memory)
#   -o  also write the table to this file
#   -x  more arguments for every run (e.g. '--cross-check')
# A binary that does not know a format (html=DIR/ before issue 12) gets "n/a" for it.
# The outputs of a run are removed before the next one (the HTML of 3,000 files is ≈ 350 MB).
set -euo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SIZES=500,3000
JOBS=2
WORK=/tmp/ahaki-memory
REPORT=
EXTRA=
SEED=20240401
while getopts "n:j:w:o:x:h" opt; do
    case $opt in
        n) SIZES=$OPTARG ;;
        j) JOBS=$OPTARG ;;
        w) WORK=$OPTARG ;;
        o) REPORT=$OPTARG ;;
        x) EXTRA=$OPTARG ;;
        *) sed -n '2,16p' "$0"; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { sed -n '2,16p' "$0"; exit 2; }
[ -x /usr/bin/time ] || { echo "memory.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
SMALL=${SIZES%,*}
LARGE=${SIZES#*,}

mkdir -p "$WORK"
if [ ! -x "$WORK/gen-build/ahaki-bench-gen" ]; then
    cmake -S "$HERE" -B "$WORK/gen-build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$WORK/gen-build" --target ahaki-bench-gen >/dev/null
fi
for n in "$SMALL" "$LARGE"; do
    if [ ! -d "$WORK/corpus-$n" ]; then
        "$WORK/gen-build/ahaki-bench-gen" --out "$WORK/corpus-$n" --count "$n" --seed "$SEED" >/dev/null
    fi
done

# Scenarios: a name and the --format arguments ({o} is the output directory of the run).
SCENARIOS=(
    "text|--format text={o}/out.txt"
    "json|--format json={o}/out.json"
    "sarif|--format sarif={o}/out.sarif"
    "junit|--format junit={o}/out.xml"
    "github|--format github={o}/out.github"
    "github-summary|--format github-summary={o}/out.md"
    "html=FILE|--format html={o}/out.html"
    "html=DIR/|--format html={o}/pages/"
    "all but html=DIR/|--format text={o}/out.txt --format json={o}/out.json --format sarif={o}/out.sarif --format junit={o}/out.xml --format github={o}/out.github --format github-summary={o}/out.md --format html={o}/out.html"
    "all at once|--format text={o}/out.txt --format json={o}/out.json --format sarif={o}/out.sarif --format junit={o}/out.xml --format github={o}/out.github --format github-summary={o}/out.md --format html={o}/out.html --format html={o}/pages/"
)

# Peak RSS in kB of one run, or "n/a" when the binary refuses the arguments (exit 2 with a usage error).
peak() {
    local bin=$1 formats=$2 corpus=$3 out="$WORK/out"
    rm -rf "$out"
    mkdir -p "$out"
    formats=${formats//\{o\}/$out}
    local rc=0
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$WORK/time.txt" "$bin" check --jobs "$JOBS" --fail-on never $EXTRA $formats "$corpus" \
        >/dev/null 2>"$WORK/stderr.txt" || rc=$?
    rm -rf "$out"
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        echo "memory.sh: $bin $formats: exit $rc: $(head -c 300 "$WORK/stderr.txt")" >&2
        echo n/a
        return
    fi
    awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt"
}

mb() { [ "$1" = n/a ] && echo n/a || awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
per_file() {
    if [ "$1" = n/a ] || [ "$2" = n/a ]; then echo n/a; return; fi
    awk -v a="$1" -v b="$2" -v n=$((LARGE - SMALL)) 'BEGIN { printf "%.1f kB", (b - a) * 1024 / n / 1000 }'
}

{
    echo "Peak RSS (\`/usr/bin/time -v\`), \`check --jobs $JOBS --fail-on never ${EXTRA}\` on $SMALL and $LARGE generated files"
    echo "(tools/bench/gen.cpp, seed $SEED); per file = (peak at $LARGE − peak at $SMALL) / $((LARGE - SMALL)). $(date -u '+%Y-%m-%d %H:%M UTC'), load average: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    header="| format |"
    rule="|---|"
    for spec in "$@"; do
        label=${spec%%=*}
        header+=" $label, $SMALL | $label, $LARGE | $label, per file |"
        rule+="---:|---:|---:|"
    done
    echo "$header"
    echo "$rule"
    for s in "${SCENARIOS[@]}"; do
        name=${s%%|*}
        formats=${s#*|}
        row="| $name |"
        for spec in "$@"; do
            bin=${spec#*=}
            a=$(peak "$bin" "$formats" "$WORK/corpus-$SMALL")
            b=$(peak "$bin" "$formats" "$WORK/corpus-$LARGE")
            row+=" $(mb "$a") | $(mb "$b") | $(per_file "$a" "$b") |"
        done
        echo "$row"
    done
    echo
    echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee ${REPORT:+"$REPORT"}
