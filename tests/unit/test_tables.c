/* test_tables.c — the text importer and the table mapper on every layout.
 *
 * One table written from seed rows (002 Z特种设备监管费, and 004) is laid out
 * as tab-separated cells, "|" cells, runs of spaces, one cell per line, and
 * in GB18030; each must give the same project: name, year, funds, every
 * indicator's target/actual/weight/score, total and grade. Also: repeated
 * header rows and page furniture are skipped, placeholder rows ("指标2:",
 * "……") dropped, split targets (指标性质 / 指标值 / 度量单位) joined, a row
 * that cannot be placed reported, and a header-only table found.
 */
#include <iconv.h>

#include "import/tables.h"
#include "import/text.h"
#include "testutil.h"

#define MAX_P 8

typedef struct {
    jx_rules rules;
    jx_arena keep;
    jx_project p[MAX_P];
    size_t n;
} got;

static bool keep_project(jx_project *p, void *arg)
{
    got *g = arg;
    if (g->n == MAX_P) return false;
    static tu_audit tmp;         /* tu_keep audits the project and deep-copies it */
    memset(&tmp, 0, sizeof tmp); /* n = 0: the copy lands in projects[0] */
    tmp.keep = g->keep;
    tmp.rules = g->rules;
    tu_keep(p, &tmp);
    g->keep = tmp.keep;
    g->p[g->n++] = tmp.projects[0];
    return true;
}

static void import_text(got *g, const char *text, size_t len)
{
    memset(g, 0, sizeof *g);
    jx_arena_init(&g->keep);
    char err[256];
    assert_true(jx_rules_load("mof-2020", &g->rules, err, sizeof err));
    jx_rows rows;
    assert_true(jx_text_open_mem(text, len, &rows, err, sizeof err));
    jx_import_result res;
    memset(&res, 0, sizeof res);
    assert_true(jx_tables_read(&rows, keep_project, g, &res));
    rows.close(rows.state);
}

static void done(got *g)
{
    jx_arena_free(&g->keep);
}

static bool has_code(const jx_project *p, const char *code)
{
    return tu_find(p, code) != NULL;
}

/* Z特种设备监管费 (seed 002), as the cells of each row. */
static const char *const Z[][11] = {
    {"项目名称", "", "Z特种设备监管费", NULL},
    {"主管部门及代码", "", "040-大同市市场监督管理局[部门]", "", "预算单位",
     "040001-大同市市场监督管理局", NULL},
    {"项目资金预算安排及执行进度(万元)", "资金总额:", "年初预算数", "", "全年预算数", "全年执行数",
     "资金结(转)余", "执行率", "得分", "偏差原因", NULL},
    {"", "", "目标申报数", "预算编制数", NULL},
    {"", "", "0", "102", "102", "12.716", "89.284", "12.47", "1.25", "", NULL},
    {"一级指标", "二级指标", "三级指标", "年初指标值", "调整后指标值", "实际完成值", "分值", "得分",
     "偏差原因分析及改进措施", NULL},
    {"产出指标", "数量指标", "举办宣传活动", "≥次", "≥1次", "1次", "6", "6", NULL},
    {"", "", "特种设备日常监督检查", "≥家次", "≥75家次", "58家次", "6", "6", "因科室人员少", NULL},
    {"", "", "电梯应急处置平台服务", "≥台", "≥16000台", "17000台", "6", "6", NULL},
    {"", "质量指标", "特种设备检查完成率", "=%", "=100%", "=100%", "5", "5", NULL},
    {"", "", "电梯95009智慧监管覆盖率", "=%", "=100%", "=100%", "5", "5", NULL},
    {"", "时效指标", "监督检查完成时间", "", "2024年12月31日前", "达成预期指标", "10", "10", NULL},
    {"", "成本指标", "特种设备安全监管差旅费成本", "≤元/人/天", "≤460元/人/天", "≤360元/人/天", "5",
     "5", NULL},
    {"效益指标", "社会效益指标", "特种设备安全状况", "", "不断提高", "达成预期指标", "15", "15",
     NULL},
    {"", "", "特种设备监察人员能力素质", "", "不断提高", "达成预期指标", "15", "15", NULL},
    {"满意度指标", "服务对象满意度", "公众对特种设备监管满意度", "≥%", "≥85%", "≥85%", "5", "5",
     NULL},
    {"", "", "公众对电梯安全监管满意度", "≥%", "≥85%", "≥85%", "5", "5", NULL},
    {"总 分", "", "", "", "", "", "84.25", "良", NULL},
};
#define Z_ROWS (sizeof Z / sizeof *Z)

