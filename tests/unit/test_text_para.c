/* test_text_para.c — paragraph setting with real fonts (Noto Serif CJK SC):
 * the typography.md §8 examples, the invariants of every set paragraph,
 * ActualText spans, forced breaks, speed and missing glyphs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

#define SIZE 16.0
#define EPS 0.01

#include "text_fixture.h"

static text_para *set(const char *text, double measure_em, double indent_em, style_align align)
{
    text_style st = {.font = fx->serif, .size = SIZE, .indent = indent_em * SIZE, .align = align};
    text_origin o = {"t.yaml", 4, 9, true};
    return text_set_paragraph(fx->te, fx->a, text, strlen(text), NULL, 0, &st, measure_em * SIZE,
                              &o, &fx->diags);
}

/* ---- looking at the result ---- */

static uint32_t first_cp(const char *s, size_t len)
{
    size_t i = 0;
    return utf8_decode(s, len, &i);
}

static uint32_t last_cp(const char *s, size_t start, size_t end)
{
    size_t i = end;
    while (i > start && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i > start)
        i--;
    return utf8_decode(s, end, &i);
}

static bool never_starts(uint32_t cp)
{
    static const uint32_t marks[] = {0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,
                                     0x201D, 0x2019, 0xFF09, 0x3015, 0x3011, 0x300B, 0x3009,
                                     0x300D, 0x300F, 0xFF05, 0x0025, 0x2030, 0x2103, 0x00B7};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        if (marks[i] == cp)
            return true;
    }
    return false;
}

static bool never_ends(uint32_t cp)
{
    static const uint32_t marks[] = {0x201C, 0x2018, 0xFF08, 0x3014, 0x3010, 0x300A,
                                     0x3008, 0x300C, 0x300E, 0xFFE5, 0x00B7};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        if (marks[i] == cp)
            return true;
    }
    return false;
}

/* Every byte of a line is stood for by a glyph or an ActualText span, and
 * glyphs are in visual order. */
static void check_coverage(const text_para *p, const text_line *l)
{
    size_t n = l->text_end - l->text_start;
    char *seen = calloc(n + 1, 1);
    double x = -1e9;
    for (size_t r = 0; r < l->nruns; r++) {
        const text_run *run = &l->runs[r];
        assert_true(run->nglyphs > 0);
        if (run->actual_text)
            memset(seen + run->text_start - l->text_start, 1, run->text_end - run->text_start);
        for (size_t g = 0; g < run->nglyphs; g++) {
            const text_glyph *gl = &run->glyphs[g];
            assert_true(gl->x >= x - 1e-6);
            x = gl->x;
            memset(seen + gl->text_start - l->text_start, 1, gl->text_len);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (!seen[i])
            fail_msg("byte %zu of line \"%.*s\" has no glyph", i, (int)n, p->text + l->text_start);
    }
    free(seen);
}

/* The invariants of typography.md §8: no prohibited line start or end,
 * justified lines exactly the measure, lines cover the text in order. */
static void check_invariants(const text_para *p, double measure_em, bool justified)
{
    assert_true(p->nlines > 0);
    size_t prev_end = 0;
    for (size_t k = 0; k < p->nlines; k++) {
        const text_line *l = &p->lines[k];
        assert_true(l->text_start >= prev_end);
        assert_true(l->text_end > l->text_start);
        prev_end = l->text_end;
        uint32_t a = first_cp(p->text + l->text_start, l->text_end - l->text_start);
        uint32_t z = last_cp(p->text, l->text_start, l->text_end);
        if (k > 0 && never_starts(a))
            fail_msg("line %zu starts with U+%04X", k, (unsigned)a);
        if (k + 1 < p->nlines && never_ends(z))
            fail_msg("line %zu ends with U+%04X", k, (unsigned)z);
        if (justified && k + 1 < p->nlines && fabs(l->width - measure_em * SIZE) > EPS)
            fail_msg("line %zu is %.3f pt, not %.3f", k, l->width, measure_em * SIZE);
        assert_true(l->width <= measure_em * SIZE + EPS);
        assert_true(l->ascent > 0 && l->descent > 0);
        check_coverage(p, l);
    }
    assert_int_equal(prev_end, p->len);
}

static bool line_is(const text_para *p, size_t k, const char *want)
{
    const text_line *l = &p->lines[k];
    return strlen(want) == l->text_end - l->text_start &&
           memcmp(p->text + l->text_start, want, strlen(want)) == 0;
}

/* No line boundary inside `unit`. */
static bool kept_whole(const text_para *p, const char *unit)
{
    const char *hit = strstr(p->text, unit);
    assert_non_null(hit);
    size_t s = (size_t)(hit - p->text), e = s + strlen(unit);
    for (size_t k = 0; k < p->nlines; k++) {
        const text_line *l = &p->lines[k];
        if (l->text_start <= s && e <= l->text_end)
            return true;
    }
    return false;
}

/* The advance glyph g of line l was set with: its font's, at its run's size. */
static double advance_of(const text_line *l, const text_glyph *g)
{
    for (size_t r = 0; r < l->nruns; r++)
        if (g >= l->runs[r].glyphs && g < l->runs[r].glyphs + l->runs[r].nglyphs)
            return text_font_advance_at(l->runs[r].font, g->gid, l->runs[r].size);
    fail_msg("glyph not on the line");
    return 0;
}

/* The glyph for the n-th occurrence (from 0) of `ch` in the paragraph. */
static const text_glyph *glyph_of(const text_line *l, const char *text, const char *ch, int nth)
{
    for (size_t r = 0; r < l->nruns; r++) {
        for (size_t g = 0; g < l->runs[r].nglyphs; g++) {
            const text_glyph *gl = &l->runs[r].glyphs[g];
            if (gl->text_len == strlen(ch) &&
                memcmp(text + gl->text_start, ch, gl->text_len) == 0 && nth-- == 0)
                return gl;
        }
    }
    fail_msg("no glyph for %s", ch);
    return NULL;
}

/* Distance in em from the pen of one glyph to the pen of another. */
static double em_between(const text_line *l, const char *text, const char *a, int na, const char *b,
                         int nb)
{
    return (glyph_of(l, text, b, nb)->x - glyph_of(l, text, a, na)->x) / SIZE;
}

/* Collect the ActualText runs of a line as "a|b|c". */
static void actual_spans(const text_line *l, const char *text, char *out, size_t size)
{
    out[0] = 0;
    for (size_t r = 0; r < l->nruns; r++) {
        const text_run *run = &l->runs[r];
        if (!run->actual_text)
            continue;
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s%.*s", used ? "|" : "",
                 (int)(run->text_end - run->text_start), text + run->text_start);
    }
}

