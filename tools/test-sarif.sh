#!/usr/bin/env bash
# The SARIF test of the suite (ctest: report.sarif_validator): writes SARIF for every kind of run
# ahaki-check can have and validates each with Microsoft's validator (tools/validate-sarif.sh);
# first proves the validator rejects a deliberately broken file, so a silent validator cannot pass.
# usage: tools/test-sarif.sh AHAKI_CHECK_BINARY   (run from the source directory)
set -euo pipefail
bin=${1:?usage: $0 AHAKI_CHECK_BINARY}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/validate-sarif.sh" --expect-invalid tests/report/fixtures/broken.sarif

run() {  # run NAME ARGS...: exit codes 0, 1 and 2 are all expected here
  local name=$1; shift
  set +e
  "$bin" check "$@" --format "sarif=$work/$name.sarif" > /dev/null 2>&1
  local rc=$?
  set -e
  (( rc <= 2 )) || { echo "ahaki-check crashed ($rc) on: $*" >&2; exit 1; }
  [[ -s $work/$name.sarif ]] || { echo "no SARIF written for: $*" >&2; exit 1; }
}

mkdir -p "$work/empty" "$work/bad"
printf '<school xmlns="urn:ahaki-check:school:1"' > "$work/bad/truncated.xml"
printf 'not xml' > "$work/bad/not-xml.xml"

run curricula-ja curricula/
run curricula-en --lang en curricula/
run complete --complete curricula/complete
run waivers --lang en --today 2026-06-01 --waivers tests/report/fixtures/waivers.xml curricula/non-compliant
run waivers-ja --today 2026-06-01 --waivers tests/report/fixtures/waivers.xml curricula/non-compliant
run load-errors "$work/bad" "$work/empty" curricula/compliant/hari.xml
run absolute "$(pwd)/curricula/non-compliant/CUR-007-visually-impaired.xml"

"$here/validate-sarif.sh" "$work"/*.sarif

# GitHub's rule set is on: a file valid by the specification but without the fullDescription and help
# GitHub code scanning requires on a notification descriptor (GH2012) must be rejected.
mkdir -p "$work/gh"
node -e '
  const fs = require("fs");
  const log = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const n = log.runs[0].tool.driver.notifications[0];
  delete n.fullDescription; delete n.help;
  fs.writeFileSync(process.argv[2], JSON.stringify(log));' "$work/curricula-en.sarif" "$work/gh/no-full-description.sarif"
"$here/validate-sarif.sh" --expect-invalid "$work/gh/no-full-description.sarif"
