/* test_query.c - the questions several layers ask of a model (model/query.h):
 * its year, its LGSP, its elements by id, local references, and which
 * elements reach a national system through chains and cycles of references,
 * in one linear search. */
#include "tests/unit/testutil.h"

#include <stdlib.h>

#include "model/model.h"
#include "model/query.h"
#include "cmocka_main.h"

/* The header every model of this file starts with. */
#define HEADER                                                                                 \
    "framework: \"2.0\"\n"                                                                      \
    "architecture: {id: q, agency: x, level: province, name: Q, year: 2021}\n"

static egaf_model *load(const char *text, egaf_diags *d)
{
    egaf_model *m = egaf_model_load_memory("q.yaml", text, strlen(text), NULL, d);
    assert_non_null(m);
    return m;
}

static void test_year_and_lgsp(void **state)
{
    (void)state;
    egaf_diags *d = egaf_diags_create();
    const char *text = HEADER "application: {platforms: [{id: iam, name: IAM, kind: iam}, "
                              "{id: lgsp, name: LGSP, kind: lgsp}, "
                              "{id: lgsp-2, name: LGSP 2, kind: lgsp}]}\n";
    egaf_model *m = load(text, d);
    assert_int_equal(egaf_model_year(m), 2021);
    assert_string_equal(egaf_model_lgsp(m)->id, "lgsp");
    assert_false(egaf_element_is_lgsp(m->elements[EGAF_K_PLATFORM][0]));
    /* "id" and "<the model's id>:id" are local; another architecture's is not */
    assert_ptr_equal(egaf_model_local(m, NULL, "q:lgsp-2"), m->elements[EGAF_K_PLATFORM][2]);
    assert_ptr_equal(egaf_model_local(m, NULL, "iam"), m->elements[EGAF_K_PLATFORM][0]);
    assert_null(egaf_model_local(m, NULL, "other:iam"));
    assert_null(egaf_model_local(m, NULL, "national:ngsp"));
    /* by id: any kind but the header, which is no element of a section */
    assert_ptr_equal(egaf_model_element(m, "lgsp"), m->elements[EGAF_K_PLATFORM][1]);
    assert_null(egaf_model_element(m, "q"));
    assert_null(egaf_model_element(m, "q:lgsp"));
    assert_null(egaf_model_element(m, NULL));
    assert_null(egaf_model_element(NULL, "lgsp"));
    egaf_model_free(m);

    /* no year, or a year that is not a number: 0 */
    m = load("framework: \"2.0\"\narchitecture: {id: q, year: hai-nghin}\n", d);
    assert_int_equal(egaf_model_year(m), 0);
    assert_null(egaf_model_lgsp(m));
    egaf_model_free(m);
    egaf_diags_free(d);
}

static void test_reaches_through_chains_and_cycles(void **state)
{
    (void)state;
    egaf_diags *d = egaf_diags_create();
    /* a → b → c → NGSP; d ⇄ e, a cycle that never gets there; f names
     * itself and another architecture's platform */
    egaf_model *m = load(HEADER "application:\n"
                         "  platforms:\n"
                         "    - {id: a, name: A, kind: lgsp, connects: [b]}\n"
                         "    - {id: b, name: B, kind: iam, connects: [q:c]}\n"
                         "    - {id: c, name: C, kind: iam, connects: [national:ngsp]}\n"
                         "    - {id: d, name: D, kind: iam, connects: [e]}\n"
                         "    - {id: e, name: E, kind: iam, connects: [d, a-bo:x]}\n"
                         "    - {id: f, name: F, kind: iam, connects: [f, other:c]}\n",
                         d);
    bool reach[6];
    assert_true(egaf_model_reaches(m, NULL, EGAF_K_PLATFORM, EGAF_F_CONNECTS, "ngsp", reach));
    const bool want[6] = {true, true, true, false, false, false};
    for (int i = 0; i < 6; i++)
        assert_int_equal(reach[i], want[i]);
    assert_true(egaf_model_reaches(m, NULL, EGAF_K_PLATFORM, EGAF_F_CONNECTS, "dvcqg", reach));
    for (int i = 0; i < 6; i++)
        assert_false(reach[i]);
    egaf_model_free(m);
    egaf_diags_free(d);
}

/* 150 platforms, each connected to every other (22,350 references): a
 * search without a visited set walks every path and never ends; this one
 * looks at each reference once. */
static void test_reaches_fully_connected(void **state)
{
    (void)state;
    enum { N = 150 };
    egaf_buf text;
    egaf_buf_init(&text);
    egaf_buf_puts(&text, HEADER "application:\n  platforms:\n");
    for (int i = 0; i < N; i++) {
        egaf_buf_printf(&text, "    - {id: p%d, name: P%d, kind: iam, connects: [", i, i);
        for (int j = 0; j < N; j++)
            if (j != i)
                egaf_buf_printf(&text, "p%d, ", j);
        egaf_buf_puts(&text, i == N - 1 ? "national:ngsp]}\n" : "national:tltvb]}\n");
    }
    assert_false(text.failed);
    egaf_diags *d = egaf_diags_create();
    egaf_model *m = load(text.data, d);
    assert_int_equal(m->counts[EGAF_K_PLATFORM], N);
    bool *reach = calloc(N, sizeof(*reach));
    assert_true(egaf_model_reaches(m, NULL, EGAF_K_PLATFORM, EGAF_F_CONNECTS, "ngsp", reach));
    for (int i = 0; i < N; i++)
        assert_true(reach[i]); /* every one through the last */
    assert_true(egaf_model_reaches(m, NULL, EGAF_K_PLATFORM, EGAF_F_CONNECTS, "csdl", reach));
    for (int i = 0; i < N; i++)
        assert_false(reach[i]);
    free(reach);
    egaf_model_free(m);
    egaf_diags_free(d);
    egaf_buf_free(&text);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_year_and_lgsp),
               cmocka_unit_test(test_reaches_through_chains_and_cycles),
               cmocka_unit_test(test_reaches_fully_connected))
