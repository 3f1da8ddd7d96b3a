/* test_pdf.c — the PDF writer, checked with readers nobody here wrote:
 * qpdf, poppler (pdffonts, pdftotext, pdfinfo, pdftoppm) and MuPDF.
 *
 * The document is built by hand: glyph ids come from the fonts' cmaps
 * (no shaping), positions from their advances. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pdf/pdf_internal.h" /* HarfBuzz, to find glyphs the way the writer does */

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct fixture {
    text_engine *te;
    diag_list diags;
    text_font *serif, *kai; /* Noto Serif CJK SC (CFF), LXGW WenKai (TrueType) */
    arena *arena;
    layout_document doc;
    char dir[64];
    char path[128];
} fixture;

/* ---- running the readers ---- */

/* The command's stdout and stderr; *status is its exit status. Heap string. */
static char *run(const char *cmd, int *status)
{
    char full[1024];
    snprintf(full, sizeof full, "%s 2>&1", cmd);
    FILE *p = popen(full, "r");
    if (!p)
        return NULL;
    size_t len = 0, cap = 4096;
    char *out = malloc(cap);
    size_t k;
    while ((k = fread(out + len, 1, cap - len - 1, p)) > 0) {
        len += k;
        if (cap - len < 2)
            out = realloc(out, cap *= 2);
    }
    out[len] = '\0';
    int rc = pclose(p);
    *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    return out;
}

static char *run_on(fixture *fx, const char *fmt, int *status)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, fmt, fx->path);
    return run(cmd, status);
}

/* ---- building the document ---- */

/* One glyph per character at the font's own advance, plus gap_em between
 * glyphs; each glyph stands for its own character. */
static layout_item glyph_run(fixture *fx, text_font *font, double size, const char *text, double x,
                             double y, double gap_em)
{
    hb_font_t *hb = hb_font_create(text_font_get_face(font));
    size_t len = strlen(text), n = utf8_length(text, len);
    text_glyph *glyphs = arena_alloc(fx->arena, n * sizeof *glyphs);
    double pen = 0;
    size_t i = 0;
    for (size_t k = 0; k < n; k++) {
        size_t start = i;
        uint32_t cp = utf8_decode(text, len, &i);
        hb_codepoint_t gid = 0;
        assert_true(hb_font_get_nominal_glyph(hb, cp, &gid));
        double advance = text_font_advance_at(font, gid, size);
        glyphs[k] =
            (text_glyph){(float)pen, 0, (uint32_t)start, (uint16_t)gid, (uint16_t)(i - start)};
        pen += advance + gap_em * size;
    }
    hb_font_destroy(hb);
    layout_item it = {.kind = LAYOUT_ITEM_GLYPHS};
    it.u.glyphs = (layout_glyphs){.font = font,
                                  .size = size,
                                  .x = x,
                                  .y = y,
                                  .glyphs = glyphs,
                                  .nglyphs = n,
                                  .text = arena_strdup(fx->arena, text)};
    return it;
}

static const style_color BLACK = {false, {0, 0, 0, 0}};
static const style_color RED_CMYK = {true, {0, 1, 1, 0}};

