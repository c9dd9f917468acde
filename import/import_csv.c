/* import_csv.c - `egaf import csv`: Archi's three CSV files (elements.csv,
 * relations.csv, properties.csv, as Archi's "Export Model to CSV" and egaf
 * export write them) read into the concept model (concept.h). Fields are
 * RFC 4180: quoted or not, quotes doubled, CRLF or LF, an optional UTF-8
 * byte-order mark; a field's text is taken as it is. */
#include <string.h>

#include "base/i18n.h"
#include "import/concept.h"

typedef struct csv_reader {
    const char *p, *end;
    unsigned line; /* of the record being read */
    unsigned next_line;
} csv_reader;

#define MAX_FIELDS 16

/* The next record's fields (at most MAX_FIELDS, the rest dropped) in the
 * arena. Returns the number of fields, 0 at the end, -1 on an unclosed
 * quote. */
static int csv_record(im_model *im, csv_reader *r, const char **fields, egaf_buf *tmp)
{
    if (r->p >= r->end)
        return 0;
    r->line = r->next_line;
    int n = 0;
    for (;;) {
        egaf_buf_reset(tmp);
        if (r->p < r->end && *r->p == '"') {
            r->p++;
            for (;;) {
                if (r->p >= r->end)
                    return -1;
                if (*r->p == '"') {
                    if (r->p + 1 < r->end && r->p[1] == '"') {
                        egaf_buf_putc(tmp, '"');
                        r->p += 2;
                        continue;
                    }
                    r->p++;
                    break;
                }
                if (*r->p == '\n')
                    r->next_line++;
                egaf_buf_putc(tmp, *r->p++);
            }
        }
        while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            egaf_buf_putc(tmp, *r->p++);
        if (n < MAX_FIELDS)
            fields[n++] = im_strn(im, tmp->data ? tmp->data : "", tmp->len);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == '\r')
            r->p++;
        if (r->p < r->end && *r->p == '\n')
            r->p++;
        r->next_line++;
        return n;
    }
}

static void csv_start(csv_reader *r, const char *data, size_t len)
{
    r->p = data ? data : "";
    r->end = r->p + (data ? len : 0);
    if (r->end - r->p >= 3 && memcmp(r->p, "\xEF\xBB\xBF", 3) == 0)
        r->p += 3;
    r->line = r->next_line = 1;
}

static int bad_file(egaf_diags *diags, const char *path, unsigned line, const char *why)
{
    egaf_diag_at(diags, "import.unreadable", path, line, 0, NULL, "%s", why);
    return 1;
}

/* The column of each name in the header row, -1 when missing. */
static void header_columns(const char **fields, int n, const char *const *names, int *cols,
                           int count)
{
    for (int i = 0; i < count; i++) {
        cols[i] = -1;
        for (int f = 0; f < n; f++)
            if (fields[f] && strcmp(fields[f], names[i]) == 0)
                cols[i] = f;
    }
}

static const char *col(const char **fields, int n, int c)
{
    return c >= 0 && c < n ? fields[c] : NULL;
}

/* The same, NULL for an empty field too (a name or documentation not
 * given). */
static const char *text_col(const char **fields, int n, int c)
{
    const char *s = col(fields, n, c);
    return s && *s ? s : NULL;
}

