/* test_export_oom.c - running out of memory in an export is an error, never
 * a wrong file: every allocation of an export (CSV, ArchiMate without
 * diagrams, both streamed; JSON), of a diff and of a gap is made to fail in
 * turn, alone, and each run either fails (-1, NULL) or writes exactly the
 * bytes of a run with all the memory it wants (the allocations fail through
 * tests/unit/fail_alloc.h). Runs with cwd = tests/. */
#include "tests/unit/testutil.h"

#include <stdlib.h>
#include <unistd.h>

#include "base/buf.h"
#include "diff/diff.h"
#include "diff/gap.h"
#include "export/export.h"
#include "model/model.h"
#include "refs/refs.h"
#include "cmocka_main.h"
#include "tests/unit/fail_alloc.h"

/* Every kind of relationship: references kept as "ref:" properties (to an
 * architecture not loaded), national elements, an integration through a
 * platform, a relation. Plain ids: the CSV and the ArchiMate file without
 * diagrams stream it. */
static const char model_text[] =
    "framework: \"2.0\"\n"
    "architecture: {id: t, agency: lang-son, level: province, name: Thử, name-en: Test, "
    "year: 2020}\n"
    "organisation:\n"
    "  units: [{id: u1, name: Sở một}, {id: u2, name: Sở hai, parent: u1}]\n"
    "  relations: [{from: u1, to: u2, kind: reports-to, data: [báo cáo]}]\n"
    "business:\n"
    "  actors: [{id: a1, name: '\"<a>'}]\n"
    "  channels: [{id: web, name: Cổng, kind: web}]\n"
    "  functions: [{id: f1, name: Chức năng}]\n"
    "  services:\n"
    "    - {id: s1, name: Dịch vụ, handled-by: app1, channels: [web], actors: [a1], "
    "function: f1}\n"
    "data:\n"
    "  databases:\n"
    "    - {id: db1, name: CSDL, sources: [national:csdl-dan-cu, khac:db9], hosted-on: [dc]}\n"
    "application:\n"
    "  applications:\n"
    "    - {id: app1, name: Ứng dụng, uses: [db1, khac:db8], serves: [s1], hosted-on: [dc]}\n"
    "  platforms:\n"
    "    - {id: lgsp, name: LGSP, kind: lgsp, connects: [national:ngsp]}\n"
    "  integrations:\n"
    "    - {from: app1, to: national:dvcqg, via: lgsp, data: [hồ sơ], route: a}\n"
    "technology:\n"
    "  infrastructure:\n"
    "    - {id: dc, name: TTDL, kind: data-center, connects: [national:tslcd]}\n";

/* The same, changed: a name, a reference, an element more, one less. */
static const char changed_text[] =
    "framework: \"2.0\"\n"
    "architecture: {id: t, agency: lang-son, level: province, name: Thử, name-en: Test, "
    "year: 2020}\n"
    "business:\n"
    "  actors: [{id: a1, name: '\"<a>'}, {id: a2, name: Hai}]\n"
    "  services:\n"
    "    - {id: s1, name: Dịch vụ mới, handled-by: app1, actors: [a1, a2]}\n"
    "application:\n"
    "  applications:\n"
    "    - {id: app1, name: Ứng dụng, uses: [khac:db8], serves: [s1], hosted-on: [dc]}\n"
    "  integrations:\n"
    "    - {from: app1, to: national:dvcqg, data: [hồ sơ, kết quả], route: a}\n"
    "technology:\n"
    "  infrastructure:\n"
    "    - {id: dc, name: TTDL, kind: data-center, connects: [national:tslcd]}\n";

static egaf_model *changed;

/* One export into text: 0 or -1. which: 0 CSV, 1 ArchiMate without
 * diagrams, 2 JSON, 3 the diff to the changed model (JSON), 4 the gap
 * (JSON). */
