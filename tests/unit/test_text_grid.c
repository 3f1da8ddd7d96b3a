/* test_text_grid.c — what the GB/T 9704 grid asks of the text engine: every
 * CJK character one cell of a fixed pitch (28 a line of 156 mm, 16 pt type
 * at 15.79 pt), punctuation never compressed (adjacent marks, a mark at
 * the end of a line), every line as full as the line-start rules allow;
 * and titles broken between words. */
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
#define CELL (156.0 * 72 / 25.4 / 28) /* 15.79 pt */
#define MEASURE (28 * CELL)

#include "text_fixture.h"

static text_para *set(const char *text, const text_style *st, double measure)
{
    text_origin o = {"t.yaml", 1, 1, false};
    return text_set_paragraph(fx->te, fx->a, text, strlen(text), NULL, 0, st, measure, &o,
                              &fx->diags);
}

static text_style grid_style(void)
{
    return (text_style){.font = fx->serif,
                        .size = SIZE,
                        .indent = 2 * CELL,
                        .align = STYLE_ALIGN_JUSTIFY,
                        .cell = CELL,
                        .keep_punct_width = true};
}

/* The glyphs of a line in order, and how many there are. */
static size_t line_glyphs(const text_line *l, const text_glyph **out, size_t most)
{
    size_t n = 0;
    for (size_t r = 0; r < l->nruns; r++)
        for (size_t g = 0; g < l->runs[r].nglyphs && n < most; g++)
            out[n++] = &l->runs[r].glyphs[g];
    return n;
}

/* A seed paragraph (typography.md §8, example 5): Chinese text, quotes,
 * commas and 顿号, no figures. */
static const char SEED[] =
    "报告指出，下一阶段，罗湖必须坚决按照市委六届七次全会的部署，以“四硬”精神统领全区各项工作，"
    "落实“硬要求”，拿出“硬举措”，展现“硬作风”，锻造“硬干部”，坚持“实”字当先、“干”字为本，"
    "扎实做好各项工作，全面推进罗湖振兴。";

/* The Luohu report's paragraph on reform, where total fit would rather
 * spread one pushed-out line over three than leave it alone. */
static const char REFORM[] =
    "在推动年度改革方面，深入推进公共资源交易改革，稳步构建“大代购”“大代建”“大平台”公共资源交易"
    "模式，强化采购单位一把手履约验收第一责任。优化人力资源统筹配置，扩大“菁英人才”规模和政策覆盖面"
    "。以列入政务公开标准化、规范化全国试点为契机，制定公开标准、创新公开机制，探索可复制、可推广、"
    "可考核的基层政务公开标准体系。";

static bool in(uint32_t cp, const char *set)
{
    for (size_t i = 0; set[i];)
        if (utf8_decode(set, strlen(set), &i) == cp)
            return true;
    return false;
}

/* Whether the line before text may not end after its first k characters:
 * an opening mark would end it, or a closing mark start the next one. */
static bool prohibited(const char *text, size_t k)
{
    uint32_t cps[64];
    size_t n = 0;
    for (size_t i = 0; text[i] && n < 64;)
        cps[n++] = utf8_decode(text, strlen(text), &i);
    if (k > n)
        return true;
    return in(cps[k - 1], "“‘（《〔【") || (k < n && in(cps[k], "。，、；：？！”’）》〕】"));
}

static void check_every_character_one_cell(const char *text)
{
    text_style st = grid_style();
    text_para *p = set(text, &st, MEASURE);
    assert_true(p->nlines >= 3);
    size_t full = 0, pushed = 0;
    for (size_t i = 0; i + 1 < p->nlines; i++) {
        const text_glyph *g[64];
        size_t n = line_glyphs(&p->lines[i], g, 64);
        size_t lead = i == 0 ? 2 : 0;
        bool on_cells = true;
        for (size_t k = 0; k < n; k++) /* its em box centred in its cell */
            on_cells &= fabs(g[k]->x - ((double)(lead + k) * CELL + (CELL - SIZE) / 2)) < 0.01;
        if (lead + n == 28) {
            assert_true(on_cells);
            assert_true(fabs(p->lines[i].width - MEASURE) < 0.01);
            full++;
        } else {
            /* shorter only where every longer line would break a line-start rule
             * (push-out), and then justified to the full measure */
            assert_true(lead + n < 28);
            const text_line *next = &p->lines[i + 1];
            char *rest = strndup(p->text + next->text_start, next->text_end - next->text_start);
            for (size_t k = 1; k <= 28 - lead - n; k++)
                assert_true(prohibited(rest, k));
            free(rest);
            assert_true(fabs(p->lines[i].width - MEASURE) < 0.05);
            pushed++;
        }
    }
    assert_true(full >= 2);
    print_message("  %zu lines of 28 cells, %zu pushed out\n", full, pushed);
}

