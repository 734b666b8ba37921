/* summary_cmd.c — `jixiao summary`: the aggregate of all projects (SPEC §7, §11). */
#include <stdio.h>
#include <string.h>

#include "../checks/checks.h"
#include "../import/import.h"
#include "../report/summary.h"
#include "cli.h"
#include "options.h"

static const char HELP[] =
    "用法 Usage: jixiao summary [--json] [--rules 名称|文件] 文件...\n"
    "\n"
    "汇总所有文件中的全部项目: 项目数、资金、执行率、各等级项目数 (自评与规则复核)、\n"
    "90 分以上 / 60–90 / 60 分以下的项目数、低于「良」的项目及其偏差原因、问题数.\n"
    "Aggregates every project found in the files (any format jixiao audit reads).\n"
    "\n"
    "选项 Options:\n"
    "  --json            输出 JSON (SPEC §11) / JSON output\n"
    "  --rules 名称|文件  规则集, 默认 mof-2020\n"
    "\n"
    "示例 Examples:\n"
    "  jixiao summary examples/datong-2024.json\n"
    "  jixiao summary --json 自评表/*.txt 自评表/*.docx\n"
    "\n"
    "退出状态 Exit status: 0 没有错误级问题; 1 有错误级问题; 2 文件无法读取或用法错误.\n";

static bool add(jx_project *p, void *arg)
{
    jx_summary *s = arg;
    jx_audit_project(p, s->rules);
    jx_summary_add(s, p);
    return true;
}

int jx_cmd_summary(int argc, char **argv)
{
    static jx_cli_opts o;
    int st = jx_cli_parse(argc, argv, HELP, "summary", &o);
    if (st >= 0) return st;
    static jx_rules rules;
    char err[1024];
    if (!jx_rules_load(o.rules, &rules, err, sizeof err)) {
        fprintf(stderr, "jixiao summary: %s\n", err);
        return JX_EXIT_USAGE;
    }
    jx_summary s;
    jx_summary_init(&s, &rules);
    bool all_read = true;
    for (int i = 0; i < o.nfiles; i++) {
        jx_summary_document(&s, o.files[i]);
        jx_import_result res;
        jx_import_file(o.files[i], add, &s, &res);
        if (res.failed) {
            all_read = false;
            if (res.line)
                fprintf(stderr, "jixiao: %s:%ld:%ld: 无法读取: %s\n", o.files[i], res.line, res.col,
                        res.error);
            else
                fprintf(stderr, "jixiao: %s: 无法读取: %s\n", o.files[i], res.error);
        }
    }
    if (o.json) {
        static jx_jwriter w;
        jx_jw_init(&w, stdout, 1);
        jx_summary_write_json(&s, &w);
        jx_jw_flush(&w);
    } else {
        jx_summary_write_text(&s, stdout);
    }
    bool errors = s.findings[JX_SEV_ERROR] > 0;
    jx_summary_free(&s);
    if (fflush(stdout) != 0 || !all_read) return JX_EXIT_USAGE;
    return errors ? JX_EXIT_FINDINGS : JX_EXIT_OK;
}
