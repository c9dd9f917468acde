/* check.h - what a check of one model sees. Each check is a small function
 * over this context that reports findings under its rule ids. */
#ifndef EGAF_CHECK_H
#define EGAF_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "model/query.h"
#include "refs/refs.h"
#include "base/strmap.h"
#include "base/diag.h"

typedef struct egaf_check_ctx {
    const egaf_model *model;
    const egaf_refs *refs; /* NULL when checking without reference models */
    egaf_diags *diags;
    const egaf_strmap *ids; /* id -> first egaf_element with it */
    /* the run's references to other architectures (ARCH:ID), resolved after
     * every model (cross_refs.c), and this model's index in the run; NULL:
     * the model is checked alone, and such a reference names no model */
    struct egaf_run *run;
    size_t run_index;
    int year; /* the model's year, or 0 when unknown */
} egaf_check_ctx;

/* What a reference string names. */
typedef enum egaf_ref_scope {
    EGAF_REF_LOCAL,
    EGAF_REF_NATIONAL,
    EGAF_REF_OTHER_ARCH,
} egaf_ref_scope;

typedef struct egaf_ref {
    egaf_ref_scope scope;
    const char *arch; /* for OTHER_ARCH: the prefix */
    size_t arch_len;
    const char *id;   /* the part after the prefix */
} egaf_ref;

egaf_ref egaf_ref_parse(const char *text);

/* The element a local reference names, or NULL. */
const egaf_element *egaf_check_lookup(const egaf_check_ctx *ctx, const char *id);

/* References to another architecture of the run (cross_refs.c). A model's
 * check begins with egaf_cross_refs_begin(), defers each such reference,
 * records the waivers that apply to them (with the model's map of waived
 * elements, display name -> element), and ends with egaf_cross_refs_end(),
 * which keeps the model's ids (ids: id -> element; emptied when the models
 * are kept, as the run takes it). egaf_run_finish() (validate.h) reports,
 * once every model was checked, each deferred reference's finding where it
 * would have stood. One thread per model at a time. */
int egaf_cross_refs_begin(egaf_check_ctx *ctx);
void egaf_cross_refs_defer(egaf_check_ctx *ctx, const egaf_element *el, const egaf_field_spec *fs,
                           const egaf_str *s, size_t arch_len);
void egaf_cross_refs_waivers(egaf_check_ctx *ctx, const egaf_strmap *waived);
void egaf_cross_refs_end(egaf_check_ctx *ctx, egaf_strmap *ids);

/* The findings of a reference (ref_findings.c): ref names (at, in the
 * field fs of the element display, whose id or display is from) an element
 * of the wrong kind, declared at declared; or a national entry whose target
 * bit is not among fs's; or an architecture not loaded in the run. */
egaf_finding *egaf_ref_wrong_kind(egaf_diags *diags, const egaf_mark *at, const char *display,
                                  const char *from, const egaf_field_spec *fs, egaf_kind kind,
                                  const egaf_mark *declared, const char *ref);
egaf_finding *egaf_ref_wrong_target(egaf_diags *diags, const egaf_mark *at, const char *display,
                                    const char *from, const egaf_field_spec *fs,
                                    unsigned target, const char *ref);
egaf_finding *egaf_ref_not_in_run(egaf_diags *diags, const egaf_mark *at, const char *display,
                                  const char *ref, size_t arch_len);

/* The checks, each one a rule or a family of rules. */
void egaf_check_ids(egaf_check_ctx *ctx, const void *id_regex);
void egaf_check_references(egaf_check_ctx *ctx);

/* Conformance to the reference models, run in this order after the references:
 * header.*, section.missing, component.*, route.*, data.*, security.*,
 * code.unknown, roadmap.*, org.* (with channel.* and hosting.*), target.*,
 * then standard.*, solutions.* and header.legal-basis-framework
 * (check_chapters.c), hygiene.*. Each skips what needs reference data
 * when ctx->refs is NULL. */
void egaf_check_header(egaf_check_ctx *ctx);
void egaf_check_sections(egaf_check_ctx *ctx);
void egaf_check_components(egaf_check_ctx *ctx);
void egaf_check_routes(egaf_check_ctx *ctx);
void egaf_check_data(egaf_check_ctx *ctx);
void egaf_check_security(egaf_check_ctx *ctx);
void egaf_check_codes(egaf_check_ctx *ctx);
void egaf_check_roadmap(egaf_check_ctx *ctx);
void egaf_check_org(egaf_check_ctx *ctx); /* org.*, channel.*, hosting.* */
void egaf_check_targets(egaf_check_ctx *ctx);
void egaf_check_chapters(egaf_check_ctx *ctx);
void egaf_check_gap(egaf_check_ctx *ctx);
void egaf_check_hygiene(egaf_check_ctx *ctx);

/* The years the roadmap and the targets must lie in: the architecture's
 * `period` (returns true), else the model's year and the five after it
 * (returns false); *from is 0 when neither is known. */
bool egaf_check_period(const egaf_check_ctx *ctx, long long *from, long long *to);

/* Room for n suggestion candidates (egaf_suggest), or NULL after marking
 * ctx's findings failed: a hint left out for want of memory is an error too. */
const char **egaf_check_candidates(const egaf_check_ctx *ctx, size_t n);
/* Runs check with a scratch arena of its own, freed after; without memory
 * for one, marks ctx's findings failed instead (a check left out is an
 * error, never a clean result). */
void egaf_check_with_arena(egaf_check_ctx *ctx,
                           void (*check)(egaf_check_ctx *ctx, egaf_arena *arena));

/* Helpers of the conformance checks (check_header.c, check_components.c). */
/* The model's framework edition, or NULL (unknown, or no reference models). */
const egaf_ref_framework *egaf_check_framework(const egaf_check_ctx *ctx);
/* The model's agency as of its year, or NULL. */
const egaf_ref_entry *egaf_check_agency(const egaf_check_ctx *ctx);
/* The instruments of a reference entry's `source`: the text before "facts". */
const char *egaf_check_instrument(const char *source, char *buf, size_t size);
/* A finding whose verdict rests on a reference fact: when the fact is not
 * confirmed, the finding is lowered to a warning at most and its hint says
 * which fact (what: "the organ code of Hậu Giang") and how sure the data is,
 * with its first citation. Every check that reads the reference data passes
 * its findings through here (tests/e2e/test_refs_confidence.sh walks them). */
void egaf_check_rests_on(egaf_diags *diags, egaf_finding *f, egaf_confidence confidence,
                         const char *source, const char *what);
void egaf_check_rests_on_fact(egaf_diags *diags, egaf_finding *f, const egaf_ref_fact *fact,
                              const char *what);
/* How sure, in words for a message ("reported by a secondary source"). */
const char *egaf_check_confidence_text(egaf_confidence confidence);
/* "2025-07-01" */
const char *egaf_check_date_text(egaf_date d, char *buf, size_t size);
egaf_date egaf_check_next_day(egaf_date d);
#endif
