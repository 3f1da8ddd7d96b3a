/* cli_print.c — writing the booklet: to a file (atomically, never over an
 * input) or standard output, as a printing office asks: numbered copies
 * (--copies, --split), printer's sheets (--impose booklet) and marks for
 * the press (--marks). The document is laid out once; the impose stage
 * turns it into a plan of sheets and the PDF writer draws the plan once per
 * file, every copy in it sharing the sheets' content streams. */
#include "cli_internal.h"

#include "../impose/impose.h"
#include "../layout/layout.h"
#include "../pdf/pdf.h"
#include "../report/report.h"
#include "../style/style.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- writing ---- */

/* Whether out is one of the files this build read (-o report.yaml would
 * replace the report with its own booklet). */
static bool is_an_input(const char *out, const cli_record *rec, diag_list *diags)
{
    struct stat so, si;
    if (stat(out, &so) != 0 || !S_ISREG(so.st_mode))
        return false;
    for (size_t i = 0; i < rec->inputs.count; i++) {
        if (stat(rec->inputs.items[i], &si) == 0 && si.st_dev == so.st_dev &&
            si.st_ino == so.st_ino) {
            diag_add(diags, DIAG_ERROR, NULL, 0, 0,
                     "cannot write '%s': it is '%s', an input of this build", out,
                     rec->inputs.items[i]);
            return true;
        }
    }
    return false;
}

int cli_write_pdf(const cli_options *o, const layout_document *doc, const pdf_options *po,
                  const cli_record *rec, char **what, size_t *bytes, diag_list *diags)
{
    if (o->output && !strcmp(o->output, "-")) {
        if (isatty(STDOUT_FILENO)) {
            diag_add(diags, DIAG_ERROR, NULL, 0, 0,
                     "standard output is a terminal: redirect it, or give -o FILE");
            return CLI_EXIT_OUTPUT;
        }
        if (pdf_write_fd(doc, po, STDOUT_FILENO, "standard output", bytes, diags) != 0)
            return CLI_EXIT_OUTPUT;
        *what = strcpy(xmalloc(sizeof "standard output"), "standard output");
        return CLI_EXIT_OK;
    }
    char *out = cli_output_path(o);
    if (is_an_input(out, rec, diags) || pdf_write(doc, po, out, bytes, diags) != 0) {
        free(out);
        return CLI_EXIT_OUTPUT;
    }
    *what = out;
    return CLI_EXIT_OK;
}

/* The plan of sheets the command line asks for; NULL for the writer's
 * default (a sheet per page). */
static impose_plan *plan_for(const cli_options *o, const cli_print_input *in, diag_list *diags,
                             bool *failed)
{
    *failed = false;
    if (o->impose == IMPOSE_NONE && !o->marks)
        return NULL;
    const style *st = in->style;
    impose_options io = {.scheme = (impose_scheme)o->impose,
                         .marks = o->marks,
                         .bleed = st->print.bleed,
                         .creep = st->print.creep,
                         .cmyk = st->print.cmyk,
                         .title = in->report->meta.title.s,
                         .version = in->report->meta.version.text,
                         .te = in->te,
                         .slug_style = &in->doc->styles[STYLE_FOOTER]};
    impose_plan *plan = impose_make(in->doc, &io, diags);
    *failed = plan == NULL;
    return plan;
}

/* OUT.pdf → OUT-000017.pdf */
static char *copy_path(const char *out, int copy)
{
    size_t n = strlen(out);
    if (n > 4 && !strcmp(out + n - 4, ".pdf"))
        n -= 4;
    char *path = xmalloc(n + 16);
    snprintf(path, n + 16, "%.*s-%06d.pdf", (int)n, out, copy);
    return path;
}

/* --split: a file per copy, each written whole before the next. */
static int write_split(const cli_options *o, const cli_print_input *in, pdf_options *po,
                       char **what, size_t *bytes, diag_list *diags)
{
    char *out = cli_output_path(o);
    size_t total = 0;
    int status = CLI_EXIT_OK;
    for (size_t k = 0; k < o->copies.count && status == CLI_EXIT_OK; k++) {
        cli_options one = *o;
        one.output = copy_path(out, o->copies.items[k]);
        po->copies = &o->copies.items[k];
        po->ncopies = 1;
        size_t b = 0;
        char *written = NULL;
        status = cli_write_pdf(&one, in->doc, po, in->record, &written, &b, diags);
        total += b;
        free(written);
        free((char *)one.output);
    }
    if (status == CLI_EXIT_OK) {
        char *first = copy_path(out, o->copies.items[0]);
        char *last = copy_path(out, o->copies.items[o->copies.count - 1]);
        size_t n = strlen(first) + strlen(last) + 64;
        *what = xmalloc(n);
        if (o->copies.count == 1)
            snprintf(*what, n, "%s", first);
        else
            snprintf(*what, n, "%zu copies, %s … %s", o->copies.count, first, last);
        free(first);
        free(last);
    }
    *bytes = total;
    free(out);
    return status;
}

int cli_write_print(const cli_options *o, const cli_print_input *in, pdf_options *po, char **what,
                    size_t *pages, size_t *bytes, diag_list *diags)
{
    bool failed;
    impose_plan *plan = plan_for(o, in, diags, &failed);
    if (failed)
        return CLI_EXIT_INPUT;
    po->plan = plan;
    po->copies = o->copies.items;
    po->ncopies = o->copies.count;
    size_t sheets = plan ? plan->nsheets : in->doc->npages;
    int status;
    if (o->split) {
        status = write_split(o, in, po, what, bytes, diags);
        *pages = sheets;
    } else {
        status = cli_write_pdf(o, in->doc, po, in->record, what, bytes, diags);
        *pages = sheets * (o->copies.count ? o->copies.count : 1);
    }
    impose_free(plan);
    return status;
}
