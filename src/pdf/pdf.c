/* pdf.c — a layout document as a PDF: its pages drawn on the sheets of the
 * plan (one a sheet unless imposed), each numbered copy a set of pages
 * sharing those sheets' content streams, then the navigation (links,
 * bookmarks, labels), PDF/A and the file. pdf_draw.c draws the items;
 * libharu keeps the objects and saves them, into the sink pdf_file.c gives
 * (pdf_sink.c: the booklet's temporary file itself), where the identifiers
 * are sealed in place.
 *
 * Output pages are dictionaries of our own (libharu's pages own a content
 * stream and resources each; copies share theirs). A sheet's stream draws
 * each placed page inside q … Q under its translation (and clip), then the
 * sheet's marks. Slots (a copy's number) are drawn, for each copy, into a
 * stream of its own that the copy's page adds to the shared one. */
#include "pdf_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PAGES_PER_NODE 4096

typedef struct writer {
    const layout_document *doc;
    const pdf_options *options;
    HPDF_Doc pdf;
    HPDF_STATUS error, detail; /* libharu's first error, from on_error */
    pdf_fonts fonts;
    const impose_plan *plan; /* the options', or own_plan: a page a sheet */
    impose_plan *own_plan;
    HPDF_Dict *pages; /* the first copy's output pages: one a sheet */
    /* One /Resources (every font) and, when all sheets are alike, their
     * /MediaBox, inherited by every page from the page tree's root. */
    HPDF_Dict resources;
    bool media_inherited;
    /* Output pages go under nodes of PAGES_PER_NODE when there are more
     * than one node's worth (a PDF array holds at most 32,767). */
    bool grouped;
    HPDF_Pages node;
    size_t in_node;
    pdf_light_page *light; /* the pages of copies after the first */
    HPDF_Dict *contents;   /* each sheet's content stream, shared too */
    pdf_place *where;      /* per layout page: where it is in the output */
    /* Every distinct box array, one indirect object each: the pages of all
     * copies name them (a copy's page costs its few bytes only). */
    VEC(struct shared_box {
        double v[4];
        HPDF_Array array;
    })
    boxes;
    /* What went wrong, in the order found. Nothing more is tried after a
     * failure, except that the fonts are always finished (their worker is
     * joined): a font's error, found last, is the one pdf_write reports. */
    diag_list errors;
    pdf_tags *tags;         /* marked content and the structure tree; NULL: untagged */
    pdf_packer *packer;     /* the sheets' content, deflated beside the drawing */
    size_t xmp_instance_at; /* where the XMP instance id goes in the packet */
} writer;

/* libharu reports errors through this handler and then returns an error
 * status: we record the first one (no longjmp) and turn it into a
 * diagnostic at the end. */
static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    writer *w = user_data;
    if (w->error == HPDF_OK) {
        w->error = error_no;
        w->detail = detail_no;
    }
}

/* Whether anything has failed; libharu's first error becomes a diagnostic
 * here unless something else failed before it was seen. */
static bool failed(writer *w)
{
    if (w->error != HPDF_OK && w->errors.errors == 0)
        diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0,
                 w->error == HPDF_FAILD_TO_ALLOC_MEM ? "out of memory (libharu error 0x%04X/%u)"
                                                     : "libharu error 0x%04X (detail %u)",
                 (unsigned)w->error, (unsigned)w->detail);
    return w->errors.errors > 0;
}

/* ---- output pages ---- */

/* A rectangle, written where it is used (an annotation's /Rect). */
static HPDF_Array rect(writer *w, double x0, double y0, double x1, double y1)
{
    HPDF_Array a = HPDF_Array_New(w->pdf->mmgr);
    double v[4] = {x0, y0, x1, y1};
    for (int i = 0; a && i < 4; i++)
        HPDF_Array_AddReal(a, (HPDF_REAL)v[i]);
    return a;
}

