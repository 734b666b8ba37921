/* audit.c — `jixiao audit`: import, score and check every table of each file.
 *
 * Streams: each project is written as soon as it is checked, so output
 * begins at once and memory does not grow with the number of projects.
 */
#include <stdio.h>
#include <string.h>

#include "../checks/checks.h"
#include "../export/json_out.h"
#include "../export/text_out.h"
#include "../import/import.h"
#include "../json/writer.h"
#include "cli.h"
#include "options.h"

static const char HELP[] =
    "用法 Usage: jixiao audit [--json] [--compact] [--rules 名称|文件] 文件...\n"
    "\n"
    "读取每个文件中的项目支出绩效自评表, 按规则集计算得分, 列出所有不一致之处.\n"
    "Reads every self-evaluation table in each FILE, scores it by a rule set and\n"
    "lists every inconsistency. FILE may be - for standard input.\n"
    "\n"
    "选项 Options:\n"
    "  --json            输出 JSON (SPEC §11 的格式) / JSON output\n"
    "  --compact         JSON 不换行缩进 / JSON without indentation\n"
    "  --rules 名称|文件  规则集, 默认 mof-2020; jixiao rules 列出全部 / rule set\n"
    "  -h, --help        显示本帮助\n"
    "\n"
    "示例 Examples:\n"
    "  jixiao audit examples/datong-2024.json\n"
    "  jixiao audit --json examples/*.json | jq '.documents[].projects[].total_rule'\n"
    "  jixiao audit --rules sichuan --json 项目.json\n"
    "  jixiao audit --rules ./my-province.json 项目.json\n"
    "\n"
    "退出状态 Exit status: 0 没有错误级问题; 1 有错误级问题; 2 文件无法读取或用法错误.\n";

typedef struct {
    const jx_rules *rules;
    bool json;
    jx_jwriter *w;
    size_t number;
    size_t counts[3];
    bool any_error;
} audit_ctx;

static bool on_project(jx_project *p, void *arg)
{
    audit_ctx *c = arg;
    jx_audit_project(p, c->rules);
    for (size_t i = 0; i < p->n_findings; i++)
        c->counts[p->findings[i].severity]++;
    if (jx_project_count(p, JX_SEV_ERROR)) c->any_error = true;
    c->number++;
    if (c->json)
        jx_json_write_project(c->w, p);
    else
        jx_text_write_project(stdout, p, c->rules, c->number);
    return true;
}

/* Audit one file. Returns false when it could not be read. */
static bool audit_file(audit_ctx *c, const char *path)
{
    char problem[700] = "";
    if (c->json) {
        jx_jw_obj_begin(c->w);
        jx_jw_key(c->w, "source");
        jx_jw_str(c->w, path);
        jx_jw_key(c->w, "projects");
        jx_jw_arr_begin(c->w);
    } else {
        printf("══ %s ══\n", path);
    }
    jx_import_result res;
    jx_import_file(path, on_project, c, &res);
    if (res.failed) {
        if (res.line)
            snprintf(problem, sizeof problem, "%s:%ld:%ld: 无法读取: %s", path, res.line, res.col,
                     res.error);
        else
            snprintf(problem, sizeof problem, "%s: 无法读取: %s", path, res.error);
        fprintf(stderr, "jixiao: %s\n", problem);
    }
    bool empty = !problem[0] && res.projects == 0;
    if (c->json) {
        jx_jw_arr_end(c->w);
        if (res.format) {
            jx_jw_key(c->w, "format");
            jx_jw_str(c->w, res.format);
        }
        jx_jw_key(c->w, "findings");
        jx_jw_arr_begin(c->w);
        if (problem[0] || empty) {
            jx_finding f = {problem[0] ? "INPUT-UNREADABLE" : "DOC-NO-TABLES",
                            problem[0] ? JX_SEV_ERROR : JX_SEV_WARNING,
                            problem[0] ? problem : "文件中没有找到任何项目自评表",
                            problem[0] ? NULL : "no project table found in the file",
                            -1,
                            NULL};
            jx_json_write_finding(c->w, &f);
        }
        jx_jw_arr_end(c->w);
        jx_jw_obj_end(c->w);
    } else if (problem[0]) {
        printf("  错误 INPUT-UNREADABLE %s\n", problem);
    } else if (empty) {
        printf("  警告 DOC-NO-TABLES 文件中没有找到任何项目自评表 (no project table found)\n");
    }
    if (empty) c->counts[JX_SEV_WARNING]++;
    if (problem[0]) c->counts[JX_SEV_ERROR]++;
    return !problem[0];
}

int jx_cmd_audit(int argc, char **argv)
{
    static jx_cli_opts o; /* 4096 file names: not on the stack */
    int st = jx_cli_parse(argc, argv, HELP, "audit", &o);
    if (st >= 0) return st;
    bool json = o.json, compact = o.compact;
    const char *rules_name = o.rules;
    const char *const *files = o.files;
    int nfiles = o.nfiles;
    static jx_rules rules;
    char err[1024];
    if (!jx_rules_load(rules_name, &rules, err, sizeof err)) {
        fprintf(stderr, "jixiao audit: %s\n", err);
        return JX_EXIT_USAGE;
    }

    static jx_jwriter w;
    jx_jw_init(&w, stdout, compact ? 0 : 5);
    audit_ctx c = {&rules, json, &w, 0, {0, 0, 0}, false};
    bool all_read = true;
    if (json) {
        jx_jw_obj_begin(&w);
        jx_jw_key(&w, "rules");
        jx_jw_str(&w, rules.name);
        jx_jw_key(&w, "documents");
        jx_jw_arr_begin(&w);
    }
    for (int i = 0; i < nfiles; i++)
        all_read &= audit_file(&c, files[i]);
    if (json) {
        jx_jw_arr_end(&w);
        jx_jw_obj_end(&w);
        if (!jx_jw_flush(&w)) {
            fputs("jixiao audit: 写出结果失败 (write error)\n", stderr);
            return JX_EXIT_USAGE;
        }
    } else {
        printf("\n合计: %zu 个项目; 错误 %zu, 警告 %zu, 提示 %zu  (规则集 %s)\n", c.number,
               c.counts[JX_SEV_ERROR], c.counts[JX_SEV_WARNING], c.counts[JX_SEV_INFO], rules.name);
    }
    if (fflush(stdout) != 0) return JX_EXIT_USAGE;
    if (!all_read) return JX_EXIT_USAGE;
    return c.any_error ? JX_EXIT_FINDINGS : JX_EXIT_OK;
}
