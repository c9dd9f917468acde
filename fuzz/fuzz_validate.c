/* fuzz_validate.c - libFuzzer target: the model loader and every check of
 * egaf_validate() against the real reference models, then every report
 * writer on the findings.
 *
 * The reference models are loaded once, in LLVMFuzzerInitialize, from
 * $EGAF_REFS, else from the source tree's reference-models/ (found beside
 * the executable, build/fuzz/validate, or from the working directory or its
 * parent); the target refuses to start when they are missing or broken.
 *
 * The input is one model, or up to three split on NUL bytes (NUL is never
 * valid YAML, so nothing is lost), loaded as a.yaml, b.yaml and c.yaml and
 * validated in one run, which reaches the checks of references between
 * architectures. The findings are sorted and rendered by every writer, and
 * report_check.h checks the outputs. */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/find_refs.h"
#include "fuzz/report_check.h"
#include "model/model.h"
#include "refs/refs.h"
#include "base/diag.h"
#include "validator/validate.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_MODELS = 3 };

static egaf_refs *refs;
static egaf_validator *validator;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = find_refs();
    if (!dir) {
        fprintf(stderr, "fuzz_validate: reference models not found: set EGAF_REFS\n");
        exit(2);
    }
    egaf_diags *diags = egaf_diags_create();
    egaf_refs_status st = EGAF_REFS_NO_MEMORY;
    refs = diags ? egaf_refs_load(dir, diags, &st) : NULL;
    if (!refs || st != EGAF_REFS_OK) {
        fprintf(stderr, "fuzz_validate: the reference models in '%s' are %s (%zu findings)\n",
                dir, st == EGAF_REFS_NOT_FOUND ? "missing" : "broken",
                diags ? egaf_diags_count(diags) : (size_t)0);
        exit(2);
    }
    egaf_diags_free(diags);
    validator = egaf_validator_create(refs);
    if (!validator) {
        fprintf(stderr, "fuzz_validate: cannot create the validator\n");
        exit(2);
    }
    /* refs and validator live until exit: libFuzzer has no teardown hook */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[MAX_MODELS] = {"a.yaml", "b.yaml", "c.yaml"};
    const char *text = (const char *)data;
    egaf_diags *diags = egaf_diags_create();
    if (!diags)
        return 0;
    egaf_model *models[MAX_MODELS] = {NULL, NULL, NULL};
    size_t n = 0, pos = 0;
    while (n < MAX_MODELS) {
        const char *nul = memchr(text + pos, '\0', size - pos);
        size_t len = nul && n + 1 < MAX_MODELS ? (size_t)(nul - (text + pos)) : size - pos;
        models[n] = egaf_model_load_memory(names[n], text + pos, len, NULL, diags);
        if (!models[n])
            break;
        n++;
        pos += len;
        if (pos >= size)
            break;
        pos++; /* the NUL */
    }
    if (n > 0) {
        egaf_validate(validator, models, n, diags);
        if (!egaf_diags_failed(diags)) {
            egaf_diags_add_files(diags, n);
            egaf_diags_sort(diags);
            rc_run_writers(diags, size & 1, false);
        }
    }
    for (size_t i = 0; i < n; i++)
        egaf_model_free(models[i]);
    egaf_diags_free(diags);
    return 0;
}
