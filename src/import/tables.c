/* tables.c — the table finder and mapper; see tables.h.
 *
 * A state machine over rows: OUTSIDE → HEADER → FUNDS → GOAL → INDICATORS →
 * AFTER_TOTAL, started again by the next title. Funds rows are collected and
 * decided together when the block ends (decide_funds); indicator rows are
 * mapped one by one (map_indicator). All strings of the project under
 * construction are copied into its arena, since row cells live only until
 * the next row.
 */
#include "tables.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/text.h"
#include "../value/amount.h"
#include "../value/value.h"

#define MAX_FUNDS_ROWS 12
#define MAX_NUMS 32
#define CELL_CMP 256

typedef enum { S_OUTSIDE, S_HEADER, S_FUNDS, S_GOAL, S_INDICATORS, S_AFTER_TOTAL } section;

/* Kinds of value column in the indicator header, in order. */
typedef enum { V_INITIAL, V_ADJUSTED, V_ACTUAL, V_NATURE, V_VALUE, V_UNIT } value_col;

typedef struct {
    jx_dec value, alt; /* alt: decimal reading of "13,092", else JX_NONE */
    bool percent;
    const char *text;
} number;

typedef struct {
    number nums[MAX_NUMS];
    int n;
    const char *reason; /* a sentence in the row */
    long line;
} funds_row;

/* The current row's cells without whitespace, made once per row (on_row). */
typedef struct {
    char buf[JX_MAX_CELLS * 64];
    const char *cell[JX_MAX_CELLS];
    unsigned char len[JX_MAX_CELLS];
    size_t n;
    uint64_t chars; /* a bit per character seen (hashed): a needle absent here is absent */
} squeezed_row;

typedef struct {
    jx_project_fn fn;
    void *ctx;
    jx_import_result *res;
    bool stop;
    jx_arena arena; /* the project under construction */
    jx_project p;
    bool active;
    section sec;
    long start_line;
    bool has_content; /* more than a title */
    value_col cols[8];
    int n_cols;
    funds_row funds[MAX_FUNDS_ROWS];
    int n_funds;
    bool funds_done;
    const char *level1, *level2;
    jx_dec total_from_funds; /* a 得分 cell too big to be the execution score */
    squeezed_row sqrow;      /* the current row, squeezed */
} mapper;

/* ---- cell helpers ------------------------------------------------------------ */

/* s without whitespace (ASCII, U+3000, U+00A0) in buf (CELL_CMP bytes; a
 * longer cell is cut, which is fine for comparing labels). Hot path. */
static const char *sq_upto(const char *s, char *buf, size_t cap);

static const char *sq(const char *s, char *buf)
{
    return sq_upto(s, buf, CELL_CMP);
}

/* The same into cap bytes (cap ≤ CELL_CMP). */
static const char *sq_upto(const char *s, char *buf, size_t cap)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        unsigned char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            p++;
            continue;
        }
        if (c == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
            p += 3;
            continue;
        }
        if (c == 0xC2 && p[1] == 0xA0) {
            p += 2;
            continue;
        }
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        if (n + len >= cap) break; /* whole characters only */
        for (size_t k = 0; k < len && p[k]; k++)
            buf[n++] = (char)p[k];
        p += len;
    }
    buf[n] = '\0';
    return buf;
}

static bool empty(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\n' && *s != '\t') return false;
    return true;
}

static bool has(const char *s, const char *needle)
{
    return s && strstr(s, needle) != NULL;
}

/* The cell (whitespace ignored) is one of the words. */
static bool is_one_of(const char *cell, const char *const *words)
{
    /* compared in place, whitespace skipped (no copy: this runs on every cell) */
    const char *c = cell;
    while (*c == ' ' || *c == '\t' || *c == '\n')
        c++;
    for (; *words; words++)
        if ((*words)[0] == *c && jx_text_eq_squeezed(cell, *words)) return true;
    return false;
}

static unsigned char_bit(const unsigned char *c)
{
    return (unsigned)(c[0] * 7u + c[1] * 31u + (c[0] >= 0xE0 ? c[2] : 0u)) & 63u;
}

static void squeeze_row(squeezed_row *q, const jx_row *r)
{
    size_t used = 0;
    q->chars = 0;
    q->n = r->n < JX_MAX_CELLS ? r->n : JX_MAX_CELLS;
    for (size_t i = 0; i < q->n; i++) {
        char b[64]; /* labels are short; a longer cell only needs its start here */
        sq_upto(r->cells[i], b, sizeof b);
        size_t len = strlen(b);
        q->len[i] = (unsigned char)len;
        for (size_t k = 0; k < len; k++)
            if ((unsigned char)b[k] >= 0xC0)
                q->chars |= 1ull << char_bit((const unsigned char *)b + k);
        memcpy(q->buf + used, b, len);
        q->buf[used + len] = '\0';
        q->cell[i] = q->buf + used;
        used += len + 1;
    }
}

/* Index of the first cell containing `needle` (whitespace ignored), or -1. */
static int find_cell_in(const squeezed_row *q, const char *needle)
{
    /* every needle starts with a CJK character: if the row has none like it, stop */
    if ((unsigned char)needle[0] >= 0xC0 &&
        !(q->chars & (1ull << char_bit((const unsigned char *)needle))))
        return -1;
    size_t nl = strlen(needle);
    for (size_t i = 0; i < q->n; i++) {
        const char *c = q->cell[i];
        size_t cl = q->len[i];
        /* short haystacks: a plain scan beats strstr's set-up */
        for (size_t k = 0; k + nl <= cl; k++)
            if (c[k] == needle[0] && memcmp(c + k, needle, nl) == 0) return (int)i;
    }
    return -1;
}

