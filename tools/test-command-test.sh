#!/usr/bin/env bash
# ctest: test_command.quickstart_then_test. The README's two commands, in that
# order, must run the tests: tools/quickstart.sh configures build/ without tests
# (-DAHAKI_BUILD_TESTS=OFF), and tools/test.sh must still build and run them.
# Runs the real tools/quickstart.sh and tools/test.sh in a small stand-in project
# (the same options, a one-line program, one test that leaves a mark), so no
# part of ahaki-check is rebuilt: tools/deps.sh and tools/fuzz/run.sh are stubs.
# Also proves the check can fail: with no test at all, tools/test.sh must fail
# (ctest --no-tests=error) instead of passing with nothing run.
# usage: tools/test-command-test.sh [REPO_ROOT]
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "test-command-test: FAIL: $*" >&2; exit 1; }

make_project() {  # make_project DIR WITH_TEST(0|1)
    local d=$1
    mkdir -p "$d/tools/fuzz" "$d/src"
    cp "$root/tools/test.sh" "$root/tools/quickstart.sh" "$d/tools/"
    printf '#!/usr/bin/env bash\nexit 0\n' >"$d/tools/deps.sh"
    printf '#!/usr/bin/env bash\necho "fuzz stand-in"\n' >"$d/tools/fuzz/run.sh"
    printf 'int main() { return 0; }\n' >"$d/src/main.cpp"
    cat >"$d/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(stand-in LANGUAGES CXX)
option(AHAKI_SANITIZE "sanitizers" OFF)
option(AHAKI_BUILD_TESTS "tests" ON)
option(AHAKI_BUILD_BENCH "benchmarks" ON)
add_executable(ahaki-check src/main.cpp)
if(AHAKI_BUILD_TESTS)
  enable_testing()
  if(STAND_IN_WITH_TEST)
    add_test(NAME stand-in.ran COMMAND ${CMAKE_COMMAND} -E touch ${CMAKE_BINARY_DIR}/test-ran)
  endif()
endif()
CMAKE
    sed -i "s/^project(stand-in LANGUAGES CXX)$/&\nset(STAND_IN_WITH_TEST $2)/" "$d/CMakeLists.txt"
}

# 1. The README's order: quickstart first, then the test command.
p=$work/project
make_project "$p" 1
bash "$p/tools/quickstart.sh" >"$work/quickstart.log" 2>&1 || { cat "$work/quickstart.log" >&2; fail "quickstart.sh failed"; }
grep -q '^AHAKI_BUILD_TESTS:BOOL=OFF$' "$p/build/CMakeCache.txt" || fail "quickstart.sh did not configure build/ without tests (the premise of this test)"
bash "$p/tools/test.sh" >"$work/test.log" 2>&1 || { cat "$work/test.log" >&2; fail "test.sh failed after quickstart.sh"; }
[ -f "$p/build/test-ran" ] || { cat "$work/test.log" >&2; fail "test.sh ran no test in build/ after quickstart.sh configured it without tests"; }
[ -f "$p/build-asan/test-ran" ] || fail "test.sh ran no test in build-asan/"
grep -q '^AHAKI_BUILD_TESTS:BOOL=ON$' "$p/build/CMakeCache.txt" || fail "test.sh left build/ without tests"
grep -q '100% tests passed, 0 tests failed out of 1' "$work/test.log" || fail "ctest did not report the one test passing"

# 2. No test at all: the test command fails rather than passing with nothing run.
q=$work/no-tests
make_project "$q" 0
if bash "$q/tools/test.sh" >"$work/no-tests.log" 2>&1; then
    cat "$work/no-tests.log" >&2
    fail "test.sh passed although the build has no test"
fi
grep -q 'No tests were found' "$work/no-tests.log" || { cat "$work/no-tests.log" >&2; fail "test.sh failed, but not because no test was found"; }
echo "test-command-test: PASS (quickstart then test: the test ran in build/ and build-asan/; no tests: test.sh fails)"
