/* check_cross.c - checks across the models of a consolidation (cross.*):
 * what no single model can show. Every pass is linear in the models'
 * elements and references, with hash maps keyed by architecture id, agency
 * id, national id and ARM code.
 *
 *   cross.duplicate-agency      two architectures of the same agency
 *   cross.id-clash              two architectures with the same id
 *   cross.unresolved            ARCH:ID where no architecture of the run is ARCH
 *   cross.one-sided             A names B's element, B's model never names A
 *   cross.owner-missing         a national system or database whose owner's
 *                               architecture does not declare it
 *   cross.duplicate-investment  an agency's own system where a national shared
 *                               system exists
 *   cross.shared-candidate      the same ARM code in several agencies
 *   cross.coverage              an agency of the year without an architecture
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/suggest.h"
#include "validator/check.h"
#include "validator/validate.h"

typedef struct cross_model {
    egaf_model *m;
    const egaf_element *h;
    const egaf_value *idv, *agencyv;
    const egaf_ref_entry *agency; /* as of the model's year, or NULL */
    const char *agency_key;       /* agency id, or the text written */
    int year;
    egaf_strmap ids;   /* id -> element */
    egaf_strmap names; /* architecture prefixes its references name */
} cross_model;

typedef struct cross_run {
    const egaf_refs *refs;
    egaf_diags *diags;
    int year;
    cross_model *cm;
    size_t n;
    egaf_strmap by_id;     /* architecture id -> first cross_model */
    egaf_strmap by_agency; /* agency key -> first cross_model */
    bool oom;
} cross_run;

/* Marks f as waived when el waives rule (the element's own `waivers`). */
static void waive(cross_run *r, egaf_finding *f, const egaf_element *el)
{
    const egaf_value *w = f && el ? egaf_element_get(el, EGAF_F_WAIVERS) : NULL;
    for (size_t i = 0; w && i < w->u.waivers.count; i++)
        if (w->u.waivers.items[i].rule.s && strcmp(w->u.waivers.items[i].rule.s, f->rule) == 0) {
            egaf_diag_waive(r->diags, f, w->u.waivers.items[i].reason.s);
            return;
        }
}

/* Where el writes field (or el itself), in *out. */
static const egaf_mark *value_mark(const egaf_element *el, egaf_field field, egaf_mark *out)
{
    const egaf_value *v = egaf_element_get(el, field);
    *out = v ? egaf_value_mark(el, v) : el->mark;
    return out;
}

static const char *agency_title(const egaf_ref_entry *a)
{
    return a && a->name ? a->name : "?";
}

static void put(cross_run *r, egaf_strmap *map, const char *key, size_t len, void *value)
{
    bool oom = false;
    egaf_strmap_put(map, key, len, value, &oom);
    if (oom)
        r->oom = true;
}

/* Each reference of el: calls fn with the value's string. */
typedef void (*ref_fn)(cross_run *r, cross_model *c, const egaf_element *el,
                       const egaf_value *v, const egaf_str *s);

static void each_ref(cross_run *r, cross_model *c, ref_fn fn)
{
    const egaf_model *m = c->m;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        for (size_t i = 0; i < m->counts[k]; i++) {
            const egaf_element *el = m->elements[k][i];
            for (size_t j = 0; j < el->nvalues; j++) {
                const egaf_value *v = &el->values[j];
                if (v->type == EGAF_FT_REF && v->u.str.s)
                    {
                    egaf_str s = egaf_value_str(el, v);
                    fn(r, c, el, v, &s);
                }
                else if (v->type == EGAF_FT_REFS)
                    for (size_t x = 0; x < v->u.list.count; x++)
                        fn(r, c, el, v, &v->u.list.items[x]);
            }
        }
}

static bool is_self(const cross_model *c, const egaf_ref *ref)
{
    const char *self = c->m->id;
    return self && strlen(self) == ref->arch_len && strncmp(self, ref->arch, ref->arch_len) == 0;
}

