/* breaks.c — line break opportunities: ICU's UAX #14 line breaker ("zh",
 * ICU's strict level) tailored to clreq's GB-style prohibitions
 * (typography.md §2.1–§2.4). */
#include "text_internal.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>

/* ---- character groups (typography.md §2.1, §2.2) ---- */

/* No list below has a character from U+3100 to U+FEFF (bopomofo, the
 * ideographs, hangul, the CJK compatibility forms): they are most of a
 * report's text, and they skip the scan of every list at every code point. */
#define LIST_GAP_FIRST 0x3100
#define LIST_GAP_LAST 0xFEFF

static bool in_list(uint32_t cp, const uint32_t *list, size_t n)
{
    if (cp >= LIST_GAP_FIRST && cp <= LIST_GAP_LAST)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (list[i] == cp)
            return true;
    }
    return false;
}

#define IN_LIST(cp, list) in_list((cp), (list), sizeof(list) / sizeof((list)[0]))

/* May not start a line: stop marks, closing quotes and brackets, connectors,
 * interpuncts, solidi, doubled marks, postfix units (§2.1). */
static const uint32_t NO_START[] = {
    0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF0E, /* 。，、；：？！． */
    0x201D, 0x2019,                                                 /* ” ’ */
    0xFF09, 0x3015, 0xFF3D, 0x3011, 0x3017, 0xFF5D, 0x300B, 0x3009, 0x300D,
    0x300F, 0x002D, 0x2013, 0xFF5E, 0x301C, /* - – ～ 〜 */
    0x00B7, 0x30FB,                         /* · ・ */
    0xFF0F, 0x002F,                         /* ／ / */
    0x203C, 0x2047, 0x2048, 0x2049,         /* ‼ ⁇ ⁈ ⁉ */
    0xFF05, 0x0025, 0x2030, 0x2103, 0x00B0, /* ％ % ‰ ℃ ° */
    0x0029, 0x005D, 0x007D, 0x002C, 0x002E, 0x003B, 0x003A, 0x0021, 0x003F,
};

/* May not end a line: opening quotes and brackets, solidi, currency prefixes
 * (§2.2). */
static const uint32_t NO_END[] = {
    0x201C, 0x2018, /* “ ‘ */
    0xFF08, 0x3014, 0xFF3B, 0x3010, 0x3016, 0xFF5B, 0x300A,
    0x3008, 0x300C, 0x300E, 0x0028, 0x005B, 0x007B, /* ( [ { */
    0xFF0F, 0x002F,                                 /* ／ / */
    0xFFE5, 0x00A5, 0x0024, 0xFF04,                 /* ￥ ¥ $ ＄ */
    0x00B7, 0x30FB,                                 /* · ・: no break after either (§2.4) */
};

/* Marks that bind a digit run when digits stand on both sides:
 * 957.1, 1,000, 15:08, 2017-08-30, 1-7, 12·20, 1/2, 1–7. */
static bool is_number_joiner(uint32_t cp)
{
    return cp == '.' || cp == ',' || cp == ':' || cp == '-' || cp == '/' || cp == 0x00B7 ||
           cp == 0x2013 || cp == 0x2010 || cp == 0x2011 || cp == 0x30FB;
}

static bool is_digit(uint32_t cp)
{
    return u_isdigit((UChar32)cp);
}

static bool is_han(uint32_t cp)
{
    return u_hasBinaryProperty((UChar32)cp, UCHAR_IDEOGRAPHIC) || cp == 0x3005 || cp == 0x3007;
}

/* Pairs that are never split: ——, ⸺⸺, ……, ⋯⋯. */
static bool is_pair_mark(uint32_t cp)
{
    return cp == 0x2014 || cp == 0x2E3A || cp == 0x2026 || cp == 0x22EF;
}

/* ---- ICU ---- */

/* The text as UTF-16, with the code point index of every UTF-16 unit, so
 * that ICU's boundaries (UTF-16 offsets) map back to code points; a
 * surrogate pair (𠮷) maps both units to one code point. */
static UChar *to_utf16(const uint32_t *cps, size_t n, size_t **unit_cp, int32_t *nunits)
{
    UChar *u = xmalloc((2 * n + 1) * sizeof *u);
    size_t *map = xmalloc((2 * n + 1) * sizeof *map);
    int32_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = cps[i];
        if (cp >= 0x10000) {
            map[k] = i;
            u[k++] = (UChar)(0xD800 + ((cp - 0x10000) >> 10));
            map[k] = i;
            u[k++] = (UChar)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            map[k] = i;
            u[k++] = (UChar)cp;
        }
    }
    map[k] = n;
    *unit_cp = map;
    *nunits = k;
    return u;
}

/* A line break iterator: the cached one, opened on first use (opening one
 * loads ICU's rules and costs more than breaking a page of text), or a new
 * one when there is no cache. NULL when ICU has no line-break data. */
static UBreakIterator *breaker(UBreakIterator **cache, const UChar *u, int32_t nunits)
{
    UErrorCode status = U_ZERO_ERROR;
    if (cache && *cache) {
        ubrk_setText(*cache, u, nunits, &status);
        return U_SUCCESS(status) ? *cache : NULL;
    }
    UBreakIterator *bi = ubrk_open(UBRK_LINE, "zh@lb=strict", u, nunits, &status);
    if (U_FAILURE(status))
        return NULL;
    if (cache)
        *cache = bi;
    return bi;
}

