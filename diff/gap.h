/* gap.h - the gap analysis of one model: what is to be built, changed,
 * retired and integrated to go from its current architecture to its target
 * (model/state.h), each item with the roadmap tasks that deliver it.
 *
 * The two states are compared with the diff engine (diff.h): elements added
 * in the target are built, removed ones retired; a planned element that
 * `replaces` a removed one is one changed item; an element the diff finds
 * changed otherwise (not only because its references follow a replacement)
 * is changed too; integrations added are integrated, integrations removed
 * (not only because an end was replaced) are retired.
 *
 * Items are in a fixed order (action, then kind, then id, then from/to), so
 * the same model gives the same bytes in every format.
 *
 * Ownership: egaf_gap_compute() copies what it keeps into the gap's arena;
 * egaf_gap_free() releases it. */
#ifndef EGAF_GAP_H
#define EGAF_GAP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "model/format.h"
#include "model/model.h"

typedef enum egaf_gap_action {
    EGAF_GAP_BUILD,
    EGAF_GAP_CHANGE,
    EGAF_GAP_RETIRE,
    EGAF_GAP_INTEGRATE,
    EGAF_GAP__COUNT
} egaf_gap_action;

typedef struct egaf_gap_item {
    egaf_gap_action action;
    egaf_kind kind;
    const char *id;          /* NULL for an integration without one */
    const char *name;        /* or NULL */
    const char *replaces;    /* CHANGE by replacement: the old element's id */
    const char *from, *to, *via; /* integrations */
    const char **tasks;      /* ids of the roadmap tasks that deliver it */
    size_t ntasks;
} egaf_gap_item;

typedef struct egaf_gap {
    egaf_arena *arena;
    const char *id;   /* the architecture's id */
    const char *name; /* its title, or NULL */
    const char *file; /* the model file, as named */
    size_t current_elements, target_elements; /* architecture elements in each state */
    egaf_gap_item *items;
    size_t nitems;
    size_t counts[EGAF_GAP__COUNT];
    size_t uncovered;
} egaf_gap;

/* NULL only when memory runs out. */
egaf_gap *egaf_gap_compute(const egaf_model *model);
void egaf_gap_free(egaf_gap *gap);

/* "to build", "to change"… in the reader's language (the text's headings,
 * the document's gap table). */
const char *egaf_gap_action_title(egaf_gap_action action);
/* "build", "change", "retire", "integrate" (JSON, and the text's keys). */
const char *egaf_gap_action_name(egaf_gap_action action);

typedef struct egaf_gap_write_options {
    const char *version; /* JSON's "version" */
} egaf_gap_write_options;

/* Writers; the shapes are documented in docs/en/gap.md. */
void egaf_gap_write_text(egaf_buf *out, const egaf_gap *gap, const egaf_gap_write_options *opt);
void egaf_gap_write_markdown(egaf_buf *out, const egaf_gap *gap,
                             const egaf_gap_write_options *opt);
void egaf_gap_write_json(egaf_buf *out, const egaf_gap *gap, const egaf_gap_write_options *opt);

#endif
