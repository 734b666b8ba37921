/* test_docx.c — the .docx reader: seed 004's tables as rows, merged cells,
 * text inside cells, and hostile files (zip bombs, XML bombs, deep nesting,
 * too many entries, broken zips). Files are written with officegen.h into a
 * fresh temporary folder. */
#include "testutil.h"

#include <sys/resource.h>

#include "import/docx.h"
#include "officegen.h"

static const char *tmp_path(const char *name)
{
    return og_tmp(name);
}

static int make_tmpdir(void **state)
{
    (void)state;
    return og_tmpdir_make("docx");
}

static int remove_tmpdir(void **state)
{
    (void)state;
    return og_tmpdir_remove();
}

/* ---- helpers ------------------------------------------------------------------ */

#define MAX_ROWS 64

typedef struct {
    jx_rows src;
    jx_row rows[MAX_ROWS];
    size_t n;
} read_result;

/* Open with the reader (path), read every row; fails the test on an error. */
static void read_docx(const char *path, read_result *r)
{
    char err[512];
    memset(r, 0, sizeof *r);
    if (!jx_docx_open(path, &r->src, err, sizeof err)) fail_msg("%s", err);
    jx_row row;
    int got;
    while ((got = r->src.next(r->src.state, &row, err, sizeof err)) == 1) {
        if (r->n == MAX_ROWS) fail_msg("more than %d rows", MAX_ROWS);
        r->rows[r->n++] = row;
    }
    assert_int_equal(got, 0);
}

static void close_result(read_result *r)
{
    r->src.close(r->src.state);
}

/* "a|b|c" of a row's cells, to compare whole rows with readable failures. */
static const char *joined(const char *const *cells, size_t n, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++)
        used += (size_t)snprintf(buf + used, used < len ? len - used : 0, "%s%s", i ? "|" : "",
                                 cells[i]);
    return buf;
}

static void assert_row(const jx_row *row, int table, long line, const char *const *cells, size_t n)
{
    char want[4096], got[4096];
    assert_string_equal(joined(row->cells, row->n, got, sizeof got),
                        joined(cells, n, want, sizeof want));
    assert_int_equal(row->n, n);
    assert_int_equal(row->table, table);
    assert_int_equal(row->line, line);
    assert_int_equal(row->paragraph, false);
}

static void assert_paragraph(const jx_row *row, long line, const char *text)
{
    assert_true(row->paragraph);
    assert_int_equal(row->n, 1);
    assert_int_equal(row->table, -1);
    assert_int_equal(row->line, line);
    assert_string_equal(row->cells[0], text);
}

/* A .docx whose body is `body` (raw WordprocessingML). */
static const char *write_body(const char *name, const char *body)
{
    og_docx d = {0};
    og_docx_raw(&d, body);
    const char *path = tmp_path(name);
    assert_true(og_docx_write(&d, path));
    return path;
}

/* Expect jx_docx_open_mem to refuse data with a message holding each of the
 * NULL-terminated fragments. */
static void expect_refused_mem(const void *data, size_t len, ...)
{
    char err[1024] = "";
    jx_rows rows;
    bool ok = jx_docx_open_mem(data, len, &rows, err, sizeof err);
    if (ok) {
        rows.close(rows.state);
        fail_msg("accepted a file it should refuse");
    }
    va_list ap;
    va_start(ap, len);
    for (const char *want; (want = va_arg(ap, const char *)) != NULL;)
        if (!strstr(err, want)) fail_msg("message \"%s\" lacks \"%s\"", err, want);
    va_end(ap);
}

/* The same for a file: read into memory, and also opened by path. */
static void expect_refused(const char *path, const char *want_zh, const char *want_en)
{
    char err[1024] = "";
    jx_rows rows;
    if (jx_docx_open(path, &rows, err, sizeof err)) {
        rows.close(rows.state);
        fail_msg("accepted %s", path);
    }
    if (!strstr(err, want_zh) || !strstr(err, want_en))
        fail_msg("message \"%s\" lacks \"%s\" / \"%s\"", err, want_zh, want_en);
    size_t len;
    char *data = og_read_file(path, &len);
    assert_non_null(data);
    expect_refused_mem(data, len, want_zh, want_en, (const char *)NULL);
    free(data);
}

/* ---- seed 004 ------------------------------------------------------------------ */

