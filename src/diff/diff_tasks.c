/* diff_tasks.c — the tasks of a work area compared: matched by name within
 * the area (across all its tasks blocks; a task that moved is still the
 * same task), then figure by figure. Completion and status are what each
 * version's booklet shows on its own date, so a task whose figures stayed
 * but which fell behind because time went on is a change too. */
#include "diff_internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const STATUS_NOT_REPORTED = "未报告";

typedef VEC(const report_task *) task_list;

static void tasks_of(const report_section *sec, task_list *out)
{
    for (size_t i = 0; sec && i < sec->nblocks; i++)
        if (sec->blocks[i].kind == REPORT_BLOCK_TASKS)
            for (size_t k = 0; k < sec->blocks[i].ntasks; k++)
                VEC_PUSH(out, &sec->blocks[i].tasks[k]);
}

static bool same_number(const report_number *a, const report_number *b)
{
    if (!a->text || !b->text)
        return !a->text && !b->text;
    return strcmp(a->text, b->text) == 0;
}

static bool same_text(const report_text *a, const report_text *b)
{
    if (!a->s || !b->s)
        return !a->s && !b->s;
    return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

static bool same_date(report_date a, report_date b)
{
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

static const char *percent(diff_ctx *c, double fraction)
{
    char buf[64];
    report_format_percent(fraction, buf, sizeof buf);
    return arena_strdup(c->a, buf);
}

static const char *completion_label(diff_ctx *c, const report_task *t)
{
    double done = report_task_completion(t);
    return done < 0 ? STATUS_NOT_REPORTED : percent(c, done);
}

/* Compare one task (either side may be NULL); false when nothing a booklet
 * shows of it changed. */
static bool compare_task(diff_ctx *c, const report_task *before, const report_task *after,
                         diff_task *out)
{
    memset(out, 0, sizeof *out);
    out->status = !before ? DIFF_ADDED : !after ? DIFF_REMOVED : DIFF_CHANGED;
    out->before = before;
    out->after = after;
    const report_text none = {0};
    const report_text *nb = before ? &before->note : &none, *na = after ? &after->note : &none;
    diff_text_compare(c->ids, c->a, nb->s, nb->s ? nb->len : 0, na->s, na->s ? na->len : 0,
                      &out->note);
    if (before) {
        out->completion_before = completion_label(c, before);
        out->status_before = report_task_status(before, c->m->before->meta.date);
    }
    if (after) {
        out->completion_after = completion_label(c, after);
        out->status_after = report_task_status(after, c->m->after->meta.date);
    }
    if (!before || !after)
        return true;
    out->target_changed = !same_number(&before->target, &after->target);
    out->done_changed =
        !same_number(&before->done, &after->done) || before->estimated != after->estimated;
    out->unit_changed = !same_text(&before->unit, &after->unit);
    out->dates_changed =
        !same_date(before->start, after->start) || !same_date(before->due, after->due);
    out->completion_changed = strcmp(out->completion_before, out->completion_after) != 0;
    out->status_changed = out->status_before != out->status_after;
    return out->target_changed || out->done_changed || out->unit_changed || out->dates_changed ||
           out->completion_changed || out->status_changed || out->note.changed;
}

static uint32_t *name_ids(diff_ctx *c, const task_list *t)
{
    uint32_t *ids = xcalloc(t->count + 1, sizeof *ids);
    for (size_t i = 0; i < t->count; i++)
        ids[i] = diff_intern_id(c->ids, TAG_TASK, t->items[i]->name.s, t->items[i]->name.len);
    return ids;
}

static double never_alike(void *ctx, size_t i, size_t j)
{
    (void)ctx, (void)i, (void)j;
    return -1;
}

/* A task removed in one place and added under the same name in another
 * moved: one task, compared where it now stands. */
static void pair_moved(diff_step *steps, size_t n, const uint32_t *ib, const uint32_t *ia)
{
    for (size_t k = 0; k < n; k++) {
        if (steps[k].before != SIZE_MAX || steps[k].after == SIZE_MAX)
            continue;
        for (size_t r = 0; r < n; r++) {
            if (steps[r].after == SIZE_MAX && steps[r].before != SIZE_MAX &&
                ib[steps[r].before] == ia[steps[k].after]) {
                steps[k].before = steps[r].before;
                steps[r].before = SIZE_MAX; /* dropped */
                break;
            }
        }
    }
}

static const char *mean_label(diff_ctx *c, const report_area *a)
{
    return a->nreported == 0 ? STATUS_NOT_REPORTED : percent(c, a->progress);
}

static void count(diff_ctx *c, diff_status s)
{
    diff_counts *n = &c->m->counts;
    ++*(s == DIFF_CHANGED ? &n->tasks_changed
        : s == DIFF_ADDED ? &n->tasks_added
                          : &n->tasks_removed);
}

diff_area *diff_section_area(diff_ctx *c, const report_section *before, const report_section *after)
{
    task_list tb = {0}, ta = {0};
    tasks_of(before, &tb);
    tasks_of(after, &ta);
    uint32_t *ib = name_ids(c, &tb), *ia = name_ids(c, &ta);
    diff_step *steps;
    size_t n = diff_align(ib, tb.count, ia, ta.count, never_alike, NULL, 0, false, &steps);
    pair_moved(steps, n, ib, ia);
    VEC(diff_task) tasks = {0};
    for (size_t k = 0; k < n; k++) {
        const diff_step *st = &steps[k];
        if (st->before == SIZE_MAX && st->after == SIZE_MAX)
            continue;
        diff_task t;
        if (compare_task(c, st->before == SIZE_MAX ? NULL : tb.items[st->before],
                         st->after == SIZE_MAX ? NULL : ta.items[st->after], &t)) {
            count(c, t.status);
            VEC_PUSH(&tasks, t);
        }
    }
    diff_area area = {0};
    area.is_area_before =
        before && report_section_area(before, c->m->before->meta.date, &area.before);
    area.is_area_after = after && report_section_area(after, c->m->after->meta.date, &area.after);
    area.mean_before = area.is_area_before ? mean_label(c, &area.before) : NULL;
    area.mean_after = area.is_area_after ? mean_label(c, &area.after) : NULL;
    bool means_same = area.is_area_before == area.is_area_after &&
                      (!area.is_area_before || !strcmp(area.mean_before, area.mean_after));
    diff_area *out = NULL;
    if (tasks.count > 0 || !means_same) {
        out = arena_alloc(c->a, sizeof *out);
        *out = area;
        out->tasks = arena_alloc(c->a, (tasks.count + 1) * sizeof *out->tasks);
        if (tasks.count)
            memcpy(out->tasks, tasks.items, tasks.count * sizeof *out->tasks);
        out->ntasks = tasks.count;
    }
    free(tasks.items);
    free(steps);
    free(ib);
    free(ia);
    free(tb.items);
    free(ta.items);
    return out;
}
