/* diff_view.c - a view with the semantic diff drawn on it (see diff_view.h).
 *
 * Two passes around the view's own drawing. Before it, the ghosts (removed
 * elements) and the extra nodes that removed relations need are planned with
 * their kind, so the view's budget leaves room for them. After it: the edges
 * of the new model's relations are marked (added, changed), the ghosts and
 * the removed relations are drawn, the added and changed elements are
 * marked; the legend row is added once the view's own legend is written.
 * Every list walked is the model's or the diff's, both in a fixed order, so
 * the graph is the same for the same inputs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "model/format.h"
#include "base/i18n.h"
#include "render/diff_view.h"
#include "render/views.h"
#include "base/grow.h"

#define C_ADDED "#1a7f37"
#define C_CHANGED "#bc4c00"
#define C_REMOVED "#cf222e"

/* Nodes the diff legend adds: added, changed, removed. */
#define DIFF_LEGEND_NODES 3

enum { M_UNCHANGED = 1, M_ADDED = 2, M_CHANGED = 4 };

typedef struct edge_mark {
    Agedge_t *e;
    unsigned mask;
} edge_mark;

typedef struct dv {
    egaf_vb *vb;
    egaf_view view;
    const egaf_model *old;
    const egaf_diff_arch *diff;
    const vb_place *places;
    size_t nplaces;
    bool grouped; /* overview: services drawn as groups */
    egaf_arena *arena;
    egaf_strmap removed; /* id -> removed egaf_diff_element of a placed kind */
    egaf_strmap planned; /* id -> itself: nodes planned for the budget */
    egaf_strmap ghosts;  /* id -> ghost node (or the summary of ghosts) */
    egaf_strmap rels;    /* relation key -> status of added/changed relations */
    egaf_strmap claimed; /* edge pointer bytes -> edge: integration edges taken */
    egaf_strmap marked;  /* edge pointer bytes -> index + 1 in marks */
    edge_mark *marks;
    size_t nmarks, capmarks;
    Agnode_t *more; /* "và N phần tử đã bỏ" */
    size_t nmore;
    bool any_ghost;
    egaf_buf buf, text;
    bool oom;
} dv;

/* ---- helpers ---------------------------------------------------------- */

/* What follows a marked label; only added, changed and removed elements
 * are marked. */
static const char *marker(dv *d, egaf_diff_status st)
{
    egaf_vb *vb = d->vb;
    if (st == EGAF_DIFF_ADDED)
        return TR(vb, "(mới)", "(new)");
    return st == EGAF_DIFF_CHANGED ? TR(vb, "(thay đổi)", "(changed)")
                                   : TR(vb, "(đã bỏ)", "(removed)");
}

static const vb_place *place_of(dv *d, int kind)
{
    if (kind == EGAF_K_SERVICE && d->grouped)
        return NULL;
    for (size_t i = 0; i < d->nplaces; i++)
        if ((int)d->places[i].kind == kind)
            return &d->places[i];
    return NULL;
}

/* A reference with the architecture's own prefix removed, as model/diff.c
 * reports it. */
static const char *norm_ref(const egaf_model *m, const char *s)
{
    if (!s || !m->id)
        return s;
    size_t n = strlen(m->id);
    if (strncmp(s, m->id, n) == 0 && s[n] == ':' && s[n + 1])
        return s + n + 1;
    return s;
}

static void put(dv *d, egaf_strmap *map, const char *key, size_t len, void *value)
{
    bool oom = false;
    egaf_strmap_put(map, key, len, value, &oom);
    if (oom)
        d->oom = true;
}

/* A relation's key: type, from, to, via. */
static const char *rel_key(dv *d, const char *type, const char *from, const char *to,
                           const char *via)
{
    egaf_buf_reset(&d->buf);
    egaf_buf_printf(&d->buf, "%s\x1f%s\x1f%s\x1f%s", type, from ? from : "", to ? to : "",
                    via ? via : "");
    if (d->buf.failed) {
        d->oom = true;
        return "";
    }
    return d->buf.data;
}

