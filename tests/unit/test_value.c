/* test_value.c — the target/actual cell parser of SPEC §4 (src/value/value.c).
 *
 * jx_value_parse() must turn every form of 指标值 / 实际完成值 seen in the
 * seeds into the right kind: quantitative cells (operator, exact number,
 * normalised unit — "≥95%", "＜220", "≤400元/天/人" → "元/人/天",
 * "元/人/次≤400元/人/次", word operators 不低于 / 控制在…以内 / …以上),
 * unit-only cells whose number was lost ("≥次", "=%"), deadlines (absolute
 * dates, months, 年底, relative periods), achievement levels (达成 / 部分达成 /
 * 未达成), plain qualitative words, empty markers and unreadable measures.
 * It also covers jx_unit_convert() (万元 ↔ 元, "" matches anything,
 * different units refuse), jx_value_date_key() (the sort key of a deadline)
 * and jx_value_fold() (full-width folding, whitespace removal, bounded
 * output that never splits a UTF-8 sequence).
 */
#include "testutil.h"

#include "value/value.h"

static const char *kind_name(jx_val_kind k)
{
    return jx_val_kind_name(k);
}

/* Parse `text` and fail (naming the input) unless it is a number with this
 * operator, number and unit. */
static void expect_number(const char *text, jx_op op, const char *number, const char *unit)
{
    jx_value v;
    jx_value_parse(text, &v);
    char a[JX_DEC_BUF];
    if (v.kind != JX_VAL_NUMBER)
        fail_msg("\"%s\": kind %s, expected number", text, kind_name(v.kind));
    if (v.op != op)
        fail_msg("\"%s\": operator \"%s\" (%d), expected \"%s\" (%d)", text, jx_op_symbol(v.op),
                 (int)v.op, jx_op_symbol(op), (int)op);
    if (v.number != D(number))
        fail_msg("\"%s\": number %s, expected %s", text, jx_dec_fmt(v.number, a), number);
    if (strcmp(v.unit, unit) != 0)
        fail_msg("\"%s\": unit \"%s\", expected \"%s\"", text, v.unit, unit);
}

static void expect_unit_only(const char *text, jx_op op, const char *unit)
{
    jx_value v;
    jx_value_parse(text, &v);
    if (v.kind != JX_VAL_UNIT_ONLY)
        fail_msg("\"%s\": kind %s, expected unit-only", text, kind_name(v.kind));
    if (v.op != op) fail_msg("\"%s\": operator %d, expected %d", text, (int)v.op, (int)op);
    if (v.number != JX_NONE) fail_msg("\"%s\": a unit-only value must carry no number", text);
    if (strcmp(v.unit, unit) != 0)
        fail_msg("\"%s\": unit \"%s\", expected \"%s\"", text, v.unit, unit);
}

static void expect_deadline(const char *text, int year, int month, int day, bool relative)
{
    jx_value v;
    jx_value_parse(text, &v);
    if (v.kind != JX_VAL_DEADLINE)
        fail_msg("\"%s\": kind %s, expected deadline", text, kind_name(v.kind));
    if (v.year != year || v.month != month || v.day != day || v.relative != relative)
        fail_msg("\"%s\": %d-%d-%d relative=%d, expected %d-%d-%d relative=%d", text, v.year,
                 v.month, v.day, (int)v.relative, year, month, day, (int)relative);
}

static void expect_kind(const char *text, jx_val_kind kind)
{
    jx_value v;
    jx_value_parse(text, &v);
    if (v.kind != kind)
        fail_msg("\"%s\": kind %s, expected %s", text, kind_name(v.kind), kind_name(kind));
}

static void expect_level(const char *text, jx_level level)
{
    jx_value v;
    jx_value_parse(text, &v);
    if (v.kind != JX_VAL_LEVEL)
        fail_msg("\"%s\": kind %s, expected level", text, kind_name(v.kind));
    if (v.level != level)
        fail_msg("\"%s\": level \"%s\", expected \"%s\"", text, jx_level_name(v.level),
                 jx_level_name(level));
}

/* ---- quantitative ------------------------------------------------------- */

