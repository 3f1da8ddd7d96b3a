/* diff_text.c — two texts compared token by token (Myers over interned
 * tokens) and turned into runs that read in order. Changes separated by
 * one or two unchanged tokens are merged into one, which reads better
 * ([-完成21个-]{+完成23个+} rather than three small changes). Also the
 * likeness of two texts, by which paragraphs are paired. */
#include "diff_internal.h"

#include <stdlib.h>
#include <string.h>

/* Changes at most this many tokens apart are merged. */
enum { MERGE_GAP = 2 };

/* Byte offset of token k (the text's end for k == n). */
static size_t token_pos(const diff_token *tok, size_t n, size_t len, size_t k)
{
    return k < n ? tok[k].at : len;
}

typedef struct runs {
    arena *a;
    VEC(diff_run) v;
} runs;

static void add_run(runs *r, diff_op op, const char *text, size_t from, size_t to)
{
    if (to > from) {
        diff_run run = {op, text + from, to - from, from};
        VEC_PUSH(&r->v, run);
    }
}

static void finish(runs *r, diff_text *out)
{
    out->runs = arena_alloc(r->a, (r->v.count ? r->v.count : 1) * sizeof *out->runs);
    if (r->v.count) /* memcpy from NULL is undefined, even of nothing */
        memcpy(out->runs, r->v.items, r->v.count * sizeof *out->runs);
    out->nruns = r->v.count;
    free(r->v.items);
}

/* Merge hunks whose gap is at most MERGE_GAP tokens (in the text after;
 * the gap is the same tokens in both). Returns the new count. */
static size_t merge_near(diff_hunk *h, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k > 0 && h[i].b0 - h[k - 1].b1 <= MERGE_GAP) {
            h[k - 1].a1 = h[i].a1;
            h[k - 1].b1 = h[i].b1;
        } else {
            h[k++] = h[i];
        }
    }
    return k;
}

static void set_sides(diff_text *out, const char *before, size_t before_len, const char *after,
                      size_t after_len)
{
    out->before = before ? before : "";
    out->before_len = before ? before_len : 0;
    out->after = after ? after : "";
    out->after_len = after ? after_len : 0;
}

void diff_text_whole(arena *a, const char *before, size_t before_len, const char *after,
                     size_t after_len, diff_text *out)
{
    memset(out, 0, sizeof *out);
    set_sides(out, before, before_len, after, after_len);
    runs r = {a, {0}};
    add_run(&r, DIFF_DELETED, out->before, 0, out->before_len);
    add_run(&r, DIFF_INSERTED, out->after, 0, out->after_len);
    out->changed = r.v.count > 0;
    finish(&r, out);
}

void diff_text_compare(diff_intern *t, arena *a, const char *before, size_t before_len,
                       const char *after, size_t after_len, diff_text *out)
{
    memset(out, 0, sizeof *out);
    set_sides(out, before, before_len, after, after_len);
    before = out->before;
    after = out->after;
    before_len = out->before_len;
    after_len = out->after_len;
    runs r = {a, {0}};
    if (before_len == after_len && memcmp(before, after, after_len) == 0) {
        add_run(&r, DIFF_EQUAL, after, 0, after_len);
        finish(&r, out);
        return;
    }
    diff_token *ta, *tb;
    size_t n = diff_tokenize(t, before, before_len, &ta),
           m = diff_tokenize(t, after, after_len, &tb);
    uint32_t *ia = xmalloc((n + 1) * sizeof *ia), *ib = xmalloc((m + 1) * sizeof *ib);
    for (size_t i = 0; i < n; i++)
        ia[i] = ta[i].id;
    for (size_t j = 0; j < m; j++)
        ib[j] = tb[j].id;
    bool *del = xmalloc(n + 1), *ins = xmalloc(m + 1);
    diff_sequences(ia, n, ib, m, del, ins);
    diff_hunk *h;
    size_t nh = diff_hunks(del, n, ins, m, &h);
    nh = merge_near(h, nh);
    size_t kept = 0; /* tokens of the text after written so far */
    for (size_t k = 0; k < nh; k++) {
        add_run(&r, DIFF_EQUAL, after, token_pos(tb, m, after_len, kept),
                token_pos(tb, m, after_len, h[k].b0));
        add_run(&r, DIFF_DELETED, before, token_pos(ta, n, before_len, h[k].a0),
                token_pos(ta, n, before_len, h[k].a1));
        add_run(&r, DIFF_INSERTED, after, token_pos(tb, m, after_len, h[k].b0),
                token_pos(tb, m, after_len, h[k].b1));
        kept = h[k].b1;
    }
    add_run(&r, DIFF_EQUAL, after, token_pos(tb, m, after_len, kept), after_len);
    out->changed = nh > 0;
    finish(&r, out);
    free(h);
    free(del);
    free(ins);
    free(ia);
    free(ib);
    free(ta);
    free(tb);
}

void diff_compare_text(arena *a, const char *before, size_t before_len, const char *after,
                       size_t after_len, diff_text *out)
{
    diff_intern *t = diff_intern_new();
    diff_text_compare(t, a, before, before_len, after, after_len, out);
    diff_intern_free(t);
}

/* ---- likeness ---- */

static int cmp_id(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

uint32_t *diff_sorted_ids(const diff_token *tokens, size_t n)
{
    uint32_t *ids = xmalloc((n + 1) * sizeof *ids);
    for (size_t i = 0; i < n; i++)
        ids[i] = tokens[i].id;
    qsort(ids, n, sizeof *ids, cmp_id);
    return ids;
}

uint32_t *diff_sorted_pairs(const diff_token *tokens, size_t n, size_t *count)
{
    uint32_t *ids = xmalloc((n + 1) * sizeof *ids);
    *count = n == 1 ? 1 : n ? n - 1 : 0;
    if (n == 1)
        ids[0] = tokens[0].id;
    for (size_t i = 0; i + 1 < n; i++) /* a hash of the two ids: collisions only blur likeness */
        ids[i] = (tokens[i].id * 2654435761u) ^ (tokens[i + 1].id + 0x9e3779b9u);
    qsort(ids, *count, sizeof *ids, cmp_id);
    return ids;
}

static size_t common(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
    size_t i = 0, j = 0, k = 0;
    while (i < n && j < m) {
        if (a[i] == b[j])
            k++, i++, j++;
        else if (a[i] < b[j])
            i++;
        else
            j++;
    }
    return k;
}

double diff_likeness(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
    return n + m == 0 ? 1 : 2.0 * (double)common(a, n, b, m) / (double)(n + m);
}

double diff_containment(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
    size_t least = n < m ? n : m;
    return least ? (double)common(a, n, b, m) / (double)least : 0;
}
