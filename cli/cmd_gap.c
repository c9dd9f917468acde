/* cmd_gap.c - `egaf gap`: what is to be built, changed, retired and
 * integrated to go from a model's current architecture to its target, each
 * item with the roadmap tasks that deliver it. */
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "diff/gap.h"

static const char *const usage =
    N_("usage: egaf gap [options] MODEL\n"
       "\n"
       "The gap analysis of one model: the elements to build (status: planned), to change\n"
       "(a planned element that replaces another), to retire (status: retired) and the\n"
       "integrations to add, from its current architecture to its target, each with the\n"
       "roadmap tasks whose `delivers` names it, or marked uncovered.\n"
       "\n"
       "options:\n"
       "  --format F        text (default), markdown, json\n"
       "  --fail-on WHAT    uncovered: exit 1 when a gap item has no roadmap task\n"
       "  -o, --output FILE write the gap to FILE (atomically) instead of stdout\n"
       "  -h, --help        this help\n"
       "\n"
       "Exit status: 0 the gap was listed; 1 --fail-on uncovered matched; 2 it could not\n"
       "run (bad usage, unreadable model, an output that could not be written).\n");

/* --fail-on: uncovered, the one thing gap can fail on (to: bool *). */
static int parse_fail_on(const char *cmd, const char *value, void *to)
{
    if (strcmp(value, "uncovered") != 0)
        return usage_error(cmd, _("--fail-on takes uncovered, not '%s'"), value);
    *(bool *)to = true;
    return 0;
}

int cmd_gap(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    egaf_change_format format = EGAF_CHANGE_TEXT;
    bool fail_uncovered = false;
    const char *output = NULL, *file = NULL;
    const egaf_option options[] = {
        {"format", .parse = egaf_cli_parse_change_format, .to = &format},
        {"fail-on", .parse = parse_fail_on, .to = &fail_uncovered},
        {"output", 'o', .value = &output}, {"help", 'h', .usage = usage}, {.name = NULL},
    };
    st.model = &file;
    if (!egaf_opt_parse(&st, options, "gap"))
        return st.exit_code;
    if (!file)
        return usage_error("gap", _("no model given"));

    int rc = EXIT_FAILURE_RUN;
    egaf_diags *diags = egaf_diags_create();
    egaf_model *model = NULL;
    egaf_gap *gap = NULL;
    egaf_buf out;
    egaf_buf_init(&out);
    if (!diags) {
        error(_("out of memory"));
        goto done;
    }
    model = egaf_cli_load_one_model(
        cli, file, _("cannot list the gap of '%s': the file holds no readable model"), diags);
    if (!model)
        goto done;
    double phase = egaf_cli_now_ms();
    gap = egaf_gap_compute(model);
    if (!gap) {
        error(_("out of memory while comparing"));
        goto done;
    }
    egaf_gap_write_options wo = {EGAF_VERSION};
    if (format == EGAF_CHANGE_JSON)
        egaf_gap_write_json(&out, gap, &wo);
    else if (format == EGAF_CHANGE_MARKDOWN)
        egaf_gap_write_markdown(&out, gap, &wo);
    else
        egaf_gap_write_text(&out, gap, &wo);
    if (out.failed) {
        error(_("out of memory while writing the gap"));
        goto done;
    }
    if (egaf_write_output(output, &out) != 0)
        goto done;
    egaf_cli_phase(_("compare and report"), &phase);
    rc = fail_uncovered && gap->uncovered ? EXIT_FINDINGS : EXIT_CLEAN;
done:
    egaf_buf_free(&out);
    egaf_gap_free(gap);
    egaf_model_free(model);
    egaf_diags_free(diags);
    return rc;
}
