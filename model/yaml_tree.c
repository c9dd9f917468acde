/* yaml_tree.c - libyaml events into an egaf_ynode tree with positions. */
#include "model/yaml_tree.h"
#include "base/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "base/strmap.h"
#include "base/utf8.h"

#define CORE_TAG_PREFIX "tag:yaml.org,2002:"

typedef struct frame {
    egaf_ynode *node;
    void *items; /* egaf_ynode* (seq) or egaf_ypair (map), reused per depth */
    size_t count, cap; /* cap in bytes: a depth's buffer serves lists and maps */
    egaf_ynode *pending_key;
    char *anchor; /* malloc'd by libyaml's event; copied here, freed on pop */
} frame;

typedef struct parser {
    egaf_arena *arena;
    const egaf_source *src;
    egaf_diags *diags;
    egaf_yaml_limits limits;
    frame *frames;
    size_t depth;
    egaf_strmap anchors;
    uint64_t alias_total;
    bool alias_reported;
    bool stop;
    bool oom;
    egaf_ynode *root;
    /* where the last column was computed: libyaml's marks come in order
     * along a line, so each line is walked once */
    uint32_t cursor_line;
    bool cursor_line_ascii; /* then a column is the code point count + 1 */
    const char *cursor_text; /* that line's text and length */
    size_t cursor_len;
    egaf_utf8_cursor cursor;
} parser;

/* The text of a 1-based line of the source without its line break (a BOM,
 * which libyaml does not count, left out). NULL when out of range. */
static const char *line_text(const egaf_source *src, uint32_t line, size_t *len)
{
    if (!src->text || line == 0 || line > src->nlines)
        return NULL;
    const char *text = src->text + src->line_starts[line - 1];
    *len = egaf_source_line_length(src, line);
    if (line == 1 && *len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        *len -= 3;
    }
    return text;
}

/* Walks the cursor to libyaml's column (code points from the line start) on
 * a 0-based line; NULL when the line is not in the source. */
static const char *walk_to(parser *p, size_t line0, size_t column, size_t *len)
{
    uint32_t line = (uint32_t)line0 + 1;
    if (p->cursor_line != line) {
        const char *t = line_text(p->src, line, &p->cursor_len);
        if (!t)
            return NULL;
        p->cursor_line = line;
        p->cursor_text = t;
        p->cursor_line_ascii = egaf_utf8_is_ascii(t, p->cursor_len);
        egaf_utf8_cursor_init(&p->cursor);
    }
    const char *text = p->cursor_text;
    *len = p->cursor_len;
    if (p->cursor_line_ascii) { /* most lines: no walk at all */
        size_t at = column < *len ? column : *len;
        p->cursor.offset = p->cursor.codepoints = at;
        p->cursor.graphemes = (uint32_t)at;
        return text;
    }
    if (p->cursor.codepoints > column)
        egaf_utf8_cursor_init(&p->cursor);
    egaf_utf8_cursor_to_codepoint(&p->cursor, text, *len, column);
    return text;
}

/* libyaml counts columns in code points; a person counts the characters
 * seen (grapheme clusters): "ệ" typed as e + two combining marks is one. */
static uint32_t column_of(parser *p, yaml_mark_t m)
{
    size_t len;
    if (!walk_to(p, m.line, m.column, &len))
        return (uint32_t)m.column + 1;
    size_t beyond = m.column - p->cursor.codepoints; /* past the line's end */
    return p->cursor.graphemes + (uint32_t)beyond + 1;
}

/* The byte offset in the source of a libyaml mark, or SIZE_MAX. */
static size_t offset_of(parser *p, yaml_mark_t m)
{
    size_t len;
    const char *text = walk_to(p, m.line, m.column, &len);
    return text ? (size_t)(text - p->src->text) + p->cursor.offset : SIZE_MAX;
}

static egaf_mark make_mark(parser *p, yaml_mark_t start, yaml_mark_t end)
{
    egaf_mark m;
    m.src = p->src;
    m.line = (uint32_t)start.line + 1;
    m.col = column_of(p, start);
    m.end_col = end.line == start.line && end.column > start.column ? column_of(p, end) : 0;
    return m;
}

static egaf_ynode *new_node(parser *p, egaf_ykind kind, egaf_mark mark)
{
    egaf_ynode *n = egaf_arena_alloc(p->arena, sizeof(*n));
    if (!n) {
        p->oom = p->stop = true;
        return NULL;
    }
    n->kind = (uint8_t)kind;
    n->mark = mark;
    n->weight = 1;
    return n;
}

static egaf_ynode *null_node(parser *p, egaf_mark mark)
{
    egaf_ynode *n = new_node(p, EGAF_Y_SCALAR, mark);
    if (n) {
        n->u.scalar.text = "";
        n->style = EGAF_Y_PLAIN;
    }
    return n;
}

static uint32_t add_weight(uint32_t a, uint32_t b)
{
    return a > UINT32_MAX - b ? UINT32_MAX : a + b;
}

static bool push_item(parser *p, frame *f, const void *item, size_t size)
{
    if ((f->count + 1) * size > f->cap) {
        size_t ncap = f->cap ? f->cap * 2 : 16 * size;
        while (ncap < (f->count + 1) * size)
            ncap *= 2;
        void *n = realloc(f->items, ncap);
        if (!n) {
            p->oom = p->stop = true;
            return false;
        }
        f->items = n;
        f->cap = ncap;
    }
    memcpy((char *)f->items + f->count * size, item, size);
    f->count++;
    return true;
}

