/* pdf.c — PDF text layer to rows of cells (poppler-glib).
 *
 * poppler gives each page's text and one box per character. A PDF table is
 * only characters placed at positions, so rows and cells are rebuilt from the
 * boxes, page by page:
 *
 *   1. orientation: neighbouring characters of the page text vote for the
 *      direction the text runs; a table printed sideways has its boxes
 *      turned so that lines read left to right;
 *   2. lines: characters (whitespace left out) are sorted by the vertical
 *      centre of their box; a character joins the current line when its
 *      centre lies within LINE_TOL × the smaller glyph height of the line's
 *      mean centre;
 *   3. cells: a line's characters are sorted by x; a new cell starts at a gap
 *      wider than CELL_GAP × em (em = the larger of the page's median glyph
 *      width and the narrower neighbour's width: 1.5 characters whatever the
 *      font size), or at a narrower gap crossed by a ruling line — the page
 *      is rendered (once, when first needed) and a pixel column darker than
 *      the gap's background over the whole line height is a cell border. A
 *      smaller gap wider than SPACE_GAP × glyph height is one space ("分 值");
 *   4. furniture: walking in from the top and the bottom edge of each page,
 *      lines in the outer BAND that are a page number ("- 3 -", "第 3 页",
 *      "3/12", "Page 3 of 12", a bare "3" on page 3) or that repeat at the
 *      same height on ≥ 3 pages (both pages of a two-page document; digits
 *      ignored, so "仅供内部审核 1/2" matches "2/2") are dropped. A repeated
 *      line must be short (≤ 2 cells), not larger than the page's text (a
 *      title) and stand MARGIN_GAP line heights apart from the content (a
 *      title repeated on every page sits right on top of its table).
 *
 * Everything is extracted into one arena when the document is opened; the
 * poppler document is released before jx_pdf_open returns.
 */
#include "pdf.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "../base/arena.h"
#include "../base/text.h"

#define LINE_TOL 0.5         /* same line: centres within 0.5 × glyph height */
#define CELL_GAP 1.5         /* new cell: gap > 1.5 × em */
#define SPACE_GAP 0.12       /* a space: gap > 0.12 × glyph height */
#define RULE_GAP 0.05        /* a narrower gap is never looked at for a ruling line */
#define RENDER_SCALE 2.0     /* pixels per point when looking for ruling lines */
#define RENDER_MAX_PX 2400.0 /* at most this many pixels across or down */
#define BAND 0.10            /* header / footer band: outer 10 % of the page height */
#define EDGE_LINES 4         /* furniture lines looked at on each edge of a page */
#define REPEAT_PAGES 3       /* a header or footer repeats on this many pages */
#define MARGIN_GAP 1.2       /* a running header stands 1.2 line heights apart */
#define TITLE_SIZE 1.05      /* a line 5 % larger than the page's median glyph: a title */
#define MAX_GLYPHS_TOTAL (8u * 1000 * 1000)
#define MAX_LINES (1000 * 1000)

static const char MSG_SCAN[] = "PDF 没有文字层 (可能是扫描件), 需要先做 OCR 文字识别 (the PDF has "
                               "no text layer; it needs OCR)";

typedef struct {
    double x1, y1, x2, y2;
    const char *s; /* the character's UTF-8 in the page text */
    size_t len;
    size_t idx; /* index of the character in the page text */
} glyph;

enum { EDGE_NONE, EDGE_TOP, EDGE_BOTTOM };

typedef struct {
    const char **cells;
    size_t n;
    int page;
    double yc, h; /* mean vertical centre and glyph height */
    int edge;     /* which page band the line lies in */
    bool large;   /* glyphs larger than the page's usual: a title, not a running header */
    bool repeated, drop;
    const char *text; /* for furniture candidates: NFKC, no whitespace */
    const char *key;  /* text with digit runs as '#' */
} pline;

typedef struct {
    jx_arena arena;
    pline *lines;
    size_t n, cap;
    size_t next;
    long lineno;
} pdf_doc;

/* The page drawn into pixels, to see its ruling lines (made when first needed). */
typedef struct {
    PopplerPage *page;
    double w, h;
    bool tried;
    cairo_surface_t *img; /* NULL when not rendered */
    const unsigned char *px;
    int stride, width, height;
    double scale;
    int orient; /* ORIENT_*: which way the page's text runs */
} page_image;