static const char *write_seed004(void)
{
    og_docx d = {0};
    og_docx_para(&d, "相山区政府办公室部门绩效自评项目清单");
    og_docx_table(&d, 4, og_seed004_list, 4);
    og_docx_para(&d, "");
    og_docx_para(&d, "1、区政府工作经费项目绩效自评表");
    og_docx_para(&d, "项目支出绩效自评表");
    og_docx_para(&d, "(2023年度)");
    og_docx_table(&d, OG_SEED004_GRID, og_seed004_table, OG_SEED004_ROWS);
    og_docx_para(&d, "  ");
    const char *path = tmp_path("seed004.docx");
    assert_true(og_docx_write(&d, path));
    return path;
}

static void seed004_tables_become_rows_with_merges_expanded(void **state)
{
    (void)state;
    read_result r;
    read_docx(write_seed004(), &r);
    assert_int_equal(r.n, 1 + 4 + 3 + OG_SEED004_ROWS);

    assert_paragraph(&r.rows[0], 1, "相山区政府办公室部门绩效自评项目清单");
    static const char *const list[4][4] = {{"序号", "项目名称", "金额（万元）", "备注"},
                                           {"1", "区政府工作经费项目", "134.64", ""},
                                           {"2", "区创优营商环境服务中心工作经费", "38.76", ""},
                                           {"", "合计", "173.4", ""}};
    for (int i = 0; i < 4; i++)
        assert_row(&r.rows[1 + i], 0, i + 1, list[i], 4);
    /* paragraph 2 is empty: counted, not delivered */
    assert_paragraph(&r.rows[5], 3, "1、区政府工作经费项目绩效自评表");
    assert_paragraph(&r.rows[6], 4, "项目支出绩效自评表");
    assert_paragraph(&r.rows[7], 5, "(2023年度)");
    for (size_t i = 0; i < OG_SEED004_ROWS; i++)
        assert_row(&r.rows[8 + i], 1, (long)i + 1, og_seed004_expected[i], OG_SEED004_GRID);
    close_result(&r);
}

static void memory_and_path_give_the_same_rows(void **state)
{
    (void)state;
    const char *path = write_seed004();
    read_result a;
    read_docx(path, &a);
    size_t len;
    char *data = og_read_file(path, &len);
    char err[512];
    jx_rows b;
    assert_true(jx_docx_open_mem(data, len, &b, err, sizeof err));
    free(data); /* the rows do not depend on the input buffer */
    jx_row row;
    for (size_t i = 0; i < a.n; i++) {
        assert_int_equal(b.next(b.state, &row, err, sizeof err), 1);
        assert_int_equal(row.paragraph, a.rows[i].paragraph);
        row.paragraph = false; /* compared; assert_row checks table rows */
        assert_row(&row, a.rows[i].table, a.rows[i].line, a.rows[i].cells, a.rows[i].n);
    }
    assert_int_equal(b.next(b.state, &row, err, sizeof err), 0);
    assert_int_equal(b.next(b.state, &row, err, sizeof err), 0); /* the end stays the end */
    b.close(b.state);
    close_result(&a);
}

/* ---- the grid ---------------------------------------------------------------------- */

#define T(s) "<w:r><w:t xml:space=\"preserve\">" s "</w:t></w:r>"
#define P(s) "<w:p>" T(s) "</w:p>"
#define TC(s) "<w:tc>" P(s) "</w:tc>"

