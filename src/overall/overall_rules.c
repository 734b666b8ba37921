/* overall_rules.c — loading whole-department rule sets (rules/hunan-overall.json;
 * schema in docs/overall.md) and scoring one value by one rule.
 *
 * Strict like src/rules/ruleset.c: an unknown field, a wrong type, a band
 * score above its weight or parts that do not add up to their indicator's
 * weight is an error with file:line:col. Files are searched in the same
 * folders as project rule sets ($JIXIAO_RULES_PATH, ../rules beside the
 * executable, ../share/jixiao/rules, the build-time rules folder). A set may
 * "extends" another: its indicators replace the parent's of the same name,
 * new ones are appended.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../json/reader.h"
#include "../rules/rulefile.h"
#include "../rules/ruleset.h"
#include "overall.h"

#define MAX_EXTENDS 8

typedef jx_rulefile ctx;

static bool unknown(ctx *c, const jx_jnode *at, const char *section, const char *key)
{
    return jx_rf_unknown(c, at, section, key, "docs/overall.md");
}

static bool get_dec(ctx *c, const jx_jnode *n, const char *what, jx_dec *out, bool nullable)
{
    if (n->type == JX_JN_NULL && nullable) {
        *out = JX_NONE;
        return true;
    }
    if (n->type != JX_JN_NUMBER || !jx_dec_parse(n->text, strlen(n->text), out, NULL) ||
        jx_dec_abs(*out) > JX_DEC(1000000000))
        return jx_rf_fail(c, n, "%s 应为数字%s", what, nullable ? " 或 null" : "");
    return true;
}

static bool get_str(ctx *c, const jx_jnode *n, const char *what, char *out, size_t cap)
{
    if (n->type != JX_JN_STRING || !n->text[0]) return jx_rf_fail(c, n, "%s 应为非空字符串", what);
    if (strlen(n->text) >= cap) return jx_rf_fail(c, n, "%s 过长", what);
    snprintf(out, cap, "%s", n->text);
    return true;
}

static bool get_key(ctx *c, const jx_jnode *n, char *out)
{
    if (!get_str(c, n, "基础数据键", out, JX_OV_KEY)) return false;
    if (!jx_ov_known_key(out))
        return jx_rf_fail(
            c, n, "未知的基础数据键 \"%s\" (unknown base-data key; see docs/overall.md)", out);
    return true;
}

static bool ignorable(const char *k)
{
    return strcmp(k, "description") == 0 || strcmp(k, "notes") == 0 || strcmp(k, "note") == 0 ||
           k[0] == '$';
}

static bool get_names(ctx *c, const jx_jnode *n, const char *what, char out[][JX_OV_NAME],
                      int *count, int max)
{
    if (n->type != JX_JN_ARRAY || n->count == 0 || n->count > (size_t)max)
        return jx_rf_fail(c, n, "%s 应为 1 到 %d 个名称的数组", what, max);
    for (size_t i = 0; i < n->count; i++)
        if (!get_str(c, n->items[i], what, out[i], JX_OV_NAME)) return false;
    *count = (int)n->count;
    return true;
}

/* ---- formula and scoring ------------------------------------------------------- */

