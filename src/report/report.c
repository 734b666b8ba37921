/* report.c — the 绩效自评工作报告; see report.h.
 *
 * Pass 1 imports and audits every file into a jx_summary (and notes the
 * unit and year, and the bars of the charts: at most JX_CHART_MAX_BARS per
 * chart); pass 2 imports them again and writes one paragraph block per
 * project, recording the appendix rows and the improvement measures as doc
 * events (into temporary files, replayed in their place) and the findings
 * by code for sections 三 and 四.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "../checks/checks.h"
#include "../import/import.h"
#include "summary.h"

#define MAX_CODES 64
#define NAMES_KEPT 30

typedef struct {
    const char *code; /* static string from the checks */
    jx_severity severity;
    size_t count, projects;
    char *names[NAMES_KEPT];
    size_t n_names;
} code_stat;

typedef struct {
    const jx_rules *rules;
    jx_summary summary;
    char *unit, *department;
    int year;
    size_t seen, without_rate;
    jx_chart rate_chart, score_chart; /* the lowest bars, bounded */
    char rate_note[200], score_note[200];
    /* pass 2 */
    jx_doc *doc;
    jx_doc rows; /* appendix rows, into a temporary file */
    size_t number;
    code_stat codes[MAX_CODES];
    int n_codes;
    size_t with_measures;
} report_ctx;

static char *dup(const char *s)
{
    size_t n = strlen(s);
    char *p = jx_xmalloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}

static bool blank(const char *s)
{
    if (!s) return true;
    while (*s == ' ' || *s == '\n' || *s == '\t')
        s++;
    return !*s || strcmp(s, "无") == 0 || strcmp(s, "无。") == 0 || strcmp(s, "无.") == 0;
}

static const char *or_missing(const char *s)
{
    return blank(s) ? "表中未填写" : s;
}

/* ---- pass 1 ----------------------------------------------------------------- */

static bool first_pass(jx_project *p, void *arg)
{
    report_ctx *c = arg;
    jx_audit_project(p, c->rules);
    jx_summary_add(&c->summary, p);
    if (!c->unit && !blank(p->unit)) c->unit = dup(p->unit);
    if (!c->department && !blank(p->department)) c->department = dup(p->department);
    if (!c->year && p->year) c->year = p->year;
    c->seen++;
    if (p->n_indicators == 0 && !jx_has(p->funds.budget)) return true; /* header only */
    char label[JX_CHART_LABEL];
    snprintf(label, sizeof label, "%zu、%s", c->seen, blank(p->name) ? "(未填写名称)" : p->name);
    jx_dec rate[1] = {jx_dec_round(p->funds.rate_computed, 2)}; /* as the report writes it */
    if (jx_has(rate[0]))
        jx_chart_offer(&c->rate_chart, label, rate, 0);
    else
        c->without_rate++;
    jx_dec totals[2] = {p->total_claimed, p->total_rule};
    jx_chart_offer(&c->score_chart, label, totals, 1);
    return true;
}

static void init_charts(report_ctx *c)
{
    jx_chart_init(&c->rate_chart, JX_CHART_HBAR, "各项目预算执行率", "%", 1);
    c->rate_chart.category = "项目";
    c->rate_chart.series[0] = "执行率";
    jx_chart_init(&c->score_chart, JX_CHART_HBAR_GROUPED, "各项目自评总分与按规则复核总分", "", 2);
    c->score_chart.category = "项目";
    c->score_chart.series[0] = "自评总分";
    c->score_chart.series[1] = "复核总分";
}

