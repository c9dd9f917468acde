/* diff_write.c - a diff as text (terminal), Markdown (a pull-request
 * comment) and JSON (docs/diff.md documents the shape). */
#include <string.h>

#include "base/i18n.h"
#include "diff/diff.h"

/* ------------------------------------------------------------------ shared */

void egaf_buf_markdown_text(egaf_buf *out, const char *s)
{
    if (!s)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '<': case '>': case '&': /* quotes are plain text in Markdown */
            egaf_buf_puts(out, egaf_xml_entity(*p));
            break;
        case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#':
        case '~': case '!': case '$':
            egaf_buf_putc(out, '\\');
            egaf_buf_putc(out, (char)*p);
            break;
        case '\n': case '\r': case '\t':
            egaf_buf_putc(out, ' ');
            break;
        default:
            if (*p >= 0x20 && *p != 0x7f)
                egaf_buf_putc(out, (char)*p);
        }
    }
}

void egaf_diff_write_optional(egaf_buf *out, const char *before, const char *s, const char *after,
                              egaf_text_writer put)
{
    if (!s)
        return;
    egaf_buf_puts(out, before);
    put(out, s);
    egaf_buf_puts(out, after);
}

void egaf_diff_write_route(egaf_buf *out, const char *from, const char *to, const char *via,
                           egaf_text_writer put)
{
    put(out, from);
    egaf_buf_puts(out, " → ");
    put(out, to);
    if (via) {
        egaf_buf_printf(out, " %s ", _("via"));
        put(out, via);
    }
}

void egaf_diff_write_element_json(egaf_buf *out, egaf_kind kind, const char *id,
                                  const char *name)
{
    egaf_buf_printf(out, "\"kind\": \"%s\"", egaf_diff_kind_name(kind));
    egaf_buf_json_member(out, ", \"id\": ", id);
    egaf_buf_json_member(out, ", \"name\": ", name);
}

void egaf_diff_write_route_json(egaf_buf *out, const char *from, const char *to, const char *via)
{
    egaf_buf_json_member(out, ", \"from\": ", from);
    egaf_buf_json_member(out, ", \"to\": ", to);
    egaf_buf_json_member(out, ", \"via\": ", via);
}

/* The status of an architecture in the text report, in the reader's
 * language (the JSON keeps egaf_diff_status_name). */
static const char *text_status(egaf_diff_status s)
{
    return _(egaf_diff_status_name(s));
}

static bool arch_has_details(const egaf_diff_arch *a)
{
    return a->nheader || a->nelements || a->nrelations || a->nfindings;
}

/* Writes item i of one of an architecture's lists (in every format). */
typedef void item_writer(egaf_buf *out, const egaf_diff_arch *a, size_t i);

/* ------------------------------------------------------------------ text */

static void text_field(egaf_buf *out, const egaf_diff_field *f, const char *indent)
{
    egaf_buf_printf(out, "%s%s:", indent, f->field);
    if (!f->list) {
        egaf_buf_putc(out, ' ');
        egaf_buf_one_line(out, f->old_value ? f->old_value : _("(none)"));
        egaf_buf_puts(out, " → ");
        egaf_buf_one_line(out, f->new_value ? f->new_value : _("(none)"));
        egaf_buf_putc(out, '\n');
        return;
    }
    egaf_buf_putc(out, '\n');
    for (size_t i = 0; i < f->nadded; i++) {
        egaf_buf_printf(out, "%s  + ", indent);
        egaf_buf_one_line(out, f->added[i]);
        egaf_buf_putc(out, '\n');
    }
    for (size_t i = 0; i < f->nremoved; i++) {
        egaf_buf_printf(out, "%s  - ", indent);
        egaf_buf_one_line(out, f->removed[i]);
        egaf_buf_putc(out, '\n');
    }
}

/* A header field as one item of the header's section. */
static void text_header_item(egaf_buf *out, const egaf_diff_arch *a, size_t i)
{
    text_field(out, &a->header[i], "    ");
}

static char sign(egaf_diff_status s)
{
    return s == EGAF_DIFF_ADDED ? '+' : s == EGAF_DIFF_REMOVED ? '-' : '~';
}

