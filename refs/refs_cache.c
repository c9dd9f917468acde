/* refs_cache.c - the compiled form of the reference models' YAML trees
 * (refs_cache.h).
 *
 * Layout, every integer little-endian whatever the machine (the installed
 * cache is data under share/):
 *   "EGAFREFS"  u32 format  u32 length of the version  the egaf version
 *   u64 length of the body  u64 digest of the body
 *   body: u32 files, then per file
 *     u32 name length, name, u64 YAML length, u64 YAML digest,
 *     u64 tree length, tree
 *   tree: one node, depth first, its numbers as unsigned LEB128 (var)
 *     u8 kind | style << 2, var weight, var line, var col, var end_col,
 *     then scalar: var length, bytes; sequence: var count, items;
 *     map: var count, key and value per pair.
 * The decoder checks every length against what is left, so a cache that is
 * damaged in a way its digest does not show still cannot read out of bounds
 * or allocate more than its own size. */
#include "refs/refs_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "EGAFREFS"
#define FORMAT 1u
#define NODE_HEAD 5u /* the least: kind and style, weight, line, col, end_col */
#define MAX_CACHE_SIZE (64u * 1024 * 1024)

typedef struct cached_file {
    const unsigned char *name;
    size_t name_len;
    uint64_t yaml_len, yaml_digest;
    const unsigned char *tree;
    size_t tree_len;
} cached_file;

struct egaf_refs_cache {
    unsigned char *data; /* the file, mapped */
    size_t len;
    cached_file *files;
    size_t nfiles;
};

/* A staleness check, not a signature: whoever can write the cache can
 * write the YAML beside it. Each step ((h ^ word) * odd, then an xorshift)
 * is a bijection of h, so two inputs of the same length that differ in one
 * 8-byte word always differ in digest; a multiply-xorshift hash is a few
 * lines, where a library's SHA-256 would add a shared library to map at
 * every run. */
static uint64_t mix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    return h ^ h >> 29;
}

uint64_t egaf_refs_cache_digest(const void *data, size_t len)
{
    const unsigned char *p = data;
    /* four lanes, so the multiplications of one lane do not wait for
     * another's; a change in one word changes its lane, and folding the
     * lanes is a bijection of each in turn */
    uint64_t lane[4] = {0x9e3779b97f4a7c15ull ^ (uint64_t)len, 0x6a09e667f3bcc909ull,
                        0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull};
    size_t n = len;
    while (n >= 32) {
        for (int i = 0; i < 4; i++) {
            uint64_t w;
            memcpy(&w, p + 8 * i, 8);
            lane[i] = mix(lane[i], w);
        }
        p += 32;
        n -= 32;
    }
    uint64_t h = lane[0];
    for (int i = 1; i < 4; i++)
        h = mix(h, lane[i]);
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = mix(h, w);
        p += 8;
        n -= 8;
    }
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++)
        w |= (uint64_t)p[i] << (8 * i);
    h = mix(h, w ^ ((uint64_t)n << 59));
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

/* ---- reading ---- */

typedef struct reader {
    const unsigned char *p, *end;
    bool bad;
} reader;

static bool need(reader *r, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = true;
        return false;
    }
    return true;
}

static uint64_t get_le(reader *r, unsigned bytes)
{
    if (!need(r, bytes))
        return 0;
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes; i++)
        v |= (uint64_t)r->p[i] << (8 * i);
    r->p += bytes;
    return v;
}

/* An unsigned LEB128 number of at most 32 bits. */
static uint64_t get_var(reader *r)
{
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 35; shift += 7) {
        if (!need(r, 1))
            return 0;
        unsigned char b = *r->p++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v <= UINT32_MAX ? v : (r->bad = true, 0);
    }
    r->bad = true;
    return 0;
}

static const unsigned char *get_bytes(reader *r, uint64_t n)
{
    if (n > SIZE_MAX || !need(r, (size_t)n))
        return NULL;
    const unsigned char *s = r->p;
    r->p += n;
    return s;
}

/* The whole file, mapped read-only and its pages read in one go (a private
 * copy would fault in as many fresh pages as the file has), when it is a
 * regular one of at most MAX_CACHE_SIZE. */
static unsigned char *map_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return NULL;
    struct stat st;
    void *data = MAP_FAILED;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (unsigned long long)st.st_size <= MAX_CACHE_SIZE) {
        *len = (size_t)st.st_size;
        data = mmap(NULL, *len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    }
    close(fd);
    return data == MAP_FAILED ? NULL : data;
}

