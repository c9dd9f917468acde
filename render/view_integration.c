/* view_integration.c - who exchanges data with whom: applications,
 * platforms (LGSP), NGSP and the national systems and databases; each
 * integration an edge from → (via) → to, labelled with the data it carries,
 * routes b, c and d (TT 13/2017/TT-BTTTT) dashed red with their letter. */
#include <stdlib.h>
#include <string.h>

#include "render/views.h"

enum { R_SOURCES, R_PLATFORMS, R_NGSP, R_TARGETS };

static bool is_ngsp(const char *ref)
{
    return ref && strcmp(ref, "national:ngsp") == 0;
}

/* The data items joined, wrapped, with the route letter for b, c, d. */
static const char *edge_label(egaf_vb *vb, const egaf_element *in, const char *route,
                              bool bypass)
{
    egaf_buf_reset(&vb->tmp);
    size_t n = vb_refs_count(in, EGAF_F_DATA);
    for (size_t i = 0; i < n; i++) {
        const char *d = vb_ref_at(in, EGAF_F_DATA, i);
        if (d)
            egaf_buf_printf(&vb->tmp, "%s%s", vb->tmp.len ? ", " : "", d);
    }
    egaf_buf_reset(&vb->label);
    if (vb->tmp.len)
        egaf_render_label(&vb->label, vb->tmp.data, 28);
    if (bypass && route) {
        if (vb->label.len)
            egaf_buf_puts(&vb->label, "\\n");
        egaf_buf_reset(&vb->tmp);
        egaf_buf_printf(&vb->tmp, TR(vb, "(trường hợp %s)", "(route %s)"), route);
        egaf_render_label(&vb->label, vb->tmp.data, 28);
    }
    return vb->label.data ? vb->label.data : "";
}

static void red(egaf_vb *vb, Agedge_t *e)
{
    if (!e)
        return;
    vb_set(vb, e, "color", "#C0392B");
    vb_set(vb, e, "fontcolor", "#C0392B");
    vb_set(vb, e, "style", "dashed");
}

static Agnode_t *target(egaf_vb *vb, const char *ref)
{
    size_t targets = vb->planned[VB_G_NATIONAL] + vb->planned[VB_G_EXTERNAL];
    Agnode_t *n = vb_target(vb, ref);
    if (vb_is_national(ref))
        vb_layer_add(vb, is_ngsp(ref) ? R_NGSP : R_TARGETS, n, targets);
    else if (ref && !vb_local(vb, ref))
        vb_layer_add(vb, R_TARGETS, n, targets);
    return n;
}

