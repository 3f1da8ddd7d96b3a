/* cli_args.c — the commands and their options, and the help that explains
 * them. Options may come before or after REPORT, as -l NAME, -lNAME,
 * --layout NAME or --layout=NAME; `--` ends them. */
#include "cli_internal.h"

#include "../impose/impose.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- help texts ---- */

static const char USAGE_BUILD[] =
    "usage: briefc build REPORT [-l LAYOUT] [-o OUT.pdf] [-q]\n"
    "                    [--copies RANGE [--split]] [--impose booklet] [--marks]\n"
    "       briefc build REPORT... [-j N] [-l LAYOUT] [-o DIR/] [-q]\n";
static const char USAGE_CHECK[] = "usage: briefc check REPORT... [-j N] [-l LAYOUT]\n";
static const char USAGE_WATCH[] = "usage: briefc watch REPORT [-l LAYOUT] [-o OUT.pdf] [-q]\n";
static const char USAGE_INFO[] = "usage: briefc info BOOKLET.pdf [--json]\n";
static const char USAGE_EXTRACT[] = "usage: briefc extract BOOKLET.pdf [-d DIR] [--force] [-q]\n";
static const char USAGE_DIFF[] =
    "usage: briefc diff OLD NEW [-o CHANGES.pdf [-l LAYOUT]] [--exit-code] [-q]\n";

#define OPTION_PRINT                                                                               \
    "  --copies=RANGE      numbered copies (份号), e.g. 1-200 or 5,9,12-15: each copy\n"         \
    "                      shows its six-digit number where the layout prints\n"                   \
    "                      meta.copy (and print.copy_mark on every page); one PDF\n"               \
    "                      holds them all, in order (at most 100000)\n"                            \
    "  --split             a file per copy instead: OUT-000017.pdf\n"                              \
    "  --impose=booklet    printer's sheets for saddle stitching: two pages a side\n"              \
    "                      on a sheet twice the page, padded to a multiple of 4;\n"                \
    "                      print duplex, flip on the short edge, fold the stack\n"                 \
    "  --marks             trim and bleed boxes (print.bleed, default 3 mm), crop\n"               \
    "                      marks, a fold mark on sheets, a slug naming each sheet\n"
#define OPTION_LAYOUT                                                                              \
    "  -l, --layout=NAME   the layout: a name, looked up as NAME.yaml (.yml, .json)\n"             \
    "                      in REPORT's folder's layouts/, then ./layouts/, then the\n"             \
    "                      installed layouts (a4-report, a5-booklet); or a path.\n"                \
    "                      Wins over the report's meta.layout, which wins over the\n"              \
    "                      default '" CLI_DEFAULT_LAYOUT "'.\n"
#define OPTION_OUTPUT                                                                              \
    "  -o, --output=FILE   where the PDF goes (default: REPORT with .pdf, beside it).\n"           \
    "                      A regular file is replaced only once the new PDF is\n"                  \
    "                      complete; a device or a pipe is written into; a folder,\n"              \
    "                      a block device or a dangling link is refused (exit 3).\n"
#define OPTION_STDOUT "                      '-o -' writes the PDF to standard output.\n"
#define OPTION_OUTPUT_DIR                                                                          \
    "  -o, --output=DIR/   with several reports (or ending in '/'): the folder,\n"                 \
    "                      created when missing, that receives NAME.pdf for each\n"                \
    "                      REPORT NAME.yaml; without -o each goes beside its report\n"
#define OPTION_JOBS                                                                                \
    "  -j, --jobs=N        with several reports: how many are built at once, each\n"               \
    "                      in its own process (1 to " CLI_MAX_JOBS_TEXT                            \
    "; default: one per core)\n"
#define OPTION_QUIET                                                                               \
    "  -q, --quiet         say nothing on success; print only errors and warnings\n"
#define OPTION_EMBED                                                                               \
    "  --embed-source      carry the report and every file of its layout chain\n"                  \
    "                      inside the booklet, byte for byte (PDF/A-3b); `briefc\n"                \
    "                      extract` gives them back\n"
#define OPTION_HELP "  -h, --help          this text\n"
#define EXIT_STATUS                                                                                \
    "exit status: 0 success (warnings allowed), 1 the inputs are wrong or cannot be\n"             \
    "typeset, 2 usage error, 3 the output cannot be written.\n"

