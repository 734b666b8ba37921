/* test_pdf.c — the PDF importer: lines and cells rebuilt from character boxes,
 * page furniture, scans, broken and hostile files.
 *
 * The table PDFs in tests/data/pdf/ are drawn by make_pdfs.c (cairo, Noto
 * Sans CJK) from the cells of seeds 002 and 004; the other documents are
 * written here as PDF text with a CID font whose ToUnicode map covers the
 * characters used, so they need no font file either.
 */
#include "testutil.h"

#include "base/text.h"
#include "import/pdf.h"

#define DATA "tests/data/pdf/"

/* ---- reading every row of a document ---------------------------------------- */

#define MAX_ROWS 64

typedef struct {
    jx_arena a;
    jx_row rows[MAX_ROWS];
    size_t n;
    char err[512];
} doc;

static void collect(doc *d, jx_rows *src)
{
    jx_row r;
    int st;
    while ((st = src->next(src->state, &r, d->err, sizeof d->err)) == 1) {
        if (d->n == MAX_ROWS) fail_msg("more than %d rows", MAX_ROWS);
        jx_row *k = &d->rows[d->n++];
        *k = r;
        k->cells = jx_arena_alloc(&d->a, (r.n ? r.n : 1) * sizeof *k->cells);
        for (size_t i = 0; i < r.n; i++)
            k->cells[i] = jx_arena_strdup(&d->a, r.cells[i]);
    }
    assert_int_equal(st, 0);
    src->close(src->state);
}

static bool open_file(doc *d, const char *path)
{
    memset(d, 0, sizeof *d);
    jx_arena_init(&d->a);
    jx_rows src;
    if (!jx_pdf_open(path, &src, d->err, sizeof d->err)) return false;
    collect(d, &src);
    return true;
}

static bool open_mem(doc *d, const void *data, size_t len)
{
    memset(d, 0, sizeof *d);
    jx_arena_init(&d->a);
    jx_rows src;
    if (!jx_pdf_open_mem(data, len, &src, d->err, sizeof d->err)) return false;
    collect(d, &src);
    return true;
}

static void doc_free(doc *d)
{
    jx_arena_free(&d->a);
}

/* The row whose first cell is `first`, or fail. */
static const jx_row *row_starting(const doc *d, const char *first)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->rows[i].n > 0 && strcmp(d->rows[i].cells[0], first) == 0) return &d->rows[i];
    fail_msg("no row starts with \"%s\"", first);
    return NULL;
}

/* Rows whose cells, joined by '|', equal `joined`. */
static size_t count_rows(const doc *d, const char *joined)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) {
        char buf[2048] = "";
        for (size_t c = 0; c < d->rows[i].n; c++) {
            if (c) strcat(buf, "|");
            strncat(buf, d->rows[i].cells[c], sizeof buf - strlen(buf) - 2);
        }
        n += strcmp(buf, joined) == 0;
    }
    return n;
}

/* assert_cells(row, "a", "b", ...): the row's cells are exactly these. */
#define assert_cells(row, ...) check_cells((row), (const char *[]){__VA_ARGS__, NULL})
static void check_cells(const jx_row *r, const char **want)
{
    size_t n = 0;
    while (want[n])
        n++;
    for (size_t i = 0; i < n && i < r->n; i++)
        if (strcmp(r->cells[i], want[i]) != 0)
            fail_msg("line %ld cell %zu: \"%s\", expected \"%s\"", r->line, i, r->cells[i],
                     want[i]);
    if (r->n != n)
        fail_msg("line %ld: %zu cells, expected %zu (first \"%s\")", r->line, r->n, n, r->cells[0]);
}

static void assert_rows_well_formed(const doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const jx_row *r = &d->rows[i];
        assert_int_equal(r->line, (long)i + 1); /* running across pages */
        assert_false(r->paragraph);
        assert_true(r->n >= 1 && r->n <= JX_MAX_CELLS);
        for (size_t c = 0; c < r->n; c++) {
            assert_true(jx_text_valid_utf8(r->cells[c], strlen(r->cells[c])));
            assert_true(r->cells[c][0] != '\0');
        }
    }
}

/* ---- PDFs written here: text at positions in a non-embedded CID font -------- */

