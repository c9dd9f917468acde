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

#include "base/buf.h"
#include "refs/refs.h"

/* Appends the schema to out, pretty-printed, ending with a newline. The
 * output depends only on the format table and refs (deterministic). refs may
 * be NULL: national references, agencies and data subjects are then checked
 * by pattern only. Allocation failure sets out->failed. */
void egaf_schema_json(egaf_buf *out, const egaf_refs *refs);

#endif
