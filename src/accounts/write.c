/* write.c — 第三部分 情况说明 written from the 决算 tables (SPEC §9).
 *
 * Sections 一 to 十 in seed 002's sentence patterns: totals, 其中 lists with
 * 占比, the 类 structure, the 基本支出 items, 本年度无此项收支 for an empty
 * 公开07/08, the 三公 section, 机关运行经费, 政府采购 and 车辆. Every amount
 * and rate comes from the tables; prior-year changes and 年初预算, which the
 * tables do not hold, come from the document's own statements (jx_st_collect)
 * and their clauses are left out when the document gives none. Reasons are
 * text: the document's own reason sentence, else "主要原因是：（请填写）".
 */
#include <string.h>

#include "accounts.h"
#include "statements.h"

typedef struct writer {
    FILE *out;
    const jx_accounts *a;
    jx_st_facts facts;
    char year[16]; /* "2024年" or "本年" */
} writer;

/* ---- numbers ---------------------------------------------------------------------------- */

/* "5,029.36"; "0" for zero; trim drops trailing zeros ("25", "0.6"). */
static void put_amount(writer *w, jx_dec v, bool trim)
{
    char buf[JX_DEC_BUF];
    if (v == 0) {
        fputs("0", w->out);
        return;
    }
    if (trim)
        jx_dec_fmt(jx_dec_round(v, 2), buf);
    else
        jx_dec_fmt_fixed(v, 2, buf);
    const char *p = buf;
    if (*p == '-') fputc(*p++, w->out);
    size_t int_len = strcspn(p, ".");
    for (size_t i = 0; p[i]; i++) {
        if (i > 0 && i < int_len && (int_len - i) % 3 == 0) fputc(',', w->out);
        fputc(p[i], w->out);
    }
}

static void put_rate(writer *w, jx_dec num, jx_dec den, int decimals)
{
    char buf[JX_DEC_BUF];
    jx_dec r = jx_dec_ratio(num, JX_DEC(100), den, decimals);
    fprintf(w->out, "%s%%", jx_has(r) ? jx_dec_fmt_fixed(r, decimals, buf) : "—");
}

/* ---- lookups ---------------------------------------------------------------------------- */

static const jx_st_fact *fact_at(writer *w, const jx_ac_table *t, int g, const jx_ac_row *r,
                                 int col)
{
    char key[256];
    jx_st_cell_key(t, g, r, col, key, sizeof key);
    return jx_st_fact_find(&w->facts, key);
}

static const jx_ac_row *row_in(const jx_ac_table *t, const char *group, const char *key)
{
    int g = group ? jx_ac_group_find(t, group) : -1;
    if (group && g < 0) return NULL;
    return jx_ac_row_key(t, g, key);
}

static jx_dec value(const jx_ac_table *t, const jx_ac_row *r, int col)
{
    jx_dec v = jx_ac_cell(t, r, col);
    return jx_has(v) ? v : 0;
}

static bool is_code_len(const jx_ac_row *r, size_t n)
{
    return r->code && strlen(r->code) == n;
}

/* ---- clauses ---------------------------------------------------------------------------- */

/* "减少68.13万元，下降1.34%" from the stated change and the table's figure. */
static bool put_change(writer *w, const char *lead, const char *subject, const jx_st_fact *f,
                       jx_dec now)
{
    if (!f || !f->has_change || f->same_as_prior) return false;
    jx_dec change = f->change, prior = now - change;
    fprintf(w->out, "%s%s%s", lead, subject, change < 0 ? "减少" : "增加");
    put_amount(w, change < 0 ? -change : change, false);
    fprintf(w->out, "万元，%s", change < 0 ? "下降" : "增长");
    put_rate(w, change < 0 ? -change : change, prior, f->has_change_rate ? f->change_rate_dec : 2);
    return true;
}

static void put_reason(writer *w, const jx_st_fact *f, const char *end)
{
    fprintf(w->out, "%s%s", f && f->reason ? f->reason : "主要原因是：（请填写）", end);
}

static void heading(writer *w, const char *text)
{
    fprintf(w->out, "%s\n\n", text);
}

