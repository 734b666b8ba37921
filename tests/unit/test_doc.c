/* test_doc.c — the report document writer (src/report/doc*.c, chart*.c):
 * Markdown and HTML output, the event stream (record + replay gives the same
 * bytes as direct calls, damaged streams are refused), charts (the lowest 40
 * of 10,000 bars kept, exact value labels, SVG), column widths, and the Word
 * and PDF backends (a real package / PDF, same input gives the same bytes). */
#include "testutil.h"

#include <zip.h>

#include "report/doc.h"
#include "report/doc_backend.h"

/* Under AddressSanitizer: unwind allocations fully, so that the suppression of
 * cairo 1.16's own leak in cairo_surface_finish (tests/lsan.supp) can see that
 * frame; cairo has no frame pointers. Unused in the plain build. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "fast_unwind_on_malloc=0";
}

/* ---- helpers ------------------------------------------------------------------ */

typedef struct {
    char *data;
    size_t len;
    FILE *f;
} mem_out;

static FILE *mem_open(mem_out *m)
{
    memset(m, 0, sizeof *m);
    m->f = open_memstream(&m->data, &m->len);
    assert_non_null(m->f);
    return m->f;
}

static void mem_close(mem_out *m)
{
    assert_int_equal(fclose(m->f), 0);
    m->f = NULL;
}

/* Text with every character the backends and the event stream escape. */
static const char TRICKY[] = "a|b *c* _d_ `e` <f> & \"g\"\ttab\\back\nnext line\r";

static void grade_chart(jx_chart *c)
{
    jx_chart_init(c, JX_CHART_VBAR, "各等级项目数", "", 2);
    c->category = "等级";
    c->series[0] = "自评";
    c->series[1] = "复核";
    const char *names[] = {"优", "良", "中", "差"};
    for (int i = 0; i < 4; i++) {
        jx_dec v[2] = {JX_DEC(22 - 5 * i), JX_DEC(20 - 4 * i)};
        jx_chart_add(c, names[i], v);
    }
}

static void rate_chart(jx_chart *c)
{
    jx_chart_init(c, JX_CHART_HBAR, "各项目预算执行率", "%", 1);
    c->category = "项目";
    c->series[0] = "执行率";
    jx_dec v[1] = {D("12.47")};
    jx_chart_add(c, "Z特种设备监管费", v);
    v[0] = D("99.18");
    jx_chart_add(c, "J市场监管经费", v);
}

/* The same content, written by direct calls. */
static void content(jx_doc *d)
{
    jx_doc_heading(d, 2, "一、概况");
    jx_doc_para(d, "共 %d 个项目: %s", 31, TRICKY);
    jx_doc_item(d, "第一项 %s", TRICKY);
    jx_doc_item(d, "第二项");
    const char *h[] = {"序号", "项目", "金额"};
    jx_doc_table(d, h, 3);
    const char *r1[] = {"1", TRICKY, "2447.487"};
    const char *r2[] = {"2", "放心消费创建项目", "—"};
    jx_doc_row(d, r1, 3);
    jx_doc_row(d, r2, 3);
    jx_doc_table_end(d);
    jx_chart c;
    rate_chart(&c);
    jx_doc_chart(d, &c);
    jx_doc_para(d, "完");
}

/* The same content, with the body recorded as events and replayed. */
static void content_replayed(jx_doc *d)
{
    FILE *events = tmpfile();
    assert_non_null(events);
    jx_doc rec;
    jx_doc_record(&rec, events, false);
    content(&rec);
    assert_true(jx_doc_replay(d, events));
    fclose(events);
}

static void write_doc(jx_doc_format format, bool replayed, mem_out *m)
{
    jx_doc d;
    jx_doc_begin(&d, mem_open(m), format, "报告 <标题>");
    if (replayed)
        content_replayed(&d);
    else
        content(&d);
    assert_true(jx_doc_end(&d));
    mem_close(m);
}

/* ---- Markdown and HTML ----------------------------------------------------------- */

static void markdown_is_escaped_and_laid_out(void **state)
{
    (void)state;
    mem_out m;
    write_doc(JX_DOC_MD, false, &m);
    assert_non_null(strstr(m.data, "# 报告 <标题>\n\n## 一、概况\n\n"));
    assert_non_null(strstr(m.data, "共 31 个项目: a|b \\*c\\* \\_d\\_ \\`e\\` <f> & \"g\""));
    assert_non_null(strstr(m.data, "- 第一项 a|b"));
    assert_non_null(strstr(m.data, "- 第二项\n\n| 序号 | 项目 | 金额 |\n|---|---|---|\n"));
    assert_non_null(strstr(m.data, "| 1 | a\\|b \\*c\\*"));           /* '|' escaped in a cell */
    assert_non_null(strstr(m.data, "back next line\r | 2447.487 |")); /* newline: a space */
    /* the chart is a caption and a table of exact values */
    assert_non_null(strstr(m.data, "图 1  各项目预算执行率\n\n| 项目 | 执行率 |\n|---|---|\n"
                                   "| Z特种设备监管费 | 12.47% |\n| J市场监管经费 | 99.18% |\n"));
    free(m.data);
}