/* Text direction on a page: boxes are turned so that lines always read left
 * to right and follow each other downwards (a table printed sideways). */
enum { ORIENT_RIGHT, ORIENT_DOWN, ORIENT_LEFT, ORIENT_UP };

/* Scratch space while a document is extracted. */
typedef struct {
    pdf_doc *doc;
    page_image pi;
    glyph *g;
    size_t ng, gcap;
    double *tmp;
    size_t tcap;
    char *buf;
    size_t blen, bcap;
    const char *cells[JX_MAX_CELLS];
    size_t ncells;
    size_t total;
    int page;
    double page_h, wmed, hmed; /* this page: height (turned), median glyph width and height */
    char *err;
    size_t errlen;
} extractor;

/* ---- rows interface ---------------------------------------------------------- */

static int pdf_next(void *state, jx_row *row, char *err, size_t errlen)
{
    (void)err;
    (void)errlen;
    pdf_doc *d = state;
    while (d->next < d->n && d->lines[d->next].drop)
        d->next++;
    if (d->next == d->n) return 0;
    const pline *l = &d->lines[d->next++];
    row->cells = l->cells;
    row->n = l->n;
    row->line = ++d->lineno;
    row->table = l->page;
    row->paragraph = false;
    return 1;
}

static void pdf_close(void *state)
{
    pdf_doc *d = state;
    if (!d) return;
    jx_arena_free(&d->arena);
    free(d->lines);
    free(d);
}

/* ---- glyphs ------------------------------------------------------------------ */

static bool is_blank(gunichar c)
{
    return c < 0x21 || c == 0x7F || c == 0xA0 || c == 0x3000 || c == 0xFEFF ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F;
}

/* Own min/max: the library links without libm. */
static double dmin(double a, double b)
{
    return a < b ? a : b;
}
static double dmax(double a, double b)
{
    return a > b ? a : b;
}

static double gw(const glyph *g)
{
    return g->x2 - g->x1;
}
static double gh(const glyph *g)
{
    return g->y2 - g->y1;
}
static double gyc(const glyph *g)
{
    return (g->y1 + g->y2) / 2;
}

static bool usable(double v)
{
    return isfinite(v) && v > -1e7 && v < 1e7;
}

static bool add_glyph(extractor *ex, const PopplerRectangle *r, const char *s, size_t len,
                      size_t idx)
{
    if (!usable(r->x1) || !usable(r->x2) || !usable(r->y1) || !usable(r->y2))
        return true; /* off any page */
    if (ex->ng == JX_PDF_MAX_GLYPHS_PER_PAGE || ex->total == MAX_GLYPHS_TOTAL) {
        snprintf(ex->err, ex->errlen, "PDF 第 %d 页文字过多, 超出上限 (too much text on page %d)",
                 ex->page + 1, ex->page + 1);
        return false;
    }
    if (ex->ng == ex->gcap) {
        ex->gcap = ex->gcap ? ex->gcap * 2 : 1024;
        ex->g = jx_xrealloc(ex->g, ex->gcap * sizeof *ex->g);
    }
    glyph *g = &ex->g[ex->ng++];
    g->x1 = dmin(r->x1, r->x2);
    g->x2 = dmax(r->x1, r->x2);
    g->y1 = dmin(r->y1, r->y2);
    g->y2 = dmax(r->y1, r->y2);
    if (g->y2 - g->y1 < 0.01) g->y2 = g->y1 + 0.01; /* degenerate box: keep it usable */
    g->s = s;
    g->len = len;
    g->idx = idx;
    ex->total++;
    return true;
}

/* One glyph per non-blank character of `text`; rects[k] is the box of the
 * k-th character (poppler_page_get_text_layout). */
static bool collect_glyphs(extractor *ex, const char *text, const PopplerRectangle *rects,
                           guint nrects)
{
    ex->ng = 0;
    const char *s = text;
    for (guint k = 0; k < nrects && *s; k++) {
        const char *next = g_utf8_next_char(s);
        if (!is_blank(g_utf8_get_char(s)) && !add_glyph(ex, &rects[k], s, (size_t)(next - s), k))
            return false;
        s = next;
    }
    return true;
}

/* Which way most of the page's text runs: each pair of neighbouring
 * characters of the page text votes for the direction from one to the next. */
