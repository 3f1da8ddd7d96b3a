/* main.c — briefc's entry point: the command line is the cli stage
 * (src/cli/cli.h). */
#include "cli/cli.h"

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
