/* cmd_diff.c - `egaf diff`: what changed between two versions of a model,
 * two folders of models (two national editions), or a model as it was at a
 * git revision. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "diff/diff.h"
#include "base/i18n.h"
#include "model/model.h"
#include "base/strmap.h"
#include "validator/validate.h"

static const char *const usage =
    N_("usage: egaf diff [options] OLD NEW\n"
       "\n"
       "Compares two versions of an architecture: elements added, removed (possibly\n"
       "renamed) and changed field by field, relations (integrations, uses, hosted-on,\n"
       "sources, connects, serves, protects, delivers) added and removed, header changes,\n"
       "and the findings introduced and fixed.\n"
       "\n"
       "OLD and NEW are each a model file, a folder of models (matched by architecture\n"
       "id: architectures added and removed, e.g. merged provinces), or git:REV:PATH, the\n"
       "file or folder PATH (from the repository's top) as it was at revision REV of\n"
       "the current git repository, e.g. git:origin/main:models/bo-y-te.yaml.\n"
       "\n"
       "options:\n"
       "  --format F        text (default), markdown (a pull-request comment), json\n"
       "  --fail-on WHAT    exit 1 when something was: added, removed, changed, or any\n"
       "                    (any also counts findings introduced or fixed); a comma list\n"
       "  --max-items N     markdown: list at most N items per section (default 200, 0 all)\n"
       "  --refs DIR        reference models folder (default: $EGAF_REFS, installed, source tree)\n"
       "  -o, --output FILE write the diff to FILE (atomically) instead of stdout\n"
       "  -h, --help        this help\n"
       "\n"
       "Exit status: 0 the comparison ran; 1 --fail-on matched; 2 it could not run\n"
       "(bad usage, unreadable input, unknown git revision or path, broken reference models).\n");

/* ------------------------------------------------------------------ git */

/* Runs git with argv (no shell), stdin from /dev/null, stdout to out_fd (or
 * into *captured when out_fd < 0), stderr discarded. Returns git's exit
 * status, or -1 when it could not be run. */
static int run_git(char *const argv[], int out_fd, egaf_buf *captured)
{
    int pipefd[2] = {-1, -1};
    if (out_fd < 0 && pipe(pipefd) != 0)
        return -1;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        if (pipefd[0] >= 0) {
            close(pipefd[0]);
            close(pipefd[1]);
        }
        return -1;
    }
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDWR);
        if (devnull >= 0) {
            dup2(devnull, STDIN_FILENO);
            dup2(devnull, STDERR_FILENO);
        }
        dup2(out_fd >= 0 ? out_fd : pipefd[1], STDOUT_FILENO);
        if (pipefd[0] >= 0) {
            close(pipefd[0]);
            close(pipefd[1]);
        }
        execvp("git", argv);
        _exit(127);
    }
    if (pipefd[0] >= 0) {
        close(pipefd[1]);
        char chunk[8192];
        for (;;) {
            ssize_t n = read(pipefd[0], chunk, sizeof chunk);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            egaf_buf_add(captured, chunk, (size_t)n);
        }
        close(pipefd[0]);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    if (!WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status) == 127 ? -1 : WEXITSTATUS(status);
}

/* A revision: branch, tag, hash, HEAD~2, origin/main, @{u}; never an
 * option, a range or anything a shell would read. */
static bool valid_rev(const char *rev)
{
    size_t n = strlen(rev);
    if (n == 0 || n > 200 || rev[0] == '-' || strstr(rev, ".."))
        return false;
    for (const char *p = rev; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/~^@{}+-",
                    *p))
            return false;
    return true;
}

/* A path inside the repository: relative, no "..", no control characters. */
static bool valid_repo_path(const char *path)
{
    size_t n = strlen(path);
    if (n == 0 || n > 1024 || path[0] == '/' || path[0] == '-')
        return false;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '\\')
            return false;
    for (const char *c = path; c; c = strchr(c, '/')) {
        if (*c == '/')
            c++;
        if (strncmp(c, "..", 2) == 0 && (c[2] == '/' || c[2] == '\0'))
            return false;
    }
    return true;
}

