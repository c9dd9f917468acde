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
void egaf_arena_free(egaf_arena *arena);
/* Releases everything allocated so far but keeps the memory for the next
 * allocations (a scratch arena reused file after file). */
void egaf_arena_reset(egaf_arena *arena);

/* Returns zeroed memory aligned for any type, or NULL when out of memory. */
void *egaf_arena_alloc(egaf_arena *arena, size_t size);
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