/* After pass 1: order the bars and say in the captions which are shown. */
static void settle_charts(report_ctx *c)
{
    jx_chart_settle(&c->rate_chart, 0);
    jx_chart_settle(&c->score_chart, 1);
    const jx_chart *r = &c->rate_chart, *s = &c->score_chart;
    size_t used = 0;
    if (r->offered > r->n_bars)
        used = (size_t)snprintf(c->rate_note, sizeof c->rate_note,
                                "共 %zu 个项目, 图中为执行率最低的 %zu 个, 由低到高排列。",
                                r->offered, r->n_bars);
    if (c->without_rate && used < sizeof c->rate_note)
        snprintf(c->rate_note + used, sizeof c->rate_note - used,
                 "%zu 个项目未填写预算数或执行数, 未列入。", c->without_rate);
    c->rate_chart.note = c->rate_note[0] ? c->rate_note : NULL;
    if (s->offered > s->n_bars) {
        snprintf(c->score_note, sizeof c->score_note,
                 "共 %zu 个项目, 图中为复核总分最低的 %zu 个, 由低到高排列。", s->offered,
                 s->n_bars);
        c->score_chart.note = c->score_note;
    }
}

/* ---- pass 2 ----------------------------------------------------------------- */

static void count_codes(report_ctx *c, const jx_project *p)
{
    for (size_t i = 0; i < p->n_findings; i++) {
        const jx_finding *f = &p->findings[i];
        int k = 0;
        while (k < c->n_codes && strcmp(c->codes[k].code, f->code) != 0)
            k++;
        if (k == c->n_codes) {
            if (c->n_codes == MAX_CODES) continue;
            memset(&c->codes[k], 0, sizeof c->codes[k]);
            c->codes[k].code = f->code;
            c->codes[k].severity = f->severity;
            c->n_codes++;
        }
        code_stat *s = &c->codes[k];
        s->count++;
        if (f->severity > s->severity) s->severity = f->severity;
        bool seen = s->n_names && strcmp(s->names[s->n_names - 1], p->name ? p->name : "") == 0;
        if (!seen) {
            s->projects++;
            if (s->n_names < NAMES_KEPT) s->names[s->n_names++] = dup(p->name ? p->name : "");
        }
    }
}

static const char *text_labelled(const jx_project *p, const char *word)
{
    for (size_t i = 0; i < p->n_texts; i++)
        if (p->texts[i].label && strstr(p->texts[i].label, word) && !blank(p->texts[i].text))
            return p->texts[i].text;
    return NULL;
}

static void project_block(report_ctx *c, const jx_project *p)
{
    jx_doc *d = c->doc;
    char a[JX_DEC_BUF], b[JX_DEC_BUF], r[JX_DEC_BUF], s[JX_DEC_BUF], t[JX_DEC_BUF], u[JX_DEC_BUF],
        v[JX_DEC_BUF];
    char title[600];
    snprintf(title, sizeof title, "%zu、%s", c->number,
             blank(p->name) ? "(表中未填写项目名称)" : p->name);
    jx_doc_heading(d, 3, title);
    const char *unit = p->amount_unit ? p->amount_unit : "万元";
    if (p->n_indicators == 0 && !jx_has(p->funds.budget)) {
        jx_doc_para(d, "该自评表只有表头, 未填写资金和指标内容。");
        return;
    }
    const jx_funds *f = &p->funds;
    const char *grade = jx_summary_grade_claimed(c->rules, p);
    jx_doc_para(d,
                "全年预算数 %s %s, 全年执行数 %s %s, 执行率 %s%%, 预算执行得分 %s (满分 "
                "%s)。自评总分 %s%s%s%s, "
                "按规则集「%s」复核为 %s (%s)。",
                jx_dec_fmt(f->budget, a), unit, jx_dec_fmt(f->executed, b), unit,
                jx_dec_fmt_fixed(f->rate_computed, 2, r), jx_dec_fmt(f->execution_score, s),
                jx_dec_fmt(f->execution_weight, t), jx_dec_fmt(p->total_claimed, u),
                grade ? " (" : "", grade ? grade : "", grade ? ")" : "", c->rules->name,
                jx_dec_fmt(p->total_rule, v), p->grade_rule ? p->grade_rule : "—");
    jx_doc_para(d, "年度目标: %s", or_missing(p->goal_expected));
    jx_doc_para(d, "实际完成情况: %s", or_missing(p->goal_actual));
    size_t below = 0;
    for (size_t i = 0; i < p->n_indicators; i++) {
        const jx_indicator *ind = &p->indicators[i];
        if (!jx_has(ind->weight) ||
            (jx_has(ind->score_claimed) && ind->score_claimed >= ind->weight))
            continue;
        if (below++ == 0) jx_doc_para(d, "未得满分的指标:");
        const char *target =
            ind->target_adjusted && *ind->target_adjusted ? ind->target_adjusted : ind->target;
        jx_doc_item(d, "%s: 指标值 %s, 实际完成 %s, 得分 %s / %s; 偏差原因: %s",
                    blank(ind->name) ? "(未命名)" : ind->name, blank(target) ? "—" : target,
                    blank(ind->actual) ? "—" : ind->actual,
                    jx_has(ind->score_claimed) ? jx_dec_fmt(ind->score_claimed, a) : "未填写",
                    jx_dec_fmt(ind->weight, b), or_missing(ind->reason));
    }
    if (below == 0 && p->n_indicators) jx_doc_para(d, "各项指标均按满分自评。");
    static const char *const sections[] = {"产出", "效益", "满意度", "经验", "问题"};
    for (size_t k = 0; k < sizeof sections / sizeof *sections; k++) {
        for (size_t i = 0; i < p->n_texts; i++) {
            const jx_text_section *x = &p->texts[i];
            if (x->label && strstr(x->label, sections[k]) && !blank(x->text))
                jx_doc_para(d, "%s: %s", x->label, x->text);
        }
    }
}

