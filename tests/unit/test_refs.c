/* test_refs.c - the reference models: the real data loads clean and answers
 * the dated questions models ask (which ministries and provinces exist in a
 * year, who owns a national database, what a code means); broken copies of
 * the data give positioned refs.* findings. Runs with cwd = tests/. */
#include "tests/unit/testutil.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refs/refs.h"
#include "base/suggest.h"
#include "cmocka_main.h"

#define REFS_DIR "../reference-models"

static egaf_refs *real;
static egaf_diags *real_diags;
static egaf_refs_status real_status;

static int group_setup(void **state)
{
    (void)state;
    real_diags = egaf_diags_create();
    real = egaf_refs_load(REFS_DIR, real_diags, &real_status);
    return real_diags ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    egaf_refs_free(real);
    egaf_diags_free(real_diags);
    return 0;
}

static void print_findings(const egaf_diags *d)
{
    for (size_t i = 0; i < egaf_diags_count(d); i++) {
        const egaf_finding *f = egaf_diags_at(d, i);
        print_message("  %s:%u:%u: %s [%s]\n", f->file ? f->file : "-", f->line, f->col,
                      f->message, f->rule);
    }
}

static size_t count_level(const char *level, int year)
{
    size_t n = 0;
    for (size_t i = 0; i < real->nentries; i++) {
        const egaf_ref_entry *e = real->entries[i];
        if (e->kind == EGAF_RK_AGENCY && strcmp(e->level, level) == 0 &&
            egaf_ref_valid_in(e, year))
            n++;
    }
    return n;
}

static const egaf_ref_entry *need(const char *id)
{
    const egaf_ref_entry *e = egaf_refs_find(real, id);
    if (!e)
        fail_msg("no reference entry '%s'", id);
    return e;
}

/* ---- the real data ---- */

static void test_real_data_loads_clean(void **state)
{
    (void)state;
    if (egaf_diags_count(real_diags))
        print_findings(real_diags);
    assert_non_null(real);
    assert_int_equal(real_status, EGAF_REFS_OK);
    assert_int_equal(egaf_diags_count(real_diags), 0);
    assert_int_equal(real->nframeworks, 3);
}

static void test_counts_by_year(void **state)
{
    (void)state;
    assert_int_equal(count_level("ministry", 2020), 22);
    assert_int_equal(count_level("ministry", 2026), 17);
    assert_int_equal(count_level("province", 2020), 63);
    assert_int_equal(count_level("province", 2026), 34);
    /* the table of docs/reference-models.md */
    assert_int_equal(count_level("ministry", 2019), 22);
    assert_int_equal(count_level("province", 2024), 63);
    assert_int_equal(count_level("ministry", 2025), 24);
    assert_int_equal(count_level("province", 2025), 86);
}

static void test_successor_of_bac_giang(void **state)
{
    (void)state;
    const egaf_ref_entry *bg = need("bac-giang");
    assert_int_equal(bg->kind, EGAF_RK_AGENCY);
    assert_int_equal(bg->nsuccessors, 1);
    assert_string_equal(bg->successors[0], "bac-ninh-2025");
    assert_int_equal(bg->valid_to, 20250630);
    assert_true(egaf_ref_valid_in(bg, 2020));
    assert_false(egaf_ref_valid_in(bg, 2026));
    const egaf_ref_entry *bn = need("bac-ninh-2025");
    assert_int_equal(bn->valid_from, 20250701);
    assert_false(egaf_ref_valid_in(bn, 2020));
    assert_true(egaf_ref_valid_in(bn, 2026));
    assert_string_equal(bn->gso_code, "24");
}

static void test_agency_lookup(void **state)
{
    (void)state;
    const egaf_ref_entry *e = egaf_refs_agency(real, "000.00.00.H26", 2020);
    assert_non_null(e);
    assert_string_equal(e->id, "ha-noi");
    assert_ptr_equal(egaf_refs_agency(real, "ha-noi", 2020), e);
    assert_ptr_equal(egaf_refs_agency(real, "000.00.00.H26", 0), e);
    /* an ended agency is not found in a later year, by id or by code */
    assert_null(egaf_refs_agency(real, "bac-giang", 2026));
    assert_null(egaf_refs_agency(real, "000.00.00.G14", 2026));
    assert_string_equal(egaf_refs_agency(real, "000.00.00.G14", 2020)->id,
                        "bo-thong-tin-va-truyen-thong");
    /* statistics code 24: Bắc Giang until 2025-06-30, Bắc Ninh (2025) after */
    assert_string_equal(egaf_refs_agency(real, "24", 2020)->id, "bac-giang");
    assert_string_equal(egaf_refs_agency(real, "24", 2026)->id, "bac-ninh-2025");
    assert_string_equal(egaf_refs_agency(real, "24", 2025)->id, "bac-ninh-2025");
    assert_string_equal(egaf_refs_agency(real, "24", 0)->id, "bac-ninh-2025");
    /* not agencies */
    assert_null(egaf_refs_agency(real, "ngsp", 0));
    assert_null(egaf_refs_agency(real, "000.00.00.Z99", 0));
    assert_null(egaf_refs_agency(real, "", 0));
}

