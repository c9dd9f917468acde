/* refs.c - the YAML files of reference-models/ into egaf_refs, with the consistency
 * checks that make the data fit to check models against: ids unique across
 * every kind, owners and successors that exist on the days they are named,
 * a source and a confidence on every fact.
 *
 * The files are read in a fixed order (agencies, shared systems, national
 * databases, then the framework editions) so that each file can resolve what
 * the earlier ones define as it is walked; the few checks that need a later
 * file (successors, the editions and components a system names) run at the
 * end, from positions kept while walking. */
#include "refs/refs.h"
#include "base/i18n.h"
#include "base/grow.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/fold.h"
#include "base/suggest.h"
#include "model/format.h"
#include "model/yaml_tree.h"
#include "refs/refs_cache.h"

/* by_code maps an organ code, or "gso:" and a statistics code, to a chain of
 * agencies: a code can name several agencies over the years, never two on
 * the same day. */
typedef struct code_link {
    const egaf_ref_entry *entry;
    egaf_mark mark; /* where the code is written */
    struct code_link *next;
} code_link;

/* An entry and the positions the end-of-load checks point at. The entry is
 * the first member, so an egaf_ref_entry * of refs->entries is an entry_ext *. */
typedef struct entry_ext {
    egaf_ref_entry e;
    egaf_mark valid_to_mark;
    egaf_mark *successor_marks;
    egaf_mark *edition_marks;
    egaf_mark *connect_marks;
} entry_ext;

typedef struct loader {
    egaf_refs *refs;
    egaf_diags *diags;
    egaf_arena *scratch; /* YAML trees, freed after each file */
    const egaf_refs_cache *cache; /* the compiled trees, or NULL (refs_cache.h) */
    size_t cap_entries, cap_frameworks;
    bool agencies_ok; /* agencies.yaml was read: owners can be resolved */
    bool systems_ok;  /* shared-systems.yaml was read: must-connect can be resolved */
    const char *edition; /* of the framework file being read: must-connect names its systems */
    bool oom;
} loader;

static const char *const confidences[] = {"confirmed", "reported", "inferred", "unknown", NULL};
static const char *const agency_levels[] = {"ministry", "government-agency", "province", NULL};
static const char *const model_levels[] = {"ministry", "province", NULL};
static const char *const categories[] = {
    "integration-platform", "portal", "document-exchange", "reporting", "cabinet",
    "identity", "pki", "payment", "network", "data-portal", "data-center",
    "security-monitoring", "other", NULL};
static const char *const req_sections[] = {"platforms", "applications", "infrastructure", NULL};
static const char *const tree_keys[EGAF_TREE__COUNT] = {"brm", "drm", "arm", "trm", "srm"};

/* ---- dates ---- */

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* "YYYY" or "YYYY-MM-DD"; a bare year is 1 January for a start, 31 December
 * for an end. */
static bool parse_date(const char *s, bool end, egaf_date *out)
{
    size_t len = strlen(s);
    if (len == 4 && all_digits(s, 4)) {
        int y = atoi(s);
        if (y < 1000)
            return false;
        *out = y * 10000 + (end ? 1231 : 101);
        return true;
    }
    if (len != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 4) ||
        !all_digits(s + 5, 2) || !all_digits(s + 8, 2))
        return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return false;
    *out = y * 10000 + m * 100 + d;
    return true;
}

static egaf_date next_day(egaf_date d)
{
    int y = d / 10000, m = d / 100 % 100, day = d % 100;
    if (++day > days_in_month(y, m)) {
        day = 1;
        if (++m > 12) {
            m = 1;
            y++;
        }
    }
    return y * 10000 + m * 100 + day;
}

/* Intervals of days; 0 is an open end. */
static bool valid_on(egaf_date from, egaf_date to, egaf_date day)
{
    return (from == 0 || from <= day) && (to == 0 || to >= day);
}

static bool overlap(egaf_date af, egaf_date at, egaf_date bf, egaf_date bt)
{
    return (af == 0 || bt == 0 || af <= bt) && (bf == 0 || at == 0 || bf <= at);
}

/* [inner_from, inner_to] lies within [outer_from, outer_to]. */
static bool covers(egaf_date outer_from, egaf_date outer_to, egaf_date inner_from,
                   egaf_date inner_to)
{
    return (outer_from == 0 || (inner_from != 0 && inner_from >= outer_from)) &&
           (outer_to == 0 || (inner_to != 0 && inner_to <= outer_to));
}

static void date_text(egaf_date d, char *buf, size_t size)
{
    if (d == 0)
        snprintf(buf, size, "(open)");
    else
        snprintf(buf, size, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
}

/* ---- small helpers ---- */

static void *alloc(loader *ld, size_t size)
{
    void *p = egaf_arena_alloc(ld->refs->arena, size ? size : 1);
    if (!p)
        ld->oom = true;
    return p;
}

static const char *copy_scalar(loader *ld, const egaf_ynode *n)
{
    char *s = egaf_arena_strndup(ld->refs->arena, n->u.scalar.text, n->u.scalar.len);
    if (!s)
        ld->oom = true;
    return s;
}

static const char *key_name(const egaf_ynode *k)
{
    return k->kind == EGAF_Y_SCALAR ? k->u.scalar.text : "?";
}

static bool in_list(const char *s, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(s, list[i]) == 0)
            return true;
    return false;
}

/* ^[a-z0-9]+(-[a-z0-9]+)*$ */
static bool id_syntax_ok(const char *s)
{
    bool prev_dash = true;
    if (!*s)
        return false;
    for (; *s; s++) {
        if (*s == '-') {
            if (prev_dash)
                return false;
            prev_dash = true;
        } else if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')) {
            prev_dash = false;
        } else {
            return false;
        }
    }
    return !prev_dash;
}

/* "000.00.00.G05": QĐ 20/2020/QĐ-TTg's pattern for the bodies in this data. */
static bool organ_code_ok(const char *s)
{
    return strlen(s) == 13 && all_digits(s, 3) && s[3] == '.' && all_digits(s + 4, 2) &&
           s[6] == '.' && all_digits(s + 7, 2) && s[9] == '.' && s[10] >= 'A' &&
           s[10] <= 'Z' && all_digits(s + 11, 2);
}

/* Reports every key of map that is not in keys, with a did-you-mean. */
static void check_keys(loader *ld, const egaf_ynode *map, const char *const *keys,
                       const char *where, const char *element)
{
    for (size_t i = 0; i < map->u.map.count; i++) {
        const egaf_ynode *k = map->u.map.pairs[i].key;
        const char *name = key_name(k);
        if (k->kind == EGAF_Y_SCALAR && in_list(name, keys))
            continue;
        egaf_finding *f = egaf_diag(ld->diags, "refs.schema", &k->mark, element,
                                    _("unknown key '%s' in %s"), name, where);
        const char *s = egaf_suggest(name, keys, egaf_list_count(keys));
        if (s)
            egaf_diag_hint(ld->diags, f, _("did you mean '%s'?"), s);
    }
}

static bool is_map(loader *ld, const egaf_ynode *n, const char *what, const char *element)
{
    if (n->kind == EGAF_Y_MAP)
        return true;
    egaf_diag(ld->diags, "refs.schema", &n->mark, element, _("%s must be a map; found %s"), what,
              egaf_ynode_describe(n));
    return false;
}

/* The value under key when it is a list (EGAF_Y_SEQ) or a text
 * (EGAF_Y_SCALAR), as kind asks; NULL when absent or null, or when it is
 * something else (reported). */
static const egaf_ynode *get_node(loader *ld, const egaf_ynode *map, const char *key,
                                  egaf_ykind kind, const char *element)
{
    const egaf_ynode *v = egaf_ynode_get(map, key);
    if (!v || egaf_ynode_is_null(v))
        return NULL;
    if (v->kind == kind)
        return v;
    egaf_diag(ld->diags, "refs.schema", &v->mark, element,
              kind == EGAF_Y_SEQ ? _("'%s' must be a list; found %s")
                                 : _("'%s' must be text; found %s"),
              key, egaf_ynode_describe(v));
    return NULL;
}

/* is_map, then check_keys on the map: a map that may hold only keys. */
static bool map_with_keys(loader *ld, const egaf_ynode *n, const char *const *keys,
                          const char *what, const char *element)
{
    if (!is_map(ld, n, what, element))
        return false;
    check_keys(ld, n, keys, what, element);
    return true;
}

/* The list under key, or NULL when absent or null. Anything but a list is
 * reported. */
static const egaf_ynode *get_seq(loader *ld, const egaf_ynode *map, const char *key,
                                 const char *element)
{
    return get_node(ld, map, key, EGAF_Y_SEQ, element);
}

/* The text under key (copied into the refs' arena), or NULL when absent,
 * null or not text (reported). */
static const char *get_text(loader *ld, const egaf_ynode *map, const char *key,
                            const char *element, egaf_mark *mark)
{
    const egaf_ynode *v = get_node(ld, map, key, EGAF_Y_SCALAR, element);
    if (!v)
        return NULL;
    if (mark)
        *mark = v->mark;
    return copy_scalar(ld, v);
}

/* Like get_text; a missing or empty key is reported under rule, the message
 * naming the map as phrase ("an owner of 'ngsp'"). */
static const char *need_text_in(loader *ld, const egaf_ynode *map, const char *key,
                                const char *rule, const char *phrase, const char *element,
                                egaf_mark *mark)
{
    const char *s = get_text(ld, map, key, element, mark);
    const egaf_ynode *v = egaf_ynode_get(map, key);
    if (!s && !v) {
        egaf_finding *f =
            egaf_diag(ld->diags, rule, &map->mark, element, _("%s has no '%s'"), phrase, key);
        if (strcmp(rule, "refs.missing-source") == 0)
            egaf_diag_hint(ld->diags, f,
                           strcmp(key, "source") == 0
                               ? _("cite the legal instrument, then the facts keys (facts S61,S62)")
                               : _("add 'confidence: confirmed', 'reported', 'inferred' or "
                                   "'unknown'"));
    } else if (!s && egaf_ynode_is_null(v)) {
        egaf_diag(ld->diags, rule, &v->mark, element, _("'%s' of %s is empty"), key, phrase);
    }
    return s;
}

/* need_text_in for a map named by its noun and, when known, its id. */
static const char *need_text(loader *ld, const egaf_ynode *map, const char *key,
                             const char *rule, const char *noun, const char *element,
                             egaf_mark *mark)
{
    char phrase[160];
    if (element)
        snprintf(phrase, sizeof phrase, "%s '%s'", noun, element);
    else
        snprintf(phrase, sizeof phrase, "%s", noun);
    return need_text_in(ld, map, key, rule, phrase, element, mark);
}

/* Text that must be one of values; NULL (reported) otherwise. */
static const char *get_enum(loader *ld, const egaf_ynode *map, const char *key,
                            const char *const *values, const char *element)
{
    egaf_mark mark;
    const char *s = get_text(ld, map, key, element, &mark);
    if (!s || in_list(s, values))
        return s;
    char allowed[256];
    egaf_values_text(values, allowed, sizeof allowed);
    egaf_finding *f = egaf_diag(ld->diags, "refs.schema", &mark, element,
                                _("'%s' must be one of %s; found '%s'"), key, allowed, s);
    const char *sug = egaf_suggest(s, values, egaf_list_count(values));
    if (sug)
        egaf_diag_hint(ld->diags, f, _("did you mean '%s'?"), sug);
    return NULL;
}

