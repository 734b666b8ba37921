/* value.c — parser for target and actual cells (SPEC §4); see value.h.
 *
 * The cell is folded (full-width → ASCII, whitespace dropped) into a bounded
 * buffer, then read in this order: empty markers; a date or period
 * (deadline); an operator followed by a number and unit; a bare number and
 * unit; otherwise words. Achievement-level words are recognised in any cell.
 */
#include "value.h"

#include <stdio.h>
#include <string.h>

#define CELL_MAX 512

/* ---- folding ------------------------------------------------------------ */

size_t jx_value_fold(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    if (!in || cap == 0) {
        if (cap) out[0] = '\0';
        return 0;
    }
    const unsigned char *p = (const unsigned char *)in;
    while (*p && n + 1 < cap) {
        unsigned char c = p[0];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            p++;
            continue;
        }
        if (c == 0xE3 && p[1] == 0x80 && p[2] == 0x80) { /* U+3000 ideographic space */
            p += 3;
            continue;
        }
        if (c == 0xC2 && p[1] == 0xA0) { /* no-break space */
            p += 2;
            continue;
        }
        /* U+FF01..U+FF5E = EF BC 81..EF BD 9E → 0x21..0x7E */
        if (c == 0xEF && (p[1] == 0xBC || p[1] == 0xBD) && p[2] >= 0x80 && p[2] <= 0xBF) {
            unsigned cp = 0xFF00u + ((unsigned)(p[1] - 0xBC) << 6) + (p[2] - 0x80u);
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                out[n++] = (char)(cp - 0xFF01 + 0x21);
                p += 3;
                continue;
            }
        }
        /* Copy one whole UTF-8 sequence, or stop if it does not fit. */
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        size_t k = 1;
        while (k < len && (p[k] & 0xC0) == 0x80)
            k++;
        if (k < len) len = k; /* a malformed or cut sequence: keep what belongs to it */
        if (n + len >= cap) break;
        memcpy(out + n, p, len);
        n += len;
        p += len;
    }
    out[n] = '\0';
    return n;
}

/* ---- small string helpers ---------------------------------------------- */

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool has(const char *s, const char *needle)
{
    return strstr(s, needle) != NULL;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* ---- levels -------------------------------------------------------------- */

/* Every level word contains one of 达 完 实 效 并 (E8BEBE E5AE8C E5AE9E E69588 E5B9B6):
 * a cell without any of them states no level (one pass instead of 19 searches). */
static bool may_state_level(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; p[0] && p[1] && p[2]; p++) {
        if (p[0] == 0xE8 && p[1] == 0xBE && p[2] == 0xBE) return true;
        if (p[0] == 0xE5 &&
            ((p[1] == 0xAE && (p[2] == 0x8C || p[2] == 0x9E)) || (p[1] == 0xB9 && p[2] == 0xB6)))
            return true;
        if (p[0] == 0xE6 && p[1] == 0x95 && p[2] == 0x88) return true;
    }
    return false;
}

static jx_level detect_level(const char *s)
{
    if (!may_state_level(s)) return JX_LEVEL_NONE;
    static const char *not_met[] = {"未达成", "未完成", "未达到", "未实现", "效果较差", "没有完成"};
    static const char *partial[] = {"部分达成", "部分完成", "部分实现", "基本达成",
                                    "基本完成", "一定效果", "并具有"};
    static const char *met[] = {"达成", "完成", "达到", "实现", "已达标", "达标"};
    for (size_t i = 0; i < sizeof not_met / sizeof *not_met; i++)
        if (has(s, not_met[i])) return JX_LEVEL_NOT_MET;
    for (size_t i = 0; i < sizeof partial / sizeof *partial; i++)
        if (has(s, partial[i])) return JX_LEVEL_PARTIAL;
    for (size_t i = 0; i < sizeof met / sizeof *met; i++)
        if (has(s, met[i])) return JX_LEVEL_MET;
    return JX_LEVEL_NONE;
}

/* ---- operators ----------------------------------------------------------- */

typedef struct {
    const char *text;
    size_t len;
    jx_op op;
    bool symbol; /* a symbol may stand without a number ("≥次") */
} op_word;

#define OPW(text, op, symbol)                                                                      \
    {                                                                                              \
        text, sizeof(text) - 1, op, symbol                                                         \
    }