void vb_view_integration(egaf_vb *vb)
{
    const egaf_model *m = vb->model;
    size_t nin = m->counts[EGAF_K_INTEGRATION];

    /* the local elements at either end of an integration, in model order */
    bool *involved[EGAF_K__COUNT] = {NULL};
    size_t counts[EGAF_K__COUNT] = {0};
    const egaf_kind kinds[] = {EGAF_K_APPLICATION, EGAF_K_DATABASE, EGAF_K_PLATFORM};
    for (size_t k = 0; k < 3; k++) {
        size_t n = m->counts[kinds[k]];
        involved[kinds[k]] = n ? calloc(n, sizeof(bool)) : NULL;
        if (n && !involved[kinds[k]]) {
            vb->failed = true;
            goto done;
        }
    }
    bool route_a = false;
    for (size_t i = 0; i < nin; i++) {
        const egaf_element *in = m->elements[EGAF_K_INTEGRATION][i];
        const egaf_field ends[] = {EGAF_F_FROM, EGAF_F_TO, EGAF_F_VIA};
        for (size_t f = 0; f < 3; f++) {
            const egaf_element *el = vb_local(vb, egaf_element_text(in, ends[f]));
            if (el && involved[el->kind] && !involved[el->kind][el->index]) {
                involved[el->kind][el->index] = true;
                counts[el->kind]++;
            }
        }
        vb_plan_ref(vb, egaf_element_text(in, EGAF_F_TO));
        const char *route = egaf_element_text(in, EGAF_F_ROUTE);
        if (route && (strcmp(route, "a") == 0 || strcmp(route, "b") == 0))
            route_a = true;
    }
    /* every platform is drawn, with the national systems it connects to */
    counts[EGAF_K_PLATFORM] = m->counts[EGAF_K_PLATFORM];
    vb_plan_refs(vb, EGAF_K_PLATFORM, EGAF_F_CONNECTS);
    if (route_a)
        vb_plan_ref(vb, "national:ngsp");
    for (size_t k = 0; k < 3; k++)
        vb_plan(vb, (int)kinds[k], counts[kinds[k]]);
    vb_apply_budget(vb, 0);

    Agraph_t *b = vb_boundary(vb);
    Agraph_t *apps = vb_cluster(vb, b, "applications",
                                TR(vb, "Ứng dụng, CSDL", "Applications and databases"),
                                "#F0F6FC", "#2874A6");
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < m->counts[kinds[k]]; i++)
            if (involved[kinds[k]][i])
                vb_layer_add(vb, R_SOURCES, vb_element(vb, apps, m->elements[kinds[k]][i]),
                             vb_capped(vb, EGAF_K_APPLICATION, counts[EGAF_K_APPLICATION]) +
                                 vb_capped(vb, EGAF_K_DATABASE, counts[EGAF_K_DATABASE]));
    Agraph_t *plats = vb_cluster(vb, b, "platforms",
                                 TR(vb, "Nền tảng tích hợp, chia sẻ dữ liệu",
                                    "Integration platforms"),
                                 "#EEF9F2", "#1E8449");
    for (size_t i = 0; i < m->counts[EGAF_K_PLATFORM]; i++)
        vb_layer_add(vb, R_PLATFORMS, vb_element(vb, plats, m->elements[EGAF_K_PLATFORM][i]),
                     m->counts[EGAF_K_PLATFORM]);

    /* platforms' own links: LGSP → NGSP */
    for (size_t i = 0; i < m->counts[EGAF_K_PLATFORM]; i++) {
        const egaf_element *p = m->elements[EGAF_K_PLATFORM][i];
        for (size_t k = 0; k < vb_refs_count(p, EGAF_F_CONNECTS); k++) {
            Agedge_t *e = vb_edge(vb, vb_node_of(vb, p),
                                  target(vb, vb_ref_at(p, EGAF_F_CONNECTS, k)), true);
            if (e) {
                vb_set(vb, e, "penwidth", "2.2");
                vb_set(vb, e, "color", "#1E8449");
                vb_set(vb, e, "dir", "both");
            }
        }
    }

    bool any_bypass = false;
    for (size_t i = 0; i < nin; i++) {
        const egaf_element *in = m->elements[EGAF_K_INTEGRATION][i];
        const char *to_ref = egaf_element_text(in, EGAF_F_TO);
        const char *route = egaf_element_text(in, EGAF_F_ROUTE);
        Agnode_t *from = vb_node_of(vb, vb_local(vb, egaf_element_text(in, EGAF_F_FROM)));
        Agnode_t *via = vb_node_of(vb, vb_local(vb, egaf_element_text(in, EGAF_F_VIA)));
        Agnode_t *to = target(vb, to_ref);
        if (!from || !to)
            continue;
        bool bypass = route && strcmp(route, "a") != 0;
        any_bypass |= bypass;
        Agnode_t *last = via ? via : from;
        if (via) {
            Agedge_t *e = vb_edge(vb, from, via, true);
            if (e)
                vb_set(vb, e, "color", "#1E8449");
        }
        /* a national target other than NGSP: through NGSP for routes a and b */
        if (vb_is_national(to_ref) && !is_ngsp(to_ref) && route &&
            (strcmp(route, "a") == 0 || strcmp(route, "b") == 0)) {
            Agnode_t *ngsp = target(vb, "national:ngsp");
            Agedge_t *e = vb_edge(vb, last, ngsp, true);
            if (e && strcmp(route, "b") == 0)
                red(vb, e);
            else if (e)
                vb_set(vb, e, "color", "#6C3483");
            last = ngsp;
        }
        Agedge_t *e = vb_edge(vb, last, to, false);
        if (!e)
            continue;
        vb_set(vb, e, "label", edge_label(vb, in, route, bypass));
        if (bypass)
            red(vb, e);
        else if (vb_is_national(to_ref))
            vb_set(vb, e, "color", "#6C3483");
    }
    vb_note(vb, TR(vb, "Nhãn cạnh: dữ liệu được trao đổi.", "Edge labels: the data exchanged."));
    if (any_bypass)
        vb_note(vb, TR(vb,
                       "Nét đỏ đứt: kết nối theo trường hợp b, c hoặc d của Thông tư "
                       "13/2017/TT-BTTTT (không qua đủ LGSP và NGSP).",
                       "Dashed red: routes b, c or d of Circular 13/2017/TT-BTTTT (not through "
                       "both the LGSP and NGSP)."));
done:
    for (size_t k = 0; k < 3; k++)
        free(involved[kinds[k]]);
}

/* ---- render --diff -------------------------------------------------------- */

static const vb_draw draws[] = {
    {"integration", -1, false, false},
    {"connects", EGAF_K_PLATFORM, false, false},
};
static const vb_place places[] = {
    {EGAF_K_APPLICATION, "applications", false, 0, 0, false},
    {EGAF_K_DATABASE, "applications", false, 0, 0, false},
    {EGAF_K_PLATFORM, "platforms", false, 1, 0, true},
};

static int national_layer(egaf_vb *vb, const char *ref)
{
    (void)vb;
    return strcmp(ref, "national:ngsp") == 0 ? R_NGSP : R_TARGETS;
}

const vb_diff vb_integration_diff = {VB_LIST(places), VB_LIST(draws), national_layer, -1};
