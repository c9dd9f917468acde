/* diff_view.h - a view of the new version of a model with what changed since
 * the old one drawn on it (`egaf render --diff OLD`).
 *
 * The view is built as egaf_view_build() builds it; the semantic diff
 * (model/diff.h) then marks it:
 *   - added elements and relations: green (#1a7f37) border or line, pen
 *     width 2, "(mới)" / "(new)" after the label;
 *   - changed elements (and integrations whose fields changed): orange
 *     (#bc4c00), "(thay đổi)" / "(changed)";
 *   - removed elements of the kinds the view draws: ghost nodes, dashed red
 *     (#cf222e), "(đã bỏ)" / "(removed)", in the layer cluster of their kind;
 *     removed relations: dashed red edges between drawn or ghost nodes.
 * An edge is marked added only when every relation drawn on it is new (an
 * LGSP → NGSP edge that a kept integration also uses stays as it was).
 * A legend row lists the three marks. Ghosts count against the node budget
 * (they are planned with their kind); beyond it they are summarised into one
 * "và N phần tử đã bỏ" node. The same inputs give the same graph.
 *
 * diff is the architecture of an egaf_diff_compute() result comparing old
 * (may be NULL: ghosts are then labelled with the diff's names only) with
 * model. Returns a graph the caller releases with egaf_view_free(), or NULL
 * when memory runs out. */
#ifndef EGAF_RENDER_DIFF_VIEW_H
#define EGAF_RENDER_DIFF_VIEW_H

#include "diff/diff.h"
#include "render/render.h"

Agraph_t *egaf_view_build_diff(egaf_view view, const egaf_model *model, const egaf_model *old,
                               const egaf_diff_arch *diff, const egaf_refs *refs, int year,
                               const egaf_render_options *options, egaf_diags *diags);

#endif
