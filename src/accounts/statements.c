/* statements.c — the numeric statements of the 情况说明 (SPEC §9) and their checks.
 *
 * Each paragraph is scanned for figures (jx_st_scan: a number, its unit, the
 * subject phrase before it and the role its wording gives it). A subject is
 * resolved to a table cell — first in the table of the section the paragraph
 * is in, then in the others — by row labels, column headings, group names
 * and the table's topic, with SUBJECT_SYNONYMS for the few words the text
 * uses differently. Then every statement is checked against the tables and
 * against the other statements: amounts, shares (over the head of their
 * list or a named total), completion rates, changes against last year
 * (prior = now − change; rate = change / prior, inputs taken as rounded),
 * lists (items against their head), counts, 无此项收支 against empty tables,
 * and the same subject stated twice. Rounding is jx_dec_ratio only.
 */
#include "statements.h"

#include <string.h>

#include "../base/text.h"

/* ---- words ------------------------------------------------------------------------------ */

/* Where the text's words differ from the tables': a whole subject (whole) or a
 * part of one replaced before resolution. */
static const struct {
    const char *from, *to;
    bool whole;
} SUBJECT_SYNONYMS[] = {
    {"车辆", "车辆数合计", true},
    {"车辆数", "车辆数合计", true},
    {"总额", "合计", false},
    {"支出总数", "支出合计", false},
    {"公务用车购置及运行维护费", "小计", true},
    {"公务用车购置和运行维护费", "小计", true},
};

/* Words that may surround a row label or column heading in a subject. */
static const char *const FILLER[] = {"一般公共预算", "财政拨款", "本年", "年度", "决算", "支出",
                                     "收入",         "合计",     "小计", "金额", "情况", "的"};

/* What a section or a table is about: a subject made only of these (and
 * filler) names the table's total. */
static const struct {
    const char *kind;
    const char *words[3];
} TOPICS[] = {
    {"gpb", {"一般公共预算财政拨款", "一般公共预算"}},
    {"gpb_basic", {"基本支出"}},
    {"fiscal", {"财政拨款"}},
    {"fund", {"政府性基金预算财政拨款", "政府性基金"}},
    {"soe", {"国有资本经营预算财政拨款", "国有资本经营"}},
    {"three", {"三公经费", "三公"}},
    {"income", {"收入"}},
    {"expense", {"支出"}},
};

/* Section headings → table kind, most specific first (used when the rule
 * file's section names do not decide). */
static const struct {
    const char *word, *kind;
} SECTION_WORDS[] = {
    {"三公", "three"},
    {"政府性基金", "fund"},
    {"国有资本经营", "soe"},
    {"基本支出", "gpb_basic"},
    {"一般公共预算财政拨款支出", "gpb"},
    {"财政拨款收支", "fiscal"},
    {"财政拨款收入支出", "fiscal"},
    {"机关运行经费", "info"},
    {"政府采购", "info"},
    {"国有资产", "info"},
    {"其他重要事项", "info"},
    {"收入支出决算总体", "summary"},
    {"收支决算总体", "summary"},
    {"收入决算", "income"},
    {"支出决算", "expense"},
};

static const char *const LIST_MARKERS[] = {
    "主要用于以下方面", "主要用于", "主要包括", "其中", "包括", "分别为", "分别是", "具体如下"};
static const char *const LEAD_WORDS[] = {
    "主要用于以下方面", "主要用于", "主要包括", "其中", "包括", "分别为", "分别是", "本部门(单位)",
    "本部门",           "本单位",   "共有",     "共计", "共",   "另外",   "此外"};
static const char *const REASON_WORDS[] = {"原因", "主要是", "由于", "因为"};
static const char *const SAME_WORDS[] = {"与上年相同", "与上年持平", "同比持平", "与上年度相同",
                                         "与上年一致"};
static const char *const SENTENCE_ENDS[] = {"。", ";", "!", "?"};

/* ---- small string helpers -------------------------------------------------------------- */

static bool starts(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

static bool ends(const char *s, const char *p)
{
    size_t n = strlen(s), k = strlen(p);
    return n >= k && strcmp(s + n - k, p) == 0;
}

/* Remove the first occurrence of w from s (in place); true if found. */
static bool cut(char *s, const char *w)
{
    char *at = *w ? strstr(s, w) : NULL;
    if (!at) return false;
    size_t k = strlen(w);
    memmove(at, at + k, strlen(at + k) + 1);
    return true;
}

static void cut_all(char *s, const char *w)
{
    while (cut(s, w)) {
    }
}

static bool has_any(const char *s, size_t len, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *at = strstr(s, words[i]);
        if (at && (size_t)(at - s) + strlen(words[i]) <= len) return true;
    }
    return false;
}

#define COUNT_OF(x) (sizeof(x) / sizeof *(x))

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* ---- the sentence matcher -------------------------------------------------------------- */

static const struct {
    const char *text;
    jx_st_unit unit;
} UNITS[] = {
    {"万元", JX_ST_WAN}, {"亿元", JX_ST_WAN},     {"元", JX_ST_YUAN},    {"%", JX_ST_RATE},
    {"辆", JX_ST_COUNT}, {"台(套)", JX_ST_COUNT}, {"台", JX_ST_COUNT},   {"套", JX_ST_COUNT},
    {"个", JX_ST_COUNT}, {"批次", JX_ST_COUNT},   {"人次", JX_ST_COUNT}, {"人", JX_ST_COUNT},
    {"项", JX_ST_COUNT}, {"家", JX_ST_COUNT},     {"名", JX_ST_COUNT},   {"次", JX_ST_COUNT},
};

/* Parse "5,029.36" at s; returns its length, 0 if no number. */
static size_t number_at(const char *s, jx_dec *v, int *decimals)
{
    char plain[40];
    size_t n = 0, k = 0;
    while (is_digit(s[n]) || (s[n] == ',' && n > 0 && is_digit(s[n + 1]) && is_digit(s[n + 2]) &&
                              is_digit(s[n + 3]) && !is_digit(s[n + 4]))) {
        if (s[n] != ',') {
            if (k + 1 >= 20) return 0;
            plain[k++] = s[n];
        }
        n++;
    }
    if (s[n] == '.' && is_digit(s[n + 1])) {
        plain[k++] = s[n++];
        while (is_digit(s[n])) {
            if (k + 1 >= sizeof plain) return 0;
            plain[k++] = s[n++];
        }
    }
    if (!k || !jx_dec_parse(plain, k, v, decimals) || *v > JX_DEC_MAX / 10000) return 0;
    return n;
}

/* True when the number at num_at is part of a label ("单价100万元(含)以上"). */
static bool label_number(const char *text, size_t num_at, const char *after)
{
    if (num_at >= strlen("单价") && starts(text + num_at - strlen("单价"), "单价")) return true;
    return starts(after, "(含)") || starts(after, "以上") || starts(after, "以下") ||
           starts(after, "及以上");
}

/* Length of a clause boundary mark at s, 0 if none. */
static size_t boundary_at(const char *s)
{
    static const char *const marks[] = {",", "。", ";", ":", "、", "!", "?", "\n"};
    for (size_t i = 0; i < COUNT_OF(marks); i++)
        if (starts(s, marks[i])) return strlen(marks[i]);
    return 0;
}

/* Start of the subject phrase before num_at (after the last boundary). */
static size_t subject_start(const char *text, size_t from, size_t num_at)
{
    size_t at = from;
    for (size_t i = from; i < num_at; i++)
        if (boundary_at(text + i)) at = i + boundary_at(text + i);
    return at > num_at ? num_at : at;
}

static void strip_leading_year(char *s)
{
    size_t n = 0;
    while (is_digit(s[n]))
        n++;
    if (n == 4 && starts(s + n, "年度"))
        memmove(s, s + n + strlen("年度"), strlen(s + n + strlen("年度")) + 1);
    else if (n == 4 && starts(s + n, "年"))
        memmove(s, s + n + strlen("年"), strlen(s + n + strlen("年")) + 1);
    else if (starts(s, "本年度"))
        memmove(s, s + strlen("本年度"), strlen(s + strlen("本年度")) + 1);
}

/* Remove "与上年相比", "较上年决算", "比上年度", "比2023年", "同比" at the start or end. */
static void strip_comparison(char *s)
{
    static const char *const tails[] = {"较上年决算", "较上年度",   "较上年",       "比上年度",
                                        "比上年",     "与上年相比", "与上年度相比", "同比",
                                        "比去年",     "较去年"};
    for (size_t i = 0; i < COUNT_OF(tails); i++) {
        if (starts(s, tails[i])) memmove(s, s + strlen(tails[i]), strlen(s + strlen(tails[i])) + 1);
        if (ends(s, tails[i])) s[strlen(s) - strlen(tails[i])] = '\0';
    }
    /* 比2023年 / 较2023年决算 / 与2023年相比 */
    char *p = s;
    while (*p) {
        bool head = starts(p, "比") || starts(p, "较") || starts(p, "与");
        size_t k = head ? strlen("比") : 0;
        size_t n = 0;
        while (head && is_digit(p[k + n]))
            n++;
        if (head && n == 4 && starts(p + k + n, "年")) {
            size_t e = k + n + strlen("年");
            if (starts(p + e, "度")) e += strlen("度");
            if (starts(p + e, "决算")) e += strlen("决算");
            if (starts(p + e, "相比")) e += strlen("相比");
            memmove(p, p + e, strlen(p + e) + 1);
            continue;
        }
        p++;
    }
}

