/* output.c - a view to bytes: DOT with agwrite(), SVG and PNG laid out and
 * rendered in-process with gvc.
 *
 * Plugins are linked in, not loaded: gvContextPlugins() gets the list below
 * and demand loading off, so egaf never reads Graphviz's plugin
 * configuration (config6a) and draws the same with or without `dot -c`
 * having been run. The Debian package ships the plugins as
 * /usr/lib/x86_64-linux-gnu/graphviz/libgvplugin_*.so.6, outside the linker's
 * search path; the Makefile links them by name with an rpath. The pango
 * plugin brings cairo (PNG) and the text layout that measures labels with
 * the real font, so boxes fit their Vietnamese labels. */
#include <stdlib.h>
#include <string.h>

#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include "base/i18n.h"
#include "render/render.h"

extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_pango_LTX_library;

lt_symlist_t lt_preloaded_symbols[] = {
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {"gvplugin_pango_LTX_library", &gvplugin_pango_LTX_library},
    {NULL, NULL},
};

/* Graphviz reports through one global callback with no argument of the
 * caller's, so the messages of the current call go to this buffer, set only
 * for the call (a context is not for two threads at once anyway). */
static egaf_buf *captured;

static int capture(char *message)
{
    if (captured)
        egaf_buf_puts(captured, message);
    return 0;
}

/* Each captured line becomes a render.graphviz finding. */
static void report_messages(const egaf_buf *msgs, egaf_diags *diags, const char *file)
{
    if (!msgs->len)
        return;
    const char *p = msgs->data;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        const char *line = p;
        p += len + (nl ? 1 : 0);
        if (len >= 9 && strncmp(line, "Warning: ", 9) == 0) {
            line += 9;
            len -= 9;
        } else if (len >= 7 && strncmp(line, "Error: ", 7) == 0) {
            line += 7;
            len -= 7;
        }
        while (len && (line[len - 1] == ' ' || line[len - 1] == '\r'))
            len--;
        if (len == 0)
            continue;
        egaf_diag_at(diags, "render.graphviz", file, 0, 0, NULL, _("Graphviz: %.*s"), (int)len,
                     line);
    }
}

/* A layout far over any view's budget means a bug upstream: refuse it
 * rather than run dot for minutes (DESIGN §7). */
#define HARD_NODE_LIMIT (4 * EGAF_RENDER_BUDGET)

struct egaf_gv {
    GVC_t *gvc;
};

egaf_gv *egaf_gv_create(void)
{
    egaf_gv *gv = calloc(1, sizeof(*gv));
    if (gv)
        gv->gvc = gvContextPlugins(lt_preloaded_symbols, 0);
    if (gv && !gv->gvc) {
        free(gv);
        return NULL;
    }
    return gv;
}

void egaf_gv_free(egaf_gv *gv)
{
    if (gv)
        gvFreeContext(gv->gvc);
    free(gv);
}

const char *egaf_gv_version(egaf_gv *gv)
{
    const char *v = gv ? gvcVersion(gv->gvc) : NULL;
    return v ? v : "";
}

void egaf_gv_warm_up(egaf_gv *gv)
{
    char dot[] = "digraph w { node [fontname=\"" EGAF_RENDER_FONT "\" fontsize=10]; "
                 "a [label=\"Tỉnh Lạng Sơn\"]; }";
    Agraph_t *g = agmemread(dot);
    if (!g)
        return;
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_diags *ignored = egaf_diags_create();
    if (ignored)
        egaf_render_graph(gv, g, EGAF_OUT_SVG, &out, ignored, NULL);
    egaf_diags_free(ignored);
    egaf_buf_free(&out);
    agclose(g);
}

/* A Graphviz step with its messages captured; capture_end() reports them. */
typedef struct capture_state {
    egaf_buf msgs;
    agusererrf old_errf;
    agerrlevel_t old_level;
} capture_state;

static void capture_begin(capture_state *c)
{
    egaf_buf_init(&c->msgs);
    captured = &c->msgs;
    c->old_errf = agseterrf(capture);
    c->old_level = agseterr(AGWARN);
}

static void capture_end(capture_state *c, egaf_diags *diags, const char *file)
{
    agseterr(c->old_level);
    agseterrf(c->old_errf);
    captured = NULL;
    report_messages(&c->msgs, diags, file);
    egaf_buf_free(&c->msgs);
}

int egaf_gv_layout(egaf_gv *gv, Agraph_t *g, egaf_diags *diags, const char *file)
{
    if (agnnodes(g) > HARD_NODE_LIMIT) {
        egaf_diag_at(diags, "render.budget", file, 0, 0, NULL,
                     _("the diagram has %d nodes, over the layout limit of %d; not laid out"),
                     agnnodes(g), HARD_NODE_LIMIT);
        return -1;
    }
    if (!gv)
        return -1;
    capture_state c;
    capture_begin(&c);
    int rc = gvLayout(gv->gvc, g, "dot") == 0 ? 0 : -1;
    capture_end(&c, diags, file);
    return rc;
}

void egaf_gv_free_layout(egaf_gv *gv, Agraph_t *g)
{
    if (gv)
        gvFreeLayout(gv->gvc, g);
}

int egaf_render_graph(egaf_gv *gv, Agraph_t *g, egaf_out_format format, egaf_buf *out,
                      egaf_diags *diags, const char *file)
{
    if (format == EGAF_OUT_DOT) {
        agwrite(g, out);
        return out->failed ? -1 : 0;
    }
    size_t before = egaf_diags_count(diags);
    int rc = egaf_gv_layout(gv, g, diags, file);
    if (rc == 0) {
        char *data = NULL;
        unsigned int len = 0;
        const char *fmt = format == EGAF_OUT_PNG ? "png:cairo" : "svg:svg";
        capture_state c;
        capture_begin(&c);
        rc = gvRenderData(gv->gvc, g, fmt, &data, &len) == 0 && data ? 0 : -1;
        capture_end(&c, diags, file);
        if (rc == 0) {
            egaf_buf_add(out, data, len);
            rc = out->failed ? -1 : 0;
        }
        if (data)
            gvFreeRenderData(data);
        egaf_gv_free_layout(gv, g);
    }
    if (rc != 0 && egaf_diags_count(diags) == before)
        egaf_diag_at(diags, "render.graphviz", file, 0, 0, NULL,
                     _("Graphviz could not lay out or render the diagram"));
    return rc;
}

/* Under AddressSanitizer (make asan): Graphviz 2.42's dot layout and the
 * fontconfig cache behind the pango plugin keep memory they never free
 * (a plain agread + gvLayout + agclose + gvFreeContext program shows the
 * same leaks). These hooks, read only by the sanitizer runtimes, suppress
 * leaks by the library they come from, and ask for full stack unwinding:
 * the Debian libraries have no frame pointers, so the fast unwinder would
 * stop inside libgvc and the library names would never be seen. Leaks in
 * egaf's own code are still reported. tests/valgrind.supp does the same for
 * valgrind. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_options(void);
const char *__asan_default_options(void);

const char *__lsan_default_suppressions(void)
{
    return "leak:libgvplugin_dot_layout.so\n"
           "leak:libgvplugin_pango.so\n"
           "leak:libgvplugin_core.so\n"
           "leak:libfontconfig.so\n";
}

/* The count of suppressed leaks varies from run to run (fontconfig's cache):
 * printed, it would make two runs of one command differ on stderr. */
const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}

const char *__asan_default_options(void)
{
    return "fast_unwind_on_malloc=0";
}
