/* cross_refs.c - references to another architecture of the run (ARCH:ID).
 *
 * Each model is checked on its own, possibly on another thread and freed
 * right after (validate of a folder); a reference to another model can only
 * be resolved once every model was read. So the check keeps what the
 * finding would need (the place, the referring element, the waivers that
 * apply to it, where its finding stands in the model's list), and each
 * model leaves its ids behind (the elements themselves when the models are
 * kept, else a copy of each id's kind and place). egaf_run_finish() then
 * reports in one pass what the check would have reported, at the same
 * place in the list (the findings themselves are written by ref_findings.c,
 * as for the references resolved at once). */
#include "validator/check.h"
#include "validator/validate.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/grow.h"
#include "base/i18n.h"

/* The rules a reference to another architecture may break, in the order of
 * deferred_ref.waived. */
static const char *const cross_rules[] = {"ref.cross-architecture", "ref.unresolved",
                                          "ref.wrong-kind"};
enum { NOT_IN_RUN, UNRESOLVED, WRONG_KIND, CROSS_RULES };
_Static_assert(sizeof cross_rules / sizeof *cross_rules == CROSS_RULES, "one rule per verdict");

/* What a model leaves of an element when it is freed. */
typedef struct kept_id {
    const char *id;
    egaf_mark mark; /* its source a copy (egaf_source_copy) */
    egaf_kind kind;
} kept_id;

typedef struct deferred_ref {
    size_t position; /* where its finding stands among the model's findings */
    const egaf_field_spec *fs;
    const char *text; /* "arch:id" */
    size_t arch_len;
    const char *display; /* the referring element's */
    const char *from;    /* its id, or its display name when it has none */
    egaf_mark mark;
    const char *waived[CROSS_RULES]; /* the reason a waiver gives, or NULL */
} deferred_ref;

typedef struct model_refs {
    egaf_arena *arena; /* made by the thread that checks the model */
    egaf_diags *diags; /* the list the model's findings go to */
    const char *arch;  /* its architecture's id; NULL: not readable */
    /* id -> egaf_element (models kept: the map the check made) or kept_id
     * (made when another model first refers to it, as few are) */
    egaf_strmap ids;
    kept_id *kept; /* the ids of a model freed, and their text, one block */
    size_t nkept;
    bool indexed;  /* ids holds them */
    deferred_ref *refs;
    size_t nrefs, cap;
    const egaf_source *const *files; /* the model's files, and their copies */
    const egaf_source **copies;
    size_t nfiles;
} model_refs;

/* A run (validate.h): its checker, and what each model left for the
 * references between the models. */
struct egaf_run {
    const egaf_validator *v;
    model_refs *models;
    size_t n;
    bool models_kept;
};

egaf_run *egaf_run_create(const egaf_validator *v, size_t nmodels, bool models_kept)
{
    egaf_run *x = calloc(1, sizeof(*x));
    if (!x)
        return NULL;
    x->models = calloc(nmodels ? nmodels : 1, sizeof(*x->models));
    if (!x->models) {
        free(x);
        return NULL;
    }
    x->v = v;
    x->n = nmodels;
    x->models_kept = models_kept;
    return x;
}

const egaf_validator *egaf_run_validator(const egaf_run *run)
{
    return run->v;
}

void egaf_run_free(egaf_run *x)
{
    if (!x)
        return;
    for (size_t i = 0; i < x->n; i++) {
        egaf_strmap_free(&x->models[i].ids);
        free(x->models[i].refs);
        free(x->models[i].copies);
        free(x->models[i].kept);
        egaf_arena_free(x->models[i].arena);
    }
    free(x->models);
    free(x);
}

/* The copy of a model's source, made once, or NULL (out of memory: the
 * finding then names no file, and the list is marked failed). */
static const egaf_source *copy_of(model_refs *mr, const egaf_source *src, egaf_diags *diags)
{
    for (size_t i = 0; i < mr->nfiles; i++)
        if (mr->files[i] == src) {
            if (!mr->copies[i] && !(mr->copies[i] = egaf_source_copy(mr->arena, src)))
                egaf_diags_fail(diags);
            return mr->copies[i];
        }
    return NULL;
}

