/* test_text_break.c — break opportunities (ICU tailored to clreq GB-style)
 * and Knuth–Plass total fit over made-up widths. No fonts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text/text_internal.h"

/* ---- helpers ---- */

/* The break kind at the '|' of `marked` (e.g. "957.1|亿"), which must occur
 * in text with the '|' removed. */
static text_break_kind kind_at(const char *text, const char *marked)
{
    char needle[256];
    const char *bar = strchr(marked, '|');
    assert_non_null(bar);
    size_t pre = (size_t)(bar - marked);
    snprintf(needle, sizeof needle, "%.*s%s", (int)pre, marked, bar + 1);
    const char *hit = strstr(text, needle);
    assert_non_null(hit);
    size_t n = 0;
    text_break_kind *b = text_find_breaks(NULL, text, strlen(text), &n);
    size_t index = utf8_length(text, (size_t)(hit - text) + pre);
    assert_true(index < n);
    text_break_kind k = b[index];
    free(b);
    return k;
}

/* True when no break is allowed anywhere strictly inside `unit`. */
static bool whole(const char *text, const char *unit)
{
    const char *hit = strstr(text, unit);
    assert_non_null(hit);
    size_t n = 0;
    text_break_kind *b = text_find_breaks(NULL, text, strlen(text), &n);
    size_t first = utf8_length(text, (size_t)(hit - text));
    size_t count = utf8_length(unit, strlen(unit));
    bool ok = true;
    for (size_t i = first + 1; i < first + count; i++)
        ok = ok && b[i] == BREAK_NONE;
    free(b);
    return ok;
}

static const char EX7[] = "地区生产总值完成957.1亿元，增长8.6%，创近四年同比新高。";
static const char EX8[] = "截至8月29日，当事人户数签约率达99.29%；搬离93017人，占比99.98%；";
static const char EX5[] = "稳步构建“大代购”“大代建”“大平台”，落实“硬要求”，拿出“硬举措”";
static const char EX9[] = "自去年“12·20”棚改全面签约暨房屋拆除启动以来";
static const char EX10[] = "今年1-7月，完善《2017-2018年民生微实事项目规划》，8月30日至2017-08-30";
static const char EX11[] = "会议强调——必须坚决按照部署推进";

/* ---- break opportunities ---- */

static void test_numbers_stay_whole(void **state)
{
    (void)state;
    assert_true(whole(EX8, "99.29%"));
    assert_true(whole(EX8, "93017"));
    assert_true(whole(EX8, "99.98%；"));
    assert_true(whole(EX7, "957.1"));
    assert_true(whole(EX7, "8.6%，"));
    assert_true(whole(EX10, "2017-08-30"));
    assert_true(whole(EX10, "1-7"));
    assert_true(whole(EX10, "2017-2018"));
    assert_true(whole(EX9, "12·20"));
}

static void test_number_and_unit_penalized(void **state)
{
    (void)state;
    assert_int_equal(kind_at(EX7, "957.1|亿"), BREAK_PENALIZED);
    assert_int_equal(kind_at(EX8, "8|月"), BREAK_PENALIZED);
    assert_int_equal(kind_at(EX10, "7|月"), BREAK_PENALIZED);
    assert_int_equal(kind_at(EX7, "完成|957"), BREAK_ALLOWED);
    assert_int_equal(kind_at(EX7, "亿|元"), BREAK_ALLOWED);
}

static void test_no_start_marks(void **state)
{
    (void)state;
    assert_int_equal(kind_at(EX7, "亿元|，"), BREAK_NONE);
    assert_int_equal(kind_at(EX7, "新高|。"), BREAK_NONE);
    assert_int_equal(kind_at("安全生产、公共资源", "生产|、"), BREAK_NONE);
    assert_int_equal(kind_at(EX5, "大代购|”"), BREAK_NONE);
    assert_int_equal(kind_at("深圳河（罗湖段）、布吉河", "湖段|）"), BREAK_NONE);
    assert_int_equal(kind_at(EX8, "99.29%|；"), BREAK_NONE);
    assert_int_equal(kind_at("增长百分之八％", "八|％"), BREAK_NONE);
}

