/* load_models.c - loading a run's model files on several threads.
 *
 * Files are independent until the checks, so each is loaded on whichever
 * worker is free, with its own findings list and scratch memory; the lists
 * are joined in file order afterwards, so what is printed does not depend on
 * the threads. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "base/i18n.h"
#include "model/yaml_tree.h"
#include "validator/validate.h"

/* Standard input, read once (a second "-" is the same text): cli/ keeps
 * the process's state. */
static egaf_buf stdin_text;
static bool stdin_read;
static egaf_read_status stdin_status;

bool egaf_cli_is_stdin(const char *file)
{
    return strcmp(file, "-") == 0;
}

/* Reads standard input into memory, at most max bytes (0: the format's
 * limit). */
static egaf_read_status read_stdin(size_t max)
{
    if (stdin_read)
        return stdin_status;
    stdin_read = true;
    if (!max)
        max = EGAF_MAX_FILE_SIZE;
    egaf_buf_init(&stdin_text);
    char chunk[65536];
    stdin_status = EGAF_READ_OK;
    for (;;) {
        ssize_t r = read(STDIN_FILENO, chunk, sizeof chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            stdin_status = EGAF_READ_IO_ERROR;
            break;
        }
        if (r == 0)
            break;
        if (stdin_text.len + (size_t)r > max) {
            stdin_status = EGAF_READ_TOO_LARGE;
            break;
        }
        egaf_buf_add(&stdin_text, chunk, (size_t)r);
        if (stdin_text.failed) {
            stdin_status = EGAF_READ_NO_MEMORY;
            break;
        }
    }
    return stdin_status;
}

egaf_model *egaf_cli_model_load(const char *file, const egaf_load_options *options,
                                egaf_diags *diags, egaf_read_status *status)
{
    if (!egaf_cli_is_stdin(file)) {
        egaf_model *m = egaf_model_load(file, options, diags, status);
        if (m)
            egaf_cli_verbose(_("model: %s"), file);
        return m;
    }
    /* the text only: includes are refused, no path is made from it */
    *status = read_stdin(options ? options->max_file_size : 0);
    if (*status != EGAF_READ_OK)
        return NULL;
    egaf_load_options opt = {0};
    if (options)
        opt = *options;
    opt.includes_beside_path = false;
    egaf_model *m = egaf_model_load_memory(EGAF_STDIN_NAME, stdin_text.data ? stdin_text.data : "",
                                           stdin_text.len, &opt, diags);
    if (!m)
        *status = EGAF_READ_NO_MEMORY;
    else
        egaf_cli_verbose(_("model: %s (%zu bytes)"), EGAF_STDIN_NAME, stdin_text.len);
    return m;
}

enum { MAX_JOBS = 8 };

typedef struct load_job {
    char **files;
    size_t n;
    const egaf_load_options *options;
    egaf_model **models;
    egaf_diags **diags;
    egaf_read_status *status;
    /* checking while loading (egaf_cli_check_files): each model is checked
     * into checks[i] by the worker that loaded it, then freed; loaded[i]
     * says it was read */
    egaf_run *run;
    egaf_diags **checks;
    bool *loaded;
    atomic_size_t next;
} load_job;

/* Checks the model just loaded as the index-th of the run, then frees it,
 * its memory kept in scratch for the worker's next model. */
static void check_and_free(load_job *job, size_t i, egaf_load_scratch *scratch)
{
    job->loaded[i] = true;
    job->checks[i] = egaf_diags_create();
    if (job->checks[i])
        egaf_run_check(job->run, i, job->models[i], job->checks[i]);
    else
        egaf_diags_fail(job->diags[i]);
    egaf_model_free_into(job->models[i], scratch);
    job->models[i] = NULL;
}

static void *load_worker(void *arg)
{
    load_job *job = arg;
    egaf_load_scratch scratch = {0};
    egaf_load_options opt = *job->options;
    opt.scratch = &scratch;
    for (;;) {
        size_t i = atomic_fetch_add(&job->next, 1);
        if (i >= job->n)
            break;
        job->diags[i] = egaf_diags_create();
        if (!job->diags[i]) {
            job->status[i] = EGAF_READ_NO_MEMORY;
            continue;
        }
        job->models[i] = egaf_cli_model_load(job->files[i], &opt, job->diags[i], &job->status[i]);
        if (job->run && job->models[i])
            check_and_free(job, i, &scratch);
    }
    egaf_load_scratch_free(&scratch);
    return NULL;
}

size_t egaf_cli_jobs(size_t work)
{
    long jobs = 0;
    const char *env = getenv("EGAF_JOBS");
    if (env && *env) {
        char *end;
        jobs = strtol(env, &end, 10);
        if (*end || jobs < 1)
            jobs = 0;
    }
    if (!jobs)
        jobs = sysconf(_SC_NPROCESSORS_ONLN);
    if (jobs < 1)
        jobs = 1;
    if (jobs > MAX_JOBS)
        jobs = MAX_JOBS;
    return work < (size_t)jobs ? (work ? work : 1) : (size_t)jobs;
}

