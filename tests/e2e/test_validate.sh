#!/usr/bin/env bash
# egaf validate on fixtures: exact output, exit codes, usage errors.
. "$(dirname "$0")/lib.sh"
F=tests/fixtures/validate
G=tests/golden/validate

run validate "$F/mini.yaml"
expect_status clean-model-exits-0 0
printf '1 file checked: 0 errors, 0 warnings, 0 notes\n' >"$T/summary"
expect_out clean-model-prints-one-summary-line "$T/summary"

run validate -q "$F/mini.yaml"
expect_status quiet-exits-0 0
check quiet-prints-nothing test ! -s "$OUT"

run validate "$F/several.yaml"
expect_status several-problems-exit-1 1
expect_out several-problems-exact-text "$G/several.txt"

run validate --format json "$F/several.yaml"
expect_status json-exit-1 1
expect_out several-problems-exact-json "$G/several.json"
check json-parses node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$OUT"

run validate "$F/syntax.yaml"
expect_status syntax-error-exit-1 1
expect_out syntax-error-exact-text "$G/syntax.txt"

# all findings of all files, sorted by file
run validate "$F/syntax.yaml" "$F/several.yaml" "$F/mini.yaml"
expect_status several-files-exit-1 1
check several-files-sorted bash -c "grep -o '^[^:]*\.yaml' '$OUT' | uniq | tr '\n' ' ' | grep -qx '$F/several.yaml $F/syntax.yaml '"
expect_grep several-files-summary '^3 files checked: 6 errors, 0 warnings, 0 notes$'

# colour only on a terminal: output to a file has no escape codes
check no-colour-when-not-a-terminal bash -c "! grep -q $'\033' '$OUT'"
if command -v script >/dev/null; then
    script -qec "$EGAF validate $F/several.yaml" /dev/null >"$T/tty" 2>&1
    check colour-on-a-terminal grep -q $'\033\\[' "$T/tty"
    NO_COLOR=1 script -qec "$EGAF validate $F/several.yaml" /dev/null >"$T/tty" 2>&1
    check no-colour-with-NO_COLOR bash -c "! grep -q $'\033\\\\[' '$T/tty'"
fi

# -o writes the report atomically to a file, nothing on stdout
run validate --format json -o "$T/report.json" "$F/several.yaml"
expect_status output-file-exit-1 1
check output-file-written cmp -s "$T/report.json" "$G/several.json"
check output-file-stdout-empty test ! -s "$OUT"

# a folder means every *.yaml in it
mkdir -p "$T/models/sub"
cp "$F/mini.yaml" "$T/models/a.yaml"
cp "$F/several.yaml" "$T/models/sub/ignored.yaml"
run validate "$T/models"
expect_status folder-of-models 0

# usage errors and unreadable inputs: exit 2, one clear line
run validate "$T/nope.yaml"
expect_status missing-file-exit-2 2
expect_grep missing-file-message "^egaf: cannot read '.*nope.yaml': no such file or folder$" "$ERR"
mkdir -p "$T/empty"
run validate "$T/empty"
expect_status empty-folder-exit-2 2
expect_grep empty-folder-message "^egaf: no models \(\*\.yaml\) in folder" "$ERR"
run validate --fromat json "$F/mini.yaml"
expect_status unknown-option-exit-2 2
expect_grep unknown-option-did-you-mean "unknown option '--fromat'; did you mean '--format'\?" "$ERR"
run valdate "$F/mini.yaml"
expect_status unknown-command-exit-2 2
expect_grep unknown-command-did-you-mean "did you mean 'validate'\?" "$ERR"
run validate --format yaml "$F/mini.yaml"
expect_status unknown-format-exit-2 2
run validate
expect_status no-input-exit-2 2
run validate --disable no.such-rule "$F/mini.yaml"
expect_status unknown-rule-exit-2 2

