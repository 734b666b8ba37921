/* chart.h — bar charts for the report: what a chart holds, how its bars are
 * chosen in bounded memory, and how it is laid out.
 *
 * A chart holds at most JX_CHART_MAX_BARS bars with exact values (jx_dec).
 * jx_chart_offer() keeps the lowest bars of any number of offers, so a report
 * of 10,000 projects still draws 40 bars and holds 40 labels.
 *
 * jx_chart_paint() lays the chart out once and hands rectangles, lines and
 * texts to a painter: the SVG writer (chart_svg.c) and the cairo painter
 * (chart_cairo.c, for PDF pages and PNG images) draw the same picture.
 */
#ifndef JX_CHART_H
#define JX_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../value/dec.h"

typedef enum {
    JX_CHART_VBAR,         /* vertical bars, one or two series (grade distribution) */
    JX_CHART_HBAR,         /* horizontal bars, one series (execution rate per project) */
    JX_CHART_HBAR_GROUPED, /* horizontal bars, two series (claimed vs rule total) */
} jx_chart_kind;

#define JX_CHART_MAX_BARS 40
#define JX_CHART_MAX_SERIES 2
#define JX_CHART_LABEL 160 /* bytes kept of a bar's label */

typedef struct {
    char label[JX_CHART_LABEL];
    jx_dec value[JX_CHART_MAX_SERIES]; /* JX_NONE: no bar */
    size_t order;                      /* when it was offered */
} jx_chart_bar;

typedef struct jx_chart {
    jx_chart_kind kind;
    const char *title;    /* the caption, e.g. "各项目预算执行率" */
    const char *unit;     /* written after value labels: "%", "分", "" */
    const char *note;     /* a second caption line (which bars are shown), or NULL */
    const char *category; /* what a bar is ("等级", "项目"): first column in Markdown */
    const char *series[JX_CHART_MAX_SERIES];
    int n_series;
    size_t n_bars;  /* bars held */
    size_t offered; /* bars offered (more than n_bars when some were left out) */
    jx_chart_bar bars[JX_CHART_MAX_BARS];
} jx_chart;

/* An empty chart (the strings are not copied: they must outlive the chart). */
void jx_chart_init(jx_chart *c, jx_chart_kind kind, const char *title, const char *unit,
                   int n_series);
/* Add a bar in order (the first JX_CHART_MAX_BARS are kept). */
void jx_chart_add(jx_chart *c, const char *label, const jx_dec *values);
/* Offer a bar: the chart keeps the JX_CHART_MAX_BARS lowest by values[key]
 * (ties: the earlier one). Offers whose key is JX_NONE are ignored. */
void jx_chart_offer(jx_chart *c, const char *label, const jx_dec *values, int key);
/* After the offers: bars in offer order when all were kept, else lowest first. */
void jx_chart_settle(jx_chart *c, int key);

/* ---- layout and painting ---------------------------------------------------- */

/* Coordinates are in the painter's units (points for PDF, SVG user units);
 * y grows downwards, text y is the baseline. Colours are 0xRRGGBB. */
typedef enum { JX_ANCHOR_START, JX_ANCHOR_MIDDLE, JX_ANCHOR_END } jx_chart_anchor;

typedef struct jx_chart_painter {
    void *ctx;
    void (*rect)(void *ctx, double x, double y, double w, double h, uint32_t rgb);
    void (*line)(void *ctx, double x1, double y1, double x2, double y2, double width, uint32_t rgb);
    void (*text)(void *ctx, double x, double y, const char *s, double size, jx_chart_anchor a,
                 bool bold, uint32_t rgb);
} jx_chart_painter;

/* Height of the chart drawn `width` wide with labels of `font` size. */
double jx_chart_height(const jx_chart *c, double width, double font);
/* Draw the chart into [0, width] x [0, jx_chart_height()). */
void jx_chart_paint(const jx_chart *c, double width, double font, const jx_chart_painter *p);

/* Estimated width of a UTF-8 text in ems (CJK 1, Latin about 0.55): for
 * column widths and label room, before a font is at hand. */
double jx_text_em(const char *s);
/* Longest run of s that cannot be broken (Latin word, number), in ems. */
double jx_text_em_unbreakable(const char *s);

/* The chart as an inline SVG element (chart_svg.c); `number` is its figure number. */
void jx_chart_write_svg(const jx_chart *c, int number, FILE *out);
/* The caption "图 N  title" into buf. */
void jx_chart_caption(const jx_chart *c, int number, char *buf, size_t cap);

#endif
