/* test_accounts.c — the final-accounts reader, rule file and identities
 * (src/accounts/): seed 002's ten tables from its text and, converted to Word
 * and Excel by this test, from .docx and .xlsx with the same figures; small
 * hand-made tables for each identity, its near miss and rounding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "accounts/accounts.h"
#include "officegen.h"
#include "testutil.h"

static jx_ac_rules rules;

static int setup(void **state)
{
    (void)state;
    char err[512];
    if (!jx_ac_rules_load("accounts-mof", &rules, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    return og_tmpdir_make("accounts");
}

static int teardown(void **state)
{
    (void)state;
    return og_tmpdir_remove();
}

static const char *seed002(void)
{
    static char path[1024];
    const char *dir = getenv("JX_SEEDS");
    snprintf(path, sizeof path, "%s/002_a48143ca35b5d44a.txt", dir ? dir : "../shared/seeds");
    return path;
}

static size_t count(const jx_accounts *a, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_findings; i++)
        n += strcmp(a->findings[i].f.code, code) == 0;
    return n;
}

typedef struct {
    jx_arena arena;
    jx_accounts a;
} doc;

static void read_doc(doc *d, const char *path)
{
    jx_arena_init(&d->arena);
    jx_accounts_init(&d->a, &d->arena, &rules);
    char err[512];
    if (!jx_accounts_read(path, &d->a, err, sizeof err)) fail_msg("%s", err);
    jx_accounts_identities(&d->a);
}

static jx_dec cell(const jx_accounts *a, const char *kind, const char *group, const char *key,
                   const char *code, const char *col)
{
    const jx_ac_table *t = jx_ac_table_of(a, kind);
    if (!t) return JX_NONE;
    int g = group ? jx_ac_group_find(t, group) : -1;
    const jx_ac_row *r = code ? jx_ac_row_code(t, code) : jx_ac_row_key(t, g, key);
    if (!r) return JX_NONE;
    return jx_ac_cell(t, r, col ? jx_ac_col(t, r->group, col) : 0);
}

/* The figures every reading of seed 002 must give. */
static void expect_seed002(const jx_accounts *a)
{
    assert_int_equal(a->n_tables, 10);
    assert_non_null(a->set);
    assert_int_equal(count(a, "ACCT-TABLE-MISSING"), 0);
    assert_dec_equal(cell(a, "summary", "收入", "总计", NULL, NULL), "5029.36");
    assert_dec_equal(cell(a, "summary", "支出", "年末结转和结余", NULL, NULL), "6.34");
    assert_dec_equal(cell(a, "summary", "支出", "社会保障和就业支出", NULL, NULL), "811.45");
    assert_dec_equal(cell(a, "income", NULL, NULL, "2013804", "财政拨款收入"), "344.96");
    assert_dec_equal(cell(a, "expense", NULL, "合计", NULL, "项目支出"), "2059.17");
    assert_dec_equal(cell(a, "fiscal", "支出", "本年支出合计", NULL, "一般公共预算财政拨款"),
                     "5023.02");
    assert_dec_equal(cell(a, "gpb", NULL, NULL, "2210202", "小计"), "21.25");
    assert_dec_equal(cell(a, "gpb_basic", NULL, "人员经费合计", NULL, NULL), "2711.37");
    assert_dec_equal(cell(a, "gpb_basic", NULL, NULL, "30239", NULL), "117.24");
    assert_dec_equal(cell(a, "three", "决算数", "", NULL, "公务接待费"), "0.59");
    assert_dec_equal(cell(a, "three", "预算数", "", NULL, "公务用车运行维护费"), "25.67");
    assert_dec_equal(cell(a, "info", "国有资产", "车辆数合计(辆)", NULL, NULL), "17");
    assert_dec_equal(cell(a, "info", "政府采购", "服务", NULL, NULL), "1195.8");
    assert_true(jx_ac_table_of(a, "fund")->said_empty);
    assert_true(a->identities_checked >= 200);
    assert_int_equal(a->identities_failed, 0);
    assert_int_equal(count(a, "ACCT-ROW-MISSING"), 1);
    assert_true(count(a, "ACCT-ROUNDING") > 10);
}

static void seed_text(void **state)
{
    (void)state;
    static doc d;
    read_doc(&d, seed002());
    expect_seed002(&d.a);
    assert_string_equal(d.a.unit_name, "大同市市场监督管理局");
    assert_int_equal(d.a.year, 2024);
    /* the 情况说明 part only: 38 paragraphs, the first under heading 一 */
    assert_true(d.a.n_paras > 30);
    assert_non_null(strstr(d.a.paras[0].text, "收入总计5,029.36万元"));
    assert_non_null(strstr(d.a.paras[0].section, "收入支出决算总体情况说明"));
    jx_arena_free(&d.arena);
}

