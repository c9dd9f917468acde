/* graph.c - the view builder shared by every view: ordered object ids,
 * labels, node styles, budget, ranks and legend. */
#include <stdint.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "base/i18n.h"
#include "base/utf8.h"
#include "render/graph.h"
#include "base/grow.h"

/* ---- labels ---------------------------------------------------------- */

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static bool is_dropped(unsigned char c)
{
    return (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F;
}

/* One character of a word: its byte length (>= 1) and whether it shows. */
static size_t char_at(const unsigned char *p, bool *shows)
{
    if (is_dropped(*p)) {
        *shows = false;
        return 1;
    }
    *shows = true;
    int32_t cp;
    size_t n = egaf_utf8_decode_str((const char *)p, &cp);
    return n ? n : 1;
}

static void put_char(egaf_buf *out, const unsigned char *p, size_t n)
{
    if (n == 1 && *p == '\\')
        egaf_buf_puts(out, "\\\\");
    else if (n == 1 && *p >= 0x80)
        egaf_buf_puts(out, "\xEF\xBF\xBD"); /* invalid byte: U+FFFD */
    else
        egaf_buf_add(out, (const char *)p, n);
}

size_t egaf_render_width(const char *s)
{
    size_t w = 0;
    if (!s)
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        bool shows;
        p += char_at(p, &shows);
        w += shows;
    }
    return w;
}

void egaf_render_label(egaf_buf *out, const char *text, size_t width)
{
    vb_wrap(out, text, width, "\\n");
}

void vb_wrap(egaf_buf *out, const char *text, size_t width, const char *brk)
{
    if (!text)
        return;
    if (width == 0)
        width = EGAF_RENDER_WRAP;
    const unsigned char *p = (const unsigned char *)text;
    size_t col = 0;
    bool space = false;
    while (*p) {
        if (*p == '\n') {
            egaf_buf_puts(out, brk);
            col = 0;
            space = false;
            p++;
            continue;
        }
        if (is_space(*p)) {
            space = col > 0;
            p++;
            continue;
        }
        /* a word: up to the next space or line break */
        const unsigned char *w = p;
        size_t wlen = 0;
        while (*p && *p != '\n' && !is_space(*p)) {
            bool shows;
            p += char_at(p, &shows);
            wlen += shows;
        }
        if (wlen == 0)
            continue;
        if (col > 0 && col + (space ? 1 : 0) + wlen > width) {
            egaf_buf_puts(out, brk);
            col = 0;
        } else if (space) {
            egaf_buf_putc(out, ' ');
            col++;
        }
        space = false;
        while (w < p) {
            bool shows;
            size_t n = char_at(w, &shows);
            if (shows) {
                if (col >= width) {
                    egaf_buf_puts(out, brk);
                    col = 0;
                }
                put_char(out, w, n);
                col++;
            }
            w += n;
        }
    }
}

/* ---- ordered object ids ---------------------------------------------- */

/* cgraph's default id discipline uses the address of each name's shared
 * string as the object's id, and keeps subgraphs ordered by id: the written
 * graph would then depend on the allocator. This discipline numbers names
 * in the order they are first used, so subgraphs are written (and laid out)
 * in the order the view made them. Names are still cgraph's shared strings
 * (agstrdup): cgraph reads their header (is it an HTML label?) when it
 * writes them, and frees them all when the graph closes. */
typedef struct id_state {
    Agraph_t *g;
    egaf_strmap map; /* name -> index + 1 */
    char **names;
    size_t n, cap;
    IDTYPE anon;
} id_state;

static void *id_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    id_state *s = calloc(1, sizeof(*s));
    if (s) {
        s->g = g;
        egaf_strmap_init(&s->map);
        s->anon = 1;
    }
    return s;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    id_state *s = state;
    (void)objtype;
    if (!str) {
        *id = s->anon;
        s->anon += 2;
        return 1;
    }
    size_t len = strlen(str);
    void *v = egaf_strmap_get(&s->map, str, len);
    if (v) {
        *id = (IDTYPE)(uintptr_t)v * 2;
        return 1;
    }
    if (!createflag)
        return 0;
    s->names = egaf_grow(s->names, &s->cap, s->n, sizeof(*s->names), 64);
    if (s->n == s->cap)
        return 0;
    char *copy = agstrdup(s->g, str);
    if (!copy)
        return 0;
    bool oom = false;
    egaf_strmap_put(&s->map, copy, len, (void *)(uintptr_t)(s->n + 1), &oom);
    if (oom) {
        agstrfree(s->g, copy);
        return 0;
    }
    s->names[s->n++] = copy;
    *id = (IDTYPE)s->n * 2;
    return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE request)
{
    (void)state;
    (void)objtype;
    (void)request;
    return 0;
}

static void id_free(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id; /* names live until the graph closes */
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
    id_state *s = state;
    (void)objtype;
    if (id % 2 != 0 || id == 0 || id / 2 > s->n)
        return NULL;
    return s->names[id / 2 - 1];
}

/* The state is freed by close_graph, not here: cgraph 2.43's agclose gives
 * up before calling the id discipline's close when it cannot close one of
 * the graph's dictionaries (after the dot layout's own leak), and the state
 * would leak with it. */
static void id_close(void *state)
{
    (void)state;
}

static void id_state_free(id_state *s)
{
    if (!s)
        return;
    free(s->names); /* the strings go with the graph's string dictionary */
    egaf_strmap_free(&s->map);
    free(s);
}

/* agclose for a graph opened with view_disc, and its id state. */
static void close_graph(Agraph_t *g)
{
    id_state *s = g->clos->state.id;
    agclose(g);
    id_state_free(s);
}

static void id_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

static Agiddisc_t ordered_ids = {id_open, id_map, id_alloc, id_free,
                                 id_print, id_close, id_register};

/* agwrite() into an egaf_buf: the channel is the buffer. */
static int buf_putstr(void *chan, const char *str)
{
    egaf_buf_puts(chan, str);
    return 0;
}

static int buf_flush(void *chan)
{
    return ((egaf_buf *)chan)->failed ? -1 : 0;
}

static int no_read(void *chan, char *buf, int bufsize)
{
    (void)chan;
    (void)buf;
    (void)bufsize;
    return 0;
}

static Agiodisc_t buf_io = {no_read, buf_putstr, buf_flush};
static Agdisc_t view_disc = {&AgMemDisc, &ordered_ids, &buf_io};

/* ---- names ----------------------------------------------------------- */

int egaf_out_format_parse(const char *name, egaf_out_format *out)
{
    static const char *const names[] = {"svg", "png", "dot"};
    for (int i = 0; i < 3; i++)
        if (strcmp(names[i], name) == 0) {
            *out = (egaf_out_format)i;
            return 0;
        }
    return -1;
}

/* ---- styles ---------------------------------------------------------- */

typedef struct node_style {
    const char *shape, *style, *fill, *border;
    const char *vi, *en; /* legend */
} node_style;

