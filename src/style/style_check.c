/* style_check.c — values each file may say but that cannot be typeset
 * together: margins that leave no type area, a running header or page number
 * off the paper, a size whose line cannot fit the type area, a leading that
 * prints lines over each other, an indent wider than the measure, spacing
 * taller than a page, bars that cannot fit their line. Checked once the chain
 * is merged and resolved; each message is at the value (the one in the file
 * nearest the named layout, when several values meet) and gives the range
 * this page accepts. */
#include "style_internal.h"

/* Slack for comparing lengths computed in different units. */
#define EPS 1e-6

static double mm(double pt)
{
    return pt / STYLE_PT_PER_MM;
}

typedef struct checker {
    const style_spec *spec;
    const style *s;
    diag_list *diags;
    double measure, depth; /* the type area, pt */
    style_where across;    /* where the page size and margins that make the measure are */
    style_where down;      /* … and those that make the depth */
    arena *a;              /* for the numbers in messages */
} checker;

static style_where latest3(style_where a, style_where b, style_where c)
{
    return style_where_latest(style_where_latest(a, b), c);
}

/* A number for a message, and the same in millimetres. */
#define N(v) style_number(k->a, (v))
#define MM(v) style_number(k->a, mm(v))

/* ---- page ---- */

/* Margins that leave a type area; false (reported) when they do not. */
static bool check_margins(checker *k)
{
    const style *s = k->s;
    bool ok = true;
    if (k->measure <= 0) {
        style_diag_at(k->diags, DIAG_ERROR, k->across,
                      "the inner and outer margins (%s mm + %s mm) leave no room on a page "
                      "%s mm wide: together they must be less than %s mm",
                      MM(s->margin_inner), MM(s->margin_outer), MM(s->page_width),
                      MM(s->page_width));
        ok = false;
    }
    if (k->depth <= 0) {
        style_diag_at(k->diags, DIAG_ERROR, k->down,
                      "the top and bottom margins (%s mm + %s mm) leave no room on a page "
                      "%s mm high: together they must be less than %s mm",
                      MM(s->margin_top), MM(s->margin_bottom), MM(s->page_height),
                      MM(s->page_height));
        ok = false;
    }
    return ok;
}

/* The running header (above the type area) or the page number (below it):
 * its line of `size` must lie between its baseline and the edge of the
 * paper, so the offset may be at most the margin less that size. */
static void check_furniture(checker *k, bool head)
{
    const style_spec *sp = k->spec;
    const style *s = k->s;
    style_text_id id = head ? STYLE_HEADER : STYLE_FOOTER;
    const style_num_field *offset = head ? &sp->header_offset : &sp->footer_offset;
    const style_num_field *margin = &sp->margin[head ? STYLE_MARGIN_TOP : STYLE_MARGIN_BOTTOM];
    double m = head ? s->margin_top : s->margin_bottom;
    double off = head ? s->header_offset : s->footer_offset;
    double size = s->text[id].size, most = m - size;
    if (off <= most + EPS)
        return;
    const char *what = head ? "running header" : "page number";
    const char *side = head ? "top" : "bottom";
    style_where at = latest3(offset->at, margin->at, sp->text[id].size.at);
    const char *key = head ? "header_offset" : "footer_offset";
    if (most < 0)
        style_diag_at(k->diags, DIAG_ERROR, at,
                      "the %s margin (%s mm) has no room for the %s in %s pt (style %s): it "
                      "must be at least %s mm with %s %s mm, or %s mm with %s 0",
                      side, MM(m), what, N(size), style_text_names[id], MM(size + off), key,
                      MM(off), MM(size), key);
    else
        style_diag_at(k->diags, DIAG_ERROR, at,
                      "%s %s mm puts the %s off the page (a %s margin of %s mm, a size of %s "
                      "pt): it may be 0 to %s mm here",
                      key, MM(off), what, side, MM(m), N(size), MM(most));
}

/* ---- text styles ---- */

/* The size fits a line and a page; false (reported) when it does not. */
static bool check_size(checker *k, style_text_id id)
{
    const style_text *t = &k->s->text[id];
    const style_text_spec *ts = &k->spec->text[id];
    double most = k->measure < k->depth ? k->measure : k->depth;
    if (t->size > most + EPS) {
        style_where at =
            style_where_latest(ts->size.at, k->measure < k->depth ? k->across : k->down);
        style_diag_at(k->diags, DIAG_ERROR, at,
                      "a size of %s pt does not fit the type area (%s × %s mm): sizes may be %s "
                      "to %s pt here (style %s)",
                      N(t->size), MM(k->measure), MM(k->depth), N(STYLE_SIZE_MIN_PT), N(most),
                      style_text_names[id]);
        return false;
    }
    if (t->size < STYLE_SIZE_SMALL_PT)
        style_diag_at(k->diags, DIAG_WARNING, ts->size.at,
                      "a size of %s pt is too small to read in print (八号, the smallest "
                      "Chinese size, is 5 pt; style %s)",
                      N(t->size), style_text_names[id]);
    return true;
}

