/* test_report_checks.c — the validator's answers to hostile and careless
 * input: numbers out of range, values that nearly are numbers or booleans,
 * meta.layout naming something other than a layout, a paragraph that YAML
 * turned into a mapping, a misspelt required key; and the same file read
 * as JSON where the reader matters. */
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

static report *load_text(const char *ext, const char *text)
{
    static int serial;
    char path[256];
    snprintf(path, sizeof path, "/tmp/briefc_test_checks_%d_%d.%s", (int)getpid(), serial++, ext);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(text, 1, strlen(text), f);
    fclose(f);
    diag_list_free(&diags);
    report *r = report_load(path, &diags);
    remove(path);
    return r;
}

static void dump_diags(void)
{
    for (size_t i = 0; i < diags.count; i++)
        print_message("  have %d:%d: %s\n", diags.items[i].line, diags.items[i].col,
                      diags.items[i].message);
}

static void expect_error(int line, int col, const char *message)
{
    for (size_t i = 0; i < diags.count; i++) {
        const diag *g = &diags.items[i];
        if (g->level == DIAG_ERROR && g->line == line && g->col == col &&
            strcmp(g->message, message) == 0)
            return;
    }
    print_message("missing %d:%d: %s\n", line, col, message);
    dump_diags();
    fail();
}

static void expect_errors(size_t n)
{
    if (diags.errors != n)
        dump_diags();
    assert_int_equal(diags.errors, n);
}

#define HEAD "briefc: 1\nmeta:\n  title: T\n  date: 2017-08-30\n"
#define TASKS HEAD "sections:\n  - title: S\n    content:\n      - tasks:\n"

static int teardown(void **state)
{
    (void)state;
    diag_list_free(&diags);
    return 0;
}

/* ------------------------------- numbers ------------------------------- */

#define RANGE "(numbers are 0 or between 1e-15 and 1e15 in size, of either sign)"

static void test_numbers_must_be_finite_and_in_range(void **state)
{
    (void)state;
    assert_null(load_text("yaml", TASKS "          - {name: a, target: 1e999, done: 1}\n"
                                        "          - {name: b, target: 1e-320, done: 1}\n"
                                        "          - {name: c, target: 1, done: 1e999}\n"
                                        "          - {name: d, target: 1e16, done: -1e999}\n"
                                        "      - table: {columns: [x], rows: [[{progress: "
                                        "1e999}]], widths: [1e-16]}\n"));
    expect_errors(7);
    expect_error(9, 31, "number 1e999 is too large " RANGE);
    expect_error(10, 31, "number 1e-320 is too small " RANGE);
    expect_error(11, 40, "number 1e999 is too large " RANGE);
    expect_error(12, 31, "number 1e16 is too large " RANGE);
    expect_error(12, 43, "number -1e999 is too large " RANGE);
    expect_error(13, 50, "number 1e999 is too large " RANGE);
    expect_error(13, 69, "number 1e-16 is too small " RANGE);
    /* The ends of the range, and zeros however written, are numbers. */
    report *r =
        load_text("yaml", TASKS "          - {name: a, target: 1e15, done: 1e-15}\n"
                                "          - {name: b, target: 1e-15, done: 0.0e-999}\n"
                                "          - {name: c, target: 999999999999999, done: 0}\n");
    if (!r)
        dump_diags();
    assert_non_null(r);
    assert_true(r->sections[0].blocks[0].tasks[1].done.value == 0);
    report_free(r);
    assert_null(load_text("yaml", "briefc: 1e999\nmeta: {title: T, date: 2017-08-30, version: "
                                  "1e400}\nsections: [{title: S}]\n"));
    expect_errors(2);
    expect_error(1, 9, "number 1e999 is too large " RANGE);
    expect_error(2, 45, "number 1e400 is too large " RANGE);
}

