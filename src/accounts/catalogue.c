/* catalogue.c — the accounts rule file (rules/accounts-*.json, docs/accounts.md):
 * which 决算 tables exist, their titles and layouts, the sets regions publish
 * and the rounding tolerance. Strict: an unknown field or a wrong type is an
 * error with file:line:col, like the other rule sets. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../json/reader.h"
#include "../rules/rulefile.h"
#include "../rules/ruleset.h"
#include "accounts.h"

typedef jx_rulefile ctx;

static bool get_str(ctx *c, const jx_jnode *n, const char *what, char *out, size_t cap)
{
    if (!n || n->type != JX_JN_STRING || !n->text[0])
        return jx_rf_fail(c, n, "%s 应为非空字符串", what);
    if (strlen(n->text) >= cap) return jx_rf_fail(c, n, "%s 过长", what);
    snprintf(out, cap, "%s", n->text);
    return true;
}

static bool unknown(ctx *c, const jx_jnode *obj, size_t i, const char *section)
{
    return jx_rf_unknown(c, obj->items[i], section, obj->keys[i], "docs/accounts.md");
}

static bool ignorable(const char *k)
{
    return strcmp(k, "description") == 0 || strcmp(k, "note") == 0 || k[0] == '$';
}

static bool get_shape(ctx *c, const jx_jnode *n, jx_ac_shape *out)
{
    static const char *const names[] = {"coded", "two-sided", "economic", "grid", "lines"};
    if (n->type == JX_JN_STRING)
        for (int i = 0; i < 5; i++)
            if (strcmp(n->text, names[i]) == 0) {
                *out = (jx_ac_shape)i;
                return true;
            }
    return jx_rf_fail(c, n, "shape 应为 coded、two-sided、economic、grid 或 lines 之一");
}

static bool apply_kind(ctx *c, const jx_jnode *n, jx_ac_kind *k)
{
    if (n->type != JX_JN_OBJECT) return jx_rf_fail(c, n, "tables 的每一项应为对象");
    memset(k, 0, sizeof *k);
    bool has_shape = false;
    for (size_t i = 0; i < n->count; i++) {
        const char *key = n->keys[i];
        const jx_jnode *v = n->items[i];
        if (strcmp(key, "key") == 0) {
            if (!get_str(c, v, "key", k->key, sizeof k->key)) return false;
        } else if (strcmp(key, "title") == 0) {
            if (!get_str(c, v, "title", k->title, sizeof k->title)) return false;
        } else if (strcmp(key, "section") == 0) {
            if (!get_str(c, v, "section", k->section, sizeof k->section)) return false;
        } else if (strcmp(key, "shape") == 0) {
            if (!get_shape(c, v, &k->shape)) return false;
            has_shape = true;
        } else if (strcmp(key, "aliases") == 0) {
            if (v->type != JX_JN_ARRAY || v->count > 4)
                return jx_rf_fail(c, v, "aliases 应为至多 4 个名称的数组");
            for (size_t j = 0; j < v->count; j++)
                if (!get_str(c, v->items[j], "aliases", k->aliases[j], sizeof k->aliases[j]))
                    return false;
            k->n_aliases = (int)v->count;
        } else if (!ignorable(key)) {
            return unknown(c, n, i, "tables");
        }
    }
    if (!k->key[0] || !k->title[0] || !has_shape)
        return jx_rf_fail(c, n, "tables 的每一项须有 key、title 和 shape");
    return true;
}

static bool apply_set(ctx *c, const jx_jnode *n, const jx_ac_rules *r, jx_ac_set *s)
{
    if (n->type != JX_JN_OBJECT) return jx_rf_fail(c, n, "sets 的每一项应为对象");
    memset(s, 0, sizeof *s);
    for (size_t i = 0; i < n->count; i++) {
        const char *key = n->keys[i];
        const jx_jnode *v = n->items[i];
        if (strcmp(key, "name") == 0) {
            if (!get_str(c, v, "name", s->name, sizeof s->name)) return false;
        } else if (strcmp(key, "tables") == 0) {
            if (v->type != JX_JN_ARRAY || v->count == 0 || v->count > 16)
                return jx_rf_fail(c, v, "sets.tables 应为 1 到 16 个表键的数组");
            for (size_t j = 0; j < v->count; j++) {
                if (!get_str(c, v->items[j], "sets.tables", s->tables[j], sizeof s->tables[j]))
                    return false;
                if (!jx_ac_kind_find(r, s->tables[j]))
                    return jx_rf_fail(c, v->items[j], "sets.tables 中的 \"%s\" 不在 tables 中",
                                      s->tables[j]);
            }
            s->n_tables = (int)v->count;
        } else if (!ignorable(key)) {
            return unknown(c, n, i, "sets");
        }
    }
    if (!s->name[0] || !s->n_tables) return jx_rf_fail(c, n, "sets 的每一项须有 name 和 tables");
    return true;
}

static bool apply_root(ctx *c, const jx_jnode *root, jx_ac_rules *r)
{
    if (root->type != JX_JN_OBJECT) return jx_rf_fail(c, root, "规则集应为一个 JSON 对象 {…}");
    const jx_jnode *kind = jx_jnode_get(root, "kind");
    if (!kind || kind->type != JX_JN_STRING || strcmp(kind->text, "accounts") != 0)
        return jx_rf_fail(c, kind ? kind : root, "不是决算规则集 (须有 \"kind\": \"accounts\")");
    const jx_jnode *tables = NULL, *sets = NULL;
    for (size_t i = 0; i < root->count; i++) {
        const char *key = root->keys[i];
        const jx_jnode *v = root->items[i];
        if (strcmp(key, "kind") == 0) continue;
        if (strcmp(key, "name") == 0) {
            if (!get_str(c, v, "name", r->name, sizeof r->name)) return false;
        } else if (strcmp(key, "title") == 0) {
            if (!get_str(c, v, "title", r->title, sizeof r->title)) return false;
        } else if (strcmp(key, "tolerance") == 0) {
            if (v->type != JX_JN_NUMBER ||
                !jx_dec_parse(v->text, strlen(v->text), &r->tolerance, NULL) || r->tolerance < 0 ||
                r->tolerance > JX_DEC(100))
                return jx_rf_fail(c, v, "tolerance 应为 0 到 100 之间的数字 (万元)");
        } else if (strcmp(key, "rate_decimals") == 0) {
            jx_dec d;
            if (v->type != JX_JN_NUMBER || !jx_dec_parse(v->text, strlen(v->text), &d, NULL) ||
                d < 0 || d > JX_DEC(4) || d % JX_DEC_SCALE)
                return jx_rf_fail(c, v, "rate_decimals 应为 0 到 4 的整数");
            r->rate_decimals = (int)(d / JX_DEC_SCALE);
        } else if (strcmp(key, "tables") == 0) {
            tables = v;
        } else if (strcmp(key, "sets") == 0) {
            sets = v;
        } else if (!ignorable(key)) {
            return unknown(c, root, i, "规则集");
        }
    }
    if (!tables || tables->type != JX_JN_ARRAY || tables->count == 0 ||
        tables->count > JX_AC_MAX_KINDS)
        return jx_rf_fail(c, tables ? tables : root, "须有 tables: 1 到 %d 张表的数组",
                          JX_AC_MAX_KINDS);
    for (size_t i = 0; i < tables->count; i++) {
        if (!apply_kind(c, tables->items[i], &r->kinds[i])) return false;
        if (jx_ac_kind_find(r, r->kinds[i].key))
            return jx_rf_fail(c, tables->items[i], "表键 \"%s\" 重复", r->kinds[i].key);
        r->n_kinds = (int)i + 1;
    }
    if (sets) {
        if (sets->type != JX_JN_ARRAY || sets->count > JX_AC_MAX_SETS)
            return jx_rf_fail(c, sets, "sets 应为至多 %d 项的数组", JX_AC_MAX_SETS);
        for (size_t i = 0; i < sets->count; i++)
            if (!apply_set(c, sets->items[i], r, &r->sets[i])) return false;
        r->n_sets = (int)sets->count;
    }
    if (!r->name[0]) return jx_rf_fail(c, root, "须有 name");
    return true;
}

bool jx_ac_rules_load(const char *name_or_path, jx_ac_rules *out, char *err, size_t errlen)
{
    ctx c = {err, errlen, name_or_path};
    memset(out, 0, sizeof *out);
    out->tolerance = JX_DEC(1) / 100;
    out->rate_decimals = 2;
    char path[700];
    if (!jx_rules_locate(name_or_path, path, sizeof path)) {
        snprintf(err, errlen, "找不到决算规则集 \"%s\" (unknown rule set)", name_or_path);
        return false;
    }
    char *text;
    size_t len;
    if (!jx_rules_read_file(path, &text, &len)) {
        snprintf(err, errlen, "%s: 无法读取规则集文件 (cannot read rule-set file)", path);
        return false;
    }
    c.file = path;
    jx_arena arena;
    jx_arena_init(&arena);
    jx_jreader rd;
    jx_jreader_init_mem(&rd, text, len);
    jx_jtok first = jx_jreader_next(&rd);
    jx_jnode *root = first == JX_JT_ERROR ? NULL : jx_json_tree(&rd, first, &arena);
    bool ok;
    if (!root) {
        snprintf(err, errlen, "%s:%ld:%ld: JSON 错误: %s", path, rd.error_line, rd.error_col,
                 rd.error);
        ok = false;
    } else {
        ok = apply_root(&c, root, out);
    }
    jx_jreader_free(&rd);
    jx_arena_free(&arena);
    free(text);
    return ok;
}

const jx_ac_kind *jx_ac_kind_find(const jx_ac_rules *r, const char *key)
{
    for (int i = 0; i < r->n_kinds; i++)
        if (strcmp(r->kinds[i].key, key) == 0) return &r->kinds[i];
    return NULL;
}
