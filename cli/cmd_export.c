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

/* --- one output written as it is produced -------------------------------
 * Into a temporary file beside the target, renamed over it at the end (a
 * failed export leaves the previous file); standard output and a target
 * that is not a regular file (FIFO, device) are written in place. */
typedef struct stream_out {
    const char *path;
    int fd;          /* -1 when not open */
    egaf_outdir dir; /* the target's folder when a temporary file is used */
    const char *leaf;
    char tmp[NAME_MAX + 1];
    bool temp;
    int err; /* errno of the first failed write */
} stream_out;

static int stream_flush(void *ctx, egaf_buf *buf)
{
    stream_out *so = ctx;
    if (so->err)
        return -1;
    if (egaf_write_all(so->fd, buf->data ? buf->data : "", buf->len) != 0) {
        so->err = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

static int stream_open(stream_out *so, const char *path)
{
    memset(so, 0, sizeof *so);
    so->path = path;
    so->fd = -1;
    so->dir.fd = -1;
    if (strcmp(path, "-") == 0) {
        fflush(stdout);
        so->fd = STDOUT_FILENO;
        return 0;
    }
    int in_place = egaf_output_open_in_place(path, &so->fd);
    if (in_place != 0)
        return in_place < 0 ? -1 : 0;
    if (egaf_output_parent(path, &so->dir, &so->leaf) != 0)
        return error(_("cannot write '%s': %s"), path, strerror(errno));
    char prefix[NAME_MAX + 2];
    snprintf(prefix, sizeof prefix, ".%s", so->leaf);
    so->fd = egaf_outdir_temp_file(&so->dir, prefix, so->tmp, sizeof so->tmp);
    if (so->fd < 0) {
        int err = errno;
        egaf_outdir_close(&so->dir);
        return error(_("cannot write '%s': %s"), path, strerror(err));
    }
    so->temp = true;
    return 0;
}

/* Ends the output: kept (ok) or dropped. Returns 0, or -1 after saying why
 * a kept output could not be written. */
static int stream_close(stream_out *so, bool ok)
{
    int rc = 0;
    if (ok && so->err)
        rc = error(_("cannot write '%s': %s"), so->path, strerror(so->err));
    ok = ok && rc == 0;
    if (!so->temp) {
        if (so->fd > STDOUT_FILENO && close(so->fd) != 0 && ok)
            rc = error(_("cannot write '%s': %s"), so->path, strerror(errno));
        return rc;
    }
    if (ok) {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(so->fd, 0666 & ~mask);
        if (fsync(so->fd) != 0)
            rc = error(_("cannot write '%s': %s"), so->path, strerror(errno));
    }
    if (close(so->fd) != 0 && ok && rc == 0)
        rc = error(_("cannot write '%s': %s"), so->path, strerror(errno));
    if (ok && rc == 0 && renameat(so->dir.fd, so->tmp, so->dir.fd, so->leaf) != 0)
        rc = error(_("cannot write '%s': %s"), so->path, strerror(errno));
    if (!ok || rc != 0)
        unlinkat(so->dir.fd, so->tmp, 0);
    egaf_outdir_close(&so->dir);
    return rc;
}

/* --- the three CSV files, written as they are produced -------------------
 * In a folder (OUT is one, or ends with '/'): the set goes into a new folder
 * beside OUT, swapped with OUT (renameat2 RENAME_EXCHANGE) or renamed to OUT
 * when there was none, so the set changes as a whole. As a prefix
 * (OUTelements.csv …): three temporary files, renamed only when all three
 * are written. A failure leaves the previous set as it was. */
typedef struct csv_out {
    const char *outpath;
    bool folder;
    egaf_outdir parent; /* folder: OUT's parent */
    char *path;         /* folder: OUT without trailing '/' */
    const char *leaf;
    bool existed;
    char tmpdir[NAME_MAX + 1];
    egaf_outdir set; /* folder: the new folder */
    egaf_outdir dir[3];  /* prefix: each file's folder */
    char *leaves[3];     /* prefix: each file's name */
    char tmp[3][NAME_MAX + 1];
    int fd[3];
    const egaf_buf *bufs[3];
    int err;
} csv_out;

static int csv_flush(void *ctx, egaf_buf *buf)
{
    csv_out *co = ctx;
    for (int i = 0; i < 3; i++)
        if (co->bufs[i] == buf) {
            if (co->err)
                return -1;
            if (egaf_write_all(co->fd[i], buf->data ? buf->data : "", buf->len) != 0) {
                co->err = errno ? errno : EIO;
                return -1;
            }
            return 0;
        }
    return -1;
}

static void csv_drop(csv_out *co)
{
    for (int i = 0; i < 3; i++) {
        if (co->fd[i] >= 0)
            close(co->fd[i]);
        co->fd[i] = -1;
        if (co->folder) {
            if (co->set.fd >= 0)
                unlinkat(co->set.fd, csv_names[i], 0);
        } else if (co->dir[i].fd >= 0) {
            unlinkat(co->dir[i].fd, co->tmp[i], 0);
        }
    }
    if (co->folder && co->tmpdir[0])
        unlinkat(co->parent.fd, co->tmpdir, AT_REMOVEDIR);
}

static void csv_free(csv_out *co)
{
    egaf_outdir_close(&co->set);
    egaf_outdir_close(&co->parent);
    for (int i = 0; i < 3; i++) {
        egaf_outdir_close(&co->dir[i]);
        free(co->leaves[i]);
    }
    free(co->path);
}

static int csv_open(csv_out *co, const char *outpath, const egaf_csv_files *files)
{
    memset(co, 0, sizeof *co);
    co->outpath = outpath;
    co->parent.fd = co->set.fd = -1;
    for (int i = 0; i < 3; i++)
        co->fd[i] = co->dir[i].fd = -1;
    co->bufs[0] = &files->elements;
    co->bufs[1] = &files->relations;
    co->bufs[2] = &files->properties;
    co->folder = egaf_cli_ends_with(outpath, "/") || is_dir(outpath);
    if (co->folder) {
        co->path = strdup(outpath);
        if (!co->path)
            return error(_("out of memory"));
        size_t len = strlen(co->path);
        while (len > 1 && co->path[len - 1] == '/')
            co->path[--len] = '\0';
        /* into locals first: handed &co->parent, the static analyser assumes the
         * callee may overwrite co->path too and reports it leaked */
        egaf_outdir parent;
        const char *leaf;
        if (egaf_output_parent(co->path, &parent, &leaf) != 0)
            return error(_("cannot write '%s': %s"), outpath, strerror(errno));
        co->parent = parent;
        co->leaf = leaf;
        struct stat st;
        co->existed = fstatat(co->parent.fd, co->leaf, &st, AT_SYMLINK_NOFOLLOW) == 0;
        if (co->existed && !S_ISDIR(st.st_mode))
            return error(_("cannot write the CSV files in '%s': it is not a folder"), outpath);
        char prefix[NAME_MAX + 2];
        snprintf(prefix, sizeof prefix, ".%s", co->leaf);
        if (egaf_outdir_temp_dir(&co->parent, prefix, co->tmpdir, sizeof co->tmpdir) != 0) {
            co->tmpdir[0] = '\0';
            return error(_("cannot make a temporary folder beside '%s': %s"), outpath,
                         strerror(errno));
        }
        int fd = egaf_outdir_openat(&co->parent, co->tmpdir, O_PATH | O_DIRECTORY, 0);
        co->set.fd = fd;
        co->set.walk = co->parent.walk;
        for (int i = 0; i < 3 && fd >= 0; i++)
            co->fd[i] = egaf_outdir_openat(&co->set, csv_names[i], O_CREAT | O_EXCL | O_WRONLY,
                                           0666);
        for (int i = 0; i < 3; i++)
            if (co->fd[i] < 0) {
                int err = errno;
                csv_drop(co);
                return error(_("cannot write the CSV files in '%s': %s"), outpath,
                             strerror(err));
            }
        return 0;
    }
    egaf_buf path;
    egaf_buf_init(&path);
    for (int i = 0; i < 3; i++) {
        egaf_buf_reset(&path);
        egaf_buf_printf(&path, "%s%s", outpath, csv_names[i]);
        const char *leaf;
        if (path.failed || egaf_output_parent(path.data, &co->dir[i], &leaf) != 0) {
            int err = errno;
            error(_("cannot write '%s': %s"), path.failed ? outpath : path.data, strerror(err));
            egaf_buf_free(&path);
            csv_drop(co);
            return -1;
        }
        co->leaves[i] = strdup(leaf);
        char prefix[NAME_MAX + 2];
        snprintf(prefix, sizeof prefix, ".%s", leaf);
        if (co->leaves[i])
            co->fd[i] = egaf_outdir_temp_file(&co->dir[i], prefix, co->tmp[i], sizeof co->tmp[i]);
        if (co->fd[i] < 0) {
            int err = errno;
            co->tmp[i][0] = '\0';
            error(_("cannot write the CSV files '%s…': %s"), outpath, strerror(err));
            egaf_buf_free(&path);
            csv_drop(co);
            return -1;
        }
    }
    egaf_buf_free(&path);
    return 0;
}

/* Puts the written set in place. Returns 0, or -1 after saying why
 * (nothing of the previous set changed). */
static int csv_commit(csv_out *co)
{
    const char *outpath = co->outpath;
    int err = co->err;
    mode_t mask = umask(0);
    umask(mask);
    for (int i = 0; i < 3 && !err; i++) {
        if (!co->folder)
            fchmod(co->fd[i], 0666 & ~mask);
        if (fsync(co->fd[i]) != 0)
            err = errno;
    }
    for (int i = 0; i < 3; i++) {
        if (close(co->fd[i]) != 0 && !err)
            err = errno;
        co->fd[i] = -1;
    }
    if (err) {
        csv_drop(co);
        return co->folder
                   ? error(_("cannot write the CSV files in '%s': %s"), outpath, strerror(err))
                   : error(_("cannot write the CSV files '%s…': %s"), outpath, strerror(err));
    }
    if (!co->folder) {
        int rc = 0;
        for (int i = 0; i < 3; i++) {
            if (rc == 0 &&
                renameat(co->dir[i].fd, co->tmp[i], co->dir[i].fd, co->leaves[i]) != 0)
                rc = error(_("cannot write the CSV files '%s…': %s"), outpath, strerror(errno));
            unlinkat(co->dir[i].fd, co->tmp[i], 0);
        }
        return rc;
    }
    /* the names in the new folder, on disk before it is swapped in */
    int dfd = openat(co->set.fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0 || fsync(dfd) != 0)
        err = errno;
    if (dfd >= 0)
        close(dfd);
    if (err) {
        csv_drop(co);
        return error(_("cannot write the CSV files in '%s': %s"), outpath, strerror(err));
    }
    fchmodat(co->parent.fd, co->tmpdir, 0777 & ~mask, 0);
    if (co->existed) {
        if (swap_folders(&co->parent, co->tmpdir, co->leaf, outpath) == 0)
            return 0;
        csv_drop(co); /* swap_folders said why */
        return -1;
    }
    if (renameat(co->parent.fd, co->tmpdir, co->parent.fd, co->leaf) == 0)
        return 0;
    err = errno;
    csv_drop(co);
    return error(_("cannot write the CSV files in '%s': %s"), outpath, strerror(err));
}

int cmd_export(egaf_cli *cli, int argc, char **argv)
{
    static const char *const formats[] = {"archimate", "csv", "json", NULL};
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    const char *output = NULL, *refs_dir = NULL;
    bool have_format = false;
    egaf_export_format format = EGAF_EXPORT_JSON;
    egaf_export_options eo = {false, EGAF_VERSION, false, NULL, {NULL, NULL}};
    /* the option the loop checks (0 is an operand) */
    enum { O_FORMAT = 1 };
    const egaf_option options[] = {
        {"format", .has_arg = true, .id = O_FORMAT}, {"output", 'o', .value = &output},
        {"lang", .parse = egaf_cli_parse_lang},
        {"refs", .value = &refs_dir}, {"no-views", .flag = &eo.no_views},
        {"help", 'h', .usage = usage}, {.name = NULL},
    };
    char **inputs = calloc((size_t)argc + 1, sizeof(char *));
    size_t ninputs = 0;
    if (!inputs) {
        error(_("out of memory"));
        return EXIT_FAILURE_RUN;
    }
    int rc = EXIT_FAILURE_RUN;
    st.operands = inputs;
    for (int opt; (opt = egaf_opt_next(&st, options, "export")) != -1;) {
        switch (opt) {
        case -2:
            rc = st.exit_code;
            goto done;
        case O_FORMAT:
            if (egaf_export_format_parse(st.value, &format) != 0) {
                egaf_cli_bad_choice("export", "format", st.value, formats);
                goto done;
            }
            have_format = true;
            break;
        }
    }
    ninputs = st.noperands;
    /* names in English when --lang en was given, here or before the command */
    eo.en = egaf_cli_english(cli);
    if (!output) {
        usage_error("export", _("-o OUT is required (- for standard output)"));
        goto done;
    }
    if (!have_format) {
        if (egaf_cli_ends_with(output, ".xml")) {
            format = EGAF_EXPORT_ARCHIMATE;
        } else if (egaf_cli_ends_with(output, ".json")) {
            format = EGAF_EXPORT_JSON;
        } else {
            usage_error("export", _("--format is required (archimate, csv or json)"));
            goto done;
        }
    }
#ifdef EGAF_LEAN_CLI
    /* ArchiMate's diagrams are laid out by Graphviz: egaf-draw writes them
     * (the file without them is egaf's own) */
    if (format == EGAF_EXPORT_ARCHIMATE && !eo.no_views) {
        rc = egaf_cli_run_drawing(cli, argc, argv);
        goto done;
    }
#endif
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
    /* the exports read the models, never their text: it is not kept (the
     * load findings are only counted), and one scratch serves every file */
    egaf_load_scratch scratch = {0};
    egaf_load_options load = {.release_text = true, .scratch = &scratch};
    for (size_t i = 0; i < nfiles && !failed; i++) {
        egaf_read_status rs;
        const char *shown = egaf_cli_is_stdin(files[i]) ? EGAF_STDIN_NAME : files[i];
        egaf_model *m = egaf_cli_model_load(files[i], &load, load_diags, &rs);
        if (!m) {
            error(_("cannot read '%s': %s"), shown, egaf_read_status_text(rs));
            failed = true;
            break;
        }
        egaf_arena_trim(m->arena); /* every model is held until the export is written */
        models[nmodels++] = m;
        if (!m->readable) {
            error(_("cannot export '%s': the file holds no readable model ('egaf validate %s' "
                    "says why)"),
                  shown, shown);
            failed = true;
        }
    }
    egaf_load_scratch_free(&scratch);
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
            csv_out co;
            if (csv_open(&co, output, &cf) == 0) {
                eo.sink.flush = csv_flush;
                eo.sink.ctx = &co;
                erc = egaf_export_csv(&cf, models, nmodels, refs, &eo);
                if (erc != 0 && !co.err) {
                    error(_("out of memory while writing the CSV files"));
                    csv_drop(&co);
                } else if (csv_commit(&co) == 0) {
                    rc = EXIT_CLEAN;
                }
            }
            csv_free(&co);
            egaf_buf_free(&cf.elements);
            egaf_buf_free(&cf.relations);
            egaf_buf_free(&cf.properties);
        } else {
            stream_out so;
            if (stream_open(&so, output) == 0) {
                eo.sink.flush = stream_flush;
                eo.sink.ctx = &so;
                if (format == EGAF_EXPORT_ARCHIMATE && eo.no_views) {
                    erc = egaf_export_archimate_concepts(&out, models, nmodels, refs, &eo);
#ifndef EGAF_LEAN_CLI
                } else if (format == EGAF_EXPORT_ARCHIMATE) {
                    eo.gv = egaf_gv_create();
                    erc = eo.gv ? egaf_export_archimate(&out, models, nmodels, refs, &eo, diags)
                                : -1;
                    egaf_gv_free(eo.gv);
#endif
                } else {
                    erc = egaf_export_json(&out, models, nmodels, refs, &eo);
                }
                if (egaf_diags_count(diags)) {
                    egaf_diags_sort(diags);
                    egaf_buf msg;
                    egaf_buf_init(&msg);
                    egaf_report_options ro = {.color = false, .quiet = true,
                                              .version = EGAF_VERSION};
                    egaf_report_text(&msg, diags, &ro);
                    fflush(stdout);
                    egaf_buf_write(&msg, stderr);
                    egaf_buf_free(&msg);
                }
                if (erc != 0 && !so.err) {
                    error(_("out of memory while writing the export"));
                    stream_close(&so, false);
                } else if (stream_close(&so, true) == 0) {
                    rc = EXIT_CLEAN;
                }
            }
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