static void check_leading(checker *k, style_text_id id)
{
    const style_text *t = &k->s->text[id];
    const style_text_spec *ts = &k->spec->text[id];
    /* a leading in points meets a size set elsewhere: point at the newer */
    style_where at = style_where_latest(ts->leading.at, ts->size.at);
    const char *name = style_text_names[id];
    if (t->leading > k->depth + EPS)
        style_diag_at(k->diags, DIAG_ERROR, style_where_latest(at, k->down),
                      "a leading of %s pt is taller than the type area (%s mm): no line could be "
                      "set; it may be up to %s pt here (style %s)",
                      N(t->leading), MM(k->depth), N(k->depth), name);
    else if (t->leading < t->size / 2 - EPS)
        style_diag_at(k->diags, DIAG_ERROR, at,
                      "a leading of %s pt for a size of %s pt prints the lines over each other: "
                      "it must be at least half the size (%s pt); 1.2 to 2 times the size is "
                      "usual (style %s)",
                      N(t->leading), N(t->size), N(t->size / 2), name);
    else if (t->leading < t->size - EPS)
        style_diag_at(k->diags, DIAG_WARNING, at,
                      "a leading of %s pt is less than the size (%s pt): the lines will touch "
                      "or overlap (style %s)",
                      N(t->leading), N(t->size), name);
}

/* The first line keeps room for one character after its indent. */
static void check_indent(checker *k, style_text_id id)
{
    const style_text *t = &k->s->text[id];
    const style_text_spec *ts = &k->spec->text[id];
    double indent = t->indent * t->size, most = k->measure - t->size;
    if (!ts->indent.set || indent <= most + EPS)
        return;
    style_diag_at(k->diags, DIAG_ERROR, latest3(ts->indent.at, ts->size.at, k->across),
                  "an indent of %s em (%s mm) leaves no room for the first line in a type "
                  "area %s mm wide: it may be 0 to %s em (%s mm) here (style %s)",
                  N(t->indent), MM(indent), MM(k->measure), N(most / t->size), MM(most),
                  style_text_names[id]);
}

static void check_space(checker *k, style_text_id id, bool before)
{
    const style_text *t = &k->s->text[id];
    const style_text_spec *ts = &k->spec->text[id];
    double v = before ? t->space_before : t->space_after;
    const style_num_field *f = before ? &ts->space_before : &ts->space_after;
    if (v <= k->depth + EPS)
        return;
    style_diag_at(k->diags, DIAG_ERROR, latest3(f->at, ts->leading.at, k->down),
                  "%s %s pt is more than the whole type area (%s mm): it may be 0 to %s pt "
                  "here (style %s)",
                  before ? "space_before" : "space_after", N(v), MM(k->depth), N(k->depth),
                  style_text_names[id]);
}

/* An optional style: only what its own files say is checked, so that a
 * value it copies from its parent is reported once, at the parent. */
static void check_optional(checker *k, style_text_id id)
{
    const style_text_spec *ts = &k->spec->text[id];
    if (!ts->defined)
        return;
    if ((ts->size.set || ts->leading.set) && !check_size(k, id))
        return;
    if (ts->size.set || ts->leading.set)
        check_leading(k, id);
    if (ts->indent.set || ts->size.set)
        check_indent(k, id);
    if (ts->space_before.set)
        check_space(k, id, true);
    if (ts->space_after.set)
        check_space(k, id, false);
}

/* ---- the grid ---- */

/* What the grid cannot hold, for one style: lines too close for its size,
 * cells too narrow (an error) or narrower than 0.9 em (a warning). */
typedef enum { GRID_OK, GRID_LINES_CLOSE, GRID_CELLS_NARROW, GRID_CELLS_TIGHT } grid_problem;

typedef struct grid_finding {
    grid_problem problem;
    style_where at;
    double size;
} grid_finding;