static int text_orientation(const extractor *ex)
{
    size_t votes[4] = {0, 0, 0, 0};
    for (size_t i = 1; i < ex->ng; i++) {
        const glyph *a = &ex->g[i - 1], *b = &ex->g[i];
        if (b->idx != a->idx + 1) continue;
        double dx = (b->x1 + b->x2 - a->x1 - a->x2) / 2, dy = (b->y1 + b->y2 - a->y1 - a->y2) / 2;
        double size = dmax(gw(a), gh(a)), adx = dx < 0 ? -dx : dx, ady = dy < 0 ? -dy : dy;
        if (adx + ady > 3 * size) continue; /* the next line, not the next character */
        if (adx >= ady)
            votes[dx >= 0 ? ORIENT_RIGHT : ORIENT_LEFT]++;
        else
            votes[dy > 0 ? ORIENT_DOWN : ORIENT_UP]++;
    }
    int best = ORIENT_RIGHT;
    for (int o = 1; o < 4; o++)
        if (votes[o] > votes[best]) best = o;
    return best;
}

/* Turn point (x, y) of a w × h page so that text running `orient` reads left to right. */
static void turn(int orient, double w, double h, double x, double y, double *tx, double *ty)
{
    switch (orient) {
    case ORIENT_DOWN:
        *tx = y, *ty = w - x;
        break;
    case ORIENT_LEFT:
        *tx = w - x, *ty = h - y;
        break;
    case ORIENT_UP:
        *tx = h - y, *ty = x;
        break;
    default:
        *tx = x, *ty = y;
        break;
    }
}

static void turn_glyphs(extractor *ex, int orient, double w, double h)
{
    for (size_t i = 0; i < ex->ng; i++) {
        glyph *g = &ex->g[i];
        double ax, ay, bx, by;
        turn(orient, w, h, g->x1, g->y1, &ax, &ay);
        turn(orient, w, h, g->x2, g->y2, &bx, &by);
        g->x1 = dmin(ax, bx), g->x2 = dmax(ax, bx);
        g->y1 = dmin(ay, by), g->y2 = dmax(ay, by);
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int cmp_glyph_y(const void *a, const void *b)
{
    const glyph *p = a, *q = b;
    double d = gyc(p) - gyc(q);
    if (d == 0) d = p->x1 - q->x1;
    return (d > 0) - (d < 0);
}

static int cmp_glyph_x(const void *a, const void *b)
{
    const glyph *p = a, *q = b;
    return (p->x1 > q->x1) - (p->x1 < q->x1);
}

/* Median of gw (or gh) over the page's glyphs. */
static double median_size(extractor *ex, double (*size)(const glyph *))
{
    if (ex->tcap < ex->ng) {
        ex->tcap = ex->ng;
        ex->tmp = jx_xrealloc(ex->tmp, ex->tcap * sizeof *ex->tmp);
    }
    for (size_t i = 0; i < ex->ng; i++)
        ex->tmp[i] = size(&ex->g[i]);
    qsort(ex->tmp, ex->ng, sizeof *ex->tmp, cmp_double);
    return ex->tmp[ex->ng / 2];
}

/* ---- ruling lines ------------------------------------------------------------ */

static void render_page(page_image *pi)
{
    pi->tried = true;
    if (!(pi->w > 1 && pi->h > 1 && pi->w < 1e6 && pi->h < 1e6)) return;
    pi->scale = dmin(RENDER_SCALE, dmin(RENDER_MAX_PX / pi->w, RENDER_MAX_PX / pi->h));
    pi->width = (int)(pi->w * pi->scale) + 1;
    pi->height = (int)(pi->h * pi->scale) + 1;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pi->width, pi->height);
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, pi->scale, pi->scale);
    poppler_page_render(pi->page, cr);
    bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    cairo_surface_flush(img);
    if (!ok || cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        return;
    }
    pi->img = img;
    pi->px = cairo_image_surface_get_data(img);
    pi->stride = cairo_image_surface_get_stride(img);
}

static void release_image(page_image *pi)
{
    if (pi->img) cairo_surface_destroy(pi->img);
    memset(pi, 0, sizeof *pi);
}

static int clamp_px(double v, int hi)
{
    if (!(v > 0)) return 0;
    return v >= hi ? hi : (int)v;
}

