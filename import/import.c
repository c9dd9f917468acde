/* import.c - the concept model of an imported file, and its mapping into
 * one egaf model written as YAML (import.h). The mapping is the export's
 * (export/export_archimate.c) read backwards: the properties egaf export
 * writes (egaf-kind, egaf-id, egaf-field, the fields) are used first, so
 * an egaf export comes back exactly; a file from another tool is mapped by
 * its element and relationship types. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/fold.h"
#include "base/i18n.h"
#include "import/concept.h"
#include "model/format.h"
#include "base/grow.h"
#include "base/strmap.h"

/* --- the concept model --------------------------------------------------- */

int im_init(im_model *im, egaf_diags *diags)
{
    memset(im, 0, sizeof *im);
    im->diags = diags;
    im->arena = egaf_arena_create();
    return im->arena ? 0 : -1;
}

void im_free(im_model *im)
{
    for (size_t i = 0; i < im->nelements; i++)
        free(im->elements[i].props.items);
    for (size_t i = 0; i < im->nrels; i++)
        free(im->rels[i].props.items);
    free(im->elements);
    free(im->rels);
    free(im->props.items);
    egaf_arena_free(im->arena);
}

const char *im_str(im_model *im, const char *s)
{
    return egaf_arena_keep(im->arena, s, &im->failed);
}

const char *im_strn(im_model *im, const char *s, size_t n)
{
    char *c = egaf_arena_strndup(im->arena, s, n);
    if (!c)
        im->failed = true;
    return c;
}

static bool count_item(im_model *im)
{
    if (++im->items > EGAF_IMPORT_MAX_ITEMS) {
        im->too_many = true;
        return false;
    }
    return true;
}

static void *grow(im_model *im, void *items, size_t *cap, size_t count, size_t size)
{
    return egaf_grow_or_fail(items, cap, count, size, 16, &im->failed);
}

im_element *im_element_add(im_model *im, const char *identifier, const char *file,
                           unsigned line)
{
    if (!count_item(im))
        return NULL;
    im_element *items = grow(im, im->elements, &im->elements_cap, im->nelements, sizeof *items);
    if (!items)
        return NULL;
    im->elements = items;
    items[im->nelements] = (im_element){.identifier = identifier, .file = file, .line = line};
    return &items[im->nelements++];
}

im_rel *im_rel_add(im_model *im, const char *identifier, const char *file, unsigned line)
{
    if (!count_item(im))
        return NULL;
    im_rel *items = grow(im, im->rels, &im->rels_cap, im->nrels, sizeof *items);
    if (!items)
        return NULL;
    im->rels = items;
    items[im->nrels] = (im_rel){.identifier = identifier, .file = file, .line = line};
    return &items[im->nrels++];
}

void im_prop_add(im_model *im, im_props *p, const char *key, const char *value)
{
    if (!key || !value || !count_item(im))
        return;
    im_prop *items = grow(im, p->items, &p->cap, p->count, sizeof *items);
    if (!items)
        return;
    p->items = items;
    p->items[p->count].key = key;
    p->items[p->count].value = value;
    p->count++;
}

static const char *prop_get(const im_props *p, const char *key)
{
    for (size_t i = 0; i < p->count; i++)
        if (strcmp(p->items[i].key, key) == 0)
            return p->items[i].value;
    return NULL;
}

/* --- the egaf side ------------------------------------------------------- */

enum { M_UNMAPPED = -1, M_NATIONAL = -2, M_ARCHITECTURE = -3, M_OTHER_ARCH = -4 };

typedef struct eg_el {
    int kind;
    const char *id, *name, *name_en, *description;
    im_props vals;       /* field key -> text; a list field has one entry per item */
    im_props waivers;    /* rule -> reason */
    im_props free;       /* `properties` */
    im_props unresolved; /* "field.N" -> reference, at its place N in the list */
    struct eg_el *next;  /* in its kind's list, in file order */
} eg_el;

typedef struct mapping {
    im_model *im;
    const char *path;
    const char *arch;     /* the architecture imported */
    int *kind;            /* per im element: egaf kind or M_* */
    const char **ref;     /* per im element: how the model refers to it */
    eg_el **el;           /* per im element: its egaf element in this architecture */
    eg_el *first[EGAF_K__COUNT], *last[EGAF_K__COUNT];
    eg_el header;
    bool have_header;
    const char *framework;
    egaf_strmap by_identifier; /* identifier -> index + 1 */
    egaf_strmap ids;           /* egaf ids in use */
} mapping;

static void unmapped(mapping *mp, const char *file, unsigned line, const char *element,
                     const char *fmt, const char *a, const char *b)
{
    egaf_diag_at(mp->im->diags, "import.unmapped", file ? file : mp->path, line, 0, element, fmt,
                 a ? a : "", b ? b : "");
}

