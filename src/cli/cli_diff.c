/* cli_diff.c — `briefc diff OLD NEW`: both reports read and validated as
 * build reads them (every error of both printed in one run), compared, and
 * the changes printed as a listing or, with -o, typeset as a 修订对照 in
 * NEW's layout and written as build writes a booklet. */
#include "cli_internal.h"

#include "../layout/layout.h"
#include "../report/report.h"
#include "../style/style.h"
#include "../text/text.h"

#include <stdlib.h>
#include <string.h>

static void record_input(cli_record *rec, const char *path)
{
    VEC_PUSH(&rec->inputs, strcpy(xmalloc(strlen(path) + 1), path));
}

/* Typeset m in NEW's layout (or -l) and write it; the exit status. */
static int write_changes(const cli_options *o, const cli_paths *paths, const diff_model *m,
                         int64_t epoch, cli_record *rec, diag_list *diags)
{
    char *ref = cli_layout_ref(o->layout, m->after->meta.layout.s, o->new_path);
    style *st =
        style_load(ref, (const char *const *)paths->layout_dirs, paths->nlayout_dirs, diags);
    free(ref);
    for (size_t i = 0; st && i < st->nfiles; i++)
        record_input(rec, st->files[i]);
    text_engine *te = st ? text_engine_new(paths->fonts_dir, diags) : NULL;
    layout_document *doc = te ? layout_changes(m, st, te, epoch, diags) : NULL;
    int status = CLI_EXIT_INPUT;
    char *written = NULL;
    size_t bytes = 0;
    if (doc) {
        char *layout = cli_layout_name(st->name);
        pdf_options po = {.layout = layout};
        status = cli_write_pdf(o, doc, &po, rec, &written, &bytes, diags);
        free(layout);
    }
    diag_sort(diags);
    diag_print(diags, stderr);
    if (written && !o->quiet)
        cli_print_written(written, doc->npages, bytes);
    free(written);
    layout_document_free(doc);
    text_engine_free(te);
    style_free(st);
    return status;
}

static void print_listing(const cli_options *o, const diff_model *m)
{
    if (o->quiet)
        return;
    if (diff_model_is_empty(m))
        printf("no changes: %s and %s say the same\n", o->report_path, o->new_path);
    else
        cli_diff_print(m, stdout);
    fflush(stdout);
}

int cli_diff(const cli_options *o, const cli_paths *paths)
{
    diag_list diags = {0};
    cli_record rec = {0};
    int64_t epoch = -1;
    int status = CLI_EXIT_INPUT;
    if (o->output && cli_source_date_epoch(&epoch, &diags) < 0) {
        diag_print(&diags, stderr);
        diag_list_free(&diags);
        return CLI_EXIT_USAGE;
    }
    record_input(&rec, o->report_path);
    record_input(&rec, o->new_path);
    /* both read, whatever the first gave, so that every error is told at once */
    report *before = report_load(o->report_path, &diags);
    report *after = report_load(o->new_path, &diags);
    diff_model *m = before && after ? diff_reports(before, after) : NULL;
    if (m && o->output) {
        status = write_changes(o, paths, m, epoch, &rec, &diags);
    } else {
        diag_sort(&diags);
        diag_print(&diags, stderr);
        if (m) {
            print_listing(o, m);
            status = CLI_EXIT_OK;
        }
    }
    if (status == CLI_EXIT_OK && o->exit_code && !diff_model_is_empty(m))
        status = CLI_EXIT_INPUT;
    diff_model_free(m);
    report_free(after);
    report_free(before);
    cli_record_free(&rec);
    diag_list_free(&diags);
    return status;
}
