/* test_style.c — the style stage: shipped layouts, units, colours, extends
 * merging and every error with its position. Runs from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "style/style.h"

#define FIX "tests/fixtures/style/"
#define MM(x) ((x)*72.0 / 25.4)

static const char *const dirs[] = {"layouts"};

static style *load(const char *name, diag_list *d)
{
    return style_load(name, dirs, 1, d);
}

static void assert_near(double got, double want)
{
    if (fabs(got - want) > 0.005)
        fail_msg("got %.4f, want %.4f", got, want);
}

/* True when diags holds a diagnostic of level at file:line:col whose message contains text. */
static bool has_diag(const diag_list *d, diag_level level, const char *file, int line, int col,
                     const char *text)
{
    for (size_t i = 0; i < d->count; i++) {
        const diag *g = &d->items[i];
        if (g->level == level && g->file && strcmp(g->file, file) == 0 && g->line == line &&
            g->col == col && strstr(g->message, text))
            return true;
    }
    return false;
}

static void expect_diag(const diag_list *d, diag_level level, const char *file, int line, int col,
                        const char *text)
{
    if (!has_diag(d, level, file, line, col, text)) {
        diag_print(d, stderr);
        fail_msg("no %s %s:%d:%d containing \"%s\"", level == DIAG_ERROR ? "error" : "warning",
                 file, line, col, text);
    }
}

static void expect_error(const diag_list *d, const char *file, int line, int col, const char *text)
{
    expect_diag(d, DIAG_ERROR, file, line, col, text);
}

static void expect_warning(const diag_list *d, const char *file, int line, int col,
                           const char *text)
{
    expect_diag(d, DIAG_WARNING, file, line, col, text);
}

/* Load a fixture that must fail; returns its diagnostics. */
static diag_list load_failing(const char *path)
{
    diag_list d = {0};
    style *s = load(path, &d);
    assert_null(s);
    assert_true(d.errors > 0);
    return d;
}

/* ---- units ---- */

static void test_hao_sizes(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        double pt;
    } cases[] = {{"初号", 42},  {"小初", 36},  {"一号", 26},   {"小一", 24},
                 {"二号", 22},  {"小二", 18},  {"三号", 16},   {"小三", 15},
                 {"四号", 14},  {"小四", 12},  {"五号", 10.5}, {"小五", 9},
                 {"六号", 7.5}, {"小六", 6.5}, {"七号", 5.5},  {"八号", 5}};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        double pt = 0;
        assert_true(style_parse_size(cases[i].text, &pt));
        assert_near(pt, cases[i].pt);
    }
}

static void test_sizes_with_units(void **state)
{
    (void)state;
    double pt = 0;
    assert_true(style_parse_size("12", &pt));
    assert_near(pt, 12);
    assert_true(style_parse_size("10.5pt", &pt));
    assert_near(pt, 10.5);
    assert_true(style_parse_size("4.2mm", &pt));
    assert_near(pt, 4.2 * 72 / 25.4);
    assert_true(style_parse_size("1cm", &pt));
    assert_near(pt, 28.3465);
    assert_true(style_parse_size("0.5in", &pt));
    assert_near(pt, 36);
    char huge[402] = "1"; /* 10^400: no double holds it */
    memset(huge + 1, '0', 400);
    const char *bad[] = {"",      "pt",     "大四",   "12px", "-3", "0",
                         "1.2.3", "12 pts", "twelve", "2em",  huge};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (style_parse_size(bad[i], &pt))
            fail_msg("'%.20s' accepted as a size (%g pt)", bad[i], pt);
}

/* ---- shipped layouts ---- */

