/* content.c - the chapters of the architecture document, made from the
 * model (doc.h). The order is the framework's guidance for an architecture
 * document: general information and legal basis; goals and measurable
 * targets; the current architecture by layer (its business layer with the
 * organisation: units and their relations); its assessment; the target
 * architecture by layer, with the diagrams; the gap between them; the
 * roadmap (lead and partner units, funding, budget and its total, outputs,
 * progress, dependencies); the solutions by kind (governance, staffing,
 * policy, finance, then the others); annexes (components, integrations,
 * technical standards). Keys and values are named by model/labels.h. */
#include "document/doc.h"
#include "base/grow.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "diff/gap.h"
#include "model/labels.h"
#include "model/query.h"
#include "render/render.h"
#include "validator/validate.h"

/* ---- blocks ---- */

static egaf_block *add(egaf_doc *d, egaf_block_kind kind)
{
    d->blocks = egaf_grow(d->blocks, &d->cap, d->count, sizeof(*d->blocks), 64);
    if (d->count == d->cap) {
        d->failed = true;
        return NULL;
    }
    egaf_block *b = &d->blocks[d->count++];
    memset(b, 0, sizeof(*b));
    b->kind = kind;
    return b;
}

static const char *fmt(egaf_doc *d, const char *format, ...) __attribute__((format(printf, 2, 3)));
static const char *fmt(egaf_doc *d, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    char *s = NULL;
    int n = vasprintf(&s, format, ap);
    va_end(ap);
    const char *copy = n >= 0 ? egaf_arena_strdup(d->arena, s) : NULL;
    free(s);
    if (!copy)
        d->failed = true;
    return copy ? copy : "";
}

static void text_block(egaf_doc *d, egaf_block_kind kind, int level, const char *text)
{
    egaf_block *b = add(d, kind);
    if (b) {
        b->level = level;
        b->text = egaf_arena_strdup(d->arena, text ? text : "");
        if (!b->text)
            d->failed = true;
    }
}

/* Numbered headings: chapter, section, subsection counters. */
typedef struct builder {
    egaf_doc *d;
    const egaf_model *m;
    const egaf_refs *refs;
    int year;
    int number[3];
    int tables, figures;
    bool english; /* labels of keys and values (model/labels.h) */
} builder;

static void heading(builder *b, int level, const char *text)
{
    b->number[level - 1]++;
    for (int i = level; i < 3; i++)
        b->number[i] = 0;
    const char *numbered =
        level == 1   ? fmt(b->d, "%d. %s", b->number[0], text)
        : level == 2 ? fmt(b->d, "%d.%d. %s", b->number[0], b->number[1], text)
                     : fmt(b->d, "%d.%d.%d. %s", b->number[0], b->number[1], b->number[2], text);
    text_block(b->d, EGAF_BLOCK_HEADING, level, numbered);
}

static void para(builder *b, const char *text)
{
    text_block(b->d, EGAF_BLOCK_PARA, 0, text);
}

static void bullet(builder *b, const char *text)
{
    text_block(b->d, EGAF_BLOCK_BULLET, 0, text);
}

static void numbered(builder *b, int number, const char *text)
{
    text_block(b->d, EGAF_BLOCK_NUMBERED, number, text);
}

/* A table being filled: the head row first. */
typedef struct table {
    builder *b;
    egaf_block *block;
    size_t cap;
} table;

static table table_begin(builder *b, const char *caption, size_t cols, const unsigned *widths,
                         ...)
{
    table t = {b, add(b->d, EGAF_BLOCK_TABLE), 0};
    if (!t.block)
        return t;
    b->tables++;
    t.block->text = fmt(b->d, _("Table %d. %s"), b->tables, caption);
    t.block->cols = cols;
    t.block->widths = widths;
    t.cap = cols * 16;
    t.block->cells = malloc(t.cap * sizeof(char *));
    if (!t.block->cells) {
        b->d->failed = true;
        t.block = NULL;
        return t;
    }
    va_list ap;
    va_start(ap, widths);
    for (size_t i = 0; i < cols; i++)
        t.block->cells[i] = va_arg(ap, const char *);
    va_end(ap);
    t.block->rows = 1;
    return t;
}

/* Appends one row of cols cells (NULL cells are written empty). */
static void table_row(table *t, const char *const *cells)
{
    if (!t->block)
        return;
    size_t cols = t->block->cols, need = (t->block->rows + 1) * cols;
    if (need > t->cap) {
        size_t cap = t->cap * 2;
        while (cap < need)
            cap *= 2;
        const char **n = realloc(t->block->cells, cap * sizeof(char *));
        if (!n) {
            t->b->d->failed = true;
            return;
        }
        t->block->cells = n;
        t->cap = cap;
    }
    for (size_t i = 0; i < cols; i++) {
        const char *c = cells[i] ? egaf_arena_strdup(t->b->d->arena, cells[i]) : "";
        t->block->cells[t->block->rows * cols + i] = c ? c : "";
    }
    t->block->rows++;
}

/* ---- the model's facts ---- */

static const char *text_of(const egaf_element *el, egaf_field f)
{
    const char *s = egaf_element_text(el, f);
    return s ? s : "";
}

static bool is_status(const egaf_element *el, const char *status)
{
    const char *s = egaf_element_text(el, EGAF_F_STATUS);
    return strcmp(s ? s : "existing", status) == 0;
}

static const char *status_text(const egaf_element *el)
{
    const char *s = egaf_element_text(el, EGAF_F_STATUS);
    if (!s || strcmp(s, "existing") == 0)
        return _("in operation");
    if (strcmp(s, "planned") == 0)
        return _("planned");
    if (strcmp(s, "retired") == 0)
        return _("to be retired");
    return s;
}

