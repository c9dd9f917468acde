/* schema_json.c - the JSON Schema of the model format, from the format table
 * and the reference models. */
#include "export/schema_json.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "model/format.h"
#include "model/labels.h"

#define ID_PATTERN "^[a-z0-9]+(-[a-z0-9]+)*$"
/* ARCH:ID, where ARCH is not the reserved prefix "national" */
#define ARCH_REF_PATTERN "^(?!national:)[a-z0-9]+(-[a-z0-9]+)*:[a-z0-9]+(-[a-z0-9]+)*$"
#define NATIONAL_PATTERN "^national:[a-z0-9]+(-[a-z0-9]+)*$"
#define ORGAN_CODE_PATTERN "^\\d{3}\\.\\d{2}\\.\\d{2}\\.[GH]\\d{2}$"

/* ---- a small pretty-printing JSON writer ---- */

typedef struct jw {
    egaf_buf *b;
    int depth;
    bool comma;     /* the current container already has a member */
    bool after_key; /* a key was written; its value follows on the same line */
} jw;

static void newline(jw *w)
{
    egaf_buf_putc(w->b, '\n');
    for (int i = 0; i < w->depth; i++)
        egaf_buf_puts(w->b, "  ");
}

/* Before a value or a key: the separator and the indentation. */
static void pre(jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth > 0) {
        if (w->comma)
            egaf_buf_putc(w->b, ',');
        newline(w);
    }
}

static void jopen(jw *w, char c)
{
    pre(w);
    egaf_buf_putc(w->b, c);
    w->depth++;
    w->comma = false;
}

static void jclose(jw *w, char c)
{
    w->depth--;
    if (w->comma)
        newline(w);
    egaf_buf_putc(w->b, c);
    w->comma = true;
}

static void str(jw *w, const char *s)
{
    pre(w);
    egaf_buf_json_string(w->b, s);
    w->comma = true;
}

static void key(jw *w, const char *k)
{
    str(w, k);
    egaf_buf_puts(w->b, ": ");
    w->after_key = true;
}

static void raw(jw *w, const char *s)
{
    pre(w);
    egaf_buf_puts(w->b, s);
    w->comma = true;
}

static void num(jw *w, long v)
{
    pre(w);
    egaf_buf_printf(w->b, "%ld", v);
    w->comma = true;
}

static void kv_str(jw *w, const char *k, const char *v)
{
    key(w, k);
    str(w, v);
}

static void kv_ref(jw *w, const char *k, const char *target)
{
    key(w, k);
    jopen(w, '{');
    kv_str(w, "$ref", target);
    jclose(w, '}');
}

/* {"$ref": target} as an array item */
static void ref_item(jw *w, const char *target)
{
    jopen(w, '{');
    kv_str(w, "$ref", target);
    jclose(w, '}');
}

/* An object that takes only the properties it lists. */
static void closed_object(jw *w)
{
    kv_str(w, "type", "object");
    key(w, "additionalProperties");
    raw(w, "false");
}

/* A string that matches pattern, as a schema of its own. */
static void pattern_string(jw *w, const char *desc, const char *pattern)
{
    jopen(w, '{');
    kv_str(w, "description", desc);
    kv_str(w, "type", "string");
    kv_str(w, "pattern", pattern);
    jclose(w, '}');
}

static void int_range(jw *w, long min, long max)
{
    kv_str(w, "type", "integer");
    key(w, "minimum");
    num(w, min);
    key(w, "maximum");
    num(w, max);
}

/* ---- the pieces ---- */

typedef struct schema_ctx {
    jw w;
    const egaf_refs *refs;
    int year;     /* > 0: only what exists that year */
    bool english; /* labels in English, the Vietnamese name beside */
    egaf_kind kind; /* the kind whose fields are written */
} schema_ctx;

/* Whether the schema lists a reference entry: every entry, or those that
 * exist in the year asked for. */
static bool listed(const schema_ctx *c, const egaf_ref_entry *e)
{
    return c->year <= 0 || egaf_ref_valid_in(e, c->year);
}

/* A label as an editor shows it beside a value in completion: the
 * Vietnamese label, or the English one with the Vietnamese beside it. */
static const char *label_pair(const schema_ctx *c, egaf_buf *b, const char *vi, const char *en)
{
    egaf_buf_reset(b);
    if (c->english && en && vi && strcmp(en, vi) != 0)
        egaf_buf_printf(b, "%s (%s)", en, vi);
    else
        egaf_buf_puts(b, vi ? vi : en ? en : "");
    return b->failed || !b->data ? "" : b->data;
}

