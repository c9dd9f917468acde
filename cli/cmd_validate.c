/* cmd_validate.c - `egaf validate`: check models, report every finding. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "base/i18n.h"
#include "model/model.h"
#include "validator/config.h"
#include "report/report.h"
#include "base/rules.h"
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

/* Records a --disable/--severity setting; they are applied after the
 * folder's .egaf.yaml, so the command line wins. */
static int configure_rule(egaf_arena *arena, egaf_config *cli_settings, const char *rule,
                          egaf_severity sev)
{
    if (!egaf_rule_find(rule)) {
        usage_error("validate", _("unknown rule '%s' ('egaf rules' lists them)"), rule);
        return -1;
    }
    egaf_rule_setting *n =
        egaf_arena_alloc(arena, sizeof(*n) * (cli_settings->nsettings + 1));
    char *copy = egaf_arena_strdup(arena, rule);
    if (!n || !copy)
        return -1;
    if (cli_settings->nsettings)
        memcpy(n, cli_settings->settings, sizeof(*n) * cli_settings->nsettings);
    n[cli_settings->nsettings].rule = copy;
    n[cli_settings->nsettings].severity = sev;
    cli_settings->settings = n;
    cli_settings->nsettings++;
    return 0;
}


int cmd_validate(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    egaf_report_format format = EGAF_REPORT_TEXT;
    const char *output = NULL, *refs_dir = NULL, *base = NULL;
    bool werror = false, quiet = false;
    egaf_input_options io = {false};
    /* the options the loop checks (0 is an operand) */
    enum { O_FORMAT = 1, O_DISABLE, O_SEVERITY };
    const egaf_option options[] = {
        {"format", .has_arg = true, .id = O_FORMAT}, {"output", 'o', .value = &output},
        {"refs", .value = &refs_dir}, {"disable", .has_arg = true, .id = O_DISABLE},
        {"severity", .has_arg = true, .id = O_SEVERITY},
        {"werror", .flag = &werror}, {"quiet", 'q', .flag = &quiet},
        {"follow-links", .flag = &io.follow_links}, {"help", 'h', .usage = usage},
        {"base", .value = &base}, {.name = NULL},
    };
    char **inputs = calloc((size_t)argc + 1, sizeof(char *));
    size_t ninputs = 0;
    egaf_diags *diags = egaf_diags_create();
    egaf_arena *arena = egaf_arena_create();
    egaf_config cli_settings, folder_config;
    memset(&cli_settings, 0, sizeof(cli_settings));
    int rc = EXIT_FAILURE_RUN;
    if (!inputs || !diags || !arena) {
        error(_("out of memory"));
        goto done;
    }
    st.operands = inputs;
    for (int opt; (opt = egaf_opt_next(&st, options, "validate")) != -1;) {
        switch (opt) {
        case -2:
            rc = st.exit_code;
            goto done;
        case O_FORMAT:
            if (egaf_cli_parse_report_format("validate", st.value, &format) != 0)
                goto done;
            break;
        case O_DISABLE:
            if (configure_rule(arena, &cli_settings, st.value, EGAF_SEV_OFF) != 0)
                goto done;
            break;
        case O_SEVERITY: {
            const char *eq = strchr(st.value, '=');
            egaf_severity sev;
            if (!eq || egaf_severity_parse(eq + 1, &sev) != 0) {
                usage_error("validate", _("--severity takes RULE=error|warning|note|off"));
                goto done;
            }
            char rule[128];
            snprintf(rule, sizeof rule, "%.*s", (int)(eq - st.value), st.value);
            if (configure_rule(arena, &cli_settings, rule, sev) != 0)
                goto done;
            break;
        }
        }
    }
    ninputs = st.noperands;
    if (ninputs == 0) {
        usage_error("validate", _("no model given"));
        goto done;
    }
    if (egaf_cli_check_base(base) != 0)
        goto done;
    double phase = egaf_cli_now_ms();
    char **files = NULL;
    size_t nfiles = 0;
    if (egaf_collect_inputs(inputs, ninputs, &io, diags, &files, &nfiles) != 0)
        goto done;
    if (egaf_cli_load_config(cli, arena, inputs[0], &folder_config) != 0 ||
        egaf_config_apply(&folder_config, diags) != 0 ||
        egaf_config_apply(&cli_settings, diags) != 0) {
        egaf_free_list(files, nfiles);
        goto done;
    }
    werror = werror || folder_config.werror;
    egaf_refs *refs = egaf_cli_load_refs(cli, refs_dir);
    if (!refs) {
        egaf_free_list(files, nfiles);
        goto done;
    }
    egaf_model **models = calloc(nfiles + 1, sizeof(*models));
    size_t nmodels = 0;
    bool failed = models == NULL;
    /* validate only reports: lines of later findings are read again */
    egaf_load_options load = {.release_text = true};
    if (!failed && egaf_cli_load_models(files, nfiles, &load, diags, models, &nmodels) != 0)
        failed = true;
    if (!failed) {
        phase = egaf_cli_now_ms();
        failed = egaf_cli_check_models(refs, models, nmodels, diags) != 0;
        if (!failed)
            egaf_cli_phase(_("check"), &phase);
    }
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
    for (size_t i = 0; i < nmodels; i++)
        egaf_model_free(models[i]);
    free(models);
    egaf_refs_free(refs);
    egaf_free_list(files, nfiles);
done:
    egaf_diags_free(diags);
    egaf_arena_free(arena);
    free(inputs);
    return rc;
}
