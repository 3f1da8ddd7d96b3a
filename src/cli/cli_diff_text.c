/* cli_diff_text.c — the listing of a diff: every change in document order,
 * under the path of its section (二、重点任务 › （二）城市建设{+与更新+}),
 * prose in the convention of `git diff --word-diff=plain`
 * ([-deleted-]{+inserted+}), one line per changed paragraph, table row and
 * task. It lives here rather than in the diff stage because section numbers
 * are the layout stage's (layout_section_number), which the diff stage must
 * not know. Author text that could act on a terminal (controls, bidi
 * overrides) is written as <U+202E>, as diagnostics write it. */
#include "cli_internal.h"

#include "../layout/layout.h"

#include <stdlib.h>
#include <string.h>

static const char *const STATUS_WORDS[] = {"已完成", "正常推进", "滞后", "未报告"};

/* ---- text ---- */

static void put(FILE *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t cp = utf8_decode(s, len, &i);
        if (utf8_is_control(cp))
            fprintf(out, "<U+%04X>", (unsigned)cp);
        else
            fwrite(s + at, 1, i - at, out);
    }
}

static void put_str(FILE *out, const char *s)
{
    put(out, s, strlen(s));
}

static void put_runs(FILE *out, const diff_text *t)
{
    for (size_t i = 0; i < t->nruns; i++) {
        const diff_run *r = &t->runs[i];
        fputs(r->op == DIFF_DELETED ? "[-" : r->op == DIFF_INSERTED ? "{+" : "", out);
        put(out, r->s, r->len);
        fputs(r->op == DIFF_DELETED ? "-]" : r->op == DIFF_INSERTED ? "+}" : "", out);
    }
}

/* ---- sections ---- */

/* A section's number and title on the side it is shown from. */
static void put_heading(FILE *out, const diff_section *s, bool marked)
{
    char number[64];
    layout_section_number(s->depth, s->ordinal, number, sizeof number);
    fputs(number, out);
    if (marked) {
        put_runs(out, &s->title);
    } else {
        const report_section *sec = s->after ? s->after : s->before;
        put(out, sec->title.s, sec->title.len);
    }
}

static void put_path(FILE *out, const diff_section *const *path, size_t depth)
{
    for (size_t i = 0; i < depth; i++) {
        if (i)
            fputs(" › ", out);
        put_heading(out, path[i], i + 1 == depth);
    }
    fputc('\n', out);
}

/* ---- tables ---- */

static void put_cells(FILE *out, const diff_text *cells, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (k)
            fputs(" | ", out);
        put_runs(out, &cells[k]);
    }
}

/* A row added or removed whole is one marker around all its cells. */
static void put_whole_row(FILE *out, const diff_row *r)
{
    bool added = r->status == DIFF_ADDED;
    fputs(added ? "{+" : "[-", out);
    for (size_t k = 0; k < r->ncells; k++) {
        if (k)
            fputs(" | ", out);
        const diff_text *c = &r->cells[k];
        put(out, added ? c->after : c->before, added ? c->after_len : c->before_len);
    }
    fputs(added ? "+}" : "-]", out);
}

static void put_table(FILE *out, const diff_block *b)
{
    const diff_table *t = &b->table;
    fputs("  表", out);
    if (t->caption.nruns) {
        fputc(' ', out);
        put_runs(out, &t->caption);
    }
    if (b->status != DIFF_CHANGED)
        fputs(b->status == DIFF_ADDED ? "（新增）" : "（删除）", out);
    fputc('\n', out);
    if (t->heads_changed || b->status != DIFF_CHANGED) {
        fputs("    表头：", out);
        put_cells(out, t->heads, t->nheads);
        fputc('\n', out);
    }
    for (size_t i = 0; i < t->nrows; i++) {
        const diff_row *r = &t->rows[i];
        if (r->status == DIFF_REMOVED)
            fprintf(out, "    原第%zu行：", r->before_index + 1);
        else
            fprintf(out, "    第%zu行：", r->after_index + 1);
        if (r->status == DIFF_CHANGED)
            put_cells(out, r->cells, r->ncells);
        else
            put_whole_row(out, r);
        fputc('\n', out);
    }
    if (t->note.changed) {
        fputs("    注：", out);
        put_runs(out, &t->note);
        fputc('\n', out);
    }
}

static void put_block(FILE *out, const diff_block *b)
{
    switch (b->kind) {
    case DIFF_BLOCK_PARAGRAPH:
        fputs("  ", out);
        put_runs(out, &b->text);
        fputc('\n', out);
        break;
    case DIFF_BLOCK_SUMMARY:
        fputs("  汇总：", out);
        put_runs(out, &b->text);
        fputc('\n', out);
        break;
    case DIFF_BLOCK_TABLE:
        put_table(out, b);
        break;
    }
}

/* ---- tasks ---- */

static const report_number *figure_of(const report_task *t, bool done)
{
    return done ? &t->done : &t->target;
}

