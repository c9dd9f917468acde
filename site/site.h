/* site.h - the national site that `egaf consolidate` publishes (DESIGN §8):
 * static HTML pages, one CSS file, SVG diagrams and the consolidated data as
 * JSON and CSV, written into a folder the caller made (the command builds
 * it beside the target and renames it into place).
 *
 * The pages open from the file system with no network: no script, no font,
 * no style from outside the site; every page has a Content-Security-Policy
 * that forbids them; every model string is escaped for its context; links
 * are relative. The same inputs give the same bytes: every list is sorted or
 * in model order, and nothing depends on the time or on pointer values.
 *
 * Layout of the site (docs/consolidate.md):
 *   index.html             national overview, key figures, coverage, targets
 *   findings.html          every finding of the run
 *   changes.html           what changed since --previous (only with it)
 *   a-<arch>.html          one page per architecture (agency)
 *   n-<national-id>.html   one page per national system and database
 *   t-<target-id>.html     one page per national target of the reference data:
 *                          each agency's stated baseline and value, this
 *                          edition's and the previous one's
 *   editions/<year>/       the earlier editions, as they were published
 *                          (with --previous SITE: that site, and its own
 *                          editions/ flattened beside it)
 *   img/NAME.svg           the diagrams
 *   data/consolidated.json the consolidated model and figures
 *   data/NAME.csv          the same as tables (UTF-8 with BOM, CRLF)
 *   site.css
 */
#ifndef EGAF_SITE_H
#define EGAF_SITE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "refs/refs.h"
#include "render/render.h"
#include "base/diag.h"

typedef struct egaf_site egaf_site;

/* One diagram of the site, as the site describes it to the caller that
 * draws (fields other than rel are the site's own). */
typedef struct egaf_site_diagram {
    int kind; /* the overview, a national entry's, an agency's view */
    size_t index;
    int view;
    char rel[192]; /* its file, relative to the site's folder */
    char key[65];  /* its key in the diagram cache, or "" */
} egaf_site_diagram;

typedef enum egaf_site_drawn {
    EGAF_DRAWN,        /* drawn and written */
    EGAF_DRAWN_NONE,   /* no diagram; a finding says why (the page shows none) */
    EGAF_DRAWN_FAILED, /* out of memory, or the file could not be written */
} egaf_site_drawn;

/* Builds one diagram, lays it out in gv and writes it into the site's
 * folder; its findings (render.budget, render.graphviz) go to diags. Reads
 * the site's figures only, so a process forked while the site is written
 * may call it. */
egaf_site_drawn egaf_site_draw(egaf_site *site, const egaf_site_diagram *diagram, egaf_gv *gv,
                               egaf_diags *diags);

/* The caller's way to draw: calls egaf_site_draw() for each of the n
 * diagrams (in this process or in others, in any order), sets drawn[i]
 * (left EGAF_DRAWN_FAILED for one it could not draw) and adds the findings
 * to diags. Returns 0, or -1 when the drawing could not run at all. */
typedef int (*egaf_site_draw_fn)(void *ctx, egaf_site *site, const egaf_site_diagram *diagrams,
                                 size_t n, egaf_site_drawn *drawn, egaf_diags *diags);

/* How many diagrams were drawn and how many copied from the cache. */
typedef struct egaf_site_cache_stats {
    size_t drawn, reused;
} egaf_site_cache_stats;

/* The folder, beneath a site, that holds its diagram cache. */
#define EGAF_SITE_CACHE_FOLDER ".egaf-cache"

typedef struct egaf_site_options {
    int year;            /* the consolidation's year (--year) */
    egaf_lang lang;      /* labels: Vietnamese (default) or English */
    bool diagrams;       /* false: no SVG (--no-diagrams) */
    const char *version; /* egaf's version, in the JSON */
    /* --previous: the models of the previous edition (may be none) */
    egaf_model *const *previous;
    size_t nprevious;
    const egaf_diags *previous_diags;
    const char *previous_label; /* as the user named it; NULL: no changes page */
    /* the previous edition's year as the caller knows it (its models'), 0:
     * unknown; a previous site's data/consolidated.json says it instead */
    int previous_year;
    /* --previous named a site egaf wrote (the user's path): its pages are
     * kept under editions/<its year>/, its own editions/ beside them */
    const char *previous_site;
    /* what of the previous site was not kept, and why (a symbolic link, a
     * FIFO, a file over the size limit): one message each, for the caller
     * to print; NULL: not said */
    void (*notice)(void *ctx, const char *message);
    void *notice_ctx;
    const char *label;          /* the inputs, as named */
    /* with diagrams: draw, or when it is NULL each diagram is drawn here in
     * turn, laid out in gv */
    egaf_site_draw_fn draw;
    void *draw_ctx;
    egaf_gv *gv;
    /* The cache of drawn diagrams (diagram_cache.c): entries are read from
     * cache_dir and stored there; with cache_in_site they are stored in the
     * site's own folder .egaf-cache instead (every diagram of the site,
     * reused or drawn), and cache_dir (the previous site's .egaf-cache,
     * which may be missing, or NULL) is only read. Neither: no cache. */
    const char *cache_dir;
    bool cache_in_site;
    egaf_site_cache_stats *cache_stats; /* set when not NULL */
} egaf_site_options;

/* Writes the site into dir, an existing empty folder. models: every model
 * of the run (in load order); findings: the run's findings, sorted. Diagram
 * problems (render.budget, render.graphviz) go to render_diags. Returns 0,
 * or -1 with the reason in err (a write that failed, memory). */
int egaf_site_write(const char *dir, egaf_model *const *models, size_t nmodels,
                    const egaf_refs *refs, const egaf_diags *findings,
                    const egaf_site_options *options, egaf_diags *render_diags, char *err,
                    size_t errsize);

#endif