/* A page box: one indirect array for each distinct box, which every page
 * showing it names. */
static HPDF_Array box(writer *w, double x0, double y0, double x1, double y1)
{
    double v[4] = {x0, y0, x1, y1};
    for (size_t i = 0; i < w->boxes.count; i++)
        if (!memcmp(w->boxes.items[i].v, v, sizeof v))
            return w->boxes.items[i].array;
    HPDF_Array a = HPDF_Array_New(w->pdf->mmgr);
    if (!a || HPDF_Xref_Add(w->pdf->xref, a) != HPDF_OK)
        return NULL;
    for (int i = 0; i < 4; i++)
        HPDF_Array_AddReal(a, (HPDF_REAL)v[i]);
    struct shared_box b = {{x0, y0, x1, y1}, a};
    VEC_PUSH(&w->boxes, b);
    return a;
}

/* A page of our own in the page tree (libharu's would own a content stream
 * and resources; ours share them). Added to /Kids as a plain dictionary,
 * then marked a page, which is what libharu counts in /Count. */
static HPDF_Pages parent_of_next_page(writer *w)
{
    if (!w->grouped)
        return w->pdf->root_pages;
    if (!w->node || w->in_node == PAGES_PER_NODE) {
        w->node = HPDF_Pages_New(w->pdf->mmgr, w->pdf->root_pages, w->pdf->xref);
        w->in_node = 0;
    }
    w->in_node++;
    return w->node;
}

static HPDF_Dict new_page(writer *w, const impose_sheet *s)
{
    HPDF_Pages parent = parent_of_next_page(w);
    HPDF_Dict page = HPDF_Dict_New(w->pdf->mmgr);
    if (!parent || !page || HPDF_Xref_Add(w->pdf->xref, page) != HPDF_OK)
        return NULL;
    HPDF_Dict_AddName(page, "Type", "Page");
    HPDF_Pages_AddKids(parent, page);
    page->header.obj_class |= HPDF_OSUBCLASS_PAGE;
    if (!w->media_inherited)
        HPDF_Dict_Add(page, "MediaBox", box(w, 0, 0, s->width, s->height));
    if (s->boxes) { /* in PDF space, y up */
        HPDF_Dict_Add(
            page, "TrimBox",
            box(w, s->trim.x0, s->height - s->trim.y1, s->trim.x1, s->height - s->trim.y0));
        HPDF_Dict_Add(
            page, "BleedBox",
            box(w, s->bleed.x0, s->height - s->bleed.y1, s->bleed.x1, s->height - s->bleed.y0));
    }
    return page;
}

static HPDF_Dict new_stream(writer *w)
{
    HPDF_Dict d = HPDF_DictStream_New(w->pdf->mmgr, w->pdf->xref);
    if (d)
        d->filter = HPDF_STREAM_FILTER_NONE; /* deflated by us: pdf_stream_pack */
    return d;
}

/* A placed page's own space: its corner at (x, y) on the sheet, y up. */
static void enter_placement(pdf_canvas *c, const impose_sheet *s, const impose_placement *pl,
                            double page_h)
{
    HPDF_Stream_WriteStr(c->s, "q\n");
    if (pl->clip) {
        double clip[4] = {pl->clip_x0, s->height - pl->clip_y1, pl->clip_x1 - pl->clip_x0,
                          pl->clip_y1 - pl->clip_y0};
        for (int i = 0; i < 4; i++) {
            pdf_write_number(c->s, clip[i]);
            HPDF_Stream_WriteChar(c->s, ' ');
        }
        HPDF_Stream_WriteStr(c->s, "re W n\n");
    }
    HPDF_Stream_WriteStr(c->s, "1 0 0 1 ");
    pdf_write_number(c->s, pl->x);
    HPDF_Stream_WriteChar(c->s, ' ');
    pdf_write_number(c->s, s->height - pl->y - page_h);
    HPDF_Stream_WriteStr(c->s, " cm\n");
    c->height = page_h;
}

