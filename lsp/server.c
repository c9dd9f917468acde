/* server.c - the LSP server's messages, documents and diagnostics
 * (server.h). Completion, hover and definition are in assist.c. */
#include "lsp/server.h"
#include "base/grow.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "lsp/assist.h"
#include "lsp/doc.h"
#include "lsp/position.h"
#include "lsp/rpc.h"
#include "report/report.h"
#include "validator/validate.h"

/* JSON-RPC's error codes, and the protocol's own. */
enum {
    RPC_PARSE_ERROR = -32700,
    RPC_INVALID_REQUEST = -32600,
    RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602,
    RPC_INTERNAL_ERROR = -32603,
    LSP_SERVER_NOT_INITIALIZED = -32002,
    LSP_INVALID_REQUEST_AFTER_SHUTDOWN = -32600,
};


struct egaf_lsp {
    const egaf_refs *refs;
    egaf_lsp_callbacks cb;
    egaf_lsp_doc **docs;
    size_t ndocs, cap;
    bool initialized, shutdown, exited, broken;
    /* the input stream's bytes not yet handled */
    char *in;
    size_t in_len, in_cap;
    size_t in_skip; /* bytes of a refused message still to drop */
};

egaf_lsp *egaf_lsp_create(const egaf_refs *refs, const egaf_lsp_callbacks *callbacks)
{
    egaf_lsp *s = calloc(1, sizeof(*s));
    if (!s)
        return NULL;
    s->refs = refs;
    s->cb = *callbacks;
    return s;
}

static void free_published(egaf_lsp_doc *doc)
{
    for (size_t i = 0; i < doc->npublished; i++)
        free(doc->published[i]);
    free(doc->published);
    doc->published = NULL;
    doc->npublished = 0;
}

static void free_doc(egaf_lsp_doc *doc)
{
    if (!doc)
        return;
    free(doc->uri);
    free(doc->path);
    free(doc->text);
    egaf_model_free(doc->model);
    free_published(doc);
    free(doc);
}

void egaf_lsp_free(egaf_lsp *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->ndocs; i++)
        free_doc(s->docs[i]);
    free(s->docs);
    free(s->in);
    free(s);
}

bool egaf_lsp_exited(const egaf_lsp *s, int *code)
{
    if (s->exited && code)
        *code = s->shutdown ? 0 : 1;
    return s->exited;
}

bool egaf_lsp_broken(const egaf_lsp *s)
{
    return s->broken;
}

bool egaf_lsp_pending(const egaf_lsp *s)
{
    for (size_t i = 0; i < s->ndocs; i++)
        if (s->docs[i]->dirty)
            return true;
    return false;
}

/* ---- sending ---- */

