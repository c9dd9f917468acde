/* check_org.c - the organisation and who runs what (issue 18):
 *   org.owner-unknown            an `owner` that names no unit of the model and no
 *                                agency of the reference data
 *   org.parent-cycle             a unit's `parent` chain comes back to it
 *   org.relation-self            a relation from a unit to itself
 *   org.unit-kind                a district or commune in a ministry's architecture
 *   channel.application-kind     a counter, phone or email channel that names an
 *                                application as itself
 *   channel.application-unlinked a channel and an application of the same name,
 *                                not linked by the channel's `application`
 *   hosting.provider-missing     leased, cloud or colocated hosting without a provider */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fold.h"
#include "base/i18n.h"
#include "base/suggest.h"
#include "validator/check.h"

/* The local element a reference names, or NULL (national, another
 * architecture's, or nothing). */
static const egaf_element *local_target(const egaf_check_ctx *ctx, const char *ref)
{
    if (!ref)
        return NULL;
    egaf_ref r = egaf_ref_parse(ref);
    if (r.scope == EGAF_REF_OTHER_ARCH && ctx->model->id &&
        strlen(ctx->model->id) == r.arch_len && strncmp(ctx->model->id, r.arch, r.arch_len) == 0)
        r.scope = EGAF_REF_LOCAL; /* "<own-id>:id" */
    return r.scope == EGAF_REF_LOCAL ? egaf_check_lookup(ctx, r.id) : NULL;
}

static const char *id_or_display(const egaf_element *el)
{
    return el->id ? el->id : el->display;
}

/* ---- org.owner-unknown ------------------------------------------------- */

/* An organ code of QĐ 20/2020/QĐ-TTg ("000.00.00.H37", "H37.12"): capital
 * letters, digits and dots, with a dot. The reference data holds the codes
 * of ministries and provinces only, so a department's code is taken as it
 * is written. */
static bool looks_like_organ_code(const char *s)
{
    bool dot = false;
    for (const char *p = s; *p; p++) {
        if (*p == '.')
            dot = true;
        else if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return false;
    }
    return dot && s[0] != '.';
}

static void check_owner(egaf_check_ctx *ctx, const egaf_element *el)
{
    const egaf_value *v = egaf_element_get(el, EGAF_F_OWNER);
    if (!v || v->type != EGAF_FT_TEXT || !v->u.str.s || !*v->u.str.s)
        return;
    const char *owner = v->u.str.s;
    const egaf_element *target = local_target(ctx, owner);
    if (target && target->kind == EGAF_K_UNIT)
        return;
    if (!target) {
        if (looks_like_organ_code(owner))
            return;
        if (!ctx->refs)
            return; /* an agency id cannot be told from a typo without the data */
        if (egaf_refs_agency(ctx->refs, owner, 0))
            return;
    }
    const egaf_model *m = ctx->model;
    egaf_finding *f;
    if (target) {
        f = egaf_diag(ctx->diags, "org.owner-unknown", EGAF_VMARK(el, v), el->display,
                      _("owner of %s '%s' names %s '%s', which is not a unit"),
                      _(egaf_kind_info(el->kind)->noun), id_or_display(el),
                      _(egaf_kind_info(target->kind)->noun), owner);
        egaf_diag_related(ctx->diags, f, &target->mark, _("'%s' is declared here"), owner);
    } else {
        f = egaf_diag(ctx->diags, "org.owner-unknown", EGAF_VMARK(el, v), el->display,
                      _("owner of %s '%s' is '%s', which is no unit of the architecture and no "
                        "agency of the reference data"),
                      _(egaf_kind_info(el->kind)->noun), id_or_display(el), owner);
    }
    size_t n = m->counts[EGAF_K_UNIT];
    const char *sug = NULL;
    if (n && n <= 20000) {
        const char **cands = egaf_check_candidates(ctx, n);
        if (!cands)
            return;
        for (size_t i = 0; i < n; i++)
            cands[i] = m->elements[EGAF_K_UNIT][i]->id ? m->elements[EGAF_K_UNIT][i]->id : "";
        sug = egaf_suggest(owner, cands, n);
        free((void *)cands);
    }
    if (sug)
        egaf_diag_hint(ctx->diags, f, _("did you mean the unit '%s'?"), sug);
    else
        egaf_diag_hint(ctx->diags, f,
                       _("write the id of a unit of `business.units`, the organ code (mã định "
                         "danh) or the id of an agency of the reference data"));
}

/* ---- org.parent-cycle --------------------------------------------------- */

static const egaf_element *parent_of(const egaf_check_ctx *ctx, const egaf_element *unit)
{
    const egaf_element *p = local_target(ctx, egaf_element_text(unit, EGAF_F_PARENT));
    return p && p->kind == EGAF_K_UNIT ? p : NULL;
}

/* Walks each unit's chain of parents once (a unit's state: 0 not seen, 1 on
 * the walk under way, 2 done), so the check stays linear. A loop is reported
 * once, at the `parent` of its first unit in the model. */
