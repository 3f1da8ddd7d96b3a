/* test_progress.c — the numbers behind progress bars: completion, time
 * progress, status, work-area means and percentage labels, against the
 * worked examples of docs/format.md and exact integer arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/report.h"

static report_date date(int y, int m, int d)
{
    return (report_date){y, m, d, 0, 0};
}

static const report_date jan1 = {2017, 1, 1, 0, 0};
static const report_date dec31 = {2017, 12, 31, 0, 0};
static const report_date aug30 = {2017, 8, 30, 0, 0};

/* A whole-year 2017 task; done < 0 means "not reported". */
static report_task task(const char *done_text, double done, double target)
{
    report_task t = {0};
    t.name = (report_text){"任务", strlen("任务"), 1, 1, true};
    t.target = (report_number){"target", target, 1, 1};
    if (done_text)
        t.done = (report_number){done_text, done, 1, 1};
    t.start = jan1;
    t.due = dec31;
    return t;
}

static void expect_percent(double fraction, const char *want)
{
    char buf[32];
    report_format_percent(fraction, buf, sizeof buf);
    if (strcmp(buf, want) != 0) {
        print_message("fraction %.17g: have %s, want %s\n", fraction, buf, want);
        fail();
    }
}

/* ---------------------------- time progress ---------------------------- */

static void test_time_progress_worked_examples(void **state)
{
    (void)state;
    assert_true(report_time_progress(jan1, dec31, date(2017, 6, 30)) == 181.0 / 365.0);
    assert_true(report_time_progress(jan1, dec31, aug30) == 242.0 / 365.0);
    char buf[16];
    report_format_percent(report_time_progress(jan1, dec31, date(2017, 6, 30)), buf, sizeof buf);
    assert_string_equal(buf, "49.6%");
    report_format_percent(report_time_progress(jan1, dec31, aug30), buf, sizeof buf);
    assert_string_equal(buf, "66.3%");
    /* the first day counts: one day of 365 has begun on 1 January */
    assert_true(report_time_progress(jan1, dec31, jan1) == 1.0 / 365.0);
    assert_true(report_time_progress(jan1, dec31, dec31) == 1.0);
}

static void test_time_progress_clamped(void **state)
{
    (void)state;
    report_date sep1 = date(2017, 9, 1);
    assert_true(report_time_progress(sep1, dec31, aug30) == 0.0);
    assert_true(report_time_progress(sep1, dec31, date(2016, 12, 31)) == 0.0);
    assert_true(report_time_progress(jan1, date(2017, 6, 30), aug30) == 1.0);
    assert_true(report_time_progress(jan1, dec31, date(2018, 1, 5)) == 1.0);
    /* 2016 is a leap year: 29 February is a day of the span */
    assert_true(report_time_progress(date(2016, 2, 28), date(2016, 3, 1), date(2016, 2, 29)) ==
                2.0 / 3.0);
}

static void test_time_progress_due_equals_start(void **state)
{
    (void)state;
    assert_true(report_time_progress(aug30, aug30, aug30) == 1.0);
    assert_true(report_time_progress(aug30, aug30, date(2017, 8, 29)) == 0.0);
    assert_true(report_time_progress(aug30, aug30, date(2017, 8, 31)) == 1.0);
}

/* ------------------------- completion and status ------------------------ */

static void test_completion_exact(void **state)
{
    (void)state;
    report_task t = task("120", 120, 179);
    assert_true(report_task_completion(&t) == 120.0 / 179.0);
    t = task("73.31", 73.31, 200);
    assert_true(report_task_completion(&t) == 73.31 / 200.0);
    t = task("22", 22, 19); /* above the target: not capped here */
    assert_true(report_task_completion(&t) > 1.0);
}

static void test_done_zero(void **state)
{
    (void)state;
    report_task t = task("0", 0, 179);
    assert_true(report_task_completion(&t) == 0.0);
    expect_percent(report_task_completion(&t), "0.0%");
    assert_int_equal(report_task_status(&t, aug30), REPORT_TASK_BEHIND);
    /* before the task starts nothing is due yet: 0 >= 0 is on track */
    t.start = date(2017, 9, 1);
    assert_int_equal(report_task_status(&t, aug30), REPORT_TASK_ON_TRACK);
}

