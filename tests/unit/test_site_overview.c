/* test_site_overview.c - the national overview's graph (issue 19): drawn
 * left to right, one cluster per level of the reference data (ministries,
 * government agencies, provinces) holding that level's agencies, each
 * agency linking to its page, and edges concentrated: one edge from each
 * cluster to NGSP (ltail = the cluster) labelled with how many agencies, not
 * one edge per agency. The site is written from examples/national-2026 and
 * one government agency (tests/fixtures/overview) with a draw function that
 * builds the overview's graph and inspects it instead of laying it out.
 * Runs with cwd = tests/. */
#define _XOPEN_SOURCE 700
#include "tests/unit/testutil.h"

#include <ftw.h>
#include <graphviz/cgraph.h>
#include <stdbool.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "model/model.h"
#include "refs/refs.h"
#include "render/render.h"
#include "site/site.h"
#include "site/site_priv.h"
#include "cmocka_main.h"

#define REFS_DIR "../reference-models"
#define EX "../examples/national-2026/"

static const char *const files[] = {
    EX "bac-ninh.yaml",    EX "bo-giao-duc-va-dao-tao.yaml", EX "bo-tu-phap.yaml",
    EX "bo-y-te.yaml",     EX "cao-bang.yaml",               EX "ho-chi-minh.yaml",
    EX "lang-son.yaml",    EX "nghe-an.yaml",                EX "son-la.yaml",
    "fixtures/overview/dai-truyen-hinh-viet-nam.yaml",
};
#define NFILES (sizeof files / sizeof files[0])

/* What the test reads of the overview's graph. */
typedef struct seen {
    bool built;
    char rankdir[8];
    /* the agency nodes ("a:<slug>") of each level's cluster, space-separated */
    egaf_buf cluster[3];
    bool other_cluster;
    /* the drawn (not invisible) edges into NGSP: "ltail label|" each */
    egaf_buf into_ngsp;
    size_t agency_edges; /* drawn edges that start at an agency, not as a cluster's */
    size_t agencies, linked;    /* agency nodes, and those linking to a-<slug>.html */
} seen;

static const char *const level_clusters[3] = {"cluster_ministry", "cluster_government-agency",
                                              "cluster_province"};

static const char *attr(void *obj, const char *name)
{
    const char *v = agget(obj, (char *)name);
    return v ? v : "";
}

static void inspect(Agraph_t *g, seen *out)
{
    out->built = true;
    snprintf(out->rankdir, sizeof out->rankdir, "%s", attr(g, "rankdir"));
    for (int l = 0; l < 3; l++) {
        Agraph_t *cl = agsubg(g, (char *)level_clusters[l], 0);
        for (Agnode_t *n = cl ? agfstnode(cl) : NULL; n; n = agnxtnode(cl, n))
            if (strncmp(agnameof(n), "a:", 2) == 0)
                egaf_buf_printf(&out->cluster[l], "%s ", agnameof(n));
    }
    out->other_cluster = agsubg(g, "cluster_other", 0) != NULL;
    Agnode_t *ngsp = agnode(g, "national:ngsp", 0);
    for (Agedge_t *e = ngsp ? agfstin(g, ngsp) : NULL; e; e = agnxtin(g, e))
        if (strcmp(attr(e, "style"), "invis") != 0)
            egaf_buf_printf(&out->into_ngsp, "%s %s|", attr(e, "ltail"), attr(e, "label"));
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        if (strncmp(agnameof(n), "a:", 2) != 0)
            continue;
        out->agencies++;
        char url[128];
        snprintf(url, sizeof url, "../a-%s.html", agnameof(n) + 2);
        out->linked += strcmp(attr(n, "URL"), url) == 0;
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
            if (strcmp(attr(e, "style"), "invis") != 0 && !*attr(e, "ltail"))
                out->agency_edges++;
    }
}

/* The site's draw function: builds the overview's graph and reads it; no
 * diagram is laid out or written. */
