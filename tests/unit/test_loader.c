/* test_loader.c - the YAML tree and the model builder: positions, duplicate
 * keys, limits, aliases, encodings, shape findings. */
#include "tests/unit/testutil.h"

#include <stdlib.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/model.h"
#include "model/yaml_tree.h"

static egaf_ynode *parse(text_fixture *f, const char *text)
{
    egaf_source *src = egaf_source_from_memory(f->arena, "t.yaml", text, strlen(text));
    return egaf_yaml_parse(f->arena, src, NULL, f->diags);
}

static void test_positions_in_characters(void **state)
{
    text_fixture *f = *state;
    egaf_ynode *root = parse(f, "tên: \"Lạng Sơn\"\nkhác: x\n");
    assert_non_null(root);
    assert_int_equal(root->kind, EGAF_Y_MAP);
    egaf_ynode *v = egaf_ynode_get(root, "khác");
    assert_non_null(v);
    assert_int_equal(v->mark.line, 2);
    /* "khác" is 4 characters but 5 bytes: the value starts at column 7 */
    assert_int_equal(v->mark.col, 7);
    egaf_ynode *n = egaf_ynode_get(root, "tên");
    assert_int_equal(n->mark.col, 6);
    assert_int_equal(n->mark.end_col, 16);
    assert_int_equal(n->style, EGAF_Y_QUOTED);
}

static void test_duplicate_key_with_note(void **state)
{
    text_fixture *f = *state;
    egaf_ynode *root = parse(f, "a: 1\nb: 2\na: 3\n");
    assert_non_null(root);
    assert_int_equal(root->u.map.count, 2);
    assert_finding(f->diags, "yaml.duplicate-key", 3, 1);
    const egaf_finding *d = egaf_diags_at(f->diags, 0);
    assert_int_equal(d->nrelated, 1);
    assert_int_equal(d->related[0].line, 1);
}

static void test_duplicate_keys_in_large_map(void **state)
{
    text_fixture *f = *state;
    egaf_buf b;
    egaf_buf_init(&b);
    for (int i = 0; i < 2000; i++)
        egaf_buf_printf(&b, "k%d: %d\n", i, i);
    egaf_buf_puts(&b, "k1500: again\n");
    egaf_ynode *root = parse(f, b.data);
    egaf_buf_free(&b);
    assert_non_null(root);
    assert_int_equal(root->u.map.count, 2000);
    assert_finding(f->diags, "yaml.duplicate-key", 2001, 1);
    assert_int_equal(egaf_diags_count(f->diags), 1);
}

static void test_syntax_error_position(void **state)
{
    text_fixture *f = *state;
    egaf_ynode *root = parse(f, "a: 1\nb: [1, 2\nc: 3\n");
    assert_null(root);
    long i = find_rule(f->diags, "yaml.syntax");
    assert_true(i >= 0);
    const egaf_finding *d = egaf_diags_at(f->diags, (size_t)i);
    assert_true(d->line >= 2);
    assert_true(d->col >= 1);
}

static void test_invalid_utf8_position(void **state)
{
    text_fixture *f = *state;
    egaf_ynode *root = parse(f, "a: ok\nb: x\xff\n");
    assert_null(root);
    assert_finding(f->diags, "yaml.encoding", 2, 5);
}

static void test_utf16_refused(void **state)
{
    text_fixture *f = *state;
    const char text[] = "\xff\xfe" "a\0:\0 \0" "1\0";
    egaf_source *src = egaf_source_from_memory(f->arena, "t.yaml", text, sizeof text - 1);
    assert_null(egaf_yaml_parse(f->arena, src, NULL, f->diags));
    assert_finding(f->diags, "yaml.encoding", 1, 1);
}

static void test_bom_and_crlf(void **state)
{
    text_fixture *f = *state;
    egaf_ynode *root = parse(f, "\xef\xbb\xbf" "a: 1\r\nb: hai\r\n");
    assert_non_null(root);
    egaf_ynode *b = egaf_ynode_get(root, "b");
    assert_int_equal(b->mark.line, 2);
    assert_int_equal(b->mark.col, 4);
    assert_string_equal(b->u.scalar.text, "hai");
}

