/* diff.h - what changed between two versions of a model, or two sets of
 * models (two national editions): a semantic comparison, not a text diff.
 *
 * Architectures are matched by id (two single files are paired whatever
 * their ids). Within a pair:
 *   - elements are matched by (kind, id); an added element whose fields all
 *     equal those of a removed element of the same kind, id apart, carries a
 *     "possibly renamed from" note;
 *   - a changed element lists the fields that changed: scalars with their old
 *     and new values, lists compared as sets (order and duplicates ignored)
 *     with the items added and removed;
 *   - relations are compared as sets: integrations keyed by (from, to, via),
 *     and the reference lists uses, hosted-on, sources, connects, serves,
 *     protects, delivers (from the element holding the list to each item).
 *     Those lists are reported as relations only, never as element fields.
 *     A matched integration whose other fields changed is a changed relation;
 *   - header changes (framework, agency, year, …);
 *   - findings introduced and fixed, compared by (rule, element, message),
 *     never by position, so moving lines changes nothing.
 * An architecture only on one side is added or removed as a whole, counted
 * but not listed element by element; with the reference models, a removed
 * architecture whose agency's successor is a new architecture's agency is
 * reported as merged into it (provinces merged on 1/7/2025).
 *
 * Every list is in a fixed order (architectures by id, elements by kind then
 * id, relations by type, from, to, via, findings by rule, element, message),
 * so the same inputs give the same bytes in every format.
 *
 * Ownership: egaf_diff_compute() copies every string it keeps into the diff's
 * arena; the models and findings may be freed afterwards. egaf_diff_free()
 * releases it. */
#ifndef EGAF_DIFF_H
#define EGAF_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "model/format.h"
#include "model/model.h"
#include "refs/refs.h"
#include "base/diag.h"

typedef enum egaf_diff_status {
    EGAF_DIFF_UNCHANGED,
    EGAF_DIFF_ADDED,   /* findings: introduced */
    EGAF_DIFF_REMOVED, /* findings: fixed */
    EGAF_DIFF_CHANGED,
} egaf_diff_status;

typedef struct egaf_diff_field {
    const char *field; /* the key as written: "security-level", "framework" */
    bool list;
    const char *old_value, *new_value; /* scalars; NULL when absent */
    const char **added, **removed;     /* lists: items, sorted */
    size_t nadded, nremoved;
} egaf_diff_field;

typedef struct egaf_diff_element {
    egaf_diff_status status;
    egaf_kind kind;
    const char *id;
    const char *name;         /* the new name (the old one when removed), or NULL */
    const char *renamed_from; /* added: the id of a removed look-alike, or NULL */
    egaf_diff_field *fields;  /* changed: what changed */
    size_t nfields;
} egaf_diff_element;

typedef struct egaf_diff_relation {
    egaf_diff_status status;
    const char *type;          /* "integration", "relation" (between units), "uses", … */
    const char *from, *to;     /* from: a local id; to: as written, own prefix removed */
    const char *via;           /* integrations: the platform, or NULL */
    const char *id;            /* integrations and relations: their id, or NULL */
    egaf_diff_field *fields;   /* changed integrations and relations */
    size_t nfields;
} egaf_diff_relation;

typedef struct egaf_diff_finding {
    egaf_diff_status status; /* ADDED: introduced; REMOVED: fixed */
    const char *rule;
    const char *severity;
    const char *element; /* or NULL */
    const char *message;
    const char *file;    /* on the side it is found on, or NULL */
    unsigned line, col;
} egaf_diff_finding;

typedef struct egaf_diff_counts {
    size_t elements_added, elements_removed, elements_changed;
    size_t relations_added, relations_removed, relations_changed;
    size_t findings_introduced, findings_fixed;
    size_t header_changed;
} egaf_diff_counts;

typedef struct egaf_diff_arch {
    const char *id;
    egaf_diff_status status;
    const char *name;               /* the architecture's title (new side first) */
    const char *old_file, *new_file; /* NULL on the side it is missing from */
    const char **merged_into;       /* removed: new architectures succeeding it */
    size_t nmerged_into;
    const char **merged_from;       /* old architectures merged into this one */
    size_t nmerged_from;
    egaf_diff_field *header;
    size_t nheader;
    egaf_diff_element *elements;
    size_t nelements;
    egaf_diff_relation *relations;
    size_t nrelations;
    egaf_diff_finding *findings;
    size_t nfindings;
    egaf_diff_counts counts;
} egaf_diff_arch;

