/* test_diff_match.c — two reports compared: sections matched by title and
 * place (a rename is a rename, an insertion an insertion), paragraphs
 * matched so that an insertion does not shift what follows, tables row by
 * row, tasks by name within their work area (figures, completion and
 * status before and after, added, removed, moved), meta and the closing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diff/diff.h"

/* ---- reports from text ---- */

static report *load(const char *yaml)
{
    char dir[] = "/tmp/briefc-test-diff-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/r.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(yaml, f);
    fclose(f);
    diag_list d = {0};
    report *r = report_load(path, &d);
    if (!r)
        diag_print(&d, stderr);
    diag_list_free(&d);
    unlink(path);
    rmdir(dir);
    assert_non_null(r);
    return r;
}

#define HEAD "briefc: 1\nmeta: {title: 简报, date: 2017-08-30}\nsections:\n"

typedef struct pair {
    report *before, *after;
    diff_model *m;
} pair;

static pair compare(const char *before, const char *after)
{
    pair p = {load(before), load(after), NULL};
    p.m = diff_reports(p.before, p.after);
    return p;
}

static void pair_free(pair *p)
{
    diff_model_free(p->m);
    report_free(p->before);
    report_free(p->after);
}

static char *plain(const diff_text *t)
{
    size_t n = 1;
    for (size_t i = 0; i < t->nruns; i++)
        n += t->runs[i].len + 4;
    char *out = calloc(n, 1);
    for (size_t i = 0; i < t->nruns; i++) {
        const diff_run *r = &t->runs[i];
        strcat(out, r->op == DIFF_DELETED ? "[-" : r->op == DIFF_INSERTED ? "{+" : "");
        strncat(out, r->s, r->len);
        strcat(out, r->op == DIFF_DELETED ? "-]" : r->op == DIFF_INSERTED ? "+}" : "");
    }
    return out;
}

static void expect_text(const diff_text *t, const char *want)
{
    char *have = plain(t);
    if (strcmp(have, want) != 0) {
        print_message("have %s\nwant %s\n", have, want);
        free(have);
        fail();
    }
    free(have);
}

/* ---- sections ---- */

static const char THREE[] = HEAD "  - {title: 会议概况, content: [会议在罗湖会堂召开。]}\n"
                                 "  - {title: 城市建设, content: [完成改造21个。]}\n"
                                 "  - {title: 民生福祉, content: [新增学位2830个。]}\n";

static void test_same_report(void **state)
{
    (void)state;
    pair p = compare(THREE, THREE);
    assert_true(diff_model_is_empty(p.m));
    pair_free(&p);
}

static void test_section_renamed(void **state)
{
    (void)state;
    pair p = compare(THREE, HEAD "  - {title: 会议概况, content: [会议在罗湖会堂召开。]}\n"
                                 "  - {title: 城市建设与更新, content: [完成改造21个。]}\n"
                                 "  - {title: 民生福祉, content: [新增学位2830个。]}\n");
    assert_int_equal(p.m->nsections, 1);
    const diff_section *s = &p.m->sections[0];
    assert_int_equal(s->status, DIFF_CHANGED);
    assert_int_equal(s->ordinal, 2);
    expect_text(&s->title, "城市建设{+与更新+}");
    assert_int_equal(s->nblocks, 0);
    assert_int_equal(p.m->counts.sections_renamed, 1);
    assert_int_equal(p.m->counts.sections_added + p.m->counts.sections_removed, 0);
    pair_free(&p);
}

/* A title changed beyond recognition but the content stayed: a rename. */
static void test_section_renamed_wholly(void **state)
{
    (void)state;
    pair p = compare(THREE, HEAD "  - {title: 会议概况, content: [会议在罗湖会堂召开。]}\n"
                                 "  - {title: 旧改推进, content: [完成改造21个。]}\n"
                                 "  - {title: 新增章节, content: [全新的内容。]}\n"
                                 "  - {title: 民生福祉, content: [新增学位2830个。]}\n");
    assert_int_equal(p.m->nsections, 2);
    assert_int_equal(p.m->sections[0].status, DIFF_CHANGED);
    expect_text(&p.m->sections[0].title, "[-城市建设-]{+旧改推进+}");
    assert_int_equal(p.m->sections[0].nblocks, 0);
    assert_int_equal(p.m->sections[1].status, DIFF_ADDED);
    assert_int_equal(p.m->sections[1].ordinal, 3);
    pair_free(&p);
}

