/* report.h — the document model of format version 1 and its loader.
 *
 * report_load() reads a YAML or JSON report into a generic tree (kind, text
 * as written, children, line, column), validates that tree once against
 * docs/format.md, and builds the typed document below. The report stage
 * knows nothing of fonts or pages.
 *
 * The generic tree is public too: the style stage reads layout files with it. */
#ifndef BRIEFC_REPORT_H
#define BRIEFC_REPORT_H

#include "../base/base.h"

/* ================= the generic tree (YAML and JSON alike) ================= */

typedef enum { REPORT_NODE_SCALAR, REPORT_NODE_SEQUENCE, REPORT_NODE_MAPPING } report_node_kind;

typedef struct report_node report_node;
typedef struct report_pair {
    report_node *key; /* always a scalar */
    report_node *value;
} report_pair;

struct report_node {
    report_node_kind kind;
    int line, col; /* 1-based, counted in characters */
    /* REPORT_NODE_SCALAR: the text as written (escapes resolved), NUL-terminated. */
    const char *text;
    size_t len;
    bool quoted; /* YAML quoted/block scalar or JSON string: never a number, bool or null */
    /* Column of text[0] when the text is its single-line source verbatim (no
     * escapes, no folding): text[k] sits at (line, text_col + characters
     * before k). 0 when that does not hold. */
    int text_col;
    /* REPORT_NODE_SEQUENCE */
    report_node **items;
    size_t count;
    /* REPORT_NODE_MAPPING: pairs in source order; duplicate keys are reported by the loader */
    report_pair *pairs;
    size_t npairs;
};

/* Load path as JSON when its name ends in ".json", else as YAML; a UTF-8
 * byte order mark at the start is skipped (columns count from after it).
 * Syntax errors, duplicate keys, invalid UTF-8, NUL and control characters
 * in scalars (all but tab and line feed below U+0020, and DEL), nesting
 * deeper than 512 levels and alias bombs go to diags with positions.
 * Returns the root (NULL on a syntax error). Nodes live in a. An empty
 * document (nothing but whitespace or comments) returns NULL with no
 * diagnostic: the caller says what it expected. Duplicate keys and
 * forbidden characters are errors but the root is still returned (the
 * first value comes first in pairs). Aliases share nodes: the tree may be
 * a DAG, never a cycle, and is no deeper than 512 levels even through
 * aliases. */
report_node *report_tree_load_file(const char *path, arena *a, diag_list *diags);
/* The same from a buffer; name is used in diagnostics and to pick JSON. */
report_node *report_tree_load_buffer(const char *name, const char *buf, size_t len, arena *a,
                                     diag_list *diags);
/* Value of key in a mapping, or NULL. */
report_node *report_node_get(const report_node *map, const char *key);

/* =========================== the document model =========================== */

/* A piece of author text. s == NULL means "absent". */
typedef struct report_text {
    const char *s; /* UTF-8, NUL-terminated, as written */
    size_t len;
    int line, col; /* where the scalar starts */
    /* true when s[k] sits on `line` at col + (characters before k): a plain
     * or quoted single-line scalar without escapes. Lets later stages point
     * at the exact column of a character. */
    bool exact_cols;
} report_text;

/* A number as written ("957.1", "73.30") and its value. */
typedef struct report_number {
    const char *text; /* NULL when absent */
    double value;
    int line, col;
} report_number;

typedef struct report_date {
    int year, month, day; /* all 0 when absent */
    int line, col;
} report_date;

/* Strong (**…**) range in a paragraph's text, in bytes, markers removed. */
typedef struct report_span {
    size_t start, end;
} report_span;

typedef struct report_para {
    report_text text; /* markers removed; positions refer to the source scalar */
    report_span *strong;
    size_t nstrong;
} report_para;

typedef struct report_cell {
    bool is_progress;       /* {progress: N} */
    report_text text;       /* when !is_progress */
    report_number progress; /* when is_progress */
} report_cell;

typedef struct report_table {
    report_text caption; /* optional */
    report_text *columns;
    size_t ncolumns;
    report_number *widths; /* NULL or ncolumns entries */
    report_cell **rows;    /* rows[r][c], c < ncolumns */
    size_t nrows;
    report_text note; /* optional */
} report_table;

typedef struct report_task {
    report_text name;
    report_number target;
    report_number done;     /* done.text == NULL: not reported */
    report_text unit;       /* optional */
    report_date start, due; /* defaults filled in: 1 Jan / 31 Dec of meta.date's year */
    bool estimated;
    report_text note; /* optional */
    int line, col;
} report_task;

typedef enum {
    REPORT_BLOCK_PARAGRAPH,
    REPORT_BLOCK_TABLE,
    REPORT_BLOCK_TASKS,
    REPORT_BLOCK_SUMMARY
} report_block_kind;

typedef struct report_block {
    report_block_kind kind;
    int line, col;
    report_para para;   /* REPORT_BLOCK_PARAGRAPH */
    report_table table; /* REPORT_BLOCK_TABLE */
    report_task *tasks; /* REPORT_BLOCK_TASKS */
    size_t ntasks;
    report_text summary; /* REPORT_BLOCK_SUMMARY: its caption */
} report_block;

