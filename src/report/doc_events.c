/* doc_events.c — the neutral event stream: jx_doc_record writes document
 * calls into a temporary file, jx_doc_replay plays them into a document.
 *
 * One event per line; fields are separated by tabs; in a field '\\', tab,
 * newline and carriage return are written \\ \t \n \r. Events:
 *   h LEVEL TEXT      heading          p TEXT        paragraph
 *   i TEXT            list item        t H1 H2 ...   table with headers
 *   r C1 C2 ...       table row        e             table end
 *   c KIND SERIES OFFERED TITLE UNIT NOTE CATEGORY S1 S2   chart start
 *   b LABEL V1 V2     a bar (values exact, "—" for none)
 *   C                 chart end
 */
#include "doc_backend.h"

#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"

#define MAX_FIELDS (JX_DOC_MAX_COLS + 2)

/* ---- recording ---------------------------------------------------------------- */

static void field(jx_doc *d, const char *s)
{
    fputc('\t', d->out);
    for (; s && *s; s++) {
        switch (*s) {
        case '\\':
            fputs("\\\\", d->out);
            break;
        case '\t':
            fputs("\\t", d->out);
            break;
        case '\n':
            fputs("\\n", d->out);
            break;
        case '\r':
            fputs("\\r", d->out);
            break;
        default:
            fputc(*s, d->out);
        }
    }
}

static bool rec_begin(jx_doc *d, const char *title)
{
    (void)d;
    (void)title;
    return true;
}

static bool rec_end(jx_doc *d)
{
    return fflush(d->out) == 0;
}

static void rec_heading(jx_doc *d, int level, const char *text)
{
    fprintf(d->out, "h\t%d", level);
    field(d, text);
    fputc('\n', d->out);
}

static void rec_para(jx_doc *d, const char *text)
{
    fputc('p', d->out);
    field(d, text);
    fputc('\n', d->out);
}

static void rec_nothing(jx_doc *d)
{
    (void)d;
}

static void rec_item(jx_doc *d, const char *text)
{
    fputc('i', d->out);
    field(d, text);
    fputc('\n', d->out);
}

static void rec_cells(jx_doc *d, char type, const char *const *cells, int n)
{
    fputc(type, d->out);
    for (int i = 0; i < n; i++)
        field(d, cells[i]);
    fputc('\n', d->out);
}

static void rec_table(jx_doc *d, const char *const *headers, int n, const double *widths)
{
    (void)widths;
    rec_cells(d, 't', headers, n);
}

static void rec_row(jx_doc *d, const char *const *cells, int n)
{
    rec_cells(d, 'r', cells, n);
}

static void rec_table_end(jx_doc *d)
{
    fputs("e\n", d->out);
}

static void rec_chart(jx_doc *d, const jx_chart *c, int number)
{
    (void)number;
    fprintf(d->out, "c\t%d\t%d\t%zu", (int)c->kind, c->n_series, c->offered);
    field(d, c->title);
    field(d, c->unit);
    field(d, c->note);
    field(d, c->category);
    for (int s = 0; s < JX_CHART_MAX_SERIES; s++)
        field(d, s < c->n_series ? c->series[s] : "");
    fputc('\n', d->out);
    for (size_t i = 0; i < c->n_bars; i++) {
        fputc('b', d->out);
        field(d, c->bars[i].label);
        for (int s = 0; s < c->n_series; s++) {
            char v[JX_DEC_BUF];
            field(d, jx_dec_fmt(c->bars[i].value[s], v));
        }
        fputc('\n', d->out);
    }
    fputs("C\n", d->out);
}

static const jx_doc_backend recorder = {
    rec_begin, rec_end, rec_heading,   rec_para,  rec_nothing, rec_item, rec_nothing,
    rec_table, rec_row, rec_table_end, rec_chart, 0,           0,
};

void jx_doc_record(jx_doc *d, FILE *to, bool in_table)
{
    memset(d, 0, sizeof *d);
    d->out = to;
    d->be = &recorder;
    d->in_table = in_table;
}

/* ---- replaying ---------------------------------------------------------------- */