static bool apply_formula(ctx *c, const jx_jnode *n, jx_ov_part *p)
{
    if (n->type != JX_JN_OBJECT)
        return jx_rf_fail(c, n, "formula 应为对象 {\"ratio\": [分子, 分母]}");
    bool kind = false;
    for (size_t i = 0; i < n->count; i++) {
        const char *k = n->keys[i];
        const jx_jnode *v = n->items[i];
        bool pair = strcmp(k, "ratio") == 0 || strcmp(k, "change") == 0;
        if (pair) {
            if (v->type != JX_JN_ARRAY || v->count != 2)
                return jx_rf_fail(c, v, "formula.%s 应为 [键, 键]", k);
            if (!get_key(c, v->items[0], p->num) || !get_key(c, v->items[1], p->den)) return false;
            p->formula = k[0] == 'r' ? JX_OVF_RATIO : JX_OVF_CHANGE;
        } else if (strcmp(k, "stated") == 0) {
            if (v->type != JX_JN_BOOL || !v->boolean)
                return jx_rf_fail(c, v, "formula.stated 只能为 true");
            p->formula = JX_OVF_STATED;
        } else if (strcmp(k, "minus") == 0) {
            if (!get_key(c, v, p->minus)) return false;
            continue;
        } else {
            return unknown(c, v, "formula", k);
        }
        if (kind) return jx_rf_fail(c, v, "formula 只能有 ratio、change、stated 之一");
        kind = true;
    }
    if (!kind) return jx_rf_fail(c, n, "formula 须有 ratio、change 或 stated");
    if (p->minus[0] && p->formula != JX_OVF_RATIO)
        return jx_rf_fail(c, n, "formula.minus 只能与 ratio 一起使用");
    return true;
}

static bool apply_deduct(ctx *c, const jx_jnode *n, jx_ov_part *p)
{
    static const char *const steps[] = {"linear", "whole", "started"};
    if (n->type != JX_JN_OBJECT) return jx_rf_fail(c, n, "deduct 应为对象");
    p->scoring = JX_OVS_DEDUCT;
    p->per = p->points = JX_NONE;
    for (size_t i = 0; i < n->count; i++) {
        const char *k = n->keys[i];
        const jx_jnode *v = n->items[i];
        bool ok;
        if (strcmp(k, "full_from") == 0)
            ok = get_dec(c, v, "deduct.full_from", &p->full_from, true);
        else if (strcmp(k, "full_to") == 0)
            ok = get_dec(c, v, "deduct.full_to", &p->full_to, true);
        else if (strcmp(k, "per") == 0)
            ok = get_dec(c, v, "deduct.per", &p->per, false);
        else if (strcmp(k, "points") == 0)
            ok = get_dec(c, v, "deduct.points", &p->points, false);
        else if (strcmp(k, "steps") == 0) {
            ok = false;
            for (int s = 0; s < 3; s++)
                if (v->type == JX_JN_STRING && strcmp(v->text, steps[s]) == 0) {
                    p->steps = (jx_ov_steps)s;
                    ok = true;
                }
            if (!ok) return jx_rf_fail(c, v, "deduct.steps 应为 linear、whole 或 started");
        } else if (ignorable(k))
            ok = true;
        else
            return unknown(c, v, "deduct", k);
        if (!ok) return false;
    }
    if (!jx_has(p->per) || p->per <= 0 || !jx_has(p->points) || p->points < 0)
        return jx_rf_fail(c, n, "deduct 须有正数 per 和非负数 points");
    if (!jx_has(p->full_from) && !jx_has(p->full_to))
        return jx_rf_fail(c, n, "deduct 须有 full_from 或 full_to (满分区间)");
    if (jx_has(p->full_from) && jx_has(p->full_to) && p->full_from > p->full_to)
        return jx_rf_fail(c, n, "deduct.full_from 大于 full_to");
    return true;
}

static bool apply_band(ctx *c, const jx_jnode *n, jx_ov_band *b)
{
    static const char *const ops[] = {"at_least", "above", "at_most", "below"};
    if (n->type != JX_JN_OBJECT)
        return jx_rf_fail(c, n, "bands 的每一项应为 {\"at_least\": 95, \"score\": 3}");
    bool have_op = false, have_score = false;
    for (size_t i = 0; i < n->count; i++) {
        const char *k = n->keys[i];
        int op = -1;
        for (int q = 0; q < 4; q++)
            if (strcmp(k, ops[q]) == 0) op = q;
        if (op >= 0) {
            if (have_op) return jx_rf_fail(c, n->items[i], "一个区间只能有一个界限");
            b->op = (jx_ov_op)op;
            have_op = true;
            if (!get_dec(c, n->items[i], k, &b->bound, false)) return false;
        } else if (strcmp(k, "score") == 0) {
            have_score = true;
            if (!get_dec(c, n->items[i], "score", &b->score, false)) return false;
        } else if (!ignorable(k)) {
            return unknown(c, n->items[i], "bands", k);
        }
    }
    if (!have_op || !have_score)
        return jx_rf_fail(c, n, "区间须有界限 (at_least/above/at_most/below) 和 score");
    return true;
}

