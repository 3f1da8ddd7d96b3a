/* base.c — allocation, growable arrays, diagnostics, UTF-8 and file helpers
 * (the arenas are arena.c's). */
#include "base.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- allocation ---- */

static void out_of_memory(void)
{
    fputs("briefc: error: out of memory\n", stderr);
    abort();
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xrealloc(void *p, size_t size)
{
    p = realloc(p, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

void vec_grow_(void **items, size_t *cap, size_t elem_size, size_t need)
{
    if (need <= *cap)
        return;
    size_t cap2 = *cap ? *cap * 2 : 8;
    while (cap2 < need)
        cap2 *= 2;
    *items = xrealloc(*items, cap2 * elem_size);
    *cap = cap2;
}

/* ---- diagnostics ---- */

static char *heap_vprintf(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *p = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
    p[0] = '\0';
    if (n > 0)
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void diag_vadd(diag_list *d, diag_level level, const char *file, int line, int col, const char *fmt,
               va_list ap)
{
    VEC_RESERVE(d, d->count + 1);
    diag *g = &d->items[d->count++];
    g->level = level;
    g->file = NULL;
    if (file) {
        g->file = xmalloc(strlen(file) + 1);
        strcpy(g->file, file);
    }
    g->line = line;
    g->col = col;
    g->message = heap_vprintf(fmt, ap);
    if (level == DIAG_ERROR)
        d->errors++;
}

void diag_add(diag_list *d, diag_level level, const char *file, int line, int col, const char *fmt,
              ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d, level, file, line, col, fmt, ap);
    va_end(ap);
}

static size_t utf8_sequence(const unsigned char *s, size_t len, size_t i, uint32_t *cp);

typedef VEC(char) char_vec;

static void push_text(char_vec *out, const char *s, size_t n)
{
    VEC_RESERVE(out, out->count + n);
    memcpy(out->items + out->count, s, n);
    out->count += n;
}

/* s appended to out with every character a terminal would act on written
 * as <U+001B>, and every byte that is not UTF-8 as <0x9B>: a diagnostic
 * quotes author text, and an ESC or a C1 CSI there must not recolour or
 * rewrite the screen. */
static void push_escaped(char_vec *out, const char *s)
{
    size_t len = strlen(s), i = 0;
    char code[16];
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_sequence((const unsigned char *)s, len, i, &cp);
        if (n == 0) {
            push_text(out, code,
                      (size_t)snprintf(code, sizeof code, "<0x%02X>", (unsigned char)s[i]));
            i++;
            continue;
        }
        if (utf8_is_control(cp))
            push_text(out, code, (size_t)snprintf(code, sizeof code, "<U+%04X>", (unsigned)cp));
        else
            push_text(out, s + i, n);
        i += n;
    }
}

void diag_print(const diag_list *d, FILE *out)
{
    char_vec line = {0};
    char where[64];
    for (size_t i = 0; i < d->count; i++) {
        const diag *g = &d->items[i];
        line.count = 0;
        push_escaped(&line, g->file ? g->file : "briefc");
        if (g->file && g->line > 0)
            push_text(
                &line, where,
                (size_t)snprintf(where, sizeof where, ":%d:%d", g->line, g->col > 0 ? g->col : 1));
        push_text(&line, where,
                  (size_t)snprintf(where, sizeof where,
                                   ": %s: ", g->level == DIAG_ERROR ? "error" : "warning"));
        push_escaped(&line, g->message);
        push_text(&line, "\n", 1);
        fwrite(line.items, 1, line.count, out); /* one write a line: stderr is unbuffered */
    }
    free(line.items);
}

static int diag_compare(const diag *a, const diag *b)
{
    int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return 0;
}

void diag_sort(diag_list *d)
{
    /* insertion sort: stable, and lists are short */
    for (size_t i = 1; i < d->count; i++) {
        diag x = d->items[i];
        size_t j = i;
        while (j > 0 && diag_compare(&d->items[j - 1], &x) > 0) {
            d->items[j] = d->items[j - 1];
            j--;
        }
        d->items[j] = x;
    }
}

void diag_list_free(diag_list *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    memset(d, 0, sizeof(*d));
}

/* ---- UTF-8 ---- */

/* Length of the valid sequence at s[i], or 0 when it is invalid. */
static size_t utf8_sequence(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
    unsigned c = s[i];
    size_t n;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + n > len)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i + k] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

uint32_t utf8_decode(const char *s, size_t len, size_t *i)
{
    uint32_t cp;
    size_t n = utf8_sequence((const unsigned char *)s, len, *i, &cp);
    if (n == 0) {
        (*i)++;
        return 0xFFFD;
    }
    *i += n;
    return cp;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t utf8_validate(const char *s, size_t len)
{
    size_t i = 0;
    uint32_t cp;
    while (i < len) {
        size_t n = utf8_sequence((const unsigned char *)s, len, i, &cp);
        if (n == 0)
            return i;
        i += n;
    }
    return (size_t)-1;
}

bool utf8_is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E ||
           cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t utf8_length(const char *s, size_t len)
{
    size_t i = 0, n = 0;
    while (i < len) {
        utf8_decode(s, len, &i);
        n++;
    }
    return n;
}

size_t utf8_floor(const char *s, size_t at)
{
    while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
        at--;
    return at;
}

/* ---- words ---- */

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/* Levenshtein distance; names are short, so longer ones are "far". */
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

const char *base_closest_word(const char *word, const char *const *candidates, size_t n)
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

int base_hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* ---- files ---- */

char *base_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 64 * 1024, n = 0;
    char *buf = xmalloc(cap + 1);
    for (;;) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) {
            if (ferror(f)) {
                int e = errno;
                free(buf);
                fclose(f);
                errno = e ? e : EIO;
                return NULL;
            }
            break;
        }
        cap *= 2;
        buf = xrealloc(buf, cap + 1);
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

bool base_write_all(int fd, const void *data, size_t len)
{
    const uint8_t *p = data;
    while (len > 0) {
        ssize_t k = write(fd, p, len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            if (k == 0)
                errno = EIO;
            return false;
        }
        p += k;
        len -= (size_t)k;
    }
    return true;
}
