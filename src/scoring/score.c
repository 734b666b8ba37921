/* score.c — the scoring rules of SPEC §5, parameterised by a jx_rules.
 *
 * Every item score is computed from exact values and rounded once, half-up
 * to rules->decimals, by jx_dec_ratio(). Totals add rounded item scores.
 */
#include "score.h"

#include <string.h>

#define PCT(x) JX_DEC(x)

jx_dec jx_score_execution(const jx_rules *rules, jx_dec weight, jx_dec executed, jx_dec budget)
{
    if (!jx_has(weight) || !jx_has(executed) || !jx_has(budget) || budget <= 0) return JX_NONE;
    jx_dec spent = executed < 0 ? 0 : executed;
    if (rules->execution_cap && spent > budget) spent = budget;
    return jx_dec_ratio(weight, spent, budget, rules->decimals);
}

bool jx_score_in_band(const jx_rules *rules, jx_level level, jx_dec weight, jx_dec score)
{
    if (level == JX_LEVEL_NONE || !jx_has(weight) || !jx_has(score)) return false;
    /* lower bound inclusive; upper bound exclusive unless it is the whole weight */
    jx_dec lo = jx_dec_ratio(weight, rules->band_min[level], PCT(100), JX_DEC_DIGITS);
    jx_dec hi = jx_dec_ratio(weight, rules->band_max[level], PCT(100), JX_DEC_DIGITS);
    if (score < lo) return false;
    if (rules->band_max[level] >= PCT(100)) return score <= weight;
    return score < hi;
}

/* Percent of weight, rounded as an item score. */
static jx_dec share(const jx_rules *rules, jx_dec weight, jx_dec percent)
{
    return jx_dec_ratio(weight, percent, PCT(100), rules->decimals);
}

/* Score an achievement level: the unit's own score when it lies in the
 * level's band (the judgement is theirs), else the rule set's default. */
static jx_dec score_level(jx_indicator *ind, const jx_rules *rules, jx_level level)
{
    ind->level_rule = level;
    ind->flags |= JX_IND_QUALITATIVE;
    if (jx_has(ind->score_claimed)) {
        if (jx_score_in_band(rules, level, ind->weight, ind->score_claimed))
            return jx_dec_round(ind->score_claimed, rules->decimals);
        ind->flags |= JX_IND_QUAL_BAND;
    }
    return share(rules, ind->weight, rules->level_default[level]);
}

/* The target to score against: the adjusted one when it says something. */
static void effective_target(jx_indicator *ind)
{
    jx_value initial;
    jx_value_parse(ind->target, &initial);
    ind->target_value = initial;
    if (!ind->target_adjusted) return;
    jx_value adjusted;
    jx_value_parse(ind->target_adjusted, &adjusted);
    if (adjusted.kind == JX_VAL_EMPTY) return;
    if (adjusted.kind == JX_VAL_UNIT_ONLY && initial.kind == JX_VAL_NUMBER)
        return; /* "≥85%" then "≥%" */
    if (adjusted.kind == JX_VAL_NUMBER && adjusted.op == JX_OP_NONE &&
        (initial.kind == JX_VAL_UNIT_ONLY || initial.kind == JX_VAL_NUMBER) &&
        initial.op != JX_OP_NONE) {
        adjusted.op = initial.op; /* "=元/人" then "400元/人/" */
        ind->flags |= JX_IND_OP_FROM_INITIAL;
        if (!adjusted.unit[0]) memcpy(adjusted.unit, initial.unit, sizeof adjusted.unit);
    }
    ind->target_value = adjusted;
    ind->flags |= JX_IND_ADJUSTED;
}

static bool is_reverse(jx_op op)
{
    return op == JX_OP_LE || op == JX_OP_LT;
}

