/* check_header.c - the architecture's header against the reference models:
 * the framework edition exists and is in force in the model's year, the
 * agency exists in that year and has the declared level
 * (header.framework-unknown, header.year-outside-edition,
 * header.agency-unknown, header.level-mismatch). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fold.h"
#include "base/i18n.h"
#include "base/suggest.h"
#include "validator/check.h"

const egaf_ref_framework *egaf_check_framework(const egaf_check_ctx *ctx)
{
    if (!ctx->refs || !ctx->model->framework.s)
        return NULL;
    return egaf_refs_framework(ctx->refs, ctx->model->framework.s);
}

const egaf_ref_entry *egaf_check_agency(const egaf_check_ctx *ctx)
{
    if (!ctx->refs || !ctx->model->header)
        return NULL;
    const char *agency = egaf_element_text(ctx->model->header, EGAF_F_AGENCY);
    if (!agency)
        return NULL;
    const egaf_ref_entry *e = egaf_refs_agency(ctx->refs, agency, ctx->year);
    return e && e->kind == EGAF_RK_AGENCY ? e : NULL;
}

/* A citation that names a legal instrument ("QĐ 09/2025/QĐ-TTg (14/4/2025)"),
 * not a page address. */
static bool is_instrument(const char *c, size_t len)
{
    static const char *const kinds[] = {"QĐ ", "NQ ", "NĐ ", "TT ", "CV ", "CT ", "KH ",
                                        "QCVN ", "Luật ", "DRM ", NULL};
    for (size_t i = 0; kinds[i]; i++)
        if (len >= strlen(kinds[i]) && strncmp(c, kinds[i], strlen(kinds[i])) == 0)
            return true;
    return false;
}

const char *egaf_check_instrument(const char *source, char *buf, size_t size)
{
    buf[0] = '\0';
    if (!source)
        return buf;
    /* the instruments among the citations, else the first citation */
    size_t used = 0;
    for (const char *c = source; *c;) {
        const char *end = strstr(c, "; ");
        size_t len = end ? (size_t)(end - c) : strlen(c);
        if (is_instrument(c, len) && used + len + 3 < size) {
            if (used)
                used += (size_t)snprintf(buf + used, size - used, "; ");
            memcpy(buf + used, c, len);
            used += len;
            buf[used] = '\0';
        }
        c = end ? end + 2 : c + len;
    }
    if (!used)
        snprintf(buf, size, "%.*s", (int)(strcspn(source, ";") < size ? strcspn(source, ";") : size - 1), source);
    return buf;
}

const char *egaf_check_confidence_text(egaf_confidence confidence)
{
    switch (confidence) {
    case EGAF_CONF_CONFIRMED:
        return _("confirmed");
    case EGAF_CONF_REPORTED:
        return _("only reported by a secondary source");
    case EGAF_CONF_INFERRED:
        return _("inferred, not stated by any source");
    case EGAF_CONF_UNKNOWN:
        return _("unknown");
    }
    return "?";
}

void egaf_check_rests_on(egaf_diags *diags, egaf_finding *f, egaf_confidence confidence,
                         const char *source, const char *what)
{
    if (!f || confidence == EGAF_CONF_CONFIRMED)
        return;
    egaf_diag_at_most(f, EGAF_SEV_WARNING);
    char first[256];
    snprintf(first, sizeof first, "%.*s", (int)strcspn(source ? source : "", ";"),
             source ? source : "");
    if (first[0])
        egaf_diag_hint_append(diags, f,
                              _("this rests on %s, not confirmed from the original "
                                "text (%s: %s): a warning, not an error, until it is confirmed"),
                              what, egaf_check_confidence_text(confidence), first);
    else
        egaf_diag_hint_append(diags, f,
                              _("this rests on %s, not confirmed from the original "
                                "text (%s): a warning, not an error, until it is confirmed"),
                              what, egaf_check_confidence_text(confidence));
}