static void test_a4_report(void **state)
{
    (void)state;
    diag_list d = {0};
    style *s = load("a4-report", &d);
    assert_non_null(s);
    assert_int_equal(d.count, 0);
    assert_string_equal(s->name, "layouts/a4-report.yaml");
    assert_near(s->page_width, 595.28);
    assert_near(s->page_height, 841.89);
    assert_near(s->margin_top, MM(30));
    assert_near(s->margin_bottom, MM(28));
    assert_near(s->margin_inner, MM(28));
    assert_near(s->margin_outer, MM(26));
    assert_false(s->mirror_margins);
    assert_near(s->header_offset, MM(10));
    assert_near(s->footer_offset, MM(10));
    assert_near(s->rule_width, 0.5);

    const style_text *body = &s->text[STYLE_BODY];
    assert_string_equal(body->font, "body");
    assert_string_equal(body->strong_font, "heading");
    assert_near(body->size, 12);
    assert_near(body->leading, 21.6);
    assert_near(body->indent, 2);
    assert_int_equal(body->align, STYLE_ALIGN_JUSTIFY);
    assert_string_equal(s->text[STYLE_HEADING1].font, "heading");
    assert_near(s->text[STYLE_HEADING1].size, 16);
    assert_near(s->text[STYLE_HEADING1].space_before, 24); /* one line of 1.5 × 16 */
    assert_string_equal(s->text[STYLE_HEADING2].font, "kai");
    assert_near(s->text[STYLE_HEADING2].size, 14);
    assert_string_equal(s->text[STYLE_FOOTER].font, "body");
    assert_near(s->text[STYLE_FOOTER].size, 14);
    assert_near(s->text[STYLE_HEADER].size, 9);
    assert_string_equal(s->text[STYLE_COVER_TITLE].font, "title");
    assert_int_equal(s->text[STYLE_COVER_TITLE].align, STYLE_ALIGN_CENTER);

    const char *needed[] = {"body", "heading", "kai", "title", "number"};
    for (size_t i = 0; i < 5; i++)
        assert_non_null(style_role(s, needed[i]));
    assert_null(style_role(s, "nonexistent"));
    const style_font_role *body_role = style_role(s, "body");
    assert_string_equal(body_role->families[0], "宋体");
    assert_string_equal(body_role->families[body_role->nfamilies - 1], "Noto Serif CJK SC");
    assert_string_equal(body_role->file, "layouts/a4-report.yaml");
    assert_true(body_role->line > 0 && body_role->col > 0);
    assert_string_equal(style_role(s, "kai")->families[1], "LXGW WenKai");
    assert_string_equal(style_role(s, "heading")->families[1], "Noto Sans CJK SC");

    /* the accent is a colour, not black */
    assert_false(s->accent.cmyk);
    assert_true(s->accent.v[0] > 0.3);
    assert_true(s->text[STYLE_COVER_ORG].color.v[0] > 0.3);
    style_free(s);
    diag_list_free(&d);
}

static void test_a5_booklet(void **state)
{
    (void)state;
    diag_list d = {0};
    style *s = load("a5-booklet", &d);
    assert_non_null(s);
    assert_int_equal(d.count, 0);
    assert_near(s->page_width, MM(148));
    assert_near(s->page_height, MM(210));
    assert_true(s->mirror_margins);
    assert_true(s->margin_outer < s->margin_inner);
    assert_true(s->margin_top < MM(30));
    /* smaller sizes, leading following the inherited multiple */
    assert_near(s->text[STYLE_BODY].size, 10.5);
    assert_near(s->text[STYLE_BODY].leading, 10.5 * 1.75);
    assert_near(s->text[STYLE_FOOTER].size, 10.5);
    assert_near(s->text[STYLE_HEADER].size, 9);
    /* inherited from a4-report */
    assert_string_equal(s->text[STYLE_HEADING2].font, "kai");
    assert_near(s->text[STYLE_HEADING1].leading, 15 * 1.5);
    assert_int_equal(s->text[STYLE_BODY].align, STYLE_ALIGN_JUSTIFY);
    assert_near(s->text[STYLE_BODY].indent, 2);
    assert_string_equal(style_role(s, "body")->file, "layouts/a4-report.yaml");
    style_free(s);
    diag_list_free(&d);
}

/* ---- extends ---- */

