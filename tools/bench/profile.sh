#!/usr/bin/env bash
# Instruction counts (valgrind --tool=callgrind: repeatable, unlike wall time on a shared
# machine) of one checker binary on the benchmark's corpora, and the top functions.
#
#   tools/bench/profile.sh [CHECKER] [WORKDIR]
#
# CHECKER defaults to build/ahaki-check; WORKDIR (default /tmp/ahaki-bench) must hold the
# corpora of a previous run.sh. Prints a markdown table; the callgrind files stay in
# WORKDIR/profile/ for callgrind_annotate.
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CHECKER=${1:-$HERE/../../build/ahaki-check}
WORK=${2:-/tmp/ahaki-bench}
command -v valgrind >/dev/null || { echo "profile.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 2; }
[ -d "$WORK/corpus-main" ] || { echo "profile.sh: run run.sh first (no $WORK/corpus-main)" >&2; exit 2; }
P=$WORK/profile
rm -rf "$P" && mkdir -p "$P/fifty"
# shellcheck disable=SC2012
ls "$WORK/corpus-main" | sed -n 1,50p | while read -r f; do cp "$WORK/corpus-main/$f" "$P/fifty/"; done
typical=$(ls "$WORK/corpus-typical"/*.xml)
count() {  # name input -> instructions
    valgrind --tool=callgrind --callgrind-out-file="$P/$1.out" "$CHECKER" check --jobs 1 \
        --format json="$P/$1.json" "$2" 2>&1 >/dev/null | awk '/Collected/ { print $4 }' || true  # exit 1: findings
}
floor=$(valgrind --tool=callgrind --callgrind-out-file="$P/floor.out" "$WORK/build/ahaki-bench-floor" --jobs 1 \
    "$P/fifty" 2>&1 >/dev/null | awk '/Collected/ { print $4 }')
fifty=$(count fifty "$P/fifty")
one=$(count typical "$typical")
big=$(count big "$WORK/corpus-big/school-00001.xml")
echo "| run (--jobs 1, JSON written) | instructions |"
echo "|---|---:|"
echo "| 50 files | $fifty |"
echo "| floor, same 50 files | $floor |"
echo "| one typical file, start to exit | $one |"
echo "| the 100× file, start to exit | $big |"
echo
echo "Top functions (self) for the 50 files:"
echo
echo '```'
callgrind_annotate "$P/fifty.out" 2>/dev/null | sed -n '/^Ir/,$p' | sed -n '3,17p' | cut -c1-140
echo '```'
