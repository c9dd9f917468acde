/* report.h - writing findings in the formats CI systems and people read.
 *
 * Each writer appends to an egaf_buf; the caller writes the buffer out (to a
 * file atomically, or to standard output) and checks the write. */
#ifndef EGAF_REPORT_H
#define EGAF_REPORT_H

#include <stdbool.h>

#include "base/buf.h"
#include "base/diag.h"

typedef enum egaf_report_format {
    EGAF_REPORT_TEXT,
    EGAF_REPORT_JSON,
    EGAF_REPORT_SARIF,
    EGAF_REPORT_JUNIT,
    EGAF_REPORT_GITHUB,
    EGAF_REPORT_GITLAB,
} egaf_report_format;

typedef struct egaf_report_options {
    bool color;   /* ANSI colours (text only) */
    bool quiet;   /* text: no summary line */
    const char *version;
} egaf_report_options;

/* Parses a --format name; -1 when unknown. */
int egaf_report_format_parse(const char *name, egaf_report_format *out);
const char *const *egaf_report_format_names(void);

void egaf_report_write(egaf_buf *out, const egaf_diags *diags, egaf_report_format format,
                       const egaf_report_options *opt);
/* The individual writers. */
void egaf_report_text(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt);
void egaf_report_json(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt);
/* "1 file, 2 errors, 1 warning, 0 notes" */
void egaf_report_summary(egaf_buf *out, const egaf_diags *diags);
/* SARIF 2.1.0 (report_sarif.c), JUnit XML (report_junit.c), GitHub workflow
 * commands (report_github.c), GitLab Code Quality JSON (report_gitlab.c). */
void egaf_report_sarif(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt);
void egaf_report_junit(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt);
void egaf_report_github(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt);
void egaf_report_gitlab(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt);

/* Fingerprints for SARIF and GitLab: FNV-1a 128 of the rule, the file and the
 * element (the message when there is none), never the line, so a finding
 * keeps its fingerprint when lines above it move. The n-th finding with the
 * same key (n > 1, in report order) has "#n" mixed in, so fingerprints are
 * unique within a report. Returns a malloc'd array of egaf_diags_count()
 * entries, or NULL when there are none or memory ran out. */
typedef struct egaf_fingerprint {
    char hex[33]; /* 32 lower-case hex digits */
} egaf_fingerprint;
egaf_fingerprint *egaf_report_fingerprints(const egaf_diags *diags);
/* FNV-1a 128 of len bytes, as 32 lower-case hex digits. */
void egaf_fnv1a128_hex(const void *data, size_t len, char out[33]);

#endif