static void test_child_changes_one_key(void **state)
{
    (void)state;
    diag_list d = {0};
    style *s = load(FIX "child-size.yaml", &d);
    assert_non_null(s);
    const style_text *body = &s->text[STYLE_BODY];
    assert_near(body->size, 10.5);
    assert_near(body->leading, 10.5 * 1.8); /* the parent's multiple, the child's size */
    assert_string_equal(body->font, "body");
    assert_near(body->indent, 2);
    assert_int_equal(body->align, STYLE_ALIGN_JUSTIFY);
    assert_near(s->text[STYLE_HEADING1].size, 16); /* untouched */
    assert_near(s->page_width, 595.28);
    style_free(s);
    diag_list_free(&d);
}

static void test_grandchild_units_and_colours(void **state)
{
    (void)state;
    diag_list d = {0};
    style *s = load(FIX "grandchild.yaml", &d); /* extends a path next to it */
    assert_non_null(s);
    assert_near(s->margin_top, MM(25));
    assert_near(s->margin_bottom, MM(25));
    assert_near(s->margin_inner, MM(25));
    assert_near(s->margin_outer, MM(25));
    assert_near(s->text[STYLE_BODY].size, 10.5);  /* from child-size */
    assert_near(s->text[STYLE_BODY].leading, 28); /* bare 28: points */
    assert_near(s->text[STYLE_BODY].space_after, 14);
    const style_text *h1 = &s->text[STYLE_HEADING1];
    assert_near(h1->leading, 28);
    assert_near(h1->space_before, MM(6));
    assert_near(h1->indent, 1.5); /* 24pt at 16pt */
    assert_near(h1->color.v[0], 0.5);
    assert_near(h1->color.v[1], 0.25);
    assert_near(h1->color.v[2], 1);
    assert_true(s->accent.cmyk);
    assert_near(s->accent.v[0], 0);
    assert_near(s->accent.v[1], 0.8);
    assert_near(s->accent.v[2], 0.8);
    assert_near(s->accent.v[3], 0);
    assert_false(s->rule_color.cmyk);
    assert_near(s->rule_color.v[0], 192 / 255.0);
    assert_near(s->rule_color.v[1], 0);
    style_free(s);
    diag_list_free(&d);
}

static void test_json_child(void **state)
{
    (void)state;
    diag_list d = {0};
    style *s = load(FIX "child.json", &d);
    assert_non_null(s);
    assert_near(s->page_width, MM(170));
    assert_near(s->page_height, MM(240));
    assert_false(s->mirror_margins);
    assert_near(s->margin_outer, MM(15)); /* from a5-booklet */
    const style_font_role *body = style_role(s, "body");
    assert_string_equal(body->families[0], "仿宋_GB2312");
    assert_string_equal(body->file, FIX "child.json");
    assert_int_equal(body->line, 5);
    style_free(s);
    diag_list_free(&d);
}

static void test_hex_colour(void **state)
{
    (void)state;
    diag_list d = {0};
    style *s = load("a4-report", &d);
    assert_non_null(s);
    /* a4-report: accent "#8C1C13" */
    assert_near(s->accent.v[0], 0x8C / 255.0);
    assert_near(s->accent.v[1], 0x1C / 255.0);
    assert_near(s->accent.v[2], 0x13 / 255.0);
    style_free(s);
    diag_list_free(&d);
}

/* ---- errors ---- */

static void test_all_errors_of_a_file(void **state)
{
    (void)state;
    const char *f = FIX "errors.yaml";
    diag_list d = load_failing(f);
    expect_error(&d, f, 4, 3, "unknown key 'margin' in page (did you mean 'margins'?)");
    expect_error(&d, f, 5, 9, "expected a paper size");
    expect_error(&d, f, 6, 11, "expected true or false");
    expect_error(&d, f, 8, 11, "expected a colour");
    expect_error(&d, f, 9, 16, "expected a list of 4 numbers");
    expect_error(&d, f, 11, 8, "font families for role 'kai'");
    expect_error(&d, f, 13, 16, "expected a size such as 12pt, 4mm or 小四");
    expect_error(&d, f, 13, 29, "expected a leading");
    expect_error(&d, f, 14, 3, "unknown style 'heading5'");
    expect_error(&d, f, 15, 20, "unknown font role 'hei'");
    expect_error(&d, f, 15, 25, "unknown key 'colour' in style 'heading1' (did you mean 'color'?)");
    expect_error(&d, f, 16, 21, "unknown colour 'accnt' (did you mean 'accent'?)");
    expect_error(&d, f, 16, 35, "expected justify, left, center or right");
    assert_int_equal(d.errors, 13);
    diag_list_free(&d);
}

