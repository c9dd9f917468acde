/* test_diff.c - the semantic diff's matching: elements by (kind, id), lists
 * as sets, renames, integrations by (from, to, via), relations, findings by
 * (rule, element, message), architectures by id, --fail-on and the writers'
 * escaping and determinism. */
#include "testutil.h"

#include <stdlib.h>

#include "diff/diff.h"
#include "model/model.h"
#include "cmocka_main.h"

#define HEADER(id, year)                                                                      \
    "framework: \"2.0\"\n"                                                                    \
    "architecture:\n"                                                                         \
    "  id: " id "\n"                                                                          \
    "  agency: \"000.00.00.H37\"\n"                                                           \
    "  level: province\n"                                                                     \
    "  name: Kiến trúc thử\n"                                                                 \
    "  year: " year "\n"

typedef struct side_fx {
    egaf_model *models[4];
    size_t n;
    egaf_diags *diags;
} side_fx;

static void load(side_fx *s, const char *path, const char *text)
{
    if (!s->diags)
        s->diags = egaf_diags_create();
    assert_non_null(s->diags);
    egaf_model *m = egaf_model_load_memory(path, text, strlen(text), NULL, s->diags);
    assert_non_null(m);
    assert_true(s->n < 4);
    s->models[s->n++] = m;
}

static void release(side_fx *s)
{
    for (size_t i = 0; i < s->n; i++)
        egaf_model_free(s->models[i]);
    egaf_diags_free(s->diags);
    memset(s, 0, sizeof(*s));
}

static egaf_diff *compare(side_fx *o, side_fx *n, bool pair)
{
    egaf_diff_side a = {o->models, o->n, o->diags, "old", NULL, NULL};
    egaf_diff_side b = {n->models, n->n, n->diags, "new", NULL, NULL};
    egaf_diff_options opt = {pair, NULL};
    egaf_diff *d = egaf_diff_compute(&a, &b, &opt);
    assert_non_null(d);
    return d;
}

/* The two sides of a comparison and their diff. */
typedef struct comparison {
    side_fx old, new;
    egaf_diff *diff;
} comparison;

/* The diff of the single file o.yaml of old_text and n.yaml of new_text,
 * paired as one architecture whatever their ids: returns its architecture. */
static const egaf_diff_arch *diff_texts(comparison *c, const char *old_text,
                                        const char *new_text)
{
    load(&c->old, "o.yaml", old_text);
    load(&c->new, "n.yaml", new_text);
    c->diff = compare(&c->old, &c->new, true);
    assert_true(c->diff->narchs > 0);
    return &c->diff->archs[0];
}

static void end_comparison(comparison *c)
{
    egaf_diff_free(c->diff);
    release(&c->old);
    release(&c->new);
}

static const egaf_diff_element *find_el(const egaf_diff_arch *a, egaf_kind kind, const char *id)
{
    for (size_t i = 0; i < a->nelements; i++)
        if (a->elements[i].kind == kind && strcmp(a->elements[i].id, id) == 0)
            return &a->elements[i];
    return NULL;
}

static const egaf_diff_field *find_field(const egaf_diff_field *f, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].field, key) == 0)
            return &f[i];
    return NULL;
}

/* Same id in two kinds never matches across kinds; an element is matched by
 * id wherever it moved in its list. */
static void test_match_by_kind_and_id(void **state)
{
    (void)state;
    comparison c = {0};
    const egaf_diff_arch *a =
        diff_texts(&c, HEADER("t", "2020") "business:\n  actors:\n"
                                           "    - {id: x, name: A, kind: citizen}\n"
                                           "    - {id: y, name: B, kind: citizen}\n",
                       HEADER("t", "2020") "business:\n  actors:\n"
                                           "    - {id: y, name: B, kind: citizen}\n"
                                           "  channels:\n    - {id: x, name: A, kind: web}\n");
    assert_int_equal(c.diff->narchs, 1);
    assert_int_equal(a->counts.elements_added, 1);
    assert_int_equal(a->counts.elements_removed, 1);
    assert_int_equal(a->counts.elements_changed, 0);
    const egaf_diff_element *rem = find_el(a, EGAF_K_ACTOR, "x");
    const egaf_diff_element *add = find_el(a, EGAF_K_CHANNEL, "x");
    assert_non_null(rem);
    assert_non_null(add);
    assert_int_equal(rem->status, EGAF_DIFF_REMOVED);
    assert_int_equal(add->status, EGAF_DIFF_ADDED);
    assert_null(add->renamed_from); /* another kind is never a rename */
    assert_null(find_el(a, EGAF_K_ACTOR, "y"));
    /* sorted: kind order, then id */
    assert_true(a->elements[0].kind == EGAF_K_ACTOR);
    end_comparison(&c);
}

