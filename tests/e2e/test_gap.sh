#!/usr/bin/env bash
# egaf gap: the exact text, Markdown and JSON of a model with one item of
# each action (build, change by replacement, retire, integrate), the exit
# codes, bad usage, -o; and the validator's findings on the same states
# (gap.uncovered at the element, gap.retired-still-used at the reference).
. "$(dirname "$0")/lib.sh"
FX=tests/fixtures/gap
GOLD=tests/golden/gap

# 1. The three formats, byte for byte.
run gap "$FX/province.yaml"
expect_status "gap text: exit 0 (uncovered items are listed, not failed)" 0
expect_out "gap text" "$GOLD/province.txt"
run gap --format markdown "$FX/province.yaml"
expect_status "gap markdown: exit 0" 0
expect_out "gap markdown" "$GOLD/province.md"
run gap --format json "$FX/province.yaml"
expect_status "gap json: exit 0" 0
expect_out "gap json" "$GOLD/province.json"
if command -v python3 >/dev/null; then
    check "gap json parses" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$OUT"
fi

# What the goldens must say (so a regenerated golden cannot hide a bug).
run gap "$FX/province.yaml"
expect_grep "build: planned database, cancelled task does not cover it" \
    '^  database csdl-dat-dai \(CSDL đất đai tỉnh\) ← UNCOVERED: no roadmap task delivers it$'
expect_grep "change: replacement, covered by the task delivering the old id" \
    '^  application mot-cua-2 \(.*\) replaces mot-cua ← task nang-cap-mot-cua$'
expect_no_grep "change: the replaced element is not also retired" '^  application mot-cua \('
expect_no_grep "change: a service following the replacement is no item" 'dang-ky-khai-sinh'
expect_no_grep "change: a control following the replacement is no item" 'tuong-lua'
expect_grep "retire: retired application" '^  application bao-cao \(Hệ thống báo cáo cũ\) ← task bo-bao-cao-cu$'
expect_grep "retire: its integration, covered by its end" \
    '^  integration bao-cao → national:bccp via lgsp-dx ← task bo-bao-cao-cu$'
expect_grep "integrate: moved to the replacement" \
    '^  integration mot-cua-2 → national:dvcqg via lgsp-dx ← task nang-cap-mot-cua$'
expect_grep "integrate: planned integration by its id" \
    '^  integration lt-vbqppl qlvb → national:dvcqg via lgsp-dx ← task lien-thong-vb$'
expect_grep "summary line" \
    '^current: 13 elements, target: 13 elements; to build 1, to change 1, to retire 2, to integrate 2; 1 uncovered$'

# 2. --fail-on uncovered: 1 with an uncovered item, 0 without.
run gap --fail-on uncovered "$FX/province.yaml"
expect_status "gap --fail-on uncovered: exit 1" 1
expect_out "gap --fail-on uncovered: still the full list" "$GOLD/province.txt"
sed 's/progress: cancelled, //' "$FX/province.yaml" >"$T/covered.yaml"
run gap --fail-on uncovered "$T/covered.yaml"
expect_status "gap --fail-on uncovered, all covered: exit 0" 0
expect_grep "a task not cancelled covers it" '^  database csdl-dat-dai \(CSDL đất đai tỉnh\) ← task so-hoa-dat-dai$'

# 3. Bad usage: exit 2, nothing on stdout, nothing written.
for args in "--format xml $FX/province.yaml" "--fail-on added $FX/province.yaml" \
    "" "$FX/province.yaml $FX/still-used.yaml" "--bogus $FX/province.yaml"; do
    # shellcheck disable=SC2086
    run gap $args -o "$T/bad.txt"
    expect_status "gap $args: exit 2" 2
    check "gap $args: nothing on stdout" test ! -s "$OUT"
    check "gap $args: no output file" test ! -e "$T/bad.txt"
    expect_grep "gap $args: says why" "egaf" "$ERR"
done
run gap "$T/does-not-exist.yaml"
expect_status "gap of a missing file: exit 2" 2
expect_grep "gap of a missing file: says so" "^egaf: cannot read '.*does-not-exist.yaml'" "$ERR"

# 4. -o: the same bytes in the file, nothing on stdout; a missing folder: 2.
run gap --format json -o "$T/gap.json" "$FX/province.yaml"
expect_status "gap -o: exit 0" 0
check "gap -o: nothing on stdout" test ! -s "$OUT"
check "gap -o: the file is the golden" cmp -s "$T/gap.json" "$GOLD/province.json"
run gap -o "$T/no/such/folder/gap.txt" "$FX/province.yaml"
expect_status "gap -o into a missing folder: exit 2" 2
check "gap -o into a missing folder: nothing written" test ! -e "$T/no"

# 5. The validator: an uncovered item is a finding, at the element.
run validate "$FX/province.yaml"
expect_status "validate: warnings only, exit 0" 0
expect_grep "gap.uncovered: exact finding" \
    "^tests/fixtures/gap/province.yaml:29:11: warning: database 'csdl-dat-dai' is planned, but no roadmap task delivers it \[gap.uncovered\]$"
expect_grep "gap.uncovered: the only finding" '^1 file checked: 0 errors, 1 warning, 0 notes$'
run validate "$T/covered.yaml"
expect_grep "gap.uncovered: gone once a task delivers it" '^1 file checked: 0 errors, 0 warnings, 0 notes$'

# 6. gap.retired-still-used: at the reference, with where it is retired.
run validate "$FX/still-used.yaml"
expect_status "still used: error, exit 1" 1
expect_grep "retired-still-used: handled-by" \
    "^tests/fixtures/gap/still-used.yaml:23:55: error: service 'cap-phep' names application 'mot-cua-cu' in \`handled-by\`, but 'mot-cua-cu' is retired in the target architecture \[gap.retired-still-used\]$"
expect_grep "retired-still-used: where it is retired" \
    "^tests/fixtures/gap/still-used.yaml:29:12: note: 'mot-cua-cu' is retired here$"
expect_grep "retired-still-used: hosted-on" \
    "^tests/fixtures/gap/still-used.yaml:26:115: error: database 'csdl-ho-tich' names infrastructure 'phong-may-cu' in \`hosted-on\`, but 'phong-may-cu' is retired in the target architecture \[gap.retired-still-used\]$"
expect_no_grep "retired-still-used: a replaced element's users follow the replacement" \
    "'cong-cu' is retired" 
check "retired-still-used: exactly two" test "$(grep -c 'gap.retired-still-used' "$OUT")" = 2
expect_no_grep "retired-still-used: covered retirements are not uncovered" 'gap.uncovered'

# 7. The rules are in the catalogue.
run explain gap.uncovered
expect_status "explain gap.uncovered" 0
run explain gap.retired-still-used
expect_status "explain gap.retired-still-used" 0
