/* assist.c - completion, hover, definition and the waiver skeleton
 * (assist.h). The place in the YAML is read from the text as typed, by
 * indentation, so it works on a half-written line the parser rejects; what
 * the place may hold comes from the format table (model/format.h), the
 * reference models and the model last loaded from the document. */
#include "lsp/assist.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "lsp/position.h"
#include "model/format.h"
#include "model/labels.h"
#include "model/query.h"

/* LSP CompletionItemKind values */
enum { CIK_MODULE = 9, CIK_PROPERTY = 10, CIK_VALUE = 12, CIK_REFERENCE = 18, CIK_ENUM = 20 };

/* ---- reading the text around a place ---- */

typedef struct text_line {
    const char *s;
    size_t len;
} text_line;

static bool get_line(const egaf_lsp_doc *doc, uint32_t line, text_line *out)
{
    size_t a, b;
    if (egaf_lsp_line_range(doc->text, doc->len, line, &a, &b) != 0)
        return false;
    out->s = doc->text + a;
    out->len = b - a;
    return true;
}

/* The column (0-based bytes) where a line's key starts, past its
 * indentation and any "- " of list items, and the key's length; false for
 * a blank line, a comment or a line with no `key:`. */
static bool line_key(text_line l, size_t *col, size_t *klen)
{
    size_t i = 0;
    for (;;) {
        while (i < l.len && l.s[i] == ' ')
            i++;
        if (i + 1 < l.len && l.s[i] == '-' && l.s[i + 1] == ' ')
            i += 2;
        else
            break;
    }
    if (i >= l.len || l.s[i] == '#')
        return false;
    size_t k = i;
    while (k < l.len && (isalnum((unsigned char)l.s[k]) || l.s[k] == '-' || l.s[k] == '_'))
        k++;
    if (k == i || k >= l.len || l.s[k] != ':' || (k + 1 < l.len && l.s[k + 1] != ' '))
        return false;
    *col = i;
    *klen = k - i;
    return true;
}

/* The key of the nearest line above `line` whose key starts left of col:
 * the map or list that holds what is written at col. */
static bool parent_key(const egaf_lsp_doc *doc, uint32_t line, size_t col, char *key,
                       size_t size, uint32_t *at, size_t *at_col)
{
    while (line-- > 0) {
        text_line l;
        size_t c, n;
        if (!get_line(doc, line, &l) || !line_key(l, &c, &n) || c >= col)
            continue;
        snprintf(key, size, "%.*s", (int)n, l.s + c);
        *at = line;
        *at_col = c;
        return true;
    }
    return false;
}

typedef enum place_kind { PLACE_TOP, PLACE_SECTION, PLACE_KIND, PLACE_UNKNOWN } place_kind;

typedef struct place {
    place_kind kind;
    int section;                  /* PLACE_SECTION */
    const egaf_kind_spec *spec;   /* PLACE_KIND */
} place;

/* What the map at column col of line belongs to: the top level, a section,
 * or an element of a kind. */
static place place_of(const egaf_lsp_doc *doc, uint32_t line, size_t col)
{
    place p = {PLACE_UNKNOWN, -1, NULL};
    char parent[64], grand[64];
    uint32_t pl, gl;
    size_t pc, gc;
    if (!parent_key(doc, line, col, parent, sizeof parent, &pl, &pc)) {
        p.kind = PLACE_TOP;
        return p;
    }
    bool has_grand = parent_key(doc, pl, pc, grand, sizeof grand, &gl, &gc);
    if (!has_grand && strcmp(parent, "architecture") == 0) {
        p.kind = PLACE_KIND;
        p.spec = egaf_kind_info(EGAF_K_ARCHITECTURE);
        return p;
    }
    if (!has_grand) {
        p.section = egaf_section_find(parent);
        p.kind = p.section >= 0 ? PLACE_SECTION : PLACE_UNKNOWN;
        return p;
    }
    int section = egaf_section_find(grand);
    uint32_t ggl;
    size_t ggc;
    char great[64];
    if (section >= 0 && !parent_key(doc, gl, gc, great, sizeof great, &ggl, &ggc)) {
        p.spec = egaf_kind_spec_find((egaf_section)section, parent);
        p.kind = p.spec ? PLACE_KIND : PLACE_UNKNOWN;
    }
    return p;
}

