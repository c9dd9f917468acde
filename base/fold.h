/* fold.h - folding names for comparison: Vietnamese diacritics removed (đ → d),
 * letters in lower case, white space dropped, so that "Quản lý văn bản",
 * "Quan ly van ban" and "QUẢN LÝ VĂN BẢN" fold to the same text.
 *
 * Works on UTF-8: precomposed letters (NFC) and letters followed by combining
 * marks (NFD, as some editors save) fold alike. Characters outside Latin are
 * kept as they are. */
#ifndef EGAF_FOLD_H
#define EGAF_FOLD_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

/* Writes the folded form of s into out, which must hold strlen(s) + 1 bytes
 * (folding never makes text longer). Returns the folded length. */
size_t egaf_fold(const char *s, char *out);
/* The id a mistyped id or a name would have ("QLVB" → "qlvb", "cổng-ttđt" →
 * "cong-ttdt", "Cổng DVC" → "cong-dvc"): folded, every run of other
 * characters one hyphen, none at the ends. out holds strlen(s) + 1 bytes.
 * Returns its length (0 when nothing of s can be written in an id). */
size_t egaf_fold_id(const char *s, char *out);
/* The folded form of s in arena, or NULL when out of memory. */
char *egaf_fold_arena(egaf_arena *arena, const char *s);
/* True when a and b fold to the same text. */
bool egaf_fold_equal(const char *a, const char *b);

#endif
