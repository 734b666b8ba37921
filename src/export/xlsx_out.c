/* xlsx_out.c — the projects as an Excel workbook with libxlsxwriter; see xlsx_out.h.
 *
 * constant_memory mode: every sheet's rows must be written in increasing
 * order, and a row is flushed to the sheet's temporary file as soon as a
 * later row is started. So each project block is written top to bottom, a
 * merged range is only ever one or two rows high (it is merged after its
 * first row is complete, while its last row is still the current one), and
 * the 汇总 / 问题清单 rows are written as the projects arrive; only their
 * running totals and column widths are kept.
 */
#include "xlsx_out.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>

#include "../base/text.h"

/* ---- layout ---------------------------------------------------------------------------- */

/* A project block: ten columns, as the printed 自评表 (seed 002). */
enum {
    C_L1,       /* 一级指标; funds: the row label */
    C_L2,       /* 二级指标; funds: 年初预算数 */
    C_NAME,     /* 三级指标; funds: 全年预算数 */
    C_TARGET,   /* 年初指标值; funds: 全年执行数 */
    C_ADJUSTED, /* 调整后指标值; funds: 资金结余 */
    C_ACTUAL,   /* 实际完成值; funds: 分值 */
    C_WEIGHT,   /* 分值; funds: 执行率 */
    C_CLAIMED,  /* 得分 (自评) */
    C_RULE,     /* 得分 (复核, by the rule set) */
    C_REASON,   /* 偏差原因 */
    BLOCK_COLS
};
/* The funds row: which column holds which figure. */
enum {
    F_LABEL = C_L1,
    F_INITIAL = C_L2,
    F_BUDGET = C_NAME,
    F_EXECUTED = C_TARGET,
    F_BALANCE = C_ADJUSTED,
    F_WEIGHT = C_ACTUAL,
    F_RATE = C_WEIGHT,
    F_CLAIMED = C_CLAIMED,
    F_RULE = C_RULE,
    F_REASON = C_REASON
};

/* 汇总 columns */
enum {
    S_NO,
    S_NAME,
    S_YEAR,
    S_UNIT,
    S_BUDGET,
    S_EXECUTED,
    S_RATE,
    S_CLAIMED,
    S_RECOMPUTED,
    S_RULE,
    S_GRADE_CLAIMED,
    S_GRADE_RULE,
    S_ERRORS,
    S_WARNINGS,
    S_INFOS,
    S_SOURCE,
    S_SHEET,
    SUMMARY_COLS
};

/* 问题清单 columns */
enum { P_NO, P_NAME, P_SEVERITY, P_CODE, P_INDEX, P_INDICATOR, P_FIELD, P_MESSAGE, FINDING_COLS };

#define MAX_COLS 17      /* the widest sheet (汇总) */
#define TEXT_CAP 40      /* text columns wider than this wrap */
#define LINE_HEIGHT 15.0 /* points per line of wrapped text */
#define SHEET_NAME_MAX 31
#define LAST_ROW (LXW_ROW_MAX - 1)

static const char SUMMARY_NAME[] = "汇总";
static const char FINDINGS_NAME[] = "问题清单";
static const char DETAILS_NAME[] = "自评表明细";

/* One sheet being written: its next row and the widest content per column. */
typedef struct sheet {
    lxw_worksheet *ws;
    lxw_row_t row;
    int ncols;
    double width[MAX_COLS];
    int parts;          /* continuation sheets started after this one filled up */
    lxw_row_t head_row; /* a block's indicator header (repeated on printed pages) */
} sheet;

typedef struct formats {
    lxw_format *title, *year, *head, *label, *text, *text_plain, *money, *rate, *score,
        *score_fallback, *integer, *total_label, *total_money, *total_rate, *total_score,
        *total_int, *grade;
} formats;

struct jx_xlsx {
    lxw_workbook *wb;
    char *path;
    char error[600];
    const char *rules_name;
    long project_sheets;
    formats f;
    sheet summary, findings, details;
    bool details_open;
    size_t projects;
    char **names; /* names of the project sheets (at most project_sheets) */
    size_t n_names;
    /* running totals of 汇总 */
    jx_dec budget, executed, claimed, recomputed, rule;
    size_t n_claimed, n_recomputed, n_rule;
    size_t counts[3]; /* findings: errors, warnings, infos (the 汇总 columns' order) */
};

/* A heap copy of s (aborts with a message when memory is out, as the arena does). */
static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(jx_xmalloc(n), s, n);
}

/* ---- errors ------------------------------------------------------------------------------ */

/* Keep the first libxlsxwriter error, with the output file's name. */
static bool ok(jx_xlsx *x, lxw_error e)
{
    if (e == LXW_NO_ERROR) return true;
    if (!x->error[0])
        snprintf(x->error, sizeof x->error, "无法写出 %s: %s (libxlsxwriter error %d)", x->path,
                 lxw_strerror(e), (int)e);
    return false;
}

/* ---- numbers ------------------------------------------------------------------------------- */

/* libxlsxwriter takes doubles, so this is the one place where a jx_dec becomes
 * one, at the call. The conversion is exact to the nearest double: for
 * |v| ≤ 2^53 both v and 10^6 are exact doubles and an IEEE division is
 * correctly rounded, so v / 1e6 is the double nearest the decimal; beyond
 * that, strtod of the decimal's exact text rounds correctly. Excel shows 15
 * significant digits, and a decimal of at most 15 digits survives the trip. */
static double dec_double(jx_dec v)
{
    const jx_dec exact = (jx_dec)1 << 53;
    if (v >= -exact && v <= exact) return (double)v / (double)JX_DEC_SCALE;
    char buf[JX_DEC_BUF];
    return strtod(jx_dec_fmt(v, buf), NULL);
}

