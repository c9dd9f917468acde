/* labels.c - the Vietnamese and English labels of the model format's keys
 * and values (labels.h). Keep in step with model/format.c: the unit test
 * tests/unit/test_labels.c fails on a key or value without a label. */
#include "model/labels.h"

#include <stddef.h>
#include <string.h>

typedef struct label {
    const char *vi, *en;
} label;

static const label field_labels[EGAF_F__COUNT] = {
    [EGAF_F_ID] = {"Mã định danh", "Id"},
    [EGAF_F_NAME] = {"Tên", "Name"},
    [EGAF_F_NAME_EN] = {"Tên tiếng Anh", "English name"},
    [EGAF_F_DESCRIPTION] = {"Mô tả", "Description"},
    [EGAF_F_OWNER] = {"Đơn vị chủ quản", "Owner"},
    [EGAF_F_STATUS] = {"Trạng thái", "Status"},
    [EGAF_F_WAIVERS] = {"Miễn trừ quy tắc", "Waivers"},
    [EGAF_F_PROPERTIES] = {"Thuộc tính khác", "Other properties"},
    [EGAF_F_KIND] = {"Loại", "Kind"},
    [EGAF_F_BRM] = {"Mã BRM", "BRM code"},
    [EGAF_F_DRM] = {"Mã DRM", "DRM code"},
    [EGAF_F_ARM] = {"Mã ARM", "ARM code"},
    [EGAF_F_TRM] = {"Mã TRM", "TRM code"},
    [EGAF_F_SRM] = {"Mã SRM", "SRM code"},
    [EGAF_F_TTHC_CODE] = {"Mã thủ tục hành chính", "Procedure code"},
    [EGAF_F_ONLINE] = {"Mức độ trực tuyến", "Online level"},
    [EGAF_F_HANDLED_BY] = {"Hệ thống giải quyết", "Handled by"},
    [EGAF_F_CHANNELS] = {"Kênh cung cấp", "Channels"},
    [EGAF_F_ACTORS] = {"Đối tượng sử dụng", "Users"},
    [EGAF_F_FUNCTION] = {"Chức năng nghiệp vụ", "Business function"},
    [EGAF_F_HOLDS] = {"Dữ liệu lưu giữ", "Data held"},
    [EGAF_F_SOURCES] = {"Nguồn dữ liệu", "Data sources"},
    [EGAF_F_HOSTED_ON] = {"Hạ tầng triển khai", "Hosted on"},
    [EGAF_F_SECURITY_LEVEL] = {"Cấp độ an toàn", "Security level"},
    [EGAF_F_ROLE] = {"Vai trò", "Role"},
    [EGAF_F_USES] = {"CSDL sử dụng", "Databases used"},
    [EGAF_F_SERVES] = {"Phục vụ", "Serves"},
    [EGAF_F_CONNECTS] = {"Kết nối với", "Connects to"},
    [EGAF_F_FROM] = {"Từ", "From"},
    [EGAF_F_TO] = {"Đến", "To"},
    [EGAF_F_VIA] = {"Qua", "Via"},
    [EGAF_F_ROUTE] = {"Trường hợp kết nối", "Route"},
    [EGAF_F_REASON] = {"Lý do", "Reason"},
    [EGAF_F_DATA] = {"Dữ liệu trao đổi", "Data exchanged"},
    [EGAF_F_LOCATION] = {"Vị trí", "Location"},
    [EGAF_F_PROTECTS] = {"Đối tượng bảo vệ", "Protects"},
    [EGAF_F_YEAR_FROM] = {"Từ năm", "From"},
    [EGAF_F_YEAR_TO] = {"Đến năm", "To"},
    [EGAF_F_DELIVERS] = {"Kết quả", "Delivers"},
    [EGAF_F_PRIORITY] = {"Thứ tự ưu tiên", "Priority"},
    [EGAF_F_BUDGET] = {"Kinh phí", "Budget"},
    [EGAF_F_AGENCY] = {"Cơ quan", "Agency"},
    [EGAF_F_LEVEL] = {"Cấp", "Level"},
    [EGAF_F_VERSION] = {"Phiên bản", "Version"},
    [EGAF_F_YEAR] = {"Năm", "Year"},
    [EGAF_F_PERIOD] = {"Giai đoạn", "Period"},
    [EGAF_F_APPROVED_BY] = {"Phê duyệt", "Approved by"},
    [EGAF_F_VISION] = {"Tầm nhìn", "Vision"},
    [EGAF_F_GOALS] = {"Mục tiêu", "Goals"},
    [EGAF_F_SCOPE] = {"Phạm vi", "Scope"},
    [EGAF_F_PRINCIPLES] = {"Nguyên tắc", "Principles"},
    [EGAF_F_LEGAL_BASIS] = {"Căn cứ pháp lý", "Legal basis"},
    [EGAF_F_ORGAN_CODE] = {"Mã định danh điện tử", "Organ code"},
    [EGAF_F_PARENT] = {"Trực thuộc", "Part of"},
    [EGAF_F_USERS] = {"Đơn vị sử dụng", "Units using it"},
    [EGAF_F_APPLICATION] = {"Ứng dụng", "Application"},
    [EGAF_F_PROVIDER] = {"Đơn vị cung cấp", "Provider"},
    [EGAF_F_HOSTING] = {"Hình thức triển khai", "Hosting"},
    [EGAF_F_CODE] = {"Ký hiệu", "Designation"},
    [EGAF_F_INSTRUMENT] = {"Văn bản quy định", "Instrument"},
    [EGAF_F_APPLIES_TO] = {"Áp dụng cho", "Applies to"},
    [EGAF_F_LEAD] = {"Đơn vị chủ trì", "Lead unit"},
    [EGAF_F_PARTNERS] = {"Đơn vị phối hợp", "Partner units"},
    [EGAF_F_FUNDING] = {"Nguồn kinh phí", "Funding"},
    [EGAF_F_BUDGET_MILLION] = {"Kinh phí (triệu đồng)", "Budget (million đồng)"},
    [EGAF_F_OUTPUTS] = {"Sản phẩm", "Outputs"},
    [EGAF_F_PROGRESS] = {"Tiến độ", "Progress"},
    [EGAF_F_DEPENDS_ON] = {"Phụ thuộc", "Depends on"},
    [EGAF_F_INDICATOR] = {"Chỉ tiêu", "Indicator"},
    [EGAF_F_BASELINE] = {"Hiện trạng", "Baseline"},
    [EGAF_F_BASELINE_YEAR] = {"Năm hiện trạng", "Baseline year"},
    [EGAF_F_VALUE] = {"Giá trị mục tiêu", "Target value"},
    [EGAF_F_NATIONAL] = {"Chỉ tiêu quốc gia", "National target"},
    [EGAF_F_REPLACES] = {"Thay thế cho", "Replaces"},
};

