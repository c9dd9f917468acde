/* utf8.c - decoding, normalisation and grapheme clusters with utf8proc. */
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t egaf_utf8_decode(const char *s, size_t n, int32_t *cp)
{
    if ((unsigned char)s[0] < 0x80) { /* most of a model's text */
        *cp = (unsigned char)s[0];
        return 1;
    }
    utf8proc_int32_t c = -1;
    utf8proc_ssize_t len =
        utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)(n < 4 ? n : 4), &c);
    if (len <= 0 || c < 0) {
        *cp = -1;
        return 0;
    }
    *cp = c;
    return (size_t)len;
}

size_t egaf_utf8_decode_str(const char *s, int32_t *cp)
{
    return egaf_utf8_decode(s, strnlen(s, 4), cp);
}

void egaf_utf8_cursor_init(egaf_utf8_cursor *c)
{
    memset(c, 0, sizeof(*c));
    c->prev = -1;
}

/* Latin letters with or without diacritics (Vietnamese among them) and
 * their punctuation: grapheme-break class Other or Control, so a cluster
 * always begins at one that follows another (UAX #29: GB999). */
static bool plain_latin(int32_t cp)
{
    return cp >= 0 && (cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF));
}

/* One step of the walk: the character at c->offset. Invalid bytes are a
 * character (and a cluster) each, so a position is always defined. */
static void step(egaf_utf8_cursor *c, const char *s, size_t n)
{
    unsigned char b = (unsigned char)s[c->offset];
    if (b < 0x80 && c->prev >= 0 && c->prev < 0x80 && !(c->prev == '\r' && b == '\n')) {
        /* two ASCII characters are two clusters (but CR LF); the state may
         * be reset after a break (utf8proc.h) */
        c->graphemes++;
        c->prev = b;
        c->state = 0;
        c->offset++;
        c->codepoints++;
        return;
    }
    int32_t cp;
    size_t len = egaf_utf8_decode(s + c->offset, n - c->offset, &cp);
    if (len == 0) {
        c->graphemes++;
        c->prev = -1;
        c->state = 0;
        len = 1;
    } else if (c->prev < 0 || (plain_latin(c->prev) && plain_latin(cp) &&
                                !(c->prev == '\r' && cp == '\n'))) {
        c->graphemes++;
        c->prev = cp;
        c->state = 0; /* safe after a break (utf8proc.h) */
    } else {
        if (utf8proc_grapheme_break_stateful(c->prev, cp, &c->state))
            c->graphemes++;
        c->prev = cp;
    }
    c->offset += len;
    c->codepoints++;
}

void egaf_utf8_cursor_to_codepoint(egaf_utf8_cursor *c, const char *s, size_t n,
                                   size_t codepoints)
{
    while (c->codepoints < codepoints && c->offset < n) {
        /* a run of ASCII after ASCII: a cluster per byte, no lookups */
        size_t run = 0, want = codepoints - c->codepoints, left = n - c->offset;
        size_t limit = want < left ? want : left;
        if (c->prev >= 0 && c->prev < 0x80 && c->prev != '\r') {
            const char *t = s + c->offset;
            /* eight bytes at a time while none has its high bit set */
            while (run + 8 <= limit) {
                uint64_t word;
                memcpy(&word, t + run, 8);
                if (word & 0x8080808080808080ull)
                    break;
                run += 8;
            }
            while (run < limit && (unsigned char)t[run] < 0x80)
                run++;
            /* CR LF is one cluster: end the run after a CR */
            const char *cr = run ? memchr(t, '\r', run) : NULL;
            if (cr)
                run = (size_t)(cr - t) + 1;
        }
        if (run > 0) {
            c->prev = (unsigned char)s[c->offset + run - 1];
            c->state = 0;
            c->offset += run;
            c->codepoints += run;
            c->graphemes += (uint32_t)run;
            continue;
        }
        step(c, s, n);
    }
}

void egaf_utf8_cursor_to_offset(egaf_utf8_cursor *c, const char *s, size_t n, size_t offset)
{
    if (offset > n)
        offset = n;
    while (c->offset < offset)
        step(c, s, n);
}

