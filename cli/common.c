/* common.c - errors, option parsing and outputs shared by the subcommands. */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "base/i18n.h"
#include "base/rules.h"
#include "base/suggest.h"
#include "refs/refs_cache.h"
#include "report/report.h"
#include "validator/validate.h"
#include "base/grow.h"

int error(const char *fmt, ...)
{
    va_list ap;
    fputs("egaf: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return -1;
}

int usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("egaf: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (cmd)
        fprintf(stderr, _(" (see 'egaf %s --help')\n"), cmd);
    else
        fputs(_(" (see 'egaf --help')\n"), stderr);
    return EXIT_FAILURE_RUN;
}

/* The run's egaf_cli, for the options every command takes (--color,
 * --verbose) and for what -v prints; cli/ alone keeps process state. */
static egaf_cli *bound_cli;

void egaf_opt_bind(egaf_cli *cli)
{
    bound_cli = cli;
}

int egaf_cli_parse_color(const char *value, egaf_color_mode *mode)
{
    if (strcmp(value, "auto") == 0)
        *mode = EGAF_COLOR_AUTO;
    else if (strcmp(value, "always") == 0)
        *mode = EGAF_COLOR_ALWAYS;
    else if (strcmp(value, "never") == 0)
        *mode = EGAF_COLOR_NEVER;
    else
        return -1;
    return 0;
}

int egaf_cli_parse_change_format(const char *cmd, const char *value, void *to)
{
    egaf_change_format *format = to;
    if (strcmp(value, "text") == 0)
        *format = EGAF_CHANGE_TEXT;
    else if (strcmp(value, "markdown") == 0 || strcmp(value, "md") == 0)
        *format = EGAF_CHANGE_MARKDOWN;
    else if (strcmp(value, "json") == 0)
        *format = EGAF_CHANGE_JSON;
    else
        return usage_error(cmd, _("unknown format '%s' (one of: text, markdown, json)"), value);
    return 0;
}

bool egaf_cli_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int egaf_cli_bad_choice(const char *cmd, const char *what, const char *value,
                        const char *const *choices)
{
    const char *s = egaf_suggest(value, choices, egaf_list_count(choices));
    if (s)
        return usage_error(cmd, _("unknown %s '%s'; did you mean '%s'?"), what, value, s);
    egaf_buf list;
    egaf_buf_init(&list);
    for (size_t i = 0; choices[i]; i++)
        egaf_buf_printf(&list, "%s%s", i ? ", " : "", choices[i]);
    usage_error(cmd, _("unknown %s '%s' (one of: %s)"), what, value, list.data ? list.data : "");
    egaf_buf_free(&list);
    return EXIT_FAILURE_RUN;
}

int egaf_cli_parse_report_format(const char *cmd, const char *value, void *to)
{
    egaf_report_format *format = to;
    if (egaf_report_format_parse(value, format) != 0)
        return usage_error(cmd, _("unknown format '%s'"), value);
    return 0;
}

int egaf_cli_parse_year(const char *cmd, const char *value, void *to)
{
    int *year = to;
    char *end = NULL;
    long y = strtol(value, &end, 10);
    if (!*value || *end || y < 1990 || y > 2100)
        return usage_error(cmd, _("--year takes a year from 1990 to 2100, not '%s'"), value);
    *year = (int)y;
    return 0;
}

int egaf_cli_parse_lang(const char *cmd, const char *value, void *to)
{
    static const char *const langs[] = {"vi", "en", NULL};
    bool vietnamese;
    if (egaf_cli_parse_language(value, &vietnamese) != 0)
        return egaf_cli_bad_choice(cmd, "language", value, langs);
    if (bound_cli)
        egaf_cli_set_language(bound_cli, vietnamese);
    if (to)
        *(bool *)to = vietnamese;
    return 0;
}

bool egaf_cli_english(const egaf_cli *cli)
{
    return cli->lang_given && !cli->vietnamese;
}

/* One setting of the command line: rule, known to the catalogue, at sev. */
static int add_rule_setting(const char *cmd, egaf_cli_rule_settings *rules, const char *rule,
                            egaf_severity sev)
{
    if (!egaf_rule_find(rule))
        return usage_error(cmd, _("unknown rule '%s' ('egaf rules' lists them)"), rule);
    egaf_config *c = &rules->config;
    egaf_rule_setting *n = egaf_arena_alloc(rules->arena, sizeof(*n) * (c->nsettings + 1));
    char *copy = egaf_arena_strdup(rules->arena, rule);
    if (!n || !copy) {
        error(_("out of memory"));
        return EXIT_FAILURE_RUN;
    }
    if (c->nsettings)
        memcpy(n, c->settings, sizeof(*n) * c->nsettings);
    n[c->nsettings].rule = copy;
    n[c->nsettings].severity = sev;
    c->settings = n;
    c->nsettings++;
    return 0;
}

int egaf_cli_parse_disable(const char *cmd, const char *value, void *to)
{
    return add_rule_setting(cmd, to, value, EGAF_SEV_OFF);
}

int egaf_cli_parse_severity(const char *cmd, const char *value, void *to)
{
    const char *eq = strchr(value, '=');
    egaf_severity sev;
    if (!eq || egaf_severity_parse(eq + 1, &sev) != 0)
        return usage_error(cmd, _("--severity takes RULE=error|warning|note|off"));
    char rule[128];
    snprintf(rule, sizeof rule, "%.*s", (int)(eq - value), value);
    return add_rule_setting(cmd, to, rule, sev);
}

/* getopt_long's val for the table's long options: past every char. */
enum { LONG_VAL = 0x100, COMMON_COLOR = 0x1000, COMMON_VERBOSE };

void egaf_opt_init(egaf_opt_state *st, int argc, char **argv)
{
    memset(st, 0, sizeof(*st));
    st->argc = argc;
    st->argv = argv;
    st->index = argc;
}

static bool table_has(const egaf_option *table, const char *name, char short_name)
{
    for (const egaf_option *o = table; o->name; o++)
        if (strcmp(o->name, name) == 0 || (short_name && o->short_name == short_name))
            return true;
    return false;
}

static bool takes_value(const egaf_option *o)
{
    return o->has_arg || o->value || o->parse;
}

/* The getopt_long tables: "-" returns operands in order (code 1), ":"
 * tells a missing value from an unknown option. */
static void build_tables(egaf_opt_state *st, const egaf_option *table)
{
    size_t n = 0;
    char *s = st->shortopts;
    *s++ = '-';
    *s++ = ':';
    for (const egaf_option *o = table; o->name && n < EGAF_OPT_MAX; o++, n++) {
        /* a row the command checks itself is returned by its id */
        assert(o->value || o->flag || o->usage || o->parse || o->id > 0);
        st->longopts[n] = (struct option){o->name, takes_value(o) ? required_argument : no_argument,
                                          NULL, LONG_VAL + (int)n};
        if (o->short_name) {
            *s++ = o->short_name;
            if (takes_value(o))
                *s++ = ':';
        }
    }
    if (!table_has(table, "color", 0))
        st->longopts[n++] = (struct option){"color", required_argument, NULL, COMMON_COLOR};
    if (!table_has(table, "verbose", 'v')) {
        st->longopts[n++] = (struct option){"verbose", no_argument, NULL, COMMON_VERBOSE};
        *s++ = 'v';
    }
    st->longopts[n] = (struct option){NULL, 0, NULL, 0};
    *s = '\0';
    st->table = table;
    optind = 0; /* glibc: start afresh (a command may be parsed more than once) */
    opterr = 0; /* the messages below say it, translated, with a suggestion */
}

static const char *long_name(const egaf_opt_state *st, int val)
{
    for (const struct option *o = st->longopts; o->name; o++)
        if (o->val == val)
            return o->name;
    return "?";
}

/* An unknown or ambiguous long option: "--word" with its value cut off. */
static void unknown_long(const egaf_opt_state *st, const char *arg, const char *cmd)
{
    const char *name = arg + 2;
    const char *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    char word[64];
    snprintf(word, sizeof word, "%.*s", (int)(len < 63 ? len : 63), name);
    const char *names[EGAF_OPT_MAX + 3];
    size_t n = 0, prefixed = 0;
    egaf_buf which;
    egaf_buf_init(&which);
    for (const struct option *o = st->longopts; o->name; o++) {
        names[n++] = o->name;
        if (strncmp(o->name, word, strlen(word)) == 0) {
            egaf_buf_printf(&which, "%s'--%s'", prefixed ? ", " : "", o->name);
            prefixed++;
        }
    }
    names[n] = NULL;
    if (prefixed > 1) {
        usage_error(cmd, _("option '--%s' is ambiguous: %s"), word,
                    which.data ? which.data : "");
    } else {
        const char *s = egaf_suggest(word, names, n);
        if (s)
            usage_error(cmd, _("unknown option '--%s'; did you mean '--%s'?"), word, s);
        else
            usage_error(cmd, _("unknown option '--%s'"), word);
    }
    egaf_buf_free(&which);
}

/* The table's option `index` (1-based) was given: stored where the table
 * says (0: parsing goes on), or its --help printed (-2, the command stops
 * with EXIT_CLEAN); else the command sees it (its id). */
static int matched(egaf_opt_state *st, const egaf_option *table, int index, const char *cmd)
{
    const egaf_option *o = &table[index - 1];
    if (o->value) {
        *o->value = optarg;
    } else if (o->parse) {
        if (o->parse(cmd, optarg, o->to) != 0)
            return -2; /* it said why; the command exits with EXIT_FAILURE_RUN */
    } else if (o->flag) {
        *o->flag = true;
    } else if (o->usage) {
        fputs(_(o->usage), stdout);
        st->exit_code = EXIT_CLEAN;
        return -2;
    } else {
        st->value = optarg;
        return o->id;
    }
    return 0;
}

/* An operand: 1 when stored in st->operands or st->model (parsing goes
 * on), 0 for the command to see, or -2 after a usage error when the
 * command takes none, or a second model. */
static int operand(egaf_opt_state *st, char *arg, const char *cmd)
{
    st->operand = arg;
    if (st->no_operands) {
        usage_error(cmd, _("unexpected argument '%s'"), arg);
        return -2;
    }
    if (st->model && *st->model) {
        usage_error(cmd, _("one model at a time"));
        return -2;
    }
    if (st->model) {
        *st->model = arg;
        return 1;
    }
    if (!st->operands)
        return 0;
    st->operands[st->noperands++] = arg;
    return 1;
}

static int next_option(egaf_opt_state *st, const egaf_option *table, const char *cmd)
{
    st->value = NULL;
    if (st->only_operands) {
        /* after "--": what getopt_long left are operands */
        while (st->index < st->argc) {
            int rc = operand(st, st->argv[st->index++], cmd);
            if (rc != 1)
                return rc;
        }
        return -1;
    }
    if (st->table != table)
        build_tables(st, table);
    for (;;) {
        int previous = optind ? optind : 1;
        int c = getopt_long(st->argc, st->argv, st->shortopts, st->longopts, NULL);
        if (c == -1) {
            st->only_operands = true;
            st->index = optind;
            return next_option(st, table, cmd);
        }
        if (c == 1) {
            int rc = operand(st, optarg, cmd);
            if (rc != 1)
                return rc;
            continue;
        }
        if (c == COMMON_COLOR) {
            egaf_color_mode mode;
            if (egaf_cli_parse_color(optarg, &mode) != 0) {
                usage_error(cmd, _("--color takes auto, always or never, not '%s'"), optarg);
                return -2;
            }
            if (bound_cli)
                bound_cli->color = mode;
            continue;
        }
        if (c == COMMON_VERBOSE || (c == 'v' && !table_has(table, "verbose", 'v'))) {
            if (bound_cli)
                bound_cli->verbose = true;
            continue;
        }
        if (c == ':') {
            if (optopt >= LONG_VAL)
                usage_error(cmd, _("option '--%s' needs a value"), long_name(st, optopt));
            else
                usage_error(cmd, _("option '-%c' needs a value"), optopt);
            return -2;
        }
        if (c == '?') {
            /* the argument that failed: getopt_long has moved past it,
             * unless it stopped inside a bundle of short options */
            const char *arg = st->argv[optind > previous ? optind - 1 : previous];
            if (optopt >= LONG_VAL || optopt == COMMON_VERBOSE)
                usage_error(cmd, _("option '--%s' takes no value"), long_name(st, optopt));
            else if (optopt)
                usage_error(cmd, _("unknown option '-%c'"), optopt);
            else
                unknown_long(st, arg, cmd);
            return -2;
        }
        int index = 0;
        if (c >= LONG_VAL && c < LONG_VAL + EGAF_OPT_MAX)
            index = c - LONG_VAL + 1;
        for (const egaf_option *o = table; o->name && !index; o++)
            if (o->short_name && o->short_name == c)
                index = (int)(o - table) + 1;
        if (!index) {
            usage_error(cmd, _("unknown option '-%c'"), c);
            return -2;
        }
        int rc = matched(st, table, index, cmd);
        if (rc != 0)
            return rc;
    }
}

int egaf_opt_next(egaf_opt_state *st, const egaf_option *table, const char *cmd)
{
    st->exit_code = EXIT_FAILURE_RUN; /* unless --help says otherwise */
    return next_option(st, table, cmd);
}

bool egaf_opt_parse(egaf_opt_state *st, const egaf_option *table, const char *cmd)
{
    for (;;) {
        int opt = egaf_opt_next(st, table, cmd);
        assert(opt < 0); /* no row is the command's to check, no operand either */
        if (opt == -1)
            return true;
        if (opt == -2)
            return false;
    }
}

int egaf_opt_operand_index(const egaf_opt_state *st)
{
    /* getopt_long returns an operand in order and moves past it */
    return (st->only_operands ? st->index : optind) - 1;
}

static int push(char ***list, size_t *n, size_t *cap, const char *s)
{
    *list = egaf_grow(*list, cap, *n, sizeof(**list), 16);
    if (*n == *cap)
        return -1;
    (*list)[*n] = strdup(s);
    if (!(*list)[*n])
        return -1;
    (*n)++;
    return 0;
}

static int compare_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_model_name(const char *name)
{
    size_t len = strlen(name);
    if (name[0] == '.')
        return false; /* hidden files, and .egaf.yaml (configuration) */
    return (len > 5 && strcmp(name + len - 5, ".yaml") == 0) ||
           (len > 4 && strcmp(name + len - 4, ".yml") == 0);
}

/* Whether path, with every link resolved, is root or beneath it. */
static bool beneath(const char *path, const char *root)
{
    char *real = realpath(path, NULL);
    if (!real)
        return false;
    size_t n = strlen(root);
    bool inside = strncmp(real, root, n) == 0 &&
                  (real[n] == '/' || real[n] == '\0' || (n == 1 && root[0] == '/'));
    free(real);
    return inside;
}

/* A refused input: a finding at file:0:0 when the caller collects them,
 * else an error that stops the command. */
static int refuse(egaf_diags *findings, const char *rule, const char *path, const char *why)
{
    if (!findings) {
        error(_("cannot read '%s': %s"), path, why);
        return -1;
    }
    egaf_finding *f = egaf_diag_at(findings, rule, path, 0, 0, NULL, _("not read: %s"), why);
    if (f && strcmp(rule, "input.escape") == 0)
        egaf_diag_hint(findings, f,
                       _("copy the model into the folder; --follow-links reads links that "
                         "lead out"));
    return 0;
}

/* One model path: a link is read only when it stays inside root (the
 * folder given, or the file's own folder), or with follow_links; a folder
 * member must be a regular file. Returns 1 to read it, 0 when refused (a
 * finding), -1 when the run stops. */
static int admit(const char *path, const char *root, bool member,
                 const egaf_input_options *opt, egaf_diags *findings)
{
    struct stat lst, st;
    if (lstat(path, &lst) != 0)
        return member ? refuse(findings, "input.not-file", path, strerror(errno)) : 1;
    bool link = S_ISLNK(lst.st_mode);
    if (link && stat(path, &st) != 0)
        return refuse(findings, "input.not-file", path, _("a link to nothing"));
    if (link && !opt->follow_links && (!root || !beneath(path, root)))
        return refuse(findings, "input.escape", path,
                      _("a symbolic link that leads outside the folder given"));
    if (!link)
        st = lst;
    if (member && !S_ISREG(st.st_mode))
        return refuse(findings, "input.not-file", path,
                      S_ISDIR(st.st_mode)    ? _("a folder named like a model")
                      : S_ISFIFO(st.st_mode) ? _("a FIFO")
                      : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? _("a device")
                                                                     : _("not a regular file"));
    return 1;
}

/* The real path of the folder of a file given on the command line. */
static char *folder_of(const char *file)
{
    const char *slash = strrchr(file, '/');
    if (!slash)
        return realpath(".", NULL);
    if (slash == file)
        return realpath("/", NULL);
    char *dir = strndup(file, (size_t)(slash - file));
    char *real = dir ? realpath(dir, NULL) : NULL;
    free(dir);
    return real;
}

int egaf_collect_inputs(char **inputs, size_t ninputs, const egaf_input_options *opt,
                        egaf_diags *findings, char ***files, size_t *nfiles)
{
    static const egaf_input_options defaults = {false};
    if (!opt)
        opt = &defaults;
    char **list = NULL;
    size_t n = 0, cap = 0;
    egaf_buf path;
    egaf_buf_init(&path);
    for (size_t i = 0; i < ninputs; i++) {
        const char *in = inputs[i];
        struct stat st;
        if (egaf_cli_is_stdin(in)) {
            if (push(&list, &n, &cap, in) != 0)
                goto oom;
            continue;
        }
        if (stat(in, &st) != 0) {
            error(_("cannot read '%s': %s"), in,
                  errno == ENOENT ? _("no such file or folder") : strerror(errno));
            goto fail;
        }
        if (!S_ISDIR(st.st_mode)) {
            char *root = folder_of(in);
            int ok = admit(in, root, false, opt, findings);
            free(root);
            if (ok < 0)
                goto fail;
            if (ok && push(&list, &n, &cap, in) != 0)
                goto oom;
            continue;
        }
        DIR *d = opendir(in);
        char *root = realpath(in, NULL);
        if (!d || !root) {
            error(_("cannot read folder '%s': %s"), in, strerror(errno));
            if (d)
                closedir(d);
            free(root);
            goto fail;
        }
        size_t before = n, refused = findings ? egaf_diags_count(findings) : 0;
        struct dirent *de;
        int ok = 1;
        while (ok >= 0 && (de = readdir(d)) != NULL) {
            if (!is_model_name(de->d_name))
                continue;
            size_t inlen = strlen(in);
            egaf_buf_reset(&path);
            egaf_buf_printf(&path, "%s%s%s", in, inlen && in[inlen - 1] == '/' ? "" : "/",
                            de->d_name);
            if (!path.failed)
                ok = admit(path.data, root, true, opt, findings);
            if (path.failed || (ok > 0 && push(&list, &n, &cap, path.data) != 0))
                ok = -2;
        }
        closedir(d);
        free(root);
        if (ok == -2)
            goto oom;
        if (ok < 0)
            goto fail;
        if (n == before && (!findings || egaf_diags_count(findings) == refused)) {
            error(_("no models (*.yaml) in folder '%s'"), in);
            goto fail;
        }
        qsort(list + before, n - before, sizeof(*list), compare_str);
    }
    egaf_buf_free(&path);
    *files = list;
    *nfiles = n;
    return 0;
oom:
    error(_("out of memory"));
fail:
    egaf_buf_free(&path);
    egaf_free_list(list, n);
    return -1;
}

int egaf_collect_models(char **inputs, size_t ninputs, char ***files, size_t *nfiles)
{
    return egaf_collect_inputs(inputs, ninputs, NULL, NULL, files, nfiles);
}

void egaf_free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

/* The findings about a broken input of the run (reference models,
 * configuration) on standard error, sorted, as text. */
static void print_problems(const egaf_cli *cli, egaf_diags *diags)
{
    egaf_diags_sort(diags);
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_report_options ro = {.color = egaf_use_color(cli), .quiet = true, .version = EGAF_VERSION};
    egaf_report_text(&out, diags, &ro);
    fflush(stdout);
    egaf_buf_write(&out, stderr);
    egaf_buf_free(&out);
}

egaf_refs *egaf_cli_load_refs(egaf_cli *cli, const char *option)
{
    char *dir = egaf_refs_locate(option, cli->exe_path);
    if (!dir) {
        if (option)
            error(_("reference models: cannot read folder '%s'"), option);
        else
            error(_("reference models not found (use --refs DIR or set EGAF_REFS)"));
        return NULL;
    }
    egaf_diags *diags = egaf_diags_create();
    if (!diags) {
        free(dir);
        error(_("out of memory"));
        return NULL;
    }
    egaf_refs_status st;
    double start = egaf_cli_now_ms();
    /* make writes the reference models' compiled cache beside build/egaf
     * (refs/refs_cache.h); an installed one is in the folder itself */
    char *build_cache = NULL;
    const char *slash = cli->exe_path ? strrchr(cli->exe_path, '/') : NULL;
    if (slash && asprintf(&build_cache, "%.*s/%s", (int)(slash - cli->exe_path), cli->exe_path,
                          EGAF_REFS_CACHE_NAME) < 0)
        build_cache = NULL;
    egaf_refs *refs = egaf_refs_load_cached(dir, build_cache, diags, &st);
    free(build_cache);
    if (refs && st == EGAF_REFS_OK)
        egaf_cli_verbose(_("reference models: %s (%zu entries, %.1f ms)"), dir, refs->nentries,
                         egaf_cli_now_ms() - start);
    if (!refs || st != EGAF_REFS_OK) {
        print_problems(cli, diags);
        if (st == EGAF_REFS_NOT_FOUND)
            error(_("the reference models in '%s' are missing"), dir);
        else
            error(_("the reference models in '%s' are broken; nothing was checked"), dir);
        egaf_refs_free(refs);
        refs = NULL;
    }
    egaf_diags_free(diags);
    free(dir);
    return refs;
}

int egaf_output_parent(const char *path, egaf_outdir *dir, const char **leaf)
{
    const char *slash = strrchr(path, '/');
    *leaf = slash ? slash + 1 : path;
    int rc;
    if (!slash) {
        rc = egaf_outdir_open(dir, ".");
    } else if (slash == path) {
        rc = egaf_outdir_open(dir, "/");
    } else {
        char *parent = strndup(path, (size_t)(slash - path));
        if (!parent)
            return -1;
        rc = egaf_outdir_open(dir, parent);
        int err = errno;
        free(parent);
        errno = err;
    }
    if (rc == 0 && !egaf_outdir_name_ok(*leaf)) {
        egaf_outdir_close(dir);
        errno = **leaf ? EINVAL : EISDIR;
        return -1;
    }
    return rc;
}

int egaf_write_temp(egaf_outdir *dir, const char *leaf, const egaf_buf *buf, char *tmp,
                    size_t tmpsize)
{
    char prefix[NAME_MAX + 2];
    snprintf(prefix, sizeof prefix, ".%s", leaf);
    int fd = egaf_outdir_temp_file(dir, prefix, tmp, tmpsize);
    if (fd < 0)
        return -1;
    if (egaf_write_all(fd, buf->data ? buf->data : "", buf->len) != 0 || fsync(fd) != 0) {
        int err = errno;
        close(fd);
        unlinkat(dir->fd, tmp, 0);
        errno = err;
        return -1;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    if (close(fd) != 0) {
        int err = errno;
        unlinkat(dir->fd, tmp, 0);
        errno = err;
        return -1;
    }
    return 0;
}

int egaf_output_open_in_place(const char *path, int *fd)
{
    struct stat st;
    if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
        return 0;
    if (S_ISDIR(st.st_mode))
        return error(_("cannot write '%s': it is a folder"), path);
    /* a FIFO or a device: written in place, never replaced */
    *fd = open(path, O_WRONLY | O_CLOEXEC);
    if (*fd < 0)
        return error(_("cannot write '%s': %s"), path, strerror(errno));
    return 1;
}

int egaf_write_output(const char *path, const egaf_buf *buf)
{
    if (buf->failed)
        return error(_("out of memory while writing the output"));
    const char *data = buf->data ? buf->data : "";
    if (!path || strcmp(path, "-") == 0) {
        if (fwrite(data, 1, buf->len, stdout) != buf->len || fflush(stdout) != 0) {
            int err = errno;
            /* said once: what could not be written is dropped, so the
             * check at exit (main.c) finds nothing more to say */
            __fpurge(stdout);
            clearerr(stdout);
            return error(_("cannot write to standard output: %s"), strerror(err));
        }
        return 0;
    }
    int fd;
    int in_place = egaf_output_open_in_place(path, &fd);
    if (in_place < 0)
        return -1;
    if (in_place) {
        int rc = egaf_write_all(fd, data, buf->len);
        int err = errno;
        close(fd);
        return rc ? error(_("cannot write '%s': %s"), path, strerror(err)) : 0;
    }
    /* a temporary file beside the target, opened beneath its folder, then
     * renamed over it within that folder */
    egaf_outdir dir;
    const char *leaf;
    if (egaf_output_parent(path, &dir, &leaf) != 0)
        return error(_("cannot write '%s': %s"), path, strerror(errno));
    char tmp[NAME_MAX + 1];
    int rc = 0;
    if (egaf_write_temp(&dir, leaf, buf, tmp, sizeof tmp) != 0) {
        rc = error(_("cannot write '%s': %s"), path, strerror(errno));
    } else if (renameat(dir.fd, tmp, dir.fd, leaf) != 0) {
        int err = errno;
        unlinkat(dir.fd, tmp, 0);
        rc = error(_("cannot write '%s': %s"), path, strerror(err));
    }
    egaf_outdir_close(&dir);
    return rc;
}

void egaf_cli_md_text(egaf_buf *out, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '|')
            egaf_buf_puts(out, "\\|");
        else if (*s == '\n')
            egaf_buf_putc(out, ' ');
        else
            egaf_buf_putc(out, *s);
    }
}

