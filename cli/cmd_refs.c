/* cmd_refs.c - `egaf refs list` and `egaf refs show ID`: browse the national
 * reference models (agencies, shared systems, national databases, data
 * subjects, the framework's code trees) as of a year, as a table or JSON. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "base/i18n.h"
#include "base/suggest.h"
#include "base/utf8.h"
#include "report/report.h"
#include "model/model.h"
#include "validator/validate.h"
#include "base/grow.h"

static const char *const usage =
    N_("usage: egaf refs [list] [--kind K] [--year YYYY] [--framework E] [--format F]\n"
       "       egaf refs show ID [--year YYYY] [--framework E] [--format F]\n"
       "       egaf refs audit MODEL... [--format F]\n"
       "       egaf refs diff --from YEAR --to YEAR [--format F]\n"
       "\n"
       "Browses the national reference models: agencies (ministries, government\n"
       "agencies, provinces), national shared systems, national databases, data\n"
       "subjects, and the BRM/DRM/ARM/TRM/SRM codes of a framework edition.\n"
       "\n"
       "'list' prints one line per entry, in the order of the reference files.\n"
       "'show ID' prints every field of one entry, each fact's sources (the\n"
       "instrument and its date, or a page address) and how sure the data is of it\n"
       "(confirmed, reported, inferred, unknown); ID is an id (a 'national:' prefix\n"
       "is accepted), an organ code or a code such as DRM001.001.\n"
       "'audit MODEL...' lists the reference facts the models' findings rest on that\n"
       "are not confirmed, and the findings they lowered to warnings: what to verify\n"
       "before publishing.\n"
       "'diff --from YEAR --to YEAR' lists the agencies, shared systems and national\n"
       "databases added, removed, merged, renamed, re-owned or listed between the\n"
       "two dates (a year is its 31 December; YYYY-MM-DD is a day).\n"
       "\n"
       "options:\n"
       "  --kind K          agencies, shared-systems, national-databases, data-subjects,\n"
       "                    codes or national-targets (default: every kind but codes and\n"
       "                    national targets)\n"
       "  --year YYYY       only entries valid in YYYY, owners as of YYYY (default: the\n"
       "                    latest owner)\n"
       "  --framework E     edition 2.0, 3.0 or 4.0: the codes of that edition (default:\n"
       "                    the edition in force in --year, else the newest); shared\n"
       "                    systems are limited to those the edition lists\n"
       "  --format F        text (default) or json; markdown for 'diff'\n"
       "  --from, --to D    the two dates of 'diff'\n"
       "  -o, --output FILE write to FILE (atomically) instead of stdout\n"
       "  --refs DIR        reference models folder (default: $EGAF_REFS, installed, source tree)\n"
       "  -h, --help        this help\n"
       "\n"
       "Exit status: 0; 2 on bad usage, an unknown ID or broken reference models.\n");

/* --kind values; K_ALL is the default (every entry kind). */
enum { K_AGENCIES, K_SYSTEMS, K_DATABASES, K_SUBJECTS, K_CODES, K_TARGETS, K_ALL };
static const char *const kind_names[] = {"agencies",      "shared-systems", "national-databases",
                                         "data-subjects", "codes",          "national-targets",
                                         NULL};
static const char *const tree_names[EGAF_TREE__COUNT] = {"brm", "drm", "arm", "trm", "srm"};

typedef struct refs_opts {
    int kind;
    int year; /* 0: any year */
    const char *framework;
    bool json, markdown;
} refs_opts;

static bool kind_matches(int kind, const egaf_ref_entry *e)
{
    switch (kind) {
    case K_AGENCIES:
        return e->kind == EGAF_RK_AGENCY;
    case K_SYSTEMS:
        return e->kind == EGAF_RK_SHARED_SYSTEM;
    case K_DATABASES:
        return e->kind == EGAF_RK_NATIONAL_DATABASE;
    case K_SUBJECTS:
        return e->kind == EGAF_RK_DATA_SUBJECT;
    default:
        return true;
    }
}

