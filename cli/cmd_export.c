/* cmd_export.c - `egaf export`: the models as an ArchiMate exchange file,
 * Archi CSV files or JSON (docs/export.md). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "export/export.h"
#include "base/i18n.h"
#include "model/model.h"
#include "base/suggest.h"
#include "report/report.h"
#include "validator/validate.h"

static const char *const usage =
    N_("usage: egaf export --format FORMAT [options] -o OUT FILE|DIR...\n"
       "\n"
       "Writes the models (a folder means every *.yaml model in it) in a form other\n"
       "tools open; docs/export.md describes the mapping.\n"
       "\n"
       "formats:\n"
       "  archimate   ArchiMate 3.1 Open Exchange Format (Archi: File > Import > Open\n"
       "              Exchange XML), with one diagram per view laid out by Graphviz\n"
       "  csv         Archi's CSV files: OUT/elements.csv, OUT/relations.csv,\n"
       "              OUT/properties.csv when OUT is a folder (or ends with /), else\n"
       "              OUTelements.csv… (OUT is a prefix, as in Archi)\n"
       "  json        the whole model, references resolved\n"
       "\n"
       "options:\n"
       "  --format F        archimate, csv or json (default: from OUT's extension,\n"
       "                    .xml or .json)\n"
       "  -o, --output OUT  where to write (atomically); - for standard output\n"
       "                    (archimate, json)\n"
       "  --lang L          vi (default) or en: the language of names shown first;\n"
       "                    also the language of messages\n"
       "  --refs DIR        reference models folder (default: $EGAF_REFS, installed, source tree)\n"
       "  --no-views        archimate: elements and relationships only, no diagrams\n"
       "  -h, --help        this help\n"
       "\n"
       "A model with error findings is exported as far as it can be read, with a warning.\n"
       "Exit status: 0 the export was written; 2 it was not (bad usage, unreadable\n"
       "model, broken reference models, an output that could not be written).\n");

enum { O_FORMAT = 1, O_OUTPUT, O_LANG, O_REFS, O_NO_VIEWS, O_HELP };

static const egaf_option options[] = {
    {"format", 0, true}, {"output", 'o', true},   {"lang", 0, true},    {"refs", 0, true},
    {"no-views", 0, false}, {"help", 'h', false}, {NULL, 0, false},
};

static int bad_choice(const char *what, const char *value, const char *const *choices)
{
    const char *s = egaf_suggest(value, choices, egaf_list_count(choices));
    if (s)
        return usage_error("export", _("unknown %s '%s'; did you mean '%s'?"), what, value, s);
    return usage_error("export", _("unknown %s '%s' (one of: %s, %s, %s)"), what, value, choices[0],
                       choices[1], choices[2] ? choices[2] : "");
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static const char *const csv_names[3] = {"elements.csv", "relations.csv", "properties.csv"};

/* After the swap the previous set is in old (a folder beside the new one):
 * its three files are removed, anything else the user kept in the folder
 * is moved into the new one, then old is removed. */
static void drop_previous_set(egaf_outdir *parent, const char *old, const char *leaf)
{
    int fd = openat(parent->fd, old, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return;
    }
    int newfd = openat(parent->fd, leaf, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        bool ours = false;
        for (int i = 0; i < 3; i++)
            ours = ours || strcmp(de->d_name, csv_names[i]) == 0;
        if (ours)
            unlinkat(dirfd(d), de->d_name, 0);
        else if (newfd >= 0)
            renameat2(dirfd(d), de->d_name, newfd, de->d_name, RENAME_NOREPLACE);
    }
    closedir(d);
    if (newfd >= 0)
        close(newfd);
    if (unlinkat(parent->fd, old, AT_REMOVEDIR) != 0)
        error(_("the previous files are kept in '%s' (%s)"), old, strerror(errno));
}

/* Puts the new folder tmp in place of the existing leaf: one exchange
 * where the file system has RENAME_EXCHANGE, else the old folder is renamed
 * aside and the new one renamed in (put back when that fails). The previous
 * set is then dropped. Returns 0, or -1 after saying why (nothing moved). */
