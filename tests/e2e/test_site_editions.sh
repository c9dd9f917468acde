#!/usr/bin/env bash
# The yearly cycle (issue 19, item 5): a site consolidated with --previous
# SITE keeps that site under editions/<its year>/ (and the editions it kept,
# flattened), links them from the index, and has a page per national target
# with each agency's baseline and value for this edition and the previous
# one. The previous site is untrusted input: a link, a FIFO or an odd name in
# it is not copied (a warning on stderr, exit status unchanged), nothing is
# written outside the new site, and the same inputs give the same bytes.
. "$(dirname "$0")/lib.sh"

# model AGENCY YEAR FILE TARGETS...: a valid starting model (egaf init) with
# the targets given as flow mappings
model() {
    local agency=$1 year=$2 file=$3
    shift 3
    egaf init --agency "$agency" --year "$year" -o "$file" >/dev/null || fail "init $agency" "exit $?"
    printf '  targets:\n' >>"$file"
    for t in "$@"; do printf '    - %s\n' "$t" >>"$file"; done
}
mkdir -p "$T/in2020" "$T/in2021"
model bo-noi-vu 2020 "$T/in2020/bo-noi-vu.yaml" \
    '{id: ct-muc-4, name: DVC mức độ 4, baseline: "20%", baseline-year: 2019, value: "40%", year: 2020, national: dvc-muc-4}'
model lang-son 2020 "$T/in2020/lang-son.yaml" \
    '{id: ct-muc-4, name: DVC mức độ 4, baseline: "10%", baseline-year: 2019, value: "30%", year: 2020, national: dvc-muc-4}'
model bo-noi-vu 2021 "$T/in2021/bo-noi-vu.yaml" \
    '{id: ct-muc-4, name: DVC mức độ 4, baseline: "35%", baseline-year: 2020, value: "60%", year: 2022, national: dvc-muc-4}' \
    '{id: ct-mot-cua, name: Một cửa điện tử, value: "100%", year: 2022, national: tthc-qua-mot-cua-dien-tu}'
model lang-son 2021 "$T/in2021/lang-son.yaml" \
    '{id: ct-muc-4, name: DVC mức độ 4, baseline: "25,5%", baseline-year: 2020, value: "≥ 50%", year: 2022, national: dvc-muc-4}'

# ---- two editions: 2020, then 2021 with --previous the 2020 site -----------------------
run consolidate -q --no-diagrams --year 2020 -o "$T/site2020" "$T/in2020"
expect_status "2020 edition written" 0
top=$T/top
mkdir -p "$top"
touch "$T/stamp"
sleep 0.01
run consolidate -q --no-diagrams --year 2021 --previous "$T/site2020" -o "$top/site" "$T/in2021"
expect_status "2021 edition with --previous the 2020 site: exit 0" 0
S=$top/site
check "editions/2020/index.html kept" test -s "$S/editions/2020/index.html"
check "the kept edition is the 2020 site as published" \
    diff -r -x .egaf-site "$T/site2020" "$S/editions/2020"
check "the kept edition keeps its models (its pages link them)" \
    test -s "$S/editions/2020/data/models/lang-son/lang-son.yaml"
check "no marker in the kept edition" test ! -e "$S/editions/2020/.egaf-site"
expect_grep "the index lists the earlier editions" \
    '<h2 id="cac-lan-truoc">Các lần hợp nhất trước</h2>' "$S/index.html"
expect_grep "the index links editions/2020/index.html" \
    '<li><a href="editions/2020/index.html">Kiến trúc tổng thể quốc gia năm 2020</a></li>' "$S/index.html"
nothing_outside=$(find "$top" -newer "$T/stamp" -not -path "$S" -not -path "$S/*" -not -path "$top" -print)
if [ -z "$nothing_outside" ]; then ok "nothing written outside the site"; else
    fail "nothing written outside the site" "$nothing_outside"; fi