/* Lists are sets: order and duplicates do not count; added and removed
 * items are reported sorted; scalars old and new. */
static void test_lists_as_sets(void **state)
{
    (void)state;
    comparison c = {0};
    const egaf_diff_arch *a =
        diff_texts(&c, HEADER("t", "2020") "  goals: [a, b, c]\n"
                                           "application:\n  integrations:\n"
                                           "    - {from: p, to: q, data: [x, y, y]}\n"
                                           "  applications:\n"
                                           "    - {id: p, name: P, security-level: 2}\n"
                                           "    - {id: q, name: Q}\n",
                       HEADER("t", "2021") "  goals: [c, b, a, a]\n"
                                           "application:\n  integrations:\n"
                                           "    - {from: p, to: q, data: [z, x]}\n"
                                           "  applications:\n"
                                           "    - {id: p, name: P, security-level: 3}\n"
                                           "    - {id: q, name: Q}\n");
    /* header: only the year */
    assert_int_equal(a->nheader, 1);
    assert_string_equal(a->header[0].field, "year");
    assert_string_equal(a->header[0].old_value, "2020");
    assert_string_equal(a->header[0].new_value, "2021");
    const egaf_diff_element *p = find_el(a, EGAF_K_APPLICATION, "p");
    assert_non_null(p);
    assert_int_equal(p->nfields, 1);
    assert_string_equal(p->fields[0].field, "security-level");
    assert_string_equal(p->fields[0].old_value, "2");
    assert_string_equal(p->fields[0].new_value, "3");
    /* the integration: matched by (from, to, via), data changed */
    assert_int_equal(a->nrelations, 1);
    const egaf_diff_relation *r = &a->relations[0];
    assert_int_equal(r->status, EGAF_DIFF_CHANGED);
    assert_string_equal(r->type, "integration");
    const egaf_diff_field *data = find_field(r->fields, r->nfields, "data");
    assert_non_null(data);
    assert_true(data->list);
    assert_int_equal(data->nadded, 1);
    assert_string_equal(data->added[0], "z");
    assert_int_equal(data->nremoved, 1);
    assert_string_equal(data->removed[0], "y");
    end_comparison(&c);
}

/* A removed + added pair equal but for the id is a possible rename, one to
 * one; a difference in any other field is not. */
static void test_renames(void **state)
{
    (void)state;
    comparison c = {0};
    const egaf_diff_arch *a =
        diff_texts(&c, HEADER("t", "2020") "business:\n  actors:\n"
                                           "    - {id: a1, name: Dân, kind: citizen}\n"
                                           "    - {id: a2, name: Dân, kind: citizen}\n"
                                           "    - {id: b1, name: Doanh nghiệp, kind: business}\n",
                       HEADER("t", "2020") "business:\n  actors:\n"
                                           "    - {id: c1, name: Dân, kind: citizen}\n"
                                           "    - {id: c2, name: Dân, kind: citizen}\n"
                                           "    - {id: c3, name: Dân, kind: citizen}\n"
                                           "    - {id: b2, name: Doanh nghiệp, kind: other}\n");
    assert_int_equal(a->counts.elements_added, 4);
    assert_int_equal(a->counts.elements_removed, 3);
    assert_string_equal(find_el(a, EGAF_K_ACTOR, "c1")->renamed_from, "a1");
    assert_string_equal(find_el(a, EGAF_K_ACTOR, "c2")->renamed_from, "a2");
    assert_null(find_el(a, EGAF_K_ACTOR, "c3")->renamed_from); /* a1, a2 are taken */
    assert_null(find_el(a, EGAF_K_ACTOR, "b2")->renamed_from); /* kind differs */
    end_comparison(&c);
}

/* Relations: reference lists from their element, own-prefix references
 * equal to bare ones, integrations keyed by via too. */
