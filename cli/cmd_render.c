/* cmd_render.c - `egaf render`: draw one view of a model as SVG, PNG or DOT. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "diff/diff.h"
#include "base/i18n.h"
#include "model/model.h"
#include "model/query.h"
#include "base/suggest.h"
#include "render/diff_view.h"
#include "render/render.h"
#include "report/report.h"
#include "validator/validate.h"

static const char *const usage =
    N_("usage: egaf render --view VIEW [options] -o OUT FILE\n"
       "\n"
       "Draws one view of the architecture in FILE, laid out with Graphviz (dot).\n"
       "\n"
       "views:\n"
       "  overview      the framework's layered diagram (sơ đồ tổng thể)\n"
       "  integration   applications, LGSP, NGSP, national systems; edges carry the data\n"
       "  data          databases, the applications using them, national databases\n"
       "  technology    infrastructure, what is hosted on it, network links\n"
       "  security      controls, what they protect, security levels\n"
       "  organisation  units (departments, districts, communes) under their parent,\n"
       "                and the business relations between them; only for a model\n"
       "                with `business.units`\n"
       "\n"
       "options:\n"
       "  --view VIEW       the view to draw (required)\n"
       "  --format F        svg (default, or from OUT's extension), png, dot\n"
       "  --lang L          vi (default) or en: names from `name-en` where given; also\n"
       "                    the language of messages\n"
       "  --refs DIR        reference models folder (default: $EGAF_REFS, installed, source tree)\n"
       "  --year YYYY       reference data as of YYYY (default: the model's `year`)\n"
       "  --diff OLD        mark what changed since the model in OLD: added in green\n"
       "                    \"(mới)\", changed in orange \"(thay đổi)\", removed as dashed\n"
       "                    red ghosts \"(đã bỏ)\" (see `egaf diff`)\n"
       "  --with FILE       another architecture's model: references into it\n"
       "                    (\"lang-son:httt-tthc\") are drawn with their names; repeat it\n"
       "  --hide LAYER      leave out a layer's elements and their edges: business, data,\n"
       "                    application, technology, security or national (the national\n"
       "                    systems); repeat it, or separate layers with commas\n"
       "  --size PAPER      A4 or A3: fit the drawing in the text area of a landscape page\n"
       "                    of that paper (scaled down, never up)\n"
       "  --dpi N           dots per inch of a PNG (36-600; Graphviz's default is 96)\n"
       "  -o, --output OUT  the file to write (atomically); - for standard output\n"
       "  -h, --help        this help\n"
       "\n"
       "A model with error findings is drawn as far as it can be read, with a warning.\n"
       "Exit status: 0 the diagram was written; 2 it was not (bad usage, unreadable\n"
       "model, broken reference models, an output that could not be written).\n");

/* --hide's value: layers separated by commas, each added to *hidden. */
static int hide_layers(const char *value, unsigned *hidden)
{
    static const char *const layers[] = {"business",   "data",     "application",
                                         "technology", "security", "national", NULL};
    char name[32];
    for (const char *p = value;;) {
        size_t len = strcspn(p, ",");
        if (len == 0 || len >= sizeof name) {
            usage_error("render", _("--hide takes layers separated by commas, not '%s'"), value);
            return -1;
        }
        memcpy(name, p, len);
        name[len] = '\0';
        unsigned bit = egaf_render_hide_bit(name);
        if (!bit) {
            egaf_cli_bad_choice("render", "layer", name, layers);
            return -1;
        }
        *hidden |= bit;
        if (!p[len])
            return 0;
        p += len + 1;
    }
}

/* The format from OUT's extension, when --format is not given. */
static egaf_out_format format_of(const char *out)
{
    const char *dot = out ? strrchr(out, '.') : NULL;
    if (dot && strcmp(dot, ".png") == 0)
        return EGAF_OUT_PNG;
    if (dot && (strcmp(dot, ".dot") == 0 || strcmp(dot, ".gv") == 0))
        return EGAF_OUT_DOT;
    return EGAF_OUT_SVG;
}

