/* import.h — reading any supported document into projects.
 *
 * jx_import_file() looks at the file's content (not only its name) to pick
 * the importer: jixiao JSON, .docx, .xlsx, .pdf, or text; then streams the
 * projects it finds to a callback.
 */
#ifndef JX_IMPORT_H
#define JX_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "../model/project.h"
#include "rows.h"

/* Called for each project; return false to stop reading. */
typedef bool (*jx_project_fn)(jx_project *p, void *ctx);

typedef struct jx_import_result {
    const char *format; /* "json", "text", "docx", "xlsx", "pdf" */
    size_t projects;    /* projects delivered */
    size_t tables;      /* tables found (text formats: including empty ones) */
    bool failed;        /* the input could not be read */
    char error[512];    /* why, in Chinese with English */
    long line, col;     /* where, when known (0 = unknown) */
} jx_import_result;

/* Open a document (text, .docx, .xlsx, .pdf; "-" = standard input as text) as
 * rows of cells (rows.h) for readers of other document kinds (final accounts).
 * *format names the format found. False with a message in err (JSON files,
 * empty files and old .doc/.xls are refused with a message). */
bool jx_rows_open(const char *path, jx_rows *rows, const char **format, char *err,
                  size_t errlen);

/* Import path ("-" = standard input). */
void jx_import_file(const char *path, jx_project_fn fn, void *ctx, jx_import_result *res);

#endif
