/* outdir.c - files beneath an output folder, opened relative to its
 * descriptor (outdir.h says why). */
#include "base/outdir.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/openat2.h>

int egaf_outdir_open(egaf_outdir *out, const char *path)
{
    out->fd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
    out->walk = false;
    return out->fd < 0 ? -1 : 0;
}

int egaf_outdir_from_fd(egaf_outdir *out, int dirfd)
{
    out->fd = fcntl(dirfd, F_DUPFD_CLOEXEC, 0);
    out->walk = false;
    return out->fd < 0 ? -1 : 0;
}

void egaf_outdir_close(egaf_outdir *out)
{
    if (out->fd >= 0)
        close(out->fd);
    out->fd = -1;
}

bool egaf_outdir_name_ok(const char *rel)
{
    if (!rel || !*rel || rel[0] == '/' || strlen(rel) >= PATH_MAX)
        return false;
    for (const char *p = rel;;) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (len == 0 || len > NAME_MAX || (len == 1 && p[0] == '.') ||
            (len == 2 && p[0] == '.' && p[1] == '.'))
            return false;
        if (!slash)
            return true;
        p = slash + 1;
    }
}

/* A copy of rel to cut into its components; NULL with errno EINVAL when rel
 * is not a name below the folder (egaf_outdir_name_ok). */
static char *components_copy(const char *rel)
{
    if (!egaf_outdir_name_ok(rel)) {
        errno = EINVAL;
        return NULL;
    }
    return strdup(rel);
}

/* One component at a time, each folder opened with O_NOFOLLOW: a link on
 * the way is refused (ELOOP or ENOTDIR), so is "..". */
int egaf_outdir_openat_walk(int dirfd, const char *rel, int flags, mode_t mode)
{
    char *copy = components_copy(rel);
    if (!copy)
        return -1;
    int cur = dirfd;
    char *p = copy;
    int fd = -1;
    for (;;) {
        char *slash = strchr(p, '/');
        if (!slash) {
            fd = openat(cur, p, flags | O_NOFOLLOW | O_CLOEXEC, mode);
            break;
        }
        *slash = '\0';
        int next = openat(cur, p, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0)
            break;
        if (cur != dirfd)
            close(cur);
        cur = next;
        p = slash + 1;
    }
    int err = errno;
    if (cur != dirfd)
        close(cur);
    free(copy);
    errno = err;
    return fd;
}

int egaf_outdir_openat(egaf_outdir *out, const char *rel, int flags, mode_t mode)
{
    if (!egaf_outdir_name_ok(rel)) {
        errno = EINVAL;
        return -1;
    }
#ifdef SYS_openat2
    if (out->walk)
        return egaf_outdir_openat_walk(out->fd, rel, flags, mode);
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (uint64_t)(unsigned)(flags | O_NOFOLLOW | O_CLOEXEC);
    how.mode = (flags & O_CREAT) ? mode : 0;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    long fd = syscall(SYS_openat2, out->fd, rel, &how, sizeof how);
    if (fd >= 0 || errno != ENOSYS)
        return (int)fd;
    out->walk = true; /* asked once, not for every file */
#endif
    return egaf_outdir_openat_walk(out->fd, rel, flags, mode);
}

int egaf_outdir_mkdirs(egaf_outdir *out, const char *rel)
{
    char *copy = components_copy(rel);
    if (!copy)
        return -1;
    egaf_outdir cur = {out->fd, out->walk};
    int rc = 0;
    for (char *p = copy; rc == 0 && p;) {
        char *slash = strchr(p, '/');
        if (slash)
            *slash = '\0';
        if (mkdirat(cur.fd, p, 0777) != 0 && errno != EEXIST) {
            rc = -1;
            break;
        }
        int next = egaf_outdir_openat(&cur, p, O_PATH | O_DIRECTORY, 0);
        out->walk = cur.walk;
        if (next < 0) {
            rc = -1;
            break;
        }
        if (cur.fd != out->fd)
            close(cur.fd);
        cur.fd = next;
        p = slash ? slash + 1 : NULL;
    }
    int err = errno;
    if (cur.fd != out->fd)
        close(cur.fd);
    free(copy);
    errno = err;
    return rc;
}

int egaf_outdir_parents(egaf_outdir *out, const char *rel)
{
    const char *slash = strrchr(rel, '/');
    if (!slash)
        return 0;
    char *dir = strndup(rel, (size_t)(slash - rel));
    if (!dir)
        return -1;
    int rc = egaf_outdir_mkdirs(out, dir);
    int err = errno;
    free(dir);
    errno = err;
    return rc;
}

int egaf_write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

int egaf_read_all(int fd, size_t max, egaf_buf *out)
{
    char chunk[65536];
    size_t start = out->len;
    for (;;) {
        ssize_t r = read(fd, chunk, sizeof chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            return out->failed ? -1 : 0;
        if (out->len - start + (size_t)r > max)
            return 1;
        egaf_buf_add(out, chunk, (size_t)r);
    }
}

int egaf_outdir_write(egaf_outdir *out, const char *rel, const void *data, size_t len,
                      bool exclusive)
{
    int flags = O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC);
    int fd = egaf_outdir_openat(out, rel, flags, 0666);
    if (fd < 0)
        return -1;
    int rc = egaf_write_all(fd, data, len);
    int err = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        err = errno;
    }
    errno = err;
    return rc;
}

/* "<prefix>.tmp" and six random letters or digits. */
static int temp_name(const char *prefix, char *name, size_t size)
{
    static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    unsigned char rnd[6];
    if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd)
        return -1;
    char tail[7];
    for (size_t i = 0; i < 6; i++)
        tail[i] = chars[rnd[i] % (sizeof chars - 1)];
    tail[6] = '\0';
    int n = snprintf(name, size, "%s.tmp%s", prefix, tail);
    if (n < 0 || (size_t)n >= size || strchr(prefix, '/') || !egaf_outdir_name_ok(name)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

int egaf_outdir_temp_file(egaf_outdir *out, const char *prefix, char *name, size_t size)
{
    for (int tries = 0; tries < 100; tries++) {
        if (temp_name(prefix, name, size) != 0)
            return -1;
        int fd = egaf_outdir_openat(out, name, O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

int egaf_outdir_temp_dir(egaf_outdir *out, const char *prefix, char *name, size_t size)
{
    for (int tries = 0; tries < 100; tries++) {
        if (temp_name(prefix, name, size) != 0)
            return -1;
        if (mkdirat(out->fd, name, 0700) == 0)
            return 0;
        if (errno != EEXIST)
            return -1;
    }
    return -1;
}

bool egaf_slug_ok(const char *s, size_t max)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n > max)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return false;
    return true;
}
