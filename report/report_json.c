/* report_json.c - the JSON format of DESIGN §4: every finding with its
 * position, hint, waiver and related places, and the counts. */
#include "report/report.h"

static void json_field(egaf_buf *out, const char *name, const char *value)
{
    egaf_buf_printf(out, ", \"%s\": ", name);
    if (value)
        egaf_buf_json_string(out, value);
    else
        egaf_buf_puts(out, "null");
}

void egaf_report_json(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt)
{
    egaf_buf_puts(out, "{\"tool\": \"egaf\", \"version\": ");
    egaf_buf_json_string(out, opt && opt->version ? opt->version : "");
    egaf_buf_puts(out, ",\n \"findings\": [");
    egaf_buf path;
    egaf_buf_init(&path);
    size_t n = egaf_diags_count(diags);
    for (size_t i = 0; i < n; i++) {
        const egaf_finding *f = egaf_diags_at(diags, i);
        egaf_buf_puts(out, i ? ",\n  " : "\n  ");
        egaf_buf_puts(out, "{\"rule\": ");
        egaf_buf_json_string(out, f->rule);
        json_field(out, "severity", egaf_severity_name(f->severity));
        json_field(out, "file", egaf_report_file(opt, f->file, &path));
        egaf_buf_printf(out, ", \"line\": %u, \"column\": %u", f->line, f->col);
        json_field(out, "element", f->element);
        json_field(out, "message", f->message);
        json_field(out, "hint", f->hint);
        if (f->waiver) {
            egaf_buf_puts(out, ", \"suppressed\": true");
            json_field(out, "waiver", f->waiver);
        }
        if (f->nrelated) {
            egaf_buf_puts(out, ", \"related\": [");
            for (size_t r = 0; r < f->nrelated; r++) {
                const egaf_related *rel = &f->related[r];
                egaf_buf_puts(out, r ? ", {\"file\": " : "{\"file\": ");
                egaf_buf_json_string(out, egaf_report_file(opt, rel->file, &path));
                egaf_buf_printf(out, ", \"line\": %u, \"column\": %u", rel->line, rel->col);
                json_field(out, "message", rel->message);
                egaf_buf_putc(out, '}');
            }
            egaf_buf_putc(out, ']');
        }
        egaf_buf_putc(out, '}');
    }
    if (path.failed)
        out->failed = true;
    egaf_buf_free(&path);
    egaf_diag_counts c = egaf_diags_counts(diags);
    egaf_buf_printf(out,
                    "%s],\n \"summary\": {\"files\": %zu, \"errors\": %zu, \"warnings\": %zu, "
                    "\"notes\": %zu, \"suppressed\": %zu}}\n",
                    n ? "\n " : "", egaf_diags_files(diags), c.errors, c.warnings, c.notes,
                    c.suppressed);
}
