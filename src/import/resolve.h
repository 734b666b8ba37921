/* resolve.h — choosing between readings of ambiguous amounts in a funds row.
 *
 * A cell like "13,092" reads as 13092 or 13.092 (see value/amount.h). The
 * reading that makes the row's own arithmetic hold (结余 = 预算 − 执行,
 * 执行 ≤ 预算, the stated 执行率) is chosen, and a NUMBER-AMBIGUOUS warning
 * says which and why. Used by every importer.
 */
#ifndef JX_RESOLVE_H
#define JX_RESOLVE_H

#include "../model/project.h"

enum { JX_F_BUDGET_INITIAL, JX_F_BUDGET, JX_F_EXECUTED, JX_F_BALANCE, JX_F_RATE, JX_F_COUNT };

typedef struct jx_funds_cells {
    const char *text[JX_F_COUNT]; /* the cell as written (for messages) */
    jx_dec alt[JX_F_COUNT];       /* decimal reading where ambiguous, else JX_NONE */
} jx_funds_cells;

void jx_funds_cells_init(jx_funds_cells *c);
/* Pick readings for ambiguous cells; p->funds holds the thousands readings on entry. */
void jx_funds_resolve(jx_project *p, const jx_funds_cells *c);

#endif
