/* overall.c — the whole-department evaluation model and its evaluation
 * (SPEC §8; see overall.h and docs/overall.md).
 *
 * jx_overall_evaluate() matches each indicator of the rule set to a row of
 * the unit's table (by name, whitespace ignored, or an alias), computes every
 * formula indicator from the base figures (or, when the base data lack them,
 * from the rate the report states), keeps the unit's score for judgement
 * indicators, totals by level, grades, and records a finding for every place
 * where the unit's numbers disagree with the rules or with themselves.
 */
#include "overall.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../base/text.h"

/* ---- base-data vocabulary --------------------------------------------------- */

static const struct {
    const char *key, *label;
} SINGLE_KEYS[] = {
    {"staff_supported", "财政供养人员数"},
    {"staff_authorized", "编制数"},
    {"staff_actual", "在职人员数"},
    {"budget", "全年预算数"},
    {"budget_completed", "预算完成数"},
    {"budget_adjusted", "预算调整数"},
    {"carryover", "结转结余总额"},
    {"expenditure_budget", "支出预算数"},
    {"key_projects", "重点项目支出"},
    {"projects_total", "项目总支出"},
    {"public_funds_excluded", "公用经费剔除数"},
    {"fixed_assets_in_use", "在用固定资产总额"},
    {"fixed_assets_total", "固定资产总额"},
};

/* Items of 附表1 that have a column per year: key = prefix + suffix. */
static const struct {
    const char *prefix, *label;
} YEAR_ITEMS[] = {
    {"three_public", "三公经费"},
    {"vehicles", "公务用车购置和维护经费"},
    {"vehicle_purchase", "公车购置"},
    {"vehicle_running", "公车运行维护"},
    {"abroad", "出国经费"},
    {"reception", "公务接待"},
    {"projects", "项目支出"},
    {"projects_business", "业务工作项目"},
    {"projects_maintenance", "运行维护项目"},
    {"projects_other", "其他项目"},
    {"public_funds", "公用经费"},
    {"office", "办公经费"},
    {"utilities_travel", "水费、电费、差旅费"},
    {"meetings_training", "会议费、培训费"},
    {"procurement", "政府采购金额"},
    {"budget_adjustment", "部门整体支出预算调整"},
};

