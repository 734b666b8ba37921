/* doc_docx.c — the Word (.docx) backend of doc.h, written with libzip.
 *
 * word/document.xml is streamed into a temporary file while the document is
 * written (bounded memory); charts become PNG images (chart_cairo.c) kept
 * until the end, when the package is zipped into a temporary file and copied
 * to the output. Reproducible: fixed dates in docProps/core.xml and on every
 * zip entry, relationship ids numbered in order, nothing random.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "../base/arena.h"
#include "chart_cairo.h"
#include "doc_backend.h"
#include "doc_docx_parts.h"

#define TABLE_SIZE 9.0 /* pt, style TableText */
#define CELL_MARGIN_TWIPS 85
#define TWIPS_PER_PT 20
#define EMU_PER_PT 12700
#define CHART_FONT 8.0
#define CHART_PX_PER_PT 2.5 /* 180 dpi */
#define MAX_CHART_PT 640.0  /* an image taller than this is shrunk to fit a page */
/* Zip entry time, fixed: 2000-01-01 00:00 in MS-DOS form (no time zone involved). */
#define DOS_DATE ((20u << 9) | (1u << 5) | 1u)
#define DOS_TIME 0u

typedef struct {
    unsigned char *png;
    size_t len;
} image;

typedef struct {
    FILE *body; /* word/document.xml */
    char *title;
    bool after_table; /* the last thing written is a table */
    int n_cols, col_twips[JX_DOC_MAX_COLS];
    image *images;
    int n_images;
    PangoFontMap *map; /* for chart images, made on the first chart */
} docx;

/* ---- XML text ------------------------------------------------------------------ */

static void xml_char(FILE *out, char ch)
{
    unsigned char c = (unsigned char)ch;
    if (c == '&')
        fputs("&amp;", out);
    else if (c == '<')
        fputs("&lt;", out);
    else if (c == '>')
        fputs("&gt;", out);
    else if (c == '"')
        fputs("&quot;", out);
    else if (c >= 0x20 || c == '\t')
        fputc(c, out);
    /* other control characters are not allowed in XML 1.0: dropped */
}

static void xml_escaped(FILE *out, const char *s)
{
    for (; *s; s++)
        xml_char(out, *s);
}

/* A run of text; a newline is a line break inside the paragraph. */
static void runs(FILE *out, const char *text)
{
    fputs("<w:r><w:t xml:space=\"preserve\">", out);
    for (const char *s = text; *s; s++) {
        if (*s == '\n')
            fputs("</w:t><w:br/><w:t xml:space=\"preserve\">", out);
        else
            xml_char(out, *s);
    }
    fputs("</w:t></w:r>", out);
}

static void paragraph(docx *x, const char *style, const char *jc, const char *text)
{
    fputs("<w:p><w:pPr>", x->body);
    if (style) fprintf(x->body, "<w:pStyle w:val=\"%s\"/>", style);
    if (jc) fprintf(x->body, "<w:jc w:val=\"%s\"/>", jc);
    fputs("</w:pPr>", x->body);
    runs(x->body, text);
    fputs("</w:p>\n", x->body);
    x->after_table = false;
}

/* ---- backend ------------------------------------------------------------------ */

static bool docx_begin(jx_doc *d, const char *title)
{
    docx *x = jx_xmalloc(sizeof *x);
    memset(x, 0, sizeof *x);
    x->body = tmpfile();
    if (!x->body) {
        free(x);
        jx_doc_fail(d, "无法创建临时文件 (tmpfile)");
        return false;
    }
    x->title = strcpy(jx_xmalloc(strlen(title) + 1), title);
    fputs(jx_docx_document_head, x->body);
    d->impl = x;
    return true;
}

static void docx_heading(jx_doc *d, int level, const char *text)
{
    char style[16];
    snprintf(style, sizeof style, "Heading%d", level < 1 ? 1 : level > 3 ? 3 : level);
    paragraph(d->impl, style, NULL, text);
}

