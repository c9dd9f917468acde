/* cmd_consolidate.c - `egaf consolidate`: every model of the year checked
 * alone and against each other, and the national site written.
 *
 * The site is built in a temporary folder beside the target (SITE.tmpXXXXXX,
 * same parent, so the rename stays on one file system), then swapped into
 * place: renameat2(RENAME_EXCHANGE) when the file system has it, else SITE is
 * renamed to a backup name and the new folder renamed in. A failed run
 * removes its temporary folder and leaves the previous site as it was. A run
 * killed with SIGKILL cannot clean up: its SITE.tmpXXXXXX stays, and the next
 * run removes such folders (same parent, that exact name pattern) before it
 * starts. An existing SITE is only replaced when it is empty or holds the
 * marker file .egaf-site that every site egaf writes has, so `-o` never
 * deletes a folder egaf did not make. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <dirent.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/draw_pool.h"
#include "base/i18n.h"
#include "model/model.h"
#include "model/query.h"
#include "site/site.h"
#include "report/report.h"
#include "validator/validate.h"

static const char *const usage =
    N_("usage: egaf consolidate --year YYYY [options] -o SITE FILE|DIR...\n"
       "\n"
       "Consolidates the architectures of every ministry and province (a folder means\n"
       "every *.yaml model in it): checks each model as `egaf validate` does, checks\n"
       "them against each other (the cross.* rules), prints every finding, and writes\n"
       "the national site to SITE (index.html, a page per agency and per national\n"
       "system and database, findings, changes, data/ as JSON and CSV).\n"
       "\n"
       "options:\n"
       "  --year YYYY       the year of the consolidation: agencies and national systems\n"
       "                    of that year (required)\n"
       "  -o, --output SITE the site folder; replaced as a whole, atomically\n"
       "  --previous DIR    the previous edition: its models (folder or file) or the site\n"
       "                    egaf wrote for it; adds changes.html, and a site is kept\n"
       "                    under editions/<year>/, linked from the index\n"
       "  --format F        findings as text (default), json, sarif, junit, github, gitlab\n"
       "  --base DIR        paths relative to DIR, in every format (sarif, github and\n"
       "                    gitlab are relative to the current folder without it: give\n"
       "                    the repository root)\n"
       "  --lang L          site labels in vi (default) or en; also the language of\n"
       "                    messages\n"
       "  --no-diagrams     no SVG diagrams (faster)\n"
       "  --cache DIR       keep drawn diagrams in DIR and copy those whose graph did not\n"
       "                    change instead of drawing them again (default: the site's own\n"
       "                    .egaf-cache, read from the --previous site); prints how many\n"
       "                    were drawn and copied\n"
       "  --refs DIR        reference models folder (default: $EGAF_REFS, installed, source tree)\n"
       "  --disable RULE    do not check RULE (repeatable)\n"
       "  --werror          warnings count as errors for the exit status\n"
       "  -q, --quiet       no summary line\n"
       "  --follow-links    read models that are symbolic links to files outside the\n"
       "                    folder given (by default such a link is not read: a finding)\n"
       "  -h, --help        this help\n"
       "\n"
       "In a consolidation every architecture of the year is loaded, so a reference\n"
       "ARCH:ID to an architecture that is not there is the error cross.unresolved\n"
       "(ref.cross-architecture, validate's note, is off).\n"
       "\n"
       "Exit status: 0 no error findings; 1 error findings (or warnings with --werror);\n"
       "2 the command could not run (bad usage, unreadable input, broken reference models,\n"
       "a site that could not be written: the previous site is then left as it was).\n");

#define MARKER ".egaf-site"

/* ---- folders ---------------------------------------------------------------- */

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    int rc = flag == FTW_DP ? rmdir(path) : unlink(path);
    return rc == 0 || errno == ENOENT ? 0 : -1;
}

/* Removes a folder and everything in it (symbolic links are removed, never
 * followed). */
