/* test_json.c — the strict RFC 8259 reader: what it accepts, what it
 * refuses (with line:col and what was expected), numbers kept as written,
 * surrogate pairs, duplicate keys and the nesting limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report/report.h"

static arena *A;
static diag_list D;

static int setup(void **state)
{
    (void)state;
    A = arena_new();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    arena_free(A);
    diag_list_free(&D);
    return 0;
}

static report_node *parse(const char *text)
{
    diag_list_free(&D);
    return report_tree_load_buffer("t.json", text, strlen(text), A, &D);
}

/* The text must be refused with exactly this one error. */
static void expect_refused(const char *text, int line, int col, const char *message)
{
    report_node *root = parse(text);
    if (root || D.count != 1 || D.items[0].line != line || D.items[0].col != col ||
        strcmp(D.items[0].message, message) != 0) {
        print_message("input: %s\n", text);
        for (size_t i = 0; i < D.count; i++)
            print_message("  have %d:%d: %s\n", D.items[i].line, D.items[i].col,
                          D.items[i].message);
        print_message("  want %d:%d: %s\n", line, col, message);
        fail();
    }
}

static void test_accepts_values(void **state)
{
    (void)state;
    report_node *root = parse("{\"a\": [1, -0.5e+3, 73.30, 1E10, 0],\n \"b\": true, \"c\": false,"
                              " \"d\": null, \"e\": \"x\", \"f\": {}, \"g\": []}");
    assert_non_null(root);
    assert_int_equal(D.count, 0);
    assert_int_equal(root->kind, REPORT_NODE_MAPPING);
    assert_int_equal(root->npairs, 7);
    report_node *a = report_node_get(root, "a");
    assert_int_equal(a->kind, REPORT_NODE_SEQUENCE);
    assert_int_equal(a->count, 5);
    assert_string_equal(a->items[1]->text, "-0.5e+3");
    assert_string_equal(a->items[2]->text, "73.30"); /* as written */
    assert_string_equal(a->items[3]->text, "1E10");
    assert_false(a->items[2]->quoted);
    assert_string_equal(report_node_get(root, "b")->text, "true");
    assert_false(report_node_get(root, "b")->quoted);
    assert_string_equal(report_node_get(root, "d")->text, "null");
    assert_true(report_node_get(root, "e")->quoted);
    assert_int_equal(report_node_get(root, "f")->npairs, 0);
    assert_int_equal(report_node_get(root, "g")->count, 0);
    /* positions: line 2, column in characters */
    report_node *b = report_node_get(root, "b");
    assert_int_equal(b->line, 2);
    assert_int_equal(b->col, 7);
    assert_int_equal(root->pairs[1].key->col, 2);
}

static void test_positions_count_characters(void **state)
{
    (void)state;
    report_node *root = parse("{\"罗湖\": \"全会\", \"n\": 1}");
    assert_non_null(root);
    report_node *v = report_node_get(root, "罗湖");
    assert_int_equal(v->col, 8);
    assert_int_equal(v->text_col, 9); /* inside the quotes */
    assert_int_equal(report_node_get(root, "n")->col, 19);
    /* Escapes make the text differ from the source: no exact columns. */
    root = parse("[\"a\\nb\"]");
    assert_string_equal(root->items[0]->text, "a\nb");
    assert_int_equal(root->items[0]->text_col, 0);
}