static const node_style styles[VS__COUNT] = {
    [VS_ACTOR] = {"ellipse", "filled", "#FDEBD0", "#BA6A1E", "Người sử dụng", "User"},
    [VS_CHANNEL] = {"box", "rounded,filled", "#FEF5D8", "#B7950B", "Kênh giao tiếp",
                    "Channel"},
    [VS_SERVICE] = {"box", "rounded,filled", "#E3F4EF", "#148F77", "Dịch vụ công",
                    "Public service"},
    [VS_APPLICATION] = {"box", "rounded,filled", "#DCEBF7", "#2874A6", "Ứng dụng, HTTT",
                        "Application"},
    [VS_PLATFORM] = {"hexagon", "filled", "#D5F2E0", "#1E8449", "Nền tảng (LGSP…)",
                     "Platform (LGSP…)"},
    [VS_DATABASE] = {"cylinder", "filled", "#FCF3CF", "#9A7D0A", "Cơ sở dữ liệu", "Database"},
    [VS_INFRASTRUCTURE] = {"box3d", "filled", "#E5E8E8", "#566573", "Hạ tầng kỹ thuật",
                           "Infrastructure"},
    [VS_CONTROL] = {"octagon", "filled", "#F9DEDC", "#B03A2E", "Biện pháp an toàn thông tin",
                    "Security control"},
    [VS_NATIONAL_SYSTEM] = {"box", "filled", "#E8DAEF", "#6C3483",
                            "Hệ thống thông tin quốc gia", "National system"},
    [VS_NATIONAL_DATABASE] = {"cylinder", "filled", "#D7BDE2", "#6C3483", "CSDL quốc gia",
                              "National database"},
    [VS_EXTERNAL] = {"box", "rounded,filled,dashed", "#FFFFFF", "#7F8C8D",
                     "Hệ thống của kiến trúc khác", "Another architecture's system"},
    [VS_UNIT] = {"tab", "filled", "#EBF5FB", "#1B4F72", "Đơn vị", "Unit"},
};

vb_style vb_style_of_kind(egaf_kind k)
{
    switch (k) {
    case EGAF_K_ACTOR:
        return VS_ACTOR;
    case EGAF_K_CHANNEL:
        return VS_CHANNEL;
    case EGAF_K_SERVICE:
    case EGAF_K_FUNCTION:
        return VS_SERVICE;
    case EGAF_K_DATABASE:
        return VS_DATABASE;
    case EGAF_K_PLATFORM:
        return VS_PLATFORM;
    case EGAF_K_INFRASTRUCTURE:
        return VS_INFRASTRUCTURE;
    case EGAF_K_CONTROL:
        return VS_CONTROL;
    case EGAF_K_UNIT:
        return VS_UNIT;
    default:
        return VS_APPLICATION;
    }
}

/* Nouns for "và N … khác", by budget group. */
static const char *group_noun(egaf_vb *vb, int g)
{
    static const char *const nouns[VB_G__COUNT][2] = {
        [EGAF_K_ACTOR] = {"người sử dụng", "users"},
        [EGAF_K_CHANNEL] = {"kênh", "channels"},
        [EGAF_K_FUNCTION] = {"chức năng", "functions"},
        [EGAF_K_SERVICE] = {"dịch vụ", "services"},
        [EGAF_K_DATABASE] = {"CSDL", "databases"},
        [EGAF_K_APPLICATION] = {"ứng dụng", "applications"},
        [EGAF_K_PLATFORM] = {"nền tảng", "platforms"},
        [EGAF_K_INFRASTRUCTURE] = {"hạ tầng", "infrastructure items"},
        [EGAF_K_CONTROL] = {"biện pháp", "controls"},
        [EGAF_K_UNIT] = {"đơn vị", "units"},
        [VB_G_NATIONAL] = {"hệ thống quốc gia", "national systems"},
        [VB_G_EXTERNAL] = {"hệ thống khác", "other systems"},
    };
    /* a group without a noun of its own is counted in elements */
    const char *const *n = g >= 0 && g < VB_G__COUNT && nouns[g][0] ? nouns[g] : NULL;
    return n ? TR(vb, n[0], n[1]) : TR(vb, "phần tử", "elements");
}

static vb_style group_style(int g)
{
    if (g == VB_G_NATIONAL)
        return VS_NATIONAL_SYSTEM;
    if (g == VB_G_EXTERNAL)
        return VS_EXTERNAL;
    return vb_style_of_kind((egaf_kind)g);
}

/* ---- builder --------------------------------------------------------- */

void vb_set(egaf_vb *vb, void *obj, const char *attr, const char *value)
{
    (void)vb;
    agsafeset(obj, (char *)attr, (char *)value, "");
}

static void declare(Agraph_t *g, int kind, const char *name, const char *def)
{
    agattr(g, kind, (char *)name, (char *)def);
}

static const char *model_name(egaf_vb *vb)
{
    const egaf_element *h = vb->model->header;
    const char *name = NULL;
    if (h) {
        if (vb->en)
            name = egaf_element_text(h, EGAF_F_NAME_EN);
        if (!name)
            name = egaf_element_text(h, EGAF_F_NAME);
    }
    return name ? name : vb->model->id;
}

