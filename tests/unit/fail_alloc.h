/* fail_alloc.h - for a test that makes the allocations of the code it tests
 * fail one at a time (test_validate_oom, test_export_oom, test_load_oom):
 * malloc, calloc and realloc are interposed on glibc's own, and mmap (the
 * arena maps its huge chunks from the kernel; glibc's allocator maps
 * through its internal entry, not this one) on the system call. Set
 * fail_after to n for the n-th allocation from now to fail, only that one
 * (the next succeed, so a failure nobody checks cannot hide behind a later
 * one that is checked); -1 for none. allocations counts them. A failure
 * sets errno to ENOMEM, as glibc's allocator does.
 *
 * AddressSanitizer owns malloc itself: a program that replaces it under
 * ASan frees ASan's memory with glibc's free. There nothing is interposed
 * and UNDER_ASAN is 1: the test skips itself (make check and make valgrind
 * run it). Include it in the test's one file only. */
#ifndef EGAF_FAIL_ALLOC_H
#define EGAF_FAIL_ALLOC_H

#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

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

static long fail_after = -1;
static long allocations;

#if !UNDER_ASAN
static int should_fail(void)
{
    allocations++;
    if (fail_after < 0 || fail_after-- != 0)
        return 0;
    errno = ENOMEM;
    return 1;
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

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    if (should_fail())
        return MAP_FAILED;
    return (void *)syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

void free(void *p)
{
    __libc_free(p);
}
#endif

#endif