/* A list value (references, texts) joined with sep. */
static const char *joined_with(builder *b, const egaf_element *el, egaf_field f, const char *sep)
{
    const egaf_value *v = egaf_element_get(el, f);
    if (!v)
        return "";
    if (v->type != EGAF_FT_REFS && v->type != EGAF_FT_TEXTS && v->type != EGAF_FT_IDS)
        return egaf_element_text(el, f) ? egaf_element_text(el, f) : "";
    egaf_buf buf;
    egaf_buf_init(&buf);
    for (size_t i = 0; i < v->u.list.count; i++) {
        if (i)
            egaf_buf_puts(&buf, sep);
        egaf_buf_puts(&buf, v->u.list.items[i].s ? v->u.list.items[i].s : "");
    }
    const char *s = egaf_arena_strdup(b->d->arena, buf.len ? buf.data : "");
    egaf_buf_free(&buf);
    return s ? s : "";
}

static const char *joined(builder *b, const egaf_element *el, egaf_field f)
{
    return joined_with(b, el, f, ", ");
}

/* A reference written in the model, as a reader names it: the element's
 * name, or the national entry's name, else as written. */
static const char *ref_name(builder *b, const char *ref)
{
    if (!ref)
        return "";
    if (strncmp(ref, "national:", 9) == 0) {
        const egaf_ref_entry *e = b->refs ? egaf_refs_find(b->refs, ref + 9) : NULL;
        return e && e->name ? e->name : ref;
    }
    const egaf_element *el = egaf_model_element(b->m, ref);
    return el && el->name ? el->name : ref;
}

/* The label of an enumerated value of el (model/labels.h), or "". */
static const char *value_label(const builder *b, const egaf_element *el, egaf_field f)
{
    const char *v = egaf_element_text(el, f);
    return v ? egaf_label_value_or_raw(el->kind, f, v, b->english) : "";
}

/* The label of a field, as a table's column says it. */
static const char *field_label(const builder *b, egaf_field f)
{
    const char *l = egaf_label_field(f, b->english);
    return l ? l : "";
}

/* The references of a list field, each by its name, joined with sep. */
static const char *ref_names(builder *b, const egaf_element *el, egaf_field f, const char *sep)
{
    const egaf_value *v = egaf_element_get(el, f);
    if (!v)
        return "";
    if (v->type != EGAF_FT_REFS)
        return ref_name(b, egaf_element_text(el, f));
    egaf_buf buf;
    egaf_buf_init(&buf);
    for (size_t i = 0; i < v->u.list.count; i++) {
        if (i)
            egaf_buf_puts(&buf, sep);
        egaf_buf_puts(&buf, ref_name(b, v->u.list.items[i].s));
    }
    const char *s = egaf_arena_strdup(b->d->arena, buf.len ? buf.data : "");
    egaf_buf_free(&buf);
    if (!s)
        b->d->failed = true;
    return s ? s : "";
}

/* A whole number with its thousands grouped as the language writes them
 * (12.500 in Vietnamese, 12,500 in English). */
static const char *grouped(builder *b, long long n)
{
    char digits[32], out[48];
    snprintf(digits, sizeof digits, "%lld", n < 0 ? -n : n);
    size_t len = strlen(digits), o = 0;
    if (n < 0)
        out[o++] = '-';
    for (size_t i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            out[o++] = b->english ? ',' : '.';
        out[o++] = digits[i];
    }
    out[o] = '\0';
    return fmt(b->d, "%s", out);
}

static const char *name_of(const egaf_element *el)
{
    return el->name ? el->name : el->id ? el->id : el->display ? el->display : "";
}

/* How many elements of kind pass keep and, when has is not EGAF_F__COUNT,
 * have field has (or also has2). */
static size_t count_kept(const builder *b, egaf_kind kind, bool (*keep)(const egaf_element *),
                         egaf_field has, egaf_field has2)
{
    size_t n = 0;
    for (size_t i = 0; i < b->m->counts[kind]; i++) {
        const egaf_element *el = b->m->elements[kind][i];
        if (!keep(el))
            continue;
        if (has == EGAF_F__COUNT || egaf_element_get(el, has) ||
            (has2 != EGAF_F__COUNT && egaf_element_get(el, has2)))
            n++;
    }
    return n;
}

static const unsigned w_elements[] = {46, 20, 16, 18};

/* One table of the elements of kind whose status passes keep. */
static void elements_table(builder *b, egaf_kind kind, const char *caption,
                           bool (*keep)(const egaf_element *))
{
    if (count_kept(b, kind, keep, EGAF_F__COUNT, EGAF_F__COUNT) == 0)
        return;
    table t = table_begin(b, caption, 4, w_elements, _("Name"), _("Id"), _("Kind or role"),
                          _("Status"));
    for (size_t i = 0; i < b->m->counts[kind]; i++) {
        const egaf_element *el = b->m->elements[kind][i];
        if (!keep(el))
            continue;
        /* the role or kind by its label, as the site and the diagrams say it */
        const char *kr = egaf_label_value_or_raw(kind, EGAF_F_ROLE,
                                                 egaf_element_text(el, EGAF_F_ROLE), b->english);
        if (!kr)
            kr = egaf_label_value_or_raw(kind, EGAF_F_KIND, egaf_element_text(el, EGAF_F_KIND),
                                         b->english);
        const char *row[4] = {el->name ? el->name : el->id, el->id, kr, status_text(el)};
        table_row(&t, row);
    }
}

