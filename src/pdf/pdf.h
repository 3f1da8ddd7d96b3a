/* pdf.h — frames to PDF through libharu. Fonts are embedded as subsets made
 * with hb-subset, as Type0/CID fonts with a ToUnicode map per cluster;
 * outlines, links, page labels and document info come from the layout
 * document. The writer never shapes text or decides positions. */
#ifndef BRIEFC_PDF_H
#define BRIEFC_PDF_H

#include "../impose/impose.h"
#include "../layout/layout.h"

/* A file carried inside the booklet (the report, its layouts), byte for
 * byte. Borrowed: it must live until pdf_write returns. */
typedef struct pdf_attachment {
    const char *name;    /* a base file name, unique among the attachments */
    const uint8_t *data; /* len bytes */
    size_t len;
    const char *mime;        /* "application/yaml", "application/json" */
    const char *description; /* may be NULL */
} pdf_attachment;

/* What the output must be, decided by the command line. Every booklet is
 * PDF/A: PDF/A-1b, or PDF/A-3b when it carries attachments. */
typedef struct pdf_options {
    const char *layout; /* the layout's name, recorded in the metadata; may be NULL */
    const char *lang;   /* the document's language (BCP 47); NULL: zh-CN */
    const pdf_attachment *attachments;
    size_t nattachments;
    bool cmyk; /* the layout's colours are CMYK: a CMYK output intent */
    /* The sheets to print (impose_make), or NULL: a page a sheet. */
    const impose_plan *plan;
    /* Numbered copies, in order (their numbers fill the layout's slots):
     * every copy's pages in one file, sharing one content stream a sheet;
     * only a sheet with a slot gets a small stream of its own a copy. No
     * copies: one of everything, slots left empty. */
    const int *copies;
    size_t ncopies;
    /* Everything on the calling thread: for one of several builds running
     * at once (a batch's children, each with a core of its own). Without
     * it, the fonts are subset and the pages deflated on worker threads
     * while the pages are drawn, once a document has enough sheets for
     * that to pay (a few dozen; below, starting the workers costs more
     * than they save). The bytes are the same either way. */
    bool one_thread;
    /* The document written, given again (not const) to let the writer free
     * each page's frames once the page is drawn (layout_page_release), so
     * that a long report's frames never stand beside all its PDF objects.
     * Taken only for a page a sheet and no numbered copies (else the pages
     * are read again); NULL: the document is left as it is. */
    layout_document *release;
} pdf_options;

/* Write doc to path as options say. Same document and options → same bytes. What is at path decides
 * how:
 * - nothing, or a regular file: written into a temporary file beside it and
 *   renamed over path only when complete, so a failure never leaves a
 *   half-written file nor destroys the one already there; SIGINT, SIGTERM or
 *   SIGHUP meanwhile removes the temporary file before the process ends;
 * - a symbolic link to a regular file: that file is replaced so (the link
 *   stays); a dangling link is refused;
 * - a character device or a pipe, or a link to one: written into, never
 *   replaced (/dev/null, /dev/stdout, a FIFO);
 * - a directory, a block device or a socket: refused.
 * Returns 0 with the count of bytes written in *bytes (when bytes is not
 * NULL), or -1 with the error in diags ("cannot write 'PATH': reason": an
 * output failure, exit status 3). */
int pdf_write(const layout_document *doc, const pdf_options *options, const char *path,
              size_t *bytes, diag_list *diags);

/* Write doc into fd, an open descriptor such as standard output, as it is;
 * name says what fd is in the error ("cannot write to NAME: reason"). */
int pdf_write_fd(const layout_document *doc, const pdf_options *options, int fd, const char *name,
                 size_t *bytes, diag_list *diags);

/* ---- reading a booklet back (briefc info, briefc extract) ---- */

typedef struct pdf_booklet_file {
    char *name;               /* as the booklet names it: NOT safe as a path */
    char *description, *mime; /* may be NULL */
    long long declared_size;  /* its /Params /Size, -1 when absent */
    uint8_t *data;            /* decoded, len bytes; NULL unless read with data */
    size_t len;
    bool checksum_ok; /* the data's MD5 is the /CheckSum */
} pdf_booklet_file;

/* What a booklet briefc wrote says about itself (strings may be NULL). */
typedef struct pdf_booklet {
    char *title, *id, *version, *date, *layout, *briefc_version, *producer;
    char *document_id, *instance_id; /* "uuid:…" */
    const char *conformance;         /* "PDF/A-1b", "PDF/A-3b" */
    long long pages;                 /* -1 when the page tree cannot be read */
    char **fonts;                    /* "family\tfile\tsha256" each */
    size_t nfonts;
    pdf_booklet_file *files; /* the attached files, in the order of the name tree */
    size_t nfiles;
    arena *arena;
} pdf_booklet;

/* Read the booklet at path: its metadata and, when with_data, its attached
 * files' contents (each checked against its declared size and MD5). A file
 * that is not a PDF, is damaged, or was not written by briefc gives NULL and
 * one error in diags, never a crash. */
pdf_booklet *pdf_booklet_read(const char *path, bool with_data, diag_list *diags);
void pdf_booklet_free(pdf_booklet *b);

#endif
