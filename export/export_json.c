/* export_json.c - `egaf export --format json`: the whole resolved model as
 * one JSON document (docs/export.md), and what every export shares: the
 * format names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "base/grow.h"
#include "base/strmap.h"

int egaf_export_format_parse(const char *name, egaf_export_format *out)
{
    static const egaf_name_value names[] = {
        {"archimate", EGAF_EXPORT_ARCHIMATE},
        {"csv", EGAF_EXPORT_CSV},
        {"json", EGAF_EXPORT_JSON},
    };
    int format;
    if (!name || !egaf_name_value_find(names, sizeof names / sizeof names[0], name, strlen(name),
                                       &format))
        return -1;
    *out = (egaf_export_format)format;
    return 0;
}

const char *egaf_ref_scope_name(egaf_ref_scope scope)
{
    switch (scope) {
    case EGAF_SCOPE_LOCAL:
        return "local";
    case EGAF_SCOPE_NATIONAL:
        return "national";
    case EGAF_SCOPE_ARCH:
        return "architecture";
    }
    return "local";
}

/* --- JSON ---------------------------------------------------------------- */

typedef struct jctx {
    egaf_buf *out;
    egaf_export_index ix;
    size_t mi; /* the model being written: its references are resolved in it */
    egaf_strmap national; /* national ids named, in first-use order below */
    const char **national_ids;
    size_t nnational, national_cap;
    bool failed;
} jctx;

static void note_national(jctx *c, const char *id)
{
    size_t len = strlen(id);
    if (egaf_strmap_get(&c->national, id, len))
        return;
    c->national_ids =
        egaf_grow(c->national_ids, &c->national_cap, c->nnational, sizeof(*c->national_ids), 16);
    if (c->nnational == c->national_cap) {
        c->failed = true;
        return;
    }
    bool oom = false;
    /* the key must outlive the map: the reference models' or the model's
     * string; national ids come from the resolved reference's buffer, so
     * keep a copy in the list (freed at the end) */
    char *copy = strdup(id);
    if (!copy) {
        c->failed = true;
        return;
    }
    egaf_strmap_put(&c->national, copy, len, copy, &oom);
    if (oom) {
        free(copy);
        c->failed = true;
        return;
    }
    c->national_ids[c->nnational++] = copy;
}

static void json_ref(jctx *c, const char *ref)
{
    egaf_export_ref r;
    egaf_export_resolve(&c->ix, c->mi, ref, &r);
    egaf_buf *o = c->out;
    egaf_buf_puts(o, "{\"ref\": ");
    egaf_buf_json_string(o, ref);
    egaf_buf_printf(o, ", \"scope\": \"%s\", \"arch\": ", egaf_ref_scope_name(r.scope));
    if (r.arch)
        egaf_buf_json_string(o, r.arch);
    else
        egaf_buf_puts(o, "null");
    egaf_buf_puts(o, ", \"id\": ");
    egaf_buf_json_string(o, r.id);
    bool found = r.scope == EGAF_SCOPE_NATIONAL ? r.entry != NULL : r.element != NULL;
    egaf_buf_printf(o, ", \"found\": %s", found ? "true" : "false");
    if (r.element)
        egaf_buf_printf(o, ", \"kind\": \"%s\"", egaf_kind_info(r.element->kind)->noun);
    else if (r.entry)
        egaf_buf_printf(o, ", \"kind\": \"%s\"", egaf_ref_kind_name(r.entry->kind));
    egaf_buf_putc(o, '}');
    if (r.scope == EGAF_SCOPE_NATIONAL && r.id[0])
        note_national(c, r.id);
}

static void json_strings(egaf_buf *o, const egaf_str *items, size_t n)
{
    egaf_buf_putc(o, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            egaf_buf_puts(o, ", ");
        egaf_buf_json_string(o, items[i].s ? items[i].s : "");
    }
    egaf_buf_putc(o, ']');
}

