/* arena.c — bump allocator with block reuse; see arena.h. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_MIN (64 * 1024)
#define ALIGN 16

struct jx_arena_block {
    jx_arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

void *jx_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p) {
        fprintf(stderr, "jixiao: 内存不足 (out of memory, %zu bytes)\n", size);
        abort();
    }
    return p;
}

void *jx_xrealloc(void *old, size_t size)
{
    void *p = realloc(old, size ? size : 1);
    if (!p) {
        fprintf(stderr, "jixiao: 内存不足 (out of memory, %zu bytes)\n", size);
        abort();
    }
    return p;
}

void jx_arena_init(jx_arena *a)
{
    memset(a, 0, sizeof *a);
}

static jx_arena_block *new_block(jx_arena *a, size_t need)
{
    /* Reuse a kept block if it is big enough. */
    jx_arena_block **pp = &a->free;
    while (*pp) {
        if ((*pp)->size >= need) {
            jx_arena_block *b = *pp;
            *pp = b->next;
            b->used = 0;
            return b;
        }
        pp = &(*pp)->next;
    }
    size_t size = need > BLOCK_MIN ? need : BLOCK_MIN;
    jx_arena_block *b = jx_xmalloc(sizeof *b + size);
    b->size = size;
    b->used = 0;
    b->next = NULL;
    return b;
}

void *jx_arena_alloc(jx_arena *a, size_t size)
{
    size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (size == 0) size = ALIGN;
    jx_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        b = new_block(a, size);
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used_total += size;
    return p;
}

void *jx_arena_calloc(jx_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) {
        fprintf(stderr, "jixiao: 内存请求过大 (allocation overflow)\n");
        abort();
    }
    void *p = jx_arena_alloc(a, count * size);
    memset(p, 0, count * size);
    return p;
}

char *jx_arena_strndup(jx_arena *a, const char *s, size_t len)
{
    char *p = jx_arena_alloc(a, len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *jx_arena_strdup(jx_arena *a, const char *s)
{
    return s ? jx_arena_strndup(a, s, strlen(s)) : NULL;
}

char *jx_arena_printf(jx_arena *a, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return jx_arena_strdup(a, "");
    if ((size_t)n < sizeof small) return jx_arena_strndup(a, small, (size_t)n);
    char *p = jx_arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void *jx_arena_grow(jx_arena *a, void *old, size_t old_bytes, size_t new_bytes)
{
    void *p = jx_arena_alloc(a, new_bytes);
    if (old && old_bytes) memcpy(p, old, old_bytes < new_bytes ? old_bytes : new_bytes);
    return p;
}

void jx_arena_reset(jx_arena *a)
{
    while (a->head) {
        jx_arena_block *b = a->head;
        a->head = b->next;
        b->next = a->free;
        a->free = b;
    }
    a->used_total = 0;
}

void jx_arena_free(jx_arena *a)
{
    jx_arena_reset(a);
    while (a->free) {
        jx_arena_block *b = a->free;
        a->free = b->next;
        free(b);
    }
}
