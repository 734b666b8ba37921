/* checks.c — findings for one project (SPEC §6); see checks.h.
 *
 * Order of findings: table-level (TABLE-EMPTY), funds, weights, each
 * indicator in row order, totals. Every message names the figures it
 * compares so a reader can check it with a calculator.
 */
#include "checks.h"

#include <string.h>

#include "../base/text.h"
#include "../scoring/score.h"

#define PCT(x) JX_DEC(x)
#define E JX_SEV_ERROR
#define W JX_SEV_WARNING
#define I JX_SEV_INFO

/* Formatting helpers: each call site has its own buffers. */
#define F(v, buf) jx_dec_fmt((v), (buf))

static bool blank(const char *s)
{
    if (!s) return true;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return strcmp(s, "无") == 0 || strcmp(s, "/") == 0;
    return true;
}

static const char *name_of(const jx_indicator *ind)
{
    return ind->name && *ind->name ? ind->name : "(未命名)";
}

/* ---- funds --------------------------------------------------------------- */

static void check_funds(jx_project *p, const jx_rules *rules)
{
    const jx_funds *f = &p->funds;
    char a[JX_DEC_BUF], b[JX_DEC_BUF], c[JX_DEC_BUF], d[JX_DEC_BUF];
    const char *u = p->amount_unit ? p->amount_unit : "万元";

    if (!jx_has(f->budget) || f->budget == 0) {
        jx_finding_addf(p, "FUND-ZERO-BUDGET", W, -1, "budget",
                        "full-year budget is %s: the execution rate cannot be computed",
                        "全年预算数%s, 无法计算预算执行率", jx_has(f->budget) ? "为 0" : "为空");
    }
    if (jx_has(f->balance) && jx_has(f->budget) && jx_has(f->executed)) {
        jx_dec expect = f->budget - f->executed;
        if (f->balance != expect)
            jx_finding_addf(p, "FUND-BALANCE", E, -1, "balance",
                            "balance %s ≠ budget %s − executed %s = %s (%s)",
                            "资金结余 %s 不等于 全年预算数 %s − 全年执行数 %s = %s (%s)",
                            F(f->balance, a), F(f->budget, b), F(f->executed, c), F(expect, d), u);
    }
    if (jx_has(f->executed) && jx_has(f->budget) && f->budget > 0 && f->executed > f->budget)
        jx_finding_addf(
            p, "FUND-OVERSPEND", W, -1, "executed", "executed %s exceeds the budget %s (%s)",
            "全年执行数 %s 超过全年预算数 %s (%s)", F(f->executed, a), F(f->budget, b), u);

    jx_dec rate = f->rate_computed;
    if (jx_has(f->execution_rate) && jx_has(rate)) {
        int dec = f->rate_decimals >= 0 ? f->rate_decimals : jx_dec_decimals(f->execution_rate);
        if (dec > 4) dec = 4;
        jx_dec right = jx_dec_round(rate, dec);
        jx_dec ulp = JX_DEC_SCALE;
        for (int i = 0; i < dec; i++)
            ulp /= 10;
        if (f->execution_rate != right) {
            bool rounding = jx_dec_abs(f->execution_rate - right) <= ulp;
            jx_finding_addf(p, "FUND-RATE", rounding ? I : E, -1, "execution_rate",
                            "stated execution rate %s%% ≠ executed/budget = %s%%%s",
                            "填报的执行率 %s%% 与 全年执行数/全年预算数 = %s%% 不符%s",
                            F(f->execution_rate, a), jx_dec_fmt_fixed(rate, dec < 2 ? 2 : dec, b),
                            rounding ? " (仅尾数舍入差异 / rounding only)" : "");
        }
    }
    if (jx_has(f->execution_score_claimed) && jx_has(f->execution_score) &&
        jx_dec_round(f->execution_score_claimed, rules->decimals) != f->execution_score)
        jx_finding_addf(p, "FUND-SCORE", E, -1, "execution_score_claimed",
                        "stated execution score %s ≠ rule %s × %s%% = %s",
                        "填报的预算执行得分 %s 与规则不符: %s × %s%% = %s",
                        F(f->execution_score_claimed, a), F(f->execution_weight, b),
                        jx_has(rate) ? jx_dec_fmt_fixed(rate, 2, c) : F(f->execution_rate, c),
                        F(f->execution_score, d));

    if (jx_has(f->budget_initial) && jx_has(f->budget) && jx_has(rate) && f->budget_initial > 0 &&
        f->budget < f->budget_initial && jx_has(rules->cut_at_least) &&
        jx_has(rules->cut_execution_at_least)) {
        jx_dec cut =
            jx_dec_percent(f->budget_initial - f->budget, f->budget_initial, JX_DEC_DIGITS);
        if (cut >= rules->cut_at_least && rate >= rules->cut_execution_at_least)
            jx_finding_addf(
                p, "FUND-BUDGET-CUT", W, -1, "budget",
                "budget cut from %s to %s (−%s%%) and then %s%% executed: was the budget cut to "
                "fit the spending?",
                "全年预算数由年初 %s 调减至 %s (调减 %s%%), 随后执行率 %s%%: 疑为按支出调减预算",
                F(f->budget_initial, a), F(f->budget, b), jx_dec_fmt_fixed(cut, 2, c),
                jx_dec_fmt_fixed(rate, 2, d));
    }
    jx_dec shown = jx_has(rate) ? rate : f->execution_rate;
    if (jx_has(rules->execution_explain_below) && jx_has(shown) &&
        shown < rules->execution_explain_below && blank(f->reason))
        jx_finding_addf(p, "FUND-LOW-EXECUTION", W, -1, "reason",
                        "execution rate %s%% is below %s%% and no reason is given",
                        "预算执行率 %s%% 低于 %s%%, 但未说明偏差原因",
                        jx_dec_fmt_fixed(shown, 2, a), F(rules->execution_explain_below, b));
}

