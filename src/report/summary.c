/* summary.c — aggregates over projects; see summary.h. */
#include "summary.h"

#include <stdlib.h>
#include <string.h>

#include "../base/text.h"

#define BELOW_MAX 100000 /* kept in full; beyond this only counted */

static char *dup(const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s);
    char *p = jx_xmalloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}

void jx_summary_init(jx_summary *s, const jx_rules *rules)
{
    memset(s, 0, sizeof *s);
    s->rules = rules;
}

void jx_summary_document(jx_summary *s, const char *source)
{
    s->sources = jx_xrealloc(s->sources, (s->n_sources + 1) * sizeof *s->sources);
    s->source_projects =
        jx_xrealloc(s->source_projects, (s->n_sources + 1) * sizeof *s->source_projects);
    s->sources[s->n_sources] = dup(source);
    s->source_projects[s->n_sources] = 0;
    s->n_sources++;
}

/* Position of a grade in the rule set (synonyms such as 优秀 accepted), or -1. */
static int grade_index(const jx_rules *r, const char *grade)
{
    if (!grade) return -1;
    static const struct {
        const char *word, *grade;
    } synonyms[] = {{"优秀", "优"}, {"良好", "良"},   {"合格", "中"},
                    {"一般", "中"}, {"不合格", "差"}, {"较差", "差"}};
    for (int i = 0; i < r->n_grades; i++)
        if (jx_text_eq_squeezed(grade, r->grades[i].name)) return i;
    for (size_t k = 0; k < sizeof synonyms / sizeof *synonyms; k++)
        if (jx_text_eq_squeezed(grade, synonyms[k].word))
            for (int i = 0; i < r->n_grades; i++)
                if (strcmp(r->grades[i].name, synonyms[k].grade) == 0) return i;
    return -1;
}

const char *jx_summary_grade_claimed(const jx_rules *rules, const jx_project *p)
{
    int i = grade_index(rules, p->grade_claimed);
    if (i >= 0) return rules->grades[i].name;
    return jx_has(p->total_claimed) ? jx_rules_grade(rules, p->total_claimed) : NULL;
}

bool jx_summary_below_good(const jx_rules *rules, const char *grade)
{
    int i = grade_index(rules, grade);
    return i >= 2; /* after 优 and 良 */
}

static jx_dec in_wan(const jx_project *p, jx_dec v)
{
    if (!jx_has(v)) return 0;
    if (p->amount_unit && strcmp(p->amount_unit, "元") == 0)
        return jx_dec_ratio(v, 1, 10000, JX_DEC_DIGITS);
    return v;
}

static void add_reason(jx_summary_item *it, const char *reason)
{
    if (!reason || !*reason || strcmp(reason, "无") == 0 || it->n_reasons == JX_SUMMARY_REASONS)
        return;
    for (int i = 0; i < it->n_reasons; i++)
        if (strcmp(it->reasons[i], reason) == 0) return;
    it->reasons[it->n_reasons++] = dup(reason);
}

void jx_summary_add(jx_summary *s, const jx_project *p)
{
    const jx_rules *r = s->rules;
    s->projects++;
    if (s->n_sources) s->source_projects[s->n_sources - 1]++;
    jx_dec budget = in_wan(p, p->funds.budget), executed = in_wan(p, p->funds.executed);
    s->budget += budget;
    s->executed += executed;
    for (size_t i = 0; i < p->n_findings; i++)
        s->findings[p->findings[i].severity]++;
    if (p->n_indicators == 0 && !jx_has(p->funds.budget)) s->tables_empty++;

    const char *grade = jx_summary_grade_claimed(r, p);
    int gi = grade_index(r, grade);
    if (gi < 0 || !jx_has(p->total_claimed)) {
        s->unscored++;
    } else {
        s->scored++;
        s->grades_claimed[gi]++;
        s->total_claimed_sum += p->total_claimed;
        s->weighted_claimed += jx_dec_ratio(p->total_claimed, budget, JX_DEC_SCALE, JX_DEC_DIGITS);
        s->weighted_budget += budget;
        jx_dec t = p->total_claimed;
        s->bands[t >= JX_DEC(90) ? 0 : t >= JX_DEC(60) ? 1 : 2]++;
    }
    int ri = grade_index(r, p->grade_rule);
    if (ri >= 0 && (gi >= 0 || jx_has(p->total_claimed))) {
        s->grades_rule[ri]++;
        s->total_rule_sum += p->total_rule;
    }

    if (gi >= 2 && s->n_below < BELOW_MAX) {
        if (s->n_below == s->cap_below) {
            s->cap_below = s->cap_below ? s->cap_below * 2 : 16;
            s->below = jx_xrealloc(s->below, s->cap_below * sizeof *s->below);
        }
        jx_summary_item *it = &s->below[s->n_below++];
        memset(it, 0, sizeof *it);
        it->name = dup(p->name ? p->name : "");
        it->source = s->n_sources ? dup(s->sources[s->n_sources - 1]) : NULL;
        it->grade_claimed = dup(grade);
        it->grade_rule = dup(p->grade_rule);
        it->total_claimed = p->total_claimed;
        it->total_rule = p->total_rule;
        it->budget = budget;
        it->executed = executed;
        add_reason(it, p->funds.reason);
        for (size_t i = 0; i < p->n_indicators; i++)
            add_reason(it, p->indicators[i].reason);
    }
}

