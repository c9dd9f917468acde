/* site_data.c - the site's data folder: the consolidated model and figures
 * as one JSON document, and the same as CSV tables for spreadsheets.
 * docs/consolidate.md describes both. CSV files are UTF-8 with a byte-order
 * mark, CRLF line ends, every text field quoted (quotes doubled), and a text
 * field starting with = + - @, tab, CR or LF (or spaces and then one of
 * them) is prefixed with an apostrophe so a spreadsheet never reads it as a
 * formula (egaf_csv_field). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "export/export.h"
#include "site/site_priv.h"

static const char *group_key(int group)
{
    return group == GROUP_MINISTRY ? "ministry" : group == GROUP_PROVINCE ? "province" : "other";
}

static const char *how_key(unsigned how)
{
    if (how & LK_LINKED)
        return "connects";
    if (how & LK_SOURCES)
        return "sources";
    return "integration";
}

/* ---- JSON ------------------------------------------------------------------ */

static void jstr(egaf_buf *b, const char *s)
{
    if (s)
        egaf_buf_json_string(b, s);
    else
        egaf_buf_puts(b, "null");
}

static void jkey(egaf_buf *b, bool *first, const char *key)
{
    if (!*first)
        egaf_buf_puts(b, ", ");
    *first = false;
    egaf_buf_json_string(b, key);
    egaf_buf_puts(b, ": ");
}

static void json_value(egaf_buf *b, const egaf_value *v)
{
    switch (v->type) {
    case EGAF_FT_INT:
        egaf_buf_printf(b, "%lld", v->u.num);
        break;
    case EGAF_FT_REFS:
    case EGAF_FT_TEXTS:
    case EGAF_FT_IDS:
        egaf_buf_putc(b, '[');
        for (size_t i = 0; i < v->u.list.count; i++) {
            if (i)
                egaf_buf_puts(b, ", ");
            jstr(b, v->u.list.items[i].s);
        }
        egaf_buf_putc(b, ']');
        break;
    case EGAF_FT_WAIVERS:
        egaf_buf_putc(b, '[');
        for (size_t i = 0; i < v->u.waivers.count; i++) {
            egaf_buf_puts(b, i ? ", {\"rule\": " : "{\"rule\": ");
            jstr(b, v->u.waivers.items[i].rule.s);
            egaf_buf_puts(b, ", \"reason\": ");
            jstr(b, v->u.waivers.items[i].reason.s);
            egaf_buf_putc(b, '}');
        }
        egaf_buf_putc(b, ']');
        break;
    case EGAF_FT_PROPERTIES:
        egaf_buf_putc(b, '{');
        for (size_t i = 0; i < v->u.props.count; i++) {
            if (i)
                egaf_buf_puts(b, ", ");
            jstr(b, v->u.props.items[i].key.s ? v->u.props.items[i].key.s : "");
            egaf_buf_puts(b, ": ");
            jstr(b, v->u.props.items[i].value.s);
        }
        egaf_buf_putc(b, '}');
        break;
    case EGAF_FT_PERIOD:
        egaf_buf_printf(b, "{\"from\": %lld, \"to\": %lld}", v->u.period.from, v->u.period.to);
        break;
    default:
        jstr(b, v->u.str.s);
    }
}

/* An element: its fields as written (keys of the format), then where. */
static void json_element(egaf_site *s, egaf_buf *b, const egaf_element *el)
{
    const egaf_kind_spec *spec = egaf_kind_info(el->kind);
    bool first = true;
    egaf_buf_putc(b, '{');
    for (size_t i = 0; i < el->nvalues; i++) {
        const egaf_value *v = &el->values[i];
        const egaf_field_spec *fs = spec ? egaf_field_spec_of(spec, v->field) : NULL;
        if (!fs)
            continue;
        jkey(b, &first, fs->key);
        json_value(b, v);
    }
    jkey(b, &first, "at");
    egaf_buf_printf(b, "{\"file\": ");
    jstr(b, el->mark.src ? site_shown_file(s, el->mark.src->path) : NULL);
    egaf_buf_printf(b, ", \"line\": %u}", el->mark.line);
    egaf_buf_putc(b, '}');
}