static void grid_before_after_span_and_merges(void **state)
{
    (void)state;
    const char
        *body =
            "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/"
            "><w:gridCol/></w:tblGrid>"
            "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"2\"/></w:trPr>" TC("a") "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" P(
                "b") "</w:tc></w:tr>"
                     "<w:tr><w:tc><w:tcPr><w:hMerge w:val=\"restart\"/></w:tcPr>" P(
                         "h") "</w:tc>"
                              "<w:tc><w:tcPr><w:hMerge/></w:tcPr>" P(
                                  "hidden") "</w:tc>"
                                            "<w:tc><w:tcPr><w:vMerge "
                                            "w:val=\"continue\"/></w:tcPr>" P(
                                                "stale") "</w:tc>"
                                                         "<w:tc><w:tcPr><w:vMerge "
                                                         "w:val=\"restart\"/><w:gridSpan "
                                                         "w:val=\"3\"/></w:tcPr>" P(
                                                             "v") "</w:tc></w:tr>"
                                                                  "<w:tr><w:tc><w:tcPr><w:gridSpan "
                                                                  "w:val=\"0\"/></w:tcPr>" P(
                                                                      "zero span is one") "</w:tc>"
                                                                                          "<w:tc><"
                                                                                          "w:tcPr><"
                                                                                          "w:"
                                                                                          "gridSpan"
                                                                                          " w:val="
                                                                                          "\"x\"/"
                                                                                          "></"
                                                                                          "w:"
                                                                                          "tcPr>" P(
                                                                                              "bad "
                                                                                              "span"
                                                                                              " is "
                                                                                              "one") "</w:tc></w:tr>"
                                                                                                     "<w:tr></w:tr>"
                                                                                                     "</w:tbl>";
    read_result r;
    read_docx(write_body("grid.docx", body), &r);
    assert_int_equal(r.n, 3);
    assert_row(&r.rows[0], 0, 1, (const char *[]){"", "a", "b", "", "", ""}, 6);
    assert_row(&r.rows[1], 0, 2, (const char *[]){"h", "", "", "v", "", ""}, 6);
    assert_row(&r.rows[2], 0, 3, (const char *[]){"zero span is one", "bad span is one"}, 2);
    close_result(&r);
}

/* ---- text ------------------------------------------------------------------------------ */

static void text_of_paragraphs_runs_and_revisions(void **state)
{
    (void)state;
    const char *body =
        /* 1: a tab stop is not a tab; a tab outside tables is "\t"; ends trimmed */
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>" T("项目名称") "<w:r><w:tab/></w:r>" T(
            "  J市场监管经费 ") "</w:p>"
                                /* 2: tracked changes read as accepted */
                                "<w:p>" T(
                                    "执行率") "<w:del w:id=\"1\" "
                                              "w:author=\"a\"><w:r><w:delText>61.2</w:delText></"
                                              "w:r></w:del>"
                                              "<w:ins w:id=\"2\" w:author=\"a\">" T(
                                                  "99.18") "</w:ins>"
                                                           "<w:moveFrom w:id=\"3\" "
                                                           "w:author=\"a\">" T(
                                                               "旧位置") "</w:moveFrom></w:p>"
                                                                         /* 3: a field: its result,
                                                                            not its instruction */
                                                                         "<w:p><w:r><w:fldChar "
                                                                         "w:fldCharType=\"begin\"/"
                                                                         "></"
                                                                         "w:r><w:r><w:instrText> "
                                                                         "PAGE </w:instrText></w:r>"
                                                                         "<w:r><w:fldChar "
                                                                         "w:fldCharType="
                                                                         "\"separate\"/></w:r>" T(
                                                                             "3") "<w:r><w:fldChar "
                                                                                  "w:fldCharType="
                                                                                  "\"end\"/></"
                                                                                  "w:r></w:p>"
                                                                                  /* 4: Symbol-font
                                                                                     characters */
                                                                                  "<w:p><w:r><w:"
                                                                                  "sym "
                                                                                  "w:font="
                                                                                  "\"Symbol\" "
                                                                                  "w:char=\"F0B3\"/"
                                                                                  "><w:t>95%</"
                                                                                  "w:t><w:sym "
                                                                                  "w:font="
                                                                                  "\"Symbol\" "
                                                                                  "w:char=\"F0A3\"/"
                                                                                  ">"
                                                                                  "<w:sym "
                                                                                  "w:font="
                                                                                  "\"Wingdings\" "
                                                                                  "w:char=\"F0FC\"/"
                                                                                  "><w:sym "
                                                                                  "w:font="
                                                                                  "\"Arial\" "
                                                                                  "w:char=\"2265\"/"
                                                                                  "></w:r></w:p>"
                                                                                  /* 5: one
                                                                                     alternative
                                                                                     only */
                                                                                  "<w:p><w:r><mc:"
                                                                                  "AlternateContent"
                                                                                  "><mc:Choice "
                                                                                  "Requires="
                                                                                  "\"w14\"><w:t>新<"
                                                                                  "/w:t></"
                                                                                  "mc:Choice>"
                                                                                  "<mc:Fallback><w:"
                                                                                  "t>旧</w:t></"
                                                                                  "mc:Fallback></"
                                                                                  "mc:"
                                                                                  "AlternateContent"
                                                                                  "></w:r></w:p>"
                                                                                  /* 6: a content
                                                                                     control around
                                                                                     a paragraph */
                                                                                  "<w:sdt><w:"
                                                                                  "sdtContent>" P(
                                                                                      "内容控件") "</w:sdtContent></w:sdt>"
                                                                                                  /* 7: a paragraph mark deleted: the text stays */
                                                                                                  "<w:p><w:pPr><w:rPr><w:del w:id=\"4\" w:author=\"a\"/></w:rPr></w:pPr>" T(
                                                                                                      "合并") "</w:p>"
                                                                                                              /* 8: XML escapes and a character reference */
                                                                                                              "<w:p>" T(
                                                                                                                  "&lt;220 &amp; &#x2265;95%") "</w:p>";
    read_result r;
    read_docx(write_body("text.docx", body), &r);
    assert_int_equal(r.n, 8);
    assert_paragraph(&r.rows[0], 1, "项目名称\t  J市场监管经费");
    assert_paragraph(&r.rows[1], 2, "执行率99.18");
    assert_paragraph(&r.rows[2], 3, "3");
    assert_paragraph(&r.rows[3], 4, "≥95%≤≥");
    assert_paragraph(&r.rows[4], 5, "新");
    assert_paragraph(&r.rows[5], 6, "内容控件");
    assert_paragraph(&r.rows[6], 7, "合并");
    assert_paragraph(&r.rows[7], 8, "<220 & ≥95%");
    close_result(&r);
}

