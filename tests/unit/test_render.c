/* test_render.c - the renderer: label wrapping and escaping, view and format
 * names, views built from in-memory models with and without reference
 * models, the node budget, determinism, and a layout to SVG. Runs with
 * cwd = tests/. */
#include "tests/unit/render_util.h"

#include <stdlib.h>

#include "base/buf.h"
#include "model/model.h"
#include "refs/refs.h"
#include "render/render.h"

#define FIXTURE "fixtures/render/province.yaml"

static egaf_buf lbuf;

static char *label(const char *text, size_t width)
{
    egaf_buf_free(&lbuf);
    egaf_render_label(&lbuf, text, width);
    return lbuf.data ? lbuf.data : (char *)"";
}

static void test_wrap(void **state)
{
    (void)state;
    assert_string_equal(label("Người dân", 22), "Người dân");
    /* 22 code points per line, on word boundaries: Vietnamese letters are
     * 2-3 bytes each, so a byte count would break far too early */
    assert_string_equal(label("Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", 22),
                        "Hệ thống thông tin\\ngiải quyết thủ tục\\nhành chính tỉnh");
    assert_string_equal(label("Cơ sở dữ liệu quốc gia về dân cư", 22),
                        "Cơ sở dữ liệu quốc gia\\nvề dân cư");
    /* exactly the width fits */
    assert_string_equal(label("abcd efgh", 9), "abcd efgh");
    assert_string_equal(label("abcd efghi", 9), "abcd\\nefghi");
    /* a word longer than the width is cut, by characters */
    assert_string_equal(label("abcdefghij", 4), "abcd\\nefgh\\nij");
    assert_string_equal(label("đđđđđđ", 4), "đđđđ\\nđđ");
    /* spaces collapse; leading and trailing ones go */
    assert_string_equal(label("  a   b  ", 22), "a b");
    /* a line break in the text is kept */
    assert_string_equal(label("dòng 1\ndòng 2", 22), "dòng 1\\ndòng 2");
    assert_string_equal(label("", 22), "");
    /* width 0 means the default */
    assert_string_equal(label("Hệ thống thông tin giải quyết", 0),
                        "Hệ thống thông tin\\ngiải quyết");
}

static void test_escape(void **state)
{
    (void)state;
    /* backslashes doubled: \N, \G, \l in a name stay literal in Graphviz */
    assert_string_equal(label("C:\\New \\N", 22), "C:\\\\New \\\\N");
    /* quotes and markup are left as they are: cgraph escapes quotes when it
     * writes DOT, and the SVG writer escapes < > & */
    assert_string_equal(label("\"><script>", 22), "\"><script>");
    /* control characters are dropped, tabs are spaces */
    assert_string_equal(label("a\x01" "b\tc\x7f", 22), "ab c");
    /* invalid UTF-8 becomes U+FFFD */
    assert_string_equal(label("a\xff" "b", 22), "a\xEF\xBF\xBD" "b");
    assert_string_equal(label("\xC3(", 22), "\xEF\xBF\xBD(");
    assert_int_equal(egaf_render_width("Cộng hòa"), 8);
    assert_int_equal(egaf_render_width("abc"), 3);
    assert_int_equal(egaf_render_width(NULL), 0);
}

static void test_names(void **state)
{
    (void)state;
    egaf_view v;
    assert_int_equal(egaf_view_parse("integration", &v), 0);
    assert_int_equal(v, EGAF_VIEW_INTEGRATION);
    assert_int_equal(egaf_view_parse("overveiw", &v), -1);
    for (int i = 0; i < EGAF_VIEW__COUNT; i++) {
        assert_int_equal(egaf_view_parse(egaf_view_name((egaf_view)i), &v), 0);
        assert_int_equal(v, i);
    }
    egaf_out_format f;
    assert_int_equal(egaf_out_format_parse("png", &f), 0);
    assert_int_equal(f, EGAF_OUT_PNG);
    assert_int_equal(egaf_out_format_parse("pdf", &f), -1);
}

static char *dot_of(egaf_view view, const egaf_model *m, const egaf_refs *refs,
                    const egaf_render_options *opt, egaf_diags *d, int *nodes)
{
    return draw_view(NULL, EGAF_OUT_DOT, view, m, refs, opt, d, nodes);
}

