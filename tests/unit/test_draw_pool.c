/* test_draw_pool.c - consolidate's diagram workers (cli/draw_pool.c): a few
 * long-lived processes, not one per diagram; every diagram's result and
 * findings back in the diagrams' order; a worker that dies loses only the
 * diagram it was drawing; a worker with more findings than a socket holds
 * does not block. The diagrams are drawn by a stand-in for egaf_site_draw
 * that says which process drew it. */
#include "testutil.h"

#include <signal.h>

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

/* Diagram DIES_ON kills its process, NOTHING_ON gives EGAF_DRAWN_NONE,
 * TALKATIVE says MANY things; every other one says once which process
 * drew it. */
static egaf_site_drawn fake_draw(egaf_site *site, const egaf_site_diagram *diagram, egaf_gv *gv,
                                 egaf_diags *diags)
{
    (void)site;
    (void)gv;
    if (diagram->index == DIES_ON && getenv("EGAF_JOBS") && strcmp(getenv("EGAF_JOBS"), "1") != 0)
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
    d->gv = egaf_gv_create();
    assert_non_null(d->gv);
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
    egaf_gv_free(d->gv);
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

static void test_one_job_draws_here(void **state)
{
    (void)state;
    drawing d;
    draw_all(&d, "1");
    for (size_t i = 0; i < DIAGRAMS; i++)
        assert_int_equal(d.drawn[i], i == NOTHING_ON ? EGAF_DRAWN_NONE : EGAF_DRAWN);
    assert_int_equal(check_findings(&d, false), 1);
    const egaf_finding *first = egaf_diags_at(d.diags, 0);
    assert_int_equal(strtol(first->message + strlen("pid "), NULL, 10), (long)getpid());
    drawing_free(&d);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_two_workers_draw_everything_in_order),
               cmocka_unit_test(test_one_job_draws_here))