/* A reference entry's description: its name (Vietnamese; English first
 * with --lang en) and its abbreviation or organ code. */
static const char *entry_text(const schema_ctx *c, egaf_buf *b, const egaf_ref_entry *e,
                              const char *code)
{
    label_pair(c, b, e->name ? e->name : e->id, e->name_en);
    const char *extra = code ? code : e->abbr;
    if (extra)
        egaf_buf_printf(b, " · %s", extra);
    return b->failed || !b->data ? "" : b->data;
}

static const char *const text_types = "[\"string\", \"number\"]";

static void text_type(jw *w)
{
    key(w, "type");
    raw(w, text_types);
}

/* "k": {"description": desc, "type": text_types} */
static void text_property(jw *w, const char *k, const char *desc)
{
    key(w, k);
    jopen(w, '{');
    kv_str(w, "description", desc);
    text_type(w);
    jclose(w, '}');
}

static bool have_kind(const schema_ctx *c, egaf_ref_kind kind)
{
    if (!c->refs)
        return false;
    for (size_t i = 0; i < c->refs->nentries; i++)
        if (c->refs->entries[i]->kind == kind && listed(c, c->refs->entries[i]))
            return true;
    return false;
}

/* A string naming an entry of kind: "enum": [prefix + id, …] of every entry
 * listed, or, when the reference models have none, the pattern. */
static void ref_enum_schema(schema_ctx *c, egaf_ref_kind kind, const char *desc,
                            const char *prefix, const char *pattern)
{
    jw *w = &c->w;
    jopen(w, '{');
    kv_str(w, "description", desc);
    kv_str(w, "type", "string");
    if (have_kind(c, kind)) {
        key(w, "enum");
        jopen(w, '[');
        egaf_buf text;
        egaf_buf_init(&text);
        for (size_t i = 0; i < c->refs->nentries; i++) {
            const egaf_ref_entry *e = c->refs->entries[i];
            if (e->kind != kind || !listed(c, e))
                continue;
            egaf_buf_reset(&text);
            egaf_buf_printf(&text, "%s%s", prefix, e->id);
            str(w, text.failed || !text.data ? "" : text.data);
        }
        jclose(w, ']');
        /* the names editors show beside each id in completion */
        key(w, "enumDescriptions");
        jopen(w, '[');
        for (size_t i = 0; i < c->refs->nentries; i++) {
            const egaf_ref_entry *e = c->refs->entries[i];
            if (e->kind == kind && listed(c, e))
                str(w, entry_text(c, &text, e, NULL));
        }
        if (text.failed)
            w->b->failed = true;
        egaf_buf_free(&text);
        jclose(w, ']');
    } else {
        kv_str(w, "pattern", pattern);
    }
    jclose(w, '}');
}

static void national_enum(schema_ctx *c, egaf_ref_kind kind, const char *what)
{
    egaf_buf desc;
    egaf_buf_init(&desc);
    egaf_buf_printf(&desc, "a %s of the reference models, as national:ID (egaf refs list)",
                    what);
    ref_enum_schema(c, kind, desc.failed ? what : desc.data, "national:", NATIONAL_PATTERN);
    egaf_buf_free(&desc);
}

static bool seen_before(const char **values, size_t n, const char *v)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(values[i], v) == 0)
            return true;
    return false;
}