typedef struct {
    int page;          /* 0-based */
    double x, y, size; /* PDF user space: y counts up from the bottom */
    const char *s;     /* UTF-8 (BMP) */
} item;

static size_t utf8_next(const char *s, unsigned *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] < 0x80) return *cp = p[0], 1;
    if ((p[0] & 0xE0) == 0xC0) return *cp = (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu), 2;
    *cp = (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
    return 3;
}

/* CID of code point cp (1-based), adding it to the font's table. */
static unsigned cid_of(unsigned *cps, size_t *ncps, unsigned cp)
{
    for (size_t i = 0; i < *ncps; i++)
        if (cps[i] == cp) return (unsigned)i + 1;
    if (*ncps == 4000) fail_msg("too many characters");
    cps[(*ncps)++] = cp;
    return (unsigned)*ncps;
}

static void put_text(FILE *f, const item *it, unsigned *cps, size_t *ncps)
{
    fprintf(f, "BT /F1 %.3f Tf %.3f %.3f Td <", it->size, it->x, it->y);
    for (const char *s = it->s; *s;) {
        unsigned cp;
        s += utf8_next(s, &cp);
        fprintf(f, "%04X", cid_of(cps, ncps, cp));
    }
    fputs("> Tj ET\n", f);
}

static void put_obj(FILE *f, long *off, int num, const char *body, size_t body_len)
{
    fflush(f);
    off[num] = ftell(f);
    fprintf(f, "%d 0 obj\n", num);
    fwrite(body, 1, body_len, f);
    fputs("\nendobj\n", f);
}

static void put_stream(FILE *f, long *off, int num, const char *data, size_t len)
{
    char head[64];
    int h = snprintf(head, sizeof head, "<< /Length %zu >>\nstream\n", len);
    char *body = malloc((size_t)h + len + 11);
    memcpy(body, head, (size_t)h);
    memcpy(body + h, data, len);
    memcpy(body + h + len, "\nendstream", 11);
    put_obj(f, off, num, body, (size_t)h + len + 10);
    free(body);
}

static char *tounicode(const unsigned *cps, size_t n, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    fputs("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
          "/CMapName /Test-UCS def /CMapType 2 def\n"
          "1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
          f);
    for (size_t i = 0; i < n; i += 100) {
        size_t k = n - i < 100 ? n - i : 100;
        fprintf(f, "%zu beginbfchar\n", k);
        for (size_t j = i; j < i + k; j++)
            fprintf(f, "<%04zX> <%04X>\n", j + 1, cps[j]);
        fputs("endbfchar\n", f);
    }
    fputs("endcmap CMapName currentdict /CMap defineresource pop end end", f);
    fclose(f);
    return buf;
}