static grid_finding grid_finding_of(checker *k, style_text_id id)
{
    const style_text_spec *ts = &k->spec->text[id];
    const style *s = k->s;
    double size = s->text[id].size;
    grid_finding none = {GRID_OK, {0}, size};
    if (!ts->grid_set || ts->grid == STYLE_GRID_NONE)
        return none;
    if (!s->grid.lines) {
        style_diag_at(k->diags, DIAG_ERROR, ts->grid_at,
                      "style %s is set on the grid, but this layout has no page.grid "
                      "(such as {lines: 22, chars: 28})",
                      style_text_names[id]);
        return none;
    }
    if (s->grid.line_pitch < size / 2 - EPS)
        return (grid_finding){GRID_LINES_CLOSE,
                              latest3(ts->grid_at, ts->size.at, k->spec->grid_lines.at), size};
    style_where at = latest3(ts->grid_at, ts->size.at, k->spec->grid_chars.at);
    if (ts->grid == STYLE_GRID_CELLS && s->grid.cell < size / 2 - EPS)
        return (grid_finding){GRID_CELLS_NARROW, at, size};
    if (ts->grid == STYLE_GRID_CELLS && s->grid.cell < 0.9 * size - EPS)
        return (grid_finding){GRID_CELLS_TIGHT, at, size};
    return none;
}

static bool same_place(style_where a, style_where b)
{
    return a.file == b.file && a.line == b.line && a.col == b.col;
}

/* One message for every style the same value of the grid fails. */
static void report_grid(checker *k, const grid_finding *f, const char *names, double size)
{
    const style *s = k->s;
    switch (f->problem) {
    case GRID_LINES_CLOSE:
        style_diag_at(k->diags, DIAG_ERROR, f->at,
                      "the grid's lines are %s pt apart, too close for %s (%s pt): the lines "
                      "would print over each other (at most %d lines fit here)",
                      N(s->grid.line_pitch), names, N(size), (int)(k->depth / (size / 2)));
        break;
    case GRID_CELLS_NARROW:
        style_diag_at(k->diags, DIAG_ERROR, f->at,
                      "the grid's cells are %s pt wide, too narrow for %s (%s pt): the "
                      "characters would print over each other (at most %d characters a line "
                      "here)",
                      N(s->grid.cell), names, N(size), (int)(k->measure / (size / 2)));
        break;
    case GRID_CELLS_TIGHT:
        style_diag_at(k->diags, DIAG_WARNING, f->at,
                      "the grid's cells (%s pt) are much narrower than %s (%s pt): the "
                      "characters will touch",
                      N(s->grid.cell), names, N(size));
        break;
    case GRID_OK:
        break;
    }
}

static void check_grid(checker *k)
{
    const style *s = k->s;
    if (s->grid.lines && s->grid.line_pitch < STYLE_SIZE_MIN_PT - EPS)
        style_diag_at(k->diags, DIAG_ERROR, style_where_latest(k->spec->grid_lines.at, k->down),
                      "a grid of %d lines leaves no room for a line in a type area %s mm high",
                      s->grid.lines, MM(k->depth));
    grid_finding found[STYLE_COUNT];
    for (int id = 0; id < STYLE_COUNT; id++)
        found[id] = grid_finding_of(k, (style_text_id)id);
    bool done[STYLE_COUNT] = {false};
    for (int id = 0; id < STYLE_COUNT; id++) {
        if (found[id].problem == GRID_OK || done[id])
            continue;
        const char *names = "";
        double size = 0;
        int n = 0;
        for (int j = id; j < STYLE_COUNT; j++) {
            if (found[j].problem != found[id].problem || !same_place(found[j].at, found[id].at))
                continue;
            done[j] = true;
            names = arena_printf(k->a, "%s%s%s", names, n++ ? ", " : "", style_text_names[j]);
            size = found[j].size > size ? found[j].size : size;
        }
        report_grid(k, &found[id], arena_printf(k->a, "the style%s %s", n > 1 ? "s" : "", names),
                    size);
    }
}

/* The masthead and the rule under the 发文字号 must stay in the type area. */
static void check_official(checker *k)
{
    const style_official_spec *o = &k->spec->official;
    const style_official *off = &k->s->official;
    const char *const keys[] = {"masthead_top", "separator.gap"};
    const style_num_field *fields[] = {&o->masthead_top, &o->separator_gap};
    const double values[] = {off->masthead_top, off->separator_gap};
    for (int i = 0; i < 2; i++)
        if (fields[i]->set && values[i] > k->depth + EPS)
            style_diag_at(k->diags, DIAG_ERROR, style_where_latest(fields[i]->at, k->down),
                          "official.%s %s mm is more than the type area's height (%s mm): it "
                          "may be 0 to %s mm here",
                          keys[i], MM(values[i]), MM(k->depth), MM(k->depth));
}

/* ---- bars ---- */