static void test_deep_nesting_stops_early(void **state)
{
    text_fixture *f = *state;
    size_t n = 100000;
    char *text = malloc(n + 1);
    memset(text, '[', n);
    text[n] = '\0';
    assert_null(parse(f, text));
    free(text);
    assert_finding(f->diags, "yaml.limit", 1, 65);
}

static void test_billion_laughs(void **state)
{
    text_fixture *f = *state;
    const char *bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
                       "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                       "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                       "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                       "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                       "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
    parse(f, bomb);
    long i = find_rule(f->diags, "yaml.alias");
    assert_true(i >= 0);
    assert_int_equal(egaf_diags_at(f->diags, (size_t)i)->line, 6);
}

static void test_alias_and_merge(void **state)
{
    text_fixture *f = *state;
    egaf_ynode *root = parse(f, "base: &b {kind: web, name: x}\n"
                                "ch: {<<: *b, name: y}\n");
    assert_non_null(root);
    egaf_ynode *ch = egaf_ynode_get(root, "ch");
    assert_int_equal(ch->u.map.count, 2);
    assert_string_equal(egaf_ynode_get(ch, "name")->u.scalar.text, "y");
    assert_string_equal(egaf_ynode_get(ch, "kind")->u.scalar.text, "web");
    assert_int_equal(egaf_diags_count(f->diags), 0);
}

static void test_undefined_alias(void **state)
{
    text_fixture *f = *state;
    parse(f, "a: *nope\n");
    assert_finding(f->diags, "yaml.alias", 1, 4);
}

static void test_tags_and_documents(void **state)
{
    text_fixture *f = *state;
    egaf_ynode *root = parse(f, "a: !custom x\nb: !!str 12\n---\nc: 1\n");
    assert_non_null(root);
    assert_finding(f->diags, "yaml.tag", 1, 4);
    assert_finding(f->diags, "yaml.multiple-documents", 3, 1);
    assert_int_equal(egaf_ynode_get(root, "b")->style, EGAF_Y_QUOTED);
}

static void test_empty_file(void **state)
{
    text_fixture *f = *state;
    assert_null(parse(f, "# chỉ có chú thích\n"));
    assert_finding(f->diags, "yaml.no-document", 1, 1);
}

static egaf_model *load(text_fixture *f, const char *text)
{
    return egaf_model_load_memory("m.yaml", text, strlen(text), NULL, f->diags);
}

static void test_model_shape_findings(void **state)
{
    text_fixture *f = *state;
    egaf_model *m = load(f, "framework: \"2.0\"\n"
                            "architecture:\n"
                            "  id: lang-son\n"
                            "  agency: \"000.00.00.H37\"\n"
                            "  level: tinh\n"
                            "  name: Kiến trúc\n"
                            "  year: hai nghìn\n"
                            "application:\n"
                            "  applications:\n"
                            "    - id: qlvb\n"
                            "      nmae: Quản lý văn bản\n"
                            "      security-level: 7\n"
                            "  platfroms: []\n");
    assert_non_null(m);
    assert_finding(f->diags, "schema.enum", 5, 10);
    assert_finding(f->diags, "schema.type", 7, 9);
    assert_finding(f->diags, "schema.unknown-key", 11, 7);
    assert_finding(f->diags, "schema.missing-key", 10, 7);
    assert_finding(f->diags, "schema.range", 12, 23);
    assert_finding(f->diags, "schema.unknown-key", 13, 3);
    long i = find_rule(f->diags, "schema.unknown-key");
    assert_string_equal(egaf_diags_at(f->diags, (size_t)i)->hint, "did you mean 'name'?");
    assert_string_equal(m->id, "lang-son");
    assert_int_equal(m->counts[EGAF_K_APPLICATION], 1);
    assert_string_equal(m->elements[EGAF_K_APPLICATION][0]->display, "lang-son:qlvb");
    egaf_model_free(m);
}

