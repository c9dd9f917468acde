/* state.c - the current and the target architecture of one model (state.h). */
#include "model/state.h"

#include <stdlib.h>
#include <string.h>

struct egaf_delivery {
    const egaf_element *task;
    struct egaf_delivery *next;
};

static bool has_status(const egaf_element *el, const char *status)
{
    const char *s = egaf_element_text(el, EGAF_F_STATUS);
    return s && strcmp(s, status) == 0;
}

/* An id of this model: references to national systems ("national:x") and
 * other architectures ("arch:x") are never part of its gap. */
static bool local_ref(const char *s)
{
    return s && *s && !strchr(s, ':');
}

static void add_delivery(egaf_states *s, const char *id, const egaf_element *task, bool *oom)
{
    struct egaf_delivery *d = egaf_arena_alloc(s->arena, sizeof(*d));
    if (!d) {
        *oom = true;
        return;
    }
    d->task = task;
    d->next = NULL;
    struct egaf_delivery *head = egaf_strmap_put(&s->delivered_by, id, strlen(id), d, oom);
    if (!head)
        return;
    while (head->next) {
        if (head->task == task)
            return; /* the same id twice in one task */
        head = head->next;
    }
    if (head->task != task)
        head->next = d;
}

/* The first element of each id, among the kinds before the roadmap. */
static void index_ids_before_roadmap(const egaf_model *model, egaf_strmap *ids, bool *oom)
{
    for (int k = 0; k < EGAF_K_ROADMAP && !*oom; k++)
        for (size_t i = 0; i < model->counts[k] && !*oom; i++) {
            const egaf_element *el = model->elements[k][i];
            if (el->id)
                egaf_strmap_put(ids, el->id, strlen(el->id), (void *)el, oom);
        }
}

int egaf_states_init(egaf_states *s, const egaf_model *model)
{
    memset(s, 0, sizeof(*s));
    s->model = model;
    egaf_strmap_init(&s->replaced_by);
    egaf_strmap_init(&s->delivered_by);
    s->arena = egaf_arena_create();
    bool oom = !s->arena;
    /* only an element of the same kind, not itself, is replaced (a wrong
     * reference is ref.wrong-kind's finding, not a change of the target);
     * the ids are indexed at the first replacement, as most models have
     * none */
    egaf_strmap ids;
    egaf_strmap_init(&ids);
    bool indexed = false;
    for (int k = 0; k < EGAF_K_ROADMAP && !oom; k++)
        for (size_t i = 0; i < model->counts[k] && !oom; i++) {
            const egaf_element *el = model->elements[k][i];
            const char *old = egaf_element_text(el, EGAF_F_REPLACES);
            if (!local_ref(old) || has_status(el, "retired") || (el->id && !strcmp(old, el->id)))
                continue;
            if (!indexed) {
                index_ids_before_roadmap(model, &ids, &oom);
                indexed = true;
            }
            const egaf_element *named = egaf_strmap_get(&ids, old, strlen(old));
            if (named && named->kind == el->kind)
                egaf_strmap_put(&s->replaced_by, old, strlen(old), (void *)el, &oom);
        }
    egaf_strmap_free(&ids);
    for (size_t i = 0; i < model->counts[EGAF_K_ROADMAP] && !oom; i++) {
        const egaf_element *task = model->elements[EGAF_K_ROADMAP][i];
        const char *progress = egaf_element_text(task, EGAF_F_PROGRESS);
        if (progress && strcmp(progress, "cancelled") == 0)
            continue;
        const egaf_value *v = egaf_element_get(task, EGAF_F_DELIVERS);
        if (!v || v->type != EGAF_FT_REFS)
            continue;
        for (size_t j = 0; j < v->u.list.count && !oom; j++)
            if (local_ref(v->u.list.items[j].s))
                add_delivery(s, v->u.list.items[j].s, task, &oom);
    }
    if (oom) {
        egaf_states_free(s);
        return -1;
    }
    return 0;
}

