/* render_util.h - for the unit tests that draw a view: build it from a
 * loaded model and draw it as text, the test failing when either step does. */
#ifndef EGAF_RENDER_UTIL_H
#define EGAF_RENDER_UTIL_H

#include "tests/unit/testutil.h"

#include "base/buf.h"
#include "model/model.h"
#include "refs/refs.h"
#include "render/render.h"

/* The view of m for 2020 drawn in format, laid out through gv (NULL will do
 * for DOT), Graphviz's messages reported at m's file; *nodes, unless NULL,
 * is how many nodes the view has. The caller frees the text. */
static inline char *draw_view(egaf_gv *gv, egaf_out_format format, egaf_view view,
                              const egaf_model *m, const egaf_refs *refs,
                              const egaf_render_options *opt, egaf_diags *d, int *nodes)
{
    Agraph_t *g = egaf_view_build(view, m, refs, 2020, opt, d);
    assert_non_null(g);
    if (nodes)
        *nodes = agnnodes(g);
    egaf_buf out;
    egaf_buf_init(&out);
    assert_int_equal(egaf_render_graph(gv, g, format, &out, d, m->path), 0);
    egaf_view_free(g);
    return out.data;
}

#endif
