/* test_layout.c — section numbers, pagination rules, and the example booklet
 * laid out for real: contents numbers equal the pages the headings landed on,
 * every item stays on its page, the outline mirrors the headings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "layout/layout_internal.h"

static void test_section_numbers(void **state)
{
    (void)state;
    char buf[64];
    layout_section_number(1, 1, buf, sizeof buf);
    assert_string_equal(buf, "一、");
    layout_section_number(1, 12, buf, sizeof buf);
    assert_string_equal(buf, "十二、");
    layout_section_number(2, 3, buf, sizeof buf);
    assert_string_equal(buf, "（三）");
    layout_section_number(3, 10, buf, sizeof buf);
    assert_string_equal(buf, "10.");
    layout_section_number(4, 2, buf, sizeof buf);
    assert_string_equal(buf, "（2）");
    layout_section_number(5, 7, buf, sizeof buf);
    assert_string_equal(buf, "（7）");
}

static void test_chinese_numerals(void **state)
{
    (void)state;
    static const struct {
        int n;
        const char *want;
    } cases[] = {{1, "一"},      {10, "十"},         {11, "十一"},          {20, "二十"},
                 {99, "九十九"}, {100, "一百"},      {105, "一百零五"},     {110, "一百一十"},
                 {1000, "一千"}, {1001, "一千零一"}, {2017, "二千零一十七"}};
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        layout_chinese_numeral(cases[i].n, buf, sizeof buf);
        assert_string_equal(buf, cases[i].want);
    }
}

static void test_lines_for_page(void **state)
{
    (void)state;
    assert_int_equal(layout_lines_for_page(3, 10), 3); /* all fit */
    assert_int_equal(layout_lines_for_page(10, 10), 10);
    assert_int_equal(layout_lines_for_page(10, 1), 0); /* one line alone at the foot: move */
    assert_int_equal(layout_lines_for_page(10, 5), 5); /* five here, five there */
    assert_int_equal(layout_lines_for_page(6, 5), 4);  /* not one alone at the head: 4 + 2 */
    assert_int_equal(layout_lines_for_page(3, 2), 0);  /* 1 + 2 would orphan, 2 + 1 widow */
    assert_int_equal(layout_lines_for_page(4, 2), 2);
    assert_int_equal(layout_lines_for_page(1, 0), 0);
}

typedef struct pipeline {
    diag_list diags;
    report *r;
    style *s;
    text_engine *te;
    layout_document *doc;
} pipeline;

static int pipeline_setup(void **state)
{
    pipeline *p = calloc(1, sizeof *p);
    const char *dirs[] = {"layouts"};
    p->r = report_load("data/luohu-2017.yaml", &p->diags);
    p->s = p->r ? style_load("a4-report", dirs, 1, &p->diags) : NULL;
    p->te = p->s ? text_engine_new("fonts", &p->diags) : NULL;
    p->doc = p->te ? layout_report(p->r, p->s, p->te, NULL, &p->diags) : NULL;
    if (!p->doc)
        diag_print(&p->diags, stderr);
    *state = p;
    return p->doc ? 0 : -1;
}

static int pipeline_teardown(void **state)
{
    pipeline *p = *state;
    layout_document_free(p->doc);
    text_engine_free(p->te);
    style_free(p->s);
    report_free(p->r);
    diag_list_free(&p->diags);
    free(p);
    return 0;
}

/* The text of a glyph run, from its glyphs' clusters. */
static void run_text(const layout_glyphs *g, char *buf, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < g->nglyphs && n + 8 < size; i++) {
        memcpy(buf + n, g->text + g->glyphs[i].text_start, g->glyphs[i].text_len);
        n += g->glyphs[i].text_len;
    }
    buf[n] = '\0';
}

static size_t body_offset(const layout_document *doc)
{
    for (size_t i = 0; i < doc->nlabels; i++)
        if (doc->labels[i].style == LAYOUT_LABEL_DECIMAL)
            return doc->labels[i].first_page;
    fail_msg("no decimal page label");
    return 0;
}

static void test_contents_numbers_match_pages(void **state)
{
    const layout_document *doc = ((pipeline *)*state)->doc;
    size_t offset = body_offset(doc), links = 0;
    for (size_t pg = 1; pg < offset; pg++) {
        const layout_page *page = &doc->pages[pg];
        for (size_t i = 0; i < page->nitems; i++) {
            if (page->items[i].kind != LAYOUT_ITEM_LINK)
                continue;
            const layout_link *l = &page->items[i].u.link;
            /* the number is the last run whose baseline lies inside the link area */
            char number[64] = "";
            for (size_t k = 0; k < page->nitems; k++) {
                const layout_item *it = &page->items[k];
                if (it->kind == LAYOUT_ITEM_GLYPHS && it->u.glyphs.y > l->y &&
                    it->u.glyphs.y < l->y + l->h)
                    run_text(&it->u.glyphs, number, sizeof number);
            }
            assert_true(l->target_page >= offset && l->target_page < doc->npages);
            assert_int_equal(atoi(number), (int)(l->target_page - offset + 1));
            links++;
        }
    }
    assert_int_equal(links, 3 + 7); /* three chapters, seven work areas */
}

