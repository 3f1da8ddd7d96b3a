/* test_report_official.c — the `official` mapping (docs/format.md,
 * "Official documents"): every key loaded from YAML and JSON with its
 * defaults, and the errors and warnings of bad input, each at its line and
 * column: allowed values with a suggestion, secrecy_term without secrecy,
 * meta.copy as a six-digit 份号, the 发文字号's brackets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/report.h"

static diag_list diags;

static report *load_text(const char *ext, const char *text)
{
    static int serial;
    char path[256];
    snprintf(path, sizeof path, "/tmp/briefc_test_official_%d_%d.%s", (int)getpid(), serial++, ext);
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
        print_message("  have %s %d:%d: %s\n", diags.items[i].level == DIAG_ERROR ? "E" : "W",
                      diags.items[i].line, diags.items[i].col, diags.items[i].message);
}

static void expect_diag(diag_level level, int line, int col, const char *message)
{
    for (size_t i = 0; i < diags.count; i++) {
        const diag *g = &diags.items[i];
        if (g->level == level && g->line == line && g->col == col &&
            strcmp(g->message, message) == 0)
            return;
    }
    print_message("missing %s %d:%d: %s\n", level == DIAG_ERROR ? "error" : "warning", line, col,
                  message);
    dump_diags();
    fail();
}

static void expect_counts(size_t errors, size_t warnings)
{
    if (diags.errors != errors || diags.count - diags.errors != warnings)
        dump_diags();
    assert_int_equal(diags.errors, errors);
    assert_int_equal(diags.count - diags.errors, warnings);
}

static int teardown(void **state)
{
    (void)state;
    diag_list_free(&diags);
    return 0;
}

#define META                                                                                       \
    "briefc: 1\n"                                                                                  \
    "meta:\n"                                                                                      \
    "  title: 关于开展检查的通知\n"                                                       \
    "  organization: 青溪区人民政府办公室\n"                                             \
    "  date: 2024-03-18\n"
#define SECTIONS "sections:\n  - title: 一\n"

static const char NOTICE[] = META "  copy: \"000012\"\n"
                                  "official:\n"
                                  "  kind: notice\n"
                                  "  issuer_mark: 青溪区人民政府办公室文件\n"
                                  "  number: 青政办〔2024〕15号\n"
                                  "  signer: 王某某\n"
                                  "  secrecy: 秘密\n"
                                  "  secrecy_term: 1年\n"
                                  "  urgency: 加急\n"
                                  "  addressee: [各镇人民政府, 区政府各部门]\n"
                                  "  attachments: [重点内容, 汇总表]\n"
                                  "  remark: （此件公开发布）\n"
                                  "  cc: [区委办公室, 区政协办公室]\n"
                                  "  printer: 青溪区人民政府办公室\n"
                                  "  print_date: 2024-03-19\n" SECTIONS;

static void test_a_notice_loads_with_defaults(void **state)
{
    (void)state;
    report *r = load_text("yaml", NOTICE);
    if (!r)
        dump_diags();
    assert_non_null(r);
    expect_counts(0, 0);
    const report_official *o = &r->official;
    assert_int_equal(o->kind, REPORT_OFFICIAL_NOTICE);
    assert_int_equal(o->line, 7);
    assert_string_equal(o->issuer_mark.s, "青溪区人民政府办公室文件");
    assert_string_equal(o->number.s, "青政办〔2024〕15号");
    assert_string_equal(o->secrecy.s, "秘密");
    assert_string_equal(o->secrecy_term.s, "1年");
    assert_string_equal(o->urgency.s, "加急");
    assert_int_equal(o->addressee.count, 2);
    assert_string_equal(o->addressee.items[1].s, "区政府各部门");
    assert_int_equal(o->attachments.count, 2);
    assert_int_equal(o->cc.count, 2);
    assert_int_equal(o->print_date.day, 19);
    /* the defaults: signature from meta.organization, sign_date from meta.date */
    assert_string_equal(o->signature.s, "青溪区人民政府办公室");
    assert_int_equal(o->sign_date.year, 2024);
    assert_int_equal(o->sign_date.day, 18);
    assert_null(o->compiler.s);
    assert_null(o->copies_printed.text);
    report_free(r);
}

