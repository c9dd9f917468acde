/* export_archimate.c - the ArchiMate 3.1 Open Exchange Format writer: the
 * concept model (concepts.c), its folders and property definitions. Its
 * diagrams, laid out by Graphviz, are archimate_views.c's: without them
 * (--no-views) the file is written by egaf itself, which maps no Graphviz. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/archimate_doc.h"

static void x_text(egaf_am_doc *x, const char *s)
{
    egaf_buf_xml_text(x->out, s ? s : "");
}

void egaf_am_doc_names(egaf_am_doc *x, const char *indent, const char *tag, const char *vi,
                       const char *en)
{
    const char *langs[2] = {"vi", "en"};
    const char *texts[2] = {vi, en};
    for (int k = 0; k < 2; k++) {
        int i = x->am->en ? 1 - k : k;
        if (!texts[i])
            continue;
        egaf_buf_printf(x->out, "%s<%s xml:lang=\"%s\">", indent, tag, langs[i]);
        x_text(x, texts[i]);
        egaf_buf_printf(x->out, "</%s>\n", tag);
    }
}

static const char *prop_id(egaf_am_doc *x, const char *key)
{
    const char *id = egaf_strmap_get(&x->prop_ids, key, strlen(key));
    if (id)
        return id;
    egaf_am_model *am = x->am;
    const char **keys = egaf_am_grow(am, x->prop_keys, &x->prop_keys_cap, x->nprop_keys, sizeof(*keys));
    if (!keys)
        return "propid-0";
    x->prop_keys = keys;
    char *nid = egaf_arena_printf(am->arena, "propid-%zu", x->nprop_keys + 1);
    /* a streamed relationship's key lives only while it is written */
    key = egaf_arena_strdup(am->arena, key);
    if (!nid || !key) {
        am->failed = true;
        return "propid-0";
    }
    bool oom = false;
    egaf_strmap_put(&x->prop_ids, key, strlen(key), nid, &oom);
    if (oom)
        am->failed = true;
    x->prop_keys[x->nprop_keys++] = key;
    return nid;
}

/* The Vietnamese documentation, when there is some. */
static void x_documentation(egaf_am_doc *x, const char *indent, const char *text)
{
    if (!text)
        return;
    egaf_buf_printf(x->out, "%s<documentation xml:lang=\"vi\">", indent);
    x_text(x, text);
    egaf_buf_puts(x->out, "</documentation>\n");
}

static void x_prop(egaf_am_doc *x, const char *indent, const char *key, const char *value)
{
    egaf_buf_printf(x->out, "%s  <property propertyDefinitionRef=\"%s\">\n%s    <value>", indent,
                    prop_id(x, key), indent);
    x_text(x, value);
    egaf_buf_printf(x->out, "</value>\n%s  </property>\n", indent);
}

static void x_props(egaf_am_doc *x, const char *indent, const egaf_am_props *p, const char *field)
{
    if (!p->count && !field)
        return;
    egaf_buf_printf(x->out, "%s<properties>\n", indent);
    if (field)
        x_prop(x, indent, "egaf-field", field);
    for (size_t i = 0; i < p->count; i++) {
        if (!p->items[i].key || !p->items[i].value)
            continue;
        egaf_buf_printf(x->out, "%s  <property propertyDefinitionRef=\"%s\">\n%s    <value>",
                        indent, prop_id(x, p->items[i].key), indent);
        x_text(x, p->items[i].value);
        egaf_buf_printf(x->out, "</value>\n%s  </property>\n", indent);
    }
    egaf_buf_printf(x->out, "%s</properties>\n", indent);
}

/* Folders by layer, named as Archi names its top folders so that its
 * import files the elements where a user of Archi looks for them. */
static const struct {
    const char *label;
    const char *types[5];
} folders[] = {
    {"Strategy", {"CourseOfAction", NULL}},
    {"Business",
     {"BusinessActor", "BusinessInterface", "BusinessFunction", "BusinessService", NULL}},
    {"Application", {"ApplicationComponent", "DataObject", NULL}},
    {"Technology & Physical", {"Node", "CommunicationNetwork", "TechnologyService", NULL}},
    {"Motivation", {"Constraint", "Outcome", NULL}},
    {"Implementation & Migration", {"WorkPackage", NULL}},
    {"Other", {"Grouping", NULL}},
};

static bool in_folder(const char *type, size_t f)
{
    for (size_t i = 0; folders[f].types[i]; i++)
        if (strcmp(folders[f].types[i], type) == 0)
            return true;
    return false;
}

static bool x_relation_item(void *ctx, const egaf_am_model *am, const egaf_am_rel *r)
{
    egaf_am_doc *x = ctx;
    (void)am;
    egaf_buf_puts(x->out, "      <item identifierRef=\"");
    egaf_buf_puts(x->out, r->identifier);
    egaf_buf_puts(x->out, "\"/>\n");
    return egaf_export_drain(x->out, x->options, false);
}

