/* validate_util.h - for the unit tests that validate a model given as text:
 * load it from memory (named m.yaml), run every check against the reference
 * models given, and print the findings when an assertion is about to fail. */
#ifndef EGAF_VALIDATE_UTIL_H
#define EGAF_VALIDATE_UTIL_H

#include "tests/unit/testutil.h"

#include "model/model.h"
#include "refs/refs.h"
#include "validator/validate.h"

/* The sorted findings of validating text; the caller frees them. */
static inline egaf_diags *validate_text(const char *text, const egaf_refs *with)
{
    egaf_diags *d = egaf_diags_create();
    egaf_model *m = egaf_model_load_memory("m.yaml", text, strlen(text), NULL, d);
    assert_non_null(m);
    egaf_validator *v = egaf_validator_create(with);
    egaf_validate(v, &m, 1, d);
    egaf_validator_free(v);
    egaf_model_free(m);
    egaf_diags_sort(d);
    return d;
}

#endif
