/* writer.c — streaming JSON writer; see writer.h. */
#include "writer.h"

#include <string.h>

void jx_jw_init(jx_jwriter *w, FILE *fp, int pretty_depth)
{
    w->fp = fp;
    w->len = 0;
    w->depth = 0;
    w->pretty_depth = pretty_depth;
    w->first[0] = true;
    w->lines[0] = false;
    w->after_key = false;
    w->failed = false;
}

bool jx_jw_flush(jx_jwriter *w)
{
    if (w->len && fwrite(w->buf, 1, w->len, w->fp) != w->len) w->failed = true;
    w->len = 0;
    return !w->failed;
}

static void put(jx_jwriter *w, const char *s, size_t n)
{
    if (w->len + n > sizeof w->buf) {
        jx_jw_flush(w);
        if (n > sizeof w->buf) {
            if (fwrite(s, 1, n, w->fp) != n) w->failed = true;
            return;
        }
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

static void putc_(jx_jwriter *w, char c)
{
    if (w->len == sizeof w->buf) jx_jw_flush(w);
    w->buf[w->len++] = c;
}

static void newline(jx_jwriter *w, int depth)
{
    putc_(w, '\n');
    for (int i = 0; i < depth; i++)
        put(w, "  ", 2);
}

/* Separator before a value or key at the current depth. */
static void before_item(jx_jwriter *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0) return;
    if (!w->first[w->depth]) putc_(w, ',');
    w->first[w->depth] = false;
    if (w->depth <= w->pretty_depth || w->lines[w->depth]) newline(w, w->depth);
}

static void open_(jx_jwriter *w, char c)
{
    before_item(w);
    putc_(w, c);
    if (w->depth < 63) w->depth++;
    w->first[w->depth] = true;
    w->lines[w->depth] = false;
}

static void close_(jx_jwriter *w, char c)
{
    bool empty = w->first[w->depth];
    bool lines = w->lines[w->depth];
    if (w->depth > 0) w->depth--;
    if (!empty && (w->depth + 1 <= w->pretty_depth || lines)) newline(w, w->depth);
    putc_(w, c);
    if (w->depth == 0) putc_(w, '\n');
}

void jx_jw_obj_begin(jx_jwriter *w)
{
    open_(w, '{');
}

void jx_jw_obj_end(jx_jwriter *w)
{
    close_(w, '}');
}

void jx_jw_arr_begin(jx_jwriter *w)
{
    open_(w, '[');
}

void jx_jw_arr_begin_lines(jx_jwriter *w)
{
    open_(w, '[');
    w->lines[w->depth] = w->pretty_depth > 0;
}

void jx_jw_arr_end(jx_jwriter *w)
{
    close_(w, ']');
}

static void quoted(jx_jwriter *w, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    putc_(w, '"');
    const char *run = s;
    const unsigned char *p = (const unsigned char *)s;
    for (; *p; p++) {
        unsigned char c = *p;
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        put(w, run, (size_t)((const char *)p - run));
        run = (const char *)p + 1;
        switch (c) {
        case '"':
            put(w, "\\\"", 2);
            break;
        case '\\':
            put(w, "\\\\", 2);
            break;
        case '\n':
            put(w, "\\n", 2);
            break;
        case '\r':
            put(w, "\\r", 2);
            break;
        case '\t':
            put(w, "\\t", 2);
            break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            put(w, e, 6);
        }
        }
    }
    put(w, run, (size_t)((const char *)p - run));
    putc_(w, '"');
}

void jx_jw_key(jx_jwriter *w, const char *key)
{
    before_item(w);
    quoted(w, key);
    put(w, w->depth <= w->pretty_depth ? ": " : ":", w->depth <= w->pretty_depth ? 2 : 1);
    w->after_key = true;
}

void jx_jw_str(jx_jwriter *w, const char *s)
{
    before_item(w);
    if (!s)
        put(w, "null", 4);
    else
        quoted(w, s);
}

void jx_jw_dec(jx_jwriter *w, jx_dec v)
{
    before_item(w);
    if (!jx_has(v)) {
        put(w, "null", 4);
        return;
    }
    char b[JX_DEC_BUF];
    jx_dec_fmt(v, b);
    put(w, b, strlen(b));
}

void jx_jw_dec_fixed(jx_jwriter *w, jx_dec v, int decimals)
{
    before_item(w);
    if (!jx_has(v)) {
        put(w, "null", 4);
        return;
    }
    char b[JX_DEC_BUF];
    jx_dec_fmt_fixed(v, decimals, b);
    put(w, b, strlen(b));
}

void jx_jw_int(jx_jwriter *w, long long v)
{
    before_item(w);
    char b[32];
    int n = snprintf(b, sizeof b, "%lld", v);
    put(w, b, (size_t)n);
}

void jx_jw_bool(jx_jwriter *w, bool v)
{
    before_item(w);
    put(w, v ? "true" : "false", v ? 4 : 5);
}

void jx_jw_null(jx_jwriter *w)
{
    before_item(w);
    put(w, "null", 4);
}