void egaf_states_free(egaf_states *s)
{
    egaf_strmap_free(&s->replaced_by);
    egaf_strmap_free(&s->delivered_by);
    egaf_arena_free(s->arena);
    s->arena = NULL;
}

const egaf_element *egaf_states_replacement(const egaf_states *s, const char *id)
{
    return local_ref(id) ? egaf_strmap_get(&s->replaced_by, id, strlen(id)) : NULL;
}

bool egaf_states_in(const egaf_states *s, const egaf_element *el, egaf_state state)
{
    if (el->kind >= EGAF_K_ROADMAP)
        return true;
    if (state == EGAF_STATE_CURRENT)
        return !has_status(el, "planned");
    return !has_status(el, "retired") && !(el->id && egaf_states_replacement(s, el->id));
}

/* Whether an integration of the target has an end that is replaced. */
static bool end_replaced(const egaf_states *s, const egaf_element *el)
{
    return egaf_states_replacement(s, egaf_element_text(el, EGAF_F_FROM)) ||
           egaf_states_replacement(s, egaf_element_text(el, EGAF_F_TO));
}

bool egaf_states_gap_item(const egaf_states *s, const egaf_element *el)
{
    if (el->kind >= EGAF_K_ROADMAP)
        return false;
    const egaf_element *by = el->id ? egaf_states_replacement(s, el->id) : NULL;
    if (by && has_status(by, "planned"))
        return false; /* its replacement is the item */
    if (has_status(el, "planned") || has_status(el, "retired"))
        return true;
    return el->kind == EGAF_K_INTEGRATION && end_replaced(s, el);
}

size_t egaf_states_tasks(const egaf_states *s, const char *id, const egaf_element **out,
                         size_t max)
{
    if (!local_ref(id))
        return 0;
    size_t n = 0;
    for (const struct egaf_delivery *d = egaf_strmap_get(&s->delivered_by, id, strlen(id)); d;
         d = d->next) {
        if (n < max)
            out[n] = d->task;
        n++;
    }
    return n;
}

/* Adds the tasks delivering id to out[0..*n), once each. */
static void add_tasks(const egaf_states *s, const char *id, const egaf_element **out, size_t max,
                      size_t *n)
{
    if (!local_ref(id))
        return;
    for (const struct egaf_delivery *d = egaf_strmap_get(&s->delivered_by, id, strlen(id)); d;
         d = d->next) {
        bool seen = false;
        for (size_t i = 0; i < *n && !seen; i++)
            seen = out[i] == d->task;
        if (!seen && *n < max)
            out[(*n)++] = d->task;
    }
}

size_t egaf_states_closing_tasks(const egaf_states *s, const egaf_element *el,
                                 const egaf_element **out, size_t max)
{
    size_t n = 0;
    add_tasks(s, el->id, out, max, &n);
    if (has_status(el, "planned"))
        add_tasks(s, egaf_element_text(el, EGAF_F_REPLACES), out, max, &n);
    /* retired for a successor already in operation: the successor's task */
    const egaf_element *successor = el->id ? egaf_states_replacement(s, el->id) : NULL;
    if (successor)
        add_tasks(s, successor->id, out, max, &n);
    if (el->kind == EGAF_K_INTEGRATION) {
        static const egaf_field ends[] = {EGAF_F_FROM, EGAF_F_TO};
        for (size_t e = 0; e < 2; e++) {
            const char *end = egaf_element_text(el, ends[e]);
            add_tasks(s, end, out, max, &n);
            const egaf_element *by = egaf_states_replacement(s, end);
            if (by)
                add_tasks(s, by->id, out, max, &n);
        }
    }
    return n;
}

/* The id of the element that finally takes over when text names a replaced
 * element (a replacement replaced in turn: its successor), else NULL. */