/* Longer spellings first where one is a prefix of another at the same spot. */
static const op_word OPS[] = {
    OPW(">=", JX_OP_GE, true),        OPW("<=", JX_OP_LE, true),
    OPW("==", JX_OP_EQ, true),        OPW("≥", JX_OP_GE, true),
    OPW("≧", JX_OP_GE, true),         OPW("⩾", JX_OP_GE, true),
    OPW("≤", JX_OP_LE, true),         OPW("≦", JX_OP_LE, true),
    OPW("⩽", JX_OP_LE, true),         OPW(">", JX_OP_GT, true),
    OPW("<", JX_OP_LT, true),         OPW("=", JX_OP_EQ, true),
    OPW("═", JX_OP_EQ, true),         OPW("≈", JX_OP_APPROX, true),
    OPW("大于等于", JX_OP_GE, false), OPW("小于等于", JX_OP_LE, false),
    OPW("不低于", JX_OP_GE, false),   OPW("不少于", JX_OP_GE, false),
    OPW("不小于", JX_OP_GE, false),   OPW("不高于", JX_OP_LE, false),
    OPW("不超过", JX_OP_LE, false),   OPW("不多于", JX_OP_LE, false),
    OPW("不大于", JX_OP_LE, false),   OPW("控制在", JX_OP_LE, false),
    OPW("至少", JX_OP_GE, false),     OPW("至多", JX_OP_LE, false),
    OPW("大于", JX_OP_GT, false),     OPW("高于", JX_OP_GT, false),
    OPW("超过", JX_OP_GT, false),     OPW("多于", JX_OP_GT, false),
    OPW("小于", JX_OP_LT, false),     OPW("低于", JX_OP_LT, false),
    OPW("少于", JX_OP_LT, false),     OPW("等于", JX_OP_EQ, false),
    OPW("约", JX_OP_APPROX, false),
};

/* Which bytes can start an operator (built once; the table is read-only after). */
static bool op_start[256];
static bool op_start_ready;

static void build_op_start(void)
{
    for (size_t k = 0; k < sizeof OPS / sizeof *OPS; k++)
        op_start[(unsigned char)OPS[k].text[0]] = true;
    op_start_ready = true;
}

/* Find the first operator in s; returns its offset or -1. */
static long find_op(const char *s, const op_word **found)
{
    if (!op_start_ready) build_op_start();
    for (long i = 0; s[i]; i++) {
        if (!op_start[(unsigned char)s[i]]) continue;
        const op_word *best = NULL;
        for (size_t k = 0; k < sizeof OPS / sizeof *OPS; k++) {
            if (OPS[k].text[0] != s[i]) continue; /* cheap first-byte filter */
            if (strncmp(s + i, OPS[k].text, OPS[k].len) == 0 && (!best || OPS[k].len > best->len))
                best = &OPS[k];
        }
        if (best) {
            *found = best;
            return i;
        }
    }
    return -1;
}

/* ---- numbers ------------------------------------------------------------- */

/* Read a number at s: digits, thousands separators ("2,161"), one point.
 * Returns bytes consumed (0 if none). */
static size_t read_number(const char *s, jx_dec *out)
{
    char digits[64];
    size_t n = 0, i = 0;
    if (s[0] == '+' || s[0] == '-') {
        if (!is_digit(s[1]) && !(s[1] == '.' && is_digit(s[2]))) return 0;
        digits[n++] = s[0];
        i = 1;
    }
    if (!is_digit(s[i]) && !(s[i] == '.' && is_digit(s[i + 1]))) return 0;
    bool point = false;
    size_t group = 0;
    while (s[i] && n + 1 < sizeof digits) {
        char c = s[i];
        if (is_digit(c)) {
            digits[n++] = c;
            group++;
            i++;
        } else if (c == '.' && !point && is_digit(s[i + 1])) {
            point = true;
            digits[n++] = c;
            i++;
        } else if (c == ',' && !point && group >= 1 && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
                   is_digit(s[i + 3]) && !is_digit(s[i + 4])) {
            group = 0; /* thousands separator */
            i++;
        } else {
            break;
        }
    }
    digits[n] = '\0';
    if (!jx_dec_parse(digits, n, out, NULL)) return 0;
    return i;
}

/* ---- units --------------------------------------------------------------- */

/* Normalise the unit text after a number: drop notes in brackets, "每",
 * qualifiers such as 以上/以内, trailing separators; "·" and "、" become "/";
 * denominators are sorted so "元/天/人" equals "元/人/天". */
