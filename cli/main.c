/* main.c - egaf's entry point and command table. */
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "base/i18n.h"
#include "refs/refs.h"
#include "base/suggest.h"

static int cmd_help(egaf_cli *cli, int argc, char **argv);

/* egaf itself (EGAF_LEAN_CLI) is linked without Graphviz and runs the
 * drawing commands through egaf-draw, this same file with every command
 * (cli/drawing.c); import goes there too, as libxml2 brings ICU and
 * libstdc++, which a validate in CI should not map */
#ifdef EGAF_LEAN_CLI
#define DRAWING(fn) egaf_cli_run_drawing
#else
#define DRAWING(fn) fn
#endif

static const egaf_command commands[] = {
    {"validate", cmd_validate, N_("check models against the format and the national framework")},
    {"render", DRAWING(cmd_render), N_("draw a view of a model (SVG, PNG or DOT)")},
    {"consolidate", DRAWING(cmd_consolidate), N_("check every model together and write the national site")},
    {"refs", cmd_refs, N_("browse the national reference models")},
    {"rules", cmd_rules, N_("list every rule: id, severity, title")},
    {"explain", cmd_explain, N_("what a rule checks, why, and how to fix it")},
    {"init", cmd_init, N_("write a starting model with the mandatory components")},
    {"schema", cmd_schema, N_("JSON Schema of the model format, for editors")},
    {"export", cmd_export, N_("the models as ArchiMate exchange XML, Archi CSV or JSON")},
    {"import", DRAWING(cmd_import), N_("an ArchiMate exchange file or Archi CSV back into a model")},
    {"diff", cmd_diff, N_("what changed between two versions of a model or of the national set")},
    {"gap", cmd_gap, N_("what is to be built, changed, retired and integrated, task by task")},
    {"document", DRAWING(cmd_document), N_("the architecture document (DOCX or HTML) made from the model")},
    {"lsp", cmd_lsp, N_("language server: findings, fixes and completion in the editor")},
    {"help", cmd_help, N_("show this help")},
    {NULL, NULL, NULL},
};

static egaf_date later(egaf_date a, egaf_date b)
{
    return b > a ? b : a;
}

/* The version, the framework editions and the date of the reference data
 * it finds: the latest valid-from or issued date in the data. */
static void print_version(const egaf_cli *cli)
{
    printf("egaf %s\n", EGAF_VERSION);
    char *dir = egaf_refs_locate(NULL, cli->exe_path);
    egaf_diags *diags = egaf_diags_create();
    egaf_refs_status status = EGAF_REFS_NOT_FOUND;
    egaf_refs *refs = dir && diags ? egaf_refs_load(dir, diags, &status) : NULL;
    if (!refs) {
        fputs(_("reference models: not found\n"), stdout);
    } else {
        printf(_("reference models: %s\n"), dir);
        egaf_date latest = 0;
        fputs(_("framework editions:\n"), stdout);
        for (size_t i = 0; i < refs->nframeworks; i++) {
            const egaf_ref_framework *f = refs->frameworks[i];
            printf("  %s  %s", f->edition ? f->edition : "?", f->name ? f->name : "");
            if (f->instrument)
                printf(" (%s", f->instrument);
            if (f->issued)
                printf("%s%04d-%02d-%02d", f->instrument ? ", " : " (", f->issued / 10000,
                       f->issued / 100 % 100, f->issued % 100);
            printf("%s\n", f->instrument || f->issued ? ")" : "");
            latest = later(later(latest, f->issued), f->valid_from);
        }
        for (size_t i = 0; i < refs->nentries; i++) {
            const egaf_ref_entry *e = refs->entries[i];
            latest = later(latest, e->valid_from);
            for (size_t k = 0; k < e->nowners; k++)
                latest = later(latest, e->owners[k].valid_from);
        }
        if (latest)
            printf(_("reference data as of %04d-%02d-%02d (latest dated entry)\n"), latest / 10000,
                   latest / 100 % 100, latest % 100);
    }
    egaf_refs_free(refs);
    egaf_diags_free(diags);
    free(dir);
}