static void test_missing_version(void **state)
{
    (void)state;
    diag_list d = load_failing(FIX "missing-version.yaml");
    expect_error(&d, FIX "missing-version.yaml", 1, 1, "missing 'briefc-layout: 1'");
    assert_int_equal(d.errors, 1);
    diag_list_free(&d);
    d = load_failing(FIX "bad-version.yaml");
    expect_error(&d, FIX "bad-version.yaml", 1, 16, "unsupported layout version '2'");
    diag_list_free(&d);
}

static void test_extends_not_found(void **state)
{
    (void)state;
    diag_list d = load_failing(FIX "extends-missing.yaml");
    expect_error(&d, FIX "extends-missing.yaml", 3, 10,
                 "layout 'no-such-layout' not found (looked in tests/fixtures/style/, layouts/)");
    assert_int_equal(d.errors, 1); /* no "incomplete" noise from a broken chain */
    diag_list_free(&d);

    d = (diag_list){0};
    assert_null(load("nothing-by-this-name", &d));
    assert_int_equal(d.errors, 1);
    assert_null(d.items[0].file);
    assert_non_null(strstr(d.items[0].message, "'nothing-by-this-name' not found"));
    diag_list_free(&d);
}

static void test_extends_cycle(void **state)
{
    (void)state;
    diag_list d = load_failing(FIX "cycle-a.yaml");
    expect_error(&d, FIX "cycle-b.yaml", 2, 10, "extends cycle: " FIX "cycle-a.yaml");
    assert_int_equal(d.errors, 1);
    diag_list_free(&d);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A name in `extends` is looked up beside the extending file first (a set
 * of layouts kept together, as `briefc extract` writes them, stays
 * together), and the extending file itself never counts: a project's own
 * a4-report.yaml may extend the installed one. */
static void test_extends_beside_the_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/briefc-style-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char base[64], child[64], own[64];
    snprintf(base, sizeof base, "%s/house.yaml", dir);
    snprintf(child, sizeof child, "%s/child.yaml", dir);
    snprintf(own, sizeof own, "%s/a4-report.yaml", dir);
    size_t len;
    char *a4 = base_read_file("layouts/a4-report.yaml", &len);
    assert_non_null(a4);
    write_text(base, a4);
    free(a4);
    write_text(child, "briefc-layout: 1\nextends: house\npage: {size: A5}\n");
    write_text(own, "briefc-layout: 1\nextends: a4-report\npage: {size: A5}\n");
    diag_list d = {0};
    style *s = load(child, &d);
    assert_non_null(s);
    assert_int_equal(s->nfiles, 2);
    assert_string_equal(s->files[1], base); /* beside child.yaml, not in layouts/ */
    style_free(s);
    s = load(own, &d);
    assert_non_null(s); /* no cycle: the one it extends is the installed one */
    assert_int_equal(s->nfiles, 2);
    assert_string_equal(s->files[1], "layouts/a4-report.yaml");
    assert_true(s->page_width < 430); /* A5 from the project's own file */
    style_free(s);
    assert_int_equal(d.errors, 0);
    diag_list_free(&d);
    unlink(base);
    unlink(child);
    unlink(own);
    rmdir(dir);
}

static void test_incomplete_root(void **state)
{
    (void)state;
    diag_list d = load_failing(FIX "incomplete-root.yaml");
    assert_int_equal(d.errors, 1);
    const char *m = d.items[0].message;
    assert_non_null(strstr(m, "page.margins.outer"));
    assert_non_null(strstr(m, "fonts.kai"));
    assert_non_null(strstr(m, "fonts.number"));
    assert_non_null(strstr(m, "styles.heading1.leading"));
    assert_non_null(strstr(m, "styles.note"));
    assert_null(strstr(m, "styles.body"));
    assert_null(strstr(m, "page.size"));
    diag_list_free(&d);
}

