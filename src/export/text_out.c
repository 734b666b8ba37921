/* text_out.c — the human-readable audit; see text_out.h.
 *
 * Columns are measured in terminal cells (a CJK character takes two), long
 * cells are cut with "…" so that rows stay aligned.
 */
#include "text_out.h"

#include <string.h>

#include "../base/text.h"

/* Write s in exactly `width` cells, cut with "…" when longer. */
static void cell(FILE *out, const char *s, int width, bool right)
{
    if (!s) s = "";
    int w = jx_text_width(s);
    if (w > width) {
        size_t fit = jx_text_fit(s, width - 1);
        fwrite(s, 1, fit, out);
        fputs("…", out);
        w = jx_text_width(s) - jx_text_width(s + fit) + 1;
        for (int i = w; i < width; i++)
            fputc(' ', out);
        return;
    }
    if (right)
        for (int i = w; i < width; i++)
            fputc(' ', out);
    fputs(s, out);
    if (!right)
        for (int i = w; i < width; i++)
            fputc(' ', out);
}

static int clamp_width(int w, int lo, int hi)
{
    return w < lo ? lo : w > hi ? hi : w;
}

static void write_findings(FILE *out, const jx_project *p)
{
    static const struct {
        jx_severity sev;
        const char *title;
    } groups[] = {
        {JX_SEV_ERROR, "错误 error"}, {JX_SEV_WARNING, "警告 warning"}, {JX_SEV_INFO, "提示 info"}};
    if (p->n_findings == 0) {
        fputs("  发现问题: 无 (no findings)\n", out);
        return;
    }
    for (size_t g = 0; g < 3; g++) {
        size_t n = jx_project_count(p, groups[g].sev);
        if (!n) continue;
        fprintf(out, "  %s (%zu)\n", groups[g].title, n);
        for (size_t i = 0; i < p->n_findings; i++) {
            const jx_finding *f = &p->findings[i];
            if (f->severity != groups[g].sev) continue;
            char where[32] = "";
            if (f->indicator >= 0) snprintf(where, sizeof where, "#%d ", f->indicator + 1);
            fprintf(out, "    %-18s %s%s\n", f->code, where, f->message);
        }
    }
}

void jx_text_write_project(FILE *out, const jx_project *p, const jx_rules *rules, size_t number)
{
    char a[JX_DEC_BUF], b[JX_DEC_BUF], c[JX_DEC_BUF], d[JX_DEC_BUF], e[JX_DEC_BUF];
    const jx_funds *f = &p->funds;
    fprintf(out, "\n%zu. %s", number, p->name && *p->name ? p->name : "(未命名项目)");
    if (p->year) fprintf(out, " (%d年度)", p->year);
    if (p->unit) fprintf(out, "  %s", p->unit);
    fputc('\n', out);

    fprintf(out, "  资金(%s)  年初预算 %s  全年预算 %s  全年执行 %s  结余 %s\n",
            p->amount_unit ? p->amount_unit : "万元", jx_dec_fmt(f->budget_initial, a),
            jx_dec_fmt(f->budget, b), jx_dec_fmt(f->executed, c), jx_dec_fmt(f->balance, d));
    fprintf(out, "  执行率  填报 %s%s  计算 %s%s    执行得分  分值 %s  自评 %s  规则 %s\n",
            jx_dec_fmt(f->execution_rate, a), jx_has(f->execution_rate) ? "%" : "",
            jx_dec_fmt_fixed(f->rate_computed, 2, b), jx_has(f->rate_computed) ? "%" : "",
            jx_dec_fmt(f->execution_weight, c), jx_dec_fmt(f->execution_score_claimed, d),
            jx_dec_fmt(f->execution_score, e));

    if (p->n_indicators) {
        int wl1 = 8, wl2 = 8, wn = 8, wt = 6, wa = 10; /* at least the header's width */
        for (size_t i = 0; i < p->n_indicators; i++) {
            const jx_indicator *ind = &p->indicators[i];
            wl1 = clamp_width(jx_text_width(ind->level1 ? ind->level1 : ""), wl1, 10);
            wl2 = clamp_width(jx_text_width(ind->level2 ? ind->level2 : ""), wl2, 18);
            wn = clamp_width(jx_text_width(ind->name ? ind->name : ""), wn, 28);
            const char *t =
                ind->target_adjusted && *ind->target_adjusted ? ind->target_adjusted : ind->target;
            wt = clamp_width(jx_text_width(t ? t : ""), wt, 18);
            wa = clamp_width(jx_text_width(ind->actual ? ind->actual : ""), wa, 18);
        }
        fputs("  ", out);
        cell(out, "#", 3, true);
        fputs("  ", out);
        cell(out, "一级指标", wl1, false);
        fputs("  ", out);
        cell(out, "二级指标", wl2, false);
        fputs("  ", out);
        cell(out, "三级指标", wn, false);
        fputs("  ", out);
        cell(out, "指标值", wt, false);
        fputs("  ", out);
        cell(out, "实际完成值", wa, false);
        fputs("  ", out);
        cell(out, "分值", 5, true);
        cell(out, "自评", 7, true);
        cell(out, "规则", 7, true);
        fputc('\n', out);
        for (size_t i = 0; i < p->n_indicators; i++) {
            const jx_indicator *ind = &p->indicators[i];
            char num[24];
            snprintf(num, sizeof num, "%zu", i + 1);
            const char *t =
                ind->target_adjusted && *ind->target_adjusted ? ind->target_adjusted : ind->target;
            fputs("  ", out);
            cell(out, num, 3, true);
            fputs("  ", out);
            cell(out, ind->level1, wl1, false);
            fputs("  ", out);
            cell(out, ind->level2, wl2, false);
            fputs("  ", out);
            cell(out, ind->name, wn, false);
            fputs("  ", out);
            cell(out, t, wt, false);
            fputs("  ", out);
            cell(out, ind->actual, wa, false);
            fputs("  ", out);
            cell(out, jx_dec_fmt(ind->weight, a), 5, true);
            cell(out, jx_dec_fmt(ind->score_claimed, b), 7, true);
            cell(out, jx_dec_fmt(ind->score_rule, c), 7, true);
            fputc('\n', out);
        }
    }
    fprintf(out, "  总分  填报 %s", jx_dec_fmt(p->total_claimed, a));
    if (p->grade_claimed) fprintf(out, " (%s)", p->grade_claimed);
    fprintf(out, "  复算 %s  规则 %s (%s)   [规则集 %s]\n", jx_dec_fmt(p->total_recomputed, b),
            jx_dec_fmt(p->total_rule, c), p->grade_rule ? p->grade_rule : "—", rules->name);
    write_findings(out, p);
}