static void symbol_operators_from_the_spec(void **state)
{
    (void)state;
    expect_number("≥95%", JX_OP_GE, "95", "%");
    expect_number("≥300个", JX_OP_GE, "300", "个");
    expect_number("＜220", JX_OP_LT, "220", "");
    expect_number("＞5", JX_OP_GT, "5", "");
    expect_number("<13万元", JX_OP_LT, "13", "万元");
    expect_number(">1次", JX_OP_GT, "1", "次");
    expect_number("=100%", JX_OP_EQ, "100", "%");
    expect_number("═1套", JX_OP_EQ, "1", "套");
    expect_number("≧90%", JX_OP_GE, "90", "%");
    expect_number("≦5小时", JX_OP_LE, "5", "小时");
    expect_number(">=80%", JX_OP_GE, "80", "%");
    expect_number("<=3天", JX_OP_LE, "3", "天");
    expect_number("≤6000元/件", JX_OP_LE, "6000", "元/件");
    expect_number("≥1600家", JX_OP_GE, "1600", "家");
    expect_number("=1套", JX_OP_EQ, "1", "套");
    expect_number("≈100%", JX_OP_APPROX, "100", "%");
    expect_number("≥91.47%", JX_OP_GE, "91.47", "%");
    expect_number("=53.758", JX_OP_EQ, "53.758", "");
    expect_number("≤0万", JX_OP_LE, "0", "万");
}

static void units_are_normalised(void **state)
{
    (void)state;
    /* denominators sorted: 元/天/人 and 元/人/天 are the same unit */
    expect_number("≤400元/天/人", JX_OP_LE, "400", "元/人/天");
    expect_number("≤400元/人/天", JX_OP_LE, "400", "元/人/天");
    /* "每" dropped */
    expect_number("≤2.5万元/每家", JX_OP_LE, "2.5", "万元/家");
    /* a unit with no numerator */
    expect_number("=60/次", JX_OP_EQ, "60", "/次");
    /* trailing separator dropped */
    expect_number("400元/人/", JX_OP_NONE, "400", "元/人");
    /* "、" and "·" are separators */
    expect_number("≤150元、月", JX_OP_LE, "150", "元/月");
    expect_number("≤280元/人·天", JX_OP_LE, "280", "元/人/天");
    /* notes in brackets dropped */
    expect_number("≤1172元/批次(平均值)", JX_OP_LE, "1172", "元/批次");
    /* full-width slash */
    expect_number("≤460元／人／天", JX_OP_LE, "460", "元/人/天");
}

static void unit_before_the_operator(void **state)
{
    (void)state;
    /* 002: "元/人/次≤400元/人/次" — the prefix repeats the unit */
    expect_number("元/人/次≤400元/人/次", JX_OP_LE, "400", "元/人/次");
    /* prefix only: it is the unit */
    expect_number("元/人≤400", JX_OP_LE, "400", "元/人");
}

static void word_operators(void **state)
{
    (void)state;
    expect_number("不低于95%", JX_OP_GE, "95", "%");
    expect_number("不少于10次", JX_OP_GE, "10", "次");
    expect_number("不高于5%", JX_OP_LE, "5", "%");
    expect_number("不超过3天", JX_OP_LE, "3", "天");
    expect_number("控制在5%以内", JX_OP_LE, "5", "%");
    expect_number("95%以上", JX_OP_GE, "95", "%");
    expect_number("10次以下", JX_OP_LE, "10", "次");
    expect_number("大于等于90%", JX_OP_GE, "90", "%");
}

static void plain_numbers_and_full_width(void **state)
{
    (void)state;
    expect_number("１２３．４５万元", JX_OP_NONE, "123.45", "万元");
    expect_number("＝１００％", JX_OP_EQ, "100", "%");
    expect_number("≥2,161家次", JX_OP_GE, "2161", "家次");
    expect_number("281家次", JX_OP_NONE, "281", "家次");
    expect_number("87.12%", JX_OP_NONE, "87.12", "%");
    expect_number("220", JX_OP_NONE, "220", "");
    expect_number("2024", JX_OP_NONE, "2024", ""); /* four digits alone: a count, not a date */
    expect_number("1000.5万元", JX_OP_NONE, "1000.5", "万元");
    /* whitespace and U+3000 are ignored */
    expect_number(" ≥ 95 % ", JX_OP_GE, "95", "%");
    expect_number("≥\xe3\x80\x80"
                  "300\t个\n",
                  JX_OP_GE, "300", "个");
    /* the operator of an actual is kept by the parser (scoring ignores it) */
    expect_number("≥281家次", JX_OP_GE, "281", "家次");
    expect_number("-5%", JX_OP_NONE, "-5", "%");
}