static void test_hue_dates(void **state)
{
    (void)state;
    const egaf_ref_entry *tth = need("thua-thien-hue");
    const egaf_ref_entry *hue = need("hue");
    assert_int_equal(tth->valid_to, 20241231);
    assert_true(egaf_ref_valid_in(tth, 2024));
    assert_false(egaf_ref_valid_in(tth, 2025));
    assert_true(egaf_ref_valid_in(hue, 2025));
    assert_true(hue->municipality);
    assert_false(tth->municipality);
    assert_string_equal(egaf_refs_agency(real, "46", 2024)->id, "thua-thien-hue");
    assert_string_equal(egaf_refs_agency(real, "46", 2026)->id, "hue");
}

static void test_priority_databases(void **state)
{
    (void)state;
    static const char *const six[] = {"csdl-dan-cu",          "csdl-dat-dai",
                                      "csdl-dang-ky-doanh-nghiep", "csdl-thong-ke-dan-so",
                                      "csdl-tai-chinh",       "csdl-bao-hiem"};
    size_t n = 0;
    for (size_t i = 0; i < real->nentries; i++)
        if (real->entries[i]->priority_714)
            n++;
    assert_int_equal(n, 6);
    for (size_t i = 0; i < 6; i++) {
        const egaf_ref_entry *e = need(six[i]);
        assert_int_equal(e->kind, EGAF_RK_NATIONAL_DATABASE);
        assert_true(e->priority_714);
        for (int year = 2015; year <= 2026; year++) {
            const char *o = egaf_ref_owner_in(e, year);
            if (!o)
                fail_msg("%s has no owner in %d", six[i], year);
            const egaf_ref_entry *ag = egaf_refs_agency(real, o, year);
            if (!ag)
                fail_msg("owner %s of %s does not exist in %d", o, six[i], year);
        }
    }
    const egaf_ref_entry *dn = need("csdl-dang-ky-doanh-nghiep");
    assert_string_equal(egaf_ref_owner_in(dn, 2020), "bo-ke-hoach-va-dau-tu");
    assert_string_equal(egaf_ref_owner_in(dn, 2026), "bo-tai-chinh");
    assert_string_equal(egaf_ref_owner_in(dn, 0), "bo-tai-chinh");
    /* the data subjects point back at their database */
    const egaf_ref_entry *s = need("doanh-nghiep");
    assert_int_equal(s->kind, EGAF_RK_DATA_SUBJECT);
    assert_string_equal(s->authoritative_db, "csdl-dang-ky-doanh-nghiep");
}

static void test_design_national_ids(void **state)
{
    (void)state;
    static const char *const systems[] = {"ngsp", "dvcqg", "tltvb", "bccp", "ecabinet",
                                          "vneid", "pki-cp", "paygov", "tslcd",
                                          "cong-du-lieu", "ttdlqg", NULL};
    static const char *const dbs[] = {"csdl-dan-cu", "csdl-dat-dai",
                                      "csdl-dang-ky-doanh-nghiep", "csdl-thong-ke-dan-so",
                                      "csdl-tai-chinh", "csdl-bao-hiem", "csdl-ho-tich", NULL};
    for (size_t i = 0; systems[i]; i++)
        assert_int_equal(need(systems[i])->kind, EGAF_RK_SHARED_SYSTEM);
    for (size_t i = 0; dbs[i]; i++)
        assert_int_equal(need(dbs[i])->kind, EGAF_RK_NATIONAL_DATABASE);
    /* vneid is not in edition 2.0 */
    const egaf_ref_entry *v = need("vneid");
    for (size_t i = 0; i < v->neditions; i++)
        assert_string_not_equal(v->editions[i], "2.0");
}

static void test_shared_systems_have_owner_and_source(void **state)
{
    (void)state;
    size_t n = 0;
    for (size_t i = 0; i < real->nentries; i++) {
        const egaf_ref_entry *e = real->entries[i];
        if (e->kind != EGAF_RK_SHARED_SYSTEM)
            continue;
        n++;
        if (!egaf_ref_owner_in(e, 0) || !e->source || !*e->source)
            fail_msg("shared system %s has no owner or no source", e->id);
        assert_true(e->neditions > 0);
    }
    assert_int_equal(n, 17);
    const egaf_ref_entry *ngsp = need("ngsp");
    assert_string_equal(egaf_ref_owner_in(ngsp, 2020), "bo-thong-tin-va-truyen-thong");
    assert_string_equal(egaf_ref_owner_in(ngsp, 2026), "bo-khoa-hoc-va-cong-nghe");
    assert_int_equal(ngsp->valid_from, 20170101); /* a bare year starts on 1 January */
    assert_int_equal(ngsp->nconnects, 1);
    assert_string_equal(ngsp->connects[0].component, "lgsp");
    assert_false(egaf_ref_valid_in(ngsp, 2016));
}

