/* layout_internal.h — shared by the files of the layout stage only.
 *
 * The files, each calling only those listed before it:
 *   diags.c         every diagnostic of a layout reported once
 *   page.c          pages under construction, their items, text-setting helpers
 *   tags.c          the structure tree: nodes, and the items that are their content
 *   number.c        section numbers, Chinese numerals and dates
 *   flow.c          the cursor moving down the body's pages
 *   bars.c          progress bars and their hatching
 *   columns.c       how the columns of a grid share the width
 *   grid.c          any grid of cells as a three-line table
 *   report_table.c  the report's own tables as grids
 *   progress.c      task tables, work-area heads, summaries with their legend
 *   body.c          sections, headings, paragraphs, closing, editor
 *   official.c      what the official documents share: grid lines, masthead, title, foot block
 *   notice.c, briefing.c   the 公文 and the 简报 around the body
 *   cover.c, contents.c, furniture.c   the other parts of the booklet
 *   layout.c        the context, and the booklet put together (layout_report)
 * and above them the 修订对照 of a diff (changes_internal.h):
 *   changes_text.c  marked text: deleted runs struck through, inserted underlined
 *   changes_cover.c its cover: both versions, what changed, how it is marked
 *   changes_tasks.c task changes as a table with the bars of both versions
 *   changes.c       the changed sections, blocks and meta (layout_changes) */
#ifndef BRIEFC_LAYOUT_INTERNAL_H
#define BRIEFC_LAYOUT_INTERNAL_H

#include "layout.h"

/* A page while it is being filled. Its item array is on the heap: freed by
 * layout_page_list_free, or handed over to the document by layout_report. */
typedef struct page_build {
    double width, height;
    VEC(layout_item) items;
    arena *own;      /* the glyphs the body flowed onto it (layout_page.own), or NULL */
    bool unnumbered; /* no page number (the blank page before a 版记 page, and that page) */
} page_build;

typedef VEC(page_build) page_list;

/* A heading placed in the body: what the contents and the outline need. */
typedef struct heading_mark {
    const char *title; /* number + title, in the context's arena */
    int depth;
    size_t page; /* index into the body's page list */
    double y;
    text_origin origin; /* of the title: the contents set it again */
} heading_mark;

/* ---- the context (layout.c) ---- */

/* What every part of the layout works with. Strings made and text set while
 * laying out are allocated in a (in layout_report: the document's arena);
 * the headings array is on the heap, freed by layout_ctx_close. */
/* The ten digits of a style, shaped once for the slots of copy numbers. */
typedef struct layout_digits {
    const text_font *font;
    double size;
    const uint32_t *gid;   /* of 0 … 9, in the arena */
    const double *advance; /* pt */
    bool failed;           /* could not be set in one font (reported once) */
} layout_digits;

typedef struct layout_ctx {
    const report *r;
    const style *s;
    text_engine *te;
    diag_list *diags;
    arena *a;
    /* While the body flows: the text set for one step of it (its lines and
     * runs), reset after each step; the glyphs placed are copied into the
     * page's own arena. A long report's scaffolding of lines thus never
     * piles up, and a page's text goes with the page. NULL else. */
    arena *scratch;
    arena_pool *frames;           /* the document's, for the pages' own arenas; NULL: the heap */
    text_style text[STYLE_COUNT]; /* fonts resolved per style */
    VEC(heading_mark) headings;
    text_style number;      /* figures in tables: the style's table size, the number font */
    int tables;             /* captioned tables so far (表1, 表2 …) */
    VEC(layout_node) nodes; /* the structure tree (heap; nodes[0] the document) */
    uint32_t parent;        /* where the next block's node goes: the section, a cell … */
    bool numbered;          /* numbered copies: slots for their numbers (layout_options) */
    const char *copy_zeros; /* "000000": what stands for a copy's number while laid out */
    layout_digits digits[STYLE_COUNT];
} layout_ctx;

/* Resolve the style's fonts for laying out r (false: a role has no installed
 * family, reported in diags); close frees what the context holds. */
bool layout_ctx_open(layout_ctx *c, const report *r, const style *s, text_engine *te,
                     diag_list *diags, arena *a);
void layout_ctx_close(layout_ctx *c);
/* Move finished pages into the document, which takes over their item arrays
 * (doc->pages must have room). */