typedef struct key_label {
    const char *key;
    label l;
} key_label;

static const key_label key_labels[] = {
    {"framework", {"Khung kiến trúc", "Framework"}},
    {"architecture", {"Thông tin chung", "Architecture"}},
    {"include", {"Tệp kèm theo", "Included files"}},
    {"business", {"Kiến trúc nghiệp vụ", "Business architecture"}},
    {"data", {"Kiến trúc dữ liệu", "Data architecture"}},
    {"application", {"Kiến trúc ứng dụng", "Application architecture"}},
    {"technology", {"Kiến trúc công nghệ", "Technology architecture"}},
    {"security", {"Kiến trúc an toàn thông tin", "Security architecture"}},
    {"implementation", {"Tổ chức triển khai", "Implementation"}},
    {"actors", {"Người sử dụng", "Users"}},
    {"channels", {"Kênh giao tiếp", "Channels"}},
    {"functions", {"Chức năng nghiệp vụ", "Business functions"}},
    {"services", {"Dịch vụ công", "Public services"}},
    {"units", {"Cơ quan, đơn vị", "Units"}},
    {"relations", {"Quan hệ nghiệp vụ", "Business relations"}},
    {"standards", {"Tiêu chuẩn kỹ thuật áp dụng", "Technical standards"}},
    {"targets", {"Chỉ tiêu", "Targets"}},
    {"solutions", {"Giải pháp", "Solutions"}},
    {"databases", {"Cơ sở dữ liệu", "Databases"}},
    {"applications", {"Ứng dụng, hệ thống thông tin", "Applications"}},
    {"platforms", {"Nền tảng", "Platforms"}},
    {"integrations", {"Kết nối, tích hợp", "Integrations"}},
    {"infrastructure", {"Hạ tầng kỹ thuật", "Infrastructure"}},
    {"controls", {"Biện pháp an toàn thông tin", "Security controls"}},
    {"organisation", {"Tổ chức thực hiện", "Organisation"}},
    {"roadmap", {"Lộ trình triển khai", "Roadmap"}},
    {"rule", {"Quy tắc", "Rule"}},
    {"reason", {"Lý do", "Reason"}},
    {"from", {"Từ năm", "From"}},
    {"to", {"Đến năm", "To"}},
};

