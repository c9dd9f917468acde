/* test_arena.c - the arena hands out zeroed, aligned memory whatever the
 * chunk it comes from: a fresh mapping (not cleared again), a chunk reused
 * after egaf_arena_reset() (cleared where it was written), a huge chunk, a
 * request over 16 KB (from malloc, or a big chunk kept by a reset), memory
 * given by another arena (egaf_arena_give). */
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

/* An arena given to another (a freed model's memory to a worker's next
 * model) is empty and usable, and the taker's next requests come from the
 * memory given, cleared where it was written. */
static void test_give_moves_memory(void **state)
{
    (void)state;
    egaf_arena *from = egaf_arena_create(), *to = egaf_arena_create();
    assert_non_null(from);
    assert_non_null(to);
    unsigned char *small = egaf_arena_alloc(from, 100);
    unsigned char *big = egaf_arena_alloc(from, 20000);
    assert_non_null(small);
    assert_non_null(big);
    memset(small, 0xab, 100);
    memset(big, 0xcd, 20000);
    egaf_arena_give(to, from);
    assert_int_equal(egaf_arena_used(from), 0);
    unsigned char *p = egaf_arena_alloc(to, 100);
    assert_ptr_equal(p, small);
    assert_true(all_zero(p, 100));
    p = egaf_arena_alloc(to, 20000);
    assert_ptr_equal(p, big);
    assert_true(all_zero(p, 20000));
    p = egaf_arena_alloc(from, 100); /* the giver starts again, fresh */
    assert_non_null(p);
    assert_true(p != small);
    assert_true(all_zero(p, 100));
    egaf_arena_free(from);
    egaf_arena_free(to);
}

/* An object that owns an arena: zeroed, with an arena of its own to use. */
static void test_calloc_with_arena(void **state)
{
    (void)state;
    egaf_arena *arena = NULL;
    unsigned char *owner = egaf_calloc_with_arena(1000, &arena);
    assert_non_null(owner);
    assert_true(all_zero(owner, 1000));
    assert_string_equal(egaf_arena_strdup(arena, "sở"), "sở");
    egaf_arena_free(arena);
    free(owner);
}

/* A request too big for any chunk (its header added, the size would wrap)
 * is refused, not served from a small block. */
static void test_size_near_the_limit(void **state)
{
    (void)state;
    egaf_arena *a = egaf_arena_create();
    assert_non_null(a);
    for (size_t back = 1; back <= 32; back++) /* the header is bigger */
        assert_null(egaf_arena_alloc(a, SIZE_MAX - back));
    assert_null(egaf_arena_strndup(a, "x", SIZE_MAX - 20));
    egaf_arena_free(a);
}

/* A trimmed arena (a loaded model an export keeps) keeps what it handed
 * out, stays usable, and what it hands out next is zero even where an
 * earlier use wrote before the trim. */
static void test_trim_keeps_what_was_handed_out(void **state)
{
    (void)state;
    egaf_arena *a = egaf_arena_create();
    assert_non_null(a);
    unsigned char *kept[40];
    for (int i = 0; i < 40; i++) { /* past the first chunk, into a huge one */
        kept[i] = egaf_arena_alloc(a, 4000);
        assert_non_null(kept[i]);
        memset(kept[i], i + 1, 4000);
    }
    unsigned char *scratch = egaf_arena_alloc(a, 8000);
    assert_non_null(scratch);
    memset(scratch, 0xee, 8000);
    egaf_arena_reset(a); /* the chunks come back dirty */
    for (int i = 0; i < 40; i++) {
        kept[i] = egaf_arena_alloc(a, 4000);
        memset(kept[i], i + 1, 4000);
    }
    egaf_arena_trim(a);
    for (int i = 0; i < 40; i++)
        for (int k = 0; k < 4000; k++)
            assert_int_equal(kept[i][k], i + 1);
    unsigned char *p = egaf_arena_alloc(a, 8000);
    assert_non_null(p);
    assert_true(all_zero(p, 8000));
    egaf_arena_trim(NULL); /* no arena: nothing to do */
    egaf_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_zeroed_fresh_and_reused),
                                       cmocka_unit_test(test_reset_reuses_big_chunks),
                                       cmocka_unit_test(test_give_moves_memory),
                                       cmocka_unit_test(test_calloc_with_arena),
                                       cmocka_unit_test(test_size_near_the_limit),
                                       cmocka_unit_test(test_trim_keeps_what_was_handed_out)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