egaf_refs_cache *egaf_refs_cache_open(const char *path)
{
    size_t len = 0;
    unsigned char *data = path ? map_file(path, &len) : NULL;
    if (!data)
        return NULL;
    egaf_refs_cache *c = calloc(1, sizeof(*c));
    if (!c) {
        munmap(data, len);
        return NULL;
    }
    c->data = data;
    c->len = len;
    reader r = {data, data + len, false};
    const unsigned char *magic = get_bytes(&r, 8);
    uint64_t format = get_le(&r, 4);
    uint64_t vlen = get_le(&r, 4);
    const unsigned char *version = get_bytes(&r, vlen);
    uint64_t body_len = get_le(&r, 8);
    uint64_t body_digest = get_le(&r, 8);
    bool ok = !r.bad && memcmp(magic, MAGIC, 8) == 0 && format == FORMAT &&
              vlen == strlen(EGAF_VERSION) && memcmp(version, EGAF_VERSION, vlen) == 0 &&
              body_len == (uint64_t)(r.end - r.p) &&
              egaf_refs_cache_digest(r.p, (size_t)body_len) == body_digest;
    uint64_t nfiles = ok ? get_le(&r, 4) : 0;
    /* every file takes at least 32 bytes: a count beyond that is damage */
    ok = ok && !r.bad && nfiles <= (uint64_t)(r.end - r.p) / 32;
    c->files = ok && nfiles ? calloc((size_t)nfiles, sizeof(*c->files)) : NULL;
    ok = ok && (nfiles == 0 || c->files);
    for (uint64_t i = 0; ok && i < nfiles; i++) {
        cached_file *f = &c->files[i];
        uint64_t nlen = get_le(&r, 4);
        f->name = get_bytes(&r, nlen);
        f->name_len = (size_t)nlen;
        f->yaml_len = get_le(&r, 8);
        f->yaml_digest = get_le(&r, 8);
        uint64_t tlen = get_le(&r, 8);
        f->tree = get_bytes(&r, tlen);
        f->tree_len = (size_t)tlen;
        ok = !r.bad;
        c->nfiles = (size_t)i + 1;
    }
    if (!ok || r.p != r.end) {
        egaf_refs_cache_free(c);
        return NULL;
    }
    return c;
}

void egaf_refs_cache_free(egaf_refs_cache *cache)
{
    if (!cache)
        return;
    free(cache->files);
    munmap(cache->data, cache->len);
    free(cache);
}

static egaf_ynode *decode_node(reader *r, const egaf_source *src, egaf_arena *arena,
                               unsigned depth)
{
    if (depth > EGAF_YAML_DEFAULT_DEPTH + 1 || !need(r, NODE_HEAD + 1)) {
        r->bad = true;
        return NULL;
    }
    egaf_ynode *n = egaf_arena_alloc(arena, sizeof(*n));
    if (!n) {
        r->bad = true;
        return NULL;
    }
    uint64_t kind_style = get_le(r, 1), kind = kind_style & 3, style = kind_style >> 2;
    n->weight = (uint32_t)get_var(r);
    n->mark.src = src;
    n->mark.line = (uint32_t)get_var(r);
    n->mark.col = (uint32_t)get_var(r);
    n->mark.end_col = (uint32_t)get_var(r);
    if (kind > EGAF_Y_MAP || style > EGAF_Y_BLOCK) {
        r->bad = true;
        return NULL;
    }
    n->kind = (uint8_t)kind;
    n->style = (uint8_t)style;
    uint64_t count = get_var(r);
    if (r->bad)
        return NULL;
    if (kind == EGAF_Y_SCALAR) {
        const unsigned char *text = get_bytes(r, count);
        char *copy = text ? egaf_arena_strndup(arena, (const char *)text, (size_t)count) : NULL;
        if (!copy) {
            r->bad = true;
            return NULL;
        }
        n->u.scalar.text = copy;
        n->u.scalar.len = (size_t)count;
        return n;
    }
    /* each child takes at least a node's head and its count */
    size_t per = kind == EGAF_Y_MAP ? 2 * (NODE_HEAD + 1) : NODE_HEAD + 1;
    if (count > (uint64_t)(r->end - r->p) / per) {
        r->bad = true;
        return NULL;
    }
    if (kind == EGAF_Y_SEQ) {
        egaf_ynode **items = count ? egaf_arena_alloc(arena, (size_t)count * sizeof(*items)) : NULL;
        if (count && !items) {
            r->bad = true;
            return NULL;
        }
        for (size_t i = 0; i < count; i++)
            if (!(items[i] = decode_node(r, src, arena, depth + 1)))
                return NULL;
        n->u.seq.items = items;
        n->u.seq.count = (size_t)count;
    } else {
        egaf_ypair *pairs = count ? egaf_arena_alloc(arena, (size_t)count * sizeof(*pairs)) : NULL;
        if (count && !pairs) {
            r->bad = true;
            return NULL;
        }
        for (size_t i = 0; i < count; i++) {
            pairs[i].key = decode_node(r, src, arena, depth + 1);
            pairs[i].value = pairs[i].key ? decode_node(r, src, arena, depth + 1) : NULL;
            if (!pairs[i].value)
                return NULL;
        }
        n->u.map.pairs = pairs;
        n->u.map.count = (size_t)count;
    }
    return n;
}

