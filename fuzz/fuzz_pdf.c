/* fuzz_pdf.c — libFuzzer harness for the PDF importer (poppler-glib).
 *
 * The input is a whole PDF. jx_pdf_open_mem rebuilds its lines and cells;
 * every row is checked, then the same bytes are opened again and the rows go
 * through the table mapper with the default rule set (jx_tables_read +
 * jx_audit_project), as `jixiao audit FILE.pdf` does. Invariants: a failed
 * open has a message; rows have 1..JX_MAX_CELLS non-empty, trimmed, valid
 * UTF-8 cells of at most JX_MAX_CELL_BYTES, running line numbers and a page
 * index; the two opens give the same rows. Leak-free under ASan (poppler's
 * fontconfig state aside: tests/lsan.supp).
 *
 * Build and run: fuzz/run.sh (see fuzz/README.md). Corpus: fuzz/corpus/pdf/,
 * written by tests/data/pdf/make_pdfs.c.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "checks/checks.h"
#include "import/pdf.h"
#include "import/tables.h"
#include "rules/ruleset.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_pdf: invariant failed at %s:%d: %s\n", __FILE__, __LINE__,       \
                    #cond);                                                                        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static jx_rules rules;
static bool loaded;

static bool is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static void check_row(const jx_row *r, long expect_line)
{
    CHECK(r->line == expect_line);
    CHECK(r->table >= 0 && r->table < JX_PDF_MAX_PAGES);
    CHECK(!r->paragraph);
    CHECK(r->n >= 1 && r->n <= JX_MAX_CELLS);
    for (size_t i = 0; i < r->n; i++) {
        const char *c = r->cells[i];
        size_t len = strlen(c);
        CHECK(len > 0 && len <= JX_MAX_CELL_BYTES);
        CHECK(jx_text_valid_utf8(c, len));
        CHECK(!is_space((unsigned char)c[0]) && !is_space((unsigned char)c[len - 1]));
    }
}

/* Read and check every row; returns the number of rows and a hash of the cells. */
static long read_rows(jx_rows *rows, uint64_t *hash)
{
    jx_row r;
    char err[256];
    long n = 0;
    int st;
    *hash = 1469598103934665603u;
    while ((st = rows->next(rows->state, &r, err, sizeof err)) == 1) {
        check_row(&r, ++n);
        for (size_t i = 0; i < r.n; i++)
            for (const char *c = r.cells[i]; *c; c++)
                *hash = (*hash ^ (unsigned char)*c) * 1099511628211u;
        *hash = (*hash ^ 0xFF) * 1099511628211u;
    }
    CHECK(st == 0);
    return n;
}

static bool on_project(jx_project *p, void *arg)
{
    (void)arg;
    jx_audit_project(p, &rules);
    CHECK(p->name != NULL);
    for (size_t i = 0; i < p->n_findings; i++) {
        const jx_finding *f = &p->findings[i];
        CHECK(f->code && f->message);
        CHECK(f->indicator >= -1 && f->indicator < (int)p->n_indicators);
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!loaded) {
        char err[512];
        CHECK(jx_rules_default(&rules, err, sizeof err));
        loaded = true;
    }
    jx_rows rows;
    char err[512];
    err[0] = '\0';
    if (!jx_pdf_open_mem(data, size, &rows, err, sizeof err)) {
        CHECK(err[0] != '\0');
        return 0;
    }
    uint64_t h1, h2;
    long n1 = read_rows(&rows, &h1);
    rows.close(rows.state);

    CHECK(jx_pdf_open_mem(data, size, &rows, err, sizeof err)); /* deterministic */
    long n2 = read_rows(&rows, &h2);
    rows.close(rows.state);
    CHECK(n1 == n2 && h1 == h2);

    CHECK(jx_pdf_open_mem(data, size, &rows, err, sizeof err));
    jx_import_result res;
    memset(&res, 0, sizeof res);
    jx_tables_read(&rows, on_project, NULL, &res);
    rows.close(rows.state);
    CHECK(res.projects <= res.tables);
    return 0;
}
