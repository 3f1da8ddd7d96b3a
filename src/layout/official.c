/* official.c — what the 公文 (notice.c) and the 简报 (briefing.c) share:
 * lines placed one by one on the grid (one line of text at a given x, a
 * label with its text hanging after it, blank lines), the masthead shrunk
 * to fit the measure, the title in balanced lines broken between words, the
 * rules, and the block of rows between rules at the foot of a page (the
 * 版记, the distribution block). Lengths in points, x from the left edge of
 * the type area. */
#include "layout_internal.h"

#include <math.h>
#include <string.h>

double layout_official_pitch(const flow *f)
{
    return f->grid > 0 ? f->grid : f->c->s->text[STYLE_BODY].leading;
}

double layout_official_em(const layout_ctx *c, style_text_id id)
{
    /* 字: a cell of the grid for text on it, else the style's size */
    const text_style *t = &c->text[id];
    return t->cell > 0 ? t->cell : t->size;
}

void layout_official_skip(flow *f, int lines)
{
    if (f->at_top)
        return; /* blank lines are dropped at the top of a page */
    layout_flow_snap(f);
    f->y += lines * layout_official_pitch(f);
}

const char *layout_official_layout_name(layout_ctx *c)
{
    const char *name = c->s->name, *slash = strrchr(name, '/');
    name = slash ? slash + 1 : name;
    const char *dot = strrchr(name, '.');
    return arena_strndup(c->a, name, dot ? (size_t)(dot - name) : strlen(name));
}

void layout_official_need(flow *f, style_text_id id)
{
    const style_text *st = &f->c->s->text[id];
    if (st->grid != STYLE_GRID_NONE)
        layout_flow_snap(f);
    if (layout_flow_room_for(f, id) < st->leading - 0.01) {
        layout_flow_new_page(f);
        if (st->grid != STYLE_GRID_NONE)
            layout_flow_snap(f);
    }
}

double layout_official_line(flow *f, style_text_id id, const text_line *line, const char *text,
                            double x)
{
    const style_text *st = &f->c->s->text[id];
    layout_official_need(f, id);
    double baseline = layout_line_baseline(f->y, st->leading, st->size);
    if (line)
        layout_page_add_line(f->page, line, text, layout_flow_left(f) + x, baseline, st->color);
    f->y += st->leading;
    f->at_top = false;
    return baseline;
}

text_line *layout_official_set_line(layout_ctx *c, style_text_id id, const char *text,
                                    const text_origin *o)
{
    text_style st = c->text[id];
    st.indent = 0;
    return text_set_line(c->te, c->a, text, strlen(text), &st, o, c->diags);
}

text_para *layout_official_set_para(layout_ctx *c, style_text_id id, const char *text,
                                    double measure, const text_origin *o)
{
    text_style st = c->text[id];
    st.indent = 0;
    return text_set_paragraph(c->te, c->a, text, strlen(text), NULL, 0, &st, measure, o, c->diags);
}

void layout_official_hanging(flow *f, style_text_id id, const text_line *label,
                             const char *label_text, double label_x, const text_para *para,
                             double para_x)
{
    const style_text *st = &f->c->s->text[id];
    for (size_t i = 0; i < (para && para->nlines ? para->nlines : 1); i++) {
        layout_official_need(f, id); /* the label first, as it reads (tagged PDF) */
        if (i == 0 && label)
            layout_page_add_line(f->page, label, label_text, layout_flow_left(f) + label_x,
                                 layout_line_baseline(f->y, st->leading, st->size), st->color);
        layout_official_line(f, id, para && para->nlines ? &para->lines[i] : NULL,
                             para ? para->text : NULL, para_x);
    }
}

double layout_official_masthead(flow *f, const report_text *t, double top)
{
    layout_ctx *c = f->c;
    const style_text *st = &c->s->text[STYLE_MASTHEAD];
    text_style ts = c->text[STYLE_MASTHEAD];
    ts.indent = 0;
    ts.cell = 0; /* its own size, never the grid's cells */
    text_origin o = layout_origin_of(c, t);
    double width = layout_type_width(c->s);
    text_line *l = text_set_line(c->te, c->a, t->s, t->len, &ts, &o, c->diags);
    if (l->width > width) {
        /* a long name is made smaller, never broken (GB/T 9704 §7.2.4) */
        ts.size *= width / l->width * (1 - 1e-6);
        l = text_set_line(c->te, c->a, t->s, t->len, &ts, &o, c->diags);
    }
    double x = layout_flow_left(f) + (width - l->width) / 2;
    tag_mark m = layout_tag_mark(f->pages);
    layout_page_add_line(f->page, l, t->s, x, top + 0.88 * ts.size, st->color);
    layout_official_tag(f, &m, LAYOUT_ROLE_P);
    f->at_top = false;
    return top + ts.size;
}

/* The title set centred in `measure`, broken between words; diagnostics
 * to diags. */
static text_para *set_title(layout_ctx *c, const report_text *t, double measure, diag_list *diags)
{
    text_style ts = c->text[STYLE_DOC_TITLE];
    ts.indent = 0;
    ts.align = STYLE_ALIGN_CENTER;
    ts.word_breaks = true;
    text_origin o = layout_origin_of(c, t);
    return text_set_paragraph(c->te, c->a, t->s, t->len, NULL, 0, &ts, measure, &o, diags);
}