# the target page, as its reader sees it (cells separated by " | ")
text() { python3 - "$1" <<'PY'
import html.parser, sys
class P(html.parser.HTMLParser):
    out = []
    def handle_starttag(self, t, a):
        self.out.append("\n" if t in ("tr", "dt", "dd", "h1", "h2", "li", "p") else " | " if t in ("td", "th") else "")
    def handle_data(self, d): self.out.append(d)
p = P(); page = open(sys.argv[1], encoding="utf-8").read(); p.feed(page[page.index("<main>"):]); print("".join(p.out))
PY
}
text "$S/t-dvc-muc-4.html" >"$T/muc4.txt"
has() { if grep -qxF -- "$3" "$2"; then ok "$1"; else fail "$1" "no line '$3' in $(basename "$2")"; sed 's/^/    /' "$2" | head -40; fi; }
has "target page: its name" "$T/muc4.txt" "Tỷ lệ dịch vụ công trực tuyến mức độ 4"
has "target page: the instrument as people cite it" "$T/muc4.txt" "NQ 17/NQ-CP (07/3/2019)"
has "target page: the reference value" "$T/muc4.txt" "≥ 30%"
has "target page: a percentage, said so" "$T/muc4.txt" "tỷ lệ phần trăm"
# each model has one service, online: partial: none at level 4 (the
# framework 2.0 target of the same id, measured on the models)
has "target page: what egaf measures on this edition's models" "$T/muc4.txt" "0,0 % (0/2)"
has "target page: one column per edition, oldest first" "$T/muc4.txt" \
    " | Cơ quan | Lần hợp nhất 2020 | Lần hợp nhất 2021"
has "target page: Bộ Nội vụ's values, 2020 and 2021" "$T/muc4.txt" \
    " | Bộ Nội vụ | 20% (2019) | 40% (2020) | 35% (2020) | 60% (2022)"
has "target page: Lạng Sơn's values, 2020 and 2021" "$T/muc4.txt" \
    " | Tỉnh Lạng Sơn | 10% (2019) | 30% (2020) | 25,5% (2020) | ≥ 50% (2022)"
has "target page: agencies stating a value, per edition" "$T/muc4.txt" \
    " | Số cơ quan nêu giá trị | 2 | 2"
# 30.25 rounds to 30.3; "≥ 50%" is no percentage to average: 1 of 2
has "target page: the plain mean per edition, of the values it can read" "$T/muc4.txt" \
    " | Bình quân giản đơn | 15,0 % (2/2) | 35,0 % (2/2) | 30,3 % (2/2) | 60,0 % (1/2)"
expect_grep "target page links the agency's targets" '<a href="a-lang-son.html#targets">Tỉnh Lạng Sơn</a>' "$S/t-dvc-muc-4.html"
text "$S/t-tthc-qua-mot-cua-dien-tu.html" >"$T/motcua.txt"
has "a target stated in 2021 only: empty 2020 cells" "$T/motcua.txt" \
    " | Bộ Nội vụ |  |  | — | 100% (2022)"
check "a page for every national target of the reference data" \
    test "$(ls "$S"/t-*.html | wc -l)" = "$(grep -c '^  - id: ' reference-models/national-targets.yaml)"
expect_grep "the index's targets link their pages" \
    '<a href="t-dvc-muc-4.html">Tỷ lệ dịch vụ công trực tuyến mức độ 4</a>' "$S/index.html"
expect_grep "the agency page's targets link their pages" \
    '<td><a href="t-dvc-muc-4.html">Tỷ lệ dịch vụ công trực tuyến mức độ 4</a></td>' "$S/a-bo-noi-vu.html"
expect_grep "the search index has the target pages" '"t-dvc-muc-4.html","Chỉ tiêu quốc gia"' "$S/search.js"
expect_grep "the kept 2020 target page is linked" '<a href="editions/2020/t-dvc-muc-4.html">2020</a>' "$S/t-dvc-muc-4.html"

# --lang en: the same table in English
run --lang en consolidate -q --no-diagrams --year 2021 --previous "$T/site2020" -o "$T/site-en" "$T/in2021"
text "$T/site-en/t-dvc-muc-4.html" >"$T/muc4-en.txt"
has "--lang en: the columns" "$T/muc4-en.txt" " | Agency | Edition 2020 | Edition 2021"
has "--lang en: the second header row" "$T/muc4-en.txt" \
    " | Baseline (year) | Value (year) | Baseline (year) | Value (year)"
