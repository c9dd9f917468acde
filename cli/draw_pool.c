/* draw_pool.c - consolidate's diagrams drawn in worker processes (the site
 * library only describes them and draws one on request; processes are the
 * command's business).
 *
 * The diagrams are independent, so they are drawn in parallel by a few
 * long-lived workers, one per core: each is forked once, after the site's
 * figures are built and a Graphviz context is warmed up (plugins,
 * fontconfig, pango: most of a small diagram's time) and this process is
 * down to one thread, and then draws one diagram after another as the
 * parent hands them out. Forking once per
 * diagram cost more than the drawing: every fork of a parent of a few
 * hundred MB copies its page tables, and every child paid again for the
 * pages it wrote (copy on write) and for the caches it warmed; at scale 1
 * that was 18 of consolidate's 41 CPU seconds (docs/performance.md).
 *
 * A worker writes its own diagram's file and sends back, per diagram, its
 * result and findings over a socket of its own. The parent waits only for
 * its own children, by pid, and reads every socket while they run, so a
 * worker with many findings never blocks. A worker that dies loses only the
 * diagram it was drawing (EGAF_DRAWN_FAILED); another is started for the
 * ones left. */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/rules.h"
#include "cli/cli.h"
#include "cli/draw_pool.h"

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

/* What a worker sends back after each diagram: this header, then len bytes
 * of findings (egaf_draw_pool_write_findings). */
typedef struct drawn_header {
    uint32_t index;  /* the diagram's */
    uint32_t result; /* an egaf_site_drawn */
    uint32_t len;
} drawn_header;

#define IDLE SIZE_MAX

typedef struct worker {
    pid_t pid;      /* 0: not running */
    int fd;         /* the parent's end of its socket, -1 when closed */
    size_t drawing; /* the diagram it was sent, or IDLE */
    egaf_buf in;    /* what it sent that is not read yet */
} worker;

/* Sends (out) or receives len bytes over the socket fd, however many calls
 * it takes; false on an error or, receiving, at its end before len bytes. */
static bool move_all(int fd, void *data, size_t len, bool out)
{
    char *p = data;
    while (len) {
        ssize_t moved = out ? send(fd, p, len, MSG_NOSIGNAL) : recv(fd, p, len, 0);
        if (moved < 0 && errno == EINTR)
            continue;
        if (moved <= 0)
            return false;
        p += moved;
        len -= (size_t)moved;
    }
    return true;
}

static bool send_all(int fd, const void *data, size_t len)
{
    return move_all(fd, (void *)data, len, true);
}

static egaf_site_drawn draw_one(egaf_draw_pool *pool, egaf_site *site,
                                const egaf_site_diagram *diagram, egaf_diags *diags)
{
    return (pool->draw ? pool->draw : egaf_site_draw)(site, diagram, pool->gv, diags);
}

/* The worker: draws each diagram whose index arrives on fd, until the
 * parent closes its end. Never returns. */
static void work(egaf_draw_pool *pool, egaf_site *site, const egaf_site_diagram *diagrams,
                 size_t n, int fd, pid_t parent)
{
    /* a worker never outlives a killed parent */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(1);
    egaf_buf out;
    egaf_buf_init(&out);
    uint32_t index;
    while (move_all(fd, &index, sizeof index, false) && index < n) {
        egaf_diags *list = egaf_diags_create();
        egaf_site_drawn r = list ? draw_one(pool, site, &diagrams[index], list) : EGAF_DRAWN_FAILED;
        egaf_buf_reset(&out);
        if (list)
            egaf_draw_pool_write_findings(&out, list);
        egaf_diags_free(list);
        if (out.failed) {
            r = EGAF_DRAWN_FAILED;
            egaf_buf_reset(&out);
        }
        drawn_header h = {index, (uint32_t)r, (uint32_t)out.len};
        if (!send_all(fd, &h, sizeof h) || !send_all(fd, out.data ? out.data : "", out.len))
            break;
    }
    /* what the worker made is freed: valgrind checks a child's leaks too */
    egaf_buf_free(&out);
    close(fd);
    _exit(0);
}

