/* paragraph.c — choosing a paragraph's breaks (Knuth–Plass, with a
 * first-fit fallback that breaks by force) and setting the lines: glyph
 * positions with indent, compression, justification and alignment, runs
 * by font, and ActualText spans over gaps an extractor would read as a
 * space. The item model is described in para_build.c. */
#include "para_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A gap wider than this would make pdftotext insert a space that is not in
 * the source (poppler starts a new word at 0.1 em), so the two glyphs
 * around it become one ActualText span. */
#define WIDE_GAP_EM 0.1

static const double TOLERANCES[] = {1, 2, 5, 10};

/* ---- breaking ---- */

static bool item_is_forced(const kp_item *it)
{
    return it->kind == KP_PENALTY && it->penalty <= -KP_INFINITY;
}

/* Where the line after a break at b starts: glue and penalties after a
 * break are dropped, up to the next box (as text_kp_break counts it). */
static size_t line_start_after(const text_setting *p, size_t b)
{
    size_t i = b + 1;
    while (i < p->items.count && p->items.items[i].kind != KP_BOX &&
           !item_is_forced(&p->items.items[i]))
        i++;
    return i;
}

static bool item_is_breakpoint(const text_setting *p, size_t j)
{
    const kp_item *it = &p->items.items[j];
    if (it->kind == KP_PENALTY)
        return it->penalty < KP_INFINITY;
    return it->kind == KP_GLUE && j > 0 && p->items.items[j - 1].kind == KP_BOX;
}

static size_t line_start_of(const text_setting *p, const size_t *breaks, size_t k)
{
    return k == 0 ? 0 : line_start_after(p, breaks[k - 1]);
}

/* Characters around code point `at` without a real break opportunity. */
static size_t unbreakable_length(const text_setting *p, size_t at, size_t *end)
{
    size_t lo = at, hi = at + 1;
    while (lo > 0 && p->breaks[lo] == BREAK_NONE)
        lo--;
    while (hi < p->ncp && p->breaks[hi] == BREAK_NONE)
        hi++;
    *end = hi;
    return hi - lo;
}

static void warn_forced(const text_setting *p, size_t b, size_t *warned_until,
                        const text_origin *origin, diag_list *diags)
{
    size_t j = b + 1;
    while (j < p->items.count && p->refs.items[j].role != ROLE_BOX)
        j++;
    if (j >= p->items.count)
        return;
    size_t at = p->clusters.items[p->refs.items[j].index].cp_index, end = 0;
    size_t n = unbreakable_length(p, at, &end);
    if (*warned_until == end)
        return;
    *warned_until = end;
    diag_add(diags, DIAG_WARNING, origin ? origin->file : NULL, origin ? origin->line : 0,
             origin ? origin->col : 0, "no break opportunity in %zu characters; broken by force",
             n);
}

/* First fit over the emergency items: the farthest real breakpoint that
 * fits with everything shrunk, else the farthest forced one, else the first
 * breakpoint at all (a box wider than the line). */
static size_t first_fit(const text_setting *p, const double *widths, size_t nwidths, size_t **out,
                        const text_origin *origin, diag_list *diags)
{
    VEC(size_t) br = {0};
    size_t n = p->items.count, s = 0, warned_until = PARA_NONE;
    while (s < n) {
        double target = widths[br.count < nwidths ? br.count : nwidths - 1];
        double w = 0, z = 0;
        size_t real = PARA_NONE, forced = PARA_NONE, chosen = PARA_NONE;
        for (size_t j = s; j < n; j++) {
            const kp_item *it = &p->items.items[j];
            if (item_is_breakpoint(p, j)) {
                bool fits = w - z <= target + 1e-9;
                bool any = real != PARA_NONE || forced != PARA_NONE;
                if (item_is_forced(it) || (!fits && !any)) {
                    chosen = fits || !any ? j : PARA_NONE;
                    break;
                }
                if (!fits)
                    break;
                bool emergency = it->kind == KP_PENALTY && it->penalty >= PARA_EMERGENCY_PENALTY;
                *(emergency ? &forced : &real) = j;
            }
            if (it->kind != KP_PENALTY)
                w += it->width;
            if (it->kind == KP_GLUE)
                z += it->shrink;
        }
        if (chosen == PARA_NONE)
            chosen = real != PARA_NONE ? real : forced;
        if (chosen == forced && chosen != real)
            warn_forced(p, chosen, &warned_until, origin, diags);
        VEC_PUSH(&br, chosen);
        if (chosen + 1 >= n)
            break;
        s = line_start_after(p, chosen);
    }
    *out = br.items;
    return br.count;
}

