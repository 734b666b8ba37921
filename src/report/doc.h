/* doc.h — a small document writer for reports: Markdown, self-contained HTML,
 * Word (.docx) and PDF.
 *
 * The report code says what (a heading, a paragraph, a table row, a chart);
 * a backend says how, so one report text serves every format. Text is
 * escaped by the backend.
 *
 * Parts of a report that are produced before their place in the document
 * (rows collected while reading the files) are recorded as a neutral event
 * stream into a temporary file (jx_doc_record) and replayed into the real
 * document later (jx_doc_replay): one event per line, fields escaped, so
 * memory stays bounded and every backend sees the same events.
 */
#ifndef JX_DOC_H
#define JX_DOC_H

#include <stdbool.h>
#include <stdio.h>

#include "chart.h"

typedef enum { JX_DOC_MD, JX_DOC_HTML, JX_DOC_DOCX, JX_DOC_PDF } jx_doc_format;

struct jx_doc_backend;

/* Tables with more columns than this are cut to it. */
#define JX_DOC_MAX_COLS 16

typedef struct jx_doc {
    FILE *out;
    jx_doc_format format;
    bool in_list, in_table;
    const struct jx_doc_backend *be; /* NULL until jx_doc_begin / jx_doc_record */
    void *impl;                      /* the backend's own state */
    struct jx_doc_pending *pending;  /* first rows of a table, held to size its columns */
    int n_cols;                      /* columns of the open table */
    int n_charts;                    /* charts written so far (numbers the figures) */
    bool failed;                     /* a backend error; message in error */
    char error[256];
} jx_doc;

/* Start a document written to `out` (kept open; the caller closes it). */
void jx_doc_begin(jx_doc *d, FILE *out, jx_doc_format format, const char *title);
/* Finish the document (a .docx is written to `out` here). Returns false if
 * the backend failed; the message is in d->error. */
bool jx_doc_end(jx_doc *d);

void jx_doc_heading(jx_doc *d, int level, const char *text);
/* A paragraph from a printf format (arguments are text, escaped). */
void jx_doc_para(jx_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void jx_doc_item(jx_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void jx_doc_table(jx_doc *d, const char *const *headers, int n);
void jx_doc_row(jx_doc *d, const char *const *cells, int n);
void jx_doc_table_end(jx_doc *d);
/* A chart: SVG in HTML, vector drawing in PDF, a PNG image in Word, a small
 * table in Markdown; numbered "图 N" in its caption. */
void jx_doc_chart(jx_doc *d, const jx_chart *c);

/* Record events into `to` (a temporary file, e.g. tmpfile()) instead of
 * writing a document. `in_table` says the events are rows of a table that is
 * open where they will be replayed. Nothing to free; the caller closes `to`. */
void jx_doc_record(jx_doc *d, FILE *to, bool in_table);
/* Replay the events recorded in `from` into d, as if the calls were made on
 * d now. Returns false (message in d->error) if the stream is damaged. */
bool jx_doc_replay(jx_doc *d, FILE *from);

#endif
