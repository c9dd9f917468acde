/* test_enum_names.c - the names of enum values that egaf writes out
 * (severities in JSON, SARIF and JUnit, read statuses in findings, the kinds
 * of reference entries in `egaf refs` and its JSON): one name for each value,
 * the exact text, and the fallback for a value outside the enum. */
#include "testutil.h"

#include "base/diag.h"
#include "base/source.h"
#include "refs/refs.h"

static void test_severity_names(void **state)
{
    (void)state;
    assert_string_equal(egaf_severity_name(EGAF_SEV_NOTE), "note");
    assert_string_equal(egaf_severity_name(EGAF_SEV_WARNING), "warning");
    assert_string_equal(egaf_severity_name(EGAF_SEV_ERROR), "error");
    assert_string_equal(egaf_severity_name(EGAF_SEV_OFF), "off");
    assert_string_equal(egaf_severity_name((egaf_severity)(EGAF_SEV_OFF + 1)), "error");
    assert_string_equal(egaf_severity_name((egaf_severity)-1), "error");
}

static void test_read_status_texts(void **state)
{
    (void)state;
    assert_string_equal(egaf_read_status_text(EGAF_READ_OK), "ok");
    assert_string_equal(egaf_read_status_text(EGAF_READ_NOT_FOUND), "no such file");
    assert_string_equal(egaf_read_status_text(EGAF_READ_DENIED), "permission denied");
    assert_string_equal(egaf_read_status_text(EGAF_READ_DIRECTORY), "is a directory");
    assert_string_equal(egaf_read_status_text(EGAF_READ_SPECIAL),
                        "not a regular file (FIFO, device or socket)");
    assert_string_equal(egaf_read_status_text(EGAF_READ_TOO_LARGE), "file too large");
    assert_string_equal(egaf_read_status_text(EGAF_READ_IO_ERROR), "read error");
    assert_string_equal(egaf_read_status_text(EGAF_READ_NO_MEMORY), "out of memory");
    assert_string_equal(egaf_read_status_text((egaf_read_status)(EGAF_READ_NO_MEMORY + 1)),
                        "unknown error");
    assert_string_equal(egaf_read_status_text((egaf_read_status)-1), "unknown error");
}

static void test_ref_kind_names(void **state)
{
    (void)state;
    assert_string_equal(egaf_ref_kind_name(EGAF_RK_AGENCY), "agency");
    assert_string_equal(egaf_ref_kind_name(EGAF_RK_SHARED_SYSTEM), "shared-system");
    assert_string_equal(egaf_ref_kind_name(EGAF_RK_NATIONAL_DATABASE), "national-database");
    assert_string_equal(egaf_ref_kind_name(EGAF_RK_DATA_SUBJECT), "data-subject");
    assert_string_equal(egaf_ref_kind_name((egaf_ref_kind)(EGAF_RK_DATA_SUBJECT + 1)), "?");
    assert_string_equal(egaf_ref_kind_name((egaf_ref_kind)-1), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_severity_names),
        cmocka_unit_test(test_read_status_texts),
        cmocka_unit_test(test_ref_kind_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
