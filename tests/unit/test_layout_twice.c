/* test_layout_twice.c - laying out in one process more than once: two SVG
 * layouts and two ArchiMate exports with their diagrams, through the one
 * Graphviz context the test creates (group setup) and frees at the end.
 * Clean under valgrind (run this binary with tests/valgrind.supp): each
 * layout used to make and free a context of its own, and Graphviz's pango
 * plugin keeps the last font name it measured, which lives in the context,
 * so the second layout read freed memory. Runs with cwd = tests/. */
#include "tests/unit/testutil.h"

#include <stdlib.h>

#include "export/export.h"
#include "model/model.h"
#include "refs/refs.h"
#include "render/render.h"

#define REFS_DIR "../reference-models"

static const char model_text[] =
    "framework: \"2.0\"\n"
    "architecture: {id: t, agency: x, level: province, name: Tỉnh Thử, year: 2020}\n"
    "application:\n"
    "  applications:\n"
    "    - {id: a, name: Hệ thống thông tin giải quyết thủ tục hành chính, role: tthc}\n"
    "  platforms:\n"
    "    - {id: lgsp, name: LGSP, kind: lgsp, connects: [national:ngsp]}\n"
    "  integrations:\n"
    "    - {from: a, to: national:dvcqg, via: lgsp, route: a, data: [Hồ sơ]}\n";

typedef struct fixture {
    egaf_diags *diags;
    egaf_refs *refs;
    egaf_model *model;
    egaf_gv *gv;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof(*f));
    f->diags = egaf_diags_create();
    egaf_refs_status st;
    f->refs = egaf_refs_load(REFS_DIR, f->diags, &st);
    f->model = egaf_model_load_memory("t.yaml", model_text, sizeof model_text - 1, NULL,
                                      f->diags);
    f->gv = egaf_gv_create();
    *state = f;
    return f->refs && f->model && f->gv ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    egaf_gv_free(f->gv);
    egaf_model_free(f->model);
    egaf_refs_free(f->refs);
    egaf_diags_free(f->diags);
    free(f);
    return 0;
}

static void test_two_svgs(void **state)
{
    fixture *f = *state;
    char *svgs[2];
    for (int i = 0; i < 2; i++) {
        Agraph_t *g = egaf_view_build(EGAF_VIEW_INTEGRATION, f->model, f->refs, 2020, NULL,
                                      f->diags);
        assert_non_null(g);
        egaf_buf svg;
        egaf_buf_init(&svg);
        assert_int_equal(egaf_render_graph(f->gv, g, EGAF_OUT_SVG, &svg, f->diags, "t.yaml"), 0);
        egaf_view_free(g);
        assert_non_null(strstr(svg.data, "<svg"));
        assert_non_null(strstr(svg.data, "Hệ thống thông tin"));
        svgs[i] = svg.data;
    }
    /* the same graph lays out to the same bytes the second time */
    assert_string_equal(svgs[0], svgs[1]);
    free(svgs[0]);
    free(svgs[1]);
    assert_int_equal(find_rule(f->diags, "render.graphviz"), -1);
}

static void test_two_archimate_exports(void **state)
{
    fixture *f = *state;
    egaf_export_options eo = {false, "9.9", false, f->gv};
    char *xml[2];
    for (int i = 0; i < 2; i++) {
        egaf_buf out;
        egaf_buf_init(&out);
        assert_int_equal(egaf_export_archimate(&out, &f->model, 1, f->refs, &eo, f->diags), 0);
        assert_non_null(strstr(out.data, "<view identifier=\"id-view.t.integration\""));
        assert_non_null(strstr(out.data, "xsi:type=\"Element\" elementRef=\"id-t.a\" x=\""));
        xml[i] = out.data;
    }
    assert_string_equal(xml[0], xml[1]);
    free(xml[0]);
    free(xml[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_svgs),
        cmocka_unit_test(test_two_archimate_exports),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