static void test_framework_2_0(void **state)
{
    (void)state;
    const egaf_ref_framework *f = egaf_refs_framework(real, "2.0");
    assert_non_null(f);
    assert_int_equal(f->nsections, 7);
    assert_string_equal(f->sections[0].id, "vision");
    assert_string_equal(f->sections[0].keys[0], "architecture.vision");
    assert_int_equal(f->sections[5].nkeys, 5);
    const egaf_ref_requirement *lgsp = NULL;
    for (size_t i = 0; i < f->nrequirements; i++)
        if (strcmp(f->requirements[i].id, "lgsp") == 0)
            lgsp = &f->requirements[i];
    assert_non_null(lgsp);
    assert_string_equal(lgsp->section, "platforms");
    assert_string_equal(lgsp->match_key, "kind");
    assert_string_equal(lgsp->match_value, "lgsp");
    assert_int_equal(lgsp->nmust_connect, 1);
    assert_string_equal(lgsp->must_connect[0], "ngsp");
    assert_int_equal(f->nrequirements, 5);
    assert_null(f->requirements[4].match_key); /* tslcd: match {} */
    assert_int_equal(f->nroutes, 4);
    assert_false(f->routes[0].needs_reason);
    assert_true(f->routes[1].needs_reason);
    assert_int_equal(f->nsecurity_levels, 5);
    assert_true(f->security_levels[2].needs_control);
    assert_int_equal(f->ntargets, 6);
    assert_true(f->targets[0].value == 30.0);
    assert_int_equal(f->valid_from, 20191231);
    assert_int_equal(f->valid_to, 20231228);
    assert_true(egaf_ref_framework_valid_in(f, 2020));
    assert_false(egaf_ref_framework_valid_in(f, 2024));

    const egaf_ref_code *c = egaf_ref_code_find(f, EGAF_TREE_DRM, "DRM001.001");
    assert_non_null(c);
    assert_string_equal(c->name, "Hỗ trợ doanh nghiệp và các ngành kinh tế");
    assert_null(egaf_ref_code_find(f, EGAF_TREE_DRM, "DRM009"));
    assert_null(egaf_ref_code_find(f, EGAF_TREE_BRM, "DRM001.001"));
    assert_false(f->trees[EGAF_TREE_DRM].provisional);
    assert_true(f->trees[EGAF_TREE_BRM].provisional);
    assert_int_equal(f->trees[EGAF_TREE_BRM].ncodes, 43);
    assert_int_equal(f->trees[EGAF_TREE_DRM].ncodes, 9);

    const egaf_ref_framework *f3 = egaf_refs_framework(real, "3.0");
    assert_non_null(f3);
    assert_int_equal(f3->nrequirements, 6);
    assert_string_equal(f3->requirements[5].id, "tthc-vneid");
    assert_ptr_equal(egaf_refs_framework(real, "4.0"), real->frameworks[2]);
    assert_null(egaf_refs_framework(real, "5.0"));
    assert_true(egaf_ref_framework_valid_in(real->frameworks[2], 2026));
}

/* What the loader checks, asserted again on the data: if a check is lost,
 * this still holds the data to it. */
static void test_self_check(void **state)
{
    (void)state;
    for (size_t i = 0; i < real->nentries; i++) {
        const egaf_ref_entry *e = real->entries[i];
        if (!e->source || !e->confidence)
            fail_msg("%s has no source or no confidence", e->id);
        assert_ptr_equal(egaf_refs_find(real, e->id), e);
        for (size_t j = 0; j < e->nowners; j++) {
            const egaf_ref_entry *a = egaf_refs_find(real, e->owners[j].agency);
            if (!a || a->kind != EGAF_RK_AGENCY)
                fail_msg("owner %s of %s does not resolve", e->owners[j].agency, e->id);
            assert_non_null(e->owners[j].confidence);
        }
        for (size_t j = 0; j < e->nsuccessors; j++) {
            const egaf_ref_entry *a = egaf_refs_find(real, e->successors[j]);
            if (!a || a->kind != EGAF_RK_AGENCY)
                fail_msg("successor %s of %s does not resolve", e->successors[j], e->id);
        }
        if (e->kind == EGAF_RK_DATA_SUBJECT)
            assert_non_null(e->authoritative_db);
        /* an agency ends into its successors; one that ends with none
         * (a cơ quan thuộc Chính phủ of 2019) has an end that is not confirmed */
        if (e->valid_to && e->kind == EGAF_RK_AGENCY && e->nsuccessors == 0)
            assert_int_not_equal(e->end_fact.confidence, EGAF_CONF_CONFIRMED);
        /* every fact can be looked up */
        assert_true(e->fact.nsources > 0);
    }
}

static void test_kind_names(void **state)
{
    (void)state;
    assert_string_equal(egaf_ref_kind_name(EGAF_RK_AGENCY), "agency");
    assert_string_equal(egaf_ref_kind_name(EGAF_RK_SHARED_SYSTEM), "shared-system");
    assert_string_equal(egaf_ref_kind_name(EGAF_RK_NATIONAL_DATABASE), "national-database");
    assert_string_equal(egaf_ref_kind_name(EGAF_RK_DATA_SUBJECT), "data-subject");
}

/* ---- locating ---- */

