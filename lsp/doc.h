/* doc.h - one document the editor has open, as the LSP server keeps it:
 * its text as typed (not as saved), and the model last loaded from it, which
 * completion, hover and go-to-definition read. */
#ifndef EGAF_LSP_DOC_H
#define EGAF_LSP_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "model/model.h"
#include "refs/refs.h"

typedef struct egaf_lsp_doc {
    char *uri;
    /* The file's path when the URI is a file: URI, else NULL (an unsaved
     * buffer): then includes and the folder's other models are not read. */
    char *path;
    char *text;
    size_t len;
    long long version;
    bool dirty;          /* changed since it was last checked */
    egaf_model *model;   /* the last load, or NULL */
    char **published;    /* paths whose diagnostics were last published */
    size_t npublished;
} egaf_lsp_doc;

/* The byte offset of an LSP position (0-based line, UTF-16 character) in
 * the document's text, clamped to the line; -1 when the line is past the
 * end. */
long long egaf_lsp_doc_offset(const egaf_lsp_doc *doc, json_t *position);
/* A JSON position {line, character} for egaf's 1-based line and column in
 * the text of the given file (one of the model's files). */
json_t *egaf_lsp_position_json(const egaf_model *model, const char *file, unsigned line,
                               unsigned col);
/* The file: URI of a path (percent-encoded), malloc'd. */
char *egaf_lsp_uri_of_path(const char *path);
/* The year the document's model states (`architecture.year`), or 0. */
int egaf_lsp_doc_year(const egaf_lsp_doc *doc);

#endif
