/* report_github.c - GitHub Actions workflow commands, one line per finding:
 *
 *   ::error file=F,line=L,col=C,endColumn=E,title=RULE::MESSAGE
 *
 * The runner turns them into annotations on the pull request. Errors are
 * ::error, warnings ::warning, notes ::notice; a waived finding is a
 * ::notice whose message ends with "(waived: REASON)". The hint follows the
 * message on a second line, then each related position ("F:L:C: first
 * defined here") on a line of its own. endColumn is inclusive (the last column of the
 * marked text) and only given when the mark is wider than one character.
 * A summary line that is not a command ends the output (not with --quiet).
 * file= is relative to the base (egaf_report_path: --base, else the current
 * folder), as the runner resolves it against the repository root. */
#include "base/i18n.h"
#include "report/report.h"

/* Data (the message): %, CR and LF are escaped. Properties (file, title):
 * also ':' and ',', which separate properties. The runner undoes exactly
 * these (actions/runner's ActionCommand unescaping), so a name or message
 * comes back byte for byte. Other control characters have no escape, and
 * the log view acts on ESC sequences (colours, erasing): they are shown as
 * their pictures (U+2400 + code, U+2421 for DEL), as in JUnit. */
static void escape(egaf_buf *out, const char *s, bool property)
{
    static const char *const data_escapes[128] = {['%'] = "%25", ['\r'] = "%0D", ['\n'] = "%0A"};
    static const char *const property_escapes[128] = {
        ['%'] = "%25", ['\r'] = "%0D", ['\n'] = "%0A", [':'] = "%3A", [','] = "%2C",
    };
    const char *const *escapes = property ? property_escapes : data_escapes;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 128 && escapes[c])
            egaf_buf_puts(out, escapes[c]);
        else if ((c < 0x20 && c != '\t') || c == 0x7F)
            egaf_buf_control_picture(out, c);
        else
            egaf_buf_putc(out, (char)c);
    }
}

static const char *command(const egaf_finding *f)
{
    if (f->waiver)
        return "notice";
    return egaf_report_severity_pick(f->severity, "error", "warning", "notice");
}

void egaf_report_github(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt)
{
    size_t n = egaf_diags_count(diags);
    for (size_t i = 0; i < n; i++) {
        const egaf_finding *f = egaf_diags_at(diags, i);
        egaf_buf_printf(out, "::%s ", command(f));
        if (f->file) {
            egaf_buf path;
            egaf_buf_init(&path);
            egaf_report_path(&path, opt, f->file);
            egaf_buf_puts(out, "file=");
            if (path.failed)
                out->failed = true;
            else
                escape(out, path.data, true);
            egaf_buf_free(&path);
            if (f->line) {
                egaf_buf_printf(out, ",line=%u", f->line);
                if (f->col)
                    egaf_buf_printf(out, ",col=%u", f->col);
                if (f->col && f->span > 1)
                    egaf_buf_printf(out, ",endColumn=%u", f->col + f->span - 1);
            }
            egaf_buf_putc(out, ',');
        }
        egaf_buf_puts(out, "title=");
        escape(out, f->rule, true);
        egaf_buf_puts(out, "::");
        escape(out, f->message, false);
        if (f->waiver) {
            egaf_buf_puts(out, " (waived: ");
            escape(out, f->waiver, false);
            egaf_buf_putc(out, ')');
        }
        if (f->hint) {
            egaf_buf_puts(out, "%0A");
            egaf_buf_puts(out, _("hint: "));
            escape(out, f->hint, false);
        }
        for (size_t r = 0; r < f->nrelated; r++) {
            const egaf_related *rel = &f->related[r];
            egaf_buf_puts(out, "%0A");
            escape(out, rel->file, false);
            egaf_buf_printf(out, ":%u:%u: ", rel->line, rel->col);
            escape(out, rel->message ? rel->message : "", false);
        }
        egaf_buf_putc(out, '\n');
    }
    if (!(opt && opt->quiet))
        egaf_report_summary(out, diags);
}
