/* test_report.c - the CI report formats: GitHub workflow commands byte for
 * byte, SARIF, JUnit and GitLab Code Quality by their telling fragments, and
 * the fingerprints they share. */
#include "testutil.h"

#include <stdlib.h>

#include "base/arena.h"
#include "base/source.h"
#include "report/report.h"
#include "cmocka_main.h"

static const char model_text[] = "framework: \"2.0\"\n"
                                 "applications:\n"
                                 "  - id: qlvb\n"
                                 "    nmae: Quản lý văn bản\n"
                                 "    name: QLVB\n";

/* Five findings: an error with a mark, a hint and a path with a space; an
 * error with a related position; a waived warning; a note; a run-wide error
 * with characters every format must escape. key_line moves the first one. */
static void build(text_fixture *fx, unsigned key_line)
{
    text_fixture_init(fx);
    egaf_source *src =
        egaf_source_from_memory(fx->arena, "models/lang son.yaml", model_text, strlen(model_text));
    assert_non_null(src);
    egaf_diags *d = fx->diags;

    egaf_mark key = {src, key_line, 5, 9};
    egaf_finding *f = egaf_diag(d, "schema.unknown-key", &key, "lang-son:qlvb",
                                "unknown key '%s' in application 'qlvb'", "nmae");
    assert_non_null(f);
    egaf_diag_hint(d, f, "did you mean '%s'?", "name");

    egaf_mark dup = {src, 5, 5, 9}, first = {src, 4, 5, 9};
    f = egaf_diag(d, "yaml.duplicate-key", &dup, NULL, "duplicate key '%s'", "name");
    egaf_diag_related(d, f, &first, "'%s' first defined here", "name");

    f = egaf_diag_at(d, "waiver.unknown-rule", "b.yaml", 7, 3, "b:x", "waiver names no rule");
    egaf_diag_waive(d, f, "đang thẩm định, 50%");

    egaf_diag_at(d, "ref.cross-architecture", "b.yaml", 9, 1, "b:y",
                 "reference to 'ha-noi:lgsp' not checked");

    egaf_diag(d, "refs.schema", NULL, NULL, "bad <data> & \"quotes\": 100%%, a,b\nsecond line");
    egaf_diags_add_files(d, 3);
    egaf_diags_sort(d);
}

static char *render(const egaf_diags *d, egaf_report_format format)
{
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_report_options opt = {.color = false, .quiet = false, .version = "9.9.9"};
    egaf_report_write(&out, d, format, &opt);
    assert_false(out.failed);
    assert_non_null(out.data);
    return out.data;
}

#define assert_contains(hay, needle)                                                          \
    do {                                                                                      \
        if (!strstr((hay), (needle))) {                                                       \
            fprintf(stderr, "output lacks:\n%s\n--- output:\n%s\n", (needle), (hay));          \
            fail();                                                                           \
        }                                                                                     \
    } while (0)

