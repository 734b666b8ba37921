/* identities.c — the arithmetic a 决算 disclosure must satisfy (SPEC §9).
 *
 * Within a table: the balances of 公开01/04 (收入总计 = 本年收入合计 + 使用非
 * 财政拨款结余 + 年初结转和结余 …), row sums (本年支出合计 = 基本支出 + 项目
 * 支出 …), code hierarchies (类 = Σ款, 款 = Σ项, 合计 = Σ类; economic 类 =
 * Σ款), 人员经费/公用经费 totals, 三公 and 政府采购 sums, 车辆 counts.
 * Across tables: the same figure wherever it appears (公开01 本年收入合计 =
 * 公开02 合计, each 类 of 公开01 = 公开03, 公开05 基本支出 = 公开06 人员经费 +
 * 公开06 公用经费, 机关运行经费 = 公用经费, …).
 *
 * Every identity allows the rounding of its terms: a difference within the
 * rule file's tolerance (0.01 万元) per term is reported as info
 * (ACCT-ROUNDING, the seed itself notes 尾数误差); beyond that it is an error
 * naming both sides and the difference. An identity whose terms are all zero
 * or absent is not counted.
 */
#include <string.h>

#include "accounts.h"

#define MAX_TERMS 64

typedef struct {
    jx_accounts *a;
    jx_dec tol;
    const char *unit; /* of the amounts compared: "万元", "辆" */
} ictx;

static char *money(jx_dec v, char *buf)
{
    return jx_dec_fmt_fixed(v, 2, buf);
}

/* Check total == Σ terms (signs in the terms). code: finding code. */
static void identity(ictx *c, const char *code, const jx_ac_table *t, long line, const char *what,
                     jx_dec total, const jx_dec *terms, int n)
{
    if (!jx_has(total)) return;
    jx_dec sum = 0;
    bool any = total != 0;
    for (int i = 0; i < n; i++) {
        if (!jx_has(terms[i])) continue;
        sum += terms[i];
        any |= terms[i] != 0;
    }
    if (!any) return;
    c->a->identities_checked++;
    jx_dec diff = total - sum;
    if (diff == 0) return;
    char x[JX_DEC_BUF], y[JX_DEC_BUF], d[JX_DEC_BUF];
    jx_dec tol = c->tol * (n > 0 ? n : 1);
    if (jx_dec_abs(diff) <= tol) {
        jx_ac_finding_add(c->a, "ACCT-ROUNDING", JX_SEV_INFO, t, line,
                          "%s: %s vs %s, difference %s within rounding",
                          "%s: %s 与 %s 相差 %s, 属尾数误差", what, money(total, x), money(sum, y),
                          money(diff, d));
        return;
    }
    c->a->identities_failed++;
    bool count = strcmp(c->unit, "万元") != 0;
    jx_ac_finding_add(
        c->a, code, JX_SEV_ERROR, t, line, "%s does not hold: %s vs %s, difference %s %s",
        "%s 不成立: %s ≠ %s, 相差 %s %s", what, count ? jx_dec_fmt(total, x) : money(total, x),
        count ? jx_dec_fmt(sum, y) : money(sum, y), count ? jx_dec_fmt(diff, d) : money(diff, d),
        c->unit);
}

static void equal(ictx *c, const char *code, const jx_ac_table *t, long line, const char *what,
                  jx_dec left, jx_dec right)
{
    if (!jx_has(left) || !jx_has(right)) return;
    jx_dec diff = left - right;
    if (diff != 0 && right != 0 && left != 0 && (left == right * 10000 || right == left * 10000)) {
        char x[JX_DEC_BUF], y[JX_DEC_BUF];
        c->a->identities_checked++;
        c->a->identities_failed++;
        jx_ac_finding_add(c->a, "ACCT-UNIT", JX_SEV_ERROR, t, line,
                          "%s: %s vs %s — one side seems to be in 元, the other in 万元",
                          "%s: %s 与 %s 相差一万倍, 金额单位 (元/万元) 可能写错", what,
                          money(left, x), money(right, y));
        return;
    }
    identity(c, code, t, line, what, left, &right, 1);
}

/* ---- helpers over tables ------------------------------------------------- */

static jx_dec cell_key(const jx_ac_table *t, int group, const char *key, const char *col)
{
    const jx_ac_row *r = jx_ac_row_key(t, group, key);
    if (!r) return JX_NONE;
    int k = col ? jx_ac_col(t, r->group, col) : 0;
    return jx_ac_cell(t, r, k);
}

