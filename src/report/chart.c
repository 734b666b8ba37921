/* chart.c — bar charts: bounded choice of bars, axis scale, layout; see chart.h.
 *
 * Values stay jx_dec throughout: the axis top and tick step are found in
 * integer arithmetic and value labels are written with jx_dec_fmt. Only the
 * drawing coordinates (a bar's length on the page) are converted to double;
 * no computed figure passes through floating point.
 */
#include "chart.h"

#include <string.h>

#define COLOUR_TEXT 0x222222u
#define COLOUR_GRID 0xDDDDDDu
#define COLOUR_AXIS 0x888888u
static const uint32_t SERIES_COLOUR[JX_CHART_MAX_SERIES] = {0x4472C4u, 0xED7D31u};

/* ---- holding bars --------------------------------------------------------------- */

void jx_chart_init(jx_chart *c, jx_chart_kind kind, const char *title, const char *unit,
                   int n_series)
{
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->title = title;
    c->unit = unit ? unit : "";
    c->category = "";
    c->n_series = n_series < 1                     ? 1
                  : n_series > JX_CHART_MAX_SERIES ? JX_CHART_MAX_SERIES
                                                   : n_series;
}

/* Copy at most JX_CHART_LABEL - 1 bytes, cut at a UTF-8 character boundary. */
static void copy_label(char *to, const char *from)
{
    size_t n = strlen(from ? from : "");
    if (n >= JX_CHART_LABEL) {
        n = JX_CHART_LABEL - 1;
        while (n > 0 && ((unsigned char)from[n] & 0xC0) == 0x80)
            n--;
    }
    if (n) memcpy(to, from, n);
    to[n] = '\0';
}

static void set_bar(jx_chart *c, jx_chart_bar *b, const char *label, const jx_dec *values)
{
    copy_label(b->label, label);
    for (int s = 0; s < JX_CHART_MAX_SERIES; s++)
        b->value[s] = s < c->n_series ? values[s] : JX_NONE;
    b->order = c->offered;
}

void jx_chart_add(jx_chart *c, const char *label, const jx_dec *values)
{
    if (c->n_bars < JX_CHART_MAX_BARS) set_bar(c, &c->bars[c->n_bars++], label, values);
    c->offered++;
}

void jx_chart_offer(jx_chart *c, const char *label, const jx_dec *values, int key)
{
    if (!jx_has(values[key])) return;
    if (c->n_bars < JX_CHART_MAX_BARS) {
        set_bar(c, &c->bars[c->n_bars++], label, values);
    } else {
        size_t highest = 0; /* the bar to give up: highest value, latest on ties */
        for (size_t i = 1; i < c->n_bars; i++)
            if (c->bars[i].value[key] >= c->bars[highest].value[key]) highest = i;
        if (values[key] < c->bars[highest].value[key]) set_bar(c, &c->bars[highest], label, values);
    }
    c->offered++;
}

void jx_chart_settle(jx_chart *c, int key)
{
    bool by_value = c->offered > c->n_bars;
    for (size_t i = 1; i < c->n_bars; i++) { /* insertion sort: at most 40 bars */
        jx_chart_bar b = c->bars[i];
        size_t j = i;
        while (j > 0) {
            const jx_chart_bar *a = &c->bars[j - 1];
            bool after = by_value ? a->value[key] > b.value[key] ||
                                        (a->value[key] == b.value[key] && a->order > b.order)
                                  : a->order > b.order;
            if (!after) break;
            c->bars[j] = c->bars[j - 1];
            j--;
        }
        c->bars[j] = b;
    }
}

/* ---- text widths ---------------------------------------------------------------- */

/* Width in ems of the UTF-8 character starting at s; *len receives its bytes. */
static double char_em(const char *s, size_t *len)
{
    unsigned char b = (unsigned char)*s;
    size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    for (size_t i = 1; i < n; i++)
        if (!s[i]) n = i;
    *len = n;
    if (n >= 3) return 1.0; /* CJK, full-width forms */
    if (n == 2) return 0.6;
    if (b == ' ') return 0.3;
    if (b == 'm' || b == 'w' || b == 'M' || b == 'W' || b == '%') return 0.85;
    if (b >= 'A' && b <= 'Z') return 0.65;
    return 0.55;
}

double jx_text_em(const char *s)
{
    double em = 0, line = 0;
    while (s && *s) {
        size_t n;
        if (*s == '\n') {
            if (line > em) em = line;
            line = 0;
            s++;
            continue;
        }
        line += char_em(s, &n);
        s += n;
    }
    return line > em ? line : em;
}

double jx_text_em_unbreakable(const char *s)
{
    double best = 0, run = 0;
    while (s && *s) {
        size_t n;
        double w = char_em(s, &n);
        if (n >= 3 || *s == ' ' || *s == '\n' || *s == '/' || *s == '-') {
            run = n >= 3 ? w : 0; /* a line may break before and after a CJK character */
        } else {
            run += w;
        }
        if (run > best) best = run;
        s += n;
    }
    return best;
}