typedef enum { L_TAB, L_PIPE, L_SPACES, L_CELL_LINES } layout;

/* Write the title, the year and Z's rows in a layout. */
static char *render(layout how)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    n += (size_t)snprintf(buf + n, cap - n, "Z特种设备监管费项目支出绩效自评表\n\n(2024年度)\n\n");
    for (size_t r = 0; r < Z_ROWS; r++) {
        for (size_t c = 0; Z[r][c]; c++) {
            const char *cell = Z[r][c];
            switch (how) {
            case L_TAB:
                n += (size_t)snprintf(buf + n, cap - n, "%s%s", c ? "\t" : "", cell);
                break;
            case L_PIPE:
                n += (size_t)snprintf(buf + n, cap - n, "%s %s ", c ? "|" : "|", cell);
                break;
            case L_SPACES:
                /* a PDF text layer: empty cells vanish, cells are apart by runs of spaces */
                if (*cell)
                    n += (size_t)snprintf(buf + n, cap - n, "%s%s",
                                          n && buf[n - 1] != '\n' ? "    " : "", cell);
                break;
            case L_CELL_LINES:
                n += (size_t)snprintf(buf + n, cap - n, "\t%s\n", cell);
                break;
            }
        }
        if (how == L_PIPE) n += (size_t)snprintf(buf + n, cap - n, "|");
        n += (size_t)snprintf(buf + n, cap - n, "\n");
        if (how == L_PIPE && r == 0) n += (size_t)snprintf(buf + n, cap - n, "|---|---|---|\n");
    }
    if (how == L_CELL_LINES) n += (size_t)snprintf(buf + n, cap - n, "\n");
    return buf;
}

/* The project every layout must give. */
static void check_z(const jx_project *p, bool has_empty_cells)
{
    assert_string_equal(p->name, "Z特种设备监管费");
    assert_int_equal(p->year, 2024);
    assert_string_equal(p->unit, "040001-大同市市场监督管理局");
    assert_dec_equal(p->funds.budget, "102");
    assert_dec_equal(p->funds.executed, "12.716");
    assert_dec_equal(p->funds.balance, "89.284");
    assert_dec_equal(p->funds.execution_rate, "12.47");
    assert_dec_equal(p->funds.execution_score_claimed, "1.25");
    assert_dec_equal(p->funds.execution_score, "1.25");
    assert_int_equal(p->n_indicators, 11);
    const jx_indicator *d = &p->indicators[1];
    assert_string_equal(d->name, "特种设备日常监督检查");
    assert_string_equal(d->level1, "产出指标");
    assert_string_equal(d->level2, "数量指标");
    assert_string_equal(d->target, "≥家次");
    assert_string_equal(d->target_adjusted, "≥75家次");
    assert_string_equal(d->actual, "58家次");
    assert_dec_equal(d->weight, "6");
    assert_dec_equal(d->score_claimed, "6");
    assert_dec_equal(d->score_rule, "4.64");
    assert_string_equal(d->reason, "因科室人员少");
    assert_string_equal(p->indicators[9].level1, "满意度指标");
    assert_string_equal(p->indicators[9].level2, "服务对象满意度指标");
    if (has_empty_cells) {
        /* the deadline row has an empty 年初指标值 */
        assert_string_equal(p->indicators[5].target_adjusted, "2024年12月31日前");
        assert_string_equal(p->indicators[5].actual, "达成预期指标");
    }
    assert_dec_equal(p->indicators[5].score_rule, "10");
    assert_dec_equal(p->total_claimed, "84.25");
    assert_string_equal(p->grade_claimed, "良");
    assert_dec_equal(p->total_recomputed, "84.25");
    assert_true(has_code(p, "WEIGHT-SUM"));
    assert_true(has_code(p, "SCORE-ABOVE-RULE"));
    assert_false(has_code(p, "TOTAL-SUM"));
    assert_false(has_code(p, "IMPORT-UNPLACED"));
}

