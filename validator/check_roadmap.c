/* check_roadmap.c - the implementation roadmap: each task lies inside the
 * architecture's period (roadmap.outside-period) and ends no earlier than it
 * starts (roadmap.order). */
#include "base/i18n.h"
#include "validator/check.h"

void egaf_check_roadmap(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    long long pfrom = 0, pto = 0;
    bool declared = false;
    const egaf_value *period = m->header ? egaf_element_get(m->header, EGAF_F_PERIOD) : NULL;
    if (period && period->u.period.from <= period->u.period.to) {
        pfrom = period->u.period.from;
        pto = period->u.period.to;
        declared = true;
    } else if (!period && ctx->year) {
        pfrom = ctx->year;
        pto = ctx->year + 5;
    }
    for (size_t i = 0; i < m->counts[EGAF_K_ROADMAP]; i++) {
        const egaf_element *t = m->elements[EGAF_K_ROADMAP][i];
        const egaf_value *from = egaf_element_get(t, EGAF_F_YEAR_FROM);
        const egaf_value *to = egaf_element_get(t, EGAF_F_YEAR_TO);
        const char *name = t->id ? t->id : t->display;
        if (from && to && from->u.num > to->u.num) {
            egaf_finding *d = egaf_diag(ctx->diags, "roadmap.order", EGAF_VMARK(t, to), t->display,
                                        _("roadmap task '%s' ends in %lld, before it starts in "
                                          "%lld"),
                                        name, to->u.num, from->u.num);
            egaf_diag_hint(ctx->diags, d, _("swap `from` and `to`, or correct the year"));
        }
        if (!pfrom)
            continue;
        const egaf_value *bad = NULL;
        if (from && (from->u.num < pfrom || from->u.num > pto))
            bad = from;
        else if (to && (to->u.num < pfrom || to->u.num > pto))
            bad = to;
        if (!bad)
            continue;
        egaf_finding *d;
        if (declared)
            d = egaf_diag(ctx->diags, "roadmap.outside-period", EGAF_VMARK(t, bad), t->display,
                          _("roadmap task '%s' %s in %lld, outside the architecture's period "
                            "%lld–%lld"),
                          name, bad == from ? "starts" : "ends", bad->u.num, pfrom, pto);
        else
            d = egaf_diag(ctx->diags, "roadmap.outside-period", EGAF_VMARK(t, bad), t->display,
                          _("roadmap task '%s' %s in %lld, outside %lld–%lld (the model's year "
                            "and the five years after it; the architecture declares no period)"),
                          name, bad == from ? "starts" : "ends", bad->u.num, pfrom, pto);
        if (period)
            egaf_diag_related(ctx->diags, d, EGAF_VMARK(m->header, period),
                              _("the period is declared here"));
        egaf_diag_hint(ctx->diags, d,
                       _("move the task inside %lld–%lld, or widen `period` in "
                         "`architecture`"),
                       pfrom, pto);
    }
}
