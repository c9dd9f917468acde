/* gen.c - generator of a synthetic national e-Government architecture, for
 * benchmarks: one model per agency (default: every ministry and province of
 * the reference models valid in the year, the 2026 map being 17 ministries
 * and 34 provinces), each valid against the reference models with no finding
 * at all, so that `egaf validate` does the whole of its work on every file.
 *
 * At scale 1 a province has about 2,000 public services, 100 applications,
 * 80 databases, their integrations (through the province's LGSP, route a, to
 * the national systems and databases, and to ministries' systems), its
 * infrastructure, security controls and roadmap; a ministry has 60 % of
 * that. Every count grows linearly with the scale. Services beyond 4,000 go
 * to included files (DIR/<arch-id>/dich-vu-cong-NN.yaml), so no file nears
 * the 16 MiB limit.
 *
 * The output depends only on the options and the reference models: each
 * agency draws from its own generator, seeded from --seed and its id.
 *
 * usage: gen [--refs DIR] [--scale S] [--seed N] [--year YYYY]
 *            [--agencies ID,ID,...] -o DIR */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refs/refs.h"
#include "base/diag.h"

#define SERVICES_PER_FILE 4000
#define MINISTRY_FACTOR 0.6
#define ID_MAX 128

/* ------------------------------------------------------------------ random */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t rng_next(rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* uniform in [0, n) for n > 0 */
static size_t rng_below(rng *r, size_t n)
{
    return n ? (size_t)(rng_next(r) % n) : 0;
}

static bool rng_chance(rng *r, unsigned percent)
{
    return rng_below(r, 100) < percent;
}

static uint64_t hash_text(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* ------------------------------------------------------------------- words */

typedef struct field {
    const char *slug, *name, *subject; /* subject: a data-subject id, or NULL */
} field;

/* Lĩnh vực quản lý nhà nước of a ministry or a province. */
static const field fields[] = {
    {"dat-dai", "đất đai", "dat-dai"},
    {"ho-tich", "hộ tịch", "ho-tich"},
    {"dang-ky-kinh-doanh", "đăng ký kinh doanh", "doanh-nghiep"},
    {"tai-chinh", "tài chính, ngân sách", "tai-chinh"},
    {"bao-hiem", "bảo hiểm xã hội, bảo hiểm y tế", "bao-hiem"},
    {"cu-tru", "cư trú và dân cư", "dan-cu"},
    {"thong-ke", "thống kê dân số", "thong-ke-dan-so"},
    {"xay-dung", "xây dựng, quy hoạch", NULL},
    {"giao-thong", "giao thông vận tải", NULL},
    {"moi-truong", "môi trường", NULL},
    {"tai-nguyen-nuoc", "tài nguyên nước, khoáng sản", NULL},
    {"nong-nghiep", "nông nghiệp, thủy lợi", NULL},
    {"lam-nghiep", "lâm nghiệp, kiểm lâm", NULL},
    {"thuy-san", "thủy sản", NULL},
    {"cong-thuong", "công thương, xúc tiến thương mại", NULL},
    {"y-te", "y tế, khám bệnh, chữa bệnh", NULL},
    {"giao-duc", "giáo dục và đào tạo", NULL},
    {"van-hoa", "văn hóa, di sản", NULL},
    {"du-lich", "du lịch", NULL},
    {"the-thao", "thể dục, thể thao", NULL},
    {"lao-dong", "lao động, việc làm", NULL},
    {"nguoi-co-cong", "người có công, bảo trợ xã hội", NULL},
    {"noi-vu", "tổ chức bộ máy, công chức", NULL},
    {"khoa-hoc", "khoa học, công nghệ, chuyển đổi số", NULL},
    {"tu-phap", "bổ trợ tư pháp, chứng thực", NULL},
    {"thanh-tra", "thanh tra, khiếu nại, tố cáo", NULL},
    {"dan-toc", "dân tộc, tôn giáo", NULL},
    {"dau-tu", "đầu tư, đấu thầu", NULL},
};
#define NFIELDS (sizeof fields / sizeof fields[0])

typedef struct word {
    const char *slug, *text;
} word;

static const word verbs[] = {
    {"cap", "Cấp"},
    {"cap-lai", "Cấp lại"},
    {"cap-doi", "Cấp đổi"},
    {"gia-han", "Gia hạn"},
    {"dieu-chinh", "Điều chỉnh"},
    {"thu-hoi", "Thu hồi"},
    {"dang-ky", "Đăng ký"},
    {"dang-ky-thay-doi", "Đăng ký thay đổi"},
    {"xac-nhan", "Xác nhận"},
    {"tham-dinh", "Thẩm định"},
    {"phe-duyet", "Phê duyệt"},
    {"cong-nhan", "Công nhận"},
    {"cho-phep", "Cho phép"},
    {"chap-thuan", "Chấp thuận"},
    {"thong-bao", "Thông báo"},
    {"giai-quyet", "Giải quyết"},
    {"ho-tro", "Hỗ trợ"},
    {"tra-cuu", "Tra cứu"},
    {"bo-sung", "Bổ sung"},
    {"cham-dut", "Chấm dứt"},
};
#define NVERBS (sizeof verbs / sizeof verbs[0])

static const word objects[] = {
    {"giay-phep-xay-dung", "giấy phép xây dựng"},
    {"giay-chung-nhan-qsdd", "giấy chứng nhận quyền sử dụng đất"},
    {"giay-phep-kinh-doanh", "giấy phép kinh doanh"},
    {"giay-phep-lai-xe", "giấy phép lái xe"},
    {"giay-phep-moi-truong", "giấy phép môi trường"},
    {"giay-phep-khai-thac-nuoc", "giấy phép khai thác nước mặt"},
    {"giay-phep-hanh-nghe-y", "giấy phép hành nghề khám bệnh, chữa bệnh"},
    {"chung-chi-hanh-nghe-duoc", "chứng chỉ hành nghề dược"},
    {"giay-phep-lao-dong", "giấy phép lao động cho người nước ngoài"},
    {"ho-kinh-doanh", "hộ kinh doanh"},
    {"hop-tac-xa", "hợp tác xã"},
    {"du-an-dau-tu", "dự án đầu tư"},
    {"khai-sinh", "khai sinh"},
    {"ket-hon", "kết hôn"},
    {"thuong-tru", "thường trú"},
    {"tam-tru", "tạm trú"},
    {"chung-thuc-ban-sao", "chứng thực bản sao từ bản chính"},
    {"ly-lich-tu-phap", "phiếu lý lịch tư pháp"},
    {"tro-cap-xa-hoi", "trợ cấp xã hội hằng tháng"},
    {"che-do-nguoi-co-cong", "chế độ ưu đãi người có công"},
    {"bao-hiem-that-nghiep", "trợ cấp thất nghiệp"},
    {"thanh-lap-truong", "thành lập trường trung học phổ thông"},
    {"van-bang", "bản sao văn bằng, chứng chỉ"},
    {"chuyen-truong", "chuyển trường cho học sinh"},
    {"di-tich", "dự án tu bổ di tích"},
    {"bieu-dien-nghe-thuat", "tổ chức biểu diễn nghệ thuật"},
    {"co-so-luu-tru-du-lich", "cơ sở lưu trú du lịch"},
    {"giai-the-thao", "tổ chức giải thi đấu thể thao"},
    {"phuong-tien-thuy", "phương tiện thủy nội địa"},
    {"xe-tap-lai", "giấy phép xe tập lái"},
    {"bien-hieu-van-tai", "phù hiệu xe kinh doanh vận tải"},
    {"cong-trinh-thuy-loi", "hoạt động trong phạm vi bảo vệ công trình thủy lợi"},
    {"giong-cay-trong", "giống cây trồng"},
    {"kiem-dich-dong-vat", "kiểm dịch động vật"},
    {"an-toan-thuc-pham", "cơ sở đủ điều kiện an toàn thực phẩm"},
    {"khai-thac-thuy-san", "giấy phép khai thác thủy sản"},
    {"trong-rung", "chuyển mục đích sử dụng rừng"},
    {"ban-le-ruou", "giấy phép bán lẻ rượu"},
    {"xang-dau", "cửa hàng bán lẻ xăng dầu"},
    {"khuyen-mai", "chương trình khuyến mại"},
    {"hoi-chu-thap-do", "điều lệ hội"},
    {"quy-xa-hoi", "quỹ xã hội, quỹ từ thiện"},
    {"to-chuc-ton-giao", "hoạt động tôn giáo"},
    {"thi-dua-khen-thuong", "danh hiệu thi đua, khen thưởng"},
    {"tuyen-dung-cong-chuc", "tuyển dụng công chức"},
    {"nhiem-vu-khcn", "nhiệm vụ khoa học và công nghệ"},
    {"chuyen-giao-cong-nghe", "hợp đồng chuyển giao công nghệ"},
    {"do-luong", "phương tiện đo nhóm 2"},
    {"tan-so-vo-tuyen", "giấy phép sử dụng tần số vô tuyến điện"},
    {"xuat-ban", "giấy phép xuất bản bản tin"},
    {"quang-cao", "biển quảng cáo ngoài trời"},
    {"khieu-nai", "đơn khiếu nại hành chính"},
    {"to-cao", "đơn tố cáo"},
    {"dau-thau", "kế hoạch lựa chọn nhà thầu"},
    {"ngan-sach-xa", "dự toán ngân sách cấp xã"},
    {"tai-san-cong", "điều chuyển tài sản công"},
    {"gia-dat", "bảng giá đất cụ thể"},
    {"khoang-san", "giấy phép thăm dò khoáng sản"},
    {"xa-thai", "giấy phép xả nước thải vào nguồn nước"},
    {"nha-o-xa-hoi", "mua, thuê mua nhà ở xã hội"},
};
#define NOBJECTS (sizeof objects / sizeof objects[0])

static const char *const qualifiers[] = {
    "cấp tỉnh",
    "cấp xã",
    "có yếu tố nước ngoài",
    "trong khu công nghiệp",
    "đối với tổ chức",
    "đối với cá nhân",
    "trường hợp bị mất, hư hỏng",
    "theo thủ tục rút gọn",
};
#define NQUALIFIERS (sizeof qualifiers / sizeof qualifiers[0])

static const char *const data_items[] = {
    "Hồ sơ thủ tục hành chính và trạng thái xử lý",
    "Thông tin công dân đã xác thực",
    "Kết quả giải quyết thủ tục hành chính",
    "Văn bản điện tử có chữ ký số",
    "Chỉ tiêu kinh tế – xã hội",
    "Danh mục dùng chung",
    "Dữ liệu chuyên ngành đã chuẩn hóa",
    "Giao dịch thanh toán phí, lệ phí",
    "Số liệu thống kê định kỳ",
    "Thông tin đăng ký doanh nghiệp",
    "Dữ liệu địa chính, biến động đất đai",
    "Thông tin thẻ bảo hiểm y tế",
};
#define NDATA (sizeof data_items / sizeof data_items[0])

static const char *const app_names[] = {
    "Hệ thống thông tin quản lý", "Phần mềm quản lý", "Cơ sở dữ liệu và phần mềm quản lý",
    "Hệ thống giám sát", "Phần mềm hỗ trợ nghiệp vụ", "Hệ thống theo dõi, đánh giá",
};
static const char *const app_roles[] = {"nghiep-vu", "nghiep-vu", "nghiep-vu", "nghiep-vu",
                                        "gis",       "ke-toan",   "nhan-su",   "dieu-hanh",
                                        "email",     "other"};
static const char *const db_kinds[] = {"specialized", "specialized", "specialized", "shared",
                                       "open",        "master",      "warehouse"};
static const char *const infra_kinds[] = {"server", "server", "server", "storage",
                                          "cloud",  "backup-site", "network"};
static const char *const control_kinds[] = {"firewall", "ids",    "waf",     "monitoring",
                                            "soc",      "backup", "authentication",
                                            "encryption", "antivirus", "other"};
static const char *const platform_kinds[] = {"iam", "payment", "data-warehouse", "ioc", "other"};
static const char *const onlines[] = {"full", "full", "full", "partial", "partial", "none"};

/* ------------------------------------------------------------------ output */

typedef struct out {
    FILE *f;
    const char *path;
    bool failed;
    unsigned long long bytes;
} out;

static void outf(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void outf(out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(o->f, fmt, ap);
    va_end(ap);
    if (n < 0)
        o->failed = true;
    else
        o->bytes += (unsigned long long)n;
}

/* A scalar that YAML reads back as the same text. Plain when that is safe,
 * else double-quoted; in_flow: inside [ ], where commas end a plain scalar. */
static void out_text(out *o, const char *s, bool in_flow)
{
    bool plain = *s && !strchr("-?:,[]{}#&*!|>'\"%@` 0123456789", *s) &&
                 s[strlen(s) - 1] != ' ' && !strstr(s, ": ") && !strstr(s, " #") &&
                 !strchr(s, '"') && !strchr(s, '\\') && s[strlen(s) - 1] != ':';
    if (in_flow && strpbrk(s, ",[]{}"))
        plain = false;
    if (plain) {
        outf(o, "%s", s);
        return;
    }
    outf(o, "\"");
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            outf(o, "\\%c", *s);
        else
            outf(o, "%c", *s);
    }
    outf(o, "\"");
}

static int out_open(out *o, const char *path)
{
    o->f = fopen(path, "w");
    o->path = path;
    o->failed = o->f == NULL;
    return o->f ? 0 : -1;
}

static int out_close(out *o)
{
    if (!o->f)
        return -1;
    if (fclose(o->f) != 0)
        o->failed = true;
    o->f = NULL;
    return o->failed ? -1 : 0;
}

/* ------------------------------------------------------- what the refs give */

typedef struct nat {
    const char **systems; /* shared systems a system may integrate with */
    size_t nsystems;
    const char **dbs; /* national databases */
    size_t ndbs;
} nat;

typedef struct plan {
    const egaf_refs *refs;
    const egaf_ref_framework *fw;
    int year;
    double scale;
    uint64_t seed;
    const char *dir;
    nat nat;
    const char **ministries; /* arch ids of the ministries generated, for cross refs */
    size_t nministries;
    unsigned long long total_bytes;
    size_t total_files, total_elements;
} plan;

static bool in_edition(const egaf_ref_entry *e, const char *edition)
{
    if (e->neditions == 0)
        return true;
    for (size_t i = 0; i < e->neditions; i++)
        if (strcmp(e->editions[i], edition) == 0)
            return true;
    return false;
}

/* Valid for the whole year: an entry that starts in the middle of the year
 * is left out, so that no reading of "valid in" can make a model invalid. */
static bool whole_year(const egaf_ref_entry *e, int year)
{
    return egaf_ref_valid_in(e, year) && (e->valid_from == 0 || e->valid_from <= year * 10000 + 101);
}

static bool required_elsewhere(const egaf_ref_framework *fw, const char *id)
{
    for (size_t i = 0; i < fw->nrequirements; i++) {
        const egaf_ref_requirement *r = &fw->requirements[i];
        if (strcmp(r->section, "applications") == 0)
            continue;
        for (size_t j = 0; j < r->nmust_connect; j++)
            if (strcmp(r->must_connect[j], id) == 0)
                return true;
    }
    return false;
}

static int collect_national(plan *p)
{
    const egaf_refs *refs = p->refs;
    p->nat.systems = calloc(refs->nentries + 1, sizeof(char *));
    p->nat.dbs = calloc(refs->nentries + 1, sizeof(char *));
    if (!p->nat.systems || !p->nat.dbs)
        return -1;
    for (size_t i = 0; i < refs->nentries; i++) {
        const egaf_ref_entry *e = refs->entries[i];
        if (!whole_year(e, p->year))
            continue;
        if (e->kind == EGAF_RK_SHARED_SYSTEM && in_edition(e, p->fw->edition) &&
            !required_elsewhere(p->fw, e->id))
            p->nat.systems[p->nat.nsystems++] = e->id;
        else if (e->kind == EGAF_RK_NATIONAL_DATABASE)
            p->nat.dbs[p->nat.ndbs++] = e->id;
    }
    return p->nat.nsystems && p->nat.ndbs ? 0 : -1;
}

/* The national database authoritative for a data subject, if usable. */
static const char *subject_db(const plan *p, const char *subject)
{
    const egaf_ref_entry *s = subject ? egaf_refs_find(p->refs, subject) : NULL;
    if (!s || s->kind != EGAF_RK_DATA_SUBJECT || !s->authoritative_db)
        return NULL;
    const egaf_ref_entry *db = egaf_refs_find(p->refs, s->authoritative_db);
    return db && whole_year(db, p->year) ? db->id : NULL;
}

static const char *code_of(const plan *p, egaf_ref_tree_id tree, size_t pick)
{
    const egaf_ref_tree *t = &p->fw->trees[tree];
    return t->ncodes ? t->codes[pick % t->ncodes].code : NULL;
}

/* --------------------------------------------------------------- one model */

typedef struct app {
    char id[ID_MAX];
    const char *role;
    int level;
    size_t field;
} app;

typedef struct arch {
    const egaf_ref_entry *agency;
    bool ministry;
    double f;
    rng r;
    char lgsp[ID_MAX];
    /* counts */
    size_t nact, nch, nfn, nsvc, ndb, napp, nplat, ninfra, nctl, nroad;
    app *apps;
    size_t ncore_apps;
    char (*dbs)[ID_MAX];
    int *db_level;
    char (*infra)[ID_MAX];
    int *infra_level;
    char (*plats)[ID_MAX];
    int *plat_level;
    char (*ids)[ID_MAX]; /* every element id, for the roadmap */
    size_t nids;
} arch;

static size_t scaled(double f, double base, size_t min)
{
    double v = floor(f * base + 0.5);
    return v < (double)min ? min : (size_t)v;
}

static void add_id(arch *a, const char *id)
{
    snprintf(a->ids[a->nids++], sizeof a->ids[0], "%s", id);
}

static const char *short_name(const egaf_ref_entry *ag)
{
    const char *n = ag->name ? ag->name : ag->id;
    static const char *const prefixes[] = {"Tỉnh ", "Thành phố ", "tỉnh ", "thành phố "};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(n, prefixes[i], strlen(prefixes[i])) == 0)
            return n + strlen(prefixes[i]);
    return n;
}

static void write_header(out *o, const plan *p, const arch *a, size_t nchunks)
{
    const egaf_ref_entry *ag = a->agency;
    const char *who = ag->name ? ag->name : ag->id;
    outf(o, "# Synthetic model written by bench/gen (scale %g, seed %llu): not a real "
            "architecture.\n",
         p->scale, (unsigned long long)p->seed);
    outf(o, "framework: \"%s\"\n\narchitecture:\n  id: %s\n  agency: %s\n  level: %s\n",
         p->fw->edition, ag->id, ag->id, a->ministry ? "ministry" : "province");
    outf(o, "  name: ");
    char buf[512];
    if (a->ministry)
        snprintf(buf, sizeof buf, "Kiến trúc Chính phủ số của %s, phiên bản %s", who,
                 p->fw->edition);
    else
        snprintf(buf, sizeof buf, "Kiến trúc Chính quyền số %s %s, phiên bản %s",
                 ag->municipality ? "thành phố" : "tỉnh", short_name(ag), p->fw->edition);
    out_text(o, buf, false);
    outf(o, "\n  version: \"%s\"\n  year: %d\n  period: {from: %d, to: %d}\n", p->fw->edition,
         p->year, p->year, p->year + 4);
    outf(o, "  approved-by: \"Quyết định %zu/QĐ-%s ngày 28/12/%d\"\n",
         100 + (size_t)(hash_text(ag->id) % 3000), a->ministry ? "BỘ" : "UBND", p->year - 1);
    outf(o, "  vision: >-\n    Đến năm %d, chính quyền số của ", p->year + 4);
    out_text(o, who, false);
    outf(o, " vận hành dựa trên dữ liệu, phục vụ người dân,\n"
            "    doanh nghiệp trên môi trường số một cách thuận tiện, an toàn.\n");
    outf(o, "  scope: >-\n    Các cơ quan, đơn vị thuộc ");
    out_text(o, who, false);
    outf(o, "; hệ thống thông tin, cơ sở dữ liệu, hạ tầng\n    và an toàn thông tin dùng chung.\n");
    outf(o, "  goals:\n"
            "    - 100%% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình\n"
            "    - 100%% hồ sơ được số hóa, kết quả giải quyết được lưu trữ điện tử\n"
            "    - Dữ liệu chuyên ngành được chuẩn hóa và chia sẻ qua nền tảng tích hợp\n");
    outf(o, "  principles:\n"
            "    - Lấy người dân, doanh nghiệp làm trung tâm; dữ liệu là tài nguyên\n"
            "    - Kết nối, chia sẻ dữ liệu qua LGSP và NDXP; dữ liệu chỉ cung cấp một lần\n"
            "    - Bảo đảm an toàn thông tin theo cấp độ\n");
    if (nchunks) {
        outf(o, "include:\n");
        for (size_t c = 0; c < nchunks; c++)
            outf(o, "  - %s/dich-vu-cong-%02zu.yaml\n", ag->id, c + 1);
    }
}

/* The name of service i: verb × object × qualifier, never twice the same. */
static void service_name(size_t i, char *buf, size_t size, char *slug, size_t slug_size)
{
    size_t v = i % NVERBS, ob = (i / NVERBS) % NOBJECTS, rest = i / (NVERBS * NOBJECTS);
    int w = snprintf(buf, size, "%s %s", verbs[v].text, objects[ob].text);
    if (rest && w > 0 && (size_t)w < size) {
        size_t q = (rest - 1) % NQUALIFIERS, round = (rest - 1) / NQUALIFIERS;
        if (round)
            snprintf(buf + w, size - (size_t)w, " (%s, phương án %zu)", qualifiers[q], round + 1);
        else
            snprintf(buf + w, size - (size_t)w, " (%s)", qualifiers[q]);
    }
    snprintf(slug, slug_size, "%s-%s-%zu", verbs[v].slug, objects[ob].slug, i + 1);
}

static void write_service(out *o, const plan *p, arch *a, size_t i)
{
    char name[256], slug[128];
    service_name(i, name, sizeof name, slug, sizeof slug);
    size_t fld = rng_below(&a->r, NFIELDS);
    outf(o, "    - id: %s\n      name: ", slug);
    out_text(o, name, false);
    outf(o, "\n      tthc-code: \"%d.%06zu.000.00.00.%s\"\n", 1 + (int)(i % 2), 1000 + i,
         a->ministry ? "G01" : "H01");
    if (rng_chance(&a->r, 40)) {
        const char *c = code_of(p, EGAF_TREE_BRM, rng_next(&a->r));
        if (c)
            outf(o, "      brm: %s\n", c);
    }
    const char *online = onlines[rng_below(&a->r, sizeof onlines / sizeof onlines[0])];
    outf(o, "      online: %s\n", online);
    /* most services are handled by the one-stop system; the rest by a
     * specialised application */
    const char *handler = a->apps[0].id;
    for (size_t k = 0; k < a->ncore_apps; k++)
        if (strcmp(a->apps[k].role, "tthc") == 0)
            handler = a->apps[k].id;
    if (a->napp > a->ncore_apps && rng_chance(&a->r, 30))
        handler = a->apps[a->ncore_apps + rng_below(&a->r, a->napp - a->ncore_apps)].id;
    outf(o, "      handled-by: %s\n", handler);
    outf(o, "      function: cn-%s-%zu\n", fields[i % a->nfn % NFIELDS].slug, i % a->nfn + 1);
    outf(o, "      actors: [tac-nhan-%zu", i % a->nact + 1);
    if (rng_chance(&a->r, 30))
        outf(o, ", tac-nhan-%zu", (i + 1) % a->nact + 1);
    outf(o, "]\n      channels: [kenh-%zu", i % a->nch + 1);
    size_t extra = rng_below(&a->r, 3);
    for (size_t k = 1; k <= extra && k < a->nch; k++)
        outf(o, ", kenh-%zu", (i + k * 3) % a->nch + 1);
    outf(o, "]\n");
    if (rng_chance(&a->r, 10)) {
        outf(o, "      description: >-\n        Thủ tục thuộc lĩnh vực ");
        out_text(o, fields[fld].name, false);
        outf(o, "; tiếp nhận tại Bộ phận Một cửa và trên Cổng Dịch vụ\n"
                "        công quốc gia, trả kết quả qua dịch vụ bưu chính công ích.\n");
    }
}

static void write_business(out *o, const plan *p, arch *a, size_t first, size_t last)
{
    outf(o, "\nbusiness:\n");
    if (first == 0) {
        static const char *const actor_kinds[] = {"citizen", "business", "organisation",
                                                  "official", "leader", "other"};
        static const char *const actor_names[] = {"Người dân", "Doanh nghiệp", "Tổ chức",
                                                  "Cán bộ, công chức", "Lãnh đạo",
                                                  "Người nước ngoài"};
        outf(o, "  actors:\n");
        for (size_t i = 0; i < a->nact; i++) {
            outf(o, "    - id: tac-nhan-%zu\n      name: %s nhóm %zu\n      kind: %s\n", i + 1,
                 actor_names[i % 6], i / 6 + 1, actor_kinds[i % 6]);
        }
        static const char *const ch_kinds[] = {"web", "mobile", "counter", "phone",
                                               "email", "kiosk", "social", "other"};
        static const char *const ch_names[] = {
            "Cổng Dịch vụ công quốc gia", "Ứng dụng di động", "Bộ phận Một cửa",
            "Tổng đài hỗ trợ", "Hộp thư điện tử", "Ki-ốt tra cứu", "Trang mạng xã hội",
            "Dịch vụ bưu chính công ích"};
        outf(o, "  channels:\n");
        for (size_t i = 0; i < a->nch; i++)
            outf(o, "    - id: kenh-%zu\n      name: %s, điểm %zu\n      kind: %s\n", i + 1,
                 ch_names[i % 8], i / 8 + 1, ch_kinds[i % 8]);
        outf(o, "  functions:\n");
        for (size_t i = 0; i < a->nfn; i++) {
            outf(o, "    - id: cn-%s-%zu\n      name: ", fields[i % NFIELDS].slug, i + 1);
            char buf[200];
            snprintf(buf, sizeof buf, "Quản lý nhà nước về %s, nhóm %zu", fields[i % NFIELDS].name,
                     i / NFIELDS + 1);
            out_text(o, buf, false);
            const char *c = code_of(p, EGAF_TREE_BRM, i);
            if (c)
                outf(o, "\n      brm: %s", c);
            outf(o, "\n");
        }
    }
    outf(o, "  services:\n");
    for (size_t i = first; i < last; i++)
        write_service(o, p, a, i);
}

static void write_data(out *o, const plan *p, arch *a)
{
    outf(o, "\ndata:\n  databases:\n");
    size_t nservers = a->ninfra;
    for (size_t i = 0; i < a->ndb; i++) {
        size_t fld = i % NFIELDS;
        outf(o, "    - id: %s\n      name: ", a->dbs[i]);
        char buf[200];
        if (i < 3) {
            static const char *const core[] = {"CSDL hồ sơ giải quyết thủ tục hành chính",
                                               "CSDL văn bản, hồ sơ công việc",
                                               "CSDL báo cáo, chỉ tiêu kinh tế – xã hội"};
            snprintf(buf, sizeof buf, "%s", core[i]);
        } else {
            snprintf(buf, sizeof buf, "CSDL %s, phân vùng %zu", fields[fld].name, i + 1);
        }
        out_text(o, buf, false);
        const char *kind = i < 3 ? "specialized" : db_kinds[rng_below(&a->r, 7)];
        outf(o, "\n      kind: %s\n", kind);
        const char *c = code_of(p, EGAF_TREE_DRM, i);
        if (c && rng_chance(&a->r, 50))
            outf(o, "      drm: %s\n", c);
        const char *natdb = i >= 3 ? subject_db(p, fields[fld].subject) : NULL;
        if (natdb)
            outf(o, "      holds: [%s]\n      sources: [national:%s]\n", fields[fld].subject,
                 natdb);
        else if (i > 3 && rng_chance(&a->r, 40))
            outf(o, "      sources: [%s]\n", a->dbs[3 + rng_below(&a->r, i - 3)]);
        outf(o, "      hosted-on: [%s]\n", a->infra[3 + (i % (nservers - 3))]);
        outf(o, "      security-level: %d\n", a->db_level[i]);
        if (rng_chance(&a->r, 25))
            outf(o, "      description: >-\n        Dữ liệu được chuẩn hóa theo danh mục dùng "
                    "chung, đồng bộ với kho dữ liệu\n        và chia sẻ qua nền tảng tích hợp, chia "
                    "sẻ dữ liệu.\n");
    }
}

static void write_integration(out *o, arch *a, const char *from, const char *to, bool national)
{
    outf(o, "    - from: %s\n      to: %s\n      via: %s\n", from, to, a->lgsp);
    if (national)
        outf(o, "      route: a\n");
    size_t d = rng_below(&a->r, NDATA);
    outf(o, "      data: [");
    out_text(o, data_items[d], true);
    if (rng_chance(&a->r, 50)) {
        outf(o, ", ");
        out_text(o, data_items[(d + 5) % NDATA], true);
    }
    outf(o, "]\n");
}

/* The national systems the framework requires a section's components to
 * connect to, as the items of a flow list: "national:a, national:b". */
static void write_required_connections(out *o, const plan *p, const char *section)
{
    bool first = true;
    for (size_t r = 0; r < p->fw->nrequirements; r++) {
        const egaf_ref_requirement *q = &p->fw->requirements[r];
        if (strcmp(q->section, section) != 0)
            continue;
        for (size_t j = 0; j < q->nmust_connect; j++) {
            outf(o, "%snational:%s", first ? "" : ", ", q->must_connect[j]);
            first = false;
        }
    }
}

static void write_application(out *o, const plan *p, arch *a)
{
    outf(o, "\napplication:\n  applications:\n");
    for (size_t i = 0; i < a->napp; i++) {
        const app *ap = &a->apps[i];
        outf(o, "    - id: %s\n      name: ", ap->id);
        char buf[256];
        if (i < a->ncore_apps) {
            static const char *const core[][2] = {
                {"tthc", "Hệ thống thông tin giải quyết thủ tục hành chính"},
                {"qlvb", "Hệ thống quản lý văn bản và điều hành"},
                {"bao-cao", "Hệ thống thông tin báo cáo"},
                {"portal", "Cổng thông tin điện tử"}};
            snprintf(buf, sizeof buf, "Hệ thống dùng chung (%s)", ap->role);
            for (size_t k = 0; k < sizeof core / sizeof core[0]; k++)
                if (strcmp(core[k][0], ap->role) == 0)
                    snprintf(buf, sizeof buf, "%s", core[k][1]);
        } else {
            snprintf(buf, sizeof buf, "%s %s, số %zu", app_names[i % 6], fields[ap->field].name,
                     i + 1);
        }
        out_text(o, buf, false);
        outf(o, "\n      role: %s\n", ap->role);
        const char *c = code_of(p, EGAF_TREE_ARM, i);
        if (c && rng_chance(&a->r, 60))
            outf(o, "      arm: %s\n", c);
        outf(o, "      security-level: %d\n", ap->level);
        /* uses: two databases each, so that every database is used */
        outf(o, "      uses: [%s, %s", a->dbs[(2 * i) % a->ndb], a->dbs[(2 * i + 1) % a->ndb]);
        if (rng_chance(&a->r, 30))
            outf(o, ", %s", a->dbs[rng_below(&a->r, a->ndb)]);
        outf(o, "]\n");
        outf(o, "      serves: [cn-%s-%zu]\n", fields[i % a->nfn % NFIELDS].slug, i % a->nfn + 1);
        outf(o, "      hosted-on: [%s]\n", a->infra[3 + (i % (a->ninfra - 3))]);
        if (rng_chance(&a->r, 40))
            outf(o, "      description: >-\n        Triển khai dùng chung cho các cơ quan, đơn vị; "
                    "tích hợp xác thực tập trung\n        và kết nối qua nền tảng tích hợp, chia "
                    "sẻ dữ liệu.\n");
        if (rng_chance(&a->r, 20))
            outf(o, "      properties: {don-vi-van-hanh: Trung tâm Chuyển đổi số}\n");
    }
    outf(o, "  platforms:\n");
    for (size_t i = 0; i < a->nplat; i++) {
        outf(o, "    - id: %s\n", a->plats[i]);
        if (i == 0) {
            outf(o, "      name: Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)\n      kind: lgsp\n"
                    "      connects: [");
            write_required_connections(o, p, "platforms");
            outf(o, "]\n");
        } else {
            outf(o, "      name: Nền tảng dùng chung số %zu\n      kind: %s\n      connects: [%s]\n",
                 i, platform_kinds[(i - 1) % 5], a->plats[0]);
        }
        outf(o, "      hosted-on: [%s]\n      security-level: %d\n",
             a->infra[3 + (i % (a->ninfra - 3))], a->plat_level[i]);
    }
    outf(o, "  integrations:\n");
    /* the required connections of the core applications */
    for (size_t i = 0; i < a->ncore_apps; i++)
        for (size_t r = 0; r < p->fw->nrequirements; r++) {
            const egaf_ref_requirement *q = &p->fw->requirements[r];
            if (strcmp(q->section, "applications") != 0 || !q->match_value ||
                strcmp(q->match_value, a->apps[i].role) != 0)
                continue;
            for (size_t j = 0; j < q->nmust_connect; j++) {
                char to[96];
                snprintf(to, sizeof to, "national:%s", q->must_connect[j]);
                write_integration(o, a, a->apps[i].id, to, true);
            }
        }
    /* the other applications: about 2.5 connections each */
    for (size_t i = a->ncore_apps; i < a->napp; i++) {
        const app *ap = &a->apps[i];
        const char *natdb = subject_db(p, fields[ap->field].subject);
        char to[96];
        if (natdb) {
            snprintf(to, sizeof to, "national:%s", natdb);
        } else if (rng_chance(&a->r, 50)) {
            snprintf(to, sizeof to, "national:%s",
                     p->nat.systems[rng_below(&a->r, p->nat.nsystems)]);
        } else {
            snprintf(to, sizeof to, "national:%s", p->nat.dbs[rng_below(&a->r, p->nat.ndbs)]);
        }
        write_integration(o, a, ap->id, to, true);
        size_t internal = 1 + rng_below(&a->r, 2);
        for (size_t k = 0; k < internal; k++) {
            size_t t = rng_below(&a->r, a->napp);
            if (t == i)
                t = (t + 1) % a->napp;
            write_integration(o, a, ap->id, a->apps[t].id, false);
        }
    }
    /* provinces connect to ministries' systems (checked across the run) */
    if (!a->ministry && p->nministries) {
        size_t n = scaled(a->f, 6, 1);
        for (size_t k = 0; k < n; k++) {
            size_t m = (size_t)(hash_text(a->agency->id) + k) % p->nministries;
            size_t g = k % 3; /* every ministry has at least three specialised apps */
            char to[160];
            snprintf(to, sizeof to, "%s:ht-%s-%zu", p->ministries[m],
                     fields[g % NFIELDS].slug, g + 1);
            write_integration(o, a, a->apps[a->ncore_apps + k % (a->napp - a->ncore_apps)].id,
                              to, false);
        }
    }
}

static void write_technology(out *o, const plan *p, arch *a)
{
    outf(o, "\ntechnology:\n  infrastructure:\n");
    for (size_t i = 0; i < a->ninfra; i++) {
        outf(o, "    - id: %s\n", a->infra[i]);
        const char *c = code_of(p, EGAF_TREE_TRM, i);
        if (i == 0) {
            outf(o, "      name: Trung tâm dữ liệu chính\n      kind: data-center\n"
                    "      location: Trụ sở cơ quan chủ trì\n      connects: [%s, %s]\n",
                 a->infra[1], a->infra[2]);
        } else if (i == 1) {
            outf(o, "      name: Mạng truyền số liệu chuyên dùng cấp II\n      kind: network\n"
                    "      connects: [");
            write_required_connections(o, p, "infrastructure");
            outf(o, "]\n");
        } else if (i == 2) {
            outf(o, "      name: Mạng diện rộng (WAN) nội bộ\n      kind: network\n"
                    "      connects: [%s]\n",
                 a->infra[1]);
        } else {
            const char *kind = infra_kinds[i % 7];
            outf(o, "      name: Hạ tầng %s số %zu\n      kind: %s\n", kind, i, kind);
            /* every element of the infrastructure is used: by what is hosted on it
             * and by the connection of the next one */
            outf(o, "      connects: [%s]\n", a->infra[i + 1 < a->ninfra ? i + 1 : 0]);
        }
        if (c && rng_chance(&a->r, 50))
            outf(o, "      trm: %s\n", c);
        if (a->infra_level[i])
            outf(o, "      security-level: %d\n", a->infra_level[i]);
    }
}

static void write_security(out *o, const plan *p, arch *a)
{
    /* everything at a level that needs a control, in one list */
    size_t nhigh = 0, cap = a->napp + a->ndb + a->nplat + a->ninfra;
    const char **high = malloc((cap + 1) * sizeof(*high));
    if (!high) {
        o->failed = true;
        return;
    }
    for (size_t i = 0; i < a->napp; i++)
        if (a->apps[i].level >= 3)
            high[nhigh++] = a->apps[i].id;
    for (size_t i = 0; i < a->ndb; i++)
        if (a->db_level[i] >= 3)
            high[nhigh++] = a->dbs[i];
    for (size_t i = 0; i < a->nplat; i++)
        if (a->plat_level[i] >= 3)
            high[nhigh++] = a->plats[i];
    for (size_t i = 0; i < a->ninfra; i++)
        if (a->infra_level[i] >= 3)
            high[nhigh++] = a->infra[i];
    outf(o, "\nsecurity:\n  controls:\n");
    size_t nprot = a->nctl - 1; /* the last control is the policy */
    for (size_t i = 0; i < a->nctl; i++) {
        outf(o, "    - id: bp-attt-%zu\n", i + 1);
        if (i == nprot) {
            outf(o, "      name: Quy chế bảo đảm an toàn thông tin mạng\n      kind: policy\n"
                    "      description: Phân loại, xác định cấp độ an toàn hệ thống thông tin.\n");
            continue;
        }
        const char *kind = control_kinds[i % 10];
        outf(o, "      name: Biện pháp bảo đảm an toàn thông tin %zu (%s)\n      kind: %s\n", i + 1,
             kind, kind);
        const char *c = code_of(p, EGAF_TREE_SRM, i);
        if (c)
            outf(o, "      srm: %s\n", c);
        outf(o, "      protects: [");
        bool first = true;
        for (size_t j = i; j < nhigh; j += nprot) {
            outf(o, "%s%s", first ? "" : ", ", high[j]);
            first = false;
        }
        /* and a few systems of lower levels */
        for (size_t k = 0; k < 2; k++) {
            outf(o, "%s%s", first ? "" : ", ", a->apps[rng_below(&a->r, a->napp)].id);
            first = false;
        }
        outf(o, "]\n");
    }
    free(high);
}

static void write_implementation(out *o, const plan *p, arch *a)
{
    outf(o, "\nimplementation:\n  organisation: >-\n    Ban Chỉ đạo chuyển đổi số chỉ đạo chung; "
            "đơn vị chuyên trách công nghệ thông tin\n    là cơ quan thường trực, quản lý và cập "
            "nhật Kiến trúc.\n  roadmap:\n");
    for (size_t i = 0; i < a->nroad; i++) {
        int from = p->year + (int)rng_below(&a->r, 3);
        int to = from + (int)rng_below(&a->r, (size_t)(p->year + 5 - from));
        outf(o, "    - id: nv-%zu\n      name: Nhiệm vụ %zu – nâng cấp, mở rộng hệ thống và dữ liệu "
                "dùng chung\n      from: %d\n      to: %d\n      priority: %zu\n",
             i + 1, i + 1, from, to, 1 + rng_below(&a->r, 3));
        if (rng_chance(&a->r, 50))
            outf(o, "      budget: %zu tỷ đồng\n", 5 + rng_below(&a->r, 60));
        outf(o, "      delivers: [");
        size_t n = 2 + rng_below(&a->r, 5);
        for (size_t k = 0; k < n; k++)
            outf(o, "%s%s", k ? ", " : "", a->ids[rng_below(&a->r, a->nids)]);
        outf(o, "]\n");
    }
}

static const char *core_app_id(const char *role)
{
    static const char *const known[][2] = {
        {"tthc", "httt-tthc"}, {"qlvb", "qlvb"}, {"bao-cao", "bao-cao"}, {"portal", "cong-ttdt"}};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(known[i][0], role) == 0)
            return known[i][1];
    return NULL;
}

