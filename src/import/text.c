/* text.c — plain-text documents as rows; see text.h.
 *
 * Bytes → (iconv, when not UTF-8) → UTF-8 lines → rows. Lines are capped at
 * LINE_MAX bytes (a longer line cannot be a table row; its head is kept as a
 * paragraph), so memory stays bounded whatever the file holds.
 */
#include "text.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "../base/text.h"

#define CHUNK (64 * 1024)
#define LINE_MAX_BYTES (1024 * 1024)

typedef enum { ENC_UTF8, ENC_ICONV } encoding;

typedef struct {
    FILE *fp; /* NULL when reading memory */
    bool own_fp;
    const char *mem;
    size_t mem_len, mem_pos;
    encoding enc;
    iconv_t cd;
    char raw[CHUNK];
    size_t raw_len;      /* undecoded bytes in raw */
    char buf[CHUNK * 4]; /* decoded UTF-8 */
    size_t buf_pos, buf_len;
    bool eof;
    char *line;      /* current line */
    bool line_valid; /* the line is well-formed UTF-8 (cells need no check) */
    size_t line_len, line_cap;
    long line_no;
    bool have_pending; /* a line read ahead but not used */
    bool pending_eof;
    jx_arena arena; /* cells of the current row */
    const char **cells;
    size_t n_cells, cap_cells;
} text_state;

/* ---- bytes in -------------------------------------------------------------- */

static size_t read_raw(text_state *t, char *dst, size_t cap)
{
    if (t->fp) return fread(dst, 1, cap, t->fp);
    size_t n = t->mem_len - t->mem_pos < cap ? t->mem_len - t->mem_pos : cap;
    memcpy(dst, t->mem + t->mem_pos, n);
    t->mem_pos += n;
    return n;
}

/* Fill buf with decoded UTF-8; false at the end of input. */
static bool refill(text_state *t)
{
    if (t->eof) return false;
    t->buf_pos = 0;
    if (t->enc == ENC_UTF8) {
        t->buf_len = read_raw(t, t->buf, sizeof t->buf);
        if (t->buf_len == 0) t->eof = true;
        return t->buf_len > 0;
    }
    for (;;) {
        size_t got = read_raw(t, t->raw + t->raw_len, sizeof t->raw - t->raw_len);
        t->raw_len += got;
        if (t->raw_len == 0) {
            t->eof = true;
            return false;
        }
        char *in = t->raw, *out = t->buf;
        size_t in_left = t->raw_len, out_left = sizeof t->buf;
        size_t r = iconv(t->cd, &in, &in_left, &out, &out_left);
        if (r == (size_t)-1 && errno == EILSEQ) {
            /* an invalid byte: write U+FFFD and skip it, never stop */
            if (out_left >= 3) {
                memcpy(out, "\xEF\xBF\xBD", 3);
                out += 3;
            }
            in++;
            in_left--;
        } else if (r == (size_t)-1 && errno == EINVAL && got == 0) {
            in_left = 0; /* truncated sequence at the end of the file */
        }
        memmove(t->raw, in, in_left);
        t->raw_len = in_left;
        t->buf_len = (size_t)(out - t->buf);
        if (t->buf_len > 0) return true;
        if (got == 0 && t->raw_len == 0) {
            t->eof = true;
            return false;
        }
    }
}

/* Next line into t->line (without "\n" or "\r"); false at the end. */
static bool read_line(text_state *t)
{
    t->line_len = 0;
    bool any = false;
    for (;;) {
        if (t->buf_pos == t->buf_len && !refill(t)) break;
        any = true;
        char *start = t->buf + t->buf_pos;
        char *nl = memchr(start, '\n', t->buf_len - t->buf_pos);
        size_t n = nl ? (size_t)(nl - start) : t->buf_len - t->buf_pos;
        size_t keep = n;
        if (t->line_len + keep > LINE_MAX_BYTES) keep = LINE_MAX_BYTES - t->line_len;
        if (t->line_len + keep + 1 > t->line_cap) {
            size_t cap = t->line_cap ? t->line_cap : 4096;
            while (cap < t->line_len + keep + 1)
                cap *= 2;
            t->line = jx_xrealloc(t->line, cap);
            t->line_cap = cap;
        }
        memcpy(t->line + t->line_len, start, keep);
        t->line_len += keep;
        t->buf_pos += n + (nl ? 1 : 0);
        if (nl) break;
    }
    if (!any && t->line_len == 0) return false;
    if (t->line_len && t->line[t->line_len - 1] == '\r') t->line_len--;
    t->line[t->line_len] = '\0';
    t->line_valid = jx_text_valid_utf8(t->line, t->line_len);
    t->line_no++;
    return true;
}

/* ---- cells ----------------------------------------------------------------- */

