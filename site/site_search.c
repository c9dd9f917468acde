/* site_search.c - the search box of every page: search.js holds the index
 * (every agency, national system and database, national target, and each
 * architecture's applications, databases and services) and the few lines that look it up as
 * the reader types.
 *
 * Offline and self-contained: one file beside the pages, allowed by the
 * pages' Content-Security-Policy (script-src 'self'); no server, no script
 * from elsewhere. Names go into the index as JSON strings ('<' escaped), and
 * the script puts results on the page with textContent only, so a hostile
 * name stays text. Vietnamese-aware: both the names and the query are folded
 * when searching (decomposed, combining marks dropped, đ as d), so "ho tich"
 * finds "hộ tịch" and typing with diacritics still works. */
#include <stdio.h>
#include <string.h>

#include "model/labels.h"
#include "site/site_priv.h"

/* The lookup, the same for every site; the index and the words of the
 * site's language come before it. */
static const char search_code[] =
    "(function () {\n"
    "  'use strict';\n"
    "  var SHOWN = 20;\n"
    "  function fold(text) {\n"
    "    return text.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '')\n"
    "      .replace(/[\\u0111\\u0110]/g, 'd').toLowerCase()\n"
    "      .replace(/[^a-z0-9]+/g, ' ').trim();\n"
    "  }\n"
    "  var input = document.getElementById('tim-kiem');\n"
    "  var list = document.getElementById('ket-qua-tim-kiem');\n"
    "  var status = document.getElementById('trang-thai-tim-kiem');\n"
    "  if (!input || !list || !status) return;\n"
    "  var folded = INDEX.map(function (e) {\n"
    "    return ' ' + fold(e[0] + ' ' + e[1] + ' ' + e[4]) + ' ';\n"
    "  });\n"
    "  // every word typed begins a word of the entry; the whole phrase, then\n"
    "  // whole words, rank first\n"
    "  function score(hay, words, phrase) {\n"
    "    for (var k = 0; k < words.length; k++)\n"
    "      if (hay.indexOf(' ' + words[k]) < 0) return -1;\n"
    "    var n = hay.indexOf(' ' + phrase + ' ') >= 0 ? 4 : hay.indexOf(' ' + phrase) >= 0 ? 2 : 0;\n"
    "    for (k = 0; k < words.length; k++)\n"
    "      if (hay.indexOf(' ' + words[k] + ' ') >= 0) n++;\n"
    "    return n;\n"
    "  }\n"
    "  function show() {\n"
    "    var words = fold(input.value).split(' ').filter(Boolean);\n"
    "    list.textContent = '';\n"
    "    if (!words.length) { list.hidden = true; status.textContent = ''; return; }\n"
    "    var phrase = words.join(' ');\n"
    "    var hits = [];\n"
    "    for (var i = 0; i < INDEX.length; i++) {\n"
    "      var n = score(folded[i], words, phrase);\n"
    "      if (n >= 0) hits.push([n, i]);\n"
    "    }\n"
    "    hits.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });\n"
    "    var total = hits.length;\n"
    "    hits.slice(0, SHOWN).forEach(function (hit) {\n"
    "      var e = INDEX[hit[1]];\n"
    "      var item = document.createElement('li');\n"
    "      var link = document.createElement('a');\n"
    "      link.href = e[2];\n"
    "      link.textContent = e[0];\n"
    "      var what = document.createElement('span');\n"
    "      what.className = 'rel';\n"
    "      what.textContent = e[3] + (e[4] ? ' \\u00b7 ' + e[4] : '');\n"
    "      item.append(link, ' ', what);\n"
    "      list.append(item);\n"
    "    });\n"
    "    list.hidden = total === 0;\n"
    "    status.textContent = total === 0 ? WORDS.none\n"
    "      : (total > SHOWN ? WORDS.more : WORDS.found).replace('{n}', total).replace('{shown}', SHOWN);\n"
    "  }\n"
    "  input.addEventListener('input', show);\n"
    "  input.form.addEventListener('submit', function (ev) {\n"
    "    ev.preventDefault();\n"
    "    var first = list.querySelector('a');\n"
    "    if (first) window.location.href = first.href;\n"
    "  });\n"
    "})();\n";

