/* ruleset.h — scoring rules as data (SPEC §5, docs/rules.md).
 *
 * A rule set is a JSON file under rules/ ("mof-2020", "sichuan", …) or any
 * file given by path. A set may "extends" another and override some fields.
 * Every parameter of SPEC §5 is a field here; the code never hard-codes one.
 * All percentages are in percent (80 = 80%).
 */
#ifndef JX_RULESET_H
#define JX_RULESET_H

#include <stdbool.h>

#include "../value/dec.h"
#include "../value/value.h"

#define JX_RULES_MAX_LEVEL1 8
#define JX_RULES_MAX_LEVEL2 12
#define JX_RULES_MAX_GRADES 8
#define JX_RULES_NAME 64

typedef enum { JX_REVERSE_LINEAR, JX_REVERSE_RATIO } jx_reverse_formula;
typedef enum { JX_EQUAL_POSITIVE, JX_EQUAL_EXACT } jx_equal_formula;
typedef enum { JX_OVER_NONE, JX_OVER_DEVIATION } jx_over_deduction;

typedef struct jx_rules {
    char name[JX_RULES_NAME];
    char title[256];
    char source[512]; /* file it was loaded from, or "(内置)" */

    jx_dec total_weight;      /* weights of one table add up to this (100) */
    jx_dec execution_weight;  /* 10 */
    jx_dec indicators_weight; /* Σ indicator weights, JX_NONE = not fixed */
    int n_level1;
    struct {
        char name[JX_RULES_NAME];
        jx_dec weight; /* JX_NONE = any */
        int n_level2;
        char level2[JX_RULES_MAX_LEVEL2][JX_RULES_NAME];
    } level1[JX_RULES_MAX_LEVEL1];

    bool execution_cap;             /* score = weight × min(rate, 1) */
    jx_dec execution_explain_below; /* percent; JX_NONE = no requirement */

    jx_reverse_formula reverse; /* ≤ / < targets */
    jx_equal_formula equal;     /* = targets */
    bool strict_at_target_info; /* actual exactly at a > / < target → info */

    jx_dec band_min[4];      /* indexed by jx_level: lower bound % of weight */
    jx_dec band_max[4];      /* upper bound % of weight */
    jx_dec level_default[4]; /* proposed score % of weight */

    jx_level deadline_met, deadline_missed;

    jx_dec over_threshold; /* percent of target; JX_NONE = off */
    bool over_needs_reason;
    jx_over_deduction over_deduction;

    int n_grades;
    struct {
        char name[16];
        jx_dec min;
    } grades[JX_RULES_MAX_GRADES]; /* best first */

    bool explain_below_weight;     /* REASON-MISSING when score < weight */
    jx_dec cut_at_least;           /* FUND-BUDGET-CUT: budget cut ≥ this % */
    jx_dec cut_execution_at_least; /* … and execution ≥ this % */

    int decimals; /* rounding of each item score (2) */
} jx_rules;

/* Load a rule set by name (searched in the rules directories) or by path
 * (anything containing '/' or ending in ".json"). On failure returns false
 * and writes a message (Chinese, with the file and line) to err. */
bool jx_rules_load(const char *name_or_path, jx_rules *out, char *err, size_t errlen);

/* The default set, "mof-2020". */
bool jx_rules_default(jx_rules *out, char *err, size_t errlen);

/* Where a rule file is: a path as given (anything with '/' or ending in
 * ".json"), else NAME.json in the rules folders. False if not found. */
bool jx_rules_locate(const char *name_or_path, char *path, size_t cap);
/* A rule file's whole text (malloc'd; at most 4 MiB). False if unreadable. */
bool jx_rules_read_file(const char *path, char **text, size_t *len);

/* Names of the rule sets found in the rules directories, space-separated. */
void jx_rules_list(char *buf, size_t len);

/* Grade of a total, by the rule set's bands. */
const char *jx_rules_grade(const jx_rules *r, jx_dec total);

/* Index of level-1 name in the rule set (whitespace ignored), or -1. */
int jx_rules_level1(const jx_rules *r, const char *name);
/* Is level2 one of level1's level-2 names? (whitespace ignored, a missing
 * "指标" suffix tolerated). */
bool jx_rules_level2_ok(const jx_rules *r, int level1, const char *level2);
/* Index of the level-1 a level-2 name belongs to, or -1. */
int jx_rules_level1_of(const jx_rules *r, const char *level2);

#endif