/* An integration's route by its label ("a: qua LGSP và NGSP"). */
static const char *route_text(const builder *b, const egaf_element *el)
{
    const char *route = egaf_element_text(el, EGAF_F_ROUTE);
    return route ? egaf_label_value_or_raw(EGAF_K_INTEGRATION, EGAF_F_ROUTE, route, b->english)
                 : "";
}

static const unsigned w_integrations[] = {30, 30, 26, 14};

static void integrations_table(builder *b, const char *caption,
                               bool (*keep)(const egaf_element *))
{
    if (count_kept(b, EGAF_K_INTEGRATION, keep, EGAF_F__COUNT, EGAF_F__COUNT) == 0)
        return;
    table t = table_begin(b, caption, 4, w_integrations, _("From"), _("To"), _("Through"),
                          _("Route"));
    for (size_t i = 0; i < b->m->counts[EGAF_K_INTEGRATION]; i++) {
        const egaf_element *el = b->m->elements[EGAF_K_INTEGRATION][i];
        if (!keep(el))
            continue;
        const char *row[4] = {ref_name(b, egaf_element_text(el, EGAF_F_FROM)),
                              ref_name(b, egaf_element_text(el, EGAF_F_TO)),
                              ref_name(b, egaf_element_text(el, EGAF_F_VIA)),
                              route_text(b, el)};
        table_row(&t, row);
    }
}

static const unsigned w_units[] = {40, 20, 18, 22};

/* The agency's units (sở, ban, ngành, districts, communes): name, kind,
 * organ code and the unit they belong to. */
static void units_table(builder *b, bool (*keep)(const egaf_element *), const char *which)
{
    if (count_kept(b, EGAF_K_UNIT, keep, EGAF_F__COUNT, EGAF_F__COUNT) == 0)
        return;
    table t = table_begin(b, fmt(b->d, "%s (%s)", egaf_label_kind(EGAF_K_UNIT, b->english), which),
                          4, w_units, field_label(b, EGAF_F_NAME), field_label(b, EGAF_F_KIND),
                          field_label(b, EGAF_F_ORGAN_CODE), field_label(b, EGAF_F_PARENT));
    for (size_t i = 0; i < b->m->counts[EGAF_K_UNIT]; i++) {
        const egaf_element *el = b->m->elements[EGAF_K_UNIT][i];
        if (!keep(el))
            continue;
        const char *row[4] = {name_of(el), value_label(b, el, EGAF_F_KIND),
                              text_of(el, EGAF_F_ORGAN_CODE),
                              ref_name(b, egaf_element_text(el, EGAF_F_PARENT))};
        table_row(&t, row);
    }
}

static const unsigned w_relations[] = {27, 27, 16, 30};

/* The business relations between units (the document's figures of how the
 * departments work together), as a table. */
static void relations_table(builder *b, bool (*keep)(const egaf_element *), const char *which)
{
    if (count_kept(b, EGAF_K_RELATION, keep, EGAF_F__COUNT, EGAF_F__COUNT) == 0)
        return;
    table t = table_begin(
        b, fmt(b->d, "%s (%s)", egaf_label_kind(EGAF_K_RELATION, b->english), which), 4,
        w_relations, field_label(b, EGAF_F_FROM), field_label(b, EGAF_F_TO),
        field_label(b, EGAF_F_KIND), field_label(b, EGAF_F_DATA));
    for (size_t i = 0; i < b->m->counts[EGAF_K_RELATION]; i++) {
        const egaf_element *el = b->m->elements[EGAF_K_RELATION][i];
        if (!keep(el))
            continue;
        const char *data = joined(b, el, EGAF_F_DATA);
        if (el->name)
            data = *data ? fmt(b->d, "%s: %s", el->name, data) : el->name;
        const char *row[4] = {ref_name(b, egaf_element_text(el, EGAF_F_FROM)),
                              ref_name(b, egaf_element_text(el, EGAF_F_TO)),
                              value_label(b, el, EGAF_F_KIND), data};
        table_row(&t, row);
    }
}

static const unsigned w_channel_apps[] = {40, 20, 40};

/* Channels that are applications (the province's mobile app). */
static void channel_apps_table(builder *b, bool (*keep)(const egaf_element *), const char *which)
{
    if (count_kept(b, EGAF_K_CHANNEL, keep, EGAF_F_APPLICATION, EGAF_F__COUNT) == 0)
        return;
    table t = table_begin(b, fmt(b->d, "%s (%s)", _("Channels that are applications"), which), 3,
                          w_channel_apps, egaf_label_kind(EGAF_K_CHANNEL, b->english),
                          field_label(b, EGAF_F_KIND), field_label(b, EGAF_F_APPLICATION));
    for (size_t i = 0; i < b->m->counts[EGAF_K_CHANNEL]; i++) {
        const egaf_element *el = b->m->elements[EGAF_K_CHANNEL][i];
        if (!keep(el) || !egaf_element_get(el, EGAF_F_APPLICATION))
            continue;
        const char *row[3] = {name_of(el), value_label(b, el, EGAF_F_KIND),
                              ref_name(b, egaf_element_text(el, EGAF_F_APPLICATION))};
        table_row(&t, row);
    }
}

static const unsigned w_app_users[] = {34, 36, 30};

