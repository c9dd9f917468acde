/* view_organisation.c - the organisation (the architecture document's
 * figures of the agency's structure): the units of `business.units` as an
 * organisation chart, each under its `parent`, and the business relations
 * of `business.relations` as labelled dashed edges between them. Drawn only
 * when the model has units (egaf_view_applies). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/labels.h"
#include "render/views.h"

static const egaf_element *unit_at(egaf_vb *vb, const char *ref)
{
    const egaf_element *u = ref ? vb_local(vb, ref) : NULL;
    return u && u->kind == EGAF_K_UNIT ? u : NULL;
}

/* How many parents up to the top, at most VB_MAX_LAYERS - 1 (so a loop of
 * parents, an org.parent-cycle finding, still ends). */
static size_t depth_of(egaf_vb *vb, const egaf_element *u)
{
    size_t d = 0;
    for (const egaf_element *p = unit_at(vb, egaf_element_text(u, EGAF_F_PARENT));
         p && d < VB_MAX_LAYERS - 1; p = unit_at(vb, egaf_element_text(p, EGAF_F_PARENT)))
        d++;
    return d;
}

static const char *relation_colour(const char *kind)
{
    static const char *const kinds[] = {"directs", "reports-to", "coordinates", "exchanges-data"};
    static const char *const colours[] = {"#943126", "#1E8449", "#B7950B", "#2874A6"};
    for (size_t i = 0; kind && i < 4; i++)
        if (strcmp(kind, kinds[i]) == 0)
            return colours[i];
    return "#566573";
}

/* The edge label of a relation: its kind, then what passes (`data`). */
static void relation_label(egaf_vb *vb, const egaf_element *r, egaf_buf *out)
{
    egaf_buf text;
    egaf_buf_init(&text);
    const char *kind = egaf_label_value(EGAF_K_RELATION, EGAF_F_KIND,
                                        egaf_element_text(r, EGAF_F_KIND), vb->en);
    if (kind)
        egaf_buf_puts(&text, kind);
    const egaf_value *data = egaf_element_get(r, EGAF_F_DATA);
    if (data && data->type == EGAF_FT_TEXTS)
        for (size_t i = 0; i < data->u.list.count; i++)
            egaf_buf_printf(&text, "%s%s", i == 0 ? (kind ? ": " : "") : ", ",
                            data->u.list.items[i].s);
    if (text.failed)
        vb->failed = true;
    egaf_buf_reset(out);
    if (text.len)
        egaf_render_label(out, text.data, 28); /* edge labels: a little wider than nodes */
    egaf_buf_free(&text);
}

