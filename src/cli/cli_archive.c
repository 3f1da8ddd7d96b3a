/* cli_archive.c — what an archivist asks of a booklet: `briefc info` (what
 * it says about itself) and `briefc extract` (its sources back on disk).
 *
 * A booklet is input like any other: it may come from anywhere. Every name
 * it gives its attachments is checked before anything is written: a plain
 * file name (no folder, no "..", no control character), unique, not too
 * large. Files are created inside the target folder only, through its
 * descriptor (openat with O_NOFOLLOW), and an existing file is replaced
 * only with --force, by renaming a complete copy over it — never by
 * writing through a link that could point elsewhere. */
#include "cli_internal.h"

#include "../pdf/pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The diagnostics, then the status. */
static int finish(diag_list *diags, int status)
{
    diag_sort(diags);
    diag_print(diags, stderr);
    diag_list_free(diags);
    return status;
}

/* ---- info ---- */

static void json_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

/* "family\tfile\tsha256" into its three fields (in place). */
static void split3(char *record, char **a, char **b, char **c)
{
    *a = record;
    *b = strchr(record, '\t');
    *c = *b ? strchr(*b + 1, '\t') : NULL;
    if (*b)
        *(*b)++ = '\0';
    else
        *b = "";
    if (*c)
        *(*c)++ = '\0';
    else
        *c = "";
}

static void print_json(const pdf_booklet *b, FILE *out)
{
    fputs("{\n  \"title\": ", out);
    json_string(out, b->title);
    fputs(",\n  \"id\": ", out);
    json_string(out, b->id);
    fputs(",\n  \"version\": ", out);
    json_string(out, b->version);
    fputs(",\n  \"date\": ", out);
    json_string(out, b->date);
    fputs(",\n  \"conformance\": ", out);
    json_string(out, b->conformance);
    fprintf(out, ",\n  \"pages\": %lld,\n  \"layout\": ", b->pages);
    json_string(out, b->layout);
    fputs(",\n  \"briefc\": ", out);
    json_string(out, b->briefc_version);
    fputs(",\n  \"producer\": ", out);
    json_string(out, b->producer);
    fputs(",\n  \"document_id\": ", out);
    json_string(out, b->document_id);
    fputs(",\n  \"instance_id\": ", out);
    json_string(out, b->instance_id);
    fputs(",\n  \"fonts\": [", out);
    for (size_t i = 0; i < b->nfonts; i++) {
        char *copy = strdup(b->fonts[i]), *family, *file, *hash;
        split3(copy, &family, &file, &hash);
        fputs(i ? ",\n    {\"family\": " : "\n    {\"family\": ", out);
        json_string(out, family);
        fputs(", \"file\": ", out);
        json_string(out, file);
        fputs(", \"sha256\": ", out);
        json_string(out, hash);
        fputc('}', out);
        free(copy);
    }
    fputs(b->nfonts ? "\n  ],\n  \"sources\": [" : "],\n  \"sources\": [", out);
    for (size_t i = 0; i < b->nfiles; i++) {
        const pdf_booklet_file *f = &b->files[i];
        fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", out);
        json_string(out, f->name);
        fprintf(out, ", \"size\": %lld, \"mime\": ", f->declared_size);
        json_string(out, f->mime);
        fputs(", \"description\": ", out);
        json_string(out, f->description);
        fputc('}', out);
    }
    fputs(b->nfiles ? "\n  ]\n}\n" : "]\n}\n", out);
}

static void field(FILE *out, const char *name, const char *value)
{
    if (value)
        fprintf(out, "%-13s %s\n", name, value);
}

static void print_text(const pdf_booklet *b, FILE *out)
{
    field(out, "title:", b->title);
    field(out, "id:", b->id);
    field(out, "version:", b->version);
    field(out, "date:", b->date);
    field(out, "conformance:", b->conformance);
    if (b->pages >= 0)
        fprintf(out, "%-13s %lld\n", "pages:", b->pages);
    field(out, "layout:", b->layout);
    if (b->briefc_version)
        fprintf(out, "%-13s briefc %s\n", "written by:", b->briefc_version);
    field(out, "document id:", b->document_id);
    field(out, "instance id:", b->instance_id);
    if (b->nfonts)
        fputs("fonts:\n", out);
    for (size_t i = 0; i < b->nfonts; i++) {
        char *copy = strdup(b->fonts[i]), *family, *file, *hash;
        split3(copy, &family, &file, &hash);
        fprintf(out, "  %s  %s  sha256:%s\n", family, file, hash);
        free(copy);
    }
    fputs(b->nfiles ? "sources:\n"
                    : "sources:      none (build with --embed-source to carry them)\n",
          out);
    for (size_t i = 0; i < b->nfiles; i++) {
        const pdf_booklet_file *f = &b->files[i];
        fprintf(out, "  %s  %lld bytes%s%s%s\n", f->name, f->declared_size,
                f->description ? "  (" : "", f->description ? f->description : "",
                f->description ? ")" : "");
    }
}

int cli_info(const cli_options *o)
{
    diag_list diags = {0};
    pdf_booklet *b = pdf_booklet_read(o->report_path, false, &diags);
    if (b) {
        if (o->json)
            print_json(b, stdout);
        else
            print_text(b, stdout);
    }
    pdf_booklet_free(b);
    return finish(&diags, b ? CLI_EXIT_OK : CLI_EXIT_INPUT);
}

