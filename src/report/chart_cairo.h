/* chart_cairo.h — charts drawn with cairo and pango: as vector graphics on a
 * PDF page, or as a PNG image (for Word). Also the pango setup the PDF and
 * Word writers share: 72 units per inch, no hinting, so text is laid out in
 * points and the same everywhere. */
#ifndef JX_CHART_CAIRO_H
#define JX_CHART_CAIRO_H

#include <pango/pangocairo.h>

#include "chart.h"

#define JX_FONT_SERIF "Noto Serif CJK SC"
#define JX_FONT_SANS "Noto Sans CJK SC"

/* A pango context on `map` measuring in points (caller unrefs it). */
PangoContext *jx_pango_context(PangoFontMap *map);
/* A font description of `family` at `size` points (caller frees it). */
PangoFontDescription *jx_pango_font(const char *family, double size, bool bold);

/* Draw the chart with its top-left corner at the current origin of cr. */
void jx_chart_draw(const jx_chart *c, cairo_t *cr, PangoContext *pc, double width, double font);

/* The chart as PNG bytes (malloc'd into *png, *len), `width` points wide at
 * `px_per_pt` pixels per point; *height receives its height in points.
 * Returns false if cairo fails. */
bool jx_chart_png(const jx_chart *c, PangoFontMap *map, double width, double font, double px_per_pt,
                  unsigned char **png, size_t *len, double *height);

#endif
