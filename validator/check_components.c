/* check_components.c - the components every ministry/province architecture
 * must have (component.missing), their connections to the national systems
 * (component.not-connected), and one LGSP per architecture
 * (component.multiple-lgsp). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/utf8.h"
#include "validator/check.h"
#include "validator/init_template.h"

static bool level_matches(const egaf_ref_requirement *r, const char *level)
{
    for (size_t i = 0; i < r->nlevels; i++) {
        const char *l = r->levels[i];
        if (strcmp(l, level) == 0 ||
            (strcmp(level, "ministry") == 0 && strcmp(l, "government-agency") == 0))
            return true;
    }
    return false;
}

static egaf_kind section_kind(const char *section, bool *ok)
{
    *ok = true;
    if (strcmp(section, "platforms") == 0)
        return EGAF_K_PLATFORM;
    if (strcmp(section, "applications") == 0)
        return EGAF_K_APPLICATION;
    if (strcmp(section, "infrastructure") == 0)
        return EGAF_K_INFRASTRUCTURE;
    *ok = false;
    return EGAF_K_ARCHITECTURE;
}

static bool matches(const egaf_element *el, const egaf_ref_requirement *r)
{
    if (!r->match_key)
        return true;
    egaf_field field = strcmp(r->match_key, "role") == 0 ? EGAF_F_ROLE : EGAF_F_KIND;
    const char *v = egaf_element_text(el, field);
    return v && r->match_value && strcmp(v, r->match_value) == 0;
}

/* Where a finding about the whole section goes: the section, the header or
 * the file's first line. */
static egaf_finding *at_section(egaf_check_ctx *ctx, const char *rule, egaf_section sec,
                                const char *fmt_arg1, const char *fmt_arg2, const char *fmt_arg3)
{
    const egaf_model *m = ctx->model;
    const char *elem = m->header ? m->header->display : m->id;
    const char *fmt = _("architecture '%s' has no %s; framework %s requires %s");
    if (m->section_present[sec])
        return egaf_diag(ctx->diags, rule, &m->section_marks[sec], elem, fmt, elem, fmt_arg1,
                         fmt_arg2, fmt_arg3);
    if (m->header)
        return egaf_diag(ctx->diags, rule, &m->header->mark, elem, fmt, elem, fmt_arg1,
                         fmt_arg2, fmt_arg3);
    return egaf_diag_at(ctx->diags, rule, m->source ? m->source->path : m->path, 1, 1, elem,
                        fmt, elem, fmt_arg1, fmt_arg2, fmt_arg3);
}

/* The finding rests on the requirement being in the edition. */
static void required_fact(egaf_check_ctx *ctx, egaf_finding *d, const egaf_ref_framework *f,
                          const egaf_ref_requirement *r)
{
    char what[256];
    snprintf(what, sizeof what, _("that framework %s requires '%s'"), f->edition, r->id);
    egaf_check_rests_on(ctx->diags, d, r->confidence, r->source, what);
}

/* ---- the missing component, inserted from `egaf init`'s template ---- */

/* The line's indentation in spaces; true when it holds nothing but that or
 * a comment. */
static bool blank_or_comment(const char *text, size_t len, size_t *indent)
{
    size_t i = 0;
    while (i < len && text[i] == ' ')
        i++;
    *indent = i;
    return i == len || text[i] == '#';
}

/* The last line from `from` on that belongs to a block indented more than
 * outer spaces (its content and its comments), or from - 1 when none. */
static uint32_t block_end(const egaf_source *src, uint32_t from, size_t outer, egaf_buf *buf)
{
    uint32_t last = from - 1;
    for (uint32_t line = from; line <= src->nlines; line++) {
        size_t len = 0, indent = 0;
        const char *text = egaf_source_line(src, line, &len, buf);
        if (!text)
            break;
        bool quiet = blank_or_comment(text, len, &indent);
        if (indent == len)
            continue; /* a blank line */
        if (indent <= outer) {
            if (quiet)
                continue; /* a comment of what follows, or a rule line */
            break;
        }
        last = line;
    }
    return last;
}

static bool id_taken(const char *id, void *arg)
{
    return egaf_check_lookup(arg, id) != NULL;
}

/* Records on d, a component.missing finding, the entry `egaf init` writes for
 * r, inserted after the last element of its list in the top-level file (or,
 * when the model has none of that kind, as the list under the section), at
 * the list's indentation. Nothing when the place is not plain block YAML of
 * the top-level file. */
