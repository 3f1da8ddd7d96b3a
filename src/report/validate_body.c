/* validate_body.c — sections and their blocks: paragraphs, tables, tasks
 * and summaries, checked against docs/format.md and built into the model. */
#include "report_internal.h"

#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof *(a))

static const char *const section_keys[] = {"title", "content", "sections"};
static const char *const block_keys[] = {"table", "tasks", "summary"};
static const char *const table_keys[] = {"caption", "columns", "widths", "rows", "note"};
static const char *const cell_keys[] = {"progress"};
static const char *const task_keys[] = {"name",  "target", "done",      "unit",
                                        "start", "due",    "estimated", "note"};
/* the keys each takes, bit k set when keys[k] is required */
static const report_shape section_shape = {"in section", section_keys, COUNT(section_keys), 1u};
static const report_shape block_shape = {"in content (a block is table, tasks or summary)",
                                         block_keys, COUNT(block_keys), 0};
static const report_shape table_shape = {"in table", table_keys, COUNT(table_keys),
                                         1u << 1 | 1u << 3};
static const report_shape cell_shape = {"in a table cell", cell_keys, COUNT(cell_keys), 1u};
static const report_shape task_shape = {"in task", task_keys, COUNT(task_keys), 1u | 1u << 1};

static void *alloc_items(vctx *c, size_t count, size_t size)
{
    return arena_alloc(c->a, (count ? count : 1) * size);
}

/* ------------------------------ tables ------------------------------- */

static void read_cell(vctx *c, const report_node *n, report_cell *cell)
{
    if (n->kind == REPORT_NODE_SCALAR) {
        if (report_val_is_null(n)) /* an empty cell */
            cell->text = (report_text){"", 0, n->line, n->col, false};
        else
            report_typeset_text(c, n, true, &cell->text);
        return;
    }
    if (n->kind == REPORT_NODE_SEQUENCE) {
        report_val_error(c, n, "expected text or {progress: N} in a table cell, got a list");
        return;
    }
    const report_node *v[COUNT(cell_keys)];
    report_val_fields(c, n, &cell_shape, n, v);
    cell->is_progress = true;
    if (v[0] && report_val_number(c, v[0], &cell->progress) && cell->progress.value < 0)
        report_val_error(c, v[0], "progress must be >= 0, got %s", cell->progress.text);
}

static void read_row(vctx *c, const report_node *n, size_t index, report_table *t)
{
    report_cell *row = alloc_items(c, t->ncolumns, sizeof *row);
    t->rows[t->nrows++] = row;
    if (!report_val_expect_sequence(c, n, "a row (a list of cells)"))
        return;
    if (t->ncolumns && n->count != t->ncolumns)
        report_val_error(c, n, "row %zu has %zu cell%s, expected %zu (one per column)", index + 1,
                         n->count, n->count == 1 ? "" : "s", t->ncolumns);
    for (size_t i = 0; i < n->count && i < t->ncolumns; i++)
        read_cell(c, n->items[i], &row[i]);
}

static void read_columns(vctx *c, const report_node *n, report_table *t)
{
    if (!report_val_expect_sequence(c, n, "a list of column headings"))
        return;
    if (n->count == 0) {
        report_val_error(c, n, "expected at least one column");
        return;
    }
    t->columns = alloc_items(c, n->count, sizeof *t->columns);
    t->ncolumns = n->count;
    for (size_t i = 0; i < n->count; i++)
        report_typeset_text(c, n->items[i], false, &t->columns[i]);
}

static void read_widths(vctx *c, const report_node *n, report_table *t)
{
    if (!n || !report_val_expect_sequence(c, n, "a list of relative column widths"))
        return;
    if (t->ncolumns && n->count != t->ncolumns) {
        report_val_error(c, n, "widths has %zu entr%s, expected %zu (one per column)", n->count,
                         n->count == 1 ? "y" : "ies", t->ncolumns);
        return;
    }
    t->widths = alloc_items(c, n->count, sizeof *t->widths);
    for (size_t i = 0; i < n->count; i++)
        if (report_val_number(c, n->items[i], &t->widths[i]) && t->widths[i].value <= 0)
            report_val_error(c, n->items[i], "a width must be > 0, got %s", t->widths[i].text);
}