static const struct {
    const char *suffix, *label;
} SUFFIXES[] = {
    {"_prev_actual", "上年决算数"},
    {"_prev_budget", "上年预算数"},
    {"_budget", "本年预算数"},
    {"_actual", "本年决算数"},
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* Split key into a YEAR_ITEMS index and a SUFFIXES index; false if not such a key. */
static bool year_key(const char *key, size_t *item, size_t *suffix)
{
    size_t kl = strlen(key);
    for (size_t s = 0; s < COUNT(SUFFIXES); s++) {
        size_t sl = strlen(SUFFIXES[s].suffix);
        if (kl <= sl || strcmp(key + kl - sl, SUFFIXES[s].suffix) != 0) continue;
        for (size_t i = 0; i < COUNT(YEAR_ITEMS); i++)
            if (strlen(YEAR_ITEMS[i].prefix) == kl - sl &&
                strncmp(key, YEAR_ITEMS[i].prefix, kl - sl) == 0) {
                *item = i;
                *suffix = s;
                return true;
            }
    }
    return false;
}

bool jx_ov_known_key(const char *key)
{
    size_t a, b;
    for (size_t i = 0; i < COUNT(SINGLE_KEYS); i++)
        if (strcmp(key, SINGLE_KEYS[i].key) == 0) return true;
    return year_key(key, &a, &b);
}

const char *jx_ov_key_label(const char *key, char *buf, size_t cap)
{
    size_t a, b;
    snprintf(buf, cap, "%s", key);
    for (size_t i = 0; i < COUNT(SINGLE_KEYS); i++)
        if (strcmp(key, SINGLE_KEYS[i].key) == 0) snprintf(buf, cap, "%s", SINGLE_KEYS[i].label);
    if (year_key(key, &a, &b)) snprintf(buf, cap, "%s%s", YEAR_ITEMS[a].label, SUFFIXES[b].label);
    return buf;
}

/* ---- model ------------------------------------------------------------------ */

void jx_overall_init(jx_overall *o, jx_arena *arena)
{
    memset(o, 0, sizeof *o);
    o->arena = arena;
    o->total_claimed = o->total_text = o->total_weight_claimed = JX_NONE;
    o->total_rule = o->total_recomputed = JX_NONE;
}

/* Make room for one more element of an arena array. */
static void *grow(jx_arena *a, void *arr, size_t n, size_t *cap, size_t size)
{
    if (n < *cap) return arr;
    size_t nc = *cap ? *cap * 2 : 16;
    arr = jx_arena_grow(a, arr, *cap * size, nc * size);
    *cap = nc;
    return arr;
}

void jx_ov_set(jx_overall *o, const char *key, jx_dec value, int decimals, int line, bool from_text)
{
    jx_ov_figure *f = NULL;
    for (size_t i = 0; i < o->n_figures; i++)
        if (strcmp(o->figures[i].key, key) == 0) f = &o->figures[i];
    if (!f) {
        o->figures = grow(o->arena, o->figures, o->n_figures, &o->cap_figures, sizeof *f);
        f = &o->figures[o->n_figures++];
        f->key = jx_arena_strdup(o->arena, key);
    }
    f->value = value;
    f->decimals = decimals;
    f->line = line;
    f->from_text = from_text;
}

const jx_ov_figure *jx_ov_get(const jx_overall *o, const char *key)
{
    for (size_t i = 0; i < o->n_figures; i++)
        if (strcmp(o->figures[i].key, key) == 0) return &o->figures[i];
    return NULL;
}

jx_ov_item *jx_ov_add_item(jx_overall *o)
{
    o->items = grow(o->arena, o->items, o->n_items, &o->cap_items, sizeof *o->items);
    jx_ov_item *it = &o->items[o->n_items++];
    memset(it, 0, sizeof *it);
    it->weight = it->score_claimed = JX_NONE;
    return it;
}

void jx_ov_add_stated(jx_overall *o, const char *name, jx_dec value, int decimals, int line)
{
    for (size_t i = 0; i < o->n_stated; i++)
        if (strcmp(o->stated[i].name, name) == 0) return; /* the first statement counts */
    o->stated = grow(o->arena, o->stated, o->n_stated, &o->cap_stated, sizeof *o->stated);
    o->stated[o->n_stated++] =
        (jx_ov_stated){jx_arena_strdup(o->arena, name), value, decimals, line};
}

void jx_ov_add_level(jx_overall *o, const char *level1, const char *level2, jx_dec weight, int line)
{
    o->levels = grow(o->arena, o->levels, o->n_levels, &o->cap_levels, sizeof *o->levels);
    o->levels[o->n_levels++] =
        (jx_ov_levelw){jx_arena_strdup(o->arena, level1),
                       level2 ? jx_arena_strdup(o->arena, level2) : NULL, weight, line};
}

void jx_ov_add_section(jx_overall *o, const char *title, jx_dec score, int line)
{
    o->sections = grow(o->arena, o->sections, o->n_sections, &o->cap_sections, sizeof *o->sections);
    o->sections[o->n_sections++] = (jx_ov_section){jx_arena_strdup(o->arena, title), score, line};
}

void jx_ov_finding(jx_overall *o, const char *code, jx_severity sev, int indicator,
                   const char *field, const char *en_fmt, const char *zh_fmt, ...)
{
    char zh[1024], en[1024];
    va_list ap;
    va_start(ap, zh_fmt);
    vsnprintf(zh, sizeof zh, zh_fmt, ap);
    va_end(ap);
    /* the English text takes the same arguments in the same order */
    va_start(ap, zh_fmt);
    vsnprintf(en, sizeof en, en_fmt, ap);
    va_end(ap);
    o->findings = grow(o->arena, o->findings, o->n_findings, &o->cap_findings, sizeof *o->findings);
    o->findings[o->n_findings++] = (jx_finding){code,
                                                sev,
                                                jx_arena_strdup(o->arena, zh),
                                                jx_arena_strdup(o->arena, en),
                                                indicator,
                                                field ? jx_arena_strdup(o->arena, field) : NULL};
}

size_t jx_ov_count(const jx_overall *o, jx_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < o->n_findings; i++)
        n += o->findings[i].severity == sev;
    return n;
}