static void build_document(fixture *fx)
{
    arena *a = fx->arena;
    layout_document *d = &fx->doc;
    d->arena = a;
    d->npages = 3;
    d->pages = arena_alloc(a, 3 * sizeof *d->pages);
    for (size_t p = 0; p < 3; p++)
        d->pages[p] = (layout_page){420, 595, arena_alloc(a, 8 * sizeof(layout_item)), 0, NULL};

    layout_page *p1 = &d->pages[0];
    p1->items[p1->nitems++] = glyph_run(fx, fx->serif, 14, "中文12345𠮷", 60, 100, 0);
    p1->items[p1->nitems++] = glyph_run(fx, fx->kai, 14, "楷体文字", 60, 140, 0);
    p1->items[p1->nitems].kind = LAYOUT_ITEM_RECT;
    p1->items[p1->nitems++].u.rect =
        (layout_rect){60, 200, 200, 20, true, true, RED_CMYK, BLACK, 1};
    p1->items[p1->nitems].kind = LAYOUT_ITEM_LINE;
    p1->items[p1->nitems++].u.line = (layout_line){60, 240, 360, 240, 0.5, BLACK, 0};
    p1->items[p1->nitems].kind = LAYOUT_ITEM_DOT;
    p1->items[p1->nitems++].u.dot = (layout_dot){70, 260, 3, BLACK};
    p1->items[p1->nitems].kind = LAYOUT_ITEM_LINK;
    p1->items[p1->nitems++].u.link = (layout_link){60, 86, 120, 18, 2, 80};

    /* Gaps inside "成9" marked with the run's actual text: a quarter em,
     * half an em; and half an em unmarked, which poppler reads as a space. */
    layout_page *p2 = &d->pages[1];
    const double gaps[] = {0.25, 0.5, 0.5};
    for (int k = 0; k < 3; k++) {
        layout_item span = glyph_run(fx, fx->serif, 12, "成9", 60, 100 + 30 * k, gaps[k]);
        if (k < 2) {
            span.u.glyphs.actual_text = span.u.glyphs.text;
            span.u.glyphs.actual_len = strlen(span.u.glyphs.text);
        }
        p2->items[p2->nitems++] = span;
    }
    /* One cluster of two glyphs (as a ligature or a decomposed mark would
     * be): the first stands for the whole cluster, the second for nothing. */
    layout_item cluster = glyph_run(fx, fx->kai, 12, "一二", 60, 200, 0);
    text_glyph *cg = (text_glyph *)cluster.u.glyphs.glyphs;
    cg[0].text_len = (uint32_t)strlen("一二");
    cg[1].text_start = 0;
    cg[1].text_len = 0;
    p2->items[p2->nitems++] = cluster;

    /* Text alone, large, to see that glyphs are really drawn. */
    layout_page *p3 = &d->pages[2];
    p3->items[p3->nitems++] = glyph_run(fx, fx->serif, 60, "第三页𠮷", 60, 200, 0);
    p3->items[p3->nitems++] = glyph_run(fx, fx->kai, 60, "楷书", 60, 300, 0);

    d->noutline = 3;
    d->outline = arena_alloc(a, 3 * sizeof *d->outline);
    d->outline[0] = (layout_outline_entry){"一、会议概况𠮷", 1, 0, 80};
    d->outline[1] = (layout_outline_entry){"（一）小节", 2, 1, 80};
    d->outline[2] = (layout_outline_entry){"二、结束", 1, 2, 150};

    d->nlabels = 2;
    d->labels = arena_alloc(a, 2 * sizeof *d->labels);
    d->labels[0] = (layout_page_label){0, LAYOUT_LABEL_ROMAN_LOWER, NULL, 1};
    d->labels[1] = (layout_page_label){2, LAYOUT_LABEL_DECIMAL, NULL, 1};

    d->info = (layout_info){.title = "政府工作报告𠮷",
                            .author = "国务院",
                            .subject = "二〇二四年",
                            .keywords = "报告, 测试",
                            .doc_id = "gwr-2024",
                            .version = "1.0",
                            .date = 1709568000, /* 2024-03-05 00:00 +08:00 */
                            .tz_minutes = 480};
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    fx->te = text_engine_new("fonts", &fx->diags);
    if (!fx->te)
        return -1;
    const char *serif[] = {"Noto Serif CJK SC"}, *kai[] = {"LXGW WenKai"};
    fx->serif = text_font_for_role(fx->te, "body", serif, 1, "t.yaml", 1, 1, &fx->diags);
    fx->kai = text_font_for_role(fx->te, "kai", kai, 1, "t.yaml", 2, 1, &fx->diags);
    if (!fx->serif || !fx->kai || fx->diags.count)
        return -1;
    fx->arena = arena_new();
    build_document(fx);
    strcpy(fx->dir, "/tmp/test_pdf_XXXXXX");
    if (!mkdtemp(fx->dir))
        return -1;
    snprintf(fx->path, sizeof fx->path, "%s/out.pdf", fx->dir);
    if (pdf_write(&fx->doc, NULL, fx->path, NULL, &fx->diags) != 0)
        return -1;
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
    if (!getenv("TEST_PDF_KEEP") && system(cmd) != 0) /* TEST_PDF_KEEP: to look at it */
        return -1;
    arena_free(fx->arena);
    text_engine_free(fx->te);
    diag_list_free(&fx->diags);
    free(fx);
    return 0;
}

/* ---- the checks ---- */

