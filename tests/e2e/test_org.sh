#!/usr/bin/env bash
# test_org.sh - the organisation (issue 18 items 2, 7, 8, 9): units owning
# systems, the org.*, channel.* and hosting.* rules each at its exact
# position on a model showing the typical mistake (tests/fixtures/org/RULE.yaml,
# each clean.yaml with one mistake), officials named by an application are
# used, and the organisation view: drawn for a model with units, skipped by
# the site and the ArchiMate export for a model without.
. "$(dirname "$0")/lib.sh"
F=tests/fixtures/org

# the fixed model: units as owners and users, relations, an official of an
# internal system, the mobile app as channel and application, a leased data
# centre with its provider
expect_validates_clean clean "$F/clean.yaml"

# rule-id  line:col  severity
expected='
org.owner-unknown             59:14  warning
org.parent-cycle              29:96  error
org.relation-self             37:27  warning
org.unit-kind                 33:70  warning
channel.application-kind      21:75  warning
channel.application-unlinked  20:26  warning
hosting.provider-missing      80:16  warning
'
expect_rule_fixtures "$F" "$expected"
expect_rule_fixtures_listed "$expected" "$F"/org.*.yaml "$F"/channel.*.yaml "$F"/hosting.*.yaml

# the messages and hints a user reads
run validate "$F/org.owner-unknown.yaml"
expect_grep owner-message "owner of application 'qlvb' is 'so-ttt', which is no unit of the architecture and no agency of the reference data \[org.owner-unknown\]$"
expect_grep owner-suggests-the-unit "^   hint: did you mean the unit 'so-tttt'\?$"
run validate "$F/org.parent-cycle.yaml"
expect_grep parent-cycle-chain "unit 'ubnd' is its own parent through its chain of parents: ubnd → trung-tam → so-tttt → ubnd \[org.parent-cycle\]$"
run validate "$F/channel.application-unlinked.yaml"
expect_grep unlinked-message "channel 'app-ls' and application 'ls-app' have the same name \(\"Ứng dụng Lạng Sơn\"\) but no link: one thing declared twice"
expect_grep unlinked-points-at-the-application "^$F/channel.application-unlinked.yaml:62:26: note: 'ls-app' is named here$"
expect_grep unlinked-hint 'add `application: ls-app` to the channel'
run validate "$F/channel.application-kind.yaml"
expect_grep application-kind-message "channel 'mot-cua-tt' has \`kind: counter\`, which is no application, but names 'mot-cua' as the application it is \[channel.application-kind\]$"
run validate "$F/org.unit-kind.yaml"
expect_grep unit-kind-message "unit 'huyen-cao-loc' has \`kind: district\`, but the architecture is a ministry's \(level: ministry\)"

# owner: a unit, an agency id and an organ code are all owners; the id of
# an element that is not a unit is not
sed 's/      owner: so-tttt$/      owner: bo-tu-phap/' "$F/clean.yaml" >"$T/agency.yaml"
sed 's/      owner: so-tttt$/      owner: "000.00.00.H37"/' "$F/clean.yaml" >"$T/code.yaml"
run validate -q "$T/agency.yaml" "$T/code.yaml"
check owner-agency-and-organ-code-are-fine test ! -s "$OUT"
sed 's/      owner: so-tttt$/      owner: mot-cua/' "$F/clean.yaml" >"$T/app-owner.yaml"
run validate -q "$T/app-owner.yaml"
expect_grep owner-naming-an-application "^$T/app-owner.yaml:59:14: warning: owner of application 'qlvb' names application 'mot-cua', which is not a unit \[org.owner-unknown\]$"
# without reference data an agency cannot be told from a typo: no finding
mkdir -p "$T/norefs"
run validate -q --refs "$T/norefs" "$F/org.owner-unknown.yaml"
expect_no_grep owner-unknown-needs-the-reference-data 'org.owner-unknown'

# item 7: an official named by an application is used; named by nothing, not
run validate -q "$F/hygiene.unused-actor.yaml"
expect_grep official-unused "^$F/hygiene.unused-actor.yaml:17:12: warning: actor 'can-bo' is not used: no service or application names it \[hygiene.unused\]$"
n=$(grep -c '\[' "$OUT")
if [ "$n" = 1 ]; then ok official-unused-only-finding; else fail official-unused-only-finding "$n findings"; fi

