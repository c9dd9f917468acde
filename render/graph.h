/* graph.h - what the views share: a builder that owns the graph being made,
 * resolves references, creates one node per element (or its summary node
 * when the budget is spent), styles nodes by kind and status, lays out
 * layers, and writes the legend.
 *
 * Internal to render/. Every node and subgraph is created in model order,
 * and the graph's id discipline numbers objects in creation order, so the
 * written graph never depends on pointer values. */
#ifndef EGAF_RENDER_GRAPH_H
#define EGAF_RENDER_GRAPH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "model/model.h"
#include "refs/refs.h"
#include "base/strmap.h"
#include "render/render.h"

/* Node styles: the model's kinds, then the others a view draws. */
typedef enum vb_style {
    VS_ACTOR,
    VS_CHANNEL,
    VS_SERVICE,
    VS_APPLICATION,
    VS_PLATFORM,
    VS_DATABASE,
    VS_INFRASTRUCTURE,
    VS_CONTROL,
    VS_NATIONAL_SYSTEM,
    VS_NATIONAL_DATABASE,
    VS_EXTERNAL, /* an element of another architecture */
    VS_UNIT,     /* a department, district or commune (the organisation view) */
    VS__COUNT
} vb_style;

/* The style every view gives an element of this kind. */
vb_style vb_style_of_kind(egaf_kind k);

/* Budget groups: the model's kinds, plus national entries and other
 * architectures' elements. */
enum { VB_G_NATIONAL = EGAF_K__COUNT, VB_G_EXTERNAL, VB_G__COUNT };

/* A layer is drawn in up to VB_ROWS rows of VB_ROW_WIDTH nodes (wider when
 * it has more than VB_ROWS * VB_ROW_WIDTH), so no diagram becomes one long
 * strip. Layer l uses ranks l * VB_ROWS … l * VB_ROWS + VB_ROWS - 1. */
#define VB_ROWS 4
#define VB_ROW_WIDTH 10
#define VB_MAX_LAYERS 8
#define VB_MAX_RANKS (VB_MAX_LAYERS * VB_ROWS + 2)

typedef struct egaf_vb egaf_vb;

/* Where the elements of a kind sit in a view (render --diff places the
 * ghosts of removed elements there). */
typedef struct vb_place {
    egaf_kind kind;
    const char *cluster; /* key of the layer cluster ("cluster_<key>") */
    bool outside;        /* the cluster is outside the agency's boundary */
    int layer;           /* vb_layer_add() layer, or -1: rank `rank` */
    size_t rank;
    bool always; /* the view draws every element of the kind; otherwise only
                    those a relation of the view touches */
} vb_place;

/* A relation a view draws: of type, from an element of from_kind (-1: any),
 * to a national entry only when to_national; reversed when its edge points
 * from the target to the source. */
typedef struct vb_draw {
    const char *type;
    int from_kind;
    bool to_national, reversed;
} vb_draw;

/* What render --diff needs of a view: where each kind sits, which
 * relations the view draws, and the layer of a national entry's node
 * (national_layer(), else the fixed national_rank; -1: not drawn). */
typedef struct vb_diff {
    const vb_place *places;
    size_t nplaces;
    const vb_draw *draws;
    size_t ndraws;
    int (*national_layer)(egaf_vb *vb, const char *ref);
    int national_rank;
} vb_diff;
/* An array and its length, for the rows above. */
#define VB_LIST(a) a, sizeof(a) / sizeof((a)[0])

typedef struct vb_view {
    const char *name;                /* --view, file names, ids */
    const char *title_vi, *title_en; /* the diagram's title */
    const char *short_vi, *short_en; /* a short name (ArchiMate's view names) */
    void (*build)(egaf_vb *vb);      /* draws the view into vb */
    const vb_diff *diff;             /* render --diff */
    bool (*applies)(const egaf_model *model); /* NULL: every model */
} vb_view;

