/* grow.c - room for one more item in a malloc'd array (see grow.h). */
#include <stdint.h>
#include <stdlib.h>

#include "base/grow.h"

void *egaf_grow_full(void *items, size_t *cap, size_t item_size, size_t first)
{
    /* realloc(items, 0) may free items: an item has a size */
    if (item_size == 0)
        return items;
    size_t ncap = *cap ? *cap : (first ? first : 1);
    if (*cap) {
        if (ncap > SIZE_MAX / 2)
            return items;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / item_size)
        return items;
    void *grown = realloc(items, ncap * item_size);
    if (!grown)
        return items;
    *cap = ncap;
    return grown;
}

void *egaf_grow_or_fail(void *items, size_t *cap, size_t n, size_t item_size, size_t first,
                        bool *failed)
{
    void *grown = egaf_grow(items, cap, n, item_size, first);
    if (n < *cap)
        return grown;
    /* no room: the growth failed and grown is items, as it was (an item is
     * appended at n <= *cap, and a grown array has room past n) */
    *failed = true; // NOLINT(clang-analyzer-unix.Malloc)
    return NULL;
}