static void test_section_inserted_and_removed(void **state)
{
    (void)state;
    pair p = compare(THREE, HEAD "  - {title: 会议概况, content: [会议在罗湖会堂召开。]}\n"
                                 "  - {title: 安全生产, content: [排查隐患185处。]}\n"
                                 "  - {title: 城市建设, content: [完成改造21个。]}\n");
    assert_int_equal(p.m->nsections, 2);
    const diff_section *added = &p.m->sections[0], *removed = &p.m->sections[1];
    assert_int_equal(added->status, DIFF_ADDED);
    assert_int_equal(added->ordinal, 2);
    expect_text(&added->title, "{+安全生产+}");
    assert_int_equal(added->nblocks, 1);
    assert_int_equal(added->blocks[0].status, DIFF_ADDED);
    expect_text(&added->blocks[0].text, "{+排查隐患185处。+}");
    assert_int_equal(removed->status, DIFF_REMOVED);
    assert_int_equal(removed->ordinal, 3);
    expect_text(&removed->blocks[0].text, "[-新增学位2830个。-]");
    assert_int_equal(p.m->counts.sections_added, 1);
    assert_int_equal(p.m->counts.sections_removed, 1);
    assert_int_equal(p.m->counts.paragraphs_added, 1);
    assert_int_equal(p.m->counts.paragraphs_removed, 1);
    pair_free(&p);
}

static void test_nested_sections(void **state)
{
    (void)state;
    static const char before[] = HEAD "  - title: 重点任务\n    sections:\n"
                                      "      - {title: 保持大局稳定, content: [抓好安全生产。]}\n"
                                      "      - {title: 城市建设, content: [完成改造21个。]}\n";
    pair p = compare(before, HEAD "  - title: 重点任务\n    sections:\n"
                                  "      - {title: 保持大局稳定, content: [抓好安全生产。]}\n"
                                  "      - {title: 城市建设, content: [完成改造23个。]}\n");
    assert_int_equal(p.m->nsections, 1);
    const diff_section *top = &p.m->sections[0];
    assert_false(top->title.changed);
    assert_int_equal(top->nblocks, 0);
    assert_int_equal(top->nsections, 1);
    const diff_section *sub = &top->sections[0];
    assert_int_equal(sub->depth, 2);
    assert_int_equal(sub->ordinal, 2);
    expect_text(&sub->blocks[0].text, "完成改造[-21-]{+23+}个。");
    pair_free(&p);
}

/* ---- paragraphs ---- */

static const char PARAS[] = HEAD "  - title: 概况\n    content:\n"
                                 "      - 第一段讲会议的召开。\n"
                                 "      - 第二段讲工作报告。\n"
                                 "      - 第三段讲棚改签约率达99.29%。\n"
                                 "      - 第四段讲民生支出。\n";

static void test_paragraph_inserted(void **state)
{
    (void)state;
    pair p = compare(PARAS, HEAD "  - title: 概况\n    content:\n"
                                 "      - 第一段讲会议的召开。\n"
                                 "      - 插入的一段全新内容。\n"
                                 "      - 第二段讲工作报告。\n"
                                 "      - 第三段讲棚改签约率达99.29%。\n"
                                 "      - 第四段讲民生支出。\n");
    assert_int_equal(p.m->nsections, 1);
    const diff_section *s = &p.m->sections[0];
    assert_int_equal(s->nblocks, 1); /* the paragraphs after it are not shifted */
    assert_int_equal(s->blocks[0].status, DIFF_ADDED);
    expect_text(&s->blocks[0].text, "{+插入的一段全新内容。+}");
    pair_free(&p);
}

