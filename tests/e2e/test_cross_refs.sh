#!/usr/bin/env bash
# References to another architecture of the run (ARCH:ID). validate checks
# each model as soon as it is loaded and frees it, so these are resolved
# after every model was read: each finding must be the one, at the place and
# in the order, that checking with every model in memory gives, on one
# thread or several; the note at the target quotes a line of a model already
# freed.
. "$(dirname "$0")/lib.sh"
F=tests/fixtures/cross-refs
G=tests/golden/validate/cross-refs.txt

for jobs in 1 2; do
    EGAF_JOBS=$jobs run validate "$F"
    expect_status "cross-refs-status-jobs-$jobs" 1
    expect_out "cross-refs-findings-jobs-$jobs" "$G"
done

# the report does not depend on which thread checked which model; and each
# kind of finding stands where it belongs
EGAF_JOBS=1 run validate --format json "$F"
cp "$OUT" "$T/one.json"
EGAF_JOBS=2 run validate --format json "$F"
check cross-refs-json-same-on-two-threads cmp -s "$OUT" "$T/one.json"

expect_greps "$G" <<'TABLE'
resolved-wrong-kind       ^tests/fixtures/cross-refs/ls-b.yaml:39:34: error: 'uses' of ls-b:mot-cua names the application 'ls-a:qlvb', but it takes a database \[ref.wrong-kind\]$
target-of-freed-model     ^tests/fixtures/cross-refs/ls-a.yaml:56:7: note: infrastructure 'ls-a:tt-du-lieu' is declared here$
target-line-quoted        ^   56 \|     - id: tt-du-lieu$
unresolved-in-other       ^tests/fixtures/cross-refs/ls-b.yaml:39:45: error: 'uses' of ls-b:mot-cua names 'ls-a:khong-co', but architecture 'ls-a' has no element 'khong-co' \[ref.unresolved\]$
not-in-run                ^tests/fixtures/cross-refs/ls-b.yaml:39:77: note: 'ls-c:qlvb' names architecture 'ls-c', which is not loaded in this run \[ref.cross-architecture\]$
waived                    ^tests/fixtures/cross-refs/ls-b.yaml:47:14: note: .* \[ref.unresolved\] \(waived error\)$
TABLE

# alone, every reference to ls-a names an architecture not in the run
run validate "$F/ls-b.yaml"
expect_grep alone-not-in-run "^$F/ls-b.yaml:39:34: note: 'ls-a:qlvb' names architecture 'ls-a', which is not loaded in this run \[ref.cross-architecture\]$"
expect_no_grep alone-no-unresolved-in-other "has no element"

# the first of two models with one architecture id is the one referred to
mkdir -p "$T/twice"
cp "$F/ls-b.yaml" "$T/twice/1-ls-b.yaml"
cp "$F/ls-a.yaml" "$T/twice/2-ls-a.yaml"
sed 's/^  id: ls-b$/  id: ls-a/' "$F/ls-b.yaml" >"$T/twice/0-ls-a.yaml"
EGAF_JOBS=2 run validate "$T/twice"
expect_grep first-model-wins "1-ls-b.yaml:39:60: error: 'uses' of ls-b:mot-cua names the infrastructure 'ls-a:tt-du-lieu'"
expect_grep first-model-wins-target "0-ls-a.yaml:62:7: note: infrastructure 'ls-a:tt-du-lieu' is declared here$"

# the target in an included file of a model already freed: its line quoted
mkdir -p "$T/inc/ls-a-phan"
python3 - "$F/ls-a.yaml" "$T/inc" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
i, j = s.index("technology:\n"), s.index("security:\n")
top = s[:i] + s[j:]
top = top.replace("architecture:\n", "include: [ls-a-phan/cong-nghe.yaml]\narchitecture:\n", 1)
open(sys.argv[2] + "/ls-a.yaml", "w", encoding="utf-8").write(top)
open(sys.argv[2] + "/ls-a-phan/cong-nghe.yaml", "w", encoding="utf-8").write(
    "# Phần công nghệ của kiến trúc A.\n" + s[i:j])
PY
cp "$F/ls-b.yaml" "$T/inc/"
EGAF_JOBS=2 run validate "$T/inc"
expect_grep target-in-include "^$T/inc/ls-a-phan/cong-nghe.yaml:4:7: note: infrastructure 'ls-a:tt-du-lieu' is declared here$"
expect_grep target-in-include-quoted "^    4 \|     - id: tt-du-lieu$"
