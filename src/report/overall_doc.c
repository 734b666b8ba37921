/* overall_doc.c — the whole-department evaluation (部门整体支出绩效自评,
 * SPEC §8) as a document through doc.h: the conclusion, the indicator table
 * with the unit's and the rule's scores, subtotals by level with a chart, and
 * the findings. The same figures as `jixiao overall`. */
#include "overall_doc.h"

#include <stdio.h>
#include <string.h>

#include "chart.h"

static const char *num(jx_dec v, char *buf)
{
    return jx_has(v) ? jx_dec_fmt(v, buf) : "—";
}

static void indicators(jx_doc *d, const jx_overall *o)
{
    const char *headers[] = {"一级指标", "二级指标", "三级指标", "分值",
                             "自评得分", "复核得分", "指标值",   "类型"};
    jx_doc_table(d, headers, 8);
    for (size_t i = 0; i < o->n_results; i++) {
        const jx_ov_result *r = &o->results[i];
        char w[JX_DEC_BUF], c[JX_DEC_BUF], s[JX_DEC_BUF], v[JX_DEC_BUF + 2];
        snprintf(v, sizeof v, "%s%s", num(r->value, c), jx_has(r->value) ? "%" : "");
        const char *kind = strcmp(r->kind, "formula") == 0     ? "公式计算"
                           : strcmp(r->kind, "judgement") == 0 ? "评判"
                                                               : "规则集未列";
        char value[JX_DEC_BUF + 2];
        snprintf(value, sizeof value, "%s", v);
        const char *cells[] = {r->level1 ? r->level1 : "",
                               r->level2 ? r->level2 : "",
                               r->name ? r->name : "",
                               num(r->weight, w),
                               num(r->score_claimed, c),
                               num(r->score_rule, s),
                               value,
                               kind};
        jx_doc_row(d, cells, 8);
    }
    jx_doc_table_end(d);
}

static void levels(jx_doc *d, const jx_overall *o)
{
    const char *headers[] = {"指标层级", "分值", "自评得分", "复核得分"};
    jx_doc_table(d, headers, 4);
    static jx_chart chart;
    jx_chart_init(&chart, JX_CHART_HBAR_GROUPED, "各一级指标: 自评得分与复核得分", "分", 2);
    chart.series[0] = "自评得分";
    chart.series[1] = "复核得分";
    chart.category = "一级指标";
    for (size_t i = 0; i < o->n_totals; i++) {
        const jx_ov_level_total *t = &o->totals[i];
        if (t->level2) continue;
        char a[JX_DEC_BUF], b[JX_DEC_BUF], c[JX_DEC_BUF];
        const char *row[] = {t->level1, num(t->weight, a), num(t->score_claimed, b),
                             num(t->score_rule, c)};
        jx_doc_row(d, row, 4);
        jx_dec values[2] = {t->score_claimed, t->score_rule};
        jx_chart_add(&chart, t->level1, values);
        for (size_t k = 0; k < o->n_totals; k++) {
            const jx_ov_level_total *s = &o->totals[k];
            if (!s->level2 || strcmp(s->level1, t->level1) != 0) continue;
            char name[256];
            snprintf(name, sizeof name, "　%s", s->level2);
            const char *sub[] = {name, num(s->weight, a), num(s->score_claimed, b),
                                 num(s->score_rule, c)};
            jx_doc_row(d, sub, 4);
        }
    }
    jx_doc_table_end(d);
    if (chart.n_bars) jx_doc_chart(d, &chart);
}

static void findings(jx_doc *d, const jx_overall *o)
{
    static const char *const names[] = {"提示", "警告", "错误"};
    if (!o->n_findings) {
        jx_doc_para(d, "未发现问题。");
        return;
    }
    const char *headers[] = {"级别", "代码", "说明"};
    jx_doc_table(d, headers, 3);
    for (int sev = JX_SEV_ERROR; sev >= JX_SEV_INFO; sev--)
        for (size_t i = 0; i < o->n_findings; i++) {
            const jx_finding *f = &o->findings[i];
            if ((int)f->severity != sev) continue;
            const char *cells[] = {names[sev], f->code, f->message};
            jx_doc_row(d, cells, 3);
        }
    jx_doc_table_end(d);
}

void jx_overall_write_doc(jx_doc *d, const jx_overall *o)
{
    char a[JX_DEC_BUF], b[JX_DEC_BUF], c[JX_DEC_BUF];
    jx_doc_para(d, "来源文件: %s; 规则集: %s%s", o->source ? o->source : "",
                o->rules_name ? o->rules_name : "", "");
    jx_doc_heading(d, 2, "一、评价结论");
    jx_doc_para(d, "表中合计 %s 分, 报告所写 %s 分; 按规则集复核为 %s 分, 等级「%s」。",
                num(o->total_claimed, a), num(o->total_text, b), num(o->total_rule, c),
                o->grade_rule ? o->grade_rule : "—");
    jx_doc_para(d, "错误 %zu 个, 警告 %zu 个, 提示 %zu 个。", jx_ov_count(o, JX_SEV_ERROR),
                jx_ov_count(o, JX_SEV_WARNING), jx_ov_count(o, JX_SEV_INFO));
    jx_doc_heading(d, 2, "二、指标得分");
    indicators(d, o);
    jx_doc_heading(d, 2, "三、分级小计");
    levels(d, o);
    if (o->n_sections) {
        jx_doc_para(d, "报告各部分所写得分:");
        for (size_t i = 0; i < o->n_sections; i++)
            jx_doc_item(d, "%s: %s 分", o->sections[i].title, num(o->sections[i].score, a));
    }
    jx_doc_heading(d, 2, "四、复核发现的问题");
    findings(d, o);
}
