/* format.c - the format table. Keep docs/model-format.md in step with it. */
#include "model/format.h"

#include "base/i18n.h"

#include <stdio.h>
#include <string.h>

static const char *const status_values[] = {"existing", "planned", "retired", NULL};
static const char *const actor_kinds[] = {"citizen", "business", "official", "leader",
                                          "organisation", "other", NULL};
static const char *const channel_kinds[] = {"web", "mobile", "counter", "phone", "email",
                                            "kiosk", "social", "other", NULL};
static const char *const online_values[] = {"full", "partial", "none", NULL};
static const char *const database_kinds[] = {"specialized", "shared", "open", "master",
                                             "warehouse", NULL};
static const char *const app_roles[] = {"tthc",       "qlvb",     "bao-cao",        "portal",
                                        "email",      "hop-truc-tuyen", "dieu-hanh", "gis",
                                        "ke-toan",    "nhan-su",  "nghiep-vu",      "du-lieu-mo",
                                        "xac-thuc",   "other",    NULL};
static const char *const platform_kinds[] = {"lgsp", "iam", "payment", "data-warehouse",
                                             "ioc",  "other", NULL};
static const char *const route_values[] = {"a", "b", "c", "d", NULL};
static const char *const infra_kinds[] = {"data-center", "cloud", "network", "server",
                                          "storage", "backup-site", "other", NULL};
static const char *const control_kinds[] = {"firewall", "ids", "waf", "monitoring", "soc",
                                            "backup", "authentication", "encryption",
                                            "antivirus", "policy", "other", NULL};
static const char *const level_values[] = {"ministry", "province", NULL};
static const char *const unit_kinds[] = {"department", "office", "centre", "district",
                                         "commune", "other", NULL};
static const char *const relation_kinds[] = {"directs", "reports-to", "coordinates",
                                             "exchanges-data", "other", NULL};
static const char *const hosting_values[] = {"own",   "leased", "national-cloud",
                                             "cloud", "colocation", "other", NULL};
static const char *const funding_values[] = {"central-budget", "local-budget",
                                             "public-investment", "service-lease",
                                             "oda", "other", NULL};
static const char *const progress_values[] = {"not-started", "in-progress", "done",
                                              "delayed",     "cancelled",   NULL};
static const char *const solution_kinds[] = {"governance", "staffing", "policy", "finance",
                                             "technology", "cooperation", "other", NULL};

#define COMMON(id_required)                                                                        \
    {"id", EGAF_F_ID, EGAF_FT_ID, id_required, NULL, 0, 0, 0, N_("the element's id")},             \
        {"name", EGAF_F_NAME, EGAF_FT_TEXT, id_required, NULL, 0, 0, 0, N_("Vietnamese name")},    \
        {"name-en", EGAF_F_NAME_EN, EGAF_FT_TEXT, false, NULL, 0, 0, 0, "English name"},           \
        {"description", EGAF_F_DESCRIPTION, EGAF_FT_TEXT, false, NULL, 0, 0, 0, "free text"},      \
        {"owner",                                                                                  \
         EGAF_F_OWNER,                                                                             \
         EGAF_FT_TEXT,                                                                             \
         false,                                                                                    \
         NULL,                                                                                     \
         0,                                                                                        \
         0,                                                                                        \
         0,                                                                                        \
         "the owning unit: a unit's id (business.units), an organ code or an agency id"},          \
        {"status",                                                                                 \
         EGAF_F_STATUS,                                                                            \
         EGAF_FT_ENUM,                                                                             \
         false,                                                                                    \
         status_values,                                                                            \
         0,                                                                                        \
         0,                                                                                        \
         0,                                                                                        \
         "existing (default), planned or retired"},                                                \
        {"waivers",                                                                                \
         EGAF_F_WAIVERS,                                                                           \
         EGAF_FT_WAIVERS,                                                                          \
         false,                                                                                    \
         NULL,                                                                                     \
         0,                                                                                        \
         0,                                                                                        \
         0,                                                                                        \
         "rules waived for this element, each with a reason"},                                     \
    {                                                                                              \
        "properties", EGAF_F_PROPERTIES, EGAF_FT_PROPERTIES, false, NULL, 0, 0, 0,                 \
            "free key/values"                                                                      \
    }

