/* fuzz_site.c - libFuzzer target: the site writer of `egaf consolidate` on
 * models the fuzzer makes, asserting that it writes only inside its folder.
 *
 * The input is up to three models split on NUL bytes (as fuzz_validate.c),
 * loaded from memory as a.yaml, b.yaml and c.yaml (so clashing ids, odd ids
 * and long ids meet), validated with the cross-model checks against the
 * real reference models (found as fuzz_validate.c finds them), then written
 * as a site, without diagrams (they fork a process per diagram), into a new
 * folder sandbox/site.XXXXXX. After each run:
 *  - the sandbox holds nothing but that folder and the canary folder beside
 *    it, and the canary is still empty: nothing was written outside the site;
 *  - the site holds only folders and regular files, no link;
 *  - every model that loaded is published under data/models/<slug>/.
 * A broken invariant aborts with a message, so libFuzzer keeps the input. */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diag.h"
#include "fuzz/setup.h"
#include "model/model.h"
#include "refs/refs.h"
#include "site/site.h"
#include "validator/validate.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static egaf_refs *refs;
static egaf_validator *validator;
static char sandbox[PATH_MAX]; /* per process: site.XXXXXX and canary/ */

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_site: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    abort();
}

static void remove_sandbox(void)
{
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", sandbox);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz_site: cannot remove %s\n", sandbox);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    refs = load_refs_or_exit("fuzz_site");
    validator = egaf_validator_create(refs);
    const char *tmp = getenv("TMPDIR");
    snprintf(sandbox, sizeof sandbox, "%s/egaf-fuzz-site.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    char canary[PATH_MAX + 8];
    if (!validator || !mkdtemp(sandbox)) {
        fprintf(stderr, "fuzz_site: cannot set up\n");
        exit(2);
    }
    snprintf(canary, sizeof canary, "%s/canary", sandbox);
    if (mkdir(canary, 0700) != 0)
        exit(2);
    atexit(remove_sandbox);
    return 0;
}

static const char *site_dir; /* the run's site folder, for the walk */

static int check_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)ftw;
    if (flag == FTW_SL || flag == FTW_SLN || S_ISLNK(st->st_mode))
        die("a symbolic link in the site", path);
    if (flag != FTW_D && flag != FTW_DP && !S_ISREG(st->st_mode))
        die("an entry of the site that is not a file or folder", path);
    if (strncmp(path, site_dir, strlen(site_dir)) != 0)
        die("an entry outside the site", path);
    return 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    return (flag == FTW_DP ? rmdir(path) : unlink(path)) == 0 ? 0 : -1;
}

/* The sandbox holds the site and the empty canary, nothing else. */
static void check_sandbox(const char *site_name)
{
    DIR *d = opendir(sandbox);
    if (!d)
        die("cannot read the sandbox", strerror(errno));
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        const char *n = de->d_name;
        if (strcmp(n, ".") && strcmp(n, "..") && strcmp(n, "canary") && strcmp(n, site_name))
            die("written beside the site", n);
    }
    closedir(d);
    char canary[PATH_MAX + 8];
    snprintf(canary, sizeof canary, "%s/canary", sandbox);
    d = opendir(canary);
    if (!d)
        die("the canary folder is gone", canary);
    while ((de = readdir(d)) != NULL)
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
            die("written into the canary folder", de->d_name);
    closedir(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    validated_input in;
    if (!validate_input(&in, validator, data, size))
        return 0;
    if (in.n > 0) {
        egaf_validate_cross(refs, in.models, in.n, 2020, in.diags);
        egaf_diags_sort(in.diags);
        char site[PATH_MAX];
        snprintf(site, sizeof site, "%s/site.XXXXXX", sandbox);
        if (!mkdtemp(site))
            die("cannot make the site folder", strerror(errno));
        egaf_site_options so = {.year = 2020,
                                .lang = (size & 1) ? EGAF_LANG_EN : EGAF_LANG_VI,
                                .diagrams = false,
                                .version = "fuzz",
                                .label = "fuzz"};
        egaf_diags *rdiags = egaf_diags_create();
        char err[512];
        int rc = rdiags ? egaf_site_write(site, in.models, in.n, refs, in.diags, &so, rdiags,
                                          err, sizeof err)
                        : -1;
        check_sandbox(strrchr(site, '/') + 1);
        site_dir = site;
        if (nftw(site, check_entry, 16, FTW_PHYS) != 0)
            die("cannot walk the site", site);
        if (rc == 0) {
            /* each model that loaded has its source in the site */
            size_t readable = 0;
            for (size_t i = 0; i < in.n; i++)
                readable += in.models[i]->readable;
            char models_dir[PATH_MAX + 16];
            snprintf(models_dir, sizeof models_dir, "%s/data/models", site);
            size_t published = 0;
            DIR *d = opendir(models_dir);
            for (struct dirent *de; d && (de = readdir(d)) != NULL;)
                published += de->d_name[0] != '.';
            if (d)
                closedir(d);
            if (published != readable)
                die("not every loaded model is published", models_dir);
        } else if (!strstr(err, "memory")) {
            die("the site could not be written", err);
        }
        if (nftw(site, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0)
            die("cannot remove the site", site);
        egaf_diags_free(rdiags);
    }
    free_validated_input(&in);
    return 0;
}
