/* notice.c — the 公文 as GB/T 9704-2012 lays it out, around the body:
 *   版头  份号, 密级★保密期限 and 紧急程度 flush left from the first line
 *         (§7.2.1–7.2.3); the 发文机关标志 centred with its top edge
 *         official.masthead_top below the type area (§7.2.4); two lines
 *         below it the 发文字号, centred, or flush left 1 字 in with the
 *         签发人 flush right 1 字 in (§7.2.5–7.2.6); the separator rule
 *         official.separator.gap below it (§7.2.7);
 *   主体  the title two lines below the rule (§7.3.1), the 主送机关 one line
 *         below the title (§7.3.2), the body, the 附件说明 one line below it
 *         (§7.3.4), 署名 and 成文日期 for a document without a seal one line
 *         below (§7.3.5.2) and the 附注 under them (§7.3.6);
 *   版记  抄送 and 印发机关/印发日期 between rules, the last on the foot of
 *         the type area of the last page, an even page (§7.4, §7.5).
 * Positions are in lines of the grid and 字 (cells) of the style. */
#include "layout_internal.h"

#include <math.h>
#include <string.h>

/* ---- 版头 ---- */

static void flush_left(flow *f, style_text_id id, const char *text, const text_origin *o)
{
    text_line *l = layout_official_set_line(f->c, id, text, o);
    tag_mark m = layout_tag_mark(f->pages);
    layout_official_line(f, id, l, text, 0);
    layout_official_tag(f, &m, LAYOUT_ROLE_P);
}

/* 份号, 密级★保密期限, 紧急程度: one a line from the top, in that order. */
static void marks(flow *f, const report_official *o)
{
    layout_ctx *c = f->c;
    const report_text *copy = &c->r->meta.copy;
    if (c->numbered) { /* each copy's own number, an artifact */
        text_origin none = {c->r->path, 0, 0, false};
        text_line *l = layout_official_set_line(c, STYLE_COPY_NUMBER, c->copy_zeros, &none);
        size_t from = f->page->items.count;
        layout_official_line(f, STYLE_COPY_NUMBER, l, c->copy_zeros, 0);
        layout_page_make_copy_slot(c, f->page, from, STYLE_COPY_NUMBER, STYLE_ALIGN_LEFT);
    } else if (copy->s) {
        text_origin co = layout_origin_of(c, copy);
        flush_left(f, STYLE_COPY_NUMBER, copy->s, &co);
    }
    if (o->secrecy.s) {
        const char *text = o->secrecy_term.s
                               ? arena_printf(c->a, "%s★%s", o->secrecy.s, o->secrecy_term.s)
                               : o->secrecy.s;
        text_origin so = layout_origin_of(c, &o->secrecy);
        so.exact_cols = so.exact_cols && !o->secrecy_term.s;
        flush_left(f, STYLE_SECRECY, text, &so);
    }
    if (o->urgency.s) {
        text_origin uo = layout_origin_of(c, &o->urgency);
        flush_left(f, STYLE_SECRECY, o->urgency.s, &uo);
    }
}

/* The 发文字号, with the 签发人 when given; returns the foot of its em box. */
static double number_line(flow *f, const report_official *o)
{
    layout_ctx *c = f->c;
    const style_text *st = &c->s->text[STYLE_DOC_NUMBER];
    double width = layout_type_width(c->s), em = layout_official_em(c, STYLE_DOC_NUMBER);
    text_origin no = layout_origin_of(c, &o->number);
    text_line *number =
        o->number.s ? layout_official_set_line(c, STYLE_DOC_NUMBER, o->number.s, &no) : NULL;
    double x = number ? (width - number->width) / 2 : 0;
    if (o->signer.s)
        x = em; /* §7.2.6: number 1 字 in from the left, 签发人 1 字 in from the right */
    tag_mark m = layout_tag_mark(f->pages);
    double baseline = layout_official_line(f, STYLE_DOC_NUMBER, number, o->number.s, x);
    if (o->signer.s) {
        static const char LABEL[] = "签发人：";
        text_origin none = {0}, so = layout_origin_of(c, &o->signer);
        text_line *label = layout_official_set_line(c, STYLE_DOC_NUMBER, LABEL, &none);
        text_line *name = layout_official_set_line(c, STYLE_SIGNER, o->signer.s, &so);
        double left = layout_flow_left(f), name_x = left + width - em - name->width;
        layout_page_add_line(f->page, label, LABEL, name_x - label->width, baseline, st->color);
        layout_page_add_line(f->page, name, o->signer.s, name_x, baseline,
                             c->s->text[STYLE_SIGNER].color);
    }
    layout_official_tag(f, &m, LAYOUT_ROLE_P);
    return baseline + 0.12 * st->size;
}

