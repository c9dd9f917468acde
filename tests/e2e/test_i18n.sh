#!/usr/bin/env bash
# Vietnamese messages (docs/i18n.md): --lang before the command, a command's
# own --lang, LANGUAGE / LC_ALL / LC_MESSAGES / LANG, on a machine with no
# Vietnamese locale; po/vi.po translates every message of po/egaf.pot, and
# po/egaf.pot is up to date with the sources.
. "$(dirname "$0")/lib.sh"

broken=examples/broken/key-typo.yaml
vi_message="key-typo.yaml:27:3: lỗi: khóa không xác định 'aproved-by' trong architecture [schema.unknown-key]"
vi_hint="   gợi ý: có phải ý bạn là 'approved-by'?"
vi_summary="đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo, 0 ghi chú"
en_message="key-typo.yaml:27:3: error: unknown key 'aproved-by' in architecture [schema.unknown-key]"

# expect_line NAME TEXT: a line of stdout contains TEXT (fixed string).
expect_line() {
    if grep -qF -- "$2" "$OUT"; then ok "$1"; else fail "$1" "no line contains: $2"; fi
}

# The English run is the reference: the exit status must not change.
run validate "$broken"
expect_status english-exit-status 1
expect_line english-message "$en_message"

run --lang vi validate "$broken"
expect_status lang-vi-exit-status 1
expect_line lang-vi-message "$vi_message"
expect_line lang-vi-hint "$vi_hint"
expect_line lang-vi-summary "$vi_summary"
expect_no_grep lang-vi-no-english "unknown key|did you mean|files? checked"

run --lang=vi validate "$broken"
expect_line lang-equals-vi "$vi_message"

# the environment, with no Vietnamese locale installed
if locale -a 2>/dev/null | grep -qi '^vi_VN'; then
    echo "note: this machine has a vi_VN locale; the LOCPATH runs below simulate one without"
else
    check no-vi-locale-installed true
fi
(unset LC_ALL LANGUAGE LC_MESSAGES; LANG=vi_VN.UTF-8 egaf validate "$broken") >"$OUT" 2>"$ERR"
STATUS=$?
expect_status lang-env-exit-status 1
expect_line lang-env-message "$vi_message"
expect_line lang-env-hint "$vi_hint"
expect_no_grep lang-env-no-locale-warning "setlocale|cannot set" "$ERR"

# a locale folder with C.UTF-8 only: what Debian has before locale-gen
loc=$T/locales
mkdir -p "$loc"
for d in /usr/lib/locale/C.utf8 /usr/lib/locale/C.UTF-8; do
    [ -d "$d" ] && ln -s "$d" "$loc/$(basename "$d")"
done
(unset LC_ALL LANGUAGE LC_MESSAGES; LOCPATH=$loc LANG=vi_VN.UTF-8 egaf validate "$broken") \
    >"$OUT" 2>"$ERR"
STATUS=$?
expect_status locpath-c-only-exit-status 1
expect_line locpath-c-only-message "$vi_message"

(unset LC_ALL LANG LC_MESSAGES; LANGUAGE=vi egaf validate "$broken") >"$OUT" 2>"$ERR"
expect_line language-vi "$vi_message"
# tests/run.sh sets LC_ALL=C.UTF-8: LANGUAGE still decides, as with gettext
(LANGUAGE=vi:en egaf validate "$broken") >"$OUT" 2>"$ERR"
expect_line language-list-first-vi "$vi_message"
(unset LANGUAGE LANG LC_MESSAGES; LC_ALL=vi_VN.UTF-8 egaf validate "$broken") >"$OUT" 2>"$ERR"
expect_line lc-all-vi "$vi_message"
(unset LANGUAGE LC_ALL LANG; LC_MESSAGES=vi_VN egaf validate "$broken") >"$OUT" 2>"$ERR"
expect_line lc-messages-vi "$vi_message"
(unset LANGUAGE LC_ALL LC_MESSAGES; LANG=en_US.UTF-8 egaf validate "$broken") >"$OUT" 2>"$ERR"
expect_line lang-en-env-is-english "$en_message"

