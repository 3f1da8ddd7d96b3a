/* grid.c — grids of cells as three-line tables (三线表): column widths from
 * the content (what each column gives up, in a fixed order, when the table
 * does not fit) or from given weights, figures aligned on the decimal point,
 * rows kept whole across pages with the head row repeated under a
 * continuation caption, and a row taller than a page split line by line.
 * On a page too narrow for its columns, a table sets each row's first cell
 * (a name) on a line of its own over the others. */
#include "layout_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A table that does not fit where it stands starts there anyway when at
 * least this many rows fit, and leaves at least two for the next page;
 * else it starts on the next page. */
enum { MIN_ROWS_BEFORE_BREAK = 3, MIN_ROWS_AFTER_BREAK = 2 };

/* Heads of up to this many characters stay on one line unless a short cell
 * would otherwise wrap; cells of up to this many characters (names, units,
 * figures in words) are "short": kept on one line while another column can
 * give up width (columns.c). */
enum { SHORT_HEAD = 4, SHORT_CELL = 10 };

/* Long text keeps lines of at least this many em (about as many characters)
 * while short cells stay whole; narrower only when they wrap too. */
enum { LONG_TEXT_EMS = 6 };

/* A cell set for its column. */
typedef struct cell_set {
    const grid_cell *cell;
    text_para *para;  /* CELL_TEXT */
    text_para *tail;  /* CELL_TEXT with keep_len, set apart: the lines after para's */
    text_line *line;  /* CELL_NUMBER */
    double int_width; /* CELL_NUMBER: width before the decimal point */
    /* CELL_NUMBER with keep_len: the figure and its tail apart */
    text_line *figure, *figure_tail;
    size_t nlines;
} cell_set;

typedef struct table {
    flow *f;
    const grid *g;
    grid_columns gc;
    grid_column *cols; /* gc.cols */
    cell_set *head, *cells;
    text_para *caption, *continued, *note;
    double after; /* what must follow the last row on its page: the note, a legend */
    double width, leading, pad_x, pad_y, thick, thin;
    double head_height;
    /* the first column on a line of its own over the others
     * (layout_columns_stack_first) */
    bool stacked;
    double indent;       /* of the other columns when stacked */
    uint32_t node, body; /* the table's node and its TBody's */
} table;

/* ---- measuring ---- */

/* Where the fraction of a figure starts: its decimal point, else the first
 * byte after the leading sign and digits (a unit or % follows). */
static size_t figure_point(const char *s)
{
    const char *dot = strchr(s, '.');
    if (dot)
        return (size_t)(dot - s);
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    while ((s[i] >= '0' && s[i] <= '9') || s[i] == ',')
        i++;
    return i;
}

static text_style cell_style(const table *t, const grid_cell *cell, bool head)
{
    layout_ctx *c = t->f->c;
    if (cell->kind == CELL_NUMBER && !head)
        return c->number;
    text_style st = c->text[STYLE_TABLE];
    st.indent = 0;
    st.align = STYLE_ALIGN_LEFT;
    if (head) {
        st.font = st.strong_font ? st.strong_font : st.font;
        st.align = STYLE_ALIGN_CENTER;
    }
    return st;
}

/* A head's widths: on one line, and on two (balanced) for a head of
 * SHORT_HEAD characters or more; a longer one is set on two normally, so
 * that the body sets the column's width. */
static void measure_head(table *t, const grid_cell *cell, grid_column *col)
{
    layout_ctx *c = t->f->c;
    text_style st = cell_style(t, cell, true);
    double min, nat;
    text_measure(c->te, cell->text, strlen(cell->text), &st, &min, &nat);
    size_t n = utf8_length(cell->text, strlen(cell->text));
    double two = n >= SHORT_HEAD ? fmax(min, nat * (double)((n + 1) / 2) / (double)n) : nat;
    col->head_one = fmax(col->head_one, nat);
    col->head = fmax(col->head, n > SHORT_HEAD ? two : nat);
    col->head_two = fmax(col->head_two, two);
}

