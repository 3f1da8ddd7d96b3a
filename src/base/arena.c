/* arena.c — arenas: a chain of blocks, everything freed at once; and pools
 * of mapped chunks that many small arenas take their blocks from, so that
 * memory freed arena by arena goes back to the system chunk by chunk. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "base.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* ---- pools ---- */

typedef struct pool_chunk {
    char *base; /* NULL once given back */
    size_t size, used;
    size_t blocks; /* blocks handed out and not yet returned */
} pool_chunk;

struct arena_pool {
    VEC(pool_chunk) chunks;
    size_t chunk_size;
};

arena_pool *arena_pool_new(size_t chunk_size)
{
    arena_pool *p = xcalloc(1, sizeof *p);
    p->chunk_size = chunk_size;
    return p;
}

static void unmap_chunk(pool_chunk *c)
{
    munmap(c->base, c->size);
    c->base = NULL;
}

/* `size` bytes from the current chunk, or from a new one; *chunk says which. */
static void *pool_take(arena_pool *p, size_t size, uint32_t *chunk)
{
    const size_t page = 4096;
    size = (size + page - 1) & ~(page - 1); /* blocks never share a page */
    pool_chunk *c = p->chunks.count ? &p->chunks.items[p->chunks.count - 1] : NULL;
    if (!c || c->size - c->used < size) {
        if (c && c->blocks == 0)
            unmap_chunk(c); /* nothing in it any more, and nothing will come */
        pool_chunk fresh = {0};
        fresh.size = size > p->chunk_size ? size : p->chunk_size;
        void *m =
            mmap(NULL, fresh.size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) {
            fputs("briefc: error: out of memory\n", stderr);
            abort();
        }
        fresh.base = m;
        VEC_PUSH(&p->chunks, fresh);
        c = &p->chunks.items[p->chunks.count - 1];
    }
    void *out = c->base + c->used;
    c->used += size;
    c->blocks++;
    *chunk = (uint32_t)(c - p->chunks.items);
    return out;
}

static void pool_give_back(arena_pool *p, uint32_t chunk)
{
    pool_chunk *c = &p->chunks.items[chunk];
    /* the last chunk stays while blocks may still come from it */
    if (--c->blocks == 0 && chunk + 1 < p->chunks.count)
        unmap_chunk(c);
}

size_t arena_pool_mapped(const arena_pool *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->chunks.count; i++)
        if (p->chunks.items[i].base)
            n += p->chunks.items[i].size;
    return n;
}

void arena_pool_free(arena_pool *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->chunks.count; i++)
        if (p->chunks.items[i].base)
            unmap_chunk(&p->chunks.items[i]);
    free(p->chunks.items);
    free(p);
}

/* ---- arenas: a chain of blocks; large requests get a block of their own ---- */

typedef struct arena_block {
    struct arena_block *next;
    size_t used, size;
    uint32_t chunk;     /* its pool's chunk, when the arena has a pool */
    max_align_t data[]; /* aligned storage follows */
} arena_block;

struct arena {
    arena_block *head;
    size_t block;     /* the size of a shared block */
    arena_pool *pool; /* where blocks come from; NULL: the heap */
};

enum { ARENA_BLOCK = 64 * 1024 };

arena *arena_new(void)
{
    arena *a = xcalloc(1, sizeof(arena));
    a->block = ARENA_BLOCK;
    return a;
}

arena *arena_new_in(arena_pool *pool, size_t block)
{
    arena *a = arena_new();
    a->block = block;
    a->pool = pool;
    return a;
}

static arena_block *new_block(arena *a, size_t size)
{
    size_t total = sizeof(arena_block) + size;
    uint32_t chunk = 0;
    arena_block *b = a->pool ? pool_take(a->pool, total, &chunk) : xmalloc(total);
    b->used = 0;
    b->size = size;
    b->chunk = chunk;
    return b;
}

void *arena_alloc(arena *a, size_t size)
{
    const size_t align = _Alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        b = new_block(a, size > a->block / 4 ? size : a->block);
        if (size > a->block / 4 && a->head) {
            /* keep the current block for small allocations */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    if (!a->pool) /* a pool's memory is fresh from the system: zero already */
        memset(p, 0, size);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = arena_alloc(a, (size_t)(n < 0 ? 0 : n) + 1);
    if (n > 0)
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void arena_reset(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        if (a->pool)
            pool_give_back(a->pool, b->chunk);
        else
            free(b);
        b = next;
    }
    a->head = NULL;
}

void arena_free(arena *a)
{
    if (!a)
        return;
    arena_reset(a);
    free(a);
}