# the organisation view: five units, four relations
run render --view organisation --format dot -o - "$F/clean.yaml"
expect_status "render organisation: exit 0" 0
cp "$OUT" "$T/org.dot"
for node in ubnd so-tttt so-noi-vu trung-tam huyen-cao-loc; do
    expect_grep "render organisation: node $node" "^\s+\"?$node\"?\s+\[" "$T/org.dot"
done
expect_grep "render organisation: parent edge" '^\s+ubnd -> "so-tttt"\s+\[color="#1B4F72",$' "$T/org.dot"
expect_grep "render organisation: directs" 'xlabel="Chỉ đạo"(,|\])' "$T/org.dot"
expect_grep "render organisation: reports with data" 'xlabel="Báo cáo: báo cáo định kỳ"(,|\])' "$T/org.dot"
expect_grep "render organisation: coordinates" 'xlabel="Phối hợp"(,|\])' "$T/org.dot"
expect_grep "render organisation: exchanges data" 'xlabel="Trao đổi dữ liệu: hồ sơ TTHC"(,|\])' "$T/org.dot"
expect_grep "render organisation: owner counted" 'chủ quản 2\\nhệ thống|chủ quản 2 hệ thống' "$T/org.dot"
run render --view organisation --lang en -o "$T/org.svg" "$F/clean.yaml"
expect_status "render organisation svg: exit 0" 0
expect_grep "render organisation svg: a unit" '<title>so&#45;tttt</title>' "$T/org.svg"
expect_grep "render organisation svg: a relation in English" '>Exchanges data: hồ sơ TTHC<' "$T/org.svg"
expect_grep "render organisation svg: the legend" '>Unit<' "$T/org.svg"
run render --view organisation -o "$T/none.svg" tests/fixtures/validate/mini.yaml
expect_status "render organisation without units: exit 2" 2
expect_grep "render organisation without units: says why" "has no units \(business.units\): the organisation view has nothing to draw" "$ERR"
check "render organisation without units: no file" test ! -e "$T/none.svg"

# the site draws it for the model with units only
run consolidate -q --year 2020 -o "$T/site" "$F/clean.yaml" tests/fixtures/validate/mini.yaml
check "site: organisation of the model with units" test -s "$T/site/img/a-org-organisation.svg"
check "site: overview of the model without units" test -s "$T/site/img/a-mini-overview.svg"
check "site: no organisation without units" test ! -e "$T/site/img/a-mini-organisation.svg"
expect_grep "site: the page shows it" 'img/a-org-organisation.svg' "$T/site/a-org.html"
expect_no_grep "site: no page shows it without units" 'organisation.svg' "$T/site/a-mini.html"

# the ArchiMate export: a sixth view for the model with units only
run export --format archimate -o "$T/mini.xml" tests/fixtures/validate/mini.yaml
n=$(grep -c '<view ' "$T/mini.xml")
if [ "$n" = 5 ]; then ok "archimate: five views without units"; else fail "archimate: five views without units" "$n"; fi
run export --format archimate -o "$T/org.xml" "$F/clean.yaml"
n=$(grep -c '<view ' "$T/org.xml")
if [ "$n" = 6 ]; then ok "archimate: six views with units"; else fail "archimate: six views with units" "$n"; fi

# a unit that is its own parent is a loop of one; a unit under a loop is not
# reported again
sed 's/kind: department, parent: ubnd}/kind: department, parent: SELF}/' "$F/clean.yaml" |
    sed '0,/parent: SELF}/s//parent: so-tttt}/; s/parent: SELF}/parent: so-noi-vu}/' >"$T/self.yaml"
run validate -q "$T/self.yaml"
expect_grep self-parent-1 "^$T/self.yaml:30:83: error: unit 'so-tttt' is its own parent through its chain of parents: so-tttt → so-tttt \[org.parent-cycle\]$"
expect_grep self-parent-2 "^$T/self.yaml:31:66: error: unit 'so-noi-vu' is its own parent through its chain of parents: so-noi-vu → so-noi-vu \[org.parent-cycle\]$"
n=$(grep -c '\[org.parent-cycle\]' "$OUT")
if [ "$n" = 2 ]; then ok self-parent-one-finding-per-loop; else fail self-parent-one-finding-per-loop "$n findings"; fi
