/* docx.c — Word .docx documents as rows; see docx.h for what a row holds.
 *
 * word/document.xml is streamed through expat (zipxml.c). The reader keeps
 * counters of the open w:tbl, w:tc and w:p elements: the outermost table
 * (one not inside a paragraph) gives rows; its cells and the body's
 * paragraphs collect text into one buffer; anything nested deeper (tables in
 * cells, text boxes) adds its text to that buffer with a separator owed
 * (`pending`) that is written only if more text follows.
 */
#include "docx.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "zipxml.h"

static const jx_zip_kind docx_kind = {"Word 文档", ".docx"};

typedef struct docx_reader {
    jx_arena *arena; /* the row store's: cell texts live there */
    jx_rowstore *store;
    jx_cellbuf text; /* the top-level cell or body paragraph being read */
    char pending;    /* separator owed before more text: 0, ' ' or '\n' */
    bool root_seen;
    int skip;        /* depth inside w:del, w:moveFrom, mc:Fallback */
    bool in_t;       /* inside w:t */
    int runs;        /* open w:r: w:tab, w:br… count only there (w:tabs holds w:tab too) */
    int tables;      /* open w:tbl */
    bool top_table;  /* the outermost open table gives rows */
    int cells;       /* open w:tc */
    int paras;       /* open w:p (text boxes nest them) */
    bool in_trpr;    /* inside the w:trPr of a top-level row */
    int table_index; /* of the current top-level table, -1 before the first */
    long row_no;     /* rows read in that table */
    long para_no;    /* body paragraphs read */
    /* the top-level row being read */
    const char *row[JX_MAX_CELLS];
    size_t n_cells;
    long grid_after;
    bool row_deleted;
    /* the top-level cell being read */
    long span;
    bool continuation; /* a vMerge/hMerge continuation: shown empty */
} docx_reader;

/* ---- where we are ----------------------------------------------------------- */

static bool in_top_row(const docx_reader *d)
{
    return d->top_table && d->tables == 1;
}

static bool in_top_cell(const docx_reader *d)
{
    return in_top_row(d) && d->cells == 1;
}

/* Text read now belongs to the document: a top-level cell or a body paragraph. */
static bool collecting(const docx_reader *d)
{
    return d->skip == 0 && (d->top_table ? d->cells > 0 : d->paras > 0);
}

/* ---- text ------------------------------------------------------------------------ */

static void add_text(jx_xml *x, docx_reader *d, const char *s, size_t n)
{
    if (!collecting(d) || n == 0) return;
    bool ok = true;
    if (d->pending && d->text.len > 0) ok = jx_cellbuf_add(&d->text, &d->pending, 1);
    d->pending = 0;
    if (ok) ok = jx_cellbuf_add(&d->text, s, n);
    if (!ok)
        jx_xml_fail(x, "单元格或段落超过 %d 字节", "a cell or paragraph longer than %d bytes",
                    JX_MAX_CELL_BYTES);
}

static void add_str(jx_xml *x, docx_reader *d, const char *s)
{
    add_text(x, d, s, strlen(s));
}

/* Owe a separator: written before the next text, if any comes. */
static void owe(docx_reader *d, char sep)
{
    if (d->skip == 0) d->pending = sep;
}

/* The Symbol-font characters that appear in tables, by their code in the font. */
static const struct {
    unsigned code;
    const char *text;
} symbol_font[] = {
    {0x25, "%"}, {0x2D, "-"}, {0x3C, "<"}, {0x3D, "="}, {0x3E, ">"}, {0xA3, "≤"},
    {0xA5, "∞"}, {0xAE, "→"}, {0xB0, "°"}, {0xB1, "±"}, {0xB3, "≥"}, {0xB4, "×"},
    {0xB8, "÷"}, {0xB9, "≠"}, {0xBB, "≈"}, {0xD6, "√"},
};

/* "F0B3" → 0xF0B3; 0 when absent or not hexadecimal. */
static unsigned long hex_number(const char *s)
{
    unsigned long v = 0;
    for (int i = 0; s && s[i]; i++) {
        int h = jx_hex_digit(s[i]);
        if (h < 0 || i == 8) return 0;
        v = v * 16 + (unsigned long)h;
    }
    return v;
}

/* w:sym: a character of a symbol font. Symbol-font characters are mapped;
 * real Unicode characters are kept; other fonts' private codes are not text. */
static void add_symbol(jx_xml *x, docx_reader *d, const char **attrs)
{
    const char *font = jx_xml_attr(attrs, JX_NS_W, "font");
    unsigned long code = hex_number(jx_xml_attr(attrs, JX_NS_W, "char"));
    bool private_use = code >= 0xE000 && code <= 0xF8FF;
    if (font && strcasecmp(font, "Symbol") == 0 && (code < 0x100 || (code & 0xFF00) == 0xF000)) {
        for (size_t i = 0; i < sizeof symbol_font / sizeof symbol_font[0]; i++)
            if (symbol_font[i].code == (code & 0xFF)) add_str(x, d, symbol_font[i].text);
        return;
    }
    char utf8[4];
    size_t n = private_use ? 0 : jx_utf8_put(utf8, code);
    add_text(x, d, utf8, n);
}

