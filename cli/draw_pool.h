/* draw_pool.h - the worker processes that draw consolidate's diagrams. */
#ifndef EGAF_DRAW_POOL_H
#define EGAF_DRAW_POOL_H

#include "site/site.h"

/* ctx of egaf_draw_pool_run: the Graphviz context every diagram is laid
 * out in (warmed up once here, inherited by each worker), and what draws
 * one diagram: egaf_site_draw when NULL (a test gives its own). */
typedef struct egaf_draw_pool {
    egaf_gv *gv;
    egaf_site_drawn (*draw)(egaf_site *site, const egaf_site_diagram *diagram, egaf_gv *gv,
                            egaf_diags *diags);
} egaf_draw_pool;

/* An egaf_site_draw_fn (site.h): the diagrams are drawn by up to
 * egaf_cli_jobs() worker processes, forked once each and handed one
 * diagram after another; EGAF_JOBS=1 (and a ThreadSanitizer build) draws
 * them in this process, one after the other, with no fork. A worker sends
 * each diagram's findings back over its socket; they are added to diags in
 * the diagrams' order, whatever order they were drawn in. A worker that
 * dies loses the diagram it was drawing (EGAF_DRAWN_FAILED), no other. */
int egaf_draw_pool_run(void *pool, egaf_site *site, const egaf_site_diagram *diagrams, size_t n,
                       egaf_site_drawn *drawn, egaf_diags *diags);

/* The findings of list as bytes (rule, file, line, column, element, message,
 * hint: what a diagram's finding has), and back: egaf_draw_pool_read adds
 * each complete record of data to diags and returns how many it read, or -1
 * when memory ran out. */
void egaf_draw_pool_write_findings(egaf_buf *out, const egaf_diags *list);
long egaf_draw_pool_read_findings(egaf_diags *diags, const char *data, size_t len);

#endif
