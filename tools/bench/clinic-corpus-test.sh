#!/usr/bin/env bash
# The generated clinic corpora are what clinic-gen says they are (ctest bench.clinic_corpus_checks):
# a clinic's year passes every CLM rule (reviews only: a disease outside the six), and in a batch
# with defects the checker reports exactly the CLM-006 errors the manifest lists, and no other error.
#   tools/bench/clinic-corpus-test.sh GEN CHECKER
set -euo pipefail
gen=$1
checker=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fees=$root/schemas/ryoyohi/ryoyohi.xml

"$gen" --out "$work/year" --fees "$fees" 2>/dev/null
"$gen" --out "$work/batch" --fees "$fees" --count 20 --months 1 --start 2025-01 --defects 5 --manifest "$work/batch.tsv" 2>/dev/null
if command -v xmllint >/dev/null 2>&1; then  # valid against the documented format
    xmllint --noout --schema "$root/schemas/clinic.xsd" "$work/year/clinic-00001.xml" "$work/batch/clinic-00001.xml" \
        "$work/batch/clinic-00020.xml" 2>"$work/xsd.txt" || { echo "FAIL: not valid against schemas/clinic.xsd:"; head "$work/xsd.txt"; exit 1; }
fi
rc=0
"$checker" check --lang en "$work/year" >"$work/year.txt" 2>&1 || rc=$?
if [ "$rc" -ne 0 ] || grep -q ': error: \|: warning: ' "$work/year.txt"; then
    echo "FAIL: the clinic's year is not compliant (exit $rc):"; grep ': error: \|: warning: ' "$work/year.txt" | head -20; exit 1
fi
grep -q '0 non-compliant' "$work/year.txt" || { echo "FAIL: no summary line"; tail -5 "$work/year.txt"; exit 1; }

rc=0
"$checker" check --lang en "$work/batch" >"$work/batch.txt" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || { echo "FAIL: the batch with defects exits $rc, not 1"; exit 1; }
expected=$(awk -F'\t' '!/^#/ && $5 != "-" { n += split($5, a, " ") } END { print n + 0 }' "$work/batch.tsv")
found=$(grep -c ': error: .*\[CLM-006 ' "$work/batch.txt" || true)
others=$(grep ': error: \|: warning: ' "$work/batch.txt" | grep -vc '\[CLM-006 ' || true)
[ "$expected" -gt 0 ] || { echo "FAIL: the manifest lists no defect"; exit 1; }
[ "$found" -eq "$expected" ] || { echo "FAIL: $found CLM-006 errors, the manifest lists $expected"; exit 1; }
[ "$others" -eq 0 ] || { echo "FAIL: other errors or warnings:"; grep ': error: \|: warning: ' "$work/batch.txt" | grep -v '\[CLM-006 ' | head; exit 1; }
# Deterministic: the same seed gives the same bytes.
"$gen" --out "$work/again" --fees "$fees" --count 20 --months 1 --start 2025-01 --defects 5 2>/dev/null
diff -r "$work/batch" "$work/again" >/dev/null || { echo "FAIL: the generator is not deterministic"; exit 1; }
echo "ok: year compliant; batch: $found CLM-006 errors as the manifest lists"
