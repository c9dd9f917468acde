/* grow.h - room for one more item in a malloc'd array.
 *
 * Every list egaf builds while it reads (findings, relations, files, names)
 * grows the same way: double the capacity, starting from a small first size,
 * and say "out of memory" instead of overflowing the byte count. One place
 * for that rule, so an overflow check is never forgotten in one copy. */
#ifndef EGAF_GROW_H
#define EGAF_GROW_H

#include <stdbool.h>
#include <stddef.h>

/* items_ptr is the address of a typed array pointer (T **, read and written
 * with memcpy, so any T works without aliasing a T * as a void *). Makes the
 * array (*cap items of item_size bytes, n of them used) hold at least n + 1
 * items: doubles *cap (first when it is 0) and reallocates. Returns false,
 * leaving the array and *cap as they were, when memory runs out or the size
 * would overflow. */
bool egaf_grow(void *items_ptr, size_t *cap, size_t n, size_t item_size, size_t first);

/* EGAF_PUSH(items, n, cap, first, value): appends value, true on success. */
#define EGAF_PUSH(items, n, cap, first, value)                                              \
    (egaf_grow(&(items), &(cap), (n), sizeof(*(items)), (first))                           \
         ? ((items)[(n)++] = (value), true)                                                \
         : false)

#endif