void layout_adopt_pages(layout_document *doc, page_list *pages);
/* The document info from c->r's meta; the date as layout_report says. */
void layout_fill_info(layout_ctx *c, layout_document *doc, int64_t epoch);
/* The structure tree and the language, copied into the document's arena. */
void layout_adopt_nodes(layout_ctx *c, layout_document *doc);

/* ---- the structure tree (tags.c) ---- */

/* A new node of role under parent (its index); alt only for figures. */
uint32_t layout_node_add(layout_ctx *c, layout_role role, uint32_t parent, const char *alt);

/* Where the items of a page list stood: the page and the item on it. */
typedef struct tag_mark {
    size_t page, item;
} tag_mark;

tag_mark layout_tag_mark(const page_list *pages);
/* Make node the node of every item placed since m that has none yet: glyph
 * runs and links always; rectangles, lines and dots only when node is a
 * figure (elsewhere they are rules and strokes: artifacts). */
void layout_tag_since(const layout_ctx *c, page_list *pages, const tag_mark *m, uint32_t node);
/* The same for the items of one page from index `from` on. */
void layout_tag_page(const layout_ctx *c, page_build *p, size_t from, uint32_t node);
/* Mark every item of p from index `from` on as page furniture. */
void layout_tag_pagination(page_build *p, size_t from);

/* ---- diagnostics (diags.c) ---- */

/* Drop the diagnostics from index `from` on that repeat an earlier one from
 * there (same level, place and message); the order of the rest is kept. */
void layout_diags_unique(diag_list *d, size_t from);

/* ---- pages and items (page.c) ---- */

page_build *layout_page_list_add(page_list *pages, const style *s);
/* An empty document with its arena and the pool its pages' arenas use. */
layout_document *layout_document_new(void);
/* A page's own arena (page_build.own), from the context's pool if it has one. */
arena *layout_page_arena(const layout_ctx *c);
/* Free a page's items and its own arena (a page taken back). */
void layout_page_build_free(page_build *p);
void layout_page_add_item(page_build *p, layout_item item);
/* Left edge of the type area on physical page `physical` (mirrored margins). */
double layout_type_left(const style *s, size_t physical);
double layout_type_width(const style *s);
/* Draw a set line with its origin at (x, baseline), with its decorations. */
void layout_page_add_line(page_build *p, const text_line *line, const char *text, double x,
                          double baseline, style_color color);
/* A decoration of a line drawn at (x, baseline) as a rule: a strike through
 * the middle of the em box, an underline just below it. */
void layout_page_add_decoration(page_build *p, const text_decoration *d, double x, double baseline,
                                style_color color);
/* The same with `spacing` points added between glyphs (letter-spaced titles),
 * each run marked with its text so that readers copy it without gaps. */
void layout_page_add_spaced_line(page_build *p, const text_line *line, const char *text, double x,
                                 double baseline, style_color color, double spacing, arena *a);
void layout_page_add_rule(page_build *p, double x1, double y1, double x2, double y2, double width,
                          style_color color);
void layout_page_add_link(page_build *p, double x, double y, double w, double h, size_t target_page,
                          double target_y);
void layout_page_list_free(page_list *pages);
/* Place a set paragraph with its first line box at top (lines as set: the
 * text stage already aligned them in the measure); returns the y below it. */
double layout_page_add_para(page_build *p, const text_para *para, const style_text *st, double left,
                            double top);

/* ---- text helpers (page.c) ---- */

/* Baseline of a line whose box (one leading high) starts at top: the em box
 * is centred in the line pitch. */
double layout_line_baseline(double top, double leading, double size);
/* Set one unbroken line of text in style id. */
text_line *layout_set_line(layout_ctx *c, style_text_id id, const char *text, const text_origin *o);
/* Set a paragraph of style id into measure. */
text_para *layout_set_para(layout_ctx *c, style_text_id id, const char *text, size_t len,
                           const text_span *strong, size_t nstrong, double measure,
                           const text_origin *o);
text_origin layout_origin_of(const layout_ctx *c, const report_text *t);
/* Set text centred in width (the style's indent dropped). */
text_para *layout_set_centred(layout_ctx *c, style_text_id id, const char *text, double width,
                              const text_origin *o);

