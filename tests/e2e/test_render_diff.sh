#!/usr/bin/env bash
# egaf render --diff OLD: golden DOT of the overview and integration views for
# a fixture pair (application added, database removed, application renamed,
# integration added, integration removed), the marks and the legend, SVG
# well-formed, English marks, ghosts within the node budget, exit codes.
# UPDATE_GOLDEN=1 rewrites tests/golden/render-diff/ instead of comparing.
. "$(dirname "$0")/lib.sh"

FX=tests/fixtures/render-diff
GOLD=tests/golden/render-diff
VIEWS="overview integration data technology security"

golden() { # NAME FILE
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
        mkdir -p "$GOLD"
        cp "$2" "$GOLD/$1.dot"
        ok "golden-$1 (rewritten)"
    elif cmp -s "$2" "$GOLD/$1.dot"; then
        ok "golden-$1"
    else
        fail "golden-$1" "differs from $GOLD/$1.dot (UPDATE_GOLDEN=1 rewrites it)"
        diff -u "$GOLD/$1.dot" "$2" | head -30
    fi
}

reparses() { # NAME DOTFILE
    if command -v dot >/dev/null; then
        if dot -Tsvg "$2" -o "$2.svg" 2>"$T/dot.err" && [ ! -s "$T/dot.err" ]; then
            ok "dot-reparses-$1"
        else
            fail "dot-reparses-$1" "dot -Tsvg failed or warned: $(head -3 "$T/dot.err")"
        fi
    fi
}

# golden DOT, byte for byte, and dot re-parses it
for v in overview integration; do
    run render --view "$v" --format dot --diff "$FX/old.yaml" -o "$T/$v.dot" "$FX/new.yaml"
    expect_status "diff-$v-status" 0
    golden "$v" "$T/$v.dot"
    reparses "$v" "$T/$v.dot"
done
run render --view overview --format dot --lang en --diff "$FX/old.yaml" -o "$T/en.dot" "$FX/new.yaml"
expect_status diff-en-status 0
golden overview-en "$T/en.dot"
reparses overview-en "$T/en.dot"

# the marks: added application (green, "(mới)"), renamed application
# (orange, "(thay đổi)"), removed database (dashed red ghost in the data
# layer, "(đã bỏ)"), added integration (green edge), removed integration
# (dashed red edge); the legend lists the three marks
O="$T/overview.dot"
expect_grep mark-added-app '"cong-du-lieu-mo".*color="#1a7f37"' <(tr -d '\n\t' <"$O" | sed 's/;/;\n/g')
expect_grep mark-added-label 'label="Cổng dữ liệu mở tỉnh\\nCao Bằng\\n\(mới\)"' "$O"
expect_grep mark-changed-app 'qlvb.*color="#bc4c00".*\(thay đổi\)' <(tr -d '\n\t' <"$O" | sed 's/;/;\n/g')
expect_grep mark-removed-ghost '"removed:csdl-ho-tich-cu".*color="#cf222e".*\(đã bỏ\).*shape=cylinder.*style="filled,dashed"' <(tr -d '\n\t' <"$O" | sed 's/;/;\n/g')
expect_grep ghost-in-data-layer 'subgraph cluster_data \{.*"removed:csdl-ho-tich-cu"' <(tr -d '\n\t' <"$O" | sed 's/subgraph/\nsubgraph/g')
expect_grep mark-added-edge '"lgsp-cao-bang" -> "national:csdl-dan-cu".*color="#1a7f37"' <(tr -d '\n\t' <"$O" | sed 's/;/;\n/g')
expect_grep mark-removed-edge 'qlvb -> "national:tltvb".*color="#cf222e".*style=dashed' <(tr -d '\n\t' <"$O" | sed 's/;/;\n/g')
expect_grep removed-uses-to-ghost '"he-thong-tthc" -> "removed:csdl-ho-tich-cu"' "$O"
# a kept integration shares the LGSP -> NGSP link: it is not marked new
expect_no_grep shared-edge-unmarked '"lgsp-cao-bang" -> "national:ngsp".*1a7f37' <(tr -d '\n\t' <"$T/integration.dot" | sed 's/;/;\n/g')
expect_grep integration-added-edge '"national:ngsp" -> "national:csdl-dan-cu".*Thông tin công dân\\n\(mới\)' <(tr -d '\n\t' <"$T/integration.dot" | sed 's/;/;\n/g')
expect_grep integration-removed-endpoint 'qlvb -> "national:tltvb".*\(đã bỏ\)' <(tr -d '\n\t' <"$T/integration.dot" | sed 's/;/;\n/g')
for v in overview integration; do
    expect_grep "legend-$v-added" '_legend_added.*color="#1a7f37"' <(tr -d '\n\t' <"$T/$v.dot" | sed 's/;/;\n/g')
    expect_grep "legend-$v-changed" '_legend_changed.*color="#bc4c00"' <(tr -d '\n\t' <"$T/$v.dot" | sed 's/;/;\n/g')
    expect_grep "legend-$v-removed" '_legend_removed.*color="#cf222e"' <(tr -d '\n\t' <"$T/$v.dot" | sed 's/;/;\n/g')