#define find_cell(m, needle) find_cell_in(&(m)->sqrow, (needle))

/* The next non-empty cell after index i, or NULL. */
static const char *next_value(const jx_row *r, int i)
{
    for (size_t k = (size_t)i + 1; k < r->n; k++)
        if (!empty(r->cells[k])) return r->cells[k];
    return NULL;
}

static const char *keep(mapper *m, const char *s)
{
    return s ? jx_arena_strdup(&m->arena, s) : NULL;
}

/* A plain number ("10", "8.5", "87.28%", "13,092", "9.92分"). */
static bool plain_number(const char *s, number *out)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*u == ' ')
        u++;
    /* fast no: a number starts with a digit, a sign, a point or a full-width digit (EF BC 90..99)
     */
    if (!((*u >= '0' && *u <= '9') || *u == '-' || *u == '+' || *u == '.' ||
          (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x8B && u[2] <= 0x99)))
        return false;
    char f[64];
    size_t n = jx_value_fold(s, f, sizeof f);
    if (n == 0 || n >= sizeof f - 1) return false;
    bool percent = n && f[n - 1] == '%';
    if (n >= 3 && strcmp(f + n - 3, "分") == 0) f[n - 3] = '\0';
    jx_dec v, alt;
    jx_amount_status st = jx_amount_parse(f, &v, &alt);
    if (st != JX_AMOUNT_OK && st != JX_AMOUNT_AMBIGUOUS) return false;
    if (out) {
        out->value = v;
        out->alt = st == JX_AMOUNT_AMBIGUOUS ? alt : JX_NONE;
        out->percent = percent;
        out->text = s;
    }
    return true;
}

/* ---- vocabularies --------------------------------------------------------------- */

static const char *const LEVEL1[] = {"产出指标", "效益指标", "满意度指标", "成本指标", NULL};
static const char *const LEVEL2[] = {"数量指标",
                                     "质量指标",
                                     "时效指标",
                                     "成本指标",
                                     "经济效益指标",
                                     "社会效益指标",
                                     "生态效益指标",
                                     "可持续影响指标",
                                     "服务对象满意度指标",
                                     "经济成本指标",
                                     "社会成本指标",
                                     "生态环境成本指标",
                                     NULL};
static const char *const BLOCK_LABELS[] = {"绩效指标", "项目绩效分析", "年度绩效指标", "绩效目标",
                                           NULL};
static const char *const GRADES[] = {"优",   "良",   "中",     "差", "优秀",
                                     "良好", "合格", "不合格", NULL};

/* Canonical level-1 name for a squeezed cell, or NULL. */
static const char *level1_sq(const char *b)
{
    if (strlen(b) > 15) return NULL; /* longer than every name */
    for (int i = 0; LEVEL1[i]; i++)
        if (strcmp(b, LEVEL1[i]) == 0) return LEVEL1[i];
    if (strcmp(b, "产出") == 0) return LEVEL1[0];
    if (strcmp(b, "效益") == 0) return LEVEL1[1];
    if (strcmp(b, "满意度") == 0) return LEVEL1[2];
    return NULL;
}

/* Canonical level-2 name for a squeezed cell ("社会效益" → 社会效益指标;
 * clipped "服务对象满意度指" accepted), or NULL. */
static const char *level2_sq(const char *b)
{
    size_t bl = strlen(b);
    if (bl < 6 || bl > 27) return NULL; /* two characters at least, no longer than a name */
    for (int i = 0; LEVEL2[i]; i++)
        if (strncmp(LEVEL2[i], b, bl) == 0) return LEVEL2[i]; /* cell is a prefix of the name */
    if (strcmp(b, "服务对象") == 0) return "服务对象满意度指标";
    return NULL;
}

static const char *level1_of(const char *cell)
{
    char b[64];
    return level1_sq(sq_upto(cell, b, sizeof b));
}

static const char *level2_of(const char *cell)
{
    char b[64];
    return level2_sq(sq_upto(cell, b, sizeof b));
}