static int mkdirs(char *path)
{
    for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
        *p = '\0';
        int r = mkdir(path, 0700);
        *p = '/';
        if (r != 0 && errno != EEXIST)
            return -1;
    }
    return 0;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

typedef struct side_input {
    const char *spec;   /* as given */
    char *tmpdir;       /* git: the temporary folder, else NULL */
    char *path;         /* the file or folder to read */
    char *strip, *show; /* git: shown names */
    bool single;        /* a file, not a folder */
} side_input;

/* Writes blob REV:name to dir/name. */
static int git_fetch(const char *rev, const char *name, const char *dir)
{
    size_t need = strlen(dir) + strlen(name) + 2;
    char *dest = malloc(need);
    char *obj = malloc(strlen(rev) + strlen(name) + 2);
    int rc = -1;
    if (!dest || !obj)
        goto done;
    snprintf(dest, need, "%s/%s", dir, name);
    sprintf(obj, "%s:%s", rev, name);
    if (mkdirs(dest) != 0)
        goto done;
    int fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        goto done;
    char *argv[] = {"git", "cat-file", "blob", obj, NULL};
    rc = run_git(argv, fd, NULL) == 0 ? 0 : -1;
    if (close(fd) != 0)
        rc = -1;
done:
    free(dest);
    free(obj);
    return rc;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* git:REV:PATH into a temporary folder: the file, and every *.yaml under its
 * folder at the same revision (so includes resolve), or the whole folder. */
static int git_materialize(side_input *in)
{
    const char *spec = in->spec + 4;
    const char *colon = strchr(spec, ':');
    if (!colon)
        return usage_error("diff", _("'%s': expected git:REV:PATH"), in->spec);
    char *rev = strndup(spec, (size_t)(colon - spec));
    const char *path = colon + 1;
    while (strncmp(path, "./", 2) == 0)
        path += 2;
    char *rpath = strdup(path);
    egaf_buf out;
    egaf_buf_init(&out);
    int rc = EXIT_FAILURE_RUN;
    if (!rev || !rpath) {
        error(_("out of memory"));
        goto done;
    }
    size_t rl = strlen(rpath);
    while (rl > 1 && rpath[rl - 1] == '/')
        rpath[--rl] = '\0';
    bool root = strcmp(rpath, ".") == 0 || strcmp(rpath, "") == 0 || strcmp(rpath, "/") == 0;
    if (!valid_rev(rev)) {
        usage_error("diff", _("'%s': not a revision name"), rev);
        goto done;
    }
    if (!root && !valid_repo_path(rpath)) {
        usage_error("diff", _("'%s': not a path inside the repository"), path);
        goto done;
    }
    size_t need = strlen(rev) + 10;
    char *commit = malloc(need);
    if (!commit) {
        error(_("out of memory"));
        goto done;
    }
    snprintf(commit, need, "%s^{commit}", rev);
    char *verify[] = {"git", "rev-parse", "--verify", "--quiet", commit, NULL};
    int st = run_git(verify, -1, &out);
    free(commit);
    if (st < 0) {
        error(_("cannot run git to read '%s'"), in->spec);
        goto done;
    }
    if (st != 0) {
        char *gitdir[] = {"git", "rev-parse", "--git-dir", NULL};
        egaf_buf_reset(&out);
        if (run_git(gitdir, -1, &out) != 0)
            error(_("cannot read '%s': not in a git repository"), in->spec);
        else
            error(_("unknown git revision '%s' (in '%s')"), rev, in->spec);
        goto done;
    }
    char *obj = malloc(strlen(rev) + strlen(rpath) + 2);
    if (!obj) {
        error(_("out of memory"));
        goto done;
    }
    sprintf(obj, "%s:%s", rev, rpath);
    egaf_buf_reset(&out);
    char *type[] = {"git", "cat-file", "-t", obj, NULL};
    st = root ? 0 : run_git(type, -1, &out);
    free(obj);
    bool tree = root || (st == 0 && out.data && strncmp(out.data, "tree", 4) == 0);
    bool blob = !root && st == 0 && out.data && strncmp(out.data, "blob", 4) == 0;
    if (!tree && !blob) {
        error(_("no file or folder '%s' at git revision '%s'"), rpath, rev);
        goto done;
    }
    const char *tmp = getenv("TMPDIR");
    size_t tl = strlen(tmp && *tmp ? tmp : "/tmp") + 32;
    in->tmpdir = malloc(tl);
    if (!in->tmpdir) {
        error(_("out of memory"));
        goto done;
    }
    snprintf(in->tmpdir, tl, "%s/egaf-diff.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(in->tmpdir)) {
        error(_("cannot make a temporary folder: %s"), strerror(errno));
        free(in->tmpdir);
        in->tmpdir = NULL;
        goto done;
    }
    /* the folder whose *.yaml files are read */
    char *dir = strdup(rpath);
    if (!dir) {
        error(_("out of memory"));
        goto done;
    }
    if (blob) {
        char *slash = strrchr(dir, '/');
        if (slash)
            slash[1] = '\0';
        else
            dir[0] = '\0';
    } else if (root) {
        dir[0] = '\0';
    } else {
        size_t dl = strlen(dir);
        char *d2 = realloc(dir, dl + 2);
        if (!d2) {
            free(dir);
            error(_("out of memory"));
            goto done;
        }
        dir = d2;
        strcpy(dir + dl, "/");
    }
    egaf_buf_reset(&out);
    char *ls[] = {"git", "ls-tree", "-r", "-z", "--full-tree", "--name-only", rev, "--",
                  dir, NULL};
    if (!*dir)
        ls[7] = NULL;
    st = run_git(ls, -1, &out);
    free(dir);
    if (st != 0 || out.failed) {
        error(_("cannot list the files of '%s'"), in->spec);
        goto done;
    }
    size_t nfiles = 0;
    bool have_main = false;
    for (size_t off = 0; off < out.len;) {
        const char *name = out.data + off;
        size_t len = strnlen(name, out.len - off);
        off += len + 1;
        bool wanted = has_suffix(name, ".yaml") || has_suffix(name, ".yml");
        if (blob && strcmp(name, rpath) == 0) {
            wanted = true;
            have_main = true;
        }
        if (!wanted || !valid_repo_path(name))
            continue;
        if (++nfiles > 10000) {
            error(_("'%s': more than 10000 model files"), in->spec);
            goto done;
        }
        if (git_fetch(rev, name, in->tmpdir) != 0) {
            error(_("cannot read '%s:%s' from git"), rev, name);
            goto done;
        }
    }
    if (blob && !have_main && git_fetch(rev, rpath, in->tmpdir) != 0) {
        error(_("cannot read '%s:%s' from git"), rev, rpath);
        goto done;
    }
    size_t pl = strlen(in->tmpdir) + strlen(rpath) + 2;
    in->path = malloc(pl);
    in->strip = malloc(strlen(in->tmpdir) + 2);
    in->show = malloc(strlen(rev) + 6);
    if (!in->path || !in->strip || !in->show) {
        error(_("out of memory"));
        goto done;
    }
    snprintf(in->path, pl, "%s/%s", in->tmpdir, root ? "" : rpath);
    sprintf(in->strip, "%s/", in->tmpdir);
    sprintf(in->show, "git:%s:", rev);
    in->single = blob;
    rc = EXIT_CLEAN;
done:
    egaf_buf_free(&out);
    free(rev);
    free(rpath);
    return rc;
}

static int open_input(side_input *in)
{
    if (strncmp(in->spec, "git:", 4) == 0)
        return git_materialize(in);
    struct stat st = {0};
    if (egaf_cli_is_stdin(in->spec)) {
        /* standard input: one model, read when the side is loaded */
        in->path = strdup(in->spec);
        in->single = true;
        return in->path ? EXIT_CLEAN : (error(_("out of memory")), EXIT_FAILURE_RUN);
    }
    if (stat(in->spec, &st) != 0) {
        error(_("cannot read '%s': %s"), in->spec,
              errno == ENOENT ? _("no such file or folder") : strerror(errno));
        return EXIT_FAILURE_RUN;
    }
    in->path = strdup(in->spec);
    if (!in->path) {
        error(_("out of memory"));
        return EXIT_FAILURE_RUN;
    }
    in->single = !S_ISDIR(st.st_mode);
    return EXIT_CLEAN;
}

static void close_input(side_input *in)
{
    if (in->tmpdir) {
        nftw(in->tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
        free(in->tmpdir);
    }
    free(in->path);
    free(in->strip);
    free(in->show);
}

/* ------------------------------------------------------------------ sides */

typedef struct side {
    side_input in;
    egaf_model **models;
    size_t nmodels;
    egaf_diags *diags;
} side;

/* Loads and validates one side; returns 0 or EXIT_FAILURE_RUN. */
static int load_side(side *s, const egaf_refs *refs)
{
    char **files = NULL;
    size_t nfiles = 0;
    char *input = s->in.path;
    if (egaf_collect_models(&input, 1, &files, &nfiles) != 0)
        return EXIT_FAILURE_RUN;
    int rc = EXIT_FAILURE_RUN;
    egaf_strmap ids;
    egaf_strmap_init(&ids);
    s->diags = egaf_diags_create();
    s->models = calloc(nfiles + 1, sizeof(*s->models));
    if (!s->diags || !s->models) {
        error(_("out of memory"));
        goto done;
    }
    for (size_t i = 0; i < nfiles; i++) {
        egaf_read_status rs;
        egaf_model *m = egaf_cli_model_load(files[i], NULL, s->diags, &rs);
        if (!m) {
            error(_("cannot read '%s': %s"),
                  egaf_cli_is_stdin(files[i]) ? EGAF_STDIN_NAME : files[i],
                  egaf_read_status_text(rs));
            goto done;
        }
        s->models[s->nmodels++] = m;
        bool oom = false;
        const char *id = m->id ? m->id : "";
        egaf_model *first = egaf_strmap_put(&ids, id, strlen(id), m, &oom);
        if (first) {
            error(_("two models of architecture '%s' in '%s': '%s' and '%s'"), id, s->in.spec,
                  first->path, m->path);
            goto done;
        }
        if (oom) {
            error(_("out of memory"));
            goto done;
        }
    }
    if (egaf_cli_check_models(refs, s->models, s->nmodels, s->diags) != 0)
        goto done;
    if (egaf_diags_failed(s->diags)) {
        error(_("out of memory while recording findings"));
        goto done;
    }
    egaf_diags_sort(s->diags);
    rc = EXIT_CLEAN;
done:
    egaf_strmap_free(&ids);
    egaf_free_list(files, nfiles);
    return rc;
}

static void free_side(side *s)
{
    for (size_t i = 0; i < s->nmodels; i++)
        egaf_model_free(s->models[i]);
    free(s->models);
    egaf_diags_free(s->diags);
    close_input(&s->in);
}

int cmd_diff(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    egaf_change_format format = EGAF_CHANGE_TEXT;
    unsigned fail_on = 0;
    size_t max_items = 200;
    const char *output = NULL, *refs_dir = NULL;
    const char *operands[2] = {NULL, NULL};
    int noperands = 0;
    /* the options the loop checks (0 is an operand) */
    enum { O_FORMAT = 1, O_FAIL_ON, O_MAX_ITEMS };
    const egaf_option options[] = {
        {"format", .has_arg = true, .id = O_FORMAT}, {"fail-on", .has_arg = true, .id = O_FAIL_ON},
        {"max-items", .has_arg = true, .id = O_MAX_ITEMS},
        {"refs", .value = &refs_dir}, {"output", 'o', .value = &output},
        {"help", 'h', .usage = usage}, {.name = NULL},
    };
    for (int opt; (opt = egaf_opt_next(&st, options, "diff")) != -1;) {
        switch (opt) {
        case -2:
            return st.exit_code;
        case 0:
            if (noperands == 2)
                return usage_error("diff", _("two inputs only, OLD and NEW ('%s' is a third)"),
                                   st.operand);
            operands[noperands++] = st.operand;
            break;
        case O_FORMAT:
            if (egaf_cli_parse_change_format("diff", st.value, &format) != 0)
                return EXIT_FAILURE_RUN;
            break;
        case O_FAIL_ON:
            if (egaf_diff_fail_parse(st.value, &fail_on) != 0)
                return usage_error("diff",
                                   _("--fail-on takes added, removed, changed or any, not '%s'"),
                                   st.value);
            break;
        case O_MAX_ITEMS: {
            char *end;
            errno = 0;
            unsigned long long n = strtoull(st.value, &end, 10);
            if (errno || *end || !*st.value || st.value[0] == '-' || n > SIZE_MAX)
                return usage_error("diff", _("--max-items takes a number, not '%s'"), st.value);
            max_items = (size_t)n;
            break;
        }
        }
    }
    if (noperands != 2)
        return usage_error("diff", _("two inputs are needed: OLD and NEW"));

    int rc = EXIT_FAILURE_RUN;
    side sides[2];
    memset(sides, 0, sizeof(sides));
    sides[0].in.spec = operands[0];
    sides[1].in.spec = operands[1];
    egaf_refs *refs = NULL;
    egaf_diff *diff = NULL;
    egaf_buf out;
    egaf_buf_init(&out);
    for (int i = 0; i < 2; i++)
        if (open_input(&sides[i].in) != EXIT_CLEAN)
            goto done;
    refs = egaf_cli_load_refs(cli, refs_dir);
    if (!refs)
        goto done;
    double phase = egaf_cli_now_ms();
    for (int i = 0; i < 2; i++)
        if (load_side(&sides[i], refs) != EXIT_CLEAN)
            goto done;
    egaf_cli_phase(_("load and check both sides"), &phase);
    egaf_diff_side ds[2];
    for (int i = 0; i < 2; i++) {
        ds[i].models = sides[i].models;
        ds[i].nmodels = sides[i].nmodels;
        ds[i].diags = sides[i].diags;
        ds[i].label = egaf_cli_is_stdin(sides[i].in.spec) ? EGAF_STDIN_NAME : sides[i].in.spec;
        ds[i].strip_prefix = sides[i].in.strip;
        ds[i].show_prefix = sides[i].in.show;
    }
    egaf_diff_options dopt = {sides[0].in.single && sides[1].in.single, refs};
    diff = egaf_diff_compute(&ds[0], &ds[1], &dopt);
    if (!diff) {
        error(_("out of memory while comparing"));
        goto done;
    }
    egaf_diff_write_options wo = {EGAF_VERSION, max_items};
    if (format == EGAF_CHANGE_JSON)
        egaf_diff_write_json(&out, diff, &wo);
    else if (format == EGAF_CHANGE_MARKDOWN)
        egaf_diff_write_markdown(&out, diff, &wo);
    else
        egaf_diff_write_text(&out, diff, &wo);
    if (out.failed) {
        error(_("out of memory while writing the diff"));
        goto done;
    }
    if (egaf_write_output(output, &out) != 0)
        goto done;
    egaf_cli_phase(_("compare and report"), &phase);
    rc = fail_on && egaf_diff_fails(diff, fail_on) ? EXIT_FINDINGS : EXIT_CLEAN;
done:
    egaf_buf_free(&out);
    egaf_diff_free(diff);
    egaf_refs_free(refs);
    free_side(&sides[1]);
    free_side(&sides[0]);
    return rc;
}