static void a_duration_is_a_number_not_a_date(void **state)
{
    (void)state;
    /* A target "≥5年" is a quantity of years; the actual "5年" must read as the
     * same kind of thing or the pair cannot be scored. A year number below
     * 1000 is not a calendar year. */
    /* a calendar year and a period stay deadlines */
    expect_deadline("2024年", 2024, 0, 0, false);
    expect_deadline("1年内完成", 0, 0, 0, true);
    expect_number("≥5年", JX_OP_GE, "5", "年");
    expect_number("5年", JX_OP_NONE, "5", "年");
    expect_number("10年", JX_OP_NONE, "10", "年");
}

/* ---- unit-only and unparsed --------------------------------------------- */

static void unit_only_cells(void **state)
{
    (void)state;
    expect_unit_only("≥次", JX_OP_GE, "次");
    expect_unit_only("=%", JX_OP_EQ, "%");
    expect_unit_only("≥家次", JX_OP_GE, "家次");
    expect_unit_only("≤万/件", JX_OP_LE, "万/件");
    expect_unit_only("≤元/人/天", JX_OP_LE, "元/人/天");
    expect_unit_only("≤元、月", JX_OP_LE, "元/月");
    expect_unit_only("=元/人/", JX_OP_EQ, "元/人");
    expect_unit_only("＞次", JX_OP_GT, "次");
    expect_unit_only("≥ 批次", JX_OP_GE, "批次");
}

static void unreadable_measures_are_unparsed(void **state)
{
    (void)state;
    /* an operator followed by a sentence, not a unit */
    expect_kind("≥这是一段很长的文字说明而不是任何计量单位", JX_VAL_UNPARSED);
    /* a number too large to hold */
    expect_kind("≥99999999999999999999999", JX_VAL_UNPARSED);
}

static void header_example_unparsed(void **state)
{
    (void)state;
    /* value.h gives "≥不低" as the example of JX_VAL_UNPARSED: an operator
     * followed by operator words is not a unit */
    expect_kind("≥不低", JX_VAL_UNPARSED);
}

/* ---- deadlines ----------------------------------------------------------- */

static void deadlines(void **state)
{
    (void)state;
    expect_deadline("2024年12月31日前", 2024, 12, 31, false);
    expect_deadline("2024年12月31日", 2024, 12, 31, false);
    expect_deadline("2024年7月前", 2024, 7, 0, false);
    expect_deadline("2024年底前", 2024, 12, 31, false);
    expect_deadline("2024年底", 2024, 12, 31, false);
    expect_deadline("12月31日前", 0, 12, 31, false);
    expect_deadline("12月前", 0, 12, 0, false);
    expect_deadline("10月底前", 0, 10, 31, false);
    expect_deadline("1年内完成", 0, 0, 0, true);
    expect_deadline("3个月内", 0, 0, 0, true);
    expect_deadline("30日内", 0, 0, 0, true);
    expect_deadline("2024.12.31", 2024, 12, 31, false);
    expect_deadline("2024-06-30", 2024, 6, 30, false);
    expect_deadline("2024/7/1", 2024, 7, 1, false);
    expect_deadline("２０２４年１２月１５日前", 2024, 12, 15, false);
    expect_deadline("2024年12月15号", 2024, 12, 15, false);
    /* not dates */
    expect_kind("13月前", JX_VAL_NUMBER); /* no month 13: a number with a unit */
    expect_kind("2024.13.01", JX_VAL_NUMBER);
}

static void date_keys(void **state)
{
    (void)state;
    jx_value v;
    jx_value_parse("2024年12月31日前", &v);
    assert_int_equal(jx_value_date_key(&v, 2023), 20241231L);
    jx_value_parse("2024年7月前", &v); /* a month alone counts as its last day */
    assert_int_equal(jx_value_date_key(&v, 0), 20240731L);
    jx_value_parse("2024年底前", &v);
    assert_int_equal(jx_value_date_key(&v, 0), 20241231L);
    jx_value_parse("12月15日前", &v); /* the year comes from the caller */
    assert_int_equal(jx_value_date_key(&v, 2024), 20241215L);
    assert_int_equal(jx_value_date_key(&v, 0), 0L);
    jx_value_parse("2024.6.30", &v);
    assert_int_equal(jx_value_date_key(&v, 0), 20240630L);
    jx_value_parse("1年内完成", &v); /* relative: no date */
    assert_int_equal(jx_value_date_key(&v, 2024), 0L);
    jx_value_parse("≥95%", &v); /* not a deadline */
    assert_int_equal(jx_value_date_key(&v, 2024), 0L);
    /* ordering: done before due */
    jx_value a, b;
    jx_value_parse("2024年10月31日", &a);
    jx_value_parse("2024年10月前", &b);
    assert_true(jx_value_date_key(&a, 0) <= jx_value_date_key(&b, 0));
    jx_value_parse("2024年11月1日", &a);
    assert_true(jx_value_date_key(&a, 0) > jx_value_date_key(&b, 0));
}

