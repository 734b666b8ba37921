/* overall_import.c — a whole-department self-evaluation into the overall
 * model (overall.h): the native JSON (docs/overall.md), or a document as rows
 * (text, .docx, .xlsx, via the importers of src/import) holding
 *
 *   - 附表1 基础数据表: the header with 编制数 / 在职人数 and the row under it;
 *     the header "YYYY年决算数 | YYYY年预算数 | …" and rows 三公经费, 公务接待,
 *     项目支出, 公用经费, 政府采购金额 … (amount unit from "单位:万元/元" or, when
 *     the table does not say, from the report's own figures);
 *   - 附表2 共性指标表: the header 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 |
 *     分值 | … | 得分, continuation rows inheriting their parents, 合计;
 *   - the report's sentences: stated rates after each rule label ("在职人员
 *     控制率…=93.2%"), figures inside those sentences ("伙食补助费83.808万元"),
 *     numbered section scores ("6.履职效益得18分"), the total ("评价得分为 91分")
 *     and, for every indicator, the words that follow its name (justification).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/text.h"
#include "../import/docx.h"
#include "../import/text.h"
#include "../import/xlsx.h"
#include "../json/reader.h"
#include "../value/amount.h"
#include "overall.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* ---- small text helpers --------------------------------------------------------- */

