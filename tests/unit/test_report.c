/* test_report.c — the YAML tree loader and the report validator: every
 * error message with its exact line and column, and the model of a report
 * that uses every key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "report/report.h"

static diag_list diags;

/* Write text to a scratch file with the given extension and load it. */
static report *load_text(const char *ext, const char *text)
{
    static int serial;
    char path[256];
    snprintf(path, sizeof path, "/tmp/briefc_test_report_%d_%d.%s", (int)getpid(), serial++, ext);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(text, 1, strlen(text), f);
    fclose(f);
    diag_list_free(&diags);
    report *r = report_load(path, &diags);
    remove(path);
    return r;
}

static report *load_yaml(const char *text)
{
    return load_text("yaml", text);
}

static void dump_diags(void)
{
    for (size_t i = 0; i < diags.count; i++)
        print_message("  have %d:%d: %s: %s\n", diags.items[i].line, diags.items[i].col,
                      diags.items[i].level == DIAG_ERROR ? "error" : "warning",
                      diags.items[i].message);
}

/* Assert that a diagnostic with exactly this level, place and message exists. */
static void expect_diag(diag_level level, int line, int col, const char *message)
{
    for (size_t i = 0; i < diags.count; i++) {
        const diag *g = &diags.items[i];
        if (g->level == level && g->line == line && g->col == col &&
            strcmp(g->message, message) == 0)
            return;
    }
    print_message("missing %d:%d: %s\n", line, col, message);
    dump_diags();
    fail();
}

static void expect_error(int line, int col, const char *message)
{
    expect_diag(DIAG_ERROR, line, col, message);
}

static void expect_only_error(int line, int col, const char *message)
{
    if (diags.count != 1)
        dump_diags();
    assert_int_equal(diags.count, 1);
    expect_error(line, col, message);
}

static void expect_warning(int line, int col, const char *message)
{
    expect_diag(DIAG_WARNING, line, col, message);
}

#define HEAD "briefc: 1\nmeta:\n  title: T\n  date: 2017-08-30\n"

/* A report whose first section's content is `content` (indented by caller). */
static report *load_content(const char *content)
{
    char buf[4096];
    snprintf(buf, sizeof buf, HEAD "sections:\n  - title: S\n    content:\n%s", content);
    return load_yaml(buf);
}

static int teardown(void **state)
{
    (void)state;
    diag_list_free(&diags);
    return 0;
}

/* ------------------------------ the model ------------------------------ */