/* The level-1 a level-2 belongs to in the standard hierarchy (SPEC §3). */
static const char *parent_of(const char *level2)
{
    static const struct {
        const char *level2, *level1;
    } map[] = {{"数量指标", "产出指标"},
               {"质量指标", "产出指标"},
               {"时效指标", "产出指标"},
               {"成本指标", "产出指标"},
               {"经济效益指标", "效益指标"},
               {"社会效益指标", "效益指标"},
               {"生态效益指标", "效益指标"},
               {"可持续影响指标", "效益指标"},
               {"服务对象满意度指标", "满意度指标"},
               {"经济成本指标", "成本指标"},
               {"社会成本指标", "成本指标"},
               {"生态环境成本指标", "成本指标"}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (level2 && strcmp(map[i].level2, level2) == 0) return map[i].level1;
    return NULL;
}

/* ---- starting and finishing tables ------------------------------------------------- */

static void finish(mapper *m);

static void start(mapper *m, long line)
{
    finish(m);
    jx_arena_reset(&m->arena);
    jx_project_init(&m->p, &m->arena);
    m->p.amount_unit = "万元";
    m->active = true;
    m->sec = S_HEADER;
    m->start_line = line;
    m->p.line = (int)line;
    m->has_content = false;
    m->n_cols = 0;
    m->n_funds = 0;
    m->funds_done = false;
    m->level1 = m->level2 = NULL;
    m->total_from_funds = JX_NONE;
    m->res->tables++;
}

static void decide_funds(mapper *m);

static void finish(mapper *m)
{
    if (!m->active) return;
    m->active = false;
    decide_funds(m);
    jx_project *p = &m->p;
    if (!jx_has(p->total_claimed) && jx_has(m->total_from_funds))
        p->total_claimed = m->total_from_funds;
    if (!p->name || !*p->name) p->name = "";
    m->res->projects++;
    if (!m->fn(p, m->ctx)) m->stop = true;
}

/* "J市场监管经费项目支出绩效自评表" → "J市场监管经费" in b (CELL_CMP bytes);
 * NULL when nothing is left. */
static const char *name_from_title(const char *title, char *b)
{
    sq(title, b);
    char *s = b;
    /* "1、", "2." */
    while (*s >= '0' && *s <= '9')
        s++;
    if (s != b && (strncmp(s, "、", 3) == 0))
        s += 3;
    else if (s != b && *s == '.')
        s++;
    else
        s = b;
    static const char *const tails[] = {"项目支出绩效自评表", "项目绩效自评表", "支出绩效自评表",
                                        "绩效自评表",         "自评表",         NULL};
    for (int i = 0; tails[i]; i++) {
        char *t = strstr(s, tails[i]);
        if (t) {
            *t = '\0';
            break;
        }
    }
    return *s ? s : NULL;
}

static bool is_title(const jx_row *r)
{
    int nonempty = 0;
    const char *text = NULL;
    for (size_t i = 0; i < r->n; i++)
        if (!empty(r->cells[i])) {
            nonempty++;
            text = r->cells[i];
        }
    if (nonempty != 1) return false;
    char b[CELL_CMP];
    sq(text, b);
    return strstr(b, "自评表") && !strstr(b, "清单") && !strstr(b, "汇总") && !strstr(b, "附件") &&
           strlen(b) < 200;
}

/* "(2024年度)" → 2024 */
static int year_of(const jx_row *r)
{
    int nonempty = 0;
    for (size_t i = 0; i < r->n && nonempty < 2; i++)
        nonempty += !empty(r->cells[i]);
    if (nonempty != 1) return 0; /* "(2024年度)" stands alone */
    for (size_t i = 0; i < r->n; i++) {
        if (empty(r->cells[i])) continue;
        char f[64];
        if (jx_value_fold(r->cells[i], f, sizeof f) > 20) return 0;
        char *y = strstr(f, "年度");
        if (!y) return 0;
        char *d = y;
        while (d > f && d[-1] >= '0' && d[-1] <= '9')
            d--;
        if (y - d != 4) return 0;
        int year = 0;
        for (char *q = d; q < y; q++)
            year = year * 10 + (*q - '0');
        return year >= 1990 && year <= 2100 ? year : 0;
    }
    return 0;
}

static bool is_furniture(const jx_row *r)
{
    static const char *const words[] = {"仅供内部审核", NULL};
    if (r->n != 1) return false;
    if (is_one_of(r->cells[0], words)) return true;
    char f[64];
    size_t n = jx_value_fold(r->cells[0], f, sizeof f);
    if (n == 0 || n > 20) return false;
    /* page numbers: "3", "- 3 -", "第3页", "3/12" */
    size_t digits = 0, other = 0;
    for (size_t i = 0; i < n; i++) {
        if (f[i] >= '0' && f[i] <= '9')
            digits++;
        else if (f[i] != '-' && f[i] != '/')
            other++;
    }
    return digits && (other == 0 || (strstr(f, "第") && strstr(f, "页")));
}

/* ---- header rows ------------------------------------------------------------------ */

static bool header_row(mapper *m, const jx_row *r)
{
    int i;
    bool used = false;
    if ((i = find_cell(m, "项目名称")) >= 0) {
        const char *v = next_value(r, i);
        if (v) m->p.name = keep(m, v);
        used = true;
    }
    if ((i = find_cell(m, "主管部门")) >= 0) {
        const char *v = next_value(r, i);
        if (v && !has(v, "单位")) m->p.department = keep(m, v);
        used = true;
    }
    if ((i = find_cell(m, "实施单位")) >= 0 || (i = find_cell(m, "预算单位")) >= 0) {
        const char *v = next_value(r, i);
        if (v) m->p.unit = keep(m, v);
        used = true;
    }
    return used;
}

/* ---- funds ------------------------------------------------------------------------- */

/* A label of the funds block ("全年预算数", "资金结(转)余", "其中:当年财政拨款"),
 * as opposed to a sentence such as "按实际情况执行" (the 偏差原因). */
static bool funds_label(const char *cell)
{
    static const char *const endings[] = {"数", "率", "余", "得分", "分值", "原因", "额",   "额:",
                                          "金", "款", ")",  "目标", "情况", "进度", "来源", NULL};
    char b[64];
    sq_upto(cell, b, sizeof b);
    size_t n = strlen(b);
    if (n > 60) return false; /* a sentence, not a label */
    if (strstr(b, "资金") || strstr(b, "预算数")) return true;
    for (int i = 0; endings[i]; i++) {
        size_t el = strlen(endings[i]);
        if (n >= el && strcmp(b + n - el, endings[i]) == 0) return true;
    }
    return false;
}

/* Keep a funds row's numbers and its sentence; numbers_only: ignore a row without numbers. */
static void collect_funds(mapper *m, const jx_row *r, bool numbers_only)
{
    if (m->n_funds == MAX_FUNDS_ROWS) return;
    funds_row *f = &m->funds[m->n_funds];
    f->n = 0;
    f->reason = NULL;
    f->line = r->line;
    for (size_t i = 0; i < r->n; i++) {
        const char *c = r->cells[i];
        if (empty(c)) continue;
        number num;
        if (plain_number(c, &num)) {
            if (f->n < MAX_NUMS) {
                num.text = keep(m, c);
                f->nums[f->n++] = num;
            }
        } else if (!funds_label(c) && strcmp(c, "—") != 0 && strcmp(c, "-") != 0 && !f->reason) {
            f->reason = keep(m, c);
        }
    }
    if (f->n > 0 || (f->reason && !numbers_only)) m->n_funds++;
}

typedef struct {
    int score, row, b, e, bal, rate, exec, init;
    bool derived; /* e = b − bal, the executed cell being empty */
    jx_dec derived_e;
    bool alt[MAX_NUMS];
} funds_choice;

static jx_dec reading(const number *n, bool alt)
{
    return alt && jx_has(n->alt) ? n->alt : n->value;
}

/* Best reading of one row: budget b, executed e, and what agrees with them. */
static void best_in_row(const funds_row *f, int row, funds_choice *best)
{
    for (int i = 0; i < f->n; i++) {
        for (int ai = 0; ai < 2; ai++) {
            if (ai && !jx_has(f->nums[i].alt)) continue;
            jx_dec b = reading(&f->nums[i], ai);
            if (b < 0 || f->nums[i].percent) continue;
            for (int j = i + 1; j < f->n; j++) {
                for (int aj = 0; aj < 2; aj++) {
                    if (aj && !jx_has(f->nums[j].alt)) continue;
                    jx_dec e = reading(&f->nums[j], aj);
                    if (e < 0 || f->nums[j].percent || e > 2 * b) continue;
                    funds_choice c = {0};
                    c.row = row;
                    c.b = i;
                    c.e = j;
                    c.bal = c.rate = c.exec = c.init = -1;
                    c.alt[i] = ai;
                    c.alt[j] = aj;
                    jx_dec exact_rate =
                        b == 0 ? 0 : jx_dec_percent(e, b, JX_DEC_DIGITS); /* 0 of 0: 0% */
                    for (int k = j + 1; k < f->n; k++) {
                        for (int ak = 0; ak < 2; ak++) {
                            if (ak && !jx_has(f->nums[k].alt)) continue;
                            jx_dec v = reading(&f->nums[k], ak);
                            if (c.bal < 0 && c.rate < 0 && v == b - e) {
                                c.bal = k;
                                c.alt[k] = ak;
                                c.score += 3;
                            } else if (c.rate < 0 &&
                                       jx_dec_abs(v - exact_rate) <= JX_DEC_SCALE / 50) {
                                c.rate = k;
                                c.alt[k] = ak;
                                c.score += 3;
                            }
                        }
                    }
                    /* a rate-like figure right after the balance that does not agree counts against
                     */
                    int after_bal = c.bal >= 0 ? c.bal + 1 : j + 1;
                    if (c.rate < 0 && after_bal < f->n) c.score -= 2;
                    /* the usual order: budget, executed, balance, rate */
                    if (c.bal == j + 1) c.score += 1;
                    if (c.rate >= 0 && c.rate == after_bal) c.score += 1;
                    if (j == i + 1) c.score += 1;
                    c.score -= (j - i - 1);
                    if (c.score > best->score || best->row < 0) *best = c;
                }
            }
            /* the executed cell left empty: b, balance k, and a rate that
             * agrees with b − balance (seed 002 J离退休党支部活动经费) */
            for (int k = i + 1; k == i + 1 && k + 1 < f->n;
                 k++) { /* the balance right after the budget */
                jx_dec bal = f->nums[k].value;
                if (f->nums[k].percent || bal < 0 || bal >= b) continue;
                jx_dec e = b - bal;
                jx_dec exact_rate = jx_dec_percent(e, b, JX_DEC_DIGITS);
                for (int q = k + 1; q < f->n; q++) {
                    if (jx_dec_abs(f->nums[q].value - exact_rate) > JX_DEC_SCALE / 50) continue;
                    funds_choice c = {0};
                    c.row = row;
                    c.b = i;
                    c.e = -1;
                    c.bal = k;
                    c.rate = q;
                    c.exec = c.init = -1;
                    c.alt[i] = ai;
                    c.derived = true;
                    c.derived_e = e;
                    c.score = 3; /* weaker than any direct reading that a rate confirms */
                    if (c.score > best->score || best->row < 0) *best = c;
                    break;
                }
            }
        }
    }
}

static void decide_funds(mapper *m)
{
    if (m->funds_done) return;
    m->funds_done = true;
    jx_project *p = &m->p;
    funds_choice best = {0};
    best.row = -1;
    best.score = -1000;
    for (int r = 0; r < m->n_funds; r++)
        best_in_row(&m->funds[r], r, &best);
    for (int r = 0; r < m->n_funds && !p->funds.reason; r++)
        if (m->funds[r].reason) p->funds.reason = m->funds[r].reason;
    if (best.row < 0) {
        if (m->n_funds && m->funds[0].n)
            jx_finding_addf(p, "IMPORT-UNPLACED", JX_SEV_WARNING, -1, "funds",
                            "line %ld: the funds figures could not be placed (no budget and "
                            "executed amount found)",
                            "第 %ld 行: 资金栏的数字无法对应到全年预算数、全年执行数",
                            m->funds[0].line);
        return;
    }
    const funds_row *f = &m->funds[best.row];
    jx_funds *fd = &p->funds;
    fd->budget = reading(&f->nums[best.b], best.alt[best.b]);
    if (best.derived) {
        char a[JX_DEC_BUF], b[JX_DEC_BUF], c[JX_DEC_BUF];
        fd->executed = best.derived_e;
        fd->derived |= JX_DERIVED_EXECUTED;
        jx_finding_addf(p, "IMPORT-DERIVED", JX_SEV_INFO, -1, "executed",
                        "line %ld: 全年执行数 is blank; derived as budget %s − balance %s = %s, "
                        "which the stated rate %s%% confirms",
                        "第 %ld 行: 全年执行数未填写, 按 全年预算数 %s − 结余 %s = %s 推算 "
                        "(与填报的执行率 %s%% 相符)",
                        f->line, jx_dec_fmt(fd->budget, a), f->nums[best.bal].text,
                        jx_dec_fmt(best.derived_e, b), jx_dec_fmt(f->nums[best.rate].value, c));
    } else {
        fd->executed = reading(&f->nums[best.e], best.alt[best.e]);
    }
    if (best.b > 0 && !f->nums[best.b - 1].percent) fd->budget_initial = f->nums[best.b - 1].value;
    int after = best.derived ? best.b : best.e;
    if (best.bal >= 0) {
        fd->balance = reading(&f->nums[best.bal], best.alt[best.bal]);
        after = best.bal;
    } else if (best.e + 1 < f->n && !f->nums[best.e + 1].percent && best.e + 1 != best.rate &&
               f->nums[best.e + 1].value != JX_DEC(10)) {
        fd->balance = f->nums[best.e + 1].value; /* stated, even if wrong: FUND-BALANCE will say */
        after = best.e + 1;
    }
    if (best.rate >= 0) {
        fd->execution_rate = reading(&f->nums[best.rate], best.alt[best.rate]);
        const char *t = f->nums[best.rate].text;
        char fold[64];
        jx_value_fold(t, fold, sizeof fold);
        const char *dot = strchr(fold, '.');
        fd->rate_decimals = 0;
        if (dot)
            for (const char *q = dot + 1; *q >= '0' && *q <= '9'; q++)
                fd->rate_decimals++;
        after = best.rate;
    }
    /* the 得分 cell: after the rate; a figure above 10 is the table's total */
    for (int k = after + 1; k < f->n; k++) {
        jx_dec v = f->nums[k].value;
        if (f->nums[k].percent) continue;
        if (v <= JX_DEC(10)) {
            fd->execution_score_claimed = v;
        } else {
            m->total_from_funds = v;
            jx_finding_addf(p, "IMPORT-PLACED", JX_SEV_INFO, -1, "total_claimed",
                            "line %ld: the funds block's score cell holds %s, more than the "
                            "execution weight: read as the table's total",
                            "第 %ld 行: 资金栏“得分”为 %s, 超过预算执行分值, 按全表总分读取",
                            f->line, f->nums[k].text);
        }
        break;
    }
    /* a score stated on another funds row that repeats budget and executed (seed 002 Z个体) */
    for (int r = 0; r < m->n_funds && !jx_has(fd->execution_score_claimed); r++) {
        const funds_row *o = &m->funds[r];
        if (r == best.row || o->n < 3) continue;
        const number *last = &o->nums[o->n - 1];
        bool has_b = false, has_e = false;
        for (int k = 0; k < o->n - 1; k++) {
            has_b |= o->nums[k].value == fd->budget;
            has_e |= o->nums[k].value == fd->executed;
        }
        if (has_b && has_e && !last->percent && last->value <= JX_DEC(10) && last->value >= 0)
            fd->execution_score_claimed = last->value;
    }
    /* ambiguous readings: say which was taken */
    for (int k = 0; k < f->n; k++) {
        if (!jx_has(f->nums[k].alt)) continue;
        bool used_alt = best.alt[k];
        char a[JX_DEC_BUF], b[JX_DEC_BUF];
        jx_finding_addf(
            p, "NUMBER-AMBIGUOUS", JX_SEV_WARNING, -1, "funds",
            "\"%s\" could be %s or %s; read as %s, the reading the row's figures agree with",
            "资金栏「%s」可读作 %s 或 %s; 按本行数据关系读作 %s%s, 请核实", f->nums[k].text,
            jx_dec_fmt(f->nums[k].value, a), jx_dec_fmt(f->nums[k].alt, b), used_alt ? b : a,
            used_alt ? " (逗号疑为小数点)" : "");
    }
}

/* ---- indicators ------------------------------------------------------------------------ */

static bool indicator_header(mapper *m, const jx_row *r)
{
    if (find_cell(m, "一级指标") < 0 ||
        (find_cell(m, "三级指标") < 0 && find_cell(m, "二级指标") < 0))
        return false;
    m->n_cols = 0;
    char b[CELL_CMP];
    for (size_t i = 0; i < r->n && m->n_cols < 8; i++) {
        sq(r->cells[i], b);
        value_col c;
        if (strstr(b, "调整后"))
            c = V_ADJUSTED;
        else if (strstr(b, "实际完成") || strcmp(b, "实际值") == 0)
            c = V_ACTUAL;
        else if (strstr(b, "指标性质"))
            c = V_NATURE;
        else if (strstr(b, "度量单位") || strcmp(b, "计量单位") == 0)
            c = V_UNIT;
        else if (strstr(b, "年初指标值") || strstr(b, "年度指标值") || strcmp(b, "指标值") == 0 ||
                 strstr(b, "目标值"))
            c = m->n_cols && m->cols[m->n_cols - 1] == V_NATURE ? V_VALUE : V_INITIAL;
        else
            continue;
        m->cols[m->n_cols++] = c;
    }
    if (m->n_cols == 0) { /* a header without value columns: assume 指标值 + 实际完成值 */
        m->cols[0] = V_INITIAL;
        m->cols[1] = V_ACTUAL;
        m->n_cols = 2;
    }
    return true;
}

/* "≥95%", "2024年12月31日前", "≥次": a cell that is a target, not a name. */
static bool looks_like_value(const char *cell)
{
    /* every such value has a digit or an operator symbol (≥ ≤ … start with 0xE2) */
    const char *p = cell;
    while (*p && !((*p >= '0' && *p <= '9') || *p == '>' || *p == '<' || *p == '=' ||
                   (unsigned char)*p == 0xE2 || (unsigned char)*p == 0xEF))
        p++;
    if (!*p) return false;
    jx_value v;
    jx_value_parse_shape(cell, &v);
    return (v.kind == JX_VAL_NUMBER && v.op != JX_OP_NONE) || v.kind == JX_VAL_UNIT_ONLY ||
           v.kind == JX_VAL_DEADLINE;
}

static bool is_placeholder(const char *name)
{
    char f[64];
    size_t n = jx_value_fold(name, f, sizeof f);
    if (n == 0) return true;
    if (strcmp(f, "……") == 0 || strcmp(f, "...") == 0 || strcmp(f, "/") == 0 || strcmp(f, "…") == 0)
        return true;
    return strncmp(f, "指标", 6) == 0 && n <= 10 &&
           (f[n - 1] == ':' || (f[n - 1] >= '0' && f[n - 1] <= '9'));
}

static void unplaced(mapper *m, const jx_row *r, const char *why_zh, const char *why_en)
{
    char text[400] = "";
    for (size_t i = 0; i < r->n; i++) {
        if (empty(r->cells[i])) continue;
        size_t used = strlen(text);
        snprintf(text + used, sizeof text - used, "%s%s", used ? " | " : "", r->cells[i]);
    }
    jx_finding_addf(&m->p, "IMPORT-UNPLACED", JX_SEV_WARNING, -1, NULL, "line %ld: %s: %s",
                    "第 %ld 行: %s: %s", r->line, why_zh, text);
    (void)why_en;
}

/* The weight/score split of the cells after the name: choose the weight's
 * position w so that the cells before it fit the header's value columns
 * best (some tables carry extra numeric columns after the score, seed 002
 * J执法办案经费 "2.5 0 0 0"). Returns -1 if there is no number. */
static int choose_weight(const char *const *s, int n, int want_values)
{
    /* each cell read once */
    bool is_num[JX_MAX_CELLS];
    number num[JX_MAX_CELLS];
    int nums_after[JX_MAX_CELLS + 1];
    for (int k = 0; k < n; k++)
        is_num[k] = plain_number(s[k], &num[k]) && !num[k].percent;
    nums_after[n] = 0;
    for (int k = n - 1; k >= 0; k--)
        nums_after[k] = nums_after[k + 1] + (plain_number(s[k], NULL) ? 1 : 0);
    int best = -1, best_cost = 1 << 30;
    for (int w = 0; w < n; w++) {
        if (!is_num[w]) continue;
        bool has_score = w + 1 < n && is_num[w + 1];
        int later = w + 2 <= n ? nums_after[w + 2 < n ? w + 2 : n] : 0;
        int pre = w;
        while (pre > want_values && empty(s[pre - 1]))
            pre--;
        int cost = 2 * (pre > want_values ? pre - want_values : want_values - pre) + later;
        if (!has_score) cost += 3;
        if (has_score && num[w + 1].value > num[w].value) cost += 3;
        if (num[w].value > JX_DEC(100))
            cost += 5;
        else if (num[w].value > JX_DEC(50))
            cost += 3;
        if (pre >= 2 && (is_num[pre - 1] || plain_number(s[pre - 1], NULL))) {
            /* a bare number as the actual of a qualitative target is unlikely */
            jx_value t;
            jx_value_parse_shape(s[0], &t);
            if (t.kind == JX_VAL_TEXT || t.kind == JX_VAL_LEVEL) cost += 2;
        }
        if (cost < best_cost) {
            best_cost = cost;
            best = w;
        }
    }
    return best;
}

static void map_indicator(mapper *m, const jx_row *r)
{
    size_t i = 0;
    const char *l1 = NULL, *l2 = NULL, *l2_misplaced = NULL;
    for (; i < r->n; i++) {
        const char *c = r->cells[i];
        if (empty(c) || is_one_of(c, BLOCK_LABELS)) continue;
        const char *sc = i < m->sqrow.n ? m->sqrow.cell[i] : "";
        const char *a = level1_sq(sc), *b = level2_sq(sc);
        if (a && b) { /* 成本指标: level-1 when a level-2 follows it, else level-2 */
            const char *next = next_value(r, (int)i);
            if (next && level2_of(next) && !level1_of(next))
                l1 = a;
            else
                l2 = b;
            continue;
        }
        if (a) {
            l1 = a;
            continue;
        }
        if (b) {
            if (l2 && l2 != b)
                l2_misplaced = l2; /* "质量指标 | 时效指标": a level-2 in the level-1 column */
            l2 = b;
            continue;
        }
        break;
    }
    if (l1) {
        if (l1 != m->level1) m->level2 = NULL;
        m->level1 = l1;
    }
    if (l2) {
        m->level2 = l2;
        /* merged cells print the level-1 label on some middle row: a level-2
         * stated without its level-1 takes its standard parent */
        const char *parent = parent_of(l2);
        if (!l1 && parent &&
            !(m->level1 && strcmp(m->level1, "成本指标") == 0 && strcmp(parent, "产出指标") != 0))
            m->level1 = parent;
    }
    if (i >= r->n) return; /* only level names: they carry over to the next rows */

    const char *name = r->cells[i];
    if (looks_like_value(name))
        name = "";
    else
        i++;
    const char *s[JX_MAX_CELLS];
    int n = 0;
    for (size_t k = i; k < r->n && n < JX_MAX_CELLS; k++)
        s[n++] = r->cells[k];
    while (n && empty(s[n - 1]))
        n--;

    if (!*name && n == 0) return;
    if (is_placeholder(name) && *name) {
        bool rest_empty = true;
        for (int k = 0; k < n; k++)
            if (!empty(s[k]) && strcmp(s[k], "/") != 0) rest_empty = false;
        if (rest_empty) return; /* "指标2:", "……": a template's empty line */
    }
    int w = choose_weight(s, n, m->n_cols);
    if (w < 0 && !*name) {
        unplaced(m, r, "指标行无法识别 (no weight found)", "indicator row not understood");
        return;
    }
    int index = (int)m->p.n_indicators;
    jx_indicator *ind = jx_project_add_indicator(&m->p);
    ind->line = (int)r->line;
    if (l2_misplaced)
        jx_finding_addf(&m->p, "HIERARCHY", JX_SEV_WARNING, index, "level1",
                        "line %ld: the row names two level-2 indicators, %s and %s; read under %s",
                        "第 %ld 行: 同一行列出两个二级指标「%s」和「%s」(疑为错栏), 按「%s」读取",
                        r->line, l2_misplaced, l2, l2);
    ind->level1 = m->level1;
    ind->level2 = m->level2;
    ind->name = keep(m, name);
    int pre = w >= 0 ? w : n;
    while (pre > m->n_cols && empty(s[pre - 1]))
        pre--;
    /* value cells by the header's columns; fewer cells: first = target, last = actual */
    const char *target = NULL, *adjusted = NULL, *actual = NULL, *nature = NULL, *value = NULL,
               *unit = NULL;
    if (pre >= m->n_cols) {
        for (int k = 0; k < m->n_cols; k++) {
            const char *c = s[k];
            switch (m->cols[k]) {
            case V_INITIAL:
                target = c;
                break;
            case V_ADJUSTED:
                adjusted = c;
                break;
            case V_ACTUAL:
                actual = c;
                break;
            case V_NATURE:
                nature = c;
                break;
            case V_VALUE:
                value = c;
                break;
            case V_UNIT:
                unit = c;
                break;
            }
        }
        /* cells beyond the value columns before the weight: 定性值情况说明 */
    } else if (pre > 0) {
        target = s[0];
        if (pre >= 2) actual = s[pre - 1];
        if (pre >= 3) adjusted = s[1];
    }
    if (nature || value) {
        target = jx_arena_printf(&m->arena, "%s%s%s", nature ? nature : "", value ? value : "",
                                 unit ? unit : "");
    }
    if (empty(actual) && !empty(adjusted)) {
        /* "2024年12月31日前 | 预期指标并具有 | (empty)": the empty cell is the 定性值情况说明,
         * and the achievement words are the actual */
        jx_value v;
        jx_value_parse(adjusted, &v);
        if (v.kind == JX_VAL_LEVEL) {
            actual = adjusted;
            adjusted = NULL;
        }
    }
    ind->target = keep(m, target ? target : "");
    ind->target_adjusted = adjusted && !empty(adjusted) ? keep(m, adjusted) : NULL;
    ind->actual = keep(m, actual ? actual : "");
    if (w >= 0) {
        number wt, sc;
        plain_number(s[w], &wt);
        ind->weight = wt.value;
        int after = w + 1;
        if (w + 1 < n && plain_number(s[w + 1], &sc)) {
            ind->score_claimed = sc.value;
            after = w + 2;
        }
        for (int k = after; k < n; k++)
            if (!empty(s[k]) && !plain_number(s[k], NULL)) {
                ind->reason = keep(m, s[k]);
                break;
            }
    }
}

/* 总分 row: a total, a grade, or the indicators' subtotals. */
static void total_row(mapper *m, const jx_row *r)
{
    number nums[8];
    int n = 0;
    for (size_t i = 0; i < r->n; i++) {
        const char *c = r->cells[i];
        if (empty(c)) continue;
        if (is_one_of(c, GRADES)) {
            char b[CELL_CMP];
            m->p.grade_claimed = keep(m, sq(c, b));
        } else if (n < 8 && plain_number(c, &nums[n])) {
            n++;
        }
    }
    jx_dec weights = 0, scores = 0;
    for (size_t i = 0; i < m->p.n_indicators; i++) {
        if (jx_has(m->p.indicators[i].weight)) weights += m->p.indicators[i].weight;
        if (jx_has(m->p.indicators[i].score_claimed)) scores += m->p.indicators[i].score_claimed;
    }
    if (n == 1) {
        m->p.total_claimed = nums[0].value;
    } else if (n >= 2) {
        if (nums[0].value == weights && nums[1].value == scores) {
            /* "总分 90 90": the indicators' weights and scores, not the table's total */
        } else {
            m->p.total_claimed = nums[n - 1].value;
        }
    }
}

static bool is_total(const jx_row *r)
{
    static const char *const words[] = {"总分", "总计", "合计", "总得分", "自评总分", NULL};
    for (size_t i = 0; i < r->n; i++) {
        if (empty(r->cells[i])) continue;
        return is_one_of(r->cells[i], words);
    }
    return false;
}

/* Analysis rows after the total: a label and its text. */
static void text_row(mapper *m, const jx_row *r)
{
    const char *label = NULL, *text = NULL;
    char b[CELL_CMP];
    for (size_t i = 0; i < r->n; i++) {
        const char *c = r->cells[i];
        if (empty(c) || is_one_of(c, BLOCK_LABELS) || strcmp(sq(c, b), "自评结果分析") == 0 ||
            strcmp(b, "项目经验做法") == 0)
            continue;
        if (!label && strlen(c) <= 60 &&
            (has(c, "分析") || has(c, "经验") || has(c, "问题") || has(c, "措施") ||
             has(c, "建议") || has(c, "情况")))
            label = c;
        else if (!text)
            text = c;
    }
    if (label && text)
        jx_project_add_text(&m->p, keep(m, sq(label, b)), keep(m, text));
    else if (label || text)
        jx_project_add_text(&m->p, keep(m, label ? sq(label, b) : ""), keep(m, text ? text : ""));
}

static void goal_row(mapper *m, const jx_row *r)
{
    static const char *const labels[] = {
        "年度总体目标", "项目年度绩效目标", "年度目标",     "实际完成情况",
        "预期目标",     "总体目标",         "年度绩效目标", NULL};
    for (size_t i = 0; i < r->n; i++) {
        const char *c = r->cells[i];
        if (empty(c) || is_one_of(c, labels) || plain_number(c, NULL) || funds_label(c)) continue;
        if (!m->p.goal_expected)
            m->p.goal_expected = keep(m, c);
        else if (!m->p.goal_actual)
            m->p.goal_actual = keep(m, c);
    }
}

/* ---- the state machine --------------------------------------------------------------------- */

static void on_row(mapper *m, const jx_row *r)
{
    if (is_furniture(r)) return;
    squeeze_row(&m->sqrow, r);
    if (is_title(r)) {
        const char *title = NULL;
        for (size_t i = 0; i < r->n; i++)
            if (!empty(r->cells[i])) title = r->cells[i];
        char buf[CELL_CMP];
        const char *nm = name_from_title(title, buf);
        /* "1、X绩效自评表" then "项目支出绩效自评表" is one title; a second named title is a new
         * table */
        if (!m->active || m->has_content || (nm && m->p.name)) start(m, r->line);
        if (nm && !m->p.name) m->p.name = keep(m, nm); /* after start(): it resets the arena */
        return;
    }
    int year = year_of(r);
    if (year) {
        if (m->active && !m->p.year) m->p.year = year;
        return;
    }
    if (r->paragraph) return; /* prose around the tables */

    if (find_cell(m, "项目名称") >= 0 && find_cell(m, "序号") < 0) {
        /* a new table without a title (Word/Excel); "序号 | 项目名称 | 金额" is a list, not a table
         */
        if (!m->active || (m->has_content && m->p.name && m->sec != S_HEADER)) start(m, r->line);
    }
    if (!m->active) return;

    if (m->sec == S_HEADER && find_cell(m, "序号") < 0 && header_row(m, r)) {
        m->has_content = true;
        return;
    }
    if (indicator_header(m, r)) {
        decide_funds(m);
        m->sec = S_INDICATORS;
        m->has_content = true;
        return;
    }
    if (find_cell(m, "备注") == 0) return;
    bool early = m->sec <= S_GOAL; /* funds and goal come before the indicators */
    bool funds_header =
        early && (find_cell(m, "项目资金") >= 0 || find_cell(m, "资金总额") >= 0 ||
                  find_cell(m, "年初预算数") >= 0 || find_cell(m, "全年预算数") >= 0);
    bool goal = early && !funds_header &&
                (find_cell(m, "年度总体目标") >= 0 || find_cell(m, "年度绩效目标") >= 0 ||
                 find_cell(m, "总体目标") >= 0);
    if ((m->sec == S_HEADER || m->sec == S_FUNDS) && funds_header) {
        m->sec = S_FUNDS;
        m->has_content = true;
    }
    if (goal && m->sec <= S_GOAL) {
        collect_funds(m, r, true); /* seed 002 Z特种设备监管费: the funds figures on the goal row */
        m->sec = S_GOAL;
        m->has_content = true;
        return;
    }
    switch (m->sec) {
    case S_FUNDS:
        collect_funds(m, r, false);
        break;
    case S_GOAL:
        goal_row(m, r);
        break;
    case S_INDICATORS:
        if (is_total(r)) {
            total_row(m, r);
            m->sec = S_AFTER_TOTAL;
        } else {
            map_indicator(m, r);
        }
        break;
    case S_AFTER_TOTAL:
        text_row(m, r);
        break;
    case S_HEADER:
    case S_OUTSIDE:
        break;
    }
}

bool jx_tables_read(jx_rows *rows, jx_project_fn fn, void *ctx, jx_import_result *res)
{
    mapper *m = jx_xmalloc(sizeof *m);
    memset(m, 0, sizeof *m);
    m->fn = fn;
    m->ctx = ctx;
    m->res = res;
    jx_arena_init(&m->arena);
    jx_row row;
    int got;
    while (!m->stop && (got = rows->next(rows->state, &row, res->error, sizeof res->error)) == 1)
        on_row(m, &row);
    bool ok = m->stop || got == 0;
    if (!ok) res->failed = true;
    if (!m->stop) finish(m);
    jx_arena_free(&m->arena);
    free(m);
    return ok;
}
