/* export_csv.c - `egaf export --format csv`: Archi's three-file CSV layout
 * (elements.csv, relations.csv, properties.csv), from the same concept model
 * as the ArchiMate exchange file, so Archi's "Import CSV" builds the same
 * model: UTF-8 with a byte-order mark, CRLF, every field quoted with quotes
 * doubled, the text as it is (Archi would keep a guard's apostrophe as part
 * of the name). egaf_csv_field, the spreadsheet form with the formula guard
 * (= + - @, tab, CR or LF first, or after spaces: an apostrophe in front),
 * is here for the site's CSV. */
#include <stdbool.h>
#include <string.h>

#include "export/export.h"

static const char bom[] = "\xEF\xBB\xBF";

/* Whether a spreadsheet could read the cell as a formula: it starts with
 * = + - @, or with a tab, CR or LF (Excel and LibreOffice skip leading
 * white space and line breaks before looking for the '='). */
static bool formula_like(const char *s)
{
    if (!s || !*s)
        return false;
    if (strchr("=+-@\t\r\n", *s))
        return true;
    while (*s == ' ')
        s++;
    return *s && strchr("=+-@\t\r\n", *s);
}

/* s between double quotes, each of its quotes doubled, after lead. */
static void quoted(egaf_buf *out, const char *lead, const char *s)
{
    egaf_buf_putc(out, '"');
    egaf_buf_puts(out, lead);
    /* the text between quotes copied in runs, not byte by byte: the CSV
     * files of a national set are hundreds of megabytes */
    for (const char *p = s; p && *p;) {
        size_t run = strcspn(p, "\"");
        egaf_buf_add(out, p, run);
        p += run;
        if (*p == '"') {
            egaf_buf_add(out, "\"\"", 2);
            p++;
        }
    }
    egaf_buf_putc(out, '"');
}

void egaf_csv_field(egaf_buf *out, const char *s)
{
    quoted(out, formula_like(s) ? "'" : "", s);
}

void egaf_csv_field_raw(egaf_buf *out, const char *s)
{
    quoted(out, "", s);
}

static void row(egaf_buf *out, const char *const *fields, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            egaf_buf_putc(out, ',');
        egaf_csv_field_raw(out, fields[i]);
    }
    egaf_buf_puts(out, "\r\n");
}

static void prop_rows(egaf_buf *out, const char *id, const egaf_am_props *p)
{
    for (size_t i = 0; i < p->count; i++) {
        const char *f[3] = {id, p->items[i].key, p->items[i].value};
        row(out, f, 3);
    }
}

/* One relationship: its row, then its properties. */
typedef struct csv_rels {
    egaf_csv_files *out;
    const egaf_export_options *options;
    egaf_buf type;
} csv_rels;

static bool csv_rel(void *ctx, const egaf_am_model *am, const egaf_am_rel *r)
{
    csv_rels *c = ctx;
    egaf_buf *rel = &c->out->relations, *pr = &c->out->properties;
    egaf_buf_reset(&c->type);
    egaf_buf_puts(&c->type, r->type);
    egaf_buf_puts(&c->type, "Relationship");
    const char *f[] = {r->identifier,
                       c->type.data ? c->type.data : "",
                       r->name ? r->name : "",
                       "",
                       am->elements[r->source].identifier,
                       am->elements[r->target].identifier,
                       ""};
    row(rel, f, 7);
    if (r->field) {
        const char *p[] = {r->identifier, "egaf-field", r->field};
        row(pr, p, 3);
    }
    if (r->access_type) {
        const char *p[] = {r->identifier, "Access_Type", r->access_type};
        row(pr, p, 3);
    }
    if (r->directed) {
        const char *p[] = {r->identifier, "Directed", "true"};
        row(pr, p, 3);
    }
    prop_rows(pr, r->identifier, &r->props);
    return egaf_export_drain(rel, c->options, false) && egaf_export_drain(pr, c->options, false);
}

int egaf_export_csv(egaf_csv_files *out, egaf_model *const *models, size_t nmodels,
                    const egaf_refs *refs, const egaf_export_options *options)
{
    bool en = options && options->en;
    /* written in one walk: the relationships need not be kept */
    egaf_am_model *am = egaf_am_build_streamed(models, nmodels, refs, en);
    if (!am)
        return -1;
    egaf_buf *el = &out->elements, *rel = &out->relations, *pr = &out->properties;
    egaf_buf_puts(el, bom);
    egaf_buf_puts(rel, bom);
    egaf_buf_puts(pr, bom);
    static const char *const el_header[] = {"ID", "Type", "Name", "Documentation",
                                            "Specialization"};
    static const char *const rel_header[] = {"ID",     "Type",   "Name",          "Documentation",
                                             "Source", "Target", "Specialization"};
    static const char *const pr_header[] = {"ID", "Key", "Value"};
    row(el, el_header, 5);
    row(rel, rel_header, 7);
    row(pr, pr_header, 3);

    const char *model_row[] = {am->identifier, "ArchimateModel", am->name,
                               am->documentation ? am->documentation : "", ""};
    row(el, model_row, 5);
    prop_rows(pr, am->identifier, &am->props);
    for (size_t i = 0; i < am->nelements; i++) {
        const egaf_am_element *e = &am->elements[i];
        const char *f[] = {e->identifier, e->type, e->name,
                           e->documentation ? e->documentation : "", ""};
        row(el, f, 5);
        /* the name in the other language, which a CSV row has no room for */
        if (en && e->name_en && e->name_vi) {
            const char *p[] = {e->identifier, "name-vi", e->name_vi};
            row(pr, p, 3);
        } else if (!en && e->name_en) {
            const char *p[] = {e->identifier, "name-en", e->name_en};
            row(pr, p, 3);
        }
        prop_rows(pr, e->identifier, egaf_am_element_props(am, i));
        if (!egaf_export_drain(el, options, false) || !egaf_export_drain(pr, options, false))
            break;
    }
    csv_rels c = {out, options, {0}};
    egaf_buf_init(&c.type);
    if (!el->failed && !pr->failed)
        egaf_am_each_rel(am, csv_rel, &c);
    egaf_export_drain(el, options, true);
    egaf_export_drain(rel, options, true);
    egaf_export_drain(pr, options, true);
    bool failed = am->failed || c.type.failed || el->failed || rel->failed || pr->failed;
    egaf_buf_free(&c.type);
    egaf_am_free(am);
    return failed ? -1 : 0;
}

bool egaf_export_drain(egaf_buf *buf, const egaf_export_options *options, bool all)
{
    if (buf->failed)
        return false;
    if (!options || !options->sink.flush || buf->len == 0 ||
        (!all && buf->len < EGAF_EXPORT_CHUNK))
        return true;
    if (options->sink.flush(options->sink.ctx, buf) != 0) {
        buf->failed = true;
        return false;
    }
    egaf_buf_reset(buf);
    return true;
}
