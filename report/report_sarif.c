/* report_sarif.c - SARIF 2.1.0 (OASIS), the format code scanning reads.
 *
 * One run. tool.driver lists the catalogue entry of every rule that appears
 * in the findings (sorted by id; results point at them with ruleIndex).
 * Each result has its position as a physicalLocation whose artifactLocation
 * is the file path as given, written as a relative URI reference; columns
 * are characters (columnKind "unicodeCodePoints"), endColumn is one past the
 * marked text. Related positions ("first defined here") are
 * relatedLocations. partialFingerprints["egaf/v1"] hashes rule, file and
 * element, not the line (egaf_report_fingerprints). Waived findings keep
 * their level and carry a suppression {kind "external", justification: the
 * waiver's reason}. Findings about no file have no location. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "report/report.h"
#include "base/rules.h"

static const char *sarif_level(egaf_severity s)
{
    switch (s) {
    case EGAF_SEV_ERROR:
        return "error";
    case EGAF_SEV_WARNING:
        return "warning";
    default:
        return "note";
    }
}

/* A file path as a URI reference: unreserved characters and '/' stay, every
 * other byte (spaces, '%', ':', '#', '?', non-ASCII UTF-8) is percent-encoded,
 * so a path never reads as a scheme, a query or a fragment. */
static void uri_string(egaf_buf *out, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    egaf_buf_putc(out, '"');
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

static void physical_location(egaf_buf *out, const char *file, unsigned line, unsigned col,
                              unsigned span)
{
    egaf_buf_puts(out, "\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
    uri_string(out, file);
    egaf_buf_putc(out, '}');
    if (line) {
        egaf_buf_printf(out, ", \"region\": {\"startLine\": %u", line);
        if (col) {
            egaf_buf_printf(out, ", \"startColumn\": %u", col);
            if (span > 1)
                egaf_buf_printf(out, ", \"endColumn\": %u", col + span);
        }
        egaf_buf_putc(out, '}');
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

static void rule_descriptor(egaf_buf *out, const char *id)
{
    const egaf_rule *r = egaf_rule_find(id);
    egaf_buf_puts(out, "{\"id\": ");
    egaf_buf_json_string(out, id);
    if (r) {
        egaf_buf_puts(out, ",\n              ");
        message(out, "shortDescription", _(r->title));
        egaf_buf_puts(out, ",\n              ");
        message(out, "fullDescription", _(r->checks));
        egaf_buf b;
        egaf_buf_init(&b);
        egaf_buf_printf(&b, _("%s\n\nHow to fix: %s"), _(r->basis), _(r->fix));
        egaf_buf_puts(out, ",\n              ");
        message(out, "help", b.data);
        if (b.failed)
            out->failed = true;
        egaf_buf_free(&b);
        egaf_buf_printf(out, ",\n              \"defaultConfiguration\": {\"level\": \"%s\"}",
                        sarif_level(r->severity));
    }
    egaf_buf_putc(out, '}');
}

static void result(egaf_buf *out, const egaf_finding *f, size_t rule_index,
                   const char *fingerprint)
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
        physical_location(out, f->file, f->line, f->col, f->span);
        egaf_buf_puts(out, "}]");
    }
    if (f->nrelated) {
        egaf_buf_puts(out, ",\n          \"relatedLocations\": [");
        for (size_t r = 0; r < f->nrelated; r++) {
            const egaf_related *rel = &f->related[r];
            egaf_buf_printf(out, "%s{\"id\": %zu, ", r ? ",\n            " : "", r + 1);
            physical_location(out, rel->file, rel->line, rel->col, rel->span);
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
    egaf_buf_puts(out, ",\n          \"rules\": [");
    for (size_t r = 0; r < nrules; r++) {
        egaf_buf_puts(out, r ? ",\n            " : "\n            ");
        rule_descriptor(out, rules[r]);
    }
    egaf_buf_puts(out, nrules ? "\n          ]\n" : "]\n");
    egaf_buf_puts(out, "        }\n"
                       "      },\n"
                       "      \"columnKind\": \"unicodeCodePoints\",\n"
                       "      \"results\": [");
    for (size_t i = 0; i < n; i++) {
        const egaf_finding *f = egaf_diags_at(diags, i);
        const char **at = bsearch(&f->rule, rules, nrules, sizeof(*rules), compare_str);
        egaf_buf_puts(out, i ? ",\n        " : "\n        ");
        result(out, f, (size_t)(at - rules), fp[i].hex);
    }
    egaf_buf_puts(out, n ? "\n      ]\n" : "]\n");
    egaf_buf_puts(out, "    }\n"
                       "  ]\n"
                       "}\n");
    free(rules);
    free(fp);
}