int egaf_lsp_doc_year(const egaf_lsp_doc *doc)
{
    if (doc->model && doc->model->header) {
        const egaf_value *y = egaf_element_get(doc->model->header, EGAF_F_YEAR);
        if (y)
            return (int)y->u.num;
    }
    /* not loaded yet (or broken): the first `year:` line */
    for (uint32_t line = 0;; line++) {
        text_line l;
        size_t c, n;
        if (!get_line(doc, line, &l))
            return 0;
        if (line_key(l, &c, &n) && n == 4 && memcmp(l.s + c, "year", 4) == 0 && c > 0)
            return atoi(l.s + c + 5);
    }
}

/* ---- completion items ---- */

static void add_item(json_t *items, const char *label, int kind, const char *detail,
                     const char *doc_md, json_t *range)
{
    json_t *item = json_pack("{s:s,s:i}", "label", label, "kind", kind);
    if (!item)
        return;
    if (detail)
        json_object_set_new(item, "detail", json_string(detail));
    if (doc_md)
        json_object_set_new(item, "documentation",
                            json_pack("{s:s,s:s}", "kind", "markdown", "value", doc_md));
    if (range)
        json_object_set_new(item, "textEdit",
                            json_pack("{s:O,s:s}", "range", range, "newText", label));
    json_array_append_new(items, item);
}

/* A reference entry in markdown: name, owner, source and confidence. */
static char *entry_markdown(const egaf_ref_entry *e, int year)
{
    char *md = NULL;
    const char *owner = egaf_ref_owner_in(e, year);
    if (asprintf(&md, "**%s**%s%s%s\n\n%s%s%s%s%s%s%s%s", e->name ? e->name : e->id,
                 e->abbr ? " (" : "", e->abbr ? e->abbr : "", e->abbr ? ")" : "",
                 e->organ_code ? _("Organ code: ") : "", e->organ_code ? e->organ_code : "",
                 e->organ_code ? "  \n" : "", owner ? _("Owner: ") : "", owner ? owner : "",
                 owner ? "  \n" : "", e->source ? _("Source: ") : "",
                 e->source ? e->source : "") < 0)
        return NULL;
    if (e->confidence) {
        char *more = NULL;
        if (asprintf(&more, "%s  \n%s%s", md, _("Confidence: "), e->confidence) >= 0) {
            free(md);
            md = more;
        }
    }
    return md;
}

/* The Vietnamese name of each allowed value, as an architect calls it; the
 * key tells apart the values two keys share ("email": a role, a channel). */
typedef struct value_name {
    const char *key, *value, *name;
} value_name;

