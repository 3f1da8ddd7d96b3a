/* test_layout_table.c — tables laid out for real (A4 layout, Noto CJK): column
 * widths from content, the head repeated with 续表 on every continuation
 * page, rows kept whole or split only when taller than a page, tables too
 * wide for the page refused, bars drawn to their value. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout_internal.h"

typedef struct fixture {
    diag_list diags;
    report *r;
    style *s;
    text_engine *te;
    arena *a;
    layout_ctx c;
    page_list pages;
    flow f;
} fixture;

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    const char *dirs[] = {"layouts"};
    fx->r = report_load("data/luohu-2017.yaml", &fx->diags);
    fx->s = style_load("a4-report", dirs, 1, &fx->diags);
    fx->te = text_engine_new("fonts", &fx->diags);
    fx->a = arena_new();
    *state = fx;
    if (!fx->r || !fx->s || !fx->te ||
        !layout_ctx_open(&fx->c, fx->r, fx->s, fx->te, &fx->diags, fx->a))
        return -1;
    fx->f = (flow){.c = &fx->c, .pages = &fx->pages};
    fx->f.top = fx->s->margin_top;
    fx->f.bottom = fx->s->page_height - fx->s->margin_bottom;
    layout_flow_new_page(&fx->f);
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    layout_ctx_close(&fx->c);
    layout_page_list_free(&fx->pages);
    arena_free(fx->a);
    text_engine_free(fx->te);
    style_free(fx->s);
    report_free(fx->r);
    diag_list_free(&fx->diags);
    free(fx);
    return 0;
}

/* The text of a glyph run. */
static void run_text(const layout_glyphs *g, char *buf, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < g->nglyphs && n + g->glyphs[i].text_len + 1 < size; i++) {
        memcpy(buf + n, g->text + g->glyphs[i].text_start, g->glyphs[i].text_len);
        n += g->glyphs[i].text_len;
    }
    buf[n] = '\0';
}

/* How often text occurs in page p's runs read in order (a run may hold
 * part of a line: junction runs split lines). Spaces have no glyphs, so
 * they are left out of the comparison. */
static size_t runs_reading(const page_build *p, const char *text)
{
    size_t len = 0, cap = 4096, n = 0;
    char *all = malloc(cap), buf[512];
    all[0] = '\0';
    for (size_t i = 0; i < p->items.count; i++) {
        const layout_item *it = &p->items.items[i];
        if (it->kind != LAYOUT_ITEM_GLYPHS)
            continue;
        run_text(&it->u.glyphs, buf, sizeof buf);
        size_t k = strlen(buf);
        if (len + k + 2 > cap)
            all = realloc(all, cap = 2 * (len + k + 2));
        memcpy(all + len, buf, k + 1);
        len += k;
    }
    char *needle = malloc(strlen(text) + 1), *w = needle;
    for (const char *r = text; *r; r++)
        if (*r != ' ')
            *w++ = *r;
    *w = '\0';
    for (const char *at = all; (at = strstr(at, needle)); at += strlen(needle))
        n++;
    free(needle);
    free(all);
    return n;
}

/* Every glyph run's baseline lies inside the type area. */
static void assert_on_page(const fixture *fx)
{
    for (size_t pg = 0; pg < fx->pages.count; pg++) {
        const page_build *p = &fx->pages.items[pg];
        for (size_t i = 0; i < p->items.count; i++) {
            const layout_item *it = &p->items.items[i];
            if (it->kind == LAYOUT_ITEM_GLYPHS) {
                assert_true(it->u.glyphs.y <= fx->f.bottom + 0.01);
                assert_true(it->u.glyphs.y >= fx->f.top);
            }
        }
    }
}

static grid_cell text(const char *s)
{
    return (grid_cell){.kind = CELL_TEXT, .text = s};
}

static grid_cell number(const char *s)
{
    return (grid_cell){.kind = CELL_NUMBER, .text = s};
}

static char *long_text(size_t chars)
{
    static const char *const words[] = {"罗湖", "推进", "棚改", "工作", "全面", "建设"};
    char *s = malloc(chars * 3 + 1), *p = s;
    for (size_t i = 0; i < chars / 2; i++) {
        memcpy(p, words[i % 6], 6);
        p += 6;
    }
    *p = '\0';
    return s;
}

