// SPDX-License-Identifier: MIT
/*
 * exit.c - the end of every s390x test, as upstream kvm-unit-tests ends
 * its own: exit() (../exit.c) has put the result on the console as
 * "EXIT: STATUS=<n>" with n = (code << 1) | 1 (KUT_EXIT_STATUS_LINE,
 * kut_abi.h); then every CPU stops (SIGP STOP), and QEMU, with
 * no CPU left running, shuts the machine down and exits 0.  s390x QEMU
 * has no exit device to carry a status; kut-run reads the line instead
 * (its arch table says so).  Should SIGP STOP fail, a disabled wait ends
 * the machine just the same (a guest panic to QEMU).
 */
#include <libcflat.h>
#include <asm/arch_def.h>
#include <asm/sigp.h>

#include "../arch.h"
#include "s390x.h"

void arch_exit(int code)
{
	(void)code;
	s390x_smp_stop_others();
	for (;;) {
		sigp(stap(), SIGP_STOP, 0, NULL);
		disabled_wait(0xfff);
	}
}
