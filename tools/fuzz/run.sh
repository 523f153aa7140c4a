#!/usr/bin/env bash
# Runs the libFuzzer target for SECONDS (default 60) on a corpus seeded from
# curricula/, the standard data files and the test fixtures.
#   tools/fuzz/run.sh 60                 # CI: short run, fails on any crash/leak/timeout
#   JOBS=2 tools/fuzz/run.sh 36000       # long local run (see README.md)
# Env: BUILD (default build-fuzz), JOBS (parallel fuzzing processes, default 1),
#      RSS (MB, default 2048), EXTRA (more libFuzzer flags).
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$root/build-fuzz}
jobs=${JOBS:-1}
cxx=${CXX_FUZZ:-$(command -v clang++-14 || command -v clang++)}
cc=${CC_FUZZ:-$(command -v clang-14 || command -v clang)}

# Always (re)build: incremental, so a stale binary never fuzzes old code.
cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" -DAHAKI_FUZZ=ON \
      -DAHAKI_BUILD_TESTS=OFF -DAHAKI_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 --target ahaki-fuzz-check

corpus=$build/fuzz-corpus
seeds=$build/fuzz-seeds
artifacts=$build/fuzz-artifacts
mkdir -p "$corpus" "$seeds" "$artifacts"
# Seeds: every example, the standard data, every XML/bad-input/encoding fixture of the tests
# (named after their path, so files with the same name in different folders all count).
while IFS= read -r -d '' f; do
  rel=${f#"$root"/}
  cp "$f" "$seeds/${rel//\//_}"
done < <(find "$root/curricula" "$root/schemas/standards" "$root/tests" -type f \
              \( -name '*.xml' -o -path '*/bad-input/files/*' -o -path '*/encoding/files/*' \) -size -1000k -print0)

flags=(-dict="$root/tools/fuzz/ahaki.dict" -max_len=65536 -timeout=10 -rss_limit_mb="${RSS:-2048}"
       -max_total_time="$seconds" -artifact_prefix="$artifacts/" -print_final_stats=1)
if (( jobs > 1 )); then flags+=(-jobs="$jobs" -workers="$jobs"); fi
# shellcheck disable=SC2086
"$build/ahaki-fuzz-check" "${flags[@]}" ${EXTRA:-} "$corpus" "$seeds"