static void test_fonts_are_of_both_kinds(void **state)
{
    fixture *fx = *state;
    assert_true(text_font_get_info(fx->serif)->cff);
    assert_false(text_font_get_info(fx->kai)->cff);
    assert_int_equal(fx->diags.count, 0);
}

static void test_qpdf_check_is_clean(void **state)
{
    int status;
    char *out = run_on(*state, "qpdf --check '%s'", &status);
    assert_int_equal(status, 0);
    assert_non_null(strstr(out, "No syntax or stream encoding errors"));
    assert_null(strstr(out, "WARNING"));
    free(out);
}

/* Every font embedded, subset and with a ToUnicode map; one of each kind. */
static void test_pdffonts_embedded_subset_unicode(void **state)
{
    int status;
    char *out = run_on(*state, "pdffonts '%s'", &status);
    assert_int_equal(status, 0);
    char *line = strstr(out, "---\n");
    assert_non_null(line);
    int fonts = 0;
    for (line = strchr(line, '\n') + 1; *line; line = strchr(line, '\n') + 1) {
        char name[128], kind[64];
        assert_int_equal(sscanf(line, "%127s", name), 1);
        assert_non_null(strchr(name, '+'));
        assert_true(strchr(name, '+') - name == 6); /* ABCDEF+ */
        snprintf(kind, sizeof kind, "%.30s", line + 37);
        assert_non_null(strstr(line, "Identity-H"));
        assert_non_null(strstr(line, " yes yes yes "));
        assert_true(strstr(kind, "CID Type 0C") || strstr(kind, "CID TrueType"));
        fonts++;
    }
    assert_int_equal(fonts, 2);
    assert_non_null(strstr(out, "NotoSerifCJKsc-Regular"));
    assert_non_null(strstr(out, "CID Type 0C"));
    assert_non_null(strstr(out, "CID TrueType"));
    free(out);
}

static void expect_page_text(fixture *fx, int page, const char *expected)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "pdftotext -f %d -l %d '%s' -", page, page, fx->path);
    int status;
    char *out = run(cmd, &status);
    assert_int_equal(status, 0);
    assert_string_equal(out, expected);
    free(out);
}

static void test_pdftotext_returns_the_text(void **state)
{
    expect_page_text(*state, 1, "中文12345𠮷\n楷体文字\n\n\f");
    expect_page_text(*state, 3, "第三页𠮷\n楷书\n\n\f");
}

/* A wide gap reads as a space unless the run carries its text. */
static void test_actual_text_keeps_gapped_run_whole(void **state)
{
    expect_page_text(*state, 2, "成9\n成9\n成 9\n一二\n\n\f");
}

static void test_pdfinfo_metadata(void **state)
{
    int status;
    char *out = run_on(*state, "pdfinfo '%s'", &status);
    assert_int_equal(status, 0);
    assert_non_null(strstr(out, "Title:           政府工作报告𠮷\n"));
    assert_non_null(strstr(out, "Author:          国务院\n"));
    assert_non_null(strstr(out, "Creator:         briefc " BRIEFC_VERSION "\n"));
    assert_non_null(strstr(out, "Pages:           3\n"));
    assert_non_null(strstr(out, "PDF version:     1.5\n"));
    free(out);
    /* Custom keys and the date as written (pdfinfo shows dates in local time). */
    out = run_on(*state, "pdfinfo -isodates '%s'", &status);
    assert_non_null(strstr(out, "CreationDate:    2024-03-05T00:00:00+08\n"));
    free(out);
    out =
        run_on(*state, "qpdf --qdf --object-streams=disable '%s' - | grep -a -E 'Briefc|PageMode'",
               &status);
    assert_non_null(strstr(out, "/BriefcId <feff006700770072002d0032003000320034>"));
    assert_non_null(strstr(out, "/BriefcVersion <feff0031002e0030>"));
    assert_non_null(strstr(out, "/PageMode /UseOutlines"));
    free(out);
}

