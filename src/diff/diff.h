/* diff.h — what changed between two versions of a report.
 *
 * diff_reports() compares two validated document models (report_load) and
 * returns a model of the changes, a tree in document order: the meta fields
 * that changed, then the sections that hold a change (added, removed,
 * renamed, or changed inside), each with its changed blocks (paragraphs,
 * tables, summaries), its task changes and its subsections, then the
 * closing paragraphs. Prose is compared as tokens — one per Han character
 * or punctuation mark, one per run of Latin letters and digits as written
 * (21, 99.29%, PM2.5, 2017-08-30) — with Myers' O(ND) difference, so a
 * changed figure is one change; changes one or two tokens apart are merged.
 * Sections are matched by title and position (a rename stays a rename),
 * blocks by their content and then by likeness (an insertion does not shift
 * what follows), tasks by name within their work area.
 *
 * The diff stage knows nothing of fonts, pages or PDF: the command line
 * prints the model as text, the layout stage sets it as a 修订对照 booklet.
 * Strings in the model point into the two reports (which must outlive it)
 * or into its arena. */
#ifndef BRIEFC_DIFF_H
#define BRIEFC_DIFF_H

#include "../base/base.h"
#include "../report/report.h"

/* ---- prose ---- */

typedef enum { DIFF_EQUAL, DIFF_DELETED, DIFF_INSERTED } diff_op;

/* A run of whole tokens: kept (in both texts; s points into the text
 * after), deleted (s points into the text before) or inserted (into the
 * text after). */
typedef struct diff_run {
    diff_op op;
    const char *s;
    size_t len;
    size_t at; /* byte offset of s in its own text */
} diff_run;

/* A text before and after, as runs that read in order: the runs kept and
 * inserted spell the text after, the kept and deleted ones the text before;
 * a deletion comes before the insertion that replaces it. A text absent on
 * one side is empty there (before or after is "", never NULL). */
typedef struct diff_text {
    const char *before, *after;
    size_t before_len, after_len;
    diff_run *runs;
    size_t nruns;
    bool changed;
} diff_text;

/* Compare two texts; the runs are allocated in a. */
void diff_compare_text(arena *a, const char *before, size_t before_len, const char *after,
                       size_t after_len, diff_text *out);

/* ---- the change model ---- */

typedef enum {
    DIFF_CHANGED, /* on both sides, changed */
    DIFF_ADDED,   /* only in the version after */
    DIFF_REMOVED, /* only in the version before */
} diff_status;

typedef enum { DIFF_BLOCK_PARAGRAPH, DIFF_BLOCK_TABLE, DIFF_BLOCK_SUMMARY } diff_block_kind;

/* A table row that changed: its cells compared one by one (as many as the
 * wider side has columns; a cell a side lacks is empty there). */
typedef struct diff_row {
    diff_status status;
    size_t before_index, after_index; /* 0-based; SIZE_MAX on the side it is missing from */
    diff_text *cells;
    size_t ncells;
} diff_row;

typedef struct diff_table {
    diff_text caption, note;
    bool heads_changed;
    diff_text *heads; /* nheads cells, compared like a row */
    size_t nheads;
    diff_row *rows; /* the changed rows only, in the order of the table after */
    size_t nrows;
} diff_table;

/* A block that changed. Paragraphs (of a section or the closing) name their
 * report_para on each side, for its strong spans. */
typedef struct diff_block {
    diff_block_kind kind;
    diff_status status;
    const report_block *before, *after; /* NULL for a closing paragraph or a missing side */
    const report_para *para_before, *para_after; /* paragraphs; NULL on a missing side */
    diff_text text;                              /* a paragraph's text, a summary's caption */
    diff_table table;                            /* DIFF_BLOCK_TABLE */
} diff_block;

/* A task that changed, was added or removed. Figures are as written; the
 * completion and status are those each version's booklet shows (its
 * meta.date), with the completion as the booklet prints it ("65.7%", or
 * 未报告 when done is absent). */
typedef struct diff_task {
    diff_status status;
    const report_task *before, *after; /* NULL on the side it is missing from */
    bool target_changed, done_changed, unit_changed, dates_changed;
    bool completion_changed, status_changed;
    const char *completion_before, *completion_after; /* NULL on a missing side */
    report_status status_before, status_after;
    diff_text note;
} diff_task;

/* The task changes of a work area, and its mean completion on each side. */
typedef struct diff_area {
    bool is_area_before, is_area_after;
    report_area before, after;            /* valid when is_area_* */
    const char *mean_before, *mean_after; /* "60.0%", 未报告; NULL when not an area there */
    diff_task *tasks;                     /* in the order after, removed ones where they stood */
    size_t ntasks;
} diff_area;

typedef struct diff_section diff_section;
struct diff_section {
    diff_status status; /* DIFF_CHANGED: on both sides (renamed or changed inside) */
    const report_section *before, *after;
    int depth;          /* 1 = top level */
    int ordinal;        /* 1-based place among its siblings: after's, before's when removed */
    diff_text title;    /* .changed when renamed (or added, removed) */
    diff_block *blocks; /* changed blocks, in document order */
    size_t nblocks;
    diff_area *area;        /* NULL when no task and no mean changed */
    diff_section *sections; /* subsections that hold a change */
    size_t nsections;
};

/* A meta field that changed: key as in the report format ("version"),
 * label as a 修订对照 names it (版本), and the values as text (a date as
 * YYYY-MM-DD, keywords joined by 、). */
typedef struct diff_field {
    const char *key, *label;
    diff_text text;
} diff_field;

/* How many of each change, for a cover or a summary line. */
typedef struct diff_counts {
    size_t meta;
    size_t sections_added, sections_removed, sections_renamed;
    size_t paragraphs_changed, paragraphs_added, paragraphs_removed;
    size_t tables_changed, summaries_changed; /* added or removed count as changed */
    size_t tasks_changed, tasks_added, tasks_removed;
} diff_counts;

typedef struct diff_model {
    const report *before, *after;
    diff_field *meta;
    size_t nmeta;
    diff_section *sections;
    size_t nsections;
    diff_block *closing;
    size_t nclosing;
    diff_counts counts;
    arena *arena; /* owns everything above but the reports */
} diff_model;

/* Compare two validated reports. The reports must outlive the model. */
diff_model *diff_reports(const report *before, const report *after);
/* Whether the versions say the same: nothing changed at all. */
bool diff_model_is_empty(const diff_model *m);
void diff_model_free(diff_model *m);

#endif