static void text_relation(egaf_buf *out, const egaf_diff_relation *r)
{
    egaf_buf_printf(out, "%s ", r->type);
    egaf_diff_write_route(out, r->from, r->to, r->via, egaf_buf_one_line);
}

static void text_names(egaf_buf *out, const char *what, const char *const *ids, size_t n)
{
    if (!n)
        return;
    egaf_buf_printf(out, "; %s ", what);
    for (size_t i = 0; i < n; i++) {
        if (i)
            egaf_buf_puts(out, ", ");
        egaf_buf_one_line(out, ids[i]);
    }
}

/* " (FILE), N elements, N relations": an architecture added or removed whole. */
static void file_and_size(egaf_buf *out, const char *file, size_t elements, size_t relations)
{
    egaf_buf_puts(out, " (");
    egaf_buf_one_line(out, file);
    egaf_buf_puts(out, "), ");
    egaf_buf_printf(out, P_("%zu element", "%zu elements", elements), elements);
    egaf_buf_puts(out, ", ");
    egaf_buf_printf(out, P_("%zu relation", "%zu relations", relations), relations);
}

static void text_element(egaf_buf *out, const egaf_diff_arch *a, size_t i)
{
    const egaf_diff_element *e = &a->elements[i];
    egaf_buf_printf(out, "    %c %s ", sign(e->status), egaf_diff_kind_name(e->kind));
    egaf_buf_one_line(out, e->id);
    egaf_diff_write_optional(out, ": ", e->name, "", egaf_buf_one_line);
    egaf_diff_write_optional(out, _(" (possibly renamed from "), e->renamed_from, ")",
                             egaf_buf_one_line);
    egaf_buf_putc(out, '\n');
    for (size_t f = 0; f < e->nfields; f++)
        text_field(out, &e->fields[f], "        ");
}

static void text_relation_item(egaf_buf *out, const egaf_diff_arch *a, size_t i)
{
    const egaf_diff_relation *r = &a->relations[i];
    egaf_buf_printf(out, "    %c ", sign(r->status));
    text_relation(out, r);
    egaf_buf_putc(out, '\n');
    for (size_t f = 0; f < r->nfields; f++)
        text_field(out, &r->fields[f], "        ");
}

static void text_finding(egaf_buf *out, const egaf_diff_arch *a, size_t i)
{
    const egaf_diff_finding *f = &a->findings[i];
    bool intro = f->status == EGAF_DIFF_ADDED;
    egaf_buf_printf(out, "    %c %s %s ", intro ? '+' : '-', intro ? _("introduced") : _("fixed"),
                    _(f->severity));
    if (f->file) {
        egaf_buf_one_line(out, f->file);
        egaf_buf_printf(out, ":%u:%u: ", f->line, f->col);
    }
    egaf_buf_one_line(out, f->message);
    egaf_buf_puts(out, " [");
    egaf_buf_one_line(out, f->rule);
    egaf_buf_puts(out, "]\n");
}

static void text_items(egaf_buf *out, const egaf_diff_arch *a, size_t n, item_writer *item)
{
    for (size_t i = 0; i < n; i++)
        item(out, a, i);
}

static void text_arch(egaf_buf *out, const egaf_diff_arch *a)
{
    const egaf_diff_counts *k = &a->counts;
    egaf_buf_puts(out, _("architecture "));
    egaf_buf_one_line(out, a->id);
    egaf_buf_printf(out, ": %s", text_status(a->status));
    if (a->status == EGAF_DIFF_ADDED) {
        file_and_size(out, a->new_file, k->elements_added, k->relations_added);
        egaf_buf_puts(out, ", ");
        egaf_buf_printf(out, P_("%zu finding", "%zu findings", k->findings_introduced),
                        k->findings_introduced);
    } else if (a->status == EGAF_DIFF_REMOVED) {
        file_and_size(out, a->old_file, k->elements_removed, k->relations_removed);
    }
    text_names(out, _("merged into"), a->merged_into, a->nmerged_into);
    text_names(out, _("merged from"), a->merged_from, a->nmerged_from);
    egaf_buf_putc(out, '\n');
    if (a->nheader)
        egaf_buf_puts(out, _("  header:\n"));
    text_items(out, a, a->nheader, text_header_item);
    if (a->nelements)
        egaf_buf_printf(out, _("  elements: %zu added, %zu removed, %zu changed\n"),
                        k->elements_added, k->elements_removed, k->elements_changed);
    text_items(out, a, a->nelements, text_element);
    if (a->nrelations)
        egaf_buf_printf(out, _("  relations: %zu added, %zu removed, %zu changed\n"),
                        k->relations_added, k->relations_removed, k->relations_changed);
    text_items(out, a, a->nrelations, text_relation_item);
    if (a->nfindings)
        egaf_buf_printf(out, _("  findings: %zu introduced, %zu fixed\n"), k->findings_introduced,
                        k->findings_fixed);
    text_items(out, a, a->nfindings, text_finding);
}

