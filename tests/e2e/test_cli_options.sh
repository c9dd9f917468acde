#!/usr/bin/env bash
# The command line: glibc getopt_long (bundled short options, attached
# values, --opt=value, "--"), the usage errors (exit 2), egaf help COMMAND,
# "-" as standard input for validate, diff and export, --color, NO_COLOR,
# -v/--verbose, and a bad --base noticed before any work.
. "$(dirname "$0")/lib.sh"
M=examples/broken/duplicate-id.yaml
GOOD=examples/national-2026/nghe-an.yaml

# 1. Bundled -qo FILE, attached -oFILE, --format=sarif: same bytes as spelt out.
egaf validate --quiet --output "$T/plain.txt" "$M" >/dev/null 2>&1
run validate -qo "$T/bundled.txt" "$M"
expect_status "bundled -qo: exit 1 (error findings)" 1
check "bundled -qo: the report is the same as --quiet --output" cmp -s "$T/plain.txt" "$T/bundled.txt"
run validate -q "-o$T/attached.txt" "$M"
check "attached -oFILE: the report is the same" cmp -s "$T/plain.txt" "$T/attached.txt"
egaf validate --format sarif "$M" >"$T/sarif-spaced.json" 2>/dev/null
run validate --format=sarif "$M"
expect_out "--format=sarif: the same SARIF as --format sarif" "$T/sarif-spaced.json"
expect_grep "--format=sarif: it is SARIF" '"version": "2.1.0"'
run validate -q -- "$M"
expect_status "-- ends the options: the operand after it is read" 1
expect_grep "-- ends the options: its findings" 'duplicate id'

# 2. Usage errors: exit 2 with a message.
run validate --formt=json "$M"
expect_status "unknown long option: exit 2" 2
expect_grep "unknown long option: did you mean" "^egaf: unknown option '--formt'; did you mean '--format'\? \(see 'egaf validate --help'\)$" "$ERR"
run validate -x "$M"
expect_status "unknown short option: exit 2" 2
expect_grep "unknown short option: message" "^egaf: unknown option '-x' \(see 'egaf validate --help'\)$" "$ERR"
run validate "$M" --format
expect_status "missing value: exit 2" 2
expect_grep "missing value: message" "^egaf: option '--format' needs a value" "$ERR"
run validate "$M" -o
expect_grep "missing value of -o: message" "^egaf: option '-o' needs a value" "$ERR"
run validate --quiet=yes "$M"
expect_status "a value given to a flag: exit 2" 2
expect_grep "a value given to a flag: message" "^egaf: option '--quiet' takes no value" "$ERR"
run validate --f x "$M"
expect_grep "ambiguous prefix: both named" "^egaf: option '--f' is ambiguous: '--format', '--follow-links'" "$ERR"
run validate --color=sometimes "$M"
expect_status "bad --color: exit 2" 2
expect_grep "bad --color: message" "^egaf: --color takes auto, always or never, not 'sometimes'" "$ERR"

# 3. egaf help COMMAND is egaf COMMAND --help.
for c in validate diff export render consolidate refs rules init schema document lsp; do
    egaf "$c" --help >"$T/help-option" 2>&1
    run help "$c"
    expect_status "help $c: exit 0" 0
    expect_out "help $c: the same as $c --help" "$T/help-option"
done
run help nosuch
expect_status "help of an unknown command: exit 2" 2
egaf --help >"$T/top-help"
run help
expect_out "help alone: the overview" "$T/top-help"

# 4. "-" is standard input, read once, named <stdin>.
egaf validate "$M" 2>/dev/null | sed "s|$M|<stdin>|g" >"$T/expected"
egaf validate - <"$M" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "validate -: exit 1" 1
expect_out "validate -: the report of the file, named <stdin>" "$T/expected"
expect_grep "validate -: finding at <stdin>:65:11" '^<stdin>:65:11: error: duplicate id' 
egaf validate --format json "$M" 2>/dev/null | sed "s|$M|\\\\u003cstdin>|g" >"$T/expected"
egaf validate --format json - <"$M" >"$OUT" 2>"$ERR"
expect_out "validate --format json -: named <stdin>" "$T/expected"
egaf export --format json -o - "$GOOD" 2>/dev/null | sed "s|\"file\": \"$GOOD\"|\"file\": \"\\\\u003cstdin>\"|" >"$T/expected"
egaf export --format json -o - - <"$GOOD" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "export -: exit 0" 0
expect_out "export -: the export of the file, named <stdin>" "$T/expected"
egaf diff --format text tests/fixtures/diff/element-added/old.yaml tests/fixtures/diff/element-added/new.yaml |
    sed "s|tests/fixtures/diff/element-added/new.yaml|<stdin>|g" >"$T/expected"
egaf diff --format text tests/fixtures/diff/element-added/old.yaml - <tests/fixtures/diff/element-added/new.yaml >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "diff OLD -: exit 0" 0
expect_out "diff OLD -: the diff of the files, NEW named <stdin>" "$T/expected"
expect_grep "diff OLD -: an element added" 'cong-ttdt'
# no file named "<stdin>" or "-" is made or read
check "stdin: no file named <stdin> or - made" test ! -e '<stdin>' -a ! -e ./-

