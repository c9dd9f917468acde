/* state.h - the current and the target architecture of one model (issue 18,
 * the gap analysis of chapters VI–VIII of the architecture document).
 *
 * One model holds both states, element by element:
 *   - `status: existing` (or none): in both;
 *   - `status: planned`: in the target only (to be built);
 *   - `status: retired`: in the current only (to be retired);
 *   - `replaces: X` on a planned element: X (same kind) leaves the target
 *     whatever its status, and the planned element takes over from it: in
 *     the target view every reference to X names the replacement instead
 *     (a service `handled-by: X` is handled by the new system). An upgrade
 *     written this way is one "changed" item of the gap, not a build and a
 *     retirement. On an element in operation, `replaces: X` says the same
 *     of a successor already built: X is still retired by the gap, and the
 *     successor's task delivers that too.
 * The roadmap, targets and solutions (the implementation section) belong to
 * both states: they are the plan that leads from one to the other.
 *
 * A gap item is closed by a roadmap task whose `delivers` names it (a task
 * with `progress: cancelled` closes nothing): a planned element by its id or
 * the id of the element it replaces; a retired element by its id or its
 * successor's; an
 * integration by its id, or either end (the system that brings it).
 *
 * Ownership: egaf_states_init() / egaf_states_free(); the index points into
 * the model, which must outlive it. A view (egaf_model_state_view) shares
 * the model's strings and elements: free it with egaf_model_free() before
 * the model. */
#ifndef EGAF_STATE_H
#define EGAF_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/strmap.h"
#include "model/model.h"

typedef enum egaf_state {
    EGAF_STATE_CURRENT,
    EGAF_STATE_TARGET,
} egaf_state;

typedef struct egaf_states {
    const egaf_model *model;
    egaf_strmap replaced_by;  /* id -> the planned element that replaces it */
    egaf_strmap delivered_by; /* id -> struct egaf_delivery list, in task order */
    egaf_arena *arena;
} egaf_states;

/* 0, or -1 when memory ran out (nothing to free then). */
int egaf_states_init(egaf_states *s, const egaf_model *model);
void egaf_states_free(egaf_states *s);

/* The planned element that replaces the element with this id, or NULL. */
const egaf_element *egaf_states_replacement(const egaf_states *s, const char *id);
/* Whether el is part of the architecture in state. */
bool egaf_states_in(const egaf_states *s, const egaf_element *el, egaf_state state);
/* Whether el is something the roadmap must deliver to reach the target:
 * planned, retired (and not replaced by a planned element: that one is the
 * item), or an
 * integration of the target whose end is replaced. */
bool egaf_states_gap_item(const egaf_states *s, const egaf_element *el);
/* The roadmap tasks (not cancelled) whose `delivers` names the local id, in
 * the roadmap's order: up to max of them in out; returns how many there are. */
size_t egaf_states_tasks(const egaf_states *s, const char *id, const egaf_element **out,
                         size_t max);
/* The tasks that close gap item el (the rules above), at most max in out
 * without duplicates; returns how many were stored. */
size_t egaf_states_closing_tasks(const egaf_states *s, const egaf_element *el,
                                 const egaf_element **out, size_t max);

/* The model as it is (CURRENT) or as it will be (TARGET): the elements in
 * that state, references to replaced elements turned to their replacements
 * in the target. NULL when memory ran out. */
egaf_model *egaf_model_state_view(const egaf_states *s, egaf_state state);

#endif