static void attach(parser *p, egaf_ynode *node)
{
    if (!node)
        return;
    if (p->depth == 0) {
        if (!p->root)
            p->root = node;
        return;
    }
    frame *f = &p->frames[p->depth - 1];
    f->node->weight = add_weight(f->node->weight, node->weight);
    if (f->node->kind == EGAF_Y_SEQ) {
        push_item(p, f, &node, sizeof(node));
    } else if (!f->pending_key) {
        f->pending_key = node;
    } else {
        egaf_ypair pair = {f->pending_key, node};
        f->pending_key = NULL;
        push_item(p, f, &pair, sizeof(pair));
    }
}

static void register_anchor(parser *p, const char *anchor, egaf_ynode *node)
{
    if (!anchor || !node)
        return;
    char *name = egaf_arena_strdup(p->arena, anchor);
    if (!name) {
        p->oom = p->stop = true;
        return;
    }
    bool oom = false;
    /* A later anchor of the same name replaces the earlier one (YAML 1.2). */
    if (egaf_strmap_get(&p->anchors, name, strlen(name))) {
        /* strmap has no replace; re-insert under a fresh map would be costly;
         * anchors are rarely redefined, so rebuild in that rare case. */
        egaf_strmap fresh;
        egaf_strmap_init(&fresh);
        size_t pos = 0;
        const char *k;
        void *v;
        while (egaf_strmap_next(&p->anchors, &pos, &k, &v))
            if (strcmp(k, name) != 0)
                egaf_strmap_put(&fresh, k, strlen(k), v, &oom);
        egaf_strmap_free(&p->anchors);
        p->anchors = fresh;
    }
    egaf_strmap_put(&p->anchors, name, strlen(name), node, &oom);
    if (oom)
        p->oom = p->stop = true;
}

static void check_tag(parser *p, const yaml_char_t *tag, egaf_mark mark)
{
    if (tag && strncmp((const char *)tag, CORE_TAG_PREFIX, strlen(CORE_TAG_PREFIX)) != 0) {
        egaf_finding *f = egaf_diag(p->diags, "yaml.tag", &mark, NULL,
                                    _("unsupported YAML tag '%s'"), (const char *)tag);
        egaf_diag_hint(p->diags, f, _("remove the tag; egaf models use plain YAML values"));
    }
}

static bool is_merge_key(const egaf_ynode *k)
{
    return k->kind == EGAF_Y_SCALAR && k->style == EGAF_Y_PLAIN && k->u.scalar.len == 2 &&
           memcmp(k->u.scalar.text, "<<", 2) == 0;
}

/* Index of the pair with the same scalar key among pairs[0..n), or -1. A map
 * is given when n is large. */
static long find_key(const egaf_ypair *pairs, size_t n, const egaf_strmap *index,
                     const egaf_ynode *key)
{
    if (key->kind != EGAF_Y_SCALAR)
        return -1;
    if (index) {
        void *v = egaf_strmap_get(index, key->u.scalar.text, key->u.scalar.len);
        return v ? (long)((size_t)v - 1) : -1;
    }
    for (size_t i = 0; i < n; i++) {
        const egaf_ynode *k = pairs[i].key;
        if (k->kind == EGAF_Y_SCALAR && k->u.scalar.len == key->u.scalar.len &&
            memcmp(k->u.scalar.text, key->u.scalar.text, k->u.scalar.len) == 0)
            return (long)i;
    }
    return -1;
}

enum { INDEX_THRESHOLD = 12 };

/* Appends pair to out unless its key is there already; reports a duplicate
 * when report is set. */
static void add_unique(parser *p, egaf_ypair *out, size_t *n, egaf_strmap *index, bool *indexed,
                       egaf_ypair pair, bool report)
{
    long at = find_key(out, *n, *indexed ? index : NULL, pair.key);
    if (at >= 0) {
        if (report) {
            egaf_finding *f = egaf_diag(p->diags, "yaml.duplicate-key", &pair.key->mark, NULL,
                                        _("duplicate key '%s'"), pair.key->u.scalar.text);
            egaf_diag_related(p->diags, f, &out[at].key->mark, _("'%s' first defined here"),
                              pair.key->u.scalar.text);
            egaf_diag_hint(p->diags, f, _("remove one of the two; only one value can be kept"));
        }
        return;
    }
    out[*n] = pair;
    (*n)++;
    bool oom = false;
    if (*indexed) {
        if (pair.key->kind == EGAF_Y_SCALAR)
            egaf_strmap_put(index, pair.key->u.scalar.text, pair.key->u.scalar.len,
                            (void *)(*n), &oom);
    } else if (*n > INDEX_THRESHOLD) {
        for (size_t i = 0; i < *n; i++)
            if (out[i].key->kind == EGAF_Y_SCALAR)
                egaf_strmap_put(index, out[i].key->u.scalar.text, out[i].key->u.scalar.len,
                                (void *)(i + 1), &oom);
        *indexed = true;
    }
    if (oom)
        p->oom = p->stop = true;
}

