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

/* The part of egaf_grow that reallocates (grow.c), when the array is full. */
void *egaf_grow_full(void *items, size_t *cap, size_t item_size, size_t first);

/* items is an array of *cap items of item_size bytes, n of them used.
 * Returns the array to use from now on, with room for n + 1 items: items
 * itself when there is room, else reallocated with *cap doubled (first when
 * it was 0). When memory runs out or the size would overflow, returns items
 * unchanged and leaves *cap as it was, so n == *cap tells the caller.
 * Inline, as the loader adds every element through it: the common case is
 * one comparison, not a call. */
static inline void *egaf_grow(void *items, size_t *cap, size_t n, size_t item_size,
                              size_t first)
{
    return n < *cap ? items : egaf_grow_full(items, cap, item_size, first);
}

/* egaf_grow for a builder with one out-of-memory flag: NULL, and *failed
 * set, when there is no room for item n (items is then left as it was). */
void *egaf_grow_or_fail(void *items, size_t *cap, size_t n, size_t item_size, size_t first,
                        bool *failed);

/* EGAF_PUSH(items, n, cap, first, value): appends value; false when memory
 * ran out (the list is then as it was). */
#define EGAF_PUSH(items, n, cap, first, value)                                              \
    ((items) = egaf_grow((items), &(cap), (n), sizeof(*(items)), (first)),                \
     (n) < (cap) ? ((items)[(n)++] = (value), true) : false)

#endif
