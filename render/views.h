/* views.h - the table of views: one row per view (its name, titles,
 * builder and where render --diff puts each kind of element). Adding a view
 * is a value of egaf_view (render.h), a row in views.c and a file
 * view_NAME.c with its builder and places.
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
/* In a view's file: VB_PLACES(vb_NAME_places, {kind, cluster, …}, …). */
#define VB_PLACES(name, ...)                                                                  \
    static const vb_place name##_items[] = {__VA_ARGS__};                                     \
    const vb_places name = {name##_items, sizeof name##_items / sizeof name##_items[0]}
extern const vb_places vb_overview_places, vb_integration_places, vb_data_places,
    vb_technology_places, vb_security_places;

#endif
