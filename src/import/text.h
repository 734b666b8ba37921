/* text.h — plain-text documents as rows (SPEC §10).
 *
 * Text copied out of Word, Excel, web pages or PDF viewers comes in several
 * layouts, all accepted, line by line:
 *   - cells separated by tabs ("项目名称\t\tJ市场监管经费\t…", seed 002);
 *   - one cell per line, each line starting with a tab, rows separated by a
 *     blank line, a cell's own line breaks continuing without a tab (seed 004);
 *   - cells separated by "|" (tables copied from web pages or Markdown);
 *   - cells separated by runs of two or more spaces (PDF text layers).
 * A line that is none of these is a paragraph. The encoding is detected:
 * UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GB18030 (iconv).
 * The file is streamed: memory does not grow with its size.
 */
#ifndef JX_TEXT_IMPORT_H
#define JX_TEXT_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "rows.h"

/* Open path ("-" = standard input) as rows. False with a message when the
 * file cannot be opened or is not text (binary data). */
bool jx_text_open(const char *path, jx_rows *out, char *err, size_t errlen);
/* The same over a memory buffer (tests, fuzzing); data must outlive the rows. */
bool jx_text_open_mem(const char *data, size_t len, jx_rows *out, char *err, size_t errlen);

#endif
