#!/usr/bin/env bash
# Validates SARIF files with Microsoft's SARIF validator (`sarif-multitool validate`, npm package
# @microsoft/sarif-multitool, a self-contained .NET program shipped per platform in
# @microsoft/sarif-multitool-linux|darwin|win32: no dotnet needed).
# Installs it under $SARIF_NPM_PREFIX (default ./build/npm) when it is absent: this is the one
# place the project downloads anything (outputs.md / the issue ask for this validator).
#
# Both rule sets run: the SARIF specification's (Sarif) and GitHub code scanning's (Gh: e.g. GH2012,
# every rule and notification descriptor needs fullDescription and help).
# A file passes when the validator reports no error and no warning; its notes (style advice such
# as "provide a helpUri" or "embed snippets") are counted and printed, not fatal.
#
# usage: tools/validate-sarif.sh FILE...                 every FILE must be valid
#        tools/validate-sarif.sh --expect-invalid FILE... every FILE must be rejected
set -euo pipefail

version=5.7.0
prefix=${SARIF_NPM_PREFIX:-build/npm}
expect_invalid=0
if [[ ${1:-} == --expect-invalid ]]; then expect_invalid=1; shift; fi
(( $# > 0 )) || { echo "usage: $0 [--expect-invalid] FILE..." >&2; exit 2; }

command -v node >/dev/null || { echo "validate-sarif: node is not installed (Debian: apt-get install nodejs npm)" >&2; exit 2; }
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)

# One installer at a time (ctest may run tests in parallel).
exec 9>"$prefix/.lock"
flock 9
tool_js="$prefix/node_modules/@microsoft/sarif-multitool/index.js"
if [[ ! -f $tool_js ]]; then
  echo "validate-sarif: installing @microsoft/sarif-multitool@$version into $prefix" >&2
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "@microsoft/sarif-multitool@$version" >&2
fi
tool=$(node -e 'process.stdout.write(require(process.argv[1]))' "$tool_js")
[[ -x $tool ]] || chmod u+x "$tool"   # its postinstall (chmod) may not have run under npm's script policy
flock -u 9

# Without ICU (a minimal machine), .NET refuses to start unless told to run culture-invariant.
if ! ldconfig -p 2>/dev/null | grep -q libicuuc; then export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for f in "$@"; do
  [[ -f $f ]] || { echo "validate-sarif: no such file: $f" >&2; exit 2; }
  out="$work/result.sarif"
  rm -f "$out"
  "$tool" validate --rule-kind "Sarif;Gh" --level "Error;Warning;Note" -o "$out" "$f" > "$work/console.txt" 2>&1 || true
  if [[ ! -s $out ]]; then
    cat "$work/console.txt" >&2
    echo "validate-sarif: the validator produced no result for $f" >&2
    exit 2
  fi
  read -r errors warnings notes < <(node -e '
    const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const n = {error: 0, warning: 0, note: 0, none: 0};
    for (const run of log.runs) for (const r of run.results || []) {
      const rule = (run.tool.driver.rules || [])[r.ruleIndex] || {};
      const level = r.level || (rule.defaultConfiguration || {}).level || "warning";
      n[level]++;
      if (level === "error" || level === "warning") {
        const loc = ((r.locations || [])[0] || {}).physicalLocation || {};
        const region = loc.region || {};
        const args = (r.message.arguments || []).join(" | ");
        console.error(`  ${level} ${r.ruleId} at ${region.startLine}:${region.startColumn}: ${r.message.text || args}`);
      }
    }
    console.log(n.error, n.warning, n.note);' "$out")
  if (( expect_invalid )); then
    if (( errors + warnings > 0 )); then
      echo "validate-sarif: $f rejected as expected ($errors errors, $warnings warnings)"
    else
      echo "validate-sarif: $f was expected to be invalid but passed" >&2
      status=1
    fi
  else
    if (( errors + warnings > 0 )); then
      echo "validate-sarif: $f is NOT valid: $errors errors, $warnings warnings" >&2
      status=1
    else
      echo "validate-sarif: $f valid (0 errors, 0 warnings, $notes notes)"
    fi
  fi
done
exit $status