static bool apply_bands(ctx *c, const jx_jnode *n, jx_ov_part *p)
{
    if (n->type != JX_JN_ARRAY || n->count == 0 || n->count > JX_OV_MAX_BANDS)
        return jx_rf_fail(c, n, "bands 应为 1 到 %d 个区间的数组", JX_OV_MAX_BANDS);
    p->scoring = JX_OVS_BANDS;
    p->n_bands = 0;
    for (size_t i = 0; i < n->count; i++)
        if (!apply_band(c, n->items[i], &p->bands[p->n_bands++])) return false;
    return true;
}

/* A field of a part (also allowed directly on a one-part indicator). */
static int part_field(ctx *c, const char *k, const jx_jnode *v, jx_ov_part *p, bool *scored)
{
    if (strcmp(k, "formula") == 0) return apply_formula(c, v, p) ? 1 : -1;
    if (strcmp(k, "deduct") == 0 || strcmp(k, "bands") == 0) {
        if (*scored) return jx_rf_fail(c, v, "deduct 与 bands 只能有其一"), -1;
        *scored = true;
        return (k[0] == 'd' ? apply_deduct(c, v, p) : apply_bands(c, v, p)) ? 1 : -1;
    }
    if (strcmp(k, "otherwise") == 0)
        return get_dec(c, v, "otherwise", &p->otherwise, false) ? 1 : -1;
    if (strcmp(k, "labels") == 0)
        return get_names(c, v, "labels", p->labels, &p->n_labels, JX_OV_MAX_LABELS) ? 1 : -1;
    return 0;
}

static bool check_part(ctx *c, const jx_jnode *at, jx_ov_part *p, bool has_formula, bool scored)
{
    if (!has_formula) return jx_rf_fail(c, at, "%s 缺少 formula (或应标为 judgement)", p->name);
    if (!scored) return jx_rf_fail(c, at, "%s 缺少 deduct 或 bands", p->name);
    for (int i = 0; i < p->n_bands; i++)
        if (p->bands[i].score < 0 || p->bands[i].score > p->weight)
            return jx_rf_fail(c, at, "%s 的区间得分超出 0 到分值的范围", p->name);
    if (p->otherwise < 0 || p->otherwise > p->weight)
        return jx_rf_fail(c, at, "%s 的 otherwise 超出 0 到分值的范围", p->name);
    if (p->n_labels == 0) {
        snprintf(p->labels[0], JX_OV_NAME, "%s", p->name);
        p->n_labels = 1;
    }
    return true;
}

static void part_defaults(jx_ov_part *p)
{
    memset(p, 0, sizeof *p);
    p->weight = p->full_from = p->full_to = p->per = p->points = JX_NONE;
    p->otherwise = 0;
}

static bool apply_part(ctx *c, const jx_jnode *n, jx_ov_part *p)
{
    if (n->type != JX_JN_OBJECT) return jx_rf_fail(c, n, "parts 的每一项应为对象");
    part_defaults(p);
    bool scored = false, has_formula = false;
    for (size_t i = 0; i < n->count; i++) {
        const char *k = n->keys[i];
        const jx_jnode *v = n->items[i];
        int r = part_field(c, k, v, p, &scored);
        if (r < 0) return false;
        has_formula |= strcmp(k, "formula") == 0;
        if (r > 0 || ignorable(k)) continue;
        if (strcmp(k, "name") == 0) {
            if (!get_str(c, v, "name", p->name, JX_OV_NAME)) return false;
        } else if (strcmp(k, "weight") == 0) {
            if (!get_dec(c, v, "weight", &p->weight, false)) return false;
        } else {
            return unknown(c, v, "parts", k);
        }
    }
    if (!p->name[0] || !jx_has(p->weight))
        return jx_rf_fail(c, n, "parts 的每一项须有 name 和 weight");
    return check_part(c, n, p, has_formula, scored);
}

