/* cmd_init.c - `egaf init`: write a starting model for an agency, with every
 * section and every component its framework edition requires. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/cli.h"
#include "base/i18n.h"
#include "validator/init_template.h"
#include "base/suggest.h"

static const char *const usage = N_(
    "usage: egaf init --agency CODE [--year YYYY] [--framework EDITION] -o FILE\n"
    "\n"
    "Writes a starting model for the agency: every section and every component the\n"
    "framework edition requires at the agency's level (LGSP connected to NGSP, the\n"
    "administrative-procedure system connected to Cổng Dịch vụ công quốc gia, the\n"
    "document system, the reporting system, the link to the specialised data\n"
    "network, …), with comments \"# Điền: …\" where the agency's own facts go.\n"
    "The model validates as written. An existing FILE is never overwritten.\n"
    "\n"
    "options:\n"
    "  --agency CODE      organ code (000.00.00.H37) or agency id (lang-son, bo-y-te)\n"
    "  --year YYYY        the model's year; reference data as of it (default: this year)\n"
    "  --framework ED     framework edition, 2.0, 3.0 or 4.0 (default: the one in force\n"
    "                     in the year)\n"
    "  -o, --output FILE  the model file to create ('-': standard output)\n"
    "  --refs DIR         reference models folder (default: $EGAF_REFS, installed, source tree)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit status: 0, or 2 (bad usage, unknown agency, FILE exists, unreadable\n"
    "reference models).\n");

static int parse_year(const char *s)
{
    if (strlen(s) != 4 || strspn(s, "0123456789") != 4)
        return -1;
    int y = atoi(s);
    return y >= 1990 && y <= 2100 ? y : -1;
}

static int current_year(void)
{
    time_t now = time(NULL);
    struct tm tm;
    if (now == (time_t)-1 || !localtime_r(&now, &tm))
        return 2026;
    return tm.tm_year + 1900;
}

static void date_text(egaf_date d, char *buf, size_t size)
{
    snprintf(buf, size, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
}

/* Says why code names no agency in year; with a did-you-mean when it names
 * none at all. */
static void unknown_agency(const egaf_refs *refs, const char *code, int year)
{
    const egaf_ref_entry *other = egaf_refs_agency(refs, code, 0);
    if (other && other->kind != EGAF_RK_AGENCY)
        other = NULL;
    char date[16];
    if (other) {
        if (other->valid_to && year > other->valid_to / 10000) {
            date_text(other->valid_to, date, sizeof date);
            error(_("agency '%s' (%s) does not exist in %d: it ended on %s"), code, other->name,
                  year, date);
            if (other->nsuccessors)
                fprintf(stderr, _("hint: in %d, use its successor '%s', or --year %d\n"), year,
                        other->successors[0], other->valid_to / 10000);
        } else {
            date_text(other->valid_from, date, sizeof date);
            error(_("agency '%s' (%s) does not exist in %d: it was formed on %s"), code,
                  other->name, year, date);
            fprintf(stderr, "hint: use --year %d or later\n", other->valid_from / 10000);
        }
        return;
    }
    /* a name ("Lạng Sơn", "Tỉnh Lạng Sơn"): its id */
    const egaf_ref_entry *named[1];
    if (egaf_refs_agencies_named(refs, code, year, named, 1) > 0) {
        error(_("unknown agency '%s' in %d; did you mean '%s' (%s)?"), code, year, named[0]->id,
              named[0]->name);
        return;
    }
    const char **cands = malloc((2 * refs->nentries + 1) * sizeof(*cands));
    size_t n = 0;
    for (size_t i = 0; cands && i < refs->nentries; i++) {
        const egaf_ref_entry *e = refs->entries[i];
        if (e->kind != EGAF_RK_AGENCY || !egaf_ref_valid_in(e, year))
            continue;
        cands[n++] = e->id;
        if (e->organ_code)
            cands[n++] = e->organ_code;
    }
    /* an organ code no source gives: a near code would be another agency's */
    const char *s = cands && !strchr(code, '.') ? egaf_suggest(code, cands, n) : NULL;
    if (strchr(code, '.') && !s)
        error(_("organ code '%s' is not in the reference data; give the agency's id ('egaf refs "
                "list --kind agencies' lists them)"),
              code);
    else if (s)
        error(_("unknown agency '%s' in %d; did you mean '%s'?"), code, year, s);
    else
        error(_("unknown agency '%s' in %d ('egaf refs list' shows the agencies)"), code, year);
    free(cands);
}

