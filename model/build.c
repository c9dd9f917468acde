/* build.c - YAML trees of a model's files into an egaf_model, with the
 * checks of shape that need only the format table. */
#include "base/i18n.h"
#include "model/model.h"
#include "base/grow.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/suggest.h"
#include "base/utf8.h"

/* Text -> its one copy in the model, for the file being built: a national
 * model names the same few thousand ids, codes and references hundreds of
 * thousands of times (a third of the strings it copied). Open addressing in
 * the file's scratch arena, so a folder's loads reuse the same memory. */
typedef struct copy_slot {
    const char *copy; /* NULL: empty */
    uint32_t len;
    uint32_t hash;
} copy_slot;

typedef struct copy_table {
    egaf_arena *arena; /* NULL: no table (copies are not shared) */
    copy_slot *slots;
    size_t cap, count; /* cap a power of two */
} copy_table;

typedef struct builder {
    egaf_model *m;
    egaf_diags *diags;
    egaf_load_options opt;
    char *root_dir;       /* realpath of the top-level file's folder */
    char **stack;         /* realpaths of the files being included */
    size_t depth;
    egaf_strmap loaded;   /* realpath -> the file (keys in the arena) */
    size_t includes;
    /* Each file's YAML tree is built in a scratch arena and dropped once the
     * file's elements are built: the model keeps copies of the strings it
     * needs, not the tree. One arena per level of include nesting, reused. */
    egaf_load_scratch own_scratch;
    egaf_load_scratch *scratch; /* own_scratch or the caller's */
    size_t parsing;
    const egaf_ynode *last_node; /* the scalar copied last, and its copy */
    const char *last_copy;
    copy_table copies; /* the file being built's */
    const egaf_ynode *fixed_node; /* the last scalar whose look-alikes were fixed */
    const char *fixed_text;
    bool oom;
} builder;

/* ---- values ---- */

/* Scalars longer than this (descriptions, visions) are rarely written twice:
 * copied without looking for an earlier copy. */
enum { SHARED_COPY_MAX = 96 };

static void copies_init(copy_table *t, egaf_arena *arena, size_t text_len)
{
    size_t cap = 256;
    while (cap < text_len / 32 && cap < ((size_t)1 << 24))
        cap *= 2;
    t->slots = egaf_arena_alloc(arena, cap * sizeof(copy_slot));
    t->arena = t->slots ? arena : NULL;
    t->cap = t->slots ? cap : 0;
    t->count = 0;
}

/* The slot of text: its copy, or the empty slot for it; NULL after
 * COPY_PROBES slots (a file made to collide is copied, not searched). */
enum { COPY_PROBES = 32 };

static copy_slot *copies_find(const copy_table *t, const char *text, uint32_t len, uint32_t hash)
{
    size_t mask = t->cap - 1;
    size_t i = hash & mask;
    for (int probe = 0; probe < COPY_PROBES; probe++, i = (i + 1) & mask) {
        copy_slot *s = &t->slots[i];
        if (!s->copy || (s->hash == hash && s->len == len && memcmp(s->copy, text, len) == 0))
            return s;
    }
    return NULL;
}

/* Eight bytes at a time: the texts shared are short ids and references. */
static uint32_t text_hash(const char *s, size_t n)
{
    uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ull;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 29;
    return (uint32_t)h;
}

/* Records copy in the empty slot found for it; the table doubles at half
 * full (when that fails, later copies are simply not shared). */
static void copies_add(copy_table *t, copy_slot *slot, const char *copy, uint32_t len,
                       uint32_t hash)
{
    slot->copy = copy;
    slot->len = len;
    slot->hash = hash;
    if (++t->count * 2 <= t->cap)
        return;
    copy_slot *bigger = egaf_arena_alloc(t->arena, 2 * t->cap * sizeof(copy_slot));
    if (!bigger) {
        t->arena = NULL;
        return;
    }
    copy_table grown = {t->arena, bigger, 2 * t->cap, t->count};
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].copy) {
            copy_slot *to = copies_find(&grown, t->slots[i].copy, t->slots[i].len,
                                        t->slots[i].hash);
            if (to) /* else that text is copied again when met */
                *to = t->slots[i];
        }
    *t = grown; /* the old slots stay in the scratch arena until the file is done */
}

/* The scalar's text copied into the model's arena (the tree is dropped
 * after its file is built), or the copy already made of the same text.
 * False when out of memory. */
static bool str_of(builder *b, const egaf_ynode *n, egaf_str *out)
{
    out->mark = n->mark;
    if (n == b->last_node) {
        out->s = b->last_copy;
        return true;
    }
    const char *text = n->u.scalar.text;
    size_t len = n->u.scalar.len;
    copy_slot *slot = NULL;
    uint32_t hash = 0;
    if (b->copies.arena && len <= SHARED_COPY_MAX) {
        hash = text_hash(text, len);
        slot = copies_find(&b->copies, text, (uint32_t)len, hash);
    }
    const char *copy = slot ? slot->copy : NULL;
    if (!copy) {
        copy = egaf_arena_strndup(b->m->arena, text, len);
        if (!copy) {
            b->oom = true;
            return false;
        }
        if (slot)
            copies_add(&b->copies, slot, copy, (uint32_t)len, hash);
    }
    out->s = copy;
    b->last_node = n;
    b->last_copy = copy;
    return true;
}

/* "ARCH:ID", or "ARCH:noun N" for an element without an id (N counts from 1
 * among the elements of its kind). Built by hand: every element has one. */
