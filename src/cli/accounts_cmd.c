/* accounts_cmd.c — `jixiao accounts`: the final-accounts checks (SPEC §9, §11).
 *
 * Reads each file (text, .docx, .xlsx, .pdf), checks the 决算 tables'
 * identities and the 情况说明's numbers, and prints a listing or JSON; with
 * --tables it prints the tables as read, with --text the 情况说明 written
 * from the tables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../accounts/accounts.h"
#include "../base/text.h"
#include "../json/writer.h"
#include "../report/accounts_doc.h"
#include "cli.h"
#include "options.h"

static const char HELP[] =
    "用法 Usage: jixiao accounts [--json] [--compact] [--tables | --text] [--rules 名称|文件] "
    "文件...\n"
    "\n"
    "部门决算公开的审核: 读取决算表 (公开01–10 等) 和第三部分情况说明, 检查\n"
    "  - 表内恒等式: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余, 支出同理,\n"
    "    收入总计 = 支出总计; 类 = Σ款, 款 = Σ项, 合计 = Σ类; 本年支出合计 = 基本支出 + 项目支出;\n"
    "    人员经费、公用经费合计; 三公、政府采购、车辆数的合计;\n"
    "  - 表间一致: 同一数字在不同表中相等 (公开01 与 公开02/03/04, 公开05 与 公开06 …);\n"
    "  - 情况说明中的每个数字: 金额、占比、完成预算的百分比、比上年增减额和增减率 (由增减额\n"
    "    推出的上年数须与增减率一致), 以及增减是否说明了原因.\n"
    "每项金额允许每个加数 0.01 万元的尾数误差 (记为提示 info), 超出即为错误.\n"
    "Checks a final-accounts disclosure: table identities, cross-table equalities and\n"
    "every number in the explanatory text; rounding within 0.01 per term is info.\n"
    "\n"
    "选项 Options:\n"
    "  --json            输出 JSON (SPEC §11) / JSON output\n"
    "  --compact         JSON 不换行缩进 / JSON on one line\n"
    "  --tables          列出读到的表及其各行金额 (核对读取结果) / print the tables as read\n"
    "  --text            由决算表生成第三部分情况说明 / write the 情况说明 from the tables\n"
    "  --format 格式     写成文档: md、html、docx 或 pdf (审核结果、决算表、结构图、情况说明;\n"
    "                    与 --text 同用时情况说明由决算表生成) / write a document\n"
    "  -o 文件           文档写到此文件 (docx/pdf 必须给出) / output file\n"
    "  --rules 名称|文件  决算规则集 (表目录、表组、尾数容差), 默认 accounts-mof\n"
    "  -h, --help        显示本帮助\n"
    "\n"
    "示例 Examples:\n"
    "  jixiao accounts 2024年度部门决算公开.txt\n"
    "  jixiao accounts --json 决算公开.docx > 结果.json\n"
    "  jixiao accounts --text 决算公开.pdf > 情况说明.txt\n"
    "  jixiao accounts --format pdf -o 决算审核.pdf 决算公开.docx\n"
    "\n"
    "退出状态 Exit status: 0 没有错误级问题; 1 有错误级问题; 2 文件无法读取或用法错误.\n";

typedef struct {
    bool json, compact, tables, text;
    const char *rules, *format, *output;
    const char *const *files;
    int nfiles;
} options;

static int parse(int argc, char **argv, options *op)
{
    static const char *const flags[] = {"--tables", "--text", NULL};
    static jx_cli_opts o;
    int st = jx_cli_parse_flags(argc, argv, HELP, "accounts", flags, &o);
    if (st >= 0) return st;
    *op = (options){
        o.json,   o.compact, o.flag[0], o.flag[1], o.rules_given ? o.rules : "accounts-mof",
        o.format, o.output,  o.files,   o.nfiles};
    jx_doc_format format;
    if (op->format && !jx_cli_doc_format("accounts", op->format, &format)) return JX_EXIT_USAGE;
    if (op->format && (op->nfiles != 1 || op->json || op->tables)) {
        fputs("jixiao accounts: --format 只用于一个文件, 不能与 --json/--tables 同用 (one file)\n",
              stderr);
        return JX_EXIT_USAGE;
    }
    if (op->output && !op->format) {
        fputs("jixiao accounts: -o 只与 --format 一起使用 (use -o with --format)\n", stderr);
        return JX_EXIT_USAGE;
    }
    if (op->tables && op->text) {
        fputs("jixiao accounts: --tables 与 --text 只能选一个 (choose one)\n", stderr);
        return JX_EXIT_USAGE;
    }
    return -1;
}

static void print_tables(FILE *out, const jx_accounts *a)
{
    for (size_t i = 0; i < a->n_tables; i++) {
        const jx_ac_table *t = &a->tables[i];
        fprintf(out, "== %s %s [%s] 第%ld行%s%s ==\n", t->number ? t->number : "", t->title,
                t->kind ? t->kind : "?", t->line, t->yuan ? " 金额单位:元" : "",
                t->said_empty ? " (本表无数据)" : "");
        for (int g = 0; g < t->n_groups; g++) {
            fprintf(out, "  [%s]", t->groups[g].name[0] ? t->groups[g].name : "-");
            for (int k = 0; k < t->groups[g].n_cols; k++)
                fprintf(out, " | %s", t->groups[g].cols[k]);
            fprintf(out, "\n");
        }
        for (size_t r = 0; r < t->n_rows; r++) {
            const jx_ac_row *row = &t->rows[r];
            fprintf(out, "  %ld: g%d %s %s", row->line, row->group, row->code ? row->code : "-",
                    row->key[0] ? row->key : "\"\"");
            if (row->line_no) fprintf(out, " (行次%d)", row->line_no);
            for (int k = 0; k < t->groups[row->group].n_cols; k++) {
                char b[JX_DEC_BUF];
                fprintf(out, " | %s",
                        jx_has(row->cells[k].v) ? jx_dec_fmt(row->cells[k].v, b) : "");
            }
            fprintf(out, "\n");
        }
    }
    fprintf(out, "== 情况说明段落 %zu ==\n", a->n_paras);
    for (size_t i = 0; i < a->n_paras; i++)
        fprintf(out, "  %ld [%s] %s\n", a->paras[i].line,
                a->paras[i].section ? a->paras[i].section : "-", a->paras[i].text);
}

/* The checked document as md/html/docx/pdf; false with a message on failure. */
static bool write_document(const options *op, const jx_accounts *a)
{
    jx_doc_format format = JX_DOC_MD;
    jx_cli_doc_format("accounts", op->format, &format); /* checked by parse() */
    FILE *out = jx_cli_doc_open("accounts", format, op->output);
    if (!out) return false;
    char *text = NULL;
    size_t text_len = 0;
    if (op->text) {
        FILE *mem = open_memstream(&text, &text_len);
        if (mem) {
            jx_accounts_write_text(mem, a);
            fclose(mem);
        }
    }
    jx_doc doc;
    char title[256], year[16] = "";
    if (a->year) snprintf(year, sizeof year, " %d年度", a->year);
    snprintf(title, sizeof title, "%s%s部门决算公开 — 审核结果", a->unit_name ? a->unit_name : "",
             year);
    jx_doc_begin(&doc, out, format, title);
    jx_accounts_write_doc(&doc, a, text);
    bool ok = jx_doc_end(&doc);
    free(text);
    if (!ok) fprintf(stderr, "jixiao accounts: %s\n", doc.error);
    return jx_cli_doc_close("accounts", out) && ok;
}

