/* fuzz_accounts.c — libFuzzer harness for the final-accounts reader and checks.
 *
 * The input is a text document (the importer of import/text.c turns it into
 * rows); it is read with jx_accounts_read_mem, its identities and statements
 * are checked and the result written as JSON to /dev/null, as `jixiao
 * accounts --json` does. Leak-free under ASan.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "accounts/accounts.h"
#include "base/arena.h"
#include "json/writer.h"

static jx_ac_rules rules;
static bool loaded;
static FILE *devnull;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!loaded) {
        char err[512];
        if (!jx_ac_rules_load("accounts-mof", &rules, err, sizeof err)) {
            fprintf(stderr, "fuzz_accounts: %s\n", err);
            abort();
        }
        devnull = fopen("/dev/null", "w");
        loaded = true;
    }
    jx_arena arena;
    jx_arena_init(&arena);
    jx_accounts a;
    jx_accounts_init(&a, &arena, &rules);
    char err[512];
    if (jx_accounts_read_mem((const char *)data, size, "text", "fuzz", &a, err, sizeof err)) {
        jx_accounts_identities(&a);
        jx_accounts_statements(&a);
        static jx_jwriter w;
        jx_jw_init(&w, devnull, 3);
        jx_accounts_write_json(&w, &a);
        jx_jw_flush(&w);
    }
    jx_arena_free(&arena);
    return 0;
}