static void collect_names(cross_run *r, cross_model *c, const egaf_element *el,
                          const egaf_value *v, const egaf_str *s)
{
    (void)el;
    egaf_ref ref = egaf_ref_parse(s->s);
    /* a presence set: the value stands for "named at least once" */
    if (ref.scope == EGAF_REF_OTHER_ARCH && ref.arch_len && !is_self(c, &ref))
        put(r, &c->names, ref.arch, ref.arch_len, (void *)v);
}

/* ---- cross.duplicate-agency, cross.id-clash ----------------------------- */

static void check_identity(cross_run *r, cross_model *c)
{
    if (c->idv && c->idv->u.str.s) {
        const char *id = c->idv->u.str.s;
        bool oom = false;
        cross_model *first = egaf_strmap_put(&r->by_id, id, strlen(id), c, &oom);
        r->oom |= oom;
        if (first) {
            egaf_finding *f =
                egaf_diag(r->diags, "cross.id-clash", EGAF_VMARK(c->h, c->idv), c->h->display,
                          _("architecture id '%s' is also the id of %s"), id, first->m->path);
            egaf_diag_related(r->diags, f, EGAF_VMARK(first->h, first->idv),
                              _("'%s' is first used here"), id);
            egaf_diag_hint(r->diags, f,
                           _("`ARCH:ID` references need one architecture per id; "
                             "give this architecture its own id"));
            waive(r, f, c->h);
        }
    }
    if (c->agency_key) {
        bool oom = false;
        cross_model *first =
            egaf_strmap_put(&r->by_agency, c->agency_key, strlen(c->agency_key), c, &oom);
        r->oom |= oom;
        if (first) {
            const char *name = c->agency ? c->agency->name : c->agency_key;
            egaf_finding *f = egaf_diag(
                r->diags, "cross.duplicate-agency", EGAF_VMARK(c->h, c->agencyv), c->h->display,
                _("%s has two architectures in this consolidation: '%s' "
                  "and '%s'"),
                name, first->m->id ? first->m->id : "?", c->m->id ? c->m->id : "?");
            egaf_diag_related(r->diags, f, EGAF_VMARK(first->h, first->agencyv),
                              _("the other architecture of %s"), name);
            egaf_diag_hint(r->diags, f,
                           _("consolidate one architecture per agency: the current "
                             "one of the year"));
            /* two models that name the agency by a code the data is not sure of */
            const cross_model *pair[2] = {c, first};
            for (int k = 0; k < 2; k++) {
                const cross_model *x = pair[k];
                if (!x->agency || !x->agencyv || !x->agency->organ_code ||
                    strcmp(x->agencyv->u.str.s, x->agency->organ_code) != 0)
                    continue;
                char what[256];
                snprintf(what, sizeof what, _("the organ code of %s"), name);
                egaf_check_rests_on_fact(r->diags, f, &x->agency->code_fact, what);
            }
            waive(r, f, c->h);
        }
    }
}

/* ---- cross.unresolved, cross.one-sided ---------------------------------- */

static cross_model *run_model(cross_run *r, const char *arch, size_t len)
{
    return egaf_strmap_get(&r->by_id, arch, len);
}

