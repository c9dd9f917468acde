/* site.c - the site writer: has the figures of every architecture and
 * national entry consolidated once (site_collect.c), then draws the diagrams
 * and has the pages, the data and the search index written.
 * Every list is sorted or in a fixed order, so the same inputs give the same
 * bytes. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "model/query.h"
#include "site/site_priv.h"

static int make_dir(egaf_site *s, const char *rel)
{
    if (egaf_outdir_mkdirs(&s->out, rel) != 0)
        return site_fail(s, _("cannot make folder '%s/%s': %s"), s->dir, rel, strerror(errno)),
               -1;
    return 0;
}

/* ---- diagrams ----------------------------------------------------------- */

/* The diagrams are independent: the caller draws them (options->draw), in
 * worker processes of its own or here one after the other; each writes only
 * its own file, so the result does not depend on the order they finish in. */

enum { DIAGRAM_OVERVIEW, DIAGRAM_NATIONAL, DIAGRAM_AGENCY_VIEW };

/* The graph of diagram j (NULL when memory runs out); its findings go to
 * diags, and *file is the model it belongs to (NULL: national). */
static Agraph_t *diagram_graph(egaf_site *s, const egaf_site_diagram *j, egaf_diags *diags,
                               const char **file)
{
    egaf_diags *own = s->rdiags;
    s->rdiags = diags; /* the national graphs report into the site's list */
    Agraph_t *g;
    *file = NULL;
    if (j->kind == DIAGRAM_OVERVIEW) {
        g = site_overview_graph(s);
    } else if (j->kind == DIAGRAM_NATIONAL) {
        g = site_national_graph(s, j->index);
    } else {
        site_agency *a = &s->ag[j->index];
        /* references into the other architectures are drawn with their
         * names: every model of the site is at hand */
        egaf_render_options ro = {.lang = s->en ? EGAF_LANG_EN : EGAF_LANG_VI,
                                  .others = s->models,
                                  .nothers = s->nmodels};
        g = egaf_view_build((egaf_view)j->view, a->m, s->refs, a->year ? a->year : s->year, &ro,
                            diags);
        *file = a->m->path;
    }
    s->rdiags = own;
    return g;
}

egaf_site_drawn egaf_site_draw(egaf_site *s, const egaf_site_diagram *j, egaf_gv *gv,
                               egaf_diags *diags)
{
    const char *file;
    Agraph_t *g = diagram_graph(s, j, diags, &file);
    if (!g)
        return EGAF_DRAWN_FAILED; /* out of memory */
    egaf_buf out;
    egaf_buf_init(&out);
    size_t before = egaf_diags_count(diags);
    egaf_site_drawn rc = egaf_render_graph(gv, g, EGAF_OUT_SVG, &out, diags, file) == 0
                             ? EGAF_DRAWN
                             : EGAF_DRAWN_NONE;
    egaf_view_free(g);
    if (out.failed || (rc == EGAF_DRAWN && site_write_file(s, j->rel, &out) != 0))
        rc = EGAF_DRAWN_FAILED;
    /* only a drawing Graphviz had nothing to say about is kept: a copy
     * from the cache then gives the same findings as drawing it again */
    if (rc == EGAF_DRAWN && j->key[0] && egaf_diags_count(diags) == before)
        site_cache_put(&s->cache_out, j->key, &out); /* a cache that fails costs time only */
    egaf_buf_free(&out);
    return rc;
}

static void diagram_done(egaf_site *s, const egaf_site_diagram *j, egaf_site_drawn result)
{
    bool drawn = result == EGAF_DRAWN;
    if (result == EGAF_DRAWN_FAILED && !s->failed) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", s->dir, j->rel);
        site_fail(s, _("cannot draw or write '%s'"), path);
    }
    if (j->kind == DIAGRAM_OVERVIEW)
        s->overview_drawn = drawn;
    else if (j->kind == DIAGRAM_NATIONAL)
        s->nat[j->index].drawn = drawn;
    else
        s->ag[j->index].drawn[j->view] = drawn;
}

/* Draws n diagrams: by the caller's draw function, else here in turn. */
static void draw_batch(egaf_site *s, egaf_site_diagram *jobs, size_t n, egaf_site_drawn *drawn)
{
    if (n == 0 || s->failed)
        return;
    if (s->opt->draw) {
        if (s->opt->draw(s->opt->draw_ctx, s, jobs, n, drawn, s->rdiags) != 0 && !s->failed)
            site_fail(s, _("cannot draw the diagrams"));
    } else {
        for (size_t i = 0; i < n && !s->failed; i++)
            drawn[i] = egaf_site_draw(s, &jobs[i], s->opt->gv, s->rdiags);
    }
    if (s->opt->cache_stats)
        s->opt->cache_stats->drawn += n;
}