static void leave_placement(pdf_canvas *c, const impose_sheet *s)
{
    HPDF_Stream_WriteStr(c->s, "Q\n");
    pdf_canvas_forget(c);
    c->height = s->height;
}

/* A page exactly covering its sheet draws without a transform. */
static bool is_plain(const impose_sheet *s, const impose_placement *pl, const layout_page *lp)
{
    return !pl->clip && pl->x == 0 && pl->y == 0 && lp->width == s->width &&
           lp->height == s->height;
}

static void link_annotation(writer *w, size_t sheet, const impose_placement *pl,
                            const layout_item *it)
{
    const layout_link *l = &it->u.link;
    if (l->target_page >= w->doc->npages || !w->where[l->target_page].page) {
        diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0, "a link leads to page %zu of %zu",
                 l->target_page + 1, w->doc->npages);
        return;
    }
    const impose_sheet *s = &w->plan->sheets[sheet];
    const pdf_place *to = &w->where[l->target_page];
    double x0 = pl->x + l->x, y1 = s->height - (pl->y + l->y);
    HPDF_Array dst = pdf_dest_xyz(w->pdf, to->page, to->height - (to->dy + l->target_y));
    /* built here rather than by libharu, whose link annotations take an
     * indirect destination and no flags: PDF/A wants the print flag (4) and
     * a direct /Dest */
    HPDF_Dict annot = HPDF_Dict_New(w->pdf->mmgr);
    if (!annot || !dst || HPDF_Xref_Add(w->pdf->xref, annot) != HPDF_OK)
        return;
    HPDF_Dict_AddName(annot, "Type", "Annot");
    HPDF_Dict_AddName(annot, "Subtype", "Link");
    HPDF_Dict_Add(annot, "Rect", rect(w, x0, y1 - l->h, x0 + l->w, y1));
    HPDF_Array border = HPDF_Array_New(w->pdf->mmgr);
    for (int i = 0; i < 3; i++)
        HPDF_Array_AddNumber(border, 0);
    HPDF_Dict_Add(annot, "Border", border);
    HPDF_Dict_AddNumber(annot, "F", 4);
    HPDF_Dict_Add(annot, "Dest", dst);
    HPDF_Dict page = w->pages[sheet];
    HPDF_Array annots = HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY);
    if (!annots) {
        annots = HPDF_Array_New(w->pdf->mmgr);
        HPDF_Dict_Add(page, "Annots", annots);
    }
    HPDF_Array_Add(annots, annot);
    pdf_tags_link(w->tags, sheet, annot, it->node);
}

static void draw_placement(writer *w, pdf_canvas *c, size_t sheet, const impose_placement *pl)
{
    const impose_sheet *s = &w->plan->sheets[sheet];
    const layout_page *lp = &w->doc->pages[pl->page];
    bool plain = is_plain(s, pl, lp);
    if (!plain)
        enter_placement(c, s, pl, lp->height);
    size_t n;
    const layout_item *items = pdf_placement_items(w->doc, pl, &n);
    for (size_t i = 0; i < n && !failed(w); i++) {
        if (items[i].kind == LAYOUT_ITEM_LINK)
            link_annotation(w, sheet, pl, &items[i]);
        else
            pdf_draw_item(c, &items[i]);
    }
    pdf_tags_end_sequence(w->tags, c->s); /* nothing open across Q */
    if (!plain)
        leave_placement(c, s);
}

static pdf_canvas canvas_for(writer *w, size_t sheet, HPDF_Dict contents)
{
    pdf_canvas c = {.s = contents->stream, .registry = &w->fonts, .tags = w->tags, .page = sheet};
    c.fonts = HPDF_Dict_GetItem(w->resources, "Font", HPDF_OCLASS_DICT);
    c.height = w->plan->sheets[sheet].height;
    return c;
}