/* A text cell's widths. A short one is kept whole (keep = natural); so is
 * the short first part of a cell that has one (a task's name before its
 * note); anything else may wrap at its break opportunities. */
static void measure_text(table *t, const grid_cell *cell, grid_column *col)
{
    layout_ctx *c = t->f->c;
    text_style st = cell_style(t, cell, false);
    double min, nat, keep;
    size_t len = strlen(cell->text);
    text_measure(c->te, cell->text, len, &st, &min, &nat);
    if (utf8_length(cell->text, len) <= SHORT_CELL) {
        keep = nat;
    } else if (cell->keep_len > 0 && cell->keep_len < len &&
               utf8_length(cell->text, cell->keep_len) <= SHORT_CELL) {
        double piece_min;
        text_measure(c->te, cell->text, cell->keep_len, &st, &piece_min, &keep);
        keep = fmax(keep, min);
    } else {
        keep = 0; /* long text: wraps before any short cell does */
        col->long_text = true;
    }
    if (keep > 0)
        col->shorts[col->nshorts++] = keep;
    col->min = fmax(col->min, min);
    col->nat = fmax(col->nat, nat);
}

static void measure_number(table *t, cell_set *cs, grid_column *col)
{
    layout_ctx *c = t->f->c;
    const grid_cell *cell = cs->cell;
    text_style st = cell_style(t, cell, false);
    cs->line =
        text_set_line(c->te, c->a, cell->text, strlen(cell->text), &st, &cell->origin, c->diags);
    size_t point = figure_point(cell->text);
    cs->int_width = cs->line->width;
    for (size_t r = 0; r < cs->line->nruns; r++)
        for (size_t k = 0; k < cs->line->runs[r].nglyphs; k++)
            if (cs->line->runs[r].glyphs[k].text_start == point &&
                cs->line->runs[r].glyphs[k].text_len > 0)
                cs->int_width = cs->line->runs[r].glyphs[k].x;
    col->int_max = fmax(col->int_max, cs->int_width);
    col->frac_max = fmax(col->frac_max, cs->line->width - cs->int_width);
    double kept = cs->line->width;
    size_t len = strlen(cell->text), keep = cell->keep_len;
    if (keep > point && keep < len) {
        cs->figure = text_set_line(c->te, c->a, cell->text, keep, &st, &cell->origin, c->diags);
        text_origin rest = cell->origin;
        rest.exact_cols = false;
        cs->figure_tail =
            text_set_line(c->te, c->a, cell->text + keep, len - keep, &st, &rest, c->diags);
        kept = cs->figure->width;
        col->tail_max = fmax(col->tail_max, cs->figure_tail->width);
    }
    col->frac_kept_max = fmax(col->frac_kept_max, kept - cs->int_width);
    cs->nlines = 1;
}

static void measure_cell(table *t, cell_set *cs, grid_column *col, bool head)
{
    const grid_cell *cell = cs->cell;
    if (head) {
        measure_head(t, cell, col);
    } else if (cell->kind == CELL_BAR) {
        col->label_max =
            fmax(col->label_max, layout_bar_label_width(t->f->c, &cell->bar, STYLE_TABLE));
        col->bars = true;
    } else if (cell->kind == CELL_NUMBER) {
        measure_number(t, cs, col);
    } else {
        measure_text(t, cell, col);
    }
}

/* Widths from the weights when they leave every column room for its short
 * cells whole, else from the content (columns.c). */
