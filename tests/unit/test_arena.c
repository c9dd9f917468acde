/* test_arena.c - the arena hands out zeroed, aligned memory whatever the
 * chunk it comes from: a fresh mapping (not cleared again), a chunk reused
 * after egaf_arena_reset() (cleared where it was written), a huge chunk, a
 * request over 16 KB (from malloc, or a big chunk kept by a reset); and egaf_arena_trim() gives back what
 * lies past the last allocation without losing what was handed out. */
#include "tests/unit/testutil.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

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

/* Whether the page holding p is in memory. */
static bool resident(const void *p)
{
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    unsigned char in = 0;
    assert_int_equal(mincore((void *)((uintptr_t)p & ~(page - 1)), page, &in), 0);
    return in & 1;
}

/* A trimmed arena gives back the pages past its last allocation (they were
 * written: the chunk is reused after a reset), keeps what it handed out, and
 * still hands out zeroed memory after. */
static void test_trim_gives_back_the_tail(void **state)
{
    (void)state;
    egaf_arena *a = egaf_arena_create();
    assert_non_null(a);
    fill(a, 200000); /* every chunk written through */
    egaf_arena_reset(a);
    char *kept = egaf_arena_strdup(a, "giữ lại");
    unsigned char *first = egaf_arena_alloc(a, 200);
    assert_non_null(kept);
    assert_non_null(first);
    memset(first, 0x5a, 200);
    unsigned char *tail = first + 3 * 4096; /* written by fill, past the last allocation */
    assert_true(resident(tail));
    egaf_arena_trim(a);
    assert_false(resident(tail));
    assert_true(resident(first));
    assert_string_equal(kept, "giữ lại");
    for (size_t i = 0; i < 200; i++)
        assert_int_equal(first[i], 0x5a);
    for (int i = 0; i < 2000; i++) { /* over the trimmed pages: still zero */
        unsigned char *p = egaf_arena_alloc(a, 100);
        assert_non_null(p);
        assert_true(all_zero(p, 100));
        memset(p, 0xab, 100);
    }
    egaf_arena_trim(a);
    egaf_arena_trim(a); /* twice: nothing left to give */
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
                                       cmocka_unit_test(test_trim_gives_back_the_tail),
                                       cmocka_unit_test(test_reset_reuses_big_chunks)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