static int draw_overview(void *ctx, egaf_site *site, const egaf_site_diagram *diagrams, size_t n,
                         egaf_site_drawn *drawn, egaf_diags *diags)
{
    (void)diags;
    for (size_t i = 0; i < n; i++) {
        drawn[i] = EGAF_DRAWN_NONE;
        if (strcmp(diagrams[i].rel, "img/national-overview.svg") != 0)
            continue;
        Agraph_t *g = site_overview_graph(site);
        if (!g)
            return -1;
        inspect(g, ctx);
        egaf_view_free(g);
    }
    return 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void overview_of(egaf_lang lang, seen *out)
{
    egaf_diags *rd = egaf_diags_create();
    egaf_refs_status st;
    egaf_refs *refs = egaf_refs_load(REFS_DIR, rd, &st);
    assert_non_null(refs);
    egaf_model *models[NFILES];
    egaf_diags *d = egaf_diags_create();
    for (size_t i = 0; i < NFILES; i++) {
        egaf_read_status rs;
        models[i] = egaf_model_load(files[i], NULL, d, &rs);
        assert_non_null(models[i]);
    }
    egaf_site_options so = {.year = 2026, .lang = lang, .version = "test", .label = "x",
                            .diagrams = true, .draw = draw_overview, .draw_ctx = out};
    char dir[512];
    scratch_path(dir, sizeof dir, "site");
    assert_int_equal(mkdir(dir, 0700), 0);
    char err[256];
    assert_int_equal(egaf_site_write(dir, models, NFILES, refs, d, &so, rd, err, sizeof err), 0);
    assert_int_equal(nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS), 0);
    for (size_t i = 0; i < NFILES; i++)
        egaf_model_free(models[i]);
    egaf_diags_free(d);
    egaf_refs_free(refs);
    egaf_diags_free(rd);
}

static void seen_free(seen *s)
{
    for (int l = 0; l < 3; l++)
        egaf_buf_free(&s->cluster[l]);
    egaf_buf_free(&s->into_ngsp);
}

static void test_clusters_by_level(void **state)
{
    (void)state;
    seen s = {0};
    overview_of(EGAF_LANG_VI, &s);
    assert_true(s.built);
    assert_string_equal(s.rankdir, "LR");
    assert_string_equal(s.cluster[0].data ? s.cluster[0].data : "",
                        "a:bo-giao-duc-va-dao-tao a:bo-tu-phap a:bo-y-te ");
    assert_string_equal(s.cluster[1].data ? s.cluster[1].data : "", "a:dai-truyen-hinh-viet-nam ");
    assert_string_equal(s.cluster[2].data ? s.cluster[2].data : "",
                        "a:bac-ninh a:cao-bang a:ho-chi-minh a:lang-son a:nghe-an a:son-la ");
    assert_false(s.other_cluster); /* every agency has a level in the reference data */
    /* every agency reachable: its box links to its page */
    assert_int_equal(s.agencies, 10);
    assert_int_equal(s.linked, 10);
    seen_free(&s);
}

static void test_edges_concentrated(void **state)
{
    (void)state;
    seen s = {0};
    overview_of(EGAF_LANG_VI, &s);
    /* one edge per cluster into NGSP, with how many agencies, not ten */
    assert_string_equal(s.into_ngsp.data ? s.into_ngsp.data : "",
                        "cluster_ministry 3 cơ quan|cluster_government-agency 1 cơ quan|"
                        "cluster_province 6 cơ quan|");
    /* no agency has an edge of its own: the clusters' edges stand for them */
    assert_int_equal(s.agency_edges, 0);
    seen_free(&s);

    seen en = {0};
    overview_of(EGAF_LANG_EN, &en);
    assert_string_equal(en.into_ngsp.data ? en.into_ngsp.data : "",
                        "cluster_ministry 3 agencies|cluster_government-agency 1 agency|"
                        "cluster_province 6 agencies|");
    seen_free(&en);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_clusters_by_level),
               cmocka_unit_test(test_edges_concentrated))