/* Who uses each application: the units, and the officials and leaders. */
static void app_users_table(builder *b, bool (*keep)(const egaf_element *), const char *which)
{
    if (count_kept(b, EGAF_K_APPLICATION, keep, EGAF_F_USERS, EGAF_F_ACTORS) == 0)
        return;
    table t = table_begin(b, fmt(b->d, "%s (%s)", _("Users of the applications"), which), 3,
                          w_app_users, egaf_label_kind(EGAF_K_APPLICATION, b->english),
                          field_label(b, EGAF_F_USERS),
                          field_label(b, EGAF_F_ACTORS));
    for (size_t i = 0; i < b->m->counts[EGAF_K_APPLICATION]; i++) {
        const egaf_element *el = b->m->elements[EGAF_K_APPLICATION][i];
        if (!keep(el) || (!egaf_element_get(el, EGAF_F_USERS) && !egaf_element_get(el, EGAF_F_ACTORS)))
            continue;
        const char *row[3] = {name_of(el), ref_names(b, el, EGAF_F_USERS, ", "),
                              ref_names(b, el, EGAF_F_ACTORS, ", ")};
        table_row(&t, row);
    }
}

static const unsigned w_hosting[] = {36, 18, 26, 20};

/* Who provides the platforms and the infrastructure, and how they are
 * hosted (own, leased from a telecom operator, the government cloud). */
static void hosting_table(builder *b, bool (*keep)(const egaf_element *), const char *which)
{
    static const egaf_kind kinds[] = {EGAF_K_INFRASTRUCTURE, EGAF_K_PLATFORM};
    size_t n = 0;
    for (size_t k = 0; k < 2; k++)
        n += count_kept(b, kinds[k], keep, EGAF_F_PROVIDER, EGAF_F_HOSTING);
    if (n == 0)
        return;
    table t = table_begin(b, fmt(b->d, "%s (%s)", _("Providers and hosting"), which), 4, w_hosting,
                          field_label(b, EGAF_F_NAME), field_label(b, EGAF_F_KIND),
                          field_label(b, EGAF_F_PROVIDER), field_label(b, EGAF_F_HOSTING));
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < b->m->counts[kinds[k]]; i++) {
            const egaf_element *el = b->m->elements[kinds[k]][i];
            if (!keep(el) ||
                (!egaf_element_get(el, EGAF_F_PROVIDER) && !egaf_element_get(el, EGAF_F_HOSTING)))
                continue;
            const char *row[4] = {name_of(el), value_label(b, el, EGAF_F_KIND),
                                  text_of(el, EGAF_F_PROVIDER), value_label(b, el, EGAF_F_HOSTING)};
            table_row(&t, row);
        }
}

static bool current(const egaf_element *el)
{
    return !is_status(el, "planned");
}

static bool target(const egaf_element *el)
{
    return !is_status(el, "retired");
}

/* ---- diagrams ---- */