static void merge_from(parser *p, egaf_ypair *out, size_t *n, egaf_strmap *index, bool *indexed,
                       const egaf_ynode *src, const egaf_ynode *at)
{
    if (src->kind == EGAF_Y_MAP) {
        for (size_t i = 0; i < src->u.map.count; i++)
            add_unique(p, out, n, index, indexed, src->u.map.pairs[i], false);
        return;
    }
    if (src->kind == EGAF_Y_SEQ) {
        for (size_t i = 0; i < src->u.seq.count; i++)
            if (src->u.seq.items[i]->kind == EGAF_Y_MAP)
                merge_from(p, out, n, index, indexed, src->u.seq.items[i], at);
            else
                egaf_diag(p->diags, "yaml.syntax", &src->u.seq.items[i]->mark, NULL,
                          _("a merge key '<<' takes maps only"));
        return;
    }
    egaf_diag(p->diags, "yaml.syntax", &at->mark, NULL,
              _("a merge key '<<' takes a map or a list of maps"));
}

static void finish_map(parser *p, frame *f, egaf_ynode *node)
{
    egaf_ypair *pairs = f->items;
    size_t count = f->count;
    size_t merged_extra = 0;
    bool has_merge = false;
    for (size_t i = 0; i < count; i++)
        if (is_merge_key(pairs[i].key)) {
            has_merge = true;
            const egaf_ynode *v = pairs[i].value;
            if (v->kind == EGAF_Y_MAP)
                merged_extra += v->u.map.count;
            else if (v->kind == EGAF_Y_SEQ)
                for (size_t j = 0; j < v->u.seq.count; j++)
                    if (v->u.seq.items[j]->kind == EGAF_Y_MAP)
                        merged_extra += v->u.seq.items[j]->u.map.count;
        }
    egaf_ypair *out = egaf_arena_alloc(p->arena, sizeof(*out) * (count + merged_extra + 1));
    if (!out) {
        p->oom = p->stop = true;
        return;
    }
    size_t n = 0;
    egaf_strmap index;
    egaf_strmap_init(&index);
    bool indexed = false;
    for (size_t i = 0; i < count; i++)
        if (!is_merge_key(pairs[i].key))
            add_unique(p, out, &n, &index, &indexed, pairs[i], true);
    if (has_merge)
        for (size_t i = 0; i < count; i++)
            if (is_merge_key(pairs[i].key))
                merge_from(p, out, &n, &index, &indexed, pairs[i].value, pairs[i].key);
    egaf_strmap_free(&index);
    node->u.map.pairs = out;
    node->u.map.count = n;
}

static void start_collection(parser *p, egaf_ykind kind, const yaml_event_t *ev,
                             const yaml_char_t *anchor, const yaml_char_t *tag)
{
    egaf_mark mark = make_mark(p, ev->start_mark, ev->start_mark);
    if (p->depth >= p->limits.max_depth) {
        egaf_finding *f =
            egaf_diag(p->diags, "yaml.limit", &mark, NULL,
                      _("collections nest deeper than %u levels"), p->limits.max_depth);
        egaf_diag_hint(p->diags, f, _("flatten the structure; no model needs this depth"));
        p->stop = true;
        return;
    }
    check_tag(p, tag, mark);
    egaf_ynode *node = new_node(p, kind, mark);
    if (!node)
        return;
    frame *f = &p->frames[p->depth++];
    f->node = node;
    f->count = 0;
    f->pending_key = NULL;
    f->anchor = anchor ? strdup((const char *)anchor) : NULL;
}

static void end_collection(parser *p)
{
    if (p->depth == 0)
        return;
    frame *f = &p->frames[p->depth - 1];
    egaf_ynode *node = f->node;
    if (node->kind == EGAF_Y_SEQ) {
        egaf_ynode **items = egaf_arena_alloc(p->arena, sizeof(*items) * (f->count + 1));
        if (!items) {
            p->oom = p->stop = true;
            return;
        }
        if (f->count)
            memcpy(items, f->items, sizeof(*items) * f->count);
        node->u.seq.items = items;
        node->u.seq.count = f->count;
    } else {
        finish_map(p, f, node);
    }
    register_anchor(p, f->anchor, node);
    free(f->anchor);
    f->anchor = NULL;
    p->depth--;
    attach(p, node);
}

/* A control character a model's text may not hold (a tab and a line break
 * are text). */
static bool is_forbidden_control(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F;
}