static void docx_para(jx_doc *d, const char *text)
{
    paragraph(d->impl, "BodyText", NULL, text);
}

static void docx_nothing(jx_doc *d)
{
    (void)d;
}

static void docx_item(jx_doc *d, const char *text)
{
    paragraph(d->impl, "ListBullet", NULL, text);
}

static void cell(docx *x, int col, const char *text, bool head)
{
    fprintf(x->body, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", x->col_twips[col]);
    if (head) fputs("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8E8E8\"/>", x->body);
    fputs("</w:tcPr><w:p><w:pPr>", x->body);
    fputs(head ? "<w:pStyle w:val=\"TableHeader\"/>" : "<w:pStyle w:val=\"TableText\"/>", x->body);
    /* cppcheck-suppress variableScope ; text may point into it below */
    char split[512];
    if (head) {
        double em = (double)(x->col_twips[col] - 2 * CELL_MARGIN_TWIPS) / TWIPS_PER_PT / TABLE_SIZE;
        text = jx_doc_header_lines(text, em, split, sizeof split);
    } else if (jx_doc_cell_align(text) != JX_ALIGN_LEFT) {
        fprintf(x->body, "<w:jc w:val=\"%s\"/>",
                jx_doc_cell_align(text) == JX_ALIGN_RIGHT ? "right" : "center");
    }
    fputs("</w:pPr>", x->body);
    if (*text) runs(x->body, text);
    fputs("</w:p></w:tc>", x->body);
}

static void docx_table(jx_doc *d, const char *const *headers, int n, const double *widths)
{
    docx *x = d->impl;
    if (x->after_table) fputs("<w:p/>\n", x->body); /* two tables in a row would merge */
    x->n_cols = n;
    int left = JX_DOCX_TEXT_TWIPS;
    for (int i = 0; i < n; i++) {
        x->col_twips[i] = i == n - 1 ? left : (int)(widths[i] * JX_DOCX_TEXT_TWIPS + 0.5);
        left -= x->col_twips[i];
    }
    fprintf(x->body,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"%d\" "
            "w:type=\"dxa\"/>%s<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" "
            "w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
            "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
            JX_DOCX_TEXT_TWIPS, jx_docx_table_borders);
    for (int i = 0; i < n; i++)
        fprintf(x->body, "<w:gridCol w:w=\"%d\"/>", x->col_twips[i]);
    fputs("</w:tblGrid>\n<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>", x->body);
    for (int i = 0; i < n; i++)
        cell(x, i, headers[i], true);
    fputs("</w:tr>\n", x->body);
}

static void docx_row(jx_doc *d, const char *const *cells, int n)
{
    docx *x = d->impl;
    fputs("<w:tr><w:trPr><w:cantSplit/></w:trPr>", x->body);
    for (int i = 0; i < x->n_cols; i++)
        cell(x, i, i < n ? cells[i] : "", false);
    fputs("</w:tr>\n", x->body);
}

static void docx_table_end(jx_doc *d)
{
    docx *x = d->impl;
    fputs("</w:tbl>\n", x->body);
    x->after_table = true;
}

static void docx_chart(jx_doc *d, const jx_chart *c, int number)
{
    docx *x = d->impl;
    if (!x->map) x->map = pango_cairo_font_map_new();
    image img;
    double width = JX_DOCX_TEXT_TWIPS / (double)TWIPS_PER_PT, height;
    char caption[512];
    jx_chart_caption(c, number, caption, sizeof caption);
    if (!jx_chart_png(c, x->map, width, CHART_FONT, CHART_PX_PER_PT, &img.png, &img.len, &height)) {
        jx_doc_fail(d, "图 %d 无法绘制", number);
        paragraph(x, "Caption", NULL, caption);
        return;
    }
    x->images = jx_xrealloc(x->images, (size_t)(x->n_images + 1) * sizeof *x->images);
    x->images[x->n_images++] = img;
    double scale = height > MAX_CHART_PT ? MAX_CHART_PT / height : 1.0;
    long cx = (long)(width * scale * EMU_PER_PT), cy = (long)(height * scale * EMU_PER_PT);
    fprintf(x->body,
            "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/></w:pPr><w:r><w:drawing>"
            "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            "<wp:extent cx=\"%ld\" cy=\"%ld\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            "<wp:docPr id=\"%d\" name=\"chart%d\" descr=\"",
            cx, cy, x->n_images, x->n_images);
    xml_escaped(x->body, caption);
    fprintf(x->body,
            "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
            "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
            "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
            "<pic:nvPicPr><pic:cNvPr id=\"%d\" name=\"chart%d.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
            "<pic:blipFill><a:blip r:embed=\"rIdChart%d\"/><a:stretch><a:fillRect/></a:stretch>"
            "</pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%ld\" "
            "cy=\"%ld\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>\n",
            x->n_images, x->n_images, x->n_images, cx, cy);
    paragraph(x, "Caption", NULL, caption);
    if (c->note) paragraph(x, "Caption", NULL, c->note);
}

/* ---- the package -------------------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
} text_buf;

static void buf_add(text_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = jx_xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void buf_printf(text_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_printf(text_buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0) buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static void buf_xml(text_buf *b, const char *s)
{
    for (; *s; s++) {
        const char *e = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : NULL;
        if (e)
            buf_add(b, e, strlen(e));
        else if ((unsigned char)*s >= 0x20)
            buf_add(b, s, 1);
    }
}

/* Add one entry from memory (owned: freed by libzip) with the fixed time. */
static bool add_entry(zip_t *z, const char *name, void *data, size_t len, bool owned, bool store)
{
    zip_source_t *src = zip_source_buffer(z, data, len, owned ? 1 : 0);
    if (!src) {
        if (owned) free(data);
        return false;
    }
    zip_int64_t i = zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8);
    if (i < 0) {
        zip_source_free(src);
        return false;
    }
    return zip_file_set_dostime(z, (zip_uint64_t)i, DOS_TIME, DOS_DATE, 0) == 0 &&
           (!store || zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0) == 0);
}