/* ---- numbers (number.c) ---- */

/* Chinese numeral for 1 ≤ n < 10000 (一, 十二, 一百零五). */
void layout_chinese_numeral(int n, char *buf, size_t size);
/* "2017年8月30日" */
void layout_chinese_date(const report_date *d, char *buf, size_t size);

/* ---- the body's flow (flow.c) ---- */

/* A cursor moving down the pages of the body. */
typedef struct flow {
    layout_ctx *c;
    page_list *pages;
    size_t first_physical;
    page_build *page; /* current page */
    double y;         /* top of the next line box */
    double top, bottom;
    bool at_top; /* nothing placed on this page yet */
    /* The line pitch of the layout's grid (0: none). Line k of a page has
     * its em box at top + k × grid, centred in a line box from grid_slack
     * above it (half the gap between lines) to grid_slack below its foot:
     * the first and the last em boxes are flush with the type area, and
     * whatever is not on the grid (a table) stays within it. Lines of grid
     * styles start on a line of the grid, half a gap below what is there. */
    double grid, grid_slack;
} flow;

/* A flow on its first page, physical page first_physical, in the type
 * area, with the layout's grid of lines when it has one. */
void layout_flow_start(flow *f, layout_ctx *c, page_list *pages, size_t first_physical);
void layout_flow_new_page(flow *f);
/* Move y down to the top of the next line box of the grid: line 0 at the
 * top of a page, else the first line half a gap below y. */
void layout_flow_snap(flow *f);
double layout_flow_room(const flow *f);
/* The room for lines of style id: on the grid, the last line's box reaches
 * half a gap below the type area. */
double layout_flow_room_for(const flow *f, style_text_id id);
/* Left edge of the type area on the current page. */
double layout_flow_left(const flow *f);
/* Vertical space, dropped at the top of a page. */
void layout_flow_space(flow *f, double space);
/* Place a set paragraph's lines, breaking across pages without a line
 * alone at the foot or the head of a page. */
void layout_flow_lines(flow *f, const text_para *p, style_text_id id);
/* The same with the lines x points in from the left edge of the type area. */
void layout_flow_lines_at(flow *f, const text_para *p, style_text_id id, double x);
/* The same, the lines being the content of a new node of role under the
 * context's parent (one element, over as many pages as it takes). */
void layout_flow_lines_as(flow *f, const text_para *p, style_text_id id, layout_role role);

/* Where the flow stands, to take back everything placed since: the
 * pages, the items on the last of them, the cursor, the headings recorded
 * and the tables numbered. Diagnostics are the caller's to keep or drop. */
typedef struct flow_mark {
    size_t npages, nitems;
    double y;
    bool at_top;
    size_t nheadings;
    int tables;
    size_t nnodes;   /* the structure nodes made since go too */
    uint32_t parent; /* and the node new blocks went under */
} flow_mark;

flow_mark layout_flow_mark(const flow *f);
void layout_flow_rewind(flow *f, const flow_mark *m);
/* Index of the page that holds the first item placed since m; SIZE_MAX
 * when nothing was placed. */
size_t layout_flow_first_page_since(const flow *f, const flow_mark *m);
/* Heads placed from start, and what follows them first on content_page
 * (SIZE_MAX: nothing): when that went to a later page and the heads do not
 * start theirs, take them back and start a new page (true: place them
 * again); else false, and all stays as placed. */
bool layout_flow_keep_again(flow *f, const flow_mark *start, size_t content_page);

/* How many of a paragraph's remaining `left` lines go on this page, given
 * room for `fit` lines: never one line alone at the foot (orphan) or at the
 * head of the next page (widow). 0 means start on the next page. */
size_t layout_lines_for_page(size_t left, size_t fit);

/* ---- progress bars (bars.c) ---- */

/* A bar: what a bar cell of a grid, a work-area head and a summary row show. */
typedef struct grid_bar {
    double fill; /* fraction of the track filled, 0..1 */
    double mark; /* time progress 0..1; < 0: no mark */
    style_bar_fill color;
    const char *label; /* "67.0%", "未报告" */
} grid_bar;

/* Draw a bar (track of `length`, fill, time mark) with its left edge at x,
 * centred on the line whose baseline is at baseline, its label after it;
 * returns the x after the label. */
