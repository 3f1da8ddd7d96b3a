/* style.c — load a layout: follow the `extends` chain from the named file to
 * its root, apply the files root first over one spec, then check that the
 * result is complete and resolve it into a style. */
#include "style_internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Roles the layout stage asks for by name. */
static const char *const required_roles[] = {"body", "heading", "kai", "title", "number"};

enum { MAX_CHAIN = 16 };

typedef struct layer {
    const char *path; /* as found, in the style's arena */
    dev_t dev;        /* identify the file, whatever path led to it */
    ino_t ino;
    const report_node *root; /* the top mapping */
} layer;

typedef struct chain {
    layer items[MAX_CHAIN];
    size_t count;
    bool complete; /* reached a file without extends, every file read */
} chain;

/* ---- finding files ---- */

static bool is_regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool names_a_path(const char *s)
{
    return strchr(s, '/') || ends_with(s, ".yaml") || ends_with(s, ".yml") || ends_with(s, ".json");
}

/* Directory part of path, with its slash ("layouts/"), or "" for none. */
static char *dir_of(arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    return arena_strndup(a, path, slash ? (size_t)(slash - path) + 1 : 0);
}

/* Find a layout: a path relative to the current directory (then to the
 * directory of the file that extends it), or a name looked up as DIR/NAME.yaml
 * (then .json) in each search directory. NULL when not found. */
static const char *find_layout(arena *a, const char *name, const char *from_file,
                               const char *const *dirs, size_t ndirs)
{
    if (names_a_path(name)) {
        if (is_regular_file(name))
            return arena_strdup(a, name);
        if (from_file && name[0] != '/') {
            const char *p = arena_printf(a, "%s%s", dir_of(a, from_file), name);
            if (is_regular_file(p))
                return p;
        }
        return NULL;
    }
    /* A name an extending file gives is looked up beside that file first,
     * so that a set of layouts kept together (extracted from a booklet, a
     * project's own) stays together; the extending file itself never
     * counts (a project's a4-report.yaml may extend the installed one). */
    static const char *const exts[] = {".yaml", ".yml", ".json"};
    struct stat self = {0};
    bool has_self = from_file && stat(from_file, &self) == 0;
    for (size_t i = from_file ? 0 : 1; i <= ndirs; i++) {
        const char *dir = i == 0 ? dir_of(a, from_file) : dirs[i - 1];
        for (size_t e = 0; e < sizeof(exts) / sizeof(exts[0]); e++) {
            const char *p = i == 0 ? arena_printf(a, "%s%s%s", dir, name, exts[e])
                                   : arena_printf(a, "%s/%s%s", dir, name, exts[e]);
            struct stat st;
            if (!is_regular_file(p) || stat(p, &st) != 0)
                continue;
            if (has_self && st.st_dev == self.st_dev && st.st_ino == self.st_ino)
                continue;
            return p;
        }
    }
    return NULL;
}

static void report_not_found(arena *a, diag_list *diags, const char *name, const char *from_file,
                             const report_node *from, const char *const *dirs, size_t ndirs)
{
    int line = from ? from->line : 0, col = from ? from->col : 0;
    const char *shown = style_shown(a, name);
    if (names_a_path(name)) {
        diag_add(diags, DIAG_ERROR, from_file, line, col, "layout file '%s' not found", shown);
        return;
    }
    char looked[512] = "";
    size_t used = 0;
    if (from_file) {
        const char *dir = dir_of(a, from_file);
        used += (size_t)snprintf(looked, sizeof looked, "%s", *dir ? dir : "./");
    }
    for (size_t i = 0; i < ndirs && used < sizeof(looked); i++)
        used += (size_t)snprintf(looked + used, sizeof(looked) - used, "%s%s/", used ? ", " : "",
                                 dirs[i]);
    diag_add(diags, DIAG_ERROR, from_file, line, col, "layout '%s' not found (looked in %s)", shown,
             used ? looked : "no directory");
}

