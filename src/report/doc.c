/* doc.c — the document writer's front: formats texts, opens and closes lists,
 * holds a table's first rows to size its columns, and hands everything to
 * the backend of the format; see doc.h and doc_backend.h. */
#include "doc_backend.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"

/* Rows looked at to choose column widths (Word, PDF); later rows follow them. */
#define MEASURE_ROWS 60

typedef struct jx_doc_pending {
    char *headers[JX_DOC_MAX_COLS];
    char *cells[MEASURE_ROWS * JX_DOC_MAX_COLS];
    int n, n_rows;
} jx_doc_pending;

static char *dup(const char *s)
{
    size_t n = strlen(s ? s : "");
    char *p = jx_xmalloc(n + 1);
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void jx_doc_fail(jx_doc *d, const char *fmt, ...)
{
    if (d->failed) return;
    d->failed = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->error, sizeof d->error, fmt, ap);
    va_end(ap);
}

bool jx_doc_is_figure(const char *s)
{
    if (!*s) return false;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || *s == '.' || *s == '-' || *s == '%')) return false;
    return true;
}

static const jx_doc_backend *backend_of(jx_doc_format format)
{
    switch (format) {
    case JX_DOC_HTML:
        return &jx_doc_html_backend;
    case JX_DOC_DOCX:
        return &jx_doc_docx_backend;
    case JX_DOC_PDF:
        return &jx_doc_pdf_backend;
    case JX_DOC_MD:
    default:
        return &jx_doc_md_backend;
    }
}

static void close_list(jx_doc *d)
{
    if (!d->in_list) return;
    d->in_list = false;
    if (d->be) d->be->list_end(d);
}

void jx_doc_begin(jx_doc *d, FILE *out, jx_doc_format format, const char *title)
{
    memset(d, 0, sizeof *d);
    d->out = out;
    d->format = format;
    d->be = backend_of(format);
    if (!d->be->begin(d, title)) {
        d->be = NULL;
        if (!d->failed) jx_doc_fail(d, "无法开始写文档");
        return;
    }
    jx_doc_heading(d, 1, title);
}

bool jx_doc_end(jx_doc *d)
{
    if (d->in_table) jx_doc_table_end(d);
    close_list(d);
    if (d->be && !d->be->end(d) && !d->failed) jx_doc_fail(d, "写出失败");
    d->be = NULL;
    return !d->failed;
}

void jx_doc_heading(jx_doc *d, int level, const char *text)
{
    close_list(d);
    if (d->be) d->be->heading(d, level, text);
}

/* printf into a buffer; long texts are allocated (*heap set, caller frees). */
static char *vformat(char *buf, size_t cap, const char *fmt, va_list ap, bool *heap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(buf, cap, fmt, ap);
    *heap = false;
    if (n >= 0 && (size_t)n >= cap) {
        buf = jx_xmalloc((size_t)n + 1);
        vsnprintf(buf, (size_t)n + 1, fmt, again);
        *heap = true;
    } else if (n < 0) {
        buf[0] = '\0';
    }
    va_end(again);
    return buf;
}

void jx_doc_para(jx_doc *d, const char *fmt, ...)
{
    close_list(d);
    char buf[8192];
    bool heap;
    va_list ap;
    va_start(ap, fmt);
    char *text = vformat(buf, sizeof buf, fmt, ap, &heap);
    va_end(ap);
    if (d->be) d->be->para(d, text);
    if (heap) free(text);
}

void jx_doc_item(jx_doc *d, const char *fmt, ...)
{
    if (!d->in_list) {
        d->in_list = true;
        if (d->be) d->be->list_begin(d);
    }
    char buf[8192];
    bool heap;
    va_list ap;
    va_start(ap, fmt);
    char *text = vformat(buf, sizeof buf, fmt, ap, &heap);
    va_end(ap);
    if (d->be) d->be->item(d, text);
    if (heap) free(text);
}

/* ---- tables ------------------------------------------------------------------- */

jx_doc_align jx_doc_cell_align(const char *s)
{
    if (jx_doc_is_figure(s)) return JX_ALIGN_RIGHT;
    if (*s && jx_text_em(s) <= 3.5) return JX_ALIGN_CENTER;
    return JX_ALIGN_LEFT;
}

/* Byte offset where a header splits into two lines (0: it does not). */
static size_t header_split(const char *h)
{
    size_t chars = 0, half = 0, at = 0;
    for (const char *s = h; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) chars++;
    if (chars < 3) return 0; /* 序号: kept whole */
    for (const char *s = h; *s; s++) {
        if (*s == ' ' || (*s == '/' && s[1])) return (size_t)(s - h) + (*s == '/');
    }
    for (const char *s = h; *s; s++) /* after floor(chars / 2) characters */
        if (((unsigned char)*s & 0xC0) != 0x80 && half++ == chars / 2) {
            at = (size_t)(s - h);
            break;
        }
    return at;
}

