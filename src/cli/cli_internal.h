/* cli_internal.h — seams inside the command line. Not for use outside
 * src/cli/.
 *
 * The files, each calling only those listed before it:
 *   cli_args.c   the commands, their options and help texts
 *   cli_paths.c  where the data, the layouts, the fonts and the PDF are
 *   cli_sources.c  what the PDF is told of the inputs (--embed-source)
 *   cli_build.c  one run of the pipeline: report → style → text → layout → pdf
 *   cli_print.c  numbered copies, printer's sheets and marks: --copies, --impose, --marks
 *   cli_batch.c  several reports in one command, each built in its own process
 *   cli_watch.c  build again whenever an input changes (inotify)
 *   cli_diff_text.c  the listing of a diff: [-deleted-]{+inserted+} under each section
 *   cli_diff.c   briefc diff: two reports compared, the listing or the 修订对照 PDF
 *   cli_archive.c  info and extract: what a booklet says, its sources back
 *   cli.c        cli_main: parse, then run the command */
#ifndef BRIEFC_CLI_INTERNAL_H
#define BRIEFC_CLI_INTERNAL_H

#include "cli.h"

#include "../base/base.h"
#include "../diff/diff.h"
#include "../pdf/pdf.h"

#define CLI_DEFAULT_LAYOUT "a4-report"

/* ---- cli_args.c: the commands, their options and help texts ---- */

typedef enum { CLI_BUILD, CLI_CHECK, CLI_WATCH, CLI_INFO, CLI_EXTRACT, CLI_DIFF } cli_command;

/* The numbers of numbered copies, in order (cli_ranges.c reads them). */
typedef VEC(int) cli_copies;
/* Why a command line is wrong, for the usage error. */
typedef struct cli_why {
    char text[160];
} cli_why;

typedef struct cli_options {
    cli_command command;
    const char *report_path;   /* the REPORT, the BOOKLET of info and extract, diff's OLD */
    VEC(const char *) reports; /* build and check: every REPORT in order (report_path: the first) */
    unsigned jobs;             /* -j: how many reports are built at once; 0: one per core */
    bool one_thread;           /* not an option: set in a batch's builds (pdf_options) */
    const char *new_path;      /* diff's NEW */
    const char *layout;        /* -l: a name or a path; NULL for meta.layout or the default */
    const char *output;        /* -o: a path, "-" for standard output; NULL for the default */
    bool quiet;                /* -q: only diagnostics */
    bool embed_source;         /* --embed-source: the inputs inside the booklet */
    bool json;                 /* info --json */
    const char *dir;           /* extract -d: where the sources go (NULL: here) */
    bool force;                /* extract --force: replace files of the same names */
    bool exit_code;            /* diff --exit-code: status 1 when the versions differ */
    cli_copies copies;         /* --copies: the numbers of the copies, in order (heap) */
    bool split;                /* --split: a file per copy, OUT-000017.pdf */
    int impose;                /* --impose: an impose_scheme (IMPOSE_NONE: 0) */
    bool marks;                /* --marks: trim and bleed boxes, crop marks, the slug */
} cli_options;

/* The most copies one build makes (--copies). */
#define CLI_MAX_COPIES 100000

/* The most -j accepts (CLI_MAX_JOBS_TEXT: the same, for the help text). */
#define CLI_MAX_JOBS 256
#define CLI_MAX_JOBS_TEXT "256"

/* cli_parse's result when a command is to run (not an exit status). */
#define CLI_RUN (-1)

/* Read the arguments into o (which points into argv). Returns CLI_RUN, or
 * the exit status when there is nothing to run: help or version printed
 * (0), or a usage error printed (2). */
int cli_parse(int argc, char **argv, cli_options *o);
/* What cli_parse allocated (the list of reports). */
void cli_options_free(cli_options *o);
/* Print a usage error of command c, as cli_parse does: "briefc: error: …",
 * the command's usage and where its help is. Returns CLI_EXIT_USAGE. */
