/* export_archimate.c - the ArchiMate 3.1 Open Exchange Format writer: the
 * concept model (concepts.c) with one diagram per egaf view, placed by
 * Graphviz's dot layout of the renderer's view graphs. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/gvc.h>

#include "export/export.h"
#include "model/query.h"
#include "base/i18n.h"
#include "render/render.h"

/* --- the exchange file ---------------------------------------------------- */

typedef struct xctx {
    egaf_buf *out;
    egaf_am_model *am;
    const egaf_export_options *options;
    bool views_open; /* <views><diagrams> written */
    egaf_strmap prop_ids; /* key -> "propid-N" */
    const char **prop_keys;
    size_t nprop_keys, prop_keys_cap;
} xctx;

static void x_text(xctx *x, const char *s)
{
    egaf_buf_xml_text(x->out, s ? s : "");
}

static void x_names(xctx *x, const char *indent, const char *tag, const char *vi,
                    const char *en)
{
    const char *langs[2] = {"vi", "en"};
    const char *texts[2] = {vi, en};
    for (int k = 0; k < 2; k++) {
        int i = x->am->en ? 1 - k : k;
        if (!texts[i])
            continue;
        egaf_buf_printf(x->out, "%s<%s xml:lang=\"%s\">", indent, tag, langs[i]);
        x_text(x, texts[i]);
        egaf_buf_printf(x->out, "</%s>\n", tag);
    }
}

static const char *prop_id(xctx *x, const char *key)
{
    const char *id = egaf_strmap_get(&x->prop_ids, key, strlen(key));
    if (id)
        return id;
    egaf_am_model *am = x->am;
    const char **keys = egaf_am_grow(am, x->prop_keys, &x->prop_keys_cap, x->nprop_keys, sizeof(*keys));
    if (!keys)
        return "propid-0";
    x->prop_keys = keys;
    char *nid = egaf_arena_printf(am->arena, "propid-%zu", x->nprop_keys + 1);
    /* a streamed relationship's key lives only while it is written */
    key = egaf_arena_strdup(am->arena, key);
    if (!nid || !key) {
        am->failed = true;
        return "propid-0";
    }
    bool oom = false;
    egaf_strmap_put(&x->prop_ids, key, strlen(key), nid, &oom);
    if (oom)
        am->failed = true;
    x->prop_keys[x->nprop_keys++] = key;
    return nid;
}

/* The Vietnamese documentation, when there is some. */
static void x_documentation(xctx *x, const char *indent, const char *text)
{
    if (!text)
        return;
    egaf_buf_printf(x->out, "%s<documentation xml:lang=\"vi\">", indent);
    x_text(x, text);
    egaf_buf_puts(x->out, "</documentation>\n");
}

static void x_prop(xctx *x, const char *indent, const char *key, const char *value)
{
    egaf_buf_printf(x->out, "%s  <property propertyDefinitionRef=\"%s\">\n%s    <value>", indent,
                    prop_id(x, key), indent);
    x_text(x, value);
    egaf_buf_printf(x->out, "</value>\n%s  </property>\n", indent);
}

static void x_props(xctx *x, const char *indent, const egaf_am_props *p, const char *field)
{
    if (!p->count && !field)
        return;
    egaf_buf_printf(x->out, "%s<properties>\n", indent);
    if (field)
        x_prop(x, indent, "egaf-field", field);
    for (size_t i = 0; i < p->count; i++) {
        if (!p->items[i].key || !p->items[i].value)
            continue;
        egaf_buf_printf(x->out, "%s  <property propertyDefinitionRef=\"%s\">\n%s    <value>",
                        indent, prop_id(x, p->items[i].key), indent);
        x_text(x, p->items[i].value);
        egaf_buf_printf(x->out, "</value>\n%s  </property>\n", indent);
    }
    egaf_buf_printf(x->out, "%s</properties>\n", indent);
}

/* Graphviz messages of one layout, turned into findings afterwards. */
static long px(double points)
{
    return lround(points * 96.0 / 72.0);
}

