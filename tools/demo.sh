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
echo "== egaf validate examples/broken (each finding is deliberate)"
if [ -d examples/broken ]; then
    "$EGAF" validate -q examples/broken | tail -n 5
fi
exit $status