static void head(flow *f, const report_official *o)
{
    layout_ctx *c = f->c;
    const style *s = c->s;
    marks(f, o);
    double bottom =
        layout_official_masthead(f, &o->issuer_mark, s->margin_top + s->official.masthead_top);
    f->y = fmax(f->y, bottom);
    layout_official_skip(f, 2);
    double foot = number_line(f, o);
    double rule = foot + s->official.separator_gap + s->official.separator_width / 2;
    layout_official_rule(f, rule, s->official.separator_width, s->official.separator_color);
    f->y = rule + s->official.separator_width / 2;
    layout_official_skip(f, 2);
}

/* ---- 主体 ---- */

static void addressee(flow *f, const report_official *o)
{
    layout_ctx *c = f->c;
    if (!o->addressee.count)
        return;
    const char *text = "";
    for (size_t i = 0; i < o->addressee.count; i++)
        text = arena_printf(c->a, "%s%s%s", text, i ? "、" : "", o->addressee.items[i].s);
    text = arena_printf(c->a, "%s：", text);
    text_origin ao = layout_origin_of(c, &o->addressee.items[0]);
    ao.exact_cols = ao.exact_cols && o->addressee.count == 1;
    layout_official_skip(f, 1);
    text_para *p = layout_official_set_para(c, STYLE_ADDRESSEE, text, layout_type_width(c->s), &ao);
    tag_mark m = layout_tag_mark(f->pages);
    layout_official_hanging(f, STYLE_ADDRESSEE, NULL, NULL, 0, p, 0);
    layout_official_tag(f, &m, LAYOUT_ROLE_P);
}

/* 附件：1. name, each next one under the first's number, a long name
 * wrapping under its own first character (§7.3.4). */
static void attachments(flow *f, const report_official *o)
{
    layout_ctx *c = f->c;
    if (!o->attachments.count)
        return;
    static const char LABEL[] = "附件：";
    double width = layout_type_width(c->s), em = layout_official_em(c, STYLE_ATTACHMENT);
    double indent = c->s->text[STYLE_ATTACHMENT].indent * em;
    text_origin none = {0};
    text_line *label = layout_official_set_line(c, STYLE_ATTACHMENT, LABEL, &none);
    double number_x = indent + ceil(label->width / em - 1e-6) * em;
    bool numbered = o->attachments.count > 1;
    char widest[32];
    snprintf(widest, sizeof widest, "%zu.", o->attachments.count);
    double number_w =
        numbered ? layout_official_set_line(c, STYLE_ATTACHMENT, widest, &none)->width : 0;
    double name_x = number_x + (numbered ? ceil(number_w / em + 0.1) * em : 0);
    layout_official_skip(f, 1);
    tag_mark m = layout_tag_mark(f->pages); /* the 附件说明: one paragraph */
    for (size_t i = 0; i < o->attachments.count; i++) {
        const report_text *name = &o->attachments.items[i];
        text_origin no = layout_origin_of(c, name);
        text_para *p = layout_official_set_para(c, STYLE_ATTACHMENT, name->s, width - name_x, &no);
        char *number = arena_printf(c->a, "%zu.", i + 1);
        text_line *nl =
            numbered ? layout_official_set_line(c, STYLE_ATTACHMENT, number, &none) : NULL;
        if (i == 0) { /* 附件： on the first line */
            const style_text *st = &c->s->text[STYLE_ATTACHMENT];
            layout_official_need(f, STYLE_ATTACHMENT);
            layout_page_add_line(f->page, label, LABEL, layout_flow_left(f) + indent,
                                 layout_line_baseline(f->y, st->leading, st->size), st->color);
        }
        layout_official_hanging(f, STYLE_ATTACHMENT, nl, number, number_x, p, name_x);
    }
    layout_official_tag(f, &m, LAYOUT_ROLE_P);
}

/* 署名 and 成文日期 without a seal (§7.3.5.2): the name 2 字 in from the
 * right; the date on the next line, its first character 2 字 right of the
 * name's; a date longer than that moves the name left, so that the date
 * ends 2 字 in. */
static void signature(flow *f, const report_official *o)
{
    layout_ctx *c = f->c;
    if (!o->signature.s && !o->sign_date.year)
        return;
    double width = layout_type_width(c->s), em = layout_official_em(c, STYLE_SIGNATURE);
    text_origin so = layout_origin_of(c, &o->signature);
    text_line *name =
        o->signature.s ? layout_official_set_line(c, STYLE_SIGNATURE, o->signature.s, &so) : NULL;
    char buf[64];
    const char *date_text = NULL;
    text_line *date = NULL;
    if (o->sign_date.year) {
        layout_chinese_date(&o->sign_date, buf, sizeof buf);
        date_text = arena_strdup(c->a, buf);
        text_origin dorig = {c->r->path, o->sign_date.line, o->sign_date.col, false};
        date = layout_official_set_line(c, STYLE_SIGNATURE, date_text, &dorig);
    }
    double name_w = name ? name->width : 0, date_w = date ? date->width : 0;
    double right = width - 2 * em;
    double name_x = right - fmax(name_w, date ? date_w + 2 * em : 0);
    layout_official_skip(f, 1);
    if (layout_flow_room_for(f, STYLE_SIGNATURE) < 2 * c->s->text[STYLE_SIGNATURE].leading - 0.01)
        layout_flow_new_page(f); /* the name and the date stay together */
    tag_mark m = layout_tag_mark(f->pages);
    if (name) {
        layout_official_line(f, STYLE_SIGNATURE, name, o->signature.s, name_x);
        layout_official_tag(f, &m, LAYOUT_ROLE_P);
        m = layout_tag_mark(f->pages);
    }
    if (date) {
        layout_official_line(f, STYLE_SIGNATURE, date, date_text, name ? name_x + 2 * em : name_x);
        layout_official_tag(f, &m, LAYOUT_ROLE_P);
    }
}