/* ---- sections --------------------------------------------------------------------------- */

static void section_summary(writer *w)
{
    const jx_ac_table *t = jx_ac_table_of(w->a, "summary");
    heading(w, "一、收入支出决算总体情况说明");
    const jx_ac_row *in = t ? row_in(t, "收入", "总计") : NULL;
    const jx_ac_row *out = t ? row_in(t, "支出", "总计") : NULL;
    if (!in || !out) {
        fputs("（无收入支出决算总表）\n\n", w->out);
        return;
    }
    fprintf(w->out, "%s度收入总计", w->year);
    put_amount(w, value(t, in, 0), false);
    fputs("万元，支出总计", w->out);
    put_amount(w, value(t, out, 0), false);
    fputs("万元。", w->out);
    const jx_st_fact *fi = fact_at(w, t, in->group, in, 0), *fo = fact_at(w, t, out->group, out, 0);
    bool any = put_change(w, "与上年相比，", "收入总计", fi, value(t, in, 0));
    if (put_change(w, any ? "，" : "与上年相比，", "支出总计", fo, value(t, out, 0))) any = true;
    if (any) {
        fputs("。", w->out);
        put_reason(w, fi && fi->reason ? fi : fo, "。");
    }
    fputs("\n\n", w->out);
}

/* "2024年度收入合计X万元，其中：" and one paragraph per non-zero column. */
static void section_columns(writer *w, const char *kind, const char *title, const char *total)
{
    heading(w, title);
    const jx_ac_table *t = jx_ac_table_of(w->a, kind);
    const jx_ac_row *r = t ? jx_ac_row_key(t, 0, "合计") : NULL;
    if (!r) {
        fputs("（无此表）\n\n", w->out);
        return;
    }
    jx_dec sum = value(t, r, 0);
    fprintf(w->out, "%s度%s", w->year, total);
    put_amount(w, sum, false);
    fputs("万元，其中：\n\n", w->out);
    int last = 0;
    for (int c = 1; c < t->groups[0].n_cols; c++)
        if (value(t, r, c)) last = c;
    for (int c = 1; c <= last; c++) {
        if (!value(t, r, c)) continue;
        fputs(t->groups[0].cols[c], w->out);
        put_amount(w, value(t, r, c), false);
        fputs("万元，占比", w->out);
        put_rate(w, value(t, r, c), sum, 2);
        fputs(c == last ? "。\n\n" : "；\n\n", w->out);
    }
}

static void section_fiscal(writer *w)
{
    heading(w, "四、财政拨款收支决算总体情况说明");
    const jx_ac_table *t = jx_ac_table_of(w->a, "fiscal");
    const jx_ac_row *in = t ? row_in(t, "收入", "总计") : NULL;
    const jx_ac_row *out = t ? row_in(t, "支出", "总计") : NULL;
    if (!in || !out) {
        fputs("（无财政拨款收入支出决算总表）\n\n", w->out);
        return;
    }
    fprintf(w->out, "%s度财政拨款收入总计", w->year);
    put_amount(w, value(t, in, 0), false);
    fputs("万元，支出总计", w->out);
    put_amount(w, value(t, out, 0), false);
    fputs("万元。", w->out);
    const jx_st_fact *fi = fact_at(w, t, in->group, in, 0), *fo = fact_at(w, t, out->group, out, 0);
    bool any = put_change(w, "与上年相比，", "财政拨款收入总计", fi, value(t, in, 0));
    if (put_change(w, any ? "；" : "与上年相比，", "财政拨款支出总计", fo, value(t, out, 0)))
        any = true;
    if (any) {
        fputs("。", w->out);
        put_reason(w, fi && fi->reason ? fi : fo, "。");
    }
    fputs("\n\n", w->out);
}