#define ANY EGAF_T_ANY_ELEMENT
#define K(k) EGAF_T(EGAF_K_##k)

typedef struct value_label {
    unsigned kinds; /* EGAF_T() bits of the kinds the value belongs to */
    egaf_field field;
    const char *value;
    label l;
} value_label;

static const value_label value_labels[] = {
    {ANY, EGAF_F_STATUS, "existing", {"Đang sử dụng", "In use"}},
    {ANY, EGAF_F_STATUS, "planned", {"Dự kiến", "Planned"}},
    {ANY, EGAF_F_STATUS, "retired", {"Ngừng sử dụng", "Retired"}},

    {K(ACTOR), EGAF_F_KIND, "citizen", {"Người dân", "Citizens"}},
    {K(ACTOR), EGAF_F_KIND, "business", {"Doanh nghiệp", "Businesses"}},
    {K(ACTOR), EGAF_F_KIND, "official", {"Cán bộ, công chức, viên chức", "Civil servants"}},
    {K(ACTOR), EGAF_F_KIND, "leader", {"Lãnh đạo", "Leaders"}},
    {K(ACTOR), EGAF_F_KIND, "organisation", {"Cơ quan, tổ chức", "Organisations"}},

    {K(CHANNEL), EGAF_F_KIND, "web", {"Cổng, trang thông tin điện tử", "Web"}},
    {K(CHANNEL), EGAF_F_KIND, "mobile", {"Ứng dụng di động", "Mobile app"}},
    {K(CHANNEL), EGAF_F_KIND, "counter", {"Bộ phận một cửa", "One-stop counter"}},
    {K(CHANNEL), EGAF_F_KIND, "phone", {"Điện thoại", "Telephone"}},
    {K(CHANNEL), EGAF_F_KIND, "email", {"Thư điện tử", "Email"}},
    {K(CHANNEL), EGAF_F_KIND, "kiosk", {"Ki-ốt tự phục vụ", "Kiosk"}},
    {K(CHANNEL), EGAF_F_KIND, "social", {"Mạng xã hội", "Social media"}},

    {K(SERVICE), EGAF_F_ONLINE, "full", {"Toàn trình", "Fully online"}},
    {K(SERVICE), EGAF_F_ONLINE, "partial", {"Một phần", "Partly online"}},
    {K(SERVICE), EGAF_F_ONLINE, "none", {"Trực tiếp", "Not online"}},

    {K(DATABASE), EGAF_F_KIND, "specialized", {"CSDL chuyên ngành", "Specialised database"}},
    {K(DATABASE), EGAF_F_KIND, "shared", {"CSDL dùng chung", "Shared database"}},
    {K(DATABASE), EGAF_F_KIND, "open", {"Dữ liệu mở", "Open data"}},
    {K(DATABASE), EGAF_F_KIND, "master", {"Danh mục dùng chung", "Master data"}},
    {K(DATABASE), EGAF_F_KIND, "warehouse", {"Kho dữ liệu", "Data warehouse"}},

    {K(APPLICATION), EGAF_F_ROLE, "tthc",
     {"Giải quyết thủ tục hành chính", "Administrative procedures"}},
    {K(APPLICATION), EGAF_F_ROLE, "qlvb",
     {"Quản lý văn bản và điều hành", "Document management"}},
    {K(APPLICATION), EGAF_F_ROLE, "bao-cao", {"Báo cáo", "Reporting"}},
    {K(APPLICATION), EGAF_F_ROLE, "portal", {"Cổng thông tin điện tử", "Web portal"}},
    {K(APPLICATION), EGAF_F_ROLE, "email", {"Thư điện tử công vụ", "Official email"}},
    {K(APPLICATION), EGAF_F_ROLE, "hop-truc-tuyen", {"Họp trực tuyến", "Video conferencing"}},
    {K(APPLICATION), EGAF_F_ROLE, "dieu-hanh", {"Giám sát, điều hành", "Operations centre"}},
    {K(APPLICATION), EGAF_F_ROLE, "gis", {"Thông tin địa lý (GIS)", "Geographic information"}},
    {K(APPLICATION), EGAF_F_ROLE, "ke-toan", {"Kế toán", "Accounting"}},
    {K(APPLICATION), EGAF_F_ROLE, "nhan-su", {"Quản lý cán bộ", "Human resources"}},
    {K(APPLICATION), EGAF_F_ROLE, "nghiep-vu", {"Nghiệp vụ chuyên ngành", "Line of business"}},
    {K(APPLICATION), EGAF_F_ROLE, "du-lieu-mo", {"Dữ liệu mở", "Open data"}},
    {K(APPLICATION), EGAF_F_ROLE, "xac-thuc", {"Xác thực", "Authentication"}},

    {K(PLATFORM), EGAF_F_KIND, "lgsp",
     {"Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)", "Integration platform (LGSP)"}},
    {K(PLATFORM), EGAF_F_KIND, "iam", {"Định danh và xác thực", "Identity and access"}},
    {K(PLATFORM), EGAF_F_KIND, "payment", {"Thanh toán trực tuyến", "Online payment"}},
    {K(PLATFORM), EGAF_F_KIND, "data-warehouse", {"Kho dữ liệu", "Data warehouse"}},
    {K(PLATFORM), EGAF_F_KIND, "ioc",
     {"Trung tâm giám sát, điều hành thông minh (IOC)", "Operations centre (IOC)"}},

    {K(INTEGRATION), EGAF_F_ROUTE, "a",
     {"a: qua LGSP và NGSP", "a: through the LGSP and NGSP"}},
    {K(INTEGRATION), EGAF_F_ROUTE, "b", {"b: chỉ qua NGSP", "b: through NGSP only"}},
    {K(INTEGRATION), EGAF_F_ROUTE, "c", {"c: chỉ qua LGSP", "c: through the LGSP only"}},
    {K(INTEGRATION), EGAF_F_ROUTE, "d", {"d: kết nối trực tiếp", "d: direct"}},

    {K(INFRASTRUCTURE), EGAF_F_KIND, "data-center", {"Trung tâm dữ liệu", "Data centre"}},
    {K(INFRASTRUCTURE), EGAF_F_KIND, "cloud", {"Điện toán đám mây", "Cloud"}},
    {K(INFRASTRUCTURE), EGAF_F_KIND, "network", {"Mạng", "Network"}},
    {K(INFRASTRUCTURE), EGAF_F_KIND, "server", {"Máy chủ", "Servers"}},
    {K(INFRASTRUCTURE), EGAF_F_KIND, "storage", {"Lưu trữ", "Storage"}},
    {K(INFRASTRUCTURE), EGAF_F_KIND, "backup-site", {"Trung tâm dự phòng", "Backup site"}},

    {K(CONTROL), EGAF_F_KIND, "firewall", {"Tường lửa", "Firewall"}},
    {K(CONTROL), EGAF_F_KIND, "ids", {"Phát hiện xâm nhập", "Intrusion detection"}},
    {K(CONTROL), EGAF_F_KIND, "waf",
     {"Tường lửa ứng dụng web", "Web application firewall"}},
    {K(CONTROL), EGAF_F_KIND, "monitoring", {"Giám sát an toàn thông tin", "Monitoring"}},
    {K(CONTROL), EGAF_F_KIND, "soc",
     {"Trung tâm điều hành an ninh mạng (SOC)", "Security operations centre"}},
    {K(CONTROL), EGAF_F_KIND, "backup", {"Sao lưu dự phòng", "Backup"}},
    {K(CONTROL), EGAF_F_KIND, "authentication", {"Xác thực", "Authentication"}},
    {K(CONTROL), EGAF_F_KIND, "encryption", {"Mã hóa", "Encryption"}},
    {K(CONTROL), EGAF_F_KIND, "antivirus", {"Phòng chống mã độc", "Anti-malware"}},
    {K(CONTROL), EGAF_F_KIND, "policy", {"Chính sách, quy chế", "Policy"}},

    {K(UNIT), EGAF_F_KIND, "department", {"Sở, ban, ngành", "Department"}},
    {K(UNIT), EGAF_F_KIND, "office", {"Văn phòng", "Office"}},
    {K(UNIT), EGAF_F_KIND, "centre", {"Đơn vị sự nghiệp, trung tâm", "Centre"}},
    {K(UNIT), EGAF_F_KIND, "district", {"Cấp huyện", "District"}},
    {K(UNIT), EGAF_F_KIND, "commune", {"Cấp xã", "Commune"}},

    {K(RELATION), EGAF_F_KIND, "directs", {"Chỉ đạo", "Directs"}},
    {K(RELATION), EGAF_F_KIND, "reports-to", {"Báo cáo", "Reports to"}},
    {K(RELATION), EGAF_F_KIND, "coordinates", {"Phối hợp", "Coordinates with"}},
    {K(RELATION), EGAF_F_KIND, "exchanges-data", {"Trao đổi dữ liệu", "Exchanges data"}},

    {K(PLATFORM) | K(INFRASTRUCTURE), EGAF_F_HOSTING, "own", {"Tự đầu tư", "Own"}},
    {K(PLATFORM) | K(INFRASTRUCTURE), EGAF_F_HOSTING, "leased", {"Thuê dịch vụ", "Leased"}},
    {K(PLATFORM) | K(INFRASTRUCTURE), EGAF_F_HOSTING, "national-cloud",
     {"Nền tảng điện toán đám mây Chính phủ", "Government cloud"}},
    {K(PLATFORM) | K(INFRASTRUCTURE), EGAF_F_HOSTING, "cloud",
     {"Điện toán đám mây thương mại", "Commercial cloud"}},
    {K(PLATFORM) | K(INFRASTRUCTURE), EGAF_F_HOSTING, "colocation",
     {"Thuê chỗ đặt máy chủ", "Colocation"}},

    {K(ROADMAP), EGAF_F_FUNDING, "central-budget", {"Ngân sách trung ương", "Central budget"}},
    {K(ROADMAP), EGAF_F_FUNDING, "local-budget", {"Ngân sách địa phương", "Local budget"}},
    {K(ROADMAP), EGAF_F_FUNDING, "public-investment",
     {"Vốn đầu tư công trung hạn", "Medium-term public investment"}},
    {K(ROADMAP), EGAF_F_FUNDING, "service-lease",
     {"Thuê dịch vụ công nghệ thông tin", "IT service lease"}},
    {K(ROADMAP), EGAF_F_FUNDING, "oda", {"Vốn ODA", "ODA"}},

    {K(ROADMAP), EGAF_F_PROGRESS, "not-started", {"Chưa triển khai", "Not started"}},
    {K(ROADMAP), EGAF_F_PROGRESS, "in-progress", {"Đang triển khai", "In progress"}},
    {K(ROADMAP), EGAF_F_PROGRESS, "done", {"Hoàn thành", "Done"}},
    {K(ROADMAP), EGAF_F_PROGRESS, "delayed", {"Chậm tiến độ", "Delayed"}},
    {K(ROADMAP), EGAF_F_PROGRESS, "cancelled", {"Dừng thực hiện", "Cancelled"}},

    {K(SOLUTION), EGAF_F_KIND, "governance", {"Quản lý, chỉ đạo", "Governance"}},
    {K(SOLUTION), EGAF_F_KIND, "staffing", {"Nguồn nhân lực", "Staffing"}},
    {K(SOLUTION), EGAF_F_KIND, "policy", {"Cơ chế, chính sách", "Policy"}},
    {K(SOLUTION), EGAF_F_KIND, "finance", {"Tài chính", "Finance"}},
    {K(SOLUTION), EGAF_F_KIND, "technology", {"Công nghệ", "Technology"}},
    {K(SOLUTION), EGAF_F_KIND, "cooperation", {"Hợp tác", "Cooperation"}},

    {K(ACTOR) | K(CHANNEL) | K(APPLICATION) | K(PLATFORM) | K(INFRASTRUCTURE) | K(CONTROL) |
         K(UNIT) | K(RELATION) | K(SOLUTION),
     EGAF_F_KIND, "other", {"Khác", "Other"}},
    {K(PLATFORM) | K(INFRASTRUCTURE), EGAF_F_HOSTING, "other", {"Khác", "Other"}},
    {K(ROADMAP), EGAF_F_FUNDING, "other", {"Khác", "Other"}},
    {K(APPLICATION), EGAF_F_ROLE, "other", {"Khác", "Other"}},

    {EGAF_T(EGAF_K_ARCHITECTURE), EGAF_F_LEVEL, "ministry", {"Bộ, ngành", "Ministry"}},
    {EGAF_T(EGAF_K_ARCHITECTURE), EGAF_F_LEVEL, "province",
     {"Tỉnh, thành phố", "Province"}},
};

