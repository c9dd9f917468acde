#!/usr/bin/env bash
# egaf consolidate and the questions it shares with validate: a model whose
# platforms all connect to each other finishes (one linear "does the LGSP
# reach NGSP" search with a visited set), and the findings of the diagrams
# drawn by the worker processes reach consolidate's output.
. "$(dirname "$0")/lib.sh"

# ---- 12 platforms, every one connected to every other ------------------------
mkdir -p "$T/mesh"
{
    printf 'framework: "4.0"\narchitecture:\n  id: mesh\n  agency: "000.00.00.H52"\n'
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