/* get_enum for a key the map must have, the map named by its noun and id. */
static const char *need_enum(loader *ld, const egaf_ynode *map, const char *key,
                             const char *const *values, const char *noun, const char *element)
{
    if (!need_text(ld, map, key, "refs.schema", noun, element, NULL))
        return NULL;
    return get_enum(ld, map, key, values, element);
}

static egaf_date get_date(loader *ld, const egaf_ynode *map, const char *key, bool end,
                          const char *element, egaf_mark *mark)
{
    egaf_mark m;
    const char *s = get_text(ld, map, key, element, &m);
    egaf_date d = 0;
    if (!s)
        return 0;
    if (mark)
        *mark = m;
    if (!parse_date(s, end, &d)) {
        egaf_finding *f =
            egaf_diag(ld->diags, "refs.schema", &m, element,
                      _("'%s' must be a date YYYY-MM-DD or a year YYYY; found '%s'"), key, s);
        egaf_diag_hint(ld->diags, f, _("write e.g. %s: 2025-02-28"), key);
        return 0;
    }
    return d;
}

static bool get_bool(loader *ld, const egaf_ynode *map, const char *key, const char *element)
{
    const egaf_ynode *v = egaf_ynode_get(map, key);
    if (!v || egaf_ynode_is_null(v))
        return false;
    if (v->kind == EGAF_Y_SCALAR && v->style == EGAF_Y_PLAIN) {
        if (strcmp(v->u.scalar.text, "true") == 0)
            return true;
        if (strcmp(v->u.scalar.text, "false") == 0)
            return false;
    }
    egaf_diag(ld->diags, "refs.schema", &v->mark, element,
              _("'%s' must be true or false; found %s"), key, egaf_ynode_describe(v));
    return false;
}

/* A list of texts under key (a single text counts as a list of one), with
 * the position of each item when marks is not NULL. */
static const char **get_texts(loader *ld, const egaf_ynode *map, const char *key,
                              const char *element, size_t *count, egaf_mark **marks)
{
    *count = 0;
    if (marks)
        *marks = NULL;
    const egaf_ynode *v = egaf_ynode_get(map, key);
    if (!v || egaf_ynode_is_null(v))
        return NULL;
    const egaf_ynode *const *items = (const egaf_ynode *const *)&v;
    size_t n = 1;
    if (v->kind == EGAF_Y_SEQ) {
        items = (const egaf_ynode *const *)v->u.seq.items;
        n = v->u.seq.count;
    } else if (v->kind != EGAF_Y_SCALAR) {
        egaf_diag(ld->diags, "refs.schema", &v->mark, element,
                  _("'%s' must be a list of texts; found %s"), key, egaf_ynode_describe(v));
        return NULL;
    }
    const char **out = alloc(ld, sizeof(*out) * (n + 1));
    egaf_mark *m = marks ? alloc(ld, sizeof(*m) * (n + 1)) : NULL;
    if (!out || (marks && !m))
        return NULL;
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        const egaf_ynode *item = items[i];
        if (item->kind != EGAF_Y_SCALAR || egaf_ynode_is_null(item)) {
            egaf_diag(ld->diags, "refs.schema", &item->mark, element,
                      _("items of '%s' must be text; found %s"), key, egaf_ynode_describe(item));
            continue;
        }
        if (m)
            m[c] = item->mark;
        out[c++] = copy_scalar(ld, item);
    }
    *count = c;
    if (marks)
        *marks = m;
    return out;
}

/* The model levels (ministry, province) under key, each checked. */
static const char **get_model_levels(loader *ld, const egaf_ynode *map, const char *key,
                                     const char *element, size_t *count)
{
    egaf_mark *marks = NULL;
    const char **levels = get_texts(ld, map, key, element, count, &marks);
    for (size_t j = 0; j < *count; j++)
        if (!in_list(levels[j], model_levels))
            egaf_diag(ld->diags, "refs.schema", &marks[j], element,
                      strcmp(key, "levels") == 0
                          ? _("'levels' must be ministry or province; found '%s'")
                          : _("'level' must be ministry or province; found '%s'"),
                      levels[j]);
    return levels;
}

static void check_confidence(loader *ld, const egaf_ynode *map, const char *element)
{
    get_enum(ld, map, "confidence", confidences, element);
}

static egaf_confidence confidence_of(const char *s)
{
    for (int i = 0; s && confidences[i]; i++)
        if (strcmp(s, confidences[i]) == 0)
            return (egaf_confidence)i;
    return EGAF_CONF_UNKNOWN;
}

/* The confidence under key of map, checked; unknown when absent or wrong. */
static egaf_confidence get_confidence(loader *ld, const egaf_ynode *map, const char *element)
{
    return confidence_of(get_enum(ld, map, "confidence", confidences, element));
}

/* An internal label of the fact sheet ("S27", "facts §6.3"): a citation must
 * be something a reader can look up, an instrument or a page address. */
static bool internal_label(const char *s)
{
    if (strstr(s, "facts S") || strstr(s, "facts §"))
        return true;
    for (const char *p = s; *p; p++) {
        if (*p != 'S' || (p > s && (p[-1] != ' ' && p[-1] != ',' && p[-1] != '(')))
            continue;
        const char *q = p + 1;
        while (*q >= '0' && *q <= '9')
            q++;
        if (q > p + 1 && (*q == '\0' || *q == ',' || *q == ' ' || *q == ')' || *q == ';' ||
                          (*q >= 'a' && *q <= 'c' && (q[1] == '\0' || q[1] == ',' || q[1] == ' '))))
            return true;
    }
    return false;
}

/* `source`: one citation or a list of them. Each is checked for internal
 * labels. Returns the citations joined by "; " (for one-line displays), NULL
 * when absent. */
static const char *get_citations(loader *ld, const egaf_ynode *map, const char *element,
                                 egaf_ref_fact *fact)
{
    egaf_mark *marks = NULL;
    size_t n = 0;
    const char **list = get_texts(ld, map, "source", element, &n, &marks);
    if (!list || n == 0)
        return NULL;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        len += strlen(list[i]) + 2;
        if (internal_label(list[i])) {
            egaf_finding *f = egaf_diag(ld->diags, "refs.missing-source", &marks[i], element,
                                        _("source '%s' is an internal label, not a citation"),
                                        list[i]);
            egaf_diag_hint(ld->diags, f,
                           _("cite the instrument with its date (\"QĐ 09/2025/QĐ-TTg "
                             "(14/4/2025)\") or the page address"));
        }
    }
    char *joined = alloc(ld, len + 1);
    if (!joined)
        return NULL;
    joined[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(joined, "; ");
        strcat(joined, list[i]);
    }
    if (fact) {
        fact->sources = list;
        fact->nsources = n;
    }
    return joined;
}

static void check_id(loader *ld, const egaf_ynode *map, const char *id, const char *element)
{
    if (id_syntax_ok(id))
        return;
    egaf_finding *f = egaf_diag(ld->diags, "refs.schema", &egaf_ynode_get(map, "id")->mark, element,
                                _("id '%s' is not of the form ^[a-z0-9]+(-[a-z0-9]+)*$"), id);
    egaf_diag_hint(ld->diags, f, _("lower case without diacritics, words joined by '-'"));
}

/* The raw id of a map, for naming it in findings before it is checked. */
static const char *raw_id(const egaf_ynode *map, const char *key)
{
    const egaf_ynode *v = egaf_ynode_get(map, key);
    return v && v->kind == EGAF_Y_SCALAR && !egaf_ynode_is_null(v) ? v->u.scalar.text : NULL;
}

/* A map's own provenance: `source` (one citation or a list) and
 * `confidence`, both required (refs.missing-source). phrase names the map. */
static void need_fact(loader *ld, const egaf_ynode *map, const char *phrase, const char *element,
                      egaf_ref_fact *fact, const char **source, const char **confidence)
{
    memset(fact, 0, sizeof(*fact));
    const char *src = get_citations(ld, map, element, fact);
    if (!src && !egaf_ynode_get(map, "source")) {
        egaf_finding *f = egaf_diag(ld->diags, "refs.missing-source", &map->mark, element,
                                    _("%s has no '%s'"), phrase, "source");
        egaf_diag_hint(ld->diags, f,
                       _("cite the instrument with its date, or the page address"));
    }
    const char *conf = need_text_in(ld, map, "confidence", "refs.missing-source", phrase, element,
                                    NULL);
    check_confidence(ld, map, element);
    fact->confidence = confidence_of(conf);
    egaf_mark note_mark = map->mark;
    fact->note = get_text(ld, map, "note", element, &note_mark);
    if (fact->note && internal_label(fact->note)) {
        egaf_finding *f = egaf_diag(ld->diags, "refs.missing-source", &note_mark, element,
                                    _("the note of '%s' cites an internal label, not a citation"),
                                    element ? element : "?");
        egaf_diag_hint(ld->diags, f,
                       _("cite the instrument with its date, or the page address"));
    }
    if (source)
        *source = src;
    if (confidence)
        *confidence = conf;
}

/* The `source` of a framework item (one citation or a list), required. */
static const char *need_source(loader *ld, const egaf_ynode *map, const char *noun,
                               const char *element)
{
    const char *src = get_citations(ld, map, element, NULL);
    if (!src && !egaf_ynode_get(map, "source")) {
        egaf_finding *f = egaf_diag(ld->diags, "refs.missing-source", &map->mark, element,
                                    _("%s '%s' has no '%s'"), noun, element ? element : "?",
                                    "source");
        egaf_diag_hint(ld->diags, f,
                       _("cite the instrument with its date, or the page address"));
    }
    return src;
}

/* The `confidence` of a framework item, required. */
static egaf_confidence need_confidence(loader *ld, const egaf_ynode *map, const char *noun,
                                       const char *element)
{
    need_text(ld, map, "confidence", "refs.missing-source", noun, element, NULL);
    return get_confidence(ld, map, element);
}

/* ---- entries ---- */

static bool push_entry(loader *ld, egaf_ref_entry *e)
{
    egaf_refs *r = ld->refs;
    r->entries = egaf_grow(r->entries, &ld->cap_entries, r->nentries, sizeof(*r->entries), 256);
    if (r->nentries == ld->cap_entries) {
        ld->oom = true;
        return false;
    }
    r->entries[r->nentries++] = e;
    return true;
}

/* By egaf_ref_kind: the noun of findings (translated) and the name of the
 * files and of --kind (never translated). */
static const char *const kind_nouns[] = {
    [EGAF_RK_AGENCY] = N_("agency"), [EGAF_RK_SHARED_SYSTEM] = N_("shared system"),
    [EGAF_RK_NATIONAL_DATABASE] = N_("national database"),
    [EGAF_RK_DATA_SUBJECT] = N_("data subject")};
static const char *const kind_names[] = {
    [EGAF_RK_AGENCY] = "agency", [EGAF_RK_SHARED_SYSTEM] = "shared-system",
    [EGAF_RK_NATIONAL_DATABASE] = "national-database", [EGAF_RK_DATA_SUBJECT] = "data-subject"};
_Static_assert(sizeof kind_nouns / sizeof *kind_nouns == EGAF_RK_DATA_SUBJECT + 1 &&
                   sizeof kind_names / sizeof *kind_names == EGAF_RK_DATA_SUBJECT + 1,
               "a noun and a name for every kind of entry");

static const char *kind_noun(egaf_ref_kind kind)
{
    return (unsigned)kind <= EGAF_RK_DATA_SUBJECT ? _(kind_nouns[kind]) : _("entry");
}

static void parse_facts(loader *ld, entry_ext *x, const egaf_ynode *node);

/* The keys every entry has, then what its kind adds. Returns the entry,
 * registered under its id, or NULL when it has no usable id. */
