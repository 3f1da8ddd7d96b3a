/* cli_build.c — one run of the pipeline (report → style → text → layout →
 * pdf) for `build`, `check` and each build of `watch`: the diagnostics
 * printed in source order, the one line saying what was written, and the
 * exit status. */
#include "cli_internal.h"

#include "../layout/layout.h"
#include "../pdf/pdf.h"
#include "../report/report.h"
#include "../style/style.h"
#include "../text/text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_source_date_epoch(int64_t *out, diag_list *diags)
{
    *out = -1;
    const char *v = getenv("SOURCE_DATE_EPOCH");
    if (v && !*v)
        unsetenv("SOURCE_DATE_EPOCH"); /* empty is unset: Fontconfig, which reads it too, agrees */
    if (!v || !*v)
        return 0;
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (errno || *end || n < 0) {
        diag_add(diags, DIAG_ERROR, NULL, 0, 0,
                 "SOURCE_DATE_EPOCH='%s' is not a count of seconds since 1970", v);
        return -1;
    }
    *out = n;
    return 0;
}

/* ---- the output ---- */

void cli_print_written(const char *what, size_t pages, size_t bytes)
{
    char size[32];
    if (bytes < 1000)
        snprintf(size, sizeof size, "%zu byte%s", bytes, bytes == 1 ? "" : "s");
    else if (bytes < 10 * 1000 * 1000)
        snprintf(size, sizeof size, "%zu KB", (bytes + 500) / 1000);
    else
        snprintf(size, sizeof size, "%.1f MB", (double)bytes / 1e6);
    fprintf(stderr, "wrote %s: %zu page%s, %s\n", what, pages, pages == 1 ? "" : "s", size);
}

/* The PDF writer told what it needs of the inputs, then the booklet
 * written as the print options say. The document is written once: the
 * writer may free each page's frames as it draws it. */
static int write_output(const cli_options *o, const cli_print_input *in, layout_document *doc,
                        char **what, size_t *pages, size_t *bytes, diag_list *diags)
{
    char *layout = cli_layout_name(in->style->name);
    cli_sources sources = {0};
    pdf_options po = {.layout = layout,
                      .cmyk = in->style->print.cmyk,
                      .one_thread = o->one_thread,
                      .release = doc};
    int status = CLI_EXIT_OK;
    if (o->embed_source && !cli_sources_read(o->report_path, in->style, &sources, diags))
        status = CLI_EXIT_INPUT;
    po.attachments = sources.files;
    po.nattachments = sources.count;
    if (status == CLI_EXIT_OK)
        status = cli_write_print(o, in, &po, what, pages, bytes, diags);
    cli_sources_free(&sources);
    free(layout);
    return status;
}

/* ---- the pipeline ---- */

static void record_input(cli_record *rec, const char *path)
{
    if (rec)
        VEC_PUSH(&rec->inputs, strcpy(xmalloc(strlen(path) + 1), path));
}

/* Print the diagnostics in source order (the success line comes after). */
static void print_diagnostics(diag_list *diags, cli_record *rec)
{
    diag_sort(diags);
    diag_print(diags, stderr);
    if (rec)
        rec->errors = diags->errors;
}

int cli_build(const cli_options *o, const cli_paths *paths, cli_record *rec)
{
    cli_record own = {0};
    if (!rec)
        rec = &own;
    diag_list diags = {0};
    int64_t epoch;
    int status = CLI_EXIT_INPUT;
    report *r = NULL;
    style *st = NULL;
    text_engine *te = NULL;
    layout_document *doc = NULL;
    record_input(rec, o->report_path);
    if (cli_source_date_epoch(&epoch, &diags) < 0) {
        status = CLI_EXIT_USAGE;
    } else if ((r = report_load(o->report_path, &diags)) != NULL) {
        rec->layout_ref = cli_layout_ref(o->layout, r->meta.layout.s, o->report_path);
        st = style_load(rec->layout_ref, (const char *const *)paths->layout_dirs,
                        paths->nlayout_dirs, &diags);
        for (size_t i = 0; st && i < st->nfiles; i++)
            record_input(rec, st->files[i]);
        te = st ? text_engine_new(paths->fonts_dir, &diags) : NULL;
        layout_options lo = {epoch, o->copies.count > 0};
        doc = te ? layout_report(r, st, te, &lo, &diags) : NULL;
    }
    char *written = NULL;
    size_t bytes = 0, pages = 0;
    cli_print_input in = {doc, st, r, te, rec};
    if (doc && o->command == CLI_CHECK)
        status = CLI_EXIT_OK;
    else if (doc)
        status = write_output(o, &in, doc, &written, &pages, &bytes, &diags);
    print_diagnostics(&diags, rec);
    if (written && !o->quiet)
        cli_print_written(written, pages, bytes);
    free(written);
    layout_document_free(doc);
    text_engine_free(te);
    style_free(st);
    report_free(r);
    diag_list_free(&diags);
    cli_record_free(&own);
    return status;
}

void cli_record_free(cli_record *rec)
{
    for (size_t i = 0; i < rec->inputs.count; i++)
        free(rec->inputs.items[i]);
    free(rec->inputs.items);
    free(rec->layout_ref);
    *rec = (cli_record){0};
}
