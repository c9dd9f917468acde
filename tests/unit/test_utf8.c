/* test_utf8.c - base/utf8 (decoding, grapheme columns, NFC, look-alike
 * characters), the id a mistyped id folds to, and what the loader makes of
 * them: NFC scalars, columns a person counts, control escapes. */
#include "testutil.h"

#include <stdlib.h>
#include <utf8proc.h>

#include "base/arena.h"
#include "base/fold.h"
#include "base/source.h"
#include "base/utf8.h"
#include "model/yaml_tree.h"
#include "cmocka_main.h"

/* "Tiếng Việt" composed (NFC) and decomposed (NFD) */
#define VIET_NFC "Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t"
#define VIET_NFD "Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t"

static void test_decode(void **state)
{
    (void)state;
    int32_t cp;
    assert_int_equal(egaf_utf8_decode("a", 1, &cp), 1);
    assert_int_equal(cp, 'a');
    assert_int_equal(egaf_utf8_decode("\xc2\xa0x", 3, &cp), 2);
    assert_int_equal(cp, 0xA0);
    assert_int_equal(egaf_utf8_decode("\xe1\xbb\x87", 3, &cp), 3);
    assert_int_equal(cp, 0x1EC7);
    assert_int_equal(egaf_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    /* overlong, surrogate, truncated, stray continuation: invalid */
    assert_int_equal(egaf_utf8_decode("\xc0\xaf", 2, &cp), 0);
    assert_int_equal(cp, -1);
    assert_int_equal(egaf_utf8_decode("\xed\xa0\x80", 3, &cp), 0);
    assert_int_equal(egaf_utf8_decode("\xe1\xbb", 2, &cp), 0);
    assert_int_equal(egaf_utf8_decode("\x80", 1, &cp), 0);
    /* in NUL-terminated text a NUL ends the sequence: a character cut short
     * at the end of the string is invalid, a whole one is read */
    assert_int_equal(egaf_utf8_decode_str("\xe1\xbb\x87", &cp), 3);
    assert_int_equal(cp, 0x1EC7);
    assert_int_equal(egaf_utf8_decode_str("\xe1\xbb", &cp), 0);
    assert_int_equal(egaf_utf8_decode_str("\xf0\x9f\x98", &cp), 0);
    assert_int_equal(egaf_utf8_decode_str("\xef\xbf\xbe", &cp), 3); /* U+FFFE decodes */
    assert_int_equal(cp, 0xFFFE);
    char cut[] = {'\xf0', '\x9f', '\0', '\x98', '\x80'};
    assert_int_equal(egaf_utf8_decode_str(cut, &cp), 0);
}

static void test_grapheme_columns(void **state)
{
    (void)state;
    /* the same ten characters, however typed */
    assert_int_equal(egaf_utf8_count(VIET_NFC, strlen(VIET_NFC)), 10);
    assert_int_equal(egaf_utf8_count(VIET_NFD, strlen(VIET_NFD)), 10);
    /* "ệ" as e + two marks is one column */
    assert_int_equal(egaf_utf8_count("e\xcc\xa3\xcc\x82", 5), 1);
    /* CR LF is one cluster; invalid bytes are one each */
    assert_int_equal(egaf_utf8_count("a\r\nb", 4), 3);
    assert_int_equal(egaf_utf8_count("a\xff\xfe", 3), 3);
    /* the 7th column of "Tiếng Việt" is 'V', at byte 8 (NFC) or 10 (NFD) */
    assert_int_equal(egaf_utf8_column_offset(VIET_NFC, strlen(VIET_NFC), 7), 8);
    assert_int_equal(egaf_utf8_column_offset(VIET_NFD, strlen(VIET_NFD), 7), 10);
    assert_int_equal(egaf_utf8_column_offset("abc", 3, 9), 3);

    /* code points to columns, in increasing steps as the loader asks: the
     * ASCII fast path and utf8proc agree */
    const char *line = "  name: " VIET_NFD ", kind: webb";
    size_t n = strlen(line);
    egaf_utf8_cursor c;
    egaf_utf8_cursor_init(&c);
    egaf_utf8_cursor_to_codepoint(&c, line, n, 8); /* before the name */
    assert_int_equal(c.graphemes, 8);
    egaf_utf8_cursor_to_codepoint(&c, line, n, 8 + 14); /* 14 code points: 10 columns */
    assert_int_equal(c.graphemes, 18);
    egaf_utf8_cursor_to_codepoint(&c, line, n, 8 + 14 + 8); /* ", kind: " */
    assert_int_equal(c.graphemes, 26);
    assert_int_equal(c.offset, 8 + strlen(VIET_NFD) + 8);
    for (size_t i = 0; i <= n; i++) {
        egaf_utf8_cursor one;
        egaf_utf8_cursor_init(&one);
        egaf_utf8_cursor_to_offset(&one, line, n, i);
        egaf_utf8_cursor walk;
        egaf_utf8_cursor_init(&walk);
        egaf_utf8_cursor_to_codepoint(&walk, line, n, one.codepoints);
        assert_int_equal(walk.graphemes, one.graphemes);
    }
}

/* Clusters counted with utf8proc alone, code point by code point. */
static uint32_t reference_count(const char *s, size_t n)
{
    uint32_t count = 0;
    utf8proc_int32_t prev = -1, st = 0;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                (utf8proc_ssize_t)(n - i), &cp);
        assert_true(len > 0);
        if (prev < 0 || utf8proc_grapheme_break_stateful(prev, cp, &st))
            count++;
        prev = cp;
        i += (size_t)len;
    }
    return count;
}

