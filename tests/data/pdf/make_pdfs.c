/* make_pdfs.c — writes the PDF fixtures of tests/unit/test_pdf.c with cairo.
 *
 * The PDFs are committed, so `make check` needs neither this program nor a
 * CJK font; rerun it only to change a fixture (see README.md beside it):
 *
 *   cc -std=c11 -Wall -Wextra tests/data/pdf/make_pdfs.c \
 *      $(pkg-config --cflags --libs cairo cairo-pdf) -o /tmp/make_pdfs
 *   /tmp/make_pdfs tests/data/pdf        # needs fonts-noto-cjk
 *
 * Each table is drawn as text at fixed column positions with a grid of
 * lines, the way a spreadsheet or word processor prints one. A cell's text
 * is centred in its column (left-aligned where the column is marked so) on
 * the baseline of its row. The cell texts are those of seed 002 (J市场监管经费)
 * and seed 004 (区政府工作经费); the test expects them back cell by cell.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONT "Noto Sans CJK SC"
#define A4_W 595.0
#define A4_H 842.0

typedef struct {
    double x, w; /* column start and width */
    int left;    /* 1: left-aligned, 0: centred */
} column;

/* One table row: cells[i] in column i; NULL or "" leaves the cell empty. */
typedef struct {
    const char *cells[12];
} trow;

static void font(cairo_t *cr, double size, int bold)
{
    cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

static double text_width(cairo_t *cr, const char *s)
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    return e.x_advance;
}

static void text_at(cairo_t *cr, double x, double y, const char *s)
{
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s);
}

static void text_centred(cairo_t *cr, double x, double w, double y, const char *s)
{
    text_at(cr, x + (w - text_width(cr, s)) / 2, y, s);
}

static void hline(cairo_t *cr, double x1, double x2, double y)
{
    cairo_move_to(cr, x1, y);
    cairo_line_to(cr, x2, y);
    cairo_stroke(cr);
}

/* Draw rows of a table starting at `top`; returns the y below the last row.
 * A cell's text must fit its column (checked: the fixture is wrong otherwise). */
static double table(cairo_t *cr, const column *cols, int ncols, const trow *rows, int nrows,
                    double top, double row_h, double size)
{
    double left = cols[0].x, right = cols[ncols - 1].x + cols[ncols - 1].w;
    font(cr, size, 0);
    cairo_set_line_width(cr, 0.5);
    hline(cr, left, right, top);
    for (int r = 0; r < nrows; r++) {
        double y = top + r * row_h, base = y + row_h * 0.68;
        for (int c = 0; c < ncols; c++) {
            const char *s = rows[r].cells[c];
            if (!s || !*s) continue;
            if (text_width(cr, s) > cols[c].w - 2) {
                fprintf(stderr, "make_pdfs: \"%s\" does not fit column %d\n", s, c);
                exit(1);
            }
            if (cols[c].left)
                text_at(cr, cols[c].x + 3, base, s);
            else
                text_centred(cr, cols[c].x, cols[c].w, base, s);
        }
        hline(cr, left, right, y + row_h);
    }
    for (int c = 0; c <= ncols; c++) {
        double x = c < ncols ? cols[c].x : right;
        cairo_move_to(cr, x, top);
        cairo_line_to(cr, x, top + nrows * row_h);
        cairo_stroke(cr);
    }
    return top + nrows * row_h;
}

static cairo_t *begin(const char *dir, const char *name, double w, double h, cairo_surface_t **sf)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    *sf = cairo_pdf_surface_create(path, w, h);
    cairo_pdf_surface_set_metadata(*sf, CAIRO_PDF_METADATA_CREATOR,
                                   "jixiao tests/data/pdf/make_pdfs.c");
    cairo_pdf_surface_set_metadata(*sf, CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00Z");
    cairo_t *cr = cairo_create(*sf);
    cairo_set_source_rgb(cr, 0, 0, 0);
    return cr;
}

static void end(cairo_t *cr, cairo_surface_t *sf)
{
    cairo_destroy(cr);
    cairo_surface_finish(sf);
    if (cairo_surface_status(sf) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "make_pdfs: %s\n", cairo_status_to_string(cairo_surface_status(sf)));
        exit(1);
    }
    cairo_surface_destroy(sf);
}

/* ---- seed 002: J市场监管经费 (landscape A4, 9 pt) -------------------------- */