static void normalise_unit(const char *in, char *out, size_t cap)
{
    char buf[CELL_MAX];
    size_t n = 0;
    int depth = 0;
    for (const char *p = in; *p && n + 1 < sizeof buf; p++) {
        /* 【 〔 】 〕 are E3 80 90 / 94 / 91 / 95 */
        bool cjk_bracket = (unsigned char)p[0] == 0xE3 && (unsigned char)p[1] == 0x80;
        if (*p == '(' || (cjk_bracket && (starts(p, "【") || starts(p, "〔")))) {
            depth++;
            if (*p != '(') p += 2;
            continue;
        }
        if (*p == ')' || (cjk_bracket && (starts(p, "】") || starts(p, "〕")))) {
            if (depth) depth--;
            if (*p != ')') p += 2;
            continue;
        }
        if (!depth) buf[n++] = *p;
    }
    buf[n] = '\0';
    /* one pass: drop qualifiers, turn "·" "、" "／" into '/' */
    static const struct {
        const char *text;
        size_t len;
        char to; /* 0 = drop */
    } edits[] = {{"及以上", 9, 0}, {"及以下", 9, 0}, {"以上", 6, 0}, {"以下", 6, 0},
                 {"以内", 6, 0},   {"之内", 6, 0},   {"左右", 6, 0}, {"每", 3, 0},
                 {"平均值", 9, 0}, {"...", 3, 0},    {"·", 2, '/'},  {"、", 3, '/'},
                 {"／", 3, '/'}};
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t k = 0;
        for (; k < sizeof edits / sizeof *edits; k++)
            if (buf[i] == edits[k].text[0] && i + edits[k].len <= n &&
                memcmp(buf + i, edits[k].text, edits[k].len) == 0)
                break;
        if (k < sizeof edits / sizeof *edits) {
            if (edits[k].to) buf[o++] = edits[k].to;
            i += edits[k].len;
        } else {
            buf[o++] = buf[i++];
        }
    }
    buf[o] = '\0';
    /* collapse "//" and trim separators */
    char *w = buf;
    for (char *r = buf; *r; r++) {
        if (*r == '/' && w > buf && w[-1] == '/') continue;
        *w++ = *r;
    }
    *w = '\0';
    size_t len = strlen(buf);
    while (len && (buf[len - 1] == '/' || buf[len - 1] == '.' || buf[len - 1] == ','))
        buf[--len] = '\0';

    /* sort denominators: first part stays, the rest are ordered */
    char *parts[16];
    size_t np = 0;
    char *save = buf;
    for (char *p = buf;; p++) {
        if (*p == '/' || *p == '\0') {
            bool end = *p == '\0';
            *p = '\0';
            if (np < 16) parts[np++] = save;
            save = p + 1;
            if (end) break;
        }
    }
    for (size_t i = 2; i < np; i++) {
        for (size_t j = i; j > 1 && strcmp(parts[j - 1], parts[j]) > 0; j--) {
            char *t = parts[j];
            parts[j] = parts[j - 1];
            parts[j - 1] = t;
        }
    }
    size_t outlen = 0;
    out[0] = '\0';
    for (size_t i = 0; i < np; i++) {
        size_t pl = strlen(parts[i]);
        if (outlen + pl + 2 >= cap) break;
        if (i) out[outlen++] = '/';
        memcpy(out + outlen, parts[i], pl);
        outlen += pl;
        out[outlen] = '\0';
    }
}

static bool unit_is_plausible(const char *u)
{
    /* A unit is short; a long remainder means words, not a measure. */
    return strlen(u) <= 30;
}

/* Split a unit into a multiplier (万, 亿, 千) and its base; a bare "万" or
 * "万/件" means 万元 ("≤3万", "≤0.5万/件" in the seeds). */
static jx_dec unit_split(const char *unit, char *base, size_t cap)
{
    static const struct {
        const char *prefix;
        jx_dec factor;
    } mult[] = {{"万", 10000}, {"亿", 100000000}, {"千", 1000}};
    jx_dec factor = 1;
    for (size_t i = 0; i < sizeof mult / sizeof *mult; i++) {
        if (starts(unit, mult[i].prefix)) {
            factor = mult[i].factor;
            unit += strlen(mult[i].prefix);
            if (unit[0] == '\0' || unit[0] == '/') {
                snprintf(base, cap, "元%s", unit);
                return factor;
            }
            break;
        }
    }
    snprintf(base, cap, "%s", unit);
    return factor;
}

bool jx_unit_convert(const char *target, const char *actual, jx_dec *num, jx_dec *den)
{
    *num = 1;
    *den = 1;
    if (!target[0] || !actual[0] || strcmp(target, actual) == 0) return true;
    char tb[JX_UNIT_MAX + 8], ab[JX_UNIT_MAX + 8];
    jx_dec tf = unit_split(target, tb, sizeof tb);
    jx_dec af = unit_split(actual, ab, sizeof ab);
    if (strcmp(tb, ab) != 0) {
        /* the actual names the quantity without the target's "per …" ("150元" for "≤150元/月") */
        size_t al = strlen(ab);
        if (!(al && strchr(ab, '/') == NULL && strncmp(tb, ab, al) == 0 && tb[al] == '/'))
            return false;
    }
    /* actual × af = target × tf  →  actual in target units = actual × af / tf */
    *num = af;
    *den = tf;
    return true;
}