static void test_views_with_refs(void **state)
{
    (void)state;
    egaf_diags *d = egaf_diags_create();
    egaf_refs *refs = load_test_refs();
    assert_non_null(refs);
    size_t len = 0;
    char *text = read_whole_file(FIXTURE, &len);
    assert_non_null(text);
    egaf_model *m = egaf_model_load_memory(FIXTURE, text, len, NULL, d);
    assert_non_null(m);
    for (int v = 0; v < EGAF_VIEW__COUNT; v++) {
        char *a = dot_of((egaf_view)v, m, refs, NULL, d, NULL);
        char *b = dot_of((egaf_view)v, m, refs, NULL, d, NULL);
        assert_string_equal(a, b); /* deterministic */
        assert_non_null(strstr(a, "fontname=\"DejaVu Sans\""));
        assert_non_null(strstr(a, "cluster_agency"));
        assert_non_null(strstr(a, "cluster_legend"));
        free(a);
        free(b);
    }
    char *o = dot_of(EGAF_VIEW_OVERVIEW, m, refs, NULL, d, NULL);
    /* national systems by their Vietnamese names, outside the boundary */
    assert_non_null(strstr(o, "Cổng Dịch vụ công quốc"));
    assert_non_null(strstr(o, "subgraph cluster_national"));
    assert_non_null(strstr(o, "label=\"\\\"><script>"));
    /* layers in order: users, channels, … infrastructure */
    const char *order[] = {"cluster_users", "cluster_channels", "cluster_services",
                           "cluster_applications", "cluster_platforms", "cluster_data",
                           "cluster_infrastructure"};
    const char *prev = o;
    for (size_t i = 0; i < 7; i++) {
        const char *at = strstr(o, order[i]);
        assert_non_null(at);
        assert_true(at > prev);
        prev = at;
    }
    free(o);
    egaf_render_options en = {.lang = EGAF_LANG_EN};
    o = dot_of(EGAF_VIEW_OVERVIEW, m, refs, &en, d, NULL);
    assert_non_null(strstr(o, "National Public"));
    assert_non_null(strstr(o, "label=Citizens"));
    free(o);

    /* SVG through gvc */
    egaf_gv *gv = egaf_gv_create();
    assert_non_null(gv);
    char *svg = draw_view(gv, EGAF_OUT_SVG, EGAF_VIEW_INTEGRATION, m, refs, NULL, d, NULL);
    egaf_gv_free(gv);
    assert_non_null(strstr(svg, "<svg"));
    assert_non_null(strstr(svg, "&lt;script&gt;"));
    assert_null(strstr(svg, "<script"));
    assert_int_equal(find_rule(d, "render.graphviz"), -1);
    free(svg);

    egaf_model_free(m);
    free(text);
    egaf_refs_free(refs);
    egaf_diags_free(d);
}

/* The one table of views: every view has a name, a diagram title and a
 * short title in both languages; the diagram's label starts with its title,
 * and the titles are the ones the site and the ArchiMate export show. */
static void test_view_table(void **state)
{
    (void)state;
    static const char model[] =
        "framework: \"2.0\"\n"
        "architecture: {id: t, agency: x, level: province, name: T, year: 2020}\n";
    egaf_diags *d = egaf_diags_create();
    egaf_model *m = load_model_text(model, d);
    assert_string_equal(egaf_view_title(EGAF_VIEW_INTEGRATION, EGAF_LANG_VI),
                        "Sơ đồ kết nối, tích hợp, chia sẻ dữ liệu");
    assert_string_equal(egaf_view_short_title(EGAF_VIEW_SECURITY, EGAF_LANG_EN), "Security");
    assert_string_equal(egaf_view_title(EGAF_VIEW__COUNT, EGAF_LANG_VI), "");
    assert_null(egaf_view_build(EGAF_VIEW__COUNT, m, NULL, 2020, NULL, d));
    for (int lang = EGAF_LANG_VI; lang <= EGAF_LANG_EN; lang++)
        for (int v = 0; v < EGAF_VIEW__COUNT; v++) {
            const char *title = egaf_view_title((egaf_view)v, (egaf_lang)lang);
            assert_true(strlen(title) > 3);
            assert_true(strlen(egaf_view_short_title((egaf_view)v, (egaf_lang)lang)) > 3);
            egaf_render_options ro = {.lang = (egaf_lang)lang};
            char *dot = dot_of((egaf_view)v, m, NULL, &ro, d, NULL);
            char want[160];
            snprintf(want, sizeof want, "label=\"T\\n%s (", title);
            if (!strstr(dot, want))
                fail_msg("the %s view's label does not start with its title \"%s\"",
                         egaf_view_name((egaf_view)v), title);
            free(dot);
        }
    egaf_model_free(m);
    egaf_diags_free(d);
}