static eg_el *eg_new(mapping *mp, int kind)
{
    eg_el *e = egaf_arena_alloc(mp->im->arena, sizeof *e);
    if (!e) {
        mp->im->failed = true;
        return NULL;
    }
    memset(e, 0, sizeof *e);
    e->kind = kind;
    if (mp->last[kind])
        mp->last[kind]->next = e;
    else
        mp->first[kind] = e;
    mp->last[kind] = e;
    return e;
}

static int kind_of_noun(const char *noun)
{
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        if (strcmp(egaf_kind_info(k)->noun, noun) == 0)
            return k;
    return M_UNMAPPED;
}

static int kind_of_type(const char *type, const char *kind_prop)
{
    static const egaf_name_value types[] = {
        {"BusinessActor", EGAF_K_ACTOR},
        {"BusinessRole", EGAF_K_ACTOR},
        {"BusinessInterface", EGAF_K_CHANNEL},
        {"BusinessFunction", EGAF_K_FUNCTION},
        {"BusinessProcess", EGAF_K_FUNCTION},
        {"BusinessService", EGAF_K_SERVICE},
        {"DataObject", EGAF_K_DATABASE},
        {"ApplicationComponent", EGAF_K_APPLICATION},
        {"Node", EGAF_K_INFRASTRUCTURE},
        {"Device", EGAF_K_INFRASTRUCTURE},
        {"SystemSoftware", EGAF_K_INFRASTRUCTURE},
        {"CommunicationNetwork", EGAF_K_INFRASTRUCTURE},
        {"TechnologyService", EGAF_K_CONTROL},
        {"WorkPackage", EGAF_K_ROADMAP},
        {"Constraint", EGAF_K_STANDARD},
        {"Outcome", EGAF_K_TARGET}, /* a Goal is broader: it has no value and year */
        {"CourseOfAction", EGAF_K_SOLUTION},
    };
    (void)kind_prop;
    int kind;
    return egaf_name_value_find(types, sizeof types / sizeof types[0], type, strlen(type), &kind)
               ? kind
               : M_UNMAPPED;
}

/* A fresh id for the name (folded, "-2"… when taken). */
static const char *fresh_id(mapping *mp, const char *name, const char *identifier)
{
    im_model *im = mp->im;
    size_t n = strlen(name ? name : "") + strlen(identifier ? identifier : "") + 1;
    char *base = egaf_arena_alloc(im->arena, n + 16);
    if (!base) {
        im->failed = true;
        return "x";
    }
    size_t len = name ? egaf_fold_id(name, base) : 0;
    if (!len && identifier)
        len = egaf_fold_id(identifier, base);
    if (!len)
        len = (size_t)snprintf(base, n + 16, "element");
    if (len > 60) { /* an id a person can type */
        len = 60;
        while (len && base[len - 1] == '-')
            len--;
    }
    base[len] = '\0';
    char *id = base;
    for (int k = 2; egaf_strmap_get(&mp->ids, id, strlen(id)); k++) {
        id = egaf_arena_printf(im->arena, "%s-%d", base, k);
        if (!id) {
            im->failed = true;
            return "x";
        }
    }
    bool oom = false;
    egaf_strmap_put(&mp->ids, id, strlen(id), (void *)1, &oom);
    if (oom)
        im->failed = true;
    return id;
}

static void claim_id(mapping *mp, const char *id)
{
    bool oom = false;
    egaf_strmap_put(&mp->ids, id, strlen(id), (void *)1, &oom);
    if (oom)
        mp->im->failed = true;
}

/* The properties of an element (or an integration's relationship) back
 * into its fields, waivers, free properties and unresolved references. */
static void take_props(mapping *mp, eg_el *e, const im_props *props, bool integration)
{
    im_model *im = mp->im;
    const egaf_kind_spec *spec = egaf_kind_info(e->kind);
    for (size_t i = 0; i < props->count; i++) {
        const char *k = props->items[i].key, *v = props->items[i].value;
        if (strcmp(k, "egaf-kind") == 0 || strcmp(k, "egaf-id") == 0 ||
            strcmp(k, "egaf-field") == 0)
            continue;
        if (strcmp(k, "name-en") == 0 && !integration) {
            if (!e->name_en)
                e->name_en = v;
            continue;
        }
        if (strcmp(k, "name-vi") == 0 && !integration) {
            /* Archi's CSV of an English export: Name is the English one */
            if (!e->name_en)
                e->name_en = e->name;
            e->name = v;
            continue;
        }
        if (strncmp(k, "waiver:", 7) == 0) {
            im_prop_add(im, &e->waivers, k + 7, v);
            continue;
        }
        if (strncmp(k, "ref:", 4) == 0) {
            im_prop_add(im, &e->unresolved, k + 4, v);
            continue;
        }
        const egaf_field_spec *fs = egaf_field_spec_find(spec, k);
        if (fs && integration && (fs->field == EGAF_F_NAME || fs->field == EGAF_F_NAME_EN ||
                                  fs->field == EGAF_F_DESCRIPTION)) {
            if (fs->field == EGAF_F_NAME)
                e->name = v;
            else if (fs->field == EGAF_F_NAME_EN)
                e->name_en = v;
            else
                e->description = v;
            continue;
        }
        if (fs && fs->field != EGAF_F_ID && fs->field != EGAF_F_NAME &&
            fs->field != EGAF_F_NAME_EN && fs->field != EGAF_F_DESCRIPTION &&
            fs->type != EGAF_FT_WAIVERS && fs->type != EGAF_FT_PROPERTIES &&
            (fs->type != EGAF_FT_REFS || integration) && (fs->type != EGAF_FT_REF || integration)) {
            /* a list field is one property per item */
            im_prop_add(im, &e->vals, fs->key, v);
            continue;
        }
        im_prop_add(im, &e->free, k, v);
    }
}

