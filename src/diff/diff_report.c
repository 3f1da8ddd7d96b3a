/* diff_report.c — two reports compared: the meta fields, then the sections
 * level by level (matched by title; between titles that match, by place and
 * likeness, so a renamed section is a rename: its title or its content
 * still tells it apart from a new one), each with its blocks, work area and
 * subsections, then the closing. */
#include "diff_internal.h"

#include <stdlib.h>
#include <string.h>

/* Sections sharing less than this of their title's tokens and of their
 * content's are not one section renamed, however they stand: a new title
 * over new content is a new section. */
#define SECTION_LIKENESS 0.5

/* ---- meta ---- */

typedef struct meta_key {
    const char *key, *label;
} meta_key;

static const meta_key META_KEYS[] = {
    {"version", "版本"},     {"date", "日期"},           {"title", "标题"},
    {"short_title", "简称"}, {"subtitle", "副标题"},     {"organization", "发文机关"},
    {"id", "编号"},          {"classification", "密级"}, {"copy", "份号"},
    {"editor", "编辑"},      {"subject", "主题"},        {"keywords", "关键词"},
    {"layout", "版式"},
};

static const char *text_or_null(const report_text *t, const report_text *defaulted_from)
{
    /* a default the model filled in (short_title from title) is not a value given */
    if (defaulted_from && t->s == defaulted_from->s)
        return NULL;
    return t->s;
}

static const char *keywords(arena *a, const report_meta *m)
{
    if (m->nkeywords == 0)
        return NULL;
    size_t n = 1;
    for (size_t i = 0; i < m->nkeywords; i++)
        n += m->keywords[i].len + strlen("、");
    char *out = arena_alloc(a, n);
    for (size_t i = 0; i < m->nkeywords; i++) {
        if (i)
            strcat(out, "、");
        strcat(out, m->keywords[i].s);
    }
    return out;
}

/* The value of meta field k (of META_KEYS) as text, NULL when absent. */
static const char *meta_value(arena *a, const report_meta *m, size_t k)
{
    switch (k) {
    case 0:
        return m->version.text;
    case 1:
        return arena_printf(a, "%04d-%02d-%02d", m->date.year, m->date.month, m->date.day);
    case 2:
        return m->title.s;
    case 3:
        return text_or_null(&m->short_title, &m->title);
    case 4:
        return m->subtitle.s;
    case 5:
        return m->organization.s;
    case 6:
        return m->id.s;
    case 7:
        return m->classification.s;
    case 8:
        return m->copy.s;
    case 9:
        return m->editor.s;
    case 10:
        return text_or_null(&m->subject, &m->subtitle);
    case 11:
        return keywords(a, m);
    default:
        return m->layout.s;
    }
}

static void compare_meta(diff_ctx *c)
{
    enum { N = sizeof META_KEYS / sizeof *META_KEYS };
    c->m->meta = arena_alloc(c->a, N * sizeof *c->m->meta);
    for (size_t k = 0; k < N; k++) {
        const char *b = meta_value(c->a, &c->m->before->meta, k);
        const char *a = meta_value(c->a, &c->m->after->meta, k);
        diff_field *f = &c->m->meta[c->m->nmeta];
        *f = (diff_field){META_KEYS[k].key, META_KEYS[k].label, {0}};
        diff_text_compare(c->ids, c->a, b, b ? strlen(b) : 0, a, a ? strlen(a) : 0, &f->text);
        if (f->text.changed)
            c->m->nmeta++;
    }
    c->m->counts.meta = c->m->nmeta;
}

/* ---- sections ---- */

typedef struct siblings {
    const report_section *items;
    size_t n;
    uint32_t *ids;  /* titles */
    uint32_t **sig; /* sorted ids of the content, lazily */
    size_t *nsig;
    uint32_t **title; /* sorted ids of the title's tokens, lazily */
    size_t *ntitle;
} siblings;

