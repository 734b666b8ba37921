/* checks.h — the consistency checks of SPEC §6 on a scored project.
 *
 * jx_check() compares what the document states with itself and with what
 * jx_score() computed, and records findings with stable codes (the
 * catalogue is docs/findings.md). Call jx_score() first.
 */
#ifndef JX_CHECKS_H
#define JX_CHECKS_H

#include "../model/project.h"
#include "../rules/ruleset.h"

void jx_check(jx_project *p, const jx_rules *rules);

/* Score and check: what `audit` does to each project. */
void jx_audit_project(jx_project *p, const jx_rules *rules);

#endif