/* "21 个（估）", 未报告 (which has no unit). */
static void put_amount(FILE *out, const report_task *t, bool done, bool unit)
{
    const report_number *n = figure_of(t, done);
    if (!n->text) {
        fputs(STATUS_WORDS[REPORT_TASK_NOT_REPORTED], out);
        return;
    }
    put_str(out, n->text);
    if (unit && t->unit.s) {
        /* "21 个", but "99.29%": a sign stays with its figure */
        bool sign = !strncmp(t->unit.s, "%", 1) || !strncmp(t->unit.s, "‰", strlen("‰")) ||
                    !strncmp(t->unit.s, "％", strlen("％"));
        if (!sign)
            fputc(' ', out);
        put(out, t->unit.s, t->unit.len);
    }
    if (unit && done && t->estimated)
        fputs("（估）", out);
}

/* "完成 21 → 23 个": the unit (and 估) once when only the figure changed,
 * after each figure when more did. */
static void put_figure(FILE *out, const char *label, const diff_task *t, bool done)
{
    const report_task *b = t->before, *a = t->after;
    bool changed = t->status == DIFF_CHANGED &&
                   (t->unit_changed || (done ? t->done_changed : t->target_changed));
    fprintf(out, "  %s ", label);
    if (!changed) {
        put_amount(out, a ? a : b, done, true);
        return;
    }
    bool only_figure = !t->unit_changed && figure_of(b, done)->text && figure_of(a, done)->text &&
                       (!done || b->estimated == a->estimated);
    put_amount(out, b, done, !only_figure);
    fputs(" → ", out);
    put_amount(out, a, done, true);
}

static void put_both(FILE *out, const char *before, const char *after, bool changed)
{
    if (changed) {
        put_str(out, before);
        fputs(" → ", out);
    }
    put_str(out, after);
}

/* "  截止 2017-09-30 → 2017-10-31" when the date moved. */
static void put_date_change(FILE *out, const char *label, report_date b, report_date a)
{
    if (b.year == a.year && b.month == a.month && b.day == a.day)
        return;
    fprintf(out, "  %s %04d-%02d-%02d → %04d-%02d-%02d", label, b.year, b.month, b.day, a.year,
            a.month, a.day);
}

static void put_task(FILE *out, const diff_task *t)
{
    const report_task *one = t->after ? t->after : t->before;
    fputs("  ", out);
    if (t->status != DIFF_CHANGED)
        fputs(t->status == DIFF_ADDED ? "新增任务 " : "删除任务 ", out);
    put(out, one->name.s, one->name.len);
    bool changed = t->status == DIFF_CHANGED;
    if (!changed || t->target_changed || t->unit_changed)
        put_figure(out, "目标", t, false);
    put_figure(out, "完成", t, true);
    fputs("  ", out);
    put_both(out, changed ? t->completion_before : "",
             t->after ? t->completion_after : t->completion_before,
             changed && t->completion_changed);
    fputs("  ", out);
    report_status sb = t->status_before, sa = t->after ? t->status_after : t->status_before;
    put_both(out, STATUS_WORDS[sb], STATUS_WORDS[sa], changed && t->status_changed);
    if (changed && t->dates_changed) {
        put_date_change(out, "开始", t->before->start, t->after->start);
        put_date_change(out, "截止", t->before->due, t->after->due);
    }
    if (changed && t->note.changed) {
        fputs("  注 ", out);
        put_runs(out, &t->note);
    } else if (!changed && one->note.s) {
        fputs("  注 ", out);
        put(out, one->note.s, one->note.len);
    }
    fputc('\n', out);
}

static void put_area(FILE *out, const diff_area *a)
{
    for (size_t i = 0; i < a->ntasks; i++)
        put_task(out, &a->tasks[i]);
    const char *b = a->mean_before ? a->mean_before : "—", *f = a->mean_after ? a->mean_after : "—";
    fputs("  平均完成进度 ", out);
    put_both(out, b, f, strcmp(b, f) != 0);
    fputc('\n', out);
}

/* ---- the listing ---- */

static bool has_own_changes(const diff_section *s)
{
    return s->status != DIFF_CHANGED || s->title.changed || s->nblocks || s->area;
}

typedef struct listing {
    FILE *out;
    bool first; /* nothing printed yet: no blank line before the next part */
    VEC(const diff_section *) path;
} listing;

static void part(listing *l)
{
    if (!l->first)
        fputc('\n', l->out);
    l->first = false;
}

static void put_section(listing *l, const diff_section *s)
{
    VEC_PUSH(&l->path, s);
    if (has_own_changes(s)) {
        part(l);
        put_path(l->out, l->path.items, l->path.count);
        for (size_t i = 0; i < s->nblocks; i++)
            put_block(l->out, &s->blocks[i]);
        if (s->area)
            put_area(l->out, s->area);
    }
    for (size_t i = 0; i < s->nsections; i++)
        put_section(l, &s->sections[i]);
    l->path.count--;
}

void cli_diff_print(const diff_model *m, FILE *out)
{
    listing l = {out, true, {0}};
    if (m->nmeta) {
        part(&l);
        fputs("基本信息\n", out);
        for (size_t i = 0; i < m->nmeta; i++) {
            fprintf(out, "  %s：", m->meta[i].label);
            put_runs(out, &m->meta[i].text);
            fputc('\n', out);
        }
    }
    for (size_t i = 0; i < m->nsections; i++)
        put_section(&l, &m->sections[i]);
    free(l.path.items);
    if (m->nclosing) {
        part(&l);
        fputs("结束语\n", out);
        for (size_t i = 0; i < m->nclosing; i++)
            put_block(out, &m->closing[i]);
    }
}