static void check_parent_cycles(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    size_t n = m->counts[EGAF_K_UNIT];
    if (!n)
        return;
    unsigned char *state = calloc(n, 1);
    if (!state) {
        egaf_diags_fail(ctx->diags);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const egaf_element *u = m->elements[EGAF_K_UNIT][i];
        while (u && state[u->index] == 0) {
            state[u->index] = 1;
            u = parent_of(ctx, u);
        }
        if (u && state[u->index] == 1) {
            /* u is on this walk's loop: find the loop's first unit */
            const egaf_element *first = u;
            for (const egaf_element *p = parent_of(ctx, u); p != u; p = parent_of(ctx, p))
                if (p->index < first->index)
                    first = p;
            char chain[512];
            size_t used = 0;
            const egaf_element *p = first;
            do {
                int w = snprintf(chain + used, sizeof chain - used, "%s → ", p->id);
                if (w < 0 || (size_t)w >= sizeof chain - used) {
                    used = sizeof chain - 1;
                    break;
                }
                used += (size_t)w;
                p = parent_of(ctx, p);
            } while (p != first);
            if (used < sizeof chain - 1)
                snprintf(chain + used, sizeof chain - used, "%s", first->id);
            else
                snprintf(chain + sizeof chain - 5, 5, "…");
            const egaf_value *pv = egaf_element_get(first, EGAF_F_PARENT);
            egaf_finding *f = egaf_diag(ctx->diags, "org.parent-cycle", EGAF_VMARK(first, pv),
                                        first->display,
                                        _("unit '%s' is its own parent through its chain of "
                                          "parents: %s"),
                                        first->id, chain);
            egaf_diag_hint(ctx->diags, f,
                           _("a unit's `parent` is the unit above it; remove the `parent` of "
                             "the unit at the top"));
        }
        /* every unit of this walk is done, loop or not */
        for (u = m->elements[EGAF_K_UNIT][i]; u && state[u->index] == 1; u = parent_of(ctx, u))
            state[u->index] = 2;
    }
    free(state);
}

/* ---- org.relation-self, org.unit-kind ---------------------------------- */

static void check_relations(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    for (size_t i = 0; i < m->counts[EGAF_K_RELATION]; i++) {
        const egaf_element *r = m->elements[EGAF_K_RELATION][i];
        const char *from = egaf_element_text(r, EGAF_F_FROM);
        const egaf_value *to = egaf_element_get(r, EGAF_F_TO);
        if (!from || !to || to->type != EGAF_FT_REF || strcmp(from, to->u.str.s) != 0)
            continue;
        egaf_finding *f = egaf_diag(ctx->diags, "org.relation-self", EGAF_VMARK(r, to),
                                    r->display,
                                    _("relation %zu of the units goes from '%s' to itself"),
                                    r->index + 1, from);
        egaf_diag_hint(ctx->diags, f,
                       _("a relation joins two units: set `to` to the other unit, or remove "
                         "the relation"));
    }
}

static void check_unit_kinds(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    const char *level = m->header ? egaf_element_text(m->header, EGAF_F_LEVEL) : NULL;
    if (!level || strcmp(level, "ministry") != 0)
        return;
    for (size_t i = 0; i < m->counts[EGAF_K_UNIT]; i++) {
        const egaf_element *u = m->elements[EGAF_K_UNIT][i];
        const egaf_value *kv = egaf_element_get(u, EGAF_F_KIND);
        if (!kv || kv->type != EGAF_FT_ENUM ||
            (strcmp(kv->u.str.s, "district") != 0 && strcmp(kv->u.str.s, "commune") != 0))
            continue;
        egaf_finding *f = egaf_diag(
            ctx->diags, "org.unit-kind", EGAF_VMARK(u, kv), u->display,
            _("unit '%s' has `kind: %s`, but the architecture is a ministry's (level: "
              "ministry)"),
            u->id, kv->u.str.s);
        const egaf_value *lv = egaf_element_get(m->header, EGAF_F_LEVEL);
        if (lv)
            egaf_diag_related(ctx->diags, f, EGAF_VMARK(m->header, lv),
                              _("the level is declared here"));
        egaf_diag_hint(ctx->diags, f,
                       _("districts and communes belong to a province's architecture; a "
                         "ministry's units are departments, offices and centres"));
    }
}

/* ---- channel.application-kind, channel.application-unlinked ------------ */

static bool channel_can_be_application(const char *kind)
{
    static const char *const kinds[] = {"web", "mobile", "kiosk", "social", "other", NULL};
    for (size_t i = 0; kinds[i]; i++)
        if (strcmp(kind, kinds[i]) == 0)
            return true;
    return false;
}

