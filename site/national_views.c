/* national_views.c - the diagrams of the national architecture, built with
 * the views' builder (graph.h) so they share its styles, ranks, legend and
 * deterministic ids:
 *
 *   overview   every architecture as one node, grouped as ministries and
 *              provinces, above NGSP/NDXP and the national systems and
 *              databases. Aggregated so 60+ agencies stay readable: one edge
 *              per agency to NGSP (its LGSP connected), one edge NGSP → system
 *              labelled with how many agencies reach it through NGSP, the
 *              counts of network links and data sources in the system's
 *              label, and single edges only for the exceptions (routes b, c,
 *              d and direct links). Agencies of the year without an
 *              architecture are one summary node per group.
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

static bool pick_all(egaf_site *s, size_t i, size_t arg)
{
    (void)s;
    (void)i;
    (void)arg;
    return true;
}

static bool pick_linked(egaf_site *s, size_t i, size_t nat)
{
    return site_cell(s, i, nat) != 0;
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
    Agnode_t **nodes = calloc(s->nag + 1, sizeof(*nodes));
    size_t *group_links = calloc(s->nnat * GROUP__COUNT * 2 + 1, sizeof(*group_links));
    if (!nodes || !group_links) {
        free(nodes);
        free(group_links);
        vb.failed = true;
        return finish(&vb);
    }
    Agraph_t *clusters[GROUP__COUNT];
    draw_agencies(s, &vb, nodes, clusters, pick_all, 0, true);
    Agnode_t *ngsp = NULL;
    size_t ngsp_index = (size_t)(uintptr_t)egaf_strmap_get(&s->nat_index, "ngsp", 4);
    size_t nsys = 0, ndb = 0;
    for (size_t n = 0; n < s->nnat; n++)
        if (s->nat[n].consumers[0] + s->nat[n].consumers[1] + s->nat[n].consumers[2])
            *(s->nat[n].db ? &ndb : &nsys) += 1;
    if (ngsp_index) {
        ngsp = vb_national(&vb, "ngsp");
        vb_layer_add(&vb, L_NGSP, ngsp, 1);
    }
    /* national entries reached by any agency */
    Agnode_t **nat_nodes = calloc(s->nnat + 1, sizeof(*nat_nodes));
    if (!nat_nodes) {
        vb.failed = true;
        goto done;
    }
    for (size_t n = 0; n < s->nnat; n++) {
        site_national *nat = &s->nat[n];
        if (!(nat->consumers[0] + nat->consumers[1] + nat->consumers[2]))
            continue;
        nat_nodes[n] = ngsp && n + 1 == ngsp_index ? ngsp : vb_national(&vb, nat->id);
        if (nat_nodes[n] != ngsp)
            vb_layer_add(&vb, nat->db ? L_DATABASES : L_SYSTEMS, nat_nodes[n],
                         nat->db ? ndb : nsys);
    }
    /* agencies → NGSP; exceptions agency → system; counts per group */
    for (size_t i = 0; i < s->nag; i++) {
        site_agency *a = &s->ag[i];
        if (!nodes[i])
            continue;
        if (ngsp && a->lgsp_ngsp)
            style_edge(&vb, vb_edge(&vb, nodes[i], ngsp, true), group_border[a->group], NULL,
                       NULL);
        for (size_t n = 0; n < s->nnat; n++) {
            unsigned c = site_cell(s, i, n);
            if (!c || !nat_nodes[n])
                continue;
            unsigned exceptions = c & (LK_B | LK_C | LK_D | LK_DIRECT);
            if (exceptions && nat_nodes[n] != ngsp) {
                egaf_buf route;
                egaf_buf_init(&route);
                site_route_text(s, exceptions, &route);
                style_edge(&vb, vb_edge(&vb, nodes[i], nat_nodes[n], true), "#C0392B", "dashed",
                           route.data);
                egaf_buf_free(&route);
            }
            if (c & LK_LINKED)
                group_links[(n * GROUP__COUNT + (size_t)a->group) * 2]++;
            if (c & LK_SOURCES)
                group_links[(n * GROUP__COUNT + (size_t)a->group) * 2 + 1]++;
        }
    }
    for (size_t n = 0; n < s->nnat; n++) {
        site_national *nat = &s->nat[n];
        if (!nat_nodes[n] || nat_nodes[n] == ngsp)
            continue;
        if (ngsp && nat->through_ngsp) {
            char label[64];
            snprintf(label, sizeof label, ST(s, "%zu cơ quan", "%zu agencies"), nat->through_ngsp);
            style_edge(&vb, vb_edge(&vb, ngsp, nat_nodes[n], true), "#6C3483", NULL, label);
        }
        /* network links and data sources: counts in the node's label, not
         * one edge per agency */
        size_t links = 0, sources = 0;
        for (int g = 0; g < GROUP__COUNT; g++) {
            links += group_links[(n * GROUP__COUNT + (size_t)g) * 2];
            sources += group_links[(n * GROUP__COUNT + (size_t)g) * 2 + 1];
        }
        if (links || sources) {
            egaf_buf_reset(&vb.label);
            egaf_buf_puts(&vb.label, agget(nat_nodes[n], "label"));
            char line[96];
            if (links) {
                snprintf(line, sizeof line, ST(s, "%zu cơ quan kết nối", "%zu agencies linked"),
                         links);
                egaf_buf_puts(&vb.label, "\\n");
                egaf_render_label(&vb.label, line, EGAF_RENDER_WRAP + 6);
            }
            if (sources) {
                snprintf(line, sizeof line, ST(s, "%zu cơ quan lấy dữ liệu", "%zu agencies take data"),
                         sources);
                egaf_buf_puts(&vb.label, "\\n");
                egaf_render_label(&vb.label, line, EGAF_RENDER_WRAP + 6);
            }
            agset(nat_nodes[n], "label", vb.label.data ? vb.label.data : "");
        }
    }
    vb_note(&vb, ST(s, "Mỗi cơ quan một nút; viền đỏ nét đứt: chưa có LGSP kết nối NGSP.",
                    "One node per agency; red dashed border: no LGSP connected to NGSP."));
    vb_note(&vb, ST(s, "Cạnh NGSP → hệ thống: số cơ quan kết nối qua LGSP và NGSP; cạnh đỏ nét "
                       "đứt: kết nối theo trường hợp b, c, d hoặc trực tiếp. Trong nút: số cơ "
                       "quan kết nối mạng, nền tảng hoặc lấy dữ liệu (sources).",
                    "Edges NGSP → system: agencies connected through their LGSP and NGSP; red "
                    "dashed edges: routes b, c, d or direct. In a node: agencies with a network "
                    "or platform link, or taking data from it (sources)."));
    vb.used[VS_APPLICATION] = false;
done:
    free(nat_nodes);
    free(nodes);
    free(group_links);
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
