/* test_refs_cache.c - the reference models' compiled cache
 * (refs/refs_cache.h): the tree it gives is the YAML parser's, node for
 * node; a cache made from other bytes, truncated anywhere or with any byte
 * changed gives no tree (the YAML is parsed instead); the reference data
 * loaded through a cache equals the data loaded from the YAML alone. */
#include "testutil.h"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/yaml_tree.h"
#include "refs/refs.h"
#include "refs/refs_cache.h"
#include "cmocka_main.h"

#define REFS_DIR "../reference-models"

static const char *const names[] = {"agencies.yaml",      "shared-systems.yaml",
                                    "national-databases.yaml", "framework-2.0.yaml",
                                    "framework-3.0.yaml", "framework-4.0.yaml",
                                    "national-targets.yaml"};
#define NNAMES (sizeof names / sizeof *names)

static egaf_buf cache_bytes;

static int make_cache(void **state)
{
    (void)state;
    egaf_buf_init(&cache_bytes);
    size_t skipped = 99;
    if (egaf_refs_cache_write(REFS_DIR, names, NNAMES, &cache_bytes, &skipped) != 0 ||
        skipped != 0)
        return -1;
    return 0;
}

static int free_cache(void **state)
{
    (void)state;
    egaf_buf_free(&cache_bytes);
    return 0;
}

static char *write_temp(const char *data, size_t len)
{
    char *path = malloc(PATH_MAX);
    assert_non_null(path);
    scratch_path(path, PATH_MAX, "refs.cache");
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
    return path;
}

/* The same place: line, column and end column (the source is the caller's to
 * compare, where both come from one). */
static void assert_same_place(egaf_mark a, egaf_mark b)
{
    assert_int_equal(a.line, b.line);
    assert_int_equal(a.col, b.col);
    assert_int_equal(a.end_col, b.end_col);
}

static void assert_same_tree(const egaf_ynode *a, const egaf_ynode *b)
{
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->style, b->style);
    assert_int_equal(a->weight, b->weight);
    assert_ptr_equal(a->mark.src, b->mark.src);
    assert_same_place(a->mark, b->mark);
    switch (a->kind) {
    case EGAF_Y_SCALAR:
        assert_int_equal(a->u.scalar.len, b->u.scalar.len);
        assert_memory_equal(a->u.scalar.text, b->u.scalar.text, a->u.scalar.len + 1);
        break;
    case EGAF_Y_SEQ:
        assert_int_equal(a->u.seq.count, b->u.seq.count);
        for (size_t i = 0; i < a->u.seq.count; i++)
            assert_same_tree(a->u.seq.items[i], b->u.seq.items[i]);
        break;
    default:
        assert_int_equal(a->u.map.count, b->u.map.count);
        for (size_t i = 0; i < a->u.map.count; i++) {
            assert_same_tree(a->u.map.pairs[i].key, b->u.map.pairs[i].key);
            assert_same_tree(a->u.map.pairs[i].value, b->u.map.pairs[i].value);
        }
    }
}

static egaf_source *read_ref(egaf_arena *arena, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", REFS_DIR, name);
    egaf_source *src = NULL;
    assert_int_equal(egaf_source_read(arena, path, EGAF_MAX_FILE_SIZE, &src), EGAF_READ_OK);
    return src;
}

static void test_tree_is_the_parsers(void **state)
{
    (void)state;
    char *path = write_temp(cache_bytes.data, cache_bytes.len);
    egaf_refs_cache *c = egaf_refs_cache_open(path);
    assert_non_null(c);
    for (size_t i = 0; i < NNAMES; i++) {
        egaf_arena *arena = egaf_arena_create();
        egaf_diags *diags = egaf_diags_create();
        egaf_source *src = read_ref(arena, names[i]);
        egaf_ynode *parsed = egaf_yaml_parse(arena, src, NULL, diags);
        assert_int_equal(egaf_diags_count(diags), 0);
        egaf_ynode *cached = egaf_refs_cache_tree(c, names[i], src, arena);
        assert_same_tree(parsed, cached);
        assert_null(egaf_refs_cache_tree(c, "framework-9.0.yaml", src, arena));
        egaf_diags_free(diags);
        egaf_arena_free(arena);
    }
    egaf_refs_cache_free(c);
    unlink(path);
    free(path);
}

/* The YAML changed since the cache was made: one byte, or one byte more. */
static void test_stale_yaml_gives_no_tree(void **state)
{
    (void)state;
    char *path = write_temp(cache_bytes.data, cache_bytes.len);
    egaf_refs_cache *c = egaf_refs_cache_open(path);
    assert_non_null(c);
    egaf_arena *arena = egaf_arena_create();
    egaf_source *src = read_ref(arena, "agencies.yaml");
    char *text = malloc(src->len + 2);
    memcpy(text, src->text, src->len + 1);
    for (size_t at = 0; at < src->len; at += src->len / 97 + 1) {
        text[at] ^= 0x01;
        egaf_source *edited = egaf_source_from_memory(arena, src->path, text, src->len);
        assert_null(egaf_refs_cache_tree(c, "agencies.yaml", edited, arena));
        text[at] ^= 0x01;
    }
    text[src->len] = '\n';
    egaf_source *longer = egaf_source_from_memory(arena, src->path, text, src->len + 1);
    assert_null(egaf_refs_cache_tree(c, "agencies.yaml", longer, arena));
    egaf_source *same = egaf_source_from_memory(arena, src->path, text, src->len);
    assert_non_null(egaf_refs_cache_tree(c, "agencies.yaml", same, arena));
    free(text);
    egaf_arena_free(arena);
    egaf_refs_cache_free(c);
    unlink(path);
    free(path);
}

