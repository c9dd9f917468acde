/* testutil.h - shared helpers for the cmocka unit tests. */
#ifndef EGAF_TESTUTIL_H
#define EGAF_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"

/* A name for a test's scratch file or folder: in the folder tests/run.sh
 * made for this run ($TMPROOT, removed when the run ends), else in $TMPDIR
 * or /tmp; the process id and a count make it unique, so the caller creates
 * it exclusively (O_CREAT | O_EXCL, mkdir) and removes it. */
static inline void scratch_path(char *out, size_t size, const char *what)
{
    static unsigned calls;
    const char *root = getenv("TMPROOT");
    if (!root || !*root)
        root = getenv("TMPDIR");
    if (!root || !*root)
        root = "/tmp";
    snprintf(out, size, "%s/egaf-unit-%ld-%u-%s", root, (long)getpid(), calls++, what);
}

/* The index of the first finding with rule, or -1. */
static inline long find_rule(const egaf_diags *d, const char *rule)
{
    for (size_t i = 0; i < egaf_diags_count(d); i++)
        if (strcmp(egaf_diags_at(d, i)->rule, rule) == 0)
            return (long)i;
    return -1;
}

/* Asserts a finding with rule at line:col exists. */
#define assert_finding(d, rule_, line_, col_)                                                  \
    do {                                                                                      \
        int found_ = 0;                                                                       \
        for (size_t i_ = 0; i_ < egaf_diags_count(d); i_++) {                                 \
            const egaf_finding *f_ = egaf_diags_at(d, i_);                                    \
            if (strcmp(f_->rule, rule_) == 0 && f_->line == (line_) && f_->col == (col_))      \
                found_ = 1;                                                                   \
        }                                                                                     \
        if (!found_) {                                                                        \
            for (size_t i_ = 0; i_ < egaf_diags_count(d); i_++) {                             \
                const egaf_finding *f_ = egaf_diags_at(d, i_);                                \
                print_message("  have %s %u:%u %s\n", f_->rule, f_->line, f_->col,            \
                              f_->message);                                                   \
            }                                                                                 \
            fail_msg("no finding %s at %d:%d", rule_, (int)(line_), (int)(col_));              \
        }                                                                                     \
    } while (0)

#endif