int egaf_import_csv(egaf_buf *out, const char *const paths[3], const char *const data[3],
                    const size_t len[3], const egaf_import_options *options, egaf_diags *diags)
{
    for (int i = 0; i < 3; i++)
        if (len[i] > EGAF_IMPORT_MAX_SIZE)
            return bad_file(diags, paths[i], 0, _("the file is larger than the import reads"));
    im_model im;
    if (im_init(&im, diags) != 0)
        return -1;
    egaf_buf tmp;
    egaf_buf_init(&tmp);
    const char *f[MAX_FIELDS];
    csv_reader r;
    int rc = 0, n;

    /* elements.csv */
    static const char *const el_names[] = {"ID", "Type", "Name", "Documentation"};
    int ec[4];
    csv_start(&r, data[0], len[0]);
    n = csv_record(&im, &r, f, &tmp);
    header_columns(f, n > 0 ? n : 0, el_names, ec, 4);
    if (n <= 0 || ec[0] < 0 || ec[1] < 0 || ec[2] < 0) {
        rc = bad_file(diags, paths[0], 1,
                      _("not Archi's elements.csv: the first row must name the columns "
                        "\"ID\",\"Type\",\"Name\""));
        goto done;
    }
    while ((n = csv_record(&im, &r, f, &tmp)) > 0 && !im.failed && !im.too_many) {
        const char *type = col(f, n, ec[1]);
        if (type && strcmp(type, "ArchimateModel") == 0) {
            im.name_vi = col(f, n, ec[2]);
            im.documentation = text_col(f, n, ec[3]);
            continue;
        }
        im_element *e = im_element_add(&im, col(f, n, ec[0]), paths[0], r.line);
        if (!e)
            break;
        e->type = type ? type : "";
        e->name_vi = col(f, n, ec[2]);
        e->documentation = text_col(f, n, ec[3]);
    }
    if (n < 0) {
        rc = bad_file(diags, paths[0], r.line, _("a quoted field is not closed"));
        goto done;
    }

    /* relations.csv */
    static const char *const rel_names[] = {"ID", "Type", "Name", "Source", "Target"};
    int rcol[5];
    csv_start(&r, data[1], len[1]);
    n = csv_record(&im, &r, f, &tmp);
    header_columns(f, n > 0 ? n : 0, rel_names, rcol, 5);
    if (n > 0 && (rcol[0] < 0 || rcol[1] < 0 || rcol[3] < 0 || rcol[4] < 0)) {
        rc = bad_file(diags, paths[1], 1,
                      _("not Archi's relations.csv: the first row must name the columns "
                        "\"ID\",\"Type\",\"Source\",\"Target\""));
        goto done;
    }
    while (n > 0 && (n = csv_record(&im, &r, f, &tmp)) > 0 && !im.failed && !im.too_many) {
        im_rel *rel = im_rel_add(&im, col(f, n, rcol[0]), paths[1], r.line);
        if (!rel)
            break;
        const char *type = col(f, n, rcol[1]);
        size_t tl = type ? strlen(type) : 0;
        if (tl > 12 && strcmp(type + tl - 12, "Relationship") == 0)
            type = im_strn(&im, type, tl - 12);
        rel->type = type ? type : "";
        rel->name = text_col(f, n, rcol[2]);
        rel->source = col(f, n, rcol[3]);
        rel->target = col(f, n, rcol[4]);
    }
    if (n < 0) {
        rc = bad_file(diags, paths[1], r.line, _("a quoted field is not closed"));
        goto done;
    }

    /* properties.csv: each row to the element, relationship or model named */
    static const char *const pr_names[] = {"ID", "Key", "Value"};
    int pc[3];
    csv_start(&r, data[2], len[2]);
    n = csv_record(&im, &r, f, &tmp);
    header_columns(f, n > 0 ? n : 0, pr_names, pc, 3);
    if (n > 0 && (pc[0] < 0 || pc[1] < 0 || pc[2] < 0)) {
        rc = bad_file(diags, paths[2], 1,
                      _("not Archi's properties.csv: the first row must name the columns "
                        "\"ID\",\"Key\",\"Value\""));
        goto done;
    }
    /* the rows of one item come together: remember the last one found */
    const char *last_id = NULL;
    im_props *last = NULL;
    im_rel *last_rel = NULL;
    size_t ei = 0, ri = 0;
    while (n > 0 && (n = csv_record(&im, &r, f, &tmp)) > 0 && !im.failed && !im.too_many) {
        const char *id = col(f, n, pc[0]), *key = col(f, n, pc[1]), *value = col(f, n, pc[2]);
        if (!id || !key || !value)
            continue;
        if (!last_id || strcmp(last_id, id) != 0) {
            last = NULL;
            last_rel = NULL;
            /* in file order, so a forward scan from the last match is
             * usually one step */
            for (size_t k = 0; k < im.nelements && !last; k++) {
                size_t i = (ei + k) % im.nelements;
                if (im.elements[i].identifier && strcmp(im.elements[i].identifier, id) == 0) {
                    last = &im.elements[i].props;
                    ei = i;
                }
            }
            for (size_t k = 0; k < im.nrels && !last; k++) {
                size_t i = (ri + k) % im.nrels;
                if (im.rels[i].identifier && strcmp(im.rels[i].identifier, id) == 0) {
                    last = &im.rels[i].props;
                    last_rel = &im.rels[i];
                    ri = i;
                }
            }
            if (!last && im.nelements + im.nrels) {
                /* the model's own row, or nothing */
                last = &im.props;
            }
            last_id = id;
        }
        if (last_rel && strcmp(key, "Access_Type") == 0) {
            last_rel->access_type = value;
            continue;
        }
        if (last_rel && strcmp(key, "Directed") == 0)
            continue;
        if (last == &im.props || !last) {
            im_prop_add(&im, &im.props, key, value);
            continue;
        }
        im_prop_add(&im, last, key, value);
    }
    if (n < 0) {
        rc = bad_file(diags, paths[2], r.line, _("a quoted field is not closed"));
        goto done;
    }
    /* a name in the other language is a property in the CSV */
    for (size_t i = 0; i < im.nelements; i++) {
        im_props *p = &im.elements[i].props;
        for (size_t k = 0; k < p->count; k++)
            if (strcmp(p->items[k].key, "name-en") == 0 && !im.elements[i].name_en)
                im.elements[i].name_en = p->items[k].value;
    }
    if (im.too_many)
        rc = bad_file(diags, paths[0], 0, _("the files hold more items than the import reads"));
    else if (im.failed || tmp.failed)
        rc = -1;
    else
        rc = im_write_model(&im, out, options, paths[0]);
done:
    egaf_buf_free(&tmp);
    im_free(&im);
    return rc;
}