/* ---- weights and hierarchy ---------------------------------------------- */

static void check_weights(jx_project *p, const jx_rules *rules)
{
    char a[JX_DEC_BUF], b[JX_DEC_BUF];
    jx_dec sum = 0;
    jx_dec per_level1[JX_RULES_MAX_LEVEL1] = {0};
    bool any = false;
    for (size_t i = 0; i < p->n_indicators; i++) {
        const jx_indicator *ind = &p->indicators[i];
        if (!jx_has(ind->weight)) continue;
        any = true;
        sum += ind->weight;
        int l1 = jx_rules_level1(rules, ind->level1);
        if (l1 < 0) l1 = jx_rules_level1_of(rules, ind->level2);
        if (l1 >= 0) per_level1[l1] += ind->weight;
    }
    if (!any) return;
    jx_dec total = sum + rules->execution_weight;
    if (total != rules->total_weight) {
        char c[JX_DEC_BUF], d[JX_DEC_BUF];
        jx_finding_addf(p, "WEIGHT-SUM", E, -1, "weight",
                        "weights add up to %s (execution %s + indicators %s), not %s",
                        "分值合计为 %s (预算执行 %s + 绩效指标 %s), 不等于 %s", F(total, a),
                        F(rules->execution_weight, b), F(sum, c), F(rules->total_weight, d));
    } else if (jx_has(rules->indicators_weight) && sum != rules->indicators_weight)
        jx_finding_addf(p, "WEIGHT-SUM", E, -1, "weight", "indicator weights add up to %s, not %s",
                        "绩效指标分值合计为 %s, 不等于 %s", F(sum, a),
                        F(rules->indicators_weight, b));
    for (int l = 0; l < rules->n_level1; l++) {
        if (!jx_has(rules->level1[l].weight) || per_level1[l] == rules->level1[l].weight) continue;
        jx_finding_addf(p, "WEIGHT-LEVEL1", I, -1, "weight",
                        "%s weights add up to %s; rule set %s gives %s",
                        "%s 分值合计 %s, 规则集 %s 规定为 %s", rules->level1[l].name,
                        F(per_level1[l], a), rules->name, F(rules->level1[l].weight, b));
    }
}

static void check_hierarchy(jx_project *p, const jx_rules *rules, size_t i)
{
    const jx_indicator *ind = &p->indicators[i];
    int l1 = jx_rules_level1(rules, ind->level1);
    if (ind->level1 && *ind->level1 && l1 < 0) {
        jx_finding_addf(p, "HIERARCHY", W, (int)i, "level1",
                        "level-1 indicator \"%s\" of \"%s\" is not one of the rule set's",
                        "一级指标「%s」(指标「%s」) 不是规范的一级指标名称", ind->level1,
                        name_of(ind));
        return;
    }
    if (l1 < 0 || !ind->level2 || !*ind->level2 || rules->level1[l1].n_level2 == 0) return;
    if (jx_rules_level2_ok(rules, l1, ind->level2)) return;
    int owner = jx_rules_level1_of(rules, ind->level2);
    if (owner >= 0)
        jx_finding_addf(p, "HIERARCHY", W, (int)i, "level2",
                        "\"%s\" (indicator \"%s\") belongs under %s, not under %s",
                        "二级指标「%s」(指标「%s」) 应属于「%s」, 却列在「%s」之下", ind->level2,
                        name_of(ind), rules->level1[owner].name, ind->level1);
    else
        jx_finding_addf(p, "HIERARCHY", W, (int)i, "level2",
                        "level-2 indicator \"%s\" (indicator \"%s\") is not a level-2 of %s",
                        "二级指标「%s」(指标「%s」) 不是「%s」下的规范二级指标", ind->level2,
                        name_of(ind), ind->level1);
}

