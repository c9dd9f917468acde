/* site_priv.h - what the parts of the site writer share: the consolidated
 * figures of every architecture and national entry, computed once
 * (site.c), then written as pages (site_pages.c), data (site_data.c) and
 * national diagrams (national_views.c). Internal to render/. */
#ifndef EGAF_SITE_PRIV_H
#define EGAF_SITE_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include <graphviz/cgraph.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/outdir.h"
#include "base/strmap.h"
#include "site/site.h"

#define ST(s, vi_, en_) ((s)->en ? (en_) : (vi_))

/* How an architecture reaches a national entry. */
enum {
    LK_A = 1u << 0, /* integration, route a (through the LGSP and NGSP) */
    LK_B = 1u << 1,
    LK_C = 1u << 2,
    LK_D = 1u << 3,
    LK_VIA = 1u << 4,     /* integration through a platform, no route given */
    LK_DIRECT = 1u << 5,  /* integration, no platform, no route */
    LK_CONNECTS = 1u << 6, /* a platform `connects` to it */
    LK_SOURCES = 1u << 7,  /* a database takes data from it (`sources`) */
    LK_NETWORK = 1u << 8,  /* infrastructure `connects` to it (a network link) */
};
#define LK_LINKED (LK_CONNECTS | LK_NETWORK)
#define LK_THROUGH_NGSP (LK_A | LK_VIA)

typedef struct site_link {
    size_t nat;              /* index in site->nat */
    const egaf_element *el;  /* the element that names it */
    unsigned how;            /* one LK_* bit */
    const char *from;        /* integrations: the other end; else el's id */
    const char *via;         /* integrations: the platform, or NULL */
    const char *route;       /* integrations: a-d, or NULL */
} site_link;

enum { GROUP_MINISTRY, GROUP_PROVINCE, GROUP_OTHER, GROUP__COUNT };

typedef struct site_target_value {
    bool measured;
    size_t num, den;
} site_target_value;

typedef struct site_agency {
    egaf_model *m;
    const egaf_ref_entry *agency; /* as of the model's year, or NULL */
    const char *slug;             /* page name: a-<slug>.html */
    const char *name;             /* the agency's display name */
    const char *title;            /* the architecture's title */
    int group;
    int year;
    egaf_strmap ids; /* id -> element */
    egaf_strmap integrated; /* "<app id>\x1f<national id>": integrations to national */
    size_t services, online[3]; /* full, partial, none */
    size_t sec[6];              /* systems by security level; [0]: none given */
    const egaf_element *lgsp;
    bool lgsp_ngsp;
    site_link *links;
    size_t nlinks, caplinks;
    size_t counts[3]; /* findings: notes, warnings, errors (not waived) */
    bool drawn[EGAF_VIEW__COUNT];
    site_target_value *targets; /* per site target */
} site_agency;

typedef struct site_national {
    const egaf_ref_entry *e;
    const char *id;
    bool db;
    size_t consumers[GROUP__COUNT]; /* architectures linked to it */
    size_t through_ngsp;            /* … of them through the LGSP and NGSP */
    bool drawn;
} site_national;

typedef struct site_target {
    const egaf_ref_framework *fw;
    const egaf_ref_target *t;
    bool measurable;
    site_target_value total;
} site_target;

/* The earlier editions a site keeps: one a year, 1990 to 2100. */
#define SITE_MAX_EDITIONS 111

typedef struct egaf_site {
    const char *dir;  /* for messages only */
    egaf_outdir out;  /* every file is opened beneath it */
    egaf_model *const *models;
    size_t nmodels;
    const egaf_refs *refs;
    const egaf_diags *findings;
    const egaf_site_options *opt;
    egaf_diags *rdiags;
    bool en;
    int year;
    egaf_arena *arena;

    site_agency *ag; /* sorted: ministries, provinces, others; then by slug */
    size_t nag;
    site_national *nat; /* shared systems, then national databases */
    size_t nnat;
    egaf_strmap nat_index;       /* national id -> index + 1 */
    unsigned *cells;             /* nag x nnat: LK_* bits */
    const egaf_ref_entry **missing; /* agencies of the year without architecture */
    size_t nmissing;
    size_t missing_by_group[GROUP__COUNT];
    size_t agencies_by_group[GROUP__COUNT];
    egaf_strmap file_agency; /* source path -> site_agency */
    site_target *targets;
    size_t ntargets;
    bool overview_drawn;
    bool has_changes;
    /* the previous edition's year (0: none given), and the earlier
     * editions kept under editions/<year>/ (site_editions.c), newest first */
    int previous_year;
    int editions[SITE_MAX_EDITIONS];
    size_t neditions;

    /* the diagram cache (diagram_cache.c): entries are read from
     * cache_in and stored in cache_out (fd -1: none) */
    egaf_outdir cache_in, cache_out;
    const char *graphviz_version;

    egaf_buf page, tmp;
    char *err;
    size_t errsize;
    bool failed;
} egaf_site;