/* ---- the chain ---- */

/* Check `briefc-layout: 1`; errors point into the file. */
static void check_version(style_reader *rd, const report_node *root)
{
    const report_node *v = report_node_get(root, "briefc-layout");
    if (!v)
        style_error(rd, root, "missing 'briefc-layout: 1' (the layout format version) at the top");
    else if (v->kind != REPORT_NODE_SCALAR || strcmp(v->text, "1") != 0)
        style_error(rd, v, "unsupported layout version '%s' (this briefc reads version 1)",
                    v->kind == REPORT_NODE_SCALAR ? style_shown(rd->out, v->text) : "…");
}

/* The name in `extends:`, or NULL (an error is reported when malformed). */
static const report_node *extends_of(style_reader *rd, const report_node *root)
{
    const report_node *e = report_node_get(root, "extends");
    if (!e)
        return NULL;
    if (e->kind != REPORT_NODE_SCALAR || e->len == 0) {
        style_error(rd, e, "expected the name or path of a layout for extends");
        return NULL;
    }
    /* "a4-report\0/../x" must not quietly load a4-report */
    for (size_t i = 0; i < e->len; i++) {
        unsigned char c = (unsigned char)e->text[i];
        if (c < 0x20 || c == 0x7f) {
            style_error(rd, e, "the name or path in extends holds the control character U+%04X", c);
            return NULL;
        }
    }
    return e;
}

/* Read one file of the chain; false when it could not be read as a mapping. */
static bool read_layer(arena *out, arena *trees, const char *path, layer *l, diag_list *diags)
{
    style_reader rd = {out, diags, path, 0}; /* keeps no places: layer unused */
    size_t before = diags->errors;
    report_node *root = report_tree_load_file(path, trees, diags);
    if (!root) {
        if (diags->errors == before)
            diag_add(diags, DIAG_ERROR, path, 0, 0, "the layout file is empty or unreadable");
        return false;
    }
    if (root->kind != REPORT_NODE_MAPPING) {
        style_error(&rd, root,
                    "a layout file is a mapping of page, fonts, colors, styles, table and bars");
        return false;
    }
    check_version(&rd, root);
    l->path = path;
    l->root = root;
    return true;
}

/* Report a cycle at the extends that closes it, naming the files in order. */
static bool closes_cycle(const chain *c, const struct stat *st, const char *from_file,
                         const report_node *from, diag_list *diags)
{
    for (size_t i = 0; i < c->count; i++) {
        if (c->items[i].dev != st->st_dev || c->items[i].ino != st->st_ino)
            continue;
        char path[1024] = "";
        size_t used = 0;
        for (size_t k = i; k < c->count && used < sizeof(path); k++)
            used += (size_t)snprintf(path + used, sizeof(path) - used, "%s → ", c->items[k].path);
        diag_add(diags, DIAG_ERROR, from_file, from ? from->line : 0, from ? from->col : 0,
                 "extends cycle: %s%s", path, c->items[i].path);
        return true;
    }
    return false;
}

static void load_chain(arena *out, arena *trees, const char *name, const char *const *dirs,
                       size_t ndirs, chain *c, diag_list *diags)
{
    const char *from_file = NULL;
    const report_node *from = NULL;
    for (;;) {
        const char *path = find_layout(out, name, from_file, dirs, ndirs);
        if (!path) {
            report_not_found(out, diags, name, from_file, from, dirs, ndirs);
            return;
        }
        struct stat st;
        if (stat(path, &st) != 0) {
            report_not_found(out, diags, name, from_file, from, dirs, ndirs);
            return;
        }
        if (closes_cycle(c, &st, from_file, from, diags))
            return;
        if (c->count == MAX_CHAIN) {
            diag_add(diags, DIAG_ERROR, from_file, from->line, from->col,
                     "extends chain longer than %d layouts", MAX_CHAIN);
            return;
        }
        layer *l = &c->items[c->count++];
        l->dev = st.st_dev;
        l->ino = st.st_ino;
        if (!read_layer(out, trees, path, l, diags)) {
            l->root = NULL;
            return;
        }
        style_reader rd = {out, diags, path, (int)c->count - 1};
        from = extends_of(&rd, l->root);
        if (!from) {
            c->complete = !report_node_get(l->root, "extends");
            return;
        }
        from_file = path;
        name = from->text;
    }
}

