/* overall.h — the whole-department evaluation, 部门整体支出绩效自评 (SPEC §8).
 *
 * Three parts, each in its own file:
 *   - the model (this header, overall.c): what a document states — the base
 *     data of 附表1 as named figures (jx_ov_figure, keys in docs/overall.md),
 *     the indicator table of 附表2 with the unit's own scores (jx_ov_item),
 *     the stated weights of each level, and the report's own statements of
 *     rates, section scores and the total; then the evaluation of that model
 *     by a rule set (jx_overall_evaluate), which fills jx_ov_result and the
 *     findings (codes OVERALL-*, docs/findings.md);
 *   - the rule set (overall_rules.c): rules/hunan-overall.json and the like,
 *     every scoring rule of 附表2 as data (docs/overall.md);
 *   - import (overall_import.c): the native JSON, text (seed 003), .docx
 *     and .xlsx; output (overall_out.c): JSON of SPEC §11 and a table.
 *
 * Amounts are in 万元 (an importer converts 元), rates in percent, scores in
 * points, all jx_dec; nothing is a double.
 */
#ifndef JX_OVERALL_H
#define JX_OVERALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../base/arena.h"
#include "../model/project.h"
#include "../value/dec.h"

/* ---- rule set ----------------------------------------------------------- */

#define JX_OV_NAME 64
#define JX_OV_KEY 40
#define JX_OV_MAX_RULES 48
#define JX_OV_MAX_PARTS 4
#define JX_OV_MAX_BANDS 8
#define JX_OV_MAX_LABELS 4
#define JX_OV_MAX_SUMS 16
#define JX_OV_MAX_ADDENDS 6

typedef enum { JX_OVF_RATIO, JX_OVF_CHANGE, JX_OVF_STATED } jx_ov_formula;
typedef enum { JX_OVS_DEDUCT, JX_OVS_BANDS } jx_ov_scoring;
typedef enum { JX_OV_STEP_LINEAR, JX_OV_STEP_WHOLE, JX_OV_STEP_STARTED } jx_ov_steps;
typedef enum { JX_OV_GE, JX_OV_GT, JX_OV_LE, JX_OV_LT } jx_ov_op;

typedef struct jx_ov_band {
    jx_ov_op op;  /* value op bound */
    jx_dec bound; /* percent */
    jx_dec score; /* points */
} jx_ov_band;

/* One scored quantity: an indicator, or one part of it (预算执行率 has two). */
typedef struct jx_ov_part {
    char name[JX_OV_NAME];
    char labels[JX_OV_MAX_LABELS][JX_OV_NAME]; /* how reports name it (name first) */
    int n_labels;
    jx_dec weight;
    jx_ov_formula formula;
    char num[JX_OV_KEY], den[JX_OV_KEY], minus[JX_OV_KEY]; /* base-data keys; minus may be "" */
    jx_ov_scoring scoring;
    jx_dec full_from, full_to; /* deduct: full marks on [from, to]; JX_NONE = open */
    jx_dec per, points;        /* deduct `points` per `per` percentage points outside */
    jx_ov_steps steps;
    jx_ov_band bands[JX_OV_MAX_BANDS]; /* bands: the first that holds gives the score */
    int n_bands;
    jx_dec otherwise; /* bands: score when none holds */
} jx_ov_part;

typedef struct jx_ov_rule {
    char level1[JX_OV_NAME], level2[JX_OV_NAME], name[JX_OV_NAME];
    char aliases[JX_OV_MAX_LABELS][JX_OV_NAME]; /* other names in tables */
    int n_aliases;
    jx_dec weight;
    bool judgement; /* scored by the unit; the rule keeps its score */
    jx_ov_part parts[JX_OV_MAX_PARTS];
    int n_parts;
} jx_ov_rule;

typedef struct jx_ov_rules {
    char name[JX_OV_NAME];
    char title[256];
    char source[512];
    jx_dec total_weight;
    int rate_decimals, score_decimals;
    int n_grades;
    struct {
        char name[16];
        jx_dec min;
    } grades[8];
    jx_ov_rule rules[JX_OV_MAX_RULES];
    int n_rules;
    struct {
        char total[JX_OV_KEY];
        char addends[JX_OV_MAX_ADDENDS][JX_OV_KEY];
        int n;
    } sums[JX_OV_MAX_SUMS]; /* base-data identities: total = Σ addends (each suffix) */
    int n_sums;
} jx_ov_rules;

/* Load an overall rule set by name (searched like jx_rules_load: $JIXIAO_RULES_PATH,
 * ../rules beside the executable, the build-time folder) or by path. False with
 * "file:line:col: message" in err. */
bool jx_ov_rules_load(const char *name_or_path, jx_ov_rules *out, char *err, size_t errlen);
/* Grade of a total by the set's bands (NULL when total is JX_NONE). */
const char *jx_ov_grade(const jx_ov_rules *r, jx_dec total);
/* Score of one part for a value (percent), rounded to the set's decimals. */
jx_dec jx_ov_part_score(const jx_ov_rules *r, const jx_ov_part *p, jx_dec value);
/* Is key a base-data key the system knows (docs/overall.md)? */
bool jx_ov_known_key(const char *key);
/* Chinese label of a base-data key ("编制数", "三公经费本年决算数") into buf;
 * the key itself when unknown. Returns buf. */