static void html_is_a_page_with_an_svg_chart(void **state)
{
    (void)state;
    mem_out m;
    write_doc(JX_DOC_HTML, false, &m);
    assert_true(strncmp(m.data, "<!DOCTYPE html>", 15) == 0);
    assert_non_null(strstr(m.data, "<title>报告 &lt;标题&gt;</title>"));
    assert_non_null(
        strstr(m.data, "<p>共 31 个项目: a|b *c* _d_ `e` &lt;f&gt; &amp; &quot;g&quot;"));
    assert_non_null(strstr(m.data, "<ul>\n<li>第一项"));
    assert_non_null(strstr(m.data, "<td class=\"n\">2447.487</td>"));
    assert_non_null(strstr(m.data, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_non_null(strstr(m.data, "width=\"100%\""));
    assert_non_null(strstr(m.data, "viewBox=\"0 0 440 "));
    assert_non_null(strstr(m.data, ">12.47%</text>"));
    assert_non_null(strstr(m.data, "<figcaption"));
    assert_true(strstr(m.data, "</html>\n") == m.data + m.len - 8);
    free(m.data);
}

/* ---- the event stream ------------------------------------------------------------ */

static void replay_gives_the_same_bytes(void **state)
{
    (void)state;
    const jx_doc_format formats[] = {JX_DOC_MD, JX_DOC_HTML, JX_DOC_DOCX, JX_DOC_PDF};
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        mem_out direct, replayed;
        write_doc(formats[i], false, &direct);
        write_doc(formats[i], true, &replayed);
        assert_true(direct.len > 100);
        assert_int_equal(direct.len, replayed.len);
        assert_memory_equal(direct.data, replayed.data, direct.len);
        free(direct.data);
        free(replayed.data);
    }
}

static void rows_replay_into_an_open_table(void **state)
{
    (void)state;
    FILE *rows = tmpfile();
    jx_doc rec;
    jx_doc_record(&rec, rows, true);
    const char *r[] = {"a|b", "1.5"};
    jx_doc_row(&rec, r, 2);
    mem_out m;
    jx_doc d;
    jx_doc_begin(&d, mem_open(&m), JX_DOC_MD, "T");
    const char *h[] = {"x", "y"};
    jx_doc_table(&d, h, 2);
    assert_true(jx_doc_replay(&d, rows));
    jx_doc_table_end(&d);
    assert_true(jx_doc_end(&d));
    mem_close(&m);
    assert_non_null(strstr(m.data, "| x | y |\n|---|---|\n| a\\|b | 1.5 |\n\n"));
    free(m.data);
    fclose(rows);
}

static void damaged_streams_are_refused(void **state)
{
    (void)state;
    const char *bad[] = {"x\tunknown event\n",
                         "h\t2\n",
                         "b\tlabel\t1\n",
                         "c\t0\t1\t1\tt\n",
                         "c\t1\t1\t0\tt\t%\t\t\t\t\nb\tx\tnot-a-number\nC\n",
                         "c\t1\t1\t0\tt\t%\t\t\t\t\n" /* chart never ends */};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        FILE *f = tmpfile();
        fputs(bad[i], f);
        mem_out m;
        jx_doc d;
        jx_doc_begin(&d, mem_open(&m), JX_DOC_MD, "T");
        assert_false(jx_doc_replay(&d, f));
        assert_non_null(strstr(d.error, "损坏"));
        assert_false(jx_doc_end(&d));
        mem_close(&m);
        free(m.data);
        fclose(f);
    }
}

/* ---- charts ----------------------------------------------------------------------- */