/* ---- §8 examples ---- */

static void test_example1_push_in(void **state)
{
    (void)state;
    text_para *p = set("报告指出，今年是非常不平凡的一年，党的十九大即将胜利召开。", 16, 0,
                       STYLE_ALIGN_JUSTIFY);
    check_invariants(p, 16, true);
    assert_int_equal(p->nlines, 2);
    assert_true(line_is(p, 0, "报告指出，今年是非常不平凡的一年，"));
    assert_float_equal(em_between(&p->lines[0], p->text, "，", 0, "今", 0), 0.5, 1e-3);
    assert_float_equal(p->lines[0].width, 16 * SIZE, EPS);
}

static const char SEED_REFORM[] =
    "今年，罗湖强力推动强区放权体制机制、人力资源统筹配置、消费型经济、安全生产管理机制、公共资源交"
    "易、政务公开标准化规范化试点等6项重点改革，继续深化棚改、旧改、医改等5项重点改革，前期探索区属"
    "国企、政府投资管理等3项改革，形成了“蹄疾步稳、滚动发展”的良好局面。";

static void test_example2_push_in_on_grid(void **state)
{
    (void)state;
    text_para *p = set(SEED_REFORM, 28, 2, STYLE_ALIGN_JUSTIFY);
    check_invariants(p, 28, true);
    assert_true(line_is(p, 0, "今年，罗湖强力推动强区放权体制机制、人力资源统筹配置、"));
    const text_line *l = &p->lines[0];
    assert_float_equal(em_between(l, p->text, "，", 0, "罗", 0), 0.75, 1e-3);
    assert_float_equal(em_between(l, p->text, "、", 0, "人", 0), 0.75, 1e-3);
    assert_float_equal(glyph_of(l, p->text, "今", 0)->x, 2 * SIZE, 1e-6);
}

