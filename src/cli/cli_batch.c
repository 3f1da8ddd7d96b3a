/* cli_batch.c — several reports in one command: `briefc build R1 R2 …
 * [-j N] [-o DIR/]` and `briefc check R1 R2 … [-j N]`.
 *
 * Each report is built by a child process, forked once the command line is
 * read, that runs the very cli_build a single report runs, with its own
 * output path. So a booklet of a batch is byte-identical to the report
 * built alone, a bad report cannot disturb the others, and no two builds
 * ever share a process. That is what keeps the batch safe: HarfBuzz 6.0's
 * subsetter is not safe on two threads at once (pdf_subset.c runs one
 * subset at a time under its own lock), and Fontconfig, libharu and the
 * PDF writer's interrupt guard keep process-wide state. The parent starts
 * no thread and builds nothing: it checks the command line, loads
 * Fontconfig's configuration once (text_preload: every child finds it
 * loaded, which saves each build about a tenth of its time), forks,
 * collects and prints.
 *
 * A child's standard error is a pipe. The parent reads every pipe as it
 * fills (poll), and prints a report's block, its diagnostics then its
 * "wrote" line, whole once that report and every report before it on the
 * command line are done: blocks never interleave and read in the order
 * given, whatever order the builds end in.
 *
 * SIGINT, SIGTERM and SIGHUP are blocked in the parent and read from a
 * signalfd. One stops the starting of builds and is passed on to every
 * running child (whose PDF writer removes its temporary file: pdf_file.c);
 * once all are reaped, the blocks of the reports that did finish are
 * printed and the parent ends by the same signal. A signal the parent was
 * started ignoring (nohup, a script's background job) stays ignored, in
 * the children too. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */

#include "cli_internal.h"

#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* A job's status while it has none: not started, or still running. */
#define NO_STATUS (-1)
/* A job stopped by the signal that stopped the batch: no block printed. */
#define STOPPED (-2)

typedef struct job {
    const char *report;
    char *output;   /* heap: DIR/NAME.pdf of -o DIR/; NULL: cli_build's default */
    pid_t pid;      /* the child building it while it runs, else 0 */
    int fd;         /* the read end of the child's standard error, else -1 */
    VEC(char) said; /* what the child printed there */
    int status;     /* its exit status, NO_STATUS or STOPPED */
} job;

typedef struct batch {
    const cli_options *o;
    job *jobs;
    size_t njobs;
    size_t started, running, printed;
    unsigned workers;
    sigset_t stop_signals, old_mask;
    int signal_fd;
    int stopped_by; /* the stop signal received, 0 while none */
} batch;

/* ---- the plan: where each booklet goes ---- */

bool cli_is_batch(const cli_options *o)
{
    if (o->command != CLI_BUILD && o->command != CLI_CHECK)
        return false;
    size_t n = o->output ? strlen(o->output) : 0;
    return o->reports.count > 1 || (n > 0 && o->output[n - 1] == '/');
}

static char *join_path(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    bool slash = n > 0 && dir[n - 1] == '/';
    char *p = xmalloc(n + strlen(name) + 2);
    sprintf(p, "%s%s%s", dir, slash ? "" : "/", name);
    return p;
}

static const char *leaf_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Where report's booklet goes: DIR/NAME.pdf with -o DIR, else beside it. */
static char *booklet_path(const char *dir, const char *report)
{
    cli_options named = {.report_path = dir ? leaf_of(report) : report};
    char *name = cli_output_path(&named); /* NAME.pdf: the extension replaced */
    if (!dir)
        return name;
    char *path = join_path(dir, name);
    free(name);
    return path;
}

/* What tells two booklet paths apart: their folder's device and inode when
 * it exists (so "x.pdf" and "./x.pdf" are one), else its name; then the
 * file's name. */
