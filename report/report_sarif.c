/* report_sarif.c - SARIF 2.1.0 (OASIS), the format code scanning reads.
 *
 * One run. tool.driver names egaf (informationUri, version and
 * semanticVersion) and lists the catalogue entry of every rule that appears
 * in the findings (sorted by id; results point at them with ruleIndex): a
 * PascalCase name, short and full descriptions, helpUri to the rule's
 * section of docs/rules.md, help as text and markdown (why, how to fix, a
 * wrong and a right example), tags (the rule's family: "schema", "route",
 * "security"...; GitHub counts a rule tagged "security" as a security alert
 * and ranks it by its security-severity, which the security rules carry).
 *
 * Each result has its position as a physicalLocation whose artifactLocation
 * is the file relative to %SRCROOT% (egaf_report_path: the --base folder or
 * the current one), a percent-encoded relative URI reference; a file given
 * by an absolute path outside the base is a file:// URI with no base.
 * run.originalUriBaseIds describes %SRCROOT%, with its absolute URI only
 * when --base was given as one: a report never carries the machine's paths
 * the user did not type. Columns are characters (columnKind
 * "unicodeCodePoints"), endColumn is one past the marked text (a mark of
 * unknown width is one character); the region's text is its snippet, and
 * the whole line its contextRegion when that is larger. Related
 * positions ("first defined here") are relatedLocations.
 * partialFingerprints["egaf/v1"] hashes rule, file and element, not the line
 * (egaf_report_fingerprints). Waived findings keep their level and carry a
 * suppression {kind "external", justification: the waiver's reason}.
 * Findings about no file have no location.
 *
 * sarif-multitool validate (tests/e2e/test_ci_formats.sh) reports no error,
 * warning or note on these reports. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/source.h"
#include "report/report.h"
#include "base/rules.h"

static const char *sarif_level(egaf_severity s)
{
    return egaf_report_severity_pick(s, "error", "warning", "note");
}

#define SRCROOT "%SRCROOT%"

/* A file path as a URI reference: unreserved characters and '/' stay, every
 * other byte (spaces, '%', ':', '#', '?', non-ASCII UTF-8) is percent-encoded,
 * so a path never reads as a scheme, a query or a fragment. An absolute path
 * becomes a file:// URI. */
static void uri_string(egaf_buf *out, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    egaf_buf_putc(out, '"');
    if (path[0] == '/')
        egaf_buf_puts(out, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            egaf_buf_putc(out, (char)c);
        } else {
            char enc[3] = {'%', hex[c >> 4], hex[c & 0xf]};
            egaf_buf_add(out, enc, 3);
        }
    }
    egaf_buf_putc(out, '"');
}

/* The bytes of line from character column col (1-based) for span
 * characters (to the end of the line when span is 0). */
static const char *columns(const char *line, unsigned col, unsigned span, size_t *len)
{
    const unsigned char *p = (const unsigned char *)line;
    for (unsigned c = 1; c < col && *p; c++)
        for (p++; (*p & 0xC0) == 0x80; p++)
            ;
    const unsigned char *start = p;
    for (unsigned c = 0; *p && (span == 0 || c < span); c++)
        for (p++; (*p & 0xC0) == 0x80; p++)
            ;
    *len = (size_t)(p - start);
    return (const char *)start;
}

static void snippet(egaf_buf *out, const char *text, size_t len)
{
    egaf_buf b;
    egaf_buf_init(&b);
    egaf_buf_add(&b, text, len);
    egaf_buf_puts(out, ", \"snippet\": {\"text\": ");
    egaf_buf_json_string(out, b.failed || !b.data ? "" : b.data);
    egaf_buf_putc(out, '}');
    if (b.failed)
        out->failed = true;
    egaf_buf_free(&b);
}

/* The region: the marked characters, with their text as the snippet; the
 * whole line is the context region that viewers show around it. */
