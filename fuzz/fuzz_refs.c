/* fuzz_refs.c - libFuzzer target: the reference-model loader
 * (egaf_refs_load) and its queries on arbitrary reference files.
 *
 * refs.h has no from-memory entry point, so each process makes one temporary
 * folder (under $TMPDIR or /tmp, removed at exit) and every run writes the
 * input there as reference files:
 *   - no NUL byte: one file, named by the kind the input declares
 *     ("kind: shared-systems" gives shared-systems.yaml, "kind:
 *     national-databases" national-databases.yaml, "kind: framework"
 *     framework-4.0.yaml), agencies.yaml otherwise;
 *   - NUL bytes: up to four parts, written as agencies.yaml,
 *     shared-systems.yaml, national-databases.yaml and framework-4.0.yaml in
 *     that order, which reaches the checks across files (successors,
 *     editions, owners, data subjects).
 * Files of the previous run are removed first. After loading, every entry,
 * framework and code is looked up again through the query functions, and
 * the findings go through every report writer (report_check.h). */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz/report_check.h"
#include "refs/refs.h"
#include "base/diag.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { NFILES = 4 };

static const char *const file_names[NFILES] = {"agencies.yaml", "shared-systems.yaml",
                                               "national-databases.yaml",
                                               "framework-4.0.yaml"};
static char dir[PATH_MAX];

static void remove_files(void)
{
    char path[PATH_MAX + 64];
    for (int i = 0; i < NFILES; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, file_names[i]);
        if (unlink(path) != 0 && errno != ENOENT) {
            perror(path);
            abort();
        }
    }
}

static void cleanup(void)
{
    if (dir[0]) {
        remove_files();
        rmdir(dir);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/egaf-fuzz-refs.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("fuzz_refs: mkdtemp");
        exit(2);
    }
    atexit(cleanup);
    return 0;
}

static void write_file(const char *name, const char *data, size_t len)
{
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || (len && fwrite(data, 1, len, f) != len) || fclose(f) != 0) {
        perror(path);
        abort();
    }
}

static bool declares(const char *data, size_t size, const char *kind)
{
    return memmem(data, size, kind, strlen(kind)) != NULL;
}

/* Every query on every entry: the results must be the loaded data. */
static void query(const egaf_refs *r)
{
    static const int years[] = {0, 1990, 2019, 2020, 2024, 2025, 2026, 2030, 9999};
    for (size_t i = 0; i < r->nentries; i++) {
        const egaf_ref_entry *e = r->entries[i];
        if (!e->id) {
            fprintf(stderr, "fuzz_refs: entry %zu without an id\n", i);
            abort();
        }
        if (!egaf_refs_find(r, e->id)) {
            fprintf(stderr, "fuzz_refs: loaded entry '%s' is not found by id\n", e->id);
            abort();
        }
        (void)egaf_ref_kind_name(e->kind);
        for (size_t y = 0; y < sizeof years / sizeof years[0]; y++) {
            (void)egaf_ref_valid_in(e, years[y]);
            const char *owner = egaf_ref_owner_in(e, years[y]);
            if (owner)
                (void)strlen(owner);
            if (e->kind == EGAF_RK_AGENCY) {
                (void)egaf_refs_agency(r, e->id, years[y]);
                if (e->organ_code)
                    (void)egaf_refs_agency(r, e->organ_code, years[y]);
            }
        }
        for (size_t k = 0; k < e->nsuccessors; k++)
            (void)egaf_refs_find(r, e->successors[k]);
        for (size_t k = 0; k < e->nowners; k++)
            (void)egaf_refs_agency(r, e->owners[k].agency, 0);
        for (size_t k = 0; k < e->neditions; k++)
            (void)egaf_refs_framework(r, e->editions[k]);
        for (size_t k = 0; k < e->nauthoritative; k++)
            (void)egaf_refs_find(r, e->authoritative_for[k]);
        if (e->authoritative_db)
            (void)egaf_refs_find(r, e->authoritative_db);
    }
    for (size_t i = 0; i < r->nframeworks; i++) {
        const egaf_ref_framework *f = r->frameworks[i];
        if (f->edition && egaf_refs_framework(r, f->edition) == NULL) {
            fprintf(stderr, "fuzz_refs: framework '%s' is not found by edition\n", f->edition);
            abort();
        }
        for (size_t y = 0; y < sizeof years / sizeof years[0]; y++)
            (void)egaf_ref_framework_valid_in(f, years[y]);
        for (int t = 0; t < EGAF_TREE__COUNT; t++)
            for (size_t k = 0; k < f->trees[t].ncodes; k++)
                if (f->trees[t].codes[k].code &&
                    !egaf_ref_code_find(f, (egaf_ref_tree_id)t, f->trees[t].codes[k].code)) {
                    fprintf(stderr, "fuzz_refs: code '%s' is not found in its tree\n",
                            f->trees[t].codes[k].code);
                    abort();
                }
        (void)egaf_ref_code_find(f, EGAF_TREE_BRM, "BRM001");
    }
    (void)egaf_refs_find(r, "");
    (void)egaf_refs_agency(r, "", 0);
    (void)egaf_refs_framework(r, "");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    remove_files();
    if (!memchr(text, '\0', size)) {
        int which = declares(text, size, "kind: shared-systems")       ? 1
                    : declares(text, size, "kind: national-databases") ? 2
                    : declares(text, size, "kind: framework")          ? 3
                                                                       : 0;
        write_file(file_names[which], text, size);
    } else {
        size_t pos = 0;
        for (int i = 0; i < NFILES && pos <= size; i++) {
            const char *nul = memchr(text + pos, '\0', size - pos);
            size_t len = nul && i + 1 < NFILES ? (size_t)(nul - (text + pos)) : size - pos;
            write_file(file_names[i], text + pos, len);
            pos += len + 1;
        }
    }

    egaf_diags *diags = egaf_diags_create();
    if (!diags)
        return 0;
    egaf_refs_status st;
    egaf_refs *r = egaf_refs_load(dir, diags, &st);
    if (r) {
        if (st != EGAF_REFS_OK && st != EGAF_REFS_BROKEN) {
            fprintf(stderr, "fuzz_refs: refs returned with status %d\n", (int)st);
            abort();
        }
        query(r);
    } else if (st == EGAF_REFS_OK || st == EGAF_REFS_BROKEN) {
        fprintf(stderr, "fuzz_refs: no refs but status %d\n", (int)st);
        abort();
    }
    if (!egaf_diags_failed(diags)) {
        egaf_diags_sort(diags);
        rc_run_writers(diags, false, size & 1);
    }
    egaf_refs_free(r);
    egaf_diags_free(diags);
    return 0;
}
