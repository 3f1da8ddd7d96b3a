/* pdf_tags.c — a tagged PDF from the layout's structure tree: marked
 * content in the pages, the structure tree beside them.
 *
 * While a page is drawn, consecutive items of one node become one
 * marked-content sequence `/P <</MCID n>> BDC … EMC` (the ActualText spans
 * of the glyph runs nest inside it), and items of no node one
 * `/Artifact <</Type /Pagination>> BDC … EMC` (or /Layout). Each sequence is
 * recorded: its page, its MCID, its node. Then every node becomes a
 * structure element (/S its role, /P its parent, /K its marked content in
 * drawing order and its children in the order of their indices, which is
 * the report's), links their annotations through OBJR, and the parent tree
 * maps each page's MCIDs (and each annotation) back to its element. The
 * writer decides nothing: roles, order and alternative texts are layout's. */
#include "pdf_internal.h"

#include <stdlib.h>
#include <string.h>

/* PDF's standard structure types, and ours (role-mapped) for the cover. */
static const char *const ROLE_NAMES[LAYOUT_ROLE_COUNT] = {
    [LAYOUT_ROLE_DOCUMENT] = "Document",
    [LAYOUT_ROLE_SECT] = "Sect",
    [LAYOUT_ROLE_H1] = "H1",
    [LAYOUT_ROLE_H2] = "H2",
    [LAYOUT_ROLE_H3] = "H3",
    [LAYOUT_ROLE_H4] = "H4",
    [LAYOUT_ROLE_P] = "P",
    [LAYOUT_ROLE_TITLE] = "Title",
    [LAYOUT_ROLE_SUBTITLE] = "Subtitle",
    [LAYOUT_ROLE_TABLE] = "Table",
    [LAYOUT_ROLE_THEAD] = "THead",
    [LAYOUT_ROLE_TBODY] = "TBody",
    [LAYOUT_ROLE_TR] = "TR",
    [LAYOUT_ROLE_TH] = "TH",
    [LAYOUT_ROLE_TD] = "TD",
    [LAYOUT_ROLE_CAPTION] = "Caption",
    [LAYOUT_ROLE_NOTE] = "Note",
    [LAYOUT_ROLE_TOC] = "TOC",
    [LAYOUT_ROLE_TOCI] = "TOCI",
    [LAYOUT_ROLE_LINK] = "Link",
    [LAYOUT_ROLE_FIGURE] = "Figure",
};

/* One piece of an element's content: a marked-content sequence, or an
 * annotation (a link's). A long report has a hundred thousand of them: 16
 * bytes each, the annotations apart. */
typedef struct content {
    uint32_t node;
    uint32_t page;
    int32_t mcid;          /* -1 for an annotation */
    int32_t struct_parent; /* an annotation's: its index in annots, its key in the parent tree */
} content;

struct pdf_tags {
    const layout_document *doc;
    VEC(content) contents; /* in drawing order */
    VEC(HPDF_Dict) annots; /* the link annotations, by struct_parent */
    /* the sequence open on the page being drawn */
    bool open;
    uint32_t open_node;
    layout_artifact open_artifact;
    int next_mcid;
    /* pages that show the same content as an earlier one (numbered copies):
     * their marked content maps to the same elements */
    VEC(size_t) shared_as; /* the page each later copy's page shows */
    struct builder *built; /* the tree, from pdf_tags_finish until the file is written */
};

static void free_builder(struct builder *b);

pdf_tags *pdf_tags_new(const layout_document *doc)
{
    if (doc->nnodes == 0)
        return NULL; /* a document without a tree is drawn untagged */
    pdf_tags *t = xcalloc(1, sizeof *t);
    t->doc = doc;
    return t;
}

void pdf_tags_free(pdf_tags *t)
{
    if (!t)
        return;
    free_builder(t->built);
    free(t->contents.items);
    free(t->annots.items);
    free(t->shared_as.items);
    free(t);
}

static void close_sequence(pdf_tags *t, HPDF_Stream s)
{
    if (t->open)
        HPDF_Stream_WriteStr(s, "EMC\n");
    t->open = false;
}

void pdf_tags_begin_page(pdf_tags *t)
{
    if (t)
        t->next_mcid = 0;
}

