/* officegen.h — write small .docx and .xlsx files for the tests (libzip).
 *
 * Header-only helpers, test code only:
 *   og_tmpdir_*        a fresh temporary folder for the files, removed after
 *   og_zip_write()     a zip of named entries from memory
 *   og_zip_write_big() a zip with one entry of N zero bytes, generated while
 *   og_zip_add_zeros() compressing (a 300 MB entry costs no 300 MB buffer)
 *   og_docx_*          a minimal valid WordprocessingML document: paragraphs,
 *                      raw body XML, and tables written in a small notation
 *   og_xlsx_*          a minimal valid SpreadsheetML workbook: sheets, shared
 *                      or inline strings, numbers, <mergeCells>, the same
 *                      table notation
 *
 * Table notation, one string per row, cells separated by '|':
 *   "text"      a cell;  "\n" inside the text separates paragraphs (.docx)
 *   "text{3}"   the cell spans 3 grid columns (w:gridSpan; an Excel merge)
 *   "text{v}"   the cell starts a vertical merge ("text{2v}": and spans 2)
 *   "^"         continues the vertical merge above ("^{2}" when it spans 2)
 * In .xlsx, a text that is a plain decimal ("134.64", "-3") is written as a
 * number, anything else as a string.
 *
 * Also the table both importer tests use: seed 004's first 自评表 (tables
 * from shared/seeds/004_3041c76681ddeec5.txt), in notation and as the rows
 * the readers must give.
 */
#ifndef JX_OFFICEGEN_H
#define JX_OFFICEGEN_H

#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

/* ---- a growable string ------------------------------------------------------ */

typedef struct og_buf {
    char *s;
    size_t len, cap;
} og_buf;

static inline void og_addn(og_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->s = realloc(b->s, cap);
        if (!b->s) abort();
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static inline void og_add(og_buf *b, const char *s)
{
    og_addn(b, s, strlen(s));
}

static inline void og_addf(og_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline void og_addf(og_buf *b, const char *fmt, ...)
{
    char small[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof small) abort(); /* tests write short pieces */
    og_addn(b, small, (size_t)n);
}

/* XML-escaped text (n bytes). */
static inline void og_add_escaped(og_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '<':
            og_add(b, "&lt;");
            break;
        case '>':
            og_add(b, "&gt;");
            break;
        case '&':
            og_add(b, "&amp;");
            break;
        case '"':
            og_add(b, "&quot;");
            break;
        default:
            og_addn(b, s + i, 1);
        }
    }
}

static inline void og_free(og_buf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

/* ---- zip files ------------------------------------------------------------------ */

typedef struct og_entry {
    const char *name;
    const char *data;
    size_t len; /* 0: strlen(data) */
} og_entry;

static inline bool og_zip_write(const char *path, const og_entry *entries, size_t n)
{
    int code;
    zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!za) return false;
    for (size_t i = 0; i < n; i++) {
        size_t len = entries[i].len ? entries[i].len : strlen(entries[i].data);
        zip_source_t *src = zip_source_buffer(za, entries[i].data, len, 0);
        if (!src ||
            zip_file_add(za, entries[i].name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
            if (src) zip_source_free(src);
            zip_discard(za);
            return false;
        }
    }
    return zip_close(za) == 0;
}

typedef struct og_zeros {
    zip_uint64_t size, pos;
} og_zeros;

/* A zip_source that produces `size` zero bytes without holding them. */
static inline zip_int64_t og_zeros_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    og_zeros *z = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        z->pos = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        zip_uint64_t n = z->size - z->pos < len ? z->size - z->pos : len;
        memset(data, 0, n);
        z->pos += n;
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = data;
        zip_stat_init(st);
        st->size = z->size;
        st->valid |= ZIP_STAT_SIZE;
        return sizeof *st;
    }
    case ZIP_SOURCE_ERROR: {
        int *e = data;
        e[0] = e[1] = 0;
        return 2 * sizeof(int);
    }
    case ZIP_SOURCE_FREE:
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              -1);
    default:
        return -1;
    }
}

/* Add (or replace) entry `name` of an existing zip: `size` zero bytes. */
static inline bool og_zip_add_zeros(const char *path, const char *name, zip_uint64_t size)
{
    int code;
    zip_t *za = zip_open(path, 0, &code);
    if (!za) return false;
    og_zeros zeros = {size, 0};
    zip_source_t *src = zip_source_function(za, og_zeros_cb, &zeros);
    zip_int64_t idx = src ? zip_file_add(za, name, src, ZIP_FL_OVERWRITE) : -1;
    if (idx < 0) {
        if (src) zip_source_free(src);
        zip_discard(za);
        return false;
    }
    zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 1);
    return zip_close(za) == 0;
}

