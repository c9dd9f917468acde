/* refs.h - the national reference models: agencies, national shared
 * systems, national databases, data subjects and the framework editions,
 * each dated, so a question is always asked "as of a year".
 *
 * Loaded from reference-models/ by the same YAML loader as models; a broken
 * reference file gives positioned findings (rule ids refs.*) and the load
 * fails, which every command that needs the data turns into exit 2.
 *
 * Ownership: egaf_refs_load() / egaf_refs_free(); every entry and string
 * lives in the refs' arena. */
#ifndef EGAF_REFS_H
#define EGAF_REFS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/source.h"
#include "base/strmap.h"
#include "base/diag.h"

/* Dates are yyyymmdd integers; 0 means "open" (no start or no end). A bare
 * year in the data means 1 January for a start and 31 December for an end. */
typedef int egaf_date;

/* How sure the data is of one fact (docs/reference-models.md, "Confidence"):
 * confirmed - the instrument itself, or an official page quoting it, states it;
 * reported  - only a secondary source states it (news report, vendor page,
 *             public code, a summary in another language);
 * inferred  - no source states it: derived (an order, a pattern, a guess);
 * unknown   - the data does not know it and says so (e.g. a start date).
 * Only a confirmed fact may make a finding an error. */
typedef enum egaf_confidence {
    EGAF_CONF_CONFIRMED,
    EGAF_CONF_REPORTED,
    EGAF_CONF_INFERRED,
    EGAF_CONF_UNKNOWN,
} egaf_confidence;

/* One fact's provenance: how sure, and the citations a person can look up
 * ("QĐ 09/2025/QĐ-TTg (14/4/2025)", or a page address). */
typedef struct egaf_ref_fact {
    egaf_confidence confidence;
    const char **sources;
    size_t nsources;
    const char *note;
} egaf_ref_fact;

typedef enum egaf_ref_kind {
    EGAF_RK_AGENCY,
    EGAF_RK_SHARED_SYSTEM,
    EGAF_RK_NATIONAL_DATABASE,
    EGAF_RK_DATA_SUBJECT,
} egaf_ref_kind;

typedef struct egaf_ref_owner {
    const char *agency; /* agency id */
    egaf_date valid_from, valid_to;
    const char *confidence;
    egaf_ref_fact fact;
} egaf_ref_owner;

typedef struct egaf_ref_connect {
    const char **levels; /* "ministry", "province" */
    size_t nlevels;
    const char *component; /* a required-component id */
} egaf_ref_connect;

typedef struct egaf_ref_entry {
    egaf_ref_kind kind;
    const char *id;
    const char *name, *name_en, *abbr;
    const char *source, *confidence, *note; /* source: the citations joined by "; " */
    egaf_date valid_from, valid_to; /* existence; 0: open, or unknown (start_fact) */
    egaf_date listed;               /* when an instrument listed it, or 0 */
    egaf_mark mark;
    /* the entry's own fact (existence, name, level), then the facts that
     * `facts:` may give their own provenance; each defaults to `fact` */
    egaf_ref_fact fact, start_fact, end_fact, code_fact, successor_fact, gso_fact;
    egaf_date code_from; /* the organ code names it from this day (0: from its start) */
    /* agencies */
    const char *level; /* ministry | government-agency | province */
    const char *organ_code, *gso_code;
    bool municipality;
    const char **successors;
    size_t nsuccessors;
    /* shared systems and national databases */
    const char *category, *purpose;
    egaf_ref_owner *owners;
    size_t nowners;
    const char **editions;
    size_t neditions;
    egaf_ref_connect *connects;
    size_t nconnects;
    const char **authoritative_for; /* data-subject ids */
    size_t nauthoritative;
    bool priority_714;
    /* data subjects: the national database that is authoritative for it */
    const char *authoritative_db;
} egaf_ref_entry;

typedef struct egaf_ref_code {
    const char *code, *name;
} egaf_ref_code;

typedef struct egaf_ref_tree {
    const char *name; /* "Mô hình tham chiếu dữ liệu" */
    bool provisional;
    const char *source;
    egaf_confidence confidence;
    egaf_ref_code *codes;
    size_t ncodes;
} egaf_ref_tree;

typedef enum egaf_ref_tree_id {
    EGAF_TREE_BRM,
    EGAF_TREE_DRM,
    EGAF_TREE_ARM,
    EGAF_TREE_TRM,
    EGAF_TREE_SRM,
    EGAF_TREE__COUNT
} egaf_ref_tree_id;

typedef struct egaf_ref_section {
    const char *id, *letter, *name, *name_en;
    const char **keys; /* "architecture.vision", "business", …, or "generated" */
    size_t nkeys;
    egaf_confidence confidence;
    const char *source;
} egaf_ref_section;

typedef struct egaf_ref_requirement {
    const char *id, *title, *source;
    const char **levels;
    size_t nlevels;
    const char *section;     /* platforms | applications | infrastructure */
    const char *match_key;   /* "kind" or "role", or NULL: any element */
    const char *match_value;
    const char **must_connect; /* national ids */
    size_t nmust_connect;
    egaf_confidence confidence;
} egaf_ref_requirement;

typedef struct egaf_ref_route {
    const char *id, *name, *source;
    bool needs_reason;
    egaf_confidence confidence;
} egaf_ref_route;

typedef struct egaf_ref_security_level {
    int level;
    const char *name;
    bool needs_control;
    egaf_confidence confidence;
    const char *source;
} egaf_ref_security_level;