static void date_text(egaf_date d, char *buf, size_t size)
{
    snprintf(buf, size, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
}

/* ---- JSON ---- */

static void jstr(egaf_buf *out, const char *name, const char *value)
{
    egaf_buf_printf(out, ", \"%s\": ", name);
    egaf_buf_json_string_or_null(out, value);
}

static void jdate(egaf_buf *out, const char *name, egaf_date d)
{
    char buf[16];
    if (d)
        date_text(d, buf, sizeof buf);
    jstr(out, name, d ? buf : NULL);
}

static void jlist(egaf_buf *out, const char *name, const char *const *items, size_t n)
{
    egaf_buf_printf(out, ", \"%s\": [", name);
    for (size_t i = 0; i < n; i++) {
        if (i)
            egaf_buf_puts(out, ", ");
        egaf_buf_json_string(out, items[i]);
    }
    egaf_buf_putc(out, ']');
}

/* "name": {"confidence": …, "sources": […]} */
static void jfact(egaf_buf *out, const char *name, const egaf_ref_fact *f, bool first)
{
    egaf_buf_printf(out, "%s\"%s\": {\"confidence\": \"%s\"", first ? "" : ", ", name,
                    egaf_confidence_name(f->confidence));
    jlist(out, "sources", f->sources, f->nsources);
    egaf_buf_putc(out, '}');
}

/* One entry as a JSON object: the fields of every kind, then its own. */
static void entry_json(egaf_buf *out, const egaf_ref_entry *e, int year)
{
    egaf_buf_puts(out, "{\"id\": ");
    egaf_buf_json_string(out, e->id);
    jstr(out, "kind", egaf_ref_kind_name(e->kind));
    jstr(out, "name", e->name);
    jstr(out, "name-en", e->name_en);
    jstr(out, "abbr", e->abbr);
    jstr(out, "owner", egaf_ref_owner_in(e, year));
    jdate(out, "valid-from", e->valid_from);
    jdate(out, "valid-to", e->valid_to);
    jstr(out, "source", e->source);
    jstr(out, "confidence", e->confidence);
    jdate(out, "listed", e->listed);
    egaf_buf_printf(out, ", \"start-known\": %s",
                    e->valid_from || e->start_fact.confidence != EGAF_CONF_UNKNOWN ? "true"
                                                                                  : "false");
    jlist(out, "sources", e->fact.sources, e->fact.nsources);
    egaf_buf_puts(out, ", \"facts\": {");
    jfact(out, "entry", &e->fact, true);
    if (e->organ_code)
        jfact(out, "organ-code", &e->code_fact, false);
    if (e->gso_code)
        jfact(out, "gso-code", &e->gso_fact, false);
    if (e->nsuccessors)
        jfact(out, "successor", &e->successor_fact, false);
    if (e->valid_from || e->start_fact.confidence == EGAF_CONF_UNKNOWN)
        jfact(out, "valid-from", &e->start_fact, false);
    if (e->valid_to)
        jfact(out, "valid-to", &e->end_fact, false);
    egaf_buf_putc(out, '}');
    jstr(out, "note", e->note);
    switch (e->kind) {
    case EGAF_RK_AGENCY:
        jstr(out, "level", e->level);
        jstr(out, "organ-code", e->organ_code);
        jstr(out, "gso-code", e->gso_code);
        egaf_buf_printf(out, ", \"municipality\": %s", e->municipality ? "true" : "false");
        jlist(out, "successor", e->successors, e->nsuccessors);
        break;
    case EGAF_RK_SHARED_SYSTEM:
    case EGAF_RK_NATIONAL_DATABASE:
        if (e->kind == EGAF_RK_SHARED_SYSTEM) {
            jstr(out, "category", e->category);
            jstr(out, "purpose", e->purpose);
            jlist(out, "editions", e->editions, e->neditions);
            egaf_buf_puts(out, ", \"connect\": [");
            for (size_t i = 0; i < e->nconnects; i++) {
                egaf_buf_puts(out, i ? ", {\"component\": " : "{\"component\": ");
                egaf_buf_json_string(out, e->connects[i].component);
                jlist(out, "level", e->connects[i].levels, e->connects[i].nlevels);
                egaf_buf_putc(out, '}');
            }
            egaf_buf_putc(out, ']');
        } else {
            egaf_buf_printf(out, ", \"priority-714\": %s", e->priority_714 ? "true" : "false");
            jlist(out, "authoritative-for", e->authoritative_for, e->nauthoritative);
        }
        egaf_buf_puts(out, ", \"owners\": [");
        for (size_t i = 0; i < e->nowners; i++) {
            const egaf_ref_owner *o = &e->owners[i];
            egaf_buf_puts(out, i ? ", {\"agency\": " : "{\"agency\": ");
            egaf_buf_json_string(out, o->agency);
            jdate(out, "valid-from", o->valid_from);
            jdate(out, "valid-to", o->valid_to);
            jstr(out, "confidence", o->confidence);
            jlist(out, "sources", o->fact.sources, o->fact.nsources);
            egaf_buf_putc(out, '}');
        }
        egaf_buf_putc(out, ']');
        break;
    case EGAF_RK_DATA_SUBJECT:
        jstr(out, "authoritative-db", e->authoritative_db);
        break;
    }
    egaf_buf_putc(out, '}');
}

static void code_json(egaf_buf *out, const egaf_ref_framework *f, int tree,
                      const egaf_ref_code *c)
{
    const egaf_ref_tree *t = &f->trees[tree];
    egaf_buf_puts(out, "{\"id\": ");
    egaf_buf_json_string(out, c->code);
    jstr(out, "kind", tree_names[tree]);
    jstr(out, "name", c->name);
    egaf_buf_printf(out, ", \"provisional\": %s", t->provisional ? "true" : "false");
    jstr(out, "source", t->source);
    jstr(out, "framework", f->edition);
    jstr(out, "tree", t->name);
    egaf_buf_putc(out, '}');
}

/* ---- text ---- */

static size_t width(const char *s)
{
    return s ? egaf_utf8_count(s, strlen(s)) : 0;
}

/* s, then spaces up to w characters (columns count characters, not bytes). */
static void pad(egaf_buf *out, const char *s, size_t w)
{
    egaf_buf_puts(out, s ? s : "");
    for (size_t n = width(s); n < w; n++)
        egaf_buf_putc(out, ' ');
}

/* How sure a fact is, as the reader's language says it (the JSON keeps the
 * word of the reference files). */
static const char *confidence_text(egaf_confidence c)
{
    static const char *const texts[] = {
        [EGAF_CONF_CONFIRMED] = N_("confirmed"),
        [EGAF_CONF_REPORTED] = N_("reported"),
        [EGAF_CONF_INFERRED] = N_("inferred"),
        [EGAF_CONF_UNKNOWN] = N_("unknown"),
    };
    _Static_assert(sizeof texts / sizeof texts[0] == EGAF_CONF_UNKNOWN + 1,
                   "a word for every confidence");
    return _(texts[(size_t)c < sizeof texts / sizeof texts[0] ? c : EGAF_CONF_UNKNOWN]);
}

/* A change of the reference data as the reader's language says it (the JSON
 * keeps the word itself). */
static const char *change_word(const char *change)
{
    static const char *const words[][2] = {
        {"added", N_("added")},       {"removed", N_("removed")}, {"renamed", N_("renamed")},
        {"merged", N_("merged")},     {"re-owned", N_("re-owned")}, {"listed", N_("listed")},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(change, words[i][0]) == 0)
            return _(words[i][1]);
    return change;
}

static void validity(const egaf_ref_entry *e, char *buf, size_t size)
{
    char a[16] = "", b[16] = "";
    if (e->valid_from)
        date_text(e->valid_from, a, sizeof a);
    if (e->valid_to)
        date_text(e->valid_to, b, sizeof b);
    if (!e->valid_from && !e->valid_to)
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%s..%s", a, b);
}

/* The third column: what an entry hangs on. */
static const char *holder(const egaf_ref_entry *e, int year)
{
    switch (e->kind) {
    case EGAF_RK_AGENCY:
        return e->level;
    case EGAF_RK_SHARED_SYSTEM:
    case EGAF_RK_NATIONAL_DATABASE: {
        const char *o = egaf_ref_owner_in(e, year);
        return o ? o : _("(owner unknown)");
    }
    case EGAF_RK_DATA_SUBJECT:
        return e->authoritative_db;
    }
    return NULL;
}

/* ---- list ---- */

static const egaf_ref_framework *pick_framework(const egaf_refs *refs, const refs_opts *o)
{
    if (o->framework)
        return egaf_refs_framework(refs, o->framework);
    const egaf_ref_framework *best = NULL;
    for (size_t i = 0; i < refs->nframeworks; i++)
        if (egaf_ref_framework_valid_in(refs->frameworks[i], o->year))
            best = refs->frameworks[i];
    return best ? best : refs->nframeworks ? refs->frameworks[refs->nframeworks - 1] : NULL;
}

static void list_codes(egaf_buf *out, const egaf_ref_framework *f, const refs_opts *o)
{
    size_t wc = 0, wn = 0, n = 0;
    for (int t = 0; t < EGAF_TREE__COUNT; t++)
        for (size_t i = 0; i < f->trees[t].ncodes; i++) {
            const egaf_ref_code *c = &f->trees[t].codes[i];
            wc = width(c->code) > wc ? width(c->code) : wc;
            wn = width(c->name) > wn ? width(c->name) : wn;
        }
    if (o->json)
        egaf_buf_putc(out, '[');
    for (int t = 0; t < EGAF_TREE__COUNT; t++) {
        const egaf_ref_tree *tree = &f->trees[t];
        for (size_t i = 0; i < tree->ncodes; i++) {
            const egaf_ref_code *c = &tree->codes[i];
            if (o->json) {
                egaf_buf_puts(out, n++ ? ",\n " : "\n ");
                code_json(out, f, t, c);
                continue;
            }
            pad(out, c->code, wc + 2);
            pad(out, c->name, wn + 2);
            egaf_buf_printf(out, "%s %s%s\n", tree_names[t], f->edition,
                            tree->provisional ? " (provisional)" : "");
        }
    }
    if (o->json)
        egaf_buf_puts(out, n ? "\n]\n" : "]\n");
}

/* "2019..2020": the years a national target is set for. */
static void target_years(const egaf_ref_national_target *t, char *buf, size_t size)
{
    if (!t->valid_from && !t->valid_to)
        snprintf(buf, size, "-");
    else if (!t->valid_to)
        snprintf(buf, size, "%d..", t->valid_from / 10000);
    else
        snprintf(buf, size, "%d..%d", t->valid_from / 10000, t->valid_to / 10000);
}

static void national_target_json(egaf_buf *out, const egaf_ref_national_target *t)
{
    egaf_buf_puts(out, "{\"id\": ");
    egaf_buf_json_string(out, t->id);
    jstr(out, "kind", "national-target");
    jstr(out, "name", t->name);
    jstr(out, "name-en", t->name_en);
    jstr(out, "value", t->value);
    if (t->valid_from)
        egaf_buf_printf(out, ", \"year-from\": %d", t->valid_from / 10000);
    else
        egaf_buf_puts(out, ", \"year-from\": null");
    if (t->valid_to)
        egaf_buf_printf(out, ", \"year-to\": %d", t->valid_to / 10000);
    else
        egaf_buf_puts(out, ", \"year-to\": null");
    jlist(out, "level", t->levels, t->nlevels);
    jstr(out, "instrument", t->instrument);
    jstr(out, "confidence", egaf_confidence_name(t->fact.confidence));
    jlist(out, "sources", t->fact.sources, t->fact.nsources);
    jstr(out, "note", t->note);
    egaf_buf_putc(out, '}');
}

/* One line a national target: id, value, years, levels, how sure, name. */
static void list_national_targets(egaf_buf *out, const egaf_refs *refs, const refs_opts *o)
{
    size_t wi = 0, wv = 0, wl = 0, wc = 0, n = 0;
    char years[40], levels[64];
    for (size_t i = 0; i < refs->nnational_targets; i++) {
        const egaf_ref_national_target *t = &refs->national_targets[i];
        if (!egaf_ref_national_target_applies(t, o->year, NULL))
            continue;
        wi = width(t->id) > wi ? width(t->id) : wi;
        wv = width(t->value) > wv ? width(t->value) : wv;
        const char *c = confidence_text(t->fact.confidence);
        wc = width(c) > wc ? width(c) : wc;
        size_t l = 0;
        for (size_t j = 0; j < t->nlevels; j++)
            l += strlen(t->levels[j]) + (j ? 1 : 0);
        wl = l > wl ? l : wl;
    }
    if (o->json)
        egaf_buf_putc(out, '[');
    for (size_t i = 0; i < refs->nnational_targets; i++) {
        const egaf_ref_national_target *t = &refs->national_targets[i];
        if (!egaf_ref_national_target_applies(t, o->year, NULL))
            continue;
        if (o->json) {
            egaf_buf_puts(out, n++ ? ",\n " : "\n ");
            national_target_json(out, t);
            continue;
        }
        target_years(t, years, sizeof years);
        levels[0] = '\0';
        for (size_t j = 0; j < t->nlevels; j++) {
            size_t used = strlen(levels);
            snprintf(levels + used, sizeof levels - used, "%s%s", j ? "," : "", t->levels[j]);
        }
        pad(out, t->id, wi + 2);
        pad(out, t->value, wv + 2);
        pad(out, years, 12);
        pad(out, levels, wl + 2);
        pad(out, confidence_text(t->fact.confidence), wc + 2);
        egaf_buf_printf(out, "%s\n", t->name ? t->name : "");
    }
    if (o->json)
        egaf_buf_puts(out, n ? "\n]\n" : "]\n");
}

/* --framework narrows the shared systems to those the edition lists. */
static bool in_edition(const egaf_ref_entry *e, const char *edition)
{
    if (!edition || e->kind != EGAF_RK_SHARED_SYSTEM)
        return true;
    for (size_t i = 0; i < e->neditions; i++)
        if (strcmp(e->editions[i], edition) == 0)
            return true;
    return false;
}

static bool listed(const egaf_ref_entry *e, const refs_opts *o)
{
    return kind_matches(o->kind, e) && egaf_ref_valid_in(e, o->year) &&
           in_edition(e, o->framework);
}

static void list_entries(egaf_buf *out, const egaf_refs *refs, const refs_opts *o)
{
    size_t wi = 0, wn = 0, wh = 0, n = 0;
    for (size_t i = 0; i < refs->nentries; i++) {
        const egaf_ref_entry *e = refs->entries[i];
        if (!listed(e, o))
            continue;
        wi = width(e->id) > wi ? width(e->id) : wi;
        wn = width(e->name) > wn ? width(e->name) : wn;
        wh = width(holder(e, o->year)) > wh ? width(holder(e, o->year)) : wh;
    }
    if (o->json)
        egaf_buf_putc(out, '[');
    for (size_t i = 0; i < refs->nentries; i++) {
        const egaf_ref_entry *e = refs->entries[i];
        if (!listed(e, o))
            continue;
        if (o->json) {
            egaf_buf_puts(out, n++ ? ",\n " : "\n ");
            entry_json(out, e, o->year);
            continue;
        }
        char v[40]; /* two dates of up to 15 characters and ".." */
        validity(e, v, sizeof v);
        pad(out, e->id, wi + 2);
        pad(out, e->name, wn + 2);
        pad(out, holder(e, o->year), wh + 2);
        egaf_buf_printf(out, "%s\n", v);
    }
    if (o->json)
        egaf_buf_puts(out, n ? "\n]\n" : "]\n");
}

/* ---- show ---- */

/* A label in a column of 18 characters: counted as characters, not bytes,
 * so a Vietnamese label ("định nghĩa tại:") lines up with the others. */
static void label(egaf_buf *out, const char *name)
{
    uint32_t chars = egaf_utf8_count(name, strlen(name));
    egaf_buf_puts(out, name);
    for (uint32_t i = chars; i < 18; i++)
        egaf_buf_putc(out, ' ');
    if (chars >= 18)
        egaf_buf_putc(out, ' ');
}

static void field(egaf_buf *out, const char *name, const char *value)
{
    if (!value)
        return;
    label(out, name);
    egaf_buf_puts(out, value);
    egaf_buf_putc(out, '\n');
}

static void field_list(egaf_buf *out, const char *name, const char *const *items, size_t n)
{
    if (!n)
        return;
    egaf_buf_printf(out, "%-18s", name);
    for (size_t i = 0; i < n; i++)
        egaf_buf_printf(out, "%s%s", i ? ", " : "", items[i]);
    egaf_buf_putc(out, '\n');
}

static void field_date(egaf_buf *out, const char *name, egaf_date d)
{
    char buf[16];
    if (!d)
        return;
    date_text(d, buf, sizeof buf);
    field(out, name, buf);
}

/* A fact's provenance: how sure, then each citation on its own line ("QĐ
 * 09/2025/QĐ-TTg (14/4/2025)", or a page address), then its own note. */
static void fact_lines(egaf_buf *out, const char *name, const egaf_ref_fact *f)
{
    label(out, name);
    egaf_buf_printf(out, "%s\n", confidence_text(f->confidence));
    for (size_t i = 0; i < f->nsources; i++)
        egaf_buf_printf(out, "%-18s%s\n", "", f->sources[i]);
    if (f->note)
        egaf_buf_printf(out, "%-18s%s\n", "", f->note);
}

/* The entry's own citations, one a line, under "source:". */
static void source_lines(egaf_buf *out, const egaf_ref_fact *f)
{
    for (size_t i = 0; i < f->nsources; i++)
        egaf_buf_printf(out, "%-18s%s\n", i ? "" : "source:", f->sources[i]);
}

static void show_entry(egaf_buf *out, const egaf_refs *refs, const egaf_ref_entry *e, int year)
{
    field(out, "id:", e->id);
    field(out, "kind:", egaf_ref_kind_name(e->kind));
    field(out, "name:", e->name);
    field(out, "name-en:", e->name_en);
    field(out, "abbr:", e->abbr);
    field(out, "level:", e->level);
    field(out, "organ-code:", e->organ_code);
    field(out, "gso-code:", e->gso_code);
    if (e->municipality)
        field(out, "municipality:", _("yes (a city under the central government)"));
    field(out, "category:", e->category);
    field(out, "purpose:", e->purpose);
    if (e->kind == EGAF_RK_NATIONAL_DATABASE)
        field(out, "priority-714:", e->priority_714 ? _("yes (QĐ 714/QĐ-TTg)") : _("no"));
    for (size_t i = 0; i < e->nowners; i++) {
        const egaf_ref_owner *o = &e->owners[i];
        char a[16] = "", b[16] = "";
        if (o->valid_from)
            date_text(o->valid_from, a, sizeof a);
        if (o->valid_to)
            date_text(o->valid_to, b, sizeof b);
        const egaf_ref_entry *ag = egaf_refs_find(refs, o->agency);
        egaf_buf_printf(out, "%-18s%s%s%s%s", i ? "" : "owners:", o->agency,
                        ag && ag->name ? " (" : "", ag && ag->name ? ag->name : "",
                        ag && ag->name ? ")" : "");
        if (o->valid_from || o->valid_to)
            egaf_buf_printf(out, ", %s..%s", a, b);
        egaf_buf_printf(out, ", %s\n", o->confidence ? o->confidence : "?");
    }
    if ((e->kind == EGAF_RK_SHARED_SYSTEM || e->kind == EGAF_RK_NATIONAL_DATABASE)) {
        const char *ow = egaf_ref_owner_in(e, year);
        char label[32];
        if (year)
            snprintf(label, sizeof label, "owner in %d:", year);
        else
            snprintf(label, sizeof label, "owner (latest):");
        field(out, label, ow ? ow : "(not in the sources)");
    }
    field_date(out, "valid-from:", e->valid_from);
    field_date(out, "valid-to:", e->valid_to);
    if (year) {
        char buf[32];
        snprintf(buf, sizeof buf, "%s", egaf_ref_valid_in(e, year) ? _("yes") : _("no"));
        char valid_label[64];
        snprintf(valid_label, sizeof valid_label, _("valid in %d:"), year);
        field(out, valid_label, buf);
    }
    for (size_t i = 0; i < e->nsuccessors; i++) {
        const egaf_ref_entry *s = egaf_refs_find(refs, e->successors[i]);
        egaf_buf_printf(out, "%-18s%s%s%s%s\n", i ? "" : "successor:", e->successors[i],
                        s && s->name ? " (" : "", s && s->name ? s->name : "",
                        s && s->name ? ")" : "");
    }
    field_list(out, "editions:", e->editions, e->neditions);
    for (size_t i = 0; i < e->nconnects; i++) {
        label(out, i ? "" : _("must connect:"));
        egaf_buf_printf(out, "%s (", e->connects[i].component);
        for (size_t j = 0; j < e->connects[i].nlevels; j++)
            egaf_buf_printf(out, "%s%s", j ? ", " : "", e->connects[i].levels[j]);
        egaf_buf_puts(out, ")\n");
    }
    field_list(out, "authoritative-for:", e->authoritative_for, e->nauthoritative);
    field(out, "authoritative-db:", e->authoritative_db);
    field_date(out, "listed:", e->listed);
    if (e->start_fact.confidence == EGAF_CONF_UNKNOWN && !e->valid_from)
        field(out, "valid-from:", _("unknown (no year check fails on it)"));
    source_lines(out, &e->fact);
    field(out, "confidence:", confidence_text(e->fact.confidence));
    /* the facts with a provenance of their own */
    if (e->organ_code && e->code_fact.sources != e->fact.sources)
        fact_lines(out, _("organ code:"), &e->code_fact);
    field_date(out, _("organ code from:"), e->code_from);
    if (e->gso_code && e->gso_fact.sources != e->fact.sources)
        fact_lines(out, _("statistics code:"), &e->gso_fact);
    if (e->nsuccessors && e->successor_fact.sources != e->fact.sources)
        fact_lines(out, "successors:", &e->successor_fact);
    if (e->valid_from && e->start_fact.sources != e->fact.sources)
        fact_lines(out, "start:", &e->start_fact);
    if (e->valid_to && e->end_fact.sources != e->fact.sources)
        fact_lines(out, "end:", &e->end_fact);
    for (size_t i = 0; i < e->nowners; i++)
        if (e->owners[i].fact.sources != e->fact.sources || e->owners[i].fact.note) {
            char label_text[96];
            snprintf(label_text, sizeof label_text, _("owner %s:"), e->owners[i].agency);
            fact_lines(out, label_text, &e->owners[i].fact);
        }
    field(out, "note:", e->note);
    if (e->mark.src) {
        char where[512];
        snprintf(where, sizeof where, "%s:%u", e->mark.src->path, e->mark.line);
        field(out, _("defined at:"), where);
    }
}

static void show_code(egaf_buf *out, const egaf_ref_framework *f, int tree, const egaf_ref_code *c)
{
    const egaf_ref_tree *t = &f->trees[tree];
    field(out, "id:", c->code);
    field(out, "kind:", tree_names[tree]);
    field(out, "name:", c->name);
    field(out, "tree:", t->name);
    field(out, "framework:", f->edition);
    field(out, "provisional:", t->provisional ? _("yes (the official list is not public)") : _("no"));
    field(out, "source:", t->source);
}

/* A code of the chosen edition's trees, e.g. DRM001.001. */
static const egaf_ref_code *find_code(const egaf_ref_framework *f, const char *id, int *tree)
{
    for (int t = 0; f && t < EGAF_TREE__COUNT; t++) {
        const egaf_ref_code *c = egaf_ref_code_find(f, (egaf_ref_tree_id)t, id);
        if (c) {
            *tree = t;
            return c;
        }
    }
    return NULL;
}

static int unknown_id(const egaf_refs *refs, const char *id)
{
    const char **cands = malloc((refs->nentries + 1) * sizeof(*cands));
    const char *s = NULL;
    if (cands) {
        for (size_t i = 0; i < refs->nentries; i++)
            cands[i] = refs->entries[i]->id;
        s = egaf_suggest(id, cands, refs->nentries);
    }
    if (s)
        error(_("no reference entry '%s'; did you mean '%s'?"), id, s);
    else
        error(_("no reference entry '%s' ('egaf refs list' shows them)"), id);
    free(cands);
    return EXIT_FAILURE_RUN;
}

static int show(egaf_buf *out, const egaf_refs *refs, const char *id, const refs_opts *o)
{
    if (strncmp(id, "national:", 9) == 0)
        id += 9;
    const egaf_ref_entry *e = egaf_refs_find(refs, id);
    if (!e)
        e = egaf_refs_agency(refs, id, o->year);
    if (e) {
        if (o->json) {
            entry_json(out, e, o->year);
            egaf_buf_putc(out, '\n');
        } else {
            show_entry(out, refs, e, o->year);
        }
        return EXIT_CLEAN;
    }
    int tree = 0;
    const egaf_ref_framework *f = pick_framework(refs, o);
    const egaf_ref_code *c = find_code(f, id, &tree);
    if (!c)
        return unknown_id(refs, id);
    if (o->json) {
        code_json(out, f, tree, c);
        egaf_buf_putc(out, '\n');
    } else {
        show_code(out, f, tree, c);
    }
    return EXIT_CLEAN;
}

/* ---- audit ---- */

/* One fact a model rests on that is not confirmed. */
typedef struct audit_fact {
    char *what;
    egaf_confidence confidence;
    const char *source; /* the first citation, or NULL */
    const void *key;    /* the fact itself, to list it once */
} audit_fact;

typedef struct audit_list {
    audit_fact *items;
    size_t n, cap;
    bool oom;
} audit_list;

static void audit_add(audit_list *l, const void *key, egaf_confidence c, const char *source,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void audit_add(audit_list *l, const void *key, egaf_confidence c, const char *source,
                      const char *fmt, ...)
{
    if (c == EGAF_CONF_CONFIRMED || l->oom)
        return;
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].key == key)
            return;
    l->items = egaf_grow(l->items, &l->cap, l->n, sizeof(*l->items), 16);
    if (l->n == l->cap) {
        l->oom = true;
        return;
    }
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    audit_fact *f = &l->items[l->n];
    f->what = strdup(buf);
    if (!f->what) {
        l->oom = true;
        return;
    }
    f->confidence = c;
    f->source = source;
    f->key = key;
    l->n++;
}

