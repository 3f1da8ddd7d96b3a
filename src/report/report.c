/* report.c — the stage's entry points: report_load (load the tree, then
 * validate and build), report_free and report_text_position. */
#include "report_internal.h"

report *report_load(const char *path, diag_list *diags)
{
    arena *a = arena_new();
    size_t errors_before = diags->errors;
    report_node *root = report_tree_load_file(path, a, diags);
    if (!root) {
        if (diags->errors == errors_before) /* the loader says nothing about empty files */
            diag_add(diags, DIAG_ERROR, path, 1, 1,
                     "empty file: expected a mapping with 'briefc: 1'");
        arena_free(a);
        return NULL;
    }
    report *r = report_build(path, root, a, diags);
    if (!r || diags->errors > errors_before) { /* e.g. duplicate keys found by the loader */
        arena_free(a);
        return NULL;
    }
    return r;
}

void report_free(report *r)
{
    if (r)
        arena_free(r->arena); /* r itself lives in its arena */
}

void report_text_position(const report_text *t, size_t at, int *line, int *col)
{
    *line = t->line;
    *col = t->col;
    if (t->exact_cols && t->s)
        *col += (int)utf8_length(t->s, at < t->len ? at : t->len);
}