#define SECURITY_LEVEL                                                                        \
    {"security-level", EGAF_F_SECURITY_LEVEL, EGAF_FT_INT, false, NULL, 0, 1, 5,              \
     "cấp độ an toàn hệ thống thông tin 1–5 (NĐ 85/2016/NĐ-CP)"}

/* who runs a data centre or platform, and on whose hardware (issue 18 item 9) */
#define PROVIDER_HOSTING                                                                      \
    {"provider", EGAF_F_PROVIDER, EGAF_FT_TEXT, false, NULL, 0, 0, 0,                         \
     "who provides and operates it (a telecom operator, the agency's own centre)"},           \
        {"hosting", EGAF_F_HOSTING, EGAF_FT_ENUM, false, hosting_values, 0, 0, 0,             \
         "own, leased, national-cloud, cloud, colocation or other"}

/* the element this planned one takes over from, in the target architecture
 * (issue 18 item 2: a new system that replaces or upgrades an old one) */
#define REPLACES(k)                                                                           \
    {"replaces", EGAF_F_REPLACES, EGAF_FT_REF, false, NULL, EGAF_T(k), 0, 0,                  \
     "the element of the same kind it replaces in the target architecture"}

#define HOSTED_ON                                                                             \
    {"hosted-on", EGAF_F_HOSTED_ON, EGAF_FT_REFS, false, NULL, EGAF_T(EGAF_K_INFRASTRUCTURE), \
     0, 0, "infrastructure it runs on"}

