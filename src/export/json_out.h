/* json_out.h — a project and its findings as the JSON of SPEC §11. */
#ifndef JX_JSON_OUT_H
#define JX_JSON_OUT_H

#include "../json/writer.h"
#include "../model/project.h"

void jx_json_write_project(jx_jwriter *w, const jx_project *p);
void jx_json_write_finding(jx_jwriter *w, const jx_finding *f);
/* The members of a finding object, for writers that add members of their own. */
void jx_json_write_finding_members(jx_jwriter *w, const jx_finding *f);

#endif
