/* national_views.c - the diagrams of the national architecture, built with
 * the views' builder (graph.h) so they share its styles, ranks, legend and
 * deterministic ids:
 *
 *   overview   every architecture as one box, in one cluster per level of
 *              the reference data (ministries, government agencies,
 *              provinces), left of NGSP/NDXP and the national systems and
 *              databases; concentrated so 60+ agencies stay readable at the
 *              width of a page: one edge from each cluster to each national
 *              entry its agencies use, labelled with how many, one edge NGSP
 *              → system with how many reach it through NGSP. Agencies of the
 *              year without an architecture are one box per cluster.
 *   national   one per national system or database: the agencies that reach
 *              it, and by which route (through NGSP, b/c/d, network link,
 *              data source).
 *
 * The node budget holds before layout: at most AGENCY_CAP agencies per group
 * are drawn, the rest are one "và N … khác" node. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/views.h"
#include "site/site_priv.h"

#define AGENCY_CAP 70

enum { L_MINISTRIES, L_PROVINCES, L_NGSP, L_SYSTEMS, L_DATABASES };

static const char *const group_keys[GROUP__COUNT] = {"ministries", "provinces", "others"};
static const char *const group_fill[GROUP__COUNT] = {"#EEF4FB", "#EEF8F1", "#F8F9F9"};
static const char *const group_border[GROUP__COUNT] = {"#1F4E79", "#1E8449", "#7F8C8D"};

static int begin(egaf_site *s, egaf_vb *vb, egaf_model *fake, const char *id, const char *title)
{
    memset(fake, 0, sizeof(*fake));
    fake->id = id;
    egaf_render_options ro = {.lang = s->en ? EGAF_LANG_EN : EGAF_LANG_VI};
    if (vb_init(vb, vb_view_of(EGAF_VIEW_OVERVIEW), fake, s->refs, s->year, &ro, s->rdiags) != 0)
        return -1;
    egaf_buf_reset(&vb->label);
    egaf_render_label(&vb->label, title, 90);
    agset(vb->g, "label", vb->label.data ? vb->label.data : "");
    return 0;
}

static Agraph_t *finish(egaf_vb *vb)
{
    Agraph_t *g = vb_finish(vb);
    vb_free(vb);
    return g;
}

/* An agency's node: its name, then a line of figures. */
static Agnode_t *agency_node(egaf_site *s, egaf_vb *vb, Agraph_t *cl, const site_agency *a)
{
    egaf_buf_reset(&vb->label);
    egaf_render_label(&vb->label, a->name, EGAF_RENDER_WRAP);
    char line[96];
    snprintf(line, sizeof line, ST(s, "%zu DVC, %zu ứng dụng", "%zu services, %zu apps"),
             a->online[0] + a->online[1] + a->online[2], a->m->counts[EGAF_K_APPLICATION]);
    egaf_buf_puts(&vb->label, "\\n");
    egaf_render_label(&vb->label, line, EGAF_RENDER_WRAP + 6);
    char *label = strdup(vb->label.data ? vb->label.data : "");
    if (!label) {
        vb->failed = true;
        return NULL;
    }
    char name[96];
    snprintf(name, sizeof name, "a:%s", a->slug);
    Agnode_t *n = vb_plain_node(vb, cl, name, label, VS_APPLICATION);
    free(label);
    if (!n)
        return NULL;
    agset(n, "shape", "box");
    agset(n, "style", a->lgsp_ngsp ? "rounded,filled" : "rounded,filled,dashed");
    agset(n, "fillcolor", "#FFFFFF");
    vb_set(vb, n, "color", a->lgsp_ngsp ? group_border[a->group] : "#C0392B");
    agset(n, "penwidth", a->lgsp_ngsp ? "1.2" : "1.6");
    return n;
}