/* ---- matching --------------------------------------------------------------- */

/* Names compare with all whitespace removed ("在职\n人员\n控制率" = "在职人员控制率"). */
static bool same_name(const char *a, const char *b)
{
    return a && b && (strcmp(a, b) == 0 || jx_text_eq_squeezed(a, b) || jx_text_eq_squeezed(b, a));
}

static bool rule_named(const jx_ov_rule *r, const char *name)
{
    if (same_name(r->name, name)) return true;
    for (int i = 0; i < r->n_aliases; i++)
        if (same_name(r->aliases[i], name)) return true;
    return false;
}

static int find_item(const jx_overall *o, const jx_ov_rule *r, const bool *used)
{
    for (size_t i = 0; i < o->n_items; i++)
        if (!used[i] && rule_named(r, o->items[i].name)) return (int)i;
    return -1;
}

static const jx_ov_stated *stated_for(const jx_overall *o, const char *name)
{
    for (size_t i = 0; i < o->n_stated; i++)
        if (same_name(o->stated[i].name, name)) return &o->stated[i];
    return NULL;
}

/* ---- formula values ------------------------------------------------------------ */

typedef enum { V_BASE, V_STATED, V_MISSING } vsource;

/* The value of part p from the base figures; V_MISSING names the missing key. */
static vsource base_value(const jx_overall *o, const jx_ov_part *p, int dec, jx_dec *out,
                          const char **missing)
{
    const jx_ov_figure *a = jx_ov_get(o, p->num), *b = jx_ov_get(o, p->den);
    const jx_ov_figure *m = p->minus[0] ? jx_ov_get(o, p->minus) : NULL;
    *missing = !a ? p->num : !b ? p->den : NULL;
    if (*missing) return V_MISSING;
    if (b->value == 0) {
        *missing = p->den;
        return V_MISSING;
    }
    if (p->formula == JX_OVF_CHANGE) {
        *out = jx_dec_percent(a->value - b->value, b->value, dec);
    } else {
        jx_dec num = m ? a->value - m->value : a->value;
        *out = jx_dec_percent(num, b->value, dec);
    }
    return jx_has(*out) ? V_BASE : V_MISSING;
}

static vsource part_value(const jx_overall *o, const jx_ov_part *p, int dec, jx_dec *out,
                          const char **missing)
{
    *missing = NULL;
    vsource s = p->formula == JX_OVF_STATED ? V_MISSING : base_value(o, p, dec, out, missing);
    if (s == V_BASE) return s;
    const jx_ov_stated *st = stated_for(o, p->name);
    if (st) {
        *out = st->value;
        return V_STATED;
    }
    *out = JX_NONE;
    return V_MISSING;
}

/* ---- one rule indicator ------------------------------------------------------------ */

typedef struct {
    jx_overall *o;
    const jx_ov_rules *rules;
    int index; /* of the result */
} ectx;

static void rate_finding(ectx *e, const jx_ov_part *p, jx_dec computed, const jx_ov_stated *st)
{
    char a[JX_DEC_BUF], b[JX_DEC_BUF];
    jx_dec shown = jx_dec_round(computed, st->decimals < 0 ? 2 : st->decimals);
    if (shown == st->value) return;
    jx_dec unit = JX_DEC_SCALE;
    for (int i = 0; i < st->decimals && i < 6; i++)
        unit /= 10;
    jx_severity sev = jx_dec_abs(shown - st->value) <= unit ? JX_SEV_INFO : JX_SEV_ERROR;
    jx_ov_finding(e->o, "OVERALL-RATE", sev, e->index, "value",
                  "%s: the report states %s%%, the base data give %s%%",
                  "%s: 报告写为 %s%%, 按基础数据计算为 %s%%", p->name, jx_dec_fmt(st->value, a),
                  jx_dec_fmt(computed, b));
}