static void test_no_end_marks(void **state)
{
    (void)state;
    assert_int_equal(kind_at(EX5, "“|大代购"), BREAK_NONE);
    assert_int_equal(kind_at("深圳河（罗湖段）", "（|罗"), BREAK_NONE);
    assert_int_equal(kind_at(EX10, "《|2017"), BREAK_NONE);
    assert_int_equal(kind_at("价格￥100元", "￥|1"), BREAK_NONE);
    /* the marks themselves may start a line */
    assert_int_equal(kind_at(EX5, "构建|“"), BREAK_ALLOWED);
    assert_int_equal(kind_at(EX10, "完善|《"), BREAK_ALLOWED);
}

static void test_quote_pairs(void **state)
{
    (void)state;
    assert_int_equal(kind_at(EX5, "大代购”|“大代建"), BREAK_ALLOWED);
    assert_int_equal(kind_at(EX5, "大代建”|“大平台"), BREAK_ALLOWED);
    assert_int_equal(kind_at(EX5, "硬要求”|，"), BREAK_NONE);
    assert_int_equal(kind_at(EX5, "，|拿出"), BREAK_ALLOWED);
}

static void test_dashes_and_connectors(void **state)
{
    (void)state;
    assert_true(whole(EX11, "——"));
    assert_int_equal(kind_at(EX11, "强调|——"), BREAK_ALLOWED); /* GB-style */
    assert_int_equal(kind_at(EX11, "——|必须"), BREAK_ALLOWED);
    assert_int_equal(kind_at("说明……如此", "说明…|…"), BREAK_NONE);
    assert_int_equal(kind_at("1949—1986年", "1949|—"), BREAK_NONE);
    assert_int_equal(kind_at("一年～两年", "一年|～"), BREAK_NONE);
    assert_int_equal(kind_at("甲方／乙方", "甲方|／"), BREAK_NONE);
    assert_int_equal(kind_at("甲方／乙方", "／|乙方"), BREAK_NONE);
    assert_int_equal(kind_at("特·马", "特|·"), BREAK_NONE);
    assert_int_equal(kind_at("特·马", "·|马"), BREAK_NONE);
}

static void test_latin_words_and_surrogates(void **state)
{
    (void)state;
    const char *t = "𠮷野家的editor和GDP增长";
    assert_true(whole(t, "editor"));
    assert_true(whole(t, "GDP"));
    assert_int_equal(kind_at(t, "𠮷|野"), BREAK_ALLOWED);
    assert_int_equal(kind_at(t, "的|editor"), BREAK_ALLOWED);
    /* indices count code points, so 𠮷 (two UTF-16 units) is one */
    size_t n = 0;
    text_break_kind *b = text_find_breaks(NULL, t, strlen(t), &n);
    assert_int_equal(n, utf8_length(t, strlen(t)));
    assert_int_equal(b[0], BREAK_NONE);
    free(b);
}

/* ---- Knuth–Plass ---- */

static kp_item box(double w)
{
    return (kp_item){KP_BOX, w, 0, 0, 0, false};
}

static kp_item glue(double w, double y, double z)
{
    return (kp_item){KP_GLUE, w, y, z, 0, false};
}

static kp_item penalty(double p)
{
    return (kp_item){KP_PENALTY, 0, 0, 0, p, false};
}

/* n boxes of width 2 with glue (1, +1, −0.5) between, then the paragraph
 * end (∞ penalty, fill glue, forced break). Box k is item 2k. */
static size_t five_words(kp_item *it, size_t nboxes)
{
    size_t n = 0;
    for (size_t k = 0; k < nboxes; k++) {
        if (k)
            it[n++] = glue(1, 1, 0.5);
        it[n++] = box(2);
    }
    it[n++] = penalty(KP_INFINITY);
    it[n++] = glue(0, 1e7, 0);
    it[n++] = penalty(-KP_INFINITY);
    return n;
}

/* Width 7: two words leave 2 to stretch over one glue (r = 2), three words
 * are 8 and shrink by exactly 1 (r = −1), four are 11. So at tolerance 1 the
 * only solution is 3 + 2, breaking at the glue after the third word. */
static void test_kp_hand_checked(void **state)
{
    (void)state;
    kp_item it[20];
    size_t n = five_words(it, 5);
    double w = 7;
    size_t *br = NULL;
    size_t nb = text_kp_break(it, n, &w, 1, 1, &br);
    assert_int_equal(nb, 2);
    assert_int_equal(br[0], 5);
    assert_int_equal(br[1], n - 1);
    free(br);

    /* A first line of 5 takes two words exactly (r = 0); the rest (8 on 7)
     * shrinks on the last line. */
    double widths[2] = {5, 7};
    nb = text_kp_break(it, n, widths, 2, 1, &br);
    assert_int_equal(nb, 2);
    assert_int_equal(br[0], 3);
    free(br);
}