static const char *replaced_text(const egaf_states *s, const char *text)
{
    const egaf_element *by = egaf_states_replacement(s, text);
    /* a chain written in a cycle ends somewhere: at most 64 steps */
    for (int hops = 0; by && hops < 64; hops++) {
        const egaf_element *next = egaf_states_replacement(s, by->id);
        if (!next)
            break;
        by = next;
    }
    return by ? by->id : NULL;
}

/* Whether a value of el names a replaced element. */
static bool names_replaced(const egaf_states *s, const egaf_value *v)
{
    if (v->field == EGAF_F_REPLACES)
        return false;
    if (v->type == EGAF_FT_REF)
        return replaced_text(s, v->u.str.s) != NULL;
    if (v->type == EGAF_FT_REFS)
        for (size_t i = 0; i < v->u.list.count; i++)
            if (replaced_text(s, v->u.list.items[i].s))
                return true;
    return false;
}

/* el with its references to replaced elements turned to their
 * replacements, in arena; el itself when it names none; NULL on oom. */
static egaf_element *retarget(const egaf_states *s, egaf_element *el, egaf_arena *arena)
{
    bool any = false;
    for (size_t i = 0; i < el->nvalues && !any; i++)
        any = names_replaced(s, &el->values[i]);
    if (!any)
        return el;
    egaf_element *copy = egaf_arena_alloc(arena, sizeof(*copy));
    egaf_value *values = egaf_arena_alloc(arena, el->nvalues * sizeof(*values));
    if (!copy || !values)
        return NULL;
    *copy = *el;
    memcpy(values, el->values, el->nvalues * sizeof(*values));
    copy->values = values;
    for (size_t i = 0; i < el->nvalues; i++) {
        egaf_value *v = &values[i];
        if (!names_replaced(s, v))
            continue;
        if (v->type == EGAF_FT_REF) {
            v->u.str.s = replaced_text(s, v->u.str.s);
            continue;
        }
        egaf_str *items = egaf_arena_alloc(arena, v->u.list.count * sizeof(*items));
        if (!items)
            return NULL;
        for (size_t j = 0; j < v->u.list.count; j++) {
            items[j] = v->u.list.items[j];
            const char *by = replaced_text(s, items[j].s);
            if (by)
                items[j].s = by;
        }
        v->u.list.items = items;
    }
    return copy;
}

egaf_model *egaf_model_state_view(const egaf_states *s, egaf_state state)
{
    const egaf_model *m = s->model;
    egaf_model *v = calloc(1, sizeof(*v));
    if (!v)
        return NULL;
    v->arena = egaf_arena_create();
    v->path = m->path;
    v->source = m->source;
    v->framework = m->framework;
    v->header = m->header;
    v->id = m->id;
    memcpy(v->section_present, m->section_present, sizeof(v->section_present));
    memcpy(v->section_marks, m->section_marks, sizeof(v->section_marks));
    v->organisation = m->organisation;
    v->readable = m->readable;
    bool oom = !v->arena;
    if (!oom && m->nfiles) {
        v->files = malloc(m->nfiles * sizeof(*v->files));
        oom = !v->files;
        if (v->files) {
            memcpy(v->files, m->files, m->nfiles * sizeof(*v->files));
            v->nfiles = v->files_cap = m->nfiles;
        }
    }
    for (int k = 0; k < EGAF_K__COUNT && !oom; k++) {
        if (!m->counts[k])
            continue;
        v->elements[k] = malloc(m->counts[k] * sizeof(*v->elements[k]));
        if (!v->elements[k]) {
            oom = true;
            break;
        }
        v->caps[k] = m->counts[k];
        for (size_t i = 0; i < m->counts[k] && !oom; i++) {
            egaf_element *el = m->elements[k][i];
            if (!egaf_states_in(s, el, state))
                continue;
            if (state == EGAF_STATE_TARGET && k < EGAF_K_ROADMAP)
                el = retarget(s, el, v->arena);
            if (!el)
                oom = true;
            else
                v->elements[k][v->counts[k]++] = el;
        }
    }
    if (oom) {
        egaf_model_free(v);
        return NULL;
    }
    return v;
}