static void strip_lead_words(char *s)
{
    bool again = true;
    while (again) {
        again = false;
        for (size_t i = 0; i < COUNT_OF(LEAD_WORDS); i++)
            if (starts(s, LEAD_WORDS[i])) {
                memmove(s, s + strlen(LEAD_WORDS[i]), strlen(s + strlen(LEAD_WORDS[i])) + 1);
                again = true;
            }
        if (*s == ':') {
            memmove(s, s + 1, strlen(s));
            again = true;
        }
    }
}

static char *clean_subject(jx_arena *arena, const char *raw)
{
    char *s = jx_ac_norm(arena, raw);
    static const char *const quotes[] = {"“", "”", "\"", "‘", "’", "「", "」", "『", "』", "'"};
    for (size_t i = 0; i < COUNT_OF(quotes); i++)
        cut_all(s, quotes[i]);
    strip_leading_year(s);
    strip_lead_words(s);
    strip_comparison(s);
    strip_leading_year(s);
    return s;
}

static int direction_suffix(char *s)
{
    static const struct {
        const char *w;
        int dir;
    } words[] = {{"增加", 1},  {"增长", 1},  {"上升", 1},  {"提高", 1},
                 {"减少", -1}, {"下降", -1}, {"降低", -1}, {"减", -1}};
    if (ends(s, "了")) s[strlen(s) - strlen("了")] = '\0';
    for (size_t i = 0; i < COUNT_OF(words); i++)
        if (ends(s, words[i].w)) {
            s[strlen(s) - strlen(words[i].w)] = '\0';
            return words[i].dir;
        }
    return 0;
}

static bool cut_suffix(char *s, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ends(s, words[i])) {
            s[strlen(s) - strlen(words[i])] = '\0';
            return true;
        }
    return false;
}

/* Role of an amount or count from the end of its subject. */
static void classify_amount(jx_st_mention *m, char *s)
{
    static const char *const budget[] = {"年初预算数", "年初预算", "全年预算数", "全年预算",
                                         "调整预算",   "预算数",   "预算"};
    static const char *const actual[] = {"支出决算数", "支出决算", "决算数",
                                         "决算支出",   "实际支出", "决算"};
    int dir = direction_suffix(s);
    if (dir) {
        m->role = JX_ST_CHANGE;
        m->dir = dir;
        strip_comparison(s);
    } else if (cut_suffix(s, budget, COUNT_OF(budget))) {
        m->role = JX_ST_BUDGET;
    } else if (cut_suffix(s, actual, COUNT_OF(actual))) {
        m->role = JX_ST_ACTUAL;
    }
}

/* Role of a rate: share, completion, change rate or other. */
static void classify_rate(jx_arena *arena, jx_st_mention *m, char *s)
{
    if (ends(s, "为")) s[strlen(s) - strlen("为")] = '\0';
    const char *zhan = strstr(s, "占");
    if (ends(s, "占比") || ends(s, "比重") || ends(s, "所占比例")) {
        m->role = JX_ST_SHARE;
        s[zhan && ends(s, "占比") ? zhan - s : (long)strlen(s)] = '\0';
        return;
    }
    if (zhan && ends(s, "的")) {
        m->role = JX_ST_SHARE;
        size_t k = strlen("占");
        m->den = clean_subject(arena,
                               jx_arena_strndup(arena, zhan + k, strlen(zhan + k) - strlen("的")));
        s[zhan - s] = '\0';
        return;
    }
    const char *wan = strstr(s, "完成");
    if ((wan && ends(s, "的")) || ends(s, "完成率") || ends(s, "执行率")) {
        m->role = JX_ST_COMPLETION;
        if (wan) s[wan - s] = '\0';
        return;
    }
    int dir = direction_suffix(s);
    if (dir) {
        m->role = JX_ST_CHANGE_RATE;
        m->dir = dir;
        strip_comparison(s);
        return;
    }
    m->role = JX_ST_OTHER_RATE;
}

static void finish_subject(char *s)
{
    cut_all(s, "决算");
    strip_lead_words(s);
    if (ends(s, "共")) s[strlen(s) - strlen("共")] = '\0';
}

typedef enum { SCAN_NONE, SCAN_FIGURE, SCAN_LABEL } scan_result;

/* One figure at text + i; *len receives the bytes to skip. */
static scan_result scan_one(jx_arena *arena, const char *text, size_t i, size_t from,
                            jx_st_mention *m, size_t *len)
{
    memset(m, 0, sizeof *m);
    size_t n = number_at(text + i, &m->value, &m->decimals);
    *len = n ? n : 1;
    if (!n) return SCAN_NONE;
    if (i >= strlen("第") && starts(text + i - strlen("第"), "第")) return SCAN_NONE;
    const char *after = text + i + n;
    while (*after == ' ')
        after++;
    int u = -1;
    for (size_t k = 0; k < COUNT_OF(UNITS) && u < 0; k++)
        if (starts(after, UNITS[k].text)) u = (int)k;
    if (u < 0) return SCAN_NONE;
    m->unit = UNITS[u].unit;
    snprintf(m->unit_text, sizeof m->unit_text, "%s", UNITS[u].text);
    m->num_at = i;
    m->end = (size_t)(after - text) + strlen(UNITS[u].text);
    *len = m->end - i;
    if (m->unit == JX_ST_WAN && label_number(text, i, text + m->end)) return SCAN_LABEL;
    if (starts(UNITS[u].text, "亿元")) m->value *= 10000;
    m->subj_at = subject_start(text, from, i);
    char *s = clean_subject(arena, jx_arena_strndup(arena, text + m->subj_at, i - m->subj_at));
    if (m->unit == JX_ST_RATE)
        classify_rate(arena, m, s);
    else
        classify_amount(m, s);
    finish_subject(s);
    m->subject = s;
    return SCAN_FIGURE;
}

/* Can a number start at text + i (not inside a number or an ASCII word)? */
static bool number_start(const char *text, size_t i)
{
    if (!is_digit(text[i])) return false;
    if (i == 0) return true;
    unsigned char c = (unsigned char)text[i - 1];
    if (is_digit((char)c) || c == '.') return false;
    if (c < 0x80 && ((c | 32) >= 'a' && (c | 32) <= 'z')) return false;
    return !(c == ',' && i > 1 && is_digit(text[i - 2]));
}

size_t jx_st_scan(jx_arena *arena, const char *text, jx_st_mention *out, size_t max)
{
    size_t n = 0, from = 0, len = strlen(text);
    for (size_t i = 0; i < len;) {
        if (!number_start(text, i)) {
            i++;
            continue;
        }
        jx_st_mention m;
        size_t skip;
        scan_result r = scan_one(arena, text, i, from, &m, &skip);
        if (r == SCAN_FIGURE) {
            if (n < max) out[n] = m;
            n++;
            from = m.end;
        }
        i += skip;
    }
    return n;
}

/* ---- engine state ------------------------------------------------------------------------ */

typedef struct cellref {
    const jx_ac_table *t; /* NULL: not in a table */
    int group;
    const jx_ac_row *r; /* NULL: a sum (group or groups' totals, or a gap) */
    int col;
    jx_dec v;
    int decimals;
    const char *label; /* for messages */
    const char *key;
    bool gap; /* "其他X": class X minus its listed rows */
} cellref;

typedef struct ifact {
    jx_st_fact pub;
    cellref cell;
} ifact;

typedef struct item_list {
    bool open;
    bool by_paragraph;
    size_t marker_at; /* sentence lists: offset of the marker */
    int head;         /* sentence lists: mention index of the head, -1 until known */
    ifact *head_fact; /* paragraph lists */
    jx_dec head_v;
    int head_dec;
    jx_st_unit unit;
    char unit_text[16];
    jx_dec sum;
    int n;
    ifact *items[96];
    const char *quote;
    long line;
    const jx_ac_table *t;
} item_list;

typedef struct eng {
    const jx_accounts *a;
    jx_accounts *emit; /* NULL: collect only */
    jx_arena *arena;
    jx_dec tol;
    ifact *facts;
    size_t n_facts, cap_facts;
    item_list plist;
    const char *plist_section;
    /* the paragraph being read */
    const char *text;
    const char *kind;
    long line;
    jx_st_mention *ms;
    ifact **mfact; /* the fact of each mention */
    size_t n;
} eng;

/* A finding: the English and the Chinese text, each formatted by the caller. */
static void emit(eng *e, const char *code, jx_severity sev, const jx_ac_table *t, long line,
                 const char *en, const char *zh)
{
    if (e->emit) jx_ac_finding_add(e->emit, code, sev, t, line, "%s%.0s", "%.0s%s", en, zh);
}

#define FMT(...) jx_arena_printf(e->arena, __VA_ARGS__)

static void verified(eng *e)
{
    if (e->emit) e->emit->statements_found++, e->emit->statements_verified++;
}

static void failed(eng *e)
{
    if (e->emit) e->emit->statements_found++, e->emit->statements_failed++;
}

static void unchecked(eng *e)
{
    if (e->emit) e->emit->statements_unchecked++;
}

/* ---- formatting ------------------------------------------------------------------------- */

