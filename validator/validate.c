/* validate.c - runs the checks over each model of a run, then applies the
 * waivers the models declare. */
#include "validator/validate.h"
#include "base/i18n.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "validator/check.h"
#include "base/rules.h"

#define ID_PATTERN "^[a-z0-9]+(-[a-z0-9]+)*$"

struct egaf_validator {
    const egaf_refs *refs;
    pcre2_code *id_regex;
};

egaf_validator *egaf_validator_create(const egaf_refs *refs)
{
    egaf_validator *v = calloc(1, sizeof(*v));
    if (!v)
        return NULL;
    v->refs = refs;
    int err;
    PCRE2_SIZE off;
    v->id_regex = pcre2_compile((PCRE2_SPTR)ID_PATTERN, PCRE2_ZERO_TERMINATED,
                                PCRE2_UTF | PCRE2_UCP, &err, &off, NULL);
    if (!v->id_regex) {
        free(v);
        return NULL;
    }
    /* JIT is an optimisation: without it (e.g. under valgrind) matching still works */
    (void)pcre2_jit_compile(v->id_regex, PCRE2_JIT_COMPLETE);
    return v;
}

void egaf_validator_free(egaf_validator *v)
{
    if (!v)
        return;
    pcre2_code_free(v->id_regex);
    free(v);
}

/* Every id of a model, the first element with it kept. */
static void index_ids(const egaf_model *m, egaf_strmap *ids, bool *oom)
{
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        for (size_t i = 0; i < m->counts[k]; i++) {
            egaf_element *el = m->elements[k][i];
            if (el->id)
                egaf_strmap_put(ids, el->id, strlen(el->id), el, oom);
        }
}

/* A duplicate is an element whose id the index gives to another element. */
static void report_duplicate_ids(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        for (size_t i = 0; i < m->counts[k]; i++) {
            egaf_element *el = m->elements[k][i];
            if (!el->id)
                continue;
            const egaf_element *first = egaf_check_lookup(ctx, el->id);
            if (!first || first == el)
                continue;
            const egaf_value *idv = egaf_element_get(el, EGAF_F_ID);
            const egaf_value *firstv = egaf_element_get(first, EGAF_F_ID);
            const egaf_mark *at = idv ? EGAF_VMARK(el, idv) : &el->mark;
            egaf_finding *f = first->kind == el->kind
                                  ? egaf_diag(ctx->diags, "ref.duplicate-id", at, el->display,
                                              _("duplicate id '%s'"), el->id)
                                  : egaf_diag(ctx->diags, "ref.duplicate-id", at, el->display,
                                              _("duplicate id '%s': a %s already has it"), el->id,
                                              _(egaf_kind_info(first->kind)->noun));
            egaf_diag_related(ctx->diags, f, firstv ? EGAF_VMARK(first, firstv) : &first->mark,
                              _("'%s' first defined here"), el->id);
            egaf_diag_hint(ctx->diags, f,
                           _("ids are unique across the architecture and its "
                             "includes; rename one"));
        }
}

/* True when text is `national:ID` with an ID the reference models lack. */
static bool unresolved_national(const egaf_refs *refs, const char *text)
{
    return text && strncmp(text, "national:", 9) == 0 && !egaf_refs_find(refs, text + 9);
}

/* The elements that name a national id the reference models lack (an
 * integration counts for its `from`): ref.unresolved reports the
 * misspelling; what follows from it is not reported again. */
static void index_unresolved_national(const egaf_check_ctx *ctx, egaf_strmap *out)
{
    const egaf_model *m = ctx->model;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        for (size_t i = 0; i < m->counts[k]; i++) {
            const egaf_element *el = m->elements[k][i];
            bool unresolved = false;
            for (size_t j = 0; j < el->nvalues && !unresolved; j++) {
                const egaf_value *v = &el->values[j];
                if (v->type == EGAF_FT_REF)
                    unresolved = unresolved_national(ctx->refs, v->u.str.s);
                else if (v->type == EGAF_FT_REFS)
                    for (size_t r = 0; r < v->u.list.count && !unresolved; r++)
                        unresolved = unresolved_national(ctx->refs, v->u.list.items[r].s);
            }
            if (!unresolved)
                continue;
            const char *display = el->display;
            const char *from = k == EGAF_K_INTEGRATION ? egaf_element_text(el, EGAF_F_FROM) : NULL;
            const egaf_element *source = from ? egaf_check_lookup(ctx, from) : NULL;
            if (source)
                display = source->display;
            bool oom = false;
            if (display)
                egaf_strmap_put(out, display, strlen(display), (void *)el, &oom);
        }
}

/* A finding that follows from an unresolved national id on its element:
 * "does not connect to national:ngsp" when the model wrote national:ngps. */
static bool follows_from_unresolved(const egaf_finding *f, void *arg)
{
    const egaf_strmap *elements = arg;
    return f->element && strcmp(f->rule, "component.not-connected") == 0 &&
           egaf_strmap_get(elements, f->element, strlen(f->element));
}

/* Waivers: unknown rule ids are reported; findings on a waived element and
 * rule are marked, never dropped. Findings about the model as a whole (no
 * element) are waived by the header's waivers. */