double layout_bar_draw(layout_ctx *c, page_build *p, const grid_bar *bar, double x, double length,
                       double baseline, style_text_id id);
/* Width of a bar's label with the gap before it (in style id's size). */
double layout_bar_label_width(layout_ctx *c, const grid_bar *bar, style_text_id id);

/* White diagonal stripes over a filled rectangle: how a lagging bar (and
 * its legend swatch) reads in black-and-white print. */
void layout_bar_hatch(const layout_ctx *c, page_build *p, const layout_rect *r);

/* ---- column widths (columns.c): how a grid's columns share the width ---- */

/* What columns give up, in this order, when a table does not fit at natural
 * widths: each tier is the width every column can shrink to once the gives
 * before it and its own are allowed. Bars shorten first (to half their
 * length), then long text wraps (down to lines of a few words), then heads
 * of four characters or more take two lines (正常/推进), then bars shorten
 * down to a quarter; then the widest short cells are let wrap as long text
 * (layout_columns_by_content), then figures put what follows them (an
 * estimate's （估）) on a line of their own, then long text narrows to its
 * least, and only then do the other short cells wrap (always at break
 * opportunities: a figure never breaks). */
enum {
    TIER_NATURAL,
    TIER_HALF_BARS,
    TIER_LONG_TEXT_WRAPS,
    TIER_HEADS_WRAP,
    TIER_SHORT_BARS,
    TIER_FIGURE_TAILS_WRAP,
    TIER_LONG_TEXT_NARROWS,
    TIER_SHORT_TEXT_WRAPS,
    NTIERS
};

/* What a column's content needs (widths without padding), as grid.c
 * measured it, and the widths chosen. */
typedef struct grid_column {
    double nat, min;          /* text cells: on one line; the widest unbreakable piece */
    double *shorts;           /* widths of the short text cells, to keep whole */
    size_t nshorts;           /* (sorted by layout_columns_tiers; the widest last) */
    bool long_text;           /* has text cells that are not short, which wrap */
    double head_one;          /* the head on one line: what spare room is spent on first */
    double head, head_two;    /* the head as set normally; on two lines */
    double int_max, frac_max; /* figures: widths before and from the decimal point */
    double frac_kept_max;     /* the same from the point, with each figure's tail apart */
    double tail_max;          /* the widest tail, on its own line */
    double label_max;         /* bars: the widest label with its gap */
    bool bars;                /* holds progress bars, whose track may shorten */
    double tier[NTIERS];      /* widths at each tier, padding included */
    double width, x;          /* the chosen width (padding included), left edge */
} grid_column;

typedef struct grid_columns {
    grid_column *cols;
    size_t n;
    double width;      /* of the table */
    double pad;        /* padding on each side of a cell */
    double bar_length; /* the layout's bar length */
    /* long text wraps in lines of this much at least, until short cells wrap */
    double long_measure;
} grid_columns;

/* Each column's width at each tier (after its content was measured). */
void layout_columns_tiers(grid_columns *gc);
/* The table's width with every column at tier: at NTIERS - 1, the least. */
double layout_columns_sum(const grid_columns *gc, int tier);
/* Widths from the content that fill gc->width (the last tier must fit). */
void layout_columns_by_content(grid_columns *gc);
/* After layout_columns_by_content: when even figures' tails under them
 * leave the table too wide (on a page as narrow as a phone's), a first
 * column of names would narrow below its measure to a few characters a
 * line. Instead it takes the whole width, on a line of its own over the
 * row's other cells, which share the width less indent (they are widened
 * again from their content); true when so. A first column of figures or
 * bars stays. */
bool layout_columns_stack_first(grid_columns *gc, double indent);

/* ---- three-line tables (grid.c): a grid of cells in the flow ---- */

typedef enum {
    CELL_TEXT,   /* wrapped text, flush left (head cells: centred) */
    CELL_NUMBER, /* one line in the number font, aligned on the decimal point */
    CELL_BAR,    /* a progress bar with its label */
} cell_kind;

