/* fuzz_report.c — the YAML loader and the validator: the tree of any bytes
 * (report_tree_load_buffer, checked like the JSON harness's), then
 * report_load on them and every figure the booklet computes from what it accepted (the
 * completions, time progress, statuses, percentages and work-area means
 * behind the bars). No crash, leak or undefined behaviour; a report that
 * loads has finite figures (issue 7, item 3) and printable messages.
 *
 * report_load takes a path: the input is written to a memfd, read back
 * through /proc/self/fd (no disk, nothing left behind). The name does not
 * end in .json, so it is read as YAML. */
#define _GNU_SOURCE
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_tree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int input_fd = -1;
static char input_path[64];

static void write_input(const uint8_t *data, size_t size)
{
    if (input_fd < 0) {
        input_fd = memfd_create("fuzz-report.yaml", 0);
        FUZZ_CHECK(input_fd >= 0, "memfd_create failed");
        snprintf(input_path, sizeof input_path, "/proc/self/fd/%d", input_fd);
    }
    FUZZ_CHECK(ftruncate(input_fd, 0) == 0, "ftruncate failed");
    for (size_t done = 0; done < size;) {
        ssize_t n = pwrite(input_fd, data + done, size - done, (off_t)done);
        FUZZ_CHECK(n > 0, "pwrite failed");
        done += (size_t)n;
    }
}

static void check_fraction(double v, const char *what, int line, int col)
{
    FUZZ_CHECK(isfinite(v), "%s at %d:%d is %g", what, line, col, v);
    char buf[32];
    report_format_percent(v, buf, sizeof buf);
    FUZZ_CHECK(strchr(buf, '?') == NULL, "%s at %d:%d prints as %s", what, line, col, buf);
}

static void check_task(const report_task *t, report_date d)
{
    double c = report_task_completion(t);
    if (t->done.text)
        check_fraction(c, "a completion", t->line, t->col);
    else
        FUZZ_CHECK(c == -1, "an unreported task's completion is %g", c);
    double tp = report_time_progress(t->start, t->due, d);
    FUZZ_CHECK(tp >= 0 && tp <= 1, "time progress %g at %d:%d", tp, t->line, t->col);
    report_status s = report_task_status(t, d);
    FUZZ_CHECK(s >= REPORT_TASK_DONE && s <= REPORT_TASK_NOT_REPORTED, "status %d", (int)s);
}

static void check_section(const report_section *sec, report_date d, int depth)
{
    FUZZ_CHECK(depth < 1000, "sections nested %d deep", depth);
    for (size_t b = 0; b < sec->nblocks; b++) {
        const report_block *blk = &sec->blocks[b];
        if (blk->kind == REPORT_BLOCK_TASKS)
            for (size_t i = 0; i < blk->ntasks; i++)
                check_task(&blk->tasks[i], d);
        if (blk->kind == REPORT_BLOCK_TABLE)
            for (size_t r = 0; r < blk->table.nrows; r++)
                for (size_t c = 0; c < blk->table.ncolumns; c++) {
                    const report_cell *cell = &blk->table.rows[r][c];
                    if (cell->is_progress)
                        check_fraction(cell->progress.value / 100, "a progress cell",
                                       cell->progress.line, cell->progress.col);
                }
    }
    report_area area;
    if (report_section_area(sec, d, &area)) {
        if (area.progress != -1)
            check_fraction(area.progress, "an area's completion", sec->line, sec->col);
        check_fraction(area.time_progress, "an area's time progress", sec->line, sec->col);
    }
    for (size_t i = 0; i < sec->nsections; i++)
        check_section(&sec->sections[i], d, depth + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the tree the validator walks, as the YAML loader builds it */
    arena *a = arena_new();
    diag_list td = {0};
    fuzz_check_tree(report_tree_load_buffer("fuzz.yaml", (const char *)data, size, a, &td));
    fuzz_check_diags(&td);
    diag_list_free(&td);
    arena_free(a);

    write_input(data, size);
    diag_list d = {0};
    report *r = report_load(input_path, &d);
    FUZZ_CHECK((r == NULL) == (d.errors > 0), "report %p with %zu errors", (void *)r, d.errors);
    if (r)
        for (size_t i = 0; i < r->nsections; i++)
            check_section(&r->sections[i], r->meta.date, 0);
    fuzz_check_diags(&d);
    report_free(r);
    diag_list_free(&d);
    return 0;
}