static void audit_add_fact(audit_list *l, const egaf_ref_fact *f, const char *what)
{
    audit_add(l, f, f->confidence, f->nsources ? f->sources[0] : NULL, "%s", what);
}

static void audit_free(audit_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i].what);
    free(l->items);
}

/* The facts of one reference entry that a model using it in year rests on. */
static void audit_entry(audit_list *l, const egaf_ref_entry *e, int year, const char *how)
{
    char what[320];
    snprintf(what, sizeof what, _("%s (%s): the entry, its name and level"), e->name, e->id);
    audit_add_fact(l, &e->fact, what);
    if (e->valid_from && e->start_fact.sources != e->fact.sources) {
        snprintf(what, sizeof what, _("the start date of %s"), e->name);
        audit_add_fact(l, &e->start_fact, what);
    }
    if (e->valid_to) {
        snprintf(what, sizeof what, _("the end date of %s"), e->name);
        audit_add_fact(l, &e->end_fact, what);
    }
    if (how && e->organ_code && strcmp(how, e->organ_code) == 0) {
        snprintf(what, sizeof what, _("the organ code of %s (%s)"), e->name, e->organ_code);
        audit_add_fact(l, &e->code_fact, what);
    }
    if (how && e->gso_code && strcmp(how, e->gso_code) == 0) {
        snprintf(what, sizeof what, _("the statistics code of %s (%s)"), e->name, e->gso_code);
        audit_add_fact(l, &e->gso_fact, what);
    }
    const egaf_ref_owner *o = e->nowners ? egaf_ref_owner_record(e, year) : NULL;
    if (o) {
        snprintf(what, sizeof what, _("the owner of %s in %d (%s)"), e->name, year, o->agency);
        audit_add_fact(l, &o->fact, what);
    }
}