#define EXIT_STATUS_SEVERAL                                                                        \
    "With several reports, the highest status of any: 3 when a booklet could not\n"                \
    "be written, else 1 when a report failed, else 0.\n"

#define USAGE_ALL                                                                                  \
    "usage: briefc build REPORT [-l LAYOUT] [-o OUT.pdf] [-q]\n"                                   \
    "                    [--copies RANGE [--split]] [--impose booklet] [--marks]\n"                \
    "       briefc build REPORT... [-j N] [-l LAYOUT] [-o DIR/] [-q]\n"                            \
    "       briefc check REPORT... [-j N] [-l LAYOUT]\n"                                           \
    "       briefc watch REPORT [-l LAYOUT] [-o OUT.pdf] [-q]\n"                                   \
    "       briefc info BOOKLET.pdf [--json]\n"                                                    \
    "       briefc extract BOOKLET.pdf [-d DIR] [--force]\n"                                       \
    "       briefc diff OLD NEW [-o CHANGES.pdf [-l LAYOUT]] [--exit-code] [-q]\n"                 \
    "       briefc COMMAND --help\n"                                                               \
    "       briefc --help | --version\n"

static const char HELP[] =
    "briefc compiles a report (YAML or JSON, format version 1) into a typeset\n"
    "PDF booklet: cover, contents, numbered chapters of justified Chinese prose.\n"
    "\n" USAGE_ALL "\n"
    "commands:\n"
    "  build    write the booklet\n"
    "  check    everything but writing: report, layout, fonts, coverage\n"
    "  watch    build, then build again whenever the report or its layout changes\n"
    "  info     what a booklet says about itself: title, id, version, fonts, sources\n"
    "  extract  write the sources a booklet carries (--embed-source) back to files\n"
    "  diff     what changed between two versions of a report, as text or as a\n"
    "           修订对照 booklet\n"
    "\n"
    "options:\n" OPTION_LAYOUT OPTION_OUTPUT OPTION_STDOUT OPTION_OUTPUT_DIR OPTION_JOBS
        OPTION_QUIET OPTION_EMBED OPTION_HELP "  -V, --version       the version\n"
    "\n"
    "environment:\n"
    "  SOURCE_DATE_EPOCH   the PDF's dates, in seconds since 1970 (else the report's\n"
    "                      meta.date at 00:00 +08:00; the clock is never read)\n"
    "  BRIEFC_DATA_DIR     the folder of the installed layouts/ and fonts/ (else\n"
    "                      share/briefc beside the briefc program)\n"
    "\n" EXIT_STATUS;

static const char HELP_BUILD[] =
    "Compile REPORT (a .yaml, .yml or .json file, format version 1) into a PDF\n"
    "booklet. A failed build never leaves a half-written PDF and never replaces\n"
    "the previous one. On success one line on standard error says what was\n"
    "written: 'wrote OUT.pdf: 9 pages, 262 KB' (KB: 1000 bytes).\n"
    "\n"
    "Several reports are built side by side, N at a time (-j), each exactly as\n"
    "it would be alone: its diagnostics and its 'wrote' line are printed as one\n"
    "block, in the order of the command line; a bad report does not stop the\n"
    "others.\n"
    "\n"
    "options:\n" OPTION_LAYOUT OPTION_OUTPUT OPTION_STDOUT OPTION_OUTPUT_DIR OPTION_JOBS
        OPTION_QUIET OPTION_EMBED OPTION_PRINT OPTION_HELP "\n" EXIT_STATUS EXIT_STATUS_SEVERAL;

static const char HELP_CHECK[] =
    "Do everything a build does but write: read and validate REPORT, load the\n"
    "layout, find the fonts, check that every character can be typeset, lay out\n"
    "the pages. Errors and warnings are printed as file:line:col: error: ...;\n"
    "nothing is printed when all is well. Several reports are checked side by\n"
    "side, N at a time (-j), the diagnostics of each printed as one block, in the\n"
    "order of the command line.\n"
    "\n"
    "options:\n" OPTION_LAYOUT OPTION_JOBS OPTION_HELP "\n"
    "exit status: 0 the report builds (warnings allowed), 1 the inputs are wrong\n"
    "or cannot be typeset, 2 usage error; with several reports, 1 when any failed.\n";

