#!/usr/bin/env bash
# Text as people type it (issue 20): Vietnamese in decomposed form (NFD)
# means what the composed form means; invisible and look-alike characters
# (no-break space, zero-width space) and control escapes ("\0") are one
# finding each, at the character's exact line and column, naming it and
# giving the fixed text, in English and in Vietnamese; one finding per
# mistake, the cause first.
. "$(dirname "$0")/lib.sh"

M=tests/fixtures/validate/mini.yaml
NBSP=$(printf '\302\240')
ZWSP=$(printf '\342\200\213')

# expect_line NAME TEXT: a line of stdout is exactly TEXT.
expect_line() {
    if grep -qxF -- "$2" "$OUT"; then ok "$1"; else fail "$1" "no line is: $2"; fi
}
# findings NAME N: the summary counts N errors and nothing else.
expect_summary() {
    expect_grep "$1" "^1 file checked: $2 errors?, 0 warnings, 0 notes$"
}
nfd() { # nfd FILE...: rewrites each file in Unicode normal form D
    python3 - "$@" <<'EOF'
import sys, unicodedata
for p in sys.argv[1:]:
    with open(p, encoding="utf-8") as f:
        s = f.read()
    with open(p, "w", encoding="utf-8") as f:
        f.write(unicodedata.normalize("NFD", s))
EOF
}

# ---- NFD: an NFD copy of every example diffs as unchanged ----
for year in 2020 2026; do
    cp -r "examples/national-$year" "$T/nfd-$year"
    find "$T/nfd-$year" -name '*.yaml' -print0 | xargs -0 bash -c "$(declare -f nfd); nfd \"\$@\"" _
    if diff -rq "examples/national-$year" "$T/nfd-$year" >/dev/null; then
        fail "nfd-$year-copy-differs" "the NFD copy has the same bytes: nothing is tested"
    else
        ok "nfd-$year-copy-differs"
    fi
    run diff "examples/national-$year" "$T/nfd-$year"
    expect_status "nfd-$year-diff-status" 0
    expect_line "nfd-$year-diff-unchanged" "elements: 0 added, 0 removed, 0 changed; relations: 0 added, 0 removed, 0 changed; findings: 0 introduced, 0 fixed"
    expect_no_grep "nfd-$year-no-change-lines" '^  ~|→.*→'
    run --lang vi diff "examples/national-$year" "$T/nfd-$year"
    expect_status "nfd-$year-diff-vi-status" 0
    expect_grep "nfd-$year-diff-vi-unchanged" ' 0 (changed|thay đổi)[;,]'
    expect_no_grep "nfd-$year-diff-vi-nothing-changed" ' [1-9][0-9]* (changed|thay đổi)'
    # the same findings, byte for byte apart from the folder
    run validate "examples/national-$year"
    sed "s|examples/national-$year|X|" "$OUT" >"$T/nfc-findings"
    run validate "$T/nfd-$year"
    sed "s|$T/nfd-$year|X|" "$OUT" >"$T/nfd-findings"
    check "nfd-$year-same-findings" cmp -s "$T/nfc-findings" "$T/nfd-findings"
done

# ---- NFD: the column counts what a person sees ----
sed '18s/kind: web}/kind: webb}/' "$M" >"$T/nfc.yaml"
cp "$T/nfc.yaml" "$T/nfd.yaml"
nfd "$T/nfd.yaml"
for form in nfc nfd; do
    run validate "$T/$form.yaml"
    expect_line "$form-enum-column" "$T/$form.yaml:18:58: error: 'kind' must be one of web, mobile, counter, phone, email, kiosk, social, other; found 'webb' [schema.enum]"
    expect_line "$form-caret-under-value" "      |                                                          ^~~~"
    run validate --format json "$T/$form.yaml"
    expect_grep "$form-json-column" '"line": 18, "column": 58'
done

