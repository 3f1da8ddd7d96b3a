/* fonts.c — the engine's Fontconfig set-up, the cache of loaded fonts, role
 * resolution (first installed family of a list), per-character fallback,
 * half-width (halt) adjustments and the facts the PDF stage embeds. */
#include "text_internal.h"

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The compressible full-width marks of typography.md §3.1, with the half
 * that is blank (and so removable) in zh-Hans horizontal text. */
typedef enum { BLANK_RIGHT, BLANK_LEFT, BLANK_BOTH } blank_half;

typedef struct halt_mark {
    uint32_t cp;
    blank_half blank;
} halt_mark;

static const halt_mark HALT_MARKS[] = {
    /* pauses and stops: ink lower left or left */
    {0x3002, BLANK_RIGHT}, /* 。 */
    {0xFF0C, BLANK_RIGHT}, /* ， */
    {0x3001, BLANK_RIGHT}, /* 、 */
    {0xFF1B, BLANK_RIGHT}, /* ； */
    {0xFF1A, BLANK_RIGHT}, /* ： */
    {0xFF1F, BLANK_RIGHT}, /* ？ */
    {0xFF01, BLANK_RIGHT}, /* ！ */
    /* closing marks: ink left */
    {0x201D, BLANK_RIGHT}, /* ” */
    {0x2019, BLANK_RIGHT}, /* ’ */
    {0xFF09, BLANK_RIGHT}, /* ） */
    {0x3015, BLANK_RIGHT}, /* 〕 */
    {0xFF3D, BLANK_RIGHT}, /* ］ */
    {0x3011, BLANK_RIGHT}, /* 】 */
    {0x3017, BLANK_RIGHT}, /* 〗 */
    {0xFF5D, BLANK_RIGHT}, /* ｝ */
    {0x300B, BLANK_RIGHT}, /* 》 */
    {0x3009, BLANK_RIGHT}, /* 〉 */
    {0x300D, BLANK_RIGHT}, /* 」 */
    {0x300F, BLANK_RIGHT}, /* 』 */
    /* opening marks: ink right */
    {0x201C, BLANK_LEFT}, /* “ */
    {0x2018, BLANK_LEFT}, /* ‘ */
    {0xFF08, BLANK_LEFT}, /* （ */
    {0x3014, BLANK_LEFT}, /* 〔 */
    {0xFF3B, BLANK_LEFT}, /* ［ */
    {0x3010, BLANK_LEFT}, /* 【 */
    {0x3016, BLANK_LEFT}, /* 〖 */
    {0xFF5B, BLANK_LEFT}, /* ｛ */
    {0x300A, BLANK_LEFT}, /* 《 */
    {0x3008, BLANK_LEFT}, /* 〈 */
    {0x300C, BLANK_LEFT}, /* 「 */
    {0x300E, BLANK_LEFT}, /* 『 */
    /* 间隔号: centred, a quarter blank on each side of a 1-em cell */
    {0x00B7, BLANK_BOTH}, /* · */
};
#define NHALT_MARKS (sizeof HALT_MARKS / sizeof HALT_MARKS[0])

typedef struct halt_entry {
    bool computed, ok;
    int advance_delta, offset_delta;
} halt_entry;

struct text_font {
    char *path;
    unsigned index;
    hb_blob_t *blob;
    hb_face_t *face;
    hb_font_t *font;
    hb_set_t *coverage;
    char *family, *postscript_name;
    text_font_info info;
    /* Filled lazily by text_font_halt (which takes a const font: the cache
     * is not part of the font's observable value). */
    halt_entry *halt_cache;
    struct text_font *next;
};

typedef struct char_choice {
    uint32_t cp;
    const text_font *preferred;
    text_font *font; /* NULL: no installed font has cp */
} char_choice;

/* <alias><family>name</family> <accept><family>target</family>… of
 * fonts/fonts.conf: the only names that count as installed without a font of
 * that family (system aliases such as "serif" or "Arial" do not). */
typedef struct font_alias {
    char *name, *target;
} font_alias;

typedef struct warned_pair {
    uint32_t cp;
    const text_font *font;
} warned_pair;