static int level_of(rng *r)
{
    size_t x = rng_below(r, 10);
    return x < 2 ? 1 : x < 6 ? 2 : 3;
}

static void arch_free(arch *a)
{
    free(a->apps);
    free(a->dbs);
    free(a->db_level);
    free(a->infra);
    free(a->infra_level);
    free(a->plats);
    free(a->plat_level);
    free(a->ids);
}

static int plan_arch(const plan *p, arch *a)
{
    double f = a->f;
    a->nact = scaled(f, 6, 6);
    a->nch = scaled(f, 8, 8);
    a->nfn = scaled(f, 30, 5);
    a->nsvc = scaled(f, 2000, a->nch > a->nact ? a->nch : a->nact);
    a->ndb = scaled(f, 80, 5);
    a->nplat = 1 + scaled(f, 4, 2);
    a->ninfra = 3 + scaled(f, 30, 3);
    a->nctl = scaled(f, 30, 6);
    a->nroad = scaled(f, 25, 3);
    /* core applications: one per role the framework requires, then the portal */
    const char *roles[16];
    size_t nroles = 0;
    for (size_t r = 0; r < p->fw->nrequirements && nroles < 15; r++) {
        const egaf_ref_requirement *q = &p->fw->requirements[r];
        if (strcmp(q->section, "applications") != 0 || !q->match_value)
            continue;
        bool seen = false;
        for (size_t k = 0; k < nroles; k++)
            seen = seen || strcmp(roles[k], q->match_value) == 0;
        if (!seen)
            roles[nroles++] = q->match_value;
    }
    bool portal = false;
    for (size_t k = 0; k < nroles; k++)
        portal = portal || strcmp(roles[k], "portal") == 0;
    if (!portal)
        roles[nroles++] = "portal";
    a->ncore_apps = nroles;
    a->napp = nroles + scaled(f, 100 - (double)nroles, 3);
    /* at least one generic server, and enough infrastructure to host everything */
    a->apps = calloc(a->napp, sizeof(*a->apps));
    a->dbs = calloc(a->ndb, sizeof(*a->dbs));
    a->db_level = calloc(a->ndb, sizeof(int));
    a->infra = calloc(a->ninfra, sizeof(*a->infra));
    a->infra_level = calloc(a->ninfra, sizeof(int));
    a->plats = calloc(a->nplat, sizeof(*a->plats));
    a->plat_level = calloc(a->nplat, sizeof(int));
    size_t nids = a->napp + a->ndb + a->ninfra + a->nplat + a->nfn;
    a->ids = calloc(nids, sizeof(*a->ids));
    if (!a->apps || !a->dbs || !a->db_level || !a->infra || !a->infra_level || !a->plats ||
        !a->plat_level || !a->ids)
        return -1;
    snprintf(a->lgsp, sizeof a->lgsp, "lgsp-%s", a->agency->id);
    for (size_t i = 0; i < a->napp; i++) {
        app *ap = &a->apps[i];
        if (i < nroles) {
            ap->role = roles[i];
            const char *known = core_app_id(roles[i]);
            if (known)
                snprintf(ap->id, sizeof ap->id, "%s", known);
            else
                snprintf(ap->id, sizeof ap->id, "he-thong-%s", roles[i]);
            ap->level = strcmp(roles[i], "portal") == 0 ? 2 : 3;
            ap->field = i % NFIELDS;
        } else {
            size_t g = i - nroles;
            ap->field = g % NFIELDS;
            ap->role = g < 3 ? "nghiep-vu" : app_roles[rng_below(&a->r, 10)];
            ap->level = level_of(&a->r);
            snprintf(ap->id, sizeof ap->id, "ht-%s-%zu", fields[ap->field].slug, g + 1);
        }
        add_id(a, ap->id);
    }
    static const char *const core_dbs[] = {"csdl-tthc", "csdl-van-ban", "csdl-bao-cao"};
    for (size_t i = 0; i < a->ndb; i++) {
        if (i < 3)
            snprintf(a->dbs[i], sizeof a->dbs[i], "%s", core_dbs[i]);
        else
            snprintf(a->dbs[i], sizeof a->dbs[i], "csdl-%s-%zu", fields[i % NFIELDS].slug, i + 1);
        a->db_level[i] = i < 2 ? 3 : level_of(&a->r);
        add_id(a, a->dbs[i]);
    }
    static const char *const core_infra[] = {"ttdl", "mang-tslcd", "mang-wan"};
    for (size_t i = 0; i < a->ninfra; i++) {
        if (i < 3)
            snprintf(a->infra[i], sizeof a->infra[i], "%s", core_infra[i]);
        else
            snprintf(a->infra[i], sizeof a->infra[i], "ha-tang-%zu", i - 2);
        a->infra_level[i] = i == 0 ? 3 : i < 3 ? 0 : (rng_chance(&a->r, 50) ? level_of(&a->r) : 0);
        add_id(a, a->infra[i]);
    }
    for (size_t i = 0; i < a->nplat; i++) {
        if (i == 0)
            snprintf(a->plats[i], sizeof a->plats[i], "%s", a->lgsp);
        else
            snprintf(a->plats[i], sizeof a->plats[i], "nen-tang-%zu", i);
        a->plat_level[i] = i == 0 ? 3 : level_of(&a->r);
        add_id(a, a->plats[i]);
    }
    for (size_t i = 0; i < a->nfn; i++) {
        char id[ID_MAX];
        snprintf(id, sizeof id, "cn-%s-%zu", fields[i % NFIELDS].slug, i + 1);
        add_id(a, id);
    }
    return 0;
}

