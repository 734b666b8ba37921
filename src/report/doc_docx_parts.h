/* doc_docx_parts.h — the fixed XML parts of a .docx (doc_docx_parts.c). */
#ifndef JX_DOC_DOCX_PARTS_H
#define JX_DOC_DOCX_PARTS_H

/* Text width of the page in twips: A4 11906 minus two 1134 margins. */
#define JX_DOCX_TEXT_TWIPS 9638

extern const char jx_docx_content_types[], jx_docx_package_rels[], jx_docx_document_rels_head[],
    jx_docx_image_rel_type[], jx_docx_app[], jx_docx_core_head[], jx_docx_core_tail[],
    jx_docx_table_borders[], jx_docx_font_table[], jx_docx_numbering[], jx_docx_settings[],
    jx_docx_footer[], jx_docx_document_head[], jx_docx_document_tail[];
/* word/styles.xml, in pieces (NULL-terminated). */
extern const char *const jx_docx_styles[];

#endif