/* A copy of [s, s+len) trimmed, with invalid UTF-8 replaced by U+FFFD. */
static char *cell_copy(text_state *t, const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) { /* U+3000 */
        s += 3;
        len -= 3;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        len--;
    while (len >= 3 && memcmp(s + len - 3, "\xE3\x80\x80", 3) == 0)
        len -= 3;
    if (len > JX_MAX_CELL_BYTES) {
        len = JX_MAX_CELL_BYTES;
        while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--; /* whole characters */
    }
    if (t->line_valid || jx_text_valid_utf8(s, len)) return jx_arena_strndup(&t->arena, s, len);
    char *out = jx_arena_alloc(&t->arena, len * 3 + 1);
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t step = 1;
        unsigned char c = (unsigned char)s[i];
        size_t want = c < 0x80             ? 1
                      : (c & 0xE0) == 0xC0 ? 2
                      : (c & 0xF0) == 0xE0 ? 3
                      : (c & 0xF8) == 0xF0 ? 4
                                           : 0;
        if (want && i + want <= len && jx_text_valid_utf8(s + i, want)) {
            memcpy(out + o, s + i, want);
            o += want;
            step = want;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
        }
        i += step;
    }
    out[o] = '\0';
    return out;
}

static void add_cell(text_state *t, const char *s, size_t len)
{
    if (t->n_cells == JX_MAX_CELLS) return; /* the rest of a very wide row is not a table */
    if (t->n_cells == t->cap_cells) {
        size_t cap = t->cap_cells ? t->cap_cells * 2 : 16;
        t->cells = jx_arena_grow(&t->arena, t->cells, t->n_cells * sizeof *t->cells,
                                 cap * sizeof *t->cells);
        t->cap_cells = cap;
    }
    t->cells[t->n_cells++] = cell_copy(t, s, len);
}

/* Append a continuation line to the last cell ("项目资金" + "(万元)"). */
static void continue_cell(text_state *t, const char *s)
{
    const char *last = t->cells[t->n_cells - 1];
    char *joined = jx_arena_printf(&t->arena, "%s\n%s", last, s);
    t->cells[t->n_cells - 1] = cell_copy(t, joined, strlen(joined));
}

static void split_on(text_state *t, const char *line, char sep)
{
    const char *start = line;
    for (const char *p = line;; p++) {
        if (*p == sep || *p == '\0') {
            add_cell(t, start, (size_t)(p - start));
            if (*p == '\0') break;
            start = p + 1;
        }
    }
}

/* ---- layouts ----------------------------------------------------------------- */

static bool blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r') {
            if ((unsigned char)s[0] == 0xE3 && (unsigned char)s[1] == 0x80 &&
                (unsigned char)s[2] == 0x80) {
                s += 2;
                continue;
            }
            return false;
        }
    return true;
}

/* "\t项目名称": one cell per line, the seed-004 layout */
static bool is_cell_line(const char *s)
{
    return s[0] == '\t' && strchr(s + 1, '\t') == NULL;
}

static bool is_tab_row(const char *s)
{
    const char *tab = strchr(s, '\t');
    return tab && (tab != s || strchr(s + 1, '\t'));
}

static bool is_pipe_row(const char *s)
{
    while (*s == ' ')
        s++;
    if (*s == '|') return true;
    int pipes = 0;
    for (; *s; s++)
        pipes += *s == '|';
    return pipes >= 2;
}

/* "|---|:--:|" */
static bool is_pipe_rule(const char *s)
{
    bool dash = false;
    for (; *s; s++) {
        if (*s == '-')
            dash = true;
        else if (*s != '|' && *s != ':' && *s != ' ' && *s != '+')
            return false;
    }
    return dash;
}

static void split_pipes(text_state *t, const char *line)
{
    while (*line == ' ')
        line++;
    if (*line == '|') line++;
    size_t len = strlen(line);
    while (len && (line[len - 1] == ' '))
        len--;
    if (len && line[len - 1] == '|') len--;
    char *copy = jx_arena_strndup(&t->arena, line, len);
    split_on(t, copy, '|');
}

/* Split on runs of two or more spaces (or U+3000); true if it gave ≥ 2 cells. */
static bool split_spaces(text_state *t, const char *line)
{
    const char *p = line;
    while (*p == ' ')
        p++;
    const char *start = p;
    size_t before = t->n_cells;
    while (*p) {
        size_t run = 0;
        const char *q = p;
        for (;;) {
            if (*q == ' ') {
                q++;
                run++;
            } else if ((unsigned char)q[0] == 0xE3 && (unsigned char)q[1] == 0x80 &&
                       (unsigned char)q[2] == 0x80) {
                q += 3;
                run += 2;
            } else {
                break;
            }
        }
        if (run >= 2 && *q) {
            add_cell(t, start, (size_t)(p - start));
            start = p = q;
        } else if (run) {
            p = q;
        } else {
            p++;
        }
    }
    add_cell(t, start, strlen(start));
    if (t->n_cells - before >= 2) return true;
    t->n_cells = before;
    return false;
}

static void new_row(text_state *t)
{
    jx_arena_reset(&t->arena);
    t->cells = NULL;
    t->n_cells = t->cap_cells = 0;
}

