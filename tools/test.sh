#!/usr/bin/env bash
# Builds and runs every test: once normally, once under AddressSanitizer and
# UndefinedBehaviorSanitizer. Installs what it needs first (as root).
#
# The build directories are configured here with the tests switched on, whatever
# configured them before (tools/quickstart.sh configures build/ with
# -DAHAKI_BUILD_TESTS=OFF): a -D on the command line overrides the cached value.
# ctest runs with --no-tests=error, so a build without tests fails instead of
# passing with nothing run. The test test_command.quickstart_then_test
# (tools/test-command-test.sh) runs quickstart.sh and then this script in a
# small stand-in project and checks that its test ran.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/deps.sh test
jobs=$(nproc)
build=${AHAKI_TEST_BUILD:-build}
build_asan=${AHAKI_TEST_BUILD_ASAN:-build-asan}

echo "== build and test (Release, -Wall -Wextra -Wpedantic)"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DAHAKI_BUILD_TESTS=ON -DAHAKI_SANITIZE=OFF >/dev/null
cmake --build "$build" -j"$jobs" 2>&1 | tee "$build/build.log" | grep -E "(warning|error):" && { echo "build produced warnings or errors" >&2; exit 1; }
ctest --test-dir "$build" --output-on-failure --no-tests=error -j"$jobs"

echo "== build and test under ASan + UBSan"
cmake -S . -B "$build_asan" -DCMAKE_BUILD_TYPE=Debug -DAHAKI_SANITIZE=ON -DAHAKI_BUILD_TESTS=ON -DAHAKI_BUILD_BENCH=OFF >/dev/null
cmake --build "$build_asan" -j"$jobs" 2>&1 | tee "$build_asan/build.log" | grep -E "(warning|error):" && { echo "sanitizer build produced warnings or errors" >&2; exit 1; }
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$build_asan" --output-on-failure --no-tests=error -j"$jobs"

echo "== fuzz for ${AHAKI_FUZZ_SECONDS:-60} s (libFuzzer + ASan + UBSan; fails on any crash, leak or hang)"
bash tools/fuzz/run.sh "${AHAKI_FUZZ_SECONDS:-60}"