/* ---- rows --------------------------------------------------------------------------- */

static bool push_cells(jx_xml *x, docx_reader *d, const char *text, long count)
{
    if (count < 0) count = 0;
    if ((size_t)count > JX_MAX_CELLS - d->n_cells) {
        jx_xml_fail(x, "表格的一行超过 %d 个单元格", "a table row with more than %d cells",
                    JX_MAX_CELLS);
        return false;
    }
    for (long i = 0; i < count; i++)
        d->row[d->n_cells++] = text;
    return true;
}

static void finish_cell(jx_xml *x, docx_reader *d)
{
    const char *text = jx_cellbuf_take(&d->text, d->arena);
    d->pending = 0;
    if (d->continuation) text = "";
    if (push_cells(x, d, text, 1)) push_cells(x, d, "", d->span - 1);
}

static void finish_row(jx_xml *x, docx_reader *d)
{
    if (!push_cells(x, d, "", d->grid_after) || d->row_deleted) return;
    d->row_no++;
    if (d->n_cells == 0) return;
    if (!jx_rowstore_add(d->store, d->row, d->n_cells, d->row_no, d->table_index, false))
        jx_xml_fail(x, JX_MSG_TOO_MANY_CELLS_ZH, JX_MSG_TOO_MANY_CELLS_EN);
}

static void finish_body_paragraph(jx_xml *x, docx_reader *d)
{
    const char *text = jx_cellbuf_take(&d->text, d->arena);
    d->pending = 0;
    d->para_no++;
    if (text[0] && !jx_rowstore_add(d->store, &text, 1, d->para_no, -1, true))
        jx_xml_fail(x, JX_MSG_TOO_MANY_CELLS_ZH, JX_MSG_TOO_MANY_CELLS_EN);
}

/* ---- elements ---------------------------------------------------------------------------- */

/* A count attribute ("3"): `fallback` when absent or not a plain number;
 * large values stay large (capped at 10^7) so the row limit catches them. */
static long count_value(const char *s, long fallback)
{
    if (!s || !*s) return fallback;
    long n = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return fallback;
        if (n < 1000000) n = n * 10 + (*s - '0');
    }
    return n;
}

static const char *w_val(const char **attrs)
{
    const char *v = jx_xml_attr(attrs, JX_NS_W, "val");
    return v ? v : jx_xml_attr(attrs, JX_NS_NONE, "val");
}

static void start_table(docx_reader *d)
{
    if (d->tables == 0 && d->paras == 0) {
        d->top_table = true;
        d->table_index++;
        d->row_no = 0;
    } else {
        owe(d, '\n');
    }
    d->tables++;
}

static void end_table(docx_reader *d)
{
    d->tables--;
    if (d->tables == 0 && d->top_table)
        d->top_table = false;
    else
        owe(d, '\n');
}

static void start_row(docx_reader *d)
{
    if (!in_top_row(d) || d->cells != 0) return;
    d->n_cells = 0;
    d->grid_after = 0;
    d->row_deleted = false;
}

static void end_row(jx_xml *x, docx_reader *d)
{
    if (in_top_row(d) && d->cells == 0)
        finish_row(x, d);
    else
        owe(d, '\n');
}

static void start_cell(docx_reader *d)
{
    d->cells++;
    if (!in_top_cell(d)) return;
    d->span = 1;
    d->continuation = false;
    d->text.len = 0;
    d->pending = 0;
}

static void end_cell(jx_xml *x, docx_reader *d)
{
    if (in_top_cell(d))
        finish_cell(x, d);
    else
        owe(d, ' ');
    d->cells--;
}

static void end_paragraph(jx_xml *x, docx_reader *d)
{
    d->paras--;
    if (d->tables == 0 && d->paras == 0)
        finish_body_paragraph(x, d);
    else
        owe(d, '\n');
}

/* Properties of the top-level row and cell that shape the grid. */
static void start_property(jx_xml *x, docx_reader *d, const char *name, const char **attrs)
{
    if (strcmp(name, "trPr") == 0) {
        d->in_trpr = in_top_row(d) && d->cells == 0;
    } else if (strcmp(name, "gridBefore") == 0) {
        if (d->in_trpr) push_cells(x, d, "", count_value(w_val(attrs), 0));
    } else if (strcmp(name, "gridAfter") == 0) {
        if (d->in_trpr) d->grid_after = count_value(w_val(attrs), 0);
    } else if (strcmp(name, "gridSpan") == 0) {
        long span = count_value(w_val(attrs), 1);
        if (in_top_cell(d)) d->span = span > 0 ? span : 1;
    } else if (strcmp(name, "vMerge") == 0 || strcmp(name, "hMerge") == 0) {
        const char *val = w_val(attrs);
        if (in_top_cell(d)) d->continuation = !val || strcmp(val, "restart") != 0;
    }
}

