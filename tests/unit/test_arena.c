/* test_arena.c - the arena hands out zeroed, aligned memory whatever the
 * chunk it comes from: a fresh mapping (not cleared again), a chunk reused
 * after egaf_arena_reset() (cleared where it was written), a huge chunk, a
 * request over 16 KB (from malloc, or a big chunk kept by a reset). */
#include "tests/unit/testutil.h"

#include <stdint.h>
#include <stdlib.h>

#include "base/arena.h"

static bool all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

/* 30 MB in requests of 1..300 bytes with some over 16 KB: every chunk size. */
static void fill(egaf_arena *a, int rounds)
{
    for (int i = 0; i < rounds; i++) {
        size_t size = ((size_t)i * 7919) % 300 + 1;
        if (i % 5000 == 0)
            size = 20000 + (size_t)i % 30000;
        unsigned char *p = egaf_arena_alloc(a, size);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        assert_true(all_zero(p, size));
        memset(p, 0xab, size);
        if (i % 7 == 0) /* strings are not cleared; they dirty the chunk */
            assert_non_null(egaf_arena_strdup(a, "một chuỗi tiếng Việt"));
    }
}

static void test_zeroed_fresh_and_reused(void **state)
{
    (void)state;
    egaf_arena *a = egaf_arena_create();
    assert_non_null(a);
    fill(a, 200000);
    size_t used = egaf_arena_used(a);
    assert_true(used > 30u * 1000 * 1000);
    egaf_arena_reset(a);
    assert_int_equal(egaf_arena_used(a), 0);
    fill(a, 200000); /* the same chunks again: what was written is cleared */
    assert_int_equal(egaf_arena_used(a), used);
    egaf_arena_free(a);
}

/* After a reset, a request over 16 KB takes the smallest big chunk an
 * earlier use left that holds it (a folder's next file text, not fresh
 * memory), cleared; four are kept, the largest. */
static void test_reset_reuses_big_chunks(void **state)
{
    (void)state;
    egaf_arena *a = egaf_arena_create();
    assert_non_null(a);
    size_t sizes[6] = {20000, 40000, 80000, 160000, 30000, 25000};
    unsigned char *big[6];
    for (int i = 0; i < 6; i++) {
        big[i] = egaf_arena_alloc(a, sizes[i]);
        assert_non_null(big[i]);
        memset(big[i], 0xcd, sizes[i]);
    }
    egaf_arena_reset(a); /* keeps 160000, 80000, 40000, 30000 */
    unsigned char *p = egaf_arena_alloc(a, 60000);
    assert_ptr_equal(p, big[2]);
    assert_true(all_zero(p, 60000));
    p = egaf_arena_alloc(a, 20000); /* 20000 and 25000 are gone: 30000 */
    assert_ptr_equal(p, big[4]);
    assert_true(all_zero(p, 20000));
    p = egaf_arena_alloc(a, 100000);
    assert_ptr_equal(p, big[3]);
    p = egaf_arena_alloc(a, 35000);
    assert_ptr_equal(p, big[1]);
    p = egaf_arena_alloc(a, 35000); /* none left: fresh */
    assert_non_null(p);
    assert_true(all_zero(p, 35000));
    egaf_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_zeroed_fresh_and_reused),
                                       cmocka_unit_test(test_reset_reuses_big_chunks)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