/* Amount in 万元 for the summary (projects may state 元). */
static jx_dec in_wan(const jx_project *p, jx_dec v)
{
    if (!jx_has(v)) return v;
    if (p->amount_unit && strcmp(p->amount_unit, "元") == 0)
        return jx_dec_ratio(v, 1, 10000, JX_DEC_DIGITS);
    return v;
}

/* The rate as json_out writes it: stated where the table gives one, else computed. */
static jx_dec shown_rate(const jx_funds *f)
{
    if (jx_has(f->execution_rate)) return f->execution_rate;
    return jx_has(f->rate_computed) ? jx_dec_round(f->rate_computed, 2) : JX_NONE;
}

/* ---- widths ---------------------------------------------------------------------------------- */

/* Width units of the widest line of s (a CJK character counts 2). */
static double text_units(const char *s)
{
    int widest = 0;
    char line[1024];
    while (s && *s) {
        size_t n = strcspn(s, "\n");
        int w = (int)n; /* a very long line: its bytes are width enough */
        if (n < sizeof line) {
            memcpy(line, s, n);
            line[n] = '\0';
            w = jx_text_width(line);
        }
        if (w > widest) widest = w;
        s += n + (s[n] == '\n');
    }
    return widest;
}

static void note_width(sheet *s, int col, double units)
{
    if (col < MAX_COLS && units > s->width[col]) s->width[col] = units;
}

/* Rows of wrapped text that `units` needs in a cell `width` units wide. */
static int lines_for(double units, double width)
{
    if (width < 4) width = 4;
    int n = (int)(units / (width - 1)) + 1;
    return n > 40 ? 40 : n;
}

/* Apply the widths noted: at least `min`, text columns capped (they wrap). */
static bool apply_widths(jx_xlsx *x, sheet *s, const double *min)
{
    for (int c = 0; c < s->ncols; c++) {
        double w = s->width[c] + 2;
        if (min && w < min[c]) w = min[c];
        if (w > TEXT_CAP + 2) w = TEXT_CAP + 2;
        if (!ok(x, worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL))) return false;
    }
    return true;
}

/* ---- cells ------------------------------------------------------------------------------------
 */

static void put_text(jx_xlsx *x, sheet *s, lxw_row_t r, int c, const char *text, lxw_format *f)
{
    if (text && text[0]) {
        note_width(s, c, text_units(text));
        ok(x, worksheet_write_string(s->ws, r, (lxw_col_t)c, text, f));
    } else {
        ok(x, worksheet_write_blank(s->ws, r, (lxw_col_t)c, f));
    }
}

static void put_dec(jx_xlsx *x, sheet *s, lxw_row_t r, int c, jx_dec v, lxw_format *f)
{
    if (!jx_has(v)) {
        ok(x, worksheet_write_blank(s->ws, r, (lxw_col_t)c, f));
        return;
    }
    char buf[JX_DEC_BUF];
    note_width(s, c, (double)strlen(jx_dec_fmt_fixed(v, 2, buf)) + 1);
    ok(x, worksheet_write_number(s->ws, r, (lxw_col_t)c, dec_double(v), f));
}

static void put_int(jx_xlsx *x, sheet *s, lxw_row_t r, int c, long v, lxw_format *f)
{
    note_width(s, c, v > 99999 ? 8 : 5);
    ok(x, worksheet_write_number(s->ws, r, (lxw_col_t)c, (double)v, f));
}

/* A formula with its value cached, so the file is right before recalculation. */
static void put_formula(jx_xlsx *x, sheet *s, lxw_row_t r, int c, const char *formula,
                        jx_dec cached, lxw_format *f)
{
    char buf[JX_DEC_BUF];
    note_width(s, c, (double)strlen(jx_dec_fmt_fixed(cached, 2, buf)) + 1);
    ok(x, worksheet_write_formula_num(s->ws, r, (lxw_col_t)c, formula, f, dec_double(cached)));
}

/* Merge rows r1..r2, columns c1..c2, once their text has been written.
 * libxlsxwriter records the range, writes the first cell and then formatted
 * blanks over the rest. In constant_memory mode a write to a row already
 * flushed is refused, so: write the top-left text first (it stays), and merge
 * while r2 is the current row. `merge` false (自评表明细): no merged cells. */
static void merge(jx_xlsx *x, sheet *s, bool on, lxw_row_t r1, int c1, lxw_row_t r2, int c2,
                  const char *text, lxw_format *f)
{
    if (!on || (r1 == r2 && c1 == c2)) return;
    ok(x, worksheet_merge_range(s->ws, r1, (lxw_col_t)c1, r2, (lxw_col_t)c2, text ? text : "", f));
}

/* Text over columns c1..c2 of row r: merged, or in the first cell. */
static void put_across(jx_xlsx *x, sheet *s, bool on, lxw_row_t r, int c1, int c2, const char *text,
                       lxw_format *f)
{
    if (on && c2 > c1)
        merge(x, s, on, r, c1, r, c2, text, f); /* not counted in the column widths */
    else
        put_text(x, s, r, c1, text, f);
}

static void set_height(jx_xlsx *x, sheet *s, lxw_row_t r, double points)
{
    ok(x, worksheet_set_row(s->ws, r, points, NULL));
}

/* ---- formats -------------------------------------------------------------------------------- */

