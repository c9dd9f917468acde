/* test_grow.c - base/grow: the one way egaf's lists grow (doubling from a
 * first size, the items kept, overflow refused without touching the list);
 * and what a builder with one out-of-memory flag keeps (egaf_arena_keep). */
#include "testutil.h"

#include <stdint.h>
#include <stdlib.h>

#include "base/arena.h"
#include "base/grow.h"

static void test_push_doubles_and_keeps(void **state)
{
    (void)state;
    int *items = NULL;
    size_t n = 0, cap = 0;
    size_t caps_seen[8] = {0};
    size_t ncaps = 0;
    for (int i = 0; i < 100; i++) {
        assert_true(EGAF_PUSH(items, n, cap, 4, i * 3));
        if (ncaps == 0 || caps_seen[ncaps - 1] != cap)
            caps_seen[ncaps++] = cap;
    }
    assert_int_equal(n, 100);
    for (int i = 0; i < 100; i++)
        assert_int_equal(items[i], i * 3);
    /* 4, 8, 16, 32, 64, 128: the first size, then doubling */
    assert_int_equal(ncaps, 6);
    for (size_t k = 0; k < ncaps; k++)
        assert_int_equal(caps_seen[k], (size_t)4 << k);
    free(items);
}

static void test_room_left_is_not_touched(void **state)
{
    (void)state;
    const char **names = malloc(4 * sizeof(*names));
    assert_non_null(names);
    const char **before = names;
    size_t cap = 4;
    names = egaf_grow(names, &cap, 3, sizeof(*names), 16);
    assert_ptr_equal(names, before);
    assert_int_equal(cap, 4);
    free(names);
}

static void test_overflow_refused(void **state)
{
    (void)state;
    char *bytes = malloc(8);
    assert_non_null(bytes);
    char *before = bytes;
    /* doubling would pass SIZE_MAX: refused, the list as it was */
    size_t cap = SIZE_MAX / 2 + 1;
    bytes = egaf_grow(bytes, &cap, cap, 1, 16);
    assert_ptr_equal(bytes, before);
    assert_int_equal(cap, SIZE_MAX / 2 + 1);
    /* capacity times item size would pass SIZE_MAX: refused too */
    cap = SIZE_MAX / 64;
    bytes = egaf_grow(bytes, &cap, cap, 64, 16);
    assert_ptr_equal(bytes, before);
    assert_int_equal(cap, SIZE_MAX / 64);
    /* and EGAF_PUSH says so, leaving the list as it was (a char list whose
     * doubling would pass SIZE_MAX: refused before any realloc) */
    volatile size_t huge = SIZE_MAX / 2 + 1; /* not a constant the compiler follows */
    cap = huge;
    size_t n = cap;
    assert_false(EGAF_PUSH(bytes, n, cap, 16, 'x'));
    assert_int_equal(n, SIZE_MAX / 2 + 1);
    assert_ptr_equal(bytes, before);
    free(bytes);
}

/* egaf_grow_or_fail: the grown list, or NULL with the builder's flag set
 * and the list as it was. */
static void test_grow_or_fail_flags(void **state)
{
    (void)state;
    bool failed = false;
    size_t cap = 0;
    int *items = egaf_grow_or_fail(NULL, &cap, 0, sizeof(*items), 4, &failed);
    assert_non_null(items);
    assert_int_equal(cap, 4);
    assert_false(failed);
    int *same = egaf_grow_or_fail(items, &cap, 3, sizeof(*items), 4, &failed);
    assert_ptr_equal(same, items);
    assert_false(failed);
    /* no room can be made (the byte count would overflow): NULL, flagged */
    volatile size_t huge = SIZE_MAX / 2 + 1;
    size_t hcap = huge;
    assert_null(egaf_grow_or_fail(items, &hcap, hcap, 1, 16, &failed));
    assert_true(failed);
    assert_int_equal(hcap, SIZE_MAX / 2 + 1);
    free(items);
}

/* egaf_arena_keep: the copy a builder keeps (NULL for NULL, no failure). */
static void test_arena_keep(void **state)
{
    (void)state;
    egaf_arena *a = egaf_arena_create();
    assert_non_null(a);
    bool failed = false;
    char source[] = "Sở Y tế";
    char *copy = egaf_arena_keep(a, source, &failed);
    assert_non_null(copy);
    assert_ptr_not_equal(copy, source);
    source[0] = 'X'; /* a copy, not the caller's string */
    assert_string_equal(copy, "Sở Y tế");
    assert_null(egaf_arena_keep(a, NULL, &failed)); /* nothing to keep is no failure */
    assert_false(failed);
    egaf_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_push_doubles_and_keeps),
        cmocka_unit_test(test_room_left_is_not_touched),
        cmocka_unit_test(test_overflow_refused),
        cmocka_unit_test(test_grow_or_fail_flags),
        cmocka_unit_test(test_arena_keep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
