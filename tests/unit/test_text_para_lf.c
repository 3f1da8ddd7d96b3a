/* test_text_para_lf.c — line feed and tab in set text (real fonts, Noto
 * Serif CJK SC): a line feed is a forced line break in a paragraph (the
 * line before it set like a last line, no indent after it, a trailing one
 * ignored, two making an empty line) and a blank in a single line; a tab is
 * a word space. Neither is drawn or reported, and both come back as
 * ActualText. */
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

static text_para *set(const char *text, double measure_em, double indent_em)
{
    text_style st = {
        .font = fx->serif, .size = SIZE, .indent = indent_em * SIZE, .align = STYLE_ALIGN_JUSTIFY};
    text_origin o = {"t.yaml", 4, 9, true};
    return text_set_paragraph(fx->te, fx->a, text, strlen(text), NULL, 0, &st, measure_em * SIZE,
                              &o, &fx->diags);
}

static text_line *set_line(const char *text)
{
    text_style st = {.font = fx->serif, .size = SIZE, .align = STYLE_ALIGN_LEFT};
    text_origin o = {"t.yaml", 4, 9, true};
    return text_set_line(fx->te, fx->a, text, strlen(text), &st, &o, &fx->diags);
}

static bool line_is(const text_para *p, size_t k, const char *want)
{
    const text_line *l = &p->lines[k];
    return strlen(want) == l->text_end - l->text_start &&
           memcmp(p->text + l->text_start, want, strlen(want)) == 0;
}

static const text_glyph *first_glyph(const text_line *l)
{
    assert_true(l->nruns > 0 && l->runs[0].nglyphs > 0);
    return &l->runs[0].glyphs[0];
}

