/* cli_sources.c — what a build tells the PDF writer about its inputs: the
 * layout's name for the metadata and, with --embed-source, the report and
 * every file of its layout chain, read byte for byte to travel inside the
 * booklet. */
#include "cli_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Larger than any report or layout: a source this big is a mistake. */
#define MAX_SOURCE_BYTES ((size_t)16 << 20)

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

char *cli_layout_name(const char *leaf_path)
{
    /* the leaf file's name without its extension: a booklet rebuilt from
     * extracted sources (`-l DIR/a5-booklet.yaml`) records the same name as
     * the original (`-l a5-booklet`) */
    const char *name = base_name(leaf_path);
    const char *dot = strrchr(name, '.');
    size_t n = dot && dot != name ? (size_t)(dot - name) : strlen(name);
    char *out = xmalloc(n + 1);
    memcpy(out, name, n);
    out[n] = '\0';
    return out;
}

static const char *mime_of(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && !strcmp(name + n - 5, ".json") ? "application/json" : "application/yaml";
}

static bool add_source(cli_sources *s, const char *path, const char *description, diag_list *diags)
{
    const char *name = base_name(path);
    for (size_t i = 0; i < s->count; i++) {
        if (!strcmp(s->files[i].name, name)) {
            diag_add(diags, DIAG_ERROR, path, 0, 0,
                     "cannot embed two files both called '%s' (the other is %s): rename one", name,
                     s->files[i].description);
            return false;
        }
    }
    struct stat st;
    if (stat(path, &st) == 0 && (size_t)st.st_size > MAX_SOURCE_BYTES) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "too large to embed (%lld bytes; at most %zu)",
                 (long long)st.st_size, MAX_SOURCE_BYTES);
        return false;
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

bool cli_sources_read(const char *report_path, const style *st, cli_sources *s, diag_list *diags)
{
    s->files = xcalloc(st->nfiles + 1, sizeof *s->files);
    bool ok = add_source(s, report_path, "the report", diags);
    for (size_t i = 0; ok && i < st->nfiles; i++)
        ok = add_source(s, st->files[i], i == 0 ? "its layout" : "a layout it extends", diags);
    return ok;
}

void cli_sources_free(cli_sources *s)
{
    for (size_t i = 0; i < s->count; i++)
        free((void *)s->files[i].data);
    free(s->files);
    *s = (cli_sources){0};
}
