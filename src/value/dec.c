/* dec.c — exact fixed-point decimals; the one place where jixiao rounds.
 *
 * Rounding rule (SPEC §5): half-up to the stated number of decimals, ties
 * away from zero (2.345 -> 2.35, -2.345 -> -2.35). It is applied to an exact
 * rational quotient, never to an already rounded intermediate, so
 * 10 * 2.0595 / 3 = 6.865 exactly rounds to 6.87.
 */
#include "dec.h"

#include <stdio.h>
#include <string.h>

__extension__ typedef __int128 jx_i128;

static const int64_t pow10_table[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

/* num / den rounded half away from zero. den != 0. */
static jx_i128 div_half_up(jx_i128 num, jx_i128 den)
{
    if (den < 0) {
        num = -num;
        den = -den;
    }
    jx_i128 mag = num < 0 ? -num : num;
    jx_i128 q = (mag * 2 + den) / (den * 2);
    return num < 0 ? -q : q;
}

static jx_dec from_i128(jx_i128 v)
{
    if (v > JX_DEC_MAX || v < -JX_DEC_MAX) return JX_NONE;
    return (jx_dec)v;
}

jx_dec jx_dec_ratio(jx_dec a, jx_dec b, jx_dec c, int decimals)
{
    if (!jx_has(a) || !jx_has(b) || !jx_has(c) || c == 0) return JX_NONE;
    if (decimals < 0) decimals = 0;
    if (decimals > JX_DEC_DIGITS) decimals = JX_DEC_DIGITS;
    /* a*b/c is in units of 10^-6; round to 10^-decimals then rescale. */
    int64_t unit = pow10_table[JX_DEC_DIGITS - decimals];
    jx_i128 num = (jx_i128)a * (jx_i128)b;
    jx_i128 den = (jx_i128)c * (jx_i128)unit;
    return from_i128(div_half_up(num, den) * unit);
}

jx_dec jx_dec_round(jx_dec v, int decimals)
{
    return jx_dec_ratio(v, 1, 1, decimals);
}

jx_dec jx_dec_mul(jx_dec a, jx_dec b, int decimals)
{
    return jx_dec_ratio(a, b, JX_DEC_SCALE, decimals);
}

jx_dec jx_dec_div(jx_dec a, jx_dec b, int decimals)
{
    return jx_dec_ratio(a, JX_DEC_SCALE, b, decimals);
}

jx_dec jx_dec_percent(jx_dec a, jx_dec b, int decimals)
{
    return jx_dec_ratio(a, JX_DEC(100), b, decimals);
}

bool jx_dec_parse(const char *s, size_t len, jx_dec *out, int *decimals)
{
    size_t i = 0;
    bool neg = false;
    if (i < len && (s[i] == '-' || s[i] == '+')) {
        neg = s[i] == '-';
        i++;
    }
    jx_i128 units = 0;
    int digits = 0, frac = 0;
    bool seen_point = false, round_up = false;
    for (; i < len; i++) {
        char ch = s[i];
        if (ch == '.' && !seen_point) {
            seen_point = true;
            continue;
        }
        if (ch < '0' || ch > '9') return false;
        digits++;
        if (seen_point) {
            frac++;
            if (frac > JX_DEC_DIGITS) {
                if (frac == JX_DEC_DIGITS + 1) round_up = ch >= '5';
                continue;
            }
        }
        units = units * 10 + (ch - '0');
        if (units > (jx_i128)JX_DEC_MAX * 10) return false;
    }
    if (digits == 0) return false;
    int kept = frac > JX_DEC_DIGITS ? JX_DEC_DIGITS : frac;
    units *= pow10_table[JX_DEC_DIGITS - kept];
    if (round_up) units += 1;
    if (units > JX_DEC_MAX) return false;
    *out = (jx_dec)(neg ? -units : units);
    if (decimals) *decimals = frac;
    return true;
}

int jx_dec_decimals(jx_dec v)
{
    if (!jx_has(v)) return 0;
    int64_t frac = (v < 0 ? -v : v) % JX_DEC_SCALE;
    int d = JX_DEC_DIGITS;
    while (d > 0 && frac % 10 == 0) {
        frac /= 10;
        d--;
    }
    return d;
}

char *jx_dec_fmt_fixed(jx_dec v, int decimals, char *buf)
{
    if (!jx_has(v)) {
        snprintf(buf, JX_DEC_BUF, "—");
        return buf;
    }
    if (decimals < 0) decimals = 0;
    if (decimals > JX_DEC_DIGITS) decimals = JX_DEC_DIGITS;
    jx_dec r = decimals == JX_DEC_DIGITS ? v : jx_dec_round(v, decimals);
    uint64_t mag = r < 0 ? (uint64_t)(-(r)) : (uint64_t)r;
    uint64_t whole = mag / JX_DEC_SCALE, frac = mag % JX_DEC_SCALE;
    /* written backwards into tmp, then copied: this is on the output hot path */
    char tmp[JX_DEC_BUF];
    int n = 0;
    if (decimals > 0) {
        frac /= (uint64_t)pow10_table[JX_DEC_DIGITS - decimals];
        for (int i = 0; i < decimals; i++, frac /= 10)
            tmp[n++] = (char)('0' + frac % 10);
        tmp[n++] = '.';
    }
    do {
        tmp[n++] = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole);
    if (r < 0) tmp[n++] = '-';
    for (int i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return buf;
}

char *jx_dec_fmt(jx_dec v, char *buf)
{
    return jx_dec_fmt_fixed(v, jx_dec_decimals(v), buf);
}

jx_dec jx_dec_min(jx_dec a, jx_dec b)
{
    return a < b ? a : b;
}

jx_dec jx_dec_max(jx_dec a, jx_dec b)
{
    return a > b ? a : b;
}

jx_dec jx_dec_abs(jx_dec a)
{
    return a < 0 ? -a : a;
}