static void agency_schema(schema_ctx *c, const egaf_field_spec *fs)
{
    jw *w = &c->w;
    jopen(w, '{');
    kv_str(w, "description", fs->doc);
    key(w, "anyOf");
    jopen(w, '[');
    if (c->refs && have_kind(c, EGAF_RK_AGENCY)) {
        const char **seen = calloc(2 * c->refs->nentries + 1, sizeof(*seen));
        size_t nseen = 0;
        jopen(w, '{');
        kv_str(w, "description", "an agency id or organ code of the reference models");
        kv_str(w, "type", "string");
        key(w, "enum");
        jopen(w, '[');
        /* each id and organ code once; the descriptions follow the same
         * order, so the agency of each value is found again below */
        const egaf_ref_entry **owner = calloc(2 * c->refs->nentries + 1, sizeof(*owner));
        for (size_t i = 0; seen && owner && i < c->refs->nentries; i++) {
            const egaf_ref_entry *e = c->refs->entries[i];
            if (e->kind != EGAF_RK_AGENCY || !listed(c, e))
                continue;
            const char *vals[2] = {e->id, e->organ_code};
            for (int k = 0; k < 2; k++) {
                if (!vals[k] || seen_before(seen, nseen, vals[k]))
                    continue;
                owner[nseen] = e;
                seen[nseen++] = vals[k];
                str(w, vals[k]);
            }
        }
        jclose(w, ']');
        key(w, "enumDescriptions");
        jopen(w, '[');
        egaf_buf text;
        egaf_buf_init(&text);
        for (size_t i = 0; owner && i < nseen; i++) {
            const egaf_ref_entry *e = owner[i];
            /* an id is shown with the organ code, a code with the name */
            str(w, entry_text(c, &text, e, seen[i] == e->id ? e->organ_code : NULL));
        }
        if (text.failed)
            w->b->failed = true;
        egaf_buf_free(&text);
        jclose(w, ']');
        jclose(w, '}');
        if (!owner)
            w->b->failed = true;
        free(owner);
        free(seen);
        if (!seen)
            w->b->failed = true;
    }
    pattern_string(w, "an organ code (mã định danh, QĐ 20/2020/QĐ-TTg)", ORGAN_CODE_PATTERN);
    jclose(w, ']');
    jclose(w, '}');
}

static bool framework_listed(const schema_ctx *c, const egaf_ref_framework *f)
{
    return c->year <= 0 || egaf_ref_framework_valid_in(f, c->year);
}

static void framework_schema(schema_ctx *c)
{
    jw *w = &c->w;
    jopen(w, '{');
    kv_str(w, "description",
           "edition of the national framework (Khung Kiến trúc), e.g. \"2.0\"; quote it");
    key(w, "enum");
    jopen(w, '[');
    size_t n = c->refs ? c->refs->nframeworks : 0;
    static const char *const known[] = {"2.0", "3.0", "4.0"};
    if (n == 0) {
        for (size_t i = 0; i < 3; i++)
            str(w, known[i]);
    } else {
        for (size_t i = 0; i < n; i++)
            if (framework_listed(c, c->refs->frameworks[i]))
                str(w, c->refs->frameworks[i]->edition);
    }
    /* framework: 2.0 unquoted is a number in JSON; the loader takes it as
     * written, so its numeric value is accepted too */
    for (size_t i = 0; i < (n ? n : 3); i++) {
        if (n && !framework_listed(c, c->refs->frameworks[i]))
            continue;
        const char *ed = n ? c->refs->frameworks[i]->edition : known[i];
        char *end;
        double d = strtod(ed, &end);
        if (*end || end == ed || d < 0 || d > 1000)
            continue;
        pre(w);
        egaf_buf_printf(w->b, "%g", d);
        w->comma = true;
    }
    jclose(w, ']');
    /* each edition by its name and instrument, for the quoted and the
     * numeric value alike */
    key(w, "enumDescriptions");
    jopen(w, '[');
    egaf_buf text;
    egaf_buf_init(&text);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < (n ? n : 3); i++) {
            if (n && !framework_listed(c, c->refs->frameworks[i]))
                continue;
            const egaf_ref_framework *f = n ? c->refs->frameworks[i] : NULL;
            const char *ed = f ? f->edition : known[i];
            if (pass == 1) { /* the numbers above: only editions that are numbers */
                char *end;
                double d = strtod(ed, &end);
                if (*end || end == ed || d < 0 || d > 1000)
                    continue;
            }
            egaf_buf_reset(&text);
            if (f && f->name)
                egaf_buf_printf(&text, "%s%s%s", f->name, f->instrument ? " · " : "",
                                f->instrument ? f->instrument : "");
            else
                egaf_buf_printf(&text, "Khung Kiến trúc %s", ed);
            str(w, text.failed || !text.data ? "" : text.data);
        }
    if (text.failed)
        w->b->failed = true;
    egaf_buf_free(&text);
    jclose(w, ']');
    jclose(w, '}');
}

static const char *code_prefix(egaf_field f)
{
    switch (f) {
    case EGAF_F_BRM:
        return "BRM";
    case EGAF_F_DRM:
        return "DRM";
    case EGAF_F_ARM:
        return "ARM";
    case EGAF_F_TRM:
        return "TRM";
    case EGAF_F_SRM:
        return "SRM";
    default:
        return NULL;
    }
}