static void json_agency(egaf_site *s, egaf_buf *b, const site_agency *a, size_t index)
{
    const egaf_model *m = a->m;
    egaf_buf_puts(b, "    {\"id\": ");
    jstr(b, m->id);
    egaf_buf_printf(b, ", \"page\": \"a-%s.html\", \"file\": ", a->slug);
    jstr(b, site_shown_file(s, m->path));
    egaf_buf_puts(b, ", \"framework\": ");
    jstr(b, m->framework.s);
    egaf_buf_printf(b, ", \"year\": %d, \"group\": \"%s\",\n     \"agency\": {\"written\": ", a->year,
                    group_key(a->group));
    jstr(b, m->header ? egaf_element_text(m->header, EGAF_F_AGENCY) : NULL);
    egaf_buf_puts(b, ", \"id\": ");
    jstr(b, a->agency ? a->agency->id : NULL);
    egaf_buf_puts(b, ", \"organ-code\": ");
    jstr(b, a->agency ? a->agency->organ_code : NULL);
    egaf_buf_puts(b, ", \"name\": ");
    jstr(b, a->name);
    egaf_buf_printf(b, "},\n     \"figures\": {\"services\": %zu, \"online\": {\"full\": %zu, "
                       "\"partial\": %zu, \"none\": %zu}",
                    a->services, a->online[0], a->online[1], a->online[2]);
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        if (k != EGAF_K_SERVICE)
            egaf_buf_printf(b, ", \"%s\": %zu", egaf_kind_info((egaf_kind)k)->list, m->counts[k]);
    egaf_buf_printf(b, ", \"security-levels\": {\"1\": %zu, \"2\": %zu, \"3\": %zu, \"4\": %zu, "
                       "\"5\": %zu, \"none\": %zu}",
                    a->sec[1], a->sec[2], a->sec[3], a->sec[4], a->sec[5], a->sec[0]);
    egaf_buf_puts(b, ", \"lgsp\": ");
    jstr(b, a->lgsp ? a->lgsp->id : NULL);
    egaf_buf_printf(b, ", \"lgsp-connected-to-ngsp\": %s, \"findings\": {\"errors\": %zu, "
                       "\"warnings\": %zu, \"notes\": %zu}},\n",
                    a->lgsp_ngsp ? "true" : "false", a->counts[EGAF_SEV_ERROR],
                    a->counts[EGAF_SEV_WARNING], a->counts[EGAF_SEV_NOTE]);
    egaf_buf_puts(b, "     \"national-links\": [");
    for (size_t j = 0; j < a->nlinks; j++) {
        const site_link *l = &a->links[j];
        egaf_buf_puts(b, j ? ",\n       {\"national\": " : "\n       {\"national\": ");
        jstr(b, s->nat[l->nat].id);
        egaf_buf_printf(b, ", \"how\": \"%s\", \"element\": ", how_key(l->how));
        jstr(b, l->from);
        egaf_buf_puts(b, ", \"via\": ");
        jstr(b, l->via);
        egaf_buf_puts(b, ", \"route\": ");
        jstr(b, l->route);
        egaf_buf_putc(b, '}');
    }
    egaf_buf_puts(b, "],\n     \"targets\": {");
    bool first = true;
    for (size_t t = 0; t < s->ntargets; t++) {
        if (!a->targets[t].measured)
            continue;
        jkey(b, &first, s->targets[t].t->id);
        egaf_buf_printf(b, "{\"num\": %zu, \"den\": %zu}", a->targets[t].num, a->targets[t].den);
    }
    egaf_buf_puts(b, "},\n     \"header\": ");
    if (m->header)
        json_element(s, b, m->header);
    else
        egaf_buf_puts(b, "null");
    egaf_buf_puts(b, ",\n     \"elements\": {");
    first = true;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++) {
        jkey(b, &first, egaf_kind_info((egaf_kind)k)->list);
        egaf_buf_putc(b, '[');
        for (size_t i = 0; i < m->counts[k]; i++) {
            egaf_buf_puts(b, i ? ",\n        " : "\n        ");
            json_element(s, b, m->elements[k][i]);
        }
        egaf_buf_putc(b, ']');
    }
    egaf_buf_printf(b, "}}%s\n", index + 1 < s->nag ? "," : "");
}