/* One diagram: the view's graph laid out by dot, its element nodes placed
 * where dot put them, and a connection for every relationship between two
 * placed elements. */
static void x_view(xctx *x, egaf_gv *gv, const egaf_model *m, egaf_view view,
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
    x_names(x, "        ", "name", title_vi.data, title_en.data);
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

/* Folders by layer, named as Archi names its top folders so that its
 * import files the elements where a user of Archi looks for them. */
static const struct {
    const char *label;
    const char *types[5];
} folders[] = {
    {"Strategy", {"CourseOfAction", NULL}},
    {"Business",
     {"BusinessActor", "BusinessInterface", "BusinessFunction", "BusinessService", NULL}},
    {"Application", {"ApplicationComponent", "DataObject", NULL}},
    {"Technology & Physical", {"Node", "CommunicationNetwork", "TechnologyService", NULL}},
    {"Motivation", {"Constraint", "Outcome", NULL}},
    {"Implementation & Migration", {"WorkPackage", NULL}},
    {"Other", {"Grouping", NULL}},
};

static bool in_folder(const char *type, size_t f)
{
    for (size_t i = 0; folders[f].types[i]; i++)
        if (strcmp(folders[f].types[i], type) == 0)
            return true;
    return false;
}

static bool x_relation_item(void *ctx, const egaf_am_model *am, const egaf_am_rel *r)
{
    xctx *x = ctx;
    (void)am;
    egaf_buf_puts(x->out, "      <item identifierRef=\"");
    egaf_buf_puts(x->out, r->identifier);
    egaf_buf_puts(x->out, "\"/>\n");
    return egaf_export_drain(x->out, x->options, false);
}

static void x_organizations(xctx *x)
{
    egaf_am_model *am = x->am;
    if (!am->nelements && !am->nrels)
        return;
    egaf_buf_puts(x->out, "  <organizations>\n");
    for (size_t f = 0; f < sizeof folders / sizeof folders[0]; f++) {
        bool open = false;
        for (size_t i = 0; i < am->nelements; i++) {
            if (!in_folder(am->elements[i].type, f))
                continue;
            if (!open) {
                egaf_buf_puts(x->out, "    <item>\n      <label xml:lang=\"en\">");
                x_text(x, folders[f].label);
                egaf_buf_puts(x->out, "</label>\n");
            }
            open = true;
            egaf_buf_printf(x->out, "      <item identifierRef=\"%s\"/>\n",
                            am->elements[i].identifier);
        }
        if (open)
            egaf_buf_puts(x->out, "    </item>\n");
        egaf_export_drain(x->out, x->options, false);
    }
    if (am->nrels) {
        egaf_buf_puts(x->out, "    <item>\n      <label xml:lang=\"en\">Relations</label>\n");
        egaf_am_each_rel(am, x_relation_item, x);
        egaf_buf_puts(x->out, "    </item>\n");
    }
    egaf_buf_puts(x->out, "  </organizations>\n");
}

/* One relationship, with its name and properties. */
static bool x_relationship(void *ctx, const egaf_am_model *am, const egaf_am_rel *r)
{
    xctx *x = ctx;
    egaf_buf *out = x->out;
    egaf_buf_printf(out,
                    "    <relationship identifier=\"%s\" source=\"%s\" target=\"%s\" "
                    "xsi:type=\"%s\"",
                    r->identifier, am->elements[r->source].identifier,
                    am->elements[r->target].identifier, r->type);
    if (r->access_type)
        egaf_buf_printf(out, " accessType=\"%s\"", r->access_type);
    if (r->directed)
        egaf_buf_puts(out, " isDirected=\"true\"");
    egaf_buf_puts(out, ">\n");
    if (r->name) {
        egaf_buf_printf(out, "      <name xml:lang=\"%s\">", am->en ? "en" : "vi");
        x_text(x, r->name);
        egaf_buf_puts(out, "</name>\n");
    }
    x_props(x, "      ", &r->props, r->field);
    egaf_buf_puts(out, "    </relationship>\n");
    return egaf_export_drain(out, x->options, false);
}

int egaf_export_archimate(egaf_buf *out, egaf_model *const *models, size_t nmodels,
                          const egaf_refs *refs, const egaf_export_options *options,
                          egaf_diags *diags)
{
    bool en = options && options->en;
    /* without diagrams the relationships are walked in order only (twice:
     * the relationships, the Relations folder), so they need not be kept;
     * each diagram looks for its connections among all of them */
    bool views = !(options && options->no_views);
    egaf_am_model *am = views ? egaf_am_build(models, nmodels, refs, en)
                              : egaf_am_build_streamed(models, nmodels, refs, en);
    if (!am)
        return -1;
    xctx x;
    memset(&x, 0, sizeof x);
    x.out = out;
    x.am = am;
    x.options = options;
    egaf_strmap_init(&x.prop_ids);

    egaf_buf_puts(out,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" "
                  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                  "xsi:schemaLocation=\"http://www.opengroup.org/xsd/archimate/3.0/ "
                  "http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd\" ");
    egaf_buf_printf(out, "identifier=\"%s\">\n", am->identifier);
    x_names(&x, "  ", "name", am->name_vi, am->name_en);
    x_documentation(&x, "  ", am->documentation);
    x_props(&x, "  ", &am->props, NULL);
    if (am->nelements) {
        egaf_buf_puts(out, "  <elements>\n");
        for (size_t i = 0; i < am->nelements; i++) {
            const egaf_am_element *e = &am->elements[i];
            egaf_buf_printf(out, "    <element identifier=\"%s\" xsi:type=\"%s\">\n",
                            e->identifier, e->type);
            x_names(&x, "      ", "name", e->name_vi, e->name_en);
            x_documentation(&x, "      ", e->documentation);
            x_props(&x, "      ", egaf_am_element_props(am, i), NULL);
            egaf_buf_puts(out, "    </element>\n");
            if (!egaf_export_drain(out, options, false))
                break;
        }
        egaf_buf_puts(out, "  </elements>\n");
    }
    if (am->nrels) {
        egaf_buf_puts(out, "  <relationships>\n");
        egaf_am_each_rel(am, x_relationship, &x);
        egaf_buf_puts(out, "  </relationships>\n");
    }
    x_organizations(&x);
    /* every property key is known now: the views have no properties */
    if (x.nprop_keys) {
        egaf_buf_puts(out, "  <propertyDefinitions>\n");
        for (size_t i = 0; i < x.nprop_keys; i++) {
            egaf_buf_printf(out,
                            "    <propertyDefinition identifier=\"propid-%zu\" type=\"string\">\n"
                            "      <name>",
                            i + 1);
            x_text(&x, x.prop_keys[i]);
            egaf_buf_puts(out, "</name>\n    </propertyDefinition>\n");
        }
        egaf_buf_puts(out, "  </propertyDefinitions>\n");
    }
    if (!(options && options->no_views) && nmodels && !am->failed && !out->failed) {
        size_t *placed = calloc(am->nelements + 1, sizeof(*placed));
        if (placed && options->gv) {
            for (size_t mi = 0; mi < nmodels && !am->failed; mi++)
                for (int v = 0; v < EGAF_VIEW__COUNT; v++)
                    if (egaf_view_applies((egaf_view)v, models[mi]))
                        x_view(&x, options->gv, models[mi], (egaf_view)v, refs, diags, placed);
        } else {
            am->failed = true;
        }
        free(placed);
    }
    if (x.views_open)
        egaf_buf_puts(out, "    </diagrams>\n  </views>\n");
    egaf_buf_puts(out, "</model>\n");
    egaf_export_drain(out, options, true);
    bool failed = am->failed || out->failed;
    free(x.prop_keys);
    egaf_strmap_free(&x.prop_ids);
    egaf_am_free(am);
    return failed ? -1 : 0;
}
