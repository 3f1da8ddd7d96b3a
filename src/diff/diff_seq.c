/* diff_seq.c — Myers' O(ND) difference of two sequences of ids, in linear
 * space (E. W. Myers, "An O(ND) Difference Algorithm and Its Variations",
 * Algorithmica 1986, §4b): find the middle snake of the shortest edit
 * script from both ends at once, split there, recurse. Like GNU diff and
 * git's xdiff, a search that has cost more than max(256, √(n + m)) edit
 * steps stops at the furthest-reaching path instead of the exact middle,
 * which bounds the time on very different sequences at a slightly longer
 * script. */
#include "diff_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

enum { MIN_COST_BOUND = 256 };

typedef struct seq {
    const uint32_t *a, *b;
    bool *deleted, *inserted;
    ptrdiff_t *fwd, *bwd; /* furthest x on each diagonal k = x - y, indexed from -(m + 1) */
    ptrdiff_t max_cost;
} seq;

typedef struct split {
    ptrdiff_t x, y;
    bool min_lo, min_hi; /* whether each half must still be searched exactly */
} split;

/* When the search has cost too much: split at whichever of the forward and
 * backward paths got furthest. */
static void give_up(const seq *s, ptrdiff_t off1, ptrdiff_t lim1, ptrdiff_t off2, ptrdiff_t lim2,
                    ptrdiff_t fmin, ptrdiff_t fmax, ptrdiff_t bmin, ptrdiff_t bmax, split *out)
{
    ptrdiff_t fbest = -1, fbest_x = -1, bbest = PTRDIFF_MAX, bbest_x = PTRDIFF_MAX;
    for (ptrdiff_t d = fmax; d >= fmin; d -= 2) {
        ptrdiff_t x = s->fwd[d] < lim1 ? s->fwd[d] : lim1, y = x - d;
        if (lim2 < y) {
            x = lim2 + d;
            y = lim2;
        }
        if (fbest < x + y) {
            fbest = x + y;
            fbest_x = x;
        }
    }
    for (ptrdiff_t d = bmax; d >= bmin; d -= 2) {
        ptrdiff_t x = s->bwd[d] > off1 ? s->bwd[d] : off1, y = x - d;
        if (y < off2) {
            x = off2 + d;
            y = off2;
        }
        if (x + y < bbest) {
            bbest = x + y;
            bbest_x = x;
        }
    }
    if ((lim1 + lim2) - bbest < fbest - (off1 + off2))
        *out = (split){fbest_x, fbest - fbest_x, true, false};
    else
        *out = (split){bbest_x, bbest - bbest_x, false, true};
}

/* The middle snake of a[off1..lim1) against b[off2..lim2), both non-empty
 * and differing at both ends. */
static void find_split(seq *s, ptrdiff_t off1, ptrdiff_t lim1, ptrdiff_t off2, ptrdiff_t lim2,
                       bool need_min, split *out)
{
    const uint32_t *a = s->a, *b = s->b;
    ptrdiff_t *kf = s->fwd, *kb = s->bwd;
    ptrdiff_t dmin = off1 - lim2, dmax = lim1 - off2;
    ptrdiff_t fmid = off1 - off2, bmid = lim1 - lim2;
    bool odd = ((fmid - bmid) & 1) != 0;
    ptrdiff_t fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
    kf[fmid] = off1;
    kb[bmid] = lim1;
    for (ptrdiff_t cost = 1;; cost++) {
        /* forward: extend each diagonal's furthest path by one edit and its snake */
        if (fmin > dmin)
            kf[--fmin - 1] = -1;
        else
            ++fmin;
        if (fmax < dmax)
            kf[++fmax + 1] = -1;
        else
            --fmax;
        for (ptrdiff_t d = fmax; d >= fmin; d -= 2) {
            ptrdiff_t x = kf[d - 1] >= kf[d + 1] ? kf[d - 1] + 1 : kf[d + 1], y = x - d;
            while (x < lim1 && y < lim2 && a[x] == b[y])
                x++, y++;
            kf[d] = x;
            if (odd && bmin <= d && d <= bmax && kb[d] <= x) {
                *out = (split){x, y, true, true};
                return;
            }
        }
        /* backward, from the ends */
        if (bmin > dmin)
            kb[--bmin - 1] = PTRDIFF_MAX;
        else
            ++bmin;
        if (bmax < dmax)
            kb[++bmax + 1] = PTRDIFF_MAX;
        else
            --bmax;
        for (ptrdiff_t d = bmax; d >= bmin; d -= 2) {
            ptrdiff_t x = kb[d - 1] < kb[d + 1] ? kb[d - 1] : kb[d + 1] - 1, y = x - d;
            while (x > off1 && y > off2 && a[x - 1] == b[y - 1])
                x--, y--;
            kb[d] = x;
            if (!odd && fmin <= d && d <= fmax && x <= kf[d]) {
                *out = (split){x, y, true, true};
                return;
            }
        }
        if (!need_min && cost >= s->max_cost) {
            give_up(s, off1, lim1, off2, lim2, fmin, fmax, bmin, bmax, out);
            return;
        }
    }
}

static void compare(seq *s, ptrdiff_t off1, ptrdiff_t lim1, ptrdiff_t off2, ptrdiff_t lim2,
                    bool need_min)
{
    while (off1 < lim1 && off2 < lim2 && s->a[off1] == s->b[off2])
        off1++, off2++;
    while (off1 < lim1 && off2 < lim2 && s->a[lim1 - 1] == s->b[lim2 - 1])
        lim1--, lim2--;
    if (off1 == lim1) {
        for (ptrdiff_t y = off2; y < lim2; y++)
            s->inserted[y] = true;
    } else if (off2 == lim2) {
        for (ptrdiff_t x = off1; x < lim1; x++)
            s->deleted[x] = true;
    } else {
        split sp;
        find_split(s, off1, lim1, off2, lim2, need_min, &sp);
        compare(s, off1, sp.x, off2, sp.y, sp.min_lo);
        compare(s, sp.x, lim1, sp.y, lim2, sp.min_hi);
    }
}

void diff_sequences(const uint32_t *a, size_t n, const uint32_t *b, size_t m, bool *deleted,
                    bool *inserted)
{
    for (size_t i = 0; i < n; i++)
        deleted[i] = false;
    for (size_t j = 0; j < m; j++)
        inserted[j] = false;
    size_t diagonals = n + m + 3;
    ptrdiff_t *fwd = xmalloc(diagonals * sizeof *fwd), *bwd = xmalloc(diagonals * sizeof *bwd);
    seq s = {a, b, deleted, inserted, fwd + m + 1, bwd + m + 1, MIN_COST_BOUND};
    ptrdiff_t root = (ptrdiff_t)sqrt((double)diagonals);
    if (root > s.max_cost)
        s.max_cost = root;
    compare(&s, 0, (ptrdiff_t)n, 0, (ptrdiff_t)m, false);
    free(fwd);
    free(bwd);
}

size_t diff_hunks(const bool *deleted, size_t n, const bool *inserted, size_t m, diff_hunk **out)
{
    VEC(diff_hunk) hunks = {0};
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if ((i < n && deleted[i]) || (j < m && inserted[j])) {
            diff_hunk h = {i, i, j, j};
            while ((i < n && deleted[i]) || (j < m && inserted[j])) {
                while (i < n && deleted[i])
                    i++;
                while (j < m && inserted[j])
                    j++;
            }
            h.a1 = i;
            h.b1 = j;
            VEC_PUSH(&hunks, h);
        } else {
            i++, j++;
        }
    }
    *out = hunks.items;
    return hunks.count;
}
