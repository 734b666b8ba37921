/* fuzz_overall.c — libFuzzer harness for the whole-department import and evaluation.
 *
 * The first input byte picks the format (JSON or text); the rest is the
 * document. It is imported with jx_overall_import_mem, evaluated by the
 * hunan-overall rule set and written as JSON to /dev/null, as `jixiao
 * overall` does. Leak-free under ASan.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/arena.h"
#include "overall/overall.h"

static jx_ov_rules rules;
static bool loaded;
static FILE *devnull;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!loaded) {
        char err[512];
        if (!jx_ov_rules_load("hunan-overall", &rules, err, sizeof err)) {
            fprintf(stderr, "fuzz_overall: %s\n", err);
            abort();
        }
        devnull = fopen("/dev/null", "w");
        loaded = true;
    }
    if (size < 1) return 0;
    const char *format = data[0] & 1 ? "json" : "text";
    jx_arena arena;
    jx_arena_init(&arena);
    jx_overall o;
    jx_overall_init(&o, &arena);
    char err[512];
    if (jx_overall_import_mem((const char *)data + 1, size - 1, format, "fuzz", &o, &rules, err,
                              sizeof err)) {
        jx_overall_evaluate(&o, &rules);
        jx_overall_write_json(devnull, &o, true);
    }
    jx_arena_free(&arena);
    return 0;
}