static void test_a_briefing_loads_from_json(void **state)
{
    (void)state;
    report *r = load_text(
        "json",
        "{\"briefc\": 1, \"meta\": {\"title\": \"T\", \"date\": \"2017-08-30\", "
        "\"copy\": \"000001\"},\n"
        " \"official\": {\"kind\": \"briefing\", \"issuer_mark\": \"全会简报\", \"number\": "
        "\"第1期\",\n"
        "  \"compiler\": \"区委办公室编\", \"report_to\": [\"市委办公厅\"], \"send_to\": "
        "[\"区人大\"],\n"
        "  \"issue_to\": [\"各街道\"], \"copies_printed\": 120, \"sign_date\": "
        "\"2017-08-31\"},\n"
        " \"sections\": [{\"title\": \"一\"}]}");
    if (!r)
        dump_diags();
    assert_non_null(r);
    const report_official *o = &r->official;
    assert_int_equal(o->kind, REPORT_OFFICIAL_BRIEFING);
    assert_string_equal(o->compiler.s, "区委办公室编");
    assert_string_equal(o->report_to.items[0].s, "市委办公厅");
    assert_string_equal(o->issue_to.items[0].s, "各街道");
    assert_string_equal(o->copies_printed.text, "120");
    assert_int_equal(o->sign_date.day, 31);
    assert_null(o->signature.s); /* no meta.organization to default to */
    report_free(r);
}

static void test_no_official_is_none(void **state)
{
    (void)state;
    report *r = load_text("yaml", META "  copy: \"12\"\n" SECTIONS);
    assert_non_null(r); /* without official, meta.copy is any text */
    assert_int_equal(r->official.kind, REPORT_OFFICIAL_NONE);
    report_free(r);
}

static void test_required_keys(void **state)
{
    (void)state;
    assert_null(load_text("yaml", META "official:\n  number: 第1期\n" SECTIONS));
    expect_diag(DIAG_ERROR, 6, 1, "missing required key 'kind' in official");
    expect_diag(DIAG_ERROR, 6, 1, "missing required key 'issuer_mark' in official");
    expect_counts(2, 0);
    assert_null(load_text("yaml", META "official:\n  kind: notice\n  isuer_mark: X\n" SECTIONS));
    expect_diag(DIAG_ERROR, 8, 3,
                "unknown key 'isuer_mark' in official (did you mean 'issuer_mark'? "
                "'issuer_mark' is required in official)");
    expect_counts(1, 0);
    assert_null(load_text("yaml", META "official: [notice]\n" SECTIONS));
    expect_diag(DIAG_ERROR, 6, 11,
                "expected a mapping of the official document's elements (kind, issuer_mark, …), "
                "got a list");
}

static void test_allowed_values_suggest(void **state)
{
    (void)state;
    assert_null(load_text("yaml", META "official:\n"
                                       "  kind: notise\n"
                                       "  issuer_mark: X\n"
                                       "  secrecy: 秘密级\n"
                                       "  urgency: 急件\n"
                                       "  sigature: Y\n" SECTIONS));
    expect_diag(DIAG_ERROR, 7, 9,
                "expected notice or briefing for kind, got 'notise' (did you mean 'notice'?)");
    expect_diag(DIAG_ERROR, 9, 12,
                "expected 秘密, 机密 or 绝密 for secrecy, got '秘密级' (did you mean '秘密'?)");
    expect_diag(DIAG_ERROR, 10, 12, "expected 特急 or 加急 for urgency, got '急件'");
    expect_diag(DIAG_ERROR, 11, 3,
                "unknown key 'sigature' in official (did you mean 'signature'?)");
    expect_counts(4, 0);
    /* the Chinese name of a kind points to its key */
    assert_null(load_text("yaml", META "official: {kind: 简报, issuer_mark: X}\n" SECTIONS));
    expect_diag(DIAG_ERROR, 6, 18,
                "expected notice or briefing for kind, got '简报' (did you mean 'briefing'?)");
}

static void test_secrecy_term_needs_secrecy(void **state)
{
    (void)state;
    assert_null(load_text("yaml", META "official:\n  kind: notice\n  issuer_mark: X\n"
                                       "  secrecy_term: 1年\n" SECTIONS));
    expect_diag(DIAG_ERROR, 9, 17,
                "secrecy_term (保密期限) needs secrecy (秘密, 机密 or 绝密): it is printed after "
                "the 密级, as 秘密★1年");
    expect_counts(1, 0);
}

