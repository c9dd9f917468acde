#!/usr/bin/env bash
# Checks that the layers point one way: every `#include "DIR/…"` in a
# library or command-line source names its own folder or one before it in
# LAYERS (README, "Layers"). Prints each include that points up and exits 1
# if there is one. Usage: tools/check-layers.sh [ROOT]
set -u
root=${1:-.}
LAYERS="base model refs validator report lsp diff render export import document site cli"
rank() { # the position of folder $1 in LAYERS, or nothing
    local i=0 d
    for d in $LAYERS; do
        [ "$d" = "$1" ] && { echo $i; return; }
        i=$((i + 1))
    done
}
status=0
count=0
for dir in $LAYERS; do
    own=$(rank "$dir")
    for f in "$root/$dir"/*.[ch]; do
        [ -e "$f" ] || continue
        while IFS=: read -r line inc; do
            count=$((count + 1))
            target=${inc%%/*}
            if [ "$target" = "$inc" ]; then
                echo "$dir/${f##*/}:$line: includes \"$inc\" without its folder"
                status=1
                continue
            fi
            r=$(rank "$target")
            if [ -z "$r" ]; then
                echo "$dir/${f##*/}:$line: includes \"$inc\" from \"$target\", which is not a layer"
                status=1
            elif [ "$r" -gt "$own" ]; then
                echo "$dir/${f##*/}:$line: $dir includes \"$inc\" from the higher layer $target"
                status=1
            fi
        done < <(grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" |
            sed 's/^\([0-9]*\):[^"]*"\([^"]*\)".*/\1:\2/')
    done
done
[ "$count" -gt 0 ] || { echo "no #include found under $root: wrong folder?"; exit 2; }
exit $status
