/* overall_cmd.c — `jixiao overall`: the whole-department evaluation (SPEC §8, §11).
 *
 * Reads one file (seed-style text, .docx, .xlsx or the native JSON of
 * docs/overall.md), scores it by an overall rule set (default hunan-overall)
 * and prints the evaluation as a table or as JSON.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../overall/overall.h"
#include "../report/overall_doc.h"
#include "cli.h"
#include "options.h"

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
    "  --format 格式     写成文档: md、html、docx 或 pdf (含图表) / write a document\n"
    "  -o 文件           文档写到此文件 (docx/pdf 必须给出) / output file\n"
    "  -h, --help        显示本帮助\n"
    "\n"
    "示例 Examples:\n"
    "  jixiao overall 宁乡市市场监督管理局2022年整体支出自评报告.txt\n"
    "  jixiao overall --json examples/ningxiang-2022-overall.json\n"
    "  jixiao overall --rules ./my-overall.json 整体自评.docx\n"
    "  jixiao overall --format pdf -o 整体自评复核.pdf examples/ningxiang-2022-overall.json\n"
    "\n"
    "退出状态 Exit status: 0 没有错误级问题; 1 有错误级问题; 2 文件无法读取或用法错误.\n";

typedef struct {
    bool json, compact;
    const char *rules, *file, *format, *output;
} options;

/* Returns -1 to go on, else the exit status. */
static int parse(int argc, char **argv, options *op)
{
    static jx_cli_opts o;
    int st = jx_cli_parse(argc, argv, HELP, "overall", &o);
    if (st >= 0) return st;
    if (o.nfiles != 1) {
        fputs("jixiao overall: 只能给出一个文件 (one file only)\n", stderr);
        return JX_EXIT_USAGE;
    }
    *op = (options){o.json,     o.compact, o.rules_given ? o.rules : "hunan-overall",
                    o.files[0], o.format,  o.output};
    jx_doc_format format;
    if (op->format && !jx_cli_doc_format("overall", op->format, &format)) return JX_EXIT_USAGE;
    if ((op->output && !op->format) || (op->format && op->json)) {
        fputs("jixiao overall: -o 只与 --format 一起使用, --format 不与 --json 同用\n", stderr);
        return JX_EXIT_USAGE;
    }
    return -1;
}

static bool write_document(const options *op, const jx_overall *o)
{
    jx_doc_format format = JX_DOC_MD;
    jx_cli_doc_format("overall", op->format, &format); /* checked by parse() */
    FILE *out = jx_cli_doc_open("overall", format, op->output);
    if (!out) return false;
    char title[256], year[16] = "";
    if (o->year) snprintf(year, sizeof year, "%d年度", o->year);
    snprintf(title, sizeof title, "%s%s部门整体支出绩效自评 — 复核结果", o->unit ? o->unit : "",
             year);
    jx_doc doc;
    jx_doc_begin(&doc, out, format, title);
    jx_overall_write_doc(&doc, o);
    bool ok = jx_doc_end(&doc);
    if (!ok) fprintf(stderr, "jixiao overall: %s\n", doc.error);
    return jx_cli_doc_close("overall", out) && ok;
}

int jx_cmd_overall(int argc, char **argv)
{
    options op = {false, false, "hunan-overall", NULL, NULL, NULL};
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
    if (op.format) {
        if (!write_document(&op, &o)) {
            jx_arena_free(&arena);
            return JX_EXIT_USAGE;
        }
    } else if (op.json)
        jx_overall_write_json(stdout, &o, op.compact);
    else
        jx_overall_write_text(stdout, &o);
    st = jx_ov_count(&o, JX_SEV_ERROR) ? JX_EXIT_FINDINGS : JX_EXIT_OK;
    jx_arena_free(&arena);
    if (fflush(stdout) != 0) return JX_EXIT_USAGE;
    return st;
}
