/* diff_internal.h — shared by the files of the diff stage only.
 *
 * The files, each calling only those listed before it:
 *   diff_intern.c  byte strings to small integer ids (one table per diff)
 *   diff_seq.c     Myers' O(ND) difference of two id sequences, in linear space
 *   diff_tokens.c  prose cut into tokens (Han characters, marks, Latin runs)
 *   diff_text.c    two texts compared token by token: runs, near changes merged
 *   diff_align.c   two sequences of things aligned: the same ones, then the likest
 *   diff_blocks.c  the paragraphs, tables and summaries of a section, the closing
 *   diff_tasks.c   the tasks of a work area, matched by name; its means
 *   diff_report.c  sections matched by title and place, meta, diff_reports */
#ifndef BRIEFC_DIFF_INTERNAL_H
#define BRIEFC_DIFF_INTERNAL_H

#include "diff.h"

/* ---- diff_intern.c ---- */

/* Interns byte strings (not copied: they must outlive the table) under a
 * tag (kinds of things apart: tokens, paragraphs, titles …): equal bytes
 * under one tag get one id, so that comparing ids compares contents. */
typedef struct diff_intern diff_intern;

diff_intern *diff_intern_new(void);
uint32_t diff_intern_id(diff_intern *t, unsigned tag, const char *s, size_t len);
void diff_intern_free(diff_intern *t);

/* ---- diff_seq.c ---- */

/* Mark the items of a[0..n) not kept (deleted[i]) and of b[0..m) not kept
 * (inserted[j]): the complement of a longest common subsequence, or of a
 * long one where the sequences differ in more than a few hundred places
 * (Myers' cost bound, as GNU diff and git have it). Time O((n + m) D),
 * memory O(n + m). */
void diff_sequences(const uint32_t *a, size_t n, const uint32_t *b, size_t m, bool *deleted,
                    bool *inserted);

/* A stretch where the sequences differ: a[a0..a1) became b[b0..b1). */
typedef struct diff_hunk {
    size_t a0, a1, b0, b1;
} diff_hunk;

/* The hunks of diff_sequences' marks, in order (heap array). */
size_t diff_hunks(const bool *deleted, size_t n, const bool *inserted, size_t m, diff_hunk **out);

/* ---- diff_tokens.c ---- */

typedef struct diff_token {
    uint32_t id;
    size_t at, len; /* bytes of the text */
} diff_token;

/* Cut s into tokens that cover it exactly: one per Han character, mark or
 * other symbol (with the combining marks and variation selectors after
 * it), one per run of Latin letters and digits with the dots, commas,
 * hyphens, slashes and colons inside it and a %, ‰ or ％ after it (21,
 * 99.29%, PM2.5, 2017-08-30, 1,000), one per run of spaces. Heap array. */
size_t diff_tokenize(diff_intern *t, const char *s, size_t len, diff_token **out);

/* ---- diff_text.c ---- */

/* diff_compare_text with tokens interned in t. */
void diff_text_compare(diff_intern *t, arena *a, const char *before, size_t before_len,
                       const char *after, size_t after_len, diff_text *out);
/* A text wholly on one side: inserted (before absent) or deleted. */
void diff_text_whole(arena *a, const char *before, size_t before_len, const char *after,
                     size_t after_len, diff_text *out);

/* Ids sorted, for likeness (heap array). */
uint32_t *diff_sorted_ids(const diff_token *tokens, size_t n);
/* The pairs of neighbouring tokens as ids, sorted (*count of them; the
 * token itself for a text of one): what two Chinese texts share beyond the
 * common characters every text has (heap array). */
uint32_t *diff_sorted_pairs(const diff_token *tokens, size_t n, size_t *count);
/* Dice's coefficient of two multisets given as sorted arrays: 2 |A ∩ B| /
 * (|A| + |B|), 1 for two empty ones. */
double diff_likeness(const uint32_t *a, size_t n, const uint32_t *b, size_t m);
/* How much of the smaller multiset the other holds: |A ∩ B| / min(|A|, |B|),
 * 0 when one is empty. */
double diff_containment(const uint32_t *a, size_t n, const uint32_t *b, size_t m);

/* ---- diff_align.c ---- */

/* One step of an alignment: before[i] and after[j] the same (same), or
 * paired as one thing changed, or one of them alone (the other SIZE_MAX). */
typedef struct diff_step {
    size_t before, after;
    bool same;
} diff_step;

/* How alike before[i] and after[j] are, 0..1; negative when they cannot be
 * paired at all (a table and a paragraph). */
typedef double (*diff_like_fn)(void *ctx, size_t i, size_t j);

/* Align a[0..n) and b[0..m): equal ids are the same thing (diff_sequences);
 * in each stretch between them, things at least `threshold` alike are
 * paired, in order, for the greatest total likeness (a stretch of one on
 * each side is paired when pair_lone and they can be: the thing at that
 * place changed). Removed things come before added ones between pairs.
 * Returns the steps in document order (heap array). */
size_t diff_align(const uint32_t *a, size_t n, const uint32_t *b, size_t m, diff_like_fn like,
                  void *ctx, double threshold, bool pair_lone, diff_step **out);

/* ---- the model being built (diff_blocks.c, diff_tasks.c, diff_report.c) ---- */

enum { TAG_TOKEN, TAG_PARAGRAPH, TAG_TABLE, TAG_ROW, TAG_SUMMARY, TAG_TITLE, TAG_TASK };

typedef struct diff_ctx {
    diff_model *m;
    arena *a; /* the model's */
    diff_intern *ids;
} diff_ctx;

/* ---- diff_blocks.c ---- */

typedef VEC(diff_block) diff_block_list;

/* The id of a block's content (paragraph text, table, summary caption). */
uint32_t diff_block_id(diff_ctx *c, const report_block *b);
/* The changed paragraphs, tables and summaries between two sections'
 * blocks (tasks blocks are the area's); either side may be NULL (a section
 * added or removed). Appended to *out in document order. */
void diff_section_blocks(diff_ctx *c, const report_section *before, const report_section *after,
                         diff_block_list *out);
/* The closing paragraphs. */
void diff_closing(diff_ctx *c);

/* ---- diff_tasks.c ---- */

/* The task changes of two sections (either may be NULL) as work areas:
 * NULL when no task changed and the means read the same. */
diff_area *diff_section_area(diff_ctx *c, const report_section *before,
                             const report_section *after);

#endif
