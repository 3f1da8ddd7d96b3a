/* tree_load.c — the entry points that load a tree from a file or a buffer:
 * drop a byte order mark, check the text is UTF-8, then hand it to the JSON
 * reader (tree_json.c) for a `.json` name and to the YAML reader
 * (tree_yaml.c) for any other. */
#include "tree_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

report_node *report_tree_load_buffer(const char *name, const char *buf, size_t len, arena *a,
                                     diag_list *diags)
{
    /* Windows editors start UTF-8 files with a byte order mark. Dropping it
     * here keeps columns on line 1 counted from the first real character. */
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    if (!report_tree_check_utf8(name, buf, len, diags))
        return NULL;
    if (ends_with(name, ".json"))
        return report_tree_json_parse(name, buf, len, a, diags);
    return report_tree_yaml_parse(name, buf, len, a, diags);
}

report_node *report_tree_load_file(const char *path, arena *a, diag_list *diags)
{
    size_t len;
    char *buf = base_read_file(path, &len);
    if (!buf) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
        return NULL;
    }
    report_node *root = report_tree_load_buffer(path, buf, len, a, diags);
    free(buf);
    return root;
}