/* With a cache: each diagram's graph is built here and keyed; one whose
 * entry is in the cache is copied from it, with the findings its graph
 * gave; the others are drawn (and stored) in batches of consecutive
 * diagrams, so the findings come in the diagrams' order either way and the
 * site is the same bytes as one drawn without the cache. */
static void draw_with_cache(egaf_site *s, egaf_site_diagram *jobs, size_t njobs,
                            egaf_site_drawn *drawn)
{
    egaf_buf dot, svg;
    egaf_buf_init(&dot);
    egaf_buf_init(&svg);
    size_t first_miss = 0; /* the batch of misses not drawn yet: first_miss..i-1 */
    for (size_t i = 0; i < njobs && !s->failed; i++) {
        egaf_site_diagram *j = &jobs[i];
        egaf_diags *found = egaf_diags_create();
        const char *file;
        Agraph_t *g = found ? diagram_graph(s, j, found, &file) : NULL;
        bool hit = false;
        if (g) {
            egaf_buf_reset(&dot);
            if (egaf_render_graph(NULL, g, EGAF_OUT_DOT, &dot, found, file) == 0 && !dot.failed) {
                site_cache_key(s->opt->version ? s->opt->version : "", s->graphviz_version,
                               "svg", &dot, j->key);
                hit = site_cache_get(&s->cache_in, j->key, &svg) == 0;
            }
            egaf_view_free(g);
        }
        if (hit) {
            draw_batch(s, jobs + first_miss, i - first_miss, drawn + first_miss);
            first_miss = i + 1;
            drawn[i] = site_write_file(s, j->rel, &svg) == 0 ? EGAF_DRAWN : EGAF_DRAWN_FAILED;
            if (s->cache_out.fd >= 0 && s->opt->cache_in_site)
                site_cache_put(&s->cache_out, j->key, &svg);
            egaf_diags_absorb(s->rdiags, found);
            found = NULL;
            if (s->opt->cache_stats)
                s->opt->cache_stats->reused++;
        }
        egaf_diags_free(found);
    }
    draw_batch(s, jobs + first_miss, njobs - first_miss, drawn + first_miss);
    egaf_buf_free(&dot);
    egaf_buf_free(&svg);
}

static int write_diagrams(egaf_site *s)
{
    if (!s->opt->diagrams)
        return 0;
    if (make_dir(s, "img") != 0)
        return -1;
    size_t cap = 1 + s->nnat + s->nag * EGAF_VIEW__COUNT, njobs = 0;
    egaf_site_diagram *jobs = calloc(cap, sizeof(*jobs));
    egaf_site_drawn *drawn = calloc(cap, sizeof(*drawn));
    if (!jobs || !drawn) {
        free(jobs);
        free(drawn);
        return site_fail(s, _("out of memory")), -1;
    }
    jobs[njobs++] = (egaf_site_diagram){.kind = DIAGRAM_OVERVIEW, .rel = "img/national-overview.svg"};
    for (size_t n = 0; n < s->nnat; n++) {
        site_national *nat = &s->nat[n];
        if (!nat->consumers[0] && !nat->consumers[1] && !nat->consumers[2])
            continue;
        egaf_site_diagram *j = &jobs[njobs++];
        *j = (egaf_site_diagram){.kind = DIAGRAM_NATIONAL, .index = n};
        snprintf(j->rel, sizeof j->rel, "img/n-%s.svg", nat->id);
    }
    for (size_t i = 0; i < s->nag; i++) {
        if (!s->ag[i].m->header)
            continue;
        for (int v = 0; v < EGAF_VIEW__COUNT; v++) {
            if (!egaf_view_applies((egaf_view)v, s->ag[i].m))
                continue; /* the organisation of a model without units */
            egaf_site_diagram *j = &jobs[njobs++];
            *j = (egaf_site_diagram){.kind = DIAGRAM_AGENCY_VIEW, .index = i, .view = v};
            snprintf(j->rel, sizeof j->rel, "img/a-%s-%s.svg", s->ag[i].slug,
                     egaf_view_name((egaf_view)v));
        }
    }
    for (size_t i = 0; i < njobs; i++)
        drawn[i] = EGAF_DRAWN_FAILED;
    if (s->cache_in.fd >= 0 || s->cache_out.fd >= 0)
        draw_with_cache(s, jobs, njobs, drawn);
    else
        draw_batch(s, jobs, njobs, drawn);
    for (size_t i = 0; i < njobs; i++)
        diagram_done(s, &jobs[i], drawn[i]);
    free(jobs);
    free(drawn);
    return s->failed ? -1 : 0;
}

