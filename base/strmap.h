/* strmap.h - open-addressing hash map from strings to pointers.
 *
 * Ownership: the map does not copy keys; they must outlive it (normally they
 * live in the model's arena). The map's own table is malloc'd and released by
 * egaf_strmap_free(). */
#ifndef EGAF_STRMAP_H
#define EGAF_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct egaf_strmap {
    struct egaf_strmap_slot *slots;
    size_t cap; /* power of two, or 0 */
    size_t count;
} egaf_strmap;

void egaf_strmap_init(egaf_strmap *map);
void egaf_strmap_free(egaf_strmap *map);
/* Inserts key unless present. Returns the value already stored under key, or
 * NULL when the key was new (and value was stored). *oom is set on failure. */
void *egaf_strmap_put(egaf_strmap *map, const char *key, size_t keylen, void *value, bool *oom);
void *egaf_strmap_get(const egaf_strmap *map, const char *key, size_t keylen);
/* Iteration: call with *pos = 0; returns false at the end. */
bool egaf_strmap_next(const egaf_strmap *map, size_t *pos, const char **key, void **value);

size_t egaf_hash_bytes(const char *s, size_t len);

/* A word and the number it stands for, in a small constant table (format
 * names, option words, ArchiMate types): a handful of words is searched in
 * order, with no map to build. */
typedef struct {
    const char *name;
    int value;
} egaf_name_value;

/* The value of the entry of table (n entries) whose name is the len bytes
 * at name, in *value; false, *value untouched, when there is none. */
bool egaf_name_value_find(const egaf_name_value *table, size_t n, const char *name, size_t len,
                          int *value);

#endif