static void test_example3_push_out_no_orphan(void **state)
{
    (void)state;
    text_para *p =
        set("罗湖区委书记贺海涛代表区委常委会向全会作工作报告。", 26, 2, STYLE_ALIGN_JUSTIFY);
    check_invariants(p, 26, true);
    assert_int_equal(p->nlines, 2);
    assert_true(line_is(p, 1, "报告。"));
    /* 22 characters on line 1 with 2 em over 21 gaps */
    const text_line *l = &p->lines[0];
    assert_float_equal(em_between(l, p->text, "罗", 0, "湖", 0), 1 + 2.0 / 21, 1e-3);
}

static void test_example5_quote_pairs(void **state)
{
    (void)state;
    text_para *p = set("稳步构建“大代购”“大代建”“大平台”，落实“硬要求”，拿出“硬举措”。", 40, 0,
                       STYLE_ALIGN_JUSTIFY);
    check_invariants(p, 40, true);
    const text_line *l = &p->lines[0];
    assert_float_equal(em_between(l, p->text, "”", 0, "大", 1), 1.5, 1e-3);
    assert_float_equal(em_between(l, p->text, "”", 1, "大", 2), 1.5, 1e-3);
    assert_float_equal(em_between(l, p->text, "”", 3, "拿", 0), 1.5, 1e-3);
}

static const char SEED_NEXT[] =
    "报告指出，下一阶段，罗湖必须坚决按照市委六届七次全会的部署，以“四硬”精神统领全区各项工作，落实"
    "“硬要求”，拿出“硬举措”，展现“硬作风”，锻造“硬干部”，坚持“实”字当先、“干”字为本，扎实做好各"
    "项工作，全面推进罗湖振兴。";

static void test_example5_seed_paragraph(void **state)
{
    (void)state;
    for (int m = 12; m <= 30; m++) {
        text_para *p = set(SEED_NEXT, m, 2, STYLE_ALIGN_JUSTIFY);
        check_invariants(p, m, true);
    }
}

static void test_example6_bracket_and_dunhao(void **state)
{
    (void)state;
    text_para *p = set("确保年底前完成深圳河（罗湖段）、布吉河（罗湖段）综合整治。", 15, 0,
                       STYLE_ALIGN_JUSTIFY);
    check_invariants(p, 15, true);
    assert_true(line_is(p, 0, "确保年底前完成深圳河（罗湖段）、"));
    const text_line *l = &p->lines[0];
    assert_float_equal(em_between(l, p->text, "）", 0, "、", 0), 0.5, 1e-3);
    /* the final 、 is half width: it ends exactly at the measure */
    assert_float_equal(glyph_of(l, p->text, "、", 0)->x + 0.5 * SIZE, 15 * SIZE, 1e-3);
}

static const char EX7[] = "地区生产总值完成957.1亿元，增长8.6%，创近四年同比新高。";

static void test_example7_numbers(void **state)
{
    (void)state;
    text_para *p = set(EX7, 40, 0, STYLE_ALIGN_JUSTIFY);
    check_invariants(p, 40, true);
    const text_line *l = &p->lines[0];
    const text_glyph *d9 = glyph_of(l, p->text, "9", 0);
    const text_glyph *cheng = glyph_of(l, p->text, "成", 0);
    assert_float_equal((d9->x - cheng->x - advance_of(l, cheng)) / SIZE, 0.25, 1e-3);
    const text_glyph *one = glyph_of(l, p->text, "1", 0);
    assert_float_equal((glyph_of(l, p->text, "亿", 0)->x - one->x - advance_of(l, one)) / SIZE,
                       0.25, 1e-3);
    const text_glyph *pct = glyph_of(l, p->text, "%", 0);
    assert_float_equal(glyph_of(l, p->text, "，", 1)->x, pct->x + advance_of(l, pct), 1e-6);
    char spans[256];
    actual_spans(l, p->text, spans, sizeof spans);
    assert_string_equal(spans, "成9|1亿|长8");

    /* At narrow measures the numbers stay whole and unstretched. */
    for (int m = 6; m <= 20; m++) {
        p = set(EX7, m, 0, STYLE_ALIGN_JUSTIFY);
        check_invariants(p, m, true);
        assert_true(kept_whole(p, "957.1"));
        assert_true(kept_whole(p, "8.6%，"));
    }
}

static void test_example8_percent_semicolon(void **state)
{
    (void)state;
    const char *t = "截至8月29日，当事人户数签约率达99.29%；搬离93017人，占比99.98%；";
    for (int m = 6; m <= 20; m++) {
        text_para *p = set(t, m, 0, STYLE_ALIGN_JUSTIFY);
        check_invariants(p, m, true);
        assert_true(kept_whole(p, "99.29%；"));
        assert_true(kept_whole(p, "93017"));
        assert_true(kept_whole(p, "99.98%；"));
    }
}

