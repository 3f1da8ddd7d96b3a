/* number.c — section numbers (一、 （一） 1. （1）), Chinese numerals, dates. */
#include "layout_internal.h"

#include <string.h>

static const char *const DIGITS[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
static const char *const UNITS[] = {"", "十", "百", "千"};

void layout_chinese_numeral(int n, char *buf, size_t size)
{
    if (size == 0)
        return;
    buf[0] = '\0';
    if (n <= 0 || n >= 10000) {
        snprintf(buf, size, "%d", n);
        return;
    }
    int digits[4] = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
    bool pending_zero = false, started = false;
    for (int i = 0; i < 4; i++) {
        int d = digits[i], unit = 3 - i;
        if (d == 0) {
            pending_zero = started;
            continue;
        }
        if (pending_zero)
            strncat(buf, DIGITS[0], size - strlen(buf) - 1);
        pending_zero = false;
        /* 十二, not 一十二, when ten leads the number */
        if (!(d == 1 && unit == 1 && !started))
            strncat(buf, DIGITS[d], size - strlen(buf) - 1);
        strncat(buf, UNITS[unit], size - strlen(buf) - 1);
        started = true;
    }
}

void layout_section_number(int depth, int ordinal, char *buf, size_t size)
{
    char numeral[64];
    layout_chinese_numeral(ordinal, numeral, sizeof numeral);
    switch (depth) {
    case 1:
        snprintf(buf, size, "%s、", numeral);
        break;
    case 2:
        snprintf(buf, size, "（%s）", numeral);
        break;
    case 3:
        snprintf(buf, size, "%d.", ordinal);
        break;
    default:
        snprintf(buf, size, "（%d）", ordinal);
        break;
    }
}

void layout_chinese_date(const report_date *d, char *buf, size_t size)
{
    snprintf(buf, size, "%d年%d月%d日", d->year, d->month, d->day);
}
