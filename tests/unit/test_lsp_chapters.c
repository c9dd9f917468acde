/* test_lsp_chapters.c - completion and hover of `egaf lsp` for the chapters
 * of the architecture document (issue 18): the keys of the new lists and
 * fields, references to units completing to the units' ids, the allowed
 * values of the new enumerations named by the format's labels (a
 * solution's `kind: policy` is not a security control's), an element's
 * `owner` completing to units, hover on a unit. Runs with cwd = tests/. */
#include "tests/unit/testutil.h"

#include <jansson.h>

#include "lsp/assist.h"
#include "lsp/doc.h"
#include "model/model.h"
#include "refs/refs.h"


static const char model_text[] =
    "framework: \"2.0\"\n"                                          /* 0 */
    "architecture:\n"                                               /* 1 */
    "  id: bac-kan\n"                                               /* 2 */
    "  agency: bac-kan\n"                                           /* 3 */
    "  level: province\n"                                           /* 4 */
    "  name: Kiến trúc\n"                                           /* 5 */
    "  year: 2020\n"                                                /* 6 */
    "business:\n"                                                   /* 7 */
    "  units:\n"                                                    /* 8 */
    "    - id: so-tttt\n"                                           /* 9 */
    "      name: Sở Thông tin và Truyền thông\n"                    /* 10 */
    "      kind: department\n"                                      /* 11 */
    "    - id: so-noi-vu\n"                                         /* 12 */
    "      name: Sở Nội vụ\n"                                       /* 13 */
    "      parent: so-tttt\n"                                       /* 14 */
    "  \n"                                                          /* 15 */
    "application:\n"                                                /* 16 */
    "  applications:\n"                                             /* 17 */
    "    - id: qlvb\n"                                              /* 18 */
    "      name: Quản lý văn bản\n"                                 /* 19 */
    "      owner: \n"                                               /* 20 */
    "implementation:\n"                                             /* 21 */
    "  roadmap:\n"                                                  /* 22 */
    "    - id: nang-cap\n"                                          /* 23 */
    "      name: Nâng cấp\n"                                        /* 24 */
    "      from: 2021\n"                                            /* 25 */
    "      to: 2022\n"                                              /* 26 */
    "      lead: \n"                                                /* 27 */
    "      partners:\n"                                             /* 28 */
    "        - so\n"                                                /* 29 */
    "      \n"                                                      /* 30 */
    "  solutions:\n"                                                /* 31 */
    "    - id: dao-tao\n"                                           /* 32 */
    "      name: Đào tạo\n"                                         /* 33 */
    "      kind: \n";                                               /* 34 */

static egaf_refs *refs;
static egaf_lsp_doc doc;
static egaf_diags *load_diags;

static int group_setup(void **state)
{
    (void)state;
    refs = load_test_refs();
    if (!refs)
        return -1;
    load_diags = egaf_diags_create();
    doc.uri = "file:///chapters.yaml";
    doc.text = (char *)model_text;
    doc.len = sizeof model_text - 1;
    doc.model =
        egaf_model_load_memory("chapters.yaml", model_text, doc.len, NULL, load_diags);
    return doc.model ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    egaf_model_free(doc.model);
    egaf_diags_free(load_diags);
    egaf_refs_free(refs);
    return 0;
}

static json_t *complete_at(int line, int character)
{
    json_t *pos = json_pack("{s:i,s:i}", "line", line, "character", character);
    json_t *items = egaf_lsp_complete(&doc, refs, pos);
    json_decref(pos);
    assert_non_null(items);
    return items;
}

/* The item labelled label, or NULL. */
static json_t *item(json_t *items, const char *label)
{
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it) {
        const char *l = json_string_value(json_object_get(it, "label"));
        if (l && strcmp(l, label) == 0)
            return it;
    }
    return NULL;
}

static const char *detail(json_t *items, const char *label)
{
    json_t *it = item(items, label);
    return it ? json_string_value(json_object_get(it, "detail")) : NULL;
}

/* A completion at a position of model_text and what it must give: labels
 * offered, labels not offered, how many items (0: not counted) and the
 * detail shown for some labels. */
