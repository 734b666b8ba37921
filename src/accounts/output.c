/* output.c — a checked 决算 document as SPEC §11 JSON, as a listing for a
 * person, and the tables as they were read (for checking the reader). */
#include <string.h>

#include "../base/text.h"
#include "../export/json_out.h"
#include "../json/writer.h"
#include "accounts.h"

void jx_accounts_write_json(jx_jwriter *w, const jx_accounts *a)
{
    jx_jw_obj_begin(w);
    jx_jw_key(w, "source");
    jx_jw_str(w, a->source);
    jx_jw_key(w, "unit");
    jx_jw_str(w, a->unit_name);
    jx_jw_key(w, "year");
    if (a->year)
        jx_jw_int(w, a->year);
    else
        jx_jw_null(w);
    jx_jw_key(w, "table_set");
    jx_jw_str(w, a->set);
    jx_jw_key(w, "tables");
    jx_jw_arr_begin_lines(w);
    for (size_t i = 0; i < a->n_tables; i++) {
        const jx_ac_table *t = &a->tables[i];
        jx_jw_obj_begin(w);
        jx_jw_key(w, "name");
        jx_jw_str(w, t->title);
        jx_jw_key(w, "rows");
        jx_jw_int(w, (long long)t->n_rows);
        jx_jw_key(w, "kind");
        jx_jw_str(w, t->kind);
        jx_jw_key(w, "number");
        jx_jw_str(w, t->number);
        jx_jw_key(w, "amount_unit");
        jx_jw_str(w, t->yuan ? "元" : "万元");
        jx_jw_key(w, "empty");
        jx_jw_bool(w, t->said_empty);
        jx_jw_obj_end(w);
    }
    jx_jw_arr_end(w);
    jx_jw_key(w, "identities");
    jx_jw_obj_begin(w);
    jx_jw_key(w, "checked");
    jx_jw_int(w, (long long)a->identities_checked);
    jx_jw_key(w, "failed");
    jx_jw_int(w, (long long)a->identities_failed);
    jx_jw_obj_end(w);
    jx_jw_key(w, "statements");
    jx_jw_obj_begin(w);
    jx_jw_key(w, "found");
    jx_jw_int(w, (long long)a->statements_found);
    jx_jw_key(w, "verified");
    jx_jw_int(w, (long long)a->statements_verified);
    jx_jw_key(w, "failed");
    jx_jw_int(w, (long long)a->statements_failed);
    jx_jw_key(w, "unchecked");
    jx_jw_int(w, (long long)a->statements_unchecked);
    jx_jw_obj_end(w);
    jx_jw_key(w, "findings");
    jx_jw_arr_begin_lines(w);
    for (size_t i = 0; i < a->n_findings; i++) {
        const jx_ac_finding *f = &a->findings[i];
        jx_jw_obj_begin(w);
        jx_json_write_finding_members(w, &f->f);
        jx_jw_key(w, "table");
        jx_jw_str(w, f->table);
        jx_jw_key(w, "line");
        if (f->line)
            jx_jw_int(w, f->line);
        else
            jx_jw_null(w);
        jx_jw_obj_end(w);
    }
    jx_jw_arr_end(w);
    jx_jw_obj_end(w);
}

static void findings_of(FILE *out, const jx_accounts *a, jx_severity sev, const char *title)
{
    size_t n = jx_ac_count(a, sev);
    if (!n) return;
    fprintf(out, "  %s (%zu):\n", title, n);
    size_t rounding = 0; /* ACCT-ROUNDING notes: the first few, then a count */
    for (size_t i = 0; i < a->n_findings; i++) {
        const jx_ac_finding *f = &a->findings[i];
        if (f->f.severity != sev) continue;
        if (strcmp(f->f.code, "ACCT-ROUNDING") == 0 && ++rounding > 5) continue;
        fprintf(out, "    [%s]", f->f.code);
        if (f->line) fprintf(out, " 第%ld行", f->line);
        if (f->table) fprintf(out, " %s", f->table);
        fprintf(out, ": %s\n", f->f.message);
    }
    if (rounding > 5)
        fprintf(out, "    … 另有 %zu 条尾数误差提示 (ACCT-ROUNDING); --json 或 --format 列出全部\n",
                rounding - 5);
}

void jx_accounts_write_human(FILE *out, const jx_accounts *a)
{
    fprintf(out, "== %s", a->source);
    if (a->unit_name) fprintf(out, " — %s", a->unit_name);
    if (a->year) fprintf(out, " %d年度", a->year);
    fprintf(out, " ==\n");
    fprintf(out, "决算表 %zu 张%s%s%s:\n", a->n_tables, a->set ? " (按" : "", a->set ? a->set : "",
            a->set ? ")" : "");
    for (size_t i = 0; i < a->n_tables; i++) {
        const jx_ac_table *t = &a->tables[i];
        const char *number = t->number ? t->number : "";
        fprintf(out, "  %-10s %s%*s %3zu 行%s%s\n", number, t->title,
                36 - jx_text_width(t->title) > 0 ? 36 - jx_text_width(t->title) : 1, "", t->n_rows,
                t->yuan ? "  (元)" : "", t->said_empty ? "  本表无数据" : "");
    }
    fprintf(out, "恒等式 (identities): 检查 %zu, 不成立 %zu\n", a->identities_checked,
            a->identities_failed);
    fprintf(out, "文字说明中的数字 (statements): 找到 %zu, 核实 %zu, 不符 %zu", a->statements_found,
            a->statements_verified, a->statements_failed);
    if (a->statements_unchecked)
        fprintf(out, "; 另有 %zu 个数字无表可对 (unchecked)", a->statements_unchecked);
    fprintf(out, "\n");
    if (!a->n_findings) {
        fprintf(out, "  未发现问题。\n");
        return;
    }
    findings_of(out, a, JX_SEV_ERROR, "错误 errors");
    findings_of(out, a, JX_SEV_WARNING, "警告 warnings");
    findings_of(out, a, JX_SEV_INFO, "提示 info");
}
