/* gap.c - the gap analysis of one model (gap.h): the diff engine between
 * its current and its target view, read as work to do. */
#include "diff/gap.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strmap.h"
#include "diff/diff.h"
#include "model/state.h"

typedef struct gap_ctx {
    egaf_gap *gap;
    const egaf_states *states;
    egaf_strmap by_id;                  /* id -> first element (architecture kinds) */
    egaf_strmap by_kind[EGAF_K_ROADMAP]; /* the same, per kind */
    size_t cap;
    bool oom;
} gap_ctx;

static const char *keep(gap_ctx *c, const char *s)
{
    return egaf_arena_keep(c->gap->arena, s, &c->oom);
}

static const egaf_element *find_element(gap_ctx *c, egaf_kind kind, const char *id)
{
    if (!id)
        return NULL;
    if ((unsigned)kind >= EGAF_K_ROADMAP)
        return NULL;
    return egaf_strmap_get(&c->by_kind[kind], id, strlen(id));
}

static egaf_gap_item *add_item(gap_ctx *c, egaf_gap_action action, egaf_kind kind)
{
    egaf_gap *g = c->gap;
    if (g->nitems == c->cap) {
        size_t ncap = c->cap ? 2 * c->cap : 16;
        egaf_gap_item *n = egaf_arena_alloc(g->arena, ncap * sizeof(*n));
        if (!n) {
            c->oom = true;
            return NULL;
        }
        if (g->nitems)
            memcpy(n, g->items, g->nitems * sizeof(*n));
        g->items = n;
        c->cap = ncap;
    }
    egaf_gap_item *it = &g->items[g->nitems++];
    memset(it, 0, sizeof(*it));
    it->action = action;
    it->kind = kind;
    g->counts[action]++;
    return it;
}

/* The tasks as ids in the gap's arena. */
static void set_tasks(gap_ctx *c, egaf_gap_item *it, const egaf_element *const *tasks, size_t n)
{
    if (!n)
        return;
    it->tasks = egaf_arena_alloc(c->gap->arena, n * sizeof(*it->tasks));
    if (!it->tasks) {
        c->oom = true;
        return;
    }
    for (size_t i = 0; i < n; i++)
        it->tasks[i] = keep(c, tasks[i]->id ? tasks[i]->id : tasks[i]->display);
    it->ntasks = n;
}

enum { MAX_TASKS = 64 };

static void element_tasks(gap_ctx *c, egaf_gap_item *it, const egaf_element *el)
{
    const egaf_element *tasks[MAX_TASKS];
    size_t n = el ? egaf_states_closing_tasks(c->states, el, tasks, MAX_TASKS) : 0;
    set_tasks(c, it, tasks, n);
}

/* An integration as the diff has it: delivered by its id or either end. */
static void integration_tasks(gap_ctx *c, egaf_gap_item *it)
{
    const egaf_element *tasks[MAX_TASKS], *found[MAX_TASKS];
    size_t n = 0;
    /* an end that replaces another is delivered by the tasks of either */
    const char *keys[5] = {it->id, it->from, it->to, NULL, NULL};
    for (size_t k = 1; k < 3; k++) {
        const egaf_element *end = keys[k] ? egaf_strmap_get(&c->by_id, keys[k], strlen(keys[k]))
                                          : NULL;
        const char *old = end ? egaf_element_text(end, EGAF_F_REPLACES) : NULL;
        if (old && egaf_states_replacement(c->states, old) == end)
            keys[k + 2] = old;
    }
    for (size_t k = 0; k < 5; k++) {
        size_t m = keys[k] ? egaf_states_tasks(c->states, keys[k], found, MAX_TASKS) : 0;
        for (size_t i = 0; i < m && i < MAX_TASKS; i++) {
            bool seen = false;
            for (size_t j = 0; j < n && !seen; j++)
                seen = tasks[j] == found[i];
            if (!seen && n < MAX_TASKS)
                tasks[n++] = found[i];
        }
    }
    set_tasks(c, it, tasks, n);
}

