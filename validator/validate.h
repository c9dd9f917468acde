/* validate.h - running every check over the models of one run.
 *
 * Ownership: egaf_validator_create() / egaf_validator_free(). The validator
 * keeps a pointer to refs, which must outlive it. */
#ifndef EGAF_VALIDATE_H
#define EGAF_VALIDATE_H

#include <stddef.h>

#include "model/model.h"
#include "refs/refs.h"
#include "base/diag.h"

typedef struct egaf_validator egaf_validator;

egaf_validator *egaf_validator_create(const egaf_refs *refs);
void egaf_validator_free(egaf_validator *v);
/* Checks each model, and references between them; applies waivers. */
void egaf_validate(egaf_validator *v, egaf_model *const *models, size_t n, egaf_diags *diags);
/* The cross-model checks of a consolidation (cross.* rules, check_cross.c):
 * the models of the run against each other and against the agencies,
 * national systems and databases of the reference models as of year. Run
 * after egaf_validate() over the same models. refs may be NULL (only the
 * checks that need no reference data run). */
void egaf_validate_cross(const egaf_refs *refs, egaf_model *const *models, size_t n, int year,
                         egaf_diags *diags);

#endif