/* ---- extract ---- */

/* A name the booklet gives a file, safe to create inside a folder: not
 * empty, no folder part, not a dot name, no control character. */
static const char *unsafe_name(const char *name)
{
    if (!*name || !strcmp(name, ".") || !strcmp(name, ".."))
        return "it is not a file name";
    if (strchr(name, '/') || strchr(name, '\\'))
        return "it names a folder; only plain file names are extracted";
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            return "it holds a control character";
    if (name[0] == '.')
        return "it would be a hidden file";
    return NULL;
}

/* Everything that can be known before writing: the names, their
 * uniqueness, what is already there. */
static bool plan_extract(const pdf_booklet *b, int dir, const char *dirname, bool force,
                         const char *path, diag_list *diags)
{
    bool ok = true;
    for (size_t i = 0; i < b->nfiles; i++) {
        const char *name = b->files[i].name, *why = unsafe_name(name);
        if (why) {
            diag_add(diags, DIAG_ERROR, path, 0, 0,
                     "refusing to extract an attached file named '%s': %s", name, why);
            ok = false;
            continue;
        }
        for (size_t k = 0; k < i; k++)
            if (!strcmp(b->files[k].name, name)) {
                diag_add(diags, DIAG_ERROR, path, 0, 0, "two attached files are both named '%s'",
                         name);
                ok = false;
            }
        struct stat st;
        if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
            /* a link is replaced as a link (renamed over), never followed */
            if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
                diag_add(diags, DIAG_ERROR, NULL, 0, 0,
                         "%s/%s exists and is not a regular file: not replaced", dirname, name);
                ok = false;
            } else if (!force) {
                diag_add(diags, DIAG_ERROR, NULL, 0, 0, "%s/%s exists (use --force to replace it)",
                         dirname, name);
                ok = false;
            }
        }
    }
    return ok;
}

/* One file into the folder: a complete copy under a temporary name, then
 * renamed into place (which replaces a link itself, never its target). */
static bool extract_one(int dir, const char *dirname, const pdf_booklet_file *f, diag_list *diags)
{
    char tmp[64];
    int fd = -1;
    for (unsigned n = 0; fd < 0 && n < 100; n++) {
        snprintf(tmp, sizeof tmp, ".briefc-extract-%ld-%u", (long)getpid(), n);
        fd = openat(dir, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    bool ok = fd >= 0 && base_write_all(fd, f->data, f->len) && fsync(fd) == 0;
    int saved = errno;
    if (fd >= 0 && close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (ok && renameat(dir, tmp, dir, f->name) != 0) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        if (fd >= 0)
            unlinkat(dir, tmp, 0);
        diag_add(diags, DIAG_ERROR, NULL, 0, 0, "cannot write %s/%s: %s", dirname, f->name,
                 strerror(saved));
    }
    return ok;
}

static int open_target(const char *dirname, diag_list *diags)
{
    if (mkdir(dirname, 0777) != 0 && errno != EEXIST) {
        diag_add(diags, DIAG_ERROR, NULL, 0, 0, "cannot create the folder '%s': %s", dirname,
                 strerror(errno));
        return -1;
    }
    int dir = open(dirname, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        diag_add(diags, DIAG_ERROR, NULL, 0, 0, "cannot open the folder '%s': %s", dirname,
                 strerror(errno));
    return dir;
}

/* How to make the booklet again from what was written, when the booklet
 * says which file is the report and which its layout. */
static void print_rebuild(const pdf_booklet *b, const char *dirname)
{
    const char *report = NULL, *layout = NULL;
    for (size_t i = 0; i < b->nfiles; i++) {
        const char *d = b->files[i].description;
        if (d && !strcmp(d, "the report"))
            report = b->files[i].name;
        else if (d && !strcmp(d, "its layout"))
            layout = b->files[i].name;
    }
    if (report && layout)
        fprintf(stderr, "rebuild with: briefc build %s/%s -l %s/%s --embed-source\n", dirname,
                report, dirname, layout);
}

int cli_extract(const cli_options *o)
{
    diag_list diags = {0};
    const char *dirname = o->dir ? o->dir : ".";
    pdf_booklet *b = pdf_booklet_read(o->report_path, true, &diags);
    if (b && b->nfiles == 0)
        diag_add(&diags, DIAG_ERROR, o->report_path, 0, 0,
                 "carries no sources (it was built without --embed-source)");
    int status = b && b->nfiles ? CLI_EXIT_OK : CLI_EXIT_INPUT;
    int dir = status == CLI_EXIT_OK ? open_target(dirname, &diags) : -1;
    if (status == CLI_EXIT_OK && dir < 0)
        status = CLI_EXIT_OUTPUT;
    if (dir >= 0 && !plan_extract(b, dir, dirname, o->force, o->report_path, &diags))
        status = CLI_EXIT_INPUT;
    for (size_t i = 0; status == CLI_EXIT_OK && i < b->nfiles; i++) {
        if (!extract_one(dir, dirname, &b->files[i], &diags))
            status = CLI_EXIT_OUTPUT;
        else if (!o->quiet)
            fprintf(stderr, "wrote %s/%s (%zu bytes)\n", dirname, b->files[i].name,
                    b->files[i].len);
    }
    if (status == CLI_EXIT_OK && !o->quiet)
        print_rebuild(b, dirname);
    if (dir >= 0)
        close(dir);
    pdf_booklet_free(b);
    return finish(&diags, status);
}
