/* render.h - the diagrams of one architecture: views built as cgraph graphs
 * from the model, then laid out and rendered in-process with gvc.
 *
 * Views (DESIGN §7): overview (the framework's layered diagram), integration,
 * data, technology, security; and organisation (the units and their
 * relations) for a model that has units. A view is a function of the model, the
 * reference models (or NULL: national entries are then labelled by id), the
 * year and the options; the same inputs give the same graph, and the graph is
 * written (DOT) or laid out (SVG, PNG) to the same bytes.
 *
 * A node budget bounds every view: beyond it, elements are summarised into
 * "và N … khác" nodes (services by their `online` level first), the legend
 * says so and a render.budget note is recorded. Layout is never called on a
 * graph over the budget. An edge budget bounds the relations drawn the same
 * way: beyond it, a relation between two nodes not yet joined is left out
 * (in model order, the last ones), with the same legend line and note.
 *
 * Ownership: egaf_view_build() returns a graph the caller releases with
 * egaf_view_free(). */
#ifndef EGAF_RENDER_H
#define EGAF_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include <graphviz/cgraph.h>

#include "base/buf.h"
#include "model/model.h"
#include "refs/refs.h"
#include "base/diag.h"

typedef enum egaf_view {
    EGAF_VIEW_OVERVIEW,
    EGAF_VIEW_INTEGRATION,
    EGAF_VIEW_DATA,
    EGAF_VIEW_TECHNOLOGY,
    EGAF_VIEW_SECURITY,
    EGAF_VIEW_ORGANISATION, /* drawn only when the model has units */
    EGAF_VIEW__COUNT
} egaf_view;

typedef enum egaf_lang { EGAF_LANG_VI, EGAF_LANG_EN } egaf_lang;

/* Nodes of one view, legend included; beyond it the view summarises. */
#define EGAF_RENDER_BUDGET 150
/* Relations (edges) one view draws; beyond it a relation between two nodes
 * not yet joined is left out and the view says how many (Graphviz's layout
 * time grows with the edges as much as with the nodes). */
#define EGAF_RENDER_EDGE_BUDGET 300
/* Services drawn one by one in the overview; more are grouped by `online`. */
#define EGAF_RENDER_SERVICES_MAX 12
/* Label width in characters (UTF-8 code points) before a line break. */
#define EGAF_RENDER_WRAP 22
/* The font of every label: it has the Vietnamese glyphs. */
#define EGAF_RENDER_FONT "DejaVu Sans"

/* The page a picture is meant for: its drawing fits the text area of the
 * page in landscape (dot scales a larger drawing down, never a smaller one
 * up). */
typedef enum egaf_paper { EGAF_PAPER_NONE, EGAF_PAPER_A4, EGAF_PAPER_A3 } egaf_paper;

/* What `--hide` takes besides the sections of the format (egaf_section):
 * the national systems and databases outside the agency's boundary. */
#define EGAF_HIDE_NATIONAL (1u << EGAF_S__COUNT)

typedef struct egaf_render_options {
    egaf_lang lang;
    size_t node_budget; /* 0: EGAF_RENDER_BUDGET */
    size_t edge_budget; /* 0: EGAF_RENDER_EDGE_BUDGET */
    /* layers left out: a bit per egaf_section (its kinds' elements and
     * their edges), and EGAF_HIDE_NATIONAL */
    unsigned hidden;
    egaf_paper paper;
    unsigned dpi; /* 0: Graphviz's (96); PNG only */
    /* other architectures, for the names of references into them
     * ("lang-son:cong-dvc"); the model itself may be among them */
    egaf_model *const *others;
    size_t nothers;
} egaf_render_options;

/* "business" -> the section's bit, "national" -> EGAF_HIDE_NATIONAL; 0 for
 * anything else. */
unsigned egaf_render_hide_bit(const char *layer);
int egaf_paper_parse(const char *name, egaf_paper *out); /* -1 when unknown */

typedef enum egaf_out_format { EGAF_OUT_SVG, EGAF_OUT_PNG, EGAF_OUT_DOT } egaf_out_format;

/* A view's name ("overview"), its diagram's title ("Sơ đồ tổng thể") and a
 * short title ("Tổng thể"), from the one table of views (render/views.c). */
const char *egaf_view_name(egaf_view view);
const char *egaf_view_title(egaf_view view, egaf_lang lang);
const char *egaf_view_short_title(egaf_view view, egaf_lang lang);
int egaf_view_parse(const char *name, egaf_view *out); /* -1 when unknown */
/* Whether the view has something to draw for model: the organisation view
 * only when it has units. Whatever draws every view (the site, the ArchiMate
 * export) skips a view that does not apply, so a model without units gets
 * the same outputs as before the view existed. */
bool egaf_view_applies(egaf_view view, const egaf_model *model);
int egaf_out_format_parse(const char *name, egaf_out_format *out);

/* Builds a view. Findings (render.budget notes) go to diags, positioned at
 * the model's file. Returns NULL only when memory runs out. */
Agraph_t *egaf_view_build(egaf_view view, const egaf_model *model, const egaf_refs *refs,
                          int year, const egaf_render_options *options, egaf_diags *diags);
void egaf_view_free(Agraph_t *g);

/* The Graphviz context layouts go through, with the plugins linked in.
 * Created and freed by the caller (egaf keeps none of its own): a process
 * creates one and keeps it while it may lay out. Graphviz 2.42's pango
 * plugin remembers the last font name it measured, which lives in the
 * context, so a layout in a second context after the first was freed reads
 * freed memory. Not for two threads at once. egaf_gv_free(NULL) does
 * nothing. */
typedef struct egaf_gv egaf_gv;
egaf_gv *egaf_gv_create(void); /* NULL when out of memory */
void egaf_gv_free(egaf_gv *gv);
/* The version of the Graphviz library gv lays out with (a drawing's bytes
 * depend on it: the diagram cache keys on it). */
const char *egaf_gv_version(egaf_gv *gv);
/* Lays out and renders a one-node graph, so the plugins, fontconfig and
 * pango are set up before worker processes are forked from this one (each
 * then inherits them instead of loading them again). */
void egaf_gv_warm_up(egaf_gv *gv);
/* Lays g out with dot in gv, for a caller that reads the coordinates and
 * then calls egaf_gv_free_layout(). Graphviz messages become
 * render.graphviz findings at file; a graph far over the node budget is not
 * laid out (render.budget). Returns 0, or -1 when there is no layout. */
int egaf_gv_layout(egaf_gv *gv, Agraph_t *g, egaf_diags *diags, const char *file);
void egaf_gv_free_layout(egaf_gv *gv, Agraph_t *g);

/* Writes g as DOT (deterministic: objects in the order the view made them)
 * or lays it out with dot in gv and renders SVG or PNG, appending to out (gv
 * may be NULL for DOT). Graphviz messages become render.graphviz findings at
 * file. Returns 0, or -1 when no diagram could be made (the reason is a
 * finding, or out->failed). */
int egaf_render_graph(egaf_gv *gv, Agraph_t *g, egaf_out_format format, egaf_buf *out,
                      egaf_diags *diags, const char *file);

/* Label text for a plain Graphviz label: text wrapped at width code points
 * on spaces (words longer than width are cut), line breaks written as the
 * two characters \n, backslashes doubled (so \N, \G… in a name stay
 * literal), control characters dropped and invalid UTF-8 replaced by U+FFFD.
 * Quotes are left for cgraph, which escapes them when it writes DOT. */
void egaf_render_label(egaf_buf *out, const char *text, size_t width);
/* Number of UTF-8 code points in s. */
size_t egaf_render_width(const char *s);

#endif
