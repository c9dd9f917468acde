/* draw_pool.c - consolidate's diagrams drawn in worker processes (the site
 * library only describes them and draws one on request; processes are the
 * command's business).
 *
 * The diagrams are independent, so they are drawn in parallel, one child
 * process per diagram: the child inherits the site's figures and a
 * Graphviz context already warmed up (plugins, fontconfig, pango: most of a
 * small diagram's time), draws, writes its own file, sends its findings
 * back over a pipe and exits with the result. The parent waits only for its
 * own children, by pid, and reads every pipe while they run, so a child with
 * many findings never blocks on a full pipe. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/rules.h"
#include "cli/cli.h"
#include "cli/draw_pool.h"
#include "base/outdir.h"

/* ---- findings as bytes ---------------------------------------------------- */

#define NO_STRING UINT32_MAX

static void put_u32(egaf_buf *out, uint32_t v)
{
    egaf_buf_add(out, (const char *)&v, sizeof v); /* same machine: native order */
}

static void put_str(egaf_buf *out, const char *s)
{
    size_t len = s ? strlen(s) : 0;
    put_u32(out, s ? (uint32_t)len : NO_STRING);
    if (s)
        egaf_buf_add(out, s, len);
}

void egaf_draw_pool_write_findings(egaf_buf *out, const egaf_diags *list)
{
    for (size_t i = 0; i < egaf_diags_count(list); i++) {
        const egaf_finding *f = egaf_diags_at(list, i);
        put_str(out, f->rule);
        put_str(out, f->file);
        put_u32(out, f->line);
        put_u32(out, f->col);
        put_str(out, f->element);
        put_str(out, f->message);
        put_str(out, f->hint);
    }
}

typedef struct reader {
    const char *p, *end;
    bool short_read;
} reader;

static uint32_t get_u32(reader *r)
{
    uint32_t v = 0;
    if ((size_t)(r->end - r->p) < sizeof v) {
        r->short_read = true;
        return 0;
    }
    memcpy(&v, r->p, sizeof v);
    r->p += sizeof v;
    return v;
}

/* A string of the record, NUL-terminated in scratch (NULL for none). */
static const char *get_str(reader *r, egaf_buf *scratch, size_t *at)
{
    uint32_t len = get_u32(r);
    if (r->short_read || len == NO_STRING)
        return NULL;
    if ((size_t)(r->end - r->p) < len) {
        r->short_read = true;
        return NULL;
    }
    *at = scratch->len;
    egaf_buf_add(scratch, r->p, len);
    egaf_buf_add(scratch, "", 1);
    r->p += len;
    return ""; /* the caller takes scratch->data + *at once the record is read */
}

long egaf_draw_pool_read_findings(egaf_diags *diags, const char *data, size_t len)
{
    if (!data || len == 0) /* a child with nothing to say (NULL + 0 is undefined) */
        return 0;
    reader r = {data, data + len, false};
    egaf_buf scratch;
    egaf_buf_init(&scratch);
    long n = 0;
    while (r.p < r.end) {
        egaf_buf_reset(&scratch);
        size_t at[5] = {0};
        const char *rule = get_str(&r, &scratch, &at[0]);
        const char *file = get_str(&r, &scratch, &at[1]);
        unsigned line = get_u32(&r), col = get_u32(&r);
        const char *element = get_str(&r, &scratch, &at[2]);
        const char *message = get_str(&r, &scratch, &at[3]);
        const char *hint = get_str(&r, &scratch, &at[4]);
        if (r.short_read || !rule || !message)
            break; /* a child that died mid-record: its complete ones count */
        if (scratch.failed) {
            n = -1;
            break;
        }
        const char *base = scratch.data;
        /* a finding keeps its rule id as given: the catalogue's own string */
        const egaf_rule *known = egaf_rule_find(base + at[0]);
        if (!known)
            continue; /* not a rule of this egaf: a child's bytes went wrong */
        egaf_finding *f = egaf_diag_at(diags, known->id, file ? base + at[1] : NULL, line,
                                       col, element ? base + at[2] : NULL, "%s", base + at[3]);
        if (f && hint)
            egaf_diag_hint(diags, f, "%s", base + at[4]);
        n++;
    }
    egaf_buf_free(&scratch);
    return egaf_diags_failed(diags) ? -1 : n;
}

/* ---- the pool ------------------------------------------------------------------ */

typedef struct worker {
    pid_t pid; /* 0: not started or finished */
    int fd;    /* the read end of its pipe, -1 when closed */
    egaf_buf findings;
} worker;

/* Draws diagram i here (no child could be made, or EGAF_JOBS=1). */
static void draw_here(egaf_draw_pool *pool, egaf_site *site, const egaf_site_diagram *d,
                      egaf_site_drawn *drawn, egaf_diags *list)
{
    *drawn = egaf_site_draw(site, d, pool->gv, list);
}