static int remove_tree(const char *path)
{
    return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* dir and base of a path: "a/b/site" -> "a/b", "site"; "site" -> ".". */
static void split_path(const char *path, char **dir, char **base)
{
    char *copy = strdup(path);
    *dir = NULL;
    *base = NULL;
    if (!copy)
        return;
    size_t len = strlen(copy);
    while (len > 1 && copy[len - 1] == '/')
        copy[--len] = '\0';
    char *slash = strrchr(copy, '/');
    if (!slash) {
        *dir = strdup(".");
        *base = copy;
        return;
    }
    *base = strdup(slash + 1);
    if (slash == copy)
        slash[1] = '\0';
    else
        *slash = '\0';
    *dir = copy;
}

static bool is_tmp_name(const char *name, const char *base, const char *tag)
{
    size_t bl = strlen(base), tl = strlen(tag);
    if (strncmp(name, base, bl) != 0 || strncmp(name + bl, tag, tl) != 0)
        return false;
    const char *x = name + bl + tl;
    if (strlen(x) != 6)
        return false;
    for (; *x; x++)
        if (!((*x >= 'a' && *x <= 'z') || (*x >= 'A' && *x <= 'Z') || (*x >= '0' && *x <= '9')))
            return false;
    return true;
}

/* Removes the temporary and backup folders a killed run left beside the
 * target: "<base>.tmpXXXXXX" and "<base>.oldXXXXXX", folders only. */
static void remove_stale(const char *dir, const char *base)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (!is_tmp_name(de->d_name, base, ".tmp") && !is_tmp_name(de->d_name, base, ".old"))
            continue;
        size_t need = strlen(dir) + strlen(de->d_name) + 2;
        char *p = malloc(need);
        if (!p)
            break;
        snprintf(p, need, "%s/%s", dir, de->d_name);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode) && remove_tree(p) != 0)
            error(_("warning: cannot remove the stale folder '%s': %s"), p, strerror(errno));
        free(p);
    }
    closedir(d);
}

/* Whether an existing target may be replaced: an empty folder, or one with
 * the marker of a site egaf wrote. */