/* Pixel (x, y) of the turned page (see ORIENT_*) in the rendered image. */
static int luminance(const page_image *pi, int x, int y)
{
    int dx = x, dy = y;
    if (pi->orient == ORIENT_DOWN)
        dx = pi->width - 1 - y, dy = x;
    else if (pi->orient == ORIENT_LEFT)
        dx = pi->width - 1 - x, dy = pi->height - 1 - y;
    else if (pi->orient == ORIENT_UP)
        dx = y, dy = pi->height - 1 - x;
    x = dx;
    y = dy;
    uint32_t p;
    memcpy(&p, pi->px + (size_t)y * (size_t)pi->stride + (size_t)x * 4, sizeof p);
    return (int)((((p >> 16) & 0xFF) * 299 + ((p >> 8) & 0xFF) * 587 + (p & 0xFF) * 114) / 1000);
}

/* Is a vertical line drawn between x1 and x2 (page points) across the whole
 * height y1..y2? A pixel column counts when at least 90 % of it is clearly
 * darker than the lightest column of the gap (the background, which may be
 * shaded): a cell border, not text nor a filled cell. */
static bool rule_between(page_image *pi, double x1, double x2, double y1, double y2)
{
    if (!pi->tried) render_page(pi);
    if (!pi->img) return false;
    double s = pi->scale;
    bool turned = pi->orient == ORIENT_DOWN || pi->orient == ORIENT_UP;
    int w = turned ? pi->height : pi->width, h = turned ? pi->width : pi->height;
    int cx0 = clamp_px(x1 * s + 0.5, w), cx1 = clamp_px(x2 * s - 0.5, w - 1);
    int ry0 = clamp_px(y1 * s, h - 1), ry1 = clamp_px(y2 * s, h - 1);
    if (cx0 > cx1 || ry1 - ry0 < 2) return false;
    int rows = ry1 - ry0 + 1, bg = 0;
    for (int x = cx0; x <= cx1; x++) {
        int sum = 0;
        for (int y = ry0; y <= ry1; y++)
            sum += luminance(pi, x, y);
        if (sum / rows > bg) bg = sum / rows;
    }
    int dark = bg - 50 < 200 ? bg - 50 : 200;
    for (int x = cx0; x <= cx1; x++) {
        int n = 0;
        for (int y = ry0; y <= ry1; y++)
            n += luminance(pi, x, y) < dark;
        if (n * 10 >= rows * 9) return true;
    }
    return false;
}

/* ---- cells and lines ------------------------------------------------------- */

static bool buf_add(extractor *ex, const char *s, size_t len)
{
    if (ex->blen + len > JX_MAX_CELL_BYTES) {
        snprintf(
            ex->err, ex->errlen,
            "PDF 第 %d 页有一段文字超过 %d 字节 (a text run on page %d is longer than %d bytes)",
            ex->page + 1, JX_MAX_CELL_BYTES, ex->page + 1, JX_MAX_CELL_BYTES);
        return false;
    }
    if (ex->blen + len + 1 > ex->bcap) {
        ex->bcap = (ex->blen + len + 1) * 2;
        ex->buf = jx_xrealloc(ex->buf, ex->bcap);
    }
    memcpy(ex->buf + ex->blen, s, len);
    ex->blen += len;
    ex->buf[ex->blen] = '\0';
    return true;
}

static void end_cell(extractor *ex)
{
    char *cell = jx_arena_strndup(&ex->doc->arena, ex->buf, ex->blen);
    ex->cells[ex->ncells++] = jx_text_trim(cell);
    ex->blen = 0;
}

static bool store_line(extractor *ex, const glyph *g, size_t n)
{
    pdf_doc *d = ex->doc;
    if (d->n == MAX_LINES) {
        snprintf(ex->err, ex->errlen, "PDF 文字行数超过上限 %d 行 (more than %d lines of text)",
                 MAX_LINES, MAX_LINES);
        return false;
    }
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 256;
        d->lines = jx_xrealloc(d->lines, d->cap * sizeof *d->lines);
    }
    pline *l = &d->lines[d->n++];
    memset(l, 0, sizeof *l);
    l->cells = jx_arena_alloc(&d->arena, ex->ncells * sizeof *l->cells);
    memcpy(l->cells, ex->cells, ex->ncells * sizeof *l->cells);
    l->n = ex->ncells;
    l->page = ex->page;
    double yc = 0, h = 0;
    for (size_t i = 0; i < n; i++) {
        yc += gyc(&g[i]);
        h += gh(&g[i]);
    }
    l->yc = yc / (double)n;
    l->h = h / (double)n;
    l->large = l->h > TITLE_SIZE * ex->hmed;
    if (ex->page_h <= 0) return true; /* no page size: no header or footer band */
    if (l->yc < BAND * ex->page_h)
        l->edge = EDGE_TOP;
    else if (l->yc > (1 - BAND) * ex->page_h)
        l->edge = EDGE_BOTTOM;
    return true;
}