static bool distribute(table *t)
{
    const grid *g = t->g;
    layout_ctx *c = t->f->c;
    double sum_w = 0, max_w = 0;
    for (size_t k = 0; g->weights && k < g->ncols; k++)
        max_w = fmax(max_w, g->weights[k]);
    layout_columns_tiers(&t->gc);
    for (size_t k = 0; k < g->ncols; k++)
        sum_w += max_w > 0 ? g->weights[k] / max_w : 0; /* scaled: 1e308 + 1e308 stays finite */
    double sum_min = layout_columns_sum(&t->gc, NTIERS - 1);
    if (sum_min > t->width + 0.01) {
        diag_add(c->diags, DIAG_ERROR, g->file, g->line, g->col,
                 "this table of %zu columns does not fit: its columns need at least %.0f mm, "
                 "the type area is %.0f mm wide (give it fewer columns, or use a wider layout)",
                 g->ncols, sum_min * 25.4 / 72, t->width * 25.4 / 72);
        return false;
    }
    /* The weights are followed when they keep every short cell whole. When
     * they would break one but leave each column its least width, the
     * content's widths serve the author's aim better and nothing is said (a
     * table meant for A4 on an A5 page); only weights that cannot be
     * followed at all are worth a warning. */
    bool weighted = g->weights && sum_w > 0 && isfinite(sum_w), possible = weighted;
    for (size_t k = 0; weighted && k < g->ncols; k++)
        weighted = t->width * (g->weights[k] / max_w) / sum_w >=
                   t->cols[k].tier[TIER_SHORT_TEXT_WRAPS - 1] - 0.01;
    for (size_t k = 0; possible && k < g->ncols; k++)
        possible = t->width * (g->weights[k] / max_w) / sum_w >= t->cols[k].tier[NTIERS - 1] - 0.01;
    if (g->weights && !possible)
        diag_add(c->diags, DIAG_WARNING, g->file, g->line, g->col,
                 "the table's widths leave a column too narrow for its content; "
                 "widths taken from the content instead");
    if (weighted)
        for (size_t k = 0; k < g->ncols; k++)
            t->cols[k].width = t->width * (g->weights[k] / max_w) / sum_w;
    else
        layout_columns_by_content(&t->gc);
    t->stacked = !weighted && layout_columns_stack_first(&t->gc, t->indent);
    double x = 0;
    for (size_t k = 0; k < g->ncols; k++) {
        if (t->stacked && k == 1)
            x = t->indent; /* under the first column, which spans the table */
        t->cols[k].x = x;
        x += t->cols[k].width;
    }
    return true;
}

/* A cell with a part to keep whole (keep_len) that does not fit on one
 * line but whose part does: the part on its own line(s), the rest after. */
static bool set_apart(table *t, cell_set *cs, const text_style *st, double measure)
{
    layout_ctx *c = t->f->c;
    const grid_cell *cell = cs->cell;
    size_t len = strlen(cell->text), keep = cell->keep_len;
    double min, nat, piece;
    if (keep == 0 || keep >= len)
        return false;
    text_measure(c->te, cell->text, len, st, &min, &nat);
    text_measure(c->te, cell->text, keep, st, &min, &piece);
    if (nat <= measure + 0.01 || piece > measure + 0.01)
        return false;
    cs->para = text_set_paragraph(c->te, c->a, cell->text, keep, NULL, 0, st, measure,
                                  &cell->origin, c->diags);
    text_origin rest = cell->origin; /* the rest (a note) is written elsewhere in the source */
    rest.exact_cols = false;
    cs->tail = text_set_paragraph(c->te, c->a, cell->text + keep, len - keep, NULL, 0, st, measure,
                                  &rest, c->diags);
    return true;
}

/* A head that wraps is set in lines of even length (时间/进度, not 时间进/度):
 * the measure of as many characters a line as its lines need. */
static double balanced_measure(table *t, const grid_cell *cell, const text_style *st,
                               double measure)
{
    double min, nat;
    size_t n = utf8_length(cell->text, strlen(cell->text));
    text_measure(t->f->c->te, cell->text, strlen(cell->text), st, &min, &nat);
    if (nat <= measure + 0.01 || n < 2 || measure <= 0)
        return measure;
    size_t lines = (size_t)ceil(nat / measure - 0.001);
    size_t per_line = (n + lines - 1) / lines;
    return fmin(measure, fmax(min, nat * (double)per_line / (double)n) + 0.01);
}