/* The seed's 决算 part as Word and Excel: each tab-separated line a table row,
 * each single line a paragraph (docx) or a one-cell row (xlsx). */
typedef struct {
    char **lines;
    size_t n;
} part;

static void seed_part(part *p)
{
    size_t len;
    char *text = og_read_file(seed002(), &len);
    assert_non_null(text);
    char *start = strstr(text, "\n第二部分 2024年部门决算表\n"); /* not the contents line */
    char *end = start ? strstr(start, "\n第四部分") : NULL;
    assert_non_null(end);
    *end = '\0';
    p->lines = calloc(2000, sizeof *p->lines);
    p->n = 0;
    for (char *line = strtok(start + 1, "\n"); line && p->n < 2000; line = strtok(NULL, "\n")) {
        og_buf b = {0};
        for (const char *c = line; *c; c++)
            og_addn(&b, *c == '\t' ? "|" : c, 1);
        if (!b.s) og_addn(&b, "", 0);
        p->lines[p->n++] = b.s;
    }
    free(text);
}

static void part_free(part *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->lines[i]);
    free(p->lines);
}

static int cells_of(const char *s)
{
    int n = 1;
    for (; *s; s++)
        n += *s == '|';
    return n;
}

static void seed_docx(void **state)
{
    (void)state;
    part p;
    seed_part(&p);
    og_docx d = {0};
    for (size_t i = 0; i < p.n;) {
        if (cells_of(p.lines[i]) == 1) {
            og_docx_para(&d, p.lines[i++]);
            continue;
        }
        size_t j = i;
        int grid = 0;
        while (j < p.n && cells_of(p.lines[j]) > 1) {
            if (cells_of(p.lines[j]) > grid) grid = cells_of(p.lines[j]);
            j++;
        }
        og_docx_table(&d, grid, (const char *const *)p.lines + i, j - i);
        i = j;
    }
    const char *path = og_tmp("seed002.docx");
    assert_true(og_docx_write(&d, path));
    part_free(&p);
    static doc x;
    read_doc(&x, path);
    expect_seed002(&x.a);
    jx_arena_free(&x.arena);
}

static void seed_xlsx(void **state)
{
    (void)state;
    part p;
    seed_part(&p);
    og_xlsx x = {0};
    og_xlsx_sheet(&x, "决算");
    og_xlsx_table(&x, 1, (const char *const *)p.lines, p.n);
    const char *path = og_tmp("seed002.xlsx");
    assert_true(og_xlsx_write(&x, path));
    part_free(&p);
    static doc d;
    read_doc(&d, path);
    expect_seed002(&d.a);
    jx_arena_free(&d.arena);
}

/* ---- identities on small tables ------------------------------------------------ */

static const char *income_table = "收入决算表\n公开02表\n金额单位：万元\n"
                                  "项目\t\t本年收入合计\t财政拨款收入\t其他收入\n"
                                  "科目代码\t科目名称\t1\t2\t3\n"
                                  "\t合计\t%s\t100.00\t\n"
                                  "201\t一般公共服务支出\t100.00\t100.00\t\n"
                                  "20138\t市场监督管理事务\t100.00\t100.00\t\n"
                                  "2013801\t行政运行\t%s\t60.00\t\n"
                                  "2013804\t市场主体管理\t40.00\t40.00\t\n";

static void read_text(doc *d, const char *text)
{
    jx_arena_init(&d->arena);
    jx_accounts_init(&d->a, &d->arena, &rules);
    char err[512];
    if (!jx_accounts_read_mem(text, strlen(text), "text", "t.txt", &d->a, err, sizeof err))
        fail_msg("%s", err);
    jx_accounts_identities(&d->a);
}

static void hierarchy_and_rounding(void **state)
{
    (void)state;
    char text[2048];
    static doc d;
    /* all holds */
    snprintf(text, sizeof text, income_table, "100.00", "60.00");
    read_text(&d, text);
    assert_int_equal(d.a.identities_failed, 0);
    assert_int_equal(count(&d.a, "ACCT-ROUNDING"), 0);
    assert_true(d.a.identities_checked >= 5);
    jx_arena_free(&d.arena);
    /* 项 off by 0.01: 款 = Σ项 holds within rounding (info), 本年收入合计 row sum too */
    snprintf(text, sizeof text, income_table, "100.00", "60.01");
    read_text(&d, text);
    assert_int_equal(d.a.identities_failed, 0);
    assert_true(count(&d.a, "ACCT-ROUNDING") >= 2);
    jx_arena_free(&d.arena);
    /* 项 off by 0.05: beyond 0.01 per term */
    snprintf(text, sizeof text, income_table, "100.00", "60.05");
    read_text(&d, text);
    assert_true(count(&d.a, "ACCT-HIERARCHY") >= 1);
    assert_true(count(&d.a, "ACCT-ROW-SUM") >= 1);
    bool named = false;
    for (size_t i = 0; i < d.a.n_findings; i++)
        if (strcmp(d.a.findings[i].f.code, "ACCT-HIERARCHY") == 0 &&
            strstr(d.a.findings[i].f.message, "20138") &&
            strstr(d.a.findings[i].f.message, "100.05") &&
            strstr(d.a.findings[i].f.message, "-0.05"))
            named = true;
    assert_true(named);
    jx_arena_free(&d.arena);
    /* 合计 ≠ Σ类 */
    snprintf(text, sizeof text, income_table, "110.00", "60.00");
    read_text(&d, text);
    assert_true(count(&d.a, "ACCT-HIERARCHY") >= 1);
    jx_arena_free(&d.arena);
}