/* A column of long Chinese text beside a column of figures: the figures keep
 * their natural width on one line, the text wraps within the rest. */
static void test_widths_text_beside_figures(void **state)
{
    fixture *fx = *state;
    char *prose = long_text(120);
    grid_cell head[2] = {text("说明"), text("数值")};
    grid_cell cells[4] = {text(prose), number("93017.25"), text("短"), number("957.1")};
    grid g = {.ncols = 2, .nrows = 2, .head = head, .cells = cells, .caption = "表1 测试"};
    g.continued = "续表1 测试";
    layout_flow_grid(&fx->f, &g);
    assert_int_equal(fx->diags.errors, 0);
    const page_build *p = &fx->pages.items[0];
    /* find the figure runs and the prose lines */
    double figure_x = 0, figure_right = 0, text_right = 0;
    size_t prose_lines = 0;
    char buf[512];
    for (size_t i = 0; i < p->items.count; i++) {
        const layout_item *it = &p->items.items[i];
        if (it->kind != LAYOUT_ITEM_GLYPHS)
            continue;
        const layout_glyphs *gl = &it->u.glyphs;
        const text_glyph *last = &gl->glyphs[gl->nglyphs - 1];
        run_text(gl, buf, sizeof buf);
        if (!strcmp(buf, "93017.25")) {
            figure_x = gl->x;
            figure_right = gl->x + last->x + text_font_advance_at(gl->font, last->gid, gl->size);
        } else if (strstr(buf, "罗湖") || strstr(buf, "推进")) {
            prose_lines++;
            text_right = fmax(text_right, gl->x + last->x +
                                              text_font_advance_at(gl->font, last->gid, gl->size));
        }
    }
    assert_true(figure_x > 0);
    assert_true(prose_lines >= 2);      /* the prose wrapped */
    assert_true(text_right < figure_x); /* and stayed out of the figures' column */
    double type_right = fx->s->margin_inner + layout_type_width(fx->s);
    assert_true(figure_right <= type_right - fx->s->table.pad_x + 0.01);
    free(prose);
}

/* Figures of one column line up on their decimal point. */
static void test_decimal_alignment(void **state)
{
    fixture *fx = *state;
    grid_cell head[1] = {text("数值")};
    grid_cell cells[3] = {number("957.1"), number("73.31"), number("93017")};
    grid g = {.ncols = 1, .nrows = 3, .head = head, .cells = cells};
    layout_flow_grid(&fx->f, &g);
    double point[3] = {0};
    const page_build *p = &fx->pages.items[0];
    char buf[64];
    for (size_t i = 0; i < p->items.count; i++) {
        const layout_item *it = &p->items.items[i];
        if (it->kind != LAYOUT_ITEM_GLYPHS)
            continue;
        const layout_glyphs *gl = &it->u.glyphs;
        run_text(gl, buf, sizeof buf);
        for (int k = 0; k < 3; k++) {
            if (strcmp(buf, cells[k].text))
                continue;
            const char *dot = strchr(buf, '.');
            size_t at = dot ? (size_t)(dot - buf) : strlen(buf);
            const text_glyph *last = &gl->glyphs[gl->nglyphs - 1];
            point[k] = gl->x + last->x +
                       text_font_advance_at(gl->font, last->gid,
                                            gl->size); /* no point: the end of the digits */
            for (size_t j = 0; j < gl->nglyphs; j++)
                if (gl->glyphs[j].text_start == at && gl->glyphs[j].text_len)
                    point[k] = gl->x + gl->glyphs[j].x;
        }
    }
    assert_true(point[0] > 0);
    assert_float_equal(point[0], point[1], 0.01);
    assert_float_equal(point[0], point[2], 0.01);
}

