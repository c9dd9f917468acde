/* check_refs.c - every reference resolves to an element of an allowed kind
 * (ref.unresolved, ref.wrong-kind, ref.cross-architecture). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/suggest.h"
#include "validator/check.h"

egaf_ref egaf_ref_parse(const char *text)
{
    egaf_ref r = {EGAF_REF_LOCAL, NULL, 0, text};
    const char *colon = strchr(text, ':');
    if (!colon)
        return r;
    size_t plen = (size_t)(colon - text);
    if (plen == 8 && strncmp(text, "national", 8) == 0) {
        r.scope = EGAF_REF_NATIONAL;
        r.id = colon + 1;
        return r;
    }
    r.scope = EGAF_REF_OTHER_ARCH;
    r.arch = text;
    r.arch_len = plen;
    r.id = colon + 1;
    return r;
}

const char **egaf_check_candidates(const egaf_check_ctx *ctx, size_t n)
{
    const char **cands = malloc((n + 1) * sizeof(*cands));
    if (!cands)
        egaf_diags_fail(ctx->diags);
    return cands;
}

void egaf_check_with_arena(egaf_check_ctx *ctx,
                           void (*check)(egaf_check_ctx *ctx, egaf_arena *arena))
{
    egaf_arena *arena = egaf_arena_create();
    if (!arena) {
        egaf_diags_fail(ctx->diags);
        return;
    }
    check(ctx, arena);
    egaf_arena_free(arena);
}

const egaf_element *egaf_check_lookup(const egaf_check_ctx *ctx, const char *id)
{
    return egaf_strmap_get(ctx->ids, id, strlen(id));
}

/* The closest id among local elements of the allowed kinds. */
static const char *suggest_local(const egaf_check_ctx *ctx, const char *id, unsigned targets)
{
    const egaf_model *m = ctx->model;
    size_t n = 0;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        if (targets & EGAF_T(k))
            n += m->counts[k];
    if (n == 0 || n > 20000)
        return NULL;
    const char **cands = egaf_check_candidates(ctx, n);
    if (!cands)
        return NULL;
    size_t c = 0;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        if (targets & EGAF_T(k))
            for (size_t i = 0; i < m->counts[k]; i++)
                cands[c++] = m->elements[k][i]->id;
    const char *s = egaf_suggest(id, cands, c);
    free(cands);
    return s;
}

static const char *suggest_national(const egaf_check_ctx *ctx, const char *id, unsigned targets)
{
    const egaf_refs *refs = ctx->refs;
    const char **cands = egaf_check_candidates(ctx, refs->nentries);
    if (!cands)
        return NULL;
    size_t c = 0;
    for (size_t i = 0; i < refs->nentries; i++) {
        const egaf_ref_entry *e = refs->entries[i];
        if ((e->kind == EGAF_RK_SHARED_SYSTEM && (targets & EGAF_T_NATIONAL_SYSTEM)) ||
            (e->kind == EGAF_RK_NATIONAL_DATABASE && (targets & EGAF_T_NATIONAL_DATABASE)))
            cands[c++] = e->id;
    }
    const char *s = egaf_suggest(id, cands, c);
    free(cands);
    return s;
}

static unsigned national_target(const egaf_ref_entry *e)
{
    if (e->kind == EGAF_RK_SHARED_SYSTEM)
        return EGAF_T_NATIONAL_SYSTEM;
    if (e->kind == EGAF_RK_NATIONAL_DATABASE)
        return EGAF_T_NATIONAL_DATABASE;
    return 0;
}

static void check_national(egaf_check_ctx *ctx, const egaf_element *el,
                           const egaf_field_spec *fs, const egaf_str *s, const egaf_ref *r)
{
    if (!ctx->refs)
        return;
    const egaf_ref_entry *e = egaf_refs_find(ctx->refs, r->id);
    unsigned t = e ? national_target(e) : 0;
    if (!e || !t) {
        egaf_finding *f = egaf_diag(ctx->diags, "ref.unresolved", &s->mark, el->display,
                                    _("'%s' of %s names '%s', which the reference models do not "
                                      "have"),
                                    fs->key, el->display, s->s);
        const char *sug = suggest_national(ctx, r->id, fs->targets);
        if (sug) {
            egaf_diag_hint(ctx->diags, f, _("did you mean 'national:%s'?"), sug);
            egaf_diag_fix(ctx->diags, f, "national:%s", sug);
        } else
            egaf_diag_hint(ctx->diags, f, _("`egaf refs list` shows every national id"));
        return;
    }
    if (!(t & fs->targets)) {
        egaf_ref_wrong_target(ctx->diags, &s->mark, el->display, el->id ? el->id : el->display,
                              fs, t, s->s);
        return;
    }
    if (ctx->year && !egaf_ref_valid_in(e, ctx->year)) {
        egaf_finding *f = egaf_diag(ctx->diags, "ref.unresolved", &s->mark, el->display,
                                    _("'%s' (%s) does not exist in %d, the model's year"), s->s,
                                    e->name, ctx->year);
        egaf_diag_hint(ctx->diags, f, _("check the model's year, or `egaf refs show %s`"), e->id);
        bool before = e->valid_from && ctx->year < e->valid_from / 10000;
        char what[256];
        snprintf(what, sizeof what, before ? _("the start date of %s") : _("the end date of %s"),
                 e->name);
        egaf_check_rests_on_fact(ctx->diags, f, before ? &e->start_fact : &e->end_fact, what);
    }
}