static int write_json(egaf_site *s)
{
    egaf_buf b;
    egaf_buf_init(&b);
    egaf_buf_puts(&b, "{\"tool\": \"egaf\", \"version\": ");
    jstr(&b, s->opt->version);
    egaf_buf_printf(&b, ", \"year\": %d, \"lang\": \"%s\",\n", s->year, s->en ? "en" : "vi");
    egaf_diag_counts c = egaf_diags_counts(s->findings);
    egaf_buf_printf(&b,
                    " \"summary\": {\"architectures\": %zu, \"agencies-of-year\": {\"ministry\": "
                    "%zu, \"province\": %zu, \"other\": %zu}, \"findings\": {\"errors\": %zu, "
                    "\"warnings\": %zu, \"notes\": %zu, \"waived\": %zu},\n  \"missing\": [",
                    s->nag, s->agencies_by_group[GROUP_MINISTRY],
                    s->agencies_by_group[GROUP_PROVINCE], s->agencies_by_group[GROUP_OTHER],
                    c.errors, c.warnings, c.notes, c.suppressed);
    for (size_t i = 0; i < s->nmissing; i++) {
        if (i)
            egaf_buf_puts(&b, ", ");
        jstr(&b, s->missing[i]->id);
    }
    egaf_buf_puts(&b, "]},\n \"targets\": [");
    bool any = false;
    for (size_t t = 0; t < s->ntargets; t++) {
        const site_target *st = &s->targets[t];
        if (!st->measurable)
            continue;
        egaf_buf_puts(&b, any ? ",\n   {\"id\": " : "\n   {\"id\": ");
        any = true;
        jstr(&b, st->t->id);
        egaf_buf_puts(&b, ", \"edition\": ");
        jstr(&b, st->fw->edition);
        egaf_buf_puts(&b, ", \"name\": ");
        jstr(&b, st->t->name);
        egaf_buf_printf(&b, ", \"value\": %g, \"unit\": ", st->t->value);
        jstr(&b, st->t->unit);
        egaf_buf_printf(&b, ", \"num\": %zu, \"den\": %zu}", st->total.num, st->total.den);
    }
    egaf_buf_puts(&b, "],\n \"national\": [");
    for (size_t n = 0; n < s->nnat; n++) {
        const site_national *nat = &s->nat[n];
        egaf_buf_puts(&b, n ? ",\n   {\"id\": " : "\n   {\"id\": ");
        jstr(&b, nat->id);
        egaf_buf_printf(&b, ", \"kind\": \"%s\", \"name\": ",
                        nat->db ? "national-database" : "shared-system");
        jstr(&b, site_national_name(s, nat));
        egaf_buf_puts(&b, ", \"owner\": ");
        jstr(&b, nat->e ? egaf_ref_owner_in(nat->e, s->year) : NULL);
        egaf_buf_printf(&b, ", \"page\": \"n-%s.html\", \"through-ngsp\": %zu, \"architectures\": [",
                        nat->id, nat->through_ngsp);
        bool first = true;
        for (size_t i = 0; i < s->nag; i++)
            if (site_cell(s, i, n)) {
                if (!first)
                    egaf_buf_puts(&b, ", ");
                first = false;
                jstr(&b, s->ag[i].m->id);
            }
        egaf_buf_puts(&b, "]}");
    }
    egaf_buf_puts(&b, "],\n \"architectures\": [\n");
    for (size_t i = 0; i < s->nag; i++)
        json_agency(s, &b, &s->ag[i], i);
    egaf_buf_puts(&b, " ]}\n");
    int rc = site_write_file(s, "data/consolidated.json", &b);
    egaf_buf_free(&b);
    return rc;
}

