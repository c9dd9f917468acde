/* check_routes.c - how integrations reach the national systems and databases
 * (TT 13/2017/TT-BTTTT, Điều 17, cases a–d): route a goes through the
 * ministry's or province's LGSP (route.bypasses-platform); routes b, c and d
 * are exceptions that need a reason (route.reason-missing) and are always
 * reported (route.exception). */
#include <string.h>

#include "base/i18n.h"
#include "validator/check.h"

#define TT13 "Thông tư 13/2017/TT-BTTTT"

static const egaf_ref_route *find_route(const egaf_ref_framework *f, const char *id)
{
    for (size_t i = 0; f && i < f->nroutes; i++)
        if (strcmp(f->routes[i].id, id) == 0)
            return &f->routes[i];
    return NULL;
}

static void check_bypass(egaf_check_ctx *ctx, const egaf_element *in, const egaf_value *to,
                         const char *lgsp)
{
    const egaf_model *m = ctx->model;
    const char *from = egaf_element_text(in, EGAF_F_FROM);
    const egaf_element *src = NULL;
    if (from && egaf_ref_parse(from).scope == EGAF_REF_LOCAL)
        src = egaf_check_lookup(ctx, from);
    if (egaf_element_is_lgsp(src))
        return; /* the LGSP itself connecting out is the route */
    const egaf_value *via = egaf_element_get(in, EGAF_F_VIA);
    const egaf_element *vel = NULL;
    if (via && egaf_ref_parse(via->u.str.s).scope == EGAF_REF_LOCAL)
        vel = egaf_check_lookup(ctx, via->u.str.s);
    if (egaf_element_is_lgsp(vel))
        return;
    /* one finding per mistake: a `via` that names nothing is ref.unresolved,
     * and a model with no LGSP at all is component.missing */
    if ((via && !vel && egaf_ref_parse(via->u.str.s).scope == EGAF_REF_LOCAL) || !lgsp)
        return;
    const char *level = m->header ? egaf_element_text(m->header, EGAF_F_LEVEL) : NULL;
    bool ministry = level && strcmp(level, "ministry") == 0;
    const char *noun = src ? _(egaf_kind_info(src->kind)->noun) : _("element");
    egaf_finding *d;
    if (via)
        d = egaf_diag(ctx->diags, "route.bypasses-platform", EGAF_VMARK(in, to), in->display,
                      ministry ? _("%s '%s' connects to '%s' through '%s', which is not the "
                                   "ministry's LGSP")
                               : _("%s '%s' connects to '%s' through '%s', which is not the "
                                   "province's LGSP"),
                      noun, from ? from : "?", to->u.str.s, via->u.str.s);
    else
        d = egaf_diag(ctx->diags, "route.bypasses-platform", EGAF_VMARK(in, to), in->display,
                      ministry ? _("%s '%s' connects to '%s' without going through the "
                                   "ministry's LGSP")
                               : _("%s '%s' connects to '%s' without going through the "
                                   "province's LGSP"),
                      noun, from ? from : "?", to->u.str.s);
    if (vel)
        egaf_diag_related(ctx->diags, d, &vel->mark, _("'%s' is declared here"), via->u.str.s);
    if (lgsp)
        egaf_diag_hint(ctx->diags, d, via ? _("write `via: %s` (%s)") : _("add `via: %s` (%s)"),
                       lgsp, TT13);
    else
        egaf_diag_hint(ctx->diags, d,
                       _("add the LGSP (a platform with kind: lgsp, connected to "
                         "national:ngsp) and `via:` it; or give the route (b, c, "
                         "d) and its reason (%s)"),
                       TT13);
    const egaf_ref_route *a = find_route(egaf_check_framework(ctx), "a");
    if (a)
        egaf_check_rests_on(ctx->diags, d, a->confidence, a->source,
                            _("the connection cases of TT 13/2017/TT-BTTTT"));
}

void egaf_check_routes(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    const egaf_ref_framework *f = egaf_check_framework(ctx);
    const egaf_element *lgsp_el = egaf_model_lgsp(m);
    const char *lgsp = lgsp_el ? lgsp_el->id : NULL;
    for (size_t i = 0; i < m->counts[EGAF_K_INTEGRATION]; i++) {
        const egaf_element *in = m->elements[EGAF_K_INTEGRATION][i];
        const egaf_value *to = egaf_element_get(in, EGAF_F_TO);
        const egaf_value *route = egaf_element_get(in, EGAF_F_ROUTE);
        const char *rid = route ? route->u.str.s : "a";
        if (strcmp(rid, "a") == 0) {
            if (to && egaf_ref_parse(to->u.str.s).scope == EGAF_REF_NATIONAL)
                check_bypass(ctx, in, to, lgsp);
            continue;
        }
        const egaf_ref_route *r = find_route(f, rid);
        if (!r || !r->needs_reason)
            continue;
        const char *from = egaf_element_text(in, EGAF_F_FROM);
        const char *dest = to ? to->u.str.s : "?";
        if (!from)
            from = "?";
        const egaf_value *reason = egaf_element_get(in, EGAF_F_REASON);
        const char *text = reason ? reason->u.str.s : "";
        if (!text[strspn(text, " \t\r\n")]) {
            egaf_finding *d =
                egaf_diag(ctx->diags, "route.reason-missing", EGAF_VMARK(in, route), in->display,
                          _("integration from '%s' to '%s' uses route %s (%s) "
                            "without a `reason`"),
                          from, dest, rid, r->name);
            egaf_diag_hint(ctx->diags, d,
                           _("add `reason:` saying which platform is not ready "
                             "and until when, or use route a through the LGSP "
                             "(%s)"),
                           TT13);
            egaf_check_rests_on(ctx->diags, d, r->confidence, r->source,
                                _("the connection cases of TT 13/2017/TT-BTTTT"));
            continue;
        }
        egaf_finding *d =
            egaf_diag(ctx->diags, "route.exception", EGAF_VMARK(in, route), in->display,
                      _("integration from '%s' to '%s' uses route %s (%s), an "
                        "exception: %s"),
                      from, dest, rid, r->name, text);
        egaf_diag_hint(ctx->diags, d,
                       _("plan the move to route a, through the LGSP and NGSP "
                         "(%s)"),
                       TT13);
    }
}
