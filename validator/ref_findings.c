/* ref_findings.c - the findings a reference gets when what it names is of
 * the wrong kind or in no model of the run: written here once for the
 * references resolved while a model is checked (check_refs.c) and for those
 * to another architecture, resolved after every model (cross_refs.c). */
#include "validator/check.h"

#include "base/i18n.h"

static const char *kind_noun(unsigned target_bit)
{
    for (int k = 0; k < EGAF_K_ARCHITECTURE; k++)
        if (target_bit == EGAF_T(k))
            return _(egaf_kind_info((egaf_kind)k)->noun);
    return target_bit == EGAF_T_NATIONAL_SYSTEM ? _("national shared system")
                                                : _("national database");
}

/* How to get from a reference of the wrong kind to one the field takes: a
 * national database is used through a local copy that names it in
 * `sources`, a national system or another application through an
 * integration. from: the referring element's id (or display name). */
static void wrong_kind_hint(egaf_diags *diags, egaf_finding *f, const char *from,
                            const egaf_field_spec *fs, unsigned target, const char *ref)
{
    char allowed[160];
    egaf_targets_text(fs->targets, allowed, sizeof allowed);
    if (target == EGAF_T_NATIONAL_DATABASE && (fs->targets & EGAF_T(EGAF_K_DATABASE)))
        egaf_diag_hint(diags, f,
                       _("to use it, declare a local copy, a database of your own with "
                         "`sources: [%s]`, and name that here; or an integration `{from: %s, "
                         "to: %s}`"),
                       ref, from, ref);
    else if (target == EGAF_T_NATIONAL_SYSTEM || target == EGAF_T_NATIONAL_DATABASE ||
             target == EGAF_T(EGAF_K_APPLICATION) || target == EGAF_T(EGAF_K_PLATFORM))
        egaf_diag_hint(diags, f,
                       _("name %s here; to exchange data with '%s', declare an integration "
                         "`{from: %s, to: %s}`"),
                       allowed, ref, from, ref);
    else
        egaf_diag_hint(diags, f, _("name %s here"), allowed);
}

egaf_finding *egaf_ref_wrong_target(egaf_diags *diags, const egaf_mark *at, const char *display,
                                    const char *from, const egaf_field_spec *fs,
                                    unsigned target, const char *ref)
{
    char allowed[160];
    egaf_finding *f = egaf_diag(diags, "ref.wrong-kind", at, display,
                                _("'%s' of %s names the %s '%s', but it takes %s"), fs->key,
                                display, kind_noun(target), ref,
                                egaf_targets_text(fs->targets, allowed, sizeof allowed));
    wrong_kind_hint(diags, f, from, fs, target, ref);
    return f;
}

egaf_finding *egaf_ref_wrong_kind(egaf_diags *diags, const egaf_mark *at, const char *display,
                                  const char *from, const egaf_field_spec *fs, egaf_kind kind,
                                  const egaf_mark *declared, const char *ref)
{
    char allowed[160];
    const char *noun = _(egaf_kind_info(kind)->noun);
    egaf_finding *f = egaf_diag(diags, "ref.wrong-kind", at, display,
                                _("'%s' of %s names the %s '%s', but it takes %s"), fs->key,
                                display, noun, ref,
                                egaf_targets_text(fs->targets, allowed, sizeof allowed));
    egaf_diag_related(diags, f, declared, _("%s '%s' is declared here"), noun, ref);
    wrong_kind_hint(diags, f, from, fs, EGAF_T(kind), ref);
    return f;
}

egaf_finding *egaf_ref_not_in_run(egaf_diags *diags, const egaf_mark *at, const char *display,
                                  const char *ref, size_t arch_len)
{
    egaf_finding *f = egaf_diag(diags, "ref.cross-architecture", at, display,
                                _("'%s' names architecture '%.*s', which is not "
                                  "loaded in this run"),
                                ref, (int)arch_len, ref);
    egaf_diag_hint(diags, f,
                   _("validate it together with that architecture "
                     "to check the reference"));
    return f;
}
