/* format.h - the model format as data: the kinds of element, the keys each
 * kind has, their types, allowed values and the kinds a reference may point
 * to. The model builder, the schema checks, `egaf schema` and the format
 * reference all read this one table. */
#ifndef EGAF_FORMAT_H
#define EGAF_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum egaf_kind {
    EGAF_K_ACTOR,
    EGAF_K_CHANNEL,
    EGAF_K_FUNCTION,
    EGAF_K_SERVICE,
    EGAF_K_UNIT,     /* a department, district or commune of the agency */
    EGAF_K_RELATION, /* a business relation between two units */
    EGAF_K_DATABASE,
    EGAF_K_APPLICATION,
    EGAF_K_PLATFORM,
    EGAF_K_INTEGRATION,
    EGAF_K_INFRASTRUCTURE,
    EGAF_K_STANDARD, /* a technical standard applied (TT 39/2017/TT-BTTTT) */
    EGAF_K_CONTROL,
    EGAF_K_ROADMAP,
    EGAF_K_TARGET,   /* a measurable target */
    EGAF_K_SOLUTION, /* a governance, staffing, policy or finance solution */
    EGAF_K_ARCHITECTURE, /* the header; not listed in a section */
    EGAF_K__COUNT
} egaf_kind;

/* Reference targets: a bit per local kind, and the two national kinds. */
#define EGAF_T(kind) (1u << (kind))
#define EGAF_T_NATIONAL_SYSTEM (1u << 20)
#define EGAF_T_NATIONAL_DATABASE (1u << 21)
#define EGAF_T_ANY_ELEMENT ((1u << EGAF_K_ARCHITECTURE) - 1)

typedef enum egaf_field {
    EGAF_F_ID,
    EGAF_F_NAME,
    EGAF_F_NAME_EN,
    EGAF_F_DESCRIPTION,
    EGAF_F_OWNER,
    EGAF_F_STATUS,
    EGAF_F_WAIVERS,
    EGAF_F_PROPERTIES,
    EGAF_F_KIND,
    EGAF_F_BRM,
    EGAF_F_DRM,
    EGAF_F_ARM,
    EGAF_F_TRM,
    EGAF_F_SRM,
    EGAF_F_TTHC_CODE,
    EGAF_F_ONLINE,
    EGAF_F_HANDLED_BY,
    EGAF_F_CHANNELS,
    EGAF_F_ACTORS,
    EGAF_F_FUNCTION,
    EGAF_F_HOLDS,
    EGAF_F_SOURCES,
    EGAF_F_HOSTED_ON,
    EGAF_F_SECURITY_LEVEL,
    EGAF_F_ROLE,
    EGAF_F_USES,
    EGAF_F_SERVES,
    EGAF_F_CONNECTS,
    EGAF_F_FROM,
    EGAF_F_TO,
    EGAF_F_VIA,
    EGAF_F_ROUTE,
    EGAF_F_REASON,
    EGAF_F_DATA,
    EGAF_F_LOCATION,
    EGAF_F_PROTECTS,
    EGAF_F_YEAR_FROM,
    EGAF_F_YEAR_TO,
    EGAF_F_DELIVERS,
    EGAF_F_PRIORITY,
    EGAF_F_BUDGET,
    EGAF_F_AGENCY,
    EGAF_F_LEVEL,
    EGAF_F_VERSION,
    EGAF_F_YEAR,
    EGAF_F_PERIOD,
    EGAF_F_APPROVED_BY,
    EGAF_F_VISION,
    EGAF_F_GOALS,
    EGAF_F_SCOPE,
    EGAF_F_PRINCIPLES,
    EGAF_F_LEGAL_BASIS,
    EGAF_F_ORGAN_CODE,
    EGAF_F_PARENT,
    EGAF_F_USERS,
    EGAF_F_APPLICATION,
    EGAF_F_PROVIDER,
    EGAF_F_HOSTING,
    EGAF_F_CODE,
    EGAF_F_INSTRUMENT,
    EGAF_F_APPLIES_TO,
    EGAF_F_LEAD,
    EGAF_F_PARTNERS,
    EGAF_F_FUNDING,
    EGAF_F_BUDGET_MILLION,
    EGAF_F_OUTPUTS,
    EGAF_F_PROGRESS,
    EGAF_F_DEPENDS_ON,
    EGAF_F_INDICATOR,
    EGAF_F_BASELINE,
    EGAF_F_BASELINE_YEAR,
    EGAF_F_VALUE,
    EGAF_F_NATIONAL,
    EGAF_F_REPLACES,
    EGAF_F__COUNT
} egaf_field;

