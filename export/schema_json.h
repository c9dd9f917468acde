/* schema_json.h - the model format as a JSON Schema (draft-07), for editors
 * (`egaf schema`). Generated from the format table (model/format.h) and the
 * enumerations of the reference models: editions, agencies and organ codes,
 * `national:` ids, data subjects.
 *
 * The root schema describes a top-level model file; the definition
 * `#/definitions/included-file` describes a file named by `include` (sections
 * only, no `framework` or `architecture`). */
#ifndef EGAF_SCHEMA_JSON_H
#define EGAF_SCHEMA_JSON_H

#include <stdbool.h>

#include "base/buf.h"
#include "refs/refs.h"

typedef struct egaf_schema_options {
    int year;     /* > 0: only the editions, agencies, national entries and
                     data subjects that exist that year; 0: all of them */
    bool english; /* descriptions in English, the Vietnamese names beside */
} egaf_schema_options;

/* Appends the schema to out, pretty-printed, ending with a newline. The
 * output depends only on the format table, refs and options (deterministic).
 * Every allowed value, `national:` id, agency and data subject has its name
 * in "enumDescriptions" (the same order as "enum"), which editors show in
 * completion; every key's description starts with its label
 * (model/labels.h). refs may be NULL: national references, agencies and
 * data subjects are then checked by pattern only; options may be NULL
 * (every year, Vietnamese). Allocation failure sets out->failed. */
void egaf_schema_json(egaf_buf *out, const egaf_refs *refs, const egaf_schema_options *options);

#endif
