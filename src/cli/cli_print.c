/* cli_print.c — what a printing office asks of a build: numbered copies
 * (--copies RANGE, --split), printer's sheets (--impose booklet) and marks
 * for the press (--marks). The document is laid out once; the impose stage
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

/* Six digits number a copy: 000001 … 999999. */
#define COPY_MAX 999999

/* ---- --copies RANGE ---- */

/* A number at *p (digits only, no sign), at most COPY_MAX + 1 so that an
 * overlong one is still reported as too large; false when there is none. */
static bool read_number(const char **p, long *out)
{
    const char *s = *p;
    long n = 0;
    while (*s >= '0' && *s <= '9') {
        if (n <= COPY_MAX)
            n = n * 10 + (*s - '0');
        s++;
    }
    if (s == *p)
        return false;
    *p = s;
    *out = n;
    return true;
}

static int bad_range(const cli_options *o, const char *v)
{
    return cli_usage_error(o->command,
                           "--copies expects the numbers of the copies, as 1-200 or 5,9,12-15, "
                           "not '%s'",
                           v);
}

/* Every number of range [from, to] onto the list, unless it is too long or
 * one of them is there already. */
static int add_range(cli_options *o, unsigned char *seen, long from, long to)
{
    if (from < 1)
        return cli_usage_error(o->command, "--copies: copies are numbered from 1, not 0");
    if (to > COPY_MAX)
        return cli_usage_error(o->command,
                               "--copies: a copy number has six digits, at most %d, not %ld",
                               COPY_MAX, to);
    if (to < from)
        return cli_usage_error(o->command, "--copies: a range goes up (%ld-%ld), not %ld-%ld", to,
                               from, from, to);
    if (o->copies.count + (size_t)(to - from + 1) > CLI_MAX_COPIES)
        return cli_usage_error(o->command,
                               "--copies: at most %d copies in one build, not %zu or more",
                               CLI_MAX_COPIES, o->copies.count + (size_t)(to - from + 1));
    for (long n = from; n <= to; n++) {
        if (seen[n / 8] & (1u << (n % 8)))
            return cli_usage_error(o->command, "--copies: copy %ld is named twice", n);
        seen[n / 8] |= (unsigned char)(1u << (n % 8));
        VEC_PUSH(&o->copies, (int)n);
    }
    return CLI_RUN;
}

int cli_read_copies(const char *v, cli_options *o)
{
    unsigned char *seen = xcalloc(COPY_MAX / 8 + 1, 1);
    int status = CLI_RUN;
    o->copies.count = 0;
    for (const char *p = v; status == CLI_RUN;) {
        long from, to;
        if (!read_number(&p, &from)) {
            status = bad_range(o, v);
            break;
        }
        to = from;
        if (*p == '-' && (p++, !read_number(&p, &to))) {
            status = bad_range(o, v);
            break;
        }
        if (*p != ',' && *p != '\0') {
            status = bad_range(o, v);
            break;
        }
        status = add_range(o, seen, from, to);
        if (*p == '\0')
            break;
        p++;
    }
    free(seen);
    return status;
}

int cli_read_impose(const char *v, cli_options *o)
{
    impose_scheme scheme;
    if (!impose_scheme_named(v, &scheme))
        return cli_usage_error(o->command, "--impose: unknown scheme '%s' (expected booklet)", v);
    o->impose = (int)scheme;
    return CLI_RUN;
}

/* What the command line asks of the print options, checked with the rest. */
int cli_check_print_options(const cli_options *o)
{
    bool to_stdout = o->output && !strcmp(o->output, "-");
    if (o->split && o->copies.count == 0)
        return cli_usage_error(o->command, "--split writes a file per copy: give --copies too");
    if (o->split && to_stdout)
        return cli_usage_error(o->command, "--split writes a file per copy: '-o -' is one stream");
    return CLI_RUN;
}

/* ---- writing ---- */

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
