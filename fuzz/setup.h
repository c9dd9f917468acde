/* setup.h - what the fuzz targets share: finding and loading the reference
 * models once per process ($EGAF_REFS, else the source tree's
 * reference-models/ beside build/fuzz/TARGET, or from the working directory
 * or its parent), and splitting an input into up to a few models on NUL
 * bytes (NUL is never valid YAML, so nothing is lost). */
#ifndef EGAF_FUZZ_SETUP_H
#define EGAF_FUZZ_SETUP_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diag.h"
#include "model/model.h"
#include "refs/refs.h"
#include "validator/validate.h"

static inline bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder of the reference models, in a static buffer, or NULL. */
static inline const char *find_refs(void)
{
    static char path[PATH_MAX];
    const char *env = getenv("EGAF_REFS");
    if (env && *env)
        return is_dir(env) ? env : NULL;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            /* build/fuzz/validate: the tree is two levels up */
            snprintf(path, sizeof path, "%s/../../reference-models", exe);
            if (is_dir(path))
                return path;
        }
    }
    static const char *const guesses[] = {"reference-models", "../reference-models", NULL};
    for (int i = 0; guesses[i]; i++)
        if (is_dir(guesses[i]))
            return guesses[i];
    return NULL;
}

/* The reference models for the whole process (libFuzzer has no teardown
 * hook, so they live until exit); exits 2, naming target, when they are
 * missing or broken. */
static inline egaf_refs *load_refs_or_exit(const char *target)
{
    const char *dir = find_refs();
    if (!dir) {
        fprintf(stderr, "%s: reference models not found: set EGAF_REFS\n", target);
        exit(2);
    }
    egaf_diags *diags = egaf_diags_create();
    egaf_refs_status st = EGAF_REFS_NO_MEMORY;
    egaf_refs *refs = diags ? egaf_refs_load(dir, diags, &st) : NULL;
    if (!refs || st != EGAF_REFS_OK) {
        fprintf(stderr, "%s: the reference models in '%s' are %s (%zu findings)\n", target, dir,
                st == EGAF_REFS_NOT_FOUND ? "missing" : "broken",
                diags ? egaf_diags_count(diags) : (size_t)0);
        exit(2);
    }
    egaf_diags_free(diags);
    return refs;
}

/* Loads up to max (at most 3) models from data split on NUL bytes, as
 * a.yaml, b.yaml and c.yaml, from memory; returns how many loaded. */
static inline size_t load_split_models(const uint8_t *data, size_t size, egaf_model **models,
                                       size_t max, egaf_diags *diags)
{
    static const char *const names[] = {"a.yaml", "b.yaml", "c.yaml"};
    const char *text = (const char *)data;
    size_t n = 0, pos = 0;
    if (max > 3)
        max = 3;
    while (n < max) {
        const char *nul = memchr(text + pos, '\0', size - pos);
        size_t len = nul && n + 1 < max ? (size_t)(nul - (text + pos)) : size - pos;
        models[n] = egaf_model_load_memory(names[n], text + pos, len, NULL, diags);
        if (!models[n])
            break;
        n++;
        pos += len;
        if (pos >= size)
            break;
        pos++; /* the NUL */
    }
    return n;
}

/* An input's models, split and loaded as load_split_models does, and the
 * findings of validating them. */
typedef struct validated_input {
    egaf_model *models[3];
    size_t n;
    egaf_diags *diags;
} validated_input;

/* Loads the models of an input into in and validates them with validator;
 * false when out of memory (then in holds nothing to free). */
static inline bool validate_input(validated_input *in, egaf_validator *validator,
                                  const uint8_t *data, size_t size)
{
    in->n = 0;
    in->diags = egaf_diags_create();
    if (!in->diags)
        return false;
    in->n = load_split_models(data, size, in->models, 3, in->diags);
    if (in->n > 0)
        egaf_validate(validator, in->models, in->n, in->diags);
    return true;
}

static inline void free_validated_input(validated_input *in)
{
    for (size_t i = 0; i < in->n; i++)
        egaf_model_free(in->models[i]);
    egaf_diags_free(in->diags);
}

#endif
