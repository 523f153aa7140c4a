#!/usr/bin/env bash
# Checks that an optimisation changed nothing a user sees: runs two ahaki-check binaries on the
# same inputs — every format, ja and en, streamed and whole-run paths, with and without --complete,
# curricula/ and a generated corpus (300 files, and the 100× file) — and compares every output
# byte for byte, with the exit codes.
#
#   tools/bench/same-output.sh OLD_BINARY NEW_BINARY [WORKDIR]
#
# Exit 0: identical; 1: a difference (the diff is printed); 2: usage or set-up error.
# WORKDIR (default /tmp/ahaki-same) keeps the corpus and both output trees for inspection.
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
[ $# -ge 2 ] || { sed -n '2,10p' "$0"; exit 2; }
OLD=$(realpath "$1")
NEW=$(realpath "$2")
WORK=${3:-/tmp/ahaki-same}
for b in "$OLD" "$NEW"; do [ -x "$b" ] || { echo "same-output.sh: not an executable: $b" >&2; exit 2; }; done
mkdir -p "$WORK"

if [ ! -x "$WORK/build/ahaki-bench-gen" ]; then
    cmake -S "$HERE" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$WORK/build" -j2 --target ahaki-bench-gen >/dev/null
fi
if [ ! -d "$WORK/corpus" ]; then
    "$WORK/build/ahaki-bench-gen" --out "$WORK/corpus" --count 300 --seed 20240401 --scale 1 >/dev/null
    "$WORK/build/ahaki-bench-gen" --out "$WORK/big" --count 1 --seed 20240401 --scale 100 >/dev/null
fi

outputs() {  # binary outdir
    local bin=$1 o=$2
    rm -rf "$o" && mkdir -p "$o"
    cd "$ROOT"
    run() {  # name args...
        local n=$1; shift
        for l in ja en; do
            for f in text json sarif junit github github-summary html; do
                "$bin" check --jobs 2 --lang $l --format "$f=$o/$n-$l.$f" "$@" >/dev/null 2>&1 && rc=0 || rc=$?
                echo "$n $l $f rc=$rc" >>"$o/rc.txt"
            done
            # several formats at once, one thread, text on stdout
            "$bin" check --jobs 1 --lang $l --format text --format "json=$o/$n-$l.multi.json" \
                --format "sarif=$o/$n-$l.multi.sarif" "$@" >"$o/$n-$l.stdout" 2>&1 && rc=0 || rc=$?
            echo "$n $l multi rc=$rc" >>"$o/rc.txt"
        done
    }
    run cur curricula
    run cur-complete --complete curricula/complete curricula/compliant
    run gen "$WORK/corpus"
    run gen-complete --complete "$WORK/corpus"
    for f in curricula/non-compliant/*.xml tests/bad-input/files/*; do
        [ -f "$f" ] || continue
        "$bin" check --lang en "$f" >>"$o/single.txt" 2>&1 && rc=0 || rc=$?
        echo "rc=$rc" >>"$o/single.txt"
    done
    "$bin" check --lang en "$WORK/big" --format "json=$o/big.json" >/dev/null 2>&1 || true
}

outputs "$OLD" "$WORK/old"
outputs "$NEW" "$WORK/new"
if diff -r "$WORK/old" "$WORK/new" >"$WORK/diff.txt"; then
    echo "same-output.sh: identical ($(find "$WORK/new" -type f | wc -l) outputs, $(du -sh "$WORK/new" | cut -f1))"
else
    head -c 4000 "$WORK/diff.txt"
    echo
    echo "same-output.sh: outputs differ (full diff: $WORK/diff.txt)" >&2
    exit 1
fi
