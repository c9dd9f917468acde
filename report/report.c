/* report.c - the formats by name, and the one entry that writes findings in
 * any of them. The writers share helpers (report_text.c's summary,
 * report_path.c's paths) but never call back into this dispatcher, so the
 * calls inside the folder point one way. */
#include <string.h>

#include "report/report.h"

static const char *const format_names[] = {"text", "json", "sarif", "junit", "github", "gitlab",
                                           NULL};

const char *const *egaf_report_format_names(void)
{
    return format_names;
}

int egaf_report_format_parse(const char *name, egaf_report_format *out)
{
    for (int i = 0; format_names[i]; i++)
        if (strcmp(format_names[i], name) == 0) {
            *out = (egaf_report_format)i;
            return 0;
        }
    return -1;
}

/* The writer of each format, in egaf_report_format's order. */
static void (*const writers[])(egaf_buf *, const egaf_diags *, const egaf_report_options *) = {
    [EGAF_REPORT_TEXT] = egaf_report_text,     [EGAF_REPORT_JSON] = egaf_report_json,
    [EGAF_REPORT_SARIF] = egaf_report_sarif,   [EGAF_REPORT_JUNIT] = egaf_report_junit,
    [EGAF_REPORT_GITHUB] = egaf_report_github, [EGAF_REPORT_GITLAB] = egaf_report_gitlab,
};

void egaf_report_write(egaf_buf *out, const egaf_diags *diags, egaf_report_format format,
                       const egaf_report_options *opt)
{
    if ((unsigned)format < sizeof writers / sizeof writers[0])
        writers[format](out, diags, opt);
}
