/* diff_blocks.c — the paragraphs, tables and summaries of a section (and
 * the closing paragraphs) compared: blocks with the same content are the
 * same; between them, blocks of one kind are paired by likeness (the
 * tokens two paragraphs share, the rows two tables share) so that an edited
 * paragraph is one change, then compared in detail: a paragraph token by
 * token, a table caption, heads, rows (matched the same way) and note. */
#include "diff_internal.h"

#include <stdlib.h>
#include <string.h>

/* Paragraphs sharing less than this part of their pairs of neighbouring
 * tokens are an addition and a removal, not an edit, unless one holds
 * nearly all of the other's (HELD, of at least MIN_PAIRS_HELD pairs: a
 * paragraph that grew by a sentence or more); tables sharing less than
 * TABLE_LIKENESS of their rows likewise, unless one stands where the other
 * stood; rows sharing less than ROW_LIKENESS of their cells. */
#define PARAGRAPH_LIKENESS 0.4
#define HELD 0.8
#define MIN_PAIRS_HELD 6
#define TABLE_LIKENESS 0.3
#define ROW_LIKENESS 0.5

/* ---- keys: the content of a block as one string ---- */

typedef VEC(char) buffer;

static void put(buffer *b, const char *s, size_t len)
{
    VEC_RESERVE(b, b->count + len + 1);
    memcpy(b->items + b->count, s, len);
    b->count += len;
}

static void put_text(buffer *b, const report_text *t)
{
    if (t->s)
        put(b, t->s, t->len);
    put(b, "\x1f", 1);
}

/* A cell as text: a progress cell as its figure with %, as written. */
static const char *cell_text(diff_ctx *c, const report_cell *cell, size_t *len)
{
    if (cell->is_progress) {
        const char *s = arena_printf(c->a, "%s%%", cell->progress.text);
        *len = strlen(s);
        return s;
    }
    *len = cell->text.s ? cell->text.len : 0;
    return cell->text.s ? cell->text.s : "";
}

static uint32_t row_id(diff_ctx *c, const report_table *t, size_t r)
{
    buffer b = {0};
    for (size_t k = 0; k < t->ncolumns; k++) {
        size_t len;
        const char *s = cell_text(c, &t->rows[r][k], &len);
        put(&b, s, len);
        put(&b, t->rows[r][k].is_progress ? "\x1d" : "\x1f", 1);
    }
    char *key = arena_strndup(c->a, b.items ? b.items : "", b.count);
    free(b.items);
    return diff_intern_id(c->ids, TAG_ROW, key, strlen(key));
}

static uint32_t table_id(diff_ctx *c, const report_table *t)
{
    buffer b = {0};
    put_text(&b, &t->caption);
    for (size_t k = 0; k < t->ncolumns; k++)
        put_text(&b, &t->columns[k]);
    put(&b, "\x1e", 1);
    for (size_t r = 0; r < t->nrows; r++) {
        char id[16];
        snprintf(id, sizeof id, "%u\x1e", (unsigned)row_id(c, t, r));
        put(&b, id, strlen(id));
    }
    put_text(&b, &t->note);
    char *key = arena_strndup(c->a, b.items, b.count);
    free(b.items);
    return diff_intern_id(c->ids, TAG_TABLE, key, strlen(key));
}

uint32_t diff_block_id(diff_ctx *c, const report_block *b)
{
    switch (b->kind) {
    case REPORT_BLOCK_PARAGRAPH:
        return diff_intern_id(c->ids, TAG_PARAGRAPH, b->para.text.s, b->para.text.len);
    case REPORT_BLOCK_TABLE:
        return table_id(c, &b->table);
    case REPORT_BLOCK_SUMMARY:
        return diff_intern_id(c->ids, TAG_SUMMARY, b->summary.s ? b->summary.s : "",
                              b->summary.s ? b->summary.len : 0);
    case REPORT_BLOCK_TASKS:
        break;
    }
    return 0;
}

/* ---- the blocks of one side ---- */

typedef struct item {
    diff_block_kind kind;
    const report_block *block; /* NULL for a closing paragraph */
    const report_para *para;   /* paragraphs */
    uint32_t *sig;             /* sorted token ids (paragraphs) or row ids (tables), lazily */
    size_t nsig;
    bool signed_;
} item;

