/* archimate_views.c - the diagrams of an ArchiMate exchange file: one per
 * egaf view and model, each the renderer's view graph laid out by
 * Graphviz's dot, its element nodes placed where dot put them, and a
 * connection for every relationship between two placed elements. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/gvc.h>

#include "export/archimate_doc.h"
#include "model/query.h"
#include "base/i18n.h"
#include "render/render.h"

/* Graphviz points to the exchange format's pixels (96 a inch). */
static long px(double points)
{
    return lround(points * 96.0 / 72.0);
}

/* One diagram: the view's graph laid out by dot, its element nodes placed
 * where dot put them, and a connection for every relationship between two
 * placed elements. */
static void x_view(egaf_am_doc *x, egaf_gv *gv, const egaf_model *m, egaf_view view,
                   const egaf_refs *refs, egaf_diags *diags, size_t *placed)
{
    egaf_am_model *am = x->am;
    egaf_render_options ro = {.lang = am->en ? EGAF_LANG_EN : EGAF_LANG_VI};
    Agraph_t *g = egaf_view_build(view, m, refs, egaf_model_year(m), &ro, diags);
    if (!g) {
        am->failed = true;
        return;
    }
    bool laid_out = egaf_gv_layout(gv, g, diags, m->path) == 0;
    const char *arch = m->id ? m->id : "model";
    if (!laid_out) {
        egaf_diag_at(
            diags, "render.graphviz", m->path, 0, 0, NULL,
            _("the %s view could not be laid out; the exchange file has no diagram for it"),
            egaf_view_name(view));
        egaf_view_free(g);
        return;
    }
    const char *vid = egaf_am_ident(am, "id-view.", arch, egaf_view_name(view), NULL);
    if (!x->views_open) {
        egaf_buf_puts(x->out, "  <views>\n    <diagrams>\n");
        x->views_open = true;
    }
    egaf_buf_printf(x->out, "      <view identifier=\"%s\" xsi:type=\"Diagram\">\n", vid);
    egaf_buf title_vi, title_en;
    egaf_buf_init(&title_vi);
    egaf_buf_init(&title_en);
    egaf_buf_printf(&title_vi, "%s: %s", arch, egaf_view_short_title(view, EGAF_LANG_VI));
    egaf_buf_printf(&title_en, "%s: %s", arch, egaf_view_short_title(view, EGAF_LANG_EN));
    egaf_am_doc_names(x, "        ", "name", title_vi.data, title_en.data);
    egaf_buf_free(&title_vi);
    egaf_buf_free(&title_en);

    for (size_t i = 0; i < am->nelements; i++)
        placed[i] = SIZE_MAX;
    boxf bb = GD_bb(g);
    size_t nnodes = 0;
    egaf_buf key;
    egaf_buf_init(&key);
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        const char *name = agnameof(n);
        egaf_buf_reset(&key);
        if (strchr(name, ':'))
            egaf_buf_puts(&key, name);
        else
            egaf_buf_printf(&key, "%s:%s", arch, name);
        if (key.failed)
            break;
        size_t e = egaf_am_element_of_key(am, key.data);
        if (e == SIZE_MAX || placed[e] != SIZE_MAX)
            continue; /* a legend, a summary, or a cluster label */
        placed[e] = nnodes;
        double w = ND_width(n) * 72.0, h = ND_height(n) * 72.0;
        long nx = px(ND_coord(n).x - bb.LL.x - w / 2) + 20;
        long ny = px(bb.UR.y - ND_coord(n).y - h / 2) + 20;
        long nw = px(w), nh = px(h);
        egaf_buf_printf(x->out,
                        "        <node identifier=\"%s.n%zu\" xsi:type=\"Element\" "
                        "elementRef=\"%s\" x=\"%ld\" y=\"%ld\" w=\"%ld\" h=\"%ld\"/>\n",
                        vid, nnodes + 1, am->elements[e].identifier, nx < 0 ? 0 : nx,
                        ny < 0 ? 0 : ny, nw < 1 ? 1 : nw, nh < 1 ? 1 : nh);
        nnodes++;
    }
    if (key.failed)
        am->failed = true;
    egaf_buf_free(&key);
    size_t nconn = 0;
    for (size_t i = 0; i < am->nrels; i++) {
        const egaf_am_rel *r = &am->rels[i];
        if (placed[r->source] == SIZE_MAX || placed[r->target] == SIZE_MAX)
            continue;
        egaf_buf_printf(x->out,
                        "        <connection identifier=\"%s.c%zu\" xsi:type=\"Relationship\" "
                        "relationshipRef=\"%s\" source=\"%s.n%zu\" target=\"%s.n%zu\"/>\n",
                        vid, ++nconn, r->identifier, vid, placed[r->source] + 1, vid,
                        placed[r->target] + 1);
    }
    egaf_buf_puts(x->out, "      </view>\n");
    if (!egaf_export_drain(x->out, x->options, false))
        am->failed = true;
    egaf_gv_free_layout(gv, g);
    egaf_view_free(g);
}

/* Every view of every model, laid out in options->gv. */
static void write_views(egaf_am_doc *x, egaf_model *const *models, size_t nmodels,
                        const egaf_refs *refs, egaf_diags *diags)
{
    egaf_am_model *am = x->am;
    egaf_gv *gv = x->options ? x->options->gv : NULL;
    size_t *placed = calloc(am->nelements + 1, sizeof(*placed));
    if (placed && gv) {
        for (size_t mi = 0; mi < nmodels && !am->failed; mi++)
            for (int v = 0; v < EGAF_VIEW__COUNT; v++)
                if (egaf_view_applies((egaf_view)v, models[mi]))
                    x_view(x, gv, models[mi], (egaf_view)v, refs, diags, placed);
    } else {
        am->failed = true;
    }
    free(placed);
}

int egaf_export_archimate(egaf_buf *out, egaf_model *const *models, size_t nmodels,
                          const egaf_refs *refs, const egaf_export_options *options,
                          egaf_diags *diags)
{
    return egaf_am_doc_write(out, models, nmodels, refs, options, write_views, diags);
}
