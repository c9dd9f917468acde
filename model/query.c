/* query.c - the model's year, its LGSP and reachability (query.h). */
#include <stdlib.h>
#include <string.h>

#include "model/query.h"

int egaf_model_year(const egaf_model *m)
{
    const egaf_value *y = m && m->header ? egaf_element_get(m->header, EGAF_F_YEAR) : NULL;
    return y && y->type == EGAF_FT_INT ? (int)y->u.num : 0;
}

bool egaf_element_is_lgsp(const egaf_element *el)
{
    const char *k = el && el->kind == EGAF_K_PLATFORM ? egaf_element_text(el, EGAF_F_KIND) : NULL;
    return k && strcmp(k, "lgsp") == 0;
}

const egaf_element *egaf_model_lgsp(const egaf_model *m)
{
    for (size_t i = 0; i < m->counts[EGAF_K_PLATFORM]; i++)
        if (egaf_element_is_lgsp(m->elements[EGAF_K_PLATFORM][i]))
            return m->elements[EGAF_K_PLATFORM][i];
    return NULL;
}

const egaf_element *egaf_model_element(const egaf_model *m, const char *id)
{
    for (int k = 0; m && id && k < EGAF_K__COUNT; k++)
        for (size_t i = 0; i < m->counts[k]; i++)
            if (m->elements[k][i]->id && strcmp(m->elements[k][i]->id, id) == 0)
                return m->elements[k][i];
    return NULL;
}

/* The id part of a local reference, or NULL for a national or another
 * architecture's one. */
static const char *local_id(const egaf_model *m, const char *ref)
{
    const char *colon = ref ? strchr(ref, ':') : NULL;
    if (!colon)
        return ref;
    size_t plen = (size_t)(colon - ref);
    bool own = m->id && strlen(m->id) == plen && strncmp(m->id, ref, plen) == 0;
    return own ? colon + 1 : NULL;
}

const egaf_element *egaf_model_local(const egaf_model *m, const egaf_strmap *ids,
                                     const char *ref)
{
    const char *id = local_id(m, ref);
    if (!id)
        return NULL;
    if (ids)
        return egaf_strmap_get(ids, id, strlen(id));
    return egaf_model_element(m, id);
}

static const egaf_value *refs_in(const egaf_element *el, egaf_field field)
{
    const egaf_value *v = egaf_element_get(el, field);
    return v && v->type == EGAF_FT_REFS ? v : NULL;
}

bool egaf_model_reaches(const egaf_model *m, const egaf_strmap *ids, egaf_kind kind,
                        egaf_field field, const char *national_id, bool *reach)
{
    size_t n = m->counts[kind];
    if (n == 0)
        return true;
    memset(reach, 0, n * sizeof(*reach));
    egaf_strmap own;
    egaf_strmap_init(&own);
    bool oom = false;
    if (!ids) {
        for (size_t i = 0; i < n && !oom; i++) {
            const egaf_element *el = m->elements[kind][i];
            if (el->id && !egaf_strmap_get(&own, el->id, strlen(el->id)))
                egaf_strmap_put(&own, el->id, strlen(el->id), (void *)el, &oom);
        }
        ids = &own;
    }
    /* the reversed references as a compressed list: the elements naming
     * element t are edges[start[t] .. start[t + 1]) */
    size_t nedges = 0;
    for (size_t i = 0; i < n; i++) {
        const egaf_value *v = refs_in(m->elements[kind][i], field);
        nedges += v ? v->u.list.count : 0;
    }
    size_t *start = calloc(n + 2, sizeof(*start));
    size_t *edges = malloc((nedges + 1) * sizeof(*edges));
    size_t *queue = malloc(n * sizeof(*queue));
    if (oom || !start || !edges || !queue) {
        oom = true;
        goto done;
    }
    size_t tail = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            const egaf_value *v = refs_in(m->elements[kind][i], field);
            for (size_t j = 0; v && j < v->u.list.count; j++) {
                const char *r = v->u.list.items[j].s;
                if (strncmp(r, "national:", 9) == 0) {
                    if (pass == 0 && !reach[i] && strcmp(r + 9, national_id) == 0) {
                        reach[i] = true; /* visited: queued once */
                        queue[tail++] = i;
                    }
                    continue;
                }
                const egaf_element *t = egaf_model_local(m, ids, r);
                if (!t || t->kind != kind || t->index == i)
                    continue;
                if (pass == 0)
                    start[t->index + 2]++;
                else
                    edges[start[t->index + 1]++] = i;
            }
        }
        if (pass == 0)
            for (size_t i = 0; i < n; i++)
                start[i + 2] += start[i + 1];
    }
    /* after the fill, start[t + 1] is the end of t's edges and start[t] its
     * beginning */
    for (size_t head = 0; head < tail; head++) {
        size_t t = queue[head];
        for (size_t k = start[t]; k < start[t + 1]; k++)
            if (!reach[edges[k]]) {
                reach[edges[k]] = true;
                queue[tail++] = edges[k];
            }
    }
done:
    if (oom)
        memset(reach, 0, n * sizeof(*reach));
    free(start);
    free(edges);
    free(queue);
    egaf_strmap_free(&own);
    return !oom;
}
