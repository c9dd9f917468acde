/* diagram_cache.c - drawn diagrams kept by content (egaf consolidate
 * --cache): a diagram whose graph, renderer and Graphviz did not change is
 * copied from the cache instead of laid out again.
 *
 * The key is the SHA-256 of everything the drawing's bytes depend on: the
 * entry format, egaf's version, the Graphviz library's version, the output
 * format and the graph itself as DOT (every node, edge, label, attribute
 * and option of the view is in it). An entry is the file
 * "<key[0..1]>/<key>.svg" beneath the cache folder, opened only through
 * base/outdir (no symbolic link, nothing outside the folder; its name is
 * hex digits, never text from a model). Its first line holds the SHA-256 of
 * the drawing that follows; an entry whose drawing does not match it, or
 * that is malformed, is a miss and is drawn again and replaced, so a
 * corrupt entry is never published. Entries are written to a temporary file
 * and renamed into place, so concurrent workers never see half an entry. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "site/site_priv.h"

#define ENTRY_MAGIC "egaf-diagram-cache 1 sha256="
/* No diagram comes near this; a bigger entry is not ours. */
#define ENTRY_MAX (64u << 20)

static void to_hex(const uint8_t *digest, char *hex)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

static void sha256_hex(const void *data, size_t len, char *hex)
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof digest, digest);
    to_hex(digest, hex);
}

/* Each part with its length first, so no two lists of parts hash alike. */
static void hash_part(struct sha256_ctx *ctx, const char *data, size_t len)
{
    char size[32];
    int n = snprintf(size, sizeof size, "%zu:", len);
    sha256_update(ctx, (size_t)n, (const uint8_t *)size);
    sha256_update(ctx, len, (const uint8_t *)data);
}

void site_cache_key(const char *egaf_version, const char *graphviz_version, const char *format,
                    const egaf_buf *dot, char key[SITE_CACHE_KEY_SIZE])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    hash_part(&ctx, ENTRY_MAGIC, strlen(ENTRY_MAGIC));
    hash_part(&ctx, egaf_version, strlen(egaf_version));
    hash_part(&ctx, graphviz_version, strlen(graphviz_version));
    hash_part(&ctx, format, strlen(format));
    hash_part(&ctx, dot->data ? dot->data : "", dot->len);
    sha256_digest(&ctx, sizeof digest, digest);
    to_hex(digest, key);
}

/* "ab/abcdef….svg" */
static void entry_name(const char *key, char *name, size_t size)
{
    snprintf(name, size, "%.2s/%s.svg", key, key);
}

static bool key_ok(const char *key)
{
    size_t n = strlen(key);
    if (n != SITE_CACHE_KEY_SIZE - 1)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((key[i] >= '0' && key[i] <= '9') || (key[i] >= 'a' && key[i] <= 'f')))
            return false;
    return true;
}

int site_cache_get(egaf_outdir *cache, const char *key, egaf_buf *svg)
{
    egaf_buf_reset(svg);
    if (!cache || cache->fd < 0 || !key_ok(key))
        return -1;
    char name[SITE_CACHE_KEY_SIZE + 16];
    entry_name(key, name, sizeof name);
    int fd = egaf_outdir_openat(cache, name, O_RDONLY, 0);
    if (fd < 0)
        return -1;
    struct stat st;
    egaf_buf raw;
    egaf_buf_init(&raw);
    int rc = -1;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (off_t)ENTRY_MAX ||
        egaf_read_all(fd, ENTRY_MAX, &raw) != 0)
        goto done;
    /* the first line: the magic and the drawing's digest */
    size_t head = sizeof ENTRY_MAGIC - 1 + SITE_CACHE_KEY_SIZE - 1;
    if (raw.len < head + 1 || memcmp(raw.data, ENTRY_MAGIC, sizeof ENTRY_MAGIC - 1) != 0 ||
        raw.data[head] != '\n')
        goto done;
    char want[SITE_CACHE_KEY_SIZE], have[SITE_CACHE_KEY_SIZE];
    memcpy(want, raw.data + sizeof ENTRY_MAGIC - 1, SITE_CACHE_KEY_SIZE - 1);
    want[SITE_CACHE_KEY_SIZE - 1] = '\0';
    sha256_hex(raw.data + head + 1, raw.len - head - 1, have);
    if (strcmp(want, have) != 0)
        goto done; /* corrupt or altered: drawn again */
    egaf_buf_add(svg, raw.data + head + 1, raw.len - head - 1);
    rc = svg->failed ? -1 : 0;
done:
    close(fd);
    egaf_buf_free(&raw);
    if (rc != 0)
        egaf_buf_reset(svg);
    return rc;
}

int site_cache_put(egaf_outdir *cache, const char *key, const egaf_buf *svg)
{
    if (!cache || cache->fd < 0 || !key_ok(key) || svg->failed)
        return -1;
    char sub[3] = {key[0], key[1], '\0'};
    if (egaf_outdir_mkdirs(cache, sub) != 0)
        return -1;
    /* the entry is made and renamed within its own folder, opened beneath
     * the cache without following links */
    int subfd = egaf_outdir_openat(cache, sub, O_PATH | O_DIRECTORY, 0);
    if (subfd < 0)
        return -1;
    egaf_outdir dir = {.fd = -1};
    int rc = egaf_outdir_from_fd(&dir, subfd);
    close(subfd);
    if (rc != 0)
        return -1;
    char tmp[64];
    int fd = egaf_outdir_temp_file(&dir, "entry", tmp, sizeof tmp);
    if (fd < 0) {
        egaf_outdir_close(&dir);
        return -1;
    }
    char digest[SITE_CACHE_KEY_SIZE];
    sha256_hex(svg->data ? svg->data : "", svg->len, digest);
    char head[sizeof ENTRY_MAGIC + SITE_CACHE_KEY_SIZE + 1];
    int hn = snprintf(head, sizeof head, "%s%s\n", ENTRY_MAGIC, digest);
    rc = egaf_write_all(fd, head, (size_t)hn) == 0 &&
                 egaf_write_all(fd, svg->data ? svg->data : "", svg->len) == 0
             ? 0
             : -1;
    if (close(fd) != 0)
        rc = -1;
    char final[SITE_CACHE_KEY_SIZE + 8];
    snprintf(final, sizeof final, "%s.svg", key);
    if (rc == 0 && renameat(dir.fd, tmp, dir.fd, final) != 0)
        rc = -1;
    if (rc != 0)
        unlinkat(dir.fd, tmp, 0);
    egaf_outdir_close(&dir);
    return rc;
}
