/* layers.c - how far above libyaml any YAML validator with egaf's duties
 * must stand: the CPU time of reading a folder of models in layers, each
 * layer adding one thing egaf must do for every node, side by side in one
 * process, one thread:
 *
 *   libyaml    the events parsed and freed (bench/floor, in this process)
 *   copy       + each scalar's text copied out of the event, as any
 *                consumer must (libyaml frees it with the event)
 *   positions  + each node's line and column counted in characters, for
 *                the file:line:col of a finding
 *   nfc        + each scalar's text in Unicode NFC, so that a name typed
 *                with combining marks is the name typed precomposed
 *   tree       egaf_yaml_parse: the tree egaf builds (the above, plus
 *                collections, duplicate keys, anchors, limits, merge keys)
 *
 * The layers below the tree use the parser's own steps (its static
 * functions, hence the #include of its source below): what they cost is
 * what egaf's parser costs for them, not a copy's cost. Each round runs
 * every layer on each file in turn (see main), so a noisy neighbour slows
 * them alike; the median of the rounds is printed per layer, in seconds
 * and as a ratio to libyaml's.
 *
 * usage: layers [--rounds N] FILE|DIR...   (a folder: every *.yaml below it)
 * prints: one line per layer, "LAYER<TAB>SECONDS<TAB>RATIO" */
#include "model/yaml_tree.c"

#include <ftw.h>
#include <stdio.h>
#include <time.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"

enum { L_LIBYAML, L_COPY, L_POSITIONS, L_NFC, L_TREE, LAYERS };
static const char *const layer_names[LAYERS] = {"libyaml", "copy", "positions", "nfc", "tree"};
#define MAX_ROUNDS 101

/* The files read, in the order found; one arena holds their text. Only
 * main and the nftw callback touch these (this program is one thread). */
static egaf_arena *files_arena;
static const egaf_source **files;
static size_t nfiles, files_cap;
static int read_failures;

static double cpu_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static bool is_yaml(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && strcmp(path + n - 5, ".yaml") == 0;
}

static int add_file(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    if (type != FTW_F || (ftw->level > 0 && !is_yaml(path)))
        return 0;
    egaf_source *src = NULL;
    if (egaf_source_read(files_arena, path, EGAF_MAX_FILE_SIZE, &src) != EGAF_READ_OK) {
        fprintf(stderr, "layers: cannot read '%s'\n", path);
        read_failures++;
        return 0;
    }
    if (nfiles == files_cap) {
        size_t cap = files_cap ? 2 * files_cap : 64;
        const egaf_source **grown = realloc(files, cap * sizeof(*files));
        if (!grown)
            return 1;
        files = grown;
        files_cap = cap;
    }
    files[nfiles++] = src;
    return 0;
}

/* One file through the layers up to `layer` (below the tree); returns a
 * value the caller keeps, so the compiler drops no step. */
static size_t read_events(const egaf_source *src, int layer, egaf_arena *arena)
{
    parser p;
    memset(&p, 0, sizeof(p));
    p.arena = arena;
    p.src = src;
    size_t kept = 0;
    yaml_parser_t yp;
    if (!yaml_parser_initialize(&yp))
        return 0;
    yaml_parser_set_input_string(&yp, (const unsigned char *)src->text, src->len);
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&yp, &ev))
            break;
        yaml_event_type_t type = ev.type;
        if (layer >= L_POSITIONS &&
            (type == YAML_SCALAR_EVENT || type == YAML_MAPPING_START_EVENT ||
             type == YAML_SEQUENCE_START_EVENT || type == YAML_ALIAS_EVENT)) {
            egaf_mark m = make_mark(&p, ev.start_mark, ev.end_mark);
            kept += m.col + m.end_col;
        }
        if (layer >= L_COPY && type == YAML_SCALAR_EVENT) {
            size_t len = ev.data.scalar.length;
            const char *text =
                egaf_arena_strndup(arena, (const char *)ev.data.scalar.value, len);
            if (text && layer >= L_NFC) {
                size_t nfc_len = len;
                const char *nfc = egaf_utf8_nfc(arena, text, len, &nfc_len);
                if (nfc)
                    text = nfc;
            }
            kept += text ? (unsigned char)text[0] : 0;
        }
        yaml_event_delete(&ev);
        if (type == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&yp);
    return kept;
}

static size_t run_layer(int layer, const egaf_source *src)
{
    size_t kept = 0;
    egaf_arena *arena = egaf_arena_create();
    if (!arena)
        return 0;
    if (layer == L_TREE) {
        egaf_diags *diags = egaf_diags_create();
        if (diags)
            kept = egaf_yaml_parse(arena, src, NULL, diags) != NULL;
        egaf_diags_free(diags);
    } else {
        kept = read_events(src, layer, arena);
    }
    egaf_arena_free(arena);
    return kept;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int rounds = 5, first = 1;
    if (argc > 2 && strcmp(argv[1], "--rounds") == 0) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc || rounds < 1 || rounds > MAX_ROUNDS) {
        fputs("usage: layers [--rounds N] FILE|DIR...   (N from 1 to 101, default 5)\n"
              "Reads the YAML files in layers (libyaml, copy, positions, nfc, tree) and\n"
              "prints each layer's median CPU seconds and its ratio to libyaml's.\n",
              stderr);
        return 2;
    }
    files_arena = egaf_arena_create();
    if (!files_arena)
        return 1;
    for (int i = first; i < argc; i++)
        if (nftw(argv[i], add_file, 16, FTW_PHYS) != 0) {
            fprintf(stderr, "layers: cannot read '%s'\n", argv[i]);
            return 1;
        }
    if (read_failures || nfiles == 0) {
        fprintf(stderr, "layers: %s\n", nfiles ? "some files could not be read" : "no YAML file");
        return 1;
    }
    /* File by file, every layer in turn, so that a machine slowing down
     * for a moment slows every layer alike; the first layer of a file
     * rotates, as the first reads the file's text from memory and the
     * others from the cache. Round -1 warms the caches and the allocator
     * and is not counted. */
    static double seconds[LAYERS][MAX_ROUNDS];
    size_t kept = 0;
    for (int r = -1; r < rounds; r++) {
        double total[LAYERS] = {0};
        for (size_t i = 0; i < nfiles; i++)
            for (int k = 0; k < LAYERS; k++) {
                int layer = (int)((i + (size_t)(r + 1) + (size_t)k) % LAYERS);
                double start = cpu_seconds();
                kept += run_layer(layer, files[i]);
                total[layer] += cpu_seconds() - start;
            }
        for (int layer = 0; r >= 0 && layer < LAYERS; layer++)
            seconds[layer][r] = total[layer];
    }
    double median[LAYERS];
    for (int layer = 0; layer < LAYERS; layer++) {
        qsort(seconds[layer], (size_t)rounds, sizeof(double), compare_doubles);
        median[layer] = seconds[layer][rounds / 2];
    }
    for (int layer = 0; layer < LAYERS; layer++)
        printf("%s\t%.3f\t%.2f\n", layer_names[layer], median[layer],
               median[L_LIBYAML] > 0 ? median[layer] / median[L_LIBYAML] : 0.0);
    free(files);
    egaf_arena_free(files_arena);
    return kept == (size_t)-1; /* never: kept is only there to be used */
}