/* ---- entry point ---------------------------------------------------------- */

/* The diagram cache's folders: cache_dir read (a missing one is an empty
 * cache) and written, or with cache_in_site cache_dir (if any) only read
 * and the site's own folder written. */
static int open_cache(egaf_site *s)
{
    const egaf_site_options *o = s->opt;
    s->graphviz_version = egaf_gv_version(o->gv);
    if (o->cache_dir && egaf_outdir_open(&s->cache_in, o->cache_dir) != 0 && errno != ENOENT)
        return site_fail(s, _("cannot use the diagram cache '%s': %s"), o->cache_dir,
                         strerror(errno)),
               -1;
    if (!o->cache_in_site) {
        if (s->cache_in.fd >= 0 && egaf_outdir_from_fd(&s->cache_out, s->cache_in.fd) != 0)
            return site_fail(s, _("cannot use the diagram cache '%s': %s"), o->cache_dir,
                             strerror(errno)),
                   -1;
        return 0;
    }
    if (make_dir(s, EGAF_SITE_CACHE_FOLDER) != 0)
        return -1;
    int fd = egaf_outdir_openat(&s->out, EGAF_SITE_CACHE_FOLDER, O_PATH | O_DIRECTORY, 0);
    if (fd < 0 || egaf_outdir_from_fd(&s->cache_out, fd) != 0) {
        if (fd >= 0)
            close(fd);
        return site_fail(s, _("cannot make folder '%s/%s': %s"), s->dir, EGAF_SITE_CACHE_FOLDER,
                         strerror(errno)),
               -1;
    }
    close(fd);
    return 0;
}

int egaf_site_write(const char *dir, egaf_model *const *models, size_t nmodels,
                    const egaf_refs *refs, const egaf_diags *findings,
                    const egaf_site_options *options, egaf_diags *render_diags, char *err,
                    size_t errsize)
{
    egaf_site s;
    memset(&s, 0, sizeof(s));
    s.dir = dir;
    s.models = models;
    s.nmodels = nmodels;
    s.refs = refs;
    s.findings = findings;
    s.opt = options;
    s.rdiags = render_diags;
    s.en = options->lang == EGAF_LANG_EN;
    s.year = options->year;
    s.err = err;
    s.errsize = errsize;
    s.has_changes = options->previous_label != NULL;
    s.previous_year = options->previous_year;
    if (err && errsize)
        err[0] = '\0';
    egaf_strmap_init(&s.nat_index);
    egaf_strmap_init(&s.file_agency);
    egaf_buf_init(&s.page);
    egaf_buf_init(&s.tmp);
    s.out.fd = -1;
    s.cache_in.fd = -1;
    s.cache_out.fd = -1;
    s.arena = egaf_arena_create();
    int rc = -1;
    if (egaf_outdir_open(&s.out, dir) != 0) {
        site_fail(&s, _("cannot write in '%s': %s"), dir, strerror(errno));
        goto done;
    }
    if (options->diagrams && (options->cache_dir || options->cache_in_site) && open_cache(&s) != 0)
        goto done;
    if (!s.arena || site_collect(&s) != 0) {
        site_fail(&s, _("out of memory"));
        goto done;
    }
    /* the earlier editions first: the index and the target pages link them */
    if (site_keep_editions(&s) != 0 || write_diagrams(&s) != 0 || make_dir(&s, "data") != 0 ||
        site_write_pages(&s) != 0 || site_write_targets(&s) != 0 || site_write_data(&s) != 0 ||
        site_write_search(&s) != 0)
        goto done;
    rc = s.failed ? -1 : 0;
done:
    for (size_t i = 0; s.ag && i < s.nag; i++) {
        egaf_strmap_free(&s.ag[i].ids);
        egaf_strmap_free(&s.ag[i].integrated);
        free(s.ag[i].links);
        free(s.ag[i].targets);
    }
    free(s.ag);
    free(s.nat);
    free(s.cells);
    free((void *)s.missing);
    free(s.targets);
    egaf_strmap_free(&s.nat_index);
    egaf_strmap_free(&s.file_agency);
    egaf_buf_free(&s.page);
    egaf_buf_free(&s.tmp);
    egaf_arena_free(s.arena);
    egaf_outdir_close(&s.cache_in);
    egaf_outdir_close(&s.cache_out);
    egaf_outdir_close(&s.out);
    return rc;
}