static void print_help(void)
{
    printf(_("egaf %s - Vietnam e-Government Architecture Framework toolkit\n"
             "(Khung Kiến trúc Chính phủ điện tử Việt Nam)\n\n"
             "usage: egaf [--lang vi|en] [--version] [--help] COMMAND [ARGS]\n\n"
             "commands:\n"),
           EGAF_VERSION);
    for (const egaf_command *c = commands; c->name; c++)
        printf("  %-12s %s\n", c->name, _(c->summary));
    fputs(_("\n'egaf help COMMAND' (or 'egaf COMMAND --help') describes a command.\n"
            "--lang vi|en: the language of messages and help (default: from LANGUAGE,\n"
            "LC_ALL, LC_MESSAGES or LANG; vi* is Vietnamese, anything else English).\n"
            "Every command also takes:\n"
            "  --color=WHEN   colour the text report: auto (default: on a terminal, unless\n"
            "                 NO_COLOR is set), always or never\n"
            "  -v, --verbose  say on stderr what was loaded from where, and how long each\n"
            "                 step took\n"
            "A model given as - is read from standard input (validate, diff, export) and\n"
            "named <stdin> in the findings. Short options bundle (-qo FILE), values attach\n"
            "(-oFILE, --format=json), and -- ends the options.\n"
            "Exit status: 0 no error findings, 1 error findings, 2 the command could not run.\n"),
          stdout);
}


static char *resolve_exe(const char *argv0)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = '\0';
        return strdup(buf);
    }
    return argv0 ? realpath(argv0, NULL) : NULL;
}

/* The message catalogue's folder: $EGAF_LOCALEDIR, the locale/ folder the
 * build writes beside the executable (build/egaf: build/locale, so a build
 * never reads an older installed catalogue), the installed one
 * (EGAF_LOCALEDIR, from the Makefile), or PREFIX/share/locale beside a
 * relocated PREFIX/bin/egaf. NULL when none has the Vietnamese catalogue. */
static char *locate_localedir(const char *exe)
{
    char path[PATH_MAX];
    const char *env = getenv("EGAF_LOCALEDIR");
    if (env && *env)
        return strdup(env);
    const char *slash = exe ? strrchr(exe, '/') : NULL;
    int base = slash ? (int)(slash - exe) : 0;
    const char *candidates[3] = {slash ? "/locale" : NULL, NULL, slash ? "/../share/locale" : NULL};
#ifdef EGAF_LOCALEDIR
    candidates[1] = EGAF_LOCALEDIR;
#endif
    for (int i = 0; i < 3; i++) {
        if (!candidates[i])
            continue;
        int w = i == 1 ? snprintf(path, sizeof path, "%s", candidates[i])
                       : snprintf(path, sizeof path, "%.*s%s", base, exe, candidates[i]);
        if (w < 0 || (size_t)w >= sizeof path - 32)
            continue;
        char mo[PATH_MAX + 32];
        snprintf(mo, sizeof mo, "%s/vi/LC_MESSAGES/" EGAF_TEXTDOMAIN ".mo", path);
        if (access(mo, R_OK) == 0)
            return realpath(path, NULL);
    }
    return NULL;
}

/* Whether a LANGUAGE, LC_ALL, LC_MESSAGES or LANG value asks for Vietnamese:
 * the first entry of a LANGUAGE list decides. */
static bool names_vietnamese(const char *value)
{
    return value[0] == 'v' && value[1] == 'i' &&
           (value[2] == '\0' || value[2] == '_' || value[2] == '.' || value[2] == '@' ||
            value[2] == ':');
}

static bool environment_vietnamese(void)
{
    static const char *const vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return names_vietnamese(v);
    }
    return false;
}

static char *localedir;

/* GNU gettext translates only when the LC_MESSAGES locale is not "C", and
 * reads LANGUAGE first. Debian has no vi_VN locale unless one is generated,
 * so Vietnamese runs under C.UTF-8 (any installed UTF-8 locale otherwise)
 * with LANGUAGE=vi: the catalogue is found by LANGUAGE, not by the locale.
 * English goes back to the "C" locale, where gettext returns the English
 * texts whatever is installed. Only LC_MESSAGES is changed: numbers stay
 * in the "C" format (no decimal commas in JSON or SARIF). */
void egaf_cli_set_language(egaf_cli *cli, bool vietnamese)
{
    cli->lang_given = true;
    cli->vietnamese = vietnamese;
    if (!vietnamese || !localedir) {
        setlocale(LC_MESSAGES, "C");
        return;
    }
    static const char *const utf8[] = {"C.UTF-8", "C.utf8", ""};
    for (size_t i = 0; i < sizeof utf8 / sizeof *utf8; i++) {
        const char *got = setlocale(LC_MESSAGES, utf8[i]);
        if (got && strcmp(got, "C") != 0 && strcmp(got, "POSIX") != 0)
            break;
    }
    setenv("LANGUAGE", "vi", 1);
}