/* 附注: on the line under the date, 2 字 in, as written (§7.3.6). */
static void remark(flow *f, const report_official *o)
{
    layout_ctx *c = f->c;
    if (!o->remark.s)
        return;
    double width = layout_type_width(c->s), em = layout_official_em(c, STYLE_REMARK);
    double indent = c->s->text[STYLE_REMARK].indent * em;
    text_origin ro = layout_origin_of(c, &o->remark);
    text_para *p = layout_official_set_para(c, STYLE_REMARK, o->remark.s, width - indent, &ro);
    tag_mark m = layout_tag_mark(f->pages);
    layout_official_hanging(f, STYLE_REMARK, NULL, NULL, 0, p, indent);
    layout_official_tag(f, &m, LAYOUT_ROLE_P);
}

/* ---- 版记 ---- */

static size_t imprint_items(layout_ctx *c, const report_official *o, foot_item *items)
{
    size_t n = 0;
    double em = c->s->text[STYLE_IMPRINT].size;
    text_origin none = {0};
    if (o->cc.count) /* 抄送：…，…。 (§7.4.2) */
        items[n++] = layout_foot_list(c, "抄送：", &o->cc, "，", "。");
    if (o->printer.s || o->print_date.year) { /* 印发机关 1 字 in, 印发日期 1 字 in (§7.4.3) */
        foot_item it = {.rule_before = true, .label_x = em};
        if (o->printer.s) {
            text_origin po = layout_origin_of(c, &o->printer);
            it.label = layout_official_set_line(c, STYLE_IMPRINT, o->printer.s, &po);
            it.label_text = o->printer.s;
        }
        if (o->print_date.year) {
            char buf[64];
            layout_chinese_date(&o->print_date, buf, sizeof buf);
            it.right_text = arena_printf(c->a, "%s印发", buf);
            it.right = layout_official_set_line(c, STYLE_IMPRINT, it.right_text, &none);
        }
        items[n++] = it;
    }
    return n;
}

/* The 版记 on the foot of the last page, which is even: on this page when
 * it fits and the page is even; else on the next page, with a blank page
 * before it when this one is even (then neither takes a number, §7.5). */
static void imprint(flow *f, const report_official *o)
{
    layout_ctx *c = f->c;
    foot_item items[2];
    size_t n = imprint_items(c, o, items);
    if (!n)
        return;
    double height = layout_foot_height(c, items, n);
    if (!layout_foot_possible(f, height, "版记"))
        return;
    bool even = f->pages->count % 2 == 0;
    bool fits = layout_foot_fits(f, height);
    if (!fits && even) {
        layout_flow_new_page(f);
        f->page->unnumbered = true; /* the blank page */
    }
    if (!fits || !even) {
        layout_flow_new_page(f);
        f->page->unnumbered = !fits && even;
    }
    layout_foot_block(f, items, n);
}

/* ---- the document ---- */

static void warn_kind(layout_ctx *c)
{
    const report_official *o = &c->r->official;
    const char *layout = layout_official_layout_name(c);
    if (o->kind == REPORT_OFFICIAL_NONE)
        diag_add(c->diags, DIAG_WARNING, c->r->path, 0, 0,
                 "the layout %s prints a 公文's 版头 and 版记 from the report's 'official' "
                 "mapping, which this report does not have: only the title and the body are "
                 "printed",
                 layout);
    else if (o->kind == REPORT_OFFICIAL_BRIEFING)
        diag_add(c->diags, DIAG_WARNING, c->r->path, o->line, o->col,
                 "this report is a briefing (official.kind), but the layout %s prints a 公文 "
                 "(notice); layout jianbao prints a 简报",
                 layout);
}

void layout_notice(layout_ctx *c, page_list *pages, size_t first_physical)
{
    flow f;
    layout_flow_start(&f, c, pages, first_physical);
    const report_official *o = &c->r->official;
    bool official = o->kind != REPORT_OFFICIAL_NONE;
    warn_kind(c);
    if (official)
        head(&f, o);
    layout_official_title(&f, &c->r->meta.title);
    if (official && o->addressee.count)
        addressee(&f, o); /* the body starts on the next line */
    else
        layout_official_skip(&f, 1);
    layout_body_flow(&f);
    if (!official)
        return;
    attachments(&f, o);
    signature(&f, o);
    remark(&f, o);
    imprint(&f, o);
}