static void read_table(vctx *c, const report_node *key, const report_node *n, report_table *t)
{
    if (!report_val_expect_mapping(c, n, "a table (a mapping with columns and rows)"))
        return;
    const report_node *v[COUNT(table_keys)];
    report_val_fields(c, n, &table_shape, key, v);
    report_typeset_text(c, v[0], false, &t->caption);
    if (v[1])
        read_columns(c, v[1], t);
    read_widths(c, v[2], t);
    if (v[3] && report_val_expect_sequence(c, v[3], "a list of rows")) {
        t->rows = alloc_items(c, v[3]->count, sizeof *t->rows);
        for (size_t i = 0; i < v[3]->count; i++)
            read_row(c, v[3]->items[i], i, t);
    }
    report_typeset_text(c, v[4], false, &t->note);
}

/* ------------------------------- tasks ------------------------------- */

static long day_of(const report_date *d)
{
    return report_day_number(d->year, d->month, d->day);
}

static void check_task_dates(vctx *c, const report_node *start, const report_node *due,
                             report_task *t)
{
    if (c->year) { /* defaults: the whole year of the report */
        if (!start)
            t->start = (report_date){c->year, 1, 1, t->line, t->col};
        if (!due)
            t->due = (report_date){c->year, 12, 31, t->line, t->col};
    }
    if (!t->start.year || !t->due.year || day_of(&t->due) >= day_of(&t->start))
        return;
    if (due)
        report_val_error(c, due, "due %04d-%02d-%02d is before start %04d-%02d-%02d", t->due.year,
                         t->due.month, t->due.day, t->start.year, t->start.month, t->start.day);
    else
        report_val_error(c, start, "start %04d-%02d-%02d is after due %04d-%02d-%02d (31 December)",
                         t->start.year, t->start.month, t->start.day, t->due.year, t->due.month,
                         t->due.day);
}

static void read_task(vctx *c, const report_node *n, report_task *t)
{
    t->line = n->line;
    t->col = n->col;
    if (!report_val_expect_mapping(c, n, "a task (a mapping with name and target)"))
        return;
    const report_node *v[COUNT(task_keys)];
    report_val_fields(c, n, &task_shape, n, v);
    report_typeset_text(c, v[0], true, &t->name);
    if (report_val_number(c, v[1], &t->target) && v[1] && t->target.value <= 0)
        report_val_error(c, v[1], "target must be > 0, got %s", t->target.text);
    if (report_val_number(c, v[2], &t->done) && v[2] && t->done.value < 0)
        report_val_error(c, v[2], "done must be >= 0, got %s", t->done.text);
    report_typeset_text(c, v[3], false, &t->unit);
    bool start_ok = report_val_date(c, v[4], &t->start); /* both read: both reported */
    bool dates_ok = report_val_date(c, v[5], &t->due) && start_ok;
    if (dates_ok)
        check_task_dates(c, v[4], v[5], t);
    report_val_bool(c, v[6], &t->estimated);
    report_typeset_text(c, v[7], false, &t->note);
}

static void read_tasks(vctx *c, const report_node *n, report_block *b)
{
    if (!report_val_expect_sequence(c, n, "a list of tasks"))
        return;
    if (n->count == 0) {
        report_val_error(c, n, "expected at least one task");
        return;
    }
    b->tasks = alloc_items(c, n->count, sizeof *b->tasks);
    b->ntasks = n->count;
    for (size_t i = 0; i < n->count; i++)
        read_task(c, n->items[i], &b->tasks[i]);
}

/* ------------------------------ blocks ------------------------------- */