static size_t occurrences(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static void test_fnv1a128_vectors(void **state)
{
    (void)state;
    char hex[33];
    egaf_fnv1a128_hex("", 0, hex);
    assert_string_equal(hex, "6c62272e07bb014262b821756295c58d");
    egaf_fnv1a128_hex("a", 1, hex);
    assert_string_equal(hex, "d228cb696f1a8caf78912b704e4a8964");
    egaf_fnv1a128_hex("foobar", 6, hex);
    assert_string_equal(hex, "343e1662793c64bf6f0d3597ba446f18");
}

static void test_github_exact(void **state)
{
    (void)state;
    text_fixture fx;
    build(&fx, 4);
    char *out = render(fx.diags, EGAF_REPORT_GITHUB);
    assert_string_equal(
        out,
        "::notice file=b.yaml,line=7,col=3,title=waiver.unknown-rule::waiver names no rule "
        "(waived: đang thẩm định, 50%25)\n"
        "::notice file=b.yaml,line=9,col=1,title=ref.cross-architecture::reference to "
        "'ha-noi:lgsp' not checked\n"
        "::error file=models/lang son.yaml,line=4,col=5,endColumn=8,title=schema.unknown-key::"
        "unknown key 'nmae' in application 'qlvb'%0Ahint: did you mean 'name'?\n"
        "::error file=models/lang son.yaml,line=5,col=5,endColumn=8,title=yaml.duplicate-key::"
        "duplicate key 'name'%0Amodels/lang son.yaml:4:5: 'name' first defined here\n"
        "::error title=refs.schema::bad <data> & \"quotes\": 100%25, a,b%0Asecond line\n"
        "3 files checked: 3 errors, 0 warnings, 1 note, 1 waived\n");
    free(out);
    text_fixture_free(&fx);
}

static void test_github_property_escaping(void **state)
{
    (void)state;
    egaf_diags *d = egaf_diags_create();
    egaf_diag_at(d, "schema.type", "a:b,c%.yaml", 1, 1, NULL, "x\r\ny");
    /* an ESC sequence would colour or erase the log: shown, not obeyed */
    egaf_diag_at(d, "schema.type", "b\x1b.yaml", 2, 1, NULL, "\x1b[31mred\x7f\tz");
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_report_options opt = {.color = false, .quiet = true, .version = "1"};
    egaf_report_github(&out, d, &opt);
    assert_string_equal(out.data,
                        "::error file=a%3Ab%2Cc%25.yaml,line=1,col=1,title=schema.type::x%0D%0Ay\n"
                        "::error file=b\xe2\x90\x9b.yaml,line=2,col=1,title=schema.type::"
                        "\xe2\x90\x9b[31mred\xe2\x90\xa1\tz\n");
    egaf_buf_free(&out);
    egaf_diags_free(d);
}

static void test_sarif_fragments(void **state)
{
    (void)state;
    text_fixture fx;
    build(&fx, 4);
    char *out = render(fx.diags, EGAF_REPORT_SARIF);
    assert_contains(out, "\"version\": \"2.1.0\"");
    assert_contains(out, "\"name\": \"egaf\",\n          \"version\": \"9.9.9\",\n"
                         "          \"semanticVersion\": \"9.9.9\",\n"
                         "          \"informationUri\": \"" EGAF_HOME_URL "\"");
    /* paths relative to %SRCROOT%, whose absolute place the report does not
     * name unless --base gave it */
    assert_contains(out, "\"originalUriBaseIds\": {\"%SRCROOT%\": {\"description\": {\"text\": ");
    assert_null(strstr(out, "file://"));
    /* the rules of the findings, sorted by id; ruleIndex points into them */
    const char *order[] = {"{\"id\": \"ref.cross-architecture\"", "{\"id\": \"refs.schema\"",
                           "{\"id\": \"schema.unknown-key\"", "{\"id\": \"waiver.unknown-rule\"",
                           "{\"id\": \"yaml.duplicate-key\""};
    const char *prev = out;
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        const char *at = strstr(out, order[i]);
        assert_non_null(at);
        assert_true(at > prev);
        prev = at;
    }
    assert_null(strstr(out, "\"id\": \"yaml.syntax\""));
    assert_contains(out, "{\"id\": \"schema.unknown-key\", \"name\": \"SchemaUnknownKey\",\n"
                         "              \"shortDescription\": {\"text\": \"unknown key\"}");
    assert_contains(out, "\"helpUri\": \"" EGAF_RULES_DOC_URL "#schemaunknown-key\"");
    assert_contains(out, "\"markdown\": \"A map has a key the format does not know");
    assert_contains(out, "\\n\\n**How to fix:** ");
    assert_contains(out, "Wrong:\\n\\n```yaml\\n");
    assert_contains(out, "(" EGAF_RULES_DOC_URL "#schemaunknown-key)\"}");
    assert_contains(out, "\"properties\": {\"tags\": [\"schema\"]}}");
    assert_null(strstr(out, "security-severity"));
    assert_contains(out, "\"defaultConfiguration\": {\"level\": \"warning\"}");
    assert_contains(out, "\"help\": {\"text\": \"egaf model format");
    assert_contains(out, "{\"ruleId\": \"schema.unknown-key\", \"ruleIndex\": 2, \"level\": "
                         "\"error\"");
    assert_contains(out, "{\"ruleId\": \"ref.cross-architecture\", \"ruleIndex\": 0, \"level\": "
                         "\"note\"");
    assert_contains(out, "\"message\": {\"text\": \"unknown key 'nmae' in application 'qlvb'\\n"
                         "hint: did you mean 'name'?\"}");
    assert_contains(out, "{\"artifactLocation\": {\"uri\": \"models/lang%20son.yaml\", "
                         "\"uriBaseId\": \"%SRCROOT%\"}, "
                         "\"region\": {\"startLine\": 4, \"startColumn\": 5, \"endColumn\": 9, "
                         "\"snippet\": {\"text\": \"nmae\"}}, "
                         "\"contextRegion\": {\"startLine\": 4, "
                         "\"snippet\": {\"text\": \"    nmae: Quản lý văn bản\"}}}");
    /* a mark of unknown width is one character */
    assert_contains(out, "\"region\": {\"startLine\": 7, \"startColumn\": 3, \"endColumn\": 4}}");
    assert_contains(out, "\"relatedLocations\": [{\"id\": 1, \"physicalLocation\": "
                         "{\"artifactLocation\": {\"uri\": \"models/lang%20son.yaml\", "
                         "\"uriBaseId\": \"%SRCROOT%\"}, "
                         "\"region\": {\"startLine\": 4, \"startColumn\": 5, \"endColumn\": 9, "
                         "\"snippet\": {\"text\": \"nmae\"}}, "
                         "\"contextRegion\": {\"startLine\": 4, "
                         "\"snippet\": {\"text\": \"    nmae: Quản lý văn bản\"}}}, "
                         "\"message\": {\"text\": \"'name' first defined here\"}}]");
    assert_contains(out, "\"suppressions\": [{\"kind\": \"external\", \"justification\": "
                         "\"đang thẩm định, 50%\"}]");
    assert_int_equal(occurrences(out, "\"suppressions\""), 1);
    assert_contains(out, "\"properties\": {\"element\": \"lang-son:qlvb\"}");
    /* five results, four with a location: the run-wide one has none */
    assert_int_equal(occurrences(out, "\"ruleId\""), 5);
    assert_int_equal(occurrences(out, "\"locations\""), 4);
    assert_int_equal(occurrences(out, "\"egaf/v1\": \""), 5);
    assert_contains(out, "{\"ruleId\": \"refs.schema\", \"ruleIndex\": 1, \"level\": \"error\",\n"
                         "          \"message\": {\"text\": \"bad \\u003cdata> & \\\"quotes\\\": 100%, "
                         "a,b\\nsecond line\"},\n          \"partialFingerprints\"");
    free(out);
    text_fixture_free(&fx);
}