static void audit_national(audit_list *l, const egaf_refs *refs, const char *text, int year)
{
    if (!text || strncmp(text, "national:", 9) != 0)
        return;
    const egaf_ref_entry *e = egaf_refs_find(refs, text + 9);
    if (e)
        audit_entry(l, e, year, NULL);
}

/* Every reference fact the model's findings may rest on, not confirmed. */
static void audit_model(audit_list *l, const egaf_refs *refs, const egaf_model *m)
{
    const egaf_element *h = m->header;
    const egaf_value *yv = h ? egaf_element_get(h, EGAF_F_YEAR) : NULL;
    int year = yv && yv->type == EGAF_FT_INT ? (int)yv->u.num : 0;
    const char *agency = h ? egaf_element_text(h, EGAF_F_AGENCY) : NULL;
    const egaf_ref_entry *a = agency ? egaf_refs_agency(refs, agency, year) : NULL;
    if (!a && agency)
        a = egaf_refs_agency(refs, agency, 0);
    if (a && a->kind == EGAF_RK_AGENCY)
        audit_entry(l, a, year, agency);
    const char *level = h ? egaf_element_text(h, EGAF_F_LEVEL) : NULL;
    const egaf_ref_framework *f = m->framework.s ? egaf_refs_framework(refs, m->framework.s) : NULL;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        for (size_t i = 0; i < m->counts[k]; i++) {
            const egaf_element *el = m->elements[k][i];
            for (size_t j = 0; j < el->nvalues; j++) {
                const egaf_value *v = &el->values[j];
                if (v->type == EGAF_FT_REF) {
                    egaf_str sv = egaf_value_str(el, v);
                    audit_national(l, refs, sv.s, year);
                } else if (v->type == EGAF_FT_REFS) {
                    for (size_t r = 0; r < v->u.list.count; r++)
                        audit_national(l, refs, v->u.list.items[r].s, year);
                }
                if (!f)
                    continue;
                if (v->field == EGAF_F_ROUTE) {
                    for (size_t r = 0; r < f->nroutes; r++)
                        if (strcmp(f->routes[r].id, v->u.str.s) == 0)
                            audit_add(l, &f->routes[r], f->routes[r].confidence,
                                      f->routes[r].source, _("route %s of framework %s (%s)"),
                                      f->routes[r].id, f->edition, f->routes[r].name);
                } else if (v->field == EGAF_F_SECURITY_LEVEL) {
                    for (size_t r = 0; r < f->nsecurity_levels; r++)
                        if (f->security_levels[r].level == v->u.num)
                            audit_add(l, &f->security_levels[r], f->security_levels[r].confidence,
                                      f->security_levels[r].source,
                                      _("security level %d: whether it needs a control"),
                                      f->security_levels[r].level);
                } else if (v->type == EGAF_FT_CODE) {
                    for (int t = 0; t < EGAF_TREE__COUNT; t++) {
                        const egaf_ref_tree *tree = &f->trees[t];
                        bool mine = strncasecmp(v->u.str.s, tree_names[t], 3) == 0;
                        if (mine && tree->ncodes)
                            audit_add(l, tree,
                                      tree->provisional ? EGAF_CONF_INFERRED : tree->confidence,
                                      tree->source, _("the %s tree of framework %s (%s)"),
                                      tree_names[t], f->edition,
                                      tree->provisional ? _("provisional") : _("incomplete"));
                    }
                }
            }
        }
    for (size_t r = 0; f && r < f->nrequirements; r++) {
        const egaf_ref_requirement *q = &f->requirements[r];
        bool applies = !level;
        for (size_t j = 0; level && j < q->nlevels; j++)
            applies = applies || strcmp(q->levels[j], level) == 0;
        if (applies)
            audit_add(l, q, q->confidence, q->source,
                      _("that framework %s requires '%s' (%s)"), f->edition, q->id,
                      q->title ? q->title : q->id);
    }
    for (size_t r = 0; f && r < f->nsections; r++)
        audit_add(l, &f->sections[r], f->sections[r].confidence, f->sections[r].source,
                  _("that framework %s requires content %s (%s)"), f->edition,
                  f->sections[r].letter ? f->sections[r].letter : "?", f->sections[r].name);
    /* target.national-uncovered: a model with targets is held to the
     * national targets of its year and level */
    for (size_t r = 0; m->counts[EGAF_K_TARGET] && r < refs->nnational_targets; r++) {
        const egaf_ref_national_target *t = &refs->national_targets[r];
        if (egaf_ref_national_target_applies(t, year, level))
            audit_add(l, t, t->fact.confidence, t->fact.nsources ? t->fact.sources[0] : NULL,
                      _("national target %s (%s: %s)"), t->id, t->name, t->value);
    }
}

