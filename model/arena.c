/* arena.c - chunked bump allocator. */
#include "model/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_CHUNK = 64 * 1024, ARENA_ALIGN = 16 };

struct chunk {
    struct chunk *prev;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
};

struct egaf_arena {
    struct chunk *head;
    size_t total;
};

egaf_arena *egaf_arena_create(void)
{
    return calloc(1, sizeof(egaf_arena));
}

void egaf_arena_free(egaf_arena *arena)
{
    if (!arena)
        return;
    struct chunk *c = arena->head;
    while (c) {
        struct chunk *prev = c->prev;
        free(c);
        c = prev;
    }
    free(arena);
}

void *egaf_arena_alloc(egaf_arena *arena, size_t size)
{
    size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need < size)
        return NULL;
    struct chunk *c = arena->head;
    if (!c || c->size - c->used < need) {
        /* Big requests get a chunk of their own so the current one keeps
         * serving small ones. */
        size_t csize = need > ARENA_CHUNK / 4 ? need : ARENA_CHUNK;
        struct chunk *n = malloc(sizeof(struct chunk) + csize);
        if (!n)
            return NULL;
        n->size = csize;
        n->used = 0;
        if (c && need > ARENA_CHUNK / 4) {
            /* keep the current chunk at the head */
            n->prev = c->prev;
            c->prev = n;
            n->used = need;
            arena->total += need;
            memset(n->data, 0, need);
            return n->data;
        }
        n->prev = c;
        arena->head = n;
        c = n;
    }
    void *p = c->data + c->used;
    c->used += need;
    arena->total += need;
    memset(p, 0, need);
    return p;
}

char *egaf_arena_strndup(egaf_arena *arena, const char *s, size_t len)
{
    char *p = egaf_arena_alloc(arena, len + 1);
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

char *egaf_arena_printf(egaf_arena *arena, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = egaf_arena_alloc(arena, (size_t)n + 1);
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