/* The mark at, its source a copy that outlives the model. */
static egaf_mark kept_mark(model_refs *mr, const egaf_mark *at, egaf_diags *diags)
{
    egaf_mark m = *at;
    m.src = at->src ? copy_of(mr, at->src, diags) : NULL;
    return m;
}

int egaf_cross_refs_begin(egaf_check_ctx *ctx)
{
    model_refs *mr = &ctx->run->models[ctx->run_index];
    egaf_strmap_init(&mr->ids);
    mr->diags = ctx->diags;
    mr->arena = egaf_arena_create();
    if (!mr->arena)
        return -1;
    if (!ctx->run->models_kept) {
        mr->nfiles = ctx->model->nfiles;
        mr->files = ctx->model->files;
        mr->copies = calloc(mr->nfiles ? mr->nfiles : 1, sizeof(*mr->copies));
        if (!mr->copies)
            return -1;
    }
    return 0;
}

void egaf_cross_refs_defer(egaf_check_ctx *ctx, const egaf_element *el, const egaf_field_spec *fs,
                           const egaf_str *s, size_t arch_len)
{
    model_refs *mr = &ctx->run->models[ctx->run_index];
    deferred_ref r = {.position = egaf_diags_count(ctx->diags), .fs = fs, .arch_len = arch_len};
    bool failed = false;
    r.text = egaf_arena_keep(mr->arena, s->s, &failed);
    r.display = egaf_arena_keep(mr->arena, el->display, &failed);
    r.from = egaf_arena_keep(mr->arena, el->id ? el->id : el->display, &failed);
    r.mark = ctx->run->models_kept ? s->mark : kept_mark(mr, &s->mark, ctx->diags);
    if (failed || !EGAF_PUSH(mr->refs, mr->nrefs, mr->cap, 8, r))
        egaf_diags_fail(ctx->diags); /* a reference left unchecked would pass */
}

/* The reason the waivers give for rule, or NULL. */
static const char *waiver_for(const egaf_value *waivers, const char *rule)
{
    for (size_t j = 0; waivers && j < waivers->u.waivers.count; j++)
        if (strcmp(waivers->u.waivers.items[j].rule.s, rule) == 0)
            return waivers->u.waivers.items[j].reason.s;
    return NULL;
}

void egaf_cross_refs_waivers(egaf_check_ctx *ctx, const egaf_strmap *waived)
{
    model_refs *mr = &ctx->run->models[ctx->run_index];
    for (size_t i = 0; i < mr->nrefs; i++) {
        deferred_ref *r = &mr->refs[i];
        const egaf_element *el = r->display
                                     ? egaf_strmap_get(waived, r->display, strlen(r->display))
                                     : ctx->model->header;
        const egaf_value *w = el ? egaf_element_get(el, EGAF_F_WAIVERS) : NULL;
        for (int rule = 0; rule < CROSS_RULES; rule++) {
            const char *reason = waiver_for(w, cross_rules[rule]);
            bool failed = false;
            r->waived[rule] = egaf_arena_keep(mr->arena, reason, &failed);
            if (failed)
                egaf_diags_fail(ctx->diags);
        }
    }
}

void egaf_cross_refs_end(egaf_check_ctx *ctx, egaf_strmap *ids)
{
    model_refs *mr = &ctx->run->models[ctx->run_index];
    bool failed = false;
    mr->arch = egaf_arena_keep(mr->arena, ctx->model->id, &failed);
    if (failed)
        egaf_diags_fail(ctx->diags);
    if (ctx->run->models_kept) {
        mr->ids = *ids; /* the elements stay: the map is the run's now */
        egaf_strmap_init(ids);
        return;
    }
    /* the model is about to be freed: its ids, kinds and places copied, in
     * one block of the size they take (an arena would map huge pages for
     * each model's few hundred kilobytes) */
    size_t pos = 0, bytes = 0;
    const char *id;
    void *value;
    while (egaf_strmap_next(ids, &pos, &id, &value))
        bytes += strlen(id) + 1;
    size_t head = ids->count * sizeof(kept_id);
    /* a model with no id keeps nothing (malloc of 0 may say NULL) */
    mr->kept = ids->count && bytes < SIZE_MAX - head ? malloc(head + bytes) : NULL;
    bool oom = ids->count && !mr->kept;
    char *text = mr->kept ? (char *)mr->kept + head : NULL;
    for (pos = 0; text && egaf_strmap_next(ids, &pos, &id, &value); mr->nkept++) {
        const egaf_element *el = value;
        kept_id *k = &mr->kept[mr->nkept];
        size_t len = strlen(id);
        k->id = memcpy(text, id, len + 1);
        k->mark = kept_mark(mr, &el->mark, ctx->diags);
        k->kind = el->kind;
        text += len + 1;
    }
    if (oom)
        egaf_diags_fail(ctx->diags); /* an id missing would be reported unresolved */
    free(mr->copies);
    mr->copies = NULL;
    mr->files = NULL;
    mr->nfiles = 0;
}