/* A province's header, then its databases: the rows follow */
#define WITH_DATABASES \
    "framework: 2.0\n" \
    "architecture: {id: x, agency: a, level: province, name: n, " \
    "year: 2020, period: {from: 2021, to: 2025}}\n" \
    "data:\n" \
    "  databases:\n"

static void test_model_values(void **state)
{
    text_fixture *f = *state;
    egaf_model *m = load(f, WITH_DATABASES
                            "    - {id: db, name: CSDL, sources: national:csdl-dan-cu, holds: "
                            "[dan-cu]}\n");
    assert_int_equal(egaf_diags_count(f->diags), 0);
    assert_string_equal(m->framework.s, "2.0");
    const egaf_value *p = egaf_element_get(m->header, EGAF_F_PERIOD);
    assert_int_equal(p->u.period.from, 2021);
    assert_int_equal(p->u.period.to, 2025);
    const egaf_element *db = m->elements[EGAF_K_DATABASE][0];
    const egaf_value *s = egaf_element_get(db, EGAF_F_SOURCES);
    assert_int_equal(s->u.list.count, 1);
    assert_string_equal(s->u.list.items[0].s, "national:csdl-dan-cu");
    assert_true(m->section_present[EGAF_S_DATA]);
    egaf_model_free(m);
}

/* The same short text written twice is one copy in the model, each use
 * with its own position; a look-alike fixed in one use leaves the copy the
 * other uses share as written. */
static void test_repeated_text_one_copy(void **state)
{
    text_fixture *f = *state;
    egaf_model *m = load(f, WITH_DATABASES
                            "    - {id: db, name: CSDL, sources: national:csdl-dan-cu}\n"
                            "    - {id: db-2, name: CSDL, sources: [national:csdl-dan-cu, "
                            "\"db\\u00a0\"]}\n"
                            "    - {id: db-3, name: CSDL, sources: [\"db\\u00a0\"]}\n");
    const egaf_element *d1 = m->elements[EGAF_K_DATABASE][0];
    const egaf_element *d2 = m->elements[EGAF_K_DATABASE][1];
    const egaf_element *d3 = m->elements[EGAF_K_DATABASE][2];
    const egaf_value *s1 = egaf_element_get(d1, EGAF_F_SOURCES);
    const egaf_value *s2 = egaf_element_get(d2, EGAF_F_SOURCES);
    const egaf_value *s3 = egaf_element_get(d3, EGAF_F_SOURCES);
    assert_ptr_equal(s1->u.list.items[0].s, s2->u.list.items[0].s);
    assert_int_equal(s1->u.list.items[0].mark.line, 5);
    assert_int_equal(s2->u.list.items[0].mark.line, 6);
    assert_ptr_equal(d1->name, d2->name);
    assert_string_equal(d3->name, "CSDL");
    assert_ptr_equal(d1->name, d3->name);
    /* the look-alike: reported at each use, each taken as meant */
    assert_string_equal(s2->u.list.items[1].s, "db");
    assert_string_equal(s3->u.list.items[0].s, "db");
    assert_int_equal(egaf_diags_count(f->diags), 2);
    for (size_t i = 0; i < 2; i++)
        assert_string_equal(egaf_diags_at(f->diags, i)->rule, "ref.unresolved");
    egaf_model_free(m);
}

static void test_waiver_needs_reason(void **state)
{
    text_fixture *f = *state;
    egaf_model *m = load(f, "framework: \"2.0\"\n"
                            "architecture: {id: x, agency: a, level: province, name: n, "
                            "year: 2020}\n"
                            "application:\n"
                            "  applications:\n"
                            "    - id: a\n"
                            "      name: A\n"
                            "      waivers:\n"
                            "        - rule: security.level-missing\n");
    assert_finding(f->diags, "schema.missing-key", 8, 11);
    egaf_model_free(m);
}


/* A scratch arena reused file after file hands out fresh, zeroed memory, and
 * strings are packed while other allocations stay aligned. */
