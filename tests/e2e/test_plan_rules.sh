#!/usr/bin/env bash
# test_plan_rules.sh - the rules of the document's planning chapters (issue
# 18): one fixture per rule in tests/fixtures/plan/<rule-id>.yaml, each the
# clean model tests/fixtures/plan/chapters.yaml with one typical mistake; the
# first line of the report is the exact position, severity and rule, there
# is no other finding, the exit status follows the severity. Then the
# messages, the lead that names no unit, and `egaf refs list --kind
# national-targets`.
. "$(dirname "$0")/lib.sh"
F=tests/fixtures/plan
G=tests/golden/plan

expected='
header.legal-basis-framework  16:5    note
roadmap.dependency-cycle      76:173  error
roadmap.dependency-order      78:116  error
roadmap.lead-missing          76:129  warning
roadmap.self-dependency       77:121  error
solutions.missing-kind        73:1    warning
standard.code-duplicate       69:79   warning
standard.instrument-missing   68:7    note
target.baseline-after-target  84:94   error
target.national-uncovered     73:1    warning
target.national-unknown       85:88   error
target.year-outside-period    84:73   error
'

expect_validates_clean chapters.yaml "$F/chapters.yaml"
expect_rule_fixtures "$F" "$expected"
expect_rule_fixtures_listed "$expected" "$F"/*.*.yaml

# --- messages
run validate "$F/roadmap.dependency-cycle.yaml"
expect_grep "cycle: named in order" "error: roadmap tasks depend on each other in a cycle: nang-cap-mot-cua → tich-hop-lgsp → ket-noi-dvcqg → nang-cap-mot-cua \[roadmap.dependency-cycle\]$"
expect_grep "cycle: a note at each other item" "^$F/roadmap.dependency-cycle.yaml:78:98: note: 'tich-hop-lgsp' depends on 'ket-noi-dvcqg' here$"
expect_grep "cycle: a note at each other item (2)" "^$F/roadmap.dependency-cycle.yaml:77:103: note: 'ket-noi-dvcqg' depends on 'nang-cap-mot-cua' here$"
run validate "$F/roadmap.dependency-order.yaml"
expect_grep "order: names both tasks and years" "error: roadmap task 'tich-hop-lgsp' ends in 2022, before 'ket-noi-dvcqg', which it depends on, ends in 2023 \[roadmap.dependency-order\]$"
expect_grep "order: note at the other task's end" "^$F/roadmap.dependency-order.yaml:77:69: note: 'ket-noi-dvcqg' ends here$"
expect_grep "order: hint" "hint: end 'tich-hop-lgsp' in 2023 or later, or end 'ket-noi-dvcqg' earlier$"
run validate "$F/roadmap.self-dependency.yaml"
expect_grep "self: message" "error: roadmap task 'ket-noi-dvcqg' depends on itself \[roadmap.self-dependency\]$"
expect_no_grep "self: not also a cycle" "dependency-cycle"
run validate "$F/target.national-unknown.yaml"
expect_grep "national-unknown: did you mean" "hint: did you mean 'dvc-muc-4'\?$"
run validate "$F/target.national-uncovered.yaml"
expect_grep "national-uncovered: names the target, its value and instrument" "warning: no target serves national target 'dvc-muc-4' \(Tỷ lệ dịch vụ công trực tuyến mức độ 4: ≥ 30%, NQ 17/NQ-CP \(07/3/2019\)\) set for provinces in 2020 \[target.national-uncovered\]$"
expect_grep "national-uncovered: says the fact is only reported" "this rests on national target 'dvc-muc-4', not confirmed from the original text \(only reported by a secondary source"
# a waiver in the header waives it (listed, not counted)
sed 's/^  legal-basis:$/  waivers: [{rule: target.national-uncovered, reason: "Chỉ tiêu DVC mức 4 do Sở TTTT theo dõi riêng"}]\n  legal-basis:/' \
    "$F/target.national-uncovered.yaml" >"$T/waived.yaml"
run validate "$T/waived.yaml"
expect_status "national-uncovered: waived, exit 0" 0
expect_grep "national-uncovered: waived finding listed" '\[target.national-uncovered\] \(waived warning\)$'
expect_grep "national-uncovered: waived, not counted" '^1 file checked: 0 errors, 0 warnings, 0 notes'
# a model of 2026: NQ 17's targets are set for 2019-2020 only
sed 's/^  year: 2020$/  year: 2026/; s/^  period: {from: 2021, to: 2025}$/  period: {from: 2021, to: 2030}/; s/^framework: "2.0"$/framework: "4.0"/; s/2323/292/; s/QĐ-BTTTT ngày 31/QĐ-BKHCN ngày 31/' \
    "$F/target.national-uncovered.yaml" >"$T/y2026.yaml"
run validate -q "$T/y2026.yaml"
expect_no_grep "national-uncovered: not for a 2026 model" "national-uncovered"
# no targets at all: nothing said
sed '/^  targets:$/,/^  solutions:$/{/^  solutions:$/!d}' "$F/chapters.yaml" >"$T/no-targets.yaml"
run validate -q "$T/no-targets.yaml"
expect_no_grep "national-uncovered: not for a model without targets" "national-uncovered"
run validate "$F/solutions.missing-kind.yaml"
expect_grep "missing-kind: names the kinds" 'warning: the solutions have no solution of the kinds `staffing`, `finance` \[solutions.missing-kind\]$'
run validate "$F/header.legal-basis-framework.yaml"
expect_grep "legal-basis: names the instrument" "note: the legal basis does not cite QĐ 2323/QĐ-BTTTT, the instrument of framework 2.0 the architecture follows \[header.legal-basis-framework\]$"
# cited in other words, other case and spacing: no finding
sed 's/Quyết định số 2568\/QĐ-BTTTT ngày 29\/12\/2023/quyết định số 2323 \/ qđ-btttt/' \
    "$F/header.legal-basis-framework.yaml" >"$T/cited.yaml"
run validate -q "$T/cited.yaml"
expect_no_grep "legal-basis: folded citation found" "legal-basis-framework"
run validate "$F/standard.code-duplicate.yaml"
expect_grep "code-duplicate: note at the first" "^$F/standard.code-duplicate.yaml:68:46: note: 'TCVN 7635:2007' is listed here$"

# a lead that names no unit is ref.unresolved, with the closest unit
sed 's/priority: 1, lead: so-tttt,/priority: 1, lead: so-ttt,/' "$F/chapters.yaml" >"$T/lead.yaml"
run validate "$T/lead.yaml"
expect_status "lead unresolved: exit 1" 1
expect_grep "lead unresolved: ref.unresolved at the lead" "^$T/lead.yaml:76:125: error: 'lead' of mini:nang-cap-mot-cua names 'so-ttt', which no element has \[ref.unresolved\]$"
expect_grep "lead unresolved: did you mean" "hint: did you mean 'so-tttt'\?$"

# Vietnamese
run --lang vi validate "$F/roadmap.dependency-cycle.yaml"
expect_grep "cycle: in Vietnamese" "vòng"

# --- national targets in the reference data
run refs list --kind national-targets
expect_status "refs list national-targets: exit 0" 0
expect_out "refs list national-targets: the 14 targets of NQ 17" "$G/national-targets.txt"
run refs list --kind national-targets --year 2021
expect_out "refs list national-targets 2021: none" /dev/null
run refs list --kind national-targets --format json
node -e '
    const a = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const ok = a.length === 14 && a.every(x => x.kind === "national-target" &&
        x.confidence === "reported" && x["year-from"] === 2019 && x["year-to"] === 2020 &&
        x.level.join() === "ministry,province" && x.instrument === "NQ 17/NQ-CP (07/3/2019)" &&
        x.sources.length === 2);
    process.exit(ok ? 0 : 1);' "$OUT"
if [ $? = 0 ]; then ok "refs list national-targets json: 14, reported, 2019-2020, both levels"; else
    fail "refs list national-targets json" "fields"
fi
run refs list --kind national-target
expect_status "refs list: near kind, exit 2" 2
expect_grep "refs list: did you mean national-targets" "did you mean 'national-targets'" "$ERR"

# refs audit lists the national targets a model with targets is held to
run refs audit "$F/target.national-uncovered.yaml"
expect_status "refs audit: exit 0" 0
expect_grep "refs audit: the national target, reported" "^  reported  national target dvc-muc-4 \(Tỷ lệ dịch vụ công trực tuyến mức độ 4: ≥ 30%\) \[en.baochinhphu.vn/resolution-no-17-…-11135420.htm\]$"
expect_grep "refs audit: the finding that rests on it" "^    $F/target.national-uncovered.yaml:73:1: warning: .*\[target.national-uncovered\]$"

# a broken national-targets.yaml stops validate with a positioned finding
cp -R "$EGAF_ROOT/reference-models" "$T/refs"
rm -f "$T/refs/egaf-refs.cache"
sed -i '0,/    level: \[ministry, province\]/s//    level: [ministry, commune]/' "$T/refs/national-targets.yaml"
run validate --refs "$T/refs" "$F/chapters.yaml"
expect_status "broken national targets: exit 2" 2
expect_grep "broken national targets: positioned" "national-targets.yaml:[0-9]+:[0-9]+: error: 'level' must be ministry or province; found 'commune' \[refs.schema\]" "$ERR"
# without the file, framework 2.0's targets (which name only how egaf
# measures a national target) have no facts: the data does not load
rm "$T/refs/national-targets.yaml"
run validate --refs "$T/refs" -q "$F/target.national-unknown.yaml"
expect_status "no national-targets.yaml: framework targets without facts, exit 2" 2
expect_grep "no national-targets.yaml: the target named" "framework-2.0.yaml:[0-9]+:[0-9]+: error: target 'dvc-muc-4' has no 'name': it must then be the id of a national target with a value \(national-targets.yaml\) \[refs.schema\]" "$ERR"
# a folder whose frameworks name their targets in full loads without it, and
# the national rules say nothing
sed -i '/^targets:/,$d' "$T/refs/framework-2.0.yaml"
run validate --refs "$T/refs" -q "$F/target.national-unknown.yaml"
expect_status "no national-targets.yaml, no framework targets: loads, exit 0" 0
# required keys of the kinds whose fields come after the 64th (a bit per
# field in more than one word): a target without `value` or `year`
cat >"$T/target-keys.yaml" <<'YAML'
framework: "4.0"
architecture: {id: t, agency: lang-son, level: province, name: T, year: 2026}
implementation:
  targets:
    - {id: ct-1, name: Chỉ tiêu một, year: 2026}
    - {id: ct-2, name: Chỉ tiêu hai, value: "50%"}
YAML
run validate "$T/target-keys.yaml"
expect_grep "target without value" "target-keys.yaml:5:7: error: target 'ct-1' has no 'value' \[schema.missing-key\]$"
expect_grep "target without year" "target-keys.yaml:6:7: error: target 'ct-2' has no 'year' \[schema.missing-key\]$"
exit 0
