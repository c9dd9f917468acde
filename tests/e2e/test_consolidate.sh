#!/usr/bin/env bash
# egaf consolidate: the cross-model findings of the seeded fixtures with both
# positions, the site's pages and data, determinism, safety of the swap
# (a killed run leaves the previous site intact), escaping, make demo.
. "$(dirname "$0")/lib.sh"

FX=tests/fixtures/cross
REFS="$EGAF_REFS"
SITE="$T/site"
# Under valgrind or a sanitizer build, Graphviz layouts take seconds each: the
# examples are then consolidated without diagrams and make demo is left to
# `make check`.
DIAGRAMS=""
SLOW=""
if [ -n "${VG:-}" ] || grep -q __asan_init "$EGAF" 2>/dev/null; then
    DIAGRAMS="--no-diagrams"
    SLOW=1
fi

# ---- cross-model findings, each with this side and the other -------------------
run consolidate --year 2026 --no-diagrams -o "$T/fx-site" "$FX"
expect_status "fixtures: exit 1 (error findings)" 1
# expect_pair NAME RULE POSITION NOTE_POSITION: the finding at POSITION with
# RULE is followed (among its notes) by a note at NOTE_POSITION.
expect_pair() {
    if awk -v pos="$3" -v rule="[$2]" -v note="$4" '
        index($0, pos ": ") == 1 && index($0, rule) { inside = 1; next }
        inside && /^[^ ].*: (error|warning|note): / {
            if (index($0, note ": note: ") == 1) { found = 1; exit }
            if (!index($0, ": note: ")) inside = 0
        }
        END { exit found ? 0 : 1 }' "$OUT"; then
        ok "$1"
    else
        fail "$1" "no $2 at $3 with a note at $4"
        grep -F "[$2]" "$OUT" | head -5
    fi
}
expect_pair "cross.duplicate-agency at the second model, note at the first" \
    cross.duplicate-agency "$FX/lang-son.yaml:7:11" "$FX/lang-son-cu.yaml:7:11"
expect_pair "cross.id-clash at the second id, note at the first" \
    cross.id-clash "$FX/x-son-la.yaml:6:7" "$FX/son-la.yaml:6:7"
expect_pair "cross.unresolved at the reference, note at the closest architecture" \
    cross.unresolved "$FX/lang-son.yaml:129:11" "$FX/son-la.yaml:6:7"
expect_pair "cross.one-sided at A's reference, note at B's element" \
    cross.one-sided "$FX/lang-son.yaml:125:11" "$FX/son-la.yaml:62:7"
expect_pair "cross.owner-missing at the owner's agency, note at the reference entry" \
    cross.owner-missing "$FX/bo-tu-phap.yaml:7:11" "$REFS/national-databases.yaml:101:5"
expect_pair "cross.duplicate-investment at the platform, note at the national system" \
    cross.duplicate-investment "$FX/lang-son.yaml:89:13" "$REFS/shared-systems.yaml:180:5"
expect_pair "cross.duplicate-investment: note at the other agency's duplicate" \
    cross.duplicate-investment "$FX/son-la.yaml:89:13" "$FX/lang-son.yaml:89:13"
expect_pair "cross.shared-candidate at the ARM code, note at the first agency's" \
    cross.shared-candidate "$FX/son-la.yaml:83:12" "$FX/lang-son.yaml:83:12"
expect_grep "cross.coverage: a note per agency without a model, at its reference entry" \
    "^$REFS/agencies.yaml:17:5: note: Bộ Công an \(bo-cong-an, 000.00.00.G01\) has no architecture in the consolidation of 2026 \[cross.coverage\]"
expect_no_grep "cross.coverage never an error" "error: .*\[cross.coverage\]"
expect_no_grep "ref.cross-architecture is replaced by cross.unresolved" "\[ref.cross-architecture\]"
expect_grep "severities as in the catalogue" "lang-son.yaml:125:11: warning: .*\[cross.one-sided\]"
n=$(grep -c "\[cross.coverage\]" "$OUT")
if [ "$n" -ge 50 ]; then ok "cross.coverage: $n agencies of 2026 without a model"; else
    fail "cross.coverage count" "$n notes"; fi

run consolidate --year 2026 --no-diagrams --format json -o "$T/fx-json" "$FX"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); f=[x for x in d["findings"] if x["rule"]=="cross.one-sided"][0]; assert f["related"][0]["line"]==62' "$OUT" 2>/dev/null; then
    ok "--format json: cross findings with their related position"
else fail "--format json" "no cross.one-sided with related line 62"; fi
run consolidate --year 2026 --no-diagrams --format sarif -o "$T/fx-sarif" "$FX"
expect_grep "--format sarif" '"ruleId": "cross.id-clash"'

