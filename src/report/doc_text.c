/* doc_text.c — the Markdown and self-contained HTML backends of doc.h.
 *
 * HTML charts are inline SVG (chart_svg.c); Markdown charts are a caption
 * and a small table of the values.
 */
#include <string.h>

#include "doc_backend.h"

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

static bool text_begin(jx_doc *d, const char *title)
{
    if (d->format == JX_DOC_HTML) {
        fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
              d->out);
        escaped(d, title);
        fprintf(d->out, "</title>\n<style>%s</style>\n</head>\n<body>\n", CSS);
    }
    return true;
}

static bool text_end(jx_doc *d)
{
    if (d->format == JX_DOC_HTML) fputs("</body>\n</html>\n", d->out);
    return !ferror(d->out);
}

static void text_heading(jx_doc *d, int level, const char *text)
{
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

static void text_para(jx_doc *d, const char *text)
{
    if (d->format == JX_DOC_HTML) fputs("<p>", d->out);
    escaped(d, text);
    fputs(d->format == JX_DOC_HTML ? "</p>\n" : "\n\n", d->out);
}

static void text_list_begin(jx_doc *d)
{
    if (d->format == JX_DOC_HTML) fputs("<ul>\n", d->out);
}

static void text_item(jx_doc *d, const char *text)
{
    fputs(d->format == JX_DOC_HTML ? "<li>" : "- ", d->out);
    escaped(d, text);
    fputs(d->format == JX_DOC_HTML ? "</li>\n" : "\n", d->out);
}

static void text_list_end(jx_doc *d)
{
    fputs(d->format == JX_DOC_HTML ? "</ul>\n" : "\n", d->out);
}

static void text_table(jx_doc *d, const char *const *headers, int n, const double *widths)
{
    (void)widths;
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

static void text_row(jx_doc *d, const char *const *cells, int n)
{
    if (d->format == JX_DOC_HTML) {
        fputs("<tr>", d->out);
        for (int i = 0; i < n; i++) {
            fputs(jx_doc_is_figure(cells[i]) ? "<td class=\"n\">" : "<td>", d->out);
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

static void text_table_end(jx_doc *d)
{
    fputs(d->format == JX_DOC_HTML ? "</tbody>\n</table>\n" : "\n", d->out);
}

/* Markdown: the caption, then the values as a table. */
static void md_chart(jx_doc *d, const jx_chart *c, int number)
{
    char caption[512];
    jx_chart_caption(c, number, caption, sizeof caption);
    text_para(d, caption);
    const char *headers[1 + JX_CHART_MAX_SERIES] = {c->category};
    for (int s = 0; s < c->n_series; s++)
        headers[1 + s] = c->series[s] ? c->series[s] : "";
    bool was_in_table = d->in_table;
    d->in_table = true; /* table escaping */
    text_table(d, headers, 1 + c->n_series, NULL);
    for (size_t i = 0; i < c->n_bars; i++) {
        char values[JX_CHART_MAX_SERIES][JX_DEC_BUF + 8], v[JX_DEC_BUF];
        const char *cells[1 + JX_CHART_MAX_SERIES] = {c->bars[i].label};
        for (int s = 0; s < c->n_series; s++) {
            jx_dec x = c->bars[i].value[s];
            snprintf(values[s], sizeof values[s], "%s%s", jx_dec_fmt(x, v),
                     jx_has(x) ? c->unit : "");
            cells[1 + s] = values[s];
        }
        text_row(d, cells, 1 + c->n_series);
    }
    text_table_end(d);
    d->in_table = was_in_table;
    if (c->note) text_para(d, c->note);
}

static void html_chart(jx_doc *d, const jx_chart *c, int number)
{
    char caption[512];
    jx_chart_caption(c, number, caption, sizeof caption);
    fputs("<figure style=\"margin:1em 0\">\n", d->out);
    jx_chart_write_svg(c, number, d->out);
    fputs("<figcaption style=\"text-align:center;font-size:.9em;color:#444\">", d->out);
    escaped(d, caption);
    if (c->note) {
        fputs("<br>", d->out);
        escaped(d, c->note);
    }
    fputs("</figcaption>\n</figure>\n", d->out);
}

const jx_doc_backend jx_doc_md_backend = {
    text_begin,
    text_end,
    text_heading,
    text_para,
    text_list_begin,
    text_item,
    text_list_end,
    text_table,
    text_row,
    text_table_end,
    md_chart,
    0,
    0,
};

const jx_doc_backend jx_doc_html_backend = {
    text_begin,
    text_end,
    text_heading,
    text_para,
    text_list_begin,
    text_item,
    text_list_end,
    text_table,
    text_row,
    text_table_end,
    html_chart,
    0,
    0,
};