# ---- NBSP after an id: handled-by: mot-cua<NBSP> ----
sed "23s/mot-cua\$/mot-cua$NBSP/" "$M" >"$T/nbsp-ref.yaml"
run validate "$T/nbsp-ref.yaml"
expect_status nbsp-ref-exit-1 1
expect_line nbsp-ref-en "$T/nbsp-ref.yaml:23:26: error: 'handled-by' of mini:dang-ky-khai-sinh holds U+00A0 NO-BREAK SPACE, which looks like a space but is not one [ref.unresolved]"
expect_line nbsp-ref-caret "      |                          ^"
expect_line nbsp-ref-hint "   hint: write 'mot-cua'"
expect_summary nbsp-ref-one-finding 1
run --lang vi validate "$T/nbsp-ref.yaml"
expect_line nbsp-ref-vi "$T/nbsp-ref.yaml:23:26: lỗi: 'handled-by' của mini:dang-ky-khai-sinh có ký tự U+00A0 NO-BREAK SPACE, trông giống dấu cách nhưng không phải dấu cách [ref.unresolved]"
expect_line nbsp-ref-vi-hint "   gợi ý: hãy viết 'mot-cua'"

# ---- NBSP inside a flow list: uses: [csdl-ho-tich<NBSP>] ----
sed "39s/csdl-ho-tich\]/csdl-ho-tich$NBSP]/" "$M" >"$T/nbsp-list.yaml"
run validate "$T/nbsp-list.yaml"
expect_line nbsp-list-en "$T/nbsp-list.yaml:39:26: error: 'uses' of mini:mot-cua holds U+00A0 NO-BREAK SPACE, which looks like a space but is not one [ref.unresolved]"
expect_line nbsp-list-hint "   hint: write 'csdl-ho-tich'"
expect_summary nbsp-list-one-finding 1
run --lang vi validate "$T/nbsp-list.yaml"
expect_line nbsp-list-vi "$T/nbsp-list.yaml:39:26: lỗi: 'uses' của mini:mot-cua có ký tự U+00A0 NO-BREAK SPACE, trông giống dấu cách nhưng không phải dấu cách [ref.unresolved]"

# ---- NBSP as the first indentation character: the line it is on ----
sed "37s/^ /$NBSP/" "$M" >"$T/nbsp-indent.yaml"
run validate "$T/nbsp-indent.yaml"
expect_status nbsp-indent-exit-1 1
expect_line nbsp-indent-en "$T/nbsp-indent.yaml:37:1: error: the indentation holds U+00A0 NO-BREAK SPACE, which looks like a space but is not one [yaml.syntax]"
expect_line nbsp-indent-hint "   hint: replace it with an ordinary space: \`      role: tthc\`"
expect_summary nbsp-indent-one-finding 1
expect_no_grep nbsp-indent-no-parser-words 'mapping values|must be quoted'
run --lang vi validate "$T/nbsp-indent.yaml"
expect_line nbsp-indent-vi "$T/nbsp-indent.yaml:37:1: lỗi: phần thụt lề có ký tự U+00A0 NO-BREAK SPACE, trông giống dấu cách nhưng không phải dấu cách [yaml.syntax]"
# the issue's case: Lạng Sơn's line 108, reported at 109 before
cp -r examples/national-2020/lang-son examples/national-2020/lang-son.yaml "$T/"
sed -i "108s/^ /$NBSP/" "$T/lang-son.yaml"
run validate "$T/lang-son.yaml"
expect_grep nbsp-indent-lang-son-line-108 "^$T/lang-son\\.yaml:108:1: error: the indentation holds U\\+00A0 NO-BREAK SPACE"
expect_summary nbsp-indent-lang-son-one 1

# ---- zero-width space in an id ----
sed "s/{id: qlvb,/{id: \"ql${ZWSP}vb\",/" "$M" >"$T/zwsp.yaml"
run validate "$T/zwsp.yaml"
expect_line zwsp-id-en "$T/zwsp.yaml:42:15: error: 'id' holds U+200B ZERO WIDTH SPACE, a character that cannot be seen [schema.id-syntax]"
expect_line zwsp-id-hint "   hint: write 'qlvb'"
expect_summary zwsp-one-finding 1
run --lang vi validate "$T/zwsp.yaml"
expect_line zwsp-id-vi "$T/zwsp.yaml:42:15: lỗi: 'id' có ký tự U+200B ZERO WIDTH SPACE, một ký tự không nhìn thấy được [schema.id-syntax]"