static lxw_format *new_format(lxw_workbook *wb, bool border, bool bold, const char *num_format)
{
    lxw_format *f = workbook_add_format(wb);
    if (!f) return NULL;
    if (border) format_set_border(f, LXW_BORDER_THIN);
    if (bold) format_set_bold(f);
    if (num_format) format_set_num_format(f, num_format);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

/* Amounts show their decimals as written, at least two ("0.00####"): 12.716
 * 万元 stays 12.716, not 12.72. No thousands separator: "13,092" is exactly
 * the ambiguity the importer has to resolve (NUMBER-AMBIGUOUS). */
#define MONEY_FORMAT "0.00####"
#define RATE_FORMAT "0.00\"%\""
#define SCORE_FORMAT "0.00"

static bool make_formats(lxw_workbook *wb, formats *f)
{
    f->title = new_format(wb, false, true, NULL);
    f->year = new_format(wb, false, false, NULL);
    f->head = new_format(wb, true, true, NULL);
    f->label = new_format(wb, true, true, NULL);
    f->text = new_format(wb, true, false, NULL);
    f->text_plain = new_format(wb, false, false, NULL);
    f->money = new_format(wb, true, false, MONEY_FORMAT);
    f->rate = new_format(wb, true, false, RATE_FORMAT);
    f->score = new_format(wb, true, false, SCORE_FORMAT);
    f->score_fallback = new_format(wb, true, false, SCORE_FORMAT);
    f->integer = new_format(wb, true, false, "0");
    f->total_label = new_format(wb, true, true, NULL);
    f->total_money = new_format(wb, true, true, MONEY_FORMAT);
    f->total_rate = new_format(wb, true, true, RATE_FORMAT);
    f->total_score = new_format(wb, true, true, SCORE_FORMAT);
    f->total_int = new_format(wb, true, true, "0");
    f->grade = new_format(wb, true, true, NULL);
    lxw_format **all = (lxw_format **)f;
    for (size_t i = 0; i < sizeof *f / sizeof *all; i++)
        if (!all[i]) return false;
    format_set_font_size(f->title, 16);
    format_set_align(f->title, LXW_ALIGN_CENTER);
    format_set_align(f->year, LXW_ALIGN_CENTER);
    lxw_format *centred[] = {f->head, f->label, f->total_label, f->grade};
    for (size_t i = 0; i < sizeof centred / sizeof *centred; i++) {
        format_set_align(centred[i], LXW_ALIGN_CENTER);
        format_set_text_wrap(centred[i]);
    }
    format_set_bg_color(f->head, 0xD9E1F2);
    format_set_bg_color(f->label, 0xF2F2F2);
    format_set_text_wrap(f->text);
    format_set_italic(f->score_fallback); /* the rule cannot decide: the claimed score */
    format_set_font_color(f->score_fallback, 0x7F7F7F);
    return true;
}

/* ---- sheet names ------------------------------------------------------------------------ */

/* Bytes of the first `max` characters of s (characters beyond U+FFFF count
 * two, as Excel counts UTF-16 units). */
static size_t prefix_bytes(const char *s, int max)
{
    size_t i = 0;
    int units = 0;
    while (s[i]) {
        unsigned char c = (unsigned char)s[i];
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        int u = n == 4 ? 2 : 1;
        if (units + u > max) break;
        for (size_t k = 1; k < n; k++)
            if (!s[i + k]) return i; /* cut short: stop before it */
        units += u;
        i += n;
    }
    return i;
}

static bool name_taken(const jx_xlsx *x, const char *name)
{
    static const char *const reserved[] = {SUMMARY_NAME, FINDINGS_NAME, DETAILS_NAME, "History",
                                           NULL};
    for (size_t i = 0; reserved[i]; i++)
        if (strcasecmp(name, reserved[i]) == 0) return true;
    if (strncmp(name, DETAILS_NAME, sizeof DETAILS_NAME - 1) == 0) return true;
    for (size_t i = 0; i < x->n_names; i++)
        if (strcasecmp(name, x->names[i]) == 0) return true; /* Excel ignores case */
    return false;
}

/* A sheet name for the project: no []:*?/\, at most 31 characters, unique
 * ("(2)", "(3)", … added to a shortened name). */
static void sheet_name(const jx_xlsx *x, const jx_project *p, char out[128])
{
    char clean[128];
    const char *name = p->name && p->name[0] ? p->name : "项目";
    size_t n = 0;
    for (const char *s = name; *s && n < sizeof clean - 1; s++) {
        char c = *s;
        if (strchr("[]:*?/\\", c) || c == '\n' || c == '\r' || c == '\t') c = '_';
        clean[n++] = c;
    }
    clean[n] = '\0';
    char *start = clean;
    while (*start == '\'')
        start++;
    n = strlen(start);
    while (n && start[n - 1] == '\'')
        start[--n] = '\0';
    if (!*start) start = strcpy(clean, "项目");
    for (int k = 1;; k++) {
        char suffix[16] = "";
        if (k > 1) snprintf(suffix, sizeof suffix, "(%d)", k);
        size_t keep = prefix_bytes(start, SHEET_NAME_MAX - (int)strlen(suffix));
        snprintf(out, 128, "%.*s%s", (int)keep, start, suffix);
        if (!name_taken(x, out)) return;
    }
}

/* ---- print set-up ------------------------------------------------------------------------- */

static void page_setup(lxw_worksheet *ws, bool landscape, lxw_row_t repeat_first,
                       lxw_row_t repeat_last)
{
    worksheet_set_paper(ws, 9); /* A4 */
    if (landscape)
        worksheet_set_landscape(ws);
    else
        worksheet_set_portrait(ws);
    worksheet_fit_to_pages(ws, 1, 0); /* one page wide, as many pages long as needed */
    worksheet_repeat_rows(ws, repeat_first, repeat_last);
    worksheet_center_horizontally(ws);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
}

/* ---- a project block --------------------------------------------------------------------------
 */

/* Rows a block takes (without the blank rows after it). */
static lxw_row_t block_rows(const jx_project *p)
{
    return (lxw_row_t)(13 + p->n_indicators + p->n_texts);
}

static const char *amount_unit(const jx_project *p)
{
    return p->amount_unit && p->amount_unit[0] ? p->amount_unit : "万元";
}

/* Cell name ("H7") of row r, column c. */
static const char *cell(char *buf, lxw_row_t r, int c)
{
    lxw_rowcol_to_cell(buf, r, (lxw_col_t)c);
    return buf;
}

/* "=H7+SUM(H12:H40)": the execution cell plus the indicators' column; with
 * exec_col < 0 the execution score `constant` instead of a cell. */
static void sum_formula(char *out, size_t len, lxw_row_t exec_row, int exec_col, jx_dec constant,
                        lxw_row_t first, lxw_row_t last, int col)
{
    char a[JX_DEC_BUF + 16];
    if (exec_col >= 0)
        cell(a, exec_row, exec_col);
    else
        jx_dec_fmt(jx_has(constant) ? constant : 0, a);
    if (last < first) {
        snprintf(out, len, "=%s", a);
    } else {
        char b[16], c[16];
        snprintf(out, len, "=%s+SUM(%s:%s)", a, cell(b, first, col), cell(c, last, col));
    }
}

/* Height of a row holding `text` merged over columns [c1, c2] of widths w. */
static double merged_height(const char *text, const double *w, int c1, int c2)
{
    double width = 0;
    for (int c = c1; c <= c2; c++)
        width += w[c];
    return LINE_HEIGHT * lines_for(text_units(text), width) + 3;
}

/* The widths a block's columns get (also used to size merged rows). */
static const double BLOCK_MIN[BLOCK_COLS] = {12, 14, 22, 14, 14, 14, 10, 10, 10, 24};

static void block_widths(const sheet *s, double *w)
{
    for (int c = 0; c < BLOCK_COLS; c++) {
        double v = s->width[c] + 2;
        if (v < BLOCK_MIN[c]) v = BLOCK_MIN[c];
        w[c] = v > TEXT_CAP + 2 ? TEXT_CAP + 2 : v;
    }
}

/* Note the widths of a project's indicator cells before writing them, so the
 * merged rows above can be given their heights. */
static void measure_block(sheet *s, const jx_project *p)
{
    for (size_t i = 0; i < p->n_indicators; i++) {
        const jx_indicator *ind = &p->indicators[i];
        note_width(s, C_L1, text_units(ind->level1));
        note_width(s, C_L2, text_units(ind->level2));
        note_width(s, C_NAME, text_units(ind->name));
        note_width(s, C_TARGET, text_units(ind->target));
        note_width(s, C_ADJUSTED, text_units(ind->target_adjusted));
        note_width(s, C_ACTUAL, text_units(ind->actual));
        note_width(s, C_REASON, text_units(ind->reason));
    }
}

/* Same level name as the row above (a run to merge)? */
static bool same(const char *a, const char *b)
{
    return a && b && a[0] && strcmp(a, b) == 0;
}

/* Write the 自评表 of p at s->row. `m`: merged cells as in the printed table
 * (project sheets), or none (自评表明细, to keep memory bounded). */
static void write_block(jx_xlsx *x, sheet *s, const jx_project *p, bool m)
{
    const formats *f = &x->f;
    const jx_funds *fu = &p->funds;
    lxw_row_t r = s->row;
    const int last = BLOCK_COLS - 1;
    double w[BLOCK_COLS];
    measure_block(s, p);
    block_widths(s, w);
    char buf[512];
    lxw_format *long_text = m ? f->text : f->text_plain; /* unmerged: no wrapping */

    /* title and year */
    set_height(x, s, r, 30);
    snprintf(buf, sizeof buf, "%s项目支出绩效自评表", p->name ? p->name : "");
    put_across(x, s, m, r, 0, last, buf, f->title);
    r++;
    if (p->year) {
        snprintf(buf, sizeof buf, "(%d年度)", p->year);
        put_across(x, s, m, r, 0, last, buf, f->year);
    }
    r++;
    /* header */
    put_text(x, s, r, 0, "项目名称", f->label);
    put_across(x, s, m, r, 1, last, p->name, long_text);
    r++;
    double h = merged_height(p->department, w, 1, 4);
    double h2 = merged_height(p->unit, w, 6, last);
    set_height(x, s, r, h > h2 ? h : h2);
    put_text(x, s, r, 0, "主管部门及代码", f->label);
    put_across(x, s, m, r, 1, 4, p->department, long_text);
    put_text(x, s, r, 5, "实施单位", f->label);
    put_across(x, s, m, r, 6, last, p->unit, long_text);
    r++;

    /* funds: two header rows ("得分" over 自评 / 复核), then the figures */
    static const char *const funds_head[BLOCK_COLS] = {
        NULL,   "年初预算数", "全年预算数", "全年执行数", "资金结余",
        "分值", "执行率",     "得分",       NULL,         "偏差原因"};
    char funds_label[64];
    snprintf(funds_label, sizeof funds_label, "项目资金\n(%s)", amount_unit(p));
    put_text(x, s, r, F_LABEL, funds_label, f->head);
    for (int c = 1; c < BLOCK_COLS; c++)
        if (c != F_CLAIMED && c != F_RULE) put_text(x, s, r, c, funds_head[c], f->head);
    put_across(x, s, m, r, F_CLAIMED, F_RULE, "得分", f->head);
    merge(x, s, m, r, F_LABEL, r + 1, F_LABEL, funds_label, f->head);
    for (int c = 1; c < BLOCK_COLS; c++)
        if (c != F_CLAIMED && c != F_RULE) merge(x, s, m, r, c, r + 1, c, funds_head[c], f->head);
    r++;
    put_text(x, s, r, F_CLAIMED, "自评得分", f->head);
    snprintf(buf, sizeof buf, "复核得分 (%s)", x->rules_name);
    put_text(x, s, r, F_RULE, buf, f->head);
    r++;
    const lxw_row_t funds_row = r;
    put_text(x, s, r, F_LABEL, "年度资金总额", f->label);
    put_dec(x, s, r, F_INITIAL, fu->budget_initial, f->money);
    put_dec(x, s, r, F_BUDGET, fu->budget, f->money);
    put_dec(x, s, r, F_EXECUTED, fu->executed, f->money);
    put_dec(x, s, r, F_BALANCE, fu->balance, f->money);
    /* a table that states no funds figure (TABLE-EMPTY) gets no execution
     * weight or score either: the block says what the table says */
    bool funds_stated = jx_has(fu->budget_initial) || jx_has(fu->budget) || jx_has(fu->executed) ||
                        jx_has(fu->balance) || jx_has(fu->execution_rate) ||
                        jx_has(fu->execution_score_claimed);
    jx_dec exec_weight = funds_stated ? fu->execution_weight : JX_NONE;
    put_dec(x, s, r, F_WEIGHT, exec_weight, f->score);
    put_dec(x, s, r, F_RATE, shown_rate(fu), f->rate);
    put_dec(x, s, r, F_CLAIMED, fu->execution_score_claimed, f->score);
    put_text(x, s, r, F_RULE, NULL, f->score);
    put_text(x, s, r, F_REASON, fu->reason, f->text);
    r++;
    /* The rule's execution score on a row of its own: next to the table's
     * figures it would be one more number for the importer to place (a
     * score after a score reads like a rate when a balance is wrong). The
     * label ends in ")" so the importer takes it for a label, not a reason. */
    const lxw_row_t rule_row = r;
    snprintf(buf, sizeof buf, "按规则复核 (%s)", x->rules_name);
    put_text(x, s, r, F_LABEL, buf, f->label);
    for (int c = 1; c < BLOCK_COLS; c++)
        if (c != F_RULE) put_text(x, s, r, c, NULL, f->score);
    put_dec(x, s, r, F_RULE, funds_stated ? fu->execution_score : JX_NONE, f->score);
    r++;

    /* 年度总体目标: 预期目标 / 实际完成情况 */
    put_text(x, s, r, 0, "年度总体目标", f->head);
    put_across(x, s, m, r, 1, 5, "预期目标", f->head);
    put_across(x, s, m, r, 6, last, "实际完成情况", f->head);
    merge(x, s, m, r, 0, r + 1, 0, "年度总体目标", f->head);
    r++;
    h = merged_height(p->goal_expected, w, 1, 5);
    h2 = merged_height(p->goal_actual, w, 6, last);
    if (m) set_height(x, s, r, h > h2 ? h : h2);
    put_across(x, s, m, r, 1, 5, p->goal_expected, long_text);
    put_across(x, s, m, r, 6, last, p->goal_actual, long_text);
    r++;

    /* indicators */
    static const char *const ind_head[BLOCK_COLS] = {
        "一级指标",   "二级指标", "三级指标",    "年初指标值", "调整后指标值",
        "实际完成值", "分值",     "得分 (自评)", NULL,         "偏差原因分析及改进措施"};
    for (int c = 0; c < BLOCK_COLS; c++)
        put_text(x, s, r, c, ind_head[c], f->head);
    snprintf(buf, sizeof buf, "得分 (复核: %s)", x->rules_name);
    put_text(x, s, r, C_RULE, buf, f->head);
    s->head_row = r;
    r++;
    const lxw_row_t first = r;
    jx_dec weights = jx_has(exec_weight) ? exec_weight : 0;
    lxw_row_t run1 = r, run2 = r; /* where the current 一级 / 二级 names began */
    for (size_t i = 0; i < p->n_indicators; i++, r++) {
        const jx_indicator *ind = &p->indicators[i];
        const jx_indicator *prev = i ? ind - 1 : NULL;
        const jx_indicator *next = i + 1 < p->n_indicators ? ind + 1 : NULL;
        /* merged runs of the same 一级 (and 二级 under it), as printed */
        bool cont1 = m && prev && same(prev->level1, ind->level1);
        bool cont2 = cont1 && same(prev->level2, ind->level2);
        if (!cont1) run1 = r;
        if (!cont2) run2 = r;
        put_text(x, s, r, C_L1, cont1 ? NULL : ind->level1, f->text);
        put_text(x, s, r, C_L2, cont2 ? NULL : ind->level2, f->text);
        put_text(x, s, r, C_NAME, ind->name, f->text);
        put_text(x, s, r, C_TARGET, ind->target, f->text);
        put_text(x, s, r, C_ADJUSTED, ind->target_adjusted, f->text);
        put_text(x, s, r, C_ACTUAL, ind->actual, f->text);
        put_dec(x, s, r, C_WEIGHT, ind->weight, f->score);
        put_dec(x, s, r, C_CLAIMED, ind->score_claimed, f->score);
        /* the rule total counts the claimed score where the rule cannot
         * decide (score.c); shown in grey italics */
        if (jx_has(ind->score_rule))
            put_dec(x, s, r, C_RULE, ind->score_rule, f->score);
        else
            put_dec(x, s, r, C_RULE, ind->score_claimed, f->score_fallback);
        put_text(x, s, r, C_REASON, ind->reason, f->text);
        if (jx_has(ind->weight)) weights += ind->weight;
        bool end1 = !next || !same(ind->level1, next->level1);
        bool end2 = end1 || !same(ind->level2, next->level2);
        if (m && end2 && r > run2) merge(x, s, m, run2, C_L2, r, C_L2, ind->level2, f->text);
        if (m && end1 && r > run1) merge(x, s, m, run1, C_L1, r, C_L1, ind->level1, f->text);
    }
    const lxw_row_t last_ind = r - 1;

    /* 总分: weights, the claimed total, the claimed grade */
    char formula[128];
    put_across(x, s, m, r, 0, C_ACTUAL, "总分", f->total_label);
    sum_formula(formula, sizeof formula, funds_row, F_WEIGHT, 0, first, last_ind, C_WEIGHT);
    put_formula(x, s, r, C_WEIGHT, formula, weights, f->total_score);
    if (jx_has(p->total_claimed) && p->total_claimed != p->total_recomputed) {
        /* the table states a total its own scores do not add up to
         * (TOTAL-SUM): show what it states */
        put_dec(x, s, r, C_CLAIMED, p->total_claimed, f->total_score);
    } else {
        /* the execution score claimed, else the rule's (as total_recomputed) */
        bool claimed = jx_has(fu->execution_score_claimed);
        sum_formula(formula, sizeof formula, claimed ? funds_row : rule_row,
                    claimed        ? F_CLAIMED
                    : funds_stated ? F_RULE
                                   : -1,
                    fu->execution_score, first, last_ind, C_CLAIMED);
        put_formula(x, s, r, C_CLAIMED, formula, p->total_recomputed, f->total_score);
    }
    put_text(x, s, r, C_RULE, NULL, f->total_score);
    put_text(x, s, r, C_REASON, p->grade_claimed, f->grade);
    r++;
    /* the rule set's total and grade */
    snprintf(buf, sizeof buf, "按规则复核 (规则集 %s)", x->rules_name);
    put_across(x, s, m, r, 0, C_ACTUAL, buf, f->total_label);
    put_text(x, s, r, C_WEIGHT, NULL, f->total_score);
    put_text(x, s, r, C_CLAIMED, NULL, f->total_score);
    sum_formula(formula, sizeof formula, rule_row, funds_stated ? F_RULE : -1, fu->execution_score,
                first, last_ind, C_RULE);
    put_formula(x, s, r, C_RULE, formula, p->total_rule, f->total_score);
    put_text(x, s, r, C_REASON, p->grade_rule, f->grade);
    r++;
    /* the table's analysis texts */
    for (size_t i = 0; i < p->n_texts; i++, r++) {
        const jx_text_section *t = &p->texts[i];
        if (m) set_height(x, s, r, merged_height(t->text, w, 3, last));
        put_across(x, s, m, r, 0, 2, t->label, f->label);
        put_across(x, s, m, r, 3, last, t->text, long_text);
    }
    s->row = r;
}

/* ---- sheets ---------------------------------------------------------------------------------- */

static bool add_sheet(jx_xlsx *x, sheet *s, const char *name, int ncols)
{
    memset(s, 0, sizeof *s);
    s->ws = workbook_add_worksheet(x->wb, name);
    s->ncols = ncols;
    if (!s->ws && !x->error[0])
        snprintf(x->error, sizeof x->error, "无法写出 %s: 不能添加工作表 \"%s\"", x->path, name);
    return s->ws != NULL;
}

static void header_row(jx_xlsx *x, sheet *s, const char *const *labels, int n)
{
    set_height(x, s, 0, 30);
    for (int c = 0; c < n; c++)
        put_text(x, s, 0, c, labels[c], x->f.head);
    worksheet_freeze_panes(s->ws, 1, 0);
    page_setup(s->ws, true, 0, 0);
    s->row = 1;
}

static bool start_summary(jx_xlsx *x)
{
    if (!add_sheet(x, &x->summary, SUMMARY_NAME, SUMMARY_COLS)) return false;
    char rule_total[96], rule_grade[96];
    snprintf(rule_total, sizeof rule_total, "规则总分 (%s)", x->rules_name);
    snprintf(rule_grade, sizeof rule_grade, "规则等级 (%s)", x->rules_name);
    const char *const labels[SUMMARY_COLS] = {"序号",
                                              "项目名称",
                                              "年度",
                                              "实施单位",
                                              "全年预算数 (万元)",
                                              "全年执行数 (万元)",
                                              "执行率",
                                              "自评总分",
                                              "复算总分",
                                              rule_total,
                                              "自评等级",
                                              rule_grade,
                                              "错误",
                                              "警告",
                                              "提示",
                                              "来源文件",
                                              "工作表"};
    header_row(x, &x->summary, labels, SUMMARY_COLS);
    return true;
}

static bool start_findings(jx_xlsx *x, sheet *s, const char *name)
{
    if (!add_sheet(x, s, name, FINDING_COLS)) return false;
    static const char *const labels[FINDING_COLS] = {"项目序号", "项目", "严重程度", "代码",
                                                     "指标序号", "指标", "字段",     "说明"};
    header_row(x, s, labels, FINDING_COLS);
    return true;
}

static const double SUMMARY_MIN[SUMMARY_COLS] = {6,  20, 6, 16, 12, 12, 10, 10, 10,
                                                 12, 8,  8, 6,  6,  6,  16, 14};
static const double FINDINGS_MIN[FINDING_COLS] = {8, 20, 8, 18, 8, 20, 14, 40};

/* Move to a continuation sheet ("问题清单 (2)") when `rows` more do not fit. */
static bool room_for(jx_xlsx *x, sheet *s, lxw_row_t rows, const char *base, bool findings)
{
    if (s->row + rows <= LAST_ROW) return true;
    if (!apply_widths(x, s, findings ? FINDINGS_MIN : BLOCK_MIN)) return false;
    char name[64];
    int parts = s->parts + 1;
    snprintf(name, sizeof name, "%s (%d)", base, parts + 1);
    bool done = findings ? start_findings(x, s, name) : add_sheet(x, s, name, BLOCK_COLS);
    if (done && !findings) page_setup(s->ws, false, 0, 0);
    s->parts = parts;
    return done;
}

/* ---- the workbook ------------------------------------------------------------------------------
 */

jx_xlsx *jx_xlsx_create(const char *path, const jx_xlsx_options *opt, char *err, size_t errlen)
{
    /* find out now, not after reading every input, that the file cannot be
     * written (libxlsxwriter creates it only when the workbook is closed) */
    FILE *probe = fopen(path, "wb");
    if (!probe) {
        snprintf(err, errlen, "无法写出 %s: %s", path, strerror(errno));
        return NULL;
    }
    fclose(probe);
    jx_xlsx *x = calloc(1, sizeof *x);
    if (!x) {
        snprintf(err, errlen, "%s: 内存不足 (out of memory)", path);
        return NULL;
    }
    x->path = xstrdup(path);
    x->rules_name = opt && opt->rules_name ? opt->rules_name : "mof-2020";
    x->project_sheets =
        opt && opt->project_sheets >= 0 ? opt->project_sheets : JX_XLSX_PROJECT_SHEETS;
    if (x->project_sheets > 0) x->names = jx_xmalloc((size_t)x->project_sheets * sizeof *x->names);
    lxw_workbook_options wo = {.constant_memory = LXW_TRUE,
                               .tmpdir = opt ? (char *)opt->tmpdir : NULL,
                               .use_zip64 = LXW_FALSE};
    x->wb = workbook_new_opt(path, &wo);
    if (!x->wb) {
        snprintf(err, errlen, "无法写出 %s: 不能创建工作簿 (cannot create the workbook)", path);
        free(x->names);
        free(x->path);
        free(x);
        return NULL;
    }
    /* reproducible: a fixed date instead of "now" (2000-01-01T00:00:00Z) */
    lxw_doc_properties props = {.title = "项目支出绩效自评表",
                                .subject = "jixiao export",
                                .author = "jixiao",
                                .created = (time_t)946684800};
    bool started = ok(x, workbook_set_properties(x->wb, &props)) && make_formats(x->wb, &x->f) &&
                   start_summary(x) && start_findings(x, &x->findings, FINDINGS_NAME);
    if (!started) {
        if (!x->error[0]) snprintf(x->error, sizeof x->error, "无法写出 %s: 不能创建工作簿", path);
        snprintf(err, errlen, "%s", x->error);
        jx_xlsx_close(x, NULL, 0);
        return NULL;
    }
    return x;
}

static const char *severity_zh(jx_severity s)
{
    return s == JX_SEV_ERROR ? "错误" : s == JX_SEV_WARNING ? "警告" : "提示";
}

static void add_findings(jx_xlsx *x, const jx_project *p)
{
    sheet *s = &x->findings;
    const formats *f = &x->f;
    for (size_t i = 0; i < p->n_findings; i++) {
        if (!room_for(x, s, 1, FINDINGS_NAME, true)) return;
        const jx_finding *fd = &p->findings[i];
        lxw_row_t r = s->row++;
        put_int(x, s, r, P_NO, (long)x->projects, f->integer);
        put_text(x, s, r, P_NAME, p->name, f->text);
        put_text(x, s, r, P_SEVERITY, severity_zh(fd->severity), f->text);
        put_text(x, s, r, P_CODE, fd->code, f->text);
        bool has_ind = fd->indicator >= 0 && (size_t)fd->indicator < p->n_indicators;
        if (has_ind) {
            put_int(x, s, r, P_INDEX, fd->indicator + 1L, f->integer);
            put_text(x, s, r, P_INDICATOR, p->indicators[fd->indicator].name, f->text);
        } else {
            put_text(x, s, r, P_INDEX, NULL, f->integer);
            put_text(x, s, r, P_INDICATOR, NULL, f->text);
        }
        put_text(x, s, r, P_FIELD, fd->field, f->text);
        put_text(x, s, r, P_MESSAGE, fd->message, f->text);
    }
}

static void add_summary_row(jx_xlsx *x, const jx_project *p, const char *source, const char *where)
{
    sheet *s = &x->summary;
    if (s->row >= LAST_ROW - 2) return; /* Excel's last rows: kept for the 合计 row */
    const formats *f = &x->f;
    lxw_row_t r = s->row++;
    const jx_funds *fu = &p->funds;
    size_t n[3] = {jx_project_count(p, JX_SEV_ERROR), jx_project_count(p, JX_SEV_WARNING),
                   jx_project_count(p, JX_SEV_INFO)};
    jx_dec budget = in_wan(p, fu->budget), executed = in_wan(p, fu->executed);
    put_int(x, s, r, S_NO, (long)x->projects, f->integer);
    put_text(x, s, r, S_NAME, p->name, f->text);
    if (p->year)
        put_int(x, s, r, S_YEAR, p->year, f->integer);
    else
        put_text(x, s, r, S_YEAR, NULL, f->integer);
    put_text(x, s, r, S_UNIT, p->unit, f->text);
    put_dec(x, s, r, S_BUDGET, budget, f->money);
    put_dec(x, s, r, S_EXECUTED, executed, f->money);
    put_dec(x, s, r, S_RATE, shown_rate(fu), f->rate);
    put_dec(x, s, r, S_CLAIMED, p->total_claimed, f->score);
    put_dec(x, s, r, S_RECOMPUTED, p->total_recomputed, f->score);
    put_dec(x, s, r, S_RULE, p->total_rule, f->score);
    put_text(x, s, r, S_GRADE_CLAIMED, p->grade_claimed, f->text);
    put_text(x, s, r, S_GRADE_RULE, p->grade_rule, f->text);
    put_int(x, s, r, S_ERRORS, (long)n[0], f->integer);
    put_int(x, s, r, S_WARNINGS, (long)n[1], f->integer);
    put_int(x, s, r, S_INFOS, (long)n[2], f->integer);
    put_text(x, s, r, S_SOURCE, source, f->text);
    put_text(x, s, r, S_SHEET, where, f->text);
    if (jx_has(budget)) x->budget += budget;
    if (jx_has(executed)) x->executed += executed;
    if (jx_has(p->total_claimed)) x->claimed += p->total_claimed, x->n_claimed++;
    if (jx_has(p->total_recomputed)) x->recomputed += p->total_recomputed, x->n_recomputed++;
    if (jx_has(p->total_rule)) x->rule += p->total_rule, x->n_rule++;
    for (int k = 0; k < 3; k++)
        x->counts[k] += n[k];
}

bool jx_xlsx_add(jx_xlsx *x, const jx_project *p, const char *source)
{
    if (x->error[0]) return false;
    x->projects++;
    char where[160];
    if ((long)x->n_names < x->project_sheets) {
        char name[128];
        sheet_name(x, p, name);
        sheet s;
        if (!add_sheet(x, &s, name, BLOCK_COLS)) return false;
        x->names[x->n_names++] = xstrdup(name);
        write_block(x, &s, p, true);
        apply_widths(x, &s, BLOCK_MIN);
        /* repeat the indicator header row when the table runs over pages */
        page_setup(s.ws, false, s.head_row, s.head_row);
        snprintf(where, sizeof where, "%s", name);
    } else {
        sheet *d = &x->details;
        if (!x->details_open) {
            if (!add_sheet(x, d, DETAILS_NAME, BLOCK_COLS)) return false;
            page_setup(d->ws, false, 0, 0);
            x->details_open = true;
        }
        if (!room_for(x, d, block_rows(p) + 2, DETAILS_NAME, false)) return false;
        char ref[16];
        lxw_rowcol_to_cell(ref, d->row, 0);
        if (d->parts)
            snprintf(where, sizeof where, "%s (%d)!%s", DETAILS_NAME, d->parts + 1, ref);
        else
            snprintf(where, sizeof where, "%s!%s", DETAILS_NAME, ref);
        write_block(x, d, p, false);
        d->row += 2; /* blank rows between blocks */
    }
    add_summary_row(x, p, source, where);
    add_findings(x, p);
    return !x->error[0];
}

/* The 合计 row of 汇总: formulas with their values cached. */
static void summary_totals(jx_xlsx *x)
{
    sheet *s = &x->summary;
    const formats *f = &x->f;
    lxw_row_t last = s->row - 1; /* last project row (0 = none) */
    lxw_row_t r = s->row + 1;    /* one blank row: sorting the list leaves 合计 alone */
    char formula[160], a[16], b[16], c[16];
    if (last >= 1)
        worksheet_autofilter(s->ws, 0, 0, last, SUMMARY_COLS - 1);
    else
        worksheet_autofilter(s->ws, 0, 0, 0, SUMMARY_COLS - 1);
    put_text(x, s, r, S_NO, NULL, f->total_label);
    snprintf(formula, sizeof formula, "合计 / 平均 (%zu 个项目)", x->projects);
    put_text(x, s, r, S_NAME, formula, f->total_label);
    for (int col = S_YEAR; col < SUMMARY_COLS; col++) {
        jx_dec cached = JX_NONE;
        const char *fn = "SUM";
        lxw_format *fmt = f->total_score;
        size_t count = 0;
        switch (col) {
        case S_BUDGET:
            cached = x->budget, fmt = f->total_money;
            break;
        case S_EXECUTED:
            cached = x->executed, fmt = f->total_money;
            break;
        case S_CLAIMED:
            cached = x->claimed, count = x->n_claimed, fn = "AVERAGE";
            break;
        case S_RECOMPUTED:
            cached = x->recomputed, count = x->n_recomputed, fn = "AVERAGE";
            break;
        case S_RULE:
            cached = x->rule, count = x->n_rule, fn = "AVERAGE";
            break;
        case S_ERRORS:
        case S_WARNINGS:
        case S_INFOS: /* counts[] in column order: errors, warnings, infos */
            cached = JX_DEC((jx_dec)x->counts[col - S_ERRORS]);
            fmt = f->total_int;
            break;
        default:
            break;
        }
        if (col == S_RATE) {
            jx_dec rate = x->budget > 0 ? jx_dec_percent(x->executed, x->budget, 2) : 0;
            lxw_rowcol_to_cell(a, r, S_BUDGET);
            lxw_rowcol_to_cell(b, r, S_EXECUTED);
            snprintf(formula, sizeof formula, "=IF(%s>0,ROUND(%s/%s*100,2),0)", a, b, a);
            put_formula(x, s, r, col, formula, rate, f->total_rate);
            continue;
        }
        if (!jx_has(cached)) {
            put_text(x, s, r, col, NULL, f->total_label);
            continue;
        }
        if (last < 1) {
            put_dec(x, s, r, col, 0, fmt);
            continue;
        }
        lxw_rowcol_to_cell(b, 1, (lxw_col_t)col);
        lxw_rowcol_to_cell(c, last, (lxw_col_t)col);
        if (strcmp(fn, "AVERAGE") == 0) {
            if (count == 0) {
                put_text(x, s, r, col, NULL, fmt);
                continue;
            }
            /* rounded in the sheet as here, so the cached value is exact */
            cached = jx_dec_div(cached, JX_DEC((jx_dec)count), 2);
            snprintf(formula, sizeof formula, "=ROUND(AVERAGE(%s:%s),2)", b, c);
        } else {
            snprintf(formula, sizeof formula, "=SUM(%s:%s)", b, c);
        }
        put_formula(x, s, r, col, formula, cached, fmt);
    }
}

bool jx_xlsx_close(jx_xlsx *x, char *err, size_t errlen)
{
    if (x->summary.ws && !x->error[0]) {
        summary_totals(x);
        apply_widths(x, &x->summary, SUMMARY_MIN);
    }
    if (x->findings.ws && !x->error[0]) {
        sheet *s = &x->findings;
        worksheet_autofilter(s->ws, 0, 0, s->row > 1 ? s->row - 1 : 0, FINDING_COLS - 1);
        apply_widths(x, s, FINDINGS_MIN);
    }
    if (x->details_open && !x->error[0]) apply_widths(x, &x->details, BLOCK_MIN);
    if (x->summary.ws) worksheet_activate(x->summary.ws);
    lxw_error e = workbook_close(x->wb); /* frees the workbook in every case */
    ok(x, e);
    bool fine = !x->error[0];
    if (!fine && err) snprintf(err, errlen, "%s", x->error);
    if (!fine) remove(x->path); /* no half-written workbook */
    for (size_t i = 0; i < x->n_names; i++)
        free(x->names[i]);
    free(x->names);
    free(x->path);
    free(x);
    return fine;
}