static const char *display_of(builder *b, const egaf_kind_spec *spec, const char *id)
{
    const char *arch = b->m->id ? b->m->id : "?";
    char number[48];
    const char *tail = id;
    if (!id) {
        snprintf(number, sizeof number, "%s %zu", spec->noun, b->m->counts[spec->kind] + 1);
        tail = number;
    }
    const char *d = egaf_arena_join(b->m->arena, arch, ':', tail);
    if (!d)
        b->oom = true;
    return d;
}

/* Text pasted from a spreadsheet or a web page carries characters that look
 * like a space or a hyphen, or like nothing at all ("httt-tthc" + U+00A0).
 * In an id or a reference: a finding at the character that names it, and
 * the value taken as the writer meant it, so no second finding follows from
 * the same mistake. rule is schema.id-syntax for an id, ref.unresolved for
 * a reference. */
static void check_lookalikes(builder *b, const egaf_ynode *n, egaf_str *io, const char *key,
                             const char *element, const char *rule)
{
    if (n == b->fixed_node) { /* reported once; the same fix again */
        io->s = b->fixed_text;
        return;
    }
    const egaf_utf8_lookalike *l;
    size_t len = strlen(io->s);
    size_t at = egaf_utf8_find_lookalike(io->s, len, &l);
    if (!l)
        return;
    char *fixed = egaf_utf8_replace_lookalikes(b->m->arena, io->s, len);
    if (!fixed) {
        b->oom = true;
        return;
    }
    egaf_mark m = n->mark;
    bool at_character = false;
    if (n->style != EGAF_Y_BLOCK && (m.end_col || n->style == EGAF_Y_PLAIN)) {
        /* on one line: the character's own column */
        m.col += (n->style == EGAF_Y_QUOTED ? 1 : 0) + egaf_utf8_count(io->s, at);
        m.end_col = m.col + 1;
        at_character = true;
    }
    const char *field = element ? egaf_arena_printf(b->m->arena, _("'%s' of %s"), key, element)
                                : egaf_arena_printf(b->m->arena, "'%s'", key);
    if (!field) {
        b->oom = true;
        return;
    }
    const char *fmt = strcmp(l->replacement, " ") == 0
                          ? _("%s holds U+%04X %s, which looks like a space but is not one")
                      : strcmp(l->replacement, "-") == 0
                          ? _("%s holds U+%04X %s, which looks like a hyphen but is not one")
                          : _("%s holds U+%04X %s, a character that cannot be seen");
    egaf_finding *f = egaf_diag(b->diags, rule, &m, element, fmt, field, (unsigned)l->cp, l->name);
    egaf_diag_hint(b->diags, f, _("write '%s'"), fixed);
    /* the editor's quick fix: the character replaced by what was meant (a
     * space at the end of a plain value is no part of it) */
    if (at_character)
        egaf_diag_fix(b->diags, f, "%s", l->replacement);
    io->s = fixed;
    b->fixed_node = n;
    b->fixed_text = fixed;
    if (b->last_node == n)
        b->last_copy = fixed;
}

static void type_error(builder *b, const egaf_ynode *value, const char *key, const char *want,
                       const char *element)
{
    egaf_diag(b->diags, "schema.type", &value->mark, element, _("'%s' must be %s; found %s"), key,
              want, egaf_ynode_describe(value));
}

static bool scalar_text(builder *b, const egaf_ynode *v, const char *key, const char *element,
                        egaf_str *out)
{
    if (v->kind != EGAF_Y_SCALAR || egaf_ynode_is_null(v)) {
        type_error(b, v, key, _("text"), element);
        return false;
    }
    return str_of(b, v, out);
}

/* check_rule: a rule for look-alike characters in the items (references,
 * ids), or NULL for free text. */
static bool list_of_scalars(builder *b, const egaf_ynode *v, const char *key, const char *element,
                            const char *check_rule, egaf_value *out)
{
    if (v->kind == EGAF_Y_SCALAR && !egaf_ynode_is_null(v)) {
        out->u.list.items = egaf_arena_alloc(b->m->arena, sizeof(egaf_str));
        if (!out->u.list.items)
            return false;
        if (!str_of(b, v, &out->u.list.items[0]))
            return false;
        if (check_rule)
            check_lookalikes(b, v, &out->u.list.items[0], key, element, check_rule);
        out->u.list.count = 1;
        return true;
    }
    if (v->kind != EGAF_Y_SEQ) {
        type_error(b, v, key, _("a list"), element);
        return false;
    }
    out->u.list.items = egaf_arena_alloc(b->m->arena, sizeof(egaf_str) * (v->u.seq.count + 1));
    if (!out->u.list.items)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < v->u.seq.count; i++) {
        const egaf_ynode *item = v->u.seq.items[i];
        if (item->kind != EGAF_Y_SCALAR || egaf_ynode_is_null(item)) {
            egaf_diag(b->diags, "schema.type", &item->mark, element,
                      _("items of '%s' must be text; found %s"), key, egaf_ynode_describe(item));
            continue;
        }
        if (!str_of(b, item, &out->u.list.items[n]))
            return false;
        if (check_rule)
            check_lookalikes(b, item, &out->u.list.items[n], key, element, check_rule);
        n++;
    }
    out->u.list.count = n;
    return true;
}

