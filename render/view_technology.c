/* view_technology.c - the technology architecture: the infrastructure, what
 * is hosted on each item (applications, platforms, databases via
 * `hosted-on`) and the network links (`connects`, e.g. Mạng truyền số liệu
 * chuyên dùng). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/labels.h"
#include "render/views.h"

enum { R_APPS, R_DATABASES, R_INFRA, R_NATIONAL };

static const char *infra_kind(egaf_vb *vb, const egaf_element *el)
{
    /* the one table of labels (model/labels.c): the diagram says what the
     * site and the document say */
    return egaf_label_value(EGAF_K_INFRASTRUCTURE, EGAF_F_KIND, egaf_element_text(el, EGAF_F_KIND),
                            vb->en);
}

void vb_view_technology(egaf_vb *vb)
{
    const egaf_model *m = vb->model;
    const egaf_kind hosted[] = {EGAF_K_APPLICATION, EGAF_K_PLATFORM, EGAF_K_DATABASE};
    size_t unhosted = 0;
    for (size_t k = 0; k < 3; k++) {
        size_t n = 0;
        for (size_t i = 0; i < m->counts[hosted[k]]; i++)
            if (vb_refs_count(m->elements[hosted[k]][i], EGAF_F_HOSTED_ON))
                n++;
        unhosted += m->counts[hosted[k]] - n;
        vb_plan(vb, (int)hosted[k], n);
    }
    vb_plan(vb, EGAF_K_INFRASTRUCTURE, m->counts[EGAF_K_INFRASTRUCTURE]);
    vb_plan_refs(vb, EGAF_K_INFRASTRUCTURE, EGAF_F_CONNECTS);
    vb_apply_budget(vb, 0);

    Agraph_t *b = vb_boundary(vb);
    Agraph_t *systems = vb_cluster(vb, b, "systems",
                                   TR(vb, "Ứng dụng, nền tảng, CSDL",
                                      "Applications, platforms, databases"),
                                   "#F7F9FB", "#2874A6");
    for (size_t k = 0; k < 3; k++)
        for (size_t i = 0; i < m->counts[hosted[k]]; i++) {
            const egaf_element *el = m->elements[hosted[k]][i];
            if (vb_refs_count(el, EGAF_F_HOSTED_ON))
                vb_layer_add(vb, hosted[k] == EGAF_K_DATABASE ? R_DATABASES : R_APPS,
                             vb_element(vb, systems, el),
                             hosted[k] == EGAF_K_DATABASE
                                 ? vb_capped(vb, EGAF_K_DATABASE, vb->planned[EGAF_K_DATABASE])
                                 : vb_capped(vb, EGAF_K_APPLICATION,
                                             vb->planned[EGAF_K_APPLICATION]) +
                                       vb->planned[EGAF_K_PLATFORM]);
        }
    Agraph_t *infra = vb_cluster(vb, b, "infrastructure",
                                 TR(vb, "Hạ tầng kỹ thuật", "Technical infrastructure"),
                                 "#F4F6F6", "#566573");
    char extra[256];
    for (size_t i = 0; i < m->counts[EGAF_K_INFRASTRUCTURE]; i++) {
        const egaf_element *el = m->elements[EGAF_K_INFRASTRUCTURE][i];
        const char *kind = infra_kind(vb, el);
        const char *loc = egaf_element_text(el, EGAF_F_LOCATION);
        snprintf(extra, sizeof extra, "%s%s%s", kind ? kind : "", kind && loc ? " — " : "",
                 loc ? loc : "");
        vb_layer_add(vb, R_INFRA, vb_element_x(vb, infra, el, extra),
                     m->counts[EGAF_K_INFRASTRUCTURE]);
    }

    for (size_t k = 0; k < 3; k++)
        for (size_t i = 0; i < m->counts[hosted[k]]; i++)
            vb_edges_to_local(vb, m->elements[hosted[k]][i], EGAF_F_HOSTED_ON, "#808B96");
    for (size_t i = 0; i < m->counts[EGAF_K_INFRASTRUCTURE]; i++) {
        const egaf_element *el = m->elements[EGAF_K_INFRASTRUCTURE][i];
        for (size_t j = 0; j < vb_refs_count(el, EGAF_F_CONNECTS); j++) {
            const char *ref = vb_ref_at(el, EGAF_F_CONNECTS, j);
            Agnode_t *t = vb_target(vb, ref);
            if (vb_is_national(ref))
                vb_layer_add(vb, R_NATIONAL, t, vb->planned[VB_G_NATIONAL]);
            Agedge_t *e = vb_edge(vb, vb_node_of(vb, el), t, true);
            if (e) {
                vb_set(vb, e, "dir", "none");
                vb_set(vb, e, "penwidth", "2.2");
                vb_set(vb, e, "color", "#566573");
            }
        }
    }
    vb_note(vb, TR(vb, "Cạnh mảnh: được triển khai trên (hosted-on); cạnh đậm: kết nối mạng.",
                   "Thin edges: hosted on; thick edges: network links."));
    if (unhosted) {
        snprintf(extra, sizeof extra,
                 TR(vb, "%zu ứng dụng, nền tảng, CSDL chưa khai báo hạ tầng (hosted-on), không vẽ.",
                    "%zu applications, platforms or databases name no infrastructure "
                    "(hosted-on) and are not drawn."),
                 unhosted);
        vb_note(vb, extra);
    }
}

/* ---- render --diff -------------------------------------------------------- */

static const vb_draw draws[] = {
    {"hosted-on", -1, false, false},
    {"connects", EGAF_K_INFRASTRUCTURE, false, false},
};
static const vb_place places[] = {
    {EGAF_K_APPLICATION, "systems", false, 0, 0, false},
    {EGAF_K_PLATFORM, "systems", false, 0, 0, false},
    {EGAF_K_DATABASE, "systems", false, 1, 0, false},
    {EGAF_K_INFRASTRUCTURE, "infrastructure", false, 2, 0, true},
};
const vb_diff vb_technology_diff = {VB_LIST(places), VB_LIST(draws), NULL, R_NATIONAL};