/* "5,029.36" with `decimals` decimals (arena). */
static const char *amt(eng *e, jx_dec v, int decimals)
{
    char buf[JX_DEC_BUF], out[64];
    jx_dec_fmt_fixed(v, decimals < 0 ? 2 : decimals, buf);
    const char *p = buf;
    size_t k = 0;
    if (*p == '-') out[k++] = *p++;
    size_t int_len = strcspn(p, ".");
    for (size_t i = 0; p[i]; i++) {
        if (i > 0 && i < int_len && (int_len - i) % 3 == 0) out[k++] = ',';
        out[k++] = p[i];
    }
    out[k] = '\0';
    return jx_arena_strdup(e->arena, out);
}

static const char *pct(eng *e, jx_dec v, int decimals)
{
    char buf[JX_DEC_BUF];
    return jx_arena_printf(e->arena, "%s%%", jx_dec_fmt_fixed(v, decimals, buf));
}

/* The sentence around byte offset at, clipped to 80 characters. */
static const char *quote(eng *e, size_t at)
{
    const char *t = e->text;
    size_t len = strlen(t), from = 0, to = len;
    for (size_t i = 0; i < at && i < len; i++)
        for (size_t k = 0; k < COUNT_OF(SENTENCE_ENDS); k++)
            if (starts(t + i, SENTENCE_ENDS[k])) from = i + strlen(SENTENCE_ENDS[k]);
    for (size_t i = at; i < len; i++) {
        size_t k = 0;
        while (k < COUNT_OF(SENTENCE_ENDS) && !starts(t + i, SENTENCE_ENDS[k]))
            k++;
        if (k < COUNT_OF(SENTENCE_ENDS)) {
            to = i + strlen(SENTENCE_ENDS[k]);
            break;
        }
    }
    size_t chars = 0, end = from;
    while (end < to && chars < 80) {
        end++;
        while (end < to && ((unsigned char)t[end] & 0xC0) == 0x80)
            end++;
        chars++;
    }
    return jx_arena_printf(e->arena, "%.*s%s", (int)(end - from), t + from, end < to ? "…" : "");
}

/* ---- decimals and intervals ------------------------------------------------------------- */

static jx_dec pow10_dec(int decimals)
{
    jx_dec v = JX_DEC_SCALE;
    for (int i = 0; i < decimals && v > 1; i++)
        v /= 10;
    return v;
}

/* Half a unit of the last written decimal: 0.005 for "5,029.36". */
static jx_dec half_unit(int decimals)
{
    if (decimals > 6) decimals = 6;
    return pow10_dec(decimals) / 2;
}

static jx_dec dabs(jx_dec v)
{
    return v < 0 ? -v : v;
}

static bool same_at(jx_dec stated, int decimals, jx_dec exact)
{
    return jx_dec_round(exact, decimals > 6 ? 6 : decimals) == stated;
}

/* Does the stated rate (decimals d) lie in the range num/den·100 takes when
 * num and den are each off by up to half their last written digit? */
static bool rate_fits(jx_dec num, int num_dec, jx_dec den, int den_dec, jx_dec stated, int d)
{
    num = dabs(num);
    den = dabs(den);
    jx_dec en = half_unit(num_dec), ed = half_unit(den_dec);
    jx_dec lo = jx_dec_ratio(num > en ? num - en : 0, JX_DEC(100), den + ed, 6);
    jx_dec hi = den > ed ? jx_dec_ratio(num + en, JX_DEC(100), den - ed, 6) : JX_DEC_MAX;
    jx_dec h = half_unit(d);
    return jx_has(lo) && jx_has(hi) && stated + h >= lo && stated - h <= hi;
}

/* The same for change / (now − change), the corners of both roundings. */
static bool growth_fits(jx_dec now, int now_dec, jx_dec change, int ch_dec, jx_dec stated, int d)
{
    jx_dec en = half_unit(now_dec), ec = half_unit(ch_dec), lo = JX_DEC_MAX, hi = -JX_DEC_MAX;
    for (int i = 0; i < 4; i++) {
        jx_dec c = change + (i & 1 ? ec : -ec), n = now + (i & 2 ? en : -en);
        jx_dec prior = n - c;
        if (prior <= 0) return false;
        jx_dec r = jx_dec_ratio(dabs(c), JX_DEC(100), prior, 6);
        if (!jx_has(r)) return false;
        lo = r < lo ? r : lo;
        hi = r > hi ? r : hi;
    }
    jx_dec h = half_unit(d);
    return stated + h >= lo && stated - h <= hi;
}

static int table_decimals(const cellref *c)
{
    return c->decimals > 2 ? c->decimals : 2;
}

/* ---- resolution ------------------------------------------------------------------------- */

static const char *group_stem(eng *e, const char *name)
{
    char *s = jx_arena_strdup(e->arena, name ? name : "");
    if (ends(s, "情况")) s[strlen(s) - strlen("情况")] = '\0';
    return s;
}

static bool topic_word(const char *kind, const char *s, size_t *len)
{
    for (size_t i = 0; kind && i < COUNT_OF(TOPICS); i++) {
        if (strcmp(TOPICS[i].kind, kind) != 0) continue;
        for (int k = 0; k < 3 && TOPICS[i].words[k]; k++)
            if (strstr(s, TOPICS[i].words[k])) {
                if (len) *len = strlen(TOPICS[i].words[k]);
                return true;
            }
    }
    return false;
}

/* Is what is left of a subject only filler? *named receives the group it names (-1). */
static bool residue_ok(eng *e, const char *residue, const jx_ac_table *t, int *named)
{
    char *s = jx_arena_strdup(e->arena, residue);
    if (named) *named = -1;
    size_t best = 0;
    for (int g = 0; t && g < t->n_groups; g++) {
        const char *stem = group_stem(e, t->groups[g].name);
        if (*stem && strstr(s, stem) && strlen(stem) > best) {
            best = strlen(stem);
            if (named) *named = g;
        }
    }
    for (int g = 0; t && g < t->n_groups; g++)
        cut_all(s, group_stem(e, t->groups[g].name));
    for (size_t i = 0; t && i < COUNT_OF(TOPICS); i++)
        if (t->kind && strcmp(TOPICS[i].kind, t->kind) == 0)
            for (int k = 0; k < 3 && TOPICS[i].words[k]; k++)
                cut_all(s, TOPICS[i].words[k]);
    for (size_t i = 0; i < COUNT_OF(FILLER); i++)
        cut_all(s, FILLER[i]);
    return *s == '\0';
}

static char *stem_of(eng *e, const char *s)
{
    char *t = jx_arena_strdup(e->arena, s);
    if (ends(t, "支出")) t[strlen(t) - strlen("支出")] = '\0';
    if (ends(t, "费用"))
        t[strlen(t) - strlen("费用")] = '\0';
    else if (ends(t, "费"))
        t[strlen(t) - strlen("费")] = '\0';
    return t;
}

static char *without(eng *e, const char *s, const char *w)
{
    char *t = jx_arena_strdup(e->arena, s);
    cut(t, w);
    return t;
}

/* How well subject s names key k in table t: 0 no match; *named as residue_ok. */
static int match_score(eng *e, const char *s, const char *k, const jx_ac_table *t, int *named)
{
    if (named) *named = -1;
    if (!*k || !*s) return 0;
    int len = (int)strlen(k);
    if (strcmp(s, k) == 0) return 3000 + len;
    if (strstr(s, k) && residue_ok(e, without(e, s, k), t, named)) return 1000 + len;
    if (strstr(k, s) && residue_ok(e, without(e, k, s), t, NULL)) return 1000 + (int)strlen(s);
    const char *a = stem_of(e, s), *b = stem_of(e, k);
    if (*a && strcmp(a, b) == 0) return 800 + len;
    return 0;
}

/* A row key without a trailing unit: "车辆数合计(辆)" → "车辆数合计". */
static const char *row_key(eng *e, const jx_ac_row *r)
{
    static const char *const units[] = {"(辆)", "(台(套))", "(台/套)", "(台)", "(个)"};
    char *k = jx_arena_strdup(e->arena, r->key ? r->key : "");
    cut_suffix(k, units, COUNT_OF(units));
    return k;
}

static bool same_group(const jx_ac_table *t, int g, int h)
{
    if (g == h) return true;
    const char *a = t->groups[g].name, *b = t->groups[h].name;
    return a && b && *a && strcmp(a, b) == 0;
}

/* Groups that hold counts (国有资产占用: 辆, 台(套)). */
static bool count_group(const jx_ac_table *t, int g)
{
    const char *n = t->groups[g].name;
    return n && strstr(n, "资产");
}

static bool group_allowed(const jx_ac_table *t, int g, bool count, bool budget)
{
    if (count != count_group(t, g)) return false;
    int want = jx_ac_group_find(t, budget ? "预算数" : "决算数");
    if (want >= 0 && jx_ac_group_find(t, "预算数") >= 0 && jx_ac_group_find(t, "决算数") >= 0)
        return g == want;
    return true;
}

static const jx_ac_row *total_row(const jx_ac_table *t, int g)
{
    static const char *const keys[] = {"合计", "总计", "小计"};
    for (size_t k = 0; k < COUNT_OF(keys); k++)
        for (size_t i = 0; i < t->n_rows; i++)
            if (same_group(t, g, t->rows[i].group) && t->rows[i].key &&
                strcmp(t->rows[i].key, keys[k]) == 0)
                return &t->rows[i];
    for (size_t i = 0; i < t->n_rows; i++)
        if (same_group(t, g, t->rows[i].group) && t->rows[i].key && ends(t->rows[i].key, "合计"))
            return &t->rows[i];
    const jx_ac_row *only = NULL;
    int n = 0;
    for (size_t i = 0; i < t->n_rows; i++)
        if (t->rows[i].group == g) only = &t->rows[i], n++;
    return n == 1 ? only : NULL;
}