/* ---- indicators ---------------------------------------------------------- */

static void check_indicator(jx_project *p, const jx_rules *rules, size_t i)
{
    const jx_indicator *ind = &p->indicators[i];
    const char *nm = name_of(ind);
    int k = (int)i;
    char a[JX_DEC_BUF], b[JX_DEC_BUF], c[JX_DEC_BUF];

    check_hierarchy(p, rules, i);
    if (!jx_has(ind->weight)) {
        jx_finding_addf(p, "WEIGHT-MISSING", W, k, "weight", "indicator \"%s\" has no weight",
                        "指标「%s」没有分值", nm);
    } else if (!jx_has(ind->score_claimed)) {
        jx_finding_addf(p, "SCORE-MISSING", W, k, "score_claimed",
                        "indicator \"%s\" is worth %s points but has no score",
                        "指标「%s」分值 %s, 但没有填写得分", nm, F(ind->weight, a));
    } else if (ind->score_claimed < 0 || ind->score_claimed > ind->weight) {
        jx_finding_addf(p, "SCORE-RANGE", E, k, "score_claimed",
                        "indicator \"%s\": score %s is outside 0 … %s",
                        "指标「%s」得分 %s 超出 0 至分值 %s 的范围", nm, F(ind->score_claimed, a),
                        F(ind->weight, b));
    }

    if (ind->flags & JX_IND_TARGET_NO_NUMBER)
        jx_finding_addf(p, "TARGET-UNPARSED", W, k, "target",
                        "indicator \"%s\": target \"%s\" has a unit but no number, and no adjusted "
                        "target is given",
                        "指标「%s」的指标值「%s」只有单位没有数值, 也没有调整后指标值", nm,
                        ind->target ? ind->target : "");
    if (ind->flags & JX_IND_TARGET_UNPARSED)
        jx_finding_addf(p, "TARGET-UNPARSED", W, k, "target",
                        "indicator \"%s\": target \"%s\" cannot be interpreted",
                        "指标「%s」的指标值「%s」无法识别", nm,
                        ind->flags & JX_IND_ADJUSTED ? ind->target_adjusted
                                                     : (ind->target ? ind->target : ""));
    if (ind->flags & JX_IND_ACTUAL_UNPARSED)
        jx_finding_addf(p, "TARGET-UNPARSED", W, k, "actual",
                        "indicator \"%s\": actual \"%s\" cannot be read against target \"%s\"",
                        "指标「%s」的实际完成值「%s」无法与指标值「%s」对照", nm,
                        ind->actual ? ind->actual : "",
                        ind->flags & JX_IND_ADJUSTED ? ind->target_adjusted
                                                     : (ind->target ? ind->target : ""));
    if (ind->flags & JX_IND_UNIT_MISMATCH)
        jx_finding_addf(p, "UNIT-MISMATCH", W, k, "actual",
                        "indicator \"%s\": target unit \"%s\" and actual unit \"%s\" differ",
                        "指标「%s」的指标值单位「%s」与实际完成值单位「%s」不一致, 无法换算", nm,
                        ind->target_value.unit, ind->actual_value.unit);
    if (ind->flags & JX_IND_STRICT_AT_TARGET)
        jx_finding_addf(
            p, "TARGET-STRICT", I, k, "actual",
            "indicator \"%s\": actual %s sits exactly at the strict target %s%s; scored as if ≤/≥",
            "指标「%s」的实际完成值 %s 恰好等于严格指标值 %s%s, 按 ≤/≥ 计分 "
            "(表中“＜/＞”常意为“≤/≥”)",
            nm, F(ind->actual_in_target, a), jx_op_symbol(ind->target_value.op),
            F(ind->target_value.number, b));
    if (ind->flags & JX_IND_OVER_TARGET) {
        bool explained = !blank(ind->reason);
        jx_dec pct = jx_dec_ratio(ind->actual_in_target, PCT(100), ind->target_value.number, 2);
        jx_finding_addf(
            p, "OVER-TARGET", explained || !rules->over_needs_reason ? I : W, k, "actual",
            "indicator \"%s\": actual %s is %s%% of target %s%s",
            "指标「%s」实际完成值 %s 为指标值 %s 的 %s%%, 超额完成%s", nm,
            F(ind->actual_in_target, a), F(ind->target_value.number, b), F(pct, c),
            explained ? "" : (rules->over_needs_reason ? ", 且未说明原因 (unexplained)" : ""));
    }

    if (jx_has(ind->score_claimed) && jx_has(ind->weight) && (ind->flags & JX_IND_QUAL_BAND)) {
        jx_level lv = ind->level_rule;
        jx_dec lo = jx_dec_ratio(ind->weight, rules->band_min[lv], PCT(100), rules->decimals);
        jx_dec hi = jx_dec_ratio(ind->weight, rules->band_max[lv], PCT(100), rules->decimals);
        jx_finding_addf(p, "QUAL-BAND", W, k, "score_claimed",
                        "indicator \"%s\": score %s lies outside the band %s–%s of level %s",
                        "指标「%s」得分 %s 不在「%s」对应的分数区间 %s–%s%s 内", nm,
                        F(ind->score_claimed, a), jx_level_name(lv), F(lo, b), F(hi, c),
                        rules->band_max[lv] >= PCT(100) ? "" : " (不含上限)");
    } else if (jx_has(ind->score_claimed) && jx_has(ind->score_rule) &&
               jx_dec_round(ind->score_claimed, rules->decimals) != ind->score_rule &&
               ind->score_claimed >= 0 && ind->score_claimed <= ind->weight) {
        bool above = ind->score_claimed > ind->score_rule;
        jx_finding_addf(p, above ? "SCORE-ABOVE-RULE" : "SCORE-BELOW-RULE", above ? W : I, k,
                        "score_claimed", "indicator \"%s\": claimed %s, the rule gives %s",
                        "指标「%s」自评得分 %s, 按规则应得 %s", nm, F(ind->score_claimed, a),
                        F(ind->score_rule, b));
    }

    if (rules->explain_below_weight && jx_has(ind->score_claimed) && jx_has(ind->weight) &&
        ind->score_claimed < ind->weight && blank(ind->reason))
        jx_finding_addf(p, "REASON-MISSING", W, k, "reason",
                        "indicator \"%s\": score %s is below its weight %s and no reason is given",
                        "指标「%s」得分 %s 低于分值 %s, 但未填写偏差原因分析及改进措施", nm,
                        F(ind->score_claimed, a), F(ind->weight, b));
}