static void test_copy_is_six_digits(void **state)
{
    (void)state;
    assert_null(load_text("yaml", META "  copy: \"12\"\n"
                                       "official: {kind: notice, issuer_mark: X}\n" SECTIONS));
    expect_diag(DIAG_ERROR, 6, 9,
                "a 份号 (meta.copy) is six ASCII digits in an official document (GB/T 9704 "
                "§7.2.1), such as \"000012\" (quoted), got '12'");
    expect_counts(1, 0);
    /* a JSON number loses nothing here, but it is not six digits either */
    assert_null(load_text("json", "{\"briefc\": 1, \"meta\": {\"title\": \"T\", \"date\": "
                                  "\"2024-03-18\", \"copy\": 12},\n"
                                  " \"official\": {\"kind\": \"notice\", \"issuer_mark\": \"X\"},\n"
                                  " \"sections\": [{\"title\": \"一\"}]}"));
    expect_diag(DIAG_ERROR, 1, 68,
                "a 份号 (meta.copy) is six ASCII digits in an official document (GB/T 9704 "
                "§7.2.1), such as \"000012\" (quoted), got '12'");
}

static void test_number_brackets_warn(void **state)
{
    (void)state;
    report *r = load_text("yaml", META "official:\n  kind: notice\n  issuer_mark: X\n"
                                       "  number: 青政办[2024]15号\n" SECTIONS);
    assert_non_null(r); /* a warning: the text is kept as written */
    assert_string_equal(r->official.number.s, "青政办[2024]15号");
    expect_diag(DIAG_WARNING, 9, 14,
                "the year of a document number goes in 六角括号 〔〕 (GB/T 9704 §7.2.5), not '['; "
                "did you mean '青政办〔2024〕15号'?");
    expect_counts(0, 1);
    report_free(r);
    r = load_text("yaml", META "official:\n  kind: notice\n  issuer_mark: X\n"
                               "  number: 青政办（2024）015号\n" SECTIONS);
    assert_non_null(r);
    expect_diag(DIAG_WARNING, 9, 14,
                "the year of a document number goes in 六角括号 〔〕 (GB/T 9704 §7.2.5), not '（'; "
                "did you mean '青政办〔2024〕015号'?");
    expect_counts(0, 1);
    report_free(r);
    r = load_text("yaml", META "official:\n  kind: notice\n  issuer_mark: X\n"
                               "  number: 青政办〔2024〕015\n" SECTIONS);
    assert_non_null(r);
    expect_diag(DIAG_WARNING, 9, 20, "a document number has no leading zeros (GB/T 9704 §7.2.5)");
    expect_diag(DIAG_WARNING, 9, 11,
                "a document number ends in 号 (GB/T 9704 §7.2.5), as 青政办〔2024〕15号");
    expect_counts(0, 2);
    report_free(r);
    /* a briefing's number is its issue: not checked */
    r = load_text("yaml", META "official:\n  kind: briefing\n  issuer_mark: X\n"
                               "  number: 第[1]期\n" SECTIONS);
    assert_non_null(r);
    expect_counts(0, 0);
    report_free(r);
}

static void test_values_of_the_wrong_type(void **state)
{
    (void)state;
    assert_null(load_text("yaml", META "official:\n"
                                       "  kind: briefing\n"
                                       "  issuer_mark: X\n"
                                       "  report_to: 市委办公厅\n"
                                       "  sign_date: 2024-02-30\n"
                                       "  copies_printed: 1.5\n"
                                       "  cc: [a, [b]]\n" SECTIONS));
    expect_diag(DIAG_ERROR, 9, 14, "expected a list of recipients (报), got '市委办公厅'");
    expect_diag(DIAG_ERROR, 10, 14, "expected a date YYYY-MM-DD, got '2024-02-30' (no such day)");
    expect_diag(DIAG_ERROR, 11, 19, "expected a whole number of copies (1 or more), got 1.5");
    expect_diag(DIAG_ERROR, 12, 11, "expected text, got a list");
    expect_counts(4, 0);
    assert_null(load_text("yaml", META "official: {kind: briefing, issuer_mark: X, "
                                       "copies_printed: \"120\"}\n" SECTIONS));
    expect_diag(DIAG_ERROR, 6, 60, "expected a number, got '120' in quotes (remove the quotes)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_a_notice_loads_with_defaults, teardown),
        cmocka_unit_test_teardown(test_a_briefing_loads_from_json, teardown),
        cmocka_unit_test_teardown(test_no_official_is_none, teardown),
        cmocka_unit_test_teardown(test_required_keys, teardown),
        cmocka_unit_test_teardown(test_allowed_values_suggest, teardown),
        cmocka_unit_test_teardown(test_secrecy_term_needs_secrecy, teardown),
        cmocka_unit_test_teardown(test_copy_is_six_digits, teardown),
        cmocka_unit_test_teardown(test_number_brackets_warn, teardown),
        cmocka_unit_test_teardown(test_values_of_the_wrong_type, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