int jx_cmd_accounts(int argc, char **argv)
{
    options op = {0};
    int status = parse(argc, argv, &op);
    if (status >= 0) return status;
    static jx_ac_rules rules;
    char err[1024];
    if (!jx_ac_rules_load(op.rules, &rules, err, sizeof err)) {
        fprintf(stderr, "jixiao accounts: %s\n", err);
        return JX_EXIT_USAGE;
    }
    jx_jwriter w;
    if (op.json) {
        jx_jw_init(&w, stdout, op.compact ? 0 : 3);
        jx_jw_obj_begin(&w);
        jx_jw_key(&w, "documents");
        jx_jw_arr_begin_lines(&w);
    }
    bool unreadable = false, errors = false;
    for (int i = 0; i < op.nfiles; i++) {
        jx_arena arena;
        jx_arena_init(&arena);
        jx_accounts a;
        jx_accounts_init(&a, &arena, &rules);
        if (!jx_accounts_read(op.files[i], &a, err, sizeof err)) {
            fprintf(stderr, "jixiao accounts: %s\n", err);
            unreadable = true;
            jx_arena_free(&arena);
            continue;
        }
        jx_accounts_identities(&a);
        jx_accounts_statements(&a);
        errors |= jx_ac_count(&a, JX_SEV_ERROR) > 0;
        if (op.format) {
            if (!write_document(&op, &a)) unreadable = true;
        } else if (op.tables)
            print_tables(stdout, &a);
        else if (op.text)
            jx_accounts_write_text(stdout, &a);
        else if (op.json)
            jx_accounts_write_json(&w, &a);
        else {
            if (i) fputc('\n', stdout);
            jx_accounts_write_human(stdout, &a);
        }
        jx_arena_free(&arena);
    }
    if (op.json) {
        jx_jw_arr_end(&w);
        jx_jw_obj_end(&w);
        jx_jw_flush(&w);
        fputc('\n', stdout);
    }
    if (unreadable) return JX_EXIT_USAGE;
    return errors ? JX_EXIT_FINDINGS : JX_EXIT_OK;
}
