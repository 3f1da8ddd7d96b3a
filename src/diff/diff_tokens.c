/* diff_tokens.c — prose cut into the tokens a change is made of. Chinese
 * has no spaces, so every Han character and every mark is a token of its
 * own; Latin letters and digits go together as written, so that a changed
 * figure is one token (21, 99.29%, PM2.5, 2017-08-30, 1-7), never a digit. */
#include "diff_internal.h"

#include <stdlib.h>

/* Letters and digits that make words: ASCII, full-width, Latin with
 * diacritics, Greek, Cyrillic. */
static bool is_word_char(uint32_t cp)
{
    if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
        return true;
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A))
        return true;
    if (cp >= 0x00C0 && cp <= 0x024F)
        return cp != 0x00D7 && cp != 0x00F7; /* × and ÷ are signs */
    return cp >= 0x0370 && cp <= 0x04FF;
}

/* Inside a word when a letter or digit follows: 99.29, 1,000, 2017-08-30, 1/2, 15:08, a_b. */
static bool is_joiner(uint32_t cp)
{
    return cp == '.' || cp == ',' || cp == '-' || cp == '/' || cp == ':' || cp == '_' || cp == '\'';
}

/* Ends a figure: 8.6%, 3‰, 50％. */
static bool is_suffix(uint32_t cp)
{
    return cp == '%' || cp == 0x2030 || cp == 0xFF05;
}

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n';
}

/* Belongs to the character before it: combining marks, variation
 * selectors, emoji modifiers, the zero-width joiner (with what it joins). */
static bool is_combining(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
           (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0x200D;
}

/* The code point at s[i] (0 at the end) and where the next one starts. */
static uint32_t peek(const char *s, size_t len, size_t i, size_t *next)
{
    *next = i;
    return i < len ? utf8_decode(s, len, next) : 0;
}

/* The end of the token that starts at i. */
static size_t token_end(const char *s, size_t len, size_t i)
{
    size_t next;
    uint32_t cp = peek(s, len, i, &next);
    if (is_space(cp)) {
        while (next < len && is_space(peek(s, len, next, &i)))
            next = i;
        return next;
    }
    bool word = is_word_char(cp);
    for (;;) {
        size_t after;
        uint32_t c = peek(s, len, next, &after);
        if (next >= len)
            return next;
        if (is_combining(c)) {
            /* a joiner takes the character it joins with it */
            next = after;
            if (c == 0x200D && next < len)
                peek(s, len, next, &next);
            continue;
        }
        if (!word)
            return next;
        if (is_word_char(c)) {
            next = after;
        } else if (is_joiner(c)) {
            size_t beyond;
            if (!is_word_char(peek(s, len, after, &beyond)) || after >= len)
                return next;
            next = beyond;
        } else {
            return is_suffix(c) ? after : next;
        }
    }
}

size_t diff_tokenize(diff_intern *t, const char *s, size_t len, diff_token **out)
{
    VEC(diff_token) tokens = {0};
    for (size_t i = 0; i < len;) {
        size_t end = token_end(s, len, i);
        diff_token tok = {diff_intern_id(t, TAG_TOKEN, s + i, end - i), i, end - i};
        VEC_PUSH(&tokens, tok);
        i = end;
    }
    *out = tokens.items;
    return tokens.count;
}
