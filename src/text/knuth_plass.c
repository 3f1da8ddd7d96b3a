/* knuth_plass.c — total-fit line breaking over boxes, glue and penalties
 * (Knuth & Plass, "Breaking paragraphs into lines", 1981). No fonts here:
 * the paragraph is a list of widths.
 *
 * Textbook algorithm: an active list of feasible breakpoints; for every
 * legal breakpoint each active node is tried, a node whose line has become
 * overfull (r < −1) or that precedes a forced break is deactivated, and the
 * best new node per (line class, fitness class) is added. Line classes: all
 * lines from nwidths−1 on have the same width, so nodes there are
 * equivalent whatever their line number. The cost is O(items × actives), and
 * actives stay within about one line of material.
 *
 * One deliberate departure: shrinking is cheaper than stretching. clreq's
 * rule is "push in first, then push out" (typography.md §2.5): a line that
 * fits by compressing its punctuation is preferred to breaking earlier and
 * stretching. So the badness of a shrunk line is KP_SHRINK_WEIGHT times the
 * textbook 100|r|³, and r ≥ −1 still bounds how far glue shrinks. */
#include "text_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define KP_LINE_PENALTY 10.0
#define KP_FLAGGED_DEMERITS 3000.0
#define KP_FITNESS_DEMERITS 3000.0
#define KP_SHRINK_WEIGHT 0.01
#define KP_EPSILON 1e-9
#define KP_NONE ((size_t)-1)

typedef struct kp_node {
    size_t pos;  /* item index of the break; KP_NONE for the paragraph start */
    size_t line; /* lines ending at or before this break */
    int fitness;
    double after_w, after_y, after_z; /* running sums just after the break */
    double demerits;
    size_t prev; /* node index, or KP_NONE */
} kp_node;

typedef struct kp_sums {
    double *w, *y, *z; /* sums of widths/stretch/shrink of items [0, i) */
} kp_sums;

typedef struct kp_state {
    const kp_item *items;
    size_t n;
    const double *widths;
    size_t nwidths;
    double tolerance;
    kp_sums sums;
    bool sums_grow; /* no negative width or stretch: see rest_too_loose */
    VEC(kp_node) nodes;
    VEC(size_t) active, next_active;
    kp_node *best; /* nwidths × 4 candidates for the current breakpoint */
} kp_state;

static void sums_init(kp_sums *s, const kp_item *items, size_t n)
{
    s->w = xcalloc(n + 1, sizeof *s->w);
    s->y = xcalloc(n + 1, sizeof *s->y);
    s->z = xcalloc(n + 1, sizeof *s->z);
    for (size_t i = 0; i < n; i++) {
        const kp_item *it = &items[i];
        bool counts = it->kind != KP_PENALTY;
        s->w[i + 1] = s->w[i] + (counts ? it->width : 0);
        s->y[i + 1] = s->y[i] + (it->kind == KP_GLUE ? it->stretch : 0);
        s->z[i + 1] = s->z[i] + (it->kind == KP_GLUE ? it->shrink : 0);
    }
}

/* Whether the running width and stretch sums never decrease. */
static bool sums_never_decrease(const kp_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const kp_item *it = &items[i];
        if ((it->kind != KP_PENALTY && it->width < 0) || (it->kind == KP_GLUE && it->stretch < 0))
            return false;
    }
    return true;
}

static void sums_free(kp_sums *s)
{
    free(s->w);
    free(s->y);
    free(s->z);
}

static bool is_forced(const kp_item *it)
{
    return it->kind == KP_PENALTY && it->penalty <= -KP_INFINITY;
}

static bool is_legal_break(const kp_item *items, size_t j)
{
    const kp_item *it = &items[j];
    if (it->kind == KP_PENALTY)
        return it->penalty < KP_INFINITY;
    return it->kind == KP_GLUE && j > 0 && items[j - 1].kind == KP_BOX;
}

/* The sums where the next line starts after a break at b: glue and
 * penalties right after a break are discarded, up to the next box or forced
 * break. */
