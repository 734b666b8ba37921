/* fuzz_tables.c — libFuzzer harness for the text importer and the table mapper.
 *
 * The input is a whole text document (any encoding, any layout). It is read
 * as rows by jx_text_open_mem and every 自评表 found is mapped, scored and
 * checked (jx_tables_read + jx_audit_project), as `jixiao audit FILE.txt`
 * does. Invariants: each project's findings are well-formed and each
 * indicator has the fields the mapper promises. Leak-free under ASan.
 *
 * Build and run: fuzz/run.sh (see fuzz/README.md).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/checks.h"
#include "import/tables.h"
#include "import/text.h"
#include "rules/ruleset.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_tables: invariant failed at %s:%d: %s\n", __FILE__, __LINE__,    \
                    #cond);                                                                        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static jx_rules rules;
static bool loaded;

static bool on_project(jx_project *p, void *arg)
{
    (void)arg;
    jx_audit_project(p, &rules);
    CHECK(p->name != NULL);
    for (size_t i = 0; i < p->n_indicators; i++) {
        const jx_indicator *ind = &p->indicators[i];
        CHECK(ind->name != NULL && ind->target != NULL && ind->actual != NULL);
    }
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
    char err[256];
    if (!jx_text_open_mem((const char *)data, size, &rows, err, sizeof err)) {
        CHECK(err[0] != '\0');
        return 0;
    }
    jx_import_result res;
    memset(&res, 0, sizeof res);
    jx_tables_read(&rows, on_project, NULL, &res);
    rows.close(rows.state);
    CHECK(res.projects <= res.tables);
    return 0;
}
