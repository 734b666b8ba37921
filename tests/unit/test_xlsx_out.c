/* test_xlsx_out.c — the Excel export (src/export/xlsx_out.c): a true round
 * trip through the project's own .xlsx reader (the figures of every project
 * come back the same), the sheets and their names, the 自评表明细 sheet past
 * the project-sheet limit, byte-identical output, and the error path. */
#include "testutil.h"

#include <unistd.h>

#include "export/xlsx_out.h"
#include "import/import.h"
#include "import/xlsx.h"

static const char EXAMPLE[] = "examples/datong-2024.json";

static char tmpdir[64];

static int make_tmpdir(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/jx-xlsx-out.XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    return s;
}

/* The example's projects, scored and checked (the export's input). */
static void audit_example(tu_audit *t)
{
    char *json = slurp(EXAMPLE);
    tu_audit_json(t, json, NULL);
    free(json);
    assert_false(t->res.failed);
    assert_int_equal(t->n, 6);
}

/* Write t's projects to path with at most `sheets` project sheets. */
static void write_book(const tu_audit *t, const char *path, long sheets)
{
    char err[700];
    jx_xlsx_options o = {"mof-2020", sheets, NULL};
    jx_xlsx *x = jx_xlsx_create(path, &o, err, sizeof err);
    if (!x) fail_msg("%s", err);
    for (size_t i = 0; i < t->n; i++)
        assert_true(jx_xlsx_add(x, &t->projects[i], EXAMPLE));
    if (!jx_xlsx_close(x, err, sizeof err)) fail_msg("%s", err);
}

/* Import path again with the same rule set. */
static void reimport(tu_audit *t, const char *path)
{
    memset(t, 0, sizeof *t);
    jx_arena_init(&t->keep);
    char err[1024];
    if (!jx_rules_load("mof-2020", &t->rules, err, sizeof err)) fail_msg("%s", err);
    jx_import_result res;
    jx_import_file(path, tu_keep, t, &res);
    if (res.failed) fail_msg("%s: %s", path, res.error);
}

static void same_text(const char *what, const char *a, const char *b)
{
    /* an empty text and no text are the same cell */
    const char *x = a ? a : "", *y = b ? b : "";
    if (strcmp(x, y) != 0) fail_msg("%s: \"%s\" came back as \"%s\"", what, x, y);
}

static void same_dec(const char *what, jx_dec a, jx_dec b)
{
    char x[JX_DEC_BUF], y[JX_DEC_BUF];
    if (a != b) fail_msg("%s: %s came back as %s", what, jx_dec_fmt(a, x), jx_dec_fmt(b, y));
}

/* Every figure a reviewer relies on comes back the same. */
static void same_project(const jx_project *a, const jx_project *b)
{
    same_text("name", a->name, b->name);
    same_text("unit", a->unit, b->unit);
    same_text("department", a->department, b->department);
    assert_int_equal(a->year, b->year);
    same_dec("budget_initial", a->funds.budget_initial, b->funds.budget_initial);
    same_dec("budget", a->funds.budget, b->funds.budget);
    same_dec("executed", a->funds.executed, b->funds.executed);
    same_dec("balance", a->funds.balance, b->funds.balance);
    same_dec("execution_rate", a->funds.execution_rate, b->funds.execution_rate);
    same_dec("execution_score", a->funds.execution_score, b->funds.execution_score);
    same_dec("execution_score_claimed", a->funds.execution_score_claimed,
             b->funds.execution_score_claimed);
    same_text("funds reason", a->funds.reason, b->funds.reason);
    assert_int_equal(a->n_indicators, b->n_indicators);
    for (size_t i = 0; i < a->n_indicators; i++) {
        const jx_indicator *x = &a->indicators[i], *y = &b->indicators[i];
        same_text("level1", x->level1, y->level1);
        same_text("level2", x->level2, y->level2);
        same_text("target", x->target, y->target);
        same_text("target_adjusted", x->target_adjusted, y->target_adjusted);
        same_text("actual", x->actual, y->actual);
        same_text("reason", x->reason, y->reason);
        same_dec("weight", x->weight, y->weight);
        same_dec("score_claimed", x->score_claimed, y->score_claimed);
        same_dec("score_rule", x->score_rule, y->score_rule);
    }
    same_dec("total_recomputed", a->total_recomputed, b->total_recomputed);
    same_dec("total_rule", a->total_rule, b->total_rule);
    if (jx_has(a->total_claimed)) same_dec("total_claimed", a->total_claimed, b->total_claimed);
    same_text("grade_claimed", a->grade_claimed, b->grade_claimed);
    same_text("grade_rule", a->grade_rule, b->grade_rule);
}

/* Indicator names compared apart: one example name is read back as a
 * 二级 label by the importer's vocabulary (see docs/export.md). */
static size_t names_differing(const jx_project *a, const jx_project *b)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_indicators && i < b->n_indicators; i++)
        if (strcmp(a->indicators[i].name ? a->indicators[i].name : "",
                   b->indicators[i].name ? b->indicators[i].name : "") != 0)
            n++;
    return n;
}