/* The map of a freed model's kept ids, made the first time another model
 * refers to it; false when out of memory. */
static bool index_kept(model_refs *mr)
{
    if (mr->indexed || !mr->kept) /* or the models are kept: ids is their map */
        return true;
    bool oom = false;
    for (size_t i = 0; i < mr->nkept && !oom; i++)
        egaf_strmap_put(&mr->ids, mr->kept[i].id, strlen(mr->kept[i].id), &mr->kept[i], &oom);
    mr->indexed = !oom;
    return !oom;
}

/* The finding r gets against the run, or none; its verdict's index in
 * cross_rules through *verdict. */
static egaf_finding *resolve(egaf_run *x, const egaf_strmap *by_arch,
                             const model_refs *mr, const deferred_ref *r, int *verdict)
{
    const char *id = r->text + r->arch_len + 1;
    void *at = egaf_strmap_get(by_arch, r->text, r->arch_len);
    if (!at) {
        *verdict = NOT_IN_RUN;
        return egaf_ref_not_in_run(mr->diags, &r->mark, r->display, r->text, r->arch_len);
    }
    model_refs *other = &x->models[(size_t)at - 1];
    const void *target = NULL;
    if (index_kept(other))
        target = egaf_strmap_get(&other->ids, id, strlen(id));
    else
        egaf_diags_fail(mr->diags); /* a missing id would be reported unresolved */
    if (!target) {
        *verdict = UNRESOLVED;
        return egaf_diag(mr->diags, "ref.unresolved", &r->mark, r->display,
                         _("'%s' of %s names '%s', but architecture '%.*s' has no element '%s'"),
                         r->fs->key, r->display, r->text, (int)r->arch_len, r->text, id);
    }
    egaf_kind kind = x->models_kept ? ((const egaf_element *)target)->kind
                                    : ((const kept_id *)target)->kind;
    const egaf_mark *declared = x->models_kept ? &((const egaf_element *)target)->mark
                                               : &((const kept_id *)target)->mark;
    if (r->fs->targets & EGAF_T(kind))
        return NULL;
    *verdict = WRONG_KIND;
    return egaf_ref_wrong_kind(mr->diags, &r->mark, r->display, r->from, r->fs, kind, declared,
                               r->text);
}

void egaf_run_finish(egaf_run *x)
{
    egaf_strmap by_arch; /* architecture id -> index + 1, the first model with it */
    egaf_strmap_init(&by_arch);
    bool oom = false;
    for (size_t i = 0; i < x->n; i++)
        if (x->models[i].arch)
            egaf_strmap_put(&by_arch, x->models[i].arch, strlen(x->models[i].arch),
                            (void *)(i + 1), &oom);
    const egaf_diags *list = NULL;
    size_t added = 0; /* findings already placed in list */
    for (size_t i = 0; i < x->n; i++) {
        model_refs *mr = &x->models[i];
        if (oom && mr->nrefs)
            egaf_diags_fail(mr->diags);
        for (size_t j = 0; j < mr->nrefs && !oom; j++) {
            if (mr->diags != list) {
                list = mr->diags;
                added = 0;
            }
            const deferred_ref *r = &mr->refs[j];
            int verdict = 0;
            egaf_finding *f = resolve(x, &by_arch, mr, r, &verdict);
            if (!f)
                continue;
            if (r->waived[verdict])
                egaf_diag_waive(mr->diags, f, r->waived[verdict]);
            egaf_diags_move_last(mr->diags, r->position + added++);
        }
    }
    egaf_strmap_free(&by_arch);
}