/* ---- indicators ------------------------------------------------------------------ */

typedef struct {
    bool scored, has_formula, has_parts, direct;
} ind_state;

static bool indicator_field(ctx *c, const char *k, const jx_jnode *v, jx_ov_rule *r, ind_state *s)
{
    int pf = part_field(c, k, v, &r->parts[0], &s->scored);
    if (pf < 0) return false;
    if (pf > 0) {
        s->direct = true;
        s->has_formula |= strcmp(k, "formula") == 0;
        return true;
    }
    if (strcmp(k, "level1") == 0) return get_str(c, v, "level1", r->level1, JX_OV_NAME);
    if (strcmp(k, "level2") == 0) return get_str(c, v, "level2", r->level2, JX_OV_NAME);
    if (strcmp(k, "name") == 0) return get_str(c, v, "name", r->name, JX_OV_NAME);
    if (strcmp(k, "weight") == 0) return get_dec(c, v, "weight", &r->weight, false);
    if (strcmp(k, "aliases") == 0)
        return get_names(c, v, "aliases", r->aliases, &r->n_aliases, JX_OV_MAX_LABELS);
    if (strcmp(k, "judgement") == 0) {
        if (v->type != JX_JN_BOOL) return jx_rf_fail(c, v, "judgement 应为 true 或 false");
        r->judgement = v->boolean;
        return true;
    }
    if (strcmp(k, "parts") == 0) {
        if (v->type != JX_JN_ARRAY || v->count == 0 || v->count > JX_OV_MAX_PARTS)
            return jx_rf_fail(c, v, "parts 应为 1 到 %d 项的数组", JX_OV_MAX_PARTS);
        s->has_parts = true;
        r->n_parts = 0;
        for (size_t i = 0; i < v->count; i++)
            if (!apply_part(c, v->items[i], &r->parts[r->n_parts++])) return false;
        return true;
    }
    if (ignorable(k)) return true;
    return unknown(c, v, "indicators", k);
}

static bool check_indicator(ctx *c, const jx_jnode *n, jx_ov_rule *r, ind_state *s)
{
    if (!r->level1[0] || !r->level2[0] || !r->name[0] || !jx_has(r->weight))
        return jx_rf_fail(c, n, "指标须有 level1、level2、name 和 weight");
    if (r->judgement) {
        if (s->direct || s->has_parts)
            return jx_rf_fail(c, n, "%s: judgement 指标不能有 formula、deduct、bands 或 parts",
                              r->name);
        r->n_parts = 0;
        return true;
    }
    if (s->has_parts && s->direct)
        return jx_rf_fail(c, n, "%s: 有 parts 时 formula 等应写在 parts 里", r->name);
    if (!s->has_parts) {
        jx_ov_part *p = &r->parts[0];
        snprintf(p->name, JX_OV_NAME, "%s", r->name);
        p->weight = r->weight;
        r->n_parts = 1;
        return check_part(c, n, p, s->has_formula, s->scored);
    }
    jx_dec sum = 0;
    for (int i = 0; i < r->n_parts; i++)
        sum += r->parts[i].weight;
    if (sum != r->weight) return jx_rf_fail(c, n, "%s: parts 的分值之和不等于 weight", r->name);
    return true;
}

static bool apply_indicator(ctx *c, const jx_jnode *n, jx_ov_rule *r)
{
    if (n->type != JX_JN_OBJECT) return jx_rf_fail(c, n, "indicators 的每一项应为对象");
    memset(r, 0, sizeof *r);
    r->weight = JX_NONE;
    part_defaults(&r->parts[0]);
    ind_state s = {false, false, false, false};
    for (size_t i = 0; i < n->count; i++)
        if (!indicator_field(c, n->keys[i], n->items[i], r, &s)) return false;
    return check_indicator(c, n, r, &s);
}

