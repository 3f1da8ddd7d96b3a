/* test_layout_keep.c — a heading is never left at the foot of a page: for
 * every distance of a heading from the foot (k one-line paragraphs before
 * it, k from 1 to more than a page), in A4, A5 and a small custom page, the
 * heading and the first content of what follows it (a paragraph that moves
 * whole, a table, a work area, a summary, a chain 二、 （一） 1. of headings)
 * are on one page. Reports and the small layout are written to a scratch
 * folder and laid out for real. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "layout/layout_internal.h"

typedef struct fixture {
    char dir[64];
    char small_layout[96];
    diag_list diags;
    text_engine *te;
} fixture;

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    *state = fx;
    snprintf(fx->dir, sizeof fx->dir, "/tmp/briefc-keep.XXXXXX");
    if (!mkdtemp(fx->dir))
        return -1;
    snprintf(fx->small_layout, sizeof fx->small_layout, "%s/small.yaml", fx->dir);
    /* a small page (the summary's seven columns just fit) with a big heading */
    write_file(fx->small_layout,
               "briefc-layout: 1\nextends: a5-booklet\n"
               "page: {size: [128, 150], margins: {top: 15, bottom: 15, inner: 12, outer: 10}}\n"
               "styles: {heading1: {size: 三号}}\n");
    fx->te = text_engine_new("fonts", &fx->diags);
    return fx->te ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/report.yaml", fx->dir);
    remove(path);
    remove(fx->small_layout);
    rmdir(fx->dir);
    text_engine_free(fx->te);
    diag_list_free(&fx->diags);
    free(fx);
    return 0;
}

/* What follows the heading 二、标题二, and the text its first content starts with. */
typedef struct follower {
    const char *name;
    const char *yaml; /* under "  - title: 标题二" */
    const char *marker;
    size_t chain; /* headings from 二、 on that come before that content */
} follower;

#define PROSE                                                                                      \
    "会议深入学习贯彻重要讲话精神和全会精神，并对今年以来工作进行总结，部署下一阶段重点任务。"

static const follower FOLLOWERS[] = {
    /* three lines: at room for two it moves whole (no line alone at the head) */
    {"paragraph", "    content:\n      - " PROSE PROSE "\n", "会议深入", 1},
    {"table",
     "    content:\n      - table:\n          caption: 主要指标\n"
     "          columns: [指标, 数值, 单位]\n          rows: [[甲, 1.5, 亿元], [乙, 2.5, 亿元],"
     " [丙, 3.5, 亿元], [丁, 4.5, 亿元], [戊, 5.5, 亿元], [己, 6.5, 亿元]]\n",
     "要指标", 1},
    {"work area",
     "    content:\n      - tasks: [{name: 第一项任务, target: 10, done: 3}, {name: 第二项任务,"
     " target: 10, done: 8}, {name: 第三项任务, target: 10, done: 9}]\n      - " PROSE "\n",
     "任务", 1},
    {"headings in a row",
     "    sections:\n      - title: 子标题甲\n        sections:\n"
     "          - title: 孙标题乙\n            content:\n              - " PROSE PROSE "\n",
     "会议深入", 3},
    {"summary",
     "    content:\n      - summary: 总体进度\n    sections:\n"
     "      - title: 领域甲\n        content: [{tasks: [{name: 任务甲, target: 10, done: 3}]}]\n"
     "      - title: 领域乙\n        content: [{tasks: [{name: 任务乙, target: 10, done: 8}]}]\n"
     "      - title: 领域丙\n        content: [{tasks: [{name: 任务丙, target: 10, done: 9}]}]\n",
     "总体进度", 1},
};

static void write_report(const fixture *fx, const char *path, int k, const follower *fw)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("briefc: 1\nmeta: {title: 边界, date: 2017-08-30}\nsections:\n"
          "  - title: 开头\n    content:\n",
          f);
    for (int i = 1; i <= k; i++)
        fprintf(f, "      - 第%d段。\n", i);
    fprintf(f, "  - title: 标题二\n%s", fw->yaml);
    fclose(f);
    (void)fx;
}

