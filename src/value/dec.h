/* dec.h — exact fixed-point decimals for money, rates and scores.
 *
 * Every number jixiao computes with is a jx_dec: a signed 64-bit integer
 * holding the value times 10^6. For amounts in 万元 that is 1/1,000,000 万元
 * = 0.01 元 = 1 分, so money is exact to the 分; for amounts in 元 it is
 * exact to the micro-yuan. Rates (percent) and scores use the same scale.
 *
 * Rounding happens in exactly one place, jx_dec_ratio(): a quotient of exact
 * products rounded half-up (ties away from zero) to a number of decimals.
 * Nothing in jixiao uses binary floating point for money, rates or scores.
 */
#ifndef JX_DEC_H
#define JX_DEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t jx_dec;

#define JX_DEC_SCALE 1000000LL
#define JX_DEC_DIGITS 6
/* "No value": a stated figure that the document leaves blank. */
#define JX_NONE INT64_MIN
/* Largest magnitude accepted from input (about 9.2 trillion). */
#define JX_DEC_MAX (INT64_MAX / 2)

#define JX_DEC(units) ((jx_dec)(units)*JX_DEC_SCALE)

static inline bool jx_has(jx_dec v)
{
    return v != JX_NONE;
}

/* Parse a plain decimal ("123", "-0.5", "1234.567890"); the whole of
 * [s, s+len) must be the number. More than 6 decimals are rounded half-up.
 * Returns true on success. *decimals (may be NULL) receives the number of
 * decimals as written. */
bool jx_dec_parse(const char *s, size_t len, jx_dec *out, int *decimals);

/* round(a * b / c, decimals) half-up, exact (128-bit intermediate).
 * Returns JX_NONE when c is 0, an input is JX_NONE, or the result overflows. */
jx_dec jx_dec_ratio(jx_dec a, jx_dec b, jx_dec c, int decimals);

/* v rounded half-up to `decimals` (0..6) decimals. */
jx_dec jx_dec_round(jx_dec v, int decimals);

/* a * b rounded to `decimals`; a / b rounded to `decimals`. */
jx_dec jx_dec_mul(jx_dec a, jx_dec b, int decimals);
jx_dec jx_dec_div(jx_dec a, jx_dec b, int decimals);

/* Percentage a / b * 100 rounded to `decimals`. */
jx_dec jx_dec_percent(jx_dec a, jx_dec b, int decimals);

/* Number of decimals needed to write v exactly (0..6). */
int jx_dec_decimals(jx_dec v);

/* Write v with as few decimals as needed ("99.18", "10", "-0.5").
 * buf must hold JX_DEC_BUF bytes. Returns buf. JX_NONE is written "—". */
#define JX_DEC_BUF 32
char *jx_dec_fmt(jx_dec v, char *buf);

/* Write v with exactly `decimals` decimals ("84.20"). */
char *jx_dec_fmt_fixed(jx_dec v, int decimals, char *buf);

jx_dec jx_dec_min(jx_dec a, jx_dec b);
jx_dec jx_dec_max(jx_dec a, jx_dec b);
jx_dec jx_dec_abs(jx_dec a);

#endif
