#!/usr/bin/env bash
# Installs what ahaki-check needs from Debian's packages (run as root).
#   tools/deps.sh          build and run
#   tools/deps.sh test     also what the test suite uses
# Why each test package: libxml2-utils (xmllint validates the examples against
# schemas/school.xsd), python3-jsonschema (validates the JSON report against
# schemas/report.schema.json), nodejs + npm (run Microsoft's SARIF validator,
# @microsoft/sarif-multitool from the npm registry, in the test suite), clang-14 and
# libclang-rt-14-dev (libFuzzer: a short fuzzing run is part of the tests).
set -euo pipefail
# libzip-dev: .xlsx workbooks are zip archives (read from memory with size limits, written for templates).
packages=(g++ cmake make libpugixml-dev libboost-json1.81-dev libboost-program-options1.81-dev libzip-dev)
if [ "${1:-}" = test ]; then
  packages+=(libgtest-dev libxml2-utils python3 python3-jsonschema clang-14 libclang-rt-14-dev)
  # Node.js may already come with its own npm (as on this project's machines); Debian's npm
  # package would conflict with it, so it is installed only when there is no npm at all.
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
  if [ -n "${AHAKI_EXTRA_TEST_PACKAGES:-}" ]; then read -r -a extra <<<"$AHAKI_EXTRA_TEST_PACKAGES"; packages+=("${extra[@]}"); fi
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