/* Whether the column's figures are too wide for it with their tails: the
 * tails then go under them, and every figure aligns without its tail. */
static bool tails_under(const table *t, const grid_column *col)
{
    return col->tail_max > 0 && col->width - 2 * t->pad_x < col->int_max + col->frac_max - 0.01;
}

static void set_text_cell(table *t, cell_set *cs, const grid_column *col, bool head)
{
    layout_ctx *c = t->f->c;
    if (cs->cell->kind == CELL_TEXT || (head && cs->cell->kind != CELL_BAR)) {
        text_style st = cell_style(t, cs->cell, head);
        if (head && t->stacked && col == t->cols) /* the head of a line of its own */
            st.align = STYLE_ALIGN_LEFT;
        double measure = col->width - 2 * t->pad_x;
        if (head)
            measure = balanced_measure(t, cs->cell, &st, measure);
        if (head || !set_apart(t, cs, &st, measure))
            cs->para = text_set_paragraph(c->te, c->a, cs->cell->text, strlen(cs->cell->text),
                                          cs->cell->spans, cs->cell->nspans, &st, measure,
                                          &cs->cell->origin, c->diags);
        cs->nlines = cs->para->nlines + (cs->tail ? cs->tail->nlines : 0);
        cs->nlines = cs->nlines ? cs->nlines : 1;
    } else {
        cs->nlines = cs->figure_tail && tails_under(t, col) ? 2 : 1;
    }
}

/* ---- drawing ---- */

static double rows_height(const table *t, const cell_set *row, const size_t *from)
{
    size_t most = 0, over = 0;
    for (size_t k = 0; k < t->g->ncols; k++) {
        size_t left = row[k].nlines - (from ? from[k] : 0);
        if (t->stacked && k == 0)
            over = left;
        else
            most = left > most ? left : most;
    }
    return (double)(over + most) * t->leading + 2 * t->pad_y;
}

/* A row's node and its cells' (role TH or TD) under parent. */
static uint32_t *row_nodes(table *t, uint32_t parent, layout_role cell_role)
{
    layout_ctx *c = t->f->c;
    uint32_t *cells = arena_alloc(c->a, t->g->ncols * sizeof *cells);
    uint32_t tr = layout_node_add(c, LAYOUT_ROLE_TR, parent, NULL);
    for (size_t k = 0; k < t->g->ncols; k++)
        cells[k] = layout_node_add(c, cell_role, tr, NULL);
    return cells;
}

/* Lines [first, first + count) of a figure set over its tail: the figure
 * on the decimal point as the column's other figures are, the tail flush
 * right under it. */
static void draw_figure_lines(table *t, const cell_set *cs, const grid_column *col, double left,
                              size_t first, size_t count, double y)
{
    flow *f = t->f;
    const style_text *st = &f->c->s->text[STYLE_TABLE];
    double right = left + col->x + col->width - t->pad_x;
    for (size_t i = first; i < first + count && i < 2; i++, y += t->leading) {
        double baseline = layout_line_baseline(y, t->leading, st->size);
        if (i == 0)
            layout_page_add_line(f->page, cs->figure, cs->cell->text,
                                 right - col->frac_kept_max - cs->int_width, baseline, st->color);
        else
            layout_page_add_line(f->page, cs->figure_tail, cs->cell->text + cs->cell->keep_len,
                                 right - cs->figure_tail->width, baseline, st->color);
    }
}

/* Draw lines [from[k], from[k] + n) of each cell of a row at the flow's y;
 * each cell's items are the content of nodes[k] (NULL: an artifact, the head
 * repeated on a continuation page). */