/* A zip holding `extra` small entries (may be NULL) and `name` = `size` zeros. */
static inline bool og_zip_write_big(const char *path, const og_entry *extra, size_t n_extra,
                                    const char *name, zip_uint64_t size)
{
    return og_zip_write(path, extra, n_extra) && og_zip_add_zeros(path, name, size);
}

/* The whole file in memory (free it); NULL when it cannot be read. */
static inline char *og_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    og_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        og_addn(&b, chunk, n);
    fclose(f);
    *len = b.len;
    if (!b.s) og_addn(&b, "", 0);
    return b.s;
}

/* ---- a temporary folder for the files ------------------------------------------------ */

static char og_tmpdir[64];

/* Make a fresh folder /tmp/jx-PREFIX-XXXXXX; 0 on success (cmocka setup style). */
static inline int og_tmpdir_make(const char *prefix)
{
    snprintf(og_tmpdir, sizeof og_tmpdir, "/tmp/jx-%s-XXXXXX", prefix);
    return mkdtemp(og_tmpdir) ? 0 : -1;
}

/* NAME inside the folder (two results stay valid at a time). */
static inline const char *og_tmp(const char *name)
{
    static char path[2][sizeof og_tmpdir + 256];
    static int which;
    which ^= 1;
    snprintf(path[which], sizeof path[which], "%s/%s", og_tmpdir, name);
    return path[which];
}

/* Remove the folder and the files written into it. */
static inline int og_tmpdir_remove(void)
{
    DIR *d = opendir(og_tmpdir);
    if (!d) return -1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) unlink(og_tmp(e->d_name));
    closedir(d);
    return rmdir(og_tmpdir);
}

/* ---- the table notation ------------------------------------------------------------ */

typedef struct og_cell {
    char text[512];
    int span;
    bool restart;      /* starts a vertical merge */
    bool continuation; /* "^": continues one */
} og_cell;

/* Parse one cell of the notation (n bytes at s). */
static inline void og_parse_cell(const char *s, size_t n, og_cell *c)
{
    memset(c, 0, sizeof *c);
    c->span = 1;
    if (n > 0 && s[n - 1] == '}') {
        size_t open = n;
        while (open > 0 && s[open - 1] != '{')
            open--;
        if (open > 0) {
            const char *p = s + open;
            if (*p >= '0' && *p <= '9') c->span = 0;
            for (; *p >= '0' && *p <= '9'; p++)
                c->span = c->span * 10 + (*p - '0');
            c->restart = *p == 'v';
            n = open - 1;
        }
    }
    if (n == 1 && s[0] == '^') {
        c->continuation = true;
        n = 0;
    }
    if (n >= sizeof c->text) n = sizeof c->text - 1;
    memcpy(c->text, s, n);
    c->text[n] = '\0';
}

/* Split a row into cells; returns how many (at most max). */
static inline size_t og_parse_row(const char *row, og_cell *cells, size_t max)
{
    size_t n = 0;
    const char *p = row;
    for (;;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (n < max) og_parse_cell(p, len, &cells[n++]);
        if (!bar) return n;
        p = bar + 1;
    }
}

/* ---- .docx ------------------------------------------------------------------------------- */

#define OG_W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

typedef struct og_docx {
    og_buf body;
} og_docx;

/* One paragraph; "\n" in text becomes w:br. */
static inline void og_docx_para(og_docx *d, const char *text)
{
    og_add(&d->body, "<w:p><w:r><w:t xml:space=\"preserve\">");
    for (const char *p = text; *p; p++) {
        if (*p == '\n')
            og_add(&d->body, "</w:t><w:br/><w:t xml:space=\"preserve\">");
        else
            og_add_escaped(&d->body, p, 1);
    }
    og_add(&d->body, "</w:t></w:r></w:p>");
}

static inline void og_docx_raw(og_docx *d, const char *xml)
{
    og_add(&d->body, xml);
}

/* A cell's paragraphs: one w:p per line of text. */
static inline void og_docx_cell_text(og_buf *b, const char *text)
{
    const char *p = text;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        og_add(b, "<w:p>");
        if (n) {
            og_add(b, "<w:r><w:t xml:space=\"preserve\">");
            og_add_escaped(b, p, n);
            og_add(b, "</w:t></w:r>");
        }
        og_add(b, "</w:p>");
        if (!nl) return;
        p = nl + 1;
    }
}

