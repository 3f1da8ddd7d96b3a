/* cli.h — the command line, the last stage of the pipeline: the commands
 * `build`, `check` and `watch`, their options and help, where layouts and
 * fonts are found, the diagnostics printed and the exit status chosen.
 * Every other stage returns its errors as values; only this one prints. */
#ifndef BRIEFC_CLI_H
#define BRIEFC_CLI_H

/* Exit statuses (README "Use"). */
enum {
    CLI_EXIT_OK = 0,     /* success, warnings allowed */
    CLI_EXIT_INPUT = 1,  /* the inputs are wrong or cannot be typeset */
    CLI_EXIT_USAGE = 2,  /* the command line (or SOURCE_DATE_EPOCH) is wrong */
    CLI_EXIT_OUTPUT = 3, /* the output cannot be written */
};

/* Run briefc with main's arguments; returns the exit status. */
int cli_main(int argc, char **argv);

#endif
