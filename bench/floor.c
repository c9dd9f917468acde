/* floor.c - the floor for any YAML tool: reads each file into memory, as
 * egaf does, parses it with libyaml's event API and frees every event,
 * building nothing. Prints the files, bytes and seconds spent.
 *
 * usage: floor FILE|DIR...   (a folder: every *.yaml in it and below it) */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <yaml.h>

typedef struct totals {
    unsigned long long files, bytes, events;
    int errors;
} totals;

static int parse_file(const char *path, totals *t)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "floor: cannot read '%s': %s\n", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0) {
        fclose(f);
        return -1;
    }
    size_t len = (size_t)st.st_size;
    unsigned char *buf = malloc(len ? len : 1);
    if (!buf || fread(buf, 1, len, f) != len) {
        fprintf(stderr, "floor: cannot read '%s'\n", path);
        free(buf);
        fclose(f);
        return -1;
    }
    fclose(f);
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        free(buf);
        return -1;
    }
    yaml_parser_set_input_string(&parser, buf, len);
    int rc = 0;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            fprintf(stderr, "floor: %s:%zu:%zu: %s\n", path, parser.problem_mark.line + 1,
                    parser.problem_mark.column + 1, parser.problem ? parser.problem : "error");
            rc = -1;
            break;
        }
        yaml_event_type_t type = ev.type;
        yaml_event_delete(&ev);
        t->events++;
        if (type == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&parser);
    free(buf);
    t->files++;
    t->bytes += len;
    return rc;
}

static int is_yaml(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(const char *path, totals *t)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "floor: cannot read '%s': %s\n", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return parse_file(path, t);
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "floor: cannot read folder '%s': %s\n", path, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **grown = realloc(names, cap * sizeof(*names));
            if (!grown) {
                rc = -1;
                break;
            }
            names = grown;
        }
        names[n] = strdup(de->d_name);
        if (!names[n]) {
            rc = -1;
            break;
        }
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof(*names), cmp_names);
    for (size_t i = 0; i < n; i++) {
        char child[PATH_MAX];
        snprintf(child, sizeof child, "%s/%s", path, names[i]);
        struct stat cst;
        if (rc == 0 && stat(child, &cst) == 0 &&
            (S_ISDIR(cst.st_mode) || (S_ISREG(cst.st_mode) && is_yaml(names[i]))))
            rc = walk(child, t);
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        fputs("usage: floor FILE|DIR...\n"
              "Parses each YAML file with libyaml's event API and frees the events;\n"
              "prints files, bytes, events and seconds.\n",
              argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    totals t = {0, 0, 0, 0};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = 0;
    for (int i = 1; i < argc && rc == 0; i++)
        rc = walk(argv[i], &t);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("floor: %llu files, %llu bytes, %llu events, %.3f s, %.1f MB/s\n", t.files, t.bytes,
           t.events, secs, secs > 0 ? (double)t.bytes / 1e6 / secs : 0.0);
    return rc == 0 ? 0 : 1;
}
