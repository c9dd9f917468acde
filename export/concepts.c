/* concepts.c - the ArchiMate concept model of egaf models, which the
 * ArchiMate exchange file (export_archimate.c) and the Archi CSV files
 * (export_csv.c) both write. No Graphviz here: `egaf export --format csv`
 * runs in egaf itself, which is linked without it (cli/drawing.c).
 *
 * The mapping (docs/export.md): each egaf kind to an element type, each
 * reference field to a relationship type that the ArchiMate 3.1
 * relationship table allows for the two element types (egaf_am_allowed();
 * where it does not, a directed Association named after the field). The
 * exchange schema does not check the table; this file does. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "model/query.h"
#include "base/grow.h"

/* --- the relationship table ---------------------------------------------- */

/* Element types the export writes, and the ArchiMate 3.1 relationship table
 * (Appendix B; the same rows as Archi's relationships.xml) restricted to
 * them. Letters: a access, c composition, f flow, g aggregation,
 * i assignment, n influence, o association, r realization,
 * s specialization, t triggering, v serving. */
enum {
    T_BA, T_BI, T_BF, T_BS, T_DO, T_AC, T_NODE, T_CN, T_TS, T_WP, T_CONSTRAINT, T_OUTCOME,
    T_COA, T__COUNT
};
static const char *const type_names[T__COUNT] = {
    "BusinessActor", "BusinessInterface", "BusinessFunction", "BusinessService",
    "DataObject",    "ApplicationComponent", "Node",          "CommunicationNetwork",
    "TechnologyService", "WorkPackage", "Constraint", "Outcome", "CourseOfAction",
};
static const char *const table[T__COUNT][T__COUNT] = {
    /* targets: BA, BI, BF, BS, DO, AC, Node, CN, TS, WP, Constraint, Outcome, CourseOfAction */
    [T_BA] = {"cfgostv", "cfgiotv", "fiotv", "fiortv", "ao", "fotv", "fotv", "fotv", "fotv",
              "io", "nor", "nor", "or"},
    [T_BI] = {"fotv", "cfgostv", "fotv", "fiotv", "ao", "fotv", "fotv", "fotv", "fotv", "o",
              "nor", "nor", "or"},
    [T_BF] = {"fotv", "fotv", "cfgostv", "fortv", "ao", "fotv", "fotv", "fotv", "fotv", "o",
              "nor", "nor", "or"},
    [T_BS] = {"fotv", "fotv", "fotv", "cfgostv", "ao", "fotv", "fotv", "fotv", "fotv", "o",
              "nor", "nor", "or"},
    [T_DO] = {"o", "o", "o", "o", "cgos", "o", "o", "o", "o", "o", "nor", "nor", "or"},
    [T_AC] = {"fotv", "fortv", "fortv", "fortv", "ao", "cfgorstv", "fotv", "fotv", "fotv", "o",
              "nor", "nor", "or"},
    [T_NODE] = {"fiotv", "fiortv", "fiortv", "fiortv", "ao", "fortv", "cfgiostv", "fotv",
                "fiortv", "io", "nor", "nor", "or"},
    [T_CN] = {"fortv", "fortv", "fortv", "fortv", "ao", "fortv", "fortv", "cfgostv", "fiortv",
              "o", "nor", "nor", "or"},
    [T_TS] = {"fotv", "fotv", "fotv", "fortv", "ao", "fotv", "fotv", "fotv", "cfgostv", "o",
              "nor", "nor", "or"},
    [T_WP] = {"or", "or", "or", "or", "or", "or", "or", "or", "or", "cfgost", "nor", "nor",
              "or"},
    [T_CONSTRAINT] = {"o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "cgnos", "nor", "o"},
    [T_OUTCOME] = {"o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "no", "cgnos", "o"},
    [T_COA] = {"o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "nor", "nor", "cfgostv"},
};

static int type_index(const char *type)
{
    for (int i = 0; i < T__COUNT; i++)
        if (strcmp(type_names[i], type) == 0)
            return i;
    return -1;
}

static char rel_letter(const char *rel)
{
    static const struct {
        const char *name;
        char letter;
    } rels[] = {
        {"Access", 'a'},      {"Composition", 'c'}, {"Flow", 'f'},
        {"Aggregation", 'g'}, {"Assignment", 'i'},  {"Influence", 'n'},
        {"Association", 'o'}, {"Realization", 'r'}, {"Specialization", 's'},
        {"Triggering", 't'},  {"Serving", 'v'},
    };
    for (size_t i = 0; i < sizeof rels / sizeof rels[0]; i++)
        if (strcmp(rels[i].name, rel) == 0)
            return rels[i].letter;
    return 0;
}

bool egaf_am_allowed(const char *source, const char *rel, const char *target)
{
    int s = type_index(source), t = type_index(target);
    char letter = rel_letter(rel);
    /* a Grouping aggregates or composes any element (ArchiMate 3.1, 5.1) */
    if (strcmp(source, "Grouping") == 0 && t >= 0)
        return letter == 'g' || letter == 'c' || letter == 'o';
    if (s < 0 || t < 0 || !letter)
        return false;
    if (letter == 'o')
        return true;
    const char *row = table[s][t];
    return row && strchr(row, letter) != NULL;
}

/* --- building the concept model ------------------------------------------ */

void egaf_am_ncname(egaf_buf *out, const char *s)
{
    /* the kept characters copied in runs: every identifier passes here */
    static const char kept[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
    for (const char *p = s; p && *p;) {
        size_t run = strspn(p, kept);
        egaf_buf_add(out, p, run);
        p += run;
        if (*p) {
            egaf_buf_putc(out, '_');
            p++;
        }
    }
}

void *egaf_am_grow(egaf_am_model *am, void *items, size_t *cap, size_t count, size_t size)
{
    return egaf_grow_or_fail(items, cap, count, size, 32, &am->failed);
}

/* A streamed concept model's relationships (egaf_am_build_streamed): derived
 * once while building (to count them and make the national elements and the
 * "ref:" properties they need), then again at each egaf_am_each_rel, handed
 * to its function one at a time and forgotten. */
struct egaf_am_stream {
    egaf_export_index ix;
    size_t *group;   /* per model: its Grouping, the range of its elements */
    bool building;   /* the first derivation */
    egaf_am_rel_fn fn;
    void *ctx;
    bool stop;       /* fn said stop */
    egaf_am_rel slots[2]; /* the relationships of one egaf element not yet handed on
                             (an integration through a platform has two) */
    size_t pending;
    egaf_arena *strings; /* their copied text */
    egaf_am_props element_props;  /* egaf_am_element_props's last answer */
    egaf_arena *element_strings; /* its copied text */
};

static const char *copy_in(egaf_am_model *am, egaf_arena *into, const char *s)
{
    return egaf_arena_keep(into, s, &am->failed);
}

static const char *am_str(egaf_am_model *am, const char *s)
{
    return copy_in(am, am->arena, s);
}

/* Where a relationship's copied text goes: the concept model's arena, or
 * a streamed relationship's scratch. */
static egaf_arena *rel_arena(egaf_am_model *am)
{
    return am->stream ? am->stream->strings : am->arena;
}

/* prefix and the parts a, b, c that are not NULL, made an NCName. */
static void ident_text(egaf_buf *buf, const char *prefix, const char *a, const char *b,
                       const char *c)
{
    egaf_buf_puts(buf, prefix);
    const char *parts[3] = {a, b, c};
    for (int i = 0; i < 3; i++) {
        if (!parts[i])
            continue;
        if (i)
            egaf_buf_putc(buf, '.');
        egaf_am_ncname(buf, parts[i]);
    }
}

/* A unique identifier from base ("id-lang-son.cong-dvc"), made an NCName. */
const char *egaf_am_ident(egaf_am_model *am, const char *prefix, const char *a, const char *b,
                            const char *c)
{
    egaf_buf buf;
    egaf_buf_init(&buf);
    ident_text(&buf, prefix, a, b, c);
    size_t base_len = buf.len;
    const char *result = NULL;
    for (int n = 2; !buf.failed; n++) {
        if (!egaf_strmap_get(&am->ids, buf.data, buf.len)) {
            char *id = egaf_arena_strndup(am->arena, buf.data, buf.len);
            bool oom = false;
            if (id)
                egaf_strmap_put(&am->ids, id, buf.len, id, &oom);
            if (!id || oom)
                am->failed = true;
            result = id;
            break;
        }
        buf.len = base_len;
        egaf_buf_printf(&buf, "-%d", n);
    }
    if (buf.failed)
        am->failed = true;
    egaf_buf_free(&buf);
    return result ? result : "id-invalid";
}

/* A property whose key and value outlive the concept model (static text,
 * the models' or the reference models' strings): kept, not copied, so the
 * concept model of a national set is small beside the models themselves
 * (docs/performance.md). The arrays start small: most elements have a few. */
static void prop_add(egaf_am_model *am, egaf_am_props *p, const char *key, const char *value)
{
    if (!key || !value)
        return;
    p->items = egaf_grow(p->items, &p->cap, p->count, sizeof(*p->items), 4);
    if (p->count == p->cap) {
        am->failed = true;
        return;
    }
    p->items[p->count].key = key;
    p->items[p->count].value = value;
    p->count++;
}

/* The same for text in a scratch buffer: copied into the arena into. */
static void prop_add_copy(egaf_am_model *am, egaf_arena *into, egaf_am_props *p,
                          const char *key, const char *value)
{
    if (key && value)
        prop_add(am, p, copy_in(am, into, key), copy_in(am, into, value));
}

/* Names and documentation are kept as given (they outlive the concept
 * model) unless copy; the key is copied. */
static size_t element_add(egaf_am_model *am, const char *identifier, const char *type,
                          const char *name_vi, const char *name_en, const char *doc,
                          const char *key, bool copy)
{
    egaf_am_element *items = egaf_am_grow(am, am->elements, &am->elements_cap, am->nelements,
                                  sizeof(*items));
    if (!items)
        return SIZE_MAX;
    am->elements = items;
    egaf_am_element *e = &am->elements[am->nelements];
    memset(e, 0, sizeof(*e));
    e->identifier = identifier;
    e->type = type;
    e->name_vi = copy ? am_str(am, name_vi ? name_vi : "") : name_vi ? name_vi : "";
    e->name_en = copy ? am_str(am, name_en) : name_en;
    e->name = am->en && e->name_en ? e->name_en : e->name_vi;
    e->documentation = copy ? am_str(am, doc) : doc;
    e->key = am_str(am, key);
    /* a streamed model element is found through the index (the caller sets
     * it): only a national element's key goes into by_key */
    if (e->key && !(am->stream && !copy)) {
        bool oom = false;
        egaf_strmap_put(&am->by_key, e->key, strlen(e->key),
                        (void *)(uintptr_t)(am->nelements + 1), &oom);
        if (oom)
            am->failed = true;
    }
    return am->nelements++;
}

size_t egaf_am_element_of_key(const egaf_am_model *am, const char *key)
{
    if (!key)
        return SIZE_MAX; /* a key that could not be written (out of memory) */
    /* streamed, a model element is found through the index of the model's
     * ids (by_key holds the national ones only): an architecture's id has
     * no ':' (streamable()) */
    const char *colon = am->stream ? strchr(key, ':') : NULL;
    if (colon && !((size_t)(colon - key) == 8 && strncmp(key, "national", 8) == 0)) {
        const egaf_export_index *ix = &am->stream->ix;
        size_t mi = egaf_export_index_model(ix, key, (size_t)(colon - key));
        size_t v = mi == SIZE_MAX ? 0 : egaf_export_index_value(ix, mi, colon + 1);
        return v ? v - 1 : SIZE_MAX;
    }
    uintptr_t v = (uintptr_t)egaf_strmap_get(&am->by_key, key, strlen(key));
    return v ? (size_t)(v - 1) : SIZE_MAX;
}

static const char *kind_type(const egaf_element *el)
{
    switch (el->kind) {
    case EGAF_K_ACTOR:
    case EGAF_K_UNIT: /* a department or commune acts: an actor of the organisation */
        return "BusinessActor";
    case EGAF_K_CHANNEL:
        return "BusinessInterface";
    case EGAF_K_FUNCTION:
        return "BusinessFunction";
    case EGAF_K_SERVICE:
        return "BusinessService";
    case EGAF_K_DATABASE:
        return "DataObject";
    case EGAF_K_APPLICATION:
    case EGAF_K_PLATFORM:
        return "ApplicationComponent";
    case EGAF_K_INFRASTRUCTURE: {
        const char *k = egaf_element_text(el, EGAF_F_KIND);
        return k && strcmp(k, "network") == 0 ? "CommunicationNetwork" : "Node";
    }
    case EGAF_K_CONTROL:
        return "TechnologyService";
    case EGAF_K_ROADMAP:
        return "WorkPackage";
    case EGAF_K_STANDARD: /* what the elements it applies to must comply with */
        return "Constraint";
    case EGAF_K_TARGET: /* a measurable end result: an Outcome, its value a property */
        return "Outcome";
    case EGAF_K_SOLUTION:
        return "CourseOfAction";
    default:
        return NULL; /* integrations and relations are relationships; the header a grouping */
    }
}

/* Every field that is not a name, a description or a reference, as
 * properties keyed as in the model. */
static void field_props(egaf_am_model *am, egaf_arena *into, egaf_am_props *p,
                        const egaf_element *el)
{
    const egaf_kind_spec *spec = egaf_kind_info(el->kind);
    egaf_buf tmp;
    egaf_buf_init(&tmp);
    for (size_t f = 0; f < spec->nfields; f++) {
        const egaf_field_spec *fs = &spec->fields[f];
        const egaf_value *v = egaf_element_get(el, fs->field);
        if (!v || fs->field == EGAF_F_NAME || fs->field == EGAF_F_NAME_EN ||
            fs->field == EGAF_F_DESCRIPTION)
            continue;
        switch (v->type) {
        case EGAF_FT_TEXT:
        case EGAF_FT_ID:
        case EGAF_FT_ENUM:
        case EGAF_FT_CODE:
            if (fs->field != EGAF_F_ID)
                prop_add(am, p, fs->key, v->u.str.s);
            break;
        case EGAF_FT_INT:
            egaf_buf_reset(&tmp);
            egaf_buf_printf(&tmp, "%lld", v->u.num);
            prop_add_copy(am, into, p, fs->key, tmp.data);
            break;
        case EGAF_FT_TEXTS:
        case EGAF_FT_IDS:
            /* one property per item, the key repeated: an item may hold
             * any separator, and the import gives the same list back */
            for (size_t i = 0; i < v->u.list.count; i++)
                prop_add(am, p, fs->key, v->u.list.items[i].s ? v->u.list.items[i].s : "");
            break;
        case EGAF_FT_WAIVERS:
            for (size_t i = 0; i < v->u.waivers.count; i++) {
                egaf_buf_reset(&tmp);
                egaf_buf_printf(&tmp, "waiver:%s",
                                v->u.waivers.items[i].rule.s ? v->u.waivers.items[i].rule.s
                                                             : "");
                prop_add_copy(am, into, p, tmp.data,
                         v->u.waivers.items[i].reason.s ? v->u.waivers.items[i].reason.s : "");
            }
            break;
        case EGAF_FT_PROPERTIES:
            for (size_t i = 0; i < v->u.props.count; i++)
                prop_add(am, p, v->u.props.items[i].key.s, v->u.props.items[i].value.s);
            break;
        case EGAF_FT_PERIOD:
            egaf_buf_reset(&tmp);
            egaf_buf_printf(&tmp, "%lld-%lld", v->u.period.from, v->u.period.to);
            prop_add_copy(am, into, p, fs->key, tmp.data);
            break;
        case EGAF_FT_REF:
        case EGAF_FT_REFS:
            break;
        }
    }
    if (tmp.failed)
        am->failed = true;
    egaf_buf_free(&tmp);
}

/* The element a reference names: a loaded element, or a national entry's
 * element (made on first use); SIZE_MAX when it names nothing loaded. */
static size_t target_of(egaf_am_model *am, const egaf_export_index *ix, size_t mi,
                        const char *ref)
{
    egaf_export_ref r;
    egaf_export_resolve(ix, mi, ref, &r);
    if (!r.id[0])
        return SIZE_MAX;
    egaf_buf key;
    egaf_buf_init(&key);
    /* "%s" of a model without an id, as printf wrote it */
    egaf_buf_puts(&key, r.scope == EGAF_SCOPE_NATIONAL ? "national" : r.arch ? r.arch : "(null)");
    egaf_buf_putc(&key, ':');
    egaf_buf_puts(&key, r.id);
    if (key.failed)
        am->failed = true;
    size_t idx = key.failed ? SIZE_MAX : egaf_am_element_of_key(am, key.data);
    bool building = !am->stream || am->stream->building;
    if (idx == SIZE_MAX && r.scope == EGAF_SCOPE_NATIONAL && !key.failed && building) {
        const egaf_ref_entry *e = r.entry;
        const char *type = "ApplicationComponent";
        bool db = e ? e->kind == EGAF_RK_NATIONAL_DATABASE : strncmp(r.id, "csdl-", 5) == 0;
        if (db)
            type = "DataObject";
        else if (e && e->category && strcmp(e->category, "network") == 0)
            type = "CommunicationNetwork";
        else if (e && e->category && strcmp(e->category, "data-center") == 0)
            type = "Node";
        const char *ident = egaf_am_ident(am, "id-national", NULL, r.id, NULL);
        idx = element_add(am, ident, type, e && e->name ? e->name : r.id,
                          e ? e->name_en : NULL, e ? e->purpose : NULL, key.data, true);
        if (idx != SIZE_MAX) {
            egaf_am_props *p = &am->elements[idx].props;
            prop_add(am, p, "egaf-kind", db ? "national database" : "national shared system");
            const char *nkey = am->elements[idx].key; /* "national:ID" */
            prop_add(am, p, "national-id", nkey ? nkey + 9 : "");
            if (e) {
                prop_add(am, p, "abbr", e->abbr);
                prop_add(am, p, "category", e->category);
                prop_add(am, p, "source", e->source);
            } else {
                prop_add(am, p, "in-reference-models", "no");
            }
        }
    }
    egaf_buf_free(&key);
    return idx;
}

static egaf_am_rel *rel_add(egaf_am_model *am, const char *identifier, const char *type,
                            size_t source, size_t target)
{
    egaf_am_rel *r;
    struct egaf_am_stream *st = am->stream;
    if (st) {
        if (st->pending == sizeof st->slots / sizeof st->slots[0]) {
            am->failed = true; /* a caller forgot rel_done */
            return NULL;
        }
        r = &st->slots[st->pending++];
        egaf_am_props props = r->props; /* the array is kept from one to the next */
        props.count = 0;
        memset(r, 0, sizeof(*r));
        r->props = props;
    } else {
        egaf_am_rel *items =
            egaf_am_grow(am, am->rels, &am->rels_cap, am->nrels, sizeof(*items));
        if (!items)
            return NULL;
        am->rels = items;
        r = &am->rels[am->nrels++];
        memset(r, 0, sizeof(*r));
    }
    r->identifier = identifier;
    r->type = type;
    r->source = source;
    r->target = target;
    return r;
}

/* A relationship (or an integration's two) is complete: a streamed model
 * counts it while building, else hands it on; a kept one is in rels. */
static void rel_done(egaf_am_model *am)
{
    struct egaf_am_stream *st = am->stream;
    if (!st)
        return;
    for (size_t i = 0; i < st->pending; i++) {
        if (st->building)
            am->nrels++;
        else if (!st->stop && !am->failed && !st->fn(st->ctx, am, &st->slots[i]))
            st->stop = true;
    }
    st->pending = 0;
    if (egaf_arena_used(st->strings) > (1u << 20))
        egaf_arena_reset(st->strings);
}

/* A relationship's identifier. Streamed, the identifiers cannot collide
 * (streamable()), so it is the text itself, not kept in ids. */
static const char *unregistered_ident(egaf_am_model *am, egaf_arena *into, const char *prefix,
                                      const char *a, const char *b, const char *c)
{
    egaf_buf buf;
    egaf_buf_init(&buf);
    ident_text(&buf, prefix, a, b, c);
    const char *id = buf.failed ? NULL : copy_in(am, into, buf.data);
    if (buf.failed)
        am->failed = true;
    egaf_buf_free(&buf);
    return id ? id : "id-invalid";
}

static const char *rel_ident(egaf_am_model *am, const char *prefix, const char *a,
                             const char *b, const char *c)
{
    if (!am->stream)
        return egaf_am_ident(am, prefix, a, b, c);
    return unregistered_ident(am, am->stream->strings, prefix, a, b, c);
}

/* How each reference field becomes a relationship. reverse: the referenced
 * element is the source (a service's `handled-by` application serves it). */
typedef struct rel_rule {
    egaf_kind kind;
    egaf_field field;
    const char *type;
    bool reverse;
    const char *access;
} rel_rule;

static const rel_rule rules[] = {
    {EGAF_K_SERVICE, EGAF_F_HANDLED_BY, "Serving", true, NULL},
    {EGAF_K_SERVICE, EGAF_F_CHANNELS, "Assignment", true, NULL},
    {EGAF_K_SERVICE, EGAF_F_ACTORS, "Serving", false, NULL},
    {EGAF_K_SERVICE, EGAF_F_FUNCTION, "Realization", true, NULL},
    {EGAF_K_DATABASE, EGAF_F_SOURCES, "Association", true, NULL},
    {EGAF_K_DATABASE, EGAF_F_HOSTED_ON, "Realization", true, NULL},
    {EGAF_K_APPLICATION, EGAF_F_USES, "Access", false, "ReadWrite"},
    {EGAF_K_APPLICATION, EGAF_F_SERVES, "Serving", false, NULL},
    {EGAF_K_APPLICATION, EGAF_F_HOSTED_ON, "Realization", true, NULL},
    {EGAF_K_PLATFORM, EGAF_F_CONNECTS, "Flow", false, NULL},
    {EGAF_K_PLATFORM, EGAF_F_HOSTED_ON, "Realization", true, NULL},
    {EGAF_K_INFRASTRUCTURE, EGAF_F_CONNECTS, "Association", false, NULL},
    {EGAF_K_CONTROL, EGAF_F_PROTECTS, "Serving", false, NULL},
    {EGAF_K_ROADMAP, EGAF_F_DELIVERS, "Realization", false, NULL},
    /* issue 18: the organisation, the roadmap's people and order, the
     * standards, targets and solutions */
    {EGAF_K_CHANNEL, EGAF_F_APPLICATION, "Realization", true, NULL},
    {EGAF_K_UNIT, EGAF_F_PARENT, "Aggregation", true, NULL},
    {EGAF_K_APPLICATION, EGAF_F_ACTORS, "Serving", false, NULL},
    {EGAF_K_APPLICATION, EGAF_F_USERS, "Serving", false, NULL},
    {EGAF_K_STANDARD, EGAF_F_APPLIES_TO, "Realization", true, NULL},
    {EGAF_K_ROADMAP, EGAF_F_LEAD, "Assignment", true, NULL},
    {EGAF_K_ROADMAP, EGAF_F_PARTNERS, "Assignment", true, NULL},
    {EGAF_K_ROADMAP, EGAF_F_DEPENDS_ON, "Triggering", true, NULL},
    {EGAF_K_SOLUTION, EGAF_F_LEAD, "Assignment", true, NULL},
    {EGAF_K_SOLUTION, EGAF_F_SERVES, "Realization", false, NULL},
};

/* Adds the relationship of one reference, with the rule's type where the
 * table allows it, else a directed Association named after the field. */
static egaf_am_rel *relate(egaf_am_model *am, const char *identifier, const char *type,
                           size_t source, size_t target, const char *field_key,
                           const char *access)
{
    const egaf_am_element *s = &am->elements[source], *t = &am->elements[target];
    bool fallback = !egaf_am_allowed(s->type, type, t->type);
    egaf_am_rel *r = rel_add(am, identifier, fallback ? "Association" : type, source, target);
    if (!r)
        return NULL;
    if (fallback || strcmp(type, "Association") == 0) {
        r->directed = fallback || strcmp(field_key, "connects") != 0;
        r->name = field_key;
    } else if (access) {
        r->access_type = access;
    }
    r->field = field_key;
    return r;
}

/* One leg of an integration: a Flow, or, to a database, an Access that
 * reads it (Flow to a DataObject is not in the table). */
static egaf_am_rel *integration_leg(egaf_am_model *am, const char *identifier, size_t source,
                                    size_t target)
{
    bool data = strcmp(am->elements[target].type, "DataObject") == 0;
    return relate(am, identifier, data ? "Access" : "Flow", source, target, "integration",
                  data ? "Read" : NULL);
}

/* The elements an integration's or a relation's from and to stand for, in
 * *s and *t; false when either has none. */
static bool ends_of(egaf_am_model *am, const egaf_export_index *ix, size_t mi,
                    const egaf_element *el, size_t *s,
                    size_t *t)
{
    const char *from = egaf_element_text(el, EGAF_F_FROM);
    const char *to = egaf_element_text(el, EGAF_F_TO);
    *s = from ? target_of(am, ix, mi, from) : SIZE_MAX;
    *t = to ? target_of(am, ix, mi, to) : SIZE_MAX;
    return *s != SIZE_MAX && *t != SIZE_MAX;
}

/* An integration's or a relation's identifier: by its id, else by its place
 * ("integration-3"); that key stays in tmp. */
static const char *flow_ident(egaf_am_model *am, const char *arch, const egaf_element *el,
                              const char *noun, egaf_buf *tmp)
{
    egaf_buf_reset(tmp);
    if (el->id)
        egaf_buf_puts(tmp, el->id);
    else
        egaf_buf_printf(tmp, "%s-%zu", noun, el->index + 1);
    return rel_ident(am, "id-", arch, tmp->data, NULL);
}

/* A flow is named after what passes (its data), else after its element. */
static void name_flow(egaf_am_model *am, egaf_am_rel *r, const egaf_element *el, egaf_buf *tmp)
{
    const egaf_value *data = egaf_element_get(el, EGAF_F_DATA);
    if (data && data->type == EGAF_FT_TEXTS && data->u.list.count) {
        egaf_buf_reset(tmp);
        for (size_t d = 0; d < data->u.list.count; d++)
            egaf_buf_printf(tmp, "%s%s", d ? ", " : "",
                            data->u.list.items[d].s ? data->u.list.items[d].s : "");
        r->name = copy_in(am, rel_arena(am), tmp->data);
    }
    if (el->name && !r->name)
        r->name = copy_in(am, rel_arena(am), el->name);
}

/* The properties that let the import make an integration or a relation
 * again, up to its ends. */
static void flow_props(egaf_am_model *am, egaf_am_rel *r, const egaf_element *el,
                       const char *kind)
{
    prop_add(am, &r->props, "egaf-kind", kind);
    if (el->id)
        prop_add(am, &r->props, "egaf-id", el->id);
    prop_add(am, &r->props, "name", el->name);
    prop_add(am, &r->props, "name-en", egaf_element_text(el, EGAF_F_NAME_EN));
    prop_add(am, &r->props, "description", egaf_element_text(el, EGAF_F_DESCRIPTION));
    prop_add(am, &r->props, "from", egaf_element_text(el, EGAF_F_FROM));
    prop_add(am, &r->props, "to", egaf_element_text(el, EGAF_F_TO));
}

/* A business relation between two units: a Flow between their actors
 * (ArchiMate 3.1 allows it between any two business actors), named after
 * what passes or, without data, its kind; its fields as properties, like an
 * integration's, so the import makes the relation again. */
static void relation_rel(egaf_am_model *am, const egaf_export_index *ix, size_t mi,
                         const char *arch,
                         const egaf_element *el, egaf_buf *tmp)
{
    size_t s, t;
    if (!ends_of(am, ix, mi, el, &s, &t))
        return;
    const char *ident = flow_ident(am, arch, el, "relation", tmp);
    egaf_am_rel *r = relate(am, ident, "Flow", s, t, "relation", NULL);
    if (!r)
        return;
    name_flow(am, r, el, tmp);
    if (!r->name)
        r->name = egaf_element_text(el, EGAF_F_KIND);
    flow_props(am, r, el, "relation");
    field_props(am, rel_arena(am), &r->props, el);
}

static const char *model_name(const egaf_model *m, bool en)
{
    const char *name = m->header ? egaf_element_text(m->header, EGAF_F_NAME) : NULL;
    const char *name_en = m->header ? egaf_element_text(m->header, EGAF_F_NAME_EN) : NULL;
    if (en && name_en)
        return name_en;
    return name ? name : (m->id ? m->id : "");
}

/* Whether no identifier of a relationship can be the same as another
 * identifier, so a streamed model need not keep them in ids to make each
 * unique: every architecture has an id, and it and every element's id are
 * made of letters, digits, '-' and '_' only (an NCName part without a '.',
 * so the identifiers' parts cannot run together), the architectures'
 * differ and are none of the identifiers' own prefixes, each element's id
 * is used once in its model, and no integration or relation without an id
 * has the name of one ("integration-3"). Otherwise the relationships are
 * kept, and ids makes them unique as it always did. */
static bool plain_part(const char *s)
{
    if (!s || !*s)
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
            return false;
    return true;
}

static bool streamable(const egaf_export_index *ix)
{
    static const char *const reserved[] = {"national", "member", "view", "egaf-model"};
    egaf_strmap archs;
    egaf_strmap_init(&archs);
    bool ok = true;
    char name[64];
    for (size_t mi = 0; mi < ix->nmodels && ok; mi++) {
        const egaf_model *m = ix->models[mi];
        const char *arch = m->id;
        bool oom = false;
        ok = plain_part(arch) && !egaf_strmap_put(&archs, arch, strlen(arch), (void *)arch, &oom) &&
             !oom && egaf_export_index_unique(ix, mi);
        for (size_t r = 0; r < sizeof reserved / sizeof reserved[0] && ok; r++)
            ok = strcmp(arch, reserved[r]) != 0;
        for (int k = 0; k < EGAF_K_ARCHITECTURE && ok; k++)
            for (size_t i = 0; i < m->counts[k] && ok; i++) {
                const egaf_element *el = m->elements[k][i];
                if (el->id) {
                    ok = plain_part(el->id);
                } else if (el->kind == EGAF_K_INTEGRATION || el->kind == EGAF_K_RELATION) {
                    snprintf(name, sizeof name, "%s-%zu",
                             el->kind == EGAF_K_INTEGRATION ? "integration" : "relation",
                             el->index + 1);
                    ok = !egaf_export_index_has(ix, mi, name);
                }
            }
    }
    egaf_strmap_free(&archs);
    return ok;
}

/* A model element's own properties (the "ref:" ones come with its
 * relationships). */
static void element_props(egaf_am_model *am, egaf_arena *into, egaf_am_props *p,
                          const egaf_element *el, const char *key)
{
    prop_add(am, p, "egaf-kind", egaf_kind_info(el->kind)->noun);
    prop_add(am, p, "egaf-id", key);
    field_props(am, into, p, el);
}

/* Its references to nothing loaded (another architecture's element), kept
 * with their place in the list, for the way back: as derive_rels makes
 * them for a kept model. */
static void element_ref_props(egaf_am_model *am, const egaf_export_index *ix, size_t mi,
                              egaf_arena *into, egaf_am_props *p, const egaf_element *el)
{
    egaf_buf tmp;
    egaf_buf_init(&tmp);
    for (size_t ri = 0; ri < sizeof rules / sizeof rules[0]; ri++) {
        const rel_rule *rule = &rules[ri];
        const egaf_value *v = rule->kind == el->kind ? egaf_element_get(el, rule->field) : NULL;
        if (!v)
            continue;
        const char *key = egaf_field_spec_of(egaf_kind_info(el->kind), rule->field)->key;
        size_t n = v->type == EGAF_FT_REFS ? v->u.list.count : 1;
        for (size_t j = 0; j < n; j++) {
            const char *ref = v->type == EGAF_FT_REFS ? v->u.list.items[j].s : v->u.str.s;
            if (!ref || target_of(am, ix, mi, ref) != SIZE_MAX)
                continue;
            egaf_buf_reset(&tmp);
            egaf_buf_printf(&tmp, "ref:%s.%zu", key, j + 1);
            prop_add_copy(am, into, p, tmp.data, ref);
        }
    }
    if (tmp.failed)
        am->failed = true;
    egaf_buf_free(&tmp);
}

const egaf_am_props *egaf_am_element_props(egaf_am_model *am, size_t i)
{
    const egaf_am_element *e = &am->elements[i];
    struct egaf_am_stream *st = am->stream;
    if (!st || !e->origin)
        return &e->props;
    if (egaf_arena_used(st->element_strings) > (1u << 20))
        egaf_arena_reset(st->element_strings);
    st->element_props.count = 0;
    element_props(am, st->element_strings, &st->element_props, e->origin, e->key);
    element_ref_props(am, &st->ix, e->model, st->element_strings, &st->element_props,
                      e->origin);
    return &st->element_props;
}

static bool stopped(const egaf_am_model *am)
{
    return am->stream && am->stream->stop;
}

/* Every relationship of the models, in model order: each architecture's
 * Grouping's Aggregations, then each element's references. */
static void derive_rels(egaf_am_model *am, const egaf_export_index *ix, const size_t *group)
{
    egaf_model *const *models = ix->models;
    size_t nmodels = ix->nmodels;
    egaf_buf tmp;
    egaf_buf_init(&tmp);
    for (size_t mi = 0; mi < nmodels && !am->failed && !stopped(am); mi++) {
        const egaf_model *m = models[mi];
        const char *arch = m->id ? m->id : "model";
        /* the architecture's Grouping aggregates its own elements */
        if (group[3 * mi] != SIZE_MAX)
            for (size_t e = group[3 * mi + 1]; e < group[3 * mi + 2]; e++) {
                const char *ident =
                    rel_ident(am, "id-member.", am->elements[e].identifier + 3, NULL, NULL);
                rel_add(am, ident, "Aggregation", group[3 * mi], e);
                rel_done(am);
            }
        for (int k = 0; k < EGAF_K_ARCHITECTURE; k++) {
            for (size_t i = 0; i < m->counts[k]; i++) {
                const egaf_element *el = m->elements[k][i];
                if (el->kind == EGAF_K_INTEGRATION) {
                    size_t s, t;
                    if (!ends_of(am, ix, mi, el, &s, &t))
                        continue;
                    const char *ident = flow_ident(am, arch, el, "integration", &tmp);
                    /* through the platform when it is loaded: a flow to it
                     * and one on from it, the integration's properties on
                     * the first, once */
                    const char *via = egaf_element_text(el, EGAF_F_VIA);
                    size_t p = via ? target_of(am, ix, mi, via) : SIZE_MAX;
                    if (p == s || p == t)
                        p = SIZE_MAX;
                    const char *leg_ident =
                        p != SIZE_MAX ? rel_ident(am, "id-", arch, tmp.data, "via") : NULL;
                    egaf_am_rel *r = integration_leg(am, ident, s, p != SIZE_MAX ? p : t);
                    egaf_am_rel *r2 = p != SIZE_MAX ? integration_leg(am, leg_ident, p, t) : NULL;
                    if (!r) {
                        rel_done(am);
                        continue;
                    }
                    name_flow(am, r, el, &tmp);
                    flow_props(am, r, el, "integration");
                    prop_add(am, &r->props, "via", via);
                    field_props(am, rel_arena(am), &r->props, el);
                    if (r2) {
                        r2->name = r->name;
                        prop_add(am, &r2->props, "egaf-kind", "integration-leg");
                    }
                    rel_done(am);
                    continue;
                }
                if (el->kind == EGAF_K_RELATION) {
                    relation_rel(am, ix, mi, arch, el, &tmp);
                    rel_done(am);
                    continue;
                }
                if (!el->id)
                    continue;
                egaf_buf_reset(&tmp);
                egaf_buf_puts(&tmp, arch);
                egaf_buf_putc(&tmp, ':');
                egaf_buf_puts(&tmp, el->id);
                size_t self = egaf_am_element_of_key(am, tmp.data);
                if (self == SIZE_MAX)
                    continue;
                for (size_t ri = 0; ri < sizeof rules / sizeof rules[0]; ri++) {
                    const rel_rule *rule = &rules[ri];
                    if (rule->kind != el->kind)
                        continue;
                    const egaf_value *v = egaf_element_get(el, rule->field);
                    if (!v)
                        continue;
                    const char *key = egaf_field_spec_of(egaf_kind_info(el->kind), rule->field)->key;
                    size_t n = v->type == EGAF_FT_REFS ? v->u.list.count : 1;
                    for (size_t j = 0; j < n; j++) {
                        const char *ref =
                            v->type == EGAF_FT_REFS ? v->u.list.items[j].s : v->u.str.s;
                        if (!ref)
                            continue;
                        size_t t = target_of(am, ix, mi, ref);
                        char num[24];
                        snprintf(num, sizeof num, "%zu", j + 1);
                        if (t == SIZE_MAX) {
                            /* a reference to nothing loaded (another
                             * architecture's element): kept, with its place
                             * in the list, for the way back */
                            if (am->stream)
                                continue; /* egaf_am_element_props makes them */
                            egaf_buf_reset(&tmp);
                            egaf_buf_printf(&tmp, "ref:%s.%s", key, num);
                            prop_add_copy(am, am->arena, &am->elements[self].props, tmp.data,
                                          ref);
                            continue;
                        }
                        egaf_buf_reset(&tmp);
                        egaf_buf_puts(&tmp, key);
                        egaf_buf_putc(&tmp, '.');
                        egaf_buf_puts(&tmp, num);
                        const char *ident = rel_ident(am, "id-", arch, el->id, tmp.data);
                        size_t s = rule->reverse ? t : self, d = rule->reverse ? self : t;
                        relate(am, ident, rule->type, s, d, key, rule->access);
                        rel_done(am);
                    }
                }
            }
        }
    }
    rel_done(am);
    if (tmp.failed)
        am->failed = true;
    egaf_buf_free(&tmp);
}

static egaf_am_model *build(egaf_model *const *models, size_t nmodels, const egaf_refs *refs,
                            bool en, bool stream)
{
    egaf_arena *arena;
    egaf_am_model *am = egaf_calloc_with_arena(sizeof(*am), &arena);
    if (!am)
        return NULL;
    am->arena = arena;
    am->en = en;
    egaf_strmap_init(&am->ids);
    egaf_strmap_init(&am->by_key);
    egaf_export_index ix;
    if (egaf_export_index_init(&ix, models, nmodels, refs) != 0) {
        egaf_arena_free(am->arena);
        free(am);
        return NULL;
    }
    am->identifier = egaf_am_ident(am, "id-egaf-model", NULL, NULL, NULL);
    if (stream && streamable(&ix)) {
        struct egaf_am_stream *st = calloc(1, sizeof(*st));
        egaf_arena *strings = st ? egaf_arena_create() : NULL;
        egaf_arena *element_strings = strings ? egaf_arena_create() : NULL;
        if (element_strings) {
            st->ix = ix;
            st->building = true;
            st->strings = strings;
            st->element_strings = element_strings;
            am->stream = st;
        } else {
            egaf_arena_free(strings);
            free(st);
            am->failed = true;
        }
    }

    egaf_buf tmp;
    egaf_buf_init(&tmp);
    if (nmodels == 1) {
        const egaf_model *m = models[0];
        am->name_vi = am_str(am, model_name(m, false));
        const char *ne = m->header ? egaf_element_text(m->header, EGAF_F_NAME_EN) : NULL;
        am->name_en = am_str(am, ne);
        am->documentation =
            am_str(am, m->header ? egaf_element_text(m->header, EGAF_F_DESCRIPTION) : NULL);
    } else {
        egaf_buf_printf(&tmp, "Kiến trúc Chính phủ điện tử: %zu kiến trúc", nmodels);
        am->name_vi = am_str(am, tmp.data);
        egaf_buf_reset(&tmp);
        egaf_buf_printf(&tmp, "e-Government architectures: %zu", nmodels);
        am->name_en = am_str(am, tmp.data);
    }
    am->name = en && am->name_en ? am->name_en : am->name_vi;
    egaf_buf_reset(&tmp);
    for (size_t mi = 0; mi < nmodels; mi++)
        egaf_buf_printf(&tmp, "%s%s", mi ? ", " : "", models[mi]->id ? models[mi]->id : "");
    prop_add_copy(am, am->arena, &am->props, "egaf-architectures", tmp.data ? tmp.data : "");

    /* the elements of every model, then the relationships (a reference may
     * name an element of a model further on); each architecture's Grouping
     * and the range of its elements, for the Aggregations */
    size_t *group = calloc(nmodels + 1, sizeof(*group) * 3);
    const bool streamed = am->stream != NULL; /* then the stream owns group */
    if (!group)
        am->failed = true;
    else if (streamed)
        am->stream->group = group;
    for (size_t mi = 0; mi < nmodels && group; mi++) {
        const egaf_model *m = models[mi];
        const char *arch = m->id ? m->id : "model";
        group[3 * mi] = SIZE_MAX;
        if (m->header) {
            const char *ident = egaf_am_ident(am, "id-", arch, NULL, NULL);
            const char *ne = egaf_element_text(m->header, EGAF_F_NAME_EN);
            size_t g = element_add(am, ident, "Grouping", model_name(m, false), ne,
                                   egaf_element_text(m->header, EGAF_F_DESCRIPTION), NULL, false);
            group[3 * mi] = g;
            if (g != SIZE_MAX) {
                egaf_am_props *p = &am->elements[g].props;
                prop_add(am, p, "egaf-kind", "architecture");
                prop_add(am, p, "egaf-id", arch);
                prop_add(am, p, "framework", m->framework.s);
                field_props(am, am->arena, p, m->header);
            }
        }
        group[3 * mi + 1] = am->nelements;
        for (int k = 0; k < EGAF_K_ARCHITECTURE; k++) {
            for (size_t i = 0; i < m->counts[k]; i++) {
                const egaf_element *el = m->elements[k][i];
                const char *type = kind_type(el);
                if (!type || !el->id)
                    continue;
                egaf_buf_reset(&tmp);
                egaf_buf_printf(&tmp, "%s:%s", arch, el->id);
                if (egaf_am_element_of_key(am, tmp.data) != SIZE_MAX)
                    continue; /* a duplicate id: the validator reports it */
                /* streamed, an element's identifier cannot be another's
                 * (streamable()): ids need not hold it */
                const char *ident =
                    am->stream ? unregistered_ident(am, am->arena, "id-", arch, el->id, NULL)
                               : egaf_am_ident(am, "id-", arch, el->id, NULL);
                size_t e = element_add(am, ident, type, el->name ? el->name : el->id,
                                       egaf_element_text(el, EGAF_F_NAME_EN),
                                       egaf_element_text(el, EGAF_F_DESCRIPTION), tmp.data, false);
                if (e == SIZE_MAX)
                    continue;
                if (am->stream) {
                    egaf_export_index_set(&am->stream->ix, mi, el->id, e + 1);
                    /* made again when written (egaf_am_element_props) */
                    am->elements[e].origin = el;
                    am->elements[e].model = mi;
                    continue;
                }
                element_props(am, am->arena, &am->elements[e].props, el, am->elements[e].key);
            }
        }
        group[3 * mi + 2] = am->nelements;
    }
    /* the relationships counted first, so their array is allocated once at
     * its size rather than doubled past it (a national set has hundreds of
     * thousands); kept ones only (a model asked for streamed may not be
     * streamable). derive_rels relies on it: an integration's first leg is
     * still written to after its second is added */
    size_t want = 0;
    for (size_t mi = 0; mi < nmodels && group && !am->stream; mi++) {
        const egaf_model *m = models[mi];
        want += group[3 * mi + 2] - group[3 * mi + 1];
        for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
            for (size_t i = 0; i < m->counts[k]; i++) {
                const egaf_element *el = m->elements[k][i];
                if (el->kind == EGAF_K_INTEGRATION || el->kind == EGAF_K_RELATION) {
                    want += 2;
                    continue;
                }
                for (size_t ri = 0; ri < sizeof rules / sizeof rules[0]; ri++) {
                    const egaf_value *v =
                        rules[ri].kind == el->kind ? egaf_element_get(el, rules[ri].field) : NULL;
                    if (v)
                        want += v->type == EGAF_FT_REFS ? v->u.list.count : 1;
                }
            }
    }
    if (!am->stream && want && !am->failed) {
        egaf_am_rel *items = malloc(want * sizeof(*items));
        if (items) {
            am->rels = items;
            am->rels_cap = want;
        } else {
            am->failed = true;
        }
    }
    if (!am->failed)
        derive_rels(am, &ix, group);
    if (tmp.failed)
        am->failed = true;
    egaf_buf_free(&tmp);
    if (streamed) {
        am->stream->building = false;
    } else {
        free(group);
        egaf_export_index_free(&ix);
    }
    return am;
}

egaf_am_model *egaf_am_build(egaf_model *const *models, size_t nmodels, const egaf_refs *refs,
                             bool en)
{
    return build(models, nmodels, refs, en, false);
}

egaf_am_model *egaf_am_build_streamed(egaf_model *const *models, size_t nmodels,
                                      const egaf_refs *refs, bool en)
{
    return build(models, nmodels, refs, en, true);
}

bool egaf_am_each_rel(egaf_am_model *am, egaf_am_rel_fn fn, void *ctx)
{
    struct egaf_am_stream *st = am->stream;
    if (!st) {
        for (size_t i = 0; i < am->nrels; i++)
            if (!fn(ctx, am, &am->rels[i]))
                return false;
        return true;
    }
    st->fn = fn;
    st->ctx = ctx;
    st->stop = false;
    derive_rels(am, &st->ix, st->group);
    return !st->stop && !am->failed;
}

void egaf_am_free(egaf_am_model *am)
{
    if (!am)
        return;
    if (am->stream) {
        struct egaf_am_stream *st = am->stream;
        for (size_t i = 0; i < sizeof st->slots / sizeof st->slots[0]; i++)
            free(st->slots[i].props.items);
        egaf_arena_free(st->strings);
        egaf_arena_free(st->element_strings);
        free(st->element_props.items);
        egaf_export_index_free(&st->ix);
        free(st->group);
        free(st);
    }
    for (size_t i = 0; i < am->nelements; i++)
        free(am->elements[i].props.items);
    for (size_t i = 0; am->rels && i < am->nrels; i++)
        free(am->rels[i].props.items);
    free(am->elements);
    free(am->rels);
    free(am->props.items);
    egaf_strmap_free(&am->ids);
    egaf_strmap_free(&am->by_key);
    egaf_arena_free(am->arena);
    free(am);
}