void jx_summary_free(jx_summary *s)
{
    for (size_t i = 0; i < s->n_below; i++) {
        jx_summary_item *it = &s->below[i];
        free(it->name);
        free(it->source);
        free(it->grade_claimed);
        free(it->grade_rule);
        for (int k = 0; k < it->n_reasons; k++)
            free(it->reasons[k]);
    }
    free(s->below);
    for (size_t i = 0; i < s->n_sources; i++)
        free(s->sources[i]);
    free(s->sources);
    free(s->source_projects);
    memset(s, 0, sizeof *s);
}

jx_dec jx_summary_rate(const jx_summary *s)
{
    return s->budget > 0 ? jx_dec_percent(s->executed, s->budget, 2) : JX_NONE;
}

static jx_dec average(jx_dec sum, size_t n)
{
    return n ? jx_dec_ratio(sum, 1, (jx_dec)n, 2) : JX_NONE;
}

static void write_grades(jx_jwriter *w, const jx_rules *r, const size_t *counts)
{
    jx_jw_obj_begin(w);
    for (int i = 0; i < r->n_grades; i++) {
        jx_jw_key(w, r->grades[i].name);
        jx_jw_int(w, (long long)counts[i]);
    }
    jx_jw_obj_end(w);
}

void jx_summary_write_json(const jx_summary *s, jx_jwriter *w)
{
    jx_jw_obj_begin(w);
    jx_jw_key(w, "projects");
    jx_jw_int(w, (long long)s->projects);
    jx_jw_key(w, "budget");
    jx_jw_dec(w, jx_dec_round(s->budget, 6));
    jx_jw_key(w, "executed");
    jx_jw_dec(w, jx_dec_round(s->executed, 6));
    jx_jw_key(w, "execution_rate");
    jx_jw_dec(w, jx_summary_rate(s));
    jx_jw_key(w, "grades_claimed");
    write_grades(w, s->rules, s->grades_claimed);
    jx_jw_key(w, "grades_rule");
    write_grades(w, s->rules, s->grades_rule);
    jx_jw_key(w, "bands_claimed");
    jx_jw_obj_begin(w);
    jx_jw_key(w, "90+");
    jx_jw_int(w, (long long)s->bands[0]);
    jx_jw_key(w, "60-90");
    jx_jw_int(w, (long long)s->bands[1]);
    jx_jw_key(w, "<60");
    jx_jw_int(w, (long long)s->bands[2]);
    jx_jw_obj_end(w);
    jx_jw_key(w, "below_good");
    jx_jw_arr_begin_lines(w);
    for (size_t i = 0; i < s->n_below; i++) {
        const jx_summary_item *it = &s->below[i];
        jx_jw_obj_begin(w);
        jx_jw_key(w, "name");
        jx_jw_str(w, it->name);
        jx_jw_key(w, "total_claimed");
        jx_jw_dec(w, it->total_claimed);
        jx_jw_key(w, "grade_claimed");
        jx_jw_str(w, it->grade_claimed);
        jx_jw_key(w, "total_rule");
        jx_jw_dec(w, it->total_rule);
        jx_jw_key(w, "grade_rule");
        jx_jw_str(w, it->grade_rule);
        jx_jw_key(w, "reasons");
        jx_jw_arr_begin(w);
        for (int k = 0; k < it->n_reasons; k++)
            jx_jw_str(w, it->reasons[k]);
        jx_jw_arr_end(w);
        jx_jw_key(w, "source");
        jx_jw_str(w, it->source);
        jx_jw_obj_end(w);
    }
    jx_jw_arr_end(w);
    jx_jw_key(w, "findings");
    jx_jw_obj_begin(w);
    jx_jw_key(w, "error");
    jx_jw_int(w, (long long)s->findings[JX_SEV_ERROR]);
    jx_jw_key(w, "warning");
    jx_jw_int(w, (long long)s->findings[JX_SEV_WARNING]);
    jx_jw_key(w, "info");
    jx_jw_int(w, (long long)s->findings[JX_SEV_INFO]);
    jx_jw_obj_end(w);
    /* extensions */
    jx_jw_key(w, "scored");
    jx_jw_int(w, (long long)s->scored);
    jx_jw_key(w, "unscored");
    jx_jw_int(w, (long long)s->unscored);
    jx_jw_key(w, "average_total_claimed");
    jx_jw_dec(w, average(s->total_claimed_sum, s->scored));
    jx_jw_key(w, "average_total_rule");
    jx_jw_dec(w, average(s->total_rule_sum, s->scored));
    jx_jw_key(w, "funds_weighted_total_claimed");
    jx_jw_dec(w, s->weighted_budget > 0
                     ? jx_dec_ratio(s->weighted_claimed, JX_DEC_SCALE, s->weighted_budget, 2)
                     : JX_NONE);
    jx_jw_key(w, "rules");
    jx_jw_str(w, s->rules->name);
    jx_jw_key(w, "documents");
    jx_jw_arr_begin_lines(w);
    for (size_t i = 0; i < s->n_sources; i++) {
        jx_jw_obj_begin(w);
        jx_jw_key(w, "source");
        jx_jw_str(w, s->sources[i]);
        jx_jw_key(w, "projects");
        jx_jw_int(w, (long long)s->source_projects[i]);
        jx_jw_obj_end(w);
    }
    jx_jw_arr_end(w);
    jx_jw_obj_end(w);
}

