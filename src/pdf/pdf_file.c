/* pdf_file.c — the saved document into its place.
 *
 * What is at the path decides how (pdf.h says it for users):
 * - nothing, or a regular file: the save goes straight into a temporary
 *   file beside it (pdf_sink.c: nothing is held in memory to be copied),
 *   which is renamed over the path only when complete and synced, so a
 *   failure never leaves half a PDF nor destroys the previous one; an
 *   interrupt meanwhile removes the temporary file (see "interrupts");
 * - a symbolic link: followed; a link to a regular file has that file
 *   replaced as above (the link stays a link), a link to a device or a pipe
 *   is written through, a dangling link is refused;
 * - a character device or a pipe: written into, never replaced (/dev/null,
 *   /dev/stdout, a FIFO a printing script reads);
 * - a directory, a block device, a socket: refused.
 * Never replacing what is not a regular file matters most as root: rename
 * would turn /dev/full or /dev/null into a PDF for every program after us. */
#define _XOPEN_SOURCE 700 /* realpath */

#include "pdf_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- writing bytes ---- */

/* The document saved into a sink: into fd itself (a file of ours, patched
 * in place), or, with fd < 0, into memory. NULL when the save failed (the
 * saver said why), else the sealed sink; *err is the errno of a failed
 * write. */
static pdf_sink *save_into(const pdf_saver *saver, int fd, int *err)
{
    pdf_sink *sink = pdf_sink_new(fd);
    bool ok = saver->save(saver->ctx, sink);
    *err = pdf_sink_error(sink);
    if (!ok || *err) {
        pdf_sink_free(sink);
        return NULL;
    }
    return sink;
}

/* The document saved in memory, then into fd as it is; false with errno
 * set (0 when the save failed for another reason: the saver said why). */
static bool write_stream(int fd, const pdf_saver *saver, size_t *bytes)
{
    *bytes = 0;
    int err;
    pdf_sink *sink = save_into(saver, -1, &err);
    bool ok = sink && base_write_all(fd, pdf_sink_bytes(sink), (size_t)pdf_sink_size(sink));
    if (ok)
        *bytes = (size_t)pdf_sink_size(sink);
    else
        errno = sink ? errno : err;
    pdf_sink_free(sink);
    return ok;
}

static bool fail_errno(diag_list *errors, int err)
{
    diag_add(errors, DIAG_ERROR, NULL, 0, 0, "%s", strerror(err));
    return false;
}

/* ---- interrupts ---- */

/* While a temporary file exists, SIGINT, SIGTERM and SIGHUP remove it
 * before they end the process. The handler may only use what is
 * async-signal-safe: it unlinks the one path recorded here and raises the
 * signal again, SA_RESETHAND having restored its default action. A signal
 * the process ignores, or handles itself, is left alone: it does not end
 * the process here. One write at a time holds the slot; another, on another
 * thread, goes without (none does today). */
static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
enum { NSTOP = sizeof stop_signals / sizeof stop_signals[0] };

static atomic_flag slot_taken = ATOMIC_FLAG_INIT;
static char pending_path[PATH_MAX];
static volatile sig_atomic_t pending_armed;

static void remove_pending_and_stop(int sig)
{
    if (pending_armed)
        unlink(pending_path);
    raise(sig);
}

typedef struct interrupt_guard {
    bool owns_slot;
    sigset_t old_mask;
    struct sigaction old[NSTOP];
    bool installed[NSTOP];
} interrupt_guard;

static void block_stop_signals(sigset_t *old_mask)
{
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < NSTOP; i++)
        sigaddset(&set, stop_signals[i]);
    pthread_sigmask(SIG_BLOCK, &set, old_mask);
}

/* Signals blocked and the handlers in place: call before the temporary file
 * is made, then guard_arm once it exists. */