static void test_paragraph_edited_and_replaced(void **state)
{
    (void)state;
    pair p = compare(PARAS, HEAD "  - title: 概况\n    content:\n"
                                 "      - 第一段讲会议的召开。\n"
                                 "      - 完全不同的另一句话。\n"
                                 "      - 第三段讲棚改签约率达99.31%。\n"
                                 "      - 第四段讲民生支出。\n");
    const diff_section *s = &p.m->sections[0];
    assert_int_equal(s->nblocks, 3);
    /* nothing alike: removed and added, not an edit */
    assert_int_equal(s->blocks[0].status, DIFF_REMOVED);
    assert_int_equal(s->blocks[1].status, DIFF_ADDED);
    /* alike: an edit, figures whole */
    assert_int_equal(s->blocks[2].status, DIFF_CHANGED);
    expect_text(&s->blocks[2].text, "第三段讲棚改签约率达[-99.29%-]{+99.31%+}。");
    assert_ptr_equal(s->blocks[2].para_after, &p.after->sections[0].blocks[2].para);
    assert_int_equal(p.m->counts.paragraphs_changed, 1);
    pair_free(&p);
}

/* ---- tables ---- */

static void test_table_rows(void **state)
{
    (void)state;
    static const char before[] = HEAD "  - title: 指标\n    content:\n"
                                      "      - table:\n          caption: 主要指标\n"
                                      "          columns: [指标, 数值]\n"
                                      "          rows: [[生产总值, 957.1], [民生支出, 150.4], "
                                      "[签约率, {progress: 99.29}]]\n";
    pair p = compare(before, HEAD "  - title: 指标\n    content:\n"
                                  "      - table:\n          caption: 主要经济指标\n"
                                  "          columns: [指标, 数值]\n"
                                  "          rows: [[生产总值, 960.2], [民生支出, 150.4], "
                                  "[签约率, {progress: 99.31}], [新增指标, 1]]\n");
    const diff_section *s = &p.m->sections[0];
    assert_int_equal(s->nblocks, 1);
    const diff_block *b = &s->blocks[0];
    assert_int_equal(b->kind, DIFF_BLOCK_TABLE);
    assert_int_equal(b->status, DIFF_CHANGED);
    expect_text(&b->table.caption, "主要{+经济+}指标");
    assert_false(b->table.heads_changed);
    assert_int_equal(b->table.nrows, 3);
    assert_int_equal(b->table.rows[0].after_index, 0);
    expect_text(&b->table.rows[0].cells[1], "[-957.1-]{+960.2+}");
    expect_text(&b->table.rows[1].cells[1], "[-99.29%-]{+99.31%+}");
    assert_int_equal(b->table.rows[2].status, DIFF_ADDED);
    assert_int_equal(b->table.rows[2].after_index, 3);
    pair_free(&p);
}

/* ---- tasks ---- */

static const char TASKS[] =
    HEAD "  - title: 城市建设\n    content:\n      - tasks:\n"
         "          - {name: 老旧小区改造, target: 35, done: 21, unit: 个}\n"
         "          - {name: 雨污分流改造, target: 389, done: 105, unit: 个}\n"
         "          - {name: 道路品质提升, target: 12, unit: 条}\n"
         "          - {name: 违建拆除, target: 70, done: 70, unit: 栋}\n";

static const diff_task *task_named(const diff_area *a, const char *name)
{
    for (size_t i = 0; i < a->ntasks; i++) {
        const report_task *t = a->tasks[i].after ? a->tasks[i].after : a->tasks[i].before;
        if (strcmp(t->name.s, name) == 0)
            return &a->tasks[i];
    }
    return NULL;
}

