/* font.c — one loaded font: loading it from a Fontconfig pattern, the facts
 * the PDF stage embeds (PostScript name, head/post/OS/2 metrics), freeing it
 * and its accessors. */
#include "font_internal.h"

#include <hb-ot.h>

#include <stdlib.h>
#include <string.h>

/* ---- loading fonts ---- */

char *text_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = xmalloc(n);
    memcpy(copy, s, n);
    return copy;
}

static uint16_t be16(const char *p)
{
    return (uint16_t)(((unsigned char)p[0] << 8) | (unsigned char)p[1]);
}

static uint32_t be32(const char *p)
{
    return ((uint32_t)be16(p) << 16) | be16(p + 2);
}

static bool face_has_table(hb_face_t *face, hb_tag_t tag)
{
    hb_blob_t *blob = hb_face_reference_table(face, tag);
    bool present = hb_blob_get_length(blob) > 0;
    hb_blob_destroy(blob);
    return present;
}

/* The PostScript name (name id 6), any language. */
static char *read_postscript_name(hb_face_t *face)
{
    char buf[128];
    unsigned size = sizeof buf;
    unsigned n =
        hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, buf);
    if (n == 0)
        return text_strdup("");
    buf[size < sizeof buf ? size : sizeof buf - 1] = '\0';
    return text_strdup(buf);
}

/* bbox from 'head'; italic angle and fixed pitch from 'post'. */
static void read_head_and_post(hb_face_t *face, text_font_info *info)
{
    hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned len;
    const char *p = hb_blob_get_data(head, &len);
    if (len >= 44) {
        for (int i = 0; i < 4; i++)
            info->bbox[i] = (int16_t)be16(p + 36 + 2 * i);
    }
    hb_blob_destroy(head);

    hb_blob_t *post = hb_face_reference_table(face, HB_TAG('p', 'o', 's', 't'));
    p = hb_blob_get_data(post, &len);
    if (len >= 16) {
        info->italic_angle = (int32_t)be32(p + 4) / 65536.0;
        info->fixed_pitch = be32(p + 12) != 0;
    }
    hb_blob_destroy(post);
}

/* Serif by the OS/2 PANOSE serif style when the font fills it in (Latin text
 * family type), else by the family name: CJK fonts mostly leave PANOSE 0. */
static bool guess_serif(hb_face_t *face, const char *family)
{
    hb_blob_t *os2 = hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2'));
    unsigned len;
    const char *p = hb_blob_get_data(os2, &len);
    int family_type = len >= 44 ? (unsigned char)p[32] : 0;
    int serif_style = len >= 44 ? (unsigned char)p[33] : 0;
    hb_blob_destroy(os2);
    if (family_type == 2 && serif_style >= 2)
        return serif_style <= 10;
    static const char *const sans_words[] = {"Sans", "Hei", "Gothic", "黑"};
    for (size_t i = 0; i < sizeof sans_words / sizeof sans_words[0]; i++) {
        if (strstr(family, sans_words[i]))
            return false;
    }
    return true;
}

static void fill_info(text_font *f)
{
    text_font_info *info = &f->info;
    info->family = f->family;
    info->postscript_name = f->postscript_name;
    info->path = f->path;
    info->index = f->index;
    info->cff = face_has_table(f->face, HB_TAG('C', 'F', 'F', ' '));
    info->units_per_em = hb_face_get_upem(f->face);
    hb_position_t v = 0;
    if (hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v))
        info->ascender = v;
    if (hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v))
        info->descender = v;
    if (hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v))
        info->cap_height = v;
    else
        info->cap_height = info->ascender; /* PDF needs one; CJK fonts may lack it */
    read_head_and_post(f->face, info);
    info->serif = guess_serif(f->face, f->family);
}

/* The font for a Fontconfig pattern (a match or a sorted-list entry), loaded
 * once per (file, face index). NULL when the file cannot be read. */
text_font *text_font_from_pattern(text_font **loaded, FcPattern *pat)
{
    FcChar8 *file = NULL, *family = NULL;
    int index = 0;
    if (FcPatternGetString(pat, FC_FILE, 0, &file) != FcResultMatch)
        return NULL;
    FcPatternGetInteger(pat, FC_INDEX, 0, &index);
    for (text_font *f = *loaded; f; f = f->next) {
        if (f->index == (unsigned)index && strcmp(f->path, (const char *)file) == 0)
            return f;
    }
    hb_blob_t *blob = hb_blob_create_from_file_or_fail((const char *)file);
    if (!blob)
        return NULL;
    /* The low 16 bits are the face in a collection; the rest name a variable
     * font's instance, which we do not use. */
    hb_face_t *face = hb_face_create(blob, (unsigned)index & 0xFFFF);
    if (hb_face_get_glyph_count(face) == 0) {
        hb_face_destroy(face);
        hb_blob_destroy(blob);
        return NULL;
    }
    text_font *f = xcalloc(1, sizeof *f);
    f->path = text_strdup((const char *)file);
    f->index = (unsigned)index;
    f->blob = blob;
    f->face = face;
    f->font = hb_font_create(face);
    unsigned upem = hb_face_get_upem(face);
    hb_font_set_scale(f->font, (int)upem, (int)upem);
    f->coverage = hb_set_create();
    hb_face_collect_unicodes(face, f->coverage);
    if (FcPatternGetString(pat, FC_FAMILY, 0, &family) != FcResultMatch)
        family = (FcChar8 *)"";
    f->family = text_strdup((const char *)family);
    f->postscript_name = read_postscript_name(face);
    fill_info(f);
    f->next = *loaded;
    *loaded = f;
    return f;
}

void text_font_free(text_font *f)
{
    hb_set_destroy(f->coverage);
    hb_font_destroy(f->font);
    hb_face_destroy(f->face);
    hb_blob_destroy(f->blob);
    free(f->halt_cache);
    free(f->family);
    free(f->postscript_name);
    free(f->path);
    free(f);
}

/* ---- accessors ---- */

bool text_font_has_char(const text_font *f, uint32_t cp)
{
    return f && hb_set_has(f->coverage, cp);
}

const text_font_info *text_font_get_info(const text_font *f)
{
    return &f->info;
}

hb_face_t *text_font_get_face(const text_font *f)
{
    return f->face;
}

hb_font_t *text_font_get_hb_font(const text_font *f)
{
    return f->font;
}

int text_font_glyph_advance(const text_font *f, uint32_t gid)
{
    return hb_font_get_glyph_h_advance(f->font, gid);
}

double text_font_advance_at(const text_font *f, uint32_t gid, double size)
{
    return text_font_glyph_advance(f, gid) * (size / (double)text_font_get_info(f)->units_per_em);
}