static void gpb_overall(writer *w, const jx_ac_table *t, const jx_ac_row *tot)
{
    heading(w, "（一）一般公共预算财政拨款支出决算总体情况");
    jx_dec sum = value(t, tot, 0);
    fprintf(w->out, "%s一般公共预算财政拨款决算支出", w->year);
    put_amount(w, sum, false);
    fputs("万元", w->out);
    const jx_ac_table *s = jx_ac_table_of(w->a, "summary");
    const jx_ac_row *all = s ? jx_ac_row_key(s, -1, "本年支出合计") : NULL;
    if (all && value(s, all, 0)) {
        fputs("，占本年支出合计的", w->out);
        put_rate(w, sum, value(s, all, 0), 2);
    }
    fputs("。", w->out);
    const jx_st_fact *f = fact_at(w, t, 0, tot, 0);
    if (put_change(w, "与上年相比，", "一般公共预算财政拨款支出", f, sum)) {
        fputs("。", w->out);
        put_reason(w, f, "。");
    }
    fputs("\n\n", w->out);
}

static void gpb_structure(writer *w, const jx_ac_table *t, const jx_ac_row *tot)
{
    heading(w, "（二）一般公共预算财政拨款支出决算结构情况");
    jx_dec sum = value(t, tot, 0);
    fprintf(w->out, "%s度一般公共预算财政拨款支出", w->year);
    put_amount(w, sum, false);
    fputs("万元，主要用于以下方面：\n\n", w->out);
    const jx_ac_row *last = NULL;
    for (size_t i = 0; i < t->n_rows; i++)
        if (is_code_len(&t->rows[i], 3) && value(t, &t->rows[i], 0)) last = &t->rows[i];
    for (size_t i = 0; i < t->n_rows; i++) {
        const jx_ac_row *r = &t->rows[i];
        if (!is_code_len(r, 3) || !value(t, r, 0)) continue;
        fprintf(w->out, "%s(类)", r->key);
        put_amount(w, value(t, r, 0), false);
        fputs("万元，占比", w->out);
        put_rate(w, value(t, r, 0), sum, 2);
        fputs(r == last ? "。\n\n" : "；\n\n", w->out);
    }
}

/* "X年初预算B万元，支出决算V万元，完成年初预算的R%" (budget clause only when stated). */
static void budget_clause(writer *w, const char *subject, const jx_st_fact *f, jx_dec now)
{
    fputs(subject, w->out);
    if (f && f->has_budget && f->budget) {
        fputs("年初预算", w->out);
        put_amount(w, f->budget, false);
        fputs("万元，支出决算", w->out);
        put_amount(w, now, false);
        fputs("万元，完成年初预算的", w->out);
        put_rate(w, now, f->budget, 2);
    } else {
        fputs("支出决算", w->out);
        put_amount(w, now, false);
        fputs("万元", w->out);
    }
}

static void gpb_detail(writer *w, const jx_ac_table *t, const jx_ac_row *tot)
{
    heading(w, "（三）一般公共预算财政拨款支出决算具体情况");
    fprintf(w->out, "%s度", w->year);
    budget_clause(w, "一般公共预算财政拨款支出", fact_at(w, t, 0, tot, 0), value(t, tot, 0));
    fputs("。其中：\n\n", w->out);
    for (size_t i = 0; i < t->n_rows; i++) {
        const jx_ac_row *r = &t->rows[i];
        if (!is_code_len(r, 3) || !value(t, r, 0)) continue;
        const jx_st_fact *f = fact_at(w, t, r->group, r, 0);
        budget_clause(w, r->key, f, value(t, r, 0));
        fputs("。", w->out);
        if (put_change(w, "较上年决算", "", f, value(t, r, 0))) {
            fputs("，", w->out);
            put_reason(w, f, "。");
        }
        fputs("\n\n", w->out);
    }
}

static void section_gpb(writer *w)
{
    heading(w, "五、一般公共预算财政拨款支出决算情况说明");
    const jx_ac_table *t = jx_ac_table_of(w->a, "gpb");
    const jx_ac_row *tot = t ? jx_ac_row_key(t, 0, "合计") : NULL;
    if (!tot) {
        fputs("（无一般公共预算财政拨款支出决算表）\n\n", w->out);
        return;
    }
    gpb_overall(w, t, tot);
    gpb_structure(w, t, tot);
    gpb_detail(w, t, tot);
}

