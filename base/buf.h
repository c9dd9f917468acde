/* buf.h - a growable byte buffer, and escaping for the contexts egaf writes
 * into (JSON, XML/HTML, DOT).
 *
 * Ownership: the buffer's bytes are malloc'd; egaf_buf_free() releases them.
 * On allocation failure the buffer sets its `failed` flag and stops growing;
 * callers check it once at the end. */
#ifndef EGAF_BUF_H
#define EGAF_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct egaf_buf {
    char *data; /* always NUL-terminated when len > 0 or after any append */
    size_t len;
    size_t cap;
    bool failed;
} egaf_buf;

void egaf_buf_init(egaf_buf *b);
void egaf_buf_free(egaf_buf *b);
void egaf_buf_reset(egaf_buf *b);
void egaf_buf_add(egaf_buf *b, const char *s, size_t len);
void egaf_buf_puts(egaf_buf *b, const char *s);
void egaf_buf_putc(egaf_buf *b, char c);
void egaf_buf_printf(egaf_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A JSON string literal, quotes included; invalid UTF-8 becomes U+FFFD. */
void egaf_buf_json_string(egaf_buf *b, const char *s);
/* The same, or null for NULL. */
void egaf_buf_json_string_or_null(egaf_buf *b, const char *s);
/* A JSON array of strings (null for a NULL one). */
void egaf_buf_json_strings(egaf_buf *b, const char *const *v, size_t n);
/* text written as is (the comma and key before a value), then s as a JSON
 * string, or null for NULL: one member of an object. */
void egaf_buf_json_member(egaf_buf *b, const char *text, const char *s);
/* s on one line, for a terminal: line breaks and tabs as spaces, other
 * control characters dropped (model text is not trusted to be printable);
 * nothing for NULL. */
void egaf_buf_one_line(egaf_buf *b, const char *s);
/* Text for XML/HTML element content and attribute values (both quote kinds
 * escaped); control characters other than tab and newline are dropped;
 * invalid UTF-8, U+FFFE and U+FFFF (no XML 1.0 characters) become U+FFFD. */
void egaf_buf_xml_text(egaf_buf *b, const char *s);
/* The XML/HTML entity of & < > " ' ("&amp;", …, "&#39;"), NULL for any other
 * byte: the one spelling every XML, HTML and Markdown writer uses. */
const char *egaf_xml_entity(unsigned char c);
/* The visible picture of control character c (below 0x20, or DEL), for a
 * format that has no escape for it: U+2400 + c, U+2421 for DEL. */
void egaf_buf_control_picture(egaf_buf *b, unsigned char c);
/* Writes the whole buffer to f; returns 0, or -1 on a write error. */
int egaf_buf_write(const egaf_buf *b, FILE *f);

#endif
