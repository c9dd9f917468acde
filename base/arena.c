/* arena.c - chunked bump allocator. */
#include "base/arena.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* The first chunk is ARENA_CHUNK (a test model, a scratch list stay in it);
 * the next ones are huge (2 MB, then ARENA_MAX_CHUNK): a real model takes
 * few chunks.
 *
 * Every chunk starts zeroed (the first from calloc, the huge ones mapped
 * straight from the kernel, which gives zeroed memory), so
 * egaf_arena_alloc() clears only what an earlier use of the chunk wrote (a
 * chunk remembers how far it was ever used); and a chunk of ARENA_HUGE or
 * more is aligned on a 2 MB boundary and marked MADV_HUGEPAGE, so where
 * the kernel gives transparent huge pages (its "madvise" setting, Debian's
 * default) a national model costs one page fault per 2 MB instead of one
 * per 4 KB.
 * Loading a national architecture was spending a fifth of its CPU in the
 * kernel, faulting in the pages that memset() then cleared. */
enum {
    ARENA_CHUNK = 64 * 1024,
    ARENA_MAX_CHUNK = 4 * 1024 * 1024,
    ARENA_HUGE = 2 * 1024 * 1024,
    ARENA_ALIGN = 16,
    ARENA_BIG = ARENA_CHUNK / 4,
    ARENA_SPARE_BIG = 4, /* big chunks a reset arena keeps for reuse */
};

struct chunk {
    struct chunk *prev;
    size_t size;    /* usable bytes in data */
    size_t used;
    size_t dirty;   /* bytes of data ever handed out: beyond, still zero */
    size_t mapped;  /* bytes of the mapping at map (for munmap); 0: malloc */
    void *map;      /* where the mapping starts: before the chunk when aligned */
    _Alignas(16) unsigned char data[];
};

struct egaf_arena {
    struct chunk *head;  /* the chunk small requests come from */
    struct chunk *big;   /* requests over ARENA_BIG, one chunk each */
    struct chunk *spare_big; /* big chunks kept by egaf_arena_reset() */
    struct chunk *spare; /* regular chunks kept by egaf_arena_reset() */
    size_t total;
    size_t next_chunk; /* size of the next regular chunk */
};

egaf_arena *egaf_arena_create(void)
{
    return calloc(1, sizeof(egaf_arena));
}

void *egaf_calloc_with_arena(size_t size, egaf_arena **arena)
{
    void *owner = calloc(1, size);
    *arena = owner ? egaf_arena_create() : NULL;
    if (!*arena) {
        free(owner);
        return NULL;
    }
    return owner;
}

