/* assist.h - what the editor asks about a place in a document: completion
 * (keys, enum values, national ids and agencies valid in the model's year,
 * local ids of the kinds a reference takes), hover (the element or the
 * reference-model entry under the cursor), go-to-definition, and the waiver
 * skeleton offered as a quick fix. Each returns the JSON result the
 * protocol defines (a new reference), or NULL for "nothing here". */
#ifndef EGAF_LSP_ASSIST_H
#define EGAF_LSP_ASSIST_H

#include <jansson.h>

#include "lsp/doc.h"
#include "refs/refs.h"

json_t *egaf_lsp_complete(const egaf_lsp_doc *doc, const egaf_refs *refs, json_t *position);
json_t *egaf_lsp_hover(const egaf_lsp_doc *doc, const egaf_refs *refs, json_t *position);
json_t *egaf_lsp_definition(const egaf_lsp_doc *doc, json_t *position);
/* A code action inserting `waivers:` with the diagnostic's rule and a reason
 * to fill into the element the diagnostic is about, or NULL. */
json_t *egaf_lsp_waiver_action(const egaf_lsp_doc *doc, json_t *diagnostic);

#endif
