#!/usr/bin/env bash
# examples/broken: each model holds one deliberate mistake. `egaf validate`
# prints exactly tests/golden/broken/NAME.txt and exits 1; the finding is the
# one the file's header comment announces ("Expected finding: error [RULE] at
# line N"), and it is the only error. A mistake whose rule rests on a reference
# fact that is not confirmed is announced as "warning" and exits 0. Regenerate a golden with
#   build/egaf validate examples/broken/NAME.yaml > tests/golden/broken/NAME.txt
# and read it before committing.
. "$(dirname "$0")/lib.sh"
B=examples/broken
G=tests/golden/broken

n=0
nerr=0
for model in "$B"/*.yaml; do
    name=$(basename "$model" .yaml)
    n=$((n + 1))
    if [ ! -f "$G/$name.txt" ]; then
        fail "$name-golden" "no golden file $G/$name.txt"
        continue
    fi
    sev=$(sed -n 's/^# Expected finding: \(error\|warning\) .*/\1/p' "$model")
    run validate "$model"
    if [ "$sev" = warning ]; then
        expect_status "$name-exit-0" 0
    else
        expect_status "$name-exit-1" 1
        nerr=$((nerr + 1))
    fi
    expect_out "$name-exact-output" "$G/$name.txt"
    # the header comment names the finding: rule and line
    want=$(sed -n 's/^# Expected finding: \(error\|warning\) \[\([a-z.-]*\)\] at line \([0-9]*\)\.$/\3:[0-9]*: \1: .*[[]\2[]]$/p' "$model")
    if [ -z "$want" ]; then
        fail "$name-announced" "no '# Expected finding: error [RULE] at line N.' comment"
    elif head -1 "$OUT" | grep -q "^$model:$want"; then
        ok "$name-announced"
    else
        fail "$name-announced" "first finding is not '$want': $(head -1 "$OUT")"
    fi
    if [ "$sev" = warning ]; then
        expect_grep "$name-one-warning" '^1 file checked: 0 errors, 1 warning, '
    else
        expect_grep "$name-one-error" '^1 file checked: 1 error, '
    fi
    expect_grep "$name-vi-comment" '^# Cách sửa: ' "$model"
    expect_grep "$name-en-comment" '^# How to fix: ' "$model"
done
check broken-examples-exist test "$n" -ge 15
# no golden without its model
for golden in "$G"/*.txt; do
    name=$(basename "$golden" .txt)
    check "$name-has-model" test -f "$B/$name.yaml"
done

# All of them in one run: every finding, sorted by file, status 1.
run validate "$B"
expect_status folder-exit-1 1
expect_grep folder-summary "^$n files checked: $nerr errors, "

# Only missing-lgsp has findings besides its error (three route-b warnings,
# explained in its header).
expect_grep missing-lgsp-warnings '^1 file checked: 1 error, 3 warnings, 0 notes$' "$G/missing-lgsp.txt"
for golden in "$G"/*.txt; do
    name=$(basename "$golden" .txt)
    [ "$name" = missing-lgsp ] && continue
    if grep -q '^# Expected finding: warning ' "$B/$name.yaml"; then
        expect_grep "$name-nothing-else" '^1 file checked: 0 errors, 1 warning, 0 notes$' "$golden"
    else
        expect_grep "$name-nothing-else" '^1 file checked: 1 error, 0 warnings, 0 notes$' "$golden"
    fi
done
