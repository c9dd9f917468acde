#!/usr/bin/env bash
# egaf render: golden DOT per view, SVG/PNG well-formed and deterministic,
# labels escaped, node budget, exit codes.
. "$(dirname "$0")/lib.sh"

FX=tests/fixtures/render/province.yaml
GOLD=tests/golden/render
VIEWS="overview integration data technology security"

# golden DOT, byte for byte; and the real dot program re-parses what egaf writes
for v in $VIEWS; do
    run render --view "$v" --format dot -o "$T/$v.dot" "$FX"
    expect_status "dot-$v-status" 0
    if cmp -s "$T/$v.dot" "$GOLD/$v.dot"; then ok "golden-$v"; else
        fail "golden-$v" "differs from $GOLD/$v.dot (tools/update-golden.sh regenerates it)"
        diff -u "$GOLD/$v.dot" "$T/$v.dot" | head -30
    fi
    if command -v dot >/dev/null; then
        if dot -Tsvg "$T/$v.dot" -o "$T/$v.reparsed.svg" 2>"$T/dot.err" && [ ! -s "$T/dot.err" ]; then
            ok "dot-reparses-$v"
        else
            fail "dot-reparses-$v" "dot -Tsvg failed or warned: $(head -3 "$T/dot.err")"
        fi
    fi
done
run render --view overview --format dot --lang en -o "$T/en.dot" "$FX"
check golden-overview-en cmp -s "$T/en.dot" "$GOLD/overview-en.dot"
expect_grep lang-en-name 'label=Citizens' "$T/en.dot"
expect_grep lang-en-fallback 'label="Đăng ký hộ kinh doanh"' "$T/en.dot"

# the format follows the output's extension; SVG is well-formed XML with the
# Vietnamese names as text, markup in names escaped
for v in $VIEWS; do
    run render --view "$v" -o "$T/$v.svg" "$FX"
    expect_status "svg-$v-status" 0
    if command -v xmllint >/dev/null; then
        check "svg-$v-wellformed" xmllint --noout "$T/$v.svg"
    fi
    expect_no_grep "svg-$v-no-raw-script" '<script' "$T/$v.svg"
    run render --view "$v" -o "$T/$v.again.svg" "$FX"
    check "svg-$v-deterministic" cmp -s "$T/$v.svg" "$T/$v.again.svg"
done
expect_grep svg-vietnamese '>Người dân<' "$T/overview.svg"
expect_grep svg-font 'font-family="DejaVu Sans"' "$T/overview.svg"
expect_grep svg-script-escaped '&lt;script&gt;' "$T/overview.svg"
expect_grep svg-national-name 'Cổng Dịch vụ công quốc' "$T/overview.svg"
expect_grep dot-script-escaped 'label="\\"><script>alert' "$T/overview.dot"
expect_grep dot-data-escaped '<b>dữ liệu</b> & \\"kiểm thử\\"' "$T/integration.dot"

run render --view overview --format dot -o "$T/again.dot" "$FX"
check dot-deterministic cmp -s "$T/overview.dot" "$T/again.dot"