static void table_002(const char *dir)
{
    cairo_surface_t *sf;
    cairo_t *cr = begin(dir, "table_002.pdf", A4_H, A4_W, &sf);
    font(cr, 14, 1);
    text_centred(cr, 0, A4_H, 40, "J市场监管经费项目支出绩效自评表");
    font(cr, 10, 0);
    text_centred(cr, 0, A4_H, 58, "(2024年度)");

    static const column head[] = {{25, 150, 0}, {175, 200, 1}, {375, 90, 0}, {465, 352, 1}};
    static const trow head_rows[] = {
        {{"项目名称", "J市场监管经费"}},
        {{"主管部门及代码", "040-大同市市场监督管理局[部门]", "预算单位",
          "040001-大同市市场监督管理局"}},
    };
    double y = table(cr, head, 4, head_rows, 2, 70, 18, 9);

    static const column funds[] = {{25, 150, 0}, {175, 70, 0}, {245, 70, 0}, {315, 70, 0},
                                   {385, 70, 0}, {455, 70, 0}, {525, 80, 0}, {605, 60, 0},
                                   {665, 60, 0}, {725, 92, 0}};
    static const trow funds_rows[] = {
        {{"项目资金预算安排及执行进度(万元)", "资金总额:", "年初预算数", "", "全年预算数",
          "全年执行数", "资金结(转)余", "执行率", "得分", "偏差原因"}},
        {{"", "", "目标申报数", "预算编制数"}},
        {{"", "", "0", "146.2", "190.7", "189.132", "1.568", "99.18", "9.92"}},
    };
    y = table(cr, funds, 10, funds_rows, 3, y, 18, 9);

    static const column ind[] = {{25, 60, 0},  {85, 60, 0},  {145, 190, 1}, {335, 62, 0},
                                 {397, 80, 0}, {477, 62, 0}, {539, 80, 0},  {619, 34, 0},
                                 {653, 34, 0}, {687, 130, 0}};
    static const trow ind_rows[] = {
        {{"一级指标", "二级指标", "三级指标", "年初指标值", "调整后指标值", "实际完成值",
          "定性值情况说明", "分值", "得分", "偏差原因分析及改进措施"}},
        {{"绩效指标", "数量指标", "主题活动视频拍摄制作", "≥次", "≥5次", "≥5次", "", "1", "1"}},
        {{"", "", "举办培育放心消费创建宣传活动", "≥场次", "≥5场次", "≥5场次", "", "2", "2"}},
        {{"", "", "外资企业登记注册业务办理", "=件", "=150件", "=203件", "", "2", "1.5",
          "按实际业务办理登记"}},
        {{"", "", "开展网络交易第三方集中监测、专项整治", "≥次", "≥3次", "≥2次", "", "1", "0.5",
          "未委托第三方开展网络监测"}},
        {{"产出指标", "质量指标", "三方监测工作按计划完成", "=%", "=100%", "=0%", "", "1", "0",
          "网络第三方监测工作未开展"}},
        {{"", "成本指标", "培训成本", "元/天/人", "≤400元/天/人", "≤380元/天/人", "", "1", "1"}},
        {{"", "", "公众对市场监管满意度", "≥%", "≥85%", "≥85%", "", "1.5", "1.5"}},
    };
    y = table(cr, ind, 10, ind_rows, 8, y, 18, 9);

    font(cr, 9, 0);
    text_at(cr, 25, y + 24, "备注：1. “年初预算数”项下的“目标申报数”和“预算编制数”为并列关系。");
    end(cr, sf);
}

/* ---- seed 004: 区政府工作经费 (portrait A4, 8 pt) ---------------------------- */