static void test_outline_and_labels(void **state)
{
    int status;
    char *out = run_on(*state, "mutool show '%s' outline", &status);
    assert_int_equal(status, 0);
    /* Titles whole (𠮷 included), nested, each at its page and height. */
    assert_non_null(strstr(out, "-\t\"一、会议概况𠮷\"\t#page=1&zoom=nan,nan,80\n"));
    assert_non_null(strstr(out, "|\t\t\"（一）小节\"\t#page=2&zoom=nan,nan,80\n"));
    assert_non_null(strstr(out, "|\t\"二、结束\"\t#page=3&zoom=nan,nan,150\n"));
    free(out);
    /* i, ii, 1: lower-case roman from the first page, decimal from the third. */
    out = run_on(*state, "mutool show '%s' trailer/Root/PageLabels", &status);
    assert_int_equal(status, 0);
    assert_non_null(strstr(out, "/Nums [ 0 <<\n        /S /r\n      >> 2 <<\n        /S /D\n"));
    free(out);
}

/* The link on page 1: its area in PDF coordinates, no border, and a view of
 * page 3 at the target's height (595 - 80). */
static void test_link_annotation(void **state)
{
    int status;
    char *out = run_on(*state, "mutool show '%s' trailer/Root/Pages/Kids/1/Annots/1", &status);
    assert_int_equal(status, 0);
    assert_non_null(strstr(out, "/Rect [ 60 491 180 509 ]"));
    assert_non_null(strstr(out, "/Subtype /Link"));
    assert_non_null(strstr(out, "/Border [ 0 0 0 ]"));
    free(out);
    out = run_on(*state, "mutool show '%s' trailer/Root/Pages/Kids/1/Annots/1/Dest", &status);
    char *page3 = run_on(*state, "mutool show '%s' trailer/Root/Pages/Kids/3 | head -1", &status);
    int obj = 0;
    assert_int_equal(sscanf(page3, "%d 0 obj", &obj), 1);
    char expect[64];
    snprintf(expect, sizeof expect, "[ %d 0 R /XYZ null 515 null ]", obj);
    assert_non_null(strstr(out, expect));
    free(page3);
    free(out);
}

static void test_mutool_draws_without_warnings(void **state)
{
    int status;
    char *out = run_on(*state,
                       "mutool draw -o /dev/null '%s' 2>&1 | grep -i -E 'warn|error' | "
                       "grep -v -x 'warning: ICC support is not available' || true",
                       &status);
    assert_string_equal(out, "");
    free(out);
}

/* Dark pixels on page 3, which holds only two lines of large text: a
 * blank page (glyphs selected by the wrong codes) has none. */
static void test_glyphs_are_visible(void **state)
{
    fixture *fx = *state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "pdftoppm -r 60 -gray -f 3 -l 3 -singlefile '%s' '%s/p3'", fx->path,
             fx->dir);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "%s/p3.pgm", fx->dir);
    size_t len;
    char *pgm = base_read_file(cmd, &len);
    assert_non_null(pgm);
    int w, h, max, off = 0;
    assert_int_equal(sscanf(pgm, "P5 %d %d %d%n", &w, &h, &max, &off), 3);
    off++; /* the single whitespace after maxval */
    assert_true((size_t)off + (size_t)w * h <= len);
    long dark_top = 0, dark_bottom = 0; /* rows of the serif line, of the kai line */
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            if ((uint8_t)pgm[off + y * w + x] < 128)
                *(y < h * 220 / 595 ? &dark_top : &dark_bottom) += 1;
    free(pgm);
    assert_true(dark_top > 300);
    assert_true(dark_bottom > 150);
}

static void test_same_document_same_bytes(void **state)
{
    fixture *fx = *state;
    char again[160], cmd[400];
    snprintf(again, sizeof again, "%s/again.pdf", fx->dir);
    size_t bytes = 0;
    assert_int_equal(pdf_write(&fx->doc, NULL, again, &bytes, &fx->diags), 0);
    snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", fx->path, again);
    assert_int_equal(system(cmd), 0);
    /* the count it gives is the file's size */
    struct stat st;
    assert_int_equal(stat(again, &st), 0);
    assert_int_equal(bytes, (size_t)st.st_size);
}

/* A document as layout makes it: pages of heap items, their glyphs in an
 * arena of their own (layout_page.own). */