static void test_example9_interpunct(void **state)
{
    (void)state;
    const char *t = "自去年“12·20”棚改全面签约暨房屋拆除启动以来";
    text_para *p = set(t, 40, 0, STYLE_ALIGN_JUSTIFY);
    const text_line *l = &p->lines[0];
    const text_glyph *two = glyph_of(l, p->text, "2", 0);
    /* · is 0.5 em, centred: from the end of "12" to the start of "20" */
    assert_float_equal((glyph_of(l, p->text, "2", 1)->x - two->x - advance_of(l, two)) / SIZE, 0.5,
                       1e-3);
    assert_float_equal(em_between(l, p->text, "“", 0, "1", 0), 1.0, 1e-3); /* no gap at “1 */
    const text_glyph *zero = glyph_of(l, p->text, "0", 0);
    assert_float_equal(glyph_of(l, p->text, "”", 0)->x, zero->x + advance_of(l, zero), 1e-6);
    for (int m = 5; m <= 16; m++) {
        p = set(t, m, 0, STYLE_ALIGN_JUSTIFY);
        check_invariants(p, m, true);
        assert_true(kept_whole(p, "12·20"));
    }
}

static void test_example10_ranges_and_titles(void **state)
{
    (void)state;
    const char *t = "今年1-7月，完善《2017-2018年民生微实事项目规划》，推进各项工作。";
    text_para *p = set(t, 40, 0, STYLE_ALIGN_JUSTIFY);
    const text_line *l = &p->lines[0];
    assert_float_equal(em_between(l, p->text, "《", 0, "2", 0), 1.0, 1e-3);
    assert_float_equal(em_between(l, p->text, "》", 0, "，", 1), 0.5, 1e-3); /* 》， = 1.5 em */
    const text_glyph *eight = glyph_of(l, p->text, "8", 0);
    assert_float_equal((glyph_of(l, p->text, "年", 1)->x - eight->x - advance_of(l, eight)) / SIZE,
                       0.25, 1e-3);
    assert_int_equal(fx->diags.count, 0);
    /* from 8 em on, "《2017-2018年" (about 6 em) fits a line */
    for (int m = 8; m <= 20; m++) {
        p = set(t, m, 0, STYLE_ALIGN_JUSTIFY);
        check_invariants(p, m, true);
        assert_true(kept_whole(p, "1-7"));
        assert_true(kept_whole(p, "2017-2018"));
    }
}

static void test_example11_dash(void **state)
{
    (void)state;
    const char *t = "会议强调——必须坚决按照部署推进";
    for (int m = 5; m <= 12; m++) {
        text_para *p = set(t, m, 0, STYLE_ALIGN_JUSTIFY);
        check_invariants(p, m, true);
        assert_true(kept_whole(p, "——"));
    }
    /* the pair is one continuous 2-em rule (fwid; the font ligates it) */
    text_para *p = set(t, 20, 0, STYLE_ALIGN_JUSTIFY);
    const text_line *l = &p->lines[0];
    assert_float_equal(em_between(l, t, "——", 0, "必", 0), 2.0, 1e-3);
}

/* ---- ActualText, alignment, single lines ---- */

static void test_set_line_junction_spans(void **state)
{
    (void)state;
    text_style st = {.font = fx->serif, .size = SIZE, .align = STYLE_ALIGN_JUSTIFY};
    const char *t = "8月30日在 GDP 中";
    text_line *l = text_set_line(fx->te, fx->a, t, strlen(t), &st, NULL, &fx->diags);
    char spans[256];
    actual_spans(l, t, spans, sizeof spans);
    /* 8|月 and 月|3 share 月; a source space is the gap itself */
    assert_string_equal(spans, "8月3|0日|在 G|P 中");
    assert_int_equal(l->text_start, 0);
    assert_int_equal(l->text_end, strlen(t));
    const text_run *last = &l->runs[l->nruns - 1];
    const text_glyph *g = &last->glyphs[last->nglyphs - 1];
    assert_float_equal(l->width, g->x + advance_of(l, g), 1e-6);
    assert_int_equal(fx->diags.count, 0);
}