static entry_ext *new_entry(loader *ld, egaf_ref_kind kind, const egaf_ynode *node,
                            const char *const *keys)
{
    const char *noun = kind_noun(kind);
    const char *rid = raw_id(node, "id");
    if (!is_map(ld, node, noun, NULL))
        return NULL;
    char where[64];
    snprintf(where, sizeof where, "%s '%s'", noun, rid ? rid : "?");
    check_keys(ld, node, keys, where, rid);
    char phrase[96];
    snprintf(phrase, sizeof phrase, _("an entry of kind %s"), egaf_ref_kind_name(kind));
    const char *id = need_text_in(ld, node, "id", "refs.schema", phrase, NULL, NULL);
    if (!id)
        return NULL;
    check_id(ld, node, id, id);
    entry_ext *x = alloc(ld, sizeof(*x));
    if (!x)
        return NULL;
    egaf_ref_entry *e = &x->e;
    e->kind = kind;
    e->id = id;
    e->mark = node->mark;
    e->name = need_text(ld, node, "name", "refs.schema", noun, id, NULL);
    e->name_en = get_text(ld, node, "name-en", id, NULL);
    e->abbr = get_text(ld, node, "abbr", id, NULL);
    char phrase2[160];
    snprintf(phrase2, sizeof phrase2, "%s '%s'", noun, id);
    need_fact(ld, node, phrase2, id, &e->fact, &e->source, &e->confidence);
    e->note = e->fact.note;
    e->fact.note = NULL; /* the entry's note is about the entry, printed once */
    e->start_fact = e->end_fact = e->code_fact = e->successor_fact = e->gso_fact = e->fact;
    const egaf_ynode *from = egaf_ynode_get(node, "valid-from");
    if (from && from->kind == EGAF_Y_SCALAR && strcmp(from->u.scalar.text, "unknown") == 0) {
        /* the start is not known: no year check may fail on it */
        e->start_fact.confidence = EGAF_CONF_UNKNOWN;
        e->valid_from = 0;
    } else {
        e->valid_from = get_date(ld, node, "valid-from", false, id, NULL);
    }
    e->listed = get_date(ld, node, "listed", false, id, NULL);
    x->valid_to_mark = node->mark;
    e->valid_to = get_date(ld, node, "valid-to", true, id, &x->valid_to_mark);
    if (e->valid_from && e->valid_to && e->valid_from > e->valid_to) {
        char a[16], b[16];
        date_text(e->valid_from, a, sizeof a);
        date_text(e->valid_to, b, sizeof b);
        egaf_diag(ld->diags, "refs.schema", &x->valid_to_mark, id,
                  _("%s '%s' ends (%s) before it starts (%s)"), noun, id, b, a);
    }
    bool oom = false;
    egaf_ref_entry *first = egaf_strmap_put(&ld->refs->by_id, id, strlen(id), e, &oom);
    if (oom) {
        ld->oom = true;
        return NULL;
    }
    if (first) {
        egaf_finding *f;
        if (first->kind == kind)
            f = egaf_diag(ld->diags, "refs.duplicate-id", &node->mark, id,
                          _("%s id '%s' is used twice"), noun, id);
        else
            f = egaf_diag(ld->diags, "refs.duplicate-id", &node->mark, id,
                          _("id '%s' of a %s is already the id of a %s"), id, noun,
                          kind_noun(first->kind));
        egaf_diag_related(ld->diags, f, &first->mark, _("'%s' is first defined here"), id);
        egaf_diag_hint(ld->diags, f,
                       _("ids are unique across all reference files; give the "
                         "new entry its own id"));
        return NULL;
    }
    if (!push_entry(ld, e))
        return NULL;
    parse_facts(ld, x, node);
    return x;
}

/* facts: {valid-from|valid-to|organ-code|successor|gso-code: {source, confidence,
 * note}}: the provenance of one fact of the entry when it is not the entry's
 * own. organ-code may also say from which day the code names the agency. */
static void parse_facts(loader *ld, entry_ext *x, const egaf_ynode *node)
{
    static const char *const fact_keys[] = {"valid-from", "valid-to", "organ-code", "successor",
                                            "gso-code", NULL};
    static const char *const keys[] = {"source", "confidence", "note", NULL};
    static const char *const code_keys[] = {"source", "confidence", "note", "valid-from", NULL};
    egaf_ref_entry *e = &x->e;
    const egaf_ynode *facts = egaf_ynode_get(node, "facts");
    if (!facts || egaf_ynode_is_null(facts) ||
        !map_with_keys(ld, facts, fact_keys, "'facts'", e->id))
        return;
    egaf_ref_fact *slots[] = {&e->start_fact, &e->end_fact, &e->code_fact, &e->successor_fact,
                              &e->gso_fact};
    for (size_t i = 0; fact_keys[i]; i++) {
        const egaf_ynode *f = egaf_ynode_get(facts, fact_keys[i]);
        bool code = strcmp(fact_keys[i], "organ-code") == 0;
        if (!f || !map_with_keys(ld, f, code ? code_keys : keys, fact_keys[i], e->id))
            continue;
        if (!egaf_ynode_get(node, fact_keys[i]))
            egaf_diag(ld->diags, "refs.schema", &f->mark, e->id,
                      _("'facts' of '%s' gives the provenance of '%s', which it does not have"),
                      e->id, fact_keys[i]);
        char phrase[160];
        snprintf(phrase, sizeof phrase, _("the fact '%s' of '%s'"), fact_keys[i], e->id);
        bool unknown_start = i == 0 && e->start_fact.confidence == EGAF_CONF_UNKNOWN &&
                             e->valid_from == 0;
        need_fact(ld, f, phrase, e->id, slots[i], NULL, NULL);
        if (unknown_start)
            slots[i]->confidence = EGAF_CONF_UNKNOWN;
        if (code)
            e->code_from = get_date(ld, f, "valid-from", false, e->id, NULL);
    }
}

/* owners: [{agency, valid-from, valid-to, confidence}], checked against the
 * agencies: each owner exists over its whole period, and the owners follow
 * one another with no gap and no overlap while the entry exists. */
static void parse_owners(loader *ld, entry_ext *x, const egaf_ynode *node, bool required)
{
    static const char *const keys[] = {"agency", "valid-from", "valid-to", "confidence",
                                       "source", "note", NULL};
    egaf_ref_entry *e = &x->e;
    const egaf_ynode *seq = get_seq(ld, node, "owners", e->id);
    if (!seq) {
        if (required && !egaf_ynode_get(node, "owners")) {
            egaf_finding *f = egaf_diag(ld->diags, "refs.schema", &node->mark, e->id,
                                        _("%s '%s' has no 'owners'"), kind_noun(e->kind), e->id);
            egaf_diag_hint(ld->diags, f, _("add owners: [{agency: ID, confidence: ...}]"));
        }
        return;
    }
    e->owners = alloc(ld, sizeof(*e->owners) * (seq->u.seq.count + 1));
    egaf_mark *marks = alloc(ld, sizeof(*marks) * (seq->u.seq.count + 1));
    if (!e->owners || !marks)
        return;
    for (size_t i = 0; i < seq->u.seq.count; i++) {
        const egaf_ynode *it = seq->u.seq.items[i];
        if (!map_with_keys(ld, it, keys, "an owner", e->id))
            continue;
        egaf_ref_owner o;
        memset(&o, 0, sizeof(o));
        char phrase[160];
        snprintf(phrase, sizeof phrase, _("an owner of '%s'"), e->id);
        o.agency = need_text_in(ld, it, "agency", "refs.schema", phrase, e->id,
                                &marks[e->nowners]);
        o.valid_from = get_date(ld, it, "valid-from", false, e->id, NULL);
        o.valid_to = get_date(ld, it, "valid-to", true, e->id, NULL);
        /* an owner without its own source rests on the entry's */
        if (!get_citations(ld, it, e->id, &o.fact)) {
            o.fact.sources = e->fact.sources;
            o.fact.nsources = e->fact.nsources;
        }
        o.confidence =
            need_text_in(ld, it, "confidence", "refs.missing-source", phrase, e->id, NULL);
        o.fact.confidence = get_confidence(ld, it, e->id);
        o.fact.note = get_text(ld, it, "note", e->id, NULL);
        if (!o.agency)
            continue;
        e->owners[e->nowners++] = o;
    }
    if (!ld->agencies_ok)
        return;
    char a[16], b[16];
    for (size_t i = 0; i < e->nowners; i++) {
        const egaf_ref_owner *o = &e->owners[i];
        /* an owner without dates starts and ends with the entry */
        egaf_date from = o->valid_from ? o->valid_from : e->valid_from;
        egaf_date to = o->valid_to ? o->valid_to : e->valid_to;
        const egaf_ref_entry *ag = egaf_refs_find(ld->refs, o->agency);
        if (!ag || ag->kind != EGAF_RK_AGENCY) {
            egaf_finding *f = egaf_diag(ld->diags, "refs.unresolved", &marks[i], e->id,
                                        _("owner '%s' of '%s' is not an agency of agencies.yaml"),
                                        o->agency, e->id);
            const char **cands = malloc(sizeof(*cands) * (ld->refs->nentries + 1));
            if (cands) {
                size_t c = 0;
                for (size_t j = 0; j < ld->refs->nentries; j++)
                    if (ld->refs->entries[j]->kind == EGAF_RK_AGENCY)
                        cands[c++] = ld->refs->entries[j]->id;
                const char *s = egaf_suggest(o->agency, cands, c);
                if (s)
                    egaf_diag_hint(ld->diags, f, _("did you mean '%s'?"), s);
                free(cands);
            }
            continue;
        }
        if (!covers(ag->valid_from, ag->valid_to, from, to)) {
            date_text(from, a, sizeof a);
            date_text(to, b, sizeof b);
            egaf_finding *f =
                egaf_diag(ld->diags, "refs.unresolved", &marks[i], e->id,
                          _("owner '%s' of '%s' (%s to %s) does not exist over that whole period"),
                          o->agency, e->id, a, b);
            egaf_diag_related(ld->diags, f, &ag->mark, _("'%s' is defined here"), ag->id);
            egaf_diag_hint(ld->diags, f,
                           _("close the owner with valid-to and add the successor "
                             "as the next owner"));
        }
    }
    if (e->nowners == 0)
        return;
    const egaf_ref_owner *o0 = &e->owners[0];
    if (o0->valid_from && (e->valid_from == 0 || o0->valid_from > e->valid_from)) {
        date_text(o0->valid_from, a, sizeof a);
        egaf_diag(ld->diags, "refs.schema", &marks[0], e->id,
                  _("'%s' has no owner before %s, while it exists"), e->id, a);
    }
    for (size_t i = 1; i < e->nowners; i++) {
        const egaf_ref_owner *p = &e->owners[i - 1], *o = &e->owners[i];
        if (p->valid_to == 0 || o->valid_from == 0 || o->valid_from <= p->valid_to) {
            egaf_finding *f =
                egaf_diag(ld->diags, "refs.schema", &marks[i], e->id,
                          _("owners '%s' and '%s' of '%s' overlap"), p->agency, o->agency, e->id);
            egaf_diag_hint(ld->diags, f,
                           _("exactly one owner holds on any day: close the first "
                             "with valid-to, start the next the day after"));
        } else if (o->valid_from != next_day(p->valid_to)) {
            date_text(p->valid_to, a, sizeof a);
            date_text(o->valid_from, b, sizeof b);
            egaf_diag(ld->diags, "refs.schema", &marks[i], e->id,
                      _("'%s' has no owner between %s and %s"), e->id, a, b);
        }
    }
    const egaf_ref_owner *ol = &e->owners[e->nowners - 1];
    if (ol->valid_to && (e->valid_to == 0 || ol->valid_to < e->valid_to)) {
        date_text(ol->valid_to, a, sizeof a);
        egaf_diag(ld->diags, "refs.schema", &marks[e->nowners - 1], e->id,
                  _("'%s' has no owner after %s, while it exists"), e->id, a);
    }
}

