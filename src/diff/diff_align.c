/* diff_align.c — two sequences of things (sections, blocks, rows, tasks)
 * aligned. Things with equal ids are the same, found by diff_sequences, so
 * an insertion does not shift what follows. Between two of those, what is
 * left on each side is paired by likeness: the alignment, in order, with
 * the greatest total likeness (a small dynamic programme, like the
 * weighted LCS of the stretch), so that an edited paragraph is one change
 * and a new one an addition. Stretches too long for that are paired by
 * place. */
#include "diff_internal.h"

#include <stdlib.h>

/* Stretches of up to this many pairs are aligned by likeness. */
enum { DP_LIMIT = 16384 };

typedef VEC(diff_step) step_list;

static void push(step_list *s, size_t before, size_t after, bool same)
{
    diff_step st = {before, after, same};
    VEC_PUSH(s, st);
}

typedef struct gap {
    size_t a0, a1, b0, b1;
    diff_like_fn like;
    void *ctx;
    double threshold;
} gap;

/* Pair the k-th of each side when alike enough; the rest alone. */
static void pair_by_place(step_list *s, const gap *g)
{
    size_t p = g->a1 - g->a0, q = g->b1 - g->b0, k = 0;
    for (; k < p && k < q; k++) {
        if (g->like(g->ctx, g->a0 + k, g->b0 + k) >= g->threshold) {
            push(s, g->a0 + k, g->b0 + k, false);
        } else {
            push(s, g->a0 + k, SIZE_MAX, false);
            push(s, SIZE_MAX, g->b0 + k, false);
        }
    }
    for (size_t i = k; i < p; i++)
        push(s, g->a0 + i, SIZE_MAX, false);
    for (size_t j = k; j < q; j++)
        push(s, SIZE_MAX, g->b0 + j, false);
}

/* The pairing of greatest total likeness, in order. */
static void pair_by_likeness(step_list *s, const gap *g)
{
    size_t p = g->a1 - g->a0, q = g->b1 - g->b0, w = q + 1;
    double *like = xmalloc(p * q * sizeof *like), *best = xcalloc((p + 1) * w, sizeof *best);
    for (size_t i = 0; i < p; i++)
        for (size_t j = 0; j < q; j++) {
            double l = g->like(g->ctx, g->a0 + i, g->b0 + j);
            like[i * q + j] = l >= g->threshold ? l : -1;
        }
    for (size_t i = 1; i <= p; i++)
        for (size_t j = 1; j <= q; j++) {
            double v = best[(i - 1) * w + j] > best[i * w + j - 1] ? best[(i - 1) * w + j]
                                                                   : best[i * w + j - 1];
            double l = like[(i - 1) * q + j - 1];
            if (l >= 0 && best[(i - 1) * w + j - 1] + l > v)
                v = best[(i - 1) * w + j - 1] + l;
            best[i * w + j] = v;
        }
    /* walk back; the steps come out last first */
    step_list rev = {0};
    size_t i = p, j = q;
    while (i > 0 || j > 0) {
        double l = i && j ? like[(i - 1) * q + j - 1] : -1;
        if (i && j && l >= 0 && best[i * w + j] == best[(i - 1) * w + j - 1] + l) {
            push(&rev, g->a0 + --i, g->b0 + --j, false);
        } else if (j && best[i * w + j] == best[i * w + j - 1]) {
            push(&rev, SIZE_MAX, g->b0 + --j, false); /* added ones end up after removed ones */
        } else {
            push(&rev, g->a0 + --i, SIZE_MAX, false);
        }
    }
    for (size_t k = rev.count; k-- > 0;)
        VEC_PUSH(s, rev.items[k]);
    free(rev.items);
    free(like);
    free(best);
}

static void align_gap(step_list *s, const gap *g, bool pair_lone)
{
    size_t p = g->a1 - g->a0, q = g->b1 - g->b0;
    if (p == 1 && q == 1 && pair_lone && g->like(g->ctx, g->a0, g->b0) >= 0)
        push(s, g->a0, g->b0, false);
    else if (p > 0 && q > 0 && p * q <= DP_LIMIT)
        pair_by_likeness(s, g);
    else
        pair_by_place(s, g);
}

size_t diff_align(const uint32_t *a, size_t n, const uint32_t *b, size_t m, diff_like_fn like,
                  void *ctx, double threshold, bool pair_lone, diff_step **out)
{
    bool *del = xmalloc(n + 1), *ins = xmalloc(m + 1);
    diff_sequences(a, n, b, m, del, ins);
    diff_hunk *h;
    size_t nh = diff_hunks(del, n, ins, m, &h);
    step_list steps = {0};
    size_t i = 0, j = 0;
    for (size_t k = 0; k <= nh; k++) {
        size_t a0 = k < nh ? h[k].a0 : n;
        for (; i < a0; i++, j++)
            push(&steps, i, j, true);
        if (k == nh)
            break;
        gap g = {h[k].a0, h[k].a1, h[k].b0, h[k].b1, like, ctx, threshold};
        align_gap(&steps, &g, pair_lone);
        i = h[k].a1;
        j = h[k].b1;
    }
    free(h);
    free(del);
    free(ins);
    *out = steps.items;
    return steps.count;
}