bool egaf_use_color(const egaf_cli *cli)
{
    if (cli->color != EGAF_COLOR_AUTO)
        return cli->color == EGAF_COLOR_ALWAYS;
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        return false;
    return cli->stdout_tty;
}

int egaf_cli_check_base(const char *base)
{
    if (!base)
        return 0;
    egaf_report_options ro = {0};
    if (egaf_report_resolve_base(&ro, base) != 0)
        return error(_("cannot use '%s' as the base folder: %s"), base, strerror(errno));
    egaf_cli_verbose(_("base folder: %s"), base);
    egaf_report_release_base(&ro);
    return 0;
}

void egaf_cli_verbose(const char *fmt, ...)
{
    if (!bound_cli || !bound_cli->verbose)
        return;
    va_list ap;
    fflush(stdout);
    fputs("egaf: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

double egaf_cli_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void egaf_cli_phase(const char *phase, double *since)
{
    double now = egaf_cli_now_ms();
    egaf_cli_verbose(_("time: %s: %.1f ms"), phase, now - *since);
    *since = now;
}

/* .egaf.yaml in the folder of the first input (the folder itself when the
 * input is one), into config. Returns 0 (also when there is none), or -1
 * after printing the file's problems. */
static int load_config(egaf_cli *cli, egaf_arena *arena, const char *input,
                       egaf_config *config)
{
    char dir[4096];
    struct stat st;
    if (stat(input, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(dir, sizeof dir, "%s", input);
    } else {
        const char *slash = strrchr(input, '/');
        if (slash)
            snprintf(dir, sizeof dir, "%.*s", (int)(slash - input), input);
        else
            snprintf(dir, sizeof dir, ".");
    }
    egaf_diags *problems = egaf_diags_create();
    if (!problems)
        return -1;
    int rc = egaf_config_load(arena, dir, config, problems);
    char config_path[4200];
    snprintf(config_path, sizeof config_path, "%s/%s", dir, EGAF_CONFIG_NAME);
    if (rc == 0)
        egaf_cli_verbose(access(config_path, F_OK) == 0 ? _("configuration: %s")
                                                        : _("configuration: none (%s)"),
                         config_path);
    if (rc != 0) {
        print_problems(cli, problems);
        error(_("the configuration '%s/%s' is broken; nothing was checked"), dir,
              EGAF_CONFIG_NAME);
    }
    egaf_diags_free(problems);
    return rc;
}

int egaf_cli_apply_settings(egaf_cli *cli, const char *input,
                            const egaf_cli_rule_settings *rules, egaf_diags *diags,
                            bool *werror)
{
    egaf_config folder;
    if (load_config(cli, rules->arena, input, &folder) != 0)
        return -1;
    if (egaf_config_apply(&folder, diags) != 0 || egaf_config_apply(&rules->config, diags) != 0)
        return error(_("out of memory"));
    *werror = *werror || folder.werror;
    return 0;
}

int egaf_cli_check_models(const egaf_refs *refs, egaf_model **models, size_t n,
                          egaf_diags *diags)
{
    egaf_validator *v = egaf_validator_create(refs);
    if (!v)
        return error(_("out of memory"));
    egaf_validate(v, models, n, diags);
    egaf_validator_free(v);
    return 0;
}

int egaf_cli_write_report(egaf_cli *cli, egaf_diags *diags, egaf_report_format format,
                          const char *output, const char *base, bool quiet, bool werror)
{
    egaf_diags_sort(diags);
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_report_options ro = {
        .color = egaf_use_color(cli) && (!output || cli->color == EGAF_COLOR_ALWAYS),
        .quiet = quiet, .werror = werror, .version = EGAF_VERSION};
    int rc = -1;
    if (egaf_report_resolve_base(&ro, base) != 0) {
        error(_("cannot use '%s' as the base folder: %s"), base ? base : ".", strerror(errno));
    } else {
        egaf_report_write(&out, diags, format, &ro);
        egaf_report_release_base(&ro);
        rc = egaf_write_output(output, &out);
    }
    egaf_buf_free(&out);
    return rc;
}

int egaf_cli_findings_status(const egaf_diags *diags, bool werror)
{
    egaf_diag_counts c = egaf_diags_counts(diags);
    return c.errors || (werror && c.warnings) ? EXIT_FINDINGS : EXIT_CLEAN;
}

void egaf_cli_print_findings(egaf_cli *cli, egaf_diags *diags)
{
    if (egaf_diags_count(diags) == 0)
        return;
    egaf_diags_sort(diags);
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_report_options ro = {.color = false, .quiet = true, .version = EGAF_VERSION};
    (void)cli;
    egaf_report_text(&out, diags, &ro);
    fflush(stdout);
    egaf_buf_write(&out, stderr);
    egaf_buf_free(&out);
}

int egaf_cli_open_one(egaf_cli *cli, const char *refs_dir, const char *file,
                      const char *unreadable, egaf_cli_one *one)
{
    memset(one, 0, sizeof(*one));
    egaf_buf_init(&one->out);
    one->load_diags = egaf_diags_create();
    one->diags = egaf_diags_create();
    if (!one->load_diags || !one->diags) {
        error(_("out of memory"));
        return -1;
    }
    one->refs = egaf_cli_load_refs(cli, refs_dir);
    if (!one->refs)
        return -1;
    one->model = egaf_cli_load_one_model(cli, file, unreadable, one->load_diags);
    return one->model ? 0 : -1;
}

int egaf_cli_finish_one(egaf_cli *cli, egaf_cli_one *one, const char *output)
{
    egaf_cli_print_findings(cli, one->diags);
    return egaf_write_output(output, &one->out) == 0 ? EXIT_CLEAN : EXIT_FAILURE_RUN;
}

void egaf_cli_close_one(egaf_cli_one *one)
{
    egaf_buf_free(&one->out);
    egaf_model_free(one->model);
    egaf_refs_free(one->refs);
    egaf_diags_free(one->diags);
    egaf_diags_free(one->load_diags);
}

egaf_model *egaf_cli_load_one_model(egaf_cli *cli, const char *file, const char *unreadable,
                                    egaf_diags *diags)
{
    egaf_read_status rs;
    egaf_model *model = egaf_model_load(file, NULL, diags, &rs);
    if (model)
        egaf_cli_verbose(_("model: %s"), file);
    if (!model) {
        error(_("cannot read '%s': %s"), file, egaf_read_status_text(rs));
        return NULL;
    }
    if (!model->readable) {
        egaf_cli_print_findings(cli, diags);
        error(unreadable, file);
        egaf_model_free(model);
        return NULL;
    }
    return model;
}
