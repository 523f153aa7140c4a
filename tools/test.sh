#!/usr/bin/env bash
# Builds and runs every test: once normally, once under AddressSanitizer and
# UndefinedBehaviorSanitizer. Installs what it needs first (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/deps.sh test
jobs=$(nproc)

echo "== build and test (Release, -Wall -Wextra -Wpedantic)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs" 2>&1 | tee build/build.log | grep -E "(warning|error):" && { echo "build produced warnings or errors" >&2; exit 1; }
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== build and test under ASan + UBSan"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DAHAKI_SANITIZE=ON -DAHAKI_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs" 2>&1 | tee build-asan/build.log | grep -E "(warning|error):" && { echo "sanitizer build produced warnings or errors" >&2; exit 1; }
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== fuzz for ${AHAKI_FUZZ_SECONDS:-60} s (libFuzzer + ASan + UBSan; fails on any crash, leak or hang)"
bash tools/fuzz/run.sh "${AHAKI_FUZZ_SECONDS:-60}"