/* A chunk of at least size usable bytes, zero-filled, or NULL. */
static struct chunk *map_chunk(size_t size)
{
    size_t page = 4096, want = sizeof(struct chunk) + size;
    if (want < size)
        return NULL;
    want = (want + page - 1) & ~(page - 1);
    bool huge = want >= ARENA_HUGE;
    if (!huge) {
        /* a first chunk (most arenas: a list of findings, a check's scratch)
         * from the C heap, zeroed by calloc: a mapping of its own would be
         * unmapped when the arena is freed, and unmapping pages one by one
         * costs more than the whole use of a small arena */
        struct chunk *c = calloc(1, want);
        if (!c)
            return NULL;
        c->size = want - sizeof(struct chunk);
        return c;
    }
    /* a huge chunk: map 2 MB more, then start at the boundary inside */
    size_t extra = ARENA_HUGE;
    if (want + extra < want)
        return NULL;
    unsigned char *p =
        mmap(NULL, want + extra, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    unsigned char *map = p;
    /* the slack before and after the boundary stays mapped but is never
     * touched (no memory): unmapping it would cost a TLB flush on every
     * core the process ran on, twice per chunk */
    p = (unsigned char *)(((uintptr_t)p + ARENA_HUGE - 1) & ~(uintptr_t)(ARENA_HUGE - 1));
#ifdef MADV_HUGEPAGE
    madvise(p, want, MADV_HUGEPAGE); /* a kernel without it still works */
#endif
    struct chunk *c = (struct chunk *)p;
    c->prev = NULL;
    c->size = want - sizeof(struct chunk);
    c->used = c->dirty = 0;
    c->mapped = want + extra;
    c->map = map;
    return c;
}

static void free_chain(struct chunk *c)
{
    while (c) {
        struct chunk *prev = c->prev;
        if (c->mapped)
            munmap(c->map, c->mapped);
        else
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
    free_chain(arena->spare_big);
    free_chain(arena->spare);
    free(arena);
}

/* Puts the chunks of chain on top of *list. */
static void push_chain(struct chunk **list, struct chunk *chain)
{
    while (chain) {
        struct chunk *prev = chain->prev;
        chain->prev = *list;
        *list = chain;
        chain = prev;
    }
}

void egaf_arena_reset(egaf_arena *arena)
{
    /* the big chunks too (a file's text, its tables): the next file's come
     * from them instead of fresh memory faulted in page by page; the
     * smallest few are freed beyond ARENA_SPARE_BIG */
    push_chain(&arena->spare_big, arena->big);
    arena->big = NULL;
    size_t kept = 0;
    for (struct chunk *k = arena->spare_big; k; k = k->prev)
        kept++;
    for (; kept > ARENA_SPARE_BIG; kept--) {
        struct chunk **smallest = &arena->spare_big;
        for (struct chunk **k = &arena->spare_big; *k; k = &(*k)->prev)
            if ((*k)->size < (*smallest)->size)
                smallest = k;
        struct chunk *d = *smallest;
        *smallest = d->prev;
        free(d);
    }
    for (struct chunk *c = arena->head; c; c = c->prev)
        c->used = 0;
    push_chain(&arena->spare, arena->head);
    arena->head = NULL;
    arena->total = 0;
}

void egaf_arena_trim(egaf_arena *arena)
{
    struct chunk *c = arena ? arena->head : NULL;
    if (!c || !c->mapped)
        return; /* a first chunk from the C heap: small, and not ours to give */
    /* whole pages past the last byte handed out, up to the end of the chunk */
    uintptr_t page = 4096;
    uintptr_t from = ((uintptr_t)(c->data + c->used) + page - 1) & ~(page - 1);
    uintptr_t end = (uintptr_t)(c->data + c->size) & ~(page - 1);
    if (from >= end)
        return;
    /* the pages read back as zero: what was written there need not be
     * cleared again */
    if (madvise((void *)from, end - from, MADV_DONTNEED) == 0 &&
        c->dirty > (size_t)(from - (uintptr_t)c->data))
        c->dirty = (size_t)(from - (uintptr_t)c->data);
}

void egaf_arena_give(egaf_arena *to, egaf_arena *from)
{
    egaf_arena_reset(from);
    push_chain(&to->spare, from->spare);
    push_chain(&to->spare_big, from->spare_big);
    from->spare = from->spare_big = NULL;
    /* past its first chunk an arena asks for huge ones: so does the taker */
    if (from->next_chunk > to->next_chunk)
        to->next_chunk = from->next_chunk;
}

static struct chunk *new_chunk(egaf_arena *arena)
{
    size_t size = arena->next_chunk ? arena->next_chunk : ARENA_CHUNK;
    struct chunk *n = map_chunk(size);
    if (!n)
        return NULL;
    /* past the first chunk (a test model, a scratch list stays in it) the
     * arena is a real model's: straight to huge chunks */
    arena->next_chunk = size < ARENA_HUGE ? ARENA_HUGE - sizeof(struct chunk) : ARENA_MAX_CHUNK;
    return n;
}

/* size bytes at the given alignment (a power of two, at most ARENA_ALIGN),
 * not zeroed; *was_dirty: how many of them an earlier use wrote (the rest is
 * still zero). */
static void *bump(egaf_arena *arena, size_t size, size_t align, size_t *was_dirty)
{
    /* a big request is malloc'd with its chunk's header in front */
    if (size > SIZE_MAX - sizeof(struct chunk) - ARENA_ALIGN)
        return NULL;
    if (size > ARENA_BIG) {
        /* from malloc, or the smallest big chunk an earlier use of a scratch
         * arena left that holds it: a fresh mapping each time would fault
         * every page in again */
        struct chunk **fit = NULL;
        for (struct chunk **k = &arena->spare_big; *k; k = &(*k)->prev)
            if ((*k)->size >= size && (!fit || (*k)->size < (*fit)->size))
                fit = k;
        struct chunk *n;
        if (fit) {
            n = *fit;
            *fit = n->prev;
        } else if ((n = malloc(sizeof(struct chunk) + size)) != NULL)
            n->size = size;
        if (!n)
            return NULL;
        n->used = n->dirty = n->size;
        n->mapped = 0;
        n->map = NULL;
        n->prev = arena->big;
        arena->big = n;
        arena->total += size;
        *was_dirty = size;
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
    *was_dirty = c->dirty > at ? (c->dirty - at < size ? c->dirty - at : size) : 0;
    c->used = at + size;
    if (c->used > c->dirty)
        c->dirty = c->used;
    arena->total += size;
    return c->data + at;
}

void *egaf_arena_alloc(egaf_arena *arena, size_t size)
{
    size_t dirty = 0;
    void *p = bump(arena, size ? size : 1, ARENA_ALIGN, &dirty);
    if (p && dirty)
        memset(p, 0, dirty); /* the rest was never written: still zero */
    return p;
}

void *egaf_arena_alloc_uncleared(egaf_arena *arena, size_t size)
{
    size_t dirty;
    return bump(arena, size ? size : 1, ARENA_ALIGN, &dirty);
}

char *egaf_arena_strndup(egaf_arena *arena, const char *s, size_t len)
{
    size_t dirty; /* strings are written whole: no need to clear */
    char *p = bump(arena, len + 1, 1, &dirty);
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

char *egaf_arena_keep(egaf_arena *arena, const char *s, bool *failed)
{
    if (!s)
        return NULL;
    char *copy = egaf_arena_strdup(arena, s);
    if (!copy)
        *failed = true;
    return copy;
}

char *egaf_arena_join(egaf_arena *arena, const char *a, char sep, const char *b)
{
    size_t alen = strlen(a), slen = sep ? 1 : 0, blen = strlen(b), dirty;
    if (alen > SIZE_MAX / 2 || blen > SIZE_MAX / 2)
        return NULL;
    char *p = bump(arena, alen + slen + blen + 1, 1, &dirty);
    if (!p)
        return NULL;
    memcpy(p, a, alen + 1); /* a's NUL, then sep over it */
    if (sep)
        p[alen] = sep;
    memcpy(p + alen + slen, b, blen + 1);
    return p;
}

char *egaf_arena_vprintf(egaf_arena *arena, const char *fmt, va_list ap)
{
    va_list sizing;
    va_copy(sizing, ap);
    int n = vsnprintf(NULL, 0, fmt, sizing);
    va_end(sizing);
    if (n < 0)
        return NULL;
    size_t dirty;
    char *p = bump(arena, (size_t)n + 1, 1, &dirty);
    if (p)
        vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *egaf_arena_printf(egaf_arena *arena, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = egaf_arena_vprintf(arena, fmt, ap);
    va_end(ap);
    return p;
}

size_t egaf_arena_used(const egaf_arena *arena)
{
    return arena->total;
}