static bool whole_number(builder *b, const egaf_ynode *v, const egaf_field_spec *fs, int min,
                         int max, const char *element, long long *out)
{
    if (!egaf_ynode_int(v, out)) {
        type_error(b, v, fs->key, _("a whole number"), element);
        return false;
    }
    if (*out < min || *out > max) {
        egaf_diag(b->diags, "schema.range", &v->mark, element,
                  _("'%s' must be between %d and %d; found %lld"), fs->key, min, max, *out);
        return false;
    }
    return true;
}

/* The candidate closest to word as the finding's hint and fix; false when
 * none is close. */
static bool hint_closest(builder *b, egaf_finding *f, const char *word,
                         const char *const *candidates)
{
    const char *s = egaf_suggest(word, candidates, egaf_list_count(candidates));
    if (!s)
        return false;
    egaf_diag_hint(b->diags, f, _("did you mean '%s'?"), s);
    egaf_diag_fix(b->diags, f, "%s", s);
    return true;
}

static bool convert_waivers(builder *b, const egaf_ynode *v, const char *element, egaf_value *out)
{
    if (v->kind != EGAF_Y_SEQ) {
        type_error(b, v, "waivers", _("a list of {rule, reason}"), element);
        return false;
    }
    out->u.waivers.items =
        egaf_arena_alloc(b->m->arena, sizeof(egaf_waiver) * (v->u.seq.count + 1));
    if (!out->u.waivers.items)
        return false;
    size_t n = 0;
    static const char *const keys[] = {"rule", "reason", NULL};
    for (size_t i = 0; i < v->u.seq.count; i++) {
        const egaf_ynode *item = v->u.seq.items[i];
        if (item->kind != EGAF_Y_MAP) {
            type_error(b, item, "waivers", _("a map {rule, reason}"), element);
            continue;
        }
        egaf_waiver w;
        memset(&w, 0, sizeof(w));
        w.mark = item->mark;
        bool ok = true;
        for (size_t j = 0; j < item->u.map.count; j++) {
            const egaf_ynode *k = item->u.map.pairs[j].key;
            const egaf_ynode *val = item->u.map.pairs[j].value;
            const char *name = k->kind == EGAF_Y_SCALAR ? k->u.scalar.text : "";
            if (strcmp(name, "rule") == 0)
                ok = scalar_text(b, val, "rule", element, &w.rule) && ok;
            else if (strcmp(name, "reason") == 0)
                ok = scalar_text(b, val, "reason", element, &w.reason) && ok;
            else {
                egaf_finding *f = egaf_diag(b->diags, "schema.unknown-key", &k->mark, element,
                                            _("unknown key '%s' in a waiver"), name);
                hint_closest(b, f, name, keys);
            }
        }
        if (!w.rule.s && ok) {
            egaf_diag(b->diags, "schema.missing-key", &item->mark, element,
                      _("a waiver has no 'rule'"));
            ok = false;
        }
        if (!w.reason.s && ok) {
            egaf_finding *f = egaf_diag(b->diags, "schema.missing-key", &item->mark, element,
                                        _("the waiver of '%s' has no 'reason'"), w.rule.s);
            egaf_diag_hint(b->diags, f,
                           _("every waiver says why, e.g. reason: \"Hồ sơ cấp độ đang "
                             "trình thẩm định\""));
            ok = false;
        }
        if (ok)
            out->u.waivers.items[n++] = w;
    }
    out->u.waivers.count = n;
    return true;
}

static bool convert_properties(builder *b, const egaf_ynode *v, const char *element,
                               egaf_value *out)
{
    if (v->kind != EGAF_Y_MAP) {
        type_error(b, v, "properties", _("a map"), element);
        return false;
    }
    out->u.props.items = egaf_arena_alloc(b->m->arena, sizeof(egaf_prop) * (v->u.map.count + 1));
    if (!out->u.props.items)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < v->u.map.count; i++) {
        const egaf_ynode *k = v->u.map.pairs[i].key;
        const egaf_ynode *val = v->u.map.pairs[i].value;
        if (k->kind != EGAF_Y_SCALAR) {
            type_error(b, k, "properties", _("a map with text keys"), element);
            continue;
        }
        if (val->kind != EGAF_Y_SCALAR) {
            egaf_diag(b->diags, "schema.type", &val->mark, element,
                      _("property '%s' must be text or a number; found %s"), k->u.scalar.text,
                      egaf_ynode_describe(val));
            continue;
        }
        if (!str_of(b, k, &out->u.props.items[n].key) ||
            !str_of(b, val, &out->u.props.items[n].value))
            return false;
        n++;
    }
    out->u.props.count = n;
    return true;
}

static bool convert_period(builder *b, const egaf_ynode *v, const egaf_field_spec *fs,
                           const char *element, egaf_value *out)
{
    if (v->kind != EGAF_Y_MAP) {
        type_error(b, v, fs->key, _("a map {from, to}"), element);
        return false;
    }
    static const char *const keys[] = {"from", "to", NULL};
    bool have_from = false, have_to = false, ok = true;
    for (size_t i = 0; i < v->u.map.count; i++) {
        const egaf_ynode *k = v->u.map.pairs[i].key;
        const egaf_ynode *val = v->u.map.pairs[i].value;
        const char *name = k->kind == EGAF_Y_SCALAR ? k->u.scalar.text : "";
        if (strcmp(name, "from") == 0)
            have_from = ok = whole_number(b, val, fs, fs->min, fs->max, element,
                                          &out->u.period.from) && ok;
        else if (strcmp(name, "to") == 0)
            have_to = ok = whole_number(b, val, fs, fs->min, fs->max, element,
                                        &out->u.period.to) && ok;
        else {
            egaf_finding *f = egaf_diag(b->diags, "schema.unknown-key", &k->mark, element,
                                        _("unknown key '%s' in 'period'"), name);
            hint_closest(b, f, name, keys);
        }
    }
    if (ok && (!have_from || !have_to)) {
        egaf_diag(b->diags, "schema.missing-key", &v->mark, element, _("'period' needs '%s'"),
                  have_from ? "to" : "from");
        return false;
    }
    return ok;
}

