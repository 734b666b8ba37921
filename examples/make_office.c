/* make_office.c — writes examples/xiangshan-2023.docx and .xlsx.
 *
 * The first 自评表 of seed 004 (区政府工作经费, 相山区政府办公室 2023) as a Word
 * table and an Excel sheet, with its merged cells, using the writer the tests
 * use (tests/unit/officegen.h). Run by `make examples`; the files are
 * committed so `make run` needs nothing but jixiao.
 */
#include "../tests/unit/officegen.h"

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "examples";
    char path[512];

    og_docx d = {0};
    og_docx_para(&d, "1、区政府工作经费项目绩效自评表");
    og_docx_para(&d, "项目支出绩效自评表");
    og_docx_para(&d, "(2023年度)");
    og_docx_table(&d, OG_SEED004_GRID, og_seed004_table, OG_SEED004_ROWS);
    snprintf(path, sizeof path, "%s/xiangshan-2023.docx", dir);
    if (!og_docx_write(&d, path)) return 1;

    og_xlsx x = {0};
    og_xlsx_sheet(&x, "区政府工作经费");
    static const char *const title[] = {"区政府工作经费项目支出绩效自评表{9}", "(2023年度){9}"};
    og_xlsx_table(&x, 1, title, 2);
    og_xlsx_table(&x, 3, og_seed004_table, OG_SEED004_ROWS);
    snprintf(path, sizeof path, "%s/xiangshan-2023.xlsx", dir);
    if (!og_xlsx_write(&x, path)) return 1;
    return 0;
}
