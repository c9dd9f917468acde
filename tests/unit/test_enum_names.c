/* test_enum_names.c - the names of enum values that egaf writes out
 * (severities in JSON, SARIF and JUnit, read statuses in findings, the kinds
 * of reference entries in `egaf refs` and its JSON): one name for each value,
 * the exact text, and the fallback for a value outside the enum. */
#include "testutil.h"

#include "base/diag.h"
#include "base/source.h"
#include "refs/refs.h"

/* The names of each enum's values, in the enum's order. */
static const char *const severities[] = {"note", "warning", "error", "off"};
static const char *const statuses[] = {"ok",
                                       "no such file",
                                       "permission denied",
                                       "is a directory",
                                       "not a regular file (FIFO, device or socket)",
                                       "file too large",
                                       "read error",
                                       "out of memory"};
static const char *const kinds[] = {"agency", "shared-system", "national-database",
                                    "data-subject"};

static void test_every_name_and_fallback(void **state)
{
    (void)state;
    for (int i = 0; i <= EGAF_SEV_OFF; i++)
        assert_string_equal(egaf_severity_name((egaf_severity)i), severities[i]);
    for (int i = 0; i <= EGAF_READ_NO_MEMORY; i++)
        assert_string_equal(egaf_read_status_text((egaf_read_status)i), statuses[i]);
    for (int i = 0; i <= EGAF_RK_DATA_SUBJECT; i++)
        assert_string_equal(egaf_ref_kind_name((egaf_ref_kind)i), kinds[i]);
    /* outside the enum: one past its last value, and -1 */
    assert_string_equal(egaf_severity_name((egaf_severity)(EGAF_SEV_OFF + 1)), "error");
    assert_string_equal(egaf_severity_name((egaf_severity)-1), "error");
    assert_string_equal(egaf_read_status_text((egaf_read_status)(EGAF_READ_NO_MEMORY + 1)),
                        "unknown error");
    assert_string_equal(egaf_read_status_text((egaf_read_status)-1), "unknown error");
    assert_string_equal(egaf_ref_kind_name((egaf_ref_kind)(EGAF_RK_DATA_SUBJECT + 1)), "?");
    assert_string_equal(egaf_ref_kind_name((egaf_ref_kind)-1), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_every_name_and_fallback)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
