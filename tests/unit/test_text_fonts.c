/* test_text_fonts.c — fonts by role, per-character fallback, shaping and
 * half widths against the fonts Debian 12 installs (fonts-noto-cjk,
 * fonts-lxgw-wenkai, fonts-arphic-uming) and the repository's fonts/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "text/text_internal.h"

#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    text_engine *te;
    diag_list diags;
} fixture;

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    fx->te = text_engine_new("fonts", &fx->diags);
    if (!fx->te || fx->diags.count) {
        free(fx);
        return -1;
    }
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    text_engine_free(fx->te);
    diag_list_free(&fx->diags);
    free(fx);
    return 0;
}

static text_font *role(fixture *fx, const char *family)
{
    const char *const families[] = {family};
    return text_font_for_role(fx->te, "body", families, 1, "l.yaml", 1, 1, &fx->diags);
}

static bool contains(const char *haystack, const char *needle)
{
    return strstr(haystack, needle) != NULL;
}

/* ---- fonts by role ---- */

static void test_role_takes_first_installed(void **state)
{
    fixture *fx = *state;
    const char *const families[] = {"Noto Serif CJK SC", "Noto Sans CJK SC"};
    text_font *f = text_font_for_role(fx->te, "body", families, 2, "l.yaml", 3, 9, &fx->diags);
    assert_non_null(f);
    assert_string_equal(text_font_get_info(f)->family, "Noto Serif CJK SC");
    assert_int_equal(fx->diags.count, 0);
}

static void test_role_fallback_warns(void **state)
{
    fixture *fx = *state;
    const char *const families[] = {"方正书宋", "Noto Serif CJK SC"};
    text_font *f = text_font_for_role(fx->te, "body", families, 2, "l.yaml", 4, 11, &fx->diags);
    assert_non_null(f);
    assert_string_equal(text_font_get_info(f)->family, "Noto Serif CJK SC");
    assert_int_equal(fx->diags.count, 1);
    const diag *d = &fx->diags.items[0];
    assert_int_equal(d->level, DIAG_WARNING);
    assert_string_equal(d->file, "l.yaml");
    assert_int_equal(d->line, 4);
    assert_int_equal(d->col, 11);
    assert_string_equal(d->message,
                        "font role 'body': '方正书宋' is not installed; using 'Noto Serif CJK SC'");
}

static void test_role_fallback_names_alias_target(void **state)
{
    fixture *fx = *state;
    const char *const families[] = {"方正书宋", "NoSuchFamily", "宋体"};
    text_font *f = text_font_for_role(fx->te, "body", families, 3, "l.yaml", 4, 11, &fx->diags);
    assert_non_null(f);
    assert_int_equal(fx->diags.count, 1);
    assert_string_equal(fx->diags.items[0].message,
                        "font role 'body': '方正书宋', 'NoSuchFamily' are not installed; using "
                        "'宋体' (Noto Serif CJK SC)");
}

static void test_role_none_installed_is_error(void **state)
{
    fixture *fx = *state;
    const char *const families[] = {"方正书宋", "NoSuchFamily"};
    text_font *f = text_font_for_role(fx->te, "title", families, 2, "l.yaml", 7, 5, &fx->diags);
    assert_null(f);
    assert_int_equal(fx->diags.count, 1);
    assert_int_equal(fx->diags.errors, 1);
    const diag *d = &fx->diags.items[0];
    assert_int_equal(d->line, 7);
    assert_int_equal(d->col, 5);
    assert_string_equal(d->message,
                        "font role 'title': none of '方正书宋', 'NoSuchFamily' is installed");
}

/* Fontconfig answers every query; the match of an unknown or generic name
 * (DejaVu Sans, say) must not count as installed. */