/* PDF readers accept 3 to 14,400 units a side (ISO 32000-1, C.2). */
static bool sheet_size_ok(writer *w, const impose_sheet *s, size_t sheet)
{
    if (s->width >= 3 && s->height >= 3 && s->width <= 14400 && s->height <= 14400)
        return true;
    diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0,
             "sheet %zu is %.1f x %.1f pt; a PDF page is 3 to 14400 pt on each side", sheet + 1,
             s->width, s->height);
    return false;
}

/* What every page inherits from the root of the page tree: the resources,
 * and the media box when the sheets are all one size. */
static bool add_inherited(writer *w)
{
    HPDF_Dict root = w->pdf->root_pages;
    const impose_sheet *first = &w->plan->sheets[0];
    w->media_inherited = true;
    for (size_t i = 1; i < w->plan->nsheets; i++)
        if (w->plan->sheets[i].width != first->width || w->plan->sheets[i].height != first->height)
            w->media_inherited = false;
    if (w->media_inherited)
        HPDF_Dict_Add(root, "MediaBox", rect(w, 0, 0, first->width, first->height));
    HPDF_Dict res = w->resources = HPDF_Dict_New(w->pdf->mmgr);
    if (!res || HPDF_Xref_Add(w->pdf->xref, res) != HPDF_OK)
        return false;
    HPDF_Dict_Add(res, "Font", HPDF_Dict_New(w->pdf->mmgr));
    HPDF_Dict_Add(root, "Resources", res);
    return !failed(w);
}

/* The first copy's page of every sheet and its content stream, made before
 * any is drawn: links lead to pages further on. */
static bool add_sheets(writer *w)
{
    size_t n = w->plan->nsheets;
    for (size_t sheet = 0; sheet < n; sheet++)
        if (!sheet_size_ok(w, &w->plan->sheets[sheet], sheet))
            return false;
    if (!add_inherited(w))
        return false;
    size_t copies = w->options->ncopies ? w->options->ncopies : 1;
    w->grouped = n * copies > PAGES_PER_NODE;
    w->pages = xcalloc(n, sizeof *w->pages);
    w->contents = xcalloc(n, sizeof *w->contents);
    for (size_t sheet = 0; sheet < n; sheet++) {
        w->pages[sheet] = new_page(w, &w->plan->sheets[sheet]);
        w->contents[sheet] = new_stream(w);
        if (!w->pages[sheet] || !w->contents[sheet])
            return false;
    }
    return !failed(w);
}

/* A sheet's content stream: every placed page, then the sheet's marks. */
static bool draw_sheet(writer *w, size_t sheet)
{
    const impose_sheet *s = &w->plan->sheets[sheet];
    HPDF_Dict contents = w->contents[sheet];
    pdf_canvas c = canvas_for(w, sheet, contents);
    pdf_tags_begin_page(w->tags);
    for (size_t k = 0; k < s->nplace; k++)
        if (s->place[k].page != IMPOSE_BLANK)
            draw_placement(w, &c, sheet, &s->place[k]);
    for (size_t i = 0; i < s->nmarks; i++) {
        layout_item mark = s->marks[i];
        mark.node = 0; /* marks are for the press: artifacts */
        mark.artifact = LAYOUT_ARTIFACT_PAGINATION;
        pdf_draw_item(&c, &mark);
    }
    pdf_tags_end_page(w->tags, c.s);
    pdf_packer_add(w->packer, contents);
    return !failed(w);
}

/* ---- numbered copies ---- */

static bool sheet_has_slots(const writer *w, const impose_sheet *s)
{
    for (size_t k = 0; k < s->nplace; k++) {
        if (s->place[k].page == IMPOSE_BLANK)
            continue;
        size_t n;
        const layout_item *items = pdf_placement_items(w->doc, &s->place[k], &n);
        for (size_t i = 0; i < n; i++)
            if (items[i].kind == LAYOUT_ITEM_SLOT)
                return true;
    }
    return false;
}

