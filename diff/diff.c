/* diff.c - the semantic comparison of two sides (see diff.h). Matching is by
 * hash maps (architectures, elements, look-alikes for renames) and by
 * sorting then merging (relations and findings, which are multisets), so a
 * national comparison stays O(n log n). The writers are in diff_write.c. */
#include "diff/diff.h"
#include "base/grow.h"
#include "base/strmap.h"
#include "base/i18n.h"
#include "model/query.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The reference fields reported as relations, in output order (after
 * integrations, order 0), and the kinds whose field it is a relation of
 * (`actors` of an application: who uses it; of a service, a field). The
 * business relations between units (kind relation) come last. */
static const struct {
    egaf_field field;
    unsigned kinds; /* EGAF_T() bits */
} rel_fields[] = {
    {EGAF_F_USES, EGAF_T_ANY_ELEMENT},
    {EGAF_F_HOSTED_ON, EGAF_T_ANY_ELEMENT},
    {EGAF_F_SOURCES, EGAF_T_ANY_ELEMENT},
    {EGAF_F_CONNECTS, EGAF_T_ANY_ELEMENT},
    {EGAF_F_SERVES, EGAF_T_ANY_ELEMENT},
    {EGAF_F_PROTECTS, EGAF_T_ANY_ELEMENT},
    {EGAF_F_DELIVERS, EGAF_T_ANY_ELEMENT},
    /* issue 18: who uses and who carries out, what a task waits for, what
     * a standard applies to, which unit a unit belongs to */
    {EGAF_F_USERS, EGAF_T_ANY_ELEMENT},
    {EGAF_F_ACTORS, EGAF_T(EGAF_K_APPLICATION)},
    {EGAF_F_APPLICATION, EGAF_T_ANY_ELEMENT},
    {EGAF_F_PARENT, EGAF_T_ANY_ELEMENT},
    {EGAF_F_APPLIES_TO, EGAF_T_ANY_ELEMENT},
    {EGAF_F_LEAD, EGAF_T_ANY_ELEMENT},
    {EGAF_F_PARTNERS, EGAF_T_ANY_ELEMENT},
    {EGAF_F_DEPENDS_ON, EGAF_T_ANY_ELEMENT},
};
#define NREL (sizeof(rel_fields) / sizeof(rel_fields[0]))
/* The order of the business relations between units, after every field. */
#define REL_ORDER_UNITS ((int)NREL + 1)

bool egaf_diff_relation_field(egaf_kind kind, egaf_field field)
{
    for (size_t i = 0; i < NREL; i++)
        if (rel_fields[i].field == field && (rel_fields[i].kinds & EGAF_T(kind)))
            return true;
    return false;
}

/* The kinds whose elements are relations themselves: no id needed, matched
 * by their ends, listed with the relations. */
static bool relation_kind(int kind)
{
    return kind == EGAF_K_INTEGRATION || kind == EGAF_K_RELATION;
}

static const char *const kind_names[EGAF_K__COUNT] = {
    [EGAF_K_ACTOR] = "actor",
    [EGAF_K_CHANNEL] = "channel",
    [EGAF_K_FUNCTION] = "function",
    [EGAF_K_SERVICE] = "service",
    [EGAF_K_UNIT] = "unit",
    [EGAF_K_RELATION] = "relation",
    [EGAF_K_DATABASE] = "database",
    [EGAF_K_APPLICATION] = "application",
    [EGAF_K_PLATFORM] = "platform",
    [EGAF_K_INTEGRATION] = "integration",
    [EGAF_K_INFRASTRUCTURE] = "infrastructure",
    [EGAF_K_STANDARD] = "standard",
    [EGAF_K_CONTROL] = "control",
    [EGAF_K_ROADMAP] = "roadmap",
    [EGAF_K_TARGET] = "target",
    [EGAF_K_SOLUTION] = "solution",
    [EGAF_K_ARCHITECTURE] = "architecture",
};

const char *egaf_diff_kind_name(egaf_kind kind)
{
    return (unsigned)kind < EGAF_K__COUNT ? kind_names[kind] : "element";
}

/* msgids too: the text report shows them in the reader's language */
static const char *const status_names[] = {
    [EGAF_DIFF_UNCHANGED] = N_("unchanged"),
    [EGAF_DIFF_ADDED] = N_("added"),
    [EGAF_DIFF_REMOVED] = N_("removed"),
    [EGAF_DIFF_CHANGED] = N_("changed"),
};

const char *egaf_diff_status_name(egaf_diff_status status)
{
    return (unsigned)status < sizeof status_names / sizeof status_names[0]
               ? status_names[status]
               : "unchanged";
}

int egaf_diff_fail_parse(const char *s, unsigned *mask)
{
    static const egaf_name_value words[] = {
        {"added", EGAF_DIFF_FAIL_ADDED},
        {"removed", EGAF_DIFF_FAIL_REMOVED},
        {"changed", EGAF_DIFF_FAIL_CHANGED},
        {"any", EGAF_DIFF_FAIL_ANY},
    };
    unsigned m = 0;
    while (*s) {
        const char *comma = strchr(s, ',');
        size_t len = comma ? (size_t)(comma - s) : strlen(s);
        int bits;
        if (!egaf_name_value_find(words, sizeof(words) / sizeof(words[0]), s, len, &bits))
            return -1;
        m |= (unsigned)bits;
        s += len;
        if (*s == ',')
            s++;
    }
    if (!m)
        return -1;
    *mask = m;
    return 0;
}

bool egaf_diff_fails(const egaf_diff *d, unsigned mask)
{
    const egaf_diff_counts *t = &d->total;
    if ((mask & EGAF_DIFF_FAIL_ADDED) &&
        (d->archs_added || t->elements_added || t->relations_added))
        return true;
    if ((mask & EGAF_DIFF_FAIL_REMOVED) &&
        (d->archs_removed || t->elements_removed || t->relations_removed))
        return true;
    if ((mask & EGAF_DIFF_FAIL_CHANGED) &&
        (t->elements_changed || t->relations_changed || t->header_changed))
        return true;
    if ((mask & EGAF_DIFF_FAIL_FINDINGS) && (t->findings_introduced || t->findings_fixed))
        return true;
    return false;
}

