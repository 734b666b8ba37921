/* doc_pdf.c — the PDF backend of doc.h: cairo PDF surface, text by pango.
 *
 * A4 portrait, 2 cm margins; body "Noto Serif CJK SC" 10.5 pt (五号),
 * headings "Noto Sans CJK SC" bold, tables 9 pt with borders and their header
 * row repeated on every page they continue on, "第 N 页" in the footer,
 * charts drawn as vectors (chart_cairo.c), headings in the PDF outline.
 * Paragraphs are broken across pages line by line. The creation date is
 * fixed, so the same input gives the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "../base/arena.h"
#include "chart_cairo.h"
#include "doc_backend.h"

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 56.7 /* 2 cm */
#define TOP MARGIN
#define BOTTOM (PAGE_H - 62.0)
#define TEXT_W (PAGE_W - 2 * MARGIN)
#define BODY_SIZE 10.5
#define TABLE_SIZE 9.0
#define CELL_PAD_X 3.0
#define CELL_PAD_Y 2.5
#define CHART_FONT 8.0
/* Fixed metadata dates: reproducible output (see docs/report-formats.md). */
#define PDF_DATE "2000-01-01T00:00:00Z"

typedef struct {
    cairo_surface_t *surface;
    cairo_t *cr;
    PangoFontMap *map;
    PangoContext *pc;
    PangoFontDescription *body, *sans_bold[4], *cell, *cell_head, *small, *bullet;
    double y;
    int page;
    bool page_used; /* something drawn on the current page */
    int outline_parent;
    /* a heading is drawn when what follows it is known, to keep them together */
    PangoLayout *heading;
    int heading_level;
    char *heading_text;
    /* the open table */
    int n_cols;
    double col_x[JX_DOC_MAX_COLS + 1];
    char *headers[JX_DOC_MAX_COLS];
    bool header_on_page, table_has_rows;
} pdf;

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int length)
{
    jx_doc *d = closure;
    return fwrite(data, 1, length, d->out) == length ? CAIRO_STATUS_SUCCESS
                                                     : CAIRO_STATUS_WRITE_ERROR;
}

static PangoLayout *layout(pdf *p, const char *text, const PangoFontDescription *fd, double width)
{
    PangoLayout *l = pango_layout_new(p->pc);
    pango_layout_set_font_description(l, fd);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(l, text, -1);
    return l;
}

static double height_of(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

/* ---- pages -------------------------------------------------------------------- */

static void footer(pdf *p)
{
    char text[32];
    snprintf(text, sizeof text, "第 %d 页", p->page);
    PangoLayout *l = layout(p, text, p->small, TEXT_W);
    pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
    cairo_set_source_rgb(p->cr, 0.33, 0.33, 0.33);
    cairo_move_to(p->cr, MARGIN, PAGE_H - 38.0);
    pango_cairo_show_layout(p->cr, l);
    g_object_unref(l);
}

static void new_page(pdf *p)
{
    footer(p);
    cairo_show_page(p->cr);
    p->page++;
    p->y = TOP;
    p->page_used = false;
    p->header_on_page = false;
}

/* Start a new page unless `need` points fit below y (or the page is empty). */
static void room_for(pdf *p, double need)
{
    if (p->page_used && p->y + need > BOTTOM) new_page(p);
}

/* Draw a layout at x from y on, line by line, moving to a new page when a line
 * does not fit. `marker` (a bullet) is drawn before the first line at mx. */
static void flow(pdf *p, PangoLayout *l, double x, const char *marker, double mx)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    double shift = p->y; /* page y of the layout's top */
    bool first = true;
    do {
        PangoRectangle r;
        pango_layout_iter_get_line_extents(it, NULL, &r);
        double top = (double)r.y / PANGO_SCALE, h = (double)r.height / PANGO_SCALE;
        if (shift + top + h > BOTTOM && p->page_used) {
            new_page(p);
            shift = TOP - top;
        }
        double baseline = shift + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
        cairo_set_source_rgb(p->cr, 0.1, 0.1, 0.1);
        if (first && marker) {
            PangoLayout *m = layout(p, marker, p->bullet, 100);
            cairo_move_to(p->cr, mx, baseline - (double)pango_layout_get_baseline(m) / PANGO_SCALE);
            pango_cairo_show_layout(p->cr, m);
            g_object_unref(m);
        }
        cairo_move_to(p->cr, x + (double)r.x / PANGO_SCALE, baseline);
        pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
        p->page_used = true;
        p->y = shift + top + h;
        first = false;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

/* ---- backend ------------------------------------------------------------------ */

static bool pdf_begin(jx_doc *d, const char *title)
{
    pdf *p = jx_xmalloc(sizeof *p);
    memset(p, 0, sizeof *p);
    p->surface = cairo_pdf_surface_create_for_stream(write_out, d, PAGE_W, PAGE_H);
    if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS) {
        jx_doc_fail(d, "无法创建 PDF: %s",
                    cairo_status_to_string(cairo_surface_status(p->surface)));
        cairo_surface_destroy(p->surface);
        free(p);
        return false;
    }
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, "jixiao");
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATE_DATE, PDF_DATE);
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_MOD_DATE, PDF_DATE);
    p->cr = cairo_create(p->surface);
    p->map = pango_cairo_font_map_new();
    p->pc = jx_pango_context(p->map);
    p->body = jx_pango_font(JX_FONT_SERIF, BODY_SIZE, false);
    static const double heading_size[4] = {0, 18, 14, 12};
    for (int i = 1; i < 4; i++)
        p->sans_bold[i] = jx_pango_font(JX_FONT_SANS, heading_size[i], true);
    p->cell = jx_pango_font(JX_FONT_SERIF, TABLE_SIZE, false);
    p->cell_head = jx_pango_font(JX_FONT_SANS, TABLE_SIZE, true);
    p->small = jx_pango_font(JX_FONT_SERIF, 9, false);
    p->bullet = jx_pango_font(JX_FONT_SANS, BODY_SIZE, false);
    p->page = 1;
    p->y = TOP;
    d->impl = p;
    return true;
}

