/* style_units.c — sizes, lengths and colours for layout files. Numbers are
 * parsed by hand so that the C locale never matters. */
#include "style_internal.h"

#include <math.h>
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
    if (!any || !isfinite(v)) /* 400 digits overflow to infinity: not a number we can use */
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

bool style_parse_hex_color(const char *text, style_color *c)
{
    if (text[0] != '#')
        return false;
    size_t n = strlen(text + 1);
    if (n != 6 && n != 3)
        return false;
    int digits[6];
    for (size_t i = 0; i < n; i++)
        if ((digits[i] = base_hex_digit(text[1 + i])) < 0)
            return false;
    memset(c, 0, sizeof(*c));
    for (int k = 0; k < 3; k++) {
        int byte = n == 6 ? digits[2 * k] * 16 + digits[2 * k + 1] : digits[k] * 17;
        c->v[k] = byte / 255.0;
    }
    return true;
}
