/* export_cmd.c — `jixiao export`: the standard tables (Excel) and the report
 * (Word, PDF, HTML) written to a file (SPEC §11).
 *
 * xlsx streams like audit: each project is imported, scored, checked and
 * written to the workbook, then dropped. docx, pdf and html are the
 * 绩效自评工作报告 of `jixiao report` (jx_report_write).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../checks/checks.h"
#include "../export/xlsx_out.h"
#include "../import/import.h"
#include "../report/report.h"
#include "cli.h"
#include "options.h"

/* The help names the project-sheet limit. */
_Static_assert(JX_XLSX_PROJECT_SHEETS == 250, "update the limit in HELP and docs/export.md");

static const char HELP[] =
    "用法 Usage: jixiao export --format xlsx|docx|pdf|html [--rules 名称|文件] -o 输出 文件...\n"
    "\n"
    "把各文件中的项目支出绩效自评表导出为文件. Writes the projects of the files to a file.\n"
    "\n"
    "  xlsx  Excel 工作簿: 「汇总」(每个项目一行: 预算、执行、执行率、自评/复算/规则总分、\n"
    "        等级、问题数; 可筛选排序; 末行合计为公式), 「问题清单」(每个问题一行),\n"
    "        每个项目一张标准格式的自评表 (前 250 个项目; 其后的项目依次写在\n"
    "        「自评表明细」一张表中, 以免工作表过多). 金额、执行率、得分均为数值.\n"
    "        The summary, the findings, one sheet per project (the first 250;\n"
    "        later projects one after another on one sheet); numbers are numbers.\n"
    "        同样的输入得到逐字节相同的文件 / the same input gives the same bytes.\n"
    "  docx, pdf, html  绩效自评工作报告 (同 jixiao report) / the self-evaluation report\n"
    "\n"
    "选项 Options:\n"
    "  --format 格式     xlsx, docx, pdf 或 html (必须给出 / required)\n"
    "  --rules 名称|文件  复核所用规则集, 默认 mof-2020\n"
    "  -o 文件           输出文件 (必须给出 / required)\n"
    "\n"
    "示例 Examples:\n"
    "  jixiao export --format xlsx -o 自评表.xlsx examples/datong-2024.json\n"
    "  jixiao export --format xlsx --rules sichuan -o 复核.xlsx 自评表/*.txt 自评表/*.docx\n"
    "  jixiao export --format docx -o 报告.docx examples/*.json\n"
    "\n"
    "退出状态 Exit status: 0 已写出且没有错误级问题; 1 已写出但有错误级问题;\n"
    "  2 文件无法读取或用法错误 (消息中给出文件名).\n";

typedef struct xlsx_ctx {
    const jx_rules *rules;
    jx_xlsx *book;
    const char *source;
    bool any_error, write_failed;
} xlsx_ctx;

static bool on_project(jx_project *p, void *arg)
{
    xlsx_ctx *c = arg;
    jx_audit_project(p, c->rules);
    if (jx_project_count(p, JX_SEV_ERROR)) c->any_error = true;
    if (!jx_xlsx_add(c->book, p, c->source)) {
        c->write_failed = true;
        return false; /* stop reading: the workbook cannot be written */
    }
    return true;
}

