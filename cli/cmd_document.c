/* cmd_document.c - `egaf document`: the architecture document generated from
 * the model, as DOCX (to sign) or one HTML page (to print or publish). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "document/doc.h"
#include "model/model.h"

static const char *const usage =
    N_("usage: egaf document [options] -o OUT FILE\n"
       "\n"
       "Writes the architecture document of the model in FILE, in the chapter order of\n"
       "the framework's guidance: general information and legal basis; the current\n"
       "architecture by layer; its assessment (egaf's findings); the target architecture\n"
       "by layer with every diagram; the gap analysis; the roadmap; the solutions;\n"
       "annexes. Tables and figures are numbered; the DOCX has a table of contents,\n"
       "page numbers, A4 pages and landscape pages for wide diagrams. The same model\n"
       "gives the same bytes.\n"
       "\n"
       "options:\n"
       "  --format F        docx (default, or from OUT's extension) or html\n"
       "  --lang L          vi (default) or en: the document's language\n"
       "  --refs DIR        reference models folder (default: $EGAF_REFS, installed, source tree)\n"
       "  --no-diagrams     leave the figures out\n"
       "  -o, --output OUT  the file to write (atomically); - for standard output\n"
       "  -h, --help        this help\n"
       "\n"
       "Exit status: 0 the document was written (a model with error findings too: the\n"
       "assessment chapter lists them); 2 it was not (bad usage, unreadable model,\n"
       "broken reference models, an output that could not be written).\n");

/* --format: docx or html (to: const char *, the name). */
static int parse_format(const char *cmd, const char *value, void *to)
{
    static const char *const formats[] = {"docx", "html", NULL};
    for (size_t i = 0; formats[i]; i++)
        if (strcmp(value, formats[i]) == 0) {
            *(const char **)to = formats[i];
            return 0;
        }
    return egaf_cli_bad_choice(cmd, "format", value, formats);
}

int cmd_document(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    const char *output = NULL, *refs_dir = NULL, *file = NULL, *format = NULL;
    bool vietnamese = true, no_diagrams = false;
    const egaf_option options[] = {
        {"format", .parse = parse_format, .to = &format},
        {"lang", .parse = egaf_cli_parse_lang, .to = &vietnamese},
        {"refs", .value = &refs_dir},
        {"no-diagrams", .flag = &no_diagrams}, {"output", 'o', .value = &output},
        {"help", 'h', .usage = usage}, {.name = NULL},
    };
    st.model = &file;
    if (!egaf_opt_parse(&st, options, "document"))
        return st.exit_code;
    if (!file)
        return usage_error("document", _("no model given"));
    if (!output)
        return usage_error("document", _("-o OUT is required (- for standard output)"));
    if (!format)
        format = egaf_cli_ends_with(output, ".html") || egaf_cli_ends_with(output, ".htm")
                     ? "html"
                     : "docx";
    /* the document's language is chosen here, not by the environment */
    egaf_cli_set_language(cli, vietnamese);

    int rc = EXIT_FAILURE_RUN;
    egaf_cli_one one;
    egaf_doc *doc = NULL;
    egaf_gv *gv = NULL;
    if (egaf_cli_open_one(cli, refs_dir, file,
                          _("cannot write the document of '%s': the file holds no readable "
                            "model"),
                          &one) != 0)
        goto done;
    gv = no_diagrams ? NULL : egaf_gv_create();
    if (!no_diagrams && !gv) {
        error(_("out of memory"));
        goto done;
    }
    egaf_doc_options o = {!vietnamese, no_diagrams, gv};
    double phase = egaf_cli_now_ms();
    doc = egaf_doc_build(one.model, one.refs, &o, one.diags);
    egaf_cli_phase(_("build the document"), &phase);
    if (!doc || doc->failed) {
        error(_("out of memory while writing the document"));
        goto done;
    }
    int written = strcmp(format, "html") == 0 ? egaf_doc_write_html(doc, &one.out)
                                               : egaf_doc_write_docx(doc, &one.out);
    if (written != 0 || one.out.failed) {
        error(_("cannot make the %s document"), format);
        goto done;
    }
    rc = egaf_cli_finish_one(cli, &one, output);
done:
    egaf_doc_free(doc);
    egaf_gv_free(gv);
    egaf_cli_close_one(&one);
    return rc;
}