static long row_line(const jx_ac_table *t, int group, const char *key)
{
    const jx_ac_row *r = jx_ac_row_key(t, group, key);
    return r ? r->line : t ? t->line : 0;
}

/* Σ of the rows of a group before the row `key` (the numbered lines of 公开01/04). */
static int lines_before(const jx_ac_table *t, int group, const char *key, int col, jx_dec *terms)
{
    int n = 0;
    for (size_t i = 0; i < t->n_rows && n < MAX_TERMS; i++) {
        const jx_ac_row *r = &t->rows[i];
        if (r->group != group) continue;
        if (strcmp(r->key, key) == 0) break;
        terms[n++] = jx_ac_cell(t, r, col);
    }
    return n;
}

/* ---- within tables ------------------------------------------------------- */

static void two_sided(ictx *c, const jx_ac_table *t)
{
    bool fiscal = strcmp(t->kind, "fiscal") == 0;
    const char *in_carry = fiscal ? "年初财政拨款结转和结余" : "年初结转和结余";
    const char *out_carry = fiscal ? "年末财政拨款结转和结余" : "年末结转和结余";
    jx_dec terms[MAX_TERMS];
    /* 本年收入合计 = Σ the numbered income lines; the same for 支出 */
    int n = lines_before(t, 0, "本年收入合计", 0, terms);
    identity(c, "ACCT-BALANCE", t, row_line(t, 0, "本年收入合计"), "本年收入合计 = 各项收入之和",
             cell_key(t, 0, "本年收入合计", NULL), terms, n);
    for (int k = 0; k < t->groups[1].n_cols; k++) {
        n = lines_before(t, 1, "本年支出合计", k, terms);
        const jx_ac_row *r = jx_ac_row_key(t, 1, "本年支出合计");
        char what[160];
        snprintf(what, sizeof what, "本年支出合计 = 各项支出之和 (%s)", t->groups[1].cols[k]);
        identity(c, "ACCT-BALANCE", t, r ? r->line : t->line, what, jx_ac_cell(t, r, k), terms, n);
    }
    /* 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 */
    terms[0] = cell_key(t, 0, "本年收入合计", NULL);
    terms[1] = fiscal ? JX_NONE : cell_key(t, 0, "使用非财政拨款结余(含专用结余)", NULL);
    if (!fiscal && !jx_has(terms[1])) terms[1] = cell_key(t, 0, "使用非财政拨款结余", NULL);
    terms[2] = cell_key(t, 0, in_carry, NULL);
    const jx_ac_row *in_total = jx_ac_row_key(t, 0, "总计");
    identity(c, "ACCT-BALANCE", t, in_total ? in_total->line : t->line,
             fiscal ? "收入总计 = 本年收入合计 + 年初财政拨款结转和结余"
                    : "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
             jx_ac_cell(t, in_total, 0), terms, 3);
    /* 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余 */
    const jx_ac_row *out_total = jx_ac_row_key(t, 1, "总计");
    terms[0] = cell_key(t, 1, "本年支出合计", NULL);
    terms[1] = fiscal ? JX_NONE : cell_key(t, 1, "结余分配", NULL);
    terms[2] = cell_key(t, 1, out_carry, NULL);
    identity(c, "ACCT-BALANCE", t, out_total ? out_total->line : t->line,
             fiscal ? "支出总计 = 本年支出合计 + 年末财政拨款结转和结余"
                    : "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
             jx_ac_cell(t, out_total, 0), terms, 3);
    equal(c, "ACCT-BALANCE", t, out_total ? out_total->line : t->line, "收入总计 = 支出总计",
          jx_ac_cell(t, in_total, 0), jx_ac_cell(t, out_total, 0));
    if (fiscal) {
        /* each 支出 line: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营 */
        for (size_t i = 0; i < t->n_rows; i++) {
            const jx_ac_row *r = &t->rows[i];
            int ncol = t->groups[r->group].n_cols;
            if (r->group != 1 || ncol < 2) continue;
            for (int k = 1; k < ncol && k <= MAX_TERMS; k++)
                terms[k - 1] = jx_ac_cell(t, r, k);
            char what[200];
            snprintf(what, sizeof what, "%s: 合计 = 各类财政拨款之和", r->label);
            identity(c, "ACCT-ROW-SUM", t, r->line, what, jx_ac_cell(t, r, 0), terms, ncol - 1);
        }
        /* 年初财政拨款结转和结余 = its sub-lines */
        int m = 0;
        for (size_t i = 0; i < t->n_rows && m < MAX_TERMS; i++)
            if (t->rows[i].group == 0 && strstr(t->rows[i].key, "·"))
                terms[m++] = jx_ac_cell(t, &t->rows[i], 0);
        if (m)
            identity(c, "ACCT-BALANCE", t, row_line(t, 0, in_carry),
                     "年初财政拨款结转和结余 = 各分项之和", cell_key(t, 0, in_carry, NULL), terms,
                     m);
    }
}