static void test_relations(void **state)
{
    (void)state;
    comparison c = {0};
    const egaf_diff_arch *a =
        diff_texts(&c, HEADER("t", "2020") "data:\n  databases:\n"
                                           "    - {id: db, name: DB, sources: [national:csdl-dan-cu]}\n"
                                           "application:\n  applications:\n"
                                           "    - {id: p, name: P, uses: [db]}\n"
                                           "  platforms:\n"
                                           "    - {id: l1, name: L1, kind: lgsp}\n"
                                           "    - {id: l2, name: L2, kind: lgsp}\n"
                                           "  integrations:\n"
                                           "    - {from: p, to: national:dvcqg, via: l1}\n",
                       HEADER("t", "2020") "data:\n  databases:\n"
                                           "    - {id: db, name: DB, sources: [national:csdl-dat-dai]}\n"
                                           "application:\n  applications:\n"
                                           "    - {id: p, name: P, uses: [t:db]}\n"
                                           "  platforms:\n"
                                           "    - {id: l1, name: L1, kind: lgsp}\n"
                                           "    - {id: l2, name: L2, kind: lgsp}\n"
                                           "  integrations:\n"
                                           "    - {from: t:p, to: national:dvcqg, via: l2}\n");
    assert_int_equal(a->counts.elements_changed, 0); /* relation lists are not fields */
    assert_int_equal(a->counts.relations_added, 2);
    assert_int_equal(a->counts.relations_removed, 2);
    assert_int_equal(a->nrelations, 4);
    /* integrations first, then by type: removed via l1, added via l2 */
    assert_string_equal(a->relations[0].type, "integration");
    assert_string_equal(a->relations[0].via, "l1");
    assert_int_equal(a->relations[0].status, EGAF_DIFF_REMOVED);
    assert_string_equal(a->relations[1].via, "l2");
    assert_string_equal(a->relations[1].from, "p");
    assert_int_equal(a->relations[1].status, EGAF_DIFF_ADDED);
    assert_string_equal(a->relations[2].type, "sources");
    assert_string_equal(a->relations[2].to, "national:csdl-dan-cu");
    assert_string_equal(a->relations[3].to, "national:csdl-dat-dai");
    end_comparison(&c);
}

/* Findings are matched by (rule, element, message), never by line. */
static void test_findings(void **state)
{
    (void)state;
    side_fx o = {0}, n = {0};
    load(&o, "o.yaml", HEADER("t", "2020"));
    load(&n, "n.yaml", HEADER("t", "2020"));
    egaf_diag_at(o.diags, "security.level-missing", "o.yaml", 10, 3, "t:a", "no level a");
    egaf_diag_at(o.diags, "security.level-missing", "o.yaml", 20, 3, "t:b", "no level b");
    egaf_diag_at(n.diags, "security.level-missing", "n.yaml", 99, 1, "t:a", "no level a");
    egaf_diag_at(n.diags, "security.level-missing", "n.yaml", 30, 3, "t:c", "no level c");
    egaf_diff *d = compare(&o, &n, true);
    const egaf_diff_arch *a = &d->archs[0];
    assert_int_equal(a->counts.findings_introduced, 1);
    assert_int_equal(a->counts.findings_fixed, 1);
    assert_int_equal(a->nfindings, 2);
    assert_string_equal(a->findings[0].element, "t:b");
    assert_int_equal(a->findings[0].status, EGAF_DIFF_REMOVED);
    assert_int_equal(a->findings[0].line, 20);
    assert_string_equal(a->findings[1].element, "t:c");
    assert_int_equal(a->findings[1].status, EGAF_DIFF_ADDED);
    assert_string_equal(a->findings[1].file, "n.yaml");
    egaf_diff_free(d);
    release(&o);
    release(&n);
}

/* Sets of models: matched by id; added, removed, unchanged; two single
 * files are paired whatever their ids. */
static void test_architectures(void **state)
{
    (void)state;
    side_fx o = {0}, n = {0};
    load(&o, "b.yaml", HEADER("bb", "2020"));
    load(&o, "a.yaml", HEADER("aa", "2020"));
    load(&n, "a.yaml", HEADER("aa", "2020"));
    load(&n, "c.yaml", HEADER("cc", "2020"));
    egaf_diff *d = compare(&o, &n, false);
    assert_int_equal(d->narchs, 3);
    assert_string_equal(d->archs[0].id, "aa");
    assert_int_equal(d->archs[0].status, EGAF_DIFF_UNCHANGED);
    assert_string_equal(d->archs[1].id, "bb");
    assert_int_equal(d->archs[1].status, EGAF_DIFF_REMOVED);
    assert_string_equal(d->archs[2].id, "cc");
    assert_int_equal(d->archs[2].status, EGAF_DIFF_ADDED);
    assert_int_equal(d->archs_added, 1);
    assert_int_equal(d->archs_removed, 1);
    assert_int_equal(d->archs_unchanged, 1);
    assert_true(egaf_diff_fails(d, EGAF_DIFF_FAIL_ADDED));
    assert_true(egaf_diff_fails(d, EGAF_DIFF_FAIL_REMOVED));
    assert_false(egaf_diff_fails(d, EGAF_DIFF_FAIL_CHANGED));
    egaf_diff_free(d);
    release(&o);
    release(&n);

    load(&o, "x.yaml", HEADER("xx", "2020"));
    load(&n, "y.yaml", HEADER("yy", "2020"));
    d = compare(&o, &n, true);
    assert_int_equal(d->narchs, 1);
    assert_int_equal(d->archs[0].status, EGAF_DIFF_CHANGED);
    assert_string_equal(d->archs[0].header[0].field, "id");
    assert_string_equal(d->archs[0].header[0].old_value, "xx");
    assert_true(egaf_diff_fails(d, EGAF_DIFF_FAIL_CHANGED));
    egaf_diff_free(d);
    release(&o);
    release(&n);
}

