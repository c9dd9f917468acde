/* site_pages.c - the HTML pages of the national site and its stylesheet.
 *
 * Every model string goes through egaf_buf_xml_text() (element content and
 * attribute values alike); links are relative file names made from ids
 * checked to be [a-z0-9-]; nothing outside the site is referenced, and the
 * Content-Security-Policy of every page forbids it anyway. */
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"
#include "base/i18n.h"
#include "model/labels.h"
#include "model/query.h"
#include "report/report.h"
#include "site/site_priv.h"

/* ---- HTML helpers ------------------------------------------------------- */

static void esc(egaf_buf *b, const char *s)
{
    if (s)
        egaf_buf_xml_text(b, s);
}

static void tag_text(egaf_buf *b, const char *tag, const char *s)
{
    egaf_buf_printf(b, "<%s>", tag);
    esc(b, s);
    egaf_buf_printf(b, "</%s>", tag);
}

static void td(egaf_buf *b, const char *s)
{
    tag_text(b, "td", s);
}

/* An id's cell: a code element even when the id is missing. */
static void td_id(egaf_buf *b, const char *id)
{
    egaf_buf_puts(b, "<td>");
    tag_text(b, "code", id);
    egaf_buf_puts(b, "</td>");
}

static void td_code(egaf_buf *b, const char *s)
{
    egaf_buf_puts(b, "<td>");
    if (s)
        tag_text(b, "code", s);
    egaf_buf_puts(b, "</td>");
}

static void td_num(egaf_buf *b, size_t n)
{
    egaf_buf_printf(b, "<td class=\"n\">%zu</td>", n);
}

static void th(egaf_buf *b, const char *s)
{
    egaf_buf_puts(b, "<th scope=\"col\">");
    esc(b, s);
    egaf_buf_puts(b, "</th>");
}

/* A table's head row, one column header per label, then the body opened;
 * the labels end with a null pointer. */
static void thead(egaf_buf *b, ...)
{
    egaf_buf_puts(b, "<thead><tr>");
    va_list ap;
    va_start(ap, b);
    for (const char *label = va_arg(ap, const char *); label; label = va_arg(ap, const char *))
        th(b, label);
    va_end(ap);
    egaf_buf_puts(b, "</tr></thead><tbody>\n");
}

static void table_begin(egaf_buf *b, const char *caption)
{
    egaf_buf_puts(b, "<div class=\"scroll\"><table>");
    if (caption) {
        egaf_buf_puts(b, "<caption>");
        esc(b, caption);
        egaf_buf_puts(b, "</caption>");
    }
}

static void table_end(egaf_buf *b)
{
    egaf_buf_puts(b, "</table></div>\n");
}

/* "56,2 %" (vi) or "56.2%" (en); "—" when den is 0. */
static void pct(const egaf_site *s, egaf_buf *b, size_t num, size_t den)
{
    if (!den) {
        egaf_buf_puts(b, "—");
        return;
    }
    unsigned long tenths = (unsigned long)((num * 1000 + den / 2) / den);
    if (s->en)
        egaf_buf_printf(b, "%lu.%lu%%", tenths / 10, tenths % 10);
    else
        egaf_buf_printf(b, "%lu,%lu %%", tenths / 10, tenths % 10);
}

static void agency_link(egaf_buf *b, const site_agency *a)
{
    egaf_buf_printf(b, "<a href=\"a-%s.html\">", a->slug);
    esc(b, a->name);
    egaf_buf_puts(b, "</a>");
}

static void national_link(const egaf_site *s, egaf_buf *b, const site_national *n, bool abbr)
{
    egaf_buf_printf(b, "<a href=\"n-%s.html\"", n->id);
    if (abbr) {
        egaf_buf_puts(b, " title=\"");
        esc(b, site_national_name(s, n));
        egaf_buf_puts(b, "\">");
        esc(b, n->e && n->e->abbr ? n->e->abbr : n->id);
    } else {
        egaf_buf_putc(b, '>');
        esc(b, site_national_name(s, n));
        if (n->e && n->e->abbr) {
            egaf_buf_puts(b, " (");
            esc(b, n->e->abbr);
            egaf_buf_putc(b, ')');
        }
    }
    egaf_buf_puts(b, "</a>");
}

static const char *sev_name(const egaf_site *s, egaf_severity sev)
{
    return egaf_report_severity_pick(sev, ST(s, "lỗi", "error"), ST(s, "cảnh báo", "warning"),
                                     ST(s, "lưu ý", "note"));
}

static void head(egaf_site *s, egaf_buf *b, const char *title)
{
    egaf_buf_reset(b);
    egaf_buf_printf(b,
                    "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "img-src 'self'; style-src 'self'; script-src 'self'\">\n<title>",
                    s->en ? "en" : "vi");
    esc(b, title);
    egaf_buf_puts(b, " · ");
    egaf_buf_printf(b, ST(s, "Kiến trúc quốc gia %d", "National architecture %d"), s->year);
    egaf_buf_puts(b, "</title>\n<link rel=\"stylesheet\" href=\"site.css\">\n"
                     "<script src=\"search.js\" defer></script>\n</head>\n<body>\n"
                     "<header class=\"top\"><p class=\"brand\"><a href=\"index.html\">");
    egaf_buf_printf(b, ST(s, "Kiến trúc Chính phủ điện tử quốc gia · %d",
                          "National e-Government architecture · %d"),
                    s->year);
    egaf_buf_puts(b, "</a></p><nav>");
    egaf_buf_printf(b, "<a href=\"index.html\">%s</a>", ST(s, "Tổng quan", "Overview"));
    egaf_buf_printf(b, "<a href=\"index.html#co-quan\">%s</a>", ST(s, "Cơ quan", "Agencies"));
    egaf_buf_printf(b, "<a href=\"index.html#quoc-gia\">%s</a>",
                    ST(s, "Hệ thống quốc gia", "National systems"));
    egaf_buf_printf(b, "<a href=\"findings.html\">%s</a>", ST(s, "Phát hiện", "Findings"));
    if (s->has_changes)
        egaf_buf_printf(b, "<a href=\"changes.html\">%s</a>", ST(s, "Thay đổi", "Changes"));
    egaf_buf_printf(b, "<a href=\"index.html#du-lieu\">%s</a>", ST(s, "Dữ liệu", "Data"));
    egaf_buf_puts(b, "</nav>");
    /* the search box (site_search.c): results listed below it as links */
    egaf_buf_printf(b,
                    "<form class=\"search\" role=\"search\"><label for=\"tim-kiem\">%s</label>"
                    "<input id=\"tim-kiem\" type=\"search\" autocomplete=\"off\" "
                    "placeholder=\"%s\"><p id=\"trang-thai-tim-kiem\" class=\"search-status\" "
                    "role=\"status\"></p><ul id=\"ket-qua-tim-kiem\" hidden></ul></form>",
                    ST(s, "Tìm kiếm", "Search"),
                    ST(s, "cơ quan, hệ thống, CSDL, dịch vụ", "agency, system, database, service"));
    egaf_buf_puts(b, "</header>\n<main>\n");
}

static int foot(egaf_site *s, egaf_buf *b, const char *rel)
{
    egaf_buf_puts(b, "</main>\n<footer><p>");
    egaf_buf_printf(b,
                    ST(s, "Tạo bởi egaf %s từ %zu mô hình kiến trúc, dữ liệu tham chiếu năm %d.",
                       "Made by egaf %s from %zu architecture models, reference data as of %d."),
                    s->opt->version ? s->opt->version : "", s->nag, s->year);
    egaf_buf_puts(b, "</p></footer>\n</body>\n</html>\n");
    return site_write_file(s, rel, b);
}

static void figure(egaf_site *s, egaf_buf *b, const char *src, const char *caption)
{
    egaf_buf_printf(b, "<figure><a href=\"%s\"><img src=\"%s\" alt=\"", src, src);
    esc(b, caption);
    egaf_buf_puts(b, "\"></a><figcaption>");
    esc(b, caption);
    egaf_buf_printf(b, " · <a href=\"%s\">%s</a></figcaption></figure>\n", src,
                    ST(s, "mở sơ đồ đầy đủ", "open the full diagram"));
}

static void key_figure(egaf_buf *b, const char *value, const char *label)
{
    egaf_buf_puts(b, "<li><span class=\"num\">");
    esc(b, value);
    egaf_buf_puts(b, "</span> <span class=\"lbl\">");
    esc(b, label);
    egaf_buf_puts(b, "</span></li>");
}

static void shown_file(egaf_site *s, egaf_buf *b, const char *file)
{
    esc(b, site_shown_file(s, file));
}

/* A message, its `quoted YAML` shown as code (a key or a snippet to type,
 * not words of the sentence). */
static void message_text(egaf_buf *b, const char *m)
{
    if (!m)
        return;
    const char *open, *close;
    while ((open = strchr(m, '`')) && (close = strchr(open + 1, '`'))) {
        char *before = strndup(m, (size_t)(open - m));
        char *code = strndup(open + 1, (size_t)(close - open - 1));
        if (!before || !code) {
            free(before);
            free(code);
            b->failed = true;
            return;
        }
        esc(b, before);
        tag_text(b, "code", code);
        free(before);
        free(code);
        m = close + 1;
    }
    esc(b, m);
}