/* The alternatives one reference may take, given its targets. */
static void ref_alternatives(jw *w, unsigned targets)
{
    key(w, "anyOf");
    jopen(w, '[');
    ref_item(w, "#/definitions/local-ref");
    ref_item(w, "#/definitions/architecture-ref");
    if (targets & EGAF_T_NATIONAL_SYSTEM)
        ref_item(w, "#/definitions/national-system-ref");
    if (targets & EGAF_T_NATIONAL_DATABASE)
        ref_item(w, "#/definitions/national-database-ref");
    jclose(w, ']');
}

/* Writes the schema of one item of a list; targets is what a reference
 * item may name (EGAF_T_*), 0 for other items. */
typedef void item_writer(jw *w, unsigned targets);

static void reference_item(jw *w, unsigned targets)
{
    jopen(w, '{');
    ref_alternatives(w, targets);
    jclose(w, '}');
}

static void text_item(jw *w, unsigned targets)
{
    (void)targets;
    jopen(w, '{');
    text_type(w);
    jclose(w, '}');
}

static void data_subject_item(jw *w, unsigned targets)
{
    (void)targets;
    ref_item(w, "#/definitions/data-subject");
}

static void string_item(jw *w, unsigned targets)
{
    (void)targets;
    jopen(w, '{');
    kv_str(w, "type", "string");
    jclose(w, '}');
}

/* A value that is one item or a list of them (the loader takes both). */
static void one_or_list(jw *w, item_writer *item, unsigned targets)
{
    key(w, "anyOf");
    jopen(w, '[');
    item(w, targets);
    jopen(w, '{');
    kv_str(w, "type", "array");
    key(w, "items");
    item(w, targets);
    jclose(w, '}');
    jclose(w, ']');
}

static void field_schema(schema_ctx *c, const egaf_field_spec *fs)
{
    jw *w = &c->w;
    if (fs->field == EGAF_F_AGENCY) {
        agency_schema(c, fs);
        return;
    }
    jopen(w, '{');
    /* the key's label first ("Cấp độ an toàn — …"), then what it holds */
    egaf_buf d, l;
    egaf_buf_init(&d);
    egaf_buf_init(&l);
    egaf_buf_printf(&d, "%s — %s",
                    label_pair(c, &l, egaf_label_field(fs->field, false),
                               egaf_label_field(fs->field, true)),
                    fs->doc);
    if (fs->type == EGAF_FT_REF || fs->type == EGAF_FT_REFS) {
        char targets[256];
        egaf_targets_text(fs->targets, targets, sizeof targets);
        egaf_buf_printf(&d, " (%s to: %s)",
                        fs->type == EGAF_FT_REF ? "a reference" : "references", targets);
    }
    kv_str(w, "description", d.failed ? fs->doc : d.data);
    egaf_buf_free(&d);
    egaf_buf_free(&l);
    switch (fs->type) {
    case EGAF_FT_TEXT:
        text_type(w);
        break;
    case EGAF_FT_ID:
        kv_str(w, "type", "string");
        kv_str(w, "pattern", ID_PATTERN);
        break;
    case EGAF_FT_ENUM: {
        kv_str(w, "type", "string");
        key(w, "enum");
        jopen(w, '[');
        for (size_t i = 0; fs->values && fs->values[i]; i++)
            str(w, fs->values[i]);
        jclose(w, ']');
        key(w, "enumDescriptions");
        jopen(w, '[');
        egaf_buf text;
        egaf_buf_init(&text);
        for (size_t i = 0; fs->values && fs->values[i]; i++)
            str(w, label_pair(c, &text,
                              egaf_label_value(c->kind, fs->field, fs->values[i], false),
                              egaf_label_value(c->kind, fs->field, fs->values[i], true)));
        if (text.failed)
            w->b->failed = true;
        egaf_buf_free(&text);
        jclose(w, ']');
        break;
    }
    case EGAF_FT_INT:
        int_range(w, fs->min, fs->max);
        break;
    case EGAF_FT_CODE: {
        kv_str(w, "type", "string");
        const char *p = code_prefix(fs->field);
        if (p) {
            char pat[64];
            snprintf(pat, sizeof pat, "^%s\\d{3}(\\.\\d{3})?$", p);
            kv_str(w, "pattern", pat);
        }
        break;
    }
    case EGAF_FT_REF:
        ref_alternatives(w, fs->targets);
        break;
    case EGAF_FT_REFS:
        one_or_list(w, reference_item, fs->targets);
        break;
    case EGAF_FT_TEXTS:
        one_or_list(w, text_item, 0);
        break;
    case EGAF_FT_IDS:
        one_or_list(w, data_subject_item, 0);
        break;
    case EGAF_FT_WAIVERS:
        kv_str(w, "type", "array");
        kv_ref(w, "items", "#/definitions/waiver");
        break;
    case EGAF_FT_PROPERTIES:
        kv_str(w, "type", "object");
        key(w, "additionalProperties");
        jopen(w, '{');
        key(w, "type");
        raw(w, "[\"string\", \"number\", \"boolean\", \"null\"]");
        jclose(w, '}');
        break;
    case EGAF_FT_PERIOD:
        closed_object(w);
        key(w, "required");
        raw(w, "[\"from\", \"to\"]");
        key(w, "properties");
        jopen(w, '{');
        static const char *const ends[2][2] = {{"from", "first year"}, {"to", "last year"}};
        for (int i = 0; i < 2; i++) {
            key(w, ends[i][0]);
            jopen(w, '{');
            kv_str(w, "description", ends[i][1]);
            int_range(w, fs->min, fs->max);
            jclose(w, '}');
        }
        jclose(w, '}');
        break;
    }
    jclose(w, '}');
}

