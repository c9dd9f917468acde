/* cmd_import.c - `egaf import archimate|csv`: an ArchiMate exchange file or
 * Archi's CSV files back into an egaf model (import/import.h,
 * docs/export.md). The one file written is -o's, atomically. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "import/import.h"

static const char *const usage =
    N_("usage: egaf import archimate [options] -o MODEL.yaml FILE.xml\n"
       "       egaf import csv [options] -o MODEL.yaml FOLDER|PREFIX\n"
       "\n"
       "Reads an ArchiMate 3.1 Open Exchange file (Archi: File > Export > Model to Open\n"
       "Exchange File; any tool; egaf export) or Archi's CSV files (FOLDER/elements.csv,\n"
       "relations.csv, properties.csv, or PREFIXelements.csv …) into an egaf model.\n"
       "Every element and relationship egaf has a form for is kept; each one it has\n"
       "not is a warning at its line (import.unmapped). docs/export.md has the mapping.\n"
       "\n"
       "options:\n"
       "  -o, --output MODEL  the model to write (atomically); - for standard output\n"
       "  --arch ID           the architecture to take when the file holds several\n"
       "  -h, --help          this help\n"
       "\n"
       "Exit status: 0 the model was written; 1 the input could not be read as the\n"
       "format (a finding says where); 2 bad usage, an unreadable file, an output that\n"
       "could not be written.\n");

/* The whole file, at most limit bytes (one more tells it is larger). */
static int read_file(const char *path, char **data, size_t *len, size_t limit)
{
    *data = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
        fclose(f);
        errno = EISDIR;
        return -1;
    }
    size_t cap = 64 * 1024;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t n = fread(buf + *len, 1, cap - *len, f);
        *len += n;
        if (*len > limit || n == 0)
            break;
        if (*len == cap) {
            char *nb = cap > limit ? NULL : realloc(buf, cap * 2 + 1);
            if (!nb)
                break;
            buf = nb;
            cap *= 2;
        }
    }
    int err = ferror(f) ? errno : 0;
    fclose(f);
    if (!buf || err) {
        free(buf);
        errno = buf ? err : ENOMEM;
        return -1;
    }
    buf[*len] = '\0';
    *data = buf;
    return 0;
}

int cmd_import(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    const char *output = NULL, *format = NULL, *input = NULL;
    egaf_import_options io = {NULL};
    const egaf_option options[] = {
        {"output", 'o', .value = &output},
        {"arch", .value = &io.arch},
        {"help", 'h', .usage = usage},
        {.name = NULL},
    };
    for (int opt; (opt = egaf_opt_next(&st, options, "import")) != -1;) {
        switch (opt) {
        case -2:
            return st.exit_code;
        case 0:
            if (!format)
                format = st.operand;
            else if (!input)
                input = st.operand;
            else
                return usage_error("import", _("one input only ('%s' is one more)"), st.operand);
            break;
        }
    }
    bool csv = format && strcmp(format, "csv") == 0;
    if (!format || (!csv && strcmp(format, "archimate") != 0))
        return usage_error("import", _("the format comes first: 'egaf import archimate' or "
                                       "'egaf import csv'"));
    if (!output)
        return usage_error("import", _("-o MODEL.yaml is required (- for standard output)"));
    if (!input)
        return usage_error("import", _("no input given"));

    egaf_diags *diags = egaf_diags_create();
    if (!diags) {
        error(_("out of memory"));
        return EXIT_FAILURE_RUN;
    }
    egaf_buf out;
    egaf_buf_init(&out);
    int rc = EXIT_FAILURE_RUN, irc = -1;
    char *data[3] = {NULL, NULL, NULL};
    size_t len[3] = {0, 0, 0};
    char *paths[3] = {NULL, NULL, NULL};
    if (!csv) {
        if (read_file(input, &data[0], &len[0], EGAF_IMPORT_MAX_SIZE) != 0) {
            error(_("cannot read '%s': %s"), input, strerror(errno));
            goto done;
        }
        irc = egaf_import_archimate(&out, input, data[0], len[0], &io, diags);
    } else {
        static const char *const names[3] = {"elements.csv", "relations.csv", "properties.csv"};
        struct stat sb;
        bool folder = stat(input, &sb) == 0 && S_ISDIR(sb.st_mode);
        size_t n = strlen(input);
        for (int i = 0; i < 3; i++) {
            paths[i] = malloc(n + 20);
            if (!paths[i]) {
                error(_("out of memory"));
                goto done;
            }
            snprintf(paths[i], n + 20, "%s%s%s", input,
                     folder && n && input[n - 1] != '/' ? "/" : "", names[i]);
            if (read_file(paths[i], &data[i], &len[i], EGAF_IMPORT_MAX_SIZE) != 0 &&
                (i == 0 || errno != ENOENT)) {
                error(_("cannot read '%s': %s"), paths[i], strerror(errno));
                goto done;
            }
        }
        const char *const cp[3] = {paths[0], paths[1], paths[2]};
        const char *const cd[3] = {data[0], data[1], data[2]};
        irc = egaf_import_csv(&out, cp, cd, len, &io, diags);
    }
    egaf_cli_print_findings(cli, diags);
    if (irc < 0)
        error(_("out of memory while importing"));
    else if (irc > 0)
        rc = EXIT_FINDINGS;
    else if (egaf_write_output(output, &out) == 0)
        rc = EXIT_CLEAN;
done:
    for (int i = 0; i < 3; i++) {
        free(data[i]);
        free(paths[i]);
    }
    egaf_buf_free(&out);
    egaf_diags_free(diags);
    return rc;
}
