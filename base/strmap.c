/* strmap.c - linear probing, FNV-1a hashing. */
#include "base/strmap.h"

#include <stdlib.h>
#include <string.h>

struct egaf_strmap_slot {
    const char *key;
    size_t keylen;
    size_t hash;
    void *value;
};

size_t egaf_hash_bytes(const char *s, size_t len)
{
    size_t h = (size_t)1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= (size_t)1099511628211ULL;
    }
    return h;
}

void egaf_strmap_init(egaf_strmap *map)
{
    map->slots = NULL;
    map->cap = 0;
    map->count = 0;
}

void egaf_strmap_free(egaf_strmap *map)
{
    free(map->slots);
    egaf_strmap_init(map);
}

static struct egaf_strmap_slot *find_slot(struct egaf_strmap_slot *slots, size_t cap,
                                          const char *key, size_t keylen, size_t hash)
{
    size_t mask = cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        struct egaf_strmap_slot *s = &slots[i];
        if (!s->key)
            return s;
        if (s->hash == hash && s->keylen == keylen && memcmp(s->key, key, keylen) == 0)
            return s;
    }
}

static bool grow(egaf_strmap *map)
{
    size_t ncap = map->cap ? map->cap * 2 : 16;
    struct egaf_strmap_slot *n = calloc(ncap, sizeof(*n));
    if (!n)
        return false;
    for (size_t i = 0; i < map->cap; i++) {
        struct egaf_strmap_slot *s = &map->slots[i];
        if (s->key)
            *find_slot(n, ncap, s->key, s->keylen, s->hash) = *s;
    }
    free(map->slots);
    map->slots = n;
    map->cap = ncap;
    return true;
}

void *egaf_strmap_put(egaf_strmap *map, const char *key, size_t keylen, void *value, bool *oom)
{
    if ((map->count + 1) * 4 > map->cap * 3 && !grow(map)) {
        if (oom)
            *oom = true;
        return NULL;
    }
    size_t h = egaf_hash_bytes(key, keylen);
    struct egaf_strmap_slot *s = find_slot(map->slots, map->cap, key, keylen, h);
    if (s->key)
        return s->value;
    s->key = key;
    s->keylen = keylen;
    s->hash = h;
    s->value = value;
    map->count++;
    return NULL;
}

void *egaf_strmap_get(const egaf_strmap *map, const char *key, size_t keylen)
{
    if (!map->cap)
        return NULL;
    size_t h = egaf_hash_bytes(key, keylen);
    struct egaf_strmap_slot *s = find_slot(map->slots, map->cap, key, keylen, h);
    return s->key ? s->value : NULL;
}

bool egaf_strmap_next(const egaf_strmap *map, size_t *pos, const char **key, void **value)
{
    while (*pos < map->cap) {
        struct egaf_strmap_slot *s = &map->slots[(*pos)++];
        if (s->key) {
            *key = s->key;
            *value = s->value;
            return true;
        }
    }
    return false;
}

bool egaf_name_value_find(const egaf_name_value *table, size_t n, const char *name, size_t len,
                          int *value)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(table[i].name) == len && memcmp(table[i].name, name, len) == 0) {
            *value = table[i].value;
            return true;
        }
    return false;
}
