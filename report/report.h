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
    bool werror;  /* junit: warnings fail their testcase (--werror) */
    /* Where the CI formats (SARIF, GitHub, GitLab) make file paths relative
     * to: base_dir (--base, else the current folder), both absolute and
     * set by egaf_report_resolve_base. NULL: paths are taken as given,
     * relative to the base. */
    char *work_dir;
    char *base_dir;
    bool base_absolute; /* --base was given as an absolute path: SARIF names it */
    bool base_given;    /* --base was given: text, JSON and JUnit name files from it too */
} egaf_report_options;

/* Where CI systems find the project and its rule documentation: every rule
 * links to its section of docs/rules.md under this address. One place, so a
 * fork or a mirror changes it here (or with -DEGAF_HOME_URL=...). */
#ifndef EGAF_HOME_URL
#define EGAF_HOME_URL "https://github.com/egaf-vn/egaf"
#endif
#define EGAF_RULES_DOC_URL EGAF_HOME_URL "/blob/main/docs/rules.md"

/* Appends the address of a rule's section of docs/rules.md: GitHub's anchor
 * for "## `ID`" (lower case, '.' dropped), as `egaf rules --format markdown`
 * links it. SARIF's helpUri and the editor's diagnostics both link it. */
void egaf_report_rule_uri(egaf_buf *out, const char *id);

/* Fills opt->work_dir (the current folder) and opt->base_dir (base made
 * absolute, without symbolic links; the current folder when base is NULL).
 * Returns 0, or -1 with errno set when a folder cannot be resolved (base
 * missing, not a folder); opt is then unchanged. Free with
 * egaf_report_release_base. */
int egaf_report_resolve_base(egaf_report_options *opt, const char *base);
void egaf_report_release_base(egaf_report_options *opt);

/* Appends file as the CI formats name it: relative to the base (".."
 * segments where the file is outside it, "." and ".." of the path itself
 * resolved), or absolute when the file was given as an absolute path outside
 * the base. Returns true when the path written is relative to the base. */
bool egaf_report_path(egaf_buf *out, const egaf_report_options *opt, const char *file);

/* A file as the text, JSON and JUnit formats name it: as given, or, when
 * --base was given, as egaf_report_path writes it (into scratch, which the
 * result points into until scratch is next used). file may be NULL. */
const char *egaf_report_file(const egaf_report_options *opt, const char *file,
                             egaf_buf *scratch);

/* A severity as the reader's language says it ("lỗi", "cảnh báo", "lưu ý"
 * with --lang vi); the machine formats keep egaf_severity_name's English. */
const char *egaf_report_severity_word(egaf_severity s);
/* Of a format's three words for the severities, the one for s: error's,
 * warning's, or the note's (a note, or any other level). */
const char *egaf_report_severity_pick(egaf_severity s, const char *error, const char *warning,
                                      const char *note);

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
