/* progress.c — the numbers behind progress bars: task completion, time
 * progress, status, work-area means and percentage labels
 * (docs/format.md, "Numbers shown in the booklet"). */
#include "report_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool task_reported(const report_task *t)
{
    return t->done.text != NULL;
}

double report_task_completion(const report_task *t)
{
    if (!task_reported(t) || t->target.value <= 0)
        return -1;
    return t->done.value / t->target.value;
}

static long day_of(report_date d)
{
    return report_day_number(d.year, d.month, d.day);
}

/* Days of [start, due] that have begun by day d (inclusive), clamped to
 * [0, total]; total is the length of [start, due], at least 1. */
static void elapsed_days(report_date start, report_date due, report_date d, long *elapsed,
                         long *total)
{
    *total = day_of(due) - day_of(start) + 1;
    if (*total < 1) /* the validator forbids due < start; never divide by 0 */
        *total = 1;
    *elapsed = day_of(d) - day_of(start) + 1;
    if (*elapsed < 0)
        *elapsed = 0;
    if (*elapsed > *total)
        *elapsed = *total;
}

double report_time_progress(report_date start, report_date due, report_date d)
{
    long elapsed, total;
    elapsed_days(start, due, d, &elapsed, &total);
    return (double)elapsed / (double)total;
}

report_status report_task_status(const report_task *t, report_date d)
{
    if (!task_reported(t))
        return REPORT_TASK_NOT_REPORTED;
    double done = t->done.value, target = t->target.value;
    if (done >= target)
        return REPORT_TASK_DONE;
    long elapsed, total;
    elapsed_days(t->start, t->due, d, &elapsed, &total);
    /* done/target >= elapsed/total, cross-multiplied so no quotient is rounded */
    return done * (double)total >= (double)elapsed * target ? REPORT_TASK_ON_TRACK
                                                            : REPORT_TASK_BEHIND;
}

/* ------------------------------ labels ------------------------------- */

/* Round the non-negative integer digits / 10^shift half up. */
static uint64_t div_pow10_half_up(uint64_t digits, int shift)
{
    if (shift > 19)
        return 0; /* digits < 10^15: far below one half */
    uint64_t p = 1;
    for (int i = 0; i < shift; i++)
        p *= 10;
    uint64_t q = digits / p, r = digits % p;
    return r >= p - r ? q + 1 : q; /* r / p >= 1/2 */
}

/* Tenths of a percent in x (x >= 0 and finite) as decimal digits in out
 * (at least 330 bytes: enough for any double), rounded half up from the
 * decimal that x stands for. x = done/target is the double nearest the
 * exact quotient; its 15 significant digits give back that quotient's
 * decimal (doubles hold 15.9 digits), so 0.0625 or 0.0135 are not read as
 * 0.06249999… or 0.01349999…, the classic binary traps of round(x * 1000).
 * Large values are written out in full: there is no size beyond which a
 * finite figure prints as "?%". */
static void percent_tenths(double x, char *out, size_t size)
{
    char sci[32];
    snprintf(sci, sizeof sci, "%.14e", x); /* d.dddddddddddddde±XX */
    char digits[16];
    size_t n = 0;
    const char *p = sci;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9' && n < sizeof digits - 1)
            digits[n++] = *p;
    digits[n] = '\0';
    /* x = digits * 10^(exponent - 14); tenths of a percent = x * 1000 */
    int scale = (*p == 'e' ? atoi(p + 1) : 0) - 14 + 3;
    if (scale >= 0) { /* x >= 10^11: the digits, then zeros */
        size_t len = (size_t)snprintf(out, size, "%s", digits);
        for (int i = 0; i < scale && len + 1 < size; i++)
            out[len++] = '0';
        out[len] = '\0';
        return;
    }
    uint64_t value = strtoull(digits, NULL, 10);
    snprintf(out, size, "%llu", (unsigned long long)div_pow10_half_up(value, -scale));
}

void report_format_percent(double fraction, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    if (!isfinite(fraction)) {
        snprintf(buf, size, "?%%");
        return;
    }
    char tenths[400];
    percent_tenths(fabs(fraction), tenths, sizeof tenths);
    size_t n = strlen(tenths);
    bool negative = fraction < 0 && strcmp(tenths, "0") != 0; /* never "-0.0%" */
    snprintf(buf, size, "%s%.*s.%c%%", negative ? "-" : "", n > 1 ? (int)(n - 1) : 1,
             n > 1 ? tenths : "0", tenths[n - 1]);
}

/* ------------------------------- areas ------------------------------- */

static void count_task(const report_task *t, report_date d, report_area *a, double *capped_sum)
{
    a->ntasks++;
    a->time_progress += report_time_progress(t->start, t->due, d);
    switch (report_task_status(t, d)) {
    case REPORT_TASK_DONE:
        a->ndone++;
        break;
    case REPORT_TASK_ON_TRACK:
        a->non_track++;
        break;
    case REPORT_TASK_BEHIND:
        a->nbehind++;
        break;
    case REPORT_TASK_NOT_REPORTED:
        a->nnot_reported++;
        return;
    }
    a->nreported++;
    double c = report_task_completion(t);
    *capped_sum += c > 1 ? 1 : c;
}

bool report_section_area(const report_section *s, report_date d, report_area *out)
{
    report_area a = {.section = s};
    bool any_block = false;
    double capped_sum = 0;
    for (size_t i = 0; i < s->nblocks; i++) {
        const report_block *b = &s->blocks[i];
        if (b->kind != REPORT_BLOCK_TASKS)
            continue;
        any_block = true;
        for (size_t k = 0; k < b->ntasks; k++)
            count_task(&b->tasks[k], d, &a, &capped_sum);
    }
    if (!any_block)
        return false;
    a.progress = a.nreported ? capped_sum / (double)a.nreported : -1;
    a.time_progress = a.ntasks ? a.time_progress / (double)a.ntasks : 0;
    *out = a;
    return true;
}