static void insertion_fix(egaf_check_ctx *ctx, egaf_finding *d, const egaf_ref_framework *f,
                          const egaf_ref_requirement *r, egaf_kind kind, egaf_section sec)
{
    const egaf_model *m = ctx->model;
    const egaf_source *src = m->source;
    /* for editors, which keep the text: a command that released it reports
     * no fix and should not read the file again line by line for one */
    if (!d || !src || !src->text)
        return;
    /* the fix's position is in the finding's own file */
    if (!d->file || !src->path || strcmp(d->file, src->path) != 0)
        return;
    const egaf_element *last = NULL;
    for (size_t i = 0; i < m->counts[kind]; i++) {
        const egaf_element *el = m->elements[kind][i];
        if (el->mark.src != src)
            return; /* the list lives in an include: not this file's to grow */
        if (!last || el->mark.line > last->mark.line)
            last = el;
    }
    egaf_buf line_buf, entry;
    egaf_buf_init(&line_buf);
    egaf_buf_init(&entry);
    char indent[64];
    uint32_t at = 0;
    size_t len = 0, spaces = 0;
    const char *text;
    if (last) {
        /* "    - id: …": the entry goes at the dash's column */
        text = egaf_source_line(src, last->mark.line, &len, &line_buf);
        size_t dash = 0;
        while (text && dash < len && text[dash] == ' ')
            dash++;
        size_t key = dash + 1;
        while (text && key < len && text[key] == ' ')
            key++;
        if (!text || dash >= len || text[dash] != '-' || key == dash + 1 ||
            last->mark.col != key + 1 || dash >= sizeof indent)
            goto out;
        snprintf(indent, sizeof indent, "%*s", (int)dash, "");
        at = block_end(src, last->mark.line + 1, dash, &line_buf);
        if (at < last->mark.line)
            at = last->mark.line;
    } else {
        const egaf_mark *sm = &m->section_marks[sec];
        if (!m->section_present[sec] || sm->src != src || sm->col != 1)
            goto out;
        /* the section's keys: their indentation, and no list of this name
         * already (an empty `platforms: []` is the architect's to fill) */
        size_t child = 0;
        size_t keylen = strlen(r->section);
        for (uint32_t line = sm->line + 1; line <= src->nlines; line++) {
            text = egaf_source_line(src, line, &len, &line_buf);
            if (!text)
                goto out;
            if (blank_or_comment(text, len, &spaces))
                continue;
            if (spaces == 0)
                break;
            if (!child)
                child = spaces;
            if (spaces == child && len - spaces > keylen &&
                strncmp(text + spaces, r->section, keylen) == 0 && text[spaces + keylen] == ':')
                goto out;
        }
        text = egaf_source_line(src, sm->line, &len, &line_buf);
        const char *colon = text ? memchr(text, ':', len) : NULL;
        if (!colon || !blank_or_comment(colon + 1, len - (size_t)(colon + 1 - text), &spaces))
            goto out; /* `application: {}` or another flow value */
        if (!child)
            child = 2;
        if (child + 2 >= sizeof indent)
            goto out;
        at = block_end(src, sm->line + 1, 0, &line_buf);
        if (at < sm->line)
            at = sm->line;
        egaf_buf_printf(&entry, "%*s%s:\n", (int)child, "", r->section);
        snprintf(indent, sizeof indent, "%*s", (int)child + 2, "");
    }
    const char *level = m->header ? egaf_element_text(m->header, EGAF_F_LEVEL) : NULL;
    const char *host = NULL;
    const egaf_element *ttdl = egaf_check_lookup(ctx, "ttdl");
    if (ttdl && ttdl->kind == EGAF_K_INFRASTRUCTURE)
        host = ttdl->id;
    for (size_t i = 0; !host && i < m->counts[EGAF_K_INFRASTRUCTURE]; i++) {
        const egaf_element *el = m->elements[EGAF_K_INFRASTRUCTURE][i];
        const char *k = egaf_element_text(el, EGAF_F_KIND);
        if (el->id && k && strcmp(k, "data-center") == 0)
            host = el->id;
    }
    egaf_init_item item = {
        .agency = egaf_check_agency(ctx),
        .arch = m->id,
        .province = level && strcmp(level, "province") == 0,
        .indent = indent,
        .host = host,
        .taken = id_taken,
        .arg = ctx,
    };
    if (!egaf_init_component(&entry, ctx->refs, f, ctx->year, r, &item) || entry.failed ||
        entry.len == 0)
        goto out;
    /* after the end of line `at`, so a file without a final line break works */
    text = egaf_source_line(src, at, &len, &line_buf);
    if (!text)
        goto out;
    uint32_t col = egaf_utf8_count(text, len) + 1;
    entry.data[entry.len - 1] = '\0'; /* the entry's last line break: the line's own follows */
    egaf_buf line_break;
    egaf_buf_init(&line_break);
    egaf_buf_putc(&line_break, '\n');
    egaf_buf_puts(&line_break, entry.data);
    if (!line_break.failed)
        egaf_diag_fix_insert(ctx->diags, d, at, col, line_break.data);
    egaf_buf_free(&line_break);
out:
    egaf_buf_free(&entry);
    egaf_buf_free(&line_buf);
}