static const key_label category_labels[] = {
    {"integration-platform", {"Nền tảng tích hợp, chia sẻ dữ liệu", "Integration platform"}},
    {"portal", {"Cổng thông tin, dịch vụ", "Portal"}},
    {"document-exchange", {"Liên thông văn bản", "Document exchange"}},
    {"reporting", {"Báo cáo", "Reporting"}},
    {"cabinet", {"Phòng họp không giấy, chỉ đạo điều hành", "Cabinet and direction"}},
    {"identity", {"Định danh và xác thực", "Identity"}},
    {"pki", {"Chứng thực chữ ký số", "Digital signatures (PKI)"}},
    {"payment", {"Thanh toán trực tuyến", "Online payment"}},
    {"network", {"Mạng truyền số liệu", "Network"}},
    {"data-portal", {"Cổng dữ liệu", "Data portal"}},
    {"data-center", {"Trung tâm dữ liệu", "Data centre"}},
    {"security-monitoring", {"Giám sát an toàn thông tin", "Security monitoring"}},
    {"other", {"Khác", "Other"}},
};

static const key_label confidence_labels[] = {
    {"confirmed", {"đã xác nhận theo văn bản", "confirmed by the instrument"}},
    {"reported", {"theo nguồn thứ cấp", "reported by a secondary source"}},
    {"inferred", {"suy luận, chưa có nguồn", "inferred, no source"}},
    {"unknown", {"chưa rõ", "unknown"}},
};