/* Parses "vi" or "en" (a subcommand's --lang and the global one). */
int egaf_cli_parse_language(const char *value, bool *vietnamese)
{
    if (strcmp(value, "vi") == 0)
        *vietnamese = true;
    else if (strcmp(value, "en") == 0)
        *vietnamese = false;
    else
        return -1;
    return 0;
}

static void init_language(egaf_cli *cli)
{
    localedir = locate_localedir(cli->exe_path);
    if (localedir) {
        bindtextdomain(EGAF_TEXTDOMAIN, localedir);
        /* the program's LC_CTYPE stays "C": ask for UTF-8 explicitly */
        bind_textdomain_codeset(EGAF_TEXTDOMAIN, "UTF-8");
    }
    /* strerror's texts come from glibc's own catalogue (libc-l10n): in
     * UTF-8 too, else the "C" LC_CTYPE turns every Vietnamese letter into '?' */
    bind_textdomain_codeset("libc", "UTF-8");
    egaf_cli_set_language(cli, environment_vietnamese());
    cli->lang_given = false;
}

static const egaf_command *find_command(const char *name)
{
    for (const egaf_command *c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

/* An unknown command, with the closest name when one is close. */
static int unknown_command(const char *name)
{
    const char *names[32];
    size_t n = 0;
    for (const egaf_command *c = commands; c->name; c++)
        names[n++] = c->name;
    names[n] = NULL;
    const char *s = egaf_suggest(name, names, n);
    if (s)
        return usage_error(NULL, _("unknown command '%s'; did you mean '%s'?"), name, s);
    return usage_error(NULL, _("unknown command '%s'"), name);
}

/* `egaf help COMMAND` is `egaf COMMAND --help`; `egaf help` the overview. */
static int cmd_help(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    enum { H_HELP = 1 }; /* -h: the overview, as with no command named */
    static const egaf_option options[] = {{"help", 'h', .id = H_HELP}, {.name = NULL}};
    const char *topic = NULL;
    for (int opt; (opt = egaf_opt_next(&st, options, "help")) != -1;) {
        if (opt == -2)
            return st.exit_code;
        if (opt == 0 && topic)
            return usage_error("help", _("one command at a time ('%s' is a second)"), st.operand);
        if (opt == 0)
            topic = st.operand;
    }
    if (!topic || strcmp(topic, "help") == 0) {
        print_help();
        return EXIT_CLEAN;
    }
    const egaf_command *cmd = find_command(topic);
    if (!cmd)
        return unknown_command(topic);
    char help_option[] = "--help";
    char *sub_argv[] = {(char *)cmd->name, help_option, NULL};
    return cmd->run(cli, 2, sub_argv);
}

enum { G_VERSION = 1, G_HELP };

/* Options before the command (--lang, --color, -v, --version, --help),
 * then the command with the rest of the line. */
static int run(egaf_cli *cli, int argc, char **argv)
{
    static const egaf_option options[] = {{"lang", .parse = egaf_cli_parse_lang},
                                          {"version", 'V', .id = G_VERSION},
                                          {"help", 'h', .id = G_HELP},
                                          {.name = NULL}};
    /* stop at the command: its options are its own ("+" in getopt terms),
     * so the operands are looked at one by one */
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    for (int opt; (opt = egaf_opt_next(&st, options, NULL)) != -1;) {
        switch (opt) {
        case -2:
            return st.exit_code;
        case 0: {
            const egaf_command *cmd = find_command(st.operand);
            if (!cmd)
                return unknown_command(st.operand);
            int first = egaf_opt_operand_index(&st);
            return cmd->run(cli, argc - first, argv + first);
        }
        case G_VERSION:
            print_version(cli);
            return EXIT_CLEAN;
        case G_HELP:
            print_help();
            return EXIT_CLEAN;
        }
    }
    print_help();
    return EXIT_FAILURE_RUN;
}

int main(int argc, char **argv)
{
    egaf_cli cli;
    memset(&cli, 0, sizeof(cli));
    cli.argv0 = argv[0];
    char *exe = resolve_exe(argv[0]);
#ifndef EGAF_LEAN_CLI
    if (exe)
        egaf_cli_drawing_front(&exe);
#endif
    cli.exe_path = exe;
    cli.main_argv = argv;
    cli.stdout_tty = isatty(STDOUT_FILENO);
    init_language(&cli);

    egaf_opt_bind(&cli);
    int rc = run(&cli, argc, argv);
    free(exe);
    free(localedir);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        error(_("cannot write to standard output"));
        rc = EXIT_FAILURE_RUN;
    }
    return rc;
}
