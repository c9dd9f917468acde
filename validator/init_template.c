/* init_template.c - the starting model of `egaf init`, built from the edition's
 * required components (reference-models/framework-*.yaml), so a new edition
 * with a new required component gives a starting model that has it. */
#include "validator/init_template.h"
#include "model/labels.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COMPONENTS 32
#define MAX_CONNECTS 16
#define ID_SIZE 96

const egaf_ref_framework *egaf_init_default_framework(const egaf_refs *refs, int year)
{
    const egaf_ref_framework *best = NULL;
    for (size_t i = 0; refs && i < refs->nframeworks; i++) {
        const egaf_ref_framework *f = refs->frameworks[i];
        if (egaf_ref_framework_valid_in(f, year) && (!best || f->valid_from > best->valid_from))
            best = f;
    }
    return best;
}

void egaf_init_architecture_id(const egaf_ref_entry *agency, char *buf, size_t size)
{
    const char *id = agency->id;
    size_t n = strlen(id);
    static const char suffix[] = "-2025";
    if (n > sizeof suffix - 1 && strcmp(id + n - (sizeof suffix - 1), suffix) == 0)
        n -= sizeof suffix - 1;
    snprintf(buf, size, "%.*s", (int)n, id);
}

/* ---- what the model will hold ---- */

typedef struct component {
    int section;          /* 0 platforms, 1 applications, 2 infrastructure */
    const char *match;    /* kind or role value */
    char id[ID_SIZE + 32];
    const char *title;    /* the requirement's title */
    const char *reqs[MAX_CONNECTS]; /* requirement ids it satisfies */
    size_t nreqs;
    const char *connects[MAX_CONNECTS]; /* national ids */
    size_t nconnects;
    int level;            /* security level, 0: none */
} component;

typedef struct plan {
    const egaf_refs *refs;
    const egaf_ref_entry *agency;
    const egaf_ref_framework *fw;
    int year;
    bool province;
    char arch[64];
    char unit[256]; /* "tỉnh Lạng Sơn", "Bộ Y tế" */
    component comps[MAX_COMPONENTS];
    size_t ncomps;
    const char *lgsp;   /* the LGSP's id, or NULL */
    const char *tthc;   /* the application that handles services */
    const char *main_infra;
} plan;

enum { SEC_PLATFORMS, SEC_APPLICATIONS, SEC_INFRASTRUCTURE };

typedef struct role_text {
    const char *role, *id, *name, *fill;
    int level;
} role_text;

static const role_text roles[] = {
    {"tthc", "httt-tthc", "Hệ thống thông tin giải quyết thủ tục hành chính",
     "tên chính thức của hệ thống (một cửa điện tử và cổng dịch vụ công), nơi đặt và cấp độ "
     "an toàn đã được phê duyệt",
     3},
    {"qlvb", "qlvb", "Hệ thống quản lý văn bản và điều hành",
     "tên hệ thống quản lý văn bản và điều hành đang dùng và cấp độ an toàn đã được phê duyệt",
     3},
    {"bao-cao", "bao-cao", "Hệ thống thông tin báo cáo",
     "tên hệ thống thông tin báo cáo và cấp độ an toàn đã được phê duyệt", 2},
};

typedef struct national_text {
    const char *id, *data;
} national_text;

static const national_text carried[] = {
    {"dvcqg", "Hồ sơ thủ tục hành chính và trạng thái xử lý"},
    {"tltvb", "Văn bản điện tử có chữ ký số"},
    {"bccp", "Báo cáo định kỳ, chỉ tiêu kinh tế – xã hội"},
    {"vneid", "Xác thực tài khoản định danh điện tử"},
    {"paygov", "Giao dịch thanh toán trực tuyến"},
};

static const role_text *role_of(const char *role)
{
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (role && strcmp(roles[i].role, role) == 0)
            return &roles[i];
    return NULL;
}

static bool level_applies(const egaf_ref_requirement *r, bool province)
{
    for (size_t i = 0; i < r->nlevels; i++) {
        const char *l = r->levels[i];
        if (province ? strcmp(l, "province") == 0
                     : strcmp(l, "ministry") == 0 || strcmp(l, "government-agency") == 0)
            return true;
    }
    return false;
}

static component *find_comp(plan *p, int section, const char *match)
{
    for (size_t i = 0; i < p->ncomps; i++)
        if (p->comps[i].section == section && strcmp(p->comps[i].match, match) == 0)
            return &p->comps[i];
    return NULL;
}

