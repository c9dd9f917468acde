/* import_xml.c - `egaf import archimate`: the Open Group exchange format
 * read with libxml2 into the concept model (concept.h).
 *
 * Hostile input: parsed from memory with XML_PARSE_NONET (nothing fetched),
 * without XML_PARSE_NOENT (entities are not substituted), XML_PARSE_DTDLOAD
 * or XML_PARSE_HUGE (libxml2 keeps its limits on depth, 256, and on a text
 * node's size), errors collected from the parser's context rather than
 * printed; a document type declaration is refused outright, and the file's
 * size and the number of items are capped (import.h). */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "base/i18n.h"
#include "import/concept.h"

#define NS_ARCHIMATE "http://www.opengroup.org/xsd/archimate/3.0/"
#define NS_XSI "http://www.w3.org/2001/XMLSchema-instance"

static bool is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           strcmp((const char *)n->ns->href, NS_ARCHIMATE) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is(c, name))
            return c;
    return NULL;
}

static unsigned line_of(const xmlNode *n)
{
    long l = xmlGetLineNo(n);
    return l > 0 ? (unsigned)l : 0;
}

/* An attribute's value in the arena (NULL when missing). */
static const char *attr(im_model *im, const xmlNode *n, const char *name, const char *ns)
{
    xmlChar *v = ns ? xmlGetNsProp(n, (const xmlChar *)name, (const xmlChar *)ns)
                    : xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    const char *s = im_str(im, (const char *)v);
    xmlFree(v);
    return s;
}

static const char *text(im_model *im, const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    if (!v)
        return im_str(im, "");
    const char *s = im_str(im, (const char *)v);
    xmlFree(v);
    return s;
}

/* The names of n (tag "name" or "documentation") by language: vi, or one
 * without a language, first; en apart. */
static void names(im_model *im, const xmlNode *n, const char *tag, const char **vi,
                  const char **en)
{
    *vi = NULL;
    if (en)
        *en = NULL;
    const char *other = NULL;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (!is(c, tag))
            continue;
        xmlChar *lang = xmlNodeGetLang(c);
        const char *t = text(im, c);
        if (lang && strncmp((const char *)lang, "en", 2) == 0 && en) {
            if (!*en)
                *en = t;
        } else if (!lang || strncmp((const char *)lang, "vi", 2) == 0) {
            if (!*vi)
                *vi = t;
        } else if (!other) {
            other = t;
        }
        if (lang)
            xmlFree(lang);
    }
    if (!*vi)
        *vi = other;
    if (!*vi && en && *en) {
        /* one name, tagged English (Archi tags every name with its own
         * language): it is the name */
        *vi = *en;
        *en = NULL;
    }
}

/* propertyDefinitionRef -> its name */
typedef struct propdefs {
    const char **ids, **names;
    size_t n;
} propdefs;

static const char *propdef_name(const propdefs *d, const char *ref)
{
    for (size_t i = 0; ref && i < d->n; i++)
        if (strcmp(d->ids[i], ref) == 0)
            return d->names[i];
    return ref;
}

static void props(im_model *im, const xmlNode *n, const propdefs *d, im_props *out)
{
    const xmlNode *ps = child(n, "properties");
    for (const xmlNode *p = ps ? ps->children : NULL; p; p = p->next) {
        if (!is(p, "property"))
            continue;
        const char *ref = attr(im, p, "propertyDefinitionRef", NULL);
        const char *value = NULL;
        names(im, p, "value", &value, NULL);
        const char *key = propdef_name(d, ref);
        if (key)
            im_prop_add(im, out, key, value ? value : "");
    }
}

/* The type attribute without a namespace prefix. */
static const char *xsi_type(im_model *im, const xmlNode *n)
{
    const char *t = attr(im, n, "type", NS_XSI);
    if (!t)
        return NULL;
    const char *colon = strchr(t, ':');
    return colon ? colon + 1 : t;
}

/* The parser's first error (the last one is often a consequence of it). */
typedef struct first_error {
    bool set;
    unsigned line;
    char message[256];
} first_error;

static void on_error(void *user, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = user;
    first_error *fe = ctxt ? ctxt->_private : NULL;
    if (!fe || fe->set || !err || err->level < XML_ERR_ERROR)
        return;
    fe->set = true;
    fe->line = err->line > 0 ? (unsigned)err->line : 0;
    snprintf(fe->message, sizeof fe->message, "%s", err->message ? err->message : "");
    size_t n = strlen(fe->message);
    while (n && (fe->message[n - 1] == '\n' || fe->message[n - 1] == ' '))
        fe->message[--n] = '\0';
}

static int unreadable(egaf_diags *diags, const char *path, unsigned line, const char *fmt,
                      const char *arg)
{
    egaf_diag_at(diags, "import.unreadable", path, line, 0, NULL, fmt, arg ? arg : "");
    return 1;
}