/* The kind of a relation's source: the new model's element, or the removed
 * one; -1 when neither. */
static int kind_of(dv *d, const char *id)
{
    const egaf_diff_element *e = egaf_strmap_get(&d->removed, id, strlen(id));
    if (e)
        return (int)e->kind;
    const egaf_element *el = vb_local(d->vb, id);
    return el ? (int)el->kind : -1;
}

/* Whether the view draws relations of type from an element of from_kind to
 * to; *reversed when the edge points from to to from. */
static bool view_draws(dv *d, const char *type, int from_kind, const char *to, bool *reversed)
{
    const vb_diff *vd = d->vb->view->diff;
    for (size_t i = 0; i < vd->ndraws; i++) {
        const vb_draw *r = &vd->draws[i];
        if (strcmp(r->type, type) == 0 && (r->from_kind < 0 || r->from_kind == from_kind) &&
            (!r->to_national || vb_is_national(to))) {
            *reversed = r->reversed;
            return true;
        }
    }
    *reversed = false;
    return false;
}

/* ---- planning ---------------------------------------------------------- */

static void plan_node(dv *d, const char *id, int kind, bool ghost)
{
    size_t len = strlen(id);
    if (egaf_strmap_get(&d->planned, id, len))
        return;
    put(d, &d->planned, id, len, (void *)id);
    vb_plan(d->vb, kind, 1);
    if (ghost)
        d->any_ghost = true;
}

static void plan_end(dv *d, const char *id)
{
    if (!id || !*id)
        return;
    const egaf_diff_element *e = egaf_strmap_get(&d->removed, id, strlen(id));
    if (e) {
        plan_node(d, id, (int)e->kind, true);
        return;
    }
    const egaf_element *el = vb_local(d->vb, id);
    if (el) {
        const vb_place *p = place_of(d, (int)el->kind);
        if (p && !p->always && el->id)
            plan_node(d, el->id, (int)el->kind, false);
        return;
    }
    if (strchr(id, ':'))
        vb_plan_ref(d->vb, id);
}

static void plan(dv *d)
{
    const egaf_diff_arch *a = d->diff;
    for (size_t i = 0; i < a->nelements; i++) {
        const egaf_diff_element *e = &a->elements[i];
        if (e->status != EGAF_DIFF_REMOVED || !e->id)
            continue;
        const vb_place *p = place_of(d, (int)e->kind);
        if (!p || egaf_strmap_get(&d->removed, e->id, strlen(e->id)))
            continue;
        put(d, &d->removed, e->id, strlen(e->id), (void *)e);
        if (p->always)
            plan_node(d, e->id, (int)e->kind, true);
    }
    for (size_t i = 0; i < a->nrelations; i++) {
        const egaf_diff_relation *r = &a->relations[i];
        if (r->status == EGAF_DIFF_REMOVED) {
            bool rev;
            if (!r->from || !view_draws(d, r->type, kind_of(d, r->from), r->to, &rev))
                continue;
            plan_end(d, r->from);
            plan_end(d, r->to);
        } else if (r->status == EGAF_DIFF_ADDED || r->status == EGAF_DIFF_CHANGED) {
            const char *k = rel_key(d, r->type, r->from, r->to, r->via);
            char *key = egaf_arena_strdup(d->arena, k);
            if (!key) {
                d->oom = true;
                return;
            }
            put(d, &d->rels, key, strlen(key), (void *)(uintptr_t)r->status);
        }
    }
}

/* ---- marking the new model's relations --------------------------------- */

static bool is_summary(dv *d, Agnode_t *n)
{
    for (int g = 0; g < VB_G__COUNT; g++)
        if (d->vb->summary[g] == n)
            return true;
    return false;
}

