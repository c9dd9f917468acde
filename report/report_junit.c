/* report_junit.c - JUnit XML, for CI systems that show test reports.
 *
 * <testsuites> holds one <testsuite> per file with findings (name = the
 * path), in report order, and a last testsuite "egaf" with the run's counts.
 * Each finding is a <testcase> whose classname is the rule and whose name is
 * the element (or "file:line:col" when the finding names none):
 *   - errors and warnings fail, <failure message=MESSAGE type=SEVERITY>,
 *     the gcc-style line, the hint and related positions as its text;
 *   - notes pass, with the same text as <system-out>;
 *   - waived findings are <skipped message="waived: REASON">.
 * The findings list does not say which files were checked without a
 * finding, so those get no testsuite of their own: the "egaf" testsuite
 * holds the findings about no file and a passing testcase "no findings"
 * (or "summary" when there are some) whose <system-out> is the summary line
 * ("3 files checked: 1 error, ..."). */
#include <string.h>

#include "base/i18n.h"
#include "report/report.h"

typedef struct counts {
    size_t tests, failures, skipped;
} counts;

static bool same_file(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static void count(const egaf_finding *f, counts *c)
{
    c->tests++;
    if (f->waiver)
        c->skipped++;
    else if (f->severity != EGAF_SEV_NOTE)
        c->failures++;
}

static void attr(egaf_buf *out, const char *name, const char *value)
{
    egaf_buf_printf(out, " %s=\"", name);
    egaf_buf_xml_text(out, value);
    egaf_buf_putc(out, '"');
}

/* The body: "file:line:col: severity: message [rule]", hint, related. */
static void details(egaf_buf *out, const egaf_finding *f)
{
    egaf_buf b;
    egaf_buf_init(&b);
    if (f->file && f->line)
        egaf_buf_printf(&b, "%s:%u:%u: ", f->file, f->line, f->col);
    else if (f->file)
        egaf_buf_printf(&b, "%s: ", f->file);
    egaf_buf_printf(&b, "%s: %s [%s]", egaf_severity_name(f->severity), f->message, f->rule);
    if (f->hint)
        egaf_buf_printf(&b, _("\nhint: %s"), f->hint);
    for (size_t r = 0; r < f->nrelated; r++) {
        const egaf_related *rel = &f->related[r];
        egaf_buf_printf(&b, "\n%s:%u:%u: note: %s", rel->file, rel->line, rel->col,
                        rel->message ? rel->message : "");
    }
    if (b.failed)
        out->failed = true;
    else
        egaf_buf_xml_text(out, b.data);
    egaf_buf_free(&b);
}

static void testcase(egaf_buf *out, const egaf_finding *f)
{
    egaf_buf_puts(out, "    <testcase");
    attr(out, "classname", f->rule);
    if (f->element) {
        attr(out, "name", f->element);
    } else {
        egaf_buf name;
        egaf_buf_init(&name);
        if (f->file)
            egaf_buf_printf(&name, "%s:%u:%u", f->file, f->line, f->col);
        else
            egaf_buf_puts(&name, "egaf");
        if (name.failed)
            out->failed = true;
        else
            attr(out, "name", name.data);
        egaf_buf_free(&name);
    }
    if (f->file) {
        attr(out, "file", f->file);
        if (f->line)
            egaf_buf_printf(out, " line=\"%u\"", f->line);
    }
    egaf_buf_puts(out, ">\n");
    if (f->waiver) {
        egaf_buf_puts(out, "      <skipped message=\"waived: ");
        egaf_buf_xml_text(out, f->waiver);
        egaf_buf_puts(out, "\"/>\n      <system-out>");
        details(out, f);
        egaf_buf_puts(out, "</system-out>\n");
    } else if (f->severity == EGAF_SEV_NOTE) {
        egaf_buf_puts(out, "      <system-out>");
        details(out, f);
        egaf_buf_puts(out, "</system-out>\n");
    } else {
        egaf_buf_puts(out, "      <failure");
        attr(out, "message", f->message);
        attr(out, "type", egaf_severity_name(f->severity));
        egaf_buf_putc(out, '>');
        details(out, f);
        egaf_buf_puts(out, "</failure>\n");
    }
    egaf_buf_puts(out, "    </testcase>\n");
}

static void suite_open(egaf_buf *out, const char *name, const counts *c)
{
    egaf_buf_puts(out, "  <testsuite");
    attr(out, "name", name);
    egaf_buf_printf(out, " tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n",
                    c->tests, c->failures, c->skipped);
}

void egaf_report_junit(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt)
{
    (void)opt;
    size_t n = egaf_diags_count(diags);
    counts total = {1, 0, 0}; /* the summary testcase */
    for (size_t i = 0; i < n; i++)
        count(egaf_diags_at(diags, i), &total);
    egaf_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"egaf\"");
    egaf_buf_printf(out, " tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n",
                    total.tests, total.failures, total.skipped);

    /* Findings are sorted by file, so each file's findings are adjacent;
     * those about no file go to the "egaf" testsuite. */
    for (size_t i = 0; i < n;) {
        const char *file = egaf_diags_at(diags, i)->file;
        if (!file) {
            i++;
            continue;
        }
        size_t end = i;
        counts c = {0, 0, 0};
        while (end < n && same_file(egaf_diags_at(diags, end)->file, file))
            count(egaf_diags_at(diags, end++), &c);
        suite_open(out, file, &c);
        for (; i < end; i++)
            testcase(out, egaf_diags_at(diags, i));
        egaf_buf_puts(out, "  </testsuite>\n");
    }

    counts c = {1, 0, 0};
    for (size_t i = 0; i < n; i++)
        if (!egaf_diags_at(diags, i)->file)
            count(egaf_diags_at(diags, i), &c);
    suite_open(out, "egaf", &c);
    for (size_t i = 0; i < n; i++)
        if (!egaf_diags_at(diags, i)->file)
            testcase(out, egaf_diags_at(diags, i));
    egaf_buf_puts(out, "    <testcase classname=\"egaf\"");
    attr(out, "name", n ? "summary" : "no findings");
    egaf_buf_puts(out, ">\n      <system-out>");
    egaf_buf summary;
    egaf_buf_init(&summary);
    egaf_report_summary(&summary, diags);
    if (summary.failed)
        out->failed = true;
    else
        egaf_buf_xml_text(out, summary.data);
    egaf_buf_free(&summary);
    egaf_buf_puts(out, "</system-out>\n    </testcase>\n  </testsuite>\n</testsuites>\n");
}
