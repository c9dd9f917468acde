/* utf8.h - UTF-8 as a person reads it, on top of utf8proc: decoding, NFC
 * normalisation, columns counted in grapheme clusters (what the eye sees as
 * one character: "ệ" is one column whether typed as one code point or as e
 * with two combining marks) and the names of the invisible or look-alike
 * characters that text pasted from office documents carries. */
#ifndef EGAF_UTF8_H
#define EGAF_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

/* Decodes the character at s, reading at most n bytes. Returns its length in
 * bytes (1..4) and sets *cp; returns 0 for bytes that are not valid UTF-8
 * (then *cp is -1). n must be at least 1. */
size_t egaf_utf8_decode(const char *s, size_t n, int32_t *cp);
/* The same at a NUL-terminated s: a NUL ends any sequence, and nothing past
 * it is read. */
size_t egaf_utf8_decode_str(const char *s, int32_t *cp);

/* A walk along a line that counts code points and grapheme clusters, so a
 * caller that asks for positions in increasing order pays once per line. */
typedef struct egaf_utf8_cursor {
    size_t offset;      /* bytes walked */
    size_t codepoints;  /* code points walked (invalid bytes count one each) */
    uint32_t graphemes; /* grapheme clusters begun in the walked bytes */
    int32_t prev;       /* last code point, -1 at the start */
    int32_t state;      /* utf8proc's grapheme-break state */
} egaf_utf8_cursor;

void egaf_utf8_cursor_init(egaf_utf8_cursor *c);
/* Walks s (n bytes) from c->offset until c->codepoints reaches codepoints or
 * the text ends. */
void egaf_utf8_cursor_to_codepoint(egaf_utf8_cursor *c, const char *s, size_t n,
                                   size_t codepoints);
/* Walks s from c->offset until c->offset reaches offset or the text ends. */
void egaf_utf8_cursor_to_offset(egaf_utf8_cursor *c, const char *s, size_t n, size_t offset);

/* True when the n bytes of s are ASCII: a column is then a byte. */
bool egaf_utf8_is_ascii(const char *s, size_t n);
/* Number of grapheme clusters in the first n bytes of s: the width of the
 * text in characters as a person counts them. */
uint32_t egaf_utf8_count(const char *s, size_t n);
/* Byte offset where the col-th (1-based) grapheme cluster of s (n bytes)
 * starts; n when the text is shorter. For carets under a column. */
size_t egaf_utf8_column_offset(const char *s, size_t n, uint32_t col);

/* True when s (n bytes) is certainly in normal form C without normalising
 * it (every character NFC_Quick_Check=Yes); false when it may not be, or is
 * not valid UTF-8. */
bool egaf_utf8_is_nfc_quick(const char *s, size_t n);
/* s (n bytes of valid UTF-8) in Unicode normal form C, the composed form
 * (what macOS and some web forms write decomposed, "e" + U+0302 + U+0323,
 * becomes the "ệ" every other keyboard types), NUL-terminated, in arena;
 * *out_len gets its length. Returns s itself when it is already NFC (ASCII,
 * composed Vietnamese: no copy, no allocation), and NULL when
 * out of memory or s is not valid UTF-8 (the caller keeps s then). */
const char *egaf_utf8_nfc(egaf_arena *arena, const char *s, size_t n, size_t *out_len);

/* An invisible or look-alike character a reader cannot tell from a space, a
 * hyphen or nothing at all. */
typedef struct egaf_utf8_lookalike {
    int32_t cp;
    const char *name;        /* Unicode name, "NO-BREAK SPACE" */
    const char *replacement; /* what the writer meant: "", " " or "-" */
} egaf_utf8_lookalike;

/* The table entry for cp, or NULL when cp is an ordinary character. */
const egaf_utf8_lookalike *egaf_utf8_lookalike_find(int32_t cp);
/* Byte offset of the first invisible or look-alike character in s (n
 * bytes), or n when there is none; *found gets its table entry. */
size_t egaf_utf8_find_lookalike(const char *s, size_t n, const egaf_utf8_lookalike **found);
/* s with every look-alike character replaced by what the writer meant and
 * the result trimmed of spaces at both ends, in arena (NULL when out of
 * memory). */
char *egaf_utf8_replace_lookalikes(egaf_arena *arena, const char *s, size_t n);

#endif