struct egaf_vb {
    Agraph_t *g;
    const vb_view *view;
    const egaf_model *model;
    const egaf_refs *refs;
    int year;
    bool en;
    size_t budget;
    egaf_diags *diags;
    bool failed; /* out of memory */

    egaf_strmap local; /* id -> element */
    egaf_buf tmp, label;

    Agraph_t *boundary; /* cluster_agency */
    Agraph_t *national; /* cluster_national, made on first use */
    Agraph_t *external; /* cluster_external, made on first use */

    /* element -> node, by kind and element index */
    Agnode_t **nodes[EGAF_K__COUNT];
    /* budget: planned count per group, cap, shown so far, summary nodes */
    size_t planned[VB_G__COUNT], cap[VB_G__COUNT], shown[VB_G__COUNT];
    size_t summarised[VB_G__COUNT];
    Agnode_t *summary[VB_G__COUNT];
    Agraph_t *summary_in[VB_G__COUNT];
    egaf_strmap seen_national, seen_external; /* planning: distinct refs */

    bool used[VS__COUNT]; /* for the legend */
    bool used_planned, used_retired;
    egaf_buf notes; /* legend text, already escaped, lines ended by \l */
    egaf_buf agency;

    /* ranks, top to bottom: rank=same subgraphs and their first node */
    Agraph_t *rank[VB_MAX_RANKS];
    Agnode_t *rank_first[VB_MAX_RANKS];
    size_t layer_count[VB_MAX_LAYERS]; /* nodes placed in each layer so far */
    size_t edges;        /* relations drawn (vb_edge) */
    size_t edge_budget;  /* at most this many */
    unsigned hidden;     /* egaf_render_options.hidden: left out of the legend */
    /* the security view fills systems by security level, not by kind: the
     * legend then shows the kinds by shape and the levels by colour */
    bool fill_by_level;
    egaf_model *const *others; /* egaf_render_options.others */
    size_t nothers;
    bool level_used[4]; /* not given, 1–2, 3, 4–5 */
    size_t edges_left_out; /* relations not drawn: over the edge budget */
    /* where vb_finish() puts the legend: its entries in rank legend_rank and
     * its notes in the next one when legend_placed, else after the last rank
     * (a left-to-right drawing keeps it below, not as more columns) */
    bool legend_placed;
    size_t legend_rank;
};

/* Text in the chosen language. */
#define TR(vb, vi_, en_) ((vb)->en ? (en_) : (vi_))

/* Starts a graph of view (its name and title from the row). */
int vb_init(egaf_vb *vb, const vb_view *view, const egaf_model *model, const egaf_refs *refs,
            int year, const egaf_render_options *opt, egaf_diags *diags);
/* Adds the legend and the budget note; returns the graph (the builder no
 * longer owns it) or NULL after a failure. */
Agraph_t *vb_finish(egaf_vb *vb);
/* Fills n by a security level (0: not given), for the legend of a view that
 * sets fill_by_level. */
void vb_fill_level(egaf_vb *vb, Agnode_t *n, int level);
/* The options that concern the picture, not the view: layers left out
 * (their nodes deleted from g, with their edges), the page size and dpi. */
void vb_page(egaf_vb *vb, Agraph_t *g, const egaf_render_options *options);
void vb_free(egaf_vb *vb);

/* Clusters. */
Agraph_t *vb_cluster(egaf_vb *vb, Agraph_t *parent, const char *key, const char *title,
                     const char *fill, const char *border);
Agraph_t *vb_boundary(egaf_vb *vb);
Agraph_t *vb_national_cluster(egaf_vb *vb);

/* Ranks: subgraph "rank_<i>" with rank=same; vb_order_ranks() chains the
 * first node of each non-empty rank with invisible edges so the ranks lie
 * top to bottom in index order. */
void vb_rank_add(egaf_vb *vb, size_t rank, Agnode_t *n);
void vb_order_ranks(egaf_vb *vb);
/* Places n in the next free slot of layer's rows; total is about how many
 * nodes the layer will hold (it sets the row width). A node already placed
 * keeps its place. */