/* site.c */
int site_write_file(egaf_site *s, const char *rel, const egaf_buf *b);
bool site_fail(egaf_site *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *site_group_name(const egaf_site *s, int group, bool plural);
/* An agency's level as the reference data gives it (legal sources), else
 * as its model states it (m may be NULL); NULL when neither does. */
const char *site_agency_level(const egaf_ref_entry *agency, const egaf_model *m);
/* The group (GROUP_*) of a level ("ministry", "province", …; NULL: other). */
int site_group_of_level(const char *level);
/* Whether rel names a regular file the site already holds (a page of a
 * kept edition, say). */
bool site_has_file(egaf_site *s, const char *rel);
/* A term and its value in a <dl>, both escaped; nothing when value is NULL. */
void site_dl_item(egaf_buf *b, const char *term, const char *value);
/* The agency a finding belongs to (by its file), or NULL. */
site_agency *site_agency_of_file(egaf_site *s, const char *file);
const char *site_national_name(const egaf_site *s, const site_national *n);
/* A file as the site shows it: a model's file as published in data/models/
 * (data/models/<slug>/<slug>.yaml and its includes beside it), any other
 * file (the reference data) by its name; never the path the consolidator
 * read it from, which names folders of its machine. */
const char *site_shown_file(egaf_site *s, const char *file);
const char *site_element_name(const egaf_site *s, const egaf_element *el);
const char *site_route_text(const egaf_site *s, unsigned bits, egaf_buf *out);
unsigned site_cell(const egaf_site *s, size_t agency, size_t nat);

/* diagram_cache.c: the key of a drawing (hex SHA-256, NUL-terminated),
 * an entry read back only when its drawing matches its digest (0; -1: a
 * miss, svg left empty), and an entry stored (0, or -1). */
#define SITE_CACHE_KEY_SIZE 65
void site_cache_key(const char *egaf_version, const char *graphviz_version, const char *format,
                    const egaf_buf *dot, char key[SITE_CACHE_KEY_SIZE]);
int site_cache_get(egaf_outdir *cache, const char *key, egaf_buf *svg);
int site_cache_put(egaf_outdir *cache, const char *key, const egaf_buf *svg);

/* site_pages.c */
int site_write_pages(egaf_site *s);
/* A page's beginning (head, header, search box, <main>) into b, reset
 * first; its end, written as the file rel. For pages written elsewhere
 * (site_targets.c). */
void site_page_head(egaf_site *s, egaf_buf *b, const char *title);
int site_page_foot(egaf_site *s, egaf_buf *b, const char *rel);
/* An instrument as people cite it ("NQ 17/NQ-CP (07/3/2019)"), escaped. */
void site_page_instrument(egaf_buf *b, const char *citation);

/* site_collect.c: an agency's name as the site shows it (the reference
 * entry's, else the model's title or id). */
const char *site_agency_display(egaf_site *s, const egaf_ref_entry *a, const egaf_model *m);

/* site_editions.c: the previous site's pages kept under editions/<its
 * year>/ and its own editions/<year>/ beside them (newest copy wins);
 * s->editions lists the years kept. -1 when a file could not be written
 * or memory ran out; what is not kept (links, FIFOs, files over the
 * limits) is only told to the caller's notice. */
int site_keep_editions(egaf_site *s);

/* site_targets.c: t-<id>.html for every national target of the reference
 * data; whether a target has its page (its id is a page name). */
int site_write_targets(egaf_site *s);
bool site_target_has_page(const egaf_site *s, const char *id);
/* How many of this edition's architectures state a target serving the
 * national target id. */
size_t site_target_stating(const egaf_site *s, const char *id);
/* The national target's name in the site's language (NULL: no such). */
const char *site_national_target_name(const egaf_site *s, const char *id);

/* site_data.c */
int site_write_data(egaf_site *s);
/* site_collect.c: the consolidated figures (agencies, national entries,
 * links, missing agencies, targets); -1 when memory runs out. */
int site_collect(egaf_site *s);
/* site_search.c: search.js, the index of the search box on every page. */
int site_write_search(egaf_site *s);
/* site_zoom.c: zoom.js (pan and zoom of the overview), its rules appended
 * to site.css, and the overview's figure that uses them. */
int site_write_zoom(egaf_site *s);
void site_zoom_css(egaf_buf *css);
void site_zoom_figure(egaf_site *s, egaf_buf *b, const char *src, const char *caption);
/* One CSV field: quoted, quotes doubled, a leading = + - @ tab CR or LF
 * neutralised with an apostrophe (egaf_csv_field). */
void site_csv_field(egaf_buf *out, const char *s);

/* national_views.c: the graphs (NULL when memory runs out). */
Agraph_t *site_overview_graph(egaf_site *s);
Agraph_t *site_national_graph(egaf_site *s, size_t nat);

#endif