/* The glyph standing for `ch` (its first occurrence) on line l. */
static const text_glyph *glyph_of(const text_line *l, const char *text, const char *ch)
{
    for (size_t r = 0; r < l->nruns; r++)
        for (size_t g = 0; g < l->runs[r].nglyphs; g++) {
            const text_glyph *gl = &l->runs[r].glyphs[g];
            if (gl->text_len == strlen(ch) && memcmp(text + gl->text_start, ch, gl->text_len) == 0)
                return gl;
        }
    fail_msg("no glyph for %s", ch);
    return NULL;
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

/* Line a (of text whose bytes start `shift` later) is set exactly as line
 * b: same runs, glyphs, positions and text. */
static void assert_same_line(const text_line *a, const text_line *b, size_t shift)
{
    assert_int_equal(a->nruns, b->nruns);
    assert_float_equal(a->width, b->width, 1e-9);
    assert_int_equal(a->text_start, b->text_start + shift);
    assert_int_equal(a->text_end, b->text_end + shift);
    for (size_t r = 0; r < a->nruns; r++) {
        const text_run *ra = &a->runs[r], *rb = &b->runs[r];
        assert_ptr_equal(ra->font, rb->font);
        assert_int_equal(ra->nglyphs, rb->nglyphs);
        assert_int_equal(ra->actual_text, rb->actual_text);
        if (ra->actual_text) {
            assert_int_equal(ra->text_start, rb->text_start + shift);
            assert_int_equal(ra->text_end, rb->text_end + shift);
        }
        for (size_t g = 0; g < ra->nglyphs; g++) {
            const text_glyph *ga = &ra->glyphs[g], *gb = &rb->glyphs[g];
            assert_int_equal(ga->gid, gb->gid);
            assert_float_equal(ga->x, gb->x, 1e-9);
            assert_float_equal(ga->y, gb->y, 1e-9);
            assert_int_equal(ga->text_start, gb->text_start + shift);
            assert_int_equal(ga->text_len, gb->text_len);
        }
    }
}

/* Lines [from, from + b->nlines) of a are b's lines. */
static void assert_same_lines(const text_para *a, size_t from, const text_para *b, size_t shift)
{
    assert_true(a->nlines >= from + b->nlines);
    for (size_t k = 0; k < b->nlines; k++)
        assert_same_line(&a->lines[from + k], &b->lines[k], shift);
}

static char *joined(const char *a, const char *sep, const char *b)
{
    char *s = malloc(strlen(a) + strlen(sep) + strlen(b) + 1);
    strcpy(s, a);
    strcat(s, sep);
    strcat(s, b);
    return s;
}

static const char SEED_REFORM[] =
    "今年，罗湖强力推动强区放权体制机制、人力资源统筹配置、消费型经济、安全生产管理机制、公共资源交"
    "易、政务公开标准化规范化试点等6项重点改革，继续深化棚改、旧改、医改等5项重点改革，前期探索区属"
    "国企、政府投资管理等3项改革，形成了“蹄疾步稳、滚动发展”的良好局面。";

/* example 3 of typography.md §8: its last line keeps two characters */
static const char SEED_ORPHAN[] = "罗湖区委书记贺海涛代表区委常委会向全会作工作报告。";

/* ---- line feed in a paragraph ---- */

static void test_line_feed_breaks_the_line(void **state)
{
    (void)state;
    text_para *p = set("第一行文字。\n第二行文字。", 28, 2);
    assert_int_equal(p->nlines, 2);
    assert_true(line_is(p, 0, "第一行文字。"));
    assert_true(line_is(p, 1, "第二行文字。"));
    /* indent on the first line only; flush left, not stretched to 28 em;
     * the 。 before the break half width */
    assert_float_equal(first_glyph(&p->lines[0])->x, 2 * SIZE, 1e-6);
    assert_float_equal(first_glyph(&p->lines[1])->x, 0, 1e-6);
    assert_float_equal(p->lines[0].width, (2 + 5.5) * SIZE, EPS);
    assert_float_equal(p->lines[1].width, 5.5 * SIZE, EPS);
    assert_int_equal(fx->diags.count, 0);
}

/* The lines before a line feed are those of the text before it set as a
 * paragraph, the last one too (natural spacing, 孤字 kept off, the mark
 * half width); those after it are the rest's, set without indent. */
static void test_line_before_break_is_a_last_line(void **state)
{
    (void)state;
    const char *next = "下一行。";
    char *t = joined(SEED_ORPHAN, "\n", next);
    text_para *p = set(t, 26, 2);
    text_para *alone = set(SEED_ORPHAN, 26, 2), *rest = set(next, 26, 0);
    assert_int_equal(p->nlines, alone->nlines + rest->nlines);
    assert_same_lines(p, 0, alone, 0);
    assert_same_lines(p, alone->nlines, rest, strlen(SEED_ORPHAN) + 1);
    assert_true(line_is(p, 1, "报告。"));
    assert_float_equal(p->lines[1].width, 2.5 * SIZE, EPS);
    assert_int_equal(fx->diags.count, 0);
    free(t);
}

/* Total fit on each side of the break: a long paragraph twice, the second
 * time after a line feed (or an empty line), is broken twice as alone. */
static void test_break_between_long_paragraphs(void **state)
{
    (void)state;
    text_para *alone = set(SEED_REFORM, 28, 0);
    assert_true(alone->nlines >= 3);
    for (size_t empty = 0; empty < 2; empty++) {
        char *t = joined(SEED_REFORM, empty ? "\n\n" : "\n", SEED_REFORM);
        text_para *p = set(t, 28, 0);
        assert_int_equal(p->nlines, 2 * alone->nlines + empty);
        assert_same_lines(p, 0, alone, 0);
        assert_same_lines(p, alone->nlines + empty, alone, strlen(SEED_REFORM) + 1 + empty);
        if (empty)
            assert_int_equal(p->lines[alone->nlines].nruns, 0);
        free(t);
    }
    assert_int_equal(fx->diags.count, 0);
}

/* YAML's `|` ends the text with a line feed: it sets as without. */
static void test_trailing_line_feed_adds_nothing(void **state)
{
    (void)state;
    char *t = joined(SEED_REFORM, "", "\n");
    text_para *p = set(t, 28, 2), *alone = set(SEED_REFORM, 28, 2);
    assert_int_equal(p->nlines, alone->nlines);
    assert_same_lines(p, 0, alone, 0);
    text_style st = {.font = fx->serif, .size = SIZE, .align = STYLE_ALIGN_JUSTIFY};
    double min1, nat1, min2, nat2;
    text_measure(fx->te, t, strlen(t), &st, &min1, &nat1);
    text_measure(fx->te, SEED_REFORM, strlen(SEED_REFORM), &st, &min2, &nat2);
    assert_float_equal(min1, min2, 1e-9);
    assert_float_equal(nat1, nat2, 1e-9);
    assert_same_line(set_line("甲乙。\n"), set_line("甲乙。"), 0);
    assert_int_equal(set("\n", 28, 2)->nlines, 0);
    assert_int_equal(fx->diags.count, 0);
    free(t);
}

static void test_two_line_feeds_make_an_empty_line(void **state)
{
    (void)state;
    text_para *p = set("甲乙\n\n丙丁", 28, 2);
    assert_int_equal(p->nlines, 3);
    assert_true(line_is(p, 0, "甲乙"));
    assert_true(line_is(p, 2, "丙丁"));
    const text_line *empty = &p->lines[1];
    assert_int_equal(empty->nruns, 0);
    assert_float_equal(empty->width, 0, 1e-9);
    assert_int_equal(empty->text_start, strlen("甲乙\n")); /* at the line feed ending it */
    assert_int_equal(empty->text_end, empty->text_start);
    assert_true(empty->ascent > 0 && empty->descent > 0);
    assert_float_equal(first_glyph(&p->lines[2])->x, 0, 1e-6);

    text_para *lead = set("\n甲乙", 28, 2); /* an empty first line */
    assert_int_equal(lead->nlines, 2);
    assert_int_equal(lead->lines[0].nruns, 0);
    assert_true(line_is(lead, 1, "甲乙"));
    text_para *tail = set("甲乙\n\n", 28, 2); /* the last line feed only ends the empty line */
    assert_int_equal(tail->nlines, 2);
    assert_int_equal(tail->lines[1].nruns, 0);
    assert_int_equal(fx->diags.count, 0);
}

/* Broken by force (first fit), a line feed still ends its line and the
 * text goes on after it. */
static void test_line_feed_when_broken_by_force(void **state)
{
    (void)state;
    char sevens[101], eights[101];
    memset(sevens, '7', 100);
    memset(eights, '8', 100);
    sevens[100] = eights[100] = 0;
    char *t = joined(sevens, "\n", eights);
    text_para *p = set(t, 28, 0);
    size_t total = 0, lf_line = p->nlines;
    for (size_t k = 0; k < p->nlines; k++) {
        const text_line *l = &p->lines[k];
        total += l->text_end - l->text_start;
        assert_true(l->width <= 28 * SIZE + EPS);
        if (l->text_end == 100)
            lf_line = k;
    }
    assert_int_equal(total, 200);
    assert_true(lf_line + 1 < p->nlines);
    assert_int_equal(p->lines[lf_line + 1].text_start, 101);
    assert_int_equal(p->lines[p->nlines - 1].text_end, 201);
    assert_int_equal(fx->diags.count, 2); /* each run of digits broken by force */
    free(t);
}

/* Table columns are measured as the cells are set: the widest line. */
static void test_measure_takes_the_widest_line(void **state)
{
    (void)state;
    text_style st = {.font = fx->serif, .size = SIZE, .align = STYLE_ALIGN_LEFT};
    double min, nat, min1, nat1;
    const char *t = "甲乙丙丁\n甲";
    text_measure(fx->te, t, strlen(t), &st, &min, &nat);
    text_measure(fx->te, "甲乙丙丁", strlen("甲乙丙丁"), &st, &min1, &nat1);
    assert_float_equal(nat, nat1, 1e-9);
    assert_float_equal(nat, 4 * SIZE, EPS);
    assert_float_equal(min, SIZE, EPS);
}

/* ---- line feed in a single line ---- */

static void test_line_feed_in_a_single_line(void **state)
{
    (void)state;
    /* nothing between two CJK characters, a word space elsewhere */
    const char *cjk = "关于\n报告";
    text_line *l = set_line(cjk);
    assert_float_equal(l->width, set_line("关于报告")->width, 1e-9);
    char spans[64];
    actual_spans(l, cjk, spans, sizeof spans);
    assert_string_equal(spans, "于\n报");
    assert_int_equal(l->text_end, strlen(cjk));

    const char *latin = "GDP\nCPI";
    l = set_line(latin);
    assert_float_equal(l->width, set_line("GDP CPI")->width, 1e-9);
    actual_spans(l, latin, spans, sizeof spans);
    assert_string_equal(spans, "P\nC");
    assert_int_equal(fx->diags.count, 0);
}

/* ---- tab ---- */

static void test_tab_is_a_word_space(void **state)
{
    (void)state;
    const char *tab = "指标\t957.1", *space = "指标 957.1";
    text_para *p = set(tab, 28, 0), *q = set(space, 28, 0);
    assert_int_equal(p->nlines, 1);
    assert_float_equal(p->lines[0].width, q->lines[0].width, 1e-9);
    assert_float_equal(glyph_of(&p->lines[0], tab, "9")->x, glyph_of(&q->lines[0], space, "9")->x,
                       1e-9);
    char spans[64];
    actual_spans(&p->lines[0], tab, spans, sizeof spans);
    assert_string_equal(spans, "标\t9");

    const char *wtab = "GDP\tCPI", *wspace = "GDP CPI";
    text_line *a = set_line(wtab), *b = set_line(wspace);
    assert_float_equal(a->width, b->width, 1e-9);
    assert_float_equal(glyph_of(a, wtab, "C")->x, glyph_of(b, wspace, "C")->x, 1e-9);
    actual_spans(a, wtab, spans, sizeof spans);
    assert_string_equal(spans, "P\tC");
    for (size_t r = 0; r < a->nruns; r++) /* no glyph stands for the tab */
        for (size_t g = 0; g < a->runs[r].nglyphs; g++)
            assert_true(a->runs[r].glyphs[g].text_start != 3 || a->runs[r].glyphs[g].text_len == 0);
    assert_int_equal(fx->diags.count, 0); /* never looked up, never reported */
}

/* A tab at a line's start (after a line feed) is kept as room, like a
 * space there, and read back with what follows. */
static void test_tab_after_a_line_feed(void **state)
{
    (void)state;
    const char *t = "甲乙\n\t丙丁";
    text_para *p = set(t, 28, 2), *q = set("甲乙\n 丙丁", 28, 2);
    assert_int_equal(p->nlines, 2);
    assert_float_equal(glyph_of(&p->lines[1], t, "丙")->x, glyph_of(&q->lines[1], q->text, "丙")->x,
                       1e-9);
    assert_true(glyph_of(&p->lines[1], t, "丙")->x > 0.2 * SIZE);
    char spans[64];
    actual_spans(&p->lines[1], t, spans, sizeof spans);
    assert_string_equal(spans, "\t丙");
    assert_int_equal(fx->diags.count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_line_feed_breaks_the_line, clear_diags),
        cmocka_unit_test_setup(test_line_before_break_is_a_last_line, clear_diags),
        cmocka_unit_test_setup(test_break_between_long_paragraphs, clear_diags),
        cmocka_unit_test_setup(test_trailing_line_feed_adds_nothing, clear_diags),
        cmocka_unit_test_setup(test_two_line_feeds_make_an_empty_line, clear_diags),
        cmocka_unit_test_setup(test_line_feed_when_broken_by_force, clear_diags),
        cmocka_unit_test_setup(test_measure_takes_the_widest_line, clear_diags),
        cmocka_unit_test_setup(test_line_feed_in_a_single_line, clear_diags),
        cmocka_unit_test_setup(test_tab_is_a_word_space, clear_diags),
        cmocka_unit_test_setup(test_tab_after_a_line_feed, clear_diags),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
