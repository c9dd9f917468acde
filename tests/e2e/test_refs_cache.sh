#!/usr/bin/env bash
# The reference models' compiled cache (refs/refs_cache.h): make writes it
# beside build/egaf; validating every example and fixture gives the same
# bytes and status with it as without it; a cache whose YAML was edited
# since (stale) or that is damaged (truncated, a byte changed) is not used,
# and the edit is what the run sees. An installed reference folder holds
# its own cache (test_install). (tests/unit/test_refs_cache.c checks the
# trees node for node and every truncation.)
. "$(dirname "$0")/lib.sh"

built=$(dirname "$EGAF")
check "make writes the cache beside egaf" test -s "$built/egaf-refs.cache"

# two copies of egaf, the same but for the cache beside one of them; no
# message catalogue beside either, so both speak English
mkdir -p "$T/with" "$T/without"
cp "$EGAF" "$T/with/egaf"
cp "$built/egaf-refs.cache" "$T/with/"
cp "$EGAF" "$T/without/egaf"

# same NAME REFS ARGS...: egaf ARGS with and without the cache, refs REFS
same() {
    local name=$1 refs=$2
    shift 2
    EGAF_REFS=$refs "$T/with/egaf" "$@" >"$T/w.out" 2>"$T/w.err"
    local sw=$?
    EGAF_REFS=$refs "$T/without/egaf" "$@" >"$T/n.out" 2>"$T/n.err"
    local sn=$?
    if [ "$sw" != "$sn" ]; then
        fail "$name" "exit $sw with the cache, $sn without"
    elif ! cmp -s "$T/w.out" "$T/n.out" || ! cmp -s "$T/w.err" "$T/n.err"; then
        fail "$name" "output differs with the cache"
        diff "$T/n.out" "$T/w.out" | head -20
    else
        ok "$name"
    fi
    STATUS=$sw
    cp "$T/w.out" "$OUT"
}

refs=$PWD/reference-models
n=0
for f in $(find examples tests/fixtures -name '*.yaml' | sort); do
    same "validate $f: same with the cache" "$refs" validate --format json "$f"
    n=$((n + 1))
done
[ "$n" -gt 50 ] && ok "validated $n models" || fail "validated $n models" "expected more than 50"
same "validate every example at once: same text with the cache" "$refs" validate \
    examples/national-2020 examples/national-2026
same "refs list: same with the cache" "$refs" refs list

# the cache is used: strace shows it read (when strace is installed)
if command -v strace >/dev/null; then
    EGAF_REFS=$refs strace -e trace=openat -o "$T/trace" "$T/with/egaf" validate \
        examples/national-2020/lang-son.yaml >/dev/null 2>&1
    expect_grep "egaf reads the cache beside it" "$T/with/egaf-refs.cache\", O_RDONLY" "$T/trace"
fi

# a reference folder of its own, with its own cache (as installed): edit one
# YAML file after the cache was made and the edit is what egaf sees
D=$T/refs
cp -R reference-models "$D"
"$built/tools/refs-cache" "$D" "$D/egaf-refs.cache" >/dev/null
check "refs-cache writes a folder's cache" test -s "$D/egaf-refs.cache"
M=examples/national-2020/lang-son.yaml
same "a folder's own cache: same" "$D" validate "$M"
expect_status "validate with the folder's cache exits 0" 0
# rename the province's agency (lang-son) everywhere in agencies.yaml
sed -i 's/^\(  - id: \)lang-son$/\1lang-son-renamed/' "$D/agencies.yaml"
grep -q 'lang-son-renamed' "$D/agencies.yaml" || fail "test setup" "the agency was not renamed"
same "stale cache (agencies.yaml edited): same as without the cache" "$D" validate "$M"
if [ "$STATUS" = 0 ]; then
    fail "stale cache: the edit is seen" "validate still exits 0 with lang-son renamed"
else
    ok "stale cache: the edit is seen (exit $STATUS)"
fi
cp reference-models/agencies.yaml "$D/agencies.yaml"

# damaged caches: truncated, a byte changed, empty, a folder: never used
good=$T/good.cache
cp "$D/egaf-refs.cache" "$good"
size=$(stat -c %s "$good")
for cut in 7 100 $((size / 2)) $((size - 1)); do
    head -c "$cut" "$good" >"$D/egaf-refs.cache"
    same "cache truncated to $cut bytes: same as without" "$D" validate "$M"
done
for at in 9 60 $((size / 3)) $((size - 2)); do
    cp "$good" "$D/egaf-refs.cache"
    printf '\x5a' | dd of="$D/egaf-refs.cache" bs=1 seek="$at" conv=notrunc 2>/dev/null
    cmp -s "$good" "$D/egaf-refs.cache" && printf '\x5b' |
        dd of="$D/egaf-refs.cache" bs=1 seek="$at" conv=notrunc 2>/dev/null
    same "cache with byte $at changed: same as without" "$D" validate "$M"
    expect_status "cache with byte $at changed: exit 0" 0
done
: >"$D/egaf-refs.cache"
same "empty cache: same as without" "$D" validate "$M"
rm -f "$D/egaf-refs.cache"
mkdir "$D/egaf-refs.cache"
same "a folder named like the cache: same as without" "$D" validate "$M"
expect_status "a folder named like the cache: exit 0" 0

# nothing writes a cache at run time
rmdir "$D/egaf-refs.cache"
EGAF_REFS=$D "$T/without/egaf" validate "$M" >/dev/null 2>&1
check "validate writes no cache" test ! -e "$D/egaf-refs.cache" -a ! -e "$T/without/egaf-refs.cache"