struct text_engine {
    FcConfig *config;
    text_font *fonts;    /* loaded fonts, keyed by (path, index) */
    FcFontSet *fallback; /* Fontconfig's sorted list for zh-cn; NULL until needed */
    VEC(char_choice) choices;
    VEC(warned_pair) warned;
    VEC(font_alias) aliases;
    UBreakIterator *breaker; /* ICU's line breaker, opened on first use */
};

UBreakIterator **text_engine_breaker(text_engine *te)
{
    return &te->breaker;
}

/* ---- loading fonts ---- */

static char *dup_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = xmalloc(n);
    memcpy(copy, s, n);
    return copy;
}

static uint16_t be16(const char *p)
{
    return (uint16_t)(((unsigned char)p[0] << 8) | (unsigned char)p[1]);
}

static uint32_t be32(const char *p)
{
    return ((uint32_t)be16(p) << 16) | be16(p + 2);
}

static bool face_has_table(hb_face_t *face, hb_tag_t tag)
{
    hb_blob_t *blob = hb_face_reference_table(face, tag);
    bool present = hb_blob_get_length(blob) > 0;
    hb_blob_destroy(blob);
    return present;
}

/* The PostScript name (name id 6), any language. */
static char *read_postscript_name(hb_face_t *face)
{
    char buf[128];
    unsigned size = sizeof buf;
    unsigned n =
        hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, buf);
    if (n == 0)
        return dup_string("");
    buf[size < sizeof buf ? size : sizeof buf - 1] = '\0';
    return dup_string(buf);
}

/* bbox from 'head'; italic angle and fixed pitch from 'post'. */
static void read_head_and_post(hb_face_t *face, text_font_info *info)
{
    hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned len;
    const char *p = hb_blob_get_data(head, &len);
    if (len >= 44) {
        for (int i = 0; i < 4; i++)
            info->bbox[i] = (int16_t)be16(p + 36 + 2 * i);
    }
    hb_blob_destroy(head);

    hb_blob_t *post = hb_face_reference_table(face, HB_TAG('p', 'o', 's', 't'));
    p = hb_blob_get_data(post, &len);
    if (len >= 16) {
        info->italic_angle = (int32_t)be32(p + 4) / 65536.0;
        info->fixed_pitch = be32(p + 12) != 0;
    }
    hb_blob_destroy(post);
}

/* Serif by the OS/2 PANOSE serif style when the font fills it in (Latin text
 * family type), else by the family name: CJK fonts mostly leave PANOSE 0. */
static bool guess_serif(hb_face_t *face, const char *family)
{
    hb_blob_t *os2 = hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2'));
    unsigned len;
    const char *p = hb_blob_get_data(os2, &len);
    int family_type = len >= 44 ? (unsigned char)p[32] : 0;
    int serif_style = len >= 44 ? (unsigned char)p[33] : 0;
    hb_blob_destroy(os2);
    if (family_type == 2 && serif_style >= 2)
        return serif_style <= 10;
    static const char *const sans_words[] = {"Sans", "Hei", "Gothic", "黑"};
    for (size_t i = 0; i < sizeof sans_words / sizeof sans_words[0]; i++) {
        if (strstr(family, sans_words[i]))
            return false;
    }
    return true;
}

static void fill_info(text_font *f)
{
    text_font_info *info = &f->info;
    info->family = f->family;
    info->postscript_name = f->postscript_name;
    info->path = f->path;
    info->index = f->index;
    info->cff = face_has_table(f->face, HB_TAG('C', 'F', 'F', ' '));
    info->units_per_em = hb_face_get_upem(f->face);
    hb_position_t v = 0;
    if (hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v))
        info->ascender = v;
    if (hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v))
        info->descender = v;
    if (hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v))
        info->cap_height = v;
    else
        info->cap_height = info->ascender; /* PDF needs one; CJK fonts may lack it */
    read_head_and_post(f->face, info);
    info->serif = guess_serif(f->face, f->family);
}

/* The font for a Fontconfig pattern (a match or a sorted-list entry), loaded
 * once per (file, face index). NULL when the file cannot be read. */
