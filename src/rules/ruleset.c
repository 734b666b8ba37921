/* ruleset.c — loading rule-set files; see ruleset.h and docs/rules.md.
 *
 * Search order for a name: $JIXIAO_RULES_PATH (colon-separated folders), the
 * rules/ folder beside the executable's parent (../rules), the folder fixed
 * at build time (JX_RULES_DIR), then the built-in copy of mof-2020.
 * A field the loader does not know is an error, so a typo in a rule file
 * cannot silently fall back to a default.
 */
#include "ruleset.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/arena.h"
#include "../base/text.h"
#include "../json/reader.h"
#include "rulefile.h"

#ifndef JX_RULES_DIR
#define JX_RULES_DIR "rules"
#endif

extern const char jx_builtin_mof_2020[]; /* generated from rules/mof-2020.json */

#define MAX_EXTENDS 8

typedef jx_rulefile ctx;

static bool get_dec(ctx *c, const jx_jnode *n, const char *what, jx_dec *out, bool nullable)
{
    if (n->type == JX_JN_NULL && nullable) {
        *out = JX_NONE;
        return true;
    }
    if (n->type != JX_JN_NUMBER || !jx_dec_parse(n->text, strlen(n->text), out, NULL))
        return jx_rf_fail(c, n, "%s 应为数字 (a plain decimal number)%s", what,
                          nullable ? " 或 null" : "");
    return true;
}

static bool get_bool(ctx *c, const jx_jnode *n, const char *what, bool *out)
{
    if (n->type != JX_JN_BOOL) return jx_rf_fail(c, n, "%s 应为 true 或 false", what);
    *out = n->boolean;
    return true;
}

static bool get_str(ctx *c, const jx_jnode *n, const char *what, char *out, size_t cap)
{
    if (n->type != JX_JN_STRING) return jx_rf_fail(c, n, "%s 应为字符串", what);
    if (strlen(n->text) >= cap) return jx_rf_fail(c, n, "%s 过长", what);
    snprintf(out, cap, "%s", n->text);
    return true;
}

/* Pick one of `names` for a string field. */
static bool get_enum(ctx *c, const jx_jnode *n, const char *what, const char *const *names,
                     int count, int *out)
{
    if (n->type == JX_JN_STRING)
        for (int i = 0; i < count; i++)
            if (strcmp(n->text, names[i]) == 0) {
                *out = i;
                return true;
            }
    char list[256] = "";
    for (int i = 0; i < count; i++) {
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, names[i], sizeof list - strlen(list) - 1);
    }
    return jx_rf_fail(c, n, "%s 应为以下之一: %s", what, list);
}

static int level_index(const char *name)
{
    if (strcmp(name, "达成") == 0) return JX_LEVEL_MET;
    if (strcmp(name, "部分达成") == 0) return JX_LEVEL_PARTIAL;
    if (strcmp(name, "未达成") == 0) return JX_LEVEL_NOT_MET;
    return -1;
}

static bool expect_object(ctx *c, const jx_jnode *n, const char *what)
{
    return n->type == JX_JN_OBJECT ? true : jx_rf_fail(c, n, "%s 应为对象 {…}", what);
}

static bool unknown(ctx *c, const jx_jnode *at, const char *section, const char *key)
{
    return jx_rf_unknown(c, at, section, key, "docs/rules.md");
}

static bool apply_weights(ctx *c, const jx_jnode *n, jx_rules *r)
{
    if (!expect_object(c, n, "weights")) return false;
    for (size_t i = 0; i < n->count; i++) {
        const char *k = n->keys[i];
        const jx_jnode *v = n->items[i];
        if (strcmp(k, "total") == 0) {
            if (!get_dec(c, v, "weights.total", &r->total_weight, false)) return false;
        } else if (strcmp(k, "execution") == 0) {
            if (!get_dec(c, v, "weights.execution", &r->execution_weight, false)) return false;
        } else if (strcmp(k, "indicators") == 0) {
            if (!get_dec(c, v, "weights.indicators", &r->indicators_weight, true)) return false;
        } else if (strcmp(k, "level1") == 0) {
            if (v->type != JX_JN_OBJECT)
                return jx_rf_fail(c, v, "weights.level1 应为对象 {\"产出指标\": 50, …}");
            for (size_t j = 0; j < v->count; j++) {
                int idx = -1;
                for (int q = 0; q < r->n_level1; q++)
                    if (strcmp(r->level1[q].name, v->keys[j]) == 0) idx = q;
                if (idx < 0) {
                    if (r->n_level1 == JX_RULES_MAX_LEVEL1) return jx_rf_fail(c, v, "一级指标过多");
                    idx = r->n_level1++;
                    snprintf(r->level1[idx].name, JX_RULES_NAME, "%s", v->keys[j]);
                    r->level1[idx].n_level2 = 0;
                }
                if (!get_dec(c, v->items[j], "weights.level1", &r->level1[idx].weight, true))
                    return false;
            }
        } else {
            return unknown(c, v, "weights", k);
        }
    }
    return true;
}

