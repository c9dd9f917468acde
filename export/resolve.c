/* resolve.c - references as every export resolves them: "id" or
 * "<own-id>:id" in the model itself, "other-arch:id" in another loaded
 * model, "national:id" in the reference models. The loaded models' ids are
 * indexed once (egaf_export_index), so resolving a reference is a lookup,
 * not a walk over every element of the model: a national set has hundreds
 * of thousands of references (docs/performance.md). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"

/* One element of the index: its id and where it stands among its model's
 * elements (the first of equal ids wins, as in the model's kind order). */
typedef struct index_entry {
    const char *id;
    const egaf_element *element;
    size_t order;
    size_t value; /* the caller's (egaf_export_index_set) */
} index_entry;

static int entry_cmp(const void *a, const void *b)
{
    const index_entry *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c)
        return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

int egaf_export_index_init(egaf_export_index *ix, egaf_model *const *models, size_t nmodels,
                           const egaf_refs *refs)
{
    memset(ix, 0, sizeof(*ix));
    ix->models = models;
    ix->nmodels = nmodels;
    ix->refs = refs;
    egaf_strmap_init(&ix->archs);
    size_t total = 0;
    for (size_t mi = 0; mi < nmodels; mi++)
        for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
            total += models[mi]->counts[k];
    ix->starts = calloc(nmodels + 1, sizeof(*ix->starts));
    ix->entries = malloc((total ? total : 1) * sizeof(index_entry));
    if (!ix->starts || !ix->entries) {
        egaf_export_index_free(ix);
        return -1;
    }
    index_entry *entries = ix->entries;
    size_t n = 0;
    for (size_t mi = 0; mi < nmodels; mi++) {
        const egaf_model *m = models[mi];
        ix->starts[mi] = n;
        size_t first = n;
        for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
            for (size_t i = 0; i < m->counts[k]; i++) {
                const egaf_element *el = m->elements[k][i];
                if (!el->id)
                    continue;
                entries[n].id = el->id;
                entries[n].element = el;
                entries[n].order = n;
                entries[n].value = 0;
                n++;
            }
        qsort(entries + first, n - first, sizeof(*entries), entry_cmp);
        /* the first model of an id is the one its references name */
        bool oom = false;
        if (m->id)
            egaf_strmap_put(&ix->archs, m->id, strlen(m->id), (void *)(uintptr_t)(mi + 1), &oom);
        if (oom) {
            egaf_export_index_free(ix);
            return -1;
        }
    }
    ix->starts[nmodels] = n;
    return 0;
}

void egaf_export_index_free(egaf_export_index *ix)
{
    free(ix->entries);
    free(ix->starts);
    egaf_strmap_free(&ix->archs);
    ix->entries = NULL;
    ix->starts = NULL;
}

/* The model's first entry of id, by binary search of its sorted range. */
static index_entry *find_entry(const egaf_export_index *ix, size_t mi, const char *id)
{
    const index_entry *entries = ix->entries;
    size_t lo = ix->starts[mi], hi = ix->starts[mi + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(entries[mid].id, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ix->starts[mi + 1] && strcmp(entries[lo].id, id) == 0
               ? (index_entry *)&entries[lo]
               : NULL;
}

static const egaf_element *find_element(const egaf_export_index *ix, size_t mi, const char *id)
{
    const index_entry *e = find_entry(ix, mi, id);
    return e ? e->element : NULL;
}

size_t egaf_export_index_model(const egaf_export_index *ix, const char *arch, size_t len)
{
    uintptr_t v = (uintptr_t)egaf_strmap_get(&ix->archs, arch, len);
    return v ? (size_t)(v - 1) : SIZE_MAX;
}

void egaf_export_index_set(egaf_export_index *ix, size_t mi, const char *id, size_t value)
{
    index_entry *e = find_entry(ix, mi, id);
    if (e)
        e->value = value;
}

size_t egaf_export_index_value(const egaf_export_index *ix, size_t mi, const char *id)
{
    const index_entry *e = find_entry(ix, mi, id);
    return e ? e->value : 0;
}

bool egaf_export_index_has(const egaf_export_index *ix, size_t mi, const char *id)
{
    return find_element(ix, mi, id) != NULL;
}

bool egaf_export_index_unique(const egaf_export_index *ix, size_t mi)
{
    const index_entry *entries = ix->entries;
    for (size_t i = ix->starts[mi] + 1; i < ix->starts[mi + 1]; i++)
        if (strcmp(entries[i - 1].id, entries[i].id) == 0)
            return false;
    return true;
}

void egaf_export_resolve(const egaf_export_index *ix, size_t mi, const char *ref,
                         egaf_export_ref *out)
{
    const egaf_model *m = ix->models[mi];
    memset(out, 0, sizeof(*out));
    snprintf(out->buf, sizeof out->buf, "%s", ref ? ref : "");
    char *colon = strchr(out->buf, ':');
    out->scope = EGAF_SCOPE_LOCAL;
    out->arch = m->id;
    out->id = out->buf;
    if (colon) {
        *colon = '\0';
        out->id = colon + 1;
        if (strcmp(out->buf, "national") == 0) {
            out->scope = EGAF_SCOPE_NATIONAL;
            out->arch = NULL;
        } else if (!m->id || strcmp(out->buf, m->id) != 0) {
            out->scope = EGAF_SCOPE_ARCH;
            out->arch = out->buf;
        }
    }
    if (out->scope == EGAF_SCOPE_NATIONAL) {
        out->entry = ix->refs ? egaf_refs_find(ix->refs, out->id) : NULL;
        return;
    }
    if (out->scope == EGAF_SCOPE_LOCAL) {
        out->element = find_element(ix, mi, out->id);
        return;
    }
    uintptr_t other = (uintptr_t)egaf_strmap_get(&ix->archs, out->arch, strlen(out->arch));
    if (other)
        out->element = find_element(ix, (size_t)(other - 1), out->id);
}
