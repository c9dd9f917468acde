/* source.c - reading input files safely and indexing their lines. */
#include "base/source.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

static int index_lines(egaf_arena *arena, egaf_source *src)
{
    uint32_t n = 1;
    for (const char *p = src->text, *end = src->text + src->len;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        n++;
    /* every entry is written below */
    src->line_starts = egaf_arena_alloc_uncleared(arena, sizeof(uint32_t) * n);
    if (!src->line_starts)
        return -1;
    uint32_t i = 0;
    src->line_starts[i++] = 0;
    for (const char *p = src->text, *end = src->text + src->len;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        src->line_starts[i++] = (uint32_t)(p - src->text + 1);
    src->nlines = n;
    return 0;
}

egaf_source *egaf_source_from_memory(egaf_arena *arena, const char *path, const char *data,
                                     size_t len)
{
    egaf_source *src = egaf_arena_alloc(arena, sizeof(*src));
    if (!src)
        return NULL;
    src->path = egaf_arena_strdup(arena, path);
    char *text = egaf_arena_strndup(arena, data, len);
    if (!src->path || !text)
        return NULL;
    src->text = text;
    src->len = len;
    if (index_lines(arena, src) != 0)
        return NULL;
    return src;
}

static egaf_read_status status_from_errno(int err)
{
    switch (err) {
    case ENOENT:
    case ENOTDIR:
        return EGAF_READ_NOT_FOUND;
    case EACCES:
    case EPERM:
        return EGAF_READ_DENIED;
    case EISDIR:
        return EGAF_READ_DIRECTORY;
    case ENOMEM:
        return EGAF_READ_NO_MEMORY;
    default:
        return EGAF_READ_IO_ERROR;
    }
}

static unsigned long long mtime_ns(const struct stat *st)
{
    return (unsigned long long)st->st_mtim.tv_sec * 1000000000ull +
           (unsigned long long)st->st_mtim.tv_nsec;
}

egaf_read_status egaf_source_read(egaf_arena *arena, const char *path, size_t max_size,
                                  egaf_source **out)
{
    return egaf_source_read_split(arena, arena, path, max_size, out);
}

egaf_read_status egaf_source_read_split(egaf_arena *arena, egaf_arena *text_arena,
                                        const char *path, size_t max_size, egaf_source **out)
{
    *out = NULL;
    /* O_NONBLOCK: opening a FIFO with no writer must not hang; we refuse
     * anything that is not a regular file right after. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return status_from_errno(errno);
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int err = errno;
        close(fd);
        return status_from_errno(err);
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return EGAF_READ_DIRECTORY;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return EGAF_READ_SPECIAL;
    }
    if ((unsigned long long)st.st_size > max_size) {
        close(fd);
        return EGAF_READ_TOO_LARGE;
    }
    size_t size = (size_t)st.st_size;
    char *buf = egaf_arena_alloc_uncleared(text_arena, size + 1); /* read over whole */
    if (!buf) {
        close(fd);
        return EGAF_READ_NO_MEMORY;
    }
    size_t got = 0;
    while (got < size) {
        ssize_t r = read(fd, buf + got, size - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int err = errno;
            close(fd);
            return status_from_errno(err);
        }
        if (r == 0)
            break; /* the file shrank while we read it */
        got += (size_t)r;
    }
    close(fd);
    buf[got] = '\0';
    egaf_source *src = egaf_arena_alloc(arena, sizeof(*src));
    if (!src)
        return EGAF_READ_NO_MEMORY;
    src->path = egaf_arena_strdup(arena, path);
    src->text = buf;
    src->len = got;
    src->from_file = true;
    src->dev = (unsigned long long)st.st_dev;
    src->ino = (unsigned long long)st.st_ino;
    src->mtime_ns = mtime_ns(&st);
    if (!src->path || index_lines(arena, src) != 0)
        return EGAF_READ_NO_MEMORY;
    *out = src;
    return EGAF_READ_OK;
}

egaf_source *egaf_source_copy(egaf_arena *arena, const egaf_source *src)
{
    egaf_source *copy = egaf_arena_alloc(arena, sizeof(*copy));
    if (!copy)
        return NULL;
    *copy = *src;
    copy->path = egaf_arena_strdup(arena, src->path);
    copy->line_starts = egaf_arena_alloc_uncleared(arena, sizeof(uint32_t) * src->nlines);
    if (!copy->path || !copy->line_starts)
        return NULL;
    memcpy(copy->line_starts, src->line_starts, sizeof(uint32_t) * src->nlines);
    if (src->from_file)
        copy->text = NULL;
    else if (src->text && !(copy->text = egaf_arena_strndup(arena, src->text, src->len)))
        return NULL;
    return copy;
}

void egaf_source_release_text(egaf_source *src)
{
    if (src && src->from_file)
        src->text = NULL;
}

/* Reads len bytes at offset from the file again, if it is still the file
 * that was read (same inode, size and modification time). */
static bool reread(const egaf_source *src, size_t offset, size_t len, egaf_buf *buf)
{
    int fd = open(src->path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    bool same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                (unsigned long long)st.st_dev == src->dev &&
                (unsigned long long)st.st_ino == src->ino &&
                (unsigned long long)st.st_size == src->len && mtime_ns(&st) == src->mtime_ns;
    egaf_buf_reset(buf);
    size_t got = 0;
    char chunk[4096];
    while (same && got < len) {
        size_t want = len - got < sizeof chunk ? len - got : sizeof chunk;
        ssize_t r = pread(fd, chunk, want, (off_t)(offset + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            same = false;
            break;
        }
        egaf_buf_add(buf, chunk, (size_t)r);
        got += (size_t)r;
    }
    close(fd);
    return same && !buf->failed;
}

size_t egaf_source_line_length(const egaf_source *src, uint32_t line)
{
    if (!src || line == 0 || line > src->nlines)
        return 0;
    size_t start = src->line_starts[line - 1];
    size_t end = line < src->nlines ? src->line_starts[line] - 1 : src->len;
    return end - start;
}

const char *egaf_source_line(const egaf_source *src, uint32_t line, size_t *len, egaf_buf *buf)
{
    if (!src || line == 0 || line > src->nlines)
        return NULL;
    size_t start = src->line_starts[line - 1];
    size_t end = line < src->nlines ? src->line_starts[line] - 1 : src->len;
    const char *text = src->text ? src->text + start : NULL;
    if (!text) {
        if (!buf || !reread(src, start, end - start, buf))
            return NULL;
        text = buf->len ? buf->data : "";
    }
    if (end > start && text[end - start - 1] == '\r')
        end--;
    *len = end - start;
    return text;
}

void egaf_source_position(const egaf_source *src, size_t offset, uint32_t *line, uint32_t *col)
{
    if (offset > src->len)
        offset = src->len;
    /* binary search for the last line start <= offset */
    uint32_t lo = 0, hi = src->nlines;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (src->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    *line = lo + 1;
    size_t start = src->line_starts[lo];
    /* a BOM opening the file is no column (libyaml does not count it) */
    if (lo == 0 && offset >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    *col = egaf_utf8_count(src->text + start, offset - start) + 1;
}

const char *egaf_read_status_text(egaf_read_status status)
{
    static const char *const texts[] = {
        [EGAF_READ_OK] = "ok",
        [EGAF_READ_NOT_FOUND] = "no such file",
        [EGAF_READ_DENIED] = "permission denied",
        [EGAF_READ_DIRECTORY] = "is a directory",
        [EGAF_READ_SPECIAL] = "not a regular file (FIFO, device or socket)",
        [EGAF_READ_TOO_LARGE] = "file too large",
        [EGAF_READ_IO_ERROR] = "read error",
        [EGAF_READ_NO_MEMORY] = "out of memory"};
    _Static_assert(sizeof texts / sizeof *texts == EGAF_READ_NO_MEMORY + 1,
                   "a text for every read status");
    return (unsigned)status <= EGAF_READ_NO_MEMORY ? texts[status] : "unknown error";
}