/* The definition name of a kind: its noun with dashes. */
static void kind_def_name(const egaf_kind_spec *spec, char *buf, size_t size)
{
    snprintf(buf, size, "%s", spec->noun);
    for (char *p = buf; *p; p++)
        if (*p == ' ')
            *p = '-';
}

static void kind_schema(schema_ctx *c, const egaf_kind_spec *spec)
{
    jw *w = &c->w;
    jopen(w, '{');
    char desc[160];
    if (spec->section)
        snprintf(desc, sizeof desc, "an element of %s.%s", spec->section, spec->list);
    else
        snprintf(desc, sizeof desc, "the architecture's header");
    kv_str(w, "description", desc);
    closed_object(w);
    c->kind = spec->kind;
    size_t nreq = 0;
    for (size_t i = 0; i < spec->nfields; i++)
        nreq += spec->fields[i].required;
    if (nreq) {
        key(w, "required");
        jopen(w, '[');
        for (size_t i = 0; i < spec->nfields; i++)
            if (spec->fields[i].required)
                str(w, spec->fields[i].key);
        jclose(w, ']');
    }
    key(w, "properties");
    jopen(w, '{');
    for (size_t i = 0; i < spec->nfields; i++) {
        key(w, spec->fields[i].key);
        field_schema(c, &spec->fields[i]);
    }
    jclose(w, '}');
    jclose(w, '}');
}

static const char *const section_docs[EGAF_S__COUNT] = {
    "Kiến trúc nghiệp vụ (business architecture)",
    "Kiến trúc dữ liệu (data architecture)",
    "Kiến trúc ứng dụng (application architecture)",
    "Kiến trúc công nghệ (technology architecture)",
    "Kiến trúc an toàn thông tin (security architecture)",
    "Tổ chức triển khai (implementation)",
};

static void section_schema(schema_ctx *c, egaf_section sec)
{
    jw *w = &c->w;
    jopen(w, '{');
    kv_str(w, "description", section_docs[sec]);
    key(w, "type");
    raw(w, "[\"object\", \"null\"]");
    key(w, "additionalProperties");
    raw(w, "false");
    key(w, "properties");
    jopen(w, '{');
    for (const char *const *k = egaf_section_keys(sec); *k; k++) {
        key(w, *k);
        const egaf_kind_spec *spec = egaf_kind_spec_find(sec, *k);
        jopen(w, '{');
        if (!spec) { /* implementation's organisation */
            kv_str(w, "description",
                   "who leads and carries out the architecture (Tổ chức triển khai)");
            text_type(w);
        } else {
            char desc[256], name[96], def[128];
            egaf_buf l;
            egaf_buf_init(&l);
            snprintf(desc, sizeof desc, "%s — the %s list",
                     label_pair(c, &l, egaf_label_key(*k, false), egaf_label_key(*k, true)),
                     spec->noun);
            egaf_buf_free(&l);
            kv_str(w, "description", desc);
            key(w, "type");
            raw(w, "[\"array\", \"null\"]");
            kind_def_name(spec, name, sizeof name);
            snprintf(def, sizeof def, "#/definitions/%s", name);
            kv_ref(w, "items", def);
        }
        jclose(w, '}');
    }
    jclose(w, '}');
    jclose(w, '}');
}