static inline void og_docx_cell(og_buf *b, const og_cell *c)
{
    og_add(b, "<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/>");
    if (c->span > 1) og_addf(b, "<w:gridSpan w:val=\"%d\"/>", c->span);
    if (c->restart) og_add(b, "<w:vMerge w:val=\"restart\"/>");
    if (c->continuation) og_add(b, "<w:vMerge/>");
    og_add(b, "</w:tcPr>");
    og_docx_cell_text(b, c->text);
    og_add(b, "</w:tc>");
}

/* A table of `n` rows in the notation, on a grid of `grid` columns. */
static inline void og_docx_table(og_docx *d, int grid, const char *const *rows, size_t n)
{
    og_buf *b = &d->body;
    og_add(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" "
              "w:type=\"auto\"/></w:tblPr><w:tblGrid>");
    for (int i = 0; i < grid; i++)
        og_add(b, "<w:gridCol w:w=\"1000\"/>");
    og_add(b, "</w:tblGrid>");
    for (size_t r = 0; r < n; r++) {
        og_cell cells[64];
        size_t nc = og_parse_row(rows[r], cells, 64);
        og_add(b, "<w:tr>");
        for (size_t i = 0; i < nc; i++)
            og_docx_cell(b, &cells[i]);
        og_add(b, "</w:tr>");
    }
    og_add(b, "</w:tbl>");
}

static const char og_docx_content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "</Types>";

static const char og_docx_package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";