has "--lang en: the mean" "$T/muc4-en.txt" " | Plain mean | 15.0% (2/2) | 35.0% (2/2) | 30.3% (2/2) | 60.0% (1/2)"
expect_grep "--lang en: the measured targets named in English, linked" \
    '<tr><td><a href="t-dvc-muc-4.html">Online public services at level 4</a></td><td>2.0</td>' "$T/site-en/index.html"
expect_grep "--lang en: earlier editions" '<h2 id="cac-lan-truoc">Earlier editions</h2>' "$T/site-en/index.html"

# a target the reference data does not give as a percentage: counted, no total
cp -r reference-models "$T/refs"
sed -i '/^  - id: dvc-muc-4$/,/^  - id:/s/^    value: "≥ 30%"$/    value: "30 dịch vụ"/' "$T/refs/national-targets.yaml"
check "refs copy: dvc-muc-4 no longer a percentage" grep -q 'value: "30 dịch vụ"' "$T/refs/national-targets.yaml"
run consolidate -q --no-diagrams --refs "$T/refs" --year 2021 --previous "$T/site2020" -o "$T/site-count" "$T/in2021"
text "$T/site-count/t-dvc-muc-4.html" >"$T/count.txt"
has "no percentage: the reference data does not say" "$T/count.txt" "dữ liệu tham chiếu không nêu"
has "no percentage: agencies counted" "$T/count.txt" " | Số cơ quan nêu giá trị | 2 | 2"
expect_no_grep "no percentage: no mean, no total" "Bình quân" "$T/count.txt"

# ---- same inputs, same bytes ----------------------------------------------------------
run consolidate -q --no-diagrams --year 2021 --previous "$T/site2020" -o "$T/again" "$T/in2021"
if diff -r "$S" "$T/again" >"$T/diff" 2>&1; then ok "same inputs, same bytes (diff -r)"; else
    fail "same inputs, same bytes" "the two sites differ"; head -20 "$T/diff"; fi

# ---- a third edition: the editions flattened, their links to each other working --------
mkdir -p "$T/in2022"
model bo-noi-vu 2022 "$T/in2022/bo-noi-vu.yaml" \
    '{id: ct-muc-4, name: DVC mức độ 4, baseline: "50%", baseline-year: 2021, value: "80%", year: 2023, national: dvc-muc-4}'
run consolidate -q --no-diagrams --year 2022 --previous "$S" -o "$T/site2022" "$T/in2022"
expect_status "2022 edition with --previous the 2021 site" 0
check "2022: both earlier editions, each once" \
    test "$(cd "$T/site2022/editions" && echo *)" = "2020 2021"
check "2022: no editions folder inside a kept edition" test ! -e "$T/site2022/editions/2021/editions"
check "2022: the 2020 edition as the 2021 site kept it" diff -r "$S/editions/2020" "$T/site2022/editions/2020"
expect_grep "2022: the index lists 2021 then 2020" \
    '<ul><li><a href="editions/2021/index.html">[^<]*2021</a></li><li><a href="editions/2020/index.html">[^<]*2020</a></li></ul>' \
    "$T/site2022/index.html"
expect_grep "2022: the kept 2021 index links its sibling 2020" \
    '<li><a href="../2020/index.html">' "$T/site2022/editions/2021/index.html"
check "2022: that link leads to a page" test -s "$T/site2022/editions/2021/../2020/index.html"
text "$T/site2022/t-dvc-muc-4.html" >"$T/muc4-2022.txt"
has "2022: the target page shows 2021 and 2022" "$T/muc4-2022.txt" \
    " | Bộ Nội vụ | 35% (2020) | 60% (2022) | 50% (2021) | 80% (2023)"
# an agency of the previous edition only: named, not linked (no page this year)
has "2022: an agency of 2021 only keeps its row" "$T/muc4-2022.txt" \
    " | Tỉnh Lạng Sơn | 25,5% (2020) | ≥ 50% (2022) |  | "

