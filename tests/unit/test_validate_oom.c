/* test_validate_oom.c - running out of memory in the validator is an error,
 * never a wrong finding: every allocation of a validation is made to fail in
 * turn, alone (the first, the second, … the last one a clean run makes), and each
 * run either says memory ran out (egaf_diags_failed) or gives exactly the
 * findings of a run with all the memory it wants (the allocations fail
 * through tests/unit/fail_alloc.h). Runs with cwd = tests/. */
#include "tests/unit/testutil.h"

#include <stdlib.h>
#include <unistd.h>

#include "base/buf.h"
#include "model/model.h"
#include "refs/refs.h"
#include "validator/validate.h"
#include "cmocka_main.h"
#include "tests/unit/fail_alloc.h"

/* A model where every check family has something to say: unused elements
 * beside used ones (hygiene.unused), an LGSP reached through another
 * platform, a database that takes its master data through another one,
 * routes, names that differ only by diacritics. */
static const char model_text[] =
    "framework: \"2.0\"\n"
    "architecture: {id: t, agency: \"000.00.00.H37\", level: province, name: Tỉnh Thử, "
    "year: 2020}\n"
    "business:\n"
    "  actors: [{id: dan, name: Người dân, kind: citizen}, {id: dn, name: Doanh nghiệp, "
    "kind: business}]\n"
    "  channels: [{id: web, name: Cổng, kind: web}]\n"
    "  services:\n"
    "    - {id: dv1, name: Dịch vụ 1, online: full, handled-by: tthc, channels: [web], "
    "actors: [dn]}\n"
    "application:\n"
    "  applications:\n"
    "    - {id: tthc, name: Hệ thống thông tin giải quyết TTHC, role: tthc, uses: [db1], "
    "hosted-on: [ttdl]}\n"
    "    - {id: qlvb, name: Quản lý văn bản, role: qlvb, hosted-on: [ttdl]}\n"
    "    - {id: le, name: Ứng dụng lẻ, role: other}\n"
    "    - {id: le2, name: Ung dung le, role: other}\n"
    "  platforms:\n"
    "    - {id: lgsp, name: LGSP, kind: lgsp, connects: [trung-gian], hosted-on: [ttdl]}\n"
    "    - {id: trung-gian, name: Trung gian, kind: iam, connects: [lgsp, national:ngsp]}\n"
    "    - {id: lgsp2, name: LGSP hai, kind: lgsp, connects: [national:ngsp]}\n"
    "  integrations:\n"
    "    - {from: tthc, to: national:dvcqg, via: lgsp, route: a, data: [Hồ sơ]}\n"
    "    - {from: qlvb, to: national:tltvb, route: b, data: [Văn bản]}\n"
    "data:\n"
    "  databases:\n"
    "    - {id: db1, name: CSDL một, kind: shared, sources: [db2], holds: [dan-cu]}\n"
    "    - {id: db2, name: CSDL hai, kind: shared, sources: [national:csdl-dan-cu]}\n"
    "    - {id: db3, name: CSDL ba, kind: shared, holds: [dan-cu]}\n"
    "technology:\n"
    "  infrastructure:\n"
    "    - {id: ttdl, name: Trung tâm dữ liệu, kind: datacenter, security-level: 3}\n"
    "    - {id: mang, name: Mạng, kind: network}\n";

/* The findings as text, one a line: what a wrong finding would change. */
static char *findings_text(const egaf_diags *d)
{
    egaf_buf b;
    egaf_buf_init(&b);
    for (size_t i = 0; i < egaf_diags_count(d); i++) {
        const egaf_finding *f = egaf_diags_at(d, i);
        egaf_buf_printf(&b, "%s %u:%u %s | %s\n", f->rule, f->line, f->col, f->message,
                        f->hint ? f->hint : "");
    }
    return b.data ? b.data : calloc(1, 1);
}

/* validate's road for a folder: the model checked on its own and its ids
 * kept as for a model freed right after (egaf_run, models not kept) */
