/* xlsx_out.h — the projects as an Excel workbook (.xlsx), streamed.
 *
 * Sheets, in this order:
 *   汇总        one row per project (budget, executed, rate, totals claimed /
 *               recomputed / by rule, grades, finding counts), autofilter,
 *               frozen header, a 合计 row of formulas with cached values;
 *   问题清单    one row per finding (project, severity, code, indicator,
 *               field, message), autofilter, frozen header;
 *   one sheet per project, the standard 项目支出绩效自评表 layout, for the
 *               first `project_sheets` projects (default
 *               JX_XLSX_PROJECT_SHEETS); every later project is written as a
 *               block of the same layout, one after another, on
 *   自评表明细  (without merged cells, so memory stays bounded).
 *
 * Amounts, rates and scores are numbers with number formats, never text;
 * totals are formulas whose values are cached. The workbook is written with
 * libxlsxwriter's constant_memory option: each sheet's rows go to a
 * temporary file as they are written, so memory does not grow with the
 * number of projects (each project sheet holds one open temporary file until
 * the end, which is why their number is limited). The same input gives a
 * byte-identical file (fixed document date; libxlsxwriter dates the zip
 * entries 1980-01-01).
 */
#ifndef JX_XLSX_OUT_H
#define JX_XLSX_OUT_H

#include <stdbool.h>
#include <stddef.h>

#include "../model/project.h"

/* Projects that get a sheet of their own; later ones go to 自评表明细. */
#define JX_XLSX_PROJECT_SHEETS 250

typedef struct jx_xlsx jx_xlsx;

typedef struct jx_xlsx_options {
    const char *rules_name; /* rule set named in the headers ("mof-2020") */
    long project_sheets;    /* < 0: JX_XLSX_PROJECT_SHEETS */
    const char *tmpdir;     /* temporary files; NULL: the system's */
} jx_xlsx_options;

/* Start a workbook to be written to `path`. NULL with a message naming the
 * file in err when it cannot be started. */
jx_xlsx *jx_xlsx_create(const char *path, const jx_xlsx_options *opt, char *err, size_t errlen);

/* Add a project that has been scored and checked (jx_audit_project); its
 * rows are written now, so the project may be dropped afterwards. `source`
 * names the file it came from (may be NULL). False after a write error (the
 * message is given by jx_xlsx_close). */
bool jx_xlsx_add(jx_xlsx *x, const jx_project *p, const char *source);

/* Write the totals and the column widths, assemble the file and free x.
 * False with a message naming the file in err when anything failed. */
bool jx_xlsx_close(jx_xlsx *x, char *err, size_t errlen);

#endif
