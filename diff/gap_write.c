/* gap_write.c - a gap analysis as text (terminal), Markdown (a page of the
 * document or a pull-request comment) and JSON (docs/en/gap.md documents
 * the shape). */
#include <string.h>

#include "base/i18n.h"
#include "diff/diff.h"
#include "diff/gap.h"

/* s on one line: line breaks and tabs as spaces, other control characters
 * dropped (model text is not trusted to be printable). */
static void one_line(egaf_buf *out, const char *s)
{
    if (!s)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\n' || *p == '\r' || *p == '\t')
            egaf_buf_putc(out, ' ');
        else if (*p >= 0x20 && *p != 0x7f)
            egaf_buf_putc(out, (char)*p);
    }
}

const char *egaf_gap_action_title(egaf_gap_action a)
{
    switch (a) {
    case EGAF_GAP_BUILD:
        return _("to build");
    case EGAF_GAP_CHANGE:
        return _("to change");
    case EGAF_GAP_RETIRE:
        return _("to retire");
    default:
        return _("to integrate");
    }
}

typedef void (*text_fn)(egaf_buf *out, const char *s);

/* "application kho-du-lieu (Kho dữ liệu) replaces kho-cu" or
 * "integration a → national:b via lgsp". */
static void item_what(egaf_buf *out, const egaf_gap_item *it, text_fn put)
{
    egaf_buf_puts(out, _(egaf_diff_kind_name(it->kind)));
    egaf_buf_putc(out, ' ');
    if (it->kind == EGAF_K_INTEGRATION) {
        if (it->id) {
            put(out, it->id);
            egaf_buf_putc(out, ' ');
        }
        put(out, it->from);
        egaf_buf_puts(out, " → ");
        put(out, it->to);
        if (it->via) {
            egaf_buf_printf(out, " %s ", _("via"));
            put(out, it->via);
        }
    } else {
        put(out, it->id);
        if (it->name) {
            egaf_buf_puts(out, " (");
            put(out, it->name);
            egaf_buf_putc(out, ')');
        }
    }
    if (it->replaces) {
        egaf_buf_printf(out, " %s ", _("replaces"));
        put(out, it->replaces);
    }
}

static void item_tasks(egaf_buf *out, const egaf_gap_item *it, text_fn put)
{
    for (size_t i = 0; i < it->ntasks; i++) {
        if (i)
            egaf_buf_puts(out, ", ");
        put(out, it->tasks[i]);
    }
}

static void summary(egaf_buf *out, const egaf_gap *g)
{
    egaf_buf_printf(out, _("current: %zu elements, target: %zu elements"), g->current_elements,
                    g->target_elements);
    egaf_buf_puts(out, "; ");
    for (int a = 0; a < EGAF_GAP__COUNT; a++)
        egaf_buf_printf(out, "%s%s %zu", a ? ", " : "", egaf_gap_action_title((egaf_gap_action)a),
                        g->counts[a]);
    egaf_buf_puts(out, "; ");
    egaf_buf_printf(out, _("%zu uncovered"), g->uncovered);
}

void egaf_gap_write_text(egaf_buf *out, const egaf_gap *g, const egaf_gap_write_options *opt)
{
    (void)opt;
    egaf_buf_printf(out, "%s ", _("gap of"));
    one_line(out, g->id);
    if (g->name) {
        egaf_buf_puts(out, " (");
        one_line(out, g->name);
        egaf_buf_putc(out, ')');
    }
    egaf_buf_puts(out, ": ");
    one_line(out, g->file);
    egaf_buf_putc(out, '\n');
    summary(out, g);
    egaf_buf_putc(out, '\n');
    for (size_t i = 0; i < g->nitems; i++) {
        const egaf_gap_item *it = &g->items[i];
        if (i == 0 || g->items[i - 1].action != it->action)
            egaf_buf_printf(out, "%s:\n", egaf_gap_action_title(it->action));
        egaf_buf_puts(out, "  ");
        item_what(out, it, one_line);
        if (it->ntasks) {
            egaf_buf_printf(out, " ← %s ", it->ntasks == 1 ? _("task") : _("tasks"));
            item_tasks(out, it, one_line);
        } else {
            egaf_buf_printf(out, " ← %s", _("UNCOVERED: no roadmap task delivers it"));
        }
        egaf_buf_putc(out, '\n');
    }
}