static void read_model(im_model *im, const xmlNode *root, const char *path)
{
    propdefs d = {0};
    const xmlNode *defs = child(root, "propertyDefinitions");
    size_t ndefs = 0;
    for (const xmlNode *c = defs ? defs->children : NULL; c; c = c->next)
        ndefs += is(c, "propertyDefinition");
    d.ids = egaf_arena_alloc(im->arena, (ndefs + 1) * sizeof *d.ids);
    d.names = egaf_arena_alloc(im->arena, (ndefs + 1) * sizeof *d.names);
    if (!d.ids || !d.names) {
        im->failed = true;
        return;
    }
    for (const xmlNode *c = defs ? defs->children : NULL; c; c = c->next) {
        if (!is(c, "propertyDefinition"))
            continue;
        const char *id = attr(im, c, "identifier", NULL), *name = NULL;
        names(im, c, "name", &name, NULL);
        if (id && name) {
            d.ids[d.n] = id;
            d.names[d.n++] = name;
        }
    }
    names(im, root, "name", &im->name_vi, &im->name_en);
    names(im, root, "documentation", &im->documentation, NULL);
    props(im, root, &d, &im->props);

    const xmlNode *els = child(root, "elements");
    for (const xmlNode *c = els ? els->children : NULL; c && !im->failed; c = c->next) {
        if (!is(c, "element"))
            continue;
        im_element *e = im_element_add(im, attr(im, c, "identifier", NULL), path, line_of(c));
        if (!e)
            return;
        e->type = xsi_type(im, c);
        if (!e->type)
            e->type = "";
        names(im, c, "name", &e->name_vi, &e->name_en);
        names(im, c, "documentation", &e->documentation, NULL);
        props(im, c, &d, &e->props);
    }
    const xmlNode *rels = child(root, "relationships");
    for (const xmlNode *c = rels ? rels->children : NULL; c && !im->failed; c = c->next) {
        if (!is(c, "relationship"))
            continue;
        im_rel *r = im_rel_add(im, attr(im, c, "identifier", NULL), path, line_of(c));
        if (!r)
            return;
        r->source = attr(im, c, "source", NULL);
        r->target = attr(im, c, "target", NULL);
        r->type = xsi_type(im, c);
        if (!r->type)
            r->type = "";
        r->access_type = attr(im, c, "accessType", NULL);
        const char *en = NULL;
        names(im, c, "name", &r->name, &en);
        if (!r->name)
            r->name = en;
        props(im, c, &d, &r->props);
    }
}

int egaf_import_archimate(egaf_buf *out, const char *path, const char *data, size_t len,
                          const egaf_import_options *options, egaf_diags *diags)
{
    if (len > EGAF_IMPORT_MAX_SIZE)
        return unreadable(diags, path, 0, _("the file is larger than the import reads (%s)"),
                          "64 MiB");
    /* refused before libxml2 sees it: no entity of an internal subset is
     * ever declared, let alone expanded */
    const char *doctype = memmem(data, len, "<!DOCTYPE", 9);
    if (doctype) {
        unsigned line = 1;
        for (const char *p = data; p < doctype; p++)
            line += *p == '\n';
        return unreadable(diags, path, line,
                          _("the file has a document type declaration (%s), which the import "
                            "does not read"),
                          "<!DOCTYPE>");
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return -1;
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES |
               XML_PARSE_NOBLANKS;
    first_error fe = {false, 0, ""};
    ctxt->_private = &fe;
    ctxt->sax->serror = on_error;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL, opts);
    if (!doc || fe.set) {
        if (doc)
            xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctxt);
        return unreadable(diags, path, fe.line, _("not well-formed XML: %s"), fe.message);
    }
    int rc = 0;
    const xmlNode *root = xmlDocGetRootElement(doc);
    im_model im;
    bool im_ok = false;
    if (doc->intSubset || doc->extSubset) {
        rc = unreadable(diags, path, doc->intSubset ? line_of((xmlNode *)doc->intSubset) : 0,
                        _("the file has a document type declaration (%s), which the import "
                          "does not read"),
                        "<!DOCTYPE>");
    } else if (!root || !is(root, "model")) {
        rc = unreadable(diags, path, root ? line_of(root) : 0,
                        _("not an ArchiMate exchange file: the root is not <model> in the "
                          "namespace %s"),
                        NS_ARCHIMATE);
    } else if (im_init(&im, diags) != 0) {
        rc = -1;
    } else {
        im_ok = true;
        read_model(&im, root, path);
        if (im.too_many)
            rc = unreadable(diags, path, 0, _("the file holds more items than the import reads (%s)"),
                            "1,000,000");
        else if (im.failed)
            rc = -1;
        else
            rc = im_write_model(&im, out, options, path);
    }
    if (im_ok)
        im_free(&im);
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    return rc;
}
