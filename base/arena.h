/* arena.h - bump allocator: one per loaded model, freed in one call.
 *
 * Ownership: everything allocated from an arena belongs to it and is released
 * by egaf_arena_free() (or egaf_arena_reset()); nothing allocated here may be
 * passed to free(). */
#ifndef EGAF_ARENA_H
#define EGAF_ARENA_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct egaf_arena egaf_arena;

egaf_arena *egaf_arena_create(void);
/* A new object that owns an arena (a model, a list of findings, a document):
 * calloc(1, size), with a new arena in *arena that the caller stores in it.
 * Both or neither: NULL (and *arena NULL) when memory runs out, the half
 * that was made freed. */
void *egaf_calloc_with_arena(size_t size, egaf_arena **arena);
void egaf_arena_free(egaf_arena *arena);
/* Releases everything allocated so far but keeps the memory for the next
 * allocations (a scratch arena reused file after file). */
void egaf_arena_reset(egaf_arena *arena);
/* Releases everything allocated from `from` and hands its memory to `to`,
 * for `to`'s next allocations: a worker that frees one model and loads the
 * next reuses the same pages instead of fresh ones the kernel must clear. */
void egaf_arena_give(egaf_arena *to, egaf_arena *from);

/* Gives the pages of the current chunk past what was handed out back to the
 * system, for an arena done growing that is kept a long time (the models an
 * export holds all at once): with huge pages a chunk is resident in 2 MB
 * steps, so each such arena would keep up to 2 MB it never uses. The arena
 * stays usable; the pages come back, zero, when written. The price: the
 * chunk's last huge page is split into small ones (validate, which walks
 * its models more, does not trim: it frees them instead). */
void egaf_arena_trim(egaf_arena *arena);

/* Returns zeroed memory aligned for any type, or NULL when out of memory. */
void *egaf_arena_alloc(egaf_arena *arena, size_t size);
/* The same, not cleared: for a buffer the caller fills before reading it (a
 * file's text, read into it whole). */
void *egaf_arena_alloc_uncleared(egaf_arena *arena, size_t size);
/* Copies len bytes and adds a NUL terminator. Strings are packed without
 * alignment. */
char *egaf_arena_strndup(egaf_arena *arena, const char *s, size_t len);
char *egaf_arena_strdup(egaf_arena *arena, const char *s);
/* The copy a builder keeps of s, which may be NULL (NULL then); when memory
 * runs out, NULL and *failed set: the builder's one out-of-memory flag. */
char *egaf_arena_keep(egaf_arena *arena, const char *s, bool *failed);
/* a, sep, b as one string ("lang-son" ':' "qlvb"); no separator when sep is
 * 0. */
char *egaf_arena_join(egaf_arena *arena, const char *a, char sep, const char *b);
/* printf into the arena; NULL on error. */
char *egaf_arena_printf(egaf_arena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same with a va_list (ap is used, not ended). */
char *egaf_arena_vprintf(egaf_arena *arena, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Bytes handed out so far (for benchmarks and limits). */
size_t egaf_arena_used(const egaf_arena *arena);

#endif
