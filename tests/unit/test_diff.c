/* test_diff.c — the token diff: tokens (Han characters, marks, Latin runs
 * and figures as written), Myers' difference against an exact LCS, and the
 * runs of two texts (figures whole, whole-paragraph insertions, near
 * changes merged, empty sides). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff_internal.h"

/* ---- looking at the result ---- */

/* The runs as git's --word-diff=plain writes them. */
static char *word_diff(const char *before, const char *after)
{
    arena *a = arena_new();
    diff_text t;
    diff_compare_text(a, before, strlen(before), after, strlen(after), &t);
    size_t n = 1;
    for (size_t i = 0; i < t.nruns; i++)
        n += t.runs[i].len + 4;
    char *out = calloc(n, 1);
    for (size_t i = 0; i < t.nruns; i++) {
        const diff_run *r = &t.runs[i];
        strcat(out, r->op == DIFF_DELETED ? "[-" : r->op == DIFF_INSERTED ? "{+" : "");
        strncat(out, r->s, r->len);
        strcat(out, r->op == DIFF_DELETED ? "-]" : r->op == DIFF_INSERTED ? "+}" : "");
    }
    arena_free(a);
    return out;
}

static void expect_diff(const char *before, const char *after, const char *want)
{
    char *have = word_diff(before, after);
    if (strcmp(have, want) != 0) {
        print_message("%s → %s\n  have %s\n  want %s\n", before, after, have, want);
        free(have);
        fail();
    }
    free(have);
}

/* The tokens of s joined by '|'. */
static char *tokens(const char *s)
{
    diff_intern *t = diff_intern_new();
    diff_token *tok;
    size_t n = diff_tokenize(t, s, strlen(s), &tok);
    char *out = calloc(strlen(s) + n + 1, 1);
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(out, "|");
        strncat(out, s + tok[i].at, tok[i].len);
    }
    free(tok);
    diff_intern_free(t);
    return out;
}

static void expect_tokens(const char *s, const char *want)
{
    char *have = tokens(s);
    if (strcmp(have, want) != 0) {
        print_message("%s\n  have %s\n  want %s\n", s, have, want);
        free(have);
        fail();
    }
    free(have);
}

/* ---- tokens ---- */

static void test_tokens(void **state)
{
    (void)state;
    expect_tokens("完成21个", "完|成|21|个");
    expect_tokens("签约率达99.29%；", "签|约|率|达|99.29%|；");
    expect_tokens("PM2.5浓度", "PM2.5|浓|度");
    expect_tokens("截至2017-08-30。", "截|至|2017-08-30|。");
    expect_tokens("1-7月，1,000元", "1-7|月|，|1,000|元");
    expect_tokens("增长8.6%，3‰，50％", "增|长|8.6%|，|3‰|，|50％");
    /* a dot or hyphen that joins nothing is a mark of its own */
    expect_tokens("笋岗-清水河", "笋|岗|-|清|水|河");
    expect_tokens("v2.", "v2|.");
    expect_tokens("Hello  world", "Hello|  |world");
    /* combining marks and variation selectors stay with their character */
    expect_tokens("e\xCC\x81t\xC3\xA9", "e\xCC\x81t\xC3\xA9");
    expect_tokens("葛\xF3\xA0\x84\x80亮", "葛\xF3\xA0\x84\x80|亮");
    expect_tokens("", "");
}

/* ---- Myers against an exact LCS ---- */

static uint32_t next(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 16;
}

static size_t lcs(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
    size_t *row = calloc((n + 1) * (m + 1), sizeof *row);
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++)
            row[i * (m + 1) + j] = a[i - 1] == b[j - 1]
                                       ? row[(i - 1) * (m + 1) + j - 1] + 1
                                       : (row[(i - 1) * (m + 1) + j] > row[i * (m + 1) + j - 1]
                                              ? row[(i - 1) * (m + 1) + j]
                                              : row[i * (m + 1) + j - 1]);
    size_t out = row[n * (m + 1) + m];
    free(row);
    return out;
}

