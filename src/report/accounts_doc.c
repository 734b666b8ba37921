/* accounts_doc.c — a checked 决算 disclosure as a document (Markdown, HTML,
 * Word, PDF through doc.h): the tables as read, a chart of the expenditure
 * structure, the 情况说明 (the document's own, or written from the tables),
 * and the results of the checks with every finding. */
#include "accounts_doc.h"

#include <stdio.h>
#include <string.h>

#include "chart.h"

#define MAX_CELLS JX_DOC_MAX_COLS

static const char *amount_text(const jx_ac_amount *x, char *buf)
{
    if (!jx_has(x->v)) return "";
    return jx_dec_fmt_fixed(x->v, x->decimals, buf);
}

/* Coded and grid tables: one document row per table row. */
static void plain_table(jx_doc *d, const jx_ac_table *t, bool coded)
{
    int g0 = 0;
    const char *headers[MAX_CELLS];
    int n = 0;
    if (coded) {
        headers[n++] = "科目代码";
        headers[n++] = "科目名称";
    } else if (t->n_groups > 1 || t->groups[0].name[0]) {
        headers[n++] = "项目";
    }
    for (int k = 0; k < t->groups[g0].n_cols && n < MAX_CELLS; k++)
        headers[n++] = t->groups[g0].cols[k];
    jx_doc_table(d, headers, n);
    char bufs[MAX_CELLS][JX_DEC_BUF];
    for (size_t i = 0; i < t->n_rows; i++) {
        const jx_ac_row *r = &t->rows[i];
        const char *cells[MAX_CELLS];
        int m = 0;
        if (coded) {
            cells[m++] = r->code ? r->code : "";
            cells[m++] = r->label;
        } else if (t->n_groups > 1 || t->groups[0].name[0]) {
            cells[m++] = r->label[0] ? r->label : t->groups[r->group].name;
        }
        for (int k = 0; k < t->groups[r->group].n_cols && m < MAX_CELLS; k++, m++)
            cells[m] = amount_text(&r->cells[k], bufs[m]);
        jx_doc_row(d, cells, m);
    }
    jx_doc_table_end(d);
}

/* 公开01/04: the 收入 and 支出 blocks side by side, rows paired in order. */
static void two_sided_table(jx_doc *d, const jx_ac_table *t)
{
    const char *headers[MAX_CELLS];
    int n = 0;
    headers[n++] = "收入项目";
    for (int k = 0; k < t->groups[0].n_cols && n < MAX_CELLS; k++)
        headers[n++] = t->groups[0].cols[k];
    headers[n++] = "支出项目";
    for (int k = 0; k < t->groups[1].n_cols && n < MAX_CELLS; k++)
        headers[n++] = t->groups[1].cols[k];
    jx_doc_table(d, headers, n);
    size_t li = 0, ri = 0;
    char bufs[MAX_CELLS][JX_DEC_BUF];
    for (;;) {
        while (li < t->n_rows && t->rows[li].group != 0)
            li++;
        while (ri < t->n_rows && t->rows[ri].group != 1)
            ri++;
        if (li >= t->n_rows && ri >= t->n_rows) break;
        const jx_ac_row *l = li < t->n_rows ? &t->rows[li] : NULL;
        const jx_ac_row *r = ri < t->n_rows ? &t->rows[ri] : NULL;
        /* keep rows of one source line together; a side ahead waits */
        if (l && r && l->line != r->line) {
            if (l->line < r->line)
                r = NULL;
            else
                l = NULL;
        }
        const char *cells[MAX_CELLS];
        int m = 0;
        cells[m++] = l ? l->label : "";
        for (int k = 0; k < t->groups[0].n_cols && m < MAX_CELLS; k++, m++)
            cells[m] = l ? amount_text(&l->cells[k], bufs[m]) : "";
        if (m < MAX_CELLS) cells[m++] = r ? r->label : "";
        for (int k = 0; k < t->groups[1].n_cols && m < MAX_CELLS; k++, m++)
            cells[m] = r ? amount_text(&r->cells[k], bufs[m]) : "";
        jx_doc_row(d, cells, m);
        if (l) li++;
        if (r) ri++;
    }
    jx_doc_table_end(d);
}