static void heap_pages(fixture *fx, layout_document *d, size_t n)
{
    *d = (layout_document){.npages = n, .pages = xcalloc(n, sizeof *d->pages), .arena = fx->arena};
    for (size_t p = 0; p < n; p++) {
        layout_item *items = xmalloc(2 * sizeof *items);
        items[0] = glyph_run(fx, fx->serif, 12, "中文", 60, 100, 0);
        items[1] = glyph_run(fx, fx->kai, 12, "楷", 60, 130 + 10 * (double)p, 0);
        arena *own = arena_new();
        for (int i = 0; i < 2; i++) {
            layout_glyphs *g = &items[i].u.glyphs;
            text_glyph *copy = arena_alloc(own, g->nglyphs * sizeof *copy);
            memcpy(copy, g->glyphs, g->nglyphs * sizeof *copy);
            g->glyphs = copy;
        }
        d->pages[p] = (layout_page){420, 595, items, 2, own};
    }
}

static void free_heap_pages(layout_document *d)
{
    for (size_t p = 0; p < d->npages; p++)
        layout_page_release(&d->pages[p]);
    free(d->pages);
}

/* Given the document to release, the writer frees each page's frames once
 * drawn, and writes the same bytes as when it keeps them; with numbered
 * copies (their slots are filled after the drawing) it keeps them. */
static void test_release_frees_drawn_pages(void **state)
{
    fixture *fx = *state;
    char kept[160], released[160], cmd[400];
    snprintf(kept, sizeof kept, "%s/kept.pdf", fx->dir);
    snprintf(released, sizeof released, "%s/released.pdf", fx->dir);
    layout_document d;
    heap_pages(fx, &d, 3);
    assert_int_equal(pdf_write(&d, NULL, kept, NULL, &fx->diags), 0);
    for (size_t p = 0; p < d.npages; p++)
        assert_non_null(d.pages[p].items);
    pdf_options release = {.release = &d};
    assert_int_equal(pdf_write(&d, &release, released, NULL, &fx->diags), 0);
    for (size_t p = 0; p < d.npages; p++) {
        assert_null(d.pages[p].items);
        assert_null(d.pages[p].own);
        assert_int_equal(d.pages[p].nitems, 0);
        assert_true(d.pages[p].width == 420 && d.pages[p].height == 595);
    }
    snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", kept, released);
    assert_int_equal(system(cmd), 0);
    free_heap_pages(&d);

    heap_pages(fx, &d, 2);
    static const int copies[] = {1, 2};
    pdf_options numbered = {.release = &d, .copies = copies, .ncopies = 2};
    assert_int_equal(pdf_write(&d, &numbered, released, NULL, &fx->diags), 0);
    for (size_t p = 0; p < d.npages; p++)
        assert_non_null(d.pages[p].items);
    free_heap_pages(&d);
    assert_int_equal(fx->diags.errors, 0);
}

static size_t leftover_temp_files(fixture *fx)
{
    char cmd[200];
    snprintf(cmd, sizeof cmd, "ls '%s' | grep -c tmp-", fx->dir);
    int status;
    char *out = run(cmd, &status);
    size_t n = strtoul(out, NULL, 10);
    free(out);
    return n;
}

static void test_failed_writes_leave_old_file(void **state)
{
    fixture *fx = *state;
    diag_list diags = {0};
    char path[200];
    /* A missing folder, and a folder that is a file. */
    snprintf(path, sizeof path, "%s/missing/out.pdf", fx->dir);
    assert_int_equal(pdf_write(&fx->doc, NULL, path, NULL, &diags), -1);
    snprintf(path, sizeof path, "%s/out.pdf/x.pdf", fx->dir);
    assert_int_equal(pdf_write(&fx->doc, NULL, path, NULL, &diags), -1);
    assert_int_equal(diags.errors, 2);
    char expect[256];
    snprintf(expect, sizeof expect, "cannot write '%s/missing/out.pdf': No such file", fx->dir);
    assert_true(strncmp(diags.items[0].message, expect, strlen(expect)) == 0);

    /* A document that cannot be written over an existing file. */
    struct stat before, after;
    assert_int_equal(stat(fx->path, &before), 0);
    layout_document bad = fx->doc;
    bad.noutline = 1;
    bad.outline = &(layout_outline_entry){"坏", 1, 7, 0};
    assert_int_equal(pdf_write(&bad, NULL, fx->path, NULL, &diags), -1);
    assert_int_equal(diags.errors, 3);
    assert_int_equal(stat(fx->path, &after), 0);
    assert_int_equal(before.st_size, after.st_size);
    assert_int_equal(before.st_ino, after.st_ino);
    assert_int_equal(leftover_temp_files(fx), 0);

    /* A page 1 pt wide is refused before anything is written. */
    layout_page tiny = fx->doc.pages[0];
    tiny.width = 1;
    bad = fx->doc;
    bad.npages = 1;
    bad.pages = &tiny;
    bad.noutline = bad.nlabels = 0;
    assert_int_equal(pdf_write(&bad, NULL, fx->path, NULL, &diags), -1);
    assert_int_equal(diags.errors, 4);
    assert_non_null(strstr(diags.items[3].message, "3 to 14400 pt"));
    assert_int_equal(stat(fx->path, &after), 0);
    assert_int_equal(before.st_ino, after.st_ino);

    /* A folder we may not write to (root may write anywhere: skip then). */
    if (geteuid() != 0) {
        snprintf(path, sizeof path, "%s/ro", fx->dir);
        assert_int_equal(mkdir(path, 0555), 0);
        strcat(path, "/out.pdf");
        assert_int_equal(pdf_write(&fx->doc, NULL, path, NULL, &diags), -1);
        assert_int_equal(diags.errors, 5);
    }
    diag_list_free(&diags);
}