/* Whether id names an element that a planned one replaces. */
static bool replaced(const egaf_states *s, const char *id)
{
    return id && egaf_states_replacement(s, id);
}

/* Whether id is that of a planned element replacing another. */
static bool replacer(gap_ctx *c, const char *id)
{
    const egaf_element *el = id ? egaf_strmap_get(&c->by_id, id, strlen(id)) : NULL;
    const char *old = el ? egaf_element_text(el, EGAF_F_REPLACES) : NULL;
    return old && egaf_states_replacement(c->states, old) == el;
}

/* Whether every change of a changed element is a reference that follows a
 * replacement (the target view turns them): nothing to do for it. */
static bool only_follows(gap_ctx *c, const egaf_diff_element *e)
{
    for (size_t i = 0; i < e->nfields; i++) {
        const egaf_diff_field *f = &e->fields[i];
        if (!f->list) {
            const egaf_element *by =
                f->old_value ? egaf_states_replacement(c->states, f->old_value) : NULL;
            if (!by || !f->new_value || strcmp(by->id, f->new_value) != 0)
                return false;
            continue;
        }
        for (size_t j = 0; j < f->nremoved; j++)
            if (!replaced(c->states, f->removed[j]))
                return false;
        for (size_t k = 0; k < f->nadded; k++)
            if (!replacer(c, f->added[k]))
                return false;
    }
    return true;
}

static void from_elements(gap_ctx *c, const egaf_diff_arch *a)
{
    for (size_t i = 0; i < a->nelements && !c->oom; i++) {
        const egaf_diff_element *e = &a->elements[i];
        const egaf_element *el = find_element(c, e->kind, e->id);
        egaf_gap_item *it = NULL;
        if (e->status == EGAF_DIFF_ADDED) {
            const char *old = el ? egaf_element_text(el, EGAF_F_REPLACES) : NULL;
            bool replaces = old && egaf_states_replacement(c->states, old) == el;
            it = add_item(c, replaces ? EGAF_GAP_CHANGE : EGAF_GAP_BUILD, e->kind);
            if (it && replaces)
                it->replaces = keep(c, old);
        } else if (e->status == EGAF_DIFF_REMOVED) {
            const egaf_element *by = egaf_states_replacement(c->states, e->id);
            const char *status = by ? egaf_element_text(by, EGAF_F_STATUS) : NULL;
            if (status && strcmp(status, "planned") == 0)
                continue; /* one item with its replacement */
            it = add_item(c, EGAF_GAP_RETIRE, e->kind);
        } else if (e->status == EGAF_DIFF_CHANGED) {
            if (only_follows(c, e))
                continue;
            it = add_item(c, EGAF_GAP_CHANGE, e->kind);
        }
        if (!it)
            continue;
        it->id = keep(c, e->id);
        it->name = keep(c, e->name);
        element_tasks(c, it, el);
    }
}

static void from_relations(gap_ctx *c, const egaf_diff_arch *a)
{
    for (size_t i = 0; i < a->nrelations && !c->oom; i++) {
        const egaf_diff_relation *r = &a->relations[i];
        if (strcmp(r->type, "integration") != 0 || r->status == EGAF_DIFF_UNCHANGED)
            continue;
        egaf_gap_action action = EGAF_GAP_INTEGRATE;
        if (r->status == EGAF_DIFF_REMOVED) {
            if (egaf_states_replacement(c->states, r->from) ||
                egaf_states_replacement(c->states, r->to) ||
                egaf_states_replacement(c->states, r->via))
                continue; /* moved to the replacement: the added one is the item */
            action = EGAF_GAP_RETIRE;
        } else if (r->status == EGAF_DIFF_CHANGED) {
            action = EGAF_GAP_CHANGE;
        }
        egaf_gap_item *it = add_item(c, action, EGAF_K_INTEGRATION);
        if (!it)
            continue;
        it->id = keep(c, r->id);
        it->from = keep(c, r->from);
        it->to = keep(c, r->to);
        it->via = keep(c, r->via);
        integration_tasks(c, it);
    }
}

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int item_cmp(const void *pa, const void *pb)
{
    const egaf_gap_item *a = pa, *b = pb;
    if (a->action != b->action)
        return a->action < b->action ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    int r = cmp_str(a->id, b->id);
    if (!r)
        r = cmp_str(a->from, b->from);
    if (!r)
        r = cmp_str(a->to, b->to);
    if (!r)
        r = cmp_str(a->via, b->via);
    return r;
}

