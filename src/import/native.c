/* native.c — streaming reader for the native JSON format; see native.h.
 *
 * The top level is walked token by token; each project object is made into
 * a small tree (jx_json_tree) and mapped onto a jx_project, then handed to
 * the callback and forgotten.
 */
#include "native.h"

#include <stdlib.h>
#include <string.h>

#include "../base/text.h"
#include "../json/reader.h"
#include "../value/amount.h"
#include "../value/value.h"
#include "resolve.h"

typedef struct {
    jx_jreader *r;
    jx_arena *arena;
    jx_project_fn fn;
    void *ctx;
    jx_native_result *res;
    bool stop;
} reader_ctx;

/* ---- field mapping ------------------------------------------------------- */

static void field_finding(jx_project *p, const jx_jnode *at, int ind, const char *field,
                          const char *what)
{
    jx_finding_addf(p, "INPUT-VALUE", JX_SEV_WARNING, ind, field,
                    "line %ld: field \"%s\" %s; ignored", "第 %ld 行: 字段 \"%s\" %s, 已忽略",
                    at->line, field, what);
}

static const char *get_text(jx_project *p, const jx_jnode *n, int ind, const char *field)
{
    if (!n || n->type == JX_JN_NULL) return NULL;
    if (n->type == JX_JN_STRING) return n->text;
    if (n->type == JX_JN_NUMBER)
        return n->text; /* a number where text is expected: keep it as written */
    field_finding(p, n, ind, field, "应为文字 (should be text)");
    return NULL;
}

/* A stated figure: a JSON number, or a string as written in a table. */
static jx_dec get_amount(jx_project *p, const jx_jnode *n, int ind, const char *field, jx_dec *alt,
                         const char **as_written)
{
    if (alt) *alt = JX_NONE;
    if (!n || n->type == JX_JN_NULL) return JX_NONE;
    jx_dec v = JX_NONE, other;
    if (n->type == JX_JN_NUMBER) {
        if (!jx_dec_parse(n->text, strlen(n->text), &v, NULL))
            field_finding(p, n, ind, field, "不是可精确读取的数字 (not a plain decimal number)");
        return v;
    }
    if (n->type != JX_JN_STRING) {
        field_finding(p, n, ind, field, "应为数字 (should be a number)");
        return JX_NONE;
    }
    if (as_written) *as_written = n->text;
    switch (jx_amount_parse(n->text, &v, &other)) {
    case JX_AMOUNT_OK:
        return v;
    case JX_AMOUNT_EMPTY:
        return JX_NONE;
    case JX_AMOUNT_AMBIGUOUS:
        if (alt) {
            *alt = other;
        } else {
            char a[JX_DEC_BUF], b[JX_DEC_BUF];
            jx_finding_addf(p, "NUMBER-AMBIGUOUS", JX_SEV_WARNING, ind, field,
                            "\"%s\" could be %s or %s; read as %s",
                            "「%s」可读作 %s 或 %s, 按千分位读作 %s, 请核实", n->text,
                            jx_dec_fmt(v, a), jx_dec_fmt(other, b), a);
        }
        return v;
    case JX_AMOUNT_INVALID:
        break;
    }
    field_finding(p, n, ind, field, "不是数字 (not a number)");
    return JX_NONE;
}

/* Position of key in a NULL-terminated list, or -1 (first byte checked first: hot path). */
static int key_index(const char *key, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (names[i][0] == key[0] && strcmp(key, names[i]) == 0) return i;
    return -1;
}

/* Decimals a number was written with ("84.30" → 2, "１２．５％" → 1), -1 if none. */
static int written_decimals(const jx_jnode *n)
{
    if (!n || (n->type != JX_JN_NUMBER && n->type != JX_JN_STRING)) return -1;
    char folded[128];
    jx_value_fold(n->text, folded, sizeof folded);
    const char *dot = strchr(folded, '.');
    if (!dot) return 0;
    int d = 0;
    for (const char *q = dot + 1; *q >= '0' && *q <= '9'; q++)
        d++;
    return d > 6 ? 6 : d;
}

