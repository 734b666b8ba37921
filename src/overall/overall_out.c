/* overall_out.c — the whole-department evaluation written out: the JSON of
 * SPEC §11 (`jixiao overall --json`, extensions in docs/overall.md) and a
 * table for a person, columns aligned by terminal width (CJK takes two).
 */
#include <stdio.h>
#include <string.h>

#include "../base/text.h"
#include "../export/json_out.h"
#include "../json/writer.h"
#include "overall.h"

/* ---- JSON ----------------------------------------------------------------------- */

static void write_parts(jx_jwriter *w, const jx_ov_result *r)
{
    jx_jw_key(w, "parts");
    jx_jw_arr_begin(w);
    for (int k = 0; k < r->n_parts; k++) {
        jx_jw_obj_begin(w);
        jx_jw_key(w, "name");
        jx_jw_str(w, r->parts[k].name);
        jx_jw_key(w, "weight");
        jx_jw_dec(w, r->parts[k].weight);
        jx_jw_key(w, "value");
        jx_jw_dec(w, r->parts[k].value);
        jx_jw_key(w, "score_rule");
        jx_jw_dec(w, r->parts[k].score);
        jx_jw_obj_end(w);
    }
    jx_jw_arr_end(w);
}

static void write_indicator(jx_jwriter *w, const jx_ov_result *r)
{
    jx_jw_obj_begin(w);
    jx_jw_key(w, "level1");
    jx_jw_str(w, r->level1);
    jx_jw_key(w, "level2");
    jx_jw_str(w, r->level2);
    jx_jw_key(w, "name");
    jx_jw_str(w, r->name);
    jx_jw_key(w, "weight");
    jx_jw_dec(w, r->weight);
    jx_jw_key(w, "score_claimed");
    jx_jw_dec(w, r->score_claimed);
    jx_jw_key(w, "score_rule");
    jx_jw_dec(w, r->score_rule);
    jx_jw_key(w, "value");
    jx_jw_dec(w, r->value);
    jx_jw_key(w, "kind");
    jx_jw_str(w, r->kind);
    jx_jw_key(w, "value_stated");
    jx_jw_dec(w, r->value_stated);
    if (r->n_parts > 1) write_parts(w, r);
    jx_jw_key(w, "justification");
    jx_jw_str(w, r->justification);
    jx_jw_obj_end(w);
}

static void write_levels(jx_jwriter *w, const jx_overall *o)
{
    jx_jw_key(w, "levels");
    jx_jw_arr_begin_lines(w);
    for (size_t i = 0; i < o->n_totals; i++) {
        const jx_ov_level_total *t = &o->totals[i];
        jx_jw_obj_begin(w);
        jx_jw_key(w, "level1");
        jx_jw_str(w, t->level1);
        jx_jw_key(w, "level2");
        jx_jw_str(w, t->level2);
        jx_jw_key(w, "weight");
        jx_jw_dec(w, t->weight);
        jx_jw_key(w, "weight_stated");
        jx_jw_dec(w, t->weight_stated);
        jx_jw_key(w, "score_claimed");
        jx_jw_dec(w, t->score_claimed);
        jx_jw_key(w, "score_rule");
        jx_jw_dec(w, t->score_rule);
        jx_jw_obj_end(w);
    }
    jx_jw_arr_end(w);
}

static void write_sections(jx_jwriter *w, const jx_overall *o)
{
    jx_jw_key(w, "sections");
    jx_jw_arr_begin_lines(w);
    for (size_t i = 0; i < o->n_sections; i++) {
        jx_jw_obj_begin(w);
        jx_jw_key(w, "title");
        jx_jw_str(w, o->sections[i].title);
        jx_jw_key(w, "score_stated");
        jx_jw_dec(w, o->sections[i].score);
        jx_jw_key(w, "line");
        jx_jw_int(w, o->sections[i].line);
        jx_jw_obj_end(w);
    }
    jx_jw_arr_end(w);
}