static const value_name value_names[] = {
    {"status", "existing", "Đang vận hành"},
    {"status", "planned", "Dự kiến xây dựng"},
    {"status", "retired", "Đã ngừng sử dụng"},
    {"kind", "citizen", "Người dân"},
    {"kind", "business", "Doanh nghiệp"},
    {"kind", "official", "Cán bộ, công chức, viên chức"},
    {"kind", "leader", "Lãnh đạo"},
    {"kind", "organisation", "Tổ chức"},
    {"kind", "web", "Cổng, trang thông tin điện tử"},
    {"kind", "mobile", "Ứng dụng trên thiết bị di động"},
    {"kind", "counter", "Bộ phận Một cửa"},
    {"kind", "phone", "Điện thoại"},
    {"kind", "email", "Thư điện tử"},
    {"kind", "kiosk", "Ki-ốt tra cứu"},
    {"kind", "social", "Mạng xã hội"},
    {"online", "full", "Trực tuyến toàn trình"},
    {"online", "partial", "Trực tuyến một phần"},
    {"online", "none", "Không trực tuyến"},
    {"kind", "specialized", "Cơ sở dữ liệu chuyên ngành"},
    {"kind", "shared", "Cơ sở dữ liệu dùng chung"},
    {"kind", "open", "Dữ liệu mở"},
    {"kind", "master", "Cơ sở dữ liệu gốc (dữ liệu chủ)"},
    {"kind", "warehouse", "Kho dữ liệu"},
    {"role", "tthc", "Hệ thống thông tin giải quyết thủ tục hành chính"},
    {"role", "qlvb", "Hệ thống quản lý văn bản và điều hành"},
    {"role", "bao-cao", "Hệ thống thông tin báo cáo"},
    {"role", "portal", "Cổng thông tin điện tử"},
    {"role", "email", "Hệ thống thư điện tử công vụ"},
    {"role", "hop-truc-tuyen", "Hệ thống họp trực tuyến"},
    {"role", "dieu-hanh", "Hệ thống chỉ đạo, điều hành"},
    {"role", "gis", "Hệ thống thông tin địa lý (GIS)"},
    {"role", "ke-toan", "Phần mềm kế toán"},
    {"role", "nhan-su", "Phần mềm quản lý cán bộ, công chức, viên chức"},
    {"role", "nghiep-vu", "Ứng dụng nghiệp vụ chuyên ngành"},
    {"role", "du-lieu-mo", "Cổng dữ liệu mở"},
    {"role", "xac-thuc", "Hệ thống xác thực, định danh"},
    {"kind", "lgsp", "Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)"},
    {"kind", "iam", "Nền tảng định danh và xác thực"},
    {"kind", "payment", "Nền tảng thanh toán trực tuyến"},
    {"kind", "data-warehouse", "Kho dữ liệu dùng chung"},
    {"kind", "ioc", "Trung tâm giám sát, điều hành thông minh (IOC)"},
    {"route", "a", "Trường hợp a: qua LGSP và NGSP"},
    {"route", "b", "Trường hợp b: chỉ qua NGSP"},
    {"route", "c", "Trường hợp c: chỉ qua LGSP"},
    {"route", "d", "Trường hợp d: kết nối trực tiếp"},
    {"kind", "data-center", "Trung tâm dữ liệu"},
    {"kind", "cloud", "Điện toán đám mây"},
    {"kind", "network", "Mạng"},
    {"kind", "server", "Máy chủ"},
    {"kind", "storage", "Hệ thống lưu trữ"},
    {"kind", "backup-site", "Trung tâm dữ liệu dự phòng"},
    {"kind", "firewall", "Tường lửa"},
    {"kind", "ids", "Phát hiện, ngăn chặn xâm nhập (IDS/IPS)"},
    {"kind", "waf", "Tường lửa ứng dụng web (WAF)"},
    {"kind", "monitoring", "Giám sát an toàn thông tin"},
    {"kind", "soc", "Trung tâm điều hành an ninh mạng (SOC)"},
    {"kind", "backup", "Sao lưu dữ liệu"},
    {"kind", "authentication", "Xác thực"},
    {"kind", "encryption", "Mã hóa"},
    {"kind", "antivirus", "Phòng chống mã độc"},
    {"kind", "policy", "Chính sách, quy chế an toàn thông tin"},
    {"level", "ministry", "Bộ, ngành"},
    {"level", "province", "Tỉnh, thành phố trực thuộc trung ương"},
};

/* The kinds of the architecture document's chapters (issue 18): their
 * values are named by the format's labels only, since a `kind` of theirs
 * may be spelt as another kind's ("policy": a solution's, a control's). */
static bool chapter_kind(egaf_kind kind)
{
    return kind == EGAF_K_UNIT || kind == EGAF_K_RELATION || kind == EGAF_K_STANDARD ||
           kind == EGAF_K_TARGET || kind == EGAF_K_SOLUTION;
}

static const char *value_name_of(egaf_kind kind, const egaf_field_spec *fs, const char *value)
{
    if (strcmp(value, "other") == 0)
        return "Khác";
    for (size_t i = 0; !chapter_kind(kind) && i < sizeof value_names / sizeof value_names[0];
         i++)
        if (strcmp(value_names[i].key, fs->key) == 0 && strcmp(value_names[i].value, value) == 0)
            return value_names[i].name;
    return egaf_label_value(kind, fs->field, value, false);
}

static void complete_national(json_t *items, const egaf_refs *refs, unsigned targets, int year,
                              json_t *range)
{
    for (size_t i = 0; i < refs->nentries; i++) {
        const egaf_ref_entry *e = refs->entries[i];
        bool system = e->kind == EGAF_RK_SHARED_SYSTEM && (targets & EGAF_T_NATIONAL_SYSTEM);
        bool db = e->kind == EGAF_RK_NATIONAL_DATABASE && (targets & EGAF_T_NATIONAL_DATABASE);
        if ((!system && !db) || (year && !egaf_ref_valid_in(e, year)))
            continue;
        char label[256];
        snprintf(label, sizeof label, "national:%s", e->id);
        char *md = entry_markdown(e, year);
        add_item(items, label, CIK_MODULE, e->name, md, range);
        free(md);
    }
}

