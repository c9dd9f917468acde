/* test_builder_helpers.c - the small pieces every builder and writer shares
 * (base): a copy kept in an arena with one out-of-memory flag
 * (egaf_arena_keep), and the one spelling of XML's entities
 * (egaf_xml_entity) the XML, JUnit and Markdown writers use. */
#include "tests/unit/testutil.h"

#include "base/arena.h"
#include "base/buf.h"

static void test_arena_keep(void **state)
{
    (void)state;
    egaf_arena *a = egaf_arena_create();
    assert_non_null(a);
    bool failed = false;
    char source[] = "Sở Y tế";
    char *copy = egaf_arena_keep(a, source, &failed);
    assert_non_null(copy);
    assert_ptr_not_equal(copy, source);
    source[0] = 'X'; /* a copy, not the caller's string */
    assert_string_equal(copy, "Sở Y tế");
    assert_null(egaf_arena_keep(a, NULL, &failed)); /* nothing to keep is no failure */
    assert_false(failed);
    egaf_arena_free(a);
}

static void test_xml_entity(void **state)
{
    (void)state;
    assert_string_equal(egaf_xml_entity('&'), "&amp;");
    assert_string_equal(egaf_xml_entity('<'), "&lt;");
    assert_string_equal(egaf_xml_entity('>'), "&gt;");
    assert_string_equal(egaf_xml_entity('"'), "&quot;");
    assert_string_equal(egaf_xml_entity('\''), "&#39;");
    assert_null(egaf_xml_entity('a'));
    assert_null(egaf_xml_entity('\n'));
    assert_null(egaf_xml_entity(0xC3));
    /* the XML text writer spells them so */
    egaf_buf b;
    egaf_buf_init(&b);
    egaf_buf_xml_text(&b, "a<b & \"c\" 'd'>\x01\n");
    assert_string_equal(b.data, "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;\n");
    egaf_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_keep),
        cmocka_unit_test(test_xml_entity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