static void write_head(jx_jwriter *w, const jx_overall *o)
{
    jx_jw_key(w, "source");
    jx_jw_str(w, o->source);
    jx_jw_key(w, "rules");
    jx_jw_str(w, o->rules_name);
    jx_jw_key(w, "year");
    if (o->year)
        jx_jw_int(w, o->year);
    else
        jx_jw_null(w);
    jx_jw_key(w, "total_claimed");
    jx_jw_dec(w, o->total_claimed);
    jx_jw_key(w, "total_text");
    jx_jw_dec(w, o->total_text);
    jx_jw_key(w, "total_recomputed");
    jx_jw_dec(w, o->total_recomputed);
    jx_jw_key(w, "total_rule");
    jx_jw_dec(w, o->total_rule);
    jx_jw_key(w, "grade_claimed");
    jx_jw_str(w, o->grade_claimed);
    jx_jw_key(w, "grade_rule");
    jx_jw_str(w, o->grade_rule);
}

void jx_overall_write_json(FILE *out, const jx_overall *o, bool compact)
{
    static jx_jwriter w;
    jx_jw_init(&w, out, compact ? 0 : 2);
    jx_jw_obj_begin(&w);
    write_head(&w, o);
    jx_jw_key(&w, "indicators");
    jx_jw_arr_begin_lines(&w);
    for (size_t i = 0; i < o->n_results; i++)
        write_indicator(&w, &o->results[i]);
    jx_jw_arr_end(&w);
    write_levels(&w, o);
    write_sections(&w, o);
    jx_jw_key(&w, "base");
    jx_jw_obj_begin(&w);
    for (size_t i = 0; i < o->n_figures; i++) {
        jx_jw_key(&w, o->figures[i].key);
        jx_jw_dec(&w, o->figures[i].value);
    }
    jx_jw_obj_end(&w);
    jx_jw_key(&w, "findings");
    jx_jw_arr_begin_lines(&w);
    for (size_t i = 0; i < o->n_findings; i++)
        jx_json_write_finding(&w, &o->findings[i]);
    jx_jw_arr_end(&w);
    jx_jw_obj_end(&w);
    jx_jw_flush(&w);
    fputc('\n', out);
}

/* ---- text ----------------------------------------------------------------------------- */

/* s in exactly `width` columns, cut with "…" when longer. */
static void cell(FILE *out, const char *s, int width, bool right)
{
    if (!s) s = "";
    int w = jx_text_width(s);
    if (w > width) {
        size_t fit = jx_text_fit(s, width - 1);
        fwrite(s, 1, fit, out);
        fputs("…", out);
        for (int i = jx_text_width(s) - jx_text_width(s + fit) + 1; i < width; i++)
            fputc(' ', out);
        return;
    }
    if (right)
        for (int i = w; i < width; i++)
            fputc(' ', out);
    fputs(s, out);
    if (!right)
        for (int i = w; i < width; i++)
            fputc(' ', out);
}

static int widest(const jx_overall *o, int which, int lo, int hi)
{
    int w = lo;
    for (size_t i = 0; i < o->n_results; i++) {
        const jx_ov_result *r = &o->results[i];
        const char *s = which == 0 ? r->level1 : which == 1 ? r->level2 : r->name;
        int x = jx_text_width(s ? s : "");
        if (x > w) w = x;
    }
    return w > hi ? hi : w;
}

static const char *num(jx_dec v, char *buf)
{
    return jx_has(v) ? jx_dec_fmt(v, buf) : "—";
}