static void x_organizations(egaf_am_doc *x)
{
    egaf_am_model *am = x->am;
    if (!am->nelements && !am->nrels)
        return;
    egaf_buf_puts(x->out, "  <organizations>\n");
    for (size_t f = 0; f < sizeof folders / sizeof folders[0]; f++) {
        bool open = false;
        for (size_t i = 0; i < am->nelements; i++) {
            if (!in_folder(am->elements[i].type, f))
                continue;
            if (!open) {
                egaf_buf_puts(x->out, "    <item>\n      <label xml:lang=\"en\">");
                x_text(x, folders[f].label);
                egaf_buf_puts(x->out, "</label>\n");
            }
            open = true;
            egaf_buf_printf(x->out, "      <item identifierRef=\"%s\"/>\n",
                            am->elements[i].identifier);
        }
        if (open)
            egaf_buf_puts(x->out, "    </item>\n");
        egaf_export_drain(x->out, x->options, false);
    }
    if (am->nrels) {
        egaf_buf_puts(x->out, "    <item>\n      <label xml:lang=\"en\">Relations</label>\n");
        egaf_am_each_rel(am, x_relation_item, x);
        egaf_buf_puts(x->out, "    </item>\n");
    }
    egaf_buf_puts(x->out, "  </organizations>\n");
}

/* One relationship, with its name and properties. */
static bool x_relationship(void *ctx, const egaf_am_model *am, const egaf_am_rel *r)
{
    egaf_am_doc *x = ctx;
    egaf_buf *out = x->out;
    egaf_buf_printf(out,
                    "    <relationship identifier=\"%s\" source=\"%s\" target=\"%s\" "
                    "xsi:type=\"%s\"",
                    r->identifier, am->elements[r->source].identifier,
                    am->elements[r->target].identifier, r->type);
    if (r->access_type)
        egaf_buf_printf(out, " accessType=\"%s\"", r->access_type);
    if (r->directed)
        egaf_buf_puts(out, " isDirected=\"true\"");
    egaf_buf_puts(out, ">\n");
    if (r->name) {
        egaf_buf_printf(out, "      <name xml:lang=\"%s\">", am->en ? "en" : "vi");
        x_text(x, r->name);
        egaf_buf_puts(out, "</name>\n");
    }
    x_props(x, "      ", &r->props, r->field);
    egaf_buf_puts(out, "    </relationship>\n");
    return egaf_export_drain(out, x->options, false);
}

int egaf_am_doc_write(egaf_buf *out, egaf_model *const *models, size_t nmodels,
                      const egaf_refs *refs, const egaf_export_options *options,
                      egaf_am_views_fn *views, egaf_diags *diags)
{
    bool en = options && options->en;
    /* without diagrams the relationships are walked in order only (twice:
     * the relationships, the Relations folder), so they need not be kept;
     * each diagram looks for its connections among all of them */
    bool with_views = views && !(options && options->no_views);
    egaf_am_model *am = with_views ? egaf_am_build(models, nmodels, refs, en)
                                   : egaf_am_build_streamed(models, nmodels, refs, en);
    if (!am)
        return -1;
    egaf_am_doc x;
    memset(&x, 0, sizeof x);
    x.out = out;
    x.am = am;
    x.options = options;
    egaf_strmap_init(&x.prop_ids);

    egaf_buf_puts(out,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" "
                  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                  "xsi:schemaLocation=\"http://www.opengroup.org/xsd/archimate/3.0/ "
                  "http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd\" ");
    egaf_buf_printf(out, "identifier=\"%s\">\n", am->identifier);
    egaf_am_doc_names(&x, "  ", "name", am->name_vi, am->name_en);
    x_documentation(&x, "  ", am->documentation);
    x_props(&x, "  ", &am->props, NULL);
    if (am->nelements) {
        egaf_buf_puts(out, "  <elements>\n");
        for (size_t i = 0; i < am->nelements; i++) {
            const egaf_am_element *e = &am->elements[i];
            egaf_buf_printf(out, "    <element identifier=\"%s\" xsi:type=\"%s\">\n",
                            e->identifier, e->type);
            egaf_am_doc_names(&x, "      ", "name", e->name_vi, e->name_en);
            x_documentation(&x, "      ", e->documentation);
            x_props(&x, "      ", egaf_am_element_props(am, i), NULL);
            egaf_buf_puts(out, "    </element>\n");
            if (!egaf_export_drain(out, options, false))
                break;
        }
        egaf_buf_puts(out, "  </elements>\n");
    }
    if (am->nrels) {
        egaf_buf_puts(out, "  <relationships>\n");
        egaf_am_each_rel(am, x_relationship, &x);
        egaf_buf_puts(out, "  </relationships>\n");
    }
    x_organizations(&x);
    /* every property key is known now: the views have no properties */
    if (x.nprop_keys) {
        egaf_buf_puts(out, "  <propertyDefinitions>\n");
        for (size_t i = 0; i < x.nprop_keys; i++) {
            egaf_buf_printf(out,
                            "    <propertyDefinition identifier=\"propid-%zu\" type=\"string\">\n"
                            "      <name>",
                            i + 1);
            x_text(&x, x.prop_keys[i]);
            egaf_buf_puts(out, "</name>\n    </propertyDefinition>\n");
        }
        egaf_buf_puts(out, "  </propertyDefinitions>\n");
    }
    if (with_views && nmodels && !am->failed && !out->failed)
        views(&x, models, nmodels, refs, diags);
    if (x.views_open)
        egaf_buf_puts(out, "    </diagrams>\n  </views>\n");
    egaf_buf_puts(out, "</model>\n");
    egaf_export_drain(out, options, true);
    bool failed = am->failed || out->failed;
    free(x.prop_keys);
    egaf_strmap_free(&x.prop_ids);
    egaf_am_free(am);
    return failed ? -1 : 0;
}

int egaf_export_archimate_concepts(egaf_buf *out, egaf_model *const *models, size_t nmodels,
                                   const egaf_refs *refs, const egaf_export_options *options)
{
    return egaf_am_doc_write(out, models, nmodels, refs, options, NULL, NULL);
}