static void test_full_report_model(void **state)
{
    (void)state;
    diag_list_free(&diags);
    report *r = report_load(TESTS_DIR "/fixtures/report/full.yaml", &diags);
    dump_diags();
    assert_non_null(r);
    assert_int_equal(diags.count, 0);
    const report_meta *m = &r->meta;
    assert_string_equal(m->title.s, "罗湖区委七届四次全会会议简报");
    assert_int_equal(m->title.line, 4);
    assert_int_equal(m->title.col, 10);
    assert_true(m->title.exact_cols);
    assert_string_equal(m->short_title.s, "罗湖区委七届四次全会");
    assert_string_equal(m->subtitle.s, "区委常委会工作报告要点");
    assert_string_equal(m->organization.s, "中共深圳市罗湖区委员会");
    assert_int_equal(m->date.year, 2017);
    assert_int_equal(m->date.month, 8);
    assert_int_equal(m->date.day, 30);
    assert_string_equal(m->version.text, "2");
    assert_string_equal(m->id.s, "LH-2017-0830");
    assert_string_equal(m->classification.s, "内部资料");
    assert_string_equal(m->copy.s, "000123");
    assert_int_equal(m->copy.col, 10); /* after the opening quote */
    assert_string_equal(m->editor.s, "见习编辑 周梦璇");
    assert_string_equal(m->subject.s, "全会工作报告");
    assert_int_equal(m->nkeywords, 3);
    assert_string_equal(m->keywords[2].s, "棚改");
    assert_string_equal(m->layout.s, "a4-report");

    assert_int_equal(r->nsections, 2);
    const report_section *s = &r->sections[0];
    assert_string_equal(s->title.s, "会议概况");
    assert_int_equal(s->line, 18);
    assert_int_equal(s->nblocks, 4);
    assert_int_equal(s->blocks[0].kind, REPORT_BLOCK_PARAGRAPH);
    const report_para *p = &s->blocks[1].para;
    assert_string_equal(p->text.s, "在保持大局稳定方面，着力抓好安全生产。");
    assert_int_equal(p->nstrong, 1);
    assert_int_equal(p->strong[0].start, 0);
    assert_int_equal(p->strong[0].end, strlen("在保持大局稳定方面，"));
    assert_false(p->text.exact_cols);

    const report_table *t = &s->blocks[2].table;
    assert_int_equal(s->blocks[2].kind, REPORT_BLOCK_TABLE);
    assert_string_equal(t->caption.s, "主要指标");
    assert_int_equal(t->ncolumns, 5);
    assert_string_equal(t->columns[3].s, "同比/占比");
    assert_string_equal(t->widths[0].text, "4");
    assert_true(t->widths[4].value == 3);
    assert_int_equal(t->nrows, 3);
    assert_string_equal(t->rows[0][1].text.s, "957.1");
    assert_string_equal(t->rows[0][4].text.s, "");
    assert_true(t->rows[1][4].is_progress);
    assert_string_equal(t->rows[1][4].progress.text, "99.29");
    assert_string_equal(t->rows[2][1].text.s, "73.30");
    assert_string_equal(t->rows[2][4].progress.text, "73.30");
    assert_string_equal(t->note.s, "数据截至8月29日。");

    const report_block *b = &s->blocks[3];
    assert_int_equal(b->kind, REPORT_BLOCK_TASKS);
    assert_int_equal(b->ntasks, 2);
    const report_task *k = &b->tasks[0];
    assert_string_equal(k->name.s, "老旧住宅区消防管网排查治理");
    assert_string_equal(k->target.text, "179");
    assert_true(k->done.value == 120);
    assert_string_equal(k->unit.s, "个");
    assert_true(k->estimated);
    assert_string_equal(k->note.s, "9月底前完成");
    const report_task *k2 = &b->tasks[1];
    assert_null(k2->done.text);
    assert_false(k2->estimated);
    assert_int_equal(k2->start.month, 1); /* defaults from meta.date's year */
    assert_int_equal(k2->start.day, 1);
    assert_int_equal(k2->due.year, 2017);
    assert_int_equal(k2->due.month, 12);
    assert_int_equal(k2->due.day, 31);

    const report_section *s2 = &r->sections[1];
    assert_int_equal(s2->nblocks, 1);
    assert_int_equal(s2->blocks[0].kind, REPORT_BLOCK_SUMMARY);
    assert_string_equal(s2->blocks[0].summary.s, "各工作领域总体进度");
    assert_int_equal(s2->nsections, 2);
    assert_int_equal(s2->sections[0].blocks[0].tasks[0].due.month, 9);
    assert_int_equal(s2->sections[0].blocks[0].tasks[0].due.day, 30);
    assert_int_equal(r->nclosing, 1);
    assert_string_equal(r->closing[0].text.s, "奏国际歌，全会闭幕。");
    report_free(r);
}

static void test_defaults_and_text_as_written(void **state)
{
    (void)state;
    report *r = load_yaml("briefc: 1\nmeta:\n  title: 2017\n  subtitle: 副题\n  date: "
                          "2017-08-30\nsections:\n  - title: 1.5\n");
    assert_non_null(r);
    assert_string_equal(r->meta.title.s, "2017");
    assert_string_equal(r->meta.short_title.s, "2017");
    assert_string_equal(r->meta.subject.s, "副题");
    assert_string_equal(r->meta.version.text, "1");
    assert_true(r->meta.version.value == 1);
    assert_string_equal(r->sections[0].title.s, "1.5");
    assert_null(r->closing);
    report_free(r);
}

/* ---------------------------- syntax errors ---------------------------- */

static void test_malformed_yaml(void **state)
{
    (void)state;
    assert_null(load_yaml("briefc: 1\nmeta: [1, 2\nsections: 3\n"));
    expect_only_error(3, 9,
                      "did not find expected ',' or ']' while parsing a flow sequence (at line "
                      "2, column 7)");
    assert_null(load_yaml("briefc: 1\nmeta:\n\ttitle: x\n"));
    assert_int_equal(diags.errors, 1);
    assert_int_equal(diags.items[0].line, 3);
    assert_int_equal(diags.items[0].col, 1);
    assert_non_null(strstr(diags.items[0].message, "tab"));
    assert_null(load_yaml("a: 1\n---\nb: 2\n"));
    expect_only_error(3, 1, "expected a single document, found a second one");
}