/* Sends msg and releases it. */
static void send_message(egaf_lsp *s, json_t *msg)
{
    if (!msg) {
        s->broken = true;
        return;
    }
    if (json_object_set_new(msg, "jsonrpc", json_string("2.0")) != 0) {
        json_decref(msg);
        s->broken = true;
        return;
    }
    char *text = json_dumps(msg, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(msg);
    if (!text || s->cb.send(s->cb.ctx, text, strlen(text)) != 0)
        s->broken = true;
    free(text);
}

static void respond(egaf_lsp *s, json_t *id, json_t *result)
{
    json_t *msg = json_object();
    if (msg) {
        json_object_set(msg, "id", id ? id : json_null());
        json_object_set_new(msg, "result", result ? result : json_null());
    } else {
        json_decref(result);
    }
    send_message(s, msg);
}

static void respond_error(egaf_lsp *s, json_t *id, int code, const char *message)
{
    json_t *msg = json_pack("{s:O,s:{s:i,s:s}}", "id", id ? id : json_null(), "error", "code",
                            code, "message", message);
    send_message(s, msg);
}

static void notify(egaf_lsp *s, const char *method, json_t *params)
{
    json_t *msg = json_pack("{s:s,s:o}", "method", method, "params", params);
    send_message(s, msg);
}

void egaf_lsp_reject(egaf_lsp *s, const char *why)
{
    respond_error(s, NULL, RPC_INVALID_REQUEST, why);
}

/* ---- documents ---- */

static egaf_lsp_doc *find_doc(egaf_lsp *s, const char *uri)
{
    for (size_t i = 0; uri && i < s->ndocs; i++)
        if (strcmp(s->docs[i]->uri, uri) == 0)
            return s->docs[i];
    return NULL;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The path of a file: URI (percent-decoded), or NULL for another scheme or
 * a path holding a NUL. */
static char *path_of_uri(const char *uri)
{
    static const char scheme[] = "file://";
    if (strncmp(uri, scheme, sizeof scheme - 1) != 0)
        return NULL;
    const char *p = uri + sizeof scheme - 1;
    if (*p != '/') /* file://host/path: only the local host */
        return NULL;
    char *out = malloc(strlen(p) + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    for (; *p; p++) {
        if (*p == '%') {
            int hi = hex_value(p[1]), lo = hi < 0 ? -1 : hex_value(p[2]);
            if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
                free(out);
                return NULL;
            }
            out[n++] = (char)(hi * 16 + lo);
            p += 2;
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
    return out;
}

char *egaf_lsp_uri_of_path(const char *path)
{
    static const char keep[] = "/-._~";
    size_t len = strlen(path);
    char *out = malloc(7 + len * 3 + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    memcpy(out, "file://", 7);
    n = 7;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr(keep, *p)) {
            out[n++] = (char)*p;
        } else {
            static const char hex[] = "0123456789ABCDEF";
            out[n++] = '%';
            out[n++] = hex[*p >> 4];
            out[n++] = hex[*p & 15];
        }
    }
    out[n] = '\0';
    return out;
}

/* Replaces bytes [a, b) of the document's text with tlen bytes of text. */
static int splice_text(egaf_lsp_doc *doc, size_t a, size_t b, const char *text, size_t tlen)
{
    size_t len = doc->len - (b - a) + tlen;
    char *n = malloc(len + 1);
    if (!n)
        return -1;
    if (a)
        memcpy(n, doc->text, a);
    memcpy(n + a, text, tlen);
    if (doc->len > b)
        memcpy(n + a + tlen, doc->text + b, doc->len - b);
    n[len] = '\0';
    free(doc->text);
    doc->text = n;
    doc->len = len;
    doc->dirty = true;
    return 0;
}

/* Replaces the document's text with len bytes of text. */
static int set_text(egaf_lsp_doc *doc, const char *text, size_t len)
{
    return splice_text(doc, 0, doc->len, text, len);
}

long long egaf_lsp_doc_offset(const egaf_lsp_doc *doc, json_t *position)
{
    json_int_t line = json_integer_value(json_object_get(position, "line"));
    json_int_t character = json_integer_value(json_object_get(position, "character"));
    if (!json_is_integer(json_object_get(position, "line")) || line < 0 || character < 0 ||
        line > 0xFFFFFFFF || character > 0xFFFFFFFF)
        return -1;
    size_t start, end;
    if (egaf_lsp_line_range(doc->text, doc->len, (uint32_t)line, &start, &end) != 0)
        return -1;
    size_t offset =
        start + egaf_lsp_byte_of_utf16(doc->text + start, end - start, (uint32_t)character);
    return (long long)offset;
}

/* Applies one change of didChange: the whole text, or a range replaced. */
static int apply_change(egaf_lsp_doc *doc, json_t *change)
{
    const char *text = json_string_value(json_object_get(change, "text"));
    if (!text)
        return -1;
    size_t tlen = json_string_length(json_object_get(change, "text"));
    json_t *range = json_object_get(change, "range");
    if (!range)
        return set_text(doc, text, tlen);
    long long a = egaf_lsp_doc_offset(doc, json_object_get(range, "start"));
    long long b = egaf_lsp_doc_offset(doc, json_object_get(range, "end"));
    if (a < 0 || b < 0 || b < a)
        return -1;
    return splice_text(doc, (size_t)a, (size_t)b, text, tlen);
}

static void did_open(egaf_lsp *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(td, "uri"));
    json_t *text = json_object_get(td, "text");
    if (!uri || !json_is_string(text))
        return;
    egaf_lsp_doc *doc = find_doc(s, uri);
    if (!doc) {
        s->docs = egaf_grow(s->docs, &s->cap, s->ndocs, sizeof(*s->docs), 8);
        if (s->ndocs == s->cap)
            return;
        doc = calloc(1, sizeof(*doc));
        if (!doc || !(doc->uri = strdup(uri))) {
            free(doc);
            return;
        }
        doc->path = path_of_uri(uri);
        s->docs[s->ndocs++] = doc;
    }
    doc->version = json_integer_value(json_object_get(td, "version"));
    set_text(doc, json_string_value(text), json_string_length(text));
}

static void did_change(egaf_lsp *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    egaf_lsp_doc *doc = find_doc(s, json_string_value(json_object_get(td, "uri")));
    json_t *changes = json_object_get(params, "contentChanges");
    if (!doc || !json_is_array(changes))
        return;
    size_t i;
    json_t *change;
    json_array_foreach(changes, i, change) {
        if (apply_change(doc, change) != 0)
            break;
    }
    doc->version = json_integer_value(json_object_get(td, "version"));
}

static void publish(egaf_lsp *s, const char *uri, json_t *diagnostics, long long version)
{
    json_t *params = json_pack("{s:s,s:o}", "uri", uri, "diagnostics", diagnostics);
    if (params && version)
        json_object_set_new(params, "version", json_integer(version));
    notify(s, "textDocument/publishDiagnostics", params);
}

static void did_close(egaf_lsp *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    egaf_lsp_doc *doc = find_doc(s, json_string_value(json_object_get(td, "uri")));
    if (!doc)
        return;
    /* the editor keeps showing published diagnostics until they are cleared */
    for (size_t i = 0; i < doc->npublished; i++) {
        char *uri = i == 0 ? strdup(doc->uri) : egaf_lsp_uri_of_path(doc->published[i]);
        if (uri)
            publish(s, uri, json_array(), 0);
        free(uri);
    }
    for (size_t i = 0; i < s->ndocs; i++)
        if (s->docs[i] == doc) {
            memmove(s->docs + i, s->docs + i + 1, (s->ndocs - i - 1) * sizeof(*s->docs));
            s->ndocs--;
            break;
        }
    free_doc(doc);
}

/* ---- diagnostics ---- */

/* The source of the model that is the file named path, or NULL. */
static const egaf_source *source_named(const egaf_model *m, const char *path)
{
    for (size_t i = 0; m && path && i < m->nfiles; i++)
        if (m->files[i]->path && strcmp(m->files[i]->path, path) == 0)
            return m->files[i];
    return NULL;
}

json_t *egaf_lsp_position_json(const egaf_model *model, const char *file, unsigned line,
                               unsigned col)
{
    const egaf_source *src = source_named(model, file);
    uint32_t character = 0;
    if (src && line >= 1) {
        size_t len = 0;
        egaf_buf buf;
        egaf_buf_init(&buf);
        const char *text = egaf_source_line(src, line, &len, &buf);
        if (text)
            character = egaf_lsp_utf16_of_col(text, len, col ? col : 1);
        egaf_buf_free(&buf);
    }
    return json_pack("{s:I,s:I}", "line", (json_int_t)(line ? line - 1 : 0), "character",
                     (json_int_t)character);
}

static json_t *range_json(const egaf_model *m, const char *file, unsigned line, unsigned col,
                          unsigned span)
{
    return json_pack("{s:o,s:o}", "start", egaf_lsp_position_json(m, file, line, col), "end",
                     egaf_lsp_position_json(m, file, line, col + (span ? span : 1)));
}

static int severity_of(egaf_severity sev)
{
    return sev == EGAF_SEV_ERROR ? 1 : sev == EGAF_SEV_WARNING ? 2 : 3;
}

static json_t *diagnostic_json(const egaf_model *m, const egaf_finding *f, const char *file)
{
    char *message = NULL;
    if (f->hint && asprintf(&message, "%s\n%s", f->message, f->hint) < 0)
        message = NULL;
    egaf_buf href;
    egaf_buf_init(&href);
    egaf_report_rule_uri(&href, f->rule);
    json_t *d = json_pack("{s:o,s:i,s:s,s:{s:s},s:s,s:s}", "range",
                          range_json(m, file, f->line, f->col, f->span), "severity",
                          severity_of(f->severity), "code", f->rule, "codeDescription", "href",
                          href.len ? href.data : "", "source", "egaf", "message",
                          message ? message : f->message);
    free(message);
    egaf_buf_free(&href);
    if (d && f->fix && f->fix_line)
        json_object_set_new(d, "data",
                            json_pack("{s:s,s:o}", "fix", f->fix, "insertAt",
                                      egaf_lsp_position_json(m, file, f->fix_line, f->fix_col)));
    else if (d && f->fix)
        json_object_set_new(d, "data", json_pack("{s:s}", "fix", f->fix));
    if (d && f->nrelated) {
        json_t *rel = json_array();
        for (size_t i = 0; rel && i < f->nrelated; i++) {
            const egaf_related *r = &f->related[i];
            char *uri = r->file ? egaf_lsp_uri_of_path(r->file) : NULL;
            if (uri)
                json_array_append_new(
                    rel, json_pack("{s:{s:s,s:o},s:s}", "location", "uri", uri, "range",
                                   range_json(m, r->file, r->line, r->col, r->span), "message",
                                   r->message ? r->message : ""));
            free(uri);
        }
        json_object_set_new(d, "relatedInformation", rel);
    }
    return d;
}

/* The model of an open document loaded from its text as typed. */
static egaf_model *load_doc(const egaf_lsp_doc *doc, egaf_diags *diags)
{
    egaf_load_options options;
    memset(&options, 0, sizeof(options));
    options.includes_beside_path = doc->path != NULL;
    return egaf_model_load_memory(doc->path ? doc->path : doc->uri, doc->text, doc->len,
                                  &options, diags);
}

/* True when both documents are files of one folder. */
static bool same_folder(const egaf_lsp_doc *a, const egaf_lsp_doc *b)
{
    if (!a->path || !b->path)
        return false;
    const char *sa = strrchr(a->path, '/'), *sb = strrchr(b->path, '/');
    return sa && sb && sa - a->path == sb - b->path &&
           strncmp(a->path, b->path, (size_t)(sa - a->path)) == 0;
}

/* Checks doc with the other open models of its folder (for references
 * between architectures) and publishes the findings in doc's own files. */
static void check_doc(egaf_lsp *s, egaf_lsp_doc *doc)
{
    doc->dirty = false;
    egaf_diags *diags = egaf_diags_create();
    egaf_diags *others_diags = egaf_diags_create();
    egaf_model **models = calloc(s->ndocs, sizeof(*models));
    if (!diags || !others_diags || !models) {
        egaf_diags_free(diags);
        egaf_diags_free(others_diags);
        free(models);
        return;
    }
    size_t n = 0;
    models[n++] = load_doc(doc, diags);
    for (size_t i = 0; i < s->ndocs; i++)
        if (s->docs[i] != doc && same_folder(doc, s->docs[i]))
            models[n++] = load_doc(s->docs[i], others_diags);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (models[i])
            models[kept++] = models[i];
    n = kept;
    egaf_model *m = n && models[0] && strcmp(models[0]->path, doc->path ? doc->path : doc->uri) == 0
                        ? models[0]
                        : NULL;
    if (m) {
        egaf_validator *v = egaf_validator_create(s->refs);
        if (v) {
            egaf_validate(v, models, n, diags);
            egaf_validator_free(v);
        }
        egaf_diags_sort(diags);
    }
    /* one list of diagnostics per file of the model: the top-level file
     * under the client's own URI, includes under theirs */
    size_t nfiles = m ? m->nfiles : 0;
    if (nfiles == 0)
        nfiles = 1;
    json_t **lists = calloc(nfiles, sizeof(*lists));
    char **paths = calloc(nfiles, sizeof(*paths));
    for (size_t i = 0; lists && paths && i < nfiles; i++) {
        lists[i] = json_array();
        const char *p = m && m->nfiles ? m->files[i]->path : (doc->path ? doc->path : doc->uri);
        paths[i] = p ? strdup(p) : NULL;
    }
    for (size_t i = 0; m && lists && paths && i < egaf_diags_count(diags); i++) {
        const egaf_finding *f = egaf_diags_at(diags, i);
        if (f->waiver)
            continue;
        size_t at = 0;
        if (f->file) {
            for (at = 0; at < nfiles; at++)
                if (paths[at] && strcmp(paths[at], f->file) == 0)
                    break;
            if (at == nfiles)
                continue; /* a finding of another open model */
        }
        json_t *d = diagnostic_json(m, f, f->file ? f->file : paths[0]);
        if (d)
            json_array_append_new(lists[at], d);
    }
    for (size_t i = 0; lists && paths && i < nfiles; i++) {
        char *uri = i > 0 ? egaf_lsp_uri_of_path(paths[i]) : doc->uri ? strdup(doc->uri) : NULL;
        if (uri)
            publish(s, uri, lists[i], i == 0 ? doc->version : 0);
        else
            json_decref(lists[i]);
        lists[i] = NULL;
        free(uri);
    }
    /* files published before that this load no longer includes: cleared */
    for (size_t j = 1; paths && j < doc->npublished; j++) {
        bool still = false;
        for (size_t i = 1; i < nfiles; i++)
            still |= paths[i] && strcmp(paths[i], doc->published[j]) == 0;
        char *uri = still ? NULL : egaf_lsp_uri_of_path(doc->published[j]);
        if (uri)
            publish(s, uri, json_array(), 0);
        free(uri);
    }
    free_published(doc);
    if (paths) {
        doc->published = paths;
        doc->npublished = nfiles;
    }
    free(lists);
    for (size_t i = 0; i < n; i++)
        if (models[i] != m)
            egaf_model_free(models[i]);
    egaf_model_free(doc->model);
    doc->model = m;
    free(models);
    egaf_diags_free(diags);
    egaf_diags_free(others_diags);
}

void egaf_lsp_flush(egaf_lsp *s)
{
    for (size_t i = 0; i < s->ndocs; i++)
        if (s->docs[i]->dirty)
            check_doc(s, s->docs[i]);
}

/* A document of a request's params, checked if it changed since. */
static egaf_lsp_doc *request_doc(egaf_lsp *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    egaf_lsp_doc *doc = find_doc(s, json_string_value(json_object_get(td, "uri")));
    if (doc && doc->dirty)
        check_doc(s, doc);
    return doc;
}

/* ---- quick fixes ---- */

static json_t *edit_action(const char *title, const char *uri, json_t *range, const char *text,
                           json_t *diagnostic)
{
    json_t *edits = json_pack("[{s:O,s:s}]", "range", range, "newText", text);
    json_t *changes = json_object();
    if (!edits || !changes) {
        json_decref(edits);
        json_decref(changes);
        return NULL;
    }
    json_object_set_new(changes, uri, edits);
    return json_pack("{s:s,s:s,s:[O],s:b,s:{s:o}}", "title", title, "kind", "quickfix",
                     "diagnostics", diagnostic, "isPreferred", 1, "edit", "changes", changes);
}

static void code_action(egaf_lsp *s, json_t *id, json_t *params)
{
    egaf_lsp_doc *doc = request_doc(s, params);
    json_t *actions = json_array();
    json_t *diags = json_object_get(json_object_get(params, "context"), "diagnostics");
    size_t i;
    json_t *d;
    json_array_foreach(diags, i, d) {
        if (!doc || !json_is_object(d))
            continue;
        json_t *data = json_object_get(d, "data");
        const char *fix = json_string_value(json_object_get(data, "fix"));
        json_t *range = json_object_get(d, "range");
        json_t *insert_at = json_object_get(data, "insertAt");
        if (fix && json_is_object(insert_at)) {
            /* a missing part, added where it belongs */
            json_t *at = json_pack("{s:O,s:O}", "start", insert_at, "end", insert_at);
            json_t *a = at ? edit_action(_("Add the missing component from egaf init's template"),
                                         doc->uri, at, fix, d)
                           : NULL;
            json_decref(at);
            if (a)
                json_array_append_new(actions, a);
        } else if (fix && json_is_object(range)) {
            char title[512];
            snprintf(title, sizeof title, _("Replace with '%s'"), fix);
            json_t *a = edit_action(title, doc->uri, range, fix, d);
            if (a)
                json_array_append_new(actions, a);
        }
        json_t *waiver = egaf_lsp_waiver_action(doc, d);
        if (waiver)
            json_array_append_new(actions, waiver);
    }
    respond(s, id, actions);
}

/* ---- the protocol's life cycle ---- */

static void initialize(egaf_lsp *s, json_t *id, json_t *params)
{
    const char *locale = json_string_value(json_object_get(params, "locale"));
    if (locale && s->cb.locale)
        s->cb.locale(s->cb.ctx, locale);
    s->initialized = true;
    json_t *result = json_pack(
        "{s:{s:{s:b,s:i,s:{s:b}},s:{s:[s,s,s,s],s:b},s:b,s:b,s:{s:[s]}},s:{s:s,s:s}}",
        "capabilities", "textDocumentSync", "openClose", 1, "change", 2, "save",
        "includeText", 0, "completionProvider", "triggerCharacters", ":", " ", "-", ",",
        "resolveProvider", 0, "hoverProvider", 1, "definitionProvider", 1,
        "codeActionProvider", "codeActionKinds", "quickfix", "serverInfo", "name", "egaf",
        "version", EGAF_VERSION);
    respond(s, id, result);
}

typedef enum { NOTIFICATION, REQUEST } message_kind;

typedef struct method {
    const char *name;
    message_kind kind;
    void (*request)(egaf_lsp *s, json_t *id, json_t *params);
    void (*notification)(egaf_lsp *s, json_t *params);
} method;

static void completion(egaf_lsp *s, json_t *id, json_t *params)
{
    egaf_lsp_doc *doc = request_doc(s, params);
    respond(s, id, doc ? egaf_lsp_complete(doc, s->refs, json_object_get(params, "position"))
                       : json_array());
}

static void hover(egaf_lsp *s, json_t *id, json_t *params)
{
    egaf_lsp_doc *doc = request_doc(s, params);
    respond(s, id, doc ? egaf_lsp_hover(doc, s->refs, json_object_get(params, "position")) : NULL);
}

static void definition(egaf_lsp *s, json_t *id, json_t *params)
{
    egaf_lsp_doc *doc = request_doc(s, params);
    respond(s, id, doc ? egaf_lsp_definition(doc, json_object_get(params, "position")) : NULL);
}

static void shutdown_request(egaf_lsp *s, json_t *id, json_t *params)
{
    (void)params;
    s->shutdown = true;
    respond(s, id, NULL);
}

static void exit_notification(egaf_lsp *s, json_t *params)
{
    (void)params;
    s->exited = true;
}

static void ignore(egaf_lsp *s, json_t *params)
{
    (void)s;
    (void)params;
}

static const method methods[] = {
    {"initialize", REQUEST, initialize, NULL},
    {"initialized", NOTIFICATION, NULL, ignore},
    {"shutdown", REQUEST, shutdown_request, NULL},
    {"exit", NOTIFICATION, NULL, exit_notification},
    {"textDocument/didOpen", NOTIFICATION, NULL, did_open},
    {"textDocument/didChange", NOTIFICATION, NULL, did_change},
    {"textDocument/didClose", NOTIFICATION, NULL, did_close},
    {"textDocument/didSave", NOTIFICATION, NULL, ignore},
    {"textDocument/codeAction", REQUEST, code_action, NULL},
    {"textDocument/completion", REQUEST, completion, NULL},
    {"textDocument/hover", REQUEST, hover, NULL},
    {"textDocument/definition", REQUEST, definition, NULL},
};

void egaf_lsp_feed(egaf_lsp *s, const char *data, size_t n)
{
    while (n && !s->exited && !s->broken) {
        if (s->in_skip) {
            size_t drop = s->in_skip < n ? s->in_skip : n;
            s->in_skip -= drop;
            data += drop;
            n -= drop;
            continue;
        }
        /* take what fits, at most one message and its header more */
        size_t room = EGAF_LSP_MAX_MESSAGE + EGAF_RPC_MAX_HEADER - s->in_len;
        size_t take = n < room ? n : room;
        if (s->in_len + take > s->in_cap) {
            size_t cap = s->in_cap ? s->in_cap : 1 << 16;
            while (cap < s->in_len + take)
                cap *= 2;
            char *grown = realloc(s->in, cap);
            if (!grown) {
                s->broken = true;
                return;
            }
            s->in = grown;
            s->in_cap = cap;
        }
        memcpy(s->in + s->in_len, data, take);
        s->in_len += take;
        data += take;
        n -= take;
        size_t used = 0;
        while (!s->exited && !s->broken) {
            egaf_rpc_frame f;
            egaf_rpc_status st =
                egaf_rpc_frame_next(s->in + used, s->in_len - used, EGAF_LSP_MAX_MESSAGE, &f);
            if (st == EGAF_RPC_NEED_MORE)
                break;
            used += f.header_len;
            if (st == EGAF_RPC_MESSAGE) {
                egaf_lsp_handle(s, s->in + used, f.body_len);
                used += f.body_len;
            } else if (st == EGAF_RPC_TOO_LARGE) {
                egaf_lsp_reject(s, "message too large");
                size_t have = s->in_len - used;
                size_t drop = have < f.body_len ? have : f.body_len;
                used += drop;
                s->in_skip = f.body_len - drop;
            } else {
                egaf_lsp_reject(s, "bad header: Content-Length missing or invalid");
            }
        }
        memmove(s->in, s->in + used, s->in_len - used);
        s->in_len -= used;
    }
}

void egaf_lsp_handle(egaf_lsp *s, const char *body, size_t len)
{
    json_error_t err;
    json_t *msg = json_loadb(body, len, JSON_REJECT_DUPLICATES, &err);
    if (!msg) {
        respond_error(s, NULL, RPC_PARSE_ERROR, err.text);
        return;
    }
    json_t *id = json_object_get(msg, "id");
    const char *name = json_string_value(json_object_get(msg, "method"));
    bool id_ok = !id || json_is_string(id) || json_is_integer(id);
    if (!json_is_object(msg) || !id_ok || (!name && !id)) {
        respond_error(s, id_ok ? id : NULL, RPC_INVALID_REQUEST,
                      "not a JSON-RPC request or notification");
        json_decref(msg);
        return;
    }
    if (!name) { /* a response to a request of ours: we send none */
        json_decref(msg);
        return;
    }
    json_t *params = json_object_get(msg, "params");
    const method *found = NULL;
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (strcmp(methods[i].name, name) == 0)
            found = &methods[i];
    if (!id) { /* a notification: never answered */
        if (found && found->notification && (s->initialized || !strcmp(name, "exit")))
            found->notification(s, params);
    } else if (!found || !found->request) {
        respond_error(s, id, RPC_METHOD_NOT_FOUND, "unknown method");
    } else if (!s->initialized && strcmp(name, "initialize") != 0) {
        respond_error(s, id, LSP_SERVER_NOT_INITIALIZED, "initialize first");
    } else if (s->shutdown) {
        respond_error(s, id, LSP_INVALID_REQUEST_AFTER_SHUTDOWN, "the server is shutting down");
    } else if (params && !json_is_object(params) && !json_is_array(params)) {
        respond_error(s, id, RPC_INVALID_PARAMS, "params must be an object");
    } else {
        found->request(s, id, params);
    }
    json_decref(msg);
}