/* Cut at every length and with every byte changed (each bit of a sample
 * of them), the cache does not open; the whole one does. */
static void test_damaged_cache_does_not_open(void **state)
{
    (void)state;
    char *copy = malloc(cache_bytes.len);
    memcpy(copy, cache_bytes.data, cache_bytes.len);
    char *path = write_temp(copy, cache_bytes.len);
    egaf_refs_cache *whole = egaf_refs_cache_open(path);
    assert_non_null(whole);
    egaf_refs_cache_free(whole);
    for (size_t len = 0; len < cache_bytes.len; len += len < 256 ? 1 : 997) {
        assert_int_equal(truncate(path, (off_t)len), 0);
        assert_null(egaf_refs_cache_open(path));
    }
    for (size_t at = 0; at < cache_bytes.len; at += at < 128 ? 1 : 4099) {
        for (int bit = 0; bit < 8; bit++) {
            copy[at] ^= (char)(1 << bit);
            FILE *f = fopen(path, "wb");
            fwrite(copy, 1, cache_bytes.len, f);
            fclose(f);
            assert_null(egaf_refs_cache_open(path));
            copy[at] ^= (char)(1 << bit);
        }
    }
    /* a byte more, and not a regular file */
    FILE *f = fopen(path, "wb");
    fwrite(copy, 1, cache_bytes.len, f);
    fputc(0, f);
    fclose(f);
    assert_null(egaf_refs_cache_open(path));
    assert_null(egaf_refs_cache_open("/tmp"));
    assert_null(egaf_refs_cache_open("/nonexistent/egaf-refs.cache"));
    unlink(path);
    free(path);
    free(copy);
}

static void assert_same_refs(const egaf_refs *a, const egaf_refs *b)
{
    assert_int_equal(a->nentries, b->nentries);
    assert_int_equal(a->nframeworks, b->nframeworks);
    for (size_t i = 0; i < a->nentries; i++) {
        const egaf_ref_entry *x = a->entries[i], *y = b->entries[i];
        assert_string_equal(x->id, y->id);
        assert_int_equal(x->kind, y->kind);
        assert_true((x->name == NULL) == (y->name == NULL));
        if (x->name)
            assert_string_equal(x->name, y->name);
        assert_int_equal(x->valid_from, y->valid_from);
        assert_int_equal(x->valid_to, y->valid_to);
        assert_same_place(x->mark, y->mark);
        assert_int_equal(x->nowners, y->nowners);
    }
    assert_int_equal(a->nnational_targets, b->nnational_targets);
    for (size_t i = 0; i < a->nnational_targets; i++) {
        const egaf_ref_national_target *x = &a->national_targets[i], *y = &b->national_targets[i];
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->name, y->name);
        assert_string_equal(x->value, y->value);
        assert_int_equal(x->valid_from, y->valid_from);
        assert_int_equal(x->valid_to, y->valid_to);
        assert_int_equal(x->fact.confidence, y->fact.confidence);
        assert_int_equal(x->mark.line, y->mark.line);
    }
}

static void test_loaded_data_is_the_same(void **state)
{
    (void)state;
    char *path = write_temp(cache_bytes.data, cache_bytes.len);
    egaf_diags *d1 = egaf_diags_create(), *d2 = egaf_diags_create();
    egaf_refs_status s1, s2;
    egaf_refs *plain = egaf_refs_load(REFS_DIR, d1, &s1);
    egaf_refs *cached = egaf_refs_load_cached(REFS_DIR, path, d2, &s2);
    assert_int_equal(s1, EGAF_REFS_OK);
    assert_int_equal(s2, EGAF_REFS_OK);
    assert_int_equal(egaf_diags_count(d1), egaf_diags_count(d2));
    /* the national targets are in the cache, and loaded from it */
    assert_int_equal(plain->nnational_targets, 14);
    assert_same_refs(plain, cached);
    egaf_refs_free(plain);
    egaf_refs_free(cached);
    egaf_diags_free(d1);
    egaf_diags_free(d2);
    unlink(path);
    free(path);
}

/* A file whose YAML gives a finding is left out: its findings come from
 * parsing it. */
static void test_file_with_findings_left_out(void **state)
{
    (void)state;
    char dir[PATH_MAX];
    scratch_path(dir, sizeof dir, "refs");
    assert_int_equal(mkdir(dir, 0700), 0);
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/agencies.yaml", dir);
    FILE *f = fopen(path, "w");
    fputs("kind: agencies\nkind: agencies\n", f); /* a duplicate key */
    fclose(f);
    egaf_buf out;
    egaf_buf_init(&out);
    size_t skipped = 0;
    const char *one[] = {"agencies.yaml", "missing.yaml"};
    assert_int_equal(egaf_refs_cache_write(dir, one, 2, &out, &skipped), 0);
    assert_int_equal(skipped, 2);
    egaf_buf_free(&out);
    unlink(path);
    rmdir(dir);
}

EGAF_UNIT_MAIN(make_cache, free_cache,
               cmocka_unit_test(test_tree_is_the_parsers),
               cmocka_unit_test(test_stale_yaml_gives_no_tree),
               cmocka_unit_test(test_damaged_cache_does_not_open),
               cmocka_unit_test(test_loaded_data_is_the_same),
               cmocka_unit_test(test_file_with_findings_left_out))