static void findings_table(egaf_site *s, egaf_buf *b, const site_agency *only, bool agency_col)
{
    size_t shown = 0;
    for (size_t i = 0; i < egaf_diags_count(s->findings); i++) {
        const egaf_finding *f = egaf_diags_at(s->findings, i);
        site_agency *a = site_agency_of_file(s, f->file);
        if (only && a != only)
            continue;
        if (!shown++) {
            table_begin(b, NULL);
            egaf_buf_puts(b, "<thead><tr>");
            th(b, ST(s, "Mức", "Severity"));
            if (agency_col)
                th(b, ST(s, "Cơ quan", "Agency"));
            th(b, ST(s, "Vị trí", "Position"));
            th(b, ST(s, "Quy tắc", "Rule"));
            th(b, ST(s, "Nội dung", "Message"));
            egaf_buf_puts(b, "</tr></thead><tbody>\n");
        }
        egaf_buf_printf(b, "<tr class=\"sev-%s\"><td>", egaf_severity_name(f->severity));
        esc(b, sev_name(s, f->severity));
        if (f->waiver)
            egaf_buf_printf(b, " (%s)", ST(s, "miễn trừ", "waived"));
        egaf_buf_puts(b, "</td>");
        if (agency_col) {
            egaf_buf_puts(b, "<td>");
            if (a)
                agency_link(b, a);
            egaf_buf_puts(b, "</td>");
        }
        egaf_buf_puts(b, "<td class=\"pos\"><code>");
        if (f->file) {
            shown_file(s, b, f->file);
            if (f->line)
                egaf_buf_printf(b, ":%u:%u", f->line, f->col);
        }
        egaf_buf_puts(b, "</code></td><td><code>");
        esc(b, f->rule);
        egaf_buf_puts(b, "</code></td><td>");
        message_text(b, f->message);
        if (f->hint) {
            egaf_buf_puts(b, "<br><span class=\"hint\">");
            message_text(b, f->hint);
            egaf_buf_puts(b, "</span>");
        }
        if (f->waiver) {
            egaf_buf_printf(b, "<br><span class=\"hint\">%s: ", ST(s, "Lý do miễn trừ", "Waiver"));
            esc(b, f->waiver);
            egaf_buf_puts(b, "</span>");
        }
        for (size_t r = 0; r < f->nrelated; r++) {
            const egaf_related *rel = &f->related[r];
            egaf_buf_puts(b, "<br><span class=\"rel\"><code>");
            if (rel->file)
                shown_file(s, b, rel->file);
            egaf_buf_printf(b, ":%u:%u</code>: ", rel->line, rel->col);
            message_text(b, rel->message);
            egaf_buf_puts(b, "</span>");
        }
        egaf_buf_puts(b, "</td></tr>\n");
    }
    if (shown)
        egaf_buf_puts(b, "</tbody>"), table_end(b);
    else
        egaf_buf_printf(b, "<p>%s</p>\n", ST(s, "Không có phát hiện.", "No findings."));
}

/* ---- index -------------------------------------------------------------- */

static size_t total_online(const site_agency *a)
{
    return a->online[0] + a->online[1] + a->online[2];
}

static void index_agencies(egaf_site *s, egaf_buf *b)
{
    egaf_buf_printf(b, "<h2 id=\"co-quan\">%s</h2>\n",
                    ST(s, "Kiến trúc của các bộ, ngành, địa phương",
                       "Architectures of ministries and provinces"));
    table_begin(b, NULL);
    thead(b, ST(s, "Cơ quan", "Agency"), ST(s, "Cấp", "Level"), ST(s, "Kiến trúc", "Architecture"),
          ST(s, "Khung", "Framework"), ST(s, "Năm", "Year"), ST(s, "Lỗi", "Errors"),
          ST(s, "Cảnh báo", "Warnings"), ST(s, "Lưu ý", "Notes"), (const char *)NULL);
    for (size_t i = 0; i < s->nag; i++) {
        site_agency *a = &s->ag[i];
        egaf_buf_puts(b, "<tr><td>");
        agency_link(b, a);
        egaf_buf_puts(b, "</td>");
        td(b, site_group_name(s, a->group, false));
        td(b, a->title);
        td(b, a->m->framework.s);
        egaf_buf_printf(b, "<td class=\"n\">%d</td>", a->year);
        td_num(b, a->counts[EGAF_SEV_ERROR]);
        td_num(b, a->counts[EGAF_SEV_WARNING]);
        td_num(b, a->counts[EGAF_SEV_NOTE]);
        egaf_buf_puts(b, "</tr>\n");
    }
    egaf_buf_puts(b, "</tbody>");
    table_end(b);
    if (s->nmissing) {
        egaf_buf_printf(b, "<h3>%s (%zu)</h3>\n<ul class=\"cols\">",
                        ST(s, "Cơ quan chưa có kiến trúc", "Agencies without an architecture"),
                        s->nmissing);
        for (size_t i = 0; i < s->nmissing; i++) {
            const egaf_ref_entry *e = s->missing[i];
            egaf_buf_puts(b, "<li>");
            esc(b, s->en && e->name_en ? e->name_en : e->name);
            egaf_buf_puts(b, "</li>");
        }
        egaf_buf_puts(b, "</ul>\n");
    }
}

static void index_lgsp(egaf_site *s, egaf_buf *b)
{
    egaf_buf_printf(b, "<h3>%s</h3>\n",
                    ST(s, "Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) kết nối NGSP",
                       "Integration platforms (LGSP) connected to NGSP"));
    table_begin(b, NULL);
    thead(b, ST(s, "Cơ quan", "Agency"), "LGSP", ST(s, "Kết nối NGSP", "Connected to NGSP"),
          (const char *)NULL);
    for (size_t i = 0; i < s->nag; i++) {
        site_agency *a = &s->ag[i];
        egaf_buf_puts(b, "<tr><td>");
        agency_link(b, a);
        egaf_buf_puts(b, "</td>");
        td(b, a->lgsp ? site_element_name(s, a->lgsp) : ST(s, "(không có)", "(none)"));
        egaf_buf_printf(b, "<td class=\"%s\">%s</td></tr>\n", a->lgsp_ngsp ? "yes" : "no",
                        a->lgsp_ngsp ? ST(s, "có", "yes") : ST(s, "chưa", "no"));
    }
    egaf_buf_puts(b, "</tbody>");
    table_end(b);
}

static void index_matrix(egaf_site *s, egaf_buf *b, bool db)
{
    size_t cols = 0;
    for (size_t n = 0; n < s->nnat; n++)
        cols += s->nat[n].db == db;
    if (!cols)
        return;
    egaf_buf_printf(b, "<h3>%s</h3>\n",
                    db ? ST(s, "Kết nối các cơ sở dữ liệu quốc gia",
                            "Connections to the national databases")
                       : ST(s, "Kết nối các hệ thống thông tin dùng chung quốc gia",
                            "Connections to the national shared systems"));
    egaf_buf_printf(b, "<p class=\"note\">%s</p>\n",
                    ST(s, "Ô: trường hợp kết nối (a: qua LGSP và NGSP; b, c, d: ngoại lệ), kết "
                          "nối mạng hoặc nguồn dữ liệu; trống: không kết nối.",
                       "Cell: the route (a: through the LGSP and NGSP; b, c, d: exceptions), a "
                       "network link or a data source; empty: not connected."));
    table_begin(b, NULL);
    egaf_buf_puts(b, "<thead><tr>");
    th(b, ST(s, "Cơ quan", "Agency"));
    for (size_t n = 0; n < s->nnat; n++)
        if (s->nat[n].db == db) {
            egaf_buf_puts(b, "<th scope=\"col\">");
            national_link(s, b, &s->nat[n], true);
            egaf_buf_puts(b, "</th>");
        }
    egaf_buf_puts(b, "</tr></thead><tbody>\n");
    egaf_buf route;
    egaf_buf_init(&route);
    for (size_t i = 0; i < s->nag; i++) {
        egaf_buf_puts(b, "<tr><td>");
        agency_link(b, &s->ag[i]);
        egaf_buf_puts(b, "</td>");
        for (size_t n = 0; n < s->nnat; n++)
            if (s->nat[n].db == db) {
                unsigned c = site_cell(s, i, n);
                egaf_buf_printf(b, "<td class=\"%s\">", c ? "yes" : "");
                esc(b, site_route_text(s, c, &route));
                egaf_buf_puts(b, "</td>");
            }
        egaf_buf_puts(b, "</tr>\n");
    }
    egaf_buf_free(&route);
    egaf_buf_puts(b, "<tr class=\"total\"><td>");
    esc(b, ST(s, "Số cơ quan", "Agencies"));
    egaf_buf_puts(b, "</td>");
    for (size_t n = 0; n < s->nnat; n++)
        if (s->nat[n].db == db)
            td_num(b, s->nat[n].consumers[0] + s->nat[n].consumers[1] + s->nat[n].consumers[2]);
    egaf_buf_puts(b, "</tr></tbody>");
    table_end(b);
}

static void index_online(egaf_site *s, egaf_buf *b)
{
    egaf_buf_printf(b, "<h3>%s</h3>\n",
                    ST(s, "Mức độ cung cấp dịch vụ công trực tuyến",
                       "Online public-service levels"));
    table_begin(b, NULL);
    thead(b, ST(s, "Cơ quan", "Agency"), ST(s, "Dịch vụ công", "Public services"),
          ST(s, "Toàn trình", "Full"), ST(s, "Một phần", "Partial"), ST(s, "Trực tiếp", "None"),
          ST(s, "Tỷ lệ toàn trình", "Share full"), (const char *)NULL);
    size_t tot[4] = {0};
    for (size_t i = 0; i < s->nag; i++) {
        site_agency *a = &s->ag[i];
        egaf_buf_puts(b, "<tr><td>");
        agency_link(b, a);
        egaf_buf_puts(b, "</td>");
        size_t n = total_online(a);
        td_num(b, n);
        for (int k = 0; k < 3; k++)
            td_num(b, a->online[k]), tot[k + 1] += a->online[k];
        tot[0] += n;
        egaf_buf_puts(b, "<td class=\"n\">");
        pct(s, b, a->online[0], n);
        egaf_buf_puts(b, "</td></tr>\n");
    }
    egaf_buf_puts(b, "<tr class=\"total\"><td>");
    esc(b, ST(s, "Cả nước (các kiến trúc trên)", "All the architectures above"));
    egaf_buf_puts(b, "</td>");
    for (int k = 0; k < 4; k++)
        td_num(b, tot[k]);
    egaf_buf_puts(b, "<td class=\"n\">");
    pct(s, b, tot[1], tot[0]);
    egaf_buf_puts(b, "</td></tr></tbody>");
    table_end(b);
}