static void draw_004(cairo_t *cr)
{
    font(cr, 13, 1);
    text_centred(cr, 0, A4_W, 60, "项目支出绩效自评表");
    font(cr, 9, 0);
    text_centred(cr, 0, A4_W, 78, "(2023年度)");

    static const column head[] = {{30, 80, 0}, {110, 200, 1}, {310, 70, 0}, {380, 185, 1}};
    static const trow head_rows[] = {
        {{"项目名称", "区政府工作经费"}},
        {{"主管部门", "淮北市相山区人民政府办公室", "实施单位", "淮北市相山区人民政府办公室"}},
    };
    double y = table(cr, head, 4, head_rows, 2, 90, 16, 8);

    static const column funds[] = {{30, 80, 0},  {110, 110, 1}, {220, 60, 0}, {280, 60, 0},
                                   {340, 60, 0}, {400, 55, 0},  {455, 55, 0}, {510, 55, 0}};
    static const trow funds_rows[] = {
        {{"项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分 值", "执行率", "得 分"}},
        {{"(万元)", "年度资金总额", "220", "220", "134.64", "10", "61.2", "96"}},
        {{"", "其中：当年财政拨款", "220", "220", "134.64", "—", "", "—"}},
        {{"", "上年结转资金", "", "", "", "—", "", "—"}},
    };
    y = table(cr, funds, 8, funds_rows, 4, y, 16, 8);

    static const column goal[] = {{30, 80, 0}, {110, 170, 1}, {280, 285, 1}};
    static const trow goal_rows[] = {
        {{"年度总体目标", "预期目标", "实际完成情况"}},
        {{"", "保障单位日常工作正常运转", "全年支付经费134.64万元，保障了单位日常工作正常运转"}},
    };
    y = table(cr, goal, 3, goal_rows, 2, y, 16, 8);

    static const column ind[] = {{30, 40, 0},  {70, 50, 0},  {120, 55, 0},
                                 {175, 95, 1}, {270, 60, 0}, {330, 60, 0},
                                 {390, 35, 0}, {425, 35, 0}, {460, 105, 0}};
    static const trow ind_rows[] = {
        {{"绩效", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分 值", "得 分",
          "偏差原因分析及改进措施"}},
        {{"", "产出指标", "数量指标", "申请数额", "＜220", "220", "10", "10"}},
        {{"", "", "质量指标", "网络安全保障性指标", "≥95%", "95%", "10", "10"}},
        {{"", "", "时效指标", "工作完成及时率", "≥95%", "95%", "20", "20"}},
        {{"", "效益指标", "社会效益指标", "群众影响率", "≥95%", "95%", "5", "5"}},
        {{"", "满意度指标", "服务对象", "群众满意度", "≥95%", "95%", "10", "10"}},
        {{"总\u3000分", "", "", "", "", "", "90", "90"}}, /* a full-width space inside */
    };
    y = table(cr, ind, 9, ind_rows, 7, y, 16, 8);
    font(cr, 8, 0);
    text_at(cr, 30, y + 20,
            "注：全年执行数１３４．６４万元，执行率６１．２％。"); /* full-width digits */
}

static void table_004(const char *dir)
{
    cairo_surface_t *sf;
    cairo_t *cr = begin(dir, "table_004.pdf", A4_W, A4_H, &sf);
    draw_004(cr);
    end(cr, sf);
}

/* The same table printed sideways on landscape pages: on page 1 the text
 * reads upwards (turned a quarter anticlockwise), on page 2 downwards. */
static void sideways(const char *dir)
{
    cairo_surface_t *sf;
    cairo_t *cr = begin(dir, "sideways.pdf", A4_H, A4_W, &sf);
    const double quarter = 3.14159265358979323846 / 2;
    cairo_save(cr);
    cairo_translate(cr, 0, A4_W);
    cairo_rotate(cr, -quarter);
    draw_004(cr);
    cairo_restore(cr);
    cairo_show_page(cr);
    cairo_translate(cr, A4_H, 0);
    cairo_rotate(cr, quarter);
    draw_004(cr);
    end(cr, sf);
}

/* ---- a scan: one page holding only a picture of text ----------------------- */

static void scan(const char *dir)
{
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 240, 60);
    cairo_t *ic = cairo_create(img);
    cairo_set_source_rgb(ic, 1, 1, 1);
    cairo_paint(ic);
    cairo_set_source_rgb(ic, 0, 0, 0);
    font(ic, 20, 0);
    text_at(ic, 10, 38, "项目名称 区政府工作经费");
    cairo_destroy(ic);

    cairo_surface_t *sf;
    cairo_t *cr = begin(dir, "scan.pdf", A4_W, A4_H, &sf);
    cairo_set_source_surface(cr, img, 100, 100);
    cairo_paint(cr);
    end(cr, sf);
    cairo_surface_destroy(img);
}

/* ---- two pages with a header, a footer and page numbers -------------------- */

static void footer_page(cairo_t *cr, int page)
{
    font(cr, 9, 0);
    text_centred(cr, 0, A4_W, 36, "仅供内部审核");  /* header */
    text_centred(cr, 0, A4_W, 806, "仅供内部审核"); /* footer */
    char num[32];
    snprintf(num, sizeof num, "- %d -", page);
    text_centred(cr, 0, A4_W, 824, num);

    static const column cols[] = {
        {40, 90, 0}, {130, 90, 0}, {220, 200, 1}, {420, 60, 0}, {480, 60, 0}};
    static const trow rows1[] = {
        {{"一级指标", "二级指标", "三级指标", "分值", "得分"}},
        {{"产出指标", "数量指标", "档案制作管理", "1", "1"}},
        {{"", "", "深入县区局、企业督导检查调研", "1", "1"}},
    };
    static const trow rows2[] = {
        {{"一级指标", "二级指标", "三级指标", "分值", "得分"}},
        {{"满意度指标", "服务对象满意度指标", "外资企业满意度", "1.5", "1.5"}},
        {{"", "", "窗口办事群众满意度", "1.5", "1.5"}},
    };
    font(cr, 9, 0);
    if (page == 1) { /* a line above the table, two runs far apart and no ruling line */
        text_at(cr, 40, 90, "填报单位：大同市市场监督管理局");
        text_at(cr, 470, 90, "单位：万元");
    }
    table(cr, cols, 5, page == 1 ? rows1 : rows2, 3, 100, 18, 9);
    /* A lone number in the body is not page furniture. */
    font(cr, 9, 0);
    text_at(cr, 40, 400, page == 1 ? "3" : "仅供内部审核");
}