static bool is_code_prefix(const char *parent, const char *child)
{
    size_t n = strlen(parent);
    return strlen(child) > n && strncmp(parent, child, n) == 0;
}

static const char *other_code(const char *parent, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s99", parent);
    return buf;
}

/* 类 = Σ款 and 款 = Σ项 in every column; 合计 = Σ类. */
static void hierarchy(ictx *c, const jx_ac_table *t, bool economic)
{
    jx_dec terms[MAX_TERMS];
    for (size_t i = 0; i < t->n_rows; i++) {
        const jx_ac_row *p = &t->rows[i];
        if (!p->code) continue;
        size_t len = strlen(p->code);
        if (len != 3 && len != 5) continue;
        size_t want = len + 2;
        for (int k = 0; k < t->groups[p->group].n_cols; k++) {
            int n = 0;
            for (size_t j = 0; j < t->n_rows && n < MAX_TERMS; j++) {
                const jx_ac_row *r = &t->rows[j];
                if (r->code && strlen(r->code) == want && is_code_prefix(p->code, r->code))
                    terms[n++] = jx_ac_cell(t, r, k);
            }
            if (n == 0) continue;
            char what[200];
            snprintf(what, sizeof what, "%s %s (%s) = 下级科目之和", p->code, p->label,
                     t->groups[p->group].cols[k]);
            jx_dec total = jx_ac_cell(t, p, k), sum = 0;
            for (int m = 0; m < n; m++)
                sum += terms[m];
            char other[16];
            if (economic && total - sum > c->tol * n &&
                !jx_ac_row_code(t, other_code(p->code, other, sizeof other))) {
                /* the class's 其他 row (30299 …) is not in the table */
                char x[JX_DEC_BUF], y[JX_DEC_BUF], d[JX_DEC_BUF];
                c->a->identities_checked++;
                jx_ac_finding_add(
                    c->a, "ACCT-ROW-MISSING", JX_SEV_WARNING, t, p->line,
                    "%s %s is %s but its listed rows add up to %s; the table has no row %s, "
                    "which would hold the difference %s",
                    "%s %s 为 %s, 所列各款合计 %s; 表中没有 %s (其他) 这一行, 差额 %s 万元应在该行",
                    p->code, p->label, money(total, x), money(sum, y), other,
                    money(total - sum, d));
                continue;
            }
            identity(c, "ACCT-HIERARCHY", t, p->line, what, total, terms, n);
        }
    }
    if (economic) return;
    /* 合计 = Σ类 */
    const jx_ac_row *total = jx_ac_row_key(t, 0, "合计");
    if (!total) total = jx_ac_row_key(t, 0, "总计");
    if (!total) return;
    for (int k = 0; k < t->groups[0].n_cols; k++) {
        int n = 0;
        for (size_t j = 0; j < t->n_rows && n < MAX_TERMS; j++)
            if (t->rows[j].code && strlen(t->rows[j].code) == 3)
                terms[n++] = jx_ac_cell(t, &t->rows[j], k);
        if (!n) continue;
        char what[160];
        snprintf(what, sizeof what, "合计 (%s) = 各类之和", t->groups[0].cols[k]);
        identity(c, "ACCT-HIERARCHY", t, total->line, what, jx_ac_cell(t, total, k), terms, n);
    }
}