static bool apply_hierarchy(ctx *c, const jx_jnode *n, jx_rules *r)
{
    if (!expect_object(c, n, "hierarchy")) return false;
    for (size_t i = 0; i < n->count; i++) {
        const jx_jnode *list = n->items[i];
        if (list->type != JX_JN_ARRAY)
            return jx_rf_fail(c, list, "hierarchy 的每一项应为二级指标名称数组");
        int idx = -1;
        for (int q = 0; q < r->n_level1; q++)
            if (strcmp(r->level1[q].name, n->keys[i]) == 0) idx = q;
        if (idx < 0) {
            if (r->n_level1 == JX_RULES_MAX_LEVEL1) return jx_rf_fail(c, list, "一级指标过多");
            idx = r->n_level1++;
            snprintf(r->level1[idx].name, JX_RULES_NAME, "%s", n->keys[i]);
            r->level1[idx].weight = JX_NONE;
        }
        if (list->count > JX_RULES_MAX_LEVEL2)
            return jx_rf_fail(c, list, "二级指标过多 (最多 %d)", JX_RULES_MAX_LEVEL2);
        r->level1[idx].n_level2 = 0;
        for (size_t j = 0; j < list->count; j++)
            if (!get_str(c, list->items[j], "二级指标名称",
                         r->level1[idx].level2[r->level1[idx].n_level2++], JX_RULES_NAME))
                return false;
    }
    return true;
}

static bool apply_levels(ctx *c, const jx_jnode *n, const char *what, jx_dec *lo, jx_dec *hi)
{
    if (!expect_object(c, n, what)) return false;
    for (size_t i = 0; i < n->count; i++) {
        int li = level_index(n->keys[i]);
        if (li < 0) return jx_rf_fail(c, n->items[i], "%s 的键应为 达成 / 部分达成 / 未达成", what);
        const jx_jnode *v = n->items[i];
        if (hi) {
            if (v->type != JX_JN_ARRAY || v->count != 2)
                return jx_rf_fail(c, v, "%s 应为 [下限, 上限]", what);
            if (!get_dec(c, v->items[0], what, &lo[li], false) ||
                !get_dec(c, v->items[1], what, &hi[li], false))
                return false;
        } else if (!get_dec(c, v, what, &lo[li], false)) {
            return false;
        }
    }
    return true;
}

static bool apply(ctx *c, const jx_jnode *root, jx_rules *r);

