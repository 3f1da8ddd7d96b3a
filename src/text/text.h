/* text.h — the text engine: fonts by Fontconfig family lists with
 * per-character fallback, shaping with HarfBuzz, break opportunities from
 * ICU tailored to clreq's GB-style rules, and whole-paragraph (Knuth–Plass)
 * line breaking with Chinese punctuation compression and CJK–Latin spacing.
 *
 * Text in, positioned glyph lines out. The engine knows nothing of reports,
 * pages or PDF; of the style stage it takes only the alignment enum. All
 * lengths are in points. */
#ifndef BRIEFC_TEXT_H
#define BRIEFC_TEXT_H

#include "../base/base.h"
#include "../style/style.h" /* style_align */

/* HarfBuzz's face type, named without its headers: only the text stage and
 * the PDF writer (which subsets the font) look inside it. */
typedef struct hb_face_t hb_face_t;

typedef struct text_engine text_engine;
typedef struct text_font text_font; /* owned by the engine; lives until text_engine_free */

/* Where a piece of text came from, so that a character no font covers can be
 * reported at its place: column = col + (characters before it) when
 * exact_cols, else col. file may be NULL. */
typedef struct text_origin {
    const char *file;
    int line, col;
    bool exact_cols;
} text_origin;

/* ---- engine and fonts ---- */

/* Start Fontconfig with fonts_dir (may be NULL) added as an application font
 * folder and fonts_dir/fonts.conf (if present) parsed. NULL and an error in
 * diags when Fontconfig cannot start. */
text_engine *text_engine_new(const char *fonts_dir, diag_list *diags);
void text_engine_free(text_engine *te);

/* Load Fontconfig's configuration and caches now, for the next
 * text_engine_new to take: a process about to fork builds calls it once,
 * so that no child loads them again. The engine made from it is the same
 * as one made without it. false when Fontconfig cannot start (the engine
 * will then say so). text_preload_drop frees one not taken. */
bool text_preload(void);
void text_preload_drop(void);

/* The first installed family of a role's list. A family counts as installed
 * when the match's family equals it (or a family fonts.conf maps it to).
 * Warns when that is not the first; an error naming every family when none is
 * installed (NULL). role/file/line/col are for the diagnostic. */
text_font *text_font_for_role(text_engine *te, const char *role, const char *const *families,
                              size_t nfamilies, const char *file, int line, int col,
                              diag_list *diags);

/* What the PDF stage needs to embed a font. */
typedef struct text_font_info {
    const char *family;          /* as Fontconfig names it, e.g. "Noto Serif CJK SC" */
    const char *postscript_name; /* e.g. "NotoSerifCJKsc-Regular" */
    const char *path;
    unsigned index; /* face index in a collection */
    bool cff;       /* CFF outlines (a CID-keyed 'CFF ' table), else TrueType */
    unsigned units_per_em;
    int ascender, descender, cap_height; /* font units */
    int bbox[4];                         /* xMin yMin xMax yMax, font units */
    double italic_angle;
    bool serif, fixed_pitch;
} text_font_info;

const text_font_info *text_font_get_info(const text_font *f);
/* The HarfBuzz face (for hb-subset). Owned by the font. */
hb_face_t *text_font_get_face(const text_font *f);
/* Advance of glyph gid in font units (for the PDF /W array). */
int text_font_glyph_advance(const text_font *f, uint32_t gid);
/* The same in points at size pt: the font's own advance, before any GPOS
 * adjustment, compression or spacing. */
double text_font_advance_at(const text_font *f, uint32_t gid, double size);

/* ---- setting text ---- */

typedef struct text_style {
    text_font *font;        /* regular text */
    text_font *strong_font; /* **strong** spans; NULL: same as font */
    double size;            /* pt */
    double indent;          /* first-line indent, pt */
    style_align align;      /* last line of a justified paragraph is flush left */
    /* No punctuation compression: every full-width mark keeps its whole
     * width, adjacent marks and at the end of a line too. */
    bool keep_punct_width;
    /* > 0: a character grid (GB/T 9704's 28 a line). Every CJK character,
     * punctuation included, takes exactly this width (a wide one a whole
     * number of cells), its glyph centred in the cell; no compression, and
     * no 孤字 rule (a strict grid keeps every line full). pt. */
    double cell;
    /* Break only between words (ICU's Chinese word boundaries) unless there
     * is no other way: titles, broken "at word boundaries". */
    bool word_breaks;
} text_style;

/* What a span of text carries: the strong font, or a decoration drawn with
 * the text (a 修订对照 underlines insertions and strikes deletions through).
 * A decoration never changes how the text is shaped, broken or set. */
typedef enum { TEXT_SPAN_STRONG, TEXT_SPAN_UNDERLINE, TEXT_SPAN_STRIKE } text_span_kind;

