#!/usr/bin/env bash
# egaf without Graphviz (cli/drawing.c): the egaf binary needs none of
# Graphviz, pango, cairo or libzip; the drawing commands (render,
# consolidate, document, export --format archimate) run egaf-draw from
# beside it with the same arguments, so their output, messages and exit
# codes are what egaf-draw gives when run itself; the others never run it;
# an egaf without its egaf-draw says so and exits 2. (test_install checks
# the installed PREFIX/libexec/egaf/egaf-draw.)
. "$(dirname "$0")/lib.sh"

draw=$(dirname "$EGAF")/egaf-draw
check "egaf-draw is built beside egaf" test -x "$draw"

drawing_libs='lib(gvc|cgraph|cdt|pathplan|gvplugin|cairo|pango|zip)'
readelf -d "$EGAF" >"$OUT" 2>"$ERR"
expect_grep "egaf needs libyaml" 'NEEDED.*libyaml'
expect_no_grep "egaf needs no Graphviz, pango, cairo or libzip" "NEEDED.*$drawing_libs"
ldd "$EGAF" >"$OUT" 2>"$ERR"
expect_no_grep "egaf maps no drawing library, even indirectly" "$drawing_libs"
readelf -d "$draw" >"$OUT" 2>"$ERR"
expect_grep "egaf-draw needs Graphviz" 'NEEDED.*libgvc'

M=examples/national-2020/lang-son.yaml
# same_as_draw NAME OUTFILE ARGS...: egaf ARGS and egaf-draw ARGS give the
# same status, stdout, stderr and file OUTFILE (written to $T/a and $T/b)
same_as_draw() {
    local name=$1 file=$2
    shift 2
    local args=("${@//@OUT@/$T/a/$file}")
    mkdir -p "$T/a" "$T/b"
    egaf "${args[@]}" >"$T/a.out" 2>"$T/a.err"
    local sa=$?
    args=("${@//@OUT@/$T/b/$file}")
    "$draw" "${args[@]}" >"$T/b.out" 2>"$T/b.err"
    local sb=$?
    sed -i "s|$T/[ab]/|T/|g" "$T/a.out" "$T/a.err" "$T/b.out" "$T/b.err"
    if [ "$sa" != "$sb" ]; then
        fail "$name" "egaf exits $sa, egaf-draw $sb"
    elif ! cmp -s "$T/a.out" "$T/b.out" || ! cmp -s "$T/a.err" "$T/b.err"; then
        fail "$name" "stdout or stderr differ"
        diff "$T/a.err" "$T/b.err" | head
    elif [ -n "$file" ] && ! cmp -s "$T/a/$file" "$T/b/$file"; then
        fail "$name" "$file differs"
    else
        ok "$name"
    fi
    STATUS=$sa
}

same_as_draw "render svg through egaf" view.svg render --view overview --format svg -o @OUT@ "$M"
expect_status "render exits 0" 0
check "render wrote an SVG" grep -q '<svg' "$T/a/view.svg"
same_as_draw "render dot through egaf" view.dot render --view integration --format dot -o @OUT@ "$M"
same_as_draw "export archimate through egaf" m.xml export --format archimate -o @OUT@ "$M"
expect_status "export archimate exits 0" 0
check "export archimate wrote its diagrams" grep -q 'xsi:type="Diagram"' "$T/a/m.xml"
same_as_draw "document html through egaf" d.html document --format html -o @OUT@ "$M"
expect_status "document exits 0" 0
same_as_draw "consolidate through egaf (findings on stdout, exit 1)" "" \
    consolidate --year 2020 --no-diagrams -o "$T/site" examples/broken/key-typo.yaml
expect_status "consolidate of a broken model exits 1" 1
same_as_draw "render --help through egaf" "" render --help
same_as_draw "a bad option of render: same message, exit 2" "" render --view nope -o x.svg "$M"
expect_status "a bad option of render exits 2" 2
same_as_draw "global --lang vi before a drawing command" "" --lang vi render --bogus
same_as_draw "export csv in egaf itself" "" export --format csv -o - "$M"
same_as_draw "export archimate --no-views in egaf itself" m.xml \
    export --format archimate --no-views -o @OUT@ "$M"
check "export archimate --no-views wrote no diagram" \
    bash -c "grep -q '<relationships>' '$T/a/m.xml' && ! grep -q '<views>' '$T/a/m.xml'"

# an egaf alone in its folder: what does not draw still runs; a drawing
# command says that egaf-draw is missing, exit 2, and writes nothing
mkdir -p "$T/lone"
cp "$EGAF" "$T/lone/egaf"
EGAF_REFS=$PWD/reference-models "$T/lone/egaf" validate "$M" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "egaf without egaf-draw validates" 0
for cmd in "render --view overview -o $T/lone/v.svg $M" "document -o $T/lone/d.docx $M" \
    "export --format archimate -o $T/lone/m.xml $M" \
    "consolidate --year 2020 -o $T/lone/site $M"; do
    # shellcheck disable=SC2086
    EGAF_REFS=$PWD/reference-models "$T/lone/egaf" $cmd >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status "without egaf-draw: ${cmd%% *} exits 2" 2
    expect_grep "without egaf-draw: ${cmd%% *} names what is missing" \
        "^egaf: cannot draw: the drawing program egaf-draw is missing \(looked for $T/lone/egaf-draw and $T/lone/../libexec/egaf/\)" "$ERR"
done
check "without egaf-draw nothing is written" test -z "$(ls "$T/lone" | grep -v '^egaf$')"
# the exchange file without diagrams needs no drawing: egaf writes it
EGAF_REFS=$PWD/reference-models "$T/lone/egaf" export --format archimate --no-views \
    -o "$T/lone-concepts.xml" "$M" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "without egaf-draw: export archimate --no-views exits 0" 0
check "without egaf-draw: export archimate --no-views is what egaf-draw writes" \
    cmp "$T/lone-concepts.xml" "$T/b/m.xml"
# not found through PATH either
PATH="$(dirname "$draw"):$PATH" EGAF_REFS=$PWD/reference-models "$T/lone/egaf" render \
    --view overview -o "$T/lone/v.svg" "$M" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "egaf-draw on PATH is not used" 2