static bool apply_section(ctx *c, const char *k, const jx_jnode *v, jx_rules *r)
{
    static const char *const reverse_names[] = {"linear", "ratio"};
    static const char *const equal_names[] = {"positive", "exact"};
    static const char *const over_names[] = {"none", "deviation"};
    static const char *const level_names[] = {"", "达成", "部分达成", "未达成"};
    int e;
    if (strcmp(k, "weights") == 0) return apply_weights(c, v, r);
    if (strcmp(k, "hierarchy") == 0) return apply_hierarchy(c, v, r);
    if (strcmp(k, "execution") == 0) {
        if (!expect_object(c, v, k)) return false;
        for (size_t i = 0; i < v->count; i++) {
            const char *f = v->keys[i];
            if (strcmp(f, "cap") == 0) {
                if (!get_bool(c, v->items[i], "execution.cap", &r->execution_cap)) return false;
            } else if (strcmp(f, "explain_below") == 0) {
                if (!get_dec(c, v->items[i], "execution.explain_below", &r->execution_explain_below,
                             true))
                    return false;
            } else {
                return unknown(c, v->items[i], k, f);
            }
        }
        return true;
    }
    if (strcmp(k, "targets") == 0) {
        if (!expect_object(c, v, k)) return false;
        for (size_t i = 0; i < v->count; i++) {
            const char *f = v->keys[i];
            const jx_jnode *x = v->items[i];
            if (strcmp(f, "reverse") == 0) {
                if (!get_enum(c, x, "targets.reverse", reverse_names, 2, &e)) return false;
                r->reverse = (jx_reverse_formula)e;
            } else if (strcmp(f, "equal") == 0) {
                if (!get_enum(c, x, "targets.equal", equal_names, 2, &e)) return false;
                r->equal = (jx_equal_formula)e;
            } else if (strcmp(f, "strict_at_target_info") == 0) {
                if (!get_bool(c, x, "targets.strict_at_target_info", &r->strict_at_target_info))
                    return false;
            } else {
                return unknown(c, x, k, f);
            }
        }
        return true;
    }
    if (strcmp(k, "qualitative") == 0) {
        if (!expect_object(c, v, k)) return false;
        for (size_t i = 0; i < v->count; i++) {
            const char *f = v->keys[i];
            if (strcmp(f, "bands") == 0) {
                if (!apply_levels(c, v->items[i], "qualitative.bands", r->band_min, r->band_max))
                    return false;
            } else if (strcmp(f, "default") == 0) {
                if (!apply_levels(c, v->items[i], "qualitative.default", r->level_default, NULL))
                    return false;
            } else {
                return unknown(c, v->items[i], k, f);
            }
        }
        return true;
    }
    if (strcmp(k, "deadline") == 0) {
        if (!expect_object(c, v, k)) return false;
        for (size_t i = 0; i < v->count; i++) {
            const char *f = v->keys[i];
            jx_level *dst = strcmp(f, "met") == 0      ? &r->deadline_met
                            : strcmp(f, "missed") == 0 ? &r->deadline_missed
                                                       : NULL;
            if (!dst) return unknown(c, v->items[i], k, f);
            if (!get_enum(c, v->items[i], "deadline 的等级", level_names + 1, 3, &e)) return false;
            *dst = (jx_level)(e + 1);
        }
        return true;
    }
    if (strcmp(k, "over_completion") == 0) {
        if (!expect_object(c, v, k)) return false;
        for (size_t i = 0; i < v->count; i++) {
            const char *f = v->keys[i];
            const jx_jnode *x = v->items[i];
            if (strcmp(f, "threshold") == 0) {
                if (!get_dec(c, x, "over_completion.threshold", &r->over_threshold, true))
                    return false;
            } else if (strcmp(f, "explanation") == 0) {
                if (!get_bool(c, x, "over_completion.explanation", &r->over_needs_reason))
                    return false;
            } else if (strcmp(f, "deduction") == 0) {
                if (!get_enum(c, x, "over_completion.deduction", over_names, 2, &e)) return false;
                r->over_deduction = (jx_over_deduction)e;
            } else {
                return unknown(c, x, k, f);
            }
        }
        return true;
    }
    if (strcmp(k, "grades") == 0) {
        if (v->type != JX_JN_ARRAY || v->count == 0 || v->count > JX_RULES_MAX_GRADES)
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
    if (strcmp(k, "explanation") == 0) {
        if (!expect_object(c, v, k)) return false;
        for (size_t i = 0; i < v->count; i++) {
            if (strcmp(v->keys[i], "below_weight") != 0)
                return unknown(c, v->items[i], k, v->keys[i]);
            if (!get_bool(c, v->items[i], "explanation.below_weight", &r->explain_below_weight))
                return false;
        }
        return true;
    }
    if (strcmp(k, "budget_cut") == 0) {
        if (!expect_object(c, v, k)) return false;
        for (size_t i = 0; i < v->count; i++) {
            const char *f = v->keys[i];
            jx_dec *dst = strcmp(f, "cut_at_least") == 0         ? &r->cut_at_least
                          : strcmp(f, "execution_at_least") == 0 ? &r->cut_execution_at_least
                                                                 : NULL;
            if (!dst) return unknown(c, v->items[i], k, f);
            if (!get_dec(c, v->items[i], f, dst, true)) return false;
        }
        return true;
    }
    if (strcmp(k, "rounding") == 0) {
        if (!expect_object(c, v, k)) return false;
        for (size_t i = 0; i < v->count; i++) {
            const char *f = v->keys[i];
            if (strcmp(f, "decimals") == 0) {
                jx_dec d;
                if (!get_dec(c, v->items[i], "rounding.decimals", &d, false)) return false;
                if (d < 0 || d > JX_DEC(4) || d % JX_DEC_SCALE)
                    return jx_rf_fail(c, v->items[i], "rounding.decimals 应为 0 到 4 的整数");
                r->decimals = (int)(d / JX_DEC_SCALE);
            } else if (strcmp(f, "mode") == 0) {
                static const char *const modes[] = {"half-up"};
                if (!get_enum(c, v->items[i], "rounding.mode", modes, 1, &e)) return false;
            } else {
                return unknown(c, v->items[i], k, f);
            }
        }
        return true;
    }
    return unknown(c, v, "规则集", k);
}

static bool load_text(const char *text, size_t len, const char *file, jx_rules *r, ctx *c,
                      int depth);

static bool apply(ctx *c, const jx_jnode *root, jx_rules *r)
{
    for (size_t i = 0; i < root->count; i++) {
        const char *k = root->keys[i];
        const jx_jnode *v = root->items[i];
        if (strcmp(k, "name") == 0) {
            if (!get_str(c, v, "name", r->name, sizeof r->name)) return false;
        } else if (strcmp(k, "title") == 0) {
            if (!get_str(c, v, "title", r->title, sizeof r->title)) return false;
        } else if (strcmp(k, "extends") == 0 || strcmp(k, "description") == 0 ||
                   strcmp(k, "notes") == 0 || k[0] == '$') {
            continue; /* handled before, or documentation only */
        } else if (!apply_section(c, k, v, r)) {
            return false;
        }
    }
    return true;
}

static void defaults(jx_rules *r)
{
    memset(r, 0, sizeof *r);
    r->total_weight = JX_DEC(100);
    r->execution_weight = JX_DEC(10);
    r->indicators_weight = JX_NONE;
    r->execution_cap = true;
    r->execution_explain_below = JX_NONE;
    r->over_threshold = JX_NONE;
    r->deadline_met = JX_LEVEL_MET;
    r->deadline_missed = JX_LEVEL_PARTIAL;
    r->cut_at_least = r->cut_execution_at_least = JX_NONE;
    r->decimals = 2;
    for (int i = 0; i < 4; i++)
        r->band_min[i] = r->band_max[i] = r->level_default[i] = JX_NONE;
}

bool jx_rules_read_file(const char *path, char **out, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return false;
    size_t cap = 8192, n = 0;
    char *buf = jx_xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            if (cap >= (1u << 22)) break; /* rule files are small; 4 MiB is plenty */
            cap *= 2;
            buf = jx_xrealloc(buf, cap);
        }
    }
    fclose(fp);
    *out = buf;
    *len = n;
    return true;
}

