/* layout_internal.h — shared by the files of the layout stage only. */
#ifndef BRIEFC_LAYOUT_INTERNAL_H
#define BRIEFC_LAYOUT_INTERNAL_H

#include "layout.h"

/* A page while it is being filled. */
typedef struct page_build {
    double width, height;
    VEC(frame_item) items;
} page_build;

typedef VEC(page_build) page_list;

/* A heading placed in the body: what the contents and the outline need. */
typedef struct heading_mark {
    const char *title; /* number + title */
    int depth;
    size_t page; /* index into the body's page list */
    double y;
} heading_mark;

typedef struct layout_ctx {
    const report *r;
    const style *s;
    text_engine *te;
    diag_list *diags;
    arena *a;
    text_style text[STYLE_COUNT]; /* fonts resolved per style */
    VEC(heading_mark) headings;
} layout_ctx;

/* ---- pages and items (page.c) ---- */

page_build *page_list_add(page_list *pages, const style *s);
void page_add_item(page_build *p, frame_item item);
/* Left edge of the type area on physical page `physical` (mirrored margins). */
double page_type_left(const style *s, size_t physical);
double page_type_width(const style *s);
/* Draw a set line with its origin at (x, baseline). */
void page_add_line(page_build *p, const text_line *line, const char *text, double x,
                   double baseline, style_color color);
/* The same with `spacing` points added between glyphs (letter-spaced titles),
 * each run marked with its text so that readers copy it without gaps. */
void page_add_spaced_line(page_build *p, const text_line *line, const char *text, double x,
                          double baseline, style_color color, double spacing, arena *a);
void page_add_rule(page_build *p, double x1, double y1, double x2, double y2, double width,
                   style_color color);
void page_add_link(page_build *p, double x, double y, double w, double h, size_t target_page,
                   double target_y);
void page_list_free(page_list *pages);

/* ---- text helpers (page.c) ---- */

/* Baseline of a line whose box (one leading high) starts at top: the em box
 * is centred in the line pitch. */
double line_baseline(double top, double leading, double size);
/* Set one unbroken line of text in style id. */
text_line *set_line(layout_ctx *c, style_text_id id, const char *text, const text_origin *o);
/* Set a paragraph of style id into measure. */
text_para *set_para(layout_ctx *c, style_text_id id, const char *text, size_t len,
                    const text_span *strong, size_t nstrong, double measure,
                    const text_origin *o);
text_origin origin_of(const layout_ctx *c, const report_text *t);

/* ---- numbers (number.c) ---- */

/* Chinese numeral for 1 ≤ n < 10000 (一, 十二, 一百零五). */
void chinese_numeral(int n, char *buf, size_t size);
/* "2017年8月30日" */
void chinese_date(const report_date *d, char *buf, size_t size);

/* ---- pagination (body.c) ---- */

/* How many of a paragraph's remaining `left` lines go on this page, given
 * room for `fit` lines: never one line alone at the foot (orphan) or at the
 * head of the next page (widow). 0 means start on the next page. */
size_t lines_for_page(size_t left, size_t fit);

/* ---- parts of the booklet ---- */

void cover_layout(layout_ctx *c, page_list *pages);
/* Lay out the body (sections, closing, editor) on pages starting at physical
 * page index first_physical; records headings in c->headings. */
void body_layout(layout_ctx *c, page_list *pages, size_t first_physical);
/* Contents pages. page_numbers[i] is the printed number of c->headings[i]'s
 * page, or NULL to lay out with placeholders (to count the pages). link_offset
 * turns a body page index into a document page index. */
void contents_layout(layout_ctx *c, page_list *pages, size_t first_physical,
                     const int *page_numbers, size_t link_offset);
/* Running header and page number on a body page. */
void furniture_layout(layout_ctx *c, page_build *p, size_t physical, int number);

#endif