static bool id_taken(const plan *p, const char *id)
{
    for (size_t i = 0; i < p->ncomps; i++)
        if (strcmp(p->comps[i].id, id) == 0)
            return true;
    return false;
}

static void add_requirement(plan *p, const egaf_ref_requirement *r)
{
    int section;
    if (strcmp(r->section, "platforms") == 0)
        section = SEC_PLATFORMS;
    else if (strcmp(r->section, "applications") == 0)
        section = SEC_APPLICATIONS;
    else if (strcmp(r->section, "infrastructure") == 0)
        section = SEC_INFRASTRUCTURE;
    else
        return;
    const char *match = r->match_value;
    if (!match)
        match = section == SEC_INFRASTRUCTURE ? "network" : "other";
    component *c = find_comp(p, section, match);
    if (!c) {
        if (p->ncomps == MAX_COMPONENTS)
            return;
        c = &p->comps[p->ncomps++];
        memset(c, 0, sizeof(*c));
        c->section = section;
        c->match = match;
        c->title = r->title;
        const role_text *rt = section == SEC_APPLICATIONS ? role_of(match) : NULL;
        char id[ID_SIZE];
        if (section == SEC_PLATFORMS)
            snprintf(id, sizeof id, "%s-%s", match, p->arch);
        else if (rt)
            snprintf(id, sizeof id, "%s", rt->id);
        else if (section == SEC_INFRASTRUCTURE && strcmp(match, "network") == 0)
            snprintf(id, sizeof id, "mang-%s", r->nmust_connect ? r->must_connect[0] : "ket-noi");
        else
            snprintf(id, sizeof id, "%s-%s", section == SEC_APPLICATIONS ? "he-thong" : "ha-tang",
                     match);
        if (id_taken(p, id))
            snprintf(c->id, sizeof c->id, "%s-%zu", id, p->ncomps);
        else
            snprintf(c->id, sizeof c->id, "%s", id);
        c->level = section == SEC_INFRASTRUCTURE ? 0 : rt ? rt->level : 3;
    }
    if (c->nreqs < MAX_CONNECTS)
        c->reqs[c->nreqs++] = r->id;
    for (size_t i = 0; i < r->nmust_connect; i++) {
        bool have = false;
        for (size_t j = 0; j < c->nconnects; j++)
            have = have || strcmp(c->connects[j], r->must_connect[i]) == 0;
        if (!have && c->nconnects < MAX_CONNECTS)
            c->connects[c->nconnects++] = r->must_connect[i];
    }
}

static void make_plan(plan *p)
{
    for (size_t i = 0; i < p->fw->nrequirements; i++)
        if (level_applies(&p->fw->requirements[i], p->province))
            add_requirement(p, &p->fw->requirements[i]);
    for (size_t i = 0; i < p->ncomps; i++) {
        component *c = &p->comps[i];
        if (c->section == SEC_PLATFORMS && strcmp(c->match, "lgsp") == 0 && !p->lgsp)
            p->lgsp = c->id;
        if (c->section == SEC_APPLICATIONS && strcmp(c->match, "tthc") == 0 && !p->tthc)
            p->tthc = c->id;
        if (c->section == SEC_INFRASTRUCTURE && !p->main_infra)
            p->main_infra = c->id;
    }
    if (!p->tthc)
        for (size_t i = 0; i < p->ncomps && !p->tthc; i++)
            if (p->comps[i].section == SEC_APPLICATIONS)
                p->tthc = p->comps[i].id;
}

/* Whether a system at level needs a declared control in this edition. */
static bool needs_control(const egaf_ref_framework *fw, int level)
{
    if (level <= 0)
        return false;
    for (size_t i = 0; i < fw->nsecurity_levels; i++)
        if (fw->security_levels[i].level == level)
            return fw->security_levels[i].needs_control;
    return level >= 3;
}

/* ---- writing YAML ---- */

/* A double-quoted YAML scalar. */
static void yq(egaf_buf *b, const char *s)
{
    egaf_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            egaf_buf_putc(b, '\\');
            egaf_buf_putc(b, (char)*p);
        } else if (*p < 0x20 || *p == 0x7f) {
            egaf_buf_printf(b, "\\x%02X", (unsigned)*p);
        } else {
            egaf_buf_putc(b, (char)*p);
        }
    }
    egaf_buf_putc(b, '"');
}

