/* base.h — small facilities every stage shares: an arena, growable
 * arrays, diagnostics and UTF-8 helpers. Nothing here knows about reports,
 * fonts or pages. */
#ifndef BRIEFC_BASE_H
#define BRIEFC_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define BRIEFC_VERSION "0.1.0"

/* ---- arena: one per document; everything it hands out is freed at once ---- */

typedef struct arena arena;

arena *arena_new(void);
/* A pool of chunks of `chunk_size` bytes mapped from the system, for many
 * small arenas freed one by one (each page's glyphs): their blocks are cut
 * from the chunks in turn, resident only where written, and a chunk goes
 * back to the system when the last block cut from it is freed, rather than
 * leaving holes in the heap. Free it after every arena made in it. Not for
 * use from two threads at once. */
typedef struct arena_pool arena_pool;
arena_pool *arena_pool_new(size_t chunk_size);
void arena_pool_free(arena_pool *p);
/* The bytes the pool holds from the system now. */
size_t arena_pool_mapped(const arena_pool *p);
/* An arena whose blocks of `block` bytes come from pool. */
arena *arena_new_in(arena_pool *pool, size_t block);
/* Zeroed memory, aligned for any type. Aborts on out-of-memory. */
void *arena_alloc(arena *a, size_t size);
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(arena *a);
/* Free everything a handed out; a stays usable. */
void arena_reset(arena *a);

/* ---- growable arrays on the heap: VEC(T) v = {0}; VEC_PUSH(&v, x); free(v.items) ---- */

#define VEC(T)                                                                                     \
    struct {                                                                                       \
        T *items;                                                                                  \
        size_t count, cap;                                                                         \
    }
void vec_grow_(void **items, size_t *cap, size_t elem_size, size_t need);
/* The capacity is checked here, inline: a push that fits (nearly all) costs
 * no call. */
#define VEC_RESERVE(v, n)                                                                          \
    ((n) <= (v)->cap ? (void)0                                                                     \
                     : vec_grow_((void **)&(v)->items, &(v)->cap, sizeof(*(v)->items), (n)))
#define VEC_PUSH(v, x) (VEC_RESERVE((v), (v)->count + 1), (v)->items[(v)->count++] = (x))

/* Aborting allocators for heap memory outside arenas. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);

/* ---- diagnostics: errors are values; only the cli stage prints them ---- */

typedef enum { DIAG_ERROR, DIAG_WARNING } diag_level;

typedef struct diag {
    diag_level level;
    char *file;    /* may be NULL */
    int line, col; /* 1-based; 0 when there is no position */
    char *message;
} diag;

typedef struct diag_list {
    diag *items;
    size_t count, cap;
    size_t errors; /* how many items are DIAG_ERROR */
} diag_list;

/* Append one diagnostic; file may be NULL, line/col 0 when unknown. */
void diag_add(diag_list *d, diag_level level, const char *file, int line, int col, const char *fmt,
              ...) __attribute__((format(printf, 6, 7)));
void diag_vadd(diag_list *d, diag_level level, const char *file, int line, int col, const char *fmt,
               va_list ap);
/* Print as `file:line:col: error: message` (or `file: error: …`, or
 * `briefc: error: …`), with control characters and bytes that are not
 * UTF-8 written as <U+001B> and <0x9B>, never raw. */
void diag_print(const diag_list *d, FILE *out);
/* Sort by file, line, column (stable), so that output reads in source order. */
void diag_sort(diag_list *d);
void diag_list_free(diag_list *d);

/* ---- UTF-8 ---- */

/* Decode one code point at s[*i] (advancing *i); returns 0xFFFD and advances
 * one byte on an invalid sequence. */
uint32_t utf8_decode(const char *s, size_t len, size_t *i);
/* Encode cp into out (at least 4 bytes); returns the byte count. */
size_t utf8_encode(uint32_t cp, char *out);
/* Byte offset of the first invalid sequence, or (size_t)-1 when s is valid UTF-8
 * (no surrogates, no overlongs, nothing above U+10FFFF). */
size_t utf8_validate(const char *s, size_t len);
/* A character that acts on a terminal or hides in it: the C0 and C1
 * controls and DEL, and the bidirectional and line-separator formatting
 * characters (U+061C, U+200E–F, U+2028–202E, U+2066–2069), which can
 * reorder or split a line of output. */
bool utf8_is_control(uint32_t cp);
/* Count of code points in s[0..len). */
size_t utf8_length(const char *s, size_t len);
/* The largest character boundary at or before byte `at` of s (s holds more
 * than `at` bytes): where to cut text to at most `at` bytes. */
size_t utf8_floor(const char *s, size_t at);

/* ---- words ---- */

/* The candidate closest to word (Levenshtein distance on bytes) when it is
 * close enough to be a likely typo ("colums" → "columns"), else NULL: the
 * "did you mean" of every diagnostic about an unknown name. */
const char *base_closest_word(const char *word, const char *const *candidates, size_t n);
/* Value of a hexadecimal digit, -1 when c is none. */
int base_hex_digit(char c);

/* ---- files ---- */

/* Read a whole file into a NUL-terminated heap buffer; NULL and errno on failure. */
char *base_read_file(const char *path, size_t *len);
/* Write all len bytes into fd, again after a short write or EINTR; false
 * with errno set (EIO when write wrote nothing). */
bool base_write_all(int fd, const void *data, size_t len);

/* ---- digests and name-based UUIDs (hash.c; identification, not security) ---- */

void base_md5(const void *data, size_t len, uint8_t out[16]);
void base_sha1(const void *data, size_t len, uint8_t out[20]);
void base_sha256(const void *data, size_t len, uint8_t out[32]);
/* The same, of data given in pieces (a file hashed as it is written). */
typedef struct base_sha256_ctx {
    uint32_t state[8];
    uint8_t block[64];
    size_t used;    /* bytes waiting in block */
    uint64_t total; /* bytes given so far */
} base_sha256_ctx;
void base_sha256_init(base_sha256_ctx *c);
void base_sha256_update(base_sha256_ctx *c, const void *data, size_t len);
void base_sha256_final(base_sha256_ctx *c, uint8_t out[32]);
/* Lower-case hex of n bytes into out (2n + 1 bytes, NUL-terminated). */
void base_hex(const uint8_t *bytes, size_t n, char *out);
/* The RFC 4122 version-5 UUID of name in namespace_id (SHA-1 based). */
void base_uuid5(const uint8_t namespace_id[16], const char *name, size_t len, uint8_t out[16]);
/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (lower case). */
void base_uuid_format(const uint8_t id[16], char out[37]);

/* The SHA-256 of a whole file (file_hash.c). A CJK font file weighs 15–26 MB
 * and hashing one takes longer than building a booklet, so the digest is
 * remembered in a cache keyed by the file's device, inode, size and
 * modification time: $BRIEFC_CACHE_DIR, else $XDG_CACHE_HOME/briefc, else
 * ~/.cache/briefc (BRIEFC_CACHE_DIR=off: no cache). false when the file
 * cannot be read. */
bool base_file_sha256(const char *path, uint8_t out[32]);

#endif