int cmd_render(egaf_cli *cli, int argc, char **argv)
{
    static const char *const formats[] = {"svg", "png", "dot", NULL};
    static const char *const papers[] = {"A4", "A3", NULL};
    enum { WITH_MAX = 64 };
    const char *with_files[WITH_MAX];
    egaf_model *with[WITH_MAX];
    size_t nwith = 0, nwith_loaded = 0;
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    const char *output = NULL, *refs_dir = NULL, *file = NULL, *old_file = NULL;
    bool have_view = false, have_format = false;
    egaf_view view = EGAF_VIEW_OVERVIEW;
    egaf_out_format format = EGAF_OUT_SVG;
    egaf_render_options ro = {0};
    int year = 0;
    /* the options the loop checks (0 is an operand) */
    enum { O_VIEW = 1, O_FORMAT, O_YEAR, O_HIDE, O_SIZE, O_DPI, O_WITH };
    const egaf_option options[] = {
        {"view", .has_arg = true, .id = O_VIEW}, {"format", .has_arg = true, .id = O_FORMAT},
        {"lang", .parse = egaf_cli_parse_lang}, {"refs", .value = &refs_dir},
        {"year", .has_arg = true, .id = O_YEAR}, {"output", 'o', .value = &output},
        {"help", 'h', .usage = usage}, {"diff", .value = &old_file},
        {"hide", .has_arg = true, .id = O_HIDE}, {"size", .has_arg = true, .id = O_SIZE},
        {"dpi", .has_arg = true, .id = O_DPI}, {"with", .has_arg = true, .id = O_WITH},
        {.name = NULL},
    };
    for (int opt; (opt = egaf_opt_next(&st, options, "render")) != -1;) {
        switch (opt) {
        case -2:
            return st.exit_code;
        case 0:
            if (file)
                return usage_error("render", _("one model at a time ('%s' and '%s')"), file,
                                   st.operand);
            file = st.operand;
            break;
        case O_VIEW:
            if (egaf_view_parse(st.value, &view) != 0) {
                const char *names[EGAF_VIEW__COUNT + 1] = {NULL};
                for (int i = 0; i < EGAF_VIEW__COUNT; i++)
                    names[i] = egaf_view_name((egaf_view)i);
                return egaf_cli_bad_choice("render", "view", st.value, names);
            }
            have_view = true;
            break;
        case O_FORMAT:
            if (egaf_out_format_parse(st.value, &format) != 0)
                return egaf_cli_bad_choice("render", "format", st.value, formats);
            have_format = true;
            break;
        case O_YEAR: {
            char *end;
            errno = 0;
            long y = strtol(st.value, &end, 10);
            if (errno || *end || y < 1990 || y > 2100)
                return usage_error("render", _("--year takes a year (1990-2100), not '%s'"),
                                   st.value);
            year = (int)y;
            break;
        }
        case O_WITH:
            if (nwith == WITH_MAX)
                return usage_error("render", _("at most %d --with models"), WITH_MAX);
            with_files[nwith++] = st.value;
            break;
        case O_HIDE:
            if (hide_layers(st.value, &ro.hidden) != 0)
                return EXIT_FAILURE_RUN;
            break;
        case O_SIZE:
            if (egaf_paper_parse(st.value, &ro.paper) != 0)
                return egaf_cli_bad_choice("render", "paper size", st.value, papers);
            break;
        case O_DPI: {
            char *end;
            errno = 0;
            long dpi = strtol(st.value, &end, 10);
            if (errno || *end || end == st.value || dpi < 36 || dpi > 600)
                return usage_error("render", _("--dpi takes dots per inch (36-600), not '%s'"),
                                   st.value);
            ro.dpi = (unsigned)dpi;
            break;
        }
        }
    }
    if (!have_view)
        return usage_error("render", _("--view is required (overview, integration, data, "
                                       "technology, security or organisation)"));
    if (!file)
        return usage_error("render", _("no model given"));
    if (!output)
        return usage_error("render", _("-o OUT is required (- for standard output)"));
    if (!have_format)
        format = format_of(output);
    /* labels in English when --lang en was given, here or before the command */
    ro.lang = egaf_cli_english(cli) ? EGAF_LANG_EN : EGAF_LANG_VI;

    int rc = EXIT_FAILURE_RUN;
    egaf_cli_one one;
    egaf_model *old = NULL;
    egaf_diff *diff = NULL;
    Agraph_t *g = NULL;
    egaf_gv *gv = NULL;
    if (egaf_cli_open_one(cli, refs_dir, file,
                          _("cannot render '%s': the file holds no readable model"), &one) != 0)
        goto done;
    egaf_validator *v = egaf_validator_create(one.refs);
    if (v) {
        egaf_validate(v, &one.model, 1, one.load_diags);
        egaf_validator_free(v);
    }
    egaf_diag_counts counts = egaf_diags_counts(one.load_diags);
    if (counts.errors)
    {
        fprintf(stderr, "egaf: %s: ", egaf_report_severity_word(EGAF_SEV_WARNING));
        fprintf(stderr,
                P_("'%s' has %zu error finding ('egaf validate %s' lists it); the diagram "
                   "shows what could be read\n",
                   "'%s' has %zu error findings ('egaf validate %s' lists them); the diagram "
                   "shows what could be read\n",
                   counts.errors),
                file, counts.errors, file);
    }
    if (!year)
        year = egaf_model_year(one.model);
    for (; nwith_loaded < nwith; nwith_loaded++) {
        /* only their names are read: their findings are for egaf validate */
        egaf_diags *with_diags = egaf_diags_create();
        if (!with_diags) {
            error(_("out of memory"));
            goto done;
        }
        with[nwith_loaded] = egaf_cli_load_one_model(
            cli, with_files[nwith_loaded], _("--with: '%s' holds no readable model"), with_diags);
        egaf_diags_free(with_diags);
        if (!with[nwith_loaded])
            goto done;
    }
    ro.others = with;
    ro.nothers = nwith;
    if (old_file) {
        egaf_diags *old_diags = egaf_diags_create();
        if (!old_diags) {
            error(_("out of memory"));
            goto done;
        }
        egaf_read_status rs;
        old = egaf_model_load(old_file, NULL, old_diags, &rs);
        egaf_diags_free(old_diags);
        if (!old) {
            error(_("--diff: cannot read the old model '%s': %s"), old_file,
                  egaf_read_status_text(rs));
            goto done;
        }
        if (!old->readable) {
            error(_("--diff: '%s' holds no readable model to compare with"), old_file);
            goto done;
        }
        egaf_model *const olds[1] = {old}, *const news[1] = {one.model};
        egaf_diff_side os = {olds, 1, NULL, old_file, NULL, NULL};
        egaf_diff_side ns = {news, 1, NULL, file, NULL, NULL};
        egaf_diff_options dopt = {true, one.refs};
        diff = egaf_diff_compute(&os, &ns, &dopt);
        if (!diff || diff->narchs != 1) {
            error(_("out of memory while comparing '%s' with '%s'"), file, old_file);
            goto done;
        }
        g = egaf_view_build_diff(view, one.model, old, &diff->archs[0], one.refs, year, &ro,
                                 one.diags);
    } else if (!egaf_view_applies(view, one.model)) {
        /* an empty frame would be a diagram of nothing in the document */
        error(_("'%s' has no units (business.units): the %s view has nothing to draw"), file,
              egaf_view_name(view));
        goto done;
    } else {
        g = egaf_view_build(view, one.model, one.refs, year, &ro, one.diags);
    }
    if (!g) {
        error(_("out of memory while building the %s view"), egaf_view_name(view));
        goto done;
    }
    gv = format == EGAF_OUT_DOT ? NULL : egaf_gv_create();
    if (format != EGAF_OUT_DOT && !gv) {
        error(_("out of memory while building the %s view"), egaf_view_name(view));
        goto done;
    }
    double phase = egaf_cli_now_ms();
    int drawn = egaf_render_graph(gv, g, format, &one.out, one.diags, file);
    egaf_cli_phase(_("draw"), &phase);
    if (drawn != 0) {
        egaf_cli_print_findings(cli, one.diags);
        error(_("cannot draw the %s view of '%s'"), egaf_view_name(view), file);
        goto done;
    }
    rc = egaf_cli_finish_one(cli, &one, output);
done:
    egaf_view_free(g);
    egaf_gv_free(gv);
    egaf_diff_free(diff);
    egaf_model_free(old);
    for (size_t i = 0; i < nwith_loaded; i++)
        egaf_model_free(with[i]);
    egaf_cli_close_one(&one);
    return rc;
}
