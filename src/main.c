/* main.c — the command line: parse arguments, run the pipeline
 * (report → style → text → layout → pdf), print diagnostics, choose the exit
 * status. Nothing else lives here. */
#include "base/base.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "report/report.h"
#include "style/style.h"
#include "text/text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_OUTPUT = 3 };

#define DEFAULT_LAYOUT "a4-report"

static const char USAGE[] = "usage: briefc build REPORT [-l LAYOUT] [-o OUT.pdf]\n"
                            "       briefc check REPORT [-l LAYOUT]\n"
                            "       briefc --help | --version\n";

static const char HELP[] =
    "briefc compiles a report (YAML or JSON, format version 1) into a typeset\n"
    "PDF booklet: cover, contents, numbered chapters of justified Chinese prose.\n"
    "\n"
    "commands:\n"
    "  build REPORT     write the booklet (default: REPORT with .pdf, beside it)\n"
    "  check REPORT     everything but writing: report, layout, fonts, coverage\n"
    "\n"
    "options:\n"
    "  -l, --layout L   layout by name (layouts/L.yaml) or path; wins over meta.layout,\n"
    "                   which wins over the default '" DEFAULT_LAYOUT "'\n"
    "  -o, --output F   where to write the PDF (build only)\n"
    "  -h, --help       this text\n"
    "  -V, --version    the version\n"
    "\n"
    "exit status: 0 success (warnings allowed), 1 the inputs are wrong or cannot be\n"
    "typeset, 2 usage error, 3 the output cannot be written.\n"
    "SOURCE_DATE_EPOCH, when set, gives the PDF's dates; else meta.date at 00:00 +08:00.\n";

typedef struct options {
    bool build; /* false: check */
    const char *report_path;
    const char *layout;
    const char *output;
    bool embed_source;
} options;

static int usage_error(const char *fmt, const char *arg)
{
    fputs("briefc: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    fputs(USAGE, stderr);
    return EXIT_USAGE;
}

/* Returns -1 when the arguments are fine, else the exit status to return. */
static int parse_arguments(int argc, char **argv, options *o)
{
    if (argc < 2)
        return usage_error("%s", "no command given");
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
        fputs(HELP, stdout);
        fputc('\n', stdout);
        fputs(USAGE, stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
        printf("briefc %s\n", BRIEFC_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "build") && strcmp(cmd, "check"))
        return usage_error("unknown command '%s' (expected 'build' or 'check')", cmd);
    o->build = !strcmp(cmd, "build");
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-l") || !strcmp(a, "--layout") || !strcmp(a, "-o") ||
            !strcmp(a, "--output")) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a value", a);
            bool is_layout = a[1] == 'l' || !strcmp(a, "--layout");
            if (!is_layout && !o->build)
                return usage_error("option '%s' belongs to 'build', not 'check'", a);
            *(is_layout ? &o->layout : &o->output) = argv[++i];
        } else if (!strcmp(a, "--embed-source")) {
            o->embed_source = true;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(USAGE, stdout);
            return EXIT_OK;
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option '%s'", a);
        } else if (o->report_path) {
            return usage_error("unexpected argument '%s' (one report at a time)", a);
        } else {
            o->report_path = a;
        }
    }
    if (!o->report_path)
        return usage_error("%s", "no report given");
    return -1;
}

