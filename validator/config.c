/* config.c - reading .egaf.yaml with the model loader's YAML tree. */
#include "validator/config.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/suggest.h"
#include "model/yaml_tree.h"
#include "base/rules.h"

static int add_setting(egaf_arena *arena, egaf_config *c, const char *rule, egaf_severity sev,
                       size_t cap)
{
    if (!c->settings) {
        c->settings = egaf_arena_alloc(arena, sizeof(*c->settings) * (cap + 1));
        if (!c->settings)
            return -1;
    }
    c->settings[c->nsettings].rule = rule;
    c->settings[c->nsettings].severity = sev;
    c->nsettings++;
    return 0;
}

static size_t count_settings(const egaf_ynode *root)
{
    size_t n = 0;
    const egaf_ynode *d = egaf_ynode_get(root, "disable");
    const egaf_ynode *s = egaf_ynode_get(root, "severity");
    if (d && d->kind == EGAF_Y_SEQ)
        n += d->u.seq.count;
    else if (d)
        n++;
    if (s && s->kind == EGAF_Y_MAP)
        n += s->u.map.count;
    return n;
}

static bool known_rule(egaf_diags *problems, const egaf_ynode *n)
{
    if (egaf_rule_find(n->u.scalar.text))
        return true;
    egaf_finding *f = egaf_diag(problems, "schema.enum", &n->mark, NULL,
                                _("'%s' is not a rule ('egaf rules' lists them)"), n->u.scalar.text);
    size_t count;
    const egaf_rule *all = egaf_rules(&count);
    const char *ids[256];
    size_t k = 0;
    for (size_t i = 0; i < count && k < 255; i++)
        ids[k++] = all[i].id;
    ids[k] = NULL;
    const char *s = egaf_suggest(n->u.scalar.text, ids, egaf_list_count(ids));
    if (s)
        egaf_diag_hint(problems, f, _("did you mean '%s'?"), s);
    return false;
}

int egaf_config_load(egaf_arena *arena, const char *dir, egaf_config *out, egaf_diags *problems)
{
    memset(out, 0, sizeof(*out));
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, EGAF_CONFIG_NAME) >= (int)sizeof path)
        return 0;
    egaf_source *src = NULL;
    egaf_read_status st = egaf_source_read(arena, path, 1024 * 1024, &src);
    if (st == EGAF_READ_NOT_FOUND)
        return 0;
    if (st != EGAF_READ_OK) {
        egaf_diag_at(problems, "yaml.limit", path, 1, 1, NULL, _("cannot read %s: %s"),
                     EGAF_CONFIG_NAME, egaf_read_status_text(st));
        return -1;
    }
    out->path = src->path;
    size_t before = egaf_diags_count(problems);
    egaf_ynode *root = egaf_yaml_parse(arena, src, NULL, problems);
    if (!root)
        return -1;
    if (egaf_ynode_is_null(root))
        return 0;
    if (root->kind != EGAF_Y_MAP) {
        egaf_diag(problems, "schema.type", &root->mark, NULL,
                  _("%s must be a map (disable, severity, werror)"), EGAF_CONFIG_NAME);
        return -1;
    }
    size_t cap = count_settings(root);
    static const char *const keys[] = {"disable", "severity", "werror", NULL};
    for (size_t i = 0; i < root->u.map.count; i++) {
        const egaf_ynode *k = root->u.map.pairs[i].key;
        const egaf_ynode *v = root->u.map.pairs[i].value;
        const char *name = k->kind == EGAF_Y_SCALAR ? k->u.scalar.text : "";
        if (strcmp(name, "disable") == 0) {
            const egaf_ynode *const *items = v->kind == EGAF_Y_SEQ
                                                 ? (const egaf_ynode *const *)v->u.seq.items
                                                 : (const egaf_ynode *const *)&v;
            size_t n = v->kind == EGAF_Y_SEQ ? v->u.seq.count : 1;
            for (size_t j = 0; j < n; j++) {
                if (items[j]->kind != EGAF_Y_SCALAR) {
                    egaf_diag(problems, "schema.type", &items[j]->mark, NULL,
                              _("'disable' lists rule ids"));
                    continue;
                }
                if (known_rule(problems, items[j]) &&
                    add_setting(arena, out, items[j]->u.scalar.text, EGAF_SEV_OFF, cap) != 0)
                    return -1;
            }
        } else if (strcmp(name, "severity") == 0) {
            if (v->kind != EGAF_Y_MAP) {
                egaf_diag(problems, "schema.type", &v->mark, NULL,
                          _("'severity' is a map of rule id to error, warning, note or off"));
                continue;
            }
            for (size_t j = 0; j < v->u.map.count; j++) {
                const egaf_ynode *rk = v->u.map.pairs[j].key;
                const egaf_ynode *rv = v->u.map.pairs[j].value;
                egaf_severity sev;
                if (rk->kind != EGAF_Y_SCALAR || !known_rule(problems, rk))
                    continue;
                if (rv->kind != EGAF_Y_SCALAR || egaf_severity_parse(rv->u.scalar.text, &sev)) {
                    egaf_diag(problems, "schema.enum", &rv->mark, NULL,
                              _("the severity of '%s' must be error, warning, note or off"),
                              rk->u.scalar.text);
                    continue;
                }
                if (add_setting(arena, out, rk->u.scalar.text, sev, cap) != 0)
                    return -1;
            }
        } else if (strcmp(name, "werror") == 0) {
            if (v->kind == EGAF_Y_SCALAR && strcmp(v->u.scalar.text, "true") == 0)
                out->werror = true;
            else if (!(v->kind == EGAF_Y_SCALAR && strcmp(v->u.scalar.text, "false") == 0))
                egaf_diag(problems, "schema.type", &v->mark, NULL,
                          _("'werror' must be true or false"));
        } else {
            egaf_finding *f = egaf_diag(problems, "schema.unknown-key", &k->mark, NULL,
                                        _("unknown key '%s' in %s"), name, EGAF_CONFIG_NAME);
            const char *s = egaf_suggest(name, keys, egaf_list_count(keys));
            if (s)
                egaf_diag_hint(problems, f, _("did you mean '%s'?"), s);
        }
    }
    return egaf_diags_count(problems) > before ? -1 : 0;
}

int egaf_config_apply(const egaf_config *config, egaf_diags *diags)
{
    for (size_t i = 0; i < config->nsettings; i++)
        if (egaf_diags_set_severity(diags, config->settings[i].rule,
                                    config->settings[i].severity) != 0)
            return -1;
    return 0;
}
