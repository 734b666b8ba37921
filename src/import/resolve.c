/* resolve.c — ambiguous amounts decided by the row's arithmetic; see resolve.h. */
#include "resolve.h"

#include <string.h>

static const char *const FIELD[JX_F_COUNT] = {"budget_initial", "budget", "executed", "balance",
                                              "execution_rate"};
static const char *const LABEL[JX_F_COUNT] = {"年初预算数", "全年预算数", "全年执行数", "资金结余",
                                              "执行率"};

void jx_funds_cells_init(jx_funds_cells *c)
{
    for (int i = 0; i < JX_F_COUNT; i++) {
        c->text[i] = NULL;
        c->alt[i] = JX_NONE;
    }
}

static jx_dec *slot(jx_funds *f, int i)
{
    switch (i) {
    case JX_F_BUDGET_INITIAL:
        return &f->budget_initial;
    case JX_F_BUDGET:
        return &f->budget;
    case JX_F_EXECUTED:
        return &f->executed;
    case JX_F_BALANCE:
        return &f->balance;
    default:
        return &f->execution_rate;
    }
}

/* How well a candidate row agrees with itself. */
static int consistency(const jx_dec v[JX_F_COUNT])
{
    int score = 0;
    jx_dec b = v[JX_F_BUDGET], e = v[JX_F_EXECUTED], bal = v[JX_F_BALANCE], r = v[JX_F_RATE];
    if (jx_has(b) && jx_has(e) && jx_has(bal) && bal == b - e) score += 2;
    if (jx_has(b) && jx_has(e) && e <= b) score += 1;
    if (jx_has(b) && jx_has(bal) && bal <= b && bal >= 0) score += 1;
    if (jx_has(b) && jx_has(e) && jx_has(r) && b > 0) {
        jx_dec exact = jx_dec_percent(e, b, 2);
        if (jx_dec_abs(exact - r) <= JX_DEC_SCALE / 100) score += 2;
    }
    if (jx_has(v[JX_F_BUDGET_INITIAL]) && jx_has(b) && v[JX_F_BUDGET_INITIAL] == b) score += 1;
    return score;
}

void jx_funds_resolve(jx_project *p, const jx_funds_cells *c)
{
    int amb[JX_F_COUNT], n = 0;
    for (int i = 0; i < JX_F_COUNT; i++)
        if (jx_has(c->alt[i])) amb[n++] = i;
    if (n == 0) return;
    jx_dec base[JX_F_COUNT];
    for (int i = 0; i < JX_F_COUNT; i++)
        base[i] = *slot(&p->funds, i);
    unsigned best_mask = 0;
    int best = -1;
    for (unsigned mask = 0; mask < (1u << n); mask++) {
        jx_dec v[JX_F_COUNT];
        memcpy(v, base, sizeof v);
        for (int k = 0; k < n; k++)
            if (mask & (1u << k)) v[amb[k]] = c->alt[amb[k]];
        int s = consistency(v);
        if (s > best) { /* ties keep the earlier mask: thousands readings first */
            best = s;
            best_mask = mask;
        }
    }
    for (int k = 0; k < n; k++) {
        int i = amb[k];
        bool decimal = best_mask & (1u << k);
        if (decimal) *slot(&p->funds, i) = c->alt[i];
        char a[JX_DEC_BUF], b[JX_DEC_BUF];
        jx_finding_addf(p, "NUMBER-AMBIGUOUS", JX_SEV_WARNING, -1, FIELD[i],
                        "%s written \"%s\" could be %s or %s; read as %s, the reading the row's "
                        "figures agree with%s",
                        "%s 写作「%s」, 可读作 %s 或 %s; 按本行数据关系读作 %s%s, 请核实", LABEL[i],
                        c->text[i] ? c->text[i] : "", jx_dec_fmt(base[i], a),
                        jx_dec_fmt(c->alt[i], b), decimal ? b : a,
                        decimal ? " (逗号疑为小数点 / comma taken as a decimal point)" : "");
    }
}