/* key: "text" at the given indentation (already written: the indentation). */
static void kv(egaf_buf *b, const char *indent, const char *key, const char *text)
{
    egaf_buf_printf(b, "%s%s: ", indent, key);
    yq(b, text);
    egaf_buf_putc(b, '\n');
}

static void fill(egaf_buf *b, const char *indent, const char *what)
{
    egaf_buf_printf(b, "%s# Điền: %s\n", indent, what);
}

static const char *unit_kind(const plan *p)
{
    if (!p->province)
        return "bộ, ngành";
    return p->agency->municipality ? "thành phố" : "tỉnh";
}

static bool digital_edition(const egaf_ref_framework *fw)
{
    /* editions 2.0 and 3.0 are "Chính phủ điện tử"; 4.0 is "Chính phủ số" */
    return fw->name && !strstr(fw->name, "Chính phủ điện tử");
}

static void write_header(egaf_buf *b, const plan *p)
{
    const egaf_ref_entry *a = p->agency;
    const egaf_ref_framework *fw = p->fw;
    const char *gov = p->province ? "Chính quyền" : "Chính phủ";
    const char *kind = digital_edition(fw) ? "số" : "điện tử";
    char title[512];
    snprintf(title, sizeof title, "Kiến trúc %s %s %s", gov, kind, p->unit);

    egaf_buf_printf(b, "# Mô hình khởi đầu của %s, do `egaf init` tạo.\n", title);
    egaf_buf_printf(b, "# Theo %s (%s); dữ liệu tham chiếu (cơ quan, hệ thống và CSDL quốc gia) "
                       "lấy theo năm %d.\n",
                    fw->name ? fw->name : fw->edition, fw->instrument ? fw->instrument : "",
                    p->year);
    egaf_buf_puts(b, "# Mô hình đã có đủ các nội dung và các thành phần bắt buộc của Khung; "
                     "các dòng \"# Điền: …\"\n"
                     "# chỉ chỗ cần thay bằng thông tin thật của cơ quan. Sau mỗi lần sửa, "
                     "kiểm tra bằng `egaf validate`.\n"
                     "# Định dạng: docs/model-format.md; danh mục hệ thống, CSDL quốc gia: "
                     "`egaf refs list`.\n\n");

    egaf_buf_printf(b, "framework: \"%s\"\n\n", fw->edition);
    egaf_buf_puts(b, "architecture:\n");
    egaf_buf_printf(b, "  id: %s\n", p->arch);
    const char *agency_text = a->id;
    if (a->organ_code && egaf_refs_agency(p->refs, a->organ_code, p->year) == a)
        agency_text = a->organ_code;
    egaf_buf_puts(b, "  agency: ");
    yq(b, agency_text);
    egaf_buf_puts(b, "  # ");
    egaf_buf_puts(b, a->name ? a->name : a->id);
    if (agency_text != a->id)
        egaf_buf_printf(b, " (%s)", a->id);
    egaf_buf_putc(b, '\n');
    egaf_buf_printf(b, "  level: %s\n", p->province ? "province" : "ministry");
    kv(b, "  ", "name", title);
    egaf_buf_puts(b, "  version: \"1.0\"\n");
    egaf_buf_printf(b, "  year: %d\n", p->year);
    fill(b, "  ", "giai đoạn Kiến trúc áp dụng (thường 5 năm)");
    egaf_buf_printf(b, "  period: {from: %d, to: %d}\n", p->year, p->year + 4);
    fill(b, "  ", "quyết định phê duyệt Kiến trúc, ví dụ approved-by: \"Quyết định số …/QĐ-… "
                  "ngày …\"");
    fill(b, "  ", "tầm nhìn (nội dung a của Khung)");
    egaf_buf_puts(b, "  vision: ");
    char text[1024];
    if (p->province)
        snprintf(text, sizeof text,
                 "Chính quyền %s %s vận hành dựa trên dữ liệu, phục vụ người dân, doanh "
                 "nghiệp trên môi trường số thuận tiện, an toàn.",
                 kind, p->unit);
    else
        snprintf(text, sizeof text,
                 "%s hoạt động dựa trên dữ liệu, phục vụ người dân, doanh nghiệp trên môi "
                 "trường số thuận tiện, an toàn.",
                 p->unit);
    yq(b, text);
    egaf_buf_putc(b, '\n');
    fill(b, "  ", "các mục tiêu cụ thể, đo được (nội dung b)");
    egaf_buf_puts(b, "  goals:\n"
                     "    - \"Thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình "
                     "và tích hợp trên Cổng Dịch vụ công quốc gia\"\n"
                     "    - \"Văn bản, hồ sơ công việc được trao đổi dưới dạng điện tử qua Trục "
                     "liên thông văn bản quốc gia\"\n");
    fill(b, "  ", "phạm vi áp dụng (nội dung c)");
    snprintf(text, sizeof text, "Các cơ quan, đơn vị thuộc %s.", p->unit);
    kv(b, "  ", "scope", text);
    fill(b, "  ", "các nguyên tắc (nội dung d)");
    snprintf(text, sizeof text, "Tuân thủ %s (%s)", fw->name ? fw->name : fw->edition,
             fw->instrument ? fw->instrument : fw->edition);
    egaf_buf_puts(b, "  principles:\n    - ");
    yq(b, text);
    egaf_buf_puts(b, "\n    - \"Kết nối, chia sẻ dữ liệu qua nền tảng tích hợp, chia sẻ dữ liệu "
                     "(LGSP); dữ liệu chỉ cung cấp một lần\"\n"
                     "    - \"Bảo đảm an toàn thông tin theo cấp độ\"\n");
    /* commented out: the list is the agency's own, and a wrong instrument in
     * a signed document is worse than none */
    fill(b, "  ", "căn cứ pháp lý: luật, nghị định, quyết định, văn bản hướng dẫn làm căn cứ "
                  "(bỏ dấu # ở các dòng dưới)");
    egaf_buf_puts(b, "  # legal-basis:\n  #   - ");
    snprintf(text, sizeof text, "%s (%s)", fw->name ? fw->name : fw->edition,
             fw->instrument ? fw->instrument : fw->edition);
    yq(b, text);
    egaf_buf_putc(b, '\n');
    if (p->year >= 2024) /* in force from 1/7/2024 */
        egaf_buf_puts(b, "  #   - \"Luật Giao dịch điện tử số 20/2023/QH15\"\n");
    egaf_buf_putc(b, '\n');
}

