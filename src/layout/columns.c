/* columns.c — how the columns of a grid share the width of the type area,
 * from what each column's content needs (grid.c measures it). When the
 * natural widths do not fit, columns give up width in a fixed order
 * (tiers): bars shorten first, then long text wraps (in lines of a few
 * words at least), then heads take two lines, then bars shorten further,
 * then the widest short cells wrap as long text, then figures put their
 * tails (（估）) under them, then long text narrows, and the other short
 * cells (names, units, figures in words) wrap only when nothing else can
 * give. A table whose names would still narrow below their measure sets
 * them on lines of their own instead (layout_columns_stack_first). */
#include "layout_internal.h"

#include <math.h>
#include <stdlib.h>

static int by_width(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The widest short cell still kept whole, or 0. */
static double widest_short(const grid_column *col)
{
    return col->nshorts ? col->shorts[col->nshorts - 1] : 0;
}

/* A column's width at each tier, padding included, never growing. */
static void column_tiers(const grid_columns *gc, grid_column *col)
{
    /* short cells whole; long text wrapped, but in lines of a few words
     * until it must narrow further */
    double whole = fmax(col->min, widest_short(col)), keep = whole;
    if (col->long_text)
        keep = fmax(keep, fmin(col->nat, gc->long_measure));
    for (int tier = 0; tier < NTIERS; tier++) {
        double cells = tier >= TIER_SHORT_TEXT_WRAPS    ? col->min
                       : tier >= TIER_LONG_TEXT_NARROWS ? whole
                       : tier >= TIER_LONG_TEXT_WRAPS   ? keep
                                                        : col->nat;
        double figures = col->int_max + col->frac_max;
        if (tier >= TIER_FIGURE_TAILS_WRAP && col->tail_max > 0)
            figures = fmax(col->int_max + col->frac_kept_max, col->tail_max);
        cells = fmax(cells, figures);
        if (col->bars) {
            double track = tier >= TIER_SHORT_BARS  ? gc->bar_length / 4
                           : tier >= TIER_HALF_BARS ? gc->bar_length / 2
                                                    : gc->bar_length;
            cells = fmax(cells, track + col->label_max);
        }
        double head = tier >= TIER_HEADS_WRAP ? col->head_two : col->head;
        col->tier[tier] = fmax(cells, head) + 2 * gc->pad;
        if (tier > 0)
            col->tier[tier] = fmin(col->tier[tier], col->tier[tier - 1]);
    }
}

void layout_columns_tiers(grid_columns *gc)
{
    for (size_t k = 0; k < gc->n; k++) {
        grid_column *col = &gc->cols[k];
        if (col->nshorts > 1) /* shorts may be NULL when there are none */
            qsort(col->shorts, col->nshorts, sizeof *col->shorts, by_width);
        column_tiers(gc, col);
    }
}

double layout_columns_sum(const grid_columns *gc, int tier)
{
    double sum = 0;
    for (size_t k = 0; k < gc->n; k++)
        sum += gc->cols[k].tier[tier];
    return sum;
}

/* Widths between each column's lo[k] and hi[k] that fill the table
 * (Σ lo ≤ width ≤ Σ hi): a column whose hi is no more than an equal share
 * of the room gets it (while the others keep their lo); the room left is
 * shared by the others, each the same part of the way from lo to hi
 * (water-filling, as browsers lay out automatic tables). Narrow columns thus
 * keep what they have and wide ones give. */
static void fill_between(grid_columns *gc, const double *lo, const double *hi)
{
    size_t n = gc->n;
    bool *fixed = xcalloc(n, sizeof *fixed);
    for (size_t k = 0; k < n; k++) {
        gc->cols[k].width = lo[k];
        fixed[k] = hi[k] <= lo[k]; /* nothing to give */
    }
    for (bool changed = true; changed;) {
        changed = false;
        double room = gc->width, sum_lo = 0, sum_hi = 0;
        size_t nflex = 0;
        for (size_t k = 0; k < n; k++) {
            if (fixed[k]) {
                room -= gc->cols[k].width;
            } else {
                sum_lo += lo[k];
                sum_hi += hi[k];
                nflex++;
            }
        }
        for (size_t k = 0; k < n && !changed; k++) {
            if (!fixed[k] && hi[k] <= room / (double)nflex && room - hi[k] >= sum_lo - lo[k]) {
                gc->cols[k].width = hi[k];
                fixed[k] = changed = true;
            }
        }
        if (changed || nflex == 0)
            continue;
        double ratio = sum_hi > sum_lo ? (room - sum_lo) / (sum_hi - sum_lo) : 0;
        ratio = fmax(0, fmin(ratio, 1));
        for (size_t k = 0; k < n; k++)
            if (!fixed[k])
                gc->cols[k].width = lo[k] + (hi[k] - lo[k]) * ratio;
    }
    free(fixed);
}

/* Heads wrap whole or not at all: the heads that save most go on two lines,
 * one by one, until the table fits; the room left goes back to what bars and
 * long text gave. */
static void wrap_heads(grid_columns *gc, double *lo, double *hi)
{
    size_t n = gc->n;
    double deficit = -gc->width;
    for (size_t k = 0; k < n; k++) {
        lo[k] = gc->cols[k].tier[TIER_HEADS_WRAP - 1];
        hi[k] = gc->cols[k].tier[TIER_NATURAL];
        deficit += lo[k];
    }
    while (deficit > 0.01) {
        size_t best = n;
        double most = 0;
        for (size_t k = 0; k < n; k++) {
            double saving = lo[k] - gc->cols[k].tier[TIER_HEADS_WRAP];
            if (saving > most) {
                most = saving;
                best = k;
            }
        }
        if (best == n)
            break; /* cannot happen: the tier fits */
        lo[best] = hi[best] = gc->cols[best].tier[TIER_HEADS_WRAP];
        deficit -= most;
    }
}

/* Natural widths, and the room to spare first to heads that would wrap,
 * then to every column alike in proportion. */
static void spend_spare(grid_columns *gc)
{
    double spare = gc->width;
    for (size_t k = 0; k < gc->n; k++) {
        gc->cols[k].width = gc->cols[k].tier[TIER_NATURAL];
        spare -= gc->cols[k].width;
    }
    for (size_t k = 0; k < gc->n && spare > 0; k++) {
        double want = gc->cols[k].head_one + 2 * gc->pad - gc->cols[k].width;
        if (want > 0) {
            gc->cols[k].width += fmin(want, spare);
            spare -= fmin(want, spare);
        }
    }
    double total = gc->width - spare;
    for (size_t k = 0; k < gc->n && total > 0; k++)
        gc->cols[k].width *= gc->width / total;
}

/* When even short bars and wrapped heads leave no room for every short
 * cell, the widest of them wraps (is counted as long text, in lines of a
 * few words), and so on while that gives room: wrapping one cell rather
 * than squeezing every column a little keeps bars from shrinking for
 * nothing and the other short cells whole. */
static void let_widest_shorts_wrap(grid_columns *gc)
{
    while (layout_columns_sum(gc, TIER_SHORT_BARS) > gc->width + 0.01) {
        grid_column *widest = NULL;
        for (size_t k = 0; k < gc->n; k++)
            if (widest_short(&gc->cols[k]) > gc->long_measure &&
                (!widest || widest_short(&gc->cols[k]) > widest_short(widest)))
                widest = &gc->cols[k];
        if (!widest)
            return; /* what is left is narrower than long text becomes */
        widest->nshorts--;
        widest->long_text = true;
        column_tiers(gc, widest);
    }
}

void layout_columns_by_content(grid_columns *gc)
{
    let_widest_shorts_wrap(gc);
    int tier = TIER_NATURAL;
    while (tier + 1 < NTIERS && layout_columns_sum(gc, tier) > gc->width + 0.01)
        tier++;
    if (tier == TIER_NATURAL) {
        spend_spare(gc);
        return;
    }
    double *lo = xcalloc(2 * gc->n, sizeof *lo), *hi = lo + gc->n;
    if (tier == TIER_HEADS_WRAP) {
        wrap_heads(gc, lo, hi);
    } else {
        for (size_t k = 0; k < gc->n; k++) {
            lo[k] = gc->cols[k].tier[tier];
            hi[k] = gc->cols[k].tier[tier - 1];
        }
    }
    fill_between(gc, lo, hi);
    free(lo);
}

bool layout_columns_stack_first(grid_columns *gc, double indent)
{
    const grid_column *first = &gc->cols[0];
    if (gc->n < 3 || first->bars || first->int_max > 0 ||
        layout_columns_sum(gc, TIER_FIGURE_TAILS_WRAP) <= gc->width + 0.01)
        return false;
    grid_columns rest = *gc;
    rest.cols++;
    rest.n--;
    rest.width -= indent;
    if (layout_columns_sum(&rest, NTIERS - 1) > rest.width + 0.01)
        return false;
    layout_columns_by_content(&rest);
    gc->cols[0].width = gc->width;
    return true;
}
