/* cmd_schema.c - `egaf schema`: the JSON Schema (draft-07) of the model
 * format, for editors (VS Code's YAML extension, JetBrains IDEs, …). */
#include <stdio.h>

#include "cli/cli.h"
#include "base/i18n.h"
#include "export/schema_json.h"

static const char *const usage =
    N_("usage: egaf schema [--refs DIR] [-o FILE]\n"
       "\n"
       "Prints the JSON Schema (draft-07) of the model format: every key, its type,\n"
       "the allowed values, and the national:ID references, agencies, data subjects\n"
       "and framework editions of the reference models. Editors use it to complete\n"
       "and check models as they are typed. Files named by 'include' follow the\n"
       "definition #/definitions/included-file.\n"
       "\n"
       "options:\n"
       "  -o, --output FILE write the schema to FILE (atomically) instead of stdout\n"
       "  --refs DIR        reference models folder (default: $EGAF_REFS, installed, source tree)\n"
       "  -h, --help        this help\n"
       "\n"
       "Exit status: 0, or 2 when the schema could not be written or the reference\n"
       "models could not be read.\n");

enum { O_OUTPUT = 1, O_REFS, O_HELP };

static const egaf_option options[] = {
    {"output", 'o', true},
    {"refs", 0, true},
    {"help", 'h', false},
    {NULL, 0, false},
};

int cmd_schema(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    const char *output = NULL, *refs_dir = NULL;
    for (int opt; (opt = egaf_opt_next(&st, options, "schema")) != -1;) {
        switch (opt) {
        case -2:
            return EXIT_FAILURE_RUN;
        case 0:
            return usage_error("schema", _("unexpected argument '%s'"), st.operand);
        case O_OUTPUT:
            output = st.value;
            break;
        case O_REFS:
            refs_dir = st.value;
            break;
        case O_HELP:
            fputs(_(usage), stdout);
            return EXIT_CLEAN;
        }
    }
    egaf_refs *refs = egaf_cli_load_refs(cli, refs_dir);
    if (!refs)
        return EXIT_FAILURE_RUN;
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_schema_json(&out, refs);
    int rc = EXIT_CLEAN;
    if (out.failed) {
        error(_("out of memory"));
        rc = EXIT_FAILURE_RUN;
    } else if (egaf_write_output(output, &out) != 0) {
        rc = EXIT_FAILURE_RUN;
    }
    egaf_buf_free(&out);
    egaf_refs_free(refs);
    return rc;
}