static int hex_value(char c)
{
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* In the double-quoted scalar whose opening quote is at byte offset start,
 * the first escape that stands for a forbidden control character: its
 * offset, its length in *len and the character in *value; SIZE_MAX when
 * there is none. */
static size_t find_control_escape(const egaf_source *src, size_t start, size_t *len,
                                  unsigned *value)
{
    const char *t = src->text;
    for (size_t i = start + 1; i < src->len && t[i] != '"'; i++) {
        if (t[i] != '\\' || i + 1 >= src->len)
            continue;
        char e = t[i + 1];
        size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        unsigned v = 0x20;
        switch (e) {
        case '0': v = 0; break;
        case 'a': v = 7; break;
        case 'b': v = 8; break;
        case 'v': v = 11; break;
        case 'f': v = 12; break;
        case 'r': v = 13; break;
        case 'e': v = 27; break;
        default: break;
        }
        if (digits) {
            v = 0;
            for (size_t d = 0; d < digits; d++) {
                int h = i + 2 + d < src->len ? hex_value(t[i + 2 + d]) : -1;
                if (h < 0) {
                    v = 0x20;
                    break;
                }
                v = v * 16 + (unsigned)h;
            }
        }
        if (v < 0x80 && is_forbidden_control((unsigned char)v)) {
            *len = 2 + digits;
            *value = v;
            return i;
        }
        i++; /* the escaped character: a \" does not end the scalar */
    }
    return SIZE_MAX;
}

/* A double-quoted "\0" would cut the text at the NUL in every C string
 * that holds it ("cao-bang\0../../x" read silently as "cao-bang"): an error
 * at the escape. Returns the length of the value kept. */
static size_t drop_controls(parser *p, const yaml_event_t *ev, const egaf_mark *mark, char *text,
                            size_t len)
{
    bool found = false;
    for (size_t i = 0; i < len && !found; i++)
        found = is_forbidden_control((unsigned char)text[i]);
    if (!found)
        return len;
    egaf_mark at = *mark;
    size_t elen = 0;
    unsigned value = 0;
    size_t quote = offset_of(p, ev->start_mark);
    size_t esc = quote == SIZE_MAX ? SIZE_MAX : find_control_escape(p->src, quote, &elen, &value);
    if (esc != SIZE_MAX) {
        egaf_source_position(p->src, esc, &at.line, &at.col);
        at.end_col = at.col + (uint32_t)elen;
    } else {
        for (size_t i = 0; i < len; i++)
            if (is_forbidden_control((unsigned char)text[i])) {
                value = (unsigned char)text[i];
                break;
            }
    }
    egaf_finding *f;
    if (esc != SIZE_MAX)
        f = egaf_diag(p->diags, "yaml.encoding", &at, NULL,
                      _("the escape '%.*s' puts the control character U+%04X into the text"),
                      (int)elen, p->src->text + esc, value);
    else
        f = egaf_diag(p->diags, "yaml.encoding", &at, NULL,
                      _("the text holds the control character U+%04X"), value);
    egaf_diag_hint(p->diags, f,
                   _("remove the escape: a model's text holds no control characters, and a NUL "
                     "would cut the text short in every program that reads it"));
    /* the value as far as the control character: what was visible before
     * it, and no second finding (a malformed id) from the same mistake */
    size_t n = 0;
    while (n < len && !is_forbidden_control((unsigned char)text[n]))
        n++;
    text[n] = '\0';
    return n;
}

static void on_scalar(parser *p, const yaml_event_t *ev)
{
    egaf_mark mark = make_mark(p, ev->start_mark, ev->end_mark);
    check_tag(p, ev->data.scalar.tag, mark);
    egaf_ynode *n = new_node(p, EGAF_Y_SCALAR, mark);
    if (!n)
        return;
    /* copied whole: no clearing first, no alignment */
    char *text =
        egaf_arena_strndup(p->arena, (const char *)ev->data.scalar.value, ev->data.scalar.length);
    if (!text) {
        p->oom = p->stop = true;
        return;
    }
    size_t len = ev->data.scalar.length;
    if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
        len = drop_controls(p, ev, &mark, text, len);
    /* one text however it was typed: NFC, as Vietnamese keyboards write it */
    size_t nfc_len = len;
    const char *nfc = egaf_utf8_nfc(p->arena, text, len, &nfc_len);
    n->u.scalar.text = nfc ? nfc : text;
    n->u.scalar.len = nfc ? nfc_len : len;
    switch (ev->data.scalar.style) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
        n->style = EGAF_Y_QUOTED;
        break;
    case YAML_LITERAL_SCALAR_STYLE:
    case YAML_FOLDED_SCALAR_STYLE:
        n->style = EGAF_Y_BLOCK;
        break;
    default:
        n->style = EGAF_Y_PLAIN;
    }
    /* an explicit !!str makes a plain scalar text */
    if (ev->data.scalar.tag &&
        strcmp((const char *)ev->data.scalar.tag, CORE_TAG_PREFIX "str") == 0)
        n->style = EGAF_Y_QUOTED;
    register_anchor(p, (const char *)ev->data.scalar.anchor, n);
    attach(p, n);
}

static void on_alias(parser *p, const yaml_event_t *ev)
{
    egaf_mark mark = make_mark(p, ev->start_mark, ev->end_mark);
    const char *name = (const char *)ev->data.alias.anchor;
    egaf_ynode *target = egaf_strmap_get(&p->anchors, name, strlen(name));
    if (!target) {
        egaf_finding *f = egaf_diag(p->diags, "yaml.alias", &mark, NULL,
                                    _("alias '*%s' names no anchor defined before it"), name);
        egaf_diag_hint(p->diags, f, _("define '&%s' on a value above this alias"), name);
        attach(p, null_node(p, mark));
        return;
    }
    p->alias_total += target->weight;
    if (p->alias_total > p->limits.alias_budget) {
        if (!p->alias_reported) {
            egaf_finding *f = egaf_diag(p->diags, "yaml.alias", &mark, NULL,
                                        _("expanding aliases would exceed %u nodes"),
                                        (unsigned)p->limits.alias_budget);
            egaf_diag_hint(p->diags, f, _("write the values out instead of nesting aliases"));
            p->alias_reported = true;
        }
        attach(p, null_node(p, mark));
        return;
    }
    attach(p, target);
}

