/* accounts_doc.h — a checked 决算 disclosure written as a document (doc.h:
 * Markdown, HTML, Word, PDF). */
#ifndef JX_ACCOUNTS_DOC_H
#define JX_ACCOUNTS_DOC_H

#include "../accounts/accounts.h"
#include "doc.h"

/* Write the check results, the tables, a chart of the expenditure structure
 * and the 情况说明 into d (between jx_doc_begin and jx_doc_end).
 * written_text: the 情况说明 written from the tables (jx_accounts_write_text),
 * or NULL to show the document's own paragraphs. */
void jx_accounts_write_doc(jx_doc *d, const jx_accounts *a, const char *written_text);

#endif
