/* xlsx.c — Excel .xlsx workbooks as rows; see xlsx.h for what a row holds.
 *
 * Order of reading: the package relationships name the workbook part; its
 * relationships name the sheets' parts and the shared strings; the workbook
 * lists the sheets in order. Each sheet is streamed through expat
 * (zipxml.c): its non-empty rows are kept in a scratch arena until the
 * sheet's <mergeCells> (which come after <sheetData>) have been read, then
 * the merges are applied and the rows handed to the row store.
 */
#include "xlsx.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/text.h"
#include "zipxml.h"

#define MAX_SHEETS 1024
#define MAX_MERGES 100000
#define MAX_COLUMN 16384L /* XFD, Excel's last column */
#define MAX_ROW 1048576L  /* Excel's last row */
#define SHOWN_DIGITS 15   /* significant digits Excel keeps and shows */

static const jx_zip_kind xlsx_kind = {"Excel 工作簿", ".xlsx"};

typedef struct sheet_ref {
    const char *name;
    const char *rel_id;
} sheet_ref;

typedef struct workbook {
    jx_zip *zip;
    jx_rowstore *store;
    jx_arena *arena;  /* the store's: strings live there */
    const char *part; /* xl/workbook.xml */
    jx_rel *rels;     /* the workbook's relationships */
    size_t n_rels;
    sheet_ref *sheets; /* malloc'd */
    size_t n_sheets;
    const char **strings; /* shared strings, malloc'd array */
    size_t n_strings, cap_strings;
    jx_cellbuf text;
    bool root_seen;
    bool in_si, in_t; /* shared strings: inside <si>, inside its <t> */
    int phonetic;     /* inside <rPh>: reading hints, not text */
} workbook;

typedef struct sheet_row {
    long r;
    const char **cells;
    size_t n;
} sheet_row;

typedef struct merge {
    long top, left, bottom, right;
} merge;

typedef struct sheet_reader {
    workbook *wb;
    jx_arena scratch; /* the rows' cell arrays until the sheet ends */
    bool root_seen;
    bool in_data, in_row; /* inside <sheetData>, inside a <row> */
    long row_r, last_row; /* this row's number, the previous row's */
    long last_col;        /* the previous cell's column in this row */
    const char *cells[JX_MAX_CELLS];
    size_t width;
    bool any_value;
    size_t total_cells;
    /* the cell being read */
    bool in_c, in_is, capture;
    int phonetic;
    long col;
    char type[12];
    sheet_row *rows; /* malloc'd */
    size_t n_rows, cap_rows;
    merge *merges; /* malloc'd */
    size_t n_merges, cap_merges;
} sheet_reader;

/* Grow a malloc'd array to hold one more element. */
static void *room_for_one(void *array, size_t n, size_t *cap, size_t size)
{
    if (n < *cap) return array;
    *cap = *cap ? 2 * *cap : 64;
    return jx_xrealloc(array, *cap * size);
}

/* ---- text of cells ----------------------------------------------------------------- */

