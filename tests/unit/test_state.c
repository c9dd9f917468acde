/* test_state.c - the current and the target view of one model
 * (model/state.h): which elements each holds, references to a replaced
 * element turned to its replacement in the target only, the tasks that
 * close an item (cancelled ones never), and the gap built on them. */
#include "testutil.h"

#include "diff/gap.h"
#include "model/model.h"
#include "model/state.h"
#include "cmocka_main.h"

static const char model_text[] =
    "framework: \"2.0\"\n"
    "architecture: {id: t, agency: \"000.00.00.H37\", level: province, name: T, year: 2020}\n"
    "business:\n"
    "  services:\n"
    "    - {id: s1, name: S1, handled-by: old-app}\n"
    "data:\n"
    "  databases:\n"
    "    - {id: db-gone, name: D, status: retired}\n"
    "    - {id: db-new, name: N, status: planned}\n"
    "application:\n"
    "  applications:\n"
    "    - {id: old-app, name: Old, uses: [db-gone]}\n"
    "    - {id: new-app, name: New, status: planned, replaces: old-app, uses: [db-new]}\n"
    "  integrations:\n"
    "    - {from: old-app, to: national:dvcqg}\n"
    "implementation:\n"
    "  roadmap:\n"
    "    - {id: t1, name: T1, from: 2021, to: 2022, delivers: [old-app]}\n"
    "    - {id: t2, name: T2, from: 2021, to: 2022, progress: cancelled, delivers: [db-new]}\n";

static const egaf_element *by_id(const egaf_model *m, egaf_kind k, const char *id)
{
    for (size_t i = 0; i < m->counts[k]; i++)
        if (m->elements[k][i]->id && strcmp(m->elements[k][i]->id, id) == 0)
            return m->elements[k][i];
    return NULL;
}

/* Item i of the gap: its action, its id (for an integration, where it comes
 * from) and the one task that delivers it (NULL: none does). */
static void assert_gap_item(const egaf_gap *g, size_t i, egaf_gap_action action, const char *id,
                            const char *task)
{
    const egaf_gap_item *it = &g->items[i];
    assert_int_equal(it->action, action);
    assert_string_equal(action == EGAF_GAP_INTEGRATE ? it->from : it->id, id);
    assert_int_equal(it->ntasks, task ? 1 : 0);
    if (task)
        assert_string_equal(it->tasks[0], task);
}

static void test_views(void **state)
{
    (void)state;
    egaf_diags *diags = egaf_diags_create();
    egaf_model *m = load_model_text(model_text, diags);
    egaf_states st;
    assert_int_equal(egaf_states_init(&st, m), 0);

    egaf_model *cur = egaf_model_state_view(&st, EGAF_STATE_CURRENT);
    egaf_model *tgt = egaf_model_state_view(&st, EGAF_STATE_TARGET);
    assert_non_null(cur);
    assert_non_null(tgt);
    /* current: old-app and the retired database; target: new-app, db-new */
    assert_non_null(by_id(cur, EGAF_K_APPLICATION, "old-app"));
    assert_null(by_id(cur, EGAF_K_APPLICATION, "new-app"));
    assert_non_null(by_id(cur, EGAF_K_DATABASE, "db-gone"));
    assert_null(by_id(cur, EGAF_K_DATABASE, "db-new"));
    assert_null(by_id(tgt, EGAF_K_APPLICATION, "old-app"));
    assert_non_null(by_id(tgt, EGAF_K_APPLICATION, "new-app"));
    assert_null(by_id(tgt, EGAF_K_DATABASE, "db-gone"));
    assert_int_equal(tgt->counts[EGAF_K_ROADMAP], 2);

    /* the service follows the replacement in the target only */
    const egaf_element *s_cur = by_id(cur, EGAF_K_SERVICE, "s1");
    const egaf_element *s_tgt = by_id(tgt, EGAF_K_SERVICE, "s1");
    assert_string_equal(egaf_element_text(s_cur, EGAF_F_HANDLED_BY), "old-app");
    assert_string_equal(egaf_element_text(s_tgt, EGAF_F_HANDLED_BY), "new-app");
    assert_string_equal(egaf_element_text(by_id(m, EGAF_K_SERVICE, "s1"), EGAF_F_HANDLED_BY),
                        "old-app"); /* the model itself is untouched */
    assert_string_equal(
        egaf_element_text(tgt->elements[EGAF_K_INTEGRATION][0], EGAF_F_FROM), "new-app");
    /* its own `replaces` is not turned into itself */
    assert_string_equal(
        egaf_element_text(by_id(tgt, EGAF_K_APPLICATION, "new-app"), EGAF_F_REPLACES), "old-app");

    /* closing tasks: the replacement by the task of the old id; the
     * cancelled task closes nothing */
    const egaf_element *tasks[4];
    assert_int_equal(
        egaf_states_closing_tasks(&st, by_id(m, EGAF_K_APPLICATION, "new-app"), tasks, 4), 1);
    assert_string_equal(tasks[0]->id, "t1");
    assert_int_equal(
        egaf_states_closing_tasks(&st, by_id(m, EGAF_K_DATABASE, "db-new"), tasks, 4), 0);
    assert_false(egaf_states_gap_item(&st, by_id(m, EGAF_K_APPLICATION, "old-app")));
    assert_true(egaf_states_gap_item(&st, by_id(m, EGAF_K_APPLICATION, "new-app")));
    assert_true(egaf_states_gap_item(&st, m->elements[EGAF_K_INTEGRATION][0]));

    egaf_model_free(tgt);
    egaf_model_free(cur);
    egaf_states_free(&st);

    /* the gap: build db-new (uncovered), change new-app, retire db-gone
     * (uncovered), integrate new-app → national:dvcqg (by t1, via the end
     * it replaces); s1 is no item */
    egaf_gap *g = egaf_gap_compute(m);
    assert_non_null(g);
    assert_int_equal(g->nitems, 4);
    assert_gap_item(g, 0, EGAF_GAP_BUILD, "db-new", NULL);
    assert_gap_item(g, 1, EGAF_GAP_CHANGE, "new-app", "t1");
    assert_string_equal(g->items[1].replaces, "old-app");
    assert_gap_item(g, 2, EGAF_GAP_RETIRE, "db-gone", NULL);
    assert_gap_item(g, 3, EGAF_GAP_INTEGRATE, "new-app", "t1");
    assert_int_equal(g->uncovered, 2);

    /* the same model gives the same bytes */
    egaf_buf a, b;
    egaf_buf_init(&a);
    egaf_buf_init(&b);
    egaf_gap_write_json(&a, g, NULL);
    egaf_gap *g2 = egaf_gap_compute(m);
    assert_non_null(g2);
    egaf_gap_write_json(&b, g2, NULL);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    egaf_buf_free(&a);
    egaf_buf_free(&b);
    egaf_gap_free(g2);
    egaf_gap_free(g);
    egaf_model_free(m);
    egaf_diags_free(diags);
}