# ---- "\0" in an id and a name: an error at the escape ----
sed '4s/.*/  id: "mini\\0..\/..\/x"/; 7s/.*/  name: "Visible\\0HIDDEN"/' "$M" >"$T/nul.yaml"
run validate "$T/nul.yaml"
expect_status nul-exit-1 1
expect_line nul-id-en "$T/nul.yaml:4:12: error: the escape '\\0' puts the control character U+0000 into the text [yaml.encoding]"
expect_line nul-name-en "$T/nul.yaml:7:17: error: the escape '\\0' puts the control character U+0000 into the text [yaml.encoding]"
expect_line nul-caret "      |            ^~"
expect_grep nul-two-findings '^1 file checked: 2 errors, 0 warnings, 0 notes$'
expect_no_grep nul-no-second-finding "id-syntax|'mini\.\."
run --lang vi validate "$T/nul.yaml"
expect_line nul-id-vi "$T/nul.yaml:4:12: lỗi: chuỗi thoát '\\0' đưa ký tự điều khiển U+0000 vào văn bản [yaml.encoding]"
expect_line nul-name-vi "$T/nul.yaml:7:17: lỗi: chuỗi thoát '\\0' đưa ký tự điều khiển U+0000 vào văn bản [yaml.encoding]"
# the value is the text before the escape, never the text after it
run export --format json -o "$T/nul.json" "$T/nul.yaml"
check nul-export-no-hidden bash -c "! grep -q 'HIDDEN\|\.\./\.\./x' '$T/nul.json'"
# other control escapes: \x07, \u001b; \t and \n stay text
sed '7s/.*/  name: "Chuông\\x07 và \\u001b thoát, tab\\t, dòng\\n"/' "$M" >"$T/bell.yaml"
run validate "$T/bell.yaml"
expect_line bell-en "$T/bell.yaml:7:16: error: the escape '\\x07' puts the control character U+0007 into the text [yaml.encoding]"
expect_summary bell-one-finding 1

# ---- one finding per mistake, the cause first ----
sed 's/sources: \[national:csdl-ho-tich\]/sources: [national:csdl-hotich]/' "$M" >"$T/dancu.yaml"
run validate "$T/dancu.yaml"
expect_line misspelt-source-cause "$T/dancu.yaml:31:17: error: 'sources' of mini:csdl-ho-tich names 'national:csdl-hotich', which the reference models do not have [ref.unresolved]"
expect_no_grep misspelt-source-no-consequence 'data\.duplicate-master'
expect_summary misspelt-source-one-finding 1

# a misspelt national:ngsp on the LGSP, national:dvcqg in an integration:
# the misspelling, not also "does not connect to national:ngsp"
sed 's/connects: \[national:ngsp\]/connects: [national:ngps]/' "$M" >"$T/ngps.yaml"
run validate "$T/ngps.yaml"
expect_line misspelt-connects-cause "$T/ngps.yaml:48:18: error: 'connects' of mini:lgsp-mini names 'national:ngps', which the reference models do not have [ref.unresolved]"
expect_no_grep misspelt-connects-no-consequence 'component\.not-connected'
expect_summary misspelt-connects-one-finding 1
sed 's/to: national:dvcqg,/to: national:dvcq,/' "$M" >"$T/dvcq.yaml"
run --lang vi validate "$T/dvcq.yaml"
expect_line misspelt-integration-cause-vi "$T/dvcq.yaml:51:27: lỗi: 'to' của mini:integration 1 nêu 'national:dvcq', nhưng các mô hình tham chiếu không có mục này [ref.unresolved]"
expect_no_grep misspelt-integration-no-consequence 'component\.not-connected'
expect_grep misspelt-integration-one-finding '^đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo, 0 ghi chú$'
# a real missing connection is still reported
sed '/to: national:dvcqg,/d' "$M" >"$T/no-dvcqg.yaml"
run validate "$T/no-dvcqg.yaml"
expect_grep missing-connection-still-reported "^$T/no-dvcqg\.yaml:35:11: error: application 'mot-cua' \(required component 'tthc'\) does not connect to national:dvcqg \[component\.not-connected\]$"

