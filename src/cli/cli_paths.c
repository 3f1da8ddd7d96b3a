/* cli_paths.c — where briefc finds its data, where a layout name is looked
 * up, and where the PDF goes.
 *
 * The data folder (layouts/ and fonts/) is found at run time from where the
 * program is, never from where it was built: an installed briefc reads only
 * its prefix, and a build tree's briefc (beside which CMake makes
 * share/briefc, linking the source tree's layouts/ and fonts/) works from
 * any folder. */
#define _XOPEN_SOURCE 700 /* realpath */

#include "cli_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef BRIEFC_DATA_FROM_BIN
#define BRIEFC_DATA_FROM_BIN "../share/briefc" /* CMake says where it installs */
#endif

/* ---- small path helpers ---- */

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    bool slash = n > 0 && dir[n - 1] == '/';
    char *p = xmalloc(n + strlen(name) + 2);
    strcpy(p, dir);
    if (!slash)
        p[n++] = '/';
    strcpy(p + n, name);
    return p;
}

static char *copy(const char *s)
{
    return strcpy(xmalloc(strlen(s) + 1), s);
}

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

char *cli_dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return copy(".");
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    char *d = xmalloc(n + 1);
    memcpy(d, path, n);
    d[n] = '\0';
    return d;
}

bool cli_names_a_path(const char *ref)
{
    return strchr(ref, '/') || ends_with(ref, ".yaml") || ends_with(ref, ".yml") ||
           ends_with(ref, ".json");
}

/* ---- the data folder ---- */

/* The folder of the running program (heap), or NULL. */
static char *program_dir(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    return cli_dir_of(buf);
}

static char *find_data_dir(void)
{
    const char *env = getenv("BRIEFC_DATA_DIR");
    if (env && *env)
        return copy(env);
    char *bin = program_dir();
    if (!bin)
        return NULL;
    const char *const candidates[] = {"share/briefc", BRIEFC_DATA_FROM_BIN};
    char *found = NULL;
    for (size_t i = 0; i < 2 && !found; i++) {
        char *d = join(bin, candidates[i]);
        if (is_directory(d))
            found = realpath(d, NULL); /* /usr/share/briefc, not /usr/bin/../share/briefc */
        free(d);
    }
    free(bin);
    return found;
}

/* ---- layout folders ---- */

/* Two folder names for the same folder ("./layouts" and "layouts", or a
 * report given as ../here/x.yaml from here). */
static bool same_dir(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    return strcmp(a, b) == 0;
}

static void add_layout_dir(cli_paths *p, char *dir)
{
    for (size_t i = 0; i < p->nlayout_dirs; i++) {
        if (same_dir(p->layout_dirs[i], dir)) {
            free(dir);
            return;
        }
    }
    p->layout_dirs[p->nlayout_dirs++] = dir;
}

void cli_paths_find(cli_paths *p, const char *report_path)
{
    *p = (cli_paths){0};
    p->data_dir = find_data_dir();
    if (p->data_dir) {
        char *fonts = join(p->data_dir, "fonts");
        if (is_directory(fonts))
            p->fonts_dir = fonts;
        else
            free(fonts);
    }
    char *report_dir = cli_dir_of(report_path);
    if (strcmp(report_dir, ".") != 0)
        add_layout_dir(p, join(report_dir, "layouts"));
    free(report_dir);
    add_layout_dir(p, copy("layouts"));
    if (p->data_dir)
        add_layout_dir(p, join(p->data_dir, "layouts"));
}

void cli_paths_free(cli_paths *p)
{
    free(p->data_dir);
    free(p->fonts_dir);
    for (size_t i = 0; i < p->nlayout_dirs; i++)
        free(p->layout_dirs[i]);
    *p = (cli_paths){0};
}

/* ---- the layout asked for, and the output ---- */

char *cli_layout_ref(const char *option, const char *meta_layout, const char *report_path)
{
    if (option)
        return copy(option);
    if (!meta_layout)
        return copy(CLI_DEFAULT_LAYOUT);
    if (!cli_names_a_path(meta_layout) || meta_layout[0] == '/')
        return copy(meta_layout);
    /* a path the report names is the report's: from its folder */
    char *dir = cli_dir_of(report_path);
    char *ref = strcmp(dir, ".") == 0 ? copy(meta_layout) : join(dir, meta_layout);
    free(dir);
    return ref;
}

char *cli_output_path(const cli_options *o)
{
    if (o->output)
        return copy(o->output);
    /* REPORT with its extension replaced by .pdf */
    const char *r = o->report_path;
    size_t n = strlen(r);
    const char *slash = strrchr(r, '/');
    const char *dot = strrchr(r, '.');
    if (dot && (!slash || dot > slash) && dot != r && dot[-1] != '/')
        n = (size_t)(dot - r);
    char *out = xmalloc(n + 5);
    memcpy(out, r, n);
    strcpy(out + n, ".pdf");
    return out;
}
