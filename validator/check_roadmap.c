/* check_roadmap.c - the implementation roadmap: each task lies inside the
 * architecture's period (roadmap.outside-period) and ends no earlier than it
 * starts (roadmap.order); its dependencies name other tasks
 * (roadmap.self-dependency), form no cycle (roadmap.dependency-cycle) and end
 * no later than it does (roadmap.dependency-order); a task with partners
 * names its lead unit (roadmap.lead-missing). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "validator/check.h"

/* The notes a cycle's finding has at most, one per other item of it. */
#define MAX_CYCLE_NOTES 8

/* One resolved `depends-on` item: the task it names and where it is written. */
typedef struct dep_edge {
    size_t from, to;     /* indices among the roadmap tasks */
    const egaf_str *ref; /* the item */
} dep_edge;

/* The dependency graph of the roadmap: edges of task i are
 * edges[first[i] .. first[i + 1]). Only local references to other tasks. */
typedef struct dep_graph {
    size_t n;
    size_t *first;
    dep_edge *edges;
} dep_graph;

static const char *task_name(const egaf_element *t)
{
    return t->id ? t->id : t->display;
}

/* The roadmap task a depends-on item names locally, or NULL (unresolved,
 * another kind or another architecture: ref.* report those). */
static const egaf_element *dep_task(const egaf_check_ctx *ctx, const char *text)
{
    if (strchr(text, ':'))
        return NULL;
    const egaf_element *e = egaf_check_lookup(ctx, text);
    return e && e->kind == EGAF_K_ROADMAP ? e : NULL;
}

/* Builds the graph and reports roadmap.self-dependency on the way. False when
 * memory ran out (the findings are marked failed). */
static bool build_graph(egaf_check_ctx *ctx, dep_graph *g)
{
    const egaf_model *m = ctx->model;
    g->n = m->counts[EGAF_K_ROADMAP];
    size_t total = 0;
    for (size_t i = 0; i < g->n; i++) {
        const egaf_value *d = egaf_element_get(m->elements[EGAF_K_ROADMAP][i], EGAF_F_DEPENDS_ON);
        total += d ? d->u.list.count : 0;
    }
    /* zeroed: clang's analyzer cannot follow that every entry read was
     * written first, and zeroing costs nothing next to the search */
    g->first = calloc(g->n + 1, sizeof(*g->first));
    g->edges = calloc(total ? total : 1, sizeof(*g->edges));
    if (!g->first || !g->edges) {
        egaf_diags_fail(ctx->diags);
        return false;
    }
    size_t e = 0;
    for (size_t i = 0; i < g->n; i++) {
        const egaf_element *t = m->elements[EGAF_K_ROADMAP][i];
        g->first[i] = e;
        const egaf_value *d = egaf_element_get(t, EGAF_F_DEPENDS_ON);
        for (size_t j = 0; d && j < d->u.list.count; j++) {
            const egaf_str *ref = &d->u.list.items[j];
            const egaf_element *dt = dep_task(ctx, ref->s);
            if (!dt)
                continue;
            if (dt == t) {
                egaf_finding *f = egaf_diag(ctx->diags, "roadmap.self-dependency", &ref->mark,
                                            t->display,
                                            _("roadmap task '%s' depends on itself"),
                                            task_name(t));
                egaf_diag_hint(ctx->diags, f,
                               _("remove '%s' from `depends-on`, or name the task it waits for"),
                               ref->s);
                continue;
            }
            g->edges[e].from = i;
            g->edges[e].to = dt->index;
            g->edges[e].ref = ref;
            e++;
        }
    }
    g->first[g->n] = e;
    return true;
}

/* Strongly connected components (Tarjan's algorithm, without recursion: a
 * hostile model may chain thousands of tasks). comp[i] is i's component;
 * returns the number of components, or SIZE_MAX when memory ran out. */
