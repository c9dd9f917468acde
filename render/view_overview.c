/* view_overview.c - the framework's overview diagram (sơ đồ tổng thể):
 * users → channels → services → applications → integration platform →
 * data → infrastructure, top to bottom, security in a band beside, the
 * national systems and databases the architecture connects to outside the
 * agency's boundary. */
#include <stdlib.h>
#include <string.h>

#include "render/views.h"

enum {
    R_USERS,
    R_CHANNELS,
    R_SERVICES,
    R_APPS,
    R_PLATFORMS,
    R_DATA,
    R_INFRA,
    R__COUNT,
};

/* The rank a national entry sits at: with the layer it belongs to. */
static size_t national_rank(egaf_vb *vb, const char *id)
{
    const char *cat = vb_national_category(vb, id);
    if (vb_national_is_db(vb, id))
        return R_DATA;
    if (strcmp(cat, "network") == 0 || strcmp(cat, "data-center") == 0)
        return R_INFRA;
    return R_PLATFORMS;
}

static Agnode_t *national(egaf_vb *vb, const char *ref)
{
    Agnode_t *n = vb_national(vb, ref);
    size_t layer = national_rank(vb, ref);
    vb_layer_add(vb, layer, n, vb->layer_count[layer] + vb->planned[VB_G_NATIONAL]);
    return n;
}

/* The node a reference names: a national entry on its row, or a local
 * element. */
static Agnode_t *ref_node(egaf_vb *vb, const char *ref)
{
    return vb_is_national(ref) ? national(vb, ref) : vb_node_of(vb, vb_local(vb, ref));
}

/* Colours e and, when attr is given, sets it as well (a dashed line, a
 * heavier one). */
static void style_edge(egaf_vb *vb, Agedge_t *e, const char *color, const char *attr,
                       const char *value)
{
    if (!e)
        return;
    vb_set(vb, e, "color", color);
    if (attr)
        vb_set(vb, e, attr, value);
}

/* The `online` groups of services when there are too many to draw. */
static const char *const online_keys[] = {"full", "partial", "none", ""};

static const char *online_title(egaf_vb *vb, size_t i)
{
    switch (i) {
    case 0:
        return TR(vb, "Dịch vụ công trực tuyến toàn trình", "Fully online public services");
    case 1:
        return TR(vb, "Dịch vụ công trực tuyến một phần", "Partly online public services");
    case 2:
        return TR(vb, "Dịch vụ công trực tiếp", "Public services in person");
    default:
        return TR(vb, "Dịch vụ công chưa xác định mức độ", "Public services, level not given");
    }
}

static size_t online_index(const egaf_element *svc)
{
    const char *o = egaf_element_text(svc, EGAF_F_ONLINE);
    for (size_t i = 0; i < 3; i++)
        if (o && strcmp(o, online_keys[i]) == 0)
            return i;
    return 3;
}

/* The users reach the channels of the services they use. When the pairs
 * are more than the users and channels together, the fan of crossing lines
 * is drawn as a bundle: every user to one junction, the junction to every
 * channel (which user uses which channel is on the services). */
