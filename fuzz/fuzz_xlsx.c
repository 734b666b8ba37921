/* fuzz_xlsx.c — libFuzzer harness for the .xlsx reader (src/import/xlsx.c).
 *
 * An input that starts like a zip ("PK") is fed to jx_xlsx_open_mem as it is.
 * Otherwise its first byte chooses the part the rest of the input becomes
 * (0: xl/worksheets/sheet1.xml, 1: xl/sharedStrings.xml, 2: xl/workbook.xml,
 * by the byte modulo 3) and the other parts are fixed, valid ones; the parts
 * are put in a stored (uncompressed) zip, so the mutator works on the XML.
 * Every row is read and checked, then the rows are closed; ASan's leak check
 * runs after every input.
 *
 * Invariants: a refused file has a message; every row is a table row
 * (never a paragraph) with 1..JX_MAX_CELLS cells, each valid UTF-8, trimmed,
 * at most JX_MAX_CELL_BYTES long, at least one not empty; within a sheet the
 * Excel row numbers increase, sheets come in order, each has a name;
 * next() stays at 0 after the end.
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
#include "import/xlsx.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_xlsx: invariant failed at %s:%d: %s\n", __FILE__, __LINE__,      \
                    #cond);                                                                        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#define SS_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char workbook_xml[] = "<workbook xmlns=\"" SS_NS "\" xmlns:r=\"" REL_NS "\"><sheets>"
                                   "<sheet name=\"自评表\" sheetId=\"1\" r:id=\"rId1\"/><sheet "
                                   "name=\"二\" sheetId=\"2\" r:id=\"rId2\"/>"
                                   "</sheets></workbook>";
static const char rels_xml[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL_NS "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "</Relationships>";
static const char strings_xml[] =
    "<sst xmlns=\"" SS_NS "\"><si><t>项目名称</t></si><si><r><t>年度</t></r>"
    "<r><t>资金总额</t></r></si><si><t>≥95%</t></si></sst>";
static const char sheet_xml[] =
    "<worksheet xmlns=\"" SS_NS "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
    "<c r=\"B1\"><v>134.64</v></c></row><row r=\"3\"><c r=\"B3\" "
    "t=\"s\"><v>2</v></c></row></sheetData>"
    "<mergeCells count=\"1\"><mergeCell ref=\"A1:A3\"/></mergeCells></worksheet>";

typedef struct part {
    const char *name;
    const void *data;
    size_t len;
} part;

/* A stored zip of the parts (malloc'd), NULL on failure. */
static unsigned char *zip_of(const part *parts, size_t n, size_t *len)
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
    for (size_t i = 0; i < n; i++) {
        zip_source_t *entry =
            zip_source_buffer(za, parts[i].len ? parts[i].data : "", parts[i].len, 0);
        zip_int64_t idx = entry ? zip_file_add(za, parts[i].name, entry, 0) : -1;
        if (idx < 0 && entry) zip_source_free(entry);
        if (idx >= 0) zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
    }
    unsigned char *buf = NULL;
    bool closed = zip_close(za) == 0;
    if (!closed) zip_discard(za);
    if (closed && zip_source_open(out) == 0) {
        zip_source_seek(out, 0, SEEK_END);
        zip_int64_t size = zip_source_tell(out);
        zip_source_seek(out, 0, SEEK_SET);
        buf = size > 0 ? malloc((size_t)size) : NULL;
        if (buf && zip_source_read(out, buf, (zip_uint64_t)size) == size) {
            *len = (size_t)size;
        } else {
            free(buf);
            buf = NULL;
        }
        zip_source_close(out);
    }
    zip_source_free(out);
    return buf;
}

static unsigned char *workbook_around(const uint8_t *data, size_t size, size_t *len)
{
    part parts[] = {
        {"xl/workbook.xml", workbook_xml, sizeof workbook_xml - 1},
        {"xl/_rels/workbook.xml.rels", rels_xml, sizeof rels_xml - 1},
        {"xl/sharedStrings.xml", strings_xml, sizeof strings_xml - 1},
        {"xl/worksheets/sheet1.xml", sheet_xml, sizeof sheet_xml - 1},
        {"xl/worksheets/sheet2.xml", sheet_xml, sizeof sheet_xml - 1},
    };
    static const size_t target[3] = {3, 2, 0}; /* sheet1, shared strings, workbook */
    part *p = &parts[target[data[0] % 3]];
    p->data = data + 1;
    p->len = size - 1;
    return zip_of(parts, sizeof parts / sizeof parts[0], len);
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

/* Checks one cell; true when it holds something. */
static bool check_cell(const char *cell)
{
    CHECK(cell != NULL);
    size_t n = strlen(cell);
    CHECK(n <= JX_MAX_CELL_BYTES);
    CHECK(jx_text_valid_utf8(cell, n));
    CHECK(n == 0 || (!is_space_at(cell) && !ends_in_space(cell, n)));
    return n > 0;
}

static void read_all(jx_rows *rows)
{
    char err[512];
    jx_row row;
    int got, last_sheet = 0;
    long last_line = 0;
    while ((got = rows->next(rows->state, &row, err, sizeof err)) == 1) {
        CHECK(!row.paragraph);
        CHECK(row.n >= 1 && row.n <= JX_MAX_CELLS);
        bool any = false;
        for (size_t i = 0; i < row.n; i++)
            any |= check_cell(row.cells[i]);
        CHECK(any);
        CHECK(row.table >= last_sheet);
        if (row.table > last_sheet) last_line = 0;
        CHECK(row.line > last_line);
        last_sheet = row.table;
        last_line = row.line;
        CHECK(jx_xlsx_sheet_name(rows, row.table) != NULL);
    }
    CHECK(got == 0);
    CHECK(rows->next(rows->state, &row, err, sizeof err) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    unsigned char *wrapped = NULL;
    size_t len = size;
    const void *input = data;
    if (!(size >= 2 && data[0] == 'P' && data[1] == 'K')) {
        wrapped = workbook_around(data, size, &len);
        if (!wrapped) return 0;
        input = wrapped;
    }
    jx_rows rows;
    char err[512];
    memset(err, 0xA5, sizeof err);
    if (jx_xlsx_open_mem(input, len, &rows, err, sizeof err)) {
        read_all(&rows);
        rows.close(rows.state);
    } else {
        CHECK(memchr(err, '\0', sizeof err) != NULL);
        CHECK(err[0] != '\0');
    }
    free(wrapped);
    return 0;
}