/* ---- dates and periods --------------------------------------------------- */

/* Read a small integer (up to 4 digits); returns bytes consumed. */
static size_t read_int(const char *s, int *out)
{
    size_t i = 0;
    int v = 0;
    while (i < 4 && is_digit(s[i]))
        v = v * 10 + (s[i++] - '0');
    if (is_digit(s[i])) return 0; /* too long to be part of a date */
    *out = v;
    return i;
}

/* Dates: [YYYY年][M月][D日][前|底前|以前|之前|底|止] ; "YYYY年底"; "YYYY-MM-DD";
 * periods: "N年内", "N个月内", "N日内". Returns true and fills v. */
static bool parse_date(const char *s, jx_value *v)
{
    int a = 0, b = 0, c = 0;
    size_t n = read_int(s, &a);
    if (n == 0) return false;
    const char *p = s + n;
    /* YYYY-MM-DD or YYYY.MM.DD or YYYY/MM/DD */
    if (n == 4 && (*p == '-' || *p == '.' || *p == '/')) {
        char sep = *p;
        size_t m = read_int(p + 1, &b);
        if (m && m <= 2 && p[1 + m] == sep) {
            size_t d = read_int(p + 2 + m, &c);
            if (d && d <= 2 && b >= 1 && b <= 12 && c >= 1 && c <= 31) {
                v->year = a;
                v->month = b;
                v->day = c;
                return true;
            }
        }
        return false;
    }
    if (starts(p, "年内") || starts(p, "个月内") || starts(p, "月内") || starts(p, "日内") ||
        starts(p, "天内") || starts(p, "个工作日内") || starts(p, "工作日内")) {
        v->relative = true;
        return true;
    }
    bool any = false; /* a year was read */
    if (starts(p, "年")) {
        v->year = a;
        p += strlen("年");
        any = true;
        if (starts(p, "底") || starts(p, "年底") || starts(p, "末")) {
            v->month = 12;
            v->day = 31;
            return true;
        }
        if (starts(p, "内")) {
            v->relative = true;
            return true;
        }
        /* "5年" is a duration, not a date: only a calendar year stands alone */
        if (!is_digit(*p)) return a >= 1000 && (*p == '\0' || starts(p, "前") || starts(p, "完成"));
        n = read_int(p, &a);
        if (!n) return false;
        p += n;
    }
    if (starts(p, "月")) {
        if (a < 1 || a > 12) return false;
        v->month = a;
        p += strlen("月");
        if (starts(p, "底") || starts(p, "末")) {
            v->day = 31;
            return true;
        }
        if (is_digit(*p)) {
            n = read_int(p, &a);
            if (!n) return false;
            p += n;
            if (!(starts(p, "日") || starts(p, "号"))) return false;
            if (a < 1 || a > 31) return false;
            v->day = a;
        }
        return true;
    }
    return any;
}

long jx_value_date_key(const jx_value *v, int default_year)
{
    if (v->kind != JX_VAL_DEADLINE || v->relative) return 0;
    int y = v->year >= 1900 ? v->year : default_year;
    if (y <= 0) return 0;
    int m = v->month ? v->month : 12;
    int d = v->day ? v->day : 31;
    return (long)y * 10000 + m * 100 + d;
}

/* ---- the parser ---------------------------------------------------------- */