/* The fast paths (ASCII runs, Latin letters) agree with utf8proc on every
 * prefix of a line that mixes scripts, marks, emoji and CR LF. */
static void test_fast_paths_agree(void **state)
{
    (void)state;
    static const char line[] =
        "  - {id: cong-dvc, name: " VIET_NFD " / " VIET_NFC "\xc2\xa0\xe2\x80\x8b"
        "\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb"
        " \xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8 a\r\nb \xd0\x90\xcc\x81 \xe0\xa4\x95\xe0\xa5\x8d"
        "\xe0\xa4\xb7 x}";
    size_t n = strlen(line);
    for (size_t end = 0; end <= n; end++) {
        if (end < n && ((unsigned char)line[end] & 0xC0) == 0x80)
            continue; /* inside a character */
        egaf_utf8_cursor c;
        egaf_utf8_cursor_init(&c);
        egaf_utf8_cursor_to_offset(&c, line, n, end);
        if (c.graphemes != reference_count(line, end))
            fail_msg("prefix of %zu bytes: %u clusters, utf8proc counts %u", end,
                     (unsigned)c.graphemes, (unsigned)reference_count(line, end));
        egaf_utf8_cursor w;
        egaf_utf8_cursor_init(&w);
        egaf_utf8_cursor_to_codepoint(&w, line, n, c.codepoints);
        assert_int_equal(w.graphemes, c.graphemes);
        assert_int_equal(w.offset, c.offset);
    }
}

static void test_nfc(void **state)
{
    (void)state;
    egaf_arena *a = egaf_arena_create();
    size_t len = 0;
    const char *s = egaf_utf8_nfc(a, VIET_NFD, strlen(VIET_NFD), &len);
    assert_non_null(s);
    assert_string_equal(s, VIET_NFC);
    assert_int_equal(len, strlen(VIET_NFC));
    /* already NFC: the same text, not a copy */
    const char *nfc = VIET_NFC;
    assert_ptr_equal(egaf_utf8_nfc(a, nfc, strlen(nfc), &len), nfc);
    const char *ascii = "lang-son";
    assert_ptr_equal(egaf_utf8_nfc(a, ascii, 8, &len), ascii);
    /* U+212B ANGSTROM SIGN is a singleton: NFC makes it U+00C5 */
    s = egaf_utf8_nfc(a, "\xe2\x84\xab", 3, &len);
    assert_non_null(s);
    assert_string_equal(s, "\xc3\x85");
    /* not UTF-8: NULL, the caller keeps its text */
    assert_null(egaf_utf8_nfc(a, "a\xff", 2, &len));
    egaf_arena_free(a);
}