static void indicator_table(FILE *out, const jx_overall *o)
{
    int w1 = widest(o, 0, 8, 12), w2 = widest(o, 1, 8, 12), wn = widest(o, 2, 8, 26);
    char a[JX_DEC_BUF], b[JX_DEC_BUF], c[JX_DEC_BUF], d[JX_DEC_BUF + 2];
    fputs("  ", out);
    cell(out, "一级指标", w1, false);
    fputs("  ", out);
    cell(out, "二级指标", w2, false);
    fputs("  ", out);
    cell(out, "指标", wn, false);
    fputs("    分值    自评    规则      指标值  类型\n", out);
    for (size_t i = 0; i < o->n_results; i++) {
        const jx_ov_result *r = &o->results[i];
        fputs("  ", out);
        cell(out, r->level1, w1, false);
        fputs("  ", out);
        cell(out, r->level2, w2, false);
        fputs("  ", out);
        cell(out, r->name, wn, false);
        snprintf(d, sizeof d, "%s%s", num(r->value, c), jx_has(r->value) ? "%" : "");
        fprintf(out, "  ");
        cell(out, num(r->weight, a), 6, true);
        fputs("  ", out);
        cell(out, num(r->score_claimed, b), 6, true);
        fputs("  ", out);
        cell(out, num(r->score_rule, c), 6, true);
        fputs("  ", out);
        cell(out, d, 10, true);
        const char *kind = strcmp(r->kind, "formula") == 0     ? "公式"
                           : strcmp(r->kind, "judgement") == 0 ? "评判"
                                                               : "未知";
        fprintf(out, "  %s", kind);
        for (int k = 0; r->n_parts > 1 && k < r->n_parts; k++)
            fprintf(out, "%s%s %s%% → %s", k ? "; " : " (", r->parts[k].name,
                    num(r->parts[k].value, a), num(r->parts[k].score, b));
        fputs(r->n_parts > 1 ? ")\n" : "\n", out);
    }
}

static void level_table(FILE *out, const jx_overall *o)
{
    char a[JX_DEC_BUF], b[JX_DEC_BUF], c[JX_DEC_BUF];
    fputs("\n  分级小计 (subtotals)              分值    自评    规则\n", out);
    for (size_t i = 0; i < o->n_totals; i++) {
        const jx_ov_level_total *t = &o->totals[i];
        if (t->level2) continue;
        fputs("  ", out);
        cell(out, t->level1, 30, false);
        fprintf(out, "  %6s  %6s  %6s\n", num(t->weight, a), num(t->score_claimed, b),
                num(t->score_rule, c));
        for (size_t k = 0; k < o->n_totals; k++) {
            const jx_ov_level_total *s = &o->totals[k];
            if (!s->level2 || strcmp(s->level1, t->level1) != 0) continue;
            fputs("    ", out);
            cell(out, s->level2, 28, false);
            fprintf(out, "  %6s  %6s  %6s\n", num(s->weight, a), num(s->score_claimed, b),
                    num(s->score_rule, c));
        }
    }
}

static void findings(FILE *out, const jx_overall *o)
{
    static const char *const names[] = {"提示", "警告", "错误"};
    for (int sev = JX_SEV_ERROR; sev >= JX_SEV_INFO; sev--) {
        if (!jx_ov_count(o, (jx_severity)sev)) continue;
        fprintf(out, "\n  %s (%s):\n", names[sev], jx_severity_name((jx_severity)sev));
        for (size_t i = 0; i < o->n_findings; i++) {
            const jx_finding *f = &o->findings[i];
            if ((int)f->severity != sev) continue;
            fprintf(out, "    %-26s %s\n", f->code, f->message);
        }
    }
}

void jx_overall_write_text(FILE *out, const jx_overall *o)
{
    char a[JX_DEC_BUF], b[JX_DEC_BUF], c[JX_DEC_BUF], d[JX_DEC_BUF];
    fprintf(out, "══ %s ══  部门整体支出绩效自评 (规则集 %s)\n", o->source ? o->source : "",
            o->rules_name ? o->rules_name : "");
    if (o->year) fprintf(out, "  年度 %d\n", o->year);
    indicator_table(out, o);
    level_table(out, o);
    fprintf(out, "\n  总分 total: 表中合计 %s; 报告所写 %s; 各项自评相加 %s; 按规则 %s → %s\n",
            num(o->total_claimed, a), num(o->total_text, b), num(o->total_recomputed, c),
            num(o->total_rule, d), o->grade_rule ? o->grade_rule : "—");
    if (o->n_sections) {
        fputs("  报告各部分得分 (sections):", out);
        for (size_t i = 0; i < o->n_sections; i++)
            fprintf(out, " %s %s;", o->sections[i].title, num(o->sections[i].score, a));
        fputc('\n', out);
    }
    findings(out, o);
    fprintf(out, "\n合计: 错误 %zu, 警告 %zu, 提示 %zu\n", jx_ov_count(o, JX_SEV_ERROR),
            jx_ov_count(o, JX_SEV_WARNING), jx_ov_count(o, JX_SEV_INFO));
}
