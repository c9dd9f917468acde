/* test_load_oom.c - running out of memory while reading the reference
 * models or a model is an error, never data left out: allocations of a
 * load are made to fail, one at a time, and each load either says memory
 * ran out (NULL with EGAF_REFS_NO_MEMORY, or egaf_diags_failed) or gives
 * what a load with all the memory it wants gives (the allocations fail
 * through tests/unit/fail_alloc.h). A reference load makes
 * some forty thousand allocations: the first ones and then one in every
 * few hundred are made to fail, which reaches libyaml's as well as egaf's.
 * Runs with cwd = tests/. */
#include "tests/unit/testutil.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/buf.h"
#include "model/model.h"
#include "refs/refs.h"
#include "cmocka_main.h"
#include "tests/unit/fail_alloc.h"

static void findings_text(egaf_buf *b, const egaf_diags *d)
{
    for (size_t i = 0; i < egaf_diags_count(d); i++) {
        const egaf_finding *f = egaf_diags_at(d, i);
        egaf_buf_printf(b, "%s %u:%u %s\n", f->rule, f->line, f->col, f->message);
    }
}

/* What a load of the reference models read: every entry, every framework's
 * lists, the national targets, and the findings. */
static char *refs_text(const egaf_refs *r, const egaf_diags *d, egaf_refs_status status)
{
    egaf_buf b;
    egaf_buf_init(&b);
    egaf_buf_printf(&b, "status %d, %zu entries:", (int)status, r->nentries);
    for (size_t i = 0; i < r->nentries; i++)
        egaf_buf_printf(&b, " %s", r->entries[i]->id);
    for (size_t i = 0; i < r->nframeworks; i++) {
        const egaf_ref_framework *f = r->frameworks[i];
        egaf_buf_printf(&b, "\nframework %s: %zu sections, %zu requirements, %zu routes, "
                            "%zu security levels, %zu targets",
                        f->edition, f->nsections, f->nrequirements, f->nroutes,
                        f->nsecurity_levels, f->ntargets);
    }
    egaf_buf_printf(&b, "\n%zu national targets\n", r->nnational_targets);
    findings_text(&b, d);
    return b.data;
}

/* The allocations made to fail: the first 64, then one in every step. */
static long next_failure(long n, long total)
{
    long step = total / 200 > 1 ? total / 200 : 1;
    return n < 64 ? n + 1 : n + step;
}

static void test_reference_models(void **state)
{
    (void)state;
    if (UNDER_ASAN)
        skip();
    egaf_diags *d = egaf_diags_create();
    egaf_refs_status status;
    allocations = 0;
    egaf_refs *r = egaf_refs_load(TEST_REFS_DIR, d, &status);
    long total = allocations;
    assert_non_null(r);
    assert_int_equal(status, EGAF_REFS_OK);
    char *want = refs_text(r, d, status);
    egaf_refs_free(r);
    egaf_diags_free(d);
    long failed_runs = 0, runs = 0;
    for (long n = 0; n < total; n = next_failure(n, total)) {
        d = egaf_diags_create();
        assert_non_null(d);
        fail_after = n;
        r = egaf_refs_load(TEST_REFS_DIR, d, &status);
        fail_after = -1;
        runs++;
        if (!r) {
            assert_int_equal(status, EGAF_REFS_NO_MEMORY);
            failed_runs++;
        } else {
            char *got = refs_text(r, d, status);
            if (strcmp(got, want) != 0) {
                size_t same = 0;
                while (got[same] && got[same] == want[same])
                    same++;
                fail_msg("allocation %ld of %ld failed, memory running out was not reported, "
                         "and the reference models differ at byte %zu:\n--- want\n%.200s\n"
                         "--- got\n%.200s",
                         n, total, same, want + same, got + same);
            }
            free(got);
            egaf_refs_free(r);
        }
        egaf_diags_free(d);
    }
    print_message("%ld of %ld loads said memory ran out\n", failed_runs, runs);
    free(want);
}

static const char model_text[] =
    "framework: \"2.0\"\n"
    "architecture: {id: t, agency: lang-son, level: province, name: Thử, year: 2020}\n"
    "application:\n"
    "  applications:\n"
    "    - {id: a, name: \"A\\u00a0\", hosted-on: [dc]}\n"
    "    - {id: b, name: B, uses: [a]}\n"
    "technology:\n"
    "  infrastructure:\n"
    "    - {id: dc, name: TTDL, kind: data-center}\n";

static char *model_summary(const egaf_model *m, const egaf_diags *d)
{
    egaf_buf b;
    egaf_buf_init(&b);
    for (int k = 0; k < EGAF_K__COUNT; k++)
        for (size_t i = 0; i < m->counts[k]; i++)
            egaf_buf_printf(&b, "%s ", m->elements[k][i]->display);
    egaf_buf_putc(&b, '\n');
    findings_text(&b, d);
    return b.data;
}

static void test_model(void **state)
{
    (void)state;
    if (UNDER_ASAN)
        skip();
    egaf_diags *d = egaf_diags_create();
    allocations = 0;
    egaf_model *m = egaf_model_load_memory("t.yaml", model_text, sizeof model_text - 1, NULL, d);
    long total = allocations;
    assert_non_null(m);
    char *want = model_summary(m, d);
    assert_non_null(strstr(want, "t:a t:b"));
    egaf_model_free(m);
    egaf_diags_free(d);
    for (long n = 0; n < total; n++) {
        d = egaf_diags_create();
        assert_non_null(d);
        fail_after = n;
        m = egaf_model_load_memory("t.yaml", model_text, sizeof model_text - 1, NULL, d);
        fail_after = -1;
        if (m && !egaf_diags_failed(d)) {
            char *got = model_summary(m, d);
            /* the builder says so with a finding of its own */
            if (!strstr(got, "out of memory") && strcmp(got, want) != 0)
                fail_msg("allocation %ld of %ld failed unreported:\n--- want\n%s--- got\n%s", n,
                         total, want, got);
            free(got);
        }
        egaf_model_free(m);
        egaf_diags_free(d);
    }
    free(want);
}

EGAF_UNIT_MAIN(NULL, NULL, cmocka_unit_test(test_reference_models), cmocka_unit_test(test_model))