static bool escape_at(const char *s, size_t len, unsigned long *code)
{
    if (len < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_') return false;
    unsigned long v = 0;
    for (int i = 2; i < 6; i++) {
        int h = jx_hex_digit(s[i]);
        if (h < 0) return false;
        v = v * 16 + (unsigned long)h;
    }
    *code = v;
    return true;
}

/* Excel writes characters XML cannot hold as _xHHHH_ (UTF-16 units, so a
 * pair for characters beyond U+FFFF). Decode them in place; never longer. */
static size_t decode_escapes(char *s, size_t len)
{
    size_t w = 0, r = 0;
    while (r < len) {
        unsigned long u, low;
        if (!escape_at(s + r, len - r, &u)) {
            s[w++] = s[r++];
            continue;
        }
        r += 7;
        if (u >= 0xD800 && u <= 0xDBFF && escape_at(s + r, len - r, &low) && low >= 0xDC00 &&
            low <= 0xDFFF) {
            u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
            r += 7;
        }
        w += jx_utf8_put(s + w, u); /* a lone surrogate or NUL is dropped */
    }
    return w;
}

/* "\r\n" and "\r" → "\n", in place. */
static size_t unix_lines(char *s, size_t len)
{
    size_t w = 0;
    for (size_t r = 0; r < len; r++) {
        if (s[r] == '\r' && r + 1 < len && s[r + 1] == '\n') continue;
        s[w++] = s[r] == '\r' ? '\n' : s[r];
    }
    return w;
}

/* The collected text as a cell: escapes decoded, lines "\n", trimmed. */
static const char *take_string(jx_cellbuf *b, jx_arena *a)
{
    if (b->len == 0) return "";
    b->len = unix_lines(b->data, decode_escapes(b->data, b->len));
    b->data[b->len] = '\0';
    return jx_cellbuf_take(b, a);
}

/* The collected text trimmed, in place: valid until more text is collected. */
static const char *peek_text(jx_cellbuf *b)
{
    if (b->len == 0) return "";
    b->len = 0;
    return jx_text_trim(b->data);
}

static void add_cell_text(jx_xml *x, jx_cellbuf *b, const char *s, size_t n)
{
    if (!jx_cellbuf_add(b, s, n))
        jx_xml_fail(x, "单元格超过 %d 字节", "a cell longer than %d bytes", JX_MAX_CELL_BYTES);
}

/* ---- numbers ------------------------------------------------------------------------------ */

typedef struct decimal {
    bool negative;
    char digits[SHOWN_DIGITS + 2]; /* significant digits, the first not 0 */
    int n;                         /* digits kept (at most SHOWN_DIGITS + 1) */
    int total;                     /* significant digits written */
    long exp10;                    /* value = 0.DIGITS × 10^exp10 */
    bool has_exponent;
} decimal;

/* Read "[-]digits[.digits][E[±]digits]"; false for anything else. */
static bool read_decimal(const char *p, decimal *d)
{
    memset(d, 0, sizeof *d);
    if (*p == '-' || *p == '+') d->negative = *p++ == '-';
    bool after_point = false, any = false;
    for (; (*p >= '0' && *p <= '9') || *p == '.'; p++) {
        if (*p == '.') {
            if (after_point) return false;
            after_point = true;
            continue;
        }
        any = true;
        if (d->total == 0 && *p == '0') {
            if (after_point) d->exp10--;
            continue;
        }
        d->total++;
        if (!after_point) d->exp10++;
        if (d->n < SHOWN_DIGITS + 1) d->digits[d->n++] = *p;
    }
    if (!any) return false;
    if (*p == 'e' || *p == 'E') {
        d->has_exponent = true;
        p++;
        bool minus = *p == '-';
        if (*p == '-' || *p == '+') p++;
        if (*p < '0' || *p > '9') return false;
        long e = 0;
        for (; *p >= '0' && *p <= '9'; p++)
            if (e < 100000) e = e * 10 + (*p - '0');
        d->exp10 += minus ? -e : e;
    }
    return *p == '\0';
}

/* Round half-up to SHOWN_DIGITS significant digits, drop trailing zeros. */
static void round_shown(decimal *d)
{
    if (d->n > SHOWN_DIGITS) {
        bool up = d->digits[SHOWN_DIGITS] >= '5';
        d->n = SHOWN_DIGITS;
        int i = d->n - 1;
        while (up && i >= 0 && d->digits[i] == '9')
            d->digits[i--] = '0';
        if (up && i >= 0) d->digits[i]++;
        if (up && i < 0) { /* 999… → 1000… */
            d->digits[0] = '1';
            d->n = 1;
            d->exp10++;
        }
    }
    while (d->n > 1 && d->digits[d->n - 1] == '0')
        d->n--;
}

/* A plain decimal; NULL when it would be absurdly long. */
static const char *plain_decimal(jx_arena *a, const decimal *d)
{
    if (d->exp10 > 40 || d->exp10 < -40) return NULL;
    char out[128], *w = out;
    if (d->negative) *w++ = '-';
    if (d->exp10 <= 0) {
        *w++ = '0';
        *w++ = '.';
        for (long i = 0; i < -d->exp10; i++)
            *w++ = '0';
        for (int i = 0; i < d->n; i++)
            *w++ = d->digits[i];
    } else {
        for (long i = 0; i < d->exp10 || i < d->n; i++) {
            if (i == d->exp10) *w++ = '.';
            *w++ = i < d->n ? d->digits[i] : '0';
        }
    }
    *w = '\0';
    return jx_arena_strdup(a, out);
}

/* s kept in the arena ("" needs no room). */
static const char *kept(jx_arena *a, const char *s)
{
    return s[0] ? jx_arena_strdup(a, s) : "";
}

/* The text of a number cell: as written, unless it has an exponent or more
 * than 15 significant digits (see xlsx.h). Not a number: as written. */
static const char *number_text(jx_arena *a, const char *s)
{
    decimal d;
    if (!read_decimal(s, &d)) return kept(a, s);
    if (!d.has_exponent && d.total <= SHOWN_DIGITS) return kept(a, s);
    if (d.total == 0) return "0";
    round_shown(&d);
    const char *plain = plain_decimal(a, &d);
    return plain ? plain : kept(a, s);
}

/* ---- cell references ---------------------------------------------------------------------------
 */

/* "AB12" (n bytes) → column 28, row 12. Letters then digits, nothing else,
 * within Excel's grid; every step checked before it can overflow. */
static bool parse_ref(const char *s, size_t n, long *col, long *row)
{
    size_t i = 0;
    long c = 0, r = 0;
    for (; i < n && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')); i++) {
        c = c * 26 + (s[i] & 0x1F); /* 'A' and 'a' → 1 */
        if (c > MAX_COLUMN) return false;
    }
    if (i == 0 || i == n) return false;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
        r = r * 10 + (s[i] - '0');
        if (r > MAX_ROW) return false;
    }
    if (i != n || r == 0) return false;
    *col = c;
    *row = r;
    return true;
}

