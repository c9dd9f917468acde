/* test_consolidate.c - the cross-model checks on the seeded fixtures
 * (tests/fixtures/cross), each finding with both positions; the checks on
 * clean inputs; CSV field quoting; the site written twice to the same bytes.
 * Runs with cwd = tests/. */
#include "tests/unit/testutil.h"
#include "tests/unit/refs_group.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "model/model.h"
#include "refs/refs.h"
#include "site/site.h"
#include "site/site_priv.h"
#include "validator/validate.h"
#include "cmocka_main.h"

#define FX "fixtures/cross/"

static const char *const fixture_files[] = {FX "bo-tu-phap.yaml", FX "lang-son-cu.yaml",
                                            FX "lang-son.yaml", FX "son-la.yaml",
                                            FX "x-son-la.yaml"};
#define NFIX (sizeof fixture_files / sizeof fixture_files[0])

static size_t load(const char *const *files, size_t n, egaf_model **models, egaf_diags *d)
{
    for (size_t i = 0; i < n; i++) {
        egaf_read_status rs;
        models[i] = egaf_model_load(files[i], NULL, d, &rs);
        assert_non_null(models[i]);
    }
    return n;
}

/* The sorted cross-model findings of the n files for the year 2026, with the
 * reference data given (or none); the models stay in models for the caller
 * to free. */
static egaf_diags *validate_cross(const char *const *files, size_t n, egaf_model **models,
                                  const egaf_refs *with)
{
    egaf_diags *d = egaf_diags_create();
    load(files, n, models, d);
    egaf_validate_cross(with, models, n, 2026, d);
    egaf_diags_sort(d);
    return d;
}

static void free_models(egaf_model **models, size_t n)
{
    for (size_t i = 0; i < n; i++)
        egaf_model_free(models[i]);
}

/* The finding with rule at file:line:col, with a related note at
 * rfile:rline:rcol. */
static void assert_pair(const egaf_diags *d, const char *rule, const char *file, unsigned line,
                        unsigned col, const char *rfile, unsigned rline, unsigned rcol)
{
    for (size_t i = 0; i < egaf_diags_count(d); i++) {
        const egaf_finding *f = egaf_diags_at(d, i);
        if (strcmp(f->rule, rule) != 0 || !f->file || strcmp(f->file, file) != 0 ||
            f->line != line || f->col != col)
            continue;
        for (size_t r = 0; r < f->nrelated; r++) {
            const egaf_related *rel = &f->related[r];
            size_t fl = strlen(rel->file), rl = strlen(rfile);
            if (fl >= rl && strcmp(rel->file + fl - rl, rfile) == 0 && rel->line == rline &&
                rel->col == rcol)
                return;
        }
    }
    fail_msg("no %s at %s:%u:%u with a note at %s:%u:%u", rule, file, line, col, rfile, rline,
             rcol);
}

static void test_fixtures(void **state)
{
    (void)state;
    egaf_model *models[NFIX];
    egaf_diags *d = validate_cross(fixture_files, NFIX, models, refs);
    assert_pair(d, "cross.duplicate-agency", FX "lang-son.yaml", 7, 11, FX "lang-son-cu.yaml", 7,
                11);
    assert_pair(d, "cross.id-clash", FX "x-son-la.yaml", 6, 7, FX "son-la.yaml", 6, 7);
    assert_pair(d, "cross.unresolved", FX "lang-son.yaml", 129, 11, FX "son-la.yaml", 6, 7);
    assert_pair(d, "cross.one-sided", FX "lang-son.yaml", 125, 11, FX "son-la.yaml", 62, 7);
    assert_pair(d, "cross.owner-missing", FX "bo-tu-phap.yaml", 7, 11,
                "reference-models/national-databases.yaml", 101, 5);
    assert_pair(d, "cross.duplicate-investment", FX "lang-son.yaml", 89, 13,
                "reference-models/shared-systems.yaml", 180, 5);
    assert_pair(d, "cross.duplicate-investment", FX "son-la.yaml", 89, 13, FX "lang-son.yaml", 89,
                13);
    assert_pair(d, "cross.shared-candidate", FX "son-la.yaml", 83, 12, FX "lang-son.yaml", 83, 12);
    /* coverage: notes only, one per agency of 2026 without a model */
    size_t cov = count_rule(d, "cross.coverage");
    assert_true(cov >= 50);
    for (size_t i = 0; i < egaf_diags_count(d); i++) {
        const egaf_finding *f = egaf_diags_at(d, i);
        if (strcmp(f->rule, "cross.coverage") == 0)
            assert_int_equal(f->severity, EGAF_SEV_NOTE);
    }
    /* the owner with an `unknown` owner entry is not reported */
    for (size_t i = 0; i < egaf_diags_count(d); i++) {
        const egaf_finding *f = egaf_diags_at(d, i);
        if (strcmp(f->rule, "cross.owner-missing") == 0)
            assert_null(strstr(f->message, "csdl-an-sinh-xa-hoi"));
    }
    free_models(models, NFIX);
    egaf_diags_free(d);
}