static void footer(const char *dir)
{
    cairo_surface_t *sf;
    cairo_t *cr = begin(dir, "footer.pdf", A4_W, A4_H, &sf);
    footer_page(cr, 1);
    cairo_show_page(cr);
    footer_page(cr, 2);
    end(cr, sf);
}

/* ---- hand-written PDFs: objects numbered from 1, xref computed --------------- */

static void raw_pdf(const char *dir, const char *name, const char *const *objs, int n,
                    const char *trailer_extra)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        exit(1);
    }
    long off[32];
    fputs("%PDF-1.4\n", f);
    for (int i = 0; i < n; i++) {
        off[i] = ftell(f);
        fprintf(f, "%d 0 obj\n%s\nendobj\n", i + 1, objs[i]);
    }
    long xref = ftell(f);
    fprintf(f, "xref\n0 %d\n0000000000 65535 f \n", n + 1);
    for (int i = 0; i < n; i++)
        fprintf(f, "%010ld 00000 n \n", off[i]);
    fprintf(f, "trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%ld\n%%%%EOF\n", n + 1,
            trailer_extra, xref);
    fclose(f);
}

/* A stream object: "<< /Length N >> stream ... endstream". */
static const char *stream(const char *data)
{
    static char buf[8][2048];
    static int k;
    char *b = buf[k++ % 8];
    snprintf(b, sizeof buf[0], "<< /Length %zu >>\nstream\n%s\nendstream", strlen(data), data);
    return b;
}

#define CATALOG "<< /Type /Catalog /Pages 2 0 R >>"
#define PAGES "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"

/* Encrypted with the standard handler; no password opens it. */
static void encrypted(const char *dir)
{
    const char *objs[] = {
        CATALOG,
        PAGES,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        "<< /Filter /Standard /V 1 /R 2 /P -4"
        " /O <6a1f8c2e9b3d4a5f6e7d8c9b0a1f2e3d4c5b6a798897a6b5c4d3e2f1a0b9c8d7>"
        " /U <0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0> >>",
    };
    raw_pdf(dir, "encrypted.pdf", objs, 4,
            "/Encrypt 4 0 R /ID "
            "[<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>] ");
}

/* Helvetica (not embedded) text in a ruled table row. */
static void tiny_latin(const char *dir)
{
    const char *objs[] = {
        CATALOG,
        PAGES,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 120] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        stream("0.5 w 20 40 m 280 40 l S 20 70 m 280 70 l S 20 40 m 20 70 l S 150 40 m 150 70 l S"
               " 280 40 m 280 70 l S BT /F1 10 Tf 25 50 Td (Total budget) Tj 130 0 Td (190.7) Tj ET"
               " BT /F1 8 Tf 140 10 Td (- 1 -) Tj ET"),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    };
    raw_pdf(dir, "tiny-latin.pdf", objs, 5, "");
}

/* A CID font (not embedded) whose text comes from a ToUnicode CMap: 项目名称 / 区政府工作经费. */
static void tiny_cid(const char *dir)
{
    const char *cmap =
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        "11 beginbfchar <0001> <9879> <0002> <76EE> <0003> <540D> <0004> <79F0> <0005> <533A>"
        " <0006> <653F> <0007> <5E9C> <0008> <5DE5> <0009> <4F5C> <000A> <7ECF> <000B> <8D39>"
        " endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end";
    const char *objs[] = {
        CATALOG,
        PAGES,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        stream("BT /F1 10 Tf 20 50 Td <0001000200030004> Tj 80 0 Td <0005000600070008000900"
               "0A000B> Tj ET"),
        "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H"
        " /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000"
        " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        " /FontDescriptor 8 0 R >>",
        stream(cmap),
        "<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859]"
        " /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>",
    };
    raw_pdf(dir, "tiny-cid.pdf", objs, 8, "");
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    table_002(dir);
    table_004(dir);
    sideways(dir);
    scan(dir);
    footer(dir);
    encrypted(dir);
    if (argc > 2) { /* the fuzzing corpus */
        tiny_latin(argv[2]);
        tiny_cid(argv[2]);
        encrypted(argv[2]);
    }
    return 0;
}