static void users_to_channels(egaf_vb *vb)
{
    const egaf_model *m = vb->model;
    size_t na = m->counts[EGAF_K_ACTOR], nc = m->counts[EGAF_K_CHANNEL];
    if (!na || !nc)
        return;
    bool *pair = calloc(na * nc, 1), *actor = calloc(na, 1), *channel = calloc(nc, 1);
    if (!pair || !actor || !channel) {
        vb->failed = true;
        goto done;
    }
    size_t npairs = 0, nactors = 0, nchannels = 0;
    for (size_t i = 0; i < m->counts[EGAF_K_SERVICE]; i++) {
        const egaf_element *svc = m->elements[EGAF_K_SERVICE][i];
        for (size_t a = 0; a < vb_refs_count(svc, EGAF_F_ACTORS); a++) {
            const egaf_element *ae = vb_local(vb, vb_ref_at(svc, EGAF_F_ACTORS, a));
            if (!ae || ae->kind != EGAF_K_ACTOR || !vb_node_of(vb, ae))
                continue;
            for (size_t k = 0; k < vb_refs_count(svc, EGAF_F_CHANNELS); k++) {
                const egaf_element *ce = vb_local(vb, vb_ref_at(svc, EGAF_F_CHANNELS, k));
                if (!ce || ce->kind != EGAF_K_CHANNEL || !vb_node_of(vb, ce) ||
                    pair[ae->index * nc + ce->index])
                    continue;
                pair[ae->index * nc + ce->index] = true;
                npairs++;
                nactors += !actor[ae->index];
                nchannels += !channel[ce->index];
                actor[ae->index] = channel[ce->index] = true;
            }
        }
    }
    Agnode_t *junction = NULL;
    if (npairs > nactors + nchannels) {
        junction = vb_plain_node(vb, vb->g, "_users_channels", "", VS_ACTOR);
        if (junction) {
            vb_set(vb, junction, "shape", "point");
            vb_set(vb, junction, "width", "0.12");
            vb_set(vb, junction, "color", "#5D6D7E");
            vb_set(vb, junction, "fillcolor", "#5D6D7E");
        }
    }
    for (size_t a = 0; a < na; a++)
        for (size_t k = 0; k < nc; k++) {
            if (!pair[a * nc + k])
                continue;
            Agnode_t *an = vb_node_of(vb, m->elements[EGAF_K_ACTOR][a]);
            Agnode_t *cn = vb_node_of(vb, m->elements[EGAF_K_CHANNEL][k]);
            if (!junction) {
                vb_edge(vb, an, cn, true);
                continue;
            }
            Agedge_t *e = vb_edge(vb, an, junction, true);
            if (e)
                vb_set(vb, e, "arrowhead", "none");
            vb_edge(vb, junction, cn, true);
        }
done:
    free(pair);
    free(actor);
    free(channel);
}

static void grouped_services(egaf_vb *vb, Agraph_t *cl)
{
    const egaf_model *m = vb->model;
    size_t counts[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < m->counts[EGAF_K_SERVICE]; i++)
        counts[online_index(m->elements[EGAF_K_SERVICE][i])]++;
    Agnode_t *groups[4] = {NULL, NULL, NULL, NULL};
    egaf_buf text;
    egaf_buf_init(&text);
    for (size_t g = 0; g < 4; g++) {
        if (!counts[g])
            continue;
        egaf_buf_reset(&text);
        egaf_buf_printf(&text, "%s\n(%zu %s)", online_title(vb, g), counts[g],
                        TR(vb, "dịch vụ", "services"));
        egaf_buf_reset(&vb->label);
        egaf_render_label(&vb->label, text.data, EGAF_RENDER_WRAP + 4);
        char name[32];
        snprintf(name, sizeof name, "_services_%s", g < 3 ? online_keys[g] : "other");
        groups[g] = vb_plain_node(vb, cl, name, vb->label.data, VS_SERVICE);
        vb_layer_add(vb, R_SERVICES, groups[g], 4);
    }
    for (size_t i = 0; i < m->counts[EGAF_K_SERVICE]; i++) {
        const egaf_element *svc = m->elements[EGAF_K_SERVICE][i];
        vb_set_node(vb, svc, groups[online_index(svc)]);
    }
    egaf_buf_reset(&text);
    egaf_buf_printf(&text,
                    TR(vb, "%zu dịch vụ công được gộp theo mức độ trực tuyến.",
                       "%zu public services grouped by how far they are online."),
                    m->counts[EGAF_K_SERVICE]);
    vb_note(vb, text.data);
    egaf_buf_free(&text);
}

static Agraph_t *layer(egaf_vb *vb, Agraph_t *parent, const char *key, const char *title,
                       const char *fill, const char *border)
{
    return vb_cluster(vb, parent, key, title, fill, border);
}