/* The kept items of both sides are the same sequence, and (under the cost
 * bound, which these sizes never reach) as long as an exact LCS. */
static void test_myers_is_minimal(void **state)
{
    (void)state;
    uint32_t seed = 20170830;
    for (int round = 0; round < 500; round++) {
        size_t n = next(&seed) % 60, m = next(&seed) % 60;
        uint32_t alphabet = 2 + next(&seed) % 8;
        uint32_t a[64], b[64];
        for (size_t i = 0; i < n; i++)
            a[i] = next(&seed) % alphabet;
        for (size_t j = 0; j < m; j++)
            b[j] = next(&seed) % alphabet;
        bool del[64], ins[64];
        diff_sequences(a, n, b, m, del, ins);
        uint32_t ka[64], kb[64];
        size_t nk = 0, mk = 0;
        for (size_t i = 0; i < n; i++)
            if (!del[i])
                ka[nk++] = a[i];
        for (size_t j = 0; j < m; j++)
            if (!ins[j])
                kb[mk++] = b[j];
        assert_int_equal(nk, mk);
        assert_memory_equal(ka, kb, nk * sizeof *ka);
        assert_int_equal(nk, lcs(a, n, b, m));
    }
}

/* Two long sequences with nothing in common, and two that differ in many
 * scattered places: the cost bound keeps it fast, the result is still a
 * common subsequence. */
static void test_myers_large(void **state)
{
    (void)state;
    size_t n = 200000;
    uint32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    bool *del = malloc(n), *ins = malloc(n);
    for (size_t i = 0; i < n; i++) {
        a[i] = (uint32_t)i;
        b[i] = (uint32_t)(i + n);
    }
    diff_sequences(a, n, b, n, del, ins);
    for (size_t i = 0; i < n; i++)
        assert_true(del[i] && ins[i]);
    uint32_t seed = 7;
    for (size_t i = 0; i < n; i++)
        b[i] = next(&seed) % 97 == 0 ? (uint32_t)(n + i) : a[i];
    diff_sequences(a, n, b, n, del, ins);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(del[i] == ins[i]); /* each change a replacement in place */
        kept += !del[i];
    }
    assert_true(kept > n * 95 / 100);
    free(a);
    free(b);
    free(del);
    free(ins);
}

/* ---- runs of two texts ---- */

static void test_han_text(void **state)
{
    (void)state;
    expect_diff("今年完成改造", "今年完成了改造", "今年完成{+了+}改造");
    expect_diff("切实保障公共安全", "保障公共安全", "[-切实-]保障公共安全");
    expect_diff("城市建设", "城市建设与更新", "城市建设{+与更新+}");
    expect_diff("认真学习领会", "深入学习领会", "[-认真-]{+深入+}学习领会");
}

static void test_figures_whole(void **state)
{
    (void)state;
    expect_diff("完成21个", "完成23个", "完成[-21-]{+23+}个");
    expect_diff("签约率达99.29%", "签约率达99.31%", "签约率达[-99.29%-]{+99.31%+}");
    expect_diff("完成957.1亿元", "完成960亿元", "完成[-957.1-]{+960+}亿元");
    expect_diff("截至2017-08-30", "截至2017-09-15", "截至[-2017-08-30-]{+2017-09-15+}");
}

static void test_mixed_latin(void **state)
{
    (void)state;
    expect_diff("PM2.5浓度下降", "PM10浓度下降", "[-PM2.5-]{+PM10+}浓度下降");
    expect_diff("打造珠宝工业4.0", "打造珠宝工业5.0", "打造珠宝工业[-4.0-]{+5.0+}");
    expect_diff("Hello world", "Hello brave new world", "Hello {+brave new +}world");
}

static void test_whole_paragraphs(void **state)
{
    (void)state;
    expect_diff("", "新增的一段话。", "{+新增的一段话。+}");
    expect_diff("删除的一段话。", "", "[-删除的一段话。-]");
    /* entirely different texts: one deletion, one insertion */
    expect_diff("甲乙丙", "丁戊己", "[-甲乙丙-]{+丁戊己+}");
}

