#!/usr/bin/env bash
# make demo: the main job on the bundled example national architecture.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
EGAF="$BUILD/egaf"
out="$BUILD/demo"
mkdir -p "$out"
status=0
for edition in examples/national-2020 examples/national-2026; do
    [ -d "$edition" ] || continue
    echo "== egaf validate $edition"
    "$EGAF" validate "$edition" || status=1
done
# every view of every example model, as SVG: build/demo/<edition>/<arch>-<view>.svg
for edition in examples/national-2020 examples/national-2026; do
    [ -d "$edition" ] || continue
    ed=$(basename "$edition")
    mkdir -p "$out/$ed"
    echo "== egaf render $edition -> $out/$ed"
    n=0
    for model in "$edition"/*.yaml; do
        arch=$(basename "$model" .yaml)
        for view in overview integration data technology security; do
            if "$EGAF" render --view "$view" -o "$out/$ed/$arch-$view.svg" "$model" 2>/dev/null; then
                n=$((n + 1))
            else
                echo "egaf render --view $view $model failed" >&2
                status=1
            fi
        done
    done
    echo "$n diagrams"
done
echo "== egaf validate examples/broken (each finding is deliberate)"
if [ -d examples/broken ]; then
    "$EGAF" validate -q examples/broken | tail -n 5
fi
# the national site: the 2026 edition, with what changed since 2020. --lang vi:
# the findings on the site are written in the language of messages, which
# would otherwise follow this shell's LANG (C on a fresh machine).
echo "== egaf consolidate --lang vi examples/national-2026 --previous examples/national-2020 -> $out/site"
"$EGAF" consolidate -q --lang vi --year 2026 --previous examples/national-2020 -o "$out/site" \
    examples/national-2026 >/dev/null
rc=$?
if [ "$rc" -gt 1 ]; then
    echo "egaf consolidate failed (exit $rc)" >&2
    status=1
else
    echo "site: $(cd "$out/site" && pwd)/index.html"
fi
exit $status