typedef struct pool_run {
    egaf_draw_pool *pool;
    egaf_site *site;
    const egaf_site_diagram *diagrams;
    size_t n;
    egaf_site_drawn *drawn;
    egaf_buf *found; /* each diagram's findings, as its worker sent them */
    worker *ws;
    size_t nworkers;
    size_t next;     /* the next diagram to hand out */
    size_t finished; /* diagrams with a result */
    pid_t parent;
    bool not_alone;  /* a thread of this process outlived FORK_WAIT_MS: no more forks */
} pool_run;

/* The threads of this process now, or 0 when /proc does not say. */
static size_t threads_now(void)
{
    DIR *d = opendir("/proc/self/task");
    if (!d)
        return 0;
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (e->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

/* Pango sorts fonts on threads of its own, which end by themselves a moment
 * after a drawing (the warm-up's, or one drawn here). A fork while such a
 * thread holds a lock (malloc's under AddressSanitizer, glib's, fontconfig's)
 * leaves that lock held for ever in the worker, which hangs at its first
 * drawing: consolidate then never ends (seen under ASan in CI). So a worker
 * is forked only once this process is down to its own thread, waited for
 * up to FORK_WAIT_MS; false when that did not come (or /proc cannot say):
 * the diagrams left are then drawn in this process. */
enum { FORK_WAIT_MS = 1000, FORK_POLL_MS = 2 };
static bool alone_for_fork(pool_run *run)
{
    for (int waited = 0; !run->not_alone; waited += FORK_POLL_MS) {
        size_t n = threads_now();
        if (n == 1)
            return true;
        if (n == 0 || waited >= FORK_WAIT_MS)
            run->not_alone = true;
        else
            nanosleep(&(struct timespec){0, FORK_POLL_MS * 1000L * 1000L}, NULL);
    }
    return false;
}

/* Starts worker w; false when no process could be made. */
static bool start_worker(pool_run *run, worker *w)
{
    if (!alone_for_fork(run))
        return false;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return false;
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[0]);
        for (size_t i = 0; i < run->nworkers; i++) /* the others' ends are theirs */
            if (run->ws[i].fd >= 0)
                close(run->ws[i].fd);
        work(run->pool, run->site, run->diagrams, run->n, sv[1], run->parent);
    }
    close(sv[1]);
    if (pid < 0) {
        close(sv[0]);
        return false;
    }
    w->pid = pid;
    w->fd = sv[0];
    w->drawing = IDLE;
    egaf_buf_reset(&w->in);
    return true;
}

/* Worker w has ended (its socket closed): waits for it; the diagram it was
 * drawing is lost. */
static void end_worker(pool_run *run, worker *w)
{
    close(w->fd);
    w->fd = -1;
    while (waitpid(w->pid, NULL, 0) < 0 && errno == EINTR)
        ;
    w->pid = 0;
    if (w->drawing != IDLE) {
        run->drawn[w->drawing] = EGAF_DRAWN_FAILED;
        run->finished++;
        w->drawing = IDLE;
    }
}

/* Takes the complete results in w's input. */
static void take_results(pool_run *run, worker *w)
{
    size_t at = 0;
    drawn_header h;
    while (w->in.len - at >= sizeof h) {
        memcpy(&h, w->in.data + at, sizeof h);
        if (w->in.len - at - sizeof h < h.len)
            break; /* the rest is on its way */
        if (h.index == w->drawing) {
            run->drawn[h.index] =
                h.result <= EGAF_DRAWN_FAILED ? (egaf_site_drawn)h.result : EGAF_DRAWN_FAILED;
            egaf_buf_add(&run->found[h.index], w->in.data + at + sizeof h, h.len);
            run->finished++;
            w->drawing = IDLE;
        }
        at += sizeof h + h.len;
    }
    if (at) {
        memmove(w->in.data, w->in.data + at, w->in.len - at);
        w->in.len -= at;
    }
}

/* Hands the next diagram to every idle worker (starting one again where it
 * ended while diagrams are left); false when none is running. */
static bool hand_out(pool_run *run)
{
    bool any = false;
    for (size_t i = 0; i < run->nworkers; i++) {
        worker *w = &run->ws[i];
        if (w->pid == 0 && run->next < run->n && !start_worker(run, w))
            continue;
        if (w->pid == 0)
            continue;
        any = true;
        if (w->drawing != IDLE || run->next >= run->n)
            continue;
        uint32_t index = (uint32_t)run->next;
        if (send_all(w->fd, &index, sizeof index)) {
            w->drawing = run->next++;
        }
    }
    return any;
}