static void draw_row(table *t, const cell_set *row, size_t *from, size_t n, const uint32_t *nodes)
{
    flow *f = t->f;
    layout_ctx *c = f->c;
    const style_text *st = &c->s->text[STYLE_TABLE];
    double left = layout_flow_left(f), most = 0;
    size_t over = 0;        /* stacked: the first cell's lines drawn, over the others */
    bool first_done = true; /* stacked: the first cell has no lines left */
    uint32_t parent = c->parent;
    for (size_t k = 0; k < t->g->ncols; k++) {
        const cell_set *cs = &row[k];
        const grid_column *col = &t->cols[k];
        size_t items_before = f->page->items.count;
        c->parent = nodes ? nodes[k] : parent; /* a bar's figure goes in its cell */
        size_t first = from ? from[k] : 0;
        /* stacked: the others' lines once the first cell's are all drawn */
        size_t room = !t->stacked || k == 0 ? n : first_done ? n - over : 0;
        size_t count = cs->nlines - first < room ? cs->nlines - first : room;
        double x = left + col->x + t->pad_x, y = f->y + t->pad_y;
        if (t->stacked && k > 0)
            y += (double)over * t->leading;
        double baseline = layout_line_baseline(y, t->leading, st->size);
        if (cs->para) {
            size_t in_para = cs->para->nlines;
            size_t set = in_para + (cs->tail ? cs->tail->nlines : 0); /* "" has none */
            size_t last = first + count < set ? first + count : set;
            for (size_t i = first; i < last; i++) {
                const text_para *from_para = i < in_para ? cs->para : cs->tail;
                const text_line *line = &from_para->lines[i < in_para ? i : i - in_para];
                layout_page_add_line(f->page, line, from_para->text, x,
                                     layout_line_baseline(y, t->leading, st->size), st->color);
                y += t->leading;
            }
        } else if (cs->line && cs->figure_tail && tails_under(t, col)) {
            draw_figure_lines(t, cs, col, left, first, count, y);
        } else if (cs->line && first == 0 && count > 0) {
            double right = left + col->x + col->width - t->pad_x;
            double frac = tails_under(t, col) ? col->frac_kept_max : col->frac_max;
            layout_page_add_line(f->page, cs->line, cs->cell->text, right - frac - cs->int_width,
                                 baseline, st->color);
        } else if (cs->cell->kind == CELL_BAR && first == 0 && count > 0) {
            /* the track gives way when the column is narrow; labels follow it */
            double room = col->width - 2 * t->pad_x - col->label_max;
            layout_bar_draw(c, f->page, &cs->cell->bar, x, fmin(room, c->s->bars.width), baseline,
                            STYLE_TABLE);
        }
        if (nodes)
            layout_tag_page(c, f->page, items_before, nodes[k]);
        if (from)
            from[k] = first + count;
        if (t->stacked && k == 0) {
            over = count;
            first_done = first + count >= cs->nlines;
        } else {
            most = fmax(most, (double)count);
        }
    }
    c->parent = parent;
    f->y += ((double)over + most) * t->leading + 2 * t->pad_y;
    f->at_top = false;
}

static void draw_rule(table *t, double width)
{
    flow *f = t->f;
    double left = layout_flow_left(f), y = f->y + width / 2;
    layout_page_add_rule(f->page, left, y, left + t->width, y, width, f->c->s->table.rule_color);
    f->y += width;
}

static double caption_height(const table *t, const text_para *caption)
{
    const style_text *st = &t->f->c->s->text[STYLE_CAPTION];
    return caption ? st->space_before + (double)caption->nlines * st->leading + st->space_after : 0;
}

