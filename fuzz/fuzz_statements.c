/* fuzz_statements.c — libFuzzer harness for the sentence matcher of the 情况说明.
 *
 * The input is a 情况说明: each line a paragraph, a line starting with '#'
 * a section heading. It is scanned with jx_st_scan, then checked by
 * jx_accounts_statements against a small fixed set of tables (公开01, 03, 09
 * and 10 with seed 002's figures) and written back with
 * jx_accounts_write_text to /dev/null. Invariants: found = verified + failed,
 * every mention lies inside its paragraph. Leak-free under ASan.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accounts/accounts.h"
#include "accounts/statements.h"
#include "base/text.h"

static FILE *devnull;

static void cols(jx_ac_table *t, int g, const char *name, const char *const *names, int n)
{
    t->groups[g].name = name;
    for (int i = 0; i < n; i++)
        t->groups[g].cols[i] = names[i];
    t->groups[g].n_cols = n;
    if (g + 1 > t->n_groups) t->n_groups = g + 1;
}

static void row(jx_accounts *a, jx_ac_table *t, int g, const char *code, const char *key,
                const jx_dec *v)
{
    jx_ac_row *r = jx_ac_add_row(a, t, g);
    r->code = code;
    r->label = r->key = key;
    for (int i = 0; i < t->groups[g].n_cols; i++)
        r->cells[i] = (jx_ac_amount){v[i], 2};
}

static void tables(jx_accounts *a)
{
    jx_ac_table *s = jx_ac_add_table(a);
    s->kind = "summary";
    cols(s, 0, "收入", (const char *const[]){"金额"}, 1);
    cols(s, 1, "支出", (const char *const[]){"金额"}, 1);
    row(a, s, 0, NULL, "本年收入合计", (jx_dec[]){JX_DEC(5023)});
    row(a, s, 1, NULL, "本年支出合计", (jx_dec[]){JX_DEC(5023)});
    row(a, s, 0, NULL, "总计", (jx_dec[]){JX_DEC(5029)});
    row(a, s, 1, NULL, "总计", (jx_dec[]){JX_DEC(5029)});
    jx_ac_table *x = jx_ac_add_table(a);
    x->kind = "expense";
    cols(x, 0, "", (const char *const[]){"本年支出合计", "基本支出", "项目支出"}, 3);
    row(a, x, 0, NULL, "合计", (jx_dec[]){JX_DEC(5023), JX_DEC(2964), JX_DEC(2059)});
    row(a, x, 0, "201", "一般公共服务支出", (jx_dec[]){JX_DEC(3864), JX_DEC(1848), JX_NONE});
    jx_ac_table *t = jx_ac_add_table(a);
    t->kind = "three";
    static const char *const three[] = {"合计", "因公出国(境)费", "公务接待费"};
    cols(t, 0, "预算数", three, 3);
    cols(t, 1, "决算数", three, 3);
    row(a, t, 0, NULL, "", (jx_dec[]){JX_DEC(26), 0, JX_NONE});
    row(a, t, 1, NULL, "", (jx_dec[]){JX_DEC(26), JX_NONE, 590000});
    jx_ac_table *i = jx_ac_add_table(a);
    i->kind = "info";
    cols(i, 0, "政府采购情况", (const char *const[]){"统计数"}, 1);
    cols(i, 1, "国有资产占用情况", (const char *const[]){"统计数"}, 1);
    row(a, i, 0, NULL, "合计", (jx_dec[]){JX_DEC(1242)});
    row(a, i, 0, NULL, "货物", (jx_dec[]){JX_DEC(46)});
    row(a, i, 1, NULL, "车辆数合计(辆)", (jx_dec[]){JX_DEC(17)});
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!devnull) devnull = fopen("/dev/null", "w");
    jx_arena arena;
    jx_arena_init(&arena);
    jx_accounts a;
    jx_accounts_init(&a, &arena, NULL);
    tables(&a);
    char *text = jx_arena_strndup(&arena, (const char *)data, size);
    const char *section = NULL;
    for (char *line = text; line && *line;) {
        char *next = strchr(line, '\n');
        if (next) *next++ = '\0';
        if (*line == '#') {
            section = line + 1;
        } else if (*line) {
            const char *p = jx_text_nfkc(&arena, line);
            jx_st_mention m[32];
            size_t n = jx_st_scan(&arena, p, m, 32), len = strlen(p);
            for (size_t k = 0; k < n && k < 32; k++)
                if (m[k].num_at >= len || m[k].end > len || m[k].subj_at > m[k].num_at) {
                    fprintf(stderr, "fuzz_statements: invariant: mention outside its text\n");
                    abort();
                }
            jx_ac_add_para(&a, p, section, 1);
        }
        line = next;
    }
    jx_accounts_statements(&a);
    if (a.statements_found != a.statements_verified + a.statements_failed) {
        fprintf(stderr, "fuzz_statements: invariant: found != verified + failed\n");
        abort();
    }
    jx_accounts_write_text(devnull, &a);
    jx_arena_free(&arena);
    return 0;
}
