/* test_plan_rules.c - the rules of the planning chapters on in-memory
 * models: dependency cycles found once each, in linear time on a chain a
 * hostile model could write; a diamond is no cycle; the national targets of
 * the reference data and when they apply. Runs with cwd = tests/. */
#include "tests/unit/validate_util.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "refs/refs.h"
#include "cmocka_main.h"


static const char *const head = "framework: \"2.0\"\n"
                                "architecture: {id: m, agency: lang-son, level: province, "
                                "name: M, year: 2020, period: {from: 2021, to: 2025}}\n"
                                "implementation:\n"
                                "  roadmap:\n";

static const egaf_finding *first_of(const egaf_diags *d, const char *rule)
{
    long i = find_rule(d, rule);
    return i < 0 ? NULL : egaf_diags_at(d, (size_t)i);
}

/* The findings of a model whose roadmap has the tasks given (the lines of
 * its list, from line 5 on), without reference data. */
static egaf_diags *validate_roadmap(const char *tasks)
{
    egaf_buf b;
    egaf_buf_init(&b);
    egaf_buf_puts(&b, head);
    egaf_buf_puts(&b, tasks);
    egaf_diags *d = validate_text(b.data, NULL);
    egaf_buf_free(&b);
    return d;
}

/* t0 → t1 → … → t(n-1) → t0: one cycle through every task. */
static void test_long_cycle_once(void **state)
{
    (void)state;
    enum { N = 30000 };
    egaf_buf tasks;
    egaf_buf_init(&tasks);
    for (int i = 0; i < N; i++)
        egaf_buf_printf(&tasks, "    - {id: t%d, from: 2021, to: 2022, depends-on: [t%d]}\n", i,
                        (i + 1) % N);
    egaf_diags *d = validate_roadmap(tasks.data);
    assert_rule_count(d, "roadmap.dependency-cycle", 1);
    const egaf_finding *f = first_of(d, "roadmap.dependency-cycle");
    assert_int_equal(f->line, 5);
    assert_non_null(strstr(f->message, "t0 → t1 → t2"));
    assert_int_equal(count_rule(d, "roadmap.dependency-order"), 0);
    egaf_diags_free(d);
    egaf_buf_free(&tasks);
}

/* Two cycles, a self-dependency and a diamond (no cycle). */
static void test_cycles_and_diamond(void **state)
{
    (void)state;
    egaf_diags *d =
        validate_roadmap("    - {id: a, from: 2021, to: 2022, depends-on: [b]}\n"      /* 5 */
                         "    - {id: b, from: 2021, to: 2022, depends-on: [a]}\n"      /* 6 */
                         "    - {id: c, from: 2021, to: 2022, depends-on: [c, d]}\n"   /* 7 */
                         "    - {id: d, from: 2021, to: 2022, depends-on: [e]}\n"      /* 8 */
                         "    - {id: e, from: 2021, to: 2022, depends-on: [d]}\n"      /* 9 */
                         "    - {id: top, from: 2021, to: 2025, depends-on: [l, r]}\n" /* 10 */
                         "    - {id: l, from: 2021, to: 2023, depends-on: [base]}\n"
                         "    - {id: r, from: 2021, to: 2024, depends-on: [base]}\n"
                         "    - {id: base, from: 2021, to: 2022}\n");
    assert_rule_count(d, "roadmap.dependency-cycle", 2);
    assert_int_equal(count_rule(d, "roadmap.self-dependency"), 1);
    assert_int_equal(first_of(d, "roadmap.self-dependency")->line, 7);
    assert_int_equal(count_rule(d, "roadmap.dependency-order"), 0);
    assert_string_equal(first_of(d, "roadmap.dependency-cycle")->message,
                        "roadmap tasks depend on each other in a cycle: a → b → a");
    egaf_diags_free(d);
}

/* A dependency on a task of another kind or another architecture is the
 * reference checks' business, not a cycle or an order. */
static void test_foreign_dependencies_ignored(void **state)
{
    (void)state;
    egaf_diags *d =
        validate_roadmap("    - {id: a, from: 2021, to: 2022, depends-on: [khac:b, nowhere]}\n");
    assert_int_equal(count_rule(d, "roadmap.dependency-cycle"), 0);
    assert_int_equal(count_rule(d, "roadmap.dependency-order"), 0);
    assert_int_equal(count_rule(d, "roadmap.self-dependency"), 0);
    assert_int_equal(count_rule(d, "ref.unresolved"), 1);
    egaf_diags_free(d);
}

static void test_national_targets_data(void **state)
{
    (void)state;
    egaf_refs *refs = load_test_refs();
    assert_non_null(refs);
    assert_int_equal(refs->nnational_targets, 14);
    const egaf_ref_national_target *t = egaf_refs_national_target(refs, "dvc-muc-4");
    assert_non_null(t);
    assert_string_equal(t->value, "≥ 30%");
    assert_int_equal(t->fact.confidence, EGAF_CONF_REPORTED);
    assert_true(egaf_ref_national_target_applies(t, 2019, "ministry"));
    assert_true(egaf_ref_national_target_applies(t, 2020, "province"));
    assert_true(egaf_ref_national_target_applies(t, 0, NULL));
    assert_false(egaf_ref_national_target_applies(t, 2021, "province"));
    assert_false(egaf_ref_national_target_applies(t, 2018, NULL));
    assert_false(egaf_ref_national_target_applies(t, 2020, "commune"));
    assert_null(egaf_refs_national_target(refs, "dvc-muc4"));
    /* without reference data the national rules say nothing */
    static const char unknown_national[] =
        "framework: \"2.0\"\n"
        "architecture: {id: m, agency: lang-son, level: province, name: M, year: 2020}\n"
        "implementation:\n"
        "  targets:\n"
        "    - {id: x, value: \"1%\", year: 2021, national: nope}\n";
    egaf_diags *v = validate_text(unknown_national, NULL);
    assert_int_equal(count_rule(v, "target.national-unknown"), 0);
    assert_int_equal(count_rule(v, "target.national-uncovered"), 0);
    egaf_diags_free(v);
    v = validate_text(unknown_national, refs);
    assert_int_equal(count_rule(v, "target.national-unknown"), 1);
    assert_int_equal(count_rule(v, "target.national-uncovered"), 14);
    egaf_diags_free(v);
    egaf_refs_free(refs);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_long_cycle_once),
               cmocka_unit_test(test_cycles_and_diamond),
               cmocka_unit_test(test_foreign_dependencies_ignored),
               cmocka_unit_test(test_national_targets_data))
