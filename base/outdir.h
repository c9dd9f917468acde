/* outdir.h - writing files beneath an output folder, confined by
 * construction.
 *
 * The folder is opened once; every file and folder under it is then opened
 * relative to that descriptor with openat2(RESOLVE_BENEATH |
 * RESOLVE_NO_SYMLINKS), so no name, however it was made, can reach outside
 * the folder or through a symbolic link. Where the kernel has no openat2
 * (ENOSYS), the same rule is kept by walking the path one component at a
 * time with O_NOFOLLOW. Relative names are checked first as well: no empty,
 * "." or ".." component, no leading '/', each component at most NAME_MAX
 * bytes.
 *
 * Functions return 0 (or a descriptor) on success, -1 with errno set. */
#ifndef EGAF_OUTDIR_H
#define EGAF_OUTDIR_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "base/buf.h"

typedef struct egaf_outdir {
    int fd;    /* the folder, O_PATH | O_DIRECTORY; -1 when closed */
    bool walk; /* openat2 said ENOSYS once: the walk from then on */
} egaf_outdir;

/* Opens an existing folder (the path comes from the user, not a model). */
int egaf_outdir_open(egaf_outdir *out, const char *path);
/* The same, from a descriptor of a folder (out gets its own copy). */
int egaf_outdir_from_fd(egaf_outdir *out, int dirfd);
void egaf_outdir_close(egaf_outdir *out);

/* Whether rel is a relative name egaf writes: components separated by '/',
 * none empty, "." or "..", none longer than NAME_MAX, the whole shorter than
 * PATH_MAX. */
bool egaf_outdir_name_ok(const char *rel);

/* Opens rel beneath the folder with flags (O_CREAT, O_WRONLY, …; O_NOFOLLOW
 * and O_CLOEXEC are added). Returns a descriptor or -1. */
int egaf_outdir_openat(egaf_outdir *out, const char *rel, int flags, mode_t mode);
/* The fallback behind it, used where openat2 is missing; public for its
 * unit test. */
int egaf_outdir_openat_walk(int dirfd, const char *rel, int flags, mode_t mode);

/* Makes the folder rel and every folder above it beneath out (those that
 * exist are kept, when they are folders and not links). */
int egaf_outdir_mkdirs(egaf_outdir *out, const char *rel);
/* Makes the folders above the file rel (none when rel has no '/'). */
int egaf_outdir_parents(egaf_outdir *out, const char *rel);

/* Writes all len bytes to fd, again after EINTR and short writes. Returns 0,
 * or -1 with errno set. */
int egaf_write_all(int fd, const void *data, size_t len);
/* Reads fd to its end, appending to out: 0; 1 when it holds more than max
 * bytes (what was read is then no whole file); -1 on a read error (errno)
 * or when out ran out of memory. */
int egaf_read_all(int fd, size_t max, egaf_buf *out);

/* Writes len bytes as the file rel (mode 0666 less the umask): replaced
 * when it exists, or, with exclusive, refused with EEXIST. */
int egaf_outdir_write(egaf_outdir *out, const char *rel, const void *data, size_t len,
                      bool exclusive);

/* Creates a new file (O_EXCL, mode 0600) or folder (0700) named
 * "<prefix>.tmpXXXXXX" with six random characters directly in out; the name
 * goes to name (size bytes). Returns the file's descriptor (a folder: 0), or
 * -1. */
int egaf_outdir_temp_file(egaf_outdir *out, const char *prefix, char *name, size_t size);
int egaf_outdir_temp_dir(egaf_outdir *out, const char *prefix, char *name, size_t size);

/* A slug: 1 to max characters of [a-z0-9-], usable as a file name part. */
bool egaf_slug_ok(const char *s, size_t max);

#endif
