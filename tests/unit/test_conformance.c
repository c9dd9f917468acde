/* test_conformance.c - the conformance checks against the real reference
 * models: name folding, the dated helpers, reachability, every rule on a
 * small in-memory model built from the clean fixture, the checks without
 * reference models, and a large model that must stay linear. Runs with
 * cwd = tests/. */
#include "tests/unit/validate_util.h"

#include <stdlib.h>

#include "base/buf.h"
#include "base/fold.h"
#include "model/model.h"
#include "refs/refs.h"
#include "validator/check.h"
#include "base/rules.h"
#include "validator/validate.h"

#define MINI "fixtures/validate/mini.yaml"

static egaf_refs *refs;
static char *mini_text;

static int group_setup(void **state)
{
    (void)state;
    refs = load_test_refs();
    mini_text = read_whole_file(MINI, NULL);
    return refs && mini_text ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    egaf_refs_free(refs);
    free(mini_text);
    return 0;
}

/* ---- folding ---- */

static void test_fold_vietnamese(void **state)
{
    (void)state;
    char out[128];
    egaf_fold("Đăng ký khai sinh", out);
    assert_string_equal(out, "dangkykhaisinh");
    assert_true(egaf_fold_equal("Đăng ký khai sinh", "dang ky khai sinh"));
    assert_true(egaf_fold_equal("Quản lý văn bản", "Quan ly van ban"));
    assert_true(egaf_fold_equal("QUẢN LÝ VĂN BẢN", "quản lý  văn bản"));
    assert_true(egaf_fold_equal("Quản lý văn bản", "Quảnlý\tvăn bản"));
    /* every tone on every vowel, both cases */
    assert_true(egaf_fold_equal("ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ àáảãạ ăằắẳẵặ âầấẩẫậ", "aaaaa aaaaaa aaaaaa "
                                                                          "aaaaa aaaaaa aaaaaa"));
    assert_true(egaf_fold_equal("ÈÉẺẼẸ ÊỀẾỂỄỆ èéẻẽẹ êềếểễệ", "eeeeeeeeeeeeeeeeeeeeee"));
    assert_true(egaf_fold_equal("ÌÍỈĨỊ ìíỉĩị", "iiiiiiiiii"));
    assert_true(egaf_fold_equal("ÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ òóỏõọ ôồốổỗộ ơờớởỡợ",
                                "oooooooooooooooooooooooooooooooooo"));
    assert_true(egaf_fold_equal("ÙÚỦŨỤ ƯỪỨỬỮỰ ùúủũụ ưừứửữự", "uuuuuuuuuuuuuuuuuuuuuu"));
    assert_true(egaf_fold_equal("ỲÝỶỸỴ ỳýỷỹỵ", "yyyyyyyyyy"));
    assert_true(egaf_fold_equal("Đđ", "DD"));
    /* decomposed (NFD) text folds as the composed one */
    assert_true(egaf_fold_equal("Qua\xcc\x89n ly\xcc\x81", "Quản lý"));
    /* different words stay different */
    assert_false(egaf_fold_equal("Quản lý văn bản", "Quản lý văn phòng"));
    assert_false(egaf_fold_equal("Sở Y tế", "Sở Tư pháp"));
    /* other scripts and punctuation are kept */
    egaf_fold("Hệ thống (HTTT) – 中文", out);
    assert_string_equal(out, "hethong(httt)–中文");
    /* long names go through the heap */
    egaf_buf a, b;
    egaf_buf_init(&a);
    egaf_buf_init(&b);
    for (int i = 0; i < 100; i++) {
        egaf_buf_puts(&a, "Cơ sở dữ liệu ");
        egaf_buf_puts(&b, "co so du lieu");
    }
    assert_true(egaf_fold_equal(a.data, b.data));
    egaf_buf_free(&a);
    egaf_buf_free(&b);
}

