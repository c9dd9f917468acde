/* suggest.h - "did you mean": the closest candidate to a misspelt word. */
#ifndef EGAF_SUGGEST_H
#define EGAF_SUGGEST_H

#include <stddef.h>

/* Optimal-string-alignment distance in bytes, capped at limit+1. */
size_t egaf_edit_distance(const char *a, const char *b, size_t limit);
/* The candidate closest to word, if close enough to be a likely typo
 * (distance at most max(1, strlen(word)/3)); NULL otherwise. Candidates are a
 * NULL-terminated array, or count entries when count is not 0. */
const char *egaf_suggest(const char *word, const char *const *candidates, size_t count);

#endif