/* Row sums of the coded tables: 本年支出合计 = 基本支出 + 项目支出 + … */
static void row_sums(ictx *c, const jx_ac_table *t)
{
    const jx_ac_group *g = &t->groups[0];
    int total_col = -1;
    static const char *const totals[] = {"本年收入合计", "本年支出合计", "小计", "合计"};
    for (size_t i = 0; i < sizeof totals / sizeof *totals && total_col < 0; i++)
        total_col = jx_ac_col(t, 0, totals[i]);
    if (total_col < 0) return;
    int parts[MAX_TERMS], n = 0;
    bool fund = strcmp(t->kind, "fund") == 0;
    for (int k = total_col + 1; k < g->n_cols && n < MAX_TERMS; k++) {
        if (fund && strstr(g->cols[k], "结转")) break; /* 年末结转和结余 is not a part */
        parts[n++] = k;
    }
    if (!n) return;
    jx_dec terms[MAX_TERMS];
    for (size_t i = 0; i < t->n_rows; i++) {
        const jx_ac_row *r = &t->rows[i];
        for (int m = 0; m < n; m++)
            terms[m] = jx_ac_cell(t, r, parts[m]);
        char what[200];
        snprintf(what, sizeof what, "%s%s%s: %s = 各栏之和", r->code ? r->code : "",
                 r->code ? " " : "", r->label, g->cols[total_col]);
        identity(c, "ACCT-ROW-SUM", t, r->line, what, jx_ac_cell(t, r, total_col), terms, n);
        if (fund) { /* 年末 = 年初 + 本年收入 − 本年支出 */
            int open = jx_ac_col(t, 0, "年初结转和结余"), in = jx_ac_col(t, 0, "本年收入");
            int close = jx_ac_col(t, 0, "年末结转和结余");
            if (open < 0 || in < 0 || close < 0) continue;
            jx_dec flow[3] = {jx_ac_cell(t, r, open), jx_ac_cell(t, r, in),
                              -jx_ac_cell(t, r, total_col)};
            snprintf(what, sizeof what, "%s: 年末结转和结余 = 年初 + 本年收入 − 本年支出",
                     r->label);
            identity(c, "ACCT-ROW-SUM", t, r->line, what, jx_ac_cell(t, r, close), flow, 3);
        }
    }
}

/* 公开06: 人员经费合计 and 公用经费合计 = Σ the classes of their blocks. */
static void economic_totals(ictx *c, const jx_ac_table *t)
{
    static const char *const names[] = {"人员经费", "公用经费"};
    for (int w = 0; w < 2; w++) {
        char key[64];
        snprintf(key, sizeof key, "%s合计", names[w]);
        const jx_ac_row *total = jx_ac_row_key(t, -1, key);
        if (!total) continue;
        jx_dec terms[MAX_TERMS];
        int n = 0;
        for (size_t i = 0; i < t->n_rows && n < MAX_TERMS; i++) {
            const jx_ac_row *r = &t->rows[i];
            if (r->code && strlen(r->code) == 3 && strstr(t->groups[r->group].name, names[w]))
                terms[n++] = jx_ac_cell(t, r, 0);
        }
        char what[160];
        snprintf(what, sizeof what, "%s = 各类之和", key);
        identity(c, "ACCT-HIERARCHY", t, total->line, what, jx_ac_cell(t, total, 0), terms, n);
    }
}

/* 公开09: 合计 = 因公出国 + 公务用车 + 公务接待; 公务用车 小计 = 购置 + 运行维护. */
static void three(ictx *c, const jx_ac_table *t)
{
    for (size_t i = 0; i < t->n_rows; i++) {
        const jx_ac_row *r = &t->rows[i];
        int g = r->group;
        int total = jx_ac_col(t, g, "合计"), abroad = jx_ac_col(t, g, "因公出国");
        int cars = jx_ac_col(t, g, "小计"), buy = jx_ac_col(t, g, "购置费");
        int run = jx_ac_col(t, g, "运行维护费"), guests = jx_ac_col(t, g, "公务接待");
        const char *name = t->groups[g].name[0] ? t->groups[g].name : "三公";
        char what[160];
        if (total >= 0 && abroad >= 0 && cars >= 0 && guests >= 0) {
            jx_dec terms[3] = {jx_ac_cell(t, r, abroad), jx_ac_cell(t, r, cars),
                               jx_ac_cell(t, r, guests)};
            snprintf(what, sizeof what, "%s: 三公合计 = 因公出国(境)费 + 公务用车 + 公务接待费",
                     name);
            identity(c, "ACCT-THREE", t, r->line, what, jx_ac_cell(t, r, total), terms, 3);
        }
        if (cars >= 0 && buy >= 0 && run >= 0) {
            jx_dec terms[2] = {jx_ac_cell(t, r, buy), jx_ac_cell(t, r, run)};
            snprintf(what, sizeof what, "%s: 公务用车小计 = 购置费 + 运行维护费", name);
            identity(c, "ACCT-THREE", t, r->line, what, jx_ac_cell(t, r, cars), terms, 2);
        }
    }
}

