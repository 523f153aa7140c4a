#!/usr/bin/env bash
# Benchmark ahaki-check on clinic claims against the parse-only floor, on the same generated files,
# alternating the two in every repetition. Prints a markdown report.
#
#   tools/bench/clinic.sh [-c CHECKER|none] [-r REPS] [-n FILES] [-k CLAIMS] [-s SEED] [-w WORKDIR] [-o REPORT.md]
#
#   -c  the ahaki-check binary (env AHAKI_CHECK; default build/ahaki-check); "none" measures the floor only
#   -r  repetitions per measurement, medians reported (env REPS; default 3)
#   -n  files in the insurer's batch (default 2000); the small batch for the memory test is a quarter of it
#   -k  claims (patients) per clinic file in the batch (default 50): -n 2000 -k 50 = 100,000 claims
#   -s  generator seed (default 20241001)
#   -w  work directory (env WORK; default /tmp/ahaki-bench-clinic)
#   -o  also write the report to this file
# Env: FEES (the fee data the generator reads; default schemas/ryoyohi/ryoyohi.xml),
#      YEAR_START (default 2024-04), BATCH_MONTH (default 2025-01), DEFECTS (percent of batch claims with a
#      wrong total, default 2), AHAKI_CHECK_CMD (overrides CHECK_CMD below).
#
# Corpora: (1) a clinic's year: one file, 50 patients, 12 months from YEAR_START (~7,000 visits);
# (2) an insurer's monthly batch: FILES clinic files × CLAIMS claims for BATCH_MONTH;
# (3) the first quarter of (2), for peak memory at fewer files (a batch streams: flat).
# Every run is timed by /usr/bin/time (wall, user+sys CPU, peak RSS); the load average is taken
# before and after each measurement, since the machine may be shared.
set -euo pipefail
export LC_ALL=C

CHECK_CMD=${AHAKI_CHECK_CMD:-'{bin} check --jobs {jobs} --format json={out} {in}'}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CHECKER=${AHAKI_CHECK:-$ROOT/build/ahaki-check}
REPS=${REPS:-3}
FILES=2000
CLAIMS=50
SEED=20241001
WORK=${WORK:-/tmp/ahaki-bench-clinic}
REPORT=
FEES=${FEES:-$ROOT/schemas/ryoyohi/ryoyohi.xml}
YEAR_START=${YEAR_START:-2024-04}
BATCH_MONTH=${BATCH_MONTH:-2025-01}
DEFECTS=${DEFECTS:-2}

while getopts "c:r:n:k:s:w:o:h" opt; do
    case $opt in
        c) CHECKER=$OPTARG ;;
        r) REPS=$OPTARG ;;
        n) FILES=$OPTARG ;;
        k) CLAIMS=$OPTARG ;;
        s) SEED=$OPTARG ;;
        w) WORK=$OPTARG ;;
        o) REPORT=$OPTARG ;;
        *) sed -n '2,24p' "$0"; exit 2 ;;
    esac
done
SMALL=$(( FILES / 4 > 0 ? FILES / 4 : 1 ))

die() { echo "clinic.sh: $*" >&2; exit 2; }
note() { echo "clinic.sh: $*" >&2; }

[ -x /usr/bin/time ] || die "/usr/bin/time is missing (Debian package time)"
command -v cmake >/dev/null || die "cmake is missing"
[ -f "$FEES" ] || die "fee data not found: $FEES (set FEES=path/to/ryoyohi.xml)"
JOBS=$(nproc)
if [ "$CHECKER" != none ]; then
    [ -x "$CHECKER" ] || die "checker not found: $CHECKER (build it, pass -c PATH, or -c none)"
    CHECKER=$(cd "$(dirname "$CHECKER")" && pwd)/$(basename "$CHECKER")
fi

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
LOG=$WORK/run.log
: >"$LOG"
note "building the generator and the floor in $WORK/build"
cmake -S "$HERE" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release >>"$LOG" 2>&1 || die "cmake failed, see $LOG"
cmake --build "$WORK/build" -j "$JOBS" --target ahaki-bench-clinic-gen ahaki-bench-floor >>"$LOG" 2>&1 || die "build failed, see $LOG"
GEN=$WORK/build/ahaki-bench-clinic-gen
FLOOR=$WORK/build/ahaki-bench-floor

# ------------------------------------------------------------------ corpora