static void after_break(const kp_state *st, size_t b, kp_node *node)
{
    size_t i = b == KP_NONE ? 0 : b;
    for (; i < st->n; i++) {
        const kp_item *it = &st->items[i];
        if (it->kind == KP_BOX || (is_forced(it) && i != b))
            break;
    }
    node->after_w = st->sums.w[i];
    node->after_y = st->sums.y[i];
    node->after_z = st->sums.z[i];
}

/* Adjustment ratio of the line from active node a to a break at j. */
static double adjustment_ratio(const kp_state *st, const kp_node *a, size_t j)
{
    double len = st->sums.w[j] - a->after_w;
    if (st->items[j].kind == KP_PENALTY)
        len += st->items[j].width;
    size_t k = a->line < st->nwidths ? a->line : st->nwidths - 1;
    double target = st->widths[k];
    if (len < target - KP_EPSILON) {
        double y = st->sums.y[j] - a->after_y;
        return y > 0 ? (target - len) / y : INFINITY;
    }
    if (len > target + KP_EPSILON) {
        double z = st->sums.z[j] - a->after_z;
        return z > 0 ? (target - len) / z : -INFINITY;
    }
    return 0;
}

static double badness(double r)
{
    double b = 100.0 * fabs(r) * fabs(r) * fabs(r);
    if (r < 0)
        b *= KP_SHRINK_WEIGHT;
    return b > KP_INFINITY ? KP_INFINITY : b;
}

static int fitness_class(double r)
{
    if (r < -0.5)
        return 0; /* tight */
    if (r <= 0.5)
        return 1; /* decent */
    if (r <= 1.0)
        return 2; /* loose */
    return 3;     /* very loose */
}

static double line_demerits(const kp_state *st, const kp_node *a, size_t j, double r, int fit)
{
    const kp_item *it = &st->items[j];
    double p = it->kind == KP_PENALTY ? it->penalty : 0;
    double d = KP_LINE_PENALTY + badness(r);
    d *= d;
    if (p > 0)
        d += p * p;
    else if (p > -KP_INFINITY)
        d -= p * p;
    if (it->flagged && a->pos != KP_NONE && st->items[a->pos].flagged)
        d += KP_FLAGGED_DEMERITS;
    if (abs(fit - a->fitness) > 1)
        d += KP_FITNESS_DEMERITS;
    return d + a->demerits;
}

static size_t line_class(const kp_state *st, size_t line)
{
    return line < st->nwidths - 1 ? line : st->nwidths - 1;
}

/* Whether active node a can still give a line ending at j or later: false
 * once its line is too long even fully shrunk (r < −1), and at a forced
 * break, which every line must end at. */
static bool stays_active(double r, bool forced)
{
    return !(r < -1 - KP_EPSILON || forced);
}

/* The best candidate so far for a line from a to j with ratio r. */
static void offer_line(kp_state *st, size_t ai, size_t j, double r)
{
    const kp_node *a = &st->nodes.items[ai];
    if (r < -1)
        r = -1;
    int fit = fitness_class(r);
    double d = line_demerits(st, a, j, r, fit);
    kp_node *b = &st->best[line_class(st, a->line + 1) * 4 + (size_t)fit];
    if (d < b->demerits)
        *b = (kp_node){j, a->line + 1, fit, 0, 0, 0, d, ai};
}

/* The active list is in break order, so when the sums only grow, the lines
 * to j from later nodes of the same width class are never longer and never
 * stretch more: once one of them is too loose (r > tolerance), every later
 * one is too, and still active (a loose line is not overfull). The scan
 * stops there and keeps the rest as they are — the same nodes, in the same
 * order, with the same candidates as trying them all. The start node is
 * the only one of another width class when the first line is indented. */
static bool rest_too_loose(const kp_state *st, const kp_node *a, double r)
{
    return st->sums_grow && r > st->tolerance && a->line + 1 >= st->nwidths;
}

