/* fuzz_loader.c - libFuzzer target: the YAML tree parser and the model
 * builder on arbitrary bytes.
 *
 * The input is parsed twice: once by egaf_yaml_parse() with small limits (so
 * the depth and alias-budget paths are reached by short inputs) and the tree
 * walked, checking what yaml_tree.h promises of every node; then as a whole
 * model by egaf_model_load_memory() with the production limits, and every
 * element and value of the result read back. Any finding is fine; a crash,
 * a sanitizer report, a leak or a broken promise is a bug. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "model/model.h"
#include "base/source.h"
#include "model/yaml_tree.h"
#include "base/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Visits at most this many nodes: aliases make the tree a DAG, and the walk
 * expands them like the library's own walkers do. */
enum { WALK_BUDGET = 200000 };

static void broken(const char *what, const egaf_ynode *n)
{
    fprintf(stderr, "fuzz_loader: broken promise: %s (node at %u:%u)\n", what,
            n ? (unsigned)n->mark.line : 0u, n ? (unsigned)n->mark.col : 0u);
    abort();
}

static void walk(const egaf_ynode *n, const egaf_source *src, unsigned depth, size_t *budget)
{
    if (!n)
        broken("NULL node in the tree", NULL);
    if (*budget == 0)
        return;
    (*budget)--;
    if (n->mark.src != src)
        broken("node mark points to another source", n);
    if (n->mark.line == 0 || n->mark.col == 0)
        broken("node mark is not 1-based", n);
    if (n->weight == 0)
        broken("node weight 0", n);
    /* the helpers must accept any node */
    long long num;
    (void)egaf_ynode_is_null(n);
    (void)egaf_ynode_int(n, &num);
    if (!egaf_ynode_describe(n))
        broken("egaf_ynode_describe returned NULL", n);
    switch (n->kind) {
    case EGAF_Y_SCALAR:
        if (!n->u.scalar.text)
            broken("scalar without text", n);
        if (n->u.scalar.text[n->u.scalar.len] != '\0')
            broken("scalar text not NUL-terminated at len", n);
        if (n->style > EGAF_Y_BLOCK)
            broken("scalar style out of range", n);
        if (egaf_ynode_get(n, "id"))
            broken("egaf_ynode_get found a key in a scalar", n);
        break;
    case EGAF_Y_SEQ:
        if (n->u.seq.count && !n->u.seq.items)
            broken("sequence items NULL", n);
        for (size_t i = 0; i < n->u.seq.count; i++)
            walk(n->u.seq.items[i], src, depth + 1, budget);
        break;
    case EGAF_Y_MAP:
        if (n->u.map.count && !n->u.map.pairs)
            broken("map pairs NULL", n);
        for (size_t i = 0; i < n->u.map.count; i++) {
            const egaf_ynode *k = n->u.map.pairs[i].key;
            walk(k, src, depth + 1, budget);
            walk(n->u.map.pairs[i].value, src, depth + 1, budget);
            if (k->kind == EGAF_Y_SCALAR && !egaf_ynode_get(n, k->u.scalar.text) &&
                strlen(k->u.scalar.text) == k->u.scalar.len)
                broken("egaf_ynode_get misses a key the map holds", n);
        }
        break;
    default:
        broken("node kind out of range", n);
    }
}

static void read_str(const egaf_str *s)
{
    if (s->s)
        (void)strlen(s->s);
}

static void read_value(const egaf_value *v)
{
    const char *text = egaf_value_text(v); /* text, id, enum, code or reference */
    if (text) {
        (void)strlen(text);
        return;
    }
    switch (v->type) {
    case EGAF_FT_REFS:
    case EGAF_FT_TEXTS:
    case EGAF_FT_IDS:
        for (size_t i = 0; i < v->u.list.count; i++)
            read_str(&v->u.list.items[i]);
        break;
    case EGAF_FT_WAIVERS:
        for (size_t i = 0; i < v->u.waivers.count; i++) {
            read_str(&v->u.waivers.items[i].rule);
            read_str(&v->u.waivers.items[i].reason);
        }
        break;
    case EGAF_FT_PROPERTIES:
        for (size_t i = 0; i < v->u.props.count; i++) {
            read_str(&v->u.props.items[i].key);
            read_str(&v->u.props.items[i].value);
        }
        break;
    default: /* text-like (read above), a number or a period: no list of texts */
        break;
    }
}

static void read_element(const egaf_element *el)
{
    if (el->id)
        (void)strlen(el->id);
    if (el->name)
        (void)strlen(el->name);
    if (el->display)
        (void)strlen(el->display);
    for (size_t i = 0; i < el->nvalues; i++) {
        read_value(&el->values[i]);
        if (egaf_element_get(el, el->values[i].field) == NULL) {
            fprintf(stderr, "fuzz_loader: egaf_element_get misses a value the element holds\n");
            abort();
        }
    }
}

static void read_model(const egaf_model *m)
{
    read_str(&m->framework);
    read_str(&m->organisation);
    if (m->id)
        (void)strlen(m->id);
    if (m->header)
        read_element(m->header);
    size_t total = 0;
    for (int k = 0; k < EGAF_K__COUNT; k++) {
        for (size_t i = 0; i < m->counts[k]; i++) {
            const egaf_element *el = m->elements[k][i];
            if (el->kind != (egaf_kind)k) {
                fprintf(stderr, "fuzz_loader: element of kind %d listed under kind %d\n",
                        (int)el->kind, k);
                abort();
            }
            read_element(el);
        }
        if (k != EGAF_K_ARCHITECTURE)
            total += m->counts[k];
    }
    (void)egaf_model_element_count(m);
    (void)total;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;

    egaf_arena *arena = egaf_arena_create();
    egaf_diags *diags = egaf_diags_create();
    if (arena && diags) {
        egaf_source *src = egaf_source_from_memory(arena, "fuzz.yaml", text, size);
        if (src) {
            egaf_yaml_limits small = {12, 1000};
            egaf_ynode *root = egaf_yaml_parse(arena, src, &small, diags);
            if (root) {
                size_t budget = WALK_BUDGET;
                walk(root, src, 0, &budget);
            }
        }
        egaf_diags_sort(diags);
    }
    egaf_diags_free(diags);
    egaf_arena_free(arena);

    diags = egaf_diags_create();
    if (diags) {
        egaf_model *m = egaf_model_load_memory("fuzz.yaml", text, size, NULL, diags);
        if (m)
            read_model(m);
        egaf_diags_sort(diags);
        for (size_t i = 0; i < egaf_diags_count(diags); i++) {
            const egaf_finding *f = egaf_diags_at(diags, i);
            if (!f->rule || !f->message) {
                fprintf(stderr, "fuzz_loader: finding without a rule or a message\n");
                abort();
            }
        }
        egaf_model_free(m);
    }
    egaf_diags_free(diags);
    return 0;
}