static void test_fail_parse(void **state)
{
    (void)state;
    unsigned m = 0;
    assert_int_equal(egaf_diff_fail_parse("added", &m), 0);
    assert_int_equal(m, EGAF_DIFF_FAIL_ADDED);
    assert_int_equal(egaf_diff_fail_parse("removed,changed", &m), 0);
    assert_int_equal(m, EGAF_DIFF_FAIL_REMOVED | EGAF_DIFF_FAIL_CHANGED);
    assert_int_equal(egaf_diff_fail_parse("any", &m), 0);
    assert_int_equal(m, EGAF_DIFF_FAIL_ANY);
    assert_int_equal(egaf_diff_fail_parse("addded", &m), -1);
    /* a word is whole: not a prefix, nor one with more after it */
    assert_int_equal(egaf_diff_fail_parse("add,removed", &m), -1);
    assert_int_equal(egaf_diff_fail_parse("removed,anyway", &m), -1);
    assert_int_equal(egaf_diff_fail_parse("", &m), -1);
    assert_int_equal(egaf_diff_fail_parse("added,", &m), 0);
}

/* Markdown escapes names; every writer gives the same bytes twice. */
static void test_writers(void **state)
{
    (void)state;
    egaf_buf b;
    egaf_buf_init(&b);
    egaf_buf_markdown_text(&b, "a|b <script>*x*_y_ [l](u) `c`\nz & $m$");
    assert_string_equal(b.data, "a\\|b &lt;script&gt;\\*x\\*\\_y\\_ \\[l\\](u) \\`c\\` z &amp; "
                                "\\$m\\$");
    egaf_buf_free(&b);

    comparison c = {0};
    diff_texts(&c, HEADER("t", "2020") "business:\n  actors:\n"
                                       "    - {id: x, name: \"A <b>|</b>\", kind: citizen}\n",
                   HEADER("t", "2020") "business:\n  actors:\n"
                                       "    - {id: x, name: \"B\", kind: citizen}\n"
                                       "    - {id: y, name: \"C\", kind: citizen}\n");
    egaf_diff_write_options wo = {"test", 0};
    void (*writers[])(egaf_buf *, const egaf_diff *, const egaf_diff_write_options *) = {
        egaf_diff_write_text, egaf_diff_write_markdown, egaf_diff_write_json};
    for (size_t i = 0; i < 3; i++) {
        egaf_buf x, y;
        egaf_buf_init(&x);
        egaf_buf_init(&y);
        writers[i](&x, c.diff, &wo);
        writers[i](&y, c.diff, &wo);
        assert_false(x.failed);
        assert_int_equal(x.len, y.len);
        assert_memory_equal(x.data, y.data, x.len);
        if (i == 1) {
            assert_non_null(strstr(x.data, "A &lt;b&gt;\\|&lt;/b&gt; → B"));
            assert_null(strstr(x.data, "<b>|"));
            assert_non_null(strstr(x.data, "| t | changed | 1 / 0 / 1 |"));
        }
        if (i == 2)
            assert_non_null(strstr(x.data, "{\"field\": \"name\", \"old\": \"A \\u003cb>|\\u003c/b>\", "
                                           "\"new\": \"B\"}"));
        egaf_buf_free(&x);
        egaf_buf_free(&y);
    }
    end_comparison(&c);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_match_by_kind_and_id),
               cmocka_unit_test(test_lists_as_sets),
               cmocka_unit_test(test_renames),
               cmocka_unit_test(test_relations),
               cmocka_unit_test(test_findings),
               cmocka_unit_test(test_architectures),
               cmocka_unit_test(test_fail_parse),
               cmocka_unit_test(test_writers))