static void test_empty_file(void **state)
{
    (void)state;
    assert_null(load_yaml(""));
    expect_only_error(1, 1, "empty file: expected a mapping with 'briefc: 1'");
    assert_null(load_yaml("# only a comment\n\n"));
    expect_only_error(1, 1, "empty file: expected a mapping with 'briefc: 1'");
    assert_null(load_text("json", " \n "));
    expect_only_error(1, 1, "empty file: expected a mapping with 'briefc: 1'");
}

static void test_not_utf8(void **state)
{
    (void)state;
    assert_null(load_yaml("briefc: 1\nmeta:\n  title: caf\xe9\n"));
    expect_only_error(3, 13, "invalid UTF-8 (byte 0xE9); the file must be saved as UTF-8");
    assert_null(load_text("json", "{\"a\":\n \"\xe4\xb8\"}"));
    expect_only_error(2, 3, "invalid UTF-8 (byte 0xE4); the file must be saved as UTF-8");
}

static void test_malformed_json_via_report(void **state)
{
    (void)state;
    assert_null(load_text("json", "{\"briefc\": 1,\n \"meta\": {\"title\": \"x\",}}"));
    expect_only_error(2, 24, "trailing comma before '}' (expected a string key)");
    assert_null(load_text("json", "{\"briefc\": 1, // version\n}"));
    expect_only_error(1, 15,
                      "expected a string key in double quotes, got '/' (comments are "
                      "not allowed in JSON)");
    assert_null(load_text("json", "{'briefc': 1}"));
    expect_only_error(1, 2,
                      "expected a string key in double quotes, got ''' (JSON strings take "
                      "double quotes)");
}

