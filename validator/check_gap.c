/* check_gap.c - the gap between the current and the target architecture
 * (model/state.h): every element to be built, changed or retired, and every
 * new integration, is delivered by a roadmap task (gap.uncovered), and the
 * target removes nothing that an element of the target still names
 * (gap.retired-still-used). `egaf gap` lists the same items. */
#include <string.h>

#include "base/i18n.h"
#include "model/state.h"
#include "validator/check.h"

static egaf_mark element_mark(const egaf_element *el)
{
    const egaf_value *idv = egaf_element_get(el, EGAF_F_ID);
    return idv ? egaf_value_mark(el, idv) : el->mark;
}

static void report_uncovered(egaf_check_ctx *ctx, const egaf_states *states,
                             const egaf_element *el)
{
    const egaf_element *task;
    if (egaf_states_closing_tasks(states, el, &task, 1))
        return;
    const char *noun = _(egaf_kind_info(el->kind)->noun);
    const char *status = egaf_element_text(el, EGAF_F_STATUS);
    const char *replaces = egaf_element_text(el, EGAF_F_REPLACES);
    const char *name = el->id ? el->id : el->display;
    egaf_mark mark = element_mark(el);
    egaf_finding *d;
    if (status && strcmp(status, "retired") == 0)
        d = egaf_diag(ctx->diags, "gap.uncovered", &mark, el->display,
                      _("%s '%s' is retired in the target architecture, but no roadmap task "
                        "delivers its retirement"),
                      noun, name);
    else if (status && strcmp(status, "planned") == 0 && replaces &&
             egaf_states_replacement(states, replaces) == el)
        d = egaf_diag(ctx->diags, "gap.uncovered", &mark, el->display,
                      _("%s '%s' replaces '%s' in the target architecture, but no roadmap task "
                        "delivers it"),
                      noun, name, replaces);
    else if (status && strcmp(status, "planned") == 0)
        d = egaf_diag(ctx->diags, "gap.uncovered", &mark, el->display,
                      _("%s '%s' is planned, but no roadmap task delivers it"), noun, name);
    else
        d = egaf_diag(ctx->diags, "gap.uncovered", &mark, el->display,
                      _("%s '%s' moves to the system that replaces its end, but no roadmap task "
                        "delivers it"),
                      noun, name);
    if (el->kind == EGAF_K_INTEGRATION)
        egaf_diag_hint(ctx->diags, d,
                       _("name it (or the system at either end) in `delivers` of the roadmap "
                         "task that builds it"));
    else
        egaf_diag_hint(ctx->diags, d,
                       _("name '%s' in `delivers` of the roadmap task that closes this gap, or "
                         "add such a task"),
                       name);
}

/* A reference of el (in the target) to an element the target removes
 * without a replacement. */
static void check_ref(egaf_check_ctx *ctx, const egaf_states *states, const egaf_element *el,
                      const egaf_value *v, const egaf_str *item)
{
    if (egaf_ref_parse(item->s).scope != EGAF_REF_LOCAL)
        return;
    const egaf_element *used = egaf_check_lookup(ctx, item->s);
    if (!used || used == el || egaf_states_in(states, used, EGAF_STATE_TARGET) ||
        egaf_states_replacement(states, used->id))
        return;
    const egaf_field_spec *fs = egaf_field_spec_of(egaf_kind_info(el->kind), v->field);
    const char *key = fs ? fs->key : "?";
    egaf_finding *d = egaf_diag(
        ctx->diags, "gap.retired-still-used", &item->mark, el->display,
        _("%s '%s' names %s '%s' in `%s`, but '%s' is retired in the target architecture"),
        _(egaf_kind_info(el->kind)->noun), el->id ? el->id : el->display,
        _(egaf_kind_info(used->kind)->noun), used->id, key, used->id);
    egaf_mark retired_at = element_mark(used);
    egaf_diag_related(ctx->diags, d, &retired_at, _("'%s' is retired here"), used->id);
    egaf_diag_hint(ctx->diags, d,
                   _("point `%s` at what takes over, give the new element `replaces: %s`, or "
                     "retire '%s' as well"),
                   key, used->id, el->id ? el->id : el->display);
}

/* The references an element cannot work without: what handles, carries,
 * feeds, hosts or contains it. `protects`, `serves`, `applies-to`, `actors`
 * and `users` only describe: naming a retired element there is stale, not
 * broken, and hygiene is not this rule's business. */
static bool depends_on(egaf_field field)
{
    switch (field) {
    case EGAF_F_HANDLED_BY:
    case EGAF_F_CHANNELS:
    case EGAF_F_FUNCTION:
    case EGAF_F_USES:
    case EGAF_F_SOURCES:
    case EGAF_F_HOSTED_ON:
    case EGAF_F_CONNECTS:
    case EGAF_F_FROM:
    case EGAF_F_TO:
    case EGAF_F_VIA:
    case EGAF_F_APPLICATION:
    case EGAF_F_PARENT:
        return true;
    default:
        return false;
    }
}

static void check_still_used(egaf_check_ctx *ctx, const egaf_states *states)
{
    const egaf_model *m = ctx->model;
    for (int k = 0; k < EGAF_K_ROADMAP; k++)
        for (size_t i = 0; i < m->counts[k]; i++) {
            const egaf_element *el = m->elements[k][i];
            if (!egaf_states_in(states, el, EGAF_STATE_TARGET))
                continue;
            for (size_t j = 0; j < el->nvalues; j++) {
                const egaf_value *v = &el->values[j];
                if (!depends_on((egaf_field)v->field))
                    continue;
                if (v->type == EGAF_FT_REF) {
                    egaf_str s = egaf_value_str(el, v);
                    check_ref(ctx, states, el, v, &s);
                } else if (v->type == EGAF_FT_REFS) {
                    for (size_t n = 0; n < v->u.list.count; n++)
                        check_ref(ctx, states, el, v, &v->u.list.items[n]);
                }
            }
        }
}

void egaf_check_gap(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    egaf_states states;
    if (egaf_states_init(&states, m) != 0) {
        egaf_diags_fail(ctx->diags);
        return;
    }
    /* without a roadmap there is no plan to hold against (a file of a model
     * checked alone, a model whose roadmap is not written yet) */
    for (int k = 0; k < EGAF_K_ROADMAP && m->counts[EGAF_K_ROADMAP]; k++)
        for (size_t i = 0; i < m->counts[k]; i++)
            if (egaf_states_gap_item(&states, m->elements[k][i]))
                report_uncovered(ctx, &states, m->elements[k][i]);
    check_still_used(ctx, &states);
    egaf_states_free(&states);
}
