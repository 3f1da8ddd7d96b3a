/* tree.c — what the tree's readers (tree_yaml.c, tree_json.c) and its
 * loader (tree_load.c) share: positions of byte offsets, the UTF-8 check,
 * duplicate keys, forbidden characters; and report_node_get, looking a key
 * up in a mapping. Calls no other file of the stage. */
#include "tree_internal.h"

#include <stdlib.h>
#include <string.h>

void report_tree_offset_position(const char *buf, size_t len, size_t at, int *line, int *col)
{
    size_t line_start = 0;
    int l = 1;
    for (size_t i = 0; i < at && i < len; i++) {
        if (buf[i] == '\n') {
            l++;
            line_start = i + 1;
        }
    }
    *line = l;
    *col = (int)utf8_length(buf + line_start, at - line_start) + 1;
}

bool report_tree_check_utf8(const char *name, const char *buf, size_t len, diag_list *diags)
{
    size_t bad = utf8_validate(buf, len);
    if (bad == (size_t)-1)
        return true;
    int line, col;
    report_tree_offset_position(buf, len, bad, &line, &col);
    diag_add(diags, DIAG_ERROR, name, line, col,
             "invalid UTF-8 (byte 0x%02X); the file must be saved as UTF-8",
             (unsigned char)buf[bad]);
    return false;
}

bool report_tree_is_forbidden(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F;
}

size_t report_tree_find_forbidden(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) /* every forbidden character is one byte */
        if (report_tree_is_forbidden((unsigned char)s[i]))
            return i;
    return (size_t)-1;
}

void report_tree_forbidden_error(const char *name, int line, int col, unsigned char c,
                                 diag_list *diags)
{
    if (c == 0)
        diag_add(diags, DIAG_ERROR, name, line, col, "NUL character (U+0000) in text; remove it");
    else if (c == '\r')
        diag_add(diags, DIAG_ERROR, name, line, col,
                 "carriage return (U+000D) in text; write a line break as a line feed alone");
    else
        diag_add(diags, DIAG_ERROR, name, line, col,
                 "control character U+%04X in text; remove it (tab and line feed are the only "
                 "control characters allowed)",
                 c);
}

typedef struct key_ref {
    const report_node *key;
    size_t index;
} key_ref;

static int key_ref_compare(const void *pa, const void *pb)
{
    const key_ref *a = pa, *b = pb;
    size_t n = a->key->len < b->key->len ? a->key->len : b->key->len;
    int c = memcmp(a->key->text, b->key->text, n);
    if (c)
        return c;
    if (a->key->len != b->key->len)
        return a->key->len < b->key->len ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

bool report_tree_check_duplicate_keys(const char *name, const report_node *map, diag_list *diags)
{
    if (map->npairs < 2)
        return true;
    /* Sorting by (text, position) puts each first occurrence before its repeats. */
    key_ref *refs = xmalloc(map->npairs * sizeof *refs);
    for (size_t i = 0; i < map->npairs; i++)
        refs[i] = (key_ref){map->pairs[i].key, i};
    qsort(refs, map->npairs, sizeof *refs, key_ref_compare);
    bool ok = true;
    size_t first = 0;
    for (size_t i = 1; i < map->npairs; i++) {
        const report_node *a = refs[first].key, *b = refs[i].key;
        if (a->len == b->len && memcmp(a->text, b->text, a->len) == 0) {
            diag_add(diags, DIAG_ERROR, name, b->line, b->col,
                     "duplicate key '%s' (first at line %d)", b->text, a->line);
            ok = false;
        } else {
            first = i;
        }
    }
    free(refs);
    return ok;
}

report_node *report_node_get(const report_node *map, const char *key)
{
    if (!map || map->kind != REPORT_NODE_MAPPING)
        return NULL;
    size_t n = strlen(key);
    for (size_t i = 0; i < map->npairs; i++) {
        const report_node *k = map->pairs[i].key;
        if (k->len == n && memcmp(k->text, key, n) == 0)
            return map->pairs[i].value;
    }
    return NULL;
}