/* A finding of model m whose severity was lowered because it rests on a
 * fact that is not confirmed. */
static bool finding_of(const egaf_finding *fd, const egaf_model *m)
{
    if (!fd->file || fd->at_most == EGAF_SEV_ERROR)
        return false;
    for (size_t i = 0; i < m->nfiles; i++)
        if (m->files[i] && strcmp(m->files[i]->path, fd->file) == 0)
            return true;
    return m->path && strcmp(m->path, fd->file) == 0;
}

static int audit(egaf_buf *out, const egaf_refs *refs, const char *const *operands,
                 size_t ninputs, const refs_opts *o)
{
    char **files = NULL;
    size_t nfiles = 0;
    char **inputs = calloc(ninputs + 1, sizeof(*inputs));
    bool copied = inputs != NULL;
    for (size_t i = 0; copied && i < ninputs; i++)
        copied = (inputs[i] = strdup(operands[i])) != NULL;
    int collected = copied ? egaf_collect_models(inputs, ninputs, &files, &nfiles) : -1;
    for (size_t i = 0; inputs && i < ninputs; i++)
        free(inputs[i]);
    free(inputs);
    if (!copied)
        return error(_("out of memory"));
    if (collected != 0)
        return EXIT_FAILURE_RUN;
    egaf_diags *diags = egaf_diags_create();
    egaf_model **models = calloc(nfiles + 1, sizeof(*models));
    size_t nmodels = 0;
    int rc = EXIT_CLEAN;
    egaf_load_options load = {.release_text = true};
    if (!diags || !models || egaf_cli_load_models(files, nfiles, &load, diags, models, &nmodels) != 0) {
        rc = EXIT_FAILURE_RUN;
        goto done;
    }
    if (egaf_cli_check_models(refs, models, nmodels, diags) != 0) {
        rc = EXIT_FAILURE_RUN;
        goto done;
    }
    egaf_diags_sort(diags);
    if (o->json)
        egaf_buf_putc(out, '[');
    for (size_t i = 0; i < nmodels; i++) {
        const egaf_model *m = models[i];
        audit_list l = {NULL, 0, 0, false};
        audit_model(&l, refs, m);
        if (l.oom) {
            audit_free(&l);
            rc = error(_("out of memory"));
            goto done;
        }
        const egaf_value *yv = m->header ? egaf_element_get(m->header, EGAF_F_YEAR) : NULL;
        int year = yv && yv->type == EGAF_FT_INT ? (int)yv->u.num : 0;
        if (o->json) {
            egaf_buf_puts(out, i ? ",\n {\"file\": " : "\n {\"file\": ");
            egaf_buf_json_string(out, m->path);
            jstr(out, "architecture", m->id);
            egaf_buf_printf(out, ", \"year\": %d, \"facts\": [", year);
            for (size_t j = 0; j < l.n; j++) {
                egaf_buf_puts(out, j ? ", {\"fact\": " : "{\"fact\": ");
                egaf_buf_json_string(out, l.items[j].what);
                jstr(out, "confidence", egaf_confidence_name(l.items[j].confidence));
                jstr(out, "source", l.items[j].source);
                egaf_buf_putc(out, '}');
            }
            egaf_buf_puts(out, "], \"findings\": [");
            size_t nf = 0;
            for (size_t j = 0; j < egaf_diags_count(diags); j++) {
                const egaf_finding *fd = egaf_diags_at(diags, j);
                if (!finding_of(fd, m))
                    continue;
                egaf_buf_puts(out, nf++ ? ", {\"file\": " : "{\"file\": ");
                egaf_buf_json_string(out, fd->file);
                egaf_buf_printf(out, ", \"line\": %u, \"column\": %u", fd->line, fd->col);
                jstr(out, "rule", fd->rule);
                jstr(out, "severity", egaf_severity_name(fd->severity));
                jstr(out, "message", fd->message);
                egaf_buf_putc(out, '}');
            }
            egaf_buf_puts(out, "]}");
        } else {
            egaf_buf_printf(out, _("%s (%s, %d): %zu reference facts not confirmed\n"), m->path,
                            m->id ? m->id : "?", year, l.n);
            for (size_t j = 0; j < l.n; j++) {
                egaf_buf_puts(out, "  ");
                pad(out, confidence_text(l.items[j].confidence), 9);
                egaf_buf_printf(out, " %s", l.items[j].what);
                if (l.items[j].source)
                    egaf_buf_printf(out, " [%s]", l.items[j].source);
                egaf_buf_putc(out, '\n');
            }
            bool any = false;
            for (size_t j = 0; j < egaf_diags_count(diags); j++) {
                const egaf_finding *fd = egaf_diags_at(diags, j);
                if (!finding_of(fd, m))
                    continue;
                if (!any)
                    egaf_buf_puts(out, _("  findings that rest on them (warnings, not errors):\n"));
                any = true;
                egaf_buf_printf(out, "    %s:%u:%u: %s: %s [%s]\n", fd->file, fd->line, fd->col,
                                egaf_report_severity_word(fd->severity), fd->message, fd->rule);
            }
        }
        audit_free(&l);
    }
    if (o->json)
        egaf_buf_puts(out, nmodels ? "\n]\n" : "]\n");
done:
    for (size_t i = 0; models && i < nmodels; i++)
        egaf_model_free(models[i]);
    free(models);
    egaf_diags_free(diags);
    egaf_free_list(files, nfiles);
    return rc;
}

