#!/usr/bin/env bash
# test_rules_fixtures.sh - one fixture per conformance rule in
# tests/fixtures/rules/<rule-id>.yaml, each breaking exactly that rule: the
# first line of the report is the exact gcc-style position, severity and rule
# id, there is no other finding, and the exit status follows the severity
# (1 for an error; 0 for a warning, 1 with --werror). The base model,
# tests/fixtures/validate/mini.yaml, has no finding at all.
. "$(dirname "$0")/lib.sh"
F=tests/fixtures/rules

# rule-id  line:col  severity (a rule whose finding here rests on a reference
# fact that is not confirmed is a warning: the provisional code trees, the
# TT 13/2017/TT-BTTTT connection cases, the levels that need a control)
expected='
code.unknown                 38:12  warning
component.missing            33:1   error
component.multiple-lgsp      50:68  warning
component.not-connected      45:11  error
data.duplicate-master        30:24  error
data.owns-national           33:33  error
header.agency-unknown        5:11   error
header.framework-unknown     2:12   error
header.level-mismatch        6:10   error
header.year-outside-edition  8:9    error
hygiene.empty-section        63:1   warning
hygiene.similar-names        43:27  warning
hygiene.unused               33:12  warning
roadmap.order                66:79  error
roadmap.outside-period       66:79  error
route.bypasses-platform      51:27  warning
route.exception              51:50  warning
route.reason-missing         51:50  warning
section.missing              4:3    error
security.level-missing       42:12  error
security.unprotected         49:23  warning
'

# the base of every fixture is clean
expect_validates_clean mini.yaml tests/fixtures/validate/mini.yaml
expect_rule_fixtures "$F" "$expected"
# every fixture in the folder is listed above, and every listed rule is in the catalogue
expect_rule_fixtures_listed "$expected" "$F"/*.yaml

# messages and hints that say what to do
run validate "$F/route.bypasses-platform.yaml"
expect_grep "route.bypasses-platform: message names the element and the LGSP" \
    "warning: application 'mot-cua' connects to 'national:dvcqg' without going through the province's LGSP \[route.bypasses-platform\]$"
expect_grep "route.bypasses-platform: caret under the to value" '^ +\| +\^~{13}$'
expect_grep "route.bypasses-platform: hint names the LGSP and TT 13/2017" \
    '^   hint: add `via: lgsp-route-bypasses-platform` \(Thông tư 13/2017/TT-BTTTT\); this rests on the connection cases of TT 13/2017/TT-BTTTT, not confirmed from the original text \(only reported by a secondary source: TT 13/2017/TT-BTTTT \(23/6/2017\)\): a warning, not an error, until it is confirmed$'

run validate "$F/header.agency-unknown.yaml"
expect_grep "header.agency-unknown: names the merger and the successor" \
    "Bắc Giang was merged into Bắc Ninh \(bac-ninh-2025\) on 2025-07-01 \[header.agency-unknown\]$"
expect_grep "header.agency-unknown: hint with the successor id" '^   hint: for a 2026 model write `agency: bac-ninh-2025`'

run validate "$F/header.year-outside-edition.yaml"
expect_grep "header.year-outside-edition: names the next edition and its date" \
    "2.0 was replaced by 3.0 \(QĐ 2568/QĐ-BTTTT\) on 2023-12-29"
expect_grep "header.year-outside-edition: hint names the edition in force" 'hint: a 2026 model follows framework "4.0"'

run validate "$F/code.unknown.yaml"
expect_grep "code.unknown: says the tree is provisional" "not in egaf's provisional ARM tree"
expect_grep "code.unknown: hint names the closest code" "hint: did you mean 'ARM002.001'"

run validate "$F/section.missing.yaml"
expect_grep "section.missing: content named in Vietnamese and English" "lacks Tầm nhìn \(vision\)"

run validate "$F/hygiene.similar-names.yaml"
expect_grep "hygiene.similar-names: note at the first name" "^$F/hygiene.similar-names.yaml:42:[0-9]+: note: 'qlvb' is named here$"

run validate "$F/data.owns-national.yaml"
expect_grep "data.owns-national: names the owner in the year" "which Bộ Công an owns in 2020, not Lạng Sơn"

# a waiver on the element keeps the finding listed but not counted
sed 's/{id: qlvb, name: Hệ thống quản lý văn bản và điều hành, role: qlvb}/{id: qlvb, name: Hệ thống quản lý văn bản và điều hành, role: qlvb, waivers: [{rule: security.level-missing, reason: "Hồ sơ cấp độ đang trình thẩm định"}]}/' \
    "$F/security.level-missing.yaml" >"$T/waived.yaml"
run validate "$T/waived.yaml"
expect_status "security.level-missing: waived, exit 0" 0
expect_grep "security.level-missing: waived finding listed" '\[security.level-missing\] \(waived error\)$'

# findings of every model of a run, sorted by file
run validate -q "$F/roadmap.order.yaml" "$F/code.unknown.yaml"
check "two fixtures: sorted by file" bash -c "head -1 '$OUT' | grep -q '^$F/code.unknown.yaml:'"
expect_status "two fixtures: exit 1" 1