static void test_locate(void **state)
{
    (void)state;
    char *p = egaf_refs_locate(REFS_DIR, NULL);
    assert_non_null(p);
    assert_string_equal(p, REFS_DIR);
    free(p);
    /* an explicit folder that does not exist is never replaced by a guess */
    assert_null(egaf_refs_locate("../no-such-folder", NULL));
    assert_null(egaf_refs_locate("../Makefile", NULL));
    char *old = getenv("EGAF_REFS") ? strdup(getenv("EGAF_REFS")) : NULL;
    setenv("EGAF_REFS", REFS_DIR, 1);
    p = egaf_refs_locate(NULL, NULL);
    assert_non_null(p);
    assert_string_equal(p, REFS_DIR);
    free(p);
    /* beside the build tree: <root>/build/egaf and <root>/build/asan/egaf */
    unsetenv("EGAF_REFS");
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    char exe[4200], want[4200];
    snprintf(want, sizeof want, "%s/..", cwd);
    char *root = realpath(want, NULL);
    assert_non_null(root);
    snprintf(want, sizeof want, "%s/reference-models", root);
    const char *exes[] = {"%s/../build/egaf", "%s/../build/asan/egaf"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(exe, sizeof exe, exes[i], cwd);
        p = egaf_refs_locate(NULL, exe);
        if (p && strncmp(p, "/usr/local/share", 16) != 0)
            assert_string_equal(p, want);
        free(p);
    }
    free(root);
    if (old) {
        setenv("EGAF_REFS", old, 1);
        free(old);
    }
}

static void test_missing_folder(void **state)
{
    (void)state;
    egaf_diags *d = egaf_diags_create();
    egaf_refs_status st;
    assert_null(egaf_refs_load("../no-such-folder", d, &st));
    assert_int_equal(st, EGAF_REFS_NOT_FOUND);
    assert_null(egaf_refs_load(".", d, &st)); /* a folder with no reference file */
    assert_int_equal(st, EGAF_REFS_NOT_FOUND);
    egaf_diags_free(d);
}

/* ---- broken copies ---- */

typedef struct broken {
    char dir[256];
    egaf_diags *diags;
    egaf_refs *refs;
    egaf_refs_status status;
    unsigned line, col; /* where the edit is */
} broken;

/* Copies the real data into a temporary folder, replacing the first `from`
 * in `file` by `to`, and loads the copy. b->line and b->col are where `from`
 * was (1-based; the prefix of the line is ASCII in every case used). */
static void load_broken(broken *b, const char *file, const char *from, const char *to)
{
    memset(b, 0, sizeof(*b));
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(b->dir, sizeof b->dir, "%s/egaf-refs-XXXXXX", tmp);
    assert_non_null(mkdtemp(b->dir));
    DIR *d = opendir(REFS_DIR);
    assert_non_null(d);
    struct dirent *de;
    bool edited = false;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char src[512], dst[512];
        snprintf(src, sizeof src, "%s/%s", REFS_DIR, de->d_name);
        snprintf(dst, sizeof dst, "%s/%s", b->dir, de->d_name);
        size_t len = 0;
        char *text = read_whole_file(src, &len);
        assert_non_null(text);
        FILE *out = fopen(dst, "wb");
        assert_non_null(out);
        char *at = strcmp(de->d_name, file) == 0 ? strstr(text, from) : NULL;
        if (at) {
            edited = true;
            b->line = 1;
            const char *bol = text;
            for (const char *p = text; p < at; p++)
                if (*p == '\n') {
                    b->line++;
                    bol = p + 1;
                }
            b->col = (unsigned)(at - bol) + 1;
            fwrite(text, 1, (size_t)(at - text), out);
            fputs(to, out);
            fputs(at + strlen(from), out);
        } else {
            fwrite(text, 1, len, out);
        }
        fclose(out);
        free(text);
    }
    closedir(d);
    if (!edited)
        fail_msg("'%s' not found in %s", from, file);
    b->diags = egaf_diags_create();
    b->refs = egaf_refs_load(b->dir, b->diags, &b->status);
}

static void free_broken(broken *b)
{
    DIR *d = opendir(b->dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (de->d_name[0] == '.')
                continue;
            char p[512];
            snprintf(p, sizeof p, "%s/%s", b->dir, de->d_name);
            unlink(p);
        }
        closedir(d);
    }
    rmdir(b->dir);
    egaf_refs_free(b->refs);
    egaf_diags_free(b->diags);
}

/* The finding of rule at line:col of file; the load must have failed. */
static const egaf_finding *expect_at(broken *b, const char *rule, const char *file,
                                     unsigned line, unsigned col)
{
    assert_int_equal(b->status, EGAF_REFS_BROKEN);
    for (size_t i = 0; i < egaf_diags_count(b->diags); i++) {
        const egaf_finding *f = egaf_diags_at(b->diags, i);
        if (strcmp(f->rule, rule) == 0 && f->line == line && f->col == col && f->file &&
            strstr(f->file, file))
            return f;
    }
    print_findings(b->diags);
    fail_msg("no %s at %s:%u:%u", rule, file, line, col);
    return NULL;
}