void pdf_tags_item(pdf_tags *t, HPDF_Stream s, size_t page, const layout_item *it)
{
    if (!t || it->kind == LAYOUT_ITEM_LINK)
        return; /* a link is an annotation, not content: see pdf_tags_link */
    uint32_t node = it->node < t->doc->nnodes ? it->node : 0;
    if (node != 0 && it->kind == LAYOUT_ITEM_GLYPHS && it->u.glyphs.actual_text) {
        close_sequence(t, s); /* the run's span is its sequence (pdf_tags_begin_span) */
        return;
    }
    if (t->open && t->open_node == node && (node != 0 || t->open_artifact == it->artifact))
        return;
    close_sequence(t, s);
    t->open = true;
    t->open_node = node;
    t->open_artifact = it->artifact;
    if (node == 0) {
        HPDF_Stream_WriteStr(s, it->artifact == LAYOUT_ARTIFACT_PAGINATION
                                    ? "/Artifact <</Type /Pagination>> BDC\n"
                                    : "/Artifact <</Type /Layout>> BDC\n");
        return;
    }
    char head[96];
    snprintf(head, sizeof head, "/%s <</MCID %d>> BDC\n", ROLE_NAMES[t->doc->nodes[node].role],
             t->next_mcid);
    HPDF_Stream_WriteStr(s, head);
    content c = {node, (uint32_t)page, t->next_mcid++, -1};
    VEC_PUSH(&t->contents, c);
}

/* /Span <</ActualText <FEFF…>>> (with the MCID when mcid >= 0): extractors
 * return this text for what the span holds instead of guessing spaces from
 * the gaps between its glyphs. */
static void write_span(HPDF_Stream s, const char *text, size_t len, int mcid)
{
    uint8_t *utf16 = xmalloc(2 + 4 * len);
    size_t n = pdf_utf16be(text, len, utf16, true);
    char head[48] = "/Span <<";
    if (mcid >= 0)
        snprintf(head, sizeof head, "/Span <</MCID %d ", mcid);
    HPDF_Stream_WriteStr(s, head);
    HPDF_Stream_WriteStr(s, "/ActualText <");
    static const char HEX[] = "0123456789ABCDEF";
    char hex[3] = {0};
    for (size_t i = 0; i < n; i++) {
        hex[0] = HEX[utf16[i] >> 4];
        hex[1] = HEX[utf16[i] & 15];
        HPDF_Stream_WriteStr(s, hex);
    }
    HPDF_Stream_WriteStr(s, ">>> BDC\n");
    free(utf16);
}

void pdf_tags_begin_span(pdf_tags *t, HPDF_Stream s, size_t page, uint32_t node, const char *text,
                         size_t len)
{
    if (!t || node == 0 || node >= t->doc->nnodes) {
        write_span(s, text, len, -1); /* nested in an artifact, or untagged */
        return;
    }
    /* Content of node with its ActualText, as its own sequence: poppler
     * (and others) lose an MCID sequence's text after a span nested in it. */
    close_sequence(t, s);
    write_span(s, text, len, t->next_mcid);
    content c = {node, (uint32_t)page, t->next_mcid++, -1};
    VEC_PUSH(&t->contents, c);
}

void pdf_tags_end_span(pdf_tags *t, HPDF_Stream s, uint32_t node)
{
    (void)t; /* tagged or not, nothing stays open: the next item opens its own */
    (void)node;
    HPDF_Stream_WriteStr(s, "EMC\n");
}

void pdf_tags_end_sequence(pdf_tags *t, HPDF_Stream s)
{
    if (t)
        close_sequence(t, s);
}

int pdf_tags_share_page(pdf_tags *t, size_t as_page)
{
    if (!t)
        return -1;
    VEC_PUSH(&t->shared_as, as_page);
    return (int)(t->shared_as.count - 1);
}

void pdf_tags_end_page(pdf_tags *t, HPDF_Stream s)
{
    if (t)
        close_sequence(t, s);
}

int pdf_tags_link(pdf_tags *t, size_t page, HPDF_Dict annot, uint32_t node)
{
    if (!t || node == 0 || node >= t->doc->nnodes)
        return -1;
    /* its key is numbered at the end */
    content c = {node, (uint32_t)page, -1, (int32_t)t->annots.count};
    VEC_PUSH(&t->contents, c);
    VEC_PUSH(&t->annots, annot);
    return c.struct_parent;
}

/* ---- the tree ---- */

/* One kid of an element, before it is written: content, or a child. */
typedef struct kid {
    uint32_t index; /* into the contents, or the child's node */
    bool child;
} kid;

typedef VEC(kid) kid_list;

/* An element is an empty dictionary to libharu, in its cross-reference
 * table from the start (the parent tree names it); its /S, /P, /Pg and /K
 * are written from the builder when the file is (write_element), not held
 * as libharu objects: a name, a number or a reference there weighs a
 * hundred bytes and more, and a 3,000-page report has 30,000 elements. Only
 * the rare /Alt and /A are real entries. */
