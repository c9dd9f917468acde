/* site_editions.c - the earlier editions a site keeps: with --previous SITE
 * (a site egaf wrote), that site's pages are copied under
 * editions/<its year>/ and the editions it kept itself under
 * editions/<year>/ beside them, flattened, so every edition is one folder
 * of editions/ (the previous site's own pages win over a copy of the same
 * year). The kept pages are the bytes as published, except that the
 * previous index's links to its editions ("editions/2020/index.html") now
 * point at the sibling folders ("../2020/index.html").
 *
 * The previous site is input like any other: it is read beneath the folder
 * the user named, one component at a time with O_NOFOLLOW, so no link is
 * followed; only folders and regular files are copied (a link, a FIFO, a
 * device is left out with a notice), up to a depth, a size per file and a
 * total; names that are not plain file names ([A-Za-z0-9._-], not starting
 * with '.') are left out, and so are the hidden files (the marker .egaf-site
 * and the diagram cache). Every file is written through the site's confined
 * writer. A folder name made here is "editions/" and a year checked to be
 * 1990-2100, never text read from a file. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "base/grow.h"
#include "base/i18n.h"
#include "site/site_priv.h"

/* Limits of what is kept: folders deep, bytes per file and in all, files. */
#define KEEP_DEPTH 8
#define KEEP_FILE_MAX (256u << 20)
#define KEEP_TOTAL_MAX (8ull << 30)
#define KEEP_FILES_MAX 500000u

typedef struct keeping {
    egaf_site *s;
    unsigned long long bytes;
    size_t files;
    bool full; /* a total limit was reached: nothing more is copied */
} keeping;