/* The node an id already has in the view (local element, national entry,
 * another architecture's element), or NULL. */
static Agnode_t *lookup(dv *d, const char *id)
{
    if (!id || !*id)
        return NULL;
    const egaf_element *el = vb_local(d->vb, id);
    if (el)
        return vb_node_of(d->vb, el);
    if (strchr(id, ':'))
        return agnode(d->vb->g, (char *)id, 0);
    return NULL;
}

static void note_edge(dv *d, Agedge_t *e, unsigned mask)
{
    if (!e)
        return;
    const char *key = (const char *)&e;
    size_t idx = (size_t)(uintptr_t)egaf_strmap_get(&d->marked, key, sizeof e);
    if (idx) {
        d->marks[idx - 1].mask |= mask;
        return;
    }
    d->marks = egaf_grow(d->marks, &d->capmarks, d->nmarks, sizeof(*d->marks), 32);
    if (d->nmarks == d->capmarks) {
        d->oom = true;
        return;
    }
    Agedge_t **stored = egaf_arena_alloc(d->arena, sizeof e);
    if (!stored) {
        d->oom = true;
        return;
    }
    *stored = e;
    d->marks[d->nmarks].e = e;
    d->marks[d->nmarks].mask = mask;
    d->nmarks++;
    put(d, &d->marked, (const char *)stored, sizeof e, (void *)(uintptr_t)d->nmarks);
}

/* The edge t -> h a view made with deduplication. */
static void note_pair(dv *d, Agnode_t *t, Agnode_t *h, unsigned mask)
{
    if (t && h && t != h)
        note_edge(d, agedge(d->vb->g, t, h, NULL, 0), mask);
}

/* The integration view draws one edge per integration (no deduplication):
 * the next one from last to to not taken by an earlier integration. */
static void note_claimed(dv *d, Agnode_t *last, Agnode_t *to, unsigned mask)
{
    if (!last || !to || last == to)
        return;
    for (Agedge_t *e = agfstout(d->vb->g, last); e; e = agnxtout(d->vb->g, e)) {
        if (aghead(e) != to || egaf_strmap_get(&d->claimed, (const char *)&e, sizeof e))
            continue;
        const char *dir = agget(e, "dir");
        if (dir && strcmp(dir, "both") == 0)
            continue; /* a platform's own link */
        Agedge_t **stored = egaf_arena_alloc(d->arena, sizeof e);
        if (!stored) {
            d->oom = true;
            return;
        }
        *stored = e;
        put(d, &d->claimed, (const char *)stored, sizeof e, e);
        note_edge(d, e, mask);
        return;
    }
}

static void note_integration(dv *d, const egaf_element *in, unsigned mask)
{
    const egaf_model *m = d->vb->model;
    const char *from = norm_ref(m, egaf_element_text(in, EGAF_F_FROM));
    const char *to = norm_ref(m, egaf_element_text(in, EGAF_F_TO));
    const char *via = norm_ref(m, egaf_element_text(in, EGAF_F_VIA));
    Agnode_t *f = lookup(d, from), *v = lookup(d, via), *t = lookup(d, to);
    if (d->view == EGAF_VIEW_OVERVIEW) {
        if (v) {
            note_pair(d, f, v, mask);
            note_pair(d, v, t, mask);
        } else if (vb_is_national(to)) {
            note_pair(d, f, t, mask);
        }
        return;
    }
    if (d->view != EGAF_VIEW_INTEGRATION || !f || !t)
        return;
    Agnode_t *last = v ? v : f;
    if (v)
        note_pair(d, f, v, mask);
    const char *route = egaf_element_text(in, EGAF_F_ROUTE);
    if (vb_is_national(to) && strcmp(to, "national:ngsp") != 0 && route &&
        (strcmp(route, "a") == 0 || strcmp(route, "b") == 0)) {
        Agnode_t *ngsp = lookup(d, "national:ngsp");
        note_pair(d, last, ngsp, mask);
        last = ngsp;
    }
    note_claimed(d, last, t, mask);
}

