/* value.h — what a target (指标值) or an actual (实际完成值) says.
 *
 * A table cell such as "≥95%", "＜220", "≤400元/天/人", "2024年12月31日前",
 * "不断提高" or "达成预期指标" is turned into a jx_value (SPEC §4):
 *
 *   JX_VAL_NUMBER     operator (may be none), exact number, unit   "≥300个"
 *   JX_VAL_UNIT_ONLY  operator and unit, the number lost            "≥家次"
 *   JX_VAL_DEADLINE   a date or month, or a relative term           "2024年底前"
 *   JX_VAL_LEVEL      an achievement level word                     "部分达成"
 *   JX_VAL_TEXT       other words (a qualitative target)            "逐步提高"
 *   JX_VAL_EMPTY      nothing, "/", "—", "……"
 *   JX_VAL_UNPARSED   looks like a measure but cannot be read       "≥不低"
 *
 * Full-width digits and punctuation are folded first; whitespace is ignored.
 * Word cells (TEXT, LEVEL) and deadlines also carry the achievement level
 * their words state ("2024年底前完成预期指标" → deadline, 达成).
 */
#ifndef JX_VALUE_H
#define JX_VALUE_H

#include <stdbool.h>

#include "dec.h"

typedef enum {
    JX_OP_NONE = 0,
    JX_OP_GE,    /* ≥ ≧ >= 不低于 不少于 … : at least */
    JX_OP_GT,    /* > ＞ 大于 超过 : more than */
    JX_OP_LE,    /* ≤ ≦ <= 不高于 不超过 控制在…以内 : at most */
    JX_OP_LT,    /* < ＜ 小于 低于 : less than */
    JX_OP_EQ,    /* = ═ 等于 */
    JX_OP_APPROX /* ≈ 约 */
} jx_op;

typedef enum {
    JX_VAL_EMPTY = 0,
    JX_VAL_NUMBER,
    JX_VAL_UNIT_ONLY,
    JX_VAL_DEADLINE,
    JX_VAL_LEVEL,
    JX_VAL_TEXT,
    JX_VAL_UNPARSED
} jx_val_kind;

typedef enum {
    JX_LEVEL_NONE = 0,
    JX_LEVEL_MET,     /* 达成: 达成预期指标, 完成预期指标, 完成 */
    JX_LEVEL_PARTIAL, /* 部分达成: 部分达成年度指标并具有一定效果 */
    JX_LEVEL_NOT_MET  /* 未达成: 未达成年度指标且效果较差 */
} jx_level;

#define JX_UNIT_MAX 64

typedef struct jx_value {
    jx_val_kind kind;
    jx_op op;
    jx_dec number;
    char unit[JX_UNIT_MAX]; /* normalised unit: "%", "元/人/天", "" */
    int year, month, day;   /* deadline or date; 0 = not stated */
    bool relative;          /* deadline stated as a period ("1年内完成") */
    jx_level level;         /* level stated by the words, if any */
} jx_value;

/* Parse one cell. text may be NULL (= empty). Never fails: what cannot be
 * read is JX_VAL_UNPARSED or JX_VAL_TEXT. */
void jx_value_parse(const char *text, jx_value *out);

/* The same without looking for achievement words (kind, operator, number,
 * unit and date only; level stays JX_LEVEL_NONE): for telling values from
 * names quickly. */
void jx_value_parse_shape(const char *text, jx_value *out);

/* Sort key of a date value (yyyymmdd; a month alone counts as its last day,
 * "年底" as 12-31). default_year fills a missing year. 0 when unknown. */
long jx_value_date_key(const jx_value *v, int default_year);

/* Can an actual in unit `actual` be compared with a target in unit `target`?
 * On success *num / *den converts the actual into target units
 * (万元 ↔ 元 and any "万"-prefixed unit; "" matches anything). */
bool jx_unit_convert(const char *target, const char *actual, jx_dec *num, jx_dec *den);

/* Readable names, for messages. */
const char *jx_op_symbol(jx_op op);
const char *jx_level_name(jx_level level);
const char *jx_val_kind_name(jx_val_kind kind);

/* Fold full-width ASCII forms (U+FF01–FF5E) and U+3000 to ASCII and drop
 * whitespace, writing at most cap-1 bytes to out. Returns the length. */
size_t jx_value_fold(const char *in, char *out, size_t cap);

#endif
