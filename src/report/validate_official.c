/* validate_official.c — the optional `official` mapping: the elements of a
 * 公文 (GB/T 9704-2012) or a 简报, checked with their positions (allowed
 * values with a suggestion, secrecy_term without secrecy, the 发文字号's
 * brackets, meta.copy as a six-digit 份号) and built into the model with
 * their defaults. */
#include "report_internal.h"

#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof *(a))

enum {
    O_KIND,
    O_ISSUER_MARK,
    O_NUMBER,
    O_SIGNER,
    O_SECRECY,
    O_SECRECY_TERM,
    O_URGENCY,
    O_ADDRESSEE,
    O_ATTACHMENTS,
    O_SIGNATURE,
    O_SIGN_DATE,
    O_REMARK,
    O_CC,
    O_PRINTER,
    O_PRINT_DATE,
    O_COMPILER,
    O_REPORT_TO,
    O_SEND_TO,
    O_ISSUE_TO,
    O_COPIES_PRINTED,
    O_COUNT
};
static const char *const official_keys[O_COUNT] = {
    "kind",         "issuer_mark", "number",    "signer",      "secrecy",
    "secrecy_term", "urgency",     "addressee", "attachments", "signature",
    "sign_date",    "remark",      "cc",        "printer",     "print_date",
    "compiler",     "report_to",   "send_to",   "issue_to",    "copies_printed"};
static const report_shape official_shape = {"in official", official_keys, O_COUNT,
                                            1u << O_KIND | 1u << O_ISSUER_MARK};

static const char *const KINDS[] = {"notice", "briefing"};
static const char *const SECRECY[] = {"秘密", "机密", "绝密"};
static const char *const URGENCY[] = {"特急", "加急"};

/* ------------------------------ choices ------------------------------ */

/* How many characters of word occur in candidate. */
static size_t shared_chars(const char *word, const char *candidate)
{
    size_t shared = 0, len = strlen(word);
    for (size_t i = 0; i < len;) {
        size_t at = i;
        utf8_decode(word, len, &i);
        char ch[5] = {0};
        memcpy(ch, word + at, i - at < 4 ? i - at : 4);
        shared += strstr(candidate, ch) != NULL;
    }
    return shared;
}

/* The allowed value the author probably meant: a near spelling (notise →
 * notice), else the one Chinese value sharing the most characters with
 * what was written, when that is at least half of it and no other ties
 * (秘密级 → 秘密, 特急件 → 特急). NULL when nothing stands out. */
static const char *near_choice(const char *word, const char *const *allowed, size_t n)
{
    const char *near = base_closest_word(word, allowed, n);
    if (near)
        return near;
    const char *best = NULL;
    size_t best_shared = 0;
    bool tie = false;
    for (size_t i = 0; i < n; i++) {
        size_t s = shared_chars(word, allowed[i]);
        if (s > best_shared) {
            best = allowed[i];
            best_shared = s;
            tie = false;
        } else if (s == best_shared && s > 0) {
            tie = true;
        }
    }
    if (!best || tie || 2 * best_shared < utf8_length(best, strlen(best)))
        return NULL;
    return best;
}

/* "a, b or c" */
static const char *choice_list(vctx *c, const char *const *allowed, size_t n)
{
    const char *list = "";
    for (size_t i = 0; i < n; i++)
        list = arena_printf(c->a, "%s%s%s", list,
                            i == 0       ? ""
                            : i + 1 == n ? " or "
                                         : ", ",
                            allowed[i]);
    return list;
}

/* One of the allowed values: its index, or -1 (reported, with a suggestion). */
static int read_choice(vctx *c, const report_node *n, const char *what, const char *const *allowed,
                       size_t count, const char *hint_word)
{
    if (n->kind == REPORT_NODE_SCALAR && !report_val_is_null(n))
        for (size_t i = 0; i < count; i++)
            if (strcmp(n->text, allowed[i]) == 0)
                return (int)i;
    const char *near = n->kind == REPORT_NODE_SCALAR ? near_choice(n->text, allowed, count) : NULL;
    if (!near && hint_word)
        near = hint_word;
    report_val_error(c, n, "expected %s for %s, got %s%s%s%s", choice_list(c, allowed, count), what,
                     report_val_describe(c, n), near ? " (did you mean '" : "", near ? near : "",
                     near ? "'?)" : "");
    return -1;
}