static bool known(const char *key, const char *const *names)
{
    return key_index(key, names) >= 0;
}

static void unknown_field(jx_project *p, const jx_jnode *at, int ind, const char *where,
                          const char *key)
{
    jx_finding_addf(p, "INPUT-FIELD", JX_SEV_WARNING, ind, key,
                    "line %ld: unknown field \"%s\" in %s; ignored",
                    "第 %ld 行: %s 中有未知字段 \"%s\", 已忽略", at->line, where, key);
}

/* One pass over an object's members: each known input lands in slots[i]
 * (by its position in `inputs`); unknown members are reported. */
static void collect(jx_project *p, const jx_jnode *n, const char *const *inputs,
                    const char *const *computed, const jx_jnode **slots, int ind, const char *where)
{
    for (size_t i = 0; i < n->count; i++) {
        int k = key_index(n->keys[i], inputs);
        if (k >= 0)
            slots[k] = n->items[i];
        else if (!known(n->keys[i], computed))
            unknown_field(p, n->items[i], ind, where, n->keys[i]);
    }
}

static void map_funds(jx_project *p, const jx_jnode *n)
{
    /* order matters: the first five follow jx_funds_cells (JX_F_*), v[i] below */
    static const char *const inputs[] = {
        "budget_initial",          "budget", "executed", "balance", "execution_rate",
        "execution_score_claimed", "reason", NULL};
    static const char *const computed[] = {"execution_weight", "execution_score",
                                           "execution_rate_computed", NULL};
    if (n->type != JX_JN_OBJECT) {
        field_finding(p, n, -1, "funds", "应为对象 (should be an object)");
        return;
    }
    const jx_jnode *v[8] = {NULL};
    collect(p, n, inputs, computed, v, -1, "funds");
    jx_funds *f = &p->funds;
    jx_funds_cells cells;
    jx_funds_cells_init(&cells);
    /* inputs[0..4] are the funds cells in jx_funds_cells order */
    jx_dec *dst[JX_F_COUNT] = {&f->budget_initial, &f->budget, &f->executed, &f->balance,
                               &f->execution_rate};
    for (int i = 0; i < JX_F_COUNT; i++)
        *dst[i] = get_amount(p, v[i], -1, inputs[i], &cells.alt[i], &cells.text[i]);
    f->rate_decimals = written_decimals(v[JX_F_RATE]);
    f->execution_score_claimed = get_amount(p, v[5], -1, "execution_score_claimed", NULL, NULL);
    f->reason = get_text(p, v[6], -1, "reason");
    jx_funds_resolve(p, &cells);
}

static void map_indicator(jx_project *p, const jx_jnode *n, const jx_indicator *prev)
{
    /* order matters: v[i] below */
    static const char *const inputs[] = {"level1",          "level2", "name",   "target",
                                         "target_adjusted", "actual", "weight", "score_claimed",
                                         "reason",          NULL};
    static const char *const computed[] = {"score_rule", "level_rule", "target_kind", NULL};
    int idx = (int)p->n_indicators;
    jx_indicator *ind = jx_project_add_indicator(p);
    ind->line = (int)n->line;
    if (n->type != JX_JN_OBJECT) {
        field_finding(p, n, idx, "indicators", "的元素应为对象 (items should be objects)");
        return;
    }
    const jx_jnode *v[9] = {NULL};
    collect(p, n, inputs, computed, v, idx, "indicator");
    ind->level1 = get_text(p, v[0], idx, "level1");
    ind->level2 = get_text(p, v[1], idx, "level2");
    /* continuation rows inherit the last seen parent (merged cells) */
    if (prev && !ind->level1) {
        ind->level1 = prev->level1;
        if (!ind->level2) ind->level2 = prev->level2;
    }
    ind->name = get_text(p, v[2], idx, "name");
    ind->target = get_text(p, v[3], idx, "target");
    ind->target_adjusted = get_text(p, v[4], idx, "target_adjusted");
    ind->actual = get_text(p, v[5], idx, "actual");
    ind->weight = get_amount(p, v[6], idx, "weight", NULL, NULL);
    ind->score_claimed = get_amount(p, v[7], idx, "score_claimed", NULL, NULL);
    ind->reason = get_text(p, v[8], idx, "reason");
}