static void add_code(loader *ld, const char *key, const egaf_ref_entry *e, egaf_mark mark,
                     const char *what)
{
    code_link *l = alloc(ld, sizeof(*l));
    if (!l)
        return;
    l->entry = e;
    l->mark = mark;
    bool oom = false;
    code_link *head = egaf_strmap_put(&ld->refs->by_code, key, strlen(key), l, &oom);
    if (oom) {
        ld->oom = true;
        return;
    }
    if (!head)
        return;
    for (const code_link *c = head; c; c = c->next) {
        const egaf_ref_entry *o = c->entry;
        if (!overlap(o->valid_from, o->valid_to, e->valid_from, e->valid_to))
            continue;
        egaf_finding *f =
            egaf_diag(ld->diags, "refs.duplicate-id", &mark, e->id,
                      _("%s '%s' of '%s' is also the code of '%s' on the same days"), what,
                      strchr(key, ':') ? strchr(key, ':') + 1 : key, e->id, o->id);
        egaf_diag_related(ld->diags, f, &c->mark, _("'%s' has it here"), o->id);
        egaf_diag_hint(ld->diags, f,
                       _("a code names one agency on any day; check valid-from "
                         "and valid-to"));
        break;
    }
    /* the chain keeps file order */
    code_link *t = head;
    while (t->next)
        t = t->next;
    t->next = l;
}

static void parse_agency(loader *ld, const egaf_ynode *node)
{
    static const char *const keys[] = {
        "id", "name", "name-en", "abbr", "note", "url", "level", "organ-code", "gso-code",
        "municipality", "valid-from", "valid-to", "successor", "source", "confidence",
        "listed", "facts", NULL};
    entry_ext *x = new_entry(ld, EGAF_RK_AGENCY, node, keys);
    if (!x)
        return;
    egaf_ref_entry *e = &x->e;
    e->level = need_enum(ld, node, "level", agency_levels, "agency", e->id);
    bool province = e->level && strcmp(e->level, "province") == 0;
    egaf_mark mark = node->mark;
    e->organ_code = get_text(ld, node, "organ-code", e->id, &mark);
    if (e->organ_code) {
        if (!organ_code_ok(e->organ_code)) {
            egaf_finding *f = egaf_diag(ld->diags, "refs.schema", &mark, e->id,
                                        _("organ code '%s' of '%s' is not of the form "
                                          "000.00.00.X00"),
                                        e->organ_code, e->id);
            egaf_diag_hint(ld->diags, f, _("QĐ 20/2020/QĐ-TTg codes, e.g. \"000.00.00.G05\""));
        }
        add_code(ld, e->organ_code, e, mark, "organ code");
    }
    e->gso_code = get_text(ld, node, "gso-code", e->id, &mark);
    if (e->gso_code) {
        if (!province)
            egaf_diag(ld->diags, "refs.schema", &mark, e->id,
                      _("'gso-code' is for provinces; '%s' is not one"), e->id);
        else if (strlen(e->gso_code) != 2 || !all_digits(e->gso_code, 2))
            egaf_diag(ld->diags, "refs.schema", &mark, e->id,
                      _("statistics code '%s' of '%s' must be two digits, quoted (\"01\")"),
                      e->gso_code, e->id);
        char *key = egaf_arena_printf(ld->refs->arena, "gso:%s", e->gso_code);
        if (!key)
            ld->oom = true;
        else if (province)
            add_code(ld, key, e, mark, "statistics code");
    }
    e->municipality = get_bool(ld, node, "municipality", e->id);
    if (egaf_ynode_get(node, "municipality") && !province)
        egaf_diag(ld->diags, "refs.schema", &egaf_ynode_get(node, "municipality")->mark, e->id,
                  _("'municipality' is for provinces; '%s' is not one"), e->id);
    e->successors = get_texts(ld, node, "successor", e->id, &e->nsuccessors, &x->successor_marks);
    if (e->valid_to && e->nsuccessors == 0 && !egaf_ynode_get(node, "successor")) {
        egaf_finding *f = egaf_diag(ld->diags, "refs.schema", &x->valid_to_mark, e->id,
                                    _("'%s' ends but names no successor"), e->id);
        egaf_diag_hint(ld->diags, f,
                       _("valid-to and successor come together: add successor: "
                         "[ID] (the agencies that take over)"));
    }
    if (!e->valid_to && egaf_ynode_get(node, "successor"))
        egaf_diag(ld->diags, "refs.schema", &egaf_ynode_get(node, "successor")->mark, e->id,
                  _("'%s' has a successor but no valid-to"), e->id);
}

static void parse_system(loader *ld, const egaf_ynode *node)
{
    static const char *const keys[] = {
        "id", "name", "name-en", "abbr", "note", "url", "category", "purpose", "owners",
        "valid-from", "valid-to", "editions", "connect", "source", "confidence", "listed",
        "facts", NULL};
    static const char *const connect_keys[] = {"level", "component", NULL};
    entry_ext *x = new_entry(ld, EGAF_RK_SHARED_SYSTEM, node, keys);
    if (!x)
        return;
    egaf_ref_entry *e = &x->e;
    e->category = need_enum(ld, node, "category", categories, "shared system", e->id);
    e->purpose = get_text(ld, node, "purpose", e->id, NULL);
    parse_owners(ld, x, node, true);
    e->editions = get_texts(ld, node, "editions", e->id, &e->neditions, &x->edition_marks);
    if (!egaf_ynode_get(node, "editions"))
        egaf_diag(ld->diags, "refs.schema", &node->mark, e->id,
                  _("shared system '%s' has no 'editions'"), e->id);
    const egaf_ynode *seq = get_seq(ld, node, "connect", e->id);
    if (!seq)
        return;
    e->connects = alloc(ld, sizeof(*e->connects) * (seq->u.seq.count + 1));
    x->connect_marks = alloc(ld, sizeof(*x->connect_marks) * (seq->u.seq.count + 1));
    if (!e->connects || !x->connect_marks)
        return;
    for (size_t i = 0; i < seq->u.seq.count; i++) {
        const egaf_ynode *it = seq->u.seq.items[i];
        if (!map_with_keys(ld, it, connect_keys, "a connect item", e->id))
            continue;
        egaf_ref_connect c;
        memset(&c, 0, sizeof(c));
        c.levels = get_model_levels(ld, it, "level", e->id, &c.nlevels);
        if (!egaf_ynode_get(it, "level"))
            egaf_diag(ld->diags, "refs.schema", &it->mark, e->id,
                      _("a connect item of '%s' has no 'level'"), e->id);
        char phrase[160];
        snprintf(phrase, sizeof phrase, _("a connect item of '%s'"), e->id);
        c.component = need_text_in(ld, it, "component", "refs.schema", phrase, e->id,
                                   &x->connect_marks[e->nconnects]);
        if (c.component)
            e->connects[e->nconnects++] = c;
    }
}

static void parse_subject(loader *ld, const egaf_ynode *node)
{
    static const char *const keys[] = {"id",  "name",   "name-en",    "abbr",
                                       "note", "url",   "source",     "confidence",
                                       NULL};
    new_entry(ld, EGAF_RK_DATA_SUBJECT, node, keys);
}

static void parse_database(loader *ld, const egaf_ynode *node)
{
    static const char *const keys[] = {
        "id", "name", "name-en", "abbr", "note", "url", "priority-714", "owners",
        "authoritative-for", "valid-from", "valid-to", "source", "confidence", "listed",
        "facts", NULL};
    entry_ext *x = new_entry(ld, EGAF_RK_NATIONAL_DATABASE, node, keys);
    if (!x)
        return;
    egaf_ref_entry *e = &x->e;
    e->priority_714 = get_bool(ld, node, "priority-714", e->id);
    parse_owners(ld, x, node, false);
    egaf_mark *marks = NULL;
    e->authoritative_for =
        get_texts(ld, node, "authoritative-for", e->id, &e->nauthoritative, &marks);
    for (size_t i = 0; i < e->nauthoritative; i++) {
        const char *sid = e->authoritative_for[i];
        egaf_ref_entry *s = egaf_strmap_get(&ld->refs->by_id, sid, strlen(sid));
        if (!s || s->kind != EGAF_RK_DATA_SUBJECT) {
            egaf_finding *f = egaf_diag(ld->diags, "refs.unresolved", &marks[i], e->id,
                                        _("'%s' of '%s' is not a data subject of "
                                          "national-databases.yaml"),
                                        sid, e->id);
            egaf_diag_hint(ld->diags, f, _("data subjects are listed under 'data-subjects:'"));
            continue;
        }
        if (s->authoritative_db) {
            egaf_finding *f =
                egaf_diag(ld->diags, "refs.duplicate-id", &marks[i], e->id,
                          _("data subject '%s' already has an authoritative database, '%s'"), sid,
                          s->authoritative_db);
            egaf_diag_hint(ld->diags, f,
                           _("one database is the single authoritative source of "
                             "a data subject"));
            continue;
        }
        s->authoritative_db = e->id;
    }
}

/* ---- lists of framework items ---- */

/* How one list of a reference file is read. Every item is a map with the
 * keys of keys, named in findings by the text under id_key until its id is
 * checked; read fills one item, and the list keeps it unless read leaves it
 * out or, where noun is set, an earlier item has the same id. */
typedef struct list_reader {
    const char *item;        /* "a section": an item whose id is not known */
    const char *noun;        /* "section", as in "section 'X' is listed twice"; NULL when
                              * read itself finds an item that repeats another */
    const char *id_key;      /* "id" */
    const char *const *keys; /* the keys an item may have, NULL-terminated */
    size_t size;             /* of one item */
    /* Fills items[n], zeroed, from the map it (rid names it in findings);
     * items[0] to items[n - 1] are the items kept so far. Returns the item's
     * id, or NULL to leave it out. */
    const char *(*read)(loader *ld, const egaf_ynode *it, const char *rid, void *items, size_t n);
} list_reader;

/* A finding when id was already used by an earlier item of the same list. */
static bool dup_in_list(loader *ld, const char *id, const char *const *ids, size_t n,
                        const egaf_mark *mark, const char *what, const char *element)
{
    for (size_t i = 0; i < n; i++)
        if (ids[i] && strcmp(ids[i], id) == 0) {
            egaf_diag(ld->diags, "refs.duplicate-id", mark, element, _("%s '%s' is listed twice"),
                      what, id);
            return true;
        }
    return false;
}

/* The items of the list seq, in an array of the refs' arena (NULL when
 * memory runs out); *count is how many were kept. */
static void *read_list(loader *ld, const egaf_ynode *seq, const list_reader *reader,
                       size_t *count)
{
    char *items = alloc(ld, reader->size * (seq->u.seq.count + 1));
    const char **ids = alloc(ld, sizeof(*ids) * (seq->u.seq.count + 1));
    if (!items || !ids)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < seq->u.seq.count && !ld->oom; i++) {
        const egaf_ynode *it = seq->u.seq.items[i];
        if (!is_map(ld, it, reader->item, NULL))
            continue;
        const char *rid = raw_id(it, reader->id_key);
        check_keys(ld, it, reader->keys, reader->item, rid);
        /* an item left out leaves what it read in the next one's place */
        memset(items + n * reader->size, 0, reader->size);
        const char *id = reader->read(ld, it, rid, items, n);
        if (!id ||
            (reader->noun && dup_in_list(ld, id, ids, n, &it->mark, reader->noun, rid)))
            continue;
        ids[n++] = id;
    }
    *count = n;
    return items;
}

