/* check_hygiene.c - signs of an unfinished model: elements nothing refers to
 * (hygiene.unused; units are exempt), names that differ only by diacritics, case or spacing
 * (hygiene.similar-names), sections without elements (hygiene.empty-section). */
#include <stdlib.h>
#include <string.h>

#include "base/fold.h"
#include "base/i18n.h"
#include "validator/check.h"

/* Records the local ids el names in field; *oom when the map could not
 * grow (an id left out would be reported unused). */
static void mark_used(const egaf_element *el, egaf_field field, egaf_strmap *used, bool *oom)
{
    const egaf_value *v = egaf_element_get(el, field);
    if (!v)
        return;
    if (v->type == EGAF_FT_REF) {
        if (egaf_ref_parse(v->u.str.s).scope == EGAF_REF_LOCAL)
            egaf_strmap_put(used, v->u.str.s, strlen(v->u.str.s), (void *)el, oom);
        return;
    }
    if (v->type != EGAF_FT_REFS)
        return;
    for (size_t i = 0; i < v->u.list.count; i++) {
        const char *s = v->u.list.items[i].s;
        if (egaf_ref_parse(s).scope == EGAF_REF_LOCAL)
            egaf_strmap_put(used, s, strlen(s), (void *)el, oom);
    }
}

static void mark_kind(const egaf_model *m, egaf_kind kind, const egaf_field *fields, size_t n,
                      egaf_strmap *used, bool *oom)
{
    for (size_t i = 0; i < m->counts[kind]; i++)
        for (size_t j = 0; j < n; j++)
            mark_used(m->elements[kind][i], fields[j], used, oom);
}

static void report_unused(egaf_check_ctx *ctx, egaf_kind kind, const egaf_strmap *used,
                          const char *what, const char *hint)
{
    const egaf_model *m = ctx->model;
    for (size_t i = 0; i < m->counts[kind]; i++) {
        const egaf_element *el = m->elements[kind][i];
        if (!el->id || egaf_strmap_get(used, el->id, strlen(el->id)))
            continue;
        const char *status = egaf_element_text(el, EGAF_F_STATUS);
        if (status && strcmp(status, "retired") == 0)
            continue; /* kept for the record: nothing is expected to use it */
        const egaf_value *idv = egaf_element_get(el, EGAF_F_ID);
        egaf_finding *d = egaf_diag(
            ctx->diags, "hygiene.unused", idv ? EGAF_VMARK(el, idv) : &el->mark, el->display,
            _("%s '%s' is not used: %s"), _(egaf_kind_info(kind)->noun), el->id, what);
        egaf_diag_hint(ctx->diags, d, _("%s, or remove it"), hint);
    }
}

static void check_unused(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    egaf_strmap used;
    egaf_strmap_init(&used);
    /* an application's actors: the officials and leaders of an internal
     * system (document management, the operations centre) */
    static const egaf_field app_fields[] = {EGAF_F_USES, EGAF_F_HOSTED_ON, EGAF_F_ACTORS};
    static const egaf_field int_fields[] = {EGAF_F_FROM, EGAF_F_TO};
    static const egaf_field db_fields[] = {EGAF_F_SOURCES, EGAF_F_HOSTED_ON};
    static const egaf_field hosted[] = {EGAF_F_HOSTED_ON};
    static const egaf_field infra_fields[] = {EGAF_F_CONNECTS};
    static const egaf_field service_fields[] = {EGAF_F_CHANNELS, EGAF_F_ACTORS};
    bool oom = false;
    mark_kind(m, EGAF_K_APPLICATION, app_fields, 3, &used, &oom);
    mark_kind(m, EGAF_K_INTEGRATION, int_fields, 2, &used, &oom);
    mark_kind(m, EGAF_K_DATABASE, db_fields, 2, &used, &oom);
    mark_kind(m, EGAF_K_PLATFORM, hosted, 1, &used, &oom);
    mark_kind(m, EGAF_K_INFRASTRUCTURE, infra_fields, 1, &used, &oom);
    mark_kind(m, EGAF_K_SERVICE, service_fields, 2, &used, &oom);
    if (oom) {
        egaf_diags_fail(ctx->diags);
        egaf_strmap_free(&used);
        return;
    }
    report_unused(ctx, EGAF_K_DATABASE, &used,
                  _("no application uses it, no integration touches it and no database sources "
                    "from it"),
                  _("name it in an application's `uses`, an integration or a database's "
                    "`sources`"));
    report_unused(ctx, EGAF_K_INFRASTRUCTURE, &used,
                  _("nothing is hosted on it and nothing connects to it"),
                  _("name it in the `hosted-on` of the systems it runs or the `connects` of "
                    "other infrastructure"));
    report_unused(ctx, EGAF_K_CHANNEL, &used, _("no service is offered on it"),
                  _("name it in the `channels` of the services offered on it"));
    report_unused(ctx, EGAF_K_ACTOR, &used, _("no service or application names it"),
                  _("name it in the `actors` of the services or applications it uses"));
    /* Units are not reported: an organisation chart lists every department,
     * district and commune, whether or not it owns or uses a system. */
    egaf_strmap_free(&used);
}