static void test_alignment(void **state)
{
    (void)state;
    const char *t = "以“四硬”精神全面推进罗湖振兴";
    text_para *left = set(t, 28, 0, STYLE_ALIGN_LEFT);
    text_para *center = set(t, 28, 0, STYLE_ALIGN_CENTER);
    text_para *right = set(t, 28, 0, STYLE_ALIGN_RIGHT);
    double natural = left->lines[0].width;
    assert_true(natural < 28 * SIZE);
    assert_float_equal(right->lines[0].width, 28 * SIZE, EPS);
    assert_float_equal(center->lines[0].width, (28 * SIZE + natural) / 2, EPS);
    assert_float_equal(center->lines[0].runs[0].glyphs[0].x, (28 * SIZE - natural) / 2, EPS);
}

static void test_wide_han_gaps_are_wrapped(void **state)
{
    (void)state;
    /* 持续开展安全生产 stretched over 9 em: every gap is wide */
    text_para *p = set("持续开展安全生产“十大专项”行动", 9, 0, STYLE_ALIGN_JUSTIFY);
    check_invariants(p, 9, true);
    assert_true(line_is(p, 0, "持续开展安全生产"));
    char spans[256];
    actual_spans(&p->lines[0], p->text, spans, sizeof spans);
    assert_string_equal(spans, "持续开展安全生产");
}

static void test_strong_spans(void **state)
{
    (void)state;
    const char *t = "坚持“实”字当先";
    text_span strong = {strlen("坚持"), strlen("坚持“实”"), TEXT_SPAN_STRONG};
    text_style st = {
        .font = fx->serif, .strong_font = fx->sans, .size = SIZE, .align = STYLE_ALIGN_JUSTIFY};
    text_para *p = text_set_paragraph(fx->te, fx->a, t, strlen(t), &strong, 1, &st, 28 * SIZE, NULL,
                                      &fx->diags);
    const text_line *l = &p->lines[0];
    assert_int_equal(l->nruns, 3);
    assert_true(l->runs[1].strong);
    assert_ptr_equal(l->runs[1].font, fx->sans);
    assert_int_equal(l->runs[1].nglyphs, 3);
    assert_false(l->runs[0].strong);
}

/* x of the glyph standing for byte `at` of the text on line l, and its advance. */
static bool glyph_at(const text_line *l, size_t at, double *x, double *advance)
{
    for (size_t r = 0; r < l->nruns; r++)
        for (size_t g = 0; g < l->runs[r].nglyphs; g++)
            if (l->runs[r].glyphs[g].text_start == at && l->runs[r].glyphs[g].text_len > 0) {
                *x = l->runs[r].glyphs[g].x;
                *advance = text_font_advance_at(l->runs[r].font, l->runs[r].glyphs[g].gid,
                                                l->runs[r].size);
                return true;
            }
    return false;
}

/* Decorations lie over the glyphs of their spans, one per line they reach,
 * and never change how the paragraph is broken or set. */
