/* read.c — a 决算 document (text, .docx, .xlsx, .pdf) → tables and paragraphs.
 *
 * The importers give rows of cells (import/rows.h). A table starts at a row
 * whose text ends with a catalogue title ("收入支出决算总表"); it is kept only
 * when a header row (项目, 科目代码, 栏次 …) or a 公开NN表 / 金额单位 line
 * follows, so a table of contents does not open tables. The header rows name
 * the columns; each data row is placed by the table's shape (catalogue.c):
 * coded rows by 科目代码, the two sides of 公开01/04, the code|name|amount
 * triples of 公开06, the headed grid of 公开09 and the sub-headed lists of
 * 公开10. Paragraphs outside tables are kept with the heading they fall
 * under; when the document has a 情况说明 part, only that part's paragraphs.
 * Nothing is dropped silently: a row that cannot be placed is a finding.
 */
#include <stdlib.h>
#include <string.h>

#include "../base/text.h"
#include "../import/docx.h"
#include "../import/import.h"
#include "../import/text.h"
#include "../import/xlsx.h"
#include "../value/amount.h"
#include "accounts.h"

#define MAX_HEADER_ROWS 6

typedef struct {
    jx_accounts *a;
    jx_ac_table *t; /* table being read, NULL outside tables */
    const jx_ac_kind *kind;
    bool confirmed;   /* a header or 公开NN line has been seen */
    bool data;        /* a data row has been read */
    bool noted;       /* the table's 注 line has been seen */
    int pending_rows; /* rows since the title while unconfirmed */
    /* header rows of the current table (normalised cells) */
    char **header[MAX_HEADER_ROWS];
    size_t header_n[MAX_HEADER_ROWS];
    int n_header;
    int split;                         /* two-sided: cell index where the right side starts */
    int grid_groups[JX_AC_MAX_GROUPS]; /* grid: first column of each group */
    int grid_cols;                     /* grid: columns in the header */
    const char *parent[2]; /* two-sided: last 结转 line per side, for repeated sub-line labels */
    /* paragraphs */
    bool has_part; /* the document has a 情况说明 part */
    bool in_part;  /* currently inside it */
    const char *heading, *subheading;
    long unplaced;
} rctx;

