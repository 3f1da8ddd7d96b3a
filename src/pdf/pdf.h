/* pdf.h — frames to PDF through libharu. Fonts are embedded as subsets made
 * with hb-subset, as Type0/CID fonts with a ToUnicode map per cluster;
 * outlines, links, page labels and document info come from the layout
 * document. The writer never shapes text or decides positions. */
#ifndef BRIEFC_PDF_H
#define BRIEFC_PDF_H

#include "../layout/layout.h"

/* Write doc to path. Same document → same bytes. What is at path decides how:
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
int pdf_write(const layout_document *doc, const char *path, size_t *bytes, diag_list *diags);

/* Write doc into fd, an open descriptor such as standard output, as it is;
 * name says what fd is in the error ("cannot write to NAME: reason"). */
int pdf_write_fd(const layout_document *doc, int fd, const char *name, size_t *bytes,
                 diag_list *diags);

#endif
