/* fonts.c — the engine's Fontconfig set-up, the cache of loaded fonts, role
 * resolution (first installed family of a list) and per-character fallback.
 * One font's loading and facts are in font.c, half widths in halt.c. */
#include "font_internal.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* What Fontconfig answered for a family spec (NULL font: not installed).
 * Layouts name the same families in several roles; a match costs about as
 * much as shaping a page. */
typedef struct family_answer {
    char *spec;
    text_font *font;
} family_answer;

struct text_engine {
    FcConfig *config;
    text_font *fonts;    /* loaded fonts, keyed by (path, index) */
    FcFontSet *fallback; /* Fontconfig's sorted list for zh-cn; NULL until needed */
    VEC(char_choice) choices;
    VEC(warned_pair) warned;
    VEC(font_alias) aliases;
    VEC(family_answer) families; /* each family spec looked up once */
    UBreakIterator *breaker;     /* ICU's line breaker, opened on first use */
};

UBreakIterator **text_engine_breaker(text_engine *te)
{
    return &te->breaker;
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
        return text_strdup(path);
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
    char *xml = base_read_file(conf, &len);
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
                font_alias al = {text_strdup(name), text};
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

/* A configuration loaded ahead by text_preload, waiting for the next engine.
 * Process-wide on purpose: a batch loads it once in its parent, and every
 * child it forks finds it already there. */
static FcConfig *preloaded;

bool text_preload(void)
{
    if (!preloaded)
        preloaded = FcInitLoadConfigAndFonts();
    return preloaded != NULL;
}

void text_preload_drop(void)
{
    if (preloaded)
        FcConfigDestroy(preloaded);
    preloaded = NULL;
}

text_engine *text_engine_new(const char *fonts_dir, diag_list *diags)
{
    /* Loading the configuration and the font caches is the expensive part
     * (about 9 ms, most of it parsing conf.d): done once per engine, never
     * per lookup, and ahead of time when text_preload was called. */
    FcConfig *config = preloaded ? preloaded : FcInitLoadConfigAndFonts();
    preloaded = NULL;
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
        text_font_free(f);
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
    for (size_t i = 0; i < te->families.count; i++)
        free(te->families.items[i].spec);
    free(te->families.items);
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

static double pattern_number(FcPattern *pat, const char *object, double otherwise);

/* Outlines HarfBuzz shapes and hb-subset embeds: TrueType and CFF. */
static bool usable_format(FcPattern *pat)
{
    FcChar8 *format = NULL;
    if (FcPatternGetString(pat, FC_FONTFORMAT, 0, &format) != FcResultMatch)
        return false;
    return strcmp((const char *)format, "TrueType") == 0 ||
           strcmp((const char *)format, "CFF") == 0;
}

/* Whether face a sorts before face b by file path, then index. */
static bool face_before(FcPattern *a, FcPattern *b)
{
    FcChar8 *fa = NULL, *fb = NULL;
    FcPatternGetString(a, FC_FILE, 0, &fa);
    FcPatternGetString(b, FC_FILE, 0, &fb);
    int c = strcmp(fa ? (const char *)fa : "", fb ? (const char *)fb : "");
    if (c)
        return c < 0;
    return pattern_number(a, FC_INDEX, 0) < pattern_number(b, FC_INDEX, 0);
}

static double pattern_number(FcPattern *pat, const char *object, double otherwise)
{
    double d;
    int i;
    if (FcPatternGetDouble(pat, object, 0, &d) == FcResultMatch)
        return d;
    if (FcPatternGetInteger(pat, object, 0, &i) == FcResultMatch)
        return i;
    return otherwise;
}

/* The face of `family` closest to what `wanted` asks (weight, slant, width;
 * Regular upright normal when it says nothing), or NULL when no installed
 * font has that family. A listing of the family rather than FcFontMatch: a
 * match runs every substitution rule of the system configuration and scores
 * every installed font — several times the cost — to answer the same
 * question. Ties go to the smaller file path and index, so the answer does
 * not depend on Fontconfig's cache order. */
static FcPattern *closest_face(text_engine *te, const char *family, FcPattern *wanted)
{
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, FC_WIDTH,
                                       FC_FONTFORMAT, (char *)NULL);
    FcFontSet *set = FcFontList(te->config, pat, os);
    FcObjectSetDestroy(os);
    FcPatternDestroy(pat);
    double weight = pattern_number(wanted, FC_WEIGHT, FC_WEIGHT_REGULAR);
    double slant = pattern_number(wanted, FC_SLANT, FC_SLANT_ROMAN);
    double width = pattern_number(wanted, FC_WIDTH, FC_WIDTH_NORMAL);
    FcPattern *best = NULL;
    double best_score = 0;
    for (int i = 0; set && i < set->nfont; i++) {
        FcPattern *f = set->fonts[i];
        if (!usable_format(f)) /* Type 1 and bitmap twins of an OpenType family */
            continue;
        double score = fabs(pattern_number(f, FC_WEIGHT, FC_WEIGHT_REGULAR) - weight) +
                       1000 * (pattern_number(f, FC_SLANT, FC_SLANT_ROMAN) != slant) +
                       fabs(pattern_number(f, FC_WIDTH, FC_WIDTH_NORMAL) - width);
        if (!best || score < best_score || (score == best_score && face_before(f, best))) {
            best = f;
            best_score = score;
        }
    }
    FcPattern *answer = best ? FcPatternDuplicate(best) : NULL;
    if (set)
        FcFontSetDestroy(set);
    return answer;
}

/* The installed font for one family spec, NULL when not installed: the
 * family itself, or what fonts.conf maps the name to (宋体 → Noto Serif CJK SC). */
static text_font *match_family(text_engine *te, const char *spec)
{
    char *family = NULL;
    FcPattern *wanted = pattern_for_family(spec, &family);
    FcPattern *face = wanted ? closest_face(te, family, wanted) : NULL;
    for (size_t i = 0; wanted && !face && i < te->aliases.count; i++) {
        const font_alias *al = &te->aliases.items[i];
        if (FcStrCmpIgnoreCase((const FcChar8 *)al->name, (const FcChar8 *)family) == 0)
            face = closest_face(te, al->target, wanted);
    }
    text_font *font = face ? text_font_from_pattern(&te->fonts, face) : NULL;
    if (face)
        FcPatternDestroy(face);
    if (wanted)
        FcPatternDestroy(wanted);
    free(family);
    return font;
}

static text_font *try_family(text_engine *te, const char *spec)
{
    for (size_t i = 0; i < te->families.count; i++)
        if (strcmp(te->families.items[i].spec, spec) == 0)
            return te->families.items[i].font;
    family_answer answer = {text_strdup(spec), match_family(te, spec)};
    VEC_PUSH(&te->families, answer);
    return answer.font;
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
        text_font *f = text_font_from_pattern(&te->fonts, set->fonts[i]);
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
    const char *want = preferred ? preferred->family : "(no font)";
    /* A control character is named, never quoted: it would act on the terminal. */
    if (utf8_is_control(cp))
        diag_add(diags, DIAG_WARNING, file, line, col,
                 "U+%04X (a control character) is not in '%s'; using '%s'", (unsigned)cp, want,
                 used->family);
    else
        diag_add(diags, DIAG_WARNING, file, line, col, "U+%04X '%s' is not in '%s'; using '%s'",
                 (unsigned)cp, glyph, want, used->family);
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
    if (used && diags)
        warn_fallback(te, preferred, used, cp, origin, char_index, diags);
    return used;
}
