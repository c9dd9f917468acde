/* refs-cache.c - writes the compiled cache of a reference folder's YAML
 * trees (refs/refs_cache.h); make runs it for the build folder and make
 * install for the installed reference models.
 *
 * usage: refs-cache DIR OUT   (OUT written whole, through a temporary file) */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refs/refs_cache.h"

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: refs-cache DIR OUT\n", stderr);
        return 2;
    }
    DIR *d = opendir(argv[1]);
    if (!d) {
        perror(argv[1]);
        return 2;
    }
    char *names[256] = {NULL};
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) && n < 256;) {
        const char *s = e->d_name;
        if (strcmp(s, "agencies.yaml") == 0 || strcmp(s, "shared-systems.yaml") == 0 ||
            strcmp(s, "national-databases.yaml") == 0 || strcmp(s, "national-targets.yaml") == 0 ||
            (strncmp(s, "framework-", 10) == 0 && ends_with(s, ".yaml")))
            names[n++] = strdup(s);
    }
    closedir(d);
    qsort(names, n, sizeof(*names), by_name);
    egaf_buf out;
    egaf_buf_init(&out);
    size_t skipped = 0;
    int rc = egaf_refs_cache_write(argv[1], (const char *const *)names, n, &out, &skipped);
    size_t tlen = strlen(argv[2]) + 5;
    char *tmp = malloc(tlen);
    FILE *f = NULL;
    if (rc == 0 && tmp) {
        snprintf(tmp, tlen, "%s.tmp", argv[2]);
        f = fopen(tmp, "wb");
    }
    if (!f || fwrite(out.data, 1, out.len, f) != out.len || fclose(f) != 0 ||
        rename(tmp, argv[2]) != 0) {
        perror(argv[2]);
        rc = 2;
    } else {
        printf("%s: %zu reference files compiled", argv[2], n - skipped);
        if (skipped)
            printf(", %zu left out (their YAML gives findings, or cannot be read)", skipped);
        putchar('\n');
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(tmp);
    egaf_buf_free(&out);
    return rc;
}
