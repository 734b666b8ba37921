/* zipxml.h — what the .docx and .xlsx readers share: safe zip parts, XML
 * parsing, package relationships, cell text and rows held in memory.
 *
 * Office files are zip archives of XML parts. Both readers open the archive
 * with libzip, stream one part at a time into an expat parser and collect
 * rows. Everything here treats the file as hostile:
 *
 *   - at most JX_MAX_ZIP_ENTRIES entries; a part may expand to at most
 *     JX_MAX_ZIP_ENTRY bytes (checked against the size the archive states
 *     AND while inflating, so a lying header is caught too), and all parts
 *     read from one file together to at most JX_ZIP_TOTAL_BYTES;
 *   - XML is parsed in 64 KiB pieces (never held whole), nested at most
 *     JX_MAX_XML_DEPTH deep; a DOCTYPE or entity declaration (the "billion
 *     laughs" XML bomb) stops the parse; a single tag may not exceed
 *     JX_XML_MAX_TAG bytes (expat would otherwise buffer it whole);
 *   - one cell or paragraph holds at most JX_MAX_CELL_BYTES, one document
 *     at most JX_OFFICE_MAX_CELLS cells in all.
 *
 * Every failure is a message "中文 (English)" naming the part, and the line
 * and column for XML errors.
 */
#ifndef JX_ZIPXML_H
#define JX_ZIPXML_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/arena.h"
#include "rows.h"

#define JX_ZIP_TOTAL_BYTES (2ull * JX_MAX_ZIP_ENTRY) /* all parts read from one file */
#define JX_XML_MAX_TAG (4u * 1024 * 1024)            /* bytes between two '>' */
#define JX_OFFICE_MAX_CELLS (4u * 1024 * 1024)       /* cells in one document */

/* ---- the archive ---------------------------------------------------------- */

/* What kind of document is expected, for messages: {"Word 文档", ".docx"}. */
typedef struct jx_zip_kind {
    const char *zh;
    const char *en;
} jx_zip_kind;

typedef struct jx_zip jx_zip;

/* Open an archive; false with a message when it is not a readable zip, is an
 * old binary Office file, or has too many entries. */
bool jx_zip_open_path(const char *path, const jx_zip_kind *kind, jx_zip **out, char *err,
                      size_t errlen);
/* The same from memory; data must stay valid until jx_zip_close. */
bool jx_zip_open_mem(const void *data, size_t len, const jx_zip_kind *kind, jx_zip **out, char *err,
                     size_t errlen);
void jx_zip_close(jx_zip *z);
/* True when the archive holds the part (names compared ignoring case). */
bool jx_zip_has(jx_zip *z, const char *part);
/* Fill err with "文件已损坏或不是 …: 缺少 PART (not a valid …: PART is missing)". */
void jx_zip_missing(const jx_zip *z, const char *part, char *err, size_t errlen);

/* ---- XML parts ------------------------------------------------------------- */

/* The namespaces the readers look at (transitional and strict OOXML alike). */
enum {
    JX_NS_NONE,   /* no namespace (unprefixed attributes) */
    JX_NS_OTHER,  /* any namespace not listed here */
    JX_NS_W,      /* WordprocessingML main */
    JX_NS_SS,     /* SpreadsheetML main */
    JX_NS_R,      /* officeDocument relationships (r:id) */
    JX_NS_PKGREL, /* package relationships (*.rels) */
    JX_NS_MC      /* markup compatibility (mc:AlternateContent) */
};

typedef struct jx_xml jx_xml;

/* Callbacks for one part. Names arrive split into namespace and local name;
 * attrs alternate name/value as in expat, names still namespaced (use
 * jx_xml_attr). A callback may call jx_xml_fail to stop the parse. */
typedef struct jx_xml_handler {
    void (*start)(jx_xml *x, int ns, const char *name, const char **attrs);
    void (*end)(jx_xml *x, int ns, const char *name);
    void (*text)(jx_xml *x, const char *s, size_t len);
    void *user;
} jx_xml_handler;

/* Stream `part` through the handler. False with a message when the part is
 * missing, too large, not well-formed XML, too deep, has a DOCTYPE, or a
 * callback failed. */
