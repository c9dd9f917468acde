/* diag.c - the finding list. */
#include "base/diag.h"
#include "base/grow.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/strmap.h"
#include "base/rules.h"

enum { MAX_QUOTED_LINE = 1024 };

struct egaf_diags {
    egaf_arena *arena;
    egaf_finding **items;
    size_t count, cap;
    egaf_strmap overrides; /* rule id -> (severity + 1) as pointer */
    size_t files;
    bool failed;
    egaf_arena **absorbed; /* the arenas of lists absorbed, holding their findings */
    size_t nabsorbed;
};

egaf_diags *egaf_diags_create(void)
{
    egaf_arena *arena;
    egaf_diags *d = egaf_calloc_with_arena(sizeof(*d), &arena);
    if (!d)
        return NULL;
    d->arena = arena;
    egaf_strmap_init(&d->overrides);
    return d;
}

void egaf_diags_free(egaf_diags *d)
{
    if (!d)
        return;
    egaf_arena_free(d->arena);
    for (size_t i = 0; i < d->nabsorbed; i++)
        egaf_arena_free(d->absorbed[i]);
    free(d->absorbed);
    egaf_strmap_free(&d->overrides);
    free(d->items);
    free(d);
}

int egaf_diags_set_severity(egaf_diags *d, const char *rule, egaf_severity severity)
{
    const egaf_rule *r = egaf_rule_find(rule);
    if (!r)
        return -1;
    /* the catalogue's id string is static and outlives the map */
    bool oom = false;
    size_t len = strlen(r->id);
    void *value = (void *)(size_t)(severity + 1);
    if (egaf_strmap_get(&d->overrides, r->id, len)) {
        size_t pos = 0;
        const char *k;
        void *v;
        /* replace: rebuild is simplest for a handful of overrides */
        egaf_strmap fresh;
        egaf_strmap_init(&fresh);
        while (egaf_strmap_next(&d->overrides, &pos, &k, &v))
            egaf_strmap_put(&fresh, k, strlen(k), strcmp(k, r->id) == 0 ? value : v, &oom);
        egaf_strmap_free(&d->overrides);
        d->overrides = fresh;
    } else {
        egaf_strmap_put(&d->overrides, r->id, len, value, &oom);
    }
    return oom ? -1 : 0;
}

static egaf_severity effective_severity(const egaf_diags *d, const char *rule)
{
    void *v = egaf_strmap_get(&d->overrides, rule, strlen(rule));
    if (v)
        return (egaf_severity)((size_t)v - 1);
    const egaf_rule *r = egaf_rule_find(rule);
    return r ? r->severity : EGAF_SEV_ERROR;
}

void egaf_diags_absorb(egaf_diags *d, egaf_diags *src)
{
    if (!src)
        return;
    if (src->count == 0) {
        d->failed |= src->failed;
        egaf_diags_free(src);
        return;
    }
    /* src's arena, and the arenas src absorbed itself: its findings live
     * in all of them */
    egaf_arena **a = realloc(d->absorbed, (d->nabsorbed + 1 + src->nabsorbed) * sizeof(*a));
    if (a)
        d->absorbed = a;
    size_t need = d->count + src->count;
    if (a && need > d->cap) {
        egaf_finding **items = realloc(d->items, need * sizeof(*items));
        if (items) {
            d->items = items;
            d->cap = need;
        }
    }
    if (!a || need > d->cap) {
        d->failed = true;
        egaf_diags_free(src);
        return;
    }
    d->absorbed[d->nabsorbed++] = src->arena;
    for (size_t i = 0; i < src->nabsorbed; i++)
        d->absorbed[d->nabsorbed++] = src->absorbed[i];
    src->nabsorbed = 0;
    for (size_t i = 0; i < src->count; i++) {
        egaf_finding *f = src->items[i];
        egaf_severity sev = effective_severity(d, f->rule);
        if (sev == EGAF_SEV_OFF)
            continue;
        f->severity = sev < f->at_most ? sev : f->at_most;
        f->seq = d->count;
        d->items[d->count++] = f;
    }
    d->failed |= src->failed;
    src->arena = NULL; /* now d's */
    egaf_diags_free(src);
}