static void test_done_above_target(void **state)
{
    (void)state;
    report_task t = task("22", 22, 19);
    expect_percent(report_task_completion(&t), "115.8%");
    assert_int_equal(report_task_status(&t, aug30), REPORT_TASK_DONE);
    t = task("179", 179, 179); /* exactly the target is done too */
    assert_int_equal(report_task_status(&t, jan1), REPORT_TASK_DONE);
    expect_percent(report_task_completion(&t), "100.0%");
}

static void test_not_reported(void **state)
{
    (void)state;
    report_task t = task(NULL, 0, 179);
    assert_true(report_task_completion(&t) == -1.0);
    assert_int_equal(report_task_status(&t, aug30), REPORT_TASK_NOT_REPORTED);
    /* an estimate counts as reported */
    t = task("130", 130, 179); /* 72.6% against 66.3% */
    t.estimated = true;
    assert_int_equal(report_task_status(&t, aug30), REPORT_TASK_ON_TRACK);
}

static void test_status_on_track_and_behind(void **state)
{
    (void)state;
    report_task t = task("120", 120, 179); /* 67.0% against 66.3% */
    assert_int_equal(report_task_status(&t, aug30), REPORT_TASK_ON_TRACK);
    assert_int_equal(report_task_status(&t, date(2017, 9, 5)), REPORT_TASK_BEHIND); /* 68.2% */
    /* exactly level with the time: 242/365 on day 242 */
    t = task("242", 242, 365);
    assert_int_equal(report_task_status(&t, aug30), REPORT_TASK_ON_TRACK);
    t = task("241", 241, 365);
    assert_int_equal(report_task_status(&t, aug30), REPORT_TASK_BEHIND);
    /* same label as the time (66.3%) but below it: compared unrounded */
    t = task("265", 265, 400);
    expect_percent(report_task_completion(&t), "66.3%");
    assert_int_equal(report_task_status(&t, aug30), REPORT_TASK_BEHIND);
    /* after due and not done: behind however much is done */
    t = task("99", 99, 100);
    t.due = date(2017, 6, 30);
    assert_int_equal(report_task_status(&t, aug30), REPORT_TASK_BEHIND);
}

static void test_status_due_equals_start(void **state)
{
    (void)state;
    report_task t = task("5", 5, 9);
    t.start = t.due = date(2017, 9, 30);
    assert_int_equal(report_task_status(&t, aug30), REPORT_TASK_ON_TRACK); /* not begun */
    assert_int_equal(report_task_status(&t, date(2017, 9, 30)), REPORT_TASK_BEHIND);
}

/* ---------------------------- percent labels ---------------------------- */

static void test_percent_examples(void **state)
{
    (void)state;
    expect_percent(0.67, "67.0%");
    expect_percent(1.158, "115.8%");
    expect_percent(1.0 / 16.0, "6.3%");
    expect_percent(0.0, "0.0%");
    expect_percent(1.0, "100.0%");
    expect_percent(2.0 / 3.0, "66.7%");
    expect_percent(1.0 / 3.0, "33.3%");
    expect_percent(12.5, "1250.0%");
}

/* Values whose binary double sits just below the decimal half. */
static void test_percent_binary_traps(void **state)
{
    (void)state;
    expect_percent(0.0625, "6.3%");   /* 6.25 */
    expect_percent(0.145, "14.5%");   /* 0.145 * 1000 = 144.99999999999997 */
    expect_percent(1.005, "100.5%");  /* 1.005 is 1.00499999999999989… */
    expect_percent(0.0135, "1.4%");   /* 1.35 */
    expect_percent(0.1445, "14.5%");  /* 14.45 */
    expect_percent(1.0005, "100.1%"); /* 100.05 */
    expect_percent(0.0015, "0.2%");   /* 0.15 */
    expect_percent(0.00145, "0.1%");  /* 0.145: below the half */
    expect_percent(0.00049, "0.0%");
    expect_percent(0.0005, "0.1%");
    expect_percent(0.99949, "99.9%");
    expect_percent(0.9995, "100.0%");
    expect_percent(8.345, "834.5%");
    expect_percent(0.2825, "28.3%"); /* 28.25 */
    expect_percent(0.2835, "28.4%"); /* 28.35 */
    expect_percent(0.2845, "28.5%"); /* 28.45 */
    expect_percent(0.28449, "28.4%");
    /* {progress: N} cells pass N / 100 */
    expect_percent(99.29 / 100, "99.3%");
    expect_percent(93.02 / 100, "93.0%");
    expect_percent(99.98 / 100, "100.0%");
    expect_percent(6.25 / 100, "6.3%");
    expect_percent(0.05 / 100, "0.1%");
}

