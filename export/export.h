/* export.h - the models in the forms other tools open: the ArchiMate 3.1
 * Open Exchange Format (Archi, BiZZdesign, …), Archi's three-file CSV layout
 * and a JSON document of the whole resolved model. docs/export.md describes
 * the mapping and the layouts.
 *
 * ArchiMate and CSV share one concept model (egaf_am_model): every egaf
 * element becomes an ArchiMate element, every reference field an ArchiMate
 * relationship allowed by the ArchiMate 3.1 relationship table (Appendix B),
 * checked by egaf_am_allowed() before it is written. The same inputs give the
 * same bytes: everything is written in model order, identifiers are derived
 * from the egaf ids, never from pointers or time.
 *
 * Ownership: egaf_am_build() / egaf_am_free(); every string of the concept
 * model lives in its arena. The writers append to caller-owned buffers. */
#ifndef EGAF_EXPORT_H
#define EGAF_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "model/model.h"
#include "refs/refs.h"
#include "render/render.h"
#include "base/strmap.h"
#include "base/diag.h"

typedef enum egaf_export_format {
    EGAF_EXPORT_ARCHIMATE,
    EGAF_EXPORT_CSV,
    EGAF_EXPORT_JSON,
} egaf_export_format;

/* Where a writer's text goes as it is produced. With flush set, a writer
 * hands its buffer to flush whenever it holds EGAF_EXPORT_CHUNK bytes or
 * more, and once more at the end; flush writes the bytes somewhere (the
 * command's temporary file) and empties the buffer, or returns -1, after
 * which the writer stops and fails. Without flush the whole text stays in
 * the buffer (tests, small outputs). So the memory an export needs does not
 * grow with its output (docs/performance.md). */
#define EGAF_EXPORT_CHUNK (64 * 1024)
typedef struct egaf_export_sink {
    int (*flush)(void *ctx, egaf_buf *buf);
    void *ctx;
} egaf_export_sink;

typedef struct egaf_export_options {
    bool en;             /* English names first (name-en, falling back to name) */
    const char *version; /* egaf's version, written in the JSON header */
    bool no_views;       /* ArchiMate: leave the diagrams out (no layout) */
    egaf_gv *gv;         /* ArchiMate's diagrams are laid out in it (render.h);
                            required unless no_views */
    egaf_export_sink sink; /* zero: everything in the caller's buffer */
} egaf_export_options;

/* Hands buf to the options' sink when it holds a chunk (or, with all, any
 * byte). Returns false when the sink failed; buf is then marked failed. */
bool egaf_export_drain(egaf_buf *buf, const egaf_export_options *options, bool all);

int egaf_export_format_parse(const char *name, egaf_export_format *out); /* -1: unknown */

/* --- references, as every export resolves them ------------------------- */

typedef enum egaf_ref_scope {
    EGAF_SCOPE_LOCAL,    /* bare id, or "<own-id>:id" */
    EGAF_SCOPE_NATIONAL, /* "national:id" */
    EGAF_SCOPE_ARCH,     /* "other-arch:id" */
} egaf_ref_scope;

typedef struct egaf_export_ref {
    egaf_ref_scope scope;
    const char *arch; /* the architecture's id (NULL for national) */
    const char *id;   /* points into buf */
    const egaf_element *element;  /* local or other architecture, when loaded */
    const egaf_ref_entry *entry;  /* national, when in the reference models */
    char buf[256];
} egaf_export_ref;

const char *egaf_ref_scope_name(egaf_ref_scope scope);

/* --- the ArchiMate concept model ---------------------------------------- */

typedef struct egaf_am_prop {
    const char *key, *value;
} egaf_am_prop;

typedef struct egaf_am_props {
    egaf_am_prop *items;
    size_t count, cap;
} egaf_am_props;