typedef struct builder builder;
typedef struct element_ref {
    const builder *b;
    uint32_t node;
} element_ref;

struct builder {
    pdf_tags *t;
    HPDF_Doc pdf;
    HPDF_Dict *pages;
    HPDF_Dict root;      /* the StructTreeRoot: node 0's /P */
    HPDF_Dict *elems;    /* per node */
    element_ref *refs;   /* per node: what its dictionary's writer reads */
    kid_list *kids;      /* per node: its /K, in order */
    size_t *first_page;  /* per node: the page of its first content, SIZE_MAX: none */
    HPDF_Array *by_page; /* per page: the parent tree's array, element by MCID */
    size_t nnodes, npages;
    int annot_base; /* the parent tree's key of the first annotation */
};

/* A kid as /K holds it: an MCID (a number on the element's own page, else
 * a marked-content reference), an OBJR, or the child's element. */
static void write_kid(const builder *b, uint32_t node, const kid *k, HPDF_Stream s)
{
    char buf[96];
    const content *c = k->child ? NULL : &b->t->contents.items[k->index];
    if (!c)
        snprintf(buf, sizeof buf, "%u 0 R", pdf_object_number(b->elems[k->index]));
    else if (c->mcid >= 0 && c->page == b->first_page[node])
        snprintf(buf, sizeof buf, "%d", c->mcid);
    else if (c->mcid >= 0)
        snprintf(buf, sizeof buf, "<</Type/MCR/Pg %u 0 R/MCID %d>>",
                 pdf_object_number(b->pages[c->page]), c->mcid);
    else
        snprintf(buf, sizeof buf, "<</Type/OBJR/Pg %u 0 R/Obj %u 0 R>>",
                 pdf_object_number(b->pages[c->page]),
                 pdf_object_number(b->t->annots.items[c->struct_parent]));
    HPDF_Stream_WriteStr(s, buf);
}

static HPDF_STATUS write_element(HPDF_Dict dict, HPDF_Stream s)
{
    const element_ref *r = dict->attr;
    const builder *b = r->b;
    const layout_node *n = &b->t->doc->nodes[r->node];
    char buf[96];
    snprintf(buf, sizeof buf, "/S/%s/P %u 0 R", ROLE_NAMES[n->role],
             pdf_object_number(r->node == 0 ? b->root : b->elems[n->parent]));
    HPDF_Stream_WriteStr(s, buf);
    if (b->first_page[r->node] != SIZE_MAX) {
        snprintf(buf, sizeof buf, "/Pg %u 0 R",
                 pdf_object_number(b->pages[b->first_page[r->node]]));
        HPDF_Stream_WriteStr(s, buf);
    }
    const kid_list *kids = &b->kids[r->node];
    if (kids->count > 0) /* one kid stands alone: 2 bytes fewer, hundreds of times */
        HPDF_Stream_WriteStr(s, kids->count == 1 ? "/K " : "/K[");
    for (size_t i = 0; i < kids->count; i++) {
        if (i > 0)
            HPDF_Stream_WriteChar(s, ' ');
        write_kid(b, r->node, &kids->items[i], s);
    }
    if (kids->count > 1)
        HPDF_Stream_WriteChar(s, ']');
    return HPDF_Stream_WriteChar(s, '\n');
}

static HPDF_Dict element(builder *b, uint32_t node)
{
    const layout_node *n = &b->t->doc->nodes[node];
    HPDF_Dict e = HPDF_Dict_New(b->pdf->mmgr);
    if (!e || HPDF_Xref_Add(b->pdf->xref, e) != HPDF_OK)
        return NULL;
    b->refs[node] = (element_ref){b, node};
    e->attr = &b->refs[node];
    e->write_fn = write_element;
    if (n->alt)
        HPDF_Dict_Add(e, "Alt", pdf_text_string(b->pdf, n->alt, strlen(n->alt)));
    if (n->role == LAYOUT_ROLE_TH) { /* a column's head */
        HPDF_Dict a = HPDF_Dict_New(b->pdf->mmgr);
        HPDF_Dict_AddName(a, "O", "Table");
        HPDF_Dict_AddName(a, "Scope", "Column");
        HPDF_Dict_Add(e, "A", a);
    }
    return e;
}

/* Content of an element: its first page becomes the element's /Pg; the
 * parent tree learns the element of each MCID (a page's count up from 0). */
static void add_content(builder *b, uint32_t index)
{
    const content *c = &b->t->contents.items[index];
    if (b->first_page[c->node] == SIZE_MAX)
        b->first_page[c->node] = c->page;
    kid k = {index, false};
    VEC_PUSH(&b->kids[c->node], k);
    if (c->mcid >= 0)
        HPDF_Array_Add(b->by_page[c->page], b->elems[c->node]);
    else
        HPDF_Dict_AddNumber(b->t->annots.items[c->struct_parent], "StructParent",
                            b->annot_base + c->struct_parent);
}