/* A PDF of `pages` pages of w × h points holding `items`. free() the result. */
static char *make_pdf(const item *items, size_t n, int pages, double w, double h, size_t *len)
{
    static unsigned cps[4000];
    size_t ncps = 0;
    long off[64];
    char *buf = NULL, obj[512];
    FILE *f = open_memstream(&buf, len);
    fputs("%PDF-1.4\n", f);
    put_obj(f, off, 1, "<< /Type /Catalog /Pages 2 0 R >>", 33);
    char kids[256] = "";
    for (int p = 0; p < pages; p++)
        snprintf(kids + strlen(kids), sizeof kids - strlen(kids), "%d 0 R ", 7 + 2 * p);
    int k = snprintf(obj, sizeof obj, "<< /Type /Pages /Kids [%s] /Count %d >>", kids, pages);
    put_obj(f, off, 2, obj, (size_t)k);
    for (int p = 0; p < pages; p++) {
        char *content = NULL;
        size_t clen = 0;
        FILE *c = open_memstream(&content, &clen);
        for (size_t i = 0; i < n; i++)
            if (items[i].page == p) put_text(c, &items[i], cps, &ncps);
        fclose(c);
        k = snprintf(obj, sizeof obj,
                     "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.0f %.0f] /Contents %d 0 R"
                     " /Resources << /Font << /F1 3 0 R >> >> >>",
                     w, h, 8 + 2 * p);
        put_obj(f, off, 7 + 2 * p, obj, (size_t)k);
        put_stream(f, off, 8 + 2 * p, content, clen);
        free(content);
    }
    static const char *font[] = {
        "<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H"
        " /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /DW 1000"
        " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        "/FontDescriptor 6 0 R >>",
    };
    put_obj(f, off, 3, font[0], strlen(font[0]));
    put_obj(f, off, 4, font[1], strlen(font[1]));
    size_t tlen;
    char *tu = tounicode(cps, ncps, &tlen);
    put_stream(f, off, 5, tu, tlen);
    free(tu);
    k = snprintf(obj, sizeof obj,
                 "<< /Type /FontDescriptor /FontName /TestSong /Flags 4 /FontBBox [0 -141 1000 859]"
                 " /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>");
    put_obj(f, off, 6, obj, (size_t)k);
    fflush(f);
    long xref = ftell(f);
    int nobj = 6 + 2 * pages;
    fprintf(f, "xref\n0 %d\n0000000000 65535 f \n", nobj + 1);
    for (int i = 1; i <= nobj; i++)
        fprintf(f, "%010ld 00000 n \n", off[i]);
    fprintf(f, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", nobj + 1, xref);
    fclose(f);
    return buf;
}

static bool open_items(doc *d, const item *items, size_t n, int pages, double w, double h)
{
    size_t len;
    char *pdf = make_pdf(items, n, pages, w, h, &len);
    bool ok = open_mem(d, pdf, len);
    free(pdf);
    return ok;
}

/* ---- tables drawn by make_pdfs.c ---------------------------------------------- */

static void seed_002_table_rows_and_cells(void **state)
{
    (void)state;
    doc d;
    if (!open_file(&d, DATA "table_002.pdf")) fail_msg("%s", d.err);
    assert_rows_well_formed(&d);
    assert_int_equal(d.n, 16);
    assert_cells(&d.rows[0], "J市场监管经费项目支出绩效自评表");
    assert_cells(&d.rows[1], "(2024年度)");
    assert_cells(&d.rows[2], "项目名称", "J市场监管经费");
    assert_cells(&d.rows[3], "主管部门及代码", "040-大同市市场监督管理局[部门]", "预算单位",
                 "040001-大同市市场监督管理局");
    assert_cells(&d.rows[4], "项目资金预算安排及执行进度(万元)", "资金总额:", "年初预算数",
                 "全年预算数", "全年执行数", "资金结(转)余", "执行率", "得分", "偏差原因");
    assert_cells(&d.rows[5], "目标申报数", "预算编制数");
    assert_cells(&d.rows[6], "0", "146.2", "190.7", "189.132", "1.568", "99.18", "9.92");
    assert_cells(&d.rows[7], "一级指标", "二级指标", "三级指标", "年初指标值", "调整后指标值",
                 "实际完成值", "定性值情况说明", "分值", "得分", "偏差原因分析及改进措施");
    assert_cells(&d.rows[8], "绩效指标", "数量指标", "主题活动视频拍摄制作", "≥次", "≥5次", "≥5次",
                 "1", "1");
    assert_cells(&d.rows[9], "举办培育放心消费创建宣传活动", "≥场次", "≥5场次", "≥5场次", "2", "2");
    assert_cells(&d.rows[10], "外资企业登记注册业务办理", "=件", "=150件", "=203件", "2", "1.5",
                 "按实际业务办理登记");
    assert_cells(&d.rows[11], "开展网络交易第三方集中监测、专项整治", "≥次", "≥3次", "≥2次", "1",
                 "0.5", "未委托第三方开展网络监测");
    /* "≤400元/天/人" nearly fills its column: only the ruling line between
     * the two cells tells them apart (the gap is under 1.5 characters). */
    assert_cells(&d.rows[13], "成本指标", "培训成本", "元/天/人", "≤400元/天/人", "≤380元/天/人",
                 "1", "1");
    assert_cells(&d.rows[15], "备注：1. “年初预算数”项下的“目标申报数”和“预算编制数”为并列关系。");
    for (size_t i = 0; i < d.n; i++)
        assert_int_equal(d.rows[i].table, 0);
    doc_free(&d);
}

static void seed_004_cjk_and_full_width_text(void **state)
{
    (void)state;
    doc d;
    if (!open_file(&d, DATA "table_004.pdf")) fail_msg("%s", d.err);
    assert_rows_well_formed(&d);
    assert_int_equal(d.n, 18);
    assert_cells(row_starting(&d, "项目名称"), "项目名称", "区政府工作经费");
    assert_cells(row_starting(&d, "主管部门"), "主管部门", "淮北市相山区人民政府办公室", "实施单位",
                 "淮北市相山区人民政府办公室");
    /* a space inside a cell ("分 值") is kept as one space, not a new cell */
    assert_cells(row_starting(&d, "项目资金"), "项目资金", "年初预算数", "全年预算数", "全年执行数",
                 "分 值", "执行率", "得 分");
    assert_cells(row_starting(&d, "(万元)"), "(万元)", "年度资金总额", "220", "220", "134.64", "10",
                 "61.2", "96");
    assert_cells(row_starting(&d, "其中：当年财政拨款"), "其中：当年财政拨款", "220", "220",
                 "134.64", "—", "—");
    assert_cells(row_starting(&d, "保障单位日常工作正常运转"), "保障单位日常工作正常运转",
                 "全年支付经费134.64万元，保障了单位日常工作正常运转");
    assert_cells(row_starting(&d, "产出指标"), "产出指标", "数量指标", "申请数额", "＜220", "220",
                 "10", "10");
    assert_cells(row_starting(&d, "效益指标"), "效益指标", "社会效益指标", "群众影响率", "≥95%",
                 "95%", "5", "5");
    assert_cells(row_starting(&d, "总 分"), "总 分", "90", "90"); /* "总　分": a full-width space */
    assert_cells(&d.rows[17], "注：全年执行数１３４．６４万元，执行率６１．２％。");
    doc_free(&d);
}

static void table_printed_sideways_reads_the_same(void **state)
{
    (void)state;
    /* table_004 drawn turned a quarter anticlockwise (page 1) and clockwise
     * (page 2) on landscape pages: same rows, same cells */
    doc want, d;
    if (!open_file(&want, DATA "table_004.pdf")) fail_msg("%s", want.err);
    if (!open_file(&d, DATA "sideways.pdf")) fail_msg("%s", d.err);
    assert_rows_well_formed(&d);
    assert_int_equal(d.n, 2 * want.n);
    for (size_t i = 0; i < d.n; i++) {
        const jx_row *r = &d.rows[i], *w = &want.rows[i % want.n];
        assert_int_equal(r->table, (int)(i / want.n));
        if (r->n != w->n) fail_msg("line %ld: %zu cells, expected %zu", r->line, r->n, w->n);
        for (size_t c = 0; c < r->n; c++)
            assert_string_equal(r->cells[c], w->cells[c]);
    }
    doc_free(&want);
    doc_free(&d);
}

static void open_mem_gives_the_same_rows(void **state)
{
    (void)state;
    FILE *f = fopen(DATA "table_004.pdf", "rb");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    doc a, b;
    if (!open_file(&a, DATA "table_004.pdf")) fail_msg("%s", a.err);
    if (!open_mem(&b, buf, len)) fail_msg("%s", b.err);
    assert_int_equal(a.n, b.n);
    for (size_t i = 0; i < a.n; i++) {
        assert_int_equal(a.rows[i].n, b.rows[i].n);
        for (size_t c = 0; c < a.rows[i].n; c++)
            assert_string_equal(a.rows[i].cells[c], b.rows[i].cells[c]);
    }
    doc_free(&a);
    doc_free(&b);
}

/* ---- page furniture --------------------------------------------------------- */

static void two_pages_header_footer_and_page_numbers_dropped(void **state)
{
    (void)state;
    doc d;
    if (!open_file(&d, DATA "footer.pdf")) fail_msg("%s", d.err);
    assert_rows_well_formed(&d);
    assert_int_equal(d.n, 9);
    assert_cells(&d.rows[0], "填报单位：大同市市场监督管理局",
                 "单位：万元"); /* gap, no ruling line */
    assert_cells(&d.rows[1], "一级指标", "二级指标", "三级指标", "分值", "得分");
    assert_cells(&d.rows[2], "产出指标", "数量指标", "档案制作管理", "1", "1");
    assert_cells(&d.rows[4], "3"); /* a number in the body is kept */
    assert_int_equal(d.rows[4].table, 0);
    /* the table header repeated on page 2 is a table row, not furniture */
    assert_int_equal(count_rows(&d, "一级指标|二级指标|三级指标|分值|得分"), 2);
    assert_int_equal(d.rows[5].table, 1);
    assert_cells(&d.rows[6], "满意度指标", "服务对象满意度指标", "外资企业满意度", "1.5", "1.5");
    /* header and footer "仅供内部审核" and "- 1 -", "- 2 -" are gone; the same
     * words in the body of page 2 stay */
    assert_int_equal(count_rows(&d, "仅供内部审核"), 1);
    assert_cells(&d.rows[8], "仅供内部审核");
    assert_int_equal(d.rows[8].table, 1);
    assert_int_equal(count_rows(&d, "- 1 -") + count_rows(&d, "- 2 -"), 0);
    doc_free(&d);
}

static void three_pages_repeated_lines_and_page_number_forms(void **state)
{
    (void)state;
    const item it[] = {
        /* page 1 */
        {0, 250, 815, 10, "仅供内部审核"},
        {0, 30, 780, 10, "一级指标"},
        {0, 120, 780, 10, "二级指标"},
        {0, 210, 780, 10, "三级指标"},
        {0, 30, 700, 10, "单位：万元"},
        {0, 30, 600, 10, "第一页正文"},
        {0, 30, 40, 10, "审核稿"},
        {0, 480, 40, 10, "1/3"},
        {0, 270, 20, 10, "第 1 页 共 3 页"},
        /* page 2 */
        {1, 250, 815, 10, "仅供内部审核"},
        {1, 30, 780, 10, "一级指标"},
        {1, 120, 780, 10, "二级指标"},
        {1, 210, 780, 10, "三级指标"},
        {1, 30, 700, 10, "单位：万元"},
        {1, 30, 600, 10, "第二页正文"},
        {1, 30, 40, 10, "审核稿"},
        {1, 480, 40, 10, "2/3"},
        {1, 280, 20, 10, "- 2 -"},
        /* page 3: a bare number at the bottom that is not this page's number stays */
        {2, 250, 815, 10, "仅供内部审核"},
        {2, 30, 780, 10, "一级指标"},
        {2, 120, 780, 10, "二级指标"},
        {2, 210, 780, 10, "三级指标"},
        {2, 30, 700, 10, "单位：万元"},
        {2, 30, 600, 10, "第三页正文"},
        {2, 30, 70, 10, "5"},
        {2, 30, 40, 10, "审核稿"},
        {2, 480, 40, 10, "3/3"},
        {2, 270, 20, 10, "Page 3 of 3"},
    };
    doc d;
    if (!open_items(&d, it, sizeof it / sizeof *it, 3, 595, 842)) fail_msg("%s", d.err);
    assert_rows_well_formed(&d);
    assert_int_equal(count_rows(&d, "仅供内部审核"), 0);
    assert_int_equal(count_rows(&d, "审核稿|1/3") + count_rows(&d, "审核稿|2/3") +
                         count_rows(&d, "审核稿|3/3"),
                     0);
    /* the table header in the top band has three cells: kept on every page */
    assert_int_equal(count_rows(&d, "一级指标|二级指标|三级指标"), 3);
    /* a line repeated in the middle of the page is content */
    assert_int_equal(count_rows(&d, "单位：万元"), 3);
    assert_int_equal(count_rows(&d, "5"), 1);
    assert_int_equal(d.n, 10);
    assert_cells(&d.rows[9], "5");
    assert_int_equal(d.rows[9].table, 2);
    assert_cells(&d.rows[2], "第一页正文");
    doc_free(&d);
}

static void a_title_repeated_on_every_page_is_kept(void **state)
{
    (void)state;
    /* Each page starts a table with the same title and year, in the top band
     * and the size of the body text; unlike the running header above them,
     * they sit right on top of the table, so they are content. */
    item it[12];
    size_t n = 0;
    for (int p = 0; p < 3; p++) {
        it[n++] = (item){p, 250, 820, 10, "仅供内部审核"};
        it[n++] = (item){p, 240, 790, 10, "项目支出绩效自评表"};
        it[n++] = (item){p, 260, 776, 10, "(2023年度)"};
        it[n++] = (item){p, 30, 760, 10, p == 0 ? "项目名称" : p == 1 ? "主管部门" : "实施单位"};
    }
    doc d;
    if (!open_items(&d, it, n, 3, 595, 842)) fail_msg("%s", d.err);
    assert_int_equal(count_rows(&d, "仅供内部审核"), 0);
    assert_int_equal(count_rows(&d, "项目支出绩效自评表"), 3);
    assert_int_equal(count_rows(&d, "(2023年度)"), 3);
    assert_int_equal(d.n, 9);
    doc_free(&d);
}

static void a_large_repeated_title_is_kept(void **state)
{
    (void)state;
    /* set apart like a running header, but larger than the text: a title */
    item it[6];
    for (int p = 0; p < 3; p++) {
        it[2 * p] = (item){p, 200, 800, 16, "项目支出绩效自评表"};
        it[2 * p + 1] = (item){p, 30, 700, 10, "项目名称：区政府工作经费项目"}; /* most glyphs */
    }
    doc d;
    if (!open_items(&d, it, 6, 3, 595, 842)) fail_msg("%s", d.err);
    assert_int_equal(count_rows(&d, "项目支出绩效自评表"), 3);
    assert_int_equal(d.n, 6);
    doc_free(&d);
}

static void a_single_page_keeps_lines_that_only_repeat_elsewhere(void **state)
{
    (void)state;
    const item it[] = {
        {0, 250, 815, 10, "仅供内部审核"}, /* one page: nothing to repeat */
        {0, 30, 600, 10, "正文"},
        {0, 280, 20, 10, "第 1 页"},
    };
    doc d;
    if (!open_items(&d, it, 3, 1, 595, 842)) fail_msg("%s", d.err);
    assert_int_equal(d.n, 2);
    assert_cells(&d.rows[0], "仅供内部审核");
    assert_cells(&d.rows[1], "正文");
    doc_free(&d);
}

static void gaps_baselines_and_spaces_without_ruling_lines(void **state)
{
    (void)state;
    const item it[] = {
        /* a gap of two characters splits; a gap of one is a space in the cell */
        {0, 30, 600, 10, "绩效指标"},
        {0, 90, 600, 10, "数量指标"},
        {0, 30, 560, 10, "分"},
        {0, 50, 560, 10, "值"},
        /* baselines 1.5 pt apart are the same line (mixed fonts do that) */
        {0, 30, 520, 10, "项目名称"},
        {0, 200, 521.5, 10, "区政府工作经费"},
        {0, 30, 505, 10, "下一行"},
    };
    doc d;
    if (!open_items(&d, it, sizeof it / sizeof *it, 1, 595, 842)) fail_msg("%s", d.err);
    assert_rows_well_formed(&d);
    assert_int_equal(d.n, 4);
    assert_cells(&d.rows[0], "绩效指标", "数量指标");
    assert_cells(&d.rows[1], "分 值");
    assert_cells(&d.rows[2], "项目名称", "区政府工作经费");
    assert_cells(&d.rows[3], "下一行");
    doc_free(&d);
}

/* ---- what cannot be read ----------------------------------------------------- */

static void scan_without_text_layer_needs_ocr(void **state)
{
    (void)state;
    doc d;
    assert_false(open_file(&d, DATA "scan.pdf"));
    assert_non_null(strstr(d.err, "PDF 没有文字层 (可能是扫描件), 需要先做 OCR 文字识别 "
                                  "(the PDF has no text layer; it needs OCR)"));
    doc_free(&d);
}

static void encrypted_pdf_says_so(void **state)
{
    (void)state;
    doc d;
    assert_false(open_file(&d, DATA "encrypted.pdf"));
    assert_non_null(strstr(d.err, "加密"));
    assert_non_null(strstr(d.err, "encrypted"));
    doc_free(&d);
}

static void missing_file_and_not_a_pdf(void **state)
{
    (void)state;
    doc d;
    assert_false(open_file(&d, "tests/data/pdf/no-such-file.pdf"));
    assert_non_null(strstr(d.err, "no-such-file.pdf"));
    assert_non_null(strstr(d.err, "无法打开"));
    doc_free(&d);
    assert_false(open_mem(&d, "", 0));
    assert_non_null(strstr(d.err, "不是 PDF"));
    doc_free(&d);
    assert_false(open_mem(&d, "项目名称\tJ市场监管经费\n", 30));
    assert_non_null(strstr(d.err, "not a PDF"));
    doc_free(&d);
}

static uint32_t rng(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static void random_bytes_give_an_error_not_a_crash(void **state)
{
    (void)state;
    static char buf[8192];
    uint32_t seed = 2024;
    for (int round = 0; round < 20; round++) {
        size_t len = 16 + rng(&seed) % (sizeof buf - 16);
        for (size_t i = 0; i < len; i++)
            buf[i] = (char)rng(&seed);
        if (round % 2) memcpy(buf, "%PDF-1.7\n", 9);
        doc d;
        bool ok = open_mem(&d, buf, len);
        assert_false(ok);
        assert_true(strlen(d.err) > 10);
        assert_non_null(strstr(d.err, "PDF"));
        doc_free(&d);
    }
}

static void truncated_pdf_gives_an_error_or_its_rows(void **state)
{
    (void)state;
    FILE *f = fopen(DATA "table_002.pdf", "rb");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    const size_t cuts[] = {5,       9,         300,       4096,     len / 4,
                           len / 2, len - 500, len - 200, len - 40, len - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        doc d;
        if (!open_mem(&d, buf, cuts[i])) {
            assert_non_null(strstr(d.err, "PDF"));
        } else {
            assert_rows_well_formed(&d); /* repaired by poppler: whatever it read is sound */
        }
        doc_free(&d);
    }
    doc d;
    assert_false(open_mem(&d, buf, len / 2)); /* the page tree is written last */
    assert_non_null(strstr(d.err, "damaged"));
    doc_free(&d);
}

/* ---- limits -------------------------------------------------------------------- */

static void more_runs_than_cells_join_the_last_cell(void **state)
{
    (void)state;
    enum { RUNS = JX_MAX_CELLS + 20 };
    static item it[RUNS];
    for (int i = 0; i < RUNS; i++)
        it[i] = (item){0, 5 + 7.0 * i, 100, 2, "值"};
    doc d;
    if (!open_items(&d, it, RUNS, 1, 2000, 200)) fail_msg("%s", d.err);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.rows[0].n, JX_MAX_CELLS);
    assert_string_equal(d.rows[0].cells[0], "值");
    /* nothing lost: the last cell holds the remaining 21 runs, spaced */
    const char *last = d.rows[0].cells[JX_MAX_CELLS - 1];
    size_t n = 0;
    for (const char *p = last; (p = strstr(p, "值")); p += 3)
        n++;
    assert_int_equal(n, RUNS - JX_MAX_CELLS + 1);
    doc_free(&d);
}

static void a_cell_longer_than_the_limit_is_an_error(void **state)
{
    (void)state;
    enum { CHARS = JX_MAX_CELL_BYTES / 3 + 100 };
    char *s = malloc(CHARS * 3 + 1);
    for (int i = 0; i < CHARS; i++)
        memcpy(s + 3 * i, "经", 3);
    s[CHARS * 3] = '\0';
    item it[] = {{0, 10, 100, 0.02, s}};
    doc d;
    assert_false(open_items(&d, it, 1, 1, 600, 200));
    assert_non_null(strstr(d.err, "字节"));
    doc_free(&d);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_002_table_rows_and_cells),
        cmocka_unit_test(seed_004_cjk_and_full_width_text),
        cmocka_unit_test(table_printed_sideways_reads_the_same),
        cmocka_unit_test(open_mem_gives_the_same_rows),
        cmocka_unit_test(gaps_baselines_and_spaces_without_ruling_lines),
        cmocka_unit_test(two_pages_header_footer_and_page_numbers_dropped),
        cmocka_unit_test(three_pages_repeated_lines_and_page_number_forms),
        cmocka_unit_test(a_title_repeated_on_every_page_is_kept),
        cmocka_unit_test(a_large_repeated_title_is_kept),
        cmocka_unit_test(a_single_page_keeps_lines_that_only_repeat_elsewhere),
        cmocka_unit_test(scan_without_text_layer_needs_ocr),
        cmocka_unit_test(encrypted_pdf_says_so),
        cmocka_unit_test(missing_file_and_not_a_pdf),
        cmocka_unit_test(random_bytes_give_an_error_not_a_crash),
        cmocka_unit_test(truncated_pdf_gives_an_error_or_its_rows),
        cmocka_unit_test(more_runs_than_cells_join_the_last_cell),
        cmocka_unit_test(a_cell_longer_than_the_limit_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