static void appendix_row(report_ctx *c, const jx_project *p)
{
    char n[24], bu[JX_DEC_BUF], ex[JX_DEC_BUF], ra[JX_DEC_BUF], tc[JX_DEC_BUF], tr[JX_DEC_BUF],
        fe[48];
    snprintf(n, sizeof n, "%zu", c->number);
    snprintf(fe, sizeof fe, "%zu / %zu", jx_project_count(p, JX_SEV_ERROR),
             jx_project_count(p, JX_SEV_WARNING));
    const char *grade = jx_summary_grade_claimed(c->rules, p);
    const char *cells[] = {n,
                           blank(p->name) ? "(未填写)" : p->name,
                           jx_dec_fmt(p->funds.budget, bu),
                           jx_dec_fmt(p->funds.executed, ex),
                           jx_dec_fmt_fixed(p->funds.rate_computed, 2, ra),
                           jx_dec_fmt(p->total_claimed, tc),
                           grade ? grade : "—",
                           jx_dec_fmt(p->total_rule, tr),
                           p->grade_rule ? p->grade_rule : "—",
                           fe};
    jx_doc_row(&c->rows, cells, (int)(sizeof cells / sizeof *cells));
}

static bool second_pass(jx_project *p, void *arg)
{
    report_ctx *c = arg;
    jx_audit_project(p, c->rules);
    c->number++;
    project_block(c, p);
    appendix_row(c, p);
    count_codes(c, p);
    if (text_labelled(p, "改进措施") || text_labelled(p, "建议")) c->with_measures++;
    return true;
}

/* ---- sections ------------------------------------------------------------------ */