static text_font *font_from_pattern(text_engine *te, FcPattern *pat)
{
    FcChar8 *file = NULL, *family = NULL;
    int index = 0;
    if (FcPatternGetString(pat, FC_FILE, 0, &file) != FcResultMatch)
        return NULL;
    FcPatternGetInteger(pat, FC_INDEX, 0, &index);
    for (text_font *f = te->fonts; f; f = f->next) {
        if (f->index == (unsigned)index && strcmp(f->path, (const char *)file) == 0)
            return f;
    }
    hb_blob_t *blob = hb_blob_create_from_file_or_fail((const char *)file);
    if (!blob)
        return NULL;
    /* The low 16 bits are the face in a collection; the rest name a variable
     * font's instance, which we do not use. */
    hb_face_t *face = hb_face_create(blob, (unsigned)index & 0xFFFF);
    if (hb_face_get_glyph_count(face) == 0) {
        hb_face_destroy(face);
        hb_blob_destroy(blob);
        return NULL;
    }
    text_font *f = xcalloc(1, sizeof *f);
    f->path = dup_string((const char *)file);
    f->index = (unsigned)index;
    f->blob = blob;
    f->face = face;
    f->font = hb_font_create(face);
    unsigned upem = hb_face_get_upem(face);
    hb_font_set_scale(f->font, (int)upem, (int)upem);
    f->coverage = hb_set_create();
    hb_face_collect_unicodes(face, f->coverage);
    if (FcPatternGetString(pat, FC_FAMILY, 0, &family) != FcResultMatch)
        family = (FcChar8 *)"";
    f->family = dup_string((const char *)family);
    f->postscript_name = read_postscript_name(face);
    f->halt_cache = xcalloc(NHALT_MARKS, sizeof *f->halt_cache);
    fill_info(f);
    f->next = te->fonts;
    te->fonts = f;
    return f;
}

static void font_free(text_font *f)
{
    hb_set_destroy(f->coverage);
    hb_font_destroy(f->font);
    hb_face_destroy(f->face);
    hb_blob_destroy(f->blob);
    free(f->halt_cache);
    free(f->family);
    free(f->postscript_name);
    free(f->path);
    free(f);
}