/* Column 28 → "AB". */
static void column_name(long col, char out[8])
{
    char rev[8];
    int n = 0;
    while (col > 0 && n < 7) {
        rev[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    for (int i = 0; i < n; i++)
        out[i] = rev[n - 1 - i];
    out[n] = '\0';
}

/* A positive row number no larger than Excel's; 0 when not one. */
static long row_number(const char *s)
{
    long r = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        r = r * 10 + (*s - '0');
        if (r > MAX_ROW) return 0;
    }
    return *s ? 0 : r;
}

/* ---- the workbook and its shared strings
 * ------------------------------------------------------------ */

static void workbook_start(jx_xml *x, int ns, const char *name, const char **attrs)
{
    workbook *wb = jx_xml_user(x);
    if (!wb->root_seen) {
        wb->root_seen = true;
        if (ns != JX_NS_SS || strcmp(name, "workbook") != 0)
            jx_xml_fail(x, "不是 Excel 工作簿 (根元素是 %.40s)",
                        "not a SpreadsheetML workbook (root element %.40s)", name);
        return;
    }
    if (ns != JX_NS_SS || strcmp(name, "sheet") != 0) return;
    const char *sheet_name = jx_xml_attr(attrs, JX_NS_NONE, "name");
    const char *rel_id = jx_xml_attr(attrs, JX_NS_R, "id");
    if (!rel_id) return; /* nothing to read */
    if (wb->n_sheets == MAX_SHEETS) {
        jx_xml_fail(x, "工作表超过 %d 个", "more than %d sheets", MAX_SHEETS);
        return;
    }
    size_t cap = wb->n_sheets; /* grows one at a time: at most MAX_SHEETS */
    wb->sheets = jx_xrealloc(wb->sheets, (cap + 1) * sizeof *wb->sheets);
    wb->sheets[wb->n_sheets++] =
        (sheet_ref){jx_arena_strdup(wb->arena, sheet_name ? sheet_name : ""),
                    jx_arena_strdup(wb->arena, rel_id)};
}

static void strings_start(jx_xml *x, int ns, const char *name, const char **attrs)
{
    (void)attrs;
    workbook *wb = jx_xml_user(x);
    if (ns != JX_NS_SS) return;
    if (strcmp(name, "si") == 0) {
        wb->in_si = true;
        wb->text.len = 0;
    } else if (strcmp(name, "rPh") == 0) {
        wb->phonetic++;
    } else if (strcmp(name, "t") == 0) {
        wb->in_t = wb->in_si && wb->phonetic == 0;
    }
}

static void strings_end(jx_xml *x, int ns, const char *name)
{
    workbook *wb = jx_xml_user(x);
    if (ns != JX_NS_SS) return;
    if (strcmp(name, "t") == 0) {
        wb->in_t = false;
    } else if (strcmp(name, "rPh") == 0) {
        wb->phonetic--;
    } else if (strcmp(name, "si") == 0) {
        wb->in_si = false;
        if (wb->n_strings == JX_OFFICE_MAX_CELLS) {
            jx_xml_fail(x, "共享字符串超过 %u 个", "more than %u shared strings",
                        JX_OFFICE_MAX_CELLS);
            return;
        }
        wb->strings =
            room_for_one(wb->strings, wb->n_strings, &wb->cap_strings, sizeof *wb->strings);
        wb->strings[wb->n_strings++] = take_string(&wb->text, wb->arena);
    }
}

static void strings_text(jx_xml *x, const char *s, size_t len)
{
    workbook *wb = jx_xml_user(x);
    if (wb->in_t) add_cell_text(x, &wb->text, s, len);
}

static bool read_shared_strings(workbook *wb, char *err, size_t errlen)
{
    const jx_rel *rel = jx_rel_by_type(wb->rels, wb->n_rels, "sharedStrings");
    const char *part = rel ? rel->target : "xl/sharedStrings.xml";
    if (!jx_zip_has(wb->zip, part)) return true; /* a workbook without text */
    jx_xml_handler h = {strings_start, strings_end, strings_text, wb};
    return jx_zip_parse(wb->zip, part, &h, err, errlen);
}

/* ---- one sheet: rows and cells
 * --------------------------------------------------------------------------- */

static void start_row(jx_xml *x, sheet_reader *s, const char **attrs)
{
    const char *r = jx_xml_attr(attrs, JX_NS_NONE, "r");
    long number = r ? row_number(r) : s->last_row + 1;
    if (number == 0 || number > MAX_ROW) {
        jx_xml_fail(x, "行号 \"%.20s\" 无效", "invalid row number \"%.20s\"", r ? r : "");
        return;
    }
    if (number <= s->last_row) {
        jx_xml_fail(x, "第 %ld 行出现在第 %ld 行之后", "row %ld comes after row %ld", number,
                    s->last_row);
        return;
    }
    s->in_row = true;
    s->row_r = number;
    s->last_col = 0;
    s->width = 0;
    s->any_value = false;
}

static void end_row(jx_xml *x, sheet_reader *s)
{
    s->in_row = false;
    s->last_row = s->row_r;
    if (!s->any_value) return;
    if (s->width > JX_OFFICE_MAX_CELLS - s->total_cells) {
        jx_xml_fail(x, JX_MSG_TOO_MANY_CELLS_ZH, JX_MSG_TOO_MANY_CELLS_EN);
        return;
    }
    s->total_cells += s->width;
    s->rows = room_for_one(s->rows, s->n_rows, &s->cap_rows, sizeof *s->rows);
    const char **cells = jx_arena_alloc(&s->scratch, s->width * sizeof *cells);
    memcpy(cells, s->cells, s->width * sizeof *cells);
    s->rows[s->n_rows++] = (sheet_row){s->row_r, cells, s->width};
}

static void start_cell(jx_xml *x, sheet_reader *s, const char **attrs)
{
    const char *r = jx_xml_attr(attrs, JX_NS_NONE, "r");
    const char *t = jx_xml_attr(attrs, JX_NS_NONE, "t");
    long col = s->last_col + 1, row;
    if (r && !parse_ref(r, strlen(r), &col, &row)) {
        jx_xml_fail(x, "单元格引用 \"%.20s\" 无效", "invalid cell reference \"%.20s\"", r);
        return;
    }
    if (col <= s->last_col) {
        jx_xml_fail(x, "单元格 %.20s 出现在同一行靠右的单元格之后",
                    "cell %.20s comes after a cell to its right", r);
        return;
    }
    s->in_c = true;
    s->col = s->last_col = col;
    snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
    s->wb->text.len = 0;
}

/* A shared string by its index written in the cell. */
static const char *shared_string(jx_xml *x, sheet_reader *s, const char *index)
{
    const workbook *wb = s->wb;
    if (!index[0]) return "";
    size_t i = 0;
    const char *p = index;
    for (; *p >= '0' && *p <= '9' && i <= wb->n_strings; p++)
        i = i * 10 + (size_t)(*p - '0');
    if (*p || i >= wb->n_strings) {
        char col[8];
        column_name(s->col, col);
        jx_xml_fail(x, "单元格 %s%ld 的共享字符串编号 \"%.20s\" 无效",
                    "cell %s%ld: invalid shared string index \"%.20s\"", col, s->row_r, index);
        return "";
    }
    return wb->strings[i];
}

static const char *cell_value(jx_xml *x, sheet_reader *s)
{
    workbook *wb = s->wb;
    const char *type = s->type;
    if (strcmp(type, "inlineStr") == 0 || strcmp(type, "str") == 0)
        return take_string(&wb->text, wb->arena);
    const char *text = peek_text(&wb->text);
    if (strcmp(type, "s") == 0) return shared_string(x, s, text);
    if (strcmp(type, "n") == 0) return number_text(wb->arena, text);
    if (strcmp(type, "b") == 0 && strcmp(text, "1") == 0) return "TRUE";
    if (strcmp(type, "b") == 0 && strcmp(text, "0") == 0) return "FALSE";
    return kept(wb->arena, text); /* "e" (#DIV/0!), "d" (ISO date), anything new: as written */
}

static void end_cell(jx_xml *x, sheet_reader *s)
{
    s->in_c = s->in_is = s->capture = false;
    s->phonetic = 0;
    const char *value = cell_value(x, s);
    if (s->col > JX_MAX_CELLS) {
        char col[8];
        column_name(s->col, col);
        if (value[0])
            jx_xml_fail(x, "单元格 %s%ld 超出第 %d 列", "cell %s%ld is beyond column %d", col,
                        s->row_r, JX_MAX_CELLS);
        return; /* an empty (formatted) cell out there holds nothing */
    }
    while (s->width + 1 < (size_t)s->col)
        s->cells[s->width++] = "";
    s->cells[s->width++] = value;
    if (value[0]) s->any_value = true;
}

static void add_merge(jx_xml *x, sheet_reader *s, const char *ref)
{
    const char *colon = ref ? strchr(ref, ':') : NULL;
    if (!colon) return; /* one cell: nothing merged */
    merge m;
    if (!parse_ref(ref, (size_t)(colon - ref), &m.left, &m.top) ||
        !parse_ref(colon + 1, strlen(colon + 1), &m.right, &m.bottom)) {
        jx_xml_fail(x, "合并区域 \"%.40s\" 无效", "invalid merged range \"%.40s\"", ref);
        return;
    }
    if (m.left > m.right) m = (merge){m.top, m.right, m.bottom, m.left};
    if (m.top > m.bottom) m = (merge){m.bottom, m.left, m.top, m.right};
    if ((m.top == m.bottom && m.left == m.right) || m.left > JX_MAX_CELLS) return;
    if (m.right > JX_MAX_CELLS) m.right = JX_MAX_CELLS; /* beyond: no values there anyway */
    if (s->n_merges == MAX_MERGES) {
        jx_xml_fail(x, "合并单元格区域超过 %d 个", "more than %d merged ranges", MAX_MERGES);
        return;
    }
    s->merges = room_for_one(s->merges, s->n_merges, &s->cap_merges, sizeof *s->merges);
    s->merges[s->n_merges++] = m;
}

/* Elements inside a <c>: the value, or the runs of an inline string. */
static void start_in_cell(sheet_reader *s, const char *name)
{
    if (strcmp(name, "v") == 0)
        s->capture = !s->in_is;
    else if (strcmp(name, "is") == 0)
        s->in_is = true;
    else if (strcmp(name, "rPh") == 0)
        s->phonetic++;
    else if (strcmp(name, "t") == 0)
        s->capture = s->in_is && s->phonetic == 0;
}

static void sheet_start(jx_xml *x, int ns, const char *name, const char **attrs)
{
    sheet_reader *s = jx_xml_user(x);
    if (!s->root_seen) {
        s->root_seen = true;
        if (ns != JX_NS_SS)
            jx_xml_fail(x, "不是 Excel 工作表 (根元素是 %.40s)",
                        "not a SpreadsheetML sheet (root element %.40s)", name);
        return;
    }
    if (ns != JX_NS_SS) return;
    if (s->in_c)
        start_in_cell(s, name);
    else if (s->in_row && strcmp(name, "c") == 0)
        start_cell(x, s, attrs);
    else if (s->in_data && strcmp(name, "row") == 0)
        start_row(x, s, attrs);
    else if (strcmp(name, "sheetData") == 0)
        s->in_data = true;
    else if (strcmp(name, "mergeCell") == 0)
        add_merge(x, s, jx_xml_attr(attrs, JX_NS_NONE, "ref"));
}

static void sheet_end(jx_xml *x, int ns, const char *name)
{
    sheet_reader *s = jx_xml_user(x);
    if (ns != JX_NS_SS) return;
    if (s->in_c) {
        if (strcmp(name, "c") == 0)
            end_cell(x, s);
        else if (strcmp(name, "v") == 0 || strcmp(name, "t") == 0)
            s->capture = false;
        else if (strcmp(name, "rPh") == 0)
            s->phonetic--;
    } else if (s->in_row && strcmp(name, "row") == 0) {
        end_row(x, s);
    } else if (strcmp(name, "sheetData") == 0) {
        s->in_data = false;
    }
}

static void sheet_text(jx_xml *x, const char *str, size_t len)
{
    sheet_reader *s = jx_xml_user(x);
    if (s->capture) add_cell_text(x, &s->wb->text, str, len);
}

/* ---- one sheet: merges, then rows to the store
 * ---------------------------------------------------------- */

static int by_top_row(const void *a, const void *b)
{
    const merge *m = a, *n = b;
    return (m->top > n->top) - (m->top < n->top);
}

/* Which merged range covers each column (1-based) of the current row. */
typedef struct coverage {
    long top[JX_MAX_CELLS + 1], left[JX_MAX_CELLS + 1], bottom[JX_MAX_CELLS + 1];
} coverage;

static void cover(coverage *cv, const merge *m)
{
    for (long c = m->left; c <= m->right; c++) {
        cv->top[c] = m->top;
        cv->left[c] = m->left;
        cv->bottom[c] = m->bottom;
    }
}

/* Blank the cells of `row` that merged ranges cover, except each range's
 * top-left; widen the row to the ranges' right edges. */
static void merge_row(sheet_reader *s, sheet_row *row, const coverage *cv)
{
    size_t width = row->n;
    for (long c = 1; c <= JX_MAX_CELLS; c++)
        if (cv->top[c] <= row->r && row->r <= cv->bottom[c] && (size_t)c > width) width = (size_t)c;
    if (width > row->n) {
        const char **cells = jx_arena_alloc(&s->scratch, width * sizeof *cells);
        memcpy(cells, row->cells, row->n * sizeof *cells);
        for (size_t i = row->n; i < width; i++)
            cells[i] = "";
        row->cells = cells;
        row->n = width;
    }
    for (long c = 1; c <= (long)width; c++) {
        bool covered = cv->top[c] <= row->r && row->r <= cv->bottom[c];
        bool top_left = row->r == cv->top[c] && c == cv->left[c];
        if (covered && !top_left) row->cells[c - 1] = "";
    }
}

static void apply_merges(sheet_reader *s)
{
    if (s->n_merges == 0) return;
    qsort(s->merges, s->n_merges, sizeof *s->merges, by_top_row);
    coverage *cv = jx_xmalloc(sizeof *cv);
    memset(cv, 0, sizeof *cv); /* bottom 0: no row is covered */
    size_t next = 0;
    for (size_t i = 0; i < s->n_rows; i++) {
        while (next < s->n_merges && s->merges[next].top <= s->rows[i].r)
            cover(cv, &s->merges[next++]);
        merge_row(s, &s->rows[i], cv);
    }
    free(cv);
}

static bool row_is_empty(const sheet_row *row)
{
    for (size_t i = 0; i < row->n; i++)
        if (row->cells[i][0]) return false;
    return true;
}

static bool store_rows(sheet_reader *s, int index, const char *part, char *err, size_t errlen)
{
    for (size_t i = 0; i < s->n_rows; i++) {
        const sheet_row *row = &s->rows[i];
        if (row_is_empty(row)) continue; /* its values were inside merged ranges */
        if (!jx_rowstore_add(s->wb->store, row->cells, row->n, row->r, index, false)) {
            snprintf(err, errlen,
                     "%s: " JX_MSG_TOO_MANY_CELLS_ZH " (%s: " JX_MSG_TOO_MANY_CELLS_EN ")", part,
                     part);
            return false;
        }
    }
    return true;
}

static bool read_sheet(workbook *wb, int index, const char *part, char *err, size_t errlen)
{
    sheet_reader *s = jx_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    s->wb = wb;
    jx_arena_init(&s->scratch);
    jx_xml_handler h = {sheet_start, sheet_end, sheet_text, s};
    bool ok = jx_zip_parse(wb->zip, part, &h, err, errlen);
    if (ok) {
        apply_merges(s);
        ok = store_rows(s, index, part, err, errlen);
    }
    jx_arena_free(&s->scratch);
    free(s->rows);
    free(s->merges);
    free(s);
    return ok;
}

/* ---- the whole workbook
 * ------------------------------------------------------------------------------------ */

static bool read_sheets(workbook *wb, char *err, size_t errlen)
{
    for (size_t i = 0; i < wb->n_sheets; i++) {
        const sheet_ref *sheet = &wb->sheets[i];
        const jx_rel *rel = jx_rel_by_id(wb->rels, wb->n_rels, sheet->rel_id);
        if (!rel) {
            snprintf(err, errlen,
                     "文件已损坏或不是 Excel 工作簿: 找不到工作表 \"%s\" 的部件 %s (not a valid "
                     ".xlsx: sheet \"%s\": "
                     "relationship %s not found)",
                     sheet->name, sheet->rel_id, sheet->name, sheet->rel_id);
            return false;
        }
        if (!read_sheet(wb, (int)i, rel->target, err, errlen)) return false;
    }
    const char **names = jx_xmalloc((wb->n_sheets ? wb->n_sheets : 1) * sizeof *names);
    for (size_t i = 0; i < wb->n_sheets; i++)
        names[i] = wb->sheets[i].name;
    jx_rowstore_set_names(wb->store, names, wb->n_sheets);
    free(names);
    return true;
}

static bool read_workbook_part(workbook *wb, char *err, size_t errlen)
{
    if (!jx_zip_main_part(wb->zip, wb->arena, "xl/workbook.xml", &wb->part, err, errlen))
        return false;
    if (!jx_zip_has(wb->zip, wb->part)) {
        jx_zip_missing(wb->zip, wb->part, err, errlen);
        return false;
    }
    if (!jx_zip_rels(wb->zip, wb->arena, wb->part, &wb->rels, &wb->n_rels, err, errlen))
        return false;
    jx_xml_handler h = {workbook_start, NULL, NULL, wb};
    return jx_zip_parse(wb->zip, wb->part, &h, err, errlen);
}

static bool read_workbook(jx_zip *z, jx_rows *out, char *err, size_t errlen)
{
    workbook wb;
    memset(&wb, 0, sizeof wb);
    wb.zip = z;
    wb.store = jx_rowstore_new();
    wb.arena = jx_rowstore_arena(wb.store);
    bool ok = read_workbook_part(&wb, err, errlen) && read_shared_strings(&wb, err, errlen) &&
              read_sheets(&wb, err, errlen);
    jx_cellbuf_free(&wb.text);
    free(wb.sheets);
    free(wb.strings);
    if (!ok) {
        jx_rowstore_free(wb.store);
        return false;
    }
    jx_rowstore_to_rows(wb.store, out);
    return true;
}

bool jx_xlsx_open(const char *path, jx_rows *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    jx_zip *z;
    if (!jx_zip_open_path(path, &xlsx_kind, &z, err, errlen)) return false;
    bool ok = read_workbook(z, out, err, errlen);
    jx_zip_close(z);
    return ok;
}

bool jx_xlsx_open_mem(const void *data, size_t len, jx_rows *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    jx_zip *z;
    if (!jx_zip_open_mem(data, len, &xlsx_kind, &z, err, errlen)) return false;
    bool ok = read_workbook(z, out, err, errlen);
    jx_zip_close(z);
    return ok;
}

const char *jx_xlsx_sheet_name(const jx_rows *rows, int index)
{
    return jx_rowstore_name(jx_rowstore_of(rows), index);
}