static void test_near_changes_merge(void **state)
{
    (void)state;
    /* one unchanged token between two changes: one change */
    expect_diff("甲乙丙丁戊", "甲子丙寅戊", "甲[-乙丙丁-]{+子丙寅+}戊");
    /* two unchanged tokens: still one */
    expect_diff("完成21个，达标", "完成23个，已达标", "完成[-21个，-]{+23个，已+}达标");
    /* three: two changes */
    expect_diff("甲乙丙丁戊己", "子乙丙丁寅己", "[-甲-]{+子+}乙丙丁[-戊-]{+寅+}己");
    /* an insertion and a deletion one token apart */
    expect_diff("甲乙丙丁", "甲子乙丁", "甲[-乙丙-]{+子乙+}丁");
}

static void test_empty_sides(void **state)
{
    (void)state;
    arena *a = arena_new();
    diff_text t;
    diff_compare_text(a, "", 0, "", 0, &t);
    assert_false(t.changed);
    assert_int_equal(t.nruns, 0);
    diff_compare_text(a, NULL, 0, NULL, 0, &t);
    assert_false(t.changed);
    assert_string_equal(t.before, "");
    assert_string_equal(t.after, "");
    diff_compare_text(a, "同样的话。", strlen("同样的话。"), "同样的话。", strlen("同样的话。"),
                      &t);
    assert_false(t.changed);
    assert_int_equal(t.nruns, 1);
    assert_int_equal(t.runs[0].op, DIFF_EQUAL);
    arena_free(a);
}

/* Kept and inserted runs spell the text after, kept and deleted ones the
 * text before, and each run's offset finds it in its own text. */
static void test_runs_spell_both_texts(void **state)
{
    (void)state;
    static const char *const pieces[] = {"甲", "乙",     "丙",    "，", "。",
                                         "21", "99.29%", "PM2.5", " "};
    uint32_t seed = 99;
    arena *a = arena_new();
    for (int round = 0; round < 300; round++) {
        char before[512] = "", after[512] = "";
        size_t n = next(&seed) % 30;
        for (size_t i = 0; i < n; i++) {
            const char *p = pieces[next(&seed) % 9];
            strcat(before, p);
            uint32_t r = next(&seed) % 5;
            if (r == 0)
                strcat(after, pieces[next(&seed) % 9]);
            else if (r != 1)
                strcat(after, p);
        }
        diff_text t;
        diff_compare_text(a, before, strlen(before), after, strlen(after), &t);
        char b[512] = "", f[512] = "";
        for (size_t i = 0; i < t.nruns; i++) {
            const diff_run *run = &t.runs[i];
            const char *own = run->op == DIFF_DELETED ? before : after;
            assert_memory_equal(own + run->at, run->s, run->len);
            if (run->op != DIFF_INSERTED)
                strncat(b, run->s, run->len);
            if (run->op != DIFF_DELETED)
                strncat(f, run->s, run->len);
            if (i > 0 && run->op == DIFF_INSERTED && t.runs[i - 1].op == DIFF_DELETED)
                continue;
            if (i > 0) /* no two runs of one kind in a row */
                assert_true(run->op != t.runs[i - 1].op);
        }
        assert_string_equal(b, before);
        assert_string_equal(f, after);
        assert_int_equal(t.changed, strcmp(before, after) != 0);
    }
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokens),           cmocka_unit_test(test_myers_is_minimal),
        cmocka_unit_test(test_myers_large),      cmocka_unit_test(test_han_text),
        cmocka_unit_test(test_figures_whole),    cmocka_unit_test(test_mixed_latin),
        cmocka_unit_test(test_whole_paragraphs), cmocka_unit_test(test_near_changes_merge),
        cmocka_unit_test(test_empty_sides),      cmocka_unit_test(test_runs_spell_both_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