typedef struct egaf_diff {
    egaf_arena *arena;
    const char *old_label, *new_label;
    egaf_diff_arch *archs;
    size_t narchs;
    size_t archs_added, archs_removed, archs_changed, archs_unchanged;
    egaf_diff_counts total;
} egaf_diff;

/* One side of the comparison. */
typedef struct egaf_diff_side {
    egaf_model *const *models;
    size_t nmodels;
    const egaf_diags *diags; /* the side's findings (load and validate), or NULL */
    const char *label;       /* what the user named: "git:HEAD:m.yaml", "models/" */
    /* File names starting with strip_prefix are shown with show_prefix
     * instead (a git revision read into a temporary folder); NULL: as is. */
    const char *strip_prefix, *show_prefix;
} egaf_diff_side;

typedef struct egaf_diff_options {
    bool pair_single;       /* one model on each side: compare them whatever their ids */
    const egaf_refs *refs;  /* for merged agencies, or NULL */
} egaf_diff_options;

/* Returns NULL only when memory runs out. */
egaf_diff *egaf_diff_compute(const egaf_diff_side *old_side, const egaf_diff_side *new_side,
                             const egaf_diff_options *options);
void egaf_diff_free(egaf_diff *diff);

/* --fail-on: which kinds of difference make the command exit 1. */
enum {
    EGAF_DIFF_FAIL_ADDED = 1,   /* architectures, elements or relations added */
    EGAF_DIFF_FAIL_REMOVED = 2, /* … removed */
    EGAF_DIFF_FAIL_CHANGED = 4, /* elements, integrations or headers changed */
    EGAF_DIFF_FAIL_FINDINGS = 8, /* findings introduced or fixed */
    EGAF_DIFF_FAIL_ANY = 15,
};
/* Parses "added", "removed", "changed", "any", or a comma-separated list of
 * them, into a mask; -1 when a word is unknown. */
int egaf_diff_fail_parse(const char *s, unsigned *mask);
bool egaf_diff_fails(const egaf_diff *diff, unsigned mask);

/* Whether a reference field of kind is compared as relations (one per
 * reference, listed with the integrations) rather than as a field of the
 * element: `uses`, `hosted-on`, `lead`, `depends-on`, … (render's diff
 * view, which marks relations on the diagrams, should ask this rather than
 * keep a list of its own). */
bool egaf_diff_relation_field(egaf_kind kind, egaf_field field);

/* The kind's name in output ("application", "roadmap"). */
const char *egaf_diff_kind_name(egaf_kind kind);
const char *egaf_diff_status_name(egaf_diff_status status);

typedef struct egaf_diff_write_options {
    const char *version;  /* JSON's "version" */
    size_t max_items;     /* Markdown: items listed per architecture (0: all) */
} egaf_diff_write_options;

/* Writers; the shapes are documented in docs/diff.md. */
void egaf_diff_write_text(egaf_buf *out, const egaf_diff *diff,
                          const egaf_diff_write_options *opt);
void egaf_diff_write_markdown(egaf_buf *out, const egaf_diff *diff,
                              const egaf_diff_write_options *opt);
void egaf_diff_write_json(egaf_buf *out, const egaf_diff *diff,
                          const egaf_diff_write_options *opt);
/* Markdown text: Markdown and HTML special characters escaped, line breaks
 * as spaces, control characters dropped. */
void egaf_buf_markdown_text(egaf_buf *out, const char *s);
/* A writer of model text into one format (egaf_buf_one_line,
 * egaf_buf_markdown_text). */
typedef void (*egaf_text_writer)(egaf_buf *out, const char *s);
/* before, s written by put, then after; nothing when s is NULL (an
 * optional name in brackets and the like). */
void egaf_diff_write_optional(egaf_buf *out, const char *before, const char *s, const char *after,
                              egaf_text_writer put);
/* "from → to", then " via X" when via is set; put writes the names. The
 * relations of a diff, the integrations of a gap and a diff's "old → new"
 * title read alike. */
void egaf_diff_write_route(egaf_buf *out, const char *from, const char *to, const char *via,
                           egaf_text_writer put);
/* An element as JSON members: `"kind": …, "id": …, "name": …`. */
void egaf_diff_write_element_json(egaf_buf *out, egaf_kind kind, const char *id,
                                  const char *name);
/* A route as JSON members: `, "from": …, "to": …, "via": …` (null when
 * not set). */
void egaf_diff_write_route_json(egaf_buf *out, const char *from, const char *to,
                                const char *via);

#endif
