/* check_security.c - security levels of information systems (NĐ 85/2016/NĐ-CP):
 * every application and platform has one (security.level-missing), and a
 * system at a level that needs controls has a control protecting it
 * (security.unprotected). */
#include <string.h>

#include "base/i18n.h"
#include "validator/check.h"

#define ND85 "NĐ 85/2016/NĐ-CP; TT 12/2022/TT-BTTTT"

static void check_missing(egaf_check_ctx *ctx, egaf_kind kind)
{
    const egaf_model *m = ctx->model;
    for (size_t i = 0; i < m->counts[kind]; i++) {
        const egaf_element *el = m->elements[kind][i];
        if (egaf_element_get(el, EGAF_F_SECURITY_LEVEL) ||
            egaf_element_invalid(el, EGAF_F_SECURITY_LEVEL))
            continue;
        const egaf_value *idv = egaf_element_get(el, EGAF_F_ID);
        egaf_finding *d =
            egaf_diag(ctx->diags, "security.level-missing", idv ? EGAF_VMARK(el, idv) : &el->mark,
                      el->display, _("%s '%s' has no security level"),
                      _(egaf_kind_info(kind)->noun), el->id ? el->id : el->display);
        egaf_diag_hint(ctx->diags, d,
                       _("add `security-level: 1..5`, the level approved in its "
                         "security dossier (hồ sơ đề xuất cấp độ, NĐ 85/2016/NĐ-CP)"));
    }
}

static const egaf_ref_security_level *level_info(const egaf_ref_framework *f, long long level)
{
    for (size_t i = 0; i < f->nsecurity_levels; i++)
        if (f->security_levels[i].level == level)
            return &f->security_levels[i];
    return NULL;
}

void egaf_check_security(egaf_check_ctx *ctx)
{
    check_missing(ctx, EGAF_K_APPLICATION);
    check_missing(ctx, EGAF_K_PLATFORM);
    const egaf_ref_framework *f = egaf_check_framework(ctx);
    if (!f)
        return;
    const egaf_model *m = ctx->model;
    egaf_strmap protected_ids;
    egaf_strmap_init(&protected_ids);
    for (size_t i = 0; i < m->counts[EGAF_K_CONTROL]; i++) {
        const egaf_element *c = m->elements[EGAF_K_CONTROL][i];
        const egaf_value *p = egaf_element_get(c, EGAF_F_PROTECTS);
        for (size_t j = 0; p && j < p->u.list.count; j++) {
            const char *id = p->u.list.items[j].s;
            bool oom = false;
            egaf_strmap_put(&protected_ids, id, strlen(id), (void *)c, &oom);
            if (oom) {
                egaf_diags_fail(ctx->diags);
                egaf_strmap_free(&protected_ids);
                return;
            }
        }
    }
    static const egaf_kind kinds[] = {EGAF_K_APPLICATION, EGAF_K_PLATFORM, EGAF_K_DATABASE,
                                      EGAF_K_INFRASTRUCTURE};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        for (size_t i = 0; i < m->counts[kinds[k]]; i++) {
            const egaf_element *el = m->elements[kinds[k]][i];
            const egaf_value *lv = egaf_element_get(el, EGAF_F_SECURITY_LEVEL);
            if (!lv || !el->id)
                continue;
            const egaf_ref_security_level *l = level_info(f, lv->u.num);
            if (!l || !l->needs_control)
                continue;
            if (egaf_strmap_get(&protected_ids, el->id, strlen(el->id)))
                continue;
            egaf_finding *d =
                egaf_diag(ctx->diags, "security.unprotected", EGAF_VMARK(el, lv), el->display,
                          _("%s '%s' is at security level %lld but no security "
                            "control protects it"),
                          _(egaf_kind_info(kinds[k])->noun), el->id, lv->u.num);
            egaf_diag_hint(ctx->diags, d,
                           _("add a control (firewall, monitoring, backup, …) "
                             "with `protects: [%s]` (%s)"),
                           el->id, ND85);
            char what[160];
            snprintf(what, sizeof what, _("that security level %lld needs a control"), lv->u.num);
            egaf_check_rests_on(ctx->diags, d, l->confidence, l->source, what);
        }
    egaf_strmap_free(&protected_ids);
}
