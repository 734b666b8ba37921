/* test_xlsx.c — the .xlsx reader: seed 004's table in a workbook (merged
 * ranges, shared and inline strings, numbers kept as written), cell types,
 * gaps, merges, and hostile files (broken references, zip and XML bombs,
 * limits). Files are written with officegen.h into a temporary folder. */
#include "testutil.h"

#include "import/xlsx.h"
#include "officegen.h"

static int make_tmpdir(void **state)
{
    (void)state;
    return og_tmpdir_make("xlsx");
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

static void read_xlsx(const char *path, read_result *r)
{
    char err[512];
    memset(r, 0, sizeof *r);
    if (!jx_xlsx_open(path, &r->src, err, sizeof err)) fail_msg("%s", err);
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

static const char *joined(const char *const *cells, size_t n, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++)
        used += (size_t)snprintf(buf + used, used < len ? len - used : 0, "%s%s", i ? "|" : "",
                                 cells[i]);
    return buf;
}

static void assert_row(const jx_row *row, int sheet, long line, const char *const *cells, size_t n)
{
    char want[4096], got[4096];
    assert_string_equal(joined(row->cells, row->n, got, sizeof got),
                        joined(cells, n, want, sizeof want));
    assert_int_equal(row->n, n);
    assert_int_equal(row->table, sheet);
    assert_int_equal(row->line, line);
    assert_false(row->paragraph); /* every sheet row is a table row, the first too */
}

/* A one-sheet workbook: raw <sheetData> content and <mergeCell> refs. */
static const char *write_sheet(const char *name, const char *sheet_data, const char *const *merges,
                               size_t n_merges)
{
    og_xlsx x = {0};
    og_xlsx_sheet(&x, "Sheet1");
    og_xlsx_raw(&x, sheet_data);
    for (size_t i = 0; i < n_merges; i++)
        og_xlsx_merge(&x, merges[i]);
    const char *path = og_tmp(name);
    assert_true(og_xlsx_write(&x, path));
    return path;
}

static void expect_refused(const char *path, const char *want_zh, const char *want_en)
{
    char err[1024] = "";
    jx_rows rows;
    if (jx_xlsx_open(path, &rows, err, sizeof err)) {
        rows.close(rows.state);
        fail_msg("accepted %s", path);
    }
    if (!strstr(err, want_zh) || !strstr(err, want_en))
        fail_msg("message \"%s\" lacks \"%s\" / \"%s\"", err, want_zh, want_en);
    size_t len;
    char *data = og_read_file(path, &len);
    assert_non_null(data);
    char err2[1024] = "";
    assert_false(jx_xlsx_open_mem(data, len, &rows, err2, sizeof err2));
    assert_string_equal(err2, err);
    free(data);
}

static void expect_refused_mem(const void *data, size_t len, const char *want)
{
    char err[1024] = "";
    jx_rows rows;
    if (jx_xlsx_open_mem(data, len, &rows, err, sizeof err)) {
        rows.close(rows.state);
        fail_msg("accepted a file it should refuse");
    }
    if (!strstr(err, want)) fail_msg("message \"%s\" lacks \"%s\"", err, want);
}

/* ---- seed 004 ------------------------------------------------------------------- */

static const char *write_seed004(void)
{
    og_xlsx x = {0};
    og_xlsx_sheet(&x, "自评表");
    static const char *const title[] = {"项目支出绩效自评表{9}", "(2023年度){9}"};
    og_xlsx_table(&x, 1, title, 2);
    og_xlsx_raw(&x, "<row r=\"3\"><c r=\"A3\" s=\"1\"/></row>"); /* an empty row */
    og_xlsx_table(&x, 4, og_seed004_table, OG_SEED004_ROWS);
    og_xlsx_sheet(&x, "清单");
    x.inline_strings = true;
    og_xlsx_table(&x, 2, og_seed004_list, 4);
    const char *path = og_tmp("seed004.xlsx");
    assert_true(og_xlsx_write(&x, path));
    return path;
}

static void seed004_sheets_become_rows_with_merges_expanded(void **state)
{
    (void)state;
    read_result r;
    read_xlsx(write_seed004(), &r);
    assert_int_equal(r.n, 2 + OG_SEED004_ROWS + 4);
    assert_row(&r.rows[0], 0, 1,
               (const char *[]){"项目支出绩效自评表", "", "", "", "", "", "", "", ""}, 9);
    assert_row(&r.rows[1], 0, 2, (const char *[]){"(2023年度)", "", "", "", "", "", "", "", ""}, 9);
    /* row 3 is empty: left out; the table starts at Excel row 4 */
    for (size_t i = 0; i < OG_SEED004_ROWS; i++)
        assert_row(&r.rows[2 + i], 0, 4 + (long)i, og_seed004_expected[i], OG_SEED004_GRID);
    static const char *const list[4][4] = {{"序号", "项目名称", "金额（万元）", "备注"},
                                           {"1", "区政府工作经费项目", "134.64", ""},
                                           {"2", "区创优营商环境服务中心工作经费", "38.76", ""},
                                           {"", "合计", "173.4", ""}};
    for (int i = 0; i < 4; i++)
        assert_row(&r.rows[2 + OG_SEED004_ROWS + i], 1, 2 + i, list[i], 4);
    assert_string_equal(jx_xlsx_sheet_name(&r.src, 0), "自评表");
    assert_string_equal(jx_xlsx_sheet_name(&r.src, 1), "清单");
    assert_null(jx_xlsx_sheet_name(&r.src, 2));
    assert_null(jx_xlsx_sheet_name(&r.src, -1));
    close_result(&r);
}

static void the_same_table_gives_the_same_rows_from_memory(void **state)
{
    (void)state;
    size_t len;
    char *data = og_read_file(write_seed004(), &len);
    char err[512];
    jx_rows rows;
    assert_true(jx_xlsx_open_mem(data, len, &rows, err, sizeof err));
    free(data);
    jx_row row;
    assert_int_equal(rows.next(rows.state, &row, err, sizeof err), 1);
    assert_int_equal(rows.next(rows.state, &row, err, sizeof err), 1);
    for (size_t i = 0; i < OG_SEED004_ROWS; i++) {
        assert_int_equal(rows.next(rows.state, &row, err, sizeof err), 1);
        assert_row(&row, 0, 4 + (long)i, og_seed004_expected[i], OG_SEED004_GRID);
    }
    rows.close(rows.state);
}

/* ---- values ----------------------------------------------------------------------- */

static void numbers_are_kept_as_written(void **state)
{
    (void)state;
    const char *data =
        "<row r=\"1\">"
        "<c r=\"A1\"><v>134.64</v></c><c r=\"B1\" t=\"n\"><v>61.2</v></c><c "
        "r=\"C1\"><v>0.9918</v></c>"
        "<c r=\"D1\"><v>189.132</v></c><c r=\"E1\"><v>145133</v></c><c r=\"F1\"><v>2.0595</v></c>"
        "<c r=\"G1\"><v>0.000</v></c><c r=\"H1\"><v>-12.50</v></c><c "
        "r=\"I1\"><v>123456789012345</v></c>"
        "</row><row r=\"2\">"
        /* binary noise and exponents: 15 significant digits, plain decimal */
        "<c r=\"A2\"><v>189.13200000000001</v></c><c r=\"B2\"><v>-0.30000000000000004</v></c>"
        "<c r=\"C2\"><v>1E-3</v></c><c r=\"D2\"><v>1.5E+20</v></c><c "
        "r=\"E2\"><v>0.99999999999999989</v></c>"
        "<c r=\"F2\"><v>4.4408920985006262E-16</v></c><c r=\"G2\"><v>12345678901234567890</v></c>"
        "<c r=\"H2\"><v>0E0</v></c><c r=\"I2\"><v>1E+999</v></c><c r=\"J2\"><v>12a</v></c>"
        "<c r=\"K2\"><v> 38.76 </v></c>"
        "</row>";
    read_result r;
    read_xlsx(write_sheet("numbers.xlsx", data, NULL, 0), &r);
    assert_int_equal(r.n, 2);
    assert_row(&r.rows[0], 0, 1,
               (const char *[]){"134.64", "61.2", "0.9918", "189.132", "145133", "2.0595", "0.000",
                                "-12.50", "123456789012345"},
               9);
    assert_row(&r.rows[1], 0, 2,
               (const char *[]){"189.132", "-0.3", "0.001", "150000000000000000000", "1",
                                "0.000000000000000444089209850063", "12345678901234600000", "0",
                                "1E+999", "12a", "38.76"},
               11);
    close_result(&r);
}

static void strings_booleans_errors_and_formulas(void **state)
{
    (void)state;
    og_xlsx x = {0};
    og_xlsx_sheet(&x, "类型");
    int rich = og_xlsx_shared_raw(
        &x, "<r><t>预算</t></r><r><rPr><b/></rPr><t>执行</t></r>"
            "<rPh sb=\"0\" eb=\"2\"><t>よさん</t></rPh><phoneticPr fontId=\"1\"/>");
    int escaped =
        og_xlsx_shared_raw(&x, "<t>第一行_x000D_\n第二行_x005F_x_xD83D__xDE00_\r\n第三行</t>");
    int spaced = og_xlsx_shared(&x, "\u3000 全角空格 ");
    char row[2048];
    snprintf(
        row, sizeof row,
        "<row r=\"1\"><c r=\"A1\" t=\"b\"><v>1</v></c><c r=\"B1\" t=\"b\"><v>0</v></c>"
        "<c r=\"C1\" t=\"e\"><v>#DIV/0!</v></c><c r=\"D1\" t=\"str\"><f>A1*2</f><v>269.28</v></c>"
        "<c r=\"E1\" t=\"inlineStr\"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c>"
        "<c r=\"F1\" t=\"s\"><v>%d</v></c><c r=\"G1\" t=\"s\"><v>%d</v></c><c "
        "r=\"H1\"><f>SUM(A1:B1)</f></c>"
        "<c r=\"I1\" t=\"d\"><v>2024-12-31T00:00:00</v></c><c r=\"J1\" t=\"s\"><v>%d</v></c>"
        "<c r=\"K1\" t=\"s\"><v></v></c></row>",
        rich, escaped, spaced);
    og_xlsx_raw(&x, row);
    assert_true(og_xlsx_write(&x, og_tmp("types.xlsx")));
    read_result r;
    read_xlsx(og_tmp("types.xlsx"), &r);
    assert_int_equal(r.n, 1);
    assert_row(&r.rows[0], 0, 1,
               (const char *[]){"TRUE", "FALSE", "#DIV/0!", "269.28", "富文本", "预算执行",
                                "第一行\n第二行_x\xF0\x9F\x98\x80\n第三行", "",
                                "2024-12-31T00:00:00", "全角空格", ""},
               11);
    close_result(&r);
}

static void gaps_empty_rows_and_rows_without_numbers(void **state)
{
    (void)state;
    og_xlsx x = {0};
    og_xlsx_sheet(&x, "Sheet1");
    int s = og_xlsx_shared(&x, "x");
    char data[1024];
    snprintf(
        data, sizeof data,
        "<row r=\"5\"><c r=\"B5\" t=\"s\"><v>%d</v></c><c><v>7</v></c><c r=\"E5\"><v>8</v></c>"
        "<c r=\"G5\" s=\"1\"/></row>"
        "<row r=\"6\"><c r=\"A6\" s=\"1\"/><c r=\"B6\" t=\"inlineStr\"><is><t>  </t></is></c></row>"
        "<row><c r=\"a7\"><v>9</v></c></row>"
        "<row r=\"9\"><c r=\"IV9\"><v>last</v></c><c r=\"IW9\" s=\"1\"/><c r=\"XFD9\" "
        "s=\"1\"/></row>",
        s);
    og_xlsx_raw(&x, data);
    og_xlsx_sheet(&x, "空表");
    assert_true(og_xlsx_write(&x, og_tmp("gaps.xlsx")));
    read_result r;
    read_xlsx(og_tmp("gaps.xlsx"), &r);
    assert_int_equal(r.n, 3);
    /* formatted empty cells count in the width; row 6 has no value: left out */
    assert_row(&r.rows[0], 0, 5, (const char *[]){"", "x", "7", "", "8", "", ""}, 7);
    assert_row(&r.rows[1], 0, 7, (const char *[]){"9"}, 1);
    assert_int_equal(r.rows[2].n, 256);
    assert_string_equal(r.rows[2].cells[255], "last");
    assert_string_equal(r.rows[2].cells[0], "");
    assert_string_equal(jx_xlsx_sheet_name(&r.src, 1), "空表");
    close_result(&r);
}

static void merged_ranges_keep_only_their_top_left(void **state)
{
    (void)state;
    const char *data = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>标题</t></is></c>"
                       "<c r=\"C1\" t=\"inlineStr\"><is><t>被合并</t></is></c></row>"
                       "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>2</v></c></row>"
                       "<row r=\"3\"><c r=\"B3\"><v>3</v></c></row>"
                       "<row r=\"4\"><c r=\"A4\"><v>4</v></c></row>"
                       "<row r=\"5\"><c r=\"D5\"><v>5</v></c></row>"
                       "<row r=\"12\"><c r=\"A12\"><v>12</v></c></row>"
                       "<row r=\"13\"><c r=\"A13\"><v>13</v></c></row>";
    static const char *const merges[] = {"A1:D1",   "B2:B3",    "A4:C5",  "C12:A12",
                                         "IX1:IZ2", "E13:IZ13", "A20:A20"};
    read_result r;
    read_xlsx(write_sheet("merges.xlsx", data, merges, 7), &r);
    assert_int_equal(r.n, 6);
    assert_row(&r.rows[0], 0, 1, (const char *[]){"标题", "", "", ""}, 4);
    assert_row(&r.rows[1], 0, 2, (const char *[]){"1", "2"}, 2);
    /* row 3's only value lies under B2:B3: the row is left out */
    assert_row(&r.rows[2], 0, 4, (const char *[]){"4", "", ""}, 3);
    assert_row(&r.rows[3], 0, 5, (const char *[]){"", "", "", "5"}, 4);
    assert_row(&r.rows[4], 0, 12, (const char *[]){"12", "", ""}, 3);
    assert_int_equal(r.rows[5].n, 256); /* E13:IZ13 reaches past the last column: cut there */
    assert_string_equal(r.rows[5].cells[0], "13");
    close_result(&r);
}

/* ---- broken sheets ---------------------------------------------------------------------- */

static void bad_references_and_order_are_refused(void **state)
{
    (void)state;
    static const struct {
        const char *data, *zh, *en;
    } cases[] = {
        {"<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", "单元格引用 \"XFE1\" 无效",
         "invalid cell reference \"XFE1\""},
        {"<row r=\"1\"><c r=\"IW1\"><v>1</v></c></row>", "单元格 IW1 超出第 256 列",
         "cell IW1 is beyond column 256"},
        {"<row r=\"1\"><c r=\"A99999999999999999999\"><v>1</v></c></row>", "无效",
         "invalid cell reference"},
        {"<row r=\"1\"><c r=\"AAAAAAAAAAAAAAAAAAAAAAAAA1\"><v>1</v></c></row>", "无效",
         "invalid cell reference"},
        {"<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>", "无效", "invalid cell reference \"1A\""},
        {"<row r=\"1\"><c r=\"A1B\"><v>1</v></c></row>", "无效", "invalid cell reference \"A1B\""},
        {"<row r=\"1\"><c r=\"A0\"><v>1</v></c></row>", "无效", "invalid cell reference \"A0\""},
        {"<row r=\"1\"><c r=\"\"><v>1</v></c></row>", "无效", "invalid cell reference \"\""},
        {"<row r=\"0\"/>", "行号 \"0\" 无效", "invalid row number \"0\""},
        {"<row r=\"99999999999999999999999\"/>", "行号", "invalid row number"},
        {"<row r=\"3\"/><row r=\"2\"/>", "第 2 行出现在第 3 行之后", "row 2 comes after row 3"},
        {"<row r=\"1\"><c r=\"B1\"/><c r=\"A1\"/></row>", "出现在同一行靠右的单元格之后",
         "comes after a cell to its right"},
        {"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>", "共享字符串编号 \"5\" 无效",
         "cell A1: invalid shared string index \"5\""},
        {"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>", "共享字符串编号",
         "invalid shared string index \"-1\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "bad%zu.xlsx", i);
        expect_refused(write_sheet(name, cases[i].data, NULL, 0), cases[i].zh, cases[i].en);
    }
    static const char *const bad_merge[] = {"A1:B"};
    expect_refused(write_sheet("badmerge.xlsx", "", bad_merge, 1), "合并区域 \"A1:B\" 无效",
                   "invalid merged range");
    expect_refused(
        write_sheet("bad-part.xlsx", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row", NULL, 0),
        "xl/worksheets/sheet1.xml 第 2 行", "XML error");
}

static void too_many_merges_or_sheets_are_refused(void **state)
{
    (void)state;
    og_xlsx x = {0};
    og_xlsx_sheet(&x, "Sheet1");
    for (int i = 1; i <= 100001; i++) {
        char ref[32];
        snprintf(ref, sizeof ref, "A%d:B%d", i, i);
        og_xlsx_merge(&x, ref);
    }
    assert_true(og_xlsx_write(&x, og_tmp("merges-max.xlsx")));
    expect_refused(og_tmp("merges-max.xlsx"), "合并单元格区域超过 100000 个",
                   "more than 100000 merged ranges");

    og_buf wb = {0};
    og_add(&wb, "<workbook xmlns=\"" OG_SS_NS
                "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                "relationships\"><sheets>");
    for (int i = 0; i < 1025; i++)
        og_addf(&wb, "<sheet name=\"s%d\" sheetId=\"%d\" r:id=\"rId1\"/>", i, i + 1);
    og_add(&wb, "</sheets></workbook>");
    og_entry e[] = {{"xl/workbook.xml", wb.s, 0}};
    assert_true(og_zip_write(og_tmp("sheets.xlsx"), e, 1));
    og_free(&wb);
    expect_refused(og_tmp("sheets.xlsx"), "工作表超过 1024 个", "more than 1024 sheets");
}

static void missing_parts_are_named(void **state)
{
    (void)state;
    og_entry none[] = {{"[Content_Types].xml", "<Types/>", 0}};
    assert_true(og_zip_write(og_tmp("noworkbook.xlsx"), none, 1));
    expect_refused(og_tmp("noworkbook.xlsx"), "缺少 xl/workbook.xml",
                   "not a valid .xlsx: xl/workbook.xml is missing");

    const char *workbook =
        "<workbook xmlns=\"" OG_SS_NS "\" xmlns:r=\"http://schemas.openxmlformats.org/"
        "officeDocument/2006/relationships\"><sheets><sheet name=\"表一\" sheetId=\"1\" "
        "r:id=\"rId7\"/></sheets></workbook>";
    og_entry norel[] = {{"xl/workbook.xml", workbook, 0}};
    assert_true(og_zip_write(og_tmp("norel.xlsx"), norel, 1));
    expect_refused(og_tmp("norel.xlsx"), "找不到工作表 \"表一\"", "relationship rId7 not found");

    const char *rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships/worksheet\" Target=\"/xl/worksheets/../worksheets/./sheet%31.xml\"/>"
        "</Relationships>";
    og_entry nopart[] = {{"xl/workbook.xml", workbook, 0}, {"xl/_rels/workbook.xml.rels", rels, 0}};
    assert_true(og_zip_write(og_tmp("nopart.xlsx"), nopart, 2));
    expect_refused(og_tmp("nopart.xlsx"), "缺少 xl/worksheets/sheet1.xml",
                   "xl/worksheets/sheet1.xml is missing");

    og_docx d = {0};
    og_docx_para(&d, "一段文字");
    assert_true(og_docx_write(&d, og_tmp("word.xlsx")));
    expect_refused(og_tmp("word.xlsx"), "不是 Excel 工作簿", "not a SpreadsheetML workbook");
}

/* ---- hostile files ------------------------------------------------------------------------ */

static void broken_zips_are_refused(void **state)
{
    (void)state;
    size_t len;
    char *data = og_read_file(write_seed004(), &len);
    expect_refused_mem(data, len - 30, "文件已损坏或不是 Excel 工作簿 (not a valid .xlsx:");
    expect_refused_mem(data + 10, len - 10, "not a valid .xlsx");
    free(data);
    unsigned char noise[2048];
    srand(7);
    for (size_t i = 0; i < sizeof noise; i++)
        noise[i] = (unsigned char)rand();
    expect_refused_mem(noise, sizeof noise, "文件已损坏或不是 Excel 工作簿");
}

static void bombs_and_deep_nesting_are_refused(void **state)
{
    (void)state;
    const char *path = write_seed004();
    assert_true(og_zip_add_zeros(path, "xl/worksheets/sheet2.xml", 300ull * 1024 * 1024));
    expect_refused(path, "文件解压后过大, 可能是压缩炸弹",
                   "zip bomb? xl/worksheets/sheet2.xml expands to 314572800 bytes");

    og_xlsx x = {0};
    og_xlsx_sheet(&x, "Sheet1");
    assert_true(og_xlsx_write(&x, og_tmp("lol.xlsx")));
    const char *lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\">"
                      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c "
                      "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                      "<sst xmlns=\"" OG_SS_NS "\"><si><t>&c;</t></si></sst>";
    int code;
    zip_t *za = zip_open(og_tmp("lol.xlsx"), 0, &code);
    assert_non_null(za);
    zip_source_t *src = zip_source_buffer(za, lol, strlen(lol), 0);
    assert_true(zip_file_add(za, "xl/sharedStrings.xml", src, ZIP_FL_OVERWRITE) >= 0);
    assert_int_equal(zip_close(za), 0);
    expect_refused(og_tmp("lol.xlsx"), "xl/sharedStrings.xml 第 2 行",
                   "DOCTYPE declaration, possibly an XML bomb");

    og_buf deep = {0};
    og_add(&deep, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>");
    for (int i = 0; i < 10000; i++)
        og_add(&deep, "<r>");
    for (int i = 0; i < 10000; i++)
        og_add(&deep, "</r>");
    og_add(&deep, "</is></c></row>");
    expect_refused(write_sheet("deep.xlsx", deep.s, NULL, 0), "元素嵌套超过 256 层",
                   "nested deeper than 256 levels");
    og_free(&deep);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed004_sheets_become_rows_with_merges_expanded),
        cmocka_unit_test(the_same_table_gives_the_same_rows_from_memory),
        cmocka_unit_test(numbers_are_kept_as_written),
        cmocka_unit_test(strings_booleans_errors_and_formulas),
        cmocka_unit_test(gaps_empty_rows_and_rows_without_numbers),
        cmocka_unit_test(merged_ranges_keep_only_their_top_left),
        cmocka_unit_test(bad_references_and_order_are_refused),
        cmocka_unit_test(too_many_merges_or_sheets_are_refused),
        cmocka_unit_test(missing_parts_are_named),
        cmocka_unit_test(broken_zips_are_refused),
        cmocka_unit_test(bombs_and_deep_nesting_are_refused),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