/* The Chinese words for a kind an author may write instead of its key. */
static const char *kind_from_chinese(const report_node *n)
{
    static const char *const notice[] = {"通知", "公文", "文件", "通报", "决定", "意见"};
    if (n->kind != REPORT_NODE_SCALAR)
        return NULL;
    for (size_t i = 0; i < COUNT(notice); i++)
        if (strcmp(n->text, notice[i]) == 0)
            return "notice";
    return strcmp(n->text, "简报") == 0 || strcmp(n->text, "信息") == 0 ? "briefing" : NULL;
}

static bool read_kind(vctx *c, const report_node *n, report_official *out)
{
    int k = read_choice(c, n, "kind", KINDS, COUNT(KINDS), kind_from_chinese(n));
    if (k >= 0)
        out->kind = k == 0 ? REPORT_OFFICIAL_NOTICE : REPORT_OFFICIAL_BRIEFING;
    return k >= 0;
}

static void read_marking(vctx *c, const report_node *n, const char *what,
                         const char *const *allowed, size_t count, report_text *out)
{
    if (!n || report_val_is_null(n))
        return;
    if (read_choice(c, n, what, allowed, count, NULL) >= 0)
        report_val_text(c, n, false, out);
}

/* ------------------------------- values ------------------------------ */

static void read_list(vctx *c, const report_node *n, const char *what, report_text_list *out)
{
    if (!n || report_val_is_null(n))
        return;
    if (!report_val_expect_sequence(c, n, what))
        return;
    out->items = arena_alloc(c->a, (n->count ? n->count : 1) * sizeof *out->items);
    for (size_t i = 0; i < n->count; i++) {
        report_text t = {0};
        report_typeset_text(c, n->items[i], true, &t);
        if (t.s)
            out->items[out->count++] = t;
    }
}

static void read_copies(vctx *c, const report_node *n, report_number *out)
{
    report_number v = {0};
    if (!n || !report_val_number(c, n, &v) || !v.text)
        return;
    if (v.value < 1 || v.value != (double)(long long)v.value || strpbrk(v.text, ".eE")) {
        report_val_error(c, n, "expected a whole number of copies (1 or more), got %s", v.text);
        return;
    }
    *out = v;
}

/* Column of byte `at` of scalar n, where the source shows it. */
static int column_of(const report_node *n, size_t at)
{
    return n->text_col ? n->text_col + (int)utf8_length(n->text, at) : n->col;
}

/* "〔" or "〕" when a bracket that stands in for one starts at s[i] (its
 * length in *n), else NULL. */
static const char *bracket_at(const char *s, size_t len, size_t i, size_t *n)
{
    static const char *const opening[] = {"[", "(", "［", "（", "【"};
    static const char *const closing[] = {"]", ")", "］", "）", "】"};
    for (size_t k = 0; k < COUNT(opening); k++) {
        const char *pair[2] = {opening[k], closing[k]};
        for (int side = 0; side < 2; side++) {
            *n = strlen(pair[side]);
            if (len - i >= *n && memcmp(s + i, pair[side], *n) == 0)
                return side == 0 ? "〔" : "〕";
        }
    }
    return NULL;
}

/* The year of a 发文字号 goes in 六角括号 〔〕 (GB/T 9704 §7.2.5); square
 * brackets and parentheses are the commonest slip. The warning suggests the
 * number with 〔〕 in their places; the author's text itself is never
 * rewritten. */
static void check_number(vctx *c, const report_node *n)
{
    const char *s = n->text;
    size_t len = n->len, first = (size_t)-1, first_len = 0;
    const char *suggested = "";
    for (size_t i = 0; i < len;) {
        size_t blen = 0;
        const char *fix = bracket_at(s, len, i, &blen);
        if (fix && first == (size_t)-1) {
            first = i;
            first_len = blen;
        }
        if (!fix) {
            size_t j = i;
            utf8_decode(s, len, &j);
            blen = j - i;
        }
        suggested = arena_printf(c->a, "%s%.*s", suggested, (int)(fix ? strlen(fix) : blen),
                                 fix ? fix : s + i);
        i += blen;
    }
    if (first != (size_t)-1)
        report_val_warning_at(c, n->line, column_of(n, first),
                              "the year of a document number goes in 六角括号 〔〕 (GB/T 9704 "
                              "§7.2.5), not '%.*s'; did you mean '%s'?",
                              (int)first_len, s + first, suggested);
    const char *close = strstr(s, "〕");
    if (close && close[3] == '0')
        report_val_warning_at(c, n->line, column_of(n, (size_t)(close + 3 - s)),
                              "a document number has no leading zeros (GB/T 9704 §7.2.5)");
    if (len < 3 || memcmp(s + len - 3, "号", 3) != 0)
        report_val_warning_at(c, n->line, n->col,
                              "a document number ends in 号 (GB/T 9704 §7.2.5), as "
                              "青政办〔2024〕15号");
}