/* The whole word/document.xml for a body (free it). */
static inline char *og_docx_document_xml(const char *body)
{
    og_buf b = {0};
    og_add(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
               "<w:document xmlns:w=\"" OG_W_NS "\" "
               "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
               "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
               "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" "
               "mc:Ignorable=\"w14\"><w:body>");
    og_add(&b, body ? body : "");
    og_add(&b, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>");
    return b.s;
}

/* Write a .docx whose word/document.xml is exactly `document_xml`. */
static inline bool og_docx_write_xml(const char *path, const char *document_xml)
{
    og_entry e[] = {{"[Content_Types].xml", og_docx_content_types, 0},
                    {"_rels/.rels", og_docx_package_rels, 0},
                    {"word/document.xml", document_xml, 0}};
    return og_zip_write(path, e, 3);
}

static inline bool og_docx_write(og_docx *d, const char *path)
{
    char *xml = og_docx_document_xml(d->body.s);
    bool ok = og_docx_write_xml(path, xml);
    free(xml);
    og_free(&d->body);
    return ok;
}

/* ---- .xlsx ------------------------------------------------------------------------------------
 */

#define OG_SS_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define OG_MAX_SHEETS 8

typedef struct og_xlsx {
    og_buf sst; /* <si> elements */
    int n_sst;
    int n_sheets;
    char names[OG_MAX_SHEETS][64];
    og_buf data[OG_MAX_SHEETS];   /* <row> elements */
    og_buf merges[OG_MAX_SHEETS]; /* <mergeCell> elements */
    int n_merges[OG_MAX_SHEETS];
    bool inline_strings; /* write strings as t="inlineStr" instead of shared */
} og_xlsx;

static inline void og_xlsx_sheet(og_xlsx *x, const char *name)
{
    if (x->n_sheets == OG_MAX_SHEETS) abort();
    snprintf(x->names[x->n_sheets++], sizeof x->names[0], "%s", name);
}

static inline og_buf *og_xlsx_data(og_xlsx *x)
{
    return &x->data[x->n_sheets - 1];
}

/* Raw XML into the current sheet's <sheetData>. */
static inline void og_xlsx_raw(og_xlsx *x, const char *xml)
{
    og_add(og_xlsx_data(x), xml);
}

/* Raw <si> content (e.g. rich-text runs); returns its index. */
static inline int og_xlsx_shared_raw(og_xlsx *x, const char *si_content)
{
    og_add(&x->sst, "<si>");
    og_add(&x->sst, si_content);
    og_add(&x->sst, "</si>");
    return x->n_sst++;
}

static inline int og_xlsx_shared(og_xlsx *x, const char *text)
{
    og_add(&x->sst, "<si><t xml:space=\"preserve\">");
    og_add_escaped(&x->sst, text, strlen(text));
    og_add(&x->sst, "</t></si>");
    return x->n_sst++;
}

static inline void og_xlsx_merge(og_xlsx *x, const char *ref)
{
    og_addf(&x->merges[x->n_sheets - 1], "<mergeCell ref=\"%s\"/>", ref);
    x->n_merges[x->n_sheets - 1]++;
}

/* "AB12" for column 28, row 12. */
static inline void og_ref(int col, int row, char out[16])
{
    char letters[8];
    int n = 0;
    for (int c = col; c > 0; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    int w = 0;
    while (n > 0)
        out[w++] = letters[--n];
    snprintf(out + w, 16 - (size_t)w, "%d", row);
}

static inline bool og_is_number(const char *s)
{
    const char *p = s + (*s == '-');
    bool digits = false, point = false;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits = true;
        else if (*p == '.' && !point)
            point = true;
        else
            return false;
    }
    return digits;
}

/* One cell: a number, a string (shared or inline), or a formatted empty cell. */
static inline void og_xlsx_cell(og_xlsx *x, int col, int row, const char *text)
{
    og_buf *b = og_xlsx_data(x);
    char ref[16];
    og_ref(col, row, ref);
    if (!text[0]) {
        og_addf(b, "<c r=\"%s\" s=\"1\"/>", ref);
    } else if (og_is_number(text)) {
        og_addf(b, "<c r=\"%s\" s=\"1\"><v>%s</v></c>", ref, text);
    } else if (x->inline_strings) {
        og_addf(b, "<c r=\"%s\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">", ref);
        og_add_escaped(b, text, strlen(text));
        og_add(b, "</t></is></c>");
    } else {
        og_addf(b, "<c r=\"%s\" s=\"1\" t=\"s\"><v>%d</v></c>", ref, og_xlsx_shared(x, text));
    }
}

typedef struct og_vmerge {
    int top, bottom, span; /* top 0: none open */
} og_vmerge;

static inline void og_xlsx_close_vmerge(og_xlsx *x, og_vmerge *v, int col)
{
    if (v->top && (v->bottom > v->top || v->span > 1)) {
        char a[16], b[16], ref[40];
        og_ref(col, v->top, a);
        og_ref(col + v->span - 1, v->bottom, b);
        snprintf(ref, sizeof ref, "%s:%s", a, b);
        og_xlsx_merge(x, ref);
    }
    v->top = 0;
}

/* A table in the notation, its first row at Excel row `first_row`; spans
 * and vertical merges become merged ranges. */
static inline void og_xlsx_table(og_xlsx *x, int first_row, const char *const *rows, size_t n)
{
    og_vmerge open[64] = {{0, 0, 0}};
    for (size_t r = 0; r < n; r++) {
        int row = first_row + (int)r, col = 1;
        og_cell cells[64];
        size_t nc = og_parse_row(rows[r], cells, 64);
        og_addf(og_xlsx_data(x), "<row r=\"%d\">", row);
        for (size_t i = 0; i < nc; i++) {
            const og_cell *c = &cells[i];
            if (c->continuation && open[col].top) {
                open[col].bottom = row;
            } else {
                og_xlsx_close_vmerge(x, &open[col], col);
                open[col] = (og_vmerge){row, row, c->span};
                if (!c->restart && c->span > 1) og_xlsx_close_vmerge(x, &open[col], col);
                if (!c->restart) open[col].top = 0;
            }
            for (int k = 0; k < c->span; k++)
                og_xlsx_cell(x, col + k, row, k == 0 ? c->text : "");
            col += c->span;
        }
        og_add(og_xlsx_data(x), "</row>");
    }
    for (int col = 1; col < 64; col++)
        og_xlsx_close_vmerge(x, &open[col], col);
}

static const char og_xlsx_styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<styleSheet xmlns=\"" OG_SS_NS "\">"
    "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
    "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
    "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
    "<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom "
    "style=\"thin\"/>"
    "<diagonal/></border></borders>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
    "borderId=\"0\"/></cellStyleXfs>"
    "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" "
    "applyBorder=\"1\"/></cellXfs>"
    "</styleSheet>";

static inline char *og_xlsx_content_types(const og_xlsx *x)
{
    og_buf b = {0};
    og_add(
        &b,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        "<Override PartName=\"/xl/styles.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        "<Override PartName=\"/xl/sharedStrings.xml\" "
        "ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
    for (int i = 1; i <= x->n_sheets; i++)
        og_addf(&b,
                "<Override PartName=\"/xl/worksheets/sheet%d.xml\" "
                "ContentType=\"application/"
                "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
                i);
    og_add(&b, "</Types>");
    return b.s;
}

static const char og_xlsx_package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";

#define OG_REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* Sheets are rId1…rIdN, styles and shared strings come after. */
static inline char *og_xlsx_workbook_rels(const og_xlsx *x)
{
    og_buf b = {0};
    og_add(
        &b,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (int i = 1; i <= x->n_sheets; i++)
        og_addf(&b,
                "<Relationship Id=\"rId%d\" Type=\"" OG_REL_TYPE
                "worksheet\" Target=\"worksheets/sheet%d.xml\"/>",
                i, i);
    og_addf(&b, "<Relationship Id=\"rId%d\" Type=\"" OG_REL_TYPE "styles\" Target=\"styles.xml\"/>",
            x->n_sheets + 1);
    og_addf(&b,
            "<Relationship Id=\"rId%d\" Type=\"" OG_REL_TYPE
            "sharedStrings\" Target=\"sharedStrings.xml\"/>",
            x->n_sheets + 2);
    og_add(&b, "</Relationships>");
    return b.s;
}

static inline char *og_xlsx_workbook(const og_xlsx *x)
{
    og_buf b = {0};
    og_add(
        &b,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<workbook xmlns=\"" OG_SS_NS "\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
    for (int i = 0; i < x->n_sheets; i++) {
        og_add(&b, "<sheet name=\"");
        og_add_escaped(&b, x->names[i], strlen(x->names[i]));
        og_addf(&b, "\" sheetId=\"%d\" r:id=\"rId%d\"/>", i + 1, i + 1);
    }
    og_add(&b, "</sheets></workbook>");
    return b.s;
}

static inline char *og_xlsx_sheet_xml(const og_xlsx *x, int i)
{
    og_buf b = {0};
    og_add(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
               "<worksheet xmlns=\"" OG_SS_NS "\" "
               "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
               "relationships\"><sheetData>");
    og_add(&b, x->data[i].s ? x->data[i].s : "");
    og_add(&b, "</sheetData>");
    if (x->n_merges[i]) {
        og_addf(&b, "<mergeCells count=\"%d\">", x->n_merges[i]);
        og_add(&b, x->merges[i].s);
        og_add(&b, "</mergeCells>");
    }
    og_add(&b, "</worksheet>");
    return b.s;
}

static inline char *og_xlsx_shared_strings(const og_xlsx *x)
{
    og_buf b = {0};
    og_addf(&b,
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<sst xmlns=\"" OG_SS_NS "\" count=\"%d\" uniqueCount=\"%d\">",
            x->n_sst, x->n_sst);
    og_add(&b, x->sst.s ? x->sst.s : "");
    og_add(&b, "</sst>");
    return b.s;
}

/* Write the workbook and free the builder. */
static inline bool og_xlsx_write(og_xlsx *x, const char *path)
{
    og_entry e[6 + OG_MAX_SHEETS];
    char *own[4 + OG_MAX_SHEETS];
    char names[OG_MAX_SHEETS][40];
    size_t n = 0, k = 0;
    e[n++] = (og_entry){"[Content_Types].xml", own[k++] = og_xlsx_content_types(x), 0};
    e[n++] = (og_entry){"_rels/.rels", og_xlsx_package_rels, 0};
    e[n++] = (og_entry){"xl/workbook.xml", own[k++] = og_xlsx_workbook(x), 0};
    e[n++] = (og_entry){"xl/_rels/workbook.xml.rels", own[k++] = og_xlsx_workbook_rels(x), 0};
    e[n++] = (og_entry){"xl/styles.xml", og_xlsx_styles, 0};
    e[n++] = (og_entry){"xl/sharedStrings.xml", own[k++] = og_xlsx_shared_strings(x), 0};
    for (int i = 0; i < x->n_sheets; i++) {
        snprintf(names[i], sizeof names[i], "xl/worksheets/sheet%d.xml", i + 1);
        e[n++] = (og_entry){names[i], own[k++] = og_xlsx_sheet_xml(x, i), 0};
    }
    bool ok = og_zip_write(path, e, n);
    for (size_t i = 0; i < k; i++)
        free(own[i]);
    og_free(&x->sst);
    for (int i = 0; i < OG_MAX_SHEETS; i++) {
        og_free(&x->data[i]);
        og_free(&x->merges[i]);
    }
    return ok;
}

/* ---- seed 004's first 自评表, for both importer tests ---------------------------------------- */

/* On a grid of 9 columns. */
static const char *const og_seed004_table[] = {
    "项目名称{2}|区政府工作经费{7}",
    "主管部门{2}|淮北市相山区人民政府办公室{3}|实施单位|淮北市相山区人民政府办公室{3}",
    "项目资金\n(万元){v}||年初预算数|全年预算数|全年执行数|分值|执行率|得分{2}",
    "^|年度资金总额|220|220|134.64|10|61.2|96{2}",
    "^|其中：当年财政拨款|220|220|134.64|—||—{2}",
    "^|上年结转资金||||—||—{2}",
    "^|其他资金||||—||—{2}",
    "年度 总体 目标{v}|预期目标{4}|实际完成情况{4}",
    "^|保障单位日常工作正常运转{4}|全年支付经费134.64万元，保障了单位日常工作正常运转{4}",
    "绩 效 指 标{v}|一级指标|二级指标|三级指标|年度指标值|实际完成值|分 值|得 分|偏差原因分析及 "
    "改进措施",
    "^|产出指标{v}|数量指标|申请数额|＜220|220|10|10|",
    "^|^|质量指标|网络安全保障性指标|≥95%|95%|10|10|",
    "^|^|时效指标|工作完成及时率|≥95%|95%|20|20|",
    "^|^|成本指标|工作经费|＜220|220|10|10|",
    "^|效益指标{v}|经济效益 指标|职工劳动生产率|≥95%|95%|10|10|",
    "^|^|社会效益 指标|群众影响率|≥95%|95%|5|5|",
    "^|^|生态效益 指标|生态保护平衡|≥95%|95%|5|5|",
    "^|^|可持续影 响指标|社会可持续影响|≥95%|95%|10|10|",
    "^|满意度\n指标|服务对象\n满意度指\n标|群众满意度|≥95%|95%|10|10|",
    "总分{6}|90|90|",
};

#define OG_SEED004_ROWS (sizeof og_seed004_table / sizeof og_seed004_table[0])
#define OG_SEED004_GRID 9

/* The rows both readers must give for it: spans followed by empty cells,
 * vertical continuations empty. */
static const char *const og_seed004_expected[OG_SEED004_ROWS][OG_SEED004_GRID] = {
    {"项目名称", "", "区政府工作经费", "", "", "", "", "", ""},
    {"主管部门", "", "淮北市相山区人民政府办公室", "", "", "实施单位", "淮北市相山区人民政府办公室",
     "", ""},
    {"项目资金\n(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
     ""},
    {"", "年度资金总额", "220", "220", "134.64", "10", "61.2", "96", ""},
    {"", "其中：当年财政拨款", "220", "220", "134.64", "—", "", "—", ""},
    {"", "上年结转资金", "", "", "", "—", "", "—", ""},
    {"", "其他资金", "", "", "", "—", "", "—", ""},
    {"年度 总体 目标", "预期目标", "", "", "", "实际完成情况", "", "", ""},
    {"", "保障单位日常工作正常运转", "", "", "",
     "全年支付经费134.64万元，保障了单位日常工作正常运转", "", "", ""},
    {"绩 效 指 标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分 值",
     "得 分", "偏差原因分析及 改进措施"},
    {"", "产出指标", "数量指标", "申请数额", "＜220", "220", "10", "10", ""},
    {"", "", "质量指标", "网络安全保障性指标", "≥95%", "95%", "10", "10", ""},
    {"", "", "时效指标", "工作完成及时率", "≥95%", "95%", "20", "20", ""},
    {"", "", "成本指标", "工作经费", "＜220", "220", "10", "10", ""},
    {"", "效益指标", "经济效益 指标", "职工劳动生产率", "≥95%", "95%", "10", "10", ""},
    {"", "", "社会效益 指标", "群众影响率", "≥95%", "95%", "5", "5", ""},
    {"", "", "生态效益 指标", "生态保护平衡", "≥95%", "95%", "5", "5", ""},
    {"", "", "可持续影 响指标", "社会可持续影响", "≥95%", "95%", "10", "10", ""},
    {"", "满意度\n指标", "服务对象\n满意度指\n标", "群众满意度", "≥95%", "95%", "10", "10", ""},
    {"总分", "", "", "", "", "", "90", "90", ""},
};

/* The project list before it in seed 004 (no merges). */
static const char *const og_seed004_list[] = {
    "序号|项目名称|金额（万元）|备注",
    "1|区政府工作经费项目|134.64|",
    "2|区创优营商环境服务中心工作经费|38.76|",
    "|合计|173.4|",
};

#endif
