/* import.c — pick the importer by the file's content; see import.h. */
#include "import.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "docx.h"
#include "native.h"
#include "pdf.h"
#include "xlsx.h"
#include "tables.h"
#include "text.h"

/* What the first bytes say the file is. */
static const char *sniff(const char *path)
{
    if (strcmp(path, "-") == 0) return "stdin";
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    unsigned char head[8] = {0};
    size_t n = fread(head, 1, sizeof head, fp);
    int first = -1;
    if (n > 0) {
        /* skip whitespace and a UTF-8 BOM for JSON */
        rewind(fp);
        int c;
        while ((c = getc(fp)) != EOF) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xEF || c == 0xBB ||
                c == 0xBF)
                continue;
            first = c;
            break;
        }
    }
    fclose(fp);
    /* cppcheck-suppress knownConditionTrueFalse ; n is what fread returned */
    if (n == 0) return "empty";
    /* cppcheck-suppress knownConditionTrueFalse */
    if (n >= 4 && memcmp(head, "PK\x03\x04", 4) == 0) return "zip";
    if (n >= 5 && memcmp(head, "%PDF-", 5) == 0) return "pdf";
    if (n >= 8 && memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) return "ole";
    if (first == '{' || first == '[') return "json";
    return "text";
}

static void import_rows(jx_rows *rows, jx_project_fn fn, void *ctx, jx_import_result *res)
{
    jx_tables_read(rows, fn, ctx, res);
    rows->close(rows->state);
}

/* Open a document that is not JSON as rows, by its sniffed kind. */
static bool jx_rows_open_kind(const char *path, const char *kind, jx_rows *rows,
                              const char **format, char *err, size_t errlen)
{
    bool opened = false;
    if (strcmp(kind, "zip") == 0) {
        /* a .docx or an .xlsx: try Word first, then Excel */
        char word_err[512];
        *format = "docx";
        opened = jx_docx_open(path, rows, word_err, sizeof word_err);
        if (!opened) {
            *format = "xlsx";
            opened = jx_xlsx_open(path, rows, err, errlen);
            if (!opened && !strstr(word_err, "word/document.xml"))
                snprintf(err, errlen, "%s", word_err); /* a broken Word file */
        }
    } else if (strcmp(kind, "pdf") == 0) {
        *format = "pdf";
        opened = jx_pdf_open(path, rows, err, errlen);
    } else {
        *format = "text";
        opened = jx_text_open(path, rows, err, errlen);
    }
    return opened;
}

bool jx_rows_open(const char *path, jx_rows *rows, const char **format, char *err, size_t errlen)
{
    const char *kind = sniff(path);
    *format = NULL;
    if (!kind) {
        snprintf(err, errlen, "无法打开文件: %s (cannot open)", strerror(errno));
        return false;
    }
    if (strcmp(kind, "empty") == 0) {
        snprintf(err, errlen, "文件是空的 (empty file)");
        return false;
    }
    if (strcmp(kind, "ole") == 0) {
        snprintf(err, errlen,
                 "这是旧版 Word/Excel 文件 (.doc/.xls), 请另存为 .docx/.xlsx 后再导入 (old binary "
                 "Office format)");
        return false;
    }
    if (strcmp(kind, "stdin") == 0) kind = "text";
    if (strcmp(kind, "json") == 0) {
        *format = "json";
        snprintf(err, errlen, "这是 JSON 文件, 不是文档 (a JSON file, not a document)");
        return false;
    }
    return jx_rows_open_kind(path, kind, rows, format, err, errlen);
}

void jx_import_file(const char *path, jx_project_fn fn, void *ctx, jx_import_result *res)
{
    memset(res, 0, sizeof *res);
    const char *kind = sniff(path);
    if (!kind) {
        res->failed = true;
        snprintf(res->error, sizeof res->error, "无法打开文件: %s (cannot open)", strerror(errno));
        return;
    }
    if (strcmp(kind, "empty") == 0) {
        res->failed = true;
        snprintf(res->error, sizeof res->error, "文件是空的 (empty file)");
        return;
    }
    if (strcmp(kind, "ole") == 0) {
        res->failed = true;
        snprintf(res->error, sizeof res->error,
                 "这是旧版 Word/Excel 文件 (.doc/.xls), 请另存为 .docx/.xlsx 后再导入 (old binary "
                 "Office format)");
        return;
    }
    if (strcmp(kind, "json") == 0 || strcmp(kind, "stdin") == 0) {
        /* standard input is read as JSON (it cannot be sniffed and re-read) */
        res->format = "json";
        FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
        if (!fp) {
            res->failed = true;
            snprintf(res->error, sizeof res->error, "无法打开文件: %s (cannot open)",
                     strerror(errno));
            return;
        }
        jx_native_result nr;
        jx_native_read(fp, fn, ctx, &nr);
        if (fp != stdin) fclose(fp);
        res->projects = res->tables = nr.projects;
        res->failed = nr.failed;
        snprintf(res->error, sizeof res->error, "%s", nr.error);
        res->line = nr.line;
        res->col = nr.col;
        return;
    }
    jx_rows rows;
    if (!jx_rows_open_kind(path, kind, &rows, &res->format, res->error, sizeof res->error)) {
        res->failed = true;
        return;
    }
    import_rows(&rows, fn, ctx, res);
}
