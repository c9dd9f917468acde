/* report_check.h - small checkers for the report writers' output, shared by
 * the fuzz targets that render findings (fuzz_report.c, fuzz_validate.c).
 *
 * Each checker aborts with a message naming the format and the byte offset
 * when the output is broken, so libFuzzer records the input as a crash:
 *   - JSON (json, sarif, gitlab): valid UTF-8; strings closed, with only
 *     JSON escapes and no raw control characters; brackets and braces
 *     balanced and nested outside strings; nothing but white space,
 *     punctuation and literals outside strings; exactly one top-level value.
 *   - XML (junit): valid UTF-8 with no control characters but tab, CR and
 *     LF; every '<' opens a well-formed tag (declaration, comment, start or
 *     end tag) whose name is one of JUnit's, with quoted attributes holding
 *     no '<'; tags balanced; every '&' starts an entity; one root element.
 *     Text from the input that reached the output unescaped fails one of
 *     these.
 *   - GitHub workflow commands (written quiet): one line per finding, each
 *     starting with "::error ", "::warning " or "::notice ", so no message,
 *     hint or path broke a command across lines.
 *   - Fingerprints: 32 lower-case hex digits each, all distinct. */
#ifndef EGAF_FUZZ_REPORT_CHECK_H
#define EGAF_FUZZ_REPORT_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/utf8.h"
#include "report/report.h"

static void rc_fail(const char *format, const char *what, const char *s, size_t len, size_t at)
{
    size_t from = at > 60 ? at - 60 : 0;
    size_t to = at + 60 < len ? at + 60 : len;
    fprintf(stderr, "report check: %s output: %s at byte %zu:\n%.*s\n", format, what, at,
            (int)(to - from), s + from);
    abort();
}

/* Valid UTF-8 as utf8proc reads it (egaf_utf8_decode): no overlong form, no
 * surrogate, nothing above U+10FFFF, no sequence cut short. */
static void rc_check_utf8(const char *format, const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = egaf_utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            rc_fail(format, "invalid UTF-8", s, len, i);
        i += n;
    }
}

static bool rc_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

enum { RC_MAX_NEST = 256 };

static void rc_check_json(const char *format, const egaf_buf *b)
{
    const char *s = b->data ? b->data : "";
    size_t len = b->len;
    if (b->failed)
        rc_fail(format, "the buffer failed", s, len, 0);
    if (memchr(s, '\0', len))
        rc_fail(format, "a NUL byte", s, len, (size_t)((const char *)memchr(s, '\0', len) - s));
    rc_check_utf8(format, s, len);
    char stack[RC_MAX_NEST];
    size_t depth = 0, values = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '"') {
            if (depth == 0)
                values++;
            for (i++;; i++) {
                if (i >= len)
                    rc_fail(format, "unterminated string", s, len, len);
                unsigned char d = (unsigned char)s[i];
                if (d == '"')
                    break;
                if (d < 0x20)
                    rc_fail(format, "raw control character in a string", s, len, i);
                if (d == '\\') {
                    i++;
                    if (i >= len)
                        rc_fail(format, "unterminated escape", s, len, i);
                    if (s[i] == 'u') {
                        for (int k = 1; k <= 4; k++)
                            if (i + (size_t)k >= len || !rc_hex(s[i + (size_t)k]))
                                rc_fail(format, "bad \\u escape", s, len, i);
                        i += 4;
                    } else if (!strchr("\"\\/bfnrt", s[i]) || s[i] == '\0') {
                        rc_fail(format, "bad escape", s, len, i);
                    }
                }
            }
            continue;
        }
        switch (c) {
        case '{':
        case '[':
            if (depth == 0)
                values++;
            if (depth == RC_MAX_NEST)
                rc_fail(format, "nesting too deep", s, len, i);
            stack[depth++] = c;
            break;
        case '}':
        case ']':
            if (depth == 0 || stack[depth - 1] != (c == '}' ? '{' : '['))
                rc_fail(format, "unbalanced bracket", s, len, i);
            depth--;
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
        case ',':
        case ':':
            break;
        default:
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' ||
                (c >= 'a' && c <= 'z')) {
                if (depth == 0 && (i == 0 || !strchr("0123456789-+.abcdefghijklmnopqrstuvwxyz",
                                                     s[i - 1])))
                    values++;
                break;
            }
            rc_fail(format, "stray character outside strings", s, len, i);
        }
    }
    if (depth != 0)
        rc_fail(format, "unclosed bracket at the end", s, len, len);
    if (values != 1)
        rc_fail(format, values ? "more than one top-level value" : "no value", s, len, 0);
}

static bool rc_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == ':' || c == '.';
}