static size_t components(const dep_graph *g, size_t *comp)
{
    size_t n = g->n;
    size_t *index = calloc(n ? n : 1, sizeof(*index));
    size_t *low = calloc(n ? n : 1, sizeof(*low));
    size_t *stack = calloc(n ? n : 1, sizeof(*stack));
    size_t *call = calloc(n ? n : 1, sizeof(*call)); /* the DFS path */
    size_t *next = calloc(n ? n : 1, sizeof(*next)); /* next edge of each node */
    bool *on = calloc(n ? n : 1, sizeof(*on));
    size_t ncomp = SIZE_MAX;
    if (!index || !low || !stack || !call || !next || !on)
        goto done;
    ncomp = 0;
    for (size_t i = 0; i < n; i++)
        index[i] = SIZE_MAX;
    size_t counter = 0, sp = 0;
    for (size_t root = 0; root < n; root++) {
        if (index[root] != SIZE_MAX)
            continue;
        size_t depth = 0;
        call[depth++] = root;
        index[root] = low[root] = counter++;
        next[root] = g->first[root];
        stack[sp++] = root;
        on[root] = true;
        while (depth) {
            size_t v = call[depth - 1];
            if (next[v] < g->first[v + 1]) {
                size_t w = g->edges[next[v]++].to;
                if (index[w] == SIZE_MAX) {
                    index[w] = low[w] = counter++;
                    next[w] = g->first[w];
                    stack[sp++] = w;
                    on[w] = true;
                    call[depth++] = w;
                } else if (on[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            depth--;
            if (depth && low[v] < low[call[depth - 1]])
                low[call[depth - 1]] = low[v];
            if (low[v] == index[v]) {
                size_t w;
                do {
                    w = stack[--sp];
                    on[w] = false;
                    comp[w] = ncomp;
                } while (w != v);
                ncomp++;
            }
        }
    }
done:
    free(index);
    free(low);
    free(stack);
    free(call);
    free(next);
    free(on);
    return ncomp;
}

/* One finding per cycle of dependencies: at the first task of the component
 * (in file order), naming the shortest way back to it. */
static void report_cycles(egaf_check_ctx *ctx, const dep_graph *g)
{
    const egaf_model *m = ctx->model;
    size_t n = g->n;
    size_t *comp = calloc(n ? n : 1, sizeof(*comp));
    size_t ncomp = comp ? components(g, comp) : SIZE_MAX;
    bool *seen = ncomp != SIZE_MAX ? calloc(ncomp ? ncomp : 1, sizeof(*seen)) : NULL;
    size_t *queue = malloc((n ? n : 1) * sizeof(*queue));
    size_t *via = malloc((n ? n : 1) * sizeof(*via)); /* the edge a task was reached by */
    size_t *path = malloc((n + 1) * sizeof(*path));
    if (!comp || ncomp == SIZE_MAX || !seen || !queue || !via || !path) {
        egaf_diags_fail(ctx->diags);
        goto done;
    }
    for (size_t s = 0; s < n; s++) {
        size_t c = comp[s];
        if (seen[c])
            continue;
        seen[c] = true;
        /* breadth first from s inside its component, back to s */
        for (size_t i = 0; i < n; i++)
            via[i] = SIZE_MAX;
        size_t head = 0, tail = 0, closing = SIZE_MAX;
        queue[tail++] = s;
        while (head < tail && closing == SIZE_MAX) {
            size_t v = queue[head++];
            for (size_t e = g->first[v]; e < g->first[v + 1]; e++) {
                size_t w = g->edges[e].to;
                if (comp[w] != c)
                    continue;
                if (w == s) {
                    closing = e;
                    break;
                }
                if (via[w] == SIZE_MAX) {
                    via[w] = e;
                    queue[tail++] = w;
                }
            }
        }
        if (closing == SIZE_MAX)
            continue; /* a component of one task without a cycle */
        /* the edges from s around to s, in order */
        size_t len = 0;
        path[len++] = closing;
        for (size_t v = g->edges[closing].from; v != s; v = g->edges[via[v]].from)
            path[len++] = via[v];
        char cycle[1024];
        size_t used = (size_t)snprintf(cycle, sizeof cycle, "%s",
                                       task_name(m->elements[EGAF_K_ROADMAP][s]));
        for (size_t k = len; k-- > 0 && used < sizeof cycle;)
            used += (size_t)snprintf(cycle + used, sizeof cycle - used, " → %s",
                                     task_name(m->elements[EGAF_K_ROADMAP][g->edges[path[k]].to]));
        if (used >= sizeof cycle)
            memcpy(cycle + sizeof cycle - 4, "...", 4);
        const egaf_element *t = m->elements[EGAF_K_ROADMAP][s];
        const dep_edge *start = &g->edges[path[len - 1]];
        egaf_finding *f = egaf_diag(ctx->diags, "roadmap.dependency-cycle", &start->ref->mark,
                                    t->display,
                                    _("roadmap tasks depend on each other in a cycle: %s"), cycle);
        /* a note at each other item, up to a few: a cycle through thousands
         * of tasks is read from its first steps */
        for (size_t k = len - 1, notes = 0; k-- > 0 && notes < MAX_CYCLE_NOTES; notes++) {
            const dep_edge *d = &g->edges[path[k]];
            const egaf_element *from = m->elements[EGAF_K_ROADMAP][g->edges[path[k + 1]].to];
            egaf_diag_related(ctx->diags, f, &d->ref->mark, _("'%s' depends on '%s' here"),
                              task_name(from), d->ref->s);
        }
        egaf_diag_hint(ctx->diags, f,
                       _("a task cannot wait for itself: remove the dependency that is not "
                         "real"));
    }
done:
    free(comp);
    free(seen);
    free(queue);
    free(via);
    free(path);
}

/* A task may not end before a task it depends on ends. */
static void report_order(egaf_check_ctx *ctx, const dep_graph *g)
{
    const egaf_model *m = ctx->model;
    for (size_t i = 0; i < g->n; i++) {
        const egaf_element *t = m->elements[EGAF_K_ROADMAP][i];
        const egaf_value *to = egaf_element_get(t, EGAF_F_YEAR_TO);
        if (!to)
            continue;
        for (size_t e = g->first[i]; e < g->first[i + 1]; e++) {
            const egaf_element *d = m->elements[EGAF_K_ROADMAP][g->edges[e].to];
            const egaf_value *dto = egaf_element_get(d, EGAF_F_YEAR_TO);
            if (!dto || dto->u.num <= to->u.num)
                continue;
            egaf_finding *f = egaf_diag(
                ctx->diags, "roadmap.dependency-order", &g->edges[e].ref->mark, t->display,
                _("roadmap task '%s' ends in %lld, before '%s', which it depends on, ends in "
                  "%lld"),
                task_name(t), to->u.num, task_name(d), dto->u.num);
            egaf_diag_related(ctx->diags, f, EGAF_VMARK(d, dto), _("'%s' ends here"),
                              task_name(d));
            egaf_diag_hint(ctx->diags, f,
                           _("end '%s' in %lld or later, or end '%s' earlier"), task_name(t),
                           dto->u.num, task_name(d));
        }
    }
}

/* Partners (phối hợp) without a lead (chủ trì): the document's task table
 * has both columns, and a task has one lead. */
static void report_lead_missing(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    for (size_t i = 0; i < m->counts[EGAF_K_ROADMAP]; i++) {
        const egaf_element *t = m->elements[EGAF_K_ROADMAP][i];
        const egaf_value *partners = egaf_element_get(t, EGAF_F_PARTNERS);
        if (!partners || egaf_element_get(t, EGAF_F_LEAD) ||
            egaf_element_invalid(t, EGAF_F_LEAD))
            continue;
        egaf_finding *f = egaf_diag(ctx->diags, "roadmap.lead-missing",
                                    EGAF_VMARK(t, partners), t->display,
                                    _("roadmap task '%s' has partners but no lead unit"),
                                    task_name(t));
        egaf_diag_hint(ctx->diags, f,
                       _("add `lead: UNIT` (đơn vị chủ trì), a unit of "
                         "`business.units`"));
    }
}

bool egaf_check_period(const egaf_check_ctx *ctx, long long *from, long long *to)
{
    const egaf_model *m = ctx->model;
    const egaf_value *period = m->header ? egaf_element_get(m->header, EGAF_F_PERIOD) : NULL;
    *from = *to = 0;
    if (period && period->u.period.from <= period->u.period.to) {
        *from = period->u.period.from;
        *to = period->u.period.to;
        return true;
    }
    if (!period && ctx->year) {
        *from = ctx->year;
        *to = ctx->year + 5;
    }
    return false;
}

void egaf_check_roadmap(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    long long pfrom = 0, pto = 0;
    bool declared = egaf_check_period(ctx, &pfrom, &pto);
    const egaf_value *period = m->header ? egaf_element_get(m->header, EGAF_F_PERIOD) : NULL;
    for (size_t i = 0; i < m->counts[EGAF_K_ROADMAP]; i++) {
        const egaf_element *t = m->elements[EGAF_K_ROADMAP][i];
        const egaf_value *from = egaf_element_get(t, EGAF_F_YEAR_FROM);
        const egaf_value *to = egaf_element_get(t, EGAF_F_YEAR_TO);
        const char *name = t->id ? t->id : t->display;
        if (from && to && from->u.num > to->u.num) {
            egaf_finding *d = egaf_diag(ctx->diags, "roadmap.order", EGAF_VMARK(t, to), t->display,
                                        _("roadmap task '%s' ends in %lld, before it starts in "
                                          "%lld"),
                                        name, to->u.num, from->u.num);
            egaf_diag_hint(ctx->diags, d, _("swap `from` and `to`, or correct the year"));
        }
        if (!pfrom)
            continue;
        const egaf_value *bad = NULL;
        if (from && (from->u.num < pfrom || from->u.num > pto))
            bad = from;
        else if (to && (to->u.num < pfrom || to->u.num > pto))
            bad = to;
        if (!bad)
            continue;
        egaf_finding *d;
        if (declared)
            d = egaf_diag(ctx->diags, "roadmap.outside-period", EGAF_VMARK(t, bad), t->display,
                          _("roadmap task '%s' %s in %lld, outside the architecture's period "
                            "%lld–%lld"),
                          name, bad == from ? "starts" : "ends", bad->u.num, pfrom, pto);
        else
            d = egaf_diag(ctx->diags, "roadmap.outside-period", EGAF_VMARK(t, bad), t->display,
                          _("roadmap task '%s' %s in %lld, outside %lld–%lld (the model's year "
                            "and the five years after it; the architecture declares no period)"),
                          name, bad == from ? "starts" : "ends", bad->u.num, pfrom, pto);
        if (period)
            egaf_diag_related(ctx->diags, d, EGAF_VMARK(m->header, period),
                              _("the period is declared here"));
        egaf_diag_hint(ctx->diags, d,
                       _("move the task inside %lld–%lld, or widen `period` in "
                         "`architecture`"),
                       pfrom, pto);
    }
    dep_graph g = {0, NULL, NULL};
    if (build_graph(ctx, &g)) {
        report_cycles(ctx, &g);
        report_order(ctx, &g);
    }
    free(g.first);
    free(g.edges);
    report_lead_missing(ctx);
}