static void test_margins_leave_no_room(void **state)
{
    (void)state;
    diag_list d = load_failing(FIX "no-room.yaml");
    expect_error(&d, FIX "no-room.yaml", 4, 20, "leave no room");
    diag_list_free(&d);
}

static void test_not_a_mapping(void **state)
{
    (void)state;
    diag_list d = load_failing(FIX "not-mapping.yaml");
    expect_error(&d, FIX "not-mapping.yaml", 1, 1, "a layout file is a mapping");
    diag_list_free(&d);
}

/* ---- values that cannot be typeset (issue 7, item 6) ---- */

static void test_values_out_of_range(void **state)
{
    (void)state;
    const char *f = FIX "range-values.yaml";
    diag_list d = load_failing(f);
    /* libharu refuses a page side outside 3..14400 pt with a raw "error 0x1054" */
    expect_error(&d, f, 5, 10,
                 "a page width of 100000 mm is beyond what a PDF page can be: "
                 "1.06 mm to 5080 mm (3 pt to 14400 pt)");
    expect_error(&d, f, 5, 18, "a page height of 100000 mm is beyond");
    expect_error(&d, f, 6, 16, "the header rule must be 0 to 10 pt (3.53 mm), not '20'");
    expect_error(&d, f, 8, 16, "a type size must be at least 1 pt, not '0.0001pt'");
    expect_error(&d, f, 8, 35, "a leading of 0 sets every line on top of the one before");
    expect_error(&d, f, 9, 20, "a type size must be at least 1 pt, not '0'");
    expect_error(&d, f, 10, 20, "'pts' is not a unit here (pt, mm, cm or in) (did you mean 'pt'?)");
    expect_error(&d, f, 10, 36, "'px' is not a unit here (em, pt, mm, cm or in)");
    expect_error(&d, f, 12, 18, "a table rule must be more than 0 and at most 10 pt");
    expect_error(&d, f, 12, 27, "a table rule must be more than 0 and at most 10 pt");
    expect_error(&d, f, 13, 16, "the padding of a cell must be 0 to 14.17 pt (5 mm)");
    expect_error(&d, f, 15, 15, "the time-progress mark must be 0 to 10 pt");
    assert_int_equal(d.errors, 12);
    diag_list_free(&d);
}

static void test_values_the_page_cannot_hold(void **state)
{
    (void)state;
    const char *f = FIX "range-page.yaml";
    diag_list d = load_failing(f);
    expect_error(&d, f, 5, 18,
                 "header_offset 500 mm puts the running header off the page (a top margin of 30 "
                 "mm, a size of 9 pt): it may be 0 to 26.82 mm here");
    expect_error(&d, f, 6, 18, "footer_offset 27 mm puts the page number off the page");
    expect_error(&d, f, 6, 18, "it may be 0 to 23.06 mm here");
    expect_error(&d, f, 8, 16,
                 "a size of 10000 pt does not fit the type area (156 × 239 mm): sizes may be 1 to "
                 "442.2 pt here (style body)");
    expect_error(&d, f, 9, 22, "an indent of 100000 em");
    expect_error(&d, f, 9, 22, "it may be 0 to 26.64 em (150.36 mm) here (style heading1)");
    expect_error(&d, f, 10, 23, "prints the lines over each other: it must be at least half");
    expect_error(&d, f, 11, 28, "space_before 2000 pt is more than the whole type area");
    expect_error(&d, f, 12, 23, "a leading of 2000 pt is taller than the type area");
    expect_warning(&d, f, 13, 22, "a leading of 10.8 pt is less than the size (12 pt)");
    expect_warning(&d, f, 14, 18, "a size of 3 pt is too small to read in print");
    /* a read error and the page's errors come in one run */
    expect_error(&d, f, 15, 20, "expected justify, left, center or right (did you mean 'center'?)");
    expect_error(&d, f, 17, 11, "bars 20 pt high do not fit a line of the style note");
    expect_error(&d, f, 18, 10, "bars 100 mm long take more than half the type area");
    assert_int_equal(d.errors, 10);
    assert_int_equal(d.count, 12);
    diag_list_free(&d);
}

