/* tree_internal.h — the pieces of the YAML and JSON tree loaders, by file.
 * tree.c and anchors.c are at the bottom; tree_yaml.c (which uses both) and
 * tree_json.c (which uses tree.c) never call each other; tree_load.c
 * (report_tree_load_file/_buffer, in report.h) calls tree.c and the two
 * readers. Not part of the report stage's public contract. */
#ifndef BRIEFC_TREE_INTERNAL_H
#define BRIEFC_TREE_INTERNAL_H

#include "report.h"

/* Deepest nesting of sequences and mappings either loader accepts. */
#define TREE_MAX_DEPTH 512

/* ---- tree.c: what the readers and the loader share ---- */

/* Report every key of map given a second time. Returns false when any. */
bool report_tree_check_duplicate_keys(const char *name, const report_node *map, diag_list *diags);

/* 1-based line and column (in characters) of byte offset `at` of buf. */
void report_tree_offset_position(const char *buf, size_t len, size_t at, int *line, int *col);

/* Report the first invalid UTF-8 byte of buf. Returns false when there is one. */
bool report_tree_check_utf8(const char *name, const char *buf, size_t len, diag_list *diags);

/* A character no scalar may hold: NUL, the C0 controls but tab and line
 * feed, and DEL. They would truncate text (NUL) or reach a terminal or a
 * PDF as commands. */
bool report_tree_is_forbidden(uint32_t cp);
/* Byte offset of the first forbidden character of s, or (size_t)-1. */
size_t report_tree_find_forbidden(const char *s, size_t len);
/* Report forbidden character c at line:col. An error, but not a syntax
 * error: the readers go on, so that every error of the file is reported. */
void report_tree_forbidden_error(const char *name, int line, int col, unsigned char c,
                                 diag_list *diags);

/* ---- anchors.c: the YAML reader's anchors, by name ---- */

typedef struct report_anchor {
    char *name;
    report_node *node; /* the anchored node (still being read while open) */
    size_t expanded;   /* its size with aliases expanded, once closed */
    int levels;        /* levels of collections in it (a scalar: 0), once closed */
    bool open;         /* its node is still being read: an alias to it is a cycle */
    struct report_anchor *left, *right;
    int subtree_height;
} report_anchor;

typedef struct report_anchors {
    report_anchor *root; /* an AVL tree ordered by name */
} report_anchors;

report_anchor *report_anchors_find(const report_anchors *m, const char *name);
/* A new entry for name, which must not be in m yet; its fields are zero. */
report_anchor *report_anchors_add(report_anchors *m, const char *name);
void report_anchors_free(report_anchors *m);

/* ---- tree_yaml.c ---- */

/* One YAML document (libyaml), aliases shared and their expansion bounded.
 * Returns NULL on an error (reported) or when the text holds no document
 * (not reported). buf is valid UTF-8. */
report_node *report_tree_yaml_parse(const char *name, const char *buf, size_t len, arena *a,
                                    diag_list *diags);

/* ---- tree_json.c ---- */

/* Strict RFC 8259 reader. Returns NULL on a syntax error (reported) or when
 * the text holds nothing but whitespace (not reported). */
report_node *report_tree_json_parse(const char *name, const char *buf, size_t len, arena *a,
                                    diag_list *diags);

#endif
