/* init_template.h - a starting model for an agency (`egaf init`): every section
 * of the framework edition and every component the edition requires at the
 * agency's level, with Vietnamese comments ("# Điền: …") saying what to fill.
 * The result validates without error findings. */
#ifndef EGAF_INIT_TEMPLATE_H
#define EGAF_INIT_TEMPLATE_H

#include <stdbool.h>

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

/* What egaf_init_component needs of the model the component goes in. */
typedef struct egaf_init_item {
    const egaf_ref_entry *agency; /* the model's agency, or NULL when unknown */
    const char *arch;             /* the architecture's id */
    bool province;                /* a province's model (else a ministry's) */
    const char *indent;           /* written before the entry's "- " */
    const char *host;             /* the id its hosted-on names, or NULL: none */
    /* Whether the model already has an element with id: the entry then gets
     * the id with "-2", "-3", … NULL: none is taken. */
    bool (*taken)(const char *id, void *arg);
    void *arg;
} egaf_init_item;

/* Appends the entry `egaf init` writes for the required component r of fw
 * ("- id: …" and its keys, the "# Điền: …" comment before it), as one item
 * of its section's list, for a model that lacks it. It leaves out the links
 * to elements only the starting model has (uses, serves). Returns false when
 * r names no section a component goes in. Allocation failure sets
 * out->failed. */
bool egaf_init_component(egaf_buf *out, const egaf_refs *refs, const egaf_ref_framework *fw,
                         int year, const egaf_ref_requirement *r, const egaf_init_item *item);

#endif