static Agnode_t *summary(egaf_site *s, egaf_vb *vb, Agraph_t *cl, int group, size_t count,
                         bool missing)
{
    char text[160], name[48];
    if (missing)
        snprintf(text, sizeof text, ST(s, "%zu cơ quan chưa có kiến trúc", "%zu agencies "
                                                                          "without an "
                                                                          "architecture"),
                 count);
    else
        snprintf(text, sizeof text, ST(s, "và %zu cơ quan khác", "and %zu more agencies"), count);
    snprintf(name, sizeof name, "_%s_%d", missing ? "missing" : "more", group);
    egaf_buf_reset(&vb->label);
    egaf_render_label(&vb->label, text, EGAF_RENDER_WRAP);
    char *label = strdup(vb->label.data ? vb->label.data : "");
    if (!label) {
        vb->failed = true;
        return NULL;
    }
    Agnode_t *n = vb_plain_node(vb, cl, name, label, VS_APPLICATION);
    free(label);
    if (n) {
        agset(n, "shape", "box");
        agset(n, "style", "rounded,dotted");
        agset(n, "color", "#7F8C8D");
        agset(n, "fontcolor", "#566573");
    }
    return n;
}

static void style_edge(egaf_vb *vb, Agedge_t *e, const char *color, const char *style,
                       const char *label)
{
    if (!e)
        return;
    vb_set(vb, e, "color", color);
    vb_set(vb, e, "fontcolor", color);
    if (style)
        vb_set(vb, e, "style", style);
    if (label) {
        egaf_buf_reset(&vb->label);
        egaf_render_label(&vb->label, label, 24);
        vb_set(vb, e, "label", vb->label.data ? vb->label.data : "");
    }
}

/* Draws the agencies of each group (those pick() accepts) in their cluster;
 * nodes[i] is agency i's node, or the group's summary node, or NULL. */
static void draw_agencies(egaf_site *s, egaf_vb *vb, Agnode_t **nodes, Agraph_t **clusters,
                          bool (*pick)(egaf_site *, size_t, size_t), size_t arg,
                          bool show_missing)
{
    for (int g = 0; g < GROUP__COUNT; g++) {
        size_t count = 0;
        for (size_t i = 0; i < s->nag; i++)
            count += s->ag[i].group == g && pick(s, i, arg);
        size_t missing = show_missing ? s->missing_by_group[g] : 0;
        clusters[g] = NULL;
        if (!count && !missing)
            continue;
        char title[200];
        if (show_missing && s->agencies_by_group[g])
            snprintf(title, sizeof title, ST(s, "%s (%zu/%zu có kiến trúc)",
                                             "%s (%zu/%zu with an architecture)"),
                     site_group_name(s, g, true), count, s->agencies_by_group[g]);
        else
            snprintf(title, sizeof title, "%s (%zu)", site_group_name(s, g, true), count);
        Agraph_t *cl =
            vb_cluster(vb, vb->g, group_keys[g], title, group_fill[g], group_border[g]);
        clusters[g] = cl;
        size_t layer = g == GROUP_PROVINCE ? L_PROVINCES : L_MINISTRIES;
        size_t width_total = count > AGENCY_CAP ? AGENCY_CAP + 1 : count;
        width_total += missing ? 1 : 0;
        size_t shown = 0;
        Agnode_t *more = NULL;
        for (size_t i = 0; i < s->nag; i++) {
            if (s->ag[i].group != g || !pick(s, i, arg))
                continue;
            if (shown < AGENCY_CAP) {
                nodes[i] = agency_node(s, vb, cl, &s->ag[i]);
                shown++;
            } else {
                if (!more)
                    more = summary(s, vb, cl, g, count - AGENCY_CAP, false);
                nodes[i] = more;
            }
            vb_layer_add(vb, layer, nodes[i], width_total);
        }
        if (missing)
            vb_layer_add(vb, layer, summary(s, vb, cl, g, missing, true), width_total);
    }
}

static bool pick_linked(egaf_site *s, size_t i, size_t nat)
{
    return site_cell(s, i, nat) != 0;
}

/* ---- the overview ----------------------------------------------------------
 *
 * Drawn left to right so it stays readable at the width of a page: one
 * cluster per level of the reference data (ministries, government agencies,
 * provinces; "other" for an agency the data gives no level), its agencies
 * in a grid of OV columns (rows aligned by invisible edges), then NGSP, then
 * the national systems and databases in one column. Edges are concentrated:
 * one edge from each cluster to each national entry its agencies use,
 * labelled with how many agencies (compound edges, ltail = the cluster), so
 * 60+ agencies give a handful of edges, not a fan of one per agency. */

enum { LV_MINISTRY, LV_GOVERNMENT, LV_PROVINCE, LV_OTHER, LV__COUNT };

static const char *const level_keys[LV__COUNT] = {"ministry", "government-agency", "province",
                                                  "other"};
