/* suggest.h - "did you mean": the closest candidate to a misspelt word. */
#ifndef EGAF_SUGGEST_H
#define EGAF_SUGGEST_H

#include <stddef.h>

/* Optimal-string-alignment distance in bytes, capped at limit+1. */
size_t egaf_edit_distance(const char *a, const char *b, size_t limit);
/* The candidate closest to word, if close enough to be a likely typo
 * (distance at most max(1, strlen(word)/3)); NULL otherwise.
 *
 * The one contract: candidates holds exactly count entries (NULL entries are
 * skipped) and nothing past them is read; count 0 means no candidate and
 * gives NULL, whatever candidates points at (it may be NULL). */
const char *egaf_suggest(const char *word, const char *const *candidates, size_t count);
/* The number of entries before the terminating NULL of a NULL-terminated
 * list (0 for a NULL list): the count to pass for such a list. */
size_t egaf_list_count(const char *const *list);

#endif
