/* test_draw_pool.c - consolidate's diagram workers (cli/draw_pool.c): a few
 * long-lived processes, not one per diagram; every diagram's result and
 * findings back in the diagrams' order; a worker that dies loses only the
 * diagram it was drawing; a worker with more findings than a socket holds
 * does not block. The diagrams are drawn by a stand-in for egaf_site_draw
 * that says which process drew it. */
#include "testutil.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include "cli/draw_pool.h"
#include "render/render.h"
#include "cmocka_main.h"

/* The pool's one question to the rest of cli/ (load_models.c answers it in
 * egaf): how many workers for this much work. Here: EGAF_JOBS. */
size_t egaf_cli_jobs(size_t work)
{
    size_t jobs = (size_t)atoi(getenv("EGAF_JOBS"));
    return work < jobs ? work : jobs;
}

enum { DIAGRAMS = 12, DIES_ON = 3, NOTHING_ON = 5, TALKATIVE = 8, MANY = 5000 };

static pid_t test_process;
/* One Graphviz context for the tests, as for a command: Graphviz 2.42's
 * pango plugin keeps a pointer to the last font name of a context freed
 * before (ASan: a read after free in textspan_size). */
static egaf_gv *gv;

static int gv_setup(void **state)
{
    (void)state;
    gv = egaf_gv_create();
    return gv ? 0 : -1;
}

static int gv_teardown(void **state)
{
    (void)state;
    egaf_gv_free(gv);
    return 0;
}

/* Diagram DIES_ON kills its process (a worker's, never the test's),
 * NOTHING_ON gives EGAF_DRAWN_NONE, TALKATIVE says MANY things; every other
 * one says once which process drew it. */
static egaf_site_drawn fake_draw(egaf_site *site, const egaf_site_diagram *diagram,
                                 egaf_gv *context, egaf_diags *diags)
{
    (void)site;
    (void)context;
    if (diagram->index == DIES_ON && getpid() != test_process)
        raise(SIGKILL);
    size_t times = diagram->index == TALKATIVE ? MANY : 1;
    for (size_t i = 0; i < times; i++)
        egaf_diag_at(diags, "render.budget", diagram->rel, (unsigned)diagram->index, 1, NULL,
                     "pid %ld", (long)getpid());
    return diagram->index == NOTHING_ON ? EGAF_DRAWN_NONE : EGAF_DRAWN;
}

typedef struct drawing {
    egaf_gv *gv;
    egaf_site_diagram diagrams[DIAGRAMS];
    egaf_site_drawn drawn[DIAGRAMS];
    egaf_diags *diags;
} drawing;

static void draw_all(drawing *d, const char *jobs)
{
    setenv("EGAF_JOBS", jobs, 1);
    test_process = getpid();
    d->gv = gv;
    for (size_t i = 0; i < DIAGRAMS; i++) {
        d->diagrams[i] = (egaf_site_diagram){.index = i};
        snprintf(d->diagrams[i].rel, sizeof d->diagrams[i].rel, "d%zu.svg", i);
    }
    d->diags = egaf_diags_create();
    assert_non_null(d->diags);
    egaf_draw_pool pool = {.gv = d->gv, .draw = fake_draw};
    assert_int_equal(egaf_draw_pool_run(&pool, NULL, d->diagrams, DIAGRAMS, d->drawn, d->diags),
                     0);
}

static void drawing_free(drawing *d)
{
    egaf_diags_free(d->diags);
}

/* The findings are in the diagrams' order; returns how many processes drew. */
static size_t check_findings(const drawing *d, bool with_dead)
{
    long pids[DIAGRAMS];
    size_t npids = 0, at = 0;
    for (size_t i = 0; i < DIAGRAMS; i++) {
        if (with_dead && i == DIES_ON)
            continue;
        size_t times = i == TALKATIVE ? MANY : 1;
        for (size_t k = 0; k < times; k++, at++) {
            const egaf_finding *f = egaf_diags_at(d->diags, at);
            assert_non_null(f);
            assert_string_equal(f->rule, "render.budget");
            assert_int_equal(f->line, i);
            long pid = strtol(f->message + strlen("pid "), NULL, 10);
            bool seen = false;
            for (size_t p = 0; p < npids; p++)
                seen |= pids[p] == pid;
            if (!seen)
                pids[npids++] = pid;
        }
    }
    assert_int_equal(egaf_diags_count(d->diags), at);
    return npids;
}