/* One page of two runs (LXGW WenKai, then Noto Serif), written to name.pdf
 * in the fixture's folder; a run marked bad gets a glyph id its font does
 * not have (65535: OpenType counts glyphs in 16 bits). Returns pdf_write's status. */
static int write_two_runs(fixture *fx, const char *name, bool bad_kai, bool bad_serif,
                          diag_list *diags, char *path, size_t size)
{
    layout_item *items = arena_alloc(fx->arena, 2 * sizeof *items);
    items[0] = glyph_run(fx, fx->kai, 12, "楷", 60, 100, 0);
    items[1] = glyph_run(fx, fx->serif, 12, "中", 60, 130, 0);
    if (bad_kai)
        ((text_glyph *)items[0].u.glyphs.glyphs)[0].gid = UINT16_MAX; /* no font has it */
    if (bad_serif)
        ((text_glyph *)items[1].u.glyphs.glyphs)[0].gid = UINT16_MAX; /* no font has it */
    layout_page *page = arena_alloc(fx->arena, sizeof *page);
    *page = (layout_page){420, 595, items, 2, NULL};
    layout_document d = {.npages = 1, .pages = page, .arena = fx->arena};
    snprintf(path, size, "%s/%s.pdf", fx->dir, name);
    return pdf_write(&d, NULL, path, NULL, diags);
}

/* A font that cannot be embedded: one error, naming the file and the font
 * (the first one that failed, in order of first use); nothing is written. */
static void test_font_error_names_the_font(void **state)
{
    fixture *fx = *state;
    const char *kai = text_font_get_info(fx->kai)->postscript_name;
    const char *serif = text_font_get_info(fx->serif)->postscript_name;
    const struct {
        bool bad_kai, bad_serif;
        const char *font;
    } cases[] = {{true, false, kai}, {false, true, serif}, {true, true, kai}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        diag_list diags = {0};
        char path[160], name[16], expect[400];
        snprintf(name, sizeof name, "font%zu", i);
        assert_int_equal(write_two_runs(fx, name, cases[i].bad_kai, cases[i].bad_serif, &diags,
                                        path, sizeof path),
                         -1);
        assert_int_equal(diags.count, 1);
        assert_int_equal(diags.errors, 1);
        assert_null(diags.items[0].file);
        assert_int_equal(diags.items[0].line, 0);
        snprintf(expect, sizeof expect,
                 "cannot write '%s': font '%s': a glyph is missing from the subset", path,
                 cases[i].font);
        assert_string_equal(diags.items[0].message, expect);
        assert_int_equal(access(path, F_OK), -1);
        diag_list_free(&diags);
    }
    assert_int_equal(leftover_temp_files(fx), 0);
}

/* What the writer refuses before libharu is asked: each one error, worded
 * as the file it could not write. */