static char *identity_of(const char *path)
{
    char *dir = cli_dir_of(path);
    struct stat st;
    char *id;
    if (stat(dir, &st) == 0) {
        char where[64];
        snprintf(where, sizeof where, "%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
        id = join_path(where, leaf_of(path));
    } else {
        id = join_path(dir, leaf_of(path));
    }
    free(dir);
    return id;
}

/* Two reports whose booklets would be the same file would overwrite each
 * other, whichever ends last winning: a usage error, before anything is
 * built. */
static int refuse_shared_outputs(const batch *b)
{
    size_t n = b->njobs;
    char **paths = xcalloc(n, sizeof *paths), **ids = xcalloc(n, sizeof *ids);
    int status = CLI_RUN;
    for (size_t i = 0; i < n; i++) {
        paths[i] = b->jobs[i].output
                       ? strcpy(xmalloc(strlen(b->jobs[i].output) + 1), b->jobs[i].output)
                       : booklet_path(NULL, b->jobs[i].report);
        ids[i] = identity_of(paths[i]);
        for (size_t k = 0; k < i && status == CLI_RUN; k++)
            if (!strcmp(ids[i], ids[k]))
                status = cli_usage_error(b->o->command,
                                         "'%s' and '%s' would both be written to '%s' (give "
                                         "them different names, or build them apart)",
                                         b->jobs[k].report, b->jobs[i].report, paths[i]);
    }
    for (size_t i = 0; i < n; i++) {
        free(paths[i]);
        free(ids[i]);
    }
    free(paths);
    free(ids);
    return status;
}

/* -o with several reports names a folder: one that exists, or nothing yet
 * (it is made). A file, or a link to nothing, is a usage error. */
static int check_output_dir(const cli_options *o)
{
    struct stat st;
    int err = stat(o->output, &st) == 0 ? 0 : errno;
    if (err == 0 && S_ISDIR(st.st_mode))
        return CLI_RUN;
    if (err == ENOENT && lstat(o->output, &st) != 0)
        return CLI_RUN; /* nothing there yet: made once everything is checked */
    if (err == 0 || err == ENOENT || err == ENOTDIR) /* a file, a link to nothing, a file above */
        return cli_usage_error(o->command,
                               "-o '%s' is not a folder: with several reports (or an -o ending "
                               "in '/'), -o names the folder that receives NAME.pdf for each",
                               o->output);
    fprintf(stderr, "briefc: error: cannot use the folder '%s': %s\n", o->output, strerror(err));
    return CLI_EXIT_OUTPUT;
}

/* mkdir -p: the folder and any missing folder above it. */
static bool make_dirs(const char *dir)
{
    char *p = strcpy(xmalloc(strlen(dir) + 1), dir);
    bool ok = true;
    for (char *s = p + 1; ok && *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        ok = mkdir(p, 0777) == 0 || errno == EEXIST;
        *s = '/';
    }
    if (ok && mkdir(p, 0777) != 0 && errno != EEXIST)
        ok = false;
    struct stat st;
    if (ok && (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))) {
        ok = false;
        errno = ENOTDIR;
    }
    free(p);
    return ok;
}

/* Everything that can be refused is refused before any folder is made or
 * any build starts: CLI_RUN, or the exit status. */
static int plan(batch *b)
{
    const cli_options *o = b->o;
    diag_list diags = {0};
    int64_t epoch;
    if (cli_source_date_epoch(&epoch, &diags) < 0) { /* each child would refuse it alike */
        diag_print(&diags, stderr);
        diag_list_free(&diags);
        return CLI_EXIT_USAGE;
    }
    if (o->command == CLI_CHECK)
        return CLI_RUN;
    bool to_dir = o->output != NULL;
    int status = to_dir ? check_output_dir(o) : CLI_RUN;
    for (size_t i = 0; status == CLI_RUN && i < b->njobs; i++)
        b->jobs[i].output = to_dir ? booklet_path(o->output, b->jobs[i].report) : NULL;
    if (status == CLI_RUN)
        status = refuse_shared_outputs(b);
    if (status == CLI_RUN && to_dir && !make_dirs(o->output)) {
        fprintf(stderr, "briefc: error: cannot make the folder '%s': %s\n", o->output,
                strerror(errno));
        status = CLI_EXIT_OUTPUT;
    }
    return status;
}