static int text_next(void *state, jx_row *row, char *err, size_t errlen)
{
    text_state *t = state;
    (void)err;
    (void)errlen;
    new_row(t);
    bool in_block = false; /* reading a one-cell-per-line row */
    long first_line = 0;
    for (;;) {
        bool got;
        if (t->have_pending) {
            t->have_pending = false;
            got = !t->pending_eof;
        } else {
            got = read_line(t);
        }
        if (!got) break;
        const char *s = t->line;
        if (in_block) {
            if (is_cell_line(s))
                add_cell(t, s + 1, strlen(s + 1)); /* "\t" alone is an empty cell */
            else if (blank(s))
                break; /* a blank line ends the row */
            else if (is_tab_row(s)) {
                t->have_pending = true;
                break;
            } else
                continue_cell(t, s);
            continue;
        }
        if (is_cell_line(s)) {
            first_line = t->line_no;
            in_block = true;
            add_cell(t, s + 1, strlen(s + 1));
            continue;
        }
        if (blank(s)) continue;
        first_line = t->line_no;
        if (is_tab_row(s)) {
            split_on(t, s, '\t');
        } else if (is_pipe_row(s)) {
            if (is_pipe_rule(s)) continue;
            split_pipes(t, s);
        } else if (!split_spaces(t, s)) {
            add_cell(t, s, strlen(s));
            row->paragraph = true;
            row->cells = t->cells;
            row->n = t->n_cells;
            row->line = first_line;
            row->table = -1;
            return 1;
        }
        break;
    }
    if (t->n_cells == 0) return 0;
    row->paragraph = false;
    row->cells = t->cells;
    row->n = t->n_cells;
    row->line = first_line;
    row->table = -1;
    return 1;
}

static void text_close(void *state)
{
    text_state *t = state;
    if (t->own_fp && t->fp) fclose(t->fp);
    if (t->enc == ENC_ICONV) iconv_close(t->cd);
    jx_arena_free(&t->arena);
    free(t->line);
    free(t);
}

/* ---- opening: detect the encoding ------------------------------------------------ */

static bool valid_utf8_prefix(const char *s, size_t len)
{
    /* allow a sequence cut at the end of the sample */
    for (size_t cut = 0; cut < 4 && cut <= len; cut++)
        if (jx_text_valid_utf8(s, len - cut)) return true;
    return false;
}

static bool detect(text_state *t, char *err, size_t errlen)
{
    /* peek at the start without losing it: decode through raw/buf */
    size_t n = read_raw(t, t->raw, sizeof t->raw);
    const unsigned char *u = (const unsigned char *)t->raw;
    const char *from = NULL;
    size_t skip = 0;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        skip = 3;
    } else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        from = "UTF-16LE";
        skip = 2;
    } else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        from = "UTF-16BE";
        skip = 2;
    } else {
        size_t nuls = 0;
        for (size_t i = 0; i < n; i++)
            nuls += u[i] == 0;
        if (nuls) {
            snprintf(err, errlen,
                     "不是文本文件 (含有二进制数据), 也不是可识别的 Word/Excel/PDF 文件 (binary "
                     "data, not text)");
            return false;
        }
        if (!valid_utf8_prefix(t->raw, n)) from = "GB18030";
    }
    if (!from) {
        t->enc = ENC_UTF8;
        memcpy(t->buf, t->raw + skip, n - skip);
        t->buf_len = n - skip;
        t->buf_pos = 0;
        t->raw_len = 0;
        if (n == 0) t->eof = true;
        return true;
    }
    t->cd = iconv_open("UTF-8", from);
    if (t->cd == (iconv_t)-1) {
        snprintf(err, errlen, "无法转换文本编码 %s (iconv)", from);
        return false;
    }
    t->enc = ENC_ICONV;
    memmove(t->raw, t->raw + skip, n - skip);
    t->raw_len = n - skip;
    t->buf_len = t->buf_pos = 0;
    return true;
}

static bool open_common(text_state *t, jx_rows *out, char *err, size_t errlen)
{
    jx_arena_init(&t->arena);
    if (!detect(t, err, errlen)) {
        text_close(t);
        return false;
    }
    out->state = t;
    out->next = text_next;
    out->close = text_close;
    return true;
}

bool jx_text_open(const char *path, jx_rows *out, char *err, size_t errlen)
{
    text_state *t = jx_xmalloc(sizeof *t);
    memset(t, 0, sizeof *t);
    if (strcmp(path, "-") == 0) {
        t->fp = stdin;
    } else {
        t->fp = fopen(path, "rb");
        t->own_fp = true;
        if (!t->fp) {
            snprintf(err, errlen, "无法打开文件: %s (cannot open)", strerror(errno));
            free(t);
            return false;
        }
    }
    return open_common(t, out, err, errlen);
}

bool jx_text_open_mem(const char *data, size_t len, jx_rows *out, char *err, size_t errlen)
{
    text_state *t = jx_xmalloc(sizeof *t);
    memset(t, 0, sizeof *t);
    t->mem = data;
    t->mem_len = len;
    return open_common(t, out, err, errlen);
}
