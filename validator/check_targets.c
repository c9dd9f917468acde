/* check_targets.c - the measurable targets (implementation.targets): each is
 * reached within the architecture's period (target.year-outside-period),
 * after its baseline (target.baseline-after-target), serves a national target
 * the reference data knows (target.national-unknown), and every national
 * target set for the architecture's year and level has a local target
 * (target.national-uncovered). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/suggest.h"
#include "validator/check.h"

static const char *target_name(const egaf_element *t)
{
    return t->id ? t->id : t->display;
}

static void check_years(egaf_check_ctx *ctx, const egaf_element *t, long long pfrom,
                        long long pto, bool declared)
{
    const egaf_model *m = ctx->model;
    const egaf_value *year = egaf_element_get(t, EGAF_F_YEAR);
    const egaf_value *base = egaf_element_get(t, EGAF_F_BASELINE_YEAR);
    if (year && base && base->u.num > year->u.num) {
        egaf_finding *f = egaf_diag(ctx->diags, "target.baseline-after-target", EGAF_VMARK(t, base),
                                    t->display,
                                    _("target '%s' has its baseline in %lld, after the year %lld "
                                      "it is to be reached by"),
                                    target_name(t), base->u.num, year->u.num);
        egaf_diag_hint(ctx->diags, f,
                       _("the baseline is the value measured before: correct `baseline-year` "
                         "or `year`"));
    }
    if (!year || !pfrom || (year->u.num >= pfrom && year->u.num <= pto))
        return;
    egaf_finding *f;
    if (declared)
        f = egaf_diag(ctx->diags, "target.year-outside-period", EGAF_VMARK(t, year), t->display,
                      _("target '%s' is to be reached in %lld, outside the architecture's period "
                        "%lld–%lld"),
                      target_name(t), year->u.num, pfrom, pto);
    else
        f = egaf_diag(ctx->diags, "target.year-outside-period", EGAF_VMARK(t, year), t->display,
                      _("target '%s' is to be reached in %lld, outside %lld–%lld (the model's year "
                        "and the five years after it; the architecture declares no period)"),
                      target_name(t), year->u.num, pfrom, pto);
    const egaf_value *period = m->header ? egaf_element_get(m->header, EGAF_F_PERIOD) : NULL;
    if (period)
        egaf_diag_related(ctx->diags, f, EGAF_VMARK(m->header, period),
                          _("the period is declared here"));
    egaf_diag_hint(ctx->diags, f, _("set `year` inside %lld–%lld, or widen `period` in "
                                    "`architecture`"),
                   pfrom, pto);
}

/* The closest id among the national targets, or NULL. */
static const char *suggest_national(const egaf_check_ctx *ctx, const char *id)
{
    size_t n = ctx->refs->nnational_targets;
    const char **cands = egaf_check_candidates(ctx, n);
    if (!cands)
        return NULL;
    for (size_t i = 0; i < n; i++)
        cands[i] = ctx->refs->national_targets[i].id;
    const char *s = egaf_suggest(id, cands, n);
    free(cands);
    return s;
}

static void check_national(egaf_check_ctx *ctx, const egaf_element *t)
{
    const egaf_value *v = egaf_element_get(t, EGAF_F_NATIONAL);
    if (!v || !ctx->refs || !ctx->refs->nnational_targets)
        return;
    if (egaf_refs_national_target(ctx->refs, v->u.str.s))
        return;
    egaf_finding *f = egaf_diag(ctx->diags, "target.national-unknown", EGAF_VMARK(t, v),
                                t->display,
                                _("target '%s' serves national target '%s', which the reference "
                                  "data does not list"),
                                target_name(t), v->u.str.s);
    const char *sug = suggest_national(ctx, v->u.str.s);
    if (sug) {
        egaf_diag_hint(ctx->diags, f, _("did you mean '%s'?"), sug);
        egaf_diag_fix(ctx->diags, f, "%s", sug);
    } else {
        egaf_diag_hint(ctx->diags, f,
                       _("`egaf refs list --kind national-targets` lists the national targets"));
    }
}

/* Every national target set for the model's year and level has a local
 * target naming it. Only for a model that lists targets: the chapter is
 * optional, and a model without it is not told fourteen times. */
static void check_uncovered(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    const char *level = m->header ? egaf_element_text(m->header, EGAF_F_LEVEL) : NULL;
    if (!ctx->refs || !ctx->year || !level || !m->counts[EGAF_K_TARGET])
        return;
    for (size_t i = 0; i < ctx->refs->nnational_targets; i++) {
        const egaf_ref_national_target *nt = &ctx->refs->national_targets[i];
        if (!egaf_ref_national_target_applies(nt, ctx->year, level))
            continue;
        bool covered = false;
        for (size_t j = 0; j < m->counts[EGAF_K_TARGET] && !covered; j++) {
            const char *n = egaf_element_text(m->elements[EGAF_K_TARGET][j], EGAF_F_NATIONAL);
            covered = n && strcmp(n, nt->id) == 0;
        }
        if (covered)
            continue;
        egaf_finding *f = egaf_diag(
            ctx->diags, "target.national-uncovered", &m->section_marks[EGAF_S_IMPLEMENTATION],
            NULL,
            _("no target serves national target '%s' (%s: %s, %s) set for a %s in %d"), nt->id,
            nt->name, nt->value, nt->instrument ? nt->instrument : nt->source, level, ctx->year);
        egaf_diag_hint(ctx->diags, f,
                       _("add a target with `national: %s`, or waive the rule in "
                         "`architecture.waivers` with the reason"),
                       nt->id);
        char what[256];
        snprintf(what, sizeof what, _("national target '%s'"), nt->id);
        egaf_check_rests_on_fact(ctx->diags, f, &nt->fact, what);
    }
}

void egaf_check_targets(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    long long pfrom = 0, pto = 0;
    bool declared = egaf_check_period(ctx, &pfrom, &pto);
    for (size_t i = 0; i < m->counts[EGAF_K_TARGET]; i++) {
        const egaf_element *t = m->elements[EGAF_K_TARGET][i];
        check_years(ctx, t, pfrom, pto, declared);
        check_national(ctx, t);
    }
    check_uncovered(ctx);
}
