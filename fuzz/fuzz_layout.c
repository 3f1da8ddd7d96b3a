/* fuzz_layout.c — the layout loader (style_load with its extends chain and
 * every check of what can be typeset) on any bytes. A layout that loads
 * must keep every promise of docs/layouts.md ("What can be typeset"): a page
 * PDF can hold, a type area, sizes and leadings that fit it, indents that
 * leave a character, running heads on the paper, bars that fit, colours in
 * range, every named role defined. No crash, leak or undefined behaviour.
 *
 * style_load takes a path: the input is written to input.yaml (input.json
 * when it starts with '{') in a private temporary folder, beside copies of
 * the shipped layouts, and that folder is the only search folder: a name in
 * extends resolves there and nowhere else. (A path in extends is taken
 * relative to the current folder first, as briefc does; reading is all it
 * can do.) The folder is removed at exit. */
#define _GNU_SOURCE
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include "fuzz_check.h"
#include "style/style.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char folder[512]; /* $TMPDIR/briefc-fuzz-layout.XXXXXX */
static char yaml_path[sizeof folder + 16], json_path[sizeof folder + 16];

static void write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL, "cannot write %s", path);
    FUZZ_CHECK(fwrite(data, 1, size, f) == size, "short write to %s", path);
    fclose(f);
}

static void copy_shipped(const char *name)
{
    char from[1024], to[sizeof folder + 64];
    snprintf(from, sizeof from, "%s/%s", FUZZ_LAYOUTS_DIR, name);
    snprintf(to, sizeof to, "%s/%s", folder, name);
    size_t len;
    char *text = base_read_file(from, &len);
    FUZZ_CHECK(text != NULL, "cannot read %s", from);
    write_file(to, text, len);
    free(text);
}

static void remove_folder(void)
{
    static const char *const names[] = {"input.yaml",   "input.json",   "a4-report.yaml",
                                        "a5-booklet.yaml", "gbt9704.yaml", "jianbao.yaml",
                                        "phone.yaml"};
    char path[sizeof folder + 64];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", folder, names[i]);
        unlink(path);
    }
    rmdir(folder);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* under $TMPDIR: run.sh points it at its scratch folder, which it
     * removes, so a crash (which skips atexit) leaves nothing behind */
    const char *tmp = getenv("TMPDIR");
    snprintf(folder, sizeof folder, "%s/briefc-fuzz-layout.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    FUZZ_CHECK(mkdtemp(folder) != NULL, "mkdtemp in %s failed", folder);
    atexit(remove_folder);
    copy_shipped("a4-report.yaml");
    copy_shipped("a5-booklet.yaml");
    copy_shipped("gbt9704.yaml");
    copy_shipped("jianbao.yaml");
    copy_shipped("phone.yaml");
    snprintf(yaml_path, sizeof yaml_path, "%s/input.yaml", folder);
    snprintf(json_path, sizeof json_path, "%s/input.json", folder);
    return 0;
}

/* ---- what a loaded layout promises ---- */

#define SLACK 1e-6

static void check_color(const style_color *c, const char *what)
{
    for (int i = 0; i < (c->cmyk ? 4 : 3); i++)
        FUZZ_CHECK(c->v[i] >= 0 && c->v[i] <= 1, "%s component %d is %g", what, i, c->v[i]);
}

static void check_text(const style *s, int id, double measure, double depth)
{
    const style_text *t = &s->text[id];
    const char *name = style_text_names[id];
    FUZZ_CHECK(t->font && style_role(s, t->font), "%s: font role '%s'", name, t->font);
    FUZZ_CHECK(t->strong_font && style_role(s, t->strong_font), "%s: strong role", name);
    FUZZ_CHECK(isfinite(t->size) && t->size >= 1 && t->size <= fmin(measure, depth) + SLACK,
               "%s: size %g in a type area %g x %g", name, t->size, measure, depth);
    FUZZ_CHECK(t->leading >= t->size / 2 - SLACK && t->leading <= depth + SLACK,
               "%s: leading %g for size %g, depth %g", name, t->leading, t->size, depth);
    FUZZ_CHECK(t->indent >= 0 && t->indent * t->size + t->size <= measure + SLACK,
               "%s: indent %g em of %g in %g", name, t->indent, t->size, measure);
    FUZZ_CHECK(t->space_before >= 0 && t->space_before <= depth + SLACK, "%s: space_before %g",
               name, t->space_before);
    FUZZ_CHECK(t->space_after >= 0 && t->space_after <= depth + SLACK, "%s: space_after %g", name,
               t->space_after);
    FUZZ_CHECK(t->align >= STYLE_ALIGN_JUSTIFY && t->align <= STYLE_ALIGN_RIGHT, "%s: align %d",
               name, (int)t->align);
    check_color(&t->color, name);
}