static jx_dec cell_value(const jx_ac_table *t, const jx_ac_row *r, int col, bool count)
{
    if (!count) return jx_ac_cell(t, r, col);
    if (!r || col < 0 || col >= t->groups[r->group].n_cols) return JX_NONE;
    return jx_has(r->cells[col].v) ? r->cells[col].v : 0;
}

static void set_cell(eng *e, cellref *c, const jx_ac_table *t, int g, const jx_ac_row *r, int col,
                     bool count)
{
    c->t = t;
    c->gap = false;
    c->group = g;
    c->r = r;
    c->col = col;
    c->v = cell_value(t, r, col, count);
    c->decimals = r && col >= 0 && col < t->groups[r->group].n_cols ? r->cells[col].decimals : 2;
    char key[256];
    jx_st_cell_key(t, g, r, col, key, sizeof key);
    c->key = jx_arena_strdup(e->arena, key);
    const char *gname = t->groups[g].name && *t->groups[g].name ? t->groups[g].name : NULL;
    const char *cname = col >= 0 && col < t->groups[g].n_cols ? t->groups[g].cols[col] : NULL;
    c->label = jx_arena_printf(
        e->arena, "%s%s%s%s%s%s", jx_ac_table_label(t), gname ? " " : "", gname ? gname : "",
        r && r->label && *r->label ? " " : "", r && r->label ? r->label : "",
        cname && t->groups[g].n_cols > 1 ? jx_arena_printf(e->arena, " %s", cname) : "");
}

/* Sum of a group's rows (no total row) or of the groups' totals (g < 0). */
static bool set_sum(eng *e, cellref *c, const jx_ac_table *t, int g, bool count)
{
    jx_dec sum = 0;
    int n = 0;
    if (g >= 0) {
        for (size_t i = 0; i < t->n_rows; i++)
            if (same_group(t, g, t->rows[i].group))
                sum += cell_value(t, &t->rows[i], 0, count), n++;
    } else {
        for (int h = 0; h < t->n_groups; h++) {
            bool seen = false;
            for (int k = 0; k < h; k++)
                seen |= same_group(t, h, k);
            const jx_ac_row *r = seen ? NULL : total_row(t, h);
            if (r) sum += cell_value(t, r, 0, count), n++;
        }
    }
    if (!n) return false;
    set_cell(e, c, t, g < 0 ? 0 : g, NULL, 0, count);
    c->v = sum;
    c->decimals = 2;
    if (g < 0) c->key = jx_arena_printf(e->arena, "%s|*|*|*", t->kind ? t->kind : "");
    c->label = jx_arena_printf(e->arena, "%s %s", jx_ac_table_label(t),
                               g >= 0 ? t->groups[g].name : "各部分合计");
    return true;
}

/* Rows: a row label named by the subject. */
static int try_rows(eng *e, const char *s, const jx_ac_table *t, bool count, bool budget,
                    cellref *out)
{
    int best = 0;
    for (size_t i = 0; i < t->n_rows; i++) {
        const jx_ac_row *r = &t->rows[i];
        if (!group_allowed(t, r->group, count, budget) || !r->key || !*r->key) continue;
        int named = -1;
        int sc = match_score(e, s, row_key(e, r), t, &named);
        if (named >= 0 && !same_group(t, named, r->group)) sc = 0;
        /* two rows of one name (30902 and 31002 办公设备购置): the one with an amount */
        bool better_tie =
            sc == best && sc > 0 && out->r && !jx_has(out->r->cells[0].v) && jx_has(r->cells[0].v);
        if (sc > best || better_tie) {
            best = sc;
            set_cell(e, out, t, r->group, r, 0, count);
        }
    }
    return best;
}

/* Columns: a heading named by the subject, in the group's total row. */
static int try_cols(eng *e, const char *s, const jx_ac_table *t, bool count, bool budget,
                    cellref *out)
{
    int best = 0;
    for (int g = 0; g < t->n_groups; g++) {
        if (!group_allowed(t, g, count, budget) || t->groups[g].n_cols < 2) continue;
        const jx_ac_row *tot = total_row(t, g);
        if (!tot) continue;
        for (int c = 0; c < t->groups[g].n_cols; c++) {
            int named = -1;
            int sc = t->groups[g].cols[c] ? match_score(e, s, t->groups[g].cols[c], t, &named) : 0;
            if (named >= 0 && !same_group(t, named, g)) sc = 0;
            if (sc - 100 > best) {
                best = sc - 100;
                set_cell(e, out, t, g, tot, c, count);
            }
        }
    }
    return best;
}

/* Groups: "人员经费", "机关运行经费支出" → the group's total. */
static int try_groups(eng *e, const char *s, const jx_ac_table *t, bool count, cellref *out)
{
    for (int g = 0; g < t->n_groups; g++) {
        const char *stem = group_stem(e, t->groups[g].name);
        if (!*stem || count != count_group(t, g)) continue;
        if (!match_score(e, s, stem, t, NULL)) continue;
        const jx_ac_row *tot = total_row(t, g);
        if (tot) {
            set_cell(e, out, t, g, tot, 0, count);
            return 500;
        }
        if (set_sum(e, out, t, g, count)) return 500;
    }
    return 0;
}

/* Topic: a subject that only names the table ("一般公共预算财政拨款支出") → its total. */
static int try_topic(eng *e, const char *s, const jx_ac_table *t, bool count, bool budget,
                     cellref *out)
{
    if (count || !topic_word(t->kind, s, NULL) || !residue_ok(e, s, t, NULL)) return 0;
    for (int g = 0; g < t->n_groups; g++) {
        if (!group_allowed(t, g, count, budget)) continue;
        const jx_ac_row *tot = total_row(t, g);
        if (tot && (t->n_groups == 1 || (t->groups[g].name && strstr(t->groups[g].name, "数")))) {
            set_cell(e, out, t, g, tot, 0, count);
            return 100;
        }
    }
    return set_sum(e, out, t, -1, count) ? 100 : 0;
}

/* "其他商品和服务支出" with no such row: class 商品和服务支出 minus its listed rows. */
static bool try_gap(eng *e, const char *s, const jx_ac_table *t, cellref *out)
{
    if (!starts(s, "其他")) return false;
    const char *rest = s + strlen("其他");
    for (size_t i = 0; i < t->n_rows; i++) {
        const jx_ac_row *r = &t->rows[i];
        if (!r->code || !r->key || strcmp(r->key, rest) != 0) continue;
        size_t cl = strlen(r->code);
        jx_dec sum = 0;
        for (size_t k = 0; k < t->n_rows; k++) {
            const jx_ac_row *c = &t->rows[k];
            if (c->code && strlen(c->code) == cl + 2 && strncmp(c->code, r->code, cl) == 0)
                sum += jx_ac_cell(t, c, 0);
        }
        set_cell(e, out, t, r->group, r, 0, false);
        out->v -= sum;
        out->gap = true;
        out->key = jx_arena_printf(e->arena, "%s|gap|%s", t->kind ? t->kind : "", s);
        out->label = jx_arena_printf(e->arena, "%s %s %s 减去所列各款", jx_ac_table_label(t),
                                     r->code, r->key);
        return true;
    }
    return false;
}

static int resolve_in(eng *e, const char *s, const jx_ac_table *t, bool count, bool budget,
                      bool topic, cellref *out)
{
    cellref c;
    int best = 0, sc;
    if ((sc = try_rows(e, s, t, count, budget, &c)) > best) best = sc, *out = c;
    if ((sc = try_cols(e, s, t, count, budget, &c)) > best) best = sc, *out = c;
    if (best < 1000 && (sc = try_groups(e, s, t, count, &c)) > best) best = sc, *out = c;
    if (!best && topic && (sc = try_topic(e, s, t, count, budget, &c)) > best) best = sc, *out = c;
    return best;
}

static const char *apply_synonyms(eng *e, const char *s)
{
    char *t = jx_arena_strdup(e->arena, s);
    for (size_t i = 0; i < COUNT_OF(SUBJECT_SYNONYMS); i++) {
        if (SUBJECT_SYNONYMS[i].whole) {
            if (strcmp(t, SUBJECT_SYNONYMS[i].from) == 0)
                t = jx_arena_strdup(e->arena, SUBJECT_SYNONYMS[i].to);
        } else {
            char *at = strstr(t, SUBJECT_SYNONYMS[i].from);
            if (at)
                t = jx_arena_printf(e->arena, "%.*s%s%s", (int)(at - t), t, SUBJECT_SYNONYMS[i].to,
                                    at + strlen(SUBJECT_SYNONYMS[i].from));
        }
    }
    return t;
}

/* Subject → cell: the section's table first, then the others. */
static bool resolve(eng *e, const char *subject, bool count, bool budget, cellref *out)
{
    memset(out, 0, sizeof *out);
    if (!*subject) return false;
    const char *s = apply_synonyms(e, subject);
    const jx_ac_table *home = *e->kind ? jx_ac_table_of(e->a, e->kind) : NULL;
    if (home && resolve_in(e, s, home, count, budget, true, out)) return true;
    if (home && !count && try_gap(e, s, home, out)) return true;
    int best = 0;
    for (size_t i = 0; i < e->a->n_tables; i++) {
        const jx_ac_table *t = &e->a->tables[i];
        if (t == home || !t->kind) continue;
        cellref c;
        int sc = resolve_in(e, s, t, count, budget, false, &c);
        if (sc > best) best = sc, *out = c;
    }
    if (best) return true;
    for (size_t i = 0; !count && i < e->a->n_tables; i++)
        if (&e->a->tables[i] != home && try_gap(e, s, &e->a->tables[i], out)) return true;
    memset(out, 0, sizeof *out);
    return false;
}

