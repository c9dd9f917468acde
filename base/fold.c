/* fold.c - Vietnamese diacritics and case folding for name comparison. */
#include "base/fold.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

/* Latin-1 Supplement U+00C0..U+00FF: the base letter, or 0 to keep. */
static const char latin1[64] = {
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', /* C0 */
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   0,   /* D0 */
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', /* E0 */
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y', /* F0 */
};

/* The ASCII letter a Vietnamese letter folds to, 1 for a combining mark
 * (dropped), or 0 when the character is kept as it is. */
static int base_of(unsigned long cp)
{
    if (cp >= 0xc0 && cp <= 0xff)
        return latin1[cp - 0xc0];
    switch (cp) {
    case 0x102: case 0x103: return 'a'; /* Ă ă */
    case 0x110: case 0x111: return 'd'; /* Đ đ */
    case 0x128: case 0x129: return 'i'; /* Ĩ ĩ */
    case 0x168: case 0x169: return 'u'; /* Ũ ũ */
    case 0x1a0: case 0x1a1: return 'o'; /* Ơ ơ */
    case 0x1af: case 0x1b0: return 'u'; /* Ư ư */
    default: break;
    }
    if (cp >= 0x300 && cp <= 0x36f)
        return 1; /* combining diacritical marks */
    if (cp >= 0x1ea0 && cp <= 0x1eb7) return 'a'; /* Ạ … ặ */
    if (cp >= 0x1eb8 && cp <= 0x1ec7) return 'e'; /* Ẹ … ệ */
    if (cp >= 0x1ec8 && cp <= 0x1ecb) return 'i'; /* Ỉ … ị */
    if (cp >= 0x1ecc && cp <= 0x1ee3) return 'o'; /* Ọ … ợ */
    if (cp >= 0x1ee4 && cp <= 0x1ef1) return 'u'; /* Ụ … ự */
    if (cp >= 0x1ef2 && cp <= 0x1ef9) return 'y'; /* Ỳ … ỹ */
    return 0;
}

static bool is_space(unsigned long cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xa0 || cp == 0x202f || (cp >= 0x2000 && cp <= 0x200b) || cp == 0x3000;
}

size_t egaf_fold(const char *s, char *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (*p) {
        int32_t c = *p;
        size_t len = *p < 0x80 ? 1
                               : egaf_utf8_decode((const char *)p, strnlen((const char *)p, 4), &c);
        /* invalid bytes one by one as themselves: folding stays total (the
         * loader already refuses files that are not UTF-8) */
        unsigned long cp = len ? (unsigned long)c : *p;
        if (len == 0)
            len = 1;
        if (is_space(cp)) {
            /* dropped */
        } else if (cp < 0x80) {
            out[n++] = (char)(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
        } else {
            int b = base_of(cp);
            if (b > 1)
                out[n++] = (char)b;
            else if (b == 0) {
                memcpy(out + n, p, len);
                n += len;
            }
        }
        p += len;
    }
    out[n] = '\0';
    return n;
}

size_t egaf_fold_id(const char *s, char *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    bool gap = false; /* a separator is owed before the next letter */
    while (*p) {
        int32_t c;
        size_t len = egaf_utf8_decode((const char *)p, strnlen((const char *)p, 4), &c);
        unsigned long cp = len ? (unsigned long)c : *p;
        if (len == 0)
            len = 1;
        int letter = cp < 0x80 ? (int)cp : base_of(cp);
        if (letter >= 'A' && letter <= 'Z')
            letter = letter - 'A' + 'a';
        if (letter == 1) {
            /* a combining mark: dropped with its letter's diacritics */
        } else if ((letter >= 'a' && letter <= 'z') || (letter >= '0' && letter <= '9')) {
            if (gap && n > 0)
                out[n++] = '-';
            gap = false;
            out[n++] = (char)letter;
        } else {
            gap = true;
        }
        p += len;
    }
    out[n] = '\0';
    return n;
}

char *egaf_fold_arena(egaf_arena *arena, const char *s)
{
    char *out = egaf_arena_alloc(arena, strlen(s) + 1);
    if (out)
        egaf_fold(s, out);
    return out;
}

bool egaf_fold_equal(const char *a, const char *b)
{
    char sa[256], sb[256];
    size_t la = strlen(a), lb = strlen(b);
    char *fa = la < sizeof sa ? sa : malloc(la + 1);
    char *fb = lb < sizeof sb ? sb : malloc(lb + 1);
    bool eq = false;
    if (fa && fb) {
        egaf_fold(a, fa);
        egaf_fold(b, fb);
        eq = strcmp(fa, fb) == 0;
    }
    if (fa != sa)
        free(fa);
    if (fb != sb)
        free(fb);
    return eq;
}