gen_set() {  # name args...
    local name=$1
    shift
    rm -rf "$WORK/corpus-$name"
    local t0=$EPOCHREALTIME
    "$GEN" --out "$WORK/corpus-$name" --fees "$FEES" --seed "$SEED" --manifest "$WORK/manifest-$name.tsv" "$@" 2>>"$WORK/gen-$name.txt" \
        || die "generator failed for $name: $(cat "$WORK/gen-$name.txt")"
    GEN_US[$name]=$(( ${EPOCHREALTIME/./} - ${t0/./} ))
}
declare -A GEN_US
note "generating (seed $SEED): a clinic's year, a batch of $FILES × $CLAIMS claims, and its first $SMALL files"
gen_set year --count 1 --patients 50 --months 12 --start "$YEAR_START"
gen_set batch --count "$FILES" --patients "$CLAIMS" --months 1 --start "$BATCH_MONTH" --defects "$DEFECTS"
rm -rf "$WORK/corpus-small" && mkdir -p "$WORK/corpus-small"
for ((i = 1; i <= SMALL; i++)); do
    f=$(printf 'clinic-%05d.xml' "$i")
    ln "$WORK/corpus-batch/$f" "$WORK/corpus-small/$f" 2>/dev/null || cp "$WORK/corpus-batch/$f" "$WORK/corpus-small/$f"
done
mkdir -p "$WORK/out"

set_input() {
    case $1 in
        year) echo "$WORK/corpus-year/clinic-00001.xml" ;;
        *) echo "$WORK/corpus-$1" ;;
    esac
}

# ------------------------------------------------------------------ running

