/* accounts.c — the final-accounts model: tables, rows, paragraphs, findings
 * and the lookups every check uses (accounts.h). */
#include "accounts.h"

#include <stdarg.h>
#include <string.h>

#include "../base/text.h"

static void *grow(jx_arena *arena, void *arr, size_t n, size_t *cap, size_t size)
{
    if (n < *cap) return arr;
    size_t ncap = *cap ? *cap * 2 : 8;
    void *fresh = jx_arena_grow(arena, arr, *cap * size, ncap * size);
    *cap = ncap;
    return fresh;
}

void jx_accounts_init(jx_accounts *a, jx_arena *arena, const jx_ac_rules *rules)
{
    memset(a, 0, sizeof *a);
    a->arena = arena;
    a->rules = rules;
}

jx_ac_table *jx_ac_add_table(jx_accounts *a)
{
    a->tables = grow(a->arena, a->tables, a->n_tables, &a->cap_tables, sizeof *a->tables);
    jx_ac_table *t = &a->tables[a->n_tables++];
    memset(t, 0, sizeof *t);
    t->n_groups = 1;
    t->groups[0].name = "";
    return t;
}

jx_ac_row *jx_ac_add_row(jx_accounts *a, jx_ac_table *t, int group)
{
    t->rows = grow(a->arena, t->rows, t->n_rows, &t->cap_rows, sizeof *t->rows);
    jx_ac_row *r = &t->rows[t->n_rows++];
    memset(r, 0, sizeof *r);
    r->group = group;
    int n = t->groups[group].n_cols;
    r->cells = jx_arena_alloc(a->arena, (size_t)(n ? n : 1) * sizeof *r->cells);
    for (int i = 0; i < n; i++)
        r->cells[i] = (jx_ac_amount){JX_NONE, 0};
    return r;
}

void jx_ac_add_para(jx_accounts *a, const char *text, const char *section, long line)
{
    a->paras = grow(a->arena, a->paras, a->n_paras, &a->cap_paras, sizeof *a->paras);
    a->paras[a->n_paras++] = (jx_ac_para){text, section, line};
}

void jx_ac_finding_add(jx_accounts *a, const char *code, jx_severity sev, const jx_ac_table *t,
                       long line, const char *en_fmt, const char *zh_fmt, ...)
{
    char zh[2048], en[2048];
    va_list ap;
    va_start(ap, zh_fmt);
    vsnprintf(zh, sizeof zh, zh_fmt, ap);
    va_end(ap);
    va_start(ap, zh_fmt); /* the English text takes the same arguments */
    vsnprintf(en, sizeof en, en_fmt, ap);
    va_end(ap);
    a->findings = grow(a->arena, a->findings, a->n_findings, &a->cap_findings, sizeof *a->findings);
    jx_ac_finding *f = &a->findings[a->n_findings++];
    f->f = (jx_finding){code, sev, jx_arena_strdup(a->arena, zh), jx_arena_strdup(a->arena, en),
                        -1,   NULL};
    f->table = t ? jx_arena_strdup(a->arena, jx_ac_table_label(t)) : NULL;
    f->line = line;
}

size_t jx_ac_count(const jx_accounts *a, jx_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_findings; i++)
        n += a->findings[i].f.severity == sev;
    return n;
}

/* ---- labels ------------------------------------------------------------- */