static void test_arena_reset_and_alignment(void **state)
{
    (void)state;
    egaf_arena *a = egaf_arena_create();
    char *s1 = egaf_arena_strdup(a, "ab");
    char *s2 = egaf_arena_strdup(a, "cd");
    assert_ptr_equal(s2, s1 + 3); /* packed: "ab\0" then "cd" */
    long long *n = egaf_arena_alloc(a, sizeof *n);
    assert_int_equal((uintptr_t)n % 16, 0);
    assert_int_equal(*n, 0);
    *n = 42;
    for (int i = 0; i < 1000; i++) /* several chunks, and a big allocation */
        assert_non_null(egaf_arena_alloc(a, 200));
    assert_non_null(egaf_arena_alloc(a, 100000));
    egaf_arena_reset(a);
    assert_int_equal(egaf_arena_used(a), 0);
    for (int i = 0; i < 2000; i++) {
        unsigned char *p = egaf_arena_alloc(a, 64);
        assert_non_null(p);
        for (int j = 0; j < 64; j++)
            assert_int_equal(p[j], 0);
        memset(p, 0xAB, 64);
    }
    egaf_arena_free(a);
}

/* Writes text to a new file at path. */
static void write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
}

/* A new scratch file holding text; the caller removes and frees it. */
static char *write_temp(const char *text)
{
    char name[512];
    scratch_path(name, sizeof name, "model.yaml");
    char *path = strdup(name);
    assert_non_null(path);
    write_file(path, text);
    return path;
}

/* A one-application model written to a temporary file (*path) and loaded
 * with release_text. */
static egaf_model *load_released(text_fixture *f, char **path)
{
    *path = write_temp("framework: \"2.0\"\r\n"
                       "architecture: {id: x, agency: a, level: province, name: n, "
                       "year: 2020}\r\n"
                       "application:\r\n"
                       "  applications:\r\n"
                       "    - {id: qlvb, name: Quản lý văn bản}\r\n");
    egaf_load_options opt = {.release_text = true};
    egaf_read_status rs;
    egaf_model *m = egaf_model_load(*path, &opt, f->diags, &rs);
    assert_non_null(m);
    return m;
}

/* With release_text, the model keeps no copy of its files: a finding made
 * after loading still quotes its line, read again from the file; once the
 * file changed, the finding has no quote rather than a wrong one. */
static void test_released_text_read_again(void **state)
{
    text_fixture *f = *state;
    char *path;
    egaf_model *m = load_released(f, &path);
    assert_int_equal(egaf_diags_count(f->diags), 0);
    assert_null(m->source->text);
    const egaf_element *app = m->elements[EGAF_K_APPLICATION][0];
    assert_string_equal(app->name, "Quản lý văn bản");
    egaf_finding *g = egaf_diag(f->diags, "hygiene.unused", &app->mark, app->display, "x");
    assert_non_null(g);
    assert_string_equal(g->source_line, "    - {id: qlvb, name: Quản lý văn bản}");
    assert_int_equal(g->line, 5);
    assert_int_equal(g->col, 7);

    /* the same size, another inode (an editor saving by rename) */
    char *other = write_temp("framework: \"2.0\"\r\n"
                             "architecture: {id: x, agency: a, level: province, name: n, "
                             "year: 2020}\r\n"
                             "application:\r\n"
                             "  applications:\r\n"
                             "    - {id: qlvb, name: Quản lý văn bàn}\r\n");
    assert_int_equal(rename(other, path), 0);
    g = egaf_diag(f->diags, "hygiene.unused", &app->mark, app->display, "x");
    assert_non_null(g);
    assert_null(g->source_line);
    assert_int_equal(g->line, 5);
    egaf_model_free(m);
    unlink(path);
    free(path);
    free(other);
}

/* A copy of a model's source (egaf_source_copy) quotes its lines after the
 * model is freed, read again from the file; a source from memory keeps its
 * own copy of the text. */