/* Split one line (glyphs sorted by x) into cells and store it. */
static bool emit_line(extractor *ex, const glyph *g, size_t n)
{
    ex->ncells = 0;
    ex->blen = 0;
    if (!buf_add(ex, g[0].s, g[0].len)) return false;
    for (size_t k = 1; k < n; k++) {
        const glyph *a = &g[k - 1], *b = &g[k];
        double gap = b->x1 - a->x2;
        double em = dmax(ex->wmed, dmin(gw(a), gw(b))), h = dmin(gh(a), gh(b));
        bool wide = gap > CELL_GAP * em;
        bool ruled = !wide && gap > RULE_GAP * h &&
                     rule_between(&ex->pi, a->x2, b->x1, dmin(a->y1, b->y1), dmax(a->y2, b->y2));
        if ((wide || ruled) && ex->ncells + 1 < JX_MAX_CELLS) {
            end_cell(ex);
        } else if (gap > SPACE_GAP * h && ex->blen > 0) {
            if (!buf_add(ex, " ", 1)) return false;
        }
        if (!buf_add(ex, b->s, b->len)) return false;
    }
    end_cell(ex);
    return store_line(ex, g, n);
}

/* Group the page's glyphs into lines (by vertical centre) and emit them. */
static bool build_lines(extractor *ex)
{
    if (ex->ng == 0) return true;
    ex->wmed = median_size(ex, gw);
    ex->hmed = median_size(ex, gh);
    qsort(ex->g, ex->ng, sizeof *ex->g, cmp_glyph_y);
    size_t i = 0;
    while (i < ex->ng) {
        double sum_c = gyc(&ex->g[i]), sum_h = gh(&ex->g[i]);
        size_t j = i + 1;
        for (; j < ex->ng; j++) {
            double n = (double)(j - i), mean_c = sum_c / n, mean_h = sum_h / n;
            if (gyc(&ex->g[j]) - mean_c > LINE_TOL * dmin(gh(&ex->g[j]), mean_h)) break;
            sum_c += gyc(&ex->g[j]);
            sum_h += gh(&ex->g[j]);
        }
        qsort(ex->g + i, j - i, sizeof *ex->g, cmp_glyph_x);
        if (!emit_line(ex, ex->g + i, j - i)) return false;
        i = j;
    }
    return true;
}

/* ---- pages ------------------------------------------------------------------- */

static bool extract_page(extractor *ex, PopplerDocument *pdoc, int index)
{
    PopplerPage *page = poppler_document_get_page(pdoc, index);
    if (!page) {
        snprintf(ex->err, ex->errlen, "PDF 第 %d 页无法读取 (page %d cannot be read)", index + 1,
                 index + 1);
        return false;
    }
    ex->page = index;
    double w = 0, h = 0;
    poppler_page_get_size(page, &w, &h);
    ex->pi = (page_image){.page = page, .w = w, .h = h};
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    bool ok = true;
    if (text && *text && poppler_page_get_text_layout(page, &rects, &nrects)) {
        if (!g_utf8_validate(text, -1, NULL)) { /* poppler writes UTF-8; be safe anyway */
            char *valid = g_utf8_make_valid(text, -1);
            g_free(text);
            text = valid;
        }
        ok = collect_glyphs(ex, text, rects, nrects);
        if (ok) {
            /* a page without a sound size is not turned */
            ex->pi.orient = usable(w) && usable(h) ? text_orientation(ex) : ORIENT_RIGHT;
            turn_glyphs(ex, ex->pi.orient, w, h);
            bool turned = ex->pi.orient == ORIENT_DOWN || ex->pi.orient == ORIENT_UP;
            double ph = turned ? w : h;
            ex->page_h = usable(ph) ? ph : 0;
            ok = build_lines(ex);
        }
    }
    g_free(rects);
    g_free(text);
    release_image(&ex->pi);
    g_object_unref(page);
    return ok;
}

/* ---- page furniture ---------------------------------------------------------- */

