/* cmd_validate.c - `egaf validate`: check models, report every finding. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "base/i18n.h"
#include "model/model.h"
#include "validator/config.h"
#include "report/report.h"
#include "validator/validate.h"

static const char *const usage =
    N_("usage: egaf validate [options] FILE|DIR...\n"
       "\n"
       "Checks each model (a folder means every *.yaml model in it) against the model\n"
       "format and the national reference models, and reports every finding.\n"
       "\n"
       "options:\n"
       "  --format F        text (default), json, sarif, junit, github, gitlab\n"
       "  -o, --output FILE write the report to FILE (atomically) instead of stdout\n"
       "  --base DIR        paths relative to DIR, in every format (sarif, github and\n"
       "                    gitlab are relative to the current folder without it: give\n"
       "                    the repository root)\n"
       "  --refs DIR        reference models folder (default: $EGAF_REFS, installed, source tree)\n"
       "  --disable RULE    do not check RULE (repeatable)\n"
       "  --severity RULE=LEVEL  report RULE as error, warning, note or off (repeatable)\n"
       "  --werror          warnings count as errors for the exit status\n"
       "  -q, --quiet       no summary line\n"
       "  --follow-links    read models that are symbolic links to files outside the\n"
       "                    folder given (by default such a link is not read: a finding)\n"
       "  -h, --help        this help\n"
       "\n"
       "Exit status: 0 no error findings; 1 error findings (or warnings with --werror);\n"
       "2 the command could not run (bad usage, unreadable input, broken reference models).\n");

int cmd_validate(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    egaf_report_format format = EGAF_REPORT_TEXT;
    const char *output = NULL, *refs_dir = NULL, *base = NULL;
    bool werror = false, quiet = false;
    egaf_input_options io = {false};
    char **inputs = calloc((size_t)argc + 1, sizeof(char *));
    size_t ninputs = 0;
    egaf_diags *diags = egaf_diags_create();
    egaf_arena *arena = egaf_arena_create();
    egaf_cli_rule_settings cli_rules = {.arena = arena};
    const egaf_option options[] = {
        {"format", .parse = egaf_cli_parse_report_format, .to = &format},
        {"output", 'o', .value = &output},
        {"refs", .value = &refs_dir},
        {"disable", .parse = egaf_cli_parse_disable, .to = &cli_rules},
        {"severity", .parse = egaf_cli_parse_severity, .to = &cli_rules},
        {"werror", .flag = &werror}, {"quiet", 'q', .flag = &quiet},
        {"follow-links", .flag = &io.follow_links}, {"help", 'h', .usage = usage},
        {"base", .value = &base}, {.name = NULL},
    };
    int rc = EXIT_FAILURE_RUN;
    if (!inputs || !diags || !arena) {
        error(_("out of memory"));
        goto done;
    }
    st.operands = inputs;
    if (!egaf_opt_parse(&st, options, "validate")) {
        rc = st.exit_code;
        goto done;
    }
    ninputs = st.noperands;
    if (ninputs == 0) {
        usage_error("validate", _("no model given"));
        goto done;
    }
    if (egaf_cli_check_base(base) != 0)
        goto done;
    char **files = NULL;
    size_t nfiles = 0;
    if (egaf_collect_inputs(inputs, ninputs, &io, diags, &files, &nfiles) != 0)
        goto done;
    if (egaf_cli_apply_settings(cli, inputs[0], &cli_rules, diags, &werror) != 0) {
        egaf_free_list(files, nfiles);
        goto done;
    }
    egaf_refs *refs = egaf_cli_load_refs(cli, refs_dir);
    if (!refs) {
        egaf_free_list(files, nfiles);
        goto done;
    }
    /* validate only reports: lines of later findings are read again */
    egaf_load_options load = {.release_text = true};
    bool failed = egaf_cli_check_files(refs, files, nfiles, &load, diags) != 0;
    double phase = egaf_cli_now_ms(); /* loading and checking timed their own phase */
    if (!failed && egaf_diags_failed(diags)) {
        failed = true;
        error(_("out of memory while recording findings"));
    }
    if (!failed) {
        egaf_diags_add_files(diags, nfiles);
        if (egaf_cli_write_report(cli, diags, format, output, base, quiet, werror) == 0) {
            egaf_cli_phase(_("report"), &phase);
            rc = egaf_cli_findings_status(diags, werror);
        }
    }
    egaf_refs_free(refs);
    egaf_free_list(files, nfiles);
done:
    egaf_diags_free(diags);
    egaf_arena_free(arena);
    free(inputs);
    return rc;
}