static unsigned rel_mask(dv *d, const char *type, const char *from, const char *to,
                         const char *via)
{
    const char *k = rel_key(d, type, from, to, via);
    uintptr_t st = (uintptr_t)egaf_strmap_get(&d->rels, k, strlen(k));
    if (st == EGAF_DIFF_ADDED)
        return M_ADDED;
    if (st == EGAF_DIFF_CHANGED)
        return M_CHANGED;
    return M_UNCHANGED;
}

static void note_relations(dv *d)
{
    const egaf_model *m = d->vb->model;
    for (int k = 0; k < EGAF_K_ARCHITECTURE && !d->oom; k++) {
        const egaf_kind_spec *spec = egaf_kind_info((egaf_kind)k);
        for (size_t i = 0; i < m->counts[k] && !d->oom; i++) {
            const egaf_element *el = m->elements[k][i];
            if (k == EGAF_K_INTEGRATION) {
                unsigned mask =
                    rel_mask(d, "integration", norm_ref(m, egaf_element_text(el, EGAF_F_FROM)),
                             norm_ref(m, egaf_element_text(el, EGAF_F_TO)),
                             norm_ref(m, egaf_element_text(el, EGAF_F_VIA)));
                note_integration(d, el, mask);
                continue;
            }
            if (!el->id)
                continue;
            /* the reference lists the diff compares as relations */
            for (size_t f = 0; f < spec->nfields; f++) {
                const egaf_field_spec *fs = &spec->fields[f];
                if (!egaf_diff_relation_field((egaf_kind)k, fs->field))
                    continue;
                size_t n = vb_refs_count(el, fs->field);
                for (size_t j = 0; j < n; j++) {
                    const char *to = norm_ref(m, vb_ref_at(el, fs->field, j));
                    bool rev;
                    if (!to || !view_draws(d, fs->key, k, to, &rev))
                        continue;
                    unsigned mask = rel_mask(d, fs->key, el->id, to, NULL);
                    Agnode_t *a = lookup(d, el->id), *b = lookup(d, to);
                    if (rev)
                        note_pair(d, b, a, mask);
                    else
                        note_pair(d, a, b, mask);
                }
            }
        }
    }
}

/* label + "\n" + text, for a label already escaped. An edge without a
 * label gets text as an external label instead: dot (2.42, 2.43) can free
 * its ranks twice when a new label lands on an edge between two nodes of one
 * rank (the security view draws a control beside what it protects), and
 * external labels are placed after the layout. */
static void append_label(dv *d, void *obj, const char *text)
{
    int kind = agobjkind(obj); /* an edge is seen from its tail or its head */
    const char *label = agget(obj, "label");
    bool external = (kind == AGOUTEDGE || kind == AGINEDGE) && !(label && *label);
    const char *old = external ? agget(obj, "xlabel") : label;
    egaf_buf_reset(&d->text);
    if (old && *old) {
        egaf_buf_puts(&d->text, old);
        egaf_buf_puts(&d->text, "\\n");
    }
    egaf_render_label(&d->text, text, 0);
    agsafeset(obj, external ? "xlabel" : "label", d->text.data ? d->text.data : "", "");
}

static void mark_edges(dv *d)
{
    for (size_t i = 0; i < d->nmarks; i++) {
        Agedge_t *e = d->marks[i].e;
        unsigned mask = d->marks[i].mask;
        if (is_summary(d, agtail(e)) || is_summary(d, aghead(e)))
            continue; /* shared by elements the budget hides */
        const char *color;
        egaf_diff_status st;
        if (mask & M_CHANGED) {
            color = C_CHANGED;
            st = EGAF_DIFF_CHANGED;
        } else if ((mask & M_ADDED) && !(mask & M_UNCHANGED)) {
            color = C_ADDED;
            st = EGAF_DIFF_ADDED;
        } else {
            continue;
        }
        agset(e, "color", (char *)color);
        agset(e, "fontcolor", (char *)color);
        agset(e, "penwidth", "2");
        append_label(d, e, marker(d, st));
    }
}