typedef struct side {
    item *items;
    uint32_t *ids;
    size_t n;
} side;

static side blocks_of(diff_ctx *c, const report_section *sec)
{
    size_t n = sec ? sec->nblocks : 0, count = 0;
    side s = {xcalloc(n + 1, sizeof *s.items), xcalloc(n + 1, sizeof *s.ids), 0};
    for (size_t i = 0; i < n; i++) {
        const report_block *b = &sec->blocks[i];
        if (b->kind == REPORT_BLOCK_TASKS)
            continue; /* the work area's, compared by diff_tasks.c */
        item *it = &s.items[count];
        *it = (item){.block = b};
        it->kind = b->kind == REPORT_BLOCK_PARAGRAPH ? DIFF_BLOCK_PARAGRAPH
                   : b->kind == REPORT_BLOCK_TABLE   ? DIFF_BLOCK_TABLE
                                                     : DIFF_BLOCK_SUMMARY;
        if (b->kind == REPORT_BLOCK_PARAGRAPH)
            it->para = &b->para;
        s.ids[count++] = diff_block_id(c, b);
    }
    s.n = count;
    return s;
}

static side closing_of(diff_ctx *c, const report *r)
{
    side s = {xcalloc(r->nclosing + 1, sizeof *s.items), xcalloc(r->nclosing + 1, sizeof *s.ids),
              r->nclosing};
    for (size_t i = 0; i < r->nclosing; i++) {
        s.items[i] = (item){.kind = DIFF_BLOCK_PARAGRAPH, .para = &r->closing[i]};
        s.ids[i] =
            diff_intern_id(c->ids, TAG_PARAGRAPH, r->closing[i].text.s, r->closing[i].text.len);
    }
    return s;
}

static void side_free(side *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->items[i].sig);
    free(s->items);
    free(s->ids);
}

static const uint32_t *signature(diff_ctx *c, item *it, size_t *n)
{
    if (!it->signed_) {
        it->signed_ = true;
        if (it->kind == DIFF_BLOCK_PARAGRAPH) {
            diff_token *tok;
            size_t n = diff_tokenize(c->ids, it->para->text.s, it->para->text.len, &tok);
            it->sig = diff_sorted_pairs(tok, n, &it->nsig);
            free(tok);
        } else if (it->kind == DIFF_BLOCK_TABLE) {
            const report_table *t = &it->block->table;
            diff_token *rows = xcalloc(t->nrows + 1, sizeof *rows);
            for (size_t r = 0; r < t->nrows; r++)
                rows[r].id = row_id(c, t, r);
            it->nsig = t->nrows;
            it->sig = diff_sorted_ids(rows, t->nrows);
            free(rows);
        }
    }
    *n = it->nsig;
    return it->sig;
}

typedef struct pairing {
    diff_ctx *c;
    side *before, *after;
} pairing;

static double block_likeness(void *ctx, size_t i, size_t j)
{
    pairing *p = ctx;
    item *a = &p->before->items[i], *b = &p->after->items[j];
    if (a->kind != b->kind)
        return -1;
    if (a->kind == DIFF_BLOCK_SUMMARY)
        return 1;
    size_t na, nb;
    const uint32_t *sa = signature(p->c, a, &na), *sb = signature(p->c, b, &nb);
    double like = diff_likeness(sa, na, sb, nb);
    if (a->kind != DIFF_BLOCK_PARAGRAPH)
        return like;
    /* a paragraph that grew (or shrank) by whole sentences still holds the other */
    if ((na < nb ? na : nb) >= MIN_PAIRS_HELD && diff_containment(sa, na, sb, nb) >= HELD)
        like = like > PARAGRAPH_LIKENESS ? like : PARAGRAPH_LIKENESS;
    /* paragraphs below the bar are not an edit of each other */
    return like >= PARAGRAPH_LIKENESS ? like : -1;
}

/* ---- tables in detail ---- */

static const report_text NO_TEXT = {0};