void vb_view_organisation(egaf_vb *vb)
{
    const egaf_model *m = vb->model;
    size_t n = m->counts[EGAF_K_UNIT];
    size_t *depth = n ? calloc(n, sizeof(*depth)) : NULL;
    size_t *owned = n ? calloc(n, sizeof(*owned)) : NULL;
    if (n && (!depth || !owned)) {
        free(depth);
        free(owned);
        vb->failed = true;
        return;
    }
    size_t per_depth[VB_MAX_LAYERS] = {0};
    for (size_t i = 0; i < n; i++) {
        depth[i] = depth_of(vb, m->elements[EGAF_K_UNIT][i]);
        per_depth[depth[i]]++;
    }
    /* the systems each unit owns: an `owner` naming it */
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++) {
        if (k == EGAF_K_UNIT || k == EGAF_K_RELATION)
            continue;
        for (size_t i = 0; i < m->counts[k]; i++) {
            const egaf_element *o = unit_at(vb, egaf_element_text(m->elements[k][i], EGAF_F_OWNER));
            if (o)
                owned[o->index]++;
        }
    }
    vb_plan(vb, EGAF_K_UNIT, n);
    vb_plan_refs(vb, EGAF_K_RELATION, EGAF_F_FROM);
    vb_plan_refs(vb, EGAF_K_RELATION, EGAF_F_TO);
    vb_apply_budget(vb, 0);

    Agraph_t *b = vb_boundary(vb);
    Agraph_t *units = vb_cluster(vb, b, "units", TR(vb, "Cơ cấu tổ chức", "Organisation"),
                                 "#F8FBFD", "#1B4F72");
    char extra[160];
    for (size_t i = 0; i < n; i++) {
        const egaf_element *u = m->elements[EGAF_K_UNIT][i];
        const char *kv = egaf_element_text(u, EGAF_F_KIND);
        /* "other" says nothing under a unit's name */
        const char *kind = kv && strcmp(kv, "other") != 0
                               ? egaf_label_value(EGAF_K_UNIT, EGAF_F_KIND, kv, vb->en)
                               : NULL;
        char owns[64] = "";
        if (owned[i])
            snprintf(owns, sizeof owns, TR(vb, "chủ quản %zu hệ thống", "owns %zu systems"),
                     owned[i]);
        snprintf(extra, sizeof extra, "%s%s%s", kind ? kind : "", kind && *owns ? " — " : "",
                 owns);
        Agnode_t *node = vb_element_x(vb, units, u, *extra ? extra : NULL);
        vb_layer_add(vb, depth[i], node, vb_capped(vb, EGAF_K_UNIT, per_depth[depth[i]]));
    }
    /* the chart: each unit under its parent */
    for (size_t i = 0; i < n; i++) {
        const egaf_element *u = m->elements[EGAF_K_UNIT][i];
        const egaf_element *p = unit_at(vb, egaf_element_text(u, EGAF_F_PARENT));
        Agedge_t *e = p ? vb_edge(vb, vb_node_of(vb, p), vb_node_of(vb, u), true) : NULL;
        if (e) {
            vb_set(vb, e, "dir", "none");
            vb_set(vb, e, "penwidth", "1.6");
            vb_set(vb, e, "color", "#1B4F72");
        }
    }
    /* the business relations, beside the chart: they do not rank the units */
    for (size_t i = 0; i < m->counts[EGAF_K_RELATION]; i++) {
        const egaf_element *r = m->elements[EGAF_K_RELATION][i];
        Agnode_t *from = vb_target(vb, egaf_element_text(r, EGAF_F_FROM));
        Agnode_t *to = vb_target(vb, egaf_element_text(r, EGAF_F_TO));
        Agedge_t *e = vb_edge(vb, from, to, false);
        if (!e)
            continue;
        const char *colour = relation_colour(egaf_element_text(r, EGAF_F_KIND));
        vb_set(vb, e, "style", "dashed");
        vb_set(vb, e, "color", colour);
        vb_set(vb, e, "fontcolor", colour);
        vb_set(vb, e, "fontsize", "9");
        vb_set(vb, e, "constraint", "false");
        relation_label(vb, r, &vb->label);
        /* xlabel, not label: dot's flat-edge labels (two units of one rank,
         * a relation each way between them) corrupt its heap (Graphviz 2.42,
         * flat_edges); an external label takes no virtual node */
        if (vb->label.len)
            vb_set(vb, e, "xlabel", vb->label.data);
    }
    vb_note(vb, TR(vb,
                   "Đường liền: đơn vị trực thuộc (parent); đường nét đứt: quan hệ nghiệp vụ "
                   "(chỉ đạo, báo cáo, phối hợp, trao đổi dữ liệu).",
                   "Solid lines: a unit under its parent; dashed: business relations (directs, "
                   "reports to, coordinates, exchanges data)."));
    free(depth);
    free(owned);
}

bool vb_organisation_applies(const egaf_model *model)
{
    return model->counts[EGAF_K_UNIT] > 0;
}

/* ---- render --diff -------------------------------------------------------- */

/* a unit's `parent` is drawn from the parent down to the unit */
static const vb_draw draws[] = {
    {"parent", EGAF_K_UNIT, false, true},
};
static const vb_place places[] = {
    {EGAF_K_UNIT, "units", false, 0, 0, true},
};
const vb_diff vb_organisation_diff = {VB_LIST(places), VB_LIST(draws), NULL, -1};
