/* report_text.c - the gcc-compatible text format with a quoted line and a
 * caret, and the summary line the CI formats end with too. */
#include <string.h>

#include "base/i18n.h"
#include "report/report.h"
#include "base/rules.h"
#include "base/utf8.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"

const char *egaf_report_severity_pick(egaf_severity s, const char *error, const char *warning,
                                      const char *note)
{
    return s == EGAF_SEV_ERROR ? error : s == EGAF_SEV_WARNING ? warning : note;
}

static const char *sev_color(egaf_severity s)
{
    return egaf_report_severity_pick(s, "\033[1;31m", "\033[1;35m", "\033[1;36m");
}

/* The quoted line and a caret under the column; tabs are kept so the caret
 * lines up in a terminal. */
static void quote(egaf_buf *out, unsigned line, const char *text, unsigned col, unsigned span,
                  bool color)
{
    if (!text)
        return;
    egaf_buf_printf(out, "%5u | %s\n", line, text);
    egaf_buf_puts(out, "      | ");
    /* one space per character as a person sees it (grapheme cluster), so
     * the caret stands under "ệ" however it was typed */
    size_t n = strlen(text);
    size_t end = egaf_utf8_column_offset(text, n, col);
    egaf_utf8_cursor c;
    egaf_utf8_cursor_init(&c);
    uint32_t shown = 0;
    while (c.offset < end) {
        size_t at = c.offset;
        egaf_utf8_cursor_to_offset(&c, text, n, at + 1);
        if (c.graphemes != shown) {
            egaf_buf_putc(out, text[at] == '\t' ? '\t' : ' ');
            shown = c.graphemes;
        }
    }
    if (color)
        egaf_buf_puts(out, "\033[1;32m");
    egaf_buf_putc(out, '^');
    for (unsigned i = 1; i < span && i < 200; i++)
        egaf_buf_putc(out, '~');
    if (color)
        egaf_buf_puts(out, C_RESET);
    egaf_buf_putc(out, '\n');
}

/* The severity word of the text report, in the reader's language ("lỗi"
 * with --lang vi). Machine formats keep egaf_severity_name's English. */
const char *egaf_report_severity_word(egaf_severity s)
{
    return egaf_report_severity_pick(s, _("error"), _("warning"), _("note"));
}

static void location(egaf_buf *out, const char *file, unsigned line, unsigned col, bool color)
{
    if (color)
        egaf_buf_puts(out, C_BOLD);
    if (file && line)
        egaf_buf_printf(out, "%s:%u:%u: ", file, line, col);
    else if (file)
        egaf_buf_printf(out, "%s: ", file);
    else
        egaf_buf_puts(out, "egaf: ");
    if (color)
        egaf_buf_puts(out, C_RESET);
}

void egaf_report_summary(egaf_buf *out, const egaf_diags *diags)
{
    egaf_diag_counts c = egaf_diags_counts(diags);
    size_t files = egaf_diags_files(diags);
    /* "N files checked: N errors, N warnings, N notes", each part with its
     * own plural form */
    egaf_buf_printf(out, P_("%zu file checked: ", "%zu files checked: ", files), files);
    egaf_buf_printf(out, P_("%zu error", "%zu errors", c.errors), c.errors);
    egaf_buf_puts(out, ", ");
    egaf_buf_printf(out, P_("%zu warning", "%zu warnings", c.warnings), c.warnings);
    egaf_buf_puts(out, ", ");
    egaf_buf_printf(out, P_("%zu note", "%zu notes", c.notes), c.notes);
    if (c.suppressed)
        egaf_buf_printf(out, _(", %zu waived"), c.suppressed);
    egaf_buf_putc(out, '\n');
}

void egaf_report_text(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt)
{
    bool color = opt && opt->color;
    egaf_buf path;
    egaf_buf_init(&path);
    size_t n = egaf_diags_count(diags);
    for (size_t i = 0; i < n; i++) {
        const egaf_finding *f = egaf_diags_at(diags, i);
        location(out, egaf_report_file(opt, f->file, &path), f->line, f->col, color);
        /* a waived finding is printed as a note, so editors and CI problem
         * matchers do not count it, and says what it was */
        egaf_severity shown = f->waiver ? EGAF_SEV_NOTE : f->severity;
        if (color)
            egaf_buf_puts(out, sev_color(shown));
        egaf_buf_puts(out, egaf_report_severity_word(shown));
        if (color)
            egaf_buf_puts(out, C_RESET);
        egaf_buf_printf(out, ": %s [%s]", f->message, f->rule);
        if (f->waiver)
            egaf_buf_printf(out, _(" (waived %s)"), egaf_report_severity_word(f->severity));
        egaf_buf_putc(out, '\n');
        quote(out, f->line, f->source_line, f->col, f->span, color);
        if (f->hint)
            egaf_buf_printf(out, _("   hint: %s\n"), f->hint);
        if (f->waiver)
            egaf_buf_printf(out, _("   waiver: %s\n"), f->waiver);
        for (size_t r = 0; r < f->nrelated; r++) {
            const egaf_related *rel = &f->related[r];
            location(out, egaf_report_file(opt, rel->file, &path), rel->line, rel->col, color);
            if (color)
                egaf_buf_puts(out, sev_color(EGAF_SEV_NOTE));
            egaf_buf_puts(out, egaf_report_severity_word(EGAF_SEV_NOTE));
            if (color)
                egaf_buf_puts(out, C_RESET);
            egaf_buf_printf(out, ": %s\n", rel->message);
            quote(out, rel->line, rel->source_line, rel->col, rel->span, color);
        }
    }
    if (path.failed)
        out->failed = true;
    egaf_buf_free(&path);
    if (!(opt && opt->quiet))
        egaf_report_summary(out, diags);
}