/* NFKC, without whitespace and without curly quotes (“三公”经费 → 三公经费). */
static char *clean(jx_arena *a, const char *s)
{
    char *t = jx_text_nfkc(a, s);
    jx_text_squeeze(t);
    static const char *const quotes[] = {"\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98",
                                         "\xe2\x80\x99", "\""};
    for (size_t q = 0; q < COUNT(quotes); q++) {
        size_t ql = strlen(quotes[q]);
        char *p;
        while ((p = strstr(t, quotes[q])) != NULL)
            memmove(p, p + ql, strlen(p + ql) + 1);
    }
    return t;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A plain decimal at s ("91.51"); returns its length, 0 when none. */
static size_t number_at(const char *s, jx_dec *v, int *dec)
{
    size_t n = 0;
    while (is_digit(s[n]))
        n++;
    if (n == 0) return 0;
    if (s[n] == '.' && is_digit(s[n + 1])) {
        n++;
        while (is_digit(s[n]))
            n++;
    }
    if (n > 24 || !jx_dec_parse(s, n, v, dec)) return 0;
    return n;
}

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ---- the import state ---------------------------------------------------------------- */

typedef enum { M_NONE, M_STAFF, M_FUNDS, M_INDICATORS } tmode;

typedef struct {
    const char *key;
    jx_dec value;
    int line;
} pending;

typedef struct {
    char *text; /* clean() */
    int line;
} para;

typedef struct {
    jx_overall *o;
    const jx_ov_rules *r;
    jx_arena *a;
    tmode mode;
    int staff_cols[4]; /* supported, authorized, actual, rate */
    const char *funds_suffix[JX_MAX_CELLS];
    int col_l1, col_w1, col_l2, col_w2, col_name, col_w3, col_score;
    const char *cur_l1, *cur_l2;
    pending *table;
    size_t n_table, cap_table;
    para *paras;
    size_t n_paras, cap_paras;
    int unit_stated; /* 0 unknown, 1 元, 10000 万元 */
} ictx;

static void *grow(jx_arena *a, void *arr, size_t n, size_t *cap, size_t size)
{
    if (n < *cap) return arr;
    size_t nc = *cap ? *cap * 2 : 32;
    arr = jx_arena_grow(a, arr, *cap * size, nc * size);
    *cap = nc;
    return arr;
}

static void add_pending(ictx *c, const char *key, jx_dec v, int line)
{
    c->table = grow(c->a, c->table, c->n_table, &c->cap_table, sizeof *c->table);
    c->table[c->n_table++] = (pending){jx_arena_strdup(c->a, key), v, line};
}

/* A cell as a number; false when blank or not a number. */
static bool cell_number(const char *s, jx_dec *v)
{
    jx_dec alt;
    jx_amount_status st = jx_amount_parse(s, v, &alt);
    return st == JX_AMOUNT_OK || st == JX_AMOUNT_AMBIGUOUS;
}

/* ---- 附表1 --------------------------------------------------------------------- */

static bool staff_header(ictx *c, const jx_row *row)
{
    int cols[4] = {-1, -1, -1, -1};
    for (size_t i = 0; i < row->n; i++) {
        const char *t = clean(c->a, row->cells[i]);
        if (strcmp(t, "编制数") == 0)
            cols[1] = (int)i;
        else if (strstr(t, "在职"))
            cols[2] = (int)i;
        else if (strstr(t, "财政供养"))
            cols[0] = (int)i;
        else if (strstr(t, "控制率"))
            cols[3] = (int)i;
    }
    if (cols[1] < 0) return false;
    memcpy(c->staff_cols, cols, sizeof cols);
    return true;
}

/* The rule part computed as staff_actual / staff_authorized, for the stated 控制率. */
static const char *staff_part(const jx_ov_rules *r)
{
    for (int i = 0; i < r->n_rules; i++)
        for (int k = 0; k < r->rules[i].n_parts; k++)
            if (strcmp(r->rules[i].parts[k].num, "staff_actual") == 0)
                return r->rules[i].parts[k].name;
    return NULL;
}

static void staff_row(ictx *c, const jx_row *row)
{
    static const char *const keys[] = {"staff_supported", "staff_authorized", "staff_actual"};
    jx_dec v;
    bool any = false;
    for (int k = 0; k < 4; k++) {
        int col = c->staff_cols[k];
        if (col < 0 || (size_t)col >= row->n || !cell_number(row->cells[col], &v)) continue;
        any = true;
        if (k < 3) {
            jx_ov_set(c->o, keys[k], v, jx_dec_decimals(v), (int)row->line, false);
        } else if (staff_part(c->r)) {
            int dec = jx_dec_decimals(v);
            jx_ov_add_stated(c->o, staff_part(c->r), v, dec, (int)row->line);
        }
    }
    if (any) c->mode = M_NONE;
}

/* "2022年决算数" → year and kind ('A' actual, 'B' budget); false otherwise. */
static bool year_column(const char *t, int *year, char *kind)
{
    if (!(is_digit(t[0]) && is_digit(t[1]) && is_digit(t[2]) && is_digit(t[3]))) return false;
    if (!starts(t + 4, "年")) return false;
    *year = atoi(t);
    const char *rest = t + 4 + strlen("年");
    if (starts(rest, "决算"))
        *kind = 'A';
    else if (starts(rest, "预算"))
        *kind = 'B';
    else
        return false;
    return true;
}

static bool funds_header(ictx *c, const jx_row *row)
{
    int years[JX_MAX_CELLS], max = 0, found = 0;
    char kinds[JX_MAX_CELLS];
    for (size_t i = 0; i < row->n && i < JX_MAX_CELLS; i++) {
        years[i] = 0;
        if (year_column(clean(c->a, row->cells[i]), &years[i], &kinds[i])) {
            found++;
            if (years[i] > max) max = years[i];
        }
    }
    if (found < 2) return false;
    for (size_t i = 0; i < row->n && i < JX_MAX_CELLS; i++) {
        c->funds_suffix[i] = NULL;
        if (!years[i]) continue;
        bool now = years[i] == max;
        c->funds_suffix[i] = kinds[i] == 'A' ? (now ? "_actual" : "_prev_actual")
                                             : (now ? "_budget" : "_prev_budget");
    }
    if (!c->o->year) c->o->year = max;
    return true;
}

/* "1、公务用车购置和维护经费", "其中：公车购置", "项目支出：" → the bare label. */
static const char *bare_label(ictx *c, const char *cell)
{
    char *t = clean(c->a, cell);
    while (is_digit(*t))
        t++;
    if (starts(t, "、"))
        t += strlen("、");
    else if (*t == '.')
        t++;
    if (starts(t, "其中:")) t += strlen("其中:");
    size_t n = strlen(t);
    if (n && t[n - 1] == ':') t[n - 1] = '\0';
    return t;
}

static const struct {
    const char *label, *prefix;
} FUND_ROWS[] = {
    {"三公经费", "three_public"},
    {"公务用车购置和维护经费", "vehicles"},
    {"公务用车购置及运行维护费", "vehicles"},
    {"公车购置", "vehicle_purchase"},
    {"公车运行维护", "vehicle_running"},
    {"出国经费", "abroad"},
    {"因公出国(境)费", "abroad"},
    {"公务接待", "reception"},
    {"公务接待费", "reception"},
    {"项目支出", "projects"},
    {"业务工作项目", "projects_business"},
    {"运行维护项目", "projects_maintenance"},
    {"其他项目", "projects_other"},
    {"公用经费", "public_funds"},
    {"办公经费", "office"},
    {"水费、电费、差旅费", "utilities_travel"},
    {"会议费、培训费", "meetings_training"},
    {"政府采购金额", "procurement"},
    {"部门整体支出预算调整", "budget_adjustment"},
};

static void funds_row(ictx *c, const jx_row *row)
{
    if (row->n == 0) return;
    const char *label = bare_label(c, row->cells[0]);
    if (strstr(label, "楼堂馆所") || strstr(label, "厉行节约")) {
        c->mode = M_NONE;
        return;
    }
    const char *prefix = NULL;
    for (size_t i = 0; i < COUNT(FUND_ROWS) && !prefix; i++)
        if (strcmp(label, FUND_ROWS[i].label) == 0) prefix = FUND_ROWS[i].prefix;
    jx_dec v;
    bool numbers = false;
    for (size_t i = 1; i < row->n && i < JX_MAX_CELLS; i++) {
        if (!c->funds_suffix[i] || !cell_number(row->cells[i], &v)) continue;
        numbers = true;
        if (!prefix) continue;
        char key[JX_OV_KEY + 16];
        snprintf(key, sizeof key, "%s%s", prefix, c->funds_suffix[i]);
        add_pending(c, key, v, (int)row->line);
    }
    if (!prefix && numbers)
        jx_ov_finding(c->o, "OVERALL-IMPORT", JX_SEV_INFO, -1, NULL,
                      "line %ld: base-data row \"%s\" is not used by the evaluation",
                      "第 %ld 行: 基础数据行“%s”不参与评价, 未读取", row->line, label);
}

/* ---- 附表2 --------------------------------------------------------------------- */

static bool indicator_header(ictx *c, const jx_row *row)
{
    int l1 = -1, l2 = -1, l3 = -1, score = -1;
    for (size_t i = 0; i < row->n; i++) {
        const char *t = clean(c->a, row->cells[i]);
        if (strcmp(t, "一级指标") == 0)
            l1 = (int)i;
        else if (strcmp(t, "二级指标") == 0)
            l2 = (int)i;
        else if (strcmp(t, "三级指标") == 0)
            l3 = (int)i;
        else if (strcmp(t, "得分") == 0 || strcmp(t, "自评得分") == 0)
            score = (int)i;
    }
    if (l1 < 0 || l2 < 0 || score < 0) return false;
    if (l3 < 0) l3 = l2, l2 = -1; /* a two-level table: 一级 | 二级 (the indicator) */
    c->col_l1 = l1;
    c->col_l2 = l2;
    c->col_name = l3;
    c->col_score = score;
    c->col_w1 = l1 + 1;
    c->col_w2 = l2 >= 0 ? l2 + 1 : -1;
    c->col_w3 = l3 + 1;
    c->cur_l1 = c->cur_l2 = NULL;
    return true;
}

static const char *cell_at(const jx_row *row, int col)
{
    return col >= 0 && (size_t)col < row->n ? row->cells[col] : "";
}

static void total_row(ictx *c, const jx_row *row)
{
    jx_dec v, first = JX_NONE, last = JX_NONE;
    int numbers = 0;
    for (size_t i = 1; i < row->n; i++)
        if (cell_number(row->cells[i], &v)) {
            if (!numbers++) first = v;
            last = v;
        }
    if (numbers >= 2) c->o->total_weight_claimed = first;
    if (numbers >= 1) c->o->total_claimed = last;
    c->mode = M_NONE;
}

/* The score cell: its column, or — on a row short of cells (a lost 指标说明
 * column) — the row's last cell when it is a number beyond the weight. */
static bool row_score(const ictx *c, const jx_row *row, jx_dec *v)
{
    const char *s = cell_at(row, c->col_score);
    if (s[0]) return cell_number(s, v);
    if ((int)row->n <= c->col_score && (int)row->n - 1 > c->col_w3)
        return cell_number(row->cells[row->n - 1], v);
    return false;
}

static void level_cells(ictx *c, const jx_row *row)
{
    jx_dec v;
    const char *l1 = clean(c->a, cell_at(row, c->col_l1));
    if (l1[0]) {
        c->cur_l1 = l1;
        c->cur_l2 = NULL;
        if (cell_number(cell_at(row, c->col_w1), &v))
            jx_ov_add_level(c->o, l1, NULL, v, (int)row->line);
    }
    const char *l2 = c->col_l2 >= 0 ? clean(c->a, cell_at(row, c->col_l2)) : "";
    if (l2[0]) {
        c->cur_l2 = l2;
        if (c->cur_l1 && cell_number(cell_at(row, c->col_w2), &v))
            jx_ov_add_level(c->o, c->cur_l1, l2, v, (int)row->line);
    }
}

static void indicator_row(ictx *c, const jx_row *row)
{
    if (row->n && strncmp(clean(c->a, row->cells[0]), "合计", strlen("合计")) == 0) {
        total_row(c, row);
        return;
    }
    level_cells(c, row);
    const char *name = clean(c->a, cell_at(row, c->col_name));
    if (!name[0]) return; /* a continuation: more 评价标准 of the row above */
    jx_dec w = JX_NONE, s = JX_NONE;
    bool has_w = cell_number(cell_at(row, c->col_w3), &w);
    bool has_s = row_score(c, row, &s);
    jx_overall *o = c->o;
    if (!has_w && !has_s && o->n_items) {
        jx_ov_item *prev = &o->items[o->n_items - 1];
        jx_ov_finding(o, "OVERALL-IMPORT", JX_SEV_INFO, -1, NULL,
                      "line %ld: \"%s\" has no weight and no score; read as part of \"%s\" above "
                      "(merged cells)",
                      "第 %ld 行: “%s”没有分值和得分, 按合并单元格并入上一行“%s”", row->line, name,
                      prev->name);
        prev->name = jx_arena_printf(c->a, "%s、%s", prev->name, name);
        return;
    }
    jx_ov_item *it = jx_ov_add_item(o);
    it->level1 = c->cur_l1;
    it->level2 = c->cur_l2;
    it->name = name;
    it->weight = has_w ? w : JX_NONE;
    it->score_claimed = has_s ? s : JX_NONE;
    it->line = (int)row->line;
}

/* ---- rows ------------------------------------------------------------------------ */

static void unit_marker(ictx *c, const jx_row *row)
{
    for (size_t i = 0; i < row->n; i++) {
        const char *t = clean(c->a, row->cells[i]);
        const char *u = strstr(t, "单位:");
        if (!u) continue;
        u += strlen("单位:");
        if (starts(u, "万元"))
            c->unit_stated = 10000;
        else if (starts(u, "元"))
            c->unit_stated = 1;
    }
}

static void on_row(ictx *c, const jx_row *row)
{
    if (row->paragraph) {
        c->paras = grow(c->a, c->paras, c->n_paras, &c->cap_paras, sizeof *c->paras);
        c->paras[c->n_paras++] = (para){clean(c->a, row->cells[0]), (int)row->line};
        return;
    }
    if (c->mode != M_INDICATORS) unit_marker(c, row);
    if (staff_header(c, row)) {
        c->mode = M_STAFF;
    } else if (funds_header(c, row)) {
        c->mode = M_FUNDS;
    } else if (indicator_header(c, row)) {
        c->mode = M_INDICATORS;
    } else if (c->mode == M_STAFF) {
        staff_row(c, row);
    } else if (c->mode == M_FUNDS) {
        funds_row(c, row);
    } else if (c->mode == M_INDICATORS) {
        indicator_row(c, row);
    } else if (row->n == 1 && row->cells[0][0]) {
        /* a one-cell table row outside the tables is text (a cell of report) */
        c->paras = grow(c->a, c->paras, c->n_paras, &c->cap_paras, sizeof *c->paras);
        c->paras[c->n_paras++] = (para){clean(c->a, row->cells[0]), (int)row->line};
    }
}

/* ---- sentences ---------------------------------------------------------------------- */

/* Where the statement about a label ends: 得N分 / 计N分 / 记N分, 。 or ;. */
static size_t segment_end(const char *s)
{
    static const char *const ends[] = {"得", "计", "记"};
    for (size_t i = 0; s[i]; i++) {
        if (starts(s + i, "。") || s[i] == ';') return i;
        for (size_t k = 0; k < COUNT(ends); k++) {
            size_t el = strlen(ends[k]);
            if (starts(s + i, ends[k]) && is_digit(s[i + el])) return i;
        }
    }
    return strlen(s);
}

/* The rate a segment states: the number after its last '=', else the first
 * "N%" that is not a "×100%". */
static bool segment_rate(const char *seg, size_t len, jx_dec *v, int *dec)
{
    const char *eq = NULL;
    for (size_t i = 0; i < len; i++)
        if (seg[i] == '=') eq = seg + i;
    if (eq) {
        const char *p = eq + 1;
        while (*p == '(')
            p++;
        if (number_at(p, v, dec)) return true;
    }
    for (size_t i = 0; i < len; i++) {
        if (!is_digit(seg[i]) || (i && (is_digit(seg[i - 1]) || seg[i - 1] == '.'))) continue;
        size_t n = number_at(seg + i, v, dec);
        bool times = i && (seg[i - 1] == '*' || starts(seg + i - 2, "×"));
        if (n && seg[i + n] == '%' && !times) return true;
    }
    return false;
}

static void stated_rates(ictx *c)
{
    for (int i = 0; i < c->r->n_rules; i++)
        for (int k = 0; k < c->r->rules[i].n_parts; k++) {
            const jx_ov_part *p = &c->r->rules[i].parts[k];
            bool done = false;
            for (size_t q = 0; q < c->n_paras && !done; q++)
                for (int l = 0; l < p->n_labels && !done; l++) {
                    char label[JX_OV_NAME * 2];
                    snprintf(label, sizeof label, "%s", p->labels[l]);
                    jx_text_squeeze(label);
                    for (const char *at = strstr(c->paras[q].text, label); at && !done;
                         at = strstr(at + 1, label)) {
                        const char *seg = at + strlen(label);
                        jx_dec v;
                        int dec;
                        if (segment_rate(seg, segment_end(seg), &v, &dec)) {
                            jx_ov_add_stated(c->o, p->name, v, dec, c->paras[q].line);
                            done = true;
                        }
                    }
                }
        }
}

/* Figures written inside the report's formula sentences. */
static const struct {
    const char *key, *anchor, *label;
} TEXT_FIGURES[] = {
    {"staff_actual", "在职人员控制率", "在职"},
    {"staff_authorized", "在职人员控制率", "编制"},
    {"budget", "预算完成率", "全年预算数"},
    {"budget_completed", "预算完成率", "预算完成数"},
    {"carryover", "结转结余率", "结转结余总额"},
    {"expenditure_budget", "结转结余率", "支出预算数"},
    {"public_funds_actual", "公用经费控制率", "实际支出公用经费总额"},
    {"public_funds_excluded", "公用经费控制率", "伙食补助费"},
    {"public_funds_budget", "公用经费控制率", "预算安排公用经费总额"},
    {"three_public_actual", "三公经费控制率", "实际支出数"},
    {"three_public_budget", "三公经费控制率", "预算安排数"},
    {"procurement_actual", "政府采购执行率", "实际政府采购金额"},
    {"procurement_budget", "政府采购执行率", "政府采购预算数"},
    {"key_projects", "重点支出安排率", "重点项目支出"},
    {"budget_adjusted", "预算调整率", "预算调整数"},
};

/* The figure after `label` within the statement that starts at anchor; 元 → 万元. */
static bool text_figure(const char *after_anchor, const char *label, jx_dec *v, int *dec)
{
    size_t end = segment_end(after_anchor);
    const char *at = strstr(after_anchor, label);
    if (!at || (size_t)(at - after_anchor) >= end) return false;
    const char *p = at + strlen(label);
    while (*p == '(' || *p == ':')
        p++;
    size_t n = number_at(p, v, dec);
    if (!n) return false;
    if (starts(p + n, "元")) *v = jx_dec_ratio(*v, JX_DEC(1), JX_DEC(10000), 6);
    return jx_has(*v);
}

typedef struct {
    const char *key;
    jx_dec value;
    int decimals, line;
} tfig;

static size_t text_figures(ictx *c, tfig *out, size_t max)
{
    size_t n = 0;
    for (size_t f = 0; f < COUNT(TEXT_FIGURES) && n < max; f++)
        for (size_t q = 0; q < c->n_paras; q++) {
            const char *at = strstr(c->paras[q].text, TEXT_FIGURES[f].anchor);
            jx_dec v;
            int dec;
            if (!at ||
                !text_figure(at + strlen(TEXT_FIGURES[f].anchor), TEXT_FIGURES[f].label, &v, &dec))
                continue;
            out[n++] = (tfig){TEXT_FIGURES[f].key, v, dec, c->paras[q].line};
            break;
        }
    return n;
}

/* "6.履职效益得18分…" → a section; "评价得分为91分" → the total; "等级为优" → grade. */
static void section_para(ictx *c, const para *p)
{
    const char *t = p->text;
    size_t d = 0;
    while (d < 2 && is_digit(t[d]))
        d++;
    if (!d) return;
    const char *rest = t + d;
    if (*rest == '.')
        rest++;
    else if (starts(rest, "、"))
        rest += strlen("、");
    else
        return;
    if (is_digit(*rest)) return;
    const char *de = strstr(rest, "得");
    for (; de; de = strstr(de + 1, "得")) {
        jx_dec v;
        int dec;
        size_t n = number_at(de + strlen("得"), &v, &dec);
        if (!n || !starts(de + strlen("得") + n, "分")) continue;
        size_t tl = (size_t)(de - rest);
        const char *cut = NULL;
        static const char *const stops[] = {",", "。", ":"};
        for (size_t k = 0; k < COUNT(stops); k++) {
            const char *s = strstr(rest, stops[k]);
            if (s && s < de && (!cut || s < cut)) cut = s;
        }
        if (cut) tl = (size_t)(cut - rest);
        jx_ov_add_section(c->o, jx_arena_strndup(c->a, rest, tl), v, p->line);
        return;
    }
}

static void total_para(ictx *c, const para *p)
{
    static const char *const labels[] = {"评价得分为", "自评得分为", "综合得分为", "总得分为",
                                         "总分为"};
    for (size_t k = 0; k < COUNT(labels) && !jx_has(c->o->total_text); k++) {
        const char *at = strstr(p->text, labels[k]);
        jx_dec v;
        int dec;
        size_t n = at ? number_at(at + strlen(labels[k]), &v, &dec) : 0;
        if (n && starts(at + strlen(labels[k]) + n, "分")) c->o->total_text = v;
    }
    const char *g = strstr(p->text, "等级为");
    if (g && !c->o->grade_claimed) {
        g += strlen("等级为");
        static const char *const grades[] = {"优", "良", "中", "差"};
        for (size_t k = 0; k < COUNT(grades); k++)
            if (starts(g, grades[k])) c->o->grade_claimed = grades[k];
    }
}

/* Up to `max` bytes of s, cut at a character boundary. */
static char *utf8_prefix(jx_arena *a, const char *s, size_t len, size_t max)
{
    if (len > max) {
        len = max;
        while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
    }
    return jx_arena_strndup(a, s, len);
}

/* Where the justification of an item ends: the next "(n)" or another item's name. */
static size_t justification_end(const ictx *c, const char *s, const char *own)
{
    size_t end = strlen(s);
    for (size_t i = 1; i < end && s[i]; i++)
        if (s[i] == '(' && is_digit(s[i + 1])) end = i;
    for (size_t k = 0; k < c->o->n_items; k++) {
        const char *other = c->o->items[k].name;
        if (!other || strcmp(other, own) == 0 || strstr(own, other)) continue;
        const char *at = strstr(s + 1, other);
        if (at && (size_t)(at - s) < end) end = (size_t)(at - s);
    }
    return end;
}

static void justifications(ictx *c)
{
    for (size_t k = 0; k < c->o->n_items; k++) {
        jx_ov_item *it = &c->o->items[k];
        if (!it->name) continue;
        char first[JX_OV_NAME * 3];
        snprintf(first, sizeof first, "%s", it->name);
        char *sep = strstr(first, "、"); /* a merged name: look for its first part */
        if (sep) *sep = '\0';
        /* the words after its name that give a score; else its level-2's section */
        for (int pass = 0; pass < 2 && !it->justification; pass++) {
            const char *look = pass ? it->level2 : first;
            for (size_t q = 0; look && q < c->n_paras && !it->justification; q++) {
                const char *at = strstr(c->paras[q].text, look);
                if (!at) continue;
                size_t end = justification_end(c, at, it->name);
                char *j = utf8_prefix(c->a, at, end, 600);
                if (strstr(j, "分")) it->justification = j;
            }
        }
    }
}

/* ---- amount unit and merging ---------------------------------------------------------- */

/* 1 (元) or 10000 (万元): stated, else by the report's own figures, else by size. */
static int table_unit(ictx *c, const tfig *tf, size_t ntf)
{
    if (c->unit_stated) return c->unit_stated;
    int votes_yuan = 0, votes_wan = 0;
    jx_dec biggest = 0;
    for (size_t i = 0; i < c->n_table; i++) {
        biggest = jx_dec_max(biggest, jx_dec_abs(c->table[i].value));
        for (size_t k = 0; k < ntf; k++) {
            if (strcmp(tf[k].key, c->table[i].key) != 0) continue;
            jx_dec as_wan =
                jx_dec_ratio(c->table[i].value, JX_DEC(1), JX_DEC(10000), tf[k].decimals);
            if (as_wan == tf[k].value)
                votes_yuan++;
            else if (jx_dec_round(c->table[i].value, tf[k].decimals) == tf[k].value)
                votes_wan++;
        }
    }
    int unit = votes_yuan > votes_wan ? 1 : votes_wan > votes_yuan ? 10000 : 0;
    const char *why = "与报告正文中的同一数字对照";
    if (!unit) {
        unit = biggest > JX_DEC(1000000) ? 1 : 10000;
        why = "按数字的大小";
    }
    if (c->n_table)
        jx_ov_finding(c->o, "OVERALL-UNIT", JX_SEV_INFO, -1, NULL,
                      "the base-data table states no amount unit; read as %s (%s)",
                      "基础数据表未注明金额单位, 判定为%s (%s)", unit == 1 ? "元" : "万元", why);
    return unit;
}

static void merge_figures(ictx *c)
{
    tfig tf[COUNT(TEXT_FIGURES)];
    size_t ntf = text_figures(c, tf, COUNT(tf));
    int unit = c->n_table ? table_unit(c, tf, ntf) : 10000;
    for (size_t i = 0; i < c->n_table; i++) {
        jx_dec v = c->table[i].value;
        if (unit == 1) v = jx_dec_ratio(v, JX_DEC(1), JX_DEC(10000), 6);
        jx_ov_set(c->o, c->table[i].key, v, jx_dec_decimals(v), c->table[i].line, false);
    }
    char a[JX_DEC_BUF], b[JX_DEC_BUF], label[128];
    for (size_t k = 0; k < ntf; k++) {
        const jx_ov_figure *f = jx_ov_get(c->o, tf[k].key);
        if (!f) {
            jx_ov_set(c->o, tf[k].key, tf[k].value, tf[k].decimals, tf[k].line, true);
        } else if (jx_dec_round(f->value, tf[k].decimals) != tf[k].value) {
            jx_ov_finding(c->o, "OVERALL-FIGURE", JX_SEV_WARNING, -1, tf[k].key,
                          "%s: the report (line %d) writes %s, the base-data table %s",
                          "%s: 报告正文 (第 %d 行) 写为 %s, 基础数据表中为 %s",
                          jx_ov_key_label(tf[k].key, label, sizeof label), tf[k].line,
                          jx_dec_fmt(tf[k].value, a), jx_dec_fmt(f->value, b));
        }
    }
}

static void finish_rows(ictx *c)
{
    for (size_t q = 0; q < c->n_paras; q++) {
        section_para(c, &c->paras[q]);
        total_para(c, &c->paras[q]);
    }
    stated_rates(c);
    merge_figures(c);
    justifications(c);
}

static bool import_rows(jx_rows *rows, jx_overall *o, const jx_ov_rules *r, const char *name,
                        char *err, size_t errlen)
{
    ictx *c = jx_arena_calloc(o->arena, 1, sizeof *c);
    c->o = o;
    c->r = r;
    c->a = o->arena;
    jx_row row;
    char msg[512];
    int st;
    while ((st = rows->next(rows->state, &row, msg, sizeof msg)) == 1)
        on_row(c, &row);
    rows->close(rows->state);
    if (st < 0) {
        snprintf(err, errlen, "%s: 无法读取: %s", name, msg);
        return false;
    }
    finish_rows(c);
    return true;
}

/* ---- native JSON ----------------------------------------------------------------------- */

typedef struct {
    jx_overall *o;
    const char *name;
    char *err;
    size_t errlen;
} jctx;

static bool jfail(jctx *j, const jx_jnode *at, const char *what)
{
    snprintf(j->err, j->errlen, "%s:%ld:%ld: %s", j->name, at->line, at->col, what);
    return false;
}

static bool jnum(jctx *j, const jx_jnode *n, jx_dec *v, int *dec)
{
    if (n->type == JX_JN_NULL) {
        *v = JX_NONE;
        return true;
    }
    if (n->type != JX_JN_NUMBER || !jx_dec_parse(n->text, strlen(n->text), v, dec) ||
        jx_dec_abs(*v) > JX_DEC_MAX / 1000)
        return jfail(j, n, "应为数字 (a number)");
    return true;
}

static bool jstr(jctx *j, const jx_jnode *n, const char **out)
{
    if (n->type == JX_JN_NULL) {
        *out = NULL;
        return true;
    }
    if (n->type != JX_JN_STRING) return jfail(j, n, "应为字符串 (a string)");
    *out = jx_arena_strdup(j->o->arena, n->text);
    return true;
}

static void junknown(jctx *j, const jx_jnode *at, const char *where, const char *key)
{
    jx_ov_finding(j->o, "OVERALL-INPUT", JX_SEV_WARNING, -1, key,
                  "line %ld: unknown field \"%s\" in %s (ignored)",
                  "第 %ld 行: %s 中有未知字段“%s”, 已忽略", at->key_line ? at->key_line : at->line,
                  where, key);
}

static bool jbase(jctx *j, const jx_jnode *n, int unit)
{
    if (n->type != JX_JN_OBJECT) return jfail(j, n, "base 应为对象 {\"staff_authorized\": 309, …}");
    for (size_t i = 0; i < n->count; i++) {
        jx_dec v;
        int dec;
        if (!jnum(j, n->items[i], &v, &dec)) return false;
        const char *k = n->keys[i];
        if (!jx_ov_known_key(k)) {
            junknown(j, n->items[i], "base", k);
            continue;
        }
        bool amount = !starts(k, "staff_");
        if (jx_has(v) && amount && unit == 1) v = jx_dec_ratio(v, JX_DEC(1), JX_DEC(10000), 6);
        if (jx_has(v)) jx_ov_set(j->o, k, v, dec, (int)n->items[i]->line, false);
    }
    return true;
}

static bool jstated(jctx *j, const jx_jnode *n)
{
    if (n->type != JX_JN_OBJECT)
        return jfail(j, n, "stated 应为对象 {\"在职人员控制率\": 93.2, …}");
    for (size_t i = 0; i < n->count; i++) {
        jx_dec v;
        int dec;
        if (!jnum(j, n->items[i], &v, &dec)) return false;
        if (jx_has(v)) jx_ov_add_stated(j->o, n->keys[i], v, dec, (int)n->items[i]->line);
    }
    return true;
}

static bool jitem(jctx *j, const jx_jnode *n)
{
    if (n->type != JX_JN_OBJECT) return jfail(j, n, "indicators 的每一项应为对象");
    jx_ov_item *it = jx_ov_add_item(j->o);
    it->line = (int)n->line;
    for (size_t i = 0; i < n->count; i++) {
        const char *k = n->keys[i];
        const jx_jnode *v = n->items[i];
        bool ok = true;
        if (strcmp(k, "level1") == 0)
            ok = jstr(j, v, &it->level1);
        else if (strcmp(k, "level2") == 0)
            ok = jstr(j, v, &it->level2);
        else if (strcmp(k, "name") == 0)
            ok = jstr(j, v, &it->name);
        else if (strcmp(k, "justification") == 0)
            ok = jstr(j, v, &it->justification);
        else if (strcmp(k, "weight") == 0)
            ok = jnum(j, v, &it->weight, NULL);
        else if (strcmp(k, "score_claimed") == 0)
            ok = jnum(j, v, &it->score_claimed, NULL);
        else
            junknown(j, v, "indicators", k);
        if (!ok) return false;
    }
    if (!it->name) return jfail(j, n, "指标缺少 name");
    return true;
}

static bool jlevel(jctx *j, const jx_jnode *n)
{
    if (n->type != JX_JN_OBJECT) return jfail(j, n, "levels 的每一项应为对象");
    const char *l1 = NULL, *l2 = NULL;
    jx_dec w = JX_NONE;
    for (size_t i = 0; i < n->count; i++) {
        const char *k = n->keys[i];
        bool ok = true;
        if (strcmp(k, "level1") == 0)
            ok = jstr(j, n->items[i], &l1);
        else if (strcmp(k, "level2") == 0)
            ok = jstr(j, n->items[i], &l2);
        else if (strcmp(k, "weight") == 0)
            ok = jnum(j, n->items[i], &w, NULL);
        else
            junknown(j, n->items[i], "levels", k);
        if (!ok) return false;
    }
    if (!l1 || !jx_has(w)) return jfail(j, n, "levels 的每一项须有 level1 和 weight");
    jx_ov_add_level(j->o, l1, l2, w, (int)n->line);
    return true;
}

static bool jsection(jctx *j, const jx_jnode *n)
{
    if (n->type != JX_JN_OBJECT) return jfail(j, n, "sections 的每一项应为对象");
    const char *title = NULL;
    jx_dec s = JX_NONE;
    for (size_t i = 0; i < n->count; i++) {
        const char *k = n->keys[i];
        bool ok = true;
        if (strcmp(k, "title") == 0)
            ok = jstr(j, n->items[i], &title);
        else if (strcmp(k, "score") == 0)
            ok = jnum(j, n->items[i], &s, NULL);
        else
            junknown(j, n->items[i], "sections", k);
        if (!ok) return false;
    }
    if (!title || !jx_has(s)) return jfail(j, n, "sections 的每一项须有 title 和 score");
    jx_ov_add_section(j->o, title, s, (int)n->line);
    return true;
}

static bool jarray(jctx *j, const jx_jnode *n, bool (*each)(jctx *, const jx_jnode *))
{
    if (n->type != JX_JN_ARRAY) return jfail(j, n, "应为数组 (an array)");
    for (size_t i = 0; i < n->count; i++)
        if (!each(j, n->items[i])) return false;
    return true;
}

static bool jroot_field(jctx *j, const char *k, const jx_jnode *v)
{
    jx_overall *o = j->o;
    jx_dec year;
    if (strcmp(k, "unit") == 0) return jstr(j, v, &o->unit);
    if (strcmp(k, "grade_claimed") == 0) return jstr(j, v, &o->grade_claimed);
    if (strcmp(k, "total_claimed") == 0) return jnum(j, v, &o->total_claimed, NULL);
    if (strcmp(k, "total_text") == 0) return jnum(j, v, &o->total_text, NULL);
    if (strcmp(k, "total_weight") == 0) return jnum(j, v, &o->total_weight_claimed, NULL);
    if (strcmp(k, "stated") == 0) return jstated(j, v);
    if (strcmp(k, "indicators") == 0) return jarray(j, v, jitem);
    if (strcmp(k, "levels") == 0) return jarray(j, v, jlevel);
    if (strcmp(k, "sections") == 0) return jarray(j, v, jsection);
    if (strcmp(k, "year") == 0) {
        if (!jnum(j, v, &year, NULL)) return false;
        if (jx_has(year) && (year % JX_DEC_SCALE || year < 0 || year > JX_DEC(9999)))
            return jfail(j, v, "year 应为年份");
        o->year = jx_has(year) ? (int)(year / JX_DEC_SCALE) : 0;
        return true;
    }
    if (strcmp(k, "base") == 0 || strcmp(k, "amount_unit") == 0 || strcmp(k, "kind") == 0 ||
        k[0] == '$' || strcmp(k, "source") == 0 || strcmp(k, "description") == 0)
        return true; /* base is read after amount_unit is known */
    junknown(j, v, "顶层", k);
    return true;
}

static bool import_tree(jctx *j, const jx_jnode *root)
{
    if (root->type != JX_JN_OBJECT) return jfail(j, root, "应为一个 JSON 对象 {…}");
    int unit = 10000;
    const jx_jnode *u = jx_jnode_get(root, "amount_unit");
    if (u) {
        if (u->type != JX_JN_STRING || (strcmp(u->text, "万元") && strcmp(u->text, "元")))
            return jfail(j, u, "amount_unit 应为 \"万元\" 或 \"元\"");
        unit = strcmp(u->text, "元") == 0 ? 1 : 10000;
    }
    for (size_t i = 0; i < root->count; i++)
        if (!jroot_field(j, root->keys[i], root->items[i])) return false;
    const jx_jnode *base = jx_jnode_get(root, "base");
    return base ? jbase(j, base, unit) : true;
}

static bool import_json(const char *data, size_t len, const char *name, jx_overall *o, char *err,
                        size_t errlen)
{
    jx_jreader *rd = jx_xmalloc(sizeof *rd);
    jx_jreader_init_mem(rd, data, len);
    jx_jtok t = jx_jreader_next(rd);
    jx_jnode *root = t == JX_JT_ERROR ? NULL : jx_json_tree(rd, t, o->arena);
    if (root && jx_jreader_next(rd) != JX_JT_EOF) root = NULL;
    bool ok = false;
    if (!root) {
        snprintf(err, errlen, "%s:%ld:%ld: 不是有效的 JSON: %s", name, rd->error_line,
                 rd->error_col, rd->error);
    } else {
        jctx j = {o, name, err, errlen};
        ok = import_tree(&j, root);
    }
    jx_jreader_free(rd);
    free(rd);
    return ok;
}

/* ---- entry points ------------------------------------------------------------------------ */

static const char *sniff(const char *data, size_t len, const char *name)
{
    if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) {
        size_t nl = strlen(name);
        return nl > 5 && strcmp(name + nl - 5, ".xlsx") == 0 ? "xlsx" : "docx";
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)data[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == 0xEF || ch == 0xBB ||
            ch == 0xBF)
            continue;
        return ch == '{' ? "json" : "text";
    }
    return "text";
}