/* ---- the engine ---- */

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* path made absolute against the working directory (realpath is not in
 * strict POSIX mode of glibc's headers). NULL when getcwd fails. */
static char *absolute_path(const char *path)
{
    if (path[0] == '/')
        return dup_string(path);
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return NULL;
    size_t n = strlen(cwd) + 1 + strlen(path) + 1;
    char *abs = xmalloc(n);
    snprintf(abs, n, "%s/%s", cwd, path);
    return abs;
}

/* Blank out <!-- … --> so that markup quoted in comments is not read. */
static void blank_comments(char *xml)
{
    char *p = xml;
    while ((p = strstr(p, "<!--"))) {
        char *end = strstr(p + 4, "-->");
        char *stop = end ? end + 3 : p + strlen(p);
        memset(p, ' ', (size_t)(stop - p));
        p = stop;
    }
}

static char *trimmed_copy(const char *s, const char *end)
{
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
        s++;
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
        end--;
    char *copy = xmalloc((size_t)(end - s) + 1);
    memcpy(copy, s, (size_t)(end - s));
    copy[end - s] = '\0';
    return copy;
}

/* The <alias> elements of our own fonts.conf: the first <family> is the
 * name, every later <family> (in <prefer>, <accept> or <default>) a family
 * it stands for. Fontconfig keeps no record of which file an alias came
 * from, so we read the file ourselves; it is ours, written without entities
 * or CDATA, and Fontconfig has already checked that it is well formed. */
static void read_aliases(text_engine *te, const char *conf)
{
    size_t len;
    char *xml = file_read_all(conf, &len);
    if (!xml)
        return;
    blank_comments(xml);
    const char *p = xml;
    while ((p = strstr(p, "<alias"))) {
        const char *end = strstr(p, "</alias>");
        if (!end)
            break;
        char *name = NULL;
        const char *q = p;
        while ((q = strstr(q, "<family>")) && q < end) {
            q += strlen("<family>");
            const char *close = strstr(q, "</family>");
            if (!close || close > end)
                break;
            char *text = trimmed_copy(q, close);
            if (!name) {
                name = text;
            } else {
                font_alias al = {dup_string(name), text};
                VEC_PUSH(&te->aliases, al);
            }
            q = close + strlen("</family>");
        }
        free(name);
        p = end + strlen("</alias>");
    }
    free(xml);
}

/* fonts_dir joins the application fonts, and its fonts.conf (the generic
 * Chinese names → installed families) is read on top of the system set-up.
 * Fontconfig reads a relative config path against its own folders, not the
 * working directory, so the folder is made absolute first. */
static bool add_fonts_dir(text_engine *te, const char *fonts_dir, diag_list *diags)
{
    char *dir = absolute_path(fonts_dir);
    if (!dir || !FcConfigAppFontAddDir(te->config, (const FcChar8 *)dir)) {
        diag_add(diags, DIAG_WARNING, NULL, 0, 0, "cannot add font folder '%s'", fonts_dir);
        free(dir);
        return true; /* the installed fonts may still do */
    }
    size_t n = strlen(dir) + sizeof "/fonts.conf";
    char *conf = xmalloc(n);
    snprintf(conf, n, "%s/fonts.conf", dir);
    bool ok = true;
    if (file_exists(conf)) {
        if (FcConfigParseAndLoad(te->config, (const FcChar8 *)conf, FcTrue))
            read_aliases(te, conf);
        else {
            diag_add(diags, DIAG_ERROR, conf, 0, 0, "Fontconfig cannot read this file");
            ok = false;
        }
    }
    free(conf);
    free(dir);
    return ok;
}

text_engine *text_engine_new(const char *fonts_dir, diag_list *diags)
{
    /* Loading the configuration and the font caches is the expensive part
     * (several ms): done once per engine, never per lookup. */
    FcConfig *config = FcInitLoadConfigAndFonts();
    if (!config) {
        diag_add(diags, DIAG_ERROR, NULL, 0, 0, "Fontconfig cannot start");
        return NULL;
    }
    text_engine *te = xcalloc(1, sizeof *te);
    te->config = config;
    if (fonts_dir && !add_fonts_dir(te, fonts_dir, diags)) {
        text_engine_free(te);
        return NULL;
    }
    return te;
}

void text_engine_free(text_engine *te)
{
    if (!te)
        return;
    for (text_font *f = te->fonts, *next; f; f = next) {
        next = f->next;
        font_free(f);
    }
    if (te->fallback)
        FcFontSetDestroy(te->fallback);
    free(te->choices.items);
    free(te->warned.items);
    for (size_t i = 0; i < te->aliases.count; i++) {
        free(te->aliases.items[i].name);
        free(te->aliases.items[i].target);
    }
    free(te->aliases.items);
    text_close_breaker(&te->breaker);
    FcConfigDestroy(te->config);
    free(te);
}

/* ---- fonts by role ---- */

/* "Family" or "Family:fontconfig properties" (e.g. "Noto Sans CJK SC:bold").
 * The family part is taken literally — FcNameParse would read the '-' of
 * "宋体-简" as a size — and only the part after ':' is parsed. NULL when
 * that part is not a valid Fontconfig pattern. */
static FcPattern *pattern_for_family(const char *spec, char **family)
{
    const char *colon = strchr(spec, ':');
    size_t flen = colon ? (size_t)(colon - spec) : strlen(spec);
    *family = xmalloc(flen + 1);
    memcpy(*family, spec, flen);
    (*family)[flen] = '\0';
    FcPattern *pat = colon ? FcNameParse((const FcChar8 *)colon) : FcPatternCreate();
    if (!pat)
        return NULL;
    FcPatternDel(pat, FC_FAMILY);
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)*family);
    return pat;
}

static bool pattern_has_family(FcPattern *pat, const char *family)
{
    FcChar8 *s;
    for (int i = 0; FcPatternGetString(pat, FC_FAMILY, i, &s) == FcResultMatch; i++) {
        if (FcStrCmpIgnoreCase(s, (const FcChar8 *)family) == 0)
            return true;
    }
    return false;
}

/* Whether fonts.conf maps `family` to one of the match's families. */
static bool alias_maps_to(const text_engine *te, const char *family, FcPattern *match)
{
    for (size_t i = 0; i < te->aliases.count; i++) {
        const font_alias *al = &te->aliases.items[i];
        if (FcStrCmpIgnoreCase((const FcChar8 *)al->name, (const FcChar8 *)family) == 0 &&
            pattern_has_family(match, al->target))
            return true;
    }
    return false;
}

