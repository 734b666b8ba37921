/* main.c — entry point of the `jixiao` command: dispatch to subcommands. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

#ifndef JX_VERSION
#define JX_VERSION "0.1.0"
#endif

static const char USAGE[] =
    "jixiao — 项目支出绩效自评表的评分与审核\n"
    "         (scoring and checking of budget-project performance self-evaluations)\n"
    "\n"
    "用法 Usage:\n"
    "  jixiao audit [--json] [--rules 名称|文件] 文件...   评分并检查每一张自评表\n"
    "  jixiao summary [--json] [--rules …] 文件...         全部项目的汇总 "
    "(等级、分数段、低于良的项目)\n"
    "  jixiao report [--format md|html] [-o 输出] 文件...  生成绩效自评工作报告\n"
    "  jixiao export --format xlsx|docx|pdf|html -o 输出 文件...  导出 Excel 表格或报告文件\n"
    "  jixiao rules [名称]                                 列出规则集, 或显示一个规则集的参数\n"
    "  jixiao overall [--json] [--rules 名称|文件] 文件     部门整体支出绩效自评 "
    "(whole-department)\n"
    "  jixiao accounts [--json] [--tables|--text] 文件...    部门决算公开: 表内恒等式、表间一致、\n"
    "                                                      情况说明中的每个数字\n"
    "  jixiao --help | --version\n"
    "\n"
    "每个命令都有 --help, 例如: jixiao audit --help\n"
    "\n"
    "示例 Examples:\n"
    "  jixiao audit examples/datong-2024.json\n"
    "  jixiao audit --json --rules sichuan 自评表.json > 结果.json\n"
    "\n"
    "退出状态 Exit status: 0 无错误; 1 发现错误 (error findings); 2 无法读取输入或用法错误.\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return JX_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(USAGE, stdout);
        return JX_EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("jixiao %s\n", JX_VERSION);
        return JX_EXIT_OK;
    }
    if (strcmp(cmd, "audit") == 0) return jx_cmd_audit(argc - 1, argv + 1);
    if (strcmp(cmd, "rules") == 0) return jx_cmd_rules(argc - 1, argv + 1);
    if (strcmp(cmd, "overall") == 0) return jx_cmd_overall(argc - 1, argv + 1);
    if (strcmp(cmd, "accounts") == 0) return jx_cmd_accounts(argc - 1, argv + 1);
    if (strcmp(cmd, "summary") == 0) return jx_cmd_summary(argc - 1, argv + 1);
    if (strcmp(cmd, "report") == 0) return jx_cmd_report(argc - 1, argv + 1);
    if (strcmp(cmd, "export") == 0) return jx_cmd_export(argc - 1, argv + 1);
    fprintf(stderr, "jixiao: 未知命令 \"%s\" (unknown command)\n\n%s", cmd, USAGE);
    return JX_EXIT_USAGE;
}