static bool apply_indicators(ctx *c, const jx_jnode *n, jx_ov_rules *rs)
{
    if (n->type != JX_JN_ARRAY) return jx_rf_fail(c, n, "indicators 应为数组");
    for (size_t i = 0; i < n->count; i++) {
        static jx_ov_rule r; /* large; loading is not reentrant anyway */
        if (!apply_indicator(c, n->items[i], &r)) return false;
        int at = -1;
        for (int k = 0; k < rs->n_rules; k++)
            if (strcmp(rs->rules[k].name, r.name) == 0) at = k;
        if (at < 0) {
            if (rs->n_rules == JX_OV_MAX_RULES)
                return jx_rf_fail(c, n->items[i], "指标过多 (最多 %d)", JX_OV_MAX_RULES);
            at = rs->n_rules++;
        }
        rs->rules[at] = r;
    }
    return true;
}

/* ---- the rest of the file ------------------------------------------------------------ */

static bool apply_grades(ctx *c, const jx_jnode *v, jx_ov_rules *r)
{
    if (v->type != JX_JN_ARRAY || v->count == 0 || v->count > 8)
        return jx_rf_fail(c, v, "grades 应为 [[\"优\", 90], [\"良\", 80], …] (最好的在前)");
    r->n_grades = 0;
    for (size_t i = 0; i < v->count; i++) {
        const jx_jnode *g = v->items[i];
        if (g->type != JX_JN_ARRAY || g->count != 2)
            return jx_rf_fail(c, g, "grades 的每一项应为 [名称, 下限]");
        if (!get_str(c, g->items[0], "等级名称", r->grades[i].name, sizeof r->grades[i].name) ||
            !get_dec(c, g->items[1], "等级下限", &r->grades[i].min, false))
            return false;
        if (i && r->grades[i].min >= r->grades[i - 1].min)
            return jx_rf_fail(c, g, "grades 应按下限从高到低排列");
        r->n_grades++;
    }
    return true;
}

static bool apply_sums(ctx *c, const jx_jnode *v, jx_ov_rules *r)
{
    if (v->type != JX_JN_OBJECT || v->count > JX_OV_MAX_SUMS)
        return jx_rf_fail(c, v, "base_sums 应为对象 {\"three_public\": [\"vehicles\", …]}");
    r->n_sums = 0;
    for (size_t i = 0; i < v->count; i++) {
        const jx_jnode *list = v->items[i];
        char probe[JX_OV_KEY + 16];
        snprintf(probe, sizeof probe, "%s_actual", v->keys[i]);
        if (!jx_ov_known_key(probe))
            return jx_rf_fail(c, list, "base_sums: 未知的项目 \"%s\"", v->keys[i]);
        snprintf(r->sums[i].total, JX_OV_KEY, "%s", v->keys[i]);
        if (list->type != JX_JN_ARRAY || list->count == 0 || list->count > JX_OV_MAX_ADDENDS)
            return jx_rf_fail(c, list, "base_sums 的每一项应为 1 到 %d 个项目名的数组",
                              JX_OV_MAX_ADDENDS);
        for (size_t k = 0; k < list->count; k++) {
            if (!get_str(c, list->items[k], "base_sums 项目", r->sums[i].addends[k], JX_OV_KEY))
                return false;
            snprintf(probe, sizeof probe, "%s_actual", r->sums[i].addends[k]);
            if (!jx_ov_known_key(probe))
                return jx_rf_fail(c, list->items[k], "base_sums: 未知的项目 \"%s\"",
                                  r->sums[i].addends[k]);
        }
        r->sums[i].n = (int)list->count;
        r->n_sums++;
    }
    return true;
}

static bool get_decimals(ctx *c, const jx_jnode *v, const char *what, int *out)
{
    jx_dec d;
    if (!get_dec(c, v, what, &d, false)) return false;
    if (d < 0 || d > JX_DEC(4) || d % JX_DEC_SCALE)
        return jx_rf_fail(c, v, "%s 应为 0 到 4 的整数", what);
    *out = (int)(d / JX_DEC_SCALE);
    return true;
}