/* How an egaf reference field is a relationship (the export's table):
 * reverse when the referenced element is the relationship's source. */
static const struct {
    egaf_kind kind;
    const char *field;
    bool reverse;
} field_rules[] = {
    {EGAF_K_SERVICE, "handled-by", true},     {EGAF_K_SERVICE, "channels", true},
    {EGAF_K_SERVICE, "actors", false},        {EGAF_K_SERVICE, "function", true},
    {EGAF_K_DATABASE, "sources", true},       {EGAF_K_DATABASE, "hosted-on", true},
    {EGAF_K_APPLICATION, "uses", false},      {EGAF_K_APPLICATION, "serves", false},
    {EGAF_K_APPLICATION, "hosted-on", true},  {EGAF_K_PLATFORM, "connects", false},
    {EGAF_K_PLATFORM, "hosted-on", true},     {EGAF_K_INFRASTRUCTURE, "connects", false},
    {EGAF_K_CONTROL, "protects", false},      {EGAF_K_ROADMAP, "delivers", false},
    {EGAF_K_CHANNEL, "application", true},    {EGAF_K_UNIT, "parent", true},
    {EGAF_K_APPLICATION, "actors", false},    {EGAF_K_APPLICATION, "users", false},
    {EGAF_K_STANDARD, "applies-to", true},    {EGAF_K_ROADMAP, "lead", true},
    {EGAF_K_ROADMAP, "partners", true},       {EGAF_K_ROADMAP, "depends-on", true},
    {EGAF_K_SOLUTION, "lead", true},          {EGAF_K_SOLUTION, "serves", false},
};

static bool is_kind(int k, int a, int b)
{
    return k == a || k == b;
}

/* A relationship from another tool: the field it expresses, from the
 * types of the relationship and of its two ends. */
static const char *foreign_field(const char *type, int s, int t, bool *reverse,
                                 bool *integration)
{
    *reverse = false;
    *integration = false;
    if (strcmp(type, "Triggering") == 0 && s == EGAF_K_ROADMAP && t == EGAF_K_ROADMAP)
        return *reverse = true, "depends-on"; /* the task done first triggers the next */
    bool flow = strcmp(type, "Flow") == 0 || strcmp(type, "Triggering") == 0;
    if (strcmp(type, "Serving") == 0) {
        if (s == EGAF_K_APPLICATION && is_kind(t, EGAF_K_SERVICE, EGAF_K_FUNCTION))
            return "serves";
        if (is_kind(s, EGAF_K_SERVICE, EGAF_K_APPLICATION) && t == EGAF_K_ACTOR)
            return "actors";
        if (s == EGAF_K_CONTROL && (is_kind(t, EGAF_K_APPLICATION, EGAF_K_PLATFORM) ||
                                    is_kind(t, EGAF_K_DATABASE, EGAF_K_INFRASTRUCTURE)))
            return "protects";
    } else if (strcmp(type, "Assignment") == 0) {
        if (s == EGAF_K_CHANNEL && t == EGAF_K_SERVICE)
            return *reverse = true, "channels";
    } else if (strcmp(type, "Realization") == 0) {
        if (s == EGAF_K_FUNCTION && t == EGAF_K_SERVICE)
            return *reverse = true, "function";
        if (s == EGAF_K_INFRASTRUCTURE &&
            (t == EGAF_K_DATABASE || is_kind(t, EGAF_K_APPLICATION, EGAF_K_PLATFORM)))
            return *reverse = true, "hosted-on";
        if (s == EGAF_K_ROADMAP && t >= 0 && t != EGAF_K_STANDARD)
            return "delivers";
        if (t == EGAF_K_STANDARD && s >= 0)
            return *reverse = true, "applies-to";
        if (s == EGAF_K_SOLUTION && is_kind(t, EGAF_K_TARGET, EGAF_K_ROADMAP))
            return "serves";
        if (is_kind(s, EGAF_K_APPLICATION, EGAF_K_PLATFORM) && t == EGAF_K_CHANNEL)
            return *reverse = true, "application";
    } else if (strcmp(type, "Access") == 0) {
        if (s == EGAF_K_APPLICATION && t == EGAF_K_DATABASE)
            return "uses";
        if (is_kind(s, EGAF_K_APPLICATION, EGAF_K_PLATFORM) && t == M_NATIONAL)
            return *integration = true, "integration";
    } else if (flow) {
        if (s == EGAF_K_PLATFORM && is_kind(t, EGAF_K_PLATFORM, M_NATIONAL))
            return "connects";
        if ((is_kind(s, EGAF_K_APPLICATION, EGAF_K_PLATFORM) || s == EGAF_K_DATABASE) &&
            (is_kind(t, EGAF_K_APPLICATION, EGAF_K_PLATFORM) || t == EGAF_K_DATABASE ||
             t == M_NATIONAL))
            return *integration = true, "integration";
    } else if (strcmp(type, "Association") == 0) {
        if (s == EGAF_K_INFRASTRUCTURE && is_kind(t, EGAF_K_INFRASTRUCTURE, M_NATIONAL))
            return "connects";
        if (s == EGAF_K_DATABASE && t == EGAF_K_DATABASE)
            return *reverse = true, "sources";
    }
    return NULL;
}

