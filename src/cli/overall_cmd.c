/* overall_cmd.c — `jixiao overall`: the whole-department evaluation (SPEC §8, §11).
 *
 * Reads one file (seed-style text, .docx, .xlsx or the native JSON of
 * docs/overall.md), scores it by an overall rule set (default hunan-overall)
 * and prints the evaluation as a table or as JSON.
 */
#include <stdio.h>
#include <string.h>

#include "../overall/overall.h"
#include "cli.h"

static const char HELP[] =
    "用法 Usage: jixiao overall [--json] [--compact] [--rules 名称|文件] 文件\n"
    "\n"
    "部门整体支出绩效自评: 读取基础数据表 (附表1)、共性指标表 (附表2) 和报告正文,\n"
    "按规则集从基础数据计算每个公式类指标的得分, 评判类指标保留单位的自评分和理由,\n"
    "按级小计、合计、定等级, 列出单位的数字与规则或与自身不一致之处.\n"
    "Whole-department evaluation: reads the base data (附表1), the indicator table\n"
    "(附表2) and the report's own statements, computes every formula indicator from\n"
    "the base data, keeps the unit's score for judgement indicators, totals by\n"
    "level, grades, and lists every disagreement. FILE may be - for standard input.\n"
    "\n"
    "选项 Options:\n"
    "  --json            输出 JSON (SPEC §11; docs/overall.md) / JSON output\n"
    "  --compact         JSON 不换行缩进 / JSON on one line\n"
    "  --rules 名称|文件  整体评价规则集, 默认 hunan-overall / overall rule set\n"
    "  -h, --help        显示本帮助\n"
    "\n"
    "示例 Examples:\n"
    "  jixiao overall 宁乡市市场监督管理局2022年整体支出自评报告.txt\n"
    "  jixiao overall --json examples/ningxiang-2022-overall.json\n"
    "  jixiao overall --rules ./my-overall.json 整体自评.docx\n"
    "\n"
    "退出状态 Exit status: 0 没有错误级问题; 1 有错误级问题; 2 文件无法读取或用法错误.\n";

typedef struct {
    bool json, compact;
    const char *rules, *file;
} options;

/* Returns -1 to go on, else the exit status. */
static int parse(int argc, char **argv, options *op)
{
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_files && strcmp(a, "--") == 0) {
            only_files = true;
        } else if (!only_files && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            fputs(HELP, stdout);
            return JX_EXIT_OK;
        } else if (!only_files && strcmp(a, "--json") == 0) {
            op->json = true;
        } else if (!only_files && strcmp(a, "--compact") == 0) {
            op->compact = true;
        } else if (!only_files && strncmp(a, "--rules=", 8) == 0) {
            op->rules = a + 8;
        } else if (!only_files && strcmp(a, "--rules") == 0) {
            if (i + 1 >= argc) {
                fputs("jixiao overall: --rules 需要一个规则集名称或文件 (needs a name or file)\n",
                      stderr);
                return JX_EXIT_USAGE;
            }
            op->rules = argv[++i];
        } else if (!only_files && a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "jixiao overall: 未知选项 \"%s\" (unknown option)\n\n%s", a, HELP);
            return JX_EXIT_USAGE;
        } else if (op->file) {
            fputs("jixiao overall: 只能给出一个文件 (one file only)\n", stderr);
            return JX_EXIT_USAGE;
        } else {
            op->file = a;
        }
    }
    if (!op->file) {
        fprintf(stderr, "jixiao overall: 请给出一个文件 (no input file)\n\n%s", HELP);
        return JX_EXIT_USAGE;
    }
    return -1;
}

int jx_cmd_overall(int argc, char **argv)
{
    options op = {false, false, "hunan-overall", NULL};
    int st = parse(argc, argv, &op);
    if (st >= 0) return st;
    static jx_ov_rules rules;
    char err[1024];
    if (!jx_ov_rules_load(op.rules, &rules, err, sizeof err)) {
        fprintf(stderr, "jixiao overall: %s\n", err);
        return JX_EXIT_USAGE;
    }
    jx_arena arena;
    jx_arena_init(&arena);
    jx_overall o;
    jx_overall_init(&o, &arena);
    if (!jx_overall_import(op.file, &o, &rules, err, sizeof err)) {
        fprintf(stderr, "jixiao overall: %s\n", err);
        jx_arena_free(&arena);
        return JX_EXIT_USAGE;
    }
    jx_overall_evaluate(&o, &rules);
    if (op.json)
        jx_overall_write_json(stdout, &o, op.compact);
    else
        jx_overall_write_text(stdout, &o);
    st = jx_ov_count(&o, JX_SEV_ERROR) ? JX_EXIT_FINDINGS : JX_EXIT_OK;
    jx_arena_free(&arena);
    if (fflush(stdout) != 0) return JX_EXIT_USAGE;
    return st;
}
