/* check_sections.c - the seven contents a framework edition requires of every
 * architecture are present (section.missing): vision, goals, scope and
 * principles in the header, the five component architectures (in the
 * top-level file or an include) and the implementation. */
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "model/labels.h"
#include "validator/check.h"

/* A layer of the architecture (business to security; implementation is no
 * layer) by the title the guidance gives it, "Kiến trúc nghiệp vụ". */
static const char *component_name(const char *key)
{
    int sec = egaf_section_find(key);
    return sec >= 0 && sec < EGAF_S_IMPLEMENTATION ? egaf_label_key(key, false) : NULL;
}

static bool header_has(const egaf_element *h, const char *key)
{
    if (!h)
        return false;
    const egaf_field_spec *fs = egaf_field_spec_find(egaf_kind_info(EGAF_K_ARCHITECTURE), key);
    const egaf_value *v = fs ? egaf_element_get(h, fs->field) : NULL;
    if (!v)
        return false;
    if (v->type == EGAF_FT_TEXTS || v->type == EGAF_FT_REFS || v->type == EGAF_FT_IDS) {
        for (size_t i = 0; i < v->u.list.count; i++)
            if (v->u.list.items[i].s[strspn(v->u.list.items[i].s, " \t\r\n")])
                return true;
        return false;
    }
    if (v->type == EGAF_FT_TEXT || v->type == EGAF_FT_ENUM || v->type == EGAF_FT_ID)
        return v->u.str.s[strspn(v->u.str.s, " \t\r\n")] != '\0';
    return true;
}

/* One finding per missing content, at the header (or line 1 without one). */
static egaf_finding *missing(egaf_check_ctx *ctx, const char *name, const char *key,
                             const char *what)
{
    const egaf_model *m = ctx->model;
    const egaf_element *h = m->header;
    const char *elem = h ? h->display : m->id;
    if (h)
        return egaf_diag(ctx->diags, "section.missing", &h->mark, elem,
                         _("architecture '%s' lacks %s (%s), %s"), elem, name, key, what);
    const char *file = m->source ? m->source->path : m->path;
    return egaf_diag_at(ctx->diags, "section.missing", file, 1, 1, elem,
                        _("architecture '%s' lacks %s (%s), %s"), elem, name, key, what);
}

/* The finding rests on the content being in the edition. */
static void section_fact(egaf_check_ctx *ctx, egaf_finding *d, const egaf_ref_framework *f,
                         const egaf_ref_section *s)
{
    char what[256];
    snprintf(what, sizeof what, _("that framework %s requires content %s"), f->edition,
             s->letter ? s->letter : "?");
    egaf_check_rests_on(ctx->diags, d, s->confidence, s->source, what);
}

void egaf_check_sections(egaf_check_ctx *ctx)
{
    const egaf_ref_framework *f = egaf_check_framework(ctx);
    if (!f)
        return;
    const egaf_model *m = ctx->model;
    for (size_t i = 0; i < f->nsections; i++) {
        const egaf_ref_section *s = &f->sections[i];
        char what[96], part[112];
        snprintf(what, sizeof what, _("content %s of framework %s"), s->letter ? s->letter : "?",
                 f->edition);
        snprintf(part, sizeof part, _("part of content %s of framework %s"),
                 s->letter ? s->letter : "?", f->edition);
        for (size_t j = 0; j < s->nkeys; j++) {
            const char *key = s->keys[j];
            if (strcmp(key, "generated") == 0)
                continue;
            if (strncmp(key, "architecture.", 13) == 0) {
                const char *field = key + 13;
                if (header_has(m->header, field))
                    continue;
                egaf_finding *d = missing(ctx, s->name, field, what);
                egaf_diag_hint(ctx->diags, d, _("add `%s:` to `architecture` (%s)"), field,
                               f->instrument);
                section_fact(ctx, d, f, s);
                continue;
            }
            int sec = egaf_section_find(key);
            if (sec < 0 || m->section_present[sec])
                continue;
            const char *cname = s->nkeys > 1 ? component_name(key) : NULL;
            egaf_finding *d = missing(ctx, cname ? cname : s->name, key, cname ? part : what);
            egaf_diag_hint(ctx->diags, d,
                           _("add the `%s:` section, in this file or an included one (%s)"), key,
                           f->instrument);
            section_fact(ctx, d, f, s);
        }
    }
}