static int get_year(jx_project *p, const jx_jnode *n)
{
    if (!n || n->type == JX_JN_NULL) return 0;
    char folded[64];
    const char *t = folded;
    if (n->text) jx_value_fold(n->text, folded, sizeof folded); /* "２０２３年度" */
    if ((n->type == JX_JN_NUMBER || n->type == JX_JN_STRING) && n->text) {
        int y = 0, digits = 0;
        while (*t >= '0' && *t <= '9' && digits < 5) {
            y = y * 10 + (*t++ - '0');
            digits++;
        }
        if (digits == 4 && y >= 1949 && y <= 2200) return y;
    }
    field_finding(p, n, -1, "year", "应为四位年份 (should be a year such as 2024)");
    return 0;
}

/* Audit output read back: findings about how the source was written
 * (NUMBER-AMBIGUOUS, INPUT-*) cannot be recomputed from the cleaned figures,
 * so they are carried over; every other finding is recomputed. */
static void carry_findings(jx_project *p, const jx_jnode *list)
{
    static const char *const carried[] = {"NUMBER-AMBIGUOUS", "INPUT-FIELD", "INPUT-VALUE", NULL};
    if (!list || list->type != JX_JN_ARRAY) return;
    for (size_t i = 0; i < list->count; i++) {
        const jx_jnode *f = list->items[i];
        const jx_jnode *code = jx_jnode_get(f, "code");
        if (!code || code->type != JX_JN_STRING || !known(code->text, carried)) continue;
        const jx_jnode *msg = jx_jnode_get(f, "message"), *en = jx_jnode_get(f, "message_en");
        const jx_jnode *ind = jx_jnode_get(f, "indicator"), *field = jx_jnode_get(f, "field");
        int index = -1;
        if (ind && ind->type == JX_JN_NUMBER) index = atoi(ind->text);
        if (index < -1 || index > 1000000) index = -1;
        const char *text = msg && msg->type == JX_JN_STRING ? msg->text : "";
        bool again = false; /* found again while mapping (e.g. a project with no name) */
        for (size_t k = 0; k < p->n_findings && !again; k++)
            again = strcmp(p->findings[k].code, code->text) == 0 &&
                    strcmp(p->findings[k].message, text) == 0;
        /* a project without a name is found again on every reading: not carried */
        if (again || (field && field->type == JX_JN_STRING && strcmp(field->text, "name") == 0 &&
                      strcmp(code->text, "INPUT-VALUE") == 0))
            continue;
        static const char *const codes[] = {"NUMBER-AMBIGUOUS", "INPUT-FIELD", "INPUT-VALUE"};
        const char *code_text = codes[0];
        for (int k = 0; k < 3; k++)
            if (strcmp(code->text, codes[k]) == 0) code_text = codes[k];
        jx_finding_add(p, code_text, JX_SEV_WARNING, index,
                       field && field->type == JX_JN_STRING ? field->text : NULL,
                       msg && msg->type == JX_JN_STRING ? msg->text : "",
                       en && en->type == JX_JN_STRING ? en->text : NULL);
    }
}

