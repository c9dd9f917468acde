#!/usr/bin/env bash
# egaf document: the architecture document of every example as DOCX, the same
# bytes twice; LibreOffice (Debian's libreoffice-writer, headless) converts
# each to PDF; pdftotext of it holds every chapter heading and every
# element's name; every diagram is an image of the PDF. HTML: well-formed,
# self-contained, no script. Bad usage and unreadable models: exit 2.
. "$(dirname "$0")/lib.sh"

mkdir -p "$T/docx" "$T/pdf"
models=()
for f in examples/national-2020/*.yaml examples/national-2026/*.yaml; do models+=("$f"); done
# under valgrind and in the sanitizer build (EGAF_LIGHT) one province is
# enough: the others repeat the same code, and LibreOffice is not what they
# test. Under valgrind the diagrams are left out too (Graphviz's layout there
# takes minutes; make asan draws them).
[ "${EGAF_LIGHT:-}" = 1 ] && models=(examples/national-2026/lang-son.yaml)
nodiag=()
[ -n "$VG" ] && nodiag=(--no-diagrams)

docs=()
for f in "${models[@]}"; do
    name=$(basename "$(dirname "$f")")-$(basename "$f" .yaml)
    run document "${nodiag[@]}" -o "$T/docx/$name.docx" "$f"
    expect_status "docx-$name" 0
    run document "${nodiag[@]}" -o "$T/docx/$name.again.docx" "$f"
    check "docx-$name-same-bytes" cmp -s "$T/docx/$name.docx" "$T/docx/$name.again.docx"
    rm -f "$T/docx/$name.again.docx"
    docs+=("$name:$f")
done

# a package Word opens: the parts it needs, the figures as PNG
if [ -z "$VG" ] && command -v unzip >/dev/null; then
    first=${docs[0]%%:*}
    unzip -Z1 "$T/docx/$first.docx" >"$T/parts"
    for part in '\[Content_Types\].xml' word/document.xml word/styles.xml word/footer1.xml \
        'word/media/image5.png'; do
        expect_grep "docx-part-$part" "^$part\$" "$T/parts"
    done
    unzip -p "$T/docx/$first.docx" word/document.xml >"$T/document.xml"
    check docx-document-xml-wellformed xmllint --noout "$T/document.xml"
    expect_grep docx-toc-field 'TOC \\o' "$T/document.xml"
    expect_grep docx-landscape 'w:orient="landscape"' "$T/document.xml"
    expect_grep docx-a4 'w:w="11906" w:h="16838"' "$T/document.xml"
fi

# LibreOffice, as a reader of the document would open it
if [ -n "$VG" ]; then
    echo "note: under valgrind the document is not converted by LibreOffice (make check does)"
elif ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
    fail libreoffice-available "no soffice or pdftotext: apt-get install libreoffice-writer poppler-utils (make deps does)"
else
    timeout 1500 soffice "-env:UserInstallation=file://$T/lo-profile" --headless \
        --convert-to pdf --outdir "$T/pdf" "$T"/docx/*.docx >"$T/lo.log" 2>&1
    STATUS=$?
    expect_status libreoffice-status 0
    headings=("Thông tin chung và căn cứ pháp lý" "Kiến trúc hiện trạng" "Đánh giá hiện trạng"
        "Kiến trúc mục tiêu" "Phân tích khoảng cách" "Lộ trình và danh mục nhiệm vụ"
        "Giải pháp tổ chức triển khai" "Phụ lục: danh mục thành phần" "Phụ lục: danh mục tích hợp"
        "Kiến trúc nghiệp vụ" "Kiến trúc dữ liệu" "Kiến trúc ứng dụng" "Kiến trúc công nghệ"
        "Kiến trúc an toàn thông tin" "Mục lục" "Mục tiêu và chỉ tiêu"
        "Phụ lục: danh mục tiêu chuẩn kỹ thuật áp dụng")
    # the parts of issue 18 the 2026 provinces fill in: organisation, the
    # applications' users, the mobile app as a channel, providers and
    # hosting, the targets, the roadmap's second table, the solutions by kind,
    # the standards; and the budget's total, in millions of đồng
    parts=("Căn cứ pháp lý" "Sơ đồ cơ cấu tổ chức và quan hệ nghiệp vụ (hiện trạng)"
        "Cơ quan, đơn vị (hiện trạng)" "Quan hệ nghiệp vụ (hiện trạng)"
        "Kênh giao tiếp là ứng dụng (hiện trạng)"
        "Đơn vị và đối tượng sử dụng các ứng dụng (hiện trạng)"
        "Đơn vị cung cấp và hình thức triển khai (hiện trạng)" "Bảng 2. Chỉ tiêu"
        "Kết quả, sản phẩm và tiến độ các nhiệm vụ" "Nguồn nhân lực" "Cơ chế, chính sách"
        "Tài chính" "Giải pháp: Quản lý, chỉ đạo" "Tiêu chuẩn kỹ thuật áp dụng" "TCVN 11930:2017")
    # (the narrow columns' heads and values wrap in their cells, and
    # pdftotext reads a row's cells line by line: they are checked in the
    # HTML below, exactly)
    declare -A totals=([national-2026-son-la]=132.000 [national-2026-lang-son]=127.000
        [national-2026-cao-bang]=110.500)
    for d in "${docs[@]}"; do
        name=${d%%:*} file=${d#*:}
        pdf="$T/pdf/$name.pdf"
        if [ ! -s "$pdf" ]; then
            fail "pdf-$name" "LibreOffice wrote no PDF: $(tail -3 "$T/lo.log")"
            continue
        fi
        ok "pdf-$name"
        pdftotext "$pdf" "$T/$name.txt"
        egaf export --format json -o "$T/$name.json" "$file" >/dev/null 2>&1
        node tests/document/check-pdf.js "$name" "$T/$name.txt" "$T/$name.json" "${headings[@]}"
        # five views, and the organisation's for a model with units (the
        # 2026 provinces, those with a budget total below)
        diagrams=5
        [ -n "${totals[$name]:-}" ] && diagrams=6
        images=$(pdfimages -list "$pdf" 2>/dev/null | awk '$3 == "image"' | wc -l)
        if [ "$images" -eq "$diagrams" ]; then ok "pdf-$name-diagrams ($diagrams)"; else
            fail "pdf-$name-diagrams" "pdfimages lists $images images, the document has $diagrams diagrams"
        fi
        expect_grep "pdf-$name-figure-caption" "Hình 5\." "$T/$name.txt"
        expect_grep "pdf-$name-table-caption" "Bảng 1\." "$T/$name.txt"
        if [ -n "${totals[$name]:-}" ]; then
            tr -s ' \n' ' ' <"$T/$name.txt" >"$T/$name.flat"
            for part in "${parts[@]}"; do
                if grep -qF -- "$part" "$T/$name.flat"; then ok "pdf-$name-part $part"; else
                    fail "pdf-$name-part" "no \"$part\" in the PDF's text"; fi
            done
            # the total row on one line of the laid-out text (plain pdftotext
            # reads the cells of a row one after another)
            pdftotext -layout "$pdf" "$T/$name.layout"
            expect_grep "pdf-$name-budget-total" "^ *Tổng cộng +${totals[$name]//./\\.}\$" \
                "$T/$name.layout"
        fi
    done
fi

# English
run document --lang en --no-diagrams -o "$T/en.docx" examples/national-2026/lang-son.yaml
expect_status docx-english 0
if command -v unzip >/dev/null; then
    unzip -p "$T/en.docx" word/document.xml >"$T/en.xml"
    expect_grep docx-english-heading 'General information and legal basis' "$T/en.xml"
    expect_no_grep docx-english-no-figure '<w:drawing>' "$T/en.xml"
    # labels of the new keys and values in English (model/labels.h)
    expect_grep docx-english-targets 'Goals and targets' "$T/en.xml"
    expect_grep docx-english-lead 'Lead unit' "$T/en.xml"
    expect_grep docx-english-funding 'Medium-term public investment' "$T/en.xml"
    expect_grep docx-english-total '>127,000<' "$T/en.xml"
    expect_grep docx-english-staffing 'Solutions: Staffing' "$T/en.xml"
fi

# HTML: one page, figures inline, nothing fetched, no script
run document "${nodiag[@]}" -o "$T/doc.html" examples/national-2026/lang-son.yaml
expect_status html-status 0
check html-wellformed xmllint --html --noout "$T/doc.html"
expect_no_grep html-no-script '<script' "$T/doc.html"
expect_no_grep html-nothing-fetched 'src="http|href="http' "$T/doc.html"
if [ -z "$VG" ]; then
    # Lạng Sơn has units: the organisation's diagram and the five views
    if [ "$(grep -o '<figure>' "$T/doc.html" | wc -l)" -eq 6 ]; then ok html-six-figures; else
        fail html-six-figures "$(grep -o '<figure>' "$T/doc.html" | wc -l) figures"; fi
fi
expect_grep html-print-a4 '@page\{size:A4' "$T/doc.html"
# the legal basis as a numbered list: the model's eight instruments, the
# framework's instrument not repeated (the list cites QĐ 292/QĐ-BKHCN)
if [ "$(grep -o '<ol start="[0-9]*">' "$T/doc.html" | tr '\n' ' ')" = \
    "$(for i in 1 2 3 4 5 6 7 8; do printf '<ol start="%d"> ' "$i"; done)" ]; then
    ok html-legal-basis-numbered
else
    fail html-legal-basis-numbered "$(grep -o '<ol start="[0-9]*">' "$T/doc.html" | tr '\n' ' ')"
fi
expect_greps "$T/doc.html" <<'GREPS'
html-roadmap-head   <th scope="col">Nhiệm vụ</th><th scope="col">Giai đoạn</th><th scope="col">Thứ tự ưu tiên</th><th scope="col">Đơn vị chủ trì</th><th scope="col">Đơn vị phối hợp</th><th scope="col">Nguồn kinh phí</th><th scope="col">Kinh phí \(triệu đồng\)</th>
html-roadmap-row    <td>Nâng cấp Kho dữ liệu dùng chung[^<]*</td><td>2026–2028</td><td>1</td><td>Sở Khoa học và Công nghệ tỉnh Lạng Sơn</td><td>Trung tâm Chuyển đổi số tỉnh Lạng Sơn, Sở Tài chính tỉnh Lạng Sơn, [^<]*</td><td>Vốn đầu tư công trung hạn</td><td>55\.000</td>
html-progress       <td>Đang triển khai</td>
html-budget-total   <td>Tổng cộng</td><td></td><td></td><td></td><td></td><td></td><td>127\.000</td>
html-unit-row       <td>Trung tâm Chuyển đổi số tỉnh Lạng Sơn</td><td>Đơn vị sự nghiệp, trung tâm</td><td></td><td>Sở Khoa học và Công nghệ tỉnh Lạng Sơn</td>
html-channel-app    <td>Ứng dụng di động Chính quyền số Lạng Sơn</td><td>Ứng dụng di động</td><td>Ứng dụng di động Chính quyền số Lạng Sơn</td>
html-depends-on     <td>Thí điểm, nhân rộng trợ lý ảo cho cán bộ, công chức</td><td>Trợ lý ảo[^<]*</td><td>[^<]*</td><td>Chưa triển khai</td><td>Tích hợp xác thực VNeID
html-solution-lead  <td>Đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã sau sắp xếp</td><td>Sở Nội vụ tỉnh Lạng Sơn</td>
GREPS

# bad usage and bad input
run document examples/national-2026/lang-son.yaml
expect_status no-output-is-usage 2
run document -o "$T/x.docx" "$T/missing.yaml"
expect_status missing-model 2
printf 'a: [\n' >"$T/broken.yaml"
run document -o "$T/broken.docx" "$T/broken.yaml"
expect_status unreadable-model 2
check unreadable-writes-nothing test ! -e "$T/broken.docx"
run document --format pdf -o "$T/x.pdf" examples/national-2026/lang-son.yaml
expect_status unknown-format 2
expect_grep unknown-format-lists-them \
    "^egaf: unknown format 'pdf' \(one of: docx, html\) \(see 'egaf document --help'\)$" "$ERR"
run document --format htm -o "$T/x.htm" examples/national-2026/lang-son.yaml
expect_status near-format 2
expect_grep near-format-suggested \
    "^egaf: unknown format 'htm'; did you mean 'html'\? \(see 'egaf document --help'\)$" "$ERR"
run document --lang fr -o "$T/x.docx" examples/national-2026/lang-son.yaml
expect_status unknown-language 2
expect_grep unknown-language-lists-them \
    "^egaf: unknown language 'fr' \(one of: vi, en\) \(see 'egaf document --help'\)$" "$ERR"
run document -o "$T/x.docx" examples/national-2026/lang-son.yaml examples/national-2026/cao-bang.yaml
expect_status two-models 2
expect_grep two-models-one-at-a-time \
    "^egaf: one model at a time \(see 'egaf document --help'\)$" "$ERR"
check two-models-writes-nothing test ! -e "$T/x.docx"