static bool eat(const char **p, const char *lit)
{
    size_t n = strlen(lit);
    if (strncmp(*p, lit, n) != 0) return false;
    *p += n;
    return true;
}

static bool digits(const char **p)
{
    const char *s = *p;
    while (**p >= '0' && **p <= '9')
        (*p)++;
    return *p > s;
}

static void dashes(const char **p)
{
    while (eat(p, "-") || eat(p, "\u2014") || eat(p, "\u2013") || eat(p, "\u2015") ||
           eat(p, "\u2212"))
        ;
}

enum { PN_NONE, PN_BARE, PN_DECORATED };

/* "- 3 -", "第3页", "第3页共12页", "第3页/共12页", "共12页第3页", "3/12", "page3",
 * "page3of12" are PN_DECORATED; a bare "3" is PN_BARE with *value = 3.
 * (s: NFKC-folded, no whitespace, lower-case ASCII.) */
static int page_number_text(const char *s, long *value)
{
    const char *p = s;
    if (digits(&p)) {
        if (!*p) {
            *value = p - s > 6 ? -1 : strtol(s, NULL, 10);
            return PN_BARE;
        }
        return eat(&p, "/") && digits(&p) && !*p ? PN_DECORATED : PN_NONE;
    }
    dashes(&p);
    if (p > s && digits(&p)) {
        const char *q = p;
        dashes(&q);
        return q > p && !*q ? PN_DECORATED : PN_NONE;
    }
    p = s;
    bool ok = false;
    if (eat(&p, "第") && digits(&p) && eat(&p, "页")) {
        if (!eat(&p, "/")) eat(&p, ",");
        ok = !*p || (eat(&p, "共") && digits(&p) && eat(&p, "页") && !*p);
    } else if (p = s, eat(&p, "共") && digits(&p) && eat(&p, "页")) {
        ok = eat(&p, "第") && digits(&p) && eat(&p, "页") && !*p;
    } else if (p = s, eat(&p, "page") && digits(&p)) {
        ok = !*p || (eat(&p, "of") && digits(&p) && !*p);
    }
    return ok ? PN_DECORATED : PN_NONE;
}

/* The line's text folded for comparison, and its key (digit runs as '#'). */
static void fold_line(jx_arena *a, pline *l)
{
    size_t total = 1;
    for (size_t i = 0; i < l->n; i++)
        total += strlen(l->cells[i]);
    char *joined = jx_arena_alloc(a, total), *w = joined;
    for (size_t i = 0; i < l->n; i++)
        w = stpcpy(w, l->cells[i]);
    char *text = jx_text_nfkc(a, joined);
    jx_text_squeeze(text);
    for (char *c = text; *c; c++)
        if (*c >= 'A' && *c <= 'Z') *c = (char)(*c - 'A' + 'a');
    char *key = jx_arena_alloc(a, strlen(text) + 1), *k = key;
    for (const char *c = text; *c; c++) {
        bool digit = *c >= '0' && *c <= '9';
        if (!digit || k == key || k[-1] != '#') *k++ = digit ? '#' : *c;
    }
    *k = '\0';
    l->text = text;
    l->key = key;
}

/* The end of the page whose first line is lines[a]. */
static size_t page_end(const pdf_doc *d, size_t a)
{
    size_t b = a;
    while (b < d->n && d->lines[b].page == d->lines[a].page)
        b++;
    return b;
}

/* The lines in the band at each page's edges. */
static size_t edge_candidates(pdf_doc *d, pline **out)
{
    size_t m = 0;
    for (size_t a = 0; a < d->n;) {
        size_t b = page_end(d, a);
        for (size_t i = a; i < b && i < a + EDGE_LINES && d->lines[i].edge == EDGE_TOP; i++)
            out[m++] = &d->lines[i];
        for (size_t j = b; j > a && j + EDGE_LINES > b && d->lines[j - 1].edge == EDGE_BOTTOM; j--)
            out[m++] = &d->lines[j - 1];
        a = b;
    }
    return m;
}

static int cmp_candidate(const void *x, const void *y)
{
    const pline *p = *(pline *const *)x, *q = *(pline *const *)y;
    int c = strcmp(p->key, q->key);
    if (c) return c;
    return (p->yc > q->yc) - (p->yc < q->yc);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Mark the n lines of a cluster (same key, same height on the page) as
 * repeated when they lie on at least `need` different pages. */
static void mark_cluster(pline **c, size_t n, int *pages, int need)
{
    for (size_t i = 0; i < n; i++)
        pages[i] = c[i]->page;
    qsort(pages, n, sizeof *pages, cmp_int);
    int distinct = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || pages[i] != pages[i - 1]) distinct++;
    if (distinct < need) return;
    for (size_t i = 0; i < n; i++)
        c[i]->repeated = true;
}