/* The 预算数 cell next to a 决算数 cell (三公: 全年预算 = 公开09 预算数). */
static bool budget_cell(eng *e, const cellref *c, cellref *out)
{
    if (!c->t || !c->r) return false;
    int g = jx_ac_group_find(c->t, "预算数");
    if (g < 0 || g == c->group) return false;
    const jx_ac_row *r = total_row(c->t, g);
    const char *col = c->t->groups[c->group].cols[c->col];
    int k = col ? jx_ac_col(c->t, g, col) : -1;
    if (!r || k < 0) return false;
    set_cell(e, out, c->t, g, r, k, false);
    return true;
}

/* ---- facts -------------------------------------------------------------------------------- */

void jx_st_cell_key(const jx_ac_table *t, int group, const jx_ac_row *r, int col, char *buf,
                    size_t len)
{
    const char *g =
        group >= 0 && group < t->n_groups && t->groups[group].name ? t->groups[group].name : "";
    const char *c = group >= 0 && group < t->n_groups && col >= 0 && col < t->groups[group].n_cols
                        ? t->groups[group].cols[col]
                        : "";
    snprintf(buf, len, "%s|%s|%s|%s", t->kind ? t->kind : "", g, r ? (r->key ? r->key : "") : "*",
             c ? c : "");
}

const jx_st_fact *jx_st_fact_find(const jx_st_facts *f, const char *key)
{
    for (size_t i = 0; f && i < f->n; i++)
        if (strcmp(f->v[i].key, key) == 0) return &f->v[i];
    return NULL;
}

static ifact *fact_of(eng *e, const char *key, const char *subject, const cellref *c)
{
    for (size_t i = 0; i < e->n_facts; i++)
        if (strcmp(e->facts[i].pub.key, key) == 0) return &e->facts[i];
    if (e->n_facts == e->cap_facts) {
        size_t cap = e->cap_facts ? e->cap_facts * 2 : 32;
        e->facts = jx_arena_grow(e->arena, e->facts, e->cap_facts * sizeof *e->facts,
                                 cap * sizeof *e->facts);
        e->cap_facts = cap;
    }
    ifact *f = &e->facts[e->n_facts++];
    memset(f, 0, sizeof *f);
    f->pub.key = key;
    f->pub.subject = subject;
    f->pub.section = e->kind;
    if (c) f->cell = *c;
    return f;
}

/* The fact a subject names (resolved, or keyed by section and words). */
static ifact *fact_for(eng *e, const char *subject, bool count, const jx_st_mention *m,
                       const ifact *ctx)
{
    cellref c;
    if (resolve(e, subject, count, false, &c)) return fact_of(e, c.key, subject, &c);
    const char *key = count && ctx
                          ? jx_arena_printf(e->arena, "§%s|%s/%s|%s", e->kind, ctx->pub.subject,
                                            subject, m->unit_text)
                          : jx_arena_printf(e->arena, "§%s|%s|%s", e->kind, subject, m->unit_text);
    return fact_of(e, key, subject, NULL);
}

static bool fact_now(const ifact *f, jx_dec *v, int *d)
{
    if (f->pub.has_now) {
        *v = f->pub.now;
        *d = f->pub.now_dec;
        return true;
    }
    if (f->cell.t) {
        *v = f->cell.v;
        *d = table_decimals(&f->cell);
        return true;
    }
    return false;
}

/* ---- the checks --------------------------------------------------------------------------- */

static void rounding_note(eng *e, const cellref *c, const char *q, const char *what_en,
                          const char *what_zh, const char *stated, const char *exact)
{
    emit(e, "ACCT-ROUNDING", JX_SEV_INFO, c ? c->t : NULL, e->line,
         FMT("情况说明 \"%s\": %s %s agrees within rounding (computed %s)", q, what_en, stated,
             exact),
         FMT("情况说明“%s”:%s%s在尾数误差范围内相符(计算值%s)", q, what_zh, stated, exact));
}

/* A stated amount or count against its cell. */
static void check_amount(eng *e, const jx_st_mention *m, const cellref *c)
{
    const char *q = quote(e, m->num_at);
    const char *stated = amt(e, m->value, m->decimals);
    if (m->unit == JX_ST_COUNT) {
        if (m->value == c->v) {
            verified(e);
            return;
        }
        failed(e);
        emit(e, "ACCT-TEXT-COUNT", JX_SEV_ERROR, c->t, e->line,
             FMT("情况说明 \"%s\" states %s%s, %s gives %s", q, stated, m->unit_text, c->label,
                 amt(e, c->v, 0)),
             FMT("情况说明“%s”所列%s%s与%s不符:表中为%s", q, stated, m->unit_text, c->label,
                 amt(e, c->v, 0)));
        return;
    }
    jx_dec s = m->value;
    int d = m->decimals;
    if (m->unit == JX_ST_YUAN) {
        if (same_at(s, d, c->v) || dabs(s - c->v) <= e->tol) {
            verified(e);
            emit(e, "ACCT-TEXT-UNIT", JX_SEV_WARNING, c->t, e->line,
                 FMT("情况说明 \"%s\": %s元 is written in 元 but the figure is %s万元 (%s)", q,
                     stated, amt(e, c->v, 2), c->label),
                 FMT("情况说明“%s”:%s元的单位应为万元(%s为%s万元)", q, stated, c->label,
                     amt(e, c->v, 2)));
            return;
        }
        s = jx_dec_ratio(s, JX_DEC(1), JX_DEC(10000), 6);
        d = d + 4 > 6 ? 6 : d + 4;
    }
    if (same_at(s, d, c->v)) {
        verified(e);
        return;
    }
    if (dabs(s - c->v) <= e->tol) {
        verified(e);
        rounding_note(e, c, q, c->label, c->label, amt(e, s, d), amt(e, c->v, 2));
        return;
    }
    failed(e);
    emit(e, "ACCT-TEXT-AMOUNT", JX_SEV_ERROR, c->t, e->line,
         FMT("情况说明 \"%s\" states %s万元, %s gives %s万元", q, amt(e, s, d), c->label,
             amt(e, c->v, 2)),
         FMT("情况说明“%s”所列%s万元与%s不符:表中为%s万元", q, amt(e, s, d), c->label,
             amt(e, c->v, 2)));
}

/* A figure no table holds: a second, different value for the subject is an error. */
static void check_repeat(eng *e, const jx_st_mention *m, bool had, jx_dec before, int before_dec,
                         const char *what)
{
    int d = before_dec < m->decimals ? before_dec : m->decimals;
    if (!had || jx_dec_round(before, d) == jx_dec_round(m->value, d) ||
        dabs(before - m->value) <= e->tol) {
        unchecked(e);
        return;
    }
    failed(e);
    const char *q = quote(e, m->num_at), *who = *m->subject ? m->subject : "同一项目";
    const char *now = amt(e, m->value, m->decimals), *was = amt(e, before, before_dec);
    emit(e, "ACCT-TEXT-REPEAT", JX_SEV_ERROR, NULL, e->line,
         FMT("情况说明 \"%s\": %s%s is stated as %s%s here and %s%s before", q, who, what, now,
             m->unit_text, was, m->unit_text),
         FMT("情况说明“%s”:%s%s此处为%s%s,前文为%s%s,前后不一致", q, who, what, now, m->unit_text,
             was, m->unit_text));
}

/* The right denominator of a share of cell c (SPEC: income over 本年收入合计,
 * expenditure over 本年支出合计, 三公 over the 三公 total). */
static bool right_base(eng *e, const cellref *c, cellref *out)
{
    if (!c->t || c->gap) return false;
    const jx_ac_table *t = c->t;
    static const char *const keys[] = {"本年收入合计", "本年支出合计"};
    for (size_t k = 0; k < COUNT_OF(keys); k++) {
        const jx_ac_row *r = jx_ac_row_key(t, c->group, keys[k]);
        if (r) {
            set_cell(e, out, t, c->group, r, 0, false);
            return true;
        }
    }
    if (!t->kind || (strcmp(t->kind, "income") != 0 && strcmp(t->kind, "expense") != 0 &&
                     strcmp(t->kind, "gpb") != 0 && strcmp(t->kind, "three") != 0 &&
                     strcmp(t->kind, "fund") != 0 && strcmp(t->kind, "soe") != 0))
        return false;
    const jx_ac_row *r = total_row(t, c->group);
    if (!r) return false;
    set_cell(e, out, t, c->group, r, 0, false);
    return !(r == c->r && c->col == 0); /* the total itself: its base is elsewhere */
}

typedef struct base {
    bool known;
    jx_dec v;
    int dec;
    const char *name;
} base;