# 5. Colour: always has escapes, never none, NO_COLOR turns auto off.
ESC=$(printf '\033')
run validate --color=always "$M"
expect_grep "--color=always: escapes in a pipe" "$ESC\[" 
NO_COLOR=1 egaf validate --color=always "$M" >"$OUT" 2>/dev/null
expect_grep "--color=always wins over NO_COLOR" "$ESC\[" 
run validate --color=never "$M"
expect_no_grep "--color=never: no escape" "$ESC"
if command -v script >/dev/null; then
    script -qec "$EGAF validate --color=auto $M" /dev/null >"$OUT" 2>&1
    expect_grep "--color=auto on a terminal: escapes" "$ESC\[" 
    NO_COLOR=1 script -qec "$EGAF validate $M" /dev/null >"$OUT" 2>&1
    expect_no_grep "NO_COLOR on a terminal: no escape" "$ESC\[[0-9;]*m"
    script -qec "$EGAF validate --color=never $M" /dev/null >"$OUT" 2>&1
    expect_no_grep "--color=never on a terminal: no escape" "$ESC\[[0-9;]*m"
else
    echo "ok colour on a terminal: skipped (no script(1))"
fi
run --color=always validate "$M"
expect_grep "--color before the command" "$ESC\["

# 6. -v: what was loaded from where, and timings; the report unchanged.
egaf validate "$M" >"$T/quiet-run" 2>/dev/null
run validate -v "$M"
expect_out "-v: the report on stdout is the same" "$T/quiet-run"
expect_grep "-v: the reference models folder" '^egaf: reference models: .*/reference-models \([0-9]+ entries, [0-9.]+ ms\)$' "$ERR"
expect_grep "-v: each model file" "^egaf: model: $M$" "$ERR"
expect_grep "-v: the configuration looked for" "^egaf: configuration: none \(examples/broken/.egaf.yaml\)$" "$ERR"
# validate checks each model as it is loaded: one phase for both
expect_grep "-v: time to load and check the models" '^egaf: time: load and check models: [0-9.]+ ms$' "$ERR"
expect_grep "-v: time to report" '^egaf: time: report: [0-9.]+ ms$' "$ERR"
run -v validate -qv - <"$M"
expect_grep "-v with stdin: <stdin> and its size" "^egaf: model: <stdin> \($(wc -c <"$M") bytes\)$" "$ERR"
run validate -q "$M"
expect_no_grep "without -v: nothing about loading" '^egaf: (model|reference models|time):' "$ERR"

# 7. A bad --base is an exit-2 message before any work.
run validate -v --base "$T/nowhere" "$M"
expect_status "bad --base: exit 2" 2
expect_grep "bad --base: message" "^egaf: cannot use '$T/nowhere' as the base folder: No such file or directory$" "$ERR"
expect_no_grep "bad --base: nothing loaded first" '^egaf: (model|reference models|configuration)' "$ERR"
run consolidate --year 2026 -o "$T/site" --base "$T/nowhere" examples/national-2026
expect_status "consolidate bad --base: exit 2" 2
check "consolidate bad --base: no site written" test ! -e "$T/site"

# 8. -v for export and diff too: the model read and the phases timed.
egaf export -v --format json -o "$T/e.json" - <"$GOOD" >"$OUT" 2>"$ERR"
expect_grep "export -v: the model from stdin" "^egaf: model: <stdin> \($(wc -c <"$GOOD") bytes\)$" "$ERR"
expect_grep "export -v: the export timed" '^egaf: time: export: [0-9.]+ ms$' "$ERR"
run diff -v "$GOOD" "$GOOD"
expect_grep "diff -v: each model file" "^egaf: model: $GOOD$" "$ERR"
expect_grep "diff -v: the comparison timed" '^egaf: time: compare and report: [0-9.]+ ms$' "$ERR"

# 9. --base names files from the base in every format; without it, text,
# JSON and JUnit name them as given.
D=examples/broken/duplicate-id.yaml
run validate --base examples "$PWD/$D"
expect_grep "--base: text names the file from the base" '^broken/duplicate-id\.yaml:65:11: error: duplicate id' "$OUT"
run validate --base examples --format json "$PWD/$D"
expect_grep "--base: json names the file from the base" '"file": "broken/duplicate-id\.yaml"' "$OUT"
run validate --base examples --format junit "$PWD/$D"
expect_grep "--base: junit names the file from the base" 'file="broken/duplicate-id\.yaml"' "$OUT"
expect_grep "--base: junit's message too" 'type="error">broken/duplicate-id\.yaml:65:11: error: ' "$OUT"
run validate "$PWD/$D"
expect_grep "without --base: text as given" "^$PWD/$D:65:11: error: duplicate id" "$OUT"
run validate --format json "$D"
expect_grep "without --base: json as given" "\"file\": \"$D\"" "$OUT"

# 10. -v for the drawing commands: their phases timed (through egaf-draw).
run consolidate -v -q --no-diagrams --year 2026 -o "$T/vsite" "$GOOD"
expect_grep "consolidate -v: the check timed" '^egaf: time: check: [0-9.]+ ms$' "$ERR"
expect_grep "consolidate -v: the site timed" '^egaf: time: site: [0-9.]+ ms$' "$ERR"
expect_grep "consolidate -v: the report timed" '^egaf: time: report: [0-9.]+ ms$' "$ERR"
run render -v --view overview -o "$T/v.svg" "$GOOD"
expect_grep "render -v: the drawing timed" '^egaf: time: draw: [0-9.]+ ms$' "$ERR"