static void mark_repeated(pline **cand, size_t m, int need)
{
    qsort(cand, m, sizeof *cand, cmp_candidate);
    int *pages = jx_xmalloc((m ? m : 1) * sizeof *pages);
    size_t a = 0;
    for (size_t i = 1; i <= m; i++) {
        const pline *p = i < m ? cand[i] : NULL, *q = cand[i - 1];
        double tol = p ? 0.5 * dmin(p->h, q->h) + 1.0 : 0;
        if (p && strcmp(p->key, q->key) == 0 && p->yc - q->yc <= tol) continue;
        mark_cluster(cand + a, i - a, pages, need);
        a = i;
    }
    free(pages);
}

enum { FURN_NONE, FURN_PAGE_NUMBER, FURN_REPEATED };

/* A page number, or a short line repeated on other pages. A bare number is a
 * page number only when it is this page's number (or repeats like one). */
static int furniture_kind(const pline *l)
{
    if (!l->text) return FURN_NONE;
    long value = 0;
    int pn = l->n <= 3 ? page_number_text(l->text, &value) : PN_NONE;
    if (pn == PN_DECORATED || (pn == PN_BARE && value == l->page + 1)) return FURN_PAGE_NUMBER;
    return l->repeated && l->n <= 2 && !l->large ? FURN_REPEATED : FURN_NONE;
}

/* Blank space between two lines of a page (p above q). */
static double gap_between(const pline *p, const pline *q)
{
    return (q->yc - q->h / 2) - (p->yc + p->h / 2);
}

/* The furniture at one edge: lines[from], lines[from+step], … while they lie
 * in the band and are furniture; returns how many. A repeated line must
 * stand apart from the content (a running header sits in the margin; a
 * title repeated on every page sits on top of its table). */
static size_t edge_run(pdf_doc *d, size_t from, size_t avail, int step, int edge)
{
    size_t n = 0;
    while (n < avail && n < EDGE_LINES) {
        const pline *l = &d->lines[(long)from + step * (long)n];
        if (l->edge != edge || furniture_kind(l) == FURN_NONE) break;
        n++;
    }
    while (n > 0 && n < avail) {
        const pline *last = &d->lines[(long)from + step * (long)(n - 1)];
        const pline *next = &d->lines[(long)from + step * (long)n];
        double gap = step > 0 ? gap_between(last, next) : gap_between(next, last);
        if (furniture_kind(last) == FURN_PAGE_NUMBER || gap >= MARGIN_GAP * last->h) break;
        n--;
    }
    return n;
}

/* Drop furniture walking in from each edge of each page. */
static void drop_edges(pdf_doc *d)
{
    for (size_t a = 0; a < d->n;) {
        size_t b = page_end(d, a);
        size_t top = edge_run(d, a, b - a, 1, EDGE_TOP);
        size_t bottom = edge_run(d, b - 1, b - a - top, -1, EDGE_BOTTOM);
        for (size_t i = 0; i < top; i++)
            d->lines[a + i].drop = true;
        for (size_t i = 0; i < bottom; i++)
            d->lines[b - 1 - i].drop = true;
        a = b;
    }
}

static void drop_furniture(pdf_doc *d, int npages)
{
    pline **cand = jx_xmalloc((d->n ? d->n : 1) * sizeof *cand);
    size_t m = edge_candidates(d, cand);
    for (size_t i = 0; i < m; i++)
        fold_line(&d->arena, cand[i]);
    if (npages >= 2) mark_repeated(cand, m, npages < REPEAT_PAGES ? npages : REPEAT_PAGES);
    free(cand);
    drop_edges(d);
}

/* ---- opening ----------------------------------------------------------------- */

static void poppler_message(const GError *e, const char *name, char *err, size_t errlen)
{
    const char *why = e && e->message ? e->message : "unknown error";
    const char *pre = name ? name : "PDF";
    if (e && e->domain == POPPLER_ERROR && e->code == POPPLER_ERROR_ENCRYPTED)
        snprintf(err, errlen, "%s: PDF 文件已加密, 需要密码才能读取 (the PDF is encrypted: %s)",
                 pre, why);
    else
        snprintf(err, errlen, "%s: PDF 文件已损坏或无法解析 (the PDF is damaged or invalid: %s)",
                 pre, why);
}