/* An entity at s[i] == '&': returns its length, 0 when it is none. */
static size_t rc_entity(const char *s, size_t len, size_t i)
{
    static const char *const named[] = {"&lt;", "&gt;", "&amp;", "&quot;", "&apos;", NULL};
    for (int k = 0; named[k]; k++) {
        size_t n = strlen(named[k]);
        if (i + n <= len && memcmp(s + i, named[k], n) == 0)
            return n;
    }
    size_t j = i + 1;
    if (j < len && s[j] == '#') {
        j++;
        bool hex = j < len && s[j] == 'x';
        if (hex)
            j++;
        size_t digits = 0;
        while (j < len && (hex ? rc_hex(s[j]) : (s[j] >= '0' && s[j] <= '9'))) {
            j++;
            digits++;
        }
        if (digits && j < len && s[j] == ';')
            return j + 1 - i;
    }
    return 0;
}

/* True when s[*i] is '&': then *i moves past the entity reference it
 * starts, and one that starts none fails as what. */
static bool rc_entity_at(const char *format, const char *s, size_t len, size_t *i,
                         const char *what)
{
    if (s[*i] != '&')
        return false;
    size_t n = rc_entity(s, len, *i);
    if (!n)
        rc_fail(format, what, s, len, *i);
    *i += n;
    return true;
}

/* True when a section opened by `open` (a comment, CDATA) starts at s[*i]:
 * then *i moves past its `close`, and a section without one fails as what. */
static bool rc_section(const char *format, const char *s, size_t len, size_t *i,
                       const char *open, const char *close, const char *what)
{
    size_t open_len = strlen(open);
    if (len - *i < open_len || memcmp(s + *i, open, open_len) != 0)
        return false;
    const char *end = strstr(s + *i + open_len, close);
    if (!end)
        rc_fail(format, what, s, len, *i);
    *i = (size_t)(end - s) + strlen(close);
    return true;
}

static void rc_check_xml(const char *format, const egaf_buf *b, const char *const *names)
{
    const char *s = b->data ? b->data : "";
    size_t len = b->len;
    if (b->failed)
        rc_fail(format, "the buffer failed", s, len, 0);
    rc_check_utf8(format, s, len);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            rc_fail(format, "control character", s, len, i);
    }
    const char *open[RC_MAX_NEST];
    size_t open_len[RC_MAX_NEST];
    size_t depth = 0, roots = 0;
    for (size_t i = 0; i < len;) {
        if (rc_entity_at(format, s, len, &i, "'&' that starts no entity"))
            continue;
        if (s[i] != '<') {
            i++;
            continue;
        }
        size_t at = i;
        if (i + 1 < len && s[i + 1] == '?') {
            if (at != 0)
                rc_fail(format, "declaration not at the start", s, len, at);
            const char *end = strstr(s + i, "?>");
            if (!end)
                rc_fail(format, "unterminated declaration", s, len, at);
            i = (size_t)(end - s) + 2;
            continue;
        }
        if (rc_section(format, s, len, &i, "<!--", "-->", "unterminated comment") ||
            rc_section(format, s, len, &i, "<![CDATA[", "]]>", "unterminated CDATA"))
            continue;
        bool closing = i + 1 < len && s[i + 1] == '/';
        i += closing ? 2 : 1;
        size_t name = i;
        while (i < len && rc_name_char(s[i]))
            i++;
        size_t nlen = i - name;
        if (nlen == 0)
            rc_fail(format, "'<' that opens no tag", s, len, at);
        bool known = false;
        for (int k = 0; names[k]; k++)
            if (strlen(names[k]) == nlen && memcmp(names[k], s + name, nlen) == 0)
                known = true;
        if (!known)
            rc_fail(format, "tag name not in the format's vocabulary", s, len, at);
        if (closing) {
            while (i < len && strchr(" \t\n\r", s[i]))
                i++;
            if (i >= len || s[i] != '>')
                rc_fail(format, "malformed end tag", s, len, at);
            if (depth == 0 || open_len[depth - 1] != nlen ||
                memcmp(open[depth - 1], s + name, nlen) != 0)
                rc_fail(format, "end tag does not match the open element", s, len, at);
            depth--;
            i++;
            continue;
        }
        bool empty = false;
        for (;;) {
            size_t ws = i;
            while (i < len && strchr(" \t\n\r", s[i]) && s[i])
                i++;
            if (i >= len)
                rc_fail(format, "unterminated tag", s, len, at);
            if (s[i] == '>') {
                i++;
                break;
            }
            if (s[i] == '/' && i + 1 < len && s[i + 1] == '>') {
                empty = true;
                i += 2;
                break;
            }
            if (i == ws)
                rc_fail(format, "attribute without white space before it", s, len, i);
            size_t an = i;
            while (i < len && rc_name_char(s[i]))
                i++;
            if (i == an || i >= len || s[i] != '=')
                rc_fail(format, "malformed attribute", s, len, i);
            i++;
            if (i >= len || (s[i] != '"' && s[i] != '\''))
                rc_fail(format, "unquoted attribute value", s, len, i);
            char q = s[i++];
            while (i < len && s[i] != q) {
                if (s[i] == '<')
                    rc_fail(format, "raw '<' in an attribute value", s, len, i);
                if (rc_entity_at(format, s, len, &i, "'&' that starts no entity in an attribute"))
                    continue;
                i++;
            }
            if (i >= len)
                rc_fail(format, "unterminated attribute value", s, len, at);
            i++;
        }
        if (depth == 0)
            roots++;
        if (!empty) {
            if (depth == RC_MAX_NEST)
                rc_fail(format, "nesting too deep", s, len, at);
            open[depth] = s + name;
            open_len[depth] = nlen;
            depth++;
        }
    }
    if (depth != 0)
        rc_fail(format, "unclosed element at the end", s, len, len);
    if (roots != 1)
        rc_fail(format, "not exactly one root element", s, len, 0);
}

