/* rpc.h - the framing of JSON-RPC messages on a byte stream, as the
 * Language Server Protocol sends them: header lines ending in CRLF
 * ("Content-Length: N"), an empty line, then N bytes of JSON.
 *
 * Pure functions over a buffer the caller fills: no I/O here, so the reader
 * can be fuzzed and the command line decides how bytes arrive. */
#ifndef EGAF_LSP_RPC_H
#define EGAF_LSP_RPC_H

#include <stddef.h>

/* The largest header part accepted (all header lines together). */
#define EGAF_RPC_MAX_HEADER 4096

typedef enum egaf_rpc_status {
    EGAF_RPC_NEED_MORE,  /* the buffer holds no whole message yet */
    EGAF_RPC_MESSAGE,    /* a whole message: body at body_off, body_len bytes */
    EGAF_RPC_BAD_HEADER, /* headers without a valid Content-Length, or too long */
    EGAF_RPC_TOO_LARGE,  /* Content-Length above the limit: skip body_len bytes */
} egaf_rpc_status;

typedef struct egaf_rpc_frame {
    size_t header_len; /* bytes up to and including the empty line */
    size_t body_off;   /* == header_len */
    size_t body_len;   /* Content-Length */
} egaf_rpc_frame;

/* Looks for one message at the start of data[0, len). On EGAF_RPC_MESSAGE
 * the message is data[0, header_len + body_len). On EGAF_RPC_TOO_LARGE the
 * caller drops header_len bytes, then body_len more as they arrive. On
 * EGAF_RPC_BAD_HEADER the caller drops header_len bytes (the broken header
 * part, or everything when no header end was found within the limit). */
egaf_rpc_status egaf_rpc_frame_next(const char *data, size_t len, size_t max_body,
                                    egaf_rpc_frame *frame);

#endif