static HPDF_Dict parent_tree(builder *b)
{
    const pdf_tags *t = b->t;
    pdf_numtree nt;
    pdf_numtree_start(&nt, b->pdf, b->npages + t->shared_as.count + t->annots.count);
    /* A page's array of elements by MCID; indirect when pages share it. */
    bool shared = t->shared_as.count > 0;
    for (size_t p = 0; p < b->npages; p++) {
        if (shared)
            HPDF_Xref_Add(b->pdf->xref, b->by_page[p]);
        pdf_numtree_add(&nt, (int)p, b->by_page[p]);
        HPDF_Dict_AddNumber(b->pages[p], "StructParents", (HPDF_INT32)p);
    }
    for (size_t i = 0; i < t->shared_as.count; i++) {
        int key = (int)(b->npages + i);
        pdf_numtree_add(&nt, key, b->by_page[t->shared_as.items[i]]);
    }
    for (size_t i = 0; i < t->contents.count; i++) {
        const content *c = &t->contents.items[i];
        if (c->mcid >= 0)
            continue;
        pdf_numtree_add(&nt, b->annot_base + c->struct_parent, b->elems[c->node]);
        HPDF_Dict_AddName(b->pages[c->page], "Tabs", "S"); /* links in structure order */
    }
    return pdf_numtree_finish(&nt);
}

static void free_builder(builder *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->nnodes; i++)
        free(b->kids[i].items);
    free(b->elems);
    free(b->refs);
    free(b->kids);
    free(b->first_page);
    free(b->by_page);
    free(b);
}

static void add_root(builder *b)
{
    HPDF_Doc pdf = b->pdf;
    HPDF_Dict root = b->root;
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    HPDF_Dict_Add(root, "K", b->elems[0]);
    HPDF_Dict_Add(root, "ParentTree", parent_tree(b));
    HPDF_Dict_AddNumber(root, "ParentTreeNextKey", b->annot_base + (int)b->t->annots.count);
    HPDF_Dict roles = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddName(roles, "Title", "P");
    HPDF_Dict_AddName(roles, "Subtitle", "P");
    HPDF_Dict_Add(root, "RoleMap", roles);
    HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
    HPDF_Dict mark = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark);
}

int pdf_tags_finish(pdf_tags *t, HPDF_Doc pdf, HPDF_Dict *pages, size_t npages, diag_list *errors)
{
    if (!t)
        return 0;
    const layout_document *doc = t->doc;
    size_t n = doc->nnodes;
    builder *b = t->built = xcalloc(1, sizeof *b);
    *b = (builder){.t = t, .pdf = pdf, .pages = pages, .nnodes = n, .npages = npages};
    b->annot_base = (int)(npages + t->shared_as.count);
    b->elems = xcalloc(n, sizeof *b->elems);
    b->refs = xcalloc(n, sizeof *b->refs);
    b->kids = xcalloc(n, sizeof *b->kids);
    b->first_page = xmalloc(n * sizeof *b->first_page);
    b->by_page = xcalloc(npages + 1, sizeof *b->by_page);
    for (size_t p = 0; p < npages; p++)
        b->by_page[p] = HPDF_Array_New(pdf->mmgr);
    b->root = HPDF_Dict_New(pdf->mmgr);
    bool ok = b->root && HPDF_Xref_Add(pdf->xref, b->root) == HPDF_OK;
    for (size_t i = 0; i < n; i++) {
        ok = ok && (i == 0 || doc->nodes[i].parent < i) && doc->nodes[i].role < LAYOUT_ROLE_COUNT;
        b->elems[i] = ok ? element(b, (uint32_t)i) : NULL;
        ok = ok && b->elems[i];
        b->first_page[i] = SIZE_MAX;
    }
    if (!ok) {
        diag_add(errors, DIAG_ERROR, NULL, 0, 0, "the structure tree is not a tree");
    } else {
        /* own content first, in drawing order; then the children, in order */
        for (size_t i = 0; i < t->contents.count; i++)
            add_content(b, (uint32_t)i);
        for (size_t i = 1; i < n; i++) {
            kid k = {(uint32_t)i, true};
            VEC_PUSH(&b->kids[doc->nodes[i].parent], k);
        }
        add_root(b);
    }
    const char *lang = doc->lang ? doc->lang : "zh-CN";
    HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, lang, NULL));
    return ok ? 0 : -1;
}