static siblings siblings_of(diff_ctx *c, const report_section *items, size_t n)
{
    siblings s = {items,
                  n,
                  xcalloc(n + 1, sizeof *s.ids),
                  xcalloc(n + 1, sizeof *s.sig),
                  xcalloc(n + 1, sizeof *s.nsig),
                  xcalloc(n + 1, sizeof *s.title),
                  xcalloc(n + 1, sizeof *s.ntitle)};
    for (size_t i = 0; i < n; i++)
        s.ids[i] = diff_intern_id(c->ids, TAG_TITLE, items[i].title.s, items[i].title.len);
    return s;
}

static void siblings_free(siblings *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->sig[i]);
        free(s->title[i]);
    }
    free(s->ids);
    free(s->sig);
    free(s->nsig);
    free(s->title);
    free(s->ntitle);
}

static int cmp_id(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

typedef VEC(uint32_t) id_list;

/* The pairs of neighbouring tokens of a text (diff_sorted_pairs). */
static void add_tokens(diff_ctx *c, id_list *ids, const char *s, size_t len)
{
    diff_token *tok;
    size_t n = diff_tokenize(c->ids, s, len, &tok), npairs;
    uint32_t *pairs = diff_sorted_pairs(tok, n, &npairs);
    for (size_t i = 0; i < npairs; i++)
        VEC_PUSH(ids, pairs[i]);
    free(pairs);
    free(tok);
}

/* The token pairs of what a section says, its subsections' included:
 * paragraphs, summary captions, task names, subsection titles. Tables
 * count by their caption. */
static void section_tokens(diff_ctx *c, id_list *ids, const report_section *sec)
{
    for (size_t k = 0; k < sec->nblocks; k++) {
        const report_block *b = &sec->blocks[k];
        if (b->kind == REPORT_BLOCK_PARAGRAPH)
            add_tokens(c, ids, b->para.text.s, b->para.text.len);
        else if (b->kind == REPORT_BLOCK_SUMMARY && b->summary.s)
            add_tokens(c, ids, b->summary.s, b->summary.len);
        else if (b->kind == REPORT_BLOCK_TABLE && b->table.caption.s)
            add_tokens(c, ids, b->table.caption.s, b->table.caption.len);
        for (size_t t = 0; b->kind == REPORT_BLOCK_TASKS && t < b->ntasks; t++)
            add_tokens(c, ids, b->tasks[t].name.s, b->tasks[t].name.len);
    }
    for (size_t k = 0; k < sec->nsections; k++) {
        add_tokens(c, ids, sec->sections[k].title.s, sec->sections[k].title.len);
        section_tokens(c, ids, &sec->sections[k]);
    }
}

static void content_signature(diff_ctx *c, siblings *s, size_t i)
{
    if (s->sig[i])
        return;
    id_list ids = {0};
    section_tokens(c, &ids, &s->items[i]);
    VEC_RESERVE(&ids, 1); /* never NULL: computed once */
    qsort(ids.items, ids.count, sizeof *ids.items, cmp_id);
    s->sig[i] = ids.items;
    s->nsig[i] = ids.count;
}

static void title_signature(diff_ctx *c, siblings *s, size_t i)
{
    if (s->title[i])
        return;
    diff_token *tok;
    s->ntitle[i] = diff_tokenize(c->ids, s->items[i].title.s, s->items[i].title.len, &tok);
    s->title[i] = diff_sorted_ids(tok, s->ntitle[i]);
    free(tok);
}

typedef struct section_pairing {
    diff_ctx *c;
    siblings *before, *after;
} section_pairing;

static double section_likeness(void *ctx, size_t i, size_t j)
{
    section_pairing *p = ctx;
    title_signature(p->c, p->before, i);
    title_signature(p->c, p->after, j);
    content_signature(p->c, p->before, i);
    content_signature(p->c, p->after, j);
    double title = diff_likeness(p->before->title[i], p->before->ntitle[i], p->after->title[j],
                                 p->after->ntitle[j]);
    /* two sections with nothing in them are alike only by title */
    double content = p->before->nsig[i] && p->after->nsig[j]
                         ? diff_likeness(p->before->sig[i], p->before->nsig[i], p->after->sig[j],
                                         p->after->nsig[j])
                         : 0;
    return title > content ? title : content;
}

static bool compare_section(diff_ctx *c, const report_section *before, const report_section *after,
                            int depth, int ordinal, diff_section *out);

/* The subsections with a change, of two lists of siblings (either empty). */
static void compare_children(diff_ctx *c, const report_section *before, size_t nb,
                             const report_section *after, size_t na, int depth, diff_section **out,
                             size_t *nout)
{
    siblings sb = siblings_of(c, before, nb), sa = siblings_of(c, after, na);
    section_pairing p = {c, &sb, &sa};
    diff_step *steps;
    size_t n =
        diff_align(sb.ids, nb, sa.ids, na, section_likeness, &p, SECTION_LIKENESS, false, &steps);
    VEC(diff_section) changed = {0};
    for (size_t k = 0; k < n; k++) {
        const diff_step *st = &steps[k];
        const report_section *b = st->before == SIZE_MAX ? NULL : &before[st->before];
        const report_section *a = st->after == SIZE_MAX ? NULL : &after[st->after];
        int ordinal = (int)(a ? st->after : st->before) + 1;
        diff_section sec;
        if (compare_section(c, b, a, depth, ordinal, &sec))
            VEC_PUSH(&changed, sec);
    }
    *out = arena_alloc(c->a, (changed.count + 1) * sizeof **out);
    if (changed.count)
        memcpy(*out, changed.items, changed.count * sizeof **out);
    *nout = changed.count;
    free(changed.items);
    free(steps);
    siblings_free(&sb);
    siblings_free(&sa);
}

static void count_section(diff_ctx *c, const diff_section *s)
{
    diff_counts *n = &c->m->counts;
    if (s->status == DIFF_ADDED)
        n->sections_added++;
    else if (s->status == DIFF_REMOVED)
        n->sections_removed++;
    else if (s->title.changed)
        n->sections_renamed++;
}

/* Compare two sections (either may be NULL: added or removed); false when
 * nothing in them changed. */
static bool compare_section(diff_ctx *c, const report_section *before, const report_section *after,
                            int depth, int ordinal, diff_section *out)
{
    memset(out, 0, sizeof *out);
    out->status = !before ? DIFF_ADDED : !after ? DIFF_REMOVED : DIFF_CHANGED;
    out->before = before;
    out->after = after;
    out->depth = depth;
    out->ordinal = ordinal;
    const report_text none = {0};
    const report_text *tb = before ? &before->title : &none, *ta = after ? &after->title : &none;
    if (out->status == DIFF_CHANGED)
        diff_text_compare(c->ids, c->a, tb->s, tb->len, ta->s, ta->len, &out->title);
    else
        diff_text_whole(c->a, tb->s, tb->len, ta->s, ta->len, &out->title);
    diff_block_list blocks = {0};
    diff_section_blocks(c, before, after, &blocks);
    out->blocks = arena_alloc(c->a, (blocks.count + 1) * sizeof *blocks.items);
    if (blocks.count)
        memcpy(out->blocks, blocks.items, blocks.count * sizeof *blocks.items);
    out->nblocks = blocks.count;
    free(blocks.items);
    out->area = diff_section_area(c, before, after);
    compare_children(c, before ? before->sections : NULL, before ? before->nsections : 0,
                     after ? after->sections : NULL, after ? after->nsections : 0, depth + 1,
                     &out->sections, &out->nsections);
    count_section(c, out);
    return out->status != DIFF_CHANGED || out->title.changed || out->nblocks || out->area ||
           out->nsections;
}

/* ---- the model ---- */

diff_model *diff_reports(const report *before, const report *after)
{
    diff_model *m = xcalloc(1, sizeof *m);
    m->before = before;
    m->after = after;
    m->arena = arena_new();
    diff_ctx c = {m, m->arena, diff_intern_new()};
    compare_meta(&c);
    compare_children(&c, before->sections, before->nsections, after->sections, after->nsections, 1,
                     &m->sections, &m->nsections);
    diff_closing(&c);
    diff_intern_free(c.ids);
    return m;
}

bool diff_model_is_empty(const diff_model *m)
{
    return m->nmeta == 0 && m->nsections == 0 && m->nclosing == 0;
}

void diff_model_free(diff_model *m)
{
    if (!m)
        return;
    arena_free(m->arena);
    free(m);
}