static bool starts(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

static bool ends(const char *s, const char *p)
{
    size_t n = strlen(s), m = strlen(p);
    return n >= m && strcmp(s + n - m, p) == 0;
}

static bool all_digits(const char *s)
{
    if (!*s) return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return false;
    return true;
}

static size_t nonempty(const jx_row *row)
{
    size_t n = 0;
    for (size_t i = 0; i < row->n; i++)
        n += row->cells[i][0] != '\0';
    return n;
}

static const char *first_cell(const jx_row *row)
{
    for (size_t i = 0; i < row->n; i++)
        if (row->cells[i][0]) return row->cells[i];
    return "";
}

/* Normalised text without quotes, for title matching. */
static char *title_text(jx_arena *ar, const char *s)
{
    char *n = jx_ac_norm(ar, s);
    char *w = n;
    for (const char *r = n; *r;) {
        if (starts(r, "“") || starts(r, "”")) {
            r += strlen("“");
            continue;
        }
        if (*r == '"') {
            r++;
            continue;
        }
        *w++ = *r++;
    }
    *w = '\0';
    return n;
}

/* The catalogue kind whose title (or alias) the text ends with; longest wins. */
static const jx_ac_kind *match_title(rctx *c, const char *text)
{
    if (strstr(text, "。") || strstr(text, ",") || strlen(text) > 200) return NULL;
    const jx_ac_rules *r = c->a->rules;
    const jx_ac_kind *best = NULL;
    size_t best_len = 0;
    jx_arena *ar = c->a->arena;
    for (int i = 0; i < r->n_kinds; i++) {
        const jx_ac_kind *k = &r->kinds[i];
        for (int j = -1; j < k->n_aliases; j++) {
            char *title = title_text(ar, j < 0 ? k->title : k->aliases[j]);
            size_t len = strlen(title);
            if (ends(text, title) && len > best_len) {
                best = k;
                best_len = len;
            }
        }
    }
    return best;
}

/* ---- amounts ------------------------------------------------------------ */

static bool is_dash(const char *s)
{
    return strcmp(s, "——") == 0 || strcmp(s, "—") == 0 || strcmp(s, "-") == 0 ||
           strcmp(s, "--") == 0 || strcmp(s, "/") == 0;
}

/* Parse an amount cell. 1 with *out set, 0 when empty, -1 when not a number. */
static int amount(rctx *c, const char *cell, jx_ac_amount *out, long line)
{
    if (!cell[0] || is_dash(cell)) return 0;
    jx_dec v, alt;
    jx_amount_status st = jx_amount_parse(cell, &v, &alt);
    if (st == JX_AMOUNT_EMPTY) return 0;
    if (st == JX_AMOUNT_INVALID) return -1;
    int decimals = 0;
    const char *dot = strchr(cell, '.');
    if (dot)
        for (const char *p = dot + 1; *p >= '0' && *p <= '9'; p++)
            decimals++;
    if (st == JX_AMOUNT_AMBIGUOUS)
        jx_ac_finding_add(c->a, "ACCT-NUMBER-AMBIGUOUS", JX_SEV_WARNING, c->t, line,
                          "\"%s\" is read as thousands separated; check the amount",
                          "\"%s\" 按千位分隔读取, 请核对该金额", cell);
    *out = (jx_ac_amount){v, decimals};
    return 1;
}

static bool numeric(const char *cell)
{
    jx_dec v, alt;
    return cell[0] && jx_amount_parse(cell, &v, &alt) != JX_AMOUNT_INVALID &&
           jx_amount_parse(cell, &v, &alt) != JX_AMOUNT_EMPTY;
}

/* ---- header rows -------------------------------------------------------- */

static bool header_word(const char *n)
{
    static const char *const words[] = {"项目",   "科目代码",     "科目名称",     "栏次",
                                        "行次",   "金额",         "预算数",       "决算数",
                                        "统计数", "功能分类科目", "经济分类科目", "科目编码"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(n, words[i]) == 0) return true;
    return false;
}

/* Cells 1, 2, 3, … (the 栏次 row), possibly after a label. */
static bool column_numbers(const jx_row *row)
{
    int expect = 1, seen = 0;
    for (size_t i = 0; i < row->n; i++) {
        const char *s = row->cells[i];
        if (!s[0] || strcmp(s, "栏次") == 0) continue;
        if (!all_digits(s) || atoi(s) != expect) return false;
        expect++;
        seen++;
    }
    return seen >= 2;
}

static bool is_header(rctx *c, const jx_row *row, char **norm)
{
    if (column_numbers(row)) return true;
    if (row->n && all_digits(row->cells[0]) && strlen(row->cells[0]) >= 3)
        return false; /* a code */
    bool word = false, number = false;
    for (size_t i = 0; i < row->n; i++) {
        if (header_word(norm[i])) word = true;
        if (numeric(row->cells[i]) && !all_digits(row->cells[i])) number = true;
    }
    if (word) return true;
    /* before any data: a row of words only (column headings, group names) */
    return !c->data && !number && nonempty(row) >= 2;
}

/* Column name at grid column j: the lowest header row with a word there. */
static const char *header_name(rctx *c, size_t j, int from_row)
{
    for (int h = c->n_header - 1; h >= from_row; h--) {
        if (j >= c->header_n[h]) continue;
        const char *s = c->header[h][j];
        if (s[0] && !all_digits(s) && strcmp(s, "栏次") != 0) return s;
    }
    return "";
}

/* ---- table set-up ------------------------------------------------------- */

static void set_cols(rctx *c, int g, size_t from, size_t to, int from_row)
{
    jx_ac_group *grp = &c->t->groups[g];
    grp->n_cols = 0;
    for (size_t j = from; j < to && grp->n_cols < JX_AC_MAX_COLS; j++)
        grp->cols[grp->n_cols++] = header_name(c, j, from_row);
}

static size_t header_width(const rctx *c)
{
    size_t w = 0;
    for (int h = 0; h < c->n_header; h++)
        if (c->header_n[h] > w) w = c->header_n[h];
    return w;
}

static int find_cell(rctx *c, int h, const char *word, size_t from)
{
    for (size_t j = from; j < c->header_n[h]; j++)
        if (strcmp(c->header[h][j], word) == 0) return (int)j;
    return -1;
}

/* Build the groups and columns from the header rows, at the first data row. */
static void layout(rctx *c)
{
    jx_ac_table *t = c->t;
    size_t width = header_width(c);
    jx_arena *ar = c->a->arena;
    switch (c->kind ? c->kind->shape : JX_AC_SHAPE_CODED) {
    case JX_AC_SHAPE_TWO_SIDED: {
        c->split = -1;
        for (int h = 0; h < c->n_header && c->split < 0; h++) {
            int first = find_cell(c, h, "项目", 0);
            if (first >= 0) c->split = find_cell(c, h, "项目", (size_t)first + 1);
        }
        if (c->split < 0) c->split = (int)(width / 2);
        t->n_groups = 2;
        t->groups[0].name = "收入";
        t->groups[1].name = "支出";
        set_cols(c, 0, 2, (size_t)c->split, 1);
        set_cols(c, 1, (size_t)c->split + 2,
                 width > (size_t)c->split + 2 ? width : (size_t)c->split + 3, 1);
        for (int g = 0; g < 2; g++)
            if (t->groups[g].n_cols == 0 || !t->groups[g].cols[0][0]) {
                t->groups[g].n_cols = t->groups[g].n_cols ? t->groups[g].n_cols : 1;
                t->groups[g].cols[0] = "金额";
            }
        break;
    }
    case JX_AC_SHAPE_ECONOMIC: {
        int triples = (int)(width / 3);
        if (triples < 1) triples = 1;
        if (triples > JX_AC_MAX_GROUPS) triples = JX_AC_MAX_GROUPS;
        t->n_groups = triples;
        const char *name = "人员经费";
        for (int g = 0; g < triples; g++) {
            for (int h = 0; h < c->n_header; h++) {
                size_t j = (size_t)g * 3;
                if (j < c->header_n[h] && c->header[h][j][0] && !header_word(c->header[h][j]))
                    name = c->header[h][j];
            }
            t->groups[g].name = name;
            t->groups[g].n_cols = 1;
            t->groups[g].cols[0] = "决算数";
        }
        break;
    }
    case JX_AC_SHAPE_GRID: {
        /* the top header row names the groups when the next one has more cells */
        int top = 0;
        if (c->n_header >= 2) {
            size_t top_n = 0;
            for (size_t j = 0; j < c->header_n[0]; j++)
                top_n += c->header[0][j][0] != '\0';
            size_t next_n = 0;
            for (size_t j = 0; j < c->header_n[1]; j++)
                next_n += c->header[1][j][0] != '\0';
            if (top_n >= 1 && next_n > top_n) top = 1;
        }
        c->grid_cols = (int)width;
        t->n_groups = 0;
        if (top) {
            for (size_t j = 0; j < c->header_n[0] && t->n_groups < JX_AC_MAX_GROUPS; j++)
                if (c->header[0][j][0]) {
                    c->grid_groups[t->n_groups] = (int)j;
                    t->groups[t->n_groups++].name = c->header[0][j];
                }
        }
        if (t->n_groups == 0) {
            t->n_groups = 1;
            c->grid_groups[0] = 0;
            t->groups[0].name = "";
        }
        for (int g = 0; g < t->n_groups; g++) {
            size_t from = (size_t)c->grid_groups[g];
            size_t to = g + 1 < t->n_groups ? (size_t)c->grid_groups[g + 1] : width;
            set_cols(c, g, from, to, top);
        }
        break;
    }
    case JX_AC_SHAPE_LINES:
        if (t->groups[t->n_groups - 1].n_cols == 0) {
            t->groups[t->n_groups - 1].n_cols = 1;
            t->groups[t->n_groups - 1].cols[0] = "统计数";
        }
        break;
    case JX_AC_SHAPE_CODED:
        t->n_groups = 1;
        t->groups[0].name = "";
        set_cols(c, 0, 2, width > 2 ? width : 3, 0);
        break;
    }
    (void)ar;
}

/* ---- data rows ---------------------------------------------------------- */

static void unplaced(rctx *c, const jx_row *row, const char *why)
{
    c->unplaced++;
    jx_ac_finding_add(c->a, "ACCT-ROW-UNPLACED", JX_SEV_WARNING, c->t, row->line,
                      "a row of this table could not be placed (%s): %s",
                      "该表有一行无法归位 (%s): %s", why, first_cell(row));
}

static void check_code(rctx *c, const char *code, long line)
{
    size_t n = strlen(code);
    bool economic = c->kind && c->kind->shape == JX_AC_SHAPE_ECONOMIC;
    bool ok = economic ? (n == 3 || n == 5) : (n == 3 || n == 5 || n == 7);
    if (!ok)
        jx_ac_finding_add(c->a, "ACCT-CODE", JX_SEV_WARNING, c->t, line,
                          "code %s has %zu digits; %s codes have %s",
                          "科目代码 %s 为 %zu 位; %s科目代码应为 %s 位", code, n,
                          economic ? "经济分类" : "功能分类", economic ? "3 or 5" : "3, 5 or 7");
}

/* Fill cells [from, from + n) of a row from the source cells; false if a
 * cell is not a number. */
static bool fill(rctx *c, jx_ac_row *r, const jx_row *row, size_t from, int n)
{
    bool ok = true;
    for (int k = 0; k < n; k++) {
        size_t j = from + (size_t)k;
        if (j >= row->n) break;
        int got = amount(c, row->cells[j], &r->cells[k], row->line);
        if (got < 0) {
            ok = false;
            jx_ac_finding_add(c->a, "ACCT-CELL", JX_SEV_WARNING, c->t, row->line,
                              "\"%s\" in column %s of row %s is not an amount",
                              "\"%s\" (行 %s, 列 %s) 不是金额", row->cells[j],
                              r->label[0] ? r->label : "?", c->t->groups[r->group].cols[k]);
        }
    }
    return ok;
}

static jx_ac_row *new_row(rctx *c, int group, const char *code, const char *label, long line)
{
    jx_ac_row *r = jx_ac_add_row(c->a, c->t, group);
    r->code = code && code[0] ? jx_arena_strdup(c->a->arena, code) : NULL;
    r->label = jx_arena_strdup(c->a->arena, label);
    r->key = jx_ac_norm(c->a->arena, label);
    r->line = line;
    return r;
}

static void coded_row(rctx *c, const jx_row *row)
{
    const char *c0 = row->n > 0 ? row->cells[0] : "", *c1 = row->n > 1 ? row->cells[1] : "";
    const char *code = all_digits(c0) ? c0 : NULL;
    const char *label = code ? c1 : (c0[0] ? c0 : c1);
    if (!code && !label[0]) {
        if (nonempty(row)) unplaced(c, row, "既无科目代码也无名称");
        return;
    }
    if (code) check_code(c, code, row->line);
    jx_ac_row *r = new_row(c, 0, code, label, row->line);
    fill(c, r, row, 2, c->t->groups[0].n_cols);
}

static void two_sided_row(rctx *c, const jx_row *row)
{
    for (int side = 0; side < 2; side++) {
        size_t at = side ? (size_t)c->split : 0;
        if (at >= row->n) continue;
        const char *label = row->cells[at];
        const char *line_no = at + 1 < row->n ? row->cells[at + 1] : "";
        int n = c->t->groups[side].n_cols;
        bool any = false;
        for (int k = 0; k < n; k++)
            if (at + 2 + (size_t)k < row->n && row->cells[at + 2 + (size_t)k][0]) any = true;
        if (!label[0]) {
            if (any) unplaced(c, row, side ? "支出方金额没有项目名称" : "收入方金额没有项目名称");
            continue;
        }
        jx_ac_row *r = new_row(c, side, NULL, label, row->line);
        if (all_digits(line_no)) r->line_no = atoi(line_no);
        /* "一般公共预算财政拨款" under 年初财政拨款结转和结余 repeats an income line */
        if (strstr(r->key, "结转") && strcmp(r->key, label) == 0) c->parent[side] = r->key;
        if (c->parent[side] && r->key != c->parent[side] && strcmp(label, r->key) == 0 &&
            jx_ac_row_key(c->t, side, r->key) != r)
            r->key = jx_arena_printf(c->a->arena, "%s·%s", c->parent[side], r->key);
        fill(c, r, row, at + 2, n);
    }
}

static void economic_row(rctx *c, const jx_row *row)
{
    size_t consumed = 0; /* cells already read as the amount of a 合计 label */
    for (int g = 0; g < c->t->n_groups; g++) {
        size_t at = (size_t)g * 3;
        if (at >= row->n) break;
        if (at < consumed) continue;
        const char *code = row->cells[at];
        const char *name = at + 1 < row->n ? row->cells[at + 1] : "";
        if (!code[0] && !name[0]) continue;
        if (!all_digits(code)) {
            /* 人员经费合计 | | 2711.37 — the amount is the next number after the label */
            const char *label = code[0] ? code : name;
            jx_ac_row *r = new_row(c, g, NULL, label, row->line);
            for (size_t j = at + 1; j < row->n; j++) {
                if (!row->cells[j][0]) continue;
                if (!numeric(row->cells[j])) break;
                amount(c, row->cells[j], &r->cells[0], row->line);
                consumed = j + 1;
                break;
            }
            continue;
        }
        check_code(c, code, row->line);
        jx_ac_row *r = new_row(c, g, code, name, row->line);
        if (at + 2 < row->n) fill(c, r, row, at + 2, 1);
    }
}

static void grid_row(rctx *c, const jx_row *row)
{
    const char *label = "";
    if (row->n && row->cells[0][0] && !numeric(row->cells[0])) label = row->cells[0];
    for (int g = 0; g < c->t->n_groups; g++) {
        jx_ac_row *r = new_row(c, g, NULL, label, row->line);
        fill(c, r, row, (size_t)c->grid_groups[g], c->t->groups[g].n_cols);
    }
}

/* 公开10: "一、政府采购情况" opens a group; "合计 | 1 | 1242.27" is a line. */
static void lines_row(rctx *c, const jx_row *row)
{
    const char *label = row->n ? row->cells[0] : "";
    size_t cells = nonempty(row);
    jx_ac_table *t = c->t;
    if (cells == 1 && label[0] && !numeric(label) &&
        strcmp(jx_ac_norm(c->a->arena, label), label)) {
        /* a numbered sub-heading: a new group */
        if (t->n_rows == 0 && t->n_groups == 1 && !t->groups[0].name[0]) {
            t->groups[0].name = jx_ac_norm(c->a->arena, label);
        } else if (t->n_groups < JX_AC_MAX_GROUPS) {
            t->groups[t->n_groups].name = jx_ac_norm(c->a->arena, label);
            t->groups[t->n_groups].n_cols = 1;
            t->groups[t->n_groups].cols[0] = "统计数";
            t->n_groups++;
        }
        if (t->groups[t->n_groups - 1].n_cols == 0) {
            t->groups[t->n_groups - 1].n_cols = 1;
            t->groups[t->n_groups - 1].cols[0] = "统计数";
        }
        return;
    }
    if (!label[0]) {
        if (cells) unplaced(c, row, "没有项目名称");
        return;
    }
    if (t->groups[t->n_groups - 1].n_cols == 0) {
        t->groups[t->n_groups - 1].n_cols = 1;
        t->groups[t->n_groups - 1].cols[0] = "统计数";
    }
    jx_ac_row *r = new_row(c, t->n_groups - 1, NULL, label, row->line);
    size_t from = 1;
    if (row->n > 2 && all_digits(row->cells[1])) { /* 项目 | 行次 | 统计数 */
        r->line_no = atoi(row->cells[1]);
        from = 2;
    }
    fill(c, r, row, from, 1);
}

/* ---- the state machine -------------------------------------------------- */

static void close_table(rctx *c)
{
    if (c->t && !c->confirmed) c->a->n_tables--; /* a title without a table (contents page) */
    c->t = NULL;
    c->kind = NULL;
    c->n_header = 0;
}

static void open_table(rctx *c, const jx_ac_kind *k, const char *title, long line)
{
    close_table(c);
    c->t = jx_ac_add_table(c->a);
    c->t->kind = jx_arena_strdup(c->a->arena, k->key);
    c->t->title = jx_arena_strdup(c->a->arena, title);
    c->t->line = line;
    c->kind = k;
    c->confirmed = c->data = c->noted = false;
    c->pending_rows = 0;
    c->n_header = 0;
    c->parent[0] = c->parent[1] = NULL;
    if (k->shape == JX_AC_SHAPE_LINES) c->t->groups[0].n_cols = 0;
}

static bool meta_line(rctx *c, const char *n)
{
    jx_ac_table *t = c->t;
    if (starts(n, "公开") && n[strlen("公开")] >= '0' && n[strlen("公开")] <= '9') {
        t->number = ends(n, "表") ? jx_arena_strdup(c->a->arena, n)
                                  : jx_arena_printf(c->a->arena, "%s表", n);
        c->confirmed = true;
        return true;
    }
    if (strcmp(n, "表") == 0) return true;
    const char *u = strstr(n, "单位:");
    if (u && !strstr(n, "单位名称") && (ends(n, "万元") || ends(n, "元"))) {
        t->yuan = !ends(n, "万元");
        c->confirmed = true;
        return true;
    }
    if (starts(n, "部门名称:") || starts(n, "单位名称:")) {
        if (!c->a->unit_name) {
            const char *name = n + strlen("部门名称:");
            char *copy = jx_arena_strdup(c->a->arena, name);
            char *year = strstr(copy, "20");
            if (year && strstr(year, "年")) *year = '\0';
            c->a->unit_name = copy;
        }
        return true;
    }
    if (strlen(n) == strlen("2024年度") && ends(n, "年度") && n[0] == '2') {
        if (!c->a->year) c->a->year = atoi(n);
        return true;
    }
    if (strstr(n, "本表无数据") || strstr(n, "本表为空") || strstr(n, "无此项")) {
        t->said_empty = true;
        return true;
    }
    if (starts(n, "注:") || starts(n, "注释:")) {
        c->noted = true;
        return true;
    }
    if (starts(n, "说明:")) return true;
    return false;
}

static bool part_heading(const char *n)
{
    return starts(n, "第") && strstr(n, "部分") && strstr(n, "部分") - n <= 9;
}

static void on_paragraph(rctx *c, const char *n, long line)
{
    if (part_heading(n)) {
        c->in_part = strstr(n, "情况说明") != NULL;
        if (c->in_part) c->has_part = true;
        c->heading = c->subheading = NULL;
        return;
    }
    /* headings: "五、…情况说明", "(一)…" short and without a full stop */
    bool short_line = strlen(n) < 120 && !strstr(n, "。") && !strstr(n, ";");
    char *stripped = jx_ac_norm(c->a->arena, n);
    bool numbered = strcmp(stripped, n) != 0;
    if (short_line && numbered && !strstr(n, "万元")) {
        if (n[0] == '(' || (n[0] >= '0' && n[0] <= '9'))
            c->subheading = jx_arena_strdup(c->a->arena, n);
        else {
            c->heading = jx_arena_strdup(c->a->arena, n);
            c->subheading = NULL;
        }
        return;
    }
    const char *section = c->heading;
    if (c->heading && c->subheading)
        section = jx_arena_printf(c->a->arena, "%s / %s", c->heading, c->subheading);
    else if (c->subheading)
        section = c->subheading;
    jx_ac_para *p;
    jx_ac_add_para(c->a, jx_arena_strdup(c->a->arena, n), section, line);
    p = &c->a->paras[c->a->n_paras - 1];
    /* remember whether it is inside the 情况说明 part: NULL text marks outside */
    if (!c->in_part) p->section = jx_arena_printf(c->a->arena, "\x01%s", section ? section : "");
}

static void table_row(rctx *c, const jx_row *row, char **norm)
{
    if (is_header(c, row, norm)) { /* after data: a header repeated on a new page */
        if (!c->data && c->n_header < MAX_HEADER_ROWS) {
            c->header[c->n_header] = norm;
            c->header_n[c->n_header] = row->n;
            c->n_header++;
        }
        c->confirmed = true;
        return;
    }
    if (!c->confirmed) return;
    if (!c->data) {
        layout(c);
        c->data = true;
    }
    switch (c->kind->shape) {
    case JX_AC_SHAPE_CODED:
        coded_row(c, row);
        break;
    case JX_AC_SHAPE_TWO_SIDED:
        two_sided_row(c, row);
        break;
    case JX_AC_SHAPE_ECONOMIC:
        economic_row(c, row);
        break;
    case JX_AC_SHAPE_GRID:
        grid_row(c, row);
        break;
    case JX_AC_SHAPE_LINES:
        lines_row(c, row);
        break;
    }
}

static void on_row(rctx *c, const jx_row *row)
{
    jx_arena *ar = c->a->arena;
    size_t cells = nonempty(row);
    if (cells == 0) return;
    char **norm = jx_arena_alloc(ar, (row->n ? row->n : 1) * sizeof *norm);
    for (size_t i = 0; i < row->n; i++)
        norm[i] = jx_ac_norm(ar, row->cells[i]);
    const char *first = first_cell(row);
    char *first_norm = jx_ac_norm(ar, first);
    /* a title: one cell, or a title with 公开NN in the next cell; not a contents line */
    bool page_number = cells == 2 && all_digits(row->cells[row->n - 1]);
    const jx_ac_kind *k = NULL;
    if (cells <= 2 && !page_number) k = match_title(c, title_text(ar, first));
    if (k) {
        open_table(c, k, jx_text_nfkc(ar, first), row->line);
        /* "公开01表 收入支出决算总表" on one line: the number before the title */
        if (starts(first_norm, "公开") && strstr(first_norm, "表")) {
            const char *end = strstr(first_norm, "表") + strlen("表");
            c->t->number = jx_arena_strndup(ar, first_norm, (size_t)(end - first_norm));
            c->t->title = jx_arena_strdup(ar, k->title);
        }
        if (cells == 2) meta_line(c, norm[row->n - 1]);
        return;
    }
    if (cells == 1 && part_heading(first_norm)) {
        close_table(c);
        on_paragraph(c, jx_text_nfkc(ar, first), row->line);
        return;
    }
    if (c->t) {
        if (cells == 1 && meta_line(c, first_norm)) return;
        if (cells == 1 && c->noted) {
            close_table(c); /* text after the table's 注 */
        } else if (cells == 1 && !c->confirmed && ++c->pending_rows > 8) {
            close_table(c);
        } else if (cells == 1 && c->data && c->kind->shape != JX_AC_SHAPE_LINES) {
            close_table(c);
        } else {
            table_row(c, row, norm);
            return;
        }
    }
    if (cells == 1 || row->paragraph) on_paragraph(c, jx_text_nfkc(ar, first), row->line);
}

/* Keep the 情况说明 part's paragraphs when there is one; drop the marks. */
static void finish(rctx *c)
{
    close_table(c);
    jx_accounts *a = c->a;
    size_t kept = 0;
    for (size_t i = 0; i < a->n_paras; i++) {
        jx_ac_para p = a->paras[i];
        bool outside = p.section && p.section[0] == '\x01';
        if (outside) {
            if (c->has_part) continue;
            p.section = p.section[1] ? p.section + 1 : NULL;
        }
        a->paras[kept++] = p;
    }
    a->n_paras = kept;
    /* without a 情况说明 part, the text is a 决算 explanation only if one of its
     * headings says so ("一、收入支出决算总体情况说明"); other prose is not checked */
    if (!c->has_part && a->n_paras) {
        bool accounts_text = false;
        for (size_t i = 0; i < a->n_paras && !accounts_text; i++)
            accounts_text = a->paras[i].section && strstr(a->paras[i].section, "决算");
        if (!accounts_text) {
            jx_ac_finding_add(
                a, "ACCT-NO-TEXT", JX_SEV_INFO, NULL, 0,
                "no 情况说明 of final accounts found (no part or heading about 决算); "
                "the text is not checked",
                "未找到决算情况说明 (没有\"情况说明\"部分, 也没有含\"决算\"的标题), "
                "文字不作核对");
            a->n_paras = 0;
        }
    }
    /* which set of tables, and what is missing or empty without saying so */
    if (a->n_tables == 0) {
        jx_ac_finding_add(a, "ACCT-NO-TABLES", JX_SEV_WARNING, NULL, 0,
                          "no final-accounts table found; only the text is checked",
                          "未找到决算表 (收入支出决算总表等), 只检查文字说明的内部一致性");
        return;
    }
    for (size_t i = 0; i < a->n_tables; i++) {
        jx_ac_table *t = &a->tables[i];
        bool amounts = false;
        for (size_t r = 0; r < t->n_rows && !amounts; r++)
            for (int k = 0; k < t->groups[t->rows[r].group].n_cols; k++)
                if (jx_has(t->rows[r].cells[k].v) && t->rows[r].cells[k].v != 0) amounts = true;
        if (!amounts && !t->said_empty)
            jx_ac_finding_add(a, "ACCT-TABLE-EMPTY", JX_SEV_WARNING, t, t->line,
                              "the table has no amounts and does not say so (本表无数据)",
                              "该表没有任何金额, 但未注明\"本表无数据\"");
    }
}

static void pick_set(jx_accounts *a)
{
    const jx_ac_rules *r = a->rules;
    int best = -1, best_missing = 1 << 20;
    for (int s = 0; s < r->n_sets; s++) {
        int missing = 0, extra = 0;
        for (int k = 0; k < r->sets[s].n_tables; k++)
            missing += jx_ac_table_of(a, r->sets[s].tables[k]) == NULL;
        for (size_t i = 0; i < a->n_tables; i++) {
            bool in = false;
            for (int k = 0; k < r->sets[s].n_tables; k++)
                in |= a->tables[i].kind && strcmp(a->tables[i].kind, r->sets[s].tables[k]) == 0;
            extra += !in;
        }
        if (missing + extra * 2 < best_missing) {
            best = s;
            best_missing = missing + extra * 2;
        }
    }
    if (best < 0 || a->n_tables == 0) return;
    const jx_ac_set *set = &r->sets[best];
    a->set = set->name;
    for (int k = 0; k < set->n_tables; k++)
        if (!jx_ac_table_of(a, set->tables[k])) {
            const jx_ac_kind *kind = jx_ac_kind_find(r, set->tables[k]);
            jx_ac_finding_add(a, "ACCT-TABLE-MISSING", JX_SEV_ERROR, NULL, 0,
                              "table %s of the set \"%s\" is missing", "缺少%s中的\"%s\"",
                              kind ? kind->title : set->tables[k], set->name);
        }
}

static bool read_rows(jx_rows *rows, jx_accounts *a, const char *name, char *err, size_t errlen)
{
    rctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    a->source = jx_arena_strdup(a->arena, name);
    jx_row row;
    char msg[512];
    int got;
    while ((got = rows->next(rows->state, &row, msg, sizeof msg)) == 1)
        on_row(&c, &row);
    rows->close(rows->state);
    if (got < 0) {
        snprintf(err, errlen, "%s: %s", name, msg);
        return false;
    }
    finish(&c);
    pick_set(a);
    return true;
}

bool jx_accounts_read(const char *path, jx_accounts *a, char *err, size_t errlen)
{
    jx_rows rows;
    const char *format;
    char msg[512];
    if (!jx_rows_open(path, &rows, &format, msg, sizeof msg)) {
        snprintf(err, errlen, "%s: %s", path, msg);
        return false;
    }
    return read_rows(&rows, a, path, err, errlen);
}

bool jx_accounts_read_mem(const char *data, size_t len, const char *format, const char *name,
                          jx_accounts *a, char *err, size_t errlen)
{
    jx_rows rows;
    char msg[512];
    bool opened;
    if (strcmp(format, "docx") == 0)
        opened = jx_docx_open_mem(data, len, &rows, msg, sizeof msg);
    else if (strcmp(format, "xlsx") == 0)
        opened = jx_xlsx_open_mem(data, len, &rows, msg, sizeof msg);
    else
        opened = jx_text_open_mem(data, len, &rows, msg, sizeof msg);
    if (!opened) {
        snprintf(err, errlen, "%s: 无法读取: %s", name, msg);
        return false;
    }
    return read_rows(&rows, a, name, err, errlen);
}