static void test_escapes_and_surrogates(void **state)
{
    (void)state;
    report_node *root = parse("[\"\\ud842\\udfb7\", \"\\u7f57\\u6E56\", \"\\\"\\\\\\/\\n\\t\"]");
    assert_non_null(root);
    assert_int_equal(D.count, 0);
    assert_string_equal(root->items[0]->text, "𠮷");
    assert_int_equal(root->items[0]->len, 4);
    assert_string_equal(root->items[1]->text, "罗湖");
    assert_string_equal(root->items[2]->text, "\"\\/\n\t");
    expect_refused("[\"\\ud842\"]", 1, 3,
                   "lone high surrogate \\uD842 (expected a low surrogate \\uDC00-\\uDFFF after "
                   "it)");
    expect_refused("[\"\\ud842\\u0041\"]", 1, 3,
                   "lone high surrogate \\uD842 (expected a low surrogate \\uDC00-\\uDFFF after "
                   "it)");
    expect_refused("[\"x\\udfb7\"]", 1, 4,
                   "lone low surrogate \\uDFB7 (expected a high surrogate first)");
    expect_refused("[\"\\x41\"]", 1, 3,
                   "invalid escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
    expect_refused("[\"\\u12G4\"]", 1, 3, "expected four hex digits after '\\u'");
    expect_refused("[\"a\tb\"]", 1, 4, "tab in a string (write it as \\t)");
    expect_refused("[\"a\x1b\"]", 1, 4,
                   "control character U+001B in a string (JSON does not allow it)");
    /* A quote left out: the error is where the string opens, not at the line's end. */
    expect_refused("{\"title\": \"罗湖,\n \"date\": 1}", 1, 11,
                   "unclosed string: no closing '\"' before the end of the line (write a line "
                   "break inside a string as \\n)");
    expect_refused("[\"abc", 1, 2, "unclosed string: no closing '\"' before the end of the file");
}

static void test_refuses_non_json(void **state)
{
    (void)state;
    expect_refused("[1, 2,]", 1, 7, "trailing comma before ']' (expected a value)");
    expect_refused("{\"a\": 1,\n}", 2, 1, "trailing comma before '}' (expected a string key)");
    expect_refused("{\"a\": 1 // no\n}", 1, 9,
                   "expected ',' or '}' after object member, got '/' (comments are not allowed "
                   "in JSON)");
    expect_refused("/* c */ {}", 1, 1,
                   "expected a value (object, array, string, number, true, false or null), got "
                   "'/' (comments are not allowed in JSON)");
    expect_refused("{'a': 1}", 1, 2,
                   "expected a string key in double quotes, got ''' (JSON strings take double "
                   "quotes)");
    expect_refused("['a']", 1, 2,
                   "expected a value (object, array, string, number, true, false or null), got "
                   "''' (JSON strings take double quotes)");
    expect_refused("[01]", 1, 2, "leading zeros are not allowed in JSON numbers");
    expect_refused("[-01]", 1, 3, "leading zeros are not allowed in JSON numbers");
    expect_refused("[NaN]", 1, 2,
                   "expected a value (object, array, string, number, true, false or null), got "
                   "'N'");
    expect_refused("[Infinity]", 1, 2,
                   "expected a value (object, array, string, number, true, false or null), got "
                   "'I'");
    expect_refused("[-]", 1, 3, "expected a digit after '-'");
    expect_refused("[1.]", 1, 4, "expected a digit after '.'");
    expect_refused("[.5]", 1, 2,
                   "expected a value (object, array, string, number, true, false or null), got "
                   "'.'");
    expect_refused("[+1]", 1, 2,
                   "expected a value (object, array, string, number, true, false or null), got "
                   "'+'");
    expect_refused("[1e]", 1, 4, "expected a digit in the exponent");
    expect_refused("[1 2]", 1, 4, "expected ',' or ']' after array element, got '2'");
    expect_refused("{\"a\" 1}", 1, 6, "expected ':' after object key, got '1'");
    expect_refused("{\"a\": 1} x", 1, 10,
                   "expected end of file after the top-level value, got 'x'");
    expect_refused("[tru]", 1, 2,
                   "expected a value (object, array, string, number, true, false or null), got "
                   "'t'");
    expect_refused("{\"a\":", 1, 6, "expected a value, got end of file");
}

/* NUL and control characters are valid JSON escapes but never valid text:
 * the first of each string is an error at its escape, and reading goes on
 * to find the rest. */
static void test_forbidden_characters(void **state)
{
    (void)state;
    report_node *root =
        parse("{\"a\": \"主题\\u0000隐藏\",\n \"b\": \"\\u001b[31m\", \"c\": \"x\\by\\f\",\n"
              " \"d\": \"x\x7f\", \"e\": \"a\\r\\nb\", \"\\u0007\": 1}");
    assert_non_null(root);
    const struct {
        int line, col;
        const char *message;
    } want[] = {
        {1, 10, "NUL character (U+0000) in text; remove it"},
        {2, 8,
         "control character U+001B in text; remove it (tab and line feed are the only control "
         "characters allowed)"},
        {2, 28,
         "control character U+0008 in text; remove it (tab and line feed are the only control "
         "characters allowed)"},
        {3, 9,
         "control character U+007F in text; remove it (tab and line feed are the only control "
         "characters allowed)"},
        {3, 20, "carriage return (U+000D) in text; write a line break as a line feed alone"},
        {3, 29,
         "control character U+0007 in text; remove it (tab and line feed are the only control "
         "characters allowed)"},
    };
    for (size_t i = 0; i < D.count; i++)
        print_message("  have %d:%d: %s\n", D.items[i].line, D.items[i].col, D.items[i].message);
    assert_int_equal(D.count, sizeof want / sizeof *want);
    for (size_t i = 0; i < D.count; i++) {
        assert_int_equal(D.items[i].line, want[i].line);
        assert_int_equal(D.items[i].col, want[i].col);
        assert_string_equal(D.items[i].message, want[i].message);
    }
}

static void test_duplicate_keys(void **state)
{
    (void)state;
    report_node *root = parse("{\"a\": 1,\n \"b\": 2,\n \"a\": 3}");
    assert_non_null(root); /* a duplicate is an error, but the tree is still built */
    assert_int_equal(D.errors, 1);
    assert_int_equal(D.items[0].line, 3);
    assert_int_equal(D.items[0].col, 2);
    assert_string_equal(D.items[0].message, "duplicate key 'a' (first at line 1)");
    assert_string_equal(report_node_get(root, "a")->text, "1");
}

static void test_nesting_limit(void **state)
{
    (void)state;
    char deep[1200];
    memset(deep, '[', 512);
    memset(deep + 512, ']', 512);
    deep[1024] = '\0';
    assert_non_null(parse(deep));
    assert_int_equal(D.count, 0);
    memset(deep, '[', 513);
    memset(deep + 513, ']', 513);
    deep[1026] = '\0';
    expect_refused(deep, 1, 513, "nesting deeper than 512 levels");
}

static void test_empty_and_bom(void **state)
{
    (void)state;
    assert_null(parse(" \n\t "));
    assert_int_equal(D.count, 0); /* empty: the caller reports what it expected */
    report_node *root = parse("\xEF\xBB\xBF{\"a\": 1}");
    assert_non_null(root);
    assert_int_equal(root->col, 1);
    assert_int_equal(report_node_get(root, "a")->col, 7);
    /* Columns on line 1 count from the first character after the mark. */
    expect_refused("\xEF\xBB\xBF{\"a\" 1}", 1, 6, "expected ':' after object key, got '1'");
}

/* Every proper prefix of a document is incomplete: refused, never a crash. */
static void test_every_prefix_is_refused(void **state)
{
    (void)state;
    const char *doc = "{\"a\": [1, -2.5e3, \"\\ud842\\udfb7x\", {\"b\": null}], \"c\": true}";
    size_t n = strlen(doc);
    char buf[128];
    for (size_t k = 1; k < n; k++) {
        memcpy(buf, doc, k);
        diag_list_free(&D);
        assert_null(report_tree_load_buffer("t.json", buf, k, A, &D));
        assert_int_equal(D.errors, 1);
    }
    assert_non_null(parse(doc));
}

/* Minified JSON is one long line: columns are counted on from the last
 * position, not from the line's start for every value (21 s for this). */
static void test_one_line_is_read_in_linear_time(void **state)
{
    (void)state;
    const int n = 40000;
    size_t cap = (size_t)n * 16, len = 0;
    char *text = xmalloc(cap);
    len += (size_t)snprintf(text + len, cap - len, "[");
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(text + len, cap - len, "\"甲%d\"%s", i, i + 1 < n ? ", " : "]");
    clock_t t0 = clock();
    report_node *root = parse(text);
    double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    free(text);
    assert_non_null(root);
    assert_int_equal(root->count, (size_t)n);
    assert_int_equal(root->items[2]->col, 14); /* ["甲0", "甲1", "甲2" */
    print_message("  a line of %d strings read in %.3f s\n", n, seconds);
    assert_true(seconds < 1.0);
}

static void test_report_from_json(void **state)
{
    (void)state;
    diag_list_free(&D);
    report *r = report_load(TESTS_DIR "/fixtures/report/small.json", &D);
    for (size_t i = 0; i < D.count; i++)
        print_message("%d:%d: %s\n", D.items[i].line, D.items[i].col, D.items[i].message);
    assert_non_null(r);
    assert_int_equal(D.count, 0);
    assert_string_equal(r->meta.title.s, "测试简报");
    const report_block *b = &r->sections[0].blocks[1];
    assert_int_equal(b->kind, REPORT_BLOCK_TABLE);
    assert_string_equal(b->table.rows[0][1].text.s, "73.30");
    assert_string_equal(b->table.rows[0][2].progress.text, "73.30");
    const report_task *t = &r->sections[0].sections[0].blocks[0].tasks[0];
    assert_string_equal(t->name.s, "𠮷");
    assert_string_equal(t->target.text, "179");
    assert_true(t->estimated);
    assert_int_equal(t->due.month, 12);
    report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_accepts_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_positions_count_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_escapes_and_surrogates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refuses_non_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_forbidden_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nesting_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_and_bom, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_prefix_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_one_line_is_read_in_linear_time, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_from_json, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
