#!/usr/bin/env bash
# Runs the clinic libFuzzer targets for SECONDS each (default 60):
#   ledger  ahaki-fuzz-ledger (import --kind clinic: CSV, encodings, 和暦 dates), seeded from the
#           ledger fixtures of tests/import/fixtures and the examples' CSV files;
#   clinic  ahaki-fuzz-clinic (the clinic reader, rules and writers), seeded from curricula/clinics/
#           and the clinic test fixtures (only once the clinic reader exists).
#   tools/fuzz/run-clinic.sh 60            # both, 60 s each
#   tools/fuzz/run-clinic.sh 60 ledger     # one
# Env: BUILD (default build-fuzz), RSS (MB, default 2048), EXTRA (more libFuzzer flags).
set -euo pipefail
seconds=${1:-60}
which=${2:-all}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$root/build-fuzz}
cxx=${CXX_FUZZ:-$(command -v clang++-14 || command -v clang++)}
cc=${CC_FUZZ:-$(command -v clang-14 || command -v clang)}

targets=()
case $which in
  all) targets=(ledger); [ -f "$root/tools/fuzz/fuzz_clinic.cpp" ] && targets+=(clinic) ;;
  ledger|clinic) targets=("$which") ;;
  *) echo "usage: run-clinic.sh [SECONDS] [all|ledger|clinic]" >&2; exit 2 ;;
esac

cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" -DAHAKI_FUZZ=ON \
      -DAHAKI_BUILD_TESTS=OFF -DAHAKI_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
for t in "${targets[@]}"; do
  cmake --build "$build" -j2 --target "ahaki-fuzz-$t"
  corpus=$build/fuzz-corpus-$t
  seeds=$build/fuzz-seeds-$t
  artifacts=$build/fuzz-artifacts-$t
  mkdir -p "$corpus" "$seeds" "$artifacts"
  if [ "$t" = ledger ]; then
    find_args=("$root/tests/import/fixtures" "$root/curricula" -type f -name '*.csv')
  else
    find_args=("$root/curricula" "$root/tests" -type f -path '*clinic*' -name '*.xml')
  fi
  while IFS= read -r -d '' f; do
    rel=${f#"$root"/}
    cp "$f" "$seeds/${rel//\//_}"
  done < <(find "${find_args[@]}" -size -1000k -print0 2>/dev/null)
  flags=(-max_len=65536 -timeout=10 -rss_limit_mb="${RSS:-2048}" -max_total_time="$seconds"
         -artifact_prefix="$artifacts/" -print_final_stats=1)
  flags+=(-dict="$root/tools/fuzz/clinic.dict")
  # shellcheck disable=SC2086
  "$build/ahaki-fuzz-$t" "${flags[@]}" ${EXTRA:-} "$corpus" "$seeds"
done