static const char *quote_line(egaf_arena *arena, const egaf_source *src, unsigned line)
{
    size_t len;
    /* before reading a released file's line again: too long is not quoted */
    if (egaf_source_line_length(src, line) > MAX_QUOTED_LINE + 1)
        return NULL;
    egaf_buf reread;
    egaf_buf_init(&reread);
    const char *text = egaf_source_line(src, line, &len, &reread);
    const char *quoted = text && len <= MAX_QUOTED_LINE && !memchr(text, '\0', len)
                             ? egaf_arena_strndup(arena, text, len)
                             : NULL;
    egaf_buf_free(&reread);
    return quoted;
}

static unsigned span_of(const egaf_mark *m)
{
    return m->end_col > m->col ? m->end_col - m->col : 1;
}

static egaf_finding *add(egaf_diags *d, const char *rule, const char *file, const egaf_mark *mark,
                         unsigned line, unsigned col, const char *element, const char *fmt,
                         va_list ap)
{
    egaf_severity sev = effective_severity(d, rule);
    if (sev == EGAF_SEV_OFF)
        return NULL;
    d->items = egaf_grow(d->items, &d->cap, d->count, sizeof(*d->items), 64);
    if (d->count == d->cap) {
        d->failed = true;
        return NULL;
    }
    egaf_finding *f = egaf_arena_alloc(d->arena, sizeof(*f));
    if (!f) {
        d->failed = true;
        return NULL;
    }
    f->rule = rule;
    f->severity = sev;
    f->at_most = EGAF_SEV_ERROR;
    if (mark && mark->src) {
        f->file = egaf_arena_strdup(d->arena, mark->src->path);
        f->line = mark->line;
        f->col = mark->col;
        f->span = span_of(mark);
        f->source_line = quote_line(d->arena, mark->src, mark->line);
    } else if (file) {
        f->file = egaf_arena_strdup(d->arena, file);
        f->line = line;
        f->col = col;
        f->span = 1;
    }
    f->element = element ? egaf_arena_strdup(d->arena, element) : NULL;
    f->message = egaf_arena_vprintf(d->arena, fmt, ap);
    if (!f->message || (element && !f->element) || (((mark && mark->src) || file) && !f->file)) {
        d->failed = true;
        return NULL;
    }
    f->seq = d->count;
    d->items[d->count++] = f;
    return f;
}

egaf_finding *egaf_diag(egaf_diags *d, const char *rule, const egaf_mark *mark,
                        const char *element, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    egaf_finding *f = add(d, rule, NULL, mark, 0, 0, element, fmt, ap);
    va_end(ap);
    return f;
}

egaf_finding *egaf_diag_at(egaf_diags *d, const char *rule, const char *file, unsigned line,
                           unsigned col, const char *element, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    egaf_finding *f = add(d, rule, file, NULL, line, col, element, fmt, ap);
    va_end(ap);
    return f;
}

void egaf_diag_hint(egaf_diags *d, egaf_finding *f, const char *fmt, ...)
{
    if (!f)
        return;
    va_list ap;
    va_start(ap, fmt);
    f->hint = egaf_arena_vprintf(d->arena, fmt, ap);
    va_end(ap);
    if (!f->hint)
        d->failed = true; /* a finding without its hint is not the finding */
}

void egaf_diag_fix(egaf_diags *d, egaf_finding *f, const char *fmt, ...)
{
    if (!f)
        return;
    va_list ap;
    va_start(ap, fmt);
    f->fix = egaf_arena_vprintf(d->arena, fmt, ap);
    va_end(ap);
    if (!f->fix)
        d->failed = true;
}

void egaf_diag_fix_insert(egaf_diags *d, egaf_finding *f, unsigned line, unsigned col,
                          const char *text)
{
    if (!f || line == 0)
        return;
    egaf_diag_fix(d, f, "%s", text);
    if (f->fix) {
        f->fix_line = line;
        f->fix_col = col ? col : 1;
    }
}

void egaf_diag_hint_append(egaf_diags *d, egaf_finding *f, const char *fmt, ...)
{
    if (!f)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *more = egaf_arena_vprintf(d->arena, fmt, ap);
    va_end(ap);
    if (!more) {
        d->failed = true;
        return;
    }
    if (!f->hint) {
        f->hint = more;
        return;
    }
    char *both = egaf_arena_printf(d->arena, "%s; %s", f->hint, more);
    if (both)
        f->hint = both;
    else
        d->failed = true;
}

void egaf_diag_at_most(egaf_finding *f, egaf_severity most)
{
    if (!f)
        return;
    if (most < f->at_most)
        f->at_most = most;
    if (f->severity > f->at_most)
        f->severity = f->at_most;
}