static bool has_pdf_header(const void *data, size_t len)
{
    const char *s = data, *end = s + (len < 1024 ? len : 1024);
    for (; end - s >= 5; s++)
        if (memcmp(s, "%PDF-", 5) == 0) return true;
    return false;
}

static bool extract_all(extractor *ex, PopplerDocument *pdoc, const char *name)
{
    int npages = poppler_document_get_n_pages(pdoc);
    const char *pre = name ? name : "PDF";
    if (npages <= 0) {
        snprintf(ex->err, ex->errlen, "%s: PDF 没有页面 (the PDF has no pages)", pre);
        return false;
    }
    if (npages > JX_PDF_MAX_PAGES) {
        snprintf(ex->err, ex->errlen, "%s: PDF 有 %d 页, 超过上限 %d 页 (more than %d pages)", pre,
                 npages, JX_PDF_MAX_PAGES, JX_PDF_MAX_PAGES);
        return false;
    }
    for (int i = 0; i < npages; i++)
        if (!extract_page(ex, pdoc, i)) return false;
    if (ex->total == 0) {
        snprintf(ex->err, ex->errlen, "%s: %s", pre, MSG_SCAN);
        return false;
    }
    drop_furniture(ex->doc, npages);
    return true;
}

static bool open_mem(const void *data, size_t len, const char *name, jx_rows *out, char *err,
                     size_t errlen)
{
    const char *pre = name ? name : "PDF";
    if (!has_pdf_header(data, len)) {
        snprintf(err, errlen, "%s: 不是 PDF 文件 (not a PDF file: no %%PDF- header)", pre);
        return false;
    }
    GError *gerr = NULL;
    GBytes *bytes = g_bytes_new_static(data, len);
    PopplerDocument *pdoc = poppler_document_new_from_bytes(bytes, NULL, &gerr);
    g_bytes_unref(bytes);
    if (!pdoc) {
        poppler_message(gerr, name, err, errlen);
        g_clear_error(&gerr);
        return false;
    }
    pdf_doc *d = jx_xmalloc(sizeof *d);
    memset(d, 0, sizeof *d);
    jx_arena_init(&d->arena);
    extractor ex = {.doc = d, .err = err, .errlen = errlen};
    bool ok = extract_all(&ex, pdoc, name);
    g_object_unref(pdoc);
    free(ex.g);
    free(ex.tmp);
    free(ex.buf);
    if (!ok) {
        pdf_close(d);
        return false;
    }
    out->state = d;
    out->next = pdf_next;
    out->close = pdf_close;
    return true;
}

bool jx_pdf_open_mem(const void *data, size_t len, jx_rows *out, char *err, size_t errlen)
{
    return open_mem(data, len, NULL, out, err, errlen);
}

/* Read a whole file (at most JX_PDF_MAX_BYTES) into a malloc'd buffer. */
static char *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: 无法打开 PDF 文件 (cannot open the PDF): %s", path,
                 strerror(errno));
        return NULL;
    }
    const size_t limit = (size_t)JX_PDF_MAX_BYTES + 1; /* one byte more tells "too big" */
    size_t cap = 64 * 1024, n = 0;
    char *buf = jx_xmalloc(cap);
    for (;;) {
        if (n == cap) {
            if (cap == limit) break;
            cap = cap * 2 < limit ? cap * 2 : limit;
            buf = jx_xrealloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    bool bad = ferror(f), big = n > JX_PDF_MAX_BYTES;
    fclose(f);
    if (bad || big) {
        if (bad)
            snprintf(err, errlen, "%s: 无法读取 PDF 文件 (cannot read the PDF)", path);
        else
            snprintf(err, errlen, "%s: PDF 文件超过 %u MB (the PDF is larger than %u MB)", path,
                     JX_PDF_MAX_BYTES >> 20, JX_PDF_MAX_BYTES >> 20);
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

bool jx_pdf_open(const char *path, jx_rows *out, char *err, size_t errlen)
{
    size_t len = 0;
    char *data = read_file(path, &len, err, errlen);
    if (!data) return false;
    bool ok = open_mem(data, len, path, out, err, errlen);
    free(data);
    return ok;
}