static void test_sarif_empty(void **state)
{
    (void)state;
    egaf_diags *d = egaf_diags_create();
    char *out = render(d, EGAF_REPORT_SARIF);
    assert_contains(out, "\"rules\": []");
    assert_contains(out, "\"results\": []");
    free(out);
    egaf_diags_free(d);
}

static void test_uri_encoding(void **state)
{
    (void)state;
    egaf_diags *d = egaf_diags_create();
    egaf_diag_at(d, "schema.type", "c:/mô hình/a#1?.yaml", 1, 1, NULL, "x");
    char *out = render(d, EGAF_REPORT_SARIF);
    assert_contains(out, "\"uri\": \"c%3A/m%C3%B4%20h%C3%ACnh/a%231%3F.yaml\", "
                         "\"uriBaseId\": \"%SRCROOT%\"}");
    free(out);
    egaf_diags_free(d);

    /* an absolute path (given so, with no base to make it relative to) is a
     * file:// URI with no base */
    d = egaf_diags_create();
    egaf_diag_at(d, "schema.type", "/srv/mô hình/./x/../a.yaml", 1, 1, NULL, "x");
    out = render(d, EGAF_REPORT_SARIF);
    assert_contains(out, "{\"uri\": \"file:///srv/m%C3%B4%20h%C3%ACnh/a.yaml\"}");
    assert_null(strstr(out, "\"uriBaseId\""));
    free(out);
    egaf_diags_free(d);
}

