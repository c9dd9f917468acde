/* drawing.c - the drawing commands live in a second program, egaf-draw.
 *
 * Graphviz, pango and cairo are some forty shared libraries; mapping them
 * costs a run more time than checking a province's model (docs/performance.md).
 * So `egaf` is linked without them and hands render, consolidate, document
 * and export --format archimate to egaf-draw, which is the same program
 * (cli/main.c, every command) linked with them: egaf executes it in its own
 * place, with the same arguments, standard streams and environment, so help,
 * messages and exit codes are egaf's.
 *
 * egaf-draw is found from the running executable (/proc/self/exe), never
 * from PATH or from anything a model says: beside egaf in the build folder
 * (build/egaf-draw), else PREFIX/libexec/egaf/egaf-draw beside an installed
 * PREFIX/bin/egaf. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "cli/cli.h"

#define DRAW_HELPER "egaf-draw"
#define LIBEXEC_UP "/../libexec/egaf"

/* The length of exe's folder (without the last slash), or -1. */
static int folder_length(const char *exe)
{
    const char *slash = exe ? strrchr(exe, '/') : NULL;
    return slash ? (int)(slash - exe) : -1;
}

static bool is_program(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

int egaf_cli_run_drawing(egaf_cli *cli, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    const char *exe = cli->exe_path;
    int base = folder_length(exe);
    char beside[PATH_MAX], installed[PATH_MAX];
    if (base < 0 || !cli->main_argv) {
        error(_("cannot find the drawing program %s: the path of egaf itself is unknown"),
              DRAW_HELPER);
        return EXIT_FAILURE_RUN;
    }
    snprintf(beside, sizeof beside, "%.*s/%s", base, exe, DRAW_HELPER);
    snprintf(installed, sizeof installed, "%.*s%s/%s", base, exe, LIBEXEC_UP, DRAW_HELPER);
    const char *helper = is_program(beside) ? beside : is_program(installed) ? installed : NULL;
    if (!helper) {
        error(_("cannot draw: the drawing program %s is missing (looked for %s and %.*s%s/); "
                "reinstall egaf, or run make"),
              DRAW_HELPER, beside, base, exe, LIBEXEC_UP);
        return EXIT_FAILURE_RUN;
    }
    fflush(stdout);
    fflush(stderr);
    execv(helper, cli->main_argv);
    error(_("cannot run the drawing program %s: %s"), helper, strerror(errno));
    return EXIT_FAILURE_RUN;
}

void egaf_cli_drawing_front(char **exe)
{
    /* PREFIX/libexec/egaf/egaf-draw finds the data of PREFIX/bin/egaf; in
     * the build folder both are side by side */
    int base = folder_length(*exe);
    if (base < 0)
        return;
    static const char tail[] = "/libexec/egaf";
    size_t tlen = sizeof tail - 1;
    char path[PATH_MAX];
    int w;
    if ((size_t)base >= tlen && memcmp(*exe + base - tlen, tail, tlen) == 0)
        w = snprintf(path, sizeof path, "%.*s/bin/egaf", (int)(base - tlen), *exe);
    else
        w = snprintf(path, sizeof path, "%.*s/egaf", base, *exe);
    if (w < 0 || (size_t)w >= sizeof path)
        return;
    char *front = strdup(path);
    if (front) {
        free(*exe);
        *exe = front;
    }
}