int vb_init(egaf_vb *vb, const vb_view *view, const egaf_model *model, const egaf_refs *refs,
            int year, const egaf_render_options *opt, egaf_diags *diags)
{
    memset(vb, 0, sizeof(*vb));
    vb->view = view;
    vb->model = model;
    vb->refs = refs;
    vb->year = year;
    vb->en = opt && opt->lang == EGAF_LANG_EN;
    vb->budget = opt && opt->node_budget ? opt->node_budget : EGAF_RENDER_BUDGET;
    vb->edge_budget = opt && opt->edge_budget ? opt->edge_budget : EGAF_RENDER_EDGE_BUDGET;
    vb->hidden = opt ? opt->hidden : 0;
    vb->others = opt ? opt->others : NULL;
    vb->nothers = opt ? opt->nothers : 0;
    vb->diags = diags;
    egaf_strmap_init(&vb->local);
    egaf_strmap_init(&vb->seen_national);
    egaf_strmap_init(&vb->seen_external);
    egaf_buf_init(&vb->tmp);
    egaf_buf_init(&vb->label);
    egaf_buf_init(&vb->notes);
    egaf_buf_init(&vb->agency);
    for (int g = 0; g < VB_G__COUNT; g++)
        vb->cap[g] = SIZE_MAX;

    for (int k = 0; k < EGAF_K__COUNT; k++) {
        size_t n = model->counts[k];
        if (n == 0)
            continue;
        vb->nodes[k] = calloc(n, sizeof(Agnode_t *));
        if (!vb->nodes[k])
            return -1;
        for (size_t i = 0; i < n; i++) {
            const egaf_element *el = model->elements[k][i];
            bool oom = false;
            if (el->id)
                egaf_strmap_put(&vb->local, el->id, strlen(el->id), (void *)el, &oom);
            if (oom)
                return -1;
        }
    }

    egaf_buf_printf(&vb->tmp, "%s-%s", model->id ? model->id : "model", view->name);
    Agdesc_t desc = Agdirected;
    vb->g = agopen(vb->tmp.data, desc, &view_disc);
    if (!vb->g)
        return -1;
    Agraph_t *g = vb->g;
    declare(g, AGRAPH, "fontname", EGAF_RENDER_FONT);
    declare(g, AGRAPH, "fontsize", "12");
    declare(g, AGRAPH, "label", "");
    declare(g, AGRAPH, "labeljust", "l");
    declare(g, AGRAPH, "style", "");
    declare(g, AGRAPH, "fillcolor", "");
    declare(g, AGRAPH, "color", "");
    declare(g, AGRAPH, "fontcolor", "");
    declare(g, AGRAPH, "penwidth", "1");
    declare(g, AGRAPH, "margin", "");
    declare(g, AGRAPH, "rank", "");
    agset(g, "fontsize", "18");
    agset(g, "labeljust", "c");
    agsafeset(g, "labelloc", "t", "");
    agsafeset(g, "newrank", "true", "");
    agsafeset(g, "rankdir", "TB", "");
    agsafeset(g, "nodesep", "0.3", "");
    agsafeset(g, "ranksep", "0.55", "");
    agsafeset(g, "pad", "0.3", "");
    agsafeset(g, "bgcolor", "white", "");
    agsafeset(g, "outputorder", "edgesfirst", "");
    agsafeset(g, "charset", "UTF-8", "");

    const node_style *app = &styles[VS_APPLICATION];
    declare(g, AGNODE, "fontname", EGAF_RENDER_FONT);
    declare(g, AGNODE, "fontsize", "10");
    declare(g, AGNODE, "label", "\\N");
    declare(g, AGNODE, "shape", app->shape);
    declare(g, AGNODE, "style", app->style);
    declare(g, AGNODE, "fillcolor", app->fill);
    declare(g, AGNODE, "color", app->border);
    declare(g, AGNODE, "fontcolor", "#1B2631");
    declare(g, AGNODE, "peripheries", "1");
    declare(g, AGNODE, "margin", "0.12,0.06");
    declare(g, AGNODE, "penwidth", "1.2");
    declare(g, AGNODE, "width", "0.75");
    declare(g, AGNODE, "height", "0.5");

    declare(g, AGEDGE, "fontname", EGAF_RENDER_FONT);
    declare(g, AGEDGE, "fontsize", "8");
    declare(g, AGEDGE, "label", "");
    declare(g, AGEDGE, "color", "#5D6D7E");
    declare(g, AGEDGE, "fontcolor", "#34495E");
    declare(g, AGEDGE, "style", "");
    declare(g, AGEDGE, "arrowsize", "0.6");
    declare(g, AGEDGE, "penwidth", "1");
    declare(g, AGEDGE, "weight", "1");
    declare(g, AGEDGE, "minlen", "1");
    declare(g, AGEDGE, "constraint", "true");
    declare(g, AGEDGE, "dir", "forward");
    declare(g, AGEDGE, "arrowhead", "normal");

    egaf_buf_reset(&vb->tmp);
    egaf_buf_reset(&vb->label);
    egaf_render_label(&vb->label, model_name(vb), 70);
    egaf_buf_puts(&vb->label, "\\n");
    egaf_buf_printf(&vb->tmp, "%s (%s %s, %s %d)", TR(vb, view->title_vi, view->title_en),
                    TR(vb, "Khung", "Framework"),
                    model->framework.s ? model->framework.s : "2.0", TR(vb, "năm", "year"),
                    year);
    egaf_render_label(&vb->label, vb->tmp.data, 90);
    agset(g, "label", vb->label.data);
    return 0;
}

void vb_free(egaf_vb *vb)
{
    for (int k = 0; k < EGAF_K__COUNT; k++)
        free(vb->nodes[k]);
    egaf_strmap_free(&vb->local);
    egaf_strmap_free(&vb->seen_national);
    egaf_strmap_free(&vb->seen_external);
    egaf_buf_free(&vb->tmp);
    egaf_buf_free(&vb->label);
    egaf_buf_free(&vb->notes);
    egaf_buf_free(&vb->agency);
    if (vb->g)
        close_graph(vb->g);
    vb->g = NULL;
}

Agraph_t *vb_cluster(egaf_vb *vb, Agraph_t *parent, const char *key, const char *title,
                     const char *fill, const char *border)
{
    egaf_buf_reset(&vb->tmp);
    egaf_buf_printf(&vb->tmp, "cluster_%s", key);
    Agraph_t *c = agsubg(parent, vb->tmp.data, 1);
    if (!c) {
        vb->failed = true;
        return parent;
    }
    egaf_buf_reset(&vb->label);
    egaf_render_label(&vb->label, title, 60);
    vb_set(vb, c, "label", vb->label.data ? vb->label.data : "");
    vb_set(vb, c, "style", fill ? "rounded,filled" : "rounded");
    if (fill)
        vb_set(vb, c, "fillcolor", fill);
    vb_set(vb, c, "color", border);
    vb_set(vb, c, "fontcolor", border);
    vb_set(vb, c, "margin", "10");
    return c;
}

static Agraph_t *external_cluster(egaf_vb *vb);

/* The boundary's title: the agency ("Tỉnh Cao Bằng", "Bộ Y tế") from the
 * reference models, else the architecture's name. */
static const char *place_name(egaf_vb *vb, const egaf_ref_entry *a, egaf_buf *out);

/* The agency a model belongs to, as a place is named ("Tỉnh Lạng Sơn"), into
 * out; NULL when the reference data does not know it. */
static const char *agency_of(egaf_vb *vb, const egaf_model *m, egaf_buf *out)
{
    const egaf_element *h = m->header;
    const char *code = h ? egaf_element_text(h, EGAF_F_AGENCY) : NULL;
    const egaf_ref_entry *a =
        vb->refs && code ? egaf_refs_agency(vb->refs, code, vb->year) : NULL;
    if (!a && vb->refs && m != vb->model && m->id)
        a = egaf_refs_agency(vb->refs, m->id, vb->year);
    return place_name(vb, a, out);
}

/* An agency of the reference data as a place is named, into out; NULL
 * for none. */
static const char *place_name(egaf_vb *vb, const egaf_ref_entry *a, egaf_buf *out)
{
    if (!a || !a->name)
        return NULL;
    const char *name = vb->en && a->name_en ? a->name_en : a->name;
    egaf_buf_reset(out);
    const char *prefix = vb->en ? (a->municipality ? "City of" : "Province of")
                                : (a->municipality ? "Thành phố" : "Tỉnh");
    /* names that already say what they are ("Thành phố Hồ Chí Minh",
     * "Ho Chi Minh City") are not prefixed again */
    bool named = strncmp(name, "Thành phố", strlen("Thành phố")) == 0 ||
                 strstr(name, " City") != NULL;
    if (a->level && strcmp(a->level, "province") == 0 && !named)
        egaf_buf_printf(out, "%s %s", prefix, name);
    else
        egaf_buf_puts(out, name);
    return out->data;
}