static void test_documents_it_cannot_write(void **state)
{
    fixture *fx = *state;
    diag_list diags = {0};
    char path[160], expect[400];
    snprintf(path, sizeof path, "%s/refused.pdf", fx->dir);

    layout_document empty = {.arena = fx->arena};
    assert_int_equal(pdf_write(&empty, NULL, path, NULL, &diags), -1);
    snprintf(expect, sizeof expect, "cannot write '%s': the document has no pages", path);
    assert_string_equal(diags.items[0].message, expect);

    layout_item run = glyph_run(fx, fx->serif, 12, "中", 60, 100, 0);
    run.u.glyphs.font = NULL;
    layout_page page = {420, 595, &run, 1, NULL};
    layout_document d = {.npages = 1, .pages = &page, .arena = fx->arena};
    assert_int_equal(pdf_write(&d, NULL, path, NULL, &diags), -1);
    snprintf(expect, sizeof expect, "cannot write '%s': a run of glyphs on page 1 has no font",
             path);
    assert_string_equal(diags.items[1].message, expect);

    layout_item link = {.kind = LAYOUT_ITEM_LINK};
    link.u.link = (layout_link){60, 86, 120, 18, 4, 80};
    page.items = &link;
    assert_int_equal(pdf_write(&d, NULL, path, NULL, &diags), -1);
    snprintf(expect, sizeof expect, "cannot write '%s': a link leads to page 5 of 1", path);
    assert_string_equal(diags.items[2].message, expect);

    assert_int_equal(diags.count, 3);
    assert_int_equal(diags.errors, 3);
    assert_int_equal(access(path, F_OK), -1);
    diag_list_free(&diags);
}

/* A line set by the text engine itself (HarfBuzz shaping, CJK–Latin
 * spacing marked with /ActualText) comes back out of the PDF unchanged. */
static void test_line_set_by_text_engine(void **state)
{
    fixture *fx = *state;
    const char *text = "2024年政府工作报告（GDP增长5.2%）𠮷";
    text_style st = {.font = fx->serif, .size = 12, .align = STYLE_ALIGN_LEFT};
    text_line *line = text_set_line(fx->te, fx->arena, text, strlen(text), &st, NULL, &fx->diags);
    assert_non_null(line);
    assert_true(line->nruns > 0);
    layout_document d = {.npages = 1, .arena = fx->arena};
    layout_page page = {420, 595, arena_alloc(fx->arena, line->nruns * sizeof(layout_item)), 0,
                        NULL};
    d.pages = &page;
    for (size_t i = 0; i < line->nruns; i++) {
        const text_run *r = &line->runs[i];
        layout_item it = {.kind = LAYOUT_ITEM_GLYPHS};
        it.u.glyphs = (layout_glyphs){.font = r->font,
                                      .size = r->size,
                                      .x = 40,
                                      .y = 100,
                                      .glyphs = r->glyphs,
                                      .nglyphs = r->nglyphs,
                                      .text = text};
        if (r->actual_text) {
            it.u.glyphs.actual_text = text + r->text_start;
            it.u.glyphs.actual_len = r->text_end - r->text_start;
        }
        page.items[page.nitems++] = it;
    }
    char path[160], cmd[400];
    snprintf(path, sizeof path, "%s/line.pdf", fx->dir);
    assert_int_equal(pdf_write(&d, NULL, path, NULL, &fx->diags), 0);
    snprintf(cmd, sizeof cmd, "pdftotext '%s' -", path);
    int status;
    char *out = run(cmd, &status);
    char expect[200];
    snprintf(expect, sizeof expect, "%s\n\n\f", text);
    assert_string_equal(out, expect);
    free(out);
    snprintf(cmd, sizeof cmd, "qpdf --check '%s' >/dev/null", path);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fonts_are_of_both_kinds),
        cmocka_unit_test(test_qpdf_check_is_clean),
        cmocka_unit_test(test_pdffonts_embedded_subset_unicode),
        cmocka_unit_test(test_pdftotext_returns_the_text),
        cmocka_unit_test(test_actual_text_keeps_gapped_run_whole),
        cmocka_unit_test(test_pdfinfo_metadata),
        cmocka_unit_test(test_outline_and_labels),
        cmocka_unit_test(test_link_annotation),
        cmocka_unit_test(test_mutool_draws_without_warnings),
        cmocka_unit_test(test_glyphs_are_visible),
        cmocka_unit_test(test_same_document_same_bytes),
        cmocka_unit_test(test_release_frees_drawn_pages),
        cmocka_unit_test(test_failed_writes_leave_old_file),
        cmocka_unit_test(test_font_error_names_the_font),
        cmocka_unit_test(test_documents_it_cannot_write),
        cmocka_unit_test(test_line_set_by_text_engine),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
