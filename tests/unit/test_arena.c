/* test_arena.c - the arena hands out zeroed, aligned memory whatever the
 * chunk it comes from: a fresh mapping (not cleared again), a chunk reused
 * after egaf_arena_reset() (cleared where it was written), a huge chunk, a
 * request over 16 KB (from malloc). */
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

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_zeroed_fresh_and_reused)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
