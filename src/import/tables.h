/* tables.h — finding 项目支出绩效自评表 in rows and mapping them onto projects.
 *
 * Works on jx_rows from any importer. A table starts at a title
 * ("…项目支出绩效自评表") or at a 项目名称 row, and holds: header (name, year,
 * 主管部门, 实施/预算单位), funds block, 年度总体目标, indicator rows, 总分
 * and grade, and the analysis texts. Real tables shift cells and drop
 * merged ones, so cells are placed by what they are (a level-1 name, a
 * target, a plain number, …) and, for the funds block, by the row's own
 * arithmetic; every move is reported. Nothing is silently dropped: a row
 * that cannot be placed becomes an IMPORT-UNPLACED finding.
 */
#ifndef JX_TABLES_H
#define JX_TABLES_H

#include "../model/project.h"
#include "import.h"
#include "rows.h"

/* Read every table of `rows`, calling fn for each project (its arena is
 * reset after the call). Returns false when the rows could not be read
 * (res->error says why). */
bool jx_tables_read(jx_rows *rows, jx_project_fn fn, void *ctx, jx_import_result *res);

#endif