static size_t choose_breaks(text_setting *p, double measure, const text_origin *origin,
                            diag_list *diags, size_t **breaks)
{
    double widths[2] = {measure - p->st->indent, measure};
    size_t nwidths = p->st->indent != 0 ? 2 : 1;
    if (nwidths == 1)
        widths[0] = measure;
    if (p->st->cell > 0) {
        /* A strict grid fills every line as far as the line-start rules let
         * it, as Word's document grid does: first fit. Total fit would
         * spread a line pushed out over its neighbours, and take every one
         * of them off the cells. */
        text_setting_build_items(p, true);
        return first_fit(p, widths, nwidths, breaks, origin, diags);
    }
    for (size_t t = 0; t < sizeof TOLERANCES / sizeof TOLERANCES[0]; t++) {
        size_t n =
            text_kp_break(p->items.items, p->items.count, widths, nwidths, TOLERANCES[t], breaks);
        if (n)
            return n;
    }
    text_setting_build_items(p, true);
    return first_fit(p, widths, nwidths, breaks, origin, diags);
}

/* ---- setting one line ---- */

typedef struct line_setter {
    const text_setting *p;
    arena *a;
    VEC(text_glyph) glyphs;
    VEC(text_run) runs;
    double *gap_width;     /* final width of each junction's gap glue on the line */
    double *cluster_x;     /* pen x of each cluster on the line */
    size_t line_first_run; /* runs before it belong to earlier lines */
} line_setter;

/* Adjustment ratio: justified lines fill the width; others keep natural
 * spacing unless they are too long (then they shrink). */
static double line_ratio(const text_setting *p, size_t s, size_t e, double target, bool justify)
{
    double w = 0, y = 0, z = 0;
    for (size_t i = s; i < e; i++) {
        const kp_item *it = &p->items.items[i];
        if (it->kind == KP_PENALTY)
            continue;
        w += it->width;
        if (it->kind == KP_GLUE && it->stretch < 1e6) {
            y += it->stretch;
            z += it->shrink;
        }
    }
    if (w > target)
        return z > 0 ? fmax(-1.0, (target - w) / z) : 0;
    if (justify && y > 0)
        return (target - w) / y;
    return 0;
}

/* Walk items [s, e) with ratio r: cluster pen positions and gap widths.
 * Returns the extent (end of the last box). */
static double place_items(line_setter *ls, size_t s, size_t e, double r)
{
    const text_setting *p = ls->p;
    double x = 0, extent = 0;
    for (size_t i = s; i < e; i++) {
        const kp_item *it = &p->items.items[i];
        const para_ref *ref = &p->refs.items[i];
        if (it->kind == KP_PENALTY)
            continue;
        double w = it->width;
        if (it->kind == KP_GLUE && it->stretch < 1e6)
            w += r > 0 ? r * it->stretch : r * it->shrink;
        if (ref->role == ROLE_BOX) {
            const para_cluster *c = &p->clusters.items[ref->index];
            ls->cluster_x[ref->index] = x - c->lb + c->inset; /* pen: the ink sits lb in */
            extent = x + w;
        } else if (ref->role == ROLE_GAP) {
            ls->gap_width[ref->index] = w;
        }
        x += w;
    }
    return extent;
}