static void check_ref(cross_run *r, cross_model *c, const egaf_element *el, const egaf_value *v,
                      const egaf_str *s)
{
    egaf_ref ref = egaf_ref_parse(s->s);
    if (ref.scope != EGAF_REF_OTHER_ARCH || is_self(c, &ref))
        return;
    const char *key = egaf_field_spec_of(egaf_kind_info(el->kind), v->field)
                          ? egaf_field_spec_of(egaf_kind_info(el->kind), v->field)->key
                          : "?";
    cross_model *other = run_model(r, ref.arch, ref.arch_len);
    if (!other) {
        egaf_finding *f = egaf_diag(r->diags, "cross.unresolved", &s->mark, el->display,
                                    _("'%s' of %s names architecture '%.*s', which is not in "
                                      "this consolidation"),
                                    key, el->display, (int)ref.arch_len, ref.arch);
        /* the closest architecture id, as the other position */
        const char **cands = malloc((r->n + 1) * sizeof(*cands));
        const char *sug = NULL;
        size_t nc = 0;
        if (cands) {
            for (size_t i = 0; i < r->n; i++)
                if (r->cm[i].idv && r->cm[i].idv->u.str.s)
                    cands[nc++] = r->cm[i].idv->u.str.s;
            char word[128];
            snprintf(word, sizeof word, "%.*s", (int)(ref.arch_len < 127 ? ref.arch_len : 127),
                     ref.arch);
            sug = nc ? egaf_suggest(word, cands, nc) : NULL;
            free(cands);
        }
        cross_model *near = sug ? run_model(r, sug, strlen(sug)) : NULL;
        if (near) {
            egaf_diag_related(r->diags, f, EGAF_VMARK(near->h, near->idv),
                              _("architecture '%s' is declared here"), sug);
            egaf_diag_hint(r->diags, f, _("did you mean '%s:%s'?"), sug, ref.id);
            egaf_diag_fix(r->diags, f, "%s:%s", sug, ref.id);
        } else {
            egaf_diag_hint(r->diags, f,
                           _("add that agency's architecture to the consolidation, "
                             "or correct the prefix"));
        }
        waive(r, f, el);
        return;
    }
    if (el->kind != EGAF_K_INTEGRATION || (v->field != EGAF_F_FROM && v->field != EGAF_F_TO))
        return;
    const egaf_element *target = egaf_strmap_get(&other->ids, ref.id, strlen(ref.id));
    if (!target || !c->m->id)
        return; /* ref.unresolved says so */
    if (egaf_strmap_get(&other->names, c->m->id, strlen(c->m->id)))
        return;
    egaf_finding *f = egaf_diag(r->diags, "cross.one-sided", &s->mark, el->display,
                                _("%s integrates with '%s', but architecture '%s' names nothing "
                                  "of '%s'"),
                                el->display, s->s, other->m->id, c->m->id);
    egaf_diag_related(r->diags, f, &target->mark,
                      _("'%s' is declared here; no integration of '%s' names '%s:…'"), ref.id,
                      other->m->id, c->m->id);
    egaf_diag_hint(r->diags, f,
                   _("both agencies declare the connection: add to '%s' an "
                     "integration with `from: %s` and `to: %s:…` (or the reverse)"),
                   other->m->id, ref.id, c->m->id);
    waive(r, f, el);
}

/* ---- cross.owner-missing ------------------------------------------------ */

static const egaf_ref_owner *owner_in(const egaf_ref_entry *e, int year)
{
    const egaf_ref_owner *found = NULL;
    for (size_t i = 0; i < e->nowners; i++) {
        const egaf_ref_owner *o = &e->owners[i];
        egaf_date from = o->valid_from ? o->valid_from : e->valid_from;
        egaf_date to = o->valid_to ? o->valid_to : e->valid_to;
        if ((from == 0 || from <= year * 10000 + 1231) && (to == 0 || to >= year * 10000 + 101))
            found = o;
    }
    return found;
}

static const char *declared_national(const egaf_element *el)
{
    const egaf_value *p = egaf_element_get(el, EGAF_F_PROPERTIES);
    for (size_t i = 0; p && i < p->u.props.count; i++)
        if (p->u.props.items[i].key.s && strcmp(p->u.props.items[i].key.s, "national-id") == 0) {
            const char *s = p->u.props.items[i].value.s;
            if (s && strncmp(s, "national:", 9) == 0)
                s += 9;
            return s;
        }
    return NULL;
}

static bool declares(const cross_model *c, const char *national_id)
{
    const egaf_model *m = c->m;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        for (size_t i = 0; i < m->counts[k]; i++) {
            const char *d = declared_national(m->elements[k][i]);
            if (d && strcmp(d, national_id) == 0)
                return true;
        }
    return false;
}

