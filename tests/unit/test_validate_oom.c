/* test_validate_oom.c - running out of memory in the validator is an error,
 * never a wrong finding: every allocation of a validation is made to fail in
 * turn, alone (the first, the second, … the last one a clean run makes), and each
 * run either says memory ran out (egaf_diags_failed) or gives exactly the
 * findings of a run with all the memory it wants. This program interposes
 * malloc, calloc and realloc on glibc's own, and mmap (the arena maps its
 * chunks from the kernel) on the system call, to make them fail on request.
 * Runs with cwd = tests/. */
#include "tests/unit/testutil.h"

#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/buf.h"
#include "model/model.h"
#include "refs/refs.h"
#include "validator/validate.h"
#include "cmocka_main.h"


/* AddressSanitizer owns malloc itself: a program that replaces it under
 * ASan frees ASan's memory with glibc's free. There the test is skipped
 * (make check and make valgrind run it). */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void __libc_free(void *p);

/* -1: no failure; else the allocations left before the one that fails
 * (only that one: the next succeed, so a failure nobody checks cannot hide
 * behind a later one that is checked) */
static long fail_after = -1;
static long allocations;
static long mappings; /* of them, mmap calls: the arena's chunks */

#if !UNDER_ASAN
static int should_fail(void)
{
    allocations++;
    if (fail_after < 0)
        return 0;
    return fail_after-- == 0;
}

void *malloc(size_t size)
{
    return should_fail() ? NULL : __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
    return should_fail() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
    return should_fail() ? NULL : __libc_realloc(p, size);
}

/* glibc's own allocator maps through its internal entry, not this one: only
 * egaf's arena (and the libraries' direct calls) come here */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    mappings++;
    if (should_fail())
        return MAP_FAILED;
    return (void *)syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

void free(void *p)
{
    __libc_free(p);
}
#endif

/* A model where every check family has something to say: unused elements
 * beside used ones (hygiene.unused), an LGSP reached through another
 * platform, a database that takes its master data through another one,
 * routes, names that differ only by diacritics. */
static const char model_text[] =
    "framework: \"2.0\"\n"
    "architecture: {id: t, agency: \"000.00.00.H37\", level: province, name: Tỉnh Thử, "
    "year: 2020}\n"
    "business:\n"
    "  actors: [{id: dan, name: Người dân, kind: citizen}, {id: dn, name: Doanh nghiệp, "
    "kind: business}]\n"
    "  channels: [{id: web, name: Cổng, kind: web}]\n"
    "  services:\n"
    "    - {id: dv1, name: Dịch vụ 1, online: full, handled-by: tthc, channels: [web], "
    "actors: [dn]}\n"
    "application:\n"
    "  applications:\n"
    "    - {id: tthc, name: Hệ thống thông tin giải quyết TTHC, role: tthc, uses: [db1], "
    "hosted-on: [ttdl]}\n"
    "    - {id: qlvb, name: Quản lý văn bản, role: qlvb, hosted-on: [ttdl]}\n"
    "    - {id: le, name: Ứng dụng lẻ, role: other}\n"
    "    - {id: le2, name: Ung dung le, role: other}\n"
    "  platforms:\n"
    "    - {id: lgsp, name: LGSP, kind: lgsp, connects: [trung-gian], hosted-on: [ttdl]}\n"
    "    - {id: trung-gian, name: Trung gian, kind: iam, connects: [lgsp, national:ngsp]}\n"
    "    - {id: lgsp2, name: LGSP hai, kind: lgsp, connects: [national:ngsp]}\n"
    "  integrations:\n"
    "    - {from: tthc, to: national:dvcqg, via: lgsp, route: a, data: [Hồ sơ]}\n"
    "    - {from: qlvb, to: national:tltvb, route: b, data: [Văn bản]}\n"
    "data:\n"
    "  databases:\n"
    "    - {id: db1, name: CSDL một, kind: shared, sources: [db2], holds: [dan-cu]}\n"
    "    - {id: db2, name: CSDL hai, kind: shared, sources: [national:csdl-dan-cu]}\n"
    "    - {id: db3, name: CSDL ba, kind: shared, holds: [dan-cu]}\n"
    "technology:\n"
    "  infrastructure:\n"
    "    - {id: ttdl, name: Trung tâm dữ liệu, kind: datacenter, security-level: 3}\n"
    "    - {id: mang, name: Mạng, kind: network}\n";