static void test_role_rejects_substitutes(void **state)
{
    fixture *fx = *state;
    assert_null(role(fx, "NoSuchFamily"));
    assert_null(role(fx, "serif"));
    assert_null(role(fx, "sans-serif"));
    assert_null(role(fx, "Noto Serif CJK")); /* a prefix is not the family */
    assert_null(role(fx, "方正书宋"));
    assert_int_equal(fx->diags.errors, 5);
}

static void test_role_aliases_from_fonts_conf(void **state)
{
    fixture *fx = *state;
    static const struct {
        const char *asked, *family;
    } cases[] = {
        {"宋体", "Noto Serif CJK SC"},     {"宋体-简", "Noto Serif CJK SC"},
        {"SimSun", "Noto Serif CJK SC"},   {"黑体", "Noto Sans CJK SC"},
        {"SimHei", "Noto Sans CJK SC"},    {"楷体", "LXGW WenKai"},
        {"KaiTi", "LXGW WenKai"},          {"仿宋_GB2312", "Noto Serif CJK SC"},
        {"FangSong", "Noto Serif CJK SC"}, {"方正小标宋简体", "Noto Serif CJK SC"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        text_font *f = role(fx, cases[i].asked);
        assert_non_null(f);
        assert_string_equal(text_font_get_info(f)->family, cases[i].family);
    }
    assert_int_equal(fx->diags.count, 0);
}

/* Without fonts/fonts.conf the generic names are not installed: the alias
 * comes from our file, not from the system. */
static void test_role_alias_needs_fonts_conf(void **state)
{
    (void)state;
    diag_list diags = {0};
    text_engine *te = text_engine_new(NULL, &diags);
    assert_non_null(te);
    const char *const families[] = {"宋体"};
    assert_null(text_font_for_role(te, "body", families, 1, "l.yaml", 1, 1, &diags));
    assert_int_equal(diags.errors, 1);
    text_engine_free(te);
    diag_list_free(&diags);
}

/* A preloaded configuration is taken by the next engine only, and that
 * engine finds what one loading its own finds, fonts/ and its aliases too. */
static void test_preload_taken_once(void **state)
{
    (void)state;
    diag_list diags = {0};
    const char *const families[] = {"楷体"};
    assert_true(text_preload());
    text_engine *first = text_engine_new("fonts", &diags);
    text_engine *second = text_engine_new("fonts", &diags);
    assert_non_null(first);
    assert_non_null(second);
    const text_font_info *a =
        text_font_get_info(text_font_for_role(first, "body", families, 1, "l.yaml", 1, 1, &diags));
    const text_font_info *b =
        text_font_get_info(text_font_for_role(second, "body", families, 1, "l.yaml", 1, 1, &diags));
    assert_string_equal(a->family, "LXGW WenKai");
    assert_string_equal(a->path, b->path);
    assert_int_equal(diags.count, 0);
    text_engine_free(first);
    text_engine_free(second);
    text_preload_drop(); /* nothing is waiting: a no-op */
    assert_true(text_preload());
    text_preload_drop(); /* one loaded and never taken is freed */
    diag_list_free(&diags);
}

static void test_role_weight_pattern(void **state)
{
    fixture *fx = *state;
    text_font *plain = role(fx, "Noto Sans CJK SC");
    text_font *bold = role(fx, "Noto Sans CJK SC:bold");
    assert_non_null(plain);
    assert_non_null(bold);
    assert_ptr_not_equal(plain, bold);
    assert_string_equal(text_font_get_info(plain)->postscript_name, "NotoSansCJKsc-Regular");
    assert_string_equal(text_font_get_info(bold)->postscript_name, "NotoSansCJKsc-Bold");
    assert_ptr_equal(role(fx, "Noto Sans CJK SC"), plain); /* cached by (path, index) */
    assert_int_equal(fx->diags.count, 0);
}

/* ---- per-character fallback ---- */

static void test_char_in_preferred_font(void **state)
{
    fixture *fx = *state;
    text_font *serif = role(fx, "Noto Serif CJK SC");
    text_origin o = {"r.yaml", 2, 10, true};
    assert_ptr_equal(text_font_for_char(fx->te, serif, 0x6708 /* 月 */, &o, 0, &fx->diags), serif);
    assert_ptr_equal(text_font_for_char(fx->te, serif, 0x20BB7 /* 𠮷 */, &o, 1, &fx->diags), serif);
    assert_int_equal(fx->diags.count, 0);
}

static void test_char_fallback_warns_once(void **state)
{
    fixture *fx = *state;
    text_font *serif = role(fx, "Noto Serif CJK SC");
    const uint32_t smiley = 0x263A; /* ☺: not in Noto CJK, in DejaVu Sans */
    assert_false(text_font_has_char(serif, smiley));
    text_origin o = {"r.yaml", 2, 10, true};
    text_font *f = text_font_for_char(fx->te, serif, smiley, &o, 3, &fx->diags);
    assert_non_null(f);
    assert_ptr_not_equal(f, serif);
    assert_true(text_font_has_char(f, smiley));
    assert_int_equal(fx->diags.count, 1);
    const diag *d = &fx->diags.items[0];
    assert_int_equal(d->level, DIAG_WARNING);
    assert_string_equal(d->file, "r.yaml");
    assert_int_equal(d->line, 2);
    assert_int_equal(d->col, 13); /* col + characters before it */
    assert_true(contains(d->message, "U+263A '☺'"));
    assert_true(contains(d->message, text_font_get_info(f)->family));

    /* Once per character and font, wherever it occurs again. */
    assert_ptr_equal(text_font_for_char(fx->te, serif, smiley, &o, 9, &fx->diags), f);
    assert_int_equal(fx->diags.count, 1);
}

static void test_char_no_font_has_it(void **state)
{
    fixture *fx = *state;
    text_font *serif = role(fx, "Noto Serif CJK SC");
    text_origin o = {"r.yaml", 2, 10, false};
    assert_null(text_font_for_char(fx->te, serif, 0x10FFFD, &o, 0, &fx->diags));
    assert_int_equal(fx->diags.count, 0); /* the caller reports the error */
}

/* ---- shaping ---- */

static uint32_t nominal_glyph(const text_font *f, uint32_t cp)
{
    hb_codepoint_t gid = 0;
    assert_true(hb_font_get_nominal_glyph(text_font_get_hb_font(f), cp, &gid));
    return gid;
}

static void test_shape_glyphs_and_clusters(void **state)
{
    fixture *fx = *state;
    text_font *serif = role(fx, "Noto Serif CJK SC");
    const char *text = "8月30日";
    const uint32_t cps[] = {'8', 0x6708, '3', '0', 0x65E5};
    const uint32_t clusters[] = {0, 1, 4, 5, 6};
    shaped_glyph *g = NULL;
    size_t n = text_shape(serif, text, strlen(text), 0, strlen(text), NULL, 0, &g);
    assert_int_equal(n, 5);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(g[i].gid, nominal_glyph(serif, cps[i]));
        assert_int_equal(g[i].cluster, clusters[i]);
        assert_int_equal(g[i].x_advance, text_font_glyph_advance(serif, g[i].gid));
    }
    assert_int_equal(g[1].x_advance, 1000); /* 月 is one em */
    free(g);

    /* A sub-range keeps clusters as offsets into the whole text. */
    n = text_shape(serif, text, strlen(text), 1, 4, NULL, 0, &g);
    assert_int_equal(n, 1);
    assert_int_equal(g[0].cluster, 1);
    assert_int_equal(g[0].gid, nominal_glyph(serif, 0x6708));
    free(g);
}

