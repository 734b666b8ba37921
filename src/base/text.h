/* text.h — Unicode text helpers: normalisation and terminal width.
 *
 * Documents mix full-width and half-width forms (１２３．４５, ＜, ％, ，).
 * jx_text_nfkc() folds them with Unicode NFKC (utf8proc); jx_text_width()
 * gives the columns a string takes in a terminal (CJK characters take two).
 */
#ifndef JX_TEXT_H
#define JX_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* NFKC-normalised copy of s (arena-allocated). Invalid UTF-8 is copied as is. */
char *jx_text_nfkc(jx_arena *a, const char *s);
/* Remove every whitespace character (ASCII and U+3000) in place. */
void jx_text_squeeze(char *s);
/* Trim leading and trailing whitespace in place; returns s. */
char *jx_text_trim(char *s);
/* Columns the UTF-8 string takes in a terminal. */
int jx_text_width(const char *s);
/* True when [s, s+len) is well-formed UTF-8. */
bool jx_text_valid_utf8(const char *s, size_t len);
/* Byte length of the longest prefix of s that fits in `cols` columns. */
size_t jx_text_fit(const char *s, int cols);
/* True when s (whitespace ignored) equals t. */
bool jx_text_eq_squeezed(const char *s, const char *t);

#endif
