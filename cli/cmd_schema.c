/* cmd_schema.c - `egaf schema`: the JSON Schema (draft-07) of the model
 * format, for editors (VS Code's YAML extension, JetBrains IDEs, …). */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "base/i18n.h"
#include "export/schema_json.h"

static const char *const usage =
    N_("usage: egaf schema [--year YYYY] [--lang vi|en] [--refs DIR] [-o FILE]\n"
       "\n"
       "Prints the JSON Schema (draft-07) of the model format: every key, its type,\n"
       "the allowed values, and the national:ID references, agencies, data subjects\n"
       "and framework editions of the reference models. Editors use it to complete\n"
       "and check models as they are typed, and show the Vietnamese name of every\n"
       "value, national system and agency beside it. Files named by 'include' follow\n"
       "the definition #/definitions/included-file.\n"
       "\n"
       "options:\n"
       "  --year YYYY       only the editions, agencies and national systems and\n"
       "                    databases that exist in YYYY (default: every year)\n"
       "  --lang L          descriptions in vi (default) or en (the Vietnamese names\n"
       "                    beside)\n"
       "  -o, --output FILE write the schema to FILE (atomically) instead of stdout\n"
       "  --refs DIR        reference models folder (default: $EGAF_REFS, installed, source tree)\n"
       "  -h, --help        this help\n"
       "\n"
       "Exit status: 0, or 2 when the schema could not be written or the reference\n"
       "models could not be read.\n");

int cmd_schema(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    st.no_operands = true;
    const char *output = NULL, *refs_dir = NULL;
    egaf_schema_options so = {0, false};
    const egaf_option options[] = {
        {"output", 'o', .value = &output},
        {"refs", .value = &refs_dir},
        {"help", 'h', .usage = usage},
        {"year", .parse = egaf_cli_parse_year, .to = &so.year},
        {"lang", .parse = egaf_cli_parse_lang},
        {.name = NULL},
    };
    if (!egaf_opt_parse(&st, options, "schema"))
        return st.exit_code;
    /* Vietnamese unless English was asked for, by --lang before the
     * command or here: the names are Vietnamese in any case */
    so.english = egaf_cli_english(cli);
    egaf_refs *refs = egaf_cli_load_refs(cli, refs_dir);
    if (!refs)
        return EXIT_FAILURE_RUN;
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_schema_json(&out, refs, &so);
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