static const char *read_section(loader *ld, const egaf_ynode *it, const char *rid, void *items,
                                size_t n)
{
    egaf_ref_section *s = (egaf_ref_section *)items + n;
    s->id = need_text(ld, it, "id", "refs.schema", "a section", NULL, NULL);
    s->letter = need_text(ld, it, "letter", "refs.schema", "section", rid, NULL);
    s->name = need_text(ld, it, "name", "refs.schema", "section", rid, NULL);
    s->name_en = get_text(ld, it, "name-en", rid, NULL);
    s->keys = get_texts(ld, it, "key", rid, &s->nkeys, NULL);
    if (!egaf_ynode_get(it, "key"))
        egaf_diag(ld->diags, "refs.schema", &it->mark, rid, _("section '%s' has no 'key'"),
                  rid ? rid : "?");
    s->source = need_source(ld, it, "section", rid);
    s->confidence = need_confidence(ld, it, "section", rid);
    return s->id;
}

static const char *const section_keys[] = {"id",   "letter", "name",   "name-en", "key",
                                           "note", "abbr",   "url",    "source",  "confidence",
                                           NULL};
static const list_reader section_list = {"a section", "section", "id", section_keys,
                                         sizeof(egaf_ref_section), read_section};

/* match: {kind: X}, {role: X} or {}: which elements of a model fulfil a
 * required component. */
static void read_match(loader *ld, const egaf_ynode *it, const char *rid,
                       egaf_ref_requirement *r)
{
    static const char *const match_keys[] = {"kind", "role", NULL};
    const egaf_ynode *match = egaf_ynode_get(it, "match");
    if (!match) {
        egaf_diag(ld->diags, "refs.schema", &it->mark, rid,
                  _("required component '%s' has no 'match' ({kind: X}, {role: X} or {})"),
                  rid ? rid : "?");
        return;
    }
    if (!map_with_keys(ld, match, match_keys, "'match'", rid))
        return;
    if (match->u.map.count > 1)
        egaf_diag(ld->diags, "refs.schema", &match->mark, rid,
                  _("'match' takes one key, kind or role"));
    for (size_t j = 0; j < match->u.map.count && !r->match_key; j++) {
        const char *k = key_name(match->u.map.pairs[j].key);
        if (!in_list(k, match_keys))
            continue;
        r->match_value = get_text(ld, match, k, rid, NULL);
        if (r->match_value)
            r->match_key = strcmp(k, "kind") == 0 ? "kind" : "role";
    }
}

/* must-connect: the shared systems of the edition a required component is
 * connected to. */
static void read_must_connect(loader *ld, const egaf_ynode *it, const char *rid,
                              egaf_ref_requirement *r)
{
    egaf_mark *mm = NULL;
    r->must_connect = get_texts(ld, it, "must-connect", rid, &r->nmust_connect, &mm);
    for (size_t j = 0; ld->systems_ok && j < r->nmust_connect; j++) {
        const egaf_ref_entry *s = egaf_refs_find(ld->refs, r->must_connect[j]);
        if (!s || s->kind != EGAF_RK_SHARED_SYSTEM) {
            egaf_diag(ld->diags, "refs.unresolved", &mm[j], rid,
                      _("must-connect '%s' of '%s' is not a shared system of "
                        "shared-systems.yaml"),
                      r->must_connect[j], rid ? rid : "?");
            continue;
        }
        bool listed = false;
        for (size_t k = 0; ld->edition && k < s->neditions; k++)
            listed = listed || strcmp(s->editions[k], ld->edition) == 0;
        if (ld->edition && !listed)
            egaf_diag(ld->diags, "refs.unresolved", &mm[j], rid,
                      _("must-connect '%s' of '%s' is not in edition %s (its 'editions')"),
                      r->must_connect[j], rid ? rid : "?", ld->edition);
    }
}

static const char *read_requirement(loader *ld, const egaf_ynode *it, const char *rid,
                                    void *items, size_t n)
{
    egaf_ref_requirement *r = (egaf_ref_requirement *)items + n;
    r->id = need_text(ld, it, "id", "refs.schema", "a required component", NULL, NULL);
    r->title = need_text(ld, it, "title", "refs.schema", "required component", rid, NULL);
    r->source = need_source(ld, it, "required component", rid);
    r->confidence = need_confidence(ld, it, "required component", rid);
    r->levels = get_model_levels(ld, it, "levels", rid, &r->nlevels);
    if (!egaf_ynode_get(it, "levels"))
        egaf_diag(ld->diags, "refs.schema", &it->mark, rid,
                  _("required component '%s' has no 'levels'"), rid ? rid : "?");
    r->section = need_enum(ld, it, "section", req_sections, "required component", rid);
    read_match(ld, it, rid, r);
    read_must_connect(ld, it, rid, r);
    return r->id;
}

static const char *const requirement_keys[] = {
    "id",   "title", "levels",  "section", "match", "must-connect", "note",
    "abbr", "url",   "name-en", "source",  "confidence", NULL};
static const list_reader requirement_list = {"a required component", "required component", "id",
                                             requirement_keys, sizeof(egaf_ref_requirement),
                                             read_requirement};

static const char *read_route(loader *ld, const egaf_ynode *it, const char *rid, void *items,
                              size_t n)
{
    egaf_ref_route *r = (egaf_ref_route *)items + n;
    r->id = need_text(ld, it, "id", "refs.schema", "a route", NULL, NULL);
    r->name = need_text(ld, it, "name", "refs.schema", "route", rid, NULL);
    r->needs_reason = get_bool(ld, it, "needs-reason", rid);
    r->source = need_source(ld, it, "route", rid);
    r->confidence = need_confidence(ld, it, "route", rid);
    return r->id;
}

static const char *const route_keys[] = {"id",   "name", "name-en", "needs-reason", "note",
                                         "abbr", "url",  "source",  "confidence",   NULL};
static const list_reader route_list = {"a route", "route", "id", route_keys,
                                       sizeof(egaf_ref_route), read_route};

/* A security level is named by its number, which no other level of the
 * edition may have. */
static const char *read_security_level(loader *ld, const egaf_ynode *it, const char *rid,
                                       void *items, size_t n)
{
    egaf_ref_security_level *levels = items, *s = &levels[n];
    const egaf_ynode *lv = egaf_ynode_get(it, "level");
    long long number = 0;
    if (!lv) {
        egaf_diag(ld->diags, "refs.schema", &it->mark, NULL,
                  _("a security level has no "
                    "'level'"));
        return NULL;
    }
    if (!egaf_ynode_int(lv, &number) || number < 1 || number > 5) {
        egaf_diag(ld->diags, "refs.schema", &lv->mark, rid,
                  _("'level' must be a whole number from 1 to 5 (NĐ 85/2016/NĐ-CP)"));
        return NULL;
    }
    s->level = (int)number;
    s->name = need_text(ld, it, "name", "refs.schema", "security level", rid, NULL);
    s->needs_control = get_bool(ld, it, "needs-control", rid);
    s->source = need_source(ld, it, "security level", rid);
    s->confidence = need_confidence(ld, it, "security level", rid);
    for (size_t j = 0; j < n; j++)
        if (levels[j].level == s->level) {
            egaf_diag(ld->diags, "refs.duplicate-id", &lv->mark, rid,
                      _("security level %d is listed twice"), s->level);
            return NULL;
        }
    return rid; /* the level as written: a whole number, read above */
}

static const char *const security_level_keys[] = {"level", "name", "name-en", "needs-control",
                                                  "note",  "abbr", "url",     "source",
                                                  "confidence", NULL};
static const list_reader security_level_list = {"a security level", NULL, "level",
                                                security_level_keys,
                                                sizeof(egaf_ref_security_level),
                                                read_security_level};

static const char *read_target(loader *ld, const egaf_ynode *it, const char *rid, void *items,
                               size_t n)
{
    egaf_ref_target *t = (egaf_ref_target *)items + n;
    t->id = need_text(ld, it, "id", "refs.schema", "a target", NULL, NULL);
    t->mark = it->mark;
    t->unit = get_text(ld, it, "unit", rid, NULL);
    t->measure = get_text(ld, it, "measure", rid, NULL);
    /* an entry without a name measures the national target of its id,
     * whose facts join it once every file is read (join_targets) */
    if (egaf_ynode_get(it, "name")) {
        t->name = need_text(ld, it, "name", "refs.schema", "target", rid, NULL);
        t->source = need_source(ld, it, "target", rid);
        need_confidence(ld, it, "target", rid);
    }
    const egaf_ynode *v = egaf_ynode_get(it, "value");
    if (v) {
        char *end = NULL;
        bool ok = v->kind == EGAF_Y_SCALAR && v->style == EGAF_Y_PLAIN && v->u.scalar.len;
        if (ok) {
            t->value = strtod(v->u.scalar.text, &end);
            ok = end && *end == '\0';
        }
        if (!ok)
            egaf_diag(ld->diags, "refs.schema", &v->mark, rid,
                      _("'value' must be a number; found %s"), egaf_ynode_describe(v));
    }
    return t->id;
}

static const char *const target_keys[] = {"id",      "name", "name-en", "value", "unit",
                                          "measure", "note", "abbr",    "url",   "source",
                                          "confidence", NULL};
static const list_reader target_list = {"a target", "target", "id", target_keys,
                                        sizeof(egaf_ref_target), read_target};

/* ---- frameworks ---- */

/* XRMnnn or XRMnnn.nnn, X the tree's letter. */
static bool code_syntax_ok(const char *code, const char *tree)
{
    size_t len = strlen(code);
    if (len != 6 && len != 10)
        return false;
    for (int i = 0; i < 3; i++)
        if (code[i] != tree[i] - 'a' + 'A')
            return false;
    if (!all_digits(code + 3, 3))
        return false;
    return len == 6 || (code[6] == '.' && all_digits(code + 7, 3));
}

