/* server.h - the Language Server Protocol server of `egaf lsp`: the open
 * documents, egaf's findings on them as diagnostics, quick fixes,
 * completion, hover and go-to-definition.
 *
 * The server reads no stream and writes none: the caller (cli/cmd_lsp.c)
 * frames the bytes (rpc.h), hands each message body to egaf_lsp_handle(),
 * and writes what the send callback gives it. Validation is deferred:
 * a change marks its document, and egaf_lsp_flush() checks the marked ones,
 * so a burst of keystrokes costs one run (the caller flushes when no input
 * is waiting: the debounce).
 *
 * Ownership: egaf_lsp_create() / egaf_lsp_free(); refs must outlive the
 * server. */
#ifndef EGAF_LSP_SERVER_H
#define EGAF_LSP_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "refs/refs.h"

/* Gets one outgoing message body (JSON, not NUL-terminated). Returns 0, or
 * -1 when it could not be written (the server then stops). */
typedef int (*egaf_lsp_send_fn)(void *ctx, const char *json, size_t len);
/* Called with the client's locale ("vi", "vi-VN", "en-US", ...) from
 * initialize: the caller switches the language of messages. */
typedef void (*egaf_lsp_locale_fn)(void *ctx, const char *locale);

typedef struct egaf_lsp_callbacks {
    egaf_lsp_send_fn send;
    egaf_lsp_locale_fn locale; /* or NULL */
    void *ctx;
} egaf_lsp_callbacks;

typedef struct egaf_lsp egaf_lsp;

/* The largest message body the server takes (larger ones are refused with
 * an error response, and their bytes skipped). */
#define EGAF_LSP_MAX_MESSAGE (16u << 20)

egaf_lsp *egaf_lsp_create(const egaf_refs *refs, const egaf_lsp_callbacks *callbacks);
void egaf_lsp_free(egaf_lsp *server);

/* Takes n more bytes of the input stream: frames them (rpc.h) and handles
 * each whole message; a message above EGAF_LSP_MAX_MESSAGE or with a broken
 * header is answered with an error and its bytes dropped. Bytes after
 * `exit` are ignored. */
void egaf_lsp_feed(egaf_lsp *server, const char *data, size_t n);
/* Handles one message body. Malformed JSON, a message that is not a
 * request or notification, an unknown method: an error response (for
 * requests) as the protocol says; never a crash. */
void egaf_lsp_handle(egaf_lsp *server, const char *body, size_t len);
/* Answers a message the framing refused (too large, broken header). */
void egaf_lsp_reject(egaf_lsp *server, const char *why);
/* True when a document changed since the last flush. */
bool egaf_lsp_pending(const egaf_lsp *server);
/* Checks every changed document and publishes its diagnostics. */
void egaf_lsp_flush(egaf_lsp *server);
/* True once `exit` was received; *code is the process's exit status (0 when
 * `shutdown` came first, 1 otherwise). */
bool egaf_lsp_exited(const egaf_lsp *server, int *code);
/* True when a send failed: the client is gone. */
bool egaf_lsp_broken(const egaf_lsp *server);

#endif