done
expect_grep en-new '\(new\)' "$T/en.dot"
expect_grep en-changed '\(changed\)' "$T/en.dot"
expect_grep en-removed 'Old civil registry\\ndatabase\\n\(removed\)' "$T/en.dot"
expect_grep en-legend 'label="Added: green"' "$T/en.dot"
expect_no_grep en-no-vietnamese-marks '\((mới|thay đổi|đã bỏ)\)' "$T/en.dot"

# every view draws with --diff: SVG well-formed, with the legend, and the
# same bytes twice
for v in $VIEWS; do
    run render --view "$v" --diff "$FX/old.yaml" -o "$T/$v.svg" "$FX/new.yaml"
    expect_status "svg-$v-status" 0
    if command -v xmllint >/dev/null; then
        check "svg-$v-wellformed" xmllint --noout "$T/$v.svg"
    fi
    expect_grep "svg-$v-legend" '>Thêm mới: viền,<' "$T/$v.svg"
    run render --view "$v" --diff "$FX/old.yaml" -o "$T/$v.again.svg" "$FX/new.yaml"
    check "svg-$v-deterministic" cmp -s "$T/$v.svg" "$T/$v.again.svg"
done
expect_grep svg-ghost '>\(đã bỏ\)<' "$T/overview.svg"
expect_grep svg-ghost-dashed 'stroke="#cf222e" stroke-width="2" stroke-dasharray' "$T/overview.svg"
expect_grep technology-removed-hosting '"removed:csdl-ho-tich-cu" -> "ttdl-tinh"' \
    <(egaf render --view technology --format dot --diff "$FX/old.yaml" -o - "$FX/new.yaml" 2>/dev/null)
expect_grep security-removed-protects '"giam-sat" -> "removed:csdl-ho-tich-cu"' \
    <(egaf render --view security --format dot --diff "$FX/old.yaml" -o - "$FX/new.yaml" 2>/dev/null)

# a model compared with itself: nothing marked, the legend still there
run render --view overview --format dot --diff "$FX/new.yaml" -o "$T/same.dot" "$FX/new.yaml"
expect_status same-status 0
expect_no_grep same-no-marks '\((mới|thay đổi|đã bỏ)\)|#1a7f37"\];|removed:' "$T/same.dot"
expect_grep same-legend '_legend_removed' "$T/same.dot"

# without --diff nothing changes: no marks, and the renderer's goldens hold
run render --view overview --format dot -o "$T/plain.dot" "$FX/new.yaml"
expect_no_grep plain-no-marks '\((mới|thay đổi|đã bỏ)\)|_legend_added' "$T/plain.dot"
for v in $VIEWS; do
    run render --view "$v" --format dot -o "$T/plain-$v.dot" tests/fixtures/render/province.yaml
    check "plain-golden-$v" cmp -s "$T/plain-$v.dot" "tests/golden/render/$v.dot"
done

# OLD that cannot be read: exit 2, a clear message, no output written
run render --view overview --diff "$T/no-such-old.yaml" -o "$T/x.svg" "$FX/new.yaml"
expect_status old-missing 2
expect_grep old-missing-message "cannot read the old model '.*no-such-old.yaml'" "$ERR"
check old-missing-no-output test ! -e "$T/x.svg"
printf 'framework: [\n' >"$T/broken-old.yaml"
run render --view overview --diff "$T/broken-old.yaml" -o "$T/x.svg" "$FX/new.yaml"
expect_status old-unreadable 2
expect_grep old-unreadable-message "broken-old.yaml' holds no readable model" "$ERR"
run render --view overview -o "$T/x.svg" "$FX/new.yaml" --diff
expect_status old-missing-operand 2
run render --help
expect_grep help-diff '--diff OLD'