static void check_share(eng *e, const jx_st_mention *m, const ifact *num, const jx_st_mention *nm,
                        base stated_base)
{
    cellref right;
    bool has_right = num && right_base(e, &num->cell, &right);
    const char *q = quote(e, m->num_at);
    if (!nm || (!has_right && !stated_base.known)) {
        unchecked(e);
        return;
    }
    base use = has_right ? (base){true, right.v, table_decimals(&right), right.label} : stated_base;
    if (rate_fits(nm->value, nm->decimals, use.v, use.dec, m->value, m->decimals)) {
        verified(e);
        jx_dec exact = jx_dec_ratio(nm->value, JX_DEC(100), use.v, m->decimals);
        if (exact != m->value)
            rounding_note(e, has_right ? &right : NULL, q, "the share", "占比",
                          pct(e, m->value, m->decimals), pct(e, exact, m->decimals));
        return;
    }
    failed(e);
    jx_dec want = jx_dec_ratio(nm->value, JX_DEC(100), use.v, m->decimals);
    bool wrong_base =
        has_right && stated_base.known && stated_base.v != right.v &&
        rate_fits(nm->value, nm->decimals, stated_base.v, stated_base.dec, m->value, m->decimals);
    const char *stated = pct(e, m->value, m->decimals), *right_v = pct(e, want, m->decimals);
    const char *n_s = amt(e, nm->value, nm->decimals);
    if (wrong_base) {
        const char *sb = amt(e, stated_base.v, stated_base.dec), *rb = amt(e, right.v, 2);
        emit(e, "ACCT-TEXT-SHARE", JX_SEV_ERROR, right.t, e->line,
             FMT("情况说明 \"%s\": the share %s is taken over %s (%s); it belongs over %s: "
                 "%s / %s = %s",
                 q, stated, stated_base.name, sb, right.label, n_s, rb, right_v),
             FMT("情况说明“%s”:占比%s以%s(%s)为分母,应以%s为分母:%s / %s = %s", q, stated,
                 stated_base.name, sb, right.label, n_s, rb, right_v));
    } else {
        const char *ub = amt(e, use.v, use.dec);
        emit(e, "ACCT-TEXT-SHARE", JX_SEV_ERROR, has_right ? right.t : NULL, e->line,
             FMT("情况说明 \"%s\": the share %s does not agree: %s / %s = %s", q, stated, n_s, ub,
                 right_v),
             FMT("情况说明“%s”占比%s与所列数字不符:%s / %s = %s", q, stated, n_s, ub, right_v));
    }
}

static void check_completion(eng *e, const jx_st_mention *m, ifact *f)
{
    jx_dec actual, budget = 0;
    int ad, bd = 2;
    bool has_budget = f && f->pub.has_budget;
    cellref bc;
    if (has_budget) {
        budget = f->pub.budget;
        bd = f->pub.budget_dec;
    } else if (f && budget_cell(e, &f->cell, &bc)) {
        budget = bc.v;
        has_budget = true;
    }
    if (!f || !has_budget || !fact_now(f, &actual, &ad) || budget == 0) {
        unchecked(e);
        return;
    }
    const char *q = quote(e, m->num_at);
    jx_dec exact = jx_dec_ratio(actual, JX_DEC(100), budget, m->decimals);
    if (rate_fits(actual, ad, budget, bd, m->value, m->decimals)) {
        verified(e);
        if (exact != m->value)
            rounding_note(e, &f->cell, q, "the completion rate", "完成率",
                          pct(e, m->value, m->decimals), pct(e, exact, m->decimals));
        return;
    }
    failed(e);
    const char *why_en = "", *why_zh = "";
    jx_dec diff = dabs(actual - budget);
    if (same_at(m->value, m->decimals, diff) ||
        same_at(m->value, m->decimals, jx_dec_ratio(diff, JX_DEC(100), budget, 6))) {
        why_en = " (the stated figure is the difference of the two amounts, not their ratio)";
        why_zh = "(所写数字是两数之差,不是完成率)";
    }
    const char *st = pct(e, m->value, m->decimals), *a_s = amt(e, actual, ad);
    const char *b_s = amt(e, budget, bd), *x_s = pct(e, exact, m->decimals);
    emit(e, "ACCT-TEXT-COMPLETION", JX_SEV_ERROR, f->cell.t, e->line,
         FMT("情况说明 \"%s\": the completion rate %s does not agree with the figures: %s / %s "
             "= %s%s",
             q, st, a_s, b_s, x_s, why_en),
         FMT("情况说明“%s”完成率%s与所列数字不符:%s / %s = %s%s", q, st, a_s, b_s, x_s, why_zh));
}

static void check_change(eng *e, ifact *f, const jx_st_mention *cm, const jx_st_mention *rm)
{
    jx_dec now;
    int nd;
    const char *q = quote(e, rm->num_at);
    if (cm->dir && rm->dir && cm->dir != rm->dir) {
        failed(e);
        emit(e, "ACCT-TEXT-CHANGE", JX_SEV_ERROR, f->cell.t, e->line,
             FMT("情况说明 \"%s\": the amount goes %s but the rate goes %s", q,
                 cm->dir > 0 ? "up" : "down", rm->dir > 0 ? "up" : "down"),
             FMT("情况说明“%s”:金额%s而比率%s,方向不一致", q, cm->dir > 0 ? "增加" : "减少",
                 rm->dir > 0 ? "增长" : "下降"));
        return;
    }
    if (!fact_now(f, &now, &nd)) {
        unchecked(e);
        return;
    }
    jx_dec change = cm->dir < 0 ? -cm->value : cm->value, prior = now - change;
    if (prior <= 0) {
        unchecked(e);
        return;
    }
    jx_dec exact = jx_dec_ratio(cm->value, JX_DEC(100), prior, rm->decimals);
    if (growth_fits(now, nd, change, cm->decimals, rm->value, rm->decimals)) {
        verified(e);
        if (exact != rm->value)
            rounding_note(e, &f->cell, q, "the rate of change", "变动率",
                          pct(e, rm->value, rm->decimals), pct(e, exact, rm->decimals));
        return;
    }
    failed(e);
    bool on_now = rate_fits(cm->value, cm->decimals, now, nd, rm->value, rm->decimals);
    const char *st = pct(e, rm->value, rm->decimals), *n_s = amt(e, now, nd);
    const char *c_s = amt(e, change, cm->decimals), *p_s = amt(e, prior, 2);
    const char *ca = amt(e, cm->value, cm->decimals), *x_s = pct(e, exact, rm->decimals);
    if (on_now)
        emit(e, "ACCT-TEXT-CHANGE", JX_SEV_ERROR, f->cell.t, e->line,
             FMT("情况说明 \"%s\": the rate %s is the change over this year's %s; over last "
                 "year's %s − %s = %s it is %s / %s = %s",
                 q, st, n_s, n_s, c_s, p_s, ca, p_s, x_s),
             FMT("情况说明“%s”变动率%s是以本年数%s为基数计算的,应以上年数(%s − %s = %s)为基数:"
                 "%s / %s = %s",
                 q, st, n_s, n_s, c_s, p_s, ca, p_s, x_s));
    else
        emit(e, "ACCT-TEXT-CHANGE", JX_SEV_ERROR, f->cell.t, e->line,
             FMT("情况说明 \"%s\": the rate %s does not agree: last year %s − %s = %s, %s / %s = "
                 "%s",
                 q, st, n_s, c_s, p_s, ca, p_s, x_s),
             FMT("情况说明“%s”变动率%s与所列数字不符:上年数 %s − %s = %s,%s / %s = %s", q, st, n_s,
                 c_s, p_s, ca, p_s, x_s));
}

/* ---- lists -------------------------------------------------------------------------------- */

/* Items against their head: complete → verified, more → error, fewer → partial. */
static void check_sum(eng *e, const item_list *l, jx_dec head, int head_dec, jx_dec sum, int n,
                      const char *what_en, const char *what_zh, bool exact_only)
{
    jx_dec tol = l->unit == JX_ST_COUNT ? 0 : e->tol * n;
    jx_dec diff = sum - head;
    const char *unit = l->unit == JX_ST_COUNT ? l->unit_text : "万元";
    int d = l->unit == JX_ST_COUNT ? 0 : 2;
    const char *s_s = amt(e, sum, d), *h_s = amt(e, head, head_dec);
    if (dabs(diff) <= tol) {
        verified(e);
        if (diff)
            emit(e, "ACCT-ROUNDING", JX_SEV_INFO, l->t, l->line,
                 FMT("情况说明 \"%s\": the %d %s add up to %s%s, the total is %s%s (rounding)",
                     l->quote, n, what_en, s_s, unit, h_s, unit),
                 FMT("情况说明“%s”:%d项%s合计%s%s,总数为%s%s(尾数误差)", l->quote, n, what_zh, s_s,
                     unit, h_s, unit));
        return;
    }
    if (diff < 0 && !exact_only) return; /* a partial list */
    failed(e);
    emit(e, "ACCT-TEXT-SUM", JX_SEV_ERROR, l->t, l->line,
         FMT("情况说明 \"%s\": the %d %s listed add up to %s%s, %s the stated total %s%s", l->quote,
             n, what_en, s_s, unit, diff > 0 ? "more than" : "not", h_s, unit),
         FMT("情况说明“%s”:所列%d项%s合计%s%s,%s所述总数%s%s", l->quote, n, what_zh, s_s, unit,
             diff > 0 ? "超过" : "不等于", h_s, unit));
}