static void notice(egaf_site *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void notice(egaf_site *s, const char *fmt, ...)
{
    if (!s->opt->notice)
        return;
    char msg[PATH_MAX + 256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    s->opt->notice(s->opt->notice_ctx, msg);
}

/* A name that is kept as it is: letters, digits, '.', '_', '-', not
 * starting with '.'. */
static bool plain_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > NAME_MAX || name[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return false;
    }
    return true;
}

/* A year as a folder name: four digits, 1990-2100. */
static int year_of_name(const char *name)
{
    if (strlen(name) != 4)
        return 0;
    for (int i = 0; i < 4; i++)
        if (name[i] < '0' || name[i] > '9')
            return 0;
    int y = atoi(name);
    return y >= 1990 && y <= 2100 ? y : 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

enum { LIST_OK = 0, LIST_UNREADABLE = -1, LIST_NO_MEMORY = -2 };

/* The names in the folder fd (not closed), sorted, "." and ".." left out,
 * in *names (*n of them): LIST_OK, else nothing is listed. */
static int list_folder(int fd, char ***names, size_t *n)
{
    *names = NULL;
    *n = 0;
    int dup_fd = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
    if (!d) {
        if (dup_fd >= 0)
            close(dup_fd);
        return LIST_UNREADABLE;
    }
    char **list = NULL;
    size_t count = 0, cap = 0;
    bool oom = false;
    struct dirent *de;
    while (!oom && (de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        char *name = strdup(de->d_name);
        oom = !name || !EGAF_PUSH(list, count, cap, 32, name);
        if (oom)
            free(name);
    }
    closedir(d);
    if (oom) {
        free_names(list, count);
        return LIST_NO_MEMORY;
    }
    if (list)
        qsort(list, count, sizeof(*list), compare_names);
    *names = list;
    *n = count;
    return LIST_OK;
}

/* After list_folder: LIST_OK; a folder that cannot be read is said (and
 * left out); -1 after saying that memory ran out. */
static int listed(egaf_site *s, int status, const char *shown)
{
    if (status == LIST_UNREADABLE)
        notice(s, _("the earlier edition's '%s' is not kept: it cannot be read"), shown);
    else if (status == LIST_NO_MEMORY)
        return site_fail(s, _("out of memory")), -1;
    return 0;
}

/* "href=\"editions/" becomes "href=\"../": the kept index's links to the
 * editions it kept lead to their folders beside it. Model text cannot make
 * that sequence: a quote in it is written &quot;. */
static void relink(egaf_buf *page)
{
    static const char from[] = "href=\"editions/", to[] = "href=\"../";
    const size_t fl = sizeof from - 1, tl = sizeof to - 1;
    if (!page->data || page->len < fl)
        return;
    size_t w = 0;
    for (size_t r = 0; r < page->len;) {
        if (r + fl <= page->len && memcmp(page->data + r, from, fl) == 0) {
            memcpy(page->data + w, to, tl);
            w += tl;
            r += fl;
        } else {
            page->data[w++] = page->data[r++];
        }
    }
    page->len = w;
    page->data[w] = '\0';
}

static bool is_html(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".html") == 0;
}

/* Copies the regular file name of the folder fd to dst; shown names it in
 * notices. Returns -1 only when the site could not be written. */
static int keep_file(keeping *k, int fd, const char *name, const char *shown, const char *dst,
                     bool relink_page)
{
    egaf_site *s = k->s;
    /* O_NONBLOCK: a FIFO put there after the folder was listed does not
     * hang the run; it is seen as no regular file below */
    int in = openat(fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (in < 0 || fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (in >= 0)
            close(in);
        notice(s, _("the earlier edition's '%s' is not kept: it is not a regular file"), shown);
        return 0;
    }
    if ((unsigned long long)st.st_size > KEEP_FILE_MAX) {
        close(in);
        notice(s, _("the earlier edition's '%s' is not kept: it is larger than %u MiB"), shown,
               KEEP_FILE_MAX >> 20);
        return 0;
    }
    if (k->files >= KEEP_FILES_MAX || k->bytes + (unsigned long long)st.st_size > KEEP_TOTAL_MAX) {
        close(in);
        k->full = true;
        notice(s, _("the earlier editions are not kept from '%s' on: they hold more than %u files "
                    "or %llu GiB"),
               shown, KEEP_FILES_MAX, KEEP_TOTAL_MAX >> 30);
        return 0;
    }
    egaf_buf content;
    egaf_buf_init(&content);
    int r = egaf_read_all(in, KEEP_FILE_MAX, &content);
    close(in);
    int rc = 0;
    if (r != 0) {
        notice(s, _("the earlier edition's '%s' is not kept: it cannot be read whole"), shown);
    } else {
        if (relink_page)
            relink(&content);
        k->files++;
        k->bytes += content.len;
        /* folders are made for the files they hold: none stays empty */
        if (egaf_outdir_parents(&s->out, dst) != 0) {
            site_fail(s, _("cannot make folder '%s/%s': %s"), s->dir, dst, strerror(errno));
            rc = -1;
        } else {
            rc = site_write_file(s, dst, &content);
        }
    }
    egaf_buf_free(&content);
    return rc;
}

/* Copies the folder fd (its entries, sorted) to the folder dst of the
 * site (made when a file is copied into it). top: the previous site's own folder (its editions/ is kept apart,
 * its pages relinked). */
static int keep_folder(keeping *k, int fd, const char *shown, const char *dst, int depth, bool top)
{
    egaf_site *s = k->s;
    size_t n;
    char **names;
    int status = list_folder(fd, &names, &n);
    if (status != LIST_OK)
        return listed(s, status, shown);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0 && !k->full; i++) {
        const char *name = names[i];
        if (name[0] == '.' || (top && strcmp(name, "editions") == 0))
            continue; /* hidden (marker, cache), or kept apart */
        char *sub_shown = egaf_arena_printf(s->arena, "%s/%s", shown, name);
        if (!sub_shown) {
            site_fail(s, _("out of memory"));
            rc = -1;
            break;
        }
        if (!plain_name(name)) {
            notice(s, _("the earlier edition's '%s' is not kept: its name is not a plain file name"),
                   sub_shown);
            continue;
        }
        char sub_dst[PATH_MAX];
        int len = snprintf(sub_dst, sizeof sub_dst, "%s/%s", dst, name);
        if (len < 0 || (size_t)len >= sizeof sub_dst) {
            notice(s, _("the earlier edition's '%s' is not kept: its name is too long"), sub_shown);
            continue;
        }
        struct stat st;
        if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            notice(s, _("the earlier edition's '%s' is not kept: it cannot be read"), sub_shown);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (depth >= KEEP_DEPTH) {
                notice(s, _("the earlier edition's '%s' is not kept: it is more than %d folders "
                            "deep"),
                       sub_shown, KEEP_DEPTH);
                continue;
            }
            int sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub < 0) {
                notice(s, _("the earlier edition's '%s' is not kept: it cannot be read"),
                       sub_shown);
                continue;
            }
            rc = keep_folder(k, sub, sub_shown, sub_dst, depth + 1, false);
            close(sub);
        } else if (S_ISREG(st.st_mode)) {
            rc = keep_file(k, fd, name, sub_shown, sub_dst, top && is_html(name));
        } else {
            notice(s, _("the earlier edition's '%s' is not kept: it is not a regular file"),
                   sub_shown);
        }
    }
    free_names(names, n);
    return rc;
}