/* A section's key under a rule naming it as the guidance does. */
static void section_head(egaf_buf *b, const char *key)
{
    egaf_buf_printf(b, "# ---------------------------------------------------------------- %s\n%s:\n",
                    egaf_label_key(key, false), key);
}

static void write_business(egaf_buf *b, const plan *p)
{
    section_head(b, "business");
    fill(b, "  ", "các đối tượng sử dụng dịch vụ");
    egaf_buf_puts(b, "  actors:\n"
                     "    - id: nguoi-dan\n"
                     "      name: Người dân\n"
                     "      kind: citizen\n"
                     "    - id: doanh-nghiep\n"
                     "      name: Doanh nghiệp\n"
                     "      kind: business\n");
    fill(b, "  ", "các kênh cung cấp dịch vụ (web, mobile, counter = bộ phận một cửa, …)");
    egaf_buf_puts(b, "  channels:\n"
                     "    - id: kenh-dvcqg\n"
                     "      name: Cổng Dịch vụ công quốc gia\n"
                     "      kind: web\n"
                     "    - id: kenh-mot-cua\n");
    char text[512];
    snprintf(text, sizeof text, "Bộ phận Một cửa %s", p->unit);
    kv(b, "      ", "name", text);
    egaf_buf_puts(b, "      kind: counter\n");
    fill(b, "  ", "các chức năng nghiệp vụ, theo chức năng, nhiệm vụ của cơ quan (mã BRM "
                  "nếu có)");
    egaf_buf_puts(b, "  functions:\n"
                     "    - id: cn-giai-quyet-tthc\n"
                     "      name: Giải quyết thủ tục hành chính\n"
                     "    - id: cn-chi-dao-dieu-hanh\n"
                     "      name: Chỉ đạo, điều hành\n");
    fill(b, "  ", "các dịch vụ công (tên thủ tục hành chính, mã trên CSDL quốc gia về thủ tục "
                  "hành chính, mức độ trực tuyến)");
    egaf_buf_puts(b, "  services:\n"
                     "    - id: dvc-mau\n"
                     "      name: Dịch vụ công trực tuyến (thay bằng tên thủ tục hành chính)\n"
                     "      online: partial\n");
    if (p->tthc)
        egaf_buf_printf(b, "      handled-by: %s\n", p->tthc);
    egaf_buf_puts(b, "      function: cn-giai-quyet-tthc\n"
                     "      actors: [nguoi-dan, doanh-nghiep]\n"
                     "      channels: [kenh-dvcqg, kenh-mot-cua]\n");
    fill(b, "  ", p->province
                      ? "các cơ quan, đơn vị (sở, ban, ngành: department; văn phòng: office; "
                        "trung tâm: centre; cấp xã: commune), mã định danh điện tử, đơn vị trực "
                        "thuộc, và quan hệ nghiệp vụ giữa chúng (bỏ dấu # ở các dòng dưới)"
                      : "các đơn vị của bộ (vụ, cục: department; văn phòng: office; trung tâm: "
                        "centre), mã định danh điện tử, đơn vị trực thuộc, và quan hệ nghiệp vụ "
                        "giữa chúng (bỏ dấu # ở các dòng dưới)");
    egaf_buf_puts(b, "  # units:\n"
                     "  #   - id: van-phong\n");
    snprintf(text, sizeof text, "Văn phòng %s%s", p->province ? "Ủy ban nhân dân " : "",
             p->unit);
    egaf_buf_puts(b, "  #     name: ");
    yq(b, text);
    egaf_buf_puts(b, "\n  #     kind: office\n"
                     "  #     organ-code: \"…\"  # mã định danh điện tử (QĐ 20/2020/QĐ-TTg)\n"
                     "  #   - id: trung-tam-cds\n"
                     "  #     name: \"Trung tâm Chuyển đổi số\"\n"
                     "  #     kind: centre\n"
                     "  #     parent: van-phong\n"
                     "  # relations:\n"
                     "  #   - {from: van-phong, to: trung-tam-cds, kind: directs, "
                     "data: [văn bản chỉ đạo]}\n\n");
}