/* Runs job on egaf_cli_jobs() threads, this one among them. */
static void run_workers(load_job *job)
{
    size_t jobs = egaf_cli_jobs(job->n);
    pthread_t threads[MAX_JOBS];
    size_t started = 0;
    while (started + 1 < jobs &&
           pthread_create(&threads[started], NULL, load_worker, job) == 0)
        started++;
    load_worker(job); /* this thread works too; alone when no thread started */
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
}

/* Standard input is read here, once, before the threads share it. */
static void read_stdin_before(char **files, size_t n, const egaf_load_options *options)
{
    for (size_t i = 0; i < n; i++)
        if (egaf_cli_is_stdin(files[i]))
            read_stdin(options ? options->max_file_size : 0);
}

/* The index of the first file that could not be read, after saying why,
 * or n. */
static size_t first_unreadable(const load_job *job)
{
    for (size_t i = 0; i < job->n; i++)
        if (!(job->run ? job->loaded[i] : job->models[i] != NULL)) {
            const char *file = job->files[i];
            error(_("cannot read '%s': %s"), egaf_cli_is_stdin(file) ? EGAF_STDIN_NAME : file,
                  egaf_read_status_text(job->status[i]));
            return i;
        }
    return job->n;
}

int egaf_cli_load_models(char **files, size_t n, const egaf_load_options *options,
                         egaf_diags *diags, egaf_model **models, size_t *nmodels)
{
    *nmodels = 0;
    egaf_diags **lists = calloc(n ? n : 1, sizeof(*lists));
    egaf_read_status *status = calloc(n ? n : 1, sizeof(*status));
    if (!lists || !status) {
        free(lists);
        free(status);
        error(_("out of memory"));
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        models[i] = NULL;
    egaf_load_options none = {0};
    read_stdin_before(files, n, options);
    double start = egaf_cli_now_ms();
    load_job job = {files, n, options ? options : &none, models, lists, status, .next = 0};
    run_workers(&job);

    /* in file order: the findings of each file read, up to the first that
     * cannot be read, which stops the run as before the threads */
    size_t readable = first_unreadable(&job);
    for (size_t i = 0; i < n; i++) {
        if (i < readable) {
            egaf_diags_absorb(diags, lists[i]);
            models[(*nmodels)++] = models[i];
            continue;
        }
        egaf_diags_free(lists[i]);
        egaf_model_free(models[i]);
        models[i] = NULL;
    }
    free(lists);
    free(status);
    egaf_cli_phase(_("load models"), &start);
    return readable == n ? 0 : -1;
}

int egaf_cli_check_files(const egaf_refs *refs, char **files, size_t n,
                         const egaf_load_options *options, egaf_diags *diags)
{
    egaf_diags **lists = calloc(n ? n : 1, sizeof(*lists));
    egaf_diags **checks = calloc(n ? n : 1, sizeof(*checks));
    egaf_read_status *status = calloc(n ? n : 1, sizeof(*status));
    egaf_model **models = calloc(n ? n : 1, sizeof(*models));
    bool *loaded = calloc(n ? n : 1, sizeof(*loaded));
    egaf_validator *v = egaf_validator_create(refs);
    egaf_run *run = v ? egaf_run_create(v, n, false) : NULL;
    int rc = -1;
    if (!lists || !checks || !status || !models || !loaded || !run) {
        error(_("out of memory"));
        goto done;
    }
    egaf_load_options none = {0};
    read_stdin_before(files, n, options);
    double start = egaf_cli_now_ms();
    load_job job = {files, n, options ? options : &none, models, lists, status,
                    run, checks, loaded, .next = 0};
    run_workers(&job);
    if (first_unreadable(&job) < n)
        goto done;
    egaf_run_finish(run);
    /* the files' findings in file order, then their checks': as when every
     * model was loaded before the first was checked */
    for (size_t i = 0; i < n; i++) {
        egaf_diags_absorb(diags, lists[i]);
        lists[i] = NULL;
    }
    for (size_t i = 0; i < n; i++) {
        egaf_diags_absorb(diags, checks[i]);
        checks[i] = NULL;
    }
    egaf_cli_phase(_("load and check models"), &start);
    rc = 0;
done:
    for (size_t i = 0; i < n && lists && checks; i++) {
        egaf_diags_free(lists[i]);
        egaf_diags_free(checks[i]);
    }
    egaf_run_free(run);
    egaf_validator_free(v);
    free(lists);
    free(checks);
    free(status);
    free(models);
    free(loaded);
    return rc;
}
