/* cli_watch.c — `briefc watch`: build, then build again whenever an input
 * changes, until a signal stops it.
 *
 * The inputs are the report and every file of its layout's extends chain
 * (style.h lists them). Their *folders* are watched with inotify, not the
 * files: an editor that saves by writing a new file and renaming it over
 * the old one replaces the inode a file watch would follow, while the
 * folder sees the new name arrive. Events come in bursts (an editor's
 * truncate, writes, close, rename), so a build starts only once the inputs
 * have been quiet for DEBOUNCE_MS. While the last build failed before its
 * layout chain was known, any layout-like file (.yaml, .yml, .json) in the
 * folders where layouts are looked up counts as an input too, so that
 * fixing or creating the file it missed is seen.
 *
 * SIGINT, SIGTERM and SIGHUP are blocked for the whole session (and stay
 * blocked until the process ends) and read from a signalfd, so a signal
 * never lands in the middle of a build: the build finishes (its PDF
 * complete, no temporary file left), then watch stops with exit status 0. A signal the session was
 * started ignoring (nohup, a script's background job) stays ignored. */
#define _XOPEN_SOURCE 700 /* realpath */

#include "cli_internal.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

enum { DEBOUNCE_MS = 100 };

static const uint32_t WATCH_MASK =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ONLYDIR;

typedef struct watched_dir {
    int wd;
    char *path;
} watched_dir;

typedef struct watched_file {
    int wd;     /* its folder's watch */
    char *name; /* its name in that folder */
} watched_file;

typedef struct watch {
    int inotify_fd, signal_fd;
    sigset_t stop_signals; /* blocked until the process ends */
    VEC(watched_dir) dirs;
    VEC(watched_file) files;
    bool failed_early; /* the last build failed before its layout chain was read */
} watch;

/* ---- folders and files ---- */

static char *copy(const char *s)
{
    return strcpy(xmalloc(strlen(s) + 1), s);
}

/* Watch folder dir (once); its watch descriptor, or -1 (it does not exist). */
static int watch_dir(watch *w, const char *dir)
{
    int wd = inotify_add_watch(w->inotify_fd, dir, WATCH_MASK);
    if (wd < 0)
        return -1;
    for (size_t i = 0; i < w->dirs.count; i++)
        if (w->dirs.items[i].wd == wd)
            return wd;
    VEC_PUSH(&w->dirs, ((watched_dir){wd, copy(dir)}));
    return wd;
}

static void watch_one_file(watch *w, const char *path)
{
    char *dir = cli_dir_of(path);
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    int wd = watch_dir(w, dir);
    free(dir);
    if (wd < 0)
        return;
    for (size_t i = 0; i < w->files.count; i++)
        if (w->files.items[i].wd == wd && strcmp(w->files.items[i].name, name) == 0)
            return;
    VEC_PUSH(&w->files, ((watched_file){wd, copy(name)}));
}

/* A file, and the file a symbolic link at its path leads to. */
static void watch_file(watch *w, const char *path)
{
    watch_one_file(w, path);
    char *real = realpath(path, NULL);
    if (real && strcmp(real, path) != 0)
        watch_one_file(w, real);
    free(real);
}

static void forget_files(watch *w)
{
    for (size_t i = 0; i < w->files.count; i++)
        free(w->files.items[i].name);
    w->files.count = 0;
}

/* The report, and the folders where it and its layout are looked for.
 * Watched before each build too: events are read, and matched against the
 * inputs, only after the build, so that a file saved during a build is
 * seen as long as its folder was watched then. */
static void watch_places(watch *w, const cli_options *o, const cli_paths *paths, const char *ref)
{
    watch_file(w, o->report_path);
    char *report_dir = cli_dir_of(o->report_path);
    watch_dir(w, report_dir);
    free(report_dir);
    for (size_t i = 0; i < paths->nlayout_dirs; i++)
        watch_dir(w, paths->layout_dirs[i]);
    if (ref && cli_names_a_path(ref)) {
        char *dir = cli_dir_of(ref);
        watch_dir(w, dir);
        free(dir);
    }
}

/* After a build: its inputs. */
static void watch_inputs(watch *w, const cli_options *o, const cli_paths *paths,
                         const cli_record *rec)
{
    /* the chain is known only when its files were listed (the report is first) */
    bool chain_known = rec->inputs.count >= 2;
    if (chain_known)
        forget_files(w); /* else the last chain's files stay watched: one may be the broken one */
    watch_places(w, o, paths, rec->layout_ref ? rec->layout_ref : o->layout);
    for (size_t i = 0; i < rec->inputs.count; i++)
        watch_file(w, rec->inputs.items[i]);
    w->failed_early = !chain_known;
}