/* The 款 of one 基本支出 group: "基本工资731.94万元，…", then "其他X" for a gap. */
static void basic_items(writer *w, const jx_ac_table *t, const char *group)
{
    bool first = true;
    for (size_t i = 0; i < t->n_rows; i++) {
        const jx_ac_row *cls = &t->rows[i];
        const char *gname = t->groups[cls->group].name;
        if (!is_code_len(cls, 3) || !gname || strcmp(gname, group) != 0) continue;
        jx_dec listed = 0;
        for (size_t k = 0; k < t->n_rows; k++) {
            const jx_ac_row *r = &t->rows[k];
            if (!is_code_len(r, 5) || strncmp(r->code, cls->code, 3) != 0 || !value(t, r, 0))
                continue;
            fprintf(w->out, "%s%s", first ? "" : "，", r->key);
            put_amount(w, value(t, r, 0), true);
            fputs("万元", w->out);
            listed += value(t, r, 0);
            first = false;
        }
        jx_dec gap = value(t, cls, 0) - listed;
        if (gap > 10000 || gap < -10000) { /* a class its rows do not fill (公开06 without x99) */
            char key[256];
            snprintf(key, sizeof key, "%s|gap|其他%s", t->kind ? t->kind : "", cls->key);
            const jx_st_fact *f = jx_st_fact_find(&w->facts, key);
            fprintf(w->out, "%s其他%s", first ? "" : "，", cls->key);
            put_amount(w, f && f->has_now ? f->now : gap, true);
            fputs("万元", w->out);
            first = false;
        }
    }
}

static void section_basic(writer *w)
{
    heading(w, "六、一般公共预算财政拨款基本支出决算情况说明");
    const jx_ac_table *t = jx_ac_table_of(w->a, "gpb_basic");
    const jx_ac_row *staff = t ? jx_ac_row_key(t, -1, "人员经费合计") : NULL;
    const jx_ac_row *office = t ? jx_ac_row_key(t, -1, "公用经费合计") : NULL;
    if (!staff || !office) {
        fputs("（无一般公共预算财政拨款基本支出决算明细表）\n\n", w->out);
        return;
    }
    fprintf(w->out, "%s度财政拨款基本支出", w->year);
    put_amount(w, value(t, staff, 0) + value(t, office, 0), false);
    fputs("万元，其中：\n\n人员经费", w->out);
    put_amount(w, value(t, staff, 0), false);
    fputs("万元，主要包括", w->out);
    basic_items(w, t, "人员经费");
    fputs("；\n\n公用经费", w->out);
    put_amount(w, value(t, office, 0), false);
    fputs("万元，主要包括", w->out);
    basic_items(w, t, "公用经费");
    fputs("。\n\n", w->out);
}

static bool table_has_amounts(const jx_ac_table *t)
{
    if (t->said_empty) return false;
    for (size_t i = 0; i < t->n_rows; i++)
        for (int c = 0; c < t->groups[t->rows[i].group].n_cols; c++)
            if (value(t, &t->rows[i], c)) return true;
    return false;
}

static void section_fund(writer *w, const char *kind, const char *title, const char *none,
                         const char *what)
{
    heading(w, title);
    const jx_ac_table *t = jx_ac_table_of(w->a, kind);
    const jx_ac_row *tot = t ? jx_ac_row_key(t, 0, "合计") : NULL;
    if (!t || !table_has_amounts(t) || !tot) {
        fprintf(w->out, "%s\n\n", none);
        return;
    }
    int col = jx_ac_col(t, 0, "小计");
    fprintf(w->out, "%s度%s", w->year, what);
    put_amount(w, value(t, tot, col >= 0 ? col : 0), false);
    fputs("万元。\n\n", w->out);
}

