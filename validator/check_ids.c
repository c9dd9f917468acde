/* check_ids.c - id syntax (schema.id-syntax) and unique ids (ref.duplicate-id). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "base/fold.h"
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
    size_t len = strlen(id);
    int rc = pcre2_match(re, (PCRE2_SPTR)id, len, 0, PCRE2_NO_UTF_CHECK, md, NULL);
    if (rc >= 0 && len > EGAF_ID_MAX_LEN) {
        /* the id is well formed: only its length is wrong. The message shows
         * its start, not a line of 300 characters. */
        egaf_finding *f =
            egaf_diag(ctx->diags, "schema.id-syntax", EGAF_VMARK(el, v), el->display,
                      _("id '%.24s…' is %zu characters long; the limit is %d"), id, len,
                      EGAF_ID_MAX_LEN);
        egaf_diag_hint(ctx->diags, f,
                       _("shorten it (and the references to it): the national site names "
                         "pages and folders after ids"));
        return;
    }
    if (rc >= 0)
        return;
    egaf_finding *f = egaf_diag(ctx->diags, "schema.id-syntax", EGAF_VMARK(el, v), el->display,
                                _("id '%s' is not lower-case ASCII words joined by hyphens"), id);
    char fixed[128];
    if (strlen(id) < sizeof fixed && egaf_fold_id(id, fixed) > 0)
        egaf_diag_hint(ctx->diags, f,
                       _("write '%s': a-z, 0-9 and single hyphens, no diacritics "
                         "(and the references to it)"),
                       fixed);
    else
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