static void close_list(eng *e, item_list *l)
{
    if (!l->open) return;
    l->open = false;
    if (!l->n) return;
    if (!l->by_paragraph) {
        /* "…60分以下0个。其中，抽查项目1个": a zero count is not the head of what follows */
        if (l->unit == JX_ST_COUNT && l->head_v == 0) return;
        check_sum(e, l, l->head_v, l->head_dec, l->sum, l->n, "items", "明细", false);
        return;
    }
    jx_dec head, sum = 0, v;
    int hd, d;
    if (!l->head_fact || !fact_now(l->head_fact, &head, &hd)) return;
    for (int i = 0; i < l->n; i++) {
        if (!fact_now(l->items[i], &v, &d)) return;
        sum += v;
    }
    jx_dec tol = l->unit == JX_ST_COUNT ? 0 : e->tol * l->n;
    bool complete = dabs(sum - head) <= tol;
    check_sum(e, l, head, hd, sum, l->n, "items", "明细", false);
    if (!complete) return;
    const jx_st_fact *h = &l->head_fact->pub;
    jx_dec bsum = 0, csum = 0;
    int nb = 0, nc = 0;
    for (int i = 0; i < l->n; i++) {
        const jx_st_fact *f = &l->items[i]->pub;
        if (f->has_budget) bsum += f->budget, nb++;
        if (f->has_change) csum += f->change, nc++;
    }
    if (h->has_budget && nb == l->n)
        check_sum(e, l, h->budget, h->budget_dec, bsum, nb, "budgets (年初预算)", "年初预算", true);
    if (h->has_change && nc == l->n)
        check_sum(e, l, h->change, h->change_dec, csum, nc, "changes against last year",
                  "较上年增减额", true);
}

static void add_paragraph_item(item_list *l, ifact *f)
{
    if (l->n < (int)COUNT_OF(l->items)) l->items[l->n++] = f;
}

/* ---- sections and paragraphs --------------------------------------------------------------- */

static const char *section_kind(eng *e, const char *section)
{
    if (!section || !*section) return "";
    for (size_t i = 0; i < COUNT_OF(SECTION_WORDS); i++)
        if (strstr(section, SECTION_WORDS[i].word)) return SECTION_WORDS[i].kind;
    /* other kinds the rule file names */
    const jx_ac_rules *r = e->a->rules;
    const char *best = "";
    size_t best_len = 0;
    for (int i = 0; r && i < r->n_kinds; i++) {
        const char *w = r->kinds[i].section;
        if (*w && strstr(section, w) && strlen(w) > best_len) {
            best = r->kinds[i].key;
            best_len = strlen(w);
        }
    }
    return best;
}

static bool table_empty(const jx_ac_table *t)
{
    if (t->said_empty) return true;
    for (size_t i = 0; i < t->n_rows; i++)
        for (int c = 0; c < t->groups[t->rows[i].group].n_cols; c++)
            if (jx_has(t->rows[i].cells[c].v) && t->rows[i].cells[c].v != 0) return false;
    return true;
}

/* "本年度无此项收支" against table 07/08. */
static void check_empty_claim(eng *e)
{
    static const char *const says[] = {"无此项收支", "无此项支出", "无此项收入", "无此项"};
    const char *at = NULL;
    for (size_t i = 0; i < COUNT_OF(says) && !at; i++)
        at = strstr(e->text, says[i]);
    if (!at) return;
    const char *kind = e->kind;
    if (strcmp(kind, "fund") != 0 && strcmp(kind, "soe") != 0) {
        if (strstr(e->text, "政府性基金"))
            kind = "fund";
        else if (strstr(e->text, "国有资本经营"))
            kind = "soe";
        else
            return;
    }
    const jx_ac_table *t = jx_ac_table_of(e->a, kind);
    if (!t) {
        unchecked(e);
        return;
    }
    if (table_empty(t)) {
        verified(e);
        return;
    }
    failed(e);
    jx_dec total = 0;
    for (size_t i = 0; i < t->n_rows && !total; i++)
        for (int c = 0; c < t->groups[t->rows[i].group].n_cols && !total; c++)
            total = jx_ac_cell(t, &t->rows[i], c);
    const char *q = quote(e, (size_t)(at - e->text)), *tl = jx_ac_table_label(t);
    emit(e, "ACCT-TEXT-EMPTY", JX_SEV_ERROR, t, e->line,
         FMT("情况说明 \"%s\" says there is none, but %s holds amounts (%s万元)", q, tl,
             amt(e, total, 2)),
         FMT("情况说明“%s”称无此项收支,但%s有数据(%s万元)", q, tl, amt(e, total, 2)));
}

static bool has_marker(const char *s, size_t len)
{
    return has_any(s, len, LIST_MARKERS, COUNT_OF(LIST_MARKERS));
}

static bool has_sentence_end(const char *s, size_t len)
{
    return has_any(s, len, SENTENCE_ENDS, COUNT_OF(SENTENCE_ENDS));
}

/* Does the paragraph end with a list marker ("…其中:", "…主要用于以下方面:")? */
static bool ends_with_marker(const char *tail)
{
    char *s = (char *)tail;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
        n--;
    for (size_t i = 0; i < COUNT_OF(LIST_MARKERS); i++) {
        size_t k = strlen(LIST_MARKERS[i]);
        if (n >= k && strncmp(s + n - k, LIST_MARKERS[i], k) == 0) return true;
    }
    static const char *const more[] = {"以下方面", "如下"};
    for (size_t i = 0; i < COUNT_OF(more); i++) {
        size_t k = strlen(more[i]);
        if (n >= k && strncmp(s + n - k, more[i], k) == 0) return true;
    }
    return false;
}

static bool same_unit(const jx_st_mention *a, const jx_st_mention *b)
{
    if (a->unit == JX_ST_COUNT || b->unit == JX_ST_COUNT)
        return a->unit == b->unit && strcmp(a->unit_text, b->unit_text) == 0;
    return a->unit != JX_ST_RATE && b->unit != JX_ST_RATE;
}

static bool is_amount(const jx_st_mention *m)
{
    return m->role == JX_ST_AMOUNT || m->role == JX_ST_ACTUAL;
}

static jx_dec in_wan(const jx_st_mention *m)
{
    return m->unit == JX_ST_YUAN ? jx_dec_ratio(m->value, JX_DEC(1), JX_DEC(10000), 6) : m->value;
}

/* A sentence list gets an item: find its head first. */
static void sentence_item(eng *e, item_list *l, size_t i)
{
    const jx_st_mention *m = &e->ms[i];
    if (l->head < 0) {
        for (size_t k = 0; k < i; k++)
            if (e->ms[k].end <= l->marker_at && is_amount(&e->ms[k]) && same_unit(&e->ms[k], m))
                l->head = (int)k;
        if (l->head < 0) {
            l->open = false;
            return;
        }
        const jx_st_mention *h = &e->ms[l->head];
        l->head_v = in_wan(h);
        l->head_dec = h->decimals;
        l->unit = m->unit == JX_ST_COUNT ? JX_ST_COUNT : JX_ST_WAN;
        snprintf(l->unit_text, sizeof l->unit_text, "%s", m->unit_text);
        l->quote = quote(e, h->num_at);
        l->t = e->mfact[l->head] ? e->mfact[l->head]->cell.t : NULL;
    }
    if (!same_unit(&e->ms[l->head], m)) return;
    l->sum += in_wan(m);
    l->n++;
}

static bool says_same(const char *s, size_t len)
{
    return has_any(s, len, SAME_WORDS, COUNT_OF(SAME_WORDS));
}

static const char *reason_of(eng *e)
{
    const char *at = strstr(e->text, "主要原因");
    if (!at) at = strstr(e->text, "原因是");
    if (!at) return NULL;
    const char *stop = strstr(at, "。");
    size_t n = stop ? (size_t)(stop - at) : strlen(at);
    while (n && (at[n - 1] == ';' || at[n - 1] == ',' || at[n - 1] == ' '))
        n--;
    return jx_arena_strndup(e->arena, at, n);
}

typedef struct para_state {
    ifact *ctx, *first;
    int sent_amount; /* last amount of the sentence (share numerators) */
    int change;      /* pending change mention */
    ifact *change_fact;
    item_list slist;
    bool warned_reason;
    bool reason;
} para_state;

static void drop_pending_change(eng *e, para_state *ps)
{
    if (ps->change >= 0) unchecked(e);
    ps->change = -1;
}

static void on_amount(eng *e, para_state *ps, size_t i)
{
    const jx_st_mention *m = &e->ms[i];
    bool count = m->unit == JX_ST_COUNT;
    ifact *f = m->role == JX_ST_ACTUAL && !*m->subject ? ps->ctx
                                                       : fact_for(e, m->subject, count, m, ps->ctx);
    if (!f && !*m->subject) {
        unchecked(e);
        return;
    }
    if (!f) f = fact_for(e, m->subject, count, m, ps->ctx);
    e->mfact[i] = f;
    if (*m->subject || m->role == JX_ST_ACTUAL) {
        if (!count || f->cell.t) ps->ctx = count ? ps->ctx : f;
        if (!ps->first && !count) ps->first = f;
        if (!ps->first && count && f->cell.t) ps->first = f;
    }
    if (f->cell.t)
        check_amount(e, m, &f->cell);
    else if (*m->subject)
        check_repeat(e, m, f->pub.has_now, f->pub.now, f->pub.now_dec, "");
    else
        unchecked(e);
    if (!f->pub.has_now || f->cell.t) {
        /* "0.59元" for 0.59万元 (ACCT-TEXT-UNIT): the figure meant is 万元 */
        bool slip =
            m->unit == JX_ST_YUAN && f->cell.t &&
            (same_at(m->value, m->decimals, f->cell.v) || dabs(m->value - f->cell.v) <= e->tol);
        f->pub.now = slip ? m->value : in_wan(m);
        f->pub.now_dec = m->unit == JX_ST_YUAN && !slip ? 6 : m->decimals;
        f->pub.has_now = true;
    }
    ps->sent_amount = (int)i;
    if (ps->slist.open && m->num_at > ps->slist.marker_at && m->role == JX_ST_AMOUNT)
        sentence_item(e, &ps->slist, i);
}

