/* font_internal.h — the loaded font between its files: font.c loads and
 * describes one font, fonts.c (the engine) caches and chooses fonts, halt.c
 * computes a font's half-width adjustments. Not for use outside src/text/. */
#ifndef BRIEFC_FONT_INTERNAL_H
#define BRIEFC_FONT_INTERNAL_H

#include "text_internal.h"

#include <fontconfig/fontconfig.h>

typedef struct halt_entry halt_entry; /* halt.c */

struct text_font {
    char *path;
    unsigned index;
    hb_blob_t *blob;
    hb_face_t *face;
    hb_font_t *font;
    hb_set_t *coverage;
    char *family, *postscript_name;
    text_font_info info;
    /* halt.c's: created and filled lazily by text_font_halt (which takes a
     * const font: the cache is not part of the font's observable value);
     * NULL until then. One heap block, free()d by text_font_free. */
    halt_entry *halt_cache;
    struct text_font *next;
};

/* ---- font.c (the accessors are in text.h and text_internal.h) ---- */

/* A heap copy of s (xmalloc: never NULL), for the font's and the engine's
 * strings. */
char *text_strdup(const char *s);
/* The font for a Fontconfig pattern, loaded once per (file, face index);
 * NULL when the file cannot be read. *loaded is the engine's list of loaded
 * fonts, which a new font joins. */
text_font *text_font_from_pattern(text_font **loaded, FcPattern *pat);
/* One font and everything it holds (the engine walks its list). */
void text_font_free(text_font *f);

#endif
