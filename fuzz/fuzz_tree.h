/* fuzz_tree.h — invariants of the generic tree (report.h) that the JSON and
 * YAML harnesses check on every tree the loaders return. */
#ifndef BRIEFC_FUZZ_TREE_H
#define BRIEFC_FUZZ_TREE_H

#include "fuzz_check.h"
#include "report/report.h"

/* Aliases share nodes, so a tree may be a DAG with many paths to a node:
 * the walk gives up after this many visits rather than take exponential time. */
enum { FUZZ_TREE_BUDGET = 200000 };

static inline void fuzz_check_node(const report_node *n, int depth, size_t *budget)
{
    FUZZ_CHECK(n != NULL, "a null node at depth %d", depth);
    if (*budget == 0)
        return;
    --*budget;
    FUZZ_CHECK(depth <= 10000, "nesting deeper than any loader allows (%d)", depth);
    FUZZ_CHECK(n->line >= 1 && n->col >= 1, "node at %d:%d", n->line, n->col);
    switch (n->kind) {
    case REPORT_NODE_SCALAR:
        FUZZ_CHECK(n->text != NULL, "scalar without text at %d:%d", n->line, n->col);
        FUZZ_CHECK(n->text[n->len] == '\0', "scalar text not terminated at len %zu", n->len);
        FUZZ_CHECK(utf8_validate(n->text, n->len) == (size_t)-1, "scalar at %d:%d not UTF-8",
                   n->line, n->col);
        break;
    case REPORT_NODE_SEQUENCE:
        FUZZ_CHECK(n->count == 0 || n->items != NULL, "sequence of %zu without items", n->count);
        for (size_t i = 0; i < n->count; i++)
            fuzz_check_node(n->items[i], depth + 1, budget);
        break;
    case REPORT_NODE_MAPPING:
        FUZZ_CHECK(n->npairs == 0 || n->pairs != NULL, "mapping of %zu without pairs", n->npairs);
        for (size_t i = 0; i < n->npairs; i++) {
            FUZZ_CHECK(n->pairs[i].key && n->pairs[i].key->kind == REPORT_NODE_SCALAR,
                       "a mapping key at %d:%d is not a scalar", n->line, n->col);
            fuzz_check_node(n->pairs[i].key, depth + 1, budget);
            fuzz_check_node(n->pairs[i].value, depth + 1, budget);
        }
        break;
    default:
        FUZZ_CHECK(0, "node of kind %d", (int)n->kind);
    }
}

/* A tree from a loader, when it returned one (NULL: a syntax error, or an
 * empty document). */
static inline void fuzz_check_tree(const report_node *root)
{
    size_t budget = FUZZ_TREE_BUDGET;
    if (root)
        fuzz_check_node(root, 0, &budget);
}

#endif