/* Draws every element of a kind into a layer and a rank. */
static void draw_kind(egaf_vb *vb, Agraph_t *cl, egaf_kind kind, size_t rank)
{
    for (size_t i = 0; i < vb->model->counts[kind]; i++)
        vb_layer_add(vb, rank, vb_element(vb, cl, vb->model->elements[kind][i]),
                     vb_capped(vb, (int)kind, vb->model->counts[kind]));
}

void vb_view_overview(egaf_vb *vb)
{
    const egaf_model *m = vb->model;
    const size_t *c = m->counts;
    bool grouped = c[EGAF_K_SERVICE] > EGAF_RENDER_SERVICES_MAX;

    vb_plan(vb, EGAF_K_ACTOR, c[EGAF_K_ACTOR]);
    vb_plan(vb, EGAF_K_CHANNEL, c[EGAF_K_CHANNEL]);
    vb_plan(vb, EGAF_K_APPLICATION, c[EGAF_K_APPLICATION]);
    vb_plan(vb, EGAF_K_PLATFORM, c[EGAF_K_PLATFORM]);
    vb_plan(vb, EGAF_K_DATABASE, c[EGAF_K_DATABASE]);
    vb_plan(vb, EGAF_K_INFRASTRUCTURE, c[EGAF_K_INFRASTRUCTURE]);
    vb_plan(vb, EGAF_K_CONTROL, c[EGAF_K_CONTROL]);
    if (!grouped)
        vb_plan(vb, EGAF_K_SERVICE, c[EGAF_K_SERVICE]);
    for (size_t i = 0; i < c[EGAF_K_INTEGRATION]; i++) {
        const char *to = egaf_element_text(m->elements[EGAF_K_INTEGRATION][i], EGAF_F_TO);
        if (vb_is_national(to))
            vb_plan_ref(vb, to);
    }
    vb_plan_refs(vb, EGAF_K_PLATFORM, EGAF_F_CONNECTS);
    vb_plan_refs(vb, EGAF_K_DATABASE, EGAF_F_SOURCES);
    vb_plan_refs(vb, EGAF_K_INFRASTRUCTURE, EGAF_F_CONNECTS);
    vb_plan_refs(vb, EGAF_K_SERVICE, EGAF_F_HANDLED_BY);
    vb_apply_budget(vb, grouped ? 4 : 0);

    /* the layers, top to bottom */
    Agraph_t *users = layer(vb, vb->g, "users", TR(vb, "Người sử dụng", "Users"), "#FFF8F0",
                            "#BA6A1E");
    draw_kind(vb, users, EGAF_K_ACTOR, R_USERS);
    Agraph_t *b = vb_boundary(vb);
    Agraph_t *channels = layer(vb, b, "channels", TR(vb, "Kênh giao tiếp", "Channels"),
                               "#FFFBEF", "#B7950B");
    draw_kind(vb, channels, EGAF_K_CHANNEL, R_CHANNELS);
    Agraph_t *services = layer(vb, b, "services",
                               TR(vb, "Dịch vụ công trực tuyến", "Online public services"),
                               "#F1FAF7", "#148F77");
    if (grouped)
        grouped_services(vb, services);
    else
        draw_kind(vb, services, EGAF_K_SERVICE, R_SERVICES);
    Agraph_t *apps = layer(vb, b, "applications",
                           TR(vb, "Ứng dụng, hệ thống thông tin", "Applications"), "#F0F6FC",
                           "#2874A6");
    draw_kind(vb, apps, EGAF_K_APPLICATION, R_APPS);
    Agraph_t *platforms =
        layer(vb, b, "platforms",
              TR(vb, "Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) và nền tảng dùng chung",
                 "Integration platform (LGSP) and shared platforms"),
              "#EEF9F2", "#1E8449");
    draw_kind(vb, platforms, EGAF_K_PLATFORM, R_PLATFORMS);
    Agraph_t *data = layer(vb, b, "data", TR(vb, "Cơ sở dữ liệu", "Data"), "#FEFBEA",
                           "#9A7D0A");
    draw_kind(vb, data, EGAF_K_DATABASE, R_DATA);
    Agraph_t *infra = layer(vb, b, "infrastructure",
                            TR(vb, "Hạ tầng kỹ thuật", "Technical infrastructure"), "#F4F6F6",
                            "#566573");
    draw_kind(vb, infra, EGAF_K_INFRASTRUCTURE, R_INFRA);

    /* the security band: controls spread over the layers' ranks */
    if (c[EGAF_K_CONTROL]) {
        Agraph_t *sec = layer(vb, b, "security", TR(vb, "An toàn thông tin", "Security"),
                              "#FDF2F1", "#B03A2E");
        size_t used[R__COUNT * VB_ROWS], nused = 0;
        for (size_t r = R_CHANNELS * VB_ROWS; r < R__COUNT * VB_ROWS; r++)
            if (vb->rank_first[r])
                used[nused++] = r;
        if (nused == 0)
            used[nused++] = R_APPS * VB_ROWS;
        size_t n = c[EGAF_K_CONTROL];
        for (size_t i = 0; i < n; i++) {
            Agnode_t *node = vb_element(vb, sec, m->elements[EGAF_K_CONTROL][i]);
            vb_rank_add(vb, used[i * nused / n], node);
        }
    }

    /* users reach channels, channels the services, services their systems */
    users_to_channels(vb);
    for (size_t i = 0; i < c[EGAF_K_SERVICE]; i++) {
        const egaf_element *svc = m->elements[EGAF_K_SERVICE][i];
        Agnode_t *sn = vb_node_of(vb, svc);
        size_t nch = vb_refs_count(svc, EGAF_F_CHANNELS);
        size_t nact = vb_refs_count(svc, EGAF_F_ACTORS);
        for (size_t a = 0; a < nact && nch == 0; a++)
            vb_edge(vb, vb_node_of(vb, vb_local(vb, vb_ref_at(svc, EGAF_F_ACTORS, a))), sn,
                    true);
        for (size_t k = 0; k < nch; k++)
            vb_edge(vb, vb_node_of(vb, vb_local(vb, vb_ref_at(svc, EGAF_F_CHANNELS, k))), sn,
                    true);
        /* a system of another architecture ("lang-son:he-thong-tthc") is
         * drawn outside the boundary, on the applications' row */
        const char *by = egaf_element_text(svc, EGAF_F_HANDLED_BY);
        Agnode_t *system = vb_node_of(vb, vb_local(vb, by));
        if (!system && by && strchr(by, ':') && !vb_is_national(by)) {
            system = vb_target(vb, by);
            vb_layer_add(vb, R_APPS, system, vb->layer_count[R_APPS] + 1);
        }
        vb_edge(vb, sn, system, true);
    }

    /* applications use databases */
    for (size_t i = 0; i < c[EGAF_K_APPLICATION]; i++)
        vb_edges_to_local(vb, m->elements[EGAF_K_APPLICATION][i], EGAF_F_USES, "#9A7D0A");

    /* integrations: through the platform, or around it (red) */
    for (size_t i = 0; i < c[EGAF_K_INTEGRATION]; i++) {
        const egaf_element *in = m->elements[EGAF_K_INTEGRATION][i];
        Agnode_t *from = vb_node_of(vb, vb_local(vb, egaf_element_text(in, EGAF_F_FROM)));
        const char *to_ref = egaf_element_text(in, EGAF_F_TO);
        Agnode_t *via = vb_node_of(vb, vb_local(vb, egaf_element_text(in, EGAF_F_VIA)));
        Agnode_t *to = ref_node(vb, to_ref);
        const char *route = egaf_element_text(in, EGAF_F_ROUTE);
        bool bypass = route && strcmp(route, "a") != 0;
        if (via) {
            style_edge(vb, vb_edge(vb, from, via, true), "#1E8449", NULL, NULL);
            style_edge(vb, vb_edge(vb, via, to, true), "#6C3483", bypass ? "style" : NULL,
                       "dashed");
        } else if (to && vb_is_national(to_ref)) {
            style_edge(vb, vb_edge(vb, from, to, true), "#C0392B", "style", "dashed");
        }
    }

    /* platforms connect to NGSP and the national systems */
    for (size_t i = 0; i < c[EGAF_K_PLATFORM]; i++) {
        const egaf_element *p = m->elements[EGAF_K_PLATFORM][i];
        Agnode_t *pn = vb_node_of(vb, p);
        for (size_t k = 0; k < vb_refs_count(p, EGAF_F_CONNECTS); k++)
            style_edge(vb, vb_edge(vb, pn, ref_node(vb, vb_ref_at(p, EGAF_F_CONNECTS, k)), true),
                       "#6C3483", "penwidth", "1.6");
    }

    /* databases take master data from the national databases */
    for (size_t i = 0; i < c[EGAF_K_DATABASE]; i++) {
        const egaf_element *d = m->elements[EGAF_K_DATABASE][i];
        Agnode_t *dn = vb_node_of(vb, d);
        for (size_t k = 0; k < vb_refs_count(d, EGAF_F_SOURCES); k++) {
            const char *ref = vb_ref_at(d, EGAF_F_SOURCES, k);
            if (vb_is_national(ref))
                style_edge(vb, vb_edge(vb, national(vb, ref), dn, true), "#6C3483", NULL, NULL);
        }
    }

    /* the infrastructure's links (Mạng truyền số liệu chuyên dùng) */
    for (size_t i = 0; i < c[EGAF_K_INFRASTRUCTURE]; i++) {
        const egaf_element *d = m->elements[EGAF_K_INFRASTRUCTURE][i];
        Agnode_t *dn = vb_node_of(vb, d);
        for (size_t k = 0; k < vb_refs_count(d, EGAF_F_CONNECTS); k++) {
            const char *ref = vb_ref_at(d, EGAF_F_CONNECTS, k);
            if (vb_is_national(ref)) {
                Agedge_t *e = vb_edge(vb, dn, national(vb, ref), true);
                style_edge(vb, e, "#566573", "dir", "none");
                if (e)
                    vb_set(vb, e, "penwidth", "2");
            }
        }
    }
    vb_note(vb, TR(vb, "Nét đỏ đứt: kết nối không đi qua LGSP (trường hợp b, c, d — TT 13/2017).",
                   "Dashed red: a link that does not go through the LGSP (cases b, c, d of "
                   "TT 13/2017)."));
}

