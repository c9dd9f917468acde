/* gap_write.c - a gap analysis as text (terminal), Markdown (a page of the
 * document or a pull-request comment) and JSON (docs/en/gap.md documents
 * the shape). */
#include <string.h>

#include "base/i18n.h"
#include "diff/diff.h"
#include "diff/gap.h"

const char *egaf_gap_action_title(egaf_gap_action a)
{
    static const char *const titles[EGAF_GAP__COUNT] = {
        [EGAF_GAP_BUILD] = N_("to build"),
        [EGAF_GAP_CHANGE] = N_("to change"),
        [EGAF_GAP_RETIRE] = N_("to retire"),
        [EGAF_GAP_INTEGRATE] = N_("to integrate"),
    };
    return _(titles[(unsigned)a < EGAF_GAP__COUNT ? a : EGAF_GAP_INTEGRATE]);
}

/* "application kho-du-lieu (Kho dữ liệu) replaces kho-cu" or
 * "integration a → national:b via lgsp". */
static void item_what(egaf_buf *out, const egaf_gap_item *it, egaf_text_writer put)
{
    egaf_buf_puts(out, _(egaf_diff_kind_name(it->kind)));
    egaf_buf_putc(out, ' ');
    if (it->kind == EGAF_K_INTEGRATION) {
        egaf_diff_write_optional(out, "", it->id, " ", put);
        egaf_diff_write_route(out, it->from, it->to, it->via, put);
    } else {
        put(out, it->id);
        egaf_diff_write_optional(out, " (", it->name, ")", put);
    }
    if (it->replaces) {
        egaf_buf_printf(out, " %s ", _("replaces"));
        put(out, it->replaces);
    }
}

static void item_tasks(egaf_buf *out, const egaf_gap_item *it, egaf_text_writer put)
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
    egaf_buf_one_line(out, g->id);
    egaf_diff_write_optional(out, " (", g->name, ")", egaf_buf_one_line);
    egaf_buf_puts(out, ": ");
    egaf_buf_one_line(out, g->file);
    egaf_buf_putc(out, '\n');
    summary(out, g);
    egaf_buf_putc(out, '\n');
    for (size_t i = 0; i < g->nitems; i++) {
        const egaf_gap_item *it = &g->items[i];
        if (i == 0 || g->items[i - 1].action != it->action)
            egaf_buf_printf(out, "%s:\n", egaf_gap_action_title(it->action));
        egaf_buf_puts(out, "  ");
        item_what(out, it, egaf_buf_one_line);
        if (it->ntasks) {
            egaf_buf_printf(out, " ← %s ", it->ntasks == 1 ? _("task") : _("tasks"));
            item_tasks(out, it, egaf_buf_one_line);
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
    egaf_buf_json_member(out, "{\"tool\": \"egaf\", \"version\": ",
                         opt && opt->version ? opt->version : "");
    egaf_buf_json_member(out, ",\n \"architecture\": ", g->id);
    egaf_buf_json_member(out, ", \"name\": ", g->name);
    egaf_buf_json_member(out, ", \"file\": ", g->file);
    egaf_buf_printf(out, ",\n \"current\": {\"elements\": %zu}, \"target\": {\"elements\": %zu},",
                    g->current_elements, g->target_elements);
    egaf_buf_puts(out, "\n \"counts\": {");
    for (int a = 0; a < EGAF_GAP__COUNT; a++)
        egaf_buf_printf(out, "\"%s\": %zu, ", egaf_gap_action_name((egaf_gap_action)a),
                        g->counts[a]);
    egaf_buf_printf(out, "\"uncovered\": %zu},\n \"items\": [", g->uncovered);
    for (size_t i = 0; i < g->nitems; i++) {
        const egaf_gap_item *it = &g->items[i];
        egaf_buf_printf(out, "%s\n  {\"action\": \"%s\", ", i ? "," : "",
                        egaf_gap_action_name(it->action));
        egaf_diff_write_element_json(out, it->kind, it->id, it->name);
        egaf_buf_json_member(out, ", \"replaces\": ", it->replaces);
        egaf_diff_write_route_json(out, it->from, it->to, it->via);
        egaf_buf_puts(out, ", \"tasks\": ");
        egaf_buf_json_strings(out, it->tasks, it->ntasks);
        egaf_buf_printf(out, ", \"covered\": %s}", it->ntasks ? "true" : "false");
    }
    egaf_buf_puts(out, g->nitems ? "\n ]}\n" : "]}\n");
}
