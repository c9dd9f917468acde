#!/usr/bin/env bash
# The national site shows the chapters of the architecture document (issue
# 18): the agency page lists units, relations, standards, targets and
# solutions, the roadmap with its lead unit, funding, budget and progress,
# the legal basis; references to units read as the units' names; every
# column is headed by its label in both languages and no key or allowed
# value of the format is a word of the Vietnamese text; the search index
# finds units and targets; the pages are well-formed HTML.
. "$(dirname "$0")/lib.sh"

IN="$T/in-chapters"
mkdir -p "$IN"
cp tests/fixtures/chapters/chapters.yaml "$IN/"
egaf schema >"$T/schema.json" 2>"$T/schema.err" || fail "egaf schema" "$(cat "$T/schema.err")"
has() { if grep -qxF -- "$3" "$2"; then ok "$1"; else fail "$1" "no line '$3' in $(basename "$2")"; fi; }

for lang in vi en; do
    site="$T/site-$lang"
    run --lang "$lang" consolidate -q --no-diagrams --year 2026 -o "$site" "$IN"
    if [ "$STATUS" -gt 1 ] || [ ! -f "$site/a-bac-kan.html" ]; then
        fail "consolidate --lang $lang" "exit $STATUS"
        continue
    fi
    page_text "$site/a-bac-kan.html" >"$T/page-$lang.txt"
    if python3 tests/e2e/site_text.py "$site" "$T/schema.json" "$lang" "$IN" >"$T/problems-$lang" 2>&1; then
        ok "--lang $lang: no input path, no key or value of the format in the text"
    else
        fail "--lang $lang: every page reads as published" "$(head -5 "$T/problems-$lang")"
    fi
    if command -v xmllint >/dev/null; then
        if xmllint --html --noout "$site/a-bac-kan.html" 2>"$T/xmllint-$lang"; then
            ok "--lang $lang: the agency page is well-formed HTML"
        else
            fail "--lang $lang: the agency page is well-formed HTML" "$(head -3 "$T/xmllint-$lang")"
        fi
    fi
done

V="$T/page-vi.txt"
E="$T/page-en.txt"
has units-heading "$V" "Cơ quan, đơn vị (3)"
has units-columns "$V" " | Mã định danh | Tên | Loại | Mã định danh điện tử | Trực thuộc"
has unit-parent-by-name "$V" " | ttcds | Trung tâm Chuyển đổi số | Đơn vị sự nghiệp, trung tâm |  | Sở Thông tin và Truyền thông"
has relations-heading "$V" "Quan hệ nghiệp vụ (1)"
has relation-row "$V" " | Sở Thông tin và Truyền thông | Sở Nội vụ | Trao đổi dữ liệu | Danh sách cán bộ"
has standards-row "$V" " | tcvn-11930 | Yêu cầu cơ bản về an toàn hệ thống thông tin theo cấp độ | TCVN 11930:2017 | TT 39/2017/TT-BTTTT | Hệ thống thông tin giải quyết TTHC; Nền tảng LGSP tỉnh"
has roadmap-columns "$V" " | Mã định danh | Tên | Từ năm | Đến năm | Thứ tự ưu tiên | Đơn vị chủ trì | Nguồn kinh phí | Kinh phí | Kinh phí (triệu đồng) | Tiến độ | Kết quả"
has roadmap-row "$V" " | app-di-dong | Xây dựng ứng dụng di động | 2023 | 2024 | 2 | Trung tâm Chuyển đổi số | Thuê dịch vụ công nghệ thông tin |  | 2000 | Đang triển khai | Ứng dụng di động tỉnh"
has targets-row "$V" " | dvc-toan-trinh | Tỷ lệ dịch vụ công toàn trình | % thủ tục | 30% | 2020 | 80% | 2025 | Tỷ lệ dịch vụ công trực tuyến mức độ 4"
has solutions-row "$V" " | dao-tao | Đào tạo cán bộ chuyển đổi số | Nguồn nhân lực | Sở Nội vụ | Tỷ lệ dịch vụ công toàn trình; Xây dựng ứng dụng di động"
has app-users "$V" " | qlvb | Hệ thống quản lý văn bản và điều hành | Quản lý văn bản và điều hành | 2 |  | Trung tâm dữ liệu tỉnh | Sở Thông tin và Truyền thông; Sở Nội vụ | "
has platform-provider-hosting "$V" " | lgsp | Nền tảng LGSP tỉnh | Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) | Nền tảng tích hợp, chia sẻ dữ liệu quốc gia | 3 | VNPT | Thuê dịch vụ | "
has channel-application "$V" " | app-bac-kan | Ứng dụng Bắc Kạn S | Ứng dụng di động | Ứng dụng di động tỉnh | "
has legal-basis-heading "$V" "Căn cứ pháp lý"
has legal-basis-item "$V" "Nghị quyết 17/NQ-CP ngày 07/3/2019"
has en-roadmap-columns "$E" " | Id | Name | From | To | Priority | Lead unit | Funding | Budget | Budget (million đồng) | Progress | Delivers"
has en-solution-columns "$E" " | Id | Name | Kind | Lead unit | Serves"
has en-legal-basis "$E" "Legal basis"
# a column of the chapters that no element fills is left out: no unit has
# a status, so the units' table has no status column
if grep -qF " | Trực thuộc | Trạng thái" "$V"; then fail unit-status-column-left-out "an empty column"; else ok unit-status-column-left-out; fi
# a target's national target by its name in the reference data (above)
# the search finds units and targets, on their tables
expect_grep search-unit '\["Sở Nội vụ","so-noi-vu","a-bac-kan.html#units",' "$T/site-vi/search.js"
expect_grep search-target '\["Tỷ lệ dịch vụ công toàn trình","dvc-toan-trinh","a-bac-kan.html#targets",' "$T/site-vi/search.js"
expect_grep units-anchor '<h3 id="units">' "$T/site-vi/a-bac-kan.html"