/* ---- CSV ------------------------------------------------------------------- */

void site_csv_field(egaf_buf *out, const char *s)
{
    egaf_csv_field(out, s); /* the export's guard against formulas */
}

static void csv_begin(egaf_buf *b, const char *const *cols)
{
    egaf_buf_puts(b, "\xEF\xBB\xBF");
    for (size_t i = 0; cols[i]; i++) {
        if (i)
            egaf_buf_putc(b, ',');
        site_csv_field(b, cols[i]);
    }
    egaf_buf_puts(b, "\r\n");
}

static void csv(egaf_buf *b, const char *s)
{
    site_csv_field(b, s);
    egaf_buf_putc(b, ',');
}

static void csv_num(egaf_buf *b, size_t n)
{
    egaf_buf_printf(b, "%zu,", n);
}

static void csv_end(egaf_buf *b)
{
    if (b->len && b->data[b->len - 1] == ',')
        b->len--;
    egaf_buf_puts(b, "\r\n");
}

/* A value as one cell: lists joined with "; ". */
static void csv_value(egaf_buf *b, egaf_buf *tmp, const egaf_value *v)
{
    egaf_buf_reset(tmp);
    if (v) {
        switch (v->type) {
        case EGAF_FT_INT:
            egaf_buf_printf(tmp, "%lld", v->u.num);
            break;
        case EGAF_FT_REFS:
        case EGAF_FT_TEXTS:
        case EGAF_FT_IDS:
            for (size_t i = 0; i < v->u.list.count; i++)
                egaf_buf_printf(tmp, "%s%s", i ? "; " : "",
                                v->u.list.items[i].s ? v->u.list.items[i].s : "");
            break;
        case EGAF_FT_WAIVERS:
        case EGAF_FT_PROPERTIES:
        case EGAF_FT_PERIOD:
            break;
        default:
            egaf_buf_puts(tmp, v->u.str.s ? v->u.str.s : "");
        }
    }
    csv(b, tmp->len ? tmp->data : "");
}