static void check_style(const style *s)
{
    FUZZ_CHECK(s->page_width >= 3 && s->page_width <= 14400, "page width %g", s->page_width);
    FUZZ_CHECK(s->page_height >= 3 && s->page_height <= 14400, "page height %g", s->page_height);
    double measure = s->page_width - s->margin_inner - s->margin_outer;
    double depth = s->page_height - s->margin_top - s->margin_bottom;
    FUZZ_CHECK(s->margin_top >= 0 && s->margin_bottom >= 0 && s->margin_inner >= 0 &&
                   s->margin_outer >= 0,
               "a negative margin");
    FUZZ_CHECK(measure > 0 && depth > 0, "type area %g x %g", measure, depth);
    FUZZ_CHECK(s->header_offset >= 0 &&
                   s->header_offset <= s->margin_top - s->text[STYLE_HEADER].size + SLACK,
               "header_offset %g, top margin %g", s->header_offset, s->margin_top);
    FUZZ_CHECK(s->footer_offset >= 0 &&
                   s->footer_offset <= s->margin_bottom - s->text[STYLE_FOOTER].size + SLACK,
               "footer_offset %g, bottom margin %g", s->footer_offset, s->margin_bottom);
    FUZZ_CHECK(s->rule_width >= 0 && s->rule_width <= 10, "header rule %g", s->rule_width);
    for (int id = 0; id < STYLE_COUNT; id++)
        check_text(s, id, measure, depth);
    const style_table *t = &s->table;
    FUZZ_CHECK(t->rule_thick > 0 && t->rule_thick <= 10 && t->rule_thin > 0 && t->rule_thin <= 10,
               "table rules %g, %g", t->rule_thick, t->rule_thin);
    FUZZ_CHECK(t->pad_x >= 0 && t->pad_x <= 5 * 72 / 25.4 + SLACK && t->pad_y >= 0 &&
                   t->pad_y <= 5 * 72 / 25.4 + SLACK,
               "padding %g, %g", t->pad_x, t->pad_y);
    FUZZ_CHECK(t->number_font && style_role(s, t->number_font), "number_font '%s'", t->number_font);
    const style_bars *b = &s->bars;
    double line = fmin(s->text[STYLE_TABLE].leading, s->text[STYLE_NOTE].leading);
    FUZZ_CHECK(b->height > 0 && b->height <= line + SLACK, "bar height %g", b->height);
    FUZZ_CHECK(b->width > 0 && b->width <= measure / 2 + SLACK, "bar width %g", b->width);
    FUZZ_CHECK(b->mark_width >= 0 && b->mark_width <= 10, "mark width %g", b->mark_width);
    check_color(&b->track, "bars.track");
    check_color(&b->mark, "bars.mark");
    for (int i = 0; i < STYLE_BAR_FILL_COUNT; i++)
        check_color(&b->fill[i], "a bar fill");
    for (size_t i = 0; i < s->nroles; i++)
        FUZZ_CHECK(s->roles[i].nfamilies > 0 && s->roles[i].families[0], "role %s",
                   s->roles[i].name);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t i = 0;
    while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
        i++;
    const char *path = i < size && data[i] == '{' ? json_path : yaml_path;
    write_file(path, data, size);
    const char *const dirs[] = {folder};
    diag_list d = {0};
    style *s = style_load(path, dirs, 1, &d);
    FUZZ_CHECK((s == NULL) == (d.errors > 0), "style %p with %zu errors", (void *)s, d.errors);
    if (s)
        check_style(s);
    fuzz_check_diags(&d);
    style_free(s);
    diag_list_free(&d);
    unlink(path);
    return 0;
}
