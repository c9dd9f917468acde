/* arena.c - chunked bump allocator. */
#include "base/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Chunks grow from ARENA_CHUNK to ARENA_MAX_CHUNK as the arena fills: a test
 * model stays small, a national one takes few mallocs. */
enum {
    ARENA_CHUNK = 64 * 1024,
    ARENA_MAX_CHUNK = 1024 * 1024,
    ARENA_ALIGN = 16,
    ARENA_BIG = ARENA_CHUNK / 4,
};

struct chunk {
    struct chunk *prev;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
};

struct egaf_arena {
    struct chunk *head;  /* the chunk small requests come from */
    struct chunk *big;   /* requests over ARENA_BIG, one chunk each */
    struct chunk *spare; /* regular chunks kept by egaf_arena_reset() */
    size_t total;
    size_t next_chunk; /* size of the next regular chunk */
};

egaf_arena *egaf_arena_create(void)
{
    return calloc(1, sizeof(egaf_arena));
}

static void free_chain(struct chunk *c)
{
    while (c) {
        struct chunk *prev = c->prev;
        free(c);
        c = prev;
    }
}

void egaf_arena_free(egaf_arena *arena)
{
    if (!arena)
        return;
    free_chain(arena->head);
    free_chain(arena->big);
    free_chain(arena->spare);
    free(arena);
}

void egaf_arena_reset(egaf_arena *arena)
{
    free_chain(arena->big);
    arena->big = NULL;
    struct chunk *c = arena->head;
    while (c) {
        struct chunk *prev = c->prev;
        c->used = 0;
        c->prev = arena->spare;
        arena->spare = c;
        c = prev;
    }
    arena->head = NULL;
    arena->total = 0;
}

static struct chunk *new_chunk(egaf_arena *arena)
{
    size_t size = arena->next_chunk ? arena->next_chunk : ARENA_CHUNK;
    struct chunk *n = malloc(sizeof(struct chunk) + size);
    if (!n)
        return NULL;
    n->size = size;
    if (size < ARENA_MAX_CHUNK)
        arena->next_chunk = size * 2;
    return n;
}

/* size bytes at the given alignment (a power of two, at most ARENA_ALIGN),
 * not zeroed. */
static void *bump(egaf_arena *arena, size_t size, size_t align)
{
    if (size > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    if (size > ARENA_BIG) {
        struct chunk *n = malloc(sizeof(struct chunk) + size);
        if (!n)
            return NULL;
        n->size = n->used = size;
        n->prev = arena->big;
        arena->big = n;
        arena->total += size;
        return n->data;
    }
    struct chunk *c = arena->head;
    size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || at + size > c->size) {
        struct chunk *n = arena->spare;
        if (n)
            arena->spare = n->prev;
        else if (!(n = new_chunk(arena)))
            return NULL;
        n->used = 0;
        n->prev = c;
        arena->head = c = n;
        at = 0;
    }
    c->used = at + size;
    arena->total += size;
    return c->data + at;
}

void *egaf_arena_alloc(egaf_arena *arena, size_t size)
{
    void *p = bump(arena, size ? size : 1, ARENA_ALIGN);
    if (p)
        memset(p, 0, size);
    return p;
}

char *egaf_arena_strndup(egaf_arena *arena, const char *s, size_t len)
{
    char *p = bump(arena, len + 1, 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *egaf_arena_strdup(egaf_arena *arena, const char *s)
{
    return egaf_arena_strndup(arena, s, strlen(s));
}

char *egaf_arena_join(egaf_arena *arena, const char *a, char sep, const char *b)
{
    size_t alen = strlen(a), slen = sep ? 1 : 0, blen = strlen(b);
    if (alen > SIZE_MAX / 2 || blen > SIZE_MAX / 2)
        return NULL;
    char *p = bump(arena, alen + slen + blen + 1, 1);
    if (!p)
        return NULL;
    memcpy(p, a, alen + 1); /* a's NUL, then sep over it */
    if (sep)
        p[alen] = sep;
    memcpy(p + alen + slen, b, blen + 1);
    return p;
}

char *egaf_arena_printf(egaf_arena *arena, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = bump(arena, (size_t)n + 1, 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

size_t egaf_arena_used(const egaf_arena *arena)
{
    return arena->total;
}