static void check_owners(cross_run *r)
{
    if (!r->refs)
        return;
    for (size_t i = 0; i < r->refs->nentries; i++) {
        const egaf_ref_entry *e = r->refs->entries[i];
        if (e->kind != EGAF_RK_SHARED_SYSTEM && e->kind != EGAF_RK_NATIONAL_DATABASE)
            continue;
        if (!egaf_ref_valid_in(e, r->year))
            continue;
        const egaf_ref_owner *o = owner_in(e, r->year);
        if (!o || !o->agency || o->fact.confidence == EGAF_CONF_UNKNOWN) /* not asked for */
            continue;
        cross_model *c = egaf_strmap_get(&r->by_agency, o->agency, strlen(o->agency));
        if (!c || declares(c, e->id))
            continue;
        bool db = e->kind == EGAF_RK_NATIONAL_DATABASE;
        egaf_finding *f = egaf_diag(
            r->diags, "cross.owner-missing", EGAF_VMARK(c->h, c->agencyv), c->h->display,
            _("%s owns %s '%s' (%s) in %d, but architecture '%s' declares no element that is it"),
            agency_title(c->agency), db ? _("national database") : _("national shared system"),
            e->id, e->name ? e->name : e->id, r->year, c->m->id ? c->m->id : "?");
        egaf_diag_related(r->diags, f, &e->mark, _("'%s' and its owner are declared here"), e->id);
        egaf_diag_hint(r->diags, f, _("add the %s with `properties: {national-id: %s}`"),
                       db ? _("database") : _("platform or application"), e->id);
        waive(r, f, c->h);
    }
}

/* ---- cross.duplicate-investment ----------------------------------------- */

/* An agency's own element that duplicates a national shared system. */
typedef struct dup_rule {
    egaf_kind kind;
    egaf_field field;
    const char *value;
    const char *national;
    const char *what;
} dup_rule;

static const dup_rule dup_rules[] = {
    {EGAF_K_PLATFORM, EGAF_F_KIND, "payment", "paygov", "its own online payment platform"},
    {EGAF_K_APPLICATION, EGAF_F_ARM, "ARM002.002", "paygov", "its own online payment system"},
    {EGAF_K_APPLICATION, EGAF_F_ROLE, "xac-thuc", "vneid",
     "its own identification system for citizens"},
};

static bool retired(const egaf_element *el)
{
    const char *s = egaf_element_text(el, EGAF_F_STATUS);
    return s && strcmp(s, "retired") == 0;
}

/* A portal application that serves online public services: a public-service
 * portal of its own. */
static bool serves_online(const cross_model *c, const egaf_element *app)
{
    const egaf_value *v = egaf_element_get(app, EGAF_F_SERVES);
    for (size_t i = 0; v && i < v->u.list.count; i++) {
        const char *id = v->u.list.items[i].s;
        const egaf_element *s = egaf_strmap_get(&c->ids, id, strlen(id));
        if (!s || s->kind != EGAF_K_SERVICE)
            continue;
        const char *online = egaf_element_text(s, EGAF_F_ONLINE);
        if (online && strcmp(online, "none") != 0)
            return true;
    }
    return false;
}

typedef struct dup_first {
    cross_model *c;
    const egaf_element *el;
} dup_first;

static void report_dup(cross_run *r, cross_model *c, const egaf_element *el, egaf_field field,
                       const char *national, const char *what, egaf_strmap *firsts,
                       dup_first *slots, size_t *nslots)
{
    const egaf_ref_entry *e = r->refs ? egaf_refs_find(r->refs, national) : NULL;
    int year = c->year ? c->year : r->year;
    if (!e || !egaf_ref_valid_in(e, year))
        return;
    const char *d = declared_national(el);
    if (d && strcmp(d, national) == 0)
        return; /* it is the national system */
    const char *owner = egaf_ref_owner_in(e, year);
    if (owner && c->agency && strcmp(owner, c->agency->id) == 0)
        return;
    egaf_finding *f = egaf_diag(
        r->diags, "cross.duplicate-investment", value_mark(el, field, &(egaf_mark){0}), el->display,
        _("%s: %s builds %s, where national shared system '%s' (%s) "
          "exists"),
        el->display, agency_title(c->agency), what, e->id, e->name ? e->name : e->id);
    egaf_diag_related(r->diags, f, &e->mark, _("national shared system '%s' is declared here"),
                      e->id);
    dup_first *first = egaf_strmap_get(firsts, national, strlen(national));
    if (first && first->c != c)
        egaf_diag_related(r->diags, f, value_mark(first->el, field, &(egaf_mark){0}),
                          _("%s builds the same: '%s'"), agency_title(first->c->agency),
                          first->el->display);
    else if (!first && *nslots < 64) {
        slots[*nslots] = (dup_first){c, el};
        put(r, firsts, national, strlen(national), &slots[(*nslots)++]);
    }
    egaf_diag_hint(r->diags, f,
                   _("use national:%s (connect through the LGSP) instead of a system "
                     "of your own"),
                   e->id);
    waive(r, f, el);
}

