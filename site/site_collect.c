/* site_collect.c - the consolidated figures, computed once before anything
 * is written: every architecture's agency, group and page name, its links to
 * national entries, its counts (services online, systems by security level,
 * findings), the agencies of the year without an architecture, and the
 * national targets the models measure. Every list is sorted or in a fixed
 * order, so the same inputs give the same figures. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "model/query.h"
#include "site/site_priv.h"
#include "base/grow.h"

static const char *make_slug(egaf_site *s, egaf_strmap *used, const char *id, size_t index)
{
    /* a page and folder name: only an id that is already a short slug is
     * used as it is; any other (too long, '/', '..', …) gets a number */
    const char *base = egaf_slug_ok(id, EGAF_ID_MAX_LEN) ? egaf_arena_strdup(s->arena, id)
                          : egaf_arena_printf(s->arena, "model-%zu", index + 1);
    const char *slug = base;
    for (int i = 2; slug && egaf_strmap_get(used, slug, strlen(slug)); i++)
        slug = egaf_arena_printf(s->arena, "%s-%d", base, i);
    if (!slug)
        return NULL;
    bool oom = false;
    egaf_strmap_put(used, slug, strlen(slug), (void *)slug, &oom);
    return oom ? NULL : slug;
}

const char *site_agency_display(egaf_site *s, const egaf_ref_entry *a, const egaf_model *m)
{
    if (a && a->name) {
        const char *name = s->en && a->name_en ? a->name_en : a->name;
        bool titled = strncmp(a->name, "Thành phố ", strlen("Thành phố ")) == 0 ||
                      strncmp(a->name, "Tỉnh ", strlen("Tỉnh ")) == 0;
        if (a->level && strcmp(a->level, "province") == 0 && !titled)
            return egaf_arena_printf(s->arena, "%s %s",
                                     s->en ? (a->municipality ? "City of" : "Province of")
                                           : (a->municipality ? "Thành phố" : "Tỉnh"),
                                     name);
        return name;
    }
    const char *title = m->header ? egaf_element_text(m->header, EGAF_F_NAME) : NULL;
    return title ? title : (m->id ? m->id : m->path);
}

static int group_of(const egaf_ref_entry *a, const egaf_model *m)
{
    return site_group_of_level(site_agency_level(a, m));
}

static int compare_agency(const void *pa, const void *pb)
{
    const site_agency *a = pa, *b = pb;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    return strcmp(a->slug, b->slug);
}

static void add_link(egaf_site *s, site_agency *a, const char *ref, const egaf_element *el,
                     unsigned how, const char *from, const char *via, const char *route)
{
    if (!ref || strncmp(ref, "national:", 9) != 0)
        return;
    const char *id = ref + 9;
    size_t idx = (size_t)(uintptr_t)egaf_strmap_get(&s->nat_index, id, strlen(id));
    if (!idx)
        return; /* not a national entry of the year: a finding says so */
    a->links = egaf_grow(a->links, &a->caplinks, a->nlinks, sizeof(*a->links), 16);
    if (a->nlinks == a->caplinks) {
        s->failed = true;
        return;
    }
    a->links[a->nlinks++] = (site_link){idx - 1, el, how, from, via, route};
}

static const char *text_of(const egaf_element *el, egaf_field f)
{
    return egaf_element_text(el, f);
}

/* The element a local reference names ("id" or "<own>:id"), or NULL. */
static const egaf_element *local(const site_agency *a, const char *ref)
{
    return egaf_model_local(a->m, &a->ids, ref);
}

static const egaf_value *refs_of(const egaf_element *el, egaf_field f)
{
    const egaf_value *v = egaf_element_get(el, f);
    return v && v->type == EGAF_FT_REFS ? v : NULL;
}