void egaf_check_rests_on_fact(egaf_diags *diags, egaf_finding *f, const egaf_ref_fact *fact,
                              const char *what)
{
    if (!fact)
        return;
    egaf_check_rests_on(diags, f, fact->confidence,
                        fact->nsources ? fact->sources[0] : NULL, what);
}

const char *egaf_check_date_text(egaf_date d, char *buf, size_t size)
{
    snprintf(buf, size, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
    return buf;
}

egaf_date egaf_check_next_day(egaf_date d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = d / 10000, m = d / 100 % 100, day = d % 100;
    if (m < 1 || m > 12)
        return d;
    int last = days[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        last = 29;
    if (day < last)
        return d + 1;
    if (m < 12)
        return y * 10000 + (m + 1) * 100 + 1;
    return (y + 1) * 10000 + 101;
}

/* "2.0, 3.0 and 4.0" */
static void editions_text(const egaf_refs *refs, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < refs->nframeworks && used < size; i++) {
        const char *sep = i == 0 ? "" : (i + 1 == refs->nframeworks ? _(" and ") : ", ");
        int w = snprintf(buf + used, size - used, "%s\"%s\"", sep, refs->frameworks[i]->edition);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

/* The edition in force in year (the latest one when several are). */
static const egaf_ref_framework *edition_in(const egaf_refs *refs, int year)
{
    const egaf_ref_framework *best = NULL;
    for (size_t i = 0; i < refs->nframeworks; i++) {
        const egaf_ref_framework *f = refs->frameworks[i];
        if (egaf_ref_framework_valid_in(f, year) && (!best || f->valid_from > best->valid_from))
            best = f;
    }
    return best;
}

/* The edition that started first after f ended. */
static const egaf_ref_framework *next_edition(const egaf_refs *refs, const egaf_ref_framework *f)
{
    const egaf_ref_framework *best = NULL;
    for (size_t i = 0; i < refs->nframeworks; i++) {
        const egaf_ref_framework *g = refs->frameworks[i];
        if (g != f && g->valid_from > f->valid_from &&
            (!best || g->valid_from < best->valid_from))
            best = g;
    }
    return best;
}

static void check_framework(egaf_check_ctx *ctx)
{
    const egaf_model *m = ctx->model;
    const egaf_str *fw = &m->framework;
    if (!fw->s)
        return;
    char buf[160], date[16];
    const egaf_ref_framework *f = egaf_refs_framework(ctx->refs, fw->s);
    const char *elem = m->header ? m->header->display : m->id;
    if (!f) {
        egaf_finding *d = egaf_diag(ctx->diags, "header.framework-unknown", &fw->mark, elem,
                                    _("framework \"%s\" is not an edition of the national "
                                      "framework in the reference models"),
                                    fw->s);
        editions_text(ctx->refs, buf, sizeof buf);
        const egaf_ref_framework *now = ctx->year ? edition_in(ctx->refs, ctx->year) : NULL;
        if (now)
            egaf_diag_hint(ctx->diags, d,
                           _("the editions are %s; a %d model uses framework: "
                             "\"%s\" (%s)"),
                           buf, ctx->year, now->edition, now->instrument);
        else
            egaf_diag_hint(ctx->diags, d, _("the editions are %s"), buf);
        return;
    }
    if (!ctx->year || egaf_ref_framework_valid_in(f, ctx->year))
        return;
    const egaf_value *y = egaf_element_get(m->header, EGAF_F_YEAR);
    const egaf_mark *at = y ? EGAF_VMARK(m->header, y) : &fw->mark;
    const egaf_ref_framework *now = edition_in(ctx->refs, ctx->year);
    egaf_finding *d;
    if (f->valid_to && ctx->year > f->valid_to / 10000) {
        const egaf_ref_framework *next = next_edition(ctx->refs, f);
        if (next)
            d = egaf_diag(ctx->diags, "header.year-outside-edition", at, elem,
                          _("the model's year %d is outside framework %s (%s): %s was replaced "
                            "by %s (%s) on %s"),
                          ctx->year, f->edition, f->instrument, f->edition, next->edition,
                          next->instrument, egaf_check_date_text(next->valid_from, date, 16));
        else
            d = egaf_diag(ctx->diags, "header.year-outside-edition", at, elem,
                          _("the model's year %d is outside framework %s (%s), which was in "
                            "force until %s"),
                          ctx->year, f->edition, f->instrument,
                          egaf_check_date_text(f->valid_to, date, 16));
    } else {
        d = egaf_diag(ctx->diags, "header.year-outside-edition", at, elem,
                      _("the model's year %d is outside framework %s (%s), which came into "
                        "force on %s"),
                      ctx->year, f->edition, f->instrument,
                      egaf_check_date_text(f->valid_from, date, 16));
    }
    if (now)
        egaf_diag_hint(ctx->diags, d,
                       _("a %d model follows framework \"%s\" (%s); change "
                         "`framework` or `year`"),
                       ctx->year, now->edition, now->instrument);
    else
        egaf_diag_hint(ctx->diags, d, _("change `framework` or `year`"));
}

/* "Bắc Ninh (bac-ninh-2025)" or "Bộ Nội vụ (bo-noi-vu) and Bộ Y tế (bo-y-te)" */
static void successors_text(const egaf_refs *refs, const egaf_ref_entry *e, char *buf,
                            size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < e->nsuccessors && used < size; i++) {
        const egaf_ref_entry *s = egaf_refs_find(refs, e->successors[i]);
        const char *sep = i == 0 ? "" : (i + 1 == e->nsuccessors ? _(" and ") : ", ");
        int w = snprintf(buf + used, size - used, "%s%s (%s)", sep, s && s->name ? s->name : "?",
                         e->successors[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

/* The closest agency id or organ code valid in year. */
static const char *suggest_agency(const egaf_check_ctx *ctx, const char *text)
{
    const egaf_refs *refs = ctx->refs;
    const char **cands = egaf_check_candidates(ctx, 2 * refs->nentries);
    if (!cands)
        return NULL;
    size_t c = 0;
    for (size_t i = 0; i < refs->nentries; i++) {
        const egaf_ref_entry *e = refs->entries[i];
        if (e->kind != EGAF_RK_AGENCY || (ctx->year && !egaf_ref_valid_in(e, ctx->year)))
            continue;
        cands[c++] = e->id;
        if (e->organ_code)
            cands[c++] = e->organ_code;
    }
    const char *s = egaf_suggest(text, cands, c);
    free(cands);
    return s;
}


/* An agency's level as a noun, for messages ("is a ministry"). */
static const char *level_noun(const char *level)
{
    if (strcmp(level, "government-agency") == 0)
        return _("government agency");
    if (strcmp(level, "ministry") == 0)
        return _("ministry");
    if (strcmp(level, "province") == 0)
        return _("province");
    return level;
}
/* "000.00.00.H26": the shape of an organ code (QĐ 20/2020/QĐ-TTg). */
static bool organ_code_shape(const char *s)
{
    if (strlen(s) != 13)
        return false;
    for (int i = 0; i < 13; i++) {
        bool dot = i == 3 || i == 6 || i == 9;
        if (dot ? s[i] != '.' : i == 10 ? !(s[i] >= 'A' && s[i] <= 'Z')
                                        : !(s[i] >= '0' && s[i] <= '9'))
            return false;
    }
    return true;
}

/* The fact through which text named agency a: its organ code or statistics
 * code when text is one of them, else none (an id is egaf's own, sure). */
static const egaf_ref_fact *naming_fact(const egaf_ref_entry *a, const char *text)
{
    if (a->organ_code && strcmp(a->organ_code, text) == 0)
        return &a->code_fact;
    if (a->gso_code && strcmp(a->gso_code, text) == 0)
        return &a->gso_fact;
    return NULL;
}

/* The less sure of two facts (either may be NULL). */
static const egaf_ref_fact *weaker(const egaf_ref_fact *a, const egaf_ref_fact *b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    return b->confidence > a->confidence ? b : a;
}

/* The finding rests on fact, which is about agency a; names the fact. */
static void rests_on(egaf_check_ctx *ctx, egaf_finding *f, const egaf_ref_entry *a,
                     const egaf_ref_fact *fact)
{
    if (!fact || fact->confidence == EGAF_CONF_CONFIRMED)
        return;
    char what[256];
    if (fact == &a->code_fact)
        snprintf(what, sizeof what, _("the organ code of %s"), a->name);
    else if (fact == &a->gso_fact)
        snprintf(what, sizeof what, _("the statistics code of %s"), a->name);
    else if (fact == &a->end_fact)
        snprintf(what, sizeof what, _("the end date of %s"), a->name);
    else if (fact == &a->start_fact)
        snprintf(what, sizeof what, _("the start date of %s"), a->name);
    else
        snprintf(what, sizeof what, _("the reference entry of %s"), a->name);
    egaf_check_rests_on_fact(ctx->diags, f, fact, what);
}

/* `agency: Hậu Giang`: a name where an id or code belongs. */
static bool agency_by_name(egaf_check_ctx *ctx, const egaf_element *h, const egaf_value *av)
{
    const char *agency = av->u.str.s;
    const egaf_ref_entry *found[4];
    size_t n = egaf_refs_agencies_named(ctx->refs, agency, ctx->year, found, 4);
    if (n == 0)
        n = egaf_refs_agencies_named(ctx->refs, agency, 0, found, 4);
    if (n == 0)
        return false;
    const egaf_ref_entry *a = found[n > 4 ? 3 : n - 1];
    egaf_finding *d =
        egaf_diag(ctx->diags, "header.agency-unknown", EGAF_VMARK(h, av), h->display,
                  _("agency '%s' is a name; write the agency's id or organ code"), agency);
    char when[320] = "";
    char date[16];
    if (a->valid_to && a->nsuccessors) {
        char succ[256];
        successors_text(ctx->refs, a, succ, sizeof succ);
        snprintf(when, sizeof when, _(" It ended on %s; its successor: %s."),
                 egaf_check_date_text(a->valid_to, date, sizeof date), succ);
    } else if (a->valid_to) {
        snprintf(when, sizeof when, _(" It ended on %s."),
                 egaf_check_date_text(a->valid_to, date, sizeof date));
    }
    if (a->organ_code)
        egaf_diag_hint(ctx->diags, d,
                       _("did you mean `agency: %s` (%s, organ code %s, %s)?%s"), a->id,
                       a->name, a->organ_code, egaf_confidence_name(a->code_fact.confidence),
                       when);
    else
        egaf_diag_hint(ctx->diags, d,
                       _("did you mean `agency: %s` (%s; its organ code is not in the reference "
                         "data)?%s"),
                       a->id, a->name, when);
    return true;
}

/* The agency of year whose folded name is the longest one in the folded
 * architecture title, or NULL. */
static const egaf_ref_entry *agency_in_title(const egaf_check_ctx *ctx, const char *title_folded)
{
    const egaf_ref_entry *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < ctx->refs->nentries; i++) {
        const egaf_ref_entry *e = ctx->refs->entries[i];
        if (e->kind != EGAF_RK_AGENCY || !e->name || !egaf_ref_valid_in(e, ctx->year))
            continue;
        char folded[256];
        if (strlen(e->name) >= sizeof folded)
            continue;
        size_t n = egaf_fold(e->name, folded);
        if (n >= 5 && n > best_len && strstr(title_folded, folded)) {
            best = e;
            best_len = n;
        }
    }
    return best;
}

/* `agency: 000.00.00.H26` in an architecture titled for Hải Dương: the code
 * is another agency's. An error when the data confirms the code. */
static void check_code_owner(egaf_check_ctx *ctx, const egaf_element *h, const egaf_value *av,
                             const egaf_ref_entry *a)
{
    const char *title = egaf_element_text(h, EGAF_F_NAME);
    if (!title || !a->organ_code || strcmp(av->u.str.s, a->organ_code) != 0 || !a->name)
        return;
    size_t len = strlen(title);
    char *folded = malloc(len + 1), own[256];
    if (!folded || strlen(a->name) >= sizeof own) {
        free(folded);
        return;
    }
    egaf_fold(title, folded);
    egaf_fold(a->name, own);
    const egaf_ref_entry *named = strstr(folded, own) ? NULL : agency_in_title(ctx, folded);
    free(folded);
    if (!named || named == a)
        return;
    egaf_finding *d = egaf_diag(ctx->diags, "header.agency-unknown", EGAF_VMARK(h, av),
                                h->display,
                                _("organ code '%s' is the code of %s (%s), but the architecture "
                                  "is titled for %s"),
                                av->u.str.s, a->name, a->id, named->name);
    if (named->organ_code)
        egaf_diag_hint(ctx->diags, d, _("write `agency: %s` (organ code %s) or correct the code"),
                       named->id, named->organ_code);
    else
        egaf_diag_hint(ctx->diags, d,
                       _("write `agency: %s` (its organ code is not in the reference data)"),
                       named->id);
    rests_on(ctx, d, a, &a->code_fact);
}

static void check_agency(egaf_check_ctx *ctx)
{
    const egaf_element *h = ctx->model->header;
    const egaf_value *av = egaf_element_get(h, EGAF_F_AGENCY);
    if (!av)
        return;
    const char *agency = av->u.str.s;
    const egaf_ref_entry *e = egaf_refs_agency(ctx->refs, agency, ctx->year);
    if (e && e->kind != EGAF_RK_AGENCY)
        e = NULL;
    const egaf_ref_entry *other = e ? NULL : egaf_refs_agency(ctx->refs, agency, 0);
    if (other && other->kind != EGAF_RK_AGENCY)
        other = NULL;
    if (!e && !other) {
        if (organ_code_shape(agency)) {
            /* not a code the data knows: accepted, with a way to be checked */
            egaf_finding *d = egaf_diag(ctx->diags, "header.agency-unknown", EGAF_VMARK(h, av),
                                        h->display,
                                        _("organ code '%s' is not in the reference data: egaf "
                                          "cannot tell which agency it is, so the checks of "
                                          "the agency are skipped"),
                                        agency);
            egaf_diag_at_most(d, EGAF_SEV_NOTE);
            egaf_diag_hint(ctx->diags, d,
                           _("name the agency by its id to have it checked (`egaf refs list "
                             "--kind agencies` lists them); the data gives only the organ "
                             "codes a source confirms or reports"));
            return;
        }
        if (agency_by_name(ctx, h, av))
            return;
        egaf_finding *d =
            egaf_diag(ctx->diags, "header.agency-unknown", EGAF_VMARK(h, av), h->display,
                      _("agency '%s' is neither an organ code nor an agency id of "
                        "the reference models"),
                      agency);
        const char *s = suggest_agency(ctx, agency);
        if (s) {
            egaf_diag_hint(ctx->diags, d,
                           _("did you mean '%s'? (`egaf refs list` shows the "
                             "agencies; organ codes: QĐ 20/2020/QĐ-TTg)"),
                           s);
            egaf_diag_fix(ctx->diags, d, "%s", s);
        } else
            egaf_diag_hint(ctx->diags, d,
                           _("write the organ code (QĐ 20/2020/QĐ-TTg) or the "
                             "agency id that `egaf refs list` shows"));
        return;
    }
    if (!e) {
        char buf[512], date[16];
        egaf_finding *d;
        const egaf_ref_fact *basis;
        if (other->valid_to && ctx->year > other->valid_to / 10000 && other->nsuccessors) {
            egaf_date start = egaf_check_next_day(other->valid_to);
            successors_text(ctx->refs, other, buf, sizeof buf);
            d = egaf_diag(ctx->diags, "header.agency-unknown", EGAF_VMARK(h, av), h->display,
                          _("agency '%s' does not exist in %d, the model's year: %s was merged "
                            "into %s on %s"),
                          agency, ctx->year, other->name, buf,
                          egaf_check_date_text(start, date, sizeof date));
            if (other->nsuccessors == 1)
                egaf_diag_hint(ctx->diags, d,
                               _("for a %d model write `agency: %s`, or set "
                                 "`year` to %d or earlier"),
                               ctx->year, other->successors[0], other->valid_to / 10000);
            else
                egaf_diag_hint(ctx->diags, d,
                               _("for a %d model write the agency that took "
                                 "over: one of %s"),
                               ctx->year, buf);
            basis = &other->end_fact;
        } else if (other->valid_to && ctx->year > other->valid_to / 10000) {
            d = egaf_diag(ctx->diags, "header.agency-unknown", EGAF_VMARK(h, av), h->display,
                          _("agency '%s' does not exist in %d, the model's year: %s ended on %s"),
                          agency, ctx->year, other->name,
                          egaf_check_date_text(other->valid_to, date, sizeof date));
            egaf_diag_hint(ctx->diags, d, _("set `year` to %d or earlier"),
                           other->valid_to / 10000);
            basis = &other->end_fact;
        } else if (other->valid_from && ctx->year < other->valid_from / 10000) {
            d = egaf_diag(ctx->diags, "header.agency-unknown", EGAF_VMARK(h, av), h->display,
                          _("agency '%s' does not exist in %d, the model's year: %s was formed "
                            "on %s"),
                          agency, ctx->year, other->name,
                          egaf_check_date_text(other->valid_from, date, sizeof date));
            egaf_diag_hint(ctx->diags, d,
                           _("set `year` to %d or later, or write the agency "
                             "that existed in %d"),
                           other->valid_from / 10000, ctx->year);
            basis = &other->start_fact;
        } else {
            /* the agency exists in the year; its organ code is given from a later day */
            char from[16];
            d = egaf_diag(ctx->diags, "header.agency-unknown", EGAF_VMARK(h, av), h->display,
                          _("organ code '%s' names %s only from %s, after the model's year %d: "
                            "egaf cannot tell which agency it was before"),
                          agency, other->name,
                          egaf_check_date_text(other->code_from, from, sizeof from), ctx->year);
            egaf_diag_hint(ctx->diags, d,
                           _("before that its organ code is not in the reference data; write "
                             "`agency: %s` to have the agency checked"),
                           other->id);
            egaf_diag_at_most(d, EGAF_SEV_NOTE);
            basis = NULL;
        }
        rests_on(ctx, d, other, weaker(basis, naming_fact(other, agency)));
    }
    const egaf_ref_entry *a = e ? e : other;
    if (e)
        check_code_owner(ctx, h, av, e);
    const egaf_value *lv = egaf_element_get(h, EGAF_F_LEVEL);
    if (!lv || !a->level)
        return;
    bool is_province = strcmp(a->level, "province") == 0;
    bool says_province = strcmp(lv->u.str.s, "province") == 0;
    if (is_province == says_province)
        return;
    const char *want = is_province ? "province" : "ministry";
    egaf_finding *d = egaf_diag(ctx->diags, "header.level-mismatch", EGAF_VMARK(h, lv), h->display,
                                _("level is '%s' but %s (%s) is a %s"), lv->u.str.s, a->name, a->id,
                                level_noun(a->level));
    if (is_province)
        egaf_diag_hint(ctx->diags, d, _("write `level: %s`"), want);
    else
        egaf_diag_hint(ctx->diags, d,
                       _("write `level: %s` (ministries and government agencies such as BHXH "
                         "Việt Nam use `ministry`)"),
                       want);
    rests_on(ctx, d, a, weaker(&a->fact, naming_fact(a, agency)));
}

void egaf_check_header(egaf_check_ctx *ctx)
{
    if (!ctx->refs)
        return;
    check_framework(ctx);
    if (ctx->model->header)
        check_agency(ctx);
}