bool jx_overall_import_mem(const char *data, size_t len, const char *format, const char *name,
                           jx_overall *o, const jx_ov_rules *r, char *err, size_t errlen)
{
    o->source = jx_arena_strdup(o->arena, name);
    if (!format) format = sniff(data, len, name);
    if (strcmp(format, "json") == 0) return import_json(data, len, name, o, err, errlen);
    jx_rows rows;
    char msg[512];
    bool opened;
    if (strcmp(format, "docx") == 0) {
        opened = jx_docx_open_mem(data, len, &rows, msg, sizeof msg);
        if (!opened && strcmp(sniff(data, len, ""), "docx") == 0) /* a workbook without .xlsx */
            opened = jx_xlsx_open_mem(data, len, &rows, msg, sizeof msg);
    } else if (strcmp(format, "xlsx") == 0) {
        opened = jx_xlsx_open_mem(data, len, &rows, msg, sizeof msg);
    } else {
        opened = jx_text_open_mem(data, len, &rows, msg, sizeof msg);
    }
    if (!opened) {
        snprintf(err, errlen, "%s: 无法读取: %s", name, msg);
        return false;
    }
    return import_rows(&rows, o, r, name, err, errlen);
}

bool jx_overall_import(const char *path, jx_overall *o, const jx_ov_rules *r, char *err,
                       size_t errlen)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!fp) {
        snprintf(err, errlen, "%s: 无法打开文件 (cannot open)", path);
        return false;
    }
    size_t cap = 1 << 16, n = 0, got;
    char *buf = jx_xmalloc(cap);
    while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            if (cap >= (size_t)JX_MAX_ZIP_ENTRY) break;
            cap *= 2;
            buf = jx_xrealloc(buf, cap);
        }
    }
    bool bad = ferror(fp) != 0;
    if (fp != stdin) fclose(fp);
    bool ok = false;
    if (bad)
        snprintf(err, errlen, "%s: 读取失败 (read error)", path);
    else if (n == 0)
        snprintf(err, errlen, "%s: 文件是空的 (empty file)", path);
    else
        ok = jx_overall_import_mem(buf, n, NULL, path, o, r, err, errlen);
    free(buf);
    return ok;
}
