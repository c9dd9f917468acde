/* check_chapters.c - the chapters of the architecture document beyond its
 * layers: the technical standards applied (standard.instrument-missing,
 * standard.code-duplicate), the solutions of chapter IX
 * (solutions.missing-kind) and the legal basis
 * (header.legal-basis-framework). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fold.h"
#include "base/i18n.h"
#include "validator/check.h"

static void check_standards(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    size_t n = m->counts[EGAF_K_STANDARD];
    /* folded codes, so "TCVN 11930:2017" and "tcvn  11930:2017" are one */
    char **folded = n ? calloc(n, sizeof(*folded)) : NULL;
    if (n && !folded) {
        egaf_diags_fail(ctx->diags);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const egaf_element *s = m->elements[EGAF_K_STANDARD][i];
        const char *name = s->id ? s->id : s->display;
        if (!egaf_element_get(s, EGAF_F_INSTRUMENT) && !egaf_element_invalid(s, EGAF_F_INSTRUMENT)) {
            egaf_finding *f = egaf_diag(ctx->diags, "standard.instrument-missing", &s->mark,
                                        s->display,
                                        _("standard '%s' names no instrument that makes it apply"),
                                        name);
            egaf_diag_hint(ctx->diags, f,
                           _("add `instrument:` (e.g. \"TT 39/2017/TT-BTTTT\"), the instrument "
                             "that lists the standard"));
        }
        const egaf_value *code = egaf_element_get(s, EGAF_F_CODE);
        if (!code)
            continue;
        folded[i] = malloc(strlen(code->u.str.s) + 1);
        if (!folded[i]) {
            egaf_diags_fail(ctx->diags);
            break;
        }
        egaf_fold(code->u.str.s, folded[i]);
        for (size_t j = 0; j < i; j++) {
            if (!folded[j] || strcmp(folded[j], folded[i]) != 0)
                continue;
            const egaf_element *first = m->elements[EGAF_K_STANDARD][j];
            const egaf_value *fc = egaf_element_get(first, EGAF_F_CODE);
            egaf_finding *f = egaf_diag(ctx->diags, "standard.code-duplicate", EGAF_VMARK(s, code),
                                        s->display,
                                        _("standard '%s' has code '%s', which standard '%s' "
                                          "already has"),
                                        name, code->u.str.s,
                                        first->id ? first->id : first->display);
            egaf_diag_related(ctx->diags, f, EGAF_VMARK(first, fc), _("'%s' is listed here"),
                              fc->u.str.s);
            egaf_diag_hint(ctx->diags, f,
                           _("list each standard once; name every element it applies to in "
                             "`applies-to`"));
            break;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(folded[i]);
    free(folded);
}

/* The four kinds of solution the framework's guidance asks chapter IX for.
 * A model without solutions is not told: the chapter is optional in the
 * format and section.missing speaks for the framework's required contents. */
static void check_solutions(egaf_check_ctx *ctx)
{
    static const char *const needed[] = {"governance", "staffing", "policy", "finance"};
    const egaf_model *m = ctx->model;
    if (!m->counts[EGAF_K_SOLUTION])
        return;
    char missing[128] = "";
    size_t nmissing = 0;
    for (size_t k = 0; k < sizeof needed / sizeof needed[0]; k++) {
        bool found = false;
        for (size_t i = 0; i < m->counts[EGAF_K_SOLUTION] && !found; i++) {
            const egaf_element *s = m->elements[EGAF_K_SOLUTION][i];
            const char *kind = egaf_element_text(s, EGAF_F_KIND);
            found = egaf_element_invalid(s, EGAF_F_KIND) || (kind && strcmp(kind, needed[k]) == 0);
        }
        if (found)
            continue;
        size_t used = strlen(missing);
        snprintf(missing + used, sizeof missing - used, "%s%s", nmissing ? ", " : "", needed[k]);
        nmissing++;
    }
    if (!nmissing)
        return;
    egaf_finding *f = egaf_diag(ctx->diags, "solutions.missing-kind",
                                &m->section_marks[EGAF_S_IMPLEMENTATION], NULL,
                                P_("the solutions have no solution of kind %s",
                                         "the solutions have no solution of the kinds %s",
                                         nmissing),
                                missing);
    egaf_diag_hint(ctx->diags, f,
                   _("chapter IX of the architecture gives governance, staffing, policy and "
                     "finance solutions: add one of each kind (`kind: %s`)"),
                   needed[0]);
}

/* The legal basis cites the framework edition's own instrument ("QĐ
 * 2323/QĐ-BTTTT" for 2.0): compared folded (no case, diacritics or white
 * space), by its number ("2323/QĐ-BTTTT"), so "Quyết định số 2323/QĐ-BTTTT
 * ngày 31/12/2019" cites it too. */
static void check_legal_basis(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    const egaf_value *basis = m->header ? egaf_element_get(m->header, EGAF_F_LEGAL_BASIS) : NULL;
    const egaf_ref_framework *fw = egaf_check_framework(ctx);
    if (!basis || !basis->u.list.count || !fw || !fw->instrument)
        return;
    const char *number = strchr(fw->instrument, ' ');
    number = number && strchr(number, '/') ? number + 1 : fw->instrument;
    char *key = malloc(strlen(number) + 1);
    if (!key) {
        egaf_diags_fail(ctx->diags);
        return;
    }
    egaf_fold(number, key);
    bool cited = false;
    for (size_t i = 0; i < basis->u.list.count && !cited; i++) {
        const char *item = basis->u.list.items[i].s;
        char *folded = malloc(strlen(item) + 1);
        if (!folded) {
            egaf_diags_fail(ctx->diags);
            break;
        }
        egaf_fold(item, folded);
        cited = strstr(folded, key) != NULL;
        free(folded);
    }
    free(key);
    if (cited)
        return;
    egaf_finding *f = egaf_diag(ctx->diags, "header.legal-basis-framework",
                                EGAF_VMARK(m->header, basis), m->header->display,
                                _("the legal basis does not cite %s, the instrument of framework "
                                  "%s the architecture follows"),
                                fw->instrument, fw->edition);
    egaf_diag_hint(ctx->diags, f, _("add \"%s\" to `legal-basis`"), fw->instrument);
}

void egaf_check_chapters(egaf_check_ctx *ctx)
{
    check_standards(ctx);
    check_solutions(ctx);
    check_legal_basis(ctx);
}
