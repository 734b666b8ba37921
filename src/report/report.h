/* report.h — the 绩效自评工作报告 (SPEC §7) from the project tables.
 *
 * Structure of seeds 000/001: 一、绩效自评工作组织开展情况 · 二、绩效目标实现情况
 * (per project) · 三、绩效目标设定质量情况 · 四、整改措施及结果应用, and an
 * appendix table of every project. Every number comes from the data; every
 * sentence that cannot come from data is the table's own text, and where a
 * table has none the report says 表中未填写 rather than inventing one.
 *
 * The files are read twice (the totals come first in the report), so memory
 * stays bounded whatever their number.
 */
#ifndef JX_REPORT_H
#define JX_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "../rules/ruleset.h"
#include "doc.h"

/* Write the report of all projects in `files`. Returns false if a file could
 * not be read (message in err; the report is still written from the rest). */
bool jx_report_write(const char *const *files, int nfiles, const jx_rules *rules,
                     jx_doc_format format, FILE *out, char *err, size_t errlen);

#endif