typedef struct grid_cell {
    cell_kind kind;
    const char *text; /* CELL_TEXT, CELL_NUMBER */
    /* CELL_TEXT: its first keep_len bytes (a task's name, before its note)
     * are a short piece kept on one line; CELL_NUMBER: the figure with its
     * unit, what follows it (（估）) may go under it in a narrow column; 0 for
     * none */
    size_t keep_len;
    text_origin origin;
    grid_bar bar; /* CELL_BAR */
    /* CELL_TEXT: decorations (a 修订对照's struck and underlined text); they
     * change no width */
    const text_span *spans;
    size_t nspans;
} grid_cell;

typedef struct grid {
    size_t ncols, nrows;
    const grid_cell *head;  /* ncols cells */
    const grid_cell *cells; /* nrows × ncols, row by row */
    const double *weights;  /* relative column widths, or NULL: from the content */
    const char *caption;    /* above the table, or NULL */
    const char *continued;  /* the caption on continuation pages */
    const char *note;       /* under the table, or NULL */
    double keep_after;      /* height that must follow the last row on its page (a legend) */
    text_origin caption_origin, note_origin;
    const char *file; /* where the table is, for diagnostics */
    int line, col;
} grid;

/* Lay a table out as a three-line table: caption, thick rule, head, thin
 * rule, rows, thick rule, note. Rows are not split unless one alone is
 * taller than a page; on each new page the head row is repeated under the
 * continuation caption. Columns that cannot fit at all are an error. */
void layout_flow_grid(flow *f, const grid *g);

/* ---- the report's tables (report_table.c) ---- */

/* A report table (b->table) as a numbered three-line table. */
void layout_flow_table(flow *f, const report_block *b);
/* A fraction as tables print it ("67.0%"), in the context's arena. */
const char *layout_percent(layout_ctx *c, double fraction);
/* A text cell of a report text (empty when absent), with its origin. */
grid_cell layout_text_cell(layout_ctx *c, const report_text *t);

/* ---- progress (progress.c): tasks, work-area heads, summaries ---- */

void layout_flow_tasks(flow *f, const report_block *b);
/* The word for a status (已完成, 正常推进, 滞后, 未报告). */
const char *layout_status_word(report_status s);
/* A task's bar on day d: its completion, its time mark, its status's fill. */
grid_bar layout_task_bar(layout_ctx *c, const report_task *task, report_date d);
/* A work area's bar: its mean completion and mean time progress. */
grid_bar layout_area_bar(layout_ctx *c, const report_area *a);
/* The one-line head of a work area; nothing when sec has no tasks. */
void layout_flow_area_head(flow *f, const report_section *sec);
/* One bar per direct subsection of sec (at depth) that is a work area. */
void layout_flow_summary(flow *f, const report_section *sec, int depth, const report_block *b);

/* ---- official documents (official.c): what the 公文 and the 简报 share ---- */

/* The pitch of blank lines: the grid's, else the body's leading. */
double layout_official_pitch(const flow *f);
/* 1 字 in style id: a grid cell when its characters are on cells, else its size. */
double layout_official_em(const layout_ctx *c, style_text_id id);
/* The layout's name as its file says it ("gbt9704"), for messages. */
const char *layout_official_layout_name(layout_ctx *c);
/* Room for one line of style id: on the grid's next line for a grid
 * style, on a new page when this one is full. */
void layout_official_need(flow *f, style_text_id id);
/* Leave `lines` blank lines (none at the top of a page). */
void layout_official_skip(flow *f, int lines);
/* Place a set line (NULL: an empty one) x in, on the next line of style id
 * (on the grid's next line for a grid style; a new page when this one is
 * full); returns its baseline. */
double layout_official_line(flow *f, style_text_id id, const text_line *line, const char *text,
                            double x);
/* Set text in style id on one line, or in lines of `measure`, without the
 * style's indent (the caller places it). */
text_line *layout_official_set_line(layout_ctx *c, style_text_id id, const char *text,
                                    const text_origin *o);
text_para *layout_official_set_para(layout_ctx *c, style_text_id id, const char *text,
                                    double measure, const text_origin *o);
/* A label at label_x with para's lines at para_x, the first beside it. */
void layout_official_hanging(flow *f, style_text_id id, const text_line *label,
                             const char *label_text, double label_x, const text_para *para,
                             double para_x);
/* The masthead t centred with the top of its em box at y `top` (shrunk
 * to the measure when wider); returns the bottom of its em box. */