static void map_project(jx_project *p, const jx_jnode *n)
{
    /* order matters: v[i] below */
    static const char *const inputs[] = {"name",          "year",  "unit",       "department",
                                         "amount_unit",   "funds", "indicators", "total_claimed",
                                         "grade_claimed", "goal",  "texts",      NULL};
    static const char *const computed[] = {"total_recomputed", "total_rule", "grade_rule",
                                           "findings",         "source",     NULL};
    const jx_jnode *v[11] = {NULL};
    p->line = (int)n->line;
    collect(p, n, inputs, computed, v, -1, "project");
    p->name = get_text(p, v[0], -1, "name");
    p->year = get_year(p, v[1]);
    p->unit = get_text(p, v[2], -1, "unit");
    p->department = get_text(p, v[3], -1, "department");
    const char *unit = get_text(p, v[4], -1, "amount_unit");
    p->amount_unit = "万元";
    if (unit) {
        if (strcmp(unit, "元") == 0 || strcmp(unit, "万元") == 0)
            p->amount_unit = unit;
        else
            field_finding(p, v[4], -1, "amount_unit", "应为 \"万元\" 或 \"元\"");
    }
    const jx_jnode *funds = v[5];
    if (funds && funds->type != JX_JN_NULL) map_funds(p, funds);
    const jx_jnode *inds = v[6];
    if (inds && inds->type == JX_JN_ARRAY) {
        for (size_t i = 0; i < inds->count; i++)
            map_indicator(p, inds->items[i],
                          p->n_indicators ? &p->indicators[p->n_indicators - 1] : NULL);
    } else if (inds && inds->type != JX_JN_NULL) {
        field_finding(p, inds, -1, "indicators", "应为数组 (should be an array)");
    }
    p->total_claimed = get_amount(p, v[7], -1, "total_claimed", NULL, NULL);
    p->grade_claimed = get_text(p, v[8], -1, "grade_claimed");
    if (v[9] && v[9]->type == JX_JN_OBJECT) {
        p->goal_expected = get_text(p, jx_jnode_get(v[9], "expected"), -1, "goal");
        p->goal_actual = get_text(p, jx_jnode_get(v[9], "actual"), -1, "goal");
    }
    if (v[10] && v[10]->type == JX_JN_ARRAY)
        for (size_t i = 0; i < v[10]->count; i++) {
            const jx_jnode *t = v[10]->items[i];
            const char *label = get_text(p, jx_jnode_get(t, "label"), -1, "texts");
            const char *text = get_text(p, jx_jnode_get(t, "text"), -1, "texts");
            if (label || text) jx_project_add_text(p, label ? label : "", text ? text : "");
        }
    carry_findings(p, jx_jnode_get(n, "findings"));
    if (!p->name || !*p->name)
        jx_finding_addf(p, "INPUT-VALUE", JX_SEV_WARNING, -1, "name",
                        "line %ld: the project has no name", "第 %ld 行: 项目没有名称", n->line);
}

/* ---- document walk ------------------------------------------------------- */

static bool fail(reader_ctx *c)
{
    c->res->failed = true;
    snprintf(c->res->error, sizeof c->res->error, "%s", c->r->error);
    c->res->line = c->r->error_line;
    c->res->col = c->r->error_col;
    return false;
}

static bool fail_msg(reader_ctx *c, const char *msg)
{
    c->res->failed = true;
    snprintf(c->res->error, sizeof c->res->error, "%s", msg);
    c->res->line = c->r->tok_line;
    c->res->col = c->r->tok_col;
    return false;
}

/* One project value, whose first token has been read. */
static bool one_project(reader_ctx *c, jx_jtok first)
{
    jx_arena_reset(c->arena);
    jx_jnode *n = jx_json_tree(c->r, first, c->arena);
    if (!n) return fail(c);
    jx_project p;
    jx_project_init(&p, c->arena);
    if (n->type != JX_JN_OBJECT) {
        p.line = (int)n->line;
        jx_finding_addf(&p, "INPUT-VALUE", JX_SEV_WARNING, -1, "projects",
                        "line %ld: an item of \"projects\" is not an object",
                        "第 %ld 行: projects 中的一项不是对象", n->line);
    } else {
        map_project(&p, n);
    }
    c->res->projects++;
    if (!c->fn(&p, c->ctx)) c->stop = true;
    return true;
}