/* ------------------------------------------------------------------ context */

typedef struct ctx {
    egaf_diff *d;
    egaf_arena *scratch; /* strings made while comparing, freed at the end */
    const egaf_diff_side *side[2];
    egaf_buf buf;
    bool oom;
} ctx;

/* A growable array of strings (malloc'd). */
typedef struct strv {
    const char **v;
    size_t n, cap;
} strv;

static void strv_push(ctx *c, strv *s, const char *str)
{
    if (!EGAF_PUSH(s->v, s->n, s->cap, 16, str))
        c->oom = true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void strv_sort_unique(strv *s)
{
    if (s->n < 2)
        return;
    qsort(s->v, s->n, sizeof(*s->v), cmp_str);
    size_t w = 1;
    for (size_t i = 1; i < s->n; i++)
        if (strcmp(s->v[i], s->v[w - 1]) != 0)
            s->v[w++] = s->v[i];
    s->n = w;
}

static const char *keep(ctx *c, const char *s)
{
    return egaf_arena_keep(c->d->arena, s, &c->oom);
}

/* Arena-backed growable arrays: the old block stays in the arena (at most
 * as much again as the final size). */
static void *grow(ctx *c, void *arr, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return arr;
    size_t ncap = *cap ? *cap * 2 : 8;
    void *na = egaf_arena_alloc(c->d->arena, ncap * size);
    if (!na) {
        c->oom = true;
        return NULL;
    }
    if (n)
        memcpy(na, arr, n * size);
    *cap = ncap;
    return na;
}

#define PUSH(c, arr, n, cap)                                                                  \
    ((arr) = grow((c), (arr), &(cap), (n), sizeof(*(arr))), (arr) ? &(arr)[(n)++] : NULL)

static bool streq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static int strcmp0(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

/* A file name as shown: the side's temporary prefix replaced. */
static const char *show_path(ctx *c, int side, const char *path)
{
    if (!path)
        return NULL;
    const egaf_diff_side *s = c->side[side];
    size_t n = s->strip_prefix ? strlen(s->strip_prefix) : 0;
    if (n && strncmp(path, s->strip_prefix, n) == 0) {
        char *r = egaf_arena_printf(c->d->arena, "%s%s", s->show_prefix ? s->show_prefix : "",
                                    path + n);
        if (!r)
            c->oom = true;
        return r;
    }
    return keep(c, path);
}

/* Text with every occurrence of the side's temporary prefix replaced. */
static const char *show_text(ctx *c, int side, const char *text)
{
    const egaf_diff_side *s = c->side[side];
    if (!text || !s->strip_prefix || !*s->strip_prefix || !strstr(text, s->strip_prefix))
        return keep(c, text);
    egaf_buf_reset(&c->buf);
    size_t n = strlen(s->strip_prefix);
    for (const char *p = text;;) {
        const char *hit = strstr(p, s->strip_prefix);
        if (!hit) {
            egaf_buf_puts(&c->buf, p);
            break;
        }
        egaf_buf_add(&c->buf, p, (size_t)(hit - p));
        egaf_buf_puts(&c->buf, s->show_prefix ? s->show_prefix : "");
        p = hit + n;
    }
    if (c->buf.failed) {
        c->oom = true;
        return NULL;
    }
    return keep(c, c->buf.data ? c->buf.data : "");
}

/* ------------------------------------------------------------------ values */

static bool is_list_type(egaf_ftype t)
{
    return t == EGAF_FT_REFS || t == EGAF_FT_TEXTS || t == EGAF_FT_IDS ||
           t == EGAF_FT_WAIVERS || t == EGAF_FT_PROPERTIES;
}

/* A reference with the architecture's own prefix removed ("x:a" in x is "a"). */
static const char *norm_ref(const char *arch, const char *s)
{
    if (!s || !arch)
        return s;
    size_t n = strlen(arch);
    if (strncmp(s, arch, n) == 0 && s[n] == ':' && s[n + 1])
        return s + n + 1;
    return s;
}

static const char *scalar_text(ctx *c, const egaf_value *v, const char *arch)
{
    char *r;
    if (!v)
        return NULL;
    switch (v->type) {
    case EGAF_FT_REF:
        return norm_ref(arch, v->u.str.s);
    case EGAF_FT_INT:
        r = egaf_arena_printf(c->scratch, "%lld", v->u.num);
        break;
    case EGAF_FT_PERIOD:
        r = egaf_arena_printf(c->scratch, "%lld-%lld", v->u.period.from, v->u.period.to);
        break;
    default:
        return egaf_value_text(v);
    }
    if (!r)
        c->oom = true;
    return r;
}

static const char *pair_text(ctx *c, const char *a, const char *b)
{
    char *r = egaf_arena_printf(c->scratch, "%s: %s", a ? a : "", b ? b : "");
    if (!r)
        c->oom = true;
    return r;
}

/* The items of a list value, sorted, duplicates removed; a scalar counts as
 * a list of one. */
static void list_items(ctx *c, const egaf_value *v, const char *arch, strv *out)
{
    out->n = 0;
    if (!v)
        return;
    switch (v->type) {
    case EGAF_FT_REFS:
        for (size_t i = 0; i < v->u.list.count; i++)
            if (v->u.list.items[i].s)
                strv_push(c, out, norm_ref(arch, v->u.list.items[i].s));
        break;
    case EGAF_FT_TEXTS:
    case EGAF_FT_IDS:
        for (size_t i = 0; i < v->u.list.count; i++)
            if (v->u.list.items[i].s)
                strv_push(c, out, v->u.list.items[i].s);
        break;
    case EGAF_FT_WAIVERS:
        for (size_t i = 0; i < v->u.waivers.count; i++) {
            const char *t = pair_text(c, v->u.waivers.items[i].rule.s,
                                      v->u.waivers.items[i].reason.s);
            if (t)
                strv_push(c, out, t);
        }
        break;
    case EGAF_FT_PROPERTIES:
        for (size_t i = 0; i < v->u.props.count; i++) {
            const char *t = pair_text(c, v->u.props.items[i].key.s, v->u.props.items[i].value.s);
            if (t)
                strv_push(c, out, t);
        }
        break;
    default: {
        const char *s = scalar_text(c, v, arch);
        if (s)
            strv_push(c, out, s);
    }
    }
    strv_sort_unique(out);
}

/* Compares one field. Returns true (and fills *f) when it changed. */
static bool compare_value(ctx *c, const char *key, bool list, const egaf_value *ov,
                          const egaf_value *nv, const char *oarch, const char *narch,
                          strv *a, strv *b, egaf_diff_field *f)
{
    memset(f, 0, sizeof(*f));
    f->field = key;
    f->list = list;
    if (!list) {
        const char *o = scalar_text(c, ov, oarch), *n = scalar_text(c, nv, narch);
        if (streq(o, n))
            return false;
        f->old_value = keep(c, o);
        f->new_value = keep(c, n);
        return true;
    }
    list_items(c, ov, oarch, a);
    list_items(c, nv, narch, b);
    size_t i = 0, j = 0, added_cap = 0, removed_cap = 0;
    while ((i < a->n || j < b->n) && !c->oom) {
        int r = i == a->n ? 1 : j == b->n ? -1 : strcmp(a->v[i], b->v[j]);
        if (r == 0) {
            i++;
            j++;
        } else if (r < 0) {
            const char **slot = PUSH(c, f->removed, f->nremoved, removed_cap);
            if (slot)
                *slot = keep(c, a->v[i]);
            i++;
        } else {
            const char **slot = PUSH(c, f->added, f->nadded, added_cap);
            if (slot)
                *slot = keep(c, b->v[j]);
            j++;
        }
    }
    return !c->oom && (f->nadded || f->nremoved);
}

static void index_values(const egaf_element *el, const egaf_value **idx)
{
    for (size_t i = 0; i < EGAF_F__COUNT; i++)
        idx[i] = NULL;
    if (!el)
        return;
    for (size_t i = 0; i < el->nvalues; i++)
        if ((unsigned)el->values[i].field < EGAF_F__COUNT && !idx[el->values[i].field])
            idx[el->values[i].field] = &el->values[i];
}

/* Whether a field of kind is compared as a field (not the id, not a
 * relation list, not an integration's key). */
static bool compared_field(egaf_kind kind, egaf_field f)
{
    if (f == EGAF_F_ID)
        return relation_kind(kind);
    if (relation_kind(kind))
        return f != EGAF_F_FROM && f != EGAF_F_TO && f != EGAF_F_VIA;
    return !egaf_diff_relation_field(kind, f);
}

typedef struct fieldv {
    egaf_diff_field *v;
    size_t n, cap;
} fieldv;

/* The fields that differ between o and n (either may be NULL), in the
 * format's key order. */
static void compare_fields(ctx *c, egaf_kind kind, const egaf_element *o, const egaf_element *n,
                           const char *oarch, const char *narch, fieldv *out)
{
    const egaf_kind_spec *spec = egaf_kind_info(kind);
    const egaf_value *oi[EGAF_F__COUNT], *ni[EGAF_F__COUNT];
    index_values(o, oi);
    index_values(n, ni);
    strv a = {0}, b = {0};
    for (size_t k = 0; k < spec->nfields && !c->oom; k++) {
        const egaf_field_spec *fs = &spec->fields[k];
        if (!compared_field(kind, fs->field))
            continue;
        egaf_diff_field f;
        if (compare_value(c, fs->key, is_list_type(fs->type), oi[fs->field], ni[fs->field], oarch,
                          narch, &a, &b, &f)) {
            egaf_diff_field *slot = PUSH(c, out->v, out->n, out->cap);
            if (slot)
                *slot = f;
        }
    }
    free(a.v);
    free(b.v);
}

/* Everything of an element but its id, canonical (lists sorted): equal
 * signatures mean the element was possibly renamed. */
static const char *signature(ctx *c, const egaf_element *el, const char *arch)
{
    const egaf_kind_spec *spec = egaf_kind_info(el->kind);
    const egaf_value *idx[EGAF_F__COUNT];
    index_values(el, idx);
    egaf_buf *b = &c->buf;
    egaf_buf_reset(b);
    egaf_buf_printf(b, "%d\x1e", (int)el->kind);
    strv items = {0};
    for (size_t k = 0; k < spec->nfields; k++) {
        const egaf_field_spec *fs = &spec->fields[k];
        const egaf_value *v = idx[fs->field];
        if (fs->field == EGAF_F_ID || !v)
            continue;
        if (is_list_type(fs->type)) {
            list_items(c, v, arch, &items);
            if (!items.n)
                continue;
            egaf_buf_printf(b, "%s=", fs->key);
            for (size_t i = 0; i < items.n; i++) {
                egaf_buf_puts(b, items.v[i]);
                egaf_buf_putc(b, '\x1f');
            }
        } else {
            const char *s = scalar_text(c, v, arch);
            if (!s)
                continue;
            egaf_buf_printf(b, "%s=%s", fs->key, s);
        }
        egaf_buf_putc(b, '\x1e');
    }
    free(items.v);
    if (b->failed) {
        c->oom = true;
        return NULL;
    }
    char *r = egaf_arena_strdup(c->scratch, b->data ? b->data : "");
    if (!r)
        c->oom = true;
    return r;
}

/* ------------------------------------------------------------------ relations */

typedef struct rel {
    int order; /* 0: integration, 1 + index in rel_fields */
    const char *type, *from, *to, *via;
    const egaf_element *el; /* integrations */
    size_t seq, occ;
} rel;

typedef struct relv {
    rel *v;
    size_t n, cap;
} relv;

static void relv_push(ctx *c, relv *r, const rel *x)
{
    if (!EGAF_PUSH(r->v, r->n, r->cap, 64, *x))
        c->oom = true;
}

static int rel_key_cmp(const rel *a, const rel *b)
{
    int r;
    if (a->order != b->order)
        return a->order < b->order ? -1 : 1;
    if ((r = strcmp0(a->from, b->from)) != 0 || (r = strcmp0(a->to, b->to)) != 0 ||
        (r = strcmp0(a->via, b->via)) != 0)
        return r;
    return 0;
}

static int rel_sort_cmp(const void *pa, const void *pb)
{
    const rel *a = pa, *b = pb;
    int r = rel_key_cmp(a, b);
    if (r)
        return r;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The relations of a model, sorted; equal ones merged, except integrations,
 * where the n-th of equal (from, to, via) gets occ n. */
static void collect_relations(ctx *c, const egaf_model *m, relv *out)
{
    out->n = 0;
    const char *arch = m->id;
    strv items = {0};
    size_t seq = 0;
    for (int k = 0; k < EGAF_K_ARCHITECTURE && !c->oom; k++) {
        const egaf_kind_spec *spec = egaf_kind_info((egaf_kind)k);
        for (size_t e = 0; e < m->counts[k] && !c->oom; e++) {
            const egaf_element *el = m->elements[k][e];
            const egaf_value *idx[EGAF_F__COUNT];
            index_values(el, idx);
            if (relation_kind(k)) {
                bool integration = k == EGAF_K_INTEGRATION;
                rel r = {integration ? 0 : REL_ORDER_UNITS,
                         integration ? "integration" : "relation",
                         scalar_text(c, idx[EGAF_F_FROM], arch),
                         scalar_text(c, idx[EGAF_F_TO], arch),
                         integration ? scalar_text(c, idx[EGAF_F_VIA], arch) : NULL, el, seq++, 0};
                if (!r.from)
                    r.from = "";
                if (!r.to)
                    r.to = "";
                relv_push(c, out, &r);
                continue;
            }
            if (!el->id)
                continue;
            for (size_t f = 0; f < NREL; f++) {
                const egaf_value *v =
                    rel_fields[f].kinds & EGAF_T(k) ? idx[rel_fields[f].field] : NULL;
                if (!v)
                    continue;
                const egaf_field_spec *fs = egaf_field_spec_of(spec, rel_fields[f].field);
                list_items(c, v, arch, &items);
                for (size_t i = 0; i < items.n; i++) {
                    rel r = {(int)f + 1, fs ? fs->key : "?", el->id, items.v[i], NULL, NULL,
                             seq++, 0};
                    relv_push(c, out, &r);
                }
            }
        }
    }
    free(items.v);
    if (out->n < 2)
        return;
    qsort(out->v, out->n, sizeof(*out->v), rel_sort_cmp);
    size_t w = 1;
    for (size_t i = 1; i < out->n; i++) {
        rel *prev = &out->v[w - 1];
        if (rel_key_cmp(prev, &out->v[i]) == 0) {
            if (!out->v[i].el)
                continue; /* the same reference twice */
            out->v[i].occ = prev->occ + 1;
        }
        out->v[w++] = out->v[i];
    }
    out->n = w;
}

static int rel_match_cmp(const rel *a, const rel *b)
{
    int r = rel_key_cmp(a, b);
    if (r)
        return r;
    return a->occ < b->occ ? -1 : a->occ > b->occ;
}

/* ------------------------------------------------------------------ findings */

typedef struct fv {
    const egaf_finding **v;
    size_t n, cap;
} fv;

static int finding_key_cmp(const egaf_finding *a, const egaf_finding *b)
{
    int r;
    if ((r = strcmp0(a->rule, b->rule)) != 0 || (r = strcmp0(a->element, b->element)) != 0 ||
        (r = strcmp0(a->message, b->message)) != 0)
        return r;
    return 0;
}

static int finding_sort_cmp(const void *pa, const void *pb)
{
    const egaf_finding *a = *(const egaf_finding *const *)pa;
    const egaf_finding *b = *(const egaf_finding *const *)pb;
    int r = finding_key_cmp(a, b);
    if (r)
        return r;
    if ((r = strcmp0(a->file, b->file)) != 0)
        return r;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Sorts each side's findings into one bucket per model: by the file they
 * are in, else by the element's architecture, else the only model. */
static fv *bucket_findings(ctx *c, int side)
{
    const egaf_diff_side *s = c->side[side];
    fv *buckets = calloc(s->nmodels + 1, sizeof(*buckets));
    if (!buckets) {
        c->oom = true;
        return NULL;
    }
    if (!s->diags)
        return buckets;
    egaf_strmap by_file, by_id;
    egaf_strmap_init(&by_file);
    egaf_strmap_init(&by_id);
    bool oom = false;
    for (size_t i = 0; i < s->nmodels; i++) {
        const egaf_model *m = s->models[i];
        void *val = (void *)(uintptr_t)(i + 1);
        if (m->path)
            egaf_strmap_put(&by_file, m->path, strlen(m->path), val, &oom);
        for (size_t f = 0; f < m->nfiles; f++)
            if (m->files[f] && m->files[f]->path)
                egaf_strmap_put(&by_file, m->files[f]->path, strlen(m->files[f]->path), val,
                                &oom);
        if (m->id)
            egaf_strmap_put(&by_id, m->id, strlen(m->id), val, &oom);
    }
    for (size_t i = 0; i < egaf_diags_count(s->diags) && !oom; i++) {
        const egaf_finding *f = egaf_diags_at(s->diags, i);
        if (f->waiver)
            continue;
        uintptr_t at = 0;
        if (f->file)
            at = (uintptr_t)egaf_strmap_get(&by_file, f->file, strlen(f->file));
        if (!at && f->element) {
            const char *colon = strchr(f->element, ':');
            size_t len = colon ? (size_t)(colon - f->element) : strlen(f->element);
            at = (uintptr_t)egaf_strmap_get(&by_id, f->element, len);
        }
        if (!at && s->nmodels == 1)
            at = 1;
        fv *bucket = at ? &buckets[at - 1] : NULL;
        if (bucket && !EGAF_PUSH(bucket->v, bucket->n, bucket->cap, 16, f))
            c->oom = true;
    }
    egaf_strmap_free(&by_file);
    egaf_strmap_free(&by_id);
    if (oom)
        c->oom = true;
    for (size_t i = 0; i < s->nmodels; i++)
        if (buckets[i].n > 1)
            qsort(buckets[i].v, buckets[i].n, sizeof(*buckets[i].v), finding_sort_cmp);
    return buckets;
}

static void add_finding(ctx *c, egaf_diff_arch *a, size_t *cap, const egaf_finding *f,
                        int side)
{
    egaf_diff_finding *df = PUSH(c, a->findings, a->nfindings, *cap);
    if (!df)
        return;
    df->status = side == 0 ? EGAF_DIFF_REMOVED : EGAF_DIFF_ADDED;
    df->rule = keep(c, f->rule);
    df->severity = egaf_severity_name(f->severity);
    df->element = keep(c, f->element);
    df->message = show_text(c, side, f->message);
    df->file = show_path(c, side, f->file);
    df->line = f->line;
    df->col = f->col;
    if (side == 0)
        a->counts.findings_fixed++;
    else
        a->counts.findings_introduced++;
}

static void diff_findings(ctx *c, egaf_diff_arch *a, const fv *o, const fv *n)
{
    size_t cap = 0, i = 0, j = 0;
    while ((i < o->n || j < n->n) && !c->oom) {
        int r = i == o->n ? 1 : j == n->n ? -1 : finding_key_cmp(o->v[i], n->v[j]);
        if (r == 0) {
            i++;
            j++;
        } else if (r < 0) {
            add_finding(c, a, &cap, o->v[i++], 0);
        } else {
            add_finding(c, a, &cap, n->v[j++], 1);
        }
    }
}

/* ------------------------------------------------------------------ one pair */

static const char *model_name(const egaf_model *m)
{
    return m && m->header ? m->header->name : NULL;
}

static void push_text_field(ctx *c, fieldv *out, const char *key, const char *o, const char *n)
{
    if (streq(o, n))
        return;
    egaf_diff_field *f = PUSH(c, out->v, out->n, out->cap);
    if (!f)
        return;
    memset(f, 0, sizeof(*f));
    f->field = key;
    f->old_value = keep(c, o);
    f->new_value = keep(c, n);
}

static void diff_header(ctx *c, egaf_diff_arch *a, const egaf_model *o, const egaf_model *n)
{
    fieldv hv = {0};
    if (!streq(o->id, n->id))
        push_text_field(c, &hv, "id", o->id, n->id);
    push_text_field(c, &hv, "framework", o->framework.s, n->framework.s);
    fieldv rest = {0};
    compare_fields(c, EGAF_K_ARCHITECTURE, o->header, n->header, o->id, n->id, &rest);
    for (size_t i = 0; i < rest.n; i++) {
        egaf_diff_field *f = PUSH(c, hv.v, hv.n, hv.cap);
        if (f)
            *f = rest.v[i];
    }
    push_text_field(c, &hv, "organisation", o->organisation.s, n->organisation.s);
    a->header = hv.v;
    a->nheader = hv.n;
    a->counts.header_changed = hv.n;
}

static int element_cmp(const void *pa, const void *pb)
{
    const egaf_diff_element *a = pa, *b = pb;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    int r = strcmp0(a->id, b->id);
    if (r)
        return r;
    return (int)a->status - (int)b->status;
}

/* Maps the id of each element of kind in m to the element (the first of a
 * duplicated id). */
static void index_ids(const egaf_model *m, egaf_kind k, egaf_strmap *ids, bool *oom)
{
    for (size_t e = 0; e < m->counts[k]; e++) {
        const egaf_element *el = m->elements[k][e];
        if (el->id)
            egaf_strmap_put(ids, el->id, strlen(el->id), (void *)el, oom);
    }
}

typedef struct elref {
    egaf_diff_element *de; /* into the arch's (sorted) array: set after sorting */
    const egaf_element *el;
} elref;

/* The signature of a listed element of status st (NULL for the others),
 * found again by id in ids (one map a kind) of the model it came from. */
static const char *listed_signature(ctx *c, const egaf_diff_element *de, egaf_diff_status st,
                                    const egaf_strmap *ids, const char *arch)
{
    if (de->status != st)
        return NULL;
    const egaf_element *el = egaf_strmap_get(&ids[de->kind], de->id, strlen(de->id));
    return el ? signature(c, el, arch) : NULL;
}

/* Added elements that equal a removed one of the same kind, id apart. */
static void find_renames(ctx *c, egaf_diff_arch *a, const egaf_model *o, const egaf_model *n)
{
    /* removed and added elements, in the sorted order, with their sources */
    egaf_strmap oid[EGAF_K__COUNT], nid[EGAF_K__COUNT];
    bool oom = false;
    size_t nrem = 0, nadd = 0;
    for (size_t i = 0; i < a->nelements; i++) {
        if (a->elements[i].status == EGAF_DIFF_REMOVED)
            nrem++;
        else if (a->elements[i].status == EGAF_DIFF_ADDED)
            nadd++;
    }
    if (!nrem || !nadd)
        return;
    for (int k = 0; k < EGAF_K__COUNT; k++) {
        egaf_strmap_init(&oid[k]);
        egaf_strmap_init(&nid[k]);
    }
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++) {
        index_ids(o, (egaf_kind)k, &oid[k], &oom);
        index_ids(n, (egaf_kind)k, &nid[k], &oom);
    }
    /* signature -> first removed element (index), chained by next[] */
    size_t *next = calloc(a->nelements, sizeof(*next));
    bool *used = calloc(a->nelements, sizeof(*used));
    size_t *tail = calloc(a->nelements, sizeof(*tail));
    egaf_strmap sigs;
    egaf_strmap_init(&sigs);
    if (!next || !used || !tail)
        oom = true;
    for (size_t i = 0; i < a->nelements && !oom && !c->oom; i++) {
        egaf_diff_element *de = &a->elements[i];
        const char *sig = listed_signature(c, de, EGAF_DIFF_REMOVED, oid, o->id);
        if (!sig)
            continue;
        void *head = egaf_strmap_put(&sigs, sig, strlen(sig), (void *)(uintptr_t)(i + 1), &oom);
        if (head) { /* append to the chain whose head is head - 1 */
            size_t h = (uintptr_t)head - 1;
            next[tail[h]] = i + 1;
            tail[h] = i;
        } else {
            tail[i] = i;
        }
    }
    for (size_t i = 0; i < a->nelements && !oom && !c->oom; i++) {
        egaf_diff_element *de = &a->elements[i];
        const char *sig = listed_signature(c, de, EGAF_DIFF_ADDED, nid, n->id);
        if (!sig)
            continue;
        uintptr_t h = (uintptr_t)egaf_strmap_get(&sigs, sig, strlen(sig));
        for (size_t r = h; r; r = next[r - 1]) {
            if (!used[r - 1]) {
                used[r - 1] = true;
                de->renamed_from = a->elements[r - 1].id;
                break;
            }
        }
    }
    if (oom)
        c->oom = true;
    egaf_strmap_free(&sigs);
    free(next);
    free(used);
    free(tail);
    for (int k = 0; k < EGAF_K__COUNT; k++) {
        egaf_strmap_free(&oid[k]);
        egaf_strmap_free(&nid[k]);
    }
}

static void diff_elements(ctx *c, egaf_diff_arch *a, const egaf_model *o, const egaf_model *n)
{
    size_t cap = 0;
    bool oom = false;
    for (int k = 0; k < EGAF_K_ARCHITECTURE && !c->oom && !oom; k++) {
        if (relation_kind(k))
            continue;
        egaf_strmap om, nm;
        egaf_strmap_init(&om);
        egaf_strmap_init(&nm);
        index_ids(n, (egaf_kind)k, &nm, &oom);
        for (size_t e = 0; e < o->counts[k] && !oom && !c->oom; e++) {
            const egaf_element *el = o->elements[k][e];
            if (!el->id || egaf_strmap_put(&om, el->id, strlen(el->id), (void *)el, &oom))
                continue; /* no id, or a duplicate: the first one counts */
            const egaf_element *ne = egaf_strmap_get(&nm, el->id, strlen(el->id));
            fieldv fields = {0};
            if (ne) {
                compare_fields(c, (egaf_kind)k, el, ne, o->id, n->id, &fields);
                if (!fields.n)
                    continue;
            }
            egaf_diff_element *de = PUSH(c, a->elements, a->nelements, cap);
            if (!de)
                break;
            memset(de, 0, sizeof(*de));
            de->status = ne ? EGAF_DIFF_CHANGED : EGAF_DIFF_REMOVED;
            de->kind = (egaf_kind)k;
            de->id = keep(c, el->id);
            de->name = keep(c, ne && ne->name ? ne->name : el->name);
            de->fields = fields.v;
            de->nfields = fields.n;
            if (ne)
                a->counts.elements_changed++;
            else
                a->counts.elements_removed++;
        }
        egaf_strmap seen;
        egaf_strmap_init(&seen);
        for (size_t e = 0; e < n->counts[k] && !oom && !c->oom; e++) {
            const egaf_element *el = n->elements[k][e];
            if (!el->id || egaf_strmap_get(&om, el->id, strlen(el->id)) ||
                egaf_strmap_put(&seen, el->id, strlen(el->id), (void *)el, &oom))
                continue;
            egaf_diff_element *de = PUSH(c, a->elements, a->nelements, cap);
            if (!de)
                break;
            memset(de, 0, sizeof(*de));
            de->status = EGAF_DIFF_ADDED;
            de->kind = (egaf_kind)k;
            de->id = keep(c, el->id);
            de->name = keep(c, el->name);
            a->counts.elements_added++;
        }
        egaf_strmap_free(&seen);
        egaf_strmap_free(&om);
        egaf_strmap_free(&nm);
    }
    if (oom)
        c->oom = true;
    if (a->nelements > 1)
        qsort(a->elements, a->nelements, sizeof(*a->elements), element_cmp);
    if (!c->oom)
        find_renames(c, a, o, n);
}

static void add_relation(ctx *c, egaf_diff_arch *a, size_t *cap, const rel *r,
                         egaf_diff_status st, const fieldv *fields)
{
    egaf_diff_relation *dr = PUSH(c, a->relations, a->nrelations, *cap);
    if (!dr)
        return;
    memset(dr, 0, sizeof(*dr));
    dr->status = st;
    dr->type = r->type;
    dr->from = keep(c, r->from);
    dr->to = keep(c, r->to);
    dr->via = keep(c, r->via);
    dr->id = r->el ? keep(c, r->el->id) : NULL;
    if (fields) {
        dr->fields = fields->v;
        dr->nfields = fields->n;
    }
    if (st == EGAF_DIFF_ADDED)
        a->counts.relations_added++;
    else if (st == EGAF_DIFF_REMOVED)
        a->counts.relations_removed++;
    else
        a->counts.relations_changed++;
}

static void diff_relations(ctx *c, egaf_diff_arch *a, const egaf_model *o, const egaf_model *n)
{
    relv ov = {0}, nv = {0};
    collect_relations(c, o, &ov);
    collect_relations(c, n, &nv);
    size_t i = 0, j = 0, cap = 0;
    while ((i < ov.n || j < nv.n) && !c->oom) {
        int r = i == ov.n ? 1 : j == nv.n ? -1 : rel_match_cmp(&ov.v[i], &nv.v[j]);
        if (r < 0) {
            add_relation(c, a, &cap, &ov.v[i++], EGAF_DIFF_REMOVED, NULL);
        } else if (r > 0) {
            add_relation(c, a, &cap, &nv.v[j++], EGAF_DIFF_ADDED, NULL);
        } else {
            if (ov.v[i].el && nv.v[j].el) {
                fieldv fields = {0};
                compare_fields(c, ov.v[i].el->kind, ov.v[i].el, nv.v[j].el, o->id, n->id,
                               &fields);
                if (fields.n)
                    add_relation(c, a, &cap, &nv.v[j], EGAF_DIFF_CHANGED, &fields);
            }
            i++;
            j++;
        }
    }
    free(ov.v);
    free(nv.v);
}

static size_t count_elements(const egaf_model *m)
{
    size_t n = 0;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        if (!relation_kind(k))
            n += m->counts[k];
    return n;
}

static size_t count_relations(ctx *c, const egaf_model *m)
{
    relv v = {0};
    collect_relations(c, m, &v);
    free(v.v);
    return v.n;
}

static void add_totals(egaf_diff_counts *t, const egaf_diff_counts *a)
{
    t->elements_added += a->elements_added;
    t->elements_removed += a->elements_removed;
    t->elements_changed += a->elements_changed;
    t->relations_added += a->relations_added;
    t->relations_removed += a->relations_removed;
    t->relations_changed += a->relations_changed;
    t->findings_introduced += a->findings_introduced;
    t->findings_fixed += a->findings_fixed;
    t->header_changed += a->header_changed;
}

/* An architecture on one side only, m with its findings: counted as a
 * whole, not listed element by element. */
static void diff_one_side(ctx *c, egaf_diff_arch *a, const egaf_model *m, const fv *findings,
                          bool added)
{
    a->id = keep(c, m->id);
    a->status = added ? EGAF_DIFF_ADDED : EGAF_DIFF_REMOVED;
    size_t elements = count_elements(m), relations = count_relations(c, m);
    size_t nfindings = findings ? findings->n : 0;
    egaf_diff_counts *k = &a->counts;
    if (added) {
        k->elements_added = elements;
        k->relations_added = relations;
        k->findings_introduced = nfindings;
    } else {
        k->elements_removed = elements;
        k->relations_removed = relations;
        k->findings_fixed = nfindings;
    }
}

/* One architecture: o or n may be NULL (added, removed). */
static void diff_pair(ctx *c, egaf_diff_arch *a, const egaf_model *o, const egaf_model *n,
                      const fv *of, const fv *nf)
{
    memset(a, 0, sizeof(*a));
    a->name = keep(c, model_name(n) ? model_name(n) : model_name(o));
    a->old_file = o ? show_path(c, 0, o->path) : NULL;
    a->new_file = n ? show_path(c, 1, n->path) : NULL;
    if (!o || !n) {
        diff_one_side(c, a, o ? o : n, o ? of : nf, !o);
        return;
    }
    a->id = keep(c, n->id);
    diff_header(c, a, o, n);
    diff_elements(c, a, o, n);
    diff_relations(c, a, o, n);
    static const fv empty;
    diff_findings(c, a, of ? of : &empty, nf ? nf : &empty);
    const egaf_diff_counts *k = &a->counts;
    bool changed = k->header_changed || k->elements_added || k->elements_removed ||
                   k->elements_changed || k->relations_added || k->relations_removed ||
                   k->relations_changed || k->findings_introduced || k->findings_fixed;
    a->status = changed ? EGAF_DIFF_CHANGED : EGAF_DIFF_UNCHANGED;
}

static int arch_cmp(const void *pa, const void *pb)
{
    const egaf_diff_arch *a = pa, *b = pb;
    int r = strcmp0(a->id, b->id);
    if (r)
        return r;
    return (int)a->status - (int)b->status;
}

/* The reference models' entry of a model's agency, or NULL. */
static const egaf_ref_entry *model_agency(const egaf_refs *refs, const egaf_model *m)
{
    if (!m || !m->header)
        return NULL;
    const char *agency = egaf_element_text(m->header, EGAF_F_AGENCY);
    return agency ? egaf_refs_agency(refs, agency, egaf_model_year(m)) : NULL;
}

/* Removed architectures whose agency's successor is the agency of a new one. */
static void find_merges(ctx *c, const egaf_diff_options *opt, const egaf_model *const *om,
                        const egaf_model *const *nm)
{
    egaf_diff *d = c->d;
    if (!opt || !opt->refs)
        return;
    egaf_strmap by_agency;
    egaf_strmap_init(&by_agency);
    bool oom = false;
    for (size_t i = 0; i < d->narchs; i++) {
        const egaf_ref_entry *e = model_agency(opt->refs, nm[i]);
        if (e)
            egaf_strmap_put(&by_agency, e->id, strlen(e->id), &d->archs[i], &oom);
    }
    for (size_t i = 0; i < d->narchs && !oom && !c->oom; i++) {
        egaf_diff_arch *a = &d->archs[i];
        if (a->status != EGAF_DIFF_REMOVED)
            continue;
        const egaf_ref_entry *e = model_agency(opt->refs, om[i]);
        if (!e || !e->nsuccessors)
            continue;
        size_t cap_into = 0;
        for (size_t s = 0; s < e->nsuccessors; s++) {
            egaf_diff_arch *to = egaf_strmap_get(&by_agency, e->successors[s],
                                                 strlen(e->successors[s]));
            if (!to)
                continue;
            const char **slot = PUSH(c, a->merged_into, a->nmerged_into, cap_into);
            if (slot)
                *slot = to->id;
            /* merged_from grows one at a time: few provinces merge into one */
            const char **nf = egaf_arena_alloc(d->arena, (to->nmerged_from + 1) * sizeof(*nf));
            if (!nf) {
                c->oom = true;
                break;
            }
            if (to->nmerged_from)
                memcpy(nf, to->merged_from, to->nmerged_from * sizeof(*nf));
            nf[to->nmerged_from++] = a->id;
            to->merged_from = nf;
        }
    }
    if (oom)
        c->oom = true;
    egaf_strmap_free(&by_agency);
}

egaf_diff *egaf_diff_compute(const egaf_diff_side *old_side, const egaf_diff_side *new_side,
                             const egaf_diff_options *options)
{
    /* the diff lives in its own arena, with everything it holds */
    egaf_arena *arena = egaf_arena_create();
    egaf_diff *d = arena ? egaf_arena_alloc(arena, sizeof(*d)) : NULL;
    if (!d) {
        egaf_arena_free(arena);
        return NULL;
    }
    d->arena = arena;
    ctx c = {.d = d, .side = {old_side, new_side}};
    egaf_buf_init(&c.buf);
    c.scratch = egaf_arena_create();
    fv *ob = NULL, *nb = NULL;
    const egaf_model **om = NULL, **nm = NULL;
    const fv **of = NULL, **nf = NULL;
    egaf_strmap new_ids;
    egaf_strmap_init(&new_ids);
    if (!c.scratch)
        goto fail;
    d->old_label = keep(&c, old_side->label);
    d->new_label = keep(&c, new_side->label);
    ob = bucket_findings(&c, 0);
    nb = bucket_findings(&c, 1);
    size_t max = old_side->nmodels + new_side->nmodels + 1;
    om = calloc(max, sizeof(*om));
    nm = calloc(max, sizeof(*nm));
    of = calloc(max, sizeof(*of));
    nf = calloc(max, sizeof(*nf));
    if (!ob || !nb || !om || !nm || !of || !nf || c.oom)
        goto fail;
    /* pairs: (old, new), either side NULL */
    size_t np = 0;
    bool oom = false;
    if (options && options->pair_single && old_side->nmodels == 1 && new_side->nmodels == 1) {
        om[0] = old_side->models[0];
        nm[0] = new_side->models[0];
        of[0] = &ob[0];
        nf[0] = &nb[0];
        np = 1;
    } else {
        bool *matched = calloc(new_side->nmodels + 1, sizeof(*matched));
        if (!matched)
            goto fail;
        for (size_t i = 0; i < new_side->nmodels; i++) {
            const char *id = new_side->models[i]->id ? new_side->models[i]->id : "";
            egaf_strmap_put(&new_ids, id, strlen(id), (void *)(uintptr_t)(i + 1), &oom);
        }
        egaf_strmap old_ids;
        egaf_strmap_init(&old_ids);
        for (size_t i = 0; i < old_side->nmodels && !oom; i++) {
            const egaf_model *m = old_side->models[i];
            const char *id = m->id ? m->id : "";
            if (egaf_strmap_put(&old_ids, id, strlen(id), (void *)m, &oom))
                continue; /* a second model with the same id: the first counts */
            uintptr_t j = (uintptr_t)egaf_strmap_get(&new_ids, id, strlen(id));
            om[np] = m;
            of[np] = &ob[i];
            if (j) {
                nm[np] = new_side->models[j - 1];
                nf[np] = &nb[j - 1];
                matched[j - 1] = true;
            }
            np++;
        }
        egaf_strmap_free(&old_ids);
        for (size_t i = 0; i < new_side->nmodels && !oom; i++) {
            const char *id = new_side->models[i]->id ? new_side->models[i]->id : "";
            if (matched[i] ||
                (uintptr_t)egaf_strmap_get(&new_ids, id, strlen(id)) != i + 1)
                continue;
            nm[np] = new_side->models[i];
            nf[np] = &nb[i];
            np++;
        }
        free(matched);
        if (oom)
            goto fail;
    }
    d->archs = egaf_arena_alloc(d->arena, (np + 1) * sizeof(*d->archs));
    if (!d->archs)
        goto fail;
    for (size_t i = 0; i < np && !c.oom; i++) {
        diff_pair(&c, &d->archs[i], om[i], nm[i], of[i], nf[i]);
        d->narchs++;
    }
    if (c.oom)
        goto fail;
    find_merges(&c, options, om, nm);
    if (d->narchs > 1)
        qsort(d->archs, d->narchs, sizeof(*d->archs), arch_cmp);
    for (size_t i = 0; i < d->narchs; i++) {
        const egaf_diff_arch *a = &d->archs[i];
        switch (a->status) {
        case EGAF_DIFF_ADDED:
            d->archs_added++;
            break;
        case EGAF_DIFF_REMOVED:
            d->archs_removed++;
            break;
        case EGAF_DIFF_CHANGED:
            d->archs_changed++;
            break;
        default:
            d->archs_unchanged++;
        }
        add_totals(&d->total, &a->counts);
    }
    if (c.oom)
        goto fail;
    goto done;
fail:
    egaf_diff_free(d);
    d = NULL;
done:
    for (size_t i = 0; ob && i <= old_side->nmodels; i++)
        free(ob[i].v);
    for (size_t i = 0; nb && i <= new_side->nmodels; i++)
        free(nb[i].v);
    free(ob);
    free(nb);
    free(om);
    free(nm);
    free(of);
    free(nf);
    egaf_strmap_free(&new_ids);
    egaf_buf_free(&c.buf);
    egaf_arena_free(c.scratch);
    return d;
}

void egaf_diff_free(egaf_diff *d)
{
    if (d)
        egaf_arena_free(d->arena); /* d with it */
}
