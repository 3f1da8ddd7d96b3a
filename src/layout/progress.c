/* progress.c — everything that shows progress: task tables with bars, the
 * one-line head of each work area, and the summary of a section's work
 * areas with its legend. The numbers come from the report stage
 * (report_task_status, report_section_area …); this file only turns them
 * into grids (grid.c) and bars (bars.c). */
#include "layout_internal.h"

#include <string.h>

static const char *const STATUS_TEXT[] = {"已完成", "正常推进", "滞后", "未报告"};

static grid_cell plain_cell(cell_kind kind, const char *text)
{
    grid_cell cell = {.kind = kind, .text = text};
    return cell;
}

/* ---- task tables ---- */

static const char *with_unit(layout_ctx *c, const report_number *n, const report_text *unit,
                             bool estimated)
{
    return arena_printf(c->a, "%s%s%s", n->text, unit->s ? unit->s : "", estimated ? "（估）" : "");
}

const char *layout_status_word(report_status s)
{
    return STATUS_TEXT[s];
}

grid_bar layout_task_bar(layout_ctx *c, const report_task *task, report_date d)
{
    report_status status = report_task_status(task, d);
    grid_bar bar = {0, report_time_progress(task->start, task->due, d), (style_bar_fill)status,
                    STATUS_TEXT[REPORT_TASK_NOT_REPORTED]};
    if (status != REPORT_TASK_NOT_REPORTED) {
        bar.fill = report_task_completion(task);
        bar.label = layout_percent(c, bar.fill);
    }
    return bar;
}

void layout_flow_tasks(flow *f, const report_block *b)
{
    layout_ctx *c = f->c;
    enum { NCOLS = 5 };
    static const char *const HEAD[NCOLS] = {"任务", "目标", "完成", "完成进度", "状态"};
    grid g = {.ncols = NCOLS, .nrows = b->ntasks, .file = c->r->path};
    g.line = b->line;
    g.col = b->col;
    grid_cell *head = arena_alloc(c->a, NCOLS * sizeof *head);
    grid_cell *cells = arena_alloc(c->a, (b->ntasks * NCOLS + 1) * sizeof *cells);
    bool any_estimate = false;
    for (size_t k = 0; k < NCOLS; k++)
        head[k] = plain_cell(CELL_TEXT, HEAD[k]);
    for (size_t i = 0; i < b->ntasks; i++) {
        const report_task *task = &b->tasks[i];
        grid_cell *row = &cells[i * NCOLS];
        row[0] = layout_text_cell(c, &task->name);
        if (task->note.s) {
            row[0].text = arena_printf(c->a, "%s（%s）", task->name.s, task->note.s);
            row[0].keep_len = task->name.len;
        }
        row[1] = plain_cell(CELL_NUMBER, with_unit(c, &task->target, &task->unit, false));
        row[2] =
            task->done.text
                ? plain_cell(CELL_NUMBER, with_unit(c, &task->done, &task->unit, task->estimated))
                : plain_cell(CELL_TEXT, "—");
        if (task->done.text && task->estimated) /* （估） may go under its figure */
            row[2].keep_len = strlen(task->done.text) + (task->unit.s ? strlen(task->unit.s) : 0);
        row[3] = (grid_cell){.kind = CELL_BAR, .bar = layout_task_bar(c, task, c->r->meta.date)};
        row[4] = plain_cell(CELL_TEXT, STATUS_TEXT[report_task_status(task, c->r->meta.date)]);
        any_estimate = any_estimate || (task->estimated && task->done.text);
    }
    g.head = head;
    g.cells = cells;
    g.continued = "续表";
    char date[64];
    layout_chinese_date(&c->r->meta.date, date, sizeof date);
    g.note = any_estimate
                 ? arena_printf(
                       c->a, "注：完成进度条中的竖线为截至%s的时间进度；标“估”者为估计数。", date)
                 : arena_printf(c->a, "注：完成进度条中的竖线为截至%s的时间进度。", date);
    layout_flow_grid(f, &g);
}

/* ---- work areas ---- */

static style_bar_fill area_fill(const report_area *a)
{
    if (a->nreported == 0)
        return STYLE_BAR_NOT_REPORTED;
    if (a->progress >= 1)
        return STYLE_BAR_DONE;
    return a->progress >= a->time_progress ? STYLE_BAR_ON_TRACK : STYLE_BAR_BEHIND;
}

grid_bar layout_area_bar(layout_ctx *c, const report_area *a)
{
    grid_bar bar = {a->progress, a->time_progress, area_fill(a),
                    STATUS_TEXT[REPORT_TASK_NOT_REPORTED]};
    if (a->nreported > 0)
        bar.label = layout_percent(c, a->progress);
    else
        bar.fill = 0;
    return bar;
}