void text_close_breaker(UBreakIterator **cache)
{
    if (cache && *cache)
        ubrk_close(*cache);
    if (cache)
        *cache = NULL;
}

/* ICU's opportunities: allowed where ICU has a boundary, else none. */
static void icu_breaks(UBreakIterator **cache, const uint32_t *cps, size_t n, text_break_kind *out)
{
    size_t *unit_cp = NULL;
    int32_t nunits = 0;
    UChar *u = to_utf16(cps, n, &unit_cp, &nunits);
    UBreakIterator *bi = breaker(cache, u, nunits);
    if (bi) {
        for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
            if (b > 0 && b < nunits)
                out[unit_cp[b]] = BREAK_ALLOWED;
        }
        if (!cache)
            ubrk_close(bi);
    } else {
        /* No line-break data: fall back to "between any two Han". */
        for (size_t i = 1; i < n; i++) {
            if (is_han(cps[i - 1]) && is_han(cps[i]))
                out[i] = BREAK_ALLOWED;
        }
    }
    free(u);
    free(unit_cp);
}

/* ---- tailoring (typography.md §2.3, §2.4) ---- */

static bool is_opening_quote(uint32_t cp)
{
    return cp == 0x201C || cp == 0x2018;
}

static bool is_closing_quote(uint32_t cp)
{
    return cp == 0x201D || cp == 0x2019;
}

/* Inside a digit run such as 99.29, 2017-08-30, 12·20: a digit, or a
 * joiner with digits on both sides. */
static bool inside_number(const uint32_t *cps, size_t n, size_t i)
{
    uint32_t a = cps[i - 1], b = cps[i];
    if (is_digit(a) && is_digit(b))
        return true;
    if (is_number_joiner(b) && is_digit(a) && i + 1 < n && is_digit(cps[i + 1]))
        return true;
    if (is_number_joiner(a) && is_digit(b) && i >= 2 && is_digit(cps[i - 2]))
        return true;
    return false;
}

/* Where a "——" or "……" pair begins, GB-style lets it start a line (unless
 * what precedes forbids a break after it). */
static text_break_kind before_pair(const uint32_t *cps, size_t i, text_break_kind icu)
{
    if (IN_LIST(cps[i - 1], NO_END) || is_pair_mark(cps[i - 1]))
        return BREAK_NONE;
    if (cps[i] == 0x2026 || cps[i] == 0x22EF)
        return icu; /* ICU keeps …… off the line start (clreq strict): accepted */
    return BREAK_ALLOWED;
}

static text_break_kind tailor(const uint32_t *cps, size_t n, size_t i, text_break_kind icu)
{
    uint32_t a = cps[i - 1], b = cps[i];
    bool b_starts_pair = is_pair_mark(b) && i + 1 < n && cps[i + 1] == b;
    if (is_pair_mark(a) && a == b)
        return BREAK_NONE; /* inside —— or …… */
    if (b == 0x2014 && !b_starts_pair)
        return BREAK_NONE; /* a single 一字线 is a connector: §2.1 */
    if (b_starts_pair)
        return before_pair(cps, i, icu);
    if (inside_number(cps, n, i))
        return BREAK_NONE;
    if (IN_LIST(a, NO_END) || IN_LIST(b, NO_START))
        return BREAK_NONE;
    /* “ ‘ behave as opening and ” ’ as closing marks: a break is allowed
     * before an opening quote and after a closing one, so inside ”“ too. */
    if (is_closing_quote(a) && !u_isalnum((UChar32)b))
        return BREAK_ALLOWED;
    if (is_opening_quote(b) && !u_isalnum((UChar32)a))
        return BREAK_ALLOWED;
    if (icu == BREAK_ALLOWED && is_digit(a) && is_han(b))
        return BREAK_PENALIZED; /* 957.1|亿, 7|个, 8|月: keep number and unit */
    return icu;
}

text_break_kind *text_find_breaks(UBreakIterator **cache, const char *text, size_t len, size_t *n)
{
    size_t count = utf8_length(text, len);
    uint32_t *cps = xmalloc((count + 1) * sizeof *cps);
    size_t k = 0;
    for (size_t i = 0; i < len && k < count;)
        cps[k++] = utf8_decode(text, len, &i);
    count = k;

    text_break_kind *out = xcalloc(count + 1, sizeof *out);
    icu_breaks(cache, cps, count, out);
    for (size_t i = 1; i < count; i++)
        out[i] = tailor(cps, count, i, out[i]);
    if (count)
        out[0] = BREAK_NONE;
    free(cps);
    *n = count;
    return out;
}

void text_prefer_word_breaks(const char *text, size_t len, text_break_kind *breaks, size_t n)
{
    uint32_t *cps = xmalloc((n + 1) * sizeof *cps);
    size_t k = 0;
    for (size_t i = 0; i < len && k < n;)
        cps[k++] = utf8_decode(text, len, &i);
    size_t *unit_cp = NULL;
    int32_t nunits = 0;
    UChar *u = to_utf16(cps, k, &unit_cp, &nunits);
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "zh", u, nunits, &status);
    if (U_SUCCESS(status)) {
        bool *boundary = xcalloc(k + 1, sizeof *boundary);
        for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
            if (b > 0 && b < nunits)
                boundary[unit_cp[b]] = true;
        for (size_t i = 1; i < k; i++)
            if (breaks[i] == BREAK_ALLOWED && !boundary[i])
                breaks[i] = BREAK_PENALIZED;
        free(boundary);
        ubrk_close(bi);
    }
    free(u);
    free(unit_cp);
    free(cps);
}