static void physical_location(egaf_buf *out, const egaf_report_options *opt, const char *file,
                              unsigned line, unsigned col, unsigned span, const char *source_line)
{
    egaf_buf path;
    egaf_buf_init(&path);
    bool relative = egaf_report_path(&path, opt, file);
    egaf_buf_puts(out, "\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
    if (path.failed) {
        out->failed = true;
        uri_string(out, file);
    } else {
        uri_string(out, path.data);
    }
    egaf_buf_free(&path);
    if (relative)
        egaf_buf_puts(out, ", \"uriBaseId\": \"" SRCROOT "\"");
    egaf_buf_putc(out, '}');
    if (line) {
        egaf_buf_printf(out, ", \"region\": {\"startLine\": %u", line);
        /* a mark of one character (or of unknown width) is that character:
         * SARIF reads a region without endColumn as the rest of the line */
        if (span < 1)
            span = 1;
        if (col)
            egaf_buf_printf(out, ", \"startColumn\": %u, \"endColumn\": %u", col, col + span);
        size_t len;
        if (source_line) {
            const char *text = columns(source_line, col ? col : 1, col ? span : 0, &len);
            snippet(out, text, len);
        }
        egaf_buf_putc(out, '}');
        /* a context region must be larger than the region: none when the
         * region is the whole line */
        bool whole_line =
            source_line && col <= 1 &&
            (!col || col + span > egaf_utf8_count(source_line, strlen(source_line)));
        if (source_line && !whole_line) {
            egaf_buf_printf(out, ", \"contextRegion\": {\"startLine\": %u", line);
            snippet(out, source_line, strlen(source_line));
            egaf_buf_putc(out, '}');
        }
    }
    egaf_buf_putc(out, '}');
}

/* "text" with a message object around it */
static void message(egaf_buf *out, const char *name, const char *text)
{
    egaf_buf_printf(out, "\"%s\": {\"text\": ", name);
    egaf_buf_json_string(out, text ? text : "");
    egaf_buf_putc(out, '}');
}

static int compare_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct rule ids of the findings, sorted; NULL when out of memory. */
static const char **distinct_rules(const egaf_diags *diags, size_t *count)
{
    size_t n = egaf_diags_count(diags);
    const char **ids = malloc((n ? n : 1) * sizeof(*ids));
    if (!ids)
        return NULL;
    for (size_t i = 0; i < n; i++)
        ids[i] = egaf_diags_at(diags, i)->rule;
    qsort(ids, n, sizeof(*ids), compare_str);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || strcmp(ids[k - 1], ids[i]) != 0)
            ids[k++] = ids[i];
    *count = k;
    return ids;
}

/* "security.level-missing" -> "SecurityLevelMissing": the friendly name
 * SARIF viewers show; letters after '.', '-' and '_' start a word. */
