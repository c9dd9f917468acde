/* report_junit.c - JUnit XML, for CI systems that show test reports.
 *
 * Valid against the Jenkins xUnit plugin's junit-10.xsd
 * (tests/data/junit/), which GitLab, Jenkins and the GitHub test-report
 * actions read. <testsuites> holds one <testsuite> per file with findings
 * (name and file = the path), in report order, and a last testsuite "egaf"
 * with the run's counts as <properties>. Each finding is a <testcase> whose
 * classname is the rule and whose name is the element (or "file:line:col"
 * when the finding names none):
 *   - errors fail: <failure message=MESSAGE type="error">, the gcc-style
 *     line, the hint and related positions as its text;
 *   - warnings and notes pass, with the same text as <system-out>, so a run
 *     that exits 0 shows no failed test; with --werror warnings fail too,
 *     as the exit status does;
 *   - waived findings are <skipped message="waived: REASON">.
 * The schema has no file or line on a testcase (the position is in the
 * name and the text) and no skipped count on <testsuites>.
 *
 * Text is escaped for XML 1.0 so a reader gets back what was written: a
 * newline inside an attribute is &#10; (a raw one is read back as a space),
 * CR is &#13; everywhere, a tab in an attribute &#9;. The other control
 * characters cannot appear in XML 1.0 at all, not even as references; they
 * are replaced by their visible pictures (U+2400 + code, U+2421 for DEL),
 * invalid UTF-8 and U+FFFE/U+FFFF by U+FFFD, never dropped.
 *
 * The findings list does not say which files were checked without a
 * finding, so those get no testsuite of their own: the "egaf" testsuite
 * holds the findings about no file and a passing testcase "no findings"
 * (or "summary" when there are some) whose <system-out> is the summary line
 * ("3 files checked: 1 error, ..."). */
#include <stdint.h>
#include <string.h>

#include "base/i18n.h"
#include "base/utf8.h"
#include "report/report.h"

typedef struct counts {
    size_t tests, failures, skipped;
} counts;

static bool same_file(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static bool fails(const egaf_finding *f, const egaf_report_options *opt)
{
    return !f->waiver && (f->severity == EGAF_SEV_ERROR ||
                          (f->severity == EGAF_SEV_WARNING && opt && opt->werror));
}

static void count(const egaf_finding *f, const egaf_report_options *opt, counts *c)
{
    c->tests++;
    if (f->waiver)
        c->skipped++;
    else if (fails(f, opt))
        c->failures++;
}

/* XML text (attribute: inside double quotes) that reads back as s. */
static void xml_escape(egaf_buf *out, const char *s, bool attribute)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        unsigned char c = *p;
        if (c >= 0x80) {
            /* XML 1.0 allows every well-formed character but U+FFFE, U+FFFF */
            int32_t cp;
            size_t n = egaf_utf8_decode_str((const char *)p, &cp);
            if (n && cp != 0xFFFE && cp != 0xFFFF)
                egaf_buf_add(out, (const char *)p, n);
            else
                egaf_buf_puts(out, "\xEF\xBF\xBD"); /* U+FFFD */
            p += n ? n : 1;
            continue;
        }
        p++;
        const char *entity = egaf_xml_entity(c);
        if (entity) {
            egaf_buf_puts(out, entity);
            continue;
        }
        switch (c) {
        case '\r':
            egaf_buf_puts(out, "&#13;");
            break;
        case '\n':
            egaf_buf_puts(out, attribute ? "&#10;" : "\n");
            break;
        case '\t':
            egaf_buf_puts(out, attribute ? "&#9;" : "\t");
            break;
        default:
            if (c < 0x20 || c == 0x7F)
                egaf_buf_control_picture(out, c);
            else
                egaf_buf_putc(out, (char)c);
        }
    }
}

static void attr(egaf_buf *out, const char *name, const char *value)
{
    egaf_buf_printf(out, " %s=\"", name);
    xml_escape(out, value, true);
    egaf_buf_putc(out, '"');
}

/* The body: "file:line:col: severity: message [rule]", hint, related. */
static void details(egaf_buf *out, const egaf_finding *f, const egaf_report_options *opt)
{
    egaf_buf b, path;
    egaf_buf_init(&b);
    egaf_buf_init(&path);
    const char *file = egaf_report_file(opt, f->file, &path);
    if (file && f->line)
        egaf_buf_printf(&b, "%s:%u:%u: ", file, f->line, f->col);
    else if (file)
        egaf_buf_printf(&b, "%s: ", file);
    egaf_buf_printf(&b, "%s: %s [%s]", egaf_severity_name(f->severity), f->message, f->rule);
    if (f->hint)
        egaf_buf_printf(&b, _("\nhint: %s"), f->hint);
    for (size_t r = 0; r < f->nrelated; r++) {
        const egaf_related *rel = &f->related[r];
        egaf_buf_printf(&b, "\n%s:%u:%u: note: %s", egaf_report_file(opt, rel->file, &path),
                        rel->line, rel->col, rel->message ? rel->message : "");
    }
    if (b.failed || path.failed)
        out->failed = true;
    else
        xml_escape(out, b.data, false);
    egaf_buf_free(&b);
    egaf_buf_free(&path);
}