static unsigned be32(const unsigned char *p)
{
    return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

static void figure(builder *b, egaf_view view, const char *caption, egaf_diags *diags,
                   const egaf_doc_options *o)
{
    if (o->no_diagrams || !o->gv)
        return;
    /* at most the text area of a landscape A4 page, at 150 dots per inch:
     * sharp when printed, small enough that the document opens quickly */
    egaf_render_options ro = {.lang = o->english ? EGAF_LANG_EN : EGAF_LANG_VI,
                              .paper = EGAF_PAPER_A4,
                              .dpi = 150};
    Agraph_t *g = egaf_view_build(view, b->m, b->refs, b->year, &ro, diags);
    if (!g) {
        b->d->failed = true;
        return;
    }
    egaf_buf png;
    egaf_buf_init(&png);
    int rc = egaf_render_graph(o->gv, g, EGAF_OUT_PNG, &png, diags, b->m->path);
    egaf_view_free(g);
    /* a PNG: the signature, then IHDR with width and height */
    if (rc != 0 || png.len < 24 || memcmp(png.data, "\x89PNG", 4) != 0) {
        egaf_buf_free(&png);
        return;
    }
    egaf_block *f = add(b->d, EGAF_BLOCK_FIGURE);
    unsigned char *copy = egaf_arena_alloc(b->d->arena, png.len);
    if (!f || !copy) {
        b->d->failed = true;
        egaf_buf_free(&png);
        return;
    }
    memcpy(copy, png.data, png.len);
    f->png = copy;
    f->png_len = png.len;
    f->width = be32(copy + 16);
    f->height = be32(copy + 20);
    f->landscape = f->width > f->height * 13 / 10;
    b->figures++;
    f->text = fmt(b->d, _("Figure %d. %s"), b->figures, caption);
    egaf_buf_free(&png);
}

/* ---- chapters ---- */

static const char *header_text(const egaf_model *m, egaf_field f)
{
    return m->header ? egaf_element_text(m->header, f) : NULL;
}

static void chapter_general(builder *b)
{
    const egaf_model *m = b->m;
    heading(b, 1, _("General information and legal basis"));
    heading(b, 2, _("General information"));
    static const unsigned w[] = {30, 70};
    table t = table_begin(b, _("General information of the architecture"), 2, w, _("Item"),
                          _("Content"));
    const char *agency = header_text(m, EGAF_F_AGENCY);
    const egaf_ref_entry *a = agency && b->refs ? egaf_refs_agency(b->refs, agency, b->year) : NULL;
    const char *period = "";
    const egaf_value *p = m->header ? egaf_element_get(m->header, EGAF_F_PERIOD) : NULL;
    if (p)
        period = fmt(b->d, "%lld–%lld", p->u.period.from, p->u.period.to);
    const char *rows[][2] = {
        {_("Name"), header_text(m, EGAF_F_NAME)},
        {_("Agency"), a && a->name ? fmt(b->d, "%s (%s)", a->name, agency) : agency},
        {_("Version"), header_text(m, EGAF_F_VERSION)},
        {_("Year of the reference data"), fmt(b->d, "%d", b->year)},
        {_("Period"), period},
        {_("Framework edition"), m->framework.s},
        {_("Approved by"), header_text(m, EGAF_F_APPROVED_BY)},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        table_row(&t, rows[i]);

    heading(b, 2, _("Vision, goals, scope and principles"));
    if (header_text(m, EGAF_F_VISION))
        para(b, fmt(b->d, "%s: %s", _("Vision"), header_text(m, EGAF_F_VISION)));
    const egaf_value *goals = m->header ? egaf_element_get(m->header, EGAF_F_GOALS) : NULL;
    if (goals) {
        para(b, fmt(b->d, "%s:", _("Goals")));
        for (size_t i = 0; i < goals->u.list.count; i++)
            bullet(b, goals->u.list.items[i].s);
    }
    if (header_text(m, EGAF_F_SCOPE))
        para(b, fmt(b->d, "%s: %s", _("Scope"), header_text(m, EGAF_F_SCOPE)));
    const egaf_value *pr = m->header ? egaf_element_get(m->header, EGAF_F_PRINCIPLES) : NULL;
    if (pr) {
        para(b, fmt(b->d, "%s:", _("Principles")));
        for (size_t i = 0; i < pr->u.list.count; i++)
            bullet(b, pr->u.list.items[i].s);
    }

    heading(b, 2, _("Legal basis"));
    /* the model's own list first, numbered as the document numbers its
     * căn cứ; then the framework edition, unless the list already cites its
     * instrument, and the approving decision */
    const egaf_value *basis = m->header ? egaf_element_get(m->header, EGAF_F_LEGAL_BASIS) : NULL;
    int item = 0;
    bool framework_cited = false;
    const egaf_ref_framework *fw =
        b->refs && m->framework.s ? egaf_refs_framework(b->refs, m->framework.s) : NULL;
    /* the instrument by its number ("292/QĐ-BKHCN" of "QĐ 292/QĐ-BKHCN"):
     * the list may spell the kind out ("Quyết định 292/QĐ-BKHCN") */
    const char *number = fw && fw->instrument ? strchr(fw->instrument, ' ') : NULL;
    number = number ? number + 1 : fw ? fw->instrument : NULL;
    for (size_t i = 0; basis && i < basis->u.list.count; i++) {
        const char *text = basis->u.list.items[i].s ? basis->u.list.items[i].s : "";
        if (number && *number && strstr(text, number))
            framework_cited = true;
        numbered(b, ++item, text);
    }
    if (fw && !framework_cited)
        numbered(b, ++item,
                 fmt(b->d, "%s%s%s%s", fw->name ? fw->name : fw->edition,
                     fw->instrument ? " (" : "", fw->instrument ? fw->instrument : "",
                     fw->instrument ? ")" : ""));
    if (header_text(m, EGAF_F_APPROVED_BY))
        numbered(b, ++item, header_text(m, EGAF_F_APPROVED_BY));
    if (item == 0)
        para(b, _("The model states no legal basis."));
}

/* The layers of an architecture, each with what it holds. */
static void layers(builder *b, bool (*keep)(const egaf_element *), const char *which,
                   egaf_diags *diags, const egaf_doc_options *o)
{
    bool with_figures = keep == target;
    heading(b, 2, _("Business architecture"));
    if (with_figures)
        figure(b, EGAF_VIEW_OVERVIEW, fmt(b->d, "%s (%s)", _("Overview of the architecture"), which),
               diags, o);
    elements_table(b, EGAF_K_ACTOR, fmt(b->d, "%s (%s)", _("Actors"), which), keep);
    elements_table(b, EGAF_K_CHANNEL, fmt(b->d, "%s (%s)", _("Channels"), which), keep);
    channel_apps_table(b, keep, which);
    elements_table(b, EGAF_K_FUNCTION, fmt(b->d, "%s (%s)", _("Business functions"), which), keep);
    elements_table(b, EGAF_K_SERVICE, fmt(b->d, "%s (%s)", _("Public services"), which), keep);
    /* the organisation once, in the current architecture: the target keeps it */
    if (!with_figures) {
        if (egaf_view_applies(EGAF_VIEW_ORGANISATION, b->m))
            figure(b, EGAF_VIEW_ORGANISATION,
                   fmt(b->d, "%s (%s)",
                       egaf_view_title(EGAF_VIEW_ORGANISATION,
                                       b->english ? EGAF_LANG_EN : EGAF_LANG_VI),
                       which),
                   diags, o);
        units_table(b, keep, which);
        relations_table(b, keep, which);
    }
    heading(b, 2, _("Data architecture"));
    if (with_figures)
        figure(b, EGAF_VIEW_DATA, fmt(b->d, "%s (%s)", _("Data architecture"), which), diags, o);
    elements_table(b, EGAF_K_DATABASE, fmt(b->d, "%s (%s)", _("Databases"), which), keep);
    heading(b, 2, _("Application architecture"));
    if (with_figures)
        figure(b, EGAF_VIEW_INTEGRATION, fmt(b->d, "%s (%s)", _("Integrations"), which), diags, o);
    elements_table(b, EGAF_K_APPLICATION, fmt(b->d, "%s (%s)", _("Applications"), which), keep);
    app_users_table(b, keep, which);
    elements_table(b, EGAF_K_PLATFORM, fmt(b->d, "%s (%s)", _("Platforms"), which), keep);
    integrations_table(b, fmt(b->d, "%s (%s)", _("Integrations"), which), keep);
    heading(b, 2, _("Technology architecture"));
    if (with_figures)
        figure(b, EGAF_VIEW_TECHNOLOGY, fmt(b->d, "%s (%s)", _("Technology architecture"), which),
               diags, o);
    elements_table(b, EGAF_K_INFRASTRUCTURE, fmt(b->d, "%s (%s)", _("Infrastructure"), which), keep);
    hosting_table(b, keep, which);
    heading(b, 2, _("Security architecture"));
    if (with_figures)
        figure(b, EGAF_VIEW_SECURITY, fmt(b->d, "%s (%s)", _("Security architecture"), which),
               diags, o);
    elements_table(b, EGAF_K_CONTROL, fmt(b->d, "%s (%s)", _("Security controls"), which), keep);
}

static void chapter_assessment(builder *b)
{
    heading(b, 1, _("Assessment of the current architecture"));
    egaf_diags *found = egaf_diags_create();
    egaf_validator *v = b->refs && found ? egaf_validator_create(b->refs) : NULL;
    if (!v) {
        para(b, _("The reference models were not available: the architecture was not checked."));
        egaf_diags_free(found);
        return;
    }
    egaf_model *models[1] = {(egaf_model *)b->m};
    egaf_validate(v, models, 1, found);
    egaf_validator_free(v);
    egaf_diags_sort(found);
    egaf_diag_counts c = egaf_diags_counts(found);
    para(b, fmt(b->d,
                _("Checked against the national framework and reference models as of %d: "
                  "%zu errors, %zu warnings, %zu notes, %zu waived."),
                b->year, c.errors, c.warnings, c.notes, c.suppressed));
    if (egaf_diags_count(found)) {
        static const unsigned w[] = {22, 14, 64};
        table t = table_begin(b, _("Findings of the conformance check"), 3, w, _("Rule"),
                              _("Severity"), _("Finding"));
        for (size_t i = 0; i < egaf_diags_count(found); i++) {
            const egaf_finding *f = egaf_diags_at(found, i);
            const char *sev = f->waiver ? _("waived")
                              : f->severity == EGAF_SEV_ERROR ? _("error")
                              : f->severity == EGAF_SEV_WARNING ? _("warning")
                                                                : _("note");
            const char *row[3] = {f->rule, sev, f->message};
            table_row(&t, row);
        }
    }
    egaf_diags_free(found);
}

/* A roadmap task's name, by its id. */
static const char *task_name(const egaf_model *m, const char *id)
{
    for (size_t i = 0; i < m->counts[EGAF_K_ROADMAP]; i++) {
        const egaf_element *t = m->elements[EGAF_K_ROADMAP][i];
        if (t->id && strcmp(t->id, id) == 0)
            return t->name ? t->name : t->id;
    }
    return id;
}

/* The gap as `egaf gap` computes it (diff/gap.h): what is to be built,
 * changed, retired and integrated, each with the tasks that close it. */
static void chapter_gap(builder *b)
{
    heading(b, 1, _("Gap analysis"));
    para(b, _("What is to be built, changed, retired and integrated to go from the current to "
              "the target architecture, with the roadmap tasks that close each gap."));
    egaf_gap *gap = egaf_gap_compute(b->m);
    if (!gap) {
        b->d->failed = true;
        return;
    }
    if (gap->nitems == 0) {
        para(b, _("The model plans no new element and retires none."));
        egaf_gap_free(gap);
        return;
    }
    static const unsigned w[] = {40, 16, 14, 30};
    table t = table_begin(b, _("Gaps between the current and the target architecture"), 4, w,
                          _("Element"), _("Kind"), _("Change"), _("Roadmap task"));
    for (size_t i = 0; i < gap->nitems; i++) {
        const egaf_gap_item *it = &gap->items[i];
        const char *what = it->name ? it->name : it->id;
        if (it->kind == EGAF_K_INTEGRATION)
            what = fmt(b->d, "%s → %s", it->from ? it->from : "?", it->to ? it->to : "?");
        const char *change = egaf_gap_action_title(it->action);
        if (it->replaces)
            change = fmt(b->d, _("%s (replaces %s)"), change, it->replaces);
        egaf_buf tasks;
        egaf_buf_init(&tasks);
        for (size_t k = 0; k < it->ntasks; k++)
            egaf_buf_printf(&tasks, "%s%s", k ? "; " : "", task_name(b->m, it->tasks[k]));
        const egaf_kind_spec *spec = egaf_kind_info(it->kind);
        const char *row[4] = {what ? what : "", spec ? _(spec->noun) : "", change,
                              it->ntasks ? fmt(b->d, "%s", tasks.data ? tasks.data : "")
                                         : _("no task (uncovered)")};
        if (tasks.failed)
            b->d->failed = true;
        egaf_buf_free(&tasks);
        table_row(&t, row);
    }
    egaf_gap_free(gap);
}

/* The measurable targets: indicator, baseline, value and year, and the
 * national target each serves. */
static void chapter_targets(builder *b)
{
    heading(b, 1, _("Goals and targets"));
    if (b->m->counts[EGAF_K_TARGET] == 0) {
        para(b, _("The model sets no measurable target."));
        return;
    }
    static const unsigned w[] = {18, 22, 10, 13, 10, 10, 17};
    table t = table_begin(b, egaf_label_kind(EGAF_K_TARGET, b->english), 7, w,
                          field_label(b, EGAF_F_NAME), field_label(b, EGAF_F_INDICATOR),
                          field_label(b, EGAF_F_BASELINE), field_label(b, EGAF_F_BASELINE_YEAR),
                          field_label(b, EGAF_F_VALUE), field_label(b, EGAF_F_YEAR),
                          field_label(b, EGAF_F_NATIONAL));
    for (size_t i = 0; i < b->m->counts[EGAF_K_TARGET]; i++) {
        const egaf_element *el = b->m->elements[EGAF_K_TARGET][i];
        const egaf_value *by = egaf_element_get(el, EGAF_F_BASELINE_YEAR);
        const egaf_value *year = egaf_element_get(el, EGAF_F_YEAR);
        const char *row[7] = {name_of(el),
                              text_of(el, EGAF_F_INDICATOR),
                              text_of(el, EGAF_F_BASELINE),
                              by ? fmt(b->d, "%lld", by->u.num) : "",
                              text_of(el, EGAF_F_VALUE),
                              year ? fmt(b->d, "%lld", year->u.num) : "",
                              text_of(el, EGAF_F_NATIONAL)};
        table_row(&t, row);
    }
}

static void chapter_roadmap(builder *b)
{
    heading(b, 1, _("Roadmap and list of tasks"));
    if (b->m->counts[EGAF_K_ROADMAP] == 0) {
        para(b, _("The model has no roadmap."));
        return;
    }
    /* who, when, paid from where and how much; the budget as a number in
     * millions of đồng (the text `budget` when a task has no number), and
     * the total of the numbers */
    static const unsigned w[] = {25, 10, 8, 16, 18, 11, 12};
    table t = table_begin(b, _("Tasks of the roadmap"), 7, w, _("Task"), _("Period"),
                          field_label(b, EGAF_F_PRIORITY), field_label(b, EGAF_F_LEAD),
                          field_label(b, EGAF_F_PARTNERS), field_label(b, EGAF_F_FUNDING),
                          field_label(b, EGAF_F_BUDGET_MILLION));
    long long total = 0;
    size_t numbers = 0;
    for (size_t i = 0; i < b->m->counts[EGAF_K_ROADMAP]; i++) {
        const egaf_element *el = b->m->elements[EGAF_K_ROADMAP][i];
        const egaf_value *from = egaf_element_get(el, EGAF_F_YEAR_FROM);
        const egaf_value *to = egaf_element_get(el, EGAF_F_YEAR_TO);
        const egaf_value *prio = egaf_element_get(el, EGAF_F_PRIORITY);
        const egaf_value *million = egaf_element_get(el, EGAF_F_BUDGET_MILLION);
        if (million) {
            total += million->u.num;
            numbers++;
        }
        const char *row[7] = {
            name_of(el),
            from && to ? fmt(b->d, "%lld–%lld", from->u.num, to->u.num) : "",
            prio ? fmt(b->d, "%lld", prio->u.num) : "",
            ref_name(b, egaf_element_text(el, EGAF_F_LEAD)),
            ref_names(b, el, EGAF_F_PARTNERS, ", "),
            value_label(b, el, EGAF_F_FUNDING),
            million ? grouped(b, million->u.num) : text_of(el, EGAF_F_BUDGET)};
        table_row(&t, row);
    }
    if (numbers) {
        const char *row[7] = {_("Total"), "", "", "", "", "", grouped(b, total)};
        table_row(&t, row);
    }

    static const unsigned w2[] = {27, 24, 20, 13, 16};
    table r = table_begin(b, _("Results and progress of the tasks"), 5, w2, _("Task"),
                          field_label(b, EGAF_F_DELIVERS), field_label(b, EGAF_F_OUTPUTS),
                          field_label(b, EGAF_F_PROGRESS), field_label(b, EGAF_F_DEPENDS_ON));
    for (size_t i = 0; i < b->m->counts[EGAF_K_ROADMAP]; i++) {
        const egaf_element *el = b->m->elements[EGAF_K_ROADMAP][i];
        const char *row[5] = {name_of(el), ref_names(b, el, EGAF_F_DELIVERS, "; "),
                              joined_with(b, el, EGAF_F_OUTPUTS, "; "),
                              value_label(b, el, EGAF_F_PROGRESS),
                              ref_names(b, el, EGAF_F_DEPENDS_ON, "; ")};
        table_row(&r, row);
    }
}

/* The solutions in the order the framework's guidance gives them:
 * governance, staffing, policy and finance, then the other kinds. */
static void chapter_solutions(builder *b)
{
    static const char *const kinds[] = {"governance", "staffing", "policy",     "finance",
                                        "technology", "cooperation", "other"};
    heading(b, 1, _("Solutions for implementation"));
    size_t total = b->m->counts[EGAF_K_SOLUTION];
    if (total == 0 && !b->m->organisation.s) {
        para(b, _("The model does not describe the organisation of the implementation."));
        return;
    }
    static const unsigned w[] = {46, 24, 30};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        size_t n = 0;
        for (size_t i = 0; i < total; i++) {
            const char *kind = egaf_element_text(b->m->elements[EGAF_K_SOLUTION][i], EGAF_F_KIND);
            n += kind && strcmp(kind, kinds[k]) == 0;
        }
        bool governance = k == 0;
        if (n == 0 && !(governance && b->m->organisation.s))
            continue;
        const char *label =
            egaf_label_value_or_raw(EGAF_K_SOLUTION, EGAF_F_KIND, kinds[k], b->english);
        heading(b, 2, governance ? _("Organisation and governance") : label);
        if (governance && b->m->organisation.s)
            para(b, b->m->organisation.s);
        if (n == 0)
            continue;
        table t = table_begin(
            b, fmt(b->d, "%s: %s", egaf_label_kind(EGAF_K_SOLUTION, b->english), label), 3, w,
            field_label(b, EGAF_F_NAME), field_label(b, EGAF_F_LEAD), field_label(b, EGAF_F_SERVES));
        for (size_t i = 0; i < total; i++) {
            const egaf_element *el = b->m->elements[EGAF_K_SOLUTION][i];
            const char *kind = egaf_element_text(el, EGAF_F_KIND);
            if (!kind || strcmp(kind, kinds[k]) != 0)
                continue;
            const char *row[3] = {name_of(el), ref_name(b, egaf_element_text(el, EGAF_F_LEAD)),
                                  ref_names(b, el, EGAF_F_SERVES, "; ")};
            table_row(&t, row);
        }
    }
}

static void annex_components(builder *b)
{
    heading(b, 1, _("Annex: components of the architecture"));
    /* every element once, on a line of its own: the tables' narrow cells
     * wrap a long name; targets and solutions have no status to show */
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++) {
        /* integrations and relations have their own tables, often no id */
        if (b->m->counts[k] == 0 || k == EGAF_K_INTEGRATION || k == EGAF_K_RELATION)
            continue;
        const egaf_kind_spec *spec = egaf_kind_info((egaf_kind)k);
        heading(b, 2, fmt(b->d, "%s (%zu)", _(spec->noun), b->m->counts[k]));
        for (size_t i = 0; i < b->m->counts[k]; i++) {
            const egaf_element *el = b->m->elements[k][i];
            if (k == EGAF_K_TARGET || k == EGAF_K_SOLUTION)
                bullet(b, fmt(b->d, "%s — %s", name_of(el), el->id ? el->id : ""));
            else
                bullet(b, fmt(b->d, "%s — %s — %s", name_of(el), el->id ? el->id : "",
                              status_text(el)));
        }
    }
}

