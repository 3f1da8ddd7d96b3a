/* report_table.c — the report's own tables made into grids (grid.c lays
 * them out): head and cells from the report's text, progress cells as bars,
 * columns of figures aligned on the decimal point, numbered captions
 * (表1, 续表1). Also the two cell makers progress.c shares: a text cell of a
 * report text, and a percentage. */
#include "layout_internal.h"

/* ---- cells ---- */

const char *layout_percent(layout_ctx *c, double fraction)
{
    char buf[32];
    report_format_percent(fraction, buf, sizeof buf);
    return arena_strdup(c->a, buf);
}

grid_cell layout_text_cell(layout_ctx *c, const report_text *t)
{
    grid_cell cell = {.kind = CELL_TEXT, .text = t->s ? t->s : ""};
    if (t->s)
        cell.origin = layout_origin_of(c, t);
    return cell;
}

/* ---- the report's own tables ---- */

/* A figure as tables print them: digits with an optional sign, decimals
 * and a trailing %. */
static bool is_figure(const char *s)
{
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0, digits = 0;
    for (; s[i] >= '0' && s[i] <= '9'; i++)
        digits++;
    if (s[i] == '.')
        for (i++; s[i] >= '0' && s[i] <= '9'; i++)
            digits++;
    if (s[i] == '%')
        i++;
    return digits > 0 && s[i] == '\0';
}

/* A column is of figures when every filled text cell of it is one. */
static bool column_of_figures(const report_table *t, size_t k)
{
    size_t figures = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        const report_cell *cell = &t->rows[r][k];
        if (cell->is_progress || !cell->text.s || !cell->text.s[0])
            continue;
        if (!is_figure(cell->text.s))
            return false;
        figures++;
    }
    return figures > 0;
}

void layout_flow_table(flow *f, const report_block *b)
{
    layout_ctx *c = f->c;
    const report_table *t = &b->table;
    grid g = {.ncols = t->ncolumns, .nrows = t->nrows, .file = c->r->path};
    g.line = b->line;
    g.col = b->col;
    grid_cell *head = arena_alloc(c->a, t->ncolumns * sizeof *head);
    grid_cell *cells = arena_alloc(c->a, (t->nrows * t->ncolumns + 1) * sizeof *cells);
    for (size_t k = 0; k < t->ncolumns; k++) {
        head[k] = layout_text_cell(c, &t->columns[k]);
        bool figures = column_of_figures(t, k);
        for (size_t r = 0; r < t->nrows; r++) {
            const report_cell *rc = &t->rows[r][k];
            grid_cell *cell = &cells[r * t->ncolumns + k];
            if (rc->is_progress) {
                double v = rc->progress.value / 100;
                *cell = (grid_cell){.kind = CELL_BAR};
                cell->bar = (grid_bar){v, -1, STYLE_BAR_NEUTRAL, layout_percent(c, v)};
            } else {
                *cell = layout_text_cell(c, &rc->text);
                if (figures && cell->text[0])
                    cell->kind = CELL_NUMBER;
            }
        }
    }
    g.head = head;
    g.cells = cells;
    if (t->widths) {
        double *weights = arena_alloc(c->a, t->ncolumns * sizeof *weights);
        for (size_t k = 0; k < t->ncolumns; k++)
            weights[k] = t->widths[k].value;
        g.weights = weights;
    }
    if (t->caption.s) {
        int n = ++c->tables;
        /* An ASCII space, which the text stage sets as the gap after the number
         * and readers copy as a space; an ideographic space would be dropped. */
        g.caption = arena_printf(c->a, "表%d %s", n, t->caption.s);
        g.continued = arena_printf(c->a, "续表%d %s", n, t->caption.s);
        g.caption_origin = layout_origin_of(c, &t->caption);
        g.caption_origin.exact_cols = false;
    } else {
        g.continued = "续表";
    }
    if (t->note.s) {
        g.note = t->note.s;
        g.note_origin = layout_origin_of(c, &t->note);
    }
    layout_flow_grid(f, &g);
}