/* 500 rows: every page after the first has 续表 and the head row again. */
static void test_head_repeated_on_every_page(void **state)
{
    fixture *fx = *state;
    enum { ROWS = 500 };
    grid_cell head[2] = {text("项目"), text("数值")};
    grid_cell *cells = calloc(2 * ROWS, sizeof *cells);
    for (size_t r = 0; r < ROWS; r++) {
        cells[2 * r] = text("地区生产总值");
        cells[2 * r + 1] = number("957.1");
    }
    grid g = {.ncols = 2, .nrows = ROWS, .head = head, .cells = cells, .caption = "表1 主要指标"};
    g.continued = "续表1 主要指标";
    layout_flow_grid(&fx->f, &g);
    assert_true(fx->pages.count > 5);
    size_t rows_seen = 0;
    for (size_t pg = 0; pg < fx->pages.count; pg++) {
        const page_build *p = &fx->pages.items[pg];
        assert_int_equal(runs_reading(p, "项目"), 1);
        assert_int_equal(runs_reading(p, "续表1 主要指标"), pg == 0 ? 0 : 1);
        assert_int_equal(runs_reading(p, "表1 主要指标"), 1);
        rows_seen += runs_reading(p, "地区生产总值");
    }
    assert_int_equal(rows_seen, ROWS);
    assert_on_page(fx);
    free(cells);
}

/* A row is never split while it fits a page: the second row here is kept
 * whole on the next page; a row taller than a page is split line by line. */
static void test_rows_split_only_when_taller_than_a_page(void **state)
{
    fixture *fx = *state;
    char *huge = long_text(3000);
    grid_cell head[2] = {text("任务"), text("说明")};
    grid_cell cells[4] = {text("甲"), text(huge), text("乙"), text("短说明")};
    grid g = {.ncols = 2, .nrows = 2, .head = head, .cells = cells};
    g.continued = "续表";
    layout_flow_grid(&fx->f, &g);
    assert_int_equal(fx->diags.errors, 0);
    assert_true(fx->pages.count >= 2); /* the 3,000-character cell takes pages */
    assert_on_page(fx);
    /* the first row's label once, the second row whole on the last page */
    size_t first = 0;
    for (size_t pg = 0; pg < fx->pages.count; pg++)
        first += runs_reading(&fx->pages.items[pg], "甲");
    assert_int_equal(first, 1);
    const page_build *last = &fx->pages.items[fx->pages.count - 1];
    assert_int_equal(runs_reading(last, "乙"), 1);
    assert_int_equal(runs_reading(last, "短说明"), 1);
    free(huge);
}

/* Fifty columns cannot fit an A4 page: a clear error, nothing drawn. */
static void test_too_many_columns_is_an_error(void **state)
{
    fixture *fx = *state;
    enum { COLS = 50 };
    grid_cell head[COLS], cells[COLS];
    for (int k = 0; k < COLS; k++) {
        head[k] = text("指标名称");
        cells[k] = number("957.1");
    }
    grid g = {.ncols = COLS, .nrows = 1, .head = head, .cells = cells, .file = "t.yaml"};
    g.line = 3;
    g.col = 7;
    size_t items = fx->pages.items[0].items.count;
    layout_flow_grid(&fx->f, &g);
    assert_int_equal(fx->diags.errors, 1);
    assert_string_equal(fx->diags.items[0].file, "t.yaml");
    assert_int_equal(fx->diags.items[0].line, 3);
    assert_non_null(strstr(fx->diags.items[0].message, "does not fit"));
    assert_int_equal(fx->pages.items[0].items.count, items);
}

/* A bar's fill is its value of the track, capped at the whole track; the
 * label keeps the true value. */
static void test_bar_fill_and_label(void **state)
{
    fixture *fx = *state;
    page_build *p = &fx->pages.items[0];
    grid_bar over = {1.158, 0.663, STYLE_BAR_DONE, "115.8%"};
    layout_bar_draw(&fx->c, p, &over, 100, 80, 200, STYLE_TABLE);
    grid_bar part = {0.25, 0.2, STYLE_BAR_ON_TRACK, "25.0%"};
    layout_bar_draw(&fx->c, p, &part, 100, 80, 250, STYLE_TABLE);
    /* track and fill of each bar, in order: 115.8% fills the whole track */
    double widths[4];
    size_t rects = 0, marks = 0;
    for (size_t i = 0; i < p->items.count; i++) {
        const layout_item *it = &p->items.items[i];
        if (it->kind == LAYOUT_ITEM_RECT && rects < 4)
            widths[rects++] = it->u.rect.w;
        marks += it->kind == LAYOUT_ITEM_LINE;
    }
    assert_int_equal(rects, 4);
    assert_float_equal(widths[0], 80, 1e-9);
    assert_float_equal(widths[1], 80, 1e-9);
    assert_float_equal(widths[2], 80, 1e-9);
    assert_float_equal(widths[3], 20, 1e-9); /* 25% of 80 */
    assert_int_equal(marks, 2);              /* a time mark each */
    assert_int_equal(runs_reading(p, "115.8%"), 1);
    assert_int_equal(runs_reading(p, "25.0%"), 1);
}

