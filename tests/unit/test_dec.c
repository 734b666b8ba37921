/* test_dec.c — exact decimals and the one rounding rule. */
#include "testutil.h"

static void rounding_is_half_up_on_the_exact_quotient(void **state)
{
    (void)state;
    /* SPEC/issue: budget 3, executed 2.0595 → 68.65% → 6.87 (binary floating point gets 6.86) */
    assert_dec_equal(jx_dec_ratio(D("10"), D("2.0595"), D("3"), 2), "6.87");
    assert_dec_equal(jx_dec_percent(D("2.0595"), D("3"), 2), "68.65");
    assert_dec_equal(jx_dec_round(D("2.345"), 2), "2.35");
    assert_dec_equal(jx_dec_round(D("-2.345"), 2), "-2.35");
    assert_dec_equal(jx_dec_round(D("2.344999"), 2), "2.34");
    assert_dec_equal(jx_dec_ratio(D("10"), D("189.132"), D("190.7"), 2), "9.92");
    assert_dec_equal(jx_dec_ratio(D("10"), D("13.092"), D("15"), 2), "8.73");
    assert_dec_equal(jx_dec_ratio(D("10"), D("12.716"), D("102"), 2), "1.25");
    assert_dec_equal(jx_dec_ratio(D("10"), D("38.76"), D("46"), 2), "8.43");
    assert_true(jx_dec_ratio(D("1"), D("1"), 0, 2) == JX_NONE);
}

static void parse_and_format_are_exact(void **state)
{
    (void)state;
    char b[JX_DEC_BUF];
    jx_dec v;
    int decimals;
    assert_true(jx_dec_parse("189.132", 7, &v, &decimals));
    assert_int_equal(decimals, 3);
    assert_string_equal(jx_dec_fmt(v, b), "189.132");
    assert_string_equal(jx_dec_fmt(D("99.180"), b), "99.18");
    assert_string_equal(jx_dec_fmt(D("-0.5"), b), "-0.5");
    assert_string_equal(jx_dec_fmt(D("10"), b), "10");
    assert_string_equal(jx_dec_fmt_fixed(D("84.2"), 2, b), "84.20");
    assert_string_equal(jx_dec_fmt(JX_NONE, b), "—");
    assert_true(jx_dec_parse("0.0000005", 9, &v, NULL)); /* 7th decimal rounds */
    assert_string_equal(jx_dec_fmt(v, b), "0.000001");
    assert_false(jx_dec_parse("", 0, &v, NULL));
    assert_false(jx_dec_parse("1.2.3", 5, &v, NULL));
    assert_false(jx_dec_parse("12a", 3, &v, NULL));
    assert_false(jx_dec_parse("99999999999999999999", 20, &v, NULL)); /* overflow */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rounding_is_half_up_on_the_exact_quotient),
        cmocka_unit_test(parse_and_format_are_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
