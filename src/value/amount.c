/* amount.c — parsing amounts as written; see amount.h. */
#include "amount.h"

#include <string.h>

#include "value.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool ends_with(const char *s, size_t len, const char *suffix, size_t *cut)
{
    size_t sl = strlen(suffix);
    if (len >= sl && memcmp(s + len - sl, suffix, sl) == 0) {
        *cut = len - sl;
        return true;
    }
    return false;
}

jx_amount_status jx_amount_parse(const char *text, jx_dec *value, jx_dec *alt)
{
    char s[128];
    size_t len = jx_value_fold(text, s, sizeof s);
    *value = *alt = JX_NONE;
    if (len == 0 || strcmp(s, "—") == 0 || strcmp(s, "——") == 0 || strcmp(s, "-") == 0 ||
        strcmp(s, "/") == 0 || strcmp(s, "--") == 0 || strcmp(s, "无") == 0)
        return JX_AMOUNT_EMPTY;
    size_t cut;
    static const char *units[] = {"万元", "元", "%", "分"};
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (ends_with(s, len, units[i], &cut)) {
            len = cut;
            s[len] = '\0';
            break;
        }
    if (len == 0) return JX_AMOUNT_INVALID;

    /* shape: sign? digits with commas, optional .digits */
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    size_t commas = 0, group = 0, first_group = 0;
    bool point = false, thousands_shape = true;
    char plain[128];
    size_t n = 0;
    if (i) plain[n++] = s[0];
    for (; i < len; i++) {
        char c = s[i];
        if (is_digit(c)) {
            group++;
            plain[n++] = c;
        } else if (c == ',' && !point) {
            if (commas == 0)
                first_group = group;
            else if (group != 3)
                thousands_shape = false;
            if (group == 0) return JX_AMOUNT_INVALID;
            commas++;
            group = 0;
        } else if (c == '.' && !point) {
            if (commas && group != 3) thousands_shape = false;
            point = true;
            plain[n++] = c;
            group = 0;
        } else {
            return JX_AMOUNT_INVALID;
        }
    }
    if (commas && !point && group != 3) thousands_shape = false;
    if (commas && (first_group == 0 || first_group > 3)) thousands_shape = false;
    plain[n] = '\0';

    if (commas && !thousands_shape) {
        /* "12,5": a decimal comma, the only reading */
        if (commas != 1 || point) return JX_AMOUNT_INVALID;
        char dec[128];
        size_t k = 0;
        for (size_t j = 0; j < len; j++)
            dec[k++] = s[j] == ',' ? '.' : s[j];
        dec[k] = '\0';
        return jx_dec_parse(dec, k, value, NULL) ? JX_AMOUNT_OK : JX_AMOUNT_INVALID;
    }
    if (!jx_dec_parse(plain, n, value, NULL)) return JX_AMOUNT_INVALID;
    if (commas == 1 && !point) {
        /* "13,092": thousands, or a comma typed for a decimal point */
        char dec[128];
        size_t k = 0;
        for (size_t j = 0; j < len; j++)
            dec[k++] = s[j] == ',' ? '.' : s[j];
        dec[k] = '\0';
        if (jx_dec_parse(dec, k, alt, NULL) && *alt != *value) return JX_AMOUNT_AMBIGUOUS;
        *alt = JX_NONE; /* "0,000": both readings are 0 */
    }
    return JX_AMOUNT_OK;
}