/* The findings as text, one a line: what a wrong finding would change. */
static char *findings_text(const egaf_diags *d)
{
    egaf_buf b;
    egaf_buf_init(&b);
    for (size_t i = 0; i < egaf_diags_count(d); i++) {
        const egaf_finding *f = egaf_diags_at(d, i);
        egaf_buf_printf(&b, "%s %u:%u %s | %s\n", f->rule, f->line, f->col, f->message,
                        f->hint ? f->hint : "");
    }
    return b.data ? b.data : calloc(1, 1);
}

static void test_every_allocation_fails_in_turn(void **state)
{
    (void)state;
    if (UNDER_ASAN)
        skip();
    egaf_diags *ld = egaf_diags_create();
    egaf_model *m = egaf_model_load_memory("t.yaml", model_text, sizeof model_text - 1, NULL, ld);
    egaf_refs *refs = load_test_refs();
    assert_true(m && refs);

    /* the reference run, and how many allocations it makes */
    egaf_diags *d = egaf_diags_create();
    egaf_validator *v = egaf_validator_create(refs);
    assert_non_null(v);
    allocations = 0;
    mappings = 0;
    egaf_validate(v, &m, 1, d);
    long total = allocations;
    /* the arena's chunks are among the allocations made to fail */
    assert_true(mappings > 0);
    assert_false(egaf_diags_failed(d));
    char *want = findings_text(d);
    assert_non_null(strstr(want, "hygiene.unused"));
    assert_non_null(strstr(want, "component.multiple-lgsp"));
    egaf_diags_free(d);
    print_message("a clean validation makes %ld allocations\n", total);

    long failed_runs = 0;
    for (long n = 0; n < total; n++) {
        d = egaf_diags_create();
        assert_non_null(d);
        fail_after = n;
        egaf_validate(v, &m, 1, d);
        fail_after = -1;
        if (egaf_diags_failed(d)) {
            failed_runs++;
        } else {
            char *got = findings_text(d);
            if (strcmp(got, want) != 0) {
                size_t same = 0;
                while (got[same] && got[same] == want[same])
                    same++;
                while (same && want[same - 1] != '\n')
                    same--;
                fail_msg("allocation %ld of %ld failed, memory running out was not reported, "
                         "and the findings differ from line %zu on:\n--- want\n%.300s\n--- "
                         "got\n%.300s",
                         n, total, same, want + same, got + same);
            }
            free(got);
        }
        egaf_diags_free(d);
    }
    print_message("%ld of %ld runs said memory ran out\n", failed_runs, total);
    free(want);

    /* the cross-model checks of a consolidation, the same way */
    d = egaf_diags_create();
    allocations = 0;
    egaf_validate_cross(refs, &m, 1, 2020, d);
    total = allocations;
    assert_false(egaf_diags_failed(d));
    want = findings_text(d);
    assert_non_null(strstr(want, "cross.coverage"));
    egaf_diags_free(d);
    for (long n = 0; n < total; n++) {
        d = egaf_diags_create();
        assert_non_null(d);
        fail_after = n;
        egaf_validate_cross(refs, &m, 1, 2020, d);
        fail_after = -1;
        if (!egaf_diags_failed(d)) {
            char *got = findings_text(d);
            if (strcmp(got, want) != 0)
                fail_msg("cross: allocation %ld of %ld failed unreported", n, total);
            free(got);
        }
        egaf_diags_free(d);
    }
    free(want);
    egaf_validator_free(v);
    egaf_model_free(m);
    egaf_refs_free(refs);
    egaf_diags_free(ld);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_every_allocation_fails_in_turn))
