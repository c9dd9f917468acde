/* find_refs.h - where a fuzz target finds the reference models: $EGAF_REFS,
 * else the source tree's reference-models/ (beside build/fuzz/TARGET, or
 * from the working directory or its parent). For the targets that load
 * them once, in LLVMFuzzerInitialize. */
#ifndef EGAF_FUZZ_FIND_REFS_H
#define EGAF_FUZZ_FIND_REFS_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

#endif