static const char HELP_WATCH[] =
    "Build REPORT, then build it again whenever the report or any file of its\n"
    "layout's extends chain changes (saved in place or by rename). Each build\n"
    "prints its one-line result or its errors; a build that fails keeps the last\n"
    "good PDF. Ctrl-C (SIGINT) or SIGTERM stops it, with exit status 0.\n"
    "\n"
    "options:\n" OPTION_LAYOUT OPTION_OUTPUT OPTION_QUIET OPTION_EMBED OPTION_PRINT OPTION_HELP "\n"
    "exit status: 0 stopped by a signal, 2 usage error (or a bad SOURCE_DATE_EPOCH),\n"
    "3 the files cannot be watched.\n";

static const char HELP_INFO[] =
    "Print what BOOKLET.pdf, a booklet briefc wrote, says about itself: title,\n"
    "id, version, date, PDF/A conformance, pages, layout, the version of briefc\n"
    "that wrote it, its document and instance ids, each embedded font with the\n"
    "SHA-256 of its file, and the sources it carries with their sizes. A PDF\n"
    "briefc did not write gets one line saying so.\n"
    "\n"
    "options:\n"
    "  --json              the same as one JSON object, for scripts\n" OPTION_HELP "\n"
    "exit status: 0 printed, 1 not a booklet briefc wrote (or damaged), 2 usage error.\n";

static const char HELP_EXTRACT[] =
    "Write the sources BOOKLET.pdf carries (built with --embed-source: the report\n"
    "and the files of its layout chain) back to files under their own names in\n"
    "DIR. Every name is checked first: only plain file names are written, only\n"
    "inside DIR, and nothing is written when one is refused. Building the\n"
    "extracted report with the extracted layout gives the same booklet.\n"
    "\n"
    "options:\n"
    "  -d, --dir=DIR       where to write them (default: the current folder;\n"
    "                      created when missing)\n"
    "  --force             replace files of the same names (else refused)\n" OPTION_QUIET
        OPTION_HELP "\n"
    "exit status: 0 written, 1 not a booklet, damaged, no sources, an unsafe name\n"
    "or a file already there, 2 usage error, 3 a file cannot be written.\n";

static const char HELP_DIFF[] =
    "Compare two versions of a report (each read and validated as build reads it)\n"
    "and print every change, in document order, under the path of its section:\n"
    "prose as [-deleted-]{+inserted+} over whole tokens (a Han character, a mark,\n"
    "a run of Latin letters and digits such as 99.29% or 2017-08-30), sections\n"
    "added, removed or renamed, each task's figures before and after, each work\n"
    "area's mean completion, and the meta fields that changed. When nothing\n"
    "changed, one line says so.\n"
    "\n"
    "With -o, typeset the changes instead as a 修订对照 booklet in NEW's layout:\n"
    "a cover naming both versions, the changed sections with deletions struck\n"
    "through and insertions underlined, task tables with the bars of both\n"
    "versions, and the meta changes.\n"
    "\n"
    "options:\n"
    "  -o, --output=FILE   write the 修订对照 PDF there ('-' for standard output)\n"
    "                      instead of printing the listing; replaced only once\n"
    "                      the new PDF is complete\n"
    "  -l, --layout=NAME   the PDF's layout (default: NEW's meta.layout, else\n"
    "                      '" CLI_DEFAULT_LAYOUT "'), looked up as build looks it up from NEW\n"
    "  --exit-code         exit with status 1 when the versions differ (as\n"
    "                      git diff --exit-code)\n"
    "  -q, --quiet         print no listing and no line about the PDF written;\n"
    "                      with --exit-code, a silent test\n" OPTION_HELP "\n"
    "exit status: 0 compared (changes or not; with --exit-code: no changes), 1 a\n"
    "report is wrong or unreadable (or, with --exit-code, they differ), 2 usage\n"
    "error, 3 the PDF cannot be written.\n";

static const char *const COMMAND_NAMES[] = {"build", "check", "watch", "info", "extract", "diff"};
#define NCOMMANDS (sizeof COMMAND_NAMES / sizeof *COMMAND_NAMES)

