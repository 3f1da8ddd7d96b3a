/* layout.h — blocks to pages. The output is a document of pages of frames:
 * flat lists of positioned items. Frames are the only seam between layout
 * and the PDF writer, which draws them and decides nothing.
 *
 * Coordinates: points, origin at the top-left corner of the page, y down.
 *
 * Ownership. A document owns its page array, each page's item array
 * (heap) and own arena (the glyphs of the body's text on it), and its
 * arena, which holds the other glyph arrays, the outline, the
 * page labels, the structure nodes and every string layout made (numbered
 * headings, captions, page numbers, bar labels, figures' alternative
 * texts, the keywords line). It borrows the rest:
 *   - fonts (layout_glyphs.font) from the text engine passed to
 *     layout_report: valid until text_engine_free;
 *   - strings from the report: the text of paragraphs, titles, table cells
 *     and notes that glyph runs point into (layout_glyphs.text), and the
 *     meta fields in layout_info: valid until report_free.
 * Both must outlive the document (free it first). Nothing points into the
 * style, which may go at any time after layout_report. The remaining
 * strings are static (目录, 封面, the creator, status words). */
#ifndef BRIEFC_LAYOUT_H
#define BRIEFC_LAYOUT_H

#include "../base/base.h"
#include "../diff/diff.h"
#include "../report/report.h"
#include "../style/style.h"
#include "../text/text.h"

/* ================================ frames ================================ */

typedef enum {
    LAYOUT_ITEM_GLYPHS, /* a run of glyphs of one font, size and colour */
    LAYOUT_ITEM_RECT,   /* a rectangle, filled and/or stroked */
    LAYOUT_ITEM_LINE,   /* a straight line */
    LAYOUT_ITEM_DOT,    /* a filled circle (dot leaders, bullets) */
    LAYOUT_ITEM_LINK,   /* a clickable area leading to a place in the document */
    LAYOUT_ITEM_SLOT,   /* a text each numbered copy fills in for itself (its number) */
} layout_item_kind;

typedef struct layout_glyphs {
    const text_font *font; /* borrowed from the text engine */
    double size;
    style_color color;
    double x, y;              /* origin of the run: glyph positions are relative to it */
    const text_glyph *glyphs; /* in the document's arena */
    size_t nglyphs;
    /* The text that glyphs' text_start/text_len index into: the report's,
     * the document arena's, or static. */
    const char *text;
    /* Non-NULL: mark the run with /ActualText (UTF-8, actual_len bytes);
     * points into text. */
    const char *actual_text;
    size_t actual_len;
} layout_glyphs;

typedef struct layout_rect {
    double x, y, w, h;
    bool fill, stroke;
    style_color fill_color, stroke_color;
    double line_width;
} layout_rect;

typedef struct layout_line {
    double x1, y1, x2, y2;
    double width;
    style_color color;
    /* 0: a solid line. Else round dots `width` across, this far apart, the
     * first centred on (x1, y1) (dot leaders: one line, not a path a dot). */
    double dot_pitch;
} layout_line;

typedef struct layout_dot {
    double x, y, r;
    style_color color;
} layout_dot;

/* A slot: where the number of a copy goes and how it looks. Layout reserves
 * it; the writer fills it for each copy without laying out again, from the
 * digits' glyphs measured here (so every copy's number sets alike). */
typedef enum { LAYOUT_SLOT_COPY_NUMBER } layout_slot_kind;

/* A copy number has six digits, as GB/T 9704 writes 份号 (000017). */
#define LAYOUT_COPY_DIGITS 6

typedef struct layout_slot {
    layout_slot_kind what;
    const text_font *font; /* borrowed from the text engine */
    double size;
    style_color color;
    double x, y;                 /* the baseline: x is the left end, the centre or the right end, */
    style_align align;           /* as align says (left, center, right) */
    int digits;                  /* how many digits: 6, as GB/T 9704 writes 份号 (000017) */
    const uint32_t *digit_gid;   /* glyph of 0 … 9 (in the document's arena) */
    const double *digit_advance; /* their advances, pt */
} layout_slot;

typedef struct layout_link {
    double x, y, w, h;  /* the clickable area */
    size_t target_page; /* index into layout_document.pages */
    double target_y;    /* where on that page the view goes */
} layout_link;

/* What an item is when it is not content: page furniture (running heads,
 * page numbers) or the rest of what only looks (rules, leaders, strokes). */
typedef enum { LAYOUT_ARTIFACT_LAYOUT, LAYOUT_ARTIFACT_PAGINATION } layout_artifact;

typedef struct layout_item {
    layout_item_kind kind;
    /* The structure node (layout_document.nodes) the item is content of;
     * 0, the root's index, means none: an artifact of that kind. */
    uint32_t node;
    layout_artifact artifact;
    union {
        layout_glyphs glyphs;
        layout_rect rect;
        layout_line line;
        layout_dot dot;
        layout_link link;
        layout_slot slot;
    } u;
} layout_item;

typedef struct layout_page {
    double width, height;
    layout_item *items; /* heap, owned by the document */
    size_t nitems;
    /* The glyph arrays of the body's text on this page (most of a long
     * report's frames), which no other page's items use: released with the
     * page (its blocks come from the document's frames pool). NULL when it
     * has none. */
    arena *own;
} layout_page;

/* ============================== structure ============================== */
/* What the content is, for a tagged PDF and whoever reads it without seeing
 * it (a screen reader, a phone's reflow): a tree of logical nodes. Node 0 is
 * the document; every other names its parent, which comes before it. The
 * children of a node are the nodes naming it, in the order of their indices:
 * the order of the report. Items name the node they are content of. */

