/* rules.h - the rule catalogue: every finding egaf can report has an entry
 * here, with a stable id, a default severity, a title, what it checks, why
 * (the legal basis where there is one), how to fix it and a small wrong/right
 * example. `egaf rules` and `egaf explain` print this table and
 * docs/rules.md is generated from it. */
#ifndef EGAF_RULES_H
#define EGAF_RULES_H

#include <stddef.h>

#include "base/diag.h"

typedef struct egaf_rule {
    const char *id;
    egaf_severity severity;
    const char *title;
    const char *checks; /* what it checks */
    const char *basis;  /* why: the instrument or the format's reason */
    const char *fix;    /* how to fix it */
    const char *wrong;  /* a small example that breaks it (YAML), or NULL */
    const char *right;  /* the same, fixed, or NULL */
} egaf_rule;

/* The catalogue, sorted by id. */
const egaf_rule *egaf_rules(size_t *count);
const egaf_rule *egaf_rule_find(const char *id);

#endif
