/* fuzz_lsp.c - libFuzzer target: `egaf lsp`'s input stream. The input is
 * the bytes an editor would write to the server's standard input: framed
 * JSON-RPC messages (headers, then bodies), or anything else. They are fed
 * to a new server in pieces of varying size (the first byte chooses the
 * piece size, so messages split across reads are reached), changed
 * documents are checked after each piece, as the debounce would, and once
 * at the end.
 *
 * Checked: every message the server writes is one valid JSON object with
 * "jsonrpc": "2.0" (a response with an id or null id, or a notification);
 * no crash, leak or undefined behaviour (the sanitizers). The reference
 * models are loaded once, as fuzz_validate.c does. */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/setup.h"
#include "lsp/server.h"
#include "refs/refs.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static egaf_refs *refs;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    refs = load_refs_or_exit("fuzz_lsp");
    return 0;
}

/* Every outgoing message must be a JSON-RPC 2.0 object. */
static int check_sent(void *ctx, const char *json, size_t len)
{
    (void)ctx;
    json_error_t err;
    json_t *msg = json_loadb(json, len, 0, &err);
    const char *version = json_string_value(json_object_get(msg, "jsonrpc"));
    if (!msg || !json_is_object(msg) || !version || strcmp(version, "2.0") != 0) {
        fprintf(stderr, "fuzz_lsp: the server wrote an invalid message: %.*s\n", (int)len, json);
        abort();
    }
    bool response = json_object_get(msg, "result") || json_object_get(msg, "error");
    bool notification = json_is_string(json_object_get(msg, "method"));
    if (response == notification) {
        fprintf(stderr, "fuzz_lsp: neither a response nor a notification: %.*s\n", (int)len,
                json);
        abort();
    }
    json_decref(msg);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t piece = 1 + data[0] % 64 * 97; /* 1 to 6112 bytes */
    data++;
    size--;
    egaf_lsp_callbacks cb = {check_sent, NULL, NULL};
    egaf_lsp *server = egaf_lsp_create(refs, &cb);
    if (!server)
        return 0;
    for (size_t at = 0; at < size; at += piece) {
        size_t n = size - at < piece ? size - at : piece;
        egaf_lsp_feed(server, (const char *)data + at, n);
        if (egaf_lsp_pending(server))
            egaf_lsp_flush(server);
    }
    egaf_lsp_flush(server);
    egaf_lsp_free(server);
    return 0;
}