typedef enum {
    LAYOUT_ROLE_DOCUMENT,
    LAYOUT_ROLE_SECT,
    LAYOUT_ROLE_H1, /* …H4 follow: LAYOUT_ROLE_H1 + depth - 1 */
    LAYOUT_ROLE_H2,
    LAYOUT_ROLE_H3,
    LAYOUT_ROLE_H4,
    LAYOUT_ROLE_P,
    LAYOUT_ROLE_TITLE,    /* the cover's title (a role of ours, read as P) */
    LAYOUT_ROLE_SUBTITLE, /* the cover's subtitle (ours, read as P) */
    LAYOUT_ROLE_TABLE,
    LAYOUT_ROLE_THEAD,
    LAYOUT_ROLE_TBODY,
    LAYOUT_ROLE_TR,
    LAYOUT_ROLE_TH, /* a column's head */
    LAYOUT_ROLE_TD,
    LAYOUT_ROLE_CAPTION,
    LAYOUT_ROLE_NOTE,
    LAYOUT_ROLE_TOC,
    LAYOUT_ROLE_TOCI,
    LAYOUT_ROLE_LINK, /* its content includes the link items (annotations) */
    LAYOUT_ROLE_FIGURE,
    LAYOUT_ROLE_COUNT
} layout_role;

typedef struct layout_node {
    layout_role role;
    uint32_t parent; /* an earlier node; the document's is 0 */
    int level;       /* LAYOUT_ROLE_SECT: its depth (1 for 一、 …) */
    const char *alt; /* LAYOUT_ROLE_FIGURE: what it shows, in words (in arena) */
} layout_node;

/* ============================ the document ============================ */

typedef struct layout_outline_entry {
    const char *title; /* UTF-8, with its number (一、会议概况): the document arena's or static */
    int level;         /* 1 = top */
    size_t page;
    double y;
} layout_outline_entry;

typedef enum {
    LAYOUT_LABEL_DECIMAL,
    LAYOUT_LABEL_ROMAN_LOWER,
    LAYOUT_LABEL_ROMAN_UPPER,
    LAYOUT_LABEL_NONE
} layout_label_style;

/* From first_page on, pages are labelled prefix + number (counting from first_number). */
typedef struct layout_page_label {
    size_t first_page;
    layout_label_style style;
    const char *prefix; /* UTF-8 (static) or NULL */
    int first_number;
} layout_page_label;

/* title, author, subject, doc_id and version are the report's meta fields
 * (borrowed); keywords is joined in the document's arena; creator is static. */
typedef struct layout_info {
    const char *title, *author, *subject, *keywords, *creator;
    const char *doc_id;  /* meta.id, or NULL */
    const char *version; /* meta.version as written */
    int64_t date;        /* seconds since the epoch (UTC) */
    int tz_minutes;      /* offset to show with the date (+480 for +08:00) */
} layout_info;

/* See "Ownership" at the top: the document owns its pages, their items and
 * its arena, and borrows fonts from the text engine and strings from the
 * report, which must outlive it. */
typedef struct layout_document {
    layout_page *pages; /* heap */
    size_t npages;
    layout_outline_entry *outline; /* in arena */
    size_t noutline;
    layout_page_label *labels; /* in arena */
    size_t nlabels;
    layout_node *nodes; /* in arena; nodes[0] is the document */
    size_t nnodes;
    const char *lang; /* the document's language (BCP 47): meta.lang or zh-CN */
    layout_info info;
    /* The fonts each style resolved to (borrowed from the text engine): what
     * a later pass sets its own lines in (the slug of a printer's sheet). */
    text_style styles[STYLE_COUNT];
    arena *arena; /* glyph arrays, outline, labels, strings made by layout */
    /* Where the pages' own arenas take their blocks (layout_page.own):
     * released pages give their memory back to the system through it. */
    arena_pool *frames;
} layout_document;

/* How to lay a report out beyond what its style says. */
typedef struct layout_options {
    /* The document's date: meta.date at 00:00 +08:00 when < 0. */
    int64_t source_date_epoch;
    /* The copies will be numbered: where the layout prints meta.copy goes a
     * slot instead, and the style's print.copy_mark adds one to every page. */
    bool numbered_copies;
} layout_options;

/* Lay the report out: cover, contents, numbered sections, closing, editor.
 * Fonts are resolved through te by the style's roles. Errors (a role with no
 * installed family, a character no font has) go to diags; NULL on error.
 * NULL options: the defaults (meta.date, no numbered copies). */
layout_document *layout_report(const report *r, const style *s, text_engine *te,
                               const layout_options *options, diag_list *diags);
/* Set the changes between two versions of a report (m->before and
 * m->after, which, like m, must outlive the document) as a 修订对照 booklet
 * in style s: a cover naming both versions, the meta changes, then the
 * sections that hold a change with deleted text struck through and
 * inserted text underlined, changed tables, task tables with the bars of
 * both versions, and the closing. Errors as layout_report. */
layout_document *layout_changes(const diff_model *m, const style *s, text_engine *te,
                                int64_t source_date_epoch, diag_list *diags);
/* Frees the pages, their items and the arena; nothing borrowed. */
void layout_document_free(layout_document *doc);
/* Free what page draws (its items and its own glyphs) once it is drawn and
 * will not be again; its size stays. layout_document_free still follows. */
void layout_page_release(layout_page *page);

/* Chinese section number for depth (1-based) and ordinal (1-based):
 * 一、 （一） 1. （1）. Writes into buf (at least 32 bytes). */
void layout_section_number(int depth, int ordinal, char *buf, size_t size);

#endif