/* Split an event line in place into unescaped fields; returns their number. */
static int split(char *line, char **fields)
{
    int n = 0;
    char *w = line;
    fields[n++] = w;
    for (char *r = line; *r && *r != '\n'; r++) {
        if (*r == '\t') {
            *w++ = '\0';
            if (n == MAX_FIELDS) return -1;
            fields[n++] = w;
        } else if (*r == '\\' && r[1]) {
            r++;
            *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r == 'r' ? '\r' : *r;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
    return n;
}

/* A chart being read back: its strings are copies. */
typedef struct {
    jx_chart chart;
    char *strings[4 + JX_CHART_MAX_SERIES];
    bool open;
} chart_in;

static void chart_free(chart_in *x)
{
    for (size_t i = 0; i < sizeof x->strings / sizeof *x->strings; i++)
        free(x->strings[i]);
    memset(x, 0, sizeof *x);
}

static bool chart_start(chart_in *x, char **f, int n)
{
    if (n != 10) return false;
    chart_free(x);
    int kind = atoi(f[1]);
    if (kind < JX_CHART_VBAR || kind > JX_CHART_HBAR_GROUPED) return false;
    for (int i = 0; i < 4 + JX_CHART_MAX_SERIES; i++)
        x->strings[i] = strcpy(jx_xmalloc(strlen(f[4 + i]) + 1), f[4 + i]);
    jx_chart_init(&x->chart, (jx_chart_kind)kind, x->strings[0], x->strings[1], atoi(f[2]));
    x->chart.note = *x->strings[2] ? x->strings[2] : NULL;
    x->chart.category = x->strings[3];
    for (int s = 0; s < JX_CHART_MAX_SERIES; s++)
        x->chart.series[s] = x->strings[4 + s];
    x->open = true;
    x->chart.offered = (size_t)strtoull(f[3], NULL, 10);
    return true;
}

static bool chart_bar(chart_in *x, char **f, int n)
{
    if (!x->open || n != 1 + 1 + x->chart.n_series || x->chart.n_bars == JX_CHART_MAX_BARS)
        return false;
    jx_dec v[JX_CHART_MAX_SERIES] = {JX_NONE, JX_NONE};
    for (int s = 0; s < x->chart.n_series; s++)
        if (strcmp(f[2 + s], "—") != 0 && !jx_dec_parse(f[2 + s], strlen(f[2 + s]), &v[s], NULL))
            return false;
    size_t offered = x->chart.offered;
    jx_chart_add(&x->chart, f[1], v);
    x->chart.offered = offered; /* jx_chart_add counts; the recorded count stands */
    return true;
}

static bool replay_line(jx_doc *d, char **f, int n, chart_in *chart)
{
    switch (f[0][0]) {
    case 'h':
        if (n != 3) return false;
        jx_doc_heading(d, atoi(f[1]), f[2]);
        return true;
    case 'p':
        if (n != 2) return false;
        jx_doc_para(d, "%s", f[1]);
        return true;
    case 'i':
        if (n != 2) return false;
        jx_doc_item(d, "%s", f[1]);
        return true;
    case 't':
        jx_doc_table(d, (const char *const *)f + 1, n - 1);
        return true;
    case 'r':
        jx_doc_row(d, (const char *const *)f + 1, n - 1);
        return true;
    case 'e':
        jx_doc_table_end(d);
        return true;
    case 'c':
        return chart_start(chart, f, n);
    case 'b':
        return chart_bar(chart, f, n);
    case 'C':
        if (!chart->open) return false;
        jx_doc_chart(d, &chart->chart);
        chart_free(chart);
        return true;
    default:
        return false;
    }
}

bool jx_doc_replay(jx_doc *d, FILE *from)
{
    if (fflush(from) != 0 || fseek(from, 0, SEEK_SET) != 0) {
        jx_doc_fail(d, "无法读回临时文件");
        return false;
    }
    char *line = NULL, *fields[MAX_FIELDS];
    size_t cap = 0;
    ssize_t len;
    long number = 0;
    chart_in chart;
    memset(&chart, 0, sizeof chart);
    bool ok = true;
    while (ok && (len = getline(&line, &cap, from)) > 0) {
        number++;
        int n = split(line, fields);
        ok = n > 0 && fields[0][0] && !fields[0][1] && replay_line(d, fields, n, &chart);
    }
    if (ok && chart.open) ok = false;
    if (!ok) jx_doc_fail(d, "临时文件第 %ld 行的记录已损坏", number);
    chart_free(&chart);
    free(line);
    return ok;
}