static void compare_texts(diff_ctx *c, const report_text *before, const report_text *after,
                          diff_text *out)
{
    diff_text_compare(c->ids, c->a, before->s, before->s ? before->len : 0, after->s,
                      after->s ? after->len : 0, out);
}

typedef struct rows_ctx {
    diff_ctx *c;
    const report_table *before, *after;
} rows_ctx;

static void cell_of(diff_ctx *c, const report_table *t, size_t r, size_t k, const char **s,
                    size_t *len)
{
    *s = "";
    *len = 0;
    if (t && r < t->nrows && k < t->ncolumns)
        *s = cell_text(c, &t->rows[r][k], len);
}

static double row_likeness(void *ctx, size_t i, size_t j)
{
    rows_ctx *rc = ctx;
    size_t ncols =
        rc->before->ncolumns > rc->after->ncolumns ? rc->before->ncolumns : rc->after->ncolumns;
    size_t same = 0;
    for (size_t k = 0; k < ncols; k++) {
        const char *a, *b;
        size_t la, lb;
        cell_of(rc->c, rc->before, i, k, &a, &la);
        cell_of(rc->c, rc->after, j, k, &b, &lb);
        same += la == lb && memcmp(a, b, la) == 0;
    }
    return ncols ? (double)same / (double)ncols : 1;
}

static void compare_row(diff_ctx *c, const report_table *before, const report_table *after,
                        const diff_step *st, diff_row *out)
{
    size_t nb = before ? before->ncolumns : 0, na = after ? after->ncolumns : 0;
    out->status = st->before == SIZE_MAX  ? DIFF_ADDED
                  : st->after == SIZE_MAX ? DIFF_REMOVED
                                          : DIFF_CHANGED;
    out->before_index = st->before;
    out->after_index = st->after;
    out->ncells = nb > na ? nb : na;
    out->cells = arena_alloc(c->a, (out->ncells + 1) * sizeof *out->cells);
    for (size_t k = 0; k < out->ncells; k++) {
        const char *a, *b;
        size_t la, lb;
        cell_of(c, before, st->before, k, &a, &la);
        cell_of(c, after, st->after, k, &b, &lb);
        if (out->status == DIFF_CHANGED)
            diff_text_compare(c->ids, c->a, a, la, b, lb, &out->cells[k]);
        else
            diff_text_whole(c->a, a, la, b, lb, &out->cells[k]);
    }
}

static void compare_heads(diff_ctx *c, const report_table *before, const report_table *after,
                          diff_table *out)
{
    size_t nb = before ? before->ncolumns : 0, na = after ? after->ncolumns : 0;
    out->nheads = nb > na ? nb : na;
    out->heads = arena_alloc(c->a, (out->nheads + 1) * sizeof *out->heads);
    for (size_t k = 0; k < out->nheads; k++) {
        compare_texts(c, before && k < nb ? &before->columns[k] : &NO_TEXT,
                      after && k < na ? &after->columns[k] : &NO_TEXT, &out->heads[k]);
        out->heads_changed = out->heads_changed || out->heads[k].changed;
    }
}

/* Either side may be NULL: a table added or removed is all rows. */
static void compare_table(diff_ctx *c, const report_table *before, const report_table *after,
                          diff_table *out)
{
    compare_texts(c, before ? &before->caption : &NO_TEXT, after ? &after->caption : &NO_TEXT,
                  &out->caption);
    compare_texts(c, before ? &before->note : &NO_TEXT, after ? &after->note : &NO_TEXT,
                  &out->note);
    compare_heads(c, before, after, out);
    size_t nb = before ? before->nrows : 0, na = after ? after->nrows : 0;
    uint32_t *ib = xcalloc(nb + 1, sizeof *ib), *ia = xcalloc(na + 1, sizeof *ia);
    for (size_t r = 0; r < nb; r++)
        ib[r] = row_id(c, before, r);
    for (size_t r = 0; r < na; r++)
        ia[r] = row_id(c, after, r);
    static const report_table none = {0};
    rows_ctx rc = {c, before ? before : &none, after ? after : &none};
    diff_step *steps;
    size_t n = diff_align(ib, nb, ia, na, row_likeness, &rc, ROW_LIKENESS, true, &steps);
    VEC(diff_row) rows = {0};
    for (size_t k = 0; k < n; k++) {
        if (steps[k].same)
            continue;
        diff_row row = {0};
        compare_row(c, before, after, &steps[k], &row);
        VEC_PUSH(&rows, row);
    }
    out->rows = arena_alloc(c->a, (rows.count + 1) * sizeof *out->rows);
    if (rows.count)
        memcpy(out->rows, rows.items, rows.count * sizeof *out->rows);
    out->nrows = rows.count;
    free(rows.items);
    free(steps);
    free(ib);
    free(ia);
}

