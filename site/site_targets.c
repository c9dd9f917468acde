/* site_targets.c - a page per national target of the reference data
 * (national-targets.yaml: NQ 17/NQ-CP's figures and later strategies'),
 * t-<id>.html: what the target is and who sets it, then each agency whose
 * architecture states a value for it (implementation.targets with
 * `national: <id>`): its baseline and its value, with their years, as this
 * edition's models state them and as the previous edition's did (one column
 * per edition, oldest first).
 *
 * The last rows add the agencies up only where the reference data says what
 * kind of figure the target is: a target whose value is a percentage gets
 * the plain mean of the percentages the agencies state (said so on the
 * page: a mean of shares, not the national share); for any other target
 * the reference data does not say how its values add up, so only the
 * number of agencies that state one is shown. Nothing is guessed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/grow.h"
#include "base/i18n.h"
#include "model/query.h"
#include "site/site_priv.h"

/* ---- the statements ------------------------------------------------------ */

/* One target of one architecture naming the national target. */
typedef struct statement {
    const char *baseline, *value;
    long long baseline_year, year; /* 0: not given */
    size_t row, column;
} statement;

/* An agency with at least one statement. */
typedef struct target_row {
    const char *key;            /* the reference agency's id, else the architecture's id */
    const char *name;
    const site_agency *page;    /* this edition's page, or NULL */
    int group;
} target_row;

typedef struct target_table {
    int years[2]; /* the editions, oldest first */
    size_t nyears;
    target_row *rows;
    size_t nrows, caprows;
    statement *st;
    size_t nst, capst;
    bool failed;
} target_table;

static long long int_of(const egaf_element *el, egaf_field f)
{
    const egaf_value *v = egaf_element_get(el, f);
    return v && v->type == EGAF_FT_INT ? v->u.num : 0;
}

static size_t row_of(target_table *t, const char *key, const char *name, const site_agency *page,
                     int group)
{
    for (size_t i = 0; i < t->nrows; i++)
        if (strcmp(t->rows[i].key, key) == 0) {
            if (page && !t->rows[i].page) {
                t->rows[i].page = page;
                t->rows[i].name = name;
            }
            return i;
        }
    if (!EGAF_PUSH(t->rows, t->nrows, t->caprows, 16, ((target_row){key, name, page, group}))) {
        t->failed = true;
        return SIZE_MAX;
    }
    return t->nrows - 1;
}

/* Whether the target element el serves the national target id. */
static bool serves(const egaf_element *el, const char *id)
{
    const char *national = egaf_element_text(el, EGAF_F_NATIONAL);
    return national && strcmp(national, id) == 0;
}

size_t site_target_stating(const egaf_site *s, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < s->nag; i++) {
        const egaf_model *m = s->ag[i].m;
        bool states = false;
        for (size_t k = 0; k < m->counts[EGAF_K_TARGET] && !states; k++)
            states = serves(m->elements[EGAF_K_TARGET][k], id);
        n += states;
    }
    return n;
}

/* Every target of model m naming id, in model order, as statements of the
 * row (key, name) in column. */
static void add_model(target_table *t, const egaf_model *m, const char *id, size_t column,
                      const char *key, const char *name, const site_agency *page, int group)
{
    for (size_t i = 0; i < m->counts[EGAF_K_TARGET]; i++) {
        const egaf_element *el = m->elements[EGAF_K_TARGET][i];
        if (!serves(el, id))
            continue;
        size_t row = row_of(t, key, name, page, group);
        if (row == SIZE_MAX)
            return;
        statement st = {egaf_element_text(el, EGAF_F_BASELINE),
                        egaf_element_text(el, EGAF_F_VALUE), int_of(el, EGAF_F_BASELINE_YEAR),
                        int_of(el, EGAF_F_YEAR), row, column};
        if (!EGAF_PUSH(t->st, t->nst, t->capst, 16, st)) {
            t->failed = true;
            return;
        }
    }
}

