/* test_lsp_insert_fix.c - the quick fix `egaf lsp` offers for a missing
 * required component (component.missing): the entry of `egaf init`'s
 * template, inserted where the component's list is, at the list's
 * indentation. The models are `egaf init`'s own, with a component cut out;
 * applying the fix must leave a model without any finding. Runs with
 * cwd = tests/. */
#include "tests/unit/validate_util.h"

#include <stdlib.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "model/model.h"
#include "refs/refs.h"
#include "validator/init_template.h"
#include "validator/validate.h"
#include "cmocka_main.h"


static egaf_refs *refs;
static egaf_buf lang_son; /* egaf init --agency lang-son --year 2020 */

static int group_setup(void **state)
{
    (void)state;
    refs = load_test_refs();
    if (!refs)
        return -1;
    const egaf_ref_entry *agency = egaf_refs_agency(refs, "lang-son", 2020);
    const egaf_ref_framework *fw = egaf_init_default_framework(refs, 2020);
    if (!agency || !fw)
        return -1;
    egaf_buf_init(&lang_son);
    egaf_init_model(&lang_son, refs, agency, 2020, fw);
    return lang_son.failed ? -1 : 0;
}

static int group_teardown(void **state)
{
    (void)state;
    egaf_refs_free(refs);
    egaf_buf_free(&lang_son);
    return 0;
}

/* The starting model without the lines from the one starting with `from`
 * up to and including the one starting with `to` (both searched as whole
 * lines, `to` after `from`). */
static char *cut(const char *from, const char *to)
{
    const char *text = lang_son.data;
    const char *a = strstr(text, from);
    assert_non_null(a);
    assert_true(a == text || a[-1] == '\n');
    const char *b = strstr(a, to);
    assert_non_null(b);
    const char *end = strchr(b, '\n');
    assert_non_null(end);
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_buf_printf(&out, "%.*s%s", (int)(a - text), text, end + 1);
    return out.data;
}

/* text (freed here) with lines inserted before the first line that is
 * `before`. */
static char *insert_before(char *text, const char *before, const char *lines)
{
    const char *at = strstr(text, before);
    assert_non_null(at);
    assert_true(at == text || at[-1] == '\n');
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_buf_printf(&out, "%.*s%s%s", (int)(at - text), text, lines, at);
    free(text);
    return out.data;
}

/* text with f's fix inserted at (fix_line, fix_col). */
static char *apply(const char *text, const egaf_finding *f)
{
    assert_non_null(f->fix);
    assert_true(f->fix_line > 0);
    const char *line = text;
    for (unsigned i = 1; i < f->fix_line; i++) {
        line = strchr(line, '\n');
        assert_non_null(line);
        line++;
    }
    const char *nl = strchr(line, '\n');
    size_t len = nl ? (size_t)(nl - line) : strlen(line);
    size_t at = (size_t)(line - text) + egaf_utf8_column_offset(line, len, f->fix_col);
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_buf_printf(&out, "%.*s%s%s", (int)at, text, f->fix, text + at);
    return out.data;
}

/* The one component.missing finding of text; the other findings are the
 * references to the component cut out (nref of them). */
static const egaf_finding *missing_of(const egaf_diags *d, size_t nref)
{
    long i = find_rule(d, "component.missing");
    size_t refs_unresolved = 0;
    for (size_t j = 0; j < egaf_diags_count(d); j++)
        refs_unresolved += strcmp(egaf_diags_at(d, j)->rule, "ref.unresolved") == 0;
    if (i < 0 || egaf_diags_count(d) != 1 + nref || refs_unresolved != nref) {
        print_all(d);
        fail_msg("expected one component.missing and %zu ref.unresolved", nref);
    }
    return egaf_diags_at(d, (size_t)i);
}

/* The starting model cut as cut() does, validated: its one component.missing
 * finding (and nref references to what was cut out) has the fix want, to be
 * inserted at line fix_line (and column fix_col, unless 0). Returns the cut
 * model with the fix applied; the caller frees it. */
static char *fixed_after_cut(const char *from, const char *to, size_t nref, unsigned fix_line,
                             unsigned fix_col, const char *want)
{
    char *text = cut(from, to);
    egaf_diags *d = validate_text(text, refs);
    const egaf_finding *f = missing_of(d, nref);
    assert_int_equal(f->fix_line, fix_line);
    if (fix_col)
        assert_int_equal(f->fix_col, fix_col);
    assert_string_equal(f->fix, want);
    char *fixed = apply(text, f);
    egaf_diags_free(d);
    free(text);
    return fixed;
}

/* The reporting system's entry of `egaf init`'s template under id, as a fix
 * inserts it after the last line of the list. */
static void reporting_system_entry(char *out, size_t size, const char *id)
{
    snprintf(out, size,
             "\n    # Điền: tên hệ thống thông tin báo cáo và cấp độ an toàn đã được phê duyệt\n"
             "    - id: %s\n"
             "      name: \"Hệ thống thông tin báo cáo tỉnh Lạng Sơn\"\n"
             "      role: bao-cao\n"
             "      security-level: 2\n"
             "      hosted-on: [ttdl]",
             id);
}