/* Does junction j, between two clusters of this line, need an ActualText
 * span? A tab or line feed always does (no glyph shows it); a gap does when
 * an extractor would read it as a space. */
static bool junction_linked(const line_setter *ls, size_t j, size_t s, size_t e)
{
    const para_junction *jn = &ls->p->junctions.items[j];
    if (jn->control)
        return true;
    if (jn->gap_item == PARA_NONE || jn->gap_item < s || jn->gap_item >= e)
        return false;
    if (jn->gap == GAP_CJK_LATIN)
        return true;
    return jn->gap == GAP_HAN && ls->gap_width[j] > WIDE_GAP_EM * ls->p->em;
}

static void start_run(line_setter *ls, const para_cluster *c, bool actual)
{
    text_run r = {0};
    r.font = c->font;
    r.size = ls->p->st->size;
    r.strong = c->strong;
    r.actual_text = actual;
    r.text_start = c->start;
    r.text_end = c->end;
    r.nglyphs = ls->glyphs.count; /* first glyph index until the run is closed */
    VEC_PUSH(&ls->runs, r);
}

/* A glyph keeps its cluster's length in 16 bits. A longer cluster (only a
 * pathological run of combining marks makes one) keeps its first bytes up
 * to a character boundary, and its run says the whole text as ActualText. */
static uint16_t cluster_len(line_setter *ls, const para_cluster *c)
{
    size_t len = c->end - c->start;
    if (len <= UINT16_MAX)
        return (uint16_t)len;
    ls->runs.items[ls->runs.count - 1].actual_text = true;
    return (uint16_t)utf8_floor(ls->p->text + c->start, UINT16_MAX);
}

static void emit_glyphs(line_setter *ls, const para_cluster *c, double x)
{
    const text_setting *p = ls->p;
    for (size_t g = c->glyph0; g < c->glyph0 + c->nglyphs; g++) {
        const para_glyph *pg = &p->glyphs.items[g];
        text_glyph tg = {(float)(x + pg->x_offset), (float)-pg->y_offset, (uint32_t)c->start,
                         (uint16_t)pg->gid, g == c->glyph0 ? cluster_len(ls, c) : 0};
        VEC_PUSH(&ls->glyphs, tg);
        x += pg->advance;
    }
    ls->runs.items[ls->runs.count - 1].text_end = c->end;
}

/* Source spaces of a word-space junction are set as glyphs at its start (a
 * tab as room alone); inside the ActualText span of a linked junction. */
static void emit_spaces(line_setter *ls, const para_junction *jn, double x, bool linked)
{
    for (size_t s = jn->space_first; s < jn->space_first + jn->nspaces; s++) {
        const para_cluster *c = &ls->p->clusters.items[s];
        bool own_run = ls->runs.count > ls->line_first_run;
        const text_run *run = own_run ? &ls->runs.items[ls->runs.count - 1] : NULL;
        if (!run || run->actual_text != linked || run->font != c->font || run->strong != c->strong)
            start_run(ls, c, linked);
        emit_glyphs(ls, c, x);
        x += c->adv;
    }
}

/* Runs of the line's clusters [c0, c1] (indices into p->clusters, visible
 * ones plus leading spaces), split at font changes, strong spans and
 * ActualText chains, with x shifted by x0. */