static void test_tasks_by_name(void **state)
{
    (void)state;
    pair p =
        compare(TASKS, HEAD "  - title: 城市建设\n    content:\n      - tasks:\n"
                            "          - {name: 雨污分流改造, target: 389, done: 105, unit: 个}\n"
                            "          - {name: 老旧小区改造, target: 35, done: 23, unit: 个}\n"
                            "          - {name: 道路品质提升, target: 12, done: 9, unit: 条}\n"
                            "          - {name: 社区康复工作站, target: 9, done: 6, unit: 个}\n");
    assert_int_equal(p.m->nsections, 1);
    const diff_area *a = p.m->sections[0].area;
    assert_non_null(a);
    assert_int_equal(a->ntasks, 4); /* the moved one unchanged is not listed */
    const diff_task *t = task_named(a, "老旧小区改造");
    assert_non_null(t);
    assert_int_equal(t->status, DIFF_CHANGED);
    assert_true(t->done_changed);
    assert_false(t->target_changed);
    assert_string_equal(t->completion_before, "60.0%");
    assert_string_equal(t->completion_after, "65.7%");
    assert_int_equal(t->status_before, REPORT_TASK_BEHIND); /* 66.3% of the year gone */
    assert_int_equal(t->status_after, REPORT_TASK_BEHIND);
    t = task_named(a, "道路品质提升");
    assert_string_equal(t->completion_before, "未报告");
    assert_string_equal(t->completion_after, "75.0%");
    assert_int_equal(t->status_after, REPORT_TASK_ON_TRACK);
    assert_int_equal(task_named(a, "社区康复工作站")->status, DIFF_ADDED);
    assert_int_equal(task_named(a, "违建拆除")->status, DIFF_REMOVED);
    assert_null(task_named(a, "雨污分流改造"));
    /* means over the reported tasks, capped at 100% */
    assert_string_equal(a->mean_before, "62.3%");
    assert_string_equal(a->mean_after, "58.6%");
    assert_int_equal(p.m->counts.tasks_changed, 2);
    assert_int_equal(p.m->counts.tasks_added, 1);
    assert_int_equal(p.m->counts.tasks_removed, 1);
    pair_free(&p);
}

/* Time passing is a change too: same figures, a later date, behind now. */
static void test_task_status_by_date(void **state)
{
    (void)state;
    static const char before[] = "briefc: 1\nmeta: {title: 简报, date: 2017-06-30}\n"
                                 "sections:\n  - title: 甲\n    content:\n      - tasks:\n"
                                 "          - {name: 改造, target: 10, done: 5}\n";
    pair p = compare(before, "briefc: 1\nmeta: {title: 简报, date: 2017-09-30}\n"
                             "sections:\n  - title: 甲\n    content:\n      - tasks:\n"
                             "          - {name: 改造, target: 10, done: 5}\n");
    assert_int_equal(p.m->nmeta, 1);
    assert_string_equal(p.m->meta[0].key, "date");
    const diff_task *t = &p.m->sections[0].area->tasks[0];
    assert_false(t->done_changed || t->completion_changed);
    assert_int_equal(t->status_before, REPORT_TASK_ON_TRACK);
    assert_int_equal(t->status_after, REPORT_TASK_BEHIND);
    assert_true(t->status_changed);
    pair_free(&p);
}

/* ---- meta and closing ---- */

static void test_meta_and_closing(void **state)
{
    (void)state;
    static const char before[] = "briefc: 1\nmeta: {title: 罗湖简报, date: 2017-08-30, version: 3, "
                                 "keywords: [罗湖, 全会]}\n"
                                 "sections:\n  - title: 甲\n    content: [内容。]\n"
                                 "closing: [奏国际歌，全会闭幕。]\n";
    pair p = compare(before, "briefc: 1\nmeta: {title: 罗湖简报, date: 2017-09-15, version: 4, "
                             "keywords: [罗湖, 全会, 棚改]}\n"
                             "sections:\n  - title: 甲\n    content: [内容。]\n"
                             "closing: [奏国际歌，全会胜利闭幕。]\n");
    assert_int_equal(p.m->nmeta, 3);
    assert_string_equal(p.m->meta[0].key, "version");
    assert_string_equal(p.m->meta[0].label, "版本");
    expect_text(&p.m->meta[0].text, "[-3-]{+4+}");
    expect_text(&p.m->meta[1].text, "[-2017-08-30-]{+2017-09-15+}");
    expect_text(&p.m->meta[2].text, "罗湖、全会{+、棚改+}");
    assert_int_equal(p.m->nsections, 0);
    assert_int_equal(p.m->nclosing, 1);
    expect_text(&p.m->closing[0].text, "奏国际歌，全会{+胜利+}闭幕。");
    pair_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_report),
        cmocka_unit_test(test_section_renamed),
        cmocka_unit_test(test_section_renamed_wholly),
        cmocka_unit_test(test_section_inserted_and_removed),
        cmocka_unit_test(test_nested_sections),
        cmocka_unit_test(test_paragraph_inserted),
        cmocka_unit_test(test_paragraph_edited_and_replaced),
        cmocka_unit_test(test_table_rows),
        cmocka_unit_test(test_tasks_by_name),
        cmocka_unit_test(test_task_status_by_date),
        cmocka_unit_test(test_meta_and_closing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