/* Caption, top rule, head row, thin rule. */
static void table_open(table *t, bool continued)
{
    flow *f = t->f;
    const style_text *st = &f->c->s->text[STYLE_CAPTION];
    text_para *caption = continued ? t->continued : t->caption;
    if (caption) {
        layout_flow_space(f, st->space_before);
        size_t from = f->page->items.count;
        f->y =
            layout_page_add_para(f->page, caption, st, layout_flow_left(f), f->y) + st->space_after;
        if (!continued) /* 续表 and the head again are there to see, not to read twice */
            layout_tag_page(f->c, f->page, from,
                            layout_node_add(f->c, LAYOUT_ROLE_CAPTION, t->node, NULL));
        f->at_top = false;
    }
    draw_rule(t, t->thick);
    const uint32_t *head = NULL;
    if (!continued) {
        head =
            row_nodes(t, layout_node_add(f->c, LAYOUT_ROLE_THEAD, t->node, NULL), LAYOUT_ROLE_TH);
        t->body = layout_node_add(f->c, LAYOUT_ROLE_TBODY, t->node, NULL);
    }
    draw_row(t, t->head, NULL, SIZE_MAX, head);
    draw_rule(t, t->thin);
}

static void table_close(table *t)
{
    draw_rule(t, t->thick);
}

static void table_continue(table *t)
{
    table_close(t);
    layout_flow_new_page(t->f);
    table_open(t, true);
}

/* The room a fresh page gives the rows of a continued table. */
static double fresh_room(const table *t)
{
    return (t->f->bottom - t->f->top) - caption_height(t, t->continued) - t->head_height -
           2 * t->thick - t->thin;
}

static void draw_rows(table *t)
{
    flow *f = t->f;
    size_t ncols = t->g->ncols;
    size_t *from = xcalloc(ncols, sizeof *from);
    for (size_t r = 0; r < t->g->nrows; r++) {
        cell_set *row = &t->cells[r * ncols];
        const uint32_t *nodes = row_nodes(t, t->body, LAYOUT_ROLE_TD);
        memset(from, 0, ncols * sizeof *from);
        double h = rows_height(t, row, from);
        double after = r + 1 == t->g->nrows ? t->after : 0; /* the last row keeps it */
        if (r + 2 == t->g->nrows) /* the last row never goes alone to the next page */
            after += rows_height(t, row + ncols, NULL) + t->after;
        if (f->y + h + t->thick + after > f->bottom && h + after <= fresh_room(t))
            table_continue(t);
        /* a row taller than a page goes line by line */
        bool fresh = false;
        while (rows_height(t, row, from) > 2 * t->pad_y) {
            double room = f->bottom - f->y - t->thick - 2 * t->pad_y;
            size_t fit = room > 0 ? (size_t)(room / t->leading + 0.01) : 0;
            if (fit == 0 && !fresh) {
                table_continue(t);
                fresh = true;
                continue;
            }
            fit = fit ? fit : 1; /* a page too short for one line: overfull, not endless */
            draw_row(t, row, from, fit, nodes);
            fresh = rows_height(t, row, from) > 2 * t->pad_y;
            if (fresh)
                table_continue(t);
        }
    }
    free(from);
}

/* The note, set now so that its height keeps it with the last row. */
static void set_note(table *t)
{
    layout_ctx *c = t->f->c;
    const style_text *ns = &c->s->text[STYLE_NOTE];
    t->after = t->g->keep_after;
    if (!t->g->note)
        return;
    text_style st = c->text[STYLE_NOTE];
    st.align = STYLE_ALIGN_LEFT;
    st.indent = 0;
    t->note = text_set_paragraph(c->te, c->a, t->g->note, strlen(t->g->note), NULL, 0, &st,
                                 t->width, &t->g->note_origin, c->diags);
    t->after += ns->space_before + (double)t->note->nlines * ns->leading;
}

static void table_note(table *t)
{
    flow *f = t->f;
    const style_text *ns = &f->c->s->text[STYLE_NOTE];
    if (!t->note)
        return;
    layout_flow_space(f, ns->space_before);
    uint32_t node = layout_node_add(f->c, LAYOUT_ROLE_NOTE, f->c->parent, NULL);
    tag_mark start = layout_tag_mark(f->pages);
    layout_flow_lines(f, t->note, STYLE_NOTE);
    layout_tag_since(f->c, f->pages, &start, node);
    layout_flow_space(f, ns->space_after);
}