static bool add_text(zip_t *z, const char *name, const char *text)
{
    return add_entry(z, name, (void *)text, strlen(text), false, false);
}

static bool add_pieces(zip_t *z, const char *name, const char *const *pieces)
{
    text_buf b = {NULL, 0, 0};
    for (; *pieces; pieces++)
        buf_add(&b, *pieces, strlen(*pieces));
    return add_entry(z, name, b.s, b.len, true, false);
}

/* The body file becomes word/document.xml (libzip closes it). */
static bool add_body(zip_t *z, docx *x)
{
    FILE *body = x->body;
    x->body = NULL;
    /* libzip reads from the current position when the start is 0 */
    if (fflush(body) != 0 || ferror(body) || fseek(body, 0, SEEK_SET) != 0) {
        fclose(body);
        return false;
    }
    zip_source_t *src = zip_source_filep(z, body, 0, 0);
    if (!src) {
        fclose(body);
        return false;
    }
    zip_int64_t i = zip_file_add(z, "word/document.xml", src, ZIP_FL_ENC_UTF_8);
    if (i < 0) {
        zip_source_free(src);
        return false;
    }
    return zip_file_set_dostime(z, (zip_uint64_t)i, DOS_TIME, DOS_DATE, 0) == 0;
}

static bool add_parts(zip_t *z, docx *x)
{
    text_buf core = {NULL, 0, 0}, rels = {NULL, 0, 0};
    buf_add(&core, jx_docx_core_head, strlen(jx_docx_core_head));
    buf_xml(&core, x->title);
    buf_add(&core, jx_docx_core_tail, strlen(jx_docx_core_tail));
    buf_add(&rels, jx_docx_document_rels_head, strlen(jx_docx_document_rels_head));
    for (int i = 1; i <= x->n_images; i++)
        buf_printf(&rels,
                   "<Relationship Id=\"rIdChart%d\" Type=\"%s\" Target=\"media/chart%d.png\"/>", i,
                   jx_docx_image_rel_type, i);
    buf_add(&rels, "</Relationships>", strlen("</Relationships>"));
    bool ok = add_text(z, "[Content_Types].xml", jx_docx_content_types) &&
              add_text(z, "_rels/.rels", jx_docx_package_rels) &&
              add_entry(z, "docProps/core.xml", core.s, core.len, true, false);
    core.s = NULL;
    ok = ok && add_text(z, "docProps/app.xml", jx_docx_app) && add_body(z, x) &&
         add_pieces(z, "word/styles.xml", jx_docx_styles) &&
         add_text(z, "word/settings.xml", jx_docx_settings) &&
         add_text(z, "word/fontTable.xml", jx_docx_font_table) &&
         add_text(z, "word/numbering.xml", jx_docx_numbering) &&
         add_text(z, "word/footer1.xml", jx_docx_footer) &&
         add_entry(z, "word/_rels/document.xml.rels", rels.s, rels.len, true, false);
    rels.s = NULL;
    free(core.s);
    free(rels.s);
    for (int i = 0; ok && i < x->n_images; i++) {
        char name[64];
        snprintf(name, sizeof name, "word/media/chart%d.png", i + 1);
        ok = add_entry(z, name, x->images[i].png, x->images[i].len, true, true);
        x->images[i].png = NULL; /* libzip owns it now */
    }
    return ok;
}

