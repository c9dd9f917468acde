/* refs_cache.h - the reference models' YAML trees in a compact compiled
 * form, so a run reads them without parsing YAML (docs/performance.md).
 *
 * The YAML stays the source. `make` (and `make install`) write the cache
 * with tools/refs-cache.c; it holds, per reference file, the length and
 * digest of the YAML bytes it was made from and the tree egaf_yaml_parse
 * gave for them (every node's kind, style, weight, position and text). A
 * run still reads each YAML file (for the digest, and to quote its lines
 * in findings) and takes the tree from the cache only when length and
 * digest match; otherwise, and for a cache that is missing, truncated,
 * altered (its own digest), from another format or another egaf, it parses
 * the YAML. The loader that builds the reference data from the tree is the
 * same either way, so the results are the same bytes.
 *
 * A file whose YAML parse gave any finding is left out of the cache: its
 * findings come from parsing it. The cache is only read from where make
 * and make install write it (the reference folder itself, and the build
 * folder beside build/egaf); nothing writes it at run time.
 *
 * Ownership: egaf_refs_cache_open() / egaf_refs_cache_free(); trees are
 * decoded into the arena the caller passes. */
#ifndef EGAF_REFS_CACHE_H
#define EGAF_REFS_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/source.h"
#include "model/yaml_tree.h"

/* The cache's name inside the reference folder, and in the build folder. */
#define EGAF_REFS_CACHE_NAME "egaf-refs.cache"

typedef struct egaf_refs_cache egaf_refs_cache;

/* Reads and checks the cache at path: NULL when there is none, or it is
 * not a regular file, too large, truncated, altered, of another format or
 * written by another egaf version. */
egaf_refs_cache *egaf_refs_cache_open(const char *path);
void egaf_refs_cache_free(egaf_refs_cache *cache);

/* The tree of the reference file name ("agencies.yaml") whose YAML is
 * src's text, its marks pointing to src, in arena: NULL when the cache has
 * no such file, it was made from other bytes, or its tree does not decode
 * (then the YAML is parsed). */
egaf_ynode *egaf_refs_cache_tree(const egaf_refs_cache *cache, const char *name,
                                 const egaf_source *src, egaf_arena *arena);

/* Writes to out the cache of the reference files names[0..n) in dir. A
 * file that cannot be read or whose parse gives a finding is left out
 * (*skipped counts them). Returns 0, or -1 when memory runs out. */
int egaf_refs_cache_write(const char *dir, const char *const *names, size_t n, egaf_buf *out,
                          size_t *skipped);

/* The 64-bit digest both sides use (exposed for the tests). */
uint64_t egaf_refs_cache_digest(const void *data, size_t len);

#endif