static void text_inside_cells_and_nested_tables(void **state)
{
    (void)state;
    const char *body = P(
        "前") "<w:tbl>"
              /* paragraphs joined by "\n" (empty ones add nothing), tab → space, br → "\n" */
              "<w:tr><w:tc>" P("第一段") "<w:p/><w:p>" T(
                  "第二") "<w:r><w:tab/><w:t>段</w:t><w:br/><w:t>换行</w:t></w:r></w:p></w:tc>"
                          /* a nested table: cells by spaces, rows by "\n" */
                          "<w:tc>" P("外") "<w:tbl><w:tr>" TC("a") TC("b") "</w:tr><w:tr>" TC("c") "<w:tc><w:p/></w:tc></w:tr></w:tbl>" P(
                              "尾") "</w:tc></w:tr>"
                                    /* a deleted row is left out and not counted */
                                    "<w:tr><w:trPr><w:del w:id=\"3\" w:author=\"a\"/></w:trPr>" TC(
                                        "删除的行") TC("x") "</w:tr>"
                                                            /* cells inside a content control; cells
                                                               trimmed */
                                                            "<w:tr><w:sdt><w:sdtContent>" TC("x") "</w:sdtContent></w:sdt>" TC(
                                                                "  y  ") "</w:tr>"
                                                                         "</w:tbl>" P(
                                                                             "后") "<w:tbl><w:"
                                                                                   "tr>" TC(
                                                                                       "第二个"
                                                                                       "表") "</"
                                                                                             "w:tr>"
                                                                                             "</"
                                                                                             "w:"
                                                                                             "tbl>";
    read_result r;
    read_docx(write_body("cells.docx", body), &r);
    assert_int_equal(r.n, 5);
    assert_paragraph(&r.rows[0], 1, "前");
    assert_row(&r.rows[1], 0, 1, (const char *[]){"第一段\n第二 段\n换行", "外\na b\nc\n尾"}, 2);
    assert_row(&r.rows[2], 0, 2, (const char *[]){"x", "y"}, 2);
    assert_paragraph(&r.rows[3], 2, "后");
    assert_row(&r.rows[4], 1, 1, (const char *[]){"第二个表"}, 1);
    close_result(&r);
}

static void a_table_in_a_text_box_stays_in_its_paragraph(void **state)
{
    (void)state;
    const char *body =
        "<w:p>" T("标题") "<w:r><w:drawing><w:txbxContent>" P("框内") "<w:tbl><w:tr>" TC("1")
            TC("2") "</w:tr></w:tbl></w:txbxContent></w:drawing></w:r></w:p>"
                    "<w:tbl><w:tr>" TC("表") "</w:tr></w:tbl>";
    read_result r;
    read_docx(write_body("textbox.docx", body), &r);
    assert_int_equal(r.n, 2);
    assert_paragraph(&r.rows[0], 1, "标题\n框内\n1 2");
    assert_row(&r.rows[1], 0, 1, (const char *[]){"表"}, 1); /* the boxed table took no index */
    close_result(&r);
}

/* ---- limits and broken files ---------------------------------------------------------------- */