/* One entry: [name, other words to match, page, what it is, whose]. */
static void entry(egaf_buf *b, bool *first, const char *name, const char *also, const char *page,
                  const char *page_anchor, const char *what, const char *whose)
{
    egaf_buf_puts(b, *first ? "\n  [" : ",\n  [");
    *first = false;
    egaf_buf_json_string(b, name ? name : "");
    egaf_buf_putc(b, ',');
    egaf_buf_json_string(b, also ? also : "");
    egaf_buf_putc(b, ',');
    egaf_buf_putc(b, '"');
    egaf_buf_puts(b, page);
    if (page_anchor) {
        egaf_buf_putc(b, '#');
        egaf_buf_puts(b, page_anchor);
    }
    egaf_buf_puts(b, "\",");
    egaf_buf_json_string(b, what ? what : "");
    egaf_buf_putc(b, ',');
    egaf_buf_json_string(b, whose ? whose : "");
    egaf_buf_putc(b, ']');
}

/* The section of an agency's page that lists each kind searched for. */
static const struct {
    egaf_kind kind;
    const char *anchor;
} searched[] = {
    {EGAF_K_APPLICATION, "applications"},
    {EGAF_K_DATABASE, "databases"},
    {EGAF_K_SERVICE, "services"},
    {EGAF_K_UNIT, "units"},
    {EGAF_K_TARGET, "targets"},
};


int site_write_search(egaf_site *s)
{
    egaf_buf *b = &s->page;
    egaf_buf_reset(b);
    egaf_buf_puts(b, "/* egaf national site: the search index and its lookup (no server) */\n"
                     "var WORDS = {found: ");
    egaf_buf_json_string(b, ST(s, "{n} kết quả", "{n} results"));
    egaf_buf_puts(b, ", more: ");
    egaf_buf_json_string(b, ST(s, "{n} kết quả, hiện {shown} kết quả đầu; gõ thêm để thu hẹp",
                               "{n} results, the first {shown} shown; type more to narrow"));
    egaf_buf_puts(b, ", none: ");
    egaf_buf_json_string(b, ST(s, "Không tìm thấy", "Nothing found"));
    egaf_buf_puts(b, "};\nvar INDEX = [");
    bool first = true;
    char page[96];
    for (size_t i = 0; i < s->nag; i++) {
        const site_agency *a = &s->ag[i];
        snprintf(page, sizeof page, "a-%s.html", a->slug);
        entry(b, &first, a->name, a->agency ? a->agency->organ_code : NULL, page, NULL,
              ST(s, "Cơ quan", "Agency"), a->title);
    }
    for (size_t i = 0; i < s->nnat; i++) {
        const site_national *n = &s->nat[i];
        snprintf(page, sizeof page, "n-%s.html", n->id);
        entry(b, &first, site_national_name(s, n), n->e ? n->e->abbr : NULL, page, NULL,
              n->db ? ST(s, "Cơ sở dữ liệu quốc gia", "National database")
                    : ST(s, "Hệ thống dùng chung quốc gia", "National shared system"),
              NULL);
    }
    /* the national targets' pages (site_targets.c) */
    for (size_t i = 0; s->refs && i < s->refs->nnational_targets; i++) {
        const egaf_ref_national_target *nt = &s->refs->national_targets[i];
        if (!site_target_has_page(s, nt->id))
            continue;
        snprintf(page, sizeof page, "t-%s.html", nt->id);
        entry(b, &first, site_national_target_name(s, nt->id), nt->id, page, NULL,
              ST(s, "Chỉ tiêu quốc gia", "National target"), nt->instrument);
    }
    for (size_t i = 0; i < s->nag; i++) {
        const site_agency *a = &s->ag[i];
        snprintf(page, sizeof page, "a-%s.html", a->slug);
        for (size_t k = 0; k < sizeof searched / sizeof searched[0]; k++) {
            egaf_kind kind = searched[k].kind;
            for (size_t e = 0; e < a->m->counts[kind]; e++) {
                const egaf_element *el = a->m->elements[kind][e];
                entry(b, &first, site_element_name(s, el), el->id, page, searched[k].anchor,
                      egaf_label_kind(kind, s->en), a->name);
            }
        }
    }
    egaf_buf_puts(b, "\n];\n");
    egaf_buf_add(b, search_code, sizeof search_code - 1);
    return site_write_file(s, "search.js", b);
}
