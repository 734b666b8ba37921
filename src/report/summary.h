/* summary.h — the department view: aggregates over all projects (SPEC §7, §11).
 *
 * Projects are added one at a time (streaming); the summary keeps only
 * counters, sums and the few projects below 良 with their stated reasons, so
 * memory does not grow with the number of projects above 良. Amounts are
 * summed in 万元 (projects in 元 are converted exactly).
 */
#ifndef JX_SUMMARY_H
#define JX_SUMMARY_H

#include <stdio.h>

#include "../json/writer.h"
#include "../model/project.h"
#include "../rules/ruleset.h"

#define JX_SUMMARY_GRADES 8
#define JX_SUMMARY_REASONS 4

typedef struct jx_summary_item {
    char *name, *source, *grade_claimed, *grade_rule;
    jx_dec total_claimed, total_rule, budget, executed;
    char *reasons[JX_SUMMARY_REASONS]; /* stated 偏差原因, distinct, in table order */
    int n_reasons;
} jx_summary_item;

typedef struct jx_summary {
    const jx_rules *rules;
    size_t projects, scored, unscored, tables_empty;
    jx_dec budget, executed; /* 万元 */
    jx_dec total_claimed_sum, total_rule_sum, weighted_claimed, weighted_budget;
    size_t grades_claimed[JX_SUMMARY_GRADES], grades_rule[JX_SUMMARY_GRADES];
    size_t bands[3];        /* ≥90, 60–90, <60 by the claimed total */
    size_t findings[3];     /* by jx_severity */
    jx_summary_item *below; /* projects below 良 (claimed), malloc'd */
    size_t n_below, cap_below;
    char **sources; /* documents read, with their project counts */
    size_t *source_projects;
    size_t n_sources;
} jx_summary;

void jx_summary_init(jx_summary *s, const jx_rules *rules);
/* Start counting the projects of a new document. */
void jx_summary_document(jx_summary *s, const char *source);
/* Add one audited project (jx_audit_project already called). */
void jx_summary_add(jx_summary *s, const jx_project *p);
void jx_summary_free(jx_summary *s);

/* Execution rate over all projects, percent, 2 decimals (JX_NONE without budget). */
jx_dec jx_summary_rate(const jx_summary *s);
/* The grade a project counts under: the stated one, else the band of its stated total. */
const char *jx_summary_grade_claimed(const jx_rules *rules, const jx_project *p);
/* Is the grade below the rule set's second grade (良)? */
bool jx_summary_below_good(const jx_rules *rules, const char *grade);

void jx_summary_write_json(const jx_summary *s, jx_jwriter *w);
void jx_summary_write_text(const jx_summary *s, FILE *out);

#endif