tool_argv() {  # tool set
    local in
    in=$(set_input "$2")
    case $1 in
        checker)
            local cmd=$CHECK_CMD
            cmd=${cmd//\{bin\}/$CHECKER}
            cmd=${cmd//\{jobs\}/$JOBS}
            cmd=${cmd//\{out\}/$WORK/out/checker-$2.json}
            cmd=${cmd//\{in\}/$in}
            read -r -a ARGV <<<"$cmd" ;;
        floor) ARGV=("$FLOOR" --jobs "$JOBS" "$in") ;;
    esac
}

# read_cpu: CHILD_CPU = user+sys CPU microseconds of the finished children of this shell (bash
# `times`, millisecond steps; /usr/bin/time's %U %S have 10 ms steps). Read twice in the same shell.
read_cpu() {
    times >"$WORK/out/times.txt"
    CHILD_CPU=$(awk 'NR == 2 {
        n = split($0, f, " "); t = 0
        for (i = 1; i <= n; i++) { split(f[i], p, "m"); sub(/s$/, "", p[2]); t += p[1] * 60 + p[2] }
        printf "%d\n", t * 1e6 }' "$WORK/out/times.txt")
}

# once TOOL SET: one timed run; prints "wall_us cpu_us rss_kb".
once() {
    tool_argv "$@"
    local rc=0 t0 t1 c0 c1
    read_cpu
    c0=$CHILD_CPU
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/out/time.txt" "${ARGV[@]}" >/dev/null 2>>"$LOG" || rc=$?
    t1=$EPOCHREALTIME
    read_cpu
    c1=$CHILD_CPU
    if [ "$1" = checker ]; then [ "$rc" -le 1 ]; else [ "$rc" -eq 0 ]; fi || {
        echo "clinic.sh: $1 on $2 failed (exit $rc): ${ARGV[*]}; see $LOG" >&2
        return 1
    }
    # /usr/bin/time appends "Command exited with non-zero status N" first when the status is not 0.
    # Wall time from the shell's clock (µs), CPU from `times`, peak RSS from /usr/bin/time.
    tail -n 1 "$WORK/out/time.txt" | awk -v w=$(( ${t1/./} - ${t0/./} )) -v c=$(( c1 - c0 )) '{ printf "%d %d %d\n", w, c, $4 }'
}

median() {
    printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END {
        if (NR % 2) print a[(NR + 1) / 2]; else printf "%d\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

declare -A WALL CPU RSS LOAD
# measure SET TOOL...: a warm-up run each, then REPS rounds alternating the tools.
measure() {
    local set=$1
    shift
    local tools=("$@") n=$# r k t x
    declare -A w=() c=() m=()
    local before
    before=$(loadavg)
    for t in "${tools[@]}"; do once "$t" "$set" >/dev/null || exit 1; done
    for ((r = 0; r < REPS; r++)); do
        for ((k = 0; k < n; k++)); do
            t=${tools[(r + k) % n]}
            x=$(once "$t" "$set") || exit 1
            read -r a b d <<<"$x"
            w[$t]+="$a " c[$t]+="$b " m[$t]+="$d "
        done
    done
    for t in "${tools[@]}"; do
        # shellcheck disable=SC2086
        WALL[$t $set]=$(median ${w[$t]}); CPU[$t $set]=$(median ${c[$t]}); RSS[$t $set]=$(median ${m[$t]})
    done
    LOAD[$set]="$before → $(loadavg)"
}

TOOLS=(floor)
[ "$CHECKER" = none ] || TOOLS=(checker floor)
has_checker() { [ "$CHECKER" != none ]; }

note "measuring the year (${REPS} reps)"
measure year "${TOOLS[@]}"
note "measuring the batch of $FILES files"
measure batch "${TOOLS[@]}"
note "measuring the first $SMALL files of the batch"
measure small "${TOOLS[@]}"

# ------------------------------------------------------------------ report

secs() { [ -n "${1:-}" ] && awk -v u="$1" 'BEGIN { printf "%.3f s", u / 1e6 }' || echo "n/a"; }
ratio() { [ -n "${1:-}" ] && [ -n "${2:-}" ] && [ "${2:-0}" != 0 ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", a / b }' || echo "n/a"; }
mb() { [ -n "${1:-}" ] && awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }' || echo "n/a"; }
rate() { [ -n "${2:-}" ] && awk -v n="$1" -v u="$2" 'BEGIN { printf "%.0f", n / (u / 1e6) }' || echo "n/a"; }
size_of() { du -sk "$1" | awk '{ printf "%.1f MB", $1 / 1024 }'; }
col() { awk -F'\t' -v c="$2" '!/^#/ { s += $c } END { print s + 0 }' "$WORK/manifest-$1.tsv"; }
defects() { awk -F'\t' '!/^#/ && $5 != "-" { n += split($5, a, " ") } END { print n + 0 }' "$WORK/manifest-$1.tsv"; }
name_of() { case $1 in checker) echo "ahaki-check" ;; floor) echo "floor (read + parse)" ;; esac; }
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)

report() {
    echo "## Clinic claims benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $cpu, $JOBS cores, seed $SEED, medians of $REPS repetitions (tools alternated;"
    echo "one warm-up run each). Every run timed by \`/usr/bin/time\`: wall time, CPU = user + sys, peak RSS."
    if has_checker; then echo "Checker command: \`$CHECK_CMD\`."; else echo "The checker was not run (-c none)."; fi
    echo "Fee data: \`${FEES#"$ROOT"/}\`."
    echo
    echo "| corpus | files | patients | visits | claims | defects | size | generated in |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for s in year batch; do
        local files label
        files=$(grep -vc '^#' "$WORK/manifest-$s.tsv")
        [ "$s" = year ] && label="a clinic's year ($YEAR_START, 12 months)" || label="insurer's batch ($BATCH_MONTH)"
        echo "| $label | $files | $(col "$s" 2) | $(col "$s" 3) | $(col "$s" 4) | $(defects "$s") | $(size_of "$WORK/corpus-$s") |" \
            "$(secs "${GEN_US[$s]}") |"
    done
    echo
    echo "| corpus | tool | wall | CPU | peak RSS | claims/s (wall) | load average (before → after) |"
    echo "|---|---|---:|---:|---:|---:|---|"
    local s t claims
    for s in year batch small; do
        case $s in year) claims=$(col year 4) ;; batch) claims=$(col batch 4) ;;
                   small) claims=$(head -n $((SMALL + 1)) "$WORK/manifest-batch.tsv" | awk -F'\t' '!/^#/ { s += $4 } END { print s + 0 }') ;; esac
        for t in "${TOOLS[@]}"; do
            echo "| $s | $(name_of "$t") | $(secs "${WALL[$t $s]}") | $(secs "${CPU[$t $s]}") | $(mb "${RSS[$t $s]}") |" \
                "$(rate "$claims" "${WALL[$t $s]}") | ${LOAD[$s]} |"
        done
    done
    echo
    if has_checker; then
        echo "checker ÷ floor, same run: year **$(ratio "${WALL[checker year]}" "${WALL[floor year]}")** wall," \
            "$(ratio "${CPU[checker year]}" "${CPU[floor year]}") CPU; batch **$(ratio "${WALL[checker batch]}" "${WALL[floor batch]}")** wall," \
            "$(ratio "${CPU[checker batch]}" "${CPU[floor batch]}") CPU."
        echo "Peak RSS of the checker: $(mb "${RSS[checker small]}") for $SMALL files, $(mb "${RSS[checker batch]}") for $FILES files" \
            "(ratio $(ratio "${RSS[checker batch]}" "${RSS[checker small]}") for $(ratio "$FILES" "$SMALL") the files)."
    fi
    echo "Peak RSS of the floor: $(mb "${RSS[floor small]}") for $SMALL files, $(mb "${RSS[floor batch]}") for $FILES files."
}

if [ -n "$REPORT" ]; then report | tee "$REPORT"; else report; fi