/* One 三公 item of part (一). */
static void three_item(writer *w, const jx_ac_table *t, int gb, int ga, const char *col,
                       const char *name, bool last)
{
    int cb = jx_ac_col(t, gb, col), ca = jx_ac_col(t, ga, col);
    const jx_ac_row *rb = jx_ac_row_key(t, gb, ""), *ra = jx_ac_row_key(t, ga, "");
    jx_dec now = value(t, ra, ca), budget = value(t, rb, cb);
    const jx_st_fact *f = fact_at(w, t, ga, ra, ca);
    fprintf(w->out, "%s支出", name);
    put_amount(w, now, false);
    fputs("万元", w->out);
    if (budget) {
        fputs("，完成全年预算的", w->out);
        put_rate(w, now, budget, 2);
    }
    if (f && f->same_as_prior)
        fputs("，与上年相同", w->out);
    else
        put_change(w, "，比上年度", "", f, now);
    if (f && (f->has_change || f->same_as_prior)) {
        fputs("，", w->out);
        put_reason(w, f, "");
    }
    fputs(last ? "。\n\n" : "；\n\n", w->out);
}

static void section_three(writer *w)
{
    static const char *const cols[] = {"因公出国(境)费", "公务用车购置费", "公务用车运行维护费",
                                       "公务接待费"};
    static const char *const names[] = {"因公出国（境）费", "公务用车购置费", "公务用车运行维护费",
                                        "公务接待费"};
    heading(w, "九、财政拨款“三公”经费支出决算情况说明");
    const jx_ac_table *t = jx_ac_table_of(w->a, "three");
    int gb = t ? jx_ac_group_find(t, "预算数") : -1, ga = t ? jx_ac_group_find(t, "决算数") : -1;
    const jx_ac_row *rb = gb >= 0 ? jx_ac_row_key(t, gb, "") : NULL;
    const jx_ac_row *ra = ga >= 0 ? jx_ac_row_key(t, ga, "") : NULL;
    if (!rb || !ra) {
        fputs("（无财政拨款“三公”经费支出决算表）\n\n", w->out);
        return;
    }
    heading(w, "（一）“三公”经费财政拨款支出决算总体情况说明");
    jx_dec now = value(t, ra, 0), budget = value(t, rb, 0);
    fprintf(w->out, "%s度“三公”经费财政拨款支出全年预算", w->year);
    put_amount(w, budget, false);
    fputs("万元，支出决算", w->out);
    put_amount(w, now, false);
    fputs("万元", w->out);
    if (budget) {
        fputs("，完成全年预算的", w->out);
        put_rate(w, now, budget, 2);
    }
    const jx_st_fact *f = fact_at(w, t, ga, ra, 0);
    if (put_change(w, "，比上年度", "", f, now)) {
        fputs("，", w->out);
        put_reason(w, f, "");
    }
    fputs("。其中：\n\n", w->out);
    for (int i = 0; i < 4; i++)
        three_item(w, t, gb, ga, cols[i], names[i], i == 3);
    heading(w, "（二）“三公”经费财政拨款支出决算具体情况说明");
    static const char *const detail[] = {"因公出国（境）费", "公务用车购置", "公务用车运行维护费",
                                         "公务接待费"};
    for (int i = 0; i < 4; i++) {
        fprintf(w->out, "%d、%s支出", i + 1, detail[i]);
        put_amount(w, value(t, ra, jx_ac_col(t, ga, cols[i])), false);
        fputs("万元。\n\n", w->out);
    }
}

static jx_dec group_sum(const jx_ac_table *t, int g)
{
    jx_dec s = 0;
    for (size_t i = 0; i < t->n_rows; i++)
        if (t->rows[i].group == g) s += value(t, &t->rows[i], 0);
    return s;
}

static void info_running(writer *w, const jx_ac_table *t)
{
    int g = jx_ac_group_find(t, "机关运行经费");
    if (g < 0) return;
    heading(w, "（一）机关运行经费支出情况说明");
    jx_dec now = group_sum(t, g);
    fprintf(w->out, "%s机关运行经费支出", w->year);
    put_amount(w, now, false);
    fputs("万元", w->out);
    const jx_st_fact *f = fact_at(w, t, g, NULL, 0);
    char prior[32];
    snprintf(prior, sizeof prior, "，比%d年", w->a->year ? w->a->year - 1 : 0);
    if (put_change(w, w->a->year ? prior : "，比上年", "", f, now)) {
        fputs("，", w->out);
        put_reason(w, f, "");
    }
    fputs("。\n\n", w->out);
}

