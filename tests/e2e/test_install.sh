#!/usr/bin/env bash
# make install: PREFIX and DESTDIR; the installed binary finds its reference
# models wherever the tree was moved.
. "$(dirname "$0")/lib.sh"
dest=$T/dest
make --no-print-directory -s install BUILD="$(dirname "$EGAF")" DESTDIR="$dest" PREFIX=/opt/egaf >"$OUT" 2>"$ERR"
STATUS=$?
expect_status install-succeeds 0
check install-binary test -x "$dest/opt/egaf/bin/egaf"
check install-reference-models test -f "$dest/opt/egaf/share/egaf/reference-models/agencies.yaml"
(unset EGAF_REFS; "$dest/opt/egaf/bin/egaf" validate tests/fixtures/validate/mini.yaml) >"$OUT" 2>"$ERR"
STATUS=$?
expect_status installed-binary-finds-its-data 0