static void excluded_finding(ectx *e, const jx_ov_part *p, jx_dec value)
{
    const jx_ov_figure *a = jx_ov_get(e->o, p->num), *b = jx_ov_get(e->o, p->den);
    const jx_ov_figure *m = jx_ov_get(e->o, p->minus);
    if (!m || !a || !b || m->value == 0) return;
    jx_dec plain = jx_dec_percent(a->value, b->value, e->rules->rate_decimals);
    jx_dec plain_score = jx_ov_part_score(e->rules, p, plain);
    char s1[JX_DEC_BUF], s2[JX_DEC_BUF], s3[JX_DEC_BUF], s4[JX_DEC_BUF];
    char label[128];
    jx_ov_key_label(m->key, label, sizeof label);
    jx_ov_finding(e->o, "OVERALL-EXCLUDED", JX_SEV_WARNING, e->index, "value",
                  "%s: %s (%s) of %s was left out of the numerator: %s%% instead of %s%% (score "
                  "%s without leaving it out)",
                  "%s: 分子中剔除了%s %s 万元, 得 %s%%; 不剔除时为 %s%% (得 %s 分), 请核实剔除依据",
                  p->name, label, jx_dec_fmt(m->value, s1), jx_dec_fmt(value, s2),
                  jx_dec_fmt(plain, s3), jx_dec_fmt(plain_score, s4));
}

/* Score the parts of a formula indicator; JX_NONE when an input is missing. */
static jx_dec score_parts(ectx *e, const jx_ov_rule *r, jx_ov_result *res)
{
    jx_dec total = 0;
    char label[128];
    for (int k = 0; k < r->n_parts; k++) {
        const jx_ov_part *p = &r->parts[k];
        const char *missing;
        jx_dec v;
        vsource s = part_value(e->o, p, e->rules->rate_decimals, &v, &missing);
        const jx_ov_stated *st = stated_for(e->o, p->name);
        res->parts[k].name = p->name;
        res->parts[k].weight = p->weight;
        res->parts[k].value = v;
        res->parts[k].score = s == V_MISSING ? JX_NONE : jx_ov_part_score(e->rules, p, v);
        if (k == 0) {
            res->value = v;
            res->value_stated = st ? st->value : JX_NONE;
        }
        if (s == V_MISSING) {
            const char *what =
                missing ? jx_ov_key_label(missing, label, sizeof label) : "这一比率的数字";
            jx_ov_finding(e->o, "OVERALL-UNPARSED", JX_SEV_WARNING, e->index, "value",
                          "%s: no figure for %s in the base data or the report; the unit's "
                          "score is kept",
                          "%s: 基础数据和报告中都没有%s, 无法按规则计分, 暂按单位自评分计", p->name,
                          what);
            total = JX_NONE;
            continue;
        }
        if (s == V_BASE && st) rate_finding(e, p, v, st);
        if (s == V_STATED && p->formula != JX_OVF_STATED)
            jx_ov_finding(e->o, "OVERALL-STATED", JX_SEV_INFO, e->index, "value",
                          "%s: %s is missing from the base data; the rate the report states "
                          "is used",
                          "%s: 基础数据中缺少%s, 采用报告所写的比率", p->name,
                          jx_ov_key_label(missing ? missing : p->num, label, sizeof label));
        if (s == V_BASE && p->minus[0]) excluded_finding(e, p, v);
        if (jx_has(total)) total += res->parts[k].score;
    }
    return total;
}

