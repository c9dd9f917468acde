/* check.h - what a check of one model sees. Each check is a small function
 * over this context that reports findings under its rule ids. */
#ifndef EGAF_CHECK_H
#define EGAF_CHECK_H

#include <stddef.h>

#include "model/model.h"
#include "model/refs.h"
#include "model/strmap.h"
#include "validator/diag.h"

typedef struct egaf_check_ctx {
    const egaf_model *model;
    const egaf_refs *refs; /* NULL when checking without reference models */
    egaf_diags *diags;
    const egaf_strmap *ids; /* id -> first egaf_element with it */
    const egaf_model *const *run; /* every model of this run, for ARCH:ID */
    size_t nrun;
    int year; /* the model's year, or 0 when unknown */
} egaf_check_ctx;

/* What a reference string names. */
typedef enum egaf_ref_scope {
    EGAF_REF_LOCAL,
    EGAF_REF_NATIONAL,
    EGAF_REF_OTHER_ARCH,
} egaf_ref_scope;

typedef struct egaf_ref {
    egaf_ref_scope scope;
    const char *arch; /* for OTHER_ARCH: the prefix */
    size_t arch_len;
    const char *id;   /* the part after the prefix */
} egaf_ref;

egaf_ref egaf_ref_parse(const char *text);

/* The element a local reference names, or NULL. */
const egaf_element *egaf_check_lookup(const egaf_check_ctx *ctx, const char *id);

/* The checks, each one a rule or a family of rules. */
void egaf_check_ids(egaf_check_ctx *ctx, const void *id_regex);
void egaf_check_references(egaf_check_ctx *ctx);

#endif
