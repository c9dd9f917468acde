/* site_zoom.c - pan and zoom of the national overview: zoom.js, its rules
 * in site.css, and the figure's markup (issue 19).
 *
 * The overview of 60+ agencies is drawn to be read at the width of a page;
 * to look closer the reader zooms (buttons, Ctrl + wheel or a trackpad's
 * pinch, two fingers; out to the whole picture in the frame) and pans
 * (drag, or the arrow keys in the focused frame). Offline and within the pages' Content-Security-Policy: one file
 * beside the pages (script-src 'self'); the picture is moved by a CSS
 * transform set through the CSSOM, which style-src does not govern.
 * Progressive: without the script the toolbar stays hidden and the diagram
 * shows whole at the width of the page, as before. */
#include <stdio.h>

#include "site/site_priv.h"

static const char zoom_code[] =
    "/* egaf national site: pan and zoom of a large diagram (figure.zoom) */\n"
    "(function () {\n"
    "  'use strict';\n"
    "  var MAX = 8, STEP = 1.25, KEY_STEP = 60;\n"
    "  function setup(fig) {\n"
    "    var frame = fig.querySelector('.zoom-frame');\n"
    "    var img = frame && frame.querySelector('img');\n"
    "    var bar = fig.querySelector('.zoom-bar');\n"
    "    var level = fig.querySelector('.zoom-level');\n"
    "    if (!img || !bar) return;\n"
    "    var scale = 1, x = 0, y = 0;\n"
    "    fig.classList.add('zoom-on');\n"
    "    bar.hidden = false;\n"
    "    frame.tabIndex = 0;\n"
    "    // x, y: the picture's shift from where the page lays it out; a picture\n"
    "    // narrower (or lower) than the frame stays centred, a larger one\n"
    "    // covers the frame\n"
    "    function clamp() {\n"
    "      var w = frame.clientWidth, h = frame.clientHeight;\n"
    "      var iw = img.offsetWidth * scale, ih = img.offsetHeight * scale;\n"
    "      var ox = img.offsetLeft, oy = img.offsetTop;\n"
    "      x = iw <= w ? (w - iw) / 2 - ox : Math.min(-ox, Math.max(w - iw - ox, x));\n"
    "      y = ih <= h ? -oy : Math.min(-oy, Math.max(h - ih - oy, y));\n"
    "    }\n"
    "    function show() {\n"
    "      clamp();\n"
    "      img.style.transform = 'translate(' + x + 'px, ' + y + 'px) scale(' + scale + ')';\n"
    "      fig.classList.toggle('zoomed', scale !== 1);\n"
    "      if (level) level.textContent = Math.round(scale * 100) + '\\u00a0%';\n"
    "    }\n"
    "    // the least scale shows the whole picture in the frame; 1 is the page's\n"
    "    // width, where the picture may be taller than the frame\n"
    "    function least() {\n"
    "      var h = img.offsetHeight;\n"
    "      return h > frame.clientHeight ? frame.clientHeight / h : 1;\n"
    "    }\n"
    "    // zooms by factor keeping the point (cx, cy) of the frame in place\n"
    "    function zoom(factor, cx, cy) {\n"
    "      var next = Math.min(MAX, Math.max(least(), scale * factor));\n"
    "      if (cx === undefined) { cx = frame.clientWidth / 2; cy = frame.clientHeight / 2; }\n"
    "      var ox = img.offsetLeft, oy = img.offsetTop;\n"
    "      x = cx - ox - (cx - ox - x) * next / scale;\n"
    "      y = cy - oy - (cy - oy - y) * next / scale;\n"
    "      scale = next;\n"
    "      show();\n"
    "    }\n"
    "    function reset() { scale = 1; x = 0; y = 0; show(); }\n";

/* the rest of it: the reader's input (two strings, as C compilers need not
 * take a string longer than 4,095 characters) */