static void guard_begin(interrupt_guard *g)
{
    g->owns_slot = !atomic_flag_test_and_set(&slot_taken);
    block_stop_signals(&g->old_mask);
    for (int i = 0; i < NSTOP; i++) {
        g->installed[i] = false;
        if (!g->owns_slot || sigaction(stop_signals[i], NULL, &g->old[i]) != 0)
            continue;
        if ((g->old[i].sa_flags & SA_SIGINFO) || g->old[i].sa_handler != SIG_DFL)
            continue;
        struct sigaction sa = {.sa_handler = remove_pending_and_stop, .sa_flags = SA_RESETHAND};
        sigemptyset(&sa.sa_mask);
        g->installed[i] = sigaction(stop_signals[i], &sa, NULL) == 0;
    }
}

/* Record the temporary file and let signals in again. */
static void guard_arm(interrupt_guard *g, const char *temp)
{
    if (g->owns_slot && strlen(temp) < sizeof pending_path) {
        strcpy(pending_path, temp);
        pending_armed = 1;
    }
    pthread_sigmask(SIG_SETMASK, &g->old_mask, NULL);
}

/* The temporary file is gone: the old handlers and mask back. A signal that
 * came meanwhile is delivered now, with its old action. */
static void guard_end(interrupt_guard *g)
{
    pending_armed = 0;
    for (int i = 0; i < NSTOP; i++)
        if (g->installed[i])
            sigaction(stop_signals[i], &g->old[i], NULL);
    if (g->owns_slot)
        atomic_flag_clear(&slot_taken);
    pthread_sigmask(SIG_SETMASK, &g->old_mask, NULL);
}

/* ---- replacing a regular file ---- */

/* The mode a new file gets (0666 less the umask), or the existing file's. */
static mode_t target_mode(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0)
        return st.st_mode & 07777;
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

static void sync_parent_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY) : -1;
    if (fd >= 0) {
        fsync(fd); /* best effort: the rename is already done */
        close(fd);
    }
    free(dir);
}

/* Whether path may be renamed over now: nothing there or a regular file.
 * Checked again just before the rename, as the path was looked at before
 * the PDF was written. */
static bool still_replaceable(const char *path)
{
    struct stat st;
    return lstat(path, &st) != 0 ? errno == ENOENT : S_ISREG(st.st_mode);
}

/* Save into the temporary file, completely; 0, the errno of what failed,
 * or -1 when the save failed for another reason (the saver said why). */
static int fill_temp(int fd, const pdf_saver *saver, const char *path, size_t *bytes)
{
    int err = 0;
    pdf_sink *sink = save_into(saver, fd, &err);
    if (!sink)
        err = err ? err : -1;
    else if (fchmod(fd, target_mode(path)) != 0 || fsync(fd) != 0)
        err = errno;
    else
        *bytes = (size_t)pdf_sink_size(sink);
    pdf_sink_free(sink);
    if (close(fd) != 0 && err == 0)
        err = errno;
    return err;
}

static bool replace_file(const pdf_saver *saver, const char *path, size_t *bytes, diag_list *errors)
{
    size_t plen = strlen(path);
    char *tmp = xmalloc(plen + sizeof ".tmp-XXXXXX");
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp-XXXXXX", sizeof ".tmp-XXXXXX");
    interrupt_guard guard;
    guard_begin(&guard);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        guard_end(&guard);
        free(tmp);
        return fail_errno(errors, err);
    }
    guard_arm(&guard, tmp);
    int err = fill_temp(fd, saver, path, bytes);
    /* blocked again while the file is renamed or removed, so that the
     * handler never sees it half gone */
    block_stop_signals(NULL);
    bool replaced = false;
    if (err == 0 && !still_replaceable(path))
        diag_add(errors, DIAG_ERROR, NULL, 0, 0, "it stopped being a regular file while written");
    else if (err == 0 && rename(tmp, path) != 0)
        err = errno;
    else if (err == 0)
        replaced = true;
    if (!replaced)
        unlink(tmp);
    guard_end(&guard);
    free(tmp);
    if (err > 0)
        return fail_errno(errors, err);
    if (err < 0)
        return false;
    if (replaced)
        sync_parent_dir(path);
    return replaced;
}