static void index_security(egaf_site *s, egaf_buf *b)
{
    egaf_buf_printf(b, "<h3>%s</h3>\n",
                    ST(s, "Cấp độ an toàn hệ thống thông tin (NĐ 85/2016/NĐ-CP)",
                       "Security levels of the systems (NĐ 85/2016/NĐ-CP)"));
    egaf_buf_printf(b, "<p class=\"note\">%s</p>\n",
                    ST(s, "Ứng dụng, nền tảng và hạ tầng đang dùng hoặc dự kiến, theo cấp độ.",
                       "Applications, platforms and infrastructure in use or planned, by "
                       "level."));
    table_begin(b, NULL);
    egaf_buf_puts(b, "<thead><tr>");
    th(b, ST(s, "Cơ quan", "Agency"));
    for (int l = 1; l <= 5; l++) {
        char h[32];
        snprintf(h, sizeof h, ST(s, "Cấp độ %d", "Level %d"), l);
        th(b, h);
    }
    th(b, ST(s, "Chưa xác định", "Not given"));
    egaf_buf_puts(b, "</tr></thead><tbody>\n");
    size_t tot[6] = {0};
    for (size_t i = 0; i < s->nag; i++) {
        site_agency *a = &s->ag[i];
        egaf_buf_puts(b, "<tr><td>");
        agency_link(b, a);
        egaf_buf_puts(b, "</td>");
        for (int l = 1; l <= 5; l++)
            td_num(b, a->sec[l]), tot[l] += a->sec[l];
        egaf_buf_printf(b, "<td class=\"n%s\">%zu</td></tr>\n", a->sec[0] ? " no" : "",
                        a->sec[0]);
        tot[0] += a->sec[0];
    }
    egaf_buf_puts(b, "<tr class=\"total\"><td>");
    esc(b, ST(s, "Tổng", "Total"));
    egaf_buf_puts(b, "</td>");
    for (int l = 1; l <= 5; l++)
        td_num(b, tot[l]);
    td_num(b, tot[0]);
    egaf_buf_puts(b, "</tr></tbody>");
    table_end(b);
}

/* A national target's name, linked to its page (site_targets.c) when it
 * has one. */
static void target_link(const egaf_site *s, egaf_buf *b, const char *id, const char *name)
{
    bool page = site_target_has_page(s, id);
    if (page)
        egaf_buf_printf(b, "<a href=\"t-%s.html\">", id);
    esc(b, name ? name : id);
    if (page)
        egaf_buf_puts(b, "</a>");
}

static void target_cell(egaf_site *s, egaf_buf *b, const site_target *t,
                        const site_target_value *v)
{
    if (!v->measured) {
        egaf_buf_puts(b, "<td class=\"n\">—</td>");
        return;
    }
    bool met = v->den && (double)v->num * 100.0 >= t->t->value * (double)v->den;
    egaf_buf_printf(b, "<td class=\"n %s\">", met ? "yes" : "no");
    pct(s, b, v->num, v->den);
    egaf_buf_printf(b, " <small>(%zu/%zu)</small></td>", v->num, v->den);
}

static void index_targets(egaf_site *s, egaf_buf *b)
{
    egaf_buf_printf(b, "<h3 id=\"chi-tieu\">%s</h3>\n",
                    ST(s, "Chỉ tiêu đo được từ các mô hình", "Targets the models can measure"));
    size_t measurable = 0;
    for (size_t t = 0; t < s->ntargets; t++)
        measurable += s->targets[t].measurable;
    if (!measurable) {
        egaf_buf_printf(b, "<p>%s</p>\n",
                        ST(s, "Phiên bản Khung kiến trúc của các mô hình không có chỉ tiêu (như "
                              "chỉ tiêu của NQ 17/NQ-CP cho Khung 2.0) đo được từ mô hình.",
                           "The framework editions of these models have no targets (like the "
                           "NQ 17/NQ-CP targets of framework 2.0) that a model can measure."));
        return;
    }
    table_begin(b, NULL);
    thead(b, ST(s, "Chỉ tiêu", "Target"), ST(s, "Khung", "Framework"), ST(s, "Mục tiêu", "Goal"),
          ST(s, "Đạt được", "Measured"), ST(s, "Cách đo", "Measure"), ST(s, "Nguồn", "Source"),
          (const char *)NULL);
    for (size_t t = 0; t < s->ntargets; t++) {
        site_target *st = &s->targets[t];
        if (!st->measurable)
            continue;
        egaf_buf_puts(b, "<tr><td>");
        /* the national target's name in the site's language, where the
         * reference data has it */
        const char *name = site_national_target_name(s, st->t->id);
        target_link(s, b, st->t->id, name ? name : st->t->name);
        egaf_buf_puts(b, "</td>");
        td(b, st->fw->edition);
        egaf_buf_printf(b, "<td class=\"n\">%g%%</td>", st->t->value);
        target_cell(s, b, st, &st->total);
        /* the measure is egaf's formula over the model's keys and values
         * ("online: full"), not a sentence: shown as code */
        td_code(b, st->t->measure);
        td(b, st->t->source);
        egaf_buf_puts(b, "</tr>\n");
    }
    egaf_buf_puts(b, "</tbody>");
    table_end(b);
    egaf_buf_printf(b, "<h4>%s</h4>\n", ST(s, "Theo cơ quan", "By agency"));
    table_begin(b, NULL);
    egaf_buf_puts(b, "<thead><tr>");
    th(b, ST(s, "Cơ quan", "Agency"));
    for (size_t t = 0; t < s->ntargets; t++)
        if (s->targets[t].measurable) {
            egaf_buf_puts(b, "<th scope=\"col\" title=\"");
            esc(b, s->targets[t].t->name);
            egaf_buf_puts(b, "\">");
            esc(b, s->targets[t].t->id);
            egaf_buf_printf(b, " (%g%%)</th>", s->targets[t].t->value);
        }
    egaf_buf_puts(b, "</tr></thead><tbody>\n");
    for (size_t i = 0; i < s->nag; i++) {
        egaf_buf_puts(b, "<tr><td>");
        agency_link(b, &s->ag[i]);
        egaf_buf_puts(b, "</td>");
        for (size_t t = 0; t < s->ntargets; t++)
            if (s->targets[t].measurable)
                target_cell(s, b, &s->targets[t], &s->ag[i].targets[t]);
        egaf_buf_puts(b, "</tr>\n");
    }
    egaf_buf_puts(b, "</tbody>");
    table_end(b);
}

static void instrument_text(egaf_buf *b, const char *c);

/* Every national target of the reference data, each linked to its page:
 * its value, the instrument that sets it, how many architectures of this
 * edition state a value for it. */
static void index_national_targets(egaf_site *s, egaf_buf *b)
{
    if (!s->refs || !s->refs->nnational_targets)
        return;
    egaf_buf_printf(b, "<h3 id=\"chi-tieu-quoc-gia\">%s</h3>\n",
                    ST(s, "Chỉ tiêu quốc gia", "National targets"));
    table_begin(b, NULL);
    thead(b, ST(s, "Chỉ tiêu", "Target"), ST(s, "Mức chỉ tiêu", "Target value"),
          ST(s, "Văn bản đặt chỉ tiêu", "Set by"),
          ST(s, "Số kiến trúc nêu giá trị", "Architectures stating a value"), (const char *)NULL);
    for (size_t i = 0; i < s->refs->nnational_targets; i++) {
        const egaf_ref_national_target *nt = &s->refs->national_targets[i];
        if (!site_target_has_page(s, nt->id))
            continue;
        egaf_buf_puts(b, "<tr><td>");
        target_link(s, b, nt->id, site_national_target_name(s, nt->id));
        egaf_buf_puts(b, "</td>");
        td(b, nt->value);
        egaf_buf_puts(b, "<td>");
        if (nt->instrument)
            instrument_text(b, nt->instrument);
        egaf_buf_puts(b, "</td>");
        td_num(b, site_target_stating(s, nt->id));
        egaf_buf_puts(b, "</tr>\n");
    }
    egaf_buf_puts(b, "</tbody>");
    table_end(b);
}

/* The earlier editions kept in editions/<year>/ (site_editions.c), newest
 * first. */
static void index_editions(egaf_site *s, egaf_buf *b)
{
    if (!s->neditions)
        return;
    egaf_buf_printf(b, "<h2 id=\"cac-lan-truoc\">%s</h2>\n<ul>",
                    ST(s, "Các lần hợp nhất trước", "Earlier editions"));
    for (size_t i = 0; i < s->neditions; i++) {
        egaf_buf_printf(b, "<li><a href=\"editions/%d/index.html\">", s->editions[i]);
        egaf_buf_printf(b, ST(s, "Kiến trúc tổng thể quốc gia năm %d", "National architecture %d"),
                        s->editions[i]);
        egaf_buf_puts(b, "</a></li>");
    }
    egaf_buf_puts(b, "</ul>\n");
}

static void index_nationals(egaf_site *s, egaf_buf *b)
{
    egaf_buf_printf(b, "<h2 id=\"quoc-gia\">%s</h2>\n",
                    ST(s, "Hệ thống thông tin dùng chung và cơ sở dữ liệu quốc gia",
                       "National shared systems and databases"));
    table_begin(b, NULL);
    thead(b, ST(s, "Tên", "Name"), ST(s, "Loại", "Kind"), ST(s, "Bộ, ngành", "Ministries"),
          ST(s, "Tỉnh, thành phố", "Provinces"), ST(s, "Qua NGSP", "Through NGSP"),
          (const char *)NULL);
    for (size_t n = 0; n < s->nnat; n++) {
        site_national *nat = &s->nat[n];
        egaf_buf_puts(b, "<tr><td>");
        national_link(s, b, nat, false);
        egaf_buf_puts(b, "</td>");
        td(b, nat->db ? ST(s, "CSDL quốc gia", "national database")
                      : ST(s, "hệ thống dùng chung", "shared system"));
        td_num(b, nat->consumers[GROUP_MINISTRY]);
        td_num(b, nat->consumers[GROUP_PROVINCE]);
        td_num(b, nat->through_ngsp);
        egaf_buf_puts(b, "</tr>\n");
    }
    egaf_buf_puts(b, "</tbody>");
    table_end(b);
}