static const char *agency_name(egaf_vb *vb)
{
    const char *name = agency_of(vb, vb->model, &vb->agency);
    return name ? name : model_name(vb);
}

Agraph_t *vb_boundary(egaf_vb *vb)
{
    if (!vb->boundary) {
        vb->boundary = vb_cluster(vb, vb->g, "agency", agency_name(vb), NULL, "#1F4E79");
        vb_set(vb, vb->boundary, "penwidth", "2");
        vb_set(vb, vb->boundary, "fontsize", "14");
        vb_set(vb, vb->boundary, "margin", "14");
        /* the clusters outside the boundary come next, so DOT lists each
         * node in its cluster before the rank groups name it */
        if (vb->planned[VB_G_NATIONAL])
            vb_national_cluster(vb);
        if (vb->planned[VB_G_EXTERNAL])
            external_cluster(vb);
    }
    return vb->boundary;
}

Agraph_t *vb_national_cluster(egaf_vb *vb)
{
    if (!vb->national)
        vb->national = vb_cluster(vb, vb->g, "national",
                                  TR(vb, "Hệ thống thông tin, CSDL quốc gia",
                                     "National systems and databases"),
                                  "#F7F0FA", "#6C3483");
    return vb->national;
}

static Agraph_t *external_cluster(egaf_vb *vb)
{
    if (!vb->external)
        vb->external = vb_cluster(vb, vb->g, "external",
                                  TR(vb, "Kiến trúc khác", "Other architectures"), "#FBFCFC",
                                  "#7F8C8D");
    return vb->external;
}

/* ---- ranks ----------------------------------------------------------- */

size_t vb_capped(egaf_vb *vb, int group, size_t count)
{
    if (group < 0 || group >= VB_G__COUNT || count <= vb->cap[group])
        return count;
    return vb->cap[group] + 1;
}

bool vb_ranked(egaf_vb *vb, Agnode_t *n)
{
    for (size_t i = 0; i < VB_MAX_RANKS; i++)
        if (vb->rank[i] && agsubnode(vb->rank[i], n, 0))
            return true;
    return false;
}

void vb_layer_add(egaf_vb *vb, size_t layer, Agnode_t *n, size_t total)
{
    if (!n || layer >= VB_MAX_LAYERS || vb_ranked(vb, n))
        return;
    size_t width = VB_ROW_WIDTH;
    if (total > VB_ROWS * VB_ROW_WIDTH)
        width = (total + VB_ROWS - 1) / VB_ROWS;
    size_t row = vb->layer_count[layer]++ / width;
    if (row >= VB_ROWS)
        row = VB_ROWS - 1;
    vb_rank_add(vb, layer * VB_ROWS + row, n);
}

void vb_rank_add(egaf_vb *vb, size_t rank, Agnode_t *n)
{
    if (!n || rank >= VB_MAX_RANKS || vb_ranked(vb, n))
        return; /* a node keeps its first rank */
    if (!vb->rank[rank]) {
        egaf_buf_reset(&vb->tmp);
        egaf_buf_printf(&vb->tmp, "rank_%zu", rank);
        vb->rank[rank] = agsubg(vb->g, vb->tmp.data, 1);
        if (!vb->rank[rank]) {
            vb->failed = true;
            return;
        }
        agset(vb->rank[rank], "rank", "same");
    }
    agsubnode(vb->rank[rank], n, 1);
    if (!vb->rank_first[rank])
        vb->rank_first[rank] = n;
}

void vb_order_ranks(egaf_vb *vb)
{
    Agnode_t *prev = NULL;
    for (size_t i = 0; i < VB_MAX_RANKS; i++) {
        Agnode_t *n = vb->rank_first[i];
        if (!n)
            continue;
        if (prev && prev != n && !agedge(vb->g, prev, n, NULL, 0)) {
            Agedge_t *e = agedge(vb->g, prev, n, NULL, 1);
            if (e) {
                agset(e, "style", "invis");
                agset(e, "weight", "0");
            }
        }
        prev = n;
    }
}

/* ---- budget ---------------------------------------------------------- */

void vb_plan(egaf_vb *vb, int group, size_t count)
{
    if (group >= 0 && group < VB_G__COUNT)
        vb->planned[group] += count;
}

void vb_plan_ref(egaf_vb *vb, const char *ref)
{
    if (!ref)
        return;
    bool oom = false;
    if (strncmp(ref, "national:", 9) == 0) {
        egaf_strmap_put(&vb->seen_national, ref + 9, strlen(ref + 9), (void *)ref, &oom);
    } else if (!vb_local(vb, ref) && strchr(ref, ':')) {
        egaf_strmap_put(&vb->seen_external, ref, strlen(ref), (void *)ref, &oom);
    }
    if (oom)
        vb->failed = true;
}

void vb_plan_refs(egaf_vb *vb, egaf_kind kind, egaf_field field)
{
    for (size_t i = 0; i < vb->model->counts[kind]; i++) {
        const egaf_element *el = vb->model->elements[kind][i];
        size_t n = vb_refs_count(el, field);
        for (size_t j = 0; j < n; j++)
            vb_plan_ref(vb, vb_ref_at(el, field, j));
    }
}

/* The legend's nodes: one per style used, planned, retired and the notes.
 * Units are drawn only in the organisation view, which draws nothing else
 * but other architectures' units, so no legend has every style: one style
 * line fewer (and the other views keep the budget they had before units). */
#define LEGEND_NODES (VS__COUNT - 1 + 3)

void vb_apply_budget(egaf_vb *vb, size_t reserved)
{
    vb->planned[VB_G_NATIONAL] += vb->seen_national.count;
    vb->planned[VB_G_EXTERNAL] += vb->seen_external.count;
    size_t total = 0, most = 0;
    for (int g = 0; g < VB_G__COUNT; g++) {
        total += vb->planned[g];
        if (vb->planned[g] > most)
            most = vb->planned[g];
    }
    reserved += LEGEND_NODES;
    size_t room = vb->budget > reserved ? vb->budget - reserved : 0;
    if (total <= room)
        return;
    /* the largest per-group cap that fits, a summary node per capped group */
    size_t best = 0;
    for (size_t cap = 1; cap <= most; cap++) {
        size_t need = 0;
        for (int g = 0; g < VB_G__COUNT; g++)
            need += vb->planned[g] > cap ? cap + 1 : vb->planned[g];
        if (need > room)
            break;
        best = cap;
    }
    for (int g = 0; g < VB_G__COUNT; g++)
        if (vb->planned[g] > best)
            vb->cap[g] = best;
}

