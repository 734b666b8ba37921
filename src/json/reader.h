/* reader.h — a streaming JSON pull reader with exact numbers.
 *
 * Why not jansson: jansson turns every non-integer number into a double and
 * builds the whole document as a tree. jixiao must read money exactly (the
 * number's text goes to jx_dec_parse) and audit files of any size in bounded
 * memory, so the native format is read token by token; small documents
 * (rule sets) and single projects are made into trees with jx_json_tree().
 *
 * Errors carry the 1-based line and column of the offending character.
 * Limits: nesting depth 64, one string or number at most 1 MiB.
 */
#ifndef JX_JSON_READER_H
#define JX_JSON_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../base/arena.h"

#define JX_JSON_MAX_DEPTH 64
#define JX_JSON_MAX_STRING (1 << 20)

typedef enum {
    JX_JT_ERROR = -1,
    JX_JT_EOF = 0,
    JX_JT_OBJ_BEGIN,
    JX_JT_OBJ_END,
    JX_JT_ARR_BEGIN,
    JX_JT_ARR_END,
    JX_JT_KEY,    /* text() is the key */
    JX_JT_STRING, /* text() is the decoded UTF-8 string */
    JX_JT_NUMBER, /* text() is the number exactly as written */
    JX_JT_TRUE,
    JX_JT_FALSE,
    JX_JT_NULL
} jx_jtok;

typedef struct jx_jreader {
    FILE *fp; /* source, or NULL when reading memory */
    const unsigned char *mem;
    size_t mem_len;
    unsigned char buf[1 << 16]; /* file input is read into buf */
    const unsigned char *data;  /* what is being read: buf, or the caller's memory */
    size_t pos, len;
    bool eof;
    long line, col;         /* position of the next character */
    long tok_line, tok_col; /* start of the last token */
    char *text;             /* last key, string or number (NUL-terminated) */
    size_t text_len, text_cap;
    unsigned char stack[JX_JSON_MAX_DEPTH];
    int depth;
    int expect;    /* grammar state, see reader.c */
    bool finished; /* the top-level value has been read */
    char error[256];
    long error_line, error_col;
} jx_jreader;

void jx_jreader_init_file(jx_jreader *r, FILE *fp);
void jx_jreader_init_mem(jx_jreader *r, const char *data, size_t len);
void jx_jreader_free(jx_jreader *r);

/* Next token. After JX_JT_ERROR, error/error_line/error_col say why. */
jx_jtok jx_jreader_next(jx_jreader *r);
/* Skip the value that starts with token `first` (already read). */
bool jx_jreader_skip(jx_jreader *r, jx_jtok first);

/* ---- trees, for small documents ---------------------------------------- */

typedef enum {
    JX_JN_NULL,
    JX_JN_BOOL,
    JX_JN_NUMBER,
    JX_JN_STRING,
    JX_JN_ARRAY,
    JX_JN_OBJECT
} jx_jn_type;

typedef struct jx_jnode jx_jnode;
struct jx_jnode {
    jx_jn_type type;
    bool boolean;
    const char *text;       /* string value or number text */
    size_t count;           /* members of an array or object */
    jx_jnode **items;       /* array items or object values */
    const char **keys;      /* object keys (NULL for arrays) */
    long line, col;         /* where the value starts */
    long key_line, key_col; /* where its key starts, for members of an object */
};

/* Read the value starting with token `first` (already read) into a tree in
 * `arena`. Returns NULL on error (r->error says why). */
jx_jnode *jx_json_tree(jx_jreader *r, jx_jtok first, jx_arena *arena);
/* Member of an object by key, or NULL. */
const jx_jnode *jx_jnode_get(const jx_jnode *obj, const char *key);

#endif