/* Whether the previous edition's statements are shown: models of a year
 * before this one (a second run of the same year is no earlier edition). */
static bool previous_shown(const egaf_site *s)
{
    return s->opt->nprevious && s->previous_year && s->previous_year < s->year;
}

static int collect_table(egaf_site *s, const char *id, target_table *t)
{
    memset(t, 0, sizeof(*t));
    size_t current = 0;
    if (previous_shown(s)) {
        t->years[t->nyears++] = s->previous_year;
        current = 1;
    }
    t->years[t->nyears++] = s->year;
    /* this edition's agencies first, in the site's order */
    for (size_t i = 0; i < s->nag; i++) {
        const site_agency *a = &s->ag[i];
        const char *key = a->agency ? a->agency->id : (a->m->id ? a->m->id : a->slug);
        add_model(t, a->m, id, current, key, a->name, a, a->group);
    }
    if (current) {
        for (size_t i = 0; i < s->opt->nprevious; i++) {
            egaf_model *m = s->opt->previous[i];
            if (!m->readable || !m->header)
                continue;
            const char *code = egaf_element_text(m->header, EGAF_F_AGENCY);
            const egaf_ref_entry *e =
                s->refs && code ? egaf_refs_agency(s->refs, code, s->previous_year) : NULL;
            const char *key = e ? e->id : m->id;
            if (!key)
                continue;
            const char *name = site_agency_display(s, e, m);
            int group = site_group_of_level(site_agency_level(e, m));
            add_model(t, m, id, 0, key, name, NULL, group);
        }
    }
    return t->failed ? -1 : 0;
}

static void free_table(target_table *t)
{
    free(t->rows);
    free(t->st);
}

/* ---- figures --------------------------------------------------------------- */

/* A percentage as stated ("80%", "80 %", "92,5%", "92.5 %"), in
 * thousandths of a percent; false for anything else ("≥ 80%", "tăng 10%"). */
static bool parse_percent(const char *text, long long *thousandths)
{
    if (!text)
        return false;
    const char *p = text;
    while (*p == ' ')
        p++;
    if (*p < '0' || *p > '9')
        return false;
    long long whole = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        whole = whole * 10 + (*p - '0');
        if (whole > 1000000)
            return false;
    }
    long long frac = 0;
    int digits = 0;
    if (*p == '.' || *p == ',') {
        p++;
        if (*p < '0' || *p > '9')
            return false;
        for (; *p >= '0' && *p <= '9'; p++)
            if (digits < 3) {
                frac = frac * 10 + (*p - '0');
                digits++;
            }
    }
    while (digits < 3) {
        frac *= 10;
        digits++;
    }
    while (*p == ' ')
        p++;
    if (*p != '%')
        return false;
    p++;
    while (*p == ' ')
        p++;
    if (*p)
        return false;
    *thousandths = whole * 1000 + frac;
    return true;
}

/* Whether the reference data states the target as a percentage. */
static bool is_percentage(const egaf_ref_national_target *t)
{
    return t->value && strchr(t->value, '%') != NULL;
}

/* The mean of n percentages summing sum thousandths: "56,2 %" or "56.2%". */
static void mean_text(const egaf_site *s, egaf_buf *b, long long sum, size_t n)
{
    long long tenths = (sum + (long long)n * 50) / ((long long)n * 100);
    if (s->en)
        egaf_buf_printf(b, "%lld.%lld%%", tenths / 10, tenths % 10);
    else
        egaf_buf_printf(b, "%lld,%lld %%", tenths / 10, tenths % 10);
}

/* ---- the page ---------------------------------------------------------------- */

static void esc(egaf_buf *b, const char *s)
{
    if (s)
        egaf_buf_xml_text(b, s);
}

/* "40% (2020)": a value and its year, as stated. */
static void value_year(egaf_buf *b, const char *value, long long year)
{
    esc(b, value);
    if (year)
        egaf_buf_printf(b, " (%lld)", year);
}

