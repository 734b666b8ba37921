/* text.c — NFKC folding, whitespace handling and display width (utf8proc). */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static bool all_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80) return false;
    return true;
}

char *jx_text_nfkc(jx_arena *a, const char *s)
{
    if (!s) return NULL;
    if (all_ascii(s)) return jx_arena_strdup(a, s);
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    if (n < 0) return jx_arena_strdup(a, s);
    char *r = jx_arena_strndup(a, (const char *)out, (size_t)n);
    free(out);
    return r;
}

/* Length of a whitespace character at s, 0 if none. */
static size_t space_len(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80) return 3;
    if (c == 0xC2 && (unsigned char)s[1] == 0xA0) return 2; /* no-break space */
    return 0;
}

void jx_text_squeeze(char *s)
{
    char *w = s;
    while (*s) {
        size_t n = space_len(s);
        if (n) {
            s += n;
            continue;
        }
        *w++ = *s++;
    }
    *w = '\0';
}

char *jx_text_trim(char *s)
{
    char *start = s;
    size_t n;
    while ((n = space_len(start)) != 0)
        start += n;
    if (start != s) memmove(s, start, strlen(start) + 1);
    size_t len = strlen(s);
    while (len > 0) {
        if (space_len(s + len - 1) == 1) {
            len -= 1;
        } else if (len >= 2 && space_len(s + len - 2) == 2) {
            len -= 2;
        } else if (len >= 3 && space_len(s + len - 3) == 3) {
            len -= 3;
        } else {
            break;
        }
        s[len] = '\0';
    }
    return s;
}

int jx_text_width(const char *s)
{
    int width = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (*p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
        if (n <= 0) {
            p++;
            width++;
            continue;
        }
        int w = utf8proc_charwidth(cp);
        width += w < 0 ? 0 : w;
        p += n;
    }
    return width;
}

size_t jx_text_fit(const char *s, int cols)
{
    int width = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (*p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
        int w = 1;
        if (n <= 0) {
            n = 1;
        } else {
            w = utf8proc_charwidth(cp);
            if (w < 0) w = 0;
        }
        if (width + w > cols) break;
        width += w;
        p += n;
    }
    return (size_t)(p - (const utf8proc_uint8_t *)s);
}

bool jx_text_valid_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        /* ASCII runs 8 bytes at a time */
        while (end - p >= 8) {
            uint64_t word;
            memcpy(&word, p, 8);
            if (word & 0x8080808080808080ULL) break;
            p += 8;
        }
        if (p >= end) break;
        unsigned char c = *p;
        if (c < 0x80) {
            p++;
            continue;
        }
        size_t n;
        uint32_t cp;
        if ((c & 0xE0) == 0xC0) {
            n = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if ((size_t)(end - p) < n) return false;
        for (size_t i = 1; i < n; i++) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += n;
    }
    return true;
}

bool jx_text_eq_squeezed(const char *s, const char *t)
{
    if (!s || !t) return false;
    for (;;) {
        size_t n;
        while ((n = space_len(s)) != 0)
            s += n;
        while ((n = space_len(t)) != 0)
            t += n;
        if (!*s || !*t) return !*s && !*t;
        if (*s != *t) return false;
        s++;
        t++;
    }
}