/* Elements that are text, or hide text. */
static bool start_text_element(jx_xml *x, docx_reader *d, const char *name, const char **attrs)
{
    if (strcmp(name, "t") == 0)
        d->in_t = true;
    else if (d->runs == 0 && strcmp(name, "tab") == 0)
        return true; /* a tab stop of w:tabs, not a character */
    else if (strcmp(name, "tab") == 0 || strcmp(name, "ptab") == 0)
        add_str(x, d, d->tables > 0 ? " " : "\t");
    else if (strcmp(name, "br") == 0 || strcmp(name, "cr") == 0)
        add_str(x, d, "\n");
    else if (strcmp(name, "noBreakHyphen") == 0)
        add_str(x, d, "-");
    else if (strcmp(name, "sym") == 0)
        add_symbol(x, d, attrs);
    else if (strcmp(name, "del") == 0 || strcmp(name, "moveFrom") == 0) {
        if (d->in_trpr) d->row_deleted = true;
        d->skip++;
    } else
        return false;
    return true;
}

static void check_root(jx_xml *x, docx_reader *d, int ns, const char *name)
{
    d->root_seen = true;
    if (ns != JX_NS_W || strcmp(name, "document") != 0)
        jx_xml_fail(x, "不是 Word 文档的正文 (根元素是 %.40s)",
                    "not a WordprocessingML document (root element %.40s)", name);
}

static void docx_start(jx_xml *x, int ns, const char *name, const char **attrs)
{
    docx_reader *d = jx_xml_user(x);
    if (!d->root_seen) {
        check_root(x, d, ns, name);
        return;
    }
    if (ns == JX_NS_MC && strcmp(name, "Fallback") == 0) d->skip++;
    if (ns != JX_NS_W || start_text_element(x, d, name, attrs)) return;
    if (strcmp(name, "p") == 0)
        d->paras++;
    else if (strcmp(name, "txbxContent") == 0)
        owe(d, '\n'); /* a text box: its paragraphs join the text around it */
    else if (strcmp(name, "r") == 0)
        d->runs++;
    else if (strcmp(name, "tbl") == 0)
        start_table(d);
    else if (strcmp(name, "tr") == 0)
        start_row(d);
    else if (strcmp(name, "tc") == 0)
        start_cell(d);
    else
        start_property(x, d, name, attrs);
}

static void docx_end(jx_xml *x, int ns, const char *name)
{
    docx_reader *d = jx_xml_user(x);
    if (jx_xml_depth(x) == 1) return; /* the root */
    if (ns == JX_NS_MC && strcmp(name, "Fallback") == 0) d->skip--;
    if (ns != JX_NS_W) return;
    if (strcmp(name, "t") == 0)
        d->in_t = false;
    else if (strcmp(name, "del") == 0 || strcmp(name, "moveFrom") == 0)
        d->skip--;
    else if (strcmp(name, "r") == 0)
        d->runs--;
    else if (strcmp(name, "trPr") == 0)
        d->in_trpr = false;
    else if (strcmp(name, "p") == 0)
        end_paragraph(x, d);
    else if (strcmp(name, "tc") == 0)
        end_cell(x, d);
    else if (strcmp(name, "tr") == 0)
        end_row(x, d);
    else if (strcmp(name, "tbl") == 0)
        end_table(d);
    else if (strcmp(name, "txbxContent") == 0)
        owe(d, '\n');
}

static void docx_text(jx_xml *x, const char *s, size_t len)
{
    docx_reader *d = jx_xml_user(x);
    if (d->in_t) add_text(x, d, s, len);
}

/* ---- opening ------------------------------------------------------------------------------------
 */

static bool read_document(jx_zip *z, jx_rows *out, char *err, size_t errlen)
{
    jx_rowstore *store = jx_rowstore_new();
    docx_reader *d = jx_xmalloc(sizeof *d);
    memset(d, 0, sizeof *d);
    d->store = store;
    d->arena = jx_rowstore_arena(store);
    d->table_index = -1;

    const char *part = NULL;
    bool ok = jx_zip_main_part(z, d->arena, "word/document.xml", &part, err, errlen);
    if (ok && !jx_zip_has(z, part)) {
        jx_zip_missing(z, part, err, errlen);
        ok = false;
    }
    if (ok) {
        jx_xml_handler h = {docx_start, docx_end, docx_text, d};
        ok = jx_zip_parse(z, part, &h, err, errlen);
    }
    jx_cellbuf_free(&d->text);
    free(d);
    if (!ok) {
        jx_rowstore_free(store);
        return false;
    }
    jx_rowstore_to_rows(store, out);
    return true;
}

bool jx_docx_open(const char *path, jx_rows *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    jx_zip *z;
    if (!jx_zip_open_path(path, &docx_kind, &z, err, errlen)) return false;
    bool ok = read_document(z, out, err, errlen);
    jx_zip_close(z);
    return ok;
}

bool jx_docx_open_mem(const void *data, size_t len, jx_rows *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    jx_zip *z;
    if (!jx_zip_open_mem(data, len, &docx_kind, &z, err, errlen)) return false;
    bool ok = read_document(z, out, err, errlen);
    jx_zip_close(z);
    return ok;
}