/* The slots of a sheet filled with one copy's number, in a stream of its own. */
static HPDF_Dict slot_stream(writer *w, size_t sheet, int copy)
{
    const impose_sheet *s = &w->plan->sheets[sheet];
    HPDF_Dict stream = new_stream(w);
    if (!stream)
        return NULL;
    pdf_canvas c = canvas_for(w, sheet, stream);
    c.tags = NULL;
    for (size_t k = 0; k < s->nplace; k++) {
        const impose_placement *pl = &s->place[k];
        if (pl->page == IMPOSE_BLANK)
            continue;
        const layout_page *lp = &w->doc->pages[pl->page];
        bool plain = is_plain(s, pl, lp);
        if (!plain)
            enter_placement(&c, s, pl, lp->height);
        size_t n;
        const layout_item *items = pdf_placement_items(w->doc, pl, &n);
        for (size_t i = 0; i < n; i++)
            if (items[i].kind == LAYOUT_ITEM_SLOT)
                pdf_draw_slot(&c, &items[i].u.slot, copy);
        if (!plain)
            leave_placement(&c, s);
    }
    pdf_stream_pack(stream);
    return stream;
}

/* A page of a copy: the sheet's shared stream, and its own slots. */
static void copy_contents(writer *w, HPDF_Dict page, size_t sheet, int copy, bool slots)
{
    if (!slots) {
        HPDF_Dict_Add(page, "Contents", w->contents[sheet]);
        return;
    }
    HPDF_Array both = HPDF_Array_New(w->pdf->mmgr);
    HPDF_Array_Add(both, w->contents[sheet]);
    HPDF_Array_Add(both, slot_stream(w, sheet, copy));
    HPDF_Dict_Add(page, "Contents", both);
}

/* A later copy's page of sheet: written at save time from *lp. */
static bool add_light_page(writer *w, pdf_light_page *lp, size_t sheet, int copy, bool slots)
{
    const impose_sheet *s = &w->plan->sheets[sheet];
    *lp = (pdf_light_page){.parent = parent_of_next_page(w), .contents = w->contents[sheet]};
    if (slots && !(lp->slots = slot_stream(w, sheet, copy)))
        return false;
    if (!w->media_inherited)
        lp->media = box(w, 0, 0, s->width, s->height);
    if (s->boxes) {
        lp->trim = box(w, s->trim.x0, s->height - s->trim.y1, s->trim.x1, s->height - s->trim.y0);
        lp->bleed =
            box(w, s->bleed.x0, s->height - s->bleed.y1, s->bleed.x1, s->height - s->bleed.y0);
    }
    int shared = pdf_tags_share_page(w->tags, sheet);
    lp->struct_parents = shared < 0 ? -1 : (int)w->plan->nsheets + shared;
    return lp->parent && pdf_light_page_new(w->pdf, lp) != NULL;
}

/* Every copy after the first: pages of their own over the first's streams
 * and resources; the tree's parent tree maps their marked content to the
 * same elements (a copy is the same document). Copies are made one after
 * the other; what each keeps is its pages' few numbers and its slots. */
static bool add_copies(writer *w, const bool *slots)
{
    const pdf_options *o = w->options;
    size_t n = w->plan->nsheets;
    for (size_t sheet = 0; sheet < n; sheet++)
        copy_contents(w, w->pages[sheet], sheet, o->ncopies ? o->copies[0] : 0,
                      slots[sheet] && o->ncopies);
    if (o->ncopies > 1)
        w->light = xcalloc((o->ncopies - 1) * n, sizeof *w->light);
    for (size_t k = 1; k < o->ncopies; k++) {
        for (size_t sheet = 0; sheet < n; sheet++)
            if (!add_light_page(w, &w->light[(k - 1) * n + sheet], sheet, o->copies[k],
                                slots[sheet]))
                return false;
        if (failed(w))
            return false;
    }
    return true;
}

