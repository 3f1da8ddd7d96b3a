/* diff_intern.c — byte strings to small integer ids: an open-addressing
 * hash table (FNV-1a) over strings the caller keeps, so that the sequence
 * diff compares integers and equal ids mean equal bytes. */
#include "diff_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    uint64_t hash;
    const char *s;
    size_t len;
    unsigned tag;
    uint32_t id; /* 0: empty slot; ids are 1-based */
} entry;

struct diff_intern {
    entry *slots;
    size_t cap; /* a power of two */
    size_t count;
};

static uint64_t hash_bytes(unsigned tag, const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u ^ tag;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return h;
}

diff_intern *diff_intern_new(void)
{
    diff_intern *t = xcalloc(1, sizeof *t);
    t->cap = 1024;
    t->slots = xcalloc(t->cap, sizeof *t->slots);
    return t;
}

static void grow(diff_intern *t)
{
    entry *old = t->slots;
    size_t old_cap = t->cap;
    t->cap *= 2;
    t->slots = xcalloc(t->cap, sizeof *t->slots);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].id)
            continue;
        size_t k = old[i].hash & (t->cap - 1);
        while (t->slots[k].id)
            k = (k + 1) & (t->cap - 1);
        t->slots[k] = old[i];
    }
    free(old);
}

uint32_t diff_intern_id(diff_intern *t, unsigned tag, const char *s, size_t len)
{
    if (2 * (t->count + 1) > t->cap)
        grow(t);
    uint64_t h = hash_bytes(tag, s, len);
    size_t k = h & (t->cap - 1);
    while (t->slots[k].id) {
        const entry *e = &t->slots[k];
        if (e->hash == h && e->tag == tag && e->len == len && (len == 0 || !memcmp(e->s, s, len)))
            return e->id;
        k = (k + 1) & (t->cap - 1);
    }
    t->slots[k] = (entry){h, s, len, tag, (uint32_t)++t->count};
    return t->slots[k].id;
}

void diff_intern_free(diff_intern *t)
{
    if (!t)
        return;
    free(t->slots);
    free(t);
}