# --lang en overrides the environment
(unset LC_ALL LANGUAGE; LANG=vi_VN.UTF-8 egaf --lang en validate "$broken") >"$OUT" 2>"$ERR"
STATUS=$?
expect_status lang-en-over-env-exit-status 1
expect_line lang-en-over-env "$en_message"
expect_no_grep lang-en-over-env-no-vietnamese "gợi ý|khóa không xác định"

# help and explain
run --lang vi --help
expect_status lang-vi-help-status 0
expect_grep lang-vi-help "^cách dùng: egaf \[--lang vi\|en\]"
expect_grep lang-vi-help-commands "kiểm tra mô hình theo định dạng và Khung kiến trúc quốc gia"
run --lang vi validate --help
expect_grep lang-vi-command-help "^cách dùng: egaf validate \[tùy chọn\] FILE\|DIR"
run --lang vi explain schema.unknown-key
expect_status lang-vi-explain-status 0
expect_grep lang-vi-explain-title "^schema.unknown-key \(lỗi\): khóa không xác định$"
expect_grep lang-vi-explain-heading "^Cách khắc phục:$"
expect_grep lang-vi-explain-text "thường là do gõ nhầm"
run --lang vi rules
expect_grep lang-vi-rules "^schema.unknown-key +lỗi {7}khóa không xác định$"

# usage errors keep their exit status
run --lang vi validate --nope "$broken"
expect_status lang-vi-usage-status 2
expect_grep lang-vi-usage-message "tùy chọn không xác định '--nope' \(xem 'egaf validate --help'\)" "$ERR"
run --lang fr validate "$broken"
expect_status lang-unknown-status 2
expect_grep lang-unknown-message "^egaf: unknown language 'fr' \(one of: vi, en\) \(see 'egaf --help'\)$" "$ERR"

# JSON: Vietnamese messages, valid JSON, numbers unchanged
run --lang vi validate --format json "$broken"
expect_status lang-vi-json-status 1
check lang-vi-json-valid python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$OUT"
check lang-vi-json-message python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
f = d["findings"][0]
assert f["rule"] == "schema.unknown-key", f
assert f["message"] == "khóa không xác định '"'"'aproved-by'"'"' trong architecture", f["message"]
assert f["hint"] == "có phải ý bạn là '"'"'approved-by'"'"'?", f["hint"]
assert f["severity"] == "error" and f["line"] == 27
' "$OUT"

# SARIF: rule descriptions in Vietnamese, severity levels untouched
run --lang vi validate --format sarif "$broken"
check lang-vi-sarif-valid python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$OUT"
expect_grep lang-vi-sarif-rule '"text": "khóa không xác định"'
expect_grep lang-vi-sarif-level '"level": "error"'

# a command's own --lang sets the messages too; without --lang the site
# labels stay Vietnamese whatever the environment says
run render --lang vi --view overview -o "$T/x.svg" "$T/missing.yaml"
expect_status render-lang-vi-status 2
expect_grep render-lang-vi-message "không đọc được '.*missing.yaml'" "$ERR"
run --lang en render --view overview --format dot -o "$T/en.dot" tests/fixtures/validate/mini.yaml
run render --view overview --format dot -o "$T/default.dot" tests/fixtures/validate/mini.yaml
run --lang vi render --view overview --format dot -o "$T/vi.dot" tests/fixtures/validate/mini.yaml
check render-default-labels-are-vietnamese cmp -s "$T/default.dot" "$T/vi.dot"
check render-global-lang-en-changes-labels sh -c "! cmp -s '$T/default.dot' '$T/en.dot'"

# docs/rules.md stays English whatever the environment
(unset LC_ALL; LANGUAGE=vi LANG=vi_VN.UTF-8 egaf --lang en rules --format markdown) >"$OUT" 2>"$ERR"
expect_out rules-markdown-english docs/rules.md

# every message translated, nothing fuzzy
stats=$(msgfmt --check --statistics -o /dev/null po/vi.po 2>&1)
total=$(grep -c '^msgid ' po/egaf.pot)
total=$((total - 1)) # the header
if [[ "$stats" =~ ^([0-9]+)\ translated\ messages\.$ ]] && [ "${BASH_REMATCH[1]}" = "$total" ]; then
    ok po-vi-complete