static void test_items_stay_on_their_page(void **state)
{
    const layout_document *doc = ((pipeline *)*state)->doc;
    for (size_t pg = 0; pg < doc->npages; pg++) {
        const layout_page *page = &doc->pages[pg];
        for (size_t i = 0; i < page->nitems; i++) {
            const layout_item *it = &page->items[i];
            if (it->kind != LAYOUT_ITEM_GLYPHS)
                continue;
            const layout_glyphs *g = &it->u.glyphs;
            const text_glyph *last = &g->glyphs[g->nglyphs - 1];
            assert_true(g->x >= 0 && g->y > 0 && g->y < page->height);
            assert_true(g->x + last->x + text_font_advance_at(g->font, last->gid, g->size) <=
                        page->width);
        }
    }
}

static void test_outline_mirrors_headings(void **state)
{
    const layout_document *doc = ((pipeline *)*state)->doc;
    assert_int_equal(doc->noutline, 1 + 3 + 7);
    assert_string_equal(doc->outline[1].title, "一、会议概况");
    assert_int_equal(doc->outline[1].level, 1);
    assert_string_equal(doc->outline[4].title, "（一）保持大局稳定");
    assert_int_equal(doc->outline[4].level, 2);
    for (size_t i = 1; i < doc->noutline; i++) {
        assert_true(doc->outline[i].page >= body_offset(doc));
        assert_true(doc->outline[i].page >= doc->outline[i - 1].page);
    }
}

static void test_info_from_meta(void **state)
{
    const layout_document *doc = ((pipeline *)*state)->doc;
    assert_string_equal(doc->info.title, "罗湖区委七届四次全会会议简报");
    assert_string_equal(doc->info.author, "中共深圳市罗湖区委员会");
    /* 2017-08-30 00:00 +08:00 = 2017-08-29 16:00 UTC */
    assert_int_equal(doc->info.date, 1504022400);
    assert_int_equal(doc->info.tz_minutes, 480);
}

/* The structure tree: a tree in report order, and items are content of a
 * node or artifacts, never both; the furniture is pagination. */
static void test_structure_tree(void **state)
{
    const layout_document *doc = ((pipeline *)*state)->doc;
    assert_true(doc->nnodes > 100);
    assert_int_equal(doc->nodes[0].role, LAYOUT_ROLE_DOCUMENT);
    size_t figures = 0, sects = 0;
    for (size_t i = 1; i < doc->nnodes; i++) {
        assert_true(doc->nodes[i].parent < i); /* parents come first: a tree */
        if (doc->nodes[i].role == LAYOUT_ROLE_FIGURE) {
            assert_non_null(doc->nodes[i].alt);
            figures++;
        }
        if (doc->nodes[i].role == LAYOUT_ROLE_SECT) {
            const layout_node *parent = &doc->nodes[doc->nodes[i].parent];
            assert_true(parent->role == LAYOUT_ROLE_DOCUMENT || parent->role == LAYOUT_ROLE_SECT);
            assert_true(parent->role == LAYOUT_ROLE_DOCUMENT ||
                        parent->level < doc->nodes[i].level);
            sects++;
        }
    }
    assert_int_equal(sects, 3 + 7);
    assert_true(figures >= 36 + 7); /* every task's bar, every work area's */
    size_t offset = body_offset(doc), tagged = 0, pagination = 0;
    for (size_t pg = 0; pg < doc->npages; pg++) {
        const layout_page *page = &doc->pages[pg];
        for (size_t i = 0; i < page->nitems; i++) {
            const layout_item *it = &page->items[i];
            assert_true(it->node < doc->nnodes);
            assert_false(it->node != 0 && it->artifact == LAYOUT_ARTIFACT_PAGINATION);
            if (it->kind == LAYOUT_ITEM_GLYPHS && it->node != 0)
                tagged++;
            if (it->artifact == LAYOUT_ARTIFACT_PAGINATION) {
                assert_true(pg >= offset); /* furniture is on body pages */
                pagination++;
            }
            if (it->kind == LAYOUT_ITEM_LINE)
                assert_true(it->node == 0 || doc->nodes[it->node].role == LAYOUT_ROLE_FIGURE);
        }
    }
    assert_true(tagged > 500);
    assert_true(pagination >= 2 * (doc->npages - offset)); /* a head and a number a page */
}

int main(void)
{
    const struct CMUnitTest pure[] = {
        cmocka_unit_test(test_section_numbers),
        cmocka_unit_test(test_chinese_numerals),
        cmocka_unit_test(test_lines_for_page),
    };
    const struct CMUnitTest example[] = {
        cmocka_unit_test(test_contents_numbers_match_pages),
        cmocka_unit_test(test_items_stay_on_their_page),
        cmocka_unit_test(test_outline_mirrors_headings),
        cmocka_unit_test(test_info_from_meta),
        cmocka_unit_test(test_structure_tree),
    };
    int failed = cmocka_run_group_tests_name("layout", pure, NULL, NULL);
    failed += cmocka_run_group_tests_name("layout of the example", example, pipeline_setup,
                                          pipeline_teardown);
    return failed;
}