static void test_clean_pair(void **state)
{
    (void)state;
    /* son-la alone: none of the two-model rules fire */
    const char *files[] = {FX "son-la.yaml"};
    egaf_model *models[1];
    egaf_diags *d = validate_cross(files, 1, models, refs);
    assert_int_equal(count_rule(d, "cross.duplicate-agency"), 0);
    assert_int_equal(count_rule(d, "cross.id-clash"), 0);
    assert_int_equal(count_rule(d, "cross.one-sided"), 0);
    assert_int_equal(count_rule(d, "cross.shared-candidate"), 0);
    /* its payment platform is still a duplicate of PayGov */
    assert_int_equal(count_rule(d, "cross.duplicate-investment"), 1);
    free_models(models, 1);
    egaf_diags_free(d);
}

static void test_without_refs(void **state)
{
    (void)state;
    egaf_model *models[NFIX];
    egaf_diags *d = validate_cross(fixture_files, NFIX, models, NULL);
    /* the checks that need no reference data still run */
    assert_int_equal(count_rule(d, "cross.id-clash"), 1);
    assert_int_equal(count_rule(d, "cross.one-sided"), 1);
    assert_int_equal(count_rule(d, "cross.unresolved"), 1);
    assert_int_equal(count_rule(d, "cross.coverage"), 0);
    assert_int_equal(count_rule(d, "cross.owner-missing"), 0);
    free_models(models, NFIX);
    egaf_diags_free(d);
}

static void test_csv_field(void **state)
{
    (void)state;
    egaf_buf b;
    egaf_buf_init(&b);
    site_csv_field(&b, "=HYPERLINK(\"x\")");
    site_csv_field(&b, "+1");
    site_csv_field(&b, "-2");
    site_csv_field(&b, "@a");
    site_csv_field(&b, "a, \"b\"\r\nc");
    site_csv_field(&b, NULL);
    site_csv_field(&b, "Hệ thống");
    assert_string_equal(b.data, "\"'=HYPERLINK(\"\"x\"\")\"\"'+1\"\"'-2\"\"'@a\""
                                "\"a, \"\"b\"\"\r\nc\"\"\"\"Hệ thống\"");
    egaf_buf_free(&b);
}

static char *slurp_tree(const char *dir)
{
    /* every file of the site folder, concatenated in name order, two levels */
    egaf_buf out;
    egaf_buf_init(&out);
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, alphasort);
    for (int i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
        struct stat st;
        if (names[i]->d_name[0] != '.' && stat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                char *sub = slurp_tree(path);
                egaf_buf_puts(&out, sub ? sub : "");
                free(sub);
            } else {
                FILE *f = fopen(path, "rb");
                char chunk[4096];
                size_t r;
                egaf_buf_printf(&out, "== %s\n", names[i]->d_name);
                while (f && (r = fread(chunk, 1, sizeof chunk, f)) > 0)
                    egaf_buf_add(&out, chunk, r);
                if (f)
                    fclose(f);
            }
        }
        free(names[i]);
    }
    free(names);
    return out.data;
}

static void remove_tree_simple(const char *dir)
{
    char cmd[1100];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_site_deterministic(void **state)
{
    (void)state;
    egaf_model *models[NFIX];
    egaf_diags *d = validate_cross(fixture_files, NFIX, models, refs);
    egaf_site_options so = {.year = 2026, .lang = EGAF_LANG_VI, .version = "test",
                            .label = "fixtures"};
    char *texts[2];
    for (int run = 0; run < 2; run++) {
        char dir[] = "/tmp/egaf-site-test.XXXXXX";
        assert_non_null(mkdtemp(dir));
        egaf_diags *rd = egaf_diags_create();
        char err[256];
        assert_int_equal(egaf_site_write(dir, models, NFIX, refs, d, &so, rd, err, sizeof err), 0);
        texts[run] = slurp_tree(dir);
        assert_non_null(texts[run]);
        assert_non_null(strstr(texts[run], "== index.html"));
        assert_non_null(strstr(texts[run], "== a-lang-son.html"));
        assert_non_null(strstr(texts[run], "== a-lang-son-cu.html"));
        assert_non_null(strstr(texts[run], "== n-ngsp.html"));
        assert_non_null(strstr(texts[run], "== consolidated.json"));
        /* two architectures share the id son-la: two pages */
        assert_non_null(strstr(texts[run], "== a-son-la-2.html"));
        egaf_diags_free(rd);
        remove_tree_simple(dir);
    }
    assert_string_equal(texts[0], texts[1]);
    free(texts[0]);
    free(texts[1]);
    free_models(models, NFIX);
    egaf_diags_free(d);
}

static void test_site_write_fails(void **state)
{
    (void)state;
    egaf_model *models[1];
    egaf_diags *d = egaf_diags_create();
    load(fixture_files, 1, models, d);
    egaf_site_options so = {.year = 2026, .lang = EGAF_LANG_EN, .version = "test", .label = "x"};
    egaf_diags *rd = egaf_diags_create();
    char err[256];
    assert_int_equal(egaf_site_write("/nonexistent/egaf/site", models, 1, refs, d, &so, rd, err,
                                     sizeof err),
                     -1);
    assert_non_null(strstr(err, "/nonexistent/egaf/site"));
    egaf_diags_free(rd);
    free_models(models, 1);
    egaf_diags_free(d);
}

EGAF_UNIT_MAIN(refs_group_setup, refs_group_teardown,
               cmocka_unit_test(test_fixtures),
               cmocka_unit_test(test_clean_pair),
               cmocka_unit_test(test_without_refs),
               cmocka_unit_test(test_csv_field),
               cmocka_unit_test(test_site_deterministic),
               cmocka_unit_test(test_site_write_fails))
