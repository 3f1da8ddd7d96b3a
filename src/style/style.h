/* style.h — layout files: page geometry, fonts by role, text styles,
 * colours, `extends:`. A layout is read with the report stage's tree loader,
 * so its errors carry file:line:col like a report's. All lengths here are in
 * PostScript points (1/72 in); the file may say mm, pt or Chinese 号. */
#ifndef BRIEFC_STYLE_H
#define BRIEFC_STYLE_H

#include "../base/base.h"

typedef struct style_color {
    bool cmyk;  /* false: RGB */
    float v[4]; /* components 0..1: r,g,b or c,m,y,k (floats: every item carries two) */
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

/* How a text style uses the layout's grid (page.grid). */
typedef enum {
    STYLE_GRID_NONE,  /* off the grid: its own leading */
    STYLE_GRID_LINES, /* its lines on the grid's lines: leading = the line pitch */
    STYLE_GRID_CELLS, /* … and every character one cell of the character pitch */
} style_grid_use;

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
    style_grid_use grid;
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
    /* The styles of official documents: optional, each a copy of its
     * parent style (style_text_parent) in what no file of the chain says. */
    STYLE_COPY_NUMBER, /* 份号 */
    STYLE_SECRECY,     /* 密级★保密期限, 紧急程度 */
    STYLE_MASTHEAD,    /* 发文机关标志, the 简报's name */
    STYLE_DOC_NUMBER,  /* 发文字号, 签发人, the 简报's issue and compiler line */
    STYLE_SIGNER,      /* the 签发人's name */
    STYLE_DOC_TITLE,   /* 标题 */
    STYLE_ADDRESSEE,   /* 主送机关 */
    STYLE_ATTACHMENT,  /* 附件说明 */
    STYLE_SIGNATURE,   /* 署名, 成文日期 */
    STYLE_REMARK,      /* 附注 */
    STYLE_IMPRINT,     /* 版记 (抄送, 印发), the 简报's distribution block */
    STYLE_COUNT
} style_text_id;

/* Styles before this one are required in a root layout; the rest are optional. */
#define STYLE_REQUIRED_COUNT STYLE_COPY_NUMBER

/* The style an optional style copies what no file says from (STYLE_COPY_NUMBER
 * → STYLE_BODY …); a required style is its own parent. */
style_text_id style_text_parent(style_text_id id);

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

/* The type area's grid (GB/T 9704 §5.2: 22 lines of 28 characters): lines
 * 0 when the layout has none. The first line's em box starts at the top
 * of the type area and the last one's ends at its foot, so the line pitch
 * is (height − body size) / (lines − 1); a character takes measure / chars. */
typedef struct style_grid {
    int lines, chars;
    double line_pitch; /* pt */
    double cell;       /* pt */
} style_grid;

/* What official elements the layout prints (the report's `official`). */
typedef enum {
    STYLE_OFFICIAL_NONE,     /* none: the report's `official` is ignored */
    STYLE_OFFICIAL_NOTICE,   /* the 公文's 版头, 主体 and 版记 (GB/T 9704-2012) */
    STYLE_OFFICIAL_BRIEFING, /* the 简报's masthead and distribution block */
} style_official_kind;

/* The furniture of official documents; lengths in pt. */
typedef struct style_official {
    style_official_kind kind;
    double masthead_top;    /* from the top of the type area to the masthead's top edge */
    double separator_width; /* the red rule under the 发文字号 (the 简报's rule) */
    double separator_gap;   /* from the foot of the 发文字号 down to that rule */
    style_color separator_color;
    double imprint_thick, imprint_thin; /* rules of the 版记 and distribution block */
    style_color imprint_color;
} style_official;

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
    /* parts of the booklet */
    bool cover, contents, running_head;
    bool footer_to_dash;       /* footer_offset measures to the middle of the dashes of — 1 — */
    bool compress_punctuation; /* adjacent marks and line-end marks take less than a cell */
    style_grid grid;
    style_official official;
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