static void summarise(egaf_site *s, site_agency *a)
{
    egaf_model *m = a->m;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        for (size_t i = 0; i < m->counts[k]; i++) {
            const egaf_element *el = m->elements[k][i];
            bool oom = false;
            if (el->id)
                egaf_strmap_put(&a->ids, el->id, strlen(el->id), (void *)el, &oom);
            if (oom)
                s->failed = true;
        }
    for (size_t i = 0; i < m->counts[EGAF_K_SERVICE]; i++) {
        const char *o = text_of(m->elements[EGAF_K_SERVICE][i], EGAF_F_ONLINE);
        a->services++;
        if (o && strcmp(o, "full") == 0)
            a->online[0]++;
        else if (o && strcmp(o, "partial") == 0)
            a->online[1]++;
        else if (o && strcmp(o, "none") == 0)
            a->online[2]++;
    }
    static const egaf_kind systems[] = {EGAF_K_APPLICATION, EGAF_K_PLATFORM,
                                        EGAF_K_INFRASTRUCTURE};
    for (size_t k = 0; k < 3; k++)
        for (size_t i = 0; i < m->counts[systems[k]]; i++) {
            const egaf_element *el = m->elements[systems[k]][i];
            const char *st = text_of(el, EGAF_F_STATUS);
            if (st && strcmp(st, "retired") == 0)
                continue;
            const egaf_value *v = egaf_element_get(el, EGAF_F_SECURITY_LEVEL);
            int lv = v && v->type == EGAF_FT_INT && v->u.num >= 1 && v->u.num <= 5
                         ? (int)v->u.num
                         : 0;
            if (systems[k] == EGAF_K_INFRASTRUCTURE && !lv)
                continue; /* networks and servers need no level of their own */
            a->sec[lv]++;
        }
    /* the LGSP shown: the first that reaches NGSP, else the first */
    bool *ngsp = calloc(m->counts[EGAF_K_PLATFORM] + 1, sizeof(*ngsp));
    if (!ngsp || !egaf_model_reaches(m, &a->ids, EGAF_K_PLATFORM, EGAF_F_CONNECTS, "ngsp", ngsp))
        s->failed = true;
    for (size_t i = 0; ngsp && i < m->counts[EGAF_K_PLATFORM]; i++) {
        const egaf_element *p = m->elements[EGAF_K_PLATFORM][i];
        if (egaf_element_is_lgsp(p) && (!a->lgsp || (ngsp[i] && !a->lgsp_ngsp))) {
            a->lgsp = p;
            a->lgsp_ngsp = ngsp[i];
        }
    }
    free(ngsp);
    /* links to national entries, in model order */
    for (size_t i = 0; i < m->counts[EGAF_K_INTEGRATION]; i++) {
        const egaf_element *in = m->elements[EGAF_K_INTEGRATION][i];
        const char *from = text_of(in, EGAF_F_FROM), *to = text_of(in, EGAF_F_TO);
        const char *via = text_of(in, EGAF_F_VIA), *route = text_of(in, EGAF_F_ROUTE);
        unsigned how = LK_DIRECT;
        if (route && route[0] >= 'a' && route[0] <= 'd' && !route[1])
            how = 1u << (route[0] - 'a');
        else if (via)
            how = LK_VIA;
        add_link(s, a, to, in, how, from, via, route);
        add_link(s, a, from, in, how, to, via, route);
        const egaf_element *src = local(a, from);
        if (src && src->id && to && strncmp(to, "national:", 9) == 0) {
            const char *key = egaf_arena_printf(s->arena, "%s\x1f%s", src->id, to + 9);
            bool oom = !key;
            if (key)
                egaf_strmap_put(&a->integrated, key, strlen(key), (void *)key, &oom);
            if (oom)
                s->failed = true;
        }
    }
    static const egaf_kind connecting[] = {EGAF_K_PLATFORM, EGAF_K_INFRASTRUCTURE};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < m->counts[connecting[k]]; i++) {
            const egaf_element *el = m->elements[connecting[k]][i];
            const egaf_value *v = refs_of(el, EGAF_F_CONNECTS);
            for (size_t j = 0; v && j < v->u.list.count; j++)
                add_link(s, a, v->u.list.items[j].s, el,
                         connecting[k] == EGAF_K_INFRASTRUCTURE ? LK_NETWORK : LK_CONNECTS, el->id,
                         NULL, NULL);
        }
    for (size_t i = 0; i < m->counts[EGAF_K_DATABASE]; i++) {
        const egaf_element *el = m->elements[EGAF_K_DATABASE][i];
        const egaf_value *v = refs_of(el, EGAF_F_SOURCES);
        for (size_t j = 0; v && j < v->u.list.count; j++)
            add_link(s, a, v->u.list.items[j].s, el, LK_SOURCES, el->id, NULL, NULL);
    }
}

