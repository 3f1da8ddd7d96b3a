/* pdf_internal.h — seams inside the PDF stage. libharu's internal headers
 * are used here and nowhere else in briefc. Not for use outside src/pdf/.
 *
 * The files, each calling only those listed before it:
 *   pdf_numtree.c  number trees within PDF/A-1's array limit
 *   pdf_meta.c     strings, destinations, info, outline, page labels
 *   pdf_xmp.c      the XMP metadata packet
 *   pdf_archive.c  PDF/A: metadata stream, output intent, CIDSet, identifiers
 *   pdf_attach.c   attached files (PDF/A-3 associated files)
 *   pdf_tags.c     marked content and the structure tree (tagged PDF)
 *   pdf_glyphs.c   the glyphs drawn, per font, and the text they stand for
 *   pdf_draw.c     frame items as content-stream operators, on a canvas
 *   pdf_lightpage.c  the pages of later numbered copies, written at save time
 *   pdf_parse.c    reading a PDF file back: objects, cross-references, streams
 *   pdf_read.c     what a booklet says about itself (pdf_booklet_read)
 *   pdf_icc_srgb.c the sRGB profile of the output intent (tools/srgb_icc.py)
 *   pdf_icc.c      the CMYK profile of the output intent (build/generated/)
 *   pdf_stream.c   streams deflated on our side, pages on a worker thread
 *   pdf_cff.c      the charset of a CID-keyed CFF table
 *   pdf_subset.c   the subset worker (hb-subset, on a worker thread)
 *   pdf_fontobj.c  the fonts' PDF objects, made around the subsets
 *   pdf_pdfa.c     PDF/A around the pages (XMP, intent, attachments)
 *   pdf_sink.c     the save, hashed as it is written and sealed in place
 *   pdf_file.c     the save into a file, a device, a pipe or a descriptor
 *   pdf.c          the document writer: sheets of the plan, copies, the save */
#ifndef BRIEFC_PDF_INTERNAL_H
#define BRIEFC_PDF_INTERNAL_H

#include "pdf.h"

#include <hb.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

/* The object number of an indirect object libharu holds (its header keeps
 * flags in the top byte): for entries we write ourselves, "N 0 R". */