static bool starts(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

/* Length of a Chinese numeral run (一二三…十百) at s, in bytes. */
static size_t cn_numeral(const char *s)
{
    static const char *const digits[] = {"一", "二", "三", "四", "五", "六",
                                         "七", "八", "九", "十", "百", "零"};
    size_t n = 0;
    for (;;) {
        bool hit = false;
        for (size_t i = 0; i < sizeof digits / sizeof *digits; i++)
            if (starts(s + n, digits[i])) {
                n += strlen(digits[i]);
                hit = true;
                break;
            }
        if (!hit) return n;
    }
}

/* Bytes of leading numbering: "一、", "(一)", "1.", "1、", "(1)", "1". */
static size_t numbering(const char *s)
{
    size_t n = 0;
    if (*s == '(') {
        size_t k = cn_numeral(s + 1);
        if (!k)
            while (s[1 + k] >= '0' && s[1 + k] <= '9')
                k++;
        if (k && s[1 + k] == ')') return k + 2;
        return 0;
    }
    n = cn_numeral(s);
    if (n) {
        if (starts(s + n, "、")) return n + strlen("、");
        return 0;
    }
    while (s[n] >= '0' && s[n] <= '9')
        n++;
    if (n && (s[n] == '.' || starts(s + n, "、"))) {
        size_t k = s[n] == '.' ? n + 1 : n + strlen("、");
        if (s[k] >= '0' && s[k] <= '9') return 0; /* a number like 1.5, not numbering */
        return k;
    }
    return 0;
}

char *jx_ac_norm(jx_arena *arena, const char *label)
{
    char *s = jx_text_nfkc(arena, label ? label : "");
    jx_text_squeeze(s);
    size_t skip = numbering(s);
    if (skip) memmove(s, s + skip, strlen(s + skip) + 1);
    static const char *const tails[] = {"(类)", "(款)", "(项)"};
    size_t len = strlen(s);
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        size_t tl = strlen(tails[i]);
        if (len > tl && strcmp(s + len - tl, tails[i]) == 0) s[len - tl] = '\0';
    }
    return s;
}

/* ---- lookups ------------------------------------------------------------ */

const jx_ac_table *jx_ac_table_of(const jx_accounts *a, const char *kind)
{
    for (size_t i = 0; i < a->n_tables; i++)
        if (a->tables[i].kind && strcmp(a->tables[i].kind, kind) == 0) return &a->tables[i];
    return NULL;
}

const jx_ac_row *jx_ac_row_code(const jx_ac_table *t, const char *code)
{
    if (!t) return NULL;
    for (size_t i = 0; i < t->n_rows; i++)
        if (t->rows[i].code && strcmp(t->rows[i].code, code) == 0) return &t->rows[i];
    return NULL;
}

const jx_ac_row *jx_ac_row_key(const jx_ac_table *t, int group, const char *key)
{
    if (!t) return NULL;
    for (size_t i = 0; i < t->n_rows; i++)
        if ((group < 0 || t->rows[i].group == group) && strcmp(t->rows[i].key, key) == 0)
            return &t->rows[i];
    return NULL;
}

int jx_ac_group_find(const jx_ac_table *t, const char *name)
{
    if (!t) return -1;
    for (int g = 0; g < t->n_groups; g++)
        if (t->groups[g].name && *t->groups[g].name && strstr(t->groups[g].name, name)) return g;
    return -1;
}

int jx_ac_col(const jx_ac_table *t, int group, const char *name)
{
    if (!t || group < 0 || group >= t->n_groups) return -1;
    const jx_ac_group *g = &t->groups[group];
    for (int c = 0; c < g->n_cols; c++)
        if (g->cols[c] && strcmp(g->cols[c], name) == 0) return c;
    for (int c = 0; c < g->n_cols; c++)
        if (g->cols[c] && strstr(g->cols[c], name)) return c;
    return -1;
}

jx_dec jx_ac_cell(const jx_ac_table *t, const jx_ac_row *r, int col)
{
    if (!t || !r || col < 0 || col >= t->groups[r->group].n_cols) return JX_NONE;
    jx_dec v = r->cells[col].v;
    if (!jx_has(v)) return 0;
    if (t->yuan) return jx_dec_ratio(v, JX_DEC(1), JX_DEC(10000), 6);
    return v;
}

const char *jx_ac_table_label(const jx_ac_table *t)
{
    static char buf[4][256];
    static int next;
    char *b = buf[next++ & 3];
    if (t->number && t->title)
        snprintf(b, sizeof buf[0], "%s %s", t->number, t->title);
    else
        snprintf(b, sizeof buf[0], "%s", t->title ? t->title : t->number ? t->number : "(表)");
    return b;
}