/* ---- writing into a device or a pipe ---- */

static bool write_into(const pdf_saver *saver, const char *path, size_t *bytes, diag_list *errors)
{
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return fail_errno(errors, errno);
    struct stat st;
    int err = 0;
    if (fstat(fd, &st) != 0)
        err = errno;
    else if (!S_ISCHR(st.st_mode) && !S_ISFIFO(st.st_mode))
        diag_add(errors, DIAG_ERROR, NULL, 0, 0, "it was replaced while being opened");
    else if (!write_stream(fd, saver, bytes))
        err = errno ? errno : -1;
    if (close(fd) != 0 && err == 0)
        err = errno;
    if (err > 0)
        return fail_errno(errors, err);
    return err == 0 && errors->errors == 0;
}

/* ---- what is at the path ---- */

typedef enum { TARGET_REPLACE, TARGET_WRITE_INTO, TARGET_REFUSED } target_kind;

static target_kind refuse(diag_list *errors, const char *why)
{
    diag_add(errors, DIAG_ERROR, NULL, 0, 0, "%s", why);
    return TARGET_REFUSED;
}

/* A link that leads nowhere: say where it points. */
static target_kind refuse_dangling(const char *path, diag_list *errors)
{
    char to[PATH_MAX];
    ssize_t n = readlink(path, to, sizeof to - 1);
    to[n > 0 ? n : 0] = '\0';
    diag_add(errors, DIAG_ERROR, NULL, 0, 0,
             "it is a symbolic link to '%s', which does not exist (briefc does not create "
             "files through links)",
             to);
    return TARGET_REFUSED;
}

/* How to write to path; for a link to a regular file, *real is the file it
 * names (heap), which is replaced instead of the link. */
static target_kind classify(const char *path, char **real, diag_list *errors)
{
    struct stat st;
    *real = NULL;
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return TARGET_REPLACE;
        fail_errno(errors, errno);
        return TARGET_REFUSED;
    }
    if (S_ISLNK(st.st_mode)) {
        if (stat(path, &st) != 0) {
            if (errno == ENOENT)
                return refuse_dangling(path, errors);
            fail_errno(errors, errno);
            return TARGET_REFUSED;
        }
        if (S_ISREG(st.st_mode)) {
            *real = realpath(path, NULL);
            if (*real)
                return TARGET_REPLACE;
            fail_errno(errors, errno);
            return TARGET_REFUSED;
        }
    }
    if (S_ISREG(st.st_mode))
        return TARGET_REPLACE;
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
        return TARGET_WRITE_INTO;
    if (S_ISDIR(st.st_mode))
        return refuse(errors, "it is a directory");
    if (S_ISBLK(st.st_mode))
        return refuse(errors, "it is a block device (briefc replaces regular files and writes "
                              "into character devices and pipes, nothing else)");
    return refuse(errors, "it is neither a regular file, a character device nor a pipe");
}

/* ---- public (to pdf.c) ---- */

bool pdf_file_write(const pdf_saver *saver, const char *path, size_t *bytes, diag_list *errors)
{
    char *real;
    bool ok = false;
    switch (classify(path, &real, errors)) {
    case TARGET_REPLACE:
        ok = replace_file(saver, real ? real : path, bytes, errors);
        break;
    case TARGET_WRITE_INTO:
        ok = write_into(saver, path, bytes, errors);
        break;
    case TARGET_REFUSED:
        break;
    }
    free(real);
    return ok;
}

bool pdf_file_write_fd(const pdf_saver *saver, int fd, size_t *bytes, diag_list *errors)
{
    errno = 0;
    if (write_stream(fd, saver, bytes))
        return true;
    return errno ? fail_errno(errors, errno) : false;
}
