/* tree_internal.h — pieces the YAML and JSON tree loaders share. Not part of
 * the report stage's public contract. */
#ifndef BRIEFC_TREE_INTERNAL_H
#define BRIEFC_TREE_INTERNAL_H

#include "report.h"

/* Deepest nesting of sequences and mappings either loader accepts. */
#define TREE_MAX_DEPTH 512

/* Strict RFC 8259 reader. Returns NULL on a syntax error (reported) or when
 * the text holds nothing but whitespace (not reported). */
report_node *report_tree_json_parse(const char *name, const char *buf, size_t len, arena *a,
                                    diag_list *diags);

/* Report every key of map given a second time. Returns false when any. */
bool report_tree_check_duplicate_keys(const char *name, const report_node *map, diag_list *diags);

/* 1-based line and column (in characters) of byte offset `at` of buf. */
void report_tree_offset_position(const char *buf, size_t len, size_t at, int *line, int *col);

/* Report the first invalid UTF-8 byte of buf. Returns false when there is one. */
bool report_tree_check_utf8(const char *name, const char *buf, size_t len, diag_list *diags);

#endif