static const egaf_field_spec actor_fields[] = {
    COMMON(true),
    {"kind", EGAF_F_KIND, EGAF_FT_ENUM, false, actor_kinds, 0, 0, 0, "who the actor is"},
    REPLACES(EGAF_K_ACTOR),
};
static const egaf_field_spec channel_fields[] = {
    COMMON(true),
    {"kind", EGAF_F_KIND, EGAF_FT_ENUM, true, channel_kinds, 0, 0, 0,
     N_("the channel's kind; counter = bộ phận một cửa")},
    {"application", EGAF_F_APPLICATION, EGAF_FT_REF, false, NULL,
     EGAF_T(EGAF_K_APPLICATION) | EGAF_T(EGAF_K_PLATFORM), 0, 0,
     "the application that is this channel (the province's mobile app)"},
    REPLACES(EGAF_K_CHANNEL),
};
static const egaf_field_spec function_fields[] = {
    COMMON(true),
    {"brm", EGAF_F_BRM, EGAF_FT_CODE, false, NULL, 0, 0, 0, "BRM code"},
    REPLACES(EGAF_K_FUNCTION),
};
static const egaf_field_spec service_fields[] = {
    COMMON(true),
    {"brm", EGAF_F_BRM, EGAF_FT_CODE, false, NULL, 0, 0, 0, "BRM code"},
    {"tthc-code", EGAF_F_TTHC_CODE, EGAF_FT_TEXT, false, NULL, 0, 0, 0,
     "code of the procedure in the national TTHC database"},
    {"online", EGAF_F_ONLINE, EGAF_FT_ENUM, false, online_values, 0, 0, 0,
     "full (toàn trình), partial (một phần) or none"},
    {"handled-by", EGAF_F_HANDLED_BY, EGAF_FT_REF, false, NULL, EGAF_T(EGAF_K_APPLICATION), 0,
     0, "the application that processes it"},
    {"channels", EGAF_F_CHANNELS, EGAF_FT_REFS, false, NULL, EGAF_T(EGAF_K_CHANNEL), 0, 0,
     "channels it is offered on"},
    {"actors", EGAF_F_ACTORS, EGAF_FT_REFS, false, NULL, EGAF_T(EGAF_K_ACTOR), 0, 0,
     "who uses it"},
    {"function", EGAF_F_FUNCTION, EGAF_FT_REF, false, NULL, EGAF_T(EGAF_K_FUNCTION), 0, 0,
     "the business function it belongs to"},
    REPLACES(EGAF_K_SERVICE),
};
static const egaf_field_spec unit_fields[] = {
    COMMON(true),
    {"kind", EGAF_F_KIND, EGAF_FT_ENUM, false, unit_kinds, 0, 0, 0,
     "department (sở, ban, ngành), office, centre, district, commune or other"},
    {"organ-code", EGAF_F_ORGAN_CODE, EGAF_FT_TEXT, false, NULL, 0, 0, 0,
     "mã định danh điện tử (QĐ 20/2020/QĐ-TTg)"},
    {"parent", EGAF_F_PARENT, EGAF_FT_REF, false, NULL, EGAF_T(EGAF_K_UNIT), 0, 0,
     "the unit it belongs to"},
    REPLACES(EGAF_K_UNIT),
};
static const egaf_field_spec relation_fields[] = {
    COMMON(false),
    {"from", EGAF_F_FROM, EGAF_FT_REF, true, NULL, EGAF_T(EGAF_K_UNIT), 0, 0,
     N_("the unit the relation starts at")},
    {"to", EGAF_F_TO, EGAF_FT_REF, true, NULL, EGAF_T(EGAF_K_UNIT), 0, 0,
     N_("the unit it goes to")},
    {"kind", EGAF_F_KIND, EGAF_FT_ENUM, false, relation_kinds, 0, 0, 0,
     "directs, reports-to, coordinates, exchanges-data or other"},
    {"data", EGAF_F_DATA, EGAF_FT_TEXTS, false, NULL, 0, 0, 0, "what passes between them"},
};
static const egaf_field_spec database_fields[] = {
    COMMON(true),
    {"drm", EGAF_F_DRM, EGAF_FT_CODE, false, NULL, 0, 0, 0, "DRM code"},
    {"kind", EGAF_F_KIND, EGAF_FT_ENUM, false, database_kinds, 0, 0, 0, "the database's kind"},
    {"holds", EGAF_F_HOLDS, EGAF_FT_IDS, false, NULL, 0, 0, 0,
     "data subjects it keeps (egaf refs list --kind data-subjects)"},
    {"sources", EGAF_F_SOURCES, EGAF_FT_REFS, false, NULL,
     EGAF_T(EGAF_K_DATABASE) | EGAF_T_NATIONAL_DATABASE, 0, 0,
     "where its master data comes from"},
    HOSTED_ON,
    SECURITY_LEVEL,
    REPLACES(EGAF_K_DATABASE),
};
static const egaf_field_spec application_fields[] = {
    COMMON(true),
    {"arm", EGAF_F_ARM, EGAF_FT_CODE, false, NULL, 0, 0, 0, "ARM code"},
    {"role", EGAF_F_ROLE, EGAF_FT_ENUM, false, app_roles, 0, 0, 0,
     "the role the framework's required components name"},
    SECURITY_LEVEL,
    {"uses", EGAF_F_USES, EGAF_FT_REFS, false, NULL, EGAF_T(EGAF_K_DATABASE), 0, 0,
     "databases it reads and writes"},
    {"serves", EGAF_F_SERVES, EGAF_FT_REFS, false, NULL,
     EGAF_T(EGAF_K_SERVICE) | EGAF_T(EGAF_K_FUNCTION), 0, 0, "services and functions it serves"},
    HOSTED_ON,
    {"actors", EGAF_F_ACTORS, EGAF_FT_REFS, false, NULL, EGAF_T(EGAF_K_ACTOR), 0, 0,
     "who uses it (officials and leaders of an internal system)"},
    {"users", EGAF_F_USERS, EGAF_FT_REFS, false, NULL, EGAF_T(EGAF_K_UNIT), 0, 0,
     "units that use it"},
    REPLACES(EGAF_K_APPLICATION),
};
static const egaf_field_spec platform_fields[] = {
    COMMON(true),
    {"arm", EGAF_F_ARM, EGAF_FT_CODE, false, NULL, 0, 0, 0, "ARM code"},
    {"kind", EGAF_F_KIND, EGAF_FT_ENUM, true, platform_kinds, 0, 0, 0,
     N_("lgsp = Nền tảng tích hợp, chia sẻ dữ liệu cấp bộ/tỉnh")},
    {"connects", EGAF_F_CONNECTS, EGAF_FT_REFS, false, NULL,
     EGAF_T_NATIONAL_SYSTEM | EGAF_T(EGAF_K_PLATFORM), 0, 0,
     "national systems and platforms it connects to"},
    HOSTED_ON,
    SECURITY_LEVEL,
    PROVIDER_HOSTING,
    REPLACES(EGAF_K_PLATFORM),
};
static const egaf_field_spec integration_fields[] = {
    COMMON(false),
    {"from", EGAF_F_FROM, EGAF_FT_REF, true, NULL,
     EGAF_T(EGAF_K_APPLICATION) | EGAF_T(EGAF_K_PLATFORM) | EGAF_T(EGAF_K_DATABASE), 0, 0,
     N_("the system that starts the exchange")},
    {"to", EGAF_F_TO, EGAF_FT_REF, true, NULL,
     EGAF_T(EGAF_K_APPLICATION) | EGAF_T(EGAF_K_PLATFORM) | EGAF_T(EGAF_K_DATABASE) |
         EGAF_T_NATIONAL_SYSTEM | EGAF_T_NATIONAL_DATABASE,
     0, 0, N_("the system it exchanges with")},
    {"via", EGAF_F_VIA, EGAF_FT_REF, false, NULL, EGAF_T(EGAF_K_PLATFORM), 0, 0,
     "the platform it goes through (normally the LGSP)"},
    {"route", EGAF_F_ROUTE, EGAF_FT_ENUM, false, route_values, 0, 0, 0,
     "TT 13/2017/TT-BTTTT case a, b, c or d"},
    {"reason", EGAF_F_REASON, EGAF_FT_TEXT, false, NULL, 0, 0, 0,
     "why a route other than a is used"},
    {"data", EGAF_F_DATA, EGAF_FT_TEXTS, false, NULL, 0, 0, 0, "what it carries"},
};
static const egaf_field_spec infrastructure_fields[] = {
    COMMON(true),
    {"trm", EGAF_F_TRM, EGAF_FT_CODE, false, NULL, 0, 0, 0, "TRM code"},
    {"kind", EGAF_F_KIND, EGAF_FT_ENUM, true, infra_kinds, 0, 0, 0,
     N_("the infrastructure's kind")},
    {"connects", EGAF_F_CONNECTS, EGAF_FT_REFS, false, NULL,
     EGAF_T_NATIONAL_SYSTEM | EGAF_T(EGAF_K_INFRASTRUCTURE), 0, 0,
     "networks and infrastructure it connects to (national:tslcd)"},
    {"location", EGAF_F_LOCATION, EGAF_FT_TEXT, false, NULL, 0, 0, 0, "where it is"},
    SECURITY_LEVEL,
    PROVIDER_HOSTING,
    REPLACES(EGAF_K_INFRASTRUCTURE),
};
static const egaf_field_spec standard_fields[] = {
    COMMON(true),
    {"code", EGAF_F_CODE, EGAF_FT_TEXT, false, NULL, 0, 0, 0,
     "the standard's designation (TCVN 11930:2017, ISO/IEC 27001:2022)"},
    {"instrument", EGAF_F_INSTRUMENT, EGAF_FT_TEXT, false, NULL, 0, 0, 0,
     "the instrument that lists it (TT 39/2017/TT-BTTTT)"},
    {"applies-to", EGAF_F_APPLIES_TO, EGAF_FT_REFS, false, NULL, EGAF_T_ANY_ELEMENT, 0, 0,
     "elements it applies to"},
    REPLACES(EGAF_K_STANDARD),
};
static const egaf_field_spec control_fields[] = {
    COMMON(true),
    {"srm", EGAF_F_SRM, EGAF_FT_CODE, false, NULL, 0, 0, 0, "SRM code"},
    {"kind", EGAF_F_KIND, EGAF_FT_ENUM, true, control_kinds, 0, 0, 0, N_("the control's kind")},
    {"protects", EGAF_F_PROTECTS, EGAF_FT_REFS, false, NULL,
     EGAF_T(EGAF_K_APPLICATION) | EGAF_T(EGAF_K_PLATFORM) | EGAF_T(EGAF_K_DATABASE) |
         EGAF_T(EGAF_K_INFRASTRUCTURE),
     0, 0, "what it protects"},
    REPLACES(EGAF_K_CONTROL),
};
static const egaf_field_spec roadmap_fields[] = {
    COMMON(true),
    {"from", EGAF_F_YEAR_FROM, EGAF_FT_INT, true, NULL, 0, 1990, 2100, N_("first year")},
    {"to", EGAF_F_YEAR_TO, EGAF_FT_INT, true, NULL, 0, 1990, 2100, N_("last year")},
    {"delivers", EGAF_F_DELIVERS, EGAF_FT_REFS, false, NULL, EGAF_T_ANY_ELEMENT, 0, 0,
     "elements the task delivers"},
    {"priority", EGAF_F_PRIORITY, EGAF_FT_INT, false, NULL, 0, 1, 1000, "1 = first"},
    {"budget", EGAF_F_BUDGET, EGAF_FT_TEXT, false, NULL, 0, 0, 0, "e.g. \"12 tỷ đồng\""},
    {"budget-million", EGAF_F_BUDGET_MILLION, EGAF_FT_INT, false, NULL, 0, 0, 2000000000,
     "the budget as a number, in millions of đồng"},
    {"lead", EGAF_F_LEAD, EGAF_FT_REF, false, NULL, EGAF_T(EGAF_K_UNIT), 0, 0,
     "the lead unit (đơn vị chủ trì)"},
    {"partners", EGAF_F_PARTNERS, EGAF_FT_REFS, false, NULL, EGAF_T(EGAF_K_UNIT), 0, 0,
     "partner units (đơn vị phối hợp)"},
    {"funding", EGAF_F_FUNDING, EGAF_FT_ENUM, false, funding_values, 0, 0, 0,
     "central-budget, local-budget, public-investment, service-lease, oda or other"},
    {"outputs", EGAF_F_OUTPUTS, EGAF_FT_TEXTS, false, NULL, 0, 0, 0, "what it produces"},
    {"progress", EGAF_F_PROGRESS, EGAF_FT_ENUM, false, progress_values, 0, 0, 0,
     "not-started, in-progress, done, delayed or cancelled"},
    {"depends-on", EGAF_F_DEPENDS_ON, EGAF_FT_REFS, false, NULL, EGAF_T(EGAF_K_ROADMAP), 0, 0,
     "tasks that must be done first"},
};
static const egaf_field_spec target_fields[] = {
    COMMON(true),
    {"indicator", EGAF_F_INDICATOR, EGAF_FT_TEXT, false, NULL, 0, 0, 0,
     "what is measured, and in what unit"},
    {"baseline", EGAF_F_BASELINE, EGAF_FT_TEXT, false, NULL, 0, 0, 0, "the value today"},
    {"baseline-year", EGAF_F_BASELINE_YEAR, EGAF_FT_INT, false, NULL, 0, 1990, 2100,
     "the year of the baseline"},
    {"value", EGAF_F_VALUE, EGAF_FT_TEXT, true, NULL, 0, 0, 0, N_("the value to reach")},
    {"year", EGAF_F_YEAR, EGAF_FT_INT, true, NULL, 0, 1990, 2100, N_("the year to reach it by")},
    {"national", EGAF_F_NATIONAL, EGAF_FT_TEXT, false, NULL, 0, 0, 0,
     "the national target it serves (egaf refs list --kind national-targets)"},
};
static const egaf_field_spec solution_fields[] = {
    COMMON(true),
    {"kind", EGAF_F_KIND, EGAF_FT_ENUM, true, solution_kinds, 0, 0, 0,
     N_("governance, staffing, policy, finance, technology, cooperation or other")},
    {"lead", EGAF_F_LEAD, EGAF_FT_REF, false, NULL, EGAF_T(EGAF_K_UNIT), 0, 0,
     "the unit that carries it out"},
    {"serves", EGAF_F_SERVES, EGAF_FT_REFS, false, NULL,
     EGAF_T(EGAF_K_TARGET) | EGAF_T(EGAF_K_ROADMAP), 0, 0, "targets and tasks it supports"},
};
static const egaf_field_spec architecture_fields[] = {
    {"id", EGAF_F_ID, EGAF_FT_ID, true, NULL, 0, 0, 0,
     N_("the architecture's id; prefix of cross-architecture references")},
    {"agency", EGAF_F_AGENCY, EGAF_FT_TEXT, true, NULL, 0, 0, 0,
     N_("organ code (000.00.00.H37) or agency id from the reference models")},
    {"level", EGAF_F_LEVEL, EGAF_FT_ENUM, true, level_values, 0, 0, 0, N_("ministry or province")},
    {"name", EGAF_F_NAME, EGAF_FT_TEXT, true, NULL, 0, 0, 0, N_("the architecture's title")},
    {"name-en", EGAF_F_NAME_EN, EGAF_FT_TEXT, false, NULL, 0, 0, 0, "English title"},
    {"version", EGAF_F_VERSION, EGAF_FT_TEXT, false, NULL, 0, 0, 0, "its own version"},
    {"year", EGAF_F_YEAR, EGAF_FT_INT, true, NULL, 0, 1990, 2100,
     N_("reference data is taken as of this year")},
    {"period", EGAF_F_PERIOD, EGAF_FT_PERIOD, false, NULL, 0, 1990, 2100,
     "the years it covers: {from, to}"},
    {"approved-by", EGAF_F_APPROVED_BY, EGAF_FT_TEXT, false, NULL, 0, 0, 0,
     "the approving decision"},
    {"vision", EGAF_F_VISION, EGAF_FT_TEXT, false, NULL, 0, 0, 0, "Tầm nhìn"},
    {"goals", EGAF_F_GOALS, EGAF_FT_TEXTS, false, NULL, 0, 0, 0, "Mục tiêu"},
    {"scope", EGAF_F_SCOPE, EGAF_FT_TEXT, false, NULL, 0, 0, 0, "Phạm vi áp dụng"},
    {"principles", EGAF_F_PRINCIPLES, EGAF_FT_TEXTS, false, NULL, 0, 0, 0, "Nguyên tắc"},
    {"legal-basis", EGAF_F_LEGAL_BASIS, EGAF_FT_TEXTS, false, NULL, 0, 0, 0,
     "Căn cứ pháp lý: the instruments it is built on"},
    {"description", EGAF_F_DESCRIPTION, EGAF_FT_TEXT, false, NULL, 0, 0, 0, "free text"},
    {"owner", EGAF_F_OWNER, EGAF_FT_TEXT, false, NULL, 0, 0, 0, "owning unit"},
    {"waivers", EGAF_F_WAIVERS, EGAF_FT_WAIVERS, false, NULL, 0, 0, 0,
     "waivers of rules about the whole architecture"},
    {"properties", EGAF_F_PROPERTIES, EGAF_FT_PROPERTIES, false, NULL, 0, 0, 0, "free key/values"},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define KIND(k, sec, list, noun, idreq, fields) {k, sec, list, noun, idreq, fields, N(fields)}

static const egaf_kind_spec kinds[EGAF_K__COUNT] = {
    KIND(EGAF_K_ACTOR, "business", "actors", N_("actor"), true, actor_fields),
    KIND(EGAF_K_CHANNEL, "business", "channels", N_("channel"), true, channel_fields),
    KIND(EGAF_K_FUNCTION, "business", "functions", N_("function"), true, function_fields),
    KIND(EGAF_K_SERVICE, "business", "services", N_("service"), true, service_fields),
    KIND(EGAF_K_UNIT, "business", "units", N_("unit"), true, unit_fields),
    KIND(EGAF_K_RELATION, "business", "relations", N_("relation"), false, relation_fields),
    KIND(EGAF_K_DATABASE, "data", "databases", N_("database"), true, database_fields),
    KIND(EGAF_K_APPLICATION, "application", "applications", N_("application"), true,
         application_fields),
    KIND(EGAF_K_PLATFORM, "application", "platforms", N_("platform"), true, platform_fields),
    KIND(EGAF_K_INTEGRATION, "application", "integrations", N_("integration"), false,
         integration_fields),
    KIND(EGAF_K_INFRASTRUCTURE, "technology", "infrastructure", N_("infrastructure"), true,
         infrastructure_fields),
    KIND(EGAF_K_STANDARD, "technology", "standards", N_("standard"), true, standard_fields),
    KIND(EGAF_K_CONTROL, "security", "controls", N_("control"), true, control_fields),
    KIND(EGAF_K_ROADMAP, "implementation", "roadmap", N_("roadmap task"), true, roadmap_fields),
    KIND(EGAF_K_TARGET, "implementation", "targets", N_("target"), true, target_fields),
    KIND(EGAF_K_SOLUTION, "implementation", "solutions", N_("solution"), true, solution_fields),
    KIND(EGAF_K_ARCHITECTURE, NULL, NULL, N_("architecture"), true, architecture_fields),
};

static const char *const section_names[EGAF_S__COUNT] = {
    "business", "data", "application", "technology", "security", "implementation",
};

static const char *const business_keys[] = {"actors",   "channels", "functions",
                                            "services", "units",    "relations", NULL};
static const char *const data_keys[] = {"databases", NULL};
static const char *const application_keys[] = {"applications", "platforms", "integrations",
                                               NULL};
static const char *const technology_keys[] = {"infrastructure", "standards", NULL};
static const char *const security_keys[] = {"controls", NULL};
static const char *const implementation_keys[] = {"organisation", "roadmap", "targets",
                                                  "solutions", NULL};
static const char *const *const section_keys[EGAF_S__COUNT] = {
    business_keys, data_keys, application_keys, technology_keys, security_keys,
    implementation_keys,
};

static const char *const top_keys[] = {"framework", "architecture", "include",  "business",
                                       "data",      "application",  "technology", "security",
                                       "implementation", NULL};

const egaf_kind_spec *egaf_kind_info(egaf_kind kind)
{
    return (unsigned)kind < EGAF_K__COUNT ? &kinds[kind] : NULL;
}

const egaf_kind_spec *egaf_kind_spec_find(egaf_section section, const char *list)
{
    for (size_t i = 0; i < EGAF_K_ARCHITECTURE; i++)
        if (strcmp(kinds[i].section, section_names[section]) == 0 &&
            strcmp(kinds[i].list, list) == 0)
            return &kinds[i];
    return NULL;
}

const egaf_field_spec *egaf_field_spec_find(const egaf_kind_spec *spec, const char *key)
{
    /* the first letter first: this runs for every key of every element */
    for (size_t i = 0; i < spec->nfields; i++)
        if (spec->fields[i].key[0] == key[0] && strcmp(spec->fields[i].key, key) == 0)
            return &spec->fields[i];
    return NULL;
}

const egaf_field_spec *egaf_field_spec_of(const egaf_kind_spec *spec, egaf_field field)
{
    for (size_t i = 0; i < spec->nfields; i++)
        if (spec->fields[i].field == field)
            return &spec->fields[i];
    return NULL;
}

const char *egaf_section_name(egaf_section section)
{
    return (unsigned)section < EGAF_S__COUNT ? section_names[section] : NULL;
}

int egaf_section_find(const char *name)
{
    for (int i = 0; i < EGAF_S__COUNT; i++)
        if (strcmp(section_names[i], name) == 0)
            return i;
    return -1;
}

const char *const *egaf_section_keys(egaf_section section)
{
    return section_keys[section];
}

const char *const *egaf_top_keys(void)
{
    return top_keys;
}

void egaf_values_text(const char *const *values, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; values[i] && used < size; i++) {
        int w = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", values[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

const char *egaf_targets_text(unsigned targets, char *buf, size_t size)
{
    const char *names[24];
    size_t n = 0;
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        if (targets & EGAF_T(k))
            names[n++] = kinds[k].noun;
    if (targets & EGAF_T_NATIONAL_SYSTEM)
        names[n++] = N_("national shared system");
    if (targets & EGAF_T_NATIONAL_DATABASE)
        names[n++] = N_("national database");
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < size; i++) {
        const char *sep = i == 0 ? "" : (i + 1 == n ? _(" or ") : ", ");
        int w = snprintf(buf + used, size - used, "%s", sep);
        if (w < 0)
            break;
        used += (size_t)w;
        if (used >= size)
            break;
        /* "a database", "an application": the article belongs to the message */
        w = snprintf(buf + used, size - used, strchr("aeiou", names[i][0]) ? _("an %s") : _("a %s"),
                     _(names[i]));
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return buf;
}