/* The year of the site in the folder fd, from its data/consolidated.json
 * ("year"), or 0. */
static int site_year(int fd)
{
    egaf_outdir prev = {fd, false};
    int in = egaf_outdir_openat(&prev, "data/consolidated.json", O_RDONLY | O_NONBLOCK, 0);
    struct stat st;
    if (in < 0)
        return 0;
    int year = 0;
    egaf_buf text;
    egaf_buf_init(&text);
    if (fstat(in, &st) == 0 && S_ISREG(st.st_mode) && egaf_read_all(in, KEEP_FILE_MAX, &text) == 0 &&
        text.data) {
        json_t *root = json_loadb(text.data, text.len, 0, NULL);
        json_t *y = root ? json_object_get(root, "year") : NULL;
        if (json_is_integer(y) && json_integer_value(y) >= 1990 && json_integer_value(y) <= 2100)
            year = (int)json_integer_value(y);
        json_decref(root);
    }
    close(in);
    egaf_buf_free(&text);
    return year;
}

static void add_edition(egaf_site *s, int year)
{
    for (size_t i = 0; i < s->neditions; i++)
        if (s->editions[i] == year)
            return;
    if (s->neditions < SITE_MAX_EDITIONS)
        s->editions[s->neditions++] = year;
}

static int newest_first(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x < y) - (x > y);
}

/* Whether the folder dst of the site holds index.html: an edition that
 * can be opened. */
static bool has_index(egaf_site *s, int year)
{
    char rel[64];
    snprintf(rel, sizeof rel, "editions/%d/index.html", year);
    return site_has_file(s, rel);
}

int site_keep_editions(egaf_site *s)
{
    const char *path = s->opt->previous_site;
    if (!path)
        return 0;
    egaf_outdir prev;
    if (egaf_outdir_open(&prev, path) != 0) {
        notice(s, _("the earlier editions in '%s' are not kept: %s"), path, strerror(errno));
        return 0;
    }
    int json_year = site_year(prev.fd);
    if (json_year)
        s->previous_year = json_year;
    int own = s->previous_year;
    keeping k = {s, 0, 0, false};
    int rc = 0;
    /* the editions it kept itself, older than this one and than its own */
    char shown_editions[PATH_MAX];
    snprintf(shown_editions, sizeof shown_editions, "%s/editions", path);
    int ed = egaf_outdir_openat(&prev, "editions", O_RDONLY | O_DIRECTORY, 0);
    if (ed < 0 && errno != ENOENT)
        notice(s, _("the earlier edition's '%s' is not kept: it is not a folder"), shown_editions);
    if (ed >= 0) {
        size_t n;
        char **names;
        rc = listed(s, list_folder(ed, &names, &n), shown_editions);
        for (size_t i = 0; i < n && rc == 0 && !k.full; i++) {
            int y = year_of_name(names[i]);
            if (!y || y >= s->year || y == own)
                continue; /* not an edition's folder, or one a newer copy replaces */
            char shown[PATH_MAX], dst[32];
            snprintf(shown, sizeof shown, "%s/editions/%s", path, names[i]);
            snprintf(dst, sizeof dst, "editions/%d", y);
            int sub = openat(ed, names[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub < 0) {
                notice(s, _("the earlier edition's '%s' is not kept: it is not a folder"), shown);
                continue;
            }
            rc = keep_folder(&k, sub, shown, dst, 1, false);
            close(sub);
            if (rc == 0 && has_index(s, y))
                add_edition(s, y);
        }
        free_names(names, n);
        close(ed);
    }
    /* the previous site itself: an edition only when it is older than this
     * one (a second run of the same year replaces it, it is no edition) */
    if (rc == 0 && !k.full && own && own < s->year) {
        char dst[32];
        snprintf(dst, sizeof dst, "editions/%d", own);
        int top = openat(prev.fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (top >= 0) {
            rc = keep_folder(&k, top, path, dst, 1, true);
            close(top);
            if (rc == 0 && has_index(s, own))
                add_edition(s, own);
        }
    } else if (rc == 0 && !own) {
        notice(s, _("the previous site '%s' is not kept as an edition: its year is not known"),
               path);
    }
    egaf_outdir_close(&prev);
    qsort(s->editions, s->neditions, sizeof(*s->editions), newest_first);
    return rc;
}