static const char *const level_fill[LV__COUNT] = {"#EEF4FB", "#F4F1FA", "#EEF8F1", "#F8F9F9"};
static const char *const level_border[LV__COUNT] = {"#1F4E79", "#5B2C6F", "#1E8449", "#7F8C8D"};

/* The agency's level as the reference data gives it (legal sources), else
 * as its model states it; LV_OTHER when neither does. */
static int level_of(const egaf_ref_entry *e, const egaf_model *m)
{
    const char *level = site_agency_level(e, m);
    if (!level)
        return LV_OTHER;
    for (int l = 0; l < LV_OTHER; l++)
        if (strcmp(level, level_keys[l]) == 0)
            return l;
    return LV_OTHER;
}

static const char *level_title(const egaf_site *s, int level)
{
    /* the provinces' title is their group's name, said in one place */
    static const char *const titles[LV__COUNT][2] = {
        [LV_MINISTRY] = {"Bộ, cơ quan ngang bộ", "Ministries and ministry-level agencies"},
        [LV_GOVERNMENT] = {"Cơ quan thuộc Chính phủ", "Government agencies"},
        [LV_OTHER] = {"Cơ quan khác", "Other agencies"},
    };
    if (level == LV_PROVINCE)
        return site_group_name(s, GROUP_PROVINCE, true);
    const char *const *t = titles[level >= 0 && level < LV__COUNT ? level : LV_OTHER];
    return ST(s, t[0], t[1]);
}

/* Grid columns of the agencies: enough that the tallest cluster is not a
 * long strip, few enough that the picture is not wider than it is tall. */
#define OV_MAX_COLUMNS 3
static size_t overview_columns(size_t largest)
{
    return largest > 24 ? OV_MAX_COLUMNS : largest > 8 ? 2 : 1;
}

static void invisible_edge(egaf_vb *vb, Agnode_t *t, Agnode_t *h, const char *weight)
{
    if (!t || !h)
        return;
    Agedge_t *e = agedge(vb->g, t, h, NULL, 1);
    if (!e) {
        vb->failed = true;
        return;
    }
    agset(e, "style", "invis");
    agset(e, "weight", (char *)weight);
}

/* The boxes of a level's cluster: its agencies (at most AGENCY_CAP, then one
 * summary box) and one box for its agencies without an architecture. */
static size_t cluster_cells(size_t agencies, size_t missing)
{
    return (agencies > AGENCY_CAP ? AGENCY_CAP + 1 : agencies) + (missing ? 1 : 0);
}

/* One cluster: its boxes in a grid of `columns` ranks, rows aligned by
 * invisible edges, its first row put in row0[0..columns-1]. Returns the node
 * the cluster's edges start from (the middle of its last column), or NULL. */
static Agnode_t *overview_cluster(egaf_site *s, egaf_vb *vb, int level, const int *levels,
                                  size_t missing, size_t columns, Agnode_t **row0)
{
    size_t count = 0, all = missing;
    for (size_t i = 0; i < s->nag; i++)
        count += levels[i] == level;
    all += count;
    if (!all)
        return NULL;
    char title[200];
    snprintf(title, sizeof title, ST(s, "%s (%zu/%zu có kiến trúc)", "%s (%zu/%zu with an architecture)"),
             level_title(s, level), count, all);
    Agraph_t *cl = vb_cluster(vb, vb->g, level_keys[level], title, level_fill[level],
                              level_border[level]);
    size_t cells = cluster_cells(count, missing);
    size_t rows = (cells + columns - 1) / columns;
    Agnode_t **grid = calloc(cells, sizeof(*grid));
    if (!grid) {
        vb->failed = true;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < s->nag; i++) {
        if (levels[i] != level)
            continue;
        if (k == AGENCY_CAP) { /* the rest: one node */
            grid[k++] = summary(s, vb, cl, level, count - AGENCY_CAP, false);
            break;
        }
        grid[k] = agency_node(s, vb, cl, &s->ag[i]);
        if (grid[k]) {
            char url[128];
            snprintf(url, sizeof url, "../a-%s.html", s->ag[i].slug);
            vb_set(vb, grid[k], "URL", url);
        }
        k++;
    }
    if (missing && k < cells)
        grid[k++] = summary(s, vb, cl, level, missing, true);
    for (size_t j = 0; j < k; j++) {
        vb_rank_add(vb, j / rows, grid[j]);
        if (j >= rows) /* rows aligned left to right */
            invisible_edge(vb, grid[j - rows], grid[j], "10");
        /* a column top to bottom in order: a flat edge keeps its tail
         * before its head (within a cluster, and when its weight is not 0),
         * and left to right the head is drawn above its tail */
        if (j % rows)
            invisible_edge(vb, grid[j], grid[j - 1], "1");
        if (j % rows == 0 && j / rows < columns)
            row0[j / rows] = grid[j];
    }
    if (!k) {
        free(grid);
        return NULL;
    }
    size_t last_column = (k - 1) / rows;
    size_t in_last = k - last_column * rows;
    Agnode_t *from = grid[last_column * rows + in_last / 2];
    free(grid);
    return from;
}

