/* test_report_yaml.c — the YAML reader on libyaml's event stream: the
 * nesting limit (fast, and through aliases), anchors, byte order marks,
 * NUL and control characters at their escapes, and the syntax errors whose
 * libyaml wording hides the cause (an unclosed quote, `: ` in text). */
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

static report_node *parse_len(const char *text, size_t len)
{
    diag_list_free(&D);
    return report_tree_load_buffer("t.yaml", text, len, A, &D);
}

static report_node *parse(const char *text)
{
    return parse_len(text, strlen(text));
}

static void dump(void)
{
    for (size_t i = 0; i < D.count; i++)
        print_message("  have %d:%d: %s\n", D.items[i].line, D.items[i].col, D.items[i].message);
}

/* Exactly these errors, in this order. */
static void expect_errors(size_t n, const int *lines, const int *cols, const char *const *messages)
{
    if (D.count != n)
        dump();
    assert_int_equal(D.count, n);
    for (size_t i = 0; i < n; i++) {
        if (D.items[i].line != lines[i] || D.items[i].col != cols[i] ||
            strcmp(D.items[i].message, messages[i]) != 0) {
            dump();
            print_message("  want %d:%d: %s\n", lines[i], cols[i], messages[i]);
            fail();
        }
    }
}

static void expect_one(int line, int col, const char *message)
{
    expect_errors(1, &line, &col, &message);
}

/* ------------------------------- nesting ------------------------------- */

