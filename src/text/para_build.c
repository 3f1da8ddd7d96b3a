/* para_build.c — a paragraph's text as clusters and Knuth–Plass items.
 *
 * Every grapheme cluster is a box. A full-width mark is split into its ink
 * (the box) and its blank half (glue, typography.md §3.1). Between two
 * visible clusters a "junction" holds, in this order:
 *
 *   penalty (the break opportunity, or a ban)
 *   glue: the left cluster's blank right half   — dropped at a break
 *   glue: the gap (Han justification, Han–Latin ¼ em, or a word space)
 *   box 0, penalty ∞, glue: the right cluster's blank left half
 *
 * Breaking at the penalty ends the line on the left cluster's ink, so a
 * mark at the end of a line takes half width (§3.3) and no gap is left at
 * either line end (§4.1); the zero-width box keeps an opening mark's blank
 * half at the start of the next line (clreq's optional trim is off). Glue
 * right after a penalty or glue is never a legal break, so the penalty is
 * the only breakpoint of a junction. Push-in (§3.4) is the blank glues'
 * shrink: every shrinkable mark on a line gives way in the same proportion.
 * Adjacent marks (`）、` `”“` `。”`) are set to 1.5 em up front by removing
 * blank at the junction, the left mark's first (§3.2).
 *
 * Tab and line feed are text (docs/format.md) that no font draws: neither
 * is looked up in a font or shaped. A tab is a word space, a blank cluster
 * as wide as U+0020. A line feed ends its line the TeX way (\hfil\break):
 *
 *   penalty ∞, glue 0 plus fil, penalty −∞
 *
 * exactly as the paragraph's end does, so the line before it is set like
 * a last line (natural spacing, a final mark at half width) and total-fit
 * breaking sees the rest as a paragraph of its own; a line with nothing on
 * it (two line feeds) gets a zero box, which makes it a line. In a single
 * line (one_line) a line feed cannot break: it is a blank like a space,
 * one that takes no room between two CJK characters (CSS Text 3, segment
 * breaks), so a title written on two lines reads on in a running header. */
#include "para_internal.h"

#include <math.h>
#include <stdlib.h>
#include <unicode/uchar.h>

#define HAN_STRETCH_EM 0.25   /* per gap between CJK characters */
#define GAP_CJK_LATIN_EM 0.25 /* §4.1: ¼ em, from ⅛ to ½ em */
#define PENALTY_DISCOURAGED 200.0
#define PENALTY_ORPHAN 1000.0
#define PARFILL_STRETCH 1e7

/* ---- classes ---- */

static bool is_han(uint32_t cp)
{
    return u_hasBinaryProperty((UChar32)cp, UCHAR_IDEOGRAPHIC) || cp == 0x3005 || cp == 0x3007;
}

static bool is_wide(uint32_t cp)
{
    int w = u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH);
    return w == U_EA_WIDE || w == U_EA_FULLWIDTH;
}

/* Characters that are "CJK" in Chinese text although their East Asian
 * width is ambiguous: dashes, ellipses, the interpunct. */
static bool is_cjk_ambiguous(uint32_t cp)
{
    return cp == 0x2014 || cp == 0x2E3A || cp == 0x2026 || cp == 0x22EF || cp == 0x00B7;
}

static char_class classify(const para_cluster *c, bool has_halt)
{
    uint32_t cp = c->cp;
    if (cp == 0x20)
        return CC_SPACE;
    if (is_han(cp))
        return CC_HAN;
    if (has_halt && cp != 0x00B7)
        return CC_PUNCT;
    if (is_wide(cp) || is_cjk_ambiguous(cp))
        return CC_CJK;
    if (u_isalnum((UChar32)cp))
        return CC_ALNUM;
    return CC_OTHER;
}

/* Connectors and solidi: no justification next to them (§4.2). */
static bool is_connector(uint32_t cp)
{
    return cp == 0xFF5E || cp == 0x301C || cp == 0xFF0F || cp == 0x00B7 || cp == 0x30FB ||
           cp == 0x2014 || cp == 0x2E3A;
}

