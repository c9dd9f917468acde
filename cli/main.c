/* main.c - egaf's entry point and command table. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "model/refs.h"
#include "model/suggest.h"

static int cmd_help(egaf_cli *cli, int argc, char **argv);

static const egaf_command commands[] = {
    {"validate", cmd_validate, "check models against the format and the national framework"},
    {"render", cmd_render, "draw a view of a model (SVG, PNG or DOT)"},
    {"consolidate", cmd_consolidate, "check every model together and write the national site"},
    {"refs", cmd_refs, "browse the national reference models"},
    {"rules", cmd_rules, "list every rule: id, severity, title"},
    {"explain", cmd_explain, "what a rule checks, why, and how to fix it"},
    {"init", cmd_init, "write a starting model with the mandatory components"},
    {"schema", cmd_schema, "JSON Schema of the model format, for editors"},
    {"export", cmd_export, "the models as ArchiMate exchange XML, Archi CSV or JSON"},
    {"diff", cmd_diff, "what changed between two versions of a model or of the national set"},
    {"help", cmd_help, "show this help"},
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
        printf("reference models: not found\n");
    } else {
        printf("reference models: %s\n", dir);
        egaf_date latest = 0;
        printf("framework editions:\n");
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
            printf("reference data as of %04d-%02d-%02d (latest dated entry)\n", latest / 10000,
                   latest / 100 % 100, latest % 100);
    }
    egaf_refs_free(refs);
    egaf_diags_free(diags);
    free(dir);
}

static void print_help(void)
{
    printf("egaf %s - Vietnam e-Government Architecture Framework toolkit\n"
           "(Khung Kiến trúc Chính phủ điện tử Việt Nam)\n\n"
           "usage: egaf [--version] [--help] COMMAND [ARGS]\n\n"
           "commands:\n",
           EGAF_VERSION);
    for (const egaf_command *c = commands; c->name; c++)
        printf("  %-12s %s\n", c->name, c->summary);
    printf("\n'egaf COMMAND --help' describes a command.\n"
           "Exit status: 0 no error findings, 1 error findings, 2 the command could not run.\n");
}

static int cmd_help(egaf_cli *cli, int argc, char **argv)
{
    (void)cli;
    (void)argc;
    (void)argv;
    print_help();
    return EXIT_CLEAN;
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

int main(int argc, char **argv)
{
    egaf_cli cli;
    memset(&cli, 0, sizeof(cli));
    cli.argv0 = argv[0];
    char *exe = resolve_exe(argv[0]);
    cli.exe_path = exe;
    cli.stdout_tty = isatty(STDOUT_FILENO);

    int rc;
    if (argc < 2) {
        print_help();
        rc = EXIT_FAILURE_RUN;
    } else if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        print_version(&cli);
        rc = EXIT_CLEAN;
    } else if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_help();
        rc = EXIT_CLEAN;
    } else if (argv[1][0] == '-') {
        rc = usage_error(NULL, "unknown option '%s'", argv[1]);
    } else {
        const egaf_command *cmd = NULL;
        for (const egaf_command *c = commands; c->name; c++)
            if (strcmp(c->name, argv[1]) == 0)
                cmd = c;
        if (cmd) {
            rc = cmd->run(&cli, argc - 1, argv + 1);
        } else {
            const char *names[32];
            size_t n = 0;
            for (const egaf_command *c = commands; c->name; c++)
                names[n++] = c->name;
            names[n] = NULL;
            const char *s = egaf_suggest(argv[1], names, 0);
            if (s)
                rc = usage_error(NULL, "unknown command '%s'; did you mean '%s'?", argv[1], s);
            else
                rc = usage_error(NULL, "unknown command '%s'", argv[1]);
        }
    }
    free(exe);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "egaf: cannot write to standard output\n");
        rc = EXIT_FAILURE_RUN;
    }
    return rc;
}