/* The statements of row in column, one per line. */
static void cells(egaf_buf *b, const target_table *t, size_t row, size_t column)
{
    bool baseline = true;
    for (int pass = 0; pass < 2; pass++, baseline = false) {
        egaf_buf_puts(b, "<td>");
        size_t shown = 0;
        for (size_t i = 0; i < t->nst; i++) {
            const statement *st = &t->st[i];
            if (st->row != row || st->column != column)
                continue;
            if (shown++)
                egaf_buf_puts(b, "<br>");
            if (baseline)
                value_year(b, st->baseline ? st->baseline : "—", st->baseline_year);
            else
                value_year(b, st->value, st->year);
        }
        egaf_buf_puts(b, "</td>");
    }
}

static const egaf_ref_national_target *national_target(const egaf_site *s, const char *id)
{
    return s->refs && id ? egaf_refs_national_target(s->refs, id) : NULL;
}

bool site_target_has_page(const egaf_site *s, const char *id)
{
    return national_target(s, id) && egaf_slug_ok(id, EGAF_ID_MAX_LEN);
}

const char *site_national_target_name(const egaf_site *s, const char *id)
{
    const egaf_ref_national_target *t = national_target(s, id);
    if (!t)
        return NULL;
    if (s->en && t->name_en)
        return t->name_en;
    return t->name ? t->name : t->id;
}

/* The framework's target of the same id (how egaf reads it off the
 * models, and what it measured on this edition's), when an edition of the
 * site's models has one. */
static const site_target *measured_target(const egaf_site *s, const char *id)
{
    for (size_t i = 0; i < s->ntargets; i++)
        if (s->targets[i].t->id && strcmp(s->targets[i].t->id, id) == 0)
            return &s->targets[i];
    return NULL;
}

/* Whether the kept edition of year has this target's page. */
static bool kept_page(egaf_site *s, int year, const char *id)
{
    char rel[160];
    snprintf(rel, sizeof rel, "editions/%d/t-%s.html", year, id);
    return site_has_file(s, rel);
}

static void totals(egaf_site *s, egaf_buf *b, const egaf_ref_national_target *nt,
                   const target_table *t)
{
    egaf_buf_puts(b, "<tr class=\"total\"><td>");
    esc(b, ST(s, "Số cơ quan nêu giá trị", "Agencies stating a value"));
    egaf_buf_puts(b, "</td>");
    for (size_t c = 0; c < t->nyears; c++) {
        size_t n = 0;
        for (size_t r = 0; r < t->nrows; r++) {
            bool stated = false;
            for (size_t i = 0; i < t->nst && !stated; i++)
                stated = t->st[i].row == r && t->st[i].column == c;
            n += stated;
        }
        egaf_buf_printf(b, "<td class=\"n\" colspan=\"2\">%zu</td>", n);
    }
    egaf_buf_puts(b, "</tr>\n");
    if (!is_percentage(nt))
        return;
    egaf_buf_puts(b, "<tr class=\"total\"><td>");
    esc(b, ST(s, "Bình quân giản đơn", "Plain mean"));
    egaf_buf_puts(b, "</td>");
    for (size_t c = 0; c < t->nyears; c++)
        for (int pass = 0; pass < 2; pass++) {
            long long sum = 0;
            size_t n = 0, of = 0;
            for (size_t i = 0; i < t->nst; i++) {
                const statement *st = &t->st[i];
                const char *text = pass == 0 ? st->baseline : st->value;
                if (st->column != c || !text)
                    continue;
                of++;
                long long v;
                if (parse_percent(text, &v)) {
                    sum += v;
                    n++;
                }
            }
            egaf_buf_puts(b, "<td class=\"n\">");
            if (n) {
                mean_text(s, b, sum, n);
                egaf_buf_printf(b, " <small>(%zu/%zu)</small>", n, of);
            } else {
                egaf_buf_puts(b, "—");
            }
            egaf_buf_puts(b, "</td>");
        }
    egaf_buf_puts(b, "</tr>\n");
}