static const char *usage_of(cli_command c)
{
    static const char *const usages[] = {USAGE_BUILD, USAGE_CHECK,   USAGE_WATCH,
                                         USAGE_INFO,  USAGE_EXTRACT, USAGE_DIFF};
    return usages[c];
}

static int print_command_help(cli_command c)
{
    static const char *const helps[] = {HELP_BUILD, HELP_CHECK,   HELP_WATCH,
                                        HELP_INFO,  HELP_EXTRACT, HELP_DIFF};
    fputs(usage_of(c), stdout);
    fputc('\n', stdout);
    fputs(helps[c], stdout);
    return CLI_EXIT_OK;
}

/* ---- errors ---- */

/* "briefc: error: …", then the command's usage (all of them when the
 * command is not known yet) and where the help is. */
static int usage_error_v(const cli_command *c, const char *fmt, va_list ap)
{
    fputs("briefc: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    if (c) {
        fputs(usage_of(*c), stderr);
        fprintf(stderr, "try 'briefc %s --help'\n", COMMAND_NAMES[*c]);
    } else {
        fputs(USAGE_ALL, stderr);
        fputs("try 'briefc --help'\n", stderr);
    }
    return CLI_EXIT_USAGE;
}

static int usage_error(const cli_command *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int usage_error(const cli_command *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int status = usage_error_v(c, fmt, ap);
    va_end(ap);
    return status;
}

int cli_usage_error(cli_command c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int status = usage_error_v(&c, fmt, ap);
    va_end(ap);
    return status;
}

static int unknown_command(const char *name)
{
    const char *guess = base_closest_word(name, COMMAND_NAMES, NCOMMANDS);
    if (guess)
        return usage_error(NULL, "unknown command '%s' (did you mean '%s'?)", name, guess);
    return usage_error(
        NULL, "unknown command '%s' (expected build, check, watch, diff, info or extract)", name);
}

/* ---- options ---- */

/* Whether argv[*i] is the option with that short or long name; its value
 * is then in *value: "--long=V", "-sV", or the next argument (*i moves on).
 * 1 matched, 0 not this option, -1 matched without a value (an error
 * printed). */
static int take_value(int argc, char **argv, int *i, const cli_command *c, char short_name,
                      const char *long_name, const char **value)
{
    const char *a = argv[*i];
    size_t n = strlen(long_name);
    const char *v = NULL;
    if (a[1] == short_name)
        v = a[2] ? a + 2 : NULL;
    else if (strncmp(a, long_name, n) == 0 && (a[n] == '\0' || a[n] == '='))
        v = a[n] == '=' ? a + n + 1 : NULL;
    else
        return 0;
    bool joined = v != NULL;
    if (!joined && *i + 1 < argc)
        v = argv[++*i];
    if (!v || !*v) {
        char name[3] = {'-', short_name, '\0'};
        usage_error(c, "option '%s' needs a value", a[1] == '-' ? long_name : name);
        return -1;
    }
    *value = v;
    return 1;
}

static bool builds(cli_command c)
{
    return c == CLI_BUILD || c == CLI_WATCH;
}

/* -j N: a count of workers from 1 to CLI_MAX_JOBS, digits only. */
static int read_jobs(const char *v, cli_options *o)
{
    unsigned long n = 0;
    const char *p = v;
    while (*p >= '0' && *p <= '9' && n <= CLI_MAX_JOBS)
        n = n * 10 + (unsigned long)(*p++ - '0');
    if (*p || n < 1 || n > CLI_MAX_JOBS)
        return usage_error(&o->command,
                           "-j expects how many reports to build at once, 1 to %d, not '%s'",
                           CLI_MAX_JOBS, v);
    o->jobs = (unsigned)n;
    return CLI_RUN;
}

/* An option of info or extract, which read a booklet. */
static int read_booklet_option(int argc, char **argv, int *i, cli_options *o)
{
    const char *a = argv[*i];
    const cli_command *c = &o->command;
    if (o->command == CLI_INFO && !strcmp(a, "--json")) {
        o->json = true;
        return CLI_RUN;
    }
    if (o->command == CLI_EXTRACT && !strcmp(a, "--force")) {
        o->force = true;
        return CLI_RUN;
    }
    int got = o->command == CLI_EXTRACT ? take_value(argc, argv, i, c, 'd', "--dir", &o->dir) : 0;
    if (got == 0)
        return usage_error(c, "unknown option '%s'", a);
    return got < 0 ? CLI_EXIT_USAGE : CLI_RUN;
}

/* An option of diff, which reads two reports and may write a PDF. */
static int read_diff_option(int argc, char **argv, int *i, cli_options *o)
{
    const char *a = argv[*i];
    const cli_command *c = &o->command;
    if (!strcmp(a, "--exit-code")) {
        o->exit_code = true;
        return CLI_RUN;
    }
    if (!strcmp(a, "--embed-source"))
        return usage_error(c, "--embed-source belongs to build and watch");
    int got = take_value(argc, argv, i, c, 'l', "--layout", &o->layout);
    if (got == 0)
        got = take_value(argc, argv, i, c, 'o', "--output", &o->output);
    if (got == 0)
        return usage_error(c, "unknown option '%s'", a);
    return got < 0 ? CLI_EXIT_USAGE : CLI_RUN;
}

static int read_copies(const char *v, cli_options *o)
{
    cli_why why;
    if (!cli_copies_parse(v, &o->copies, &why))
        return usage_error(&o->command, "%s", why.text);
    return CLI_RUN;
}

static int read_impose(const char *v, cli_options *o)
{
    impose_scheme scheme;
    if (!impose_scheme_named(v, &scheme))
        return usage_error(&o->command, "--impose: unknown scheme '%s' (expected booklet)", v);
    o->impose = (int)scheme;
    return CLI_RUN;
}

/* Print options that do not go together. */
static int check_print_options(const cli_options *o)
{
    bool to_stdout = o->output && !strcmp(o->output, "-");
    if (o->split && o->copies.count == 0)
        return usage_error(&o->command, "--split writes a file per copy: give --copies too");
    if (o->split && to_stdout)
        return usage_error(&o->command, "--split writes a file per copy: '-o -' is one stream");
    return CLI_RUN;
}

/* --copies, --split, --impose, --marks: 0 when argv[*i] is none of them,
 * else CLI_RUN or the exit status. Long names only: no short one is free of
 * a meaning elsewhere. */
static int read_print_option(int argc, char **argv, int *i, cli_options *o)
{
    const char *a = argv[*i], *v = NULL;
    const cli_command *c = &o->command;
    bool flag = !strcmp(a, "--split") || !strcmp(a, "--marks");
    int got = flag ? 1 : take_value(argc, argv, i, c, '\0', "--copies", &v);
    if (got == 0)
        got = take_value(argc, argv, i, c, '\0', "--impose", &v);
    if (got == 0)
        return 0;
    if (got < 0)
        return CLI_EXIT_USAGE;
    if (o->command == CLI_CHECK)
        return usage_error(c, "check writes nothing: %s belongs to build and watch", a);
    if (!strcmp(a, "--split"))
        o->split = true;
    else if (!strcmp(a, "--marks"))
        o->marks = true;
    else if (!strncmp(a, "--copies", 8))
        return read_copies(v, o);
    else
        return read_impose(v, o);
    return CLI_RUN;
}

/* One option of command c at argv[*i]. CLI_RUN to go on, else the exit status. */
static int read_option(int argc, char **argv, int *i, cli_options *o)
{
    const char *a = argv[*i];
    const cli_command *c = &o->command;
    if (!strcmp(a, "-h") || !strcmp(a, "--help"))
        return print_command_help(o->command);
    if ((!strcmp(a, "-q") || !strcmp(a, "--quiet")) && o->command != CLI_INFO) {
        o->quiet = true;
        return CLI_RUN;
    }
    if (o->command == CLI_INFO || o->command == CLI_EXTRACT)
        return read_booklet_option(argc, argv, i, o);
    if (o->command == CLI_DIFF)
        return read_diff_option(argc, argv, i, o);
    if (!strcmp(a, "--embed-source")) {
        if (!builds(o->command))
            return usage_error(c,
                               "check writes nothing: --embed-source belongs to build and watch");
        o->embed_source = true;
        return CLI_RUN;
    }
    int got = take_value(argc, argv, i, c, 'l', "--layout", &o->layout);
    if (got == 0) {
        got = take_value(argc, argv, i, c, 'o', "--output", &o->output);
        if (got == 1 && o->command == CLI_CHECK)
            return usage_error(c, "check writes nothing: -o belongs to build and watch");
    }
    if (got == 0 && (got = read_print_option(argc, argv, i, o)) != 0)
        return got;
    const char *jobs = NULL;
    if (got == 0 && (got = take_value(argc, argv, i, c, 'j', "--jobs", &jobs)) == 1) {
        if (o->command == CLI_WATCH)
            return usage_error(c, "watch follows one report: -j belongs to build and check");
        return read_jobs(jobs, o);
    }
    if (got == 0)
        return usage_error(c, "unknown option '%s'", a);
    return got < 0 ? CLI_EXIT_USAGE : CLI_RUN;
}

static int read_arguments(int argc, char **argv, cli_options *o)
{
    bool options_ended = false;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (!options_ended && !strcmp(a, "--")) {
            options_ended = true;
        } else if (!options_ended && a[0] == '-' && a[1] != '\0') {
            int status = read_option(argc, argv, &i, o);
            if (status != CLI_RUN)
                return status;
        } else if (o->command == CLI_DIFF && o->report_path && !o->new_path) {
            o->new_path = a;
        } else if (o->command == CLI_BUILD || o->command == CLI_CHECK) {
            VEC_PUSH(&o->reports, a); /* several are built side by side: cli_batch.c */
            o->report_path = o->reports.items[0];
        } else if (o->report_path) {
            bool booklet = o->command == CLI_INFO || o->command == CLI_EXTRACT;
            if (o->command == CLI_DIFF)
                return usage_error(&o->command, "unexpected argument '%s' (two reports: OLD NEW)",
                                   a);
            return usage_error(&o->command, "unexpected argument '%s' (one %s at a time)", a,
                               booklet ? "booklet" : "report");
        } else {
            o->report_path = a;
        }
    }
    if (!o->report_path)
        return usage_error(&o->command, o->command == CLI_INFO || o->command == CLI_EXTRACT
                                            ? "no booklet given"
                                        : o->command == CLI_DIFF ? "no reports given (OLD NEW)"
                                                                 : "no report given");
    if (o->command == CLI_DIFF && !o->new_path)
        return usage_error(&o->command, "only one report given: diff compares OLD with NEW");
    if (o->command == CLI_DIFF && o->layout && !o->output)
        return usage_error(&o->command, "-l sets the layout of the PDF: give -o CHANGES.pdf too");
    if (o->command == CLI_WATCH && o->output && !strcmp(o->output, "-"))
        return usage_error(&o->command, "watch writes a file again and again: '-o -' is for build");
    int print = check_print_options(o);
    if (print != CLI_RUN)
        return print;
    if (o->reports.count > 1 && o->output && !strcmp(o->output, "-"))
        return usage_error(&o->command,
                           "%zu reports cannot share standard output: give -o DIR/, a folder "
                           "for their booklets, or no -o to write each beside its report",
                           o->reports.count);
    return CLI_RUN;
}

void cli_options_free(cli_options *o)
{
    free(o->reports.items);
    free(o->copies.items);
    *o = (cli_options){0};
}

int cli_parse(int argc, char **argv, cli_options *o)
{
    *o = (cli_options){.command = CLI_BUILD};
    if (argc < 2)
        return usage_error(NULL, "no command given");
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || (!strcmp(cmd, "help") && argc == 2)) {
        fputs(HELP, stdout);
        return CLI_EXIT_OK;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
        printf("briefc %s\n", BRIEFC_VERSION);
        return CLI_EXIT_OK;
    }
    bool help = !strcmp(cmd, "help") && argc > 2; /* briefc help COMMAND */
    if (help)
        cmd = argv[2];
    size_t k = 0;
    while (k < NCOMMANDS && strcmp(cmd, COMMAND_NAMES[k]) != 0)
        k++;
    if (k == NCOMMANDS)
        return unknown_command(cmd);
    o->command = (cli_command)k;
    return help ? print_command_help(o->command) : read_arguments(argc, argv, o);
}