typedef struct egaf_am_element {
    const char *identifier; /* an XML NCName, unique in the model */
    const char *type;       /* "ApplicationComponent" */
    const char *name;       /* in the chosen language */
    const char *name_vi, *name_en; /* name_en NULL when the model has none */
    const char *documentation;     /* NULL when none */
    const char *key;               /* "arch:id" or "national:id", for views */
    egaf_am_props props;           /* read them with egaf_am_element_props */
    const egaf_element *origin;    /* streamed: the model element whose
                                      properties are made again when asked */
    size_t model;                  /* streamed: origin's model */
} egaf_am_element;

typedef struct egaf_am_rel {
    const char *identifier;
    const char *type;        /* "Serving" */
    const char *name;        /* NULL when none */
    const char *access_type; /* Access: "ReadWrite"… else NULL */
    bool directed;           /* Association */
    size_t source, target;   /* element indexes */
    const char *field;       /* the egaf field it stands for: written as the
                                first property, "egaf-field" (kept apart: one
                                array less per relationship) */
    egaf_am_props props;
} egaf_am_rel;

typedef struct egaf_am_model {
    egaf_arena *arena;
    bool en;
    const char *identifier;
    const char *name, *name_vi, *name_en, *documentation;
    egaf_am_props props;
    egaf_am_element *elements;
    size_t nelements, elements_cap;
    egaf_am_rel *rels;
    size_t nrels, rels_cap;
    egaf_strmap ids;    /* identifiers in use */
    egaf_strmap by_key; /* "arch:id" / "national:id" -> element index + 1 */
    bool failed;        /* out of memory */
    struct egaf_am_stream *stream; /* egaf_am_build_streamed: rels is NULL, the
                                      relationships (nrels of them) are derived
                                      again at each egaf_am_each_rel */
} egaf_am_model;

/* Builds the concept model of the models (each loaded; refs may be NULL).
 * Returns NULL when memory runs out. */
egaf_am_model *egaf_am_build(egaf_model *const *models, size_t nmodels, const egaf_refs *refs,
                             bool en);
void egaf_am_free(egaf_am_model *am);

/* The same, for a writer that walks the relationships in order without
 * keeping them: when no relationship's identifier can be the same as
 * another's (plain ids, as the validator asks for), they are not kept but
 * derived again, one at a time, at each egaf_am_each_rel (a national set has
 * hundreds of thousands: docs/performance.md); otherwise they are kept, as
 * by egaf_am_build. The models and refs must outlive the concept model. */
egaf_am_model *egaf_am_build_streamed(egaf_model *const *models, size_t nmodels,
                                      const egaf_refs *refs, bool en);

/* The element i's properties; a streamed model element's are made again
 * at each call and live until the next. */
const egaf_am_props *egaf_am_element_props(egaf_am_model *am, size_t i);

/* Hands every relationship to fn in order (a streamed one lives until fn
 * returns); fn returns false to stop. Returns false when fn stopped or
 * memory ran out. */
typedef bool (*egaf_am_rel_fn)(void *ctx, const egaf_am_model *am, const egaf_am_rel *r);
bool egaf_am_each_rel(egaf_am_model *am, egaf_am_rel_fn fn, void *ctx);

/* Whether the ArchiMate 3.1 relationship table allows a relationship of type
 * rel ("Serving", "Access", …) from an element of type source to one of type
 * target, for the element types the export writes. Association is allowed
 * between any two of them. */
bool egaf_am_allowed(const char *source, const char *rel, const char *target);

/* A string as an XML NCName identifier part: [A-Za-z0-9._-] kept, anything
 * else becomes '_'. */
void egaf_am_ncname(egaf_buf *out, const char *s);

/* For the writers: an array of count items of size bytes with room for
 * one more (doubled as needed; NULL and am->failed when memory runs out);
 * a new identifier from prefix and the parts a, b, c that may be NULL
 * ("id-lang-son.cong-dvc", "-2" and on when taken); the index of the
 * element of key ("arch:id", "national:id"), SIZE_MAX when none. */
void *egaf_am_grow(egaf_am_model *am, void *items, size_t *cap, size_t count, size_t size);
const char *egaf_am_ident(egaf_am_model *am, const char *prefix, const char *a,
                          const char *b, const char *c);
