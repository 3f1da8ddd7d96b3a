/* cli.c — cli_main: read the command line, find where things are, run the
 * command. */
#include "cli_internal.h"

int cli_main(int argc, char **argv)
{
    cli_options o;
    int status = cli_parse(argc, argv, &o);
    if (status != CLI_RUN)
        return status;
    if (o.command == CLI_INFO)
        return cli_info(&o);
    if (o.command == CLI_EXTRACT)
        return cli_extract(&o);
    cli_paths paths;
    /* a diff's PDF is in NEW's layout, looked up from NEW's folder */
    cli_paths_find(&paths, o.command == CLI_DIFF ? o.new_path : o.report_path);
    status = o.command == CLI_WATCH  ? cli_watch(&o, &paths)
             : o.command == CLI_DIFF ? cli_diff(&o, &paths)
                                     : cli_build(&o, &paths, NULL);
    cli_paths_free(&paths);
    return status;
}
