/* changes_tasks.c — the task changes of a work area as a three-line table:
 * each changed, added or removed task with its target and done (the figure
 * before struck through, the figure after underlined), the bars of both
 * versions side by side, each on its own date's time mark, and the status;
 * the last row is the area's mean completion before and after. */
#include "changes_internal.h"

#include <string.h>

enum { COL_TASK, COL_TARGET, COL_DONE, COL_BEFORE, COL_AFTER, COL_STATUS, NCOLS };

static const char *const HEAD[NCOLS] = {"任务", "目标", "完成", "修订前进度", "修订后进度", "状态"};

/* "179个", "128个（估）", — for not reported */
static const char *amount(layout_ctx *c, const report_task *t, bool done)
{
    const report_number *n = done ? &t->done : &t->target;
    if (!n->text)
        return "—";
    return arena_printf(c->a, "%s%s%s", n->text, t->unit.s ? t->unit.s : "",
                        done && t->estimated ? "（估）" : "");
}

/* The figure of both sides, the old struck through and the new underlined:
 * "4→5个（估）" when only the figure changed, else "21个→23套". One figure
 * when it stayed (or on a task added or removed). */
static grid_cell figure(layout_ctx *c, const diff_task *t, bool done)
{
    layout_marked m = {0};
    bool changed = t->status == DIFF_CHANGED &&
                   (t->unit_changed || (done ? t->done_changed : t->target_changed));
    if (!changed) {
        const char *s = amount(c, t->after ? t->after : t->before, done);
        layout_mark_text(&m, s, strlen(s));
        return layout_marked_cell(c, &m);
    }
    const report_task *b = t->before, *a = t->after;
    const report_number *nb = done ? &b->done : &b->target, *na = done ? &a->done : &a->target;
    bool only_figure =
        !t->unit_changed && nb->text && na->text && (!done || b->estimated == a->estimated);
    if (only_figure) {
        layout_mark_span(&m, nb->text, strlen(nb->text), TEXT_SPAN_STRIKE);
        layout_mark_text(&m, "→", strlen("→"));
        layout_mark_span(&m, na->text, strlen(na->text), TEXT_SPAN_UNDERLINE);
        const char *rest = arena_printf(c->a, "%s%s", a->unit.s ? a->unit.s : "",
                                        done && a->estimated ? "（估）" : "");
        layout_mark_text(&m, rest, strlen(rest));
        return layout_marked_cell(c, &m);
    }
    const char *sb = amount(c, b, done), *sa = amount(c, a, done);
    layout_mark_span(&m, sb, strlen(sb), TEXT_SPAN_STRIKE);
    layout_mark_text(&m, "→", strlen("→"));
    layout_mark_span(&m, sa, strlen(sa), TEXT_SPAN_UNDERLINE);
    return layout_marked_cell(c, &m);
}

static grid_cell name_cell(layout_ctx *c, const diff_model *dm, const diff_task *t)
{
    layout_marked m = {0};
    const report_task *one = t->after ? t->after : t->before;
    if (t->status == DIFF_CHANGED) {
        layout_mark_text(&m, one->name.s, one->name.len);
    } else {
        bool added = t->status == DIFF_ADDED;
        layout_mark_span(&m, one->name.s, one->name.len,
                         added ? TEXT_SPAN_UNDERLINE : TEXT_SPAN_STRIKE);
        const char *tag = added ? "（新增）" : "（删除）";
        layout_mark_text(&m, tag, strlen(tag));
    }
    grid_cell cell = layout_marked_cell(c, &m);
    cell.origin = (text_origin){t->after ? dm->after->path : dm->before->path, one->name.line,
                                one->name.col, false};
    return cell;
}

static grid_cell status_cell(layout_ctx *c, const diff_task *t)
{
    if (t->status != DIFF_CHANGED || !t->status_changed)
        return layout_plain_cell(c,
                                 layout_status_word(t->after ? t->status_after : t->status_before));
    layout_marked m = {0};
    const char *b = layout_status_word(t->status_before), *a = layout_status_word(t->status_after);
    layout_mark_span(&m, b, strlen(b), TEXT_SPAN_STRIKE);
    layout_mark_text(&m, "→", strlen("→"));
    layout_mark_span(&m, a, strlen(a), TEXT_SPAN_UNDERLINE);
    return layout_marked_cell(c, &m);
}

static grid_cell bar_cell(layout_ctx *c, const report_task *t, report_date d)
{
    if (!t)
        return layout_plain_cell(c, "—");
    return (grid_cell){.kind = CELL_BAR, .bar = layout_task_bar(c, t, d)};
}

