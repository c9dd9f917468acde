/* test_yaml_suite.c - every case of the YAML project's test suite through the
 * loader: no crash, no hang, positioned findings for invalid inputs, and no
 * syntax finding where libyaml itself accepts the input. */
#include "tests/unit/testutil.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <yaml.h>

#include "model/yaml_tree.h"

/* The suite's inputs are vendored in tests/data/yaml-test-suite (README
 * there); tests/run.sh runs this binary from tests/. */
#define SUITE_DIR "data/yaml-test-suite"
#define SUITE_CASES 402

/* Cases the suite marks invalid but libyaml 0.2.5 parses without error and
 * that egaf's own checks do not catch either: the loader follows libyaml.
 * Each is listed so a change in behaviour is noticed. */
static const char *const libyaml_accepts[] = {
#include "yaml_suite_libyaml_gaps.h"
    NULL,
};

typedef struct stats {
    int cases, invalid, valid_ok, invalid_found, gaps;
    int failures;
} stats;

/* Valid YAML that egaf refuses on purpose: a double-quoted escape of a
 * control character (\b, \x0d) puts an invisible character into the model,
 * which egaf reports at the escape (yaml.encoding; docs/security.md). */
static const char *const refused_by_policy[] = {"G4RS", NULL};

static bool listed_policy(const char *name)
{
    for (size_t i = 0; refused_by_policy[i]; i++)
        if (strcmp(name, refused_by_policy[i]) == 0)
            return true;
    return false;
}

static bool listed_gap(const char *name)
{
    for (size_t i = 0; libyaml_accepts[i]; i++)
        if (strcmp(libyaml_accepts[i], name) == 0)
            return true;
    return false;
}

static bool libyaml_parses(const char *text, size_t len)
{
    yaml_parser_t p;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    bool ok = true;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            ok = false;
            break;
        }
        bool end = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        if (end)
            break;
    }
    yaml_parser_delete(&p);
    return ok;
}

static void run_case(const char *dir, const char *name, stats *st)
{
    char path[2200];
    snprintf(path, sizeof path, "%s/in.yaml", dir);
    egaf_arena *arena = egaf_arena_create();
    egaf_diags *diags = egaf_diags_create();
    egaf_source *src = NULL;
    if (egaf_source_read(arena, path, EGAF_MAX_FILE_SIZE, &src) != EGAF_READ_OK) {
        egaf_arena_free(arena);
        egaf_diags_free(diags);
        return;
    }
    st->cases++;
    snprintf(path, sizeof path, "%s/error", dir);
    struct stat sb;
    bool invalid = stat(path, &sb) == 0;
    bool lib_ok = libyaml_parses(src->text, src->len);
    egaf_yaml_parse(arena, src, NULL, diags);
    bool syntax = false, positioned = true;
    size_t n = egaf_diags_count(diags);
    for (size_t i = 0; i < n; i++) {
        const egaf_finding *f = egaf_diags_at(diags, i);
        if (strcmp(f->rule, "yaml.syntax") == 0 || strcmp(f->rule, "yaml.encoding") == 0)
            syntax = true;
        if (f->line < 1 || f->col < 1)
            positioned = false;
    }
    if (!positioned) {
        print_message("%s: a finding without a position\n", name);
        st->failures++;
    }
    if (lib_ok && syntax && !listed_policy(name)) {
        print_message("%s: libyaml accepts it but egaf reports a syntax finding\n", name);
        st->failures++;
    } else if (lib_ok && !syntax && listed_policy(name)) {
        print_message("%s: listed as refused by policy but gives no finding now: "
                      "remove it from the list\n",
                      name);
        st->failures++;
    }
    /* egaf may stop before libyaml's error (a second document): a finding
     * with a position is what counts */
    if (!lib_ok && n == 0) {
        print_message("%s: libyaml rejects it but egaf reports nothing\n", name);
        st->failures++;
    }
    if (invalid) {
        st->invalid++;
        if (n > 0) {
            st->invalid_found++;
            if (listed_gap(name)) {
                print_message("%s: listed as a libyaml gap but now gives a finding: "
                              "remove it from the list\n",
                              name);
                st->failures++;
            }
        } else if (listed_gap(name)) {
            st->gaps++;
        } else {
            print_message("%s: invalid case without any finding\n", name);
            st->failures++;
        }
    } else if (!syntax) {
        st->valid_ok++;
    }
    egaf_arena_free(arena);
    egaf_diags_free(diags);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const char *root, const char *rel, stats *st)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/%s", root, rel);
    DIR *d = opendir(dir);
    if (!d)
        return;
    char *names[512];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL && n < 512)
        if (de->d_name[0] != '.')
            names[n++] = strdup(de->d_name);
    closedir(d);
    qsort(names, n, sizeof(*names), compare_names);
    for (size_t i = 0; i < n; i++) {
        char sub[2100], subrel[1024];
        snprintf(subrel, sizeof subrel, "%s%s%s", rel, *rel ? "/" : "", names[i]);
        snprintf(sub, sizeof sub, "%s/%s", root, subrel);
        struct stat sb;
        if (stat(sub, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            char in[2200];
            snprintf(in, sizeof in, "%s/in.yaml", sub);
            if (stat(in, &sb) == 0)
                run_case(sub, subrel, st);
            else
                walk(root, subrel, st);
        }
        free(names[i]);
    }
}

static void test_yaml_test_suite(void **state)
{
    (void)state;
    const char *root = getenv("EGAF_ROOT");
    char path[1024];
    if (root)
        snprintf(path, sizeof path, "%s/tests/%s", root, SUITE_DIR);
    else
        snprintf(path, sizeof path, "%s", SUITE_DIR);
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
        fail_msg("the YAML test suite is not at %s: it is part of the repository "
                 "(git checkout tests/data/yaml-test-suite); run this test with "
                 "tests/run.sh, or from tests/",
                 path);
    stats st;
    memset(&st, 0, sizeof st);
    walk(path, "", &st);
    print_message("yaml-test-suite: %d cases, %d invalid (%d with findings, %d libyaml gaps), "
                  "%d valid without syntax findings\n",
                  st.cases, st.invalid, st.invalid_found, st.gaps, st.valid_ok);
    if (st.cases != SUITE_CASES)
        fail_msg("%d cases read in %s; the vendored suite has %d in.yaml files", st.cases, path,
                 SUITE_CASES);
    assert_int_equal(st.failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_yaml_test_suite),
    };
    return cmocka_run_group_tests_name("yaml-test-suite", tests, NULL, NULL);
}