void jx_summary_write_text(const jx_summary *s, FILE *out)
{
    char a[JX_DEC_BUF], b[JX_DEC_BUF], c[JX_DEC_BUF];
    const jx_rules *r = s->rules;
    fprintf(out, "项目汇总 (summary)   规则集 %s\n", r->name);
    for (size_t i = 0; i < s->n_sources; i++)
        fprintf(out, "  %s: %zu 个项目\n", s->sources[i], s->source_projects[i]);
    fprintf(out, "\n项目 %zu 个 (有总分 %zu 个, 无总分 %zu 个)\n", s->projects, s->scored,
            s->unscored);
    fprintf(out, "全年预算数 %s 万元, 全年执行数 %s 万元, 执行率 %s%%\n",
            jx_dec_fmt(jx_dec_round(s->budget, 6), a), jx_dec_fmt(jx_dec_round(s->executed, 6), b),
            jx_dec_fmt_fixed(jx_summary_rate(s), 2, c));
    fprintf(out, "平均自评总分 %s, 按资金加权 %s, 平均规则总分 %s\n",
            jx_dec_fmt(average(s->total_claimed_sum, s->scored), a),
            jx_dec_fmt(s->weighted_budget > 0
                           ? jx_dec_ratio(s->weighted_claimed, JX_DEC_SCALE, s->weighted_budget, 2)
                           : JX_NONE,
                       b),
            jx_dec_fmt(average(s->total_rule_sum, s->scored), c));
    fprintf(out, "\n等级      自评    规则\n");
    for (int i = 0; i < r->n_grades; i++)
        fprintf(out, "  %s      %5zu   %5zu\n", r->grades[i].name, s->grades_claimed[i],
                s->grades_rule[i]);
    fprintf(out, "\n自评总分  90 分以上 %zu 个, 60 至 90 分 %zu 个, 60 分以下 %zu 个\n",
            s->bands[0], s->bands[1], s->bands[2]);
    fprintf(out, "\n低于「良」的项目 (%zu):\n", s->n_below);
    for (size_t i = 0; i < s->n_below; i++) {
        const jx_summary_item *it = &s->below[i];
        fprintf(out, "  %s  自评 %s (%s)  规则 %s (%s)\n", it->name,
                jx_dec_fmt(it->total_claimed, a), it->grade_claimed ? it->grade_claimed : "—",
                jx_dec_fmt(it->total_rule, b), it->grade_rule ? it->grade_rule : "—");
        if (it->n_reasons == 0) fprintf(out, "      偏差原因: 表中未填写\n");
        for (int k = 0; k < it->n_reasons; k++)
            fprintf(out, "      偏差原因: %s\n", it->reasons[k]);
    }
    fprintf(out, "\n发现问题: 错误 %zu, 警告 %zu, 提示 %zu\n", s->findings[JX_SEV_ERROR],
            s->findings[JX_SEV_WARNING], s->findings[JX_SEV_INFO]);
}