static void annex_standards(builder *b)
{
    heading(b, 1, _("Annex: technical standards"));
    if (b->m->counts[EGAF_K_STANDARD] == 0) {
        para(b, _("The model lists no technical standard."));
        return;
    }
    static const unsigned w[] = {20, 34, 20, 26};
    table t = table_begin(b, egaf_label_kind(EGAF_K_STANDARD, b->english), 4, w,
                          field_label(b, EGAF_F_CODE), field_label(b, EGAF_F_NAME),
                          field_label(b, EGAF_F_INSTRUMENT), field_label(b, EGAF_F_APPLIES_TO));
    for (size_t i = 0; i < b->m->counts[EGAF_K_STANDARD]; i++) {
        const egaf_element *el = b->m->elements[EGAF_K_STANDARD][i];
        const char *row[4] = {text_of(el, EGAF_F_CODE), name_of(el),
                              text_of(el, EGAF_F_INSTRUMENT),
                              ref_names(b, el, EGAF_F_APPLIES_TO, "; ")};
        table_row(&t, row);
    }
}

static void annex_integrations(builder *b)
{
    heading(b, 1, _("Annex: integrations"));
    if (b->m->counts[EGAF_K_INTEGRATION] == 0) {
        para(b, _("The model has no integration."));
        return;
    }
    for (size_t i = 0; i < b->m->counts[EGAF_K_INTEGRATION]; i++) {
        const egaf_element *el = b->m->elements[EGAF_K_INTEGRATION][i];
        const char *via = egaf_element_text(el, EGAF_F_VIA);
        const char *data = joined(b, el, EGAF_F_DATA);
        bullet(b, fmt(b->d, "%s → %s%s%s%s%s", ref_name(b, egaf_element_text(el, EGAF_F_FROM)),
                      ref_name(b, egaf_element_text(el, EGAF_F_TO)), via ? " (" : "",
                      via ? ref_name(b, via) : "", via ? ")" : "",
                      *data ? fmt(b->d, ": %s", data) : ""));
    }
}