/* REPORT with its extension replaced by .pdf (heap). */
static char *default_output(const char *report_path)
{
    size_t n = strlen(report_path);
    const char *slash = strrchr(report_path, '/');
    const char *dot = strrchr(report_path, '.');
    if (dot && (!slash || dot > slash) && dot != report_path && dot[-1] != '/')
        n = (size_t)(dot - report_path);
    char *out = xmalloc(n + 5);
    memcpy(out, report_path, n);
    strcpy(out + n, ".pdf");
    return out;
}

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* SOURCE_DATE_EPOCH as seconds, -1 when unset; a malformed value is a usage error. */
static int source_date_epoch(int64_t *out, diag_list *diags)
{
    *out = -1;
    const char *v = getenv("SOURCE_DATE_EPOCH");
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

static int finish(diag_list *diags, int status)
{
    diag_sort(diags);
    diag_print(diags, stderr);
    diag_list_free(diags);
    return status;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* A layout's name as the metadata records it: its leaf file's base name
 * without the extension, so that a booklet rebuilt from extracted sources
 * says the same (heap). */
static char *layout_name(const style *st)
{
    const char *name = base_name(st->name);
    const char *dot = strrchr(name, '.');
    return strndup(name, dot && dot != name ? (size_t)(dot - name) : strlen(name));
}

/* The report and every file of its layout chain, byte for byte, to travel
 * inside the booklet (--embed-source). */
typedef struct sources {
    pdf_attachment *files;
    size_t count;
} sources;

static const char *mime_of(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && !strcmp(name + n - 5, ".json") ? "application/json" : "application/yaml";
}

static bool add_source(sources *s, const char *path, const char *description, diag_list *diags)
{
    const char *name = base_name(path);
    for (size_t i = 0; i < s->count; i++) {
        if (!strcmp(s->files[i].name, name)) {
            diag_add(diags, DIAG_ERROR, path, 0, 0,
                     "cannot embed two files called '%s' (%s is one): give them different names",
                     name, s->files[i].description);
            return false;
        }
    }
    size_t len;
    char *data = base_read_file(path, &len);
    if (!data) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read it to embed it: %s", strerror(errno));
        return false;
    }
    s->files[s->count++] =
        (pdf_attachment){name, (const uint8_t *)data, len, mime_of(name), description};
    return true;
}

static bool read_sources(const char *report_path, const style *st, sources *s, diag_list *diags)
{
    s->files = xcalloc(st->nfiles + 1, sizeof *s->files);
    bool ok = add_source(s, report_path, "the report", diags);
    for (size_t i = 0; ok && i < st->nfiles; i++)
        ok = add_source(s, st->files[i], i == 0 ? "its layout" : "a layout it extends", diags);
    return ok;
}

static void free_sources(sources *s)
{
    for (size_t i = 0; i < s->count; i++)
        free((void *)s->files[i].data);
    free(s->files);
}

static int run(const options *o)
{
    diag_list diags = {0};
    int64_t epoch;
    if (source_date_epoch(&epoch, &diags) < 0)
        return finish(&diags, EXIT_USAGE);

    report *r = report_load(o->report_path, &diags);
    if (!r)
        return finish(&diags, EXIT_INPUT);

    const char *layout = o->layout          ? o->layout
                         : r->meta.layout.s ? r->meta.layout.s
                                            : DEFAULT_LAYOUT;
    const char *dirs[] = {BRIEFC_SOURCE_DIR "/layouts", BRIEFC_SHARE_DIR "/layouts"};
    style *st = style_load(layout, dirs, 2, &diags);
    const char *fonts = is_directory(BRIEFC_SOURCE_DIR "/fonts") ? BRIEFC_SOURCE_DIR "/fonts"
                                                                 : BRIEFC_SHARE_DIR "/fonts";
    text_engine *te = st ? text_engine_new(fonts, &diags) : NULL;
    layout_document *doc = te ? layout_report(r, st, te, epoch, &diags) : NULL;

    int status = doc ? EXIT_OK : EXIT_INPUT;
    if (doc && o->build) {
        char *out = o->output ? NULL : default_output(o->report_path);
        char *name = layout_name(st);
        sources src = {0};
        pdf_options po = {.layout = name};
        if (o->embed_source && !read_sources(o->report_path, st, &src, &diags))
            status = EXIT_INPUT;
        po.attachments = src.files;
        po.nattachments = src.count;
        if (status == EXIT_OK && pdf_write(doc, &po, o->output ? o->output : out, &diags) != 0)
            status = EXIT_OUTPUT;
        free_sources(&src);
        free(name);
        free(out);
    }
    layout_document_free(doc);
    text_engine_free(te);
    style_free(st);
    report_free(r);
    return finish(&diags, status);
}

int main(int argc, char **argv)
{
    options o = {0};
    int status = parse_arguments(argc, argv, &o);
    if (status >= 0)
        return status;
    return run(&o);
}
