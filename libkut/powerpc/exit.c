// SPDX-License-Identifier: MIT
/*
 * exit.c - ending a test on pseries, which has no test device: print
 * KUT_EXIT_STATUS_LINE and the status a test device would make QEMU exit
 * with (kut_abi.h), then power off through RTAS, as upstream's powerpc
 * tests do.  kut-run's LAUNCH_DECODE_CONSOLE reads the line.
 */
#include <libcflat.h>
#include <kut_abi.h>
#include <asm/rtas.h>

#include "../arch.h"

void arch_exit(int code)
{
	printf("\n" KUT_EXIT_STATUS_LINE "%d\n", KUT_QEMU_STATUS(KUT_TESTDEV_CODE(code)));
	rtas_power_off();
}