static void test_views_without_refs(void **state)
{
    (void)state;
    static const char model[] =
        "framework: \"2.0\"\n"
        "architecture: {id: t, agency: x, level: province, name: T, year: 2020}\n"
        "application:\n"
        "  applications:\n"
        "    - {id: a, name: Ứng dụng A, role: tthc}\n"
        "  platforms:\n"
        "    - {id: lgsp, name: LGSP, kind: lgsp, connects: [national:ngsp]}\n"
        "  integrations:\n"
        "    - {from: a, to: national:dvcqg, via: lgsp, route: a, data: [Hồ sơ]}\n"
        "    - {from: a, to: other-arch:his, route: d, reason: r, data: [Khám bệnh]}\n"
        "data:\n"
        "  databases:\n"
        "    - {id: db, name: CSDL, kind: shared, sources: [national:csdl-dan-cu]}\n";
    egaf_diags *d = egaf_diags_create();
    egaf_model *m = load_model_text(model, d);
    char *o = dot_of(EGAF_VIEW_INTEGRATION, m, NULL, NULL, d, NULL);
    /* labelled by id without reference models */
    assert_non_null(strstr(o, "label=dvcqg"));
    assert_non_null(strstr(o, "\"national:ngsp\""));
    assert_non_null(strstr(o, "\"other-arch:his\""));
    assert_non_null(strstr(o, "label=\"Hồ sơ\""));
    assert_non_null(strstr(o, "(trường hợp d)"));
    free(o);
    o = dot_of(EGAF_VIEW_DATA, m, NULL, NULL, d, NULL);
    assert_non_null(strstr(o, "shape=cylinder"));
    assert_non_null(strstr(o, "\"national:csdl-dan-cu\""));
    free(o);
    egaf_model_free(m);
    egaf_diags_free(d);
}

static void test_budget(void **state)
{
    (void)state;
    egaf_buf y;
    egaf_buf_init(&y);
    egaf_buf_puts(&y, "framework: \"2.0\"\n"
                      "architecture: {id: big, agency: x, level: province, name: B, year: 2020}\n"
                      "business:\n  services:\n");
    for (int i = 0; i < 300; i++)
        egaf_buf_printf(&y, "    - {id: s-%d, name: Dịch vụ %d, online: %s, handled-by: a-%d}\n",
                        i, i, i % 3 ? "full" : "partial", i % 250);
    egaf_buf_puts(&y, "data:\n  databases:\n");
    for (int i = 0; i < 120; i++)
        egaf_buf_printf(&y, "    - {id: d-%d, name: CSDL %d, kind: shared, hosted-on: [h]}\n", i,
                        i);
    egaf_buf_puts(&y, "application:\n  applications:\n");
    for (int i = 0; i < 250; i++)
        egaf_buf_printf(&y,
                        "    - {id: a-%d, name: Ứng dụng %d, role: other, security-level: 3, "
                        "uses: [d-%d], hosted-on: [h]}\n",
                        i, i, i % 120);
    egaf_buf_puts(&y, "technology:\n  infrastructure:\n"
                      "    - {id: h, name: Trung tâm, kind: data-center}\n"
                      "security:\n  controls:\n");
    for (int i = 0; i < 80; i++)
        egaf_buf_printf(&y, "    - {id: c-%d, name: BP %d, kind: firewall, protects: [a-%d]}\n",
                        i, i, i);
    egaf_diags *d = egaf_diags_create();
    egaf_model *m = egaf_model_load_memory("big.yaml", y.data, y.len, NULL, d);
    assert_non_null(m);
    for (int v = 0; v < EGAF_VIEW__COUNT; v++) {
        if (!egaf_view_applies((egaf_view)v, m))
            continue; /* the organisation: the model has no units */
        egaf_diags *rd = egaf_diags_create();
        int nodes = 0;
        char *o = dot_of((egaf_view)v, m, NULL, NULL, rd, &nodes);
        assert_true(nodes <= EGAF_RENDER_BUDGET);
        if (v != EGAF_VIEW_INTEGRATION) { /* the model has no integrations */
            assert_true(find_rule(rd, "render.budget") >= 0);
            assert_non_null(strstr(o, "khác"));
        }
        free(o);
        egaf_diags_free(rd);
    }
    /* a smaller budget is kept as well */
    egaf_render_options small = {.lang = EGAF_LANG_VI, .node_budget = 60};
    int nodes = 0;
    free(dot_of(EGAF_VIEW_OVERVIEW, m, NULL, &small, d, &nodes));
    assert_true(nodes <= 60);
    egaf_model_free(m);
    egaf_diags_free(d);
    egaf_buf_free(&y);
}