static int swap_folders(egaf_outdir *parent, const char *tmp, const char *leaf,
                        const char *outpath)
{
    if (renameat2(parent->fd, tmp, parent->fd, leaf, RENAME_EXCHANGE) == 0) {
        drop_previous_set(parent, tmp, leaf);
        return 0;
    }
    if (errno != EINVAL && errno != ENOSYS)
        return error(_("cannot write the CSV files in '%s': %s"), outpath, strerror(errno));
    char old[NAME_MAX + 1], prefix[NAME_MAX + 2];
    snprintf(prefix, sizeof prefix, ".%s.old", leaf);
    if (egaf_outdir_temp_dir(parent, prefix, old, sizeof old) != 0 ||
        renameat(parent->fd, leaf, parent->fd, old) != 0) {
        int err = errno;
        unlinkat(parent->fd, old, AT_REMOVEDIR);
        return error(_("cannot write the CSV files in '%s': %s"), outpath, strerror(err));
    }
    if (renameat(parent->fd, tmp, parent->fd, leaf) != 0) {
        int err = errno;
        renameat(parent->fd, old, parent->fd, leaf);
        return error(_("cannot write the CSV files in '%s': %s"), outpath, strerror(err));
    }
    drop_previous_set(parent, old, leaf);
    return 0;
}

/* The set in a folder, atomically as a whole: written into a new folder
 * beside OUT, then swapped with OUT (renameat2 RENAME_EXCHANGE), or renamed
 * to OUT when there was none. A failure leaves the previous set as it was
 * and no new folder. */
static int write_csv_folder(const char *outpath, const egaf_buf *const bufs[3])
{
    char *path = strdup(outpath);
    if (!path)
        return error(_("out of memory"));
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        path[--len] = '\0';
    egaf_outdir parent;
    const char *leaf;
    if (egaf_output_parent(path, &parent, &leaf) != 0) {
        error(_("cannot write '%s': %s"), outpath, strerror(errno));
        free(path);
        return -1;
    }
    struct stat st;
    bool existed = fstatat(parent.fd, leaf, &st, AT_SYMLINK_NOFOLLOW) == 0;
    int rc = -1;
    char tmp[NAME_MAX + 1], prefix[NAME_MAX + 2];
    snprintf(prefix, sizeof prefix, ".%s", leaf);
    if (existed && !S_ISDIR(st.st_mode)) {
        error(_("cannot write the CSV files in '%s': it is not a folder"), outpath);
        goto done;
    }
    if (egaf_outdir_temp_dir(&parent, prefix, tmp, sizeof tmp) != 0) {
        error(_("cannot make a temporary folder beside '%s': %s"), outpath, strerror(errno));
        goto done;
    }
    int fd = egaf_outdir_openat(&parent, tmp, O_PATH | O_DIRECTORY, 0);
    egaf_outdir set = {fd, parent.walk};
    bool written = fd >= 0;
    char name[NAME_MAX + 1];
    for (int i = 0; i < 3 && written; i++)
        written = egaf_write_temp(&set, csv_names[i], bufs[i], name, sizeof name) == 0 &&
                  renameat(set.fd, name, set.fd, csv_names[i]) == 0;
    int err = errno;
    if (written) {
        /* the names in the new folder, on disk before it is swapped in */
        int dfd = openat(set.fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd < 0 || fsync(dfd) != 0) {
            written = false;
            err = errno;
        }
        if (dfd >= 0)
            close(dfd);
    }
    if (written) {
        mode_t mask = umask(0);
        umask(mask);
        fchmodat(parent.fd, tmp, 0777 & ~mask, 0);
    }
    if (written && (existed ? swap_folders(&parent, tmp, leaf, outpath) == 0
                            : renameat(parent.fd, tmp, parent.fd, leaf) == 0)) {
        rc = 0;
    } else if (written && existed) {
        /* swap_folders said why; the new folder goes */
        for (int i = 0; i < 3 && set.fd >= 0; i++)
            unlinkat(set.fd, csv_names[i], 0);
        unlinkat(parent.fd, tmp, AT_REMOVEDIR);
    } else {
        if (written)
            err = errno;
        error(_("cannot write the CSV files in '%s': %s"), outpath, strerror(err));
        for (int i = 0; i < 3 && set.fd >= 0; i++)
            unlinkat(set.fd, csv_names[i], 0);
        /* a temporary file whose write failed is already removed */
        unlinkat(parent.fd, tmp, AT_REMOVEDIR);
    }
    egaf_outdir_close(&set);
done:
    egaf_outdir_close(&parent);
    free(path);
    return rc;
}

/* OUT as a prefix (OUTelements.csv …): the three files are written as
 * temporary files first and renamed only when all three are, so a failure
 * leaves the previous three. */