/* The reference data with the first `from` in file replaced by `to` fails to
 * load, with a finding of rule in file at the edit's line, col_offset
 * columns right of where `from` began, whose hint is hint (unless NULL). */
static void expect_broken(const char *file, const char *from, const char *to, const char *rule,
                          unsigned col_offset, const char *hint)
{
    broken b;
    load_broken(&b, file, from, to);
    const egaf_finding *f = expect_at(&b, rule, file, b.line, b.col + col_offset);
    if (hint) {
        assert_non_null(f->hint);
        assert_string_equal(f->hint, hint);
    }
    free_broken(&b);
}

static void test_broken_duplicate_id(void **state)
{
    (void)state;
    broken b;
    /* the second ministry takes the first one's id */
    load_broken(&b, "agencies.yaml", "id: bo-cong-thuong", "id: bo-cong-an");
    const egaf_finding *f = expect_at(&b, "refs.duplicate-id", "agencies.yaml", b.line, b.col);
    assert_int_equal(f->nrelated, 1);
    assert_int_equal(egaf_diags_count(b.diags), 1);
    free_broken(&b);
    /* across kinds: a database with a shared system's id */
    expect_broken("national-databases.yaml", "id: csdl-gia\n", "id: ngsp\n", "refs.duplicate-id", 0,
                  NULL);
}

static void test_broken_unknown_successor(void **state)
{
    (void)state;
    broken b;
    /* the first such successor is Bắc Giang's */
    load_broken(&b, "agencies.yaml", "successor: [bac-ninh-2025]", "successor: [bac-ninh-2052]");
    const egaf_finding *f =
        expect_at(&b, "refs.unresolved", "agencies.yaml", b.line, b.col + 12);
    assert_non_null(strstr(f->message, "'bac-giang'"));
    assert_non_null(f->hint);
    assert_non_null(strstr(f->hint, "bac-ninh-2025"));
    free_broken(&b);
}

static void test_broken_successor_not_yet_valid(void **state)
{
    (void)state;
    broken b;
    /* Huế starting a day late leaves Thừa Thiên Huế's successor missing on 2025-01-01 */
    load_broken(&b, "agencies.yaml", "valid-from: 2025-01-01", "valid-from: 2025-01-02");
    bool found = false;
    for (size_t i = 0; i < egaf_diags_count(b.diags); i++) {
        const egaf_finding *f = egaf_diags_at(b.diags, i);
        if (strcmp(f->rule, "refs.unresolved") == 0 && strstr(f->message, "2025-01-01"))
            found = true;
    }
    if (!found)
        print_findings(b.diags);
    assert_true(found);
    free_broken(&b);
}

static void test_broken_yaml(void **state)
{
    (void)state;
    broken b;
    load_broken(&b, "shared-systems.yaml", "  - id: dvcqg\n", "  - id: [dvcqg\n");
    assert_int_equal(b.status, EGAF_REFS_BROKEN);
    assert_true(find_rule(b.diags, "yaml.syntax") >= 0);
    const egaf_finding *f = egaf_diags_at(b.diags, (size_t)find_rule(b.diags, "yaml.syntax"));
    assert_non_null(strstr(f->file, "shared-systems.yaml"));
    assert_true(f->line > 0);
    /* owners need the systems' file, but the agencies still load */
    assert_non_null(b.refs);
    assert_non_null(egaf_refs_find(b.refs, "bac-giang"));
    free_broken(&b);
}

static void test_broken_unknown_key(void **state)
{
    (void)state;
    expect_broken("shared-systems.yaml", "    purpose: \"Điểm", "    purpsoe: \"Điểm",
                  "refs.schema", 4, "did you mean 'purpose'?");
    /* in a framework's nested map */
    expect_broken("framework-2.0.yaml", "    match: {kind: lgsp}", "    match: {knd: lgsp}",
                  "refs.schema", 12, NULL);
}

static void test_broken_dates(void **state)
{
    (void)state;
    broken b;
    expect_broken("agencies.yaml", "valid-to: 2024-12-31", "valid-to: 2024-13-31", "refs.schema",
                  10, NULL);
    /* a bare year starts on 1 January */
    load_broken(&b, "national-databases.yaml", "listed: 2026-03-28", "listed: 2026");
    assert_int_equal(b.status, EGAF_REFS_OK);
    assert_int_equal(egaf_refs_find(b.refs, "csdl-tong-hop-quoc-gia")->listed, 20260101);
    free_broken(&b);
}

static void test_broken_missing_source(void **state)
{
    (void)state;
    expect_broken(
        "national-databases.yaml",
        "{id: dat-dai, name: Thông tin đất đai, name-en: Land data, source: [\"QĐ "
        "714/QĐ-TTg 22/5/2015\", \"thuvienphapluat.vn (QĐ 714/QĐ-TTg)\", "
        "\"tapchicongthuong.vn/6-co-so-du-lieu-quoc-gia-can-uu-tien-trien-khai-41389.htm\"], "
        "confidence: confirmed}",
        "{id: dat-dai, name: Thông tin đất đai, name-en: Land data, confidence: "
        "confirmed}",
        "refs.missing-source", 0, NULL);
}