static void test_decorations(void **state)
{
    (void)state;
    const char *t =
        "持续开展安全生产“十大专项”行动，加快重点领域安全整治，确保完成179个老旧住宅区排查治理。";
    size_t del0 = strlen("持续开展"), del1 = strlen("持续开展安全生产");
    size_t ins0 = strlen("持续开展安全生产“十大专项”行动，加快重点领域安全整治，确保完成");
    size_t ins1 = ins0 + strlen("179个老旧");
    text_span spans[] = {{del0, del1, TEXT_SPAN_STRIKE}, {ins0, ins1, TEXT_SPAN_UNDERLINE}};
    text_style st = {.font = fx->serif,
                     .strong_font = fx->sans,
                     .size = SIZE,
                     .indent = 2 * SIZE,
                     .align = STYLE_ALIGN_JUSTIFY};
    double measure = 20 * SIZE;
    text_para *plain =
        text_set_paragraph(fx->te, fx->a, t, strlen(t), NULL, 0, &st, measure, NULL, &fx->diags);
    text_para *p =
        text_set_paragraph(fx->te, fx->a, t, strlen(t), spans, 2, &st, measure, NULL, &fx->diags);
    assert_int_equal(p->nlines, plain->nlines);
    for (size_t i = 0; i < p->nlines; i++) {
        assert_int_equal(p->lines[i].text_end, plain->lines[i].text_end);
        assert_int_equal(p->lines[i].nruns, plain->lines[i].nruns);
        assert_int_equal(plain->lines[i].ndecorations, 0);
        for (size_t r = 0; r < p->lines[i].nruns; r++) {
            const text_run *a = &p->lines[i].runs[r], *b = &plain->lines[i].runs[r];
            assert_int_equal(a->nglyphs, b->nglyphs);
            for (size_t g = 0; g < a->nglyphs; g++) {
                assert_int_equal(a->glyphs[g].gid, b->glyphs[g].gid);
                assert_float_equal(a->glyphs[g].x, b->glyphs[g].x, 1e-9);
            }
        }
    }
    /* the strike: from 安's left edge to 产's right edge on the first line */
    const text_line *first = &p->lines[0];
    assert_int_equal(first->ndecorations, 1);
    double x, adv, x_end, adv_end;
    assert_true(glyph_at(first, del0, &x, &adv));
    assert_true(glyph_at(first, del1 - strlen("产"), &x_end, &adv_end));
    assert_int_equal(first->decorations[0].kind, TEXT_SPAN_STRIKE);
    assert_float_equal(first->decorations[0].x0, x, EPS);
    assert_float_equal(first->decorations[0].x1, x_end + adv_end, EPS);
    assert_float_equal(first->decorations[0].size, SIZE, EPS);
    /* the underline: 179个老旧, on whichever lines it falls, each piece
     * from its first glyph to its last */
    size_t pieces = 0, covered = 0;
    for (size_t i = 0; i < p->nlines; i++) {
        const text_line *l = &p->lines[i];
        for (size_t d = 0; d < l->ndecorations; d++) {
            if (l->decorations[d].kind != TEXT_SPAN_UNDERLINE)
                continue;
            pieces++;
            size_t from = ins0 > l->text_start ? ins0 : l->text_start;
            assert_true(glyph_at(l, from, &x, &adv));
            assert_float_equal(l->decorations[d].x0, x, EPS);
            assert_true(l->decorations[d].x1 > l->decorations[d].x0);
            covered++;
        }
    }
    assert_true(pieces >= 1 && covered == pieces);
    /* a span broken over two lines gives one stretch on each */
    text_para *narrow =
        text_set_paragraph(fx->te, fx->a, t, strlen(t), spans, 2, &st, 5 * SIZE, NULL, &fx->diags);
    size_t strikes = 0;
    for (size_t i = 0; i < narrow->nlines; i++)
        for (size_t d = 0; d < narrow->lines[i].ndecorations; d++)
            strikes += narrow->lines[i].decorations[d].kind == TEXT_SPAN_STRIKE;
    assert_int_equal(strikes, 2); /* 持续开 / 展[安全生] / [产]“十大专 … */
}

/* ---- robustness ---- */

/* A 20,000-character paragraph is broken as a whole and keeps every
 * invariant. (How fast is the benchmark's business, not a timed test's.) */
static void test_long_paragraph(void **state)
{
    (void)state;
    size_t n = 20000;
    char *t = malloc(n * 4 + 1), *w = t;
    size_t chars = 0;
    while (chars < n) {
        for (const char *s = SEED_NEXT; *s && chars < n;) {
            size_t i = (size_t)(s - SEED_NEXT), start = i;
            utf8_decode(SEED_NEXT, sizeof SEED_NEXT - 1, &i);
            memcpy(w, s, i - start);
            w += i - start;
            s = SEED_NEXT + i;
            chars++;
        }
    }
    *w = 0;
    text_para *p = set(t, 28, 2, STYLE_ALIGN_JUSTIFY);
    check_invariants(p, 28, true);
    assert_true(p->nlines > 600); /* about 28 characters a line */
    free(t);
}

static void test_unbreakable_string(void **state)
{
    (void)state;
    char *t = malloc(5001);
    memset(t, '7', 5000);
    t[5000] = 0;
    text_para *p = set(t, 28, 2, STYLE_ALIGN_JUSTIFY);
    assert_true(p->nlines > 50);
    size_t total = 0;
    for (size_t k = 0; k < p->nlines; k++) {
        assert_true(p->lines[k].width <= 28 * SIZE + EPS);
        total += p->lines[k].text_end - p->lines[k].text_start;
    }
    assert_int_equal(total, 5000);
    assert_int_equal(fx->diags.count, 1);
    assert_int_equal(fx->diags.items[0].level, DIAG_WARNING);
    assert_non_null(strstr(fx->diags.items[0].message, "no break opportunity in 5000 characters"));
    free(t);
}

