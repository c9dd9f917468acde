/* check_data.c - master data against the national databases (QĐ 714/QĐ-TTg):
 * a database that holds a data subject takes it from its authoritative
 * national database (data.duplicate-master), and only the owner of a national
 * database declares itself that database (data.owns-national). */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "validator/check.h"

/* The national database id a database declares to be (properties:
 * {national-id: X}), with its value. */
static const egaf_str *declared_national(const egaf_element *db)
{
    const egaf_value *p = egaf_element_get(db, EGAF_F_PROPERTIES);
    if (!p)
        return NULL;
    for (size_t i = 0; i < p->u.props.count; i++)
        if (strcmp(p->u.props.items[i].key.s, "national-id") == 0)
            return &p->u.props.items[i].value;
    return NULL;
}

static const char *agency_name(const egaf_check_ctx *ctx, const char *id)
{
    const egaf_ref_entry *e = ctx->refs ? egaf_refs_find(ctx->refs, id) : NULL;
    return e && e->name ? e->name : id;
}

static void check_owns(egaf_check_ctx *ctx, const egaf_element *db, const egaf_ref_entry *agency)
{
    const egaf_str *nid = declared_national(db);
    if (!nid)
        return;
    const char *id = strncmp(nid->s, "national:", 9) == 0 ? nid->s + 9 : nid->s;
    const egaf_ref_entry *e = egaf_refs_find(ctx->refs, id);
    if (!e || e->kind != EGAF_RK_NATIONAL_DATABASE) {
        egaf_finding *d = egaf_diag(ctx->diags, "data.owns-national", &nid->mark, db->display,
                                    _("database '%s' declares itself national database '%s', "
                                      "which the reference models do not have"),
                                    db->id ? db->id : db->display, nid->s);
        egaf_diag_hint(ctx->diags, d, _("`egaf refs list` shows the national databases"));
        return;
    }
    if (!agency || !ctx->year)
        return;
    const char *owner = egaf_ref_owner_in(e, ctx->year);
    if (!owner || strcmp(owner, agency->id) == 0)
        return;
    char src[256];
    egaf_check_instrument(e->source, src, sizeof src);
    egaf_finding *d = egaf_diag(ctx->diags, "data.owns-national", &nid->mark, db->display,
                                _("database '%s' declares itself national database '%s' (%s), "
                                  "which %s owns in %d, not %s"),
                                db->id ? db->id : db->display, e->id, e->name,
                                agency_name(ctx, owner), ctx->year, agency->name);
    egaf_diag_hint(ctx->diags, d,
                   _("an agency consumes another agency's national database: "
                     "drop `national-id` and add `sources: [national:%s]`%s%s%s"),
                   e->id, src[0] ? " (" : "", src, src[0] ? ")" : "");
    const egaf_ref_owner *o = egaf_ref_owner_record(e, ctx->year);
    char what[256];
    snprintf(what, sizeof what, _("the owner of %s in %d"), e->name, ctx->year);
    if (o)
        egaf_check_rests_on_fact(ctx->diags, d, &o->fact, what);
}

static bool has_source(const egaf_element *db, const char *national_id)
{
    const egaf_value *v = egaf_element_get(db, EGAF_F_SOURCES);
    for (size_t i = 0; v && i < v->u.list.count; i++) {
        const char *s = v->u.list.items[i].s;
        if (strncmp(s, "national:", 9) == 0 && strcmp(s + 9, national_id) == 0)
            return true;
    }
    return false;
}

/* True when the database names in `sources` a national id the reference
 * models do not have: ref.unresolved reports it, and a duplicate master
 * would follow from the same misspelling ("national:csdl-dancu"), so it is
 * not reported a second time. */
static bool has_unresolved_national_source(const egaf_check_ctx *ctx, const egaf_element *db)
{
    const egaf_value *v = egaf_element_get(db, EGAF_F_SOURCES);
    for (size_t i = 0; v && i < v->u.list.count; i++) {
        const char *s = v->u.list.items[i].s;
        if (strncmp(s, "national:", 9) == 0 && !egaf_refs_find(ctx->refs, s + 9))
            return true;
    }
    return false;
}

