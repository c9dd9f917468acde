#!/usr/bin/env bash
# egaf consolidate --cache: a diagram whose graph did not change is copied
# from the cache, not drawn again; the site is byte-identical to one drawn
# cold; a corrupt or altered entry is drawn again, never published; the
# cache is confined beneath its folder; without --cache the site keeps its
# own .egaf-cache, fed by the --previous site's.
. "$(dirname "$0")/lib.sh"

if [ -n "${VG:-}" ] || grep -q __asan_init "$EGAF" 2>/dev/null; then
    echo "ok diagram cache: skipped under valgrind or a sanitizer (layouts take minutes)"
    exit 0
fi

M="$T/models"
C="$T/cache"
mkdir -p "$M"
cp examples/national-2026/bac-ninh.yaml examples/national-2026/nghe-an.yaml \
    examples/national-2026/bo-y-te.yaml "$M/"

# same_site NAME A B: the two sites hold the same files, byte for byte
# (the site's own .egaf-cache aside).
same_site() {
    if diff -r -x .egaf-cache "$2" "$3" >"$T/diff" 2>&1; then ok "$1"; else
        fail "$1" "the sites differ"
        head -20 "$T/diff"
    fi
}
entries() { find "$1" -type f -name '*.svg' | wc -l; }

# ---- cold, then warm --------------------------------------------------------------
run consolidate --year 2026 --cache "$C" -o "$T/first" "$M"
expect_status "cold run with a cache: exit 0" 0
expect_grep "cold run: every diagram drawn" \
    "^egaf: diagrams: 33 drawn, 0 copied from the cache '$C'$" "$ERR"
check "cold run: one entry per diagram" test "$(entries "$C")" = 33

run consolidate --year 2026 --cache "$C" -o "$T/again" "$M"
expect_grep "nothing changed: nothing drawn" \
    "^egaf: diagrams: 0 drawn, 33 copied from the cache '$C'$" "$ERR"
same_site "nothing changed: the same site" "$T/first" "$T/again"

# ---- one model changed: only its changed diagrams are drawn -------------------
sed -i 's/name: Trung tâm dữ liệu tỉnh Nghệ An$/name: Trung tâm dữ liệu tỉnh Nghệ An (mới)/' "$M/nghe-an.yaml"
check "the model was changed" grep -q "Nghệ An (mới)" "$M/nghe-an.yaml"
run consolidate --year 2026 --cache "$C" -o "$T/warm" "$M"
expect_grep "one model changed: only its 3 changed diagrams drawn" \
    "^egaf: diagrams: 3 drawn, 30 copied from the cache '$C'$" "$ERR"
check "the new data centre name is in nghe-an's diagrams" \
    grep -q "Nghệ An (mới)" "$T/warm/img/a-nghe-an-technology.svg"
egaf consolidate --year 2026 -o "$T/cold" "$M" >/dev/null 2>&1
same_site "one model changed: byte-identical to a cold run" "$T/warm" "$T/cold"

# ---- a corrupt or altered entry is drawn again --------------------------------
entry=$(grep -rl "Nghệ An (mới)" "$C" | sort | head -1)
sed -i 's/Nghệ An (mới)/Nghệ An (SAI)/' "$entry"
check "the entry was altered" grep -q "Nghệ An (SAI)" "$entry"
run consolidate --year 2026 --cache "$C" -o "$T/after-corrupt" "$M"
expect_grep "an altered entry is drawn again" \
    "^egaf: diagrams: 1 drawn, 32 copied from the cache '$C'$" "$ERR"
check "the altered drawing is not published" \
    sh -c "! grep -rq 'Nghệ An (SAI)' '$T/after-corrupt'"
same_site "after an altered entry: byte-identical to a cold run" "$T/after-corrupt" "$T/cold"
check "the altered entry was replaced" sh -c "! grep -q 'Nghệ An (SAI)' '$entry'"
printf 'not an entry' >"$entry"
run consolidate --year 2026 --cache "$C" -o "$T/after-garbage" "$M"
expect_grep "a malformed entry is drawn again" \
    "^egaf: diagrams: 1 drawn, 32 copied from the cache '$C'$" "$ERR"
same_site "after a malformed entry: byte-identical to a cold run" "$T/after-garbage" "$T/cold"

# ---- confined: a link in the cache is never followed --------------------------
sub=$(dirname "$entry")
mkdir -p "$T/outside"
cp -a "$sub/." "$T/outside/"
rm -rf "$sub"
ln -s "$T/outside" "$sub"
before=$(find "$T/outside" -type f | sort | xargs sha256sum)
run consolidate --year 2026 --cache "$C" -o "$T/linked" "$M"
expect_status "a cache with a link in it: exit 0" 0
expect_no_grep "entries behind a link are not read" " 0 drawn" "$ERR"
check "nothing written through the link" \
    test "$(find "$T/outside" -type f | sort | xargs sha256sum)" = "$before"
same_site "a cache with a link: byte-identical to a cold run" "$T/linked" "$T/cold"

# ---- the default: the site's own cache, fed by the previous site --------------
check "a run without --cache keeps the site's diagrams in .egaf-cache" \
    test "$(entries "$T/cold/.egaf-cache")" = 33
sed -i 's/Nghệ An (mới)/Nghệ An (2027)/' "$M/nghe-an.yaml"
run consolidate --year 2026 --previous "$T/cold" -o "$T/next" "$M"
expect_status "--previous SITE with its cache: exit 0" 0
check "the next site's cache holds exactly its own diagrams" \
    test "$(entries "$T/next/.egaf-cache")" = 33
check "… of them 30 were the previous site's entries" \
    test "$(comm -12 <(cd "$T/cold/.egaf-cache" && find . -type f | sort) \
        <(cd "$T/next/.egaf-cache" && find . -type f | sort) | wc -l)" = 30
egaf consolidate --year 2026 --previous "$T/cold" --cache "$T/nocache" -o "$T/next-cold" "$M" \
    >/dev/null 2>&1
same_site "--previous SITE: byte-identical to a run without the previous cache" \
    "$T/next" "$T/next-cold"
rm -rf "$T"