static void test_shape_outside_bmp(void **state)
{
    fixture *fx = *state;
    text_font *serif = role(fx, "Noto Serif CJK SC");
    const char *text = "张𠮷";
    shaped_glyph *g = NULL;
    size_t n = text_shape(serif, text, strlen(text), 0, strlen(text), NULL, 0, &g);
    assert_int_equal(n, 2);
    assert_int_equal(g[1].cluster, 3);
    assert_int_not_equal(g[1].gid, 0);
    assert_int_equal(g[1].gid, nominal_glyph(serif, 0x20BB7));
    free(g);
}

/* Cluster level "characters": a combining mark keeps its own cluster, so
 * that the ToUnicode map and breaking see every character. */
static void test_shape_mark_own_cluster(void **state)
{
    fixture *fx = *state;
    text_font *serif = role(fx, "Noto Serif CJK SC");
    assert_true(text_font_has_char(serif, 0x0301));
    const char *text = "x\u0301";
    shaped_glyph *g = NULL;
    size_t n = text_shape(serif, text, strlen(text), 0, strlen(text), NULL, 0, &g);
    assert_int_equal(n, 2);
    assert_int_equal(g[0].cluster, 0);
    assert_int_equal(g[1].cluster, 1);
    free(g);
}

static int total_advance(const text_font *f, const char *text)
{
    shaped_glyph *g = NULL;
    size_t n = text_shape(f, text, strlen(text), 0, strlen(text), NULL, 0, &g);
    int sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += g[i].x_advance;
    free(g);
    return sum;
}

