/* test_outdir.c - base/outdir: every name opened beneath the folder, never
 * through a link or "..", with openat2 and with the O_NOFOLLOW walk used
 * where the kernel has no openat2. */
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/outdir.h"
#include "cmocka_main.h"

static char root[64];  /* a temporary folder: root/site is the output */
static char site[96];
static egaf_outdir out;

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/egaf-outdir.XXXXXX");
    if (!mkdtemp(root))
        return -1;
    snprintf(site, sizeof site, "%s/site", root);
    if (mkdir(site, 0700) != 0)
        return -1;
    return egaf_outdir_open(&out, site);
}

static int teardown(void **state)
{
    (void)state;
    egaf_outdir_close(&out);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

static bool exists(const char *rel)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    struct stat st;
    return lstat(p, &st) == 0;
}

static void test_names(void **state)
{
    (void)state;
    assert_true(egaf_outdir_name_ok("data/models/a/a.yaml"));
    assert_true(egaf_outdir_name_ok("a..b"));
    assert_false(egaf_outdir_name_ok("../x"));
    assert_false(egaf_outdir_name_ok("data/../../x"));
    assert_false(egaf_outdir_name_ok("/etc/passwd"));
    assert_false(egaf_outdir_name_ok("a//b"));
    assert_false(egaf_outdir_name_ok("a/./b"));
    assert_false(egaf_outdir_name_ok(""));
    char longname[NAME_MAX + 2];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    assert_false(egaf_outdir_name_ok(longname));
    longname[NAME_MAX] = '\0';
    assert_true(egaf_outdir_name_ok(longname));
    assert_true(egaf_slug_ok("lang-son", 64));
    assert_false(egaf_slug_ok("../../x", 64));
    assert_false(egaf_slug_ok("Lang", 64));
    assert_false(egaf_slug_ok("", 64));
    assert_false(egaf_slug_ok("abc", 2));
}

static void test_write_and_mkdirs(void **state)
{
    (void)state;
    assert_int_equal(egaf_outdir_parents(&out, "data/models/a/a.yaml"), 0);
    assert_int_equal(egaf_outdir_write(&out, "data/models/a/a.yaml", "x: 1\n", 5, true), 0);
    assert_true(exists("site/data/models/a/a.yaml"));
    /* exclusive: a second file of the same name is refused */
    assert_int_equal(egaf_outdir_write(&out, "data/models/a/a.yaml", "y", 1, true), -1);
    assert_int_equal(errno, EEXIST);
    assert_int_equal(egaf_outdir_write(&out, "data/models/a/a.yaml", "y", 1, false), 0);
}

static void test_escapes_refused(void **state)
{
    (void)state;
    assert_int_equal(egaf_outdir_mkdirs(&out, "../../../../x"), -1);
    assert_int_equal(egaf_outdir_write(&out, "../escaped", "x", 1, false), -1);
    assert_false(exists("escaped"));
    /* a link inside the site that leads out: never followed, for a folder
     * on the way or for the file itself */
    char target[128], link[160];
    snprintf(target, sizeof target, "%s", root);
    snprintf(link, sizeof link, "%s/up", site);
    assert_int_equal(symlink(target, link), 0);
    assert_int_equal(egaf_outdir_write(&out, "up/escaped", "x", 1, false), -1);
    assert_int_equal(egaf_outdir_mkdirs(&out, "up/newdir"), -1);
    assert_false(exists("escaped"));
    assert_false(exists("newdir"));
    snprintf(target, sizeof target, "%s/victim", root);
    snprintf(link, sizeof link, "%s/file-link", site);
    assert_int_equal(symlink(target, link), 0);
    assert_int_equal(egaf_outdir_write(&out, "file-link", "x", 1, false), -1);
    assert_false(exists("victim"));
}

static void test_walk_fallback(void **state)
{
    (void)state;
    /* the same rules through the walk that stands in for openat2 */
    assert_int_equal(egaf_outdir_mkdirs(&out, "w/x"), 0);
    int fd = egaf_outdir_openat_walk(out.fd, "w/x/f.txt", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    close(fd);
    assert_true(exists("site/w/x/f.txt"));
    assert_int_equal(egaf_outdir_openat_walk(out.fd, "up/escaped2", O_WRONLY | O_CREAT, 0600),
                     -1);
    assert_int_equal(egaf_outdir_openat_walk(out.fd, "file-link", O_WRONLY | O_CREAT, 0600), -1);
    assert_int_equal(egaf_outdir_openat_walk(out.fd, "../escaped3", O_WRONLY | O_CREAT, 0600),
                     -1);
    assert_false(exists("escaped2"));
    assert_false(exists("escaped3"));
    assert_false(exists("victim"));
}

static void test_temp(void **state)
{
    (void)state;
    char name[NAME_MAX + 1];
    int fd = egaf_outdir_temp_file(&out, ".r.json", name, sizeof name);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(strncmp(name, ".r.json.tmp", 11), 0);
    assert_int_equal(strlen(name), 17);
    assert_int_equal(egaf_outdir_temp_dir(&out, "set", name, sizeof name), 0);
    assert_int_equal(strncmp(name, "set.tmp", 7), 0);
    /* a prefix is one name, never a path */
    assert_int_equal(egaf_outdir_temp_dir(&out, "../set", name, sizeof name), -1);
}

/* egaf_read_all: a file whole, appended to what the buffer held; one byte
 * over the limit is 1; 0 bytes read is a whole empty file. */
static void test_read_all(void **state)
{
    (void)state;
    char text[100000];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = (char)('a' + i % 26);
    assert_int_equal(egaf_outdir_write(&out, "big.txt", text, sizeof text, false), 0);
    assert_int_equal(egaf_outdir_write(&out, "empty.txt", "", 0, false), 0);
    egaf_buf b;
    egaf_buf_init(&b);
    egaf_buf_puts(&b, "head:");
    int fd = egaf_outdir_openat(&out, "big.txt", O_RDONLY, 0);
    assert_true(fd >= 0);
    assert_int_equal(egaf_read_all(fd, sizeof text, &b), 0); /* the limit is the size itself */
    close(fd);
    assert_int_equal(b.len, 5 + sizeof text);
    assert_memory_equal(b.data + 5, text, sizeof text);
    egaf_buf_reset(&b);
    fd = egaf_outdir_openat(&out, "big.txt", O_RDONLY, 0);
    assert_int_equal(egaf_read_all(fd, sizeof text - 1, &b), 1);
    close(fd);
    egaf_buf_reset(&b);
    fd = egaf_outdir_openat(&out, "empty.txt", O_RDONLY, 0);
    assert_int_equal(egaf_read_all(fd, 10, &b), 0);
    close(fd);
    assert_int_equal(b.len, 0);
    /* a descriptor that cannot be read: -1 */
    assert_int_equal(egaf_read_all(-1, 10, &b), -1);
    egaf_buf_free(&b);
}

EGAF_UNIT_MAIN(setup, teardown,
               cmocka_unit_test(test_names),
               cmocka_unit_test(test_write_and_mkdirs),
               cmocka_unit_test(test_escapes_refused),
               cmocka_unit_test(test_walk_fallback),
               cmocka_unit_test(test_temp),
               cmocka_unit_test(test_read_all))
