/* fuzz_json.c — the JSON reader (report_tree_load_buffer with a .json name)
 * on any bytes: no crash, leak or undefined behaviour, every tree well
 * formed, every message printable. The input is passed exactly as long as
 * it is (no terminating NUL), so a read past the end is an ASan finding. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_tree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena *a = arena_new();
    diag_list d = {0};
    report_node *root = report_tree_load_buffer("fuzz.json", (const char *)data, size, a, &d);
    fuzz_check_tree(root);
    fuzz_check_diags(&d);
    diag_list_free(&d);
    arena_free(a);
    return 0;
}