typedef struct completion_case {
    int line, character;
    const char *offered[8];
    const char *not_offered[3];
    size_t count;
    struct {
        const char *label, *detail;
    } details[3];
} completion_case;

static completion_case business_keys_include_units_and_relations = {
    15, 2, .offered = {"units", "relations", "actors"}};
static completion_case roadmap_task_keys_include_the_new_fields = {
    30, 6,
    .offered = {"lead", "partners", "funding", "budget-million", "outputs", "progress",
                "depends-on"},
    .not_offered = {"units"}};
static completion_case lead_completes_to_units_only = {
    27, 12,
    .offered = {"so-tttt", "so-noi-vu"},
    .not_offered = {"qlvb", "nang-cap"},
    .count = 2,
    .details = {{"so-noi-vu", "Sở Nội vụ"}}};
static completion_case partners_list_item_completes_to_units = {
    29, 12, .offered = {"so-tttt"}, .count = 2};
/* the first word of an item of a list of elements is still a key */
static completion_case unit_item_keys = {
    12, 6, .offered = {"organ-code", "parent"}, .not_offered = {"so-tttt"}};
/* the solution's label, not the security control's "policy" */
static completion_case solution_kind_values_by_their_labels = {
    34, 12,
    .count = 7,
    .details = {{"policy", "Cơ chế, chính sách"},
                {"staffing", "Nguồn nhân lực"},
                {"other", "Khác"}}};
static completion_case unit_kind_values_by_their_labels = {
    11, 12, .details = {{"department", "Sở, ban, ngành"}, {"commune", "Cấp xã"}}};
static completion_case owner_completes_to_units = {
    20, 13, .offered = {"so-tttt", "so-noi-vu"}, .count = 2};

/* The test of a completion_case (its state): the failure names the label and
 * the position. */
static void completes_as_expected(void **state)
{
    const completion_case *c = *state;
    json_t *items = complete_at(c->line, c->character);
    for (size_t i = 0; i < sizeof c->offered / sizeof *c->offered && c->offered[i]; i++)
        if (!item(items, c->offered[i]))
            fail_msg("'%s' is not offered at %d:%d", c->offered[i], c->line, c->character);
    for (size_t i = 0; i < sizeof c->not_offered / sizeof *c->not_offered && c->not_offered[i];
         i++)
        if (item(items, c->not_offered[i]))
            fail_msg("'%s' is offered at %d:%d", c->not_offered[i], c->line, c->character);
    if (c->count)
        assert_int_equal(json_array_size(items), c->count);
    for (size_t i = 0; i < sizeof c->details / sizeof *c->details && c->details[i].label; i++) {
        const char *have = detail(items, c->details[i].label);
        if (!have || strcmp(have, c->details[i].detail) != 0)
            fail_msg("the detail of '%s' at %d:%d is '%s', not '%s'", c->details[i].label,
                     c->line, c->character, have ? have : "(none)", c->details[i].detail);
    }
    json_decref(items);
}

static void hover_on_a_unit_reference(void **state)
{
    (void)state;
    json_t *pos = json_pack("{s:i,s:i}", "line", 14, "character", 16);
    json_t *h = egaf_lsp_hover(&doc, refs, pos);
    json_decref(pos);
    assert_non_null(h);
    const char *md = json_string_value(json_object_get(json_object_get(h, "contents"), "value"));
    assert_non_null(md);
    assert_string_equal(md, "**Sở Thông tin và Truyền thông** — unit `so-tttt`  \nchapters.yaml:10");
    json_decref(h);
}

/* A test named as its case, which it gets as its state. */
#define completion_test(c) {#c, completes_as_expected, NULL, NULL, &c}

int main(void)
{
    const struct CMUnitTest tests[] = {
        completion_test(business_keys_include_units_and_relations),
        completion_test(roadmap_task_keys_include_the_new_fields),
        completion_test(lead_completes_to_units_only),
        completion_test(partners_list_item_completes_to_units),
        completion_test(unit_item_keys),
        completion_test(solution_kind_values_by_their_labels),
        completion_test(unit_kind_values_by_their_labels),
        completion_test(owner_completes_to_units),
        cmocka_unit_test(hover_on_a_unit_reference),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