static int write_index(egaf_site *s)
{
    egaf_buf *b = &s->page;
    char title[160];
    snprintf(title, sizeof title, ST(s, "Kiến trúc tổng thể quốc gia năm %d",
                                     "National architecture %d"),
             s->year);
    head(s, b, ST(s, "Tổng quan", "Overview"));
    tag_text(b, "h1", title);
    size_t by_group[GROUP__COUNT] = {0}, apps = 0, dbs = 0, ints = 0, svc = 0, full = 0,
           ngsp = 0;
    for (size_t i = 0; i < s->nag; i++) {
        site_agency *a = &s->ag[i];
        by_group[a->group]++;
        apps += a->m->counts[EGAF_K_APPLICATION];
        dbs += a->m->counts[EGAF_K_DATABASE];
        ints += a->m->counts[EGAF_K_INTEGRATION];
        svc += total_online(a);
        full += a->online[0];
        ngsp += a->lgsp_ngsp;
    }
    egaf_buf_puts(b, "<p class=\"lead\">");
    egaf_buf_printf(b,
                    ST(s, "Hợp nhất %zu kiến trúc: %zu bộ, ngành và %zu tỉnh, thành phố "
                          "(trong %zu bộ, ngành và %zu tỉnh, thành phố của năm %d).",
                       "%zu architectures consolidated: %zu ministries and %zu provinces (of "
                       "the %zu ministries and %zu provinces of %d)."),
                    s->nag, by_group[GROUP_MINISTRY], by_group[GROUP_PROVINCE],
                    s->agencies_by_group[GROUP_MINISTRY], s->agencies_by_group[GROUP_PROVINCE],
                    s->year);
    egaf_buf_puts(b, "</p>\n<ul class=\"figures\">");
    char v[64];
    snprintf(v, sizeof v, "%zu/%zu", s->nag, s->nag + s->nmissing);
    key_figure(b, v, ST(s, "cơ quan có kiến trúc", "agencies with an architecture"));
    snprintf(v, sizeof v, "%zu/%zu", ngsp, s->nag);
    key_figure(b, v, ST(s, "LGSP kết nối NGSP", "LGSPs connected to NGSP"));
    snprintf(v, sizeof v, "%zu", svc);
    key_figure(b, v, ST(s, "dịch vụ công", "public services"));
    egaf_buf reset;
    egaf_buf_init(&reset);
    pct(s, &reset, full, svc);
    key_figure(b, reset.data ? reset.data : "", ST(s, "trực tuyến toàn trình", "fully online"));
    egaf_buf_free(&reset);
    snprintf(v, sizeof v, "%zu", apps);
    key_figure(b, v, ST(s, "ứng dụng, hệ thống", "applications"));
    snprintf(v, sizeof v, "%zu", dbs);
    key_figure(b, v, ST(s, "cơ sở dữ liệu", "databases"));
    snprintf(v, sizeof v, "%zu", ints);
    key_figure(b, v, ST(s, "kết nối, tích hợp", "integrations"));
    egaf_diag_counts c = egaf_diags_counts(s->findings);
    snprintf(v, sizeof v, "%zu/%zu/%zu", c.errors, c.warnings, c.notes);
    key_figure(b, v, ST(s, "lỗi/cảnh báo/lưu ý", "errors/warnings/notes"));
    egaf_buf_puts(b, "</ul>\n");
    if (s->overview_drawn) /* large: in a frame the reader pans and zooms */
        site_zoom_figure(s, b, "img/national-overview.svg",
               ST(s, "Sơ đồ tổng thể: các bộ, ngành, địa phương, NGSP và hệ thống, CSDL quốc gia",
                  "Overview: ministries, provinces, NGSP and the national systems and "
                  "databases"));
    index_agencies(s, b);
    egaf_buf_printf(b, "<h2 id=\"bao-phu\">%s</h2>\n",
                    ST(s, "Mức độ kết nối và bao phủ", "Coverage"));
    index_lgsp(s, b);
    index_matrix(s, b, false);
    index_matrix(s, b, true);
    index_online(s, b);
    index_security(s, b);
    index_targets(s, b);
    index_national_targets(s, b);
    index_nationals(s, b);
    egaf_buf_printf(b, "<h2 id=\"du-lieu\">%s</h2>\n<ul>", ST(s, "Dữ liệu", "Data"));
    static const char *const files[][3] = {
        {"data/consolidated.json", "Mô hình hợp nhất và số liệu (JSON)",
         "The consolidated model and figures (JSON)"},
        {"data/agencies.csv", "Các kiến trúc và số liệu (CSV)", "Architectures and figures (CSV)"},
        {"data/elements.csv", "Mọi thành phần (CSV)", "Every element (CSV)"},
        {"data/connections.csv", "Mọi kết nối (CSV)", "Every connection (CSV)"},
        {"data/findings.csv", "Mọi phát hiện (CSV)", "Every finding (CSV)"},
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        egaf_buf_printf(b, "<li><a href=\"%s\">%s</a></li>", files[i][0],
                        s->en ? files[i][2] : files[i][1]);
    egaf_buf_puts(b, "</ul>\n");
    index_editions(s, b);
    return foot(s, b, "index.html");
}

/* ---- agency pages --------------------------------------------------------- */

/* A figure's heading: egaf_view_title's words, without its "Sơ đồ" where
 * the page's heading already says what the figure is. */
static const char *view_title(const egaf_site *s, egaf_view v)
{
    static const char *const titles[EGAF_VIEW__COUNT][2] = {
        [EGAF_VIEW_OVERVIEW] = {"Sơ đồ tổng thể", "Overview"},
        [EGAF_VIEW_INTEGRATION] = {"Kết nối, tích hợp, chia sẻ dữ liệu",
                                   "Integration and data sharing"},
        [EGAF_VIEW_DATA] = {"Kiến trúc dữ liệu", "Data architecture"},
        [EGAF_VIEW_TECHNOLOGY] = {"Kiến trúc công nghệ", "Technology architecture"},
        [EGAF_VIEW_SECURITY] = {"Kiến trúc an toàn thông tin", "Security architecture"},
        [EGAF_VIEW_ORGANISATION] = {"Cơ cấu tổ chức và quan hệ nghiệp vụ",
                                    "Organisation and business relations"},
    };
    const char *const *t = titles[(unsigned)v < EGAF_VIEW__COUNT ? v : EGAF_VIEW_SECURITY];
    return ST(s, t[0], t[1]);
}

/* What a reference names, as a person reads it: a local element's name, a
 * national entry's name; another architecture's element as written. */
static const char *ref_text(const egaf_site *s, const site_agency *a, const char *ref)
{
    if (!ref)
        return NULL;
    if (strncmp(ref, "national:", 9) == 0) {
        size_t n = (size_t)(uintptr_t)egaf_strmap_get(&s->nat_index, ref + 9, strlen(ref + 9));
        return n ? site_national_name(s, &s->nat[n - 1]) : ref;
    }
    const egaf_element *el = a ? egaf_strmap_get(&a->ids, ref, strlen(ref)) : NULL;
    return el ? site_element_name(s, el) : ref;
}

/* The name of a national target of the reference data (a target's
 * `national`), or the id as written. */
static const char *national_target_text(const egaf_site *s, const char *id)
{
    for (size_t t = 0; id && t < s->ntargets; t++)
        if (s->targets[t].t->id && strcmp(s->targets[t].t->id, id) == 0 && s->targets[t].t->name)
            return s->targets[t].t->name;
    return id;
}

/* A value of kind's field as text: references by name, allowed values by
 * their label, lists joined with ", ". */
static void value_text(const egaf_site *s, egaf_buf *b, const site_agency *a, egaf_kind kind,
                       egaf_field field, const egaf_value *v)
{
    if (!v)
        return;
    if (kind == EGAF_K_TARGET && field == EGAF_F_NATIONAL && v->type == EGAF_FT_TEXT) {
        const char *name = site_national_target_name(s, v->u.str.s);
        if (name)
            target_link(s, b, v->u.str.s, name);
        else
            esc(b, national_target_text(s, v->u.str.s));
        return;
    }
    switch (v->type) {
    case EGAF_FT_INT:
        egaf_buf_printf(b, "%lld", v->u.num);
        break;
    case EGAF_FT_REFS:
    case EGAF_FT_TEXTS:
    case EGAF_FT_IDS:
        for (size_t i = 0; i < v->u.list.count; i++) {
            if (i)
                egaf_buf_puts(b, "; ");
            esc(b, v->type == EGAF_FT_REFS ? ref_text(s, a, v->u.list.items[i].s)
                                           : v->u.list.items[i].s);
        }
        break;
    case EGAF_FT_PERIOD:
        egaf_buf_printf(b, "%lld–%lld", v->u.period.from, v->u.period.to);
        break;
    case EGAF_FT_WAIVERS:
    case EGAF_FT_PROPERTIES:
        break;
    case EGAF_FT_REF:
        esc(b, ref_text(s, a, v->u.str.s));
        break;
    case EGAF_FT_ENUM:
        esc(b, egaf_label_value_or_raw(kind, field, v->u.str.s, s->en));
        break;
    default:
        esc(b, v->u.str.s);
    }
}

/* An inventory table: its columns, and which of them are shown only when
 * an element of the page has a value there (the fields of the document's
 * chapters, which most models do not fill: an empty column says nothing).
 * vi, en: the table's title; NULL: the kind's label. */
typedef struct kind_table {
    egaf_kind kind;
    const char *vi, *en;
    egaf_field cols[10];
    size_t ncols;
    unsigned optional; /* bit c: column c only when used */
} kind_table;

#define OPT(c) (1u << (c))
static const kind_table kind_tables[] = {
    {EGAF_K_APPLICATION, "Ứng dụng, hệ thống thông tin", "Applications",
     {EGAF_F_ROLE, EGAF_F_SECURITY_LEVEL, EGAF_F_USES, EGAF_F_HOSTED_ON, EGAF_F_USERS,
      EGAF_F_STATUS}, 6, OPT(4)},
    {EGAF_K_PLATFORM, "Nền tảng", "Platforms",
     {EGAF_F_KIND, EGAF_F_CONNECTS, EGAF_F_SECURITY_LEVEL, EGAF_F_PROVIDER, EGAF_F_HOSTING,
      EGAF_F_STATUS}, 6, OPT(3) | OPT(4)},
    {EGAF_K_INTEGRATION, "Kết nối, tích hợp", "Integrations",
     {EGAF_F_FROM, EGAF_F_TO, EGAF_F_VIA, EGAF_F_ROUTE, EGAF_F_DATA}, 5, 0},
    {EGAF_K_DATABASE, "Cơ sở dữ liệu", "Databases",
     {EGAF_F_KIND, EGAF_F_HOLDS, EGAF_F_SOURCES, EGAF_F_SECURITY_LEVEL, EGAF_F_STATUS}, 5, 0},
    {EGAF_K_SERVICE, "Dịch vụ công", "Public services",
     {EGAF_F_ONLINE, EGAF_F_HANDLED_BY, EGAF_F_CHANNELS, EGAF_F_STATUS}, 4, 0},
    {EGAF_K_FUNCTION, "Chức năng nghiệp vụ", "Business functions", {EGAF_F_BRM}, 1, 0},
    {EGAF_K_ACTOR, "Người sử dụng", "Users", {EGAF_F_KIND}, 1, 0},
    {EGAF_K_CHANNEL, "Kênh giao tiếp", "Channels", {EGAF_F_KIND, EGAF_F_APPLICATION, EGAF_F_STATUS},
     3, OPT(1)},
    {EGAF_K_UNIT, NULL, NULL, {EGAF_F_KIND, EGAF_F_ORGAN_CODE, EGAF_F_PARENT, EGAF_F_STATUS}, 4,
     OPT(3)},
    {EGAF_K_RELATION, NULL, NULL, {EGAF_F_FROM, EGAF_F_TO, EGAF_F_KIND, EGAF_F_DATA}, 4, 0},
    {EGAF_K_INFRASTRUCTURE, "Hạ tầng kỹ thuật", "Infrastructure",
     {EGAF_F_KIND, EGAF_F_CONNECTS, EGAF_F_SECURITY_LEVEL, EGAF_F_LOCATION, EGAF_F_PROVIDER,
      EGAF_F_HOSTING}, 6, OPT(4) | OPT(5)},
    {EGAF_K_STANDARD, NULL, NULL, {EGAF_F_CODE, EGAF_F_INSTRUMENT, EGAF_F_APPLIES_TO}, 3, 0},
    {EGAF_K_CONTROL, "Biện pháp an toàn thông tin", "Security controls",
     {EGAF_F_KIND, EGAF_F_PROTECTS}, 2, 0},
    {EGAF_K_ROADMAP, "Lộ trình triển khai", "Roadmap",
     {EGAF_F_YEAR_FROM, EGAF_F_YEAR_TO, EGAF_F_PRIORITY, EGAF_F_LEAD, EGAF_F_FUNDING,
      EGAF_F_BUDGET, EGAF_F_BUDGET_MILLION, EGAF_F_PROGRESS, EGAF_F_DELIVERS}, 9,
     OPT(3) | OPT(4) | OPT(6) | OPT(7)},
    {EGAF_K_TARGET, NULL, NULL,
     {EGAF_F_INDICATOR, EGAF_F_BASELINE, EGAF_F_BASELINE_YEAR, EGAF_F_VALUE, EGAF_F_YEAR,
      EGAF_F_NATIONAL}, 6, OPT(2) | OPT(5)},
    {EGAF_K_SOLUTION, NULL, NULL, {EGAF_F_KIND, EGAF_F_LEAD, EGAF_F_SERVES}, 3, 0},
};
#undef OPT

/* Whether an element of the page has a value in column c. */
static bool column_used(const egaf_model *m, const kind_table *kt, size_t c)
{
    if (!(kt->optional & (1u << c)))
        return true;
    for (size_t i = 0; i < m->counts[kt->kind]; i++)
        if (egaf_element_get(m->elements[kt->kind][i], kt->cols[c]))
            return true;
    return false;
}

static void inventory(egaf_site *s, egaf_buf *b, const site_agency *a, const kind_table *kt)
{
    const egaf_model *m = a->m;
    size_t n = m->counts[kt->kind];
    if (!n)
        return;
    egaf_buf_printf(b, "<h3 id=\"%s\">", egaf_kind_info(kt->kind)->list);
    esc(b, kt->vi ? (s->en ? kt->en : kt->vi) : egaf_label_kind(kt->kind, s->en));
    egaf_buf_printf(b, " (%zu)</h3>\n", n);
    table_begin(b, NULL);
    egaf_buf_puts(b, "<thead><tr>");
    bool named = kt->kind != EGAF_K_INTEGRATION && kt->kind != EGAF_K_RELATION;
    bool used[sizeof kt->cols / sizeof kt->cols[0]] = {false};
    for (size_t c = 0; c < kt->ncols; c++)
        used[c] = column_used(m, kt, c);
    if (named) {
        th(b, egaf_label_field(EGAF_F_ID, s->en));
        th(b, egaf_label_field(EGAF_F_NAME, s->en));
    }
    for (size_t c = 0; c < kt->ncols; c++)
        if (used[c])
            th(b, egaf_label_field(kt->cols[c], s->en));
    egaf_buf_puts(b, "</tr></thead><tbody>\n");
    for (size_t i = 0; i < n; i++) {
        const egaf_element *el = m->elements[kt->kind][i];
        const char *st = egaf_element_text(el, EGAF_F_STATUS);
        egaf_buf_printf(b, "<tr%s>", st && strcmp(st, "retired") == 0 ? " class=\"retired\"" : "");
        if (named) {
            td_id(b, el->id);
            td(b, site_element_name(s, el));
        }
        for (size_t c = 0; c < kt->ncols; c++) {
            if (!used[c])
                continue;
            egaf_buf_puts(b, "<td>");
            value_text(s, b, a, kt->kind, kt->cols[c], egaf_element_get(el, kt->cols[c]));
            egaf_buf_puts(b, "</td>");
        }
        egaf_buf_puts(b, "</tr>\n");
    }
    egaf_buf_puts(b, "</tbody>");
    table_end(b);
}

/* The kind of link, as the model states it: an integration, a network
 * (infrastructure that connects), a platform that connects, a data source. */
static const char *how_text(const egaf_site *s, const site_link *l)
{
    if (l->how & (LK_A | LK_B | LK_C | LK_D | LK_VIA | LK_DIRECT))
        return ST(s, "tích hợp, chia sẻ dữ liệu", "integration");
    if (l->how & LK_NETWORK)
        return ST(s, "kết nối mạng", "network link");
    if (l->how & LK_CONNECTS)
        return ST(s, "kết nối nền tảng", "platform link");
    return ST(s, "nguồn dữ liệu", "data source");
}

static void links_table(egaf_site *s, egaf_buf *b, const site_agency *only, size_t nat)
{
    size_t shown = 0;
    for (size_t i = 0; i < s->nag; i++) {
        const site_agency *a = &s->ag[i];
        if (only && a != only)
            continue;
        for (size_t j = 0; j < a->nlinks; j++) {
            const site_link *l = &a->links[j];
            if (!only && l->nat != nat)
                continue;
            if (!shown++) {
                table_begin(b, NULL);
                thead(b,
                      only ? ST(s, "Hệ thống quốc gia", "National system") : ST(s, "Cơ quan", "Agency"),
                      ST(s, "Thành phần", "Element"), ST(s, "Hình thức", "How"),
                      ST(s, "Qua", "Via"), ST(s, "Trường hợp", "Route"), (const char *)NULL);
            }
            egaf_buf_puts(b, "<tr><td>");
            if (only)
                national_link(s, b, &s->nat[l->nat], false);
            else
                agency_link(b, a);
            egaf_buf_puts(b, "</td><td>");
            const egaf_element *from = l->from ? egaf_strmap_get(&a->ids, l->from, strlen(l->from))
                                               : NULL;
            esc(b, from ? site_element_name(s, from) : l->from);
            if (l->from) {
                egaf_buf_puts(b, " <code>");
                esc(b, l->from);
                egaf_buf_puts(b, "</code>");
            }
            egaf_buf_puts(b, "</td>");
            td(b, how_text(s, l));
            td(b, ref_text(s, a, l->via));
            td(b, egaf_label_value(EGAF_K_INTEGRATION, EGAF_F_ROUTE, l->route, s->en));
            egaf_buf_puts(b, "</tr>\n");
        }
    }
    if (shown)
        egaf_buf_puts(b, "</tbody>"), table_end(b);
    else
        egaf_buf_printf(b, "<p>%s</p>\n", ST(s, "Không có kết nối.", "No connections."));
}

static int write_agency(egaf_site *s, site_agency *a)
{
    egaf_buf *b = &s->page;
    const egaf_model *m = a->m;
    head(s, b, a->name);
    tag_text(b, "h1", a->name);
    egaf_buf_puts(b, "<p class=\"lead\">");
    esc(b, a->title);
    egaf_buf_puts(b, "</p>\n<dl class=\"facts\">");
    const egaf_element *h = m->header;
    site_dl_item(b, ST(s, "Mã kiến trúc", "Architecture id"), m->id);
    /* the agency by its name, and the code or id the model gives */
    const char *agency = h ? egaf_element_text(h, EGAF_F_AGENCY) : NULL;
    if (agency) {
        egaf_buf_reset(&s->tmp);
        const egaf_ref_entry *e = a->agency;
        const char *name = e ? a->name : NULL;
        if (name) {
            egaf_buf_puts(&s->tmp, name);
            const char *code = e->organ_code ? e->organ_code : agency;
            if (strcmp(code, e->id) != 0)
                egaf_buf_printf(&s->tmp, " (%s)", code);
        } else {
            egaf_buf_puts(&s->tmp, agency);
        }
        site_dl_item(b, egaf_label_field(EGAF_F_AGENCY, s->en),
                s->tmp.failed ? agency : s->tmp.data);
    }
    site_dl_item(b, ST(s, "Cấp", "Level"), site_group_name(s, a->group, false));
    site_dl_item(b, ST(s, "Khung kiến trúc", "Framework"), m->framework.s);
    char year[32];
    snprintf(year, sizeof year, "%d", a->year);
    site_dl_item(b, ST(s, "Năm", "Year"), a->year ? year : NULL);
    if (h) {
        const egaf_value *p = egaf_element_get(h, EGAF_F_PERIOD);
        if (p && p->type == EGAF_FT_PERIOD) {
            char per[48];
            snprintf(per, sizeof per, "%lld–%lld", p->u.period.from, p->u.period.to);
            site_dl_item(b, ST(s, "Giai đoạn", "Period"), per);
        }
        site_dl_item(b, ST(s, "Phê duyệt", "Approved by"), egaf_element_text(h, EGAF_F_APPROVED_BY));
        site_dl_item(b, ST(s, "Phiên bản", "Version"), egaf_element_text(h, EGAF_F_VERSION));
    }
    /* the model as published with the site, never the path it was read
     * from on the consolidator's machine */
    if (m->readable && m->nfiles)
        egaf_buf_printf(b, "<dt>%s</dt><dd><a href=\"data/models/%s/%s.yaml\">%s.yaml</a></dd>",
                        ST(s, "Tệp mô hình", "Model file"), a->slug, a->slug, a->slug);
    egaf_buf_puts(b, "</dl>\n");
    if (h) {
        static const egaf_field statements[] = {EGAF_F_VISION, EGAF_F_GOALS, EGAF_F_SCOPE,
                                                EGAF_F_PRINCIPLES, EGAF_F_LEGAL_BASIS};
        for (size_t i = 0; i < sizeof statements / sizeof *statements; i++) {
            const egaf_value *v = egaf_element_get(h, statements[i]);
            if (!v)
                continue;
            egaf_buf_puts(b, "<h2>");
            esc(b, egaf_label_field(statements[i], s->en));
            egaf_buf_puts(b, "</h2>\n");
            if (v->type == EGAF_FT_TEXTS) {
                egaf_buf_puts(b, "<ul>");
                for (size_t j = 0; j < v->u.list.count; j++)
                    tag_text(b, "li", v->u.list.items[j].s);
                egaf_buf_puts(b, "</ul>\n");
            } else if (v->u.str.s) {
                tag_text(b, "p", v->u.str.s);
            }
        }
    }
    egaf_buf_puts(b, "<ul class=\"figures\">");
    char v[64];
    snprintf(v, sizeof v, "%zu", total_online(a));
    key_figure(b, v, ST(s, "dịch vụ công", "public services"));
    egaf_buf p;
    egaf_buf_init(&p);
    pct(s, &p, a->online[0], total_online(a));
    key_figure(b, p.data ? p.data : "", ST(s, "trực tuyến toàn trình", "fully online"));
    egaf_buf_free(&p);
    snprintf(v, sizeof v, "%zu", m->counts[EGAF_K_APPLICATION]);
    key_figure(b, v, ST(s, "ứng dụng", "applications"));
    snprintf(v, sizeof v, "%zu", m->counts[EGAF_K_DATABASE]);
    key_figure(b, v, ST(s, "cơ sở dữ liệu", "databases"));
    snprintf(v, sizeof v, "%zu", m->counts[EGAF_K_INTEGRATION]);
    key_figure(b, v, ST(s, "kết nối", "integrations"));
    key_figure(b, a->lgsp_ngsp ? ST(s, "có", "yes") : ST(s, "chưa", "no"),
               ST(s, "LGSP kết nối NGSP", "LGSP connected to NGSP"));
    snprintf(v, sizeof v, "%zu/%zu/%zu", a->counts[EGAF_SEV_ERROR], a->counts[EGAF_SEV_WARNING],
             a->counts[EGAF_SEV_NOTE]);
    key_figure(b, v, ST(s, "lỗi/cảnh báo/lưu ý", "errors/warnings/notes"));
    egaf_buf_puts(b, "</ul>\n");
    bool any = false;
    for (int vw = 0; vw < EGAF_VIEW__COUNT; vw++)
        any |= a->drawn[vw];
    if (any) {
        egaf_buf_printf(b, "<h2 id=\"so-do\">%s</h2>\n", ST(s, "Sơ đồ", "Diagrams"));
        for (int vw = 0; vw < EGAF_VIEW__COUNT; vw++) {
            if (!a->drawn[vw])
                continue;
            char src[160];
            snprintf(src, sizeof src, "img/a-%s-%s.svg", a->slug, egaf_view_name((egaf_view)vw));
            figure(s, b, src, view_title(s, (egaf_view)vw));
        }
    }
    egaf_buf_printf(b, "<h2 id=\"ket-noi-quoc-gia\">%s</h2>\n",
                    ST(s, "Kết nối với hệ thống, CSDL quốc gia",
                       "Connections to national systems and databases"));
    links_table(s, b, a, 0);
    egaf_buf_printf(b, "<h2 id=\"thanh-phan\">%s</h2>\n", ST(s, "Thành phần", "Inventory"));
    for (size_t k = 0; k < sizeof kind_tables / sizeof kind_tables[0]; k++)
        inventory(s, b, a, &kind_tables[k]);
    egaf_buf_printf(b, "<h2 id=\"phat-hien\">%s</h2>\n", ST(s, "Phát hiện", "Findings"));
    findings_table(s, b, a, false);
    char rel[128];
    snprintf(rel, sizeof rel, "a-%s.html", a->slug);
    return foot(s, b, rel);
}

/* ---- national pages ------------------------------------------------------- */

/* A citation that is a page address ("vietbao.vn/…-467279.html",
 * "thuvienphapluat.vn"): its first word is a host name, lower-case letters,
 * digits, '-' and at least one '.', then nothing or a path. */
static bool is_page_address(const char *c)
{
    if (strncmp(c, "http://", 7) == 0 || strncmp(c, "https://", 8) == 0)
        return true;
    bool dot = false;
    const char *p = c;
    for (; *p && *p != ' ' && *p != '/'; p++) {
        if (*p == '.')
            dot = true;
        else if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return false;
    }
    return dot && p > c;
}

/* Whether a parenthesis of a citation is a date ("(23/6/2017)"), which a
 * reader cites with the instrument, rather than a remark of the data's
 * editors ("(added to Khung 3.0)"). */
static bool has_date(const char *from, const char *to)
{
    for (const char *p = from; p + 8 <= to; p++) {
        int d, m, y, n = 0;
        if (sscanf(p, "%2d/%2d/%4d%n", &d, &m, &y, &n) == 3 && n >= 8 && d >= 1 && d <= 31 &&
            m >= 1 && m <= 12 && y >= 1945)
            return true;
    }
    return false;
}

/* One instrument as people cite it: its number and date, without the
 * editors' remarks in parentheses. */
static void instrument_text(egaf_buf *b, const char *c)
{
    const char *p = c;
    while (*p) {
        const char *open = strstr(p, " (");
        const char *close = open ? strchr(open, ')') : NULL;
        if (!close) {
            esc(b, p);
            return;
        }
        char *before = strndup(p, (size_t)(open - p));
        if (!before) {
            b->failed = true;
            return;
        }
        esc(b, before);
        free(before);
        if (has_date(open, close)) {
            char *paren = strndup(open, (size_t)(close + 1 - open));
            if (!paren) {
                b->failed = true;
                return;
            }
            esc(b, paren);
            free(paren);
        }
        p = close + 1;
    }
}

/* The data's own words where no source states a fact ("no source states
 * it (egaf's reading)"): the confidence says it, no citation to show. */
static bool is_citation(const char *c)
{
    return strncmp(c, "no source ", 10) != 0;
}

/* The fact's sources as people cite them: the instruments with their
 * dates; the page addresses only when no instrument states it. */
static void citations(const egaf_site *s, egaf_buf *b, const egaf_ref_fact *fact)
{
    size_t instruments = 0, any = 0;
    for (size_t i = 0; i < fact->nsources; i++) {
        any += is_citation(fact->sources[i]);
        instruments += is_citation(fact->sources[i]) && !is_page_address(fact->sources[i]);
    }
    if (!any)
        return;
    egaf_buf_printf(b, "<dt>%s</dt><dd>", ST(s, "Căn cứ", "Source"));
    size_t shown = 0;
    for (size_t i = 0; i < fact->nsources; i++) {
        const char *c = fact->sources[i];
        bool page = is_page_address(c);
        if (!is_citation(c) || (instruments && page))
            continue;
        if (shown++)
            egaf_buf_puts(b, "; ");
        if (page)
            esc(b, c);
        else
            instrument_text(b, c);
    }
    egaf_buf_puts(b, "</dd>");
}

static int write_national(egaf_site *s, size_t n)
{
    site_national *nat = &s->nat[n];
    const egaf_ref_entry *e = nat->e;
    egaf_buf *b = &s->page;
    head(s, b, site_national_name(s, nat));
    tag_text(b, "h1", site_national_name(s, nat));
    egaf_buf_puts(b, "<dl class=\"facts\">");
    site_dl_item(b, egaf_label_field(EGAF_F_ID, s->en), nat->id);
    site_dl_item(b, ST(s, "Loại", "Kind"),
            nat->db ? ST(s, "Cơ sở dữ liệu quốc gia", "National database")
                    : ST(s, "Hệ thống thông tin dùng chung quốc gia", "National shared system"));
    site_dl_item(b, ST(s, "Tên viết tắt", "Abbreviation"), e->abbr);
    const char *owner = egaf_ref_owner_in(e, s->year);
    const egaf_ref_entry *oe = owner && s->refs ? egaf_refs_find(s->refs, owner) : NULL;
    site_dl_item(b, ST(s, "Cơ quan chủ quản", "Owner"),
            oe ? (s->en && oe->name_en ? oe->name_en : oe->name) : owner);
    site_dl_item(b, ST(s, "Nhóm", "Category"),
            egaf_label_category(e->category, s->en) ? egaf_label_category(e->category, s->en)
                                                    : e->category);
    site_dl_item(b, ST(s, "Mục đích", "Purpose"), e->purpose);
    /* the citations a reader can look up, and how sure the data is */
    citations(s, b, &e->fact);
    site_dl_item(b, ST(s, "Độ tin cậy", "Confidence"),
            egaf_label_confidence(egaf_confidence_name(e->fact.confidence), s->en));
    egaf_buf_puts(b, "</dl>\n");
    if (nat->drawn) {
        char src[128];
        snprintf(src, sizeof src, "img/n-%s.svg", nat->id);
        figure(s, b, src, ST(s, "Các cơ quan kết nối và trường hợp kết nối",
                             "The agencies connected, and their routes"));
    }
    egaf_buf_printf(b, "<h2>%s</h2>\n", ST(s, "Cơ quan kết nối", "Consumers"));
    links_table(s, b, NULL, n);
    /* agencies the framework requires to connect, that do not */
    if (e->nconnects) {
        size_t shown = 0;
        for (size_t i = 0; i < s->nag; i++) {
            const site_agency *a = &s->ag[i];
            if (site_cell(s, i, n))
                continue;
            const char *level = a->group == GROUP_PROVINCE ? "province" : "ministry";
            bool must = false;
            for (size_t c = 0; c < e->nconnects && !must; c++)
                for (size_t l = 0; l < e->connects[c].nlevels; l++)
                    must |= strcmp(e->connects[c].levels[l], level) == 0;
            if (!must || a->group == GROUP_OTHER)
                continue;
            if (!shown++)
                egaf_buf_printf(b, "<h2>%s</h2>\n<ul>",
                                ST(s, "Phải kết nối nhưng chưa thể hiện trong kiến trúc",
                                   "Required to connect, not shown in the architecture"));
            egaf_buf_puts(b, "<li>");
            agency_link(b, a);
            egaf_buf_puts(b, "</li>");
        }
        if (shown)
            egaf_buf_puts(b, "</ul>\n");
    }
    char rel[128];
    snprintf(rel, sizeof rel, "n-%s.html", nat->id);
    return foot(s, b, rel);
}

/* ---- findings and changes ------------------------------------------------- */

static int write_findings(egaf_site *s)
{
    egaf_buf *b = &s->page;
    head(s, b, ST(s, "Phát hiện", "Findings"));
    tag_text(b, "h1", ST(s, "Phát hiện khi kiểm tra và hợp nhất", "Findings of the consolidation"));
    egaf_diag_counts c = egaf_diags_counts(s->findings);
    egaf_buf_puts(b, "<p class=\"lead\">");
    egaf_buf_printf(b, ST(s, "%zu lỗi, %zu cảnh báo, %zu lưu ý (%zu được miễn trừ).",
                          "%zu errors, %zu warnings, %zu notes (%zu waived)."),
                    c.errors, c.warnings, c.notes, c.suppressed);
    egaf_buf_puts(b, "</p>\n");
    egaf_buf_printf(b, "<p class=\"note\">%s</p>\n",
                    ST(s, "Quy tắc cross.* là kiểm tra chéo giữa các kiến trúc; `egaf explain "
                          "QUY-TẮC` giải thích từng quy tắc.",
                       "cross.* rules check the architectures against each other; `egaf explain "
                       "RULE` explains each rule."));
    findings_table(s, b, NULL, true);
    return foot(s, b, "findings.html");
}

/* One value of a changed field: an allowed value by its label, a reference
 * or an id as code, an English name marked as English. */
static void diff_value(const egaf_site *s, egaf_buf *b, egaf_kind kind, const egaf_field_spec *fs,
                       const char *value)
{
    if (!value) {
        egaf_buf_puts(b, "—");
        return;
    }
    switch (fs ? fs->type : EGAF_FT_TEXT) {
    case EGAF_FT_ENUM:
        esc(b, egaf_label_value_or_raw(kind, fs->field, value, s->en));
        return;
    case EGAF_FT_REF:
    case EGAF_FT_REFS:
    case EGAF_FT_IDS:
    case EGAF_FT_ID:
    case EGAF_FT_CODE:
        tag_text(b, "code", value);
        return;
    default:
        break;
    }
    if (fs && fs->field == EGAF_F_NAME_EN && !s->en) {
        egaf_buf_puts(b, "<span lang=\"en\">");
        esc(b, value);
        egaf_buf_puts(b, "</span>");
        return;
    }
    esc(b, value);
}

/* The fields that changed, each by its label (the key as written when the
 * format has none: a key of `properties`). */
static void diff_fields(const egaf_site *s, egaf_buf *b, egaf_kind kind, const egaf_diff_field *f,
                        size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            egaf_buf_puts(b, "<br>");
        const char *label = egaf_label_key_in(kind, f[i].field, s->en);
        if (label) {
            esc(b, label);
            egaf_buf_puts(b, ": ");
        } else {
            tag_text(b, "code", f[i].field);
            egaf_buf_puts(b, ": ");
        }
        const egaf_kind_spec *spec = egaf_kind_info(kind);
        const egaf_field_spec *fs = spec ? egaf_field_spec_find(spec, f[i].field) : NULL;
        if (!f[i].list) {
            diff_value(s, b, kind, fs, f[i].old_value);
            egaf_buf_puts(b, " → ");
            diff_value(s, b, kind, fs, f[i].new_value);
            continue;
        }
        for (size_t j = 0; j < f[i].nadded; j++) {
            egaf_buf_puts(b, " +");
            diff_value(s, b, kind, fs, f[i].added[j]);
        }
        for (size_t j = 0; j < f[i].nremoved; j++) {
            egaf_buf_puts(b, " −");
            diff_value(s, b, kind, fs, f[i].removed[j]);
        }
    }
}

