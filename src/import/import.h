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

/* Import path ("-" = standard input). */
void jx_import_file(const char *path, jx_project_fn fn, void *ctx, jx_import_result *res);

#endif