static void complete_agencies(json_t *items, const egaf_refs *refs, int year, json_t *range)
{
    for (size_t i = 0; i < refs->nentries; i++) {
        const egaf_ref_entry *e = refs->entries[i];
        if (e->kind != EGAF_RK_AGENCY || (year && !egaf_ref_valid_in(e, year)))
            continue;
        char *md = entry_markdown(e, year);
        add_item(items, e->id, CIK_MODULE, e->name, md, range);
        free(md);
    }
}

static void complete_local(json_t *items, const egaf_model *m, unsigned targets, json_t *range)
{
    for (int k = 0; m && k < EGAF_K__COUNT; k++) {
        if (!(targets & EGAF_T(k)))
            continue;
        for (size_t i = 0; i < m->counts[k]; i++) {
            const egaf_element *el = m->elements[k][i];
            if (el->id)
                add_item(items, el->id, CIK_REFERENCE, el->name, NULL, range);
        }
    }
}

static void complete_keys(json_t *items, place p)
{
    if (p.kind == PLACE_TOP) {
        for (const char *const *k = egaf_top_keys(); *k; k++)
            add_item(items, *k, CIK_PROPERTY, NULL, NULL, NULL);
    } else if (p.kind == PLACE_SECTION) {
        for (const char *const *k = egaf_section_keys((egaf_section)p.section); *k; k++)
            add_item(items, *k, CIK_PROPERTY, NULL, NULL, NULL);
    } else if (p.kind == PLACE_KIND) {
        for (size_t i = 0; i < p.spec->nfields; i++)
            add_item(items, p.spec->fields[i].key, CIK_PROPERTY,
                     p.spec->fields[i].required ? _("required") : NULL, p.spec->fields[i].doc,
                     NULL);
    }
}

/* True for the bytes of a word being typed: ids, national:ids, codes. */
static bool word_byte(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '_' || c == ':' || c == '.' ||
           (c & 0x80);
}

/* The range (in the protocol's units) from the start of the word before
 * the cursor to the cursor. */
static json_t *word_range(uint32_t line, text_line l, size_t word_start, size_t cursor)
{
    return json_pack("{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line", (json_int_t)line,
                     "character", (json_int_t)egaf_lsp_utf16_of_byte(l.s, word_start), "end",
                     "line", (json_int_t)line, "character",
                     (json_int_t)egaf_lsp_utf16_of_byte(l.s, cursor));
}