static void write_data(egaf_buf *b, const plan *p)
{
    section_head(b, "data");
    fill(b, "  ", "các cơ sở dữ liệu chuyên ngành, dùng chung, mở (mã DRM nếu có); CSDL "
                  "quốc gia thì ghi ở `sources`, không khai lại");
    egaf_buf_puts(b, "  databases:\n"
                     "    - id: csdl-tthc\n"
                     "      name: Cơ sở dữ liệu giải quyết thủ tục hành chính\n"
                     "      kind: specialized\n"
                     "      security-level: 3\n");
    egaf_buf_puts(b, "      hosted-on: [ttdl]\n\n");
    (void)p;
}

/* The entry of component c: "- id: …" after indent, its keys two columns
 * further. host: the id its hosted-on names (NULL: no hosted-on line). full:
 * the starting model's own links (uses, serves) to elements it also writes. */
static void write_component(egaf_buf *b, const plan *p, const component *c, const char *indent,
                            const char *host, bool full)
{
    char sub[64];
    snprintf(sub, sizeof sub, "%s  ", indent);
    char name[512];
    const char *unit_sep = p->unit[0] ? " " : "";
    if (c->section == SEC_APPLICATIONS) {
        const role_text *rt = role_of(c->match);
        if (rt)
            fill(b, indent, rt->fill);
        egaf_buf_printf(b, "%s- id: %s\n", indent, c->id);
        snprintf(name, sizeof name, "%s%s%s", rt ? rt->name : (c->title ? c->title : c->id),
                 unit_sep, p->unit);
        kv(b, sub, "name", name);
        egaf_buf_printf(b, "%srole: %s\n", sub, c->match);
        egaf_buf_printf(b, "%ssecurity-level: %d\n", sub, c->level);
        if (full && p->tthc && strcmp(c->id, p->tthc) == 0)
            egaf_buf_printf(b, "%suses: [csdl-tthc]\n%sserves: [dvc-mau, cn-giai-quyet-tthc]\n",
                            sub, sub);
        else if (full && rt && strcmp(rt->role, "qlvb") == 0)
            egaf_buf_printf(b, "%sserves: [cn-chi-dao-dieu-hanh]\n", sub);
        if (host)
            egaf_buf_printf(b, "%shosted-on: [%s]\n", sub, host);
        return;
    }
    if (c->section == SEC_PLATFORMS && strcmp(c->match, "lgsp") == 0) {
        fill(b, indent, "tên nền tảng tích hợp, chia sẻ dữ liệu đang vận hành");
        snprintf(name, sizeof name, "Nền tảng tích hợp, chia sẻ dữ liệu%s%s (LGSP)", unit_sep,
                 p->unit);
    } else if (c->section == SEC_INFRASTRUCTURE && c->nconnects &&
               strcmp(c->connects[0], "tslcd") == 0) {
        snprintf(name, sizeof name, "Mạng truyền số liệu chuyên dùng cấp II%s%s", unit_sep,
                 p->unit);
    } else {
        snprintf(name, sizeof name, "%s", c->title ? c->title : c->id);
    }
    egaf_buf_printf(b, "%s- id: %s\n", indent, c->id);
    kv(b, sub, "name", name);
    egaf_buf_printf(b, "%skind: %s\n", sub, c->match);
    if (c->nconnects) {
        egaf_buf_printf(b, "%sconnects: [", sub);
        for (size_t j = 0; j < c->nconnects; j++)
            egaf_buf_printf(b, "%snational:%s", j ? ", " : "", c->connects[j]);
        egaf_buf_puts(b, "]\n");
    }
    if (c->section == SEC_PLATFORMS) {
        if (host)
            egaf_buf_printf(b, "%shosted-on: [%s]\n", sub, host);
        egaf_buf_printf(b, "%ssecurity-level: %d\n", sub, c->level);
    }
}