/* The longest prefix of s that fits in max_em, with "…" when cut. */
static const char *fit(const char *s, double max_em, char *buf, size_t cap)
{
    if (jx_text_em(s) <= max_em) return s;
    double em = 1.0; /* the ellipsis */
    size_t used = 0;
    while (s[used]) {
        size_t n;
        double w = char_em(s + used, &n);
        if (em + w > max_em || used + n + 4 > cap) break;
        em += w;
        used += n;
    }
    memcpy(buf, s, used);
    memcpy(buf + used, "…", sizeof "…");
    return buf;
}

/* ---- axis --------------------------------------------------------------------- */

typedef struct {
    jx_dec top, step;
    int ticks;
} axis;

/* A scale from 0 with 3 to 6 steps of 1, 2 or 5 times a power of ten, found
 * in integer arithmetic; whole-number data get whole-number steps. */
static axis scale_of(const jx_chart *c)
{
    jx_dec max = 0;
    bool whole = true;
    for (size_t i = 0; i < c->n_bars; i++)
        for (int s = 0; s < c->n_series; s++) {
            jx_dec v = c->bars[i].value[s];
            if (!jx_has(v)) continue;
            if (v > max) max = v;
            if (v % JX_DEC_SCALE) whole = false;
        }
    axis a = {JX_DEC(1), JX_DEC(1), 1};
    if (max <= 0) return a;
    jx_dec raw = (max + 4) / 5, p = 1;
    while (p <= INT64_MAX / 10 && p * 10 <= raw)
        p *= 10;
    static const int steps[] = {1, 2, 5, 10};
    a.step = p * 10;
    for (size_t k = 0; k < sizeof steps / sizeof *steps; k++)
        if (p * steps[k] >= raw) {
            a.step = p * steps[k];
            break;
        }
    if (whole && a.step < JX_DEC_SCALE) a.step = JX_DEC_SCALE;
    a.ticks = (int)((max + a.step - 1) / a.step);
    a.top = a.step * a.ticks;
    return a;
}

/* Drawing only: the share of the axis a value takes, as a double. */
static double share(jx_dec v, const axis *a)
{
    if (!jx_has(v) || v <= 0) return 0;
    return v >= a->top ? 1.0 : (double)v / (double)a->top;
}

static const char *value_label(const jx_chart *c, jx_dec v, char *buf, size_t cap)
{
    char d[JX_DEC_BUF];
    if (!jx_has(v)) return "—";
    snprintf(buf, cap, "%s%s", jx_dec_fmt(v, d), c->unit);
    return buf;
}

/* ---- layout ------------------------------------------------------------------- */

typedef struct {
    double legend_h, label_w, value_w, x0, x1, top, plot_h, pitch, bar_h, height;
} frame;

static double longest_value_em(const jx_chart *c)
{
    double best = 0;
    char buf[64];
    for (size_t i = 0; i < c->n_bars; i++)
        for (int s = 0; s < c->n_series; s++) {
            double em = jx_text_em(value_label(c, c->bars[i].value[s], buf, sizeof buf));
            if (em > best) best = em;
        }
    return best;
}

static frame layout(const jx_chart *c, double width, double font)
{
    frame f;
    memset(&f, 0, sizeof f);
    double pad = 0.5 * font;
    f.legend_h = c->n_series > 1 ? 2.0 * font : 0;
    if (c->kind == JX_CHART_VBAR) {
        axis a = scale_of(c);
        char buf[64];
        f.label_w = jx_text_em(value_label(c, a.top, buf, sizeof buf)) * 0.9 * font + pad;
        f.x0 = f.label_w + pad;
        f.x1 = width - pad;
        f.top = f.legend_h + 1.5 * font; /* room for the value above the tallest bar */
        f.plot_h = width * 0.3;
        if (f.plot_h > 16 * font) f.plot_h = 16 * font;
        if (f.plot_h < 8 * font) f.plot_h = 8 * font;
        f.height = f.top + f.plot_h + 2.0 * font;
        return f;
    }
    double label_em = 0;
    for (size_t i = 0; i < c->n_bars; i++) {
        double em = jx_text_em(c->bars[i].label);
        if (em > label_em) label_em = em;
    }
    f.label_w = label_em * font + pad;
    if (f.label_w > width * 0.38) f.label_w = width * 0.38;
    f.value_w = longest_value_em(c) * 0.9 * font + pad;
    f.x0 = f.label_w + pad;
    f.x1 = width - f.value_w;
    f.top = f.legend_h + 0.4 * font;
    f.pitch = c->n_series > 1 ? 2.3 * font : 1.6 * font;
    f.bar_h = c->n_series > 1 ? 0.9 * font : 1.05 * font;
    f.plot_h = (double)(c->n_bars ? c->n_bars : 1) * f.pitch;
    f.height = f.top + f.plot_h + 2.0 * font;
    return f;
}

double jx_chart_height(const jx_chart *c, double width, double font)
{
    return layout(c, width, font).height;
}

/* ---- painting ----------------------------------------------------------------- */

