/* view_security.c - the security architecture: the controls, what each
 * protects, and the security level (cấp độ, NĐ 85/2016/NĐ-CP) of every
 * system protected or classified. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/labels.h"
#include "render/views.h"

enum { R_CONTROLS, R_APPS, R_DATABASES, R_INFRA };

static const char *control_kind(egaf_vb *vb, const egaf_element *el)
{
    /* the one table of labels (model/labels.c): the diagram says what the
     * site and the document say */
    return egaf_label_value(EGAF_K_CONTROL, EGAF_F_KIND, egaf_element_text(el, EGAF_F_KIND),
                            vb->en);
}

static size_t rank_of_kind(egaf_kind kind)
{
    return kind == EGAF_K_DATABASE         ? R_DATABASES
           : kind == EGAF_K_INFRASTRUCTURE ? R_INFRA
                                           : R_APPS;
}

/* The row of the topmost layer a control protects (the first row when it
 * protects nothing drawn). */
static size_t control_rank(egaf_vb *vb, const egaf_element *c)
{
    size_t rank = R_INFRA + 1;
    for (size_t j = 0; j < vb_refs_count(c, EGAF_F_PROTECTS); j++) {
        const egaf_element *el = vb_local(vb, vb_ref_at(c, EGAF_F_PROTECTS, j));
        if (el && rank_of_kind(el->kind) < rank)
            rank = rank_of_kind(el->kind);
    }
    return rank > R_INFRA ? R_APPS : rank;
}

void vb_view_security(egaf_vb *vb)
{
    const egaf_model *m = vb->model;
    const egaf_kind kinds[] = {EGAF_K_APPLICATION, EGAF_K_PLATFORM, EGAF_K_DATABASE,
                               EGAF_K_INFRASTRUCTURE};
    bool *shown[EGAF_K__COUNT] = {NULL};
    for (size_t k = 0; k < 4; k++) {
        size_t n = m->counts[kinds[k]];
        shown[kinds[k]] = n ? calloc(n, sizeof(bool)) : NULL;
        if (n && !shown[kinds[k]]) {
            vb->failed = true;
            goto done;
        }
        for (size_t i = 0; i < n; i++)
            if (vb_security_level(m->elements[kinds[k]][i]))
                shown[kinds[k]][i] = true;
    }
    for (size_t i = 0; i < m->counts[EGAF_K_CONTROL]; i++) {
        const egaf_element *c = m->elements[EGAF_K_CONTROL][i];
        for (size_t j = 0; j < vb_refs_count(c, EGAF_F_PROTECTS); j++) {
            const egaf_element *el = vb_local(vb, vb_ref_at(c, EGAF_F_PROTECTS, j));
            if (el && shown[el->kind])
                shown[el->kind][el->index] = true;
        }
    }
    for (size_t k = 0; k < 4; k++) {
        size_t n = 0;
        for (size_t i = 0; i < m->counts[kinds[k]]; i++)
            n += shown[kinds[k]][i];
        vb_plan(vb, (int)kinds[k], n);
    }
    vb_plan(vb, EGAF_K_CONTROL, m->counts[EGAF_K_CONTROL]);
    size_t planned_in[R_INFRA + 1] = {0};
    vb_apply_budget(vb, 0);
    planned_in[R_APPS] = vb_capped(vb, EGAF_K_APPLICATION, vb->planned[EGAF_K_APPLICATION]) +
                         vb->planned[EGAF_K_PLATFORM];
    planned_in[R_DATABASES] = vb_capped(vb, EGAF_K_DATABASE, vb->planned[EGAF_K_DATABASE]);
    planned_in[R_INFRA] = vb->planned[EGAF_K_INFRASTRUCTURE];

    char extra[128];
    Agraph_t *b = vb_boundary(vb);
    Agraph_t *controls = vb_cluster(vb, b, "controls",
                                    TR(vb, "Biện pháp bảo đảm an toàn thông tin",
                                       "Security controls"),
                                    "#FDF2F1", "#B03A2E");
    /* each control on the row of the first layer it protects, in a band
     * beside the systems: its edges run across, not around the figure */
    size_t controls_in[R_INFRA + 1] = {0};
    for (size_t i = 0; i < m->counts[EGAF_K_CONTROL]; i++)
        controls_in[control_rank(vb, m->elements[EGAF_K_CONTROL][i])]++;
    for (size_t r = 0; r <= R_INFRA; r++)
        planned_in[r] += controls_in[r];
    for (size_t i = 0; i < m->counts[EGAF_K_CONTROL]; i++) {
        const egaf_element *c = m->elements[EGAF_K_CONTROL][i];
        const char *kind = control_kind(vb, c);
        snprintf(extra, sizeof extra, "%s", kind ? kind : "");
        size_t rank = control_rank(vb, c);
        vb_layer_add(vb, rank, vb_element_x(vb, controls, c, extra), planned_in[rank]);
    }
    Agraph_t *systems = vb_cluster(vb, b, "systems",
                                   TR(vb, "Hệ thống thông tin được bảo vệ, theo cấp độ",
                                      "Protected systems, by security level"),
                                   "#FBFCFC", "#566573");
    vb->fill_by_level = true;
    for (size_t k = 0; k < 4; k++)
        for (size_t i = 0; i < m->counts[kinds[k]]; i++) {
            if (!shown[kinds[k]][i])
                continue;
            const egaf_element *el = m->elements[kinds[k]][i];
            int level = vb_security_level(el);
            if (level)
                snprintf(extra, sizeof extra, TR(vb, "cấp độ %d", "level %d"), level);
            else
                snprintf(extra, sizeof extra, "%s",
                         TR(vb, "chưa xác định cấp độ", "level not given"));
            Agnode_t *n = vb_element_x(vb, systems, el, extra);
            if (n && vb->summary[kinds[k]] != n &&
                strcmp(egaf_element_text(el, EGAF_F_STATUS) ? egaf_element_text(el, EGAF_F_STATUS) : "", "retired") != 0)
                vb_fill_level(vb, n, level);
            size_t rank = rank_of_kind(kinds[k]);
            vb_layer_add(vb, rank, n, planned_in[rank]);
        }
    for (size_t i = 0; i < m->counts[EGAF_K_CONTROL]; i++)
        vb_edges_to_local(vb, m->elements[EGAF_K_CONTROL][i], EGAF_F_PROTECTS, "#B03A2E");
    vb_note(vb, TR(vb, "Màu nền: cấp độ an toàn hệ thống thông tin (NĐ 85/2016/NĐ-CP).",
                   "Fill: the system's security level (Decree 85/2016/ND-CP)."));
done:
    for (size_t k = 0; k < 4; k++)
        free(shown[kinds[k]]);
}

/* ---- render --diff -------------------------------------------------------- */

static const vb_draw draws[] = {
    {"protects", -1, false, false},
};
static const vb_place places[] = {
    {EGAF_K_CONTROL, "controls", false, 0, 0, true},
    {EGAF_K_APPLICATION, "systems", false, 1, 0, false},
    {EGAF_K_PLATFORM, "systems", false, 1, 0, false},
    {EGAF_K_DATABASE, "systems", false, 2, 0, false},
    {EGAF_K_INFRASTRUCTURE, "systems", false, 3, 0, false},
};
const vb_diff vb_security_diff = {VB_LIST(places), VB_LIST(draws), NULL, -1};