/* A concentrated edge: from the cluster of `from` to `to`, with how many
 * agencies it stands for (and how, when given). */
static void cluster_edge(egaf_site *s, egaf_vb *vb, Agnode_t *from, int level, Agnode_t *to,
                         size_t agencies, const char *how, bool exception)
{
    Agedge_t *e = vb_edge(vb, from, to, true);
    if (!e)
        return;
    char cluster[64], label[160], width[16];
    snprintf(cluster, sizeof cluster, "cluster_%s", level_keys[level]);
    vb_set(vb, e, "ltail", cluster);
    const char *noun = ST(s, "cơ quan", agencies == 1 ? "agency" : "agencies");
    if (how && *how)
        snprintf(label, sizeof label, "%zu %s: %s", agencies, noun, how);
    else
        snprintf(label, sizeof label, "%zu %s", agencies, noun);
    /* thicker for more agencies, within reason */
    snprintf(width, sizeof width, "%.1f", 1.0 + (double)(agencies > 30 ? 30 : agencies) / 10.0);
    vb_set(vb, e, "penwidth", width);
    vb_set(vb, e, "fontsize", "9");
    style_edge(vb, e, exception ? "#C0392B" : level_border[level], exception ? "dashed" : NULL,
               label);
}

Agraph_t *site_overview_graph(egaf_site *s)
{
    egaf_vb vb;
    egaf_model fake;
    char title[200];
    snprintf(title, sizeof title,
             ST(s, "Kiến trúc Chính phủ điện tử, Chính phủ số quốc gia năm %d",
                "National e-Government architecture, %d"),
             s->year);
    if (begin(s, &vb, &fake, "national-overview", title) != 0) {
        vb_free(&vb);
        return NULL;
    }
    agsafeset(vb.g, "rankdir", "LR", "");
    agsafeset(vb.g, "compound", "true", "");
    agsafeset(vb.g, "nodesep", "0.15", "");
    agsafeset(vb.g, "ranksep", "0.4", "");
    int *levels = calloc(s->nag + 1, sizeof(*levels));
    Agnode_t **nat_nodes = calloc(s->nnat + 1, sizeof(*nat_nodes));
    unsigned *how = calloc(s->nnat * LV__COUNT + 1, sizeof(*how));
    size_t *agencies = calloc(s->nnat * LV__COUNT + 1, sizeof(*agencies));
    size_t missing[LV__COUNT] = {0}, size[LV__COUNT] = {0};
    Agnode_t *from[LV__COUNT] = {NULL};
    if (!levels || !nat_nodes || !how || !agencies) {
        vb.failed = true;
        goto done;
    }
    for (size_t i = 0; i < s->nag; i++) {
        levels[i] = level_of(s->ag[i].agency, s->ag[i].m);
        size[levels[i]]++;
    }
    for (size_t i = 0; i < s->nmissing; i++) {
        missing[level_of(s->missing[i], NULL)]++;
        size[level_of(s->missing[i], NULL)]++;
    }
    size_t largest = 0;
    int widest = 0;
    for (int l = 0; l < LV__COUNT; l++) {
        size_t c = cluster_cells(size[l] - missing[l], missing[l]);
        if (c > largest) {
            largest = c;
            widest = l;
        }
    }
    size_t columns = overview_columns(largest);
    /* top to bottom in the order made, unless dot finds fewer crossings */
    for (int l = 0; l < LV__COUNT; l++) {
        Agnode_t *row0[OV_MAX_COLUMNS] = {NULL};
        from[l] = overview_cluster(s, &vb, l, levels, missing[l], columns, row0);
        /* the ranks are chained (vb_order_ranks) through the first row of
         * the widest cluster, whose rows are already edges: no edge from one
         * cluster to another pulls them out of order */
        for (size_t c = 0; l == widest && c < columns; c++)
            if (row0[c])
                vb.rank_first[c] = row0[c];
    }

    /* NGSP, then the national entries any agency reaches, in one column */
    Agnode_t *ngsp = NULL;
    size_t ngsp_index = (size_t)(uintptr_t)egaf_strmap_get(&s->nat_index, "ngsp", 4);
    if (ngsp_index) {
        ngsp = vb_national(&vb, "ngsp");
        vb_rank_add(&vb, columns, ngsp);
    }
    for (size_t n = 0; n < s->nnat; n++) {
        site_national *nat = &s->nat[n];
        if (!(nat->consumers[0] + nat->consumers[1] + nat->consumers[2]))
            continue;
        nat_nodes[n] = ngsp && n + 1 == ngsp_index ? ngsp : vb_national(&vb, nat->id);
        if (nat_nodes[n] && nat_nodes[n] != ngsp) {
            char url[160];
            snprintf(url, sizeof url, "../n-%s.html", nat->id);
            vb_set(&vb, nat_nodes[n], "URL", url);
            vb_rank_add(&vb, columns + 1, nat_nodes[n]);
        }
    }
    if (ngsp)
        vb_set(&vb, ngsp, "URL", "../n-ngsp.html");

    /* per level and national entry: how many agencies reach it other than
     * through NGSP (to NGSP itself: connected LGSPs too), and how */
    for (size_t i = 0; i < s->nag; i++) {
        site_agency *a = &s->ag[i];
        for (size_t n = 0; n < s->nnat; n++) {
            unsigned c = site_cell(s, i, n);
            bool to_ngsp = ngsp && nat_nodes[n] == ngsp;
            if (!to_ngsp)
                c &= ~(unsigned)LK_THROUGH_NGSP;
            if (to_ngsp && a->lgsp_ngsp)
                c |= LK_A;
            if (!c || !nat_nodes[n])
                continue;
            agencies[n * LV__COUNT + (size_t)levels[i]]++;
            how[n * LV__COUNT + (size_t)levels[i]] |= c;
        }
    }
    /* the clusters' edges, level by level (dot's first ordering follows the
     * edges as made, so the clusters stay in level order), NGSP first */
    egaf_buf route;
    egaf_buf_init(&route);
    for (int l = 0; l < LV__COUNT; l++) {
        for (size_t step = 0; step <= s->nnat; step++) {
            size_t n = step == 0 ? ngsp_index - 1 : step - 1;
            if ((step == 0 && !ngsp) || (step > 0 && nat_nodes[n] == ngsp) || !nat_nodes[n])
                continue;
            bool is_ngsp = nat_nodes[n] == ngsp;
            size_t count = agencies[n * LV__COUNT + (size_t)l];
            unsigned bits = how[n * LV__COUNT + (size_t)l];
            if (!count || !from[l])
                continue;
            cluster_edge(s, &vb, from[l], l, nat_nodes[n], count,
                         is_ngsp ? NULL : site_route_text(s, bits, &route),
                         !is_ngsp && (bits & (LK_B | LK_C | LK_D | LK_DIRECT)));
        }
    }
    for (size_t n = 0; n < s->nnat; n++) {
        site_national *nat = &s->nat[n];
        if (nat_nodes[n] && nat_nodes[n] != ngsp && ngsp && nat->through_ngsp) {
            char label[64];
            snprintf(label, sizeof label, "%zu %s", nat->through_ngsp,
                     ST(s, "cơ quan", nat->through_ngsp == 1 ? "agency" : "agencies"));
            Agedge_t *e = vb_edge(&vb, ngsp, nat_nodes[n], true);
            if (e)
                vb_set(&vb, e, "fontsize", "9");
            style_edge(&vb, e, "#6C3483", NULL, label);
        }
    }
    egaf_buf_free(&route);
    /* the legend's notes in a narrow column, as wide as an agency's box */
    static const char *const notes[][2] = {
        {"Mỗi cơ quan một ô, theo cấp (dữ liệu tham chiếu); viền đỏ nét đứt: chưa có LGSP kết "
         "nối NGSP.",
         "One box per agency, by level (reference data); red dashed border: no LGSP connected "
         "to NGSP."},
        {"Mỗi cạnh gộp các cơ quan của một nhóm; nhãn: số cơ quan. Cạnh NGSP → hệ thống: số cơ "
         "quan kết nối qua LGSP và NGSP. Cạnh đỏ nét đứt: có cơ quan kết nối theo trường hợp b, "
         "c, d hoặc trực tiếp.",
         "Each edge stands for the agencies of a group; its label: how many. Edges NGSP → "
         "system: agencies connected through their LGSP and NGSP. Red dashed edges: some "
         "agencies connect by route b, c, d or directly."},
    };
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
        vb_wrap(&vb.notes, notes[i][s->en], 34, "\\l");
        egaf_buf_puts(&vb.notes, "\\l");
    }
    vb.used[VS_APPLICATION] = false;
    /* the legend above the clusters in the agencies' first columns, not as
     * more columns on the right */
    vb.legend_placed = true;
    vb.legend_rank = 0;
