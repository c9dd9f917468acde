/* diag.h - findings: what a check found, where, and how to fix it.
 *
 * Every finding has a stable rule id (see rules.h), a severity, a position
 * (file, 1-based line and character column), a message, and optionally the
 * element it concerns, a hint, related positions ("first defined here") and a
 * waiver. A finding copies everything it needs (including the quoted source
 * line) into the list's own arena, so it outlives the model it came from.
 *
 * Ownership: egaf_diags_create() / egaf_diags_free(); findings and their
 * strings belong to the list. */
#ifndef EGAF_DIAG_H
#define EGAF_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/source.h"

typedef enum egaf_severity {
    EGAF_SEV_NOTE = 0,
    EGAF_SEV_WARNING = 1,
    EGAF_SEV_ERROR = 2,
    EGAF_SEV_OFF = 3, /* only in configuration: the rule is disabled */
} egaf_severity;

typedef struct egaf_related {
    const char *file;
    unsigned line, col, span;
    const char *source_line;
    const char *message;
} egaf_related;

typedef struct egaf_finding {
    const char *rule;
    egaf_severity severity;
    const char *file; /* NULL for findings about no file (a run-wide one) */
    unsigned line, col, span;
    const char *source_line; /* the quoted line, or NULL */
    const char *element;     /* "lang-son:cong-dvc", or NULL */
    const char *message;
    const char *hint;   /* or NULL */
    /* The text that replaces the marked span (line, col, span) to fix the
     * finding when the fix is unambiguous (a did-you-mean), or NULL. Editors
     * offer it as a quick fix. */
    const char *fix;
    /* When fix_line is not 0, fix is inserted at (fix_line, fix_col) of the
     * finding's file instead of replacing the marked span: a missing part
     * added where it belongs (the column may be one past the line's end). */
    unsigned fix_line, fix_col;
    const char *waiver; /* the waiver's reason when suppressed, else NULL */
    egaf_severity at_most; /* the highest severity it may have (a guess is never an error) */
    egaf_related *related;
    size_t nrelated;
    size_t seq; /* insertion order, the last sort key */
} egaf_finding;

typedef struct egaf_diag_counts {
    size_t errors, warnings, notes, suppressed;
} egaf_diag_counts;

typedef struct egaf_diags egaf_diags;

egaf_diags *egaf_diags_create(void);
void egaf_diags_free(egaf_diags *d);

/* Moves every finding of src to the end of d, in src's order, under d's
 * configuration (a rule d turns off is dropped, severities are d's), and
 * frees src. For lists filled apart (one per file loaded on its own thread)
 * and joined in a fixed order. */
void egaf_diags_absorb(egaf_diags *d, egaf_diags *src);

/* Configuration: turn a rule off or change its severity (EGAF_SEV_OFF
 * disables it). Returns -1 when rule names no rule of the catalogue. */
int egaf_diags_set_severity(egaf_diags *d, const char *rule, egaf_severity severity);

/* Adds a finding. mark may be NULL (no position). Returns NULL when the rule
 * is disabled or memory ran out: callers may then skip hints and notes. */
egaf_finding *egaf_diag(egaf_diags *d, const char *rule, const egaf_mark *mark,
                        const char *element, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Same, with an explicit file/line/column instead of a mark. */
egaf_finding *egaf_diag_at(egaf_diags *d, const char *rule, const char *file, unsigned line,
                           unsigned col, const char *element, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
void egaf_diag_hint(egaf_diags *d, egaf_finding *f, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Records the replacement text of f's marked span (see egaf_finding.fix). */
void egaf_diag_fix(egaf_diags *d, egaf_finding *f, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Records text to insert at line, col of f's file (see egaf_finding.fix_line). */
void egaf_diag_fix_insert(egaf_diags *d, egaf_finding *f, unsigned line, unsigned col,
                          const char *text);
void egaf_diag_related(egaf_diags *d, egaf_finding *f, const egaf_mark *mark, const char *fmt,
                       ...) __attribute__((format(printf, 4, 5)));
/* Adds to f's hint ("first; then"), or sets it when f has none. */
void egaf_diag_hint_append(egaf_diags *d, egaf_finding *f, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Lowers f to most when it is higher, for good: a configuration or a later
 * egaf_diags_absorb never raises it again. For a finding whose verdict rests
 * on a reference fact that is not confirmed. */
void egaf_diag_at_most(egaf_finding *f, egaf_severity most);
/* Marks f as waived with reason; it is listed but does not count. */
void egaf_diag_waive(egaf_diags *d, egaf_finding *f, const char *reason);

/* Sorts by file, line, column, then insertion order. */
void egaf_diags_sort(egaf_diags *d);
/* Removes, among the findings from index first on, those for which
 * drop(finding, arg) is true; the others keep their order. For findings that
 * follow from another one already reported ("one finding per mistake"). */
void egaf_diags_remove_if(egaf_diags *d, size_t first,
                          bool (*drop)(const egaf_finding *f, void *arg), void *arg);
/* Moves the finding added last to index position, the ones from there on a
 * place later: a finding decided after the others (a reference to another
 * model, resolved once every model is checked) stands where it was found. */
void egaf_diags_move_last(egaf_diags *d, size_t position);
size_t egaf_diags_count(const egaf_diags *d);
const egaf_finding *egaf_diags_at(const egaf_diags *d, size_t i);
egaf_diag_counts egaf_diags_counts(const egaf_diags *d);
/* The number of input files the run looked at (for summaries). */
void egaf_diags_add_files(egaf_diags *d, size_t n);
size_t egaf_diags_files(const egaf_diags *d);
/* True when memory ran out while recording a finding, or a check said it
 * ran out (egaf_diags_fail): the findings are then incomplete. */
bool egaf_diags_failed(const egaf_diags *d);
/* For a check that ran out of memory: marks the list failed rather than
 * reporting what the check could not see. */
void egaf_diags_fail(egaf_diags *d);

const char *egaf_severity_name(egaf_severity s);
/* Parses "error", "warning", "note", "off"; returns -1 when unknown. */
int egaf_severity_parse(const char *s, egaf_severity *out);

#endif