/* ---- references ------------------------------------------------------ */

bool vb_is_national(const char *ref)
{
    return ref && strncmp(ref, "national:", 9) == 0;
}

size_t vb_refs_count(const egaf_element *el, egaf_field field)
{
    const egaf_value *v = egaf_element_get(el, field);
    if (!v)
        return 0;
    if (v->type == EGAF_FT_REF)
        return v->u.str.s ? 1 : 0;
    if (v->type == EGAF_FT_REFS || v->type == EGAF_FT_TEXTS || v->type == EGAF_FT_IDS)
        return v->u.list.count;
    return 0;
}

const char *vb_ref_at(const egaf_element *el, egaf_field field, size_t i)
{
    const egaf_value *v = egaf_element_get(el, field);
    if (!v)
        return NULL;
    if (v->type == EGAF_FT_REF)
        return i == 0 ? v->u.str.s : NULL;
    if ((v->type == EGAF_FT_REFS || v->type == EGAF_FT_TEXTS || v->type == EGAF_FT_IDS) &&
        i < v->u.list.count)
        return v->u.list.items[i].s;
    return NULL;
}

void vb_edges_to_local(egaf_vb *vb, const egaf_element *el, egaf_field field, const char *color)
{
    Agnode_t *from = vb_node_of(vb, el);
    for (size_t i = 0; i < vb_refs_count(el, field); i++) {
        Agedge_t *e =
            vb_edge(vb, from, vb_node_of(vb, vb_local(vb, vb_ref_at(el, field, i))), true);
        if (e)
            vb_set(vb, e, "color", color);
    }
}

const egaf_element *vb_local(egaf_vb *vb, const char *ref)
{
    if (!ref)
        return NULL;
    const char *colon = strchr(ref, ':');
    if (colon) {
        const char *own = vb->model->id;
        size_t plen = (size_t)(colon - ref);
        if (!own || strlen(own) != plen || strncmp(own, ref, plen) != 0)
            return NULL;
        ref = colon + 1;
    }
    return egaf_strmap_get(&vb->local, ref, strlen(ref));
}

int vb_security_level(const egaf_element *el)
{
    const egaf_value *v = egaf_element_get(el, EGAF_F_SECURITY_LEVEL);
    if (!v || v->type != EGAF_FT_INT || v->u.num < 1 || v->u.num > 5)
        return 0;
    return (int)v->u.num;
}

/* ---- nodes ----------------------------------------------------------- */

const char *vb_name(egaf_vb *vb, const egaf_element *el)
{
    const char *name = NULL;
    if (vb->en)
        name = egaf_element_text(el, EGAF_F_NAME_EN);
    if (!name)
        name = el->name;
    if (!name)
        name = el->id;
    return name ? name : el->display;
}

static const char *status_of(const egaf_element *el)
{
    const char *s = egaf_element_text(el, EGAF_F_STATUS);
    return s ? s : "existing";
}

const char *vb_element_label(egaf_vb *vb, const egaf_element *el, const char *extra)
{
    egaf_buf_reset(&vb->label);
    egaf_render_label(&vb->label, vb_name(vb, el), EGAF_RENDER_WRAP);
    if (strcmp(status_of(el), "retired") == 0) {
        egaf_buf_puts(&vb->label, "\\n");
        egaf_render_label(&vb->label, TR(vb, "(ngừng)", "(retired)"), 0);
    }
    if (extra && *extra) {
        egaf_buf_puts(&vb->label, "\\n");
        egaf_render_label(&vb->label, extra, EGAF_RENDER_WRAP + 6);
    }
    return vb->label.data ? vb->label.data : "";
}

static void apply_style(egaf_vb *vb, Agnode_t *n, vb_style s)
{
    const node_style *st = &styles[s];
    agset(n, "shape", (char *)st->shape);
    agset(n, "style", (char *)st->style);
    agset(n, "fillcolor", (char *)st->fill);
    agset(n, "color", (char *)st->border);
    if (s == VS_NATIONAL_SYSTEM)
        agset(n, "peripheries", "2");
    vb->used[s] = true;
}

static void apply_status(egaf_vb *vb, Agnode_t *n, const egaf_element *el)
{
    const char *st = status_of(el);
    if (strcmp(st, "planned") == 0) {
        egaf_buf_reset(&vb->tmp);
        egaf_buf_printf(&vb->tmp, "%s,dashed", agget(n, "style"));
        agset(n, "style", vb->tmp.data);
        vb->used_planned = true;
    } else if (strcmp(st, "retired") == 0) {
        agset(n, "fillcolor", "#EEEEEE");
        agset(n, "color", "#A6ACAF");
        agset(n, "fontcolor", "#7F8C8D");
        vb->used_retired = true;
    }
}

/* A node name not used yet: name, else name~2, name~3… */
static Agnode_t *new_node(egaf_vb *vb, Agraph_t *cluster, const char *name)
{
    egaf_buf_reset(&vb->tmp);
    egaf_buf_puts(&vb->tmp, name);
    for (int i = 2; agnode(vb->g, vb->tmp.data, 0); i++) {
        egaf_buf_reset(&vb->tmp);
        egaf_buf_printf(&vb->tmp, "%s~%d", name, i);
    }
    if (vb->tmp.failed) {
        vb->failed = true;
        return NULL;
    }
    Agnode_t *n = agnode(cluster, vb->tmp.data, 1);
    if (!n)
        vb->failed = true;
    return n;
}

Agnode_t *vb_plain_node(egaf_vb *vb, Agraph_t *cluster, const char *name, const char *label,
                        vb_style style)
{
    Agnode_t *n = new_node(vb, cluster, name);
    if (!n)
        return NULL;
    apply_style(vb, n, style);
    agset(n, "label", (char *)label);
    return n;
}

Agnode_t *vb_node_of(egaf_vb *vb, const egaf_element *el)
{
    if (!el || el->kind >= EGAF_K__COUNT || !vb->nodes[el->kind] ||
        el->index >= vb->model->counts[el->kind])
        return NULL;
    return vb->nodes[el->kind][el->index];
}

void vb_set_node(egaf_vb *vb, const egaf_element *el, Agnode_t *n)
{
    if (el && el->kind < EGAF_K__COUNT && vb->nodes[el->kind] &&
        el->index < vb->model->counts[el->kind])
        vb->nodes[el->kind][el->index] = n;
}

/* The summary node of a group ("và N … khác"), made on first use; its
 * label is written by vb_finish() once N is known. */