void egaf_gap_write_markdown(egaf_buf *out, const egaf_gap *g,
                             const egaf_gap_write_options *opt)
{
    (void)opt;
    egaf_buf_printf(out, "### %s ", _("Gap analysis:"));
    egaf_buf_markdown_text(out, g->name ? g->name : g->id);
    egaf_buf_puts(out, "\n\n");
    summary(out, g);
    egaf_buf_puts(out, ".\n");
    if (!g->nitems)
        return;
    egaf_buf_printf(out, "\n| %s | %s | %s |\n|---|---|---|\n", _("Action"), _("Element"),
                    _("Roadmap tasks"));
    for (size_t i = 0; i < g->nitems; i++) {
        const egaf_gap_item *it = &g->items[i];
        egaf_buf_printf(out, "| %s | ", egaf_gap_action_title(it->action));
        item_what(out, it, egaf_buf_markdown_text);
        egaf_buf_puts(out, " | ");
        if (it->ntasks)
            item_tasks(out, it, egaf_buf_markdown_text);
        else
            egaf_buf_printf(out, "**%s**", _("uncovered"));
        egaf_buf_puts(out, " |\n");
    }
}


void egaf_gap_write_json(egaf_buf *out, const egaf_gap *g, const egaf_gap_write_options *opt)
{
    egaf_buf_puts(out, "{\"tool\": \"egaf\", \"version\": ");
    egaf_buf_json_string_or_null(out, opt && opt->version ? opt->version : "");
    egaf_buf_puts(out, ",\n \"architecture\": ");
    egaf_buf_json_string_or_null(out, g->id);
    egaf_buf_puts(out, ", \"name\": ");
    egaf_buf_json_string_or_null(out, g->name);
    egaf_buf_puts(out, ", \"file\": ");
    egaf_buf_json_string_or_null(out, g->file);
    egaf_buf_printf(out, ",\n \"current\": {\"elements\": %zu}, \"target\": {\"elements\": %zu},",
                    g->current_elements, g->target_elements);
    egaf_buf_puts(out, "\n \"counts\": {");
    for (int a = 0; a < EGAF_GAP__COUNT; a++)
        egaf_buf_printf(out, "\"%s\": %zu, ", egaf_gap_action_name((egaf_gap_action)a),
                        g->counts[a]);
    egaf_buf_printf(out, "\"uncovered\": %zu},\n \"items\": [", g->uncovered);
    for (size_t i = 0; i < g->nitems; i++) {
        const egaf_gap_item *it = &g->items[i];
        egaf_buf_printf(out, "%s\n  {\"action\": \"%s\", \"kind\": \"%s\", \"id\": ",
                        i ? "," : "", egaf_gap_action_name(it->action),
                        egaf_diff_kind_name(it->kind));
        egaf_buf_json_string_or_null(out, it->id);
        egaf_buf_puts(out, ", \"name\": ");
        egaf_buf_json_string_or_null(out, it->name);
        egaf_buf_puts(out, ", \"replaces\": ");
        egaf_buf_json_string_or_null(out, it->replaces);
        egaf_buf_puts(out, ", \"from\": ");
        egaf_buf_json_string_or_null(out, it->from);
        egaf_buf_puts(out, ", \"to\": ");
        egaf_buf_json_string_or_null(out, it->to);
        egaf_buf_puts(out, ", \"via\": ");
        egaf_buf_json_string_or_null(out, it->via);
        egaf_buf_puts(out, ", \"tasks\": [");
        for (size_t t = 0; t < it->ntasks; t++) {
            if (t)
                egaf_buf_puts(out, ", ");
            egaf_buf_json_string_or_null(out, it->tasks[t]);
        }
        egaf_buf_printf(out, "], \"covered\": %s}", it->ntasks ? "true" : "false");
    }
    egaf_buf_puts(out, g->nitems ? "\n ]}\n" : "]}\n");
}