static void test_margins_without_room_for_header_and_footer(void **state)
{
    (void)state;
    /* the offsets come from a4-report; the error is at the margins this file changed */
    const char *f = FIX "tight-margins.yaml";
    diag_list d = load_failing(f);
    expect_error(&d, f, 4, 18,
                 "the top margin (2 mm) has no room for the running header in 9 pt (style "
                 "header): it must be at least 13.18 mm with header_offset 10 mm, or 3.17 mm "
                 "with header_offset 0");
    expect_error(&d, f, 4, 29, "the bottom margin (3 mm) has no room for the page number");
    assert_int_equal(d.errors, 2);
    diag_list_free(&d);
}

static void test_small_page_errors_at_the_page(void **state)
{
    (void)state;
    /* a4-report's styles on a page whose type area is 6 × 22 mm: every error
     * points at the page size this file gives, not into a4-report.yaml */
    const char *f = FIX "tiny-page.yaml";
    diag_list d = load_failing(f);
    expect_error(&d, f, 4, 10, "a size of 24 pt does not fit the type area (6 × 22 mm)");
    expect_error(&d, f, 4, 10, "an indent of 2 em (8.47 mm) leaves no room");
    expect_error(&d, f, 4, 10, "bars 32 mm long take more than half the type area");
    for (size_t i = 0; i < d.count; i++)
        assert_string_equal(d.items[i].file, f);
    diag_list_free(&d);
}

static void test_warnings_still_load(void **state)
{
    (void)state;
    const char *f = FIX "warnings-only.yaml";
    diag_list d = {0};
    style *s = load(f, &d);
    assert_non_null(s);
    assert_int_equal(d.errors, 0);
    expect_warning(&d, f, 4, 22, "a leading of 10.8 pt is less than the size");
    expect_warning(&d, f, 5, 18, "a size of 3.5 pt is too small to read in print");
    expect_warning(&d, f, 7, 11, "bars 0.1 pt high are too thin to see");
    assert_int_equal(d.count, 3);
    style_free(s);
    diag_list_free(&d);
}

static void test_enumerated_values_suggest(void **state)
{
    (void)state;
    const char *f = FIX "enum-typos.yaml";
    diag_list d = load_failing(f);
    expect_error(&d, f, 4, 9, "(A3, A4, A5, A6, B5) or [width, height] (did you mean 'A5'?)");
    expect_error(&d, f, 5, 11, "expected true or false (did you mean 'true'?)");
    expect_error(&d, f, 7, 17, "expected justify, left, center or right (did you mean 'center'?)");
    expect_error(&d, f, 8, 21, "(did you mean 'left'?)");
    expect_error(&d, f, 9, 21, "expected justify, left, center or right");
    assert_null(strstr(d.items[d.count - 1].message, "did you mean"));
    assert_int_equal(d.errors, 5);
    diag_list_free(&d);
}

static void test_control_characters_never_echoed(void **state)
{
    (void)state;
    const char *f = FIX "control-chars.yaml";
    diag_list d = load_failing(f);
    expect_error(&d, f, 3, 10, "the name or path in extends holds the control character U+0009");
    expect_error(&d, f, 4, 1, "unknown key 'paU+0009ge'");
    char cut[128] = "unknown key '";
    memset(cut + strlen(cut), 'k', 80);
    strcat(cut, "…'");
    expect_error(&d, f, 7, 1, cut);
    for (size_t i = 0; i < d.count; i++)
        for (const char *c = d.items[i].message; *c; c++)
            if ((unsigned char)*c < 0x20 || *c == 0x7f)
                fail_msg("raw byte 0x%02x in \"%s\"", (unsigned char)*c, d.items[i].message);
    diag_list_free(&d);
}