static void legend(const jx_chart *c, const frame *f, double font, const jx_chart_painter *p)
{
    if (c->n_series < 2) return;
    double x = f->x0, y = font * 0.3;
    for (int s = 0; s < c->n_series; s++) {
        p->rect(p->ctx, x, y, font, font, SERIES_COLOUR[s]);
        const char *name = c->series[s] ? c->series[s] : "";
        p->text(p->ctx, x + 1.4 * font, y + 0.88 * font, name, font, JX_ANCHOR_START, false,
                COLOUR_TEXT);
        x += 1.4 * font + jx_text_em(name) * font + 1.5 * font;
    }
}

static void paint_horizontal(const jx_chart *c, const frame *f, double font,
                             const jx_chart_painter *p)
{
    axis a = scale_of(c);
    double bottom = f->top + f->plot_h, span = f->x1 - f->x0;
    char buf[64], cut[JX_CHART_LABEL + 8];
    for (int t = 0; t <= a.ticks; t++) {
        double x = f->x0 + span * t / a.ticks;
        p->line(p->ctx, x, f->top, x, bottom, 0.5, t ? COLOUR_GRID : COLOUR_AXIS);
        p->text(p->ctx, x, bottom + 1.2 * font, value_label(c, a.step * t, buf, sizeof buf),
                font * 0.9, JX_ANCHOR_MIDDLE, false, COLOUR_TEXT);
    }
    p->line(p->ctx, f->x0, bottom, f->x1, bottom, 0.6, COLOUR_AXIS);
    double label_em = (f->label_w - 0.5 * font) / font;
    for (size_t i = 0; i < c->n_bars; i++) {
        const jx_chart_bar *b = &c->bars[i];
        double y = f->top + f->pitch * (double)i + (f->pitch - f->bar_h * c->n_series) / 2;
        p->text(p->ctx, f->label_w, y + f->bar_h * c->n_series / 2 + 0.35 * font,
                fit(b->label, label_em, cut, sizeof cut), font, JX_ANCHOR_END, false, COLOUR_TEXT);
        for (int s = 0; s < c->n_series; s++) {
            double len = span * share(b->value[s], &a), by = y + f->bar_h * s;
            if (len > 0) p->rect(p->ctx, f->x0, by, len, f->bar_h, SERIES_COLOUR[s]);
            p->text(p->ctx, f->x0 + len + 0.3 * font, by + f->bar_h / 2 + 0.32 * font,
                    value_label(c, b->value[s], buf, sizeof buf), font * 0.85, JX_ANCHOR_START,
                    false, COLOUR_TEXT);
        }
    }
}

static void paint_vertical(const jx_chart *c, const frame *f, double font,
                           const jx_chart_painter *p)
{
    axis a = scale_of(c);
    double bottom = f->top + f->plot_h, span = f->x1 - f->x0;
    char buf[64], cut[JX_CHART_LABEL + 8];
    for (int t = 0; t <= a.ticks; t++) {
        double y = bottom - f->plot_h * t / a.ticks;
        p->line(p->ctx, f->x0, y, f->x1, y, 0.5, t ? COLOUR_GRID : COLOUR_AXIS);
        p->text(p->ctx, f->label_w, y + 0.3 * font, value_label(c, a.step * t, buf, sizeof buf),
                font * 0.9, JX_ANCHOR_END, false, COLOUR_TEXT);
    }
    p->line(p->ctx, f->x0, f->top, f->x0, bottom, 0.6, COLOUR_AXIS);
    size_t n = c->n_bars ? c->n_bars : 1;
    double group = span / (double)n;
    double bar = group * 0.7 / c->n_series;
    if (bar > 3.5 * font) bar = 3.5 * font;
    for (size_t i = 0; i < c->n_bars; i++) {
        const jx_chart_bar *b = &c->bars[i];
        double mid = f->x0 + group * ((double)i + 0.5), x = mid - bar * c->n_series / 2;
        for (int s = 0; s < c->n_series; s++) {
            double h = f->plot_h * share(b->value[s], &a), bx = x + bar * s;
            if (h > 0) p->rect(p->ctx, bx, bottom - h, bar, h, SERIES_COLOUR[s]);
            p->text(p->ctx, bx + bar / 2, bottom - h - 0.3 * font,
                    value_label(c, b->value[s], buf, sizeof buf), font * 0.85, JX_ANCHOR_MIDDLE,
                    false, COLOUR_TEXT);
        }
        p->text(p->ctx, mid, bottom + 1.3 * font, fit(b->label, group / font, cut, sizeof cut),
                font, JX_ANCHOR_MIDDLE, false, COLOUR_TEXT);
    }
}

void jx_chart_paint(const jx_chart *c, double width, double font, const jx_chart_painter *p)
{
    frame f = layout(c, width, font);
    legend(c, &f, font, p);
    if (c->kind == JX_CHART_VBAR)
        paint_vertical(c, &f, font, p);
    else
        paint_horizontal(c, &f, font, p);
}

void jx_chart_caption(const jx_chart *c, int number, char *buf, size_t cap)
{
    snprintf(buf, cap, "图 %d  %s", number, c->title ? c->title : "");
}