static void rows_and_cells_beyond_the_limits_are_refused(void **state)
{
    (void)state;
    expect_refused(
        write_body("wide.docx",
                   "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"300\"/></w:tcPr><w:p/>"
                   "</w:tc></w:tr></w:tbl>"),
        "超过 256 个单元格", "more than 256 cells");
    expect_refused(write_body("wide2.docx",
                              "<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"99999999999\"/></w:trPr>"
                              "</w:tr></w:tbl>"),
                   "超过 256 个单元格", "more than 256 cells");
    og_buf big = {0};
    og_add(&big, "<w:tbl><w:tr><w:tc><w:p>");
    for (int i = 0; i < 70; i++) {
        og_add(&big, "<w:r><w:t>");
        for (int k = 0; k < 1000; k++)
            og_add(&big, "x");
        og_add(&big, "</w:t></w:r>");
    }
    og_add(&big, "</w:p></w:tc></w:tr></w:tbl>");
    expect_refused(write_body("longcell.docx", big.s), "超过 65536 字节",
                   "longer than 65536 bytes");
    og_free(&big);
}

static void broken_and_foreign_files_are_refused(void **state)
{
    (void)state;
    const char *path = write_seed004();
    size_t len;
    char *data = og_read_file(path, &len);
    expect_refused_mem(data, len / 2,
                       "文件已损坏或不是 Word 文档 (not a valid .docx:", (const char *)NULL);
    expect_refused_mem(data, 30,
                       "文件已损坏或不是 Word 文档 (not a valid .docx:", (const char *)NULL);
    free(data);

    unsigned char noise[4096];
    srand(4);
    for (size_t i = 0; i < sizeof noise; i++)
        noise[i] = (unsigned char)rand();
    expect_refused_mem(noise, sizeof noise, "文件已损坏或不是 Word 文档", "not a valid .docx",
                       (const char *)NULL);
    expect_refused_mem(noise, 0, "not a valid .docx", (const char *)NULL);
    expect_refused_mem(NULL, 0, "not a valid .docx", (const char *)NULL);
    static const unsigned char ole[16] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    expect_refused_mem(ole, sizeof ole, "旧版 Office", "old .doc", (const char *)NULL);

    og_entry no_document[] = {{"readme.txt", "hello", 0}};
    assert_true(og_zip_write(tmp_path("nodoc.docx"), no_document, 1));
    expect_refused(tmp_path("nodoc.docx"), "缺少 word/document.xml",
                   "word/document.xml is missing");

    assert_true(og_docx_write_xml(tmp_path("badxml.docx"),
                                  "<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"" OG_W_NS
                                  "\"><w:body>\n<w:p></w:body></w:document>"));
    expect_refused(tmp_path("badxml.docx"), "word/document.xml 第 3 行第 8 列: XML 格式错误",
                   "word/document.xml line 3, column 8: XML error: mismatched tag");

    assert_true(og_docx_write_xml(tmp_path("sheet.docx"), "<worksheet xmlns=\"" OG_SS_NS "\"/>"));
    expect_refused(tmp_path("sheet.docx"), "不是 Word 文档的正文",
                   "not a WordprocessingML document");

    char err[256];
    jx_rows rows;
    assert_false(jx_docx_open(tmp_path("does-not-exist.docx"), &rows, err, sizeof err));
    assert_non_null(strstr(err, "无法打开文件"));
    assert_non_null(strstr(err, "cannot open"));
}

/* Patch the uncompressed size of `name` in a zip image (central directory
 * and local header) so that the archive lies about it. */
static void lie_about_size(unsigned char *zip, size_t len, const char *name, uint32_t size)
{
    size_t nlen = strlen(name);
    for (size_t i = 0; i + 46 + nlen <= len; i++) {
        if (memcmp(zip + i, "PK\1\2", 4) != 0 || memcmp(zip + i + 46, name, nlen) != 0) continue;
        uint32_t local = (uint32_t)zip[i + 42] | (uint32_t)zip[i + 43] << 8 |
                         (uint32_t)zip[i + 44] << 16 | (uint32_t)zip[i + 45] << 24;
        for (int k = 0; k < 4; k++) {
            zip[i + 24 + k] = (unsigned char)(size >> (8 * k));
            zip[local + 22 + k] = (unsigned char)(size >> (8 * k));
        }
        return;
    }
    fail_msg("no central directory entry for %s", name);
}