static void test_starting_model_is_clean(void **state)
{
    (void)state;
    egaf_diags *d = validate_text(lang_son.data, refs);
    assert_rule_count(d, NULL, 0);
    egaf_diags_free(d);
}

/* An application cut out of the list: inserted after the last one, at the
 * list's indentation, with the template's comment, name, role and level. */
static void test_application_after_the_last(void **state)
{
    (void)state;
    char entry[512];
    reporting_system_entry(entry, sizeof entry, "bao-cao");
    /* 2 references: from: bao-cao in an integration, delivers: [… bao-cao …];
     * the fix after qlvb's last line, "      hosted-on: [ttdl]" (line 110 of
     * the cut model) */
    char *fixed = fixed_after_cut("    # Điền: tên hệ thống thông tin báo cáo",
                                  "      hosted-on: [ttdl]", 2, 110,
                                  strlen("      hosted-on: [ttdl]") + 1, entry);
    /* the same bytes as the starting model: the entry went where init put it */
    assert_string_equal(fixed, lang_son.data);
    free(fixed);
}

/* The whole `platforms` list cut out: the list key and the LGSP come back at
 * the end of the application section, and every reference resolves again. */
static void test_list_under_the_section(void **state)
{
    (void)state;
    /* 5 references: three integrations via it, the firewall's protects, the
     * roadmap; the fix after the last integration's data line, the
     * section's last (line 136) */
    char *fixed = fixed_after_cut(
        "  platforms:", "      security-level: 3", 5, 136, 0,
        "\n  platforms:\n"
        "    # Điền: tên nền tảng tích hợp, chia sẻ dữ liệu đang vận hành\n"
        "    - id: lgsp-lang-son\n"
        "      name: \"Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Lạng Sơn (LGSP)\"\n"
        "      kind: lgsp\n"
        "      connects: [national:ngsp]\n"
        "      hosted-on: [ttdl]\n"
        "      security-level: 3");
    egaf_diags *after = validate_text(fixed, refs);
    assert_rule_count(after, NULL, 0);
    egaf_diags_free(after);
    free(fixed);
}

/* An id the model already uses for something else: the entry takes another. */
static void test_id_taken(void **state)
{
    (void)state;
    char *text = cut("    # Điền: tên hệ thống thông tin báo cáo", "      hosted-on: [ttdl]");
    /* a business function takes the reporting system's id */
    text = insert_before(text, "    - id: cn-chi-dao-dieu-hanh\n",
                         "    - id: bao-cao\n      name: Báo cáo\n");
    egaf_diags *d = validate_text(text, refs);
    long i = find_rule(d, "component.missing");
    assert_true(i >= 0);
    const egaf_finding *f = egaf_diags_at(d, (size_t)i);
    assert_non_null(f->fix);
    char entry[512];
    reporting_system_entry(entry, sizeof entry, "bao-cao-2");
    assert_string_equal(f->fix, entry);
    char *fixed = apply(text, f);
    egaf_diags *after = validate_text(fixed, refs);
    assert_int_equal(find_rule(after, "component.missing"), -1);
    /* the one new finding is the next step: the new system's integration to
     * the national reporting system (the old one names the function) */
    long nc = find_rule(after, "component.not-connected");
    assert_true(nc >= 0);
    assert_non_null(strstr(egaf_diags_at(after, (size_t)nc)->message, "'bao-cao-2'"));
    for (size_t j = 0; j < egaf_diags_count(after); j++) {
        const egaf_finding *g = egaf_diags_at(after, j);
        bool before = false;
        for (size_t k = 0; k < egaf_diags_count(d); k++)
            before |= strcmp(egaf_diags_at(d, k)->rule, g->rule) == 0;
        if (!before && (size_t)nc != j) {
            print_all(after);
            fail_msg("new finding %s", g->rule);
        }
    }
    egaf_diags_free(after);
    egaf_diags_free(d);
    free(fixed);
    free(text);
}

/* No fix when the list is there but written empty: where the architect
 * means the entry to go is theirs to say. */
static void test_no_fix_for_an_empty_list(void **state)
{
    (void)state;
    char *text = cut("  platforms:", "      security-level: 3");
    text = insert_before(text, "  integrations:\n", "  platforms: []\n");
    egaf_diags *d = validate_text(text, refs);
    long i = find_rule(d, "component.missing");
    assert_true(i >= 0);
    const egaf_finding *f = egaf_diags_at(d, (size_t)i);
    assert_null(f->fix);
    assert_int_equal(f->fix_line, 0);
    egaf_diags_free(d);
    free(text);
}

EGAF_UNIT_MAIN(group_setup, group_teardown,
               cmocka_unit_test(test_starting_model_is_clean),
               cmocka_unit_test(test_application_after_the_last),
               cmocka_unit_test(test_list_under_the_section),
               cmocka_unit_test(test_id_taken),
               cmocka_unit_test(test_no_fix_for_an_empty_list))
