/* rename_fail.c - an LD_PRELOAD shim for the tests of atomic folder swaps.
 *
 * Some file systems (vfat, older NFS and FUSE ones) have no RENAME_EXCHANGE,
 * and export's CSV set then takes its other road: the previous folder renamed
 * aside, the new one renamed in, the previous one put back when that fails.
 * Tests cannot pick a file system, so this shim takes the kernel's place:
 *   EGAF_SHIM_RENAME=no-exchange  renameat2(RENAME_EXCHANGE) fails with EINVAL
 *   EGAF_SHIM_RENAME=no-swap-in   the same, and renaming a temporary folder
 *                                 (a name beginning with '.', not '.old')
 *                                 over EGAF_SHIM_LEAF fails with EIO */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int renameat2_fn(int, const char *, int, const char *, unsigned int);
typedef int renameat_fn(int, const char *, int, const char *);

static const char *mode(void)
{
    const char *m = getenv("EGAF_SHIM_RENAME");
    return m ? m : "";
}

int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
              unsigned int flags)
{
    if ((flags & RENAME_EXCHANGE) && *mode()) {
        errno = EINVAL;
        return -1;
    }
    renameat2_fn *real = (renameat2_fn *)dlsym(RTLD_NEXT, "renameat2");
    return real(olddirfd, oldpath, newdirfd, newpath, flags);
}

int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath)
{
    const char *leaf = getenv("EGAF_SHIM_LEAF");
    if (strcmp(mode(), "no-swap-in") == 0 && leaf && strcmp(newpath, leaf) == 0 &&
        oldpath[0] == '.' && !strstr(oldpath, ".old")) {
        errno = EIO;
        return -1;
    }
    renameat_fn *real = (renameat_fn *)dlsym(RTLD_NEXT, "renameat");
    return real(olddirfd, oldpath, newdirfd, newpath);
}