static void test_near_numbers_say_what_to_write(void **state)
{
    (void)state;
    assert_null(load_text("yaml",
                          TASKS "          - name: a\n"
                                "            target: \"179\"\n"
                                "            done: 85%\n"
                                "          - name: b\n"
                                "            target: 1,000\n"
                                "            done: 85％\n"
                                "          - name: c\n"
                                "            target: 1,5\n"
                                "            done: '12,345.6'\n"
                                "      - table: {columns: [x], rows: [[{progress: 85%}]]}\n"));
    expect_errors(7);
    expect_error(10, 21, "expected a number, got '179' in quotes (remove the quotes)");
    expect_error(11, 19, "expected a number, got '85%' (write 85)");
    expect_error(13, 21, "expected a number, got '1,000' (write 1000)");
    expect_error(14, 19, "expected a number, got '85％' (write 85)");
    expect_error(16, 21, "expected a number, got '1,5'"); /* a decimal comma? no guess */
    expect_error(17, 19, "expected a number, got '12,345.6' in quotes (write 12345.6)");
    expect_error(18, 50, "expected a number, got '85%' (write 85)");
    assert_null(load_text("json", "{\"briefc\": \"1\", \"meta\": {\"title\": \"T\", \"date\": "
                                  "\"2017-08-30\"}, \"sections\": [{\"title\": \"S\"}]}"));
    expect_errors(1);
    expect_error(1, 12, "expected a number, got '1' in quotes (remove the quotes)");
}

static void test_booleans_suggest_a_spelling(void **state)
{
    (void)state;
    assert_null(load_text("yaml", TASKS "          - {name: a, target: 1, estimated: ture}\n"
                                        "          - {name: b, target: 1, estimated: False}\n"
                                        "          - {name: c, target: 1, estimated: \"true\"}\n"
                                        "          - {name: d, target: 1, estimated: yes}\n"));
    expect_errors(4);
    expect_error(9, 45, "expected true or false, got 'ture' (did you mean 'true'?)");
    expect_error(10, 45, "expected true or false, got 'False' (did you mean 'false'?)");
    expect_error(11, 45,
                 "expected true or false, got a string (did you mean 'true', without quotes?)");
    expect_error(12, 45, "expected true or false, got 'yes'");
}

/* ------------------------------- layout -------------------------------- */

#define LAYOUT_EXPECTED                                                                            \
    "expected a layout name (letters, digits, '.', '_', '-', such as a4-report) or the path of "   \
    "a .yaml, .yml or .json layout file, got "

static void test_layout_reference(void **state)
{
    (void)state;
    static const char *const refused[] = {"/etc/passwd",    "../../x",         ".hidden", "a b", "",
                                          "layouts/county", "../../etc/passwd"};
    char text[512], want[512];
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        snprintf(text, sizeof text,
                 "briefc: 1\nmeta: {title: T, date: 2017-08-30, layout: \"%s\"}\n"
                 "sections: [{title: S}]\n",
                 refused[i]);
        assert_null(load_text("yaml", text));
        snprintf(want, sizeof want, LAYOUT_EXPECTED "'%s'", refused[i]);
        expect_errors(1);
        expect_error(2, 44, want);
    }
    static const char *const accepted[] = {"a4-report", "a5_booklet.v2", "../x.yaml",
                                           "/srv/layouts/county.yml", "县.json"};
    for (size_t i = 0; i < sizeof accepted / sizeof *accepted; i++) {
        snprintf(text, sizeof text,
                 "briefc: 1\nmeta: {title: T, date: 2017-08-30, layout: \"%s\"}\n"
                 "sections: [{title: S}]\n",
                 accepted[i]);
        report *r = load_text("yaml", text);
        if (!r)
            dump_diags();
        assert_non_null(r);
        assert_string_equal(r->meta.layout.s, accepted[i]);
        report_free(r);
    }
    /* A NUL cannot cut a path short: the reader refuses it, and so does this check. */
    assert_null(load_text("yaml", "briefc: 1\nmeta: {title: T, date: 2017-08-30, layout: "
                                  "\"a4-report\\0/../../etc/passwd\"}\nsections: [{title: S}]\n"));
    expect_errors(2);
    expect_error(2, 54, "NUL character (U+0000) in text; remove it");
    expect_error(2, 44, LAYOUT_EXPECTED "'a4-report'");
}

/* ------------------------------ messages ------------------------------- */

