/* peakrss.c — run a command, report its wall time and peak memory.
 *
 *   peakrss [-p] CMD ARGS...
 *
 * Runs CMD with its standard output sent to /dev/null (-p: passed through),
 * waits for it with wait4() and prints one line to standard error:
 *
 *   peakrss: wall_s=1.234 user_s=1.100 sys_s=0.100 maxrss_mb=12.3 exit=0
 *
 * maxrss is the child's ru_maxrss (peak resident set size). The exit status
 * of peakrss is the command's (128+N when it died of signal N, 127 when it
 * could not be started), so no external `time` is needed by bench/run.sh.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(const struct timeval *tv)
{
    return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

int main(int argc, char **argv)
{
    int pass = 0, first = 1;
    if (argc > 1 && strcmp(argv[1], "-p") == 0) {
        pass = 1;
        first = 2;
    }
    if (first >= argc) {
        fputs("usage: peakrss [-p] CMD ARGS...  (-p: keep CMD's standard output)\n", stderr);
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("peakrss: fork");
        return 127;
    }
    if (pid == 0) {
        if (!pass) {
            int fd = open("/dev/null", O_WRONLY);
            if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) {
                perror("peakrss: /dev/null");
                _exit(127);
            }
            close(fd);
        }
        execvp(argv[first], argv + first);
        fprintf(stderr, "peakrss: cannot run %s: %s\n", argv[first], strerror(errno));
        _exit(127);
    }
    int status;
    struct rusage ru;
    pid_t got;
    while ((got = wait4(pid, &status, 0, &ru)) < 0 && errno == EINTR) {
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (got < 0) {
        perror("peakrss: wait4");
        return 127;
    }
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    int code = WIFEXITED(status)     ? WEXITSTATUS(status)
               : WIFSIGNALED(status) ? 128 + WTERMSIG(status)
                                     : 127;
    /* Linux reports ru_maxrss in KiB */
    fprintf(stderr, "peakrss: wall_s=%.3f user_s=%.3f sys_s=%.3f maxrss_mb=%.1f exit=%d\n", wall,
            seconds(&ru.ru_utime), seconds(&ru.ru_stime), (double)ru.ru_maxrss / 1024.0, code);
    return code;
}