else
    fail po-vi-complete "msgfmt says '$stats'; po/egaf.pot has $total messages"
fi
check po-vi-no-fuzzy sh -c "! grep -q '^#, .*fuzzy' po/vi.po"

# po/egaf.pot is up to date: the same message ids as a fresh extraction
flags=$(make -s --no-print-directory -f - print-xgettext-flags <<'MK'
include Makefile
print-xgettext-flags:
	@echo $(XGETTEXT_FLAGS)
MK
)
sources=$(make -s --no-print-directory -f - print-i18n-src <<'MK'
include Makefile
print-i18n-src:
	@echo $(I18N_SRC)
MK
)
# shellcheck disable=SC2086
xgettext $flags --output="$T/fresh.pot" $sources 2>"$ERR"
ids() { msgcat --no-location --no-wrap --sort-output "$1" | sed -n '/^msgid\|^msgid_plural/p'; }
if diff <(ids po/egaf.pot) <(ids "$T/fresh.pot") >"$T/pot.diff"; then
    ok pot-up-to-date
else
    fail pot-up-to-date "po/egaf.pot differs from the sources: run make po-update"
    head -20 "$T/pot.diff"
fi

# format specifiers identical and in order (msgfmt --check-format, through --check)
check po-vi-check-format msgfmt --check-format -o /dev/null po/vi.po

# make install puts the catalogue where a relocated binary finds it
dest=$T/dest
make --no-print-directory -s install BUILD="$(build_copy)" DESTDIR="$dest" PREFIX=/opt/egaf \
    >"$OUT" 2>"$ERR"
check install-mo test -f "$dest/opt/egaf/share/locale/vi/LC_MESSAGES/egaf.mo"
(unset EGAF_LOCALEDIR; "$dest/opt/egaf/bin/egaf" --lang vi validate "$broken") >"$OUT" 2>"$ERR"
expect_line installed-binary-speaks-vietnamese "$vi_message"

# bash completion knows the global --lang
comp() { # CWORD WORDS...: prints COMPREPLY, one per line
    local cword=$1
    shift
    bash -c 'source completion/egaf.bash
COMP_WORDS=("$@"); COMP_CWORD='"$cword"'; _egaf; printf "%s\n" "${COMPREPLY[@]}"' _ "$@"
}
comp 2 egaf --lang "" >"$T/c"
expect_grep completion-lang-values '^vi$' "$T/c"
comp 3 egaf --lang vi va >"$T/c"
expect_grep completion-command-after-lang '^validate$' "$T/c"
comp 1 egaf --l >"$T/c"
expect_grep completion-global-lang '^--lang$' "$T/c"

# libyaml's commonest errors are said for people, in Vietnamese too: what is
# wrong, in this line, how to fix it (not the parser's state)
run --lang vi validate examples/broken/unclosed-quote.yaml
expect_status vi-syntax-exit-1 1
expect_grep vi-syntax-message '^examples/broken/unclosed-quote\.yaml:46:28: lỗi: dấu nháy " mở ở đây không được đóng lại \[yaml\.syntax\]$'
expect_grep vi-syntax-hint '^   gợi ý: hãy đóng bằng dấu " ở cuối giá trị, ngay trên dòng này$'
run --lang vi validate examples/broken/tab-indentation.yaml
expect_grep vi-tab-message '^examples/broken/tab-indentation\.yaml:95:1: lỗi: dòng này thụt lề bằng ký tự tab \[yaml\.syntax\]$'
expect_grep vi-tab-hint '^   gợi ý: YAML chỉ cho thụt lề bằng dấu cách: hãy thay tab bằng các dấu cách$'
expect_no_grep vi-tab-no-parser-state 'quét|scanning|chuỗi thường'

# the severity word of the text report is Vietnamese; machine formats keep
# theirs (checked above: JSON "severity": "error", SARIF "level": "error")
run --lang vi validate examples/broken/missing-lgsp.yaml
expect_grep vi-severity-error '^examples/broken/missing-lgsp\.yaml:[0-9]+:[0-9]+: lỗi: '
expect_grep vi-severity-warning '^examples/broken/missing-lgsp\.yaml:[0-9]+:[0-9]+: cảnh báo: '
expect_no_grep vi-severity-no-english ': (error|warning|note): '
run --lang vi validate examples/broken/uses-application-as-database.yaml
expect_grep vi-severity-note '^examples/broken/uses-application-as-database\.yaml:83:7: ghi chú: '
run --lang vi validate --format github examples/broken/missing-lgsp.yaml
expect_grep vi-github-keeps-error '^::error file='