static void section_one(report_ctx *c)
{
    jx_doc *d = c->doc;
    const jx_summary *s = &c->summary;
    const jx_rules *r = c->rules;
    char a[JX_DEC_BUF], b[JX_DEC_BUF], e[JX_DEC_BUF];
    jx_doc_heading(d, 2, "一、绩效自评工作组织开展情况");
    jx_doc_para(d,
                "本次自评共涉及项目 %zu 个, 全年预算数合计 %s 万元, 全年执行数合计 %s 万元, "
                "预算执行率 %s%%。",
                s->projects, jx_dec_fmt(jx_dec_round(s->budget, 6), a),
                jx_dec_fmt(jx_dec_round(s->executed, 6), b),
                jx_dec_fmt_fixed(jx_summary_rate(s), 2, e));
    jx_doc_para(d, "按各自评表所填总分, 90 分以上 %zu 个, 60 至 90 分 %zu 个, 60 分以下 %zu 个。",
                s->bands[0], s->bands[1], s->bands[2]);
    if (s->unscored)
        jx_doc_para(d,
                    "另有 %zu 个自评表未填写总分或等级 (其中 %zu 个只有表头), 未计入上述分数段。",
                    s->unscored, s->tables_empty);
    const char *headers[] = {"等级", "自评 (项目数)", "按规则复核 (项目数)"};
    jx_doc_table(d, headers, 3);
    for (int i = 0; i < r->n_grades; i++) {
        char x[24], y[24];
        snprintf(x, sizeof x, "%zu", s->grades_claimed[i]);
        snprintf(y, sizeof y, "%zu", s->grades_rule[i]);
        const char *cells[] = {r->grades[i].name, x, y};
        jx_doc_row(d, cells, 3);
    }
    jx_doc_table_end(d);
    size_t graded = 0;
    for (int i = 0; i < r->n_grades && i < JX_SUMMARY_GRADES; i++)
        graded += s->grades_claimed[i] + s->grades_rule[i];
    jx_chart grades;
    jx_chart_init(&grades, JX_CHART_VBAR, "各等级项目数 (自评与按规则复核)", "", 2);
    grades.category = "等级";
    grades.series[0] = "自评";
    grades.series[1] = "按规则复核";
    for (int i = 0; i < r->n_grades && i < JX_SUMMARY_GRADES; i++) {
        jx_dec counts[2] = {JX_DEC(s->grades_claimed[i]), JX_DEC(s->grades_rule[i])};
        jx_chart_add(&grades, r->grades[i].name, counts);
    }
    if (graded) jx_doc_chart(d, &grades);
    jx_doc_para(d,
                "复核所用规则集: %s (%s)。本报告中的数字均取自各项目自评表, "
                "表中没有的内容注明“表中未填写”。",
                r->name, r->title);
    if (s->n_below) {
        jx_doc_para(d, "自评等级低于「良」的项目 %zu 个:", s->n_below);
        for (size_t i = 0; i < s->n_below; i++) {
            const jx_summary_item *it = &s->below[i];
            char reasons[2048] = "";
            for (int k = 0; k < it->n_reasons; k++) {
                size_t used = strlen(reasons);
                snprintf(reasons + used, sizeof reasons - used, "%s%s", k ? "; " : "",
                         it->reasons[k]);
            }
            jx_doc_item(
                d, "%s: 自评 %s 分 (%s); 偏差原因: %s", it->name, jx_dec_fmt(it->total_claimed, a),
                it->grade_claimed ? it->grade_claimed : "—", reasons[0] ? reasons : "表中未填写");
        }
    }
}