static char *path_of(const char *work, const char *base, const char *file, bool *relative)
{
    egaf_report_options opt = {.version = "1", .work_dir = (char *)work, .base_dir = (char *)base};
    egaf_buf out;
    egaf_buf_init(&out);
    *relative = egaf_report_path(&out, &opt, file);
    assert_false(out.failed);
    return out.data;
}

/* Paths relative to the base, whatever the user typed; absolute only when
 * typed so and outside the base. */
static void test_report_path(void **state)
{
    (void)state;
    static const struct {
        const char *work, *base, *file, *want;
        bool relative;
    } cases[] = {
        {"/repo", "/repo", "examples/a.yaml", "examples/a.yaml", true},
        {"/repo", "/repo", "./examples//a.yaml", "examples/a.yaml", true},
        {"/repo/docs", "/repo", "../examples/a.yaml", "examples/a.yaml", true},
        {"/repo/docs", "/repo", "/repo/examples/a.yaml", "examples/a.yaml", true},
        {"/elsewhere", "/repo", "/repo/x/../a.yaml", "a.yaml", true},
        {"/repo", "/repo/sub", "a.yaml", "../a.yaml", true},
        {"/repo", "/repo", "/tmp/a.yaml", "/tmp/a.yaml", false},
        {"/repo", "/repo", "../../../a.yaml", "../a.yaml", true},
        {"/", "/", "a.yaml", "a.yaml", true},
        {"/repo", "/repo", ".", ".", true},
        {"/repo", "/repository", "/repo/a.yaml", "/repo/a.yaml", false},
        {"/repo", "/repository", "a.yaml", "../repo/a.yaml", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool relative;
        char *got = path_of(cases[i].work, cases[i].base, cases[i].file, &relative);
        if (strcmp(got, cases[i].want) != 0 || relative != cases[i].relative) {
            fprintf(stderr, "case %zu: '%s' from %s, base %s: got '%s' (%s)\n", i, cases[i].file,
                    cases[i].work, cases[i].base, got, relative ? "relative" : "absolute");
            fail();
        }
        free(got);
    }
    /* no base known: the path as given, tidied */
    egaf_buf out;
    egaf_buf_init(&out);
    assert_true(egaf_report_path(&out, NULL, "./a/../../b.yaml"));
    assert_string_equal(out.data, "../b.yaml");
    egaf_buf_free(&out);
}

/* Rule metadata for code scanning: a security rule carries its
 * security-severity; --base given absolute names %SRCROOT%'s place. */
static void test_sarif_security_and_base(void **state)
{
    (void)state;
    egaf_diags *d = egaf_diags_create();
    egaf_diag_at(d, "security.unprotected", "/repo/models/a.yaml", 3, 5, "a:x", "unprotected");
    egaf_diag_at(d, "security.level-missing", "/repo/models/a.yaml", 4, 5, "a:y", "no level");
    egaf_diags_sort(d);
    egaf_report_options opt = {.version = "2.0.1", .work_dir = "/repo/models",
                               .base_dir = "/repo", .base_absolute = true};
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_report_sarif(&out, d, &opt);
    assert_false(out.failed);
    assert_contains(out.data, "\"name\": \"SecurityUnprotected\"");
    assert_contains(out.data, "\"properties\": {\"tags\": [\"security\"], "
                              "\"security-severity\": \"7.5\"}}");
    assert_contains(out.data, "\"properties\": {\"tags\": [\"security\"], "
                              "\"security-severity\": \"5.0\"}}");
    assert_contains(out.data, "\"originalUriBaseIds\": {\"%SRCROOT%\": {\"uri\": \"file:///repo/\", ");
    assert_contains(out.data, "{\"uri\": \"models/a.yaml\", \"uriBaseId\": \"%SRCROOT%\"}");
    assert_contains(out.data, "\"semanticVersion\": \"2.0.1\"");
    egaf_buf_free(&out);
    egaf_diags_free(d);
}

/* The fingerprint names the rule, the file and the element: moving the
 * finding to another line keeps it; repeats of one key stay distinct. */
static void test_fingerprints(void **state)
{
    (void)state;
    text_fixture a, b;
    build(&a, 4);
    build(&b, 2);
    egaf_fingerprint *fa = egaf_report_fingerprints(a.diags);
    egaf_fingerprint *fb = egaf_report_fingerprints(b.diags);
    assert_non_null(fa);
    assert_non_null(fb);
    size_t n = egaf_diags_count(a.diags);
    long ia = -1, ib = -1;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(egaf_diags_at(a.diags, i)->rule, "schema.unknown-key") == 0)
            ia = (long)i;
        if (strcmp(egaf_diags_at(b.diags, i)->rule, "schema.unknown-key") == 0)
            ib = (long)i;
    }
    assert_true(ia >= 0 && ib >= 0);
    assert_int_equal(egaf_diags_at(b.diags, (size_t)ib)->line, 2);
    assert_string_equal(fa[ia].hex, fb[ib].hex);
    /* rule NUL file NUL element NUL */
    char want[33];
    static const char key[] = "schema.unknown-key\0models/lang son.yaml\0lang-son:qlvb";
    egaf_fnv1a128_hex(key, sizeof key, want);
    assert_string_equal(fa[ia].hex, want);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            assert_string_not_equal(fa[i].hex, fa[j].hex);
    free(fa);
    free(fb);
    text_fixture_free(&a);
    text_fixture_free(&b);

    egaf_diags *d = egaf_diags_create();
    egaf_diag_at(d, "schema.type", "a.yaml", 1, 1, "a:x", "same");
    egaf_diag_at(d, "schema.type", "a.yaml", 9, 1, "a:x", "same");
    egaf_fingerprint *fp = egaf_report_fingerprints(d);
    assert_non_null(fp);
    assert_string_not_equal(fp[0].hex, fp[1].hex);
    free(fp);
    egaf_diags_free(d);
}