static void check_investment(cross_run *r)
{
    egaf_strmap firsts; /* national id -> first duplicate */
    egaf_strmap_init(&firsts);
    dup_first slots[64];
    size_t nslots = 0;
    egaf_strmap arm_first; /* ARM code -> first application */
    egaf_strmap_init(&arm_first);
    /* one slot per application: the map points into this array */
    size_t napps = 0;
    for (size_t i = 0; i < r->n; i++)
        napps += r->cm[i].m->counts[EGAF_K_APPLICATION];
    dup_first *arms = calloc(napps ? napps : 1, sizeof(*arms));
    size_t narms = 0;
    if (!arms)
        r->oom = true;
    for (size_t i = 0; i < r->n; i++) {
        cross_model *c = &r->cm[i];
        const egaf_model *m = c->m;
        const egaf_ref_framework *fw =
            r->refs && m->framework.s ? egaf_refs_framework(r->refs, m->framework.s) : NULL;
        for (size_t k = 0; k < sizeof dup_rules / sizeof dup_rules[0]; k++) {
            const dup_rule *dr = &dup_rules[k];
            for (size_t j = 0; j < m->counts[dr->kind]; j++) {
                const egaf_element *el = m->elements[dr->kind][j];
                const char *v = egaf_element_text(el, dr->field);
                if (v && strcmp(v, dr->value) == 0 && !retired(el))
                    report_dup(r, c, el, dr->field, dr->national, dr->what, &firsts, slots,
                               &nslots);
            }
        }
        for (size_t j = 0; j < m->counts[EGAF_K_APPLICATION]; j++) {
            const egaf_element *el = m->elements[EGAF_K_APPLICATION][j];
            const char *role = egaf_element_text(el, EGAF_F_ROLE);
            if (retired(el))
                continue;
            if (role && strcmp(role, "portal") == 0 && serves_online(c, el))
                report_dup(r, c, el, EGAF_F_ROLE, "dvcqg", "its own public-service portal",
                           &firsts, slots, &nslots);
            const char *arm = egaf_element_text(el, EGAF_F_ARM);
            if (!arm)
                continue;
            /* roles of the framework's required components: every agency
             * builds them */
            bool required = false;
            for (size_t q = 0; fw && role && q < fw->nrequirements; q++) {
                const egaf_ref_requirement *rq = &fw->requirements[q];
                if (rq->match_key && strcmp(rq->match_key, "role") == 0 && rq->match_value &&
                    strcmp(rq->match_value, role) == 0)
                    required = true;
            }
            if (required)
                continue;
            dup_first *first = egaf_strmap_get(&arm_first, arm, strlen(arm));
            if (!first) {
                if (!arms)
                    continue;
                arms[narms] = (dup_first){c, el};
                put(r, &arm_first, arm, strlen(arm), &arms[narms++]);
                continue;
            }
            if (first->c == c || !first->c->agency_key || !c->agency_key ||
                strcmp(first->c->agency_key, c->agency_key) == 0)
                continue;
            egaf_finding *f = egaf_diag(
                r->diags, "cross.shared-candidate", value_mark(el, EGAF_F_ARM, &(egaf_mark){0}),
                el->display,
                _("%s (%s) has ARM code %s, like '%s' of %s: a candidate for one shared system"),
                el->display, agency_title(c->agency), arm, first->el->display,
                agency_title(first->c->agency));
            egaf_diag_related(r->diags, f, value_mark(first->el, EGAF_F_ARM, &(egaf_mark){0}),
                              _("'%s' has the same ARM code"), first->el->display);
            egaf_diag_hint(r->diags, f,
                           _("consider one shared system for %s, or say in the "
                             "description why each agency needs its own"),
                           arm);
            waive(r, f, el);
        }
    }
    egaf_strmap_free(&arm_first);
    egaf_strmap_free(&firsts);
    free(arms);
}