static void test_missing_glyph_is_an_error(void **state)
{
    (void)state;
    /* U+F0000 (plane 15 private use): no installed font has it */
    const char *t = "中文\xF3\xB0\x80\x80好，又\xF3\xB0\x80\x80";
    text_para *p = set(t, 28, 0, STYLE_ALIGN_JUSTIFY);
    assert_int_equal(fx->diags.errors, 2);
    assert_int_equal(fx->diags.items[0].line, 4);
    assert_int_equal(fx->diags.items[0].col, 9 + 2);
    assert_int_equal(fx->diags.items[1].col, 9 + 6);
    assert_string_equal(fx->diags.items[0].file, "t.yaml");
    assert_non_null(strstr(fx->diags.items[0].message, "no installed font has U+F0000"));
    assert_int_equal(glyph_of(&p->lines[0], t, "\xF3\xB0\x80\x80", 0)->gid, 0);
}

/* A cluster longer than a glyph can count (a base and 40,000 combining
 * marks, 80 KB) keeps its first bytes, cut at a character boundary, and its
 * run says the whole text as ActualText: nothing of it is lost. */
static void test_cluster_longer_than_a_glyph_counts(void **state)
{
    (void)state;
    size_t nmarks = 40000, len = 3 + 2 * nmarks;
    char *text = malloc(len + 1);
    memcpy(text, "中", 3);
    for (size_t k = 0; k < nmarks; k++)
        memcpy(text + 3 + 2 * k, "\xCC\x81", 2); /* U+0301 */
    text[len] = 0;
    text_para *p = set(text, 20, 0, STYLE_ALIGN_LEFT);
    assert_int_equal(p->nlines, 1);
    const text_line *l = &p->lines[0];
    size_t first = 0;
    for (size_t r = 0; r < l->nruns; r++) {
        const text_run *run = &l->runs[r];
        for (size_t g = 0; g < run->nglyphs; g++) {
            const text_glyph *gl = &run->glyphs[g];
            if (gl->text_len == 0)
                continue;
            first++;
            assert_true(run->actual_text);
            assert_int_equal(run->text_start, 0);
            assert_int_equal(run->text_end, len);
            assert_true(gl->text_len > UINT16_MAX - 4);
            assert_int_equal(((unsigned char)text[gl->text_len] & 0xC0) != 0x80, 1);
        }
    }
    assert_int_equal(first, 1);
    free(text);
}

static void test_empty_text(void **state)
{
    (void)state;
    text_para *p = set("", 28, 2, STYLE_ALIGN_JUSTIFY);
    assert_int_equal(p->nlines, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_example1_push_in, clear_diags),
        cmocka_unit_test_setup(test_example2_push_in_on_grid, clear_diags),
        cmocka_unit_test_setup(test_example3_push_out_no_orphan, clear_diags),
        cmocka_unit_test_setup(test_example5_quote_pairs, clear_diags),
        cmocka_unit_test_setup(test_example5_seed_paragraph, clear_diags),
        cmocka_unit_test_setup(test_example6_bracket_and_dunhao, clear_diags),
        cmocka_unit_test_setup(test_example7_numbers, clear_diags),
        cmocka_unit_test_setup(test_example8_percent_semicolon, clear_diags),
        cmocka_unit_test_setup(test_example9_interpunct, clear_diags),
        cmocka_unit_test_setup(test_example10_ranges_and_titles, clear_diags),
        cmocka_unit_test_setup(test_example11_dash, clear_diags),
        cmocka_unit_test_setup(test_set_line_junction_spans, clear_diags),
        cmocka_unit_test_setup(test_alignment, clear_diags),
        cmocka_unit_test_setup(test_wide_han_gaps_are_wrapped, clear_diags),
        cmocka_unit_test_setup(test_strong_spans, clear_diags),
        cmocka_unit_test_setup(test_decorations, clear_diags),
        cmocka_unit_test_setup(test_long_paragraph, clear_diags),
        cmocka_unit_test_setup(test_unbreakable_string, clear_diags),
        cmocka_unit_test_setup(test_missing_glyph_is_an_error, clear_diags),
        cmocka_unit_test_setup(test_empty_text, clear_diags),
        cmocka_unit_test_setup(test_cluster_longer_than_a_glyph_counts, clear_diags),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
