/* test_layout_twice.c - laying out in one process more than once: two SVG
 * layouts and two ArchiMate exports with their diagrams, through the one
 * Graphviz context the test creates (group setup) and frees at the end.
 * Clean under valgrind (run this binary with tests/valgrind.supp): each
 * layout used to make and free a context of its own, and Graphviz's pango
 * plugin keeps the last font name it measured, which lives in the context,
 * so the second layout read freed memory. Runs with cwd = tests/. */
#include "tests/unit/render_util.h"

#include <stdlib.h>

#include "export/export.h"
#include "model/model.h"
#include "refs/refs.h"
#include "render/render.h"
#include "cmocka_main.h"


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

/* One process, one Graphviz context, shared by every test of the group. */
static egaf_gv *gv;
static egaf_diags *diags;
static egaf_model *model;
static egaf_refs *refs;

static int group_setup(void **state)
{
    (void)state;
    gv = egaf_gv_create();
    diags = egaf_diags_create();
    refs = load_test_refs();
    model = refs && diags ? egaf_model_load_memory("t.yaml", model_text, sizeof model_text - 1, NULL, diags)
                 : NULL;
    return model && gv ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    egaf_gv_free(gv);
    egaf_model_free(model);
    egaf_refs_free(refs);
    egaf_diags_free(diags);
    return 0;
}

/* The integration view laid out to SVG. */
static char *svg_once(void)
{
    char *svg = draw_view(gv, EGAF_OUT_SVG, EGAF_VIEW_INTEGRATION, model, refs, NULL, diags, NULL);
    assert_non_null(strstr(svg, "Hệ thống thông tin"));
    return svg;
}

/* The ArchiMate exchange file, with its diagrams laid out. */
static char *archimate_once(void)
{
    egaf_export_options eo = {false, "9.9", false, gv, {NULL, NULL}};
    egaf_buf out;
    egaf_buf_init(&out);
    assert_int_equal(egaf_export_archimate(&out, &model, 1, refs, &eo, diags), 0);
    assert_non_null(strstr(out.data, "<view identifier=\"id-view.t.integration\""));
    assert_non_null(strstr(out.data, "xsi:type=\"Element\" elementRef=\"id-t.a\" x=\""));
    return out.data;
}

/* Makes the same output twice: the second must equal the first. */
static void twice(char *(*make)(void))
{
    char *first = make();
    char *second = make();
    assert_string_equal(first, second);
    free(first);
    free(second);
}

static void test_two_svgs(void **state)
{
    (void)state;
    twice(svg_once);
    assert_int_equal(find_rule(diags, "render.graphviz"), -1);
}

static void test_two_archimate_exports(void **state)
{
    (void)state;
    twice(archimate_once);
}

EGAF_UNIT_MAIN(group_setup, group_teardown,
               cmocka_unit_test(test_two_svgs),
               cmocka_unit_test(test_two_archimate_exports))
