#!/usr/bin/env bash
# Benchmarks for clinic descriptions (issue 13): a clinic's year (one file, 50 patients, ~7,000
# visits) and an insurer's monthly batch (2,000 clinic files, 100,000 claims), each against the
# parse-only floor (ahaki-bench-floor: read + pugixml parse, same threads) on the same files.
# Prints wall time, CPU time and peak RSS (/usr/bin/time) of each run, and the ratio to the floor.
#   tools/bench/clinic.sh [-c build/ahaki-check] [-w /tmp/ahaki-clinic-bench] [-n 2000] [-j JOBS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
CHECKER=build/ahaki-check WORK=/tmp/ahaki-clinic-bench FILES=2000 JOBS=0
while getopts c:w:n:j: o; do
    case $o in c) CHECKER=$OPTARG ;; w) WORK=$OPTARG ;; n) FILES=$OPTARG ;; j) JOBS=$OPTARG ;; *) exit 2 ;; esac
done
mkdir -p "$WORK"
if [ ! -x "$WORK/build/ahaki-bench-floor" ]; then
    cmake -S "$here" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$WORK/build" --target ahaki-bench-floor >/dev/null
fi
FLOOR=$WORK/build/ahaki-bench-floor
[ -f "$WORK/year.xml" ] || python3 "$here/gen-clinic.py" year "$WORK/year.xml"
[ -d "$WORK/batch" ] || python3 "$here/gen-clinic.py" batch "$WORK/batch" "$FILES"
jobs=$JOBS; [ "$jobs" -gt 0 ] || jobs=$(nproc)
measure() {  # label, command...: prints "label | wall s | cpu s | peak KB"
    local label=$1; shift
    /usr/bin/time -o "$WORK/time.txt" -f "%e %U %S %M" "$@" >/dev/null 2>>"$WORK/run.log" || true
    read -r wall user sys rss < <(tail -n 1 "$WORK/time.txt")
    printf '| %s | %s | %s | %s |\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$rss"
}
echo "clinic year: $(grep -c '<visit' "$WORK/year.xml") visits, $(grep -c '<claim' "$WORK/year.xml") claims; batch: $(ls "$WORK/batch" | wc -l) files, $(cat "$WORK"/batch/*.xml | grep -c '<claim') claims; jobs $jobs; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | wall s | CPU s | peak RSS KB |"
echo "|---|---|---|---|"
measure "floor, year" "$FLOOR" --jobs 1 "$WORK/year.xml"
measure "check, year (text)" "$CHECKER" check -j 1 "$WORK/year.xml"
measure "check, year (JSON)" "$CHECKER" check -j 1 --format "json=$WORK/year.json" "$WORK/year.xml"
measure "floor, batch" "$FLOOR" --jobs "$jobs" "$WORK/batch"
measure "check, batch (JSON, streamed)" "$CHECKER" check -j "$jobs" --format "json=$WORK/batch.json" "$WORK/batch"
half=$WORK/batch-half; rm -rf "$half"; mkdir -p "$half"
ls "$WORK/batch" | head -n $(( $(ls "$WORK/batch" | wc -l) / 4 )) | while read -r f; do ln -s "$WORK/batch/$f" "$half/$f"; done
measure "check, quarter batch (JSON, streamed)" "$CHECKER" check -j "$jobs" --format "json=$WORK/quarter.json" "$half"
