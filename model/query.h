/* query.h - the questions several layers ask of one model: its year, its
 * LGSP, and which of its elements reach a national system through their
 * references. Answered here once, so the validator, the site, the renderer
 * and the exports give the same answer.
 *
 * Every function reads the model only; none keeps a pointer after it
 * returns. */
#ifndef EGAF_QUERY_H
#define EGAF_QUERY_H

#include <stdbool.h>

#include "base/strmap.h"
#include "model/model.h"

/* The header's `year`, or 0 when the model has none (or it is not a number). */
int egaf_model_year(const egaf_model *m);

/* Whether el is a platform of kind lgsp. */
bool egaf_element_is_lgsp(const egaf_element *el);
/* The model's LGSP: its first platform of kind lgsp, or NULL. */
const egaf_element *egaf_model_lgsp(const egaf_model *m);

/* The element of m with id, of any kind (not the header: it is no element
 * of the sections), or NULL (also when m or id is NULL). A linear search,
 * for a caller that asks about one id now and then and keeps no map. */
const egaf_element *egaf_model_element(const egaf_model *m, const char *id);

/* The element a reference written in m names when it is local ("id", or
 * "<the model's id>:id"), or NULL. ids maps an id to its element; NULL: the
 * elements of kind are searched instead (when the caller has no map). */
const egaf_element *egaf_model_local(const egaf_model *m, const egaf_strmap *ids,
                                     const char *ref);

/* Sets reach[i] (i = index among m's elements of kind) when element i names
 * `national:<national_id>` in field (a list of references), directly or
 * through other elements of the same kind it names there. One breadth-first
 * search over the reversed references with a visited set: linear in the
 * elements and references, whatever the cycles. ids: as in
 * egaf_model_local() (NULL: a map of kind's ids is built for the call).
 * reach holds m->counts[kind] entries. Returns false when memory ran out
 * (reach is then all false and means nothing). */
bool egaf_model_reaches(const egaf_model *m, const egaf_strmap *ids, egaf_kind kind,
                        egaf_field field, const char *national_id, bool *reach);

#endif