static void apply_waivers(egaf_check_ctx *ctx, size_t first_finding)
{
    const egaf_model *m = ctx->model;
    egaf_strmap waived; /* display name -> element with waivers */
    egaf_strmap_init(&waived);
    for (int k = 0; k <= EGAF_K_ARCHITECTURE; k++) {
        size_t count = k == EGAF_K_ARCHITECTURE ? (m->header ? 1 : 0) : m->counts[k];
        for (size_t i = 0; i < count; i++) {
            const egaf_element *el = k == EGAF_K_ARCHITECTURE ? m->header : m->elements[k][i];
            const egaf_value *w = egaf_element_get(el, EGAF_F_WAIVERS);
            if (!w)
                continue;
            for (size_t j = 0; j < w->u.waivers.count; j++) {
                const egaf_waiver *wv = &w->u.waivers.items[j];
                if (!egaf_rule_find(wv->rule.s)) {
                    egaf_finding *f =
                        egaf_diag(ctx->diags, "waiver.unknown-rule", &wv->rule.mark, el->display,
                                  _("waiver names '%s', which is no rule"), wv->rule.s);
                    egaf_diag_hint(ctx->diags, f, _("`egaf rules` lists the rule ids"));
                }
            }
            bool oom = false;
            if (el->display)
                egaf_strmap_put(&waived, el->display, strlen(el->display), (void *)el, &oom);
            if (oom)
                egaf_diags_fail(ctx->diags); /* a waived finding would count */
        }
    }
    size_t n = waived.count ? egaf_diags_count(ctx->diags) : first_finding;
    for (size_t i = first_finding; i < n; i++) {
        egaf_finding *f = (egaf_finding *)egaf_diags_at(ctx->diags, i);
        const egaf_element *el =
            f->element ? egaf_strmap_get(&waived, f->element, strlen(f->element)) : m->header;
        const egaf_value *w = el ? egaf_element_get(el, EGAF_F_WAIVERS) : NULL;
        if (!w)
            continue;
        for (size_t j = 0; j < w->u.waivers.count; j++)
            if (strcmp(w->u.waivers.items[j].rule.s, f->rule) == 0) {
                egaf_diag_waive(ctx->diags, f, w->u.waivers.items[j].reason.s);
                break;
            }
    }
    if (ctx->run)
        egaf_cross_refs_waivers(ctx, &waived);
    egaf_strmap_free(&waived);
}

void egaf_run_check(egaf_run *run, size_t index, const egaf_model *m, egaf_diags *diags)
{
    if (!m->readable)
        return;
    egaf_strmap ids; /* id -> the first element with it */
    egaf_strmap_init(&ids);
    bool oom = false;
    index_ids(m, &ids, &oom);
    size_t first = egaf_diags_count(diags);
    egaf_check_ctx ctx;
    memset(&ctx, 0, sizeof(ctx));
    ctx.model = m;
    const egaf_validator *v = egaf_run_validator(run);
    ctx.refs = v->refs;
    ctx.diags = diags;
    ctx.ids = &ids;
    ctx.run = run;
    ctx.run_index = index;
    ctx.year = egaf_model_year(m);
    if (oom || egaf_cross_refs_begin(&ctx) != 0) {
        egaf_diags_fail(diags); /* a missing id would be reported unresolved */
        egaf_strmap_free(&ids);
        return;
    }
    report_duplicate_ids(&ctx);
    egaf_check_ids(&ctx, v->id_regex);
    egaf_check_references(&ctx);
    egaf_check_header(&ctx);
    egaf_check_sections(&ctx);
    egaf_check_components(&ctx);
    egaf_check_routes(&ctx);
    egaf_check_data(&ctx);
    egaf_check_security(&ctx);
    egaf_check_codes(&ctx);
    egaf_check_roadmap(&ctx);
    egaf_check_org(&ctx);
    egaf_check_targets(&ctx);
    egaf_check_chapters(&ctx);
    egaf_check_gap(&ctx);
    egaf_check_hygiene(&ctx);
    if (ctx.refs) {
        egaf_strmap unresolved;
        egaf_strmap_init(&unresolved);
        index_unresolved_national(&ctx, &unresolved);
        /* A reference to another architecture keeps its finding's place as
         * an index into this list (egaf_cross_refs_defer). The findings
         * removed here come from egaf_check_components, which runs after
         * egaf_check_references, so they all stand after every such place
         * and the places stay right; a check that defers must stay before
         * the components. */
        if (unresolved.count)
            egaf_diags_remove_if(diags, first, follows_from_unresolved, &unresolved);
        egaf_strmap_free(&unresolved);
    }
    apply_waivers(&ctx, first);
    egaf_cross_refs_end(&ctx, &ids);
    egaf_strmap_free(&ids);
}

void egaf_validate(egaf_validator *v, egaf_model *const *models, size_t n, egaf_diags *diags)
{
    egaf_run *run = egaf_run_create(v, n, true);
    if (!run) {
        egaf_diags_fail(diags);
        return;
    }
    for (size_t i = 0; i < n; i++)
        egaf_run_check(run, i, models[i], diags);
    egaf_run_finish(run);
    egaf_run_free(run);
}