static bool is_pair_mark(uint32_t cp)
{
    return cp == 0x2014 || cp == 0x2E3A || cp == 0x2026 || cp == 0x22EF;
}

/* 。？！ keep their blank half inside a line (the last squeeze step of §3.4,
 * which some styles forbid; we do). */
static bool blank_is_firm(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF1F || cp == 0xFF01 || cp == 0xFF0E;
}

static bool joins_cluster(uint32_t cp)
{
    int8_t gc = (int8_t)u_charType((UChar32)cp);
    return gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_COMBINING_SPACING_MARK ||
           cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

/* ---- fonts and shaping ---- */

static bool in_strong(size_t byte, const text_span *spans, size_t nspans)
{
    for (size_t i = 0; i < nspans; i++) {
        if (spans[i].kind == TEXT_SPAN_STRONG && byte >= spans[i].start && byte < spans[i].end)
            return true;
    }
    return false;
}

typedef struct cp_font {
    size_t start; /* byte */
    uint32_t cp;
    text_font *font;
    bool strong;
} cp_font;

/* Text that no font draws: set as a word space or a line break (above). */
static bool is_blank_control(uint32_t cp)
{
    return cp == 0x09 || cp == 0x0A;
}

static void report_missing(uint32_t cp, size_t index, const text_origin *origin, diag_list *diags)
{
    char glyph[5] = {0};
    utf8_encode(cp, glyph);
    int col = origin ? origin->col : 0;
    if (origin && origin->exact_cols)
        col += (int)index;
    /* A control character is named, never quoted: it would act on the terminal. */
    if (utf8_is_control(cp))
        diag_add(diags, DIAG_ERROR, origin ? origin->file : NULL, origin ? origin->line : 0, col,
                 "no installed font has U+%04X (a control character)", (unsigned)cp);
    else
        diag_add(diags, DIAG_ERROR, origin ? origin->file : NULL, origin ? origin->line : 0, col,
                 "no installed font has U+%04X '%s'", (unsigned)cp, glyph);
}

/* The font a tab or line feed takes its width from: the span's font when it
 * has a space, else the one U+0020 falls back to. */
static text_font *blank_font(text_engine *te, text_font *want)
{
    /* quietly: the author wrote no U+0020 here */
    text_font *f = text_font_for_char(te, want, 0x20, NULL, 0, NULL);
    return f ? f : want;
}

/* The font of every character: the span's font, else a fallback; a
 * character no font has stays in the span's font (as .notdef). */
static cp_font *resolve_fonts(text_setting *p, text_engine *te, const text_span *spans,
                              size_t nspans, const text_origin *origin, diag_list *diags)
{
    cp_font *cf = xmalloc((p->ncp + 1) * sizeof *cf);
    const text_style *st = p->st;
    size_t i = 0;
    for (size_t k = 0; k < p->ncp; k++) {
        cf[k].start = i;
        cf[k].cp = utf8_decode(p->text, p->len, &i);
        cf[k].strong = in_strong(cf[k].start, spans, nspans);
        text_font *want = cf[k].strong && st->strong_font ? st->strong_font : st->font;
        if (is_blank_control(cf[k].cp)) {
            cf[k].font = blank_font(te, want);
            continue;
        }
        text_font *f = text_font_for_char(te, want, cf[k].cp, origin, k, diags);
        if (!f) {
            report_missing(cf[k].cp, k, origin, diags);
            f = want;
        }
        cf[k].font = f;
    }
    cf[p->ncp].start = p->len;
    return cf;
}

static double font_scale(const text_setting *p, const text_font *f)
{
    return p->st->size / (double)text_font_get_info(f)->units_per_em;
}

/* Blank halves from the font's halt values: the advance lost and where.
 * Without compression a mark is still a mark (CC_PUNCT) but keeps them. */
static bool set_blanks(text_setting *p, para_cluster *c)
{
    int adv_delta = 0, off_delta = 0;
    if (c->nglyphs != 1 || !text_font_halt(c->font, c->cp, &adv_delta, &off_delta))
        return false;
    if (p->st->keep_punct_width || p->st->cell > 0)
        return true;
    double s = font_scale(p, c->font);
    c->lb = -off_delta * s;
    c->rb = -(adv_delta - off_delta) * s;
    if (c->lb < 0 || c->rb < 0 || c->lb + c->rb > c->adv) {
        c->lb = c->rb = 0;
        return false;
    }
    if (c->cp == 0x00B7) { /* the GB interpunct is 0.5 em, centred: fixed */
        c->fixed_l = c->lb;
        c->fixed_r = c->rb;
    }
    c->shrink_l = true;
    c->shrink_r = !blank_is_firm(c->cp);
    return true;
}

static bool cjk_side(char_class c);

static void add_cluster(text_setting *p, const cp_font *cf, size_t k, size_t end, size_t g0,
                        size_t ng)
{
    para_cluster c = {0};
    c.start = cf[k].start;
    c.end = end;
    c.cp_index = k;
    c.cp = cf[k].cp;
    c.font = cf[k].font;
    c.strong = cf[k].strong;
    c.glyph0 = g0;
    c.nglyphs = ng;
    for (size_t g = g0; g < g0 + ng; g++)
        c.adv += p->glyphs.items[g].advance;
    c.box_item = PARA_NONE;
    c.junction_before = PARA_NONE;
    bool halt = set_blanks(p, &c);
    c.cls = classify(&c, halt);
    c.box_w = c.adv - c.lb - c.rb;
    if (p->st->cell > 0 && cjk_side(c.cls)) {
        /* one cell, or as many as a wide glyph (⸺) spans */
        double cells = round(c.adv / p->st->size);
        c.box_w = (cells < 1 ? 1 : cells) * p->st->cell;
        c.inset = (c.box_w - c.adv) / 2;
    }
    VEC_PUSH(&p->clusters, c);
}

/* Shape code points [k0, k1) (one font) and cut the glyphs into clusters;
 * a combining mark or variation selector joins the cluster before it. */
static void shape_run(text_setting *p, const cp_font *cf, size_t k0, size_t k1)
{
    shaped_glyph *g = NULL;
    size_t ng = text_shape(cf[k0].font, p->text, p->len, cf[k0].start, cf[k1].start, NULL, 0, &g);
    double s = font_scale(p, cf[k0].font);
    size_t base = p->glyphs.count;
    for (size_t i = 0; i < ng; i++) {
        para_glyph pg = {g[i].gid, g[i].x_advance * s, g[i].x_offset * s, g[i].y_offset * s};
        VEC_PUSH(&p->glyphs, pg);
    }
    size_t k = k0, gi = 0;
    while (gi < ng && k < k1) {
        uint32_t cl = g[gi].cluster;
        size_t gend = gi;
        while (gend < ng && g[gend].cluster == cl)
            gend++;
        size_t end = gend < ng ? g[gend].cluster : cf[k1].start;
        while (k + 1 < k1 && cf[k + 1].start <= cl)
            k++;
        size_t kend = k + 1;
        while (kend < k1 && (cf[kend].start < end || joins_cluster(cf[kend].cp)))
            kend++;
        end = cf[kend].start;
        while (gend < ng && g[gend].cluster < end)
            gend++;
        add_cluster(p, cf, k, end, base + gi, gend - gi);
        gi = gend;
        k = kend;
    }
    free(g);
}

/* The width of U+0020 in font f, as shaping sets it. */
static double space_advance(const text_setting *p, const text_font *f)
{
    shaped_glyph *g = NULL;
    size_t ng = text_shape(f, " ", 1, 0, 1, NULL, 0, &g);
    double w = 0;
    for (size_t i = 0; i < ng; i++)
        w += g[i].x_advance * font_scale(p, f);
    free(g);
    return w;
}

/* A tab or line feed: a cluster of its own without glyphs, a space wide
 * (the width a line feed takes where it is a blank). */
static void add_blank_cluster(text_setting *p, const cp_font *cf, size_t k)
{
    para_cluster c = {0};
    c.start = cf[k].start;
    c.end = cf[k + 1].start;
    c.cp_index = k;
    c.cp = cf[k].cp;
    c.font = cf[k].font;
    c.strong = cf[k].strong;
    c.glyph0 = p->glyphs.count;
    c.adv = space_advance(p, c.font);
    c.box_w = c.adv; /* no blanks; never a grid cell (no CJK side) */
    c.box_item = PARA_NONE;
    c.junction_before = PARA_NONE;
    c.cls = c.cp == 0x0A ? CC_BREAK : CC_SPACE;
    VEC_PUSH(&p->clusters, c);
}

void text_setting_shape(text_setting *p, text_engine *te, const text_span *spans, size_t nspans,
                        const text_origin *origin, diag_list *diags)
{
    p->breaks = text_find_breaks(text_engine_breaker(te), p->text, p->len, &p->ncp);
    if (p->st->word_breaks)
        text_prefer_word_breaks(p->text, p->len, p->breaks, p->ncp);
    cp_font *cf = resolve_fonts(p, te, spans, nspans, origin, diags);
    /* Runs of one font and weight, cut at every tab and line feed. */
    size_t k0 = 0;
    for (size_t k = 0; k <= p->ncp; k++) {
        bool blank = k < p->ncp && is_blank_control(cf[k].cp);
        if (k > k0 &&
            (k == p->ncp || blank || cf[k].font != cf[k0].font || cf[k].strong != cf[k0].strong)) {
            shape_run(p, cf, k0, k);
            k0 = k;
        }
        if (blank) {
            add_blank_cluster(p, cf, k);
            k0 = k + 1;
        }
    }
    free(cf);
}

/* ---- items ---- */

static void push_item(text_setting *p, kp_item it, item_role role, size_t index)
{
    VEC_PUSH(&p->items, it);
    para_ref r = {role, index};
    VEC_PUSH(&p->refs, r);
}

static void push_glue(text_setting *p, double w, double y, double z, item_role role, size_t index)
{
    kp_item it = {KP_GLUE, w, y, z, 0, false};
    push_item(p, it, role, index);
}

static void push_penalty(text_setting *p, double penalty)
{
    kp_item it = {KP_PENALTY, 0, 0, 0, penalty, false};
    push_item(p, it, ROLE_OTHER, 0);
}

static void push_box(text_setting *p, double w, item_role role, size_t index)
{
    kp_item it = {KP_BOX, w, 0, 0, 0, false};
    push_item(p, it, role, index);
}

static bool is_visible(const para_cluster *c)
{
    return c->cls != CC_SPACE && c->cls != CC_BREAK;
}

static bool cjk_side(char_class c)
{
    return c == CC_HAN || c == CC_PUNCT || c == CC_CJK;
}

/* A line feed set as a blank (one_line) takes no room between two CJK
 * characters, as CSS removes a segment break there; Hangul, written with
 * word spaces, is not counted. */
static bool break_vanishes(const para_cluster *a, const para_cluster *b)
{
    return cjk_side(a->cls) && cjk_side(b->cls) &&
           u_getIntPropertyValue((UChar32)a->cp, UCHAR_HANGUL_SYLLABLE_TYPE) == 0 &&
           u_getIntPropertyValue((UChar32)b->cp, UCHAR_HANGUL_SYLLABLE_TYPE) == 0;
}

/* The room blank cluster s takes in junction jn. */
static double blank_width(const text_setting *p, const para_junction *jn, size_t s)
{
    const para_cluster *c = &p->clusters.items[s];
    if (c->cls == CC_BREAK &&
        break_vanishes(&p->clusters.items[jn->left], &p->clusters.items[jn->right]))
        return 0;
    return c->adv;
}

/* The blanks between two visible clusters that take room. */
static size_t count_blanks(const text_setting *p, const para_junction *jn)
{
    size_t n = 0;
    for (size_t s = jn->space_first; s < jn->space_first + jn->nspaces; s++)
        n += blank_width(p, jn, s) > 0 || p->clusters.items[s].cls != CC_BREAK;
    return n;
}

static bool has_control(const text_setting *p, const para_junction *jn)
{
    for (size_t s = jn->left; s < jn->space_first + jn->nspaces; s++)
        if (is_blank_control(p->clusters.items[s].cp))
            return true;
    return false;
}

static gap_kind gap_between(const para_cluster *a, const para_cluster *b, size_t nspaces)
{
    bool han_latin =
        (a->cls == CC_HAN && b->cls == CC_ALNUM) || (a->cls == CC_ALNUM && b->cls == CC_HAN);
    if (han_latin)
        return GAP_CJK_LATIN;
    if (nspaces)
        return GAP_SPACE;
    if (!cjk_side(a->cls) || !cjk_side(b->cls))
        return GAP_NONE;
    if (is_connector(a->cp) || is_connector(b->cp))
        return GAP_NONE;
    if (is_pair_mark(a->cp) && a->cp == b->cp)
        return GAP_NONE; /* inside —— or …… */
    return GAP_HAN;
}

static void push_gap(text_setting *p, size_t j)
{
    para_junction *jn = &p->junctions.items[j];
    double em = p->em;
    switch (jn->gap) {
    case GAP_NONE:
        return;
    case GAP_HAN:
        push_glue(p, 0, HAN_STRETCH_EM * em, 0, ROLE_GAP, j);
        break;
    case GAP_CJK_LATIN:
        push_glue(p, GAP_CJK_LATIN_EM * em, 0.25 * em, 0.125 * em, ROLE_GAP, j);
        break;
    case GAP_SPACE: {
        double w = 0;
        for (size_t s = jn->space_first; s < jn->space_first + jn->nspaces; s++)
            w += blank_width(p, jn, s);
        double y = w < em / 4 ? em / 2 - w : w / 2; /* up to about ½ em */
        double z = w > em / 4 ? (w - em / 4 < w / 3 ? w - em / 4 : w / 3) : 0;
        push_glue(p, w, y, z, ROLE_GAP, j);
        break;
    }
    }
    p->junctions.items[j].gap_item = p->items.count - 1;
}

/* Adjacent marks: 2 em become 1.5 em, the blank at the junction going first
 * from the left mark (§3.2). */
static void apply_pair_rule(text_setting *p, para_cluster *a, para_cluster *b)
{
    double cut = p->em / 2;
    double from_a = a->rb - a->fixed_r < cut ? a->rb - a->fixed_r : cut;
    a->fixed_r += from_a;
    cut -= from_a;
    double from_b = b->lb - b->fixed_l < cut ? b->lb - b->fixed_l : cut;
    b->fixed_l += from_b;
}

static double junction_penalty(const text_setting *p, size_t right, const size_t *chars_after,
                               bool emergency)
{
    const para_cluster *b = &p->clusters.items[right];
    switch (p->breaks[b->cp_index]) {
    case BREAK_NONE:
        return emergency ? PARA_EMERGENCY_PENALTY : KP_INFINITY;
    case BREAK_PENALIZED:
        break;
    case BREAK_ALLOWED:
        break;
    }
    /* 孤字: the last line should hold at least two characters; not on a
     * character grid, where every line but the last is full. */
    double orphan = chars_after[right] < 2 && p->st->cell <= 0 ? PENALTY_ORPHAN : 0;
    return orphan + (p->breaks[b->cp_index] == BREAK_PENALIZED ? PENALTY_DISCOURAGED : 0);
}

/* A blank half at the start of a line survives the break: a zero box stops
 * the discarding, and a ban keeps the glue from being a breakpoint. */
static void push_left_blank(text_setting *p, const para_cluster *c)
{
    double w = c->lb - c->fixed_l;
    if (w <= 0)
        return;
    push_box(p, 0, ROLE_OTHER, 0);
    push_penalty(p, KP_INFINITY);
    push_glue(p, w, 0, c->shrink_l ? w : 0, ROLE_OTHER, 0);
}

static void push_junction(text_setting *p, size_t left, size_t right, size_t space_first,
                          const size_t *chars_after, bool emergency)
{
    para_cluster *a = &p->clusters.items[left], *b = &p->clusters.items[right];
    size_t nspaces = right - left - 1;
    para_junction jn = {left, right, space_first, nspaces, GAP_NONE, PARA_NONE, false};
    size_t nblanks = count_blanks(p, &jn);
    if (!nblanks && a->cls == CC_PUNCT && b->cls == CC_PUNCT)
        apply_pair_rule(p, a, b);
    jn.gap = gap_between(a, b, nblanks);
    jn.control = has_control(p, &jn);
    VEC_PUSH(&p->junctions, jn);
    b->junction_before = p->junctions.count - 1;

    push_penalty(p, junction_penalty(p, right, chars_after, emergency));
    double ra = a->rb - a->fixed_r;
    if (ra > 0)
        push_glue(p, ra, 0, a->shrink_r ? ra : 0, ROLE_OTHER, 0);
    push_gap(p, p->junctions.count - 1);
    push_left_blank(p, b);
}

/* How many characters (Han, letters, digits) stand at or after each
 * cluster, up to the end of its line: the paragraph's or a line feed's. */
static size_t *count_chars_after(const text_setting *p)
{
    size_t n = p->clusters.count;
    size_t *after = xcalloc(n + 1, sizeof *after);
    for (size_t i = n; i-- > 0;) {
        char_class c = p->clusters.items[i].cls;
        if (c == CC_BREAK && !p->one_line)
            after[i] = 0;
        else
            after[i] = after[i + 1] + (c == CC_HAN || c == CC_ALNUM);
    }
    return after;
}

static void reset_items(text_setting *p)
{
    p->items.count = 0;
    p->refs.count = 0;
    p->junctions.count = 0;
    for (size_t i = 0; i < p->clusters.count; i++) {
        para_cluster *c = &p->clusters.items[i];
        c->fixed_l = c->cp == 0x00B7 ? c->lb : 0;
        c->fixed_r = c->cp == 0x00B7 ? c->rb : 0;
        c->box_item = PARA_NONE;
        c->junction_before = PARA_NONE;
    }
}

/* The end of a line that the text ends, at a line feed (role ROLE_BREAK,
 * index: its cluster) or at the paragraph's end: the last mark at half
 * width (§3.3), then fil glue and a forced break; `last` is the line's last
 * box cluster, PARA_NONE for a line with nothing on it. */
static void end_line(text_setting *p, size_t last, item_role role, size_t index)
{
    if (last != PARA_NONE)
        p->clusters.items[last].fixed_r = p->clusters.items[last].rb;
    else
        push_box(p, 0, ROLE_OTHER, 0); /* an empty line still is one */
    push_penalty(p, KP_INFINITY);
    push_glue(p, 0, PARFILL_STRETCH, 0, ROLE_OTHER, 0);
    kp_item forced = {KP_PENALTY, 0, 0, 0, -KP_INFINITY, false};
    push_item(p, forced, role, index);
}

void text_setting_build_items(text_setting *p, bool emergency)
{
    reset_items(p);
    size_t *chars_after = count_chars_after(p);
    size_t n = p->clusters.count, prev = PARA_NONE;
    for (size_t i = 0; i < n; i++) {
        para_cluster *c = &p->clusters.items[i];
        if (c->cls == CC_BREAK && !p->one_line) {
            end_line(p, prev, ROLE_BREAK, i);
            prev = PARA_NONE;
            continue;
        }
        bool leading_space = !is_visible(c) && prev == PARA_NONE;
        if (!is_visible(c) && !leading_space)
            continue;
        if (prev != PARA_NONE)
            push_junction(p, prev, i, prev + 1, chars_after, emergency);
        else
            push_left_blank(p, c);
        c->box_item = p->items.count;
        push_box(p, c->box_w, ROLE_BOX, i);
        prev = i;
    }
    end_line(p, prev, ROLE_OTHER, 0);
    free(chars_after);
}

void text_setting_free(text_setting *p)
{
    free(p->breaks);
    free(p->clusters.items);
    free(p->glyphs.items);
    free(p->junctions.items);
    free(p->items.items);
    free(p->refs.items);
}