static double seconds_since(clock_t t0)
{
    return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

static void test_deep_flow_nesting_is_refused_fast(void **state)
{
    (void)state;
    const size_t depth = 100000;
    char *text = xmalloc(2 * depth + 8);
    memcpy(text, "x: ", 3);
    memset(text + 3, '[', depth);
    memset(text + 3 + depth, ']', depth);
    strcpy(text + 3 + 2 * depth, "\n");
    clock_t t0 = clock();
    assert_null(parse(text));
    double seconds = seconds_since(t0);
    free(text);
    expect_one(1, 515, "nesting deeper than 512 levels");
    print_message("  100,000 levels refused in %.3f s\n", seconds);
    assert_true(seconds < 0.5); /* libyaml's document loader took 20-30 s */
}

static void test_nesting_limit_is_exact(void **state)
{
    (void)state;
    char text[1100];
    memset(text, '[', 512);
    memset(text + 512, ']', 512);
    text[1024] = '\0';
    assert_non_null(parse(text));
    assert_int_equal(D.count, 0);
    memset(text, '[', 513);
    memset(text + 513, ']', 513);
    text[1026] = '\0';
    assert_null(parse(text));
    expect_one(1, 513, "nesting deeper than 512 levels");
}

/* An alias puts its anchor's whole depth where it stands: a chain of them
 * must not build a tree deeper than the limit. */
static void test_nesting_counts_through_aliases(void **state)
{
    (void)state;
    char text[4000];
    size_t n = 0;
    n += (size_t)snprintf(text + n, sizeof text - n, "a: &a ");
    memset(text + n, '[', 300), n += 300;
    memset(text + n, ']', 300), n += 300;
    n += (size_t)snprintf(text + n, sizeof text - n, "\nb: ");
    memset(text + n, '[', 300), n += 300;
    n += (size_t)snprintf(text + n, sizeof text - n, "*a");
    memset(text + n, ']', 300), n += 300;
    text[n] = '\0';
    assert_null(parse(text));
    expect_one(2, 304, "nesting deeper than 512 levels (through alias '*a')");
    /* The same alias shallower is fine, and shares the anchored node. */
    report_node *root = parse("a: &a [[1]]\nb: [*a]\n");
    assert_non_null(root);
    assert_ptr_equal(report_node_get(root, "b")->items[0], report_node_get(root, "a"));
}

/* A long line costs no more than many short ones: columns are counted on
 * from the last mark, not from the line's start for every scalar (which
 * took 108 s for this line of 80,000 keywords). */
static void test_long_line_is_read_in_linear_time(void **state)
{
    (void)state;
    const int n = 40000;
    size_t cap = (size_t)n * 24, len = 0;
    char *text = xmalloc(cap);
    len += (size_t)snprintf(text + len, cap - len, "k: [");
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(text + len, cap - len, "&k%d 甲, ", i);
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(text + len, cap - len, "*k%d, ", i);
    size_t last = len; /* bytes before the last scalar, all ASCII but the n 甲 */
    len += (size_t)snprintf(text + len, cap - len, "乙]\n");
    clock_t t0 = clock();
    report_node *root = parse_len(text, len);
    double seconds = seconds_since(t0);
    free(text);
    assert_non_null(root);
    report_node *k = report_node_get(root, "k");
    assert_int_equal(k->count, 2 * (size_t)n + 1);
    assert_ptr_equal(k->items[n + 1234], k->items[1234]);
    assert_int_equal(k->items[1]->col, 12); /* "k: [&k0 甲, &k1 甲": &k1 at 12 */
    const report_node *end = k->items[2 * n];
    assert_int_equal(end->col, (int)(last - 2 * (size_t)n) + 1); /* 甲 is 3 bytes, 1 column */
    assert_int_equal(end->text_col, end->col);
    print_message("  a line of %d scalars and aliases read in %.3f s\n", 2 * n, seconds);
    assert_true(seconds < 1.0);
}

/* ------------------------------- anchors ------------------------------- */

static void test_anchors(void **state)
{
    (void)state;
    report_node *root = parse("a: &x {k: v}\nb: *x\nc: &s text\nd: [*s, *x]\n");
    assert_non_null(root);
    assert_int_equal(D.count, 0);
    assert_ptr_equal(report_node_get(root, "a"), report_node_get(root, "b"));
    assert_ptr_equal(report_node_get(root, "d")->items[0], report_node_get(root, "c"));
    assert_ptr_equal(report_node_get(root, "d")->items[1], report_node_get(root, "a"));
    assert_null(parse("a: *nowhere\n"));
    expect_one(1, 4, "found undefined alias '*nowhere'");
    assert_null(parse("a: &x 1\nb: &x 2\n"));
    expect_one(2, 4, "duplicate anchor '&x' (first at line 1, column 4)");
    assert_null(parse("a: &x [1, *x]\n"));
    expect_one(1, 4, "alias refers to a node that contains it");
    assert_null(parse("a: &x {k: [*x]}\n"));
    expect_one(1, 4, "alias refers to a node that contains it");
}

/* Many anchors: the map grows and every alias still finds its node. */
static void test_many_anchors(void **state)
{
    (void)state;
    size_t cap = 2000 * 40, n = 0;
    char *text = xmalloc(cap);
    for (int i = 0; i < 2000; i++)
        n += (size_t)snprintf(text + n, cap - n, "k%d: &a%d [%d]\n", i, i, i);
    n += (size_t)snprintf(text + n, cap - n, "all: [");
    for (int i = 0; i < 2000; i++)
        n += (size_t)snprintf(text + n, cap - n, "%s*a%d", i ? ", " : "", i);
    snprintf(text + n, cap - n, "]\n");
    report_node *root = parse(text);
    free(text);
    assert_non_null(root);
    report_node *all = report_node_get(root, "all");
    assert_int_equal(all->count, 2000);
    assert_ptr_equal(all->items[1234], report_node_get(root, "k1234"));
    assert_string_equal(all->items[1999]->items[0]->text, "1999");
}

/* --------------------------- byte order mark --------------------------- */

static void test_byte_order_mark(void **state)
{
    (void)state;
    report_node *root = parse("\xEF\xBB\xBF"
                              "a: 1\nb: x\n");
    assert_non_null(root);
    assert_int_equal(D.count, 0);
    assert_int_equal(root->pairs[0].key->col, 1);
    assert_int_equal(report_node_get(root, "a")->col, 4);
    assert_int_equal(report_node_get(root, "a")->text_col, 4);
    assert_null(parse("\xEF\xBB\xBF"
                      "a: [1\n"));
    expect_one(2, 1,
               "did not find expected ',' or ']' while parsing a flow sequence (at line 1, "
               "column 4)");
    assert_null(parse("\xEF\xBB\xBF"
                      "a: caf\xE9\n"));
    expect_one(1, 7, "invalid UTF-8 (byte 0xE9); the file must be saved as UTF-8");
}

/* ------------------------ forbidden characters ------------------------- */

static void test_nul_and_control_characters(void **state)
{
    (void)state;
    const char *text = "meta: {title: \"主题\\0隐藏\", layout: \"a4-report\\0/../../etc/passwd\"}\n"
                       "t: \"\\e[31m红\"\n"
                       "u: &q \"ok \\\" \\x07 \\u007F\"\n"
                       "v: \"\\\n  \\r\\n\"\n"
                       "\"\\U0000001b\": 1\n"
                       "w: \"tab\\t, line\\n, \\u00e9\"\n";
    report_node *root = parse(text);
    assert_non_null(root); /* an error, but every other error is still found */
    const int lines[] = {1, 1, 2, 3, 5, 6};
    const int cols[] = {18, 43, 5, 14, 3, 2};
    const char *const control =
        "control character U+001B in text; remove it (tab and line feed are the only control "
        "characters allowed)";
    const char *const messages[] = {
        "NUL character (U+0000) in text; remove it",
        "NUL character (U+0000) in text; remove it",
        control,
        "control character U+0007 in text; remove it (tab and line feed are the only control "
        "characters allowed)",
        "carriage return (U+000D) in text; write a line break as a line feed alone",
        control,
    };
    expect_errors(6, lines, cols, messages);
    assert_int_equal(report_node_get(root, "meta")->pairs[0].value->len, 13);
    assert_string_equal(report_node_get(root, "w")->text, "tab\t, line\n, é");
    /* Written as itself, a control character is refused by libyaml's reader. */
    assert_null(parse("a: x\x1by\n"));
    expect_one(1, 5, "control character U+001B is not allowed");
    assert_null(parse("a: x\x7f\n"));
    expect_one(1, 5, "control character U+007F is not allowed");
}

/* ----------------------- syntax errors explained ----------------------- */

static void test_unclosed_quote_points_at_its_start(void **state)
{
    (void)state;
    assert_null(parse("a: 1\nb: \"罗湖\nc: 2\n"));
    expect_one(2, 4,
               "unclosed quote: the string that starts here has no closing double quote (\")");
    assert_null(parse("a: [x, '罗湖]\n"));
    expect_one(1, 8, "unclosed quote: the string that starts here has no closing single quote (')");
    assert_null(parse("a: \"x\n---\nb: 1\n"));
    expect_one(1, 4,
               "unclosed quote: the string that starts here has no closing double quote (\")");
}

static void test_colon_in_text_hint(void **state)
{
    (void)state;
    assert_null(parse("title: 总体: 情况\n"));
    expect_one(1, 10,
               "mapping values are not allowed in this context; quote text that contains ': ', "
               "or write '：'");
}

static void test_single_document(void **state)
{
    (void)state;
    assert_null(parse("a: 1\n---\nb: 2\n"));
    expect_one(3, 1, "expected a single document, found a second one");
    assert_null(parse("a: 1\n--- [x]\n"));
    expect_one(2, 5, "expected a single document, found a second one");
    assert_non_null(parse("a: 1\n...\n# the end\n"));
    assert_int_equal(D.count, 0);
    assert_null(parse("# nothing\n"));
    assert_int_equal(D.count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_deep_flow_nesting_is_refused_fast, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nesting_limit_is_exact, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nesting_counts_through_aliases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_line_is_read_in_linear_time, setup, teardown),
        cmocka_unit_test_setup_teardown(test_anchors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_anchors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_byte_order_mark, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nul_and_control_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unclosed_quote_points_at_its_start, setup, teardown),
        cmocka_unit_test_setup_teardown(test_colon_in_text_hint, setup, teardown),
        cmocka_unit_test_setup_teardown(test_single_document, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
