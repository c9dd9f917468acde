/* onefile.c - times short commands against each other: each is run RUNS
 * times, the commands taking turns (so a burst of load on a shared machine
 * falls on all of them), through fork, exec and wait4, the output thrown
 * away. Prints per command, in milliseconds, the median wall time (the
 * clock around fork to wait4) and the median CPU time (user + system from
 * wait4), then the exit status of its first run:
 *   LABEL WALL_MS CPU_MS USER_MS SYS_MS STATUS
 *
 * usage: onefile RUNS LABEL CMD [ARG...] [-- LABEL CMD [ARG...]]... */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct command {
    const char *label;
    char **argv;
    double *wall, *cpu, *user, *sys;
    int status;
} command;

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof(*v), by_value);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double ms(struct timeval tv)
{
    return (double)tv.tv_sec * 1e3 + (double)tv.tv_usec / 1e3;
}

static int run_once(command *c, int i)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        execv(c->argv[0], c->argv);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0)
        return -1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    c->wall[i] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    c->user[i] = ms(ru.ru_utime);
    c->sys[i] = ms(ru.ru_stime);
    c->cpu[i] = c->user[i] + c->sys[i];
    if (i == 0)
        c->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fputs("usage: onefile RUNS LABEL CMD [ARG...] [-- LABEL CMD [ARG...]]...\n", stderr);
        return 2;
    }
    int runs = atoi(argv[1]);
    if (runs < 1)
        runs = 1;
    command cmds[32];
    int n = 0;
    for (int i = 2; i < argc && n < 32;) {
        command *c = &cmds[n++];
        memset(c, 0, sizeof(*c));
        c->label = argv[i++];
        c->argv = argv + i;
        while (i < argc && strcmp(argv[i], "--") != 0)
            i++;
        if (i < argc)
            argv[i++] = NULL; /* ends this command's argv */
        /* one block: wall, cpu, user and sys times, runs of each */
        c->wall = calloc(4 * (size_t)runs, sizeof(double));
        if (!c->argv[0] || !c->wall) {
            fputs("onefile: a command is missing, or out of memory\n", stderr);
            for (int k = 0; k < n; k++)
                free(cmds[k].wall);
            return 2;
        }
        c->cpu = c->wall + runs;
        c->user = c->cpu + runs;
        c->sys = c->user + runs;
    }
    for (int r = 0; r < runs; r++)
        for (int k = 0; k < n; k++)
            if (run_once(&cmds[k], r) != 0) {
                perror("onefile");
                for (int j = 0; j < n; j++)
                    free(cmds[j].wall);
                return 2;
            }
    for (int k = 0; k < n; k++) {
        command *c = &cmds[k];
        printf("%s %.2f %.2f %.2f %.2f %d\n", c->label, median(c->wall, runs),
               median(c->cpu, runs), median(c->user, runs), median(c->sys, runs), c->status);
        free(c->wall);
    }
    return 0;
}