static const key_label agency_level_labels[] = {
    {"ministry", {"Bộ, cơ quan ngang bộ", "Ministry"}},
    {"government-agency", {"Cơ quan thuộc Chính phủ", "Government agency"}},
    {"province", {"Tỉnh, thành phố", "Province"}},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *pick(const label *l, bool english)
{
    return english ? l->en : l->vi;
}

static const char *find(const key_label *t, size_t n, const char *key, bool english)
{
    if (!key)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].key, key) == 0)
            return pick(&t[i].l, english);
    return NULL;
}

const char *egaf_label_field(egaf_field field, bool english)
{
    if ((unsigned)field >= EGAF_F__COUNT)
        return NULL;
    return pick(&field_labels[field], english);
}

const char *egaf_label_key(const char *key, bool english)
{
    return find(key_labels, N(key_labels), key, english);
}

const char *egaf_label_key_in(egaf_kind kind, const char *key, bool english)
{
    if (!key)
        return NULL;
    for (int k = 0; k < EGAF_K__COUNT; k++) {
        if (kind != EGAF_K__COUNT && k != (int)kind)
            continue;
        const egaf_field_spec *fs = egaf_field_spec_find(egaf_kind_info((egaf_kind)k), key);
        if (fs)
            return egaf_label_field(fs->field, english);
    }
    return egaf_label_key(key, english);
}

