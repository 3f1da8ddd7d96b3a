/* pdf.h — frames to PDF through libharu. Fonts are embedded as subsets made
 * with hb-subset, as Type0/CID fonts with a ToUnicode map per cluster;
 * outlines, links, page labels and document info come from the layout
 * document. The writer never shapes text or decides positions. */
#ifndef BRIEFC_PDF_H
#define BRIEFC_PDF_H

#include "../layout/layout.h"

/* What the output must be, decided by the command line. Every booklet is
 * PDF/A: PDF/A-1b, or PDF/A-3b when it carries attachments. */
typedef struct pdf_options {
    const char *layout; /* the layout's name, recorded in the metadata; may be NULL */
    const char *lang;   /* the document's language (BCP 47); NULL: zh-CN */
} pdf_options;

/* Write doc to path: into a temporary file beside it, renamed over path only
 * when complete, so a failure never leaves a half-written file nor destroys
 * the one already there. Same document and options → same bytes. Returns 0,
 * or -1 with an error in diags (an output failure: exit status 3). */
int pdf_write(const layout_document *doc, const pdf_options *options, const char *path,
              diag_list *diags);

#endif
