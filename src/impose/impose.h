/* impose.h — pages onto the sheets a printer prints: which layout page goes
 * where on which side of which sheet, the boxes a press needs (trim, bleed,
 * media) and the marks outside the trim (crop and fold marks, a slug line).
 *
 * Imposition is neither layout (the pages stay as layout made them) nor PDF
 * writing (the writer draws the plan and decides nothing): it is a pure
 * function from a laid-out document to a plan. Without imposition or marks
 * the plan is one sheet per page, the page at its corner.
 *
 * Coordinates as in layout.h: points, the sheet's top-left corner, y down. */
#ifndef BRIEFC_IMPOSE_H
#define BRIEFC_IMPOSE_H

#include "../layout/layout.h"

typedef enum {
    IMPOSE_NONE,    /* a sheet per page */
    IMPOSE_BOOKLET, /* saddle stitch: two pages a side, folded stack in reading order */
} impose_scheme;

typedef struct impose_options {
    impose_scheme scheme;
    bool marks;   /* trim and bleed boxes, crop marks (and a fold mark), the slug */
    double bleed; /* pt beyond the trim (style.print.bleed) */
    double creep; /* pt a sheet, booklet only (style.print.creep) */
    bool cmyk;    /* marks in CMYK registration colour, else in black */
    /* The slug: "title · 第N版 · 第3张 正面" set in this style (NULL: no slug). */
    const char *title, *version;
    text_engine *te;
    const text_style *slug_style;
} impose_options;

#define IMPOSE_BLANK ((size_t)-1)

/* A layout page on a sheet: its top-left corner at (x, y); what it draws
 * is clipped to the clip box (its half of the sheet and the bleed beyond
 * the trim's outer edges) when clip is set. */
typedef struct impose_placement {
    size_t page; /* index into the document's pages, or IMPOSE_BLANK (padding) */
    double x, y;
    bool clip;
    double clip_x0, clip_y0, clip_x1, clip_y1;
    /* The page's items when the plan changed them (a background that touches
     * the trim, extended into the bleed), else NULL: the page's own. */
    const layout_item *items;
    size_t nitems;
} impose_placement;

typedef struct impose_box {
    double x0, y0, x1, y1;
} impose_box;

typedef struct impose_sheet {
    double width, height; /* the media */
    bool boxes;           /* trim and bleed are set */
    impose_box trim, bleed;
    impose_placement place[2];
    size_t nplace;
    layout_item *marks; /* crop and fold marks, the slug: drawn on the sheet itself */
    size_t nmarks;
} impose_sheet;

typedef struct impose_plan {
    impose_sheet *sheets;
    size_t nsheets;
    /* Links and bookmarks lead to the sheet that shows their page; page
     * labels name layout pages, and only a plan of one page a sheet keeps
     * them. */
    bool keeps_labels;
    size_t npages;               /* the document's */
    size_t *sheet_of, *place_of; /* per layout page: where it is (npages each) */
    arena *arena;
} impose_plan;

/* The plan for doc; NULL with an error in diags when it cannot be made
 * (a booklet of pages of different sizes). */
impose_plan *impose_make(const layout_document *doc, const impose_options *o, diag_list *diags);
void impose_free(impose_plan *p);

/* The sheet and placement that show layout page `page`; false when none. */
bool impose_find(const impose_plan *p, size_t page, size_t *sheet, size_t *place);

/* "booklet" → IMPOSE_BOOKLET …; false for a name that is no scheme. */
bool impose_scheme_named(const char *name, impose_scheme *out);

#endif