/* ---- one block changed, added or removed ---- */

static void count(diff_ctx *c, diff_block_kind kind, diff_status status)
{
    diff_counts *n = &c->m->counts;
    if (kind == DIFF_BLOCK_PARAGRAPH)
        ++*(status == DIFF_CHANGED ? &n->paragraphs_changed
            : status == DIFF_ADDED ? &n->paragraphs_added
                                   : &n->paragraphs_removed);
    else if (kind == DIFF_BLOCK_TABLE)
        n->tables_changed++;
    else
        n->summaries_changed++;
}

static void compare_item(diff_ctx *c, const item *before, const item *after, diff_block *out)
{
    const item *it = after ? after : before;
    memset(out, 0, sizeof *out);
    out->kind = it->kind;
    out->status = !before ? DIFF_ADDED : !after ? DIFF_REMOVED : DIFF_CHANGED;
    out->before = before ? before->block : NULL;
    out->after = after ? after->block : NULL;
    out->para_before = before ? before->para : NULL;
    out->para_after = after ? after->para : NULL;
    if (it->kind == DIFF_BLOCK_TABLE) {
        compare_table(c, before ? &before->block->table : NULL, after ? &after->block->table : NULL,
                      &out->table);
        return;
    }
    const report_text *tb = !before                            ? &NO_TEXT
                            : it->kind == DIFF_BLOCK_PARAGRAPH ? &before->para->text
                                                               : &before->block->summary;
    const report_text *ta = !after                             ? &NO_TEXT
                            : it->kind == DIFF_BLOCK_PARAGRAPH ? &after->para->text
                                                               : &after->block->summary;
    if (out->status == DIFF_CHANGED)
        compare_texts(c, tb, ta, &out->text);
    else
        diff_text_whole(c->a, tb->s, tb->s ? tb->len : 0, ta->s, ta->s ? ta->len : 0, &out->text);
}

/* Align the two sides and append what changed to out. */
static void compare_sides(diff_ctx *c, side *before, side *after, diff_block_list *out)
{
    pairing p = {c, before, after};
    diff_step *steps;
    size_t n = diff_align(before->ids, before->n, after->ids, after->n, block_likeness, &p,
                          TABLE_LIKENESS, true, &steps);
    for (size_t k = 0; k < n; k++) {
        if (steps[k].same)
            continue;
        const item *b = steps[k].before == SIZE_MAX ? NULL : &before->items[steps[k].before];
        const item *a = steps[k].after == SIZE_MAX ? NULL : &after->items[steps[k].after];
        diff_block blk;
        compare_item(c, b, a, &blk);
        count(c, blk.kind, blk.status);
        VEC_PUSH(out, blk);
    }
    free(steps);
}

void diff_section_blocks(diff_ctx *c, const report_section *before, const report_section *after,
                         diff_block_list *out)
{
    side b = blocks_of(c, before), a = blocks_of(c, after);
    compare_sides(c, &b, &a, out);
    side_free(&b);
    side_free(&a);
}

void diff_closing(diff_ctx *c)
{
    side b = closing_of(c, c->m->before), a = closing_of(c, c->m->after);
    diff_block_list out = {0};
    compare_sides(c, &b, &a, &out);
    c->m->closing = arena_alloc(c->a, (out.count + 1) * sizeof *out.items);
    if (out.count)
        memcpy(c->m->closing, out.items, out.count * sizeof *out.items);
    c->m->nclosing = out.count;
    free(out.items);
    side_free(&b);
    side_free(&a);
}
