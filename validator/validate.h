/* validate.h - running every check over the models of one run.
 *
 * Ownership: egaf_validator_create() / egaf_validator_free(). The validator
 * keeps a pointer to refs, which must outlive it. */
#ifndef EGAF_VALIDATE_H
#define EGAF_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "refs/refs.h"
#include "base/diag.h"

typedef struct egaf_validator egaf_validator;

egaf_validator *egaf_validator_create(const egaf_refs *refs);
void egaf_validator_free(egaf_validator *v);
/* Checks each model, and references between them; applies waivers. */
void egaf_validate(egaf_validator *v, egaf_model *const *models, size_t n, egaf_diags *diags);

/* The same, model by model (validate of a folder): egaf_run_check() checks
 * the index-th model of a run of nmodels into diags (the model's own list,
 * or one for the run), on any thread, one model per thread at a time; with
 * models_kept false the model may be freed as soon as it returns (what a
 * reference to it from another model needs is kept). egaf_run_finish(),
 * after every model, adds the findings of the references between the
 * models, each where the check would have put it in its list; the lists
 * must still be there. The findings are those of egaf_validate(). */
typedef struct egaf_run egaf_run;
egaf_run *egaf_run_create(const egaf_validator *v, size_t nmodels, bool models_kept);
void egaf_run_check(egaf_run *run, size_t index, const egaf_model *m, egaf_diags *diags);
void egaf_run_finish(egaf_run *run);
void egaf_run_free(egaf_run *run);
/* The checker a run was created with. */
const egaf_validator *egaf_run_validator(const egaf_run *run);
/* The cross-model checks of a consolidation (cross.* rules, check_cross.c):
 * the models of the run against each other and against the agencies,
 * national systems and databases of the reference models as of year. Run
 * after egaf_validate() over the same models. refs may be NULL (only the
 * checks that need no reference data run). */
void egaf_validate_cross(const egaf_refs *refs, egaf_model *const *models, size_t n, int year,
                         egaf_diags *diags);

#endif