static void include_schema(jw *w)
{
    jopen(w, '{');
    kv_str(w, "description",
           "more files holding sections; paths relative to this file, never outside the "
           "top-level file's folder");
    one_or_list(w, string_item, 0);
    jclose(w, '}');
}

static void definitions(schema_ctx *c)
{
    jw *w = &c->w;
    key(w, "definitions");
    jopen(w, '{');

    key(w, "included-file");
    jopen(w, '{');
    kv_str(w, "description",
           "a file named by 'include': sections only (no 'framework' or 'architecture'); "
           "its lists are appended to the top-level file's lists");
    closed_object(w);
    key(w, "properties");
    jopen(w, '{');
    kv_ref(w, "include", "#/properties/include");
    for (int s = 0; s < EGAF_S__COUNT; s++) {
        char target[64];
        snprintf(target, sizeof target, "#/properties/%s", egaf_section_name((egaf_section)s));
        kv_ref(w, egaf_section_name((egaf_section)s), target);
    }
    jclose(w, '}');
    jclose(w, '}');

    key(w, "local-ref");
    pattern_string(w, "an element of this architecture, by id", ID_PATTERN);
    key(w, "architecture-ref");
    pattern_string(w, "an element of another architecture, as ARCH:ID", ARCH_REF_PATTERN);

    key(w, "national-system-ref");
    national_enum(c, EGAF_RK_SHARED_SYSTEM, "national shared system");
    key(w, "national-database-ref");
    national_enum(c, EGAF_RK_NATIONAL_DATABASE, "national database");

    key(w, "data-subject");
    ref_enum_schema(c, EGAF_RK_DATA_SUBJECT, "a data subject (egaf refs list --kind data-subjects)",
                    "", ID_PATTERN);

    key(w, "waiver");
    jopen(w, '{');
    kv_str(w, "description", "a rule waived for this element, and why");
    closed_object(w);
    key(w, "required");
    raw(w, "[\"rule\", \"reason\"]");
    key(w, "properties");
    jopen(w, '{');
    text_property(w, "rule", "the rule id (egaf rules)");
    text_property(w, "reason", "why the finding does not apply or is accepted");
    jclose(w, '}');
    jclose(w, '}');

    for (int k = 0; k < EGAF_K__COUNT; k++) {
        const egaf_kind_spec *spec = egaf_kind_info((egaf_kind)k);
        char name[96];
        kind_def_name(spec, name, sizeof name);
        key(w, name);
        kind_schema(c, spec);
    }
    jclose(w, '}');
}

void egaf_schema_json(egaf_buf *out, const egaf_refs *refs, const egaf_schema_options *options)
{
    schema_ctx c;
    memset(&c, 0, sizeof(c));
    c.w.b = out;
    c.refs = refs;
    if (options) {
        c.year = options->year;
        c.english = options->english;
    }
    jw *w = &c.w;

    jopen(w, '{');
    kv_str(w, "$schema", "http://json-schema.org/draft-07/schema#");
    kv_str(w, "title", "egaf model");
    kv_str(w, "description",
           "An e-Government architecture under the Khung Kiến trúc Chính phủ điện tử Việt "
           "Nam (egaf model format, docs/model-format.md). Generated by 'egaf schema'. "
           "Files named by 'include' follow #/definitions/included-file.");
    closed_object(w);
    key(w, "required");
    raw(w, "[\"framework\", \"architecture\"]");
    key(w, "properties");
    jopen(w, '{');
    for (const char *const *k = egaf_top_keys(); *k; k++) {
        key(w, *k);
        int sec = egaf_section_find(*k);
        if (sec >= 0)
            section_schema(&c, (egaf_section)sec);
        else if (strcmp(*k, "framework") == 0)
            framework_schema(&c);
        else if (strcmp(*k, "architecture") == 0)
            ref_item(w, "#/definitions/architecture");
        else if (strcmp(*k, "include") == 0)
            include_schema(w);
    }
    jclose(w, '}');
    definitions(&c);
    jclose(w, '}');
    egaf_buf_putc(out, '\n');
}