void egaf_diff_write_text(egaf_buf *out, const egaf_diff *d, const egaf_diff_write_options *opt)
{
    (void)opt;
    const egaf_diff_counts *t = &d->total;
    egaf_buf_puts(out, "egaf diff ");
    egaf_diff_write_route(out, d->old_label, d->new_label, NULL, egaf_buf_one_line);
    egaf_buf_printf(out,
                    _("\narchitectures: %zu added, %zu removed, %zu changed, %zu unchanged\n"
                      "elements: %zu added, %zu removed, %zu changed; relations: %zu added, "
                      "%zu removed, %zu changed; findings: %zu introduced, %zu fixed\n"),
                    d->archs_added, d->archs_removed, d->archs_changed, d->archs_unchanged,
                    t->elements_added, t->elements_removed, t->elements_changed,
                    t->relations_added, t->relations_removed, t->relations_changed,
                    t->findings_introduced, t->findings_fixed);
    for (size_t i = 0; i < d->narchs; i++) {
        egaf_buf_putc(out, '\n');
        text_arch(out, &d->archs[i]);
    }
}

/* ------------------------------------------------------------------ Markdown */

static void md_list(egaf_buf *out, const char *const *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            egaf_buf_puts(out, ", ");
        egaf_buf_markdown_text(out, items[i]);
    }
}

static void md_field(egaf_buf *out, const egaf_diff_field *f, const char *indent)
{
    egaf_buf_printf(out, "%s- `%s`: ", indent, f->field);
    if (!f->list) {
        if (f->old_value)
            egaf_buf_markdown_text(out, f->old_value);
        else
            egaf_buf_printf(out, "*%s*", _("(none)"));
        egaf_buf_puts(out, " → ");
        if (f->new_value)
            egaf_buf_markdown_text(out, f->new_value);
        else
            egaf_buf_printf(out, "*%s*", _("(none)"));
    } else {
        if (f->nadded) {
            egaf_buf_printf(out, "%s ", _("added"));
            md_list(out, f->added, f->nadded);
        }
        if (f->nremoved) {
            egaf_buf_printf(out, "%s%s ", f->nadded ? "; " : "", _("removed"));
            md_list(out, f->removed, f->nremoved);
        }
    }
    egaf_buf_putc(out, '\n');
}

/* A header field as one item of the header's section. */
static void md_header_item(egaf_buf *out, const egaf_diff_arch *a, size_t i)
{
    md_field(out, &a->header[i], "");
}

static const char *md_sign(egaf_diff_status s)
{
    return s == EGAF_DIFF_ADDED ? "➕" : s == EGAF_DIFF_REMOVED ? "➖" : "✏️";
}

/* Whether item i of a section is listed; prints the "more" line once. */
static bool md_room(egaf_buf *out, size_t *listed, size_t max, size_t total)
{
    if (!max || *listed < max) {
        (*listed)++;
        return true;
    }
    if (*listed == max) {
        egaf_buf_printf(out, _("- … and %zu more (`egaf diff --format json` lists them all)\n"),
                        total - max);
        (*listed)++;
    }
    return false;
}

static void md_counts3(egaf_buf *out, size_t a, size_t r, size_t c)
{
    egaf_buf_printf(out, " %zu / %zu / %zu |", a, r, c);
}

static void md_arch_status(egaf_buf *out, const egaf_diff_arch *a)
{
    egaf_buf_puts(out, text_status(a->status));
    if (a->nmerged_into) {
        egaf_buf_printf(out, ", %s ", _("merged into"));
        md_list(out, a->merged_into, a->nmerged_into);
    }
    if (a->nmerged_from) {
        egaf_buf_printf(out, ", %s ", _("merged from"));
        md_list(out, a->merged_from, a->nmerged_from);
    }
}