/* The day after d. */
static egaf_date egaf_date_after(egaf_date d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = d / 10000, m = d / 100 % 100, day = d % 100;
    if (m < 1 || m > 12) /* not a date the loader accepts: no day after it */
        return d;
    int last = days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
    if (day < last)
        return d + 1;
    return m < 12 ? y * 10000 + (m + 1) * 100 + 1 : (y + 1) * 10000 + 101;
}

static const egaf_ref_fact *weaker_fact(const egaf_ref_fact *a, const egaf_ref_fact *b)
{
    return b->confidence > a->confidence ? b : a;
}

/* ---- diff ---- */

/* "2020" is 31 December 2020; "2025-07-01" that day. */
static int parse_day(const char *s, egaf_date *out)
{
    int y = 0, m = 12, d = 31;
    char extra;
    if (strlen(s) == 4 && sscanf(s, "%4d%c", &y, &extra) == 1) {
        /* a year: its last day */
    } else if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 ||
               m > 12 || d < 1 || d > 31) {
        return -1;
    }
    if (y < 1900 || y > 2999)
        return -1;
    *out = y * 10000 + m * 100 + d;
    return 0;
}

static bool on_day(const egaf_ref_entry *e, egaf_date day)
{
    return (e->valid_from == 0 || e->valid_from <= day) && (e->valid_to == 0 || e->valid_to >= day);
}

static const egaf_ref_owner *owner_on(const egaf_ref_entry *e, egaf_date day)
{
    const egaf_ref_owner *found = NULL;
    for (size_t i = 0; i < e->nowners; i++) {
        const egaf_ref_owner *o = &e->owners[i];
        egaf_date from = o->valid_from ? o->valid_from : e->valid_from;
        egaf_date to = o->valid_to ? o->valid_to : e->valid_to;
        if ((from == 0 || from <= day) && (to == 0 || to >= day))
            found = o;
    }
    return found;
}

enum { D_JSON = 1, D_MARKDOWN = 2 };

typedef struct change {
    const egaf_ref_entry *e;
    const char *change; /* added, removed, merged, renamed, re-owned, listed */
    egaf_date day;
    char detail[512];
    const egaf_ref_fact *fact; /* what the change rests on */
} change;

/* How many entries ending in (from, to] name s as their successor. */
static size_t predecessors(const egaf_refs *refs, const egaf_ref_entry *s, egaf_date from,
                           egaf_date to)
{
    size_t n = 0;
    for (size_t i = 0; i < refs->nentries; i++) {
        const egaf_ref_entry *e = refs->entries[i];
        if (!e->valid_to || e->valid_to < from || e->valid_to >= to)
            continue;
        for (size_t j = 0; j < e->nsuccessors; j++)
            n += strcmp(e->successors[j], s->id) == 0;
    }
    return n;
}