/* The quick check never calls a text NFC that normalisation would change:
 * every code point, alone and after a letter it could combine with. */
static void test_nfc_quick_check_is_safe(void **state)
{
    (void)state;
    size_t yes = 0;
    for (int32_t cp = 0x80; cp <= 0x10FFFF; cp++) {
        if (!utf8proc_codepoint_valid(cp))
            continue;
        char text[8] = "a";
        utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)text + 1);
        text[1 + n] = '\0';
        if (!egaf_utf8_is_nfc_quick(text + 1, (size_t)n))
            continue;
        yes++;
        utf8proc_uint8_t *alone = utf8proc_NFC((const utf8proc_uint8_t *)text + 1);
        utf8proc_uint8_t *after = utf8proc_NFC((const utf8proc_uint8_t *)text);
        assert_non_null(alone);
        assert_non_null(after);
        if (strcmp((const char *)alone, text + 1) != 0 || strcmp((const char *)after, text) != 0)
            fail_msg("U+%04X passes the quick check but NFC changes it", (unsigned)cp);
        free(alone);
        free(after);
    }
    assert_true(yes > 200000); /* it does say yes to most of Unicode */
    /* and no to what NFC changes */
    assert_false(egaf_utf8_is_nfc_quick(VIET_NFD, strlen(VIET_NFD)));
    assert_true(egaf_utf8_is_nfc_quick(VIET_NFC, strlen(VIET_NFC)));
}

static void test_lookalikes(void **state)
{
    (void)state;
    egaf_arena *a = egaf_arena_create();
    const egaf_utf8_lookalike *l;
    const char *ref = "httt-tthc\xc2\xa0";
    assert_int_equal(egaf_utf8_find_lookalike(ref, strlen(ref), &l), 9);
    assert_non_null(l);
    assert_int_equal(l->cp, 0xA0);
    assert_string_equal(l->name, "NO-BREAK SPACE");
    assert_string_equal(egaf_utf8_replace_lookalikes(a, ref, strlen(ref)), "httt-tthc");
    /* zero-width space dropped, en dash a hyphen, BOM dropped */
    const char *id = "ql\xe2\x80\x8bvb\xe2\x80\x93tinh\xef\xbb\xbf";
    assert_int_equal(egaf_utf8_find_lookalike(id, strlen(id), &l), 2);
    assert_string_equal(l->name, "ZERO WIDTH SPACE");
    assert_string_equal(egaf_utf8_replace_lookalikes(a, id, strlen(id)), "qlvb-tinh");
    /* Vietnamese letters are not look-alikes */
    assert_int_equal(egaf_utf8_find_lookalike(VIET_NFC, strlen(VIET_NFC), &l),
                     strlen(VIET_NFC));
    assert_null(l);
    assert_null(egaf_utf8_lookalike_find('-'));
    assert_string_equal(egaf_utf8_lookalike_find(0x2212)->name, "MINUS SIGN");
    egaf_arena_free(a);
}

static void test_fold_id(void **state)
{
    (void)state;
    char out[64];
    egaf_fold_id("QLVB", out);
    assert_string_equal(out, "qlvb");
    egaf_fold_id("c\xe1\xbb\x95ng-tt\xc4\x91t", out); /* cổng-ttđt */
    assert_string_equal(out, "cong-ttdt");
    egaf_fold_id("Co\xcc\x82\xcc\x89ng  DVC_t\xe1\xbb\x89nh!", out); /* NFD "Cổng  DVC_tỉnh!" */
    assert_string_equal(out, "cong-dvc-tinh");
    assert_int_equal(egaf_fold_id("--", out), 0);
}