void vb_layer_add(egaf_vb *vb, size_t layer, Agnode_t *n, size_t total);
/* How many nodes a group of count elements takes once the budget caps it. */
size_t vb_capped(egaf_vb *vb, int group, size_t count);
/* Whether n is in a rank already. */
bool vb_ranked(egaf_vb *vb, Agnode_t *n);

/* Planning the budget: the views announce how many nodes of each group they
 * will draw, then vb_apply_budget() sets the caps. */
void vb_plan(egaf_vb *vb, int group, size_t count);
void vb_plan_ref(egaf_vb *vb, const char *ref);
void vb_plan_refs(egaf_vb *vb, egaf_kind kind, egaf_field field);
void vb_apply_budget(egaf_vb *vb, size_t reserved);

/* The element a reference names in this architecture (bare id or
 * "<own-id>:id"), or NULL. */
const egaf_element *vb_local(egaf_vb *vb, const char *ref);
/* The element's node in this view (its own or its summary), or NULL. */
Agnode_t *vb_node_of(egaf_vb *vb, const egaf_element *el);
void vb_set_node(egaf_vb *vb, const egaf_element *el, Agnode_t *n);
/* Draws el in cluster (within the budget) and returns its node. */
Agnode_t *vb_element(egaf_vb *vb, Agraph_t *cluster, const egaf_element *el);
/* Same, with an extra last label line (plain text, not vb->tmp or label). */
Agnode_t *vb_element_x(egaf_vb *vb, Agraph_t *cluster, const egaf_element *el,
                       const char *extra);
/* A national entry ("national:ID" or just "ID"), in the national cluster. */
Agnode_t *vb_national(egaf_vb *vb, const char *id);
/* Whether a national id is a national database (by the reference models, or
 * by the csdl- prefix without them). */
bool vb_national_is_db(egaf_vb *vb, const char *id);
const char *vb_national_category(egaf_vb *vb, const char *id);
/* The node a reference names: a local element already drawn, a national
 * entry or another architecture's element (both made on demand); NULL when
 * the reference names nothing drawn. */
Agnode_t *vb_target(egaf_vb *vb, const char *ref);
/* A node with a fixed label, not an element (summaries, service groups). */
Agnode_t *vb_plain_node(egaf_vb *vb, Agraph_t *cluster, const char *name, const char *label,
                        vb_style style);

/* Edges: dedupe returns an existing t->h edge instead of a new one. Once
 * the edge budget is spent, an existing t->h edge is returned and a new one
 * is not made (NULL; counted for the legend and the render.budget note). */
Agedge_t *vb_edge(egaf_vb *vb, Agnode_t *t, Agnode_t *h, bool dedupe);
void vb_set(egaf_vb *vb, void *obj, const char *attr, const char *value);

/* The element's display name in the chosen language (name-en falls back to
 * name, then to the id). */
const char *vb_name(egaf_vb *vb, const egaf_element *el);
/* Escaped label lines: the element's name wrapped, then extra (already
 * plain text, may be NULL) as a last line. Result in vb->label. */
const char *vb_element_label(egaf_vb *vb, const egaf_element *el, const char *extra);
/* egaf_render_label() with brk ("\\n", or "\\l" for left-aligned lines)
 * between lines. */
void vb_wrap(egaf_buf *out, const char *text, size_t width, const char *brk);
/* A legend line (plain text, escaped here). */
void vb_note(egaf_vb *vb, const char *text);
/* The security level of el (1..5), or 0. */
int vb_security_level(const egaf_element *el);
/* Whether ref names a national entry ("national:…"). */
bool vb_is_national(const char *ref);
/* The references of a REF or REFS field: count, and item i. */
size_t vb_refs_count(const egaf_element *el, egaf_field field);
const char *vb_ref_at(const egaf_element *el, egaf_field field, size_t i);
/* An edge, in color, from el to each element of this architecture that el's
 * field names (an application's databases, the systems a control protects). */
void vb_edges_to_local(egaf_vb *vb, const egaf_element *el, egaf_field field, const char *color);

#endif