typedef struct report_section report_section;
struct report_section {
    report_text title;
    report_block *blocks;
    size_t nblocks;
    report_section *sections; /* nested */
    size_t nsections;
    int line, col;
};

typedef struct report_meta {
    report_text title, short_title, subtitle, organization;
    report_date date;
    report_number version; /* default "1" */
    report_text id, classification, copy, editor, subject;
    report_text *keywords;
    size_t nkeywords;
    report_text layout;
    report_text lang; /* the document's language, a BCP 47 tag; absent: zh-CN */
} report_meta;

/* A list of texts (addressees, attachments, distribution …). */
typedef struct report_text_list {
    report_text *items;
    size_t count;
} report_text_list;

typedef enum {
    REPORT_OFFICIAL_NONE,     /* the report has no `official` mapping */
    REPORT_OFFICIAL_NOTICE,   /* a 公文 as GB/T 9704-2012 lays it out */
    REPORT_OFFICIAL_BRIEFING, /* a 简报 with its red masthead */
} report_official_kind;

/* The optional `official` mapping (docs/format.md, "Official documents"):
 * the elements of a 公文 or a 简报. Every text may be absent (s == NULL)
 * except issuer_mark when kind is not NONE; dates are absent when their
 * year is 0. Defaults are filled in: signature from meta.organization,
 * sign_date from meta.date. Layouts that do not print these ignore them. */
typedef struct report_official {
    report_official_kind kind;
    int line, col;            /* the `official` key */
    report_text issuer_mark;  /* 发文机关标志 / the 简报's name */
    report_text number;       /* 发文字号, or the issue (第12期) */
    report_text signer;       /* 签发人 */
    report_text secrecy;      /* 秘密 | 机密 | 绝密 */
    report_text secrecy_term; /* 保密期限; only with secrecy */
    report_text urgency;      /* 特急 | 加急 */
    report_text_list addressee, attachments;
    report_text signature; /* 发文机关署名 */
    report_date sign_date; /* 成文日期 */
    report_text remark;    /* 附注 */
    report_text_list cc;   /* 抄送 */
    report_text printer;   /* 印发机关 */
    report_date print_date;
    report_text compiler;                          /* briefing: the compiling office */
    report_text_list report_to, send_to, issue_to; /* briefing: 报 送 发 */
    report_number copies_printed;                  /* briefing: 共印N份 */
} report_official;

typedef struct report {
    const char *path;
    report_meta meta;
    report_official official;
    report_section *sections;
    size_t nsections;
    report_para *closing;
    size_t nclosing;
    arena *arena; /* owns everything above */
} report;

/* Load and validate a report. Every error of the file goes to diags (with
 * warnings such as ASCII punctuation inside Chinese text). Returns NULL when
 * there was any error. */
report *report_load(const char *path, diag_list *diags);
void report_free(report *r);

/* Source position of byte offset `at` of a text (exact when t->exact_cols,
 * else the scalar's start). */
void report_text_position(const report_text *t, size_t at, int *line, int *col);

/* =============================== progress =============================== */
/* The numbers behind progress bars (docs/format.md, "Numbers shown in the
 * booklet"), computed from exact values; only labels are rounded. */

typedef enum {
    REPORT_TASK_DONE,
    REPORT_TASK_ON_TRACK,
    REPORT_TASK_BEHIND,
    REPORT_TASK_NOT_REPORTED
} report_status;

/* done / target, exact (may exceed 1). -1 when the task is not reported
 * (done absent): callers show 未报告, never 0%. */
double report_task_completion(const report_task *t);

/* Time progress on day d of a task running from start to due, both days
 * counted: (d - start + 1) / (due - start + 1), clamped to [0, 1] (before
 * start 0, after due 1; due == start is one day long). */
double report_time_progress(report_date start, report_date due, report_date d);

/* Done when completion >= 1; else on track when completion >= time progress
 * on d; else behind; not reported when done is absent. Estimated figures
 * count as reported. */
report_status report_task_status(const report_task *t, report_date d);

/* A fraction as a percentage with one decimal, rounded half up from the
 * decimal value the double stands for: 0.67 -> "67.0%", 1.158 -> "115.8%",
 * 0.0625 -> "6.3%". For a {progress: N} cell pass N / 100. Any finite value
 * is written in full (1e30 -> 33 digits); "?%" only for one that is not
 * finite, which the validator's number range rules out. buf is always
 * NUL-terminated (size > 0). */
void report_format_percent(double fraction, char *buf, size_t size);

/* A work area: a section with at least one tasks block. Tasks of all its
 * tasks blocks count; tasks of subsections are their own areas. */
typedef struct report_area {
    const report_section *section;
    size_t ntasks, nreported, ndone, non_track, nbehind, nnot_reported;
    /* Means over the same tasks, so that they compare: the reported ones
     * (time_progress: over all tasks when none is reported). */
    double progress;      /* mean completion, each capped at 1; -1 when none is reported */
    double time_progress; /* mean time progress on the report date */
} report_area;

/* Fill out for section s on day d; false (out untouched) when s has no
 * tasks block. */
bool report_section_area(const report_section *s, report_date d, report_area *out);

#endif