static void add_best_nodes(kp_state *st, size_t j)
{
    for (size_t k = 0; k < st->nwidths * 4; k++) {
        if (isinf(st->best[k].demerits))
            continue;
        kp_node node = st->best[k];
        after_break(st, j, &node);
        VEC_PUSH(&st->nodes, node);
        VEC_PUSH(&st->next_active, st->nodes.count - 1);
    }
}

/* Try the active nodes against a break at j; keep the survivors and add
 * the best new nodes. false when nothing is active any more. */
static bool try_break(kp_state *st, size_t j)
{
    size_t nbest = st->nwidths * 4;
    for (size_t k = 0; k < nbest; k++)
        st->best[k].demerits = INFINITY;
    bool forced = is_forced(&st->items[j]);
    st->next_active.count = 0;
    size_t i = 0;
    for (; i < st->active.count; i++) {
        size_t ai = st->active.items[i];
        const kp_node *a = &st->nodes.items[ai];
        double r = adjustment_ratio(st, a, j);
        if (rest_too_loose(st, a, r))
            break;
        if (stays_active(r, forced))
            VEC_PUSH(&st->next_active, ai);
        if (r < -1 - KP_EPSILON || r > st->tolerance)
            continue;
        offer_line(st, ai, j, r);
    }
    size_t rest = st->active.count - i;
    if (!forced && rest > 0) {
        VEC_RESERVE(&st->next_active, st->next_active.count + rest);
        memcpy(st->next_active.items + st->next_active.count, st->active.items + i,
               rest * sizeof *st->active.items);
        st->next_active.count += rest;
    }
    add_best_nodes(st, j);
    size_t *items = st->active.items, cap = st->active.cap;
    st->active = st->next_active;
    st->next_active.items = items;
    st->next_active.cap = cap;
    st->next_active.count = 0;
    return st->active.count > 0;
}

/* The cheapest node at the final break, walked back into break indices. */
static size_t collect_breaks(const kp_state *st, size_t **breaks)
{
    size_t best = KP_NONE;
    for (size_t i = 0; i < st->active.count; i++) {
        size_t ai = st->active.items[i];
        const kp_node *nd = &st->nodes.items[ai];
        if (nd->pos == st->n - 1 &&
            (best == KP_NONE || nd->demerits < st->nodes.items[best].demerits))
            best = ai;
    }
    if (best == KP_NONE)
        return 0;
    size_t count = 0;
    for (size_t k = best; st->nodes.items[k].pos != KP_NONE; k = st->nodes.items[k].prev)
        count++;
    size_t *out = xmalloc(count * sizeof *out);
    size_t i = count;
    for (size_t k = best; st->nodes.items[k].pos != KP_NONE; k = st->nodes.items[k].prev)
        out[--i] = st->nodes.items[k].pos;
    *breaks = out;
    return count;
}

size_t text_kp_break(const kp_item *items, size_t n, const double *widths, size_t nwidths,
                     double tolerance, size_t **breaks)
{
    *breaks = NULL;
    if (n == 0 || nwidths == 0 || !is_forced(&items[n - 1]))
        return 0;
    kp_state st = {.items = items, .n = n, .widths = widths, .nwidths = nwidths};
    st.tolerance = tolerance;
    sums_init(&st.sums, items, n);
    st.sums_grow = sums_never_decrease(items, n);
    st.best = xcalloc(nwidths * 4, sizeof *st.best);

    kp_node start = {KP_NONE, 0, 1, 0, 0, 0, 0, KP_NONE};
    after_break(&st, KP_NONE, &start);
    VEC_PUSH(&st.nodes, start);
    VEC_PUSH(&st.active, 0);

    bool alive = true;
    for (size_t j = 0; j < n && alive; j++) {
        if (is_legal_break(items, j))
            alive = try_break(&st, j);
    }
    size_t count = alive ? collect_breaks(&st, breaks) : 0;

    sums_free(&st.sums);
    free(st.best);
    free(st.nodes.items);
    free(st.active.items);
    free(st.next_active.items);
    return count;
}