static void test_source_copy_outlives_model(void **state)
{
    text_fixture *f = *state;
    char *path;
    egaf_model *m = load_released(f, &path);
    egaf_source *copy = egaf_source_copy(f->arena, m->source);
    egaf_mark at = m->elements[EGAF_K_APPLICATION][0]->mark;
    egaf_source *in_memory = egaf_source_from_memory(m->arena, "mem.yaml", "a\nb: c\n", 7);
    egaf_source *memory_copy = egaf_source_copy(f->arena, in_memory);
    assert_non_null(copy);
    assert_non_null(memory_copy);
    egaf_model_free(m);
    at.src = copy;
    egaf_finding *g = egaf_diag(f->diags, "hygiene.unused", &at, "x:qlvb", "x");
    assert_non_null(g);
    assert_string_equal(g->file, path);
    assert_string_equal(g->source_line, "    - {id: qlvb, name: Quản lý văn bản}");
    egaf_mark second = {memory_copy, 2, 1, 0};
    g = egaf_diag(f->diags, "hygiene.unused", &second, NULL, "x");
    assert_non_null(g);
    assert_string_equal(g->source_line, "b: c");
    unlink(path);
    free(path);
}

/* Writes text to a new file name in dir. */
static void write_in(const char *dir, const char *name, const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    write_file(path, text);
}

/* Two included files of the same shape are parsed one after the other in
 * the same scratch memory, so a node of the second can stand where the
 * first's fixed look-alike stood: the second's id is its own, not the
 * first's fix (nor a duplicate of it). */
static void test_lookalike_fix_stays_in_its_file(void **state)
{
    text_fixture *f = *state;
    char dir[512];
    scratch_path(dir, sizeof dir, "includes");
    assert_int_equal(mkdir(dir, 0700), 0);
    write_in(dir, "main.yaml",
             "framework: \"2.0\"\n"
             "architecture: {id: x, agency: a, level: province, name: n, year: 2020}\n"
             "include: [a.yaml, b.yaml]\n");
    write_in(dir, "a.yaml",
             "application:\n  applications:\n    - {id: \"a\xe2\x80\x90" "b\", name: A}\n");
    write_in(dir, "b.yaml", "application:\n  applications:\n    - {id: \"cxxd\", name: B}\n");
    char path[600];
    snprintf(path, sizeof path, "%s/main.yaml", dir);
    egaf_load_options opt = {.release_text = true};
    egaf_read_status rs;
    egaf_model *m = egaf_model_load(path, &opt, f->diags, &rs);
    assert_non_null(m);
    assert_int_equal(m->counts[EGAF_K_APPLICATION], 2);
    assert_string_equal(m->elements[EGAF_K_APPLICATION][0]->id, "a-b");
    assert_string_equal(m->elements[EGAF_K_APPLICATION][1]->id, "cxxd");
    assert_int_equal(egaf_diags_count(f->diags), 1);
    assert_string_equal(egaf_diags_at(f->diags, 0)->rule, "schema.id-syntax");
    egaf_model_free(m);
    const char *names[] = {"main.yaml", "a.yaml", "b.yaml"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_positions_in_characters, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_key_with_note, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_keys_in_large_map, text_setup,
                                        text_teardown),
        cmocka_unit_test_setup_teardown(test_syntax_error_position, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8_position, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_utf16_refused, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_bom_and_crlf, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_deep_nesting_stops_early, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_billion_laughs, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_alias_and_merge, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_undefined_alias, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_tags_and_documents, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_empty_file, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_model_shape_findings, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_model_values, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_repeated_text_one_copy, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_waiver_needs_reason, text_setup, text_teardown),
        cmocka_unit_test(test_arena_reset_and_alignment),
        cmocka_unit_test_setup_teardown(test_released_text_read_again, text_setup, text_teardown),
        cmocka_unit_test_setup_teardown(test_source_copy_outlives_model, text_setup,
                                        text_teardown),
        cmocka_unit_test_setup_teardown(test_lookalike_fix_stays_in_its_file, text_setup,
                                        text_teardown),
    };
    return cmocka_run_group_tests_name("loader", tests, NULL, NULL);
}