/* ---- ghosts and removed relations --------------------------------------- */

static Agraph_t *cluster_of(dv *d, const vb_place *p)
{
    egaf_vb *vb = d->vb;
    Agraph_t *parent = p->outside ? vb->g : vb_boundary(vb);
    egaf_buf_reset(&d->buf);
    egaf_buf_printf(&d->buf, "cluster_%s", p->cluster);
    Agraph_t *c = d->buf.data ? agsubg(parent, d->buf.data, 0) : NULL;
    return c ? c : parent;
}

static void place_node(dv *d, const vb_place *p, Agnode_t *n)
{
    egaf_vb *vb = d->vb;
    if (p->layer < 0)
        vb_rank_add(vb, p->rank, n);
    else
        vb_layer_add(vb, (size_t)p->layer, n, vb->layer_count[p->layer] + 1);
}

/* The old element's display name (name-en in English when it has one). */
static const char *ghost_name(dv *d, const egaf_diff_element *e)
{
    if (d->vb->en && d->old && e->kind < EGAF_K__COUNT) {
        for (size_t i = 0; i < d->old->counts[e->kind]; i++) {
            const egaf_element *el = d->old->elements[e->kind][i];
            if (el->id && strcmp(el->id, e->id) == 0) {
                const char *en = egaf_element_text(el, EGAF_F_NAME_EN);
                if (en)
                    return en;
                break;
            }
        }
    }
    return e->name ? e->name : e->id;
}

static void removed_style(Agnode_t *n, const char *base_style, egaf_buf *tmp)
{
    egaf_buf_reset(tmp);
    egaf_buf_printf(tmp, "%s,dashed", base_style);
    agset(n, "style", tmp->data ? tmp->data : "dashed");
    agset(n, "color", C_REMOVED);
    agset(n, "fontcolor", C_REMOVED);
    agset(n, "fillcolor", "#FFFFFF");
    agset(n, "penwidth", "2");
}

static Agnode_t *ghost(dv *d, const egaf_diff_element *e)
{
    egaf_vb *vb = d->vb;
    size_t len = strlen(e->id);
    Agnode_t *n = egaf_strmap_get(&d->ghosts, e->id, len);
    if (n)
        return n;
    const vb_place *p = place_of(d, (int)e->kind);
    if (!p)
        return NULL;
    Agraph_t *cl = cluster_of(d, p);
    if (vb->shown[e->kind] >= vb->cap[e->kind]) {
        d->nmore++;
        if (!d->more) {
            d->more = vb_plain_node(vb, vb_boundary(vb), "_removed_more", "", VS_APPLICATION);
            if (d->more) {
                removed_style(d->more, "rounded,filled", &d->text);
                agset(d->more, "penwidth", "1.2");
                place_node(d, p, d->more);
            }
        }
        n = d->more;
    } else {
        vb->shown[e->kind]++;
        egaf_buf_reset(&d->text);
        egaf_render_label(&d->text, ghost_name(d, e), EGAF_RENDER_WRAP);
        egaf_buf_puts(&d->text, "\\n");
        egaf_render_label(&d->text, marker(d, EGAF_DIFF_REMOVED), 0);
        egaf_buf_reset(&d->buf);
        egaf_buf_printf(&d->buf, "removed:%s", e->id);
        if (d->text.failed || d->buf.failed) {
            d->oom = true;
            return NULL;
        }
        n = vb_plain_node(vb, cl, d->buf.data, d->text.data, vb_style_of_kind(e->kind));
        if (!n)
            return NULL;
        removed_style(n, agget(n, "style"), &d->buf);
        place_node(d, p, n);
    }
    if (n)
        put(d, &d->ghosts, e->id, len, n);
    return n;
}