void layout_flow_area_head(flow *f, const report_section *sec)
{
    layout_ctx *c = f->c;
    report_area a;
    if (!report_section_area(sec, c->r->meta.date, &a))
        return;
    const style_text *st = &c->s->text[STYLE_TABLE];
    if (layout_flow_room(f) < 2 * st->leading)
        layout_flow_new_page(f);
    grid_bar bar = layout_area_bar(c, &a);
    double left = layout_flow_left(f), right = left + layout_type_width(c->s);
    double baseline = layout_line_baseline(f->y, st->leading, st->size);
    /* one P: the bar (its figure) and the counts */
    uint32_t node = layout_node_add(c, LAYOUT_ROLE_P, c->parent, NULL), parent = c->parent;
    size_t from = f->page->items.count;
    c->parent = node;
    double x = layout_bar_draw(c, f->page, &bar, left, c->s->bars.width, baseline, STYLE_TABLE);
    c->parent = parent;
    /* No ASCII spaces: the text stage sets the gaps around the digits, and
     * readers copy "已完成2项", not a space the text does not have. */
    char *counts = arena_printf(c->a, "已完成%zu项·正常推进%zu项·滞后%zu项·未报告%zu项", a.ndone,
                                a.non_track, a.nbehind, a.nnot_reported);
    /* beside the bar, wrapped in what is left of the line; under it on a
     * page too narrow for that */
    x += st->size;
    if (right - x < 6 * st->size) {
        f->y += st->leading;
        x = left;
    }
    text_style counts_style = c->text[STYLE_TABLE];
    counts_style.align = STYLE_ALIGN_LEFT;
    counts_style.indent = 0;
    text_origin none = {0};
    text_para *p = text_set_paragraph(c->te, c->a, counts, strlen(counts), NULL, 0, &counts_style,
                                      right - x, &none, c->diags);
    f->y = layout_page_add_para(f->page, p, st, x, f->y) + st->leading / 2;
    layout_tag_page(c, f->page, from, node);
    f->at_top = false;
}

/* ---- summaries ---- */

/* The legend is laid out twice: measured (draw false: only lines are
 * counted) to keep it with the table, then drawn. */
typedef struct legend_pen {
    flow *f;
    bool draw;
    double x, baseline;
    int lines;
} legend_pen;

/* One swatch (or the time mark) and its label; onto the next line when the
 * item would run past the type area. */
static void legend_item(legend_pen *pen, style_color swatch, bool mark, bool hatched,
                        const char *label)
{
    layout_ctx *c = pen->f->c;
    const style_text *st = &c->s->text[STYLE_NOTE];
    const style_bars *b = &c->s->bars;
    double h = b->height, gap = 0.3 * st->size;
    text_origin none = {0};
    text_line *l = layout_set_line(c, STYLE_NOTE, label, &none);
    double left = layout_flow_left(pen->f), right = left + layout_type_width(c->s);
    if (pen->x > left && pen->x + h * 1.6 + gap + l->width > right) {
        pen->lines++;
        pen->x = left;
        if (pen->draw) {
            pen->f->y += st->leading;
            if (layout_flow_room(pen->f) < st->leading)
                layout_flow_new_page(pen->f);
            pen->baseline = layout_line_baseline(pen->f->y, st->leading, st->size);
        }
    }
    if (pen->draw) {
        page_build *p = pen->f->page;
        double top = pen->baseline - 0.38 * st->size - h / 2;
        if (mark) {
            layout_page_add_rule(p, pen->x + h / 2, top - h * 0.35, pen->x + h / 2, top + h * 1.35,
                                 b->mark_width, b->mark);
        } else {
            layout_item it = {.kind = LAYOUT_ITEM_RECT};
            it.u.rect = (layout_rect){pen->x, top, h * 1.6, h, true, false, swatch, swatch, 0};
            layout_page_add_item(p, it);
            if (hatched)
                layout_bar_hatch(c, p, &it.u.rect);
        }
        layout_page_add_line(p, l, label, pen->x + h * 1.6 + gap, pen->baseline, st->color);
    }
    pen->x += h * 1.6 + gap + l->width + 1.2 * st->size;
}

/* The legend's items; returns the number of lines they take. */
static int legend(flow *f, bool draw)
{
    layout_ctx *c = f->c;
    const style_text *st = &c->s->text[STYLE_NOTE];
    if (draw) {
        if (layout_flow_room(f) < st->leading)
            layout_flow_new_page(f);
        layout_flow_space(f, st->leading / 4);
    }
    legend_pen pen = {f, draw, layout_flow_left(f),
                      layout_line_baseline(f->y, st->leading, st->size), 1};
    tag_mark start = layout_tag_mark(f->pages);
    const style_bars *b = &c->s->bars;
    for (int s = STYLE_BAR_DONE; s < STYLE_BAR_NOT_REPORTED; s++)
        legend_item(&pen, b->fill[s], false, s == STYLE_BAR_BEHIND, STATUS_TEXT[s]);
    legend_item(&pen, b->track, false, false, STATUS_TEXT[REPORT_TASK_NOT_REPORTED]);
    char date[64];
    layout_chinese_date(&c->r->meta.date, date, sizeof date);
    legend_item(&pen, b->mark, true, false, arena_printf(c->a, "时间进度（截至%s）", date));
    if (draw) { /* its words are one P; the swatches only show */
        layout_tag_since(c, f->pages, &start, layout_node_add(c, LAYOUT_ROLE_P, c->parent, NULL));
        f->y += st->leading;
    }
    return pen.lines;
}