/* ---- qualitative --------------------------------------------------------- */

static void achievement_levels(void **state)
{
    (void)state;
    expect_level("达成预期指标", JX_LEVEL_MET);
    expect_level("完成预期指标", JX_LEVEL_MET);
    expect_level("达成年度指标", JX_LEVEL_MET);
    expect_level("完成", JX_LEVEL_MET);
    expect_level("部分达成年度指标并具有一定效果", JX_LEVEL_PARTIAL);
    expect_level("达成预期指标并具有一定效果", JX_LEVEL_PARTIAL);
    expect_level("未达成年度指标且效果较差", JX_LEVEL_NOT_MET);
    expect_level("未完成预期指标且效果较差", JX_LEVEL_NOT_MET);
    expect_level("　达成 预期指标　", JX_LEVEL_MET);
    /* a level word inside another kind of cell is still recorded */
    jx_value v;
    jx_value_parse("1年内完成", &v);
    assert_int_equal(v.kind, JX_VAL_DEADLINE);
    assert_int_equal(v.level, JX_LEVEL_MET);
}

static void qualitative_words_are_text(void **state)
{
    (void)state;
    static const char *words[] = {"不断提高", "长期",       "有效",
                                  "逐步提高", "达规定标准", "按政策规定"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        jx_value v;
        jx_value_parse(words[i], &v);
        if (v.kind != JX_VAL_TEXT)
            fail_msg("\"%s\": kind %s, expected text", words[i], kind_name(v.kind));
        if (v.level != JX_LEVEL_NONE)
            fail_msg("\"%s\": a target word must state no level", words[i]);
        if (v.number != JX_NONE || v.op != JX_OP_NONE)
            fail_msg("\"%s\": text must carry no measure", words[i]);
    }
    /* a number followed by a sentence is words, not a measure with a long unit */
    expect_kind("95%以上的企业对服务表示满意并愿意继续参与下一年度项目", JX_VAL_TEXT);
}

static void empty_markers(void **state)
{
    (void)state;
    static const char *empty[] = {"", "/", "……", "—", "——", "-", "  ", "　", "…", "无", "／"};
    for (size_t i = 0; i < sizeof empty / sizeof *empty; i++)
        expect_kind(empty[i], JX_VAL_EMPTY);
    jx_value v;
    jx_value_parse(NULL, &v);
    assert_int_equal(v.kind, JX_VAL_EMPTY);
    assert_true(v.number == JX_NONE);
    assert_int_equal(v.level, JX_LEVEL_NONE);
}

static void parse_resets_the_whole_value(void **state)
{
    (void)state;
    jx_value v;
    memset(&v, 0x5a, sizeof v);
    jx_value_parse("不断提高", &v);
    assert_int_equal(v.kind, JX_VAL_TEXT);
    assert_int_equal(v.op, JX_OP_NONE);
    assert_true(v.number == JX_NONE);
    assert_string_equal(v.unit, "");
    assert_int_equal(v.year, 0);
    assert_int_equal(v.month, 0);
    assert_int_equal(v.day, 0);
    assert_false(v.relative);
    /* an over-long cell is read without overflow */
    char big[4096];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    jx_value_parse(big, &v);
    assert_int_equal(v.kind, JX_VAL_TEXT);
}

/* ---- units --------------------------------------------------------------- */