static void test_fold_never_longer(void **state)
{
    (void)state;
    const char *samples[] = {"", " ", "ĐĐĐ", "\xe1\xba", "a\xff\x62", "Ứng dụng"};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        char out[32];
        size_t n = egaf_fold(samples[i], out);
        assert_true(n <= strlen(samples[i]));
        assert_int_equal(strlen(out), n);
    }
}

/* ---- helpers ---- */

static void test_dates_and_instruments(void **state)
{
    (void)state;
    assert_int_equal(egaf_check_next_day(20250630), 20250701);
    assert_int_equal(egaf_check_next_day(20231228), 20231229);
    assert_int_equal(egaf_check_next_day(20231231), 20240101);
    assert_int_equal(egaf_check_next_day(20240228), 20240229);
    assert_int_equal(egaf_check_next_day(20230228), 20230301);
    assert_int_equal(egaf_check_next_day(21000228), 21000301);
    char buf[64];
    assert_string_equal(egaf_check_date_text(20250701, buf, sizeof buf), "2025-07-01");
    /* the instruments among the citations; a page address only when none is */
    assert_string_equal(egaf_check_instrument("TT 13/2017/TT-BTTTT (23/6/2017); TT 23/2018/TT-BTTTT; "
                                              "thukyluat.vn/news/x-51643.html",
                                              buf, sizeof buf),
                        "TT 13/2017/TT-BTTTT (23/6/2017); TT 23/2018/TT-BTTTT");
    assert_string_equal(egaf_check_instrument("data.gov.vn/x; m.anninhthudo.vn/y", buf, sizeof buf),
                        "data.gov.vn/x");
    assert_string_equal(egaf_check_instrument(NULL, buf, sizeof buf), "");
}

/* ---- running the checks ---- */

static egaf_model *load(egaf_diags *d, const char *text)
{
    return egaf_model_load_memory("m.yaml", text, strlen(text), NULL, d);
}

/* mini.yaml with each (from, to) pair replaced once. */
static char *edit(const char *const *pairs)
{
    egaf_buf b;
    egaf_buf_init(&b);
    egaf_buf_puts(&b, mini_text);
    for (size_t i = 0; pairs[i]; i += 2) {
        char *at = strstr(b.data, pairs[i]);
        if (!at)
            fail_msg("'%s' is not in mini.yaml", pairs[i]);
        size_t off = (size_t)(at - b.data);
        egaf_buf nb;
        egaf_buf_init(&nb);
        egaf_buf_printf(&nb, "%.*s%s%s", (int)off, b.data, pairs[i + 1],
                        b.data + off + strlen(pairs[i]));
        egaf_buf_free(&b);
        b = nb;
    }
    return b.data;
}

/* The findings of the mini model with the edits in pairs, validated with
 * the reference models given (or none). */
static egaf_diags *validate_edit(const char *const *pairs, const egaf_refs *with)
{
    char *text = edit(pairs);
    egaf_diags *d = validate_text(text, with);
    free(text);
    return d;
}

/* The mini model with the edits in pairs validates without any finding. */
static void assert_edit_is_clean(const char *const *pairs)
{
    egaf_diags *d = validate_edit(pairs, refs);
    assert_rule_count(d, NULL, 0);
    egaf_diags_free(d);
}

/* Exactly one finding, with rule, at line:col; returns it. */
static const egaf_finding *only(const egaf_diags *d, const char *rule, unsigned line,
                                unsigned col)
{
    if (egaf_diags_count(d) != 1) {
        print_all(d);
        fail_msg("%zu findings, expected one %s", egaf_diags_count(d), rule);
    }
    assert_finding(d, rule, line, col);
    return egaf_diags_at(d, 0);
}

static void test_mini_is_clean(void **state)
{
    (void)state;
    egaf_diags *d = validate_text(mini_text, refs);
    assert_rule_count(d, NULL, 0);
    egaf_diags_free(d);
}

#define CASE(name, rule, line, col, ...)                                                      \
    static void name(void **state)                                                            \
    {                                                                                         \
        (void)state;                                                                          \
        const char *const pairs[] = {__VA_ARGS__, NULL};                                      \
        egaf_diags *d = validate_edit(pairs, refs);                                           \
        only(d, rule, line, col);                                                             \
        egaf_diags_free(d);                                                                   \
    }