static void build_runs(line_setter *ls, const size_t *cl, size_t ncl, const size_t *jbefore,
                       const bool *linked, double x0)
{
    const text_setting *p = ls->p;
    for (size_t k = 0; k < ncl; k++) {
        const para_cluster *c = &p->clusters.items[cl[k]];
        bool link_before = k > 0 && linked[k];
        bool link_after = k + 1 < ncl && linked[k + 1];
        bool chain = link_before || link_after;
        if (k > 0 && jbefore[k] != PARA_NONE && p->junctions.items[jbefore[k]].gap == GAP_SPACE) {
            const para_junction *jn = &p->junctions.items[jbefore[k]];
            const para_cluster *left = &p->clusters.items[jn->left];
            double gx = x0 + ls->cluster_x[jn->left] - left->inset + left->lb + left->box_w;
            emit_spaces(ls, jn, gx + (left->rb - left->fixed_r), linked[k]);
        }
        text_run *cur =
            ls->runs.count > ls->line_first_run ? &ls->runs.items[ls->runs.count - 1] : NULL;
        bool fresh = !cur || cur->font != c->font || cur->strong != c->strong ||
                     cur->actual_text != chain || (chain && !link_before);
        if (fresh)
            start_run(ls, c, chain);
        emit_glyphs(ls, c, x0 + ls->cluster_x[cl[k]]);
    }
}

/* Move the glyphs into the arena, one array per run. */
static void finish_runs(line_setter *ls, size_t first_run, text_line *line)
{
    size_t nruns = ls->runs.count - first_run;
    line->runs = arena_alloc(ls->a, (nruns ? nruns : 1) * sizeof *line->runs);
    line->nruns = nruns;
    for (size_t r = 0; r < nruns; r++) {
        text_run run = ls->runs.items[first_run + r];
        size_t g0 = run.nglyphs;
        size_t g1 = first_run + r + 1 < ls->runs.count ? ls->runs.items[first_run + r + 1].nglyphs
                                                       : ls->glyphs.count;
        run.nglyphs = g1 - g0;
        run.glyphs = arena_alloc(ls->a, (run.nglyphs ? run.nglyphs : 1) * sizeof *run.glyphs);
        memcpy(run.glyphs, ls->glyphs.items + g0, run.nglyphs * sizeof *run.glyphs);
        line->runs[r] = run;
    }
}

static void font_metrics(const text_setting *p, const text_font *f, text_line *line)
{
    const text_font_info *fi = text_font_get_info(f);
    double s = p->st->size / (double)fi->units_per_em;
    line->ascent = fmax(line->ascent, fi->ascender * s);
    line->descent = fmax(line->descent, -fi->descender * s);
}

/* Of the largest font on the line; an empty line (between two line feeds)
 * has the style's. */
static void line_metrics(const text_setting *p, text_line *line)
{
    for (size_t r = 0; r < line->nruns; r++)
        font_metrics(p, line->runs[r].font, line);
    if (line->nruns == 0)
        font_metrics(p, p->st->font, line);
}

/* ---- decorations ---- */

static bool decorated(const text_setting *p, const para_cluster *c, text_span_kind kind)
{
    for (size_t i = 0; i < p->nspans; i++)
        if (p->spans[i].kind == kind && c->start >= p->spans[i].start && c->start < p->spans[i].end)
            return true;
    return false;
}

static bool has_decorations(const text_setting *p)
{
    for (size_t i = 0; i < p->nspans; i++)
        if (p->spans[i].kind != TEXT_SPAN_STRONG)
            return true;
    return false;
}

/* Where the line's decorated text stands: for each kind, one stretch per
 * run of decorated clusters, over their ink (blank halves of marks left
 * out), with the gaps between them. The glyphs are not touched. */
static void line_decorations(line_setter *ls, const size_t *cl, size_t ncl, double x0,
                             text_line *line)
{
    const text_setting *p = ls->p;
    if (ncl == 0 || !has_decorations(p))
        return;
    static const text_span_kind kinds[] = {TEXT_SPAN_UNDERLINE, TEXT_SPAN_STRIKE};
    VEC(text_decoration) out = {0};
    for (size_t t = 0; t < sizeof kinds / sizeof *kinds; t++) {
        bool open = false;
        for (size_t k = 0; k < ncl; k++) {
            const para_cluster *c = &p->clusters.items[cl[k]];
            if (!decorated(p, c, kinds[t])) {
                open = false;
                continue;
            }
            double left = x0 + ls->cluster_x[cl[k]] + c->lb;
            double right = x0 + ls->cluster_x[cl[k]] + c->adv - c->rb;
            if (open) {
                out.items[out.count - 1].x1 = right;
            } else {
                text_decoration d = {kinds[t], left, right, p->st->size};
                VEC_PUSH(&out, d);
                open = true;
            }
        }
    }
    line->decorations = arena_alloc(ls->a, (out.count ? out.count : 1) * sizeof *out.items);
    if (out.count)
        memcpy(line->decorations, out.items, out.count * sizeof *out.items);
    line->ndecorations = out.count;
    free(out.items);
}

