/* test_labels.c - every key and every allowed value of the model format has
 * a Vietnamese and an English label (model/labels.h), and so has every
 * category, confidence and agency level the reference data uses: a key
 * added to model/format.c without a label fails here. */
#include "tests/unit/testutil.h"

#include <stdio.h>
#include <string.h>

#include "model/labels.h"
#include "refs/refs.h"
#include "cmocka_main.h"


static void check_label(const char *what, const char *vi, const char *en, const char *raw)
{
    if (!vi || !*vi || !en || !*en)
        fail_msg("no label for %s '%s' (vi: %s, en: %s)", what, raw, vi ? vi : "none",
                 en ? en : "none");
    /* a label that only repeats the key is no label (the value "gis" may
     * keep its letters, inside words: "Thông tin địa lý (GIS)") */
    if (strcmp(vi, raw) == 0)
        fail_msg("the Vietnamese label of %s '%s' is the key itself", what, raw);
}

static void test_every_field_and_value(void **state)
{
    (void)state;
    size_t checked = 0;
    for (int k = 0; k < EGAF_K__COUNT; k++) {
        const egaf_kind_spec *spec = egaf_kind_info((egaf_kind)k);
        check_label("kind", egaf_label_kind((egaf_kind)k, false),
                    egaf_label_kind((egaf_kind)k, true), spec->noun);
        for (size_t i = 0; i < spec->nfields; i++) {
            const egaf_field_spec *fs = &spec->fields[i];
            check_label("key", egaf_label_field(fs->field, false),
                        egaf_label_field(fs->field, true), fs->key);
            checked++;
            for (size_t v = 0; fs->values && fs->values[v]; v++) {
                char what[96];
                snprintf(what, sizeof what, "value of %s.%s", spec->noun, fs->key);
                check_label(what, egaf_label_value((egaf_kind)k, fs->field, fs->values[v], false),
                            egaf_label_value((egaf_kind)k, fs->field, fs->values[v], true),
                            fs->values[v]);
                checked++;
            }
        }
    }
    for (const char *const *key = egaf_top_keys(); *key; key++)
        check_label("top-level key", egaf_label_key(*key, false), egaf_label_key(*key, true),
                    *key);
    for (int s = 0; s < EGAF_S__COUNT; s++)
        for (const char *const *key = egaf_section_keys((egaf_section)s); *key; key++)
            check_label("section key", egaf_label_key(*key, false), egaf_label_key(*key, true),
                        *key);
    static const char *const inner[] = {"rule", "reason", "from", "to"};
    for (size_t i = 0; i < sizeof inner / sizeof *inner; i++)
        check_label("key", egaf_label_key(inner[i], false), egaf_label_key(inner[i], true),
                    inner[i]);
    assert_true(checked > 150);
}

static void test_values_by_kind(void **state)
{
    (void)state;
    /* the same word means different things in different kinds */
    assert_string_equal(egaf_label_value(EGAF_K_APPLICATION, EGAF_F_ROLE, "tthc", false),
                        "Giải quyết thủ tục hành chính");
    assert_string_equal(egaf_label_value(EGAF_K_CHANNEL, EGAF_F_KIND, "email", true), "Email");
    assert_string_equal(egaf_label_value(EGAF_K_APPLICATION, EGAF_F_ROLE, "email", false),
                        "Thư điện tử công vụ");
    assert_string_equal(egaf_label_value(EGAF_K_SERVICE, EGAF_F_ONLINE, "full", false),
                        "Toàn trình");
    assert_null(egaf_label_value(EGAF_K_DATABASE, EGAF_F_KIND, "other", false));
    assert_null(egaf_label_value(EGAF_K_APPLICATION, EGAF_F_ROLE, "tthcc", false));
    assert_string_equal(egaf_label_value_or_raw(EGAF_K_APPLICATION, EGAF_F_ROLE, "tthcc", false),
                        "tthcc");
    assert_string_equal(egaf_label_field(EGAF_F_SECURITY_LEVEL, false), "Cấp độ an toàn");
    assert_string_equal(egaf_label_field(EGAF_F_HOSTED_ON, true), "Hosted on");
}

static void test_reference_values(void **state)
{
    (void)state;
    egaf_refs *refs = load_test_refs();
    assert_non_null(refs);
    size_t categories = 0;
    for (size_t i = 0; i < refs->nentries; i++) {
        const egaf_ref_entry *e = refs->entries[i];
        if (e->category) {
            check_label("category", egaf_label_category(e->category, false),
                        egaf_label_category(e->category, true), e->category);
            categories++;
        }
        if (e->level)
            check_label("agency level", egaf_label_agency_level(e->level, false),
                        egaf_label_agency_level(e->level, true), e->level);
    }
    assert_true(categories > 10);
    for (int c = EGAF_CONF_CONFIRMED; c <= EGAF_CONF_UNKNOWN; c++) {
        const char *name = egaf_confidence_name((egaf_confidence)c);
        check_label("confidence", egaf_label_confidence(name, false),
                    egaf_label_confidence(name, true), name);
    }
    egaf_refs_free(refs);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_every_field_and_value),
               cmocka_unit_test(test_values_by_kind),
               cmocka_unit_test(test_reference_values))