static void path_in_tmp(char *out, size_t len, const char *name)
{
    snprintf(out, len, "%s/%s", tmpdir, name);
}

/* ---- tests ------------------------------------------------------------------------------------
 */

static void test_round_trip(void **state)
{
    (void)state;
    tu_audit a, b;
    audit_example(&a);
    char path[128];
    path_in_tmp(path, sizeof path, "round.xlsx");
    write_book(&a, path, -1);
    reimport(&b, path);
    assert_int_equal(b.n, a.n);
    size_t names = 0;
    for (size_t i = 0; i < a.n; i++) {
        same_project(&a.projects[i], &b.projects[i]);
        names += names_differing(&a.projects[i], &b.projects[i]);
    }
    assert_true(names <= 1);
    /* Z特种设备监管费: 12.716 / 102 = 12.47% → 1.25; weights 93; 84.25 claimed, 82.89 by rule */
    const jx_project *z = &b.projects[2];
    assert_string_equal(z->name, "Z特种设备监管费");
    assert_dec_equal(z->funds.executed, "12.716");
    assert_dec_equal(z->funds.execution_rate, "12.47");
    assert_dec_equal(z->total_claimed, "84.25");
    assert_dec_equal(z->total_rule, "82.89");
    assert_int_equal(tu_count(z, "WEIGHT-SUM"), 1);
    tu_free(&a);
    tu_free(&b);
}

/* Sheet names of a workbook, in order, joined with "|". */
static void sheet_names(const char *path, char *out, size_t len)
{
    jx_rows rows;
    char err[512];
    if (!jx_xlsx_open(path, &rows, err, sizeof err)) fail_msg("%s", err);
    out[0] = '\0';
    for (int i = 0; jx_xlsx_sheet_name(&rows, i); i++) {
        size_t n = strlen(out);
        snprintf(out + n, len - n, "%s%s", i ? "|" : "", jx_xlsx_sheet_name(&rows, i));
    }
    rows.close(rows.state);
}

static void test_details_sheet_past_the_limit(void **state)
{
    (void)state;
    tu_audit a, b;
    audit_example(&a);
    char path[128], names[2048];
    path_in_tmp(path, sizeof path, "limit.xlsx");
    write_book(&a, path, 2);
    sheet_names(path, names, sizeof names);
    assert_string_equal(names, "汇总|问题清单|J市场监管经费|J信用监管经费|自评表明细");
    /* the four projects past the limit are read back from 自评表明细 */
    reimport(&b, path);
    assert_int_equal(b.n, a.n);
    for (size_t i = 0; i < a.n; i++)
        same_project(&a.projects[i], &b.projects[i]);
    tu_free(&a);
    tu_free(&b);
}

static void test_sheet_names(void **state)
{
    (void)state;
    tu_audit a;
    audit_example(&a);
    /* a long name with characters Excel forbids, twice (31 characters; 28 + "(2)"), a
     * reserved name, apostrophes at the ends */
    a.projects[0].name = "关于[2024]年度:市场*监管?专项/资金\\绩效评价的项目支出经费及其他相关";
    a.projects[1].name = a.projects[0].name;
    a.projects[2].name = "汇总";
    a.projects[3].name = "'引号'";
    char path[128], names[2048];
    path_in_tmp(path, sizeof path, "names.xlsx");
    write_book(&a, path, -1);
    sheet_names(path, names, sizeof names);
    assert_string_equal(names, "汇总|问题清单|"
                               "关于_2024_年度_市场_监管_专项_资金_绩效评价的项目支|"
                               "关于_2024_年度_市场_监管_专项_资金_绩效评价的(2)|"
                               "汇总(2)|引号|Z质量发展工作经费|放心消费创建项目");
    tu_free(&a);
}

static void test_byte_identical(void **state)
{
    (void)state;
    tu_audit a;
    audit_example(&a);
    char p1[128], p2[128];
    path_in_tmp(p1, sizeof p1, "same1.xlsx");
    path_in_tmp(p2, sizeof p2, "same2.xlsx");
    write_book(&a, p1, 3);
    sleep(1); /* a time stamp would now differ */
    write_book(&a, p2, 3);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", p1, p2);
    assert_int_equal(system(cmd), 0);
    tu_free(&a);
}

static void test_unwritable_output(void **state)
{
    (void)state;
    tu_audit a;
    audit_example(&a);
    char err[700] = "";
    const char *path = "/nonexistent-dir/out.xlsx";
    jx_xlsx_options o = {"mof-2020", -1, NULL};
    jx_xlsx *x = jx_xlsx_create(path, &o, err, sizeof err);
    bool done = x != NULL;
    if (x) {
        jx_xlsx_add(x, &a.projects[0], EXAMPLE);
        done = jx_xlsx_close(x, err, sizeof err);
    }
    assert_false(done);
    assert_non_null(strstr(err, path));
    tu_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_details_sheet_past_the_limit),
        cmocka_unit_test(test_sheet_names),
        cmocka_unit_test(test_byte_identical),
        cmocka_unit_test(test_unwritable_output),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