double layout_official_masthead(flow *f, const report_text *t, double top);
/* The title t centred on the next lines, in balanced lines broken between words. */
void layout_official_title(flow *f, const report_text *t);
/* A rule across the type area at y. */
void layout_official_rule(flow *f, double y, double width, style_color color);
/* Tagged PDF: what an element placed since m (its glyphs; rules stay
 * artifacts) becomes one new node of role, in the document after the nodes
 * made so far. Every element of the 版头, the 主体 and the 版记 is one, so
 * that a reader of the tree meets them in the order of the page. */
void layout_official_tag(flow *f, const tag_mark *m, layout_role role);

/* One item of a block at the foot of a page (the 版记, the distribution
 * block), in the style imprint: a label at label_x with para's lines at
 * para_x, the first beside it, and a piece flush right 1 字 in, beside
 * the last line when it fits. */
typedef struct foot_item {
    const text_line *label;
    const char *label_text;
    double label_x;
    const text_para *para;
    double para_x;
    const text_line *right;
    const char *right_text;
    bool rule_before; /* a thin rule above it: a new group */
} foot_item;

double layout_foot_height(const layout_ctx *c, const foot_item *items, size_t n);
/* false (an error, at the report's official mapping) when a block of that
 * height, `what` (版记), is taller than the type area. */
bool layout_foot_possible(flow *f, double height, const char *what);
/* Whether a block of that height fits between the flow and the foot of the type area. */
bool layout_foot_fits(const flow *f, double height);
/* The items between a thick rule above them and a thick rule on the foot
 * of the type area, on the flow's page; the flow ends there. */
void layout_foot_block(flow *f, const foot_item *items, size_t n);
/* "label" and names joined by separator, ended by end, 1 字 in on both sides. */
foot_item layout_foot_list(layout_ctx *c, const char *label, const report_text_list *names,
                           const char *separator, const char *end);

/* ---- the 公文 (notice.c) and the 简报 (briefing.c) ---- */

/* The whole document of an official layout on pages from physical page
 * first_physical: front matter, the body, the back matter and the block at
 * the foot of the last page; pages that take no number are marked. */
void layout_notice(layout_ctx *c, page_list *pages, size_t first_physical);
void layout_briefing(layout_ctx *c, page_list *pages, size_t first_physical);

/* ---- parts of the booklet (cover.c, body.c, contents.c, furniture.c) ---- */

void layout_cover(layout_ctx *c, page_list *pages);
/* Lay out the body (sections, closing, editor) on pages starting at physical
 * page index first_physical; records headings in c->headings. */
void layout_body(layout_ctx *c, page_list *pages, size_t first_physical);
/* The body (sections, closing, editor) from where flow f stands. */
void layout_body_flow(flow *f);
/* Contents pages. page_numbers[i] is the printed number of c->headings[i]'s
 * page, or NULL to lay out with placeholders (to count the pages). link_offset
 * turns a body page index into a document page index. */
/* The nodes of the contents: its title and the TOC, made before the body
 * so that they come before it in the tree. */
typedef struct contents_nodes {
    uint32_t title, toc;
} contents_nodes;
contents_nodes layout_contents_nodes(layout_ctx *c);
void layout_contents(layout_ctx *c, page_list *pages, const contents_nodes *nodes,
                     size_t first_physical, const int *page_numbers, size_t link_offset);
/* Running header (unless the layout has none) and page number (none when
 * number is 0) on a body page. */
void layout_furniture(layout_ctx *c, page_build *p, size_t physical, int number);

/* ---- copy numbers (slots.c) ---- */

/* A slot for the copy's number in style id, its baseline at (x, baseline),
 * x its left end, centre or right end as align says. */
void layout_page_add_copy_number(layout_ctx *c, page_build *p, style_text_id id, double x,
                                 double baseline, style_align align);
/* What was set on p from item `from` on (zeros where the layout sets
 * meta.copy) made into a slot for the copy's number, aligned so. */
void layout_page_make_copy_slot(layout_ctx *c, page_build *p, size_t from, style_text_id id,
                                style_align align);
/* The style's per-page copy mark (print.copy_mark), if it has one. */
void layout_page_add_copy_mark(layout_ctx *c, page_build *p, size_t physical);

#endif