static void place_national(dv *d, const char *ref, Agnode_t *n)
{
    egaf_vb *vb = d->vb;
    const vb_diff *vd = vb->view->diff;
    int layer = vd->national_layer ? vd->national_layer(vb, ref) : vd->national_rank;
    if (layer >= 0)
        vb_layer_add(vb, (size_t)layer, n,
                     vb->layer_count[layer] + vb->planned[VB_G_NATIONAL]);
}

/* The node a removed relation's end is drawn at, made when needed. */
static Agnode_t *endpoint(dv *d, const char *id)
{
    egaf_vb *vb = d->vb;
    if (!id || !*id)
        return NULL;
    if (vb_is_national(id)) {
        if (!id[9])
            return NULL;
        Agnode_t *n = vb_national(vb, id + 9);
        if (n)
            place_national(d, id, n);
        return n;
    }
    const egaf_diff_element *e = egaf_strmap_get(&d->removed, id, strlen(id));
    if (e)
        return ghost(d, e);
    const egaf_element *el = vb_local(vb, id);
    if (el) {
        Agnode_t *n = vb_node_of(vb, el);
        const vb_place *p = place_of(d, (int)el->kind);
        if (n || !p)
            return n;
        n = vb_element(vb, cluster_of(d, p), el);
        place_node(d, p, n);
        return n;
    }
    if (strchr(id, ':')) {
        Agnode_t *n = vb_target(vb, id);
        if (n && d->view == EGAF_VIEW_INTEGRATION)
            vb_layer_add(vb, 3, n, vb->layer_count[3] + vb->planned[VB_G_EXTERNAL]);
        return n;
    }
    return NULL;
}

static void draw_removed(dv *d)
{
    const egaf_diff_arch *a = d->diff;
    egaf_vb *vb = d->vb;
    /* ghosts of the kinds the view draws in full, in the diff's order */
    for (size_t i = 0; i < a->nelements && !d->oom; i++) {
        const egaf_diff_element *e = &a->elements[i];
        const vb_place *p = e->id ? place_of(d, (int)e->kind) : NULL;
        if (e->status == EGAF_DIFF_REMOVED && p && p->always &&
            egaf_strmap_get(&d->removed, e->id, strlen(e->id)) == e)
            ghost(d, e);
    }
    for (size_t i = 0; i < a->nrelations && !d->oom; i++) {
        const egaf_diff_relation *r = &a->relations[i];
        bool rev;
        if (r->status != EGAF_DIFF_REMOVED || !r->from ||
            !view_draws(d, r->type, kind_of(d, r->from), r->to, &rev))
            continue;
        Agnode_t *f = endpoint(d, r->from), *t = endpoint(d, r->to);
        Agedge_t *e = rev ? vb_edge(vb, t, f, false) : vb_edge(vb, f, t, false);
        if (!e)
            continue;
        agset(e, "color", C_REMOVED);
        agset(e, "fontcolor", C_REMOVED);
        agset(e, "style", "dashed");
        agset(e, "penwidth", "1.6");
        if (d->view == EGAF_VIEW_DATA && strcmp(r->type, "sources") == 0)
            agset(e, "dir", "back");
        append_label(d, e, marker(d, EGAF_DIFF_REMOVED));
    }
}

/* ---- marking elements -------------------------------------------------- */

/* The element of kind with id in the new model. */
static const egaf_element *element(dv *d, egaf_kind kind, const char *id)
{
    const egaf_element *el = vb_local(d->vb, id);
    if (el && el->kind == kind)
        return el;
    const egaf_model *m = d->vb->model;
    for (size_t i = 0; kind < EGAF_K__COUNT && i < m->counts[kind]; i++)
        if (m->elements[kind][i]->id && strcmp(m->elements[kind][i]->id, id) == 0)
            return m->elements[kind][i];
    return NULL;
}