/* U+2014 is 0.89 em by default in Noto Serif CJK SC; shaping adds fwid. */
static void test_shape_dashes_full_width(void **state)
{
    fixture *fx = *state;
    text_font *serif = role(fx, "Noto Serif CJK SC");
    int nominal = text_font_glyph_advance(serif, nominal_glyph(serif, 0x2014));
    assert_true(nominal < 950);
    assert_int_equal(total_advance(serif, "—"), 1000);
    assert_int_equal(total_advance(serif, "——"), 2000);
    assert_int_equal(total_advance(serif, "⸺"), 2000);
    assert_int_equal(total_advance(serif, "·"), 1000);
}

static void test_shape_caller_features(void **state)
{
    fixture *fx = *state;
    text_font *serif = role(fx, "Noto Serif CJK SC");
    const char *text = "，（";
    hb_feature_t halt = {HB_TAG('h', 'a', 'l', 't'), 1, 0, 3}; /* the comma only */
    shaped_glyph *g = NULL;
    size_t n = text_shape(serif, text, strlen(text), 0, strlen(text), &halt, 1, &g);
    assert_int_equal(n, 2);
    assert_int_equal(g[0].x_advance, 500);
    assert_int_equal(g[1].x_advance, 1000);
    free(g);
}

/* ---- half widths ---- */

static void test_halt_from_gpos(void **state)
{
    fixture *fx = *state;
    text_font *serif = role(fx, "Noto Serif CJK SC");
    int adv = 0, off = 0;
    assert_true(text_font_halt(serif, 0xFF0C /* ， */, &adv, &off));
    assert_int_equal(adv, -500);
    assert_int_equal(off, 0);
    assert_true(text_font_halt(serif, 0xFF08 /* （ */, &adv, &off));
    assert_int_equal(adv, -500);
    assert_int_equal(off, -500);
    assert_true(text_font_halt(serif, 0x00B7 /* · after fwid */, &adv, &off));
    assert_int_equal(adv, -500);
    assert_int_equal(off, -250);
    assert_false(text_font_halt(serif, 'A', &adv, &off));
    assert_false(text_font_halt(serif, 0x2014, &adv, &off)); /* not compressible */
    assert_false(text_font_halt(serif, 0x6708, &adv, &off));
}