/* ---- events ---- */

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool is_relevant(const watch *w, const struct inotify_event *ev)
{
    if (ev->mask & IN_Q_OVERFLOW)
        return true; /* events were lost: one of them may have been ours */
    if (ev->len == 0)
        return false;
    for (size_t i = 0; i < w->files.count; i++)
        if (w->files.items[i].wd == ev->wd && strcmp(w->files.items[i].name, ev->name) == 0)
            return true;
    if (!w->failed_early)
        return false;
    if (ev->mask & IN_ISDIR)
        return strcmp(ev->name, "layouts") == 0;
    return ends_with(ev->name, ".yaml") || ends_with(ev->name, ".yml") ||
           ends_with(ev->name, ".json");
}

static void forget_dir(watch *w, int wd)
{
    for (size_t i = 0; i < w->dirs.count; i++) {
        if (w->dirs.items[i].wd == wd) {
            free(w->dirs.items[i].path);
            w->dirs.items[i] = w->dirs.items[--w->dirs.count];
            return;
        }
    }
}

/* Read every pending event; whether one was about an input. */
static bool read_events(watch *w)
{
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool relevant = false;
    for (;;) {
        ssize_t n = read(w->inotify_fd, buf, sizeof buf);
        if (n <= 0)
            return relevant; /* EAGAIN: all read */
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            if (ev->mask & IN_IGNORED)
                forget_dir(w, ev->wd); /* the folder went away; watched again when back */
            else if (is_relevant(w, ev))
                relevant = true;
            p += sizeof *ev + ev->len;
        }
    }
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Wait until an input changed and then stayed quiet for DEBOUNCE_MS: true;
 * false when a stop signal came. */
static bool wait_for_change(watch *w)
{
    struct pollfd fds[2] = {{.fd = w->inotify_fd, .events = POLLIN},
                            {.fd = w->signal_fd, .events = POLLIN}};
    long long deadline = -1;
    for (;;) {
        int timeout = -1;
        if (deadline >= 0) {
            long long left = deadline - now_ms();
            if (left <= 0)
                return true;
            timeout = (int)left;
        }
        int n = poll(fds, 2, timeout);
        if (n < 0 && errno != EINTR)
            return false;
        if (n <= 0)
            continue;
        if (fds[1].revents & POLLIN)
            return false;
        if ((fds[0].revents & POLLIN) && read_events(w))
            deadline = now_ms() + DEBOUNCE_MS;
    }
}

/* ---- the session ---- */

/* Block the stop signals the session may receive and read them from a
 * signalfd; false with errno when that cannot be done. */
static bool start_session(watch *w)
{
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
    sigemptyset(&w->stop_signals);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction sa;
        if (sigaction(signals[i], NULL, &sa) == 0 && !(sa.sa_flags & SA_SIGINFO) &&
            sa.sa_handler == SIG_IGN)
            continue; /* started ignoring it: keep doing so */
        sigaddset(&w->stop_signals, signals[i]);
    }
    if (sigprocmask(SIG_BLOCK, &w->stop_signals, NULL) != 0)
        return false;
    w->signal_fd = signalfd(-1, &w->stop_signals, SFD_CLOEXEC);
    w->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    return w->signal_fd >= 0 && w->inotify_fd >= 0;
}

static void end_session(watch *w)
{
    if (w->inotify_fd >= 0)
        close(w->inotify_fd);
    if (w->signal_fd >= 0)
        close(w->signal_fd);
    forget_files(w);
    free(w->files.items);
    for (size_t i = 0; i < w->dirs.count; i++)
        free(w->dirs.items[i].path);
    free(w->dirs.items);
    /* The stop signals stay blocked: the process ends right after, and one
     * that came during the last build must not end it by the default
     * action instead of exit status 0. */
}

/* One build; false when watching cannot go on (a usage error). */
static bool build_once(watch *w, const cli_options *o, const cli_paths *paths, int *status)
{
    cli_record rec = {0};
    watch_places(w, o, paths, o->layout);
    *status = cli_build(o, paths, &rec);
    if (*status != CLI_EXIT_OK && *status != CLI_EXIT_USAGE) {
        char *out = cli_output_path(o);
        fprintf(stderr, "%s not updated: %zu error%s\n", out, rec.errors,
                rec.errors == 1 ? "" : "s");
        free(out);
    }
    watch_inputs(w, o, paths, &rec);
    cli_record_free(&rec);
    return *status != CLI_EXIT_USAGE;
}

int cli_watch(const cli_options *o, const cli_paths *paths)
{
    watch w = {.inotify_fd = -1, .signal_fd = -1};
    if (!start_session(&w)) {
        fprintf(stderr, "briefc: error: cannot watch files: %s\n", strerror(errno));
        end_session(&w);
        return CLI_EXIT_OUTPUT;
    }
    if (!o->quiet)
        fprintf(stderr, "watching %s and the files of its layout (Ctrl-C to stop)\n",
                o->report_path);
    int status = CLI_EXIT_OK;
    while (build_once(&w, o, paths, &status) && wait_for_change(&w))
        ;
    end_session(&w);
    return status == CLI_EXIT_USAGE ? CLI_EXIT_USAGE : CLI_EXIT_OK;
}
