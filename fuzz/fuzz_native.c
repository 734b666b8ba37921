/* fuzz_native.c — libFuzzer harness for the native JSON import and the audit.
 *
 * The input is a whole native document. jx_native_read_mem streams it; each
 * project is scored and checked with the default rule set (jx_audit_project,
 * the same call `jixiao audit` makes) and written as SPEC §11 JSON with
 * jx_json_write_project into a jx_jwriter on /dev/null. ASan's leak check
 * runs after every input, so the whole path must be leak-free.
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
#include "export/json_out.h"
#include "import/native.h"
#include "json/writer.h"
#include "model/project.h"
#include "rules/ruleset.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_native: invariant failed at %s:%d: %s\n", __FILE__, __LINE__,    \
                    #cond);                                                                        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static jx_rules rules; /* loaded once: jx_rules holds no pointers */
static bool loaded;
static FILE *devnull;
static jx_jwriter writer; /* 64 KiB buffer: static, not on the stack */

typedef struct {
    size_t projects;
    bool stop_early; /* exercise the "stop reading" path on some inputs */
} fuzz_ctx;

static bool on_project(jx_project *p, void *arg)
{
    fuzz_ctx *c = arg;
    jx_audit_project(p, &rules);

    /* what the audit leaves behind is self-consistent */
    CHECK(p->n_findings <= p->cap_findings || p->cap_findings == 0);
    CHECK(p->n_indicators <= p->cap_indicators || p->cap_indicators == 0);
    for (size_t i = 0; i < p->n_findings; i++) {
        const jx_finding *f = &p->findings[i];
        CHECK(f->code != NULL && f->code[0] != '\0');
        CHECK(f->message != NULL);
        CHECK(f->severity >= JX_SEV_INFO && f->severity <= JX_SEV_ERROR);
        CHECK(f->indicator >= -1);
    }
    CHECK(jx_project_count(p, JX_SEV_INFO) + jx_project_count(p, JX_SEV_WARNING) +
              jx_project_count(p, JX_SEV_ERROR) ==
          p->n_findings);

    jx_json_write_project(&writer, p);
    c->projects++;
    return !(c->stop_early && c->projects == 2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!loaded) {
        char err[1024];
        if (!jx_rules_default(&rules, err, sizeof err)) {
            fprintf(stderr, "fuzz_native: cannot load the default rule set: %s\n", err);
            abort();
        }
        devnull = fopen("/dev/null", "wb");
        if (!devnull) {
            perror("fuzz_native: /dev/null");
            abort();
        }
        loaded = true;
    }
    jx_jw_init(&writer, devnull, size % 7); /* vary the pretty-printing depth */
    jx_jw_arr_begin(&writer);

    fuzz_ctx c = {0, size % 5 == 0};
    jx_native_result res;
    memset(&res, 0xA5, sizeof res); /* the reader must set every field it reports */
    jx_native_read_mem((const char *)data, size, on_project, &c, &res);

    jx_jw_arr_end(&writer);
    CHECK(jx_jw_flush(&writer));
    CHECK(writer.depth == 0);

    CHECK(res.projects == c.projects);
    CHECK(memchr(res.error, '\0', sizeof res.error) != NULL);
    if (res.failed) {
        CHECK(res.error[0] != '\0');
        CHECK(res.line >= 0 && res.col >= 0);
    }
    if (size == 0) CHECK(res.failed);
    return 0;
}