/* Every done/target of small integers against the exact rational answer:
 * tenths of a percent = floor((2000 * done + target) / (2 * target)). */
static void test_percent_against_integer_arithmetic(void **state)
{
    (void)state;
    char want[32], have[32];
    for (long target = 1; target <= 400; target++)
        for (long done = 0; done <= target + target / 4; done++) {
            long tenths = (2000 * done + target) / (2 * target);
            snprintf(want, sizeof want, "%ld.%ld%%", tenths / 10, tenths % 10);
            report_format_percent((double)done / (double)target, have, sizeof have);
            if (strcmp(have, want) != 0) {
                print_message("%ld/%ld: have %s, want %s\n", done, target, have, want);
                fail();
            }
        }
}

static void test_percent_buffer_and_odd_values(void **state)
{
    (void)state;
    char buf[4];
    report_format_percent(0.67, buf, sizeof buf);
    assert_string_equal(buf, "67."); /* truncated, still terminated */
    expect_percent(NAN, "?%");
    expect_percent(INFINITY, "?%");
    expect_percent(-0.5, "-50.0%");
    expect_percent(-0.0001, "0.0%");    /* no "-0.0%" */
    report_format_percent(0.5, buf, 0); /* size 0: nothing written, no crash */
}

/* Any finite figure prints: done 1e15 of a target 1e-15 is 10^32 percent. */
static void test_percent_of_huge_figures(void **state)
{
    (void)state;
    char buf[400];
    report_format_percent(1e5, buf, sizeof buf);
    assert_string_equal(buf, "10000000.0%");
    report_format_percent(123456789.0, buf, sizeof buf);
    assert_string_equal(buf, "12345678900.0%");
    report_format_percent(1e16, buf, sizeof buf);
    assert_string_equal(buf, "1000000000000000000.0%");
    report_format_percent(1e30, buf, sizeof buf);
    assert_string_equal(buf, "100000000000000000000000000000000.0%");
    report_format_percent(-1e30, buf, sizeof buf);
    assert_string_equal(buf, "-100000000000000000000000000000000.0%");
    report_format_percent(1.5e300, buf, sizeof buf);
    assert_int_equal(strlen(buf), 303 + 3); /* 1.5e302 has 303 digits */
    assert_memory_equal(buf, "15000", 5);
    report_format_percent(1e-300, buf, sizeof buf);
    assert_string_equal(buf, "0.0%");
}

/* -------------------------------- areas -------------------------------- */

static report_block tasks_block(report_task *tasks, size_t n)
{
    report_block b = {0};
    b.kind = REPORT_BLOCK_TASKS;
    b.tasks = tasks;
    b.ntasks = n;
    return b;
}

static void test_area_means(void **state)
{
    (void)state;
    report_task first[] = {task("22", 22, 19), task("50", 50, 100)};
    report_task second[] = {task(NULL, 0, 10)};
    second[0].due = date(2017, 9, 30); /* 242 of 273 days */
    report_block blocks[3] = {tasks_block(first, 2), {0}, tasks_block(second, 1)};
    blocks[1].kind = REPORT_BLOCK_PARAGRAPH;
    report_section s = {.blocks = blocks, .nblocks = 3};

    report_area a;
    assert_true(report_section_area(&s, aug30, &a));
    assert_ptr_equal(a.section, &s);
    assert_int_equal(a.ntasks, 3);
    assert_int_equal(a.nreported, 2);
    assert_int_equal(a.ndone, 1);
    assert_int_equal(a.non_track, 0);
    assert_int_equal(a.nbehind, 1);
    assert_int_equal(a.nnot_reported, 1);
    /* 115.8% counts as 100%; the unreported task is left out, not 0% */
    assert_true(fabs(a.progress - 0.75) < 1e-12);
    double time = (242.0 / 365 + 242.0 / 365 + 242.0 / 273) / 3;
    assert_true(fabs(a.time_progress - time) < 1e-12);
}

