#!/usr/bin/env bash
# Regenerates the renderer's golden DOT files from the fixture model:
#   tests/golden/render/<view>.dot  <-  egaf render --format dot tests/fixtures/render/province.yaml
# Run after an intended change to the views, then review `git diff tests/golden`.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
mkdir -p tests/golden/render
for view in overview integration data technology security; do
    "$BUILD/egaf" render --refs reference-models --view "$view" --format dot \
        -o "tests/golden/render/$view.dot" tests/fixtures/render/province.yaml
    echo "tests/golden/render/$view.dot"
done
"$BUILD/egaf" render --refs reference-models --view overview --format dot --lang en \
    -o tests/golden/render/overview-en.dot tests/fixtures/render/province.yaml
echo "tests/golden/render/overview-en.dot"
