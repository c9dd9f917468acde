/* lsp.c - the benchmark of `egaf lsp` (make bench): an editor's session on
 * one model, in process, without the stream. The model is opened, then
 * changed EDITS times (a letter added to, then removed from, a name: the
 * whole text sent each time, as VS Code does with full sync), each change
 * checked at once as after the debounce. Measures the CPU time of each
 * change (parse of the message, load, validation, diagnostics written) and
 * the resident memory along the way, so a leak shows as growth.
 *
 * usage: lsp [--refs DIR] [--edits N] FILE
 * prints one line of key=value pairs. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "lsp/server.h"
#include "refs/refs.h"

static size_t bytes_sent;

static int sink(void *ctx, const char *json, size_t len)
{
    (void)ctx;
    (void)json;
    bytes_sent += len;
    return 0;
}

static double cpu_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

static long rss_kb(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    for (size_t r; buf && (r = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += r;
        if (n == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown) {
                free(buf);
                buf = NULL;
            }
            buf = grown;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static char *message(const char *method, const char *uri, long long version, const char *text,
                     size_t len)
{
    json_t *doc = json_pack("{s:s,s:I}", "uri", uri, "version", (json_int_t)version);
    json_t *params = NULL;
    if (strcmp(method, "textDocument/didOpen") == 0) {
        json_object_set_new(doc, "text", json_stringn(text, len));
        json_object_set_new(doc, "languageId", json_string("yaml"));
        params = json_pack("{s:o}", "textDocument", doc);
    } else {
        params = json_pack("{s:o,s:[{s:s%}]}", "textDocument", doc, "contentChanges", "text",
                           text, len);
    }
    json_t *msg = json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params", params);
    char *out = json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    return out;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    const char *refs_dir = getenv("EGAF_REFS"), *file = NULL;
    long edits = 1000;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--refs") == 0 && i + 1 < argc)
            refs_dir = argv[++i];
        else if (strcmp(argv[i], "--edits") == 0 && i + 1 < argc)
            edits = atol(argv[++i]);
        else
            file = argv[i];
    }
    if (!file || !refs_dir || edits < 2) {
        fprintf(stderr, "usage: lsp [--refs DIR] [--edits N] FILE (or EGAF_REFS)\n");
        return 2;
    }
    egaf_diags *diags = egaf_diags_create();
    egaf_refs_status st;
    egaf_refs *refs = egaf_refs_load(refs_dir, diags, &st);
    egaf_diags_free(diags);
    size_t len;
    char *text = read_all(file, &len);
    char *abs = realpath(file, NULL);
    if (!refs || !text || !abs) {
        fprintf(stderr, "lsp bench: cannot load the reference models or read %s\n", file);
        return 2;
    }
    /* the edit: one letter after the first `name: ` */
    char *at = strstr(text, "name: ");
    size_t pos = at ? (size_t)(at - text) + 6 : 0;
    char *edited = malloc(len + 2);
    memcpy(edited, text, pos);
    edited[pos] = 'X';
    memcpy(edited + pos + 1, text + pos, len - pos);
    char uri[4096];
    snprintf(uri, sizeof uri, "file://%s", abs);
    size_t lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';

    egaf_lsp_callbacks cb = {sink, NULL, NULL};
    egaf_lsp *server = egaf_lsp_create(refs, &cb);
    const char *init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}";
    egaf_lsp_handle(server, init, strlen(init));
    char *open = message("textDocument/didOpen", uri, 1, text, len);
    double t0 = cpu_ms();
    egaf_lsp_handle(server, open, strlen(open));
    egaf_lsp_flush(server);
    double open_ms = cpu_ms() - t0;
    free(open);
    /* the two change messages, made once: making them is the editor's work */
    char *change[2] = {message("textDocument/didChange", uri, 2, edited, len + 1),
                       message("textDocument/didChange", uri, 3, text, len)};
    double *ms = malloc((size_t)edits * sizeof(*ms));
    long rss_first = 0, rss_tenth = 0;
    for (long e = 0; e < edits; e++) {
        double a = cpu_ms();
        egaf_lsp_handle(server, change[e % 2], strlen(change[e % 2]));
        egaf_lsp_flush(server);
        ms[e] = cpu_ms() - a;
        if (e == 9)
            rss_first = rss_kb();
        if (e == edits / 10)
            rss_tenth = rss_kb();
    }
    long rss_last = rss_kb();
    double total = 0;
    for (long e = 0; e < edits; e++)
        total += ms[e];
    qsort(ms, (size_t)edits, sizeof(*ms), compare);
    printf("lines=%zu bytes=%zu edits=%ld open_ms=%.1f mean_ms=%.2f median_ms=%.2f p95_ms=%.2f "
           "rss_kb_after_10=%ld rss_kb_after_%ld=%ld rss_kb_after_%ld=%ld sent_mb=%.1f\n",
           lines, len, edits, open_ms, total / (double)edits, ms[edits / 2],
           ms[edits * 95 / 100], rss_first, edits / 10, rss_tenth, edits, rss_last,
           (double)bytes_sent / 1e6);
    free(ms);
    free(change[0]);
    free(change[1]);
    egaf_lsp_free(server);
    egaf_refs_free(refs);
    free(text);
    free(edited);
    free(abs);
    return 0;
}