/* ---- the document ---- */

/* Where each layout page is in the output (its first copy). */
static void locate_pages(writer *w)
{
    w->where = xcalloc(w->doc->npages + 1, sizeof *w->where);
    for (size_t i = 0; i < w->doc->npages; i++) {
        size_t sheet, k;
        if (!impose_find(w->plan, i, &sheet, &k))
            continue;
        const impose_sheet *s = &w->plan->sheets[sheet];
        w->where[i] = (pdf_place){w->pages[sheet], s->height, s->place[k].x, s->place[k].y};
    }
}

/* ---- PDF/A ---- */

static bool archive(writer *w)
{
    pdf_pdfa_parts parts = {w->doc, w->options, &w->fonts};
    pdf_pdfa_prepare(w->pdf, &parts, &w->xmp_instance_at, &w->errors);
    return !failed(w);
}

/* The save, into the sink pdf_file.c gives: straight into the booklet's
 * temporary file, or into memory for a pipe; then sealed there. */
static bool save(void *ctx, pdf_sink *sink)
{
    writer *w = ctx;
    HPDF_Stream out = pdf_sink_stream(sink, w->pdf->mmgr);
    if (!out) {
        diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0, "out of memory");
        return false;
    }
    w->pdf->stream = out; /* HPDF_SaveToStream writes into it; HPDF_Free frees it */
    if (HPDF_SaveToStream(w->pdf) != HPDF_OK || failed(w))
        return false;
    if (!pdf_sink_seal(sink, w->xmp_instance_at)) {
        if (!pdf_sink_error(sink))
            diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0, "the saved file could not be sealed");
        return false;
    }
    return true;
}

/* The page labels: the document's own for a page a sheet; for copies, each
 * copy's pages counted from 1 after its number ("000017-1"); none for
 * imposed sheets, which are no pages of the document. */
static int labels(writer *w)
{
    const pdf_options *o = w->options;
    if (o->ncopies > 0)
        return pdf_meta_copy_labels(w->pdf, o->copies, o->ncopies, w->plan->nsheets);
    return w->plan->keeps_labels ? pdf_meta_labels(w->pdf, w->doc) : 0;
}

/* Whether the pages' frames are freed as they are drawn: when the caller
 * lets us and nothing reads them again (a page a sheet, no copies to fill
 * slots in). */
static bool releasing(const writer *w)
{
    return w->options->release == w->doc && w->plan == w->own_plan && w->options->ncopies == 0;
}

static void release_drawn(writer *w, size_t sheet)
{
    layout_document *doc = w->options->release;
    if (!releasing(w))
        return;
    const impose_sheet *s = &w->plan->sheets[sheet];
    for (size_t k = 0; k < s->nplace; k++)
        if (s->place[k].page != IMPOSE_BLANK)
            layout_page_release(&doc->pages[s->place[k].page]);
}

/* From how many sheets the workers pay for themselves (measured on two
 * cores: the 9-page example is 4% faster without them, 109 pages 6% and 304
 * pages 12% faster with them). */
#define THREADS_FROM_SHEETS 32

