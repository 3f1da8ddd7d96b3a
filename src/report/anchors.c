/* anchors.c — the YAML reader's map from anchor names to their nodes: an
 * AVL tree ordered by name. A balanced tree rather than a hash table on
 * purpose: a hostile file can choose its anchor names, and names chosen to
 * collide would make a hash table quadratic; a balanced tree answers in
 * O(log n) whatever the names. Calls no other file of the stage. */
#include "tree_internal.h"

#include <stdlib.h>
#include <string.h>

static int subtree_height(const report_anchor *a)
{
    return a ? a->subtree_height : 0;
}

static void update_height(report_anchor *a)
{
    int l = subtree_height(a->left), r = subtree_height(a->right);
    a->subtree_height = 1 + (l > r ? l : r);
}

static report_anchor *rotate_right(report_anchor *a)
{
    report_anchor *b = a->left;
    a->left = b->right;
    b->right = a;
    update_height(a);
    update_height(b);
    return b;
}

static report_anchor *rotate_left(report_anchor *a)
{
    report_anchor *b = a->right;
    a->right = b->left;
    b->left = a;
    update_height(a);
    update_height(b);
    return b;
}

/* a with its subtrees balanced, after an insertion below it. */
static report_anchor *rebalance(report_anchor *a)
{
    update_height(a);
    int lean = subtree_height(a->left) - subtree_height(a->right);
    if (lean > 1) {
        if (subtree_height(a->left->left) < subtree_height(a->left->right))
            a->left = rotate_left(a->left);
        return rotate_right(a);
    }
    if (lean < -1) {
        if (subtree_height(a->right->right) < subtree_height(a->right->left))
            a->right = rotate_right(a->right);
        return rotate_left(a);
    }
    return a;
}

static report_anchor *insert(report_anchor *t, report_anchor *n)
{
    if (!t)
        return n;
    if (strcmp(n->name, t->name) < 0)
        t->left = insert(t->left, n);
    else
        t->right = insert(t->right, n);
    return rebalance(t);
}

report_anchor *report_anchors_find(const report_anchors *m, const char *name)
{
    report_anchor *a = m->root;
    while (a) {
        int c = strcmp(name, a->name);
        if (c == 0)
            return a;
        a = c < 0 ? a->left : a->right;
    }
    return NULL;
}

report_anchor *report_anchors_add(report_anchors *m, const char *name)
{
    report_anchor *a = xcalloc(1, sizeof *a);
    size_t n = strlen(name);
    a->name = memcpy(xmalloc(n + 1), name, n + 1);
    a->subtree_height = 1;
    m->root = insert(m->root, a);
    return a;
}

static void free_tree(report_anchor *a)
{
    if (!a)
        return;
    free_tree(a->left); /* the depth is O(log n): no deep recursion */
    free_tree(a->right);
    free(a->name);
    free(a);
}

void report_anchors_free(report_anchors *m)
{
    free_tree(m->root);
    m->root = NULL;
}