static void testcase(egaf_buf *out, const egaf_finding *f, const egaf_report_options *opt)
{
    egaf_buf_puts(out, "    <testcase");
    attr(out, "classname", f->rule);
    if (f->element) {
        attr(out, "name", f->element);
    } else {
        egaf_buf name;
        egaf_buf_init(&name);
        egaf_buf path;
        egaf_buf_init(&path);
        if (f->file)
            egaf_buf_printf(&name, "%s:%u:%u", egaf_report_file(opt, f->file, &path), f->line,
                            f->col);
        else
            egaf_buf_puts(&name, "egaf");
        if (name.failed || path.failed)
            out->failed = true;
        else
            attr(out, "name", name.data);
        egaf_buf_free(&name);
        egaf_buf_free(&path);
    }
    egaf_buf_puts(out, ">\n");
    if (f->waiver) {
        egaf_buf_puts(out, "      <skipped message=\"waived: ");
        xml_escape(out, f->waiver, true);
        egaf_buf_puts(out, "\"/>\n      <system-out>");
        details(out, f, opt);
        egaf_buf_puts(out, "</system-out>\n");
    } else if (!fails(f, opt)) {
        egaf_buf_puts(out, "      <system-out>");
        details(out, f, opt);
        egaf_buf_puts(out, "</system-out>\n");
    } else {
        egaf_buf_puts(out, "      <failure");
        attr(out, "message", f->message);
        attr(out, "type", egaf_severity_name(f->severity));
        egaf_buf_putc(out, '>');
        details(out, f, opt);
        egaf_buf_puts(out, "</failure>\n");
    }
    egaf_buf_puts(out, "    </testcase>\n");
}

static void suite_open(egaf_buf *out, const char *name, const char *file, const counts *c)
{
    egaf_buf_puts(out, "  <testsuite");
    attr(out, "name", name);
    if (file)
        attr(out, "file", file);
    egaf_buf_printf(out, " tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n",
                    c->tests, c->failures, c->skipped);
}

/* The run's counts, which the per-testcase results do not carry (warnings
 * and notes pass): errors, warnings, notes, waived, files, the version. */
static void properties(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt)
{
    egaf_diag_counts c = egaf_diags_counts(diags);
    egaf_buf_puts(out, "    <properties>\n");
    const struct {
        const char *name;
        size_t value;
    } rows[] = {{"errors", c.errors},   {"warnings", c.warnings},
                {"notes", c.notes},     {"waived", c.suppressed},
                {"files", egaf_diags_files(diags)}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        egaf_buf_printf(out, "      <property name=\"%s\" value=\"%zu\"/>\n", rows[i].name,
                        rows[i].value);
    egaf_buf_puts(out, "      <property name=\"egaf.version\"");
    attr(out, "value", opt && opt->version ? opt->version : "");
    egaf_buf_printf(out, "/>\n      <property name=\"werror\" value=\"%s\"/>\n",
                    opt && opt->werror ? "true" : "false");
    egaf_buf_puts(out, "    </properties>\n");
}

void egaf_report_junit(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt)
{
    size_t n = egaf_diags_count(diags);
    counts total = {1, 0, 0}; /* the summary testcase */
    for (size_t i = 0; i < n; i++)
        count(egaf_diags_at(diags, i), opt, &total);
    egaf_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"egaf\"");
    egaf_buf_printf(out, " tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n", total.tests,
                    total.failures);

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
            count(egaf_diags_at(diags, end++), opt, &c);
        egaf_buf path;
        egaf_buf_init(&path);
        const char *shown = egaf_report_file(opt, file, &path);
        if (path.failed)
            out->failed = true;
        suite_open(out, shown, shown, &c);
        egaf_buf_free(&path);
        for (; i < end; i++)
            testcase(out, egaf_diags_at(diags, i), opt);
        egaf_buf_puts(out, "  </testsuite>\n");
    }

    counts c = {1, 0, 0};
    for (size_t i = 0; i < n; i++)
        if (!egaf_diags_at(diags, i)->file)
            count(egaf_diags_at(diags, i), opt, &c);
    suite_open(out, "egaf", NULL, &c);
    properties(out, diags, opt);
    for (size_t i = 0; i < n; i++)
        if (!egaf_diags_at(diags, i)->file)
            testcase(out, egaf_diags_at(diags, i), opt);
    egaf_buf_puts(out, "    <testcase classname=\"egaf\"");
    attr(out, "name", n ? "summary" : "no findings");
    egaf_buf_puts(out, ">\n      <system-out>");
    egaf_buf summary;
    egaf_buf_init(&summary);
    egaf_report_summary(&summary, diags);
    if (summary.failed)
        out->failed = true;
    else
        xml_escape(out, summary.data, false);
    egaf_buf_free(&summary);
    egaf_buf_puts(out, "</system-out>\n    </testcase>\n  </testsuite>\n</testsuites>\n");
}
