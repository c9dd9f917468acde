/* test_diag_absorb.c - a list that absorbed others, absorbed in turn, keeps
 * every finding alive (the site's diagram cache absorbs each copied
 * diagram's findings into the render list, which consolidate absorbs); a
 * finding added late takes the place it was found at. */
#include "tests/unit/testutil.h"

static void test_nested_absorb(void **state)
{
    (void)state;
    egaf_diags *all = egaf_diags_create();
    egaf_diags *middle = egaf_diags_create();
    for (int i = 0; i < 3; i++) {
        egaf_diags *leaf = egaf_diags_create();
        /* enough findings that the leaf's arena takes more than one chunk */
        for (int k = 0; k < 2000; k++)
            egaf_diag_at(leaf, "render.budget", "leaf.yaml", (unsigned)(i * 10000 + k + 1), 1,
                         NULL, "finding %d of leaf %d", k, i);
        egaf_diags_absorb(middle, leaf);
    }
    egaf_diags_absorb(all, middle); /* middle and its leaves are freed as lists */
    assert_int_equal(egaf_diags_count(all), 6000);
    egaf_diags_sort(all);
    const egaf_finding *f = egaf_diags_at(all, 5999);
    assert_string_equal(f->message, "finding 1999 of leaf 2");
    assert_string_equal(f->file, "leaf.yaml");
    assert_int_equal(f->line, 21999 + 1);
    egaf_diags_free(all);
}

/* A finding decided after the others (a reference to another model) moved
 * to where it was found: among findings at one place, the insertion order
 * (the last sort key) is then as if it had been added there. */
static void test_move_last(void **state)
{
    (void)state;
    egaf_diags *d = egaf_diags_create();
    const char *const added[] = {"first", "second", "third", "decided later"};
    for (int i = 0; i < 4; i++)
        egaf_diag_at(d, "ref.unresolved", "m.yaml", 7, 3, NULL, "%s", added[i]);
    egaf_diags_move_last(d, 1);
    egaf_diags_move_last(d, 9); /* past the end: stays last */
    egaf_diags_sort(d);
    const char *const sorted[] = {"first", "decided later", "second", "third"};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(egaf_diags_at(d, i)->message, sorted[i]);
        assert_int_equal(egaf_diags_at(d, i)->seq, i);
    }
    egaf_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_nested_absorb),
                                       cmocka_unit_test(test_move_last)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
