/* fuzz_docx.c — libFuzzer harness for the .docx reader (src/import/docx.c).
 *
 * An input that starts like a zip ("PK") is fed to jx_docx_open_mem as it is.
 * Any other input is taken as the text of word/document.xml and wrapped in a
 * stored (uncompressed) zip first, so the mutator works on the XML instead
 * of on compressed bytes. Every row is read and checked, then the rows are
 * closed; ASan's leak check runs after every input.
 *
 * Invariants: a refused file has a message; a row has 1..JX_MAX_CELLS cells,
 * each valid UTF-8, trimmed, at most JX_MAX_CELL_BYTES long; a paragraph has
 * one non-empty cell, table -1 and an increasing line; a table row has a
 * table index >= 0 that never decreases and a line >= 1; next() stays at 0
 * after the end.
 *
 * Build and run: fuzz/run.sh (see fuzz/README.md); it needs libzip and expat
 * (pkg-config --cflags --libs libzip expat).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "base/text.h"
#include "import/docx.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_docx: invariant failed at %s:%d: %s\n", __FILE__, __LINE__,      \
                    #cond);                                                                        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* A stored zip holding `data` as entry `name` (malloc'd), NULL on failure. */
static unsigned char *zip_of(const char *name, const uint8_t *data, size_t size, size_t *len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *out = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = out ? zip_open_from_source(out, ZIP_TRUNCATE, &ze) : NULL;
    zip_error_fini(&ze);
    if (!za) {
        if (out) zip_source_free(out);
        return NULL;
    }
    zip_source_keep(out);
    zip_source_t *entry = zip_source_buffer(za, size ? data : (const uint8_t *)"", size, 0);
    zip_int64_t idx = entry ? zip_file_add(za, name, entry, 0) : -1;
    if (idx < 0 && entry) zip_source_free(entry);
    if (idx >= 0) zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
    unsigned char *buf = NULL;
    bool closed = zip_close(za) == 0;
    if (!closed) zip_discard(za);
    if (closed && zip_source_open(out) == 0) {
        zip_source_seek(out, 0, SEEK_END);
        zip_int64_t n = zip_source_tell(out);
        zip_source_seek(out, 0, SEEK_SET);
        buf = n > 0 ? malloc((size_t)n) : NULL;
        if (buf && zip_source_read(out, buf, (zip_uint64_t)n) == n) {
            *len = (size_t)n;
        } else {
            free(buf);
            buf = NULL;
        }
        zip_source_close(out);
    }
    zip_source_free(out);
    return buf;
}

static bool is_space_at(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
    return strncmp(s, "\xE3\x80\x80", 3) == 0 || strncmp(s, "\xC2\xA0", 2) == 0;
}

static bool ends_in_space(const char *s, size_t n)
{
    if (n == 0) return false;
    unsigned char c = (unsigned char)s[n - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
    return (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0) ||
           (n >= 2 && memcmp(s + n - 2, "\xC2\xA0", 2) == 0);
}

static void check_cell(const char *cell)
{
    CHECK(cell != NULL);
    size_t n = strlen(cell);
    CHECK(n <= JX_MAX_CELL_BYTES);
    CHECK(jx_text_valid_utf8(cell, n));
    CHECK(n == 0 || (!is_space_at(cell) && !ends_in_space(cell, n)));
}

static void read_all(jx_rows *rows)
{
    char err[512];
    jx_row row;
    int got, last_table = -1;
    long last_paragraph = 0;
    while ((got = rows->next(rows->state, &row, err, sizeof err)) == 1) {
        CHECK(row.n >= 1 && row.n <= JX_MAX_CELLS);
        for (size_t i = 0; i < row.n; i++)
            check_cell(row.cells[i]);
        if (row.paragraph) {
            CHECK(row.n == 1 && row.table == -1 && row.cells[0][0] != '\0');
            CHECK(row.line > last_paragraph);
            last_paragraph = row.line;
        } else {
            CHECK(row.table >= last_table && row.line >= 1);
            last_table = row.table;
        }
    }
    CHECK(got == 0);
    CHECK(rows->next(rows->state, &row, err, sizeof err) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *wrapped = NULL;
    size_t len = size;
    const void *input = data;
    if (!(size >= 2 && data[0] == 'P' && data[1] == 'K')) {
        wrapped = zip_of("word/document.xml", data, size, &len);
        if (!wrapped) return 0;
        input = wrapped;
    }
    jx_rows rows;
    char err[512];
    memset(err, 0xA5, sizeof err);
    if (jx_docx_open_mem(input, len, &rows, err, sizeof err)) {
        read_all(&rows);
        rows.close(rows.state);
    } else {
        CHECK(memchr(err, '\0', sizeof err) != NULL);
        CHECK(err[0] != '\0');
    }
    free(wrapped);
    return 0;
}