# files load on several threads (EGAF_JOBS): what is printed does not depend
# on how many
EGAF_JOBS=1 run validate examples/broken
cp "$OUT" "$T/jobs1.txt"
S1=$STATUS
EGAF_JOBS=4 run validate examples/broken
check threads-same-status test "$STATUS" = "$S1"
expect_out threads-same-text "$T/jobs1.txt"
EGAF_JOBS=1 run validate --format json examples/broken
cp "$OUT" "$T/jobs1.json"
EGAF_JOBS=4 run validate --format json examples/broken
expect_out threads-same-json "$T/jobs1.json"
# the first file that cannot be read stops the run, whichever thread read it
EGAF_JOBS=4 run validate "$F/several.yaml" "$T/nope1.yaml" "$F/mini.yaml" "$T/nope2.yaml"
expect_status threads-unreadable-exit-2 2
check threads-unreadable-one-line test "$(wc -l <"$ERR")" = 1
expect_grep threads-unreadable-first "^egaf: cannot read '.*nope1.yaml': no such file or folder$" "$ERR"
check threads-unreadable-no-findings test ! -s "$OUT"
EGAF_JOBS=nonsense run validate examples/broken
expect_out threads-bad-jobs-ignored "$T/jobs1.txt"

# rule configuration
run validate --disable schema.unknown-key --disable ref.duplicate-id --disable yaml.duplicate-key \
    --disable schema.type --disable ref.unresolved --disable security.level-missing "$F/several.yaml"
expect_status disabled-rules-exit-0 0
run validate --severity schema.unknown-key=warning --severity ref.duplicate-id=off \
    --severity yaml.duplicate-key=note --disable schema.type --disable ref.unresolved --disable security.level-missing "$F/several.yaml"
expect_status warnings-only-exit-0 0
run validate --werror --severity schema.unknown-key=warning --severity ref.duplicate-id=off \
    --severity yaml.duplicate-key=note --disable schema.type --disable ref.unresolved --disable security.level-missing "$F/several.yaml"
expect_status werror-exit-1 1

# help and version
run --version
expect_status version-exit-0 0
expect_grep version-line '^egaf [0-9]+\.[0-9]+\.[0-9]+'
run --help
expect_status help-exit-0 0
run validate --help
expect_status validate-help-exit-0 0
expect_grep validate-help-usage '^usage: egaf validate'

# standard output that cannot be written: exit 2
if [ -w /dev/full ]; then
    egaf validate "$F/several.yaml" >/dev/full 2>"$ERR"
    STATUS=$?
    expect_status full-disk-exit-2 2
fi

# waivers: the finding is listed as waived and does not count
run validate "$F/waived.yaml"
expect_status waived-finding-exit-0 0
expect_grep waived-finding-listed "waived.yaml:[0-9]+:[0-9]+: note: .*\[ref.unresolved\] \(waived error\)$"
expect_grep waived-reason-shown "^   waiver: CSDL sẽ được xây dựng năm 2022$"
expect_grep waived-summary "0 errors, 0 warnings, 0 notes, 1 waived$"
run validate --format json "$F/waived.yaml"
expect_grep waived-json '"suppressed": true, "waiver": "CSDL sẽ được xây dựng năm 2022"'

# .egaf.yaml beside the models: the same settings; the command line wins
mkdir -p "$T/cfg"
cp "$F/several.yaml" "$T/cfg/several.yaml"
printf 'disable: [schema.unknown-key, ref.duplicate-id, yaml.duplicate-key, ref.unresolved]\nseverity: {schema.type: warning}\n' >"$T/cfg/.egaf.yaml"
run validate "$T/cfg"
expect_status config-disables-rules-exit-0 0
expect_grep config-summary '^1 file checked: 0 errors, 1 warning, 0 notes$'
run validate "$T/cfg/several.yaml"
expect_status config-found-beside-a-file 0
run validate --severity schema.type=error "$T/cfg"
expect_status command-line-wins-over-config 1
printf 'werror: true\nseverity: {schema.type: warning}\ndisable: [schema.unknown-key, ref.duplicate-id, yaml.duplicate-key, ref.unresolved]\n' >"$T/cfg/.egaf.yaml"
run validate "$T/cfg"
expect_status config-werror-exit-1 1
printf 'disable: [schema.unknwn-key]\nwerorr: true\n' >"$T/cfg/.egaf.yaml"
run validate "$T/cfg"
expect_status broken-config-exit-2 2
expect_grep broken-config-rule-position "cfg/\.egaf\.yaml:1:11: error: 'schema\.unknwn-key' is not a rule .*\[schema\.enum\]" "$ERR"
expect_grep broken-config-did-you-mean "did you mean 'schema\.unknown-key'\?" "$ERR"
expect_grep broken-config-unknown-key "cfg/\.egaf\.yaml:2:1: error: unknown key 'werorr' in \.egaf\.yaml \[schema\.unknown-key\]" "$ERR"