static int write_csv(egaf_site *s)
{
    egaf_buf b, tmp;
    egaf_buf_init(&b);
    egaf_buf_init(&tmp);
    static const char *const agency_cols[] = {
        "architecture", "agency", "agency-id", "organ-code", "name", "level", "framework",
        "year", "services", "online-full", "online-partial", "online-none", "applications",
        "databases", "integrations", "lgsp-connected-to-ngsp", "errors", "warnings", "notes",
        NULL};
    csv_begin(&b, agency_cols);
    for (size_t i = 0; i < s->nag; i++) {
        const site_agency *a = &s->ag[i];
        const egaf_model *m = a->m;
        csv(&b, m->id);
        csv(&b, m->header ? egaf_element_text(m->header, EGAF_F_AGENCY) : NULL);
        csv(&b, a->agency ? a->agency->id : NULL);
        csv(&b, a->agency ? a->agency->organ_code : NULL);
        csv(&b, a->name);
        csv(&b, group_key(a->group));
        csv(&b, m->framework.s);
        egaf_buf_printf(&b, "%d,", a->year);
        csv_num(&b, a->services);
        for (int k = 0; k < 3; k++)
            csv_num(&b, a->online[k]);
        csv_num(&b, m->counts[EGAF_K_APPLICATION]);
        csv_num(&b, m->counts[EGAF_K_DATABASE]);
        csv_num(&b, m->counts[EGAF_K_INTEGRATION]);
        csv(&b, a->lgsp_ngsp ? "yes" : "no");
        for (int sev = EGAF_SEV_ERROR; sev >= EGAF_SEV_NOTE; sev--)
            csv_num(&b, a->counts[sev]);
        csv_end(&b);
    }
    int rc = site_write_file(s, "data/agencies.csv", &b);

    static const char *const element_cols[] = {
        "architecture", "kind", "id", "name", "name-en", "status", "type", "security-level",
        "online", "owner", "file", "line", NULL};
    egaf_buf_reset(&b);
    csv_begin(&b, element_cols);
    for (size_t i = 0; i < s->nag && rc == 0; i++) {
        const egaf_model *m = s->ag[i].m;
        for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
            for (size_t j = 0; j < m->counts[k]; j++) {
                const egaf_element *el = m->elements[k][j];
                csv(&b, m->id);
                csv(&b, egaf_kind_info((egaf_kind)k)->noun);
                csv(&b, el->id);
                csv(&b, el->name);
                csv(&b, egaf_element_text(el, EGAF_F_NAME_EN));
                csv(&b, egaf_element_text(el, EGAF_F_STATUS));
                const char *type = egaf_element_text(el, EGAF_F_ROLE);
                csv(&b, type ? type : egaf_element_text(el, EGAF_F_KIND));
                csv_value(&b, &tmp, egaf_element_get(el, EGAF_F_SECURITY_LEVEL));
                csv(&b, egaf_element_text(el, EGAF_F_ONLINE));
                csv(&b, egaf_element_text(el, EGAF_F_OWNER));
                csv(&b, el->mark.src ? site_shown_file(s, el->mark.src->path) : NULL);
                egaf_buf_printf(&b, "%u", el->mark.line);
                csv_end(&b);
            }
    }
    if (rc == 0)
        rc = site_write_file(s, "data/elements.csv", &b);

    static const char *const conn_cols[] = {"architecture", "type", "from", "to", "via",
                                            "route", "data", NULL};
    egaf_buf_reset(&b);
    csv_begin(&b, conn_cols);
    for (size_t i = 0; i < s->nag && rc == 0; i++) {
        const egaf_model *m = s->ag[i].m;
        for (size_t j = 0; j < m->counts[EGAF_K_INTEGRATION]; j++) {
            const egaf_element *el = m->elements[EGAF_K_INTEGRATION][j];
            csv(&b, m->id);
            csv(&b, "integration");
            csv_value(&b, &tmp, egaf_element_get(el, EGAF_F_FROM));
            csv_value(&b, &tmp, egaf_element_get(el, EGAF_F_TO));
            csv_value(&b, &tmp, egaf_element_get(el, EGAF_F_VIA));
            csv_value(&b, &tmp, egaf_element_get(el, EGAF_F_ROUTE));
            csv_value(&b, &tmp, egaf_element_get(el, EGAF_F_DATA));
            csv_end(&b);
        }
        static const struct {
            egaf_kind kind;
            egaf_field field;
            const char *type;
        } lists[] = {{EGAF_K_PLATFORM, EGAF_F_CONNECTS, "connects"},
                     {EGAF_K_INFRASTRUCTURE, EGAF_F_CONNECTS, "connects"},
                     {EGAF_K_DATABASE, EGAF_F_SOURCES, "sources"}};
        for (size_t l = 0; l < 3; l++)
            for (size_t j = 0; j < m->counts[lists[l].kind]; j++) {
                const egaf_element *el = m->elements[lists[l].kind][j];
                const egaf_value *v = egaf_element_get(el, lists[l].field);
                for (size_t x = 0; v && v->type == EGAF_FT_REFS && x < v->u.list.count; x++) {
                    csv(&b, m->id);
                    csv(&b, lists[l].type);
                    csv(&b, el->id);
                    csv(&b, v->u.list.items[x].s);
                    csv(&b, NULL);
                    csv(&b, NULL);
                    csv(&b, NULL);
                    csv_end(&b);
                }
            }
    }
    if (rc == 0)
        rc = site_write_file(s, "data/connections.csv", &b);

    static const char *const finding_cols[] = {"severity", "rule", "file", "line", "column",
                                               "element", "message", "hint", "waiver", NULL};
    egaf_buf_reset(&b);
    csv_begin(&b, finding_cols);
    for (size_t i = 0; i < egaf_diags_count(s->findings) && rc == 0; i++) {
        const egaf_finding *f = egaf_diags_at(s->findings, i);
        csv(&b, egaf_severity_name(f->severity));
        csv(&b, f->rule);
        csv(&b, site_shown_file(s, f->file));
        egaf_buf_printf(&b, "%u,%u,", f->line, f->col);
        csv(&b, f->element);
        csv(&b, f->message);
        csv(&b, f->hint);
        csv(&b, f->waiver);
        csv_end(&b);
    }
    if (rc == 0)
        rc = site_write_file(s, "data/findings.csv", &b);
    egaf_buf_free(&b);
    egaf_buf_free(&tmp);
    return rc;
}

