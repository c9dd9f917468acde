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

#include "fuzz/setup.h"
#include "fuzz/report_check.h"
#include "model/model.h"
#include "refs/refs.h"
#include "base/diag.h"
#include "validator/validate.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static egaf_refs *refs;
static egaf_validator *validator;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    refs = load_refs_or_exit("fuzz_validate");
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
    validated_input in;
    if (!validate_input(&in, validator, data, size))
        return 0;
    if (in.n > 0 && !egaf_diags_failed(in.diags)) {
        egaf_diags_add_files(in.diags, in.n);
        egaf_diags_sort(in.diags);
        rc_run_writers(in.diags, size & 1, false);
    }
    free_validated_input(&in);
    return 0;
}
