// SPDX-License-Identifier: MIT
/*
 * exit.c - how a test ends: exit() says the status on the console (the
 * guest's own word, which kut-run needs before it calls a bare exit 0 a
 * pass, and the only carrier of the result on pseries and s390x), then
 * hands the code to the arch's test device; abort() ends as a failure
 * with upstream's code 64.
 */
#include <libcflat.h>
#include <kut_abi.h>

#include "arch.h"
#include "console.h"

#define ABORT_CODE	64

void exit(int code)
{
	console_exit_line(KUT_QEMU_STATUS(KUT_TESTDEV_CODE(code)));
	arch_exit(code);
}

void abort(void)
{
	exit(ABORT_CODE);
}
