/* test_diag_absorb.c - a list that absorbed others, absorbed in turn, keeps
 * every finding alive (the site's diagram cache absorbs each copied
 * diagram's findings into the render list, which consolidate absorbs). */
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

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_nested_absorb)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