static bool valid_at_year_end(const egaf_ref_entry *e, int year)
{
    egaf_date end = year * 10000 + 1231;
    return (e->valid_from == 0 || e->valid_from <= end) && (e->valid_to == 0 || e->valid_to >= end);
}

static int collect_nationals(egaf_site *s)
{
    const egaf_refs *refs = s->refs;
    if (!refs)
        return 0;
    s->nat = calloc(refs->nentries + 1, sizeof(*s->nat));
    if (!s->nat)
        return -1;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < refs->nentries; i++) {
            const egaf_ref_entry *e = refs->entries[i];
            egaf_ref_kind want = pass == 0 ? EGAF_RK_SHARED_SYSTEM : EGAF_RK_NATIONAL_DATABASE;
            if (e->kind != want || !egaf_ref_valid_in(e, s->year))
                continue;
            site_national *n = &s->nat[s->nnat++];
            n->e = e;
            n->id = e->id;
            n->db = pass == 1;
            bool oom = false;
            egaf_strmap_put(&s->nat_index, e->id, strlen(e->id), (void *)(uintptr_t)s->nnat,
                            &oom);
            if (oom)
                return -1;
        }
    return 0;
}

static int collect_agencies(egaf_site *s)
{
    s->ag = calloc(s->nmodels + 1, sizeof(*s->ag));
    if (!s->ag)
        return -1;
    egaf_strmap used;
    egaf_strmap_init(&used);
    for (size_t i = 0; i < s->nmodels; i++) {
        egaf_model *m = s->models[i];
        if (!m->readable)
            continue;
        site_agency *a = &s->ag[s->nag++];
        a->m = m;
        a->year = egaf_model_year(m);
        const char *code = m->header ? egaf_element_text(m->header, EGAF_F_AGENCY) : NULL;
        a->agency = s->refs && code ? egaf_refs_agency(s->refs, code, a->year ? a->year : s->year)
                                    : NULL;
        a->slug = make_slug(s, &used, m->id, i);
        a->name = site_agency_display(s, a->agency, m);
        const char *title = NULL;
        if (m->header && s->en)
            title = egaf_element_text(m->header, EGAF_F_NAME_EN);
        if (!title && m->header)
            title = egaf_element_text(m->header, EGAF_F_NAME);
        a->title = title ? title : a->name;
        a->group = group_of(a->agency, m);
        egaf_strmap_init(&a->ids);
        egaf_strmap_init(&a->integrated);
        if (!a->slug || !a->name) {
            egaf_strmap_free(&used);
            return -1;
        }
    }
    egaf_strmap_free(&used);
    qsort(s->ag, s->nag, sizeof(*s->ag), compare_agency);
    for (size_t i = 0; i < s->nag; i++) {
        site_agency *a = &s->ag[i];
        for (size_t f = 0; f < a->m->nfiles; f++) {
            const char *p = a->m->files[f]->path;
            bool oom = false;
            egaf_strmap_put(&s->file_agency, p, strlen(p), a, &oom);
            if (oom)
                return -1;
        }
        summarise(s, a);
    }
    if (s->failed)
        return -1;
    if (s->nag && s->nnat) {
        s->cells = calloc(s->nag * s->nnat, sizeof(*s->cells));
        if (!s->cells)
            return -1;
    }
    for (size_t i = 0; i < s->nag; i++) {
        site_agency *a = &s->ag[i];
        for (size_t j = 0; j < a->nlinks; j++)
            s->cells[i * s->nnat + a->links[j].nat] |= a->links[j].how;
        for (size_t n = 0; n < s->nnat; n++) {
            unsigned c = site_cell(s, i, n);
            if (!c)
                continue;
            s->nat[n].consumers[a->group]++;
            if (c & LK_THROUGH_NGSP)
                s->nat[n].through_ngsp++;
        }
    }
    /* findings per agency */
    for (size_t i = 0; i < egaf_diags_count(s->findings); i++) {
        const egaf_finding *f = egaf_diags_at(s->findings, i);
        site_agency *a = site_agency_of_file(s, f->file);
        if (a && !f->waiver && f->severity <= EGAF_SEV_ERROR)
            a->counts[f->severity]++;
    }
    return 0;
}