/* Whether n is el's own node (not a summary or a group of services). */
static bool own_node(Agnode_t *n, const egaf_element *el)
{
    const char *name = agnameof(n);
    size_t len = strlen(el->id);
    return name && strncmp(name, el->id, len) == 0 && (name[len] == '\0' || name[len] == '~');
}

static void mark_elements(dv *d)
{
    const egaf_diff_arch *a = d->diff;
    for (size_t i = 0; i < a->nelements; i++) {
        const egaf_diff_element *e = &a->elements[i];
        if ((e->status != EGAF_DIFF_ADDED && e->status != EGAF_DIFF_CHANGED) || !e->id)
            continue;
        const egaf_element *el = element(d, e->kind, e->id);
        Agnode_t *n = el ? vb_node_of(d->vb, el) : NULL;
        if (!n || !own_node(n, el))
            continue;
        const char *color = e->status == EGAF_DIFF_ADDED ? C_ADDED : C_CHANGED;
        agset(n, "color", (char *)color);
        agset(n, "penwidth", "2");
        append_label(d, n, marker(d, e->status));
    }
}

/* ---- summary and legend -------------------------------------------------- */

static void summarise_ghosts(dv *d)
{
    egaf_vb *vb = d->vb;
    if (!d->more)
        return;
    egaf_buf_reset(&d->buf);
    egaf_buf_printf(&d->buf, TR(vb, "và %zu phần tử đã bỏ", "and %zu more removed elements"),
                    d->nmore);
    egaf_buf_reset(&d->text);
    egaf_render_label(&d->text, d->buf.data, EGAF_RENDER_WRAP);
    agset(d->more, "label", d->text.data ? d->text.data : "");
    egaf_buf_reset(&d->text);
    egaf_buf_printf(&d->text,
                    TR(vb, "Sơ đồ rút gọn (giới hạn %zu nút): %s.",
                       "Diagram summarised (limit of %zu nodes): %s."),
                    vb->budget, d->buf.data);
    vb_note(vb, d->text.data);
    egaf_diag_at(vb->diags, "render.budget", vb->model->path, 0, 0, NULL,
                 _("the %s view of '%s' is over the node budget of %zu: %zu removed elements "
                   "are summarised"),
                 egaf_view_name(d->view), vb->model->id ? vb->model->id : "?", vb->budget,
                 d->nmore);
}

/* After vb_finish(): a row of the legend, below the view's own, with the
 * three marks. */
static void legend(dv *d, Agraph_t *g)
{
    egaf_vb *vb = d->vb;
    Agraph_t *cl = agsubg(g, "cluster_legend", 0);
    if (!cl)
        return;
    size_t last = 0;
    for (size_t i = 0; i < VB_MAX_RANKS; i++)
        if (vb->rank[i])
            last = i;
    size_t row = last + 1 < VB_MAX_RANKS ? last + 1 : last;
    vb->g = g; /* lent back to the builder for the new nodes */
    static const egaf_diff_status order[] = {EGAF_DIFF_ADDED, EGAF_DIFF_CHANGED,
                                             EGAF_DIFF_REMOVED};
    static const char *const names[] = {"_legend_added", "_legend_changed", "_legend_removed"};
    Agnode_t *prev = NULL;
    for (size_t i = 0; i < 3; i++) {
        const char *text;
        switch (order[i]) {
        case EGAF_DIFF_ADDED:
            text = TR(vb, "Thêm mới: viền, nét xanh lá", "Added: green");
            break;
        case EGAF_DIFF_CHANGED:
            text = TR(vb, "Thay đổi: viền, nét cam", "Changed: orange");
            break;
        default:
            text = TR(vb, "Đã bỏ: nét đứt đỏ", "Removed: dashed red");
            break;
        }
        egaf_buf_reset(&d->text);
        egaf_render_label(&d->text, text, 16);
        Agnode_t *n = vb_plain_node(vb, cl, names[i], d->text.data ? d->text.data : "",
                                    VS_APPLICATION);
        if (!n)
            break;
        agset(n, "fillcolor", "#FFFFFF");
        agset(n, "penwidth", "2");
        if (order[i] == EGAF_DIFF_REMOVED) {
            removed_style(n, "rounded,filled", &d->buf);
        } else {
            const char *c = order[i] == EGAF_DIFF_ADDED ? C_ADDED : C_CHANGED;
            agset(n, "color", (char *)c);
        }
        bool first = vb->rank[row] == NULL;
        vb_rank_add(vb, row, n);
        if (first && row != last && vb->rank_first[last]) {
            Agedge_t *e = agedge(g, vb->rank_first[last], n, NULL, 1);
            if (e) {
                agset(e, "style", "invis");
                agset(e, "weight", "0");
            }
        }
        if (prev) {
            Agedge_t *e = agedge(g, prev, n, NULL, 1);
            if (e)
                agset(e, "style", "invis");
        }
        prev = n;
    }
    vb->g = NULL;
}