static void test_broken_codes_same_day(void **state)
{
    (void)state;
    /* one code for two agencies that never overlap is fine: G10 */
    assert_string_equal(egaf_refs_agency(real, "000.00.00.G10", 2026)->id,
                        "bo-nong-nghiep-va-moi-truong");
    assert_string_equal(egaf_refs_agency(real, "000.00.00.G10", 2020)->id,
                        "bo-nong-nghiep-va-phat-trien-nong-thon");
    /* two ministries with one code on the same day are not */
    expect_broken("agencies.yaml", "organ-code: \"000.00.00.G02\"", "organ-code: \"000.00.00.G01\"",
                  "refs.duplicate-id", 12, NULL);
}

static void test_broken_owners(void **state)
{
    (void)state;
    /* an owner that ends before the system does */
    expect_broken("shared-systems.yaml",
                  "      - {agency: van-phong-chinh-phu, confidence: "
                  "confirmed}\n    valid-from: 2019\n",
                  "      - {agency: bo-giao-thong-van-tai, confidence: confirmed}\n    "
                  "valid-from: 2019\n",
                  "refs.unresolved", 17, NULL);
    /* two owners on the same days */
    expect_broken("national-databases.yaml",
                  "{agency: bo-tai-chinh, valid-from: 2025-03-01, confidence: inferred}",
                  "{agency: bo-tai-chinh, valid-from: 2025-02-01, confidence: inferred}",
                  "refs.schema", 9, NULL);
    /* an owner that is no agency */
    expect_broken("national-databases.yaml", "{agency: bo-cong-an, valid-from: 2015",
                  "{agency: bo-cong-ann, valid-from: 2015", "refs.unresolved", 9,
                  "did you mean 'bo-cong-an'?");
}

static void test_broken_framework_links(void **state)
{
    (void)state;
    expect_broken("shared-systems.yaml", "component: qlvb}", "component: qlvbb}", "refs.unresolved",
                  11, NULL);
    expect_broken("framework-3.0.yaml", "must-connect: [dvcqg]", "must-connect: [dvcqgg]",
                  "refs.unresolved", 15, NULL);
    /* vneid is not in 2.0: a 2.0 component cannot require it */
    expect_broken("framework-2.0.yaml", "must-connect: [dvcqg]", "must-connect: [vneid]",
                  "refs.unresolved", 15, NULL);
    expect_broken("framework-4.0.yaml", "{code: DRM002.001,", "{code: DRM005.001,",
                  "refs.unresolved", 7, NULL);
}

static void test_broken_level(void **state)
{
    (void)state;
    expect_broken("agencies.yaml", "level: ministry", "level: ministy", "refs.schema", 7,
                  "did you mean 'ministry'?");
}


/* ---- the December 2026 audit ---- */

static void test_audit_organ_codes(void **state)
{
    (void)state;
    /* H26 is Hà Nội (QĐ 2918/QĐ-UBND of Hà Nội), in 2020 and in 2026 */
    const egaf_ref_entry *hn = need("ha-noi");
    assert_string_equal(hn->organ_code, "000.00.00.H26");
    assert_int_equal(hn->code_fact.confidence, EGAF_CONF_CONFIRMED);
    assert_ptr_equal(egaf_refs_agency(real, "000.00.00.H26", 2020), hn);
    assert_ptr_equal(egaf_refs_agency(real, "000.00.00.H26", 2026), hn);
    assert_null(need("hai-duong")->organ_code);
    /* QĐ 09/2025/QĐ-TTg: G10 and G21 in 2026 */
    const egaf_ref_entry *g10 = egaf_refs_agency(real, "000.00.00.G10", 2026);
    assert_non_null(g10);
    assert_string_equal(g10->id, "bo-nong-nghiep-va-moi-truong");
    assert_int_equal(g10->code_fact.confidence, EGAF_CONF_CONFIRMED);
    assert_string_equal(g10->code_fact.sources[0],
                        "QĐ 09/2025/QĐ-TTg (14/4/2025), amending QĐ 20/2020/QĐ-TTg (22/7/2020)");
    assert_string_equal(egaf_refs_agency(real, "000.00.00.G21", 2026)->id,
                        "bo-dan-toc-va-ton-giao");
    assert_string_equal(egaf_refs_agency(real, "000.00.00.G10", 2020)->id,
                        "bo-nong-nghiep-va-phat-trien-nong-thon");
    /* an inferred code is not a code: none is left */
    for (size_t i = 0; i < real->nentries; i++) {
        const egaf_ref_entry *e = real->entries[i];
        if (e->kind == EGAF_RK_AGENCY && e->organ_code &&
            e->code_fact.confidence > EGAF_CONF_REPORTED)
            fail_msg("%s keeps the %s code %s", e->id,
                     egaf_confidence_name(e->code_fact.confidence), e->organ_code);
    }
    assert_null(need("bo-tai-nguyen-va-moi-truong")->organ_code); /* G13 was a guess */
}