static void md_element(egaf_buf *out, const egaf_diff_arch *a, size_t i)
{
    const egaf_diff_element *e = &a->elements[i];
    egaf_buf_printf(out, "- %s %s **", md_sign(e->status), egaf_diff_kind_name(e->kind));
    egaf_buf_markdown_text(out, e->id);
    egaf_buf_puts(out, "**");
    egaf_diff_write_optional(out, " — ", e->name, "", egaf_buf_markdown_text);
    if (e->renamed_from) {
        egaf_buf_printf(out, " *(%s ", _("possibly renamed from"));
        egaf_buf_markdown_text(out, e->renamed_from);
        egaf_buf_puts(out, ")*");
    }
    egaf_buf_putc(out, '\n');
    for (size_t f = 0; f < e->nfields; f++)
        md_field(out, &e->fields[f], "  ");
}

static void md_relation(egaf_buf *out, const egaf_diff_arch *a, size_t i)
{
    const egaf_diff_relation *r = &a->relations[i];
    egaf_buf_printf(out, "- %s %s ", md_sign(r->status), r->type);
    egaf_diff_write_route(out, r->from, r->to, r->via, egaf_buf_markdown_text);
    egaf_buf_putc(out, '\n');
    for (size_t f = 0; f < r->nfields; f++)
        md_field(out, &r->fields[f], "  ");
}

static void md_finding(egaf_buf *out, const egaf_diff_arch *a, size_t i)
{
    const egaf_diff_finding *f = &a->findings[i];
    egaf_buf_printf(out, "- %s %s %s `%s`: ", f->status == EGAF_DIFF_ADDED ? "🆕" : "✅",
                    f->status == EGAF_DIFF_ADDED ? _("introduced") : _("fixed"),
                    _(f->severity), f->rule);
    egaf_buf_markdown_text(out, f->message);
    if (f->file) {
        egaf_buf_puts(out, " (");
        egaf_buf_markdown_text(out, f->file);
        egaf_buf_printf(out, ":%u)", f->line);
    }
    egaf_buf_putc(out, '\n');
}

/* A titled section of n items, at most max of them (0: all) listed. */
static void md_section(egaf_buf *out, const char *title, const egaf_diff_arch *a, size_t n,
                       size_t max, item_writer *item)
{
    if (!n)
        return;
    egaf_buf_printf(out, "**%s**\n\n", title);
    size_t listed = 0;
    for (size_t i = 0; i < n && md_room(out, &listed, max, n); i++)
        item(out, a, i);
    egaf_buf_putc(out, '\n');
}

static void md_details(egaf_buf *out, const egaf_diff_arch *a, size_t max)
{
    const egaf_diff_counts *k = &a->counts;
    egaf_buf_puts(out, "<details>\n<summary><b>");
    egaf_buf_markdown_text(out, a->id);
    egaf_buf_puts(out, "</b>: ");
    md_arch_status(out, a);
    egaf_buf_printf(out,
                    _(" (elements %zu added, %zu removed, %zu changed; relations %zu added, "
                      "%zu removed, %zu changed; findings %zu introduced, %zu fixed)</summary>\n\n"),
                    k->elements_added, k->elements_removed, k->elements_changed,
                    k->relations_added, k->relations_removed, k->relations_changed,
                    k->findings_introduced, k->findings_fixed);
    md_section(out, _("Header"), a, a->nheader, 0, md_header_item);
    md_section(out, _("Elements"), a, a->nelements, max, md_element);
    md_section(out, _("Relations"), a, a->nrelations, max, md_relation);
    md_section(out, _("Findings"), a, a->nfindings, max, md_finding);
    egaf_buf_puts(out, "</details>\n\n");
}

