/* test_style_official.c — what the official layouts add to a layout file:
 * parts, punctuation, page.grid and a style's grid, footer_offset_to, the
 * official section and the optional styles that copy their parents; the
 * shipped gbt9704, jianbao and phone; and every error with its position.
 * Runs from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "style/style.h"

#define FIX "tests/fixtures/style/"
#define MM(x) ((x)*72.0 / 25.4)

static const char *const dirs[] = {"layouts"};

static void assert_near(double got, double want)
{
    if (fabs(got - want) > 0.005)
        fail_msg("got %.4f, want %.4f", got, want);
}

static style *load_ok(const char *name)
{
    diag_list d = {0};
    style *s = style_load(name, dirs, 1, &d);
    if (!s || d.count)
        diag_print(&d, stderr);
    assert_non_null(s);
    assert_int_equal(d.count, 0);
    diag_list_free(&d);
    return s;
}

static void expect(const diag_list *d, diag_level level, int line, int col, const char *text)
{
    for (size_t i = 0; i < d->count; i++) {
        const diag *g = &d->items[i];
        if (g->level == level && g->line == line && g->col == col && strstr(g->message, text))
            return;
    }
    diag_print(d, stderr);
    fail_msg("no %s at %d:%d containing \"%s\"", level == DIAG_ERROR ? "error" : "warning", line,
             col, text);
}

static void test_a4_report_has_none_of_it(void **state)
{
    (void)state;
    style *s = load_ok("a4-report");
    assert_true(s->cover && s->contents && s->running_head && s->compress_punctuation);
    assert_false(s->footer_to_dash);
    assert_int_equal(s->grid.lines, 0);
    assert_int_equal(s->official.kind, STYLE_OFFICIAL_NONE);
    for (int id = 0; id < STYLE_COUNT; id++)
        assert_int_equal(s->text[id].grid, STYLE_GRID_NONE);
    /* an optional style no file gives is a copy of its parent */
    const style_text *m = &s->text[STYLE_MASTHEAD], *org = &s->text[STYLE_COVER_ORG];
    assert_string_equal(m->font, org->font);
    assert_near(m->size, org->size);
    assert_near(m->leading, org->leading);
    assert_memory_equal(&m->color, &org->color, sizeof m->color);
    assert_near(s->text[STYLE_IMPRINT].size, s->text[STYLE_NOTE].size);
    assert_string_equal(s->text[STYLE_SIGNER].font, "kai");
    style_free(s);
}

static void test_gbt9704(void **state)
{
    (void)state;
    style *s = load_ok("gbt9704");
    assert_near(s->page_width, MM(210));
    assert_near(s->margin_top, MM(37));
    assert_near(s->margin_inner, MM(28));
    assert_near(s->page_width - s->margin_inner - s->margin_outer, MM(156));
    assert_near(s->page_height - s->margin_top - s->margin_bottom, MM(225));
    assert_int_equal(s->grid.lines, 22);
    assert_int_equal(s->grid.chars, 28);
    assert_near(s->grid.line_pitch, (MM(225) - 16) / 21); /* 29.61 pt */
    assert_near(s->grid.cell, MM(156) / 28);              /* 15.79 pt */
    assert_false(s->cover || s->contents || s->running_head || s->compress_punctuation);
    assert_true(s->footer_to_dash);
    assert_near(s->footer_offset, MM(7));
    const style_text *body = &s->text[STYLE_BODY];
    assert_int_equal(body->grid, STYLE_GRID_CELLS);
    assert_near(body->size, 16);
    assert_near(body->leading, s->grid.line_pitch); /* on the grid, its own 1.85 gives way */
    assert_int_equal(s->text[STYLE_DOC_TITLE].grid, STYLE_GRID_LINES);
    assert_near(s->text[STYLE_DOC_TITLE].size, 22);
    assert_near(s->text[STYLE_DOC_TITLE].leading, s->grid.line_pitch);
    assert_int_equal(s->text[STYLE_IMPRINT].grid, STYLE_GRID_NONE);
    assert_near(s->text[STYLE_IMPRINT].size, 14);
    const style_official *o = &s->official;
    assert_int_equal(o->kind, STYLE_OFFICIAL_NOTICE);
    assert_near(o->masthead_top, MM(35));
    assert_near(o->separator_width, MM(0.5));
    assert_near(o->separator_gap, MM(4));
    assert_near(o->imprint_thick, MM(0.35));
    assert_near(o->imprint_thin, MM(0.25));
    /* cmyk(0, 0.8, 0.8, 0) as PDF converts it to RGB */
    assert_false(o->separator_color.cmyk);
    assert_near(o->separator_color.v[0], 1);
    assert_near(o->separator_color.v[1], 0.2);
    assert_near(s->text[STYLE_MASTHEAD].color.v[2], 0.2);
    style_free(s);
}