/* A test that the mini model with the edits given validates without any
 * finding. */
#define CLEAN(name, ...)                                                                      \
    static void name(void **state)                                                            \
    {                                                                                         \
        (void)state;                                                                          \
        const char *const pairs[] = {__VA_ARGS__, NULL};                                      \
        assert_edit_is_clean(pairs);                                                          \
    }

CASE(test_framework_unknown, "header.framework-unknown", 2, 12, "\"2.0\"", "\"5.0\"")
CASE(test_level_mismatch, "header.level-mismatch", 6, 10, "level: province", "level: ministry")
CASE(test_year_outside, "header.year-outside-edition", 8, 9, "year: 2020", "year: 2026")
CASE(test_agency_unknown_code, "header.agency-unknown", 5, 11, "agency: lang-son",
     "agency: lang-sonn")
CASE(test_section_missing, "section.missing", 4, 3, "  principles: [Lấy người dân làm trung tâm]\n",
     "")
CASE(test_tslcd_not_connected, "component.not-connected", 56, 11,
     "      connects: [national:tslcd]\n", "")
CASE(test_route_bypass, "route.bypasses-platform", 51, 27, "via: lgsp-mini, route: a, data: [hồ sơ",
     "route: a, data: [hồ sơ")
CASE(test_route_via_other_platform, "route.bypasses-platform", 52, 27,
     "      security-level: 3\n  integrations:",
     "      security-level: 3\n    - {id: iam, name: Xác thực, kind: iam, security-level: 1}\n"
     "  integrations:",
     "via: lgsp-mini, route: a, data: [hồ sơ", "via: iam, route: a, data: [hồ sơ")
CASE(test_route_reason_missing, "route.reason-missing", 51, 50, "via: lgsp-mini, route: a, data: [hồ sơ",
     "route: c, data: [hồ sơ")
CASE(test_duplicate_master, "data.duplicate-master", 30, 24, "holds: [ho-tich]", "holds: [ho-tich, dat-dai]")
CASE(test_owns_national, "data.owns-national", 33, 33, "      hosted-on: tt-du-lieu\n",
     "      hosted-on: tt-du-lieu\n      properties: {national-id: csdl-ho-tich}\n")
CASE(test_unprotected, "security.unprotected", 38, 23, "protects: [mot-cua, lgsp-mini]",
     "protects: [lgsp-mini]")
CASE(test_code_unknown_drm, "code.unknown", 30, 12, "      holds: [ho-tich]\n",
     "      drm: DRM009\n      holds: [ho-tich]\n")
CASE(test_roadmap_outside_no_period, "roadmap.outside-period", 65, 69,
     "  period: {from: 2021, to: 2025}\n", "", "from: 2021, to: 2022", "from: 2019, to: 2022")
CASE(test_unused_channel, "hygiene.unused", 18, 12, "      channels: [cong-dvc]\n", "")

CLEAN(test_retired_unused_is_fine,
      "    - {id: cong-dvc, name: Cổng dịch vụ công tỉnh, kind: web}\n",
      "    - {id: cong-dvc, name: Cổng dịch vụ công tỉnh, kind: web}\n"
      "    - {id: cong-cu, name: Cổng cũ, kind: web, status: retired}\n",
      /* a task retires it (else gap.uncovered) */
      "delivers: [mot-cua]", "delivers: [mot-cua, cong-cu]")

CASE(test_empty_security, "hygiene.empty-section", 60, 1,
     "    - {id: tuong-lua, name: Tường lửa, kind: firewall, protects: [mot-cua, lgsp-mini]}\n",
     "", "      security-level: 3\n      uses", "      security-level: 2\n      uses",
     "      security-level: 3\n  integrations", "      security-level: 2\n  integrations")