static void parse_tree(loader *ld, egaf_ref_framework *fw, egaf_ref_tree_id tid,
                       const egaf_ynode *node)
{
    static const char *const keys[] = {"name",   "name-en",    "provisional", "source",
                                       "confidence", "note",   "tree",        NULL};
    static const char *const code_keys[] = {"code", "name", "name-en", "note", "confidence",
                                            NULL};
    const char *tk = tree_keys[tid];
    egaf_ref_tree *t = &fw->trees[tid];
    if (!map_with_keys(ld, node, keys, "a code tree", tk))
        return;
    t->name = need_text(ld, node, "name", "refs.schema", "code tree", tk, NULL);
    t->source = need_source(ld, node, "code tree", tk);
    t->confidence = need_confidence(ld, node, "code tree", tk);
    if (!egaf_ynode_get(node, "provisional"))
        egaf_diag(ld->diags, "refs.schema", &node->mark, tk,
                  _("code tree '%s' has no 'provisional' (true when the official list is not "
                    "public)"),
                  tk);
    t->provisional = get_bool(ld, node, "provisional", tk);
    const egaf_ynode *seq = get_seq(ld, node, "tree", tk);
    if (!seq) {
        if (!egaf_ynode_get(node, "tree"))
            egaf_diag(ld->diags, "refs.schema", &node->mark, tk, _("code tree '%s' has no 'tree'"),
                      tk);
        return;
    }
    t->codes = alloc(ld, sizeof(*t->codes) * (seq->u.seq.count + 1));
    if (!t->codes)
        return;
    for (size_t i = 0; i < seq->u.seq.count; i++) {
        const egaf_ynode *it = seq->u.seq.items[i];
        if (!is_map(ld, it, "a code", tk))
            continue;
        const char *rc = raw_id(it, "code");
        check_keys(ld, it, code_keys, "a code", rc);
        egaf_mark cm = it->mark;
        egaf_ref_code c;
        c.code = need_text(ld, it, "code", "refs.schema", "a code", NULL, &cm);
        c.name = need_text(ld, it, "name", "refs.schema", "code", rc, NULL);
        check_confidence(ld, it, rc);
        if (!c.code)
            continue;
        if (!code_syntax_ok(c.code, tk)) {
            char up[4] = {(char)(tk[0] - 'a' + 'A'), 'R', 'M', '\0'};
            egaf_diag(ld->diags, "refs.schema", &cm, rc,
                      _("code '%s' is not of the form %snnn or %snnn.nnn"), c.code, up, up);
            continue;
        }
        bool dup = false, parent = strlen(c.code) == 6;
        for (size_t j = 0; j < t->ncodes; j++) {
            dup = dup || strcmp(t->codes[j].code, c.code) == 0;
            parent = parent || strncmp(t->codes[j].code, c.code, 6) == 0;
        }
        if (dup) {
            egaf_diag(ld->diags, "refs.duplicate-id", &cm, rc, _("code '%s' is listed twice"),
                      c.code);
            continue;
        }
        if (!parent)
            egaf_diag(ld->diags, "refs.unresolved", &cm, rc,
                      _("code '%s' comes before its parent '%.6s' (or the parent is missing)"),
                      c.code, c.code);
        t->codes[t->ncodes++] = c;
    }
}

static void parse_codes(loader *ld, egaf_ref_framework *fw, const egaf_ynode *node)
{
    static const char *const keys[] = {"brm", "drm", "arm", "trm", "srm", NULL};
    if (!map_with_keys(ld, node, keys, "'codes'", NULL))
        return;
    for (int i = 0; i < EGAF_TREE__COUNT; i++) {
        const egaf_ynode *t = egaf_ynode_get(node, tree_keys[i]);
        if (t)
            parse_tree(ld, fw, (egaf_ref_tree_id)i, t);
        else
            egaf_diag(ld->diags, "refs.schema", &node->mark, NULL, _("'codes' has no '%s' tree"),
                      tree_keys[i]);
    }
}

/* The number of a target's value as the source states it ("≥ 30%" -> 30). */
static bool value_number(const char *text, double *value, bool *percent)
{
    const char *p = text;
    while (*p && !(*p >= '0' && *p <= '9'))
        p++;
    if (!*p)
        return false;
    char *end;
    *value = strtod(p, &end);
    *percent = strchr(end, '%') != NULL;
    return true;
}

/* A framework target that names only its measure takes the facts of the
 * national target with its id. */
static void join_targets(loader *ld)
{
    egaf_refs *r = ld->refs;
    for (size_t f = 0; f < r->nframeworks; f++) {
        egaf_ref_framework *fw = r->frameworks[f];
        for (size_t i = 0; i < fw->ntargets; i++) {
            egaf_ref_target *t = &fw->targets[i];
            if (t->name)
                continue;
            const egaf_ref_national_target *n = egaf_refs_national_target(r, t->id);
            double value;
            bool percent;
            if (!n || !n->value || !value_number(n->value, &value, &percent)) {
                egaf_diag(ld->diags, "refs.schema", &t->mark, t->id,
                          _("target '%s' has no 'name': it must then be the id of a national "
                            "target with a value (national-targets.yaml)"),
                          t->id);
                continue;
            }
            t->name = n->name;
            t->source = n->source;
            t->value = value;
            if (percent && !t->unit)
                t->unit = "percent";
        }
    }
}

static void parse_framework(loader *ld, const egaf_ynode *root, const char *file_edition)
{
    static const char *const keys[] = {
        "kind",    "edition",  "name",     "name-en", "instrument", "issued",
        "valid-from", "valid-to", "source", "confidence", "note",   "url",
        "sections", "required-components", "routes", "security-levels", "codes", "targets",
        NULL};
    check_keys(ld, root, keys, "a framework file", NULL);
    egaf_ref_framework *fw = alloc(ld, sizeof(*fw));
    if (!fw)
        return;
    fw->mark = root->mark;
    egaf_mark em = root->mark;
    fw->edition = need_text(ld, root, "edition", "refs.schema", "the framework file", NULL, &em);
    ld->edition = fw->edition;
    const char *el = fw->edition;
    if (fw->edition && strcmp(fw->edition, file_edition) != 0) {
        egaf_finding *f =
            egaf_diag(ld->diags, "refs.schema", &em, el, _("edition '%s' in framework-%s.yaml"),
                      fw->edition, file_edition);
        egaf_diag_hint(ld->diags, f, _("the file of edition X is framework-X.yaml"));
    }
    for (size_t i = 0; fw->edition && i < ld->refs->nframeworks; i++)
        if (strcmp(ld->refs->frameworks[i]->edition, fw->edition) == 0) {
            egaf_finding *f = egaf_diag(ld->diags, "refs.duplicate-id", &em, el,
                                        _("framework edition '%s' is defined twice"), fw->edition);
            egaf_diag_related(ld->diags, f, &ld->refs->frameworks[i]->mark,
                              _("first defined here"));
            return;
        }
    fw->name = need_text(ld, root, "name", "refs.schema", "the framework", el, NULL);
    fw->instrument = need_text(ld, root, "instrument", "refs.schema", "the framework", el, NULL);
    fw->source = need_source(ld, root, "the framework", el);
    if (egaf_ynode_get(root, "confidence"))
        check_confidence(ld, root, el);
    fw->issued = get_date(ld, root, "issued", false, el, NULL);
    fw->valid_from = get_date(ld, root, "valid-from", false, el, NULL);
    egaf_mark tm = root->mark;
    fw->valid_to = get_date(ld, root, "valid-to", true, el, &tm);
    if (fw->valid_from && fw->valid_to && fw->valid_from > fw->valid_to)
        egaf_diag(ld->diags, "refs.schema", &tm, el, _("edition %s ends before it starts"), el);
    static const char *const lists[] = {"sections", "required-components", "routes",
                                        "security-levels", NULL};
    for (size_t i = 0; lists[i]; i++) {
        const egaf_ynode *seq = get_seq(ld, root, lists[i], el);
        if (!seq) {
            if (!egaf_ynode_get(root, lists[i]))
                egaf_diag(ld->diags, "refs.schema", &root->mark, el,
                          _("the framework file has no '%s'"), lists[i]);
            continue;
        }
        if (i == 0)
            fw->sections = read_list(ld, seq, &section_list, &fw->nsections);
        else if (i == 1)
            fw->requirements = read_list(ld, seq, &requirement_list, &fw->nrequirements);
        else if (i == 2)
            fw->routes = read_list(ld, seq, &route_list, &fw->nroutes);
        else
            fw->security_levels =
                read_list(ld, seq, &security_level_list, &fw->nsecurity_levels);
    }
    const egaf_ynode *codes = egaf_ynode_get(root, "codes");
    if (codes)
        parse_codes(ld, fw, codes);
    else
        egaf_diag(ld->diags, "refs.schema", &root->mark, el,
                  _("the framework file has no 'codes'"));
    const egaf_ynode *targets = get_seq(ld, root, "targets", el);
    if (targets)
        fw->targets = read_list(ld, targets, &target_list, &fw->ntargets);
    if (!fw->edition)
        return;
    egaf_refs *r = ld->refs;
    r->frameworks =
        egaf_grow(r->frameworks, &ld->cap_frameworks, r->nframeworks, sizeof(*r->frameworks), 4);
    if (r->nframeworks == ld->cap_frameworks) {
        ld->oom = true;
        return;
    }
    r->frameworks[r->nframeworks++] = fw;
}

/* ---- national targets ---- */

static const char *read_national_target(loader *ld, const egaf_ynode *it, const char *rid,
                                        void *items, size_t n)
{
    egaf_ref_national_target *t = (egaf_ref_national_target *)items + n;
    t->mark = it->mark;
    t->id = need_text(ld, it, "id", "refs.schema", "a national target", NULL, NULL);
    if (t->id)
        check_id(ld, it, t->id, t->id);
    t->name = need_text(ld, it, "name", "refs.schema", "national target", rid, NULL);
    t->name_en = get_text(ld, it, "name-en", rid, NULL);
    t->value = need_text(ld, it, "value", "refs.schema", "national target", rid, NULL);
    t->instrument = get_text(ld, it, "instrument", rid, NULL);
    char phrase[160];
    snprintf(phrase, sizeof phrase, "national target '%s'", rid ? rid : "?");
    need_fact(ld, it, phrase, rid, &t->fact, &t->source, NULL);
    t->note = t->fact.note;
    t->fact.note = NULL; /* the target's note is about the target, printed once */
    t->valid_from = get_date(ld, it, "valid-from", false, rid, NULL);
    egaf_mark tm = it->mark;
    t->valid_to = get_date(ld, it, "valid-to", true, rid, &tm);
    if (!egaf_ynode_get(it, "valid-from") || !egaf_ynode_get(it, "valid-to"))
        egaf_diag(ld->diags, "refs.schema", &it->mark, rid,
                  _("national target '%s' needs 'valid-from' and 'valid-to': the years it "
                    "is set for"),
                  rid ? rid : "?");
    else if (t->valid_from && t->valid_to && t->valid_from > t->valid_to)
        egaf_diag(ld->diags, "refs.schema", &tm, rid,
                  _("national target '%s' ends before it starts"), rid ? rid : "?");
    t->levels = get_model_levels(ld, it, "level", rid, &t->nlevels);
    if (!egaf_ynode_get(it, "level"))
        egaf_diag(ld->diags, "refs.schema", &it->mark, rid,
                  _("national target '%s' has no 'level' (ministry, province)"),
                  rid ? rid : "?");
    return t->id;
}

static const char *const national_target_keys[] = {
    "id",     "name",       "name-en", "value", "valid-from", "valid-to", "level",
    "instrument", "source", "confidence", "note", "url", NULL};
static const list_reader national_target_list = {"a national target", "national target", "id",
                                                 national_target_keys,
                                                 sizeof(egaf_ref_national_target),
                                                 read_national_target};

/* ---- files ---- */

typedef enum file_kind { F_AGENCIES, F_SYSTEMS, F_DATABASES, F_FRAMEWORK, F_TARGETS } file_kind;

static void walk_list(loader *ld, const egaf_ynode *root, const char *key,
                      void (*fn)(loader *, const egaf_ynode *))
{
    const egaf_ynode *seq = get_seq(ld, root, key, NULL);
    if (!seq) {
        if (!egaf_ynode_get(root, key))
            egaf_diag(ld->diags, "refs.schema", &root->mark, NULL, _("the file has no '%s'"), key);
        return;
    }
    /* no agency: nothing else could name an owner or a successor */
    if (seq->u.seq.count == 0 && strcmp(key, "agencies") == 0) {
        egaf_finding *f = egaf_diag(ld->diags, "refs.schema", &seq->mark, NULL,
                                    _("'%s' is empty"), key);
        egaf_diag_hint(ld->diags, f, _("agencies.yaml lists the ministries and provinces"));
    }
    for (size_t i = 0; i < seq->u.seq.count && !ld->oom; i++)
        fn(ld, seq->u.seq.items[i]);
}