static const char *status_text(const egaf_site *s, egaf_diff_status st)
{
    static const char *const words[EGAF_DIFF_CHANGED + 1][2] = {
        [EGAF_DIFF_UNCHANGED] = {"không đổi", "unchanged"},
        [EGAF_DIFF_ADDED] = {"thêm", "added"},
        [EGAF_DIFF_REMOVED] = {"bỏ", "removed"},
        [EGAF_DIFF_CHANGED] = {"thay đổi", "changed"},
    };
    const char *const *w = words[(unsigned)st <= EGAF_DIFF_CHANGED ? st : EGAF_DIFF_UNCHANGED];
    return ST(s, w[0], w[1]);
}

/* "integration", or the key of the relation ("uses", "hosted-on"). */
static const char *relation_type_text(const egaf_site *s, const char *type)
{
    if (strcmp(type, "integration") == 0)
        return egaf_label_kind(EGAF_K_INTEGRATION, s->en);
    const char *label = egaf_label_key_in(EGAF_K__COUNT, type, s->en);
    return label ? label : type;
}

static void changes_arch(egaf_site *s, egaf_buf *b, const egaf_diff_arch *d)
{
    egaf_buf_puts(b, "<h2>");
    esc(b, d->name ? d->name : d->id);
    egaf_buf_puts(b, " <small><code>");
    esc(b, d->id);
    egaf_buf_printf(b, "</code> · %s</small></h2>\n", status_text(s, d->status));
    for (size_t i = 0; i < d->nmerged_into; i++) {
        egaf_buf_printf(b, "<p>%s <code>", ST(s, "Hợp nhất vào", "Merged into"));
        esc(b, d->merged_into[i]);
        egaf_buf_puts(b, "</code></p>\n");
    }
    for (size_t i = 0; i < d->nmerged_from; i++) {
        egaf_buf_printf(b, "<p>%s <code>", ST(s, "Hợp nhất từ", "Merged from"));
        esc(b, d->merged_from[i]);
        egaf_buf_puts(b, "</code></p>\n");
    }
    if (d->status == EGAF_DIFF_ADDED || d->status == EGAF_DIFF_REMOVED) {
        egaf_buf_printf(b, "<p>%s</p>\n",
                        d->status == EGAF_DIFF_ADDED
                            ? ST(s, "Kiến trúc mới trong năm nay.", "A new architecture this year.")
                            : ST(s, "Kiến trúc không còn trong năm nay.",
                                 "An architecture no longer present."));
        return;
    }
    if (d->nheader) {
        egaf_buf_printf(b, "<p>%s: ", ST(s, "Thông tin chung", "Header"));
        diff_fields(s, b, EGAF_K_ARCHITECTURE, d->header, d->nheader);
        egaf_buf_puts(b, "</p>\n");
    }
    egaf_buf_printf(b, "<p>");
    egaf_buf_printf(b,
                    ST(s, "Thành phần: %zu thêm, %zu bỏ, %zu thay đổi. Kết nối, quan hệ: %zu "
                          "thêm, %zu bỏ, %zu thay đổi.",
                       "Elements: %zu added, %zu removed, %zu changed. Connections and "
                       "relations: %zu added, %zu removed, %zu changed."),
                    d->counts.elements_added, d->counts.elements_removed,
                    d->counts.elements_changed, d->counts.relations_added,
                    d->counts.relations_removed, d->counts.relations_changed);
    egaf_buf_puts(b, "</p>\n");
    if (d->nelements) {
        table_begin(b, ST(s, "Thành phần", "Elements"));
        thead(b, ST(s, "Thay đổi", "Change"), ST(s, "Loại", "Kind"),
              egaf_label_field(EGAF_F_ID, s->en), egaf_label_field(EGAF_F_NAME, s->en),
              ST(s, "Chi tiết", "Details"), (const char *)NULL);
        for (size_t i = 0; i < d->nelements; i++) {
            const egaf_diff_element *e = &d->elements[i];
            egaf_buf_printf(b, "<tr class=\"d-%s\">", egaf_diff_status_name(e->status));
            td(b, status_text(s, e->status));
            td(b, egaf_label_kind(e->kind, s->en));
            td_id(b, e->id);
            td(b, e->name);
            egaf_buf_puts(b, "<td>");
            if (e->renamed_from) {
                egaf_buf_printf(b, "%s ", ST(s, "có thể đổi id từ", "possibly renamed from"));
                tag_text(b, "code", e->renamed_from);
            }
            diff_fields(s, b, e->kind, e->fields, e->nfields);
            egaf_buf_puts(b, "</td></tr>\n");
        }
        egaf_buf_puts(b, "</tbody>");
        table_end(b);
    }
    if (d->nrelations) {
        table_begin(b, ST(s, "Kết nối và quan hệ", "Connections and relations"));
        thead(b, ST(s, "Thay đổi", "Change"), ST(s, "Loại", "Type"), ST(s, "Từ", "From"),
              ST(s, "Đến", "To"), ST(s, "Qua", "Via"), ST(s, "Chi tiết", "Details"),
              (const char *)NULL);
        for (size_t i = 0; i < d->nrelations; i++) {
            const egaf_diff_relation *r = &d->relations[i];
            egaf_buf_printf(b, "<tr class=\"d-%s\">", egaf_diff_status_name(r->status));
            td(b, status_text(s, r->status));
            td(b, relation_type_text(s, r->type));
            td_code(b, r->from);
            td_code(b, r->to);
            td_code(b, r->via);
            egaf_buf_puts(b, "<td>");
            diff_fields(s, b, EGAF_K_INTEGRATION, r->fields, r->nfields);
            egaf_buf_puts(b, "</td></tr>\n");
        }
        egaf_buf_puts(b, "</tbody>");
        table_end(b);
    }
}