static bool convert(builder *b, const egaf_field_spec *fs, const egaf_ynode *v,
                    const char *element, egaf_value *out)
{
    out->field = fs->field;
    out->type = fs->type;
    out->line = v->mark.line;
    out->col = v->mark.col;
    out->end_col = v->mark.end_col;
    egaf_str text;
    switch (fs->type) {
    case EGAF_FT_TEXT:
    case EGAF_FT_ID:
    case EGAF_FT_CODE:
    case EGAF_FT_REF:
        if (!scalar_text(b, v, fs->key, element, &text))
            return false;
        if (fs->type == EGAF_FT_ID || fs->type == EGAF_FT_REF)
            check_lookalikes(b, v, &text, fs->key, element,
                             fs->type == EGAF_FT_ID ? "schema.id-syntax" : "ref.unresolved");
        out->u.str.s = text.s;
        return true;
    case EGAF_FT_ENUM: {
        if (v->kind == EGAF_Y_SCALAR && !egaf_ynode_is_null(v))
            for (size_t i = 0; fs->values[i]; i++)
                if (strcmp(fs->values[i], v->u.scalar.text) == 0) {
                    out->u.str.s = fs->values[i]; /* the table's copy: one per value */
                    return true;
                }
        if (!scalar_text(b, v, fs->key, element, &text))
            return false;
        out->u.str.s = text.s;
        char allowed[256];
        egaf_values_text(fs->values, allowed, sizeof allowed);
        egaf_finding *f =
            egaf_diag(b->diags, "schema.enum", &v->mark, element,
                      _("'%s' must be one of %s; found '%s'"), fs->key, allowed, out->u.str.s);
        hint_closest(b, f, out->u.str.s, fs->values);
        return false;
    }
    case EGAF_FT_INT:
        return whole_number(b, v, fs, fs->min, fs->max, element, &out->u.num);
    case EGAF_FT_REFS:
    case EGAF_FT_TEXTS:
    case EGAF_FT_IDS:
        return list_of_scalars(b, v, fs->key, element,
                               fs->type == EGAF_FT_REFS  ? "ref.unresolved"
                               : fs->type == EGAF_FT_IDS ? "schema.id-syntax"
                                                         : NULL,
                               out);
    case EGAF_FT_WAIVERS:
        return convert_waivers(b, v, element, out);
    case EGAF_FT_PROPERTIES:
        return convert_properties(b, v, element, out);
    case EGAF_FT_PERIOD:
        return convert_period(b, v, fs, element, out);
    }
    return false;
}

/* ---- elements ---- */

static void field_keys(const egaf_kind_spec *spec, const char **keys, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < spec->nfields && n + 1 < cap; i++)
        keys[n++] = spec->fields[i].key;
    keys[n] = NULL;
}

static void unknown_key(builder *b, const egaf_ynode *k, const char *where,
                        const char *const *candidates, const char *element)
{
    const char *name = k->kind == EGAF_Y_SCALAR ? k->u.scalar.text : "?";
    egaf_finding *f = egaf_diag(b->diags, "schema.unknown-key", &k->mark, element,
                                _("unknown key '%s' in %s"), name, where);
    if (!hint_closest(b, f, name, candidates) && strchr(name, ' '))
        /* `{name: Doanh nghiệp, cơ sở kinh doanh}` splits the name at the comma */
        egaf_diag_hint(b->diags, f, _("a value that contains a comma inside { } must be quoted"));
}

static bool add_element(builder *b, egaf_element *el)
{
    egaf_model *m = b->m;
    egaf_kind k = el->kind;
    m->elements[k] =
        egaf_grow(m->elements[k], &m->caps[k], m->counts[k], sizeof(*m->elements[k]), 16);
    if (m->counts[k] == m->caps[k])
        return false;
    el->index = m->counts[k];
    m->elements[k][m->counts[k]++] = el;
    return true;
}

/* Builds one element from a map node. Returns NULL when out of memory or the
 * node is not a map (reported). */