static void flush_heading(pdf *p, double need_after);

static bool pdf_end(jx_doc *d)
{
    pdf *p = d->impl;
    flush_heading(p, 0);
    footer(p);
    cairo_show_page(p->cr);
    cairo_destroy(p->cr);
    cairo_surface_finish(p->surface);
    cairo_status_t st = cairo_surface_status(p->surface);
    if (st != CAIRO_STATUS_SUCCESS) jx_doc_fail(d, "PDF 写出失败: %s", cairo_status_to_string(st));
    cairo_surface_destroy(p->surface);
    pango_font_description_free(p->body);
    for (int i = 1; i < 4; i++)
        pango_font_description_free(p->sans_bold[i]);
    pango_font_description_free(p->cell);
    pango_font_description_free(p->cell_head);
    pango_font_description_free(p->small);
    pango_font_description_free(p->bullet);
    g_object_unref(p->pc);
    g_object_unref(p->map);
    for (int i = 0; i < p->n_cols; i++)
        free(p->headers[i]);
    free(p);
    d->impl = NULL;
    return st == CAIRO_STATUS_SUCCESS;
}

static const double HEADING_BEFORE[4] = {0, 0, 14, 10}, HEADING_AFTER[4] = {0, 14, 6, 4};

/* Height the waiting heading takes, with its spacing (0 if none). */
static double heading_height(const pdf *p)
{
    if (!p->heading) return 0;
    return HEADING_BEFORE[p->heading_level] + height_of(p->heading) +
           HEADING_AFTER[p->heading_level];
}

/* Draw the waiting heading where `need_after` points fit below it. */
static void flush_heading(pdf *p, double need_after)
{
    if (!p->heading) return;
    int level = p->heading_level;
    double h = heading_height(p), most = BOTTOM - TOP - h;
    if (need_after > most) need_after = most;
    if (p->page_used) p->y += HEADING_BEFORE[level];
    room_for(p, h - HEADING_BEFORE[level] + need_after);
    char dest[64];
    snprintf(dest, sizeof dest, "page=%d pos=[%d %d]", p->page, (int)MARGIN, (int)p->y);
    int id = cairo_pdf_surface_add_outline(p->surface, level == 3 ? p->outline_parent : 0,
                                           p->heading_text, dest, 0);
    if (level <= 2) p->outline_parent = id;
    flow(p, p->heading, MARGIN, NULL, 0);
    p->y += HEADING_AFTER[level];
    g_object_unref(p->heading);
    free(p->heading_text);
    p->heading = NULL;
    p->heading_text = NULL;
}