static size_t index_of(mapping *mp, const char *identifier)
{
    uintptr_t v = identifier ? (uintptr_t)egaf_strmap_get(&mp->by_identifier, identifier,
                                                          strlen(identifier))
                             : 0;
    return v ? (size_t)(v - 1) : SIZE_MAX;
}

/* The elements: kinds, ids, fields. */
static int map_elements(mapping *mp, const egaf_import_options *options)
{
    im_model *im = mp->im;
    size_t n = im->nelements;
    /* the architectures egaf export wrote */
    size_t narch = 0;
    const char *first_arch = NULL;
    egaf_buf list;
    egaf_buf_init(&list);
    for (size_t i = 0; i < n; i++) {
        const im_element *e = &im->elements[i];
        const char *k = prop_get(&e->props, "egaf-kind");
        const char *id = prop_get(&e->props, "egaf-id");
        if (k && id && strcmp(k, "architecture") == 0) {
            egaf_buf_printf(&list, "%s%s", narch ? ", " : "", id);
            if (!first_arch)
                first_arch = id;
            narch++;
        }
    }
    if (options && options->arch) {
        mp->arch = options->arch;
    } else if (narch > 1) {
        egaf_diag_at(im->diags, "import.unreadable", mp->path, 1, 0, NULL,
                     _("the file holds %zu architectures (%s); choose one with --arch ID"), narch,
                     list.data ? list.data : "");
        egaf_buf_free(&list);
        return 1;
    } else {
        mp->arch = first_arch;
    }
    egaf_buf_free(&list);
    if (!mp->arch) {
        const char *name = im->name_vi ? im->name_vi : "imported";
        char *id = egaf_arena_alloc(im->arena, strlen(name) + 9);
        if (!id)
            return -1;
        if (egaf_fold_id(name, id) == 0 || strlen(id) > 40)
            strcpy(id, "imported");
        mp->arch = id;
    }

    for (size_t i = 0; i < n; i++) {
        im_element *e = &im->elements[i];
        const char *k = prop_get(&e->props, "egaf-kind");
        const char *gid = prop_get(&e->props, "egaf-id");
        mp->kind[i] = M_UNMAPPED;
        if (k && strcmp(k, "architecture") == 0) {
            mp->kind[i] = M_ARCHITECTURE;
            if (gid && strcmp(gid, mp->arch) == 0 && !mp->have_header) {
                mp->have_header = true;
                mp->header.kind = EGAF_K_ARCHITECTURE;
                mp->header.id = mp->arch;
                mp->header.name = e->name_vi;
                mp->header.name_en = e->name_en;
                mp->header.description = e->documentation;
                mp->framework = prop_get(&e->props, "framework");
                im_props rest = {0};
                for (size_t j = 0; j < e->props.count; j++)
                    if (strcmp(e->props.items[j].key, "framework") != 0)
                        im_prop_add(im, &rest, e->props.items[j].key, e->props.items[j].value);
                take_props(mp, &mp->header, &rest, false);
                free(rest.items);
            }
            continue;
        }
        if (k && strncmp(k, "national", 8) == 0) {
            const char *nid = prop_get(&e->props, "national-id");
            if (!nid && strncmp(e->identifier, "id-national.", 12) == 0)
                nid = e->identifier + 12;
            if (nid) {
                mp->kind[i] = M_NATIONAL;
                mp->ref[i] = egaf_arena_printf(im->arena, "national:%s", nid);
                continue;
            }
        }
        int kind = k ? kind_of_noun(k) : M_UNMAPPED;
        if (kind == M_UNMAPPED)
            kind = kind_of_type(e->type, NULL);
        if (kind == M_UNMAPPED) {
            unmapped(mp, e->file, e->line, e->identifier,
                     _("element '%s' of type %s has no egaf kind; it is left out"),
                     e->name_vi ? e->name_vi : e->identifier, e->type);
            continue;
        }
        mp->kind[i] = kind;
        const char *colon = gid ? strchr(gid, ':') : NULL;
        if (colon && (size_t)(colon - gid) == strlen(mp->arch) &&
            strncmp(gid, mp->arch, (size_t)(colon - gid)) == 0) {
            claim_id(mp, colon + 1);
        } else if (colon) {
            mp->kind[i] = M_OTHER_ARCH;
            mp->ref[i] = gid;
            continue;
        }
    }
    /* fresh ids after every id written by egaf is claimed */
    for (size_t i = 0; i < n; i++) {
        int kind = mp->kind[i];
        if (kind < 0)
            continue;
        im_element *e = &im->elements[i];
        const char *gid = prop_get(&e->props, "egaf-id");
        const char *colon = gid ? strchr(gid, ':') : NULL;
        eg_el *el = eg_new(mp, kind);
        if (!el)
            return -1;
        el->id = colon ? colon + 1 : fresh_id(mp, e->name_vi, e->identifier);
        el->name = e->name_vi;
        el->name_en = e->name_en;
        el->description = e->documentation;
        take_props(mp, el, &e->props, false);
        if (kind == EGAF_K_INFRASTRUCTURE && !prop_get(&el->vals, "kind") &&
            strcmp(e->type, "CommunicationNetwork") == 0)
            im_prop_add(im, &el->vals, "kind", "network");
        mp->el[i] = el;
        mp->ref[i] = el->id;
    }
    return 0;
}