static egaf_element *build_element(builder *b, const egaf_kind_spec *spec, const egaf_ynode *node)
{
    if (node->kind != EGAF_Y_MAP) {
        type_error(b, node, spec->list, _("a list of maps"), display_of(b, spec, NULL));
        return NULL;
    }
    egaf_element *el = egaf_arena_alloc(b->m->arena, sizeof(*el));
    egaf_value *values = egaf_arena_alloc(b->m->arena, sizeof(egaf_value) * node->u.map.count);
    if (!el || !values)
        return NULL;
    el->kind = spec->kind;
    el->mark = node->mark;
    el->values = values;
    /* the id first, so every other finding names the element */
    const egaf_ynode *idnode = egaf_ynode_get(node, "id");
    if (idnode && idnode->kind == EGAF_Y_SCALAR && !egaf_ynode_is_null(idnode)) {
        egaf_str id;
        if (!str_of(b, idnode, &id))
            return NULL;
        check_lookalikes(b, idnode, &id, "id", NULL, "schema.id-syntax");
        el->id = id.s;
    }
    if (spec->kind == EGAF_K_ARCHITECTURE && el->id)
        b->m->id = el->id;
    el->display = spec->kind == EGAF_K_ARCHITECTURE ? (el->id ? el->id : b->m->id)
                                                    : display_of(b, spec, el->id);
    uint64_t written[(EGAF_F__COUNT + 63) / 64] = {0}; /* a bit per field whose key is in the map */
    for (size_t i = 0; i < node->u.map.count; i++) {
        const egaf_ynode *k = node->u.map.pairs[i].key;
        const egaf_ynode *v = node->u.map.pairs[i].value;
        const egaf_field_spec *fs =
            k->kind == EGAF_Y_SCALAR ? egaf_field_spec_find(spec, k->u.scalar.text) : NULL;
        if (!fs) {
            const char *keys[40];
            field_keys(spec, keys, 40);
            unknown_key(b, k, spec->noun, keys, el->display);
            continue;
        }
        written[fs->field / 64] |= (uint64_t)1 << (fs->field % 64);
        if (convert(b, fs, v, el->display, &values[el->nvalues]))
            el->nvalues++;
        else {
            el->invalid[fs->field / 64] |= (uint64_t)1 << (fs->field % 64);
            if (fs->field == EGAF_F_ID)
                el->id = NULL;
        }
    }
    for (size_t i = 0; i < spec->nfields; i++) {
        const egaf_field_spec *fs = &spec->fields[i];
        if (!fs->required || ((written[fs->field / 64] >> (fs->field % 64)) & 1u))
            continue;
        egaf_finding *f;
        if (el->id)
            f = egaf_diag(b->diags, "schema.missing-key", &node->mark, el->display,
                          _("%s '%s' has no '%s'"), _(spec->noun), el->id, fs->key);
        else
            f = egaf_diag(b->diags, "schema.missing-key", &node->mark, el->display,
                          _("%s has no '%s'"), _(spec->noun), fs->key);
        egaf_diag_hint(b->diags, f, _("add '%s:' (%s)"), fs->key, _(fs->doc));
    }
    el->name = egaf_element_text(el, EGAF_F_NAME);
    return el;
}

static void build_list(builder *b, const egaf_kind_spec *spec, const egaf_ynode *v)
{
    if (egaf_ynode_is_null(v))
        return;
    if (v->kind != EGAF_Y_SEQ) {
        type_error(b, v, spec->list, _("a list"), NULL);
        return;
    }
    for (size_t i = 0; i < v->u.seq.count; i++) {
        egaf_element *el = build_element(b, spec, v->u.seq.items[i]);
        if (el && !add_element(b, el)) {
            b->oom = true; /* reported: the list is not complete */
            return;
        }
    }
}

static void build_section(builder *b, egaf_section sec, const egaf_ynode *key,
                          const egaf_ynode *v)
{
    egaf_model *m = b->m;
    if (!m->section_present[sec]) {
        m->section_present[sec] = true;
        m->section_marks[sec] = key->mark;
    }
    if (egaf_ynode_is_null(v))
        return;
    if (v->kind != EGAF_Y_MAP) {
        type_error(b, v, egaf_section_name(sec), _("a map"), NULL);
        return;
    }
    char where[64];
    snprintf(where, sizeof where, "section '%s'", egaf_section_name(sec));
    for (size_t i = 0; i < v->u.map.count; i++) {
        const egaf_ynode *k = v->u.map.pairs[i].key;
        const egaf_ynode *val = v->u.map.pairs[i].value;
        const char *name = k->kind == EGAF_Y_SCALAR ? k->u.scalar.text : "";
        if (sec == EGAF_S_IMPLEMENTATION && strcmp(name, "organisation") == 0) {
            scalar_text(b, val, "organisation", NULL, &m->organisation);
            continue;
        }
        const egaf_kind_spec *spec = egaf_kind_spec_find(sec, name);
        if (!spec) {
            unknown_key(b, k, where, egaf_section_keys(sec), NULL);
            continue;
        }
        build_list(b, spec, val);
    }
}

/* ---- files and includes ---- */

static bool add_file(builder *b, const egaf_source *src)
{
    egaf_model *m = b->m;
    m->files = egaf_grow(m->files, &m->files_cap, m->nfiles, sizeof(*m->files), 8);
    if (m->nfiles == m->files_cap)
        return false;
    m->files[m->nfiles++] = src;
    return true;
}

static void build_file(builder *b, const egaf_ynode *root, const egaf_source *src, bool top);

/* The scratch arena for the file about to be parsed, empty; NULL when out of
 * memory. Released with release_scratch() once the file is built. */
static egaf_arena *take_scratch(builder *b)
{
    egaf_load_scratch *s = b->scratch;
    if (b->parsing == s->count) {
        egaf_arena **n = realloc(s->arenas, (s->count + 1) * sizeof(*n));
        if (!n)
            return NULL;
        s->arenas = n;
        s->arenas[s->count] = egaf_arena_create();
        if (!s->arenas[s->count])
            return NULL;
        s->count++;
    }
    return s->arenas[b->parsing++];
}

static void release_scratch(builder *b)
{
    egaf_arena_reset(b->scratch->arenas[--b->parsing]);
    /* its tree is gone; the addresses may come back in the next file's */
    b->last_node = NULL;
    b->fixed_node = NULL;
}

