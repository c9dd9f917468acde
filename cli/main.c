/* main.c - egaf's entry point and command table. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "model/suggest.h"

static int cmd_help(egaf_cli *cli, int argc, char **argv);

static const egaf_command commands[] = {
    {"validate", cmd_validate, "check models against the format and the national framework"},
    {"render", cmd_render, "draw a view of a model (SVG, PNG or DOT)"},
    {"refs", cmd_refs, "browse the national reference models"},
    {"rules", cmd_rules, "list every rule: id, severity, title"},
    {"explain", cmd_explain, "what a rule checks, why, and how to fix it"},
    {"init", cmd_init, "write a starting model with the mandatory components"},
    {"schema", cmd_schema, "JSON Schema of the model format, for editors"},
    {"help", cmd_help, "show this help"},
    {NULL, NULL, NULL},
};

static void print_version(void)
{
    printf("egaf %s\n", EGAF_VERSION);
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
        print_version();
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
