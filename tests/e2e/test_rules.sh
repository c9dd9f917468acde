#!/usr/bin/env bash
# test_rules.sh - `egaf rules` (text, json, markdown), `egaf explain RULE` for
# every rule, explain's did-you-mean, and docs/rules.md being up to date.
source "$(dirname "$0")/lib.sh"

run rules
expect_status "rules: exit 0" 0
cp "$OUT" "$T/rules.txt"
ids=$(awk '{print $1}' "$T/rules.txt")
n=$(wc -l <"$T/rules.txt")
if [ "$n" -gt 0 ] && ! grep -vqE '^[a-z0-9-]+\.[a-z0-9-]+ +(error|warning|note) +[^ ].*$' "$T/rules.txt"; then
    ok "rules: one 'ID  SEVERITY  TITLE' line per rule"
else
    fail "rules: one 'ID  SEVERITY  TITLE' line per rule" "$n lines, some malformed"
fi
if [ "$(awk '{print index($0, $2)}' "$T/rules.txt" | sort -u | wc -l)" = 1 ]; then
    ok "rules: severities aligned in one column"
else
    fail "rules: severities aligned in one column" "columns differ"
fi
if [ "$ids" = "$(LC_ALL=C sort <<<"$ids")" ]; then ok "rules: sorted by id"; else
    fail "rules: sorted by id" "not sorted"
fi

run rules --format json
expect_status "rules --format json: exit 0" 0
if why=$(node -e '
const d = JSON.parse(require("fs").readFileSync(0, "utf8"));
const ids = process.argv[1].split("\n");
if (!Array.isArray(d) || d.length !== ids.length) { console.log("length " + d.length); process.exit(1); }
d.forEach((r, i) => {
  for (const k of ["id", "severity", "title", "checks", "basis", "fix"])
    if (typeof r[k] !== "string" || !r[k]) { console.log(r.id + ": no " + k); process.exit(1); }
  if (r.id !== ids[i]) { console.log("order: " + r.id + " vs " + ids[i]); process.exit(1); }
  if (!["error", "warning", "note"].includes(r.severity)) { console.log(r.id + " severity"); process.exit(1); }
});' "$ids" <"$OUT" 2>&1); then
    ok "rules --format json: every rule with its fields"
else
    fail "rules --format json: every rule with its fields" "$why"
fi

# Every listed rule can be explained.
bad=""
for id in $ids; do
    egaf explain "$id" >"$T/explain" 2>"$T/explain.err"
    st=$?
    if [ "$st" != 0 ] || [ "$(head -1 "$T/explain" | cut -d' ' -f1)" != "$id" ] ||
        ! grep -qx 'What it checks:' "$T/explain" || ! grep -qx 'Why:' "$T/explain" ||
        ! grep -qx 'How to fix:' "$T/explain"; then
        bad="$bad $id"
    fi
done
if [ -z "$bad" ]; then ok "explain: every rule 'egaf rules' lists ($n)"; else
    fail "explain: every rule 'egaf rules' lists" "failed for:$bad"
fi

run explain schema.unknown-key
expect_status "explain schema.unknown-key: exit 0" 0
expect_grep "explain: title and severity" '^schema\.unknown-key \(error\): unknown key$'
expect_grep "explain: wrong example" '^Wrong:$'
expect_grep "explain: right example indented" '^      name: Quản lý văn bản$'
run explain yaml.encoding
expect_no_grep "explain: no example section when the rule has none" '^(Wrong|Right):$'

run explain nope
expect_status "explain nope: exit 2" 2
expect_grep "explain nope: says the rule is unknown" "unknown rule 'nope'" "$ERR"
run explain schema.unknwn-key
expect_status "explain misspelt: exit 2" 2
expect_grep "explain misspelt: did you mean" "did you mean 'schema.unknown-key'" "$ERR"
run explain unknown-key
expect_grep "explain without the family: did you mean" "did you mean 'schema.unknown-key'" "$ERR"
run explain
expect_status "explain without a rule: exit 2" 2
run explain --help
expect_status "explain --help: exit 0" 0
run rules --format yaml
expect_status "rules --format yaml: exit 2" 2
run rules extra
expect_status "rules with an operand: exit 2" 2
run rules --help
expect_status "rules --help: exit 0" 0
run --help
expect_grep "help lists rules" '^  rules '
expect_grep "help lists explain" '^  explain '

# docs/rules.md is generated from the catalogue.
run rules --format markdown
expect_status "rules --format markdown: exit 0" 0
if cmp -s "$OUT" "$EGAF_ROOT/docs/rules.md"; then
    ok "docs/rules.md is up to date"
else
    fail "docs/rules.md is up to date" \
        "docs/rules.md differs from 'egaf rules --format markdown'; regenerate it with: tools/gen-rules-doc.sh"
    diff -u "$EGAF_ROOT/docs/rules.md" "$OUT" | head -30
fi
missing=""
for id in $ids; do
    grep -qxF "## \`$id\`" "$OUT" || missing="$missing $id"
done
if [ -z "$missing" ]; then ok "rules --format markdown: a section per rule"; else
    fail "rules --format markdown: a section per rule" "missing:$missing"
fi