typedef enum egaf_ftype {
    EGAF_FT_TEXT,       /* any scalar, as written */
    EGAF_FT_ID,         /* an id: ^[a-z0-9]+(-[a-z0-9]+)*$ */
    EGAF_FT_ENUM,       /* one of values[] */
    EGAF_FT_INT,        /* a whole number in [min, max] */
    EGAF_FT_CODE,       /* a reference-model code (BRM001.002) */
    EGAF_FT_REF,        /* one reference */
    EGAF_FT_REFS,       /* a list of references (one scalar is accepted) */
    EGAF_FT_TEXTS,      /* a list of text (one scalar is accepted) */
    EGAF_FT_IDS,        /* a list of ids (data subjects) */
    EGAF_FT_WAIVERS,    /* a list of {rule, reason} */
    EGAF_FT_PROPERTIES, /* a map of scalars */
    EGAF_FT_PERIOD,     /* {from: YYYY, to: YYYY} */
} egaf_ftype;

typedef struct egaf_field_spec {
    const char *key;
    egaf_field field;
    egaf_ftype type;
    bool required;
    const char *const *values; /* EGAF_FT_ENUM: NULL-terminated */
    unsigned targets;          /* EGAF_FT_REF(S): EGAF_T_* bits */
    int min, max;              /* EGAF_FT_INT */
    const char *doc;
} egaf_field_spec;

typedef struct egaf_kind_spec {
    egaf_kind kind;
    const char *section; /* "application" */
    const char *list;    /* "applications" */
    const char *noun;    /* "application", for messages */
    bool id_required;
    const egaf_field_spec *fields;
    size_t nfields;
} egaf_kind_spec;

/* The sections of a model, in the order of the framework's contents. */
typedef enum egaf_section {
    EGAF_S_BUSINESS,
    EGAF_S_DATA,
    EGAF_S_APPLICATION,
    EGAF_S_TECHNOLOGY,
    EGAF_S_SECURITY,
    EGAF_S_IMPLEMENTATION,
    EGAF_S__COUNT
} egaf_section;

const egaf_kind_spec *egaf_kind_info(egaf_kind kind);
/* The kind listed as `list` in `section`, or NULL. */
const egaf_kind_spec *egaf_kind_spec_find(egaf_section section, const char *list);
const egaf_field_spec *egaf_field_spec_find(const egaf_kind_spec *spec, const char *key);
const egaf_field_spec *egaf_field_spec_of(const egaf_kind_spec *spec, egaf_field field);
const char *egaf_section_name(egaf_section section);
int egaf_section_find(const char *name); /* -1 when not a section */
/* The list keys a section holds (NULL-terminated), including non-list keys
 * such as implementation's `organisation`. */
const char *const *egaf_section_keys(egaf_section section);
/* The top-level keys of a model file. */
const char *const *egaf_top_keys(void);
/* "a, b, c": a NULL-terminated list of values for a message, cut to fit
 * size (the list of what a key allows). */
void egaf_values_text(const char *const *values, char *buf, size_t size);
/* "an application, a platform or a database", for messages about targets. */
const char *egaf_targets_text(unsigned targets, char *buf, size_t size);

#endif