static inline unsigned pdf_object_number(const void *obj)
{
    return ((const HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFF;
}

/* ---- pdf_glyphs.c: the glyphs drawn, per font, and the text they stand for ---- */

/* A glyph used in the document and the text it stands for (not copied:
 * points into the layout document, which outlives the writer). */
typedef struct pdf_glyph_use {
    uint32_t gid;  /* in the original font */
    uint32_t code; /* the code written in content streams (CID or new gid) */
    int width;     /* advance in 1/1000 em, as written in /W */
    const char *text;
    size_t len; /* 0: no ToUnicode entry */
} pdf_glyph_use;

typedef struct pdf_font {
    const text_font *font;
    char resource_name[16];    /* F1, F2 … in the pages' /Resources /Font */
    VEC(pdf_glyph_use) glyphs; /* in order of first use; indexed by `index` */
    hb_map_t *index;           /* original gid → index into glyphs */
    HPDF_Dict type0;           /* the font dictionary, made when subsetting starts */
} pdf_font;

typedef VEC(pdf_font *) pdf_fonts;

/* The entry for font f, created on first use. */
pdf_font *pdf_fonts_get(pdf_fonts *fonts, const text_font *f);
/* Record that gid is drawn and stands for text[0, len) (len 0: part of a
 * cluster that an earlier glyph stands for). */
void pdf_font_use_glyph(pdf_font *pf, uint32_t gid, const char *text, size_t len);
/* The use record of gid (which must have been recorded). */
const pdf_glyph_use *pdf_font_glyph(const pdf_font *pf, uint32_t gid);
/* "0123456789": the text the digits of a slot stand for (ToUnicode). */
extern const char pdf_digits[];

/* Every glyph of every run the plan's sheets show (and every digit a slot
 * may show), with the text it stands for, so that each font can be subset
 * once before any page is drawn. false, with the error, for a run without
 * a font. */
bool pdf_fonts_collect(pdf_fonts *fonts, const layout_document *doc, const impose_plan *plan,
                       diag_list *errors);
void pdf_fonts_free(pdf_fonts *fonts);

/* What a placement draws: its own items (an imposed page's) or its page's. */
static inline const layout_item *pdf_placement_items(const layout_document *doc,
                                                     const impose_placement *pl, size_t *n)
{
    const layout_page *lp = &doc->pages[pl->page];
    *n = pl->items ? pl->nitems : lp->nitems;
    return pl->items ? pl->items : lp->items;
}

/* ---- pdf_subset.c: the subset worker ---- */

/* One font's subset: made on the calling thread or the worker's, and read
 * only after pdf_subset_wait. */
typedef struct pdf_subset_job {
    pdf_font *pf;
    hb_face_t *face;
    bool cff;
    bool by_cid;        /* a CID-keyed CFF: codes are CIDs; else they are the subset's glyph ids */
    hb_blob_t *program; /* the 'CFF ' table or the whole TrueType font */
    uint8_t *packed;    /* a TrueType program deflated, for /FlateDecode; NULL for CFF */
    size_t packed_len;
    diag_list diags; /* why it failed: the job's own, as it may be on the worker thread */
} pdf_subset_job;

/* Fonts being subset on worker threads while the pages are drawn. */
typedef struct pdf_embedding pdf_embedding;
/* When the CID-keyed CFF faces are subset (their codes, the CIDs, are
 * known before): at the start, on a worker thread while the pages are
 * drawn, or after the pages, when the writer frees their frames as it
 * draws them (the faces' outlines, read in, then find the memory the frames
 * left rather than adding to it). */
typedef enum { PDF_SUBSET_NOW, PDF_SUBSET_BESIDE, PDF_SUBSET_AFTER } pdf_subset_when;
/* A job for each font; give every glyph its code and subset: TrueType and
 * name-keyed CFF faces here, CID-keyed CFF faces when `when` says. Pages
 * may be drawn until pdf_subset_wait, which must always follow. */
pdf_embedding *pdf_subset_start(pdf_fonts *fonts, pdf_subset_when when);
/* Wait for the worker: the jobs, one per font in font order (*n of them),
 * owned by e. */
pdf_subset_job *pdf_subset_wait(pdf_embedding *e, size_t *n);
/* Free e, its jobs and their subsets. */
void pdf_subset_free(pdf_embedding *e);

/* ---- pdf_fontobj.c: the fonts' PDF objects ---- */

/* Give every glyph its width and every font its (still empty) dictionary,
 * then start the subsets (pdf_subset_start). Pages may be drawn until
 * pdf_fonts_finish, which must always follow. */
pdf_embedding *pdf_fonts_start(pdf_fonts *fonts, HPDF_Doc pdf, pdf_subset_when when);
/* Wait for the subsets and fill in the fonts' objects, in font order; frees
 * e. 0, or -1 when a font failed: its errors are added to diags as
 * "font '<PostScript name>': <why>", and the fonts after it are not built. */
int pdf_fonts_finish(pdf_embedding *e, HPDF_Doc pdf, diag_list *diags);

/* ---- pdf_stream.c: streams deflated on our side ---- */

/* Make data (already deflated, len bytes) the content of stream dictionary
 * d, marked /FlateDecode, for libharu to copy as it is. */
void pdf_stream_set_deflated(HPDF_Dict d, const uint8_t *data, size_t len);
/* Deflate a content stream now (left as it is if that fails). */
void pdf_stream_pack(HPDF_Dict contents);
/* Content streams deflated on a worker thread: add each once it is drawn
 * (its bytes are taken at once); finish puts every one back into its
 * stream, deflated, and must follow before the save (NULL: nothing). */
typedef struct pdf_packer pdf_packer;
pdf_packer *pdf_packer_start(bool threaded); /* false: each page deflated as it is added */
void pdf_packer_add(pdf_packer *p, HPDF_Dict contents);
void pdf_packer_finish(pdf_packer *p);

/* ---- pdf_cff.c: the charset of a CID-keyed CFF table ---- */

/* Fill cids[0..nglyphs) with the CID of each glyph of the CFF table. Returns
 * the glyph count, 0 when the table is not a CID-keyed CFF we can read;
 * *cids is heap memory. */
size_t pdf_cff_cids(const uint8_t *cff, size_t len, uint32_t **cids);
/* Whether a readable CFF table is name-keyed (an ordinary Latin .otf): a PDF
 * then selects its glyphs by glyph index, not by CID. */
bool pdf_cff_is_name_keyed(const uint8_t *cff, size_t len);

/* ---- pdf_sink.c: the save, hashed on its way and sealed in place ---- */

typedef struct pdf_sink pdf_sink;
/* A sink writing into fd (a new file of our own, patched in place when
 * sealed), or keeping the whole file in memory when fd < 0. */
pdf_sink *pdf_sink_new(int fd);
void pdf_sink_free(pdf_sink *s);
/* libharu's stream into the sink (freed with the document it is given to). */
HPDF_Stream pdf_sink_stream(pdf_sink *s, HPDF_MMgr mmgr);
/* Everything written out, the identifiers filled in from the hash. false
 * when a write failed (pdf_sink_error) or a placeholder is missing. */
bool pdf_sink_seal(pdf_sink *s, size_t xmp_instance_at);
int pdf_sink_error(const pdf_sink *s); /* errno of a failed write, else 0 */
uint64_t pdf_sink_size(const pdf_sink *s);
const uint8_t *pdf_sink_bytes(const pdf_sink *s); /* a sink into memory: the file */

/* ---- pdf_file.c: the save into its place ---- */

/* What writes the document into a sink, sealed; false on failure, with the
 * reason in the errors the writer keeps. */
typedef struct pdf_saver {
    bool (*save)(void *ctx, pdf_sink *sink);
    void *ctx;
} pdf_saver;

/* The document saved to path, as pdf.h's pdf_write says: a regular file
 * replaced atomically (the save goes straight into the temporary file that
 * becomes it), a device or a pipe written into, anything else refused.
 * true with the byte count in *bytes, or false with the reason in errors. */
bool pdf_file_write(const pdf_saver *saver, const char *path, size_t *bytes, diag_list *errors);
/* The saved document into fd. */
bool pdf_file_write_fd(const pdf_saver *saver, int fd, size_t *bytes, diag_list *errors);

/* ---- pdf_meta.c: strings, destinations, info, outline, labels ---- */

/* A PDF text string's encoding, UTF-16BE (with a byte-order mark when
 * `bom`), which keeps every character, 𠮷 included, into out (2 + 4 per code
 * point at most): returns bytes. */
size_t pdf_utf16be(const char *utf8, size_t len, uint8_t *out, bool bom);
/* A PDF text string: UTF-16BE with a byte-order mark, written as <hex>. */
HPDF_Binary pdf_text_string(HPDF_Doc pdf, const char *utf8, size_t len);
/* [page /XYZ null top null]: keep the zoom and the left edge. */
HPDF_Array pdf_dest_xyz(HPDF_Doc pdf, HPDF_Page page, double top);
/* D:YYYYMMDDHHmmSS+08'00' for date (seconds since the epoch) shown at
 * tz_minutes east of UTC; size >= 32. */
void pdf_date(int64_t date, int tz_minutes, char *buf, size_t size);
int pdf_meta_info(HPDF_Doc pdf, const layout_info *info);
/* Where a point of a layout page lands in the output: on page (the first
 * copy's), of that height, the layout page's corner at (dx, dy) from its
 * top-left corner. page is NULL for a page the output does not show. */
typedef struct pdf_place {
    HPDF_Dict page;
    double height, dx, dy;
} pdf_place;

int pdf_meta_outline(HPDF_Doc pdf, const pdf_place *where, const layout_document *doc);
int pdf_meta_labels(HPDF_Doc pdf, const layout_document *doc);
/* Labels for numbered copies: each copy's pages (pages_per_copy of them)
 * counted from 1 after its number, "000017-1". */
int pdf_meta_copy_labels(HPDF_Doc pdf, const int *copies, size_t ncopies, size_t pages_per_copy);

/* What the document info and the XMP packet both say the writer is. */
#define PDF_PRODUCER "briefc " BRIEFC_VERSION " with libharu " HPDF_VERSION_TEXT

/* ---- pdf_xmp.c: the XMP packet ---- */

/* The namespace of briefc's own XMP properties (docs/format.md, "What a
 * booklet says about itself"). */
#define PDF_XMP_BRIEFC_NS "http://briefc.invalid/ns/build/1.0/"
/* Written where the instance id goes until the file's hash is known: as
 * long as a UUID, the nil UUID. */
#define PDF_XMP_INSTANCE_PLACEHOLDER "00000000-0000-0000-0000-000000000000"

typedef struct pdf_xmp {
    const layout_info *info;
    const char *producer;
    int part;                  /* PDF/A part: 1, or 3 with attachments */
    const char *document_id;   /* a UUID, without "uuid:" */
    const char *layout, *lang; /* may be NULL */
    const char *const *fonts;  /* "family\tfile\tsha256" each */
    size_t nfonts;
    const char *const *sources; /* "name\tsize\tsha256" each */
    size_t nsources;
} pdf_xmp;

/* The packet (heap, NUL-terminated, *len bytes); *instance_at is the byte
 * offset of the instance id's placeholder in it. */
char *pdf_xmp_packet(const pdf_xmp *x, size_t *len, size_t *instance_at);

/* ---- pdf_icc_srgb.c (tools/srgb_icc.py), pdf_icc.c (CMakeLists.txt): ICC profiles ---- */

typedef struct pdf_icc_profile {
    const uint8_t *data;
    size_t len;
    int components;         /* 3 RGB, 4 CMYK */
    const char *identifier; /* OutputConditionIdentifier */
} pdf_icc_profile;

extern const pdf_icc_profile pdf_icc_srgb, pdf_icc_cmyk;

/* ---- pdf_archive.c: PDF/A ---- */

/* The document's identity: a UUID from meta.id (from the title without). */
void pdf_archive_document_id(const layout_info *info, uint8_t out[16]);
/* The XMP packet as the catalog's /Metadata, unfiltered. */
void pdf_archive_metadata(HPDF_Doc pdf, const char *xmp, size_t len);
/* /OutputIntents [<< /S /GTS_PDFA1 … /DestOutputProfile icc >>]. */
void pdf_archive_output_intent(HPDF_Doc pdf, const pdf_icc_profile *icc);
/* A CIDSet stream: CID 0 and cids[0..n) set. */
HPDF_Dict pdf_archive_cidset(HPDF_Doc pdf, const uint32_t *cids, size_t n);
/* The trailer's /ID: [<document id> <placeholder>]. */
void pdf_archive_trailer_id(HPDF_Doc pdf, const uint8_t document_id[16]);
/* Sealing the saved file (pdf_sink.c): the XMP instance id is at a known
 * offset after the packet's start, the /ID's second half is the placeholder
 * after the last "trailer"; both are filled in from the SHA-256 of the file
 * as saved: instance, a UUID, and id_hex, 32 hex digits. */
#define PDF_ARCHIVE_PACKET_START "<?xpacket begin="
void pdf_archive_id_placeholder(char hex[33]); /* the /ID placeholder as the file holds it */
void pdf_archive_seal_values(const uint8_t digest[32], char instance[37], char id_hex[33]);

/* ---- pdf_attach.c ---- */

/* Attach files[0..n) as associated files of relationship /Source (catalog
 * /AF and the /EmbeddedFiles name tree); date is the PDF date of both. */
void pdf_attach_files(HPDF_Doc pdf, const pdf_attachment *files, size_t n, const char *date);

/* ---- pdf_tags.c: tagged PDF ---- */

typedef struct pdf_tags pdf_tags;

/* The tagging of doc, or NULL when it has no structure tree (the calls
 * below then do nothing). */
pdf_tags *pdf_tags_new(const layout_document *doc);
void pdf_tags_begin_page(pdf_tags *t);
/* Before item it of page is drawn into s: close the open marked-content
 * sequence and open the item's own when it belongs elsewhere. */
void pdf_tags_item(pdf_tags *t, HPDF_Stream s, size_t page, const layout_item *it);
/* A glyph run (or one glyph) of node marked with /ActualText text[0, len):
 * a sequence of its own with its MCID when node is content (then no
 * sequence is open after pdf_tags_end_span), nested otherwise. Both work
 * without tagging (t NULL). */
void pdf_tags_begin_span(pdf_tags *t, HPDF_Stream s, size_t page, uint32_t node, const char *text,
                         size_t len);
void pdf_tags_end_span(pdf_tags *t, HPDF_Stream s, uint32_t node);
/* After the page's last item: close what is open. */
void pdf_tags_end_page(pdf_tags *t, HPDF_Stream s);
/* A link annotation of page, content of node (its element gets an OBJR). */
int pdf_tags_link(pdf_tags *t, size_t page, HPDF_Dict annot, uint32_t node);
/* The structure tree, the parent tree, /StructParents, /MarkInfo and /Lang;
 * 0, or -1 with the reason in errors. The elements' entries are written
 * from t when the file is saved: pages must live until then, and t until
 * after the save. */
int pdf_tags_finish(pdf_tags *t, HPDF_Doc pdf, HPDF_Dict *pages, size_t npages, diag_list *errors);
/* Close the sequence open, if any (before Q: none may cross it). */
void pdf_tags_end_sequence(pdf_tags *t, HPDF_Stream s);
/* A page of a later copy shows what output page as_page shows: its marked
 * content maps to the same elements through the parent tree. Returns its
 * index among such pages (its /StructParents is the number of output pages
 * of one copy plus this), or -1 without tags. */
int pdf_tags_share_page(pdf_tags *t, size_t as_page);
void pdf_tags_free(pdf_tags *t);

/* ---- pdf_draw.c: items on a canvas ---- */

/* A content stream being drawn: the stream, the /Font resources it uses,
 * and what it has written of the graphics state. */
typedef struct pdf_canvas {
    HPDF_Stream s;
    HPDF_Dict fonts; /* the resources' /Font */
    pdf_fonts *registry;
    pdf_tags *tags; /* NULL: untagged */
    size_t page;    /* the output page, for the tags */
    double height;  /* of the layout page (or sheet) drawn: y flips against it */
    bool fill_known, stroke_known, width_known;
    style_color fill, stroke;
    double width;
} pdf_canvas;

void pdf_write_number(HPDF_Stream s, double v);
/* Draw one item (links and slots excepted) with its marked content. */
void pdf_draw_item(pdf_canvas *c, const layout_item *it);
/* Fill slot with the number of copy (an artifact). */
void pdf_draw_slot(pdf_canvas *c, const layout_slot *slot, int copy);
/* After Q: nothing of the graphics state is known any more. */
void pdf_canvas_forget(pdf_canvas *c);

/* ---- pdf_parse.c: reading PDF files (no libharu) ---- */

typedef enum {
    PDF_NULL,
    PDF_BOOL,
    PDF_NUMBER,
    PDF_STRING,
    PDF_NAME,
    PDF_ARRAY,
    PDF_DICT,
    PDF_REF
} pdf_obj_kind;

typedef struct pdf_obj pdf_obj;
struct pdf_obj {
    pdf_obj_kind kind;
    double number;  /* PDF_NUMBER, PDF_BOOL (0 or 1) */
    uint8_t *bytes; /* PDF_STRING: len bytes (NUL-terminated) */
    size_t len;
    const char *name; /* PDF_NAME, without the slash, #xx resolved */
    pdf_obj **items;  /* PDF_ARRAY: count items; PDF_DICT: count key/value pairs */
    size_t count;
    uint32_t ref;    /* PDF_REF: the object number */
    bool has_stream; /* PDF_DICT followed by a stream, which starts at stream_at */
    size_t stream_at;
};

typedef struct pdf_file {
    const uint8_t *data;
    size_t len;
    size_t *offsets; /* per object number: its offset + 1, 0 when free or absent */
    size_t nobjects;
    const pdf_obj **cache; /* objects loaded so far */
    pdf_obj *trailer;
    arena *arena;
} pdf_file;

/* Open a file of at most max_bytes and read its cross-reference table;
 * NULL with *why (a phrase: "is not a PDF file") when that cannot be done. */
pdf_file *pdf_file_open(const char *path, size_t max_bytes, const char **why);
void pdf_file_close(pdf_file *f);
/* The value of key in a dictionary (not resolved), or NULL. */
const pdf_obj *pdf_dict_get(const pdf_obj *dict, const char *key);
/* o with references followed; NULL when one leads nowhere. */
const pdf_obj *pdf_resolve(pdf_file *f, const pdf_obj *o);
/* pdf_resolve(pdf_dict_get(pdf_resolve(dict), key)). */
const pdf_obj *pdf_get(pdf_file *f, const pdf_obj *dict, const char *key);
bool pdf_is_name(const pdf_obj *o, const char *name);
/* A stream's data, decoded (none or FlateDecode), at most max bytes (heap);
 * NULL when it cannot be read within that. */
uint8_t *pdf_stream_data(pdf_file *f, const pdf_obj *stream, size_t max, size_t *len);

/* ---- number trees (pdf_numtree.c) ---- */

/* Pairs a leaf holds: its /Nums has twice as many items, within PDF/A-1's
 * 8,191. */
#define PDF_NUMTREE_LEAF 2048

typedef struct pdf_numtree {
    HPDF_Doc pdf;
    HPDF_Dict root;
    HPDF_Array nums, kids; /* the leaf being filled; the leaves, when many */
    size_t in_leaf;
    int first, last; /* the keys of the leaf being filled */
    bool many;       /* more pairs than a leaf holds: leaves under /Kids */
} pdf_numtree;

/* A tree for npairs pairs, added in the order of their keys. */
void pdf_numtree_start(pdf_numtree *nt, HPDF_Doc pdf, size_t npairs);
void pdf_numtree_add(pdf_numtree *nt, int key, void *value);
/* The root, every pair in it. */
HPDF_Dict pdf_numtree_finish(pdf_numtree *nt);

/* ---- pages of later copies (pdf_lightpage.c) ---- */

/* What a later copy's page says; every object named is indirect. */
typedef struct pdf_light_page {
    HPDF_Dict parent;          /* the Pages node it is a kid of */
    HPDF_Dict contents, slots; /* the sheet's shared stream; this copy's numbers, or NULL */
    HPDF_Array media;          /* NULL when inherited */
    HPDF_Array trim, bleed;    /* NULL without marks */
    int struct_parents;        /* -1: untagged */
} pdf_light_page;

/* A page written from *lp (which must live until the document is saved),
 * added to lp->parent's /Kids. NULL on error. */
HPDF_Dict pdf_light_page_new(HPDF_Doc pdf, pdf_light_page *lp);

/* ---- PDF/A around the pages (pdf_pdfa.c) ---- */

typedef struct pdf_pdfa_parts {
    const layout_document *doc;
    const pdf_options *options;
    const pdf_fonts *fonts; /* the embedded fonts, in the order of use */
} pdf_pdfa_parts;

/* The metadata, the output intent, the attached files and the identifiers
 * PDF/A asks for; where the XMP's instance id goes; errors (a font file
 * that cannot be read for its SHA-256) to errors. */
void pdf_pdfa_prepare(HPDF_Doc pdf, const pdf_pdfa_parts *p, size_t *xmp_instance_at,
                      diag_list *errors);

#endif
