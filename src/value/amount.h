/* amount.h — amounts and rates as people write them in tables.
 *
 * "1,234.56", "１２３．４５", "189.132万元", "99.18%", "—" and blanks. A figure
 * such as "13,092" is ambiguous: a thousands separator (13092) or a
 * mistyped decimal point (13.092; seed 002 J信用监管经费 next to a budget of
 * 15). The parser returns both readings; the caller decides with the row's
 * own arithmetic (jx_funds_resolve) and reports NUMBER-AMBIGUOUS.
 */
#ifndef JX_AMOUNT_H
#define JX_AMOUNT_H

#include <stdbool.h>

#include "dec.h"

typedef enum {
    JX_AMOUNT_OK,        /* one reading, in *value */
    JX_AMOUNT_EMPTY,     /* blank, "—", "/": no figure */
    JX_AMOUNT_AMBIGUOUS, /* *value = thousands reading, *alt = decimal reading */
    JX_AMOUNT_INVALID    /* not a number */
} jx_amount_status;

/* Parse a cell. A trailing unit (万元, 元, %) is accepted and ignored. */
jx_amount_status jx_amount_parse(const char *text, jx_dec *value, jx_dec *alt);

#endif
