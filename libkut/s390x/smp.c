// SPDX-License-Identifier: MIT
/*
 * smp.c - the other CPUs of an s390x machine.
 */
#include <libcflat.h>
#include <asm/arch_def.h>
#include <asm/sigp.h>
#include <sclp.h>

#include "s390x.h"

void s390x_smp_stop_others(void)
{
	int i, n = sclp_get_cpu_num();
	uint16_t me = stap();
	CPUEntry *cpu;

	if (n <= 1)
		return;
	cpu = sclp_get_cpu_entries();
	for (i = 0; i < n; i++)
		if (cpu[i].address != me)
			sigp_retry(cpu[i].address, SIGP_STOP, 0, NULL);
}
