/* cmd_refs.c - `egaf refs list` and `egaf refs show ID`: browse the national
 * reference models (agencies, shared systems, national databases, data
 * subjects, the framework's code trees) as of a year, as a table or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/i18n.h"
#include "base/suggest.h"

static const char *const usage =
    N_("usage: egaf refs [list] [--kind K] [--year YYYY] [--framework E] [--format F]\n"
       "       egaf refs show ID [--year YYYY] [--framework E] [--format F]\n"
       "\n"
       "Browses the national reference models: agencies (ministries, government\n"
       "agencies, provinces), national shared systems, national databases, data\n"
       "subjects, and the BRM/DRM/ARM/TRM/SRM codes of a framework edition.\n"
       "\n"
       "'list' prints one line per entry, in the order of the reference files.\n"
       "'show ID' prints every field of one entry, its source and note included;\n"
       "ID is an id (a 'national:' prefix is accepted), an organ code or a code\n"
       "such as DRM001.001.\n"
       "\n"
       "options:\n"
       "  --kind K          agencies, shared-systems, national-databases, data-subjects\n"
       "                    or codes (default: every kind but codes)\n"
       "  --year YYYY       only entries valid in YYYY, owners as of YYYY (default: the\n"
       "                    latest owner)\n"
       "  --framework E     edition 2.0, 3.0 or 4.0: the codes of that edition (default:\n"
       "                    the edition in force in --year, else the newest); shared\n"
       "                    systems are limited to those the edition lists\n"
       "  --format F        text (default) or json\n"
       "  -o, --output FILE write to FILE (atomically) instead of stdout\n"
       "  --refs DIR        reference models folder (default: $EGAF_REFS, installed, source tree)\n"
       "  -h, --help        this help\n"
       "\n"
       "Exit status: 0; 2 on bad usage, an unknown ID or broken reference models.\n");

enum { O_KIND = 1, O_YEAR, O_FRAMEWORK, O_FORMAT, O_OUTPUT, O_REFS, O_HELP };

static const egaf_option options[] = {
    {"kind", 0, true},   {"year", 0, true},    {"framework", 0, true}, {"format", 0, true},
    {"output", 'o', true}, {"refs", 0, true},  {"help", 'h', false},   {NULL, 0, false},
};

/* --kind values; K_ALL is the default (every entry kind). */
enum { K_AGENCIES, K_SYSTEMS, K_DATABASES, K_SUBJECTS, K_CODES, K_ALL };
static const char *const kind_names[] = {"agencies", "shared-systems", "national-databases",
                                         "data-subjects", "codes", NULL};
static const char *const tree_names[EGAF_TREE__COUNT] = {"brm", "drm", "arm", "trm", "srm"};