static const char zoom_input[] =
    "    bar.addEventListener('click', function (ev) {\n"
    "      var button = ev.target.closest('button');\n"
    "      if (!button) return;\n"
    "      var what = button.getAttribute('data-zoom');\n"
    "      if (what === 'in') zoom(STEP);\n"
    "      else if (what === 'out') zoom(1 / STEP);\n"
    "      else reset();\n"
    "    });\n"
    "    function at(ev) {\n"
    "      var r = frame.getBoundingClientRect();\n"
    "      return [ev.clientX - r.left, ev.clientY - r.top];\n"
    "    }\n"
    "    // Ctrl + wheel, and a trackpad's pinch (sent as one), zoom; the wheel\n"
    "    // alone scrolls the page as everywhere else\n"
    "    frame.addEventListener('wheel', function (ev) {\n"
    "      if (!ev.ctrlKey) return;\n"
    "      ev.preventDefault();\n"
    "      var p = at(ev);\n"
    "      zoom(ev.deltaY < 0 ? STEP : 1 / STEP, p[0], p[1]);\n"
    "    }, { passive: false });\n"
    "    // one pointer drags; two (fingers) pinch\n"
    "    var pointers = new Map();\n"
    "    frame.addEventListener('pointerdown', function (ev) {\n"
    "      if (ev.button !== 0) return;\n"
    "      pointers.set(ev.pointerId, at(ev));\n"
    "      frame.setPointerCapture(ev.pointerId);\n"
    "      fig.classList.add('dragging');\n"
    "    });\n"
    "    frame.addEventListener('pointermove', function (ev) {\n"
    "      var before = pointers.get(ev.pointerId);\n"
    "      if (!before) return;\n"
    "      var now = at(ev);\n"
    "      pointers.set(ev.pointerId, now);\n"
    "      if (pointers.size === 1) {\n"
    "        x += now[0] - before[0];\n"
    "        y += now[1] - before[1];\n"
    "        show();\n"
    "        return;\n"
    "      }\n"
    "      var other = null;\n"
    "      pointers.forEach(function (p, id) { if (id !== ev.pointerId) other = p; });\n"
    "      var d0 = Math.hypot(before[0] - other[0], before[1] - other[1]);\n"
    "      var d1 = Math.hypot(now[0] - other[0], now[1] - other[1]);\n"
    "      if (d0 > 0) zoom(d1 / d0, (now[0] + other[0]) / 2, (now[1] + other[1]) / 2);\n"
    "    });\n"
    "    function up(ev) {\n"
    "      pointers.delete(ev.pointerId);\n"
    "      if (!pointers.size) fig.classList.remove('dragging');\n"
    "    }\n"
    "    frame.addEventListener('pointerup', up);\n"
    "    frame.addEventListener('pointercancel', up);\n"
    "    img.addEventListener('dragstart', function (ev) { ev.preventDefault(); });\n"
    "    // the focused frame: arrows pan, + and - zoom, 0 resets\n"
    "    frame.addEventListener('keydown', function (ev) {\n"
    "      var k = ev.key, x0 = x, y0 = y, s0 = scale;\n"
    "      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;\n"
    "      if (k === '+' || k === '=') zoom(STEP);\n"
    "      else if (k === '-' || k === '_') zoom(1 / STEP);\n"
    "      else if (k === '0') reset();\n"
    "      else if (k === 'ArrowLeft') { x += KEY_STEP; show(); }\n"
    "      else if (k === 'ArrowRight') { x -= KEY_STEP; show(); }\n"
    "      else if (k === 'ArrowUp') { y += KEY_STEP; show(); }\n"
    "      else if (k === 'ArrowDown') { y -= KEY_STEP; show(); }\n"
    "      else return;\n"
    "      // nothing moved (the whole picture shows): the page scrolls instead\n"
    "      if (x !== x0 || y !== y0 || scale !== s0) ev.preventDefault();\n"
    "    });\n"
    "    img.addEventListener('load', show);\n"
    "    window.addEventListener('resize', show);\n"
    "    show();\n"
    "  }\n"
    "  document.querySelectorAll('figure.zoom').forEach(setup);\n"
    "})();\n";