static bool is_empty_marker(const char *s)
{
    if (strlen(s) > 9) return false; /* longer than every marker */
    static const char *marks[] = {"",  "/",  "-",   "--", "—",  "——",     "–",   "无",
                                  "…", "……", "...", "\\", "空", "不适用", "N/A", "n/a"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (strcmp(s, marks[i]) == 0) return true;
    return false;
}

static void parse(const char *text, jx_value *v, bool levels);

void jx_value_parse(const char *text, jx_value *v)
{
    parse(text, v, true);
}

void jx_value_parse_shape(const char *text, jx_value *v)
{
    parse(text, v, false);
}

static jx_level level_if(const char *s, bool levels)
{
    return levels ? detect_level(s) : JX_LEVEL_NONE;
}

static void parse(const char *text, jx_value *v, bool levels)
{
    memset(v, 0, sizeof *v);
    v->number = JX_NONE;
    char s[CELL_MAX];
    jx_value_fold(text, s, sizeof s);
    if (is_empty_marker(s)) {
        v->kind = JX_VAL_EMPTY;
        return;
    }
    /* A date or a period ("2024年12月31日前", "12月前", "1年内完成"). */
    if (is_digit(s[0]) && parse_date(s, v)) {
        v->kind = JX_VAL_DEADLINE;
        v->level = level_if(s, levels); /* "2024年底前完成预期指标" */
        return;
    }
    v->year = v->month = v->day = 0;
    v->relative = false;

    const op_word *opw = NULL;
    long at = find_op(s, &opw);
    const char *rest = NULL;
    if (at >= 0) {
        const char *after = s + at + opw->len;
        jx_dec num;
        size_t used = read_number(after, &num);
        if (used) {
            v->op = opw->op;
            v->number = num;
            rest = after + used;
        } else if (opw->symbol) {
            /* "≥次", "=%": the number was lost */
            normalise_unit(after, v->unit, sizeof v->unit);
            const op_word *again;
            if (!unit_is_plausible(after) || is_digit(after[0]) || starts(after, "不") ||
                find_op(after, &again) >= 0) {
                v->kind = JX_VAL_UNPARSED;
                return;
            }
            v->op = opw->op;
            v->kind = JX_VAL_UNIT_ONLY;
            return;
        }
        /* a prefix before the operator ("元/人/次≤400元/人/次") is a unit */
        if (rest && at > 0) {
            char prefix[CELL_MAX];
            memcpy(prefix, s, (size_t)at);
            prefix[at] = '\0';
            if (!unit_is_plausible(prefix) || strpbrk(prefix, "0123456789")) {
                /* words with a measure inside: keep as text */
                rest = NULL;
                v->op = JX_OP_NONE;
                v->number = JX_NONE;
            } else if (!rest[0]) {
                /* no unit after the number: the prefix is the unit */
                normalise_unit(prefix, v->unit, sizeof v->unit);
                v->kind = JX_VAL_NUMBER;
                return;
            }
        }
    }
    if (!rest && v->op == JX_OP_NONE) {
        jx_dec num;
        size_t used = read_number(s, &num);
        if (used) {
            v->number = num;
            rest = s + used;
        }
    }
    if (rest) {
        if (!unit_is_plausible(rest)) {
            /* "95%以上的企业…": a number followed by a sentence */
            v->op = JX_OP_NONE;
            v->number = JX_NONE;
            v->level = level_if(s, levels);
            v->kind = v->level ? JX_VAL_LEVEL : JX_VAL_TEXT;
            return;
        }
        if (v->op == JX_OP_NONE) {
            if (has(rest, "以上") || has(rest, "及以上"))
                v->op = JX_OP_GE;
            else if (has(rest, "以下") || has(rest, "以内"))
                v->op = JX_OP_LE;
        }
        normalise_unit(rest, v->unit, sizeof v->unit);
        v->kind = JX_VAL_NUMBER;
        return;
    }
    if (at >= 0 && opw->symbol) {
        v->kind = JX_VAL_UNPARSED;
        return;
    }
    v->level = level_if(s, levels);
    v->kind = v->level ? JX_VAL_LEVEL : JX_VAL_TEXT;
}

const char *jx_op_symbol(jx_op op)
{
    switch (op) {
    case JX_OP_GE:
        return "≥";
    case JX_OP_GT:
        return ">";
    case JX_OP_LE:
        return "≤";
    case JX_OP_LT:
        return "<";
    case JX_OP_EQ:
        return "=";
    case JX_OP_APPROX:
        return "≈";
    case JX_OP_NONE:
        break;
    }
    return "";
}

const char *jx_level_name(jx_level level)
{
    switch (level) {
    case JX_LEVEL_MET:
        return "达成";
    case JX_LEVEL_PARTIAL:
        return "部分达成";
    case JX_LEVEL_NOT_MET:
        return "未达成";
    case JX_LEVEL_NONE:
        break;
    }
    return "";
}

const char *jx_val_kind_name(jx_val_kind kind)
{
    switch (kind) {
    case JX_VAL_EMPTY:
        return "empty";
    case JX_VAL_NUMBER:
        return "number";
    case JX_VAL_UNIT_ONLY:
        return "unit-only";
    case JX_VAL_DEADLINE:
        return "deadline";
    case JX_VAL_LEVEL:
        return "level";
    case JX_VAL_TEXT:
        return "text";
    case JX_VAL_UNPARSED:
        return "unparsed";
    }
    return "?";
}