/* ---- render --diff -------------------------------------------------------- */

static const vb_draw draws[] = {
    {"uses", -1, false, false},
    {"integration", -1, false, false},
    {"connects", EGAF_K_PLATFORM, false, false},
    {"connects", EGAF_K_INFRASTRUCTURE, true, false},
    {"sources", -1, true, true},
};
static const vb_place places[] = {
    {EGAF_K_ACTOR, "users", true, 0, 0, true},
    {EGAF_K_CHANNEL, "channels", false, 1, 0, true},
    {EGAF_K_SERVICE, "services", false, 2, 0, true},
    {EGAF_K_APPLICATION, "applications", false, 3, 0, true},
    {EGAF_K_PLATFORM, "platforms", false, 4, 0, true},
    {EGAF_K_DATABASE, "data", false, 5, 0, true},
    {EGAF_K_INFRASTRUCTURE, "infrastructure", false, 6, 0, true},
    {EGAF_K_CONTROL, "security", false, -1, 3 * VB_ROWS, true},
};

static int national_layer(egaf_vb *vb, const char *ref)
{
    if (vb_national_is_db(vb, ref))
        return R_DATA;
    const char *cat = vb_national_category(vb, ref);
    return strcmp(cat, "network") == 0 || strcmp(cat, "data-center") == 0 ? R_INFRA
                                                                           : R_PLATFORMS;
}

const vb_diff vb_overview_diff = {VB_LIST(places), VB_LIST(draws), national_layer, -1};