# PNG: the signature, and file(1) agrees
run render --view overview --format png -o "$T/o.png" "$FX"
expect_status png-status 0
if [ "$(head -c 8 "$T/o.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
    ok png-signature
else
    fail png-signature "not a PNG"
fi
if command -v file >/dev/null; then
    file "$T/o.png" >"$T/file.out"
    expect_grep png-file 'PNG image data' "$T/file.out"
fi
run render --view data -o "$T/d.png" "$FX"
check png-by-extension cmp -s <(head -c 4 "$T/d.png") <(printf '\211PNG')

# standard output
run render --view security --format dot -o - "$FX"
expect_status stdout-status 0
expect_grep stdout-dot '^digraph "cao-bang-security"'

# usage errors and failures: exit 2
run render --view overveiw -o "$T/x.svg" "$FX"
expect_status unknown-view 2
expect_grep unknown-view-hint "did you mean 'overview'" "$ERR"
run render --view overview --format pdf -o "$T/x.pdf" "$FX"
expect_status unknown-format 2
run render -o "$T/x.svg" "$FX"
expect_status missing-view 2
run render --view overview "$FX"
expect_status missing-output 2
run render --view overview -o "$T/x.svg" "$T/no-such-model.yaml"
expect_status missing-model 2
run render --view overview -o "$T/no-such-folder/x.svg" "$FX"
expect_status unwritable-output 2
printf 'framework: [\n' >"$T/syntax.yaml"
run render --view overview -o "$T/x.svg" "$T/syntax.yaml"
expect_status unreadable-model 2
run render --help
expect_status help 0
expect_grep help-views 'technology'

# a model with error findings still renders, with a warning
sed 's/handled-by: he-thong-tthc, channels: \[cong-dvc-web, mot-cua\], actors: \[doanh-nghiep\]/handled-by: khong-co, channels: [cong-dvc-web], actors: [doanh-nghiep]/' \
    "$FX" >"$T/broken.yaml"
run render --view overview -o "$T/broken.svg" "$T/broken.yaml"
expect_status broken-renders 0
expect_grep broken-warning 'warning: .* error finding' "$ERR"
check broken-svg-written test -s "$T/broken.svg"

# the node budget: 300 services and 200 applications are summarised
{
    printf 'framework: "2.0"\narchitecture: {id: lon, agency: "000.00.00.H14", level: province, name: Mô hình lớn, year: 2020}\n'
    printf 'business:\n  channels: [{id: web, name: Cổng, kind: web}]\n  services:\n'
    for i in $(seq 1 300); do
        printf '    - {id: dv-%d, name: Dịch vụ %d, online: full, handled-by: ud-%d, channels: [web]}\n' "$i" "$i" $((i % 200 + 1))
    done
    printf 'application:\n  applications:\n'
    for i in $(seq 1 200); do
        printf '    - {id: ud-%d, name: Ứng dụng số %d, role: other, security-level: 2}\n' "$i" "$i"
    done
} >"$T/big.yaml"
start=$(date +%s%N)
run render --view overview --format svg -o "$T/big.svg" "$T/big.yaml"
end=$(date +%s%N)
expect_status budget-renders 0
expect_grep budget-note 'render.budget' "$ERR"
expect_grep budget-legend 'ứng dụng khác' "$T/big.svg"
expect_grep services-grouped 'toàn trình' "$T/big.svg"
echo "# big overview layout+render: $(((end - start) / 1000000)) ms"
run render --view overview --format dot -o "$T/big.dot" "$T/big.yaml"
if command -v gc >/dev/null; then
    n=$(gc -n "$T/big.dot" | awk '{print $1}')
    if [ "$n" -le 150 ]; then ok "budget-nodes ($n)"; else fail budget-nodes "$n nodes"; fi
fi

# --hide, --size and --dpi: pictures meant for the document
run render --view overview --format dot -o "$T/all.dot" "$FX"
expect_status hide-control 0
expect_grep hide-control-actor '^\s*"nguoi-dan"\s*\[' "$T/all.dot"
expect_grep hide-control-national '"national:ngsp"\s*\[' "$T/all.dot"
expect_grep hide-control-legend '_legend_0' "$T/all.dot"
run render --view overview --hide business,national --size A4 --dpi 120 --format dot -o "$T/hidden.dot" "$FX"
expect_status hide-renders 0
expect_no_grep hide-actor '"nguoi-dan"|"cong-dvc-web"|"khai-sinh"' "$T/hidden.dot"
expect_no_grep hide-national '"national:' "$T/hidden.dot"
expect_no_grep hide-legend-entry "_legend_0" "$T/hidden.dot"
run render --view overview --hide business,national -o "$T/hidden.svg" "$FX"
expect_no_grep hide-svg-no-users "Người sử dụng|Người dân" "$T/hidden.svg"
expect_grep hide-svg-apps "Hệ thống quản lý văn" "$T/hidden.svg"
expect_grep hide-keeps-apps '^\s*"he-thong-tthc"\s*\[' "$T/hidden.dot"
expect_grep size-a4 'size="10.1,6.3"' "$T/hidden.dot"
expect_grep dpi-set 'dpi=120' "$T/hidden.dot"
run render --view overview --size A3 --format dot -o "$T/a3.dot" "$FX"
expect_grep size-a3 'size="14.3,8.9"' "$T/a3.dot"
run render --view overview --dpi 48 -o "$T/small.png" "$FX"
expect_status dpi-png 0
run render --view overview --dpi 96 -o "$T/large.png" "$FX"
w_small=$(od -An -tu1 -j16 -N4 "$T/small.png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
w_large=$(od -An -tu1 -j16 -N4 "$T/large.png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
if [ "$w_small" -gt 0 ] && [ $((w_large * 10 / w_small)) -ge 18 ] && [ $((w_large * 10 / w_small)) -le 22 ]; then
    ok "dpi-scales-png ($w_small, $w_large px)"
else
    fail dpi-scales-png "widths $w_small and $w_large px at 48 and 96 dpi"
fi
for bad in "--hide nope" "--hide business,,data" "--size A5" "--dpi 5" "--dpi 12x"; do
    # shellcheck disable=SC2086
    run render --view overview $bad -o "$T/bad.svg" "$FX"
    expect_status "bad-option $bad" 2
    check "bad-option-writes-nothing $bad" test ! -e "$T/bad.svg"
done

# the security view's legend shows the fills it uses (by level), and each
# control sits on the row of what it protects (no edges around the figure)
run render --view security --format dot -o "$T/sec.dot" "$FX"
expect_status security-renders 0
python3 - "$T/sec.dot" <<'PY' && ok security-legend-matches-fills || fail security-legend-matches-fills "see above"
import re, sys
dot = open(sys.argv[1]).read()
def attrs(name):
    m = re.search(r'^\s*"?%s"?\s*\[([^\]]*)\]' % re.escape(name), dot, re.M)
    return dict(re.findall(r'(\w+)="?([^",\]]*)"?', m.group(1))) if m else None
legend = {attrs('_legend_level_%d' % i)['fillcolor'] for i in range(4) if attrs('_legend_level_%d' % i)}
# level 3 systems, level 2 systems, a system with no level
for node, level in (('he-thong-tthc', 3), ('ttdl-tinh', 3), ('qlvb', 2), ('mang-wan', 0)):
    fill = attrs(node)['fillcolor']
    if fill not in legend:
        sys.exit('%s (level %d) is filled %s, which the legend does not show (%s)' % (node, level, fill, sorted(legend)))
for kind in range(0, 8):
    a = attrs('_legend_%d' % kind)
    if a and kind != 7 and a.get('fillcolor', '#FFFFFF') not in ('#FFFFFF', 'white'):
        sys.exit('legend entry of kind %d is filled %s: kinds show by shape only' % (kind, a['fillcolor']))
PY
python3 - "$T/sec.dot" <<'PY' && ok security-controls-beside-targets || fail security-controls-beside-targets "see above"
import re, sys
dot = open(sys.argv[1]).read()
ranks = {m.group(1): set(re.findall(r'"([^"]+)";', m.group(2)))
         for m in re.finditer(r'subgraph (rank_\d+) \{(.*?)\}', dot, re.S)}
def rank(n):
    return next((r for r, ns in ranks.items() if n in ns), None)
for control, target in (('tuong-lua', 'ttdl-tinh'), ('sao-luu', 'csdl-tthc'), ('giam-sat', 'he-thong-tthc')):
    if rank(control) is None or rank(control) != rank(target):
        sys.exit('%s is on %s, %s on %s' % (control, rank(control), target, rank(target)))
PY

# the overview's users -> channels fan is one bundle through a junction when
# that draws fewer lines (3 users and 3 channels, 7 pairs: 6 lines, not 7)
run render --view overview --format dot -o "$T/fan.dot" "$FX"
python3 - "$T/fan.dot" <<'PY' && ok overview-fan-bundled || fail overview-fan-bundled "see above"
import re, sys
# drawn edges only: the invisible ones keep the rows in order
edges = [(a, b) for a, b, rest in
         re.findall(r'^\s*"?([^"\s]+)"?\s*->\s*"?([^"\s]+)"?(.*)$', open(sys.argv[1]).read(), re.M)
         if 'invis' not in rest]
actors = {'nguoi-dan', 'doanh-nghiep', 'can-bo'}
channels = {'cong-dvc-web', 'ung-dung-di-dong', 'mot-cua'}
direct = [e for e in edges if e[0] in actors and e[1] in channels]
into = {a for a, b in edges if a in actors and b == '_users_channels'}
out = {b for a, b in edges if a == '_users_channels'}
if direct or into != actors or out != channels:
    sys.exit('direct %s, into the junction %s, out of it %s' % (direct, sorted(into), sorted(out)))
PY
# one user: nothing to bundle, the lines go straight
sed -e '/id: doanh-nghiep,/d' -e '/id: can-bo,/d' -e 's/actors: \[[^]]*\]/actors: [nguoi-dan]/' "$FX" >"$T/one-user.yaml"
run render --view overview --format dot -o "$T/one-user.dot" "$T/one-user.yaml"
expect_status one-user-renders 0
expect_no_grep one-user-no-junction '_users_channels' "$T/one-user.dot"
expect_grep one-user-direct '"nguoi-dan" -> "cong-dvc-web"' "$T/one-user.dot"

# a service handled by another architecture's system has its edge, to a node
# named from that model (--with; consolidate: every model it loaded), or
# from the reference data's agency without it
sed 's/handled-by: he-thong-tthc, channels: \[cong-dvc-web, ung-dung-di-dong\]/handled-by: lang-son:httt-tthc, channels: [cong-dvc-web, ung-dung-di-dong]/' \
    "$FX" >"$T/cross.yaml"
mkdir -p "$T/cross-in"
cat >"$T/cross-in/lang-son.yaml" <<'YAML'
framework: "2.0"
architecture: {id: lang-son, agency: lang-son, level: province, name: Kiến trúc Chính quyền điện tử tỉnh Lạng Sơn, year: 2020}
application:
  applications:
    - {id: httt-tthc, name: Hệ thống một cửa điện tử tỉnh Lạng Sơn, role: tthc, security-level: 3}
YAML
run render --view overview --format dot -o "$T/cross.dot" "$T/cross.yaml"
expect_status cross-renders 0
expect_grep cross-edge '"khai-sinh" -> "lang-son:httt-tthc"' "$T/cross.dot"
expect_grep cross-label-refs 'label="httt-tthc\\n\(Tỉnh Lạng Sơn\)"' "$T/cross.dot"
run render --view overview --with "$T/cross-in/lang-son.yaml" --format dot -o "$T/cross-with.dot" "$T/cross.yaml"
expect_status cross-with-renders 0
expect_grep cross-label-with 'label="Hệ thống một cửa điện\\ntử tỉnh Lạng Sơn\\n\(Tỉnh Lạng Sơn\)"' "$T/cross-with.dot"
run render --view overview --with "$T/missing.yaml" -o "$T/cross-bad.svg" "$T/cross.yaml"
expect_status cross-with-missing 2
expect_grep cross-with-missing-says "cannot read '.*missing.yaml'" "$ERR"
check cross-with-missing-writes-nothing test ! -e "$T/cross-bad.svg"
cp "$T/cross.yaml" "$T/cross-in/cao-bang.yaml"
run consolidate --year 2020 -o "$T/cross-site" "$T/cross-in"
expect_grep cross-site-named 'một cửa điện' "$T/cross-site/img/a-cao-bang-overview.svg"