/* ---- cross.coverage ----------------------------------------------------- */

static bool valid_at_year_end(const egaf_ref_entry *e, int year)
{
    egaf_date end = year * 10000 + 1231;
    return (e->valid_from == 0 || e->valid_from <= end) && (e->valid_to == 0 || e->valid_to >= end);
}

static void check_coverage(cross_run *r)
{
    if (!r->refs)
        return;
    for (size_t i = 0; i < r->refs->nentries; i++) {
        const egaf_ref_entry *e = r->refs->entries[i];
        if (e->kind != EGAF_RK_AGENCY || !e->level || !valid_at_year_end(e, r->year))
            continue;
        if (egaf_strmap_get(&r->by_agency, e->id, strlen(e->id)))
            continue;
        if (e->organ_code && egaf_strmap_get(&r->by_agency, e->organ_code, strlen(e->organ_code)))
            continue;
        egaf_diag(r->diags, "cross.coverage", &e->mark, NULL,
                  _("%s (%s%s%s) has no architecture in the consolidation of %d"), e->name, e->id,
                  e->organ_code ? ", " : "", e->organ_code ? e->organ_code : "", r->year);
    }
}

/* ---- the entry point ---------------------------------------------------- */

void egaf_validate_cross(const egaf_refs *refs, egaf_model *const *models, size_t n, int year,
                         egaf_diags *diags)
{
    cross_run r;
    memset(&r, 0, sizeof(r));
    r.refs = refs;
    r.diags = diags;
    r.year = year;
    egaf_strmap_init(&r.by_id);
    egaf_strmap_init(&r.by_agency);
    r.cm = calloc(n ? n : 1, sizeof(*r.cm));
    if (!r.cm) {
        egaf_diags_fail(diags);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        egaf_model *m = models[i];
        if (!m->readable || !m->header)
            continue;
        cross_model *c = &r.cm[r.n++];
        c->m = m;
        c->h = m->header;
        egaf_strmap_init(&c->ids);
        egaf_strmap_init(&c->names);
        c->idv = egaf_element_get(m->header, EGAF_F_ID);
        if (c->idv && (c->idv->type != EGAF_FT_ID || !c->idv->u.str.s))
            c->idv = NULL;
        c->agencyv = egaf_element_get(m->header, EGAF_F_AGENCY);
        if (c->agencyv && (c->agencyv->type != EGAF_FT_TEXT || !c->agencyv->u.str.s))
            c->agencyv = NULL;
        c->year = egaf_model_year(m);
        if (c->agencyv) {
            const char *code = c->agencyv->u.str.s;
            c->agency = refs ? egaf_refs_agency(refs, code, c->year ? c->year : year) : NULL;
            c->agency_key = c->agency ? c->agency->id : code;
        }
        for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
            for (size_t j = 0; j < m->counts[k]; j++) {
                const egaf_element *el = m->elements[k][j];
                if (el->id)
                    put(&r, &c->ids, el->id, strlen(el->id), (void *)el);
            }
        each_ref(&r, c, collect_names);
    }
    for (size_t i = 0; i < r.n; i++)
        check_identity(&r, &r.cm[i]);
    for (size_t i = 0; i < r.n; i++)
        each_ref(&r, &r.cm[i], check_ref);
    check_owners(&r);
    check_investment(&r);
    check_coverage(&r);
    for (size_t i = 0; i < r.n; i++) {
        egaf_strmap_free(&r.cm[i].ids);
        egaf_strmap_free(&r.cm[i].names);
    }
    free(r.cm);
    egaf_strmap_free(&r.by_id);
    egaf_strmap_free(&r.by_agency);
    if (r.oom)
        egaf_diags_fail(diags); /* the cross-model findings are incomplete */
}
