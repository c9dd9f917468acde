/* yaml_tree.h - a YAML document as a tree whose every node keeps its source
 * position, built from libyaml's event API.
 *
 * The parser reports problems as findings (rule ids yaml.*) and never stops
 * the process: syntax errors, files that are not UTF-8, duplicate keys,
 * nesting deeper than the limit, aliases over the expansion budget, tags,
 * more than one document.
 *
 * Ownership: nodes and their text live in the arena passed in. Aliases are
 * expanded by sharing: an alias node is the anchored node itself, so a tree
 * may be a DAG; walkers are bounded by the expansion budget. */
#ifndef EGAF_YAML_TREE_H
#define EGAF_YAML_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/source.h"
#include "base/diag.h"

typedef enum egaf_ykind {
    EGAF_Y_SCALAR,
    EGAF_Y_SEQ,
    EGAF_Y_MAP,
} egaf_ykind;

typedef enum egaf_ystyle {
    EGAF_Y_PLAIN,  /* plain scalar: may be a number, a boolean or null */
    EGAF_Y_QUOTED, /* single- or double-quoted: always text */
    EGAF_Y_BLOCK,  /* literal | or folded >: always text */
} egaf_ystyle;

typedef struct egaf_ynode egaf_ynode;

typedef struct egaf_ypair {
    egaf_ynode *key;
    egaf_ynode *value;
} egaf_ypair;

struct egaf_ynode {
    uint8_t kind;   /* egaf_ykind */
    uint8_t style;  /* egaf_ystyle, scalars only */
    uint32_t weight; /* nodes in this subtree, aliases expanded (saturating) */
    egaf_mark mark;
    union {
        struct {
            const char *text; /* NUL-terminated; len excludes the NUL */
            size_t len;
        } scalar;
        struct {
            egaf_ynode **items;
            size_t count;
        } seq;
        struct {
            egaf_ypair *pairs;
            size_t count;
        } map;
    } u;
};

typedef struct egaf_yaml_limits {
    unsigned max_depth;    /* collections nested deeper give yaml.limit */
    uint32_t alias_budget; /* nodes that aliases may add, per file */
} egaf_yaml_limits;

#define EGAF_YAML_DEFAULT_DEPTH 64
#define EGAF_YAML_DEFAULT_ALIAS_BUDGET 100000
#define EGAF_MAX_FILE_SIZE (16u * 1024 * 1024)

/* Parses src. Returns the document's root node, or NULL when the file has no
 * usable document (the reason is a finding in diags; when memory ran out,
 * diags is marked failed, egaf_diags_fail). limits may be NULL for the
 * defaults. */
egaf_ynode *egaf_yaml_parse(egaf_arena *arena, const egaf_source *src,
                            const egaf_yaml_limits *limits, egaf_diags *diags);

/* Scalar helpers. A plain scalar "", "~", "null" (any case) is null. */
bool egaf_ynode_is_null(const egaf_ynode *n);
/* A plain scalar holding a decimal integer; false for anything else. */
bool egaf_ynode_int(const egaf_ynode *n, long long *out);
/* Finds key in a map (first match); NULL when absent or n is not a map. */
egaf_ynode *egaf_ynode_get(const egaf_ynode *map, const char *key);
/* "a map", "a list", "text", "a number", "null": for type messages. */
const char *egaf_ynode_describe(const egaf_ynode *n);

#endif