/* Reads, parses and walks one file. Returns false when the file could not be
 * read or parsed (the reason is a finding). */
static bool load_file(loader *ld, const char *name, file_kind fk, const char *edition)
{
    static const char *const kinds[] = {"agencies", "shared-systems", "national-databases",
                                        "framework", "national-targets"};
    egaf_refs *r = ld->refs;
    const char *path = egaf_arena_printf(r->arena, "%s%s%s", r->dir,
                                         r->dir[strlen(r->dir) - 1] == '/' ? "" : "/", name);
    if (!path) {
        ld->oom = true;
        return false;
    }
    egaf_source *src = NULL;
    egaf_read_status rs = egaf_source_read(r->arena, path, EGAF_MAX_FILE_SIZE, &src);
    if (rs != EGAF_READ_OK) {
        if (rs == EGAF_READ_NO_MEMORY) {
            ld->oom = true;
            return false;
        }
        egaf_finding *f =
            egaf_diag_at(ld->diags, "refs.schema", path, 0, 0, NULL,
                         _("cannot read reference file: %s"), egaf_read_status_text(rs));
        egaf_diag_hint(ld->diags, f,
                       _("the reference folder holds agencies.yaml, "
                         "shared-systems.yaml, national-databases.yaml and "
                         "framework-<edition>.yaml"));
        return false;
    }
    /* one scratch arena for every file: its memory is reused, not faulted
     * in afresh */
    if (!ld->scratch)
        ld->scratch = egaf_arena_create();
    if (!ld->scratch) {
        ld->oom = true;
        return false;
    }
    egaf_ynode *root = egaf_refs_cache_tree(ld->cache, name, src, ld->scratch);
    if (!root)
        root = egaf_yaml_parse(ld->scratch, src, NULL, ld->diags);
    bool ok = root != NULL;
    if (root && !is_map(ld, root, "a reference file", NULL))
        ok = false;
    if (ok) {
        egaf_mark km = root->mark;
        const char *kind = get_text(ld, root, "kind", NULL, &km);
        if (!kind) {
            egaf_diag(ld->diags, "refs.schema", &root->mark, NULL,
                      _("the file has no 'kind' (kind: %s)"), kinds[fk]);
        } else if (strcmp(kind, kinds[fk]) != 0) {
            egaf_diag(ld->diags, "refs.schema", &km, NULL,
                      _("'kind' of %s must be '%s'; found '%s'"), name, kinds[fk], kind);
            ok = false;
        }
    }
    if (ok) {
        static const char *const agency_top[] = {"kind", "agencies", NULL};
        static const char *const system_top[] = {"kind", "shared-systems", NULL};
        static const char *const db_top[] = {"kind", "data-subjects", "national-databases",
                                             NULL};
        switch (fk) {
        case F_AGENCIES:
            check_keys(ld, root, agency_top, name, NULL);
            walk_list(ld, root, "agencies", parse_agency);
            break;
        case F_SYSTEMS:
            check_keys(ld, root, system_top, name, NULL);
            walk_list(ld, root, "shared-systems", parse_system);
            break;
        case F_DATABASES:
            check_keys(ld, root, db_top, name, NULL);
            /* subjects first, whatever the key order: databases name them */
            walk_list(ld, root, "data-subjects", parse_subject);
            walk_list(ld, root, "national-databases", parse_database);
            break;
        case F_FRAMEWORK:
            parse_framework(ld, root, edition);
            break;
        case F_TARGETS: {
            static const char *const targets_top[] = {"kind", "national-targets", NULL};
            check_keys(ld, root, targets_top, name, NULL);
            const egaf_ynode *seq = get_seq(ld, root, "national-targets", NULL);
            if (seq)
                ld->refs->national_targets = read_list(ld, seq, &national_target_list,
                                                       &ld->refs->nnational_targets);
            else if (!egaf_ynode_get(root, "national-targets"))
                egaf_diag(ld->diags, "refs.schema", &root->mark, NULL,
                          _("the file has no '%s'"), "national-targets");
            break;
        }
        }
    }
    egaf_arena_reset(ld->scratch);
    return ok;
}

static int compare_version(const void *a, const void *b)
{
    return strverscmp(*(char *const *)a, *(char *const *)b);
}

/* framework-<edition>.yaml names in dir, sorted by edition. */
static char **framework_files(const char *dir, size_t *count, bool *oom)
{
    *count = 0;
    DIR *d = opendir(dir);
    if (!d) {
        *oom = errno == ENOMEM; /* not "no framework file" */
        return NULL;
    }
    char **list = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len <= 15 || strncmp(de->d_name, "framework-", 10) != 0 ||
            strcmp(de->d_name + len - 5, ".yaml") != 0)
            continue;
        list = egaf_grow(list, &cap, n, sizeof(*list), 8);
        if (n == cap) {
            *oom = true;
            break;
        }
        if (!(list[n] = strdup(de->d_name))) {
            *oom = true;
            break;
        }
        n++;
    }
    closedir(d);
    if (n)
        qsort(list, n, sizeof(*list), compare_version);
    *count = n;
    return list;
}

/* ---- checks that need the whole data ---- */

static void check_successors(loader *ld)
{
    egaf_refs *r = ld->refs;
    for (size_t i = 0; i < r->nentries; i++) {
        entry_ext *x = (entry_ext *)r->entries[i];
        egaf_ref_entry *e = &x->e;
        if (e->kind != EGAF_RK_AGENCY)
            continue;
        for (size_t j = 0; j < e->nsuccessors; j++) {
            const char *sid = e->successors[j];
            const egaf_ref_entry *s = egaf_refs_find(r, sid);
            if (!s || s->kind != EGAF_RK_AGENCY) {
                egaf_finding *f =
                    egaf_diag(ld->diags, "refs.unresolved", &x->successor_marks[j], e->id,
                              _("successor '%s' of '%s' is not an agency"), sid, e->id);
                const char **cands = malloc(sizeof(*cands) * (r->nentries + 1));
                if (cands) {
                    size_t c = 0;
                    for (size_t k = 0; k < r->nentries; k++)
                        if (r->entries[k]->kind == EGAF_RK_AGENCY)
                            cands[c++] = r->entries[k]->id;
                    const char *sug = egaf_suggest(sid, cands, c);
                    if (sug)
                        egaf_diag_hint(ld->diags, f, _("did you mean '%s'?"), sug);
                    free(cands);
                }
                continue;
            }
            if (s == e) {
                egaf_diag(ld->diags, "refs.unresolved", &x->successor_marks[j], e->id,
                          _("'%s' names itself as its successor"), e->id);
                continue;
            }
            if (e->valid_to && !valid_on(s->valid_from, s->valid_to, next_day(e->valid_to))) {
                char d[16];
                date_text(next_day(e->valid_to), d, sizeof d);
                egaf_finding *f =
                    egaf_diag(ld->diags, "refs.unresolved", &x->successor_marks[j], e->id,
                              _("successor '%s' of '%s' does not exist on %s, the "
                                "day after '%s' ends"),
                              sid, e->id, d, e->id);
                egaf_diag_related(ld->diags, f, &s->mark, _("'%s' is defined here"), sid);
            }
        }
    }
}

static const egaf_ref_requirement *requirement(const egaf_ref_framework *fw, const char *id)
{
    for (size_t i = 0; i < fw->nrequirements; i++)
        if (fw->requirements[i].id && strcmp(fw->requirements[i].id, id) == 0)
            return &fw->requirements[i];
    return NULL;
}

/* The editions a shared system names exist, and the components it wants
 * connected are required components of those editions. */
static void check_editions(loader *ld)
{
    egaf_refs *r = ld->refs;
    if (r->nframeworks == 0)
        return;
    for (size_t i = 0; i < r->nentries; i++) {
        entry_ext *x = (entry_ext *)r->entries[i];
        egaf_ref_entry *e = &x->e;
        if (e->kind != EGAF_RK_SHARED_SYSTEM)
            continue;
        for (size_t j = 0; j < e->neditions; j++)
            if (!egaf_refs_framework(r, e->editions[j]))
                egaf_diag(ld->diags, "refs.unresolved", &x->edition_marks[j], e->id,
                          _("edition '%s' of '%s' has no framework-%s.yaml"), e->editions[j], e->id,
                          e->editions[j]);
        for (size_t j = 0; j < e->nconnects; j++) {
            const char *comp = e->connects[j].component;
            bool any = false;
            for (size_t k = 0; k < r->nframeworks; k++)
                any = any || requirement(r->frameworks[k], comp) != NULL;
            if (!any) {
                egaf_diag(ld->diags, "refs.unresolved", &x->connect_marks[j], e->id,
                          _("component '%s' of '%s' is not a required component of any "
                            "framework edition"),
                          comp, e->id);
                continue;
            }
            for (size_t k = 0; k < e->neditions; k++) {
                const egaf_ref_framework *fw = egaf_refs_framework(r, e->editions[k]);
                if (fw && !requirement(fw, comp))
                    egaf_diag(ld->diags, "refs.unresolved", &x->connect_marks[j], e->id,
                              _("component '%s' of '%s' is not a required component of "
                                "edition %s"),
                              comp, e->id, fw->edition);
            }
        }
    }
}

static void check_subjects(loader *ld)
{
    egaf_refs *r = ld->refs;
    for (size_t i = 0; i < r->nentries; i++) {
        const egaf_ref_entry *e = r->entries[i];
        if (e->kind == EGAF_RK_DATA_SUBJECT && !e->authoritative_db) {
            egaf_finding *f = egaf_diag(ld->diags, "refs.unresolved", &e->mark, e->id,
                                        _("no national database is authoritative for data "
                                          "subject '%s'"),
                                        e->id);
            egaf_diag_hint(ld->diags, f, _("add '%s' to 'authoritative-for' of its database"),
                           e->id);
        }
    }
}

/* ---- public ---- */

egaf_refs *egaf_refs_load(const char *dir, egaf_diags *diags, egaf_refs_status *status)
{
    return egaf_refs_load_cached(dir, NULL, diags, status);
}

/* The folder's own cache, else the one make wrote in the build folder. */
static egaf_refs_cache *open_cache(const char *dir, const char *extra_cache)
{
    char path[PATH_MAX];
    int w = snprintf(path, sizeof path, "%s/%s", dir, EGAF_REFS_CACHE_NAME);
    egaf_refs_cache *c = w > 0 && (size_t)w < sizeof path ? egaf_refs_cache_open(path) : NULL;
    return c ? c : egaf_refs_cache_open(extra_cache);
}

