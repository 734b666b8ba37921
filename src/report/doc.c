/* doc.c — Markdown and HTML output for reports; see doc.h. */
#include "doc.h"

#include <stdarg.h>
#include <string.h>

static const char CSS[] =
    "body{font-family:\"Noto Serif CJK SC\",\"Source Han Serif "
    "SC\",SimSun,serif;max-width:60em;margin:2em auto;"
    "padding:0 1em;line-height:1.7;color:#222}"
    "h1{text-align:center;font-size:1.6em}h2{font-family:\"Noto Sans CJK "
    "SC\",SimHei,sans-serif;font-size:1.25em;"
    "border-bottom:1px solid #999;margin-top:1.6em}h3{font-family:\"Noto Sans CJK "
    "SC\",SimHei,sans-serif;"
    "font-size:1.05em}"
    "table{border-collapse:collapse;margin:.8em 0;font-size:.92em;width:100%}"
    "th,td{border:1px solid #888;padding:.25em .5em;vertical-align:top}th{background:#eee}"
    "td.n{text-align:right;white-space:nowrap}p.note{color:#555;font-size:.9em}"
    "@media "
    "print{body{margin:0;max-width:none}h2{page-break-after:avoid}tr{page-break-inside:avoid}}"
    "@media (max-width:40em){table{font-size:.8em}}";

static void escaped(jx_doc *d, const char *s)
{
    for (; *s; s++) {
        if (d->format == JX_DOC_HTML) {
            switch (*s) {
            case '<':
                fputs("&lt;", d->out);
                continue;
            case '>':
                fputs("&gt;", d->out);
                continue;
            case '&':
                fputs("&amp;", d->out);
                continue;
            case '"':
                fputs("&quot;", d->out);
                continue;
            case '\n':
                fputs("<br>", d->out);
                continue;
            default:
                break;
            }
        } else {
            if (*s == '|' && d->in_table) {
                fputs("\\|", d->out);
                continue;
            }
            if (*s == '\n') {
                fputs(d->in_table ? " " : "  \n", d->out);
                continue;
            }
            if (*s == '*' || *s == '_' || *s == '`') fputc('\\', d->out);
        }
        fputc(*s, d->out);
    }
}

static void close_list(jx_doc *d)
{
    if (!d->in_list) return;
    if (d->format == JX_DOC_HTML)
        fputs("</ul>\n", d->out);
    else
        fputc('\n', d->out);
    d->in_list = false;
}

void jx_doc_begin(jx_doc *d, FILE *out, jx_doc_format format, const char *title)
{
    memset(d, 0, sizeof *d);
    d->out = out;
    d->format = format;
    if (format == JX_DOC_HTML) {
        fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
              out);
        escaped(d, title);
        fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n", CSS);
    }
    jx_doc_heading(d, 1, title);
}

void jx_doc_end(jx_doc *d)
{
    close_list(d);
    if (d->format == JX_DOC_HTML) fputs("</body>\n</html>\n", d->out);
}

void jx_doc_heading(jx_doc *d, int level, const char *text)
{
    close_list(d);
    if (d->format == JX_DOC_HTML) {
        fprintf(d->out, "<h%d>", level);
        escaped(d, text);
        fprintf(d->out, "</h%d>\n", level);
    } else {
        for (int i = 0; i < level; i++)
            fputc('#', d->out);
        fputc(' ', d->out);
        escaped(d, text);
        fputs("\n\n", d->out);
    }
}

static void vtext(jx_doc *d, const char *fmt, va_list ap)
{
    char buf[8192];
    vsnprintf(buf, sizeof buf, fmt, ap);
    escaped(d, buf);
}

void jx_doc_para(jx_doc *d, const char *fmt, ...)
{
    close_list(d);
    va_list ap;
    va_start(ap, fmt);
    if (d->format == JX_DOC_HTML) fputs("<p>", d->out);
    vtext(d, fmt, ap);
    fputs(d->format == JX_DOC_HTML ? "</p>\n" : "\n\n", d->out);
    va_end(ap);
}

void jx_doc_item(jx_doc *d, const char *fmt, ...)
{
    if (!d->in_list) {
        if (d->format == JX_DOC_HTML) fputs("<ul>\n", d->out);
        d->in_list = true;
    }
    va_list ap;
    va_start(ap, fmt);
    fputs(d->format == JX_DOC_HTML ? "<li>" : "- ", d->out);
    vtext(d, fmt, ap);
    fputs(d->format == JX_DOC_HTML ? "</li>\n" : "\n", d->out);
    va_end(ap);
}

void jx_doc_table(jx_doc *d, const char *const *headers, int n)
{
    close_list(d);
    d->in_table = true;
    if (d->format == JX_DOC_HTML) {
        fputs("<table>\n<thead><tr>", d->out);
        for (int i = 0; i < n; i++) {
            fputs("<th>", d->out);
            escaped(d, headers[i]);
            fputs("</th>", d->out);
        }
        fputs("</tr></thead>\n<tbody>\n", d->out);
        return;
    }
    fputc('|', d->out);
    for (int i = 0; i < n; i++) {
        fputc(' ', d->out);
        escaped(d, headers[i]);
        fputs(" |", d->out);
    }
    fputs("\n|", d->out);
    for (int i = 0; i < n; i++)
        fputs("---|", d->out);
    fputc('\n', d->out);
}

/* A cell that is a figure is right-aligned in HTML. */
static bool is_figure(const char *s)
{
    if (!*s) return false;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || *s == '.' || *s == '-' || *s == '%')) return false;
    return true;
}

void jx_doc_row(jx_doc *d, const char *const *cells, int n)
{
    if (d->format == JX_DOC_HTML) {
        fputs("<tr>", d->out);
        for (int i = 0; i < n; i++) {
            fputs(is_figure(cells[i]) ? "<td class=\"n\">" : "<td>", d->out);
            escaped(d, cells[i]);
            fputs("</td>", d->out);
        }
        fputs("</tr>\n", d->out);
        return;
    }
    fputc('|', d->out);
    for (int i = 0; i < n; i++) {
        fputc(' ', d->out);
        escaped(d, cells[i]);
        fputs(" |", d->out);
    }
    fputc('\n', d->out);
}

void jx_doc_table_end(jx_doc *d)
{
    fputs(d->format == JX_DOC_HTML ? "</tbody>\n</table>\n" : "\n", d->out);
    d->in_table = false;
}

void jx_doc_raw(jx_doc *d, FILE *from)
{
    char buf[8192];
    size_t n;
    rewind(from);
    while ((n = fread(buf, 1, sizeof buf, from)) > 0)
        fwrite(buf, 1, n, d->out);
}
