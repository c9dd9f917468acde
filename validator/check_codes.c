/* check_codes.c - reference-model codes (brm, drm, arm, trm, srm) exist in the
 * edition's trees (code.unknown). */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/suggest.h"
#include "validator/check.h"

static const struct {
    egaf_field field;
    egaf_ref_tree_id tree;
    const char *upper;
} code_fields[] = {
    {EGAF_F_BRM, EGAF_TREE_BRM, "BRM"}, {EGAF_F_DRM, EGAF_TREE_DRM, "DRM"},
    {EGAF_F_ARM, EGAF_TREE_ARM, "ARM"}, {EGAF_F_TRM, EGAF_TREE_TRM, "TRM"},
    {EGAF_F_SRM, EGAF_TREE_SRM, "SRM"},
};

typedef struct code_cands {
    const char **codes;
    size_t n;
} code_cands;

static void check_value(egaf_check_ctx *ctx, const egaf_ref_framework *f, const egaf_element *el,
                        const egaf_value *v, code_cands *cands)
{
    size_t t = 0;
    while (t < sizeof code_fields / sizeof code_fields[0] && code_fields[t].field != v->field)
        t++;
    if (t == sizeof code_fields / sizeof code_fields[0])
        return;
    const egaf_ref_tree *tree = &f->trees[code_fields[t].tree];
    if (tree->ncodes == 0 || egaf_ref_code_find(f, code_fields[t].tree, v->u.str.s))
        return;
    const char *upper = code_fields[t].upper;
    egaf_finding *d;
    if (tree->provisional)
        d = egaf_diag(ctx->diags, "code.unknown", EGAF_VMARK(el, v), el->display,
                      _("%s code '%s' of %s is not in egaf's provisional %s tree (framework %s)"),
                      upper, v->u.str.s, el->display, upper, f->edition);
    else
        d = egaf_diag(ctx->diags, "code.unknown", EGAF_VMARK(el, v), el->display,
                      _("%s code '%s' of %s is not in the %s tree of framework %s"), upper,
                      v->u.str.s, el->display, upper, f->edition);
    char what[160];
    snprintf(what, sizeof what, _("the %s tree of framework %s"), upper, f->edition);
    egaf_check_rests_on(ctx->diags, d, tree->provisional ? EGAF_CONF_INFERRED : tree->confidence,
                        tree->source, what);
    code_cands *c = &cands[t];
    if (!c->codes) {
        c->codes = malloc((tree->ncodes + 1) * sizeof(*c->codes));
        for (size_t i = 0; c->codes && i < tree->ncodes; i++)
            c->codes[i] = tree->codes[i].code;
        c->n = c->codes ? tree->ncodes : 0;
        if (!c->codes)
            egaf_diags_fail(ctx->diags); /* the hint would be missing */
    }
    const char *s = c->n ? egaf_suggest(v->u.str.s, c->codes, c->n) : NULL;
    if (s) {
        const egaf_ref_code *code = egaf_ref_code_find(f, code_fields[t].tree, s);
        egaf_diag_hint(ctx->diags, d, _("did you mean '%s' (%s)?"), s,
                       code && code->name ? code->name : "");
        egaf_diag_fix(ctx->diags, d, "%s", s);
    } else {
        egaf_diag_hint(ctx->diags, d,
                       _("use a code of %s (%s), listed under `codes` in "
                         "reference-models/framework-%s.yaml, or leave the code out"),
                       tree->name ? tree->name : upper, f->instrument, f->edition);
    }
}

void egaf_check_codes(egaf_check_ctx *ctx)
{
    const egaf_ref_framework *f = egaf_check_framework(ctx);
    if (!f)
        return;
    const egaf_model *m = ctx->model;
    code_cands cands[sizeof code_fields / sizeof code_fields[0]];
    memset(cands, 0, sizeof cands);
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        for (size_t i = 0; i < m->counts[k]; i++) {
            const egaf_element *el = m->elements[k][i];
            for (size_t j = 0; j < el->nvalues; j++)
                if (el->values[j].type == EGAF_FT_CODE)
                    check_value(ctx, f, el, &el->values[j], cands);
        }
    for (size_t t = 0; t < sizeof cands / sizeof cands[0]; t++)
        free(cands[t].codes);
}