static void layout_tabs(void **state)
{
    (void)state;
    char *text = render(L_TAB);
    got g;
    import_text(&g, text, strlen(text));
    assert_int_equal(g.n, 1);
    check_z(&g.p[0], true);
    done(&g);
    free(text);
}

static void layout_pipes(void **state)
{
    (void)state;
    char *text = render(L_PIPE);
    got g;
    import_text(&g, text, strlen(text));
    assert_int_equal(g.n, 1);
    check_z(&g.p[0], true);
    done(&g);
    free(text);
}

static void layout_space_runs(void **state)
{
    (void)state;
    char *text = render(L_SPACES);
    got g;
    import_text(&g, text, strlen(text));
    assert_int_equal(g.n, 1);
    check_z(&g.p[0], false);
    done(&g);
    free(text);
}

static void layout_one_cell_per_line(void **state)
{
    (void)state;
    char *text = render(L_CELL_LINES);
    got g;
    import_text(&g, text, strlen(text));
    assert_int_equal(g.n, 1);
    check_z(&g.p[0], true);
    done(&g);
    free(text);
}

static void gb18030_text(void **state)
{
    (void)state;
    char *text = render(L_TAB);
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t in_left = strlen(text), out_cap = in_left * 2 + 16, out_left = out_cap;
    char *gb = malloc(out_cap), *in = text, *out = gb;
    assert_true(iconv(cd, &in, &in_left, &out, &out_left) != (size_t)-1);
    iconv_close(cd);
    size_t gb_len = out_cap - out_left;
    got g;
    import_text(&g, gb, gb_len);
    assert_int_equal(g.n, 1);
    check_z(&g.p[0], true);
    done(&g);
    free(gb);
    free(text);
}

/* Repeated header rows, page furniture, placeholder rows, a 云南 split target. */
static void furniture_placeholders_and_split_targets(void **state)
{
    (void)state;
    static const char text[] =
        "某项目项目支出绩效自评表\n(2023年度)\n"
        "项目名称\t某项目\n"
        "项目资金(元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        "\t年度资金总额\t10000\t10000\t9000\t10\t90%\t9\n"
        "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\t分值\t得分\t偏差原因"
        "分析及改进措施\n"
        "产出指标\t数量指标\t培训人次\t≥\t100\t人次\t120人次\t40\t40\t\n"
        "仅供内部审核\n"
        "- 2 -\n"
        "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\t分值\t得分\t偏差原因"
        "分析及改进措施\n"
        "\t\t指标2:\t\t\t\t\t\t\t\n"
        "\t\t……\t\t\t\t\t\t\t\n"
        "效益指标\t社会效益指标\t群众知晓率\t≥\t90\t%\t85%\t30\t25\t宣传不足\n"
        "满意度指标\t服务对象满意度指标\t满意度\t≥\t90\t%\t95%\t20\t20\t\n"
        "\t\t无法识别的一行\t随便写的\t\t\t\t\t\t\n"
        "总分\t\t\t\t\t\t\t\t94\t优\n";
    got g;
    import_text(&g, text, sizeof text - 1);
    assert_int_equal(g.n, 1);
    const jx_project *p = &g.p[0];
    assert_int_equal(p->year, 2023);
    assert_dec_equal(p->funds.budget, "10000");
    assert_dec_equal(p->funds.executed, "9000");
    assert_dec_equal(p->funds.execution_score_claimed, "9");
    assert_int_equal(p->n_indicators, 4); /* the placeholders are gone, the junk row kept */
    assert_string_equal(p->indicators[0].target, "≥100人次");
    assert_dec_equal(p->indicators[0].score_rule, "40");
    assert_string_equal(p->indicators[1].target, "≥90%");
    assert_dec_equal(p->indicators[1].score_rule, "28.33");
    assert_string_equal(p->indicators[1].reason, "宣传不足");
    assert_string_equal(p->indicators[3].name, "无法识别的一行");
    assert_true(has_code(p, "WEIGHT-MISSING"));
    assert_dec_equal(p->total_claimed, "94");
    assert_false(has_code(p, "TOTAL-SUM"));
    done(&g);
}