int cli_usage_error(cli_command c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- cli_paths.c: where things are ---- */

typedef struct cli_paths {
    char *data_dir; /* share/briefc (see cli_paths_find), or NULL: none found */
    char *fonts_dir;
    char *layout_dirs[3]; /* where a layout name is looked up, in order */
    size_t nlayout_dirs;
} cli_paths;

/* Where briefc's data is, and where layout names are looked up for the
 * report at report_path: its own folder's layouts/, the current folder's
 * layouts/, then the data folder's. The data folder is BRIEFC_DATA_DIR when
 * set; else, found beside the executable, <bin>/share/briefc (the build
 * tree: CMake makes it) or <bin>/../share/briefc (installed). Nothing
 * compiled in names the tree briefc was built from. */
void cli_paths_find(cli_paths *p, const char *report_path);
void cli_paths_free(cli_paths *p);

/* The folder part of path ("." for none), heap. */
char *cli_dir_of(const char *path);
/* Whether a layout reference is a path (has '/' or ends in .yaml, .yml, .json), not a name. */
bool cli_names_a_path(const char *ref);
/* The layout to load (heap): -l as given (a path from the current folder);
 * else meta.layout, whose relative path is taken from the report's folder;
 * else the default. */
char *cli_layout_ref(const char *option, const char *meta_layout, const char *report_path);
/* Where build writes: -o as given, else REPORT with .pdf (heap). */
char *cli_output_path(const cli_options *o);

/* ---- cli_sources.c: what the PDF is told of the inputs ---- */

/* The layout's name as the metadata records it: its leaf file's name
 * without the extension (heap). */
char *cli_layout_name(const char *leaf_path);

/* The report and every file of its layout chain (st->files), read byte for
 * byte, to travel inside the booklet. */
typedef struct cli_sources {
    pdf_attachment *files;
    size_t count;
} cli_sources;

/* false with the reason in diags (two files of one name, one unreadable
 * or too large). */
bool cli_sources_read(const char *report_path, const style *st, cli_sources *s, diag_list *diags);
void cli_sources_free(cli_sources *s);

/* ---- cli_build.c: one run of the pipeline ---- */

/* What a run read and found, for watch. */
typedef struct cli_record {
    VEC(char *) inputs; /* the report and every layout file read (heap) */
    char *layout_ref;   /* the layout asked for, NULL when the report failed */
    size_t errors;      /* how many errors were printed */
} cli_record;

/* Run the command of o once (build or check; watch builds): print the
 * diagnostics and, after a build, the line saying what was written (unless
 * quiet). Returns the exit status; fills rec when not NULL. */
int cli_build(const cli_options *o, const cli_paths *paths, cli_record *rec);
void cli_record_free(cli_record *rec);

/* SOURCE_DATE_EPOCH as seconds, -1 when unset or empty; a malformed value is a
 * usage error (-1 returned, the error in diags). */
int cli_source_date_epoch(int64_t *out, diag_list *diags);
/* Write doc where o->output says (-o FILE, '-' for standard output; never
 * over one of rec's inputs): the exit status, and on success what was
 * written (heap: a path or "standard output") and its size. */
int cli_write_pdf(const cli_options *o, const layout_document *doc, const pdf_options *po,
                  const cli_record *rec, char **what, size_t *bytes, diag_list *diags);
/* "wrote WHAT: 9 pages, 262 KB" on standard error: KB and MB of 1000, as
 * file managers show them. */
void cli_print_written(const char *what, size_t pages, size_t bytes);

/* ---- cli_ranges.c: the numbers of the copies ---- */

/* --copies RANGE ("1-200", "5,9,12-15") into out; false with why. */
bool cli_copies_parse(const char *range, cli_copies *out, cli_why *why);

/* ---- cli_print.c: writing the booklet (one file, a file per copy) ---- */

/* What the writing of a build has at hand. */
typedef struct cli_print_input {
    const layout_document *doc;
    const style *style;
    const report *report;
    text_engine *te;
    const cli_record *record;
} cli_print_input;

/* Write the booklet as o asks (its plan of sheets, its copies, one file or
 * one per copy): the exit status; on success what was written (heap), how
 * many pages and bytes. */
int cli_write_print(const cli_options *o, const cli_print_input *in, pdf_options *po, char **what,
                    size_t *pages, size_t *bytes, diag_list *diags);

/* ---- cli_batch.c: several reports in one command ---- */

/* Whether o is a batch: build or check of several reports, or a build
 * whose -o ends in '/' (a folder, even for one report). */
bool cli_is_batch(const cli_options *o);
/* Build or check every report of o, o->jobs (else one per core) at a time,
 * each in a child process running cli_build; print each report's block of
 * diagnostics whole, in the order of the command line. Returns the highest
 * exit status of any report (2 for a usage error found before any starts);
 * a stop signal (SIGINT, SIGTERM, SIGHUP) stops every build and then ends
 * this process by the same signal. */
int cli_batch(const cli_options *o);

/* ---- cli_diff_text.c: the listing of a diff ---- */

/* Print the changes of m, in document order, each under the path of its
 * section; nothing when there is none. */
void cli_diff_print(const diff_model *m, FILE *out);

/* ---- cli_diff.c: briefc diff ---- */

/* Compare o->report_path (OLD) with o->new_path (NEW): print the listing,
 * or write the 修订对照 PDF (o->output). Returns the exit status. */
int cli_diff(const cli_options *o, const cli_paths *paths);

/* ---- cli_watch.c: build on every change ---- */

/* Build, then build again whenever the report or a file of its layout
 * chain changes, until SIGINT, SIGTERM or SIGHUP: then 0. */
int cli_watch(const cli_options *o, const cli_paths *paths);

/* ---- cli_archive.c: info and extract ---- */

/* Print what the booklet o->report_path says about itself (o->json: as JSON). */
int cli_info(const cli_options *o);
/* Write the sources the booklet carries into o->dir (o->force: replacing). */
int cli_extract(const cli_options *o);

#endif