static bool build(writer *w)
{
    if (w->doc->npages == 0) {
        diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0, "the document has no pages");
        return false;
    }
    w->plan = w->options->plan;
    if (!w->plan) {
        impose_options one = {.scheme = IMPOSE_NONE};
        w->plan = w->own_plan = impose_make(w->doc, &one, &w->errors);
        if (!w->plan)
            return false;
    }
    w->pdf = HPDF_New(on_error, w);
    if (!w->pdf) {
        diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0, "out of memory");
        return false;
    }
    HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
    w->pdf->pdf_version = HPDF_VER_15; /* /ActualText; libharu has no setter */
    if (!pdf_fonts_collect(&w->fonts, w->doc, w->plan, &w->errors))
        return false;
    w->tags = pdf_tags_new(w->doc);
    bool threaded = !w->options->one_thread && w->plan->nsheets >= THREADS_FROM_SHEETS;
    /* The CID-keyed faces are subset beside the drawing, or after it when the
     * drawing frees the frames: the outlines a subset reads in then take the
     * place the frames left instead of adding to the peak (44 ms at 3,000
     * pages, against 37 MB). */
    pdf_subset_when when = releasing(w) && threaded ? PDF_SUBSET_AFTER
                           : threaded               ? PDF_SUBSET_BESIDE
                                                    : PDF_SUBSET_NOW;
    pdf_embedding *fonts = pdf_fonts_start(&w->fonts, w->pdf, when);
    bool *slots = xcalloc(w->plan->nsheets + 1, sizeof *slots);
    if (add_sheets(w)) {
        locate_pages(w);
        w->packer = pdf_packer_start(threaded);
        for (size_t i = 0; i < w->plan->nsheets && !failed(w); i++) {
            draw_sheet(w, i);
            slots[i] = sheet_has_slots(w, &w->plan->sheets[i]);
            release_drawn(w, i);
        }
        pdf_packer_finish(w->packer);
        w->packer = NULL;
    }
    bool drawn = !failed(w) && add_copies(w, slots);
    free(slots);
    if (pdf_fonts_finish(fonts, w->pdf, &w->errors) != 0 || !drawn || failed(w))
        return false;
    if (pdf_tags_finish(w->tags, w->pdf, w->pages, w->plan->nsheets, &w->errors) != 0)
        return false;
    if (pdf_meta_info(w->pdf, &w->doc->info) != 0 ||
        pdf_meta_outline(w->pdf, w->where, w->doc) != 0 || labels(w) != 0) {
        if (!failed(w))
            diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0,
                     "the outline or page labels name a missing page");
        return false;
    }
    return archive(w);
}

/* ---- writing ---- */

/* Build the document and write it to path, or into fd when path is NULL
 * (name says what fd is, for the message). */
static int write_document(const layout_document *doc, const pdf_options *options, const char *path,
                          int fd, const char *name, size_t *bytes, diag_list *diags)
{
    static const pdf_options defaults = {0};
    writer w = {.doc = doc, .options = options ? options : &defaults};
    size_t written = 0;
    bool ok = build(&w);
    pdf_saver saver = {save, &w};
    ok = ok && (path ? pdf_file_write(&saver, path, &written, &w.errors)
                     : pdf_file_write_fd(&saver, fd, &written, &w.errors));
    if (!ok) {
        failed(&w);
        /* one error, with no position: the last one found (see writer) */
        const char *reason = w.errors.count ? w.errors.items[w.errors.count - 1].message : "";
        if (path)
            diag_add(diags, DIAG_ERROR, NULL, 0, 0, "cannot write '%s': %s", path, reason);
        else
            diag_add(diags, DIAG_ERROR, NULL, 0, 0, "cannot write to %s: %s", name, reason);
    }
    if (bytes)
        *bytes = ok ? written : 0;
    diag_list_free(&w.errors);
    if (w.pdf)
        HPDF_Free(w.pdf);
    pdf_fonts_free(&w.fonts);
    pdf_tags_free(w.tags);
    impose_free(w.own_plan);
    free(w.pages);
    free(w.contents);
    free(w.where);
    free(w.boxes.items);
    free(w.light);
    return ok ? 0 : -1;
}

int pdf_write(const layout_document *doc, const pdf_options *options, const char *path,
              size_t *bytes, diag_list *diags)
{
    return write_document(doc, options, path, -1, NULL, bytes, diags);
}

int pdf_write_fd(const layout_document *doc, const pdf_options *options, int fd, const char *name,
                 size_t *bytes, diag_list *diags)
{
    return write_document(doc, options, NULL, fd, name, bytes, diags);
}