/* ---- tables and bars ---- */

/* c is the RGB colour written "#RRGGBB" as hex. */
static void assert_rgb(style_color c, const char *hex)
{
    unsigned r, g, b;
    assert_int_equal(sscanf(hex, "#%2x%2x%2x", &r, &g, &b), 3);
    assert_false(c.cmyk);
    assert_near(c.v[0], r / 255.0);
    assert_near(c.v[1], g / 255.0);
    assert_near(c.v[2], b / 255.0);
}

static void test_table_bars_defaults(void **state)
{
    (void)state;
    diag_list d = {0};
    style *s = load(FIX "plain-root.yaml", &d);
    if (!s)
        diag_print(&d, stderr);
    assert_non_null(s);
    assert_int_equal(d.count, 0);
    assert_near(s->table.rule_thick, 1);
    assert_near(s->table.rule_thin, 0.5);
    assert_near(s->table.pad_x, 4);
    assert_near(s->table.pad_y, 2.5);
    assert_string_equal(s->table.number_font, "number");
    assert_rgb(s->table.rule_color, "#000000");
    assert_near(s->bars.height, 6);
    assert_near(s->bars.width, MM(32));
    assert_near(s->bars.mark_width, 1.2);
    assert_rgb(s->bars.track, "#E4E4E4");
    assert_rgb(s->bars.mark, "#1A1A1A");
    assert_rgb(s->bars.fill[STYLE_BAR_DONE], "#2E7D32");
    assert_rgb(s->bars.fill[STYLE_BAR_ON_TRACK], "#1F5FA8");
    assert_rgb(s->bars.fill[STYLE_BAR_BEHIND], "#C0392B");
    assert_rgb(s->bars.fill[STYLE_BAR_NOT_REPORTED], "#8A8A8A");
    assert_rgb(s->bars.fill[STYLE_BAR_NEUTRAL], "#5B6B7A");
    style_free(s);
    diag_list_free(&d);
}

/* Relative luminance, to check that fills stay apart when printed in grey. */
static double luminance(style_color c)
{
    return 0.2126 * c.v[0] + 0.7152 * c.v[1] + 0.0722 * c.v[2];
}

static void test_table_bars_shipped(void **state)
{
    (void)state;
    diag_list d = {0};
    style *a4 = load("a4-report", &d);
    style *a5 = load("a5-booklet", &d);
    assert_non_null(a4);
    assert_non_null(a5);
    assert_int_equal(d.count, 0);
    assert_near(a4->table.rule_thick, 1);
    assert_near(a4->table.rule_thin, 0.5);
    assert_near(a4->table.pad_x, 4);
    assert_near(a4->table.pad_y, 2.5);
    assert_string_equal(a4->table.number_font, "number");
    assert_rgb(a4->table.rule_color, "#000000"); /* colors.text */
    assert_near(a4->bars.height, 6);
    assert_near(a4->bars.width, MM(32));
    assert_near(a4->bars.mark_width, 1.2);
    assert_rgb(a4->bars.fill[STYLE_BAR_DONE], "#1B5E20");
    assert_rgb(a4->bars.fill[STYLE_BAR_BEHIND], "#D9534F");
    assert_rgb(a4->bars.fill[STYLE_BAR_ON_TRACK], "#7FB0E0");
    /* in black and white: track lightest, then on track, behind, done, mark */
    double track = luminance(a4->bars.track), on = luminance(a4->bars.fill[STYLE_BAR_ON_TRACK]),
           behind = luminance(a4->bars.fill[STYLE_BAR_BEHIND]),
           done = luminance(a4->bars.fill[STYLE_BAR_DONE]), mark = luminance(a4->bars.mark);
    assert_true(track > on + 0.2 && on > behind + 0.1 && behind > done + 0.1 && done > mark);

    /* a5-booklet: smaller bars and padding, the rest from a4-report */
    assert_near(a5->bars.width, MM(24));
    assert_near(a5->bars.height, 5);
    assert_near(a5->table.pad_x, 3);
    assert_near(a5->table.pad_y, 2);
    assert_near(a5->bars.mark_width, 1.2);
    assert_near(a5->table.rule_thick, 1);
    assert_rgb(a5->bars.fill[STYLE_BAR_DONE], "#1B5E20");
    style_free(a4);
    style_free(a5);
    diag_list_free(&d);
}

