#!/usr/bin/env bash
# The national overview as drawn (issue 19): the bundled national
# architecture (examples/national-2026: 3 ministries, 6 provinces)
# consolidated in Vietnamese and English. The SVG has one cluster per level
# and one edge from each cluster into NGSP (the old drawing: one per agency,
# 9), and stays legible at the width of a page: the agencies' 10-unit text is
# at least 8 px when the picture is 1150 px wide, the width of the index's
# figure at a 1280 px window (the old drawing: 5.6 px). The index shows it
# in a frame with pan and zoom buttons labelled in the site's language, and
# zoom.js is beside the pages.
. "$(dirname "$0")/lib.sh"

if [ -n "${VG:-}" ] || grep -q __asan_init "$EGAF" 2>/dev/null; then
    echo "ok overview: skipped under valgrind and sanitizers (Graphviz layout is slow there)"
    exit 0
fi

for lang in vi en; do
    site="$T/site-$lang"
    run --lang "$lang" consolidate -q --year 2026 -o "$site" examples/national-2026
    if [ "$STATUS" -gt 1 ] || [ ! -s "$site/img/national-overview.svg" ]; then
        fail "consolidate --lang $lang draws the overview" "exit $STATUS"
        continue
    fi
    ok "consolidate --lang $lang draws the overview"
done
SVG="$T/site-vi/img/national-overview.svg"
[ -s "$SVG" ] || exit 0

# The clusters, the edges into NGSP (their SVG titles are "tail->head") and
# the text size at 1150 px, read from the SVG.
python3 - "$SVG" >"$T/overview.txt" <<'PY'
import html, re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
clusters = [html.unescape(t) for t in re.findall(
    r'<g id="clust[0-9]+" class="cluster">\s*<title>([^<]*)</title>', svg)]
print("clusters", " ".join(c for c in clusters if c not in ("cluster_legend", "cluster_national")))
edges = [html.unescape(t) for t in re.findall(
    r'<g id="edge[0-9]+" class="edge">\s*<title>([^<]*)</title>', svg)]
print("into ngsp", sum(1 for e in edges if e.endswith("->national:ngsp")))
width = float(re.search(r'viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) ', svg).group(1))
sizes = [float(s) for s in re.findall(r'font-size="([0-9.]+)"', svg)]
node = max(set(sizes), key=sizes.count)  # the agencies' and systems' text
print("px at 1150: %.1f (font %g, width %g)" % (1150 / width * node, node, width))
PY
grep -qx "clusters cluster_ministry cluster_government-agency cluster_province" "$T/overview.txt" &&
    ok "one cluster per level" ||
    fail "one cluster per level" "$(head -1 "$T/overview.txt")"
grep -qx "into ngsp 2" "$T/overview.txt" && ok "one edge from each cluster into NGSP" ||
    fail "one edge from each cluster into NGSP" "$(sed -n 2p "$T/overview.txt")"
px=$(sed -n 's/^px at 1150: \([0-9.]*\).*/\1/p' "$T/overview.txt")
if awk -v px="${px:-0}" 'BEGIN { exit !(px >= 8) }'; then
    ok "legible at page width: $(sed -n 3p "$T/overview.txt")"
else
    fail "legible at page width" "$(sed -n 3p "$T/overview.txt"), expected at least 8 px"
fi
if grep -q 'xlink:href="../a-lang-son.html"' "$SVG" && grep -q 'xlink:href="../n-ngsp.html"' "$SVG"; then
    ok "the overview's boxes link to the agencies' and systems' pages"
else
    fail "the overview's boxes link to the agencies' and systems' pages" "no ../a-lang-son.html or ../n-ngsp.html"
fi

# the index: the figure in its frame, the toolbar hidden until zoom.js shows it
has() { if grep -qF -- "$3" "$2"; then ok "$1"; else fail "$1" "no '$3' in $2"; fi; }
has "index: zoom buttons in Vietnamese" "$T/site-vi/index.html" \
    '<button type="button" data-zoom="in"><span aria-hidden="true">+</span> Phóng to</button>'
has "index: the toolbar hidden without the script" "$T/site-vi/index.html" \
    '<div class="zoom-bar" role="group" aria-label="Phóng to, thu nhỏ sơ đồ" hidden>'
has "index: zoom buttons in English with --lang en" "$T/site-en/index.html" \
    '<button type="button" data-zoom="out"><span aria-hidden="true">&#8722;</span> Zoom out</button>'
has "index: loads zoom.js" "$T/site-vi/index.html" '<script src="zoom.js" defer></script>'
check "zoom.js beside the pages" test -s "$T/site-vi/zoom.js"
has "site.css has the frame's rules" "$T/site-vi/site.css" ".zoom-on .zoom-frame{"