/* A lagging bar carries white stripes inside its fill, so that it reads as
 * lagging in black-and-white print; an on-track bar has none. */
static void test_behind_bar_is_hatched(void **state)
{
    fixture *fx = *state;
    page_build *p = &fx->pages.items[0];
    grid_bar behind = {0.5, 0.7, STYLE_BAR_BEHIND, "50.0%"};
    layout_bar_draw(&fx->c, p, &behind, 100, 80, 200, STYLE_TABLE);
    size_t stripes = 0;
    for (size_t i = 0; i < p->items.count; i++) {
        const layout_item *it = &p->items.items[i];
        if (it->kind != LAYOUT_ITEM_LINE || it->u.line.color.v[0] != 1 ||
            it->u.line.color.v[1] != 1)
            continue;
        stripes++;
        /* within the fill: x from 100 to 140 */
        assert_true(it->u.line.x1 >= 100 - 1e-9 && it->u.line.x2 <= 140 + 1e-9);
    }
    assert_true(stripes >= 3);

    size_t before = p->items.count;
    grid_bar on_track = {0.5, 0.4, STYLE_BAR_ON_TRACK, "50.0%"};
    layout_bar_draw(&fx->c, p, &on_track, 100, 80, 250, STYLE_TABLE);
    for (size_t i = before; i < p->items.count; i++)
        assert_false(p->items.items[i].kind == LAYOUT_ITEM_LINE &&
                     p->items.items[i].u.line.color.v[0] == 1);
}

/* A task past its due date has its time mark at the very end of the track:
 * a clear gap (0.35 em at least) stays between the mark and the label. */
static void test_mark_at_the_end_keeps_clear_of_the_label(void **state)
{
    fixture *fx = *state;
    page_build *p = &fx->pages.items[0];
    grid_bar past_due = {0.6, 1, STYLE_BAR_BEHIND, "60.0%"};
    layout_bar_draw(&fx->c, p, &past_due, 100, 80, 200, STYLE_TABLE);
    double mark_right = -1, label_left = -1;
    for (size_t i = 0; i < p->items.count; i++) {
        const layout_item *it = &p->items.items[i];
        if (it->kind == LAYOUT_ITEM_LINE && it->u.line.x1 == it->u.line.x2)
            mark_right = it->u.line.x1 + it->u.line.width / 2; /* the vertical mark */
        if (it->kind == LAYOUT_ITEM_GLYPHS)
            label_left = it->u.glyphs.x + it->u.glyphs.glyphs[0].x;
    }
    assert_float_equal(mark_right, 180 + fx->s->bars.mark_width / 2, 1e-9);
    double size = fx->s->text[STYLE_TABLE].size;
    assert_true(label_left - mark_right >= 0.35 * size);
    /* and the width a column gives the label counts that gap */
    double lmin, lnat;
    text_style label = fx->c.number;
    label.size = size;
    text_measure(fx->te, "60.0%", 5, &label, &lmin, &lnat);
    assert_float_equal(layout_bar_label_width(&fx->c, &past_due, STYLE_TABLE),
                       label_left - 180 + lnat, 1e-6);
}

/* ---- column widths (columns.c), on made-up measurements ---- */

/* A text column: natural width, least width, and its short cells. */
static grid_column text_column(double nat, double min, double *shorts, size_t nshorts, double head)
{
    grid_column col = {.nat = nat, .min = min, .shorts = shorts, .nshorts = nshorts};
    col.head_one = col.head = col.head_two = head;
    col.long_text = nshorts == 0 || nat > shorts[nshorts - 1];
    return col;
}

static grid_column bar_column(double label, double head)
{
    grid_column col = {.bars = true, .label_max = label};
    col.head_one = col.head = col.head_two = head;
    return col;
}

/* The summary of a work area on an A5 page: seven columns in 320 pt. The
 * short names (81 pt) stay whole: the bar shortens to half, and one head of
 * four characters goes on two lines, whole, before any name wraps. */
