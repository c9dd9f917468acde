/* fuzz_report.c - libFuzzer target: every report writer of
 * validator/report.h (text, json, sarif, junit, github, gitlab) on findings
 * whose text comes from the input.
 *
 * The input is split on NUL bytes into parts, read in order. Each finding
 * takes a control part, then the parts its flags ask for:
 *
 *   control  byte 0: the rule (index into the catalogue)
 *            byte 1: flags: 1 file, 2 element, 4 hint, 8 waived,
 *                    16 positioned by a mark over a source (else by
 *                    file/line/col), 32 a related position,
 *                    64 a second related position
 *            bytes 2-3: line (little-endian), byte 4: column, byte 5: span
 *   file     the path (flag 1); with flag 16 also the source's path
 *   element  (flag 2)
 *   message  always taken; with flag 16 also the source's text, so the
 *            quoted source line comes from the input too
 *   hint     (flag 4); also the related positions' message
 *   waiver   the reason (flag 8)
 *
 * Missing parts are empty. The very first byte of the input also picks a
 * severity override for one rule and the colour/quiet options. After
 * sorting (as the CLI does) every writer runs and report_check.h checks the
 * JSON, XML and GitHub outputs and the fingerprints. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/report_check.h"
#include "base/arena.h"
#include "base/source.h"
#include "base/diag.h"
#include "report/report.h"
#include "base/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_FINDINGS = 64 };

typedef struct parts {
    const char *data;
    size_t size, pos;
    bool done;
} parts;

/* The next NUL-terminated part (data ends with a NUL of its own), or "" when
 * the input is used up. */
static const char *next_part(parts *p, size_t *len)
{
    if (p->pos >= p->size) {
        p->done = true;
        *len = 0;
        return "";
    }
    const char *s = p->data + p->pos;
    size_t n = strlen(s);
    p->pos += n + 1;
    *len = n;
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    /* a copy with a terminating NUL, so every part is a C string */
    char *copy = malloc(size + 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    copy[size] = '\0';

    size_t nrules = 0;
    const egaf_rule *rules = egaf_rules(&nrules);
    egaf_arena *arena = egaf_arena_create();
    egaf_diags *d = egaf_diags_create();
    if (!arena || !d || nrules == 0)
        goto done;

    unsigned char first = (unsigned char)copy[0];
    bool color = first & 1, quiet = first & 2;
    if (first & 4)
        (void)egaf_diags_set_severity(d, rules[(first >> 3) % nrules].id,
                                      (egaf_severity)((first >> 6) & 3));

    parts p = {copy, size, 0, false};
    for (int i = 0; i < MAX_FINDINGS && !p.done; i++) {
        size_t clen;
        const char *ctl = next_part(&p, &clen);
        unsigned char c[6] = {0, 0, 0, 0, 0, 0};
        memcpy(c, ctl, clen < sizeof c ? clen : sizeof c);
        const char *rule = rules[c[0] % nrules].id;
        unsigned flags = c[1];
        unsigned line = c[2] | (unsigned)c[3] << 8;
        unsigned col = c[4], span = c[5];

        size_t len, mlen;
        const char *file = flags & 1 ? next_part(&p, &len) : NULL;
        const char *element = flags & 2 ? next_part(&p, &len) : NULL;
        const char *message = next_part(&p, &mlen);
        const char *hint = flags & 4 ? next_part(&p, &len) : NULL;
        const char *waiver = flags & 8 ? next_part(&p, &len) : NULL;

        egaf_finding *f;
        egaf_source *src = NULL;
        if (flags & 16)
            src = egaf_source_from_memory(arena, file ? file : "", message, mlen);
        if (src) {
            egaf_mark m = {src, line, col, span ? col + span : 0};
            f = egaf_diag(d, rule, &m, element, "%s", message);
        } else {
            f = egaf_diag_at(d, rule, file, line, col, element, "%s", message);
        }
        if (hint)
            egaf_diag_hint(d, f, "%s", hint);
        if (waiver)
            egaf_diag_waive(d, f, waiver);
        if (src && (flags & 32)) {
            egaf_mark r = {src, col, line & 0xff, 0};
            egaf_diag_related(d, f, &r, "%s", hint ? hint : message);
        }
        if (src && (flags & 64)) {
            egaf_mark r = {src, 1, 1, span};
            egaf_diag_related(d, f, &r, "first defined here: %s", element ? element : "");
        }
    }
    if (egaf_diags_failed(d))
        goto done;
    egaf_diags_add_files(d, first >> 4);
    egaf_diags_sort(d);
    (void)egaf_diags_counts(d);

    rc_run_writers(d, color, quiet);

    /* the dispatcher and the format names agree with the writers */
    for (const char *const *name = egaf_report_format_names(); *name; name++) {
        egaf_report_format fmt;
        if (egaf_report_format_parse(*name, &fmt) != 0) {
            fprintf(stderr, "fuzz_report: format name '%s' does not parse\n", *name);
            abort();
        }
        if (fmt == (egaf_report_format)(first % 6)) {
            egaf_buf b;
            egaf_buf_init(&b);
            egaf_report_options opt = {.color = color, .quiet = quiet, .version = "0.0.0-fuzz"};
            egaf_report_write(&b, d, fmt, &opt);
            egaf_buf_free(&b);
        }
    }

done:
    egaf_diags_free(d);
    egaf_arena_free(arena);
    free(copy);
    return 0;
}
