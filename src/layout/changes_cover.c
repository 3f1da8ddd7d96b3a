/* changes_cover.c — the cover of a 修订对照: the report's issuing body and
 * title, what this booklet is, both versions with their dates, a count of
 * what changed (a line per kind of thing), and how changes are marked (shown by example: the word
 * for the strike struck through, the word for the underline underlined). */
#include "changes_internal.h"

#include <string.h>

/* Set marked text centred in the type area with its first line box at
 * top; returns the y below it. */
static double centred(layout_ctx *c, page_build *p, style_text_id id, layout_marked *m,
                      const text_origin *o, double top)
{
    const style_text *st = &c->s->text[id];
    text_span *spans;
    size_t nspans, len;
    const char *text = layout_mark_finish(m, c->a, &spans, &nspans, &len);
    text_style centre = c->text[id];
    centre.align = STYLE_ALIGN_CENTER;
    centre.indent = 0;
    text_para *para = text_set_paragraph(c->te, c->a, text, len, spans, nspans, &centre,
                                         layout_type_width(c->s), o, c->diags);
    size_t from = p->items.count;
    double y = layout_page_add_para(p, para, st, layout_type_left(c->s, 0), top + st->space_before);
    layout_tag_page(c, p, from, layout_node_add(c, LAYOUT_ROLE_P, 0, NULL));
    return y + st->space_after;
}

static double centred_text(layout_ctx *c, page_build *p, style_text_id id, const char *text,
                           const text_origin *o, double top)
{
    layout_marked m = {0};
    layout_mark_text(&m, text, strlen(text));
    return centred(c, p, id, &m, o, top);
}

static const char *version_line(layout_ctx *c, const char *side, const report *r)
{
    char date[64];
    layout_chinese_date(&r->meta.date, date, sizeof date);
    return arena_printf(c->a, "%s：第%s版 %s", side, r->meta.version.text, date);
}

/* One kind of change counted: "新增" n "段". */
typedef struct tally {
    size_t n;
    const char *verb, *unit;
} tally;

/* "段落：修改3处、新增1段" — only what there is; NULL when nothing. */
static const char *tally_line(layout_ctx *c, const char *group, const tally *t, size_t n)
{
    char *line = NULL;
    for (size_t k = 0; k < n; k++) {
        if (!t[k].n)
            continue;
        line = line ? arena_printf(c->a, "%s、%s%zu%s", line, t[k].verb, t[k].n, t[k].unit)
                    : arena_printf(c->a, "%s：%s%zu%s", group, t[k].verb, t[k].n, t[k].unit);
    }
    return line;
}

/* What changed, a line per kind of thing. */
static double counts(layout_ctx *c, page_build *p, const diff_counts *n, double y)
{
    const tally meta[] = {{n->meta, "变化", "项"}};
    const tally sections[] = {{n->sections_added, "新增", "个"},
                              {n->sections_removed, "删除", "个"},
                              {n->sections_renamed, "更名", "个"}};
    const tally paragraphs[] = {{n->paragraphs_changed, "修改", "处"},
                                {n->paragraphs_added, "新增", "段"},
                                {n->paragraphs_removed, "删除", "段"}};
    const tally tables[] = {{n->tables_changed, "变化", "个"}};
    const tally summaries[] = {{n->summaries_changed, "变化", "处"}};
    const tally tasks[] = {{n->tasks_changed, "变化", "项"},
                           {n->tasks_added, "新增", "项"},
                           {n->tasks_removed, "删除", "项"}};
    const char *lines[] = {
        tally_line(c, "基本信息", meta, 1),      tally_line(c, "章节", sections, 3),
        tally_line(c, "段落", paragraphs, 3),    tally_line(c, "表格", tables, 1),
        tally_line(c, "汇总图题", summaries, 1), tally_line(c, "任务", tasks, 3),
    };
    text_origin none = {0};
    bool any = false;
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        if (lines[i]) {
            y = centred_text(c, p, STYLE_COVER_META, lines[i], &none, y);
            any = true;
        }
    if (!any)
        y = centred_text(c, p, STYLE_COVER_META, "两个版本内容相同", &none, y);
    return y;
}

void layout_changes_cover(layout_ctx *c, const diff_model *m, page_list *pages)
{
    const report_meta *meta = &m->after->meta;
    const style *s = c->s;
    page_build *p = layout_page_list_add(pages, s);
    double top = s->margin_top, height = s->page_height - s->margin_top - s->margin_bottom;
    text_origin none = {0}, o;

    double y = top + height * 0.18;
    if (meta->organization.s) {
        o = layout_origin_of(c, &meta->organization);
        y = centred_text(c, p, STYLE_COVER_ORG, meta->organization.s, &o, y);
    }
    o = layout_origin_of(c, &meta->title);
    y = centred_text(c, p, STYLE_COVER_TITLE, meta->title.s, &o, y);
    double rule_y = y + s->text[STYLE_COVER_TITLE].size * 0.4;
    double left = layout_type_left(s, 0), width = layout_type_width(s);
    layout_page_add_rule(p, left + width * 0.2, rule_y, left + width * 0.8, rule_y, 1.2, s->accent);
    y = rule_y + s->text[STYLE_COVER_TITLE].size * 0.6;
    centred_text(c, p, STYLE_COVER_SUBTITLE, "修订对照", &none, y);

    y = top + height * 0.5;
    y = centred_text(c, p, STYLE_COVER_DATE, version_line(c, "修订前", m->before), &none, y);
    y = centred_text(c, p, STYLE_COVER_DATE, version_line(c, "修订后", m->after), &none, y);
    y += s->text[STYLE_COVER_DATE].leading;
    y = counts(c, p, &m->counts, y) + s->text[STYLE_COVER_META].leading / 2;

    /* how changes are marked, shown on the words themselves */
    layout_marked legend = {0};
    static const char a[] = "删除的文字加", b[] = "删除线", d[] = "，新增的文字加", e[] = "下划线";
    layout_mark_text(&legend, a, strlen(a));
    layout_mark_span(&legend, b, strlen(b), TEXT_SPAN_STRIKE);
    layout_mark_text(&legend, d, strlen(d));
    layout_mark_span(&legend, e, strlen(e), TEXT_SPAN_UNDERLINE);
    layout_mark_text(&legend, "。", strlen("。"));
    centred(c, p, STYLE_COVER_META, &legend, &none, y);

    if (meta->id.s) {
        o = layout_origin_of(c, &meta->id);
        centred_text(c, p, STYLE_COVER_META, meta->id.s, &o, top + height * 0.9);
    }
}
