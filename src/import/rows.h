/* rows.h — documents as rows of cells, whatever their file format.
 *
 * Every importer (text, .docx, .xlsx, .pdf) turns its file into a stream of
 * jx_row: the cells of one table row, or one paragraph of text outside any
 * table. The table finder (tables.c) reads only rows, so a 自评表 is found
 * and mapped the same way in every format.
 *
 * Merged cells are expanded the way extracted text shows them: a cell that
 * spans k grid columns (gridSpan, Excel merges) is followed by k-1 empty
 * cells; a vertically merged cell (vMerge continuation) is an empty cell.
 */
#ifndef JX_ROWS_H
#define JX_ROWS_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/arena.h"

typedef struct jx_row {
    const char **cells; /* UTF-8, trimmed of surrounding whitespace; "" when empty */
    size_t n;
    long line;      /* 1-based line in a text file; row number in a sheet or table */
    int table;      /* index of the source table or sheet, -1 for text files */
    bool paragraph; /* a paragraph of text outside any table (n == 1) */
} jx_row;

/* A source of rows. next() returns 1 with *row filled (valid until the next
 * call), 0 at the end, -1 when the file cannot be read (message in err,
 * naming what is wrong in words a finance officer understands). */
typedef struct jx_rows {
    void *state;
    int (*next)(void *state, jx_row *row, char *err, size_t errlen);
    void (*close)(void *state);
} jx_rows;

/* Limits shared by every importer (hostile input). */
#define JX_MAX_CELLS 256                      /* cells in one row */
#define JX_MAX_CELL_BYTES (64 * 1024)         /* one cell */
#define JX_MAX_ZIP_ENTRY (256u * 1024 * 1024) /* uncompressed size of one .docx/.xlsx part */
#define JX_MAX_ZIP_ENTRIES 10000
#define JX_MAX_XML_DEPTH 256

#endif
