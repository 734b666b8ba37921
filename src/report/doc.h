/* doc.h — a tiny document writer for reports: Markdown or self-contained HTML.
 *
 * The report code says what (a heading, a paragraph, a table row); this file
 * says how, so one report text serves both formats. Text is escaped here.
 */
#ifndef JX_DOC_H
#define JX_DOC_H

#include <stdbool.h>
#include <stdio.h>

typedef enum { JX_DOC_MD, JX_DOC_HTML } jx_doc_format;

typedef struct jx_doc {
    FILE *out;
    jx_doc_format format;
    bool in_list, in_table;
} jx_doc;

void jx_doc_begin(jx_doc *d, FILE *out, jx_doc_format format, const char *title);
void jx_doc_end(jx_doc *d);
void jx_doc_heading(jx_doc *d, int level, const char *text);
/* A paragraph from a printf format (arguments are text, escaped). */
void jx_doc_para(jx_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void jx_doc_item(jx_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void jx_doc_table(jx_doc *d, const char *const *headers, int n);
void jx_doc_row(jx_doc *d, const char *const *cells, int n);
void jx_doc_table_end(jx_doc *d);
/* Copy already formatted output (e.g. rows written to a temporary file). */
void jx_doc_raw(jx_doc *d, FILE *from);

#endif
