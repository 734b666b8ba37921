/* project.h — one 项目支出绩效自评表 as jixiao holds it (SPEC §3, §11).
 *
 * Stated figures are what the document says (JX_NONE when it says nothing);
 * computed figures are filled by jx_score() and jx_check(). All strings and
 * arrays live in the project's arena, so a project is dropped in one step.
 */
#ifndef JX_PROJECT_H
#define JX_PROJECT_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/arena.h"
#include "../value/dec.h"
#include "../value/value.h"

typedef enum { JX_SEV_INFO = 0, JX_SEV_WARNING, JX_SEV_ERROR } jx_severity;

typedef struct jx_finding {
    const char *code; /* stable code from the catalogue, e.g. "FUND-RATE" */
    jx_severity severity;
    const char *message;    /* Chinese, for a finance officer */
    const char *message_en; /* English, may be NULL */
    int indicator;          /* index into indicators, -1 for the table */
    const char *field;      /* "execution_rate", "score_claimed", … or NULL */
} jx_finding;

typedef struct jx_indicator {
    /* stated */
    const char *level1, *level2, *name;
    const char *target;          /* 年初指标值 */
    const char *target_adjusted; /* 调整后指标值, NULL when absent */
    const char *actual;          /* 实际完成值 */
    const char *reason;          /* 偏差原因分析及改进措施 */
    jx_dec weight, score_claimed;
    int line; /* where it was read, 0 if unknown */
    /* computed by jx_score() */
    jx_dec score_rule;     /* JX_NONE when the rule cannot decide */
    jx_value target_value; /* effective target (adjusted one when given) */
    jx_value actual_value;
    jx_dec actual_in_target; /* actual converted to the target's unit */
    jx_level level_rule;     /* achievement level the rule decided */
    unsigned flags;          /* JX_IND_* below */
} jx_indicator;

/* What the scorer noticed about an indicator; checks turn these into findings. */
enum {
    JX_IND_TARGET_UNPARSED = 1u << 0,  /* target cannot be read */
    JX_IND_TARGET_NO_NUMBER = 1u << 1, /* target is unit-only ("≥次") with no adjusted value */
    JX_IND_ACTUAL_UNPARSED = 1u << 2,  /* actual cannot be read against this target */
    JX_IND_UNIT_MISMATCH = 1u << 3,    /* units differ and cannot be converted */
    JX_IND_STRICT_AT_TARGET = 1u << 4, /* actual exactly at a > / < target */
    JX_IND_OVER_TARGET = 1u << 5,      /* actual ≥ threshold % of a positive target */
    JX_IND_QUALITATIVE = 1u << 6,      /* scored by achievement level */
    JX_IND_QUAL_BAND = 1u << 7,        /* claimed score outside its level's band */
    JX_IND_DEADLINE = 1u << 8,         /* scored as a deadline */
    JX_IND_ADJUSTED = 1u << 9,         /* the adjusted target was used */
    JX_IND_OP_FROM_INITIAL = 1u << 10  /* adjusted number, operator of the initial target */
};

typedef struct jx_funds {
    /* stated (in the project's amount unit; rate in percent) */
    jx_dec budget_initial, budget, executed, balance, execution_rate, execution_score_claimed;
    const char *reason; /* 偏差原因 of the funds block */
    int rate_decimals;  /* decimals the stated rate was written with ("84.30" → 2), -1 unknown */
    unsigned derived;   /* JX_DERIVED_*: figures the importer derived from the row's arithmetic */
    /* computed */
    jx_dec execution_weight, execution_score, rate_computed;
} jx_funds;

enum { JX_DERIVED_EXECUTED = 1u << 0 };

/* A labelled text of the table (产出情况及分析, 主要经验做法, …). */
typedef struct jx_text_section {
    const char *label, *text;
} jx_text_section;

typedef struct jx_project {
    /* stated */
    const char *name, *unit, *department, *amount_unit;
    int year; /* 0 when unknown */
    jx_funds funds;
    jx_indicator *indicators;
    size_t n_indicators, cap_indicators;
    jx_dec total_claimed;
    const char *grade_claimed;
    const char *goal_expected, *goal_actual; /* 年度总体目标: 预期目标 / 实际完成情况 */
    jx_text_section *texts;                  /* 项目绩效分析 sections, in order */
    size_t n_texts, cap_texts;
    int line; /* where the project starts in its source, 0 if unknown */
    /* computed */
    jx_dec total_recomputed, total_rule;
    const char *grade_rule;
    jx_finding *findings;
    size_t n_findings, cap_findings;
    jx_arena *arena;
} jx_project;

/* A fresh project whose memory comes from `arena`. */
void jx_project_init(jx_project *p, jx_arena *arena);
/* Append an empty indicator (all figures JX_NONE) and return it. */
jx_indicator *jx_project_add_indicator(jx_project *p);

/* Append a labelled text section. */
void jx_project_add_text(jx_project *p, const char *label, const char *text);

/* Record a finding. Messages are printf formats (Chinese, then English). */
void jx_finding_add(jx_project *p, const char *code, jx_severity sev, int indicator,
                    const char *field, const char *message, const char *message_en);
void jx_finding_addf(jx_project *p, const char *code, jx_severity sev, int indicator,
                     const char *field, const char *en_fmt, const char *zh_fmt, ...)
    __attribute__((format(printf, 7, 8)));

const char *jx_severity_name(jx_severity s);
/* Count of findings of exactly severity `sev`. */
size_t jx_project_count(const jx_project *p, jx_severity sev);

#endif
