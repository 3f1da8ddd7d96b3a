/* style.h — layout files: page geometry, fonts by role, text styles,
 * colours, `extends:`. A layout is read with the report stage's tree loader,
 * so its errors carry file:line:col like a report's. All lengths here are in
 * PostScript points (1/72 in); the file may say mm, pt or Chinese 号. */
#ifndef BRIEFC_STYLE_H
#define BRIEFC_STYLE_H

#include "../base/base.h"

typedef struct style_color {
    bool cmyk;   /* false: RGB */
    double v[4]; /* components 0..1: r,g,b or c,m,y,k */
} style_color;

/* A font role (body, heading, kai, title, number …): Fontconfig family
 * names in order of preference. */
typedef struct style_font_role {
    const char *name;
    const char **families;
    size_t nfamilies;
    int line, col; /* where the role is defined, for diagnostics */
    const char *file;
} style_font_role;

typedef enum {
    STYLE_ALIGN_JUSTIFY,
    STYLE_ALIGN_LEFT,
    STYLE_ALIGN_CENTER,
    STYLE_ALIGN_RIGHT
} style_align;

/* One text style. */
typedef struct style_text {
    const char *font;                 /* role name; must exist in style.roles */
    const char *strong_font;          /* role for **strong** spans; default "heading" */
    double size;                      /* pt */
    double leading;                   /* line pitch, pt */
    double indent;                    /* first-line indent, in em of size */
    double space_before, space_after; /* pt */
    style_align align;
    style_color color;
} style_text;

/* Named text styles every layout has (an `extends` chain fills them all). */
typedef enum {
    STYLE_BODY,      /* paragraphs */
    STYLE_HEADING1,  /* 一、 */
    STYLE_HEADING2,  /* （一） */
    STYLE_HEADING3,  /* 1. */
    STYLE_HEADING4,  /* （1） and deeper */
    STYLE_COVER_ORG, /* issuing body on the cover */
    STYLE_COVER_TITLE,
    STYLE_COVER_SUBTITLE,
    STYLE_COVER_DATE,
    STYLE_COVER_META, /* classification, copy number, id, version */
    STYLE_TOC_TITLE,  /* 目  录 */
    STYLE_TOC_ENTRY1, /* top-level contents entries */
    STYLE_TOC_ENTRY2, /* deeper entries */
    STYLE_HEADER,     /* running header */
    STYLE_FOOTER,     /* page number */
    STYLE_CLOSING,    /* closing paragraphs */
    STYLE_EDITOR,     /* editor line */
    STYLE_CAPTION,    /* table captions */
    STYLE_TABLE,      /* table cells */
    STYLE_NOTE,       /* table notes */
    STYLE_COUNT
} style_text_id;

/* The name of each text style as written in layout files ("body", "heading1" …). */
extern const char *const style_text_names[STYLE_COUNT];

/* Tables (三线表). */
typedef struct style_table {
    double rule_thick;       /* top and bottom rules, pt */
    double rule_thin;        /* rule under the head row, pt */
    double pad_x, pad_y;     /* cell padding, pt */
    const char *number_font; /* role for figures in tables; must exist in roles */
    style_color rule_color;
} style_table;

/* Which fill a progress bar takes. */
typedef enum {
    STYLE_BAR_DONE,         /* 已完成 */
    STYLE_BAR_ON_TRACK,     /* 正常推进 */
    STYLE_BAR_BEHIND,       /* 滞后 */
    STYLE_BAR_NOT_REPORTED, /* 未报告 (no fill is drawn; the colour is for legends and labels) */
    STYLE_BAR_NEUTRAL,      /* {progress: N} cells, which have no status */
    STYLE_BAR_FILL_COUNT
} style_bar_fill;

/* Progress bars in task tables, work-area heads and summaries. */
typedef struct style_bars {
    double height;     /* pt */
    double width;      /* pt: length of a bar */
    double mark_width; /* the time-progress mark, pt */
    style_color track; /* the empty part */
    style_color mark;  /* the time-progress mark */
    style_color fill[STYLE_BAR_FILL_COUNT];
} style_bars;

/* Where a per-page copy mark goes (numbered copies, for leak tracing). */
typedef enum {
    STYLE_COPY_MARK_NONE,
    STYLE_COPY_MARK_FOOTER,
    STYLE_COPY_MARK_HEADER
} style_copy_mark;

/* The `output:` and `print:` sections: what the press needs. */
typedef struct style_print {
    bool cmyk;                 /* output.colors: cmyk — every colour DeviceCMYK, black pure K */
    double bleed;              /* --marks: the bleed box beyond the trim, pt */
    double creep;              /* --impose booklet: shingling per sheet, pt */
    style_copy_mark copy_mark; /* --copies: a small copy number on every page */
} style_print;

typedef struct style {
    const char *name; /* file it was loaded from */
    /* Every file the `extends` chain read, as found: name first, the root
     * last (for `briefc watch`, which rebuilds when one changes). */
    const char *const *files;
    size_t nfiles;
    double page_width, page_height;
    double margin_top, margin_bottom, margin_inner, margin_outer;
    bool mirror_margins;  /* inner/outer swap on even pages */
    double header_offset; /* baseline of the running header above the type area */
    double footer_offset; /* baseline of the page number below the type area */
    double rule_width;    /* running-header rule, 0 = none */
    style_color rule_color;
    style_color accent; /* cover ornaments, heading numbers if wanted */
    style_font_role *roles;
    size_t nroles;
    style_text text[STYLE_COUNT];
    style_table table;
    style_bars bars;
    style_print print;
    style_color paper; /* white, in the output's colour space (what shows the paper) */
    arena *arena;      /* owns everything above */
} style;

/* Load a layout by name (looked up as DIR/NAME.yaml in each of search_dirs,
 * in order) or by path (when it contains '/' or ends in .yaml/.yml/.json,
 * relative to the current directory). `extends:` is resolved the same way,
 * with cycles reported. Errors go to diags with positions; NULL on error. */
style *style_load(const char *name_or_path, const char *const *search_dirs, size_t ndirs,
                  diag_list *diags);
void style_free(style *s);

/* The role called name, or NULL. */
const style_font_role *style_role(const style *s, const char *name);

/* Parse a size: "12", "12pt", "4.2mm", "小四", "三号" → points; false if not one. */
bool style_parse_size(const char *text, double *pt);

#endif
