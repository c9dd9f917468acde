#!/usr/bin/env bash
# Every rule of the catalogue is exercised by some test; and the schema rules
# without a fixture elsewhere get theirs here, at their exact position.
. "$(dirname "$0")/lib.sh"
F=tests/fixtures/schema-rules

# first_line NAME FILE PREFIX RULE: the first finding is at PREFIX with RULE
first_line() {
    run validate "$2"
    local first
    first=$(head -1 "$OUT")
    if [[ "$first" == "$3"* && "$first" == *"[$4]" ]] && [ "$STATUS" = 1 ]; then
        ok "$1"
    else
        fail "$1" "first line is '$first', expected '$3 … [$4]' and exit 1"
    fi
}
first_line schema.id-syntax "$F/id-syntax.yaml" "$F/id-syntax.yaml:16:12: error:" schema.id-syntax
expect_grep schema.id-syntax-only-finding '^1 file checked: 1 error, 0 warnings, 0 notes$'
first_line ref.wrong-kind "$F/wrong-kind.yaml" "$F/wrong-kind.yaml:39:28: error:" ref.wrong-kind
expect_grep ref.wrong-kind-note-at-target "^$F/wrong-kind.yaml:42:7: note: application 'qlvb' is declared here$"

# every rule id appears in a test, a fixture or a golden file (this script
# names only the ids it tests above)
egaf rules --format json >"$T/rules.json"
node -e 'for (const r of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))) console.log(r.id)' \
    "$T/rules.json" >"$T/ids"
check rule-list-not-empty test -s "$T/ids"
missing=""
while read -r id; do
    if ! grep -rqF -- "$id" tests/unit tests/fixtures tests/golden tests/e2e; then
        missing="$missing $id"
    fi
done <"$T/ids"
if [ -z "$missing" ]; then ok every-rule-is-tested; else fail every-rule-is-tested "no test names:$missing"; fi
