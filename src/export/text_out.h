/* text_out.h — audit results for a person reading a terminal. */
#ifndef JX_TEXT_OUT_H
#define JX_TEXT_OUT_H

#include <stdio.h>

#include "../model/project.h"
#include "../rules/ruleset.h"

/* One block per project: funds, indicators in aligned columns (CJK-aware),
 * totals, findings grouped by severity. */
void jx_text_write_project(FILE *out, const jx_project *p, const jx_rules *rules, size_t number);

#endif
