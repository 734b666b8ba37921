/* xlsx.h — Excel .xlsx workbooks as rows (see rows.h).
 *
 * Sheets are read in the workbook's order (xl/workbook.xml, their parts found
 * through xl/_rels/workbook.xml.rels). Every non-empty row of a sheet is a
 * table row: table = the sheet's index (0-based), line = the Excel row number.
 * A row's cells run from column A to the last cell the sheet writes in it
 * (gaps are empty cells), or further when a merged range reaches further.
 * Rows whose cells are all empty are left out.
 *
 * Values: shared strings (rich-text runs joined, phonetic runs left out),
 * inline strings, formula results (t="str", the cached value), TRUE/FALSE,
 * error codes as written, and numbers as the text written in <v> — never
 * through a double: "189.132" stays "189.132". Only a number written with an
 * exponent or more than 15 significant digits (binary noise such as
 * 0.30000000000000004, which Excel never shows) is rewritten as a plain
 * decimal rounded half-up to 15 significant digits, by string arithmetic:
 * "1E-3" → "0.001", "189.13200000000001" → "189.132". Number formats are not
 * applied: a cell shown as 99.18% holds "0.9918", a date its serial number.
 * _xHHHH_ escapes are decoded and line ends become "\n"; cells are trimmed.
 *
 * Merged ranges (<mergeCells>): the top-left cell keeps its value, every
 * other cell of the range is "" — so a value merged across k columns is
 * followed by k-1 empty cells, as in a .docx.
 *
 * Limits (hostile files): see zipxml.h; also a cell with a value beyond
 * column JX_MAX_CELLS, a malformed cell reference ("AB12" is parsed with
 * overflow checks), rows or cells out of order, more than 100000 merged
 * ranges or 1024 sheets are errors.
 */
#ifndef JX_XLSX_H
#define JX_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "rows.h"

/* Read every sheet into rows held in memory; out->next hands them out,
 * out->close frees them. False with a message in err ("中文 (English)")
 * when the file cannot be read; then there is nothing to close. */
bool jx_xlsx_open(const char *path, jx_rows *out, char *err, size_t errlen);
/* The same from memory (data need not outlive the call). */
bool jx_xlsx_open_mem(const void *data, size_t len, jx_rows *out, char *err, size_t errlen);

/* Name of sheet `index` of rows opened by jx_xlsx_open*, NULL when there is
 * no such sheet (or the rows come from elsewhere). Valid until close. */
const char *jx_xlsx_sheet_name(const jx_rows *rows, int index);

#endif