static void check_one(egaf_check_ctx *ctx, const egaf_element *el, const egaf_field_spec *fs,
                      const egaf_str *s)
{
    char allowed[160];
    egaf_ref r = egaf_ref_parse(s->s);
    if (r.scope == EGAF_REF_NATIONAL) {
        check_national(ctx, el, fs, s, &r);
        return;
    }
    if (r.scope == EGAF_REF_OTHER_ARCH) {
        const char *self = ctx->model->id;
        if (!(self && strlen(self) == r.arch_len && strncmp(self, r.arch, r.arch_len) == 0)) {
            /* another architecture's: resolved once every model is read */
            if (ctx->run)
                egaf_cross_refs_defer(ctx, el, fs, s, r.arch_len);
            else
                egaf_ref_not_in_run(ctx->diags, &s->mark, el->display, s->s, r.arch_len);
            return;
        }
    }
    const egaf_element *target = egaf_check_lookup(ctx, r.id);
    if (!target) {
        egaf_finding *f =
            egaf_diag(ctx->diags, "ref.unresolved", &s->mark, el->display,
                      _("'%s' of %s names '%s', which no element has"), fs->key, el->display, s->s);
        const char *sug = suggest_local(ctx, r.id, fs->targets);
        if (sug) {
            egaf_diag_hint(ctx->diags, f, _("did you mean '%s'?"), sug);
            egaf_diag_fix(ctx->diags, f, "%s", sug);
        } else
            egaf_diag_hint(ctx->diags, f, _("it must be the id of %s"),
                           egaf_targets_text(fs->targets, allowed, sizeof allowed));
        return;
    }
    if (!(fs->targets & EGAF_T(target->kind)))
        egaf_ref_wrong_kind(ctx->diags, &s->mark, el->display, el->id ? el->id : el->display, fs,
                            target->kind, &target->mark, s->s);
}

static void check_subjects(egaf_check_ctx *ctx, const egaf_element *el, const egaf_value *v)
{
    if (!ctx->refs)
        return;
    for (size_t i = 0; i < v->u.list.count; i++) {
        const egaf_str *s = &v->u.list.items[i];
        const egaf_ref_entry *e = egaf_refs_find(ctx->refs, s->s);
        if (e && e->kind == EGAF_RK_DATA_SUBJECT)
            continue;
        egaf_finding *f = egaf_diag(ctx->diags, "ref.unresolved", &s->mark, el->display,
                                    _("'holds' of %s names '%s', which is not a data subject of "
                                      "the reference models"),
                                    el->display, s->s);
        egaf_diag_hint(ctx->diags, f, _("`egaf refs list --kind data-subjects` lists them"));
    }
}

static void check_element(egaf_check_ctx *ctx, const egaf_element *el)
{
    const egaf_kind_spec *spec = egaf_kind_info(el->kind);
    for (size_t i = 0; i < el->nvalues; i++) {
        const egaf_value *v = &el->values[i];
        const egaf_field_spec *fs = egaf_field_spec_of(spec, v->field);
        if (!fs)
            continue;
        if (v->type == EGAF_FT_REF)
            {
            egaf_str s = egaf_value_str(el, v);
            check_one(ctx, el, fs, &s);
        }
        else if (v->type == EGAF_FT_REFS)
            for (size_t j = 0; j < v->u.list.count; j++)
                check_one(ctx, el, fs, &v->u.list.items[j]);
        else if (v->type == EGAF_FT_IDS && v->field == EGAF_F_HOLDS)
            check_subjects(ctx, el, v);
    }
}

void egaf_check_references(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        for (size_t i = 0; i < m->counts[k]; i++)
            check_element(ctx, m->elements[k][i]);
}