/* libyaml's own problem and context texts, marked so they are translated
 * (its messages are fixed strings; the list was read from libyaml 0.2.5). */
static const char *const libyaml_texts[] = {
    N_("block sequence entries are not allowed in this context"),
    N_("control characters are not allowed"),
    N_("could not find expected ':'"),
    N_("could not find expected directive name"),
    N_("did not find URI escaped octet"),
    N_("did not find expected '!'"),
    N_("did not find expected ',' or ']'"),
    N_("did not find expected ',' or '}'"),
    N_("did not find expected '-' indicator"),
    N_("did not find expected <document start>"),
    N_("did not find expected <stream-start>"),
    N_("did not find expected alphabetic or numeric character"),
    N_("did not find expected comment or line break"),
    N_("did not find expected digit or '.' character"),
    N_("did not find expected hexdecimal number"),
    N_("did not find expected key"),
    N_("did not find expected node content"),
    N_("did not find expected tag URI"),
    N_("did not find expected version number"),
    N_("did not find expected whitespace"),
    N_("did not find expected whitespace or line break"),
    N_("did not find the expected '>'"),
    N_("expected DOCUMENT-END"),
    N_("expected DOCUMENT-START or STREAM-END"),
    N_("expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS"),
    N_("expected STREAM-START"),
    N_("expected nothing after STREAM-END"),
    N_("found a tab character that violates indentation"),
    N_("found a tab character where an indentation space is expected"),
    N_("found an incorrect leading UTF-8 octet"),
    N_("found an incorrect trailing UTF-8 octet"),
    N_("found an indentation indicator equal to 0"),
    N_("found character that cannot start any token"),
    N_("found duplicate %TAG directive"),
    N_("found duplicate %YAML directive"),
    N_("found duplicate anchor; first occurrence"),
    N_("found extremely long version number"),
    N_("found incompatible YAML document"),
    N_("found invalid Unicode character escape code"),
    N_("found undefined alias"),
    N_("found undefined tag handle"),
    N_("found unexpected ':'"),
    N_("found unexpected document indicator"),
    N_("found unexpected end of stream"),
    N_("found unexpected non-alphabetical character"),
    N_("found unknown directive name"),
    N_("found unknown escape character"),
    N_("incomplete UTF-16 character"),
    N_("incomplete UTF-16 surrogate pair"),
    N_("incomplete UTF-8 octet sequence"),
    N_("input is too long"),
    N_("invalid Unicode character"),
    N_("invalid leading UTF-8 octet"),
    N_("invalid length of a UTF-8 sequence"),
    N_("invalid trailing UTF-8 octet"),
    N_("mapping values are not allowed in this context"),
    N_("unexpected low surrogate area"),
    N_("while parsing a %TAG directive"),
    N_("parsing a %TAG directive"),
    N_("a %TAG directive"),
    N_("while parsing a block collection"),
    N_("parsing a block collection"),
    N_("a block collection"),
    N_("while parsing a block mapping"),
    N_("parsing a block mapping"),
    N_("a block mapping"),
    N_("while parsing a block node"),
    N_("parsing a block node"),
    N_("a block node"),
    N_("while parsing a flow mapping"),
    N_("parsing a flow mapping"),
    N_("a flow mapping"),
    N_("while parsing a flow node"),
    N_("parsing a flow node"),
    N_("a flow node"),
    N_("while parsing a flow sequence"),
    N_("parsing a flow sequence"),
    N_("a flow sequence"),
    N_("while parsing a node"),
    N_("parsing a node"),
    N_("a node"),
    N_("while parsing a quoted scalar"),
    N_("parsing a quoted scalar"),
    N_("a quoted scalar"),
    N_("while parsing a tag"),
    N_("parsing a tag"),
    N_("a tag"),
    N_("while parsing a tag directive"),
    N_("parsing a tag directive"),
    N_("a tag directive"),
    N_("while scanning a %TAG directive"),
    N_("scanning a %TAG directive"),
    N_("while scanning a %YAML directive"),
    N_("scanning a %YAML directive"),
    N_("a %YAML directive"),
    N_("while scanning a block scalar"),
    N_("scanning a block scalar"),
    N_("a block scalar"),
    N_("while scanning a directive"),
    N_("scanning a directive"),
    N_("a directive"),
    N_("while scanning a plain scalar"),
    N_("scanning a plain scalar"),
    N_("a plain scalar"),
    N_("while scanning a quoted scalar"),
    N_("scanning a quoted scalar"),
    N_("while scanning a simple key"),
    N_("scanning a simple key"),
    N_("a simple key"),
    N_("while scanning a tag"),
    N_("scanning a tag"),
    N_("while scanning a tag directive"),
    N_("scanning a tag directive"),
    N_("while scanning an alias"),
    N_("scanning an alias"),
    N_("an alias"),
    N_("while scanning an anchor"),
    N_("scanning an anchor"),
    N_("an anchor"),
    N_("while scanning for the next token"),
    N_("scanning for the next token"),
};

/* The translation of a libyaml text, or the text itself when it is not one
 * of libyaml's known strings (a newer libyaml may add some). */