/* The kind an end of a relationship has for the mapping: an egaf kind,
 * M_NATIONAL, or M_UNMAPPED (a Grouping, an element left out). */
static int end_kind(const mapping *mp, size_t i)
{
    return i == SIZE_MAX ? M_UNMAPPED : mp->kind[i] == M_OTHER_ARCH ? M_OTHER_ARCH : mp->kind[i];
}

/* The kind of an element of another architecture, from its properties. */
static int other_kind(const mapping *mp, size_t i)
{
    const char *k = prop_get(&mp->im->elements[i].props, "egaf-kind");
    int kind = k ? kind_of_noun(k) : M_UNMAPPED;
    return kind != M_UNMAPPED ? kind : kind_of_type(mp->im->elements[i].type, NULL);
}

static void map_relationships(mapping *mp)
{
    im_model *im = mp->im;
    for (size_t ri = 0; ri < im->nrels && !im->failed; ri++) {
        const im_rel *r = &im->rels[ri];
        size_t s = index_of(mp, r->source), t = index_of(mp, r->target);
        const char *label = r->name ? r->name : r->identifier;
        if (s == SIZE_MAX || t == SIZE_MAX) {
            unmapped(mp, r->file, r->line, r->identifier,
                     _("relationship '%s' names an element that is not in the file (%s); it is "
                       "left out"),
                     label, s == SIZE_MAX ? r->source : r->target);
            continue;
        }
        int sk = end_kind(mp, s), tk = end_kind(mp, t);
        if (mp->kind[s] == M_ARCHITECTURE &&
            (strcmp(r->type, "Aggregation") == 0 || strcmp(r->type, "Composition") == 0))
            continue; /* the architecture holding its elements */
        const char *ekind = prop_get(&r->props, "egaf-kind");
        if (ekind && strcmp(ekind, "integration-leg") == 0)
            continue; /* the second leg through the platform: the first has it all */
        if (sk == M_UNMAPPED || tk == M_UNMAPPED) {
            if (mp->kind[s] != M_UNMAPPED && mp->kind[t] != M_UNMAPPED)
                unmapped(mp, r->file, r->line, r->identifier,
                         _("relationship '%s' (%s) joins elements egaf has no reference "
                           "between; it is left out"),
                         label, r->type);
            else
                unmapped(mp, r->file, r->line, r->identifier,
                         _("relationship '%s' (%s) joins an element that is left out; it is "
                           "left out too"),
                         label, r->type);
            continue;
        }
        bool relation = ekind && strcmp(ekind, "relation") == 0;
        if (relation || (ekind && strcmp(ekind, "integration") == 0)) {
            if (sk == M_OTHER_ARCH)
                continue; /* another architecture's integration or relation */
            eg_el *e = eg_new(mp, relation ? EGAF_K_RELATION : EGAF_K_INTEGRATION);
            if (!e)
                return;
            e->id = prop_get(&r->props, "egaf-id");
            take_props(mp, e, &r->props, true);
            if (!prop_get(&e->vals, "from"))
                im_prop_add(im, &e->vals, "from", mp->ref[s]);
            if (!prop_get(&e->vals, "to"))
                im_prop_add(im, &e->vals, "to", mp->ref[t]);
            continue;
        }
        const char *field = prop_get(&r->props, "egaf-field");
        bool reverse = false, integration = false;
        if (field) {
            bool found = false;
            for (size_t i = 0; i < sizeof field_rules / sizeof field_rules[0]; i++) {
                if (strcmp(field_rules[i].field, field) != 0)
                    continue;
                size_t owner = field_rules[i].reverse ? t : s;
                int ok = end_kind(mp, owner);
                if (ok == M_OTHER_ARCH)
                    ok = other_kind(mp, owner);
                if (ok == (int)field_rules[i].kind) {
                    reverse = field_rules[i].reverse;
                    found = true;
                    break;
                }
            }
            if (!found)
                field = NULL;
        }
        if (!field) {
            int fs = sk == M_OTHER_ARCH ? other_kind(mp, s) : sk;
            int ft = tk == M_OTHER_ARCH ? other_kind(mp, t) : tk;
            field = foreign_field(r->type, fs, ft, &reverse, &integration);
        }
        if (!field) {
            unmapped(mp, r->file, r->line, r->identifier,
                     _("relationship '%s' (%s) has no egaf reference field between these two "
                       "elements; it is left out"),
                     label, r->type);
            continue;
        }
        size_t owner = reverse ? t : s, other = reverse ? s : t;
        if (!mp->el[owner])
            continue; /* a reference of another architecture */
        if (integration) {
            eg_el *e = eg_new(mp, EGAF_K_INTEGRATION);
            if (!e)
                return;
            e->name = r->name;
            im_prop_add(im, &e->vals, "from", mp->ref[owner]);
            im_prop_add(im, &e->vals, "to", mp->ref[other]);
            take_props(mp, e, &r->props, true);
            continue;
        }
        const egaf_field_spec *fs =
            egaf_field_spec_find(egaf_kind_info(mp->el[owner]->kind), field);
        if (fs && fs->type == EGAF_FT_REF && prop_get(&mp->el[owner]->vals, field)) {
            unmapped(mp, r->file, r->line, r->identifier,
                     _("relationship '%s' gives '%s' a second value; it is left out"), label,
                     field);
            continue;
        }
        im_prop_add(im, &mp->el[owner]->vals, field, mp->ref[other]);
    }
}