static int check_target(const char *site)
{
    struct stat st;
    if (lstat(site, &st) != 0)
        return errno == ENOENT ? 0 : error(_("cannot use '%s': %s"), site, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return error(_("cannot write the site to '%s': it exists and is not a folder"), site);
    size_t need = strlen(site) + sizeof MARKER + 2;
    char *marker = malloc(need);
    if (!marker)
        return error(_("out of memory"));
    snprintf(marker, need, "%s/%s", site, MARKER);
    bool ours = access(marker, F_OK) == 0;
    free(marker);
    if (ours)
        return 0;
    DIR *d = opendir(site);
    if (!d)
        return error(_("cannot read folder '%s': %s"), site, strerror(errno));
    bool empty = true;
    struct dirent *de;
    while (empty && (de = readdir(d)) != NULL)
        empty = strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0;
    closedir(d);
    if (!empty)
        return error(_("'%s' is a folder that egaf did not write (no %s in it); give a new or "
                       "empty folder, egaf replaces only its own sites"),
                     site, MARKER);
    return 0;
}

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

/* Puts tmp in place of site. Returns 0, or -1 after printing why; the
 * previous site is then where it was. */
static int swap_in(const char *tmp, const char *site, const char *dir, const char *base)
{
    struct stat st;
    if (lstat(site, &st) != 0) {
        if (rename(tmp, site) != 0)
            return error(_("cannot rename '%s' to '%s': %s"), tmp, site, strerror(errno));
        return 0;
    }
#ifdef SYS_renameat2
    if (syscall(SYS_renameat2, AT_FDCWD, tmp, AT_FDCWD, site, RENAME_EXCHANGE) == 0) {
        if (remove_tree(tmp) != 0)
            error(_("warning: cannot remove the previous site, now in '%s': %s"), tmp,
                  strerror(errno));
        return 0;
    }
#endif
    /* no atomic exchange here: site → backup, tmp → site, remove backup */
    size_t need = strlen(dir) + strlen(base) + 16;
    char *backup = malloc(need);
    if (!backup)
        return error(_("out of memory"));
    snprintf(backup, need, "%s/%s.oldXXXXXX", dir, base);
    if (!mkdtemp(backup)) {
        int err = errno;
        free(backup);
        return error(_("cannot make a backup folder beside '%s': %s"), site, strerror(err));
    }
    if (rename(site, backup) != 0) {
        int err = errno;
        rmdir(backup);
        free(backup);
        return error(_("cannot move the previous site '%s' aside: %s"), site, strerror(err));
    }
    if (rename(tmp, site) != 0) {
        int err = errno;
        if (rename(backup, site) != 0)
            error(_("the previous site is in '%s'"), backup);
        free(backup);
        return error(_("cannot rename '%s' to '%s': %s"), tmp, site, strerror(err));
    }
    if (remove_tree(backup) != 0)
        error(_("warning: cannot remove the previous site, now in '%s': %s"), backup,
              strerror(errno));
    free(backup);
    return 0;
}

/* ---- loading ------------------------------------------------------------------ */

typedef struct model_set {
    char **files;
    size_t nfiles;
    egaf_model **models;
    size_t nmodels;
} model_set;

static void free_set(model_set *set)
{
    for (size_t i = 0; i < set->nmodels; i++)
        egaf_model_free(set->models[i]);
    free(set->models);
    egaf_free_list(set->files, set->nfiles);
    memset(set, 0, sizeof(*set));
}

static int load_set(model_set *set, char **inputs, size_t ninputs, const egaf_input_options *io,
                    egaf_diags *diags)
{
    if (egaf_collect_inputs(inputs, ninputs, io, diags, &set->files, &set->nfiles) != 0)
        return -1;
    set->models = calloc(set->nfiles + 1, sizeof(*set->models));
    if (!set->models)
        return error(_("out of memory"));
    /* the models keep their text: the site publishes it */
    return egaf_cli_load_models(set->files, set->nfiles, NULL, diags, set->models,
                                &set->nmodels);
}

static int validate_set(const egaf_refs *refs, model_set *set, egaf_diags *diags, int year)
{
    if (egaf_cli_check_models(refs, set->models, set->nmodels, diags) != 0)
        return -1;
    egaf_validate_cross(refs, set->models, set->nmodels, year, diags);
    if (egaf_diags_failed(diags))
        return error(_("out of memory while recording findings"));
    egaf_diags_add_files(diags, set->nfiles);
    egaf_diags_sort(diags);
    return 0;
}

/* ---- the site ------------------------------------------------------------------- */

static int write_site(const char *site, model_set *cur, const egaf_refs *refs,
                      const egaf_diags *diags, const egaf_site_options *so, egaf_diags *rdiags)
{
    char *dir = NULL, *base = NULL;
    split_path(site, &dir, &base);
    if (!dir || !base || !*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
        free(dir);
        free(base);
        return error(_("cannot write the site to '%s': give a folder name"), site);
    }
    int rc = -1;
    char *tmp = NULL;
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        error(_("cannot write the site to '%s': folder '%s' does not exist"), site, dir);
        goto done;
    }
    if (check_target(site) != 0)
        goto done;
    remove_stale(dir, base);
    size_t need = strlen(dir) + strlen(base) + 16;
    tmp = malloc(need);
    if (!tmp) {
        error(_("out of memory"));
        goto done;
    }
    snprintf(tmp, need, "%s/%s.tmpXXXXXX", dir, base);
    if (!mkdtemp(tmp)) {
        error(_("cannot make a temporary folder beside '%s': %s"), site, strerror(errno));
        free(tmp);
        tmp = NULL;
        goto done;
    }
    mode_t mask = umask(0);
    umask(mask);
    chmod(tmp, 0777 & ~mask);
    char err[512];
    if (egaf_site_write(tmp, cur->models, cur->nmodels, refs, diags, so, rdiags, err,
                               sizeof err) != 0) {
        error(_("cannot write the site: %s"), err[0] ? err : "out of memory");
    } else {
        /* the marker, last: a folder without it is not a finished site */
        egaf_buf marker;
        egaf_buf_init(&marker);
        egaf_buf_puts(&marker, "egaf consolidate site; this folder is replaced as a whole\n");
        size_t mneed = strlen(tmp) + sizeof MARKER + 2;
        char *mpath = malloc(mneed);
        FILE *f = NULL;
        if (mpath) {
            snprintf(mpath, mneed, "%s/%s", tmp, MARKER);
            f = fopen(mpath, "wb");
        }
        if (!f || egaf_buf_write(&marker, f) != 0 || fclose(f) != 0)
            error(_("cannot write '%s': %s"), mpath ? mpath : MARKER, strerror(errno));
        else if (swap_in(tmp, site, dir, base) == 0)
            rc = 0;
        free(mpath);
        egaf_buf_free(&marker);
    }
    if (rc != 0 && tmp)
        remove_tree(tmp);
done:
    free(tmp);
    free(dir);
    free(base);
    return rc;
}

/* What of the previous site is not kept as an edition (a link, a FIFO, a
 * file over the limits): a warning, not a finding; the run goes on. */