static void test_columns_short_names_before_bars_and_heads(void **state)
{
    (void)state;
    double names[] = {81, 81}; /* two short names; the long ones are not listed */
    grid_column cols[7];
    cols[0] = text_column(126, 18, names, 2, 36);
    cols[0].long_text = true;
    cols[1] = bar_column(26.6, 54);
    cols[1].head = cols[1].head_two = 27; /* 平均完成进度 on two lines */
    cols[2] =
        (grid_column){.int_max = 18, .frac_max = 6, .head_one = 36, .head = 36, .head_two = 18};
    double counts[][2] = {{27, 27}, {36, 18}, {18, 18}, {27, 27}}; /* 已完成 正常推进 滞后 未报告 */
    for (int k = 0; k < 4; k++)
        cols[3 + k] = (grid_column){
            .int_max = 5, .head_one = counts[k][0], .head = counts[k][0], .head_two = counts[k][1]};
    grid_columns gc = {cols, 7, 320.3, 3, 68, 54};
    layout_columns_tiers(&gc);
    layout_columns_by_content(&gc);
    double sum = 0;
    for (int k = 0; k < 7; k++)
        sum += cols[k].width;
    assert_float_equal(sum, 320.3, 1e-6);
    assert_true(cols[0].width >= 81 + 6 - 1e-6);        /* the short names whole */
    assert_true(cols[1].width >= 34 + 26.6 + 6 - 1e-6); /* the bar at half its length at least */
    /* 正常推进 gave its head's second line, whole: 18 pt of text */
    assert_float_equal(cols[4].width, 18 + 6, 1e-6);
    /* the other heads stayed on one line */
    assert_true(cols[2].width >= 36 + 6 - 1e-6);
    assert_true(cols[3].width >= 27 + 6 - 1e-6 && cols[6].width >= 27 + 6 - 1e-6);
}

/* When short cells cannot all stay whole, the widest wraps (as long text,
 * in lines of 54 pt at least) and the others stay whole; bars keep what
 * that gives back. */
static void test_columns_widest_short_wraps_first(void **state)
{
    (void)state;
    double names[] = {50, 90}, units[] = {50};
    grid_column cols[4];
    cols[0] = text_column(90, 18, names, 2, 18);
    cols[1] = text_column(50, 25, units, 1, 18);
    cols[2] = bar_column(27, 36);
    cols[3] = (grid_column){.int_max = 70, .head_one = 18, .head = 18, .head_two = 18};
    grid_columns gc = {cols, 4, 240, 3, 68, 54};
    layout_columns_tiers(&gc);
    layout_columns_by_content(&gc);
    /* 90 + 50 + (17 + 27) + 70 + 4 × 6 = 278 > 240: the 90 pt name wraps */
    assert_true(cols[0].width < 90 + 6);
    assert_true(cols[0].width >= 50 + 6 - 1e-6); /* the 50 pt name stays whole */
    assert_true(cols[1].width >= 50 + 6 - 1e-6); /* the unit too */
    assert_true(cols[2].width >= 68 / 4.0 + 27 + 6 - 1e-6);
    double sum = cols[0].width + cols[1].width + cols[2].width + cols[3].width;
    assert_float_equal(sum, 240, 1e-6);
}

/* Long text beside short cells wraps in lines of a few words (54 pt), not
 * in a column of two characters; narrower only when short bars and the
 * wrapping of the widest short cells are not enough. */
static void test_columns_long_text_keeps_a_measure(void **state)
{
    (void)state;
    double names[] = {81}, units[] = {48};
    grid_column cols[4];
    cols[0] = text_column(81, 18, names, 1, 18);
    cols[1] = text_column(48, 24, units, 1, 18);
    cols[2] = bar_column(27, 18);
    cols[3] = text_column(400, 18, NULL, 0, 18);
    grid_columns gc = {cols, 4, 260, 3, 68, 54};
    layout_columns_tiers(&gc);
    layout_columns_by_content(&gc);
    /* 87 + 54 + (34 + 27 + 6) + 60 = 268 > 260: bars shorten, text keeps 54 */
    assert_true(cols[3].width >= 54 + 6 - 1e-6);
    assert_true(cols[0].width >= 81 + 6 - 1e-6 && cols[1].width >= 48 + 6 - 1e-6);
    assert_true(cols[2].width < 34 + 27 + 6);
}

/* A task whose name and note do not fit on one line has its name alone on
 * the first line and its note under it. */