static void names_text(const egaf_refs *refs, const char *const *ids, size_t n, char *buf,
                       size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < size; i++) {
        const egaf_ref_entry *s = egaf_refs_find(refs, ids[i]);
        int w = snprintf(buf + used, size - used, "%s%s (%s)", i ? ", " : "",
                         s && s->name ? s->name : "?", ids[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

static size_t collect_changes(const egaf_refs *refs, egaf_date from, egaf_date to, change *out)
{
    size_t n = 0;
    char d[16];
    for (size_t i = 0; i < refs->nentries; i++) {
        const egaf_ref_entry *e = refs->entries[i];
        if (e->kind == EGAF_RK_DATA_SUBJECT)
            continue;
        bool was = on_day(e, from), is = on_day(e, to);
        change c;
        memset(&c, 0, sizeof c);
        c.e = e;
        if (was && !is) {
            c.day = egaf_date_after(e->valid_to);
            if (e->nsuccessors == 0) {
                c.change = "removed";
                snprintf(c.detail, sizeof c.detail, _("ended on %s"),
                         (date_text(e->valid_to, d, sizeof d), d));
                c.fact = &e->end_fact;
            } else {
                const egaf_ref_entry *s = egaf_refs_find(refs, e->successors[0]);
                /* one body into one new body under another name */
                bool renamed = e->nsuccessors == 1 && s && !on_day(s, from) &&
                               predecessors(refs, s, from, to) == 1 && s->name && e->name &&
                               strcmp(s->name, e->name) != 0;
                c.change = renamed ? "renamed" : "merged";
                char names[400];
                names_text(refs, e->successors, e->nsuccessors, names, sizeof names);
                snprintf(c.detail, sizeof c.detail, renamed ? _("became %s") : _("into %s"),
                         names);
                c.fact = weaker_fact(&e->end_fact, &e->successor_fact);
            }
        } else if (!was && is) {
            if (predecessors(refs, e, from, to) > 0)
                continue; /* shown as what its predecessors became */
            c.change = "added";
            c.day = e->valid_from;
            snprintf(c.detail, sizeof c.detail, _("from %s"),
                     (date_text(e->valid_from, d, sizeof d), d));
            c.fact = &e->start_fact;
        } else if (was && is) {
            const egaf_ref_owner *a = owner_on(e, from), *b = owner_on(e, to);
            if (a && b && strcmp(a->agency, b->agency) != 0) {
                c.change = "re-owned";
                c.day = b->valid_from;
                snprintf(c.detail, sizeof c.detail, _("%s to %s"), a->agency, b->agency);
                c.fact = &b->fact;
            } else if (e->listed && e->listed > from && e->listed <= to) {
                c.change = "listed";
                c.day = e->listed;
                snprintf(c.detail, sizeof c.detail, _("listed on %s; start %s"),
                         (date_text(e->listed, d, sizeof d), d),
                         e->valid_from ? _("known") : _("unknown"));
                c.fact = &e->fact;
            } else {
                continue;
            }
        } else {
            continue;
        }
        if (out)
            out[n] = c;
        n++;
    }
    return n;
}

/* The heading of a kind's changes; data subjects have no list of their own. */
static const char *diff_kind_title(egaf_ref_kind k)
{
    static const char *const titles[] = {
        [EGAF_RK_AGENCY] = N_("Agencies"),
        [EGAF_RK_SHARED_SYSTEM] = N_("National shared systems"),
        [EGAF_RK_NATIONAL_DATABASE] = N_("National databases"),
        [EGAF_RK_DATA_SUBJECT] = NULL,
    };
    _Static_assert(sizeof titles / sizeof titles[0] == EGAF_RK_DATA_SUBJECT + 1,
                   "a heading (or none) for every kind");
    return (size_t)k < sizeof titles / sizeof titles[0] && titles[k] ? _(titles[k]) : "";
}

static int refs_diff(egaf_buf *out, const egaf_refs *refs, egaf_date from, egaf_date to,
                     int format)
{
    size_t n = collect_changes(refs, from, to, NULL);
    change *cs = calloc(n + 1, sizeof(*cs));
    if (!cs)
        return error(_("out of memory"));
    collect_changes(refs, from, to, cs);
    char a[16], b[16];
    date_text(from, a, sizeof a);
    date_text(to, b, sizeof b);
    if (format == D_JSON) {
        egaf_buf_printf(out, "{\"from\": \"%s\", \"to\": \"%s\", \"changes\": [", a, b);
        for (size_t i = 0; i < n; i++) {
            const change *c = &cs[i];
            char d[16];
            egaf_buf_puts(out, i ? ",\n {\"kind\": " : "\n {\"kind\": ");
            egaf_buf_json_string(out, egaf_ref_kind_name(c->e->kind));
            jstr(out, "change", c->change);
            jstr(out, "id", c->e->id);
            jstr(out, "name", c->e->name);
            if (c->day)
                date_text(c->day, d, sizeof d);
            jstr(out, "date", c->day ? d : NULL);
            jstr(out, "detail", c->detail);
            if (c->e->nsuccessors && (strcmp(c->change, "merged") == 0 ||
                                      strcmp(c->change, "renamed") == 0))
                jlist(out, "successor", c->e->successors, c->e->nsuccessors);
            jstr(out, "confidence", egaf_confidence_name(c->fact->confidence));
            jlist(out, "sources", c->fact->sources, c->fact->nsources);
            egaf_buf_putc(out, '}');
        }
        egaf_buf_puts(out, n ? "\n]}\n" : "]}\n");
        free(cs);
        return EXIT_CLEAN;
    }
    if (format == D_MARKDOWN)
        egaf_buf_printf(out, _("# Reference data: changes from %s to %s\n"), a, b);
    else
        egaf_buf_printf(out, _("Reference data: changes from %s to %s\n"), a, b);
    static const egaf_ref_kind kinds[] = {EGAF_RK_AGENCY, EGAF_RK_SHARED_SYSTEM,
                                          EGAF_RK_NATIONAL_DATABASE};
    for (size_t k = 0; k < 3; k++) {
        size_t count = 0, wi = 0;
        for (size_t i = 0; i < n; i++)
            if (cs[i].e->kind == kinds[k]) {
                count++;
                wi = width(cs[i].e->id) > wi ? width(cs[i].e->id) : wi;
            }
        if (format == D_MARKDOWN) {
            egaf_buf_printf(out, "\n## %s (%zu)\n\n", diff_kind_title(kinds[k]), count);
            if (count)
                egaf_buf_puts(out, _("| change | id | name | detail | confidence | source |\n"
                                     "|---|---|---|---|---|---|\n"));
        } else {
            egaf_buf_printf(out, "\n%s (%zu)\n", diff_kind_title(kinds[k]), count);
        }
        for (size_t i = 0; i < n; i++) {
            const change *c = &cs[i];
            if (c->e->kind != kinds[k])
                continue;
            const char *src = c->fact->nsources ? c->fact->sources[0] : "";
            if (format == D_MARKDOWN) {
                egaf_buf_printf(out, "| %s | `%s` | ", change_word(c->change), c->e->id);
                egaf_cli_md_text(out, c->e->name);
                egaf_buf_puts(out, " | ");
                egaf_cli_md_text(out, c->detail);
                egaf_buf_printf(out, " | %s | ", confidence_text(c->fact->confidence));
                egaf_cli_md_text(out, src);
                egaf_buf_puts(out, " |\n");
            } else {
                egaf_buf_puts(out, "  ");
                pad(out, change_word(c->change), 10);
                pad(out, c->e->id, wi + 2);
                egaf_buf_printf(out, "%s: %s [%s: %s]\n", c->e->name, c->detail,
                                confidence_text(c->fact->confidence), src);
            }
        }
    }
    free(cs);
    return EXIT_CLEAN;
}

/* ---- the command ---- */

/* The options' parsers (egaf_option's parse): 0, or EXIT_FAILURE_RUN after
 * a usage error. --kind: one of kind_names (to: int *). */
static int parse_kind(const char *cmd, const char *s, void *to)
{
    for (int i = 0; kind_names[i]; i++)
        if (strcmp(kind_names[i], s) == 0) {
            *(int *)to = i;
            return 0;
        }
    const char *sug = egaf_suggest(s, kind_names, egaf_list_count(kind_names));
    /* singular forms ("agency") are too far for the edit distance */
    for (int i = 0; !sug && kind_names[i]; i++)
        if (strlen(s) >= 4 && strncmp(kind_names[i], s, strlen(s) - 1) == 0)
            sug = kind_names[i];
    if (sug)
        return usage_error(cmd, _("unknown kind '%s'; did you mean '%s'?"), s, sug);
    return usage_error(cmd,
                       _("unknown kind '%s' (agencies, shared-systems, "
                         "national-databases, data-subjects, codes, national-targets)"),
                       s);
}

/* --year: the reference models' own years, 1900 to 2999 (to: int *). */
static int parse_year(const char *cmd, const char *s, void *to)
{
    char *end = NULL;
    long y = strtol(s, &end, 10);
    if (!*s || *end || y < 1900 || y > 2999)
        return usage_error(cmd, _("--year takes a year such as 2020; found '%s'"), s);
    *(int *)to = (int)y;
    return 0;
}

/* --format: text, json or markdown (to: refs_opts *). */
static int parse_format(const char *cmd, const char *s, void *to)
{
    refs_opts *o = to;
    o->json = strcmp(s, "json") == 0;
    o->markdown = strcmp(s, "markdown") == 0;
    if (!o->json && !o->markdown && strcmp(s, "text") != 0)
        return usage_error(cmd, _("unknown format '%s' (text, json or markdown)"), s);
    return 0;
}

int cmd_refs(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    refs_opts o = {K_ALL, 0, NULL, false, false};
    const char *output = NULL, *refs_dir = NULL, *sub = NULL, *from_s = NULL, *to_s = NULL;
    const char **operands = calloc((size_t)argc + 1, sizeof(*operands));
    size_t nops = 0;
    int rc = EXIT_CLEAN;
    if (!operands)
        return error(_("out of memory"));
    const egaf_option options[] = {
        {"kind", .parse = parse_kind, .to = &o.kind},
        {"year", .parse = parse_year, .to = &o.year},
        {"framework", .value = &o.framework}, {"format", .parse = parse_format, .to = &o},
        {"output", 'o', .value = &output},
        {"refs", .value = &refs_dir}, {"help", 'h', .usage = usage}, {"from", .value = &from_s},
        {"to", .value = &to_s}, {.name = NULL},
    };
    /* the loop sees the operands only: the subcommand, then its arguments */
    for (int opt; (opt = egaf_opt_next(&st, options, "refs")) != -1;) {
        if (opt == -2) {
            free(operands);
            return st.exit_code;
        }
        if (!sub)
            sub = st.operand;
        else
            operands[nops++] = st.operand;
    }
    if (!sub)
        sub = "list";
    static const char *const subs[] = {"list", "show", "audit", "diff", NULL};
    bool is_show = strcmp(sub, "show") == 0, is_audit = strcmp(sub, "audit") == 0,
         is_diff = strcmp(sub, "diff") == 0;
    if (!is_show && !is_audit && !is_diff && strcmp(sub, "list") != 0) {
        const char *s = egaf_suggest(sub, subs, egaf_list_count(subs));
        if (s)
            usage_error("refs", _("unknown subcommand '%s'; did you mean '%s'?"), sub, s);
        else
            usage_error("refs", _("unknown subcommand '%s' (list, show ID, audit MODEL..., "
                                  "diff)"),
                        sub);
        goto fail;
    }
    const char *id = nops ? operands[0] : NULL;
    egaf_date from = 0, to = 0;
    if (is_show && !id) {
        usage_error("refs", _("'refs show' needs an ID"));
        goto fail;
    }
    if (is_audit && !nops) {
        usage_error("refs", _("'refs audit' needs a MODEL (a file or a folder)"));
        goto fail;
    }
    if ((is_show && nops > 1) || ((is_diff || (!is_show && !is_audit)) && nops)) {
        usage_error("refs", _("unexpected argument '%s'"), operands[is_show ? 1 : 0]);
        goto fail;
    }
    if (is_show && o.kind != K_ALL) { /* --kind was given */
        usage_error("refs", _("--kind is for 'refs list'"));
        goto fail;
    }
    if ((from_s || to_s) && !is_diff) {
        usage_error("refs", _("--from and --to are for 'refs diff'"));
        goto fail;
    }
    if (o.markdown && !is_diff) {
        usage_error("refs", _("--format markdown is for 'refs diff'"));
        goto fail;
    }
    if (is_diff) {
        if (!from_s || !to_s) {
            usage_error("refs", _("'refs diff' needs --from and --to (a year or YYYY-MM-DD)"));
            goto fail;
        }
        if (parse_day(from_s, &from) != 0 || parse_day(to_s, &to) != 0) {
            usage_error("refs", _("--from and --to take a year such as 2020 or a day such as "
                                  "2025-07-01; found '%s'"),
                        parse_day(from_s, &from) != 0 ? from_s : to_s);
            goto fail;
        }
        if (from >= to) {
            usage_error("refs", _("--from must be before --to"));
            goto fail;
        }
    }

    egaf_refs *refs = egaf_cli_load_refs(cli, refs_dir);
    if (!refs)
        goto fail;
    if (o.framework && !egaf_refs_framework(refs, o.framework)) {
        const char *eds[16];
        size_t n = 0;
        for (size_t i = 0; i < refs->nframeworks && n < 16; i++)
            eds[n++] = refs->frameworks[i]->edition;
        const char *s = egaf_suggest(o.framework, eds, n);
        if (s)
            rc = usage_error("refs", _("no framework edition '%s'; did you mean '%s'?"),
                             o.framework, s);
        else
            rc = usage_error("refs", _("no framework edition '%s'"), o.framework);
        egaf_refs_free(refs);
        free(operands);
        return rc;
    }
    egaf_buf out;
    egaf_buf_init(&out);
    if (is_show) {
        rc = show(&out, refs, id, &o);
    } else if (is_audit) {
        rc = audit(&out, refs, operands, nops, &o);
    } else if (is_diff) {
        rc = refs_diff(&out, refs, from, to, o.json ? D_JSON : o.markdown ? D_MARKDOWN : 0);
    } else if (o.kind == K_TARGETS) {
        list_national_targets(&out, refs, &o);
    } else if (o.kind == K_CODES) {
        const egaf_ref_framework *f = pick_framework(refs, &o);
        if (f)
            list_codes(&out, f, &o);
        else {
            error(_("the reference models have no framework edition"));
            rc = EXIT_FAILURE_RUN;
        }
    } else {
        list_entries(&out, refs, &o);
    }
    if (rc == EXIT_CLEAN && egaf_write_output(output, &out) != 0)
        rc = EXIT_FAILURE_RUN;
    egaf_buf_free(&out);
    egaf_refs_free(refs);
    free(operands);
    return rc;
fail:
    free(operands);
    return EXIT_FAILURE_RUN;
}