static void compare_scores(ectx *e, const jx_ov_result *res)
{
    char a[JX_DEC_BUF], b[JX_DEC_BUF], w[JX_DEC_BUF];
    if (jx_has(res->score_claimed) &&
        (res->score_claimed < 0 || (jx_has(res->weight) && res->score_claimed > res->weight)))
        jx_ov_finding(e->o, "OVERALL-SCORE-RANGE", JX_SEV_ERROR, e->index, "score_claimed",
                      "%s: score %s outside 0..%s", "%s: 自评得分 %s 超出 0 到 %s 分的范围",
                      res->name, jx_dec_fmt(res->score_claimed, a), jx_dec_fmt(res->weight, w));
    if (!jx_has(res->score_claimed) || !jx_has(res->score_rule) ||
        res->score_claimed == res->score_rule || strcmp(res->kind, "formula") != 0)
        return;
    bool above = res->score_claimed > res->score_rule;
    char value[JX_DEC_BUF + 2] = "";
    if (jx_has(res->value)) snprintf(value, sizeof value, "%s%%", jx_dec_fmt(res->value, w));
    jx_ov_finding(e->o, "OVERALL-SCORE-RULE", above ? JX_SEV_WARNING : JX_SEV_INFO, e->index,
                  "score_claimed", "%s: the unit scores %s, the rule gives %s (value %s)",
                  "%s: 单位自评 %s 分, 按规则应得 %s 分 (指标值 %s)", res->name,
                  jx_dec_fmt(res->score_claimed, a), jx_dec_fmt(res->score_rule, b),
                  value[0] ? value : "—");
}

static void evaluate_rule(ectx *e, const jx_ov_rule *r, int item)
{
    jx_overall *o = e->o;
    jx_ov_result *res = &o->results[e->index];
    const jx_ov_item *it = item >= 0 ? &o->items[item] : NULL;
    memset(res, 0, sizeof *res);
    res->level1 = r->level1;
    res->level2 = r->level2;
    res->name = r->name;
    res->kind = r->judgement ? "judgement" : "formula";
    res->weight = r->weight;
    res->score_claimed = it ? it->score_claimed : JX_NONE;
    res->value = res->value_stated = JX_NONE;
    res->item = item;
    res->rule = (int)(r - e->rules->rules);
    res->justification = it ? it->justification : NULL;
    res->n_parts = r->judgement ? 0 : r->n_parts;
    char a[JX_DEC_BUF], b[JX_DEC_BUF];
    if (!it)
        jx_ov_finding(o, "OVERALL-MISSING", JX_SEV_WARNING, e->index, NULL,
                      "%s (%s) is not in the unit's indicator table", "单位的指标表中没有 %s (%s)",
                      r->name, r->level2);
    else if (jx_has(it->weight) && it->weight != r->weight)
        jx_ov_finding(o, "OVERALL-WEIGHT", JX_SEV_WARNING, e->index, "weight",
                      "%s: weight %s in the table, %s in the rule set",
                      "%s: 表中分值为 %s, 规则集中为 %s", r->name, jx_dec_fmt(it->weight, a),
                      jx_dec_fmt(r->weight, b));
    if (r->judgement) {
        res->score_rule = res->score_claimed;
        if (it && !jx_has(it->score_claimed))
            jx_ov_finding(o, "OVERALL-SCORE-MISSING", JX_SEV_WARNING, e->index, "score_claimed",
                          "%s: a judgement indicator with no score", "%s: 评判类指标没有自评得分",
                          r->name);
    } else {
        res->score_rule = score_parts(e, r, res);
    }
    compare_scores(e, res);
}

static void evaluate_unknown(ectx *e, int item)
{
    jx_overall *o = e->o;
    const jx_ov_item *it = &o->items[item];
    jx_ov_result *res = &o->results[e->index];
    memset(res, 0, sizeof *res);
    *res = (jx_ov_result){.level1 = it->level1,
                          .level2 = it->level2,
                          .name = it->name,
                          .kind = "unknown",
                          .weight = it->weight,
                          .score_claimed = it->score_claimed,
                          .score_rule = JX_NONE,
                          .value = JX_NONE,
                          .value_stated = JX_NONE,
                          .item = item,
                          .rule = -1,
                          .justification = it->justification};
    jx_ov_finding(o, "OVERALL-UNKNOWN", JX_SEV_WARNING, e->index, NULL,
                  "%s is not an indicator of rule set %s; its score is taken as claimed",
                  "%s 不是规则集 %s 中的指标, 得分按自评计", it->name ? it->name : "?",
                  e->rules->name);
}

/* ---- totals ---------------------------------------------------------------------- */

static jx_dec add(jx_dec sum, jx_dec v)
{
    return jx_has(v) ? (jx_has(sum) ? sum + v : v) : sum;
}

/* The score a result contributes to the rule total: the rule's, else the claimed one. */
static jx_dec rule_part(const jx_ov_result *r)
{
    return jx_has(r->score_rule) ? r->score_rule : r->score_claimed;
}