/* meta.copy in an official document is its 份号: six digits (§7.2.1). */
static void check_copy(vctx *c, const report_node *copy)
{
    if (!copy || copy->kind != REPORT_NODE_SCALAR || report_val_is_null(copy))
        return;
    bool six = copy->len == 6;
    for (size_t i = 0; six && i < 6; i++)
        six = copy->text[i] >= '0' && copy->text[i] <= '9';
    size_t cut = copy->len > 24 ? 24 : copy->len; /* at a character boundary */
    while (cut < copy->len && ((unsigned char)copy->text[cut] & 0xC0) == 0x80)
        cut--;
    if (!six)
        report_val_error(c, copy,
                         "a 份号 (meta.copy) is six ASCII digits in an official document "
                         "(GB/T 9704 §7.2.1), such as \"000012\" (quoted), got '%.*s%s'",
                         (int)cut, copy->text, cut < copy->len ? "…" : "");
}

/* ------------------------------ mapping ------------------------------ */

static void read_texts(vctx *c, const report_node *const v[], report_official *o)
{
    report_typeset_text(c, v[O_ISSUER_MARK], true, &o->issuer_mark);
    report_val_text(c, v[O_NUMBER], false, &o->number);
    report_typeset_text(c, v[O_SIGNER], false, &o->signer);
    read_marking(c, v[O_SECRECY], "secrecy", SECRECY, COUNT(SECRECY), &o->secrecy);
    report_typeset_text(c, v[O_SECRECY_TERM], false, &o->secrecy_term);
    read_marking(c, v[O_URGENCY], "urgency", URGENCY, COUNT(URGENCY), &o->urgency);
    read_list(c, v[O_ADDRESSEE], "a list of addressees (主送机关)", &o->addressee);
    read_list(c, v[O_ATTACHMENTS], "a list of attachment names (附件)", &o->attachments);
    report_typeset_text(c, v[O_SIGNATURE], false, &o->signature);
    report_val_date(c, v[O_SIGN_DATE], &o->sign_date);
    report_typeset_text(c, v[O_REMARK], false, &o->remark);
    read_list(c, v[O_CC], "a list of offices copied (抄送)", &o->cc);
    report_typeset_text(c, v[O_PRINTER], false, &o->printer);
    report_val_date(c, v[O_PRINT_DATE], &o->print_date);
    report_typeset_text(c, v[O_COMPILER], false, &o->compiler);
    read_list(c, v[O_REPORT_TO], "a list of recipients (报)", &o->report_to);
    read_list(c, v[O_SEND_TO], "a list of recipients (送)", &o->send_to);
    read_list(c, v[O_ISSUE_TO], "a list of recipients (发)", &o->issue_to);
    read_copies(c, v[O_COPIES_PRINTED], &o->copies_printed);
}

void report_val_official(vctx *c, const report_node *key, const report_node *n,
                         const report_node *copy, const report_meta *meta, report_official *out)
{
    if (!report_val_expect_mapping(c, n,
                                   "a mapping of the official document's elements (kind, "
                                   "issuer_mark, …)"))
        return;
    const report_node *v[O_COUNT];
    report_val_fields(c, n, &official_shape, key, v);
    out->line = key->line;
    out->col = key->col;
    out->kind = REPORT_OFFICIAL_NOTICE; /* so that the rest is checked even when kind is wrong */
    bool notice = v[O_KIND] && read_kind(c, v[O_KIND], out) && out->kind == REPORT_OFFICIAL_NOTICE;
    read_texts(c, v, out);
    if (v[O_SECRECY_TERM] && !report_val_is_null(v[O_SECRECY_TERM]) &&
        (!v[O_SECRECY] || report_val_is_null(v[O_SECRECY])))
        report_val_error(c, v[O_SECRECY_TERM],
                         "secrecy_term (保密期限) needs secrecy (秘密, 机密 or 绝密): it is "
                         "printed after the 密级, as 秘密★1年");
    if (notice && out->number.s) /* a briefing's number is its issue (第12期) */
        check_number(c, v[O_NUMBER]);
    check_copy(c, copy);
    /* Defaults live in the model so that later stages need not know them. */
    if (!out->signature.s)
        out->signature = meta->organization;
    if (!out->sign_date.year)
        out->sign_date = meta->date;
}
