#!/usr/bin/env bash
# Inputs the fuzzers found (tests/fuzz-regressions/): `egaf validate` on each
# finishes within the time limit with exit 1 (findings) or 2 (failure), never
# a signal or a sanitizer abort. When the folder holds no input, a built-in
# sample that once overflowed the YAML tree builder is checked instead.
. "$(dirname "$0")/lib.sh"

LIMIT=${FUZZ_REGRESSION_TIMEOUT:-20}
dir=tests/fuzz-regressions

# A sequence at one nesting depth, then a map with more pairs at the same
# depth: the depth's reused buffer was sized in items, not bytes, and the
# map's pairs overflowed it (model/yaml_tree.c push_item).
sample=$T/frame-buffer-seq-then-map.yaml
printf -- '- [a]\n- {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}\n' >"$sample"

files=()
while IFS= read -r -d '' f; do
    files+=("$f")
done < <(find "$dir" -type f ! -name '.*' ! -name 'README*' -print0 2>/dev/null | LC_ALL=C sort -z)
[ ${#files[@]} -gt 0 ] || files=("$sample")

for f in "${files[@]}"; do
    name="fuzz-regression $(basename "$f")"
    timeout -k 5 "$LIMIT" $VG "$EGAF" validate -q "$f" >"$OUT" 2>"$ERR"
    STATUS=$?
    if [ "$STATUS" = 124 ] || [ "$STATUS" = 137 ]; then
        fail "$name" "did not finish within ${LIMIT}s"
    elif [ "$STATUS" -ge 128 ]; then
        fail "$name" "killed by signal $((STATUS - 128))"
    elif grep -qE '^==[0-9]+==|runtime error:|AddressSanitizer|LeakSanitizer' "$ERR"; then
        fail "$name" "sanitizer report"
    elif [ "$STATUS" != 1 ] && [ "$STATUS" != 2 ]; then
        fail "$name" "exit $STATUS, expected 1 or 2"
    else
        ok "$name"
    fi
done