static void test_task_note_under_its_name(void **state)
{
    fixture *fx = *state;
    const char *cell = "城市更新新开工项目（1-7月开工7个）";
    grid_cell head[2] = {text("任务"), text("数值")};
    /* a wide figure leaves the task less than its name and note on one line */
    grid_cell cells[2] = {text(cell), number("123456789012345678901234567890123456789012345")};
    cells[0].keep_len = strlen("城市更新新开工项目");
    grid g = {.ncols = 2, .nrows = 1, .head = head, .cells = cells};
    layout_flow_grid(&fx->f, &g);
    const page_build *p = &fx->pages.items[0];
    char buf[256];
    double name_y = 0, note_y = 0;
    for (size_t i = 0; i < p->items.count; i++) {
        const layout_item *it = &p->items.items[i];
        if (it->kind != LAYOUT_ITEM_GLYPHS)
            continue;
        run_text(&it->u.glyphs, buf, sizeof buf);
        if (!strcmp(buf, "城市更新新开工项目"))
            name_y = it->u.glyphs.y;
        if (!strncmp(buf, "（", strlen("（")) && !note_y)
            note_y = it->u.glyphs.y;
    }
    assert_true(name_y > 0);      /* the name is one line of its own */
    assert_true(note_y > name_y); /* the note starts under it */
}

/* The width a figure needs in the number font. */
static double figure_width(fixture *fx, const char *s)
{
    double min, nat;
    text_measure(fx->te, s, strlen(s), &fx->c.number, &min, &nat);
    return nat;
}

/* The first run whose text holds text, or NULL. */
static const layout_glyphs *run_holding(const page_build *p, const char *text)
{
    char buf[512];
    for (size_t i = 0; i < p->items.count; i++) {
        const layout_item *it = &p->items.items[i];
        if (it->kind != LAYOUT_ITEM_GLYPHS)
            continue;
        run_text(&it->u.glyphs, buf, sizeof buf);
        if (strstr(buf, text))
            return &it->u.glyphs;
    }
    return NULL;
}

static double baseline_of(const page_build *p, const char *text)
{
    const layout_glyphs *run = run_holding(p, text);
    return run ? run->y : 0;
}

/* Lays out long text, an estimated figure and a wide figure that leaves the
 * estimate `spare` pt more than its figure needs without its tail; returns
 * the baselines of the figure and of its tail, apart or together. */
static void estimate_beside_wide_figure(fixture *fx, double spare, double *figure_y, double *tail_y)
{
    const char *estimate = "2.3万户（估）", *kept = "2.3万户";
    double pad = 2 * fx->s->table.pad_x, type = layout_type_width(fx->s);
    double long_measure = 6 * fx->s->text[STYLE_TABLE].size;
    double room = type - (long_measure + pad) - (figure_width(fx, kept) + pad) - pad - spare;
    size_t digits = (size_t)(room / figure_width(fx, "0"));
    char *wide = malloc(digits + 1);
    memset(wide, '8', digits);
    wide[digits] = '\0';
    char *prose = long_text(60);
    grid_cell head[3] = {text("任务"), text("完成"), text("数值")};
    grid_cell cells[3] = {text(prose), number(estimate), number(wide)};
    cells[1].keep_len = strlen(kept);
    grid g = {.ncols = 3, .nrows = 1, .head = head, .cells = cells};
    layout_flow_grid(&fx->f, &g);
    assert_int_equal(fx->diags.errors, 0);
    const page_build *p = &fx->pages.items[0];
    *figure_y = baseline_of(p, "2."); /* the runs part at the junctions of Latin and CJK */
    *tail_y = baseline_of(p, "估");
    free(prose);
    free(wide);
}

/* In a column too narrow for an estimate with its （估）, the mark goes
 * under the figure (before long text narrows below its measure); with the
 * room for it, it stays on the figure's line. */
static void test_estimate_mark_goes_under_in_a_narrow_column(void **state)
{
    fixture *fx = *state;
    double figure_y, tail_y;
    estimate_beside_wide_figure(fx, 0, &figure_y, &tail_y);
    assert_true(figure_y > 0);
    assert_true(tail_y > figure_y + 1); /* a line below */
}

