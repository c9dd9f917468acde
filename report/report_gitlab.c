/* report_gitlab.c - GitLab Code Quality JSON, and the fingerprints it shares
 * with SARIF.
 *
 * A Code Quality report is an array of issues {description, check_name,
 * fingerprint, severity, location {path, lines {begin}}}. GitLab compares
 * fingerprints between the merge request and its target branch to show new
 * and fixed issues, so they must not depend on the line: they hash the rule,
 * the file and the element (see egaf_report_fingerprints).
 *
 * Waived findings are left out: GitLab has no notion of a suppressed issue,
 * and listing them would show accepted findings as open. Findings about no
 * file (run-wide ones) get the path "." since GitLab requires a path.
 * location.path is relative to the base (egaf_report_path: --base, else the
 * current folder): GitLab links it to the file in the repository. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

/* FNV-1a, 128 bits: for each byte, h ^= byte, then h *= p (mod 2^128) with
 * p = 2^88 + 0x13b. h is kept as four 32-bit limbs, least significant first,
 * so the product needs no 128-bit integer type. */
typedef struct fnv128 {
    uint32_t w[4];
} fnv128;

static void fnv128_init(fnv128 *h)
{
    /* offset basis 0x6c62272e07bb014262b821756295c58d */
    h->w[3] = 0x6c62272eu;
    h->w[2] = 0x07bb0142u;
    h->w[1] = 0x62b82175u;
    h->w[0] = 0x6295c58du;
}

static void fnv128_update(fnv128 *h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h->w[0] ^= p[i];
        /* h * 0x13b */
        uint32_t low[4];
        uint64_t carry = 0;
        for (int k = 0; k < 4; k++) {
            uint64_t t = (uint64_t)h->w[k] * 0x13bu + carry;
            low[k] = (uint32_t)t;
            carry = t >> 32;
        }
        /* h << 88: bits of limbs 0 and 1 land in limbs 2 and 3 */
        uint32_t high2 = h->w[0] << 24;
        uint32_t high3 = (h->w[1] << 24) | (h->w[0] >> 8);
        uint64_t t = (uint64_t)low[2] + high2;
        h->w[0] = low[0];
        h->w[1] = low[1];
        h->w[2] = (uint32_t)t;
        h->w[3] = low[3] + high3 + (uint32_t)(t >> 32);
    }
}

static void fnv128_hex(const fnv128 *h, char out[33])
{
    static const char digits[] = "0123456789abcdef";
    for (int k = 3, o = 0; k >= 0; k--)
        for (int shift = 28; shift >= 0; shift -= 4)
            out[o++] = digits[(h->w[k] >> shift) & 0xf];
    out[32] = '\0';
}

void egaf_fnv1a128_hex(const void *data, size_t len, char out[33])
{
    fnv128 h;
    fnv128_init(&h);
    fnv128_update(&h, data, len);
    fnv128_hex(&h, out);
}

/* The key of a finding: rule, file and element (or the message when the
 * finding names no element), each followed by a NUL so that no two different
 * triples run together into the same bytes. */
static fnv128 finding_key(const egaf_finding *f)
{
    const char *parts[3] = {f->rule, f->file ? f->file : "",
                            f->element ? f->element : f->message};
    fnv128 h;
    fnv128_init(&h);
    for (int i = 0; i < 3; i++)
        fnv128_update(&h, parts[i], strlen(parts[i]) + 1);
    return h;
}

typedef struct keyed {
    fnv128 h;
    size_t index;
} keyed;

static int compare_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    for (int k = 3; k >= 0; k--)
        if (x->h.w[k] != y->h.w[k])
            return x->h.w[k] < y->h.w[k] ? -1 : 1;
    return x->index < y->index ? -1 : (x->index > y->index);
}

egaf_fingerprint *egaf_report_fingerprints(const egaf_diags *diags)
{
    size_t n = egaf_diags_count(diags);
    if (n == 0)
        return NULL;
    egaf_fingerprint *out = calloc(n, sizeof(*out));
    keyed *keys = malloc(n * sizeof(*keys));
    if (!out || !keys) {
        free(out);
        free(keys);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        keys[i].h = finding_key(egaf_diags_at(diags, i));
        keys[i].index = i;
    }
    /* Findings with the same key are numbered in report order; the first
     * keeps the plain hash, the n-th has "#n" mixed in. */
    qsort(keys, n, sizeof(*keys), compare_keyed);
    size_t repeat = 1;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && memcmp(keys[i].h.w, keys[i - 1].h.w, sizeof(keys[i].h.w)) == 0)
            repeat++;
        else
            repeat = 1;
        fnv128 h = keys[i].h;
        if (repeat > 1) {
            char suffix[32];
            int len = snprintf(suffix, sizeof suffix, "#%zu", repeat);
            fnv128_update(&h, suffix, (size_t)len);
        }
        fnv128_hex(&h, out[keys[i].index].hex);
    }
    free(keys);
    return out;
}

/* Code Climate's names, which GitLab reads */
static const char *gitlab_severity(egaf_severity s)
{
    return egaf_report_severity_pick(s, "major", "minor", "info");
}

void egaf_report_gitlab(egaf_buf *out, const egaf_diags *diags, const egaf_report_options *opt)
{
    size_t n = egaf_diags_count(diags);
    egaf_fingerprint *fp = egaf_report_fingerprints(diags);
    if (n && !fp) {
        out->failed = true;
        return;
    }
    egaf_buf_putc(out, '[');
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        const egaf_finding *f = egaf_diags_at(diags, i);
        if (f->waiver)
            continue;
        egaf_buf_puts(out, first ? "\n  {\"description\": " : ",\n  {\"description\": ");
        first = false;
        if (f->hint) {
            egaf_buf b;
            egaf_buf_init(&b);
            egaf_buf_printf(&b, "%s (hint: %s)", f->message, f->hint);
            egaf_buf_json_string(out, b.failed ? f->message : b.data);
            if (b.failed)
                out->failed = true;
            egaf_buf_free(&b);
        } else {
            egaf_buf_json_string(out, f->message);
        }
        egaf_buf_puts(out, ", \"check_name\": ");
        egaf_buf_json_string(out, f->rule);
        egaf_buf_printf(out, ", \"fingerprint\": \"%s\", \"severity\": \"%s\"", fp[i].hex,
                        gitlab_severity(f->severity));
        egaf_buf_puts(out, ", \"location\": {\"path\": ");
        egaf_buf path;
        egaf_buf_init(&path);
        egaf_report_path(&path, opt, f->file ? f->file : ".");
        if (path.failed)
            out->failed = true;
        else
            egaf_buf_json_string(out, path.data);
        egaf_buf_free(&path);
        egaf_buf_printf(out, ", \"lines\": {\"begin\": %u}}}", f->line ? f->line : 1);
    }
    egaf_buf_puts(out, first ? "]\n" : "\n]\n");
    free(fp);
}