static void validate_model_by_model(egaf_validator *v, egaf_model *m, egaf_diags *d)
{
    egaf_run *run = egaf_run_create(v, 1, false);
    if (!run) {
        egaf_diags_fail(d);
        return;
    }
    egaf_run_check(run, 0, m, d);
    egaf_run_finish(run);
    egaf_run_free(run);
}

static void validate_all(egaf_validator *v, egaf_model *m, egaf_diags *d)
{
    egaf_validate(v, &m, 1, d);
}

/* Each allocation of a validation made to fail in turn: every run says
 * memory ran out or gives want. */
static void fails_in_turn(const char *what, void (*validate)(egaf_validator *, egaf_model *,
                                                             egaf_diags *),
                          egaf_validator *v, egaf_model *m, const char *want, long total)
{
    long failed_runs = 0;
    for (long n = 0; n < total; n++) {
        egaf_diags *d = egaf_diags_create();
        assert_non_null(d);
        fail_after = n;
        validate(v, m, d);
        fail_after = -1;
        if (egaf_diags_failed(d)) {
            failed_runs++;
        } else {
            char *got = findings_text(d);
            if (strcmp(got, want) != 0) {
                size_t same = 0;
                while (got[same] && got[same] == want[same])
                    same++;
                while (same && want[same - 1] != '\n')
                    same--;
                fail_msg("%s: allocation %ld of %ld failed, memory running out was not "
                         "reported, and the findings differ from line %zu on:\n--- want\n"
                         "%.300s\n--- got\n%.300s",
                         what, n, total, same, want + same, got + same);
            }
            free(got);
        }
        egaf_diags_free(d);
    }
    print_message("%s: %ld of %ld runs said memory ran out\n", what, failed_runs, total);
}

static void test_every_allocation_fails_in_turn(void **state)
{
    (void)state;
    if (UNDER_ASAN)
        skip();
    egaf_diags *ld = egaf_diags_create();
    egaf_model *m = egaf_model_load_memory("t.yaml", model_text, sizeof model_text - 1, NULL, ld);
    egaf_refs *refs = load_test_refs();
    assert_true(m && refs);

    /* the reference run, and how many allocations it makes */
    egaf_diags *d = egaf_diags_create();
    egaf_validator *v = egaf_validator_create(refs);
    assert_non_null(v);
    allocations = 0;
    egaf_validate(v, &m, 1, d);
    long total = allocations;
    assert_false(egaf_diags_failed(d));
    char *want = findings_text(d);
    assert_non_null(strstr(want, "hygiene.unused"));
    assert_non_null(strstr(want, "component.multiple-lgsp"));
    egaf_diags_free(d);
    print_message("a clean validation makes %ld allocations\n", total);

    fails_in_turn("validate", validate_all, v, m, want, total);
    /* model by model: the same findings */
    d = egaf_diags_create();
    allocations = 0;
    validate_model_by_model(v, m, d);
    total = allocations;
    char *by_model = findings_text(d);
    assert_string_equal(by_model, want);
    free(by_model);
    egaf_diags_free(d);
    fails_in_turn("model by model", validate_model_by_model, v, m, want, total);
    free(want);

    /* the cross-model checks of a consolidation, the same way */
    d = egaf_diags_create();
    allocations = 0;
    egaf_validate_cross(refs, &m, 1, 2020, d);
    total = allocations;
    assert_false(egaf_diags_failed(d));
    want = findings_text(d);
    assert_non_null(strstr(want, "cross.coverage"));
    egaf_diags_free(d);
    for (long n = 0; n < total; n++) {
        d = egaf_diags_create();
        assert_non_null(d);
        fail_after = n;
        egaf_validate_cross(refs, &m, 1, 2020, d);
        fail_after = -1;
        if (!egaf_diags_failed(d)) {
            char *got = findings_text(d);
            if (strcmp(got, want) != 0)
                fail_msg("cross: allocation %ld of %ld failed unreported", n, total);
            free(got);
        }
        egaf_diags_free(d);
    }
    free(want);
    egaf_validator_free(v);
    egaf_model_free(m);
    egaf_refs_free(refs);
    egaf_diags_free(ld);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_every_allocation_fails_in_turn))
