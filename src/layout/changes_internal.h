/* changes_internal.h — the 修订对照 of a diff, shared by the changes*.c
 * files of the layout stage (listed bottom up in layout_internal.h). */
#ifndef BRIEFC_CHANGES_INTERNAL_H
#define BRIEFC_CHANGES_INTERNAL_H

#include "layout_internal.h"

/* ---- marked text (changes_text.c) ---- */

/* Text being put together with its spans: author text with its strong
 * spans, labels, and the runs of a diff, deleted ones struck through and
 * inserted ones underlined, so that a black-and-white copy tells them
 * apart. Heap while built; layout_mark_finish moves it into the arena. */
typedef struct layout_marked {
    VEC(char) text;
    VEC(text_span) spans;
} layout_marked;

/* Plain text (a label, an arrow). */
void layout_mark_text(layout_marked *m, const char *s, size_t len);
/* Text all under one decoration (or strong). */
void layout_mark_span(layout_marked *m, const char *s, size_t len, text_span_kind kind);
/* The runs of t: kept ones plain, deleted struck, inserted underlined;
 * the strong spans of the paragraph each run comes from (either may be
 * NULL) are kept. */
void layout_mark_runs(layout_marked *m, const diff_text *t, const report_para *before,
                      const report_para *after);
/* One side of t: the text before with its deletions struck, or the text
 * after with its insertions underlined. */
void layout_mark_side(layout_marked *m, const diff_text *t, bool after);
/* The text and its spans, in a (the builder is emptied). */
const char *layout_mark_finish(layout_marked *m, arena *a, text_span **spans, size_t *nspans,
                               size_t *len);

/* Set marked text in style id across the type area and flow it (the
 * builder is emptied). */
void layout_flow_marked(flow *f, style_text_id id, layout_marked *m, const text_origin *o);

/* A text cell of a grid with its marks (the builder is emptied), or of
 * plain text. */
grid_cell layout_marked_cell(layout_ctx *c, layout_marked *m);
grid_cell layout_plain_cell(layout_ctx *c, const char *text);

/* ---- the cover (changes_cover.c) ---- */

void layout_changes_cover(layout_ctx *c, const diff_model *m, page_list *pages);

/* ---- task changes (changes_tasks.c) ---- */

/* The task changes of a work area as a table: target, done, the bars of
 * both versions, the status; its mean completion in the last row. */
void layout_flow_task_changes(flow *f, const diff_model *m, const diff_section *s);

#endif