static void test_junit_fragments(void **state)
{
    (void)state;
    text_fixture fx;
    build(&fx, 4);
    char *out = render(fx.diags, EGAF_REPORT_JUNIT);
    assert_true(strncmp(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 39) == 0);
    /* junit-10.xsd: no skipped on testsuites, no file or line on a testcase */
    assert_contains(out, "<testsuites name=\"egaf\" tests=\"6\" failures=\"3\" errors=\"0\">");
    assert_contains(out, "<testsuite name=\"b.yaml\" file=\"b.yaml\" tests=\"2\" failures=\"0\" "
                         "errors=\"0\" skipped=\"1\">");
    assert_contains(out, "<testsuite name=\"models/lang son.yaml\" file=\"models/lang son.yaml\" "
                         "tests=\"2\" failures=\"2\"");
    assert_contains(out, "<testsuite name=\"egaf\" tests=\"2\" failures=\"1\"");
    assert_null(strstr(out, " line=\""));
    assert_contains(out, "<property name=\"errors\" value=\"3\"/>\n"
                         "      <property name=\"warnings\" value=\"0\"/>\n"
                         "      <property name=\"notes\" value=\"1\"/>\n"
                         "      <property name=\"waived\" value=\"1\"/>\n"
                         "      <property name=\"files\" value=\"3\"/>\n");
    /* a newline inside an attribute is a character reference */
    assert_contains(out, "<failure message=\"bad &lt;data&gt; &amp; &quot;quotes&quot;: 100%, "
                         "a,b&#10;second line\" type=\"error\">");
    assert_contains(out, "<testcase classname=\"schema.unknown-key\" name=\"lang-son:qlvb\">\n"
                         "      <failure message=\"unknown key &#39;nmae&#39; in application "
                         "&#39;qlvb&#39;\" type=\"error\">");
    assert_contains(out, "<testcase classname=\"yaml.duplicate-key\" "
                         "name=\"models/lang son.yaml:5:5\"");
    assert_contains(out, "<skipped message=\"waived: đang thẩm định, 50%\"/>");
    assert_contains(out, "<testcase classname=\"ref.cross-architecture\" name=\"b:y\">\n"
                         "      <system-out>b.yaml:9:1: note: "
                         "reference to &#39;ha-noi:lgsp&#39; not checked "
                         "[ref.cross-architecture]</system-out>");
    assert_contains(out, "bad &lt;data&gt; &amp; &quot;quotes&quot;");
    assert_contains(out, "<testcase classname=\"egaf\" name=\"summary\">\n      <system-out>"
                         "3 files checked: 3 errors, 0 warnings, 1 note, 1 waived\n"
                         "</system-out>");
    assert_true(strlen(out) > 14 && strcmp(out + strlen(out) - 14, "</testsuites>\n") == 0);
    free(out);
    text_fixture_free(&fx);

    egaf_diags *d = egaf_diags_create();
    egaf_diags_add_files(d, 2);
    out = render(d, EGAF_REPORT_JUNIT);
    assert_contains(out, "<testsuite name=\"egaf\" tests=\"1\" failures=\"0\" errors=\"0\" "
                         "skipped=\"0\">\n    <properties>\n");
    assert_contains(out, "</properties>\n    <testcase classname=\"egaf\" name=\"no findings\">");
    free(out);
    egaf_diags_free(d);
}

