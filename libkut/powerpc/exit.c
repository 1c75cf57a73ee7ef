// SPDX-License-Identifier: MIT
/*
 * exit.c - ending a test on pseries, which has no test device: exit()
 * (../exit.c) has printed KUT_EXIT_STATUS_LINE and the status a test
 * device would make QEMU exit with (kut_abi.h); power off through RTAS,
 * as upstream's powerpc tests do.  kut-run's LAUNCH_DECODE_CONSOLE reads
 * the line.
 */
#include <libcflat.h>
#include <asm/rtas.h>

#include "../arch.h"

void arch_exit(int code)
{
	(void)code;
	rtas_power_off();
}