static void the_lowest_40_of_10000_bars_are_kept(void **state)
{
    (void)state;
    jx_chart c;
    jx_chart_init(&c, JX_CHART_HBAR, "执行率", "%", 1);
    for (int i = 0; i < 10000; i++) {
        char label[32];
        snprintf(label, sizeof label, "项目%d", i);
        jx_dec v[1] = {JX_DEC((i * 7919) % 10000) / 100}; /* 0.00 .. 99.99, each once */
        jx_chart_offer(&c, label, v, 0);
    }
    jx_dec none[1] = {JX_NONE};
    jx_chart_offer(&c, "没有执行率", none, 0);
    jx_chart_settle(&c, 0);
    assert_int_equal(c.n_bars, JX_CHART_MAX_BARS);
    assert_int_equal(c.offered, 10000);
    for (size_t i = 0; i < c.n_bars; i++)
        assert_int_equal(c.bars[i].value[0], (jx_dec)i * JX_DEC_SCALE / 100);
    assert_string_equal(c.bars[0].label, "项目0");
}

static void few_bars_keep_their_order_and_long_labels_are_cut(void **state)
{
    (void)state;
    jx_chart c;
    jx_chart_init(&c, JX_CHART_HBAR, "t", "", 1);
    char longname[400] = "";
    for (int i = 0; i < 100; i++)
        strcat(longname, "监");
    jx_dec v[1] = {JX_DEC(3)};
    jx_chart_offer(&c, longname, v, 0);
    v[0] = JX_DEC(1);
    jx_chart_offer(&c, "b", v, 0);
    jx_chart_settle(&c, 0);
    assert_int_equal(c.n_bars, 2);
    assert_int_equal(c.bars[0].value[0], JX_DEC(3)); /* offer order, not value order */
    size_t n = strlen(c.bars[0].label);
    assert_true(n < JX_CHART_LABEL && n % 3 == 0); /* cut between characters */
    assert_string_equal(c.bars[1].label, "b");
}

typedef struct {
    int rects, texts;
    double max_x, max_y;
    bool found_label;
} count_ctx;

static void count_rect(void *ctx, double x, double y, double w, double h, uint32_t rgb)
{
    count_ctx *c = ctx;
    (void)rgb;
    c->rects++;
    if (x + w > c->max_x) c->max_x = x + w;
    if (y + h > c->max_y) c->max_y = y + h;
}

static void count_line(void *ctx, double x1, double y1, double x2, double y2, double w,
                       uint32_t rgb)
{
    (void)ctx, (void)x1, (void)y1, (void)x2, (void)y2, (void)w, (void)rgb;
}

static void count_text(void *ctx, double x, double y, const char *s, double size, jx_chart_anchor a,
                       bool bold, uint32_t rgb)
{
    count_ctx *c = ctx;
    (void)x, (void)size, (void)a, (void)bold, (void)rgb;
    c->texts++;
    if (y > c->max_y) c->max_y = y;
    if (strcmp(s, "20") == 0) c->found_label = true;
}

static void charts_stay_inside_their_box(void **state)
{
    (void)state;
    jx_chart c;
    grade_chart(&c);
    count_ctx k = {0};
    jx_chart_painter p = {&k, count_rect, count_line, count_text};
    jx_chart_paint(&c, 480, 8, &p);
    assert_int_equal(k.rects, 2 + 8); /* legend + 4 x 2 bars */
    assert_true(k.found_label);       /* the value 20 written exactly */
    assert_true(k.max_x <= 480);
    assert_true(k.max_y <= jx_chart_height(&c, 480, 8));
}

/* ---- column widths ------------------------------------------------------------------ */

static void columns_fit_their_figures_and_fill_the_width(void **state)
{
    (void)state;
    const char *h[] = {"序号", "项目", "全年预算数", "执行率%"};
    const char *rows[] = {"1", "Z智慧监管综合服务平台建设经费Z智慧监管综合服务平台建设经费",
                          "2447.487", "100.00"};
    double w[4], sum = 0;
    jx_doc_column_widths(&jx_doc_pdf_backend, h, rows, 1, 4, w);
    for (int i = 0; i < 4; i++)
        sum += w[i];
    assert_true(sum > 0.999 && sum < 1.001);
    double room = jx_doc_pdf_backend.table_width_em;
    assert_true(w[2] * room >= jx_text_em("2447.487")); /* the figure is not broken */
    assert_true(w[1] > w[2]);                           /* the text column takes the rest */
    char buf[64];
    assert_string_equal(jx_doc_header_lines("自评总分", 3, buf, sizeof buf), "自评\n总分");
    assert_string_equal(jx_doc_header_lines("错误/警告", 3, buf, sizeof buf), "错误/\n警告");
    assert_string_equal(jx_doc_header_lines("自评总分", 5, buf, sizeof buf), "自评总分");
}

/* ---- Word and PDF ----------------------------------------------------------------- */