static void json_value(jctx *c, const egaf_value *v)
{
    egaf_buf *o = c->out;
    switch (v->type) {
    case EGAF_FT_TEXT:
    case EGAF_FT_ID:
    case EGAF_FT_ENUM:
    case EGAF_FT_CODE:
        egaf_buf_json_string(o, v->u.str.s ? v->u.str.s : "");
        break;
    case EGAF_FT_INT:
        egaf_buf_printf(o, "%lld", v->u.num);
        break;
    case EGAF_FT_REF:
        json_ref(c, v->u.str.s ? v->u.str.s : "");
        break;
    case EGAF_FT_REFS:
        egaf_buf_putc(o, '[');
        for (size_t i = 0; i < v->u.list.count; i++) {
            if (i)
                egaf_buf_puts(o, ", ");
            json_ref(c, v->u.list.items[i].s ? v->u.list.items[i].s : "");
        }
        egaf_buf_putc(o, ']');
        break;
    case EGAF_FT_TEXTS:
    case EGAF_FT_IDS:
        json_strings(o, v->u.list.items, v->u.list.count);
        break;
    case EGAF_FT_WAIVERS:
        egaf_buf_putc(o, '[');
        for (size_t i = 0; i < v->u.waivers.count; i++) {
            const egaf_waiver *w = &v->u.waivers.items[i];
            egaf_buf_puts(o, i ? ", {\"rule\": " : "{\"rule\": ");
            egaf_buf_json_string(o, w->rule.s ? w->rule.s : "");
            egaf_buf_puts(o, ", \"reason\": ");
            egaf_buf_json_string(o, w->reason.s ? w->reason.s : "");
            egaf_buf_putc(o, '}');
        }
        egaf_buf_putc(o, ']');
        break;
    case EGAF_FT_PROPERTIES:
        egaf_buf_putc(o, '{');
        for (size_t i = 0; i < v->u.props.count; i++) {
            const egaf_prop *p = &v->u.props.items[i];
            if (i)
                egaf_buf_puts(o, ", ");
            egaf_buf_json_string(o, p->key.s ? p->key.s : "");
            egaf_buf_puts(o, ": ");
            egaf_buf_json_string(o, p->value.s ? p->value.s : "");
        }
        egaf_buf_putc(o, '}');
        break;
    case EGAF_FT_PERIOD:
        egaf_buf_printf(o, "{\"from\": %lld, \"to\": %lld}", v->u.period.from, v->u.period.to);
        break;
    }
}

/* The element's fields in the format table's order, keys as in the model. */
static void json_fields(jctx *c, const egaf_element *el, const char *indent)
{
    const egaf_kind_spec *spec = egaf_kind_info(el->kind);
    egaf_buf *o = c->out;
    bool first = true;
    for (size_t f = 0; f < spec->nfields; f++) {
        const egaf_value *v = egaf_element_get(el, spec->fields[f].field);
        if (!v)
            continue;
        egaf_buf_printf(o, "%s\n%s", first ? "" : ",", indent);
        first = false;
        egaf_buf_json_string(o, spec->fields[f].key);
        egaf_buf_puts(o, ": ");
        json_value(c, v);
    }
}

static void json_position(egaf_buf *o, const egaf_element *el, const char *fallback)
{
    egaf_buf_puts(o, "\"file\": ");
    egaf_buf_json_string(o, el->mark.src && el->mark.src->path ? el->mark.src->path
                                                                     : fallback);
    egaf_buf_printf(o, ", \"line\": %u", (unsigned)el->mark.line);
}