static const char *libyaml_text(const char *s)
{
    for (size_t i = 0; i < sizeof(libyaml_texts) / sizeof(libyaml_texts[0]); i++)
        if (strcmp(libyaml_texts[i], s) == 0)
            return _(s);
    return s;
}

/* A space-like or invisible character (pasted from a spreadsheet or a web
 * page) where a line's indentation is, on one of the few lines up to last:
 * YAML reads it as text, so the parser's own error comes a line or two
 * later and speaks of something else. Reported instead of it, at the
 * character. (Further up it would be text of a block scalar, not the cause.) */
static bool report_lookalike_indentation(parser *p, uint32_t last)
{
    enum { WINDOW = 5 };
    for (uint32_t line = last > WINDOW ? last - WINDOW : 1; line <= last && line <= p->src->nlines;
         line++) {
        size_t len;
        const char *text = line_text(p->src, line, &len);
        if (!text)
            return false;
        size_t i = 0;
        while (i < len && text[i] == ' ')
            i++;
        int32_t cp;
        size_t clen = i < len ? egaf_utf8_decode(text + i, len - i, &cp) : 0;
        const egaf_utf8_lookalike *l = clen ? egaf_utf8_lookalike_find(cp) : NULL;
        if (!l || strcmp(l->replacement, "-") == 0)
            continue;
        egaf_mark at = {p->src, line, egaf_utf8_count(text, i) + 1, 0};
        at.end_col = at.col + 1;
        egaf_finding *f = egaf_diag(p->diags, "yaml.syntax", &at, NULL,
                                    _("the indentation holds U+%04X %s, which looks like a space "
                                      "but is not one"),
                                    (unsigned)cp, l->name);
        egaf_buf fixed;
        egaf_buf_init(&fixed);
        egaf_buf_add(&fixed, text, i);
        egaf_buf_puts(&fixed, " ");
        egaf_buf_add(&fixed, text + i + clen, len - i - clen);
        egaf_buf_putc(&fixed, '\0');
        if (!fixed.failed)
            egaf_diag_hint(p->diags, f, _("replace it with an ordinary space: `%s`"), fixed.data);
        egaf_buf_free(&fixed);
        return true;
    }
    return false;
}

/* The character at a libyaml mark, as text ("@"), in buf. */
static const char *char_at(parser *p, yaml_mark_t m, char buf[8])
{
    size_t len;
    const char *text = walk_to(p, m.line, m.column, &len);
    buf[0] = '\0';
    if (!text || p->cursor.offset >= len)
        return buf;
    int32_t cp;
    size_t n = egaf_utf8_decode(text + p->cursor.offset, len - p->cursor.offset, &cp);
    if (n == 0)
        n = 1;
    memcpy(buf, text + p->cursor.offset, n);
    buf[n] = '\0';
    return buf;
}

static bool is(const char *s, const char *what)
{
    return s && strcmp(s, what) == 0;
}

/* libyaml's commonest errors, said the way a person fixes them: what is
 * wrong, in this line, and what to do. True when the error was one of
 * them. */
static bool report_common_error(parser *p, const yaml_parser_t *yp, egaf_mark mark,
                                egaf_mark ctx)
{
    const char *problem = yp->problem, *context = yp->context;
    char c[8];
    egaf_finding *f;
    if (is(problem, "found unexpected end of stream") &&
        (is(context, "while scanning a quoted scalar") ||
         is(context, "while parsing a quoted scalar"))) {
        char_at(p, yp->context_mark, c);
        ctx.end_col = ctx.col + 1;
        f = egaf_diag(p->diags, "yaml.syntax", &ctx, NULL,
                      _("the quote %s opened here is never closed"), c);
        egaf_diag_hint(p->diags, f, _("close it with %s at the end of the value, on the same line"), c);
        return true;
    }
    if (is(problem, "found a tab character that violates indentation") ||
        is(problem, "found a tab character where an indentation space is expected") ||
        (is(problem, "found character that cannot start any token") &&
         strcmp(char_at(p, yp->problem_mark, c), "\t") == 0)) {
        f = egaf_diag(p->diags, "yaml.syntax", &mark, NULL,
                      _("this line is indented with a tab"));
        egaf_diag_hint(p->diags, f, _("YAML indents with spaces only: replace the tab with spaces"));
        return true;
    }
    if (is(problem, "found character that cannot start any token")) {
        char_at(p, yp->problem_mark, c);
        mark.end_col = mark.col + 1;
        f = egaf_diag(p->diags, "yaml.syntax", &mark, NULL,
                      _("a value cannot start with '%s' in YAML"), c);
        egaf_diag_hint(p->diags, f, _("put the value in quotes: \"%s…\""), c);
        return true;
    }
    if (is(problem, "mapping values are not allowed in this context")) {
        f = egaf_diag(p->diags, "yaml.syntax", &mark, NULL,
                      _("this ':' would start a new key inside a value"));
        egaf_diag_hint(p->diags, f,
                       _("if the value holds ': ', put it in quotes (name: \"A: B\"); if this "
                         "line starts a new key, indent it like the keys above it"));
        return true;
    }
    if (is(problem, "did not find expected key") || is(problem, "did not find expected '-' indicator")) {
        bool list = strstr(problem, "'-'") != NULL;
        f = egaf_diag(p->diags, "yaml.syntax", &mark, NULL,
                      list ? _("this line is not indented like the items of the list it follows")
                           : _("this line is not indented like the keys of the map it follows"));
        if (ctx.line != mark.line)
            egaf_diag_related(p->diags, f, &ctx,
                              list ? _("the list starts here") : _("the map starts here"));
        egaf_diag_hint(p->diags, f,
                       list ? _("start the line with '- ' at the indentation of the other items")
                            : _("indent the line with as many spaces as the keys above it"));
        return true;
    }
    if (is(problem, "could not find expected ':'")) {
        f = egaf_diag(p->diags, "yaml.syntax", &mark, NULL,
                      _("a key has no ':' after it"));
        egaf_diag_related(p->diags, f, &ctx, _("the key starts here"));
        egaf_diag_hint(p->diags, f,
                       _("write 'key: value'; text that continues the value above must be "
                         "indented more than its key"));
        return true;
    }
    if (is(problem, "did not find expected ',' or ']'") ||
        is(problem, "did not find expected ',' or '}'")) {
        bool list = strchr(problem, ']') != NULL;
        f = egaf_diag(p->diags, "yaml.syntax", &mark, NULL,
                      list ? _("a ',' or the closing ']' is missing before this")
                           : _("a ',' or the closing '}' is missing before this"));
        egaf_diag_related(p->diags, f, &ctx,
                          list ? _("the list opens here") : _("the map opens here"));
        egaf_diag_hint(p->diags, f,
                       _("separate the items with commas, close the brackets, and quote an item "
                         "that holds ',' or ': '"));
        return true;
    }
    return false;
}