/* The text of a glyph run. */
static void run_text(const layout_glyphs *g, char *buf, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < g->nglyphs && n + g->glyphs[i].text_len + 1 < size; i++) {
        memcpy(buf + n, g->text + g->glyphs[i].text_start, g->glyphs[i].text_len);
        n += g->glyphs[i].text_len;
    }
    buf[n] = '\0';
}

/* The first page from `from` on with a run holding text; SIZE_MAX if none. */
static size_t page_of_text(const layout_document *doc, size_t from, const char *text)
{
    char buf[1024];
    for (size_t pg = from; pg < doc->npages; pg++)
        for (size_t i = 0; i < doc->pages[pg].nitems; i++) {
            const layout_item *it = &doc->pages[pg].items[i];
            if (it->kind != LAYOUT_ITEM_GLYPHS)
                continue;
            run_text(&it->u.glyphs, buf, sizeof buf);
            if (strstr(buf, text))
                return pg;
        }
    return SIZE_MAX;
}

/* Lay the report out; every heading from 二、 on must share its page with
 * the follower's first content. Returns how many did not. */
static int check_one(fixture *fx, const style *s, const char *path, int k, const follower *fw,
                     const char *layout)
{
    diag_list diags = {0};
    report *r = report_load(path, &diags);
    assert_non_null(r);
    layout_document *doc = layout_report(r, s, fx->te, NULL, &diags);
    if (!doc)
        diag_print(&diags, stderr);
    assert_non_null(doc);
    assert_int_equal(diags.errors, 0);
    size_t second = 0; /* the outline entry of 二、标题二 */
    for (size_t i = 0; i < doc->noutline; i++)
        if (!strcmp(doc->outline[i].title, "二、标题二"))
            second = i;
    assert_true(second > 0);
    size_t content = page_of_text(doc, doc->outline[second].page, fw->marker);
    int bad = 0;
    /* 二、 and the headings right after it, down to the first content */
    for (size_t i = second; i < second + fw->chain && i < doc->noutline; i++) {
        if (doc->outline[i].page != content) {
            print_message("%s, %s after %d lines: '%s' on page %zu, '%s' on page %zu\n", layout,
                          fw->name, k, doc->outline[i].title, doc->outline[i].page, fw->marker,
                          content);
            bad++;
        }
    }
    layout_document_free(doc);
    report_free(r);
    diag_list_free(&diags);
    return bad;
}

static void sweep(fixture *fx, const char *layout)
{
    const char *dirs[] = {"layouts"};
    diag_list diags = {0};
    style *s = style_load(layout, dirs, 1, &diags);
    if (!s)
        diag_print(&diags, stderr);
    assert_non_null(s);
    char path[128];
    snprintf(path, sizeof path, "%s/report.yaml", fx->dir);
    /* every distance from the foot: more one-line paragraphs than a page holds */
    double area = s->page_height - s->margin_top - s->margin_bottom;
    int lines = (int)(area / s->text[STYLE_BODY].leading) + 3;
    int bad = 0;
    for (size_t f = 0; f < sizeof FOLLOWERS / sizeof *FOLLOWERS; f++)
        for (int k = 1; k <= lines; k++) {
            write_report(fx, path, k, &FOLLOWERS[f]);
            bad += check_one(fx, s, path, k, &FOLLOWERS[f], layout);
        }
    assert_int_equal(bad, 0);
    style_free(s);
    diag_list_free(&diags);
}

static void test_keep_a4(void **state)
{
    sweep(*state, "a4-report");
}

static void test_keep_a5(void **state)
{
    sweep(*state, "a5-booklet");
}

static void test_keep_small_page(void **state)
{
    fixture *fx = *state;
    sweep(fx, fx->small_layout);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keep_a4),
        cmocka_unit_test(test_keep_a5),
        cmocka_unit_test(test_keep_small_page),
    };
    return cmocka_run_group_tests_name("keep with next", tests, setup, teardown);
}
