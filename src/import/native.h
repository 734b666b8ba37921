/* native.h — reading jixiao's own JSON format (SPEC §11, docs/format.md).
 *
 * Accepted shapes: {"projects":[PROJECT…]}, the output of `jixiao audit
 * --json` ({"documents":[{"projects":[…]}…]}), or a bare [PROJECT…].
 * Projects are delivered one at a time to a callback and their memory is
 * reclaimed afterwards, so files of any size are read in bounded memory.
 * Computed fields are ignored; unknown fields and values of the wrong type
 * become findings (INPUT-FIELD, INPUT-VALUE) on the project.
 */
#ifndef JX_NATIVE_H
#define JX_NATIVE_H

#include <stdbool.h>
#include <stdio.h>

#include "../model/project.h"
#include "import.h"

typedef struct jx_native_result {
    size_t projects;
    /* set when the input cannot be read: message with line and column */
    bool failed;
    char error[400];
    long line, col;
    /* a readable document with nothing to audit */
    bool no_projects_key;
} jx_native_result;

/* Read fp, call fn for each project. The project's arena is reset after
 * each callback. */
void jx_native_read(FILE *fp, jx_project_fn fn, void *ctx, jx_native_result *res);

/* Same from memory (tests, fuzzing). */
void jx_native_read_mem(const char *data, size_t len, jx_project_fn fn, void *ctx,
                        jx_native_result *res);

#endif