/* A title with no table, then a table: the first is reported empty. */
static void header_only_table_and_unplaced_funds(void **state)
{
    (void)state;
    static const char text[] =
        "公平竞争审查经费项目支出绩效自评表\n\n(2024年度)\n\n备注:1.说明\n\n"
        "J信用监管经费项目支出绩效自评表\n(2024年度)\n"
        "项目名称\t\tJ信用监管经费\n"
        "项目资金预算安排及执行进度(万元)\t资金总额:\t年初预算数\t\t全年预算数\t全年执行数\t资金结("
        "转)余\t执行率\t得分\n"
        "\t\t0\t15\t15\t13,092\t1,908\t87.28\t8.73\n";
    got g;
    import_text(&g, text, sizeof text - 1);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.p[0].name, "公平竞争审查经费");
    assert_true(has_code(&g.p[0], "TABLE-EMPTY"));
    const jx_project *p = &g.p[1];
    assert_dec_equal(p->funds.executed, "13.092");
    assert_dec_equal(p->funds.balance, "1.908");
    assert_int_equal(tu_count(p, "NUMBER-AMBIGUOUS"), 2);
    assert_dec_equal(p->funds.execution_score, "8.73");
    done(&g);
}

/* 全年执行数 left blank: derived from 预算 − 结余, with the rate agreeing. */
static void derived_executed_is_marked(void **state)
{
    (void)state;
    static const char text[] = "J离退休党支部活动经费项目支出绩效自评表\n(2024年度)\n"
                               "项目名称\t\tJ离退休党支部活动经费\n"
                               "项目资金预算安排及执行进度(万元)\t资金总额:"
                               "\t年初预算数\t全年预算数\t全年执行数\t资金结(转)余\t执行率\t得分\n"
                               "\t\t\t0\t4.8\t4.8\t0.25\t94.79\t9.48\t按实际情况执行\n";
    got g;
    import_text(&g, text, sizeof text - 1);
    const jx_project *p = &g.p[0];
    assert_dec_equal(p->funds.executed, "4.55");
    assert_true(p->funds.derived & JX_DERIVED_EXECUTED);
    assert_true(has_code(p, "IMPORT-DERIVED"));
    assert_string_equal(p->funds.reason, "按实际情况执行");
    done(&g);
}

static void binary_junk_is_refused(void **state)
{
    (void)state;
    static const char junk[] = "PK\0\0\x01\x02garbage\0\0\0";
    jx_rows rows;
    char err[256];
    assert_false(jx_text_open_mem(junk, sizeof junk, &rows, err, sizeof err));
    assert_non_null(strstr(err, "不是文本文件"));
}

/* A line longer than the cap is cut, not kept whole: memory stays bounded. */
static void very_long_line_is_bounded(void **state)
{
    (void)state;
    size_t len = 3u << 20;
    char *big = malloc(len + 1);
    memset(big, 'x', len);
    big[len] = '\0';
    jx_rows rows;
    char err[256];
    assert_true(jx_text_open_mem(big, len, &rows, err, sizeof err));
    jx_row row;
    assert_int_equal(rows.next(rows.state, &row, err, sizeof err), 1);
    assert_true(strlen(row.cells[0]) <= JX_MAX_CELL_BYTES);
    assert_int_equal(rows.next(rows.state, &row, err, sizeof err), 0);
    rows.close(rows.state);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(layout_tabs),
        cmocka_unit_test(layout_pipes),
        cmocka_unit_test(layout_space_runs),
        cmocka_unit_test(layout_one_cell_per_line),
        cmocka_unit_test(gb18030_text),
        cmocka_unit_test(furniture_placeholders_and_split_targets),
        cmocka_unit_test(header_only_table_and_unplaced_funds),
        cmocka_unit_test(derived_executed_is_marked),
        cmocka_unit_test(binary_junk_is_refused),
        cmocka_unit_test(very_long_line_is_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