static void test_colon_paragraph(void **state)
{
    (void)state;
    assert_null(load_text("yaml", HEAD "sections:\n  - title: S\n    content:\n"
                                       "      - 县长指出: 全年完成目标。\n"
                                       "      - {tabel: 1}\n"
                                       "closing:\n  - 最后强调: 抓落实。\n  - {a: b}\n"));
    expect_errors(4);
    expect_error(8, 9,
                 "unknown key '县长指出' in content: a paragraph containing ': ' must be "
                 "quoted, or use '：'");
    expect_error(9, 10,
                 "unknown key 'tabel' in content (a block is table, tasks or summary) (did you "
                 "mean 'table'?)");
    expect_error(11, 5,
                 "unknown key '最后强调' in closing: a paragraph containing ': ' must be "
                 "quoted, or use '：'");
    expect_error(12, 5, "expected a paragraph (text), got a mapping");
}

static void test_misspelt_required_key_is_one_error(void **state)
{
    (void)state;
    assert_null(load_text("yaml", "briefc: 1\nmeta:\n  titel: T\n  date: 2017-08-30\n"
                                  "sectons:\n  - title: S\n"));
    expect_errors(2);
    expect_error(3, 3,
                 "unknown key 'titel' in meta (did you mean 'title'? 'title' is required in "
                 "meta)");
    expect_error(5, 1,
                 "unknown key 'sectons' at the top level (did you mean 'sections'? 'sections' "
                 "is required at the top level)");
    /* Given as well, the key is not missing: a plain did-you-mean. */
    assert_null(load_text("yaml", HEAD "  titel: U\nsections:\n  - title: S\n"));
    expect_errors(1);
    expect_error(5, 3, "unknown key 'titel' in meta (did you mean 'title'?)");
    /* Missing, with an unrelated unknown key: two errors, as they are two mistakes. */
    assert_null(load_text("yaml", TASKS "          - {nmae: a, target: 1}\n"
                                        "          - {name: b, foo: 1}\n"));
    expect_errors(3);
    expect_error(9, 14,
                 "unknown key 'nmae' in task (did you mean 'name'? 'name' is required in task)");
    expect_error(10, 23,
                 "unknown key 'foo' in task (expected one of: name, target, done, unit, start, "
                 "due, estimated, note)");
    expect_error(10, 13, "missing required key 'target' in task");
}

/* Each punctuation warning knows its column without counting the
 * paragraph again (18 s for this paragraph of 60,000 warnings). */
static void test_many_warnings_in_linear_time(void **state)
{
    (void)state;
    const int n = 60000;
    size_t cap = (size_t)n * 4 + 256, len = 0;
    char *text = xmalloc(cap);
    len += (size_t)snprintf(text + len, cap - len,
                            HEAD "sections:\n  - title: S\n    content:\n      - ");
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(text + len, cap - len, "甲,");
    snprintf(text + len, cap - len, "\n");
    clock_t t0 = clock();
    report *r = load_text("yaml", text);
    double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    free(text);
    assert_non_null(r);
    report_free(r);
    assert_int_equal(diags.count, (size_t)n);
    assert_int_equal(diags.items[n - 1].col, 9 + 2 * (n - 1) + 1);
    print_message("  %d warnings in %.3f s\n", n, seconds);
    assert_true(seconds < 1.0);
}

static void test_control_characters_in_text(void **state)
{
    (void)state;
    assert_null(load_text("yaml", HEAD "sections:\n  - title: S\n    content:\n"
                                       "      - \"警报\\e[31m响起\\a\"\n"));
    expect_errors(1);
    expect_error(8, 12,
                 "control character U+001B in text; remove it (tab and line feed are the only "
                 "control characters allowed)");
    /* A tab and a line break are text. */
    report *r = load_text("yaml", HEAD "sections:\n  - title: S\n    content:\n"
                                       "      - \"甲\\t乙\\n丙\"\n");
    assert_non_null(r);
    report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_numbers_must_be_finite_and_in_range, teardown),
        cmocka_unit_test_teardown(test_near_numbers_say_what_to_write, teardown),
        cmocka_unit_test_teardown(test_booleans_suggest_a_spelling, teardown),
        cmocka_unit_test_teardown(test_layout_reference, teardown),
        cmocka_unit_test_teardown(test_colon_paragraph, teardown),
        cmocka_unit_test_teardown(test_misspelt_required_key_is_one_error, teardown),
        cmocka_unit_test_teardown(test_many_warnings_in_linear_time, teardown),
        cmocka_unit_test_teardown(test_control_characters_in_text, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