/* About three lines of body text: what a heading is kept with. */
#define LINES_AFTER_HEADING (3 * BODY_SIZE * 1.75)

static void pdf_heading(jx_doc *d, int level, const char *text)
{
    pdf *p = d->impl;
    if (level < 1) level = 1;
    if (level > 3) level = 3;
    PangoLayout *l = layout(p, text, p->sans_bold[level], TEXT_W);
    if (level == 1) pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
    flush_heading(p, HEADING_BEFORE[level] + height_of(l) + LINES_AFTER_HEADING);
    p->heading = l;
    p->heading_level = level;
    p->heading_text = strcpy(jx_xmalloc(strlen(text) + 1), text);
}

static void pdf_para(jx_doc *d, const char *text)
{
    pdf *p = d->impl;
    PangoLayout *l = layout(p, text, p->body, TEXT_W);
    pango_layout_set_indent(l, (int)(2 * BODY_SIZE * PANGO_SCALE));
    pango_layout_set_spacing(l, (int)(3 * PANGO_SCALE));
    double h = height_of(l);
    flush_heading(p, h < LINES_AFTER_HEADING ? h : LINES_AFTER_HEADING);
    flow(p, l, MARGIN, NULL, 0);
    p->y += 5;
    g_object_unref(l);
}

static void pdf_list_begin(jx_doc *d)
{
    (void)d;
}

static void pdf_item(jx_doc *d, const char *text)
{
    pdf *p = d->impl;
    double indent = 1.6 * BODY_SIZE;
    PangoLayout *l = layout(p, text, p->body, TEXT_W - indent);
    pango_layout_set_spacing(l, (int)(3 * PANGO_SCALE));
    double h = height_of(l);
    flush_heading(p, h < LINES_AFTER_HEADING ? h : LINES_AFTER_HEADING);
    flow(p, l, MARGIN + indent, "•", MARGIN + 0.5 * BODY_SIZE);
    p->y += 3;
    g_object_unref(l);
}

static void pdf_list_end(jx_doc *d)
{
    pdf *p = d->impl;
    p->y += 3;
}

/* ---- tables ------------------------------------------------------------------- */

/* Lay out one row's cells; returns the row height. */
static double row_layouts(pdf *p, const char *const *cells, int n, bool head, PangoLayout **out)
{
    double height = 0;
    for (int i = 0; i < p->n_cols; i++) {
        const char *text = i < n ? cells[i] : "";
        double w = p->col_x[i + 1] - p->col_x[i] - 2 * CELL_PAD_X;
        /* cppcheck-suppress variableScope ; text may point into it below */
        char split[512];
        if (head) text = jx_doc_header_lines(text, w / TABLE_SIZE, split, sizeof split);
        out[i] = layout(p, text, head ? p->cell_head : p->cell, w);
        jx_doc_align a = head ? JX_ALIGN_CENTER : jx_doc_cell_align(text);
        pango_layout_set_alignment(out[i], a == JX_ALIGN_RIGHT    ? PANGO_ALIGN_RIGHT
                                           : a == JX_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                                                  : PANGO_ALIGN_LEFT);
        double h = height_of(out[i]);
        if (h > height) height = h;
    }
    return height + 2 * CELL_PAD_Y;
}

static void draw_row(pdf *p, PangoLayout **cells, double height, bool head)
{
    cairo_t *cr = p->cr;
    if (head) {
        cairo_set_source_rgb(cr, 0.91, 0.91, 0.91);
        cairo_rectangle(cr, p->col_x[0], p->y, p->col_x[p->n_cols] - p->col_x[0], height);
        cairo_fill(cr);
    }
    for (int i = 0; i < p->n_cols; i++) {
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        cairo_move_to(cr, p->col_x[i] + CELL_PAD_X, p->y + CELL_PAD_Y);
        pango_cairo_show_layout(cr, cells[i]);
        cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
        cairo_set_line_width(cr, 0.5);
        cairo_rectangle(cr, p->col_x[i], p->y, p->col_x[i + 1] - p->col_x[i], height);
        cairo_stroke(cr);
        g_object_unref(cells[i]);
    }
    p->y += height;
    p->page_used = true;
}