static void test_alias_bomb_rejected_fast(void **state)
{
    (void)state;
    char buf[4096] = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (char c = 'b'; c <= 'i'; c++) {
        size_t n = strlen(buf);
        snprintf(buf + n, sizeof buf - n, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n",
                 c, c, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
    }
    clock_t t0 = clock();
    assert_null(load_yaml(buf));
    double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(seconds < 0.5);
    expect_only_error(7, 4,
                      "too many alias expansions (this would expand to more than 1000000 "
                      "nodes)");
    /* A few aliases are fine: the tree shares the node. */
    arena *a = arena_new();
    diag_list d = {0};
    report_node *root = report_tree_load_buffer("x.yaml", "a: &x {k: v}\nb: *x\n", 19, a, &d);
    assert_non_null(root);
    assert_int_equal(d.count, 0);
    assert_ptr_equal(report_node_get(root, "a"), report_node_get(root, "b"));
    assert_string_equal(report_node_get(report_node_get(root, "b"), "k")->text, "v");
    assert_null(report_node_get(root, "c"));
    /* An alias inside its own anchor would loop forever. */
    assert_null(report_tree_load_buffer("x.yaml", "a: &x [1, *x]\n", 14, a, &d));
    assert_int_equal(d.errors, 1);
    assert_string_equal(d.items[0].message, "alias refers to a node that contains it");
    diag_list_free(&d);
    arena_free(a);
}

static void test_tree_positions_and_quoting(void **state)
{
    (void)state;
    arena *a = arena_new();
    diag_list d = {0};
    const char *src = "k: 罗湖 x\nq: '罗''湖'\nd: \"a\\tb\"\nn: 73.30\nb: |\n  x\n";
    report_node *root = report_tree_load_buffer("t.yaml", src, strlen(src), a, &d);
    assert_non_null(root);
    report_node *k = report_node_get(root, "k"), *q = report_node_get(root, "q"),
                *dq = report_node_get(root, "d");
    assert_int_equal(k->line, 1);
    assert_int_equal(k->col, 4);
    assert_int_equal(k->text_col, 4);
    assert_false(k->quoted);
    assert_string_equal(q->text, "罗'湖");
    assert_true(q->quoted);
    assert_int_equal(q->text_col, 0); /* '' is an escape */
    assert_string_equal(dq->text, "a\tb");
    assert_int_equal(dq->text_col, 0);
    assert_string_equal(report_node_get(root, "n")->text, "73.30");
    assert_false(report_node_get(root, "n")->quoted);
    assert_true(report_node_get(root, "b")->quoted);
    assert_int_equal(report_node_get(root, "b")->text_col, 0);
    diag_list_free(&d);
    arena_free(a);
}

/* ------------------------------ key errors ----------------------------- */

static void test_missing_meta_keys(void **state)
{
    (void)state;
    assert_null(load_yaml("briefc: 1\nmeta:\n  subtitle: x\nsections:\n  - title: S\n"));
    assert_int_equal(diags.errors, 2);
    expect_error(2, 1, "missing required key 'title' in meta");
    expect_error(2, 1, "missing required key 'date' in meta");
    assert_null(load_yaml("\n# c\nmeta:\n  title: T\n  date: 2017-08-30\nsections:\n  - title: "
                          "S\n"));
    expect_only_error(3, 1, "missing required key 'briefc' at the top level");
}

static void test_unknown_key(void **state)
{
    (void)state;
    assert_null(load_content("      - table:\n          colums: [a]\n          columns: [a]\n"
                             "          rows: [[1]]\n"));
    expect_only_error(9, 11, "unknown key 'colums' in table (did you mean 'columns'?)");
    assert_null(load_yaml(HEAD "  foo: 1\nsections:\n  - title: S\n"));
    expect_only_error(5, 3,
                      "unknown key 'foo' in meta (expected one of: title, short_title, subtitle, "
                      "organization, date, version, id, classification, copy, editor, subject, "
                      "keywords, layout, lang)");
}

static void test_duplicate_key(void **state)
{
    (void)state;
    assert_null(load_yaml(HEAD "  title: U\nsections:\n  - title: S\n"));
    expect_only_error(5, 3, "duplicate key 'title' (first at line 3)");
}

/* ------------------------------ value errors --------------------------- */

static void test_wrong_types(void **state)
{
    (void)state;
    assert_null(load_content("      - tasks:\n          - name: [a]\n            target: \"179\"\n"
                             "            done: abc\n            estimated: yes\n"));
    assert_int_equal(diags.errors, 4);
    expect_error(9, 19, "expected text, got a list");
    expect_error(10, 21, "expected a number, got '179' in quotes (remove the quotes)");
    expect_error(11, 19, "expected a number, got 'abc'");
    expect_error(12, 24, "expected true or false, got 'yes'");
}

static void test_top_level_and_keywords(void **state)
{
    (void)state;
    assert_null(load_yaml("- briefc: 1\n"));
    expect_only_error(1, 1, "expected a mapping with 'briefc: 1' at the top level, got a list");
    assert_null(load_yaml(HEAD "  keywords: 罗湖\nsections:\n  - title: S\n"));
    expect_only_error(5, 13, "expected a list of keywords, got '罗湖'");
    assert_null(load_yaml(HEAD "sections: []\n"));
    expect_only_error(5, 11, "expected at least one section");
}

static void test_dates_and_versions(void **state)
{
    (void)state;
    assert_null(load_yaml("briefc: 2\nmeta:\n  title: T\n  date: 2017-02-30\n  version: 0\n"
                          "sections:\n  - title: S\n"));
    assert_int_equal(diags.errors, 3);
    expect_error(1, 9, "unsupported format version 2 (expected briefc: 1)");
    expect_error(4, 9, "expected a date YYYY-MM-DD, got '2017-02-30' (no such day)");
    expect_error(5, 12, "expected an integer >= 1, got 0");
    assert_null(load_yaml("briefc: 1\nmeta:\n  title: T\n  date: 2017-8-30\nsections:\n  - "
                          "title: S\n"));
    expect_only_error(4, 9, "expected a date YYYY-MM-DD, got '2017-8-30'");
    report *r = load_yaml("briefc: 1\nmeta:\n  title: T\n  date: 2016-02-29\nsections:\n  - "
                          "title: S\n");
    assert_non_null(r); /* a leap day */
    report_free(r);
}

static void test_section_without_title(void **state)
{
    (void)state;
    assert_null(load_yaml(HEAD "sections:\n  - content: [x]\n  - title: B\n    sections:\n"
                               "      - content: [y]\n"));
    assert_int_equal(diags.errors, 2);
    expect_error(6, 5, "missing required key 'title' in section");
    expect_error(9, 9, "missing required key 'title' in section");
}

static void test_table_rules(void **state)
{
    (void)state;
    assert_null(load_content("      - table:\n          columns: [a, b, c, d, e]\n"
                             "          widths: [1, 2, 0, 1]\n"
                             "          rows:\n"
                             "            - [1, 2, 3, 4, 5]\n"
                             "            - [1, 2, 3, 4, 5]\n"
                             "            - [1, 2, 3, 4]\n"
                             "            - [1, 2, 3, 4, {progress: -5}]\n"
                             "            - [1, 2, 3, 4, {progress: abc}]\n"
                             "            - [1, 2, 3, 4, {progres: 1}]\n"));
    expect_error(10, 19, "widths has 4 entries, expected 5 (one per column)");
    expect_error(14, 15, "row 3 has 4 cells, expected 5 (one per column)");
    expect_error(15, 39, "progress must be >= 0, got -5");
    expect_error(16, 39, "expected a number, got 'abc'");
    /* one error for a misspelt required key, not an unknown and a missing one */
    expect_error(17, 29,
                 "unknown key 'progres' in a table cell (did you mean 'progress'? 'progress' is "
                 "required in a table cell)");
    assert_int_equal(diags.errors, 5);
    assert_null(load_content("      - table:\n          columns: [a]\n          widths: [0]\n"
                             "          rows: [[x]]\n"));
    expect_only_error(10, 20, "a width must be > 0, got 0");
    assert_null(load_content("      - table:\n          caption: x\n"));
    assert_int_equal(diags.errors, 2);
    expect_error(8, 9, "missing required key 'columns' in table");
    expect_error(8, 9, "missing required key 'rows' in table");
}

static void test_task_rules(void **state)
{
    (void)state;
    assert_null(
        load_content("      - tasks:\n"
                     "          - {name: a, target: 0, done: -1}\n"
                     "          - {name: b, target: 5, start: 2017-06-01, due: 2017-01-31}\n"
                     "          - {name: c, target: 5, start: 2018-01-05}\n"
                     "          - {target: 5}\n"));
    assert_int_equal(diags.errors, 5);
    expect_error(9, 31, "target must be > 0, got 0");
    expect_error(9, 40, "done must be >= 0, got -1");
    expect_error(10, 58, "due 2017-01-31 is before start 2017-06-01");
    expect_error(11, 41, "start 2018-01-05 is after due 2017-12-31 (31 December)");
    expect_error(12, 13, "missing required key 'name' in task");
}

static void test_block_shapes(void **state)
{
    (void)state;
    assert_null(load_content("      - [a]\n      - {table: {columns: [a], rows: [[1]]}, tasks: "
                             "[{name: x, target: 1}]}\n      - {tabel: 1}\n"));
    assert_int_equal(diags.errors, 3);
    expect_error(8, 9,
                 "expected a paragraph (text) or a block (table, tasks or summary), got a "
                 "list");
    expect_error(9, 46, "a block has one key; start a new list item ('- ') for 'tasks'");
    expect_error(10, 10,
                 "unknown key 'tabel' in content (a block is table, tasks or summary) "
                 "(did you mean 'table'?)");
}

static void test_summary_without_areas_is_dropped(void **state)
{
    (void)state;
    report *r = load_content("      - summary: 总体进度\n      - 正文。\n");
    assert_non_null(r);
    expect_warning(8, 9,
                   "summary has nothing to summarise: no subsection of this section has "
                   "tasks (left out)");
    assert_int_equal(r->sections[0].nblocks, 1);
    assert_int_equal(r->sections[0].blocks[0].kind, REPORT_BLOCK_PARAGRAPH);
    report_free(r);
}

static void test_many_errors_in_one_run(void **state)
{
    (void)state;
    assert_null(load_yaml("briefc: 3\nmeta:\n  titel: x\n  date: 2017-13-01\nsections:\n"
                          "  - title: A\n    content:\n      - tasks: [{name: a, target: -1}]\n"
                          "closing:\n  - {a: b}\n"));
    assert_int_equal(diags.errors, 5);
    expect_error(1, 9, "unsupported format version 3 (expected briefc: 1)");
    expect_error(3, 3,
                 "unknown key 'titel' in meta (did you mean 'title'? 'title' is required in "
                 "meta)");
    expect_error(4, 9, "expected a date YYYY-MM-DD, got '2017-13-01' (no such day)");
    expect_error(8, 35, "target must be > 0, got -1");
    expect_error(10, 5, "expected a paragraph (text), got a mapping");
}

/* ---------------------------- author text ------------------------------ */

static void test_strong_spans(void **state)
{
    (void)state;
    report *r = load_content("      - 甲**乙丙**丁**戊**\n      - 无**闭合\n      - 平文\n");
    assert_non_null(r);
    const report_para *p = &r->sections[0].blocks[0].para;
    assert_string_equal(p->text.s, "甲乙丙丁戊");
    assert_int_equal(p->nstrong, 2);
    assert_int_equal(p->strong[0].start, 3);
    assert_int_equal(p->strong[0].end, 9);
    assert_int_equal(p->strong[1].start, 12);
    assert_int_equal(p->strong[1].end, 15);
    const report_para *q = &r->sections[0].blocks[1].para;
    assert_string_equal(q->text.s, "无**闭合");
    assert_int_equal(q->nstrong, 0);
    assert_true(q->text.exact_cols);
    expect_warning(9, 10,
                   "unbalanced '**': strong text is not closed; the '**' is kept as "
                   "written");
    const report_text *t = &r->sections[0].blocks[2].para.text;
    int line, col;
    report_text_position(t, strlen("平"), &line, &col);
    assert_int_equal(line, 10);
    assert_int_equal(col, 10);
    report_text_position(&p->text, 3, &line, &col); /* not exact: the scalar's start */
    assert_int_equal(line, 8);
    assert_int_equal(col, 9);
    report_free(r);
}

static void test_ascii_punctuation_warnings(void **state)
{
    (void)state;
    report *r = load_content("      - 完成,搬离(GDP)增长:好!吗?是;\n"
                             "      - 完成1,000户，增长957.1亿元，15:08开会，GDP, CPI (x) a-b。\n");
    assert_non_null(r);
    expect_warning(8, 11, "ASCII ',' in Chinese text; did you mean '，'?");
    expect_warning(8, 14, "ASCII '(' in Chinese text; did you mean '（'?");
    expect_warning(8, 18, "ASCII ')' in Chinese text; did you mean '）'?");
    expect_warning(8, 21, "ASCII ':' in Chinese text; did you mean '：'?");
    expect_warning(8, 23, "ASCII '!' in Chinese text; did you mean '！'?");
    expect_warning(8, 25, "ASCII '?' in Chinese text; did you mean '？'?");
    expect_warning(8, 27, "ASCII ';' in Chinese text; did you mean '；'?");
    assert_int_equal(diags.count, 7); /* nothing in the second paragraph */
    report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_full_report_model, teardown),
        cmocka_unit_test_teardown(test_defaults_and_text_as_written, teardown),
        cmocka_unit_test_teardown(test_malformed_yaml, teardown),
        cmocka_unit_test_teardown(test_empty_file, teardown),
        cmocka_unit_test_teardown(test_not_utf8, teardown),
        cmocka_unit_test_teardown(test_malformed_json_via_report, teardown),
        cmocka_unit_test_teardown(test_alias_bomb_rejected_fast, teardown),
        cmocka_unit_test_teardown(test_tree_positions_and_quoting, teardown),
        cmocka_unit_test_teardown(test_missing_meta_keys, teardown),
        cmocka_unit_test_teardown(test_unknown_key, teardown),
        cmocka_unit_test_teardown(test_duplicate_key, teardown),
        cmocka_unit_test_teardown(test_wrong_types, teardown),
        cmocka_unit_test_teardown(test_top_level_and_keywords, teardown),
        cmocka_unit_test_teardown(test_dates_and_versions, teardown),
        cmocka_unit_test_teardown(test_section_without_title, teardown),
        cmocka_unit_test_teardown(test_table_rules, teardown),
        cmocka_unit_test_teardown(test_task_rules, teardown),
        cmocka_unit_test_teardown(test_block_shapes, teardown),
        cmocka_unit_test_teardown(test_summary_without_areas_is_dropped, teardown),
        cmocka_unit_test_teardown(test_many_errors_in_one_run, teardown),
        cmocka_unit_test_teardown(test_strong_spans, teardown),
        cmocka_unit_test_teardown(test_ascii_punctuation_warnings, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