static void check_channel_kinds(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    for (size_t i = 0; i < m->counts[EGAF_K_CHANNEL]; i++) {
        const egaf_element *c = m->elements[EGAF_K_CHANNEL][i];
        const egaf_value *av = egaf_element_get(c, EGAF_F_APPLICATION);
        const char *kind = egaf_element_text(c, EGAF_F_KIND);
        if (!av || av->type != EGAF_FT_REF || !kind || channel_can_be_application(kind))
            continue;
        egaf_finding *f = egaf_diag(ctx->diags, "channel.application-kind", EGAF_VMARK(c, av),
                                    c->display,
                                    _("channel '%s' has `kind: %s`, which is no application, but "
                                      "names '%s' as the application it is"),
                                    c->id, kind, av->u.str.s);
        egaf_diag_hint(ctx->diags, f,
                       _("only a web, mobile, kiosk or social channel is an application; name "
                         "the application in the `handled-by` of the services instead, or "
                         "correct the channel's `kind`"));
    }
}

static void check_channel_twins(egaf_check_ctx *ctx, egaf_arena *arena)
{
    const egaf_model *m = ctx->model;
    if (!m->counts[EGAF_K_CHANNEL])
        return;
    egaf_strmap systems; /* folded name -> first application or platform with it */
    egaf_strmap_init(&systems);
    bool oom = false;
    const egaf_kind kinds[] = {EGAF_K_APPLICATION, EGAF_K_PLATFORM};
    for (size_t k = 0; k < 2 && !oom; k++)
        for (size_t i = 0; i < m->counts[kinds[k]] && !oom; i++) {
            const egaf_element *a = m->elements[kinds[k]][i];
            if (!a->name || !a->id)
                continue;
            char *folded = egaf_fold_arena(arena, a->name);
            oom = !folded;
            if (folded && *folded)
                egaf_strmap_put(&systems, folded, strlen(folded), (void *)a, &oom);
        }
    for (size_t i = 0; i < m->counts[EGAF_K_CHANNEL] && !oom; i++) {
        const egaf_element *c = m->elements[EGAF_K_CHANNEL][i];
        if (!c->name || !c->id)
            continue;
        char *folded = egaf_fold_arena(arena, c->name);
        if (!folded) {
            oom = true;
            break;
        }
        const egaf_element *a = egaf_strmap_get(&systems, folded, strlen(folded));
        if (!a || local_target(ctx, egaf_element_text(c, EGAF_F_APPLICATION)) == a)
            continue;
        const egaf_value *nv = egaf_element_get(c, EGAF_F_NAME);
        const egaf_value *an = egaf_element_get(a, EGAF_F_NAME);
        const char *anoun = _(egaf_kind_info(a->kind)->noun);
        egaf_finding *f = egaf_diag(
            ctx->diags, "channel.application-unlinked", nv ? EGAF_VMARK(c, nv) : &c->mark,
            c->display,
            _("channel '%s' and %s '%s' have the same name (\"%s\") but no link: one thing "
              "declared twice"),
            c->id, anoun, a->id, c->name);
        egaf_diag_related(ctx->diags, f, an ? EGAF_VMARK(a, an) : &a->mark,
                          _("'%s' is named here"), a->id);
        egaf_diag_hint(ctx->diags, f,
                       _("if the channel is this %s, add `application: %s` to the channel; "
                         "otherwise give them names that tell them apart"),
                       anoun, a->id);
    }
    if (oom)
        egaf_diags_fail(ctx->diags);
    egaf_strmap_free(&systems);
}

/* ---- hosting.provider-missing ------------------------------------------ */

static void check_providers(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    const egaf_kind kinds[] = {EGAF_K_PLATFORM, EGAF_K_INFRASTRUCTURE};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < m->counts[kinds[k]]; i++) {
            const egaf_element *el = m->elements[kinds[k]][i];
            const egaf_value *hv = egaf_element_get(el, EGAF_F_HOSTING);
            if (!hv || hv->type != EGAF_FT_ENUM || strcmp(hv->u.str.s, "own") == 0 ||
                strcmp(hv->u.str.s, "other") == 0)
                continue;
            if (egaf_element_get(el, EGAF_F_PROVIDER) ||
                egaf_element_invalid(el, EGAF_F_PROVIDER))
                continue;
            egaf_finding *f = egaf_diag(
                ctx->diags, "hosting.provider-missing", EGAF_VMARK(el, hv), el->display,
                _("%s '%s' has `hosting: %s` but names no `provider`"),
                _(egaf_kind_info(el->kind)->noun), el->id, hv->u.str.s);
            egaf_diag_hint(ctx->diags, f,
                           _("add `provider:` with who provides and operates it (the telecom "
                             "operator, the cloud or the national platform)"));
        }
}

void egaf_check_org(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    if (m->header)
        check_owner(ctx, m->header);
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        for (size_t i = 0; i < m->counts[k]; i++)
            check_owner(ctx, m->elements[k][i]);
    check_parent_cycles(ctx);
    check_relations(ctx);
    check_unit_kinds(ctx);
    check_channel_kinds(ctx);
    egaf_check_with_arena(ctx, check_channel_twins);
    check_providers(ctx);
}