static Agnode_t *summary_node(egaf_vb *vb, Agraph_t *cluster, int group)
{
    vb->summarised[group]++;
    if (vb->summary[group])
        return vb->summary[group];
    char name[32];
    snprintf(name, sizeof name, "_more_%d", group);
    Agnode_t *n = vb_plain_node(vb, cluster, name, "", group_style(group));
    if (n) {
        egaf_buf_reset(&vb->tmp);
        egaf_buf_printf(&vb->tmp, "%s,dotted", agget(n, "style"));
        agset(n, "style", vb->tmp.data);
        agset(n, "fillcolor", "#FFFFFF");
        agset(n, "peripheries", "1");
    }
    vb->summary[group] = n;
    vb->summary_in[group] = cluster;
    return n;
}

Agnode_t *vb_element(egaf_vb *vb, Agraph_t *cluster, const egaf_element *el)
{
    return vb_element_x(vb, cluster, el, NULL);
}

Agnode_t *vb_element_x(egaf_vb *vb, Agraph_t *cluster, const egaf_element *el,
                       const char *extra)
{
    Agnode_t *n = vb_node_of(vb, el);
    if (n || !el || el->kind >= EGAF_K__COUNT)
        return n;
    int group = (int)el->kind;
    if (vb->shown[group] >= vb->cap[group]) {
        n = summary_node(vb, cluster, group);
    } else {
        vb->shown[group]++;
        char fallback[48];
        const char *name = el->id;
        if (!name) {
            snprintf(fallback, sizeof fallback, "_%s_%zu", egaf_kind_info(el->kind)->noun,
                     el->index + 1);
            name = fallback;
        }
        n = new_node(vb, cluster, name);
        if (!n)
            return NULL;
        apply_style(vb, n, vb_style_of_kind(el->kind));
        apply_status(vb, n, el);
        agset(n, "label", (char *)vb_element_label(vb, el, extra));
    }
    vb_set_node(vb, el, n);
    return n;
}

static const egaf_ref_entry *national_entry(egaf_vb *vb, const char *id)
{
    if (!vb->refs)
        return NULL;
    const egaf_ref_entry *e = egaf_refs_find(vb->refs, id);
    if (e && e->kind != EGAF_RK_SHARED_SYSTEM && e->kind != EGAF_RK_NATIONAL_DATABASE)
        return NULL;
    return e;
}

bool vb_national_is_db(egaf_vb *vb, const char *id)
{
    if (strncmp(id, "national:", 9) == 0)
        id += 9;
    const egaf_ref_entry *e = national_entry(vb, id);
    if (e)
        return e->kind == EGAF_RK_NATIONAL_DATABASE;
    return strncmp(id, "csdl-", 5) == 0;
}

const char *vb_national_category(egaf_vb *vb, const char *id)
{
    if (strncmp(id, "national:", 9) == 0)
        id += 9;
    const egaf_ref_entry *e = national_entry(vb, id);
    if (e && e->category)
        return e->category;
    if (strcmp(id, "tslcd") == 0)
        return "network";
    if (strcmp(id, "ngsp") == 0)
        return "integration-platform";
    return vb_national_is_db(vb, id) ? "database" : "";
}

Agnode_t *vb_national(egaf_vb *vb, const char *id)
{
    if (strncmp(id, "national:", 9) == 0)
        id += 9;
    Agraph_t *cl = vb_national_cluster(vb);
    egaf_buf_reset(&vb->tmp);
    egaf_buf_printf(&vb->tmp, "national:%s", id);
    char *name = strdup(vb->tmp.data ? vb->tmp.data : "");
    if (!name) {
        vb->failed = true;
        return NULL;
    }
    Agnode_t *n = agnode(vb->g, name, 0);
    if (n) {
        free(name);
        return n;
    }
    if (vb->shown[VB_G_NATIONAL] >= vb->cap[VB_G_NATIONAL]) {
        /* a lookup table of summarised ids is not needed: each call for the
         * same id counts once more, which only affects N in the label */
        free(name);
        return summary_node(vb, cl, VB_G_NATIONAL);
    }
    vb->shown[VB_G_NATIONAL]++;
    n = new_node(vb, cl, name);
    free(name);
    if (!n)
        return NULL;
    const egaf_ref_entry *e = national_entry(vb, id);
    bool db = vb_national_is_db(vb, id);
    apply_style(vb, n, db ? VS_NATIONAL_DATABASE : VS_NATIONAL_SYSTEM);
    egaf_buf_reset(&vb->label);
    if (e) {
        const char *name_text = vb->en && e->name_en ? e->name_en : e->name;
        egaf_render_label(&vb->label, name_text ? name_text : id, EGAF_RENDER_WRAP);
        if (e->abbr) {
            egaf_buf_puts(&vb->label, "\\n");
            egaf_buf_reset(&vb->tmp);
            egaf_buf_printf(&vb->tmp, "(%s)", e->abbr);
            egaf_render_label(&vb->label, vb->tmp.data, EGAF_RENDER_WRAP);
        }
        if (vb->year && !egaf_ref_valid_in(e, vb->year)) {
            egaf_buf_reset(&vb->tmp);
            egaf_buf_printf(&vb->tmp, "%s,dashed", agget(n, "style"));
            agset(n, "style", vb->tmp.data);
            egaf_buf_puts(&vb->label, "\\n");
            egaf_buf_reset(&vb->tmp);
            egaf_buf_printf(&vb->tmp, TR(vb, "(chưa có năm %d)", "(not in %d)"), vb->year);
            egaf_render_label(&vb->label, vb->tmp.data, EGAF_RENDER_WRAP);
        }
    } else {
        egaf_render_label(&vb->label, id, EGAF_RENDER_WRAP);
        if (vb->refs) { /* the reference models do not know it */
            egaf_buf_puts(&vb->label, "\\n");
            egaf_render_label(&vb->label, TR(vb, "(không có trong mô hình tham chiếu)",
                                             "(not in the reference models)"),
                              EGAF_RENDER_WRAP);
            agset(n, "color", "#C0392B");
            egaf_buf_reset(&vb->tmp);
            egaf_buf_printf(&vb->tmp, "%s,dashed", agget(n, "style"));
            agset(n, "style", vb->tmp.data);
        }
    }
    agset(n, "label", vb->label.data ? vb->label.data : "");
    return n;
}

/* The label of a reference into another architecture ("lang-son:cong-dvc"):
 * the element's name and its architecture's agency, from the other models
 * the caller gave (consolidate: every model it loaded; render: --with);
 * without them the agency the reference data names like the prefix, with
 * the element's id; else the reference as written. Into vb->label. */