static bool table_prepare(table *t)
{
    const grid *g = t->g;
    layout_ctx *c = t->f->c;
    t->cols = arena_alloc(c->a, g->ncols * sizeof *t->cols);
    for (size_t k = 0; k < g->ncols; k++)
        t->cols[k].shorts = arena_alloc(c->a, (g->nrows + 1) * sizeof *t->cols[k].shorts);
    t->gc =
        (grid_columns){t->cols,  g->ncols,         t->width,
                       t->pad_x, c->s->bars.width, LONG_TEXT_EMS * c->s->text[STYLE_TABLE].size};
    t->head = arena_alloc(c->a, g->ncols * sizeof *t->head);
    t->cells = arena_alloc(c->a, (g->nrows * g->ncols + 1) * sizeof *t->cells);
    for (size_t k = 0; k < g->ncols; k++) {
        t->head[k].cell = &g->head[k];
        measure_cell(t, &t->head[k], &t->cols[k], true);
    }
    for (size_t i = 0; i < g->nrows * g->ncols; i++) {
        t->cells[i].cell = &g->cells[i];
        measure_cell(t, &t->cells[i], &t->cols[i % g->ncols], false);
    }
    if (!distribute(t))
        return false;
    for (size_t k = 0; k < g->ncols; k++)
        set_text_cell(t, &t->head[k], &t->cols[k], true);
    for (size_t i = 0; i < g->nrows * g->ncols; i++)
        set_text_cell(t, &t->cells[i], &t->cols[i % g->ncols], false);
    if (g->caption)
        t->caption = layout_set_centred(c, STYLE_CAPTION, g->caption, t->width, &g->caption_origin);
    if (g->continued)
        t->continued =
            layout_set_centred(c, STYLE_CAPTION, g->continued, t->width, &g->caption_origin);
    t->head_height = rows_height(t, t->head, NULL);
    set_note(t);
    return true;
}

/* Whether the table starts on the current page: when it fits whole, or
 * when enough rows fit here and enough are left for the next page. */
static bool table_starts_here(const table *t)
{
    const grid *g = t->g;
    double room = t->f->bottom - t->f->y - t->leading / 2 - caption_height(t, t->caption) -
                  t->head_height - 2 * t->thick - t->thin;
    size_t fit = 0;
    for (double used = 0; fit < g->nrows; fit++) {
        used += rows_height(t, &t->cells[fit * g->ncols], NULL);
        if (used + (fit + 1 == g->nrows ? t->after : 0) > room)
            break;
    }
    if (g->nrows == 0) /* caption, head and note alone */
        return t->after <= room;
    if (fit < g->nrows && g->nrows - fit < MIN_ROWS_AFTER_BREAK)
        fit = g->nrows - MIN_ROWS_AFTER_BREAK; /* draw_rows keeps the last rows together */
    return fit == g->nrows || (fit >= MIN_ROWS_BEFORE_BREAK && fit < g->nrows);
}

void layout_flow_grid(flow *f, const grid *g)
{
    layout_ctx *c = f->c;
    const style_table *ts = &c->s->table;
    table t = {.f = f, .g = g, .width = layout_type_width(c->s)};
    t.leading = c->s->text[STYLE_TABLE].leading;
    t.pad_x = ts->pad_x;
    t.pad_y = ts->pad_y;
    t.indent = c->s->text[STYLE_TABLE].size;
    t.thick = ts->rule_thick;
    t.thin = ts->rule_thin;
    if (g->ncols == 0 || !table_prepare(&t))
        return;
    if (!f->at_top && !table_starts_here(&t))
        layout_flow_new_page(f);
    layout_flow_space(f, t.leading / 2);
    t.node = layout_node_add(c, LAYOUT_ROLE_TABLE, c->parent, NULL);
    table_open(&t, false);
    draw_rows(&t);
    table_close(&t);
    table_note(&t);
}