static void unit_conversion(void **state)
{
    (void)state;
    jx_dec num = -1, den = -1;
    /* target 万元, actual 元: actual × 1 / 10000 */
    assert_true(jx_unit_convert("万元", "元", &num, &den));
    assert_true(num == 1);
    assert_true(den == 10000);
    /* target 元, actual 万元 */
    assert_true(jx_unit_convert("元", "万元", &num, &den));
    assert_true(num == 10000);
    assert_true(den == 1);
    /* "万" is shorthand for 万元 */
    assert_true(jx_unit_convert("万", "万元", &num, &den));
    assert_true(num == den);
    assert_true(jx_unit_convert("万/件", "元/件", &num, &den));
    assert_true(num == 1 && den == 10000);
    /* "" matches anything, without conversion */
    assert_true(jx_unit_convert("", "个", &num, &den));
    assert_true(num == 1 && den == 1);
    assert_true(jx_unit_convert("%", "", &num, &den));
    assert_true(num == 1 && den == 1);
    /* the same unit */
    assert_true(jx_unit_convert("元/人/天", "元/人/天", &num, &den));
    assert_true(num == 1 && den == 1);
    /* different units */
    assert_false(jx_unit_convert("次", "天", &num, &den));
    assert_false(jx_unit_convert("%", "个", &num, &den));
    assert_false(jx_unit_convert("元/人", "元/件", &num, &den));
    assert_false(jx_unit_convert("万元", "次", &num, &den));
}

static void units_of_parsed_pairs_convert(void **state)
{
    (void)state;
    /* what the scorer does: a target in 万元 and an actual in 元 */
    jx_value t, a;
    jx_value_parse("≤2.5万元/每家", &t);
    jx_value_parse("18000元/家", &a);
    jx_dec num, den;
    assert_true(jx_unit_convert(t.unit, a.unit, &num, &den));
    assert_dec_equal(jx_dec_ratio(a.number, num, den, 6), "1.8");
    jx_value_parse("≤400元/天/人", &t);
    jx_value_parse("380元/人/天", &a);
    assert_true(jx_unit_convert(t.unit, a.unit, &num, &den));
    assert_true(num == den);
}

/* ---- folding -------------------------------------------------------------- */

static void fold_full_width_and_spaces(void **state)
{
    (void)state;
    char out[64];
    assert_int_equal(jx_value_fold("１２３．４５", out, sizeof out), 6);
    assert_string_equal(out, "123.45");
    jx_value_fold("＜２２０，％！～", out, sizeof out);
    assert_string_equal(out, "<220,%!~");
    jx_value_fold(" a\tb\r\nc\xe3\x80\x80"
                  "d\xc2\xa0"
                  "e",
                  out, sizeof out);
    assert_string_equal(out, "abcde");
    /* characters outside U+FF01–FF5E are copied unchanged */
    jx_value_fold("≥万元｟", out, sizeof out);
    assert_string_equal(out, "≥万元｟");
    assert_int_equal(jx_value_fold(NULL, out, sizeof out), 0);
    assert_string_equal(out, "");
}

static void fold_is_bounded(void **state)
{
    (void)state;
    char out[8];
    memset(out, 'z', sizeof out);
    assert_int_equal(jx_value_fold("abcdef", out, 4), 3);
    assert_string_equal(out, "abc");
    /* never splits a UTF-8 sequence: "中文" needs 7 bytes with the NUL */
    assert_int_equal(jx_value_fold("中文", out, 6), 3);
    assert_string_equal(out, "中");
    assert_int_equal(jx_value_fold("中文", out, 7), 6);
    assert_string_equal(out, "中文");
    /* a folded full-width character takes one byte */
    assert_int_equal(jx_value_fold("１２３", out, 4), 3);
    assert_string_equal(out, "123");
    assert_int_equal(jx_value_fold("x", out, 1), 0);
    assert_string_equal(out, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(symbol_operators_from_the_spec),
        cmocka_unit_test(units_are_normalised),
        cmocka_unit_test(unit_before_the_operator),
        cmocka_unit_test(word_operators),
        cmocka_unit_test(plain_numbers_and_full_width),
        cmocka_unit_test(a_duration_is_a_number_not_a_date),
        cmocka_unit_test(unit_only_cells),
        cmocka_unit_test(unreadable_measures_are_unparsed),
        cmocka_unit_test(header_example_unparsed),
        cmocka_unit_test(deadlines),
        cmocka_unit_test(date_keys),
        cmocka_unit_test(achievement_levels),
        cmocka_unit_test(qualitative_words_are_text),
        cmocka_unit_test(empty_markers),
        cmocka_unit_test(parse_resets_the_whole_value),
        cmocka_unit_test(unit_conversion),
        cmocka_unit_test(units_of_parsed_pairs_convert),
        cmocka_unit_test(fold_full_width_and_spaces),
        cmocka_unit_test(fold_is_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
