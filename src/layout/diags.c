/* diags.c — every diagnostic of a layout reported once. Parts of the
 * booklet are set more than once (a heading and what follows it placed
 * again on a new page, the body again when the contents move its page
 * parity, the contents first with placeholders) and the running header on
 * every page, so the same message about the same place can come several
 * times; the text stage cannot know. */
#include "layout_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct diag_ref {
    const diag *d;
    size_t index;
} diag_ref;

static int text_order(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

/* Same place and message side by side, each group in the order they came. */
static int by_place_then_index(const void *pa, const void *pb)
{
    const diag_ref *a = pa, *b = pb;
    int order = text_order(a->d->file, b->d->file);
    if (!order)
        order = (a->d->line > b->d->line) - (a->d->line < b->d->line);
    if (!order)
        order = (a->d->col > b->d->col) - (a->d->col < b->d->col);
    if (!order)
        order = (int)a->d->level - (int)b->d->level;
    if (!order)
        order = text_order(a->d->message, b->d->message);
    if (!order)
        order = (a->index > b->index) - (a->index < b->index);
    return order;
}

static bool same_diag(const diag *a, const diag *b)
{
    return a->level == b->level && a->line == b->line && a->col == b->col &&
           !text_order(a->file, b->file) && !text_order(a->message, b->message);
}

void layout_diags_unique(diag_list *d, size_t from)
{
    if (d->count <= from + 1)
        return;
    size_t n = d->count - from;
    diag_ref *refs = xcalloc(n, sizeof *refs);
    bool *repeat = xcalloc(n, sizeof *repeat);
    for (size_t i = 0; i < n; i++)
        refs[i] = (diag_ref){&d->items[from + i], i};
    qsort(refs, n, sizeof *refs, by_place_then_index);
    for (size_t i = 1; i < n; i++)
        if (same_diag(refs[i].d, refs[i - 1].d))
            repeat[refs[i].index] = true; /* a later one: the first of its group stays */
    size_t kept = from;
    for (size_t i = 0; i < n; i++) {
        diag *g = &d->items[from + i];
        if (repeat[i]) {
            d->errors -= g->level == DIAG_ERROR;
            free(g->file);
            free(g->message);
        } else {
            d->items[kept++] = *g;
        }
    }
    d->count = kept;
    free(refs);
    free(repeat);
}