/* Warnings pass (their text in system-out) unless --werror; control
 * characters come back visibly, never dropped; the report stays XML 1.0. */
static void test_junit_warnings_and_controls(void **state)
{
    (void)state;
    egaf_diags *d = egaf_diags_create();
    egaf_diag_at(d, "hygiene.unused", "a.yaml", 2, 1, "a:x",
                 "cr\r lf\n tab\t esc\x1b bell\x07 del\x7f bad\xff fffe\xef\xbf\xbe end");
    egaf_diags_add_files(d, 1);
    egaf_diags_sort(d);
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_report_options opt = {.version = "1"};
    egaf_report_junit(&out, d, &opt);
    assert_false(out.failed);
    assert_contains(out.data, "<testsuites name=\"egaf\" tests=\"2\" failures=\"0\" errors=\"0\">");
    assert_null(strstr(out.data, "<failure"));
    assert_contains(out.data, "<testcase classname=\"hygiene.unused\" name=\"a:x\">\n"
                              "      <system-out>a.yaml:2:1: warning: cr&#13; lf\n tab\t "
                              "esc\xe2\x90\x9b bell\xe2\x90\x87 del\xe2\x90\xa1 "
                              "bad\xef\xbf\xbd fffe\xef\xbf\xbd end [hygiene.unused]</system-out>");
    assert_contains(out.data, "<property name=\"warnings\" value=\"1\"/>");
    egaf_buf_free(&out);

    egaf_buf_init(&out);
    opt.werror = true;
    egaf_report_junit(&out, d, &opt);
    assert_contains(out.data, "<testsuites name=\"egaf\" tests=\"2\" failures=\"1\" errors=\"0\">");
    assert_contains(out.data, "<failure message=\"cr&#13; lf&#10; tab&#9; esc\xe2\x90\x9b "
                              "bell\xe2\x90\x87 del\xe2\x90\xa1 bad\xef\xbf\xbd "
                              "fffe\xef\xbf\xbd end\" type=\"warning\">");
    assert_contains(out.data, "<property name=\"werror\" value=\"true\"/>");
    egaf_buf_free(&out);
    egaf_diags_free(d);
}