static void pascal_name(egaf_buf *out, const char *id)
{
    bool upper = true;
    for (; *id; id++) {
        char c = *id;
        if (c == '.' || c == '-' || c == '_') {
            upper = true;
            continue;
        }
        if (upper && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        egaf_buf_putc(out, c);
        upper = false;
    }
}

void egaf_report_rule_uri(egaf_buf *out, const char *id)
{
    egaf_buf_puts(out, EGAF_RULES_DOC_URL "#");
    for (; *id; id++)
        if (*id != '.')
            egaf_buf_putc(out, *id);
}

/* The family of a rule: its id up to the first '.' ("security"). */
static size_t family_len(const char *id)
{
    const char *dot = strchr(id, '.');
    return dot ? (size_t)(dot - id) : strlen(id);
}

/* GitHub ranks security alerts by properties["security-severity"], a score
 * from 0.0 to 10.0 (9.0 and up critical, 7.0 high, 4.0 medium, else low). A
 * system left without a control at a high level is high; one whose level is
 * unknown is medium; any other security rule follows its severity. */
static const char *security_severity(const egaf_rule *r)
{
    if (strcmp(r->id, "security.unprotected") == 0)
        return "7.5";
    if (strcmp(r->id, "security.level-missing") == 0)
        return "5.0";
    return r->severity == EGAF_SEV_ERROR ? "6.0" : r->severity == EGAF_SEV_WARNING ? "4.0" : "2.0";
}

static void markdown_example(egaf_buf *b, const char *label, const char *yaml)
{
    size_t len = strlen(yaml);
    egaf_buf_printf(b, "\n\n%s\n\n```yaml\n%s%s```", label, yaml,
                    len && yaml[len - 1] == '\n' ? "" : "\n");
}

static void rule_help(egaf_buf *out, const egaf_rule *r)
{
    egaf_buf text, md, uri;
    egaf_buf_init(&text);
    egaf_buf_init(&md);
    egaf_buf_init(&uri);
    egaf_report_rule_uri(&uri, r->id);
    egaf_buf_printf(&text, _("%s\n\nHow to fix: %s"), _(r->basis), _(r->fix));
    egaf_buf_printf(&md, _("%s\n\n**Why:** %s\n\n**How to fix:** %s"), _(r->checks),
                    _(r->basis), _(r->fix));
    if (r->wrong)
        markdown_example(&md, _("Wrong:"), r->wrong);
    if (r->right)
        markdown_example(&md, _("Right:"), r->right);
    egaf_buf_printf(&md, _("\n\n[The rule in the documentation](%s)"), uri.data);
    if (text.failed || md.failed || uri.failed) {
        out->failed = true;
    } else {
        egaf_buf_puts(out, "\"help\": {\"text\": ");
        egaf_buf_json_string(out, text.data);
        egaf_buf_puts(out, ", \"markdown\": ");
        egaf_buf_json_string(out, md.data);
        egaf_buf_putc(out, '}');
    }
    egaf_buf_free(&text);
    egaf_buf_free(&md);
    egaf_buf_free(&uri);
}

static void rule_descriptor(egaf_buf *out, const char *id)
{
    const egaf_rule *r = egaf_rule_find(id);
    egaf_buf_puts(out, "{\"id\": ");
    egaf_buf_json_string(out, id);
    egaf_buf_puts(out, ", \"name\": \"");
    pascal_name(out, id);
    egaf_buf_putc(out, '"');
    if (r) {
        const char *sep = ",\n              ";
        egaf_buf_puts(out, sep);
        message(out, "shortDescription", _(r->title));
        egaf_buf_puts(out, sep);
        message(out, "fullDescription", _(r->checks));
        egaf_buf_puts(out, sep);
        egaf_buf_puts(out, "\"helpUri\": \"");
        egaf_report_rule_uri(out, id);
        egaf_buf_putc(out, '"');
        egaf_buf_puts(out, sep);
        rule_help(out, r);
        egaf_buf_puts(out, sep);
        egaf_buf_printf(out, "\"defaultConfiguration\": {\"level\": \"%s\"}",
                        sarif_level(r->severity));
        bool security = strncmp(id, "security.", 9) == 0;
        egaf_buf_puts(out, sep);
        egaf_buf_printf(out, "\"properties\": {\"tags\": [\"%.*s\"]", (int)family_len(id), id);
        if (security)
            egaf_buf_printf(out, ", \"security-severity\": \"%s\"", security_severity(r));
        egaf_buf_putc(out, '}');
    }
    egaf_buf_putc(out, '}');
}

static void result(egaf_buf *out, const egaf_report_options *opt, const egaf_finding *f,
                   size_t rule_index, const char *fingerprint)
{
    egaf_buf_puts(out, "{\"ruleId\": ");
    egaf_buf_json_string(out, f->rule);
    egaf_buf_printf(out, ", \"ruleIndex\": %zu, \"level\": \"%s\",\n          ", rule_index,
                    sarif_level(f->severity));
    if (f->hint) {
        egaf_buf b;
        egaf_buf_init(&b);
        egaf_buf_printf(&b, "%s\nhint: %s", f->message, f->hint);
        message(out, "message", b.failed ? f->message : b.data);
        if (b.failed)
            out->failed = true;
        egaf_buf_free(&b);
    } else {
        message(out, "message", f->message);
    }
    if (f->file) {
        egaf_buf_puts(out, ",\n          \"locations\": [{");
        physical_location(out, opt, f->file, f->line, f->col, f->span, f->source_line);
        egaf_buf_puts(out, "}]");
    }
    if (f->nrelated) {
        egaf_buf_puts(out, ",\n          \"relatedLocations\": [");
        for (size_t r = 0; r < f->nrelated; r++) {
            const egaf_related *rel = &f->related[r];
            egaf_buf_printf(out, "%s{\"id\": %zu, ", r ? ",\n            " : "", r + 1);
            physical_location(out, opt, rel->file, rel->line, rel->col, rel->span,
                              rel->source_line);
            egaf_buf_puts(out, ", ");
            message(out, "message", rel->message);
            egaf_buf_putc(out, '}');
        }
        egaf_buf_putc(out, ']');
    }
    egaf_buf_printf(out, ",\n          \"partialFingerprints\": {\"egaf/v1\": \"%s\"}",
                    fingerprint);
    if (f->waiver) {
        egaf_buf_puts(out, ",\n          \"suppressions\": [{\"kind\": \"external\", "
                           "\"justification\": ");
        egaf_buf_json_string(out, f->waiver);
        egaf_buf_puts(out, "}]");
    }
    if (f->element) {
        egaf_buf_puts(out, ",\n          \"properties\": {\"element\": ");
        egaf_buf_json_string(out, f->element);
        egaf_buf_putc(out, '}');
    }
    egaf_buf_putc(out, '}');
}

/* What %SRCROOT% stands for. Its absolute URI only when the user gave the
 * base as an absolute path; otherwise the consumer supplies it (GitHub: the
 * checkout), and the report stays the same on every machine. */
static void original_uri_base_ids(egaf_buf *out, const egaf_report_options *opt)
{
    egaf_buf_puts(out, "      \"originalUriBaseIds\": {\"" SRCROOT "\": {");
    if (opt && opt->base_absolute && opt->base_dir) {
        egaf_buf_puts(out, "\"uri\": ");
        egaf_buf b;
        egaf_buf_init(&b);
        egaf_buf_puts(&b, opt->base_dir);
        if (!b.len || b.data[b.len - 1] != '/')
            egaf_buf_putc(&b, '/');
        if (b.failed)
            out->failed = true;
        else
            uri_string(out, b.data);
        egaf_buf_free(&b);
        egaf_buf_puts(out, ", ");
    }
    message(out, "description",
            _("The folder the paths are relative to: the repository root (egaf's --base, "
              "else the folder egaf ran in)."));
    egaf_buf_puts(out, "}},\n");
}

void egaf_report_sarif(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt)
{
    size_t n = egaf_diags_count(diags);
    size_t nrules = 0;
    const char **rules = distinct_rules(diags, &nrules);
    egaf_fingerprint *fp = egaf_report_fingerprints(diags);
    if (!rules || (n && !fp)) {
        out->failed = true;
        free(rules);
        free(fp);
        return;
    }
    egaf_buf_puts(out, "{\n"
                       "  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/"
                       "os/schemas/sarif-schema-2.1.0.json\",\n"
                       "  \"version\": \"2.1.0\",\n"
                       "  \"runs\": [\n"
                       "    {\n"
                       "      \"tool\": {\n"
                       "        \"driver\": {\n"
                       "          \"name\": \"egaf\",\n"
                       "          \"version\": ");
    egaf_buf_json_string(out, opt && opt->version ? opt->version : "");
    egaf_buf_puts(out, ",\n          \"semanticVersion\": ");
    egaf_buf_json_string(out, opt && opt->version ? opt->version : "");
    egaf_buf_puts(out, ",\n          \"informationUri\": \"" EGAF_HOME_URL "\"");
    egaf_buf_puts(out, ",\n          \"rules\": [");
    for (size_t r = 0; r < nrules; r++) {
        egaf_buf_puts(out, r ? ",\n            " : "\n            ");
        rule_descriptor(out, rules[r]);
    }
    egaf_buf_puts(out, nrules ? "\n          ]\n" : "]\n");
    egaf_buf_puts(out, "        }\n"
                       "      },\n");
    original_uri_base_ids(out, opt);
    egaf_buf_puts(out, "      \"columnKind\": \"unicodeCodePoints\",\n"
                       "      \"results\": [");
    for (size_t i = 0; i < n; i++) {
        const egaf_finding *f = egaf_diags_at(diags, i);
        const char **at = bsearch(&f->rule, rules, nrules, sizeof(*rules), compare_str);
        egaf_buf_puts(out, i ? ",\n        " : "\n        ");
        result(out, opt, f, (size_t)(at - rules), fp[i].hex);
    }
    egaf_buf_puts(out, n ? "\n      ]\n" : "]\n");
    egaf_buf_puts(out, "    }\n"
                       "  ]\n"
                       "}\n");
    free(rules);
    free(fp);
}