static const char *describe(const char *code)
{
    static const struct {
        const char *code, *text;
    } what[] = {
        {"WEIGHT-SUM", "分值合计不等于 100"},
        {"WEIGHT-LEVEL1", "一级指标分值与规定不符"},
        {"WEIGHT-MISSING", "指标没有分值"},
        {"TARGET-UNPARSED", "指标值或实际完成值无法识别、只有单位或无法对照"},
        {"OVER-TARGET", "实际完成值达到指标值的 130% 以上 (指标设置可能偏低)"},
        {"HIERARCHY", "指标归类与一级、二级指标体系不符"},
        {"UNIT-MISMATCH", "指标值与实际完成值单位不一致"},
        {"TARGET-STRICT", "实际完成值恰好等于“＜/＞”指标值"},
        {"SCORE-ABOVE-RULE", "自评得分高于按规则应得分"},
        {"SCORE-BELOW-RULE", "自评得分低于按规则应得分"},
        {"SCORE-MISSING", "有分值未填得分"},
        {"SCORE-RANGE", "得分超出 0 至分值范围"},
        {"QUAL-BAND", "定性指标得分不在其等级区间内"},
        {"REASON-MISSING", "扣分指标未说明偏差原因"},
        {"TOTAL-SUM", "总分与各项得分之和不符"},
        {"GRADE", "等级与总分不符"},
        {"FUND-BALANCE", "结余不等于预算数减执行数"},
        {"FUND-RATE", "填报的执行率与计算不符"},
        {"FUND-SCORE", "预算执行得分与规则不符"},
        {"FUND-ZERO-BUDGET", "全年预算数为 0 或为空"},
        {"FUND-OVERSPEND", "执行数超过预算数"},
        {"FUND-BUDGET-CUT", "预算大幅调减后执行率接近 100%"},
        {"FUND-LOW-EXECUTION", "执行率偏低且未说明原因"},
        {"NUMBER-AMBIGUOUS", "数字写法有歧义 (逗号疑为小数点)"},
        {"TABLE-EMPTY", "自评表只有表头"},
        {"IMPORT-PLACED", "单元格按含义而非位置读取"},
        {"IMPORT-DERIVED", "空白单元格按本行数据推算"},
        {"IMPORT-UNPLACED", "有内容无法对应到表格栏目"},
    };
    for (size_t i = 0; i < sizeof what / sizeof *what; i++)
        if (strcmp(what[i].code, code) == 0) return what[i].text;
    return "";
}

static void names_of(const code_stat *s, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (size_t i = 0; i < s->n_names; i++) {
        size_t used = strlen(buf);
        snprintf(buf + used, cap - used, "%s%s", i ? "、" : "", s->names[i]);
    }
    if (s->projects > s->n_names) {
        size_t used = strlen(buf);
        snprintf(buf + used, cap - used, " 等 %zu 个项目", s->projects);
    }
}

static void section_three(report_ctx *c)
{
    static const char *const quality[] = {"WEIGHT-SUM",      "WEIGHT-LEVEL1", "WEIGHT-MISSING",
                                          "TARGET-UNPARSED", "OVER-TARGET",   "HIERARCHY",
                                          "UNIT-MISMATCH",   "TARGET-STRICT"};
    jx_doc *d = c->doc;
    jx_doc_heading(d, 2, "三、绩效目标设定质量情况");
    size_t shown = 0;
    char names[4096];
    for (size_t q = 0; q < sizeof quality / sizeof *quality; q++) {
        for (int k = 0; k < c->n_codes; k++) {
            const code_stat *s = &c->codes[k];
            if (strcmp(s->code, quality[q]) != 0) continue;
            names_of(s, names, sizeof names);
            jx_doc_item(d, "%s (%s): %zu 处, 涉及 %s", describe(s->code), s->code, s->count, names);
            shown++;
        }
    }
    if (!shown) jx_doc_para(d, "复核未发现绩效目标设定方面的问题。");
}

static void section_four(report_ctx *c, FILE *measures)
{
    jx_doc *d = c->doc;
    jx_doc_heading(d, 2, "四、整改措施及结果应用");
    if (c->with_measures) {
        jx_doc_para(d, "各项目自评表所填的下一步改进措施:");
        jx_doc_replay(d, measures);
    } else {
        jx_doc_para(d, "各项目自评表均未填写改进措施。");
    }
    jx_doc_para(d, "复核发现的问题 (按问题类别):");
    const char *headers[] = {"类别", "说明", "严重程度", "处数", "项目数"};
    jx_doc_table(d, headers, 5);
    for (int sev = JX_SEV_ERROR; sev >= JX_SEV_INFO; sev--)
        for (int k = 0; k < c->n_codes; k++) {
            const code_stat *s = &c->codes[k];
            if ((int)s->severity != sev) continue;
            char n1[24], n2[24];
            snprintf(n1, sizeof n1, "%zu", s->count);
            snprintf(n2, sizeof n2, "%zu", s->projects);
            const char *sevname = sev == JX_SEV_ERROR     ? "错误"
                                  : sev == JX_SEV_WARNING ? "警告"
                                                          : "提示";
            const char *cells[] = {s->code, describe(s->code), sevname, n1, n2};
            jx_doc_row(d, cells, 5);
        }
    jx_doc_table_end(d);
}