# ref.wrong-kind says what is expected and how to get there
sed 's/uses: \[csdl-ho-tich\]/uses: [national:csdl-ho-tich]/' "$M" >"$T/wrong.yaml"
run validate "$T/wrong.yaml"
expect_line wrong-kind-en "$T/wrong.yaml:39:14: error: 'uses' of mini:mot-cua names the national database 'national:csdl-ho-tich', but it takes a database [ref.wrong-kind]"
expect_line wrong-kind-hint "   hint: to use it, declare a local copy, a database of your own with \`sources: [national:csdl-ho-tich]\`, and name that here; or an integration \`{from: mot-cua, to: national:csdl-ho-tich}\`"
run --lang vi validate "$T/wrong.yaml"
expect_line wrong-kind-vi-hint "   gợi ý: để dùng nó, hãy khai báo một bản sao tại chỗ, tức một cơ sở dữ liệu của chính đơn vị với \`sources: [national:csdl-ho-tich]\`, rồi nêu cơ sở dữ liệu đó ở đây; hoặc khai báo một tích hợp \`{from: mot-cua, to: national:csdl-ho-tich}\`"

# a malformed id gets the fixed id
sed 's/{id: qlvb,/{id: QLVB,/; s/id: tt-du-lieu/id: cổng-ttđt/' "$M" >"$T/ids.yaml"
run validate "$T/ids.yaml"
expect_line id-upper "$T/ids.yaml:42:12: error: id 'QLVB' is not lower-case ASCII words joined by hyphens [schema.id-syntax]"
expect_line id-upper-hint "   hint: write 'qlvb': a-z, 0-9 and single hyphens, no diacritics (and the references to it)"
expect_line id-diacritics "$T/ids.yaml:56:11: error: id 'cổng-ttđt' is not lower-case ASCII words joined by hyphens [schema.id-syntax]"
expect_line id-diacritics-hint "   hint: write 'cong-ttdt': a-z, 0-9 and single hyphens, no diacritics (and the references to it)"
run --lang vi validate "$T/ids.yaml"
expect_line id-diacritics-vi-hint "   gợi ý: hãy viết 'cong-ttdt': chỉ a-z, 0-9 và dấu gạch nối đơn, không dấu (sửa cả các tham chiếu tới nó)"

# ---- libyaml's common errors, said for people ----
printf 'framework: "2.0"\narchitecture:\n  id: mini\n  name: Cổng thông tin: trang chủ\n' >"$T/colon.yaml"
run validate "$T/colon.yaml"
expect_line colon-en "$T/colon.yaml:4:23: error: this ':' would start a new key inside a value [yaml.syntax]"
expect_line colon-hint "   hint: if the value holds ': ', put it in quotes (name: \"A: B\"); if this line starts a new key, indent it like the keys above it"
run --lang vi validate "$T/colon.yaml"
expect_line colon-vi "$T/colon.yaml:4:23: lỗi: dấu ':' này sẽ mở đầu một khóa mới ngay trong một giá trị [yaml.syntax]"
printf 'framework: "2.0"\narchitecture:\n  id: mini\n  name: @mini\n' >"$T/at.yaml"
run validate "$T/at.yaml"
expect_line at-en "$T/at.yaml:4:9: error: a value cannot start with '@' in YAML [yaml.syntax]"
expect_line at-hint "   hint: put the value in quotes: \"@…\""
printf 'framework: "2.0"\narchitecture:\n  id: mini\n    name: Lạng Sơn\n' >"$T/indent.yaml"
run validate "$T/indent.yaml"
expect_line indent-en "$T/indent.yaml:4:9: error: this ':' would start a new key inside a value [yaml.syntax]"
printf 'business:\n  actors:\n    - {id: a, name: A}\n   - {id: b, name: B}\n' >"$T/dash.yaml"
run validate "$T/dash.yaml"
expect_grep dash-en "^$T/dash\\.yaml:4:4: error: this line is not indented like the (items of the list|keys of the map) it follows \\[yaml\\.syntax\\]$"
expect_no_grep dash-no-parser-state 'while parsing|did not find'
rm -rf "$T"