void layout_official_title(flow *f, const report_text *t)
{
    layout_ctx *c = f->c;
    double width = layout_type_width(c->s), measure = width;
    diag_list quiet = {0}; /* trial settings: what they say comes again with the last */
    size_t lines = set_title(c, t, width, &quiet)->nlines;
    /* balanced lines: the narrowest measure that needs no more of them */
    double lo = width / 2;
    for (int i = 0; lines > 1 && i < 16; i++) {
        double mid = (lo + measure) / 2;
        if (set_title(c, t, mid, &quiet)->nlines > lines)
            lo = mid;
        else
            measure = mid;
    }
    diag_list_free(&quiet);
    text_para *p = set_title(c, t, measure, c->diags);
    tag_mark m = layout_tag_mark(f->pages);
    for (size_t i = 0; i < p->nlines; i++)
        layout_official_line(f, STYLE_DOC_TITLE, &p->lines[i], p->text, (width - measure) / 2);
    layout_official_tag(f, &m, LAYOUT_ROLE_TITLE);
}

void layout_official_tag(flow *f, const tag_mark *m, layout_role role)
{
    layout_ctx *c = f->c;
    layout_tag_since(c, f->pages, m, layout_node_add(c, role, c->parent, NULL));
}

void layout_official_rule(flow *f, double y, double width, style_color color)
{
    double left = layout_flow_left(f);
    layout_page_add_rule(f->page, left, y, left + layout_type_width(f->c->s), y, width, color);
}

/* ---- the block at the foot of a page ---- */

/* Lines an item takes: its text's, and one more for a right-hand piece
 * that does not fit beside the last of them. */
static size_t item_lines(const layout_ctx *c, const foot_item *it, double *right_x)
{
    double width = layout_type_width(c->s), em = c->s->text[STYLE_IMPRINT].size;
    size_t n = it->para && it->para->nlines ? it->para->nlines : (it->label ? 1 : 0);
    if (it->right) {
        *right_x = width - em - it->right->width;
        double end = it->para && it->para->nlines
                         ? it->para_x + it->para->lines[it->para->nlines - 1].width
                     : it->label ? it->label_x + it->label->width
                                 : -1;
        if (n == 0 || end + em > *right_x)
            n++;
    }
    return n;
}

double layout_foot_height(const layout_ctx *c, const foot_item *items, size_t n)
{
    double lines = 0, right_x;
    for (size_t i = 0; i < n; i++)
        lines += (double)item_lines(c, &items[i], &right_x);
    return lines * c->s->text[STYLE_IMPRINT].leading;
}

void layout_foot_block(flow *f, const foot_item *items, size_t n)
{
    layout_ctx *c = f->c;
    const style *s = c->s;
    const style_text *st = &s->text[STYLE_IMPRINT];
    double bottom = s->page_height - s->margin_bottom, left = layout_flow_left(f);
    double y = bottom - layout_foot_height(c, items, n);
    const style_official *off = &s->official;
    layout_official_rule(f, y, off->imprint_thick, off->imprint_color);
    for (size_t i = 0; i < n; i++) {
        const foot_item *it = &items[i];
        if (i > 0 && it->rule_before)
            layout_official_rule(f, y, off->imprint_thin, off->imprint_color);
        double right_x = 0;
        size_t lines = item_lines(c, it, &right_x);
        tag_mark m = layout_tag_mark(f->pages);
        for (size_t k = 0; k < lines; k++) {
            double baseline = layout_line_baseline(y, st->leading, st->size);
            if (k == 0 && it->label)
                layout_page_add_line(f->page, it->label, it->label_text, left + it->label_x,
                                     baseline, st->color);
            if (it->para && k < it->para->nlines)
                layout_page_add_line(f->page, &it->para->lines[k], it->para->text,
                                     left + it->para_x, baseline, st->color);
            if (it->right && k + 1 == lines)
                layout_page_add_line(f->page, it->right, it->right_text, left + right_x, baseline,
                                     st->color);
            y += st->leading;
        }
        layout_official_tag(f, &m, LAYOUT_ROLE_P); /* 抄送, 印发, 报, 送, 发: one each */
    }
    /* the last rule on the foot of the type area (GB/T 9704 §7.4.1) */
    layout_official_rule(f, bottom, off->imprint_thick, off->imprint_color);
    f->y = f->bottom;
    f->at_top = false;
}

bool layout_foot_possible(flow *f, double height, const char *what)
{
    layout_ctx *c = f->c;
    const style *s = c->s;
    double depth = s->page_height - s->margin_top - s->margin_bottom;
    if (height <= depth + 0.01)
        return true;
    diag_add(c->diags, DIAG_ERROR, c->r->path, c->r->official.line, c->r->official.col,
             "the %s is %.0f mm tall, more than the type area (%.0f mm): it goes on one page, "
             "at the foot of the last one; give it fewer names",
             what, height * 25.4 / 72, depth * 25.4 / 72);
    return false;
}

bool layout_foot_fits(const flow *f, double height)
{
    const style *s = f->c->s;
    return s->page_height - s->margin_bottom - height >= f->y - 0.01;
}

foot_item layout_foot_list(layout_ctx *c, const char *label, const report_text_list *names,
                           const char *separator, const char *end)
{
    double width = layout_type_width(c->s), em = c->s->text[STYLE_IMPRINT].size;
    const char *joined = "";
    for (size_t i = 0; i < names->count; i++)
        joined = arena_printf(c->a, "%s%s%s", joined, i ? separator : "", names->items[i].s);
    joined = arena_printf(c->a, "%s%s", joined, end);
    foot_item it = {0};
    text_origin none = {0};
    text_origin o = names->count ? layout_origin_of(c, &names->items[0]) : none;
    o.exact_cols = false; /* the joined text is not the source's */
    it.label_text = label;
    it.label = layout_official_set_line(c, STYLE_IMPRINT, label, &none);
    it.label_x = em;
    it.para_x = em + it.label->width;
    it.para = layout_official_set_para(c, STYLE_IMPRINT, joined, width - it.para_x - em, &o);
    return it;
}