static void external_label(egaf_vb *vb, const char *ref)
{
    const char *colon = strchr(ref, ':');
    size_t plen = colon ? (size_t)(colon - ref) : 0;
    const egaf_model *other = NULL;
    for (size_t i = 0; colon && i < vb->nothers && !other; i++) {
        const egaf_model *o = vb->others[i];
        if (o && o->id && strlen(o->id) == plen && memcmp(o->id, ref, plen) == 0)
            other = o;
    }
    const egaf_element *el = NULL;
    for (int k = 0; other && k < EGAF_K_ARCHITECTURE && !el; k++)
        for (size_t i = 0; i < other->counts[k] && !el; i++)
            if (other->elements[k][i]->id && strcmp(other->elements[k][i]->id, colon + 1) == 0)
                el = other->elements[k][i];
    egaf_buf agency;
    egaf_buf_init(&agency);
    const char *where = NULL;
    if (other)
        where = agency_of(vb, other, &agency);
    else if (colon && vb->refs) {
        egaf_buf prefix;
        egaf_buf_init(&prefix);
        egaf_buf_add(&prefix, ref, plen);
        where = place_name(
            vb, prefix.data ? egaf_refs_agency(vb->refs, prefix.data, vb->year) : NULL, &agency);
        egaf_buf_free(&prefix);
    }
    if (other && !where)
        where = other->id;
    egaf_buf_reset(&vb->label);
    if (el)
        egaf_render_label(&vb->label, vb_name(vb, el), EGAF_RENDER_WRAP);
    else
        egaf_render_label(&vb->label, where ? colon + 1 : ref, EGAF_RENDER_WRAP);
    if (where) {
        egaf_buf_puts(&vb->label, "\\n");
        egaf_buf_reset(&vb->tmp);
        egaf_buf_printf(&vb->tmp, "(%s)", where);
        egaf_render_label(&vb->label, vb->tmp.data, EGAF_RENDER_WRAP + 6);
    }
    if (agency.failed || vb->tmp.failed)
        vb->failed = true;
    egaf_buf_free(&agency);
}

static Agnode_t *external_node(egaf_vb *vb, const char *ref)
{
    Agnode_t *n = agnode(vb->g, (char *)ref, 0);
    if (n)
        return n;
    Agraph_t *cl = external_cluster(vb);
    if (vb->shown[VB_G_EXTERNAL] >= vb->cap[VB_G_EXTERNAL])
        return summary_node(vb, cl, VB_G_EXTERNAL);
    vb->shown[VB_G_EXTERNAL]++;
    n = new_node(vb, cl, ref);
    if (!n)
        return NULL;
    apply_style(vb, n, VS_EXTERNAL);
    external_label(vb, ref);
    agset(n, "label", vb->label.data ? vb->label.data : "");
    return n;
}

Agnode_t *vb_target(egaf_vb *vb, const char *ref)
{
    if (!ref || !*ref)
        return NULL;
    if (strncmp(ref, "national:", 9) == 0)
        return ref[9] ? vb_national(vb, ref + 9) : NULL;
    const egaf_element *el = vb_local(vb, ref);
    if (el)
        return vb_node_of(vb, el);
    if (strchr(ref, ':'))
        return external_node(vb, ref);
    return NULL;
}

Agedge_t *vb_edge(egaf_vb *vb, Agnode_t *t, Agnode_t *h, bool dedupe)
{
    if (!t || !h || t == h)
        return NULL;
    bool spent = vb->edges >= vb->edge_budget;
    if (dedupe || spent) {
        Agedge_t *e = agedge(vb->g, t, h, NULL, 0);
        if (e)
            return e;
    }
    if (spent) {
        vb->edges_left_out++;
        return NULL;
    }
    Agedge_t *e = agedge(vb->g, t, h, NULL, 1);
    if (!e)
        vb->failed = true;
    else
        vb->edges++;
    return e;
}

void vb_note(egaf_vb *vb, const char *text)
{
    vb_wrap(&vb->notes, text, 64, "\\l");
    egaf_buf_puts(&vb->notes, "\\l");
}

/* ---- finish ---------------------------------------------------------- */

/* A legend entry in a row: a flat invisible edge from the previous entry
 * keeps the row in the order written. */
static void legend_add(egaf_vb *vb, size_t rank, Agnode_t *n, Agnode_t **prev)
{
    vb_rank_add(vb, rank, n);
    if (n && *prev) {
        Agedge_t *e = agedge(vb->g, *prev, n, NULL, 1);
        if (e)
            agset(e, "style", "invis");
    }
    *prev = n;
}

/* The legend's entries of each layer `--hide` can leave out. */
static const struct {
    vb_style style;
    unsigned hidden;
} legend_layers[] = {
    {VS_ACTOR, 1u << EGAF_S_BUSINESS},
    {VS_CHANNEL, 1u << EGAF_S_BUSINESS},
    {VS_SERVICE, 1u << EGAF_S_BUSINESS},
    {VS_APPLICATION, 1u << EGAF_S_APPLICATION},
    {VS_PLATFORM, 1u << EGAF_S_APPLICATION},
    {VS_DATABASE, 1u << EGAF_S_DATA},
    {VS_INFRASTRUCTURE, 1u << EGAF_S_TECHNOLOGY},
    {VS_CONTROL, 1u << EGAF_S_SECURITY},
    {VS_NATIONAL_SYSTEM, EGAF_HIDE_NATIONAL},
    {VS_NATIONAL_DATABASE, EGAF_HIDE_NATIONAL},
};

/* Fill by security level (NĐ 85/2016/NĐ-CP): not given, 1–2, 3, 4–5. */
static const struct {
    const char *fill, *vi, *en;
} level_fills[4] = {
    {"#FFFFFF", "Chưa xác định cấp độ", "Level not given"},
    {"#D5F5E3", "Cấp độ 1–2", "Level 1–2"},
    {"#FAD7A0", "Cấp độ 3", "Level 3"},
    {"#F5B7B1", "Cấp độ 4–5", "Level 4–5"},
};

void vb_fill_level(egaf_vb *vb, Agnode_t *n, int level)
{
    size_t i = level <= 0 ? 0 : level <= 2 ? 1 : level == 3 ? 2 : 3;
    agset(n, "fillcolor", (char *)level_fills[i].fill);
    vb->level_used[i] = true;
}

static bool style_hidden(const egaf_vb *vb, int style)
{
    for (size_t i = 0; i < sizeof legend_layers / sizeof legend_layers[0]; i++)
        if ((int)legend_layers[i].style == style && (vb->hidden & legend_layers[i].hidden))
            return true;
    return false;
}