/* A successor already in operation (replaces on an existing element): the
 * old one is still retired by the gap, closed by the successor's task; a
 * `replaces` naming itself or an element of another kind replaces nothing. */
static void test_successor_in_operation(void **state)
{
    (void)state;
    static const char text[] =
        "framework: \"2.0\"\n"
        "architecture: {id: t, agency: \"000.00.00.H37\", level: province, name: T, year: 2020}\n"
        "data:\n"
        "  databases:\n"
        "    - {id: db, name: D}\n"
        "application:\n"
        "  applications:\n"
        "    - {id: hop-cu, name: Old, status: retired}\n"
        "    - {id: hop-xa, name: New, replaces: hop-cu}\n"
        "    - {id: self, name: S, status: planned, replaces: self}\n"
        "    - {id: odd, name: O, status: planned, replaces: db}\n"
        "implementation:\n"
        "  roadmap:\n"
        "    - {id: t1, name: T1, from: 2021, to: 2022, delivers: [hop-xa]}\n";
    egaf_diags *diags = egaf_diags_create();
    egaf_model *m = load_model_text(text, diags);
    egaf_states st;
    assert_int_equal(egaf_states_init(&st, m), 0);
    const egaf_element *old = by_id(m, EGAF_K_APPLICATION, "hop-cu");
    assert_true(egaf_states_gap_item(&st, old));
    const egaf_element *tasks[2];
    assert_int_equal(egaf_states_closing_tasks(&st, old, tasks, 2), 1);
    assert_string_equal(tasks[0]->id, "t1");
    assert_null(egaf_states_replacement(&st, "self"));
    assert_null(egaf_states_replacement(&st, "db"));
    assert_true(egaf_states_in(&st, by_id(m, EGAF_K_APPLICATION, "self"), EGAF_STATE_TARGET));
    assert_true(egaf_states_in(&st, by_id(m, EGAF_K_DATABASE, "db"), EGAF_STATE_TARGET));
    egaf_states_free(&st);

    egaf_gap *g = egaf_gap_compute(m);
    assert_non_null(g);
    /* build odd, build self, retire hop-cu (by t1) */
    assert_int_equal(g->nitems, 3);
    assert_gap_item(g, 2, EGAF_GAP_RETIRE, "hop-cu", "t1");
    egaf_gap_free(g);
    egaf_model_free(m);
    egaf_diags_free(diags);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_views),
               cmocka_unit_test(test_successor_in_operation))