egaf_refs *egaf_refs_load_cached(const char *dir, const char *extra_cache, egaf_diags *diags,
                                 egaf_refs_status *status)
{
    *status = EGAF_REFS_NOT_FOUND;
    struct stat st;
    if (!dir || !*dir || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return NULL;
    static const char *const fixed[] = {"agencies.yaml", "shared-systems.yaml",
                                        "national-databases.yaml"};
    bool oom = false;
    size_t nfw = 0;
    char **fw_files = framework_files(dir, &nfw, &oom);
    bool any = nfw > 0;
    char path[PATH_MAX];
    for (int i = 0; i < 3 && !any; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, fixed[i]);
        any = stat(path, &st) == 0;
    }
    if (!any && !oom) {
        free(fw_files);
        return NULL;
    }
    *status = EGAF_REFS_NO_MEMORY;
    egaf_refs *refs = oom ? NULL : calloc(1, sizeof(*refs));
    if (refs) {
        egaf_strmap_init(&refs->by_id);
        egaf_strmap_init(&refs->by_code);
        refs->arena = egaf_arena_create();
        if (refs->arena)
            refs->dir = egaf_arena_strdup(refs->arena, dir);
    }
    if (!refs || !refs->dir) {
        for (size_t i = 0; i < nfw; i++)
            free(fw_files[i]);
        free(fw_files);
        egaf_refs_free(refs);
        return NULL;
    }

    loader ld;
    memset(&ld, 0, sizeof(ld));
    ld.refs = refs;
    ld.diags = diags;
    egaf_refs_cache *cache = open_cache(dir, extra_cache);
    ld.cache = cache;
    egaf_diag_counts before = egaf_diags_counts(diags);

    ld.agencies_ok = load_file(&ld, fixed[0], F_AGENCIES, NULL);
    ld.systems_ok = !ld.oom && load_file(&ld, fixed[1], F_SYSTEMS, NULL);
    if (!ld.oom)
        load_file(&ld, fixed[2], F_DATABASES, NULL);
    for (size_t i = 0; i < nfw && !ld.oom; i++) {
        char edition[NAME_MAX + 1];
        size_t len = strlen(fw_files[i]);
        snprintf(edition, sizeof edition, "%.*s", (int)(len - 15), fw_files[i] + 10);
        load_file(&ld, fw_files[i], F_FRAMEWORK, edition);
    }
    /* national targets are optional: a folder of older data has none */
    snprintf(path, sizeof path, "%s/%s", dir, EGAF_NATIONAL_TARGETS_FILE);
    if (!ld.oom && stat(path, &st) == 0)
        load_file(&ld, EGAF_NATIONAL_TARGETS_FILE, F_TARGETS, NULL);
    if (nfw == 0 && !ld.oom)
        egaf_diag_at(diags, "refs.schema", refs->dir, 0, 0, NULL,
                     _("no framework-<edition>.yaml in the reference folder"));
    for (size_t i = 0; i < nfw; i++)
        free(fw_files[i]);
    free(fw_files);
    egaf_refs_cache_free(cache);
    egaf_arena_free(ld.scratch);
    if (!ld.oom) {
        if (ld.agencies_ok)
            check_successors(&ld);
        if (ld.systems_ok)
            check_editions(&ld);
        check_subjects(&ld);
        join_targets(&ld);
    }
    if (ld.oom || egaf_diags_failed(diags)) {
        egaf_refs_free(refs);
        return NULL;
    }
    egaf_diag_counts after = egaf_diags_counts(diags);
    *status = after.errors > before.errors ? EGAF_REFS_BROKEN : EGAF_REFS_OK;
    return refs;
}

void egaf_refs_free(egaf_refs *refs)
{
    if (!refs)
        return;
    free(refs->entries);
    free(refs->frameworks);
    egaf_strmap_free(&refs->by_id);
    egaf_strmap_free(&refs->by_code);
    egaf_arena_free(refs->arena);
    free(refs);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *resolved(const char *path)
{
    char *r = realpath(path, NULL);
    return r ? r : strdup(path);
}

char *egaf_refs_locate(const char *option, const char *exe)
{
    /* an explicit choice is never replaced by a guess */
    if (option)
        return is_dir(option) ? strdup(option) : NULL;
    const char *env = getenv("EGAF_REFS");
    if (env && *env)
        return is_dir(env) ? strdup(env) : NULL;
    char path[PATH_MAX];
#ifdef EGAF_DATADIR
    snprintf(path, sizeof path, "%s/reference-models", EGAF_DATADIR);
    if (is_dir(path))
        return resolved(path);
#endif
    if (!exe)
        return NULL;
    /* build/egaf, and build/asan/egaf or build/clang/egaf: the source tree's
     * reference-models/ is one to three levels above the executable */
    const char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    int base = (int)(slash - exe);
    /* a relocated install (PREFIX/bin/egaf beside PREFIX/share/egaf) first */
    const char *ups[] = {"/../share/egaf", "/..", "/../..", "/../../.."};
    for (int i = 0; i < 4; i++) {
        int w = snprintf(path, sizeof path, "%.*s%s/reference-models/agencies.yaml", base, exe,
                         ups[i]);
        if (w < 0 || (size_t)w >= sizeof path)
            return NULL;
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            path[strlen(path) - strlen("/agencies.yaml")] = '\0';
            return resolved(path);
        }
    }
    return NULL;
}

const egaf_ref_entry *egaf_refs_find(const egaf_refs *refs, const char *id)
{
    if (!refs || !id)
        return NULL;
    return egaf_strmap_get(&refs->by_id, id, strlen(id));
}

bool egaf_ref_valid_in(const egaf_ref_entry *e, int year)
{
    if (year <= 0)
        return true;
    return e->valid_from <= year * 10000 + 1231 &&
           (e->valid_to == 0 || e->valid_to >= year * 10000 + 101);
}

/* Of two entries valid in the same year, the one valid later: an open end
 * beats any end, then the later end, then the later start. */
static bool later(const egaf_ref_entry *a, const egaf_ref_entry *b)
{
    long at = a->valid_to ? a->valid_to : 99999999L, bt = b->valid_to ? b->valid_to : 99999999L;
    if (at != bt)
        return at > bt;
    return a->valid_from > b->valid_from;
}

static const egaf_ref_entry *by_code(const egaf_refs *refs, const char *key, int year,
                                     bool provinces_only)
{
    const code_link *l = egaf_strmap_get(&refs->by_code, key, strlen(key));
    const egaf_ref_entry *best = NULL;
    for (; l; l = l->next) {
        const egaf_ref_entry *e = l->entry;
        if (!egaf_ref_valid_in(e, year))
            continue;
        /* an organ code given to the agency later than its start */
        if (!provinces_only && year > 0 && e->code_from && e->code_from > year * 10000 + 1231)
            continue;
        if (provinces_only && (!e->level || strcmp(e->level, "province") != 0))
            continue;
        if (!best || later(e, best))
            best = e;
    }
    return best;
}

const egaf_ref_entry *egaf_refs_agency(const egaf_refs *refs, const char *id_or_code, int year)
{
    if (!refs || !id_or_code)
        return NULL;
    const egaf_ref_entry *e = egaf_refs_find(refs, id_or_code);
    if (e && e->kind == EGAF_RK_AGENCY && egaf_ref_valid_in(e, year))
        return e;
    e = by_code(refs, id_or_code, year, false);
    if (e)
        return e;
    char key[64];
    if (strlen(id_or_code) > 16)
        return NULL;
    snprintf(key, sizeof key, "gso:%s", id_or_code);
    return by_code(refs, key, year, true);
}

const char *egaf_ref_owner_in(const egaf_ref_entry *e, int year)
{
    const egaf_ref_owner *o = egaf_ref_owner_record(e, year);
    return o ? o->agency : NULL;
}

const egaf_ref_framework *egaf_refs_framework(const egaf_refs *refs, const char *edition)
{
    if (!refs || !edition)
        return NULL;
    for (size_t i = 0; i < refs->nframeworks; i++)
        if (strcmp(refs->frameworks[i]->edition, edition) == 0)
            return refs->frameworks[i];
    return NULL;
}

const egaf_ref_national_target *egaf_refs_national_target(const egaf_refs *refs, const char *id)
{
    for (size_t i = 0; refs && id && i < refs->nnational_targets; i++)
        if (strcmp(refs->national_targets[i].id, id) == 0)
            return &refs->national_targets[i];
    return NULL;
}

bool egaf_ref_national_target_applies(const egaf_ref_national_target *t, int year,
                                      const char *level)
{
    if (year && !overlap(t->valid_from, t->valid_to, year * 10000 + 101, year * 10000 + 1231))
        return false;
    if (!level)
        return true;
    for (size_t i = 0; i < t->nlevels; i++)
        if (strcmp(t->levels[i], level) == 0)
            return true;
    return false;
}

bool egaf_ref_framework_valid_in(const egaf_ref_framework *f, int year)
{
    if (year <= 0)
        return true;
    return f->valid_from <= year * 10000 + 1231 &&
           (f->valid_to == 0 || f->valid_to >= year * 10000 + 101);
}

const egaf_ref_code *egaf_ref_code_find(const egaf_ref_framework *f, egaf_ref_tree_id tree,
                                        const char *code)
{
    if (!f || !code || (unsigned)tree >= EGAF_TREE__COUNT)
        return NULL;
    const egaf_ref_tree *t = &f->trees[tree];
    for (size_t i = 0; i < t->ncodes; i++)
        if (strcmp(t->codes[i].code, code) == 0)
            return &t->codes[i];
    return NULL;
}

const char *egaf_ref_kind_name(egaf_ref_kind kind)
{
    return (unsigned)kind <= EGAF_RK_DATA_SUBJECT ? kind_names[kind] : "?";
}

const char *egaf_confidence_name(egaf_confidence c)
{
    return (unsigned)c < sizeof confidences / sizeof confidences[0] - 1 ? confidences[c] : "?";
}

const egaf_ref_owner *egaf_ref_owner_record(const egaf_ref_entry *e, int year)
{
    const egaf_ref_owner *found = NULL;
    for (size_t i = 0; i < e->nowners; i++) {
        const egaf_ref_owner *o = &e->owners[i];
        egaf_date from = o->valid_from ? o->valid_from : e->valid_from;
        egaf_date to = o->valid_to ? o->valid_to : e->valid_to;
        /* owners are in date order: the last one valid in the year is the
         * one that holds at its end */
        if (year <= 0 || ((from == 0 || from <= year * 10000 + 1231) &&
                          (to == 0 || to >= year * 10000 + 101)))
            found = o;
    }
    return found;
}

const egaf_ref_entry *egaf_refs_agency_by_code(const egaf_refs *refs, const char *code, int year)
{
    if (!refs || !code)
        return NULL;
    return by_code(refs, code, year, false);
}

/* Folds name and drops the words of an agency's title that a writer may or
 * may not put in front of its name ("Tỉnh Hậu Giang", "UBND tỉnh …"). */
static void fold_name(const char *name, char *out, size_t size)
{
    static const char *const prefixes[] = {"uybannhandan", "ubnd", "thanhpho", "tp.", "tinh",
                                           NULL};
    size_t len = strlen(name);
    char *tmp = malloc(len + 1);
    out[0] = '\0';
    if (!tmp)
        return;
    egaf_fold(name, tmp);
    const char *p = tmp;
    for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; prefixes[i]; i++) {
            size_t n = strlen(prefixes[i]);
            if (strncmp(p, prefixes[i], n) == 0 && p[n]) {
                p += n;
                again = true;
            }
        }
    }
    snprintf(out, size, "%s", p);
    free(tmp);
}

size_t egaf_refs_agencies_named(const egaf_refs *refs, const char *name, int year,
                                const egaf_ref_entry **out, size_t max)
{
    if (!refs || !name)
        return 0;
    char want[256], have[256], bare[256];
    fold_name(name, want, sizeof want);
    if (!want[0])
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < refs->nentries; i++) {
        const egaf_ref_entry *e = refs->entries[i];
        if (e->kind != EGAF_RK_AGENCY || !e->name || !egaf_ref_valid_in(e, year))
            continue;
        fold_name(e->name, have, sizeof have);
        /* "Bộ Nội vụ" is also found as "Nội vụ" */
        snprintf(bare, sizeof bare, "%s", strncmp(have, "bo", 2) == 0 ? have + 2 : have);
        bool hit = strcmp(have, want) == 0 || strcmp(bare, want) == 0 ||
                   (e->abbr && egaf_fold_equal(e->abbr, name));
        if (!hit)
            continue;
        if (n < max)
            out[n] = e;
        n++;
    }
    return n;
}