/* Improvement measures go to a temporary file during pass 2. */
typedef struct {
    report_ctx *c;
    jx_doc measures;
} pass2_ctx;

static bool second_pass_all(jx_project *p, void *arg)
{
    pass2_ctx *x = arg;
    second_pass(p, x->c);
    const char *m = text_labelled(p, "改进措施");
    if (!m) m = text_labelled(p, "建议");
    if (m) jx_doc_item(&x->measures, "%s: %s", blank(p->name) ? "(未命名)" : p->name, m);
    return true;
}

bool jx_report_write(const char *const *files, int nfiles, const jx_rules *rules,
                     jx_doc_format format, FILE *out, char *err, size_t errlen)
{
    static report_ctx c;
    memset(&c, 0, sizeof c);
    c.rules = rules;
    init_charts(&c);
    jx_summary_init(&c.summary, rules);
    bool ok = true;
    err[0] = '\0';
    for (int i = 0; i < nfiles; i++) {
        jx_summary_document(&c.summary, files[i]);
        jx_import_result res;
        jx_import_file(files[i], first_pass, &c, &res);
        if (res.failed) {
            ok = false;
            snprintf(err, errlen, "%s: 无法读取: %s", files[i], res.error);
        }
    }
    settle_charts(&c);
    char title[600];
    const char *who = c.unit ? c.unit : c.department ? c.department : "";
    if (c.year)
        snprintf(title, sizeof title, "%s%d年度项目支出绩效自评工作报告", who, c.year);
    else
        snprintf(title, sizeof title, "%s项目支出绩效自评工作报告", who);
    jx_doc doc;
    jx_doc_begin(&doc, out, format, title);
    c.doc = &doc;
    section_one(&c);

    jx_doc_heading(&doc, 2, "二、绩效目标实现情况");
    if (c.rate_chart.n_bars) jx_doc_chart(&doc, &c.rate_chart);
    if (c.score_chart.n_bars) jx_doc_chart(&doc, &c.score_chart);
    FILE *rows = tmpfile(), *measures = tmpfile();
    if (!rows || !measures) {
        snprintf(err, errlen, "无法创建临时文件 (tmpfile)");
        if (rows) fclose(rows);
        if (measures) fclose(measures);
        jx_doc_end(&doc);
        jx_summary_free(&c.summary);
        return false;
    }
    jx_doc_record(&c.rows, rows, true);
    pass2_ctx x = {&c, {0}};
    jx_doc_record(&x.measures, measures, false);
    for (int i = 0; i < nfiles; i++) {
        jx_import_result res;
        jx_import_file(files[i], second_pass_all, &x, &res);
    }
    section_three(&c);
    section_four(&c, measures);

    jx_doc_heading(&doc, 2, "附表: 项目自评情况一览");
    const char *headers[] = {"序号",     "项目",     "全年预算数", "全年执行数", "执行率%",
                             "自评总分", "自评等级", "复核总分",   "复核等级",   "错误/警告"};
    jx_doc_table(&doc, headers, 10);
    jx_doc_replay(&doc, rows);
    jx_doc_table_end(&doc);
    if (!jx_doc_end(&doc)) {
        ok = false;
        snprintf(err, errlen, "%s", doc.error);
    }

    fclose(rows);
    fclose(measures);
    for (int k = 0; k < c.n_codes; k++)
        for (size_t i = 0; i < c.codes[k].n_names; i++)
            free(c.codes[k].names[i]);
    free(c.unit);
    free(c.department);
    jx_summary_free(&c.summary);
    return ok;
}