static jx_ov_level_total *level_total(jx_overall *o, const char *l1, const char *l2)
{
    for (size_t i = 0; i < o->n_totals; i++) {
        jx_ov_level_total *t = &o->totals[i];
        if (same_name(t->level1, l1) && ((!l2 && !t->level2) || (l2 && same_name(t->level2, l2))))
            return t;
    }
    jx_ov_level_total *t = &o->totals[o->n_totals++];
    *t = (jx_ov_level_total){l1, l2, 0, JX_NONE, JX_NONE, JX_NONE};
    return t;
}

static void stated_level_weights(jx_overall *o)
{
    char a[JX_DEC_BUF], b[JX_DEC_BUF];
    for (size_t i = 0; i < o->n_totals; i++) {
        jx_ov_level_total *t = &o->totals[i];
        int line = 0;
        for (size_t k = 0; k < o->n_levels && !jx_has(t->weight_stated); k++) {
            const jx_ov_levelw *lw = &o->levels[k];
            if (same_name(lw->level1, t->level1) &&
                ((!t->level2 && !lw->level2) || (t->level2 && same_name(lw->level2, t->level2)))) {
                t->weight_stated = lw->weight;
                line = lw->line;
            }
        }
        if (!jx_has(t->weight_stated) || t->weight_stated == t->weight) continue;
        jx_ov_finding(o, "OVERALL-WEIGHT", JX_SEV_WARNING, -1, "weight",
                      "%s: the table writes weight %s (line %d); its indicators add up to %s",
                      "%s: 表中分值写为 %s (第 %d 行), 其下指标分值合计为 %s",
                      t->level2 ? t->level2 : t->level1, jx_dec_fmt(t->weight_stated, a), line,
                      jx_dec_fmt(t->weight, b));
    }
}

static void level_totals(jx_overall *o)
{
    o->totals = jx_arena_calloc(o->arena, 2 * o->n_results + 1, sizeof *o->totals);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < o->n_results; i++) {
            const jx_ov_result *r = &o->results[i];
            if (!r->level1 || (pass == 1 && !r->level2)) continue;
            jx_ov_level_total *t = level_total(o, r->level1, pass ? r->level2 : NULL);
            t->weight = add(t->weight, r->weight);
            t->score_claimed = add(t->score_claimed, r->score_claimed);
            t->score_rule = add(t->score_rule, rule_part(r));
        }
    stated_level_weights(o);
}

static void totals(jx_overall *o, const jx_ov_rules *rules)
{
    char a[JX_DEC_BUF], b[JX_DEC_BUF];
    jx_dec weight = JX_NONE;
    for (size_t i = 0; i < o->n_results; i++) {
        const jx_ov_result *r = &o->results[i];
        o->total_recomputed = add(o->total_recomputed, r->score_claimed);
        o->total_rule = add(o->total_rule, rule_part(r));
        weight = add(weight, r->weight);
    }
    if (!jx_has(o->total_rule)) o->total_rule = 0;
    o->total_rule = jx_dec_round(o->total_rule, rules->score_decimals);
    o->grade_rule = jx_ov_grade(rules, o->total_rule);
    level_totals(o);
    if (jx_has(weight) && weight != rules->total_weight)
        jx_ov_finding(o, "OVERALL-WEIGHT", JX_SEV_ERROR, -1, "weight",
                      "the indicators' weights add up to %s, not %s",
                      "各指标分值合计为 %s, 不是 %s", jx_dec_fmt(weight, a),
                      jx_dec_fmt(rules->total_weight, b));
    if (jx_has(o->total_claimed) && jx_has(o->total_recomputed) &&
        o->total_claimed != o->total_recomputed)
        jx_ov_finding(o, "OVERALL-TOTAL", JX_SEV_ERROR, -1, "total_claimed",
                      "the table's total is %s but its scores add up to %s",
                      "表中合计得分为 %s, 但各指标得分相加为 %s", jx_dec_fmt(o->total_claimed, a),
                      jx_dec_fmt(o->total_recomputed, b));
    if (jx_has(o->total_claimed) && jx_has(o->total_text) && o->total_claimed != o->total_text)
        jx_ov_finding(o, "OVERALL-TOTAL", JX_SEV_ERROR, -1, "total_claimed",
                      "the report states a total of %s, the table %s",
                      "报告正文写评价得分为 %s 分, 表中合计为 %s 分", jx_dec_fmt(o->total_text, a),
                      jx_dec_fmt(o->total_claimed, b));
    const char *g = jx_ov_grade(rules, o->total_claimed);
    if (o->grade_claimed && g && !jx_text_eq_squeezed(o->grade_claimed, g))
        jx_ov_finding(o, "OVERALL-GRADE", JX_SEV_ERROR, -1, "grade_claimed",
                      "stated grade %s, but a total of %s is %s",
                      "自评等级为 %s, 但总分 %s 应为 %s", o->grade_claimed,
                      jx_dec_fmt(o->total_claimed, a), g);
}