void egaf_diag_related(egaf_diags *d, egaf_finding *f, const egaf_mark *mark, const char *fmt,
                       ...)
{
    if (!f || !mark || !mark->src)
        return;
    egaf_related *n = egaf_arena_alloc(d->arena, sizeof(*n) * (f->nrelated + 1));
    if (!n) {
        d->failed = true;
        return;
    }
    if (f->nrelated)
        memcpy(n, f->related, sizeof(*n) * f->nrelated);
    egaf_related *r = &n[f->nrelated];
    r->file = egaf_arena_strdup(d->arena, mark->src->path);
    r->line = mark->line;
    r->col = mark->col;
    r->span = span_of(mark);
    r->source_line = quote_line(d->arena, mark->src, mark->line);
    va_list ap;
    va_start(ap, fmt);
    r->message = egaf_arena_vprintf(d->arena, fmt, ap);
    va_end(ap);
    if (!r->file || !r->message) {
        d->failed = true; /* the note is not added: the list says it is incomplete */
        return;
    }
    f->related = n;
    f->nrelated++;
}

void egaf_diag_waive(egaf_diags *d, egaf_finding *f, const char *reason)
{
    if (f && !(f->waiver = egaf_arena_strdup(d->arena, reason)))
        d->failed = true; /* a waived finding would count */
}

static int compare_findings(const void *a, const void *b)
{
    const egaf_finding *x = *(const egaf_finding *const *)a;
    const egaf_finding *y = *(const egaf_finding *const *)b;
    /* findings without a file (run-wide) come last */
    if (!x->file != !y->file)
        return x->file ? -1 : 1;
    if (x->file && y->file) {
        int c = strcmp(x->file, y->file);
        if (c)
            return c;
    }
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

void egaf_diags_sort(egaf_diags *d)
{
    if (d->count > 1)
        qsort(d->items, d->count, sizeof(*d->items), compare_findings);
}

size_t egaf_diags_count(const egaf_diags *d)
{
    return d->count;
}

const egaf_finding *egaf_diags_at(const egaf_diags *d, size_t i)
{
    return i < d->count ? d->items[i] : NULL;
}

egaf_diag_counts egaf_diags_counts(const egaf_diags *d)
{
    egaf_diag_counts c = {0, 0, 0, 0};
    for (size_t i = 0; i < d->count; i++) {
        const egaf_finding *f = d->items[i];
        if (f->waiver)
            c.suppressed++;
        else if (f->severity == EGAF_SEV_ERROR)
            c.errors++;
        else if (f->severity == EGAF_SEV_WARNING)
            c.warnings++;
        else
            c.notes++;
    }
    return c;
}

void egaf_diags_add_files(egaf_diags *d, size_t n)
{
    d->files += n;
}

size_t egaf_diags_files(const egaf_diags *d)
{
    return d->files;
}

bool egaf_diags_failed(const egaf_diags *d)
{
    return d->failed;
}

void egaf_diags_fail(egaf_diags *d)
{
    d->failed = true;
}

const char *egaf_severity_name(egaf_severity s)
{
    static const char *const names[] = {[EGAF_SEV_NOTE] = "note", [EGAF_SEV_WARNING] = "warning",
                                        [EGAF_SEV_ERROR] = "error", [EGAF_SEV_OFF] = "off"};
    _Static_assert(sizeof names / sizeof *names == EGAF_SEV_OFF + 1, "a name for every severity");
    return (unsigned)s <= EGAF_SEV_OFF ? names[s] : "error";
}

int egaf_severity_parse(const char *s, egaf_severity *out)
{
    static const char *const names[] = {"note", "warning", "error", "off"};
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (egaf_severity)i;
            return 0;
        }
    return -1;
}

void egaf_diags_remove_if(egaf_diags *d, size_t first,
                          bool (*drop)(const egaf_finding *f, void *arg), void *arg)
{
    size_t kept = first;
    for (size_t i = first; i < d->count; i++)
        if (!drop(d->items[i], arg)) {
            d->items[i]->seq = kept;
            d->items[kept++] = d->items[i];
        }
    d->count = kept;
}

void egaf_diags_move_last(egaf_diags *d, size_t position)
{
    if (d->count == 0 || position >= d->count - 1)
        return;
    egaf_finding *last = d->items[d->count - 1];
    memmove(&d->items[position + 1], &d->items[position],
            (d->count - 1 - position) * sizeof(*d->items));
    d->items[position] = last;
    for (size_t i = position; i < d->count; i++)
        d->items[i]->seq = i;
}
