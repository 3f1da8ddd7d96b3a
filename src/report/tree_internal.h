/* tree_internal.h — the pieces of the YAML and JSON tree loaders, by file.
 * tree.c is at the bottom; tree_yaml.c and tree_json.c call it and never
 * each other; tree_load.c (report_tree_load_file/_buffer, in report.h) calls
 * all three. Not part of the report stage's public contract. */
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