/* ---- the report's sections --------------------------------------------------------- */

/* Does the (squeezed) title name this level? */
static bool title_names(const char *title, const char *name)
{
    char t[1024], n[256];
    snprintf(t, sizeof t, "%s", title);
    snprintf(n, sizeof n, "%s", name);
    jx_text_squeeze(t);
    jx_text_squeeze(n);
    return n[0] && strstr(t, n) != NULL;
}

static void append(char *buf, size_t cap, const char *sep, const char *text)
{
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%s%s", n ? sep : "", text);
}

/* Does result r belong to a group the title names (by level 2, else by level 1)? */
static bool in_section(const jx_ov_result *r, const char *title, bool by_level2)
{
    return by_level2 ? r->level2 && title_names(title, r->level2)
                     : r->level1 && title_names(title, r->level1);
}

/* Σ claimed scores of the level-2 (or else level-1) groups a title names;
 * `names` receives the groups ("履职效益"), `parts` the items ("6 + 6 + 4").
 * JX_NONE when the title names no group. */
static jx_dec section_table_sum(const jx_overall *o, const char *title, char *names, size_t cap,
                                char *parts, size_t pcap)
{
    names[0] = parts[0] = '\0';
    for (int by_level2 = 1; by_level2 >= 0; by_level2--) {
        jx_dec sum = JX_NONE;
        for (size_t i = 0; i < o->n_totals; i++) {
            const jx_ov_level_total *t = &o->totals[i];
            const char *name = by_level2 ? t->level2 : t->level1;
            if ((by_level2 ? !t->level2 : t->level2 != NULL) || !title_names(title, name)) continue;
            sum = add(sum, jx_has(t->score_claimed) ? t->score_claimed : 0);
            append(names, cap, "、", name);
        }
        if (!jx_has(sum)) continue;
        for (size_t i = 0; i < o->n_results; i++) {
            const jx_ov_result *r = &o->results[i];
            if (in_section(r, title, by_level2 != 0) && jx_has(r->score_claimed)) {
                char v[JX_DEC_BUF];
                append(parts, pcap, " + ", jx_dec_fmt(r->score_claimed, v));
            }
        }
        return sum;
    }
    return JX_NONE;
}

static void sections(jx_overall *o)
{
    char a[JX_DEC_BUF], b[JX_DEC_BUF], names[256], parts[512];
    jx_dec stated_sum = JX_NONE;
    for (size_t i = 0; i < o->n_sections; i++) {
        const jx_ov_section *s = &o->sections[i];
        stated_sum = add(stated_sum, s->score);
        jx_dec table = section_table_sum(o, s->title, names, sizeof names, parts, sizeof parts);
        if (!jx_has(table)) {
            jx_ov_finding(o, "OVERALL-SECTION-UNMATCHED", JX_SEV_INFO, -1, NULL,
                          "the report's section \"%s\" (line %d) names no indicator group",
                          "报告中的“%s” (第 %d 行) 对应不到任何指标组, 未核对其得分", s->title,
                          s->line);
        } else if (table != s->score) {
            jx_ov_finding(o, "OVERALL-SECTION-SUM", JX_SEV_ERROR, -1, "score_claimed",
                          "the report (line %d) says %s scored %s; the table gives %s = %s",
                          "报告 (第 %d 行) 写%s得 %s 分, 但指标表中为 %s = %s 分", s->line, names,
                          jx_dec_fmt(s->score, a), parts, jx_dec_fmt(table, b));
        }
    }
    jx_dec total = jx_has(o->total_text) ? o->total_text : o->total_claimed;
    if (jx_has(stated_sum) && jx_has(total) && stated_sum != total)
        jx_ov_finding(o, "OVERALL-TOTAL", JX_SEV_ERROR, -1, "total_claimed",
                      "the report's section scores add up to %s, not the stated total %s",
                      "报告各部分所写得分相加为 %s 分, 不是所写总分 %s 分",
                      jx_dec_fmt(stated_sum, a), jx_dec_fmt(total, b));
}