/* ---- the build --------------------------------------------------------- */

Agraph_t *egaf_view_build_diff(egaf_view view, const egaf_model *model, const egaf_model *old,
                               const egaf_diff_arch *diff, const egaf_refs *refs, int year,
                               const egaf_render_options *options, egaf_diags *diags)
{
    if (!diff || !vb_view_of(view))
        return egaf_view_build(view, model, refs, year, options, diags);
    egaf_vb vb;
    dv d;
    memset(&vb, 0, sizeof vb);
    memset(&d, 0, sizeof d);
    d.vb = &vb;
    d.view = view;
    d.old = old;
    d.diff = diff;
    d.grouped = view == EGAF_VIEW_OVERVIEW &&
                model->counts[EGAF_K_SERVICE] > EGAF_RENDER_SERVICES_MAX;
    egaf_strmap_init(&d.removed);
    egaf_strmap_init(&d.planned);
    egaf_strmap_init(&d.ghosts);
    egaf_strmap_init(&d.rels);
    egaf_strmap_init(&d.claimed);
    egaf_strmap_init(&d.marked);
    egaf_buf_init(&d.buf);
    egaf_buf_init(&d.text);
    d.places = vb_view_of(view)->diff->places;
    d.nplaces = vb_view_of(view)->diff->nplaces;
    d.arena = egaf_arena_create();
    Agraph_t *g = NULL;
    if (!d.arena || vb_init(&vb, vb_view_of(view), model, refs, year, options, diags) != 0)
        goto done;

    plan(&d);
    /* the legend's three marks, and the summary of ghosts, are nodes too */
    size_t budget = vb.budget, reserve = DIFF_LEGEND_NODES + (d.any_ghost ? 1 : 0);
    vb.budget = budget > reserve ? budget - reserve : 1;
    vb.view->build(&vb);
    vb.budget = budget;
    if (d.oom || vb.failed)
        goto done;

    note_relations(&d);
    mark_edges(&d);
    draw_removed(&d);
    mark_elements(&d);
    summarise_ghosts(&d);
    if (d.oom || d.buf.failed || d.text.failed)
        goto done;
    g = vb_finish(&vb);
    if (g) {
        legend(&d, g);
        if (vb.failed || d.text.failed || d.buf.failed) {
            egaf_view_free(g);
            g = NULL;
        }
    }
done:
    vb_free(&vb);
    egaf_strmap_free(&d.removed);
    egaf_strmap_free(&d.planned);
    egaf_strmap_free(&d.ghosts);
    egaf_strmap_free(&d.rels);
    egaf_strmap_free(&d.claimed);
    egaf_strmap_free(&d.marked);
    egaf_buf_free(&d.buf);
    egaf_buf_free(&d.text);
    free(d.marks);
    egaf_arena_free(d.arena);
    return g;
}
