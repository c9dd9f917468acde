/* refs_group.h - for a unit test whose every case checks against the real
 * reference models: loaded once by the group's setup into `refs`, freed by
 * its teardown (EGAF_UNIT_MAIN(refs_group_setup, refs_group_teardown, ...)). */
#ifndef EGAF_REFS_GROUP_H
#define EGAF_REFS_GROUP_H

#include "tests/unit/testutil.h"

#include "refs/refs.h"

static egaf_refs *refs;

static int refs_group_setup(void **state)
{
    (void)state;
    refs = load_test_refs();
    return refs ? 0 : -1;
}

static int refs_group_teardown(void **state)
{
    (void)state;
    egaf_refs_free(refs);
    return 0;
}

#endif