/* Appended to site.css. */
static const char zoom_css[] =
    ".zoom-bar{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:0 0 .4rem}\n"
    ".zoom-bar[hidden]{display:none}\n"
    ".zoom-bar button{font:inherit;font-size:.9rem;padding:.15rem .7rem;border:1px solid "
    "var(--accent);border-radius:4px;background:#fff;color:var(--accent);cursor:pointer}\n"
    ".zoom-bar button:hover{background:var(--soft)}\n"
    ".zoom-bar .zoom-level{font-size:.85rem;color:var(--muted);min-width:3.5rem}\n"
    ".zoom-bar .zoom-hint{font-size:.85rem;color:var(--muted)}\n"
    ".zoom-on .zoom-frame{position:relative;overflow:hidden;max-height:80vh;"
    "touch-action:pan-y;cursor:grab;border:1px solid var(--line);border-radius:4px}\n"
    ".zoom-on.zoomed .zoom-frame{touch-action:none}\n"
    ".zoom-on.dragging .zoom-frame{cursor:grabbing}\n"
    ".zoom-on .zoom-frame img{margin:0;transform-origin:0 0;user-select:none}\n"
    ".zoom-frame:focus-visible{outline:3px solid var(--accent);outline-offset:2px}\n"
    "@media print{.zoom-bar{display:none}.zoom-on .zoom-frame{max-height:none;overflow:visible;"
    "border:0}.zoom-on .zoom-frame img{transform:none!important}}\n";

void site_zoom_css(egaf_buf *css)
{
    egaf_buf_add(css, zoom_css, sizeof zoom_css - 1);
}

int site_write_zoom(egaf_site *s)
{
    egaf_buf *b = &s->page;
    egaf_buf_reset(b);
    egaf_buf_add(b, zoom_code, sizeof zoom_code - 1);
    egaf_buf_add(b, zoom_input, sizeof zoom_input - 1);
    return site_write_file(s, "zoom.js", b);
}

/* The figure: the toolbar (hidden until the script shows it), the frame
 * with the picture, the caption with a link to the full diagram, and the
 * script. src is the site's own file name; the caption is escaped. */
void site_zoom_figure(egaf_site *s, egaf_buf *b, const char *src, const char *caption)
{
    egaf_buf_printf(b,
                    "<figure class=\"zoom\"><div class=\"zoom-bar\" role=\"group\" "
                    "aria-label=\"%s\" hidden>"
                    "<button type=\"button\" data-zoom=\"in\"><span aria-hidden=\"true\">+</span> "
                    "%s</button>"
                    "<button type=\"button\" data-zoom=\"out\"><span aria-hidden=\"true\">&#8722;"
                    "</span> %s</button>"
                    "<button type=\"button\" data-zoom=\"reset\">%s</button>"
                    "<span class=\"zoom-level\" aria-live=\"polite\">100&#160;%%</span>"
                    "<span class=\"zoom-hint\">%s</span></div>\n",
                    ST(s, "Phóng to, thu nhỏ sơ đồ", "Zoom the diagram"),
                    ST(s, "Phóng to", "Zoom in"), ST(s, "Thu nhỏ", "Zoom out"),
                    ST(s, "Đặt lại", "Reset"),
                    ST(s, "Kéo để di chuyển; phóng to, thu nhỏ bằng Ctrl + con lăn chuột hoặc "
                          "hai ngón tay",
                       "Drag to move; zoom with Ctrl + mouse wheel or two fingers"));
    egaf_buf_printf(b, "<div class=\"zoom-frame\" role=\"group\" aria-label=\"%s\">",
                    ST(s, "Sơ đồ: kéo hoặc dùng phím mũi tên để di chuyển, phím + và − để "
                          "phóng to, thu nhỏ",
                       "Diagram: drag or use the arrow keys to move, + and − to zoom"));
    egaf_buf_printf(b, "<img src=\"%s\" alt=\"", src);
    egaf_buf_xml_text(b, caption);
    egaf_buf_puts(b, "\"></div><figcaption>");
    egaf_buf_xml_text(b, caption);
    egaf_buf_printf(b, " · <a href=\"%s\">%s</a></figcaption></figure>\n"
                       "<script src=\"zoom.js\" defer></script>\n",
                    src, ST(s, "mở sơ đồ đầy đủ", "open the full diagram"));
}