static bool is_path(const char *s)
{
    size_t n = strlen(s);
    return strchr(s, '/') || (n > 5 && strcmp(s + n - 5, ".json") == 0);
}

/* Folders to search, in order. */
static int search_dirs(char dirs[][512], int max)
{
    int n = 0;
    const char *env = getenv("JIXIAO_RULES_PATH");
    if (env && *env) {
        const char *p = env;
        while (*p && n < max - 3) {
            const char *colon = strchr(p, ':');
            size_t len = colon ? (size_t)(colon - p) : strlen(p);
            if (len && len < 511) {
                memcpy(dirs[n], p, len);
                dirs[n++][len] = '\0';
            }
            if (!colon) break;
            p = colon + 1;
        }
    }
    char exe[400];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(dirs[n++], 512, "%s/../rules", exe);
            snprintf(dirs[n++], 512, "%s/../share/jixiao/rules", exe);
        }
    }
    snprintf(dirs[n++], 512, "%s", JX_RULES_DIR);
    return n;
}

static bool find_named(const char *name, char *path, size_t cap)
{
    char dirs[12][512];
    int n = search_dirs(dirs, 12);
    for (int i = 0; i < n; i++) {
        if ((size_t)snprintf(path, cap, "%.511s/%.63s.json", dirs[i], name) >= cap) continue;
        if (access(path, R_OK) == 0) return true;
    }
    return false;
}

