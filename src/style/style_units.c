/* style_units.c — sizes, lengths, colours and typo suggestions for layout
 * files. Numbers are parsed by hand so that the C locale never matters. */
#include "style_internal.h"

#include <string.h>

/* The Word column of typography.md §1.1: agencies check against Word/WPS. */
static const struct {
    const char *name;
    double pt;
} hao_table[] = {
    {"初号", 42},  {"小初", 36},  {"一号", 26},  {"小一", 24}, {"二号", 22},   {"小二", 18},
    {"三号", 16},  {"小三", 15},  {"四号", 14},  {"小四", 12}, {"五号", 10.5}, {"小五", 9},
    {"六号", 7.5}, {"小六", 6.5}, {"七号", 5.5}, {"八号", 5},
};

double style_hao_points(const char *text)
{
    for (size_t i = 0; i < sizeof(hao_table) / sizeof(hao_table[0]); i++)
        if (strcmp(text, hao_table[i].name) == 0)
            return hao_table[i].pt;
    return -1;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Decimal number at *p: digits with an optional fraction; advances *p. */
static bool parse_decimal(const char **p, double *value)
{
    const char *s = *p;
    double v = 0, scale = 1;
    bool any = false;
    while (is_digit(*s)) {
        v = v * 10 + (*s++ - '0');
        any = true;
    }
    if (*s == '.') {
        s++;
        while (is_digit(*s)) {
            scale /= 10;
            v += (*s++ - '0') * scale;
            any = true;
        }
    }
    if (!any)
        return false;
    *p = s;
    *value = v;
    return true;
}

bool style_parse_quantity(const char *text, double *value, const char **unit)
{
    static const char *const units[] = {"pt", "mm", "cm", "in", "em"};
    const char *s = text;
    bool negative = false;
    if (*s == '-' || *s == '+')
        negative = *s++ == '-';
    double v;
    if (!parse_decimal(&s, &v))
        return false;
    while (*s == ' ')
        s++;
    if (*s == '\0') {
        *value = negative ? -v : v;
        *unit = "";
        return true;
    }
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        if (strcmp(s, units[i]) == 0) {
            *value = negative ? -v : v;
            *unit = units[i];
            return true;
        }
    }
    return false;
}

bool style_unit_to_pt(const char *unit, double value, double *pt)
{
    if (strcmp(unit, "pt") == 0)
        *pt = value;
    else if (strcmp(unit, "mm") == 0)
        *pt = value * STYLE_PT_PER_MM;
    else if (strcmp(unit, "cm") == 0)
        *pt = value * 10 * STYLE_PT_PER_MM;
    else if (strcmp(unit, "in") == 0)
        *pt = value * 72;
    else
        return false;
    return true;
}

bool style_parse_size(const char *text, double *pt)
{
    double hao = style_hao_points(text);
    if (hao > 0) {
        *pt = hao;
        return true;
    }
    double v;
    const char *unit;
    if (!style_parse_quantity(text, &v, &unit) || v <= 0)
        return false;
    if (unit[0] == '\0') { /* a bare size is in points */
        *pt = v;
        return true;
    }
    return style_unit_to_pt(unit, v, pt);
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool style_parse_hex_color(const char *text, style_color *c)
{
    if (text[0] != '#')
        return false;
    size_t n = strlen(text + 1);
    if (n != 6 && n != 3)
        return false;
    int digits[6];
    for (size_t i = 0; i < n; i++)
        if ((digits[i] = hex_value(text[1 + i])) < 0)
            return false;
    memset(c, 0, sizeof(*c));
    for (int k = 0; k < 3; k++) {
        int byte = n == 6 ? digits[2 * k] * 16 + digits[2 * k + 1] : digits[k] * 17;
        c->v[k] = byte / 255.0;
    }
    return true;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/* Levenshtein distance on bytes; keys are short ASCII words. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return (size_t)-1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            row[j] = min3(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1]));
            diag = up;
        }
    }
    return row[lb];
}

const char *style_suggest(const char *word, const char *const *candidates, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        size_t d = edit_distance(word, candidates[i]);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    size_t len = strlen(word);
    size_t limit = len <= 3 ? 1 : len <= 8 ? 2 : 3; /* "pgae" → "page" is two edits */
    return best && best_d <= limit ? best : NULL;
}
