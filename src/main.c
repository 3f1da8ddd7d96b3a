/* main.c — the command line only (placeholder until integration). */
#include "base/base.h"
int main(void)
{
    return 0;
}
