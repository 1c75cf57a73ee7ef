// SPDX-License-Identifier: MIT
/*
 * exit.c - how a test ends: exit() hands the code to the arch's test
 * device; abort() ends as a failure with upstream's code 64.
 */
#include <libcflat.h>

#include "arch.h"

#define ABORT_CODE	64

void exit(int code)
{
	arch_exit(code);
}

void abort(void)
{
	exit(ABORT_CODE);
}
