/* check_ids.c - id syntax (schema.id-syntax) and unique ids (ref.duplicate-id). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "base/i18n.h"
#include "validator/check.h"

static void check_syntax(egaf_check_ctx *ctx, pcre2_code *re, pcre2_match_data *md,
                         const egaf_element *el)
{
    const egaf_value *v = egaf_element_get(el, EGAF_F_ID);
    if (!v || !v->u.str.s)
        return;
    const char *id = v->u.str.s;
    /* libyaml has validated the UTF-8 already */
    int rc = pcre2_match(re, (PCRE2_SPTR)id, strlen(id), 0, PCRE2_NO_UTF_CHECK, md, NULL);
    if (rc >= 0)
        return;
    egaf_finding *f = egaf_diag(ctx->diags, "schema.id-syntax", EGAF_VMARK(el, v), el->display,
                                _("id '%s' is not lower-case ASCII words joined by hyphens"), id);
    egaf_diag_hint(ctx->diags, f,
                   _("write it like 'cong-dich-vu-cong': a-z, 0-9 and single "
                     "hyphens, no diacritics"));
}

void egaf_check_ids(egaf_check_ctx *ctx, const void *id_regex)
{
    pcre2_code *re = (pcre2_code *)id_regex;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    if (!md) {
        egaf_diags_fail(ctx->diags);
        return;
    }
    const egaf_model *m = ctx->model;
    if (m->header)
        check_syntax(ctx, re, md, m->header);
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        for (size_t i = 0; i < m->counts[k]; i++)
            check_syntax(ctx, re, md, m->elements[k][i]);
    pcre2_match_data_free(md);
}
