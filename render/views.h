/* views.h - the table of views: one row per view (its name, titles,
 * builder and what render --diff needs of it). Adding a view
 * is a value of egaf_view (render.h), a row in views.c and a file
 * view_NAME.c with its builder and its vb_diff.
 *
 * Internal to render/. */
#ifndef EGAF_RENDER_VIEWS_H
#define EGAF_RENDER_VIEWS_H

#include <stdbool.h>
#include <stddef.h>

#include "render/graph.h"

/* The row of view, or NULL when it is no view. */
const vb_view *vb_view_of(egaf_view view);

/* Each view's file: its builder and its places. */
void vb_view_overview(egaf_vb *vb);
void vb_view_integration(egaf_vb *vb);
void vb_view_data(egaf_vb *vb);
void vb_view_technology(egaf_vb *vb);
void vb_view_security(egaf_vb *vb);
void vb_view_organisation(egaf_vb *vb);
bool vb_organisation_applies(const egaf_model *model);
extern const vb_diff vb_overview_diff, vb_integration_diff, vb_data_diff, vb_technology_diff,
    vb_security_diff, vb_organisation_diff;

#endif