static int write_changes(egaf_site *s)
{
    egaf_diff_side old_side = {s->opt->previous, s->opt->nprevious, s->opt->previous_diags,
                               s->opt->previous_label, NULL, NULL};
    egaf_diff_side new_side = {s->models, s->nmodels, s->findings, s->opt->label, NULL, NULL};
    egaf_diff_options dopt = {false, s->refs};
    egaf_diff *d = egaf_diff_compute(&old_side, &new_side, &dopt);
    if (!d)
        return site_fail(s, _("out of memory while comparing with --previous")), -1;
    egaf_buf *b = &s->page;
    head(s, b, ST(s, "Thay đổi", "Changes"));
    tag_text(b, "h1", ST(s, "Thay đổi so với lần hợp nhất trước", "Changes since the previous edition"));
    egaf_buf_puts(b, "<p class=\"lead\">");
    /* the previous edition by its year: the folder it was read from is
     * the consolidator's business */
    int previous_year = 0;
    for (size_t i = 0; i < s->opt->nprevious && !previous_year; i++)
        previous_year = egaf_model_year(s->opt->previous[i]);
    if (previous_year)
        egaf_buf_printf(b, ST(s, "So sánh với lần hợp nhất năm %d", "Compared with the %d edition"),
                        previous_year);
    else
        egaf_buf_puts(b, ST(s, "So sánh với lần hợp nhất trước", "Compared with the previous edition"));
    egaf_buf_printf(b,
                    ST(s, ". Kiến trúc: %zu thêm, %zu bỏ, %zu thay đổi, %zu không đổi. Thành "
                          "phần: %zu thêm, %zu bỏ, %zu thay đổi. Kết nối, quan hệ: %zu thêm, %zu "
                          "bỏ, %zu thay đổi.",
                       ". Architectures: %zu added, %zu removed, %zu changed, %zu unchanged. "
                       "Elements: %zu added, %zu removed, %zu changed. Connections and "
                       "relations: %zu added, %zu removed, %zu changed."),
                    d->archs_added, d->archs_removed, d->archs_changed, d->archs_unchanged,
                    d->total.elements_added, d->total.elements_removed,
                    d->total.elements_changed, d->total.relations_added,
                    d->total.relations_removed, d->total.relations_changed);
    egaf_buf_puts(b, "</p>\n");
    for (size_t i = 0; i < d->narchs; i++)
        if (d->archs[i].status != EGAF_DIFF_UNCHANGED)
            changes_arch(s, b, &d->archs[i]);
    egaf_diff_free(d);
    return foot(s, b, "changes.html");
}

