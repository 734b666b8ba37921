/* statements.h — what the 情况说明 states, as statements.c reads it.
 *
 * The sentence matcher (jx_st_scan) finds the figures of one paragraph: a
 * number with its unit (万元, 元, %, 辆 …), the subject phrase before it and
 * the role the wording gives it (an amount, a 年初预算, a change against last
 * year, a share, a completion rate). jx_accounts_statements (accounts.h)
 * checks them; jx_st_collect gathers, per subject, what the text states
 * (now, 年初预算, change against last year, the reason sentence) so that
 * write.c can restate prior-year figures the tables do not hold.
 */
#ifndef JX_ST_STATEMENTS_H
#define JX_ST_STATEMENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "accounts.h"

typedef enum {
    JX_ST_WAN,  /* 万元 (亿元 converted) */
    JX_ST_YUAN, /* 元 */
    JX_ST_RATE, /* % */
    JX_ST_COUNT /* 辆, 台(套), 个, 批次 … (unit_text says which) */
} jx_st_unit;

typedef enum {
    JX_ST_AMOUNT,      /* "基本支出2,963.86万元" */
    JX_ST_BUDGET,      /* "年初预算5,294.60万元", "全年预算26.26万元" */
    JX_ST_ACTUAL,      /* "支出决算5,023.02万元" (of the subject in context) */
    JX_ST_CHANGE,      /* "减少68.13万元" (dir −1) */
    JX_ST_SHARE,       /* "占比59.01%", "占本年支出合计的100.00%" (den) */
    JX_ST_COMPLETION,  /* "完成年初预算的94.87%" */
    JX_ST_CHANGE_RATE, /* "下降1.34%" */
    JX_ST_OTHER_RATE   /* any other rate */
} jx_st_role;

typedef struct jx_st_mention {
    size_t subj_at; /* start of the subject phrase (byte offset) */
    size_t num_at;  /* start of the number */
    size_t end;     /* end of the unit */
    jx_dec value;   /* in the unit as written (万元 for 亿元) */
    int decimals;   /* as written */
    jx_st_unit unit;
    char unit_text[16];
    jx_st_role role;
    int dir;             /* +1 增加/增长, −1 减少/下降, 0 */
    const char *subject; /* cleaned subject ("收入总计"), "" when none */
    const char *den;     /* a share's explicit denominator, cleaned, or NULL */
} jx_st_mention;

/* Find the figures of one NFKC-normalised paragraph, in order. Numbers that
 * are part of a label ("单价100万元(含)以上设备") are not figures. Returns how
 * many were found (at most max are stored). Strings live in arena. */
size_t jx_st_scan(jx_arena *arena, const char *text, jx_st_mention *out, size_t max);

/* What the text states about one subject. */
typedef struct jx_st_fact {
    const char *key;     /* "gpb|0|合计|小计" for a table cell, "§gpb|subject" otherwise */
    const char *subject; /* as the text names it */
    const char *section; /* section kind ("gpb", "three"…), "" when none */
    bool has_now, has_budget, has_change, same_as_prior;
    jx_dec now, budget, change; /* change signed: − for 减少/下降 */
    int now_dec, budget_dec, change_dec;
    jx_dec change_rate; /* stated rate, unsigned */
    int change_rate_dec;
    bool has_change_rate;
    const char *reason; /* "主要原因是…" of its paragraph (no final 。), or NULL */
} jx_st_fact;

typedef struct jx_st_facts {
    jx_st_fact *v;
    size_t n, cap;
} jx_st_facts;

/* Read every paragraph of a as jx_accounts_statements does, without findings
 * or counts, and return the facts (arena memory of a). */
void jx_st_collect(const jx_accounts *a, jx_st_facts *out);

/* The key of a table cell as facts use it: kind|group|row key|column. */
void jx_st_cell_key(const jx_ac_table *t, int group, const jx_ac_row *r, int col, char *buf,
                    size_t len);
/* The fact of a key, or NULL. */
const jx_st_fact *jx_st_fact_find(const jx_st_facts *f, const char *key);

#endif