/* --- YAML ---------------------------------------------------------------- */

/* Plain when it is an id or a reference (national:ngsp), else double-quoted
 * with every character YAML could read otherwise escaped. */
static void y_scalar(egaf_buf *o, const char *s, bool plain_ok)
{
    bool plain = plain_ok && s && *s && *s != '-' && *s != ':' && *s != '.';
    bool digits = true;
    for (const char *p = s; plain && *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ':' ||
              c == '.' || c == '_'))
            plain = false;
        if (c < '0' || c > '9')
            digits = false;
    }
    if (plain && !digits && strcmp(s, "null") != 0 && strcmp(s, "true") != 0 &&
        strcmp(s, "false") != 0 && strcmp(s, "yes") != 0 && strcmp(s, "no") != 0 &&
        strcmp(s, "on") != 0 && strcmp(s, "off") != 0 && s[strlen(s) - 1] != ':') {
        egaf_buf_puts(o, s);
        return;
    }
    /* YAML's double-quoted escapes; other control characters as \xNN */
    static const char *const escapes[128] = {
        ['"'] = "\\\"", ['\\'] = "\\\\", ['\n'] = "\\n", ['\t'] = "\\t", ['\r'] = "\\r",
    };
    egaf_buf_putc(o, '"');
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p < 128 && escapes[*p])
            egaf_buf_puts(o, escapes[*p]);
        else if (*p < 0x20 || *p == 0x7f)
            egaf_buf_printf(o, "\\x%02x", *p);
        else
            egaf_buf_putc(o, (char)*p);
    }
    egaf_buf_putc(o, '"');
}

static bool is_int(const char *s)
{
    if (!s || !*s)
        return false;
    if (*s == '-')
        s++;
    size_t n = 0;
    for (; *s; s++, n++)
        if (*s < '0' || *s > '9')
            return false;
    return n > 0 && n < 10;
}

/* The items of a list field, with the unresolved references put back at
 * their places. */