static size_t architecture_elements(const egaf_model *m)
{
    size_t n = 0;
    for (int k = 0; k < EGAF_K_ROADMAP; k++)
        n += m->counts[k];
    return n;
}

egaf_gap *egaf_gap_compute(const egaf_model *model)
{
    /* the gap lives in its own arena, with everything it holds */
    egaf_arena *arena = egaf_arena_create();
    egaf_gap *g = arena ? egaf_arena_alloc(arena, sizeof(*g)) : NULL;
    egaf_states states;
    if (!g || egaf_states_init(&states, model) != 0) {
        egaf_arena_free(arena);
        return NULL;
    }
    g->arena = arena;
    gap_ctx c = {.gap = g, .states = &states};
    egaf_strmap_init(&c.by_id);
    for (int k = 0; k < EGAF_K_ROADMAP; k++)
        egaf_strmap_init(&c.by_kind[k]);
    for (int k = 0; k < EGAF_K_ROADMAP && !c.oom; k++)
        for (size_t i = 0; i < model->counts[k]; i++) {
            const egaf_element *el = model->elements[k][i];
            if (!el->id)
                continue;
            egaf_strmap_put(&c.by_id, el->id, strlen(el->id), (void *)el, &c.oom);
            egaf_strmap_put(&c.by_kind[k], el->id, strlen(el->id), (void *)el, &c.oom);
        }
    egaf_model *current = egaf_model_state_view(&states, EGAF_STATE_CURRENT);
    egaf_model *target = egaf_model_state_view(&states, EGAF_STATE_TARGET);
    egaf_diff *diff = NULL;
    if (current && target && !c.oom) {
        egaf_diff_side old_side = {&current, 1, NULL, model->path, NULL, NULL};
        egaf_diff_side new_side = {&target, 1, NULL, model->path, NULL, NULL};
        egaf_diff_options opt = {true, NULL};
        diff = egaf_diff_compute(&old_side, &new_side, &opt);
    }
    if (!diff)
        c.oom = true;
    else {
        g->id = keep(&c, model->id);
        g->name = keep(&c, model->header ? model->header->name : NULL);
        g->file = keep(&c, model->path);
        g->current_elements = architecture_elements(current);
        g->target_elements = architecture_elements(target);
        for (size_t i = 0; i < diff->narchs && !c.oom; i++) {
            from_elements(&c, &diff->archs[i]);
            from_relations(&c, &diff->archs[i]);
        }
    }
    if (!c.oom && g->nitems > 1)
        qsort(g->items, g->nitems, sizeof(*g->items), item_cmp);
    for (size_t i = 0; i < g->nitems; i++)
        if (!g->items[i].ntasks)
            g->uncovered++;
    egaf_diff_free(diff);
    egaf_model_free(target);
    egaf_model_free(current);
    egaf_strmap_free(&c.by_id);
    for (int k = 0; k < EGAF_K_ROADMAP; k++)
        egaf_strmap_free(&c.by_kind[k]);
    egaf_states_free(&states);
    if (c.oom) {
        egaf_gap_free(g);
        return NULL;
    }
    return g;
}

void egaf_gap_free(egaf_gap *gap)
{
    if (gap)
        egaf_arena_free(gap->arena); /* gap with it */
}

const char *egaf_gap_action_name(egaf_gap_action action)
{
    static const char *const names[EGAF_GAP__COUNT] = {"build", "change", "retire",
                                                       "integrate"};
    return (unsigned)action < EGAF_GAP__COUNT ? names[action] : "?";
}