static void test_audit_government_agencies(void **state)
{
    (void)state;
    static const char *const want[][2] = {
        {"dai-truyen-hinh-viet-nam", "000.00.00.G28"},
        {"dai-tieng-noi-viet-nam", "000.00.00.G27"},
        {"thong-tan-xa-viet-nam", "000.00.00.G30"},
        {"vien-han-lam-khoa-hoc-va-cong-nghe-viet-nam", "000.00.00.G31"},
        {"vien-han-lam-khoa-hoc-xa-hoi-viet-nam", "000.00.00.G32"},
    };
    size_t n = 0;
    for (size_t i = 0; i < real->nentries; i++) {
        const egaf_ref_entry *e = real->entries[i];
        if (e->kind != EGAF_RK_AGENCY || strcmp(e->level, "government-agency") != 0 ||
            !egaf_ref_valid_in(e, 2026))
            continue;
        bool known = false;
        for (size_t j = 0; j < 5; j++)
            if (strcmp(e->id, want[j][0]) == 0) {
                assert_string_equal(e->organ_code, want[j][1]);
                assert_ptr_equal(egaf_refs_agency(real, want[j][1], 2026), e);
                known = true;
            }
        if (!known)
            fail_msg("%s is a government agency in 2026", e->id);
        n++;
    }
    assert_int_equal(n, 5);
    /* the code is given by QĐ 09/2025/QĐ-TTg: not before it */
    assert_null(egaf_refs_agency(real, "000.00.00.G28", 2020));
    assert_false(egaf_ref_valid_in(need("bhxh-viet-nam"), 2026));
    assert_int_equal(need("bhxh-viet-nam")->end_fact.confidence, EGAF_CONF_REPORTED);
}

static void test_audit_systems_and_dates(void **state)
{
    (void)state;
    const egaf_ref_entry *portal = need("cong-du-lieu");
    assert_string_equal(egaf_ref_owner_in(portal, 2026), "bo-cong-an");
    assert_int_equal(egaf_ref_owner_record(portal, 2026)->fact.confidence, EGAF_CONF_CONFIRMED);
    const egaf_ref_entry *ndc = need("ttdlqg");
    assert_int_equal(ndc->valid_from, 20250225);
    assert_false(egaf_ref_valid_in(ndc, 2024));
    assert_true(egaf_ref_valid_in(ndc, 2025));
    assert_int_equal(egaf_ref_owner_record(ndc, 2025)->fact.confidence, EGAF_CONF_CONFIRMED);
    /* QĐ 11/2026/QĐ-TTg listed, did not start, the databases */
    const egaf_ref_entry *xnc = need("csdl-xuat-nhap-canh");
    assert_int_equal(xnc->valid_from, 0);
    assert_int_equal(xnc->start_fact.confidence, EGAF_CONF_UNKNOWN);
    assert_int_equal(xnc->listed, 20260328);
    assert_true(egaf_ref_valid_in(xnc, 2025));
    assert_int_equal(xnc->fact.confidence, EGAF_CONF_REPORTED); /* a back-translated title */
    /* Bộ LĐTB&XH went to four ministries */
    const egaf_ref_entry *lao = need("bo-lao-dong-thuong-binh-va-xa-hoi");
    assert_int_equal(lao->nsuccessors, 4);
    assert_string_equal(lao->successors[2], "bo-giao-duc-va-dao-tao");
    assert_string_equal(lao->successors[3], "bo-dan-toc-va-ton-giao");
    /* Huế: NQ 175/2024/QH15 */
    assert_non_null(strstr(need("hue")->source, "NQ 175/2024/QH15"));
    assert_null(strstr(need("hue")->source, "NQ 202/2025"));
    /* the TT 13/2017 cases come from a vendor page: reported */
    const egaf_ref_framework *f = egaf_refs_framework(real, "2.0");
    for (size_t i = 0; i < f->nroutes; i++)
        assert_int_equal(f->routes[i].confidence, EGAF_CONF_REPORTED);
    /* no user-visible text carries a fact-sheet label */
    for (size_t i = 0; i < real->nentries; i++) {
        const egaf_ref_entry *e = real->entries[i];
        if (strstr(e->source, "facts ") || (e->note && strstr(e->note, "facts §")))
            fail_msg("%s cites the fact sheet", e->id);
    }
}

static void test_agencies_named(void **state)
{
    (void)state;
    const egaf_ref_entry *found[4];
    /* "Hậu Giang" in NFC, in NFD, with "Tỉnh", in capitals */
    static const char *const names[] = {"Hậu Giang", "Ha\xcc\xa3\xcc\x82u Giang",
                                        "Tỉnh Hậu Giang", "TỈNH HẬU GIANG", "hau giang"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        assert_int_equal(egaf_refs_agencies_named(real, names[i], 2020, found, 4), 1);
        assert_string_equal(found[0]->id, "hau-giang");
    }
    assert_int_equal(egaf_refs_agencies_named(real, "Hậu Giang", 2026, found, 4), 0);
    assert_int_equal(egaf_refs_agencies_named(real, "Bộ Nông nghiệp và Môi trường", 2026, found, 4),
                     1);
    assert_string_equal(found[0]->id, "bo-nong-nghiep-va-moi-truong");
    assert_int_equal(egaf_refs_agencies_named(real, "Nông nghiệp và Môi trường", 2026, found, 4),
                     1);
    assert_int_equal(egaf_refs_agencies_named(real, "Thành phố Hà Nội", 2026, found, 4), 1);
    assert_string_equal(found[0]->id, "ha-noi");
    assert_int_equal(egaf_refs_agencies_named(real, "Atlantis", 0, found, 4), 0);
}

