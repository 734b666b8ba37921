/* json_out.c — writes PROJECT and FINDING objects (SPEC §11).
 *
 * Field names are a contract used by other tools: add, never rename.
 * Extensions beyond SPEC §11: project.department, project.source_line,
 * funds.reason, funds.execution_rate_computed, indicator.target_adjusted,
 * indicator.level_rule, finding.message_en.
 */
#include "json_out.h"

#include "../value/value.h"

void jx_json_write_finding(jx_jwriter *w, const jx_finding *f)
{
    jx_jw_obj_begin(w);
    jx_json_write_finding_members(w, f);
    jx_jw_obj_end(w);
}

void jx_json_write_finding_members(jx_jwriter *w, const jx_finding *f)
{
    jx_jw_key(w, "code");
    jx_jw_str(w, f->code);
    jx_jw_key(w, "severity");
    jx_jw_str(w, jx_severity_name(f->severity));
    jx_jw_key(w, "message");
    jx_jw_str(w, f->message);
    jx_jw_key(w, "message_en");
    jx_jw_str(w, f->message_en);
    jx_jw_key(w, "indicator");
    if (f->indicator >= 0)
        jx_jw_int(w, f->indicator);
    else
        jx_jw_null(w);
    jx_jw_key(w, "field");
    jx_jw_str(w, f->field);
}

static void write_funds(jx_jwriter *w, const jx_funds *f)
{
    jx_jw_obj_begin(w);
    jx_jw_key(w, "budget_initial");
    jx_jw_dec(w, f->budget_initial);
    jx_jw_key(w, "budget");
    jx_jw_dec(w, f->budget);
    jx_jw_key(w, "executed");
    jx_jw_dec(w, f->executed);
    jx_jw_key(w, "balance");
    jx_jw_dec(w, f->balance);
    /* the stated rate where the table gives one, else the computed one */
    jx_jw_key(w, "execution_rate");
    if (jx_has(f->execution_rate) && f->rate_decimals > 0)
        jx_jw_dec_fixed(w, f->execution_rate, f->rate_decimals);
    else
        jx_jw_dec(w, jx_has(f->execution_rate) ? f->execution_rate
                                               : jx_dec_round(f->rate_computed, 2));
    jx_jw_key(w, "execution_rate_computed");
    jx_jw_dec(w, jx_dec_round(f->rate_computed, 2));
    jx_jw_key(w, "execution_weight");
    jx_jw_dec(w, f->execution_weight);
    jx_jw_key(w, "execution_score");
    jx_jw_dec(w, f->execution_score);
    jx_jw_key(w, "execution_score_claimed");
    jx_jw_dec(w, f->execution_score_claimed);
    jx_jw_key(w, "reason");
    jx_jw_str(w, f->reason);
    if (f->derived) {
        jx_jw_key(w, "derived");
        jx_jw_arr_begin(w);
        if (f->derived & JX_DERIVED_EXECUTED) jx_jw_str(w, "executed");
        jx_jw_arr_end(w);
    }
    jx_jw_obj_end(w);
}

static void write_indicator(jx_jwriter *w, const jx_indicator *ind)
{
    jx_jw_obj_begin(w);
    jx_jw_key(w, "level1");
    jx_jw_str(w, ind->level1);
    jx_jw_key(w, "level2");
    jx_jw_str(w, ind->level2);
    jx_jw_key(w, "name");
    jx_jw_str(w, ind->name ? ind->name : "");
    jx_jw_key(w, "target");
    jx_jw_str(w, ind->target ? ind->target : "");
    if (ind->target_adjusted) {
        jx_jw_key(w, "target_adjusted");
        jx_jw_str(w, ind->target_adjusted);
    }
    jx_jw_key(w, "actual");
    jx_jw_str(w, ind->actual ? ind->actual : "");
    jx_jw_key(w, "weight");
    jx_jw_dec(w, ind->weight);
    jx_jw_key(w, "score_claimed");
    jx_jw_dec(w, ind->score_claimed);
    jx_jw_key(w, "score_rule");
    jx_jw_dec(w, ind->score_rule);
    if (ind->level_rule != JX_LEVEL_NONE) {
        jx_jw_key(w, "level_rule");
        jx_jw_str(w, jx_level_name(ind->level_rule));
    }
    jx_jw_key(w, "reason");
    jx_jw_str(w, ind->reason);
    jx_jw_obj_end(w);
}

void jx_json_write_project(jx_jwriter *w, const jx_project *p)
{
    jx_jw_obj_begin(w);
    jx_jw_key(w, "name");
    jx_jw_str(w, p->name ? p->name : "");
    jx_jw_key(w, "year");
    if (p->year)
        jx_jw_int(w, p->year);
    else
        jx_jw_null(w);
    jx_jw_key(w, "unit");
    jx_jw_str(w, p->unit);
    if (p->department) {
        jx_jw_key(w, "department");
        jx_jw_str(w, p->department);
    }
    jx_jw_key(w, "amount_unit");
    jx_jw_str(w, p->amount_unit ? p->amount_unit : "万元");
    jx_jw_key(w, "funds");
    write_funds(w, &p->funds);
    jx_jw_key(w, "indicators");
    jx_jw_arr_begin_lines(w);
    for (size_t i = 0; i < p->n_indicators; i++)
        write_indicator(w, &p->indicators[i]);
    jx_jw_arr_end(w);
    jx_jw_key(w, "total_claimed");
    jx_jw_dec(w, p->total_claimed);
    jx_jw_key(w, "total_recomputed");
    jx_jw_dec(w, p->total_recomputed);
    jx_jw_key(w, "total_rule");
    jx_jw_dec(w, p->total_rule);
    jx_jw_key(w, "grade_claimed");
    jx_jw_str(w, p->grade_claimed);
    jx_jw_key(w, "grade_rule");
    jx_jw_str(w, p->grade_rule);
    if (p->goal_expected || p->goal_actual) {
        jx_jw_key(w, "goal");
        jx_jw_obj_begin(w);
        jx_jw_key(w, "expected");
        jx_jw_str(w, p->goal_expected);
        jx_jw_key(w, "actual");
        jx_jw_str(w, p->goal_actual);
        jx_jw_obj_end(w);
    }
    if (p->n_texts) {
        jx_jw_key(w, "texts");
        jx_jw_arr_begin_lines(w);
        for (size_t i = 0; i < p->n_texts; i++) {
            jx_jw_obj_begin(w);
            jx_jw_key(w, "label");
            jx_jw_str(w, p->texts[i].label);
            jx_jw_key(w, "text");
            jx_jw_str(w, p->texts[i].text);
            jx_jw_obj_end(w);
        }
        jx_jw_arr_end(w);
    }
    jx_jw_key(w, "findings");
    jx_jw_arr_begin_lines(w);
    for (size_t i = 0; i < p->n_findings; i++)
        jx_json_write_finding(w, &p->findings[i]);
    jx_jw_arr_end(w);
    jx_jw_obj_end(w);
}
