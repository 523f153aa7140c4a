#!/usr/bin/env bash
# Runs the libFuzzer targets for SECONDS in all (default 60), split across them:
# the whole pipelines (ahaki-fuzz-check, ahaki-fuzz-clinic) get a third, each reader alone the rest in
# equal parts. Each target has its own corpus, seeded from the fixtures of its kind.
#   tools/fuzz/run.sh 60                          # CI: short run, fails on any crash/leak/timeout
#   TARGETS="school standard" tools/fuzz/run.sh 3600   # long local run of some targets (see README.md)
# Env: BUILD (default build-fuzz), TARGETS (default: check clinic school standard waivers import ledger
#      clinic_reader),
#      JOBS (parallel processes per target, default 1), RSS (MB, default 2048), EXTRA (more libFuzzer flags),
#      NICE (nice level, default 0).
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$root/build-fuzz}
jobs=${JOBS:-1}
targets=(${TARGETS:-check clinic school standard waivers import ledger clinic_reader})
cxx=${CXX_FUZZ:-$(command -v clang++-14 || command -v clang++)}
cc=${CC_FUZZ:-$(command -v clang-14 || command -v clang)}

# Always (re)build: incremental, so a stale binary never fuzzes old code.
cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" -DAHAKI_FUZZ=ON \
      -DAHAKI_BUILD_TESTS=OFF -DAHAKI_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 $(printf -- '--target ahaki-fuzz-%s ' "${targets[@]}")

# Seeds of each kind (named after their path, so files with the same name in different folders all count).
seed() {  # seed DIR FIND-ARGS...
  local dir=$1; shift
  mkdir -p "$dir"
  while IFS= read -r -d '' f; do
    rel=${f#"$root"/}
    cp "$f" "$dir/${rel//\//_}"
  done < <(find "$@" -type f -size -1000k -print0)
}
seeds_for() {  # seeds_for TARGET DIR
  case $1 in
    check|school)
      seed "$2" "$root/curricula" "$root/schemas/standards" "$root/tests" \
           \( -name '*.xml' -o -path '*/bad-input/files/*' -o -path '*/encoding/files/*' \) ;;
    standard)
      seed "$2" "$root/schemas/standards" "$root/tests" \( -path '*/schemas/standards/*.xml' -o -name 'standard*.xml' \) ;;
    waivers)
      seed "$2" "$root/tests" -name 'waivers*.xml' ;;
    import)
      seed "$2" "$root/tests" \( -name '*.csv' \) ;;
    clinic|clinic_reader)
      seed "$2" "$root/curricula" "$root/tests" -path '*clinic*' -name '*.xml' ;;
    ledger)
      seed "$2" "$root/tests/import/fixtures" "$root/curricula" -name '*.csv' ;;
    *) echo "no seeds for $1" >&2; exit 2 ;;
  esac
}

n=${#targets[@]}
status=0
for t in "${targets[@]}"; do
  # The whole pipelines are the slowest per input: together a third of the time when they run with
  # readers alone; the readers share the rest.
  whole=0; for u in "${targets[@]}"; do [[ $u == check || $u == clinic ]] && whole=$((whole + 1)); done
  readers=$(( n - whole ))
  if (( whole == 0 || readers == 0 )); then share=$(( seconds / n ))
  elif [[ $t == check || $t == clinic ]]; then share=$(( seconds / 3 / whole ))
  else share=$(( (seconds - seconds / 3) / readers )); fi
  (( share >= 1 )) || share=1
  corpus=$build/fuzz-corpus/$t
  seeds=$build/fuzz-seeds/$t
  artifacts=$build/fuzz-artifacts/$t
  mkdir -p "$corpus" "$artifacts"
  rm -rf "$seeds"
  seeds_for "$t" "$seeds"
  dict=$root/tools/fuzz/ahaki.dict
  [[ $t == clinic || $t == clinic_reader || $t == ledger ]] && dict=$root/tools/fuzz/clinic.dict
  flags=(-dict="$dict" -max_len=65536 -timeout=10 -rss_limit_mb="${RSS:-2048}"
         -max_total_time="$share" -artifact_prefix="$artifacts/" -print_final_stats=1)
  if (( jobs > 1 )); then flags+=(-jobs="$jobs" -workers="$jobs"); fi
  echo "== fuzz $t for $share s"
  # shellcheck disable=SC2086
  nice -n "${NICE:-0}" "$build/ahaki-fuzz-$t" "${flags[@]}" ${EXTRA:-} "$corpus" "$seeds" || status=$?
  (( status == 0 )) || { echo "fuzz target $t failed (artifacts in $artifacts)" >&2; exit "$status"; }
done