/* Positive and equal targets: full at or above the target, else pro rata. */
static jx_dec score_positive(jx_indicator *ind, const jx_rules *rules, jx_dec t, jx_dec a)
{
    jx_dec w = ind->weight;
    jx_op op = ind->target_value.op;
    if (op == JX_OP_EQ && rules->equal == JX_EQUAL_EXACT) {
        if (a == t) return jx_dec_round(w, rules->decimals);
        if (t <= 0) return 0;
        jx_dec off = jx_dec_abs(a - t);
        if (off >= t) return 0;
        return jx_dec_ratio(w, t - off, t, rules->decimals);
    }
    if (t <= 0) { /* "=0", "≥0" */
        if (op == JX_OP_EQ || op == JX_OP_APPROX)
            return a <= 0 ? jx_dec_round(w, rules->decimals) : 0;
        return a >= t ? jx_dec_round(w, rules->decimals) : 0;
    }
    if (a >= t) {
        bool over = jx_has(rules->over_threshold) &&
                    jx_dec_ratio(a, PCT(100), t, JX_DEC_DIGITS) >= rules->over_threshold;
        if (over) {
            ind->flags |= JX_IND_OVER_TARGET;
            if (rules->over_deduction == JX_OVER_DEVIATION) {
                /* weight × (1 − (a − t)/t), not below 0 */
                jx_dec left = 2 * t - a;
                return left <= 0 ? 0 : jx_dec_ratio(w, left, t, rules->decimals);
            }
        }
        return jx_dec_round(w, rules->decimals);
    }
    if (a <= 0) return 0;
    return jx_dec_ratio(w, a, t, rules->decimals);
}

/* Reverse targets (≤, <): full at or below the target, else by the rule set's formula. */
static jx_dec score_reverse(jx_indicator *ind, const jx_rules *rules, jx_dec t, jx_dec a)
{
    jx_dec w = ind->weight;
    if (a <= t) return jx_dec_round(w, rules->decimals);
    if (t <= 0) return 0;
    if (rules->reverse == JX_REVERSE_RATIO) return jx_dec_ratio(w, t, a, rules->decimals);
    jx_dec left = 2 * t - a; /* weight × (1 − (a − t)/t) = weight × (2t − a)/t */
    return left <= 0 ? 0 : jx_dec_ratio(w, left, t, rules->decimals);
}

static jx_dec score_number(jx_indicator *ind, const jx_rules *rules)
{
    const jx_value *tv = &ind->target_value, *av = &ind->actual_value;
    if (av->kind == JX_VAL_LEVEL || (av->kind == JX_VAL_TEXT && av->level))
        return score_level(ind, rules, av->level);
    if (av->kind != JX_VAL_NUMBER) {
        ind->flags |= JX_IND_ACTUAL_UNPARSED;
        return JX_NONE;
    }
    jx_dec num, den;
    if (!jx_unit_convert(tv->unit, av->unit, &num, &den)) {
        ind->flags |= JX_IND_UNIT_MISMATCH;
        return JX_NONE;
    }
    jx_dec a = num == den ? av->number : jx_dec_ratio(av->number, num, den, JX_DEC_DIGITS);
    if (!jx_has(a)) {
        ind->flags |= JX_IND_ACTUAL_UNPARSED;
        return JX_NONE;
    }
    ind->actual_in_target = a;
    jx_dec t = tv->number;
    if ((tv->op == JX_OP_GT || tv->op == JX_OP_LT) && a == t && rules->strict_at_target_info)
        ind->flags |= JX_IND_STRICT_AT_TARGET;
    return is_reverse(tv->op) ? score_reverse(ind, rules, t, a) : score_positive(ind, rules, t, a);
}

static jx_dec score_deadline(jx_indicator *ind, const jx_rules *rules, int year)
{
    const jx_value *av = &ind->actual_value;
    ind->flags |= JX_IND_DEADLINE;
    jx_level level = JX_LEVEL_NONE;
    long due = jx_value_date_key(&ind->target_value, year);
    long done = jx_value_date_key(av, year ? year : ind->target_value.year);
    if (av->kind == JX_VAL_DEADLINE && due && done) {
        level = done <= due ? rules->deadline_met : rules->deadline_missed;
    } else if (av->level == JX_LEVEL_MET) {
        level = rules->deadline_met;
    } else if (av->level != JX_LEVEL_NONE) {
        level = av->level == JX_LEVEL_NOT_MET ? JX_LEVEL_NOT_MET : rules->deadline_missed;
    }
    if (level == JX_LEVEL_NONE) {
        ind->flags |= JX_IND_ACTUAL_UNPARSED;
        return JX_NONE;
    }
    if (level == JX_LEVEL_MET && level == rules->deadline_met) {
        /* SPEC §5: a met deadline earns the full weight */
        ind->level_rule = level;
        return jx_dec_round(ind->weight, rules->decimals);
    }
    return score_level(ind, rules, level);
}