# --version in Vietnamese
run --lang vi --version
expect_status vi-version-status 0
expect_grep vi-version-refs '^mô hình tham chiếu: '
expect_grep vi-version-editions '^các phiên bản Khung kiến trúc:$'
expect_no_grep vi-version-no-english 'reference models|framework editions|as of'
run --lang en --version
expect_grep en-version-refs '^reference models: '

# libc's error texts (strerror) in Vietnamese, from glibc's catalogue
# (libc-l10n), in UTF-8 although LC_CTYPE stays "C" (not "Kh?ng c? t?p")
run --lang vi render --view overview -o "$T/no-such-folder/x.svg" tests/fixtures/validate/mini.yaml
expect_status vi-strerror-status 2
expect_grep vi-strerror-message "^egaf: không ghi được '.*/no-such-folder/x\.svg': Không có tập tin hoặc thư mục như vậy$" "$ERR"
run --lang en render --view overview -o "$T/no-such-folder/x.svg" tests/fixtures/validate/mini.yaml
expect_grep en-strerror-message "': No such file or directory$" "$ERR"

# egaf diff's text report in Vietnamese (its JSON keeps its English keys)
d=tests/fixtures/diff/finding-introduced
run --lang vi diff "$d/old.yaml" "$d/new.yaml"
expect_grep vi-diff-summary '^kiến trúc: 0 được thêm, 0 bị bỏ, 1 thay đổi, 0 không đổi$'
expect_grep vi-diff-arch '^kiến trúc dx: thay đổi$'
expect_grep vi-diff-field '^        security-level: 2 → \(không có\)$'
expect_grep vi-diff-finding '^    \+ mới lỗi tests/fixtures/diff/finding-introduced/new\.yaml:42:12: ứng dụng '"'"'qlvb'"'"' không có cấp độ an toàn \[security\.level-missing\]$'
expect_no_grep vi-diff-no-english '(^|[ :])(added|removed|changed|unchanged|introduced|fixed)([ ,;]|$)|\(none\)'
run --lang vi diff examples/national-2020 examples/national-2026
expect_grep vi-diff-merged '^kiến trúc bac-giang: bị bỏ \(examples/national-2020/bac-giang\.yaml\), 354 phần tử, 281 quan hệ; hợp nhất vào bac-ninh$'

# egaf refs show: the labels that are prose, and yes/no, in Vietnamese,
# lined up by characters (keys of the reference files stay as written)
run --lang vi refs show lang-son --year 2026
expect_grep "refs show vi: valid in the year" '^còn hiệu lực năm 2026: có$'
expect_grep "refs show vi: defined at, lined up" '^định nghĩa tại:   .*reference-models/agencies\.yaml:[0-9]+$'
expect_grep "refs show vi: the statistics code, lined up" '^mã thống kê:      '
expect_no_grep "refs show vi: no English label" '^(valid in|defined at|statistics code|organ code)'
run --lang en refs show lang-son --year 2026
expect_grep "refs show en: as before" '^valid in 2026:    yes$'

# egaf diff --format markdown (a pull request comment) in Vietnamese too
run --lang vi diff --format markdown examples/national-2020 examples/national-2026
expect_grep vi-diff-md-summary '^\*\*11 kiến trúc\*\*: 2 được thêm, 2 bị bỏ, 7 thay đổi, 0 không đổi\. Phần tử: '
expect_grep vi-diff-md-table '^\| Kiến trúc \| Trạng thái \| Phần tử \+/−/~ \| Quan hệ \+/−/~ \| Phát hiện mới/đã sửa \|$'
expect_grep vi-diff-md-merged '^\| bac-giang \| bị bỏ, hợp nhất vào bac-ninh \| 0 / 354 / 0 \|'
expect_no_grep vi-diff-md-no-english '(added|removed|changed|unchanged|introduced|Elements|Relations|Findings|merged)'