static void print_notice(void *ctx, const char *message)
{
    (void)ctx;
    error(_("warning: %s"), message);
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* --previous names either the previous edition's models (a file or a
 * folder) or a site egaf wrote: that site keeps its models under
 * data/models/<arch>/<arch>.yaml, which are then the previous inputs.
 * Returns 0 with *n = 0 when previous is not a site. */
static int previous_site_models(const char *previous, char ***files, size_t *n)
{
    *files = NULL;
    *n = 0;
    char path[4096];
    struct stat st;
    snprintf(path, sizeof path, "%s/" MARKER, previous);
    if (stat(path, &st) != 0)
        return 0;
    snprintf(path, sizeof path, "%s/data/models", previous);
    DIR *d = opendir(path);
    if (!d)
        return error(_("'%s' is an egaf site without its models (data/models); "
                       "give the previous models instead"),
                     previous);
    char **list = NULL;
    size_t count = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char file[4096 + 600];
        snprintf(file, sizeof file, "%s/%s/%s.yaml", path, de->d_name, de->d_name);
        if (stat(file, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 16;
            char **nl = realloc(list, cap * sizeof(*nl));
            if (!nl)
                break;
            list = nl;
        }
        list[count] = strdup(file);
        if (list[count])
            count++;
    }
    closedir(d);
    if (count == 0) {
        free(list);
        return error(_("the site '%s' holds no models in data/models"), previous);
    }
    qsort(list, count, sizeof(*list), compare_paths);
    *files = list;
    *n = count;
    return 0;
}