static int collect_missing(egaf_site *s)
{
    if (!s->refs)
        return 0;
    s->missing = calloc(s->refs->nentries + 1, sizeof(*s->missing));
    if (!s->missing)
        return -1;
    egaf_strmap have;
    egaf_strmap_init(&have);
    bool oom = false;
    for (size_t i = 0; i < s->nag; i++)
        if (s->ag[i].agency)
            egaf_strmap_put(&have, s->ag[i].agency->id, strlen(s->ag[i].agency->id), &s->ag[i],
                            &oom);
    for (size_t i = 0; i < s->refs->nentries; i++) {
        const egaf_ref_entry *e = s->refs->entries[i];
        if (e->kind != EGAF_RK_AGENCY || !e->level || !valid_at_year_end(e, s->year))
            continue;
        int g = group_of(e, NULL);
        s->agencies_by_group[g]++;
        if (egaf_strmap_get(&have, e->id, strlen(e->id)))
            continue;
        s->missing[s->nmissing++] = e;
        s->missing_by_group[g]++;
    }
    egaf_strmap_free(&have);
    return oom ? -1 : 0;
}

/* ---- targets ------------------------------------------------------------ */

static bool has_integration_to(const site_agency *a, const egaf_element *app, const char *nat)
{
    if (!app || !app->id)
        return false;
    char key[256];
    int n = snprintf(key, sizeof key, "%s\x1f%s", app->id, nat);
    return n > 0 && (size_t)n < sizeof key &&
           egaf_strmap_get(&a->integrated, key, (size_t)n) != NULL;
}

static const egaf_element *handler(const site_agency *a, const egaf_element *svc)
{
    const egaf_element *app = local(a, text_of(svc, EGAF_F_HANDLED_BY));
    return app && app->kind == EGAF_K_APPLICATION ? app : NULL;
}

static bool has_role(const egaf_element *app, const char *role)
{
    const char *r = app ? text_of(app, EGAF_F_ROLE) : NULL;
    return r && strcmp(r, role) == 0;
}

/* Whether one of the elements svc's field names is of this kind (a
 * "mobile" channel, a "business" actor). */
static bool names_kind(const site_agency *a, const egaf_element *svc, egaf_field field,
                       const char *kind)
{
    const egaf_value *v = refs_of(svc, field);
    for (size_t i = 0; v && i < v->u.list.count; i++) {
        const egaf_element *named = local(a, v->u.list.items[i].s);
        const char *named_kind = named ? text_of(named, EGAF_F_KIND) : NULL;
        if (named_kind && strcmp(named_kind, kind) == 0)
            return true;
    }
    return false;
}

static bool uses_national_source(const site_agency *a, const egaf_element *app, const char *nat)
{
    if (!app)
        return false;
    if (has_integration_to(a, app, nat))
        return true;
    const egaf_value *v = refs_of(app, EGAF_F_USES);
    for (size_t i = 0; v && i < v->u.list.count; i++) {
        const egaf_element *db = local(a, v->u.list.items[i].s);
        const egaf_value *src = db ? refs_of(db, EGAF_F_SOURCES) : NULL;
        for (size_t j = 0; src && j < src->u.list.count; j++) {
            const char *r = src->u.list.items[j].s;
            if (strncmp(r, "national:", 9) == 0 && strcmp(r + 9, nat) == 0)
                return true;
        }
    }
    return false;
}

/* The measures of the targets egaf knows (the `measure` text of each in
 * framework-*.yaml says the same in words). False when id is unknown. */
