/* cli_ranges.c — the numbers of the copies a build makes: --copies RANGE,
 * "1-200" or "5,9,12-15", in the order written, each copy once. */
#include "cli_internal.h"

#include <stdio.h>
#include <stdlib.h>

/* Six digits number a copy: 000001 … 999999. */
#define COPY_MAX 999999

/* ---- --copies RANGE ---- */

/* A number at *p (digits only, no sign), at most COPY_MAX + 1 so that an
 * overlong one is still reported as too large; false when there is none. */
static bool read_number(const char **p, long *out)
{
    const char *s = *p;
    long n = 0;
    while (*s >= '0' && *s <= '9') {
        if (n <= COPY_MAX)
            n = n * 10 + (*s - '0');
        s++;
    }
    if (s == *p)
        return false;
    *p = s;
    *out = n;
    return true;
}

static bool bad_range(cli_why *why, const char *v)
{
    snprintf(why->text, sizeof why->text,
             "--copies expects the numbers of the copies, as 1-200 or 5,9,12-15, not '%.64s'", v);
    return false;
}

/* Every number of range [from, to] onto the list, unless it is too long or
 * one of them is there already. */
static bool add_range(cli_copies *c, unsigned char *seen, long from, long to, cli_why *why)
{
    char *w = why->text;
    size_t n = sizeof why->text;
    size_t total = c->count + (size_t)(to >= from ? to - from + 1 : 0);
    if (from < 1)
        snprintf(w, n, "--copies: copies are numbered from 1, not 0");
    else if (to > COPY_MAX)
        snprintf(w, n, "--copies: a copy number has six digits, at most %d, not %ld", COPY_MAX, to);
    else if (to < from)
        snprintf(w, n, "--copies: a range goes up (%ld-%ld), not %ld-%ld", to, from, from, to);
    else if (total > CLI_MAX_COPIES)
        snprintf(w, n, "--copies: at most %d copies in one build, not %zu or more", CLI_MAX_COPIES,
                 total);
    else
        w = NULL;
    if (w)
        return false;
    for (long k = from; k <= to; k++) {
        if (seen[k / 8] & (1u << (k % 8))) {
            snprintf(why->text, n, "--copies: copy %ld is named twice", k);
            return false;
        }
        seen[k / 8] |= (unsigned char)(1u << (k % 8));
        VEC_PUSH(c, (int)k);
    }
    return true;
}

bool cli_copies_parse(const char *v, cli_copies *out, cli_why *why)
{
    unsigned char *seen = xcalloc(COPY_MAX / 8 + 1, 1);
    bool ok = true;
    out->count = 0;
    for (const char *p = v; ok;) {
        long from, to;
        if (!read_number(&p, &from))
            ok = bad_range(why, v);
        to = from;
        if (ok && *p == '-' && (p++, !read_number(&p, &to)))
            ok = bad_range(why, v);
        if (ok && *p != ',' && *p != '\0')
            ok = bad_range(why, v);
        ok = ok && add_range(out, seen, from, to, why);
        if (!ok || *p == '\0')
            break;
        p++;
    }
    free(seen);
    return ok;
}
