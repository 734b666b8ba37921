/* doc_backend.h — what a document format implements (inside src/report only).
 *
 * doc.c calls a backend with whole, unescaped texts: it formats printf
 * arguments, opens and closes lists, and, for backends that lay tables out
 * themselves (Word, PDF), holds the first rows of a table to choose column
 * widths before the table starts. Backends: doc_text.c (Markdown, HTML),
 * doc_docx.c, doc_pdf.c, and the event recorder in doc.c.
 */
#ifndef JX_DOC_BACKEND_H
#define JX_DOC_BACKEND_H

#include "doc.h"

typedef struct jx_doc_backend {
    /* Set up d->impl and write the start; the title heading follows as a heading(1). */
    bool (*begin)(jx_doc *d, const char *title);
    /* Write the end, free d->impl; false with d->error set on failure. */
    bool (*end)(jx_doc *d);
    void (*heading)(jx_doc *d, int level, const char *text);
    void (*para)(jx_doc *d, const char *text);
    void (*list_begin)(jx_doc *d);
    void (*item)(jx_doc *d, const char *text);
    void (*list_end)(jx_doc *d);
    /* widths: each column's share of the table width (sum 1), or NULL when
     * table_width_em is 0 (the backend does not need them). */
    void (*table)(jx_doc *d, const char *const *headers, int n, const double *widths);
    void (*row)(jx_doc *d, const char *const *cells, int n);
    void (*table_end)(jx_doc *d);
    void (*chart)(jx_doc *d, const jx_chart *c, int number);
    /* Table width in ems of the table font (0: no widths wanted) and the
     * padding of a cell (both sides) in ems. */
    double table_width_em, cell_pad_em;
} jx_doc_backend;

extern const jx_doc_backend jx_doc_md_backend, jx_doc_html_backend, jx_doc_docx_backend,
    jx_doc_pdf_backend;

/* Record a backend failure (the first one is kept). */
void jx_doc_fail(jx_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Is the cell a figure (digits, '.', '-', '%')? Figures are right-aligned. */
bool jx_doc_is_figure(const char *s);

typedef enum { JX_ALIGN_LEFT, JX_ALIGN_CENTER, JX_ALIGN_RIGHT } jx_doc_align;
/* How Word and PDF align a body cell: figures right, short words (优, 错误,
 * "0 / 1", "—") centred, text left. */
jx_doc_align jx_doc_cell_align(const char *s);
/* A header that does not fit `width_em` on one line, as two balanced lines
 * (written into buf, split at a space or after '/', else in the middle);
 * otherwise h itself. */
const char *jx_doc_header_lines(const char *h, double width_em, char *buf, size_t cap);

/* Column shares for a table of n columns from its header and first rows. */
void jx_doc_column_widths(const jx_doc_backend *be, const char *const *headers,
                          const char *const *rows, int n_rows, int n, double *widths);

#endif