static void y_list(mapping *mp, egaf_buf *o, const eg_el *e, const egaf_field_spec *fs,
                   const char *first, const char *ind, bool *started)
{
    size_t nres = 0, nun = 0;
    for (size_t i = 0; i < e->vals.count; i++)
        nres += strcmp(e->vals.items[i].key, fs->key) == 0;
    size_t klen = strlen(fs->key);
    for (size_t i = 0; i < e->unresolved.count; i++) {
        const char *k = e->unresolved.items[i].key;
        nun += strncmp(k, fs->key, klen) == 0 && k[klen] == '.';
    }
    if (!nres && !nun)
        return;
    size_t total = nres + nun;
    const char **items = calloc(total, sizeof *items);
    if (!items) {
        mp->im->failed = true;
        return;
    }
    for (size_t i = 0; i < e->unresolved.count; i++) {
        const char *k = e->unresolved.items[i].key;
        if (strncmp(k, fs->key, klen) != 0 || k[klen] != '.')
            continue;
        long pos = strtol(k + klen + 1, NULL, 10);
        size_t at = pos >= 1 && (size_t)pos <= total ? (size_t)pos - 1 : total - 1;
        while (at < total && items[at])
            at++;
        if (at == total)
            for (at = 0; at < total && items[at]; at++)
                ;
        if (at < total)
            items[at] = e->unresolved.items[i].value;
    }
    size_t next = 0;
    for (size_t i = 0; i < e->vals.count; i++) {
        if (strcmp(e->vals.items[i].key, fs->key) != 0)
            continue;
        while (next < total && items[next])
            next++;
        if (next < total)
            items[next] = e->vals.items[i].value;
    }
    egaf_buf_printf(o, "%s%s:\n", *started ? ind : first, fs->key);
    *started = true;
    for (size_t i = 0; i < total; i++) {
        egaf_buf_printf(o, "%s  - ", ind);
        y_scalar(o, items[i] ? items[i] : "", fs->type != EGAF_FT_TEXTS);
        egaf_buf_putc(o, '\n');
    }
    free(items);
}

/* One element's keys, in the order of the format's table. first: the
 * indentation of its first line ("    - "), ind: of the others. */
static void y_element(mapping *mp, egaf_buf *o, const eg_el *e, const char *first,
                      const char *ind)
{
    const egaf_kind_spec *spec = egaf_kind_info(e->kind);
    bool started = false;
#define KEY_PREFIX() (started ? ind : (started = true, first))
    for (size_t f = 0; f < spec->nfields; f++) {
        const egaf_field_spec *fs = &spec->fields[f];
        const char *v = NULL;
        switch (fs->field) {
        case EGAF_F_ID:
            v = e->id;
            break;
        case EGAF_F_NAME:
            v = e->name;
            break;
        case EGAF_F_NAME_EN:
            v = e->name_en;
            break;
        case EGAF_F_DESCRIPTION:
            v = e->description;
            break;
        default:
            break;
        }
        if (fs->field == EGAF_F_ID || fs->field == EGAF_F_NAME || fs->field == EGAF_F_NAME_EN ||
            fs->field == EGAF_F_DESCRIPTION) {
            if (!v)
                continue;
            egaf_buf_printf(o, "%s%s: ", KEY_PREFIX(), fs->key);
            y_scalar(o, v, fs->field == EGAF_F_ID);
            egaf_buf_putc(o, '\n');
            continue;
        }
        switch (fs->type) {
        case EGAF_FT_REFS:
        case EGAF_FT_TEXTS:
        case EGAF_FT_IDS:
            y_list(mp, o, e, fs, first, ind, &started);
            break;
        case EGAF_FT_WAIVERS:
            if (!e->waivers.count)
                break;
            egaf_buf_printf(o, "%swaivers:\n", KEY_PREFIX());
            for (size_t i = 0; i < e->waivers.count; i++) {
                egaf_buf_printf(o, "%s  - rule: ", ind);
                y_scalar(o, e->waivers.items[i].key, true);
                egaf_buf_printf(o, "\n%s    reason: ", ind);
                y_scalar(o, e->waivers.items[i].value, false);
                egaf_buf_putc(o, '\n');
            }
            break;
        case EGAF_FT_PROPERTIES:
            if (!e->free.count)
                break;
            egaf_buf_printf(o, "%sproperties:\n", KEY_PREFIX());
            for (size_t i = 0; i < e->free.count; i++) {
                egaf_buf_printf(o, "%s  ", ind);
                y_scalar(o, e->free.items[i].key, false);
                egaf_buf_puts(o, ": ");
                y_scalar(o, e->free.items[i].value, false);
                egaf_buf_putc(o, '\n');
            }
            break;
        case EGAF_FT_PERIOD: {
            v = prop_get(&e->vals, fs->key);
            const char *dash = v ? strchr(v, '-') : NULL;
            if (!v)
                break;
            char from[16] = "", to[16] = "";
            if (dash && (size_t)(dash - v) < sizeof from && strlen(dash + 1) < sizeof to) {
                memcpy(from, v, (size_t)(dash - v));
                strcpy(to, dash + 1);
            }
            if (is_int(from) && is_int(to)) {
                egaf_buf_printf(o, "%s%s: {from: %s, to: %s}\n", KEY_PREFIX(), fs->key, from, to);
            } else {
                egaf_buf_printf(o, "%s%s: ", KEY_PREFIX(), fs->key);
                y_scalar(o, v, false);
                egaf_buf_putc(o, '\n');
            }
            break;
        }
        case EGAF_FT_INT:
            v = prop_get(&e->vals, fs->key);
            if (!v)
                break;
            egaf_buf_printf(o, "%s%s: ", KEY_PREFIX(), fs->key);
            if (is_int(v))
                egaf_buf_puts(o, v);
            else
                y_scalar(o, v, false);
            egaf_buf_putc(o, '\n');
            break;
        default:
            v = prop_get(&e->vals, fs->key);
            if (!v)
                break;
            egaf_buf_printf(o, "%s%s: ", KEY_PREFIX(), fs->key);
            y_scalar(o, v, fs->type == EGAF_FT_ID || fs->type == EGAF_FT_REF ||
                               fs->type == EGAF_FT_ENUM || fs->type == EGAF_FT_CODE);
            egaf_buf_putc(o, '\n');
        }
    }
    if (!started)
        egaf_buf_printf(o, "%s{}\n", first);
#undef KEY_PREFIX
}

