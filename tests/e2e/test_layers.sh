#!/usr/bin/env bash
# The layers point one way (README, "Layers"): tools/check-layers.sh passes
# on the tree and fails on a copy where a lower layer includes a higher one.
. "$(dirname "$0")/lib.sh"

LAYERS="base model refs validator report lsp diff render export import document site cli"

if bash tools/check-layers.sh . >"$OUT" 2>"$ERR"; then ok tree-points-one-way; else
    STATUS=$?; fail tree-points-one-way "an include points up"; fi

# the check must see an upward include: copy the tree and break it twice
for d in $LAYERS; do cp -r "$d" "$T/"; done
sed -i '1i #include "validator/check.h"' "$T/base/diag.h"
sed -i '1i #include "render/render.h"' "$T/model/format.c"
bash tools/check-layers.sh "$T" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status upward-include-fails 1
expect_grep upward-include-base 'base/diag.h:1: base includes "validator/check.h" from the higher layer validator'
expect_grep upward-include-model 'model/format.c:1: model includes "render/render.h" from the higher layer render'

# library code never includes the command line
for d in $LAYERS; do rm -rf "${T:?}/$d"; cp -r "$d" "$T/"; done
sed -i '1i #include "cli/cli.h"' "$T/site/site.c"
bash tools/check-layers.sh "$T" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status cli-include-fails 1
expect_grep cli-include-named 'site/site.c:1: site includes "cli/cli.h" from the higher layer cli'

# every library folder the Makefile builds is a layer the check knows
mk=$(sed -n 's/^LAYERS := //p' Makefile)
if [ "$mk cli" = "$LAYERS" ] && [ "$(sed -n 's/^LAYERS="\(.*\)"$/\1/p' tools/check-layers.sh)" = "$LAYERS" ]; then
    ok layers-same-in-makefile-and-check
else
    fail layers-same-in-makefile-and-check "Makefile has '$mk', the check has another list"
fi
