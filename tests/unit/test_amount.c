/* test_amount.c — amounts and rates as written in funds tables (src/value/amount.c).
 *
 * jx_amount_parse() reads the figures of a 项目支出绩效自评表's funds block
 * (SPEC §3, §10): thousands separators ("1,234.56"), full-width digits
 * ("１２３．４５"), a trailing unit ("189.132万元", "99.18%"), empty markers
 * ("—", "", "/") and invalid text. A single comma followed by exactly three
 * digits ("13,092") is AMBIGUOUS — 13092 with *alt = 13.092, because seed 002
 * J信用监管经费 typed a comma for a decimal point — while a comma that
 * cannot be a thousands separator ("12,5") is a decimal comma. Every reading
 * must be exact (jx_dec), never rounded through binary floating point.
 */
#include "testutil.h"

#include "value/amount.h"

/* Parse and check status and value (and alt, NULL = must be JX_NONE). */
static void expect_amount(const char *text, jx_amount_status status, const char *value,
                          const char *alt)
{
    jx_dec v = 12345, a = 12345;
    char b1[JX_DEC_BUF], b2[JX_DEC_BUF];
    jx_amount_status s = jx_amount_parse(text, &v, &a);
    if (s != status) fail_msg("\"%s\": status %d, expected %d", text, (int)s, (int)status);
    jx_dec want = value ? D(value) : JX_NONE;
    if (v != want)
        fail_msg("\"%s\": value %s, expected %s", text, jx_dec_fmt(v, b1), value ? value : "none");
    jx_dec want_alt = alt ? D(alt) : JX_NONE;
    if (a != want_alt)
        fail_msg("\"%s\": alt %s, expected %s", text, jx_dec_fmt(a, b2), alt ? alt : "none");
}

static void plain_and_thousands(void **state)
{
    (void)state;
    expect_amount("1,234.56", JX_AMOUNT_OK, "1234.56", NULL);
    expect_amount("1234.56", JX_AMOUNT_OK, "1234.56", NULL);
    expect_amount("145", JX_AMOUNT_OK, "145", NULL);
    expect_amount("0", JX_AMOUNT_OK, "0", NULL);
    expect_amount("0.5", JX_AMOUNT_OK, "0.5", NULL);
    expect_amount("-3.2", JX_AMOUNT_OK, "-3.2", NULL);
    expect_amount("1,234,567", JX_AMOUNT_OK, "1234567", NULL); /* two commas: only thousands */
    expect_amount("1,234,567.89", JX_AMOUNT_OK, "1234567.89", NULL);
    expect_amount(" 190.7 ", JX_AMOUNT_OK, "190.7", NULL);
    expect_amount("12.716", JX_AMOUNT_OK, "12.716", NULL);
}

static void full_width_and_units(void **state)
{
    (void)state;
    expect_amount("１２３．４５", JX_AMOUNT_OK, "123.45", NULL);
    expect_amount("１，２３４．５", JX_AMOUNT_OK, "1234.5", NULL);
    expect_amount("189.132万元", JX_AMOUNT_OK, "189.132", NULL);
    expect_amount("8000元", JX_AMOUNT_OK, "8000", NULL);
    expect_amount("99.18%", JX_AMOUNT_OK, "99.18", NULL);
    expect_amount("99.18％", JX_AMOUNT_OK, "99.18", NULL);
    expect_amount("100%", JX_AMOUNT_OK, "100", NULL);
    expect_amount("9.92分", JX_AMOUNT_OK, "9.92", NULL);
}

static void empty_cells(void **state)
{
    (void)state;
    expect_amount("—", JX_AMOUNT_EMPTY, NULL, NULL);
    expect_amount("——", JX_AMOUNT_EMPTY, NULL, NULL);
    expect_amount("", JX_AMOUNT_EMPTY, NULL, NULL);
    expect_amount("   ", JX_AMOUNT_EMPTY, NULL, NULL);
    expect_amount("　", JX_AMOUNT_EMPTY, NULL, NULL);
    expect_amount("/", JX_AMOUNT_EMPTY, NULL, NULL);
    expect_amount("-", JX_AMOUNT_EMPTY, NULL, NULL);
    expect_amount("无", JX_AMOUNT_EMPTY, NULL, NULL);
    expect_amount(NULL, JX_AMOUNT_EMPTY, NULL, NULL);
}

static void ambiguous_comma(void **state)
{
    (void)state;
    /* 002 J信用监管经费: 13,092 and 1,908 next to a budget of 15 */
    expect_amount("13,092", JX_AMOUNT_AMBIGUOUS, "13092", "13.092");
    expect_amount("1,908", JX_AMOUNT_AMBIGUOUS, "1908", "1.908");
    expect_amount("145,133", JX_AMOUNT_AMBIGUOUS, "145133", "145.133");
    expect_amount("１３，０９２", JX_AMOUNT_AMBIGUOUS, "13092", "13.092");
    expect_amount("13,092万元", JX_AMOUNT_AMBIGUOUS, "13092", "13.092");
    /* a decimal point settles it */
    expect_amount("13,092.5", JX_AMOUNT_OK, "13092.5", NULL);
}

static void decimal_comma(void **state)
{
    (void)state;
    expect_amount("12,5", JX_AMOUNT_OK, "12.5", NULL);
    expect_amount("0,75", JX_AMOUNT_OK, "0.75", NULL);
    expect_amount("12,5%", JX_AMOUNT_OK, "12.5", NULL);
    expect_amount("1234,5678", JX_AMOUNT_OK, "1234.5678", NULL);
}

static void invalid_text(void **state)
{
    (void)state;
    static const char *bad[] = {"abc",
                                "12a",
                                "1.2.3",
                                ",5",
                                "1,,234",
                                "12,5,6",
                                "万元",
                                "%",
                                "约100",
                                "100万元左右",
                                "1 2 3 4 5 6 7 8 9 x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        jx_dec v = 7, a = 7;
        jx_amount_status s = jx_amount_parse(bad[i], &v, &a);
        if (s != JX_AMOUNT_INVALID) fail_msg("\"%s\": status %d, expected invalid", bad[i], (int)s);
        if (v != JX_NONE || a != JX_NONE)
            fail_msg("\"%s\": an invalid cell must leave no value", bad[i]);
    }
}

static void out_of_range(void **state)
{
    (void)state;
    jx_dec v, a;
    assert_int_equal(jx_amount_parse("99999999999999999999", &v, &a), JX_AMOUNT_INVALID);
    assert_true(v == JX_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_and_thousands), cmocka_unit_test(full_width_and_units),
        cmocka_unit_test(empty_cells),         cmocka_unit_test(ambiguous_comma),
        cmocka_unit_test(decimal_comma),       cmocka_unit_test(invalid_text),
        cmocka_unit_test(out_of_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