static void report_parse_error(parser *p, const yaml_parser_t *yp)
{
    egaf_mark mark = {p->src, 1, 1, 0};
    const char *rule = "yaml.syntax";
    const char *problem = yp->problem ? yp->problem : "cannot parse the file";
    if (yp->error == YAML_READER_ERROR) {
        rule = "yaml.encoding";
        egaf_source_position(p->src, yp->problem_offset, &mark.line, &mark.col);
    } else if (yp->error == YAML_MEMORY_ERROR) {
        p->oom = true;
        return;
    } else {
        mark.line = (uint32_t)yp->problem_mark.line + 1;
        mark.col = column_of(p, yp->problem_mark);
        if (report_lookalike_indentation(p, mark.line))
            return;
    }
    egaf_finding *f;
    const char *context = yp->context;
    egaf_mark ctx = {p->src, (uint32_t)yp->context_mark.line + 1, 1, 0};
    if (context)
        ctx.col = column_of(p, yp->context_mark);
    if (yp->error != YAML_READER_ERROR && yp->problem && report_common_error(p, yp, mark, ctx))
        return;
    if (context && strstr(problem, "end of stream")) {
        /* an unclosed bracket: point at where it opened, not at the end of
         * the file */
        const char *what = strncmp(context, "while ", 6) == 0 ? context + 6 : context;
        what = strncmp(what, "scanning ", 9) == 0 ? what + 9 : what;
        f = egaf_diag(p->diags, rule, &ctx, NULL, _("%s that starts here never ends (%s)"),
                      libyaml_text(what), libyaml_text(problem));
        egaf_diag_hint(p->diags, f, _("close the quote or bracket opened here"));
        return;
    } else if (context) {
        f = egaf_diag(p->diags, rule, &mark, NULL, _("%s %s"), libyaml_text(problem),
                      libyaml_text(context));
        /* the place libyaml was reading from, in words a reader follows */
        if (ctx.line != mark.line || ctx.col != mark.col)
            egaf_diag_related(p->diags, f, &ctx, _("%s that started here"),
                              libyaml_text(strncmp(context, "while ", 6) == 0 ? context + 6
                                                                              : context));
    } else if (yp->error == YAML_READER_ERROR) {
        /* the byte itself, from the file: libyaml's problem_value is -1
         * for an overlong sequence and a code point for a control
         * character, neither of them the byte at the offset */
        unsigned byte = p->src->text && yp->problem_offset < p->src->len
                            ? (unsigned char)p->src->text[yp->problem_offset]
                            : (unsigned)(yp->problem_value & 0xFF);
        f = egaf_diag(p->diags, rule, &mark, NULL, _("%s (byte 0x%02x at offset %zu)"),
                      libyaml_text(problem), byte, yp->problem_offset);
        egaf_diag_hint(p->diags, f, _("save the file as UTF-8 text"));
        return;
    } else {
        egaf_diag(p->diags, rule, &mark, NULL, _("%s"), libyaml_text(problem));
    }
}

