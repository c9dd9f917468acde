/* archimate_doc.h - an ArchiMate exchange file being written, shared by
 * its concepts (export_archimate.c) and its diagrams (archimate_views.c,
 * the one part that needs Graphviz, so that egaf itself, which maps no
 * Graphviz, writes the file without diagrams). */
#ifndef EGAF_ARCHIMATE_DOC_H
#define EGAF_ARCHIMATE_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "export/export.h"

typedef struct egaf_am_doc egaf_am_doc;

struct egaf_am_doc {
    egaf_buf *out;
    egaf_am_model *am;
    const egaf_export_options *options;
    bool views_open; /* <views><diagrams> written */
    egaf_strmap prop_ids; /* key -> "propid-N" */
    const char **prop_keys;
    size_t nprop_keys, prop_keys_cap;
};

/* The diagrams of models, written into doc after its concepts (each opens
 * <views><diagrams> the first time, views_open); problems become findings
 * in diags, a failure sets doc->am->failed. */
typedef void egaf_am_views_fn(egaf_am_doc *doc, egaf_model *const *models, size_t nmodels,
                              const egaf_refs *refs, egaf_diags *diags);

/* The exchange file of models into out, with the diagrams views writes
 * (NULL, or options->no_views: none). Returns 0, or -1 when memory ran out
 * or the sink failed. */
int egaf_am_doc_write(egaf_buf *out, egaf_model *const *models, size_t nmodels,
                      const egaf_refs *refs, const egaf_export_options *options,
                      egaf_am_views_fn *views, egaf_diags *diags);

/* <tag xml:lang="vi">vi</tag> and <tag xml:lang="en">en</tag> (each when
 * not NULL), the file's language first. */
void egaf_am_doc_names(egaf_am_doc *doc, const char *indent, const char *tag, const char *vi,
                       const char *en);

#endif