/* ---- completeness and resolution ---- */

typedef struct missing {
    char text[1024];
    size_t used;
} missing;

static void note_missing(missing *m, const char *fmt, const char *arg)
{
    if (m->used >= sizeof(m->text) - 1)
        return;
    m->used += (size_t)snprintf(m->text + m->used, sizeof(m->text) - m->used, m->used ? ", " : "");
    if (m->used < sizeof(m->text))
        m->used += (size_t)snprintf(m->text + m->used, sizeof(m->text) - m->used, fmt, arg);
}

static const style_role_spec *find_role(const style_spec *spec, const char *name)
{
    for (size_t i = 0; i < spec->roles.count; i++)
        if (strcmp(spec->roles.items[i].name, name) == 0)
            return &spec->roles.items[i];
    return NULL;
}

/* What the root of a chain must define and nobody did; false when something is missing. */
static bool check_complete(const style_spec *spec, const char *root_file, diag_list *diags)
{
    static const char *const sides[] = {"top", "bottom", "inner", "outer"};
    missing m = {.used = 0};
    if (!spec->width.set)
        note_missing(&m, "page.size%s", "");
    for (int i = 0; i < 4; i++)
        if (!spec->margin[i].set)
            note_missing(&m, "page.margins.%s", sides[i]);
    for (size_t i = 0; i < sizeof(required_roles) / sizeof(required_roles[0]); i++)
        if (!find_role(spec, required_roles[i]))
            note_missing(&m, "fonts.%s", required_roles[i]);
    for (int k = 0; k < STYLE_REQUIRED_COUNT; k++) {
        const style_text_spec *t = &spec->text[k];
        if (!t->defined)
            note_missing(&m, "styles.%s", style_text_names[k]);
        if (t->defined && !t->font.set)
            note_missing(&m, "styles.%s.font", style_text_names[k]);
        if (t->defined && !t->size.set)
            note_missing(&m, "styles.%s.size", style_text_names[k]);
        if (t->defined && !t->leading.set)
            note_missing(&m, "styles.%s.leading", style_text_names[k]);
    }
    if (m.used)
        diag_add(diags, DIAG_ERROR, root_file, 0, 0,
                 "incomplete layout: a layout without extends must define %s", m.text);
    return m.used == 0;
}