static void legend(egaf_vb *vb, size_t rank)
{
    Agnode_t *prev = NULL;
    Agraph_t *cl = vb_cluster(vb, vb->g, "legend", TR(vb, "Chú giải", "Legend"), "#FFFFFF",
                              "#909497");
    vb_set(vb, cl, "fontsize", "11");
    for (int s = 0; s < VS__COUNT; s++) {
        if (!vb->used[s] || style_hidden(vb, s))
            continue;
        char name[32];
        snprintf(name, sizeof name, "_legend_%d", s);
        egaf_buf_reset(&vb->label);
        egaf_render_label(&vb->label, vb->en ? styles[s].en : styles[s].vi, 16);
        Agnode_t *n = vb_plain_node(vb, cl, name, vb->label.data, (vb_style)s);
        if (n && vb->fill_by_level && s != VS_CONTROL)
            agset(n, "fillcolor", "#FFFFFF");
        legend_add(vb, rank, n, &prev);
    }
    prev = NULL;
    for (size_t i = 0; vb->fill_by_level && i < 4; i++) {
        if (!vb->level_used[i])
            continue;
        char name[32];
        snprintf(name, sizeof name, "_legend_level_%zu", i);
        egaf_buf_reset(&vb->label);
        egaf_render_label(&vb->label, vb->en ? level_fills[i].en : level_fills[i].vi, 16);
        Agnode_t *n = vb_plain_node(vb, cl, name, vb->label.data, VS_APPLICATION);
        if (n) {
            agset(n, "shape", "box");
            agset(n, "style", "filled");
            agset(n, "fillcolor", (char *)level_fills[i].fill);
            agset(n, "color", "#566573");
        }
        legend_add(vb, rank + 1, n, &prev);
    }
    if (vb->used_planned) {
        egaf_buf_reset(&vb->label);
        egaf_render_label(&vb->label, TR(vb, "Dự kiến xây dựng (nét đứt)", "Planned (dashed)"),
                          16);
        Agnode_t *n = vb_plain_node(vb, cl, "_legend_planned", vb->label.data, VS_APPLICATION);
        if (n) {
            agset(n, "style", "rounded,filled,dashed");
            agset(n, "fillcolor", "#FFFFFF");
        }
        legend_add(vb, rank + 1, n, &prev);
    }
    if (vb->used_retired) {
        egaf_buf_reset(&vb->label);
        egaf_render_label(&vb->label, TR(vb, "Ngừng sử dụng (xám)", "Retired (grey)"), 16);
        Agnode_t *n = vb_plain_node(vb, cl, "_legend_retired", vb->label.data, VS_APPLICATION);
        if (n) {
            agset(n, "fillcolor", "#EEEEEE");
            agset(n, "color", "#A6ACAF");
            agset(n, "fontcolor", "#7F8C8D");
        }
        legend_add(vb, rank + 1, n, &prev);
    }
    if (vb->notes.len) {
        Agnode_t *n = vb_plain_node(vb, cl, "_legend_notes", vb->notes.data, VS_APPLICATION);
        if (n) {
            agset(n, "shape", "plaintext");
            agset(n, "style", "");
            agset(n, "peripheries", "0");
            agset(n, "fontsize", "9");
        }
        legend_add(vb, rank + 1, n, &prev);
    }
}

void vb_page(egaf_vb *vb, Agraph_t *g, const egaf_render_options *options)
{
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++) {
        int section = egaf_section_find(egaf_kind_info((egaf_kind)k)->section);
        if (section < 0 || !(options->hidden & (1u << section)) || !vb->nodes[k])
            continue;
        for (size_t i = 0; i < vb->model->counts[k]; i++)
            if (vb->nodes[k][i])
                agdelnode(g, vb->nodes[k][i]);
    }
    if ((options->hidden & EGAF_HIDE_NATIONAL) && vb->national)
        for (Agnode_t *n = agfstnode(vb->national), *next; n; n = next) {
            next = agnxtnode(vb->national, n);
            agdelnode(g, n);
        }
    /* the text area of a landscape page less a caption's lines: A4's is
     * 257 x 170 mm; A3's is A4's times the square root of two */
    if (options->paper == EGAF_PAPER_A4)
        agsafeset(g, "size", "10.1,6.3", "");
    else if (options->paper == EGAF_PAPER_A3)
        agsafeset(g, "size", "14.3,8.9", "");
    if (options->dpi) {
        char dpi[16];
        snprintf(dpi, sizeof dpi, "%u", options->dpi);
        agsafeset(g, "dpi", dpi, "");
    }
}

Agraph_t *vb_finish(egaf_vb *vb)
{
    if (vb->failed)
        return NULL;
    /* labels of the summary nodes, and the budget note */
    egaf_buf what;
    egaf_buf_init(&what);
    for (int g = 0; g < VB_G__COUNT; g++) {
        if (!vb->summary[g])
            continue;
        /* national and external lookups may count one id more than once */
        size_t n = vb->summarised[g];
        if (g == VB_G_NATIONAL || g == VB_G_EXTERNAL)
            n = vb->planned[g] > vb->shown[g] ? vb->planned[g] - vb->shown[g] : n;
        egaf_buf_reset(&vb->tmp);
        egaf_buf_printf(&vb->tmp, TR(vb, "và %zu %s khác", "and %zu more %s"), n,
                        group_noun(vb, g));
        egaf_buf_reset(&vb->label);
        egaf_render_label(&vb->label, vb->tmp.data, EGAF_RENDER_WRAP);
        agset(vb->summary[g], "label", vb->label.data);
        egaf_buf_printf(&what, "%s%s", what.len ? ", " : "", vb->tmp.data);
    }
    if (what.len) {
        egaf_buf_reset(&vb->tmp);
        egaf_buf_printf(&vb->tmp,
                        TR(vb, "Sơ đồ rút gọn (giới hạn %zu nút): %s.",
                           "Diagram summarised (limit of %zu nodes): %s."),
                        vb->budget, what.data);
        vb_note(vb, vb->tmp.data);
        egaf_diag_at(vb->diags, "render.budget", vb->model->path, 0, 0, NULL,
                     _("the %s view of '%s' is over the node budget of %zu and is summarised: %s"),
                     vb->view->name, vb->model->id ? vb->model->id : "?", vb->budget,
                     what.data);
    }
    egaf_buf_free(&what);
    if (vb->edges_left_out) {
        egaf_buf_reset(&vb->tmp);
        egaf_buf_printf(&vb->tmp,
                        TR(vb, "Sơ đồ rút gọn (giới hạn %zu quan hệ): %zu quan hệ khác không vẽ.",
                           "Diagram summarised (limit of %zu relations): %zu more relations "
                           "not drawn."),
                        vb->edge_budget, vb->edges_left_out);
        vb_note(vb, vb->tmp.data);
        egaf_diag_at(vb->diags, "render.budget", vb->model->path, 0, 0, NULL,
                     _("the %s view of '%s' is over the edge budget of %zu and is summarised: "
                       "%zu more relations are not drawn"),
                     vb->view->name, vb->model->id ? vb->model->id : "?", vb->edge_budget,
                     vb->edges_left_out);
    }

    size_t last = 0;
    for (size_t i = 0; i < VB_MAX_RANKS - 2; i++)
        if (vb->rank[i])
            last = i + 1;
    legend(vb, vb->legend_placed && vb->legend_rank + 1 < VB_MAX_RANKS ? vb->legend_rank : last);
    vb_order_ranks(vb);
    if (vb->failed || vb->tmp.failed || vb->label.failed || vb->notes.failed)
        return NULL;
    Agraph_t *g = vb->g;
    vb->g = NULL;
    return g;
}

void egaf_view_free(Agraph_t *g)
{
    if (g)
        close_graph(g);
}
