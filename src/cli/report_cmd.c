/* report_cmd.c — `jixiao report`: the 绩效自评工作报告 (SPEC §7). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../report/report.h"
#include "cli.h"
#include "options.h"

static const char HELP[] =
    "用法 Usage: jixiao report [--format md|html|docx|pdf] [--rules 名称|文件] [-o 输出文件] "
    "文件...\n"
    "\n"
    "由各项目自评表生成部门的绩效自评工作报告: 一、组织开展情况 (项目数、资金、执行率、\n"
    "分数段和等级); 二、绩效目标实现情况 (逐个项目, 取自表中的目标、完成情况和偏差原因);\n"
    "三、绩效目标设定质量情况; 四、整改措施及结果应用; 附表. 数字均取自数据, 表中没有的\n"
    "内容注明“表中未填写”, 不编写套话. 附图: 各等级项目数、各项目执行率、自评与复核总分\n"
    "(项目多时只画最低的 40 个, 图注说明).\n"
    "Writes the self-evaluation work report from the project tables, with charts:\n"
    "Markdown, HTML (one self-contained file, charts as SVG), Word (.docx, charts as\n"
    "images) or PDF (A4, fonts embedded). The same input gives the same bytes.\n"
    "\n"
    "选项 Options:\n"
    "  --format md|html|docx|pdf  输出格式, 默认 md; docx 和 pdf 需 -o 文件\n"
    "                             (或把标准输出重定向到文件)\n"
    "  --rules 名称|文件  复核所用规则集, 默认 mof-2020\n"
    "  -o 文件           写入文件而不是标准输出\n"
    "\n"
    "示例 Examples:\n"
    "  jixiao report examples/datong-2024.json\n"
    "  jixiao report --format html -o 报告.html 自评表/*.txt\n"
    "  jixiao report --format docx -o 绩效自评工作报告.docx 自评表/*.txt\n"
    "  jixiao report --format pdf -o 绩效自评工作报告.pdf examples/datong-2024.json\n"
    "\n"
    "退出状态 Exit status: 0 已生成; 2 文件无法读取或用法错误.\n";

int jx_cmd_report(int argc, char **argv)
{
    static jx_cli_opts o;
    int st = jx_cli_parse(argc, argv, HELP, "report", &o);
    if (st >= 0) return st;
    jx_doc_format format = JX_DOC_MD;
    if (o.format && !jx_cli_doc_format("report", o.format, &format)) return JX_EXIT_USAGE;
    static jx_rules rules;
    char err[1024];
    if (!jx_rules_load(o.rules, &rules, err, sizeof err)) {
        fprintf(stderr, "jixiao report: %s\n", err);
        return JX_EXIT_USAGE;
    }
    FILE *out = jx_cli_doc_open("report", format, o.output);
    if (!out) return JX_EXIT_USAGE;
    bool ok = jx_report_write(o.files, o.nfiles, &rules, format, out, err, sizeof err);
    if (!ok) fprintf(stderr, "jixiao report: %s\n", err);
    if (!jx_cli_doc_close("report", out)) return JX_EXIT_USAGE;
    return ok ? JX_EXIT_OK : JX_EXIT_USAGE;
}