/* ---- base-data identities ------------------------------------------------------------ */

static void base_sums(jx_overall *o, const jx_ov_rules *r)
{
    char key[96], a[JX_DEC_BUF], b[JX_DEC_BUF], label[128];
    for (int s = 0; s < r->n_sums; s++)
        for (size_t x = 0; x < COUNT(SUFFIXES); x++) {
            snprintf(key, sizeof key, "%s%s", r->sums[s].total, SUFFIXES[x].suffix);
            const jx_ov_figure *t = jx_ov_get(o, key);
            if (!t) continue;
            jx_dec sum = JX_NONE;
            int decimals = jx_dec_decimals(t->value);
            for (int k = 0; k < r->sums[s].n; k++) {
                snprintf(key, sizeof key, "%s%s", r->sums[s].addends[k], SUFFIXES[x].suffix);
                const jx_ov_figure *f = jx_ov_get(o, key);
                if (f) sum = add(sum, f->value);
                if (f && jx_dec_decimals(f->value) > decimals) decimals = jx_dec_decimals(f->value);
            }
            /* one unit of the figures' last decimal per addition, at least 0.01 万元 for
             * tables in 万元 (the rounding of SPEC §9); exact for figures from 元 */
            jx_dec unit = JX_DEC_SCALE;
            for (int d = 0; d < (decimals < 2 ? 2 : decimals); d++)
                unit /= 10;
            if (!jx_has(sum) || jx_dec_abs(sum - t->value) <= unit * r->sums[s].n) continue;
            jx_ov_key_label(t->key, label, sizeof label);
            jx_ov_finding(o, "OVERALL-BASE-SUM", JX_SEV_ERROR, -1, t->key,
                          "base data: %s is %s but its items add up to %s (万元)",
                          "基础数据: %s 为 %s 万元, 但其明细相加为 %s 万元", label,
                          jx_dec_fmt(t->value, a), jx_dec_fmt(sum, b));
        }
}

/* ---- evaluation ---------------------------------------------------------------------- */

void jx_overall_evaluate(jx_overall *o, const jx_ov_rules *r)
{
    bool *used = jx_arena_calloc(o->arena, o->n_items + 1, sizeof *used);
    o->results = jx_arena_calloc(o->arena, (size_t)r->n_rules + o->n_items + 1, sizeof *o->results);
    o->rules_name = r->name;
    ectx e = {o, r, 0};
    int matched = 0;
    for (int i = 0; i < r->n_rules; i++) {
        int item = find_item(o, &r->rules[i], used);
        if (item >= 0) used[item] = true;
        matched += item >= 0;
        e.index = (int)o->n_results++;
        evaluate_rule(&e, &r->rules[i], item);
    }
    for (size_t i = 0; i < o->n_items; i++)
        if (!used[i]) {
            e.index = (int)o->n_results++;
            evaluate_unknown(&e, (int)i);
        }
    totals(o, r);
    sections(o);
    base_sums(o, r);
    if (matched == 0 && o->n_figures == 0)
        jx_ov_finding(
            o, "OVERALL-NO-TABLE", JX_SEV_ERROR, -1, NULL,
            "no indicator of rule set %s and no base data were found",
            "没有找到规则集 %s 的任何指标, 也没有基础数据表: 这不像一份部门整体支出绩效自评",
            r->name);
}
