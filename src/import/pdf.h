/* pdf.h — PDF documents (text layer) as rows of cells, with poppler-glib.
 *
 * A PDF has no tables, only characters at positions. jx_pdf_open rebuilds
 * each page's text lines from the characters' boxes and splits a line into
 * cells where the gap between two characters is wide (see pdf.c). Each
 * line becomes one jx_row: cells = its runs of text, line = running line
 * number across pages (1-based), table = page index (0-based), paragraph =
 * false (the table finder decides what is a table). Page furniture — page
 * numbers ("- 3 -", "第 3 页", "3/12") and a header or footer repeated at the
 * same place on every page (≥ 3 pages, or both of a two-page document) — is
 * left out.
 *
 * All text is extracted into an arena when the document is opened; next()
 * only hands out rows. A PDF without a text layer (a scan) does not open:
 * the message says it needs OCR. Limits: JX_PDF_MAX_PAGES pages,
 * JX_PDF_MAX_BYTES of file, JX_MAX_CELLS cells per row (further runs join
 * the last cell), JX_MAX_CELL_BYTES per cell (longer is an error).
 */
#ifndef JX_PDF_H
#define JX_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "rows.h"

#define JX_PDF_MAX_PAGES 5000
#define JX_PDF_MAX_BYTES (512u * 1024 * 1024)
#define JX_PDF_MAX_GLYPHS_PER_PAGE 200000

/* Open the PDF file at `path`. On success *out is a row source (call
 * out->close(out->state) when done); on failure false with a message. */
bool jx_pdf_open(const char *path, jx_rows *out, char *err, size_t errlen);

/* The same for a PDF held in memory (not copied; needed only during the call). */
bool jx_pdf_open_mem(const void *data, size_t len, jx_rows *out, char *err, size_t errlen);

#endif