static int write_csv_prefix(const char *outpath, const egaf_buf *const bufs[3])
{
    egaf_buf path;
    egaf_buf_init(&path);
    egaf_outdir dir[3];
    const char *leaf[3];
    char tmp[3][NAME_MAX + 1];
    int done = 0, rc = 0;
    for (; done < 3 && rc == 0; done++) {
        egaf_buf_reset(&path);
        egaf_buf_printf(&path, "%s%s", outpath, csv_names[done]);
        dir[done].fd = -1;
        if (path.failed || egaf_output_parent(path.data, &dir[done], &leaf[done]) != 0) {
            rc = error(_("cannot write '%s': %s"), path.failed ? outpath : path.data,
                       strerror(errno));
            break;
        }
        /* leaf points into path, which the next file reuses */
        leaf[done] = strdup(leaf[done]);
        if (!leaf[done] || egaf_write_temp(&dir[done], leaf[done], bufs[done], tmp[done],
                                           sizeof tmp[done]) != 0) {
            rc = error(_("cannot write the CSV files '%s…': %s"), outpath, strerror(errno));
            egaf_outdir_close(&dir[done]);
            free((char *)leaf[done]);
            break;
        }
    }
    for (int i = 0; i < done; i++) {
        if (rc == 0 && renameat(dir[i].fd, tmp[i], dir[i].fd, leaf[i]) != 0)
            rc = error(_("cannot write the CSV files '%s…': %s"), outpath, strerror(errno));
        unlinkat(dir[i].fd, tmp[i], 0);
        egaf_outdir_close(&dir[i]);
        free((char *)leaf[i]);
    }
    egaf_buf_free(&path);
    return rc;
}

/* The three CSV files: in OUT when it is a folder or ends with '/' (made
 * when missing), else OUT is a prefix. */
static int write_csv(const char *outpath, egaf_csv_files *files)
{
    const egaf_buf *const bufs[3] = {&files->elements, &files->relations, &files->properties};
    for (int i = 0; i < 3; i++)
        if (bufs[i]->failed)
            return error(_("out of memory while writing the CSV files"));
    if (ends_with(outpath, "/") || is_dir(outpath))
        return write_csv_folder(outpath, bufs);
    return write_csv_prefix(outpath, bufs);
}