static void info_procurement(writer *w, const jx_ac_table *t)
{
    int g = jx_ac_group_find(t, "政府采购");
    const jx_ac_row *tot = g >= 0 ? jx_ac_row_key(t, g, "合计") : NULL;
    if (!tot) return;
    heading(w, "（二）政府采购情况说明");
    fprintf(w->out, "%s度政府采购支出总额", w->year);
    put_amount(w, value(t, tot, 0), false);
    fputs("万元，其中：", w->out);
    static const char *const kinds[] = {"货物", "工程", "服务"};
    for (int i = 0; i < 3; i++) {
        const jx_ac_row *r = jx_ac_row_key(t, g, kinds[i]);
        fprintf(w->out, "%s政府采购%s支出", i ? "、" : "", kinds[i]);
        put_amount(w, r ? value(t, r, 0) : 0, false);
        fputs("万元", w->out);
    }
    fputs("。\n\n", w->out);
}

static jx_dec count_of(const jx_ac_row *r)
{
    return r && r->cells && jx_has(r->cells[0].v) ? r->cells[0].v : 0;
}

static void put_count(writer *w, jx_dec v)
{
    char buf[JX_DEC_BUF];
    fputs(jx_dec_fmt(v, buf), w->out);
}

static void info_assets(writer *w, const jx_ac_table *t)
{
    int g = jx_ac_group_find(t, "国有资产");
    const jx_ac_row *cars = g >= 0 ? jx_ac_row_key(t, g, "车辆数合计(辆)") : NULL;
    if (!cars) return;
    heading(w, "（三）国有资产占用情况说明");
    fprintf(w->out, "截至%d年12月31日，本部门（单位）共有车辆", w->a->year ? w->a->year : 0);
    put_count(w, count_of(cars));
    fputs("辆。其中：", w->out);
    bool first = true;
    const jx_ac_row *device = NULL;
    for (size_t i = 0; i < t->n_rows; i++) {
        const jx_ac_row *r = &t->rows[i];
        if (r->group != g || r == cars) continue;
        if (strstr(r->key, "设备")) {
            device = r;
            continue;
        }
        if (!count_of(r) && strcmp(r->key, "其他用车") != 0) continue;
        fprintf(w->out, "%s%s", first ? "" : "、", r->key);
        put_count(w, count_of(r));
        fputs("辆", w->out);
        first = false;
    }
    fputs("。", w->out);
    if (device) {
        fputs("单价100万元（含）以上设备（不含车辆）", w->out);
        put_count(w, count_of(device));
        fputs("台（套）。", w->out);
    }
    fputs("\n\n", w->out);
}

static void section_info(writer *w)
{
    heading(w, "十、其他重要事项情况说明");
    const jx_ac_table *t = jx_ac_table_of(w->a, "info");
    if (!t) {
        fputs("（无部门决算公开相关信息统计表）\n\n", w->out);
        return;
    }
    info_running(w, t);
    info_procurement(w, t);
    info_assets(w, t);
}

void jx_accounts_write_text(FILE *out, const jx_accounts *a)
{
    writer w = {.out = out, .a = a};
    jx_st_collect(a, &w.facts);
    if (a->year)
        snprintf(w.year, sizeof w.year, "%d年", a->year);
    else
        snprintf(w.year, sizeof w.year, "本年");
    fputs("第三部分 情况说明\n\n", out);
    section_summary(&w);
    section_columns(&w, "income", "二、收入决算情况说明", "收入合计");
    section_columns(&w, "expense", "三、支出决算情况说明", "支出合计");
    section_fiscal(&w);
    section_gpb(&w);
    section_basic(&w);
    section_fund(&w, "fund", "七、政府性基金预算财政拨款收支决算情况说明", "本年度无此项收支。",
                 "政府性基金预算财政拨款支出");
    section_fund(&w, "soe", "八、国有资本经营预算财政拨款支出决算情况说明", "本年度无此项支出。",
                 "国有资本经营预算财政拨款支出");
    section_three(&w);
    section_info(&w);
}