/* A ThreadSanitizer build draws in process (draw_pool.c): no worker to lose */
#if defined(__SANITIZE_THREAD__)
#define NO_WORKERS 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define NO_WORKERS 1
#endif
#endif

static void test_two_workers_draw_everything_in_order(void **state)
{
    (void)state;
#ifdef NO_WORKERS
    skip();
#endif
    drawing d;
    draw_all(&d, "2");
    for (size_t i = 0; i < DIAGRAMS; i++)
        assert_int_equal(d.drawn[i], i == DIES_ON     ? EGAF_DRAWN_FAILED
                                     : i == NOTHING_ON ? EGAF_DRAWN_NONE
                                                       : EGAF_DRAWN);
    /* two workers, and one started again after the first died: not one
     * process per diagram */
    size_t processes = check_findings(&d, true);
    assert_true(processes >= 1 && processes <= 3);
    drawing_free(&d);
}

/* Every diagram drawn, and by this process alone (none died: no worker). */
static void assert_drawn_here(const drawing *d)
{
    for (size_t i = 0; i < DIAGRAMS; i++)
        assert_int_equal(d->drawn[i], i == NOTHING_ON ? EGAF_DRAWN_NONE : EGAF_DRAWN);
    assert_int_equal(check_findings(d, false), 1);
    const egaf_finding *first = egaf_diags_at(d->diags, 0);
    assert_int_equal(strtol(first->message + strlen("pid "), NULL, 10), (long)getpid());
}

static void test_one_job_draws_here(void **state)
{
    (void)state;
    drawing d;
    draw_all(&d, "1");
    assert_drawn_here(&d);
    drawing_free(&d);
}

/* A thread that reads its pipe until the test closes the other end, or,
 * with sleep_ms, sleeps that long and ends by itself. */
typedef struct other_thread {
    pthread_t thread;
    int pipe[2];
    int sleep_ms;
} other_thread;

static void *other_thread_main(void *arg)
{
    other_thread *t = arg;
    if (t->sleep_ms)
        nanosleep(&(struct timespec){0, t->sleep_ms * 1000L * 1000L}, NULL);
    else
        while (read(t->pipe[0], &(char){0}, 1) > 0)
            ;
    return NULL;
}

static void other_thread_start(other_thread *t, int sleep_ms)
{
    t->sleep_ms = sleep_ms;
    assert_int_equal(pipe(t->pipe), 0);
    assert_int_equal(pthread_create(&t->thread, NULL, other_thread_main, t), 0);
}

static void other_thread_end(other_thread *t)
{
    close(t->pipe[1]);
    pthread_join(t->thread, NULL);
    close(t->pipe[0]);
}

/* A fork while another thread runs could leave a lock it holds locked for
 * ever in the worker (pango's font threads, malloc's under ASan): with a
 * thread that does not end, no worker is forked and every diagram is drawn
 * here, after a bounded wait. */
static void test_no_fork_beside_a_thread(void **state)
{
    (void)state;
    other_thread t;
    other_thread_start(&t, 0);
    drawing d;
    draw_all(&d, "2");
    other_thread_end(&t);
    assert_drawn_here(&d);
    drawing_free(&d);
}

/* A thread that ends on its own soon (as pango's do) is waited for: the
 * workers are forked once it has ended. */
static void test_fork_after_a_thread_ends(void **state)
{
    (void)state;
#ifdef NO_WORKERS
    skip();
#endif
    other_thread t;
    other_thread_start(&t, 100);
    drawing d;
    draw_all(&d, "2");
    other_thread_end(&t);
    assert_int_equal(d.drawn[DIES_ON], EGAF_DRAWN_FAILED); /* drawn by a worker */
    size_t processes = check_findings(&d, true);
    assert_true(processes >= 1 && processes <= 3);
    const egaf_finding *first = egaf_diags_at(d.diags, 0);
    assert_int_not_equal(strtol(first->message + strlen("pid "), NULL, 10), (long)getpid());
    drawing_free(&d);
}

EGAF_UNIT_MAIN(gv_setup, gv_teardown,
               cmocka_unit_test(test_two_workers_draw_everything_in_order),
               cmocka_unit_test(test_one_job_draws_here),
               cmocka_unit_test(test_no_fork_beside_a_thread),
               cmocka_unit_test(test_fork_after_a_thread_ends))
