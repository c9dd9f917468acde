/* buf.c - growable buffer and context escaping. */
#include "base/buf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

void egaf_buf_init(egaf_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->failed = false;
}

void egaf_buf_free(egaf_buf *b)
{
    free(b->data);
    egaf_buf_init(b);
}

void egaf_buf_reset(egaf_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static bool reserve(egaf_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < b->len + extra + 1) {
        if (ncap > ((size_t)-1) / 2) {
            b->failed = true;
            return false;
        }
        ncap *= 2;
    }
    char *n = realloc(b->data, ncap);
    if (!n) {
        b->failed = true;
        return false;
    }
    b->data = n;
    b->cap = ncap;
    return true;
}

void egaf_buf_add(egaf_buf *b, const char *s, size_t len)
{
    if (!reserve(b, len))
        return;
    if (len)
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void egaf_buf_puts(egaf_buf *b, const char *s)
{
    egaf_buf_add(b, s, strlen(s));
}

void egaf_buf_putc(egaf_buf *b, char c)
{
    egaf_buf_add(b, &c, 1);
}

void egaf_buf_printf(egaf_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Copies the UTF-8 character at s, or writes replacement where s holds no
 * valid one; returns how many bytes of s it stood for (1 to 4). */
static size_t put_utf8_char(egaf_buf *b, const unsigned char *s, const char *replacement)
{
    int32_t cp;
    size_t n = egaf_utf8_decode_str((const char *)s, &cp);
    if (n == 0) {
        egaf_buf_puts(b, replacement);
        return 1;
    }
    egaf_buf_add(b, (const char *)s, n);
    return n;
}

void egaf_buf_json_string(egaf_buf *b, const char *s)
{
    /* '<' as \u003c so JSON embedded in HTML cannot close a script */
    static const char *const escapes[0x80] = {['"'] = "\\\"", ['\\'] = "\\\\", ['\n'] = "\\n",
                                              ['\r'] = "\\r", ['\t'] = "\\t", ['<'] = "\\u003c"};
    egaf_buf_putc(b, '"');
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned char c = *p;
        if (c < 0x80 && escapes[c]) {
            egaf_buf_puts(b, escapes[c]);
            p++;
        } else if (c < 0x20) {
            egaf_buf_printf(b, "\\u%04x", c);
            p++;
        } else {
            p += put_utf8_char(b, p, "\\ufffd");
        }
    }
    egaf_buf_putc(b, '"');
}

void egaf_buf_json_strings(egaf_buf *b, const char *const *v, size_t n)
{
    egaf_buf_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            egaf_buf_puts(b, ", ");
        egaf_buf_json_string_or_null(b, v[i]);
    }
    egaf_buf_putc(b, ']');
}

void egaf_buf_json_member(egaf_buf *b, const char *text, const char *s)
{
    egaf_buf_puts(b, text);
    egaf_buf_json_string_or_null(b, s);
}

void egaf_buf_one_line(egaf_buf *b, const char *s)
{
    if (!s)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\n' || *p == '\r' || *p == '\t')
            egaf_buf_putc(b, ' ');
        else if (*p >= 0x20 && *p != 0x7f)
            egaf_buf_putc(b, (char)*p);
    }
}

const char *egaf_xml_entity(unsigned char c)
{
    static const char *const entities[0x80] = {['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;",
                                               ['"'] = "&quot;", ['\''] = "&#39;"};
    return c < 0x80 ? entities[c] : NULL;
}

void egaf_buf_xml_text(egaf_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned char c = *p;
        if (c >= 0x80) {
            /* U+FFFE and U+FFFF (EF BF BE, EF BF BF) are no XML 1.0
             * character either: U+FFFD, as for invalid UTF-8 */
            bool non_character = c == 0xEF && (unsigned char)p[1] == 0xBF &&
                                 ((unsigned char)p[2] & 0xFE) == 0xBE;
            if (non_character) {
                egaf_buf_puts(b, "\xEF\xBF\xBD");
                p += 3;
            } else {
                p += put_utf8_char(b, p, "\xEF\xBF\xBD");
            }
            continue;
        }
        /* the other control characters have no place in XML 1.0: dropped */
        const char *entity = egaf_xml_entity(c);
        if (entity)
            egaf_buf_puts(b, entity);
        else if (c == '\t' || c == '\n' || (c >= 0x20 && c != 0x7F))
            egaf_buf_putc(b, (char)c);
        p++;
    }
}

void egaf_buf_control_picture(egaf_buf *b, unsigned char c)
{
    if (c == 0x7F) {
        egaf_buf_puts(b, "\xE2\x90\xA1"); /* U+2421 SYMBOL FOR DELETE */
        return;
    }
    /* CONTROL PICTURES: E2 90 (80 + c) */
    char picture[3] = {'\xE2', '\x90', (char)(0x80 + c)};
    egaf_buf_add(b, picture, 3);
}

int egaf_buf_write(const egaf_buf *b, FILE *f)
{
    if (b->failed)
        return -1;
    if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
        return -1;
    return 0;
}

void egaf_buf_json_string_or_null(egaf_buf *b, const char *s)
{
    if (s)
        egaf_buf_json_string(b, s);
    else
        egaf_buf_puts(b, "null");
}