static void write_applications(egaf_buf *b, const plan *p)
{
    section_head(b, "application");
    fill(b, "  ", "các ứng dụng, hệ thống thông tin (mã ARM nếu có) và cấp độ an toàn đã "
                  "được phê duyệt (NĐ 85/2016/NĐ-CP)");
    egaf_buf_puts(b, "  applications:\n");
    for (size_t i = 0; i < p->ncomps; i++)
        if (p->comps[i].section == SEC_APPLICATIONS)
            write_component(b, p, &p->comps[i], "    ", "ttdl", true);
    egaf_buf_puts(b, "  platforms:\n");
    for (size_t i = 0; i < p->ncomps; i++)
        if (p->comps[i].section == SEC_PLATFORMS)
            write_component(b, p, &p->comps[i], "    ", "ttdl", true);
    fill(b, "  ", "các kết nối khác; kết nối với hệ thống, CSDL quốc gia đi qua LGSP (trường "
                  "hợp a, TT 13/2017/TT-BTTTT)");
    egaf_buf_puts(b, "  integrations:\n");
    const char *used[MAX_COMPONENTS * MAX_CONNECTS];
    size_t nused = 0;
    for (size_t i = 0; i < p->ncomps; i++) {
        const component *c = &p->comps[i];
        if (c->section != SEC_APPLICATIONS)
            continue;
        for (size_t j = 0; j < c->nconnects; j++) {
            const char *nid = c->connects[j];
            bool dup = false;
            for (size_t k = 0; k < nused; k++)
                dup = dup || strcmp(used[k], nid) == 0;
            if (dup)
                egaf_buf_printf(b, "    - id: tich-hop-%s-%s\n", nid, c->id);
            else
                egaf_buf_printf(b, "    - id: tich-hop-%s\n", nid);
            if (!dup && nused < sizeof used / sizeof used[0])
                used[nused++] = nid;
            egaf_buf_printf(b, "      from: %s\n", c->id);
            egaf_buf_printf(b, "      to: national:%s\n", nid);
            if (p->lgsp)
                egaf_buf_printf(b, "      via: %s\n      route: a\n", p->lgsp);
            const char *data = NULL;
            for (size_t k = 0; k < sizeof carried / sizeof carried[0]; k++)
                if (strcmp(carried[k].id, nid) == 0)
                    data = carried[k].data;
            char text[512];
            if (!data) {
                const egaf_ref_entry *e = egaf_refs_find(p->refs, nid);
                snprintf(text, sizeof text, "Dữ liệu trao đổi với %s",
                         e && e->name ? e->name : nid);
                data = text;
            }
            egaf_buf_puts(b, "      data: [");
            yq(b, data);
            egaf_buf_puts(b, "]\n");
        }
    }
    egaf_buf_putc(b, '\n');
}

static void write_technology(egaf_buf *b, const plan *p)
{
    section_head(b, "technology");
    fill(b, "  ", "trung tâm dữ liệu, mạng, máy chủ, điện toán đám mây (mã TRM nếu có)");
    egaf_buf_puts(b, "  infrastructure:\n"
                     "    - id: ttdl\n");
    char name[512];
    snprintf(name, sizeof name, "Trung tâm dữ liệu %s", p->unit);
    kv(b, "      ", "name", name);
    egaf_buf_puts(b, "      kind: data-center\n");
    fill(b, "      ", "nơi đặt, ví dụ location: \"…\"");
    egaf_buf_puts(b, "      security-level: 3\n");
    if (p->main_infra)
        egaf_buf_printf(b, "      connects: [%s]\n", p->main_infra);
    for (size_t i = 0; i < p->ncomps; i++)
        if (p->comps[i].section == SEC_INFRASTRUCTURE)
            write_component(b, p, &p->comps[i], "    ", NULL, true);
    egaf_buf_putc(b, '\n');
}