/* A byte range of the text and what it carries. */
typedef struct text_span {
    size_t start, end;
    text_span_kind kind;
} text_span;

/* A decorated stretch of a set line: the ink of the clusters of one
 * decoration span that stand next to each other on the line, from x0 to x1
 * (pt, from the line's origin), in text of `size` pt. Layout draws it. */
typedef struct text_decoration {
    text_span_kind kind; /* TEXT_SPAN_UNDERLINE or TEXT_SPAN_STRIKE */
    double x0, x1;
    double size;
} text_decoration;

/* Every glyph of a document lives until its pages are written (a 3,000-page
 * report holds three million of them), so a glyph is 16 bytes: lengths are
 * floats (relative to a line, in points, they keep a ten-thousandth of a
 * point, below what the PDF is written to), ids and cluster lengths 16 bits
 * (OpenType has no glyph 65536; a longer cluster marks its run with
 * ActualText, see paragraph.c). A glyph's own advance is its font's:
 * text_font_advance_at. */
typedef struct text_glyph {
    float x, y;          /* pen position relative to the line's origin (left edge,
                            baseline); y grows downwards */
    uint32_t text_start; /* the glyph's cluster in the paragraph text (bytes) */
    uint16_t gid;        /* glyph id in the run's font (original font, not a subset) */
    uint16_t text_len;   /* 0 for the second and later glyphs of one cluster */
} text_glyph;

/* Glyphs of one font and size, in visual order. */
typedef struct text_run {
    text_font *font;
    double size;
    bool strong;
    text_glyph *glyphs;
    size_t nglyphs;
    /* When set, the run must be marked as one span whose /ActualText is
     * text[text_start, text_end): used at CJK–Latin junctions and wide
     * justification gaps, so that extractors return the exact text and never
     * a space that is not in the source. */
    bool actual_text;
    size_t text_start, text_end;
} text_run;

typedef struct text_line {
    text_run *runs;
    size_t nruns;
    double width;                 /* extent of the set line from its origin, pt */
    double ascent, descent;       /* of the largest font on the line, pt (descent > 0) */
    size_t text_start, text_end;  /* bytes of the paragraph text on this line */
    text_decoration *decorations; /* in the order they start; NULL when none */
    size_t ndecorations;
} text_line;

typedef struct text_para {
    const char *text; /* the text set (not copied: the caller's) */
    size_t len;
    text_line *lines;
    size_t nlines;
} text_para;

/* Tab and line feed (the control characters a report may hold) are set,
 * never looked up in a font or drawn, and given back to extractors as
 * ActualText with the glyphs around them (a run with actual_text):
 * - a tab is a word space, as wide as U+0020 and set like it;
 * - a line feed ending the text ends its last line and adds nothing (what
 *   YAML's `|` appends: such a text sets exactly as without it).
 * What any other line feed does depends on the function, below. */

/* Break text into lines of `measure` points and set them: glyph positions
 * include alignment, indent, punctuation compression and justification.
 * A line feed is a forced line break (Shift+Enter): the line before it is
 * set as a paragraph's last line (flush left, natural spacing, a final mark
 * at half width) and the text goes on at the start of the next line, without
 * the indent; two line feeds make an empty line (no runs, width 0, its
 * text_start = text_end at the second line feed), taking one line's height.
 * spans (any order, may overlap) set text strong and decorate it; each line
 * lists where its decorated text stands (text_line.decorations).
 * A character no installed font has is an error at its place (the glyph is
 * still set as .notdef, so layout can go on and report every one); a
 * fallback font is a warning. A line broken by force (no opportunity) is a
 * warning. Lives in arena a. */
text_para *text_set_paragraph(text_engine *te, arena *a, const char *text, size_t len,
                              const text_span *spans, size_t nspans, const text_style *st,
                              double measure, const text_origin *origin, diag_list *diags);

/* One line, never broken, flush left at natural width (headers, numbers,
 * contents entries, table cells that fit). A line feed cannot break it: it
 * is a blank, as wide as a space, except between two CJK characters, where
 * it takes no room (as CSS Text 3 treats a segment break): a title written
 * on two lines for the cover reads on in the running header. */
text_line *text_set_line(text_engine *te, arena *a, const char *text, size_t len,
                         const text_style *st, const text_origin *origin, diag_list *diags);

/* The widths text needs in style st: `natural`, set on one line (on one
 * line between line feeds: the widest of text_set_paragraph's forced
 * lines), and `minimum`, the widest piece between two break opportunities
 * — the least a table column can give it. Characters no font has are
 * reported when the text is set, not here. */
void text_measure(text_engine *te, const char *text, size_t len, const text_style *st,
                  double *minimum, double *natural);

#endif