typedef struct line_spec {
    size_t s, e;   /* items [s, e) */
    double target; /* available width */
    double indent; /* x of the line's start */
    bool justify;
} line_spec;

/* Where a line with no cluster stands in the text: at the line feed that
 * ends it, or at the end. */
static size_t empty_line_at(const text_setting *p, size_t e)
{
    const para_ref *ref = &p->refs.items[e];
    return ref->role == ROLE_BREAK ? p->clusters.items[ref->index].start : p->len;
}

static void set_line(line_setter *ls, const line_spec *spec, text_line *line)
{
    const text_setting *p = ls->p;
    double r = line_ratio(p, spec->s, spec->e, spec->target, spec->justify);
    double extent = place_items(ls, spec->s, spec->e, r);
    double x0 = spec->indent;
    if (!spec->justify && p->st->align == STYLE_ALIGN_CENTER)
        x0 += (spec->target - extent) / 2;
    else if (!spec->justify && p->st->align == STYLE_ALIGN_RIGHT)
        x0 += spec->target - extent;

    /* The line's clusters, the junction before each, and its links. */
    size_t cap = spec->e - spec->s + 1;
    size_t *cl = xmalloc(cap * sizeof *cl), *jb = xmalloc(cap * sizeof *jb);
    bool *linked = xcalloc(cap, sizeof *linked);
    size_t ncl = 0;
    for (size_t i = spec->s; i < spec->e; i++) {
        const para_ref *ref = &p->refs.items[i];
        if (ref->role != ROLE_BOX)
            continue;
        cl[ncl] = ref->index;
        /* the junction from the cluster before: between two of the line's */
        size_t j = ncl ? p->clusters.items[ref->index].junction_before : PARA_NONE;
        jb[ncl] = j;
        linked[ncl] = j != PARA_NONE && junction_linked(ls, j, spec->s, spec->e);
        ncl++;
    }
    size_t first_run = ls->runs.count;
    ls->line_first_run = first_run;
    build_runs(ls, cl, ncl, jb, linked, x0);
    finish_runs(ls, first_run, line);
    line_decorations(ls, cl, ncl, x0, line);
    line->width = ncl ? x0 + extent : 0;
    if (ncl) {
        line->text_start = p->clusters.items[cl[0]].start;
        line->text_end = p->clusters.items[cl[ncl - 1]].end;
    } else {
        line->text_start = line->text_end = empty_line_at(p, spec->e);
    }
    line_metrics(p, line);
    free(cl);
    free(jb);
    free(linked);
}

static void setter_init(line_setter *ls, const text_setting *p, arena *a)
{
    memset(ls, 0, sizeof *ls);
    ls->p = p;
    ls->a = a;
    ls->gap_width = xcalloc(p->junctions.count + 1, sizeof *ls->gap_width);
    ls->cluster_x = xcalloc(p->clusters.count + 1, sizeof *ls->cluster_x);
}

static void setter_free(line_setter *ls)
{
    free(ls->glyphs.items);
    free(ls->runs.items);
    free(ls->gap_width);
    free(ls->cluster_x);
}

/* ---- public ---- */

/* A line feed that ends the text ends its last line, like the one YAML's
 * `|` adds: it starts no line of its own, and is not set. */