static void check_similar(egaf_check_ctx *ctx, egaf_arena *arena)
{
    const egaf_model *m = ctx->model;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++) {
        egaf_strmap folded;
        egaf_strmap_init(&folded);
        for (size_t i = 0; i < m->counts[k]; i++) {
            const egaf_element *el = m->elements[k][i];
            if (!el->name)
                continue;
            char *f = egaf_fold_arena(arena, el->name);
            bool oom = !f;
            const egaf_element *first =
                f && *f ? egaf_strmap_put(&folded, f, strlen(f), (void *)el, &oom) : NULL;
            if (oom) {
                egaf_diags_fail(ctx->diags);
                break;
            }
            if (!first || strcmp(first->name, el->name) == 0)
                continue;
            const egaf_value *nv = egaf_element_get(el, EGAF_F_NAME);
            const egaf_value *fv = egaf_element_get(first, EGAF_F_NAME);
            const char *noun = _(egaf_kind_info((egaf_kind)k)->noun);
            egaf_finding *d = egaf_diag(
                ctx->diags, "hygiene.similar-names", nv ? EGAF_VMARK(el, nv) : &el->mark,
                el->display,
                _("%s '%s' is named \"%s\", which differs from the name of %s '%s' (\"%s\") only "
                  "by diacritics, case or spacing"),
                noun, el->id ? el->id : el->display, el->name, noun,
                first->id ? first->id : first->display, first->name);
            egaf_diag_related(ctx->diags, d, fv ? EGAF_VMARK(first, fv) : &first->mark,
                              _("'%s' is named here"), first->id ? first->id : first->display);
            egaf_diag_hint(ctx->diags, d,
                           _("if they are one %s, merge them; otherwise give them "
                             "names that tell them apart, written with full "
                             "Vietnamese diacritics"),
                           noun);
        }
        egaf_strmap_free(&folded);
        egaf_arena_reset(arena); /* the folded names of one kind at a time */
    }
}

static void check_empty(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    for (int s = 0; s < EGAF_S__COUNT; s++) {
        if (!m->section_present[s])
            continue;
        const char *name = egaf_section_name((egaf_section)s);
        size_t n = 0;
        for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
            if (strcmp(egaf_kind_info((egaf_kind)k)->section, name) == 0)
                n += m->counts[k];
        if (s == EGAF_S_IMPLEMENTATION && m->organisation.s)
            n++;
        if (n)
            continue;
        egaf_finding *d = egaf_diag(ctx->diags, "hygiene.empty-section", &m->section_marks[s],
                                    m->header ? m->header->display : m->id,
                                    _("section '%s' has no elements"), name);
        egaf_diag_hint(ctx->diags, d,
                       _("list its elements (for example under `%s:`), or "
                         "remove the section"),
                       egaf_section_keys((egaf_section)s)[0]);
    }
}

void egaf_check_hygiene(egaf_check_ctx *ctx)
{
    check_unused(ctx);
    egaf_check_with_arena(ctx, check_similar);
    check_empty(ctx);
}
