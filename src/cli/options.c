/* options.c — shared option parsing; see options.h. */
#include "options.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* "--name VALUE" or "--name=VALUE"; advances *i. NULL + message when missing. */
static const char *value_of(int argc, char **argv, int *i, const char *name, const char *command)
{
    const char *a = argv[*i];
    size_t nl = strlen(name);
    if (a[nl] == '=') return a + nl + 1;
    if (*i + 1 < argc) return argv[++*i];
    fprintf(stderr, "jixiao %s: %s 需要一个值 (needs a value)\n", command, name);
    return NULL;
}

static bool is_opt(const char *a, const char *name)
{
    size_t nl = strlen(name);
    return strncmp(a, name, nl) == 0 && (a[nl] == '\0' || a[nl] == '=');
}

int jx_cli_parse(int argc, char **argv, const char *help, const char *command, jx_cli_opts *o)
{
    return jx_cli_parse_flags(argc, argv, help, command, NULL, o);
}

/* Index of a in the command's own switches, -1 if it is not one. */
static int own_flag(const char *const *flags, const char *a)
{
    for (int k = 0; flags && flags[k] && k < 4; k++)
        if (strcmp(a, flags[k]) == 0) return k;
    return -1;
}

int jx_cli_parse_flags(int argc, char **argv, const char *help, const char *command,
                       const char *const *flags, jx_cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->rules = "mof-2020";
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || a[1] == '\0') {
            if (o->nfiles == JX_CLI_MAX_FILES) {
                fprintf(stderr, "jixiao %s: 文件过多 (too many files, at most %d)\n", command,
                        JX_CLI_MAX_FILES);
                return JX_EXIT_USAGE;
            }
            o->files[o->nfiles++] = a;
        } else if (strcmp(a, "--") == 0) {
            only_files = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(help, stdout);
            return JX_EXIT_OK;
        } else if (own_flag(flags, a) >= 0) {
            o->flag[own_flag(flags, a)] = true;
        } else if (strcmp(a, "--json") == 0) {
            o->json = true;
        } else if (strcmp(a, "--compact") == 0) {
            o->compact = true;
        } else if (is_opt(a, "--rules")) {
            if (!(o->rules = value_of(argc, argv, &i, "--rules", command))) return JX_EXIT_USAGE;
            o->rules_given = true;
        } else if (is_opt(a, "--format")) {
            if (!(o->format = value_of(argc, argv, &i, "--format", command))) return JX_EXIT_USAGE;
        } else if (strcmp(a, "-o") == 0 || is_opt(a, "--output")) {
            if (!(o->output =
                      value_of(argc, argv, &i, strcmp(a, "-o") == 0 ? "-o" : "--output", command)))
                return JX_EXIT_USAGE;
        } else {
            fprintf(stderr, "jixiao %s: 未知选项 \"%s\" (unknown option)\n\n%s", command, a, help);
            return JX_EXIT_USAGE;
        }
    }
    if (o->nfiles == 0) {
        fprintf(stderr, "jixiao %s: 请给出至少一个文件 (no input file)\n\n%s", command, help);
        return JX_EXIT_USAGE;
    }
    return -1;
}

bool jx_cli_doc_format(const char *command, const char *name, jx_doc_format *out)
{
    static const struct {
        const char *name;
        jx_doc_format format;
    } formats[] = {
        {"md", JX_DOC_MD}, {"html", JX_DOC_HTML}, {"docx", JX_DOC_DOCX}, {"pdf", JX_DOC_PDF}};
    for (size_t k = 0; k < sizeof formats / sizeof *formats; k++)
        if (strcmp(name, formats[k].name) == 0) {
            *out = formats[k].format;
            return true;
        }
    fprintf(stderr, "jixiao %s: 不支持的格式 \"%s\"; 可用 md, html, docx, pdf\n", command, name);
    return false;
}

FILE *jx_cli_doc_open(const char *command, jx_doc_format format, const char *path)
{
    bool binary = format == JX_DOC_DOCX || format == JX_DOC_PDF;
    if (!path) {
        if (binary && isatty(fileno(stdout))) {
            fprintf(stderr,
                    "jixiao %s: docx/pdf 是二进制文件; 请用 -o 文件名 (或把标准输出重定向到文件)\n",
                    command);
            return NULL;
        }
        return stdout;
    }
    FILE *out = fopen(path, "wb");
    if (!out) fprintf(stderr, "jixiao %s: 无法写入 %s: %s\n", command, path, strerror(errno));
    return out;
}

bool jx_cli_doc_close(const char *command, FILE *out)
{
    bool written = fflush(out) == 0;
    if (out != stdout) written = fclose(out) == 0 && written;
    if (!written) fprintf(stderr, "jixiao %s: 写出失败 (write error)\n", command);
    return written;
}