egaf_ynode *egaf_refs_cache_tree(const egaf_refs_cache *cache, const char *name,
                                 const egaf_source *src, egaf_arena *arena)
{
    if (!cache || !name || !src || !src->text)
        return NULL;
    size_t nlen = strlen(name);
    for (size_t i = 0; i < cache->nfiles; i++) {
        const cached_file *f = &cache->files[i];
        if (f->name_len != nlen || memcmp(f->name, name, nlen) != 0)
            continue;
        if (f->yaml_len != src->len ||
            f->yaml_digest != egaf_refs_cache_digest(src->text, src->len))
            return NULL;
        reader r = {f->tree, f->tree + f->tree_len, false};
        egaf_ynode *root = decode_node(&r, src, arena, 0);
        return root && !r.bad && r.p == r.end ? root : NULL;
    }
    return NULL;
}

/* ---- writing ---- */

static void put_le(egaf_buf *out, uint64_t v, unsigned bytes)
{
    char b[8];
    for (unsigned i = 0; i < bytes; i++)
        b[i] = (char)(v >> (8 * i) & 0xff);
    egaf_buf_add(out, b, bytes);
}

static void put_var(egaf_buf *out, uint64_t v)
{
    char b[5];
    unsigned n = 0;
    do {
        b[n] = (char)(v & 0x7f);
        v >>= 7;
        if (v)
            b[n] = (char)(b[n] | 0x80);
        n++;
    } while (v && n < 5);
    egaf_buf_add(out, b, n);
}

static bool encode_node(egaf_buf *out, const egaf_ynode *n, unsigned depth)
{
    if (!n || depth > EGAF_YAML_DEFAULT_DEPTH + 1)
        return false;
    put_le(out, (uint64_t)n->kind | (uint64_t)n->style << 2, 1);
    put_var(out, n->weight);
    put_var(out, n->mark.line);
    put_var(out, n->mark.col);
    put_var(out, n->mark.end_col);
    switch (n->kind) {
    case EGAF_Y_SCALAR:
        if (n->u.scalar.len > UINT32_MAX)
            return false;
        put_var(out, n->u.scalar.len);
        egaf_buf_add(out, n->u.scalar.text, n->u.scalar.len);
        return true;
    case EGAF_Y_SEQ:
        if (n->u.seq.count > UINT32_MAX)
            return false;
        put_var(out, n->u.seq.count);
        for (size_t i = 0; i < n->u.seq.count; i++)
            if (!encode_node(out, n->u.seq.items[i], depth + 1))
                return false;
        return true;
    default:
        if (n->u.map.count > UINT32_MAX)
            return false;
        put_var(out, n->u.map.count);
        for (size_t i = 0; i < n->u.map.count; i++)
            if (!encode_node(out, n->u.map.pairs[i].key, depth + 1) ||
                !encode_node(out, n->u.map.pairs[i].value, depth + 1))
                return false;
        return true;
    }
}

int egaf_refs_cache_write(const char *dir, const char *const *names, size_t n, egaf_buf *out,
                          size_t *skipped)
{
    *skipped = 0;
    egaf_buf body, tree;
    egaf_buf_init(&body);
    egaf_buf_init(&tree);
    size_t kept = 0;
    egaf_buf files;
    egaf_buf_init(&files);
    for (size_t i = 0; i < n; i++) {
        egaf_arena *arena = egaf_arena_create();
        egaf_diags *diags = egaf_diags_create();
        char path[PATH_MAX];
        int w = snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        egaf_source *src = NULL;
        bool read = arena && diags && w > 0 && (size_t)w < sizeof path &&
                    egaf_source_read(arena, path, EGAF_MAX_FILE_SIZE, &src) == EGAF_READ_OK;
        egaf_ynode *root = read ? egaf_yaml_parse(arena, src, NULL, diags) : NULL;
        egaf_buf_reset(&tree);
        if (root && egaf_diags_count(diags) == 0 && encode_node(&tree, root, 0) && !tree.failed) {
            size_t nlen = strlen(names[i]);
            put_le(&files, nlen, 4);
            egaf_buf_add(&files, names[i], nlen);
            put_le(&files, src->len, 8);
            put_le(&files, egaf_refs_cache_digest(src->text, src->len), 8);
            put_le(&files, tree.len, 8);
            egaf_buf_add(&files, tree.data, tree.len);
            kept++;
        } else {
            (*skipped)++;
        }
        egaf_diags_free(diags);
        egaf_arena_free(arena);
    }
    put_le(&body, kept, 4);
    egaf_buf_add(&body, files.data, files.len);
    egaf_buf_add(out, MAGIC, 8);
    put_le(out, FORMAT, 4);
    put_le(out, strlen(EGAF_VERSION), 4);
    egaf_buf_puts(out, EGAF_VERSION);
    put_le(out, body.len, 8);
    put_le(out, egaf_refs_cache_digest(body.data, body.len), 8);
    egaf_buf_add(out, body.data, body.len);
    bool failed = body.failed || tree.failed || files.failed || out->failed;
    egaf_buf_free(&body);
    egaf_buf_free(&tree);
    egaf_buf_free(&files);
    return failed ? -1 : 0;
}