static const egaf_ref_framework *pick_framework(const egaf_refs *refs, const char *edition,
                                                int year)
{
    if (!edition) {
        const egaf_ref_framework *f = egaf_init_default_framework(refs, year);
        if (!f)
            error(_("no framework edition is in force in %d; give --framework"), year);
        return f;
    }
    const egaf_ref_framework *f = egaf_refs_framework(refs, edition);
    if (!f) {
        char list[128] = "";
        size_t used = 0;
        for (size_t i = 0; i < refs->nframeworks && used < sizeof list; i++) {
            int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                             refs->frameworks[i]->edition);
            if (w < 0)
                break;
            used += (size_t)w;
        }
        usage_error("init", _("unknown framework edition '%s' (the editions are %s)"), edition,
                    list);
        return NULL;
    }
    if (!egaf_ref_framework_valid_in(f, year)) {
        const egaf_ref_framework *now = egaf_init_default_framework(refs, year);
        if (now)
            error(_("framework %s (%s) is not in force in %d; a %d model follows framework %s"),
                  f->edition, f->instrument ? f->instrument : "", year, year, now->edition);
        else
            error(_("framework %s (%s) is not in force in %d"), f->edition,
                  f->instrument ? f->instrument : "", year);
        return NULL;
    }
    return f;
}

int cmd_init(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    st.no_operands = true;
    const char *agency = NULL, *edition = NULL, *output = NULL, *refs_dir = NULL;
    int year = 0;
    enum { O_YEAR = 1 }; /* the option the loop checks */
    const egaf_option options[] = {
        {"agency", .value = &agency}, {"year", .has_arg = true, .id = O_YEAR},
        {"framework", .value = &edition},
        {"output", 'o', .value = &output}, {"refs", .value = &refs_dir},
        {"help", 'h', .usage = usage}, {.name = NULL},
    };
    for (int opt; (opt = egaf_opt_next(&st, options, "init")) != -1;) {
        switch (opt) {
        case -2:
            return st.exit_code;
        case O_YEAR:
            year = parse_year(st.value);
            if (year < 0)
                return usage_error("init", _("--year takes a year from 1990 to 2100; found '%s'"),
                                   st.value);
            break;
        }
    }
    if (!agency)
        return usage_error("init", _("--agency is required (an organ code or an agency id)"));
    if (!output)
        return usage_error("init", _("-o FILE is required (the model file to create)"));
    bool to_stdout = strcmp(output, "-") == 0;
    struct stat sb;
    if (!to_stdout && lstat(output, &sb) == 0) {
        error(_("'%s' already exists; egaf init never overwrites a file (remove it or choose "
                "another name)"),
              output);
        return EXIT_FAILURE_RUN;
    }
    if (!year)
        year = current_year();
    egaf_refs *refs = egaf_cli_load_refs(cli, refs_dir);
    if (!refs)
        return EXIT_FAILURE_RUN;
    int rc = EXIT_FAILURE_RUN;
    const egaf_ref_entry *e = egaf_refs_agency(refs, agency, year);
    if (e && e->kind != EGAF_RK_AGENCY)
        e = NULL;
    const egaf_ref_framework *f = NULL;
    if (!e)
        unknown_agency(refs, agency, year);
    else
        f = pick_framework(refs, edition, year);
    if (e && f) {
        egaf_buf out;
        egaf_buf_init(&out);
        egaf_init_model(&out, refs, e, year, f);
        if (out.failed)
            error(_("out of memory"));
        else if (egaf_write_output(to_stdout ? NULL : output, &out) == 0)
            rc = EXIT_CLEAN;
        egaf_buf_free(&out);
    }
    egaf_refs_free(refs);
    return rc;
}