static void test_component_lgsp_missing(void **state)
{
    (void)state;
    /* without an LGSP the component is missing: one finding, not one more
     * per national connection (those would all say the same) */
    const char *const pairs[] = {"kind: lgsp", "kind: iam", NULL};
    egaf_diags *d = validate_edit(pairs, refs);
    assert_finding(d, "component.missing", 33, 1);
    assert_int_equal(find_rule(d, "route.bypasses-platform"), -1);
    assert_int_equal(egaf_diags_count(d), 1);
    egaf_diags_free(d);
}

static void test_agency_merged_ministry(void **state)
{
    (void)state;
    /* Bộ Kế hoạch và Đầu tư (G05) in a 2026 model: merged into Bộ Tài chính */
    const char *const pairs[] = {"framework: \"2.0\"", "framework: \"4.0\"",
                                 "agency: lang-son", "agency: bo-ke-hoach-va-dau-tu",
                                 "level: province", "level: ministry",
                                 "year: 2020", "year: 2026",
                                 "from: 2021, to: 2025", "from: 2026, to: 2030",
                                 "from: 2021, to: 2022", "from: 2026, to: 2027",
                                 "    - {from: qlvb,",
                                 "    - {from: mot-cua, to: national:vneid, via: lgsp-mini, "
                                 "route: a}\n    - {from: qlvb,",
                                 NULL};
    egaf_diags *d = validate_edit(pairs, refs);
    const egaf_finding *f = only(d, "header.agency-unknown", 5, 11);
    assert_non_null(strstr(f->message, "merged into Bộ Tài chính (bo-tai-chinh) on 2025-03-01"));
    assert_non_null(strstr(f->hint, "agency: bo-tai-chinh"));
    egaf_diags_free(d);
}

/* Bộ Tư pháp owns csdl-ho-tich: its own database holds ho-tich without
 * sourcing it, and may declare itself the national database */
CLEAN(test_owner_keeps_master,
      "agency: lang-son", "agency: bo-tu-phap",
      "level: province", "level: ministry",
      "      sources: [national:csdl-ho-tich]\n",
      "      properties: {national-id: csdl-ho-tich}\n")

/* a warehouse fed by the local master copy, which sources the national one */
CLEAN(test_sources_through_local_database,
      "      hosted-on: tt-du-lieu\napplication:",
      "      hosted-on: tt-du-lieu\n"
      "    - {id: kho, name: Kho dữ liệu, holds: [ho-tich], sources: "
      "[csdl-ho-tich]}\n"
      "application:",
      "uses: [csdl-ho-tich]", "uses: [csdl-ho-tich, kho]")

/* LGSP -> a gateway platform -> NGSP counts as connected; a cycle is harmless */
CLEAN(test_lgsp_reaches_ngsp_through_platform,
      "      connects: [national:ngsp]\n      security-level: 3\n",
      "      connects: [cong-ket-noi]\n      security-level: 3\n"
      "    - {id: cong-ket-noi, name: Cổng kết nối, kind: other, "
      "security-level: 2, connects: [lgsp-mini, national:ngsp]}\n")

static void test_vneid_required_from_3_0(void **state)
{
    (void)state;
    const char *const pairs[] = {"framework: \"2.0\"", "framework: \"3.0\"", "year: 2020",
                                 "year: 2024", "from: 2021, to: 2025", "from: 2024, to: 2028",
                                 "from: 2021, to: 2022", "from: 2024, to: 2025", NULL};
    egaf_diags *d = validate_edit(pairs, refs);
    const egaf_finding *f = only(d, "component.not-connected", 35, 11);
    assert_non_null(strstr(f->message, "national:vneid"));
    egaf_diags_free(d);
}

static void test_without_reference_models(void **state)
{
    (void)state;
    /* what needs the data is skipped; the rest still runs */
    const char *const pairs[] = {"\"2.0\"", "\"9.9\"", "agency: lang-son", "agency: nowhere",
                                 "role: qlvb, security-level: 2}", "role: qlvb}", NULL};
    egaf_diags *d = validate_edit(pairs, NULL);
    only(d, "security.level-missing", 42, 12);
    egaf_diags_free(d);
}