static bool apply_root(ctx *c, const jx_jnode *root, jx_ov_rules *r)
{
    for (size_t i = 0; i < root->count; i++) {
        const char *k = root->keys[i];
        const jx_jnode *v = root->items[i];
        bool ok = true;
        if (strcmp(k, "name") == 0)
            ok = get_str(c, v, "name", r->name, sizeof r->name);
        else if (strcmp(k, "title") == 0)
            ok = get_str(c, v, "title", r->title, sizeof r->title);
        else if (strcmp(k, "total") == 0)
            ok = get_dec(c, v, "total", &r->total_weight, false);
        else if (strcmp(k, "rate_decimals") == 0)
            ok = get_decimals(c, v, k, &r->rate_decimals);
        else if (strcmp(k, "score_decimals") == 0)
            ok = get_decimals(c, v, k, &r->score_decimals);
        else if (strcmp(k, "grades") == 0)
            ok = apply_grades(c, v, r);
        else if (strcmp(k, "base_sums") == 0)
            ok = apply_sums(c, v, r);
        else if (strcmp(k, "indicators") == 0)
            ok = apply_indicators(c, v, r);
        else if (strcmp(k, "kind") == 0) {
            if (v->type != JX_JN_STRING || strcmp(v->text, "overall") != 0)
                ok = jx_rf_fail(c, v, "kind 应为 \"overall\"");
        } else if (strcmp(k, "extends") != 0 && !ignorable(k))
            ok = unknown(c, v, "规则集", k);
        if (!ok) return false;
    }
    return true;
}

/* ---- files ------------------------------------------------------------------------ */

static bool load_text(const char *text, size_t len, const char *file, jx_ov_rules *r, ctx *c,
                      int depth);

static bool load_named(const char *name, jx_ov_rules *r, ctx *c, int depth)
{
    char path[700];
    if (!jx_rules_locate(name, path, sizeof path)) { /* the same folders as project rule sets */
        snprintf(c->err, c->errlen, "找不到整体评价规则集 \"%s\" (unknown rule set)", name);
        return false;
    }
    char *text;
    size_t len;
    if (!jx_rules_read_file(path, &text, &len)) {
        snprintf(c->err, c->errlen, "%s: 无法读取规则集文件 (cannot read rule-set file)", path);
        return false;
    }
    bool ok = load_text(text, len, path, r, c, depth);
    free(text);
    return ok;
}

static bool load_root(ctx *c, const jx_jnode *root, const char *file, jx_ov_rules *r, int depth)
{
    if (root->type != JX_JN_OBJECT) return jx_rf_fail(c, root, "规则集应为一个 JSON 对象 {…}");
    const jx_jnode *ext = jx_jnode_get(root, "extends");
    if (ext) {
        if (ext->type != JX_JN_STRING) return jx_rf_fail(c, ext, "extends 应为规则集名称");
        if (!load_named(ext->text, r, c, depth + 1)) return false;
        c->file = file;
    }
    return apply_root(c, root, r);
}

static bool load_text(const char *text, size_t len, const char *file, jx_ov_rules *r, ctx *c,
                      int depth)
{
    if (depth > MAX_EXTENDS) {
        snprintf(c->err, c->errlen, "%s: 规则集的 extends 嵌套过深或循环 (extends loop)", file);
        return false;
    }
    const char *saved = c->file;
    c->file = file;
    jx_arena arena;
    jx_arena_init(&arena);
    jx_jreader *rd = jx_xmalloc(sizeof *rd);
    jx_jreader_init_mem(rd, text, len);
    jx_jtok t = jx_jreader_next(rd);
    jx_jnode *root = t == JX_JT_ERROR ? NULL : jx_json_tree(rd, t, &arena);
    if (root && jx_jreader_next(rd) != JX_JT_EOF) root = NULL;
    bool ok;
    if (!root) {
        snprintf(c->err, c->errlen, "%s:%ld:%ld: 规则集不是有效的 JSON: %s", file, rd->error_line,
                 rd->error_col, rd->error);
        ok = false;
    } else {
        ok = load_root(c, root, file, r, depth);
    }
    if (ok) snprintf(r->source, sizeof r->source, "%.500s", file);
    jx_jreader_free(rd);
    free(rd);
    jx_arena_free(&arena);
    c->file = saved;
    return ok;
}