static void test_jianbao_and_phone(void **state)
{
    (void)state;
    style *s = load_ok("jianbao");
    assert_int_equal(s->official.kind, STYLE_OFFICIAL_BRIEFING);
    assert_int_equal(s->grid.lines, 22); /* from gbt9704 */
    assert_near(s->text[STYLE_MASTHEAD].size, 54);
    assert_near(s->official.separator_width, MM(1));
    assert_near(s->official.imprint_thick, MM(0.35));
    style_free(s);
    s = load_ok("phone");
    assert_near(s->page_width, MM(90));
    assert_near(s->page_height, MM(160));
    assert_true(s->cover && s->contents && s->compress_punctuation);
    assert_false(s->running_head);
    assert_int_equal(s->official.kind, STYLE_OFFICIAL_NONE);
    assert_true(s->text[STYLE_BODY].size >= 10.5 && s->text[STYLE_BODY].size <= 12);
    style_free(s);
}

static void test_every_error_at_its_place(void **state)
{
    (void)state;
    diag_list d = {0};
    assert_null(style_load(FIX "official-errors.yaml", dirs, 1, &d));
    expect(&d, DIAG_ERROR, 4, 17, "expected a whole number of lines from 1 to 1000, such as 22");
    expect(&d, DIAG_ERROR, 4, 30, "expected a whole number of chars from 1 to 1000, such as 28");
    expect(&d, DIAG_ERROR, 5, 21, "expected baseline or dash (did you mean 'dash'?)");
    expect(&d, DIAG_ERROR, 6, 16, "expected true or false (did you mean 'true'?)");
    expect(&d, DIAG_ERROR, 6, 21, "unknown key 'contnets' in parts (did you mean 'contents'?)");
    expect(&d, DIAG_ERROR, 7, 25, "expected true or false (did you mean 'false'?)");
    expect(&d, DIAG_ERROR, 9, 9, "expected none, notice or briefing (did you mean 'notice'?)");
    expect(&d, DIAG_ERROR, 10, 17,
           "official.masthead_top 500 mm is more than the type area's height (239 mm)");
    expect(&d, DIAG_ERROR, 11, 22, "the separator rule must be more than 0 and at most 10 pt");
    expect(&d, DIAG_ERROR, 11, 25,
           "unknown key 'colour' in official.separator (did you mean 'color'?)");
    expect(&d, DIAG_ERROR, 12, 20, "an imprint rule must be more than 0 and at most 10 pt");
    expect(&d, DIAG_ERROR, 14, 16, "expected none, lines or cells (did you mean 'cells'?)");
    expect(&d, DIAG_ERROR, 15, 20,
           "style heading1 is set on the grid, but this layout has no page.grid");
    expect(&d, DIAG_ERROR, 16, 20,
           "a size of 10000 pt does not fit the type area (156 × 239 mm): sizes may be 1 to "
           "442.2 pt here (style masthead)");
    assert_int_equal(d.errors, 14);
    diag_list_free(&d);
}

static void test_cells_too_narrow(void **state)
{
    (void)state;
    diag_list d = {0};
    assert_null(style_load(FIX "grid-fine.yaml", dirs, 1, &d));
    /* one message for all the styles the grid's value fails, one for the heading that
     * its own size fails */
    expect(&d, DIAG_ERROR, 4, 9,
           "the grid's cells are 7.37 pt wide, too narrow for the styles body, heading2, "
           "heading3, heading4, closing, addressee, attachment, remark (16 pt)");
    expect(&d, DIAG_ERROR, 6, 20, "too narrow for the style heading1 (22 pt)");
    assert_int_equal(d.errors, 2);
    diag_list_free(&d);
    style *s = style_load(FIX "grid-tight.yaml", dirs, 1, &d);
    assert_non_null(s); /* a warning */
    expect(&d, DIAG_WARNING, 4, 9, "the grid's cells (14.26 pt) are much narrower than the styles");
    assert_int_equal(d.errors, 0);
    style_free(s);
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a4_report_has_none_of_it),
        cmocka_unit_test(test_gbt9704),
        cmocka_unit_test(test_jianbao_and_phone),
        cmocka_unit_test(test_every_error_at_its_place),
        cmocka_unit_test(test_cells_too_narrow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