static int write_target(egaf_site *s, const egaf_ref_national_target *nt)
{
    target_table t;
    if (collect_table(s, nt->id, &t) != 0) {
        free_table(&t);
        return site_fail(s, _("out of memory")), -1;
    }
    egaf_buf *b = &s->page;
    const char *name = site_national_target_name(s, nt->id);
    site_page_head(s, b, name);
    egaf_buf_puts(b, "<h1>");
    esc(b, name);
    egaf_buf_puts(b, "</h1>\n<dl class=\"facts\">");
    site_dl_item(b, ST(s, "Mã chỉ tiêu", "Target id"), nt->id);
    site_dl_item(b, ST(s, "Mức chỉ tiêu", "Target value"), nt->value);
    site_dl_item(b, ST(s, "Loại số liệu", "Kind of figure"),
         is_percentage(nt) ? ST(s, "tỷ lệ phần trăm", "a percentage")
                           : ST(s, "dữ liệu tham chiếu không nêu", "not stated by the reference data"));
    if (nt->valid_from || nt->valid_to) {
        /* the reference data's dates are YYYYMMDD (a year alone is its
         * first or last day) */
        char years[48];
        int from = (int)(nt->valid_from / 10000), to = (int)(nt->valid_to / 10000);
        if (from && to && from != to)
            snprintf(years, sizeof years, "%d–%d", from, to);
        else
            snprintf(years, sizeof years, "%d", from ? from : to);
        site_dl_item(b, ST(s, "Năm áp dụng", "Set for"), years);
    }
    if (nt->nlevels) {
        egaf_buf_reset(&s->tmp);
        for (size_t i = 0; i < nt->nlevels; i++) {
            if (i)
                egaf_buf_puts(&s->tmp, "; ");
            egaf_buf_puts(&s->tmp, site_group_name(s, site_group_of_level(nt->levels[i]), false));
        }
        site_dl_item(b, ST(s, "Áp dụng cho", "Applies to"), s->tmp.failed ? NULL : s->tmp.data);
    }
    if (nt->instrument) {
        egaf_buf_printf(b, "<dt>%s</dt><dd>", ST(s, "Văn bản đặt chỉ tiêu", "Set by"));
        site_page_instrument(b, nt->instrument);
        egaf_buf_puts(b, "</dd>");
    }
    const site_target *mt = measured_target(s, nt->id);
    if (mt && mt->t->measure) {
        /* egaf's formula over the model's keys and values: code */
        egaf_buf_printf(b, "<dt>%s</dt><dd><code>",
                        ST(s, "Cách đo từ mô hình", "Measured on the models as"));
        esc(b, mt->t->measure);
        egaf_buf_puts(b, "</code></dd>");
    }
    if (mt && mt->total.measured && mt->total.den) {
        egaf_buf_puts(b, "<dt>");
        egaf_buf_printf(b, ST(s, "Đo được trên các mô hình năm %d", "Measured on the %d models"),
                        s->year);
        egaf_buf_puts(b, "</dt><dd>");
        /* num/den in thousandths of a percent, as the means are shown */
        mean_text(s, b, (long long)((mt->total.num * 100000 + mt->total.den / 2) / mt->total.den),
                  1);
        egaf_buf_printf(b, " (%zu/%zu)</dd>", mt->total.num, mt->total.den);
    }
    egaf_buf_puts(b, "</dl>\n");
    egaf_buf_printf(b, "<h2 id=\"co-quan\">%s</h2>\n",
                    ST(s, "Giá trị các cơ quan nêu trong kiến trúc",
                       "Values the agencies state in their architectures"));
    if (!t.nrows) {
        egaf_buf_printf(b, "<p>%s</p>\n",
                        ST(s, "Không kiến trúc nào của các lần hợp nhất này nêu chỉ tiêu phục vụ "
                              "chỉ tiêu quốc gia này.",
                           "No architecture of these editions states a target serving this "
                           "national target."));
    } else {
        egaf_buf_printf(b, "<p class=\"note\">%s ",
                        ST(s, "Mỗi cột là một lần hợp nhất: hiện trạng và giá trị mục tiêu, với "
                              "năm của chúng, như kiến trúc của cơ quan nêu.",
                           "Each column is an edition: the baseline and the value to reach, "
                           "with their years, as the agency's architecture states them."));
        egaf_buf_puts(b, is_percentage(nt)
                             ? ST(s, "Chỉ tiêu tính bằng tỷ lệ phần trăm: dòng cuối là bình quân "
                                     "giản đơn các tỷ lệ các cơ quan nêu (số giá trị tính được/số "
                                     "giá trị nêu), không phải tỷ lệ chung của cả nước.",
                                  "The target is a percentage: the last row is the plain mean of "
                                  "the percentages the agencies state (values averaged/values "
                                  "stated), not the national share.")
                             : ST(s, "Dữ liệu tham chiếu không nêu cách cộng dồn chỉ tiêu này: chỉ "
                                     "đếm số cơ quan nêu giá trị, không tính tổng.",
                                  "The reference data does not say how this target's values add "
                                  "up: only the agencies stating one are counted, no total."));
        egaf_buf_puts(b, "</p>\n<div class=\"scroll\"><table><thead><tr>");
        egaf_buf_printf(b, "<th scope=\"col\" rowspan=\"2\">%s</th>", ST(s, "Cơ quan", "Agency"));
        for (size_t c = 0; c < t.nyears; c++)
            egaf_buf_printf(b, "<th scope=\"colgroup\" colspan=\"2\">%s %d</th>",
                            ST(s, "Lần hợp nhất", "Edition"), t.years[c]);
        egaf_buf_puts(b, "</tr>\n<tr>");
        for (size_t c = 0; c < t.nyears; c++)
            egaf_buf_printf(b, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
                            ST(s, "Hiện trạng (năm)", "Baseline (year)"),
                            ST(s, "Mục tiêu (năm)", "Value (year)"));
        egaf_buf_puts(b, "</tr></thead><tbody>\n");
        for (size_t r = 0; r < t.nrows; r++) {
            const target_row *row = &t.rows[r];
            egaf_buf_puts(b, "<tr><td>");
            if (row->page) {
                egaf_buf_printf(b, "<a href=\"a-%s.html#targets\">", row->page->slug);
                esc(b, row->name);
                egaf_buf_puts(b, "</a>");
            } else {
                esc(b, row->name);
            }
            egaf_buf_puts(b, "</td>");
            for (size_t c = 0; c < t.nyears; c++)
                cells(b, &t, r, c);
            egaf_buf_puts(b, "</tr>\n");
        }
        totals(s, b, nt, &t);
        egaf_buf_puts(b, "</tbody></table></div>\n");
    }
    /* the same page in the editions kept, for the years before these */
    size_t earlier = 0;
    for (size_t i = 0; i < s->neditions; i++) {
        if (!kept_page(s, s->editions[i], nt->id))
            continue;
        if (!earlier++)
            egaf_buf_printf(b, "<h2 id=\"cac-lan-truoc\">%s</h2>\n<ul>",
                            ST(s, "Chỉ tiêu này trong các lần hợp nhất trước",
                               "This target in earlier editions"));
        egaf_buf_printf(b, "<li><a href=\"editions/%d/t-%s.html\">%d</a></li>", s->editions[i],
                        nt->id, s->editions[i]);
    }
    if (earlier)
        egaf_buf_puts(b, "</ul>\n");
    free_table(&t);
    char rel[160];
    snprintf(rel, sizeof rel, "t-%s.html", nt->id);
    return site_page_foot(s, b, rel);
}

int site_write_targets(egaf_site *s)
{
    if (!s->refs)
        return 0;
    for (size_t i = 0; i < s->refs->nnational_targets; i++) {
        const egaf_ref_national_target *nt = &s->refs->national_targets[i];
        if (!site_target_has_page(s, nt->id))
            continue; /* an id that is no page name */
        if (write_target(s, nt) != 0)
            return -1;
    }
    return 0;
}
