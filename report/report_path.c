/* report_path.c - file paths as CI systems want them: relative to the
 * folder they checked out (the repository root, or --base), never absolute
 * unless the user gave an absolute path outside that folder.
 *
 * Code scanning, GitHub annotations and GitLab Code Quality resolve a path
 * against the repository root; a path as typed ("../examples/x.yaml" from a
 * subfolder, "/home/ci/…") points nowhere there. Paths are made relative by
 * their text ("." and ".." resolved, repeated '/' dropped), not through the
 * file system: the findings name files that were read, and the base and the
 * current folder are resolved once with realpath. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/report.h"

int egaf_report_resolve_base(egaf_report_options *opt, const char *base)
{
    char *work = getcwd(NULL, 0);
    if (!work)
        return -1;
    char *resolved = realpath(base ? base : work, NULL);
    if (!resolved) {
        int saved = errno;
        free(work);
        errno = saved;
        return -1;
    }
    struct stat st;
    if (stat(resolved, &st) != 0 || !S_ISDIR(st.st_mode)) {
        free(work);
        free(resolved);
        errno = ENOTDIR;
        return -1;
    }
    opt->work_dir = work;
    opt->base_dir = resolved;
    opt->base_absolute = base && base[0] == '/';
    opt->base_given = base != NULL;
    return 0;
}

void egaf_report_release_base(egaf_report_options *opt)
{
    free(opt->work_dir);
    free(opt->base_dir);
    opt->work_dir = NULL;
    opt->base_dir = NULL;
    opt->base_absolute = false;
    opt->base_given = false;
}

const char *egaf_report_file(const egaf_report_options *opt, const char *file,
                             egaf_buf *scratch)
{
    if (!file || !opt || !opt->base_given || !opt->base_dir)
        return file;
    egaf_buf_reset(scratch);
    egaf_report_path(scratch, opt, file);
    return scratch->failed || !scratch->data ? file : scratch->data;
}

/* A path split into its segments, "." and ".." resolved: a leading ".."
 * stays when the path is relative, is dropped at the root of an absolute
 * one (as the kernel does). */
typedef struct segments {
    const char **start;
    size_t *len;
    size_t count;
} segments;

static bool is_dotdot(const char *s, size_t n)
{
    return n == 2 && s[0] == '.' && s[1] == '.';
}

static void split_into(segments *seg, const char *path, bool absolute)
{
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        const char *s = p;
        while (*p && *p != '/')
            p++;
        size_t n = (size_t)(p - s);
        if (n == 1 && s[0] == '.')
            continue;
        if (is_dotdot(s, n)) {
            if (seg->count && !is_dotdot(seg->start[seg->count - 1], seg->len[seg->count - 1])) {
                seg->count--;
                continue;
            }
            if (absolute)
                continue;
        }
        seg->start[seg->count] = s;
        seg->len[seg->count] = n;
        seg->count++;
    }
}

static size_t max_segments(const char *path)
{
    size_t n = 1;
    for (; *path; path++)
        n += *path == '/';
    return n;
}

static bool segments_alloc(segments *seg, size_t n)
{
    seg->start = malloc(n * sizeof(*seg->start));
    seg->len = malloc(n * sizeof(*seg->len));
    seg->count = 0;
    return seg->start && seg->len;
}

static void segments_free(segments *seg)
{
    free(seg->start);
    free(seg->len);
}

static void put_segments(egaf_buf *out, const segments *seg, size_t from, bool absolute,
                         size_t ups)
{
    bool any = false;
    if (absolute)
        egaf_buf_putc(out, '/');
    for (size_t i = 0; i < ups; i++) {
        egaf_buf_puts(out, any ? "/.." : "..");
        any = true;
    }
    for (size_t i = from; i < seg->count; i++) {
        if (any)
            egaf_buf_putc(out, '/');
        egaf_buf_add(out, seg->start[i], seg->len[i]);
        any = true;
    }
    if (!any && !absolute)
        egaf_buf_putc(out, '.');
}

bool egaf_report_path(egaf_buf *out, const egaf_report_options *opt, const char *file)
{
    bool absolute = file[0] == '/';
    bool have_base = opt && opt->work_dir && opt->base_dir;
    size_t cap = max_segments(file) + (have_base ? max_segments(opt->work_dir) : 0);
    segments path, base;
    path.start = base.start = NULL;
    path.len = base.len = NULL;
    if (!segments_alloc(&path, cap) ||
        !segments_alloc(&base, have_base ? max_segments(opt->base_dir) : 1)) {
        segments_free(&path);
        segments_free(&base);
        out->failed = true;
        return !absolute;
    }
    bool relative = !absolute;
    if (!have_base) {
        split_into(&path, file, absolute);
        put_segments(out, &path, 0, absolute, 0);
    } else {
        if (!absolute)
            split_into(&path, opt->work_dir, true);
        split_into(&path, file, true);
        split_into(&base, opt->base_dir, true);
        size_t common = 0;
        while (common < path.count && common < base.count &&
               path.len[common] == base.len[common] &&
               memcmp(path.start[common], base.start[common], path.len[common]) == 0)
            common++;
        if (common == base.count || !absolute) {
            put_segments(out, &path, common, false, base.count - common);
            relative = true;
        } else {
            put_segments(out, &path, 0, true, 0);
        }
    }
    segments_free(&path);
    segments_free(&base);
    return relative;
}
