/* arena.h — a bump allocator for everything that lives as long as one project.
 *
 * The audit streams: each project is read, scored, checked, written and then
 * its arena is reset, so memory stays bounded however many projects a file
 * holds. Allocation failure aborts with a message (there is no sensible way
 * to go on without memory).
 */
#ifndef JX_ARENA_H
#define JX_ARENA_H

#include <stddef.h>

typedef struct jx_arena_block jx_arena_block;

typedef struct jx_arena {
    jx_arena_block *head; /* block being filled */
    jx_arena_block *free; /* blocks kept for reuse after a reset */
    size_t used_total;
} jx_arena;

void jx_arena_init(jx_arena *a);
void *jx_arena_alloc(jx_arena *a, size_t size);
void *jx_arena_calloc(jx_arena *a, size_t count, size_t size);
char *jx_arena_strndup(jx_arena *a, const char *s, size_t len);
char *jx_arena_strdup(jx_arena *a, const char *s);
char *jx_arena_printf(jx_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Grow an array allocated from the arena (old contents copied). */
void *jx_arena_grow(jx_arena *a, void *old, size_t old_bytes, size_t new_bytes);
/* Forget everything allocated; keep the memory for reuse. */
void jx_arena_reset(jx_arena *a);
void jx_arena_free(jx_arena *a);

/* malloc/realloc that abort with a message on failure. */
void *jx_xmalloc(size_t size);
void *jx_xrealloc(void *p, size_t size);

#endif
