/* chart_cairo.c — the chart painter for cairo (PDF pages, PNG images) and
 * the shared pango setup; see chart_cairo.h. */
#include "chart_cairo.h"

#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"

PangoContext *jx_pango_context(PangoFontMap *map)
{
    PangoContext *pc = pango_font_map_create_context(map);
    pango_cairo_context_set_resolution(pc, 72.0);
    cairo_font_options_t *o = cairo_font_options_create();
    cairo_font_options_set_hint_style(o, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(o, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(o, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(pc, o);
    cairo_font_options_destroy(o);
    pango_context_set_round_glyph_positions(pc, FALSE);
    pango_context_set_language(pc, pango_language_from_string("zh-cn"));
    return pc;
}

PangoFontDescription *jx_pango_font(const char *family, double size, bool bold)
{
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, family);
    pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE + 0.5));
    if (bold) pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    return fd;
}

typedef struct {
    cairo_t *cr;
    PangoContext *pc;
} painter_ctx;

static void set_colour(cairo_t *cr, uint32_t rgb)
{
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                         (rgb & 0xFF) / 255.0);
}

static void cairo_rect(void *ctx, double x, double y, double w, double h, uint32_t rgb)
{
    painter_ctx *p = ctx;
    set_colour(p->cr, rgb);
    cairo_rectangle(p->cr, x, y, w, h);
    cairo_fill(p->cr);
}

static void cairo_line(void *ctx, double x1, double y1, double x2, double y2, double width,
                       uint32_t rgb)
{
    painter_ctx *p = ctx;
    set_colour(p->cr, rgb);
    cairo_set_line_width(p->cr, width);
    cairo_move_to(p->cr, x1, y1);
    cairo_line_to(p->cr, x2, y2);
    cairo_stroke(p->cr);
}

static void cairo_text(void *ctx, double x, double y, const char *s, double size, jx_chart_anchor a,
                       bool bold, uint32_t rgb)
{
    painter_ctx *p = ctx;
    PangoLayout *l = pango_layout_new(p->pc);
    PangoFontDescription *fd = jx_pango_font(JX_FONT_SANS, size, bold);
    pango_layout_set_font_description(l, fd);
    pango_layout_set_text(l, s, -1);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    double width = (double)w / PANGO_SCALE;
    double left = a == JX_ANCHOR_START ? x : a == JX_ANCHOR_MIDDLE ? x - width / 2 : x - width;
    set_colour(p->cr, rgb);
    cairo_move_to(p->cr, left, y - (double)pango_layout_get_baseline(l) / PANGO_SCALE);
    pango_cairo_show_layout(p->cr, l);
    pango_font_description_free(fd);
    g_object_unref(l);
}

void jx_chart_draw(const jx_chart *c, cairo_t *cr, PangoContext *pc, double width, double font)
{
    painter_ctx ctx = {cr, pc};
    jx_chart_painter p = {&ctx, cairo_rect, cairo_line, cairo_text};
    cairo_save(cr);
    jx_chart_paint(c, width, font, &p);
    cairo_restore(cr);
}

/* ---- PNG ------------------------------------------------------------------------ */

typedef struct {
    unsigned char *data;
    size_t len, cap;
} png_buffer;

static cairo_status_t png_append(void *closure, const unsigned char *data, unsigned int length)
{
    png_buffer *b = closure;
    if (b->len + length > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 65536;
        while (cap < b->len + length)
            cap *= 2;
        b->data = jx_xrealloc(b->data, cap);
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, length);
    b->len += length;
    return CAIRO_STATUS_SUCCESS;
}

bool jx_chart_png(const jx_chart *c, PangoFontMap *map, double width, double font, double px_per_pt,
                  unsigned char **png, size_t *len, double *height)
{
    *png = NULL;
    *len = 0;
    *height = jx_chart_height(c, width, font);
    int w = (int)(width * px_per_pt + 0.5), h = (int)(*height * px_per_pt + 0.5);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(s);
    PangoContext *pc = jx_pango_context(map);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, px_per_pt, px_per_pt);
    jx_chart_draw(c, cr, pc, width, font);
    g_object_unref(pc);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    png_buffer b = {NULL, 0, 0};
    bool ok = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS &&
              cairo_surface_write_to_png_stream(s, png_append, &b) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(s);
    if (!ok) {
        free(b.data);
        return false;
    }
    *png = b.data;
    *len = b.len;
    return true;
}