/* UTF-16 and UTF-32 would parse in libyaml, but models must be UTF-8. */
static const char *wide_encoding(const egaf_source *src)
{
    const unsigned char *s = (const unsigned char *)src->text;
    if (src->len >= 4 && ((s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF) ||
                          (s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0)))
        return "UTF-32";
    if (src->len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return "UTF-16";
    return NULL;
}

/* No tree, and no finding that would say why: the findings are marked
 * incomplete, so a caller never takes a file it could not read for an
 * empty one (a reference folder without its agencies, a model without its
 * sections). */
static void out_of_memory(egaf_diags *diags)
{
    if (diags)
        egaf_diags_fail(diags);
}

egaf_ynode *egaf_yaml_parse(egaf_arena *arena, const egaf_source *src,
                            const egaf_yaml_limits *limits, egaf_diags *diags)
{
    parser p;
    memset(&p, 0, sizeof(p));
    p.arena = arena;
    p.src = src;
    p.diags = diags;
    p.limits.max_depth = limits ? limits->max_depth : EGAF_YAML_DEFAULT_DEPTH;
    p.limits.alias_budget = limits ? limits->alias_budget : EGAF_YAML_DEFAULT_ALIAS_BUDGET;
    egaf_strmap_init(&p.anchors);

    egaf_mark start = {src, 1, 1, 0};
    const char *wide = wide_encoding(src);
    if (wide) {
        egaf_finding *f =
            egaf_diag(diags, "yaml.encoding", &start, NULL, _("the file is %s, not UTF-8"), wide);
        egaf_diag_hint(diags, f, _("save the file as UTF-8 text"));
        return NULL;
    }
    p.frames = calloc(p.limits.max_depth + 1, sizeof(frame));
    yaml_parser_t yp;
    if (!p.frames || !yaml_parser_initialize(&yp)) {
        free(p.frames);
        out_of_memory(diags);
        return NULL;
    }
    yaml_parser_set_input_string(&yp, (const unsigned char *)src->text, src->len);
    int documents = 0;
    bool failed = false;
    while (!p.stop) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&yp, &ev)) {
            report_parse_error(&p, &yp);
            failed = true;
            break;
        }
        yaml_event_type_t type = ev.type;
        switch (type) {
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1) {
                egaf_mark m = make_mark(&p, ev.start_mark, ev.end_mark);
                egaf_finding *f = egaf_diag(diags, "yaml.multiple-documents", &m, NULL,
                                            _("a second YAML document starts here"));
                egaf_diag_hint(diags, f, _("a model file holds one document; use `include:`"));
                p.stop = true;
            }
            break;
        case YAML_SCALAR_EVENT:
            on_scalar(&p, &ev);
            break;
        case YAML_SEQUENCE_START_EVENT:
            start_collection(&p, EGAF_Y_SEQ, &ev, ev.data.sequence_start.anchor,
                             ev.data.sequence_start.tag);
            break;
        case YAML_MAPPING_START_EVENT:
            start_collection(&p, EGAF_Y_MAP, &ev, ev.data.mapping_start.anchor,
                             ev.data.mapping_start.tag);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            end_collection(&p);
            break;
        case YAML_ALIAS_EVENT:
            on_alias(&p, &ev);
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
        if (type == YAML_STREAM_END_EVENT)
            break;
    }
    if (!failed && !p.oom && documents == 0) {
        egaf_finding *f = egaf_diag(diags, "yaml.no-document", &start, NULL,
                                    _("the file holds no YAML document"));
        egaf_diag_hint(diags, f, _("an empty file or one with comments only is not a model"));
    }
    yaml_parser_delete(&yp);
    for (size_t i = 0; i <= p.limits.max_depth; i++) {
        free(p.frames[i].items);
        free(p.frames[i].anchor);
    }
    free(p.frames);
    egaf_strmap_free(&p.anchors);
    if (p.oom)
        out_of_memory(diags);
    if (failed || p.oom || (p.stop && documents <= 1))
        return NULL;
    return p.root;
}

bool egaf_ynode_is_null(const egaf_ynode *n)
{
    if (!n || n->kind != EGAF_Y_SCALAR || n->style != EGAF_Y_PLAIN)
        return false;
    const char *t = n->u.scalar.text;
    return n->u.scalar.len == 0 || strcmp(t, "~") == 0 || strcasecmp(t, "null") == 0;
}

bool egaf_ynode_int(const egaf_ynode *n, long long *out)
{
    if (!n || n->kind != EGAF_Y_SCALAR || n->style != EGAF_Y_PLAIN || n->u.scalar.len == 0 ||
        n->u.scalar.len > 18)
        return false;
    const char *s = n->u.scalar.text;
    size_t i = 0;
    bool neg = false;
    if (s[0] == '-' || s[0] == '+') {
        neg = s[0] == '-';
        i = 1;
    }
    if (i == n->u.scalar.len)
        return false;
    long long v = 0;
    for (; i < n->u.scalar.len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = neg ? -v : v;
    return true;
}

egaf_ynode *egaf_ynode_get(const egaf_ynode *map, const char *key)
{
    if (!map || map->kind != EGAF_Y_MAP)
        return NULL;
    size_t len = strlen(key);
    for (size_t i = 0; i < map->u.map.count; i++) {
        const egaf_ynode *k = map->u.map.pairs[i].key;
        if (k->kind == EGAF_Y_SCALAR && k->u.scalar.len == len &&
            memcmp(k->u.scalar.text, key, len) == 0)
            return map->u.map.pairs[i].value;
    }
    return NULL;
}

const char *egaf_ynode_describe(const egaf_ynode *n)
{
    long long v;
    if (n->kind == EGAF_Y_MAP)
        return _("a map");
    if (n->kind == EGAF_Y_SEQ)
        return _("a list");
    if (egaf_ynode_is_null(n))
        return _("nothing (null)");
    if (egaf_ynode_int(n, &v))
        return _("a number");
    return _("text");
}