/* The cores this process may run on (taskset, a container's cpuset). */
static unsigned count_cores(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return (unsigned)CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

/* ---- the children ---- */

static void say(job *j, const char *text)
{
    size_t n = strlen(text);
    VEC_RESERVE(&j->said, j->said.count + n);
    memcpy(j->said.items + j->said.count, text, n);
    j->said.count += n;
}

/* In the child: its standard error into the pipe, the signals as the
 * parent found them, then the one-report build; never returns. exit, not
 * _exit: the parent flushed its streams before the fork, and the
 * sanitizers' leak check runs at exit. */
static void run_child(const batch *b, const job *j, int err_fd)
{
    close(b->signal_fd);
    for (size_t k = 0; k < b->njobs; k++)
        if (b->jobs[k].fd >= 0)
            close(b->jobs[k].fd);
    if (err_fd != STDERR_FILENO) {
        dup2(err_fd, STDERR_FILENO);
        close(err_fd);
    }
    sigprocmask(SIG_SETMASK, &b->old_mask, NULL);
    cli_options mine = *b->o;
    mine.report_path = j->report;
    mine.output = j->output;
    mine.one_thread = true; /* the batch gives each build a core: workers would only contend */
    cli_paths paths;
    cli_paths_find(&paths, j->report);
    int status = cli_build(&mine, &paths, NULL);
    cli_paths_free(&paths);
    exit(status);
}

/* Start job j: true when it runs, or it failed to start (its block says
 * why); false when the system has no room for another process now, while
 * others run (try again once one ends). */
static bool start_job(batch *b, job *j)
{
    int p[2];
    pid_t pid = -1;
    if (pipe(p) == 0) {
        fflush(NULL);
        pid = fork();
        if (pid == 0) {
            close(p[0]);
            run_child(b, j, p[1]);
        }
        int err = errno;
        close(p[1]);
        if (pid < 0)
            close(p[0]);
        errno = err;
    }
    if (pid < 0) {
        if (errno == EAGAIN && b->running > 0)
            return false;
        char line[512];
        snprintf(line, sizeof line, "briefc: error: cannot start the build of '%s': %s\n",
                 j->report, strerror(errno));
        say(j, line);
        j->status = CLI_EXIT_INPUT;
        return true;
    }
    j->pid = pid;
    j->fd = p[0];
    b->running++;
    return true;
}

static void start_jobs(batch *b)
{
    while (!b->stopped_by && b->running < b->workers && b->started < b->njobs &&
           start_job(b, &b->jobs[b->started]))
        b->started++;
}

/* The child's pipe is closed: reap it and set the job's status. */
static void reap(batch *b, job *j)
{
    close(j->fd);
    j->fd = -1;
    int ws = 0;
    while (waitpid(j->pid, &ws, 0) < 0 && errno == EINTR)
        ;
    j->pid = 0;
    b->running--;
    if (WIFEXITED(ws)) {
        j->status = WEXITSTATUS(ws);
    } else if (b->stopped_by) {
        j->status = STOPPED;
    } else {
        int sig = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
        char line[512];
        snprintf(line, sizeof line, "briefc: error: the build of '%s' ended by signal %d (%s)\n",
                 j->report, sig, strsignal(sig));
        say(j, line);
        j->status = CLI_EXIT_INPUT;
    }
}

/* Read what a child printed; reap it at the end of its output. */
static void read_child(batch *b, job *j)
{
    VEC_RESERVE(&j->said, j->said.count + 65536);
    ssize_t n = read(j->fd, j->said.items + j->said.count, 65536);
    if (n > 0)
        j->said.count += (size_t)n;
    else if (n == 0 || errno != EINTR)
        reap(b, j);
}

/* A stop signal: no build starts any more, each running one gets it too. */
static void read_signal(batch *b)
{
    struct signalfd_siginfo si;
    if (read(b->signal_fd, &si, sizeof si) != (ssize_t)sizeof si)
        return;
    b->stopped_by = (int)si.ssi_signo;
    for (size_t i = 0; i < b->njobs; i++)
        if (b->jobs[i].pid > 0)
            kill(b->jobs[i].pid, b->stopped_by);
}

/* Wait until a child prints or ends, or a signal comes. The signal is read
 * first: a Ctrl-C reaches the children too, and their end must be seen as
 * the batch's stop, not as a crash. */
static void wait_for_children(batch *b)
{
    struct pollfd *fds = xcalloc(b->running + 1, sizeof *fds);
    job **of = xcalloc(b->running + 1, sizeof *of);
    size_t n = 0;
    fds[n++] = (struct pollfd){.fd = b->signal_fd, .events = POLLIN};
    for (size_t i = 0; i < b->njobs; i++)
        if (b->jobs[i].fd >= 0) {
            of[n] = &b->jobs[i];
            fds[n++] = (struct pollfd){.fd = b->jobs[i].fd, .events = POLLIN};
        }
    if (poll(fds, n, -1) > 0) {
        if (fds[0].revents)
            read_signal(b);
        for (size_t i = 1; i < n; i++)
            if (fds[i].revents)
                read_child(b, of[i]);
    }
    free(of);
    free(fds);
}

/* ---- the blocks ---- */

static void print_block(const job *j)
{
    fwrite(j->said.items, 1, j->said.count, stderr);
    fflush(stderr);
}

/* Every block whose report and all before it are done. */
static void print_ready(batch *b)
{
    while (b->printed < b->njobs && b->jobs[b->printed].status != NO_STATUS)
        print_block(&b->jobs[b->printed++]);
}

/* After a stop: the blocks of the reports that did finish, in order. */
static void print_finished(batch *b)
{
    for (; b->printed < b->njobs; b->printed++)
        if (b->jobs[b->printed].status >= 0)
            print_block(&b->jobs[b->printed]);
}

/* With several reports, one last line names those that failed. */
static void print_failures(const batch *b)
{
    size_t failed = 0;
    for (size_t i = 0; i < b->njobs; i++)
        failed += b->jobs[i].status > 0;
    if (failed == 0 || b->njobs < 2)
        return;
    fprintf(stderr, "briefc: %zu of %zu reports failed:", failed, b->njobs);
    for (size_t i = 0; i < b->njobs; i++)
        if (b->jobs[i].status > 0)
            fprintf(stderr, " %s", b->jobs[i].report);
    fputc('\n', stderr);
}

/* ---- the session ---- */

/* Block the stop signals the parent may receive (not those it was started
 * ignoring) and read them from a signalfd. */
static bool start_session(batch *b)
{
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
    sigemptyset(&b->stop_signals);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction sa;
        if (sigaction(signals[i], NULL, &sa) == 0 && !(sa.sa_flags & SA_SIGINFO) &&
            sa.sa_handler == SIG_IGN)
            continue;
        sigaddset(&b->stop_signals, signals[i]);
    }
    if (sigprocmask(SIG_BLOCK, &b->stop_signals, &b->old_mask) != 0)
        return false;
    b->signal_fd = signalfd(-1, &b->stop_signals, SFD_CLOEXEC);
    return b->signal_fd >= 0;
}

