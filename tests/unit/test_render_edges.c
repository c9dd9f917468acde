/* test_render_edges.c - the edge budget: a view with more relations than
 * the budget draws at most the budget, says how many it left out in the
 * legend and records the render.budget note; a view under it is unchanged. */
#include "tests/unit/render_util.h"

#include <stdlib.h>

#include "base/buf.h"
#include "model/model.h"
#include "render/render.h"
#include "cmocka_main.h"

/* Every app is protected by every control: apps x controls relations
 * between apps + controls nodes (well under the node budget). */
static egaf_model *protected_model(int apps, int controls, egaf_diags *d, egaf_buf *y)
{
    egaf_buf_init(y);
    egaf_buf_puts(y, "framework: \"2.0\"\n"
                     "architecture: {id: dense, agency: x, level: province, name: D, year: 2020}\n"
                     "application:\n  applications:\n");
    for (int i = 0; i < apps; i++)
        egaf_buf_printf(y, "    - {id: a-%d, name: App %d, role: other, security-level: 3}\n", i,
                        i);
    egaf_buf_puts(y, "security:\n  controls:\n");
    for (int c = 0; c < controls; c++) {
        egaf_buf_printf(y, "    - {id: c-%d, name: Control %d, kind: firewall, protects: [", c, c);
        for (int i = 0; i < apps; i++)
            egaf_buf_printf(y, "%sa-%d", i ? ", " : "", i);
        egaf_buf_puts(y, "]}\n");
    }
    return egaf_model_load_memory("dense.yaml", y->data, y->len, NULL, d);
}

/* The relations a DOT text draws: edges that are not invisible layout aids. */
static int drawn_edges(const char *dot)
{
    int n = 0;
    for (const char *line = dot; line && *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char *copy = strndup(line, len);
        if (strstr(copy, " -> ") && !strstr(copy, "invis"))
            n++;
        free(copy);
        line = end ? end + 1 : NULL;
    }
    return n;
}

static char *security_dot(const egaf_model *m, const egaf_render_options *opt, egaf_diags *d)
{
    char *dot = draw_view(NULL, EGAF_OUT_DOT, EGAF_VIEW_SECURITY, m, NULL, opt, d, NULL);
    /* cgraph breaks a long quoted string with a backslash and a newline:
     * joined again, the text reads as drawn */
    char *w = dot;
    for (const char *r = dot; *r; r++) {
        if (r[0] == '\\' && r[1] == '\n') {
            r++;
            continue;
        }
        *w++ = *r;
    }
    *w = '\0';
    return dot;
}

static const egaf_finding *edge_note(const egaf_diags *d)
{
    for (size_t i = 0; i < egaf_diags_count(d); i++) {
        const egaf_finding *f = egaf_diags_at(d, i);
        if (strcmp(f->rule, "render.budget") == 0 && strstr(f->message, "edge budget"))
            return f;
    }
    return NULL;
}

static void test_over_the_edge_budget(void **state)
{
    (void)state;
    egaf_buf y;
    egaf_diags *d = egaf_diags_create();
    egaf_model *m = protected_model(40, 20, d, &y); /* 800 relations, 60 elements */
    assert_non_null(m);
    egaf_diags *rd = egaf_diags_create();
    char *dot = security_dot(m, NULL, rd);
    assert_int_equal(drawn_edges(dot), EGAF_RENDER_EDGE_BUDGET);
    const egaf_finding *f = edge_note(rd);
    assert_non_null(f);
    assert_string_equal(f->message, "the security view of 'dense' is over the edge budget of 300 "
                                    "and is summarised: 500 more relations are not drawn");
    assert_string_equal(f->file, "dense.yaml");
    /* the legend says it too; no node was summarised */
    assert_non_null(strstr(dot, "giới hạn 300 quan hệ): 500 quan hệ khác không vẽ."));
    assert_null(strstr(dot, "khác\""));
    free(dot);
    egaf_diags_free(rd);

    /* a smaller budget is kept as well */
    egaf_render_options small = {.lang = EGAF_LANG_EN, .edge_budget = 50};
    rd = egaf_diags_create();
    dot = security_dot(m, &small, rd);
    assert_int_equal(drawn_edges(dot), 50);
    assert_non_null(edge_note(rd));
    /* cgraph folds long DOT lines: the legend line is checked in parts */
    assert_non_null(strstr(dot, "Diagram summarised (limit of 50 relations): 750"));
    free(dot);
    egaf_diags_free(rd);
    egaf_model_free(m);
    egaf_buf_free(&y);
    egaf_diags_free(d);
}

static void test_under_the_edge_budget(void **state)
{
    (void)state;
    egaf_buf y;
    egaf_diags *d = egaf_diags_create();
    egaf_model *m = protected_model(20, 15, d, &y); /* 300 relations: exactly the budget */
    assert_non_null(m);
    egaf_diags *rd = egaf_diags_create();
    char *dot = security_dot(m, NULL, rd);
    assert_int_equal(drawn_edges(dot), 300);
    assert_null(edge_note(rd));
    assert_int_equal(find_rule(rd, "render.budget"), -1);
    assert_null(strstr(dot, "quan hệ)"));
    free(dot);
    egaf_diags_free(rd);
    egaf_model_free(m);
    egaf_buf_free(&y);
    egaf_diags_free(d);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_over_the_edge_budget),
               cmocka_unit_test(test_under_the_edge_budget))
