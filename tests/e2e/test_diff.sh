#!/usr/bin/env bash
# egaf diff: the exact JSON of each fixture pair, the national editions 2020
# and 2026 (merged provinces, ministries), git:REV:PATH in a repository made
# here, --fail-on and the exit codes.
. "$(dirname "$0")/lib.sh"
FX=tests/fixtures/diff
GOLD=tests/golden/diff

# 1. Each fixture pair, JSON byte for byte.
for dir in "$FX"/*/; do
    name=$(basename "$dir")
    run diff --format json "$FX/$name/old.yaml" "$FX/$name/new.yaml"
    expect_status "diff $name: exit 0" 0
    expect_out "diff $name: JSON" "$GOLD/$name.json"
done

# What each golden must say (so a regenerated golden cannot hide a bug): for
# a fixture pair, whether a line of the JSON matches, the check's name, the
# pattern (rows of one pair run its diff once).
diffed=
while IFS='|' read -r fixture matches name pattern; do
    if [ "$fixture" != "$diffed" ]; then
        run diff --format json "$FX/$fixture/old.yaml" "$FX/$fixture/new.yaml"
        diffed=$fixture
    fi
    if [ "$matches" = grep ]; then
        expect_grep "$name" "$pattern"
    else
        expect_no_grep "$name" "$pattern"
    fi
done <<'CASES'
element-added|grep|added: application cong-ttdt|"status": "added", "kind": "application", "id": "cong-ttdt"
element-removed|grep|removed: actor doanh-nghiep|"status": "removed", "kind": "actor", "id": "doanh-nghiep"
element-renamed|grep|renamed: possibly renamed from|"id": "doanh-nghiep-htx", "name": "Doanh nghiệp", "renamed_from": "doanh-nghiep"
field-changed|grep|field changed: security-level 3 -> 4|"field": "security-level", "old": "3", "new": "4"
field-changed|grep|field changed: list item added|"field": "actors", "added": \["doanh-nghiep"\], "removed": \[\]
field-changed|no-grep|field changed: reordered principles are no change|"field": "principles"
integration-added|grep|integration added|"status": "added", "type": "integration", "from": "mot-cua", "to": "national:paygov", "via": "lgsp-dx"
integration-removed|grep|integration removed|"status": "removed", "type": "integration", "from": "mot-cua", "to": "national:paygov"
finding-introduced|grep|finding introduced|"status": "introduced", "rule": "security.level-missing", "severity": "error", "element": "dx:qlvb"
finding-fixed|grep|finding fixed|"status": "fixed", "rule": "security.level-missing", "severity": "error", "element": "dx:qlvb"
CASES
# issue 18: the chapters' fields and relations
run diff --format json "$FX/chapters-changed/old.yaml" "$FX/chapters-changed/new.yaml"
expect_grep "chapters: unit added" '"status": "added", "kind": "unit", "id": "so-tai-chinh"'
expect_grep "chapters: progress changed" '"field": "progress", "old": "in-progress", "new": "delayed"'
expect_grep "chapters: budget-million changed" '"field": "budget-million", "old": "2000", "new": "2500"'
expect_grep "chapters: target value changed" '"field": "value", "old": "80%", "new": "90%"'
expect_grep "chapters: legal basis item added" '"field": "legal-basis", "added": \["Luật Dữ liệu 2024"\]'
expect_grep "chapters: lead as a relation" '"status": "removed", "type": "lead", "from": "app-di-dong", "to": "ttcds"'
expect_grep "chapters: depends-on as a relation" '"status": "removed", "type": "depends-on", "from": "app-di-dong", "to": "nang-cap-lgsp"'
expect_grep "chapters: users as a relation" '"status": "added", "type": "users", "from": "qlvb", "to": "so-tai-chinh"'
expect_grep "chapters: applies-to as a relation" '"status": "added", "type": "applies-to", "from": "tcvn-11930", "to": "qlvb"'
expect_grep "chapters: relation between units added" '"status": "added", "type": "relation", "from": "so-noi-vu", "to": "so-tttt"'
expect_grep "chapters: relation kind changed" '"status": "changed", "type": "relation", "from": "so-tttt", "to": "so-noi-vu", "via": null, "id": null, "fields": \[\{"field": "kind", "old": "exchanges-data", "new": "coordinates"\}\]'
expect_no_grep "chapters: lead is not an element field" '"field": "lead"'
if command -v python3 >/dev/null; then
    check "JSON parses" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$OUT"
fi

# A model against itself: nothing changed.
run diff "$FX/element-added/new.yaml" "$FX/element-added/new.yaml"
expect_status "same model: exit 0" 0
expect_grep "same model: unchanged" '^architecture dx: unchanged$'

# 2. The national editions: merged provinces, ministries.
run diff examples/national-2020 examples/national-2026
expect_status "national: exit 0" 0
# added: ho-chi-minh (merged from binh-duong) and cao-bang (the sixth province, no
# 2020 model); removed: bac-giang and binh-duong
expect_grep "national: summary" '^architectures: 2 added, 2 removed, 7 changed, 0 unchanged$'
expect_grep "national: bac-giang removed, merged into bac-ninh" \
    '^architecture bac-giang: removed \(examples/national-2020/bac-giang.yaml\), [0-9]+ elements, [0-9]+ relations; merged into bac-ninh$'
expect_grep "national: binh-duong removed, merged into ho-chi-minh" \
    '^architecture binh-duong: removed \(.*; merged into ho-chi-minh$'
expect_grep "national: ho-chi-minh added" \
    '^architecture ho-chi-minh: added \(examples/national-2026/ho-chi-minh.yaml\), [0-9]+ elements, .*merged from binh-duong$'
expect_grep "national: bac-ninh merged from bac-giang" '^architecture bac-ninh: changed; merged from bac-giang$'
expect_grep "national: bac-ninh agency" '^    agency: bac-ninh → bac-ninh-2025$'
for m in bo-y-te bo-tu-phap bo-giao-duc-va-dao-tao; do
    expect_grep "national: ministry $m changed" "^architecture $m: changed$"
done
sed -n '/^architecture bo-y-te:/,/^architecture ho-chi-minh:/p' "$OUT" >"$T/bo-y-te"
expect_grep "national: bo-y-te framework 2.0 -> 4.0" '^    framework: 2.0 → 4.0$' "$T/bo-y-te"
expect_grep "national: bo-y-te year" '^    year: 2020 → 2026$' "$T/bo-y-te"
expect_grep "national: bo-y-te elements counted" '^  elements: [0-9]+ added, [0-9]+ removed, [0-9]+ changed$' "$T/bo-y-te"
expect_grep "national: bo-y-te new VNeID integration" '^    \+ integration httt-tthc → national:vneid via lgsp-bo-y-te$' "$T/bo-y-te"

run diff --format markdown examples/national-2020 examples/national-2026
expect_status "national markdown: exit 0" 0
expect_grep "markdown: title" '^### egaf diff: examples/national-2020 → examples/national-2026$'
expect_grep "markdown: table header" '^\| Architecture \| Status \| Elements \+/−/~ \| Relations \+/−/~ \| Findings new/fixed \|$'
expect_grep "markdown: bac-giang row" '^\| bac-giang \| removed, merged into bac-ninh \| 0 / [0-9]+ / 0 \|'
expect_grep "markdown: details folded" '^<details>$'
table_line=$(grep -n '^| Architecture' "$OUT" | cut -d: -f1)
details_line=$(grep -n '^<details>' "$OUT" | head -1 | cut -d: -f1)
check "markdown: summary table before the details" test "${table_line:-0}" -gt 0 -a "${table_line:-0}" -lt "${details_line:-0}"
run diff --format json examples/national-2020 examples/national-2026
if command -v python3 >/dev/null; then
    check "national JSON parses" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["summary"]["architectures"]["removed"] == 2' "$OUT"
fi
run diff --format json examples/national-2020 examples/national-2026
cp "$OUT" "$T/first.json"
run diff --format json examples/national-2020 examples/national-2026
check "national JSON deterministic" cmp -s "$OUT" "$T/first.json"

# 3. git:REV:PATH in a repository made here; includes come from the revision.
if command -v git >/dev/null; then
    repo="$T/repo"
    mkdir -p "$repo"
    cp examples/national-2020/lang-son.yaml "$repo/model.yaml"
    cp -R examples/national-2020/lang-son "$repo/lang-son"
    (cd "$repo" && git init -q && git -c user.email=t@example.org -c user.name=t add -A &&
        git -c user.email=t@example.org -c user.name=t commit -qm model) >/dev/null 2>&1
    # a change in an included file only: the old side needs the includes of its revision
    sed -i 's/name: Hệ thống thông tin đất đai$/name: Hệ thống thông tin đất đai tỉnh/' \
        "$repo/lang-son/ung-dung.yaml"
    count_tmp() { ls -d "${TMPDIR:-/tmp}"/egaf-diff.* 2>/dev/null | wc -l; }
    before=$(count_tmp)
    (cd "$repo" && TMPDIR="$T" "$EGAF" diff git:HEAD:model.yaml model.yaml) >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status "git: exit 0" 0
    expect_grep "git: old side named by revision" '^egaf diff git:HEAD:model.yaml → model.yaml$'
    expect_grep "git: change in an included file" '^    ~ application httt-dat-dai: Hệ thống thông tin đất đai tỉnh$'
    expect_grep "git: only that change" '^  elements: 0 added, 0 removed, 1 changed$'
    check "git: temporary folder removed" test "$(ls -d "$T"/egaf-diff.* 2>/dev/null | wc -l)" = 0
    (cd "$repo" && "$EGAF" diff --fail-on changed git:HEAD:model.yaml model.yaml) >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status "git: --fail-on changed exits 1" 1
    (cd "$repo" && "$EGAF" diff git:no-such-rev:model.yaml model.yaml) >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status "git: unknown revision exits 2" 2
    expect_grep "git: unknown revision message" "unknown git revision 'no-such-rev'" "$ERR"
    (cd "$repo" && "$EGAF" diff git:HEAD:missing.yaml model.yaml) >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status "git: unknown path exits 2" 2
    (cd "$repo" && "$EGAF" diff 'git:HEAD;touch x:model.yaml' model.yaml) >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status "git: revision with shell characters refused" 2
    check "git: nothing run by a shell" test ! -e "$repo/x"
    (cd "$repo" && "$EGAF" diff 'git:HEAD:../model.yaml' model.yaml) >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status "git: path outside the repository refused" 2
    (cd "$repo" && "$EGAF" diff git:HEAD:. .) >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status "git: a folder at a revision" 0
    expect_grep "git: folder pairs by id" '^architecture lang-son: changed$'
    check "git: no temporary folder left" test "$(count_tmp)" = "$before"
    (cd "$T" && "$EGAF" diff git:HEAD:model.yaml "$EGAF_ROOT/$FX/element-added/new.yaml") >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status "git: outside a repository exits 2" 2
else
    echo "ok git tests skipped: no git"
fi

# 4. --fail-on.
run diff --fail-on added "$FX/integration-added/old.yaml" "$FX/integration-added/new.yaml"
expect_status "--fail-on added matches" 1
run diff --fail-on removed "$FX/integration-added/old.yaml" "$FX/integration-added/new.yaml"
expect_status "--fail-on removed does not match an addition" 0
run diff --fail-on removed "$FX/element-removed/old.yaml" "$FX/element-removed/new.yaml"
expect_status "--fail-on removed matches" 1
run diff --fail-on changed "$FX/field-changed/old.yaml" "$FX/field-changed/new.yaml"
expect_status "--fail-on changed matches" 1
run diff --fail-on changed "$FX/integration-added/old.yaml" "$FX/integration-added/new.yaml"
expect_status "--fail-on changed does not match an addition" 0
run diff --fail-on removed,changed "$FX/field-changed/old.yaml" "$FX/field-changed/new.yaml"
expect_status "--fail-on list" 1
run diff --fail-on any "$FX/finding-fixed/old.yaml" "$FX/finding-fixed/new.yaml"
expect_status "--fail-on any matches" 1
run diff --fail-on any "$FX/finding-fixed/new.yaml" "$FX/finding-fixed/new.yaml"
expect_status "--fail-on any, no change" 0
run diff --fail-on removed examples/national-2020 examples/national-2026
expect_status "--fail-on removed: provinces merged" 1

# 5. Could not run: exit 2.
run diff "$FX/element-added/old.yaml"
expect_status "one input: exit 2" 2
run diff "$FX/element-added/old.yaml" "$T/missing.yaml"
expect_status "missing input: exit 2" 2
expect_grep "missing input: message" "cannot read" "$ERR"
run diff --format html "$FX/element-added/old.yaml" "$FX/element-added/new.yaml"
expect_status "unknown format: exit 2" 2
run diff --fail-on everything "$FX/element-added/old.yaml" "$FX/element-added/new.yaml"
expect_status "unknown --fail-on: exit 2" 2
mkdir -p "$T/dup"
cp "$FX/element-added/old.yaml" "$T/dup/a.yaml"
cp "$FX/element-added/new.yaml" "$T/dup/b.yaml"
run diff "$T/dup" "$T/dup"
expect_status "two models of one architecture: exit 2" 2
run diff --help
expect_status "--help: exit 0" 0
expect_grep "--help: git form" 'git:REV:PATH'

# 6. -o writes the file.
run diff --format markdown -o "$T/diff.md" "$FX/field-changed/old.yaml" "$FX/field-changed/new.yaml"
expect_status "-o: exit 0" 0
expect_grep "-o: markdown written" '^\| dx \| changed \| 0 / 0 / 3 \|' "$T/diff.md"
