/* test_lsp_rpc.c - the framing of `egaf lsp`'s messages (lsp/rpc.h) and the
 * conversion between egaf's columns and the protocol's UTF-16 positions
 * (lsp/position.h). */
#include "testutil.h"

#include <stdlib.h>

#include "lsp/position.h"
#include "lsp/rpc.h"
#include "cmocka_main.h"

static egaf_rpc_status frame(const char *s, size_t max, egaf_rpc_frame *f)
{
    return egaf_rpc_frame_next(s, strlen(s), max, f);
}

static void test_whole_message(void **state)
{
    (void)state;
    egaf_rpc_frame f;
    const char *m = "Content-Length: 2\r\n\r\n{}next";
    assert_int_equal(frame(m, 100, &f), EGAF_RPC_MESSAGE);
    assert_int_equal(f.header_len, 21);
    assert_int_equal(f.body_off, 21);
    assert_int_equal(f.body_len, 2);
    assert_memory_equal(m + f.body_off, "{}", 2);
}

static void test_other_headers_and_case(void **state)
{
    (void)state;
    egaf_rpc_frame f;
    const char *m = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
                    "content-length:  3 \r\n\r\n[1]";
    assert_int_equal(frame(m, 100, &f), EGAF_RPC_MESSAGE);
    assert_int_equal(f.body_len, 3);
    /* a client writing bare line feeds */
    assert_int_equal(frame("Content-Length: 1\n\n1", 100, &f), EGAF_RPC_MESSAGE);
    assert_int_equal(f.header_len, 19);
}

static void test_needs_more(void **state)
{
    (void)state;
    egaf_rpc_frame f;
    assert_int_equal(frame("", 100, &f), EGAF_RPC_NEED_MORE);
    assert_int_equal(frame("Content-Len", 100, &f), EGAF_RPC_NEED_MORE);
    assert_int_equal(frame("Content-Length: 5\r\n\r\n{}", 100, &f), EGAF_RPC_NEED_MORE);
}

static void test_bad_headers(void **state)
{
    (void)state;
    egaf_rpc_frame f;
    assert_int_equal(frame("Content-Type: x\r\n\r\n{}", 100, &f), EGAF_RPC_BAD_HEADER);
    assert_int_equal(f.header_len, 19);
    assert_int_equal(frame("Content-Length: -1\r\n\r\n", 100, &f), EGAF_RPC_BAD_HEADER);
    assert_int_equal(frame("Content-Length: 1x\r\n\r\n", 100, &f), EGAF_RPC_BAD_HEADER);
    assert_int_equal(frame("Content-Length: \r\n\r\n", 100, &f), EGAF_RPC_BAD_HEADER);
    /* two lengths that disagree */
    assert_int_equal(frame("Content-Length: 1\r\nContent-Length: 2\r\n\r\nab", 100, &f),
                     EGAF_RPC_BAD_HEADER);
    /* a number that does not fit */
    assert_int_equal(frame("Content-Length: 99999999999999999999999999\r\n\r\n", 100, &f),
                     EGAF_RPC_BAD_HEADER);
    /* no end of the headers within the limit: everything is dropped */
    size_t n = EGAF_RPC_MAX_HEADER + 10;
    char *junk = malloc(n + 1);
    assert_non_null(junk);
    memset(junk, 'a', n);
    junk[n] = '\0';
    assert_int_equal(frame(junk, 100, &f), EGAF_RPC_BAD_HEADER);
    assert_int_equal(f.header_len, n);
    free(junk);
}

static void test_too_large(void **state)
{
    (void)state;
    egaf_rpc_frame f;
    assert_int_equal(frame("Content-Length: 101\r\n\r\n", 100, &f), EGAF_RPC_TOO_LARGE);
    assert_int_equal(f.header_len, 23);
    assert_int_equal(f.body_len, 101);
}

static void test_positions(void **state)
{
    (void)state;
    /* "Hộ tịch 𝔸x": ộ and ị are one UTF-16 unit, 𝔸 two */
    const char *line = "Hộ tịch \xF0\x9D\x94\xB8x";
    size_t len = strlen(line);
    assert_int_equal(egaf_lsp_utf16_of_col(line, len, 1), 0);
    assert_int_equal(egaf_lsp_utf16_of_col(line, len, 3), 2);
    assert_int_equal(egaf_lsp_utf16_of_col(line, len, 9), 8);  /* 𝔸 */
    assert_int_equal(egaf_lsp_utf16_of_col(line, len, 10), 10); /* x, after a pair */
    assert_int_equal(egaf_lsp_utf16_of_col(line, len, 99), 11);
    assert_int_equal(egaf_lsp_byte_of_utf16(line, len, 2), 4); /* after "Hộ" */
    /* decomposed "ệ" (e, U+0302, U+0323) is one column and three units */
    const char *nfd = "Vi\x65\xCC\x82\xCC\xA3t x";
    assert_int_equal(egaf_lsp_utf16_of_col(nfd, strlen(nfd), 3), 2);
    assert_int_equal(egaf_lsp_utf16_of_col(nfd, strlen(nfd), 4), 5);
    assert_int_equal(egaf_lsp_utf16_of_byte(nfd, strlen(nfd)), 8);
    assert_int_equal(egaf_lsp_byte_of_utf16(line, len, 10), len - 1);
    assert_int_equal(egaf_lsp_byte_of_utf16(line, len, 50), len);
    size_t a, b;
    const char *text = "one\r\ntwo\nthree";
    assert_int_equal(egaf_lsp_line_range(text, strlen(text), 0, &a, &b), 0);
    assert_int_equal(b - a, 3);
    assert_int_equal(egaf_lsp_line_range(text, strlen(text), 2, &a, &b), 0);
    assert_int_equal(a, 9);
    assert_int_equal(b, 14);
    assert_int_equal(egaf_lsp_line_range(text, strlen(text), 3, &a, &b), -1);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_whole_message), cmocka_unit_test(test_other_headers_and_case),
               cmocka_unit_test(test_needs_more),    cmocka_unit_test(test_bad_headers),
               cmocka_unit_test(test_too_large),     cmocka_unit_test(test_positions))