static bool measure(const site_agency *a, const char *id, site_target_value *out)
{
    const egaf_model *m = a->m;
    size_t num = 0, den = 0;
    bool known = true;
    if (strcmp(id, "qlvb-ket-noi-tltvb") == 0) {
        for (size_t i = 0; i < m->counts[EGAF_K_APPLICATION]; i++) {
            const egaf_element *app = m->elements[EGAF_K_APPLICATION][i];
            const char *st = text_of(app, EGAF_F_STATUS);
            if (!has_role(app, "qlvb") || (st && strcmp(st, "retired") == 0))
                continue;
            den++;
            num += has_integration_to(a, app, "tltvb");
        }
    } else {
        for (size_t i = 0; i < m->counts[EGAF_K_SERVICE]; i++) {
            const egaf_element *svc = m->elements[EGAF_K_SERVICE][i];
            const char *online = text_of(svc, EGAF_F_ONLINE);
            if (!online)
                continue; /* internal services have no online level */
            bool full = strcmp(online, "full") == 0;
            bool online_any = full || strcmp(online, "partial") == 0;
            const egaf_element *app = handler(a, svc);
            if (strcmp(id, "dvc-muc-4") == 0) {
                den++;
                num += full;
            } else if (strcmp(id, "dvc-tich-hop-dvcqg") == 0) {
                if (!online_any)
                    continue;
                den++;
                num += has_role(app, "tthc") && has_integration_to(a, app, "dvcqg");
            } else if (strcmp(id, "tthc-qua-mot-cua-dien-tu") == 0) {
                den++;
                num += has_role(app, "tthc");
            } else if (strcmp(id, "dvc-giao-dien-di-dong") == 0) {
                if (!online_any)
                    continue;
                den++;
                num += names_kind(a, svc, EGAF_F_CHANNELS, "mobile");
            } else if (strcmp(id, "dvc-dung-du-lieu-dkdn") == 0) {
                if (!names_kind(a, svc, EGAF_F_ACTORS, "business"))
                    continue;
                den++;
                num += uses_national_source(a, app, "csdl-dang-ky-doanh-nghiep");
            } else {
                known = false;
                break;
            }
        }
    }
    out->measured = known && den > 0;
    out->num = num;
    out->den = den;
    return known;
}

static int collect_targets(egaf_site *s)
{
    if (!s->refs)
        return 0;
    size_t total = 0;
    for (size_t i = 0; i < s->refs->nframeworks; i++)
        total += s->refs->frameworks[i]->ntargets;
    s->targets = calloc(total + 1, sizeof(*s->targets));
    if (!s->targets)
        return -1;
    /* the targets of the editions the models use, in edition order */
    for (size_t i = 0; i < s->refs->nframeworks; i++) {
        const egaf_ref_framework *fw = s->refs->frameworks[i];
        bool used = false;
        for (size_t j = 0; j < s->nag && !used; j++)
            used = s->ag[j].m->framework.s && strcmp(s->ag[j].m->framework.s, fw->edition) == 0;
        for (size_t t = 0; used && t < fw->ntargets; t++)
            s->targets[s->ntargets++] = (site_target){fw, &fw->targets[t], false, {false, 0, 0}};
    }
    for (size_t j = 0; j < s->nag; j++) {
        site_agency *a = &s->ag[j];
        a->targets = calloc(s->ntargets + 1, sizeof(*a->targets));
        if (!a->targets)
            return -1;
        for (size_t t = 0; t < s->ntargets; t++) {
            site_target *st = &s->targets[t];
            if (!a->m->framework.s || strcmp(a->m->framework.s, st->fw->edition) != 0)
                continue;
            if (!measure(a, st->t->id, &a->targets[t]))
                continue;
            st->measurable = true;
            if (a->targets[t].measured) {
                st->total.measured = true;
                st->total.num += a->targets[t].num;
                st->total.den += a->targets[t].den;
            }
        }
    }
    return 0;
}

int site_collect(egaf_site *s)
{
    return collect_nationals(s) != 0 || collect_agencies(s) != 0 || collect_missing(s) != 0 ||
                   collect_targets(s) != 0
               ? -1
               : 0;
}