int im_write_model(im_model *im, egaf_buf *out, const egaf_import_options *options,
                   const char *path)
{
    mapping mp;
    memset(&mp, 0, sizeof mp);
    mp.im = im;
    mp.path = path;
    egaf_strmap_init(&mp.by_identifier);
    egaf_strmap_init(&mp.ids);
    size_t n = im->nelements;
    mp.kind = calloc(n + 1, sizeof *mp.kind);
    mp.ref = calloc(n + 1, sizeof *mp.ref);
    mp.el = calloc(n + 1, sizeof *mp.el);
    int rc = -1;
    if (!mp.kind || !mp.ref || !mp.el)
        goto done;
    for (size_t i = 0; i < n; i++) {
        const char *id = im->elements[i].identifier;
        if (!id)
            continue;
        bool oom = false;
        if (egaf_strmap_get(&mp.by_identifier, id, strlen(id))) {
            egaf_diag_at(im->diags, "import.unmapped", im->elements[i].file,
                         im->elements[i].line, 0, id,
                         _("identifier '%s' is used twice; the second element is left out"), id);
            continue;
        }
        egaf_strmap_put(&mp.by_identifier, id, strlen(id), (void *)(uintptr_t)(i + 1), &oom);
        if (oom)
            goto done;
    }
    rc = map_elements(&mp, options);
    if (rc != 0)
        goto done;
    map_relationships(&mp);
    rc = -1;
    if (im->failed)
        goto done;

    egaf_buf_puts(out, "# egaf import: ");
    egaf_buf_puts(out, "the model read back from ");
    for (const char *p = path; *p; p++) /* one line, whatever the name holds */
        egaf_buf_putc(out, (*p == '\n' || *p == '\r') ? ' ' : *p);
    egaf_buf_puts(out, "\n");
    egaf_buf_puts(out, "framework: ");
    y_scalar(out, mp.framework ? mp.framework : "2.0", false);
    egaf_buf_puts(out, "\narchitecture:\n");
    if (!mp.have_header) {
        mp.header.kind = EGAF_K_ARCHITECTURE;
        mp.header.id = mp.arch;
        mp.header.name = im->name_vi ? im->name_vi : mp.arch;
        mp.header.name_en = im->name_en;
        mp.header.description = im->documentation;
        egaf_diag_at(im->diags, "import.unmapped", path, 1, 0, NULL,
                     _("the file has no egaf architecture header: fill in agency, level and "
                       "year in '%s' (the id '%s' is made from the model's name)"),
                     "architecture", mp.arch);
    }
    y_element(&mp, out, &mp.header, "  ", "  ");
    int section = -1;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++) {
        if (!mp.first[k])
            continue;
        const egaf_kind_spec *spec = egaf_kind_info(k);
        int sec = egaf_section_find(spec->section);
        if (sec != section) {
            egaf_buf_printf(out, "%s:\n", spec->section);
            section = sec;
        }
        egaf_buf_printf(out, "  %s:\n", spec->list);
        for (const eg_el *e = mp.first[k]; e; e = e->next)
            y_element(&mp, out, e, "    - ", "      ");
    }
    rc = im->failed || out->failed ? -1 : 0;
done:
    if (mp.el)
        for (int k = 0; k < EGAF_K__COUNT; k++)
            for (eg_el *e = mp.first[k]; e; e = e->next) {
                free(e->vals.items);
                free(e->waivers.items);
                free(e->free.items);
                free(e->unresolved.items);
            }
    free(mp.header.vals.items);
    free(mp.header.waivers.items);
    free(mp.header.free.items);
    free(mp.header.unresolved.items);
    free(mp.kind);
    free(mp.ref);
    free(mp.el);
    egaf_strmap_free(&mp.by_identifier);
    egaf_strmap_free(&mp.ids);
    return rc;
}