egaf_doc *egaf_doc_build(const egaf_model *model, const egaf_refs *refs,
                         const egaf_doc_options *options, egaf_diags *diags)
{
    egaf_arena *arena;
    egaf_doc *d = egaf_calloc_with_arena(sizeof(*d), &arena);
    if (!d)
        return NULL;
    d->arena = arena;
    egaf_doc_options none = {false, true, NULL};
    const egaf_doc_options *o = options ? options : &none;
    d->lang = o->english ? "en" : "vi";
    builder b;
    memset(&b, 0, sizeof(b));
    b.d = d;
    b.m = model;
    b.refs = refs;
    b.english = o->english;
    const egaf_value *y = model->header ? egaf_element_get(model->header, EGAF_F_YEAR) : NULL;
    b.year = y ? (int)y->u.num : 0;

    const char *name = header_text(model, EGAF_F_NAME);
    d->title = fmt(d, "%s", name ? name : model->id);
    egaf_block *t = add(d, EGAF_BLOCK_TITLE);
    if (t) {
        t->text = d->title;
        t->lines = egaf_arena_alloc(d->arena, 3 * sizeof(char *));
        if (t->lines) {
            const char *version = header_text(model, EGAF_F_VERSION);
            const char *approved = header_text(model, EGAF_F_APPROVED_BY);
            if (version)
                t->lines[t->nlines++] = fmt(d, "%s %s", _("Version"), version);
            if (approved)
                t->lines[t->nlines++] = fmt(d, "%s", approved);
            t->lines[t->nlines++] = fmt(d, _("Generated by egaf from the model %s"), model->id);
        }
    }
    text_block(d, EGAF_BLOCK_TOC, 0, _("Table of contents"));
    chapter_general(&b);
    chapter_targets(&b);
    heading(&b, 1, _("Current architecture"));
    layers(&b, current, _("current"), diags, o);
    chapter_assessment(&b);
    heading(&b, 1, _("Target architecture"));
    layers(&b, target, _("target"), diags, o);
    chapter_gap(&b);
    chapter_roadmap(&b);
    chapter_solutions(&b);
    annex_components(&b);
    annex_integrations(&b);
    annex_standards(&b);
    return d;
}

void egaf_doc_free(egaf_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->count; i++)
        if (d->blocks[i].kind == EGAF_BLOCK_TABLE)
            free(d->blocks[i].cells);
    free(d->blocks);
    egaf_arena_free(d->arena);
    free(d);
}
