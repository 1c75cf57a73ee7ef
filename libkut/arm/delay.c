// SPDX-License-Identifier: MIT
/*
 * delay.c - busy waits on the virtual counter (asm/delay.h).  Each wait
 * is one deadline on the counter: a long wait built of many short ones
 * would add up each one's overshoot (under TCG a "yield" may give the
 * host thread away for milliseconds, so mdelay(1000) as 1000 udelay(1000)
 * took ten seconds on a loaded host; tests/arm/timer.c measures it
 * against the RTC).
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
	delay((u64)msecs * get_cntfrq() / 1000);
}