static void run_jobs(batch *b)
{
    for (;;) {
        start_jobs(b);
        if (!b->stopped_by)
            print_ready(b);
        if (b->running == 0 && (b->stopped_by || b->started == b->njobs))
            break;
        if (b->running > 0)
            wait_for_children(b);
    }
    print_finished(b);
}

static void free_batch(batch *b)
{
    for (size_t i = 0; i < b->njobs; i++) {
        free(b->jobs[i].output);
        free(b->jobs[i].said.items);
    }
    free(b->jobs);
    if (b->signal_fd >= 0)
        close(b->signal_fd);
}

/* The process ends by the signal that stopped the batch, as it would have
 * without a handler: a shell then sees an interrupted command. */
static void end_by_signal(int sig)
{
    signal(sig, SIG_DFL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    sigprocmask(SIG_UNBLOCK, &only, NULL);
    raise(sig);
}

int cli_batch(const cli_options *o)
{
    batch b = {.o = o, .njobs = o->reports.count, .signal_fd = -1};
    b.jobs = xcalloc(b.njobs, sizeof *b.jobs);
    for (size_t i = 0; i < b.njobs; i++)
        b.jobs[i] = (job){.report = o->reports.items[i], .fd = -1, .status = NO_STATUS};
    b.workers = o->jobs ? o->jobs : count_cores();
    int status = plan(&b);
    if (status == CLI_RUN && !start_session(&b)) {
        fprintf(stderr, "briefc: error: cannot start the builds: %s\n", strerror(errno));
        status = CLI_EXIT_OUTPUT;
    }
    if (status == CLI_RUN) {
        text_preload(); /* once here, not once per child */
        run_jobs(&b);
        text_preload_drop();
        print_failures(&b);
        status = CLI_EXIT_OK;
        for (size_t i = 0; i < b.njobs; i++)
            if (b.jobs[i].status > status)
                status = b.jobs[i].status;
        sigprocmask(SIG_SETMASK, &b.old_mask, NULL);
    }
    int stopped_by = b.stopped_by;
    free_batch(&b);
    if (stopped_by) {
        end_by_signal(stopped_by);
        status = 128 + stopped_by; /* only if the signal did not end the process */
    }
    return status;
}