static void write_security(egaf_buf *b, const plan *p)
{
    section_head(b, "security");
    fill(b, "  ", "các biện pháp bảo đảm an toàn thông tin (giám sát, sao lưu, xác thực, …; "
                  "mã SRM nếu có); hệ thống từ cấp độ 3 phải có biện pháp bảo vệ");
    egaf_buf_puts(b, "  controls:\n"
                     "    - id: tuong-lua\n"
                     "      name: Hệ thống tường lửa\n"
                     "      kind: firewall\n"
                     "      protects: [");
    bool first = true;
    for (size_t i = 0; i < p->ncomps; i++) {
        const component *c = &p->comps[i];
        if (c->section == SEC_INFRASTRUCTURE || !needs_control(p->fw, c->level))
            continue;
        egaf_buf_printf(b, "%s%s", first ? "" : ", ", c->id);
        first = false;
    }
    if (needs_control(p->fw, 3))
        egaf_buf_printf(b, "%scsdl-tthc, ttdl", first ? "" : ", ");
    else if (first)
        egaf_buf_puts(b, "ttdl");
    egaf_buf_puts(b, "]\n\n");
}

static void write_implementation(egaf_buf *b, const plan *p)
{
    section_head(b, "implementation");
    fill(b, "  ", "cơ quan chủ trì, phối hợp, cách cập nhật Kiến trúc (nội dung g)");
    char text[1024];
    if (p->province)
        snprintf(text, sizeof text,
                 "Ủy ban nhân dân %s chỉ đạo; cơ quan chuyên trách về chuyển đổi số của %s chủ "
                 "trì triển khai, cập nhật Kiến trúc; các sở, ban, ngành và Ủy ban nhân dân cấp "
                 "xã triển khai theo Kiến trúc.",
                 p->unit, unit_kind(p));
    else
        snprintf(text, sizeof text,
                 "Lãnh đạo %s chỉ đạo; đơn vị chuyên trách về công nghệ thông tin, chuyển đổi "
                 "số chủ trì triển khai, cập nhật Kiến trúc; các đơn vị trực thuộc triển khai "
                 "theo Kiến trúc.",
                 p->unit);
    kv(b, "  ", "organisation", text);
    fill(b, "  ", "các nhiệm vụ, dự án, thời gian, kinh phí, thứ tự ưu tiên");
    egaf_buf_puts(b, "  roadmap:\n"
                     "    - id: nv-thanh-phan-bat-buoc\n"
                     "      name: Hoàn thiện, kết nối các thành phần bắt buộc theo Khung "
                     "kiến trúc\n");
    egaf_buf_printf(b, "      from: %d\n      to: %d\n      priority: 1\n", p->year, p->year + 2);
    egaf_buf_puts(b, "      delivers: [");
    bool first = true;
    for (size_t i = 0; i < p->ncomps; i++) {
        egaf_buf_printf(b, "%s%s", first ? "" : ", ", p->comps[i].id);
        first = false;
    }
    egaf_buf_puts(b, "]\n");
    fill(b, "      ", "đơn vị chủ trì, phối hợp (mã trong units), nguồn kinh phí, kinh phí "
                      "(triệu đồng), sản phẩm, tiến độ; depends-on: các nhiệm vụ phải làm trước, "
                      "ví dụ:");
    egaf_buf_puts(b, "      # lead: van-phong\n"
                     "      # partners: [trung-tam-cds]\n"
                     "      # funding: local-budget\n"
                     "      # budget-million: 1000\n"
                     "      # outputs: [\"…\"]\n"
                     "      # progress: not-started\n");
    fill(b, "  ", "các chỉ tiêu đo được: chỉ tiêu, hiện trạng, giá trị và năm mục tiêu (trong "
                  "giai đoạn period), chỉ tiêu quốc gia phục vụ (egaf refs list --kind "
                  "national-targets) (bỏ dấu # ở các dòng dưới)");
    egaf_buf_printf(b,
                    "  # targets:\n"
                    "  #   - id: ct-dvc-toan-trinh\n"
                    "  #     name: \"Dịch vụ công trực tuyến toàn trình\"\n"
                    "  #     indicator: \"Tỷ lệ thủ tục hành chính cung cấp trực tuyến toàn "
                    "trình (%%)\"\n"
                    "  #     baseline: \"…\"\n"
                    "  #     baseline-year: %d\n"
                    "  #     value: \"100%%\"\n"
                    "  #     year: %d\n",
                    p->year - 1, p->year + 2);
    fill(b, "  ", "các giải pháp, ít nhất một giải pháp mỗi nhóm governance (quản lý, chỉ đạo), "
                  "staffing (nguồn nhân lực), policy (cơ chế, chính sách), finance (tài chính); "
                  "thêm technology, cooperation nếu có (bỏ dấu # ở các dòng dưới)");
    egaf_buf_puts(b, "  # solutions:\n"
                     "  #   - id: gp-nhan-luc\n"
                     "  #     name: \"Đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức\"\n"
                     "  #     kind: staffing\n"
                     "  #     lead: van-phong\n"
                     "  #     serves: [ct-dvc-toan-trinh]\n"
                     "  #   - {id: gp-chi-dao, name: \"Kiện toàn Ban Chỉ đạo, cập nhật Kiến trúc "
                     "hằng năm\", kind: governance, lead: van-phong}\n"
                     "  #   - {id: gp-chinh-sach, name: \"Ban hành quy chế quản lý, kết nối, chia sẻ "
                     "dữ liệu\", kind: policy, lead: van-phong}\n"
                     "  #   - {id: gp-tai-chinh, name: \"Bố trí kinh phí thực hiện các nhiệm vụ\", "
                     "kind: finance, lead: van-phong, serves: [nv-thanh-phan-bat-buoc]}\n");
}

