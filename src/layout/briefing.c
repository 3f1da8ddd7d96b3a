/* briefing.c — the 简报 around the body. GB/T 9704 does not define a
 * briefing; this is the common house style, from the top of page 1:
 *   meta.classification flush left and the 份号 (meta.copy) flush right on
 *   the first line; the name (issuer_mark) in the masthead style, centred,
 *   its top edge official.masthead_top below the type area; the issue
 *   (number) centred on the next line; the compiling office flush left and
 *   the date flush right on the line after; the separator rule
 *   official.separator.gap below them; one line down the title, then the
 *   body. At the foot of the last page, between rules: 报：… 送：… 发：…
 *   and （共印N份） flush right. */
#include "layout_internal.h"

#include <math.h>
#include <string.h>

/* Two pieces on one line: one flush left, one flush right. */
static void left_and_right(flow *f, style_text_id id, const report_text *left,
                           const char *right_text, const text_origin *right_origin)
{
    layout_ctx *c = f->c;
    const style_text *st = &c->s->text[id];
    text_origin lo = layout_origin_of(c, left);
    text_line *l = left->s ? layout_official_set_line(c, id, left->s, &lo) : NULL;
    tag_mark m = layout_tag_mark(f->pages);
    double baseline = layout_official_line(f, id, l, left->s, 0);
    size_t right_from = f->page->items.count;
    if (right_text) {
        text_line *r = layout_official_set_line(c, id, right_text, right_origin);
        layout_page_add_line(f->page, r, right_text,
                             layout_flow_left(f) + layout_type_width(c->s) - r->width, baseline,
                             st->color);
    }
    if (right_text && right_text == c->copy_zeros) /* numbered copies: each its own */
        layout_page_make_copy_slot(c, f->page, right_from, id, STYLE_ALIGN_RIGHT);
    layout_official_tag(f, &m, LAYOUT_ROLE_P);
}

static double head(flow *f, const report_official *o)
{
    layout_ctx *c = f->c;
    const style *s = c->s;
    const report_meta *m = &c->r->meta;
    const char *copy = c->numbered ? c->copy_zeros : m->copy.s;
    if (m->classification.s || copy) {
        text_origin co = layout_origin_of(c, &m->copy);
        if (c->numbered)
            co = (text_origin){c->r->path, 0, 0, false};
        left_and_right(f, STYLE_SECRECY, &m->classification, copy, &co);
    }
    double bottom =
        layout_official_masthead(f, &o->issuer_mark, s->margin_top + s->official.masthead_top);
    f->y = fmax(f->y, bottom);
    if (o->number.s) {
        text_origin no = layout_origin_of(c, &o->number);
        text_line *l = layout_official_set_line(c, STYLE_DOC_NUMBER, o->number.s, &no);
        tag_mark m = layout_tag_mark(f->pages);
        layout_official_line(f, STYLE_DOC_NUMBER, l, o->number.s,
                             (layout_type_width(s) - l->width) / 2);
        layout_official_tag(f, &m, LAYOUT_ROLE_P);
    }
    char date[64] = "";
    if (o->sign_date.year)
        layout_chinese_date(&o->sign_date, date, sizeof date);
    text_origin dorig = {c->r->path, o->sign_date.line, o->sign_date.col, false};
    const char *date_text = date[0] ? arena_strdup(c->a, date) : NULL;
    if (o->compiler.s || date_text)
        left_and_right(f, STYLE_DOC_NUMBER, &o->compiler, date_text, &dorig);
    const style_text *st = &s->text[STYLE_DOC_NUMBER];
    double foot = f->y - st->leading + (st->leading - st->size) / 2 + st->size;
    return foot + s->official.separator_gap + s->official.separator_width / 2;
}

/* 报：… 送：… 发：… and （共印N份）, at the foot of the last page. */
static void distribution(flow *f, const report_official *o)
{
    layout_ctx *c = f->c;
    foot_item items[4];
    size_t n = 0;
    const report_text_list *lists[] = {&o->report_to, &o->send_to, &o->issue_to};
    static const char *const labels[] = {"报：", "送：", "发："};
    for (int i = 0; i < 3; i++)
        if (lists[i]->count)
            items[n++] = layout_foot_list(c, labels[i], lists[i], "，", "");
    if (o->copies_printed.text) {
        text_origin none = {0};
        const char *text = arena_printf(c->a, "（共印%s份）", o->copies_printed.text);
        if (!n)
            items[n++] = (foot_item){0};
        items[n - 1].right_text = text;
        items[n - 1].right = layout_official_set_line(c, STYLE_IMPRINT, text, &none);
    }
    double height = layout_foot_height(c, items, n);
    if (!n || !layout_foot_possible(f, height, "distribution block"))
        return;
    if (!layout_foot_fits(f, height))
        layout_flow_new_page(f);
    layout_foot_block(f, items, n);
}

void layout_briefing(layout_ctx *c, page_list *pages, size_t first_physical)
{
    flow f;
    layout_flow_start(&f, c, pages, first_physical);
    const report_official *o = &c->r->official;
    if (o->kind == REPORT_OFFICIAL_NONE)
        diag_add(c->diags, DIAG_WARNING, c->r->path, 0, 0,
                 "the layout %s prints a 简报's masthead and distribution block from the "
                 "report's 'official' mapping, which this report does not have: only the title "
                 "and the body are printed",
                 layout_official_layout_name(c));
    else if (o->kind == REPORT_OFFICIAL_NOTICE)
        diag_add(c->diags, DIAG_WARNING, c->r->path, o->line, o->col,
                 "this report is a notice (official.kind), but the layout %s prints a 简报 "
                 "(briefing); layout gbt9704 prints a 公文",
                 layout_official_layout_name(c));
    if (o->kind != REPORT_OFFICIAL_NONE) {
        const style *s = c->s;
        double rule = head(&f, o);
        layout_official_rule(&f, rule, s->official.separator_width, s->official.separator_color);
        f.y = rule + s->official.separator_width / 2;
        layout_official_skip(&f, 1);
    }
    layout_official_title(&f, &c->r->meta.title);
    layout_official_skip(&f, 1);
    layout_body_flow(&f);
    if (o->kind != REPORT_OFFICIAL_NONE)
        distribution(&f, o);
}
