/* cmocka_main.h - a unit test's main(): its tests, run as one cmocka group
 * with the group's setup and teardown (NULL for none). Written once here
 * rather than the same five lines in every test file. */
#ifndef EGAF_CMOCKA_MAIN_H
#define EGAF_CMOCKA_MAIN_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#define EGAF_UNIT_MAIN(group_setup, group_teardown, ...)                                           \
    int main(void)                                                                                 \
    {                                                                                              \
        const struct CMUnitTest tests[] = {__VA_ARGS__};                                           \
        return cmocka_run_group_tests(tests, group_setup, group_teardown);                         \
    }

#endif
