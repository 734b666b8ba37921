/* docx.h — Word .docx documents as rows (see rows.h).
 *
 * The body of the main part (word/document.xml) is read in order:
 *
 *   - a paragraph outside any table is a row with paragraph = true, one cell,
 *     table -1 and line = its number among the body's paragraphs (empty
 *     paragraphs are counted but not delivered);
 *   - each row of a table is a row with table = the table's index in the
 *     document (0-based) and line = the row's number in the table (1-based).
 *
 * Merged cells are expanded the way rows.h says: a cell with w:gridSpan k is
 * its text then k-1 empty cells; a w:vMerge continuation (no val, or
 * "continue") and a w:hMerge continuation are empty cells; w:gridBefore and
 * w:gridAfter add empty cells before and after the row's cells.
 *
 * Text: inside a cell, paragraphs are joined with "\n", w:br/w:cr are "\n"
 * and w:tab a space; in a paragraph outside tables w:tab is "\t". Cells and
 * paragraphs are trimmed. A table inside a cell (or a text box) is flattened
 * into the text that holds it: its cells separated by a space, its rows by
 * "\n". Tracked changes are read as accepted: w:ins and w:moveTo are kept,
 * w:del, w:moveFrom and deleted table rows are not. Field instructions are
 * not text (their results are). w:sym characters of the Symbol font that
 * tables use (≥ ≤ ≠ ± × ÷ ° …) become their Unicode characters.
 *
 * Limits (hostile files): see zipxml.h; a row of more than JX_MAX_CELLS
 * cells, or a cell longer than JX_MAX_CELL_BYTES, is an error.
 */
#ifndef JX_DOCX_H
#define JX_DOCX_H

#include <stdbool.h>
#include <stddef.h>

#include "rows.h"

/* Read the whole document into rows held in memory; out->next hands them
 * out, out->close frees them. False with a message in err ("中文 (English)")
 * when the file cannot be read; then there is nothing to close. */
bool jx_docx_open(const char *path, jx_rows *out, char *err, size_t errlen);
/* The same from memory (data need not outlive the call). */
bool jx_docx_open_mem(const void *data, size_t len, jx_rows *out, char *err, size_t errlen);

#endif