static const char *const rc_junit_names[] = {"testsuites", "testsuite",  "testcase",
                                             "failure",    "error",      "skipped",
                                             "system-out", "system-err", "properties",
                                             "property",   NULL};

/* b: the GitHub writer's output with quiet set. */
static void rc_check_github(const egaf_buf *b, size_t findings)
{
    const char *s = b->data ? b->data : "";
    size_t len = b->len;
    if (b->failed)
        rc_fail("github", "the buffer failed", s, len, 0);
    size_t lines = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        if (!nl)
            rc_fail("github", "last line without a line break", s, len, i);
        if (strncmp(s + i, "::error ", 8) != 0 && strncmp(s + i, "::warning ", 10) != 0 &&
            strncmp(s + i, "::notice ", 9) != 0)
            rc_fail("github", "a line that is not a workflow command", s, len, i);
        if (memchr(s + i, '\r', end - i))
            rc_fail("github", "raw CR in a command", s, len, i);
        lines++;
        i = end + 1;
    }
    if (lines != findings)
        rc_fail("github", "not one line per finding", s, len, 0);
}

static int rc_compare_fp(const void *a, const void *b)
{
    return memcmp(a, b, sizeof(egaf_fingerprint));
}

static void rc_check_fingerprints(const egaf_diags *d)
{
    size_t n = egaf_diags_count(d);
    egaf_fingerprint *fp = egaf_report_fingerprints(d);
    if (!fp) {
        if (n) {
            fprintf(stderr, "report check: no fingerprints for %zu findings\n", n);
            abort();
        }
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (strlen(fp[i].hex) != 32 || strspn(fp[i].hex, "0123456789abcdef") != 32) {
            fprintf(stderr, "report check: fingerprint %zu is '%s'\n", i, fp[i].hex);
            abort();
        }
    }
    qsort(fp, n, sizeof(*fp), rc_compare_fp);
    for (size_t i = 1; i < n; i++)
        if (memcmp(&fp[i - 1], &fp[i], sizeof(*fp)) == 0) {
            fprintf(stderr, "report check: fingerprint %s given twice\n", fp[i].hex);
            abort();
        }
    free(fp);
}

/* Runs every writer over d (sorted) and checks what can be checked. */
static void rc_run_writers(const egaf_diags *d, bool color, bool quiet)
{
    egaf_report_options opt = {.color = color, .quiet = quiet, .version = "0.0.0-fuzz"};
    egaf_report_options quiet_opt = {.color = false, .quiet = true, .version = "0.0.0-fuzz"};
    egaf_buf b;
    egaf_buf_init(&b);

    egaf_report_text(&b, d, &opt);
    if (b.failed)
        rc_fail("text", "the buffer failed", "", 0, 0);
    egaf_buf_reset(&b);
    egaf_report_summary(&b, d);
    egaf_buf_reset(&b);

    egaf_report_json(&b, d, &opt);
    rc_check_json("json", &b);
    egaf_buf_reset(&b);

    egaf_report_sarif(&b, d, &opt);
    rc_check_json("sarif", &b);
    egaf_buf_reset(&b);

    egaf_report_gitlab(&b, d, &opt);
    rc_check_json("gitlab", &b);
    egaf_buf_reset(&b);

    egaf_report_junit(&b, d, &opt);
    rc_check_xml("junit", &b, rc_junit_names);
    egaf_buf_reset(&b);

    egaf_report_github(&b, d, &quiet_opt);
    rc_check_github(&b, egaf_diags_count(d));
    egaf_buf_reset(&b);
    egaf_report_github(&b, d, &opt);

    egaf_buf_free(&b);
    rc_check_fingerprints(d);
}

#endif
