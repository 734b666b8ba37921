/* overall_doc.h — the whole-department evaluation written as a document
 * (doc.h: Markdown, HTML, Word, PDF). */
#ifndef JX_OVERALL_DOC_H
#define JX_OVERALL_DOC_H

#include "../overall/overall.h"
#include "doc.h"

/* Write the evaluation (indicator table, subtotals, a chart of claimed vs rule
 * scores by level, totals, findings) into d, between jx_doc_begin and jx_doc_end. */
void jx_overall_write_doc(jx_doc *d, const jx_overall *o);

#endif