typedef struct refs_opts {
    int kind;
    int year; /* 0: any year */
    const char *framework;
    bool json;
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
    if (value)
        egaf_buf_json_string(out, value);
    else
        egaf_buf_puts(out, "null");
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
        return o ? o : "(owner unknown)";
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

static void field(egaf_buf *out, const char *name, const char *value)
{
    if (!value)
        return;
    egaf_buf_printf(out, "%-18s", name);
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
    egaf_buf_printf(out, "%-18s%s\n", name, egaf_confidence_name(f->confidence));
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
        field(out, "municipality:", "yes (thành phố trực thuộc trung ương)");
    field(out, "category:", e->category);
    field(out, "purpose:", e->purpose);
    if (e->kind == EGAF_RK_NATIONAL_DATABASE)
        field(out, "priority-714:", e->priority_714 ? "yes (QĐ 714/QĐ-TTg)" : "no");
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
        snprintf(buf, sizeof buf, "%s", egaf_ref_valid_in(e, year) ? "yes" : "no");
        char label[32];
        snprintf(label, sizeof label, "valid in %d:", year);
        field(out, label, buf);
    }
    for (size_t i = 0; i < e->nsuccessors; i++) {
        const egaf_ref_entry *s = egaf_refs_find(refs, e->successors[i]);
        egaf_buf_printf(out, "%-18s%s%s%s%s\n", i ? "" : "successor:", e->successors[i],
                        s && s->name ? " (" : "", s && s->name ? s->name : "",
                        s && s->name ? ")" : "");
    }
    field_list(out, "editions:", e->editions, e->neditions);
    for (size_t i = 0; i < e->nconnects; i++) {
        egaf_buf_printf(out, "%-18s%s (", i ? "" : "must connect:", e->connects[i].component);
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
    field(out, "confidence:", egaf_confidence_name(e->fact.confidence));
    /* the facts with a provenance of their own */
    if (e->organ_code && e->code_fact.sources != e->fact.sources)
        fact_lines(out, "organ code:", &e->code_fact);
    field_date(out, "organ code from:", e->code_from);
    if (e->gso_code && e->gso_fact.sources != e->fact.sources)
        fact_lines(out, "statistics code:", &e->gso_fact);
    if (e->nsuccessors && e->successor_fact.sources != e->fact.sources)
        fact_lines(out, "successors:", &e->successor_fact);
    if (e->valid_from && e->start_fact.sources != e->fact.sources)
        fact_lines(out, "start:", &e->start_fact);
    if (e->valid_to && e->end_fact.sources != e->fact.sources)
        fact_lines(out, "end:", &e->end_fact);
    for (size_t i = 0; i < e->nowners; i++)
        if (e->owners[i].fact.sources != e->fact.sources || e->owners[i].fact.note) {
            char label[80];
            snprintf(label, sizeof label, "owner %s:", e->owners[i].agency);
            fact_lines(out, label, &e->owners[i].fact);
        }
    field(out, "note:", e->note);
    if (e->mark.src) {
        char where[512];
        snprintf(where, sizeof where, "%s:%u", e->mark.src->path, e->mark.line);
        field(out, "defined at:", where);
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
    field(out, "provisional:", t->provisional ? "yes (the official list is not public)" : "no");
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

/* ---- the command ---- */

static int parse_kind(const char *s, int *out)
{
    for (int i = 0; kind_names[i]; i++)
        if (strcmp(kind_names[i], s) == 0) {
            *out = i;
            return 0;
        }
    const char *sug = egaf_suggest(s, kind_names, egaf_list_count(kind_names));
    /* singular forms ("agency") are too far for the edit distance */
    for (int i = 0; !sug && kind_names[i]; i++)
        if (strlen(s) >= 4 && strncmp(kind_names[i], s, strlen(s) - 1) == 0)
            sug = kind_names[i];
    if (sug)
        return usage_error("refs", _("unknown kind '%s'; did you mean '%s'?"), s, sug);
    return usage_error("refs",
                       _("unknown kind '%s' (agencies, shared-systems, "
                         "national-databases, data-subjects, codes)"),
                       s);
}

static int parse_year(const char *s, int *out)
{
    char *end = NULL;
    long y = strtol(s, &end, 10);
    if (!*s || *end || y < 1900 || y > 2999)
        return usage_error("refs", _("--year takes a year such as 2020; found '%s'"), s);
    *out = (int)y;
    return 0;
}

int cmd_refs(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    refs_opts o = {K_ALL, 0, NULL, false};
    const char *output = NULL, *refs_dir = NULL, *sub = NULL, *id = NULL;
    bool kind_given = false;
    for (int opt; (opt = egaf_opt_next(&st, options, "refs")) != -1;) {
        switch (opt) {
        case -2:
            return EXIT_FAILURE_RUN;
        case 0:
            if (!sub)
                sub = st.operand;
            else if (!id)
                id = st.operand;
            else
                return usage_error("refs", _("unexpected argument '%s'"), st.operand);
            break;
        case O_KIND:
            if (parse_kind(st.value, &o.kind) != 0)
                return EXIT_FAILURE_RUN;
            kind_given = true;
            break;
        case O_YEAR:
            if (parse_year(st.value, &o.year) != 0)
                return EXIT_FAILURE_RUN;
            break;
        case O_FRAMEWORK:
            o.framework = st.value;
            break;
        case O_FORMAT:
            if (strcmp(st.value, "json") == 0)
                o.json = true;
            else if (strcmp(st.value, "text") != 0)
                return usage_error("refs", _("unknown format '%s' (text or json)"), st.value);
            break;
        case O_OUTPUT:
            output = st.value;
            break;
        case O_REFS:
            refs_dir = st.value;
            break;
        case O_HELP:
            fputs(_(usage), stdout);
            return EXIT_CLEAN;
        }
    }
    if (!sub)
        sub = "list";
    bool is_show = strcmp(sub, "show") == 0;
    if (!is_show && strcmp(sub, "list") != 0) {
        static const char *const subs[] = {"list", "show", NULL};
        const char *s = egaf_suggest(sub, subs, egaf_list_count(subs));
        if (s)
            return usage_error("refs", _("unknown subcommand '%s'; did you mean '%s'?"), sub, s);
        return usage_error("refs", _("unknown subcommand '%s' (list or show ID)"), sub);
    }
    if (is_show && !id)
        return usage_error("refs", _("'refs show' needs an ID"));
    if (!is_show && id)
        return usage_error("refs", _("unexpected argument '%s'"), id);
    if (is_show && kind_given)
        return usage_error("refs", _("--kind is for 'refs list'"));

    egaf_refs *refs = egaf_cli_load_refs(cli, refs_dir);
    if (!refs)
        return EXIT_FAILURE_RUN;
    int rc = EXIT_CLEAN;
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
        return rc;
    }
    egaf_buf out;
    egaf_buf_init(&out);
    if (is_show) {
        rc = show(&out, refs, id, &o);
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
    return rc;
}