static void draw_header(pdf *p)
{
    PangoLayout *cells[JX_DOC_MAX_COLS];
    double h = row_layouts(p, (const char *const *)p->headers, p->n_cols, true, cells);
    draw_row(p, cells, h, true);
    p->header_on_page = true;
}

static double header_height(pdf *p)
{
    PangoLayout *cells[JX_DOC_MAX_COLS];
    double h = row_layouts(p, (const char *const *)p->headers, p->n_cols, true, cells);
    for (int i = 0; i < p->n_cols; i++)
        g_object_unref(cells[i]);
    return h;
}

static void pdf_table(jx_doc *d, const char *const *headers, int n, const double *widths)
{
    pdf *p = d->impl;
    for (int i = 0; i < p->n_cols; i++)
        free(p->headers[i]);
    p->n_cols = n;
    p->col_x[0] = MARGIN;
    for (int i = 0; i < n; i++) {
        p->headers[i] = strcpy(jx_xmalloc(strlen(headers[i]) + 1), headers[i]);
        p->col_x[i + 1] = p->col_x[i] + (widths ? widths[i] : 1.0 / n) * TEXT_W;
    }
    p->col_x[n] = MARGIN + TEXT_W;
    p->y += 2;
    p->header_on_page = false;
    p->table_has_rows = false;
}

static void pdf_row(jx_doc *d, const char *const *cells, int n)
{
    pdf *p = d->impl;
    PangoLayout *row[JX_DOC_MAX_COLS];
    double h = row_layouts(p, cells, n, false, row);
    double head = p->header_on_page ? 0 : header_height(p);
    flush_heading(p, head + h);
    if (p->y + head + h > BOTTOM && p->page_used) new_page(p);
    if (!p->header_on_page) draw_header(p);
    draw_row(p, row, h, false);
    p->table_has_rows = true;
}

static void pdf_table_end(jx_doc *d)
{
    pdf *p = d->impl;
    if (!p->table_has_rows) {
        flush_heading(p, header_height(p));
        room_for(p, header_height(p));
        draw_header(p);
    }
    p->y += 8;
    p->header_on_page = true; /* no more header repeats */
}

/* ---- charts ------------------------------------------------------------------- */

static void pdf_chart(jx_doc *d, const jx_chart *c, int number)
{
    pdf *p = d->impl;
    char caption[512];
    jx_chart_caption(c, number, caption, sizeof caption);
    PangoLayout *cap = layout(p, caption, p->cell_head, TEXT_W);
    pango_layout_set_alignment(cap, PANGO_ALIGN_CENTER);
    PangoLayout *note = c->note ? layout(p, c->note, p->small, TEXT_W) : NULL;
    if (note) pango_layout_set_alignment(note, PANGO_ALIGN_CENTER);
    double chart_h = jx_chart_height(c, TEXT_W, CHART_FONT);
    double text_h = height_of(cap) + (note ? height_of(note) : 0) + 10;
    double scale = 1.0, room = BOTTOM - TOP - text_h - heading_height(p) - 6;
    if (chart_h > room) scale = room / chart_h; /* taller than a page: shrink to fit */
    flush_heading(p, chart_h * scale + text_h + 6);
    p->y += 6;
    room_for(p, chart_h * scale + text_h);
    cairo_save(p->cr);
    cairo_translate(p->cr, MARGIN + TEXT_W * (1 - scale) / 2, p->y);
    cairo_scale(p->cr, scale, scale);
    jx_chart_draw(c, p->cr, p->pc, TEXT_W, CHART_FONT);
    cairo_restore(p->cr);
    p->y += chart_h * scale + 4;
    p->page_used = true;
    flow(p, cap, MARGIN, NULL, 0);
    if (note) {
        flow(p, note, MARGIN, NULL, 0);
        g_object_unref(note);
    }
    g_object_unref(cap);
    p->y += 8;
}

const jx_doc_backend jx_doc_pdf_backend = {
    pdf_begin,
    pdf_end,
    pdf_heading,
    pdf_para,
    pdf_list_begin,
    pdf_item,
    pdf_list_end,
    pdf_table,
    pdf_row,
    pdf_table_end,
    pdf_chart,
    TEXT_W / TABLE_SIZE,
    2 * CELL_PAD_X / TABLE_SIZE,
};