static int teardown(void **state)
{
    (void)state;
    egaf_buf_free(&lbuf);
    return 0;
}


/* The organisation view: units under their parent, relations as labelled
 * dashed edges that do not rank the chart; only for a model with units. */
static void test_organisation(void **state)
{
    (void)state;
    static const char model[] =
        "framework: \"2.0\"\n"
        "architecture: {id: t, agency: lang-son, level: province, name: T, year: 2020}\n"
        "business:\n"
        "  units:\n"
        "    - {id: ubnd, name: UBND tỉnh}\n"
        "    - {id: so-a, name: Sở A, kind: department, parent: ubnd}\n"
        "    - {id: so-b, name: Sở B, kind: department, parent: ubnd}\n"
        "    - {id: tt-c, name: Trung tâm C, kind: centre, parent: so-a}\n"
        "    - {id: huyen-d, name: Huyện D, kind: district, parent: ubnd}\n"
        "  relations:\n"
        "    - {from: ubnd, to: so-a, kind: directs}\n"
        "    - {from: so-a, to: so-b, kind: coordinates}\n"
        "    - {from: tt-c, to: huyen-d, kind: exchanges-data, data: [hồ sơ]}\n"
        "    - {from: so-b, to: ubnd}\n"
        "application:\n"
        "  applications:\n"
        "    - {id: qlvb, name: QLVB, owner: so-a}\n";
    egaf_diags *d = egaf_diags_create();
    egaf_model *m = load_model_text(model, d);
    assert_true(egaf_view_applies(EGAF_VIEW_ORGANISATION, m));
    assert_true(egaf_view_applies(EGAF_VIEW_OVERVIEW, m));
    assert_false(egaf_view_applies(EGAF_VIEW__COUNT, m));
    char *dot = dot_of(EGAF_VIEW_ORGANISATION, m, NULL, NULL, d, NULL);
    static const char *const want[] = {
        "subgraph cluster_units", "label=\"UBND tỉnh\"",
        "label=\"Sở A\\nSở, ban, ngành — chủ quản 1\\nhệ thống\"",
        "ubnd -> \"so-a\"\t[color=\"#1B4F72\"", "\"so-a\" -> \"tt-c\"\t[color=\"#1B4F72\"",
        "ubnd -> \"huyen-d\"\t[color=\"#1B4F72\"", "label=\"Chỉ đạo\"",
        "label=\"Phối hợp\"", "label=\"Trao đổi dữ liệu: hồ sơ\"",
        "\"so-b\" -> ubnd\t[color=\"#566573\"", "constraint=false"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(dot, want[i]))
            fail_msg("no '%s' in the organisation view:\n%s", want[i], dot);
    free(dot);
    egaf_render_options en = {.lang = EGAF_LANG_EN};
    dot = dot_of(EGAF_VIEW_ORGANISATION, m, NULL, &en, d, NULL);
    assert_non_null(strstr(dot, "label=\"Exchanges data: hồ sơ\""));
    free(dot);
    egaf_model_free(m);
    /* without units the view does not apply */
    static const char bare[] = "framework: \"2.0\"\narchitecture: {id: t, agency: lang-son, "
                               "level: province, name: T, year: 2020}\n";
    m = load_model_text(bare, d);
    assert_false(egaf_view_applies(EGAF_VIEW_ORGANISATION, m));
    assert_true(egaf_view_applies(EGAF_VIEW_SECURITY, m));
    egaf_model_free(m);
    egaf_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrap),
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_views_with_refs),
        cmocka_unit_test(test_views_without_refs),
        cmocka_unit_test(test_view_table),
        cmocka_unit_test(test_budget),
        cmocka_unit_test(test_organisation),
    };
    int rc = cmocka_run_group_tests(tests, NULL, teardown);
    return rc;
}
