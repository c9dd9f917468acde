/* view_data.c - the data architecture: the agency's databases, the
 * applications that use them, and the national databases they take their
 * master data from. */
#include <stdlib.h>
#include <string.h>

#include "model/labels.h"
#include "render/views.h"

enum { R_APPS, R_DATABASES, R_NATIONAL };

static const char *db_kind(egaf_vb *vb, const egaf_element *db)
{
    /* the one table of labels (model/labels.c): the diagram says what the
     * site and the document say */
    return egaf_label_value(EGAF_K_DATABASE, EGAF_F_KIND, egaf_element_text(db, EGAF_F_KIND),
                            vb->en);
}

void vb_view_data(egaf_vb *vb)
{
    const egaf_model *m = vb->model;
    size_t napps = m->counts[EGAF_K_APPLICATION], ndbs = m->counts[EGAF_K_DATABASE];
    bool *uses = napps ? calloc(napps, sizeof(bool)) : NULL;
    if (napps && !uses) {
        vb->failed = true;
        return;
    }
    size_t nusers = 0;
    for (size_t i = 0; i < napps; i++) {
        const egaf_element *app = m->elements[EGAF_K_APPLICATION][i];
        for (size_t k = 0; k < vb_refs_count(app, EGAF_F_USES) && !uses[i]; k++) {
            const egaf_element *db = vb_local(vb, vb_ref_at(app, EGAF_F_USES, k));
            if (db && db->kind == EGAF_K_DATABASE) {
                uses[i] = true;
                nusers++;
            }
        }
    }
    vb_plan(vb, EGAF_K_APPLICATION, nusers);
    vb_plan(vb, EGAF_K_DATABASE, ndbs);
    for (size_t i = 0; i < ndbs; i++) {
        const egaf_element *db = m->elements[EGAF_K_DATABASE][i];
        for (size_t k = 0; k < vb_refs_count(db, EGAF_F_SOURCES); k++) {
            const char *ref = vb_ref_at(db, EGAF_F_SOURCES, k);
            if (vb_is_national(ref))
                vb_plan_ref(vb, ref);
        }
    }
    vb_apply_budget(vb, 0);

    Agraph_t *b = vb_boundary(vb);
    Agraph_t *apps = vb_cluster(vb, b, "applications",
                                TR(vb, "Ứng dụng khai thác dữ liệu", "Applications using data"),
                                "#F0F6FC", "#2874A6");
    for (size_t i = 0; i < napps; i++)
        if (uses[i])
            vb_layer_add(vb, R_APPS, vb_element(vb, apps, m->elements[EGAF_K_APPLICATION][i]),
                         vb_capped(vb, EGAF_K_APPLICATION, nusers));
    Agraph_t *dbs = vb_cluster(vb, b, "databases",
                               TR(vb, "Cơ sở dữ liệu của cơ quan", "The agency's databases"),
                               "#FEFBEA", "#9A7D0A");
    for (size_t i = 0; i < ndbs; i++) {
        const egaf_element *db = m->elements[EGAF_K_DATABASE][i];
        Agnode_t *n = vb_element_x(vb, dbs, db, db_kind(vb, db));
        vb_layer_add(vb, R_DATABASES, n, vb_capped(vb, EGAF_K_DATABASE, ndbs));
    }

    for (size_t i = 0; i < napps; i++)
        if (uses[i])
            vb_edges_to_local(vb, m->elements[EGAF_K_APPLICATION][i], EGAF_F_USES, "#2874A6");
    for (size_t i = 0; i < ndbs; i++) {
        const egaf_element *db = m->elements[EGAF_K_DATABASE][i];
        Agnode_t *dn = vb_node_of(vb, db);
        for (size_t k = 0; k < vb_refs_count(db, EGAF_F_SOURCES); k++) {
            const char *ref = vb_ref_at(db, EGAF_F_SOURCES, k);
            Agnode_t *src;
            if (vb_is_national(ref)) {
                src = vb_national(vb, ref);
                vb_layer_add(vb, R_NATIONAL, src, vb->planned[VB_G_NATIONAL]);
            } else {
                src = vb_node_of(vb, vb_local(vb, ref));
            }
            /* drawn downwards (consumer above source), arrow towards the consumer */
            Agedge_t *e = vb_edge(vb, dn, src, true);
            if (e) {
                vb_set(vb, e, "dir", "back");
                vb_set(vb, e, "color", "#6C3483");
            }
        }
    }
    vb_note(vb, TR(vb,
                   "Mũi tên tím: CSDL lấy dữ liệu gốc từ CSDL quốc gia; mũi tên xanh: ứng dụng "
                   "sử dụng CSDL.",
                   "Purple arrows: a database takes master data from a national database; blue: "
                   "an application uses a database."));
    free(uses);
}

/* ---- render --diff -------------------------------------------------------- */

static const vb_draw draws[] = {
    {"uses", -1, false, false},
    {"sources", -1, false, false},
};
static const vb_place places[] = {
    {EGAF_K_APPLICATION, "applications", false, 0, 0, false},
    {EGAF_K_DATABASE, "databases", false, 1, 0, true},
};
const vb_diff vb_data_diff = {VB_LIST(places), VB_LIST(draws), NULL, R_NATIONAL};