/* 公开10: 政府采购 合计 = 货物 + 工程 + 服务; 车辆数合计 = Σ its numbered kinds. */
static void info(ictx *c, const jx_ac_table *t)
{
    int g = jx_ac_group_find(t, "政府采购");
    if (g >= 0) {
        jx_dec terms[3] = {cell_key(t, g, "货物", NULL), cell_key(t, g, "工程", NULL),
                           cell_key(t, g, "服务", NULL)};
        identity(c, "ACCT-INFO", t, row_line(t, g, "合计"), "政府采购合计 = 货物 + 工程 + 服务",
                 cell_key(t, g, "合计", NULL), terms, 3);
    }
    for (size_t i = 0; i < t->n_rows; i++) {
        const jx_ac_row *total = &t->rows[i];
        if (!strstr(total->key, "车辆数合计")) continue;
        jx_dec terms[MAX_TERMS];
        int n = 0;
        /* the kinds follow it, up to the next (二) item (单价100万元以上设备) */
        for (size_t j = i + 1; j < t->n_rows && n < MAX_TERMS; j++) {
            const jx_ac_row *r = &t->rows[j];
            if (r->group != total->group || r->label[0] == '(' ||
                strstr(r->label, "（") == r->label || strstr(r->key, "合计") ||
                strstr(r->key, "设备"))
                break;
            terms[n++] = jx_ac_cell(t, r, 0);
        }
        c->unit = "辆";
        identity(c, "ACCT-INFO", t, total->line, "车辆数合计 = 各类车辆之和",
                 jx_ac_cell(t, total, 0), terms, n);
        c->unit = "万元";
    }
}

/* ---- across tables -------------------------------------------------------- */

static jx_dec total_of(const jx_ac_table *t, const char *col)
{
    const jx_ac_row *r = jx_ac_row_key(t, 0, "合计");
    if (!r) r = jx_ac_row_key(t, 0, "总计");
    if (!r) return JX_NONE;
    int k = jx_ac_col(t, 0, col);
    return k < 0 ? JX_NONE : jx_ac_cell(t, r, k);
}