static void check_requirement(egaf_check_ctx *ctx, const egaf_ref_framework *f,
                              const egaf_ref_requirement *r, bool *reach, bool *all,
                              egaf_strmap *senders)
{
    const egaf_model *m = ctx->model;
    bool ok;
    egaf_kind kind = section_kind(r->section, &ok);
    if (!ok)
        return;
    size_t n = m->counts[kind];
    char src[256], what[128];
    egaf_check_instrument(r->source, src, sizeof src);
    const char *noun = _(egaf_kind_info(kind)->noun);
    if (r->match_key && strcmp(r->match_key, "kind") == 0)
        snprintf(what, sizeof what, _("%s of kind %s"), noun, r->match_value);
    else if (r->match_key)
        snprintf(what, sizeof what, _("%s with role %s"), noun, r->match_value);
    else
        snprintf(what, sizeof what, _("%s element"), noun);
    size_t first = n;
    for (size_t i = 0; i < n; i++) {
        all[i] = matches(m->elements[kind][i], r);
        if (all[i] && first == n)
            first = i;
    }
    if (first == n) {
        char req[320];
        snprintf(req, sizeof req, "'%s' (%s)", r->id, r->title ? r->title : r->id);
        egaf_section sec = kind == EGAF_K_INFRASTRUCTURE ? EGAF_S_TECHNOLOGY : EGAF_S_APPLICATION;
        egaf_finding *d = at_section(ctx, "component.missing", sec, what, f->edition, req);
        char targets[160] = "";
        size_t used = 0;
        for (size_t j = 0; j < r->nmust_connect && used < sizeof targets; j++) {
            int w = snprintf(targets + used, sizeof targets - used, "%snational:%s",
                             j ? ", " : "", r->must_connect[j]);
            if (w < 0)
                break;
            used += (size_t)w;
        }
        char connected[200] = "", basis[270] = "";
        if (r->nmust_connect)
            snprintf(connected, sizeof connected, _(" connected to %s"), targets);
        if (src[0])
            snprintf(basis, sizeof basis, " (%s)", src);
        /* "an application", "a platform": the article is the message's */
        egaf_diag_hint(ctx->diags, d,
                       strchr("aeiou", what[0]) ? _("add an %s%s%s") : _("add a %s%s%s"), what,
                       connected, basis);
        required_fact(ctx, d, f, r);
        insertion_fix(ctx, d, f, r, kind, sec);
        return;
    }
    /* which matching elements reach every must-connect system */
    for (size_t j = 0; j < r->nmust_connect; j++) {
        const char *target = r->must_connect[j];
        if (kind == EGAF_K_APPLICATION) {
            egaf_strmap_free(senders);
            egaf_strmap_init(senders);
            for (size_t k = 0; k < m->counts[EGAF_K_INTEGRATION]; k++) {
                const egaf_element *in = m->elements[EGAF_K_INTEGRATION][k];
                const char *from = egaf_element_text(in, EGAF_F_FROM);
                const char *to = egaf_element_text(in, EGAF_F_TO);
                if (!from || !to)
                    continue;
                egaf_ref rt = egaf_ref_parse(to);
                if (rt.scope != EGAF_REF_NATIONAL || strcmp(rt.id, target) != 0)
                    continue;
                bool oom = false;
                egaf_strmap_put(senders, from, strlen(from), (void *)in, &oom);
                if (oom) {
                    egaf_diags_fail(ctx->diags);
                    return;
                }
            }
            for (size_t i = 0; i < n; i++) {
                const char *id = m->elements[kind][i]->id;
                reach[i] = id && egaf_strmap_get(senders, id, strlen(id));
            }
        } else if (!egaf_model_reaches(m, ctx->ids, kind, EGAF_F_CONNECTS, target, reach)) {
            egaf_diags_fail(ctx->diags);
            return;
        }
        for (size_t i = 0; i < n; i++)
            all[i] = all[i] && reach[i];
    }
    for (size_t i = 0; i < n; i++)
        if (all[i])
            return;
    /* report at the first matching element, naming what it misses */
    const egaf_element *el = m->elements[kind][first];
    char missing[200] = "";
    size_t used = 0;
    for (size_t j = 0; j < r->nmust_connect && used < sizeof missing; j++) {
        const char *target = r->must_connect[j];
        bool has = false;
        if (kind == EGAF_K_APPLICATION) {
            for (size_t k = 0; k < m->counts[EGAF_K_INTEGRATION] && !has; k++) {
                const egaf_element *in = m->elements[EGAF_K_INTEGRATION][k];
                const char *from = egaf_element_text(in, EGAF_F_FROM);
                const char *to = egaf_element_text(in, EGAF_F_TO);
                has = from && to && el->id && strcmp(from, el->id) == 0 &&
                      strncmp(to, "national:", 9) == 0 && strcmp(to + 9, target) == 0;
            }
        } else if (egaf_model_reaches(m, ctx->ids, kind, EGAF_F_CONNECTS, target, reach)) {
            has = reach[first];
        } else {
            egaf_diags_fail(ctx->diags); /* the message would name a target too many */
        }
        if (has)
            continue;
        int w = snprintf(missing + used, sizeof missing - used, "%snational:%s",
                         used ? ", " : "", target);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    const egaf_value *idv = egaf_element_get(el, EGAF_F_ID);
    egaf_finding *d =
        egaf_diag(ctx->diags, "component.not-connected", idv ? EGAF_VMARK(el, idv) : &el->mark,
                  el->display, _("%s '%s' (required component '%s') does not connect to %s"), noun,
                  el->id ? el->id : el->display, r->id, missing);
    const egaf_element *lgsp_el = egaf_model_lgsp(m);
    const char *lgsp = lgsp_el ? lgsp_el->id : NULL;
    if (kind == EGAF_K_APPLICATION)
        egaf_diag_hint(ctx->diags, d,
                       _("add an integration `{from: %s, to: %s, via: %s, route: a}`%s%s%s"),
                       el->id ? el->id : "?", missing, lgsp ? lgsp : _("<the LGSP>"),
                       src[0] ? " (" : "", src, src[0] ? ")" : "");
    else
        egaf_diag_hint(ctx->diags, d, _("add `connects: [%s]` to '%s'%s%s%s"), missing,
                       el->id ? el->id : "?", src[0] ? " (" : "", src, src[0] ? ")" : "");
    required_fact(ctx, d, f, r);
}

static void check_multiple_lgsp(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    const egaf_element *first = NULL;
    for (size_t i = 0; i < m->counts[EGAF_K_PLATFORM]; i++) {
        const egaf_element *p = m->elements[EGAF_K_PLATFORM][i];
        if (!egaf_element_is_lgsp(p))
            continue;
        const egaf_value *k = egaf_element_get(p, EGAF_F_KIND);
        if (!first) {
            first = p;
            continue;
        }
        egaf_finding *d =
            egaf_diag(ctx->diags, "component.multiple-lgsp", EGAF_VMARK(p, k), p->display,
                      _("platform '%s' is a second LGSP; the architecture already "
                        "has '%s'"),
                      p->id ? p->id : p->display, first->id ? first->id : first->display);
        const egaf_value *fk = egaf_element_get(first, EGAF_F_KIND);
        egaf_diag_related(ctx->diags, d, fk ? EGAF_VMARK(first, fk) : &first->mark,
                          _("the first LGSP, '%s', is declared here"),
                          first->id ? first->id : first->display);
        egaf_diag_hint(ctx->diags, d,
                       _("one LGSP serves a whole ministry or province (TT "
                         "13/2017/TT-BTTTT, Điều 17; TT 23/2018/TT-BTTTT): merge "
                         "them, or give this platform another kind"));
    }
}

void egaf_check_components(egaf_check_ctx *ctx)
{
    check_multiple_lgsp(ctx);
    const egaf_ref_framework *f = egaf_check_framework(ctx);
    const egaf_model *m = ctx->model;
    const char *level = m->header ? egaf_element_text(m->header, EGAF_F_LEVEL) : NULL;
    if (!f || !level)
        return;
    size_t most = 1;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        if (m->counts[k] > most)
            most = m->counts[k];
    bool *reach = malloc(most * sizeof(*reach));
    bool *all = malloc(most * sizeof(*all));
    egaf_strmap senders;
    egaf_strmap_init(&senders);
    if (!reach || !all)
        egaf_diags_fail(ctx->diags);
    else
        for (size_t i = 0; i < f->nrequirements; i++)
            if (level_matches(&f->requirements[i], level))
                check_requirement(ctx, f, &f->requirements[i], reach, all, &senders);
    egaf_strmap_free(&senders);
    free(reach);
    free(all);
}
