/* chart_svg.c — a chart as inline SVG for the HTML report (jx_chart_write_svg).
 *
 * The SVG has a viewBox and width 100%, so it scales to the page and stays
 * readable on a phone; labels use a larger font relative to the width than
 * on paper for that reason. Coordinates are written with one decimal from
 * integers (no locale-dependent printf of doubles).
 */
#include <stdlib.h>

#include "chart.h"

#define SVG_WIDTH 440.0
#define SVG_FONT 13.0

/* Drawing coordinates only (no libm needed): v rounded to a whole number. */
static long rounded(double v)
{
    return (long)(v < 0 ? v - 0.5 : v + 0.5);
}

static void coord(FILE *out, const char *name, double v)
{
    long tenths = rounded(v * 10);
    fprintf(out, " %s=\"%s%ld.%ld\"", name, tenths < 0 ? "-" : "", labs(tenths) / 10,
            labs(tenths) % 10);
}

static void colour(FILE *out, const char *name, uint32_t rgb)
{
    fprintf(out, " %s=\"#%06X\"", name, (unsigned)rgb);
}

static void xml_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '&':
            fputs("&amp;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        default:
            fputc(*s, out);
        }
    }
}

static void svg_rect(void *ctx, double x, double y, double w, double h, uint32_t rgb)
{
    FILE *out = ctx;
    fputs("<rect", out);
    coord(out, "x", x);
    coord(out, "y", y);
    coord(out, "width", w);
    coord(out, "height", h);
    colour(out, "fill", rgb);
    fputs("/>\n", out);
}

static void svg_line(void *ctx, double x1, double y1, double x2, double y2, double width,
                     uint32_t rgb)
{
    FILE *out = ctx;
    fputs("<line", out);
    coord(out, "x1", x1);
    coord(out, "y1", y1);
    coord(out, "x2", x2);
    coord(out, "y2", y2);
    coord(out, "stroke-width", width);
    colour(out, "stroke", rgb);
    fputs("/>\n", out);
}

static void svg_text(void *ctx, double x, double y, const char *s, double size, jx_chart_anchor a,
                     bool bold, uint32_t rgb)
{
    FILE *out = ctx;
    fputs("<text", out);
    coord(out, "x", x);
    coord(out, "y", y);
    coord(out, "font-size", size);
    if (a != JX_ANCHOR_START)
        fprintf(out, " text-anchor=\"%s\"", a == JX_ANCHOR_END ? "end" : "middle");
    if (bold) fputs(" font-weight=\"bold\"", out);
    if (rgb != 0x222222u) colour(out, "fill", rgb);
    fputc('>', out);
    xml_text(out, s);
    fputs("</text>\n", out);
}

void jx_chart_write_svg(const jx_chart *c, int number, FILE *out)
{
    char caption[512];
    jx_chart_caption(c, number, caption, sizeof caption);
    double height = jx_chart_height(c, SVG_WIDTH, SVG_FONT);
    fputs("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"", out);
    xml_text(out, caption);
    fputs("\" viewBox=\"0 0", out);
    long w = rounded(SVG_WIDTH), h = rounded(height + 0.5);
    fprintf(out,
            " %ld %ld\" width=\"100%%\" style=\"max-width:%ldpx;height:auto;display:block;"
            "margin:0 auto\" font-family=\"Noto Sans CJK SC,Source Han Sans SC,SimHei,"
            "sans-serif\" fill=\"#222222\">\n",
            w, h, w * 5 / 4);
    jx_chart_painter p = {out, svg_rect, svg_line, svg_text};
    jx_chart_paint(c, SVG_WIDTH, SVG_FONT, &p);
    fputs("</svg>\n", out);
}