static void read_block(vctx *c, const report_node *n, report_block *b)
{
    b->line = n->line;
    b->col = n->col;
    if (n->kind == REPORT_NODE_SCALAR) {
        b->kind = REPORT_BLOCK_PARAGRAPH;
        report_read_para(c, n, &b->para);
        return;
    }
    if (n->kind == REPORT_NODE_SEQUENCE || n->npairs == 0) {
        report_val_error(c, n,
                         "expected a paragraph (text) or a block (table, tasks or summary), got %s",
                         n->kind == REPORT_NODE_SEQUENCE ? "a list" : "an empty mapping");
        return;
    }
    const report_node *v[COUNT(block_keys)];
    if (report_para_colon_mistake(c, n, "in content"))
        return;
    report_val_fields(c, n, &block_shape, n, v);
    for (size_t i = 1; i < n->npairs; i++)
        report_val_error(c, n->pairs[i].key,
                         "a block has one key; start a new list item ('- ') for '%s'",
                         n->pairs[i].key->text);
    const report_node *key = n->pairs[0].key;
    if (v[0]) {
        b->kind = REPORT_BLOCK_TABLE;
        read_table(c, key, v[0], &b->table);
    } else if (v[1]) {
        b->kind = REPORT_BLOCK_TASKS;
        read_tasks(c, v[1], b);
    } else if (v[2]) {
        b->kind = REPORT_BLOCK_SUMMARY;
        report_typeset_text(c, v[2], false, &b->summary);
    }
}

/* ----------------------------- sections ------------------------------ */

static bool has_tasks(const report_section *s)
{
    for (size_t i = 0; i < s->nblocks; i++)
        if (s->blocks[i].kind == REPORT_BLOCK_TASKS)
            return true;
    return false;
}

/* A summary covers the subsections that are work areas; with none it has
 * nothing to show and is left out of the model (with a warning). */
static void drop_empty_summaries(vctx *c, report_section *s)
{
    bool any_area = false;
    for (size_t i = 0; i < s->nsections; i++)
        any_area |= has_tasks(&s->sections[i]);
    size_t kept = 0;
    for (size_t i = 0; i < s->nblocks; i++) {
        report_block *b = &s->blocks[i];
        if (b->kind == REPORT_BLOCK_SUMMARY && !any_area) {
            report_val_warning_at(
                c, b->line, b->col,
                "summary has nothing to summarise: no subsection of this section has "
                "tasks (left out)");
            continue;
        }
        s->blocks[kept++] = *b;
    }
    s->nblocks = kept;
}

static void read_section_list(vctx *c, const report_node *list, bool need_one, report_section **out,
                              size_t *count);

static void read_section(vctx *c, const report_node *n, report_section *s)
{
    s->line = n->line;
    s->col = n->col;
    if (!report_val_expect_mapping(c, n, "a section (a mapping with a title)"))
        return;
    const report_node *v[COUNT(section_keys)];
    report_val_fields(c, n, &section_shape, n, v);
    report_typeset_text(c, v[0], true, &s->title);
    if (v[1] && report_val_expect_sequence(c, v[1], "a list of paragraphs and blocks")) {
        s->blocks = alloc_items(c, v[1]->count, sizeof *s->blocks);
        s->nblocks = v[1]->count;
        for (size_t i = 0; i < v[1]->count; i++)
            read_block(c, v[1]->items[i], &s->blocks[i]);
    }
    if (v[2])
        read_section_list(c, v[2], false, &s->sections, &s->nsections);
    drop_empty_summaries(c, s);
}

static void read_section_list(vctx *c, const report_node *list, bool need_one, report_section **out,
                              size_t *count)
{
    if (!report_val_expect_sequence(c, list, "a list of sections"))
        return;
    if (need_one && list->count == 0) {
        report_val_error(c, list, "expected at least one section");
        return;
    }
    *out = alloc_items(c, list->count, sizeof **out);
    *count = list->count;
    for (size_t i = 0; i < list->count; i++)
        read_section(c, list->items[i], &(*out)[i]);
}

void report_val_sections(vctx *c, const report_node *list, report_section **out, size_t *count)
{
    read_section_list(c, list, true, out, count);
}

void report_val_closing(vctx *c, const report_node *list, report_para **out, size_t *count)
{
    if (!report_val_expect_sequence(c, list, "a list of closing paragraphs"))
        return;
    *out = alloc_items(c, list->count, sizeof **out);
    for (size_t i = 0; i < list->count; i++)
        if (report_read_para(c, list->items[i], &(*out)[*count]))
            (*count)++;
}