int cmd_consolidate(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    egaf_report_format format = EGAF_REPORT_TEXT;
    const char *site = NULL, *refs_dir = NULL, *previous = NULL, *base = NULL, *cache = NULL;
    char *previous_cache = NULL; /* the previous site's .egaf-cache */
    bool werror = false, quiet = false, no_diagrams = false;
    egaf_input_options io = {false};
    int year = 0;
    char **inputs = calloc((size_t)argc + 1, sizeof(char *));
    size_t ninputs = 0;
    egaf_arena *arena = egaf_arena_create();
    egaf_cli_rule_settings cli_rules = {.arena = arena};
    egaf_diags *diags = egaf_diags_create();
    egaf_diags *prev_diags = egaf_diags_create();
    egaf_diags *rdiags = NULL;
    egaf_gv *gv = NULL;
    egaf_refs *refs = NULL;
    model_set cur = {0}, prev = {0};
    int rc = EXIT_FAILURE_RUN;
    const egaf_option options[] = {
        {"year", .parse = egaf_cli_parse_year, .to = &year}, {"output", 'o', .value = &site},
        {"previous", .value = &previous},
        {"format", .parse = egaf_cli_parse_report_format, .to = &format},
        {"lang", .parse = egaf_cli_parse_lang}, {"no-diagrams", .flag = &no_diagrams},
        {"refs", .value = &refs_dir},
        {"disable", .parse = egaf_cli_parse_disable, .to = &cli_rules},
        {"werror", .flag = &werror}, {"quiet", 'q', .flag = &quiet},
        {"follow-links", .flag = &io.follow_links}, {"help", 'h', .usage = usage},
        {"base", .value = &base}, {"cache", .value = &cache}, {.name = NULL},
    };
    if (!inputs || !arena || !diags || !prev_diags) {
        error(_("out of memory"));
        goto done;
    }
    st.operands = inputs;
    if (!egaf_opt_parse(&st, options, "consolidate")) {
        rc = st.exit_code;
        goto done;
    }
    ninputs = st.noperands;
    if (!year) {
        usage_error("consolidate", _("--year is required"));
        goto done;
    }
    if (!site) {
        usage_error("consolidate", _("the site folder is required (-o SITE)"));
        goto done;
    }
    if (ninputs == 0) {
        usage_error("consolidate", _("no model given"));
        goto done;
    }
    if (egaf_cli_check_base(base) != 0)
        goto done;
    /* every architecture is in the run: cross.unresolved replaces validate's note */
    egaf_diags_set_severity(diags, "ref.cross-architecture", EGAF_SEV_OFF);
    egaf_diags_set_severity(prev_diags, "ref.cross-architecture", EGAF_SEV_OFF);
    if (egaf_cli_apply_settings(cli, inputs[0], &cli_rules, diags, &werror) != 0)
        goto done;
    refs = egaf_cli_load_refs(cli, refs_dir);
    if (!refs)
        goto done;
    if (load_set(&cur, inputs, ninputs, &io, diags) != 0)
        goto done;
    if (previous) {
        char **prev_inputs = NULL;
        size_t nprev = 0;
        if (previous_site_models(previous, &prev_inputs, &nprev) != 0)
            goto done;
        char *single[1] = {(char *)previous};
        int loaded = nprev ? load_set(&prev, prev_inputs, nprev, &io, prev_diags)
                           : load_set(&prev, single, 1, &io, prev_diags);
        egaf_free_list(prev_inputs, nprev);
        if (loaded != 0)
            goto done;
        if (nprev) {
            size_t need = strlen(previous) + sizeof EGAF_SITE_CACHE_FOLDER + 2;
            previous_cache = malloc(need);
            if (!previous_cache) {
                error(_("out of memory"));
                goto done;
            }
            snprintf(previous_cache, need, "%s/%s", previous, EGAF_SITE_CACHE_FOLDER);
        }
    }
    double phase = egaf_cli_now_ms();
    if (validate_set(refs, &cur, diags, year) != 0)
        goto done;
    int prev_year = 0; /* the previous edition's, as its models state it */
    if (previous) {
        /* the previous edition's findings, for "introduced" and "fixed" */
        for (size_t i = 0; i < prev.nmodels && !prev_year; i++) {
            prev_year = egaf_model_year(prev.models[i]);
        }
        if (!prev_year)
            prev_year = year - 1;
        if (validate_set(refs, &prev, prev_diags, prev_year) != 0)
            goto done;
    }
    egaf_cli_phase(_("check"), &phase);
    /* the diagrams' findings (render.budget, render.graphviz) join the
     * report, so the site is written first */
    bool diagrams = !no_diagrams;
    gv = diagrams ? egaf_gv_create() : NULL;
    egaf_draw_pool pool = {.gv = gv};
    rdiags = egaf_diags_create();
    if ((diagrams && !gv) || !rdiags) {
        error(_("out of memory"));
        goto done;
    }
    if (diagrams && cache && mkdir(cache, 0777) != 0 && errno != EEXIST) {
        error(_("cannot make the diagram cache '%s': %s"), cache, strerror(errno));
        goto done;
    }
    egaf_site_cache_stats stats = {0, 0};
    egaf_site_options so = {.year = year,
                            /* labels in English when --lang en was given,
                             * here or before the command */
                            .lang = egaf_cli_english(cli) ? EGAF_LANG_EN : EGAF_LANG_VI,
                            .diagrams = diagrams,
                            .version = EGAF_VERSION,
                            .previous = prev.models,
                            .nprevious = prev.nmodels,
                            .previous_diags = previous ? prev_diags : NULL,
                            .previous_label = previous,
                            .previous_year = prev_year,
                            /* a previous site is kept under editions/ */
                            .previous_site = previous_cache ? previous : NULL,
                            .notice = print_notice,
                            .label = ninputs == 1 ? inputs[0] : "models",
                            .draw = egaf_draw_pool_run,
                            .draw_ctx = &pool,
                            .gv = gv,
                            /* --cache DIR, else the site's own, fed by the previous site's */
                            .cache_dir = cache ? cache : previous_cache,
                            .cache_in_site = !cache,
                            .cache_stats = &stats};
    int site_rc = write_site(site, &cur, refs, diags, &so, rdiags);
    if (site_rc == 0 && diagrams && cache && !quiet)
        error(_("diagrams: %zu drawn, %zu copied from the cache '%s'"), stats.drawn,
              stats.reused, cache);
    egaf_cli_phase(_("site"), &phase);
    if (site_rc == 0 && diagrams && !cache)
        egaf_cli_verbose(_("diagrams: %zu drawn, %zu copied from the cache"), stats.drawn,
                         stats.reused);
    egaf_diags_absorb(diags, rdiags);
    rdiags = NULL;
    int written = egaf_cli_write_report(cli, diags, format, NULL, base, quiet, werror);
    egaf_cli_phase(_("report"), &phase);
    if (written != 0 || site_rc != 0)
        goto done;
    rc = egaf_cli_findings_status(diags, werror);
done:
    free(previous_cache);
    egaf_diags_free(rdiags);
    egaf_gv_free(gv);
    free_set(&cur);
    free_set(&prev);
    egaf_refs_free(refs);
    egaf_diags_free(diags);
    egaf_diags_free(prev_diags);
    egaf_arena_free(arena);
    free(inputs);
    return rc;
}