/* ---- stylesheet ------------------------------------------------------------ */

static const char css[] =
    "/* egaf national site: one stylesheet, no external fonts */\n"
    ":root{--ink:#1b2631;--muted:#566573;--line:#d5d8dc;--accent:#1f4e79;--ok:#1e8449;"
    "--bad:#b03a2e;--bg:#ffffff;--soft:#f4f6f7}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%}\n"
    "body{margin:0;font-family:\"DejaVu Sans\",\"Noto Sans\",\"Segoe UI\",Arial,sans-serif;"
    "color:var(--ink);background:var(--bg);line-height:1.5;font-size:16px}\n"
    "header.top{background:var(--accent);color:#fff;padding:.6rem 1rem;display:flex;"
    "flex-wrap:wrap;gap:.4rem 1.5rem;align-items:center}\n"
    "header.top a{color:#fff;text-decoration:none}\n"
    "header.top .brand{margin:0;font-weight:bold}\n"
    "header.top nav{display:flex;flex-wrap:wrap;gap:.2rem 1rem}\n"
    "header.top nav a:hover,header.top nav a:focus{text-decoration:underline}\n"
    "form.search{position:relative;margin-left:auto;display:flex;gap:.4rem;align-items:center;"
    "flex-wrap:wrap}\n"
    "form.search input{font:inherit;padding:.2rem .4rem;border:1px solid #fff;border-radius:4px;"
    "min-width:14rem}\n"
    "form.search .search-status{margin:0;font-size:.85rem}\n"
    "form.search .search-status:empty{display:none}\n"
    "form.search ul{position:absolute;top:100%;right:0;z-index:10;margin:.3rem 0 0;padding:.4rem;"
    "list-style:none;background:#fff;color:var(--ink);border:1px solid var(--line);"
    "border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.2);width:min(32rem,90vw);"
    "max-height:70vh;overflow-y:auto}\n"
    "form.search ul a{color:var(--accent);text-decoration:underline}\n"
    "form.search li{padding:.2rem 0;border-bottom:1px solid var(--soft)}\n"
    "";