typedef struct egaf_ref_target {
    const char *id, *name, *unit, *measure, *source;
    double value;
} egaf_ref_target;

typedef struct egaf_ref_framework {
    const char *edition, *name, *instrument, *source;
    egaf_date issued, valid_from, valid_to;
    egaf_mark mark;
    egaf_ref_section *sections;
    size_t nsections;
    egaf_ref_requirement *requirements;
    size_t nrequirements;
    egaf_ref_route *routes;
    size_t nroutes;
    egaf_ref_security_level *security_levels;
    size_t nsecurity_levels;
    egaf_ref_tree trees[EGAF_TREE__COUNT];
    egaf_ref_target *targets;
    size_t ntargets;
} egaf_ref_framework;

/* A national target a ministry's or province's architecture serves (NQ
 * 17/NQ-CP's figures for 2019-2020; later strategies'): national-targets.yaml,
 * optional in a reference folder. Models name one with `national: ID` in
 * implementation.targets. Ids are their own namespace, not `national:` refs. */
typedef struct egaf_ref_national_target {
    const char *id, *name, *name_en;
    const char *value;      /* as the source states it: "≥ 20%" */
    const char *instrument; /* "NQ 17/NQ-CP (07/3/2019)" */
    const char *source;     /* the citations joined by "; " */
    const char *note;
    egaf_date valid_from, valid_to; /* the years it is set for */
    const char **levels;            /* "ministry", "province" */
    size_t nlevels;
    egaf_ref_fact fact;
    egaf_mark mark;
} egaf_ref_national_target;

typedef struct egaf_refs {
    egaf_arena *arena;
    const char *dir;
    egaf_ref_entry **entries; /* every entry of every kind, in file order */
    size_t nentries;
    egaf_strmap by_id;   /* id -> entry (ids are unique across kinds) */
    egaf_strmap by_code; /* organ code -> agency entries chain (see refs.c) */
    egaf_ref_framework **frameworks;
    size_t nframeworks;
    egaf_ref_national_target *national_targets; /* in file order */
    size_t nnational_targets;
} egaf_refs;

typedef enum egaf_refs_status {
    EGAF_REFS_OK,
    EGAF_REFS_NOT_FOUND, /* the folder is missing or has no reference files */
    EGAF_REFS_BROKEN,    /* findings say what is wrong */
    EGAF_REFS_NO_MEMORY,
} egaf_refs_status;

/* The optional file of national targets in a reference folder. */
#define EGAF_NATIONAL_TARGETS_FILE "national-targets.yaml"

/* Loads every reference file in dir and checks the data's consistency
 * (unique ids, owners and successors that resolve, sources present). */
egaf_refs *egaf_refs_load(const char *dir, egaf_diags *diags, egaf_refs_status *status);
/* The same, with the YAML trees taken where they match from the compiled
 * cache (refs_cache.h): dir's own egaf-refs.cache, else extra_cache (the
 * build folder's; may be NULL). The results are the same either way. */
egaf_refs *egaf_refs_load_cached(const char *dir, const char *extra_cache, egaf_diags *diags,
                                 egaf_refs_status *status);
void egaf_refs_free(egaf_refs *refs);

/* Where the reference models are: --refs, $EGAF_REFS, the installed copy,
 * then reference-models/ beside the executable's build tree. Returns a
 * malloc'd path, or NULL when none exists. exe is argv[0]'s resolved path. */
char *egaf_refs_locate(const char *option, const char *exe);

const egaf_ref_entry *egaf_refs_find(const egaf_refs *refs, const char *id);
/* An agency by id or organ code, valid in year (0: any year). */
const egaf_ref_entry *egaf_refs_agency(const egaf_refs *refs, const char *id_or_code, int year);
bool egaf_ref_valid_in(const egaf_ref_entry *e, int year);
/* The owner's agency id in year, or NULL. */
const char *egaf_ref_owner_in(const egaf_ref_entry *e, int year);
const egaf_ref_framework *egaf_refs_framework(const egaf_refs *refs, const char *edition);
bool egaf_ref_framework_valid_in(const egaf_ref_framework *f, int year);
/* The national target with id, or NULL. */
const egaf_ref_national_target *egaf_refs_national_target(const egaf_refs *refs, const char *id);
/* Whether the target is set for year (0: any) and for level (NULL: any). */
bool egaf_ref_national_target_applies(const egaf_ref_national_target *t, int year,
                                      const char *level);
/* The code in the framework's tree, or NULL. */
const egaf_ref_code *egaf_ref_code_find(const egaf_ref_framework *f, egaf_ref_tree_id tree,
                                        const char *code);
const char *egaf_ref_kind_name(egaf_ref_kind kind);
/* "confirmed", "reported", "inferred", "unknown" (data words, not translated). */
const char *egaf_confidence_name(egaf_confidence c);
/* The owner record holding in year (the last one), or NULL. */
const egaf_ref_owner *egaf_ref_owner_record(const egaf_ref_entry *e, int year);
/* An agency whose organ code is code on some day of year (0: any year), or NULL. */
const egaf_ref_entry *egaf_refs_agency_by_code(const egaf_refs *refs, const char *code, int year);
/* Agencies whose name, folded (any Unicode form, no diacritics, no case),
 * with or without "Tỉnh", "Thành phố", "Bộ", "UBND", equals name's; valid in
 * year (0: any). Writes up to max matches; returns how many there are. */
size_t egaf_refs_agencies_named(const egaf_refs *refs, const char *name, int year,
                                const egaf_ref_entry **out, size_t max);

#endif
