/* writer.h — a buffered streaming JSON writer with exact decimals.
 *
 * Numbers are written from jx_dec exactly ("99.18", never "99.180000000001").
 * Objects and arrays nested up to `pretty_depth` are laid out one member per
 * line; deeper ones stay on one line (an indicator is one line of output).
 */
#ifndef JX_JSON_WRITER_H
#define JX_JSON_WRITER_H

#include <stdbool.h>
#include <stdio.h>

#include "../value/dec.h"

typedef struct jx_jwriter {
    FILE *fp;
    char buf[1 << 16];
    size_t len;
    int depth;
    int pretty_depth; /* 0 = everything on one line */
    bool first[64];   /* no member written yet at this depth */
    bool lines[64];   /* this array puts each item on its own line */
    bool after_key;
    bool failed; /* a write to fp failed */
} jx_jwriter;

void jx_jw_init(jx_jwriter *w, FILE *fp, int pretty_depth);
void jx_jw_obj_begin(jx_jwriter *w);
void jx_jw_obj_end(jx_jwriter *w);
void jx_jw_arr_begin(jx_jwriter *w);
/* An array whose items each get a line (when pretty_depth > 0), however deep. */
void jx_jw_arr_begin_lines(jx_jwriter *w);
void jx_jw_arr_end(jx_jwriter *w);
void jx_jw_key(jx_jwriter *w, const char *key);
void jx_jw_str(jx_jwriter *w, const char *s);                /* NULL writes null */
void jx_jw_dec(jx_jwriter *w, jx_dec v);                     /* JX_NONE writes null */
void jx_jw_dec_fixed(jx_jwriter *w, jx_dec v, int decimals); /* "84.30" */
void jx_jw_int(jx_jwriter *w, long long v);
void jx_jw_bool(jx_jwriter *w, bool v);
void jx_jw_null(jx_jwriter *w);
/* Write what is buffered; returns false if any write failed. */
bool jx_jw_flush(jx_jwriter *w);

#endif