static int export_xlsx(const jx_cli_opts *o, const jx_rules *rules)
{
    char err[1024];
    jx_xlsx_options xo = {rules->name, -1, NULL};
    jx_xlsx *book = jx_xlsx_create(o->output, &xo, err, sizeof err);
    if (!book) {
        fprintf(stderr, "jixiao export: %s\n", err);
        return JX_EXIT_USAGE;
    }
    xlsx_ctx c = {rules, book, NULL, false, false};
    bool all_read = true;
    for (int i = 0; i < o->nfiles && !c.write_failed; i++) {
        c.source = o->files[i];
        jx_import_result res;
        jx_import_file(o->files[i], on_project, &c, &res);
        if (res.failed && !c.write_failed) {
            all_read = false;
            if (res.line)
                fprintf(stderr, "jixiao export: %s:%ld:%ld: 无法读取: %s\n", o->files[i], res.line,
                        res.col, res.error);
            else
                fprintf(stderr, "jixiao export: %s: 无法读取: %s\n", o->files[i], res.error);
        } else if (!res.failed && res.projects == 0) {
            fprintf(stderr, "jixiao export: %s: 文件中没有找到任何项目自评表 (no project table)\n",
                    o->files[i]);
        }
    }
    if (!jx_xlsx_close(book, err, sizeof err)) {
        fprintf(stderr, "jixiao export: %s\n", err);
        return JX_EXIT_USAGE;
    }
    if (!all_read) return JX_EXIT_USAGE;
    return c.any_error ? JX_EXIT_FINDINGS : JX_EXIT_OK;
}

typedef struct error_scan {
    const jx_rules *rules;
    bool any_error;
} error_scan;

/* Error findings in any project of the files (the report's exit status). */
static bool scan_errors(jx_project *p, void *arg)
{
    error_scan *e = arg;
    jx_audit_project(p, e->rules);
    if (jx_project_count(p, JX_SEV_ERROR)) e->any_error = true;
    return !e->any_error; /* one is enough */
}

static int export_report(const jx_cli_opts *o, const jx_rules *rules, jx_doc_format format)
{
    FILE *out = fopen(o->output, "wb");
    if (!out) {
        fprintf(stderr, "jixiao export: 无法写入 %s: %s\n", o->output, strerror(errno));
        return JX_EXIT_USAGE;
    }
    char err[1024];
    bool read_all = jx_report_write(o->files, o->nfiles, rules, format, out, err, sizeof err);
    if (!read_all) fprintf(stderr, "jixiao export: %s\n", err);
    bool written = fflush(out) == 0;
    written = fclose(out) == 0 && written;
    if (!written) {
        fprintf(stderr, "jixiao export: 写出 %s 失败 (write error)\n", o->output);
        remove(o->output);
        return JX_EXIT_USAGE;
    }
    if (!read_all) return JX_EXIT_USAGE;
    error_scan scan = {rules, false};
    for (int i = 0; i < o->nfiles && !scan.any_error; i++) {
        jx_import_result res;
        jx_import_file(o->files[i], scan_errors, &scan, &res);
    }
    return scan.any_error ? JX_EXIT_FINDINGS : JX_EXIT_OK;
}

int jx_cmd_export(int argc, char **argv)
{
    static jx_cli_opts o;
    int st = jx_cli_parse(argc, argv, HELP, "export", &o);
    if (st >= 0) return st;
    if (!o.format) {
        fprintf(stderr,
                "jixiao export: 请用 --format 指定 xlsx, docx, pdf 或 html (no --format)\n");
        return JX_EXIT_USAGE;
    }
    if (!o.output || strcmp(o.output, "-") == 0) {
        fprintf(stderr, "jixiao export: 请用 -o 指定输出文件 (no output file)\n");
        return JX_EXIT_USAGE;
    }
    bool xlsx = strcmp(o.format, "xlsx") == 0;
    jx_doc_format format = JX_DOC_HTML;
    if (strcmp(o.format, "docx") == 0)
        format = JX_DOC_DOCX;
    else if (strcmp(o.format, "pdf") == 0)
        format = JX_DOC_PDF;
    else if (!xlsx && strcmp(o.format, "html") != 0) {
        fprintf(stderr, "jixiao export: 不支持的格式 \"%s\"; 可用 xlsx, docx, pdf, html\n",
                o.format);
        return JX_EXIT_USAGE;
    }
    static jx_rules rules;
    char err[1024];
    if (!jx_rules_load(o.rules, &rules, err, sizeof err)) {
        fprintf(stderr, "jixiao export: %s\n", err);
        return JX_EXIT_USAGE;
    }
    return xlsx ? export_xlsx(&o, &rules) : export_report(&o, &rules, format);
}
