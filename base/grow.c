/* grow.c - room for one more item in a malloc'd array (see grow.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/grow.h"

bool egaf_grow(void *items_ptr, size_t *cap, size_t n, size_t item_size, size_t first)
{
    if (n < *cap)
        return true;
    size_t ncap = *cap ? *cap : (first ? first : 1);
    if (*cap) {
        if (ncap > SIZE_MAX / 2)
            return false;
        ncap *= 2;
    }
    if (item_size && ncap > SIZE_MAX / item_size)
        return false;
    void *items;
    memcpy(&items, items_ptr, sizeof items);
    void *grown = realloc(items, ncap * item_size);
    if (!grown)
        return false;
    memcpy(items_ptr, &grown, sizeof grown);
    *cap = ncap;
    return true;
}
