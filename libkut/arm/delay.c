// SPDX-License-Identifier: MIT
/*
 * delay.c - busy waits on the virtual counter (asm/delay.h).
 */
#include <libcflat.h>
#include <asm/delay.h>
#include <asm/processor.h>

void delay(u64 cycles)
{
	u64 start = get_cntvct();

	while (get_cntvct() - start < cycles)
		cpu_relax();
}

void udelay(unsigned long usecs)
{
	delay((u64)usecs * get_cntfrq() / 1000000);
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