void egaf_diff_write_markdown(egaf_buf *out, const egaf_diff *d,
                              const egaf_diff_write_options *opt)
{
    size_t max = opt ? opt->max_items : 0;
    const egaf_diff_counts *t = &d->total;
    egaf_buf_puts(out, "### egaf diff: ");
    egaf_diff_write_route(out, d->old_label, d->new_label, NULL, egaf_buf_markdown_text);
    egaf_buf_printf(out,
                    P_("\n\n**%zu architecture**: %zu added, %zu removed, %zu changed, %zu "
                       "unchanged. Elements: %zu added, %zu removed, %zu changed. Relations: "
                       "%zu added, %zu removed, %zu changed. Findings: %zu introduced, %zu "
                       "fixed.\n\n",
                       "\n\n**%zu architectures**: %zu added, %zu removed, %zu changed, %zu "
                       "unchanged. Elements: %zu added, %zu removed, %zu changed. Relations: "
                       "%zu added, %zu removed, %zu changed. Findings: %zu introduced, %zu "
                       "fixed.\n\n",
                       d->narchs),
                    d->narchs,
                    d->archs_added, d->archs_removed, d->archs_changed, d->archs_unchanged,
                    t->elements_added, t->elements_removed, t->elements_changed,
                    t->relations_added, t->relations_removed, t->relations_changed,
                    t->findings_introduced, t->findings_fixed);
    if (!d->narchs)
        return;
    egaf_buf_puts(out, _("| Architecture | Status | Elements +/−/~ | Relations +/−/~ | "
                         "Findings new/fixed |\n"));
    egaf_buf_puts(out, "|---|---|---:|---:|---:|\n");
    for (size_t i = 0; i < d->narchs; i++) {
        const egaf_diff_arch *a = &d->archs[i];
        const egaf_diff_counts *k = &a->counts;
        egaf_buf_puts(out, "| ");
        egaf_buf_markdown_text(out, a->id);
        egaf_buf_puts(out, " | ");
        md_arch_status(out, a);
        egaf_buf_puts(out, " |");
        md_counts3(out, k->elements_added, k->elements_removed, k->elements_changed);
        md_counts3(out, k->relations_added, k->relations_removed, k->relations_changed);
        egaf_buf_printf(out, " %zu / %zu |\n", k->findings_introduced, k->findings_fixed);
    }
    egaf_buf_putc(out, '\n');
    for (size_t i = 0; i < d->narchs; i++)
        if (arch_has_details(&d->archs[i]))
            md_details(out, &d->archs[i], max);
}

/* ------------------------------------------------------------------ JSON */

/* text written as is (the comma and key before), then the fields as an
 * array. */
static void json_fields(egaf_buf *out, const char *text, const egaf_diff_field *f, size_t n)
{
    egaf_buf_puts(out, text);
    egaf_buf_putc(out, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            egaf_buf_puts(out, ", ");
        egaf_buf_json_member(out, "{\"field\": ", f[i].field);
        if (f[i].list) {
            egaf_buf_puts(out, ", \"added\": ");
            egaf_buf_json_strings(out, f[i].added, f[i].nadded);
            egaf_buf_puts(out, ", \"removed\": ");
            egaf_buf_json_strings(out, f[i].removed, f[i].nremoved);
        } else {
            egaf_buf_json_member(out, ", \"old\": ", f[i].old_value);
            egaf_buf_json_member(out, ", \"new\": ", f[i].new_value);
        }
        egaf_buf_putc(out, '}');
    }
    egaf_buf_putc(out, ']');
}

static void json_counts(egaf_buf *out, const egaf_diff_counts *k)
{
    egaf_buf_printf(out,
                    "{\"elements\": {\"added\": %zu, \"removed\": %zu, \"changed\": %zu}, "
                    "\"relations\": {\"added\": %zu, \"removed\": %zu, \"changed\": %zu}, "
                    "\"header_changes\": %zu, "
                    "\"findings\": {\"introduced\": %zu, \"fixed\": %zu}}",
                    k->elements_added, k->elements_removed, k->elements_changed,
                    k->relations_added, k->relations_removed, k->relations_changed,
                    k->header_changed, k->findings_introduced, k->findings_fixed);
}

static void json_element(egaf_buf *out, const egaf_diff_arch *a, size_t i)
{
    const egaf_diff_element *e = &a->elements[i];
    egaf_buf_printf(out, "\"status\": \"%s\", ", egaf_diff_status_name(e->status));
    egaf_diff_write_element_json(out, e->kind, e->id, e->name);
    egaf_buf_json_member(out, ", \"renamed_from\": ", e->renamed_from);
    json_fields(out, ", \"fields\": ", e->fields, e->nfields);
}