static void test_area_none_reported(void **state)
{
    (void)state;
    report_task tasks[] = {task(NULL, 0, 10), task(NULL, 0, 5)};
    report_block b = tasks_block(tasks, 2);
    report_section s = {.blocks = &b, .nblocks = 1};
    report_area a;
    assert_true(report_section_area(&s, aug30, &a));
    assert_int_equal(a.ntasks, 2);
    assert_int_equal(a.nreported, 0);
    assert_int_equal(a.nnot_reported, 2);
    assert_true(a.progress == -1.0);
    assert_true(a.time_progress == 242.0 / 365);
}

static void test_area_needs_own_tasks_block(void **state)
{
    (void)state;
    report_task tasks[] = {task("1", 1, 2)};
    report_block b = tasks_block(tasks, 1);
    report_section child = {.blocks = &b, .nblocks = 1};
    report_block para = {0};
    para.kind = REPORT_BLOCK_PARAGRAPH;
    report_section parent = {.blocks = &para, .nblocks = 1, .sections = &child, .nsections = 1};
    report_area a = {.ntasks = 99};
    assert_false(report_section_area(&parent, aug30, &a));
    assert_int_equal(a.ntasks, 99); /* untouched */
    report_section empty = {0};
    assert_false(report_section_area(&empty, aug30, &a));
    assert_true(report_section_area(&child, aug30, &a));
    assert_int_equal(a.ntasks, 1);
}

/* --------------------------- the example report -------------------------- */

/* The seven work areas of data/luohu-2017.yaml are areas with every task
 * status a reader can meet, and its summary has areas to show. */
static void test_example_report_areas(void **state)
{
    (void)state;
    diag_list diags = {0};
    report *r = report_load("data/luohu-2017.yaml", &diags);
    assert_non_null(r);
    const report_section *top = NULL;
    for (size_t i = 0; i < r->nsections; i++)
        if (r->sections[i].nsections)
            top = &r->sections[i];
    assert_non_null(top);
    assert_int_equal(top->nsections, 7);
    size_t statuses[4] = {0}, estimated = 0;
    for (size_t i = 0; i < top->nsections; i++) {
        report_area a;
        assert_true(report_section_area(&top->sections[i], r->meta.date, &a));
        assert_true(a.ntasks > 0);
        assert_true(a.time_progress > 0 && a.time_progress <= 1);
        statuses[REPORT_TASK_DONE] += a.ndone;
        statuses[REPORT_TASK_ON_TRACK] += a.non_track;
        statuses[REPORT_TASK_BEHIND] += a.nbehind;
        statuses[REPORT_TASK_NOT_REPORTED] += a.nnot_reported;
        for (size_t b = 0; b < top->sections[i].nblocks; b++)
            for (size_t k = 0; k < top->sections[i].blocks[b].ntasks; k++)
                estimated += top->sections[i].blocks[b].tasks[k].estimated;
    }
    assert_true(statuses[REPORT_TASK_NOT_REPORTED] >= 1);
    assert_true(statuses[REPORT_TASK_ON_TRACK] + statuses[REPORT_TASK_BEHIND] >= 1);
    assert_true(estimated >= 1);
    report_free(r);
    diag_list_free(&diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time_progress_worked_examples),
        cmocka_unit_test(test_time_progress_clamped),
        cmocka_unit_test(test_time_progress_due_equals_start),
        cmocka_unit_test(test_completion_exact),
        cmocka_unit_test(test_done_zero),
        cmocka_unit_test(test_done_above_target),
        cmocka_unit_test(test_not_reported),
        cmocka_unit_test(test_status_on_track_and_behind),
        cmocka_unit_test(test_status_due_equals_start),
        cmocka_unit_test(test_percent_examples),
        cmocka_unit_test(test_percent_binary_traps),
        cmocka_unit_test(test_percent_against_integer_arithmetic),
        cmocka_unit_test(test_percent_buffer_and_odd_values),
        cmocka_unit_test(test_percent_of_huge_figures),
        cmocka_unit_test(test_area_means),
        cmocka_unit_test(test_area_none_reported),
        cmocka_unit_test(test_area_needs_own_tasks_block),
        cmocka_unit_test(test_example_report_areas),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
