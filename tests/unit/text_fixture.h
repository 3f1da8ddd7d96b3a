/* text_fixture.h — the text engine with real fonts, shared by the unit tests
 * of text/ that set paragraphs: Noto Serif CJK SC as the body, Noto Sans CJK
 * SC as the strong face (the fonts the tests' folder `fonts/` resolves),
 * an arena, and the diagnostics, which clear_diags empties before a test. */
#ifndef BRIEFC_TEST_TEXT_FIXTURE_H
#define BRIEFC_TEST_TEXT_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "text/text.h"

typedef struct fixture {
    text_engine *te;
    text_font *serif, *sans;
    arena *a;
    diag_list diags;
} fixture;

static fixture *fx;

static int setup(void **state)
{
    (void)state;
    fx = calloc(1, sizeof *fx);
    fx->te = text_engine_new("fonts", &fx->diags);
    const char *serif[] = {"Noto Serif CJK SC"};
    const char *sans[] = {"Noto Sans CJK SC"};
    fx->serif = text_font_for_role(fx->te, "body", serif, 1, NULL, 0, 0, &fx->diags);
    fx->sans = text_font_for_role(fx->te, "strong", sans, 1, NULL, 0, 0, &fx->diags);
    fx->a = arena_new();
    return fx->te && fx->serif && fx->sans ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    arena_free(fx->a);
    diag_list_free(&fx->diags);
    text_engine_free(fx->te);
    free(fx);
    return 0;
}

/* Each test starts with no diagnostics. */
__attribute__((unused)) static int clear_diags(void **state)
{
    (void)state;
    diag_list_free(&fx->diags);
    memset(&fx->diags, 0, sizeof fx->diags);
    return 0;
}

#endif
