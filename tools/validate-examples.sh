#!/bin/sh
# Validate every example under curricula/ against its schema: schemas/school.xsd, and
# schemas/clinic.xsd for the clinic descriptions under curricula/clinics/.
# Usage: tools/validate-examples.sh [REPO_ROOT]   (default: the directory above this script)
# Exit status: 0 if every file is valid, 1 if any file is invalid, 2 if nothing could be checked.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
schema="$root/schemas/school.xsd"
command -v xmllint >/dev/null 2>&1 || { echo "validate-examples: xmllint not found (apt-get install libxml2-utils)" >&2; exit 2; }
[ -f "$schema" ] || { echo "validate-examples: $schema not found" >&2; exit 2; }

list=$(mktemp) || exit 2
trap 'rm -f "$list"' EXIT
find "$root/curricula" -type f -name '*.xml' | LC_ALL=C sort >"$list"
total=$(wc -l <"$list")
[ "$total" -gt 0 ] || { echo "validate-examples: no .xml files under $root/curricula" >&2; exit 2; }

failed=0
while IFS= read -r f; do
    case "$f" in
        "$root"/curricula/clinics/*) use="$root/schemas/clinic.xsd" ;;
        *) use="$schema" ;;
    esac
    if ! out=$(xmllint --noout --schema "$use" "$f" 2>&1); then
        printf '%s\n' "$out" >&2
        failed=$((failed + 1))
    fi
done <"$list"

echo "validate-examples: $((total - failed))/$total valid against schemas/school.xsd (schemas/clinic.xsd for curricula/clinics)"
[ "$failed" -eq 0 ]
