/* report_cmd.c — `jixiao report`: the 绩效自评工作报告 (SPEC §7). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../report/report.h"
#include "cli.h"
#include "options.h"

static const char HELP[] =
    "用法 Usage: jixiao report [--format md|html] [--rules 名称|文件] [-o 输出文件] 文件...\n"
    "\n"
    "由各项目自评表生成部门的绩效自评工作报告: 一、组织开展情况 (项目数、资金、执行率、\n"
    "分数段和等级); 二、绩效目标实现情况 (逐个项目, 取自表中的目标、完成情况和偏差原因);\n"
    "三、绩效目标设定质量情况; 四、整改措施及结果应用; 附表. 数字均取自数据, 表中没有的\n"
    "内容注明“表中未填写”, 不编写套话.\n"
    "Writes the self-evaluation work report from the project tables (Markdown or HTML).\n"
    "\n"
    "选项 Options:\n"
    "  --format md|html  输出格式, 默认 md (Word 和 PDF 见后续版本)\n"
    "  --rules 名称|文件  复核所用规则集, 默认 mof-2020\n"
    "  -o 文件           写入文件而不是标准输出\n"
    "\n"
    "示例 Examples:\n"
    "  jixiao report examples/datong-2024.json\n"
    "  jixiao report --format html -o 报告.html 自评表/*.txt\n"
    "\n"
    "退出状态 Exit status: 0 已生成; 2 文件无法读取或用法错误.\n";

int jx_cmd_report(int argc, char **argv)
{
    static jx_cli_opts o;
    int st = jx_cli_parse(argc, argv, HELP, "report", &o);
    if (st >= 0) return st;
    jx_doc_format format = JX_DOC_MD;
    if (o.format && strcmp(o.format, "html") == 0) {
        format = JX_DOC_HTML;
    } else if (o.format && strcmp(o.format, "md") != 0) {
        fprintf(stderr,
                "jixiao report: 不支持的格式 \"%s\"; 可用 md, html (docx 和 pdf 尚未实现)\n",
                o.format);
        return JX_EXIT_USAGE;
    }
    static jx_rules rules;
    char err[1024];
    if (!jx_rules_load(o.rules, &rules, err, sizeof err)) {
        fprintf(stderr, "jixiao report: %s\n", err);
        return JX_EXIT_USAGE;
    }
    FILE *out = stdout;
    if (o.output) {
        out = fopen(o.output, "wb");
        if (!out) {
            fprintf(stderr, "jixiao report: 无法写入 %s: %s\n", o.output, strerror(errno));
            return JX_EXIT_USAGE;
        }
    }
    bool ok = jx_report_write(o.files, o.nfiles, &rules, format, out, err, sizeof err);
    if (!ok) fprintf(stderr, "jixiao report: %s\n", err);
    bool written = fflush(out) == 0;
    if (out != stdout) written = fclose(out) == 0 && written;
    if (!written) {
        fprintf(stderr, "jixiao report: 写出失败 (write error)\n");
        return JX_EXIT_USAGE;
    }
    return ok ? JX_EXIT_OK : JX_EXIT_USAGE;
}