static void on_budget(eng *e, para_state *ps, size_t i)
{
    const jx_st_mention *m = &e->ms[i];
    ifact *f = *m->subject ? fact_for(e, m->subject, false, m, NULL) : ps->ctx;
    if (!f) {
        unchecked(e);
        return;
    }
    e->mfact[i] = f;
    ps->ctx = f;
    if (!ps->first) ps->first = f;
    cellref bc;
    if (budget_cell(e, &f->cell, &bc)) {
        jx_st_mention copy = *m;
        check_amount(e, &copy, &bc);
    } else {
        check_repeat(e, m, f->pub.has_budget, f->pub.budget, f->pub.budget_dec, "年初预算");
    }
    f->pub.budget = in_wan(m);
    f->pub.budget_dec = m->decimals;
    f->pub.has_budget = true;
}

static void on_change(eng *e, para_state *ps, size_t i)
{
    const jx_st_mention *m = &e->ms[i];
    ifact *f = *m->subject ? fact_for(e, m->subject, m->unit == JX_ST_COUNT, m, NULL) : ps->ctx;
    drop_pending_change(e, ps);
    if (!f) {
        unchecked(e);
        return;
    }
    e->mfact[i] = f;
    if (*m->subject) ps->ctx = f;
    jx_dec signed_change = m->dir < 0 ? -in_wan(m) : in_wan(m);
    if (f->pub.has_change && !f->pub.same_as_prior && f->pub.change != signed_change &&
        dabs(f->pub.change - signed_change) > e->tol) {
        jx_st_mention shown = *m;
        check_repeat(e, &shown, true, f->pub.change < 0 ? -f->pub.change : f->pub.change,
                     f->pub.change_dec, "较上年增减额");
    } else {
        ps->change = (int)i;
        ps->change_fact = f;
    }
    f->pub.change = signed_change;
    f->pub.change_dec = m->decimals;
    f->pub.has_change = true;
    f->pub.reason = reason_of(e);
    if (!ps->reason && !ps->warned_reason) {
        ps->warned_reason = true;
        const char *q = quote(e, m->num_at);
        emit(e, "ACCT-TEXT-NO-REASON", JX_SEV_WARNING, f->cell.t, e->line,
             FMT("情况说明 \"%s\" states a change against last year without its reason "
                 "(主要原因是…)",
                 q),
             FMT("情况说明“%s”说明了与上年相比的增减变化,但未说明原因", q));
    }
}

static void on_rate(eng *e, para_state *ps, size_t i)
{
    const jx_st_mention *m = &e->ms[i];
    switch (m->role) {
    case JX_ST_CHANGE_RATE:
        if (ps->change < 0) {
            unchecked(e);
            return;
        }
        check_change(e, ps->change_fact, &e->ms[ps->change], m);
        ps->change_fact->pub.change_rate = m->value;
        ps->change_fact->pub.change_rate_dec = m->decimals;
        ps->change_fact->pub.has_change_rate = true;
        ps->change = -1;
        return;
    case JX_ST_COMPLETION:
        check_completion(e, m, ps->ctx);
        return;
    case JX_ST_SHARE: {
        const jx_st_mention *nm = ps->sent_amount >= 0 ? &e->ms[ps->sent_amount] : NULL;
        const ifact *num = ps->sent_amount >= 0 ? e->mfact[ps->sent_amount] : NULL;
        base b = {false, 0, 2, NULL};
        if (m->den && *m->den) {
            jx_st_mention dm = *m;
            dm.unit = JX_ST_WAN;
            snprintf(dm.unit_text, sizeof dm.unit_text, "万元");
            ifact *df = fact_for(e, m->den, false, &dm, NULL);
            b.known = fact_now(df, &b.v, &b.dec);
            b.name = df->cell.t ? df->cell.label : m->den;
        } else if (ps->slist.open && ps->slist.head >= 0 && nm &&
                   nm->num_at > ps->slist.marker_at) {
            b = (base){true, ps->slist.head_v, ps->slist.head_dec, e->ms[ps->slist.head].subject};
        } else if (e->plist.open && e->plist.head_fact && num && num == ps->first) {
            b.known = fact_now(e->plist.head_fact, &b.v, &b.dec);
            b.name = e->plist.head_fact->pub.subject;
        }
        if (nm && nm->unit == JX_ST_YUAN) nm = NULL;
        check_share(e, m, num, nm, b);
        return;
    }
    default:
        unchecked(e);
        return;
    }
}

/* The text between two figures: sentence ends, "与上年相同", list markers. */
static void on_gap(eng *e, para_state *ps, size_t from, size_t to)
{
    const char *g = e->text + from;
    size_t len = to - from;
    if (says_same(g, len) && ps->ctx) {
        ps->ctx->pub.same_as_prior = true;
        if (!ps->ctx->pub.has_change) {
            ps->ctx->pub.has_change = true;
            ps->ctx->pub.change = 0;
            ps->ctx->pub.change_dec = 2;
        }
        ps->ctx->pub.reason = reason_of(e);
    }
    if (has_sentence_end(g, len)) {
        close_list(e, &ps->slist);
        drop_pending_change(e, ps);
        ps->sent_amount = -1;
    }
    bool colon = len > 0 && g[0] == ':';
    if (has_marker(g, len) || colon) {
        close_list(e, &ps->slist);
        memset(&ps->slist, 0, sizeof ps->slist);
        ps->slist.open = true;
        ps->slist.head = -1;
        ps->slist.marker_at = from;
        ps->slist.line = e->line;
    }
}

static void do_paragraph(eng *e, const jx_ac_para *p)
{
    e->text = jx_text_nfkc(e->arena, p->text ? p->text : "");
    e->kind = section_kind(e, p->section);
    e->line = p->line;
    const char *sec = p->section ? p->section : "";
    if (e->plist.open && (!e->plist_section || strcmp(sec, e->plist_section) != 0))
        close_list(e, &e->plist);
    check_empty_claim(e);
    size_t n = jx_st_scan(e->arena, e->text, NULL, 0);
    e->ms = jx_arena_calloc(e->arena, n + 1, sizeof *e->ms);
    e->mfact = jx_arena_calloc(e->arena, n + 1, sizeof *e->mfact);
    e->n = jx_st_scan(e->arena, e->text, e->ms, n);
    para_state ps = {.sent_amount = -1, .change = -1};
    ps.reason = has_any(e->text, strlen(e->text), REASON_WORDS, COUNT_OF(REASON_WORDS));
    size_t prev = 0;
    for (size_t i = 0; i < e->n; i++) {
        on_gap(e, &ps, prev, e->ms[i].num_at);
        const jx_st_mention *m = &e->ms[i];
        if (m->unit == JX_ST_RATE)
            on_rate(e, &ps, i);
        else if (m->role == JX_ST_BUDGET)
            on_budget(e, &ps, i);
        else if (m->role == JX_ST_CHANGE)
            on_change(e, &ps, i);
        else
            on_amount(e, &ps, i);
        prev = m->end;
    }
    on_gap(e, &ps, prev, strlen(e->text));
    close_list(e, &ps.slist);
    drop_pending_change(e, &ps);
    /* paragraph lists: this paragraph is an item, or the list ends */
    if (e->plist.open) {
        if (ps.first)
            add_paragraph_item(&e->plist, ps.first);
        else
            close_list(e, &e->plist);
    }
    if (e->n && ends_with_marker(e->text + prev)) {
        close_list(e, &e->plist);
        ifact *head = NULL;
        for (size_t i = 0; i < e->n; i++)
            if (is_amount(&e->ms[i]) && e->mfact[i]) head = e->mfact[i];
        if (head) {
            memset(&e->plist, 0, sizeof e->plist);
            e->plist.open = true;
            e->plist.by_paragraph = true;
            e->plist.head_fact = head;
            e->plist.unit = JX_ST_WAN;
            e->plist.quote = quote(e, prev > 0 ? prev - 1 : 0);
            e->plist.line = e->line;
            e->plist.t = head->cell.t;
            e->plist_section = sec;
        }
    }
}

static void run(eng *e)
{
    e->tol = e->a->rules && e->a->rules->tolerance > 0 ? e->a->rules->tolerance : 10000;
    for (size_t i = 0; i < e->a->n_paras; i++)
        do_paragraph(e, &e->a->paras[i]);
    close_list(e, &e->plist);
}

void jx_accounts_statements(jx_accounts *a)
{
    eng e = {.a = a, .emit = a, .arena = a->arena};
    run(&e);
}

void jx_st_collect(const jx_accounts *a, jx_st_facts *out)
{
    eng e = {.a = a, .emit = NULL, .arena = a->arena};
    run(&e);
    out->v = jx_arena_calloc(a->arena, e.n_facts + 1, sizeof *out->v);
    for (size_t i = 0; i < e.n_facts; i++)
        out->v[i] = e.facts[i].pub;
    out->n = out->cap = e.n_facts;
}