static int make_dir(const char *path)
{
    if (mkdir(path, 0777) == 0 || errno == EEXIST)
        return 0;
    fprintf(stderr, "gen: cannot create '%s': %s\n", path, strerror(errno));
    return -1;
}

static int write_arch(plan *p, const egaf_ref_entry *agency)
{
    arch a;
    memset(&a, 0, sizeof a);
    a.agency = agency;
    a.ministry = strcmp(agency->level, "province") != 0;
    a.f = p->scale * (a.ministry ? MINISTRY_FACTOR : 1.0);
    a.r.s = p->seed ^ hash_text(agency->id);
    int rc = -1;
    if (plan_arch(p, &a) != 0) {
        fprintf(stderr, "gen: out of memory\n");
        arch_free(&a);
        return -1;
    }
    size_t first_chunk = a.nsvc < SERVICES_PER_FILE ? a.nsvc : SERVICES_PER_FILE;
    size_t nchunks = (a.nsvc - first_chunk + SERVICES_PER_FILE - 1) / SERVICES_PER_FILE;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s.yaml", p->dir, agency->id);
    out o;
    memset(&o, 0, sizeof o);
    if (out_open(&o, path) != 0) {
        fprintf(stderr, "gen: cannot write '%s': %s\n", path, strerror(errno));
        arch_free(&a);
        return -1;
    }
    write_header(&o, p, &a, nchunks);
    write_business(&o, p, &a, 0, first_chunk);
    write_data(&o, p, &a);
    write_application(&o, p, &a);
    write_technology(&o, p, &a);
    write_security(&o, p, &a);
    write_implementation(&o, p, &a);
    if (out_close(&o) != 0) {
        fprintf(stderr, "gen: cannot write '%s'\n", path);
        goto done;
    }
    p->total_bytes += o.bytes;
    p->total_files++;
    if (nchunks) {
        snprintf(path, sizeof path, "%s/%s", p->dir, agency->id);
        if (make_dir(path) != 0)
            goto done;
    }
    for (size_t c = 0; c < nchunks; c++) {
        size_t first = first_chunk + c * SERVICES_PER_FILE;
        size_t last = first + SERVICES_PER_FILE < a.nsvc ? first + SERVICES_PER_FILE : a.nsvc;
        snprintf(path, sizeof path, "%s/%s/dich-vu-cong-%02zu.yaml", p->dir, agency->id, c + 1);
        memset(&o, 0, sizeof o);
        if (out_open(&o, path) != 0) {
            fprintf(stderr, "gen: cannot write '%s': %s\n", path, strerror(errno));
            goto done;
        }
        outf(&o, "# Synthetic model written by bench/gen: public services %zu to %zu.\n",
             first + 1, last);
        write_business(&o, p, &a, first, last);
        if (out_close(&o) != 0) {
            fprintf(stderr, "gen: cannot write '%s'\n", path);
            goto done;
        }
        p->total_bytes += o.bytes;
        p->total_files++;
    }
    p->total_elements += a.nact + a.nch + a.nfn + a.nsvc + a.ndb + a.napp + a.nplat + a.ninfra +
                         a.nctl + a.nroad;
    rc = 0;
done:
    arch_free(&a);
    return rc;
}