bool jx_zip_parse(jx_zip *z, const char *part, const jx_xml_handler *h, char *err, size_t errlen);

void *jx_xml_user(const jx_xml *x);
/* Depth of the element being started or ended (the root is 1). */
int jx_xml_depth(const jx_xml *x);
/* Value of attribute (ns, name), NULL when absent. */
const char *jx_xml_attr(const char **attrs, int ns, const char *name);
/* Stop the parse with "PART 第 L 行第 C 列: ZH (PART line L, column C: EN)".
 * Both formats take the same arguments, in the same order. */
void jx_xml_fail(jx_xml *x, const char *zh_fmt, const char *en_fmt, ...)
    __attribute__((format(printf, 2, 4)));

/* ---- relationships ---------------------------------------------------------- */

typedef struct jx_rel {
    const char *id;
    const char *type;   /* the full type URI */
    const char *target; /* the part it names, resolved to a name inside the archive */
} jx_rel;

/* Relationships of `source` ("" for the package itself), read from
 * DIR/_rels/NAME.rels; none when that part does not exist. External targets
 * are left out. Held in arena a. */
bool jx_zip_rels(jx_zip *z, jx_arena *a, const char *source, jx_rel **rels, size_t *n, char *err,
                 size_t errlen);
/* The first relationship whose type ends in "/" + suffix, or NULL. */
const jx_rel *jx_rel_by_type(const jx_rel *rels, size_t n, const char *suffix);
const jx_rel *jx_rel_by_id(const jx_rel *rels, size_t n, const char *id);
/* The main document part named by the package relationships (officeDocument),
 * or `fallback` when there is none. */
bool jx_zip_main_part(jx_zip *z, jx_arena *a, const char *fallback, const char **part, char *err,
                      size_t errlen);

/* ---- cell text ---------------------------------------------------------------- */

/* The text of one cell or paragraph being collected (malloc'd, reused). */
typedef struct jx_cellbuf {
    char *data;
    size_t len, cap;
} jx_cellbuf;

/* Append; false when the text would pass JX_MAX_CELL_BYTES. */
bool jx_cellbuf_add(jx_cellbuf *b, const char *s, size_t n);
/* A trimmed copy in the arena (the shared "" when empty); the buffer is emptied. */
const char *jx_cellbuf_take(jx_cellbuf *b, jx_arena *a);
void jx_cellbuf_free(jx_cellbuf *b);
/* Write code point cp as UTF-8 into out; its length, 0 for a surrogate, NUL or
 * a value beyond U+10FFFF. */
size_t jx_utf8_put(char out[4], unsigned long cp);
/* Value of a hexadecimal digit, -1 when c is not one. */
int jx_hex_digit(char c);

/* ---- rows held in memory -------------------------------------------------------- */

/* A whole document's rows in one arena, handed out by a jx_rows. */
typedef struct jx_rowstore jx_rowstore;

jx_rowstore *jx_rowstore_new(void);
jx_arena *jx_rowstore_arena(jx_rowstore *s);
/* Keep a row (cells must live in the store's arena; the array is copied).
 * False when the document would hold more than JX_OFFICE_MAX_CELLS cells. */
bool jx_rowstore_add(jx_rowstore *s, const char *const *cells, size_t n, long line, int table,
                     bool paragraph);
/* Name a table (an .xlsx sheet); copied. */
void jx_rowstore_set_names(jx_rowstore *s, const char *const *names, size_t n);
/* Hand the store over to `out` (out->close frees it). */
void jx_rowstore_to_rows(jx_rowstore *s, jx_rows *out);
/* The store behind rows made by jx_rowstore_to_rows, NULL for other rows. */
const jx_rowstore *jx_rowstore_of(const jx_rows *rows);
/* Name of table `i`, NULL when there is none. */
const char *jx_rowstore_name(const jx_rowstore *s, int i);
void jx_rowstore_free(jx_rowstore *s);

/* The shared error message for cell totals. */
#define JX_MSG_TOO_MANY_CELLS_ZH "文档中的单元格超过 4194304 个"
#define JX_MSG_TOO_MANY_CELLS_EN "the document holds more than 4194304 cells"

#endif