static void test_every_character_one_cell(void **state)
{
    (void)state;
    check_every_character_one_cell(SEED);
    check_every_character_one_cell(REFORM);
}

static void test_grid_fills_every_line(void **state)
{
    (void)state;
    /* 28 Han characters and 1 more: the first line holds exactly 28, the last one
     * alone (a 孤字 the grid accepts), not 27 and 2 */
    static const char TEXT[] = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九";
    text_style st = grid_style();
    st.indent = 0;
    text_para *p = set(TEXT, &st, MEASURE);
    assert_int_equal(p->nlines, 2);
    const text_glyph *g[64];
    assert_int_equal(line_glyphs(&p->lines[0], g, 64), 28);
    assert_int_equal(line_glyphs(&p->lines[1], g, 64), 1);
}

static void test_marks_keep_their_width(void **state)
{
    (void)state;
    /* "。”" is two whole em without compression; 1.5 em with it (clreq §3.2) */
    static const char TEXT[] = "他说：“好。”然后走了";
    text_style st = {.font = fx->serif, .size = SIZE, .align = STYLE_ALIGN_LEFT};
    const text_glyph *g[32];
    for (int keep = 0; keep < 2; keep++) {
        st.keep_punct_width = keep;
        text_para *p = set(TEXT, &st, 40 * SIZE);
        assert_int_equal(p->nlines, 1);
        size_t n = line_glyphs(&p->lines[0], g, 32);
        assert_int_equal(n, 11);
        double pair = g[6]->x - g[5]->x; /* 。 to ” */
        print_message("  keep %d: 。 to ” %.2f pt, line %.2f pt\n", keep, pair, p->lines[0].width);
        if (keep) {
            assert_true(fabs(pair - SIZE) < 0.01);
            assert_true(fabs(p->lines[0].width - 11 * SIZE) < 0.01);
        } else {
            assert_true(pair < SIZE - 1);
        }
    }
}

static void test_line_end_mark_keeps_its_cell(void **state)
{
    (void)state;
    /* 27 Han characters and a comma fill the line; the comma keeps its whole cell */
    static const char TEXT[] = "一二三四五六七八九十一二三四五六七八九十一二三四五六七，八九";
    text_style st = grid_style();
    st.indent = 0;
    text_para *p = set(TEXT, &st, MEASURE);
    assert_int_equal(p->nlines, 2);
    const text_glyph *g[64];
    assert_int_equal(line_glyphs(&p->lines[0], g, 64), 28);
    assert_true(fabs(g[27]->x - (27 * CELL + (CELL - SIZE) / 2)) < 0.01);
}

static void test_titles_break_between_words(void **state)
{
    (void)state;
    static const char TITLE[] = "青溪区人民政府办公室关于开展2024年度安全生产大检查的通知";
    text_style st = {.font = fx->serif, .size = SIZE, .align = STYLE_ALIGN_CENTER};
    /* 13 em: the 13th character is 开 of 开展 */
    text_para *p = set(TITLE, &st, 13 * SIZE);
    assert_true(p->nlines >= 2);
    assert_int_equal(p->lines[0].text_end, strlen("青溪区人民政府办公室关于开"));
    st.word_breaks = true;
    p = set(TITLE, &st, 13 * SIZE);
    assert_true(p->nlines >= 2);
    assert_int_equal(p->lines[0].text_end, strlen("青溪区人民政府办公室关于"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_character_one_cell),
        cmocka_unit_test(test_grid_fills_every_line),
        cmocka_unit_test(test_marks_keep_their_width),
        cmocka_unit_test(test_line_end_mark_keeps_its_cell),
        cmocka_unit_test(test_titles_break_between_words),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
