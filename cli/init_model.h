/* init_model.h - a starting model for an agency (`egaf init`): every section
 * of the framework edition and every component the edition requires at the
 * agency's level, with Vietnamese comments ("# Điền: …") saying what to fill.
 * The result validates without error findings. */
#ifndef EGAF_INIT_MODEL_H
#define EGAF_INIT_MODEL_H

#include "base/buf.h"
#include "refs/refs.h"

/* The latest edition in force in year, or NULL when none is. */
const egaf_ref_framework *egaf_init_default_framework(const egaf_refs *refs, int year);

/* "lang-son" for the agency "lang-son", "bac-ninh" for "bac-ninh-2025":
 * the agency id without the "-2025" suffix. Writes at most size bytes. */
void egaf_init_architecture_id(const egaf_ref_entry *agency, char *buf, size_t size);

/* Appends the model to out. agency is an agency entry valid in year, fw an
 * edition of refs. Allocation failure sets out->failed. */
void egaf_init_model(egaf_buf *out, const egaf_refs *refs, const egaf_ref_entry *agency,
                     int year, const egaf_ref_framework *fw);

#endif