static void task_row(layout_ctx *c, const diff_model *m, const diff_task *t, grid_cell *row)
{
    row[COL_TASK] = name_cell(c, m, t);
    row[COL_TARGET] = figure(c, t, false);
    row[COL_DONE] = figure(c, t, true);
    row[COL_BEFORE] = bar_cell(c, t->before, m->before->meta.date);
    row[COL_AFTER] = bar_cell(c, t->after, m->after->meta.date);
    row[COL_STATUS] = status_cell(c, t);
}

static grid_cell area_cell(layout_ctx *c, bool is_area, const report_area *a)
{
    if (!is_area)
        return layout_plain_cell(c, "—");
    return (grid_cell){.kind = CELL_BAR, .bar = layout_area_bar(c, a)};
}

static void mark_date(layout_marked *mk, report_date d, text_span_kind kind)
{
    char date[64];
    layout_chinese_date(&d, date, sizeof date);
    layout_mark_span(mk, date, strlen(date), kind);
}

static void mark_dates(layout_marked *mk, const char *label, report_date before, report_date after)
{
    if (before.year == after.year && before.month == after.month && before.day == after.day)
        return;
    layout_mark_text(mk, label, strlen(label));
    mark_date(mk, before, TEXT_SPAN_STRIKE);
    layout_mark_text(mk, "→", strlen("→"));
    mark_date(mk, after, TEXT_SPAN_UNDERLINE);
    layout_mark_text(mk, "；", strlen("；"));
}

/* What a task's row cannot show: its start or due date moved, its note
 * changed — one line under the table. */
static void flow_details(flow *f, const diff_model *m, const diff_task *t)
{
    if (t->status != DIFF_CHANGED || (!t->dates_changed && !t->note.changed))
        return;
    layout_marked mk = {0};
    layout_mark_text(&mk, t->after->name.s, t->after->name.len);
    layout_mark_text(&mk, "：", strlen("："));
    mark_dates(&mk, "开始日期", t->before->start, t->after->start);
    mark_dates(&mk, "截止日期", t->before->due, t->after->due);
    if (t->note.changed) {
        layout_mark_text(&mk, "说明", strlen("说明"));
        layout_mark_runs(&mk, &t->note, NULL, NULL);
        layout_mark_text(&mk, "；", strlen("；"));
    }
    mk.text.count -= strlen("；"); /* the last clause ends the line */
    layout_mark_text(&mk, "。", strlen("。"));
    text_origin o = {m->after->path, t->after->line, t->after->col, false};
    layout_flow_marked(f, STYLE_NOTE, &mk, &o);
}

void layout_flow_task_changes(flow *f, const diff_model *m, const diff_section *s)
{
    layout_ctx *c = f->c;
    const diff_area *a = s->area;
    size_t nrows = a->ntasks + 1;
    grid_cell *head = arena_alloc(c->a, NCOLS * sizeof *head);
    grid_cell *cells = arena_alloc(c->a, nrows * NCOLS * sizeof *cells);
    for (size_t k = 0; k < NCOLS; k++)
        head[k] = layout_plain_cell(c, HEAD[k]);
    for (size_t i = 0; i < a->ntasks; i++)
        task_row(c, m, &a->tasks[i], &cells[i * NCOLS]);
    grid_cell *mean = &cells[a->ntasks * NCOLS];
    for (size_t k = 0; k < NCOLS; k++)
        mean[k] = layout_plain_cell(c, "");
    mean[COL_TASK] = layout_plain_cell(c, "平均完成进度");
    mean[COL_BEFORE] = area_cell(c, a->is_area_before, &a->before);
    mean[COL_AFTER] = area_cell(c, a->is_area_after, &a->after);
    const report_section *sec = s->after ? s->after : s->before;
    grid g = {.ncols = NCOLS, .nrows = nrows, .head = head, .cells = cells};
    g.file = s->after ? m->after->path : m->before->path;
    g.line = sec->line;
    g.col = sec->col;
    g.continued = "续表";
    char before[64], after[64];
    layout_chinese_date(&m->before->meta.date, before, sizeof before);
    layout_chinese_date(&m->after->meta.date, after, sizeof after);
    g.note = arena_printf(c->a, "注：进度条中的竖线为时间进度，修订前截至%s，修订后截至%s。",
                          before, after);
    layout_flow_grid(f, &g);
    for (size_t i = 0; i < a->ntasks; i++)
        flow_details(f, m, &a->tasks[i]);
}