/* 公开06 and 公开10: one list, the group named in the first column. */
static void grouped_list(jx_doc *d, const jx_ac_table *t, bool economic)
{
    const char *h_econ[] = {"经费", "科目代码", "科目名称", "决算数"};
    const char *h_lines[] = {"类别", "项目", "统计数"};
    jx_doc_table(d, economic ? h_econ : h_lines, economic ? 4 : 3);
    char buf[JX_DEC_BUF];
    for (size_t i = 0; i < t->n_rows; i++) {
        const jx_ac_row *r = &t->rows[i];
        /* leave out the standard rows the unit does not use (blank amount, not a class) */
        if (economic && !jx_has(r->cells[0].v) && r->code && strlen(r->code) > 3) continue;
        const char *group = t->groups[r->group].name;
        if (economic) {
            const char *cells[] = {group, r->code ? r->code : "", r->label,
                                   amount_text(&r->cells[0], buf)};
            jx_doc_row(d, cells, 4);
        } else {
            const char *cells[] = {group, r->label, amount_text(&r->cells[0], buf)};
            jx_doc_row(d, cells, 3);
        }
    }
    jx_doc_table_end(d);
}

static void table(jx_doc *d, const jx_accounts *a, const jx_ac_table *t)
{
    char title[512];
    snprintf(title, sizeof title, "%s%s%s", t->number ? t->number : "", t->number ? " " : "",
             t->title);
    jx_doc_heading(d, 3, title);
    jx_doc_para(d, "金额单位: %s", t->yuan ? "元" : "万元");
    const jx_ac_kind *k = t->kind && a->rules ? jx_ac_kind_find(a->rules, t->kind) : NULL;
    if (t->n_rows == 0 || (t->said_empty && t->n_rows <= 1)) {
        jx_doc_para(d, "本表无数据。");
        return;
    }
    switch (k ? k->shape : JX_AC_SHAPE_CODED) {
    case JX_AC_SHAPE_TWO_SIDED:
        two_sided_table(d, t);
        break;
    case JX_AC_SHAPE_ECONOMIC:
        grouped_list(d, t, true);
        jx_doc_para(d, "(未使用的款级科目从略。)");
        break;
    case JX_AC_SHAPE_LINES:
        grouped_list(d, t, false);
        break;
    case JX_AC_SHAPE_GRID:
        plain_table(d, t, false);
        break;
    case JX_AC_SHAPE_CODED:
        plain_table(d, t, true);
        break;
    }
    if (t->said_empty) jx_doc_para(d, "说明: 本表无数据。");
}

/* The 类 of 公开05 (or 公开03) as a chart of the expenditure structure. */
static void structure_chart(jx_doc *d, const jx_accounts *a)
{
    const jx_ac_table *t = jx_ac_table_of(a, "gpb");
    if (!t) t = jx_ac_table_of(a, "expense");
    if (!t) return;
    static jx_chart c;
    jx_chart_init(&c, JX_CHART_HBAR, "支出结构 (按功能分类 类级科目)", "万元", 1);
    c.category = "科目";
    for (size_t i = 0; i < t->n_rows; i++) {
        const jx_ac_row *r = &t->rows[i];
        if (!r->code || strlen(r->code) != 3) continue;
        jx_dec v = jx_ac_cell(t, r, 0);
        if (!jx_has(v) || v == 0) continue;
        char label[JX_CHART_LABEL];
        snprintf(label, sizeof label, "%s %s", r->code, r->label);
        jx_chart_add(&c, label, &v);
    }
    if (c.n_bars) jx_doc_chart(d, &c);
}