/* Waits until a worker sends something or ends, and takes it. */
static void wait_workers(pool_run *run, struct pollfd *fds, size_t *slot_of)
{
    size_t nfds = 0;
    for (size_t i = 0; i < run->nworkers; i++)
        if (run->ws[i].fd >= 0) {
            fds[nfds] = (struct pollfd){run->ws[i].fd, POLLIN, 0};
            slot_of[nfds++] = i;
        }
    if (poll(fds, nfds, -1) < 0)
        return; /* EINTR: the caller loops */
    for (size_t k = 0; k < nfds; k++) {
        if (!fds[k].revents)
            continue;
        worker *w = &run->ws[slot_of[k]];
        char chunk[16384];
        ssize_t got = recv(w->fd, chunk, sizeof chunk, 0);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (got > 0) {
            egaf_buf_add(&w->in, chunk, (size_t)got);
            take_results(run, w);
        } else {
            end_worker(run, w);
        }
    }
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

/* Draws diagrams[0..n) in this process, their findings straight into
 * diags: every diagram (EGAF_JOBS=1, or a build that does not fork), or
 * one that no worker took (no worker could be made). */
static void draw_here(egaf_draw_pool *pool, egaf_site *site, const egaf_site_diagram *diagrams,
                      size_t n, egaf_site_drawn *drawn, egaf_diags *diags)
{
    for (size_t i = 0; i < n; i++)
        drawn[i] = draw_one(pool, site, &diagrams[i], diags);
}

int egaf_draw_pool_run(void *ctx, egaf_site *site, const egaf_site_diagram *diagrams, size_t n,
                       egaf_site_drawn *drawn, egaf_diags *diags)
{
    egaf_draw_pool *pool = ctx;
    size_t parallel = egaf_cli_jobs(n);
    const char *jobs = getenv("EGAF_JOBS");
    if (!FORK_WORKERS || n == 0 || (jobs && strcmp(jobs, "1") == 0)) {
        draw_here(pool, site, diagrams, n, drawn, diags);
        return 0;
    }
    pool_run run = {pool, site, diagrams, n, drawn, NULL, NULL, parallel, 0, 0, getpid(), false};
    run.found = calloc(n, sizeof(*run.found));
    run.ws = calloc(parallel, sizeof(*run.ws));
    struct pollfd *fds = calloc(parallel, sizeof(*fds));
    size_t *slot_of = calloc(parallel, sizeof(*slot_of));
    if (!run.found || !run.ws || !fds || !slot_of) {
        free(run.found);
        free(run.ws);
        free(fds);
        free(slot_of);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        drawn[i] = EGAF_DRAWN_FAILED;
        egaf_buf_init(&run.found[i]);
    }
    for (size_t i = 0; i < parallel; i++) {
        run.ws[i].fd = -1;
        run.ws[i].drawing = IDLE;
        egaf_buf_init(&run.ws[i].in);
    }
    egaf_gv_warm_up(pool->gv);
    fflush(NULL); /* nothing buffered is written twice by a worker */
    while (run.finished < n && hand_out(&run))
        wait_workers(&run, fds, slot_of);
    /* every diagram is drawn (or no worker could be made): the workers end
     * when their sockets close */
    for (size_t i = 0; i < parallel; i++)
        if (run.ws[i].pid) {
            shutdown(run.ws[i].fd, SHUT_WR);
            run.ws[i].drawing = IDLE;
            end_worker(&run, &run.ws[i]);
        }
    /* the findings in the diagrams' order; a diagram no worker took is drawn here */
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (i >= run.next)
            draw_here(pool, site, &diagrams[i], 1, &drawn[i], diags);
        else if (run.found[i].failed ||
                 egaf_draw_pool_read_findings(diags, run.found[i].data, run.found[i].len) < 0)
            rc = -1;
        egaf_buf_free(&run.found[i]);
    }
    for (size_t i = 0; i < parallel; i++)
        egaf_buf_free(&run.ws[i].in);
    free(run.found);
    free(run.ws);
    free(fds);
    free(slot_of);
    return rc;
}
