/* import.c — throughput of the text importer and table mapper (issue 3).
 *
 * `import FILE [REPEAT]` reads FILE as text with jx_text_open and finds and
 * maps every 自评表 (jx_tables_read), without scoring or writing, REPEAT
 * times (default 1), and prints the median seconds and MB/s. With
 * `--rows` it only splits the file into rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "import/tables.h"
#include "import/text.h"

static bool count(jx_project *p, void *ctx)
{
    (void)p;
    (*(size_t *)ctx)++;
    return true;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    bool rows_only = argc > 1 && strcmp(argv[1], "--rows") == 0;
    if (rows_only) {
        argv++;
        argc--;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: import [--rows] FILE [REPEAT]\n");
        return 2;
    }
    int repeat = argc > 2 ? atoi(argv[2]) : 1;
    if (repeat < 1 || repeat > 100) repeat = 1;
    double times[100];
    size_t projects = 0;
    for (int k = 0; k < repeat; k++) {
        jx_rows rows;
        char err[512];
        double t0 = now();
        if (!jx_text_open(argv[1], &rows, err, sizeof err)) {
            fprintf(stderr, "import: %s\n", err);
            return 2;
        }
        projects = 0;
        if (rows_only) {
            jx_row row;
            while (rows.next(rows.state, &row, err, sizeof err) == 1)
                projects++;
        } else {
            jx_import_result res;
            memset(&res, 0, sizeof res);
            jx_tables_read(&rows, count, &projects, &res);
        }
        rows.close(rows.state);
        times[k] = now() - t0;
    }
    qsort(times, (size_t)repeat, sizeof *times, cmp);
    FILE *f = fopen(argv[1], "rb");
    if (!f) return 2;
    fseek(f, 0, SEEK_END);
    double mb = (double)ftell(f) / 1e6;
    fclose(f);
    double med = times[repeat / 2];
    printf("%s: %.1f MB, %zu %s, median %.3f s of %d, %.1f MB/s\n", argv[1], mb, projects,
           rows_only ? "rows" : "projects", med, repeat, mb / med);
    return 0;
}
