/* labels.h - what a person reads for each key and allowed value of the
 * model format: one table, in Vietnamese and in English (--lang en), used
 * wherever a key or a value is shown to people rather than to a parser (the
 * national site, the diagrams, the architecture document, the descriptions
 * of `egaf schema`). The YAML keeps its English keys; these are the words
 * an architect reads for them ("security-level" is "Cấp độ an toàn").
 *
 * Every function returns a static string, or NULL when the key or value is
 * not part of the format (a unit test checks that every key and every
 * allowed value of model/format.c has both labels). */
#ifndef EGAF_LABELS_H
#define EGAF_LABELS_H

#include <stdbool.h>

#include "model/format.h"

/* The label of a field ("Cấp độ an toàn" / "Security level"). */
const char *egaf_label_field(egaf_field field, bool english);

/* The label of a key that is not an element's field: the top-level keys,
 * the sections, their lists and `organisation`, and the keys inside a
 * waiver (`rule`, `reason`) and a period (`from`, `to`). */
const char *egaf_label_key(const char *key, bool english);

/* The label of a key as written in a kind's element (`from` of an
 * integration is "Từ", of a roadmap task "Từ năm"); kind EGAF_K__COUNT:
 * the first kind that has the key. Then the keys of egaf_label_key(). */
const char *egaf_label_key_in(egaf_kind kind, const char *key, bool english);

/* The label of a kind's list ("Ứng dụng, hệ thống thông tin"). */
const char *egaf_label_kind(egaf_kind kind, bool english);

/* The label of an allowed value of an enumerated field of a kind
 * ("tthc" of an application's role: "Giải quyết thủ tục hành chính"). */
const char *egaf_label_value(egaf_kind kind, egaf_field field, const char *value, bool english);

/* The same, or the value itself when it has no label (never NULL for a
 * non-NULL value): for showing a value a model may have mistyped. */
const char *egaf_label_value_or_raw(egaf_kind kind, egaf_field field, const char *value,
                                    bool english);

/* Values of the reference data that pages show: the category of a national
 * shared system ("integration-platform"), the confidence of a fact
 * ("confirmed") and an agency's level ("government-agency"). NULL when not
 * a known value. */
const char *egaf_label_category(const char *category, bool english);
const char *egaf_label_confidence(const char *confidence, bool english);
const char *egaf_label_agency_level(const char *level, bool english);

#endif