bool egaf_utf8_is_ascii(const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t word;
        memcpy(&word, s + i, 8);
        if (word & 0x8080808080808080ull)
            return false;
    }
    for (; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

uint32_t egaf_utf8_count(const char *s, size_t n)
{
    egaf_utf8_cursor c;
    egaf_utf8_cursor_init(&c);
    egaf_utf8_cursor_to_offset(&c, s, n, n);
    return c.graphemes;
}

size_t egaf_utf8_column_offset(const char *s, size_t n, uint32_t col)
{
    egaf_utf8_cursor c;
    egaf_utf8_cursor_init(&c);
    while (c.offset < n) {
        egaf_utf8_cursor next = c;
        step(&next, s, n);
        if (next.graphemes == col)
            return c.offset; /* the col-th cluster begins here */
        c = next;
    }
    return n;
}

/* True when cp is already NFC in any context: a starter that nothing
 * before it combines with and that composition leaves as it is (Unicode's
 * NFC_Quick_Check=Yes). The precomposed letters of Vietnamese are; a
 * combining mark, a Hangul vowel or trailing consonant, an excluded or a
 * singleton decomposition (U+212B ANGSTROM SIGN) are not. Only then does a
 * text take utf8proc's full, allocating normalisation. */
static bool nfc_quick_yes(int32_t cp)
{
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class != 0 || p->comp_exclusion)
        return false;
    switch (p->boundclass) {
    case UTF8PROC_BOUNDCLASS_EXTEND:
    case UTF8PROC_BOUNDCLASS_SPACINGMARK:
    case UTF8PROC_BOUNDCLASS_V:
    case UTF8PROC_BOUNDCLASS_T:
    case UTF8PROC_BOUNDCLASS_ZWJ:
        return false;
    default:
        break;
    }
    if (p->decomp_type != 0 || p->decomp_seqindex == UINT16_MAX)
        return true; /* no canonical decomposition */
    /* Latin letters with diacritics, Vietnamese among them: no singletons */
    if (cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF))
        return true;
    /* elsewhere (Greek with tonos, CJK compatibility ideographs) a
     * decomposition may be a singleton that NFC does not compose back */
    utf8proc_uint8_t one[8];
    utf8proc_ssize_t len = utf8proc_encode_char(cp, one);
    utf8proc_uint8_t *composed = NULL;
    utf8proc_ssize_t n =
        utf8proc_map(one, len, &composed, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    bool same = n == len && memcmp(composed, one, (size_t)len) == 0;
    free(composed);
    return same;
}

bool egaf_utf8_is_nfc_quick(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint64_t word;
        if (i + 8 <= n && (memcpy(&word, s + i, 8), !(word & 0x8080808080808080ull))) {
            i += 8; /* eight ASCII bytes */
            continue;
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t len = egaf_utf8_decode(s + i, n - i, &cp);
        if (len == 0)
            return false;
        /* Latin with diacritics, Vietnamese among them: starters whose
         * composition is themselves (checked code point by code point in
         * tests/unit/test_utf8.c) */
        bool latin = cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF);
        if (!latin && !nfc_quick_yes(cp))
            return false;
        i += len;
    }
    return true;
}

const char *egaf_utf8_nfc(egaf_arena *arena, const char *s, size_t n, size_t *out_len)
{
    if (egaf_utf8_is_nfc_quick(s, n)) {
        *out_len = n;
        return s;
    }
    utf8proc_uint8_t *composed = NULL;
    utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                                        &composed, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (len < 0)
        return NULL;
    char *copy = egaf_arena_strndup(arena, (const char *)composed, (size_t)len);
    free(composed);
    if (copy)
        *out_len = (size_t)len;
    return copy;
}

/* Characters a reader cannot tell from a space, a hyphen or nothing, as
 * office documents, web pages and chat programs paste them. utf8proc has no
 * character names, so the few that matter are named here. Sorted by code
 * point. */