/* ---- totals -------------------------------------------------------------- */

static void check_totals(jx_project *p, const jx_rules *rules)
{
    char a[JX_DEC_BUF];
    if (jx_has(p->total_claimed) && p->total_claimed != p->total_recomputed) {
        char b[JX_DEC_BUF];
        jx_finding_addf(p, "TOTAL-SUM", E, -1, "total_claimed",
                        "stated total %s ≠ execution score + item scores = %s",
                        "填报的总分 %s 不等于 预算执行得分 + 各指标得分之和 = %s",
                        F(p->total_claimed, a), F(p->total_recomputed, b));
    }
    if (p->grade_claimed && *p->grade_claimed) {
        jx_dec basis = jx_has(p->total_claimed) ? p->total_claimed : p->total_recomputed;
        const char *band = jx_rules_grade(rules, basis);
        if (band && !jx_text_eq_squeezed(p->grade_claimed, band))
            jx_finding_addf(p, "GRADE", E, -1, "grade_claimed",
                            "stated grade \"%s\" but a total of %s is \"%s\"",
                            "填报的等级「%s」与总分 %s 对应的等级「%s」不符", p->grade_claimed,
                            F(basis, a), band);
    }
}

void jx_check(jx_project *p, const jx_rules *rules)
{
    const jx_funds *f = &p->funds;
    bool no_funds = !jx_has(f->budget) && !jx_has(f->executed) && !jx_has(f->budget_initial) &&
                    !jx_has(f->execution_rate);
    if (p->n_indicators == 0 && no_funds) {
        jx_finding_add(p, "TABLE-EMPTY", W, -1, NULL, "自评表只有表头, 没有资金和指标内容",
                       "the table has a header but no funds or indicators");
        return;
    }
    check_funds(p, rules);
    check_weights(p, rules);
    for (size_t i = 0; i < p->n_indicators; i++)
        check_indicator(p, rules, i);
    check_totals(p, rules);
}

void jx_audit_project(jx_project *p, const jx_rules *rules)
{
    jx_score(p, rules);
    jx_check(p, rules);
}