/* Findings from severity `from` down to `to` as a table. */
static void findings(jx_doc *d, const jx_accounts *a, int from, int to)
{
    static const char *const sev_names[] = {"提示", "警告", "错误"};
    size_t shown = 0;
    for (int sev = from; sev >= to; sev--)
        shown += jx_ac_count(a, (jx_severity)sev);
    if (!shown) {
        jx_doc_para(d, "未发现错误或警告。");
        return;
    }
    const char *headers[] = {"级别", "代码", "位置", "说明"};
    jx_doc_table(d, headers, 4);
    for (int sev = from; sev >= to; sev--)
        for (size_t i = 0; i < a->n_findings; i++) {
            const jx_ac_finding *f = &a->findings[i];
            if ((int)f->f.severity != sev) continue;
            char where[320];
            if (f->line)
                snprintf(where, sizeof where, "%s 第%ld行", f->table ? f->table : "", f->line);
            else
                snprintf(where, sizeof where, "%s", f->table ? f->table : "");
            const char *cells[] = {sev_names[sev], f->f.code, where, f->f.message};
            jx_doc_row(d, cells, 4);
        }
    jx_doc_table_end(d);
}

void jx_accounts_write_doc(jx_doc *d, const jx_accounts *a, const char *written_text)
{
    jx_doc_para(d, "来源文件: %s", a->source ? a->source : "");
    jx_doc_heading(d, 2, "一、审核结论");
    jx_doc_para(d,
                "读取决算表 %zu 张%s%s%s; 检查表内及表间恒等式 %zu 个, 不成立 %zu 个; 情况说明中"
                "可核对的数字 %zu 个, 核实 %zu 个, 不符 %zu 个%s。",
                a->n_tables, a->set ? " (" : "", a->set ? a->set : "", a->set ? ")" : "",
                a->identities_checked, a->identities_failed, a->statements_found,
                a->statements_verified, a->statements_failed,
                a->statements_unchecked ? ", 另有若干数字无表可对" : "");
    jx_doc_para(
        d, "错误 %zu 个, 警告 %zu 个, 提示 %zu 个 (尾数误差在每个加数 0.01 万元以内的记为提示)。",
        jx_ac_count(a, JX_SEV_ERROR), jx_ac_count(a, JX_SEV_WARNING), jx_ac_count(a, JX_SEV_INFO));
    findings(d, a, JX_SEV_ERROR, JX_SEV_WARNING);
    jx_doc_heading(d, 2, "二、决算表");
    for (size_t i = 0; i < a->n_tables; i++)
        table(d, a, &a->tables[i]);
    structure_chart(d, a);
    jx_doc_heading(d, 2, "三、情况说明");
    if (written_text && written_text[0]) {
        jx_doc_para(d, "(以下由决算表生成; 上年数和年初预算数取自原文件的说明。)");
        const char *p = written_text;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            if (len) {
                char line[4096];
                snprintf(line, sizeof line, "%.*s",
                         (int)(len < sizeof line ? len : sizeof line - 1), p);
                bool heading = (strncmp(line, "一、", 6) == 0 || strncmp(line, "二、", 6) == 0 ||
                                strncmp(line, "三、", 6) == 0 || strncmp(line, "四、", 6) == 0 ||
                                strncmp(line, "五、", 6) == 0 || strncmp(line, "六、", 6) == 0 ||
                                strncmp(line, "七、", 6) == 0 || strncmp(line, "八、", 6) == 0 ||
                                strncmp(line, "九、", 6) == 0 || strncmp(line, "十、", 6) == 0) &&
                               !strstr(line, "。");
                if (heading)
                    jx_doc_heading(d, 3, line);
                else
                    jx_doc_para(d, "%s", line);
            }
            p += len + (nl ? 1 : 0);
        }
    } else {
        const char *section = NULL;
        for (size_t i = 0; i < a->n_paras; i++) {
            const jx_ac_para *p = &a->paras[i];
            if (p->section && (!section || strcmp(section, p->section) != 0)) {
                jx_doc_heading(d, 3, p->section);
                section = p->section;
            }
            jx_doc_para(d, "%s", p->text);
        }
        if (!a->n_paras) jx_doc_para(d, "文件中没有情况说明。");
    }
    if (jx_ac_count(a, JX_SEV_INFO)) {
        jx_doc_heading(d, 2, "附: 提示 (尾数误差等)");
        findings(d, a, JX_SEV_INFO, JX_SEV_INFO);
    }
}
