/* score.h — scoring a project by a rule set (SPEC §5).
 *
 * jx_score() fills every computed field of a project: the execution rate and
 * score, each indicator's rule score (and what the scorer noticed, in
 * jx_indicator.flags), and the recomputed and rule totals and grade.
 * It adds no findings; jx_check() does that from what is computed here.
 */
#ifndef JX_SCORE_H
#define JX_SCORE_H

#include "../model/project.h"
#include "../rules/ruleset.h"

void jx_score(jx_project *p, const jx_rules *rules);

/* Execution score for executed / budget with a weight (rounded by the rules). */
jx_dec jx_score_execution(const jx_rules *rules, jx_dec weight, jx_dec executed, jx_dec budget);

/* Score of one indicator, filling ind->score_rule, level_rule and flags.
 * project_year fills deadlines written without a year. */
void jx_score_indicator(jx_indicator *ind, const jx_rules *rules, int project_year);

/* Is `score` inside the band of `level` for `weight`? */
bool jx_score_in_band(const jx_rules *rules, jx_level level, jx_dec weight, jx_dec score);

#endif
