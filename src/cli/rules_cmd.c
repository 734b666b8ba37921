/* rules_cmd.c — `jixiao rules`: list rule sets, or show one's parameters. */
#include <stdio.h>
#include <string.h>

#include "../overall/overall.h"
#include "../rules/ruleset.h"
#include "cli.h"

static const char HELP[] =
    "用法 Usage: jixiao rules [名称|文件]\n"
    "\n"
    "不带参数时列出可用的规则集; 给出名称时显示该规则集的全部参数.\n"
    "Without an argument, lists the rule sets; with one, shows its parameters.\n"
    "规则集的文件格式见 docs/rules.md. Set JIXIAO_RULES_PATH to add folders.\n"
    "\n"
    "示例 Examples:\n"
    "  jixiao rules\n"
    "  jixiao rules sichuan\n";

static void show(const jx_rules *r)
{
    char a[JX_DEC_BUF], b[JX_DEC_BUF], c[JX_DEC_BUF];
    printf("%s — %s\n来源 source: %s\n\n", r->name, r->title, r->source);
    printf("总分值 %s; 预算执行 %s 分", jx_dec_fmt(r->total_weight, a),
           jx_dec_fmt(r->execution_weight, b));
    if (jx_has(r->indicators_weight))
        printf("; 绩效指标合计 %s 分", jx_dec_fmt(r->indicators_weight, c));
    printf("\n执行得分 = 分值 × %s\n", r->execution_cap ? "min(执行率, 100%)" : "执行率");
    if (jx_has(r->execution_explain_below))
        printf("执行率低于 %s%% 须说明原因\n", jx_dec_fmt(r->execution_explain_below, a));
    for (int i = 0; i < r->n_level1; i++) {
        printf("一级指标 %s", r->level1[i].name);
        if (jx_has(r->level1[i].weight)) printf(" (%s 分)", jx_dec_fmt(r->level1[i].weight, a));
        printf(":");
        for (int j = 0; j < r->level1[i].n_level2; j++)
            printf(" %s", r->level1[i].level2[j]);
        printf("\n");
    }
    printf("反向指标 (≤ <): %s\n", r->reverse == JX_REVERSE_RATIO
                                       ? "分值 × 指标值/实际值"
                                       : "分值 × (1 − (实际值−指标值)/指标值), 2 倍指标值时为 0");
    printf("等于指标 (=): %s\n",
           r->equal == JX_EQUAL_EXACT ? "相等得满分, 按偏差比例扣分" : "按正向指标计分");
    for (int l = JX_LEVEL_MET; l <= JX_LEVEL_NOT_MET; l++)
        printf("定性 %s: 区间 [%s%%, %s%%%s, 默认 %s%%\n", jx_level_name((jx_level)l),
               jx_dec_fmt(r->band_min[l], a), jx_dec_fmt(r->band_max[l], b),
               r->band_max[l] >= JX_DEC(100) ? "]" : ")", jx_dec_fmt(r->level_default[l], c));
    printf("时限: 按时 → %s, 未按时 → %s\n", jx_level_name(r->deadline_met),
           jx_level_name(r->deadline_missed));
    if (jx_has(r->over_threshold))
        printf("超额完成: 实际值 ≥ 指标值的 %s%% %s%s\n", jx_dec_fmt(r->over_threshold, a),
               r->over_needs_reason ? "须说明原因" : "提示",
               r->over_deduction == JX_OVER_DEVIATION ? ", 按偏离度扣分" : "");
    printf("等级:");
    for (int i = 0; i < r->n_grades; i++)
        printf(" %s ≥ %s", r->grades[i].name, jx_dec_fmt(r->grades[i].min, a));
    printf("\n得分保留 %d 位小数, 四舍五入 (half-up)\n", r->decimals);
}

/* A whole-department rule set: its indicators, weights and kinds (jixiao overall). */
static void show_overall(const jx_ov_rules *r)
{
    char a[JX_DEC_BUF];
    printf("%s — %s\n来源 source: %s\n部门整体支出绩效评价规则集, 用于 jixiao overall; 格式见 "
           "docs/overall.md\n\n",
           r->name, r->title, r->source);
    for (int i = 0; i < r->n_rules; i++) {
        const jx_ov_rule *x = &r->rules[i];
        printf("  %-10s %-10s %-24s %4s 分  %s\n", x->level1, x->level2, x->name,
               jx_dec_fmt(x->weight, a),
               x->judgement ? "评判 (取单位自评分)" : "公式 (由基础数据计算)");
    }
    printf("\n总分值 %s; 等级:", jx_dec_fmt(r->total_weight, a));
    for (int i = 0; i < r->n_grades; i++)
        printf(" %s ≥ %s", r->grades[i].name, jx_dec_fmt(r->grades[i].min, a));
    printf("\n");
}

int jx_cmd_rules(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(HELP, stdout);
        return JX_EXIT_OK;
    }
    if (argc < 2) {
        char list[1024];
        jx_rules_list(list, sizeof list);
        printf("可用的规则集 (rule sets): %s\n", list[0] ? list : "mof-2020 (内置)");
        return JX_EXIT_OK;
    }
    static jx_rules r;
    char err[1024];
    if (!jx_rules_load(argv[1], &r, err, sizeof err)) {
        /* a whole-department rule set ("kind": "overall") has its own format */
        static jx_ov_rules ov;
        char ov_err[1024];
        if (jx_ov_rules_load(argv[1], &ov, ov_err, sizeof ov_err)) {
            show_overall(&ov);
            return JX_EXIT_OK;
        }
        fprintf(stderr, "jixiao rules: %s\n", strstr(err, "kind") ? ov_err : err);
        return JX_EXIT_USAGE;
    }
    show(&r);
    return JX_EXIT_OK;
}