/* Tolerance: at width 6 two words leave 1 to stretch over one glue (r = 1)
 * and three are 8 (shrink 1 only to 7): two words a line, feasible at
 * tolerance 1. At width 6.5 (r = 1.5) only tolerance 2 finds it. */
static void test_kp_tolerance(void **state)
{
    (void)state;
    kp_item it[20];
    size_t n = five_words(it, 4);
    double w = 6;
    size_t *br = NULL;
    size_t nb = text_kp_break(it, n, &w, 1, 1, &br);
    assert_int_equal(nb, 2);
    assert_int_equal(br[0], 3);
    free(br);
    w = 6.5;
    assert_int_equal(text_kp_break(it, n, &w, 1, 1, &br), 0);
    nb = text_kp_break(it, n, &w, 1, 2, &br);
    assert_int_equal(nb, 2);
    assert_int_equal(br[0], 3);
    free(br);
}

static void test_kp_infeasible(void **state)
{
    (void)state;
    kp_item it[20];
    size_t n = five_words(it, 5);
    double w = 1; /* narrower than any box */
    size_t *br = (size_t *)&w;
    assert_int_equal(text_kp_break(it, n, &w, 1, 10, &br), 0);
    assert_null(br);
    /* a list that does not end with a forced break */
    assert_int_equal(text_kp_break(it, n - 1, &w, 1, 10, &br), 0);
}

static void test_kp_forced_breaks(void **state)
{
    (void)state;
    kp_item it[20];
    size_t n = 0;
    it[n++] = box(2);
    it[n++] = glue(1, 1, 0);
    it[n++] = box(2);
    it[n++] = penalty(-KP_INFINITY); /* a forced break mid-paragraph */
    it[n++] = box(2);
    it[n++] = glue(1, 1, 0);
    it[n++] = box(2);
    it[n++] = penalty(KP_INFINITY);
    it[n++] = glue(0, 1e7, 0);
    it[n++] = penalty(-KP_INFINITY);
    double w = 5;
    size_t *br = NULL;
    size_t nb = text_kp_break(it, n, &w, 1, 1, &br);
    assert_int_equal(nb, 2);
    assert_int_equal(br[0], 3);
    assert_int_equal(br[1], n - 1);
    free(br);
}

/* A paragraph of 20,000 boxes: breaks for all of it, each line full. */
static void test_kp_long_paragraph(void **state)
{
    (void)state;
    size_t nboxes = 20000;
    kp_item *it = malloc((3 * nboxes + 4) * sizeof *it);
    size_t n = 0;
    for (size_t k = 0; k < nboxes; k++) {
        if (k) {
            it[n++] = penalty(0);
            it[n++] = glue(0, 0.25, 0);
        }
        it[n++] = box(1);
    }
    it[n++] = penalty(KP_INFINITY);
    it[n++] = glue(0, 1e7, 0);
    it[n++] = penalty(-KP_INFINITY);
    double w = 28;
    size_t *br = NULL;
    size_t nb = text_kp_break(it, n, &w, 1, 1, &br);
    assert_int_equal(nb, (nboxes + 27) / 28);
    for (size_t i = 0; i + 1 < nb; i++)
        assert_int_equal(br[i], (i + 1) * 28 * 3 - 2); /* the penalty after box 28(i+1) */
    free(br);
    free(it);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers_stay_whole),
        cmocka_unit_test(test_number_and_unit_penalized),
        cmocka_unit_test(test_no_start_marks),
        cmocka_unit_test(test_no_end_marks),
        cmocka_unit_test(test_quote_pairs),
        cmocka_unit_test(test_dashes_and_connectors),
        cmocka_unit_test(test_latin_words_and_surrogates),
        cmocka_unit_test(test_kp_hand_checked),
        cmocka_unit_test(test_kp_tolerance),
        cmocka_unit_test(test_kp_infeasible),
        cmocka_unit_test(test_kp_forced_breaks),
        cmocka_unit_test(test_kp_long_paragraph),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
