/* rpc.c - finding one JSON-RPC message in a byte buffer (rpc.h). */
#include "lsp/rpc.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* The end of the header part ("\r\n\r\n"; a lone "\n\n" is accepted too,
 * as some clients write it): the offset just past it, or 0. */
static size_t header_end(const char *data, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        if (data[i] == '\n' && data[i + 1] == '\n')
            return i + 2;
        if (i + 3 < len && data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' &&
            data[i + 3] == '\n')
            return i + 4;
    }
    return 0;
}

/* Parses "Content-Length: N" among the header lines of data[0, len).
 * Returns false when it is missing, repeated with another value, not a
 * number or does not fit. */
static bool content_length(const char *data, size_t len, size_t *out)
{
    static const char name[] = "content-length:";
    bool found = false;
    size_t value = 0;
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && data[end] != '\n')
            end++;
        size_t line_len = end - i;
        if (line_len && data[i + line_len - 1] == '\r')
            line_len--;
        if (line_len > sizeof name - 1 && strncasecmp(data + i, name, sizeof name - 1) == 0) {
            size_t j = i + sizeof name - 1;
            size_t stop = i + line_len;
            while (j < stop && (data[j] == ' ' || data[j] == '\t'))
                j++;
            if (j == stop)
                return false;
            size_t n = 0;
            for (; j < stop && data[j] >= '0' && data[j] <= '9'; j++) {
                if (n > (((size_t)-1) - 9) / 10)
                    return false;
                n = n * 10 + (size_t)(data[j] - '0');
            }
            while (j < stop && (data[j] == ' ' || data[j] == '\t'))
                j++;
            if (j != stop || (found && n != value))
                return false;
            found = true;
            value = n;
        }
        i = end + 1;
    }
    *out = value;
    return found;
}

egaf_rpc_status egaf_rpc_frame_next(const char *data, size_t len, size_t max_body,
                                    egaf_rpc_frame *frame)
{
    memset(frame, 0, sizeof(*frame));
    size_t scan = len < EGAF_RPC_MAX_HEADER ? len : EGAF_RPC_MAX_HEADER;
    size_t end = header_end(data, scan);
    if (end == 0) {
        if (len < EGAF_RPC_MAX_HEADER)
            return EGAF_RPC_NEED_MORE;
        frame->header_len = len; /* no header end within the limit: drop it all */
        return EGAF_RPC_BAD_HEADER;
    }
    frame->header_len = end;
    frame->body_off = end;
    size_t n;
    if (!content_length(data, end, &n))
        return EGAF_RPC_BAD_HEADER;
    frame->body_len = n;
    if (n > max_body)
        return EGAF_RPC_TOO_LARGE;
    if (len - end < n)
        return EGAF_RPC_NEED_MORE;
    return EGAF_RPC_MESSAGE;
}
