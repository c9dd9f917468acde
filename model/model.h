/* model.h - one architecture in memory: its header, its elements by kind,
 * each value with the position it was written at.
 *
 * egaf_model_load() reads the top-level file and its includes, and reports
 * every problem of shape (unknown keys, wrong types, values not allowed,
 * missing keys, include problems, YAML errors) as a finding. It returns a
 * model even when the files have errors, holding what could be read, so later
 * checks still run on the rest.
 *
 * Ownership: egaf_model_load() / egaf_model_free(). Every string, element and
 * value of a model lives in its one arena. */
#ifndef EGAF_MODEL_H
#define EGAF_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "model/format.h"
#include "base/source.h"
#include "base/strmap.h"
#include "model/yaml_tree.h"
#include "base/diag.h"

/* The longest id the format allows. The national site names an agency's page
 * and folders after its id ("a-<id>.html", "img/a-<id>-<view>.svg"), and file
 * names must stay far below NAME_MAX (255) and the limits of zip and Windows
 * tools that unpack a published site; the longest id in the national data is
 * 44 characters. schema.id-syntax reports a longer id. */
#define EGAF_ID_MAX_LEN 64

typedef struct egaf_str {
    const char *s;
    egaf_mark mark;
} egaf_str;

typedef struct egaf_waiver {
    egaf_str rule;
    egaf_str reason;
    egaf_mark mark;
} egaf_waiver;

typedef struct egaf_prop {
    egaf_str key;
    egaf_str value;
} egaf_prop;

/* One field of an element. Kept small: a national model holds millions, so
 * the value keeps where it is written without the file, which is its
 * element's (egaf_value_mark). */
typedef struct egaf_value {
    uint32_t line, col, end_col; /* as in egaf_mark */
    uint8_t field;               /* egaf_field */
    uint8_t type;                /* egaf_ftype */
    union {
        struct {
            const char *s; /* written at `mark` */
        } str;             /* TEXT, ID, ENUM, CODE, REF */
        long long num; /* INT */
        struct {
            egaf_str *items;
            size_t count;
        } list; /* REFS, TEXTS, IDS */
        struct {
            egaf_waiver *items;
            size_t count;
        } waivers;
        struct {
            egaf_prop *items;
            size_t count;
        } props;
        struct {
            long long from, to;
        } period;
    } u;
} egaf_value;

typedef struct egaf_element {
    egaf_kind kind;
    const char *id;      /* NULL for an integration without one */
    const char *name;    /* NULL when missing */
    const char *display; /* "lang-son:cong-dvc", or "lang-son:integration 3" */
    egaf_mark mark;      /* the element's map */
    egaf_value *values;
    size_t nvalues;
    size_t index; /* position among the elements of its kind */
    /* keys written with a value that could not be read (bit per egaf_field):
     * later checks treat them as present, so one typo gives one finding */
    uint64_t invalid[(EGAF_F__COUNT + 63) / 64];
} egaf_element;

/* Whether field was written with a value that could not be read. */
static inline bool egaf_element_invalid(const egaf_element *el, egaf_field field)
{
    return (el->invalid[field / 64] >> (field % 64)) & 1u;
}

typedef struct egaf_model {
    egaf_arena *arena;
    const char *path; /* the top-level file, as named */
    const egaf_source *source;
    egaf_str framework;         /* s == NULL when missing */
    egaf_element *header;       /* NULL when `architecture` is missing or not a map */
    const char *id;             /* the architecture's id, or the file's stem */
    egaf_element **elements[EGAF_K__COUNT];
    size_t counts[EGAF_K__COUNT];
    size_t caps[EGAF_K__COUNT];
    bool section_present[EGAF_S__COUNT];
    egaf_mark section_marks[EGAF_S__COUNT];
    egaf_str organisation;
    const egaf_source **files; /* top-level file first, then includes */
    size_t nfiles, files_cap;
    bool readable; /* false when the top-level file had no usable document */
} egaf_model;

/* Scratch memory a caller may keep from one load to the next, so loading a
 * folder of models does not ask the system for fresh memory per file.
 * Zero-initialise; release with egaf_load_scratch_free(). */
typedef struct egaf_load_scratch {
    egaf_arena **arenas; /* one per level of include nesting */
    size_t count;
    /* the memory of the models freed by egaf_model_free_into(), which the
     * next model loaded with this scratch is built in */
    egaf_arena *model_memory;
} egaf_load_scratch;

void egaf_load_scratch_free(egaf_load_scratch *scratch);

typedef struct egaf_load_options {
    size_t max_file_size; /* 0: EGAF_MAX_FILE_SIZE */
    size_t max_includes;  /* 0: 256 */
    egaf_yaml_limits limits;
    /* Keep only the line index of each file, not its text, once it is built:
     * lines quoted in later findings are read again from the file. For
     * commands that only report findings (validate); the site and diff need
     * the text. */
    bool release_text;
    egaf_load_scratch *scratch; /* NULL: the load's own, freed after it */
    /* egaf_model_load_memory: the text is the unsaved buffer of the file at
     * path (an editor's), so its includes are read from path's folder under
     * the same confinement as a file's. Otherwise includes are refused. */
    bool includes_beside_path;
} egaf_load_options;

/* Loads path and its includes. Returns NULL and sets *status when the
 * top-level file cannot be read at all (missing, a folder, unreadable): that
 * is a failure of the run, not a finding. */
egaf_model *egaf_model_load(const char *path, const egaf_load_options *options,
                            egaf_diags *diags, egaf_read_status *status);
/* Loads a model from bytes in memory; includes are refused (fuzzing, tests)
 * unless options->includes_beside_path. */
egaf_model *egaf_model_load_memory(const char *path, const char *data, size_t len,
                                   const egaf_load_options *options, egaf_diags *diags);
void egaf_model_free(egaf_model *model);
/* Frees model, keeping its memory in scratch for the next model loaded
 * with it (see egaf_load_scratch). */
void egaf_model_free_into(egaf_model *model, egaf_load_scratch *scratch);

const egaf_value *egaf_element_get(const egaf_element *el, egaf_field field);
/* Where a value of el is written. */
static inline egaf_mark egaf_value_mark(const egaf_element *el, const egaf_value *v)
{
    egaf_mark m = {el->mark.src, v->line, v->col, v->end_col};
    return m;
}
/* The same as a pointer for a call's argument (a compound literal: it lives
 * until the end of the enclosing block). */
#define EGAF_VMARK(el, v) (&(egaf_mark){(el)->mark.src, (v)->line, (v)->col, (v)->end_col})
/* A scalar value's text with its position. */
static inline egaf_str egaf_value_str(const egaf_element *el, const egaf_value *v)
{
    egaf_str s = {v->u.str.s, egaf_value_mark(el, v)};
    return s;
}
/* The text of a text-like value (text, id, enum, code, reference), or NULL
 * (also for NULL). */
const char *egaf_value_text(const egaf_value *v);
/* The text of a scalar field, or NULL. */
const char *egaf_element_text(const egaf_element *el, egaf_field field);
/* Number of elements in the model (all kinds but the header). */
size_t egaf_model_element_count(const egaf_model *model);

#endif