/* The plan of the model of agency (NULL: unknown) for the architecture arch. */
static void setup_plan(plan *p, const egaf_refs *refs, const egaf_ref_entry *agency,
                       const char *arch, bool province, int year, const egaf_ref_framework *fw)
{
    memset(p, 0, sizeof(*p));
    p->refs = refs;
    p->agency = agency;
    p->fw = fw;
    p->year = year;
    p->province = province;
    snprintf(p->arch, sizeof p->arch, "%s", arch);
    const char *name = agency ? (agency->name ? agency->name : agency->id) : NULL;
    if (name && p->province)
        snprintf(p->unit, sizeof p->unit, "%s %s", unit_kind(p), name);
    else if (name)
        snprintf(p->unit, sizeof p->unit, "%s", name);
    make_plan(p);
}

void egaf_init_model(egaf_buf *out, const egaf_refs *refs, const egaf_ref_entry *agency,
                     int year, const egaf_ref_framework *fw)
{
    plan pl;
    char arch[sizeof pl.arch];
    egaf_init_architecture_id(agency, arch, sizeof arch);
    setup_plan(&pl, refs, agency, arch, agency->level && strcmp(agency->level, "province") == 0,
               year, fw);
    const plan *p = &pl;
    write_header(out, p);
    write_business(out, p);
    write_data(out, p);
    write_applications(out, p);
    write_technology(out, p);
    write_security(out, p);
    write_implementation(out, p);
}

bool egaf_init_component(egaf_buf *out, const egaf_refs *refs, const egaf_ref_framework *fw,
                         int year, const egaf_ref_requirement *r, const egaf_init_item *item)
{
    plan *p = malloc(sizeof(*p));
    if (!p) {
        out->failed = true;
        return false;
    }
    setup_plan(p, refs, item->agency, item->arch ? item->arch : "", item->province, year, fw);
    component *c = NULL;
    for (size_t i = 0; i < p->ncomps && !c; i++)
        for (size_t j = 0; j < p->comps[i].nreqs && !c; j++)
            if (strcmp(p->comps[i].reqs[j], r->id) == 0)
                c = &p->comps[i];
    if (!c) { /* a requirement of another level: its component alone */
        size_t before = p->ncomps;
        add_requirement(p, r);
        c = p->ncomps > before ? &p->comps[before] : NULL;
    }
    bool written = false;
    if (c) {
        /* the starting model's id, unless the model already uses it */
        char id[sizeof c->id];
        snprintf(id, sizeof id, "%s", c->id);
        for (int n = 2; item->taken && item->taken(c->id, item->arg) && n < 100; n++)
            snprintf(c->id, sizeof c->id, "%.*s-%d", (int)(sizeof c->id - 8), id, n);
        write_component(out, p, c, item->indent ? item->indent : "",
                        c->section == SEC_INFRASTRUCTURE ? NULL : item->host, false);
        written = true;
    }
    free(p);
    return written;
}
