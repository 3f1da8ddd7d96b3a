/* cli.c — cli_main: read the command line, find where things are, run the
 * command. */
#include "cli_internal.h"

static int run(const cli_options *o)
{
    if (o->command == CLI_INFO)
        return cli_info(o);
    if (o->command == CLI_EXTRACT)
        return cli_extract(o);
    if (cli_is_batch(o))
        return cli_batch(o);
    cli_paths paths;
    /* a diff's PDF is in NEW's layout, looked up from NEW's folder */
    cli_paths_find(&paths, o->command == CLI_DIFF ? o->new_path : o->report_path);
    int status = o->command == CLI_WATCH  ? cli_watch(o, &paths)
                 : o->command == CLI_DIFF ? cli_diff(o, &paths)
                                          : cli_build(o, &paths, NULL);
    cli_paths_free(&paths);
    return status;
}

int cli_main(int argc, char **argv)
{
    cli_options o;
    int status = cli_parse(argc, argv, &o);
    if (status == CLI_RUN)
        status = run(&o);
    cli_options_free(&o);
    return status;
}