static void test_every_rule_in_catalogue(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "code.unknown", "component.missing", "component.multiple-lgsp",
        "component.not-connected", "data.duplicate-master", "data.owns-national",
        "header.agency-unknown", "header.framework-unknown", "header.level-mismatch",
        "header.year-outside-edition", "hygiene.empty-section", "hygiene.similar-names",
        "hygiene.unused", "roadmap.order", "roadmap.outside-period",
        "route.bypasses-platform", "route.exception", "route.reason-missing",
        "section.missing", "security.level-missing", "security.unprotected"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        const egaf_rule *r = egaf_rule_find(ids[i]);
        if (!r)
            fail_msg("%s is not in the catalogue", ids[i]);
        assert_non_null(r->wrong);
        assert_non_null(r->right);
        assert_true(strlen(r->basis) > 0 && strlen(r->fix) > 0 && strlen(r->checks) > 0);
    }
    size_t n;
    const egaf_rule *all = egaf_rules(&n);
    for (size_t i = 1; i < n; i++)
        assert_true(strcmp(all[i - 1].id, all[i].id) < 0);
}

/* ---- scale: hygiene, components and reachability stay linear ---- */

/* The library's work, counted deterministically: the Makefile links this
 * test with the linker's --wrap for the allocator and for the lookups every
 * check makes (an element's fields, the id and name maps), so each call one
 * of the library's files makes to another goes through a counter here. */
static size_t work_calls;
void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__real_egaf_strmap_get(const egaf_strmap *map, const char *key, size_t keylen);
void *__real_egaf_strmap_put(egaf_strmap *map, const char *key, size_t keylen, void *value,
                             bool *oom);
const egaf_value *__real_egaf_element_get(const egaf_element *el, egaf_field field);
const char *__real_egaf_element_text(const egaf_element *el, egaf_field field);

void *__wrap_malloc(size_t size)
{
    work_calls++;
    return __real_malloc(size);
}
void *__wrap_calloc(size_t n, size_t size)
{
    work_calls++;
    return __real_calloc(n, size);
}
void *__wrap_realloc(void *p, size_t size)
{
    work_calls++;
    return __real_realloc(p, size);
}
void *__wrap_egaf_strmap_get(const egaf_strmap *map, const char *key, size_t keylen)
{
    work_calls++;
    return __real_egaf_strmap_get(map, key, keylen);
}
void *__wrap_egaf_strmap_put(egaf_strmap *map, const char *key, size_t keylen, void *value,
                             bool *oom)
{
    work_calls++;
    return __real_egaf_strmap_put(map, key, keylen, value, oom);
}
const egaf_value *__wrap_egaf_element_get(const egaf_element *el, egaf_field field)
{
    work_calls++;
    return __real_egaf_element_get(el, field);
}
const char *__wrap_egaf_element_text(const egaf_element *el, egaf_field field)
{
    work_calls++;
    return __real_egaf_element_text(el, field);
}

/* A model of mini's header with n databases in a ring of `sources`, n
 * servers in a ring of `connects`, and one more server nothing connects to
 * whose name folds like server 17's. */
static void large_model(egaf_buf *b, size_t n)
{
    const char *business = strstr(mini_text, "business:");
    assert_non_null(business);
    egaf_buf_printf(b, "%.*s", (int)(business - mini_text), mini_text);
    egaf_buf_puts(b, "data:\n  databases:\n");
    for (size_t i = 0; i < n; i++)
        egaf_buf_printf(b, "    - {id: db-%zu, name: Cơ sở dữ liệu số %zu, sources: [db-%zu]}\n",
                        i, i, i + 1 < n ? i + 1 : 0);
    egaf_buf_puts(b, "technology:\n  infrastructure:\n");
    for (size_t i = 0; i < n; i++)
        egaf_buf_printf(b, "    - {id: ht-%zu, name: Máy chủ %zu, kind: server, connects: [ht-%zu]}\n",
                        i, i, i + 1 < n ? i + 1 : 0);
    egaf_buf_puts(b, "    - {id: ht-x, name: MAY CHU 17, kind: server, connects: [ht-0]}\n");
}

