/* cover.c — the cover page from meta: copy number and classification at the
 * top left (as GB/T 9704 places 份号 and 密级), the issuing body, the title and
 * subtitle in the upper third, the date, and version and id at the foot. */
#include "layout_internal.h"

#include <string.h>

/* Set text centred in the type area with its first line box at top;
 * returns the y below it. */
/* Each element of the cover is one node of the tree, in the order read. */
static void tag_block(layout_ctx *c, page_build *p, size_t from, style_text_id id)
{
    layout_role role = id == STYLE_COVER_TITLE      ? LAYOUT_ROLE_TITLE
                       : id == STYLE_COVER_SUBTITLE ? LAYOUT_ROLE_SUBTITLE
                                                    : LAYOUT_ROLE_P;
    layout_tag_page(c, p, from, layout_node_add(c, role, 0, NULL));
}

static double centred_block(layout_ctx *c, page_build *p, style_text_id id, const char *text,
                            const text_origin *o, double top)
{
    const style_text *st = &c->s->text[id];
    text_para *para = layout_set_centred(c, id, text, layout_type_width(c->s), o);
    if (!para)
        return top;
    size_t from = p->items.count;
    double y = layout_page_add_para(p, para, st, layout_type_left(c->s, 0), top + st->space_before);
    tag_block(c, p, from, id);
    return y + st->space_after;
}

static double corner_line(layout_ctx *c, page_build *p, style_text_id id, const char *text,
                          const text_origin *o, double top)
{
    const style_text *st = &c->s->text[id];
    text_line *l = layout_set_line(c, id, text, o);
    size_t from = p->items.count;
    if (l)
        layout_page_add_line(p, l, text, layout_type_left(c->s, 0),
                             layout_line_baseline(top, st->leading, st->size), st->color);
    tag_block(c, p, from, id);
    return top + st->leading;
}

void layout_cover(layout_ctx *c, page_list *pages)
{
    const report_meta *m = &c->r->meta;
    const style *s = c->s;
    page_build *p = layout_page_list_add(pages, s);
    double top = s->margin_top, height = s->page_height - s->margin_top - s->margin_bottom;
    text_origin o;

    double y = top;
    if (c->numbered) { /* each copy's own number, where meta.copy would be */
        const style_text *st = &s->text[STYLE_COVER_META];
        layout_page_add_copy_number(c, p, STYLE_COVER_META, layout_type_left(s, 0),
                                    layout_line_baseline(y, st->leading, st->size),
                                    STYLE_ALIGN_LEFT);
        y += st->leading;
    } else if (m->copy.s) {
        o = layout_origin_of(c, &m->copy);
        y = corner_line(c, p, STYLE_COVER_META, m->copy.s, &o, y);
    }
    if (m->classification.s) {
        o = layout_origin_of(c, &m->classification);
        corner_line(c, p, STYLE_COVER_META, m->classification.s, &o, y);
    }

    y = top + height * 0.22;
    if (m->organization.s) {
        o = layout_origin_of(c, &m->organization);
        y = centred_block(c, p, STYLE_COVER_ORG, m->organization.s, &o, y);
    }
    o = layout_origin_of(c, &m->title);
    y = centred_block(c, p, STYLE_COVER_TITLE, m->title.s, &o, y);
    double rule_y = y + s->text[STYLE_COVER_TITLE].size * 0.4;
    double left = layout_type_left(s, 0), width = layout_type_width(s);
    layout_page_add_rule(p, left + width * 0.2, rule_y, left + width * 0.8, rule_y, 1.2, s->accent);
    y = rule_y + s->text[STYLE_COVER_TITLE].size * 0.6;
    if (m->subtitle.s) {
        o = layout_origin_of(c, &m->subtitle);
        centred_block(c, p, STYLE_COVER_SUBTITLE, m->subtitle.s, &o, y);
    }

    char date[64];
    layout_chinese_date(&m->date, date, sizeof date);
    text_origin none = {c->r->path, m->date.line, m->date.col, false};
    y = centred_block(c, p, STYLE_COVER_DATE, arena_strdup(c->a, date), &none, top + height * 0.78);

    /* Version and id at the foot: what an archivist looks for first. */
    char *version = arena_printf(c->a, "第%s版", m->version.text);
    text_origin vo = {c->r->path, m->version.line, m->version.col, false};
    y = centred_block(c, p, STYLE_COVER_META, version, &vo, y);
    if (m->id.s) {
        o = layout_origin_of(c, &m->id);
        centred_block(c, p, STYLE_COVER_META, m->id.s, &o, y);
    }
}