/* Parses src (its text in scratch when the load releases texts) in scratch
 * and builds its elements; then drops the tree, and the text if asked. */
static void parse_and_build(builder *b, egaf_arena *scratch, egaf_source *src, bool top)
{
    egaf_ynode *root = egaf_yaml_parse(scratch, src, &b->opt.limits, b->diags);
    if (root) {
        if (top)
            b->m->readable = true;
        copy_table outer = b->copies; /* an include's file has its own */
        copies_init(&b->copies, scratch, src->len);
        build_file(b, root, src, top);
        b->copies = outer;
    }
    if (b->opt.release_text)
        egaf_source_release_text(src);
    release_scratch(b);
}

/* Reads a file of the model: its text in the scratch arena when the load
 * releases texts, else in the model's. */
static egaf_read_status read_file(builder *b, egaf_arena *scratch, const char *path,
                                  egaf_source **src)
{
    return egaf_source_read_split(b->m->arena, b->opt.release_text ? scratch : b->m->arena, path,
                                  b->opt.max_file_size, src);
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

static bool has_dotdot(const char *p)
{
    const char *s = p;
    while (*s) {
        const char *e = strchr(s, '/');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (len == 2 && s[0] == '.' && s[1] == '.')
            return true;
        if (!e)
            break;
        s = e + 1;
    }
    return false;
}

/* True when the include of rel at inc, resolved to the path real, must not
 * be read (reported): it leads outside the model's folder, back to a file
 * being included, or to a file read already. */
static bool include_refused(builder *b, const egaf_str *inc, const char *rel, const char *real)
{
    egaf_diags *d = b->diags;
    size_t rootlen = strlen(b->root_dir);
    bool inside = strncmp(real, b->root_dir, rootlen) == 0 &&
                  (real[rootlen] == '/' || (rootlen == 1 && b->root_dir[0] == '/'));
    bool being_included = false;
    for (size_t i = 0; i < b->depth; i++)
        being_included = being_included || strcmp(b->stack[i], real) == 0;
    egaf_finding *f;
    if (!inside) {
        f = egaf_diag(d, "include.escape", &inc->mark, NULL,
                      _("include '%s' resolves outside the model's folder (through a symbolic "
                        "link)"),
                      rel);
        egaf_diag_hint(d, f, _("copy the file into the model's folder instead of linking it"));
    } else if (being_included) {
        f = egaf_diag(d, "include.cycle", &inc->mark, NULL,
                      _("include '%s' leads back to a file already being included"), rel);
        egaf_diag_hint(d, f, _("remove this include; each file is read once"));
    } else if (egaf_strmap_get(&b->loaded, real, strlen(real))) {
        f = egaf_diag(d, "include.cycle", &inc->mark, NULL, _("'%s' is included a second time"),
                      rel);
        egaf_diag_hint(d, f, _("include each file once; its elements are read only once"));
    } else {
        return false;
    }
    return true;
}

static void include_one(builder *b, const egaf_str *inc, const egaf_source *from)
{
    egaf_diags *d = b->diags;
    const char *rel = inc->s;
    if (rel[0] == '/') {
        egaf_finding *f = egaf_diag(d, "include.escape", &inc->mark, NULL,
                                    _("include '%s' is an absolute path"), rel);
        egaf_diag_hint(d, f,
                       _("include files by a path relative to this file, inside the "
                         "model's folder"));
        return;
    }
    if (has_dotdot(rel)) {
        egaf_finding *f = egaf_diag(d, "include.escape", &inc->mark, NULL,
                                    _("include '%s' climbs out of the folder with '..'"), rel);
        egaf_diag_hint(d, f, _("included files must be inside the folder of the top-level model"));
        return;
    }
    if (b->includes >= b->opt.max_includes) {
        egaf_diag(d, "yaml.limit", &inc->mark, NULL, _("more than %zu included files"),
                  b->opt.max_includes);
        return;
    }
    char *base = dir_of(from->path);
    if (!base)
        return;
    size_t need = strlen(base) + strlen(rel) + 2;
    char *joined = malloc(need);
    if (!joined) {
        free(base);
        return;
    }
    snprintf(joined, need, "%s/%s", base, rel);
    free(base);
    char *real = realpath(joined, NULL);
    if (!real) {
        int err = errno;
        egaf_finding *f =
            egaf_diag(d, "include.missing", &inc->mark, NULL, _("cannot include '%s': %s"), rel,
                      err == ENOENT || err == ENOTDIR ? _("no such file")
                      : err == EACCES                 ? _("permission denied")
                                                      : strerror(err));
        egaf_diag_hint(d, f, _("paths are relative to the including file"));
        free(joined);
        return;
    }
    if (include_refused(b, inc, rel, real)) {
        free(joined);
        free(real);
        return;
    }
    egaf_arena *scratch = take_scratch(b);
    if (!scratch) {
        b->oom = true;
        free(joined);
        free(real);
        return;
    }
    egaf_source *src = NULL;
    egaf_read_status st = read_file(b, scratch, joined, &src);
    if (st != EGAF_READ_OK) {
        release_scratch(b);
        const char *rule = st == EGAF_READ_DIRECTORY || st == EGAF_READ_SPECIAL
                               ? "include.not-file"
                           : st == EGAF_READ_TOO_LARGE ? "yaml.limit"
                                                       : "include.missing";
        egaf_diag(d, rule, &inc->mark, NULL, _("cannot include '%s': %s"), rel,
                  egaf_read_status_text(st));
        free(joined);
        free(real);
        return;
    }
    free(joined);
    b->includes++;
    char *key = egaf_arena_strdup(b->m->arena, real);
    bool oom = false;
    if (key)
        egaf_strmap_put(&b->loaded, key, strlen(key), (void *)src, &oom);
    add_file(b, src);
    char **n = realloc(b->stack, (b->depth + 1) * sizeof(*n));
    if (n) {
        b->stack = n;
        b->stack[b->depth++] = real;
        real = NULL;
        parse_and_build(b, scratch, src, false);
        free(b->stack[--b->depth]);
    } else
        release_scratch(b);
    free(real);
}

static void build_includes(builder *b, const egaf_ynode *v, const egaf_source *src)
{
    egaf_value list;
    memset(&list, 0, sizeof(list));
    if (!list_of_scalars(b, v, "include", NULL, NULL, &list))
        return;
    if (b->root_dir == NULL) {
        for (size_t i = 0; i < list.u.list.count; i++)
            egaf_diag(b->diags, "include.missing", &list.u.list.items[i].mark, NULL,
                      _("cannot include '%s': this model was not read from a folder"),
                      list.u.list.items[i].s);
        return;
    }
    for (size_t i = 0; i < list.u.list.count; i++)
        include_one(b, &list.u.list.items[i], src);
}

static void build_file(builder *b, const egaf_ynode *root, const egaf_source *src, bool top)
{
    egaf_model *m = b->m;
    if (root->kind != EGAF_Y_MAP) {
        egaf_finding *f =
            egaf_diag(b->diags, "schema.type", &root->mark, NULL,
                      _("a model file must be a map; found %s"), egaf_ynode_describe(root));
        egaf_diag_hint(b->diags, f,
                       top ? _("start with 'framework:' and 'architecture:'")
                           : _("an included file holds sections such as "
                               "'application:'"));
        return;
    }
    const char *const *keys = egaf_top_keys();
    if (top) {
        const egaf_ynode *arch = egaf_ynode_get(root, "architecture");
        if (arch) {
            const egaf_kind_spec *spec = egaf_kind_info(EGAF_K_ARCHITECTURE);
            m->header = build_element(b, spec, arch);
        } else {
            egaf_finding *f = egaf_diag(b->diags, "schema.missing-key", &root->mark, NULL,
                                        _("the model has no 'architecture' header"));
            egaf_diag_hint(b->diags, f,
                           _("add 'architecture:' with id, agency, level, name and "
                             "year"));
        }
        const egaf_ynode *fw = egaf_ynode_get(root, "framework");
        if (fw)
            scalar_text(b, fw, "framework", NULL, &m->framework);
        else {
            egaf_finding *f = egaf_diag(b->diags, "schema.missing-key", &root->mark, NULL,
                                        _("the model has no 'framework'"));
            egaf_diag_hint(b->diags, f, _("add 'framework: \"2.0\"' (the edition it conforms to)"));
        }
    }
    for (size_t i = 0; i < root->u.map.count; i++) {
        const egaf_ynode *k = root->u.map.pairs[i].key;
        const egaf_ynode *v = root->u.map.pairs[i].value;
        const char *name = k->kind == EGAF_Y_SCALAR ? k->u.scalar.text : "";
        int sec = egaf_section_find(name);
        if (sec >= 0) {
            build_section(b, (egaf_section)sec, k, v);
        } else if (strcmp(name, "include") == 0) {
            build_includes(b, v, src);
        } else if (strcmp(name, "framework") == 0 || strcmp(name, "architecture") == 0) {
            if (!top) {
                egaf_finding *f = egaf_diag(b->diags, "schema.unknown-key", &k->mark, NULL,
                                            _("'%s' belongs in the top-level model file, not in "
                                              "an included file"),
                                            name);
                egaf_diag_hint(b->diags, f, _("move it to the file that includes this one"));
            }
        } else {
            unknown_key(b, k, top ? _("the model") : _("an included file"), keys, NULL);
        }
    }
}

void egaf_load_scratch_free(egaf_load_scratch *scratch)
{
    for (size_t i = 0; i < scratch->count; i++)
        egaf_arena_free(scratch->arenas[i]);
    free(scratch->arenas);
    scratch->arenas = NULL;
    scratch->count = 0;
    egaf_arena_free(scratch->model_memory);
    scratch->model_memory = NULL;
}

static egaf_model *new_model(const char *path, const egaf_load_options *options)
{
    egaf_arena *arena;
    egaf_model *m = egaf_calloc_with_arena(sizeof(*m), &arena);
    if (!m)
        return NULL;
    m->arena = arena;
    egaf_load_scratch *scratch = options ? options->scratch : NULL;
    if (scratch && scratch->model_memory)
        egaf_arena_give(m->arena, scratch->model_memory);
    m->path = egaf_arena_strdup(m->arena, path);
    /* until the header names it, an architecture is called after its file */
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    m->id = egaf_arena_strndup(m->arena, base, dot ? (size_t)(dot - base) : strlen(base));
    return m;
}

static void init_builder(builder *b, egaf_model *m, egaf_diags *diags,
                         const egaf_load_options *options)
{
    memset(b, 0, sizeof(*b));
    b->m = m;
    b->diags = diags;
    if (options)
        b->opt = *options;
    if (!b->opt.max_file_size)
        b->opt.max_file_size = EGAF_MAX_FILE_SIZE;
    if (!b->opt.max_includes)
        b->opt.max_includes = 256;
    if (!b->opt.limits.max_depth)
        b->opt.limits.max_depth = EGAF_YAML_DEFAULT_DEPTH;
    if (!b->opt.limits.alias_budget)
        b->opt.limits.alias_budget = EGAF_YAML_DEFAULT_ALIAS_BUDGET;
    egaf_strmap_init(&b->loaded);
    b->scratch = b->opt.scratch ? b->opt.scratch : &b->own_scratch;
}

static void finish_builder(builder *b)
{
    if (b->oom)
        egaf_diag_at(b->diags, "yaml.limit", b->m->path, 0, 0, NULL, _("out of memory"));
    for (size_t i = 0; i < b->depth; i++)
        free(b->stack[i]);
    free(b->stack);
    free(b->root_dir);
    egaf_load_scratch_free(&b->own_scratch);
    egaf_strmap_free(&b->loaded);
}

/* Includes of the top-level file at path are read from its folder and must
 * stay inside it; the file itself counts as being included (cycles). */
static void confine_includes_to(builder *b, const char *path, egaf_source *src)
{
    char *dir = dir_of(path);
    b->root_dir = dir ? realpath(dir, NULL) : NULL;
    free(dir);
    char *real = realpath(path, NULL);
    if (!real)
        return;
    char *key = egaf_arena_strdup(b->m->arena, real);
    bool oom = false;
    if (key)
        egaf_strmap_put(&b->loaded, key, strlen(key), src, &oom);
    b->stack = malloc(sizeof(char *));
    if (b->stack)
        b->stack[b->depth++] = real;
    else
        free(real);
}

static void build_from_source(builder *b, egaf_arena *scratch, egaf_source *src)
{
    b->m->source = src;
    add_file(b, src);
    parse_and_build(b, scratch, src, true);
}

egaf_model *egaf_model_load(const char *path, const egaf_load_options *options,
                            egaf_diags *diags, egaf_read_status *status)
{
    *status = EGAF_READ_OK;
    egaf_model *m = new_model(path, options);
    if (!m) {
        *status = EGAF_READ_NO_MEMORY;
        return NULL;
    }
    builder b;
    init_builder(&b, m, diags, options);
    egaf_arena *scratch = take_scratch(&b);
    egaf_source *src = NULL;
    egaf_read_status st = scratch ? read_file(&b, scratch, path, &src) : EGAF_READ_NO_MEMORY;
    if (st != EGAF_READ_OK && scratch)
        release_scratch(&b);
    if (st == EGAF_READ_TOO_LARGE) {
        /* a finding, not a failure: the file is there, it is too big */
        src = egaf_source_from_memory(m->arena, path, "", 0);
        egaf_mark at = {src, 1, 1, 0};
        egaf_finding *f = egaf_diag(diags, "yaml.limit", &at, NULL,
                                    _("the file is larger than %zu bytes"), b.opt.max_file_size);
        egaf_diag_hint(diags, f, _("split the model into included files"));
        m->source = src;
        add_file(&b, src);
        finish_builder(&b);
        return m;
    }
    if (st != EGAF_READ_OK) {
        *status = st;
        finish_builder(&b);
        egaf_model_free(m);
        return NULL;
    }
    confine_includes_to(&b, path, src);
    build_from_source(&b, scratch, src);
    finish_builder(&b);
    return m;
}

egaf_model *egaf_model_load_memory(const char *path, const char *data, size_t len,
                                   const egaf_load_options *options, egaf_diags *diags)
{
    egaf_model *m = new_model(path, options);
    if (!m)
        return NULL;
    builder b;
    init_builder(&b, m, diags, options);
    egaf_source *src = egaf_source_from_memory(m->arena, path, data, len);
    egaf_arena *scratch = src ? take_scratch(&b) : NULL;
    if (scratch && b.opt.includes_beside_path)
        confine_includes_to(&b, path, src);
    if (scratch)
        build_from_source(&b, scratch, src);
    else
        b.oom = true;
    finish_builder(&b);
    return m;
}

void egaf_model_free(egaf_model *m)
{
    if (!m)
        return;
    for (int k = 0; k < EGAF_K__COUNT; k++)
        free(m->elements[k]);
    free(m->files);
    egaf_arena_free(m->arena);
    free(m);
}

void egaf_model_free_into(egaf_model *m, egaf_load_scratch *scratch)
{
    if (m && !scratch->model_memory)
        scratch->model_memory = egaf_arena_create();
    if (m && scratch->model_memory)
        egaf_arena_give(scratch->model_memory, m->arena);
    egaf_model_free(m);
}

const egaf_value *egaf_element_get(const egaf_element *el, egaf_field field)
{
    for (size_t i = 0; i < el->nvalues; i++)
        if (el->values[i].field == field)
            return &el->values[i];
    return NULL;
}

const char *egaf_element_text(const egaf_element *el, egaf_field field)
{
    return egaf_value_text(egaf_element_get(el, field));
}

const char *egaf_value_text(const egaf_value *v)
{
    if (!v)
        return NULL;
    switch (v->type) {
    case EGAF_FT_TEXT:
    case EGAF_FT_ID:
    case EGAF_FT_ENUM:
    case EGAF_FT_CODE:
    case EGAF_FT_REF:
        return v->u.str.s;
    default:
        return NULL;
    }
}

size_t egaf_model_element_count(const egaf_model *model)
{
    size_t n = 0;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        n += model->counts[k];
    return n;
}