/* the rest of it: pages, tables, figures, phones and print (two strings, as
 * C compilers need not take a string longer than 4,095 characters) */
static const char css_pages[] =
    "main{max-width:1200px;margin:0 auto;padding:1rem}\n"
    "h1{font-size:1.7rem;margin:.5rem 0}\n"
    "h2{font-size:1.35rem;margin-top:2rem;border-bottom:2px solid var(--line);"
    "padding-bottom:.2rem}\n"
    "h3{font-size:1.1rem;margin-top:1.5rem}\n"
    "a{color:var(--accent)}\n"
    ".lead{font-size:1.05rem;color:var(--muted)}\n"
    ".note,.hint{color:var(--muted);font-size:.9rem}\n"
    ".rel{color:var(--muted);font-size:.85rem}\n"
    "ul.figures{list-style:none;padding:0;display:grid;"
    "grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.6rem}\n"
    "ul.figures li{background:var(--soft);border:1px solid var(--line);border-radius:6px;"
    "padding:.6rem}\n"
    "ul.figures .num{display:block;font-size:1.4rem;font-weight:bold;color:var(--accent)}\n"
    "ul.figures .lbl{font-size:.9rem;color:var(--muted)}\n"
    "ul.cols{columns:16rem}\n"
    "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}\n"
    "dl.facts dt{font-weight:bold}\n"
    "dl.facts dd{margin:0;overflow-wrap:anywhere}\n"
    ".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5rem 0 1rem;"
    "border:1px solid var(--line);border-radius:4px}\n"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}\n"
    "caption{text-align:left;font-weight:bold;padding:.4rem}\n"
    "th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;"
    "vertical-align:top}\n"
    "thead th{background:var(--soft);position:sticky;top:0}\n"
    "td.n{text-align:right;white-space:nowrap}\n"
    "td.yes{background:#e9f7ef}\n"
    "td.no,td .no{background:#fdedec}\n"
    "tr.total td{font-weight:bold;background:var(--soft)}\n"
    "tr.retired td{color:#566573}\n"
    "tr.sev-error td:first-child{color:var(--bad);font-weight:bold}\n"
    "tr.sev-warning td:first-child{color:#7d6608;font-weight:bold}\n"
    "tr.d-added td:first-child{color:var(--ok)}\n"
    "tr.d-removed td:first-child{color:var(--bad)}\n"
    "td.pos{white-space:nowrap;font-family:\"DejaVu Sans Mono\",monospace;font-size:.8rem}\n"
    "code{font-family:\"DejaVu Sans Mono\",monospace;font-size:.85em;overflow-wrap:anywhere}\n"
    "figure{margin:1rem 0;border:1px solid var(--line);border-radius:4px;padding:.5rem;"
    "background:#fff}\n"
    "figure img{display:block;max-width:100%;height:auto;margin:0 auto}\n"
    "figcaption{font-size:.9rem;color:var(--muted);margin-top:.3rem}\n"
    "footer{max-width:1200px;margin:2rem auto 0;padding:1rem;color:var(--muted);"
    "font-size:.85rem;border-top:1px solid var(--line)}\n"
    "@media (max-width:600px){body{font-size:15px}main{padding:.6rem}h1{font-size:1.35rem}"
    "dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.3rem}"
    "form.search{margin-left:0;width:100%}form.search input{min-width:0;flex:1}}\n"
    "@media print{header.top nav,form.search,figcaption a{display:none}header.top{background:none;"
    "color:#000;padding:0}header.top a{color:#000}main{max-width:none;padding:0}"
    ".scroll{overflow:visible;border:0}table{font-size:9pt}thead th{position:static}"
    "tr,figure{break-inside:avoid}h2,h3{break-after:avoid}a{color:#000;text-decoration:none}"
    "td.yes,td.no{background:none}figure{border:0}}\n";

int site_write_pages(egaf_site *s)
{
    egaf_buf b;
    egaf_buf_init(&b);
    egaf_buf_add(&b, css, sizeof css - 1);
    egaf_buf_add(&b, css_pages, sizeof css_pages - 1);
    site_zoom_css(&b);
    int rc = site_write_file(s, "site.css", &b);
    egaf_buf_free(&b);
    if (rc != 0 || site_write_zoom(s) != 0 || write_index(s) != 0 || write_findings(s) != 0)
        return -1;
    if (s->has_changes && write_changes(s) != 0)
        return -1;
    for (size_t i = 0; i < s->nag; i++)
        if (write_agency(s, &s->ag[i]) != 0)
            return -1;
    for (size_t n = 0; n < s->nnat; n++)
        if (write_national(s, n) != 0)
            return -1;
    return 0;
}

/* ---- for the pages written elsewhere ------------------------------------------ */

void site_page_head(egaf_site *s, egaf_buf *b, const char *title)
{
    head(s, b, title);
}

int site_page_foot(egaf_site *s, egaf_buf *b, const char *rel)
{
    return foot(s, b, rel);
}

void site_page_instrument(egaf_buf *b, const char *citation)
{
    instrument_text(b, citation);
}