static void test_estimate_mark_stays_beside_with_room(void **state)
{
    fixture *fx = *state;
    double figure_y, tail_y;
    estimate_beside_wide_figure(fx, figure_width(fx, "（估）") + 10, &figure_y, &tail_y);
    assert_true(figure_y > 0);
    assert_float_equal(tail_y, figure_y, 1e-9);
}

/* A figure of digits that, twice in a row beside a column of names, leaves
 * the names 20 pt less than their measure but fits twice under them. */
static char *figure_too_wide_for_names(fixture *fx)
{
    double pad = 2 * fx->s->table.pad_x, type = layout_type_width(fx->s);
    double long_measure = 6 * fx->s->text[STYLE_TABLE].size;
    double room = type - (long_measure + pad) - 2 * pad + 20;
    size_t digits = (size_t)(room / figure_width(fx, "0") / 2);
    char *wide = malloc(digits + 1);
    memset(wide, '7', digits);
    wide[digits] = '\0';
    return wide;
}

static void lay_name_over_figures(fixture *fx, const char *name, const char *figure)
{
    grid_cell head[3] = {text("任务"), text("目标"), text("完成")};
    grid_cell cells[3] = {text(name), number(figure), number(figure)};
    grid g = {.ncols = 3, .nrows = 1, .head = head, .cells = cells, .continued = "续表"};
    layout_flow_grid(&fx->f, &g);
    assert_int_equal(fx->diags.errors, 0);
}

/* A table too wide for its names to keep their measure even with the
 * figures' tails under them: the names take lines of their own, across the
 * table, and the other cells go under them, indented, sharing the width. */
static void test_names_over_their_row_when_too_narrow(void **state)
{
    fixture *fx = *state;
    char *wide = figure_too_wide_for_names(fx);
    const char *name = "城市更新新开工项目城市更新新开工项目";
    lay_name_over_figures(fx, name, wide);
    const page_build *p = &fx->pages.items[0];
    const layout_glyphs *name_run = run_holding(p, name), *figure = run_holding(p, wide);
    assert_non_null(name_run); /* the name whole on one line */
    assert_non_null(figure);
    double left = fx->s->margin_inner;
    assert_float_equal(name_run->x, left + fx->s->table.pad_x, 0.01);
    assert_true(figure->y > name_run->y + 1);                       /* the figures under it */
    assert_true(figure->x >= left + fx->s->text[STYLE_TABLE].size); /* indented */
    free(wide);
}

/* A name longer than a page: its lines go on from page to page, and the
 * row's figures come once, under its last line. */
static void test_name_over_its_row_splits_across_pages(void **state)
{
    fixture *fx = *state;
    char *wide = figure_too_wide_for_names(fx), *huge = long_text(6000);
    lay_name_over_figures(fx, huge, wide);
    assert_true(fx->pages.count >= 2);
    assert_on_page(fx);
    size_t figures = 0;
    for (size_t pg = 0; pg < fx->pages.count; pg++)
        figures += runs_reading(&fx->pages.items[pg], wide);
    assert_int_equal(figures, 2);
    const page_build *last = &fx->pages.items[fx->pages.count - 1];
    assert_int_equal(runs_reading(last, wide), 2);
    const layout_glyphs *figure = run_holding(last, wide), *name_line = run_holding(last, "罗湖");
    assert_non_null(name_line);
    assert_true(figure->y > name_line->y); /* under the name's last line */
    free(huge);
    free(wide);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_widths_text_beside_figures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_decimal_alignment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_head_repeated_on_every_page, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rows_split_only_when_taller_than_a_page, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_too_many_columns_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bar_fill_and_label, setup, teardown),
        cmocka_unit_test_setup_teardown(test_behind_bar_is_hatched, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mark_at_the_end_keeps_clear_of_the_label, setup,
                                        teardown),
        cmocka_unit_test(test_columns_short_names_before_bars_and_heads),
        cmocka_unit_test(test_columns_widest_short_wraps_first),
        cmocka_unit_test(test_columns_long_text_keeps_a_measure),
        cmocka_unit_test_setup_teardown(test_task_note_under_its_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_estimate_mark_goes_under_in_a_narrow_column, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_estimate_mark_stays_beside_with_room, setup, teardown),
        cmocka_unit_test_setup_teardown(test_names_over_their_row_when_too_narrow, setup, teardown),
        cmocka_unit_test_setup_teardown(test_name_over_its_row_splits_across_pages, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("tables", tests, NULL, NULL);
}