static void test_gitlab_fragments(void **state)
{
    (void)state;
    text_fixture fx;
    build(&fx, 4);
    egaf_fingerprint *fp = egaf_report_fingerprints(fx.diags);
    assert_non_null(fp);
    char *out = render(fx.diags, EGAF_REPORT_GITLAB);
    assert_true(out[0] == '[');
    /* the waived finding is left out */
    assert_int_equal(occurrences(out, "\"check_name\""), 4);
    assert_null(strstr(out, "waiver.unknown-rule"));
    for (size_t i = 0; i < egaf_diags_count(fx.diags); i++) {
        const egaf_finding *f = egaf_diags_at(fx.diags, i);
        char want[64];
        snprintf(want, sizeof want, "\"fingerprint\": \"%s\"", fp[i].hex);
        if (f->waiver)
            assert_null(strstr(out, want));
        else
            assert_contains(out, want);
    }
    assert_contains(out, "{\"description\": \"unknown key 'nmae' in application 'qlvb' (hint: "
                         "did you mean 'name'?)\", \"check_name\": \"schema.unknown-key\"");
    assert_contains(out, "\"severity\": \"major\", \"location\": {\"path\": \"models/lang "
                         "son.yaml\", \"lines\": {\"begin\": 4}}}");
    assert_contains(out, "\"check_name\": \"ref.cross-architecture\", \"fingerprint\"");
    assert_contains(out, "\"severity\": \"info\", \"location\": {\"path\": \"b.yaml\", "
                         "\"lines\": {\"begin\": 9}}}");
    assert_contains(out, "\"location\": {\"path\": \".\", \"lines\": {\"begin\": 1}}}\n]\n");
    free(fp);
    free(out);
    text_fixture_free(&fx);

    egaf_diags *d = egaf_diags_create();
    egaf_diag_at(d, "waiver.unknown-rule", "a.yaml", 3, 1, NULL, "w");
    out = render(d, EGAF_REPORT_GITLAB);
    assert_contains(out, "\"severity\": \"minor\"");
    free(out);
    egaf_diags_free(d);

    d = egaf_diags_create();
    out = render(d, EGAF_REPORT_GITLAB);
    assert_string_equal(out, "[]\n");
    free(out);
    egaf_diags_free(d);
}

/* Each writer gives the same bytes twice (no addresses, times or order
 * from memory), and egaf_report_write dispatches to it. */
static void test_deterministic(void **state)
{
    (void)state;
    egaf_report_format formats[] = {EGAF_REPORT_SARIF, EGAF_REPORT_JUNIT, EGAF_REPORT_GITHUB,
                                    EGAF_REPORT_GITLAB};
    void (*writers[])(egaf_buf *, const egaf_diags *, const egaf_report_options *) = {
        egaf_report_sarif, egaf_report_junit, egaf_report_github, egaf_report_gitlab};
    for (size_t k = 0; k < 4; k++) {
        text_fixture a, b;
        build(&a, 4);
        build(&b, 4);
        char *x = render(a.diags, formats[k]);
        egaf_buf y;
        egaf_buf_init(&y);
        egaf_report_options opt = {.color = false, .quiet = false, .version = "9.9.9"};
        writers[k](&y, b.diags, &opt);
        assert_string_equal(x, y.data);
        free(x);
        egaf_buf_free(&y);
        text_fixture_free(&a);
        text_fixture_free(&b);
    }
}


/* Lists filled apart (one per file, on threads) joined in a fixed order: the
 * findings keep that order, take the receiving list's configuration, and
 * outlive the list they came from. */
