#!/usr/bin/env bash
# The national site as its reader sees it (issue 19): the bundled national
# architecture (make demo's input), consolidated from a copy in a folder of
# its own, must show no path of the consolidator's machine, no internal
# reference label ("facts S27") and, in Vietnamese, no key or allowed value
# of the model format as a word of the visible text (outside code); keys and
# values are shown by their labels (model/labels.c). tests/e2e/site_text.py
# reads the pages.
. "$(dirname "$0")/lib.sh"

IN="$T/input-folder-xq"
mkdir -p "$IN"
cp -r examples/national-2026 "$IN/natl2026"
cp -r examples/national-2020 "$IN/natl2020"
egaf schema >"$T/schema.json" 2>"$T/schema.err" || fail "egaf schema" "$(cat "$T/schema.err")"
DIAGRAMS=""
if [ -n "${VG:-}" ] || grep -q __asan_init "$EGAF" 2>/dev/null; then
    DIAGRAMS="--no-diagrams"
fi

for lang in vi en; do
    site="$T/site-$lang"
    run --lang "$lang" consolidate -q $DIAGRAMS --year 2026 --previous "$IN/natl2020" \
        -o "$site" "$IN/natl2026"
    if [ "$STATUS" -gt 1 ] || [ ! -f "$site/a-lang-son.html" ]; then
        fail "consolidate --lang $lang" "exit $STATUS"
        cat "$ERR"
        continue
    fi
    if python3 tests/e2e/site_text.py "$site" "$T/schema.json" "$lang" "$IN" "$T" \
        natl2026 natl2020 "$PWD" >"$T/problems-$lang" 2>/dev/null; then
        ok "--lang $lang: no input path, no internal label$([ "$lang" = vi ] && echo ", no schema key in the text") on any page"
    else
        fail "--lang $lang: every page reads as published" "$(wc -l <"$T/problems-$lang") problems"
        head -20 "$T/problems-$lang"
    fi
done

# the agency page: labels, the agency's name, goals, scope and principles
page_text "$T/site-vi/a-lang-son.html" >"$T/lang-son.txt"
page_text "$T/site-vi/a-nghe-an.html" >"$T/nghe-an.txt"
page_text "$T/site-en/a-lang-son.html" >"$T/lang-son-en.txt"
page_text "$T/site-vi/n-ngsp.html" >"$T/ngsp.txt"
has() { if grep -qF -- "$3" "$2"; then ok "$1"; else fail "$1" "no '$3' in $(basename "$2")"; fi; }
hasnt() { if grep -qF -- "$3" "$2"; then fail "$1" "'$3' in $(basename "$2")"; else ok "$1"; fi; }
has "application columns by their Vietnamese labels" "$T/lang-son.txt" \
    " | Mã định danh | Tên | Vai trò | Cấp độ an toàn | CSDL sử dụng | Hạ tầng triển khai | Đơn vị sử dụng | Trạng thái"
has "role tthc by its label" "$T/lang-son.txt" "| Giải quyết thủ tục hành chính | 3 |"
has "online full by its label" "$T/lang-son.txt" "| Đăng ký khai sinh | Toàn trình |"
has "database kind by its label" "$T/lang-son.txt" "| CSDL chuyên ngành |"
has "English labels with --lang en" "$T/lang-son-en.txt" \
    " | Id | Name | Role | Security level | Databases used | Hosted on | Units using it | Status"
has "the agency by its name and organ code" "$T/nghe-an.txt" "Tỉnh Nghệ An (000.00.00.H41)"
for heading in "Tầm nhìn" "Mục tiêu" "Phạm vi" "Nguyên tắc"; do
    if grep -qx "$heading" "$T/lang-son.txt"; then ok "agency page: $heading"; else
        fail "agency page: $heading" "no heading"; fi
done
has "the model file as published with the site" "$T/lang-son.txt" "lang-son.yaml"
has "integration route by its label" "$T/lang-son.txt" "a: qua LGSP và NGSP"
has "network link named as such" "$T/lang-son.txt" "| kết nối mạng |"
has "platform link named as such" "$T/lang-son.txt" "| kết nối nền tảng |"
has "national category by its label" "$T/ngsp.txt" "Nền tảng tích hợp, chia sẻ dữ liệu"
has "citation: the instrument and its date" "$T/ngsp.txt" "TT 13/2017/TT-BTTTT (23/6/2017)"
hasnt "citation: no page address where an instrument states it" "$T/ngsp.txt" "vietnamnet.vn"
hasnt "confidence by its label" "$T/ngsp.txt" "confirmed"
# a national system's diagram labels each edge by the kind of link
edge_labels() { # SVG: the edge labels, counted
    python3 -c 'import re,sys,html; t=open(sys.argv[1],encoding="utf-8").read()
for g in re.findall(r"<g id=\"edge[^\"]*\" class=\"edge\">(.*?)</g>", t, re.S):
    for x in re.findall(r"<text[^>]*>([^<]*)</text>", g): print(html.unescape(x))' "$1" | sort | uniq -c
}
if [ -z "$DIAGRAMS" ]; then
    edge_labels "$T/site-vi/img/n-ngsp.svg" >"$T/ngsp-edges"
    edge_labels "$T/site-vi/img/n-tslcd.svg" >"$T/tslcd-edges"
    if grep -q "kết nối nền tảng" "$T/ngsp-edges" && ! grep -q "kết nối mạng" "$T/ngsp-edges"; then
        ok "NGSP diagram: platform links, not network links"
    else
        fail "NGSP diagram: platform links, not network links" "$(cat "$T/ngsp-edges")"
    fi
    if grep -q "kết nối mạng" "$T/tslcd-edges" && ! grep -q "kết nối nền tảng" "$T/tslcd-edges"; then
        ok "TSLCD diagram: network links"
    else
        fail "TSLCD diagram: network links" "$(cat "$T/tslcd-edges")"
    fi
fi