static const egaf_utf8_lookalike lookalikes[] = {
    {0x00A0, "NO-BREAK SPACE", " "},
    {0x00AD, "SOFT HYPHEN", ""},
    {0x034F, "COMBINING GRAPHEME JOINER", ""},
    {0x061C, "ARABIC LETTER MARK", ""},
    {0x115F, "HANGUL CHOSEONG FILLER", ""},
    {0x1160, "HANGUL JUNGSEONG FILLER", ""},
    {0x180E, "MONGOLIAN VOWEL SEPARATOR", ""},
    {0x2000, "EN QUAD", " "},
    {0x2001, "EM QUAD", " "},
    {0x2002, "EN SPACE", " "},
    {0x2003, "EM SPACE", " "},
    {0x2004, "THREE-PER-EM SPACE", " "},
    {0x2005, "FOUR-PER-EM SPACE", " "},
    {0x2006, "SIX-PER-EM SPACE", " "},
    {0x2007, "FIGURE SPACE", " "},
    {0x2008, "PUNCTUATION SPACE", " "},
    {0x2009, "THIN SPACE", " "},
    {0x200A, "HAIR SPACE", " "},
    {0x200B, "ZERO WIDTH SPACE", ""},
    {0x200C, "ZERO WIDTH NON-JOINER", ""},
    {0x200D, "ZERO WIDTH JOINER", ""},
    {0x200E, "LEFT-TO-RIGHT MARK", ""},
    {0x200F, "RIGHT-TO-LEFT MARK", ""},
    {0x2010, "HYPHEN", "-"},
    {0x2011, "NON-BREAKING HYPHEN", "-"},
    {0x2012, "FIGURE DASH", "-"},
    {0x2013, "EN DASH", "-"},
    {0x2014, "EM DASH", "-"},
    {0x2028, "LINE SEPARATOR", " "},
    {0x2029, "PARAGRAPH SEPARATOR", " "},
    {0x202A, "LEFT-TO-RIGHT EMBEDDING", ""},
    {0x202B, "RIGHT-TO-LEFT EMBEDDING", ""},
    {0x202C, "POP DIRECTIONAL FORMATTING", ""},
    {0x202D, "LEFT-TO-RIGHT OVERRIDE", ""},
    {0x202E, "RIGHT-TO-LEFT OVERRIDE", ""},
    {0x202F, "NARROW NO-BREAK SPACE", " "},
    {0x205F, "MEDIUM MATHEMATICAL SPACE", " "},
    {0x2060, "WORD JOINER", ""},
    {0x2061, "FUNCTION APPLICATION", ""},
    {0x2062, "INVISIBLE TIMES", ""},
    {0x2063, "INVISIBLE SEPARATOR", ""},
    {0x2064, "INVISIBLE PLUS", ""},
    {0x2066, "LEFT-TO-RIGHT ISOLATE", ""},
    {0x2067, "RIGHT-TO-LEFT ISOLATE", ""},
    {0x2068, "FIRST STRONG ISOLATE", ""},
    {0x2069, "POP DIRECTIONAL ISOLATE", ""},
    {0x2212, "MINUS SIGN", "-"},
    {0x3000, "IDEOGRAPHIC SPACE", " "},
    {0x3164, "HANGUL FILLER", ""},
    {0xFE63, "SMALL HYPHEN-MINUS", "-"},
    {0xFEFF, "ZERO WIDTH NO-BREAK SPACE", ""},
    {0xFF0D, "FULLWIDTH HYPHEN-MINUS", "-"},
};

static int compare_cp(const void *key, const void *entry)
{
    int32_t a = *(const int32_t *)key, b = ((const egaf_utf8_lookalike *)entry)->cp;
    return (a > b) - (a < b);
}

const egaf_utf8_lookalike *egaf_utf8_lookalike_find(int32_t cp)
{
    if (cp < 0xA0)
        return NULL;
    return bsearch(&cp, lookalikes, sizeof lookalikes / sizeof lookalikes[0],
                   sizeof lookalikes[0], compare_cp);
}

size_t egaf_utf8_find_lookalike(const char *s, size_t n, const egaf_utf8_lookalike **found)
{
    *found = NULL;
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t len = egaf_utf8_decode(s + i, n - i, &cp);
        if (len == 0) {
            i++;
            continue;
        }
        const egaf_utf8_lookalike *l = egaf_utf8_lookalike_find(cp);
        if (l) {
            *found = l;
            return i;
        }
        i += len;
    }
    return n;
}

char *egaf_utf8_replace_lookalikes(egaf_arena *arena, const char *s, size_t n)
{
    /* every replacement is shorter than the character it replaces */
    char *out = egaf_arena_alloc(arena, n + 1);
    if (!out)
        return NULL;
    size_t len = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp = -1;
        size_t clen = (unsigned char)s[i] < 0x80 ? 1 : egaf_utf8_decode(s + i, n - i, &cp);
        if (clen == 0)
            clen = 1;
        const egaf_utf8_lookalike *l = egaf_utf8_lookalike_find(cp);
        if (l) {
            size_t rlen = strlen(l->replacement);
            memcpy(out + len, l->replacement, rlen);
            len += rlen;
        } else {
            memcpy(out + len, s + i, clen);
            len += clen;
        }
        i += clen;
    }
    size_t start = 0;
    while (start < len && out[start] == ' ')
        start++;
    while (len > start && out[len - 1] == ' ')
        len--;
    memmove(out, out + start, len - start);
    out[len - start] = '\0';
    return out;
}