size_t egaf_am_element_of_key(const egaf_am_model *am, const char *key);

/* --- writers ------------------------------------------------------------- */

/* The ArchiMate exchange file: the concept model and, unless no_views, one
 * diagram per egaf view and model with the nodes placed by Graphviz's dot
 * layout (archimate_views.c). Layout problems become render.graphviz
 * findings. Returns 0, or -1 when memory ran out. */
int egaf_export_archimate(egaf_buf *out, egaf_model *const *models, size_t nmodels,
                          const egaf_refs *refs, const egaf_export_options *options,
                          egaf_diags *diags);
/* The same file without diagrams, whatever no_views says: what egaf
 * itself writes for --no-views, without Graphviz (export_archimate.c). */
int egaf_export_archimate_concepts(egaf_buf *out, egaf_model *const *models, size_t nmodels,
                                   const egaf_refs *refs, const egaf_export_options *options);

/* Archi's CSV layout: three files, UTF-8 with a byte-order mark, CRLF line
 * ends, every field quoted (quotes doubled), the text as it is: Archi reads
 * these files, not a spreadsheet, and an apostrophe in front of a name
 * would become part of the name (the site's CSV, meant for spreadsheets,
 * keeps the formula guard of egaf_csv_field). */
typedef struct egaf_csv_files {
    egaf_buf elements, relations, properties;
} egaf_csv_files;

int egaf_export_csv(egaf_csv_files *out, egaf_model *const *models, size_t nmodels,
                    const egaf_refs *refs, const egaf_export_options *options);
/* One CSV field, quoted, for a spreadsheet: a field that a spreadsheet
 * would read as a formula (= + - @, tab, CR or LF first) is prefixed with '. */
void egaf_csv_field(egaf_buf *out, const char *s);
/* One CSV field, quoted, the text as it is (Archi's files). */
void egaf_csv_field_raw(egaf_buf *out, const char *s);

/* The JSON document: header, every architecture with every element and its
 * fields, references resolved to {scope, arch, id, found}, and the national
 * entries the models name. */
int egaf_export_json(egaf_buf *out, egaf_model *const *models, size_t nmodels,
                     const egaf_refs *refs, const egaf_export_options *options);

/* The loaded models' ids, indexed once so that resolving a reference is a
 * lookup rather than a walk over the model (resolve.c). Borrows models and
 * refs, which must outlive it. */
typedef struct egaf_export_index {
    egaf_model *const *models;
    size_t nmodels;
    const egaf_refs *refs;
    egaf_strmap archs;   /* a model's id -> its index + 1 (the first of that id) */
    void *entries;       /* every model's element ids, each model's sorted */
    size_t *starts;      /* model i's ids are entries[starts[i]..starts[i+1]) */
} egaf_export_index;

/* Returns 0, or -1 when memory ran out (nothing to free then). */
int egaf_export_index_init(egaf_export_index *ix, egaf_model *const *models, size_t nmodels,
                           const egaf_refs *refs);
void egaf_export_index_free(egaf_export_index *ix);

/* Whether model mi has an element of id; whether no two of its elements
 * share an id. */
bool egaf_export_index_has(const egaf_export_index *ix, size_t mi, const char *id);
bool egaf_export_index_unique(const egaf_export_index *ix, size_t mi);
/* The index of the model of id arch (len bytes), SIZE_MAX when none; a
 * value the caller keeps for model mi's element id (0 until set). */
size_t egaf_export_index_model(const egaf_export_index *ix, const char *arch, size_t len);
void egaf_export_index_set(egaf_export_index *ix, size_t mi, const char *id, size_t value);
size_t egaf_export_index_value(const egaf_export_index *ix, size_t mi, const char *id);

/* Resolves a reference written in the index's model mi against the loaded
 * models and the reference models. */
void egaf_export_resolve(const egaf_export_index *ix, size_t mi, const char *ref,
                         egaf_export_ref *out);

#endif
