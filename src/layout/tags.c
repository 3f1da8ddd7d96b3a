/* tags.c — the structure tree of a booklet, for tagged PDF: nodes in the
 * order of the report, and which items are their content.
 *
 * Layout code opens a node, places what it places as usual, then names the
 * node of what it just placed (layout_tag_since): the items that have no
 * node yet take this one. So a paragraph, a cell or a heading is tagged
 * whatever pages it runs over, an inner node (a bar's figure inside its
 * cell) keeps its items, and whatever nobody claims — rules, leaders,
 * hatching, repeated table heads — stays an artifact. */
#include "layout_internal.h"

uint32_t layout_node_add(layout_ctx *c, layout_role role, uint32_t parent, const char *alt)
{
    layout_node n = {role, parent, 0, alt};
    VEC_PUSH(&c->nodes, n);
    return (uint32_t)(c->nodes.count - 1);
}

tag_mark layout_tag_mark(const page_list *pages)
{
    tag_mark m = {0, 0};
    if (pages->count > 0) {
        m.page = pages->count - 1;
        m.item = pages->items[m.page].items.count;
    }
    return m;
}

static bool claims(layout_role role, layout_item_kind kind)
{
    if (kind == LAYOUT_ITEM_GLYPHS || kind == LAYOUT_ITEM_LINK)
        return true;
    return role == LAYOUT_ROLE_FIGURE;
}

void layout_tag_page(const layout_ctx *c, page_build *p, size_t from, uint32_t node)
{
    layout_role role = c->nodes.items[node].role;
    for (size_t i = from; i < p->items.count; i++) {
        layout_item *it = &p->items.items[i];
        if (it->node == 0 && it->artifact == LAYOUT_ARTIFACT_LAYOUT && claims(role, it->kind))
            it->node = node;
    }
}

void layout_tag_since(const layout_ctx *c, page_list *pages, const tag_mark *m, uint32_t node)
{
    for (size_t p = m->page; p < pages->count; p++)
        layout_tag_page(c, &pages->items[p], p == m->page ? m->item : 0, node);
}

void layout_tag_pagination(page_build *p, size_t from)
{
    for (size_t i = from; i < p->items.count; i++)
        if (p->items.items[i].node == 0)
            p->items.items[i].artifact = LAYOUT_ARTIFACT_PAGINATION;
}