static void test_child_overrides_one_bar_colour(void **state)
{
    (void)state;
    diag_list d = {0};
    style *s = load(FIX "bars-child.yaml", &d);
    assert_non_null(s);
    const style_color *behind = &s->bars.fill[STYLE_BAR_BEHIND];
    assert_true(behind->cmyk); /* colors.alarm */
    assert_near(behind->v[1], 0.8);
    assert_rgb(s->bars.fill[STYLE_BAR_DONE], "#1B5E20"); /* the rest from a4-report */
    assert_rgb(s->bars.fill[STYLE_BAR_ON_TRACK], "#7FB0E0");
    assert_rgb(s->bars.track, "#E4E4E4");
    assert_near(s->bars.width, MM(32));
    assert_near(s->table.rule_thin, MM(0.35));  /* changed */
    assert_near(s->table.rule_thick, 1);        /* kept */
    assert_rgb(s->table.rule_color, "#8C1C13"); /* colors.accent */
    style_free(s);
    diag_list_free(&d);
}

static void test_table_bars_errors(void **state)
{
    (void)state;
    const char *f = FIX "blocks-errors.yaml";
    diag_list d = load_failing(f);
    expect_error(&d, f, 4, 11, "unknown key 'thik' in table.rules (did you mean 'thick'?)");
    expect_error(&d, f, 5, 16, "expected a length");
    expect_error(&d, f, 6, 16, "unknown font role 'numbers' (did you mean 'number'?)");
    expect_error(&d, f, 7, 15, "expected a colour");
    expect_error(&d, f, 8, 3, "unknown key 'rule_colr' in table (did you mean 'rule_color'?)");
    expect_error(&d, f, 10, 11, "must be more than 0");
    expect_error(&d, f, 11, 3, "unknown key 'widht' in bars (did you mean 'width'?)");
    expect_error(&d, f, 12, 15, "must not be negative");
    expect_error(&d, f, 14, 5, "unknown key 'behnd' in bars.colors (did you mean 'behind'?)");
    expect_error(&d, f, 15, 11, "unknown colour 'muddy'");
    expect_error(&d, f, 16, 19, "out of range");
    assert_int_equal(d.errors, 11);
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hao_sizes),
        cmocka_unit_test(test_sizes_with_units),
        cmocka_unit_test(test_a4_report),
        cmocka_unit_test(test_a5_booklet),
        cmocka_unit_test(test_child_changes_one_key),
        cmocka_unit_test(test_grandchild_units_and_colours),
        cmocka_unit_test(test_json_child),
        cmocka_unit_test(test_hex_colour),
        cmocka_unit_test(test_all_errors_of_a_file),
        cmocka_unit_test(test_missing_version),
        cmocka_unit_test(test_extends_not_found),
        cmocka_unit_test(test_extends_cycle),
        cmocka_unit_test(test_extends_beside_the_file),
        cmocka_unit_test(test_incomplete_root),
        cmocka_unit_test(test_margins_leave_no_room),
        cmocka_unit_test(test_not_a_mapping),
        cmocka_unit_test(test_table_bars_defaults),
        cmocka_unit_test(test_table_bars_shipped),
        cmocka_unit_test(test_child_overrides_one_bar_colour),
        cmocka_unit_test(test_table_bars_errors),
        cmocka_unit_test(test_values_out_of_range),
        cmocka_unit_test(test_values_the_page_cannot_hold),
        cmocka_unit_test(test_margins_without_room_for_header_and_footer),
        cmocka_unit_test(test_small_page_errors_at_the_page),
        cmocka_unit_test(test_warnings_still_load),
        cmocka_unit_test(test_enumerated_values_suggest),
        cmocka_unit_test(test_control_characters_never_echoed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