static bool project_array(reader_ctx *c)
{
    for (;;) {
        jx_jtok t = jx_jreader_next(c->r);
        if (t == JX_JT_ERROR) return fail(c);
        if (t == JX_JT_ARR_END) return true;
        if (!one_project(c, t)) return false;
        if (c->stop) return true;
    }
}

static bool document_object(reader_ctx *c, int depth);

/* "documents": [{"projects": […]}, …] */
static bool documents_array(reader_ctx *c)
{
    for (;;) {
        jx_jtok t = jx_jreader_next(c->r);
        if (t == JX_JT_ERROR) return fail(c);
        if (t == JX_JT_ARR_END) return true;
        if (t != JX_JT_OBJ_BEGIN) {
            if (!jx_jreader_skip(c->r, t)) return fail(c);
            continue;
        }
        if (!document_object(c, 1)) return false;
        if (c->stop) return true;
    }
}

static bool document_object(reader_ctx *c, int depth)
{
    for (;;) {
        jx_jtok t = jx_jreader_next(c->r);
        if (t == JX_JT_ERROR) return fail(c);
        if (t == JX_JT_OBJ_END) return true;
        /* t is a key */
        bool is_projects = strcmp(c->r->text, "projects") == 0;
        bool is_documents = depth == 0 && strcmp(c->r->text, "documents") == 0;
        t = jx_jreader_next(c->r);
        if (t == JX_JT_ERROR) return fail(c);
        if ((is_projects || is_documents) && t == JX_JT_ARR_BEGIN) {
            c->res->no_projects_key = false;
            if (!(is_projects ? project_array(c) : documents_array(c))) return false;
            if (c->stop) return true;
        } else if (is_projects || is_documents) {
            return fail_msg(c, is_projects ? "\"projects\" 应为数组 (should be an array)"
                                           : "\"documents\" 应为数组 (should be an array)");
        } else if (!jx_jreader_skip(c->r, t)) {
            return fail(c);
        }
    }
}

static void run(jx_jreader *r, jx_project_fn fn, void *ctx, jx_native_result *res)
{
    memset(res, 0, sizeof *res);
    jx_arena arena;
    jx_arena_init(&arena);
    reader_ctx c = {r, &arena, fn, ctx, res, false};
    jx_jtok t = jx_jreader_next(r);
    bool ok = true;
    if (t == JX_JT_ERROR) {
        ok = fail(&c);
    } else if (t == JX_JT_EOF) {
        ok = fail_msg(&c, "文件是空的 (empty file)");
    } else if (t == JX_JT_ARR_BEGIN) {
        ok = project_array(&c);
    } else if (t == JX_JT_OBJ_BEGIN) {
        res->no_projects_key = true;
        ok = document_object(&c, 0);
    } else {
        ok = fail_msg(
            &c, "顶层应为对象 {\"projects\": […]} 或数组 (top level should be an object or array)");
    }
    if (ok && !c.stop && jx_jreader_next(r) != JX_JT_EOF) fail(&c);
    jx_arena_free(&arena);
}

void jx_native_read(FILE *fp, jx_project_fn fn, void *ctx, jx_native_result *res)
{
    jx_jreader *r = jx_xmalloc(sizeof *r);
    jx_jreader_init_file(r, fp);
    run(r, fn, ctx, res);
    jx_jreader_free(r);
    free(r);
}

void jx_native_read_mem(const char *data, size_t len, jx_project_fn fn, void *ctx,
                        jx_native_result *res)
{
    jx_jreader *r = jx_xmalloc(sizeof *r);
    jx_jreader_init_mem(r, data, len);
    run(r, fn, ctx, res);
    jx_jreader_free(r);
    free(r);
}