/* reach[] caches, per authoritative database, which local databases reach it
 * through `sources` (directly or through other local databases). */
typedef struct reach_cache {
    const char *national_id;
    bool *reach;
} reach_cache;

/* NULL only when memory ran out; a full cache gives up its oldest entry. */
static const bool *reaches(egaf_check_ctx *ctx, reach_cache *cache, size_t *ncache,
                           size_t cap, const char *national_id)
{
    for (size_t i = 0; i < *ncache; i++)
        if (strcmp(cache[i].national_id, national_id) == 0)
            return cache[i].reach;
    if (*ncache == cap) {
        free(cache[0].reach);
        memmove(cache, cache + 1, (cap - 1) * sizeof(*cache));
        (*ncache)--;
    }
    size_t n = ctx->model->counts[EGAF_K_DATABASE];
    bool *r = malloc((n ? n : 1) * sizeof(*r));
    if (!r || !egaf_model_reaches(ctx->model, ctx->ids, EGAF_K_DATABASE, EGAF_F_SOURCES,
                                  national_id, r)) {
        free(r);
        egaf_diags_fail(ctx->diags);
        return NULL;
    }
    cache[*ncache].national_id = national_id;
    cache[*ncache].reach = r;
    (*ncache)++;
    return r;
}

static void check_master(egaf_check_ctx *ctx, const egaf_element *db, const egaf_ref_entry *agency,
                         reach_cache *cache, size_t *ncache, size_t cap)
{
    const egaf_value *holds = egaf_element_get(db, EGAF_F_HOLDS);
    if (has_unresolved_national_source(ctx, db))
        return;
    for (size_t i = 0; holds && i < holds->u.list.count; i++) {
        const egaf_str *s = &holds->u.list.items[i];
        const egaf_ref_entry *subject = egaf_refs_find(ctx->refs, s->s);
        if (!subject || subject->kind != EGAF_RK_DATA_SUBJECT || !subject->authoritative_db)
            continue; /* ref.unresolved reports unknown subjects */
        const egaf_ref_entry *nat = egaf_refs_find(ctx->refs, subject->authoritative_db);
        if (!nat)
            continue;
        if (ctx->year && !egaf_ref_valid_in(nat, ctx->year))
            continue;
        if (has_source(db, nat->id))
            continue;
        const bool *r = reaches(ctx, cache, ncache, cap, nat->id);
        if (!r || r[db->index])
            continue; /* !r: out of memory, said by the list */
        const char *owner = ctx->year ? egaf_ref_owner_in(nat, ctx->year) : NULL;
        if (agency && owner && strcmp(owner, agency->id) == 0)
            continue; /* the owner keeps the master copy */
        char src[256];
        egaf_check_instrument(subject->source, src, sizeof src);
        egaf_finding *d =
            egaf_diag(ctx->diags, "data.duplicate-master", &s->mark, db->display,
                      _("database '%s' holds '%s' (%s) but does not take it from "
                        "its authoritative source 'national:%s' (%s)"),
                      db->id ? db->id : db->display, s->s, subject->name, nat->id, nat->name);
        egaf_diag_hint(ctx->diags, d,
                       _("add `national:%s` to `sources`: data is collected once, "
                         "from the national database%s%s%s"),
                       nat->id, src[0] ? " (" : "", src, src[0] ? ")" : "");
        char what[256];
        snprintf(what, sizeof what, _("that %s is the authoritative source of %s"), nat->name,
                 subject->name);
        egaf_check_rests_on_fact(ctx->diags, d, &subject->fact, what);
    }
}

void egaf_check_data(egaf_check_ctx *ctx)
{
    if (!ctx->refs)
        return;
    const egaf_model *m = ctx->model;
    const egaf_ref_entry *agency = egaf_check_agency(ctx);
    reach_cache cache[16];
    size_t ncache = 0;
    for (size_t i = 0; i < m->counts[EGAF_K_DATABASE]; i++) {
        const egaf_element *db = m->elements[EGAF_K_DATABASE][i];
        check_owns(ctx, db, agency);
        check_master(ctx, db, agency, cache, &ncache, sizeof cache / sizeof cache[0]);
    }
    for (size_t i = 0; i < ncache; i++)
        free(cache[i].reach);
}