/* The installed font for one family spec, NULL when not installed. */
static text_font *try_family(text_engine *te, const char *spec)
{
    char *family = NULL;
    FcPattern *pat = pattern_for_family(spec, &family);
    text_font *font = NULL;
    if (pat) {
        FcPatternAddString(pat, FC_LANG, (const FcChar8 *)"zh-cn");
        FcConfigSubstitute(te->config, pat, FcMatchPattern);
        FcDefaultSubstitute(pat); /* weight Regular unless the spec says otherwise */
        FcResult res;
        FcPattern *match = FcFontMatch(te->config, pat, &res);
        if (match && (pattern_has_family(match, family) || alias_maps_to(te, family, match)))
            font = font_from_pattern(te, match);
        if (match)
            FcPatternDestroy(match);
        FcPatternDestroy(pat);
    }
    free(family);
    return font;
}

/* "'A'" or "'A', 'B'" into buf. */
static void quote_list(char *buf, size_t size, const char *const *names, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < size; i++) {
        int w = snprintf(buf + used, size - used, "%s'%s'", i ? ", " : "", names[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

text_font *text_font_for_role(text_engine *te, const char *role, const char *const *families,
                              size_t nfamilies, const char *file, int line, int col,
                              diag_list *diags)
{
    char names[1024];
    for (size_t i = 0; i < nfamilies; i++) {
        text_font *font = try_family(te, families[i]);
        if (!font)
            continue;
        if (i > 0) {
            /* Name the font behind an alias or a pattern ("宋体", "…:bold"). */
            bool same = FcStrCmpIgnoreCase((const FcChar8 *)families[i],
                                           (const FcChar8 *)font->family) == 0;
            quote_list(names, sizeof names, families, i);
            diag_add(diags, DIAG_WARNING, file, line, col,
                     "font role '%s': %s %s not installed; using '%s'%s%s%s", role, names,
                     i == 1 ? "is" : "are", families[i], same ? "" : " (", same ? "" : font->family,
                     same ? "" : ")");
        }
        return font;
    }
    quote_list(names, sizeof names, families, nfamilies);
    if (nfamilies == 0)
        diag_add(diags, DIAG_ERROR, file, line, col, "font role '%s': no font family given", role);
    else
        diag_add(diags, DIAG_ERROR, file, line, col, "font role '%s': none of %s is installed",
                 role, names);
    return NULL;
}

/* ---- per-character fallback ---- */

bool text_font_has_char(const text_font *f, uint32_t cp)
{
    return f && hb_set_has(f->coverage, cp);
}

/* Fontconfig's list of every font sorted for Chinese text, built on first
 * need and kept: sorting all fonts costs milliseconds. */
static FcFontSet *fallback_list(text_engine *te)
{
    if (te->fallback)
        return te->fallback;
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_LANG, (const FcChar8 *)"zh-cn");
    FcConfigSubstitute(te->config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    /* Trimmed: a font that adds no character to those before it can never
     * be the first to have one. */
    te->fallback = FcFontSort(te->config, pat, FcTrue, NULL, &res);
    FcPatternDestroy(pat);
    return te->fallback;
}

static text_font *find_fallback(text_engine *te, uint32_t cp)
{
    FcFontSet *set = fallback_list(te);
    for (int i = 0; set && i < set->nfont; i++) {
        FcCharSet *cs = NULL;
        if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) != FcResultMatch ||
            !FcCharSetHasChar(cs, cp))
            continue;
        text_font *f = font_from_pattern(te, set->fonts[i]);
        /* Fontconfig's charset can differ from the cmap; trust the cmap. */
        if (f && text_font_has_char(f, cp))
            return f;
    }
    return NULL;
}

static void warn_fallback(text_engine *te, const text_font *preferred, text_font *used, uint32_t cp,
                          const text_origin *origin, size_t char_index, diag_list *diags)
{
    for (size_t i = 0; i < te->warned.count; i++) {
        if (te->warned.items[i].cp == cp && te->warned.items[i].font == used)
            return;
    }
    warned_pair w = {cp, used};
    VEC_PUSH(&te->warned, w);
    char glyph[5] = {0};
    utf8_encode(cp, glyph);
    const char *file = origin ? origin->file : NULL;
    int line = origin ? origin->line : 0;
    int col = origin ? origin->col : 0;
    if (origin && origin->exact_cols)
        col += (int)char_index;
    diag_add(diags, DIAG_WARNING, file, line, col, "U+%04X '%s' is not in '%s'; using '%s'",
             (unsigned)cp, glyph, preferred ? preferred->family : "(no font)", used->family);
}

text_font *text_font_for_char(text_engine *te, text_font *preferred, uint32_t cp,
                              const text_origin *origin, size_t char_index, diag_list *diags)
{
    if (text_font_has_char(preferred, cp))
        return preferred;
    text_font *used = NULL;
    bool known = false;
    for (size_t i = 0; i < te->choices.count; i++) {
        if (te->choices.items[i].cp == cp && te->choices.items[i].preferred == preferred) {
            used = te->choices.items[i].font;
            known = true;
            break;
        }
    }
    if (!known) {
        used = find_fallback(te, cp);
        char_choice c = {cp, preferred, used};
        VEC_PUSH(&te->choices, c);
    }
    if (used)
        warn_fallback(te, preferred, used, cp, origin, char_index, diags);
    return used;
}

/* ---- half widths ---- */

static const halt_mark *find_halt_mark(uint32_t cp, size_t *slot)
{
    for (size_t i = 0; i < NHALT_MARKS; i++) {
        if (HALT_MARKS[i].cp == cp) {
            *slot = i;
            return &HALT_MARKS[i];
        }
    }
    return NULL;
}

/* Shape cp alone, with `halt` or without (text_shape adds `fwid` for ·). */
static bool shape_one(const text_font *f, uint32_t cp, bool halt, shaped_glyph *out)
{
    char buf[4];
    size_t n = utf8_encode(cp, buf);
    hb_feature_t feature = {HB_TAG('h', 'a', 'l', 't'), 1, 0, (unsigned)-1};
    shaped_glyph *g = NULL;
    size_t count = text_shape(f, buf, n, 0, n, &feature, halt ? 1 : 0, &g);
    bool ok = count == 1;
    if (ok)
        *out = g[0];
    free(g);
    return ok;
}

/* The §3.1 blank-half table, for fonts without `halt`: only a glyph that
 * really is full width (or, for ·, about 1 em) has a blank half to lose. */
static bool halt_from_table(const text_font *f, const halt_mark *mark, int advance,
                            int *advance_delta, int *offset_delta)
{
    int upem = (int)f->info.units_per_em;
    if (advance < upem * 9 / 10)
        return false;
    *advance_delta = -upem / 2;
    switch (mark->blank) {
    case BLANK_RIGHT:
        *offset_delta = 0;
        break;
    case BLANK_LEFT:
        *offset_delta = -upem / 2;
        break;
    case BLANK_BOTH:
        *offset_delta = -upem / 4;
        break;
    }
    return true;
}

static void compute_halt(const text_font *f, const halt_mark *mark, halt_entry *e)
{
    shaped_glyph plain, half;
    e->computed = true;
    e->ok = false;
    if (!text_font_has_char(f, mark->cp) || !shape_one(f, mark->cp, false, &plain) ||
        !shape_one(f, mark->cp, true, &half))
        return;
    int da = half.x_advance - plain.x_advance;
    int doff = half.x_offset - plain.x_offset;
    if (da < 0) {
        e->ok = true;
        e->advance_delta = da;
        e->offset_delta = doff;
        return;
    }
    e->ok = halt_from_table(f, mark, plain.x_advance, &e->advance_delta, &e->offset_delta);
}

bool text_font_halt(const text_font *f, uint32_t cp, int *advance_delta, int *offset_delta)
{
    size_t slot;
    const halt_mark *mark = find_halt_mark(cp, &slot);
    if (!mark || !f)
        return false;
    halt_entry *e = &f->halt_cache[slot];
    if (!e->computed)
        compute_halt(f, mark, e);
    if (!e->ok)
        return false;
    *advance_delta = e->advance_delta;
    *offset_delta = e->offset_delta;
    return true;
}

/* ---- accessors ---- */

const text_font_info *text_font_get_info(const text_font *f)
{
    return &f->info;
}

hb_face_t *text_font_get_face(const text_font *f)
{
    return f->face;
}

hb_font_t *text_font_get_hb_font(const text_font *f)
{
    return f->font;
}

int text_font_glyph_advance(const text_font *f, uint32_t gid)
{
    return hb_font_get_glyph_h_advance(f->font, gid);
}