# ---- the examples: clean, with every page ----------------------------------------
run consolidate --year 2026 $DIAGRAMS --previous examples/national-2020 -o "$SITE" examples/national-2026
expect_status "examples: exit 0" 0
# nine models: 3 ministries and 6 provinces (Cao Bằng the sixth)
expect_grep "examples: findings as validate prints them" "^9 files checked: 0 errors"
files="index.html findings.html changes.html site.css a-lang-son.html a-bo-y-te.html
    a-ho-chi-minh.html n-ngsp.html n-dvcqg.html n-csdl-dan-cu.html data/consolidated.json
    data/agencies.csv data/elements.csv data/connections.csv data/findings.csv .egaf-site"
[ -z "$SLOW" ] && files="$files img/national-overview.svg img/n-dvcqg.svg
    img/a-lang-son-overview.svg img/a-lang-son-security.svg"
for f in $files; do
    check "site has $f" test -s "$SITE/$f"
done
check "every page has the Content-Security-Policy" \
    bash -c "! grep -L \"default-src 'none'; img-src 'self'; style-src 'self'\" $SITE/*.html | grep -q ."
check "no external URL in any page" bash -c "! grep -lE '(src|href)=\"(https?:)?//' $SITE/*.html | grep -q ."
# the scripts of the pages are the site's own: the search (site_search.c) on
# every page and the overview's pan and zoom (site_zoom.c) on the index
scripts_ok() { # DIR: every page's scripts are search.js, and zoom.js on index.html only
    [ "$(grep -ho '<script[^>]*>' "$1"/*.html | sort -u | grep -vxF -e '<script src="search.js" defer>' \
        -e '<script src="zoom.js" defer>')" = "" ] &&
        [ "$(grep -lF '<script src="search.js" defer>' "$1"/*.html | wc -l)" = "$(ls "$1"/*.html | wc -l)" ] &&
        ! grep -lF 'zoom.js' "$1"/*.html | grep -qv '/index.html$'
}
check "no script in any page but the site's search and the overview's zoom" scripts_ok "$SITE"
check "zoom.js is the site's own: nothing loaded from elsewhere, no eval" \
    bash -c "test -s '$SITE/zoom.js' && ! grep -qE 'https?:|//[a-z]|import|eval|innerHTML' '$SITE/zoom.js'"
check "every page has the search box" bash -c "! grep -L 'id=\"tim-kiem\"' $SITE/*.html | grep -q ."
check "consolidated.json is JSON" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$SITE/data/consolidated.json"
check "CSV starts with the UTF-8 BOM" bash -c "head -c3 $SITE/data/elements.csv | od -An -tx1 | grep -q 'ef bb bf'"
check "CSV lines end with CRLF" bash -c "head -2 $SITE/data/agencies.csv | tail -1 | od -c | grep -q '\\\\r  \\\\n'"
expect_grep "changes page lists architectures added and removed" "ho-chi-minh" "$SITE/changes.html"
expect_grep "changes page lists removed architectures" "binh-duong" "$SITE/changes.html"
expect_grep "index has the LGSP coverage table" "LGSP" "$SITE/index.html"
expect_grep "index links every agency page" 'href="a-son-la.html"' "$SITE/index.html"
if [ -z "$SLOW" ]; then
    expect_grep "agency page embeds its diagrams" '<img src="img/a-lang-son-integration.svg"' "$SITE/a-lang-son.html"
fi

# ---- determinism -------------------------------------------------------------------------
run consolidate --year 2026 $DIAGRAMS --previous examples/national-2020 -o "$T/site2" examples/national-2026
if diff -r "$SITE" "$T/site2" >"$T/diff" 2>&1; then ok "same inputs, same bytes (diff -r)"; else
    fail "determinism" "the two sites differ"; head -20 "$T/diff"; fi

# ---- 2020 edition: NQ 17 targets, English labels ---------------------------------------
run consolidate --year 2020 --lang en --no-diagrams -o "$T/site2020" examples/national-2020
expect_status "2020 examples: exit 0" 0
expect_grep "--lang en" '<html lang="en">' "$T/site2020/index.html"
expect_grep "2020: NQ 17 targets measured" "dvc-muc-4" "$T/site2020/index.html"
expect_grep "2020: Bắc Giang has its page" 'href="a-bac-giang.html"' "$T/site2020/index.html"

# ---- escaping ---------------------------------------------------------------------------
mkdir -p "$T/hostile"
egaf init --agency 000.00.00.G01 --year 2026 -o "$T/hostile/m.yaml" >/dev/null
sed -i '/- id: bao-cao$/{n;s|name: .*|name: "<script>alert(1)</script> \&amp; \\"q\\" '"'"'s'"'"'"|}' "$T/hostile/m.yaml"
check "hostile fixture has the name" grep -q "<script>alert(1)</script>" "$T/hostile/m.yaml"
run consolidate --year 2026 $DIAGRAMS -o "$T/hsite" "$T/hostile"
expect_status "hostile model: consolidated" 0
expect_grep "a <script> name is escaped in HTML" "&lt;script&gt;alert\(1\)&lt;/script&gt; &amp;amp; &quot;q&quot; &#39;s&#39;" "$T/hsite/a-bo-cong-an.html"
check "no <script> element in the page but the search and the zoom" scripts_ok "$T/hsite"
check "the name is JSON-escaped in the search index" \
    bash -c "grep -qF '\\u003cscript>alert(1)\\u003c/script>' $T/hsite/search.js && ! grep -q '<script' $T/hsite/search.js"
[ -z "$SLOW" ] && check "the name is escaped in the SVG" bash -c "grep -q '&lt;script&gt;' $T/hsite/img/a-bo-cong-an-overview.svg && ! grep -q '<script' $T/hsite/img/*.svg"

# ---- safety: a failed or killed run leaves the previous site -------------------------
cp -a "$SITE" "$T/before"
mkdir -p "$T/blocker"
touch "$T/blocker/own-file"
run consolidate --year 2026 -o "$T/blocker" examples/national-2026
expect_status "a folder egaf did not write is refused (exit 2)" 2
check "the refused folder is untouched" test -f "$T/blocker/own-file"
run consolidate --year 2026 -o "$T/no/such/parent/site" examples/national-2026
expect_status "missing parent folder: exit 2" 2
run consolidate --year 2026 -o "$SITE" examples/national-2026 tests/fixtures/validate/does-not-exist.yaml
expect_status "unreadable input: exit 2" 2
check "after a failed run the previous site is intact" diff -r "$T/before" "$SITE"
# a run killed midway: a large input set (every example, both editions, with
# every diagram), SIGKILL after 0.2 s
timeout -s KILL 0.2 "$EGAF" consolidate --year 2026 --previous examples/national-2020 \
    -o "$SITE" examples/national-2026 examples/national-2020 >/dev/null 2>&1
STATUS=$?
if [ "$STATUS" = 137 ]; then ok "the run was killed midway"; else
    fail "kill" "exit $STATUS: the run ended before the kill"; fi
check "a killed run leaves the previous site byte-identical" diff -r "$T/before" "$SITE"
run consolidate --year 2026 $DIAGRAMS --previous examples/national-2020 -o "$SITE" examples/national-2026
expect_status "the next run succeeds" 0
check "the next run removes the stale temporary folder" \
    bash -c "! ls -d $SITE.tmp* $SITE.old* 2>/dev/null | grep -q ."
check "and writes the same site" diff -r "$T/before" "$SITE"

# ---- usage ---------------------------------------------------------------------------------
run consolidate -o "$T/x" examples/national-2026
expect_status "--year is required" 2
run consolidate --year 2026 examples/national-2026
expect_status "-o is required" 2
run consolidate --help
expect_status "--help" 0

# ---- make demo -----------------------------------------------------------------------------
[ -n "$SLOW" ] && exit 0
BUILD=$(dirname "${EGAF#$EGAF_ROOT/}")
BUILD=$BUILD bash tools/demo.sh >"$OUT" 2>"$ERR"
STATUS=$?
expect_grep "make demo prints the index path" "^site: .*$BUILD/demo/site/index.html$"
check "and the index exists" test -f "$BUILD/demo/site/index.html"

# --previous may be a site egaf wrote: it keeps its models in data/models
rm -rf "$T/prev-site" "$T/from-site" "$T/from-models"
egaf consolidate -q --year 2020 --no-diagrams -o "$T/prev-site" examples/national-2020 >/dev/null 2>&1
check previous-site-keeps-models test -f "$T/prev-site/data/models/lang-son/lang-son.yaml"
check previous-site-keeps-includes cmp -s "$T/prev-site/data/models/lang-son/lang-son/ung-dung.yaml" examples/national-2020/lang-son/ung-dung.yaml
egaf consolidate -q --year 2026 --no-diagrams --previous "$T/prev-site" -o "$T/from-site" examples/national-2026 >/dev/null 2>&1
STATUS=$?
expect_status previous-site-runs 0
egaf consolidate -q --year 2026 --no-diagrams --previous examples/national-2020 -o "$T/from-models" examples/national-2026 >/dev/null 2>&1
# the same changes whether the previous edition is given as its site or its models
check previous-site-same-changes bash -c "diff <(sed 's|So sánh với .*\\. Kiến trúc:|Kiến trúc:|' '$T/from-site/changes.html') <(sed 's|So sánh với .*\\. Kiến trúc:|Kiến trúc:|' '$T/from-models/changes.html') >/dev/null"
mkdir -p "$T/bare-site" && : >"$T/bare-site/.egaf-site"
egaf consolidate -q --year 2026 --no-diagrams --previous "$T/bare-site" -o "$T/x" examples/national-2026 >"$OUT" 2>"$ERR"
STATUS=$?
expect_status previous-site-without-models-exit-2 2

# .egaf.yaml beside the models applies to consolidate too; --disable wins
rm -rf "$T/cfg26" && cp -r examples/national-2026 "$T/cfg26"
printf 'werror: true\n' >"$T/cfg26/.egaf.yaml"
egaf consolidate -q --year 2026 --no-diagrams -o "$T/cfg-site" "$T/cfg26" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status config-werror-counts-warnings 1
egaf consolidate -q --year 2026 --no-diagrams --disable route.exception --disable cross.owner-missing -o "$T/cfg-site" "$T/cfg26" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status command-line-disable-wins 0