/* One sentence under the summary: how the figures of a work area are
 * computed (report_section_area), so that a reader knows what the bar and
 * the mark compare. The clause about areas with nothing reported only when
 * the summary shows one. */
static text_para *figures_note(layout_ctx *c, bool any_unreported_area)
{
    const char *text =
        any_unreported_area
            ? "注：平均完成进度和时间进度均为各领域已报告任务的平均值，未报告的任务不计入，"
              "单项完成进度超过100%的按100%计；任务均未报告的领域，时间进度为其全部任务的平均值。"
            : "注：平均完成进度和时间进度均为各领域已报告任务的平均值，未报告的任务不计入，"
              "单项完成进度超过100%的按100%计。";
    text_style st = c->text[STYLE_NOTE];
    st.align = STYLE_ALIGN_LEFT;
    st.indent = 0;
    text_origin none = {0};
    return text_set_paragraph(c->te, c->a, text, strlen(text), NULL, 0, &st,
                              layout_type_width(c->s), &none, c->diags);
}

static double note_height(const layout_ctx *c, const text_para *note)
{
    const style_text *ns = &c->s->text[STYLE_NOTE];
    return ns->space_before + (double)note->nlines * ns->leading;
}

static void flow_note(flow *f, const text_para *note)
{
    const style_text *ns = &f->c->s->text[STYLE_NOTE];
    layout_flow_space(f, ns->space_before);
    uint32_t node = layout_node_add(f->c, LAYOUT_ROLE_NOTE, f->c->parent, NULL);
    tag_mark start = layout_tag_mark(f->pages);
    layout_flow_lines(f, note, STYLE_NOTE);
    layout_tag_since(f->c, f->pages, &start, node);
    layout_flow_space(f, ns->space_after);
}

void layout_flow_summary(flow *f, const report_section *sec, int depth, const report_block *b)
{
    layout_ctx *c = f->c;
    enum { NCOLS = 7 };
    static const char *const HEAD[NCOLS] = {"工作领域", "平均完成进度", "时间进度", "已完成",
                                            "正常推进", "滞后",         "未报告"};
    grid_cell *head = arena_alloc(c->a, NCOLS * sizeof *head);
    grid_cell *cells = arena_alloc(c->a, (sec->nsections * NCOLS + 1) * sizeof *cells);
    for (size_t k = 0; k < NCOLS; k++)
        head[k] = plain_cell(CELL_TEXT, HEAD[k]);
    size_t rows = 0;
    bool any_unreported_area = false;
    for (size_t i = 0; i < sec->nsections; i++) {
        report_area a;
        if (!report_section_area(&sec->sections[i], c->r->meta.date, &a))
            continue;
        any_unreported_area = any_unreported_area || a.nreported == 0;
        char number[32];
        layout_section_number(depth + 1, (int)i + 1, number, sizeof number);
        grid_cell *row = &cells[rows++ * NCOLS];
        row[0] =
            plain_cell(CELL_TEXT, arena_printf(c->a, "%s%s", number, sec->sections[i].title.s));
        row[1] = (grid_cell){.kind = CELL_BAR, .bar = layout_area_bar(c, &a)};
        row[2] = plain_cell(CELL_NUMBER, layout_percent(c, a.time_progress));
        size_t counts[4] = {a.ndone, a.non_track, a.nbehind, a.nnot_reported};
        for (int k = 0; k < 4; k++)
            row[3 + k] = plain_cell(CELL_NUMBER, arena_printf(c->a, "%zu", counts[k]));
    }
    if (rows == 0)
        return;
    grid g = {.ncols = NCOLS, .nrows = rows, .head = head, .cells = cells};
    g.file = c->r->path;
    g.line = b->line;
    g.col = b->col;
    /* the legend and the note stay with the last row */
    text_para *note = figures_note(c, any_unreported_area);
    const style_text *ns = &c->s->text[STYLE_NOTE];
    g.keep_after = ns->leading / 4 + legend(f, false) * ns->leading + note_height(c, note);
    if (b->summary.s) {
        g.caption = b->summary.s;
        g.continued = arena_printf(c->a, "%s（续）", b->summary.s);
        g.caption_origin = layout_origin_of(c, &b->summary);
    }
    layout_flow_grid(f, &g);
    legend(f, true);
    flow_note(f, note);
}