static int export_one(int which, egaf_model *m, const egaf_refs *refs, egaf_buf *text)
{
    if (which == 3) {
        egaf_diff_side o = {&m, 1, NULL, "old", NULL, NULL};
        egaf_diff_side n = {&changed, 1, NULL, "new", NULL, NULL};
        egaf_diff_options dopt = {true, refs};
        egaf_diff *d = egaf_diff_compute(&o, &n, &dopt);
        if (!d)
            return -1;
        egaf_diff_write_json(text, d, NULL);
        egaf_diff_free(d);
        return 0;
    }
    if (which == 4) {
        egaf_gap *g = egaf_gap_compute(m);
        if (!g)
            return -1;
        egaf_gap_write_json(text, g, NULL);
        egaf_gap_free(g);
        return 0;
    }
    egaf_export_options eo = {false, "9.9", true, NULL, {NULL, NULL}};
    int rc;
    if (which == 0) {
        egaf_csv_files cf;
        egaf_buf_init(&cf.elements);
        egaf_buf_init(&cf.relations);
        egaf_buf_init(&cf.properties);
        rc = egaf_export_csv(&cf, &m, 1, refs, &eo);
        egaf_buf_printf(text, "%s\n--\n%s\n--\n%s", cf.elements.data ? cf.elements.data : "",
                        cf.relations.data ? cf.relations.data : "",
                        cf.properties.data ? cf.properties.data : "");
        egaf_buf_free(&cf.elements);
        egaf_buf_free(&cf.relations);
        egaf_buf_free(&cf.properties);
    } else {
        egaf_buf out;
        egaf_buf_init(&out);
        egaf_diags *d = egaf_diags_create();
        rc = which == 1 ? egaf_export_archimate(&out, &m, 1, refs, &eo, d)
                        : egaf_export_json(&out, &m, 1, refs, &eo);
        egaf_buf_puts(text, out.data ? out.data : "");
        egaf_diags_free(d);
        egaf_buf_free(&out);
    }
    return rc;
}

static void test_every_allocation_fails_in_turn(void **state)
{
    (void)state;
    if (UNDER_ASAN)
        skip();
    egaf_diags *ld = egaf_diags_create();
    egaf_model *m = egaf_model_load_memory("t.yaml", model_text, sizeof model_text - 1, NULL, ld);
    egaf_refs *refs = load_test_refs();
    changed = egaf_model_load_memory("c.yaml", changed_text, sizeof changed_text - 1, NULL, ld);
    assert_true(m && refs && changed);
    static const char *const names[] = {"csv", "archimate", "json", "diff", "gap"};
    for (int which = 0; which < 5; which++) {
        egaf_buf want, got;
        egaf_buf_init(&want);
        egaf_buf_init(&got);
        allocations = 0;
        assert_int_equal(export_one(which, m, refs, &want), 0);
        long total = allocations;
        assert_false(want.failed);
        long failed_runs = 0;
        for (long n = 0; n < total; n++) {
            egaf_buf_reset(&got);
            fail_after = n;
            int rc = export_one(which, m, refs, &got);
            fail_after = -1;
            /* the text's own buffer failing says so too (egaf_buf.failed) */
            if (rc != 0 || got.failed) {
                failed_runs++;
                continue;
            }
            if (strcmp(got.data ? got.data : "", want.data) != 0) {
                size_t same = 0;
                while (got.data[same] && got.data[same] == want.data[same])
                    same++;
                fail_msg("%s: allocation %ld of %ld failed, unreported, and the output differs "
                         "at byte %zu:\n--- want\n%.200s\n--- got\n%.200s",
                         names[which], n, total, same, want.data + same, got.data + same);
            }
        }
        print_message("%s: %ld of %ld runs said memory ran out\n", names[which], failed_runs,
                      total);
        egaf_buf_free(&want);
        egaf_buf_free(&got);
    }
    egaf_model_free(m);
    egaf_model_free(changed);
    egaf_refs_free(refs);
    egaf_diags_free(ld);
}

EGAF_UNIT_MAIN(NULL, NULL, cmocka_unit_test(test_every_allocation_fails_in_turn))
