#!/usr/bin/env bash
# egaf lsp: a scripted editor (tests/lsp/lsp.test.js, vscode-jsonrpc from
# npm) opens a model with three seeded mistakes and gets exactly validate's
# findings as diagnostics, applies a quick fix, asks for completion, hover
# and definition (across includes), inserts a missing required component
# from egaf init's template, starts the editors' set-ups, then sends malformed
# JSON-RPC; shutdown and exit are clean.
. "$(dirname "$0")/lib.sh"

if [ ! -d tests/lsp/node_modules/vscode-jsonrpc ]; then
    echo "test_lsp: installing vscode-jsonrpc (npm ci in tests/lsp)"
    if ! (cd tests/lsp && npm ci --no-audit --no-fund --loglevel=error) >"$ERR" 2>&1; then
        fail lsp-client-installed "npm ci in tests/lsp failed (make deps installs node and npm)"
        exit 0
    fi
fi

# under valgrind the server runs through a wrapper, with more patience
bin="$EGAF"
scale=1
if [ -n "$VG" ]; then
    printf '#!/bin/sh\nexec %s %s "$@"\n' "$VG" "$EGAF" >"$T/egaf-vg"
    chmod +x "$T/egaf-vg"
    bin="$T/egaf-vg"
    scale=20
fi
EGAF="$bin" T="$T" LSP_TIMEOUT_SCALE=$scale node tests/lsp/lsp.test.js