static void test_suggest_contract(void **state)
{
    (void)state;
    /* count 0 reads nothing, whatever the list */
    assert_null(egaf_suggest("agency", NULL, 0));
    const char *one[] = {"agencies"};
    assert_null(egaf_suggest("agencis", one, 0));
    /* exactly count entries, no terminator needed */
    assert_string_equal(egaf_suggest("agencis", one, 1), "agencies");
    const char *holes[] = {NULL, "list", NULL};
    assert_string_equal(egaf_suggest("lst", holes, 3), "list");
    static const char *const nt[] = {"a", "bb", "ccc", NULL};
    assert_int_equal(egaf_list_count(nt), 3);
    assert_int_equal(egaf_list_count(NULL), 0);
}

/* agencies.yaml replaced by text: the load fails with a position, never a crash */
static void load_agencies_text(broken *b, const char *text)
{
    FILE *f;
    char path[600];
    load_broken(b, "agencies.yaml", "kind: agencies", "kind: agencies");
    egaf_refs_free(b->refs);
    egaf_diags_free(b->diags);
    snprintf(path, sizeof path, "%s/agencies.yaml", b->dir);
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    b->diags = egaf_diags_create();
    b->refs = egaf_refs_load(b->dir, b->diags, &b->status);
}

static void test_broken_no_agencies(void **state)
{
    (void)state;
    broken b;
    load_agencies_text(&b, "kind: agencies\nagencies: []\n");
    expect_at(&b, "refs.schema", "agencies.yaml", 2, 11);
    free_broken(&b);
    load_agencies_text(&b, "kind: agencies\nagencies: {a: 1}\n");
    expect_at(&b, "refs.schema", "agencies.yaml", 2, 11);
    free_broken(&b);
    load_agencies_text(&b, "kind: agencies\n"
                           "agencies: &a [&b [&c [&d [x, x, x, x, x, x, x, x, x, x],\n"
                           "  *d, *d, *d, *d, *d, *d, *d, *d, *d], *c, *c, *c, *c, *c, *c, *c,\n"
                           "  *c, *c], *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                           "more: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n");
    assert_int_equal(b.status, EGAF_REFS_BROKEN);
    bool alias = false;
    for (size_t i = 0; i < egaf_diags_count(b.diags); i++) {
        const egaf_finding *f = egaf_diags_at(b.diags, i);
        alias = alias || (strcmp(f->rule, "yaml.alias") == 0 && f->line > 0 && f->col > 0);
    }
    assert_true(alias);
    free_broken(&b);
}

static void test_broken_internal_label(void **state)
{
    (void)state;
    expect_broken("agencies.yaml", "source: [\"NQ 08/2021/QH15", "source: [\"facts S68",
                  "refs.missing-source", 9, NULL);
}

EGAF_UNIT_MAIN(group_setup, group_teardown,
               cmocka_unit_test(test_real_data_loads_clean),
               cmocka_unit_test(test_counts_by_year),
               cmocka_unit_test(test_successor_of_bac_giang),
               cmocka_unit_test(test_agency_lookup),
               cmocka_unit_test(test_hue_dates),
               cmocka_unit_test(test_priority_databases),
               cmocka_unit_test(test_design_national_ids),
               cmocka_unit_test(test_shared_systems_have_owner_and_source),
               cmocka_unit_test(test_framework_2_0),
               cmocka_unit_test(test_self_check),
               cmocka_unit_test(test_kind_names),
               cmocka_unit_test(test_locate),
               cmocka_unit_test(test_missing_folder),
               cmocka_unit_test(test_broken_duplicate_id),
               cmocka_unit_test(test_broken_unknown_successor),
               cmocka_unit_test(test_broken_successor_not_yet_valid),
               cmocka_unit_test(test_broken_yaml),
               cmocka_unit_test(test_broken_unknown_key),
               cmocka_unit_test(test_broken_dates),
               cmocka_unit_test(test_broken_missing_source),
               cmocka_unit_test(test_broken_codes_same_day),
               cmocka_unit_test(test_broken_owners),
               cmocka_unit_test(test_broken_framework_links),
               cmocka_unit_test(test_broken_level),
               cmocka_unit_test(test_audit_organ_codes),
               cmocka_unit_test(test_audit_government_agencies),
               cmocka_unit_test(test_audit_systems_and_dates),
               cmocka_unit_test(test_agencies_named),
               cmocka_unit_test(test_suggest_contract),
               cmocka_unit_test(test_broken_no_agencies),
               cmocka_unit_test(test_broken_internal_label))