# the node budget: 200 removed applications become ghosts up to the budget,
# the rest one "và N phần tử đã bỏ" node; the diagram stays within 150 nodes
{
    printf 'framework: "2.0"\narchitecture: {id: lon, agency: "000.00.00.H14", level: province, name: Mô hình lớn, year: 2020}\n'
    printf 'application:\n  applications:\n'
    printf '    - {id: ud-0, name: Ứng dụng giữ lại, role: other, security-level: 2}\n'
    for i in $(seq 1 200); do
        printf '    - {id: ud-%d, name: Ứng dụng số %d, role: other, security-level: 2}\n' "$i" "$i"
    done
} >"$T/big-old.yaml"
head -5 "$T/big-old.yaml" >"$T/big-new.yaml"
run render --view overview --format dot --diff "$T/big-old.yaml" -o "$T/big.dot" "$T/big-new.yaml"
expect_status budget-status 0
expect_grep budget-note 'render.budget' "$ERR"
expect_grep budget-summary 'phần tử đã bỏ' "$T/big.dot"
if command -v gc >/dev/null; then
    n=$(gc -n "$T/big.dot" | awk '{print $1}')
    if [ "$n" -le 150 ]; then ok "budget-nodes ($n)"; else fail budget-nodes "$n nodes"; fi
fi
run render --view overview --format svg --diff "$T/big-old.yaml" -o "$T/big.svg" "$T/big-new.yaml"
expect_status budget-svg-status 0

# a relation added between a control and what it protects, on one row: its
# marker is an external label (dot 2.42 frees its ranks twice when a label
# lands on an edge between two nodes of one rank; make asan aborts on it)
run render --view security --diff "$FX/old.yaml" --format dot -o "$T/security-flat.dot" "$FX/new.yaml"
expect_status security-flat-status 0
python3 - "$T/security-flat.dot" <<'PY' && ok security-flat-markers-external || fail security-flat-markers-external "see above"
import re, sys
dot = open(sys.argv[1]).read()
edges = re.findall(r'^\s*"?([^"\s]+)"?\s*->\s*"?([^"\s]+)"?\s*\[([^\]]*)\]', dot, re.M)
bad = [(a, b) for a, b, attrs in edges if re.search(r'(?<!x)label="\((mới|thay đổi|đã bỏ)\)"', attrs)]
if bad or not any('xlabel="(mới)"' in attrs for a, b, attrs in edges):
    sys.exit('markers as labels on %s' % bad)
PY

# the organisation view marks a unit's `parent` the diff reports as a
# relation (render asks diff which fields are relations, not a list of its
# own): an added parent is a green edge from the parent down to the unit, a
# removed one a dashed red edge the same way round
sed 's/kind: department, parent: ubnd}/kind: department}/' tests/fixtures/org/clean.yaml >"$T/org-old.yaml"
grep -q 'so-noi-vu, name: Sở Nội vụ, kind: department}' "$T/org-old.yaml" || fail org-fixture "sed found no parent to drop"
run render --view organisation --format dot --diff "$T/org-old.yaml" -o "$T/org-added.dot" tests/fixtures/org/clean.yaml
expect_status org-added-status 0
expect_grep org-parent-added 'ubnd -> "so-noi-vu".*color="#1a7f37".*xlabel="\(mới\)"' <(tr -d '\n\t' <"$T/org-added.dot" | sed 's/;/;\n/g')
run render --view organisation --format dot --diff tests/fixtures/org/clean.yaml -o "$T/org-removed.dot" "$T/org-old.yaml"
expect_status org-removed-status 0
expect_grep org-parent-removed 'ubnd -> "so-noi-vu".*color="#cf222e".*style=dashed.*xlabel="\(đã bỏ\)"' <(tr -d '\n\t' <"$T/org-removed.dot" | sed 's/;/;\n/g')