const char *egaf_label_kind(egaf_kind kind, bool english)
{
    if (kind == EGAF_K_ARCHITECTURE)
        return egaf_label_key("architecture", english);
    const egaf_kind_spec *spec = egaf_kind_info(kind);
    return spec ? egaf_label_key(spec->list, english) : NULL;
}

const char *egaf_label_value(egaf_kind kind, egaf_field field, const char *value, bool english)
{
    if (!value || (unsigned)kind >= EGAF_K__COUNT)
        return NULL;
    for (size_t i = 0; i < N(value_labels); i++) {
        const value_label *v = &value_labels[i];
        if ((v->kinds & EGAF_T(kind)) && v->field == field && strcmp(v->value, value) == 0)
            return pick(&v->l, english);
    }
    return NULL;
}

const char *egaf_label_value_or_raw(egaf_kind kind, egaf_field field, const char *value,
                                    bool english)
{
    const char *l = egaf_label_value(kind, field, value, english);
    return l ? l : value;
}

const char *egaf_label_category(const char *category, bool english)
{
    return find(category_labels, N(category_labels), category, english);
}

const char *egaf_label_confidence(const char *confidence, bool english)
{
    return find(confidence_labels, N(confidence_labels), confidence, english);
}

const char *egaf_label_agency_level(const char *level, bool english)
{
    return find(agency_level_labels, N(agency_level_labels), level, english);
}