done:
    free(levels);
    free(nat_nodes);
    free(how);
    free(agencies);
    return finish(&vb);
}

Agraph_t *site_national_graph(egaf_site *s, size_t nat_index)
{
    site_national *nat = &s->nat[nat_index];
    egaf_vb vb;
    egaf_model fake;
    char title[400];
    snprintf(title, sizeof title, ST(s, "%s: các cơ quan kết nối (năm %d)",
                                     "%s: the agencies connected (%d)"),
             site_national_name(s, nat), s->year);
    char id[96];
    snprintf(id, sizeof id, "national-%s", nat->id);
    if (begin(s, &vb, &fake, id, title) != 0) {
        vb_free(&vb);
        return NULL;
    }
    Agnode_t **nodes = calloc(s->nag + 1, sizeof(*nodes));
    if (!nodes) {
        vb.failed = true;
        return finish(&vb);
    }
    Agraph_t *clusters[GROUP__COUNT];
    draw_agencies(s, &vb, nodes, clusters, pick_linked, nat_index, false);
    bool is_ngsp = strcmp(nat->id, "ngsp") == 0;
    Agnode_t *ngsp = NULL;
    if (!is_ngsp && nat->through_ngsp && egaf_strmap_get(&s->nat_index, "ngsp", 4)) {
        ngsp = vb_national(&vb, "ngsp");
        vb_layer_add(&vb, L_NGSP, ngsp, 1);
    }
    Agnode_t *target = vb_national(&vb, nat->id);
    vb_layer_add(&vb, L_SYSTEMS, target, 1);
    egaf_buf route;
    egaf_buf_init(&route);
    for (size_t i = 0; i < s->nag; i++) {
        unsigned c = site_cell(s, i, nat_index);
        if (!c || !nodes[i])
            continue;
        const char *color = group_border[s->ag[i].group];
        if (ngsp && (c & LK_THROUGH_NGSP)) {
            style_edge(&vb, vb_edge(&vb, nodes[i], ngsp, true), color, NULL,
                       site_route_text(s, c & LK_THROUGH_NGSP, &route));
            c &= ~(unsigned)LK_THROUGH_NGSP;
        }
        if (!c)
            continue;
        bool exception = c & (LK_B | LK_C | LK_D | LK_DIRECT);
        style_edge(&vb, vb_edge(&vb, nodes[i], target, true), exception ? "#C0392B" : color,
                   exception ? "dashed" : (c & LK_SOURCES ? "dotted" : NULL),
                   site_route_text(s, c, &route));
    }
    egaf_buf_free(&route);
    if (ngsp)
        style_edge(&vb, vb_edge(&vb, ngsp, target, true), "#6C3483", NULL, NULL);
    vb_note(&vb, ST(s, "Nhãn cạnh: trường hợp kết nối (TT 13/2017/TT-BTTTT: a qua LGSP và NGSP; "
                       "b, c, d ngoại lệ), kết nối mạng, kết nối nền tảng hoặc nguồn dữ liệu.",
                    "Edge labels: the route (TT 13/2017/TT-BTTTT: a through the LGSP and NGSP; "
                    "b, c, d exceptions), a network link, a platform link or a data source."));
    vb.used[VS_APPLICATION] = false;
    free(nodes);
    return finish(&vb);
}