void jx_score_indicator(jx_indicator *ind, const jx_rules *rules, int project_year)
{
    ind->flags = 0;
    ind->level_rule = JX_LEVEL_NONE;
    ind->actual_in_target = JX_NONE;
    ind->score_rule = JX_NONE;
    effective_target(ind);
    jx_value_parse(ind->actual, &ind->actual_value);
    if (!jx_has(ind->weight)) return;

    const jx_value *tv = &ind->target_value, *av = &ind->actual_value;
    jx_dec s = JX_NONE;
    switch (tv->kind) {
    case JX_VAL_NUMBER:
        s = score_number(ind, rules);
        break;
    case JX_VAL_DEADLINE:
        s = score_deadline(ind, rules, project_year);
        break;
    case JX_VAL_TEXT:
    case JX_VAL_LEVEL:
    case JX_VAL_EMPTY:
        if (av->level != JX_LEVEL_NONE && av->kind != JX_VAL_NUMBER) {
            s = score_level(ind, rules, av->level);
        } else if (tv->kind == JX_VAL_EMPTY) {
            ind->flags |= JX_IND_TARGET_UNPARSED;
        } else {
            ind->flags |= JX_IND_ACTUAL_UNPARSED;
        }
        break;
    case JX_VAL_UNIT_ONLY:
        ind->flags |= JX_IND_TARGET_NO_NUMBER;
        break;
    case JX_VAL_UNPARSED:
        ind->flags |= JX_IND_TARGET_UNPARSED;
        break;
    }
    ind->score_rule = s;
}

void jx_score(jx_project *p, const jx_rules *rules)
{
    jx_funds *f = &p->funds;
    f->execution_weight = rules->execution_weight;
    f->rate_computed = JX_NONE;
    if (jx_has(f->executed) && jx_has(f->budget) && f->budget > 0)
        f->rate_computed = jx_dec_percent(f->executed, f->budget, JX_DEC_DIGITS);
    f->execution_score = jx_score_execution(rules, f->execution_weight, f->executed, f->budget);
    if (!jx_has(f->execution_score) && jx_has(f->execution_rate) && f->execution_rate >= 0) {
        /* only the rate is stated: score from it */
        jx_dec rate =
            rules->execution_cap ? jx_dec_min(f->execution_rate, PCT(100)) : f->execution_rate;
        f->execution_score = jx_dec_ratio(f->execution_weight, rate, PCT(100), rules->decimals);
    }
    if (!jx_has(f->execution_score)) f->execution_score = 0; /* nothing to credit */

    jx_dec claimed_sum = 0, rule_sum = 0;
    for (size_t i = 0; i < p->n_indicators; i++) {
        jx_indicator *ind = &p->indicators[i];
        jx_score_indicator(ind, rules, p->year);
        if (jx_has(ind->score_claimed)) claimed_sum += ind->score_claimed;
        if (jx_has(ind->score_rule))
            rule_sum += ind->score_rule;
        else if (jx_has(ind->score_claimed))
            rule_sum += ind->score_claimed; /* rule cannot decide */
    }
    jx_dec exec_claimed =
        jx_has(f->execution_score_claimed) ? f->execution_score_claimed : f->execution_score;
    p->total_recomputed = (jx_has(exec_claimed) ? exec_claimed : 0) + claimed_sum;
    p->total_rule = (jx_has(f->execution_score) ? f->execution_score : 0) + rule_sum;
    p->grade_rule = jx_rules_grade(rules, p->total_rule);
}