const char *jx_ov_key_label(const char *key, char *buf, size_t cap);

/* ---- model -------------------------------------------------------------- */

typedef struct jx_ov_figure {
    const char *key; /* "staff_authorized", "three_public_actual", … */
    jx_dec value;    /* 万元 for amounts, persons for staff, percent for rates */
    int decimals;    /* as written in the source */
    int line;        /* where it was read, 0 if unknown */
    bool from_text;  /* read from the report's sentences, not a table */
} jx_ov_figure;

typedef struct jx_ov_item {
    const char *level1, *level2, *name;
    jx_dec weight, score_claimed;
    const char *justification; /* the report's words for its score, or NULL */
    int line;
} jx_ov_item;

/* A rate the report states ("在职人员控制率…=93.2%"), by rule-part name. */
typedef struct jx_ov_stated {
    const char *name;
    jx_dec value;
    int decimals;
    int line;
} jx_ov_stated;

/* A stated weight of a level (附表2's 分值 beside a 一级 or 二级 name). */
typedef struct jx_ov_levelw {
    const char *level1, *level2; /* level2 NULL for a level-1 weight */
    jx_dec weight;
    int line;
} jx_ov_levelw;

/* A section of the report with its stated score ("6.履职效益得18分"). */
typedef struct jx_ov_section {
    const char *title;
    jx_dec score;
    int line;
} jx_ov_section;

/* One row of the evaluation: a rule indicator, or a table row no rule knows. */
typedef struct jx_ov_result {
    const char *level1, *level2, *name, *kind; /* kind: "formula", "judgement", "unknown" */
    jx_dec weight, score_claimed, score_rule, value, value_stated;
    int item; /* index into items, -1 when the table lacks it */
    int rule; /* index into the rule set, -1 for an unknown row */
    int n_parts;
    struct {
        const char *name;
        jx_dec weight, value, score;
    } parts[JX_OV_MAX_PARTS];
    const char *justification;
} jx_ov_result;

typedef struct jx_ov_level_total {
    const char *level1, *level2;
    jx_dec weight, weight_stated, score_claimed, score_rule;
} jx_ov_level_total;

typedef struct jx_overall {
    jx_arena *arena;
    const char *source, *unit;
    int year;
    jx_ov_figure *figures;
    size_t n_figures, cap_figures;
    jx_ov_item *items;
    size_t n_items, cap_items;
    jx_ov_stated *stated;
    size_t n_stated, cap_stated;
    jx_ov_levelw *levels;
    size_t n_levels, cap_levels;
    jx_ov_section *sections;
    size_t n_sections, cap_sections;
    jx_dec total_claimed;        /* the table's 合计 得分 */
    jx_dec total_text;           /* the report's "评价得分为 91分" */
    jx_dec total_weight_claimed; /* the table's 合计 分值 */
    const char *grade_claimed;
    /* computed by jx_overall_evaluate */
    jx_ov_result *results;
    size_t n_results;
    jx_ov_level_total *totals; /* level-1 rows (level2 NULL) then level-2 rows */
    size_t n_totals;
    jx_dec total_rule, total_recomputed;
    const char *grade_rule;
    const char *rules_name;
    /* findings of import and evaluation (jx_finding of model/project.h) */
    jx_finding *findings;
    size_t n_findings, cap_findings;
} jx_overall;

void jx_overall_init(jx_overall *o, jx_arena *arena);
/* Set (or replace) a base figure. */
void jx_ov_set(jx_overall *o, const char *key, jx_dec value, int decimals, int line,
               bool from_text);
/* A figure, or NULL. */
const jx_ov_figure *jx_ov_get(const jx_overall *o, const char *key);
jx_ov_item *jx_ov_add_item(jx_overall *o);
void jx_ov_add_stated(jx_overall *o, const char *name, jx_dec value, int decimals, int line);
void jx_ov_add_level(jx_overall *o, const char *level1, const char *level2, jx_dec weight,
                     int line);
void jx_ov_add_section(jx_overall *o, const char *title, jx_dec score, int line);
/* A finding: printf formats, English first then Chinese (as jx_finding_addf). */
void jx_ov_finding(jx_overall *o, const char *code, jx_severity sev, int indicator,
                   const char *field, const char *en_fmt, const char *zh_fmt, ...)
    __attribute__((format(printf, 7, 8)));
size_t jx_ov_count(const jx_overall *o, jx_severity sev);

/* Score every indicator by the rule set, total by level, grade, and add the
 * findings. Call once per model. */
void jx_overall_evaluate(jx_overall *o, const jx_ov_rules *r);

/* ---- import ------------------------------------------------------------- */

/* Read path (native JSON, text, .docx or .xlsx) into o. The rule set gives the
 * names and labels to look for in tables and sentences. False with
 * "file[:line[:col]]: message" in err when the file cannot be read. */
bool jx_overall_import(const char *path, jx_overall *o, const jx_ov_rules *r, char *err,
                       size_t errlen);
/* The same over memory: format "json", "text", "docx" or "xlsx". */
bool jx_overall_import_mem(const char *data, size_t len, const char *format, const char *name,
                           jx_overall *o, const jx_ov_rules *r, char *err, size_t errlen);

/* ---- output ------------------------------------------------------------- */

void jx_overall_write_json(FILE *out, const jx_overall *o, bool compact);
void jx_overall_write_text(FILE *out, const jx_overall *o);

#endif