/* ------------------------------------------------------------------- main */

static const char usage[] =
    "usage: gen [--refs DIR] [--scale S] [--seed N] [--year YYYY] [--agencies ID,...] -o DIR\n"
    "\n"
    "Writes a synthetic national architecture: DIR/<arch-id>.yaml per agency (and\n"
    "DIR/<arch-id>/dich-vu-cong-NN.yaml when its services need more files), each\n"
    "valid against the reference models.\n"
    "\n"
    "  --refs DIR        reference models (default: $EGAF_REFS, else the source tree's)\n"
    "  --scale S         elements per agency; 1 = a province with about 2,000 public\n"
    "                    services, 100 applications, 80 databases (default 1)\n"
    "  --seed N          seed of the generator (default 1)\n"
    "  --year YYYY       the models' year (default 2026)\n"
    "  --agencies LIST   comma-separated agency ids (default: every ministry and\n"
    "                    province valid in YYYY)\n"
    "  -o DIR            output folder (created if missing)\n";

static bool wanted(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *s = list; *s;) {
        const char *e = strchr(s, ',');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (len == n && strncmp(s, id, n) == 0)
            return true;
        if (!e)
            break;
        s = e + 1;
    }
    return false;
}

int main(int argc, char **argv)
{
    const char *refs_opt = NULL, *list = NULL, *dir = NULL;
    double scale = 1.0;
    unsigned long long seed = 1;
    long year = 2026;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        char *end = NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        }
        if (!v) {
            fprintf(stderr, "gen: '%s' needs a value\n%s", a, usage);
            return 2;
        }
        i++;
        errno = 0;
        if (strcmp(a, "--refs") == 0) {
            refs_opt = v;
        } else if (strcmp(a, "--agencies") == 0) {
            list = v;
        } else if (strcmp(a, "-o") == 0) {
            dir = v;
        } else if (strcmp(a, "--scale") == 0) {
            scale = strtod(v, &end);
            if (*end || errno || !(scale > 0) || scale > 1000) {
                fprintf(stderr, "gen: --scale takes a number in (0, 1000]\n");
                return 2;
            }
        } else if (strcmp(a, "--seed") == 0) {
            seed = strtoull(v, &end, 10);
            if (*end || errno) {
                fprintf(stderr, "gen: --seed takes a whole number\n");
                return 2;
            }
        } else if (strcmp(a, "--year") == 0) {
            year = strtol(v, &end, 10);
            if (*end || errno || year < 2000 || year > 2100) {
                fprintf(stderr, "gen: --year takes a year\n");
                return 2;
            }
        } else {
            fprintf(stderr, "gen: unknown option '%s'\n%s", a, usage);
            return 2;
        }
    }
    if (!dir) {
        fprintf(stderr, "gen: -o DIR is required\n%s", usage);
        return 2;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    char *refs_dir = egaf_refs_locate(refs_opt, n > 0 ? exe : NULL);
    if (!refs_dir && !refs_opt && access("reference-models", F_OK) == 0)
        refs_dir = strdup("reference-models");
    if (!refs_dir) {
        fprintf(stderr, "gen: reference models not found (use --refs DIR)\n");
        return 2;
    }
    egaf_diags *diags = egaf_diags_create();
    egaf_refs_status st;
    egaf_refs *refs = diags ? egaf_refs_load(refs_dir, diags, &st) : NULL;
    if (!refs) {
        fprintf(stderr, "gen: cannot load the reference models in '%s'\n", refs_dir);
        egaf_diags_free(diags);
        free(refs_dir);
        return 2;
    }
    int rc = 2;
    plan p;
    memset(&p, 0, sizeof p);
    p.refs = refs;
    p.year = (int)year;
    p.scale = scale;
    p.seed = seed;
    p.dir = dir;
    /* the newest edition in force in the year */
    for (size_t i = 0; i < refs->nframeworks; i++)
        if (egaf_ref_framework_valid_in(refs->frameworks[i], p.year) &&
            (!p.fw || refs->frameworks[i]->issued > p.fw->issued))
            p.fw = refs->frameworks[i];
    const egaf_ref_entry **agencies = calloc(refs->nentries + 1, sizeof(*agencies));
    size_t nagencies = 0;
    p.ministries = calloc(refs->nentries + 1, sizeof(char *));
    if (!p.fw) {
        fprintf(stderr, "gen: no framework edition is in force in %d\n", p.year);
        goto done;
    }
    if (!agencies || !p.ministries || collect_national(&p) != 0) {
        fprintf(stderr, "gen: out of memory, or no national systems in %d\n", p.year);
        goto done;
    }
    for (size_t i = 0; i < refs->nentries; i++) {
        const egaf_ref_entry *e = refs->entries[i];
        if (e->kind != EGAF_RK_AGENCY || !e->level || !egaf_ref_valid_in(e, p.year))
            continue;
        bool province = strcmp(e->level, "province") == 0;
        if (list ? !wanted(list, e->id) : !(province || strcmp(e->level, "ministry") == 0))
            continue;
        agencies[nagencies++] = e;
        if (!province)
            p.ministries[p.nministries++] = e->id;
    }
    if (list) {
        /* every id named must be an agency of the year */
        for (const char *s = list; *s;) {
            const char *e = strchr(s, ',');
            size_t len = e ? (size_t)(e - s) : strlen(s);
            bool found = false;
            for (size_t i = 0; i < nagencies && !found; i++)
                found = strlen(agencies[i]->id) == len && strncmp(agencies[i]->id, s, len) == 0;
            if (!found) {
                fprintf(stderr, "gen: '%.*s' is no agency valid in %d\n", (int)len, s, p.year);
                goto done;
            }
            if (!e)
                break;
            s = e + 1;
        }
    }
    if (nagencies == 0) {
        fprintf(stderr, "gen: no agency to generate\n");
        goto done;
    }
    if (make_dir(dir) != 0)
        goto done;
    for (size_t i = 0; i < nagencies; i++)
        if (write_arch(&p, agencies[i]) != 0)
            goto done;
    printf("gen: %zu architectures (%zu ministries, %zu provinces), %zu elements, %zu files, "
           "%.1f MB in %s (scale %g, seed %llu, framework %s, year %d)\n",
           nagencies, p.nministries, nagencies - p.nministries, p.total_elements, p.total_files,
           (double)p.total_bytes / 1e6, dir, scale, seed, p.fw->edition, p.year);
    rc = 0;
done:
    free(agencies);
    free(p.ministries);
    free(p.nat.systems);
    free(p.nat.dbs);
    egaf_refs_free(refs);
    egaf_diags_free(diags);
    free(refs_dir);
    return rc;
}