/* The loader: NFC text, columns in what a person sees, "\0" an error at
 * the escape with the text before it kept. */
static void test_loader_text(void **state)
{
    (void)state;
    static const char yaml[] = "name: " VIET_NFD "\n"
                               "kind: \"" VIET_NFD "\", x: y\n";
    egaf_arena *a = egaf_arena_create();
    egaf_diags *d = egaf_diags_create();
    egaf_source *src = egaf_source_from_memory(a, "t.yaml", yaml, strlen(yaml));
    egaf_ynode *root = egaf_yaml_parse(a, src, NULL, d);
    assert_null(root); /* ", x: y" after a quoted value is a syntax error */
    egaf_diags_free(d);

    static const char ok_yaml[] = "- " VIET_NFD "\n"
                                  "- {a: \"" VIET_NFD "\", b: c}\n"
                                  "- \"cao-bang\\0../../x\"\n"
                                  "- \"chu\xe1\xbb\x97i\\x1b\"\n";
    d = egaf_diags_create();
    src = egaf_source_from_memory(a, "t.yaml", ok_yaml, strlen(ok_yaml));
    root = egaf_yaml_parse(a, src, NULL, d);
    assert_non_null(root);
    assert_int_equal(root->u.seq.count, 4);
    const egaf_ynode *first = root->u.seq.items[0];
    assert_string_equal(first->u.scalar.text, VIET_NFC);
    assert_int_equal(first->u.scalar.len, strlen(VIET_NFC));
    assert_int_equal(first->mark.col, 3);
    assert_int_equal(first->mark.end_col, 13); /* ten columns */
    const egaf_ynode *b = root->u.seq.items[1]->u.map.pairs[1].value;
    /* "- {a: " 6, the quoted name 12 columns, ", b: " 5 */
    assert_int_equal(b->mark.col, 6 + 12 + 5 + 1);
    const egaf_ynode *nul = root->u.seq.items[2];
    assert_string_equal(nul->u.scalar.text, "cao-bang");
    assert_int_equal(nul->u.scalar.len, 8);
    const egaf_ynode *esc = root->u.seq.items[3];
    assert_string_equal(esc->u.scalar.text, "chu\xe1\xbb\x97i");
    assert_int_equal(egaf_diags_count(d), 2);
    assert_finding(d, "yaml.encoding", 3, 12);
    assert_finding(d, "yaml.encoding", 4, 9);
    egaf_diags_free(d);
    egaf_arena_free(a);
}

/* A BOM opening the file is no column, for libyaml's marks and for the
 * positions egaf computes itself (the escape). */
static void test_bom_columns(void **state)
{
    (void)state;
    static const char yaml[] = "\xef\xbb\xbf" "a: \"x\\0y\"\n";
    egaf_arena *a = egaf_arena_create();
    egaf_diags *d = egaf_diags_create();
    egaf_source *src = egaf_source_from_memory(a, "t.yaml", yaml, strlen(yaml));
    egaf_ynode *root = egaf_yaml_parse(a, src, NULL, d);
    assert_non_null(root);
    assert_int_equal(root->u.map.pairs[0].key->mark.col, 1);
    assert_int_equal(root->u.map.pairs[0].value->mark.col, 4);
    assert_finding(d, "yaml.encoding", 1, 6);
    egaf_diags_free(d);
    egaf_arena_free(a);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_decode),
               cmocka_unit_test(test_grapheme_columns),
               cmocka_unit_test(test_fast_paths_agree),
               cmocka_unit_test(test_nfc),
               cmocka_unit_test(test_nfc_quick_check_is_safe),
               cmocka_unit_test(test_lookalikes),
               cmocka_unit_test(test_fold_id),
               cmocka_unit_test(test_loader_text),
               cmocka_unit_test(test_bom_columns))
