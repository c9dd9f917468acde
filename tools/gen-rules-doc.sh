#!/bin/sh
# gen-rules-doc.sh - regenerates docs/rules.md from the rule catalogue
# (base/rules.c), as `egaf rules --format markdown` prints it.
#
#   tools/gen-rules-doc.sh [EGAF]
#
# EGAF is the egaf binary to run (default: $EGAF, else build/egaf; build it
# first with `make`). Run it after adding or changing a rule; the test
# tests/e2e/test_rules.sh fails while docs/rules.md differs.
set -eu
cd "$(dirname "$0")/.."
egaf=${1:-${EGAF:-build/egaf}}
if [ ! -x "$egaf" ]; then
    echo "gen-rules-doc.sh: no egaf binary at '$egaf' (run make first)" >&2
    exit 2
fi
tmp=docs/rules.md.tmp.$$
trap 'rm -f "$tmp"' EXIT
# always English, whatever LANGUAGE or LANG say (docs/i18n.md)
"$egaf" --lang en rules --format markdown >"$tmp"
mv "$tmp" docs/rules.md
echo "wrote docs/rules.md"
