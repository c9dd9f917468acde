/* test_run.c - checking a run model by model (egaf_run_*, validate's road:
 * each model checked on its own and freed at once, references between the
 * models resolved after the last) reports exactly what egaf_validate() does
 * with every model in memory: the same findings, in the same order, with
 * the same notes at the targets and the same waivers, whatever order the
 * models are checked in. Under valgrind, a finding that still pointed into
 * a freed model would show. */
#include "tests/unit/testutil.h"
#include "tests/unit/refs_group.h"
#include "tests/unit/cmocka_main.h"

#include <stdlib.h>

#include "model/model.h"
#include "refs/refs.h"
#include "report/report.h"
#include "validator/validate.h"

#define CROSS "../tests/fixtures/cross-refs/"

static const char *const files[] = {CROSS "ls-a.yaml", CROSS "ls-b.yaml"};
enum { NFILES = 2 };

static egaf_model *load(const char *path, egaf_diags *diags, egaf_load_options *options)
{
    egaf_read_status status;
    egaf_model *m = egaf_model_load(path, options, diags, &status);
    assert_non_null(m);
    return m;
}

/* The text report of diags, sorted. */
static char *report(egaf_diags *diags)
{
    egaf_diags_sort(diags);
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_report_options ro = {.quiet = true};
    egaf_report_text(&out, diags, &ro);
    char *text = strndup(out.data ? out.data : "", out.len);
    egaf_buf_free(&out);
    return text;
}

/* Every model in memory, one list: egaf_validate(). */
static char *validate_kept(void)
{
    egaf_diags *d = egaf_diags_create();
    egaf_model *models[NFILES];
    for (int i = 0; i < NFILES; i++)
        models[i] = load(files[i], d, NULL);
    egaf_validator *v = egaf_validator_create(refs);
    egaf_validate(v, models, NFILES, d);
    egaf_validator_free(v);
    for (int i = 0; i < NFILES; i++)
        egaf_model_free(models[i]);
    char *text = report(d);
    egaf_diags_free(d);
    return text;
}

/* Model by model, in the order given, each freed right after its check
 * (its memory kept for the next, as a worker does), a list each. */
static char *validate_one_by_one(const int order[NFILES])
{
    egaf_validator *v = egaf_validator_create(refs);
    egaf_run *run = egaf_run_create(v, NFILES, false);
    assert_non_null(run);
    egaf_diags *loads[NFILES], *checks[NFILES];
    egaf_load_scratch scratch = {0};
    egaf_load_options options = {.release_text = true, .scratch = &scratch};
    for (int k = 0; k < NFILES; k++) {
        int i = order[k];
        loads[i] = egaf_diags_create();
        checks[i] = egaf_diags_create();
        egaf_model *m = load(files[i], loads[i], &options);
        egaf_run_check(run, (size_t)i, m, checks[i]);
        egaf_model_free_into(m, &scratch);
    }
    egaf_run_finish(run);
    egaf_diags *all = egaf_diags_create();
    for (int i = 0; i < NFILES; i++)
        egaf_diags_absorb(all, loads[i]);
    for (int i = 0; i < NFILES; i++)
        egaf_diags_absorb(all, checks[i]);
    egaf_run_free(run);
    egaf_validator_free(v);
    egaf_load_scratch_free(&scratch);
    char *text = report(all);
    egaf_diags_free(all);
    return text;
}

static void test_same_findings_as_every_model_in_memory(void **state)
{
    (void)state;
    char *kept = validate_kept();
    /* the references between the models gave their findings */
    assert_non_null(strstr(kept, "ls-b.yaml:39:45: error: 'uses' of ls-b:mot-cua names "
                                 "'ls-a:khong-co', but architecture 'ls-a' has no element "
                                 "'khong-co' [ref.unresolved]\n"));
    assert_non_null(strstr(kept, "ls-a.yaml:56:7: note: infrastructure 'ls-a:tt-du-lieu' is "
                                 "declared here\n   56 |     - id: tt-du-lieu\n"));
    assert_non_null(strstr(kept, "[ref.unresolved] (waived error)\n"));
    const int forward[NFILES] = {0, 1}, backward[NFILES] = {1, 0};
    char *one_by_one = validate_one_by_one(forward);
    assert_string_equal(one_by_one, kept);
    free(one_by_one);
    /* ls-b, which refers to ls-a, checked and freed before ls-a is read */
    one_by_one = validate_one_by_one(backward);
    assert_string_equal(one_by_one, kept);
    free(one_by_one);
    free(kept);
}

EGAF_UNIT_MAIN(refs_group_setup, refs_group_teardown,
               cmocka_unit_test(test_same_findings_as_every_model_in_memory))
