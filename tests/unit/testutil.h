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

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "model/model.h"
#include "refs/refs.h"

/* The repository's reference models, as the unit tests see them: they run
 * with cwd = tests/ (tests/run.sh). */
#define TEST_REFS_DIR "../reference-models"

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

/* What a test that makes sources of its own from text needs: an arena they
 * live in and the list their findings go to. */
typedef struct text_fixture {
    egaf_arena *arena;
    egaf_diags *diags;
} text_fixture;

/* Makes the arena and the list; the test fails when memory runs out. */
static inline void text_fixture_init(text_fixture *f)
{
    f->arena = egaf_arena_create();
    f->diags = egaf_diags_create();
    assert_non_null(f->arena);
    assert_non_null(f->diags);
}

static inline void text_fixture_free(text_fixture *f)
{
    egaf_diags_free(f->diags);
    egaf_arena_free(f->arena);
}

/* cmocka's setup and teardown of a test whose state is a text_fixture of
 * its own. */
static inline int text_setup(void **state)
{
    text_fixture *f = calloc(1, sizeof(*f));
    if (!f)
        return -1;
    text_fixture_init(f);
    *state = f;
    return 0;
}

static inline int text_teardown(void **state)
{
    text_fixture_free(*state);
    free(*state);
    return 0;
}

/* The repository's reference models; NULL, saying why, unless they load
 * without an error. The caller frees them (they hold nothing of the load's
 * findings, which go when it returns). */
static inline egaf_refs *load_test_refs(void)
{
    egaf_diags *diags = egaf_diags_create();
    egaf_refs_status status = EGAF_REFS_NO_MEMORY;
    egaf_refs *refs = diags ? egaf_refs_load(TEST_REFS_DIR, diags, &status) : NULL;
    if (refs && status != EGAF_REFS_OK) {
        egaf_refs_free(refs);
        refs = NULL;
    }
    if (!refs)
        print_message("the reference models in %s do not load: status %d, %zu findings\n",
                      TEST_REFS_DIR, (int)status, diags ? egaf_diags_count(diags) : (size_t)0);
    egaf_diags_free(diags);
    return refs;
}

/* The model of text, as the file t.yaml, its load findings added to diags;
 * the test fails when it does not load. */
static inline egaf_model *load_model_text(const char *text, egaf_diags *diags)
{
    egaf_model *m = egaf_model_load_memory("t.yaml", text, strlen(text), NULL, diags);
    assert_non_null(m);
    return m;
}

/* The whole of the file at path, with a NUL after it and its length in *len
 * (when len is not NULL); NULL when it cannot be read. The caller frees it. */
static inline char *read_whole_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (n >= 0 && fseek(f, 0, SEEK_SET) == 0)
        text = calloc((size_t)n + 1, 1);
    if (text && fread(text, 1, (size_t)n, f) != (size_t)n) {
        free(text);
        text = NULL;
    }
    fclose(f);
    if (text && len)
        *len = (size_t)n;
    return text;
}

/* The index of the first finding with rule, or -1. */
static inline long find_rule(const egaf_diags *d, const char *rule)
{
    for (size_t i = 0; i < egaf_diags_count(d); i++)
        if (strcmp(egaf_diags_at(d, i)->rule, rule) == 0)
            return (long)i;
    return -1;
}

/* How many findings have rule. */
static inline size_t count_rule(const egaf_diags *d, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < egaf_diags_count(d); i++)
        n += strcmp(egaf_diags_at(d, i)->rule, rule) == 0;
    return n;
}

/* Prints every finding: what a test shows before an assertion about them
 * fails. */
static inline void print_all(const egaf_diags *d)
{
    for (size_t i = 0; i < egaf_diags_count(d); i++) {
        const egaf_finding *f = egaf_diags_at(d, i);
        print_message("  %u:%u %s: %s\n", f->line, f->col, f->rule, f->message);
    }
}

/* Asserts that `expected` findings have rule (any rule when rule is NULL),
 * printing them all and naming the rule when not. */
static inline void assert_rule_count(const egaf_diags *d, const char *rule, size_t expected)
{
    size_t have = rule ? count_rule(d, rule) : egaf_diags_count(d);
    if (have != expected) {
        print_all(d);
        fail_msg("%zu findings %s, expected %zu", have, rule ? rule : "in all", expected);
    }
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