static char *zip_entry(zip_t *z, const char *name, zip_uint64_t *len)
{
    zip_stat_t st;
    if (zip_stat(z, name, 0, &st) != 0) fail_msg("%s missing from the .docx", name);
    zip_file_t *f = zip_fopen(z, name, 0);
    assert_non_null(f);
    char *data = malloc(st.size + 1);
    assert_int_equal(zip_fread(f, data, st.size), (zip_int64_t)st.size);
    data[st.size] = '\0';
    zip_fclose(f);
    *len = st.size;
    return data;
}

static void docx_is_a_word_package(void **state)
{
    (void)state;
    mem_out m;
    write_doc(JX_DOC_DOCX, false, &m);
    zip_error_t ze;
    zip_source_t *src = zip_source_buffer_create(m.data, m.len, 0, &ze);
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &ze);
    assert_non_null(z);
    zip_uint64_t len;
    char *doc = zip_entry(z, "word/document.xml", &len);
    assert_non_null(strstr(doc, "<w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t "
                                "xml:space=\"preserve\">一、概况</w:t>"));
    assert_non_null(strstr(doc, "<w:tblHeader/>"));
    assert_non_null(strstr(doc, "&lt;f&gt; &amp; &quot;g&quot;\ttab\\back</w:t><w:br/>"));
    assert_non_null(strstr(doc, "r:embed=\"rIdChart1\""));
    assert_non_null(strstr(doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert_null(strstr(doc, "\r")); /* control characters dropped */
    free(doc);
    char *styles = zip_entry(z, "word/styles.xml", &len);
    assert_non_null(strstr(styles, "w:eastAsia=\"宋体\""));
    assert_non_null(strstr(styles, "w:eastAsia=\"黑体\""));
    assert_non_null(strstr(styles, "w:styleId=\"Heading3\""));
    free(styles);
    char *fonts = zip_entry(z, "word/fontTable.xml", &len);
    assert_non_null(strstr(fonts, "<w:altName w:val=\"Noto Serif CJK SC\"/>"));
    free(fonts);
    char *core = zip_entry(z, "docProps/core.xml", &len);
    assert_non_null(strstr(core, "<dc:title>报告 &lt;标题&gt;</dc:title>"));
    free(core);
    char *png = zip_entry(z, "word/media/chart1.png", &len);
    assert_true(len > 1000 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0);
    free(png);
    char *footer = zip_entry(z, "word/footer1.xml", &len);
    assert_non_null(strstr(footer, "PAGE"));
    free(footer);
    zip_close(z);
    free(m.data);
}

/* Does [data, data+len) hold the string s? */
static bool holds(const char *data, size_t len, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(data + i, s, n) == 0) return true;
    return false;
}

static void pdf_is_a4_with_a_fixed_date(void **state)
{
    (void)state;
    mem_out m;
    write_doc(JX_DOC_PDF, false, &m);
    assert_true(m.len > 1000 && memcmp(m.data, "%PDF-", 5) == 0);
    assert_true(holds(m.data, m.len, "/MediaBox [ 0 0 595.28 841.89 ]"));
    /* cairo 1.16 writes the date without the "D:" prefix; pdfinfo reads it */
    assert_true(holds(m.data, m.len, "/CreationDate (20000101000000Z)"));
    assert_true(holds(m.data, m.len, "/ModDate (20000101000000Z)"));
    assert_true(holds(m.data, m.len, "NotoSerifCJK"));
    assert_true(holds(m.data, m.len, "NotoSansCJK"));
    free(m.data);
}

static void a_bad_output_is_reported(void **state)
{
    (void)state;
    FILE *ro = fopen("/dev/full", "w");
    if (!ro) skip();
    setvbuf(ro, NULL, _IONBF, 0);
    jx_doc d;
    jx_doc_begin(&d, ro, JX_DOC_DOCX, "T");
    content(&d);
    assert_false(jx_doc_end(&d));
    assert_true(d.error[0] != '\0');
    fclose(ro);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(markdown_is_escaped_and_laid_out),
        cmocka_unit_test(html_is_a_page_with_an_svg_chart),
        cmocka_unit_test(replay_gives_the_same_bytes),
        cmocka_unit_test(rows_replay_into_an_open_table),
        cmocka_unit_test(damaged_streams_are_refused),
        cmocka_unit_test(the_lowest_40_of_10000_bars_are_kept),
        cmocka_unit_test(few_bars_keep_their_order_and_long_labels_are_cut),
        cmocka_unit_test(charts_stay_inside_their_box),
        cmocka_unit_test(columns_fit_their_figures_and_fill_the_width),
        cmocka_unit_test(docx_is_a_word_package),
        cmocka_unit_test(pdf_is_a4_with_a_fixed_date),
        cmocka_unit_test(a_bad_output_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
