/* config.h - .egaf.yaml: the rule settings kept beside the models, so a
 * ministry's CI and its architects run the same checks.
 *
 *   disable: [hygiene.unused]            # rules not checked
 *   severity: {hygiene.similar-names: error, route.exception: note}
 *   werror: true                          # warnings count as errors
 *
 * Command-line options apply after the file, so they win.
 *
 * Ownership: egaf_config_load() fills a config whose strings live in the
 * arena passed in. */
#ifndef EGAF_CONFIG_H
#define EGAF_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"

typedef struct egaf_rule_setting {
    const char *rule;
    egaf_severity severity; /* EGAF_SEV_OFF for disable */
} egaf_rule_setting;

typedef struct egaf_config {
    const char *path; /* the file read, or NULL when there is none */
    egaf_rule_setting *settings;
    size_t nsettings;
    bool werror;
} egaf_config;

#define EGAF_CONFIG_NAME ".egaf.yaml"

/* Reads DIR/.egaf.yaml when it exists. Returns 0 (also when there is no
 * file), or -1 when the file is broken: its problems are findings in
 * problems (positioned, rule ids yaml.* and schema.*). */
int egaf_config_load(egaf_arena *arena, const char *dir, egaf_config *out, egaf_diags *problems);
/* Applies the settings to diags; -1 (with a finding in problems) when a
 * rule id is unknown. */
int egaf_config_apply(const egaf_config *config, egaf_diags *diags);

#endif