/* The models themselves, byte for byte, so a later run can take this site
 * as --previous: data/models/<slug>/<slug>.yaml is the top-level file and
 * its includes keep their paths relative to it (the loader kept them inside
 * its folder). Only models that loaded are published, each under its page's
 * slug (never its id as written: an id may be long, clash with another's or
 * hold '/' and '..'), so one submission can neither replace another's files
 * nor reach outside the site; every file is opened beneath the site's folder
 * (base/outdir.h) and created, never overwritten. */
static int write_sources(egaf_site *s)
{
    egaf_buf dest;
    egaf_buf_init(&dest);
    int rc = 0;
    for (size_t i = 0; i < s->nag && rc == 0; i++) {
        const site_agency *a = &s->ag[i];
        const egaf_model *m = a->m;
        if (!m->readable || !m->nfiles)
            continue;
        const char *top = m->files[0]->path;
        const char *slash = strrchr(top, '/');
        size_t dirlen = slash ? (size_t)(slash - top) + 1 : 0;
        for (size_t f = 0; f < m->nfiles && rc == 0; f++) {
            const egaf_source *src = m->files[f];
            if (!src->text)
                continue;
            egaf_buf_reset(&dest);
            if (f == 0) {
                egaf_buf_printf(&dest, "data/models/%s/%s.yaml", a->slug, a->slug);
            } else {
                /* an include outside the top file's folder, or one that
                 * would land on the top file's new name, is kept out */
                const char *rel = src->path + dirlen;
                if (strncmp(src->path, top, dirlen) != 0)
                    continue;
                while (rel[0] == '.' && rel[1] == '/')
                    rel += 2;
                egaf_buf_printf(&dest, "data/models/%s/%s", a->slug, rel);
                if (strncmp(rel, a->slug, strlen(a->slug)) == 0 &&
                    strcmp(rel + strlen(a->slug), ".yaml") == 0)
                    continue;
            }
            if (dest.failed) {
                site_fail(s, _("out of memory"));
                rc = -1;
                break;
            }
            /* the loader admits only includes inside the top file's folder,
             * by names read from the file system, and the slugs are unique:
             * a name that cannot be written here is a bug, not a finding */
            if (egaf_outdir_parents(&s->out, dest.data) != 0 ||
                egaf_outdir_write(&s->out, dest.data, src->text, src->len, true) != 0) {
                site_fail(s, _("cannot write '%s/%s': %s"), s->dir, dest.data, strerror(errno));
                rc = -1;
            }
        }
    }
    egaf_buf_free(&dest);
    return rc;
}

int site_write_data(egaf_site *s)
{
    if (write_json(s) != 0 || write_csv(s) != 0 || write_sources(s) != 0)
        return -1;
    return 0;
}