#if !defined(__SANITIZE_ADDRESS__) /* ASan's shadow memory makes the figure meaningless */
static long peak_rss_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}
#endif

static void zip_bombs_are_refused_in_bounded_memory(void **state)
{
    (void)state;
    /* 300 MB of zeros: about 300 KB compressed */
    og_entry rels[] = {{"[Content_Types].xml", og_docx_content_types, 0},
                       {"_rels/.rels", og_docx_package_rels, 0}};
    const char *path = tmp_path("bomb.docx");
    assert_true(og_zip_write_big(path, rels, 2, "word/document.xml", 300ull * 1024 * 1024));
    size_t len;
    unsigned char *data = (unsigned char *)og_read_file(path, &len);
    assert_true(len < 2 * 1024 * 1024);
    expect_refused(path, "文件解压后过大, 可能是压缩炸弹",
                   "zip bomb? word/document.xml expands to 314572800 bytes");

    /* the same entry claiming to be 1000 bytes: caught while inflating */
    lie_about_size(data, len, "word/document.xml", 1000);
    expect_refused_mem(data, len, "文件解压后过大, 可能是压缩炸弹",
                       "zip bomb? word/document.xml expands to more than 1000 bytes",
                       (const char *)NULL);
    free(data);
#if !defined(__SANITIZE_ADDRESS__)
    if (peak_rss_mb() > 150) fail_msg("peak memory %ld MB", peak_rss_mb());
#endif
}

static void too_many_entries_are_refused(void **state)
{
    (void)state;
    enum { N = 20000 };
    og_entry *e = calloc(N, sizeof *e);
    char(*names)[32] = calloc(N, sizeof *names);
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], "f%05d.xml", i);
        e[i] = (og_entry){names[i], "x", 0};
    }
    e[0] = (og_entry){"word/document.xml", "<w:document xmlns:w=\"" OG_W_NS "\"/>", 0};
    assert_true(og_zip_write(tmp_path("many.docx"), e, N));
    free(e);
    free(names);
    expect_refused(tmp_path("many.docx"), "文件解压后过大, 可能是压缩炸弹",
                   "zip bomb? 20000 entries, limit 10000");
}

static void xml_bombs_and_deep_nesting_are_refused(void **state)
{
    (void)state;
    const char *lol =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
        "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
        "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
        "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
        "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
        "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
        "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>\n"
        "<w:document xmlns:w=\"" OG_W_NS "\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
        "</w:body></w:document>";
    assert_true(og_docx_write_xml(tmp_path("lol.docx"), lol));
    expect_refused(tmp_path("lol.docx"), "word/document.xml 第 2 行",
                   "DOCTYPE declaration, possibly an XML bomb");

    og_buf deep = {0};
    for (int i = 0; i < 10000; i++)
        og_add(&deep, "<w:sdt>");
    for (int i = 0; i < 10000; i++)
        og_add(&deep, "</w:sdt>");
    expect_refused(write_body("deep.docx", deep.s), "元素嵌套超过 256 层",
                   "elements nested deeper than 256 levels");
    og_free(&deep);

    /* 250 levels is deep but allowed */
    og_buf ok = {0};
    for (int i = 0; i < 246; i++)
        og_add(&ok, "<w:sdt>");
    og_add(&ok, P("深"));
    for (int i = 0; i < 246; i++)
        og_add(&ok, "</w:sdt>");
    read_result r;
    read_docx(write_body("deep-ok.docx", ok.s), &r);
    og_free(&ok);
    assert_int_equal(r.n, 1);
    assert_paragraph(&r.rows[0], 1, "深");
    close_result(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed004_tables_become_rows_with_merges_expanded),
        cmocka_unit_test(memory_and_path_give_the_same_rows),
        cmocka_unit_test(grid_before_after_span_and_merges),
        cmocka_unit_test(text_of_paragraphs_runs_and_revisions),
        cmocka_unit_test(text_inside_cells_and_nested_tables),
        cmocka_unit_test(a_table_in_a_text_box_stays_in_its_paragraph),
        cmocka_unit_test(rows_and_cells_beyond_the_limits_are_refused),
        cmocka_unit_test(broken_and_foreign_files_are_refused),
        cmocka_unit_test(zip_bombs_are_refused_in_bounded_memory),
        cmocka_unit_test(too_many_entries_are_refused),
        cmocka_unit_test(xml_bombs_and_deep_nesting_are_refused),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
