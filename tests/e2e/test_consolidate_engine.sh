#!/usr/bin/env bash
# egaf consolidate and the questions it shares with validate: a model whose
# platforms all connect to each other finishes (one linear "does the LGSP
# reach NGSP" search with a visited set), and the findings of the diagrams
# drawn by the worker processes reach consolidate's output.
. "$(dirname "$0")/lib.sh"

# ---- 12 platforms, every one connected to every other ------------------------
mkdir -p "$T/mesh"
{
    printf 'framework: "4.0"\narchitecture:\n  id: mesh\n  agency: son-la\n'
    printf '  level: province\n  name: "Mesh"\n  year: 2026\napplication:\n  platforms:\n'
    for i in $(seq 1 12); do
        others=$(seq 1 12 | grep -vx "$i" | sed 's/^/p/' | paste -sd, - | sed 's/,/, /g')
        kind=iam
        [ "$i" = 1 ] && kind=lgsp
        printf '    - id: p%s\n      name: "Nền tảng %s"\n      kind: %s\n      connects: [%s]\n' \
            "$i" "$i" "$kind" "$others"
    done
} >"$T/mesh/mesh.yaml"
# the exponential search took minutes at 12 platforms; linear takes well
# under a second, so 30 s only guards the suite against a hang
egaf_timed() { timeout 30 $VG "$EGAF" "$@"; }
egaf_timed consolidate --year 2026 --no-diagrams -o "$T/mesh-site" "$T/mesh" >"$OUT" 2>"$ERR"
STATUS=$?
if [ "$STATUS" = 124 ]; then
    fail "fully connected platforms: consolidate finishes" "killed after 30 s"
else
    expect_status "fully connected platforms: consolidate finishes (exit 1: findings)" 1
fi
# the LGSP reaches NGSP through none of them: validate's finding, and the
# site's agency page agrees (no "connected to NGSP")
expect_grep "fully connected platforms: component.not-connected for the LGSP" \
    "mesh.yaml:10:11: error: platform 'p1' \(required component 'lgsp'\) does not connect to national:ngsp \[component.not-connected\]"

# ---- the diagrams' findings reach consolidate's output ------------------------
# 300 services and 200 applications: the overview and security views are
# summarised, and `egaf render` says so with render.budget
mkdir -p "$T/big"
awk 'BEGIN {
    print "framework: \"2.0\""
    print "architecture: {id: lon, agency: \"000.00.00.H14\", level: province, name: Mô hình lớn, year: 2020}"
    print "business:\n  channels: [{id: web, name: Cổng, kind: web}]\n  services:"
    for (i = 1; i <= 300; i++)
        printf "    - {id: dv-%d, name: Dịch vụ %d, online: full, handled-by: ud-%d, channels: [web]}\n", i, i, i % 200 + 1
    print "application:\n  applications:"
    for (i = 1; i <= 200; i++)
        printf "    - {id: ud-%d, name: Ứng dụng số %d, role: other, security-level: 2}\n", i, i
}' >"$T/big/lon.yaml"
cd "$T/big" || exit 2
for view in overview security; do
    run render --view "$view" --format dot -o "$T/big-$view.dot" lon.yaml
    grep -F '[render.budget]' "$ERR" >>"$T/render-budget"
done
check "render: render.budget for the overview and the security views" \
    test "$(grep -c . "$T/render-budget")" = 2
# drawn by the worker processes (the default), and in this process (EGAF_JOBS=1)
for jobs in "" 1; do
    EGAF_JOBS=$jobs egaf consolidate --year 2020 -o "$T/big-site$jobs" lon.yaml >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status "consolidate${jobs:+ EGAF_JOBS=$jobs}: exit 1 (findings)" 1
    grep -F '[render.budget]' "$OUT" >"$T/consolidate-budget$jobs"
    if cmp -s "$T/render-budget" "$T/consolidate-budget$jobs"; then
        ok "consolidate${jobs:+ EGAF_JOBS=$jobs} prints the render.budget findings egaf render gives"
    else
        fail "consolidate${jobs:+ EGAF_JOBS=$jobs} prints the render.budget findings egaf render gives" \
            "they differ"
        diff "$T/render-budget" "$T/consolidate-budget$jobs"
    fi
    check "consolidate${jobs:+ EGAF_JOBS=$jobs}: the summarised overview is drawn" \
        grep -q 'ứng dụng khác' "$T/big-site$jobs/img/a-lon-overview.svg"
done
# in JSON too, as validate gives its findings
EGAF_JOBS= egaf consolidate --year 2020 --format json -o "$T/big-site-json" lon.yaml >"$OUT" 2>"$ERR"
STATUS=$?
expect_grep "consolidate --format json: render.budget among the findings" '"rule": ?"render.budget"'
cd "$EGAF_ROOT" || exit 2
