#!/usr/bin/env bash
# Browser test of the national site (run by CI through .ci/run; not by
# tests/run.sh). Installs Debian's chromium when /usr/bin/chromium is missing
# (as root, with apt-get) and playwright-core with `npm ci` in tests/browser,
# writes a site from examples/national-2026 (with --previous
# examples/national-2020) plus one model whose element is named
# <img src=x onerror=alert(1)>, then runs site.test.js on it. Screenshots go
# to $BUILD/site-index.png, $BUILD/site-agency.png and the national overview at
# 1280 and 390 px wide, $BUILD/site-overview-1280.png and site-overview-390.png.
set -u
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
HOSTILE='<img src=x onerror=alert(1)>'

if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "browser test: installing the Debian package chromium with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null || {
            echo "FAIL browser test: apt-get install chromium failed"; exit 1; }
        echo "browser test: installed $(/usr/bin/chromium --version 2>/dev/null)"
    else
        echo "FAIL browser test: /usr/bin/chromium is missing; as root: apt-get install chromium"
        exit 1
    fi
fi
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ]; then
    echo "browser test: installing playwright-core and axe-core (npm ci in tests/browser)"
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) || {
        echo "FAIL browser test: npm ci failed"; exit 1; }
fi
make --no-print-directory BUILD="$BUILD" all >/dev/null || { echo "FAIL browser test: build failed"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/egaf-browser.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/extra" "$BUILD/browser"
"$BUILD/egaf" init --agency 000.00.00.G01 --year 2026 -o "$work/extra/hostile.yaml" >/dev/null ||
    { echo "FAIL browser test: egaf init failed"; exit 1; }
sed -i "/- id: bao-cao\$/{n;s|name: .*|name: \"$HOSTILE\"|}" "$work/extra/hostile.yaml"
grep -qF "$HOSTILE" "$work/extra/hostile.yaml" || { echo "FAIL browser test: no hostile name in the model"; exit 1; }
site="$BUILD/browser/site"
EGAF_REFS="$PWD/reference-models" "$BUILD/egaf" consolidate --year 2026 \
    --previous examples/national-2020 -o "$site" examples/national-2026 "$work/extra/hostile.yaml" \
    >"$work/findings.txt"
status=$?
if [ "$status" -gt 1 ]; then
    echo "FAIL browser test: egaf consolidate exited $status"
    tail -5 "$work/findings.txt"
    exit 1
fi
echo "browser test: site in $site ($(ls "$site" | wc -l) entries, consolidate exit $status)"
cd tests/browser && node site.test.js "../../$site" "../../$BUILD" "$HOSTILE"