static void across(ictx *c)
{
    jx_accounts *a = c->a;
    const jx_ac_table *sum = jx_ac_table_of(a, "summary"), *inc = jx_ac_table_of(a, "income");
    const jx_ac_table *exp = jx_ac_table_of(a, "expense"), *fis = jx_ac_table_of(a, "fiscal");
    const jx_ac_table *gpb = jx_ac_table_of(a, "gpb"), *basic = jx_ac_table_of(a, "gpb_basic");
    const jx_ac_table *inf = jx_ac_table_of(a, "info"), *fund = jx_ac_table_of(a, "fund");
    const jx_ac_table *soe = jx_ac_table_of(a, "soe");
    if (sum && inc)
        equal(c, "ACCT-CROSS", inc, inc->line, "公开02 本年收入合计 = 公开01 本年收入合计",
              total_of(inc, "本年收入合计"), cell_key(sum, 0, "本年收入合计", NULL));
    if (sum && exp) {
        equal(c, "ACCT-CROSS", exp, exp->line, "公开03 本年支出合计 = 公开01 本年支出合计",
              total_of(exp, "本年支出合计"), cell_key(sum, 1, "本年支出合计", NULL));
        /* each 类 line of 公开01 = the 类 row of 公开03 */
        for (size_t i = 0; i < exp->n_rows; i++) {
            const jx_ac_row *r = &exp->rows[i];
            if (!r->code || strlen(r->code) != 3) continue;
            jx_dec line = cell_key(sum, 1, r->key, NULL);
            char what[200];
            snprintf(what, sizeof what, "公开03 %s %s = 公开01 %s", r->code, r->label, r->key);
            equal(c, "ACCT-CROSS", exp, r->line, what,
                  jx_ac_cell(exp, r, jx_ac_col(exp, 0, "本年支出合计")), line);
        }
    }
    if (inc && fis)
        equal(c, "ACCT-CROSS", inc, inc->line, "公开02 财政拨款收入 = 公开04 本年收入合计",
              total_of(inc, "财政拨款收入"), cell_key(fis, 0, "本年收入合计", NULL));
    if (sum && fis) {
        static const char *const kinds[] = {"一般公共预算财政拨款", "政府性基金预算财政拨款",
                                            "国有资本经营预算财政拨款"};
        for (int k = 0; k < 3; k++) {
            char key[96], what[200];
            snprintf(key, sizeof key, "%s收入", kinds[k]);
            snprintf(what, sizeof what, "公开04 %s = 公开01 %s", kinds[k], key);
            equal(c, "ACCT-CROSS", fis, row_line(fis, 0, kinds[k]), what,
                  cell_key(fis, 0, kinds[k], NULL), cell_key(sum, 0, key, NULL));
        }
    }
    if (fis && gpb) {
        int col = jx_ac_col(fis, 1, "一般公共预算");
        const jx_ac_row *fr = jx_ac_row_key(fis, 1, "本年支出合计");
        equal(c, "ACCT-CROSS", gpb, gpb->line, "公开05 合计 = 公开04 本年支出合计 (一般公共预算)",
              total_of(gpb, "小计") != JX_NONE ? total_of(gpb, "小计") : total_of(gpb, "合计"),
              jx_ac_cell(fis, fr, col));
        for (size_t i = 0; i < gpb->n_rows; i++) {
            const jx_ac_row *r = &gpb->rows[i];
            if (!r->code || strlen(r->code) != 3) continue;
            const jx_ac_row *line = jx_ac_row_key(fis, 1, r->key);
            if (!line) continue;
            char what[200];
            snprintf(what, sizeof what, "公开05 %s %s = 公开04 %s (一般公共预算)", r->code,
                     r->label, r->key);
            equal(c, "ACCT-CROSS", gpb, r->line, what, jx_ac_cell(gpb, r, 0),
                  jx_ac_cell(fis, line, col));
        }
    }
    if (gpb && basic) {
        jx_dec staff = cell_key(basic, -1, "人员经费合计", NULL);
        jx_dec office = cell_key(basic, -1, "公用经费合计", NULL);
        if (jx_has(staff) && jx_has(office))
            equal(c, "ACCT-CROSS", basic, basic->line,
                  "公开06 人员经费合计 + 公用经费合计 = 公开05 基本支出", staff + office,
                  total_of(gpb, "基本支出"));
    }
    if (inf && basic) {
        int g = jx_ac_group_find(inf, "机关运行经费");
        const jx_ac_row *admin = g >= 0 ? jx_ac_row_key(inf, g, "行政单位") : NULL;
        if (admin && jx_has(admin->cells[0].v))
            equal(c, "ACCT-CROSS", inf, admin->line, "公开10 机关运行经费 = 公开06 公用经费合计",
                  jx_ac_cell(inf, admin, 0), cell_key(basic, -1, "公用经费合计", NULL));
    }
    if (fis && fund) {
        const jx_ac_row *fr = jx_ac_row_key(fis, 1, "本年支出合计");
        equal(c, "ACCT-CROSS", fund, fund->line,
              "公开07 本年支出 = 公开04 政府性基金预算财政拨款支出", total_of(fund, "小计"),
              jx_ac_cell(fis, fr, jx_ac_col(fis, 1, "政府性基金")));
    }
    if (fis && soe) {
        const jx_ac_row *fr = jx_ac_row_key(fis, 1, "本年支出合计");
        jx_dec soe_total = total_of(soe, "合计");
        if (!jx_has(soe_total)) soe_total = total_of(soe, "小计");
        equal(c, "ACCT-CROSS", soe, soe->line,
              "公开08 本年支出 = 公开04 国有资本经营预算财政拨款支出", soe_total,
              jx_ac_cell(fis, fr, jx_ac_col(fis, 1, "国有资本经营")));
    }
}

void jx_accounts_identities(jx_accounts *a)
{
    ictx c = {a, a->rules ? a->rules->tolerance : JX_DEC(1) / 100, "万元"};
    for (size_t i = 0; i < a->n_tables; i++) {
        const jx_ac_table *t = &a->tables[i];
        if (!t->kind) continue;
        const jx_ac_kind *k = a->rules ? jx_ac_kind_find(a->rules, t->kind) : NULL;
        if (!k) continue;
        switch (k->shape) {
        case JX_AC_SHAPE_TWO_SIDED:
            two_sided(&c, t);
            break;
        case JX_AC_SHAPE_CODED:
            hierarchy(&c, t, false);
            row_sums(&c, t);
            break;
        case JX_AC_SHAPE_ECONOMIC:
            hierarchy(&c, t, true);
            economic_totals(&c, t);
            break;
        case JX_AC_SHAPE_GRID:
            three(&c, t);
            break;
        case JX_AC_SHAPE_LINES:
            info(&c, t);
            break;
        }
    }
    across(&c);
}