/* Zip into a temporary file, then copy it to d->out. */
static bool write_package(jx_doc *d, docx *x)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/jixiao-docx-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        jx_doc_fail(d, "无法创建临时文件 %s", path);
        return false;
    }
    close(fd);
    int zerr = 0;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    bool ok = z != NULL;
    if (ok && !add_parts(z, x)) {
        jx_doc_fail(d, "无法写 .docx: %s", zip_strerror(z));
        zip_discard(z);
        ok = false;
    } else if (ok && zip_close(z) != 0) {
        jx_doc_fail(d, "无法写 .docx: %s", zip_strerror(z));
        zip_discard(z);
        ok = false;
    } else if (!ok) {
        jx_doc_fail(d, "无法写 .docx (libzip 错误 %d)", zerr);
    }
    FILE *in = ok ? fopen(path, "rb") : NULL;
    if (ok && !in) ok = false, jx_doc_fail(d, "无法读回临时文件 %s", path);
    if (in) {
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0)
            if (fwrite(buf, 1, n, d->out) != n) {
                jx_doc_fail(d, "写出失败");
                ok = false;
                break;
            }
        fclose(in);
    }
    remove(path);
    return ok;
}

static bool docx_end(jx_doc *d)
{
    docx *x = d->impl;
    if (x->after_table) fputs("<w:p/>", x->body); /* a body must not end with a table */
    fputs(jx_docx_document_tail, x->body);
    bool ok = write_package(d, x);
    if (x->body) fclose(x->body);
    for (int i = 0; i < x->n_images; i++)
        free(x->images[i].png);
    free(x->images);
    free(x->title);
    if (x->map) g_object_unref(x->map);
    free(x);
    d->impl = NULL;
    return ok;
}

const jx_doc_backend jx_doc_docx_backend = {
    docx_begin,
    docx_end,
    docx_heading,
    docx_para,
    docx_nothing,
    docx_item,
    docx_nothing,
    docx_table,
    docx_row,
    docx_table_end,
    docx_chart,
    JX_DOCX_TEXT_TWIPS / (double)TWIPS_PER_PT / TABLE_SIZE,
    2.0 * CELL_MARGIN_TWIPS / TWIPS_PER_PT / TABLE_SIZE,
};