static void child(egaf_draw_pool *pool, egaf_site *site, const egaf_site_diagram *d, int fd,
                  pid_t parent)
{
    /* a child never outlives a killed parent */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(EGAF_DRAWN_FAILED);
    egaf_diags *list = egaf_diags_create();
    if (!list)
        _exit(EGAF_DRAWN_FAILED);
    egaf_site_drawn r = egaf_site_draw(site, d, pool->gv, list);
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_draw_pool_write_findings(&out, list);
    egaf_diags_free(list);
    int status = out.failed ? EGAF_DRAWN_FAILED : (int)r;
    if (!out.failed && egaf_write_all(fd, out.data ? out.data : "", out.len) != 0)
        status = EGAF_DRAWN_FAILED;
    /* what the child made is freed: valgrind checks a child's leaks too */
    egaf_buf_free(&out);
    _exit(status);
}

/* Reads what worker w sent; at the end of its pipe, waits for it and sets
 * its result. */
static void read_worker(worker *w, egaf_site_drawn *drawn, size_t *running)
{
    char chunk[4096];
    ssize_t got = read(w->fd, chunk, sizeof chunk);
    if (got < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (got > 0) {
        egaf_buf_add(&w->findings, chunk, (size_t)got);
        return;
    }
    close(w->fd);
    w->fd = -1;
    int status;
    pid_t r;
    while ((r = waitpid(w->pid, &status, 0)) < 0 && errno == EINTR)
        ;
    w->pid = 0;
    (*running)--;
    *drawn = r > 0 && WIFEXITED(status) && WEXITSTATUS(status) <= EGAF_DRAWN_FAILED
                 ? (egaf_site_drawn)WEXITSTATUS(status)
                 : EGAF_DRAWN_FAILED;
}

/* Waits until a running worker sends something or ends. */
static void wait_workers(worker *ws, size_t n, struct pollfd *fds, size_t *slot_of,
                         egaf_site_drawn *drawn, size_t *running)
{
    size_t nfds = 0;
    for (size_t i = 0; i < n; i++)
        if (ws[i].fd >= 0) {
            fds[nfds] = (struct pollfd){ws[i].fd, POLLIN, 0};
            slot_of[nfds++] = i;
        }
    if (poll(fds, nfds, -1) < 0)
        return; /* EINTR: the caller loops */
    for (size_t k = 0; k < nfds; k++)
        if (fds[k].revents)
            read_worker(&ws[slot_of[k]], &drawn[slot_of[k]], running);
}

/* Under ThreadSanitizer a forked child cannot report: it shares the
 * parent's symbolizer process and hangs reading from it. A TSan build draws
 * in process; its threads (the models loaded in parallel) are still
 * covered. */
#if defined(__SANITIZE_THREAD__)
#define FORK_WORKERS 0
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define FORK_WORKERS 0
#endif
#endif
#ifndef FORK_WORKERS
#define FORK_WORKERS 1
#endif

int egaf_draw_pool_run(void *ctx, egaf_site *site, const egaf_site_diagram *diagrams, size_t n,
                       egaf_site_drawn *drawn, egaf_diags *diags)
{
    egaf_draw_pool *pool = ctx;
    size_t parallel = egaf_cli_jobs(n);
    const char *jobs = getenv("EGAF_JOBS");
    if (!FORK_WORKERS || (jobs && strcmp(jobs, "1") == 0)) {
        for (size_t i = 0; i < n; i++)
            draw_here(pool, site, &diagrams[i], &drawn[i], diags);
        return 0;
    }
    worker *ws = calloc(n + 1, sizeof(*ws));
    struct pollfd *fds = calloc(n + 1, sizeof(*fds));
    size_t *slot_of = calloc(n + 1, sizeof(*slot_of));
    egaf_diags **here = calloc(n + 1, sizeof(*here)); /* drawn in this process */
    if (!ws || !fds || !slot_of || !here) {
        free(ws);
        free(fds);
        free(slot_of);
        free(here);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        ws[i].fd = -1;
        egaf_buf_init(&ws[i].findings);
    }
    egaf_gv_warm_up(pool->gv);
    fflush(NULL); /* nothing buffered is written twice by a child */
    pid_t parent = getpid();
    size_t running = 0;
    for (size_t i = 0; i < n;) {
        if (running >= parallel) {
            wait_workers(ws, n, fds, slot_of, drawn, &running);
            continue;
        }
        int p[2];
        pid_t pid = -1;
        if (pipe2(p, O_CLOEXEC) == 0) {
            pid = fork();
            if (pid == 0) {
                close(p[0]);
                child(pool, site, &diagrams[i], p[1], parent);
            }
            close(p[1]);
            if (pid < 0)
                close(p[0]);
        }
        if (pid > 0) {
            ws[i].pid = pid;
            ws[i].fd = p[0];
            running++;
            i++;
            continue;
        }
        /* no child: wait for one to finish and try again, else draw here */
        if (running) {
            wait_workers(ws, n, fds, slot_of, drawn, &running);
            continue;
        }
        here[i] = egaf_diags_create();
        if (here[i])
            draw_here(pool, site, &diagrams[i], &drawn[i], here[i]);
        i++;
    }
    while (running)
        wait_workers(ws, n, fds, slot_of, drawn, &running);
    /* the findings in the diagrams' order */
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (here[i])
            egaf_diags_absorb(diags, here[i]);
        else if (ws[i].findings.failed ||
                 egaf_draw_pool_read_findings(diags, ws[i].findings.data, ws[i].findings.len) < 0)
            rc = -1;
        egaf_buf_free(&ws[i].findings);
    }
    free(ws);
    free(fds);
    free(slot_of);
    free(here);
    return rc;
}