/* Width in ems of a header's longer line once split. */
static double header_least_em(const char *h)
{
    size_t at = header_split(h);
    if (!at) return jx_text_em(h);
    char first[256];
    size_t n = at < sizeof first ? at : sizeof first - 1;
    memcpy(first, h, n);
    first[n] = '\0';
    const char *rest = h + at + (h[at] == ' ');
    double a = jx_text_em(first), b = jx_text_em(rest);
    return (a > b ? a : b) * 1.05;
}

const char *jx_doc_header_lines(const char *h, double width_em, char *buf, size_t cap)
{
    size_t at = header_split(h);
    if (!at || jx_text_em(h) * 1.05 <= width_em || strlen(h) + 2 > cap) return h;
    memcpy(buf, h, at);
    buf[at] = '\n';
    strcpy(buf + at + 1, h + at + (h[at] == ' '));
    return buf;
}

void jx_doc_column_widths(const jx_doc_backend *be, const char *const *headers,
                          const char *const *rows, int n_rows, int n, double *widths)
{
    double natural[JX_DOC_MAX_COLS], least[JX_DOC_MAX_COLS], sum_nat = 0, sum_least = 0;
    double room = be->table_width_em, pad = be->cell_pad_em;
    for (int i = 0; i < n; i++) {
        /* headers are bold: a little wider; they may wrap at their characters */
        double nat = jx_text_em(headers[i]) * 1.05, min = header_least_em(headers[i]);
        if (min < 2.0) min = 2.0;
        for (int r = 0; r < n_rows; r++) {
            const char *cell = rows[r * n + i];
            double em = jx_text_em(cell);
            double unbreakable = jx_doc_is_figure(cell) ? em : jx_text_em_unbreakable(cell);
            if (em > nat) nat = em;
            if (unbreakable > min) min = unbreakable;
        }
        if (min > nat) nat = min;
        natural[i] = nat + pad;
        least[i] = min + pad;
        sum_nat += natural[i];
        sum_least += least[i];
    }
    for (int i = 0; i < n; i++) {
        double w;
        if (sum_nat <= room) /* everything fits: share the spare room by natural width */
            w = natural[i] * room / sum_nat;
        else if (sum_least >= room) /* even the least does not fit: shrink it */
            w = least[i] * room / sum_least;
        else if (sum_nat > sum_least)
            w = least[i] + (natural[i] - least[i]) * (room - sum_least) / (sum_nat - sum_least);
        else
            w = least[i];
        widths[i] = w / room;
    }
}

static void flush_pending(jx_doc *d)
{
    jx_doc_pending *p = d->pending;
    if (!p) return;
    d->pending = NULL;
    double widths[JX_DOC_MAX_COLS];
    jx_doc_column_widths(d->be, (const char *const *)p->headers, (const char *const *)p->cells,
                         p->n_rows, p->n, widths);
    d->be->table(d, (const char *const *)p->headers, p->n, widths);
    for (int r = 0; r < p->n_rows; r++)
        d->be->row(d, (const char *const *)&p->cells[r * p->n], p->n);
    for (int i = 0; i < p->n; i++)
        free(p->headers[i]);
    for (int i = 0; i < p->n_rows * p->n; i++)
        free(p->cells[i]);
    free(p);
}

void jx_doc_table(jx_doc *d, const char *const *headers, int n)
{
    close_list(d);
    if (d->in_table) jx_doc_table_end(d);
    if (n > JX_DOC_MAX_COLS) n = JX_DOC_MAX_COLS;
    d->in_table = true;
    d->n_cols = n;
    if (!d->be) return;
    if (d->be->table_width_em <= 0) {
        d->be->table(d, headers, n, NULL);
        return;
    }
    jx_doc_pending *p = jx_xmalloc(sizeof *p);
    memset(p, 0, sizeof *p);
    p->n = n;
    for (int i = 0; i < n; i++)
        p->headers[i] = dup(headers[i]);
    d->pending = p;
}

void jx_doc_row(jx_doc *d, const char *const *cells, int n)
{
    if (!d->be) return;
    jx_doc_pending *p = d->pending;
    if (!p) {
        d->be->row(d, cells, n);
        return;
    }
    for (int i = 0; i < p->n; i++) /* missing cells are empty */
        p->cells[p->n_rows * p->n + i] = dup(i < n ? cells[i] : "");
    if (++p->n_rows == MEASURE_ROWS) flush_pending(d);
}

void jx_doc_table_end(jx_doc *d)
{
    if (d->be) {
        flush_pending(d);
        d->be->table_end(d);
    }
    d->in_table = false;
}

void jx_doc_chart(jx_doc *d, const jx_chart *c)
{
    close_list(d);
    d->n_charts++;
    if (d->be) d->be->chart(d, c, d->n_charts);
}