/* AR PL UMing has no `halt` (upem 1024): the blank-half table applies. */
static void test_halt_from_table(void **state)
{
    fixture *fx = *state;
    text_font *uming = role(fx, "AR PL UMing CN");
    assert_non_null(uming);
    assert_int_equal(text_font_get_info(uming)->units_per_em, 1024);
    const char *text = "，";
    hb_feature_t halt = {HB_TAG('h', 'a', 'l', 't'), 1, 0, (unsigned)-1};
    shaped_glyph *g = NULL;
    assert_int_equal(text_shape(uming, text, strlen(text), 0, strlen(text), &halt, 1, &g), 1);
    assert_int_equal(g[0].x_advance, 1024); /* GPOS leaves it alone */
    free(g);

    int adv = 0, off = 0;
    assert_true(text_font_halt(uming, 0xFF0C, &adv, &off));
    assert_int_equal(adv, -512);
    assert_int_equal(off, 0);
    assert_true(text_font_halt(uming, 0x300A /* 《 */, &adv, &off));
    assert_int_equal(adv, -512);
    assert_int_equal(off, -512);
}

/* LXGW WenKai's “ is proportional: there is no blank half to remove. */
static void test_halt_not_for_narrow_glyphs(void **state)
{
    fixture *fx = *state;
    text_font *kai = role(fx, "LXGW WenKai");
    int nominal = text_font_glyph_advance(kai, nominal_glyph(kai, 0x201C));
    assert_true(nominal < 900);
    int adv = 0, off = 0;
    assert_false(text_font_halt(kai, 0x201C, &adv, &off));
    assert_true(text_font_halt(kai, 0x3002 /* 。 is full width */, &adv, &off));
    assert_int_equal(adv, -500);
}

/* ---- what the PDF stage embeds ---- */

static void test_info_noto_serif(void **state)
{
    fixture *fx = *state;
    const text_font_info *in = text_font_get_info(role(fx, "Noto Serif CJK SC"));
    assert_true(in->cff);
    assert_int_equal(in->units_per_em, 1000);
    assert_string_equal(in->postscript_name, "NotoSerifCJKsc-Regular");
    assert_int_equal(in->index, 2);
    assert_true(contains(in->path, ".ttc"));
    assert_true(in->ascender > 800);
    assert_true(in->descender < -100);
    assert_true(in->cap_height > 500 && in->cap_height < in->ascender);
    assert_true(in->bbox[0] < in->bbox[2]);
    assert_true(in->bbox[1] < 0 && in->bbox[3] > 1000);
    assert_true(in->serif);
    assert_false(in->fixed_pitch);
    assert_non_null(text_font_get_face(role(fx, "Noto Serif CJK SC")));
}

static void test_info_truetype(void **state)
{
    fixture *fx = *state;
    const text_font_info *kai = text_font_get_info(role(fx, "LXGW WenKai"));
    assert_false(kai->cff);
    assert_string_equal(kai->postscript_name, "LXGWWenKai-Regular");
    const text_font_info *sans = text_font_get_info(role(fx, "Noto Sans CJK SC"));
    assert_false(sans->serif);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_role_takes_first_installed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_role_fallback_warns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_role_fallback_names_alias_target, setup, teardown),
        cmocka_unit_test_setup_teardown(test_role_none_installed_is_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_role_rejects_substitutes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_role_aliases_from_fonts_conf, setup, teardown),
        cmocka_unit_test(test_role_alias_needs_fonts_conf),
        cmocka_unit_test(test_preload_taken_once),
        cmocka_unit_test_setup_teardown(test_role_weight_pattern, setup, teardown),
        cmocka_unit_test_setup_teardown(test_char_in_preferred_font, setup, teardown),
        cmocka_unit_test_setup_teardown(test_char_fallback_warns_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_char_no_font_has_it, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shape_glyphs_and_clusters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shape_outside_bmp, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shape_mark_own_cluster, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shape_dashes_full_width, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shape_caller_features, setup, teardown),
        cmocka_unit_test_setup_teardown(test_halt_from_gpos, setup, teardown),
        cmocka_unit_test_setup_teardown(test_halt_from_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_halt_not_for_narrow_glyphs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_info_noto_serif, setup, teardown),
        cmocka_unit_test_setup_teardown(test_info_truetype, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    FcFini(); /* keeps valgrind's report to our own memory */
    return failed;
}
