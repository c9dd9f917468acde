/* concept.h - the concept model both import readers fill (internal to
 * import/): elements and relationships as the file has them, each with its
 * line, and the mapping of it into an egaf model. */
#ifndef EGAF_IMPORT_CONCEPT_H
#define EGAF_IMPORT_CONCEPT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/strmap.h"
#include "import/import.h"

typedef struct im_prop {
    const char *key, *value;
} im_prop;

typedef struct im_props {
    im_prop *items;
    size_t count, cap;
} im_props;

typedef struct im_element {
    const char *identifier, *type; /* type without a namespace: "BusinessActor" */
    const char *name_vi, *name_en, *documentation;
    im_props props;
    const char *file;
    unsigned line;
} im_element;

typedef struct im_rel {
    const char *identifier, *type; /* "Serving" (CSV's "ServingRelationship" cut) */
    const char *source, *target;   /* element identifiers */
    const char *name, *access_type;
    im_props props;
    const char *file;
    unsigned line;
} im_rel;

typedef struct im_model {
    egaf_arena *arena;
    egaf_diags *diags;
    const char *name_vi, *name_en, *documentation; /* the model's own */
    im_props props;
    im_element *elements;
    size_t nelements, elements_cap;
    im_rel *rels;
    size_t nrels, rels_cap;
    size_t items; /* everything read, against EGAF_IMPORT_MAX_ITEMS */
    bool failed;  /* out of memory */
    bool too_many;
} im_model;

int im_init(im_model *im, egaf_diags *diags);
void im_free(im_model *im);
const char *im_str(im_model *im, const char *s);
const char *im_strn(im_model *im, const char *s, size_t n);
/* A new element or relationship with its identifier, read at file:line (the
 * rest zero); NULL when memory ran out or the file has too many items. */
im_element *im_element_add(im_model *im, const char *identifier, const char *file,
                           unsigned line);
im_rel *im_rel_add(im_model *im, const char *identifier, const char *file, unsigned line);
void im_prop_add(im_model *im, im_props *p, const char *key, const char *value);

/* The egaf model of the concept model as YAML into out: 0, or -1 when
 * memory ran out. Findings for what has no egaf form. */
int im_write_model(im_model *im, egaf_buf *out, const egaf_import_options *options,
                   const char *path);

#endif