# ---- a hostile previous site: links, a FIFO, odd names are not copied ------------------
H=$T/hostile-prev
cp -a "$T/site2020" "$H"
echo secret >"$T/secret.txt"
ln -s "$T/secret.txt" "$H/leak.html"
ln -s "$T/secret.txt" "$H/data/leak.csv"
mkdir -p "$T/outside-dir" && echo outside >"$T/outside-dir/x.html"
ln -s "$T/outside-dir" "$H/img"
mkfifo "$H/pipe.html"
echo odd >"$H/odd name.html"
mkdir -p "$H/editions"
ln -s "$T/outside-dir" "$H/editions/2019"
mkdir -p "$H/editions/2018" && mkfifo "$H/editions/2018/index.html"
touch "$T/stamp"
sleep 0.01
mkdir -p "$T/htop"
timeout 600 $VG "$EGAF" consolidate -q --no-diagrams --year 2021 --previous "$H" -o "$T/htop/site" "$T/in2021" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "hostile previous site: the run completes, exit 0" 0
HS=$T/htop/site
check "hostile: the edition is kept" test -s "$HS/editions/2020/index.html"
for f in leak.html data/leak.csv img pipe.html "odd name.html"; do
    check "hostile: '$f' not copied" test ! -e "$HS/editions/2020/$f"
done
check "hostile: a linked edition folder not copied" test ! -e "$HS/editions/2019"
check "hostile: an edition whose index is a FIFO is not listed" \
    bash -c "! grep -q 'editions/2018' '$HS/index.html'"
check "hostile: and not made (no empty folder)" test ! -e "$HS/editions/2018"
check "hostile: no secret in the site" bash -c "! grep -rq secret '$HS'"
expect_grep "hostile: a warning names the link" \
    "^egaf: warning: the earlier edition's '$H/leak.html' is not kept: it is not a regular file$" "$ERR"
expect_grep "hostile: a warning names the FIFO" \
    "^egaf: warning: the earlier edition's '$H/pipe.html' is not kept: it is not a regular file$" "$ERR"
expect_grep "hostile: a warning names the odd name" \
    "^egaf: warning: the earlier edition's '$H/odd name.html' is not kept: its name is not a plain file name$" "$ERR"
expect_grep "hostile: a warning names the linked edition" \
    "^egaf: warning: the earlier edition's '$H/editions/2019' is not kept: it is not a folder$" "$ERR"
extra=$(find "$T" -newer "$T/stamp" -not -path "$T/htop" -not -path "$T/htop/*" -not -path "$T" \
    -not -path "$OUT" -not -path "$ERR" -print)
if [ -z "$extra" ]; then ok "hostile: nothing written outside the site"; else
    fail "hostile: nothing written outside the site" "$extra"; fi

# an editions folder that is a link: not followed, said so; the site itself kept
H2=$T/hostile-editions
cp -a "$T/site2020" "$H2"
mkdir -p "$T/elsewhere/2019" && cp "$T/site2020/index.html" "$T/elsewhere/2019/index.html"
ln -s "$T/elsewhere" "$H2/editions"
run consolidate -q --no-diagrams --year 2021 --previous "$H2" -o "$T/h2site" "$T/in2021"
expect_status "editions link: exit 0" 0
check "editions link: 2020 kept, 2019 not" test "$(cd "$T/h2site/editions" && echo *)" = "2020"
expect_grep "editions link: a warning" \
    "^egaf: warning: the earlier edition's '$H2/editions' is not kept: it is not a folder$" "$ERR"

# ---- no edition from a models folder, nor from a site of the same year ------------------
run consolidate -q --no-diagrams --year 2021 --previous "$T/in2020" -o "$T/from-models" "$T/in2021"
check "--previous MODELS: no editions folder" test ! -e "$T/from-models/editions"
text "$T/from-models/t-dvc-muc-4.html" >"$T/from-models.txt"
has "--previous MODELS: the target page still shows both years" "$T/from-models.txt" \
    " | Bộ Nội vụ | 20% (2019) | 40% (2020) | 35% (2020) | 60% (2022)"
run consolidate -q --no-diagrams --year 2021 --previous "$S" -o "$T/rerun" "$T/in2021"
check "a second run of 2021 keeps 2020, not itself" test "$(cd "$T/rerun/editions" && echo *)" = "2020"