json_t *egaf_lsp_complete(const egaf_lsp_doc *doc, const egaf_refs *refs, json_t *position)
{
    json_t *items = json_array();
    long long off = egaf_lsp_doc_offset(doc, position);
    uint32_t line = (uint32_t)json_integer_value(json_object_get(position, "line"));
    text_line l;
    if (!items || off < 0 || !get_line(doc, line, &l))
        return items;
    size_t cursor = (size_t)off - (size_t)(l.s - doc->text);
    size_t ws = cursor;
    while (ws > 0 && word_byte(l.s[ws - 1]))
        ws--;
    /* the key this value belongs to: on this line, or the `key:` above a
     * block list item */
    text_line kl = l;
    uint32_t key_line = line;
    size_t kc, kn;
    bool on_key_line = line_key(l, &kc, &kn) && kc + kn < cursor;
    if (!on_key_line) {
        size_t i = 0;
        while (i < l.len && l.s[i] == ' ')
            i++;
        bool item = i + 1 < l.len && l.s[i] == '-' && l.s[i + 1] == ' ' && i + 2 <= ws;
        bool typing_key = !item || ws == i + 2;
        uint32_t pl;
        size_t pc;
        char parent[64];
        bool has_parent = item && parent_key(doc, line, i + 1, parent, sizeof parent, &pl, &pc) &&
                          get_line(doc, pl, &kl) && line_key(kl, &kc, &kn);
        if (has_parent && typing_key) {
            /* the first word of an item: a reference of a list of them
             * (`partners:` then `- so-…`), else a key of a map */
            place pp = place_of(doc, pl, kc);
            const egaf_field_spec *pf =
                pp.kind == PLACE_KIND ? egaf_field_spec_find(pp.spec, parent) : NULL;
            typing_key = !pf || pf->type != EGAF_FT_REFS;
        }
        if (!item || typing_key) {
            /* typing a key: what the map here may hold */
            size_t col = ws;
            if (item)
                col = i + 2;
            complete_keys(items, place_of(doc, line, col));
            return items;
        }
        if (!has_parent)
            return items;
        key_line = pl;
    }
    char key[64];
    snprintf(key, sizeof key, "%.*s", (int)kn, kl.s + kc);
    place p = place_of(doc, key_line, kc);
    int year = egaf_lsp_doc_year(doc);
    json_t *range = word_range(line, l, ws, cursor);
    if (p.kind == PLACE_KIND) {
        const egaf_field_spec *fs = egaf_field_spec_find(p.spec, key);
        if (fs && fs->field == EGAF_F_AGENCY) {
            complete_agencies(items, refs, year, range);
        } else if (fs && fs->type == EGAF_FT_ENUM) {
            for (const char *const *v = fs->values; *v; v++) {
                const char *name = value_name_of(p.spec->kind, fs, *v);
                add_item(items, *v, CIK_ENUM, name ? name : fs->doc, name ? fs->doc : NULL,
                         range);
            }
        } else if (fs && (fs->type == EGAF_FT_REF || fs->type == EGAF_FT_REFS)) {
            complete_local(items, doc->model, fs->targets, range);
            complete_national(items, refs, fs->targets, year, range);
        } else if (fs && fs->field == EGAF_F_OWNER && p.spec->kind != EGAF_K_ARCHITECTURE) {
            /* an element's owner may be one of the architecture's units */
            complete_local(items, doc->model, EGAF_T(EGAF_K_UNIT), range);
        }
    }
    json_decref(range);
    return items;
}

/* ---- hover and definition ---- */

/* The word under the cursor (an id, national:id, or code), copied into
 * out; false when the cursor is on none. */
static bool word_at(const egaf_lsp_doc *doc, json_t *position, char *out, size_t size,
                    uint32_t *line_out, text_line *line_text)
{
    long long off = egaf_lsp_doc_offset(doc, position);
    uint32_t line = (uint32_t)json_integer_value(json_object_get(position, "line"));
    text_line l;
    if (off < 0 || !get_line(doc, line, &l))
        return false;
    size_t at = (size_t)off - (size_t)(l.s - doc->text);
    size_t a = at, b = at;
    while (a > 0 && word_byte(l.s[a - 1]))
        a--;
    while (b < l.len && word_byte(l.s[b]))
        b++;
    while (b > a && l.s[b - 1] == ':') /* a key's colon */
        b--;
    if (b == a || b - a >= size)
        return false;
    memcpy(out, l.s + a, b - a);
    out[b - a] = '\0';
    *line_out = line;
    *line_text = l;
    return true;
}

static json_t *markdown_hover(char *md)
{
    if (!md)
        return NULL;
    json_t *h = json_pack("{s:{s:s,s:s}}", "contents", "kind", "markdown", "value", md);
    free(md);
    return h;
}

json_t *egaf_lsp_hover(const egaf_lsp_doc *doc, const egaf_refs *refs, json_t *position)
{
    char word[256];
    uint32_t line;
    text_line l;
    if (!word_at(doc, position, word, sizeof word, &line, &l))
        return NULL;
    int year = egaf_lsp_doc_year(doc);
    const char *id = strncmp(word, "national:", 9) == 0 ? word + 9 : word;
    const egaf_element *el = id == word ? egaf_model_element(doc->model, word) : NULL;
    if (el) {
        const egaf_kind_spec *spec = egaf_kind_info(el->kind);
        const egaf_value *v = egaf_element_get(el, EGAF_F_ID);
        egaf_mark at = v ? egaf_value_mark(el, v) : el->mark;
        const char *file = at.src && at.src->path ? at.src->path : "";
        const char *slash = strrchr(file, '/');
        char *md = NULL;
        if (asprintf(&md, "**%s** — %s `%s`  \n%s:%u", el->name ? el->name : el->id,
                     spec ? spec->noun : "", el->id, slash ? slash + 1 : file, at.line) < 0)
            md = NULL;
        return markdown_hover(md);
    }
    const egaf_ref_entry *e = egaf_refs_find(refs, id);
    if (!e)
        e = egaf_refs_agency(refs, id, year);
    if (!e)
        return NULL;
    return markdown_hover(entry_markdown(e, year));
}