/* Validates the large model of n; the calls counted while validating (the
 * load left out) in *work. */
static egaf_diags *validate_large(size_t n, size_t *work)
{
    egaf_buf b;
    egaf_buf_init(&b);
    large_model(&b, n);
    egaf_diags *d = egaf_diags_create();
    egaf_model *m = load(d, b.data);
    assert_non_null(m);
    egaf_validator *v = egaf_validator_create(refs);
    size_t before = work_calls;
    egaf_validate(v, &m, 1, d);
    *work = work_calls - before;
    egaf_validator_free(v);
    egaf_model_free(m);
    egaf_diags_sort(d);
    egaf_buf_free(&b);
    return d;
}

static void test_large_model_linear(void **state)
{
    (void)state;
    /* four times the elements is four times the work, never sixteen */
    const size_t small = 1500, n = 4 * small;
    size_t work_small, work;
    egaf_diags_free(validate_large(small, &work_small));
    egaf_diags *d = validate_large(n, &work);
    double ratio = (double)work / (double)work_small;
    print_message("  validate: %zu calls for %zu databases and servers, %zu for %zu: x%.2f\n",
                  work_small, 2 * small + 1, work, 2 * n + 1, ratio);
    assert_true(work_small > 2 * small); /* the counter sees the checks' work */
    if (ratio < 3.5 || ratio > 4.5)
        fail_msg("4x the elements took x%.2f the calls: not linear", ratio);
    /* the similar name is found once, at the last server, with a note at the first */
    size_t similar = 0, unused = 0;
    for (size_t k = 0; k < egaf_diags_count(d); k++) {
        const egaf_finding *f = egaf_diags_at(d, k);
        if (strcmp(f->rule, "hygiene.similar-names") == 0) {
            similar++;
            assert_string_equal(f->element, "mini:ht-x");
            assert_int_equal(f->nrelated, 1);
        }
        if (strcmp(f->rule, "hygiene.unused") == 0)
            unused++;
    }
    assert_int_equal(similar, 1);
    /* ht-x is the only server nothing connects to; db-0..n-1 form a ring */
    assert_int_equal(unused, 1);
    /* the ring of servers never reaches the TSLCD */
    assert_true(find_rule(d, "component.not-connected") >= 0);
    egaf_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_vietnamese),
        cmocka_unit_test(test_fold_never_longer),
        cmocka_unit_test(test_dates_and_instruments),
        cmocka_unit_test(test_mini_is_clean),
        cmocka_unit_test(test_framework_unknown),
        cmocka_unit_test(test_level_mismatch),
        cmocka_unit_test(test_year_outside),
        cmocka_unit_test(test_agency_unknown_code),
        cmocka_unit_test(test_agency_merged_ministry),
        cmocka_unit_test(test_section_missing),
        cmocka_unit_test(test_tslcd_not_connected),
        cmocka_unit_test(test_component_lgsp_missing),
        cmocka_unit_test(test_lgsp_reaches_ngsp_through_platform),
        cmocka_unit_test(test_vneid_required_from_3_0),
        cmocka_unit_test(test_route_bypass),
        cmocka_unit_test(test_route_via_other_platform),
        cmocka_unit_test(test_route_reason_missing),
        cmocka_unit_test(test_duplicate_master),
        cmocka_unit_test(test_owner_keeps_master),
        cmocka_unit_test(test_sources_through_local_database),
        cmocka_unit_test(test_owns_national),
        cmocka_unit_test(test_unprotected),
        cmocka_unit_test(test_code_unknown_drm),
        cmocka_unit_test(test_roadmap_outside_no_period),
        cmocka_unit_test(test_unused_channel),
        cmocka_unit_test(test_retired_unused_is_fine),
        cmocka_unit_test(test_empty_security),
        cmocka_unit_test(test_without_reference_models),
        cmocka_unit_test(test_every_rule_in_catalogue),
        cmocka_unit_test(test_large_model_linear),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