static bool validate(ctx *c, jx_ov_rules *r)
{
    if (!r->name[0]) return jx_rf_fail(c, NULL, "缺少 name");
    if (r->n_rules == 0) return jx_rf_fail(c, NULL, "缺少 indicators");
    if (r->n_grades == 0) return jx_rf_fail(c, NULL, "缺少 grades (等级划分)");
    jx_dec sum = 0;
    for (int i = 0; i < r->n_rules; i++)
        sum += r->rules[i].weight;
    if (sum != r->total_weight) {
        char a[JX_DEC_BUF], b[JX_DEC_BUF];
        return jx_rf_fail(c, NULL, "各指标分值之和为 %s, 不等于 total %s", jx_dec_fmt(sum, a),
                          jx_dec_fmt(r->total_weight, b));
    }
    return true;
}

bool jx_ov_rules_load(const char *name_or_path, jx_ov_rules *out, char *err, size_t errlen)
{
    ctx c = {err, errlen, name_or_path};
    memset(out, 0, sizeof *out);
    out->total_weight = JX_DEC(100);
    out->rate_decimals = 2;
    out->score_decimals = 2;
    if (!load_named(name_or_path, out, &c, 0)) return false;
    return validate(&c, out);
}

const char *jx_ov_grade(const jx_ov_rules *r, jx_dec total)
{
    if (!jx_has(total) || r->n_grades == 0) return NULL;
    for (int i = 0; i < r->n_grades; i++)
        if (total >= r->grades[i].min) return r->grades[i].name;
    return r->grades[r->n_grades - 1].name;
}

/* ---- scoring ---------------------------------------------------------------------- */

static bool band_holds(const jx_ov_band *b, jx_dec v)
{
    switch (b->op) {
    case JX_OV_GE:
        return v >= b->bound;
    case JX_OV_GT:
        return v > b->bound;
    case JX_OV_LE:
        return v <= b->bound;
    case JX_OV_LT:
        return v < b->bound;
    }
    return false;
}

/* Points deducted for a distance `dev` (> 0) outside the full-marks range. The
 * linear quotient points × dev / per is exact at 6 decimals for every shipped
 * rule (per 1 or 5, points 0.2, 0.5, 1, 2); the score is rounded once, after. */
static jx_dec deduction(const jx_ov_part *p, jx_dec dev)
{
    if (p->steps == JX_OV_STEP_LINEAR) return jx_dec_ratio(p->points, dev, p->per, 6);
    jx_dec whole = dev / p->per, rest = dev % p->per;
    if (p->steps == JX_OV_STEP_STARTED && rest) whole++;
    if (p->points > 0 && whole > p->weight / p->points + 1) return p->weight; /* all of it */
    return whole * p->points;
}

jx_dec jx_ov_part_score(const jx_ov_rules *r, const jx_ov_part *p, jx_dec value)
{
    if (!jx_has(value)) return JX_NONE;
    jx_dec score;
    if (p->scoring == JX_OVS_BANDS) {
        score = p->otherwise;
        for (int i = 0; i < p->n_bands; i++)
            if (band_holds(&p->bands[i], value)) {
                score = p->bands[i].score;
                break;
            }
    } else {
        jx_dec dev = 0;
        if (jx_has(p->full_from) && value < p->full_from) dev = p->full_from - value;
        if (jx_has(p->full_to) && value > p->full_to) dev = value - p->full_to;
        jx_dec d = dev > 0 ? deduction(p, dev) : 0;
        score = !jx_has(d) || d >= p->weight ? 0 : p->weight - d;
    }
    return jx_dec_round(score, r->score_decimals);
}