json_t *egaf_lsp_definition(const egaf_lsp_doc *doc, json_t *position)
{
    char word[256];
    uint32_t line;
    text_line l;
    if (!word_at(doc, position, word, sizeof word, &line, &l))
        return NULL;
    const egaf_element *el = egaf_model_element(doc->model, word);
    if (!el)
        return NULL;
    const egaf_value *v = egaf_element_get(el, EGAF_F_ID);
    egaf_mark at = v ? egaf_value_mark(el, v) : el->mark;
    if (!at.src || !at.src->path)
        return NULL;
    char *uri = doc->path && strcmp(at.src->path, doc->path) == 0 ? strdup(doc->uri)
                                                                   : egaf_lsp_uri_of_path(at.src->path);
    if (!uri)
        return NULL;
    unsigned end = at.end_col ? at.end_col : at.col + (unsigned)strlen(el->id);
    json_t *loc = json_pack("{s:s,s:{s:o,s:o}}", "uri", uri, "range", "start",
                            egaf_lsp_position_json(doc->model, at.src->path, at.line, at.col),
                            "end", egaf_lsp_position_json(doc->model, at.src->path, at.line, end));
    free(uri);
    return loc;
}

/* ---- the waiver skeleton ---- */

json_t *egaf_lsp_waiver_action(const egaf_lsp_doc *doc, json_t *diagnostic)
{
    const char *rule = json_string_value(json_object_get(diagnostic, "code"));
    json_int_t dline = json_integer_value(
        json_object_get(json_object_get(json_object_get(diagnostic, "range"), "start"), "line"));
    const egaf_model *m = doc->model;
    if (!rule || !m || !doc->path)
        return NULL;
    /* the element of this file that starts last at or before the line */
    const egaf_element *best = NULL;
    for (int k = 0; k <= EGAF_K_ARCHITECTURE; k++) {
        size_t count = k == EGAF_K_ARCHITECTURE ? (m->header != NULL) : m->counts[k];
        for (size_t i = 0; i < count; i++) {
            const egaf_element *el = k == EGAF_K_ARCHITECTURE ? m->header : m->elements[k][i];
            if (!el->mark.src || !el->mark.src->path || strcmp(el->mark.src->path, doc->path) != 0 ||
                el->mark.line == 0 || (json_int_t)el->mark.line - 1 > dline)
                continue;
            if (!best || el->mark.line > best->mark.line)
                best = el;
        }
    }
    const egaf_kind_spec *spec = best ? egaf_kind_info(best->kind) : NULL;
    if (!spec || !egaf_field_spec_find(spec, "waivers") ||
        egaf_element_get(best, EGAF_F_WAIVERS))
        return NULL;
    text_line first;
    if (!get_line(doc, best->mark.line - 1, &first) || memchr(first.s, '{', first.len))
        return NULL; /* a flow map: no line to add a key after */
    size_t kc, kn;
    uint32_t at_line = best->mark.line;
    if (!line_key(first, &kc, &kn))
        return NULL;
    char *text = NULL;
    int indent = (int)kc;
    if (asprintf(&text, "%*swaivers:\n%*s  - rule: %s\n%*s    reason: \"%s\"\n", indent, "",
                 indent, "", rule, indent, "", _("why this is accepted, and until when")) < 0)
        return NULL;
    char title[256];
    snprintf(title, sizeof title, _("Waive %s for this element, with a reason"), rule);
    json_t *range = json_pack("{s:{s:I,s:i},s:{s:I,s:i}}", "start", "line", (json_int_t)at_line,
                              "character", 0, "end", "line", (json_int_t)at_line, "character", 0);
    json_t *edits = json_pack("[{s:o,s:s}]", "range", range, "newText", text);
    free(text);
    json_t *changes = json_object();
    if (!edits || !changes) {
        json_decref(edits);
        json_decref(changes);
        return NULL;
    }
    json_object_set_new(changes, doc->uri, edits);
    return json_pack("{s:s,s:s,s:[O],s:{s:o}}", "title", title, "kind", "quickfix",
                     "diagnostics", diagnostic, "edit", "changes", changes);
}