static void test_diags_absorb(void **state)
{
    (void)state;
    egaf_diags *all = egaf_diags_create();
    assert_int_equal(egaf_diags_set_severity(all, "schema.type", EGAF_SEV_WARNING), 0);
    assert_int_equal(egaf_diags_set_severity(all, "yaml.duplicate-key", EGAF_SEV_OFF), 0);
    egaf_diag_at(all, "schema.enum", "a.yaml", 3, 1, NULL, "first");
    egaf_diags *one = egaf_diags_create();
    egaf_diag_at(one, "schema.type", "b.yaml", 1, 1, NULL, "typed %d", 2);
    egaf_diag_at(one, "yaml.duplicate-key", "b.yaml", 2, 1, NULL, "dropped");
    egaf_finding *f = egaf_diag_at(one, "ref.unresolved", "b.yaml", 3, 1, NULL, "third");
    egaf_diag_hint(one, f, "a hint");
    egaf_diags *empty = egaf_diags_create();
    egaf_diags_absorb(all, one);
    egaf_diags_absorb(all, empty);
    assert_int_equal(egaf_diags_count(all), 3);
    const egaf_finding *x = egaf_diags_at(all, 1);
    assert_string_equal(x->message, "typed 2");
    assert_int_equal(x->severity, EGAF_SEV_WARNING);
    assert_int_equal(x->seq, 1);
    x = egaf_diags_at(all, 2);
    assert_string_equal(x->rule, "ref.unresolved");
    assert_string_equal(x->hint, "a hint");
    assert_int_equal(x->seq, 2);
    egaf_diag_counts c = egaf_diags_counts(all);
    assert_int_equal(c.errors, 2);
    assert_int_equal(c.warnings, 1);
    assert_false(egaf_diags_failed(all));
    egaf_diags_free(all);
}

/* The one spelling of XML's entities (base), which JUnit's XML uses. */
static void test_xml_entity(void **state)
{
    (void)state;
    assert_string_equal(egaf_xml_entity('&'), "&amp;");
    assert_string_equal(egaf_xml_entity('<'), "&lt;");
    assert_string_equal(egaf_xml_entity('>'), "&gt;");
    assert_string_equal(egaf_xml_entity('"'), "&quot;");
    assert_string_equal(egaf_xml_entity('\''), "&#39;");
    assert_null(egaf_xml_entity('a'));
    assert_null(egaf_xml_entity('\n'));
    assert_null(egaf_xml_entity(0xC3));
    /* the XML text writer spells them so, and drops control characters */
    egaf_buf b;
    egaf_buf_init(&b);
    egaf_buf_xml_text(&b, "a<b & \"c\" 'd'>\x01\n");
    assert_string_equal(b.data, "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;\n");
    /* U+FFFE and U+FFFF, which a YAML escape can give, are no XML 1.0
     * character (an exchange file holding one does not parse): U+FFFD, as
     * for invalid UTF-8; U+2028 and U+FFFD themselves stay */
    egaf_buf_reset(&b);
    egaf_buf_xml_text(&b, "T\xEF\xBF\xBF|\xEF\xBF\xBE|\xC3|\xE2\x80\xA8|\xEF\xBF\xBD");
    assert_string_equal(b.data, "T\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD|\xE2\x80\xA8|\xEF\xBF\xBD");
    egaf_buf_free(&b);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_fnv1a128_vectors),
               cmocka_unit_test(test_github_exact),
               cmocka_unit_test(test_github_property_escaping),
               cmocka_unit_test(test_sarif_fragments),
               cmocka_unit_test(test_sarif_empty),
               cmocka_unit_test(test_uri_encoding),
               cmocka_unit_test(test_report_path),
               cmocka_unit_test(test_sarif_security_and_base),
               cmocka_unit_test(test_junit_warnings_and_controls),
               cmocka_unit_test(test_fingerprints),
               cmocka_unit_test(test_junit_fragments),
               cmocka_unit_test(test_xml_entity),
               cmocka_unit_test(test_gitlab_fragments),
               cmocka_unit_test(test_deterministic),
               cmocka_unit_test(test_diags_absorb))