static void json_relation(egaf_buf *out, const egaf_diff_arch *a, size_t i)
{
    const egaf_diff_relation *r = &a->relations[i];
    egaf_buf_printf(out, "\"status\": \"%s\"", egaf_diff_status_name(r->status));
    egaf_buf_json_member(out, ", \"type\": ", r->type);
    egaf_diff_write_route_json(out, r->from, r->to, r->via);
    egaf_buf_json_member(out, ", \"id\": ", r->id);
    json_fields(out, ", \"fields\": ", r->fields, r->nfields);
}

static void json_finding(egaf_buf *out, const egaf_diff_arch *a, size_t i)
{
    const egaf_diff_finding *f = &a->findings[i];
    egaf_buf_printf(out, "\"status\": \"%s\", \"rule\": ",
                    f->status == EGAF_DIFF_ADDED ? "introduced" : "fixed");
    egaf_buf_json_string_or_null(out, f->rule);
    egaf_buf_json_member(out, ", \"severity\": ", f->severity);
    egaf_buf_json_member(out, ", \"element\": ", f->element);
    egaf_buf_json_member(out, ", \"message\": ", f->message);
    egaf_buf_json_member(out, ", \"file\": ", f->file);
    egaf_buf_printf(out, ", \"line\": %u, \"column\": %u", f->line, f->col);
}

/* The member key: an array of the n items, an object a line. */
static void json_items(egaf_buf *out, const char *key, const egaf_diff_arch *a, size_t n,
                       item_writer *item)
{
    egaf_buf_printf(out, ",\n     \"%s\": [", key);
    for (size_t i = 0; i < n; i++) {
        egaf_buf_puts(out, i ? ",\n      {" : "\n      {");
        item(out, a, i);
        egaf_buf_putc(out, '}');
    }
    egaf_buf_puts(out, n ? "\n     ]" : "]");
}

static void json_arch(egaf_buf *out, const egaf_diff_arch *a)
{
    egaf_buf_json_member(out, "    {\"id\": ", a->id);
    egaf_buf_printf(out, ", \"status\": \"%s\", \"name\": ", egaf_diff_status_name(a->status));
    egaf_buf_json_string_or_null(out, a->name);
    egaf_buf_json_member(out, ",\n     \"old_file\": ", a->old_file);
    egaf_buf_json_member(out, ", \"new_file\": ", a->new_file);
    egaf_buf_puts(out, ",\n     \"merged_into\": ");
    egaf_buf_json_strings(out, a->merged_into, a->nmerged_into);
    egaf_buf_puts(out, ", \"merged_from\": ");
    egaf_buf_json_strings(out, a->merged_from, a->nmerged_from);
    egaf_buf_puts(out, ",\n     \"counts\": ");
    json_counts(out, &a->counts);
    json_fields(out, ",\n     \"header\": ", a->header, a->nheader);
    json_items(out, "elements", a, a->nelements, json_element);
    json_items(out, "relations", a, a->nrelations, json_relation);
    json_items(out, "findings", a, a->nfindings, json_finding);
    egaf_buf_putc(out, '}');
}

void egaf_diff_write_json(egaf_buf *out, const egaf_diff *d, const egaf_diff_write_options *opt)
{
    egaf_buf_json_member(out, "{\"tool\": \"egaf\", \"version\": ",
                         opt && opt->version ? opt->version : "");
    egaf_buf_json_member(out, ",\n \"old\": ", d->old_label);
    egaf_buf_json_member(out, ", \"new\": ", d->new_label);
    egaf_buf_printf(out,
                    ",\n \"summary\": {\"architectures\": {\"added\": %zu, \"removed\": %zu, "
                    "\"changed\": %zu, \"unchanged\": %zu},\n  \"counts\": ",
                    d->archs_added, d->archs_removed, d->archs_changed, d->archs_unchanged);
    json_counts(out, &d->total);
    egaf_buf_puts(out, "},\n \"architectures\": [");
    for (size_t i = 0; i < d->narchs; i++) {
        egaf_buf_puts(out, i ? ",\n" : "\n");
        json_arch(out, &d->archs[i]);
    }
    egaf_buf_puts(out, d->narchs ? "\n ]}\n" : "]}\n");
}