static void error_at(diag_list *diags, style_where at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void error_at(diag_list *diags, style_where at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(diags, DIAG_ERROR, at.file, at.line, at.col, fmt, ap);
    va_end(ap);
}

static void check_role(const style_spec *spec, const style_str_field *f, diag_list *diags)
{
    if (!f->set || find_role(spec, f->v))
        return;
    const char *names[64];
    size_t n = 0;
    for (size_t i = 0; i < spec->roles.count && n < 64; i++)
        names[n++] = spec->roles.items[i].name;
    const char *guess = base_closest_word(f->v, names, n);
    error_at(diags, f->at, "unknown font role '%s'%s%s%s (roles are the keys of fonts)", f->v,
             guess ? " (did you mean '" : "", guess ? guess : "", guess ? "'?)" : "");
}

/* Every role and colour a style names must exist once the chain is merged. */
static void check_references(const style_spec *spec, diag_list *diags)
{
    style_color ignored;
    for (int k = 0; k < STYLE_COUNT; k++) {
        check_role(spec, &spec->text[k].font, diags);
        check_role(spec, &spec->text[k].strong_font, diags);
        style_resolve_color(spec, &spec->text[k].color, &ignored, diags);
    }
    check_role(spec, &spec->table.number_font, diags);
    style_resolve_color(spec, &spec->table.rule_color, &ignored, diags);
    style_resolve_color(spec, &spec->official.separator_color, &ignored, diags);
    style_resolve_color(spec, &spec->official.imprint_color, &ignored, diags);
    for (int k = 0; k < STYLE_BAR_COLOR_COUNT; k++)
        style_resolve_color(spec, &spec->bars.color[k], &ignored, diags);
}

/* An optional style as its parent's spec with its own fields over it, so
 * that a leading in multiples follows its own size. */
static style_text_spec merged_text(const style_spec *spec, style_text_id id)
{
    style_text_spec t = spec->text[id];
    const style_text_spec *p = &spec->text[style_text_parent(id)];
    if (p == &spec->text[id])
        return t;
#define INHERIT(f)                                                                                 \
    if (!t.f.set)                                                                                  \
    t.f = p->f
    INHERIT(font);
    INHERIT(strong_font);
    INHERIT(size);
    INHERIT(leading);
    INHERIT(indent);
    INHERIT(space_before);
    INHERIT(space_after);
    INHERIT(color);
#undef INHERIT
    if (!t.align_set) {
        t.align_set = p->align_set;
        t.align = p->align;
    }
    if (!t.grid_set) {
        t.grid_set = p->grid_set;
        t.grid = p->grid;
        t.grid_at = p->grid_at;
    }
    return t;
}

static void resolve_text(const style_spec *spec, const style_text_spec *t, const style_grid *grid,
                         style_text *out, diag_list *diags)
{
    out->font = t->font.v;
    out->strong_font = t->strong_font.set ? t->strong_font.v : "heading";
    out->size = t->size.v;
    out->grid = t->grid_set && grid->lines ? t->grid : STYLE_GRID_NONE;
    out->leading = t->leading.relative ? t->leading.v * out->size : t->leading.v;
    if (out->grid != STYLE_GRID_NONE)
        out->leading = grid->line_pitch; /* on the grid: spacing in lines is in grid lines */
    out->indent = t->indent.relative ? t->indent.v : t->indent.v / out->size;
    out->space_before =
        t->space_before.relative ? t->space_before.v * out->leading : t->space_before.v;
    out->space_after = t->space_after.relative ? t->space_after.v * out->leading : t->space_after.v;
    out->align = t->align_set ? t->align : STYLE_ALIGN_JUSTIFY;
    out->color = (style_color){0}; /* black */
    style_resolve_color(spec, &t->color, &out->color, diags);
}

static style_color named_color(const style_spec *spec, const char *name)
{
    for (size_t i = 0; i < spec->colors.count; i++)
        if (strcmp(spec->colors.items[i].name, name) == 0)
            return spec->colors.items[i].c;
    return (style_color){0};
}

static double mm(double v)
{
    return v * STYLE_PT_PER_MM;
}

static void resolve_page(const style_spec *spec, style *s)
{
    s->page_width = spec->width.v;
    s->page_height = spec->height.v;
    s->margin_top = spec->margin[STYLE_MARGIN_TOP].v;
    s->margin_bottom = spec->margin[STYLE_MARGIN_BOTTOM].v;
    s->margin_inner = spec->margin[STYLE_MARGIN_INNER].v;
    s->margin_outer = spec->margin[STYLE_MARGIN_OUTER].v;
    s->mirror_margins = spec->mirror_set && spec->mirror;
    /* GB/T 9704 §7.5 sets the page number 7 mm below the type area. */
    s->header_offset = spec->header_offset.set ? spec->header_offset.v : mm(7);
    s->footer_offset = spec->footer_offset.set ? spec->footer_offset.v : mm(7);
    s->rule_width = spec->header_rule.set ? spec->header_rule.v : 0;
    s->rule_color = named_color(spec, "rule");
    s->accent = named_color(spec, "accent");
}

static void resolve_roles(const style_spec *spec, style *s)
{
    s->nroles = spec->roles.count;
    s->roles = arena_alloc(s->arena, (s->nroles ? s->nroles : 1) * sizeof(style_font_role));
    for (size_t i = 0; i < s->nroles; i++) {
        const style_role_spec *r = &spec->roles.items[i];
        s->roles[i] = (style_font_role){r->name,    r->families, r->nfamilies,
                                        r->at.line, r->at.col,   r->at.file};
    }
}

/* ---- tables and bars: defaults for what no file of the chain says ---- */

static double num_or(const style_num_field *f, double fallback)
{
    return f->set ? f->v : fallback;
}

static void resolve_table(const style_spec *spec, style *s, diag_list *diags)
{
    const style_table_spec *t = &spec->table;
    style_table *out = &s->table;
    out->rule_thick = num_or(&t->rule_thick, 1);
    out->rule_thin = num_or(&t->rule_thin, 0.5);
    out->pad_x = num_or(&t->pad_x, 4);
    out->pad_y = num_or(&t->pad_y, 2.5);
    if (t->number_font.set)
        out->number_font = t->number_font.v;
    else /* "number" is a required role; the fallback keeps tables readable if that changes */
        out->number_font = find_role(spec, "number") ? "number" : s->text[STYLE_BODY].font;
    out->rule_color = (style_color){0}; /* black */
    style_resolve_color(spec, &t->rule_color, &out->rule_color, diags);
}

/* The default bar colours, indexed like style_bar_color_names. */
static const char *const default_bar_colors[STYLE_BAR_COLOR_COUNT] = {
    [STYLE_BAR_DONE] = "#2E7D32",    [STYLE_BAR_ON_TRACK] = "#1F5FA8",
    [STYLE_BAR_BEHIND] = "#C0392B",  [STYLE_BAR_NOT_REPORTED] = "#8A8A8A",
    [STYLE_BAR_NEUTRAL] = "#5B6B7A", [STYLE_BAR_TRACK] = "#E4E4E4",
    [STYLE_BAR_MARK] = "#1A1A1A",
};

static void resolve_bars(const style_spec *spec, style *s, diag_list *diags)
{
    const style_bars_spec *b = &spec->bars;
    style_bars *out = &s->bars;
    out->height = num_or(&b->height, 6);
    out->width = num_or(&b->width, mm(32));
    out->mark_width = num_or(&b->mark_width, 1.2);
    style_color colors[STYLE_BAR_COLOR_COUNT];
    for (int k = 0; k < STYLE_BAR_COLOR_COUNT; k++) {
        style_parse_hex_color(default_bar_colors[k], &colors[k]);
        style_resolve_color(spec, &b->color[k], &colors[k], diags);
    }
    for (int k = 0; k < STYLE_BAR_FILL_COUNT; k++)
        out->fill[k] = colors[k];
    out->track = colors[STYLE_BAR_TRACK];
    out->mark = colors[STYLE_BAR_MARK];
}

/* The merged spec of a complete chain as a style in out. An unknown role or
 * colour is already reported (check_references): resolution says nothing. */
/* A colour no file gave (the defaults: black text, the bar palette) in the
 * output's space. RGB to CMYK the plain way: black is pure K, never rich
 * black; a CMYK layout that cares gives its colours itself. */
static style_color in_output_space(const style_spec *spec, style_color c)
{
    if (!spec->print.cmyk || c.cmyk)
        return c;
    double r = c.v[0], g = c.v[1], b = c.v[2];
    double max = r > g ? (r > b ? r : b) : (g > b ? g : b), k = 1 - max;
    style_color out = {true, {0, 0, 0, k}};
    if (k < 1)
        for (int i = 0; i < 3; i++)
            out.v[i] = (1 - c.v[i] - k) / (1 - k);
    return out;
}

static void resolve_print(const style_spec *spec, style *s)
{
    const style_print_spec *p = &spec->print;
    s->print.cmyk = p->cmyk;
    s->print.bleed = p->bleed.set ? p->bleed.v : mm(3);
    s->print.creep = p->creep.set ? p->creep.v : 0;
    s->print.copy_mark = p->copy_mark_set ? p->copy_mark : STYLE_COPY_MARK_NONE;
    style_color *colors[] = {&s->rule_color, &s->accent, &s->table.rule_color, &s->bars.track,
                             &s->bars.mark};
    for (size_t i = 0; i < sizeof colors / sizeof *colors; i++)
        *colors[i] = in_output_space(spec, *colors[i]);
    for (int k = 0; k < STYLE_COUNT; k++)
        s->text[k].color = in_output_space(spec, s->text[k].color);
    for (int k = 0; k < STYLE_BAR_FILL_COUNT; k++)
        s->bars.fill[k] = in_output_space(spec, s->bars.fill[k]);
    s->paper = p->cmyk ? (style_color){true, {0, 0, 0, 0}} : (style_color){false, {1, 1, 1, 0}};
}

static style *resolve(arena *out, const style_spec *spec, const char *name)
{
    diag_list reported = {0};
    style *s = arena_alloc(out, sizeof(style));
    s->arena = out;
    s->name = name;
    resolve_page(spec, s);
    resolve_roles(spec, s);
    style_resolve_grid(spec, s, spec->text[STYLE_BODY].size.v);
    for (int k = 0; k < STYLE_COUNT; k++) {
        style_text_spec t = merged_text(spec, (style_text_id)k);
        resolve_text(spec, &t, &s->grid, &s->text[k], &reported);
    }
    style_resolve_official(spec, s, &reported);
    resolve_table(spec, s, &reported);
    resolve_bars(spec, s, &reported);
    resolve_print(spec, s);
    diag_list_free(&reported);
    return s;
}

/* ---- public ---- */

style *style_load(const char *name_or_path, const char *const *search_dirs, size_t ndirs,
                  diag_list *diags)
{
    size_t errors_before = diags->errors;
    style *s = NULL;
    arena *out = arena_new(), *trees = arena_new();
    chain c = {.count = 0};
    style_spec spec = {0};
    load_chain(out, trees, name_or_path, search_dirs, ndirs, &c, diags);
    for (size_t i = c.count; i-- > 0;) {
        if (!c.items[i].root)
            continue;
        style_reader rd = {out, diags, c.items[i].path, (int)i};
        style_spec_apply(&rd, c.items[i].root, &spec);
    }
    if (c.complete) {
        bool complete = check_complete(&spec, c.items[c.count - 1].path, diags);
        check_references(&spec, diags);
        style_check_colors(&spec, diags);
        if (complete) {
            /* A value a file got wrong (reported) left the inherited one in
             * place, so what can be typeset is checked even then: every
             * error of the chain in one run. */
            s = resolve(out, &spec, c.items[0].path);
            const char **files = arena_alloc(out, c.count * sizeof *files);
            for (size_t i = 0; i < c.count; i++)
                files[i] = c.items[i].path;
            s->files = files;
            s->nfiles = c.count;
            style_check_typesettable(&spec, s, diags);
        }
    }
    style_spec_free(&spec);
    arena_free(trees);
    if (diags->errors != errors_before) {
        arena_free(out);
        return NULL;
    }
    return s;
}

void style_free(style *s)
{
    if (s)
        arena_free(s->arena);
}

const style_font_role *style_role(const style *s, const char *name)
{
    for (size_t i = 0; i < s->nroles; i++)
        if (strcmp(s->roles[i].name, name) == 0)
            return &s->roles[i];
    return NULL;
}