int egaf_export_json(egaf_buf *out, egaf_model *const *models, size_t nmodels,
                     const egaf_refs *refs, const egaf_export_options *options)
{
    jctx c;
    memset(&c, 0, sizeof c);
    c.out = out;
    egaf_strmap_init(&c.national);
    if (egaf_export_index_init(&c.ix, models, nmodels, refs) != 0)
        return -1;

    egaf_buf_puts(out, "{\n  \"tool\": \"egaf\",\n  \"version\": ");
    egaf_buf_json_string(out, options && options->version ? options->version : "");
    egaf_buf_puts(out, ",\n  \"format\": \"egaf-export\",\n  \"format-version\": 1,\n"
                       "  \"architectures\": [");
    for (size_t mi = 0; mi < nmodels; mi++) {
        const egaf_model *m = models[mi];
        c.mi = mi;
        egaf_buf_puts(out, mi ? ",\n    {\n" : "\n    {\n");
        egaf_buf_puts(out, "      \"id\": ");
        egaf_buf_json_string(out, m->id ? m->id : "");
        egaf_buf_puts(out, ",\n      \"file\": ");
        egaf_buf_json_string(out, m->path ? m->path : "");
        egaf_buf_puts(out, ",\n      \"framework\": ");
        if (m->framework.s)
            egaf_buf_json_string(out, m->framework.s);
        else
            egaf_buf_puts(out, "null");
        egaf_buf_puts(out, ",\n      \"header\": {");
        if (m->header) {
            json_fields(&c, m->header, "        ");
            egaf_buf_puts(out, "\n      ");
        }
        egaf_buf_puts(out, "},\n      \"counts\": {");
        bool first = true;
        for (int k = 0; k < EGAF_K_ARCHITECTURE; k++) {
            egaf_buf_printf(out, "%s\"%s\": %zu", first ? "" : ", ", egaf_kind_info(k)->noun,
                            m->counts[k]);
            first = false;
        }
        egaf_buf_puts(out, "},\n      \"elements\": [");
        first = true;
        for (int k = 0; k < EGAF_K_ARCHITECTURE; k++) {
            const egaf_kind_spec *spec = egaf_kind_info(k);
            for (size_t i = 0; i < m->counts[k]; i++) {
                const egaf_element *el = m->elements[k][i];
                egaf_buf_puts(out, first ? "\n        {" : ",\n        {");
                first = false;
                egaf_buf_printf(out, "\"kind\": \"%s\", \"section\": \"%s\", \"list\": \"%s\", ",
                                spec->noun, spec->section, spec->list);
                egaf_buf_puts(out, "\"key\": ");
                egaf_buf_json_string(out, el->display ? el->display : "");
                egaf_buf_puts(out, ", \"id\": ");
                if (el->id)
                    egaf_buf_json_string(out, el->id);
                else
                    egaf_buf_puts(out, "null");
                egaf_buf_puts(out, ", \"name\": ");
                if (el->name)
                    egaf_buf_json_string(out, el->name);
                else
                    egaf_buf_puts(out, "null");
                egaf_buf_puts(out, ", ");
                json_position(out, el, m->path ? m->path : "");
                egaf_buf_puts(out, ",\n         \"fields\": {");
                json_fields(&c, el, "           ");
                egaf_buf_puts(out, "}}");
                egaf_export_drain(out, options, false);
            }
        }
        egaf_buf_puts(out, first ? "]\n    }" : "\n      ]\n    }");
    }
    egaf_buf_puts(out, nmodels ? "\n  ],\n  \"national\": [" : "],\n  \"national\": [");
    for (size_t i = 0; i < c.nnational; i++) {
        const char *id = c.national_ids[i];
        const egaf_ref_entry *e = refs ? egaf_refs_find(refs, id) : NULL;
        egaf_buf_puts(out, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        egaf_buf_json_string(out, id);
        egaf_buf_printf(out, ", \"found\": %s", e ? "true" : "false");
        if (e) {
            egaf_buf_printf(out, ", \"kind\": \"%s\"", egaf_ref_kind_name(e->kind));
            const char *keys[] = {"name", "name-en", "abbr", "category", "source"};
            const char *vals[] = {e->name, e->name_en, e->abbr, e->category, e->source};
            for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
                if (!vals[k])
                    continue;
                egaf_buf_printf(out, ", \"%s\": ", keys[k]);
                egaf_buf_json_string(out, vals[k]);
            }
        }
        egaf_buf_putc(out, '}');
        egaf_export_drain(out, options, false);
    }
    egaf_buf_puts(out, c.nnational ? "\n  ]\n}\n" : "]\n}\n");
    egaf_export_drain(out, options, true);
    for (size_t i = 0; i < c.nnational; i++)
        free((char *)c.national_ids[i]);
    free(c.national_ids);
    egaf_strmap_free(&c.national);
    egaf_export_index_free(&c.ix);
    return c.failed || out->failed ? -1 : 0;
}