static bool setting_open(text_setting *p, text_engine *te, const char *text, size_t len,
                         const text_span *spans, size_t nspans, const text_style *st, bool one_line,
                         const text_origin *origin, diag_list *diags)
{
    memset(p, 0, sizeof *p);
    if (len && text[len - 1] == '\n')
        len--;
    p->text = text;
    p->len = len;
    p->st = st;
    p->spans = spans;
    p->nspans = nspans;
    p->em = st->size;
    p->one_line = one_line;
    if (!st->font || !len)
        return false;
    text_setting_shape(p, te, spans, nspans, origin, diags);
    text_setting_build_items(p, false);
    return true;
}

text_para *text_set_paragraph(text_engine *te, arena *a, const char *text, size_t len,
                              const text_span *spans, size_t nspans, const text_style *st,
                              double measure, const text_origin *origin, diag_list *diags)
{
    text_para *out = arena_alloc(a, sizeof *out);
    out->text = text;
    out->len = len;
    text_setting p;
    if (!setting_open(&p, te, text, len, spans, nspans, st, false, origin, diags)) {
        text_setting_free(&p);
        return out;
    }
    size_t *breaks = NULL;
    size_t nlines = choose_breaks(&p, measure, origin, diags, &breaks);
    out->lines = arena_alloc(a, (nlines ? nlines : 1) * sizeof *out->lines);
    out->nlines = nlines;
    line_setter ls;
    setter_init(&ls, &p, a);
    for (size_t k = 0; k < nlines; k++) {
        line_spec spec = {line_start_of(&p, breaks, k), breaks[k], measure, 0, false};
        if (k == 0) {
            spec.target -= st->indent;
            spec.indent = st->indent;
        }
        /* the last line and a line a line feed ends are not justified */
        bool ends_text = k + 1 == nlines || p.refs.items[breaks[k]].role == ROLE_BREAK;
        spec.justify = st->align == STYLE_ALIGN_JUSTIFY && !ends_text;
        set_line(&ls, &spec, &out->lines[k]);
    }
    setter_free(&ls);
    free(breaks);
    text_setting_free(&p);
    return out;
}

text_line *text_set_line(text_engine *te, arena *a, const char *text, size_t len,
                         const text_style *st, const text_origin *origin, diag_list *diags)
{
    text_line *line = arena_alloc(a, sizeof *line);
    text_setting p;
    text_style left = *st;
    left.align = STYLE_ALIGN_LEFT;
    if (setting_open(&p, te, text, len, NULL, 0, &left, true, origin, diags)) {
        line_setter ls;
        setter_init(&ls, &p, a);
        line_spec spec = {0, p.items.count - 1, INFINITY, st->indent, false};
        set_line(&ls, &spec, line);
        setter_free(&ls);
    }
    text_setting_free(&p);
    return line;
}

void text_measure(text_engine *te, const char *text, size_t len, const text_style *st,
                  double *minimum, double *natural)
{
    *minimum = *natural = 0;
    text_setting p;
    diag_list quiet = {0}; /* reported when the text is set */
    text_origin nowhere = {0};
    if (setting_open(&p, te, text, len, NULL, 0, st, false, &nowhere, &quiet)) {
        double piece = 0, total = 0, widest = 0; /* total: of the line since a forced break */
        for (size_t j = 0; j < p.items.count; j++) {
            const kp_item *it = &p.items.items[j];
            if (item_is_breakpoint(&p, j)) {
                double broken = piece + (it->kind == KP_PENALTY ? it->width : 0);
                *minimum = broken > *minimum ? broken : *minimum;
                piece = 0;
                if (it->kind == KP_GLUE)
                    total += it->width;
                if (item_is_forced(it)) {
                    widest = total > widest ? total : widest;
                    total = 0;
                }
            } else if (it->kind != KP_PENALTY) {
                piece += it->width;
                total += it->width;
            }
        }
        *minimum = piece > *minimum ? piece : *minimum;
        widest = total > widest ? total : widest;
        *natural = widest > *minimum ? widest : *minimum;
    }
    text_setting_free(&p);
    diag_list_free(&quiet);
}