static void check_bars(checker *k)
{
    const style_spec *sp = k->spec;
    const style *s = k->s;
    /* bars sit on lines of the table style (tasks, summaries) and the note
     * style (legends): taller than the line, they run into the next */
    style_text_id line =
        s->text[STYLE_TABLE].leading <= s->text[STYLE_NOTE].leading ? STYLE_TABLE : STYLE_NOTE;
    double pitch = s->text[line].leading;
    style_where at = latest3(sp->bars.height.at, sp->text[line].leading.at, sp->text[line].size.at);
    if (s->bars.height > pitch + EPS)
        style_diag_at(k->diags, DIAG_ERROR, at,
                      "bars %s pt high do not fit a line of the style %s (a leading of %s pt): "
                      "bars.height may be up to %s pt (%s mm) here",
                      N(s->bars.height), style_text_names[line], N(pitch), N(pitch), MM(pitch));
    else if (s->bars.height < STYLE_BAR_THIN_PT)
        style_diag_at(k->diags, DIAG_WARNING, sp->bars.height.at,
                      "bars %s pt high are too thin to see: %s pt or more is advised",
                      N(s->bars.height), N(STYLE_BAR_THIN_PT));
    /* a task table needs room for the task's name beside its bar */
    double most = k->measure / 2;
    if (s->bars.width > most + EPS) {
        style_diag_at(k->diags, DIAG_ERROR, style_where_latest(sp->bars.width.at, k->across),
                      "bars %s mm long take more than half the type area (%s mm wide): "
                      "bars.width may be up to %s mm here",
                      MM(s->bars.width), MM(k->measure), MM(most));
    }
}

/* ---- public ---- */

void style_check_typesettable(const style_spec *spec, const style *s, diag_list *diags)
{
    const style_num_field *m = spec->margin;
    checker k = {
        .spec = spec,
        .s = s,
        .diags = diags,
        .measure = s->page_width - s->margin_inner - s->margin_outer,
        .depth = s->page_height - s->margin_top - s->margin_bottom,
        .across = latest3(m[STYLE_MARGIN_INNER].at, m[STYLE_MARGIN_OUTER].at, spec->width.at),
        .down = latest3(m[STYLE_MARGIN_TOP].at, m[STYLE_MARGIN_BOTTOM].at, spec->height.at),
        .a = s->arena,
    };
    if (!check_margins(&k))
        return; /* every text would fail too: one error says it */
    check_furniture(&k, true);
    check_furniture(&k, false);
    for (int id = 0; id < STYLE_REQUIRED_COUNT; id++) {
        if (!check_size(&k, (style_text_id)id))
            continue;
        check_leading(&k, (style_text_id)id);
        check_indent(&k, (style_text_id)id);
        check_space(&k, (style_text_id)id, true);
        check_space(&k, (style_text_id)id, false);
    }
    for (int id = STYLE_REQUIRED_COUNT; id < STYLE_COUNT; id++)
        check_optional(&k, (style_text_id)id);
    check_bars(&k);
    check_grid(&k);
    check_official(&k);
}

/* ---- a CMYK layout's colours ---- */

static void check_one(const style_color_field *f, const char *what, diag_list *diags)
{
    if (!f->set || f->ref || f->c.cmyk)
        return;
    diag_add(diags, DIAG_ERROR, f->at.file, f->at.line, f->at.col,
             "%s is an RGB colour, but the layout's output is CMYK: give it as {cmyk: [c, m, y, "
             "k]} (0 to 1) or \"cmyk(0, 100, 100, 0)\" (percent)",
             what);
}

void style_check_colors(const style_spec *spec, diag_list *diags)
{
    if (!spec->print.cmyk)
        return;
    for (size_t i = 0; i < spec->colors.count; i++) {
        const style_named_color *c = &spec->colors.items[i];
        if (!c->c.cmyk)
            diag_add(diags, DIAG_ERROR, c->at.file, c->at.line, c->at.col,
                     "colour '%s' is RGB, but the layout's output is CMYK: give it as {cmyk: "
                     "[c, m, y, k]} (0 to 1) or \"cmyk(0, 100, 100, 0)\" (percent)",
                     c->name);
    }
    char what[64];
    for (int k = 0; k < STYLE_COUNT; k++) {
        snprintf(what, sizeof what, "the colour of style %s", style_text_names[k]);
        check_one(&spec->text[k].color, what, diags);
    }
    check_one(&spec->table.rule_color, "table.rule_color", diags);
    check_one(&spec->official.separator_color, "official.separator.color", diags);
    check_one(&spec->official.imprint_color, "official.imprint.color", diags);
    for (int k = 0; k < STYLE_BAR_COLOR_COUNT; k++) {
        snprintf(what, sizeof what, "bars.colors.%s", style_bar_color_names[k]);
        check_one(&spec->bars.color[k], what, diags);
    }
}