static void amounts_in_yuan(void **state)
{
    (void)state;
    static doc d;
    const char *text = "收入决算表\n公开02表\n金额单位：元\n"
                       "项目\t\t本年收入合计\t财政拨款收入\n"
                       "科目代码\t科目名称\t1\t2\n"
                       "\t合计\t1,000,000.00\t1,000,000.00\n"
                       "201\t一般公共服务支出\t1,000,000.00\t1,000,000.00\n";
    read_text(&d, text);
    const jx_ac_table *t = jx_ac_table_of(&d.a, "income");
    assert_non_null(t);
    assert_true(t->yuan);
    assert_dec_equal(cell(&d.a, "income", NULL, NULL, "201", "本年收入合计"), "100");
    assert_int_equal(d.a.identities_failed, 0);
    jx_arena_free(&d.arena);
}

static void contents_page_opens_nothing(void **state)
{
    (void)state;
    static doc d;
    const char *text = "目录\n二、收入决算表\t9\n三、支出决算表\t11\n第三部分 情况说明\t22\n"
                       "第一部分 概况\n本部门内设10个科室。\n";
    read_text(&d, text);
    assert_int_equal(d.a.n_tables, 0);
    assert_int_equal(count(&d.a, "ACCT-NO-TABLES"), 1);
    /* no 情况说明 part and no heading about 决算: the prose is not a 决算 explanation */
    assert_int_equal(d.a.n_paras, 0);
    assert_int_equal(count(&d.a, "ACCT-NO-TEXT"), 1);
    jx_arena_free(&d.arena);
    /* the same with a 决算 heading: its paragraphs are kept and checked */
    read_text(&d, "一、收入支出决算总体情况说明\n2024年度收入总计100.00万元。\n");
    assert_int_equal(d.a.n_paras, 1);
    assert_non_null(strstr(d.a.paras[0].section, "决算"));
    assert_int_equal(count(&d.a, "ACCT-NO-TEXT"), 0);
    jx_arena_free(&d.arena);
}

static void rule_file_errors(void **state)
{
    (void)state;
    const char *path = og_tmp("bad-accounts.json");
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("{\"name\": \"x\", \"kind\": \"accounts\",\n \"tables\": [{\"key\": \"a\", \"title\": "
          "\"t\", "
          "\"shape\": \"coded\", \"colour\": 1}]}\n",
          f);
    fclose(f);
    static jx_ac_rules r;
    char err[512];
    assert_false(jx_ac_rules_load(path, &r, err, sizeof err));
    assert_non_null(strstr(err, ":2:"));
    assert_non_null(strstr(err, "colour"));
    assert_false(jx_ac_rules_load("mof-2020", &r, err, sizeof err)); /* a project rule set */
    assert_non_null(strstr(err, "accounts"));
    assert_true(jx_ac_rules_load("accounts-mof", &r, err, sizeof err));
    assert_int_equal(r.n_sets, 4);
    assert_dec_equal(r.tolerance, "0.01");
}

static void norm_labels(void **state)
{
    (void)state;
    jx_arena a;
    jx_arena_init(&a);
    assert_string_equal(jx_ac_norm(&a, "一、一般公共服务支出"), "一般公共服务支出");
    assert_string_equal(jx_ac_norm(&a, "（一） 行政单位"), "行政单位");
    assert_string_equal(jx_ac_norm(&a, "1. 副部(省)级及以上领导用车"), "副部(省)级及以上领导用车");
    assert_string_equal(jx_ac_norm(&a, "一般公共服务支出(类)"), "一般公共服务支出");
    assert_string_equal(jx_ac_norm(&a, "因公出国 (境) 费"), "因公出国(境)费");
    assert_string_equal(jx_ac_norm(&a, "1.5万元"), "1.5万元"); /* a number, not numbering */
    jx_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_text),        cmocka_unit_test(seed_docx),
        cmocka_unit_test(seed_xlsx),        cmocka_unit_test(hierarchy_and_rounding),
        cmocka_unit_test(amounts_in_yuan),  cmocka_unit_test(contents_page_opens_nothing),
        cmocka_unit_test(rule_file_errors), cmocka_unit_test(norm_labels),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