static bool valid_name(const char *name)
{
    if (!*name || strlen(name) >= JX_RULES_NAME) return false;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_'))
            return false;
    return true;
}

bool jx_rules_locate(const char *name, char *path, size_t cap)
{
    if (is_path(name)) return (size_t)snprintf(path, cap, "%s", name) < cap;
    return valid_name(name) && find_named(name, path, cap);
}

static bool load_named(const char *name, jx_rules *r, ctx *c, int depth)
{
    char path[600 + JX_RULES_NAME];
    if (!jx_rules_locate(name, path, sizeof path)) {
        if (strcmp(name, "mof-2020") == 0)
            return load_text(jx_builtin_mof_2020, strlen(jx_builtin_mof_2020), "(内置 mof-2020)", r,
                             c, depth);
        char list[512];
        jx_rules_list(list, sizeof list);
        snprintf(c->err, c->errlen, "找不到规则集 \"%s\" (unknown rule set). 可用的规则集: %s",
                 name, list[0] ? list : "mof-2020");
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

static bool load_text(const char *text, size_t len, const char *file, jx_rules *r, ctx *c,
                      int depth)
{
    if (depth > MAX_EXTENDS) {
        snprintf(c->err, c->errlen, "%s: 规则集的 extends 嵌套过深或循环 (extends loop)", file);
        return false;
    }
    const char *saved_file = c->file;
    c->file = file;
    jx_arena arena;
    jx_arena_init(&arena);
    jx_jreader *rd = jx_xmalloc(sizeof *rd);
    jx_jreader_init_mem(rd, text, len);
    jx_jtok t = jx_jreader_next(rd);
    jx_jnode *root = t == JX_JT_ERROR ? NULL : jx_json_tree(rd, t, &arena);
    bool ok = false;
    if (root && jx_jreader_next(rd) != JX_JT_EOF) root = NULL;
    if (!root) {
        snprintf(c->err, c->errlen, "%s:%ld:%ld: 规则集不是有效的 JSON: %s", file, rd->error_line,
                 rd->error_col, rd->error);
    } else if (root->type != JX_JN_OBJECT) {
        jx_rf_fail(c, root, "规则集应为一个 JSON 对象 {…}");
    } else {
        const jx_jnode *ext = jx_jnode_get(root, "extends");
        ok = true;
        if (ext) {
            if (ext->type != JX_JN_STRING)
                ok = jx_rf_fail(c, ext, "extends 应为规则集名称");
            else
                ok = load_named(ext->text, r, c, depth + 1);
            c->file = file;
        }
        if (ok) ok = apply(c, root, r);
        if (ok && !jx_jnode_get(root, "name")) {
            /* a set that does not name itself is called after its file, not its parent */
            const char *base = strrchr(file, '/');
            base = base ? base + 1 : file;
            size_t bl = strlen(base);
            if (bl > 5 && strcmp(base + bl - 5, ".json") == 0) bl -= 5;
            snprintf(r->name, sizeof r->name, "%.*s",
                     (int)(bl < JX_RULES_NAME ? bl : JX_RULES_NAME - 1), base);
        }
        if (ok) snprintf(r->source, sizeof r->source, "%s", file);
    }
    jx_jreader_free(rd);
    free(rd);
    jx_arena_free(&arena);
    c->file = saved_file;
    return ok;
}

/* After loading: everything the scorer needs must be set. */
static bool validate(jx_rules *r, ctx *c)
{
    for (int l = JX_LEVEL_MET; l <= JX_LEVEL_NOT_MET; l++) {
        if (!jx_has(r->band_min[l]) || !jx_has(r->band_max[l]) || !jx_has(r->level_default[l]))
            return jx_rf_fail(
                c, NULL,
                "qualitative.bands 与 qualitative.default 必须给出 达成、部分达成、未达成 三档");
        if (r->band_min[l] > r->band_max[l])
            return jx_rf_fail(c, NULL, "qualitative.bands 的下限大于上限");
    }
    if (r->n_grades == 0) return jx_rf_fail(c, NULL, "缺少 grades (等级划分)");
    if (!r->name[0]) return jx_rf_fail(c, NULL, "缺少 name");
    return true;
}

bool jx_rules_load(const char *name_or_path, jx_rules *out, char *err, size_t errlen)
{
    ctx c = {err, errlen, name_or_path};
    defaults(out);
    if (!load_named(name_or_path, out, &c, 0)) return false;
    return validate(out, &c);
}

bool jx_rules_default(jx_rules *out, char *err, size_t errlen)
{
    return jx_rules_load("mof-2020", out, err, errlen);
}

static int cmp_names(const void *x, const void *y)
{
    return strcmp((const char *)x, (const char *)y);
}

void jx_rules_list(char *buf, size_t len)
{
    char names[64][JX_RULES_NAME];
    int count = 0;
    char dirs[12][512];
    int n = search_dirs(dirs, 12);
    for (int i = 0; i < n; i++) {
        DIR *d = opendir(dirs[i]);
        if (!d) continue;
        struct dirent *e;
        while ((e = readdir(d)) != NULL && count < 64) {
            size_t nl = strlen(e->d_name);
            if (nl <= 5 || nl - 5 >= JX_RULES_NAME || strcmp(e->d_name + nl - 5, ".json") != 0)
                continue;
            char name[JX_RULES_NAME];
            snprintf(name, sizeof name, "%.*s", (int)(nl - 5), e->d_name);
            bool seen = false; /* a name in an earlier folder wins */
            for (int k = 0; k < count && !seen; k++)
                seen = strcmp(names[k], name) == 0;
            if (!seen) memcpy(names[count++], name, sizeof name);
        }
        closedir(d);
    }
    qsort(names, (size_t)count, sizeof names[0], cmp_names);
    buf[0] = '\0';
    size_t used = 0;
    for (int k = 0; k < count; k++) {
        size_t nl = strlen(names[k]);
        if (used + nl + 2 > len) break;
        if (used) buf[used++] = ' ';
        memcpy(buf + used, names[k], nl + 1);
        used += nl;
    }
}

const char *jx_rules_grade(const jx_rules *r, jx_dec total)
{
    if (!jx_has(total) || r->n_grades == 0) return NULL;
    for (int i = 0; i < r->n_grades; i++)
        if (total >= r->grades[i].min) return r->grades[i].name;
    return r->grades[r->n_grades - 1].name;
}

/* Copy s without whitespace into out (cap bytes). */
static void squeezed(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') continue;
        out[n++] = *s;
    }
    out[n] = '\0';
    jx_text_squeeze(out); /* full-width and no-break spaces too */
}

/* Compare names ignoring whitespace and a trailing "指标" on either side. */
static bool same_name(const char *a, const char *b)
{
    char x[256], y[256];
    if (strcmp(a, b) == 0) return true;
    /* different first characters (whitespace skipped): not the same name (hot path) */
    const char *pa = a, *pb = b;
    while (*pa == ' ' || *pa == '\t' || *pa == '\n')
        pa++;
    while (*pb == ' ' || *pb == '\t' || *pb == '\n')
        pb++;
    if (*pa != *pb && (unsigned char)*pa != 0xE3 && (unsigned char)*pb != 0xE3) return false;
    squeezed(a, x, sizeof x);
    squeezed(b, y, sizeof y);
    static const char suffix[] = "指标";
    size_t sl = strlen(suffix), xl = strlen(x), yl = strlen(y);
    if (xl > sl && strcmp(x + xl - sl, suffix) == 0) x[xl - sl] = '\0';
    if (yl > sl && strcmp(y + yl - sl, suffix) == 0) y[yl - sl] = '\0';
    return strcmp(x, y) == 0;
}

int jx_rules_level1(const jx_rules *r, const char *name)
{
    if (!name) return -1;
    for (int i = 0; i < r->n_level1; i++)
        if (same_name(r->level1[i].name, name)) return i;
    return -1;
}

bool jx_rules_level2_ok(const jx_rules *r, int level1, const char *level2)
{
    if (level1 < 0 || level1 >= r->n_level1 || !level2) return false;
    for (int j = 0; j < r->level1[level1].n_level2; j++)
        if (same_name(r->level1[level1].level2[j], level2)) return true;
    return false;
}

int jx_rules_level1_of(const jx_rules *r, const char *level2)
{
    for (int i = 0; i < r->n_level1; i++)
        if (jx_rules_level2_ok(r, i, level2)) return i;
    return -1;
}