int cmd_export(egaf_cli *cli, int argc, char **argv)
{
    static const char *const formats[] = {"archimate", "csv", "json", NULL};
    static const char *const langs[] = {"vi", "en", NULL};
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    const char *output = NULL, *refs_dir = NULL;
    bool have_format = false;
    egaf_export_format format = EGAF_EXPORT_JSON;
    egaf_export_options eo = {cli->lang_given && !cli->vietnamese, EGAF_VERSION, false, NULL};
    char **inputs = calloc((size_t)argc + 1, sizeof(char *));
    size_t ninputs = 0;
    if (!inputs) {
        error(_("out of memory"));
        return EXIT_FAILURE_RUN;
    }
    int rc = EXIT_FAILURE_RUN;
    for (int opt; (opt = egaf_opt_next(&st, options, "export")) != -1;) {
        switch (opt) {
        case -2:
            goto done;
        case 0:
            inputs[ninputs++] = (char *)st.operand;
            break;
        case O_FORMAT:
            if (egaf_export_format_parse(st.value, &format) != 0) {
                bad_choice("format", st.value, formats);
                goto done;
            }
            have_format = true;
            break;
        case O_OUTPUT:
            output = st.value;
            break;
        case O_LANG:
            if (strcmp(st.value, "vi") == 0) {
                eo.en = false;
            } else if (strcmp(st.value, "en") == 0) {
                eo.en = true;
            } else {
                bad_choice("language", st.value, langs);
                goto done;
            }
            egaf_cli_set_language(cli, !eo.en);
            break;
        case O_REFS:
            refs_dir = st.value;
            break;
        case O_NO_VIEWS:
            eo.no_views = true;
            break;
        case O_HELP:
            fputs(_(usage), stdout);
            rc = EXIT_CLEAN;
            goto done;
        }
    }
    if (!output) {
        usage_error("export", _("-o OUT is required (- for standard output)"));
        goto done;
    }
    if (!have_format) {
        if (ends_with(output, ".xml")) {
            format = EGAF_EXPORT_ARCHIMATE;
        } else if (ends_with(output, ".json")) {
            format = EGAF_EXPORT_JSON;
        } else {
            usage_error("export", _("--format is required (archimate, csv or json)"));
            goto done;
        }
    }
    if (format == EGAF_EXPORT_CSV && strcmp(output, "-") == 0) {
        usage_error("export", _("csv writes three files: -o names a folder or a prefix, not -"));
        goto done;
    }
    if (ninputs == 0) {
        usage_error("export", _("no model given"));
        goto done;
    }

    char **files = NULL;
    size_t nfiles = 0;
    if (egaf_collect_models(inputs, ninputs, &files, &nfiles) != 0)
        goto done;
    egaf_refs *refs = egaf_cli_load_refs(cli, refs_dir);
    double phase = egaf_cli_now_ms();
    egaf_diags *load_diags = egaf_diags_create();
    egaf_diags *diags = egaf_diags_create();
    egaf_model **models = calloc(nfiles + 1, sizeof(*models));
    size_t nmodels = 0;
    bool failed = !refs;
    if (!failed && (!load_diags || !diags || !models)) {
        error(_("out of memory"));
        failed = true;
    }
    for (size_t i = 0; i < nfiles && !failed; i++) {
        egaf_read_status rs;
        const char *shown = egaf_cli_is_stdin(files[i]) ? EGAF_STDIN_NAME : files[i];
        egaf_model *m = egaf_cli_model_load(files[i], NULL, load_diags, &rs);
        if (!m) {
            error(_("cannot read '%s': %s"), shown, egaf_read_status_text(rs));
            failed = true;
            break;
        }
        models[nmodels++] = m;
        if (!m->readable) {
            error(_("cannot export '%s': the file holds no readable model ('egaf validate %s' "
                    "says why)"),
                  shown, shown);
            failed = true;
        }
    }
    if (!failed) {
        egaf_validator *v = egaf_validator_create(refs);
        if (v) {
            egaf_validate(v, models, nmodels, load_diags);
            egaf_validator_free(v);
        }
        egaf_cli_phase(_("load and check models"), &phase);
        egaf_diag_counts counts = egaf_diags_counts(load_diags);
        if (counts.errors)
            fprintf(stderr,
                    "egaf: warning: the models have %zu error finding%s ('egaf validate' lists "
                    "them); the export holds what could be read\n",
                    counts.errors, counts.errors == 1 ? "" : "s");
    }
    if (!failed) {
        egaf_buf out;
        egaf_buf_init(&out);
        int erc;
        if (format == EGAF_EXPORT_CSV) {
            egaf_csv_files cf;
            egaf_buf_init(&cf.elements);
            egaf_buf_init(&cf.relations);
            egaf_buf_init(&cf.properties);
            erc = egaf_export_csv(&cf, models, nmodels, refs, &eo);
            if (erc != 0)
                error(_("out of memory while writing the CSV files"));
            else if (write_csv(output, &cf) == 0)
                rc = EXIT_CLEAN;
            egaf_buf_free(&cf.elements);
            egaf_buf_free(&cf.relations);
            egaf_buf_free(&cf.properties);
        } else {
            if (format == EGAF_EXPORT_ARCHIMATE) {
                eo.gv = eo.no_views ? NULL : egaf_gv_create();
                erc = eo.no_views || eo.gv
                          ? egaf_export_archimate(&out, models, nmodels, refs, &eo, diags)
                          : -1;
                egaf_gv_free(eo.gv);
            } else
                erc = egaf_export_json(&out, models, nmodels, refs, &eo);
            if (egaf_diags_count(diags)) {
                egaf_diags_sort(diags);
                egaf_buf msg;
                egaf_buf_init(&msg);
                egaf_report_options ro = {.color = false, .quiet = true, .version = EGAF_VERSION};
                egaf_report_text(&msg, diags, &ro);
                fflush(stdout);
                egaf_buf_write(&msg, stderr);
                egaf_buf_free(&msg);
            }
            if (erc != 0)
                error(_("out of memory while writing the export"));
            else if (egaf_write_output(output, &out) == 0)
                rc = EXIT_CLEAN;
        }
        egaf_buf_free(&out);
        egaf_cli_phase(_("export"), &phase);
    }
    for (size_t i = 0; i < nmodels; i++)
        egaf_model_free(models[i]);
    free(models);
    egaf_diags_free(diags);
    egaf_diags_free(load_diags);
    egaf_refs_free(refs);
    egaf_free_list(files, nfiles);
done:
    free(inputs);
    return rc;
}
